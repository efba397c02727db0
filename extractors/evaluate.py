"""Scoring attache records against the hand-annotated gold set (``attache eval``).

The figures this module produces must be *the same numbers* as the reference scorer
(``../shared/bin/score``), because that scorer is how the product is judged; a second opinion
that disagrees with it would only mislead tuning. So the matching rules below follow the
reference scorer rule for rule (see ``eval/README.md`` for the rules in prose):

* documents are matched by id; only documents present in the gold file are scored;
* meetings marked ``planned`` are left out on both sides;
* a gold meeting is found by the unused predicted meeting sharing the most gold parties, and
  only when at least two gold parties (or all, if fewer) are among its participants;
* participants are scored on found meetings; a predicted participant that is neither a party
  nor an attendee is spurious; participants of missed meetings count as missed;
* location and date accuracy are measured on found meetings whose gold entry has one;
* a gold claim is found when some predicted claim has the same speaker and covers at least half
  of the gold excerpt's words without being more than three times longer (or 60 words).

What this module adds over the reference: one result per language next to the overall one,
``details`` entries that carry the evidence sentence of every miss and spurious record, running
extraction itself on the gold documents, and ``check_floors`` for the accuracy gate.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.normalize import ARABIC_DIACRITICS

# ---------------------------------------------------------------------------------------------
# The matching key of the evaluation protocol.
#
# Deliberately NOT ``extractors.normalize.fold``: that key folds more than the reference scorer
# does (Persian/Arabic-Indic digits to ASCII, alef wasla, Urdu/Sindhi letter forms, underscores,
# zero-width joiners removed rather than split on), and the reference scorer defines the metric.
# Using the product's own, looser key here would let the evaluator count matches that the judge
# does not, and the two sets of figures would drift apart. ``tests/test_evaluate.py`` pins a
# string on which the two keys differ.
# ---------------------------------------------------------------------------------------------

_PROTOCOL_LETTERS = str.maketrans({
    "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا",
    "ؤ": "و", "ئ": "ی", "\u200c": " ", "\u200f": "", "\u200e": "",
})
_NOT_WORD = re.compile(r"[^\w\s]")

METRICS = ("meetings_f1", "participants_f1", "claims_f1", "location_accuracy", "date_accuracy")
"""Figures the accuracy gate can pin a floor on (keys of ``eval/floors.json``)."""


def protocol_fold(s: str | None) -> str:
    """Fold ``s`` exactly as the reference scorer does, so name and word matches agree with it."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = ARABIC_DIACRITICS.sub("", s).translate(_PROTOCOL_LETTERS).lower()
    s = _NOT_WORD.sub(" ", s)
    return " ".join(s.split())


def name_match(pred: str, gold: str, aliases: Iterable[str] = ()) -> bool:
    """Whether a predicted name denotes the gold entity.

    Equal after folding, or one is a whole-word suffix of the other whose last word is longer than
    two letters ("Aliyev" ~ "Ilham Aliyev"), against the canonical name or any of its aliases.
    """
    p = protocol_fold(pred)
    if not p:
        return False
    for g in (gold, *aliases):
        g = protocol_fold(g)
        if not g:
            continue
        if p == g:
            return True
        pt, gt = p.split(), g.split()
        short, long_ = (pt, gt) if len(pt) <= len(gt) else (gt, pt)
        if long_[-len(short):] == short and len(short[-1]) > 2:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSONL file; a bad line raises ValueError naming file and line."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except ValueError as e:
                raise ValueError(f"{path}:{n}: not JSON: {e}") from None


def load_gold(path: str | Path, lang: str | None = None) -> dict[str, dict[str, Any]]:
    """Gold documents by doc id, in file order, optionally only those of one language."""
    return {g["doc_id"]: g for g in read_jsonl(path) if lang is None or g.get("lang") == lang}


def record_doc_id(rec: Mapping[str, Any]) -> str:
    """The document a record belongs to, derived as the reference scorer derives it.

    ``doc.id`` (or the file name of ``doc.path``) without directory and extension, else the
    record's own ``doc_id``.
    """
    d = rec.get("doc")
    if isinstance(d, dict):
        return str(d.get("id") or d.get("path", "")).rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return str(rec.get("doc_id", ""))


def group_records(records: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Records grouped by document id, keeping their order."""
    out: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for r in records:
        out[record_doc_id(r)].append(r)
    return out


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def _field(obj: Any, *keys: str) -> Any:
    for k in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(k)
    return obj


def _person_names(items: Any) -> list[str]:
    return [it if isinstance(it, str) else (it.get("name") or it.get("text") or "") for it in items or []]


def _overlap(pred_names: list[str], gold_names: list[str], aliases: Mapping[str, Any]) -> int:
    return sum(1 for g in gold_names if any(name_match(p, g, aliases.get(g, ())) for p in pred_names))


def _evidence(rec: Mapping[str, Any]) -> str | None:
    ev = rec.get("evidence")
    if isinstance(ev, dict):
        return ev.get("sentence")
    return ev if isinstance(ev, str) else None


_SENTENCE_END = ".!?؟۔\n"


def sentence_around(text: str | None, excerpt: str) -> str | None:
    """The sentence of ``text`` containing ``excerpt`` (gold claims carry no evidence sentence).

    Falls back to locating the excerpt's first 30 characters, since annotators sometimes trim the
    end of a quote; ``None`` when the excerpt is not in the text.
    """
    if not text or not excerpt:
        return None
    at = text.find(excerpt)
    if at < 0:
        at = text.find(excerpt[:30])
    if at < 0:
        return None
    start = max(text.rfind(c, 0, at) for c in _SENTENCE_END) + 1
    ends = [i for i in (text.find(c, at + len(excerpt)) for c in _SENTENCE_END) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()


@dataclass
class _PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def row(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": self.tp, "fp": self.fp,
                "fn": self.fn}


def _claim_match(rec: Mapping[str, Any], gc: Mapping[str, Any], aliases: Mapping[str, Any]) -> bool:
    sp = _field(rec, "speaker", "name") or _field(rec, "speaker", "text") or ""
    if not name_match(sp, gc["speaker"], aliases.get(gc["speaker"], ())):
        return False
    pt = set(protocol_fold(rec.get("text") or _field(rec, "content", "text") or "").split())
    gt = protocol_fold(gc["text"]).split()
    if not gt or not pt:
        return False
    cover = sum(1 for t in gt if t in pt) / len(gt)
    return cover >= 0.5 and len(pt) <= max(3 * len(set(gt)), 60)


def score_docs(
    gold_docs: Mapping[str, Mapping[str, Any]],
    preds: Mapping[str, list[Mapping[str, Any]]],
    texts: Mapping[str, str] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Score one set of gold documents; returns the reference scorer's figures and the details.

    ``preds`` maps doc id to that document's records. ``texts`` (doc id -> document text) is only
    used to find the sentence around a missed gold claim.
    """
    meet, parts, claims = _PRF(), _PRF(), _PRF()
    loc_ok = loc_n = date_ok = date_n = canon_ok = canon_n = 0
    details: list[dict[str, Any]] = []
    texts = texts or {}
    for did, gdoc in gold_docs.items():
        aliases = gdoc.get("aliases", {})
        lang = gdoc.get("lang")

        def note(kind: str, evidence: str | None, _did: str = did, _lang: Any = lang, **kw: Any) -> None:
            details.append({"doc": _did, "lang": _lang, "kind": kind, **kw, "evidence": evidence})

        records = preds.get(did, [])
        pm = [r for r in records if r.get("type") == "meeting" and r.get("status") != "planned"]
        pc = [r for r in records if r.get("type") == "claim"]
        used: set[int] = set()
        for gm in gdoc.get("meetings", []):
            if gm.get("status") == "planned":
                continue
            gnames = gm["participants"]
            best, best_hit = None, 0
            for i, r in enumerate(pm):
                if i in used:
                    continue
                hit = _overlap(_person_names(r.get("participants")), gnames, aliases)
                if hit > best_hit:
                    best, best_hit = i, hit
            if best is None or best_hit < min(2, len(gnames)):
                meet.fn += 1
                parts.fn += len(gnames)
                note("missed_meeting", gm.get("evidence"), gold=list(gnames))
                continue
            used.add(best)
            meet.tp += 1
            r = pm[best]
            pnames = _person_names(r.get("participants"))
            ok = _overlap(pnames, gnames, aliases)
            canon_n += ok
            canon_ok += sum(1 for g in gnames if any(name_match(p, g) for p in pnames))
            parts.tp += ok
            parts.fn += len(gnames) - ok
            all_gold = list(gnames) + list(gm.get("attendees", []))
            parts.fp += sum(1 for p in pnames
                            if not any(name_match(p, g, aliases.get(g, ())) for g in all_gold))
            if gm.get("location"):
                loc_n += 1
                pl = _field(r, "location", "name") or _field(r, "location", "text")
                good = name_match(pl or "", gm["location"], aliases.get(gm["location"], ()))
                loc_ok += good
                if not good:
                    note("wrong_location", _evidence(r), gold=gm["location"], pred=pl)
            if gm.get("date"):
                date_n += 1
                pd = _field(r, "date", "value")
                date_ok += pd == gm["date"]
                if pd != gm["date"]:
                    note("wrong_date", _evidence(r), gold=gm["date"], pred=pd)
        for i, r in enumerate(pm):
            if i not in used:
                meet.fp += 1
                note("spurious_meeting", _evidence(r), pred=_person_names(r.get("participants")))
        gcl = gdoc.get("claims", [])
        for gc in gcl:
            if any(_claim_match(r, gc, aliases) for r in pc):
                claims.tp += 1
            else:
                claims.fn += 1
                note("missed_claim", sentence_around(texts.get(did), gc["text"]) or gc["text"],
                     gold={"speaker": gc["speaker"], "text": gc["text"]})
        for r in pc:
            if not any(_claim_match(r, gc, aliases) for gc in gcl):
                claims.fp += 1
                note("spurious_claim", _evidence(r),
                     pred={"speaker": _field(r, "speaker", "name"), "text": r.get("text")})
    figures = {
        "documents": len(gold_docs),
        "meetings": meet.row(),
        "participants": parts.row(),
        "participants_canonical": round(canon_ok / canon_n, 3) if canon_n else None,
        "location_accuracy": round(loc_ok / loc_n, 3) if loc_n else None, "location_n": loc_n,
        "date_accuracy": round(date_ok / date_n, 3) if date_n else None, "date_n": date_n,
        "claims": claims.row(),
    }
    return figures, details


def evaluate(
    gold_docs: Mapping[str, Mapping[str, Any]],
    records: Iterable[Mapping[str, Any]],
    texts: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Score records against gold: ``{"overall": F, "languages": {lang: F}, "details": [...]}``.

    Every ``F`` has the keys of the reference scorer's ``--json`` output and equals what it prints
    for the same files (``F`` of a language equals its ``--lang`` run). Each ``details`` entry is
    ``{"doc", "lang", "kind", "gold"?, "pred"?, "evidence"}`` with ``kind`` one of missed_meeting,
    spurious_meeting, wrong_location, wrong_date, missed_claim, spurious_claim.
    """
    preds = group_records(records)
    overall, details = score_docs(gold_docs, preds, texts)
    langs: dict[str, dict[str, Any]] = {}
    for lang in sorted({str(g.get("lang")) for g in gold_docs.values()}):
        subset = {d: g for d, g in gold_docs.items() if str(g.get("lang")) == lang}
        langs[lang] = score_docs(subset, preds)[0]
    return {"overall": overall, "languages": langs, "details": details}


# ---------------------------------------------------------------------------------------------
# Running extraction over the gold documents
# ---------------------------------------------------------------------------------------------


def find_documents(inputs: Iterable[str | Path]) -> dict[str, Path]:
    """Document files by id (file name without extension); directories contribute their ``*.txt``."""
    found: dict[str, Path] = {}
    for item in inputs:
        p = Path(item)
        files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
        for f in files:
            found.setdefault(f.stem, f)
    return found


def feed_items(gold_docs: Mapping[str, Mapping[str, Any]], files: Mapping[str, Path]) -> list[dict[str, Any]]:
    """One input item per gold document that has a file: ``{"id", "text", "date", "path"}``.

    The date is the gold ``doc_date`` because that is what a news feed delivers with an article;
    the language is not given, since detecting it is part of what is being measured.
    """
    items = []
    for did, g in gold_docs.items():
        if did in files:
            text = files[did].read_text(encoding="utf-8")
            items.append({"id": did, "text": text, "date": g.get("doc_date"), "path": str(files[did])})
    return items


def run_extraction(items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """attache/1 records for the feed items, from the library's ``extract_text``."""
    from extractors import extract_text  # lazy: the scorer must work without the extraction stack

    records: list[dict[str, Any]] = []
    for it in items:
        records.extend(extract_text(it["text"], lang=None, doc_date=it.get("date"), doc_id=it["id"],
                                    path=it.get("path")))
    return records


def evaluate_documents(
    gold_docs: Mapping[str, Mapping[str, Any]], inputs: Iterable[str | Path]
) -> dict[str, Any]:
    """Run extraction on the gold documents found in ``inputs`` and score it.

    The result is ``evaluate``'s plus ``"records"`` (what extraction produced) and
    ``"missing_documents"`` (gold ids with no file among the inputs; they are still scored, as
    misses, exactly as the reference scorer scores them).
    """
    files = find_documents(inputs)
    items = feed_items(gold_docs, files)
    records = run_extraction(items)
    result = evaluate(gold_docs, records, {it["id"]: it["text"] for it in items})
    result["records"] = records
    result["missing_documents"] = [d for d in gold_docs if d not in files]
    return result


def gold_texts(gold_path: str | Path, gold_docs: Iterable[str]) -> dict[str, str]:
    """Texts of gold documents stored the gold README's way, ``docs/<doc_id>.txt`` beside the gold file."""
    docs = Path(gold_path).parent / "docs"
    out = {}
    for did in gold_docs:
        f = docs / f"{did}.txt"
        if f.is_file():
            out[did] = f.read_text(encoding="utf-8")
    return out


# ---------------------------------------------------------------------------------------------
# The accuracy gate
# ---------------------------------------------------------------------------------------------


def metric_value(figures: Mapping[str, Any], metric: str) -> float | None:
    """One gate metric (``meetings_f1``, ``location_accuracy``, ...) from a scorer figures dict."""
    if metric.endswith("_f1"):
        return _field(dict(figures), metric[: -len("_f1")], "f1")
    return figures.get(metric)


def load_floors(path: str | Path) -> dict[str, dict[str, float]]:
    """The pinned floors, ``{lang: {metric: floor}}``."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_floors(result: Mapping[str, Any], floors: Mapping[str, Mapping[str, float]]) -> list[str]:
    """Readable lines for every floor the result is below; empty when the gate passes.

    ``floors`` keys are languages (or ``overall``). A floor above zero fails when its figure is
    missing (no such language in the gold, or nothing to measure), because a gate that cannot
    measure must not pass silently; an unknown metric name fails so that a typo cannot disable a
    floor.
    """
    out = []
    for scope, pins in floors.items():
        figures = result.get("overall") if scope == "overall" else result.get("languages", {}).get(scope)
        for metric, floor in pins.items():
            if metric not in METRICS:
                out.append(f"{scope} {metric}: unknown metric (known: {', '.join(METRICS)})")
                continue
            value = metric_value(figures, metric) if figures is not None else None
            if value is None:
                if floor > 0:
                    out.append(f"{scope} {metric}: not measured, floor {floor:.3f}")
            elif value < floor:
                out.append(f"{scope} {metric}: {value:.3f} is below the floor {floor:.3f}")
    return out

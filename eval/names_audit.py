"""Count person names in attache records that are not names, by kind of defect.

    python eval/names_audit.py RECORDS.jsonl                 # counts per language and kind
    python eval/names_audit.py RECORDS.jsonl --show KIND     # the offending names of one kind

Every person a record names (a meeting's participants, a claim's speaker) is checked once per
document and surface form. Titles resolved to their holder ("وزير الخارجية" -> the minister) and
pronouns are not names the text gives, so they are skipped; so are institutions (the record's key
does not start ``unk:`` and no dictionary person is named). The checks are fixed and use the
language data attache itself ships, not lists of their own:

- ``rule_word``: a word of the surface form is a one-word reporting cue or meeting trigger
  (``cues.jsonl``, ``meetings.json``), alone or behind one proclitic: "وأكد X", "استقبل X", "Recalling".
- ``function_word``: a word is a function word, preposition or complementizer of ``profile.json``.
- ``not_person_word``: a word heads an institution or place (``pronouns.json`` ``not_person_words``).
- ``place_word``: a word is a country or city name or demonym of the gazetteer ("US Labour Department").
- ``honorific``: the first word of a name the dictionary does not know is an honorific or a
  one-word title ("Dr. X", "Secretary", "Senator Wong"): the record prints no canonical name.
- ``handle``: a social-media handle or a glued name ("@Name", "narendramodi", "FirstLast").
- ``punctuation``: quotes or other punctuation, or a line break, inside the name.
- ``one_word_unknown``: a person the dictionary does not know whom the record names by one word (weak evidence:
  "Recalling", "Kazinform"; sometimes a real surname the article never gives in full).
- ``famous_bearer``: one word resolved to a dictionary person although, in the article, the word
  stands next to another name word ("سعيد" of "سعيد خطيب زاده" read as Kais Saied): the word is
  a given name (the first word of some full name in the dictionary) and the next token counts when it is
  a given name or surname of the dictionary, no cue, honorific or title, and the two together
  are not a full name of the person chosen.

A name may show several defects; ``names with a defect`` counts each name once.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import orjson

from extractors.actors import load_actors
from extractors.lang import cue_forms, load_json, load_jsonl, profile
from extractors.normalize import AR_PROCLITICS, ARABIC_DIACRITICS, fold, match_keys
from extractors.places import load_gazetteer

LANGS = ("ar", "fa", "en")
KINDS = ("rule_word", "function_word", "not_person_word", "place_word", "honorific", "handle",
         "punctuation", "one_word_unknown", "famous_bearer")
_HANDLE = re.compile(r"@|#|[a-z][A-Z]|^[a-z]{6,}$")
_PUNCT = re.compile(r"[\"«»“”()\[\]:;!?،؛,]")


def _plain(w: str) -> str:
    """A word without diacritics and case, letters otherwise as written: على and علي stay apart."""
    return "".join(c for c in w if not ARABIC_DIACRITICS.match(c)).lower()


def _words(lang: str, *pats: str) -> frozenset[str]:
    return frozenset(k for p in pats for k in match_keys(p) if " " not in k)


class Checker:
    """The closed word classes of one language, folded."""

    def __init__(self, lang: str) -> None:
        prof = profile(lang)
        # every surface form of a cue: its fixed patterns and the forms its inflected stems take
        pats = [p for p, _ in cue_forms(lang)]
        pats += [p for row in load_json(lang, "meetings.json")["triggers"] for p in row["patterns"]]
        self.rule = _words(lang, *pats)
        pr = load_json(lang, "pronouns.json")
        self.not_person = _words(lang, *pr.get("not_person_words", []))
        titles = [p for row in load_jsonl(lang, "titles.jsonl") for p in row["patterns"]]
        self.honorific = _words(lang, *pr["honorifics"], *[t for t in titles if len(fold(t).split()) == 1])
        self.title_keys = frozenset(k for t in titles for k in match_keys(t))
        self.title_words = frozenset(w for k in self.title_keys for w in k.split())
        self.function_raw = frozenset(_plain(w) for w in (*prof.get("function_words", []),
                                                          *prof.get("prepositions", []),
                                                          *prof.get("complementizers", [])))
        self.clitics = bool(prof.get("proclitics"))
        self.cased = prof.get("script") == "latin"

    def variants(self, w: str) -> list[str]:
        out = [w]
        if self.clitics:
            for c in AR_PROCLITICS:
                if w.startswith(fold(c)) and len(w) > 3:
                    out.append(w[1:])
            out += [v[2:] for v in list(out) if v.startswith("ال") and len(v) > 4]
        return out


def _gazetteer_words() -> frozenset[str]:
    return frozenset(k for k, _, _ in load_gazetteer().entries() if " " not in k and len(k) > 2)


def _name_words(db) -> frozenset[str]:
    """Given names (first words of full names) and surnames the dictionary knows."""
    return frozenset({k.split()[0] for k in db.full} | {w for k in db.short for w in k.split()})


def check(lang: str, text: str, name: str, actor: str | None, doc_text: str | None, span, ck: Checker,
          places: frozenset[str], vocab: frozenset[str], given: frozenset[str], db) -> list[str]:
    kinds = []
    words = fold(text).split()
    vs = [ck.variants(w) for w in words]
    if any(v in ck.rule for wv in vs for v in wv):
        kinds.append("rule_word")
    if any(_plain(w) in ck.function_raw for w in re.findall(r"\w+", text)):
        kinds.append("function_word")
    if any(v in ck.not_person for wv in vs for v in wv):
        kinds.append("not_person_word")
    if any(w in places for w in words):
        kinds.append("place_word")
    if actor is None and fold(name).split()[:1] and fold(name).split()[0] in ck.honorific:
        kinds.append("honorific")
    if actor is None and any(_HANDLE.search(t) for t in name.split()):
        kinds.append("handle")
    if actor is None and len(fold(name).split()) == 1:
        kinds.append("one_word_unknown")
    if _PUNCT.search(name) or "\n" in text:
        kinds.append("punctuation")
    if actor is not None and len(words) == 1 and words[0] in given and doc_text is not None and span:
        nxt = re.match(r"[ \u200c]+(\w+)", doc_text[span[1]:span[1] + 40])
        full_keys = {k for k, ids in db.full.items() if actor in ids}
        if nxt is not None and not (ck.cased and not nxt.group(1)[:1].isupper()):
            t = fold(nxt.group(1))
            if t in vocab and t not in ck.rule and t not in ck.title_words and t not in ck.honorific \
                    and t not in places and f"{words[0]} {t}" not in full_keys:
                kinds.append("famous_bearer")
    return kinds


def audit(path: Path, news_root: Path | None) -> tuple[dict, dict]:
    db = load_actors()
    places = _gazetteer_words()
    vocab = _name_words(db)
    given = frozenset(k.split()[0] for k in db.full if len(k.split()) > 1)
    checkers = {lang: Checker(lang) for lang in LANGS}
    seen: set[tuple] = set()
    counts: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list] = defaultdict(list)
    texts: dict[str, str | None] = {}
    for line in path.read_bytes().splitlines():
        if not line.strip():
            continue
        r: dict[str, Any] = orjson.loads(line)
        doc = r.get("doc") or {}
        lang = doc.get("lang")
        if lang not in checkers:
            continue
        people = r.get("participants") or [] if r.get("type") == "meeting" else [r.get("speaker") or {}]
        for p in people:
            text, name, key = p.get("text"), p.get("name"), p.get("key") or ""
            if not text or not name or key.startswith("title:") or p.get("resolution") in ("title", "pronoun"):
                continue
            if p.get("actor") is None and not key.startswith("unk:"):
                continue
            ck = checkers[lang]
            if p.get("actor") is not None and any(f" {k} " in f" {fold(text)} " for k in ck.title_keys):
                continue  # a title resolved to its holder: no name the text gives
            ident = (doc.get("id"), fold(text), name)
            if ident in seen:
                continue
            seen.add(ident)
            if doc.get("path") not in texts:
                texts[doc.get("path")] = _read(doc.get("path"), news_root)
            kinds = check(lang, text, name, p.get("actor"), texts[doc.get("path")], p.get("span"),
                          checkers[lang], places, vocab, given, db)
            counts[lang]["names"] += 1
            if kinds:
                counts[lang]["names with a defect"] += 1
            for k in kinds:
                counts[lang][k] += 1
                examples[k].append((lang, doc.get("id"), text, name))
    return counts, examples


def _read(p: str | None, news_root: Path | None) -> str | None:
    if not p:
        return None
    cands = [Path(p)]
    if news_root is not None:
        cands.append(news_root / Path(p).parent.name / Path(p).name)
    for c in cands:
        if c.is_file():
            return c.read_text("utf-8")
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("records", type=Path)
    ap.add_argument("--news", type=Path, default=None, help="the corpus root, when record paths are relative elsewhere")
    ap.add_argument("--show", choices=KINDS, help="list the names of one kind")
    a = ap.parse_args(argv)
    if not a.records.is_file():
        print(f"ERROR: no such file: {a.records}", file=sys.stderr)
        return 2
    counts, examples = audit(a.records, a.news)
    if a.show:
        for lang, doc, text, name in examples[a.show]:
            print(f"{lang}\t{doc}\t{text}\t{name}")
        return 0
    rows = ("names", "names with a defect", *KINDS)
    print("kind\t" + "\t".join(LANGS) + "\ttotal")
    for k in rows:
        vals = [counts[lang][k] for lang in LANGS]
        print(f"{k}\t" + "\t".join(map(str, vals)) + f"\t{sum(vals)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

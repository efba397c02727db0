"""Derive the actor file ``extractors/data/actors/officeholders.jsonl`` from the shared Wikidata table of
heads of state, heads of government and foreign ministers (``../shared/data/officeholders``).

    python scripts/build_officeholders.py                 # rewrite the derived file and its SOURCE summary
    python scripts/build_officeholders.py --check         # exit 1 when the committed files differ
    python scripts/build_officeholders.py --shared DIR    # another snapshot of the table

What it does, in order (the decisions live in ``scripts/officeholders_curation.json``):

1. Rows become terms of an attache role: the head of state is a president, king, emir, sultan or the
   Supreme Leader as the country's title requires, the head of government a prime minister, chancellor
   or (Iran, Switzerland) president; a row's own position label decides where it has one. Collective
   offices, governors-general of realms, dependent territories and entities outside ISO 3166 are left out.
2. Each seat gets one holder at a time: a term still open in Wikidata ends when the next holder takes
   office, and a term without an explicit end never overrides one with it ("prefer explicit end dates,
   then the latest start"). Open terms the table only saw in an older snapshot end at that snapshot.
   A head of government who is also the head of state at the time (the US, Chile) is the president only.
3. People are matched with the hand-written actor files (same Wikidata id; else the same folded name in
   the same country; else a similar name holding the same seat at the same time). A matched person keeps
   the hand-written entry (its name, Arabic and Persian spellings) and gains only the offices and the
   Wikidata id it lacks; a seat the hand-written files already fill for a period is theirs for that period.
4. English names: a matched person's hand-written name; else the curated English name of a label the
   table took from Portuguese; else the label. Labels that look non-English are flagged: each must be
   reviewed in the curation file (``labels``), and the summary counts those that are not.

The output is deterministic: the same table and the same hand-written files give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pycountry
from rapidfuzz.fuzz import token_set_ratio

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractors.actors import KEYS, ROLES  # noqa: E402
from extractors.normalize import fold  # noqa: E402

ACTORS_DIR = REPO / "extractors" / "data" / "actors"
OUTPUT = ACTORS_DIR / "officeholders.jsonl"
SOURCE_MD = ACTORS_DIR / "officeholders.SOURCE.md"
CURATION = Path(__file__).with_name("officeholders_curation.json")
SOURCE_FILE = "officeholders.jsonl"
SUMMARY_START, SUMMARY_END = "<!-- build summary: start -->", "<!-- build summary: end -->"

# Terms that ended before this are of no use to news from 2000 on (the table's own range).
EARLIEST_END = date(2000, 1, 1)
# The loader's tests require offices from 1945 on; older open terms are stale Wikidata statements.
EARLIEST_START = date(1945, 1, 1)
# Handovers overlap by a few days in every source (acting holders, a resignation taking effect later).
HANDOVER_DAYS = 10
# A similar name holding the same seat at the same time is the same person (token_set_ratio, 0-100):
# "Leonid Kutchma" / "Leonid Kuchma" 93, "Nouri al-Maliki" / "Nouri al-Maliki" 100.
SAME_PERSON_SIMILARITY = 75
# Countries whose people the table may name in Portuguese without that being wrong.
LUSOPHONE = frozenset({"AO", "BR", "CV", "GW", "MZ", "PT", "ST", "TL"})
# Where the table's Portuguese labels use French or Portuguese transliterations of Cyrillic or Georgian.
POST_SOVIET = frozenset({"AM", "AZ", "BY", "GE", "KG", "KZ", "MD", "RU", "TJ", "TM", "UA", "UZ", "BG"})
_PT_PARTICLES = frozenset({"da", "do", "dos", "das"})
# "Muhammad V de Kelantan", "Abdul Halim de Quedá": a Portuguese "of" before a place; French and
# Spanish names have it too ("Jean-Lucien Savi de Tové"), so a hit is reviewed, not rewritten
_PT_OF_PLACE = re.compile(r"\b(de|da|do|dos|das) [A-ZÁÉÍÓÚ][^ ]*$")
_PT_TITLES = re.compile(r"^(Papa|Rei|Rainha|Príncipe|Princesa|Imperador|Imperatriz|Grão|Xeque|Dom|Dona) ")
_PT_LETTERS = re.compile("[ãõÃÕ]")
_GREEK_ACCENTS = re.compile("[áéíóúÁÉÍÓÚ]")
_TRANSLIT = re.compile(r"tch|Iú|Gue|Gui|dj|chvili|ou(?=[bcdfghjklmnprstvz])|iev\b|[^\x00-\x7f]")
_NOT_A_PERSON = re.compile(r"\b(Conselho|Council|Junta|Committee|Comité|Presidencial)\b")
_ROMAN = re.compile(r"^[IVXL]+$")


@dataclass
class Term:
    qid: str
    name: str | None
    label_lang: str
    country: str | None  # ISO alpha-2; None for an organisation's office
    org: str | None
    role: str
    start: date
    end: date | None
    explicit: bool  # the end is a date the source states (not an open term or a snapshot bound)
    source_ref: str
    office: str  # the table's office (head_of_state, head_of_government, foreign_minister)


@dataclass
class Report:
    read: int = 0
    dropped: Counter = field(default_factory=Counter)
    trimmed: int = 0
    overlaps: list[str] = field(default_factory=list)
    matched: Counter = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)
    people_new: int = 0
    people_extended: int = 0
    offices: int = 0
    countries: set[str] = field(default_factory=set)


# -- reading ---------------------------------------------------------------------------------------


def _day(s: str | None, end: bool = False) -> date | None:
    """ISO day, or a bare year: January 1 for a start, December 31 for an end."""
    if not s:
        return None
    if re.fullmatch(r"\d{4}", s):
        return date(int(s), 12, 31) if end else date(int(s), 1, 1)
    return date.fromisoformat(s[:10])


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def default_shared() -> Path:
    """The shared table: ``ATTACHE_SHARED_DIR`` when set, else ``../shared`` beside the checkout."""
    base = os.environ.get("ATTACHE_SHARED_DIR")
    return (Path(base) if base else REPO.parent / "shared") / "data" / "officeholders"


def _role(row: dict[str, Any], cur: dict[str, Any]) -> tuple[str | None, str]:
    """The attache role of a row, or (None, why it is left out)."""
    office, country, label = row["office"], row["country_iso2"], row.get("position_label")
    if office == "foreign_minister":
        # the one organisation in the table: the EU's High Representative for Foreign Affairs
        return ("high_representative" if country == "EU" else "foreign_minister"), ""
    if country in cur["territories"]["codes"] and not (
            office == "head_of_government" and country in cur["territories"]["keep_head_of_government"]):
        return None, "dependent territory"
    kind = "head_of_state" if office == "head_of_state" else "head_of_government"
    if country in cur["skip"].get(kind, {}):
        return None, f"{kind} of {country} left out"
    if label:
        for pattern, role in cur["position_labels"]["rules"]:
            if re.search(pattern, label):
                return (role, "") if role else (None, "position without an attache role")
    table = cur[f"{kind}_role"]
    return table["by_country"].get(country, table["default"]), ""


def read_terms(shared: Path, cur: dict[str, Any], rep: Report) -> list[Term]:
    rows = _read_jsonl(shared / SOURCE_FILE)
    rep.read = len(rows)
    excluded = {k for k in cur["exclude_qids"] if not k.startswith("_")}
    as_of = max(_day(r.get("open_term_verified_until")) or date.min for r in rows)
    terms = []
    for r in rows:
        country = r["country_iso2"]
        org = "EU" if country == "EU" else None
        if not r["wikidata_qid"]:
            rep.dropped["no Wikidata id"] += 1
            continue
        if r["wikidata_qid"] in excluded:
            rep.dropped["excluded in the curation file"] += 1
            continue
        if org is None and (len(country) != 2 or pycountry.countries.get(alpha_2=country) is None):
            rep.dropped["entity outside ISO 3166 (Kosovo, breakaway states, regions)"] += 1
            continue
        role, why = _role(r, cur)
        if role is None:
            rep.dropped[why if "left out" not in why else "collective or non-executive head of state/government"] += 1
            continue
        start = _day(r["start_date"])
        if start is None:
            rep.dropped["no start date"] += 1
            continue
        end = _day(r["end_date"], end=True)
        explicit = end is not None and len(r["end_date"]) == 10
        if end is None:
            # "ended between 2022-12-11 and the next snapshot", or open only as of an older snapshot:
            # the last day the source saw the person in office
            seen = _day(r.get("open_term_verified_until")) or _day((r.get("attested_in_office_between") or [None])[-1])
            status = r.get("end_date_status", "")
            if status.startswith("ended between"):
                seen = _day(re.search(r"\d{4}-\d{2}-\d{2}", status).group(0))
            if seen is not None and seen < as_of:
                end = seen
        terms.append(Term(r["wikidata_qid"], r["person_name_en"], r["name_label_lang"] or "", None if org else country,
                          org, role, start, end, explicit, r["source_ref"], r["office"]))
    return terms


# -- one holder at a time ---------------------------------------------------------------------------


def _seat(t: Term) -> tuple[str, str]:
    return (t.country or t.org or "", t.role)


def one_holder_per_seat(terms: list[Term], rep: Report) -> list[Term]:
    """One holder per seat on every day: where several terms cover a day, a term whose end the source
    states wins over an open one, then the later start wins (a stale open term, a fictional entry, an
    acting holder's stint inside a term). A term keeps the days it wins; a handover overlap of a few
    days keeps the source's dates."""
    by_seat: dict[tuple[str, str], list[Term]] = defaultdict(list)
    for t in terms:
        by_seat[_seat(t)].append(t)
    one = timedelta(days=1)
    out: list[Term] = []
    for seat in sorted(by_seat):
        ts = _merge_same_person(by_seat[seat])
        cuts = sorted({t.start for t in ts} | {t.end + one for t in ts if t.end})
        won: dict[int, list[list[date | None]]] = defaultdict(list)
        for k, day in enumerate(cuts):
            covering = [i for i, t in enumerate(ts) if t.start <= day and (t.end is None or day <= t.end)]
            if not covering:
                continue
            w = max(covering, key=lambda i: (ts[i].explicit, ts[i].start, ts[i].qid))
            last = cuts[k + 1] - one if k + 1 < len(cuts) else None
            if won[w] and won[w][-1][1] is not None and won[w][-1][1] + one == day:
                won[w][-1][1] = last
            else:
                won[w].append([day, last])
        kept = []
        for i, t in enumerate(ts):
            if not won[i]:
                rep.dropped["superseded: another holder of the seat on every day of the term"] += 1
                continue
            for s, e in won[i]:
                if (s - t.start).days <= HANDOVER_DAYS:
                    s = t.start
                if e is not None and t.end is not None and (t.end - e).days <= HANDOVER_DAYS:
                    e = t.end
                if (s, e) != (t.start, t.end):
                    rep.trimmed += 1
                kept.append(replace(t, start=s, end=e))
        out.extend(kept)
    return out


def _merge_same_person(ts: list[Term]) -> list[Term]:
    """One person's repeated or overlapping statements of one seat become one term."""
    out: list[Term] = []
    for t in sorted(ts, key=lambda t: (t.qid, t.start)):
        prev = out[-1] if out and out[-1].qid == t.qid else None
        if prev is not None and _overlap_days(prev.start, prev.end, t.start, t.end) >= 0:
            later = t if prev.end is not None and (t.end is None or t.end > prev.end) else prev
            out[-1] = replace(prev, end=later.end, explicit=later.explicit,
                              name=prev.name or t.name, label_lang=prev.label_lang or t.label_lang)
        else:
            out.append(t)
    return out


def _overlap_days(s1: date, e1: date | None, s2: date, e2: date | None) -> int:
    far = date.max
    return (min(e1 or far, e2 or far) - max(s1, s2)).days


def presidential(terms: list[Term]) -> list[Term]:
    """Where the president heads the government too (most heads of government are the head of state at
    the time: the US, Chile, Liberia), every head-of-government term is a term as president."""
    heads = defaultdict(list)
    for t in terms:
        if t.office == "head_of_state" and t.role == "president":
            heads[(t.qid, t.country)].append(t)
    govs = defaultdict(list)
    for t in terms:
        if t.office == "head_of_government" and t.role == "prime_minister":
            govs[t.country].append(any(_overlap_days(t.start, t.end, h.start, h.end) > HANDOVER_DAYS
                                       for h in heads[(t.qid, t.country)]))
    both = {c for c, v in govs.items() if 2 * sum(v) >= len(v)}
    return [replace(t, role="president") if t.office == "head_of_government" and t.country in both
            and t.role == "prime_minister" else t for t in terms]


def president_only(terms: list[Term], rep: Report) -> list[Term]:
    """A head of government who is the head of state at the same time holds the head-of-state office only."""
    heads = defaultdict(list)
    for t in terms:
        if t.office == "head_of_state":
            heads[(t.qid, t.country)].append(t)
    out = []
    for t in terms:
        if t.office == "head_of_government" and t.role != "president" and any(
                _overlap_days(t.start, t.end, h.start, h.end) > HANDOVER_DAYS for h in heads[(t.qid, t.country)]):
            pieces = _subtract([(t.start, t.end)], [(h.start, h.end) for h in heads[(t.qid, t.country)]])
            if not pieces:
                rep.dropped["head of government who was head of state at the time"] += 1
            out.extend(replace(t, start=s, end=e) for s, e in pieces)
            continue
        out.append(t)
    return out


def _subtract(spans: list[tuple[date, date | None]], cuts: Iterable[tuple[date, date | None]]) -> list[tuple]:
    """``spans`` minus ``cuts`` (inclusive days); pieces a cut made shorter than a handover are dropped."""
    one = timedelta(days=1)
    for cs, ce in cuts:
        nxt = []
        for s, e in spans:
            if _overlap_days(s, e, cs, ce) < 0:
                nxt.append((s, e))
                continue
            if s < cs:
                nxt.append((s, cs - one))
            if ce is not None and (e is None or e > ce):
                nxt.append((ce + one, e))
        spans = nxt
    return [(s, e) for s, e in spans if e is None or (e - s).days >= HANDOVER_DAYS]


# -- English names ---------------------------------------------------------------------------------


def suspect(name: str | None, country: str | None, label_lang: str) -> str | None:
    """Why a label may not be the English form of the name, or None."""
    if not name:
        return "no label"
    if _NOT_A_PERSON.search(name):
        return "not a person's name"
    if not label_lang.startswith("pt"):
        return None
    words = name.split()
    if country not in LUSOPHONE and (set(words) & _PT_PARTICLES or _PT_LETTERS.search(name)):
        return "Portuguese particle or letter"
    if _PT_OF_PLACE.search(name) and country not in LUSOPHONE:
        return "Portuguese 'of' before a place"
    if _PT_TITLES.match(name):
        return "Portuguese title"
    if country in ("GR", "CY") and _GREEK_ACCENTS.search(name):
        return "Greek name with Portuguese accents"
    if country in POST_SOVIET and _TRANSLIT.search(name):
        return "Portuguese or French transliteration"
    if len(words) == 2 and _ROMAN.match(words[1]) and country not in LUSOPHONE:
        return "regnal name in Portuguese"
    return None


def _label(ts: list[Term]) -> tuple[str | None, str]:
    """The table's name for a person: an English label first, then the most frequent one."""
    named = [t for t in ts if t.name]
    if not named:
        return None, ""
    en = [t for t in named if t.label_lang == "en"]
    pool = en or named
    counts = Counter(t.name for t in pool)
    name = sorted(counts, key=lambda n: (-counts[n], len(n), n))[0]
    return name, next(t.label_lang for t in pool if t.name == name)


# -- the hand-written files ------------------------------------------------------------------------


@dataclass
class Hand:
    rows: dict[str, dict[str, Any]]
    by_qid: dict[str, str]
    by_name: dict[tuple[str, str], set[str]]
    seats: dict[tuple[str, str], list[tuple[date, date | None, str]]]


def load_hand(actors_dir: Path) -> Hand:
    rows: dict[str, dict[str, Any]] = {}
    for p in sorted(actors_dir.glob("*.jsonl")):
        if p.name != OUTPUT.name:
            for r in _read_jsonl(p):
                rows[r["id"]] = r
    by_qid = {r["wikidata"]: i for i, r in rows.items() if r.get("wikidata")}
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    seats: dict[tuple[str, str], list] = defaultdict(list)
    for i, r in rows.items():
        places = {o["country"] or o.get("org") for o in r["offices"]} | {i.split("-", 1)[0].upper()}
        for a in [r["name"], *r["aliases"].get("en", [])]:
            for c in places:
                by_name[(fold(a), c)].add(i)
            if len(fold(a).split()) > 1:
                by_name[(fold(a), "*")].add(i)
        for o in r["offices"]:
            seats[(o["country"] or o.get("org"), o["role"])].append((_day(o["from"]), _day(o["to"]), i))
    return Hand(rows, by_qid, by_name, seats)


def _match(qid: str, names: list[str], ts: list[Term], hand: Hand, rep: Report) -> str | None:
    """The hand-written id of the person, or None."""
    if qid in hand.by_qid:
        rep.matched["same Wikidata id"] += 1
        return hand.by_qid[qid]
    found: set[str] = set()
    if not names:
        return None
    for n in names:
        for t in ts:
            found |= hand.by_name.get((fold(n), t.country or t.org), set())
    how = "same name in the same country"
    if not found:
        # a person the hand-written files know in another capacity ("un-ismail-ould-cheikh-ahmed", the UN
        # envoy, was Mauritania's foreign minister): one full name, one person
        how = "same full name, known in another capacity"
        found = set().union(*(hand.by_name.get((fold(n), "*"), set()) for n in names))
        if len(found) > 1:
            found = set()
    if not found:
        how = "similar name in the same seat at the same time"
        best = 0.0
        for t in ts:
            for s, e, i in hand.seats.get(_seat(t), []):
                if _overlap_days(t.start, t.end, s, e) <= HANDOVER_DAYS:
                    continue
                score = max(token_set_ratio(fold(n), fold(a)) for n in names
                            for a in [hand.rows[i]["name"], *hand.rows[i]["aliases"]["en"]])
                if score >= SAME_PERSON_SIMILARITY and score >= best:
                    found = {i} if score > best else found | {i}
                    best = score
    if len(found) != 1:
        if len(found) > 1:
            rep.conflicts.append(f"{names[0]} ({qid}) matches several hand-written people: {sorted(found)}")
        return None
    i = found.pop()
    other = hand.rows[i].get("wikidata")
    if other and other != qid:
        rep.conflicts.append(f"{names[0]} ({qid}) matches {i}, which has Wikidata id {other}")
        return None
    rep.matched[how] += 1
    return i


# -- output ----------------------------------------------------------------------------------------


def _slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "person"


def _office(t: Term) -> dict[str, Any]:
    o: dict[str, Any] = {"role": t.role, "country": t.country}
    if t.org:
        o["org"] = t.org
    o["from"] = t.start.isoformat()
    o["to"] = t.end.isoformat() if t.end else None
    return o


def _source(qid: str, ts: list[Term], named: str) -> str:
    refs = sorted({t.source_ref for t in ts})
    return (f"Wikidata {qid} ({', '.join(sorted({t.office for t in ts}))}) via {'; '.join(refs)}; "
            f"derived from ../shared/data/officeholders by scripts/build_officeholders.py; English name: {named}")


def build(shared: Path, actors_dir: Path = ACTORS_DIR, curation: Path = CURATION) -> tuple[list[dict], Report]:
    cur = json.loads(curation.read_text(encoding="utf-8"))
    labels = {k: v for k, v in cur["labels"].items() if not k.startswith("_")}
    rep = Report()
    terms = read_terms(shared, cur, rep)
    for t in terms:
        assert t.role in ROLES, t.role
    terms = one_holder_per_seat(president_only(presidential(terms), rep), rep)
    terms = [t for t in terms if (t.end is None or t.end >= EARLIEST_END)]
    stale = [t for t in terms if t.start < EARLIEST_START]
    rep.dropped["open term starting before 1945"] += len(stale)
    terms = [t for t in terms if t.start >= EARLIEST_START]
    hand = load_hand(actors_dir)
    people: dict[str, list[Term]] = defaultdict(list)
    for t in terms:
        people[t.qid].append(t)
    out: list[dict] = []
    taken = set(hand.rows)
    for qid in sorted(people, key=lambda q: (int(q[1:]))):
        ts = sorted(people[qid], key=lambda t: (t.start, t.role))
        label, lang = _label(ts)
        fixed = labels.get(qid, {})
        name = fixed.get("name") or label
        names = [n for n in dict.fromkeys([name, label]) if n]
        hid = _match(qid, names, ts, hand, rep)
        # a seat the hand-written files fill for a period is theirs for that period
        offices = []
        for t in ts:
            cuts = [(s, e) for s, e, _ in hand.seats.get(_seat(t), [])]
            for s, e in _subtract([(t.start, t.end)], cuts):
                if t.end is None and s > t.start:
                    continue  # an open term outlasting a hand-written holder: the hand-written table is newer
                offices.append(replace(t, start=s, end=e))
        if hid is not None:
            row = hand.rows[hid]
            gain_qid = not row.get("wikidata")
            if not offices and not gain_qid:
                continue
            rep.people_extended += 1
            aliases = [row["name"]]
            if lang == "en" and label and fold(label) not in {fold(a) for a in [row["name"], *row["aliases"]["en"]]}:
                aliases.append(label)
            out.append({"id": hid, "name": row["name"], "wikidata": qid, "gender": row["gender"],
                        "aliases": {"en": aliases, "ar": [], "fa": []}, "short": {"en": [], "ar": [], "fa": []},
                        "offices": [_office(t) for t in offices],
                        "source": _source(qid, ts, "the hand-written entry's")})
        else:
            if not offices:
                continue
            why = suspect(label, ts[-1].country, lang)
            if why and not fixed:
                rep.unreviewed.append(f"{qid} {label!r} ({ts[-1].country}): {why}")
            if not name:
                rep.dropped["person without a name"] += 1
                continue
            rep.people_new += 1
            prefix = (offices[-1].country or offices[-1].org or "xx").lower()
            pid = f"{prefix}-{_slug(name)}"
            if pid in taken:
                pid = f"{pid}-{qid.lower()}"
            taken.add(pid)
            named = "curated (scripts/officeholders_curation.json)" if fixed.get("name") else "the Wikidata label"
            out.append({"id": pid, "name": name, "wikidata": qid, "gender": None,
                        "aliases": {"en": [name], "ar": [], "fa": []}, "short": {"en": [], "ar": [], "fa": []},
                        "offices": [_office(t) for t in offices], "source": _source(qid, ts, named)})
        rep.offices += len(offices)
        rep.countries |= {t.country for t in offices if t.country}
    for r in out:
        assert list(r) == list(KEYS)
    out.sort(key=lambda r: r["id"])
    return out, rep


def render(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def summary(rep: Report) -> str:
    lines = [SUMMARY_START, "",
             f"- rows read: {rep.read}; people written: {rep.people_new} new, {rep.people_extended} hand-written "
             f"people extended; offices written: {rep.offices}; countries: {len(rep.countries)}",
             f"- terms trimmed to one holder per seat: {rep.trimmed}",
             "- matched with hand-written people: " + ", ".join(f"{k} {v}" for k, v in sorted(rep.matched.items())),
             "- rows left out: " + "; ".join(f"{k} {v}" for k, v in sorted(rep.dropped.items())),
             f"- seats with two holders at once after trimming (resolve only with the name in the text): "
             f"{len(rep.overlaps)}",
             *(f"  - {x}" for x in sorted(rep.overlaps)),
             f"- unresolved matches: {len(rep.conflicts)}",
             *(f"  - {x}" for x in sorted(rep.conflicts)),
             f"- suspect labels not reviewed in the curation file: {len(rep.unreviewed)}",
             *(f"  - {x}" for x in sorted(rep.unreviewed)),
             "", SUMMARY_END]
    return "\n".join(lines)


def with_summary(source_md: str, rep: Report) -> str:
    head, _, rest = source_md.partition(SUMMARY_START)
    _, _, tail = rest.partition(SUMMARY_END)
    return head + summary(rep) + tail


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=None, help="folder of officeholders.jsonl")
    ap.add_argument("--check", action="store_true", help="exit 1 when the committed files differ from a build")
    args = ap.parse_args(argv)
    shared = args.shared or default_shared()
    if not (shared / SOURCE_FILE).is_file():
        print(f"error: {shared / SOURCE_FILE} not found (use --shared DIR or ATTACHE_SHARED_DIR)", file=sys.stderr)
        return 2
    rows, rep = build(shared)
    text = render(rows)
    md = with_summary(SOURCE_MD.read_text(encoding="utf-8"), rep)
    if args.check:
        same = OUTPUT.is_file() and OUTPUT.read_text(encoding="utf-8") == text and SOURCE_MD.read_text(
            encoding="utf-8") == md
        print("up to date" if same else "officeholders.jsonl or its SOURCE.md differ from a fresh build")
        return 0 if same else 1
    for path, content in ((OUTPUT, text), (SOURCE_MD, md)):
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(path)
    print(summary(rep))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A self-contained HTML report of attache/1 records: who met whom, when, where, who said what.

``build_report`` turns records (per-document, merged, or an event store's) into one HTML page that
opens offline: Plotly's JavaScript, the styles, the page script and the data are all inlined, and a
Content-Security-Policy forbids the page any request at all. The page has five parts:

* **Network** of who met whom (Plotly, laid out by networkx): people and parties as nodes sized by
  their number of meetings and coloured by country, edges weighted by meetings; hovering a node or
  the middle of an edge lists the meetings; clicking a node filters the timeline by that person.
* **Timeline**: meetings per day, week or month (held and planned apart), filterable by person and
  country, with the filtered meetings in a paginated table and the undated ones in a table of their
  own.
* **Places**: the meeting places ranked, with country codes and counts (no map: drawing one offline
  would need world boundaries that none of attache's dependencies ship).
* **Claims by speaker**: a searchable, paginated table; each row opens its evidence sentence with
  the claim highlighted.
* **Sources**: per event, the documents and languages that reported it.

Why it scales: reports are merged into events first (``extractors.merge``), the network keeps the
``NETWORK_MAX_NODES`` people with most meetings, and every table shows one page of rows at a time
from a compact JSON payload in which people, documents, places and sentences are stored once and
referenced by index. The page script renders what is visible and nothing else.

Why it reads right in Arabic and Persian: every piece of record text in the tables sits in an
element with ``dir="auto"`` or in ``<bdi>``, and every piece in a chart label is wrapped in Unicode
first-strong isolates (U+2068 ... U+2069), so in a hover line such as "علييف (AZ): 3 meetings" the
code and the count stay after the name, as in any English line. The page itself is English
(``lang="en"``).

Input is checked for what the report reads (``record_problem``): the ``attache/1`` schema tag, a
known type, the fields the JSON Schema requires for that type, and the shapes of the nested fields
used here. Full JSON Schema validation costs about a millisecond a record, too slow for a year of
news; ``attache schema`` gives the schema for that.
"""

from __future__ import annotations

import calendar
import contextlib
import html
import json
import math
import os
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import orjson

from extractors.errors import AttacheError
from extractors.merge import (
    date_window,
    doc_date,
    expand,
    location_key,
    merge_records,
    participant_identity,
)
from extractors.normalize import ARABIC_DIACRITICS, DIGITS, LETTER_MAP, ZW_SPACE

SCHEMA = "attache/1"
LANGS = ("ar", "fa", "en")
DEFAULT_TITLE = "attache report"
# The network shows this many people (most meetings first); the timeline and tables have them all.
NETWORK_MAX_NODES = 150
# Nodes with a label drawn next to them; the others show their name on hover.
NETWORK_LABELLED_NODES = 30
# Lines drawn (the pairs with most meetings), and above how many they are drawn fainter.
NETWORK_MAX_EDGES = 600
DENSE_EDGES = 250
EDGE_COLOUR, EDGE_COLOUR_DENSE = "rgba(90,100,120,0.45)", "rgba(90,100,120,0.22)"
# Edges whose middle shows their meetings on hover (the heaviest ones).
NETWORK_EDGE_HOVERS = 400
# Meetings listed in one hover box (a node's or an edge's); the rest are counted.
HOVER_MAX_MEETINGS = 8
# Countries with a colour of their own in the network; the others share one grey.
NETWORK_COLOURED_COUNTRIES = 10
NODE_SIZE_MIN, NODE_SIZE_MAX = 9, 46
# (at most this many nodes, height in pixels)
NETWORK_HEIGHTS = ((12, 420), (50, 540), (NETWORK_MAX_NODES, 680))
EDGE_WIDTH_CLASSES = (1.0, 2.5, 4.5, 7.0)
LAYOUT_SEED = 7
LAYOUT_ITERATIONS = 200
LAYOUT_SCALING = 4.0  # ForceAtlas2's repulsion: room between people
LAYOUT_GRAVITY = 1.0
# Rows per page of every table in the page.
PAGE_SIZE = 50
COUNTRY_COLOURS = ("#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2",
                   "#BCBD22", "#17BECF", "#7F3C8D")
OTHER_COLOUR = "#9AA5B1"
# The page's own font stack (report.css), so chart labels match the tables.
FONT_FAMILY = 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans Arabic", Tahoma, "DejaVu Sans", sans-serif'
GRANULARITY_CHARS = {"month": len("YYYY-MM"), "year": len("YYYY")}
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate ... pop directional isolate
NEW_FILE_MODE = 0o666  # less the umask, as for any file a program creates
TEMPLATE_PACKAGE = "extractors"
TEMPLATE_DIR = "templates"


class ReportError(AttacheError):
    """Records or options the report cannot use; the message says which and why."""

    exit_code = 2


@dataclass(frozen=True)
class ReportOptions:
    """What to show: the page title, a date range (inclusive), and document languages."""

    title: str = DEFAULT_TITLE
    date_from: date | None = None
    date_to: date | None = None
    langs: frozenset[str] | None = None


@dataclass
class Report:
    """The page and what went into it."""

    html: str
    meetings: int
    claims: int
    people: int
    documents: int
    left_out: int = 0  # events and claims outside --from/--to (or without any date when one is set)


@dataclass
class InputResult:
    """Records read from the inputs, and one line per input that could not be read in full."""

    records: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------------
# Reading and checking input


@cache
def _required_fields() -> dict[str, tuple[str, ...]]:
    """Per record type, the fields the shipped JSON Schema requires."""
    text = resources.files(TEMPLATE_PACKAGE).joinpath("schema", "attache-1.schema.json").read_text("utf-8")
    out = {}
    for branch in json.loads(text)["oneOf"]:
        out[branch["properties"]["type"]["const"]] = tuple(branch["required"])
    return out


def record_problem(rec: Any) -> str | None:
    """Why ``rec`` is not an attache/1 record the report can use, or None when it is."""
    if not isinstance(rec, dict):
        return "not a JSON object"
    if rec.get("schema") != SCHEMA:
        return f"not an {SCHEMA} record (schema {rec.get('schema')!r})"
    kind = rec.get("type")
    required = _required_fields().get(kind) if isinstance(kind, str) else None
    if required is None:
        return f"unknown record type {kind!r}"
    missing = [k for k in required if k not in rec]
    if missing:
        return f"{kind} record without {', '.join(missing)}"
    doc = rec["doc"]
    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
        return f"{kind} record whose doc has no id"
    if kind == "meeting":
        ps = rec["participants"]
        if not isinstance(ps, list) or not all(isinstance(p, dict) for p in ps):
            return "meeting whose participants are not a list of objects"
        for key in ("location", "date"):
            if rec[key] is not None and not isinstance(rec[key], dict):
                return f"meeting whose {key} is neither an object nor null"
    else:
        if not isinstance(rec["speaker"], dict):
            return "claim whose speaker is not an object"
        if not isinstance(rec["text"], str):
            return "claim whose text is not a string"
    return None


def _store_file(path: Path) -> Path:
    from extractors.store import EventStore

    return EventStore(path).path


def read_inputs(names: Sequence[str], stdin: Callable[[], bytes] | None = None) -> InputResult:
    """Records from JSONL or JSON-array files, ``-`` (stdin), or event-store directories.

    A bad line (not JSON, or not a usable attache/1 record) is left out and reported with the first
    bad line of its input, one line per input, so one broken file never costs the others' records.
    """
    result = InputResult()
    for name in names:
        try:
            data = _read_bytes(name, stdin)
        except ReportError as e:
            result.errors.append(str(e))
            continue
        good, bad, first = _parse(data)
        result.records.extend(good)
        if first is not None:
            more = f" (and {bad - 1} more bad line{'s' if bad > 2 else ''})" if bad > 1 else ""
            result.errors.append(f"{name}:{first[0]}: {first[1]}{more}")
        elif not good:
            result.errors.append(f"{name}: no records (empty input)")
    return result


def _read_bytes(name: str, stdin: Callable[[], bytes] | None) -> bytes:
    if name == "-":
        return (stdin or sys.stdin.buffer.read)()
    path = Path(name)
    if path.is_dir():
        path = _store_file(path)
        if not path.is_file():
            raise ReportError(f"{name}: a directory without an event store ({path.name})")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReportError(f"{name}: no such file") from None
    except OSError as e:
        raise ReportError(f"{name}: {e.strerror or e}") from None


def _parse(data: bytes) -> tuple[list[dict], int, tuple[int, str] | None]:
    """(usable records, number of bad lines, (line, reason) of the first bad one)."""
    good: list[dict] = []
    bad = 0
    first: tuple[int, str] | None = None

    def fail(line: int, reason: str) -> None:
        nonlocal bad, first
        bad += 1
        if first is None:
            first = (line, reason)

    if b"\x00" in data:
        return [], 1, (1, "not JSONL (binary data)")
    stripped = data.lstrip()
    if stripped.startswith(b"["):
        try:
            items = orjson.loads(data)
        except orjson.JSONDecodeError as e:
            return [], 1, (1, f"not a JSON array: {e}")
        numbered: Iterable[tuple[int, Any]] = enumerate(items, 1)
    else:
        numbered = _jsonl_items(data, fail)
    for n, item in numbered:
        problem = record_problem(item)
        if problem is None:
            good.append(item)
        else:
            fail(n, problem)
    return good, bad, first


def _jsonl_items(data: bytes, fail: Callable[[int, str], None]) -> Iterable[tuple[int, Any]]:
    for n, line in enumerate(data.split(b"\n"), 1):
        line = line.strip()
        if not line:
            continue
        try:
            yield n, orjson.loads(line)
        except orjson.JSONDecodeError as e:
            fail(n, f"not JSON ({e})")


# ---------------------------------------------------------------------------------------------------
# Options


def parse_date_bound(value: str, end: bool = False) -> date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first day (or, for ``end``, the last) it covers."""
    parts = value.strip().split("-")
    try:
        nums = [int(p) for p in parts]
        if not 1 <= len(nums) <= 3 or len(parts[0]) != 4:
            raise ValueError
        y = nums[0]
        m = nums[1] if len(nums) > 1 else (12 if end else 1)
        d = nums[2] if len(nums) > 2 else (calendar.monthrange(y, m)[1] if end else 1)
        return date(y, m, d)
    except (ValueError, IndexError):
        raise ReportError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


def parse_langs(values: Iterable[str]) -> frozenset[str] | None:
    """Languages from repeated and/or comma-separated values; None when none are given."""
    out = {v.strip() for value in values for v in value.split(",") if v.strip()}
    unknown = sorted(out - set(LANGS))
    if unknown:
        raise ReportError(f"unsupported language {', '.join(unknown)} (ar, fa or en)")
    return frozenset(out) or None


# ---------------------------------------------------------------------------------------------------
# From records to the page's data


def _doc(rec: dict) -> dict:
    d = rec.get("doc")
    return d if isinstance(d, dict) else {}


def _doc_ident(rec: dict) -> str:
    d = _doc(rec)
    return str(d.get("sha256") or d.get("id") or "")


def _str(v: Any) -> str:
    return v if isinstance(v, str) else ""


def _meeting_key(rec: dict) -> tuple[str, str]:
    """A meeting's identity: a merged event's id is unique; a report's id only within its document."""
    rid = _str(rec.get("id"))
    return ("", rid) if rec.get("merged") else (_doc_ident(rec), rid)


def _claim_meeting_key(rec: dict) -> tuple[str, str]:
    """The identity of the meeting a claim was made at (``merge`` re-points claims to events)."""
    mid = _str(rec.get("meeting"))
    return ("", mid) if "doc_meeting" in rec else (_doc_ident(rec), mid)


def _window(rec: dict) -> tuple[date | None, date | None] | None:
    """The days a meeting may have happened on; the publication day when it has no date; else None."""
    w = date_window(rec)
    if w.rank == 0:
        pub = doc_date(rec)
        return (pub, pub) if pub else None
    return (w.lo, w.hi)


def _in_range(window: tuple[date | None, date | None] | None, opts: ReportOptions) -> bool:
    if opts.date_from is None and opts.date_to is None:
        return True
    if window is None:
        return False
    lo, hi = window
    if opts.date_to is not None and lo is not None and lo > opts.date_to:
        return False
    return not (opts.date_from is not None and hi is not None and hi < opts.date_from)


class _Index:
    """Values stored once in the page and referred to by position."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self.pos: dict[Any, int] = {}

    def add(self, key: Any, item: Any = None) -> int:
        i = self.pos.get(key)
        if i is None:
            i = self.pos[key] = len(self.items)
            self.items.append(key if item is None else item)
        return i


@dataclass
class _Person:
    names: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    meetings: list[int] = field(default_factory=list)
    claims: int = 0

    def name(self) -> str:
        return min(self.names.items(), key=lambda kv: (-kv[1], kv[0]))[0] if self.names else "?"

    def country(self) -> str | None:
        if not self.countries:
            return None
        return min(self.countries.items(), key=lambda kv: (-kv[1], kv[0]))[0]


class _Builder:
    """Collects people, documents, places and sentences once; meetings and claims refer to them."""

    def __init__(self) -> None:
        self.people: dict[str, _Person] = defaultdict(_Person)
        self.person_ids = _Index()
        self.docs = _Index()
        self.places = _Index()
        self.place_names: dict[int, Counter] = defaultdict(Counter)
        self.place_countries: dict[int, Counter] = defaultdict(Counter)
        self.sentences = _Index()
        self.meetings: list[dict] = []
        self.claims: list[dict] = []
        self.meeting_at: dict[tuple[str, str], int] = {}

    def person(self, p: dict) -> int | None:
        ident = participant_identity(p)
        if ident is None:
            return None
        idx = self.person_ids.add(ident)
        who = self.people[ident]
        name = _str(p.get("name")) or _str(p.get("text"))
        if name:
            who.names[" ".join(name.split())] += 1
        if isinstance(p.get("country"), str):
            who.countries[p["country"]] += 1
        return idx

    def doc(self, d: dict) -> int:
        did = _str(d.get("id"))
        dd = d.get("date") if isinstance(d.get("date"), dict) else {}
        return self.docs.add(did, [did, _str(d.get("lang")), _str(d.get("path")), _str(dd.get("value"))])

    def sentence(self, ev: Any) -> int:
        s = _str(ev.get("sentence")) if isinstance(ev, dict) else ""
        return self.sentences.add(s) if s else -1

    def add_meeting(self, rec: dict) -> None:
        idx = len(self.meetings)
        parts: list[int] = []
        roles: list[str] = []
        for p in rec.get("participants") or []:
            i = self.person(p)
            if i is not None and i not in parts:
                parts.append(i)
                roles.append(_str(p.get("role")))
        for i in parts:
            self.people[self.person_ids.items[i]].meetings.append(idx)
        place = -1
        loc = rec.get("location")
        key = location_key(loc)
        if key is not None:
            place = self.places.add(key)
            self.place_names[place][_str(loc.get("name")) or _str(loc.get("text"))] += 1
            if isinstance(loc.get("country"), str):
                self.place_countries[place][loc["country"]] += 1
        d = rec.get("date") if isinstance(rec.get("date"), dict) else {}
        value = _str(d.get("value"))
        weekday = d.get("weekday") if isinstance(d.get("weekday"), int) else None
        docs = [self.doc(_doc(rec))]
        for m in rec.get("mentions") or []:
            if isinstance(m, dict):
                i = self.doc(_doc(m))
                if i not in docs:
                    docs.append(i)
        gran = _str(d.get("granularity")) or ("day" if value.count("-") == 2 else "")
        # A month or a year is written as its first day ("2023-05-01", granularity "month"); show
        # only what is known.
        value = value[:GRANULARITY_CHARS[gran]] if gran in GRANULARITY_CHARS else value
        self.meetings.append({
            "d": value, "g": gran, "w": weekday,
            "s": 1 if rec.get("status") == "planned" else 0, "k": _str(rec.get("kind")),
            "p": parts, "r": roles, "l": place, "src": docs, "e": self.sentence(rec.get("evidence")),
        })
        self.meeting_at[_meeting_key(rec)] = idx

    def add_claim(self, rec: dict) -> None:
        speaker = self.person(rec["speaker"])
        if speaker is not None:
            self.people[self.person_ids.items[speaker]].claims += 1
        text = rec["text"]
        ev = rec.get("evidence") if isinstance(rec.get("evidence"), dict) else {}
        sentence = _str(ev.get("sentence"))
        start = _highlight_start(rec, sentence)
        meeting = self.meeting_at.get(_claim_meeting_key(rec), -1)
        when = ""
        if meeting >= 0 and self.meetings[meeting]["g"] == "day":
            when = self.meetings[meeting]["d"]
        if not when:
            dd = _doc(rec).get("date")
            when = _str(dd.get("value")) if isinstance(dd, dict) else ""
        self.claims.append({
            "sp": -1 if speaker is None else speaker, "t": text, "d": when, "doc": self.doc(_doc(rec)),
            "dir": 1 if rec.get("direct") else 0, "e": self.sentence(ev), "o": start,
            "cue": _str(rec.get("cue")), "m": meeting,
        })


def _highlight_start(rec: dict, sentence: str) -> int:
    """Where the claim's text starts in its evidence sentence (-1 when it cannot be found there)."""
    text = rec["text"]
    if not text or not sentence:
        return -1
    span, ev_span = rec.get("span"), (rec.get("evidence") or {}).get("span")
    if isinstance(span, list) and isinstance(ev_span, list) and span and ev_span:
        off = span[0] - ev_span[0] if isinstance(span[0], int) and isinstance(ev_span[0], int) else -1
        if 0 <= off and sentence[off:off + len(text)] == text:
            return off
    return sentence.find(text)


def _country_name(code: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    return getattr(c, "common_name", None) or getattr(c, "name", None) or code


def prepare(records: Iterable[dict], opts: ReportOptions) -> tuple[list[dict], list[dict], int]:
    """Events and claims to show: reports of the chosen languages merged, then the date range applied.

    Returns (meetings, claims, how many events and claims the date range left out).
    """
    raws = expand(records)
    if opts.langs is not None:
        raws = [r for r in raws if _doc(r).get("lang") in opts.langs]
    merged = merge_records(raws)
    meetings, claims, left_out = [], [], 0
    seen: set[tuple[str, str]] = set()
    kept: set[tuple[str, str]] = set()
    for rec in merged:
        if rec.get("type") == "meeting":
            key = _meeting_key(rec)
            seen.add(key)
            if _in_range(_window(rec), opts):
                meetings.append(rec)
                kept.add(key)
            else:
                left_out += 1
    for rec in merged:
        if rec.get("type") != "claim":
            continue
        key = _claim_meeting_key(rec)
        if key in seen:
            ok = key in kept  # a claim goes with its meeting
        else:
            pub = doc_date(rec)
            ok = _in_range((pub, pub) if pub else None, opts)
        if ok:
            claims.append(rec)
        else:
            left_out += 1
    return meetings, claims, left_out


def build_data(meetings: list[dict], claims: list[dict], opts: ReportOptions) -> dict:
    """The page's JSON payload (see the module docstring) and the aggregates the charts need."""
    b = _Builder()
    for rec in meetings:
        b.add_meeting(rec)
    for rec in claims:
        b.add_claim(rec)
    people = []
    for ident in b.person_ids.items:
        who = b.people[ident]
        people.append({"n": who.name(), "c": who.country(), "m": len(who.meetings), "cl": who.claims,
                       "h": sum(1 for i in who.meetings if b.meetings[i]["s"] == 0)})
    places = []
    for i, _ in enumerate(b.places.items):
        names = b.place_names[i]
        country = min(b.place_countries[i].items(), key=lambda kv: (-kv[1], kv[0]))[0] \
            if b.place_countries[i] else None
        places.append({"n": min(names.items(), key=lambda kv: (-kv[1], kv[0]))[0], "c": country,
                       "h": 0, "pl": 0})
    for m in b.meetings:
        if m["l"] >= 0:
            places[m["l"]]["pl" if m["s"] else "h"] += 1
    codes = {p["c"] for p in people if p["c"]} | {p["c"] for p in places if p["c"]}
    langs = Counter(d[1] for d in b.docs.items)
    return {
        "title": opts.title,
        "filters": {
            "from": opts.date_from.isoformat() if opts.date_from else None,
            "to": opts.date_to.isoformat() if opts.date_to else None,
            "langs": sorted(opts.langs) if opts.langs else None,
        },
        "pageSize": PAGE_SIZE,
        "countries": {c: _country_name(c) for c in sorted(codes)},
        "langs": dict(sorted(langs.items())),
        "people": people,
        "docs": b.docs.items,
        "places": places,
        "sentences": b.sentences.items,
        "meetings": b.meetings,
        "claims": b.claims,
        "fold": {"map": {**LETTER_MAP, **DIGITS, **ZW_SPACE}, "strip": ARABIC_DIACRITICS.pattern},
    }


# ---------------------------------------------------------------------------------------------------
# Charts (Plotly figures; the page draws them with the inlined plotly.js)


def isolate(text: str) -> str:
    """Record text for a chart label: HTML-escaped (Plotly reads tags) and bidi-isolated."""
    return FSI + html.escape(" ".join(text.split()), quote=False) + PDI


def _meeting_line(data: dict, m: dict, skip: int | None = None) -> str:
    people = data["people"]
    names = ", ".join(isolate(people[i]["n"]) for i in m["p"] if i != skip)
    where = f" · {isolate(data['places'][m['l']]['n'])}" if m["l"] >= 0 else ""
    status = " (planned)" if m["s"] else ""
    return f"{m['d'] or 'undated'}{status}: {names}{where}"


def _hover_list(data: dict, idxs: list[int], skip: int | None = None) -> str:
    ms = sorted(idxs, key=lambda i: (data["meetings"][i]["d"] or "~", i))
    lines = [_meeting_line(data, data["meetings"][i], skip) for i in ms[:HOVER_MAX_MEETINGS]]
    if len(ms) > HOVER_MAX_MEETINGS:
        lines.append(f"… and {len(ms) - HOVER_MAX_MEETINGS} more")
    return "<br>".join(lines)


def network_figure(data: dict) -> tuple[dict, int, int]:
    """The who-met-whom figure (as Plotly JSON), and the numbers of people and of pairs it leaves out."""
    import networkx as nx
    import plotly.graph_objects as go

    people = data["people"]
    with_meetings = [i for i, p in enumerate(people) if p["m"] > 0]
    shown = sorted(with_meetings, key=lambda i: (-people[i]["m"], people[i]["n"], i))[:NETWORK_MAX_NODES]
    shown_set = set(shown)
    pairs: dict[tuple[int, int], list[int]] = defaultdict(list)
    for mi, m in enumerate(data["meetings"]):
        ps = sorted(i for i in m["p"] if i in shown_set)
        for a_i, a in enumerate(ps):
            for b_ in ps[a_i + 1:]:
                pairs[(a, b_)].append(mi)

    graph = nx.Graph()
    graph.add_nodes_from(sorted(shown))
    for (a, b_), ms in sorted(pairs.items()):
        graph.add_edge(a, b_, weight=1 + math.log(len(ms)))
    # ForceAtlas2 with "dissuade hubs" (distributed_action): a spring layout piles the people who
    # meet everyone into the middle, where their labels overprint each other. Strong gravity keeps
    # the many pairs of people who met once and no one else (news is full of them) near the rest
    # instead of flung to the edges, which would squeeze the connected people into a small knot.
    pos = nx.forceatlas2_layout(graph, weight="weight", seed=LAYOUT_SEED, max_iter=LAYOUT_ITERATIONS,
                                distributed_action=True, scaling_ratio=LAYOUT_SCALING, strong_gravity=True,
                                gravity=LAYOUT_GRAVITY) \
        if graph.number_of_nodes() else {}
    xy = {n: (round(float(p[0]), 4), round(float(p[1]), 4)) for n, p in pos.items()}

    fig = go.Figure()
    # A hundred busy people can share thousands of pairs; drawn, they are one grey ball. The pairs
    # with most meetings are drawn; the others are still counted in the people's hovers.
    drawn = sorted(pairs, key=lambda ab: (-len(pairs[ab]), ab))[:NETWORK_MAX_EDGES]
    top = max((len(ms) for ms in pairs.values()), default=1)
    buckets: dict[tuple[int, bool], list[tuple[int, int]]] = defaultdict(list)
    for a, b_ in sorted(drawn):
        ms = pairs[(a, b_)]
        share = math.log(len(ms)) / math.log(top) if top > 1 else 0.0
        cls = min(int(share * len(EDGE_WIDTH_CLASSES)), len(EDGE_WIDTH_CLASSES) - 1)
        planned_only = all(data["meetings"][i]["s"] for i in ms)
        buckets[(cls, planned_only)].append((a, b_))
    for (cls, planned_only), edges in sorted(buckets.items()):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for a, b_ in edges:
            xs += [xy[a][0], xy[b_][0], None]
            ys += [xy[a][1], xy[b_][1], None]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
            line={"width": EDGE_WIDTH_CLASSES[cls], "color": EDGE_COLOUR_DENSE if len(drawn) > DENSE_EDGES
                  else EDGE_COLOUR,
                  "dash": "dot" if planned_only else "solid"}))
    if pairs:
        # Hover targets at the middle of the heaviest edges only: each is an SVG element, and a
        # few thousand of them would cost the page a second to draw. Node hovers list everything.
        mids = sorted(drawn[:NETWORK_EDGE_HOVERS])
        fig.add_trace(go.Scatter(
            x=[(xy[a][0] + xy[b_][0]) / 2 for a, b_ in mids], y=[(xy[a][1] + xy[b_][1]) / 2 for a, b_ in mids],
            mode="markers", marker={"size": 10, "opacity": 0}, showlegend=False, hoverinfo="text",
            hovertext=[f"<b>{isolate(people[a]['n'])} – {isolate(people[b_]['n'])}</b>: "
                       f"{len(pairs[(a, b_)])} meeting{'s' if len(pairs[(a, b_)]) > 1 else ''}<br>"
                       + _hover_list(data, pairs[(a, b_)]) for a, b_ in mids]))

    by_country = Counter(people[i]["c"] for i in shown if people[i]["c"])
    coloured = [c for c, _ in sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))]
    coloured = coloured[:NETWORK_COLOURED_COUNTRIES]
    labelled = set(shown[:NETWORK_LABELLED_NODES])
    top_m = max((people[i]["m"] for i in shown), default=1)
    groups: dict[str, list[int]] = defaultdict(list)
    for i in shown:
        c = people[i]["c"]
        groups[c if c in coloured else ""].append(i)
    for c in [*coloured, ""]:
        nodes = groups.get(c)
        if not nodes:
            continue
        label = f"{c} · {data['countries'].get(c, c)}" if c else "other or unknown country"
        fig.add_trace(go.Scatter(
            x=[xy[i][0] for i in nodes], y=[xy[i][1] for i in nodes], mode="markers+text", name=label,
            text=[isolate(people[i]["n"]) if i in labelled else "" for i in nodes],
            textposition="top center", textfont={"size": 12, "color": "#1a202c"},
            customdata=nodes, hoverinfo="text",
            hovertext=[_node_hover(data, i) for i in nodes],
            marker={"size": [NODE_SIZE_MIN + (NODE_SIZE_MAX - NODE_SIZE_MIN) * math.sqrt(people[i]["m"] / top_m)
                             for i in nodes],
                    "color": COUNTRY_COLOURS[coloured.index(c)] if c else OTHER_COLOUR,
                    "line": {"width": 1.5, "color": "#ffffff"}, "opacity": 0.92}))
    fig.update_layout(
        height=_network_height(len(shown)), margin={"l": 10, "r": 10, "t": 10, "b": 10}, hovermode="closest",
        font={"family": FONT_FAMILY},
        plot_bgcolor="#ffffff", paper_bgcolor="#ffffff", dragmode="pan",
        xaxis={"visible": False}, yaxis={"visible": False},  # stretched to the page's width: more room
        legend={"title": {"text": "Country "}, "itemsizing": "constant", "orientation": "h",
                "x": 0, "y": 0, "yanchor": "top"},
        hoverlabel={"align": "left", "font": {"size": 12}},
    )
    return fig.to_plotly_json(), len(with_meetings) - len(shown), len(pairs) - len(drawn)


def _network_height(nodes: int) -> int:
    """Pixels for the network: a handful of people need less room than a hundred."""
    for limit, px in NETWORK_HEIGHTS:
        if nodes <= limit:
            return px
    return NETWORK_HEIGHTS[-1][1]


def _node_hover(data: dict, i: int) -> str:
    p = data["people"][i]
    idxs = data["_person_meetings"][i]
    country = f" ({p['c']})" if p["c"] else ""
    head = f"<b>{isolate(p['n'])}</b>{country}: {p['m']} meeting{'s' if p['m'] != 1 else ''}"
    if p["m"] != p["h"]:
        head += f" ({p['h']} held, {p['m'] - p['h']} planned)"
    return head + "<br>" + _hover_list(data, idxs, skip=i)


def timeline_layout() -> dict:
    """The timeline's layout; the page fills in the bars for the chosen person and country."""
    import plotly.graph_objects as go

    layout = go.Layout(
        height=280, margin={"l": 50, "r": 10, "t": 10, "b": 40}, barmode="stack", bargap=0.15,
        font={"family": FONT_FAMILY},
        plot_bgcolor="#ffffff", paper_bgcolor="#ffffff", hovermode="closest",
        xaxis={"type": "date", "gridcolor": "#edf2f7"},
        yaxis={"title": {"text": "meetings"}, "gridcolor": "#edf2f7", "rangemode": "tozero"},
        legend={"orientation": "h", "y": 1.12, "x": 0},
        hoverlabel={"align": "left", "font": {"size": 12}},
    )
    return layout.to_plotly_json()


# ---------------------------------------------------------------------------------------------------
# The page


def _asset(name: str) -> str:
    return resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_DIR, name).read_text("utf-8")


def _script_json(obj: Any) -> str:
    """JSON safe inside <script>: '<' is escaped so no '</script>' or '<!--' can end the element."""
    return orjson.dumps(obj, option=orjson.OPT_SERIALIZE_NUMPY).decode("utf-8").replace("<", "\\u003c")


@cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def render(meetings: list[dict], claims: list[dict], opts: ReportOptions, left_out: int = 0) -> Report:
    """The HTML page for these (already prepared) events and claims."""
    import jinja2

    data = build_data(meetings, claims, opts)
    person_meetings: list[list[int]] = [[] for _ in data["people"]]
    for mi, m in enumerate(data["meetings"]):
        for i in m["p"]:
            person_meetings[i].append(mi)
    data["_person_meetings"] = person_meetings
    network, hidden, hidden_pairs = network_figure(data)
    del data["_person_meetings"]
    data["networkHidden"] = hidden
    data["networkHiddenPairs"] = hidden_pairs
    data["leftOut"] = left_out
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    page = env.from_string(_asset("report.html.j2")).render(
        title=opts.title,
        css=_asset("report.css"),
        plotly_js=_plotly_js(),
        page_js=_asset("report.js"),
        data_json=_script_json(data),
        network_json=_script_json(network),
        timeline_json=_script_json(timeline_layout()),
    )
    return Report(html=page, meetings=len(data["meetings"]), claims=len(data["claims"]),
                  people=sum(1 for p in data["people"] if p["m"] or p["cl"]),
                  documents=len(data["docs"]), left_out=left_out)


def build_report(records: Iterable[dict], opts: ReportOptions | None = None) -> Report:
    """The report page for attache/1 records (per-document, merged, or an event store's)."""
    opts = opts or ReportOptions()
    if opts.date_from and opts.date_to and opts.date_from > opts.date_to:
        raise ReportError(f"--from {opts.date_from} is after --to {opts.date_to}")
    meetings, claims, left_out = prepare(records, opts)
    return render(meetings, claims, opts, left_out)


def write_report(report: Report, path: str | os.PathLike[str]) -> None:
    """Write the page atomically: a temporary file beside it, renamed into place when complete.

    The page gets the permissions of the file it replaces, or those a new file would get (the
    temporary file itself is private to its owner).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        mode = target.stat().st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = NEW_FILE_MODE & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(report.html.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise

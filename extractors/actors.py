"""The actor dictionary: one identity per person across scripts, spellings and titles.

Data: ``extractors/data/actors/*.jsonl`` (one person per line, with provenance per entry) plus an
optional user file (``--actors FILE``, same format) whose entries extend or override built-in ones
by id. Offices carry date ranges, so a title resolves to whoever held it on the document's date.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import DataError
from .normalize import fold, match_keys

# The role names offices may carry (titles in lang/<code>/titles.jsonl use the same names).
ROLES = frozenset({
    "president", "vice_president", "first_vice_president", "prime_minister", "king", "emir", "sultan",
    "crown_prince", "supreme_leader", "foreign_minister", "defense_minister", "interior_minister",
    "economy_minister", "oil_minister", "national_security_advisor", "snsc_secretary",
    "speaker_of_parliament", "chief_of_staff", "intelligence_chief", "chancellor", "secretary_general",
    "high_representative", "director_general", "special_envoy", "ambassador", "spokesperson",
})
# International organisations an office may belong to instead of a country.
ORGS = frozenset({"UN", "EU", "NATO", "ARAB_LEAGUE", "GCC", "OIC", "IAEA", "AU", "OPEC", "SCO", "CIS"})
# The keys of a dictionary line, in order.
KEYS = ("id", "name", "wikidata", "gender", "aliases", "short", "offices", "source")
# Built-in files a script derives from another source (scripts/build_officeholders.py). They load after
# the hand-written files, and a derived line whose id a hand-written file has adds to that person (offices,
# a missing Wikidata id, English aliases) instead of replacing the hand-written entry.
DERIVED_FILES = ("officeholders.jsonl",)


@dataclass(frozen=True)
class Office:
    role: str
    country: str | None
    start: date | None
    end: date | None
    org: str | None = None

    def covers(self, d: date) -> bool:
        return (self.start is None or self.start <= d) and (self.end is None or d <= self.end)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    wikidata: str | None
    country: str | None
    offices: tuple[Office, ...]
    aliases: tuple[str, ...] = field(default=(), compare=False)
    short: tuple[str, ...] = field(default=(), compare=False)
    source: str = field(default="", compare=False)
    gender: str | None = field(default=None, compare=False)  # "m", "f" or unknown: pronoun agreement

    def holds(self, role: str, country: str | None, org: str | None, d: date | None) -> bool:
        for o in self.offices:
            if o.role != role:
                continue
            if country and o.country != country:
                continue
            if org and o.org != org:
                continue
            if d is None or o.covers(d):
                return True
        return False

    def in_office(self, d: date | None) -> bool:
        if d is None:
            return any(o.end is None for o in self.offices)
        return any(o.covers(d) for o in self.offices)


# A day after every recorded term: an office that covers it has no end.
_OPEN = date.max


def _date(s: str | None) -> date | None:
    if not s:
        return None
    s = str(s)
    if re.fullmatch(r"\d{4}", s):
        s += "-01-01"
    elif re.fullmatch(r"\d{4}-\d{2}", s):
        s += "-01"
    return date.fromisoformat(s)


def _actor(row: dict[str, Any], where: str) -> Actor:
    for o in row.get("offices", []):
        if o.get("role") not in ROLES:
            raise DataError(f"{where}: unknown office role {o.get('role')!r} (known: {', '.join(sorted(ROLES))})")
    try:
        offices = tuple(
            Office(o["role"], o.get("country"), _date(o.get("from")), _date(o.get("to")), o.get("org"))
            for o in row.get("offices", [])
        )
        aliases = [row["name"], *(a for v in row.get("aliases", {}).values() for a in v)]
        short = [a for v in row.get("short", {}).values() for a in v]
        country = next((o.country for o in offices if o.country), row.get("country"))
        return Actor(row["id"], row["name"], row.get("wikidata"), country, offices,
                     tuple(aliases), tuple(short), row.get("source", ""), row.get("gender"))
    except (KeyError, TypeError, ValueError) as e:
        raise DataError(f"{where}: bad actor entry ({e.__class__.__name__}: {e})") from None


def _rows(text: str, where: str) -> Iterable[tuple[dict[str, Any], str]]:
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith(("#", "//")):
            try:
                yield json.loads(line), f"{where}:{n}"
            except ValueError as e:
                raise DataError(f"{where}:{n}: not JSON ({e})") from None


class ActorDB:
    """Actors indexed by folded full-name aliases and by short (surname) forms."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.by_id: dict[str, Actor] = {}
        for a in actors:
            self.by_id[a.id] = a  # later entries (a user's file) override
        self.full: dict[str, list[str]] = defaultdict(list)
        self.short: dict[str, list[str]] = defaultdict(list)
        # holders of each role: title resolution looks among a few hundred people, not thousands
        self.by_role: dict[str, list[Actor]] = defaultdict(list)
        # and of each role in one country: "the president of Azerbaijan" looks among a handful
        self.by_role_country: dict[tuple[str, str], list[Actor]] = defaultdict(list)
        # and of each role in one organisation: "the UN secretary-general" looks among the few who
        # held it, not among every secretary-general of a ministry or party the dictionary records
        self.by_role_org: dict[tuple[str, str], list[Actor]] = defaultdict(list)
        self.terms_by_role: dict[str, list[tuple[date, date, Actor]]] = defaultdict(list)
        for a in self.by_id.values():
            for role in dict.fromkeys(o.role for o in a.offices):
                self.by_role[role].append(a)
            for key in dict.fromkeys((o.role, o.country) for o in a.offices if o.country):
                self.by_role_country[key].append(a)
            for key in dict.fromkeys((o.role, o.org) for o in a.offices if o.org):
                self.by_role_org[key].append(a)
            # the terms of each role, person by person in ``by_role``'s order, open ends made
            # ``date.min``/``date.max``: "the foreign minister", no country named, is looked up among
            # every foreign minister on record, and comparing a date with each term is a fraction of
            # what asking each person (``Actor.holds``) over all of his offices costs
            for o in a.offices:
                self.terms_by_role[o.role].append((o.start or date.min, o.end or date.max, a))
            for alias in a.aliases:
                for k in match_keys(alias):
                    if a.id not in self.full[k]:
                        self.full[k].append(a.id)
            for alias in a.short:
                for k in match_keys(alias):
                    if a.id not in self.short[k]:
                        self.short[k].append(a.id)

    def __len__(self) -> int:
        return len(self.by_id)

    def holders(self, role: str, country: str | None, d: date | None, org: str | None = None) -> list[Actor]:
        # each pool holds everyone with an office of that role (in that country, or organisation),
        # in dictionary order: the filter below keeps the same people in the same order
        if country:
            pool = self.by_role_country.get((role, country), ())
        elif org:
            pool = self.by_role_org.get((role, org), ())
        else:
            if d is None:
                return list(self.by_role.get(role, ()))  # each holds an office of the role
            # a person's terms of one role stand together: his first term that covers the date
            # puts him in once, where ``by_role`` has him
            out: list[Actor] = []
            for start, end, a in self.terms_by_role.get(role, ()):
                if start <= d <= end and (not out or out[-1] is not a):
                    out.append(a)
            return out
        return [a for a in pool if a.holds(role, country, org, d)]

    def choose(self, ids: Iterable[str], d: date | None, context: Iterable[str] = ()) -> Actor | None:
        """Pick one of several people sharing a name: one already named in the document, else the
        one in office at the date (or still in office when there is no date), else none."""
        cands = [self.by_id[i] for i in dict.fromkeys(ids)]
        if len(cands) == 1:
            return cands[0]
        named = set(context)
        ctx = [c for c in cands if c.id in named]
        if len(ctx) == 1:
            return ctx[0]
        active = [c for c in cands if c.in_office(d)]
        if len(active) == 1:
            return active[0]
        return None

    def resolve_title(self, role: str, country: str | None, d: date | None, org: str | None = None,
                      context: Iterable[str] = ()) -> tuple[Actor | None, str]:
        """The holder of an office on a date; without a date, the holder named in the document or
        the only person ever recorded in that office. Returns (actor, why)."""
        office = office_name(role, country, org)
        named = set(context)  # once, not once per holder
        if d is not None:
            hs = self.holders(role, country, d, org)
            if len(hs) == 1:
                return hs[0], f"held {office} on {d.isoformat()}"
            if len(hs) > 1:
                ctx = [h for h in hs if h.id in named]
                if len(ctx) == 1:
                    return ctx[0], f"held {office} on {d.isoformat()} and is named in the text"
                return None, f"{len(hs)} people held {office} on {d.isoformat()}"
        ever = self.holders(role, country, None, org)
        ctx = [h for h in ever if h.id in named]
        if len(ctx) == 1:
            return ctx[0], f"held {office} and is named in the text"
        if len(ctx) > 1 and d is None and (country or org):
            # "Ilham Aliyev … his father Heydar Aliyev … the President of Azerbaijan said": news is
            # about the present, so the undated title is the holder named in the text who took office last
            def took_office(a: Actor) -> date:
                return max((o.start or date.min) for o in a.offices
                           if o.role == role and (not country or o.country == country) and (not org or o.org == org))
            ctx.sort(key=took_office)
            if took_office(ctx[-1]) > took_office(ctx[-2]):
                return ctx[-1], f"the last to take office of the {len(ctx)} holders of {office} " \
                                "named in the text"
        if len(ever) == 1 and d is None and ever[0].holds(role, country, org, _OPEN):
            # undated news is about the present: the one person on record, if still in office. A dated
            # text whose date no recorded term covers names someone else ("the Chilean foreign minister"
            # in 2015, when the record holds only the 2022 minister)
            return ever[0], f"the only recorded holder of {office}, still in office"
        if d is None:
            return None, f"{len(ever)} recorded holders of {office} and no document date"
        return None, f"no recorded holder of {office} on {d.isoformat()}"


def office_name(role: str | None, country: str | None, org: str | None = None) -> str:
    """"foreign_minister of IR", "secretary_general of UN"; "foreign_minister (no country given)"
    for a title that names none ("the foreign minister")."""
    where = country or org
    return f"{role} of {where}" if where else f"{role} (no country given)"


def _builtin_files() -> list[Any]:
    """Hand-written files in name order, then the derived ones."""
    base = resources.files("extractors").joinpath("data", "actors")
    return sorted((p for p in base.iterdir() if p.name.endswith(".jsonl")),
                  key=lambda p: (p.name in DERIVED_FILES, p.name))


def extend(a: Actor, more: Actor) -> Actor:
    """``a`` with what a derived entry for the same person adds: offices, a Wikidata id, aliases."""
    return replace(a, wikidata=a.wikidata or more.wikidata, offices=a.offices + more.offices,
                   aliases=a.aliases + tuple(x for x in more.aliases if x not in a.aliases),
                   source=f"{a.source}; {more.source}" if more.source else a.source)


@lru_cache(maxsize=8)
def load_actors(extra: str | None = None) -> ActorDB:
    """The built-in dictionary, plus ``extra`` (a user JSONL file) overriding entries by id."""
    builtin: dict[str, Actor] = {}
    for p in _builtin_files():
        for row, where in _rows(p.read_text(encoding="utf-8"), f"actors/{p.name}"):
            a = _actor(row, where)
            builtin[a.id] = extend(builtin[a.id], a) if p.name in DERIVED_FILES and a.id in builtin else a
    actors = list(builtin.values())
    if extra:
        path = Path(extra)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise DataError(f"{extra}: cannot read actors file ({e.strerror or e})") from None
        for row, where in _rows(text, str(extra)):
            actors.append(_actor(row, where))
    return ActorDB(actors)


def unknown_key(text: str) -> str:
    """The normalized key of a person not in the dictionary: the same name gives the same key."""
    return "unk:" + fold(text).replace(" ", "_")

"""Data-quality checks for the world actor dictionary (UN Security Council members, the other G20
states, more European states, Ukraine and international organisations).

extractors/data/actors/world.jsonl is hand-written data. Title resolution ("the French foreign
minister" on a given date) trusts the office dates and name matching trusts the alias lists, so a
slip there becomes a wrong participant without any error. These tests catch what a hand-edit gets
wrong: reversed dates, a role or organisation outside the contract, a bad country code, a missing
Arabic or Persian spelling, a letter from the wrong script, two holders of one seat at once, and a
person who also lives in another actor file (the loader lets the later file override by id, and two
ids for one person make every mention of them ambiguous).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pycountry
import pytest

from extractors.actors import DERIVED_FILES
from extractors.normalize import fold

ACTORS_DIR = Path(__file__).parents[1] / "extractors" / "data" / "actors"
DATA = ACTORS_DIR / "world.jsonl"

# People known mainly through an organisation and holding no national office here carry its prefix.
# "auc" (AU Commission) because "au" is Australia.
ORG_PREFIX_OF = {"UN": "un", "EU": "eu", "NATO": "nato", "ARAB_LEAGUE": "arableague", "GCC": "gcc", "OIC": "oic",
                 "IAEA": "iaea", "AU": "auc", "OPEC": "opec", "SCO": "sco", "CIS": "cis"}
ORG_PREFIXES = set(ORG_PREFIX_OF.values())

# The countries this file answers for, and the date its tables were last brought up to.
COUNTRIES = {"US", "GB", "FR", "RU", "CN", "DE", "IT", "JP", "CA", "AU", "BR", "AR", "MX", "ID", "KR", "ZA",
             "NO", "PT", "ES", "NL", "BE", "SE", "DK", "FI", "PL", "CH", "AT", "UA"}
AS_OF = date(2025, 10, 1)
# Where a prime minister (or chancellor) heads the government; elsewhere the president does.
PM_COUNTRIES = COUNTRIES - {"US", "BR", "AR", "MX", "ID", "ZA", "CH"}

# One holder at a time. Left out: intelligence_chief (the US has a CIA director and a DNI),
# speaker_of_parliament (Russia's Duma and Federation Council), economy_minister (finance and
# economy ministries both map to it), vice_president, special_envoy and ambassador (many at once),
# and the EU "president" (Commission and European Council).
SINGLE_SEAT = {"president", "king", "prime_minister", "chancellor", "foreign_minister", "defense_minister",
               "interior_minister", "national_security_advisor", "chief_of_staff"}
ORG_SEATS = {("UN", "secretary_general"), ("NATO", "secretary_general"), ("EU", "high_representative"),
             ("GCC", "secretary_general"), ("OIC", "secretary_general"), ("IAEA", "director_general"),
             ("OPEC", "secretary_general"), ("AU", "president")}
# Handovers overlap by a few days (acting holders, resignations taking effect later).
HANDOVER_DAYS = 10
# Real double occupancy: a South Korean president suspended by impeachment keeps the office while the
# prime minister (or his stand-in) acts as president.
ALLOWED_OVERLAPS = {
    ("KR", "president", "kr-hwang-kyo-ahn", "kr-park-geun-hye"),
    ("KR", "president", "kr-han-duck-soo", "kr-yoon-suk-yeol"),
    ("KR", "president", "kr-choi-sang-mok", "kr-yoon-suk-yeol"),
}



def _load(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            assert line.strip(), f"{path.name}:{n} is blank"
            rows.append(json.loads(line))
    return rows


ROWS = _load(DATA)
OTHER_FILES = {p.name: _load(p) for p in sorted(ACTORS_DIR.glob("*.jsonl")) if p != DATA}


def _day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _holds(o: dict, d: date) -> bool:
    end = _day(o["to"])
    return date.fromisoformat(o["from"]) <= d and (end is None or d <= end)


def _holders(rows: list[dict], d: date, role: str, country: str | None = None,
             org: str | None = None) -> set[str]:
    return {r["id"] for r in rows for o in r["offices"]
            if o["role"] == role and o["country"] == country and o.get("org") == org and _holds(o, d)}


def test_file_is_not_trivially_small() -> None:
    assert len(ROWS) >= 400


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.get("id", "?"))
def test_id_prefix_names_what_the_person_served(row: dict) -> None:
    """Shape, offices and aliases of every row: tests/test_actor_rows.py."""
    assert re.fullmatch(r"[a-z]+-[a-z0-9]+(-[a-z0-9]+)*", row["id"])
    prefix = row["id"].split("-")[0]
    assert prefix in ORG_PREFIXES or (len(prefix) == 2 and pycountry.countries.get(alpha_2=prefix.upper()))
    if row["offices"]:  # the prefix names a country or organisation the person actually served
        served = {o["country"].lower() if o["country"] else ORG_PREFIX_OF[o["org"]] for o in row["offices"]}
        assert prefix in served, served


def test_ids_names_and_wikidata_are_unique() -> None:
    for key in ("id", "name", "wikidata"):
        values = [r[key] for r in ROWS if r[key] is not None]
        assert len(values) == len(set(values)), key


def test_full_aliases_point_at_one_person_across_all_actor_files() -> None:
    """Surnames may be shared; a full-name key owned by two entries makes every mention ambiguous."""
    owners: dict[str, set[str]] = defaultdict(set)
    for rows in [ROWS, *OTHER_FILES.values()]:
        for r in rows:
            for a in [r["name"], *(x for v in r["aliases"].values() for x in v)]:
                owners[fold(a)].add(r["id"])  # a derived line with the same id extends the same person
    ours = {r["id"] for r in ROWS}
    clashes = {k: v for k, v in owners.items() if len(v) > 1 and v & ours}
    assert not clashes


def test_no_id_is_shared_with_another_actor_file() -> None:
    """Each person lives in one hand-written file (a derived file may only add offices to them)."""
    ours = {r["id"] for r in ROWS}
    for fname, rows in OTHER_FILES.items():
        if fname in DERIVED_FILES:
            continue
        assert not ours & {r["id"] for r in rows}, fname


def test_single_seat_offices_do_not_overlap() -> None:
    seats: dict[tuple[str, str], list[tuple[date, date, str]]] = defaultdict(list)
    far = date(9999, 12, 31)
    for r in ROWS:
        for o in r["offices"]:
            seat = (o["country"], o["role"]) if o["country"] else (o["org"], o["role"])
            if (o["country"] and o["role"] in SINGLE_SEAT) or seat in ORG_SEATS:
                seats[seat].append((date.fromisoformat(o["from"]), _day(o["to"]) or far, r["id"]))
    problems = []
    for (where, role), spans in seats.items():
        for i, (s1, e1, a) in enumerate(spans):
            for s2, e2, b in spans[i + 1:]:
                if a == b or (min(e1, e2) - max(s1, s2)).days <= HANDOVER_DAYS:
                    continue
                if tuple([where, role, *sorted((a, b))]) not in ALLOWED_OVERLAPS:
                    problems.append((where, role, a, b))
    assert not problems


@pytest.mark.parametrize("country", sorted(COUNTRIES))
def test_every_country_has_its_top_offices_filled(country: str) -> None:
    """Coverage: the offices titles name most often have a holder at the as-of date."""
    assert _holders(ROWS, AS_OF, "president", country) | _holders(ROWS, AS_OF, "king", country)
    assert _holders(ROWS, AS_OF, "foreign_minister", country)
    if country in PM_COUNTRIES:
        assert _holders(ROWS, AS_OF, "prime_minister", country) | _holders(ROWS, AS_OF, "chancellor", country)


CONTINUOUS_SINCE_2010 = [("foreign_minister", c) for c in sorted(COUNTRIES)] + [
    ("defense_minister", c) for c in ("US", "GB", "RU", "CN", "DE")]
# Real vacancies longer than an interregnum: China had no defence minister between Li Shangfu's
# removal (2023-10-24) and Dong Jun's appointment (2023-12-29).
KNOWN_VACANCIES = {("defense_minister", "CN", date(2023, 10, 24), date(2023, 12, 29))}


@pytest.mark.parametrize(("role", "country"), CONTINUOUS_SINCE_2010)
def test_office_tables_cover_2010_onwards(role: str, country: str) -> None:
    """Coverage: no gap longer than a short interregnum in the table since 2010."""
    since = date(2010, 1, 1)
    spans = sorted((date.fromisoformat(o["from"]), _day(o["to"]) or AS_OF)
                   for r in ROWS for o in r["offices"]
                   if o["role"] == role and o["country"] == country)
    spans = [(start, end) for start, end in spans if end >= since]
    assert spans and spans[0][0] <= since
    reach = spans[0][1]
    for start, end in spans[1:]:
        if (role, country, reach, start) not in KNOWN_VACANCIES:
            assert (start - reach).days <= 40, f"{country}: no {role} from {reach} to {start}"
        reach = max(reach, end)
    assert reach >= AS_OF


def test_organisation_heads_are_filled_across_the_dictionary() -> None:
    """Arab League secretaries-general (Egyptians) live in mideast.jsonl; the others are here."""
    everyone = ROWS + [r for rows in OTHER_FILES.values() for r in rows]
    for org, role in sorted(ORG_SEATS | {("ARAB_LEAGUE", "secretary_general")}):
        assert _holders(everyone, AS_OF, role, None, org), (org, role)
    assert len(_holders(ROWS, AS_OF, "president", None, "EU")) == 2  # Commission and European Council


def test_known_holders_resolve_by_date() -> None:
    """Spot checks of the office tables against well-documented tenures."""
    assert _holders(ROWS, date(2017, 3, 5), "president", "US") == {"us-donald-trump"}
    assert _holders(ROWS, date(2022, 6, 1), "president", "US") == {"us-joe-biden"}
    assert _holders(ROWS, date(2014, 6, 1), "foreign_minister", "US") == {"us-john-kerry"}
    assert _holders(ROWS, date(2019, 1, 1), "prime_minister", "GB") == {"gb-theresa-may"}
    assert _holders(ROWS, date(2019, 1, 1), "foreign_minister", "GB") == {"gb-jeremy-hunt"}
    assert _holders(ROWS, date(2020, 1, 1), "foreign_minister", "FR") == {"fr-jean-yves-le-drian"}
    assert _holders(ROWS, date(2015, 1, 1), "chancellor", "DE") == {"de-angela-merkel"}
    assert _holders(ROWS, date(2020, 1, 1), "defense_minister", "RU") == {"ru-sergei-shoigu"}
    assert _holders(ROWS, date(2023, 5, 1), "foreign_minister", "CN") == {"cn-qin-gang"}
    assert _holders(ROWS, date(2019, 6, 1), "prime_minister", "JP") == {"jp-shinzo-abe"}
    assert _holders(ROWS, date(2018, 1, 1), "president", "KR") == {"kr-moon-jae-in"}
    assert _holders(ROWS, date(2022, 3, 1), "foreign_minister", "UA") == {"ua-dmytro-kuleba"}
    assert _holders(ROWS, date(2015, 1, 1), "secretary_general", None, "UN") == {"kr-ban-ki-moon"}
    assert _holders(ROWS, date(2020, 1, 1), "secretary_general", None, "NATO") == {"no-jens-stoltenberg"}
    assert _holders(ROWS, date(2016, 1, 1), "high_representative", None, "EU") == {"it-federica-mogherini"}
    assert _holders(ROWS, date(2015, 1, 1), "director_general", None, "IAEA") == {"iaea-yukiya-amano"}


def test_names_follow_the_canonical_english_forms() -> None:
    """The scorer compares canonical English names; these are the forms the gold annotation uses."""
    names = {r["name"] for r in ROWS}
    for name in ("Harald V", "Jean-Noël Barrot", "Paulo Rangel", "Antony Blinken", "Barack Obama",
                 "Donald Trump", "Vladimir Putin", "Wang Yi", "Dmitry Peskov", "Volodymyr Zelenskyy"):
        assert name in names


def test_spellings_news_use_resolve_to_one_person() -> None:
    """Arabic and Persian spell the same foreign name several ways; each variant must reach the person."""
    keys: dict[str, set[str]] = defaultdict(set)
    for r in ROWS:
        for a in (x for v in r["aliases"].values() for x in v):
            keys[fold(a)].add(r["id"])
    for spelling, pid in [("دونالد ترمب", "us-donald-trump"), ("دونالد ترامپ", "us-donald-trump"),
                          ("سيرجي لافروف", "ru-sergey-lavrov"), ("سرگئی لاوروف", "ru-sergey-lavrov"),
                          ("شي جين بينغ", "cn-xi-jinping"), ("شی جینپینگ", "cn-xi-jinping"),
                          ("أنتونى بلينكن", "us-antony-blinken"), ("أولاف شولتز", "de-olaf-scholz")]:
        assert keys[fold(spelling)] == {pid}, spelling


def test_wikidata_ids_that_were_checked() -> None:
    by_id = {r["id"]: r for r in ROWS}
    assert by_id["us-barack-obama"]["wikidata"] == "Q76"
    assert by_id["ru-vladimir-putin"]["wikidata"] == "Q7747"
    assert by_id["ua-volodymyr-zelenskyy"]["wikidata"] == "Q3874799"

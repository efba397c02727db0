"""Data-quality checks for the Turkey / Caucasus / Central and South Asia actor dictionary.

The file extractors/data/actors/eurasia.jsonl is hand-written data. Title resolution ("the
president of Azerbaijan" on a given date) trusts the office dates, and name matching trusts the
alias lists, so a typo there turns into a wrong participant without any error. These tests catch
the mistakes a hand-edit makes: a reversed date range, a role name outside the contract, an
invalid country code, a missing Arabic or Persian spelling, a letter from the wrong script, or
two holders of the same single-seat office overlapping for longer than a handover.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from extractors.normalize import fold

DATA = Path(__file__).parents[1] / "extractors" / "data" / "actors" / "eurasia.jsonl"

# Offices with one holder at a time in these countries; vice_president is left out (Afghanistan had two).
SINGLE_SEAT = {"president", "prime_minister", "foreign_minister", "supreme_leader", "first_vice_president",
               "national_security_advisor", "intelligence_chief", "chief_of_staff", "defense_minister",
               "interior_minister"}
# Handovers overlap by a few days (acting heads, resignations taking effect later); more is a data error.
HANDOVER_DAYS = 10
COUNTRIES = {"TR", "AZ", "AM", "GE", "KZ", "UZ", "TM", "KG", "TJ", "AF", "PK", "IN", "BD", "BY"}



def _load() -> list[dict]:
    rows = []
    with DATA.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            assert line.strip(), f"line {n} is blank"
            rows.append(json.loads(line))
    return rows


ROWS = _load()


def _day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def test_file_is_not_trivially_small() -> None:
    assert len(ROWS) >= 150


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.get("id", "?"))
def test_id_names_a_country_of_this_file(row: dict) -> None:
    """Shape, offices and aliases of every row: tests/test_actor_rows.py."""
    assert re.fullmatch(r"[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*", row["id"])
    assert row["id"][:2].upper() in COUNTRIES


def test_ids_and_names_are_unique() -> None:
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    names = [r["name"] for r in ROWS]
    assert len(names) == len(set(names))


def test_full_aliases_do_not_collide_across_people() -> None:
    """Surnames may be shared (Heydar and Ilham Aliyev); a full-name key pointing at two people may not."""
    owners: dict[str, set[str]] = defaultdict(set)
    for r in ROWS:
        for lang in ("en", "ar", "fa"):
            for a in r["aliases"][lang]:
                owners[fold(a)].add(r["id"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes


def test_single_seat_offices_do_not_overlap() -> None:
    seats: dict[tuple[str, str], list[tuple[date, date, str]]] = defaultdict(list)
    far = date(9999, 12, 31)
    for r in ROWS:
        for o in r["offices"]:
            if o["role"] in SINGLE_SEAT and o["country"]:
                span = (date.fromisoformat(o["from"]), _day(o["to"]) or far, r["id"])
                seats[(o["country"], o["role"])].append(span)
    problems = []
    for seat, spans in seats.items():
        for i, (s1, e1, a) in enumerate(spans):
            for s2, e2, b in spans[i + 1:]:
                if a != b and (min(e1, e2) - max(s1, s2)).days > HANDOVER_DAYS:
                    problems.append((seat, a, b))
    assert not problems


@pytest.mark.parametrize("country", sorted(COUNTRIES))
def test_every_country_has_a_sitting_head_and_foreign_minister(country: str) -> None:
    """Coverage: the offices a title most often names have a holder with no end date."""
    current = {o["role"] for r in ROWS for o in r["offices"] if o["country"] == country and o["to"] is None}
    assert {"foreign_minister"} <= current
    assert current & {"president", "supreme_leader"}


def test_known_holders_resolve_by_date() -> None:
    """Spot checks of the office tables against well-documented tenures."""

    def holders(country: str, role: str, d: date) -> set[str]:
        out = set()
        for r in ROWS:
            for o in r["offices"]:
                if o["country"] == country and o["role"] == role:
                    end = _day(o["to"])
                    if date.fromisoformat(o["from"]) <= d and (end is None or d <= end):
                        out.add(r["id"])
        return out

    assert holders("AZ", "president", date(2017, 3, 5)) == {"az-ilham-aliyev"}
    assert holders("AZ", "president", date(2000, 1, 1)) == {"az-heydar-aliyev"}
    assert holders("TR", "prime_minister", date(2015, 6, 1)) == {"tr-ahmet-davutoglu"}
    assert holders("TR", "foreign_minister", date(2024, 1, 1)) == {"tr-hakan-fidan"}
    assert holders("AM", "prime_minister", date(2019, 1, 1)) == {"am-nikol-pashinyan"}
    assert holders("AF", "president", date(2018, 1, 1)) == {"af-ashraf-ghani"}
    assert holders("AF", "foreign_minister", date(2023, 1, 1)) == {"af-amir-khan-muttaqi"}
    assert holders("PK", "foreign_minister", date(2019, 6, 1)) == {"pk-shah-mahmood-qureshi"}
    assert holders("IN", "foreign_minister", date(2024, 9, 1)) == {"in-s-jaishankar"}
    assert holders("BD", "foreign_minister", date(2024, 9, 1)) == {"bd-md-touhid-hossain"}
    assert holders("KZ", "president", date(2020, 1, 1)) == {"kz-kassym-jomart-tokayev"}
    assert holders("BY", "foreign_minister", date(2020, 1, 1)) == {"by-vladimir-makei"}


def test_father_and_son_share_a_short_form_but_not_a_full_name() -> None:
    by_id = {r["id"]: r for r in ROWS}
    ilham, heydar = by_id["az-ilham-aliyev"], by_id["az-heydar-aliyev"]
    assert fold("علييف") in {fold(a) for a in ilham["short"]["ar"]} & {fold(a) for a in heydar["short"]["ar"]}
    assert not {fold(a) for a in ilham["aliases"]["fa"]} & {fold(a) for a in heydar["aliases"]["fa"]}
    assert ilham["wikidata"] == "Q155127"

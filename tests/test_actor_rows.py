"""One validation for every line of every built-in actor file (extractors/data/actors/*.jsonl).

The per-file tests (test_actors_mideast/eurasia/world.py) check what is particular to a file:
its coverage, its id scheme, its spot-checked tenures. Here: the shape every loader input must
have, office vocabulary and dates, and alias hygiene per script, so a new file is checked the day
it is added.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from importlib import resources

import pycountry
import pytest

from extractors.actors import DERIVED_FILES, KEYS, ORGS, ROLES
from extractors.normalize import fold

# Persian yeh and keheh never appear in Arabic writing; پ چ ژ گ do, in Persian names (پزشكيان، نژاد)
PERSIAN_ONLY = set("یک")
ARABIC_ONLY = set("يكةى")
ARABIC_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
LANGS = ("en", "ar", "fa")


def _rows() -> list[tuple[str, dict]]:
    base = resources.files("extractors").joinpath("data", "actors")
    out = []
    for f in sorted((p for p in base.iterdir() if p.name.endswith(".jsonl")), key=lambda p: p.name):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                out.append((f.name, json.loads(line)))
    return out


ROWS = _rows()
HAND_IDS = {r["id"] for f, r in ROWS if f not in DERIVED_FILES}


def _derived(row: dict) -> bool:
    """A line of a file a script derives from Wikidata: it carries no gender, and Arabic and Persian
    spellings only through the hand-written entry it extends."""
    return any(r is row for f, r in ROWS if f in DERIVED_FILES)


def _day(s: str | None) -> date | None:
    return None if s is None else date.fromisoformat(s)


def test_every_file_contributes() -> None:
    assert {f for f, _ in ROWS} >= {"mideast.jsonl", "eurasia.jsonl", "world.jsonl"}


@pytest.mark.parametrize("row", [r for _, r in ROWS], ids=lambda r: r.get("id", "?"))
def test_shape(row: dict) -> None:
    assert list(row) == list(KEYS)
    assert re.fullmatch(r"[a-z]+-[a-z0-9]+(-[a-z0-9]+)*", row["id"])
    assert row["wikidata"] is None or re.fullmatch(r"Q[1-9][0-9]*", row["wikidata"])
    assert row["gender"] in {"m", "f"} or (row["gender"] is None and _derived(row))
    assert set(row["aliases"]) == set(LANGS) and set(row["short"]) == set(LANGS)
    assert row["source"].strip()


@pytest.mark.parametrize("row", [r for _, r in ROWS], ids=lambda r: r["id"])
def test_offices(row: dict) -> None:
    for o in row["offices"]:
        assert set(o) <= {"role", "country", "org", "from", "to"}, o
        assert o["role"] in ROLES, o
        if o["country"] is None:
            assert o.get("org") in ORGS, "an office without a country must name its organisation"
        else:
            assert "org" not in o and pycountry.countries.get(alpha_2=o["country"]) is not None, o
        start, end = date.fromisoformat(o["from"]), _day(o["to"])
        assert end is None or start <= end, o
        assert start.year >= 1945 and (end is None or end.year <= 2030), o


@pytest.mark.parametrize("row", [r for _, r in ROWS], ids=lambda r: r["id"])
def test_aliases(row: dict) -> None:
    for lang in LANGS:
        assert row["aliases"][lang] or (lang != "en" and _derived(row)), f"no {lang} full-name alias"
        for a in row["aliases"][lang] + row["short"][lang]:
            assert a == a.strip() and "  " not in a and fold(a), f"{a!r}"
            assert not ARABIC_DIACRITICS.search(a), f"diacritics or tatweel in {a!r}"
    assert fold(row["name"]) in {fold(a) for a in row["aliases"]["en"]}
    for a in row["aliases"]["en"] + row["short"]["en"]:
        assert not re.search("[\u0600-\u06ff]", a), f"Arabic script in English alias {a!r}"
    for lang in ("ar", "fa"):
        for a in row["aliases"][lang] + row["short"][lang]:
            assert not re.search("[A-Za-z]", a), f"Latin letters in {a!r}"
            wrong = PERSIAN_ONLY if lang == "ar" else ARABIC_ONLY
            assert not set(a) & wrong, f"letter of the other script in {lang} alias {a!r}"


def test_ids_are_unique_across_files() -> None:
    """One hand-written line per person; a derived file may add one line to a hand-written person."""
    where: dict[str, list[str]] = defaultdict(list)
    for f, r in ROWS:
        where[r["id"]].append(f)
    for i, fs in where.items():
        hand = [f for f in fs if f not in DERIVED_FILES]
        derived = [f for f in fs if f in DERIVED_FILES]
        assert len(hand) <= 1 and len(derived) == len(set(derived)), (i, fs)


def test_a_derived_line_for_a_hand_written_person_adds_something() -> None:
    hand = {r["id"]: r for f, r in ROWS if f not in DERIVED_FILES}
    for f, r in ROWS:
        if f in DERIVED_FILES and r["id"] in hand:
            h = hand[r["id"]]
            assert r["name"] == h["name"] and r["gender"] == h["gender"], r["id"]
            assert r["offices"] or not h["wikidata"], f"{r['id']}: no office and no Wikidata id to add"

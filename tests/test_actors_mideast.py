"""Checks on the Arab world / Iran / Israel actor dictionary (extractors/data/actors/mideast.jsonl).

The file is hand-curated data that the actor resolver trusts twice over: full-name aliases link a
mention to one person, and office spans turn a title ("وزیر امور خارجه ایران") plus the document's date
into the one person holding that office. So these tests check the things that would silently break
either use: the line format, the role and country vocabularies, date order, overlapping holders of
one-person offices, full aliases claimed by two people, and spellings that lost their ZWNJ upstream.
A few office-holder spot checks pin known facts so that a date typo fails loudly.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

import pycountry
import pytest

from extractors.actors import KEYS
from extractors.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "extractors" / "data" / "actors" / "mideast.jsonl"
GOLD = ROOT.parent / "shared" / "gold" / "dev.jsonl"

# Offices one person holds at a time in a country; vice-presidencies and ambassadorships are not.
EXCLUSIVE = {
    "president", "prime_minister", "king", "emir", "sultan", "supreme_leader", "crown_prince",
    "first_vice_president", "foreign_minister", "defense_minister", "snsc_secretary", "speaker_of_parliament",
    "chief_of_staff",
}
HEAD_ROLES = {"president", "king", "emir", "sultan", "supreme_leader", "prime_minister"}
COVERED = {"IR", "IQ", "SA", "AE", "QA", "KW", "BH", "OM", "YE", "SY", "LB", "JO", "IL", "PS", "EG", "LY",
           "TN", "DZ", "MA", "SD"}
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]")
HARAKAT = re.compile(r"[\u064B-\u0652\u0670]")
ZWNJ = "\u200c"
FAR_FUTURE = date(9999, 12, 31)


def _slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


@pytest.fixture(scope="module")
def raw_lines() -> list[str]:
    return DATA.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def people(raw_lines: list[str]) -> list[dict]:
    return [json.loads(line) for line in raw_lines]


def _span(office: dict) -> tuple[date, date]:
    end = date.fromisoformat(office["to"]) if office["to"] else FAR_FUTURE
    return date.fromisoformat(office["from"]), end


def holders(people: list[dict], role: str, country: str, day: str) -> list[str]:
    """Ids of the people holding `role` in `country` on `day` (the resolver's title lookup)."""
    d = date.fromisoformat(day)
    out = []
    for p in people:
        for o in p["offices"]:
            start, end = _span(o)
            if o["role"] == role and o["country"] == country and start <= d < end:
                out.append(p["id"])
    return out


def test_every_line_is_one_json_object_with_keys_in_order(raw_lines: list[str]) -> None:
    assert len(raw_lines) >= 300
    for n, line in enumerate(raw_lines, 1):
        assert line.strip() == line and line, f"line {n}: blank or padded"
        assert "\\u" not in line, f"line {n}: escaped characters; write UTF-8"
        assert list(json.loads(line)) == list(KEYS), f"line {n}: keys out of order"


def test_ids_are_unique_and_follow_the_slug_rule(people: list[dict]) -> None:
    ids = [p["id"] for p in people]
    assert len(ids) == len(set(ids))
    assert len({p["name"] for p in people}) == len(people)
    for p in people:
        prefix, _, rest = p["id"].partition("-")
        assert pycountry.countries.get(alpha_2=prefix.upper()), p["id"]
        assert rest == _slug(p["name"]), p["id"]
        countries = {o["country"] for o in p["offices"] if o["country"]}
        assert not countries or prefix.upper() in countries, f"{p['id']}: prefix not an office country"


def test_scalar_fields(people: list[dict]) -> None:
    for p in people:
        assert p["gender"] in ("m", "f"), p["id"]
        assert p["wikidata"] is None or re.fullmatch(r"Q[1-9][0-9]*", p["wikidata"]), p["id"]
        assert p["source"].startswith("Wikipedia") and "as of" in p["source"], p["id"]


def test_one_person_offices_never_have_two_holders(people: list[dict]) -> None:
    spans: dict[tuple[str, str], list[tuple[date, date, str]]] = defaultdict(list)
    for p in people:
        for o in p["offices"]:
            if o["role"] in EXCLUSIVE and o["country"]:
                spans[(o["role"], o["country"])].append((*_span(o), p["id"]))
    for key, items in spans.items():
        items.sort()
        for (_, end_a, who_a), (start_b, _, who_b) in zip(items, items[1:], strict=False):
            # a hand-over day may end one span and start the next
            assert start_b >= end_a, f"{key}: {who_a} and {who_b} overlap"


def test_aliases_are_full_per_language_and_in_the_right_script(people: list[dict]) -> None:
    for p in people:
        al = p["aliases"]
        assert p["name"] == al["en"][0], p["id"]
        for lang in ("en", "ar", "fa"):
            assert al[lang], f"{p['id']}: no {lang} alias"
            for a in al[lang] + p["short"][lang]:
                assert a == a.strip() and a, (p["id"], lang, a)
                if lang == "en":
                    assert not ARABIC_SCRIPT.search(a), (p["id"], a)
                else:
                    assert ARABIC_SCRIPT.search(a) and not LATIN.search(a), (p["id"], lang, a)
                    assert not HARAKAT.search(a), f"{p['id']}: diacritics in {a!r}"
            assert len({fold(a) for a in al[lang]}) == len(al[lang]), f"{p['id']}: {lang} aliases repeat"


def test_persian_zwnj_spellings_have_their_joined_twin(people: list[dict]) -> None:
    # some Persian sources lose ZWNJs (خامنه‌ای -> خامنهای); fold() cannot restore them, the data must
    for p in people:
        for field in ("aliases", "short"):
            forms = set(p[field]["fa"])
            for a in forms:
                if ZWNJ in a:
                    assert a.replace(ZWNJ, "") in forms, (p["id"], a)


def test_no_full_alias_names_two_people(people: list[dict]) -> None:
    owner: dict[str, str] = {}
    for p in people:
        keys = {fold(a) for lang in ("en", "ar", "fa") for a in p["aliases"][lang]}
        for k in keys:
            assert owner.setdefault(k, p["id"]) == p["id"], f"{k!r}: {owner[k]} and {p['id']}"
    for p in people:
        for lang in ("en", "ar", "fa"):
            for s in p["short"][lang]:
                other = owner.get(fold(s), p["id"])
                assert other == p["id"], f"short {s!r} of {p['id']} is {other}'s full name"


def test_every_covered_country_has_a_leader_in_2010_and_2025(people: list[dict]) -> None:
    for day in ("2010-06-01", "2025-06-01"):
        for cc in sorted(COVERED):
            assert any(holders(people, r, cc, day) for r in HEAD_ROLES), f"no leader of {cc} on {day}"


@pytest.mark.parametrize(
    ("role", "country", "day", "who"),
    [
        ("supreme_leader", "IR", "2017-03-05", "ir-ali-khamenei"),
        ("president", "IR", "2017-03-05", "ir-hassan-rouhani"),
        ("president", "IR", "2022-01-01", "ir-ebrahim-raisi"),
        ("president", "IR", "2024-06-15", "ir-mohammad-mokhber"),
        ("foreign_minister", "IR", "2015-08-02", "ir-mohammad-javad-zarif"),
        ("foreign_minister", "IR", "2024-10-01", "ir-abbas-araghchi"),
        ("snsc_secretary", "IR", "2016-01-01", "ir-ali-shamkhani"),
        ("speaker_of_parliament", "IR", "2012-01-01", "ir-ali-larijani"),
        ("crown_prince", "SA", "2020-01-01", "sa-mohammed-bin-salman"),
        ("foreign_minister", "SA", "2023-06-01", "sa-faisal-bin-farhan-al-saud"),
        ("emir", "QA", "2020-01-01", "qa-tamim-bin-hamad-al-thani"),
        ("president", "EG", "2020-01-01", "eg-abdel-fattah-el-sisi"),
        ("foreign_minister", "EG", "2012-06-01", "eg-mohamed-kamel-amr"),
        ("intelligence_chief", "EG", "2021-01-01", "eg-abbas-kamel"),
        ("foreign_minister", "JO", "2012-01-01", "jo-nasser-judeh"),
        ("foreign_minister", "SD", "2012-01-01", "sd-ali-karti"),
        ("prime_minister", "LB", "2018-01-01", "lb-saad-hariri"),
        ("prime_minister", "IL", "2015-01-01", "il-benjamin-netanyahu"),
        ("president", "SY", "2010-06-01", "sy-bashar-al-assad"),
        ("prime_minister", "IQ", "2016-01-01", "iq-haider-al-abadi"),
    ],
)
def test_office_holder_spot_checks(people: list[dict], role: str, country: str, day: str, who: str) -> None:
    assert holders(people, role, country, day) == [who]


@pytest.mark.parametrize(
    ("spelling", "who"),
    [
        ("آیت الله خامنهای", "ir-ali-khamenei"),  # ZWNJ lost upstream
        ("السيد علي الخامنئي", "ir-ali-khamenei"),
        ("محمد جواد ظريف", "ir-mohammad-javad-zarif"),
        ("محمدجواد ظریف", "ir-mohammad-javad-zarif"),
        ("حسين أمير عبداللهيان", "ir-hossein-amir-abdollahian"),
        ("عبدالله بن عبد العزيز", "sa-abdullah-of-saudi-arabia"),  # mixed spacing of عبد
        ("Mohammad bin Salman", "sa-mohammed-bin-salman"),
        ("بنیامین نتانیاهو", "il-benjamin-netanyahu"),
        ("Abed Rabbo Mansour Hadi", "ye-abdrabbuh-mansur-hadi"),
        ("أبو محمد الجولاني", "sy-ahmed-al-sharaa"),
    ],
)
def test_news_spellings_resolve(people: list[dict], spelling: str, who: str) -> None:
    index = {fold(a): p["id"] for p in people for lang in ("en", "ar", "fa") for a in p["aliases"][lang]}
    assert index.get(fold(spelling)) == who


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold set not available")
def test_gold_name_spellings_are_known(people: list[dict]) -> None:
    """Every gold person of ours written by name (not only by title) is reachable from one spelling."""
    by_name = {p["name"]: p for p in people}
    spellings: dict[str, set[str]] = defaultdict(set)
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        for name, forms in json.loads(line).get("aliases", {}).items():
            if name in by_name:
                spellings[name].update(fold(f) for f in forms)
    assert spellings, "no gold person found in the dictionary"
    for name, forms in spellings.items():
        p = by_name[name]
        known = {fold(a) for lang in ("en", "ar", "fa") for a in p["aliases"][lang] + p["short"][lang]}
        name_tokens = {t for k in known for t in k.split() if len(t) > 3}
        by_name_forms = {f for f in forms if set(f.split()) & name_tokens}
        if by_name_forms:
            assert by_name_forms & known, f"{name}: none of {sorted(by_name_forms)} is a known spelling"

"""Who said it: institutions, countries and capitals as speakers, news agencies as sources, and
references back to an institution ("it", "the ministry", a feminine verb with no subject), on
hand-built documents with no model loaded. The sentences are made up."""

from __future__ import annotations

import importlib.util
import re
from datetime import date
from pathlib import Path

import pytest

from extractors import InputDoc
from extractors.claims import COUNTRY_SPEAKER_RULE, extract_claims
from extractors.mentions import build_mentions, lexicons
from extractors.naming import display_name
from extractors.ner import Entity
from extractors.view import build_view

REPO = Path(__file__).resolve().parents[1]


def said(text: str, lang: str, people: tuple[str, ...] = (), orgs: tuple[str, ...] = ()) -> list[tuple]:
    """(speaker name, resolution, claim text) of each claim; ``people``/``orgs``: what NER would tag."""
    view = build_view(text, lang)
    ents = [Entity(m.start(), m.end(), t, p) for t, names in (("PER", people), ("ORG", orgs))
            for p in names for m in re.finditer(re.escape(p), view.text)]
    lex = lexicons(lang)
    mentions = build_mentions(view, sorted(ents, key=lambda e: e.start), date(2024, 3, 1), lex)
    return [(display_name(c.speaker, lex.places) if c.speaker is not None else None, c.speaker_resolution,
             view.text[c.start:c.end]) for c in extract_claims(view, mentions)]


# -- institutions with their country, in three scripts ----------------------------------------------
def test_an_english_ministry_takes_the_country_of_its_demonym_and_it_refers_back() -> None:
    out = said("The Chilean Foreign Ministry said that the border talks had been useful. "
               "It also said that a second round would follow in May.", "en")
    assert out == [("Ministry of Foreign Affairs of Chile", "name", "the border talks had been useful"),
                   ("Ministry of Foreign Affairs of Chile", "pronoun", "a second round would follow in May")]


def test_an_arabic_ministry_after_a_verb_and_a_feminine_verb_with_no_subject_refer_to_it() -> None:
    out = said("أعلنت وزارة الخارجية الروسية أن الاجتماع المقبل سيعقد في الربيع. "
               "وأضافت أن الجولة المقبلة ستعقد قريبا.", "ar")
    assert [o[:2] for o in out] == [("Ministry of Foreign Affairs of Russia", "name"),
                                    ("Ministry of Foreign Affairs of Russia", "pronoun")]


def test_a_persian_ministry_and_the_anaphor_this_ministry() -> None:
    out = said("وزارت خارجه ازبکستان اعلام کرد که این نشست بسیار سازنده بود. "
               "این وزارت می‌گوید که گفتگوها ادامه خواهد داشت.", "fa")
    assert [o[:2] for o in out] == [("Ministry of Foreign Affairs of Uzbekistan", "name"),
                                    ("Ministry of Foreign Affairs of Uzbekistan", "pronoun")]


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("en", "The Kremlin said that the proposal was not acceptable at all.", "Kremlin"),
    ("ar", "قال البيت الأبيض إن الاتفاق سيوقع الشهر المقبل في جنيف.", "White House"),
    ("fa", "کاخ سفید اعلام کرد که این توافق به زودی امضا خواهد شد.", "White House"),
    ("en", "The U.N. Security Council said that the ceasefire must hold.", "United Nations Security Council"),
    ("ar", "أكد مجلس الأمن أن وقف إطلاق النار يجب أن يستمر.", "United Nations Security Council"),
])
def test_a_seat_of_government_or_an_organisation_speaks_under_its_own_name(lang: str, text: str, name: str) -> None:
    assert [o[0] for o in said(text, lang)] == [name]


def test_an_abbreviation_matches_only_in_capitals() -> None:
    assert [o[0] for o in said("NATO said that the exercise would start in June.", "en")] == \
        ["North Atlantic Treaty Organisation"]
    view = build_view("He asked who said that the plan had failed.", "en")
    mentions = build_mentions(view, [], date(2024, 3, 1), lexicons("en"))
    assert not [m for m in mentions if m.kind == "institution"]


def test_a_head_that_needs_a_country_is_no_institution_without_one() -> None:
    view = build_view("The government said that taxes would rise. وقال السياسة الخارجية", "en")
    mentions = build_mentions(view, [], date(2024, 3, 1), lexicons("en"))
    assert not [m for m in mentions if m.kind == "institution"]
    # an Arabic adjective after a definite noun is not the ministry: "the foreign policy"
    view = build_view("تحدث عن السياسة الخارجية للبلاد.", "ar")
    mentions = build_mentions(view, [], date(2024, 3, 1), lexicons("ar"))
    assert not [m for m in mentions if m.kind == "institution"]


# -- countries and capitals ------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "text", "name"), [
    ("en", "Moscow said that the new sanctions were illegal and harmful.", "Russia"),
    ("en", "Chile has announced that its embassy would reopen next week.", "Chile"),
    ("ar", "أكدت إيران أن الحوار هو الطريق الوحيد للحل.", "Iran"),
])
def test_a_country_or_its_capital_as_subject_speaks_for_the_country(lang: str, text: str, name: str) -> None:
    assert [o[0] for o in said(text, lang)] == [name]


def test_a_place_governed_by_a_preposition_is_not_a_speaker() -> None:
    out = said("In Moscow, Tomas Brenvik said that the sanctions were illegal.", "en", people=("Tomas Brenvik",))
    assert [o[0] for o in out] == ["Tomas Brenvik"]
    out = said("Speaking in Moscow said that the sanctions were illegal.", "en")
    assert all(o[0] != "Russia" for o in out)


# -- news agencies are sources ---------------------------------------------------------------------
def test_a_news_agency_that_reports_is_no_speaker() -> None:
    assert said("The Chilean news agency said that the minister had arrived.", "en") == []
    # "the agency quoted the minister": the speaker is the one quoted
    out = said("قالت وكالة الأنباء الرسمية عن الوزير سامر خليل إن الزيارة ناجحة جدا.", "ar",
               people=("سامر خليل",))
    assert [o[0] for o in out] in ([], ["سامر خليل"])
    assert all(o[0] is None or "وكالة" not in o[0] for o in out)


def test_a_person_before_an_institution_object_keeps_the_claim() -> None:
    out = said("Tomas Brenvik thanked the Kremlin and said that the visit had been useful.", "en",
               people=("Tomas Brenvik",))
    assert [o[0] for o in out] == ["Tomas Brenvik"]


def test_he_after_an_institution_spoke_is_the_last_person_not_the_institution() -> None:
    out = said("Tomas Brenvik said that the visit had been useful. The Chilean Foreign Ministry said that "
               "talks would go on. He said that he would return soon.", "en", people=("Tomas Brenvik",))
    assert [o[0] for o in out] == ["Tomas Brenvik", "Ministry of Foreign Affairs of Chile", "Tomas Brenvik"]



def test_he_is_never_an_organisation_ner_named() -> None:
    # no person spoke before: "he" has no antecedent rather than the bank that spoke
    out = said("The Northern Trade Bank said that rates would rise. He added that the talks had gone well.",
               "en", orgs=("The Northern Trade Bank",))
    assert [o[0] for o in out if "talks" in o[2]] in ([], [None])
    assert all(o[0] != "The Northern Trade Bank" for o in out if "talks" in o[2])


# -- records ---------------------------------------------------------------------------------------
def test_records_name_the_institution_its_country_and_the_rule(stages) -> None:
    text = "The Chilean Foreign Ministry said that the talks had been useful. Moscow said that it disagreed with them."
    doc = InputDoc(id="t", text=text, lang="en", date="2024-03-01", date_source="input")
    (res,) = stages.extract_many([doc])
    first, second = [r["speaker"] for r in res.records if r["type"] == "claim"]
    assert (first["name"], first["country"], first["rule"]) == \
        ("Ministry of Foreign Affairs of Chile", "CL", "en.inst.foreign_ministry")
    assert (second["name"], second["country"], second["rule"]) == ("Russia", "RU", COUNTRY_SPEAKER_RULE)


# -- the clause subject, not the last name mentioned --------------------------------------------------
def test_a_participle_after_a_comma_has_the_main_clause_subject() -> None:
    out = said("Tomas Brenvik said that he and Lina Dervaux agreed on the plan, adding that work would start in May.",
               "en",
               people=("Tomas Brenvik", "Lina Dervaux"))
    assert [o[0] for o in out] == ["Tomas Brenvik", "Tomas Brenvik"]


def test_a_person_governed_by_a_preposition_is_not_the_subject() -> None:
    out = said("Lina Dervaux, the sister of Tomas Brenvik, spoke on Monday and warned that the drills were risky.",
               "en", people=("Lina Dervaux", "Tomas Brenvik"))
    assert [o[0] for o in out] == ["Lina Dervaux"]
    out = said("Lina Dervaux met with Tomas Brenvik and said that the drills were risky.", "en",
               people=("Lina Dervaux", "Tomas Brenvik"))
    assert [o[0] for o in out] == ["Lina Dervaux"]


def test_she_refers_to_the_last_woman_who_spoke() -> None:
    out = said("Hillary Clinton said that the visit had been useful. Barack Obama said that talks would go on "
               "for a long time. She said that she would return soon.", "en",
               people=("Hillary Clinton", "Barack Obama"))
    assert [o[0] for o in out] == ["Hillary Clinton", "Barack Obama", "Hillary Clinton"]


# -- the organisations file is the build script's output ---------------------------------------------
def _build_script():
    spec = importlib.util.spec_from_file_location("build_institutions", REPO / "scripts" / "build_institutions.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_build_keeps_capitalised_abbreviations_and_each_rows_provenance() -> None:
    b = _build_script()
    rows = [{"name_en": "Union of Made-up States", "other_names_en": ["UMS Union", None], "abbreviation_en": "UMS",
             "name_ar": "اتحاد الدول", "wikidata_qid": "Q999", "source": "S", "source_ref": "r@1:f"},
            {"name_en": "Union of Made-up States", "wikidata_qid": "Q999", "abbreviation_en": "UMS"},
            {"name_en": "Words Group", "abbreviation_en": "Words", "wikidata_qid": None, "source": "S"}]
    out = b.derive(rows)
    assert [r["id"] for r in out] == ["Q999", "row3"]  # one row per Wikidata id
    assert out[0]["names_en"] == ["UMS Union"] and out[0]["source_ref"] == "r@1:f"
    assert out[0]["abbreviation"] == "UMS" and out[1]["abbreviation"] is None


def test_the_committed_organisations_file_is_the_scripts_output() -> None:
    b = _build_script()
    src = b.DEFAULT_SHARED / "institutions.jsonl"
    if not src.is_file():
        pytest.skip(f"the shared organisations table is not at {src}")
    assert b.main(["--check"]) == 0, "rerun scripts/build_institutions.py"


def test_with_and_a_participle_make_the_participles_subject() -> None:
    out = said("The talks were held in the capital, with Tomas Brenvik reiterating the wish for closer ties.", "en",
               people=("Tomas Brenvik",))
    assert [o[0] for o in out] == ["Tomas Brenvik"]


def test_an_expletive_it_is_no_institution_and_it_refers_to_the_institution_that_spoke() -> None:
    view = build_view("The Chilean Foreign Ministry said so. It is worth noting that it's late.", "en")
    mentions = build_mentions(view, [], date(2024, 3, 1), lexicons("en"))
    assert [m.text for m in mentions if m.kind == "institution"] == ["Chilean Foreign Ministry"]
    out = said("NATO said that the drills would start in June. Delegates of the African Union arrived in Brussels "
               "on Monday. It added that the drills were defensive.", "en")
    assert [o[0] for o in out] == ["North Atlantic Treaty Organisation"] * 2


def test_a_preposition_inside_a_quotation_governs_no_speaker_after_it() -> None:
    out = said('"We agreed to expand trade," Putin told reporters.', "en", people=("Putin",))
    assert [o[0] for o in out] == ["Vladimir Putin"]

"""Whose claim it is when the clause has more than one person: coordinated subjects, coordinated verbs,
participles and appositions, a cue inside a quotation, and a chain of references to an institution.
Hand-built documents with no model loaded; the sentences and names are made up."""

from __future__ import annotations

import pytest
from test_speakers import said


def test_a_coordinated_subject_gives_one_claim_per_speaker() -> None:
    out = said("Tomas Brenvik and Foreign Minister Lina Dervaux said that the border would reopen in May.", "en",
               people=("Tomas Brenvik", "Lina Dervaux"))
    assert sorted(o[0] for o in out) == ["Lina Dervaux", "Tomas Brenvik"]
    assert {o[2] for o in out} == {"the border would reopen in May"}
    # a person the verb governs is no conjunct of the subject after it
    out = said("Tomas Brenvik met with Lina Dervaux and Omar Haddad said that the visit had been useful.", "en",
               people=("Tomas Brenvik", "Lina Dervaux", "Omar Haddad"))
    assert [o[0] for o in out] == ["Omar Haddad"]


def test_a_possessive_and_a_title_may_stand_after_the_conjunction() -> None:
    out = said("Tomas Brenvik and his Norvian counterpart Lina Dervaux stressed the need to reopen the border.", "en",
               people=("Tomas Brenvik", "Lina Dervaux"))
    assert sorted(o[0] for o in out) == ["Lina Dervaux", "Tomas Brenvik"]


def test_a_plural_pronoun_after_a_coordinated_subject_speaks_for_them_all() -> None:
    out = said("Tomas Brenvik and Lina Dervaux said that the talks had gone well. "
               "They also stressed the need to reopen the border.", "en",
               people=("Tomas Brenvik", "Lina Dervaux"))
    assert sorted(o[0] for o in out if o[2].startswith("the need")) == ["Lina Dervaux", "Tomas Brenvik"]


def test_a_coordinated_verb_has_the_sentences_subject_not_its_object() -> None:
    out = said("Tomas Brenvik on Monday thanked Lina Dervaux and assured that the aid would continue.", "en",
               people=("Tomas Brenvik", "Lina Dervaux"))
    assert [o[0] for o in out] == ["Tomas Brenvik"]


def test_a_participle_after_the_object_has_the_sentences_subject() -> None:
    out = said("Tomas Brenvik thanked Lina Dervaux for the support, describing it as a turning point.", "en",
               people=("Tomas Brenvik", "Lina Dervaux"))
    assert [o[0] for o in out] == ["Tomas Brenvik"]


def test_a_person_inside_an_apposition_is_not_the_subject() -> None:
    # "Norvian" is capitalised: the preposition before it does not reach the name, the commas do
    out = said("Lina Dervaux, the sister of Norvian leader Tomas Brenvik, warned that the drills were risky.", "en",
               people=("Lina Dervaux", "Tomas Brenvik"))
    assert [o[0] for o in out] == ["Lina Dervaux"]


def test_a_dateline_before_the_subject_still_lets_it_open_the_sentence() -> None:
    out = said("10 (XNA) -- Lina Dervaux, the sister of Norvian leader Tomas Brenvik, warned that the drills "
               "were risky.", "en", people=("Lina Dervaux", "Tomas Brenvik"))
    assert [o[0] for o in out] == ["Lina Dervaux"]


def test_a_cue_inside_a_quotation_has_its_subject_inside_it() -> None:
    text = "دفتر علی رضایی اعلام کرد: «حسن موسوی از مردم شهر تمجید کرد و گفت که این سفر بسیار مفید بوده است.»"
    out = said(text, "fa", people=("علی رضایی", "حسن موسوی"))
    assert ("حسن موسوی", "name", "این سفر بسیار مفید بوده است") in out


def test_references_to_an_institution_chain_beyond_the_reach_of_its_name() -> None:
    filler = "The weather in the capital was cold. "
    out = said("The Chilean Foreign Ministry said that the border talks had been useful. " + filler * 3
               + "The ministry added that a second round would follow. " + filler * 3
               + "The ministry said that the talks would resume in May.", "en")
    assert [o[0] for o in out] == ["Ministry of Foreign Affairs of Chile"] * 3


def test_a_pronoun_refers_to_the_subject_of_the_sentences_since_the_last_claim() -> None:
    out = said("Tomas Brenvik said that the talks had gone well. Lina Dervaux arrived in the capital on Monday "
               "and addressed the troops. He said that the mission would end this year.", "en",
               people=("Tomas Brenvik", "Lina Dervaux"))
    assert [o[0] for o in out] == ["Tomas Brenvik", "Lina Dervaux"]
    text = ("علی رضایی گفت که مذاکرات خوب پیش رفت. حسن موسوی دیروز وارد پایتخت شد و برای سربازان سخنرانی کرد. "
            "وی گفت که این ماموریت امسال پایان خواهد یافت.")
    assert [o[0] for o in said(text, "fa", people=("علی رضایی", "حسن موسوی"))] == ["علی رضایی", "حسن موسوی"]


def test_a_clause_final_verb_of_a_complement_clause_is_no_claim_of_the_speaker() -> None:
    text = "علی رضایی گفت که حسن موسوی دعوت وزیر را برای دیدار در پایتخت رد کرد."
    out = said(text, "fa", people=("علی رضایی", "حسن موسوی"))
    assert [o[0] for o in out] == ["علی رضایی"]


# -- attribution phrases: the source is named after the phrase -------------------------------------------
def test_according_to_names_the_speaker_of_the_clause_after_it_or_before_it() -> None:
    out = said("According to Lina Dervaux, the border will reopen in May.", "en", people=("Lina Dervaux",))
    assert out == [("Lina Dervaux", "name", "the border will reopen in May")]
    out = said("The border will reopen in May, according to Lina Dervaux.", "en", people=("Lina Dervaux",))
    assert out == [("Lina Dervaux", "name", "The border will reopen in May")]
    assert said("According to the plan, the border will reopen in May.", "en") == []  # names no one


def test_according_to_a_statement_is_the_body_that_issued_it() -> None:
    out = said("The Chilean Foreign Ministry published a statement on Monday. The ministry labelled the report "
               "as false. According to the statement, Chile has sent no message to anyone.", "en")
    assert out[-1] == ("Ministry of Foreign Affairs of Chile", "pronoun", "Chile has sent no message to anyone")


@pytest.mark.parametrize(("lang", "text", "person", "claim"), [
    ("fa", "به گفته حسن موسوی این سفر بسیار مفید بوده است.", "حسن موسوی", "این سفر بسیار مفید بوده است"),
    ("ar", "وبحسب حسن الموسوي، فإن الزيارة كانت مفيدة جدا.", "حسن الموسوي", "فإن الزيارة كانت مفيدة جدا"),
])
def test_attribution_phrases_in_persian_and_arabic(lang: str, text: str, person: str, claim: str) -> None:
    assert said(text, lang, people=(person,)) == [(person, "name", claim)]


def test_an_arabic_subject_before_its_verb_is_the_speaker_not_the_object_after_it() -> None:
    out = said("وقال البيان إن حسن الموسوي أبلغ علي الرضا أنه سيزور العاصمة قريبا.", "ar",
               people=("حسن الموسوي", "علي الرضا"))
    assert ("حسن الموسوي", "name", "سيزور العاصمة قريبا") in out


def test_a_participle_takes_no_quotation_before_it() -> None:
    text = "وشدد حسن الموسوي على أن «الحوار هو الطريق الوحيد»، مكررا القول: «نحن نريد السلام للجميع»."
    out = said(text, "ar", people=("حسن الموسوي",))
    assert [o[2] for o in out] == ["الحوار هو الطريق الوحيد", "نحن نريد السلام للجميع"]


def test_an_arabic_complementizer_carries_its_subject_pronoun() -> None:
    out = said("ولفت حسن الموسوي إلى أنهم يسعون إلى تقسيم البلاد.", "ar", people=("حسن الموسوي",))
    assert out == [("حسن الموسوي", "name", "يسعون إلى تقسيم البلاد")]


def test_a_statement_of_a_body_named_without_its_country_is_the_body_named_before() -> None:
    out = said("أعلنت وزارة الخارجية الروسية أن الاجتماع سيعقد في الربيع. "
               "وجاء في بيان الخارجية: «نحن مستعدون للحوار مع جميع الأطراف».", "ar")
    assert out[-1] == ("Ministry of Foreign Affairs of Russia", "pronoun", "نحن مستعدون للحوار مع جميع الأطراف")


def test_afada_reports_a_claim_of_its_subject() -> None:
    out = said("أفادت وزارة الخارجية الروسية بأن الوزير سيزور طهران قريبا.", "ar")
    assert out == [("Ministry of Foreign Affairs of Russia", "name", "الوزير سيزور طهران قريبا")]


@pytest.mark.parametrize("text", [
    "أكد المتحدث باسم «حركة النهضة» في البلاد، حسن الموسوي، أن الحوار مستمر بين الطرفين.",
    "وقال نائب المتحدث باسم الوزارة، حسن الموسوي: إن الحوار مستمر بين الطرفين.",
])
def test_a_name_set_off_by_commas_after_a_title_is_the_speaker(text: str) -> None:
    out = said(text, "ar", people=("حسن الموسوي",))
    assert [o[0] for o in out] == ["حسن الموسوي"]
    assert out[0][2].endswith("الحوار مستمر بين الطرفين")


def test_an_attribution_phrase_inside_a_claim_neither_ends_it_nor_speaks() -> None:
    out = said("Lina Dervaux wrote that the storm would reach the coast on Friday, according to the weather "
               "office, and that schools would close.", "en", people=("Lina Dervaux",))
    assert [o[0] for o in out] == ["Lina Dervaux"]
    assert out[0][2].endswith("schools would close")


def test_an_attribution_phrase_for_the_account_of_a_meeting_makes_no_claim() -> None:
    out = said("On Monday Tomas Brenvik met with Lina Dervaux in the capital, according to Omar Haddad.", "en",
               people=("Tomas Brenvik", "Lina Dervaux", "Omar Haddad"))
    assert out == []


def test_a_statement_quoted_in_straight_marks_runs_past_a_phrase_quoted_inside_it() -> None:
    out = said('أعلنت وزارة الخارجية الروسية أن الاجتماع سيعقد في الربيع. وجاء في بيان الخارجية: '
               '"نحن مستعدون للحوار. كما نريد "حلا عادلا" لجميع الأطراف".', "ar")
    assert out[-1][2] == 'نحن مستعدون للحوار. كما نريد "حلا عادلا" لجميع الأطراف'


def test_an_attribution_phrase_must_open_its_clause() -> None:
    text = "وهذا يتناقض مع ما جاء في بيان حسن الموسوي الذي صدر صباح أمس بشأن مسار السلام."
    assert said(text, "ar", people=("حسن الموسوي",)) == []


def test_a_statement_that_the_two_discussed_is_the_account_of_a_meeting() -> None:
    text = "وبحسب حسن الموسوي، تباحث الرئيس مع ضيفه بشأن سبل تعزيز العلاقات الثنائية."
    assert said(text, "ar", people=("حسن الموسوي",)) == []

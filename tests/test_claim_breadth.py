"""Reporting verbs of each language's inventory, the frames a known cue takes (an audience, a
relative clause), and what is not a claim though a cue reports it (a demonstrative noun phrase, a
protocol account, a speaker that is a complement). The sentences and names are made up; the stages
run without a model (the ``stages`` fixture tags the names given with each text)."""

from __future__ import annotations

import pytest
from test_claim_cues import claims

from extractors.lang import cue_forms


def said(recs: list[dict]) -> list[tuple]:
    return [(r["speaker"]["name"] or r["speaker"]["text"], r["text"], r["evidence"]["rule"]) for r in recs]


# -- reporting verbs of the inventory ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "person", "start", "rule"), [
    ("وعبر كريم منصوري عن قلقه البالغ من تصاعد التوتر على الحدود الشمالية.", "كريم منصوري",
     "قلقه البالغ", "ar.cue.abbar"),
    ("وجدد كريم منصوري دعم بلاده الكامل للحل السياسي للأزمة.", "كريم منصوري", "دعم بلاده", "ar.cue.jaddad"),
    ("وكشف كريم منصوري أن المفاوضات ستستأنف الأسبوع المقبل في جنيف.", "كريم منصوري",
     "المفاوضات ستستأنف", "ar.cue.kashaf"),
    ("وانتقد كريم منصوري السياسات الاقتصادية للحكومة السابقة بشدة.", "كريم منصوري",
     "السياسات الاقتصادية", "ar.cue.intaqad"),
    ("علی رضایی در این دیدار خاطرنشان ساخت که ایران به تعهدات خود پایبند است.", "علی رضایی",
     "ایران به تعهدات", "fa.cue.khaterneshan"),
    ("علی رضایی توضیح داد که مذاکرات هفته آینده از سر گرفته می‌شود.", "علی رضایی",
     "مذاکرات هفته آینده", "fa.cue.tozih"),
    ("علی رضایی ادامه داد: ما آماده همکاری با همه کشورهای منطقه هستیم.", "علی رضایی",
     "ما آماده همکاری", "fa.cue.edame"),
    ("Lorenzo Baldi acknowledged that the customs talks had stalled over the quotas.", "Lorenzo Baldi",
     "the customs talks", "en.cue.explained"),
    ("Lorenzo Baldi accused the neighbouring government of arming the rebels in the north.", "Lorenzo Baldi",
     "the neighbouring government", "en.cue.accused"),
])
def test_a_reporting_verb_of_the_inventory_opens_a_claim(stages, text, person, start, rule) -> None:
    out = said(claims(stages, text, (person,)))
    assert [(who, body.split()[:2] == start.split()[:2], r) for who, body, r in out] == [(person, True, rule)]


def test_persian_light_verbs_take_saakhtan_in_every_tense() -> None:
    forms = {pattern for pattern, row in cue_forms("fa") if row["id"] == "fa.cue.khaterneshan"}
    assert {"خاطرنشان ساخت", "خاطرنشان ساختند", "خاطرنشان ساخته است"} <= forms


def test_a_verb_governing_a_preposition_takes_its_claim_after_it_past_a_circumstance(stages) -> None:
    text = "وأعرب كريم منصوري خلال لقائه مع الوفد عن أمله في التوصل إلى اتفاق شامل قريبا."
    assert [body for _, body, _ in said(claims(stages, text, ("كريم منصوري",)))] == [
        "أمله في التوصل إلى اتفاق شامل قريبا"]
    # the same letters as a preposition ("across the border") open nothing, nor end the claim before them
    text = "وقال كريم منصوري إن التجارة عبر الحدود البرية تضاعفت خلال العام الماضي."
    assert [body for _, body, _ in said(claims(stages, text, ("كريم منصوري",)))] == [
        "التجارة عبر الحدود البرية تضاعفت خلال العام الماضي"]


def test_a_participle_takes_no_quotation_before_it(stages) -> None:
    text = "ورأى كريم منصوري أن الأزمة «تحتاج إلى حوار وطني شامل»، مبديا ثقته بقدرة الأطراف على التوافق."
    out = said(claims(stages, text, ("كريم منصوري",)))
    assert [(body.split()[0], r) for _, body, r in out] == [("الأزمة", "ar.cue.raa"), ("ثقته", "ar.cue.mubdiyan")]


# -- frames of a known cue -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Foreign Minister Lorenzo Baldi told reporters in Rome on Monday that the sanctions had failed completely.",
    "Foreign Minister Lorenzo Baldi told a joint news conference in Rome: the sanctions had failed completely.",
])
def test_the_audience_of_told_is_not_part_of_the_claim(stages, text) -> None:
    assert [body for _, body, _ in said(claims(stages, text, ("Lorenzo Baldi",)))] == [
        "the sanctions had failed completely"]


def test_a_reporting_clause_inside_a_relative_clause_reports_what_follows_it(stages) -> None:
    text = ("Lorenzo Baldi said the country was preparing for an election in March, which he said would be "
            "peaceful and fair.")
    assert [body for _, body, _ in said(claims(stages, text, ("Lorenzo Baldi",)))] == [
        "the country was preparing for an election in March", "would be peaceful and fair"]


# -- not a claim -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("bare", "content", "person"), [
    ("علی رضایی این اقدام تروریستی را محکوم کرد.", "علی رضایی حمله به غیرنظامیان در شهر را محکوم کرد.",
     "علی رضایی"),
    # with an indefinite word after it, the demonstrative is the subject of a sentence: a claim
    ("وأدان كريم منصوري هذا الهجوم الإرهابي الجبان.", "وقال كريم منصوري إن هذا هجوم خطير على سيادة البلاد.",
     "كريم منصوري"),
])
def test_a_demonstrative_noun_phrase_alone_asserts_nothing(stages, bare, content, person) -> None:
    assert claims(stages, bare, (person,)) == []
    assert len(claims(stages, content, (person,))) == 1


@pytest.mark.parametrize(("text", "person"), [
    ("– Foreign Minister Lorenzo Baldi on Tuesday spoke with the Spanish and Greek leaders, the Italian "
     "Foreign Ministry said.", "Lorenzo Baldi"),
    ("Lorenzo Baldi arrived in Vienna on Monday for two days of talks, the Italian Foreign Ministry said.",
     "Lorenzo Baldi"),
    ("وأعرب كريم منصوري عن تعازي بلاده لأسر الضحايا وللحكومة والشعب.", "كريم منصوري"),
])
def test_a_call_an_arrival_or_a_condolence_is_not_a_claim(stages, text, person) -> None:
    assert claims(stages, text, (person,)) == []


def test_persian_objects_and_governed_persons_are_not_subjects(stages) -> None:
    # a verb coordinated after "و" whose clause names only its object has the sentence's subject
    text = ("علی رضایی طرح جدید را غیرقانونی خواند و خواستار محاکمه پرویز نادری شد و مریم کاظمی را متهم کرد "
            "که در کار دادگاه دخالت کرده است.")
    out = said(claims(stages, text, ("علی رضایی", "پرویز نادری", "مریم کاظمی")))
    assert {who for who, _, r in out if r == "fa.cue.mottaham"} == {"علی رضایی"}
    # a group noun opening the clause, the only person governed by "با" before his title: no one named
    text = "نمایندگان گروه در دیدار با مقامات ازبکستان درخواست کردند که این پروژه هرچه زودتر اجرا شود."
    assert claims(stages, text) == []


def test_a_participle_before_its_noun_is_no_cue_and_ends_no_claim(stages) -> None:
    text = "Lorenzo Baldi said on Monday that the government's declared goal of full employment was out of reach."
    out = said(claims(stages, text, ("Lorenzo Baldi",)))
    assert [body for _, body, _ in out] == ["the government's declared goal of full employment was out of reach"]
    text = "Lorenzo Baldi said on Monday that the proposed budget would be accepted without changes."
    out = said(claims(stages, text, ("Lorenzo Baldi",)))
    assert [body for _, body, _ in out] == ["the proposed budget would be accepted without changes"]

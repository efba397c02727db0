"""Reporting cues as classes of words with generated forms, whole-word matching, where a claim's text
starts and ends, and what is not a claim. The sentences are written for these tests; the stages run
without a model (the ``stages`` fixture tags the names given with each text)."""

from __future__ import annotations

import pytest

from extractors import InputDoc
from extractors.lang import cue_forms


def claims(extractor, text: str, people: tuple[str, ...] = (), date: str = "2021-05-09") -> list[dict]:
    extractor.ner.names = dict.fromkeys(people, "PER")
    (res,) = extractor.extract_many([InputDoc(id="t", text=text, date=date, date_source="input")])
    assert res.error is None, res.error
    return [r for r in res.records if r["type"] == "claim"]


# -- forms generated from stems --------------------------------------------------------------
def test_arabic_forms_come_from_the_stems_with_person_number_and_the_joint_plurals() -> None:
    forms: dict[str, list[dict]] = {}
    for pattern, row in cue_forms("ar"):
        forms.setdefault(pattern, []).append(row)
    for form, kind, joint in [("أكدت", "verb", False), ("يؤكد", "verb", False), ("أكدوا", "verb", True),
                              ("مؤكدا", "participle", False), ("مؤكدين", "participle", True),
                              ("تأكيده", "participle", False), ("أشادت", "verb", False),
                              ("محذرين", "participle", True)]:
        assert any(r["form"] == kind and bool(r.get("joint")) == joint for r in forms[form]), form
    assert all("inflect" not in r for rows in forms.values() for r in rows)


def test_persian_compound_verbs_come_from_the_noun_and_the_light_verb() -> None:
    forms = {p for p, r in cue_forms("fa") if r["id"] == "fa.cue.takid"}
    assert {"تأکید کرد", "تأکید کردند", "تأکید کرده است", "تأکید می‌کند", "تأکید داشت"} <= forms


# -- whole words -----------------------------------------------------------------------------
def test_arabic_verb_cue_is_not_read_inside_a_noun_with_the_article(stages) -> None:
    text = "ونشرت الصحيفة مقالا طويلا حول الرأي العام في البلدين بعد انتهاء الزيارة."
    assert claims(stages, text) == []


@pytest.mark.parametrize("text", [
    "محمدجواد ظریف در تهران گفت وگو با همتای خود را مفید و سازنده خواند و از ادامه آن استقبال کرد.",
    "محمدجواد ظریف در تهران گفت و گو با همتای خود را مفید و سازنده خواند و از ادامه آن استقبال کرد.",
])
def test_persian_said_is_not_read_inside_talks_written_without_its_zwnj(stages, text) -> None:
    (c,) = claims(stages, text)  # the claim of خواند, not one of a "گفت" inside the noun
    assert c["evidence"]["rule"] == "fa.cue.khand" and "با همتای خود" in c["text"], c


# -- cue classes and what follows them ------------------------------------------------------
@pytest.mark.parametrize("text,start", [
    ("Antony Blinken reaffirmed Washington's commitment to the security of its allies in the region.",
     "Washington's commitment"),
    ("Antony Blinken highlighted the importance of keeping the shipping lanes open to all.", "the importance"),
    ("Antony Blinken rejected the accusations made against the embassy staff last week.", "the accusations"),
    ("Antony Blinken spoke at length, warning that further delays would cost lives in the region.",
     "further delays"),
])
def test_en_reporting_classes_with_their_complements(stages, text, start) -> None:
    (c,) = claims(stages, text)
    assert c["speaker"]["name"] == "Antony Blinken" and c["text"].startswith(start), c


@pytest.mark.parametrize("text,start,rule", [
    ("وأشاد وزير الخارجية الروسي سيرغي لافروف بالجهود المبذولة لتعزيز التعاون بين البلدين.", "بالجهود", "ar.cue.ashad"),
    ("واختتم سيرغي لافروف كلمته مجددا تأكيده على أن الحوار يبقى السبيل الوحيد لحل الخلافات.", "الحوار يبقى",
     "ar.cue.muakkidan"),
    ("وفند سيرغي لافروف الاتهامات الموجهة إلى بلاده بشأن تعطيل المفاوضات.", "الاتهامات", "ar.cue.fannad"),
])
def test_ar_praise_masdar_and_denial_cues(stages, text, start, rule) -> None:
    (c,) = claims(stages, text)
    assert c["speaker"]["name"] == "Sergey Lavrov" and c["text"].startswith(start), c
    assert c["evidence"]["rule"] == rule


def test_fa_nominal_frame_and_a_compound_verb_followed_by_its_own_clause(stages) -> None:
    cs = claims(stages, "حسن روحانی با محکومیت حملات تروریستی اخیر در منطقه، خواستار همکاری بیشتر همسایگان شد.")
    assert any(c["text"].startswith("حملات تروریستی") and c["speaker"]["name"] == "Hassan Rouhani" for c in cs), cs
    (c,) = claims(stages, "محمدجواد ظریف تاکید کرد ایران به تعهدات خود در این توافق پایبند خواهد ماند.")
    assert c["text"].startswith("ایران به تعهدات") and c["speaker"]["name"] == "Mohammad Javad Zarif", c


# -- boundaries ------------------------------------------------------------------------------
def test_en_unquoted_claim_before_the_speaker_and_his_verb(stages) -> None:
    (c,) = claims(stages, "The negotiations have reached a decisive stage, Sergey Lavrov said after the meeting.")
    assert c["text"] == "The negotiations have reached a decisive stage" and c["speaker"]["name"] == "Sergey Lavrov"
    (c,) = claims(stages, "In Moscow on Monday, Sergey Lavrov said the talks had been useful for both sides.")
    assert c["text"].startswith("the talks had been useful"), c  # an opening circumstance is not the claim


def test_fa_colon_claim_runs_over_its_paragraph_and_opens_the_next_line(stages) -> None:
    text = ("محمدجواد ظریف گفت: ایران خواهان صلح و ثبات در منطقه است. ما با همه همسایگان همکاری خواهیم کرد.\n"
            "این سفر دو روز طول کشید.")
    (c,) = claims(stages, text)
    assert "همه همسایگان" in c["text"] and "دو روز" not in c["text"], c
    (c,) = claims(stages, "محمدجواد ظریف تاکید کرد:\nتحریم‌ها هیچ نتیجه‌ای برای آمریکا نداشته است.")
    assert c["text"].startswith("تحریم"), c


# -- not claims ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Sergey Lavrov expressed his gratitude to the hosts for the warm hospitality shown to the delegation.",
    "Sergey Lavrov said the two sides discussed bilateral relations and regional issues of common concern.",
    "وأعرب سيرغي لافروف عن شكره للقيادة المصرية على حسن الاستقبال وكرم الضيافة.",
    "سخنگوی وزارت امور خارجه اعلام کرد که دو وزیر درباره روابط دوجانبه و مسائل منطقه‌ای گفتگو کردند.",
])
def test_thanks_and_the_account_of_a_meeting_are_not_claims(stages, text) -> None:
    assert claims(stages, text) == []


def test_a_position_after_a_courtesy_is_still_a_claim(stages) -> None:
    text = ("Sergey Lavrov expressed his gratitude to the hosts and stressed that the sanctions had failed to "
            "change the policy of his country.")
    (c,) = claims(stages, text)
    assert c["text"].startswith("the sanctions had failed") and c["evidence"]["rule"] == "en.cue.stressed", c


def test_en_a_cue_without_a_complement_of_its_own_does_not_end_the_claim(stages) -> None:
    text = "Sergey Lavrov announced that the ministry posted the schedule of the new consultations online."
    (c,) = claims(stages, text)
    assert c["text"].endswith("the schedule of the new consultations online"), c


def test_en_fronted_claim_past_a_title_and_an_adverbial_participle_ending_at_its_comma(stages) -> None:
    text = "The grain corridor will stay open until the end of the year, FM Sergey Lavrov said, in a short statement."
    (c,) = claims(stages, text)
    assert c["text"] == "The grain corridor will stay open until the end of the year", c
    text = "After stressing the importance of regional trade, Sergey Lavrov signed the memorandum on transit."
    (c,) = claims(stages, text)
    assert c["text"] == "the importance of regional trade", c


def test_ar_object_claim_starts_at_its_head_past_what_stands_between(stages) -> None:
    text = "وأكد سيرغي لافروف في مؤتمر صحفي مع نظرائه الأوروبيين أهمية استئناف الحوار بين الجانبين."
    (c,) = claims(stages, text)
    assert c["text"] == "أهمية استئناف الحوار بين الجانبين" and c["speaker"]["name"] == "Sergey Lavrov", c
    text = "وأكد سيرغي لافروف في مؤتمر صحفي مع نظرائه الأوروبيين في العاصمة البلجيكية."
    assert claims(stages, text) == []  # no object a position begins with: no claim

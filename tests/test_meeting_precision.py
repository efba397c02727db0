"""People a sentence only mentions beside a meeting, and meeting words that state no meeting: the
sender of a message an envoy carried, the head of a regime, the one an envoy acts for, people who
attended, named people who met an office the text gives no holder, the pair a pronoun of the
meeting refers to, talks someone wants resumed. Hand-built documents, no model loaded (the entities
NER would find are given by hand)."""

from __future__ import annotations

import pytest
from test_stages import LAVROV, SAFADI, _met, document

from extractors.meetings import extract_meetings

FARHAN = {"en": "Faisal bin Farhan", "ar": "فيصل بن فرحان", "fa": "فیصل بن فرحان"}
ARAGHCHI = {"en": "Abbas Araghchi", "ar": "عباس عراقجي", "fa": "عباس عراقچی"}


@pytest.mark.parametrize(("lang", "text"), [
    # the sender stands after the preposition, past the kind of message and its addressee
    ("ar", "استقبل أيمن الصفدي اليوم مبعوثا حمل رسالة شفوية موجهة إليه من فيصل بن فرحان."),
    ("ar", "استقبل أيمن الصفدي اليوم مبعوثا سلمه رسالة خطية من أخيه صاحب السمو فيصل بن فرحان."),
    ("en", "Ayman Safadi held talks with the envoy, who carried a message for the king from Faisal bin Farhan."),
    ("fa", "ایمن الصفدی در دیدار با فرستاده ویژه، پیام تبریک از فیصل بن فرحان دریافت کرد."),
])
def test_the_sender_of_a_message_an_envoy_carried_is_not_met(lang: str, text: str) -> None:
    assert _met(text, lang, (SAFADI[lang], FARHAN[lang])) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", "أجرى أيمن الصفدي محادثات في دمشق بعد سقوط نظام فيصل بن فرحان."),
    ("en", "Ayman Safadi held talks in Damascus two years after the fall of the regime of Faisal bin Farhan."),
])
def test_the_head_of_a_regime_is_not_met(lang: str, text: str) -> None:
    assert _met(text, lang, (SAFADI[lang], FARHAN[lang])) == []


def test_the_owner_of_an_envoy_is_not_met() -> None:
    people = ("Sergey Lavrov", "Ayman Safadi", "Faisal bin Farhan")
    text = "Sergey Lavrov's special envoy Ayman Safadi held talks with Faisal bin Farhan in Riyadh."
    assert _met(text, "en", people) == [("happened", ["Ayman Safadi", "Faisal bin Farhan"])]


@pytest.mark.parametrize("text", [
    "استقبل أيمن الصفدي اليوم الوفد الزائر في حضور فيصل بن فرحان.",
    # the list of people present goes on past an office of several words the dictionary does not know
    "استقبل أيمن الصفدي اليوم الوفد الزائر بحضور عباس عراقجي، القائمة بأعمال السفارة في الدوحة فيصل بن فرحان.",
])
def test_people_present_are_not_counterparts(text: str) -> None:
    assert _met(text, "ar", (SAFADI["ar"], FARHAN["ar"], ARAGHCHI["ar"])) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Sergey Lavrov and Abbas Araghchi were in Doha today, where they met with the defense minister."),
    ("en", "Sergey Lavrov and Abbas Araghchi met their counterpart in Doha."),
    ("fa", "سرگئی لاوروف و عباس عراقچی در دوحه با وزیر دفاع دیدار کردند."),
])
def test_people_who_met_an_office_with_no_holder_did_not_meet_each_other(lang: str, text: str) -> None:
    assert _met(text, lang, (LAVROV[lang], ARAGHCHI[lang])) == []


def test_a_meeting_between_them_carries_no_subject_from_before() -> None:
    text = ("وصل سيرغي لافروف إلى الدوحة يوم الاثنين. وقال إن فيصل بن فرحان والملك حددا الأهداف، وهو ما أكده آخر "
            "لقاء بينهما.")
    # Lavrov's arrival is a visit of Qatar; the meeting "between them" is not his with Faisal bin Farhan
    assert all(FARHAN["ar"] not in parties for _, parties in _met(text, "ar", (LAVROV["ar"], FARHAN["ar"])))


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", "ودعا سيرغي لافروف وأيمن الصفدي إلى استمرار المشاورات بين البلدين."),
    ("fa", "سرگئی لاوروف و ایمن الصفدی خواستار ازسرگیری مذاکرات شدند."),
])
def test_talks_someone_wants_resumed_are_no_meeting(lang: str, text: str) -> None:
    assert _met(text, lang, (LAVROV[lang], SAFADI[lang])) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", "يلتقي أيمن الصفدي، اليوم الأربعاء، سيرغي لافروف في عمان."),
    ("ar", "يقوم أيمن الصفدي اليوم بزيارة رسمية يلتقي خلالها سيرغي لافروف."),
    ("fa", "ایمن الصفدی امروز در عمان با سرگئی لاوروف دیدار می‌کند."),
])
def test_a_present_tense_meeting_of_today_is_scheduled(lang: str, text: str) -> None:
    assert _met(text, lang, (SAFADI[lang], LAVROV[lang])) == [("planned", [SAFADI[lang], LAVROV[lang]])]


@pytest.mark.parametrize("text", [
    # the past tells a meeting held today
    "التقى أيمن الصفدي، اليوم الأربعاء، سيرغي لافروف في عمان.",
    # a headline's present tense, on its own line (which the view runs into the lead), tells a held meeting
    "وزير الخارجية أيمن الصفدي يستقبل نظيره الروسي سيرغي لافروف في مقر الوزارة بعمان\n"
    "استقبل أيمن الصفدي اليوم سيرغي لافروف في عمان.",
])
def test_a_past_tense_or_a_headline_present_is_held(text: str) -> None:
    assert _met(text, "ar", (SAFADI["ar"], LAVROV["ar"])) == [("happened", [SAFADI["ar"], LAVROV["ar"]])]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Antony Blinken held talks with the Israeli side in Jerusalem on Monday. He met Benjamin Netanyahu "
           "for two hours."),
    ("ar", "أجرى أنتوني بلينكن محادثات مع الجانب الإسرائيلي في القدس. والتقى بلينكن بنيامين نتنياهو."),
    ("fa", "آنتونی بلینکن برای دیدار با مقامات اسرائیلی به قدس رفت. بلینکن با بنیامین نتانیاهو دیدار کرد."),
])
def test_a_countrys_side_or_officials_are_the_person_named_for_that_country_in_another_sentence(
        lang: str, text: str) -> None:
    people = {"en": ("Antony Blinken", "Benjamin Netanyahu"), "ar": ("أنتوني بلينكن", "بنيامين نتنياهو"),
              "fa": ("آنتونی بلینکن", "بنیامین نتانیاهو")}[lang]
    found = _met(text, lang, people)
    assert len(found) == 1 and found[0][1][-1] == people[1]


def test_the_office_after_a_deputy_and_the_possessors_proclitic_is_not_met() -> None:
    # "the first deputy of the Qatari prime minister" is not the prime minister
    text = "وصل أيمن الصفدي إلى الدوحة. وكان في استقباله النائب الأول لرئيس الوزراء القطري وزير الطاقة."
    view, mentions, dates, _ = document(text, "ar", "2007-05-06", ("أيمن الصفدي",))
    found, _ = extract_meetings(view, mentions, dates)
    assert not any(p.kind == "title" and p.role == "prime_minister" for m in found for p in m.parties)


def test_a_name_after_the_deputys_office_is_the_deputy_and_is_met() -> None:
    text = "استقبل النائب الثاني لرئيس مجلس الوزراء محمد العلي أيمن الصفدي في الرياض."
    assert _met(text, "ar", ("محمد العلي", "أيمن الصفدي"), when="2023-05-06") == [
        ("happened", ["محمد العلي", "أيمن الصفدي"])]

"""Forms of a meeting report beyond the meeting verbs: a joint press conference of two people, a
comitative phrase fronted before its subject, one plural (or Arabic dual) office of two countries.
Hand-built documents, no model loaded (the entities NER would find are given by hand)."""

from __future__ import annotations

import pytest
from test_stages import FARHAN, LAVROV, SAFADI, _met, document

from extractors.meetings import extract_meetings


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "{a} said at a joint press conference with {b} that trade had grown."),
    ("ar", "وقال {a} في مؤتمر صحفي مشترك مع {b} إن التجارة نمت."),
    ("fa", "{a} در نشست خبری مشترک با {b} گفت تجارت رشد کرده است."),
])
def test_a_joint_press_conference_with_someone_is_a_meeting_with_him(lang: str, text: str) -> None:
    people = (LAVROV[lang], SAFADI[lang])
    assert _met(text.format(a=people[0], b=people[1]), lang, people) == [("happened", list(people))]


def test_a_joint_press_conference_still_ahead_is_planned() -> None:
    people = (LAVROV["fa"], SAFADI["fa"])
    text = f"{people[0]} فردا در نشست خبری مشترک با {people[1]} شرکت خواهد کرد."
    assert _met(text, "fa", people) == [("planned", list(people))]


@pytest.mark.parametrize("text", [
    "Speaking at a joint news conference with {b}, {a} said trade had grown.",
    "Speaking after a summit with {b}, {a} said trade had grown.",
])
def test_a_comma_alone_ends_a_comitative_and_the_person_after_it_is_the_subject(text: str) -> None:
    a, b = LAVROV["en"], SAFADI["en"]
    assert _met(text.format(a=a, b=b), "en", (a, b)) == [("happened", [a, b])]


def test_a_list_closed_by_a_conjunction_is_all_met() -> None:
    a, b, c = LAVROV["en"], SAFADI["en"], "Faisal bin Farhan"
    found = _met(f"{a} held talks with {b}, {c} and Hakan Fidan.", "en", (a, b, c, "Hakan Fidan"))
    assert found == [("happened", [a, b]), ("happened", [a, c]), ("happened", [a, "Hakan Fidan"])]


@pytest.mark.parametrize(("lang", "text"), [
    # English adjectives stand before the noun; the Arabic dual's adjectives after it
    ("en", "The Russian and Ukrainian foreign ministers met in Antalya on Thursday."),
    ("ar", "والتقى وزيرا الخارجية الروسي والأوكراني في أنطاليا يوم الخميس."),
    ("ar", "والتقى وزيرا خارجية روسيا وأوكرانيا في أنطاليا يوم الخميس."),
])
def test_a_plural_or_dual_office_of_two_countries_is_each_countrys_holder(lang: str, text: str) -> None:
    view, mentions, dates, _ = document(text, lang, "2022-03-11")
    found, _ = extract_meetings(view, mentions, dates)
    assert [sorted(p.actor.name for p in m.parties) for m in found] == [["Dmytro Kuleba", "Sergey Lavrov"]]


@pytest.mark.parametrize("text", [
    "{a} روز دوشنبه با {b} درباره روابط دو کشور تبادل نظر کرد.",
    "{a} با {b} در ژنو صحبت کرد.",
    "{a} و {b} در ژنو با یکدیگر به تبادل نظر پرداختند.",
])
def test_a_persian_light_verb_of_talk_with_someone_is_a_meeting(text: str) -> None:
    a, b = LAVROV["fa"], SAFADI["fa"]
    found = _met(text.format(a=a, b=b), "fa", (a, b))
    assert [(status, sorted(people)) for status, people in found] == [("happened", sorted([a, b]))]


@pytest.mark.parametrize("text", [
    # spoke to reporters about someone; «با اشاره به» (with reference to) names no one met
    "{a} در جمع خبرنگاران درباره {b} صحبت کرد.",
    "{a} با اشاره به سخنان {b} درباره تجارت صحبت کرد.",
])
def test_speaking_with_no_one_to_meet_is_no_meeting(text: str) -> None:
    a, b = LAVROV["fa"], SAFADI["fa"]
    assert _met(text.format(a=a, b=b), "fa", (a, b)) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", "والتقى رئيس السلك الدبلوماسي الروسي مع {b} في عمّان."),
    ("fa", "رئیس دستگاه دیپلماسی روسیه با {b} در امان دیدار کرد."),
])
def test_the_head_of_the_diplomatic_corps_is_the_foreign_minister(lang: str, text: str) -> None:
    view, mentions, dates, _ = document(text.format(b=SAFADI[lang]), lang, "2022-03-11", (SAFADI[lang],))
    found, _ = extract_meetings(view, mentions, dates)
    assert [sorted(p.actor.name for p in m.parties if p.actor) for m in found] == [["Ayman Safadi", "Sergey Lavrov"]]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "{a} spoke with {b} on Tuesday about the border."),
    ("en", "On Tuesday {a} spoke to Jordanian Foreign Minister {b} about the border."),
    ("en", "{a} exchanged views with {b} on the border."),
    ("ar", "وتحدث {a} مع {b} يوم الثلاثاء حول الحدود."),
])
def test_speaking_with_someone_named_right_after_is_talks(lang: str, text: str) -> None:
    a, b = LAVROV[lang], SAFADI[lang]
    assert _met(text.format(a=a, b=b), lang, (a, b)) == [("happened", [a, b])]


@pytest.mark.parametrize("text", [
    "{a} spoke to reporters about {b} on Tuesday.",
    "{a} spoke at the university where {b} once taught.",
])
def test_speaking_to_no_one_named_is_no_meeting(text: str) -> None:
    a, b = LAVROV["en"], SAFADI["en"]
    assert _met(text.format(a=a, b=b), "en", (a, b)) == []


def test_the_person_after_a_bare_arabic_verb_of_speaking_is_its_subject() -> None:
    a, b = LAVROV["ar"], SAFADI["ar"]
    assert _met(f"وتحدث {a} إلى الصحفيين عن {b} يوم الثلاثاء.", "ar", (a, b)) == []


def test_sat_down_with_someone_past_an_adverbial_is_a_meeting() -> None:
    a, b = LAVROV["en"], SAFADI["en"]
    assert _met(f"{a} sat down in Geneva this morning with {b}.", "en", (a, b)) == [("happened", [a, b])]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "{a} ruled out the possibility of a summit with {b}."),
    ("ar", "وسئل {a} عن إمكانية عقد قمة مع {b} فقال إن شيئا لم يتقرر."),
    ("fa", "{a} درباره امکان دیدار با {b} گفت هنوز تصمیمی گرفته نشده است."),
])
def test_a_meeting_only_possible_is_not_held(lang: str, text: str) -> None:
    a, b = LAVROV[lang], SAFADI[lang]
    assert all(status == "planned" for status, _ in _met(text.format(a=a, b=b), lang, (a, b)))
    assert _met(text.format(a=a, b=b), lang, (a, b))


def test_a_head_of_state_who_accredited_ambassadors_met_each() -> None:
    host, a, b = "Vladimir Putin", "Julio Arbenz", "Tomas Varga"
    found = _met(f"On Monday {host} accredited the new ambassadors of Chile, {a}, and Peru, {b}.", "en", (host, a, b))
    assert found == [("happened", [host, a]), ("happened", [host, b])]


@pytest.mark.parametrize("verb", ["بر اهمیت روابط تاکید کرد", "خواستار گسترش تجارت شد"])
def test_a_meeting_phrase_right_after_the_speaker_is_the_circumstance_of_his_words(verb: str) -> None:
    a, b = LAVROV["fa"], SAFADI["fa"]
    assert _met(f"{a} در دیدار با {b} {verb}.", "fa", (a, b)) == [("happened", [a, b])]


def test_a_meeting_reported_by_a_spokesman_is_still_the_reported_ones() -> None:
    a, b, c = LAVROV["fa"], SAFADI["fa"], FARHAN["fa"]
    found = _met(f"{c} گفت {a} در دیدار با {b} بر اهمیت روابط تاکید کرد.", "fa", (a, b, c))
    assert [sorted(people) for _, people in found] == [sorted([a, b])]


@pytest.mark.parametrize("noun", ["محادثاته", "مباحثاته", "مشاوراته"])
def test_an_arabic_meeting_noun_with_a_possessive_suffix_is_a_trigger(noun: str) -> None:
    a, b = LAVROV["ar"], SAFADI["ar"]
    assert _met(f"وقال {a} عقب {noun} مع {b} إن التجارة نمت.", "ar", (a, b)) == [("happened", [a, b])]


@pytest.mark.parametrize("verb", ["took the opportunity to meet", "managed to meet", "went on to meet"])
def test_an_implicative_verb_before_to_meet_reports_a_held_meeting(verb: str) -> None:
    a, b = LAVROV["en"], SAFADI["en"]
    assert _met(f"Afterwards, {a} {verb} {b} in Geneva.", "en", (a, b)) == [("happened", [a, b])]


def test_a_purpose_infinitive_after_a_trip_stays_a_plan() -> None:
    a, b = LAVROV["en"], SAFADI["en"]
    assert _met(f"{a} travelled to Amman to meet {b}.", "en", (a, b)) == [("planned", [a, b])]


@pytest.mark.parametrize("second", [
    "Describing the meeting as constructive, {s} stated that {a} stressed the need for dialogue.",
    "{s}, who attended the meeting, said that {a} stressed the need for dialogue.",
])
def test_a_spokesperson_named_again_by_surname_is_still_the_reporter(second: str) -> None:
    # the second sentence names the spokesperson without his title: he reports on the meeting, he
    # is not the minister's counterpart in it
    full, surname, a = "Andreas Kostou", "Kostou", LAVROV["en"]
    text = f"Government Spokesperson {full} said the talks went well.\n" + second.format(s=surname, a=a)
    assert _met(text, "en", (full, surname, a)) == []
    # «سخنگوی رئیس‌جمهور A», the spokesperson of president A: A is no reporter, and still meets people
    a, b, c = "اشرف غنی", "زلمی خلیلزاد", "صدیق صدیقی"
    text = f"{a} با {b} دیدار کرد.\n{c}، سخنگوی رئیسجمهور غنی، گفت این گفتگو مفید بود."
    assert _met(text, "fa", (a, b, c)) == [("happened", [a, b])]



@pytest.mark.parametrize(("text", "status"), [
    # the indefinite suffix -ی on the meeting noun, its light verb after the counterpart or after
    # adjectives of the noun
    ("{a} روز دوشنبه ملاقاتی با {b} در ژنو داشت.", "happened"),
    ("{a} روز دوشنبه در ژنو با {b} دیداری رسمی برگزار کرد.", "happened"),
    ("{a} قرار است روز دوشنبه دیداری با {b} در ژنو داشته باشد.", "planned"),
])
def test_a_persian_indefinite_meeting_noun_with_its_light_verb_is_a_meeting(text: str, status: str) -> None:
    a, b = LAVROV["fa"], SAFADI["fa"]
    found = _met(text.format(a=a, b=b), "fa", (a, b))
    assert [(s, sorted(people)) for s, people in found] == [(status, sorted([a, b]))]

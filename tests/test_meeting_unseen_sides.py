"""Sides and parties on forms of unseen news: an envoy whose country a tenure word separates from
his title is his country's side. Hand-built documents, no model loaded."""

from __future__ import annotations

import pytest
from test_stages import _met, document


@pytest.mark.parametrize("text", [
    "Masoud Pezeshkian discussed trade at a meeting with Iran’s newly appointed ambassador to China, Kamran Rostami.",
    "Masoud Pezeshkian received Iran's outgoing envoy to Brazil, Kamran Rostami, in Tehran.",
])
def test_an_envoy_whose_country_a_tenure_word_parts_from_his_title_is_his_countrys_side(text: str) -> None:
    assert _met(text, "en", ("Masoud Pezeshkian", "Kamran Rostami")) == []


def test_an_envoy_of_another_country_with_a_tenure_word_is_that_countrys_and_still_a_counterpart() -> None:
    people = ("Masoud Pezeshkian", "Kamran Rostami")
    text = "Masoud Pezeshkian received Chile's newly appointed ambassador to Iran, Kamran Rostami, in Tehran."
    _, mentions, _, _ = document(text, "en", "2024-05-06", people)
    assert next(m for m in mentions if m.text == "Kamran Rostami").apposed_role == ("ambassador", "CL")
    assert _met(text, "en", people) == [("happened", list(people))]


@pytest.mark.parametrize(("text", "people", "met"), [
    # the office after the verb is its subject, whatever the dictionary lists: the people after it
    # are the ones it met, never each other's counterparts (here no one before it to carry)
    ("والتقى الوكيل الأول السفراء المعينين لدى اليابان كريم ناصر، ولدى الهند سامي حداد.",
     ("كريم ناصر", "سامي حداد"), []),
    # the subject carried from the sentence before meets each of them
    ("وصل سيرغي لافروف إلى الرياض. والتقى الوكيل الأول السفراء المعينين لدى اليابان كريم ناصر، ولدى الهند "
     "سامي حداد.", ("سيرغي لافروف", "كريم ناصر", "سامي حداد"),
     [("happened", ["سيرغي لافروف", "كريم ناصر"]), ("happened", ["سيرغي لافروف", "سامي حداد"])]),
    # a definite adverb of time between the verb and its subject is passed over
    ("والتقى اليوم الوكيل الأول في الرياض كريم ناصر وسامي حداد.", ("كريم ناصر", "سامي حداد"), []),
])
def test_the_definite_noun_after_an_arabic_meeting_verb_is_its_subject(text: str, people: tuple[str, ...],
                                                                       met: list) -> None:
    assert _met(text, "ar", people) == met


@pytest.mark.parametrize(("lang", "text", "people", "met"), [
    # the people whose acts or words are the topic were not met, however long the list: a list whose
    # last item is no person still ends in its conjunction
    ("en", "We ended a useful summit where we discussed risks tied to the actions of Presidents Joe Biden, "
           "Xi Jinping, Narendra Modi, and the trade talks.", ("Joe Biden", "Xi Jinping", "Narendra Modi"), []),
    ("fa", "امامعلی رحمان در حالی که بحث در مورد اظهارات کریم ناصر ادامه دارد، با سامی حداد دیدار خواهد کرد.",
     ("امامعلی رحمان", "کریم ناصر", "سامی حداد"), [("planned", ["امامعلی رحمان", "سامی حداد"])]),
    ("ar", "التقى أيمن الصفدي سيرغي لافروف وفيصل بن فرحان لبحث تصريحات نفتالي بينيت.",
     ("أيمن الصفدي", "سيرغي لافروف", "فيصل بن فرحان", "نفتالي بينيت"),
     [("happened", ["أيمن الصفدي", "سيرغي لافروف"]), ("happened", ["أيمن الصفدي", "فيصل بن فرحان"])]),
])
def test_a_person_whose_acts_or_words_are_the_topic_is_not_met(lang: str, text: str, people: tuple[str, ...],
                                                               met: list) -> None:
    assert _met(text, lang, people) == met


def test_a_visits_host_is_the_one_person_of_that_country_the_article_names_beside_the_visitor() -> None:
    text = ("Sergey Lavrov held a press conference on Monday with Turkish President Recep Tayyip Erdogan. The two "
            "men spoke for an hour in Ankara on the first day of Lavrov's visit to Turkey.")
    assert _met(text, "en", ("Sergey Lavrov", "Recep Tayyip Erdogan", "Lavrov")) == \
        [("happened", ["Lavrov", "Recep Tayyip Erdogan"])]



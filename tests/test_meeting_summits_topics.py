"""A summit told by its host and the people attending it, and a meeting that is only the topic of
talks. Hand-built documents, no model loaded."""

from __future__ import annotations

import pytest
from test_stages import _met

HOST = {"en": "Ayman Safadi", "ar": "أيمن الصفدي", "fa": "ایمن الصفدی"}
GUESTS = {"en": ("Sergey Lavrov", "Faisal bin Farhan"), "ar": ("سيرغي لافروف", "فيصل بن فرحان"),
          "fa": ("سرگئی لاوروف", "فیصل بن فرحان")}


def _people(lang: str) -> tuple[str, str, str]:
    return (HOST[lang], *GUESTS[lang])


@pytest.mark.parametrize(("lang", "text", "met"), [
    ("en", "The regional summit, hosted by Ayman Safadi and attended by Sergey Lavrov and Faisal bin Farhan, "
           "was held in Amman on Monday.", [("happened", list(_people("en")))]),
    ("ar", "عقدت القمة الإقليمية في عمان يوم الاثنين برئاسة أيمن الصفدي وبمشاركة سيرغي لافروف وفيصل بن فرحان.",
     [("happened", list(_people("ar")))]),
    ("fa", "اجلاس منطقه‌ای روز دوشنبه به میزبانی ایمن الصفدی با مشارکت سرگئی لاوروف و فیصل بن فرحان در امان "
           "برگزار شد.", [("happened", list(_people("fa")))]),
    # not a summit: the people present beside a meeting's two parties stay attendees
    ("en", "Ayman Safadi met Sergey Lavrov in Amman on Monday, in the presence of Faisal bin Farhan.",
     [("happened", ["Ayman Safadi", "Sergey Lavrov"])]),
])
def test_a_summit_named_by_its_host_and_attendees_is_one_meeting_of_them_all(lang: str, text: str,
                                                                             met: list) -> None:
    assert _met(text, lang, _people(lang)) == met


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The regional summit, to be hosted by Ayman Safadi and attended by Sergey Lavrov and Faisal bin "
           "Farhan, will open in Amman next week."),
    ("fa", "اجلاس منطقه‌ای هفته آینده به میزبانی ایمن الصفدی با مشارکت سرگئی لاوروف و فیصل بن فرحان در امان "
           "برگزار خواهد شد."),
])
def test_a_summit_its_sentence_puts_ahead_is_planned_however_far_the_marker(lang: str, text: str) -> None:
    assert _met(text, lang, _people(lang)) == [("planned", list(_people(lang)))]


@pytest.mark.parametrize(("lang", "text", "met"), [
    # the marker dates the summit talked about, not the talks
    ("en", "Ayman Safadi and Sergey Lavrov held talks about the upcoming summit.",
     [("happened", ["Ayman Safadi", "Sergey Lavrov"])]),
    ("ar", "أيمن الصفدي وسيرغي لافروف تباحثا بشأن اجتماع القمة القادم.",
     [("happened", ["أيمن الصفدي", "سيرغي لافروف"])]),
    ("fa", "ایمن الصفدی و سرگئی لاوروف روز دوشنبه درباره نشست آینده سران گفتگو کردند.",
     [("happened", ["ایمن الصفدی", "سرگئی لاوروف"])]),
    # the talks' own tense still decides
    ("en", "Ayman Safadi will hold talks with Sergey Lavrov about the upcoming summit.",
     [("planned", ["Ayman Safadi", "Sergey Lavrov"])]),
    ("fa", "ایمن الصفدی و سرگئی لاوروف فردا درباره روابط دو کشور گفتگو می‌کنند.",
     [("planned", ["ایمن الصفدی", "سرگئی لاوروف"])]),
])
def test_a_meeting_that_is_the_topic_of_talks_does_not_date_them(lang: str, text: str, met: list) -> None:
    assert _met(text, lang, ("Ayman Safadi", "Sergey Lavrov", "أيمن الصفدي", "سيرغي لافروف",
                             "ایمن الصفدی", "سرگئی لاوروف")) == met


@pytest.mark.parametrize(("lang", "text", "people", "met"), [
    # a meeting a word of sequence governs is the time of the sentence's own meeting
    ("fa", "ایمن الصفدی روز دوشنبه با سرگئی لاوروف دیدار کرد. پیش از این دیدار هم فیصل بن فرحان با سرگئی "
           "لاوروف تبادل نظر کرد.", ("ایمن الصفدی", "سرگئی لاوروف", "فیصل بن فرحان"),
     [("happened", ["ایمن الصفدی", "سرگئی لاوروف"]), ("happened", ["فیصل بن فرحان", "سرگئی لاوروف"])]),
    ("en", "Ayman Safadi met Sergey Lavrov on Monday. After the meeting, Sergey Lavrov held talks with Faisal "
           "bin Farhan.", _people("en"),
     [("happened", ["Ayman Safadi", "Sergey Lavrov"]), ("happened", ["Sergey Lavrov", "Faisal bin Farhan"])]),
    # with no meeting word of its own the sentence still tells of the meeting before
    ("en", "Ayman Safadi met Sergey Lavrov on Monday. After the meeting, Sergey Lavrov told reporters that the "
           "talks went well.", _people("en"), [("happened", ["Ayman Safadi", "Sergey Lavrov"])]),
    # a visit named after it is often still ahead: no meeting of its own
    ("en", "Ayman Safadi met Sergey Lavrov on Monday. After the meeting, Ayman Safadi said he looked forward to "
           "the visit of Sergey Lavrov to Amman.", _people("en"), [("happened", ["Ayman Safadi", "Sergey Lavrov"])]),
])
def test_a_meeting_named_as_the_time_of_another_is_no_restatement(lang: str, text: str, people: tuple[str, ...],
                                                                   met: list) -> None:
    assert _met(text, lang, people) == met



@pytest.mark.parametrize(("lang", "text", "people", "met"), [
    # a quotation that tells a meeting in the first person singular is its speaker's own
    ("en", 'Ayman Safadi wrote: "In my phone call with Sergey Lavrov I stressed that tensions must ease."',
     ("Ayman Safadi", "Sergey Lavrov"), [("happened", ["Ayman Safadi", "Sergey Lavrov"])]),
    ("ar", 'وقال أيمن الصفدي: "التقيت اليوم سيرغي لافروف وبحثنا العلاقات الثنائية".',
     ("أيمن الصفدي", "سيرغي لافروف"), [("happened", ["أيمن الصفدي", "سيرغي لافروف"])]),
    # in a language that drops no subject, a quoted meeting word with none before it is the writer's
    ("en", '"Productive first meeting with Sergey Lavrov," Ayman Safadi wrote.', ("Ayman Safadi", "Sergey Lavrov"),
     [("happened", ["Ayman Safadi", "Sergey Lavrov"])]),
    ("en", '"At the palace, held talks with Sergey Lavrov on security," Ayman Safadi said.',
     ("Ayman Safadi", "Sergey Lavrov"), [("happened", ["Ayman Safadi", "Sergey Lavrov"])]),
    # "we" is a side's, told by one who need not have been there
    ("en", '"We held talks with Sergey Lavrov," Ayman Safadi said.', ("Ayman Safadi", "Sergey Lavrov"), []),
    # a quotation that names both parties leaves its speaker out
    ("en", 'Ayman Safadi said: "Sergey Lavrov met Faisal bin Farhan today, I am told."', _people("en"),
     [("happened", ["Sergey Lavrov", "Faisal bin Farhan"])]),
])
def test_a_meeting_quoted_in_the_first_person_is_the_speakers_own(lang: str, text: str, people: tuple[str, ...],
                                                                  met: list) -> None:
    assert _met(text, lang, people) == met


@pytest.mark.parametrize(("text", "met"), [
    # the dual: both parties are the verb's subject, and each meets its object
    ("وكان أيمن الصفدي وفيصل بن فرحان قد استقبلا سيرغي لافروف في مطار الرياض.",
     [("happened", ["أيمن الصفدي", "سيرغي لافروف"]), ("happened", ["فيصل بن فرحان", "سيرغي لافروف"])]),
    # the plural and the dual of talks
    ("والتقوا أيمن الصفدي وسيرغي لافروف وفيصل بن فرحان في عمان.", None),
    ("أيمن الصفدي وسيرغي لافروف ناقشا العلاقات الثنائية في عمان.",
     [("happened", ["أيمن الصفدي", "سيرغي لافروف"])]),
    # the future prefix on the imperfect of the dual
    ("أيمن الصفدي وسيرغي لافروف سيبحثان العلاقات الثنائية في عمان.",
     [("planned", ["أيمن الصفدي", "سيرغي لافروف"])]),
])
def test_arabic_dual_and_plural_forms_of_meeting_verbs_are_triggers(text: str, met: list | None) -> None:
    found = _met(text, "ar", ("أيمن الصفدي", "سيرغي لافروف", "فيصل بن فرحان"))
    if met is None:
        assert found
    else:
        assert found == met

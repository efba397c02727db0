"""A sentence that tells more than one meeting, in different clauses, is read clause by clause: at a
word of ``clause_splitters`` (a subordinating conjunction, a preposition that opens a clause, a
coordinator after a comma) whose clause has a subject of its own, each clause has its own people,
plan markers and status, and its meeting cites the splitter's rule. A sentence that tells one
meeting (a phrase of the same subject's after "after", a relative clause, a dropped subject) stays
one. Hand-built documents, no model loaded."""

from __future__ import annotations

import pytest
from test_stages import LAVROV, SAFADI, _met, document

from extractors.claims import extract_claims
from extractors.meetings import extract_meetings

BOURITA = {"en": "Nasser Bourita", "ar": "ناصر بوريطة", "fa": "ناصر بوریطه"}
FIDAN = {"en": "Hakan Fidan", "ar": "هاكان فيدان", "fa": "هاکان فیدان"}
WONG = {"en": "Penny Wong"}
KELLOGG = {"en": "Keith Kellogg"}


def _four(lang: str) -> tuple[str, str, str, str]:
    return LAVROV[lang], SAFADI[lang], BOURITA[lang], FIDAN[lang]


# -- fail on the code before the splitters -----------------------------------------------------------
def test_three_clauses_three_meetings_each_with_its_own_status() -> None:
    a, b, c, d = _four("en")
    e, f = WONG["en"], KELLOGG["en"]
    text = (f"{a} and {b} met in Amman on Tuesday amid doubts over whether {c} and {d} will hold a "
            f"summit, and after {e} and {f} met earlier the same day.")
    assert _met(text, "en", (a, b, c, d, e, f)) == [
        ("happened", [a, b]), ("planned", [c, d]), ("happened", [e, f])]


@pytest.mark.parametrize(("lang", "text", "status"), [
    ("en", "{a} received {b} on Monday, as {c} met {d} in Rabat.", "happened"),
    ("fa", "{a} روز دوشنبه در تهران با {b} دیدار کرد، در حالی که {c} و {d} هفته آینده در رباط دیدار خواهند کرد.",
     "planned"),
    ("ar", "التقى {a} {b} يوم الاثنين، بينما كان {c} و{d} قد اجتمعا في الرباط يوم الأحد.", "happened"),
    ("ar", "استقبل {a} {b} في موسكو، في حين أن {c} و{d} سيلتقيان في الرباط الأسبوع المقبل.", "planned"),
])
def test_a_subordinate_clause_with_a_subject_of_its_own_states_its_own_meeting(
        lang: str, text: str, status: str) -> None:
    a, b, c, d = _four(lang)
    assert _met(text.format(a=a, b=b, c=c, d=d), lang, (a, b, c, d)) == [
        ("happened", [a, b]), (status, [c, d])]


def test_the_meeting_of_a_split_clause_cites_its_splitter_and_takes_the_same_day() -> None:
    a, b, c, d = _four("en")
    text = f"{a} and {b} met in Amman on Saturday, after {c} and {d} met earlier the same day."
    view, mentions, dates, _ = document(text, "en", "2024-05-06", (a, b, c, d))
    found, _ = extract_meetings(view, mentions, dates, extract_claims(view, mentions))
    assert [(m.clause_rule, [p.text for p in m.parties]) for m in found] == [
        (None, [a, b]), ("en.clause.preposition", [c, d])]
    assert found[1].date is not None and found[1].date.value == found[0].date.value


def test_a_plan_marker_inside_a_relative_clause_on_the_subject_is_that_clause_s() -> None:
    a, b = LAVROV["en"], SAFADI["en"]
    text = f"{a} and {b}, who did not speak to reporters, met in Amman on Monday."
    assert _met(text, "en", (a, b)) == [("happened", [a, b])]


# -- guards: one meeting per sentence stays one ----------------------------------------------------
@pytest.mark.parametrize(("lang", "text"), [
    # "after" governs a noun phrase: the people met are the subject's
    ("en", "{a} met {b} in Amman on Monday after talks with {c} and {d}."),
    # a list phrase, not a clause
    ("en", "{a} held talks with {b} as well as meetings with {c} and {d}."),
    # a dropped subject: the people after «با» are met by the main clause's subject
    ("fa", "{a} با {b} دیدار کرد، پس از آنکه با {c} و {d} گفتگو کرده بود."),
])
def test_a_clause_without_a_subject_of_its_own_stays_in_its_sentence_s_meeting(lang: str, text: str) -> None:
    a, b, c, d = _four(lang)
    assert _met(text.format(a=a, b=b, c=c, d=d), lang, (a, b, c, d)) == [
        ("happened", [a, b]), ("happened", [a, c]), ("happened", [a, d])]


def test_a_headline_run_into_its_lead_is_one_meeting() -> None:
    a, b = LAVROV["en"], SAFADI["en"]
    text = f"{a} Meets {b} amid Rising Tensions Minister {a} met with {b} in Moscow on Monday."
    assert _met(text, "en", (a, b)) == [("happened", [a, b])]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "{a} met {b} in Amman, where they discussed the crisis."),
    ("en", "{a} received {b}, who is visiting Moscow, while the talks went on."),
    ("fa", "{a} با {b} دیدار کرد و درباره روابط دو کشور گفتگو کرد."),
])
def test_a_single_meeting_sentence_does_not_change(lang: str, text: str) -> None:
    a, b = LAVROV[lang], SAFADI[lang]
    assert _met(text.format(a=a, b=b), lang, (a, b)) == [("happened", [a, b])]

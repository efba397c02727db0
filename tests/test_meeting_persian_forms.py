"""Persian meeting reports whose status the clause structure sets: a trigger that ends in its own
finite light verb («دیدار کرد») is its clause's predicate, and a meeting word of a clause
coordinated after it (a visit the host invited to, details of "this meeting" not yet published)
does not make the held meeting planned. Hand-built documents (the people NER would tag are given
by hand); every sentence is made up."""

from __future__ import annotations

import pytest
from test_stages import LAVROV, SAFADI, _met, document

from extractors.meetings import extract_meetings

A, B, C = LAVROV["fa"], SAFADI["fa"], "هاکان فیدان"


@pytest.mark.parametrize("text", [
    # an invitation to a trip, in a clause coordinated with «و» after the finite verb
    "{a} روز یکشنبه با {b} در عمان دیدار کرد و از او برای سفر به مسکو دعوت کرد.",
    # "this meeting" of a later clause, with a negated verb closing the sentence
    "{a} با {b} در عمان گفتگو کرد اما جزئیات این دیدار هنوز منتشر نشده است.",
    # a plan told after the meeting, in another clause
    "{a} با {b} ملاقات کرد و دو طرف توافق کردند که نشست بعدی در مسکو برگزار خواهد شد.",
])
def test_a_later_clauses_meeting_word_does_not_make_a_held_meeting_planned(text: str) -> None:
    found = _met(text.format(a=A, b=B), "fa", (A, B))
    assert found and found[0] == ("happened", [A, B])


def test_the_rule_that_kept_it_held_is_cited() -> None:
    text = f"{A} با {B} در عمان دیدار کرد و از او برای سفر به مسکو دعوت کرد."
    view, mentions, dates, _ = document(text, "fa", "2024-05-06", (A, B))
    found, _ = extract_meetings(view, mentions, dates)
    assert [m.status_rule for m in found] == ["fa.status.closed_predicate"]


@pytest.mark.parametrize(("text", "status"), [
    # the light verb not finite: the verb of the clause is still ahead
    ("{a} در این سفر با {b} دیدار خواهد کرد.", "planned"),
    ("{a} که به عمان سفر کرده است با {b} دیدار خواهد کرد.", "planned"),
    # a negated light verb is no finite predicate of a held meeting
    ("{a} با {b} دیدار نکرد.", "planned"),
    # a clause «که» opens before the trigger is no main predicate: the later verb is still the sentence's
    ("گفته شد که {a} با {b} دیدار کرد و با {c} نیز دیدار خواهد کرد.", "planned"),
])
def test_a_trigger_without_its_own_finite_verb_keeps_the_clauses_status(text: str, status: str) -> None:
    found = _met(text.format(a=A, b=B, c=C), "fa", (A, B, C))
    assert found and found[0][0] == status


def test_the_record_of_a_held_meeting_cites_the_rule() -> None:
    text = f"{A} با {B} در عمان دیدار کرد اما جزئیات این دیدار هنوز منتشر نشده است."
    view, mentions, dates, _ = document(text, "fa", "2024-05-06", (A, B))
    found, _ = extract_meetings(view, mentions, dates)
    assert [(m.status, m.status_rule) for m in found] == [("happened", "fa.status.closed_predicate")]

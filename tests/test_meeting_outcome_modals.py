"""A modal whose subject is the meeting noun and whose verb tells what the meeting brings dates that
effect, not the meeting. Hand-built documents, no model loaded."""

from __future__ import annotations

import pytest
from test_stages import _met

PEOPLE = ("Ayman Safadi", "Sergey Lavrov")


@pytest.mark.parametrize("text", [
    "Ayman Safadi said he was sure that Sergey Lavrov's visit will deepen the ties between the two countries.",
    "Ayman Safadi said he believed that Sergey Lavrov's visit to Amman would help the ties.",
])
def test_a_visit_whose_modal_tells_its_outcome_is_not_planned(text: str) -> None:
    assert _met(text, "en", PEOPLE) == [("happened", list(PEOPLE))]


@pytest.mark.parametrize("text", [
    # a verb of the event itself: the modal dates the visit
    "Ayman Safadi said he was sure that Sergey Lavrov's visit will take place in Amman.",
    # the modal before the meeting word is the subject's own future act
    "Ayman Safadi will strengthen the ties during Sergey Lavrov's visit.",
])
def test_a_modal_of_the_meeting_itself_still_dates_it(text: str) -> None:
    assert _met(text, "en", PEOPLE) == [("planned", list(PEOPLE))]


def test_a_verb_that_takes_a_plan_dates_only_a_meeting_in_its_complement() -> None:
    # "agreed to" governs the infinitive after it: the meeting named before it, in the fronted
    # phrase, is where they agreed, not what they agreed to do
    text = "At their talks, Ayman Safadi and Sergey Lavrov agreed to send experts."
    assert _met(text, "en", PEOPLE) == [("happened", list(PEOPLE))]
    # guard: the meeting is what they agreed to hold
    text = "Ayman Safadi and Sergey Lavrov agreed to hold talks in Amman next spring."
    assert _met(text, "en", PEOPLE) == [("planned", list(PEOPLE))]

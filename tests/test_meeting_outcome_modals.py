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

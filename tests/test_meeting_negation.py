"""A negated meeting verb is no held meeting: the Persian light verb takes the negative prefix
«ن» («دیدار نکرد», «ملاقاتی نداشت») and English negates with an auxiliary ("has not met"). Such a
meeting is reported as not held (status planned, as for a cancelled one), while a held meeting
whose sentence goes on to a negated or future verb of another clause stays held. Hand-built
documents, no model loaded."""

from __future__ import annotations

import pytest
from test_stages import LAVROV, SAFADI, _met


@pytest.mark.parametrize(("text", "status"), [
    ("{a} روز دوشنبه در ژنو با {b} دیدار نکرد.", "planned"),
    ("{a} در این سفر با {b} ملاقاتی نداشت.", "planned"),
    ("{a} تاکنون با {b} دیدار و گفت‌وگو نکرده است.", "planned"),
    # the meeting's own light verb closes its clause before a negated or future verb of the next one
    ("{a} با {b} دیدار کرد و از طرح تازه حمایت نکرد.", "happened"),
    ("{a} با {b} دیدار کرد و از طرح تازه حمایت خواهد کرد.", "happened"),
])
def test_a_persian_meeting_verb_with_the_negative_prefix_is_not_held(text: str, status: str) -> None:
    a, b = LAVROV["fa"], SAFADI["fa"]
    assert _met(text.format(a=a, b=b), "fa", (a, b)) == [(status, [a, b])]


@pytest.mark.parametrize("text", [
    "{a} has not met {b} since the war began.",
    "{a} has never met {b} in person.",
    "{a} and {b} have yet to meet.",
])
def test_an_english_meeting_verb_after_a_negated_auxiliary_is_not_held(text: str) -> None:
    a, b = LAVROV["en"], SAFADI["en"]
    assert _met(text.format(a=a, b=b), "en", (a, b)) == [("planned", [a, b])]

"""A meeting verb whose object is a phone call, and the prepositions of means ("via", «عبر», «از طریق»)
before the phone: the talk went by phone, so the record is a phone call and has no place. Hand-built
documents, no model loaded."""

from __future__ import annotations

import pytest
from test_stages import _placed


def _kinds(text: str, lang: str, people: tuple[str, ...]) -> list[tuple[str, str | None]]:
    return [(m.kind, m.location.place.name if m.location is not None and m.location.place is not None else None)
            for m in _placed(text, lang, "2024-04-14", people)]


@pytest.mark.parametrize(("lang", "text", "people"), [
    # the verb of reception takes the call as its object: no one was received in person
    ("en", "Ayman Safadi, the Jordanian minister, received a phone call from Sergey Lavrov last night.",
     ("Ayman Safadi", "Sergey Lavrov")),
    ("en", "Yesterday Ayman Safadi received a telephone call from Sergey Lavrov.",
     ("Ayman Safadi", "Sergey Lavrov")),
    # a preposition of means before the phone
    ("en", "Faisal bin Farhan spoke with Sergey Lavrov via phone call on Sunday.",
     ("Faisal bin Farhan", "Sergey Lavrov")),
    ("ar", "وتحدث فيصل بن فرحان مع سيرغي لافروف عبر الهاتف يوم الأحد.", ("فيصل بن فرحان", "سيرغي لافروف")),
    ("fa", "فیصل بن فرحان روز یکشنبه از طریق تلفن با سرگئی لاوروف گفتگو کرد.", ("فیصل بن فرحان", "سرگئی لاوروف")),
])
def test_a_talk_that_went_by_phone_is_a_phone_call_with_no_place(lang: str, text: str, people: tuple[str, ...]) -> None:
    assert _kinds(text, lang, people) == [("phone_call", None)]


def test_a_reception_in_person_stays_a_meeting() -> None:
    # guard: the phone call is another event of the sentence, not the object of the reception
    text = "Foreign Minister Faisal bin Farhan received Sergey Lavrov in Riyadh, days after their phone call."
    kinds = _kinds(text, "en", ("Faisal bin Farhan", "Sergey Lavrov"))
    assert kinds[0] == ("meeting", "Riyadh")

"""English meeting phrases whose comitative an adverbial parts from the verb or noun it completes
("conferred in the palace garden with A", "a joint news briefing on Friday with A"): the phrase is
the same meeting phrase as the unbroken one, and the meeting cites the split rule. Words that open
another complement or clause between them ("spoke to reporters and with A", "spoke about the talks
with A") make no such phrase. Hand-built documents, no model loaded (the entities NER would find are
given by hand)."""

from __future__ import annotations

import pytest
from test_stages import LAVROV, SAFADI, _met, document

from extractors.claims import extract_claims
from extractors.meetings import extract_meetings

A, B = LAVROV["en"], SAFADI["en"]

SPLIT_RULE = "en.meet.split_comitative"


def _rules(text: str) -> list[tuple[str, list[str], str]]:
    view, mentions, dates, _ = document(text, "en", "2024-05-06", (A, B))
    found, _ = extract_meetings(view, mentions, dates, extract_claims(view, mentions))
    return [(m.status, [p.text for p in m.parties], m.rule) for m in found]


@pytest.mark.parametrize("text", [
    "Foreign Minister {a} conferred in the palace garden with Jordanian Foreign Minister {b}.",
    "Foreign Minister {a} conferred briefly with {b} before the vote.",
    "Foreign Minister {a} spoke on Sunday with his Jordanian counterpart {b}.",
    "Addressing a joint press conference on Friday with {b}, {a} said trade had grown.",
])
def test_an_adverbial_between_the_head_and_its_comitative_keeps_the_meeting(text: str) -> None:
    found = _rules(text.format(a=A, b=B))
    assert [(s, sorted(p)) for s, p, _ in found] == [("happened", sorted([A, B]))]
    assert found[0][2] == SPLIT_RULE


@pytest.mark.parametrize("text", [
    # another complement before the comitative: the words are no adverbial
    "Foreign Minister {a} spoke to reporters and with aides of {b} on Sunday.",
    # the comitative is too far from the head to complete it
    "Foreign Minister {a} conferred for the second time in as many weeks in the capital with {b}.",
    # a clause mark parts them
    "Foreign Minister {a} conferred at length, as he does every year, with {b}.",
])
def test_no_split_phrase_where_the_words_between_are_no_adverbial(text: str) -> None:
    assert not any(rule == SPLIT_RULE for _, _, rule in _rules(text.format(a=A, b=B)))


def test_a_split_phrase_still_ahead_is_planned() -> None:
    text = f"Foreign Minister {A} will confer tomorrow at the ministry with {B}."
    # "confer with" is no trigger pattern: nothing to split, and nothing reported as held
    assert all(status != "happened" for status, _ in _met(text, "en", (A, B)))
    text = f"Foreign Minister {A} is expected to hold a joint press conference on Sunday with {B}."
    assert [s for s, _ in _met(text, "en", (A, B))] == ["planned"]


def test_an_unbroken_phrase_keeps_its_own_rule() -> None:
    found = _rules(f"Foreign Minister {A} conferred with {B} in Amman.")
    assert [rule for _, _, rule in found] == ["en.meet.met"]


def test_a_topic_phrase_ends_where_another_meeting_phrase_begins() -> None:
    # "about the visit" is the topic of the words; the press conference after it is a meeting of its own
    text = f"Speaking about the visit at a joint press conference in Vienna with {B}, {A} said trade had grown."
    found = _rules(text)
    assert [(s, sorted(p), rule) for s, p, rule in found] == [("happened", sorted([A, B]), SPLIT_RULE)]

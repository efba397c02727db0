"""Claim texts that are only a fragment: the circumstance after a sentence-final reporting verb, and
the rest of an according-to phrase's source before its comma. The sentences and names are made up;
the stages run without a model (the ``stages`` fixture tags the names given with each text)."""

from __future__ import annotations

from test_claim_cues import claims


def said(recs: list[dict]) -> list[tuple]:
    return [(r["speaker"]["name"] or r["speaker"]["text"], r["text"]) for r in recs]


CIRCUMSTANCES = [
    ("Lorenzo Baldi spoke to the mayor on Friday for the first time, the agency reports with reference to "
     "the harbour radio said early on Saturday."),
    "The envoy visited the harbour at a meeting with the mayor, Lorenzo Baldi, the press service said in a statement.",
]


def test_a_complement_that_is_only_a_circumstance_is_no_claim(stages) -> None:
    for text in CIRCUMSTANCES:
        out = said(claims(stages, text, ("Lorenzo Baldi",)))
        tail = text.rsplit(" said ", 1)[-1]
        assert all(t not in tail for _, t in out), (text, out)


def test_a_complement_with_a_clause_after_its_circumstance_is_still_a_claim(stages) -> None:
    text = "Lorenzo Baldi said on Saturday the border crossings would open again next week."
    out = said(claims(stages, text, ("Lorenzo Baldi",)))
    assert out and "the border crossings would open again" in out[0][1]


def test_an_according_to_phrase_runs_to_its_comma(stages) -> None:
    text = ("According to the Ostland delegation, Lorenzo Baldi stressed the need to reopen the border "
            "crossings.")
    out = said(claims(stages, text, ("Lorenzo Baldi", "Ostland")))
    assert all(not t.startswith("delegation") for _, t in out), out

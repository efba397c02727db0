"""A definite description as a speaker ("the envoy said", "the foreign minister said", "the statement
added") refers back to the entity of its kind the article has named: the holder of the office who
spoke last, the body that issued the document; never someone named inside the claim's own words.
The sentences are made up; the stages run without a model (the ``stages`` fixture tags the names
given, and fixes the document's date)."""

from __future__ import annotations

from test_claim_cues import claims


def said(recs: list[dict]) -> list[tuple]:
    return [(r["speaker"]["name"] or r["speaker"]["text"], r["text"]) for r in recs]


def test_the_envoy_is_the_envoy_who_spoke_not_a_new_unnamed_one(stages) -> None:
    # a special envoy of the dictionary on the document's date, and "envoy" also an ambassador's title
    text = ("The UN envoy for the islands held talks in the capital on Sunday. “We had detailed and useful "
            "talks,” Robert Malley told reporters after the meeting. The envoy said he would meet more "
            "officials later in the day.")
    out = said(claims(stages, text, ("Robert Malley",)))
    assert out[-1] == ("Robert Malley", "he would meet more officials later in the day")
    rec = claims(stages, text, ("Robert Malley",))[-1]
    assert rec["speaker"]["via"]["text"] == "envoy"


def test_of_two_holders_the_description_picks_the_one_who_spoke(stages) -> None:
    text = ("Foreign Minister Marco Ferri met Foreign Minister Jonas Lind in the capital on Monday. Ferri said "
            "that the talks had been useful for both islands. The foreign minister said that the new port "
            "would double the trade between the islands.")
    out = said(claims(stages, text, ("Marco Ferri", "Jonas Lind")))
    assert out == [("Marco Ferri", "the talks had been useful for both islands"),
                   ("Marco Ferri", "the new port would double the trade between the islands")]


def test_no_one_named_inside_the_quotation_is_its_speaker(stages) -> None:
    text = ("Foreign Minister Marco Ferri left for the islands on Monday. “I will meet Foreign Minister Jonas "
            "Lind tomorrow to discuss the new port,” the foreign minister said.")
    out = said(claims(stages, text, ("Marco Ferri", "Jonas Lind")))
    assert [who for who, _ in out] == ["Marco Ferri"]


def test_the_statement_is_the_body_that_issued_it_not_one_it_names(stages) -> None:
    text = ("The Foreign Ministry of Norway issued a statement on Monday about the talks. “We value our close "
            "work with Sweden at the European Union and the United Nations,” the statement added.")
    out = said(claims(stages, text, ()))
    assert [who for who, _ in out] == ["Ministry of Foreign Affairs of Norway"]

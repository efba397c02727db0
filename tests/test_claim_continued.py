"""A sentence that is wholly a direct quotation, right after a quotation with a speaker, goes on with
that speaker's words; after an indirect report it does not (whose words it is is unclear). The
sentences and names are made up; the stages run without a model (the ``stages`` fixture tags the
names given with each text)."""

from __future__ import annotations

from test_claim_cues import claims


def said(recs: list[dict]) -> list[tuple]:
    return [(r["speaker"]["name"] or r["speaker"]["text"], r["text"]) for r in recs]


def test_a_standalone_quotation_continues_a_quotation_but_not_an_indirect_report(stages) -> None:
    text = ("“The new port will open next month,” Marco Ferri said on Monday. “It will double the trade "
            "between the islands within two years.” The ceremony was held in the old harbour.")
    recs = claims(stages, text, ("Marco Ferri",))
    assert said(recs) == [("Marco Ferri", "The new port will open next month"),
                          ("Marco Ferri", "It will double the trade between the islands within two years")]
    assert recs[1]["direct"] is True
    assert recs[1]["evidence"]["rule"] == "en.claim.continued"
    # after "X said that Y announced …" the quotation may be either's: no claim
    text = ("Marco Ferri said that Jonas Lind had announced that the new port would open next month. "
            "“It will double the trade between the islands within two years.”")
    out = said(claims(stages, text, ("Marco Ferri", "Jonas Lind")))
    assert out and all(not t.startswith("It will double") for _, t in out)

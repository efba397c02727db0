"""Reports inside reports and clauses that only tell a meeting. A report embedded in another's
complement ("A said that B announced that C") is part of A's claim, and B's own claim is C; a report of
A's own inside his claim ("A said he rejected C") is no second claim of A; a clause whose main verb is one
of holding a meeting ("A held separate meetings with B and C") is the narrator's account, not a claim. The
sentences and names are made up; the stages run without a model (the ``stages`` fixture tags the names)."""

from __future__ import annotations

from test_claim_cues import claims
from test_claim_recall import said

PEOPLE = ("Marco Ferri", "Lena Ortiz")


def test_an_embedded_report_runs_on_in_the_outer_claim_and_keeps_its_own(stages) -> None:
    text = ("Marco Ferri said that Minister Lena Ortiz has announced that the northern bridge will reopen to "
            "trucks in June.")
    out = said(claims(stages, text, PEOPLE))
    assert ("Marco Ferri", "Minister Lena Ortiz has announced that the northern bridge will reopen to trucks "
            "in June", "said") in out
    assert ("Lena Ortiz", "the northern bridge will reopen to trucks in June", "announced") in out
    # a subject the mentions do not name: a short noun phrase opening with a determiner
    text = "Marco Ferri said the visiting engineer praised the northern bridge as a model for the region."
    assert ("Marco Ferri", "the visiting engineer praised the northern bridge as a model for the region",
            "said") in said(claims(stages, text, PEOPLE))
    # a clause coordinated after the complement is no embedded report: the claim ends before it
    text = ("Marco Ferri said that the talks on the northern bridge were useful, and Lena Ortiz noted that the "
            "works will end in June.")
    out = said(claims(stages, text, PEOPLE))
    assert ("Lena Ortiz", "the works will end in June", "noted") in out
    assert not any(s == "Marco Ferri" and "noted" in t for s, t, _ in out)
    text = "Marco Ferri urged the port to cut its fees for Lena Ortiz and reiterated calls for lower taxes."
    assert not any("reiterated" in t for _, t, _ in said(claims(stages, text, PEOPLE)))


def test_an_embedded_report_in_arabic_and_persian_runs_on_in_the_outer_claim(stages) -> None:
    text = "وقال ماركو بيانكي إن الوزيرة لينا أورتيز أعلنت أن الجسر الجديد سيفتح أمام الشاحنات في الصيف."
    assert ("ماركو بيانكي", "الوزيرة لينا أورتيز أعلنت أن الجسر الجديد سيفتح أمام الشاحنات في الصيف", "قال") in said(
        claims(stages, text, ("ماركو بيانكي", "لينا أورتيز")))
    text = "مارکو فری گفت که لینا اورتیز اعلام کرده است که پل جدید در تابستان برای کامیون‌ها باز می‌شود."
    assert ("مارکو فری", "لینا اورتیز اعلام کرده است که پل جدید در تابستان برای کامیون‌ها باز می‌شود", "گفت") in said(
        claims(stages, text, ("مارکو فری", "لینا اورتیز")))


def test_a_report_of_the_speaker_inside_his_own_claim_is_one_claim(stages) -> None:
    text = "Marco Ferri said he rejected the plans for a second runway in their current form."
    assert said(claims(stages, text, PEOPLE)) == [
        ("Marco Ferri", "he rejected the plans for a second runway in their current form", "said")]


def test_a_clause_that_only_tells_a_meeting_held_is_no_claim(stages) -> None:
    text = ("Marco Ferri said Lena Ortiz held separate bilateral meetings with the mayors of the coastal towns "
            "during her tour.")
    assert said(claims(stages, text, PEOPLE)) == []
    text = "Marco Ferri said he had a long and frank meeting with Lena Ortiz in the capital."
    assert said(claims(stages, text, PEOPLE)) == []
    # a topic after the meeting noun says what was discussed: a claim
    text = "Marco Ferri said the two mayors had a long discussion on the tolls for trucks on the bridge."
    assert [t for _, t, _ in said(claims(stages, text, PEOPLE))] == [
        "the two mayors had a long discussion on the tolls for trucks on the bridge"]
    # a clause that holds a position about the meetings is a claim
    text = "Marco Ferri said the meetings held in the capital showed that both towns want the bridge."
    assert said(claims(stages, text, PEOPLE)) == [
        ("Marco Ferri", "the meetings held in the capital showed that both towns want the bridge", "said")]

"""English attribution forms: the object of a demand after "called on X to …", a fronted claim that
opens with an adverbial phrase, a pronoun as the source of "according to", a purpose phrase that is
part of the claim, and an agency's reporting clause after the claim. The sentences and names are made
up; the stages run without a model (the ``stages`` fixture tags the names given with each text)."""

from __future__ import annotations

from test_claim_cues import claims


def said(recs: list[dict]) -> list[tuple]:
    return [(r["speaker"]["name"] or r["speaker"]["text"], r["text"], r["evidence"]["rule"]) for r in recs]


# -- "called on X to …": a demand ------------------------------------------------------------------
def test_called_on_someone_to_do_something_is_a_demand(stages) -> None:
    text = "Marta Ekholm called on the coastal states to open their ports to the stranded fishing fleets."
    assert said(claims(stages, text, ("Marta Ekholm",))) == [
        ("Marta Ekholm", "the coastal states to open their ports to the stranded fishing fleets",
         "en.cue.called_on")]
    text = "Marta Ekholm also called upon the delegates to strengthen the joint mechanisms that prevent conflict."
    assert said(claims(stages, text, ("Marta Ekholm",))) == [
        ("Marta Ekholm", "the delegates to strengthen the joint mechanisms that prevent conflict",
         "en.cue.called_on")]


def test_a_participle_calling_on_has_the_sentence_subject(stages) -> None:
    text = "Marta Ekholm issued a statement on Friday, calling on the northern militias to release the hostages."
    assert said(claims(stages, text, ("Marta Ekholm",))) == [
        ("Marta Ekholm", "the northern militias to release the hostages", "en.cue.calling_on")]


def test_a_courtesy_call_on_someone_is_no_demand(stages) -> None:
    # "called on" with no to-infinitive after its object is a visit, not a speech act
    text = "Later in the day Marta Ekholm called on the Foreign Minister of the host country at his office."
    assert said(claims(stages, text, ("Marta Ekholm",))) == []
    text = "Later in the day Marta Ekholm called on the Foreign Minister of the host country to discuss trade."
    assert said(claims(stages, text, ("Marta Ekholm",))) == []


# -- a fronted claim opening with an adverbial phrase --------------------------------------------
def test_a_fronted_claim_may_open_with_an_adverbial_phrase(stages) -> None:
    text = ("With no early prospect of a treaty between the two capitals, both governments must keep "
            "talking about the shared river, Deputy Minister Tomas Varga said Monday.")
    recs = claims(stages, text, ("Tomas Varga",))
    assert said(recs) == [
        ("Tomas Varga", "both governments must keep talking about the shared river", "en.cue.said")]
    assert recs[0]["evidence"]["claim_rule"] == "en.claim.fronted_adverbial"


def test_a_fronted_adverbial_alone_is_no_claim(stages) -> None:
    text = "In the capital of the northern province, on Monday, Tomas Varga said."
    assert said(claims(stages, text, ("Tomas Varga",))) == []


# -- "according to him" --------------------------------------------------------------------------
def test_according_to_a_pronoun_is_the_person_named_before(stages) -> None:
    text = ("Tomas Varga opened the river forum in the morning. According to him, joint patrols have cut "
            "smuggling on the border by half.")
    recs = claims(stages, text, ("Tomas Varga",))
    assert said(recs) == [
        ("Tomas Varga", "joint patrols have cut smuggling on the border by half", "en.cue.according_to")]
    assert recs[0]["speaker"]["via"]["rule"] == "en.claim.attribution_pronoun"


def test_according_to_her_agrees_with_a_woman(stages) -> None:
    text = ("Tomas Varga met Marta Ekholm in the morning. She spoke to the press later. According to her, "
            "the new ferry line will open in the spring.")
    assert [who for who, _, _ in said(claims(stages, text, ("Tomas Varga", "Marta Ekholm")))] == [
        "Marta Ekholm"]


# -- a purpose phrase is part of the claim ------------------------------------------------------
def test_for_before_a_meeting_noun_is_part_of_the_object(stages) -> None:
    # "for talks" says what the readiness is for; "at the talks" would be the claim's setting
    text = "Tomas Varga stressed the importance of a truce and his willingness for talks at any level."
    recs = claims(stages, text, ("Tomas Varga",))
    assert said(recs) == [("Tomas Varga", "the importance of a truce and his willingness for talks at any level",
                           "en.cue.stressed")]
    assert recs[0]["evidence"]["claim_rule"] == "en.claim.purpose"
    text = "Tomas Varga stressed the importance of a truce at the talks with the rebels."
    assert [body for _, body, _ in said(claims(stages, text, ("Tomas Varga",)))] == ["the importance of a truce"]


def test_a_quotation_before_the_cue_is_not_read_past_its_adverbial(stages) -> None:
    # the quotation is the speaker's words whole; its own "During the talks, …" is no fronted adverbial
    text = ("“During the talks, the state of the northern border was reviewed in detail,” a statement from "
            "Tomas Varga's office said.")
    assert [body for _, body, _ in said(claims(stages, text, ("Tomas Varga",)))
            if body.startswith("the state of the northern")] == []


def test_a_passive_participle_has_no_object_claim(stages) -> None:
    text = "Tomas Varga met the press. The ambassador has been recalled to the capital for consultations."
    assert [body for _, body, _ in said(claims(stages, text, ("Tomas Varga",)))] == []
    text = "Tomas Varga is urging the northern militias to release the hostages."
    assert [body for _, body, _ in said(claims(stages, text, ("Tomas Varga",)))] == [
        "the northern militias to release the hostages"]


# -- an agency's reporting clause after the claim -----------------------------------------------
def test_a_reporting_clause_after_the_claim_is_not_part_of_it(stages) -> None:
    text = ("Tomas Varga said the ministry hopes to work with its neighbours on the river, the state news "
            "agency reported.")
    recs = claims(stages, text, ("Tomas Varga",))
    assert said(recs) == [("Tomas Varga", "the ministry hopes to work with its neighbours on the river",
                           "en.cue.said")]
    assert recs[0]["evidence"]["claim_rule"] == "en.claim.postposed_report"

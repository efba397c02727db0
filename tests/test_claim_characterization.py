"""Verbs of characterization with their object and complement as the claim ("termed X as Y", "called X a
Y"): the complement may stand past a long object, up to a word that opens another clause; "called" with
an indefinite noun phrase after its object is an evaluation, without one a phone call. The sentences and
names are made up; the stages run without a model (the ``stages`` fixture tags the names given)."""

from __future__ import annotations

from test_claim_cues import claims
from test_claim_recall import said


def test_the_complement_of_a_verb_of_describing_may_follow_a_long_object(stages) -> None:
    text = ("Lorenzo Baldi has described the travel warnings issued by three foreign consulates in the port "
            "city as alarmist and unhelpful.")
    assert said(claims(stages, text, ("Lorenzo Baldi",))) == [(
        "Lorenzo Baldi", "the travel warnings issued by three foreign consulates in the port city as alarmist "
        "and unhelpful", "described")]
    # an object set off by commas
    text = "Lorenzo Baldi characterized the naval drills, held twice a year near the islands, as a provocation."
    assert [t for _, t, _ in said(claims(stages, text, ("Lorenzo Baldi",)))] == [
        "the naval drills, held twice a year near the islands, as a provocation"]
    # "as" past a word that opens another clause belongs to that clause
    text = ("Lorenzo Baldi described the plan that the committee drafted over the winter months as soon as "
            "the talks ended.")
    assert said(claims(stages, text, ("Lorenzo Baldi",))) == []


def test_called_with_an_indefinite_complement_after_its_object_is_an_evaluation_else_a_call(stages) -> None:
    text = "Lorenzo Baldi called the new port a reliable gateway for the whole region."
    assert said(claims(stages, text, ("Lorenzo Baldi",))) == [
        ("Lorenzo Baldi", "the new port a reliable gateway for the whole region", "called")]
    # a quoted complement after an article, past a long object
    text = ("Lorenzo Baldi called the joint naval drills held between the two northern fleets a “rehearsal "
            "for war”.")
    out = said(claims(stages, text, ("Lorenzo Baldi",)))
    assert [t for _, t, _ in out] == ["the joint naval drills held between the two northern fleets a “rehearsal "
                                      "for war"]
    # before a phrase of time, a second verb, an infinitive or an apposition "called" is a phone call
    for text in ("Lorenzo Baldi called Karl Osterberg a day after the vote in the assembly.",
                 "Lorenzo Baldi called Karl Osterberg on Monday and discussed a range of issues.",
                 "Lorenzo Baldi called Karl Osterberg to offer a loan for the new harbour.",
                 "Lorenzo Baldi called Karl Osterberg, a friend of many years, after the vote."):
        assert said(claims(stages, text, ("Lorenzo Baldi", "Karl Osterberg"))) == [], text


def test_a_surname_alone_after_the_full_name_is_that_person_as_a_speaker(stages) -> None:
    # NER tags only the full name; two sentences on, the surname alone speaks
    text = ("Karl Osterberg, the spokesman of the harbour board, met reporters on Monday. The board plans "
            "two new piers. Osterberg said that the piers will open in June.")
    assert said(claims(stages, text, ("Karl Osterberg",))) == [
        ("Karl Osterberg", "the piers will open in June", "said")]
    # the surname alone, not the person the sentence's phrase names, is the subject
    text = ("سعید کاوه‌پور سخنگوی هیئت بنادر امروز با خبرنگاران گفتگو کرد. کاوه‌پور به سفر لوکا بیانکی به "
            "بندر اشاره کرد و افزود: اسکله‌های جدید در خرداد افتتاح خواهند شد.")
    out = said(claims(stages, text, ("سعید کاوه‌پور", "لوکا بیانکی")))
    assert [(s, t) for s, t, _ in out] == [("سعید کاوه‌پور", "اسکله‌های جدید در خرداد افتتاح خواهند شد")]
    # a possessive, or the word inside another capitalised name, is no mention of the person
    text = ("Karl Osterberg met reporters on Monday. Osterberg's deputy said that the piers will open in June. "
            "Anna Osterberg Lind said that the berths are full.")
    assert [s for s, _, _ in said(claims(stages, text, ("Karl Osterberg", "Anna Osterberg Lind")))] == [
        "Anna Osterberg Lind"]

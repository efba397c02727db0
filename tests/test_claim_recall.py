"""Reported speech on articles nobody tuned for: verbs of continuation after a quotation ("…,” she
continued", "the statement went on to say"). The sentences and names are made up; the stages run
without a model (the ``stages`` fixture tags the names given with each text)."""

from __future__ import annotations

from test_claim_cues import claims


def said(recs: list[dict]) -> list[tuple]:
    return [(r["speaker"]["name"] or r["speaker"]["text"], r["text"], r["cue"]) for r in recs]


def test_a_verb_of_continuation_after_a_quotation_is_a_reporting_verb(stages) -> None:
    text = ("“The bridge will carry twice the traffic of the old ferry,” Marco Ferri said on Monday. "
            "The works began last spring.\n\n“We thank every engineer who kept the crossing open through the "
            "winter storms of this year,” Marco Ferri continued.")
    out = said(claims(stages, text, ("Marco Ferri",)))
    assert ("Marco Ferri", "We thank every engineer who kept the crossing open through the winter storms of "
            "this year", "continued") in out
    text = "Marco Ferri went on to say that the new terminal would open to cargo ships before the end of June."
    assert said(claims(stages, text, ("Marco Ferri",))) == [
        ("Marco Ferri", "the new terminal would open to cargo ships before the end of June", "went on to say")]
    # "continued" of talks, fighting or a visit is no reporting verb, and ends no claim before it
    text = ("Marco Ferri said that the talks on the fishing quotas continued for three hours and went on "
            "into the night.")
    assert said(claims(stages, text, ("Marco Ferri",))) == [
        ("Marco Ferri", "the talks on the fishing quotas continued for three hours and went on into the night",
         "said")]


def test_but_opens_a_clause_whose_country_is_the_speaker(stages) -> None:
    text = ("Portugal lifted some of its fishing limits last month but Spain said the changes are too small "
            "to help the coastal towns.")
    out = said(claims(stages, text))
    assert ("Spain", "the changes are too small to help the coastal towns", "said") in out


def test_arabic_complementizer_without_hamza_or_with_a_glued_colon_opens_the_claim(stages) -> None:
    text = "وقال ماركو بيانكي، انهم سيفتحون الميناء الجديد أمام السفن التجارية في الشهر المقبل."
    out = said(claims(stages, text, ("ماركو بيانكي",)))
    assert [t for _, t, _ in out] == ["سيفتحون الميناء الجديد أمام السفن التجارية في الشهر المقبل"]
    text = "وأضاف ماركو بيانكي أن: الجسر الجديد سيخدم سكان الجزر الثلاث خلال العام المقبل."
    out = said(claims(stages, text, ("ماركو بيانكي",)))
    assert [t for _, t, _ in out] == ["الجسر الجديد سيخدم سكان الجزر الثلاث خلال العام المقبل"]


def test_they_or_both_with_no_people_named_together_is_the_meeting_s_parties_not_the_last_one_named(stages) -> None:
    people = ("Marco Bianchi", "Lena Ortiz")
    text = ("Prime Minister Marco Bianchi received Foreign Minister Lena Ortiz of Chile in Rome on Monday. "
            "They pledged to expand the trade between the two countries in the coming years.")
    assert sorted(s for s, _, _ in said(claims(stages, text, people))) == ["Lena Ortiz", "Marco Bianchi"]
    text = text.replace("They pledged", "Both said they want")
    assert sorted(s for s, _, _ in said(claims(stages, text, people))) == ["Lena Ortiz", "Marco Bianchi"]
    # with no meeting, "they" names no speaker: the mayors are not the minister named before
    text = ("Marco Bianchi said the port will reopen next week. The mayors of the coast met on Friday, and "
            "they urged the government to pay for the new piers.")
    assert said(claims(stages, text, people)) == [("Marco Bianchi", "the port will reopen next week", "said")]


def test_a_participle_after_a_clause_with_an_unnamed_noun_phrase_subject_is_not_the_last_speaker_s(stages) -> None:
    people = ("Marco Bianchi",)
    first = "Marco Bianchi said the port will reopen next week. "
    text = first + ("As reported, the embassy in Lisbon issued a statement, urging the government to release "
                    "the two sailors at once.")
    assert said(claims(stages, text, people)) == [("Marco Bianchi", "the port will reopen next week", "said")]
    # a pronoun subject is the one named before
    text = first + "He also issued a statement, urging the government to release the two sailors at once."
    assert ("Marco Bianchi", "the government to release the two sailors at once", "urging") in said(
        claims(stages, text, people))


def test_a_quotation_of_whole_sentences_goes_on_after_an_indirect_report_that_names_no_one_else(stages) -> None:
    people = ("Marco Bianchi", "Lena Ortiz")
    text = ("Harbour chief Marco Bianchi says the repairs of the north pier are going well. “I think the "
            "cranes will be back in service by the end of May. I know the crews are working day and night "
            "to make that date.” The pier was damaged in a storm in March.")
    out = said(claims(stages, text, people))
    assert ("Marco Bianchi", "I think the cranes will be back in service by the end of May. I know the crews are "
            "working day and night to make that date", "“") in out
    # the report names another person: whose words the quotation is stays unclear
    text = ("Marco Bianchi says Lena Ortiz approved the repairs of the north pier. “I think the cranes will be "
            "back in service by the end of May. I know the crews are working day and night.”")
    assert all(not t.startswith("I think") for _, t, _ in said(claims(stages, text, people)))


def test_an_arabic_noun_in_the_construct_state_after_the_verb_is_an_unnamed_subject(stages) -> None:
    people = ("ماركو بيانكي",)
    # "وفد البرلمان" is definite by annexation: the delegation spoke, not the host named before
    text = ("استقبل رئيس البرلمان ماركو بيانكي اليوم وفدا من البرلمان الإيطالي. من جانبه، أعرب وفد البرلمان "
            "الإيطالي عن تقديره لحفاوة الاستقبال، مؤكدا حرصه على تطوير العلاقات البرلمانية بين البلدين في كل "
            "المجالات.")
    assert said(claims(stages, text, people)) == []
    # a joined preposition opens the verb's complement, not a subject: "أشاد بجهود الحكومة" is the host's
    text = ("قال ماركو بيانكي إن الميناء الجديد سيفتح أمام السفن في الشهر المقبل. وأشاد بجهود الحكومة "
            "الإيطالية في تطوير الميناء الجديد خلال العامين الماضيين.")
    assert ("ماركو بيانكي", "بجهود الحكومة الإيطالية في تطوير الميناء الجديد خلال العامين الماضيين", "أشاد") in said(
        claims(stages, text, people))

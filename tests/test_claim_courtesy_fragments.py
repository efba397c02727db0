"""What a reporting verb may take that asserts nothing: an indirect question as its complement, the
object of a participle opening the sentence, the adjunct after a postposed reporting clause, and the
courtesies (wishes, greetings, regret, first-person thanks). The sentences and names are made up; the
stages run without a model (the ``stages`` fixture tags the names given with each text)."""

from __future__ import annotations

from test_claim_cues import claims


def said(recs: list[dict]) -> list[tuple]:
    return [(r["speaker"]["name"] or r["speaker"]["text"], r["text"]) for r in recs]


def test_an_indirect_question_as_the_complement_is_no_claim(stages) -> None:
    for text in ("Marco Ferri explained why the new port would double the trade between the islands.",
                 "Marco Ferri said what Jonas Lind had agreed with the council members.",
                 "Marco Ferri told reporters how the two ministers would carry out the plan."):
        assert said(claims(stages, text, ("Marco Ferri", "Jonas Lind"))) == [], text
    # the complementizer still opens a claim
    out = said(claims(stages, "Marco Ferri said that the new port would double the trade.", ("Marco Ferri",)))
    assert out == [("Marco Ferri", "the new port would double the trade")]
    # "He explained how the coastal road would be financed."
    text = "وأوضح سمير حداد كيف سيتم تمويل الطريق الساحلي الجديد بين المدينتين."
    assert said(claims(stages, text, ("سمير حداد",))) == []


def test_the_object_of_a_participle_opening_the_sentence_before_its_verb_is_no_claim(stages) -> None:
    text = ("Marco Ferri met Jonas Lind on Monday. Recalling their earlier visits, Lind said he hoped that "
            "the ferry line would reopen by the summer.")
    out = said(claims(stages, text, ("Marco Ferri", "Jonas Lind", "Lind")))
    assert out == [("Jonas Lind", "the ferry line would reopen by the summer")]
    # a participle opening a paragraph with no reporting verb after it continues the clause before:
    # "A received B … \n warning of the consequences of widening the conflict."
    text = ("استقبل سمير حداد نظيره كريم منصور في العاصمة.\n"
            "محذرا من تداعيات توسيع رقعة النزاع المسلح على أمن المنطقة.")
    out = said(claims(stages, text, ("سمير حداد", "كريم منصور")))
    assert any(t.startswith("تداعيات توسيع") for _, t in out)


def test_the_adjunct_after_a_postposed_reporting_clause_is_no_claim(stages) -> None:
    text = ("President Marco Ferri discussed port security with island leader Jonas Lind, the Maltese head of "
            "state said after talks with Lind, a correspondent of Agency reports.")
    out = said(claims(stages, text, ("Marco Ferri", "Jonas Lind", "Lind")))
    assert not any(t.startswith("after talks") for _, t in out)


def test_courtesies_are_no_claims(stages) -> None:
    text = ('"I thank you very much, Minister Lind, for your visit to the islands," Marco Ferri said. '
            '"I would like to thank the people of the islands for their warm welcome," he added.')
    assert said(claims(stages, text, ("Marco Ferri", "Jonas Lind"))) == []
    # "A expressed his regret for the painful accident at the port." / "A expressed his wishes of success
    # to the new government."
    for text in ("وأعرب سمير حداد عن أسفه لحادث الحريق المؤلم الذي وقع في الميناء.",
                 "وأعرب سمير حداد عن تمنياته بالتوفيق للحكومة الجديدة في مهامها المقبلة."):
        assert said(claims(stages, text, ("سمير حداد",))) == [], text
    # "A wished the new government success in its work."
    text = "علی رضایی برای دولت جدید در انجام وظایفش آرزوی موفقیت کرد."
    assert said(claims(stages, text, ("علی رضایی",))) == []


def test_gratitude_as_a_predicate_and_past_thanks_are_no_claims(stages) -> None:
    people = ("Marco Ferri", "Jonas Lind")
    for text in ("Marco Ferri noted that he was grateful for the friendly talks held in the harbour town.",
                 '"I thanked him for his long work on the river treaty," Marco Ferri wrote.',
                 "Marco Ferri said Jonas Lind was thankful for the help the islands gave after the storm."):
        assert said(claims(stages, text, people)) == [], text
    # a position after the same reporting verb stays a claim, and so does "we are grateful", which
    # often opens one
    text = "Marco Ferri noted that the new bridge would open to trucks in the spring."
    assert said(claims(stages, text, people)) == [
        ("Marco Ferri", "the new bridge would open to trucks in the spring")]
    text = '"We are grateful to the islands, and we will build the new port together," Marco Ferri said.'
    assert [s for s, _ in said(claims(stages, text, people))] == ["Marco Ferri"]

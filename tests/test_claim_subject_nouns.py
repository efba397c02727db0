"""A document or a bare office noun as the subject of a reporting verb ("the communique added", "the
Minister said", "وأضاف البلاغ", "این اطلاعیه افزود"): the speaker is the document's issuer or the
office's holder named before, and no claim is made where the article names none. The sentences and
names are made up; the stages run without a model (the ``stages`` fixture tags the names given)."""

from __future__ import annotations

from test_claim_cues import claims


def said(recs: list[dict]) -> list[tuple]:
    return [(r["speaker"]["name"] or r["speaker"]["text"], r["text"]) for r in recs]


def test_a_bare_office_noun_speaks_for_the_holder_named_before(stages) -> None:
    text = ("Foreign Minister Marco Ferri arrived in the capital on Monday. The Minister said that the new "
            "port would double the trade between the islands.")
    out = said(claims(stages, text, ("Marco Ferri",)))
    assert out == [("Marco Ferri", "the new port would double the trade between the islands")]
    rec = claims(stages, text, ("Marco Ferri",))[0]
    assert rec["speaker"]["via"]["text"] == "The Minister"
    assert rec["speaker"]["via"]["rule"] == "en.claim_office.minister"
    # with no holder named before, no one identifiable spoke
    text = ("The talks ended late on Monday. The Minister said that the new port would double the trade "
            "between the islands.")
    assert claims(stages, text, ()) == []


def test_the_office_word_picks_the_holder_whose_title_has_it(stages) -> None:
    # both hold a role "the Secretary" may name; only one is called Secretary in the article
    text = ("Defense Minister Jonas Lind met Secretary of State Marco Ferri on Monday. The Secretary said that "
            "the new port would double the trade between the islands.")
    out = said(claims(stages, text, ("Marco Ferri", "Jonas Lind")))
    assert [who for who, _ in out] == ["Marco Ferri"]


def test_a_document_noun_speaks_for_its_issuer(stages) -> None:
    text = ("In a statement, Marco Ferri said that the new port would open in May. The communique added that "
            "the trade between the islands would double by next year.")
    out = said(claims(stages, text, ("Marco Ferri",)))
    assert [who for who, _ in out] == ["Marco Ferri", "Marco Ferri"]
    assert out[1][1].startswith("the trade between the islands")
    # with no issuer before it, the communique is no one's
    text = "The communique added that the trade between the islands would double by next year."
    assert claims(stages, text, ()) == []


def test_arabic_and_persian_document_nouns_speak_for_the_speaker_before(stages) -> None:
    # "Samir Haddad said that the talks will resume next week. The communique added that the two
    # countries will open a new crossing."
    text = ("وقال سمير حداد إن المحادثات ستستأنف الأسبوع المقبل في العاصمة. "
            "وأضاف البلاغ أن البلدين سيفتتحان معبرا جديدا على الحدود.")
    out = said(claims(stages, text, ("سمير حداد",)))
    assert [who for who, _ in out] == ["سمير حداد", "سمير حداد"]
    assert out[1][1].startswith("البلدين سيفتتحان")
    # "A said that the talks will resume next week. This notice added that the two countries will open
    # a new crossing."
    text = ("علی رضایی گفت که گفتگوها هفته آینده در پایتخت از سر گرفته می‌شود. "
            "این اطلاعیه افزود که دو کشور یک گذرگاه جدید در مرز باز خواهند کرد.")
    out = said(claims(stages, text, ("علی رضایی",)))
    assert [who for who, _ in out] == ["علی رضایی", "علی رضایی"]
    assert out[1][1].startswith("دو کشور یک گذرگاه")


def test_an_office_noun_right_before_the_verb_is_its_subject_not_the_name_governed_before(stages) -> None:
    text = ("President Marco Ferri received the new ambassador on Monday. During the talks with ambassador "
            "Jonas Lind the head of state noted that the new port would double the trade between the islands.")
    out = said(claims(stages, text, ("Marco Ferri", "Jonas Lind")))
    assert [who for who, _ in out] == ["Marco Ferri"]
    # after a preposition the noun is governed, not the subject: "A in this statement announced that …"
    text = "علی رضایی در این بیانیه اعلام کرد که دو کشور یک گذرگاه جدید در مرز باز خواهند کرد."
    out = said(claims(stages, text, ("علی رضایی",)))
    assert [who for who, _ in out] == ["علی رضایی"]


def test_a_postposed_reporting_clause_with_its_own_subject_does_not_speak_for_a_name_before_it(stages) -> None:
    # "<clause>, the ministry said in a statement": the phrase after the cue is no claim, and the name
    # inside the clause before is not the speaker
    text = "Marco Ferri spoke to Jonas Lind about the new port, the ministry said in a statement."
    assert said(claims(stages, text, ("Marco Ferri", "Jonas Lind"))) == []
    # the speaker's own postposed clause still reports the clause before it
    text = "The new port will open next month, Marco Ferri said in a statement."
    assert said(claims(stages, text, ("Marco Ferri",))) == [("Marco Ferri", "The new port will open next month")]

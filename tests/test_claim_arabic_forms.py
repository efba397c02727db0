"""Arabic forms of attribution: the short form of «أدان» («دان»، «دانت»), and what may stand between a
subject named after its verb and the claim (``claims.json`` ``subject_modifiers``): a relative clause on
the subject closed by a comma, an adverb of time. The sentences are made up; the stages run without a
model (``stages`` tags the names given)."""

from __future__ import annotations

from extractors import InputDoc


def claims(extractor, text: str, people: tuple[str, ...] = ()) -> list[dict]:
    extractor.ner.names = dict.fromkeys(people, "PER")
    (res,) = extractor.extract_many([InputDoc(id="t", text=text, date="2024-05-01", date_source="input")])
    assert res.error is None, res.error
    return [r for r in res.records if r["type"] == "claim"]


def by_text(records: list[dict], words: str) -> dict | None:
    return next((r for r in records if words in r["text"]), None)


def test_short_form_of_condemned_is_a_cue(stages) -> None:
    # «دانت» is «أدانت» without its hamza of the fourth form, as agencies write it
    text = "دانت الحكومة الكندية الهجوم المسلح الذي استهدف حافلة للركاب في العاصمة."
    out = claims(stages, text)
    got = by_text(out, "الهجوم المسلح")
    assert got is not None and got["evidence"]["rule"] == "ar.cue.adan"


def test_short_form_after_the_conjunction(stages) -> None:
    # «ودانت»: the conjunction و joined to the verb, its subject named after it
    text = ("اجتمعت وزيرة الخارجية الكندية ماري ديلون بنظيرها النرويجي هاكون ليند في أوسلو. "
            "ودانت ماري ديلون التفجير الذي وقع قرب الحدود الشمالية وأودى بحياة مدنيين.")
    out = claims(stages, text, ("ماري ديلون", "هاكون ليند"))
    got = by_text(out, "التفجير الذي وقع")
    assert got is not None and got["speaker"]["name"] == "ماري ديلون"


def test_relative_clause_on_the_subject_before_the_complementizer(stages) -> None:
    # "وأضاف X الذي …، أن …": the relative clause describes the speaker; the claim opens at «أن»
    text = ("استقبل رئيس الوزراء النرويجي هاكون ليند وزير الخارجية الكندي مارك ديلون في أوسلو. "
            "وأضاف مارك ديلون الذي وصل إلى أوسلو قادما من ستوكهولم، أن كندا تريد حل الخلافات التجارية بالحوار.")
    out = claims(stages, text, ("مارك ديلون", "هاكون ليند"))
    got = by_text(out, "كندا تريد حل الخلافات")
    assert got is not None and got["speaker"]["name"] == "مارك ديلون"
    assert got["text"].startswith("كندا")
    assert got["evidence"]["span_rule"] == "ar.claim.subject_modifier"


def test_time_adverb_before_the_governed_preposition(stages) -> None:
    # "أعرب X الأربعاء عن …": the weekday is an adverb of time, not the start of the complement
    text = "أعرب وزير الخارجية الكندي مارك ديلون الأربعاء عن قلق بلاده البالغ من تدهور الأوضاع في المنطقة."
    out = claims(stages, text, ("مارك ديلون",))
    got = by_text(out, "قلق بلاده البالغ")
    assert got is not None and got["speaker"]["name"] == "مارك ديلون"
    assert got["evidence"]["span_rule"] == "ar.claim.subject_modifier"


def test_relative_clause_not_closed_before_an_opener_makes_no_claim(stages) -> None:
    # guard: a relative clause whose comma is followed by no complementizer, colon or governed
    # preposition is not passed over; the sentence reports nothing
    text = ("استقبل رئيس الوزراء النرويجي هاكون ليند وزير الخارجية الكندي مارك ديلون في أوسلو. "
            "وأضاف مارك ديلون الذي وصل إلى أوسلو قادما من ستوكهولم، جولته الأوروبية بزيارة إلى برلين.")
    out = claims(stages, text, ("مارك ديلون", "هاكون ليند"))
    assert by_text(out, "جولته الأوروبية") is None

"""Clause structure around a reporting verb on unseen articles: an apposition set off by commas after a
verb-first speaker, a speaker coordinated with another, the document a body spoke in, a phrase set off by
commas between a body and its verb, the Persian present tense, and a pronoun after a sentence whose last
person a preposition governs. The sentences and names are made up; the stages run without a model (the
``stages`` fixture tags the names given with each text)."""

from __future__ import annotations

from test_claim_cues import claims
from test_claim_recall import said

from extractors import InputDoc
from extractors.lang import cue_forms


def tagged(extractor, text: str, names: dict[str, str]) -> list[dict]:
    """Claims of ``text`` with ``names`` tagged as NER would (name -> PER, ORG …)."""
    extractor.ner.names = dict(names)
    (res,) = extractor.extract_many([InputDoc(id="t", text=text, date="2021-05-09", date_source="input")])
    assert res.error is None, res.error
    return [r for r in res.records if r["type"] == "claim"]


def test_an_apposition_set_off_by_commas_after_a_verb_first_speaker_is_skipped(stages) -> None:
    text = "وقال ماركو بيانكي، رئيس هيئة الموانئ، إن الميناء الجديد سيفتح أمام السفن في الشهر المقبل."
    assert said(claims(stages, text, ("ماركو بيانكي",))) == [
        ("ماركو بيانكي", "الميناء الجديد سيفتح أمام السفن في الشهر المقبل", "قال")]
    # before the preposition that governs the complementizer
    text = "وأشار ماركو بيانكي، رئيس هيئة الموانئ، إلى أن الجسر الجديد سيخدم سكان الجزر الثلاث."
    assert [t for _, t, _ in said(claims(stages, text, ("ماركو بيانكي",)))] == [
        "الجسر الجديد سيخدم سكان الجزر الثلاث"]
    # with no comma closing it, the words after the name are no parenthetical
    text = "وقال ماركو بيانكي، رئيس هيئة الموانئ إن الميناء الجديد سيفتح أمام السفن في الشهر المقبل."
    assert said(claims(stages, text, ("ماركو بيانكي",))) == []


def test_a_speaker_coordinated_after_a_verb_first_cue_speaks_with_the_first(stages) -> None:
    text = "ودعا ماركو بيانكي ولينا أورتيز إلى فتح الحدود أمام الشاحنات التجارية خلال الصيف."
    out = said(claims(stages, text, ("ماركو بيانكي", "لينا أورتيز")))
    assert sorted(s for s, _, _ in out) == ["لينا أورتيز", "ماركو بيانكي"]
    assert {t for _, t, _ in out} == {"فتح الحدود أمام الشاحنات التجارية خلال الصيف"}


def test_a_body_speaks_across_the_document_it_spoke_in_or_a_phrase_set_off_by_commas(stages) -> None:
    for text in ("The Harbour Authority, in a statement, had said that the new piers will open in June.",
                 "The Harbour Authority in a joint statement said that the new piers will open in June.",
                 "The Harbour Authority, citing its own survey, said that the new piers will open in June."):
        out = said(tagged(stages, text, {"Harbour Authority": "ORG"}))
        assert out == [("Harbour Authority", "the new piers will open in June", "said")], text
    # a place in between is no document: the body is not next to its verb
    text = "The Harbour Authority in the northern port on Monday said that the new piers will open in June."
    assert said(tagged(stages, text, {"Harbour Authority": "ORG"})) == []
    text = "سازمان بنادر ساحلی در این بیانیه اعلام کرد که اسکله‌های جدید در خرداد افتتاح خواهند شد."
    out = said(tagged(stages, text, {"سازمان بنادر ساحلی": "ORG"}))
    assert [(s, t) for s, t, _ in out] == [("سازمان بنادر ساحلی", "اسکله‌های جدید در خرداد افتتاح خواهند شد")]


def test_persian_simple_verbs_have_their_present_tense() -> None:
    forms = {p for p, r in cue_forms("fa") if r["id"] == "fa.cue.afzud"}
    assert {"می‌افزاید", "می‌افزایند", "افزود"} <= forms


def test_a_persian_statement_that_adds_in_the_present_speaks_for_its_issuer(stages) -> None:
    text = ("سازمان بنادر ساحلی اعلام کرد که اسکله‌های جدید در خرداد افتتاح خواهند شد. "
            "این بیانیه میافزاید که کشتی‌های باری از تیر ماه در این اسکله‌ها پهلو خواهند گرفت.")
    out = said(tagged(stages, text, {"سازمان بنادر ساحلی": "ORG"}))
    assert ("سازمان بنادر ساحلی", "کشتی‌های باری از تیر ماه در این اسکله‌ها پهلو خواهند گرفت",
            "میافزاید") in out


def test_a_pronoun_after_a_meeting_continues_its_subject_not_the_person_met_with(stages) -> None:
    people = ("Marco Bianchi", "Lena Ortiz")
    text = ("Marco Bianchi met with Lena Ortiz in Rome on Monday. "
            "He said that the new ferry line will open before the summer.")
    assert said(claims(stages, text, people)) == [
        ("Marco Bianchi", "the new ferry line will open before the summer", "said")]
    text = ("مارکو بیانکی با لنا اورتیز در رم دیدار کرد. "
            "وی تاکید کرد که خط جدید کشتیرانی پیش از تابستان افتتاح خواهد شد.")
    out = said(claims(stages, text, ("مارکو بیانکی", "لنا اورتیز")))
    assert [s for s, _, _ in out] == ["مارکو بیانکی"]


def test_a_persian_verb_after_a_modal_is_the_short_infinitive_and_keeps_its_negation(stages) -> None:
    text = "مارکو بیانکی گفت: «نمی‌توان گفت که خط جدید کشتیرانی پیش از تابستان افتتاح خواهد شد.»"
    out = said(claims(stages, text, ("مارکو بیانکی",)))
    assert [t for _, t, _ in out] == ["نمی‌توان گفت که خط جدید کشتیرانی پیش از تابستان افتتاح خواهد شد"]
    # a comma ends the clause of the word before: the verb after it is finite
    text = "مارکو بیانکی با بیان اینکه دو مسیر بررسی می‌شود، اعلام کرد: بندر جدید در خرداد افتتاح خواهد شد."
    out = said(claims(stages, text, ("مارکو بیانکی",)))
    assert "بندر جدید در خرداد افتتاح خواهد شد" in [t for _, t, _ in out]


def test_persian_royal_courts_and_prime_ministers_offices_speak(stages) -> None:
    text = "دیوان امیری قطر اعلام کرد که بندر جدید دوحه در خرداد افتتاح خواهد شد."
    assert [s for s, _, _ in said(claims(stages, text))] == ["Royal Court of Qatar"]
    text = "دفتر نخست وزیری عراق اعلام کرد که بندر جدید بصره در خرداد افتتاح خواهد شد."
    assert [s for s, _, _ in said(claims(stages, text))] == ["Prime Minister's Office of Iraq"]


def test_a_persian_pronoun_object_before_a_clause_final_verb_is_a_fragment(stages) -> None:
    people = ("مارکو بیانکی",)
    text = ("مارکو بیانکی بر ساخت بندر جدید تاکید کرد و آن را برای تجارت دریایی منطقه در سال‌های آینده "
            "مهم دانست.")
    out = said(claims(stages, text, people))
    assert not any(t.startswith(("و آن را", "آن را")) for _, t, _ in out)
    # a noun phrase as the object is the claim
    text = "مارکو بیانکی ساخت بندر جدید را برای تجارت دریایی منطقه در سال‌های آینده مهم دانست."
    assert [t for _, t, _ in said(claims(stages, text, people))] == [
        "ساخت بندر جدید را برای تجارت دریایی منطقه در سال‌های آینده مهم"]


def test_a_persian_subject_of_two_people_before_a_clause_final_verb_gives_each_the_claim(stages) -> None:
    people = ("مارکو بیانکی", "لنا اورتیز")
    text = "مارکو بیانکی و لنا اورتیز بر ضرورت ساخت بندر جدید در جنوب کشور تاکید کردند."
    out = said(claims(stages, text, people))
    assert sorted(s for s, _, _ in out) == ["لنا اورتیز", "مارکو بیانکی"]
    assert {t for _, t, _ in out} == {"بر ضرورت ساخت بندر جدید در جنوب کشور"}

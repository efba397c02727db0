"""Claims a user should not get: a reported clause that runs on past its sentence inside another voice's
quotation, a prepositional phrase alone, an adverbial phrase with only a
subject after it, a meeting told after an opening adverbial, and the Arabic impersonal passive of what a
meeting discussed. The sentences and names are made up; the stages run without a model (the ``stages``
fixture tags the names)."""

from __future__ import annotations

from test_claim_cues import claims
from test_claim_recall import said

PEOPLE = ("Marco Ferri", "Lena Ortiz")


def test_a_clause_reported_inside_a_quoted_statement_ends_with_its_sentence(stages) -> None:
    text = ('"Marco Ferri stressed that rebuilding the northern bridge was the first task of the year. The mayor '
            'then gave the engineers their orders for the spring," the statement reads.')
    out = said(claims(stages, text, PEOPLE))
    assert ("Marco Ferri", "rebuilding the northern bridge was the first task of the year", "stressed") in out
    assert not any("engineers" in t for _, t, _ in out)


def test_a_prepositional_phrase_or_an_adverbial_with_a_bare_subject_is_no_claim(stages) -> None:
    text = 'Upon her return, Lena Ortiz said in a radio interview, "We will rebuild the port before the winter."'
    out = said(claims(stages, text, PEOPLE))
    assert not any(t.lower() == "upon her return" for _, t, _ in out)
    text = "Marco Ferri said that during the meeting held in the old town hall on Friday, Lena Ortiz."
    assert said(claims(stages, text, PEOPLE)) == []


def test_a_meeting_told_after_an_opening_adverbial_is_no_claim(stages) -> None:
    text = ("Marco Ferri said that on the sidelines of the river summit in the capital, Lena Ortiz held talks "
            "with the mayors of the coastal towns.")
    assert said(claims(stages, text, PEOPLE)) == []
    # an opening adverbial before a position keeps the claim
    text = ("Marco Ferri said that on the sidelines of the river summit, the two towns must share the costs "
            "of the bridge.")
    assert [t for _, t, _ in said(claims(stages, text, PEOPLE))] == [
        "on the sidelines of the river summit, the two towns must share the costs of the bridge"]


def test_the_arabic_impersonal_passive_of_a_discussion_is_no_claim(stages) -> None:
    people = ("ماركو بيانكي", "لينا أورتيز")
    text = "وأضاف ماركو بيانكي أنه جرى خلال الاجتماع، بحث سبل تطوير الموانئ بين البلدين في العام المقبل."
    assert said(claims(stages, text, people)) == []
    # the same periphrasis with a noun of a stance says what was agreed: a claim
    text = "وأضاف ماركو بيانكي أنه تم خلال الاجتماع الاتفاق على تطوير الموانئ بين البلدين في العام المقبل."
    assert [s for s, _, _ in said(claims(stages, text, people))] == ["ماركو بيانكي"]


def test_a_body_relaying_its_officials_report_makes_no_claim_of_its_own(stages) -> None:
    text = ("The Foreign Ministry of Italy said Marco Ferri stressed the need to reopen the northern bridge to "
            "trucks before the winter.")
    out = said(claims(stages, text, PEOPLE))
    assert ("Marco Ferri", "the need to reopen the northern bridge to trucks before the winter", "stressed") in out
    assert not any(s != "Marco Ferri" for s, _, _ in out)
    # a person reporting another's words keeps his own claim
    text = "Lena Ortiz said Marco Ferri stressed the need to reopen the northern bridge to trucks before winter."
    assert {s for s, _, _ in said(claims(stages, text, PEOPLE))} == {"Lena Ortiz", "Marco Ferri"}


def test_a_quotation_that_only_tells_a_meeting_held_is_no_claim(stages) -> None:
    text = ('Lena Ortiz wrote: "On the sidelines of the river summit, I had bilateral meetings with the mayors '
            'of the coastal towns. We also held talks with Mayor Marco Ferri."')
    assert said(claims(stages, text, PEOPLE)) == []
    # a sentence of what the meeting covered gives its topics: a claim
    text = ('Lena Ortiz wrote: "At the harbour office, I held talks with Mayor Marco Ferri. The tolls and the '
            'ferry timetable were discussed during the talks."')
    assert len(said(claims(stages, text, PEOPLE))) == 1
    # so does a sentence that asserts a position
    text = ('Lena Ortiz wrote: "At the harbour office, I held talks with Mayor Marco Ferri. The tolls on the '
            'bridge will fall in June."')
    assert len(said(claims(stages, text, PEOPLE))) == 1


def test_a_meeting_under_way_is_no_claim(stages) -> None:
    text = "Lena Ortiz said Marco Ferri is currently meeting with the mayor of the port in the harbour office."
    assert said(claims(stages, text, PEOPLE)) == []
    text = "Lena Ortiz said the two mayors are meeting their counterparts from the islands in the harbour office."
    assert said(claims(stages, text, PEOPLE)) == []


def test_an_arabic_participles_object_opens_right_after_it(stages) -> None:
    people = ("ماركو بيانكي",)
    text = ("وانتقد ماركو بيانكي قرار البلدية مؤكدا مسؤولية جميع المدن الساحلية عن حماية الموانئ من "
            "التلوث.")
    assert ("ماركو بيانكي", "مسؤولية جميع المدن الساحلية عن حماية الموانئ من التلوث", "مؤكدا") in said(
        claims(stages, text, people))


def test_a_claim_ends_at_a_sentence_mark_glued_to_the_next_sentence(stages) -> None:
    people = ("ماركو بيانكي",)
    text = ("وأكد ماركو بيانكي التزام البلدية الكامل بإصلاح الموانئ قبل الشتاء.وكان رئيس البلدية قد وصل "
            "إلى الميناء صباح اليوم.")
    assert ("ماركو بيانكي", "التزام البلدية الكامل بإصلاح الموانئ قبل الشتاء", "أكد") in said(
        claims(stages, text, people))
    people = ("مارکو فری",)
    text = ("مارکو فری روز دوشنبه در گفتگو با خبرنگاران گفت: کار بر روی پل شمالی ادامه دارد و تا تابستان "
            "تمام می‌شود.شهردار نیز امروز به بندر رفت.")
    assert [t for _, t, _ in said(claims(stages, text, people))] == [
        "کار بر روی پل شمالی ادامه دارد و تا تابستان تمام می‌شود"]


def test_a_complement_that_is_only_a_meeting_with_who_when_and_where_is_no_claim(stages) -> None:
    for text in ("Marco Ferri recalled his talks with Lena Ortiz last March on the sidelines of the Harbour Forum "
                 "in Genoa.",
                 "Marco Ferri announced the results of the negotiations between Lena Ortiz and the Mayor of "
                 "Genoa."):
        assert said(claims(stages, text, PEOPLE)) == [], text
    # a topic or a predicate after the meeting noun is what the speaker asserts
    text = "Marco Ferri recalled his talks with Lena Ortiz on the shared costs of the northern bridge."
    assert [s for s, _, _ in said(claims(stages, text, PEOPLE))] == ["Marco Ferri"]
    text = "Marco Ferri recalled that his talks with Lena Ortiz in Genoa had opened the port to trucks."
    assert [s for s, _, _ in said(claims(stages, text, PEOPLE))] == ["Marco Ferri"]
    # a noun phrase that ends before a meeting noun is not one of a meeting
    text = "Marco Ferri praised the new plan for the port during their talks with the Mayor of Genoa."
    assert [s for s, _, _ in said(claims(stages, text, PEOPLE))] == ["Marco Ferri"]

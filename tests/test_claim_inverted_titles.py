"""Reported speech on articles nobody tuned for, eighth round: a quoted name inside the phrase set off
after a verb-first speaker, a speaker's name in quotation marks, a title phrase after an inverted cue,
the Persian «ذکر کردن» (to state) with a quotation or «که», the Arabic «واصل» of a speech going on.
The sentences and names are made up; the stages run without a model (the ``stages`` fixture tags the
names given with each text)."""

from __future__ import annotations

from test_claim_cues import claims


def said(recs: list[dict]) -> list[tuple]:
    return [(r["speaker"]["name"] or r["speaker"]["text"], r["text"], r["cue"]) for r in recs]


def test_a_quoted_name_inside_a_phrase_set_off_after_the_speaker_does_not_open_a_quotation(stages) -> None:
    people = ("ماركو بيانكي",)
    claim = "الميناء الجديد سيفتح أمام السفن التجارية في الشهر المقبل"
    # where and when he wrote it, with the platform's name in quotation marks, between two commas
    text = f"وقال ماركو بيانكي، في منشور على حسابه بمنصة “إكس” مساء الجمعة 16 أيار/مايو، إن {claim}."
    assert said(claims(stages, text, people)) == [("ماركو بيانكي", claim, "قال")]
    text = f'وأضاف ماركو بيانكي، عبر حسابه الرسمي على موقع "تويتر"، أن {claim}.'
    assert said(claims(stages, text, people)) == [("ماركو بيانكي", claim, "أضاف")]
    # a mark left open is a quotation that starts there, not a name: nothing is skipped over it
    text = f"وقال ماركو بيانكي، في منشور “على حسابه الرسمي، إن {claim}."
    assert all(t != claim for _, t, _ in said(claims(stages, text, people)))


def test_a_title_phrase_between_an_inverted_cue_and_the_name_belongs_to_the_speaker(stages) -> None:
    people = ("Marco Ferri",)
    claim = "The new bridge will open to traffic before the end of June"
    text = f"{claim}, said Portuguese Prime Minister Marco Ferri on Monday after his talks in Madrid."
    assert said(claims(stages, text, people)) == [("Marco Ferri", claim, "said")]
    text = f"“{claim},” said Foreign Minister Marco Ferri."
    assert said(claims(stages, text, people)) == [("Marco Ferri", claim, "said")]
    # words that are no title ("on Monday") do not make a speaker phrase
    text = f"{claim}, said on Monday evening Marco Ferri."
    assert said(claims(stages, text, people)) == []


def test_persian_zekr_kardan_states_what_it_quotes_or_reports(stages) -> None:
    people = ("مارکو فری",)
    # the pluperfect of the compound, the stated aim quoted before it
    text = "مارکو فری هدف از این سفر را «گسترش همکاری‌های بندری دو کشور در دریای مدیترانه» ذکر کرده بود."
    assert said(claims(stages, text, people)) == [
        ("مارکو فری", "گسترش همکاری‌های بندری دو کشور در دریای مدیترانه", "ذکر کرده بود")]
    text = "مارکو فری ذکر کرد که بندر جدید در ماه آینده به روی کشتی‌های باری باز می‌شود."
    assert said(claims(stages, text, people)) == [
        ("مارکو فری", "بندر جدید در ماه آینده به روی کشتی‌های باری باز می‌شود", "ذکر کرد")]


def test_arabic_wasal_goes_on_with_a_quotation_only(stages) -> None:
    people = ("ماركو بيانكي",)
    text = ("وقال ماركو بيانكي: «سنفتح الميناء الجديد أمام السفن». وواصل في كلمته: «الأهم من ذلك أننا "
            "سنبني جسرا جديدا لسكان الجزر».")
    assert ("ماركو بيانكي", "الأهم من ذلك أننا سنبني جسرا جديدا لسكان الجزر", "واصل") in said(
        claims(stages, text, people))
    # «واصل» of an action ("kept up its lead") has no quotation: no claim, and the next verb's stays whole
    text = "واصل الفريق تفوقه في المباراة، وقال ماركو بيانكي إن الفوز كان مستحقا."
    assert said(claims(stages, text, people)) == [("ماركو بيانكي", "الفوز كان مستحقا", "قال")]


def test_a_name_in_quotation_marks_after_a_verb_first_cue_is_its_speaker(stages) -> None:
    people = ("ماركو بيانكي",)
    text = "من جهته أشاد «ماركو بيانكي» بجهود المجلس البلدي في تطوير الميناء الجديد خلال العام الماضي."
    assert said(claims(stages, text, people)) == [
        ("ماركو بيانكي", "بجهود المجلس البلدي في تطوير الميناء الجديد خلال العام الماضي", "أشاد")]
    text = 'وقال " ماركو بيانكي" ، إن الميناء الجديد سيفتح أمام السفن في الشهر المقبل.'
    assert said(claims(stages, text, people)) == [
        ("ماركو بيانكي", "الميناء الجديد سيفتح أمام السفن في الشهر المقبل", "قال")]
    # a quotation that goes on past the name is what was said, not a quoted name
    text = "وقال «ماركو بيانكي سيفتح الميناء الجديد أمام السفن في الشهر المقبل»."
    assert said(claims(stages, text, people)) == []


def test_confirmed_and_suggested_take_a_clause_without_that_or_an_object(stages) -> None:
    people = ("Marco Ferri", "Lena Ortiz")
    text = "Foreign Minister Marco Ferri yesterday suggested the fishing dispute would be on the agenda of the summit."
    assert said(claims(stages, text, people)) == [
        ("Marco Ferri", "the fishing dispute would be on the agenda of the summit", "suggested")]
    text = "Marco Ferri confirmed the readiness of his government to support the new port in all fields."
    assert said(claims(stages, text, people)) == [
        ("Marco Ferri", "the readiness of his government to support the new port in all fields", "confirmed")]
    # "agreed to" tells what the sides agreed on in a meeting: still no claim without "that"
    text = "Marco Ferri agreed to join forces with Lena Ortiz on the new port."
    assert said(claims(stages, text, people)) == []


def test_people_coordinated_before_an_embedded_verb_keep_the_report_inside_the_outer_claim(stages) -> None:
    people = ("Marco Ferri", "Lena Ortiz")
    text = ("Marco Ferri said he and Lena Ortiz confirmed that the two countries will work closely together on "
            "the new port, adding, “This is the stance shared by Italy and Spain.”")
    out = said(claims(stages, text, people))
    # the conjunction joins the embedded verb's subject, not a verb beside "said": the outer claim is whole
    assert ("Marco Ferri", "he and Lena Ortiz confirmed that the two countries will work closely together on "
            "the new port", "said") in out
    # the participle after the sentence is the main clause's subject's, not the embedded speaker's
    assert ("Marco Ferri", "This is the stance shared by Italy and Spain", "adding") in out

"""Reported speech on articles nobody tuned for, eighth round: a quoted name inside the phrase set off
after a verb-first speaker, a title phrase after an inverted cue, the Persian «ذکر کردن» (to state) with a
quotation or «که», the Arabic «واصل» of a speech going on. The sentences and names are made up; the stages run
without a model (the ``stages`` fixture tags the names given with each text)."""

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

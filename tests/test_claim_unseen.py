"""Reported speech that the rules missed on unseen articles: a speaker after a fronted adverbial phrase,
the Persian elliptical perfect (and the passive it must not be confused with), and the rest of a
speaker's noun phrase after a verb-first cue. The sentences and names are made up; the stages run
without a model (the ``stages`` fixture tags the names given with each text)."""

from __future__ import annotations

from test_claim_cues import claims


def said(recs: list[dict]) -> list[tuple]:
    return [(r["speaker"]["name"] or r["speaker"]["text"], r["text"]) for r in recs]


def test_a_subject_after_a_fronted_prepositional_phrase_and_its_comma_speaks(stages) -> None:
    for text in ("For his part, Marco Ferri said that the new port would double the trade between the islands.",
                 "In a statement, Marco Ferri noted that the new port would double the trade between the islands."):
        out = said(claims(stages, text, ("Marco Ferri",)))
        assert out and out[0][0] == "Marco Ferri", text
        assert out[0][1].startswith("the new port would double"), text
    # "with his counterpart, Y": that comma sets off the title's apposition, and Y is still governed
    text = ("Marco Ferri met with his counterpart, Jonas Lind, and said that the new port would double the "
            "trade between the islands.")
    out = said(claims(stages, text, ("Marco Ferri", "Jonas Lind")))
    assert [who for who, _ in out] == ["Marco Ferri"]


def test_the_persian_elliptical_perfect_reports_but_the_passive_does_not(stages) -> None:
    # "A has added that «now is the time for practical steps». In the meeting it was said that the two
    # countries will widen their cooperation."
    text = ("علی رضایی همچنین افزوده که «اکنون زمان برداشتن گام‌های عملی برای کاهش تنش در منطقه است». "
            "در این نشست گفته شد که دو کشور همکاری‌های اقتصادی خود را گسترش خواهند داد.")
    out = said(claims(stages, text, ("علی رضایی",)))
    assert len(out) == 1
    assert out[0][0] == "علی رضایی"
    assert out[0][1].startswith("اکنون زمان برداشتن")


def test_the_complementizer_after_a_title_its_body_and_the_apposed_name(stages) -> None:
    # "The spokesman of the Chinese Foreign Ministry, Samir Haddad, told journalists that the talks will resume
    # next week."
    text = ("وقال الناطق باسم وزارة الخارجية الصينية سمير حداد للصحافيين ، إن المحادثات بين البلدين ستستأنف "
            "الأسبوع المقبل في العاصمة.")
    out = said(claims(stages, text, ("سمير حداد",)))
    assert [who for who, _ in out] == ["سمير حداد"]
    assert out[0][1].startswith("المحادثات بين البلدين")


def test_the_persian_verb_of_claiming_reports(stages) -> None:
    # "A claimed that the border crossings had been reopened."
    text = "علی رضایی ادعا کرد که گذرگاه‌های مرزی دوباره به روی کامیون‌ها باز شده است."
    out = said(claims(stages, text, ("علی رضایی",)))
    assert [who for who, _ in out] == ["علی رضایی"]
    assert out[0][1].startswith("گذرگاه‌های مرزی")

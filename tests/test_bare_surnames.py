"""Bare surnames the article never gives in full: a title of an office the one bearer held vouches
for the surname (and the surname names the title's holder); a function word or a word behind the
definite article stays a word. Sentences are our own."""

from __future__ import annotations

from extractors.mentions import build_mentions, lexicons
from extractors.view import build_view


def _people(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    """(the word before, the mention, its identity) of each person or title, in text order."""
    view = build_view(text, lang)
    return [(text[:m.start].split()[-1] if text[:m.start].split() else "", m.text,
             m.actor.name if m.actor else None)
            for m in build_mentions(view, [], None, lexicons(lang)) if m.kind in ("person", "title")]


def _named(ms: list[tuple[str, str, str | None]], text: str) -> list[str | None]:
    return [name for _, t, name in ms if t == text]


def test_a_bare_surname_and_a_title_its_bearer_held_name_one_person() -> None:
    ms = _people("وصل وزير الخارجية الإيراني إلى أنقرة أمس. وقال ظريف إن المحادثات كانت مثمرة.", "ar")
    assert _named(ms, "ظريف") == ["Mohammad Javad Zarif"]
    assert _named(ms, "وزير الخارجية الإيراني") == ["Mohammad Javad Zarif"]
    ms = _people("Iran's foreign minister flew to Oslo. Zarif told reporters the visit was useful.", "en")
    assert _named(ms, "Zarif") == ["Mohammad Javad Zarif"]
    # another country's office vouches for nobody
    ms = _people("وصل وزير الخارجية التركي إلى طهران. وقال ظريف إن المحادثات كانت مثمرة.", "ar")
    assert _named(ms, "ظريف") == []


def test_a_function_word_or_a_word_behind_the_article_stays_a_word() -> None:
    # the Syrian prime minister's title vouches for "خميس" alone, not for Thursday (الخميس)
    ms = _people("التقى رئيس الوزراء السوري الوفد يوم الخميس في دمشق. وقال خميس إن اللقاء كان جيدا.", "ar")
    assert [(before, name) for before, t, name in ms if t == "خميس"] == [("وقال", "Imad Khamis")]
    # "بأن" (that) is also how one Secretary-General's surname is written
    ms = _people("وقال الأمين العام للأمم المتحدة بأن الحصار غير مقبول. وأضاف وزير الخارجية الإيراني أن ظريف سيزور "
                 "نيويورك.", "ar")
    assert _named(ms, "بأن") == []
    assert _named(ms, "ظريف") == ["Mohammad Javad Zarif"]

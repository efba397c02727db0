"""Explain what a name or title resolves to (``attache actors lookup``)."""

from __future__ import annotations

from datetime import date

from .errors import UsageError
from .lang import LANGS
from .language import detect_language
from .mentions import build_mentions, lexicons
from .pipeline import _parse_date
from .view import build_view


def lookup(text: str, when: str | date | None = None, lang: str | None = None,
           actors_file: str | None = None) -> list[tuple[str, ...]]:
    """Rows (surface, what, name, id, wikidata, why) for every mention found in ``text``."""
    d = _parse_date(when)
    if lang is not None and lang not in LANGS:
        raise UsageError(f"unsupported --lang {lang!r} (ar, fa or en)")
    lang = lang or detect_language(text)[0] or ("en" if text.isascii() else "ar")
    view = build_view(text, lang)
    lex = lexicons(lang, actors_file, None)
    rows = []
    for m in build_mentions(view, [], d, lex):
        if m.actor is not None:
            rows.append((m.text, m.kind, m.actor.name, m.actor.id, m.actor.wikidata or "-",
                         m.why or "name"))
        elif m.place is not None:
            rows.append((m.text, m.kind, m.place.name, m.place.id, m.place.country, "gazetteer"))
        elif m.kind == "title":
            rows.append((m.text, "title", "-", "-", "-", m.why or f"{m.role} of {m.country}"))
        elif m.kind == "person":
            rows.append((m.text, "person", m.text, m.key, "-", "not in the dictionary"))
    return rows

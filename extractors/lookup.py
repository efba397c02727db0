"""Explain what a name or title resolves to (``attache actors lookup``).

The query goes through the same path as a sentence of an article: the language is detected as a
document's is, the text is normalized into a view and scanned by ``build_mentions`` with that
language's dictionaries, so a lookup answers what extraction would. The query stands where NER
would see a person (a lookup asks about a name), which is what lets a bare surname resolve as it
does in an article when NER tags it. On top of what extraction reports, a bare surname lists every
person in the dictionary who carries it.
"""

from __future__ import annotations

from datetime import date

from .actors import Actor, load_actors, office_name
from .errors import UsageError
from .lang import LANGS, profile
from .language import detect_language, supported
from .mentions import Mention, build_mentions, lexicons
from .ner import Entity
from .normalize import clitic_variants, fold
from .pipeline import _parse_date
from .view import build_view

Row = tuple[str, ...]


def lookup(text: str, when: str | date | None = None, lang: str | None = None,
           actors_file: str | None = None) -> list[Row]:
    """Rows (surface, what, name, id, wikidata, why) for every mention found in ``text``.

    ``what`` is person, title, place or demonym for what the text resolves to, and ``candidate``
    for each person a bare surname may name. Without ``lang`` the query's language is detected; a
    query too short to tell (a two-word title) is tried in every language of its script, the
    detected one first, and the first language that resolves it answers."""
    d = _parse_date(when)
    if lang is not None and lang not in LANGS:
        raise UsageError(f"unsupported --lang {lang!r} (ar, fa or en)")
    langs = [lang] if lang else query_languages(text)
    first: list[Row] = []
    for code in langs:
        rows = _lookup_in(text, d, code, actors_file)
        if any(r[3] != "-" for r in rows):
            return rows
        first = first or rows
    return first


def query_languages(text: str) -> list[str]:
    """The languages to read a query in: the detected one, then the others of the same script."""
    detected = detect_language(text)[0]
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    script = "arabic" if arabic * 2 > sum(c.isalpha() for c in text) else "latin"
    same = [c for c in LANGS if profile(c).get("script") == script]
    return ([detected] if supported(detected) else []) + [c for c in same if c != detected]


def _lookup_in(text: str, d: date | None, lang: str, actors_file: str | None) -> list[Row]:
    view = build_view(text, lang)
    lex = lexicons(lang, actors_file, None)
    as_name = [Entity(0, len(view.text), "PER", view.text)] if view.text.strip() else []
    rows: list[Row] = []
    for m in build_mentions(view, as_name, d, lex):
        row = _row(m)
        if row is not None:
            rows.append(row)
    resolved = {r[3] for r in rows}
    for actor in surname_candidates(text, lang, actors_file):
        if actor.id not in resolved:
            rows.append((text.strip(), "candidate", actor.name, actor.id, actor.wikidata or "-",
                         "has this surname; " + _offices(actor, d)))
    return rows


def _row(m: Mention) -> Row | None:
    if m.actor is not None:
        return (m.text, m.kind, m.actor.name, m.actor.id, m.actor.wikidata or "-", m.why or "name")
    if m.place is not None:
        return (m.text, m.kind, m.place.name, m.place.id, m.place.country, "gazetteer")
    if m.kind == "title":
        return (m.text, "title", "-", "-", "-", m.why or office_name(m.role, m.country, m.org))
    return None  # a person only NER would see: the dictionary does not know the name


def surname_candidates(text: str, lang: str, actors_file: str | None = None) -> list[Actor]:
    """Everyone in the dictionary whose surname (short form) the whole of ``text`` is, in
    dictionary order: "Aliyev" gives Ilham and Heydar Aliyev; an Arabic query may carry a
    proclitic ("وعلييف")."""
    db = load_actors(actors_file)
    key = fold(text)
    keys = clitic_variants(key) if profile(lang).get("proclitics") and " " not in key else [key]
    ids: list[str] = []
    for k in keys:
        ids += [i for i in db.short.get(k, ()) if i not in ids]
    return [db.by_id[i] for i in ids]


def _offices(a: Actor, d: date | None) -> str:
    """"president of AZ from 2003-10-31 (in office on 2017-03-05)"; offices joined by "; "."""
    parts = []
    for o in a.offices:
        span = f"from {o.start.isoformat() if o.start else '?'}" + (f" to {o.end.isoformat()}" if o.end else "")
        now = " (in office on " + d.isoformat() + ")" if d is not None and o.covers(d) else ""
        parts.append(f"{office_name(o.role, o.country, o.org)} {span}{now}")
    return "; ".join(parts) or "no office recorded"

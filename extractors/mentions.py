"""Mentions of people, titles, pronouns and places in one document, resolved to identities.

Sources, merged here: dictionary matches (actor full names and surnames, places and demonyms,
titles of office, pronouns and honorifics, all scanned with one trie per language) and Stanza's
PER entities for people the dictionary does not know. Titles take their country from a
neighbouring country name or demonym ("رئيس أذربيجان", "the Azeri president", "Iran's
President") and resolve to the office holder on the document date.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .actors import Actor, ActorDB, load_actors, unknown_key
from .lang import cue_forms, load_json, load_jsonl, profile
from .lexicon import Token, Trie
from .ner import Entity
from .normalize import ARABIC_DIACRITICS, clitic_variants, fold, match_keys
from .places import Gazetteer, Place, load_gazetteer
from .view import View

# At most this many filler tokens (``title_glue``) stand between a role word and its country
TITLE_GLUE_TOKENS = 4


@dataclass
class Mention:
    start: int  # view offsets
    end: int
    kind: str  # person | title | pronoun | joint | place | demonym | org | institution
    text: str
    sent: int  # index of its sentence
    actor: Actor | None = None  # the dictionary's person
    key: str = ""  # the identity of one the dictionary does not know
    resolution: str = "name"  # name | title | pronoun
    why: str = ""  # how it was resolved ("full name", "surname", a title's holder on the date)
    place: Place | None = None
    role: str | None = None  # a title's office, its country and its organisation
    country: str | None = None
    org: str | None = None
    rule: str | None = None  # the title row that matched
    title_span: tuple[int, int] | None = None  # an apposed title ("Iran's ambassador, X")
    # that title's (role, country, org) when it describes a person the dictionary does not know
    title_role: tuple[str, str | None, str | None] | None = None
    apposed_role: tuple[str, str | None] | None = None  # that title's (role, country), whoever the person
    posted_to: str | None = None  # an envoy's posting: "Iran's ambassador to Russia" -> "RU"
    # the name of the one person the article gives this title to; for a person the dictionary does
    # not know, the fuller name the article gave before a short form ("Tatar" after "Ersin Tatar")
    named: str | None = None
    group: int | None = None  # one of several office holders a plural title lists (its start)
    placeholder: bool = False  # a plural title with no list: the group, to be filled later
    phrase: tuple[int, int] | None = None  # a group member: the whole plural-title phrase
    # an institution's canonical English name ("Ministry of Foreign Affairs of Russia"); a country's
    # or a capital's country name, for when it speaks ("Moscow said": "Russia")
    label: str | None = None
    capital: bool = False  # a place that is its country's capital
    antecedent: Mention | None = None  # an institution anaphor ("the ministry"): what it refers to
    # a surname found alone after the full name (``_later_surnames``): evidence of who speaks, not of
    # who met, so the meeting and place stages do not see it
    speaker_only: bool = False

    @property
    def identity(self) -> str | None:
        if self.actor is not None:
            return self.actor.id
        return self.key or None

    @property
    def is_person(self) -> bool:
        return self.kind in ("person", "title")

    @property
    def is_party(self) -> bool:
        """May stand as a party or a speaker: people, and institutions that are not news agencies
        or unresolved references ("the ministry" with nothing before it)."""
        return self.is_person or (self.kind == "institution" and self.role not in ("agency", "anaphor"))


@dataclass(frozen=True)
class Lexicons:
    trie: Trie
    actors: ActorDB
    places: Gazetteer


@lru_cache(maxsize=16)
def lexicons(lang: str, actors_file: str | None = None, places_file: str | None = None) -> Lexicons:
    """The scanning trie of a language: actors, places, titles, pronouns and honorifics."""
    db = load_actors(actors_file)
    gaz = load_gazetteer(places_file)
    trie = Trie()
    for key, place, relation in gaz.entries(lang):
        trie.add(key, ("place" if relation == "name" else "demonym", place))
    for key, ids in db.short.items():
        for i in ids:
            trie.add(key, ("short", i))
    for key, ids in db.full.items():
        for i in ids:
            trie.add(key, ("actor", i))
    for row in load_jsonl(lang, "titles.jsonl"):
        for pat in row["patterns"]:
            for k in match_keys(pat):
                trie.add(k, ("title", row))
    pr = load_json(lang, "pronouns.json")
    for w in pr["pronouns"]:
        trie.add(fold(w), ("pronoun", w))
    for w in pr.get("joint_refs", []):
        for k in match_keys(w):
            trie.add(k, ("joint", w))
    for w in pr["honorifics"]:
        for k in match_keys(w):
            trie.add(k, ("honorific", w))
    for row in load_jsonl(lang, "institutions.jsonl"):
        for pat in row["patterns"]:
            for k in match_keys(pat):
                trie.add(k, ("institution", row))
    for row in _organisation_rows(lang):
        for pat in row["patterns"]:
            for k in match_keys(pat):
                trie.add(k, ("institution", row))
    home = profile(lang).get("home_country")
    if home:
        for w in pr.get("our_country", []):
            p = gaz.country(home)
            if p is not None:
                trie.add(fold(w), ("place", p))
    return Lexicons(trie, db, gaz)


# Offices no dictionary lists holders of: an unnamed one stays unnamed (see ``naming.unnamed_label``).
UNRESOLVED_ROLES = frozenset({"counterpart", "ambassador", "special_envoy", "representative", "officials",
                              "spokesperson"})

_PRIORITY = {"actor": 0, "title": 1, "institution": 2, "joint": 3, "place": 4, "demonym": 5, "short": 6, "pronoun": 7,
             "honorific": 8}
# An institution anaphor ("the ministry", "it", "این وزارت") refers back at most this many sentences
ANAPHOR_SENTENCES = 4


@cache
def organisations() -> dict[str, dict[str, Any]]:
    """``data/institutions/organisations.jsonl`` (derived by ``scripts/build_institutions.py``), by Wikidata id."""
    path = resources.files("extractors").joinpath("data", "institutions", "organisations.jsonl")
    text = path.read_text(encoding="utf-8")
    rows = (json.loads(line) for line in text.splitlines() if line.strip())
    return {r["id"]: r for r in rows}


@cache
def _organisation_rows(lang: str) -> tuple[dict[str, Any], ...]:
    """Institution rows for the international organisations' own names, from the fields of
    organisations.jsonl the language's profile lists (``organisation_names``: English names in
    English, Arabic names in Arabic). An abbreviation is matched case-sensitively ("WHO" is not "who")."""
    fields = profile(lang).get("organisation_names", [])
    out = []
    for qid, r in organisations().items():
        pats: list[str] = []
        for f in fields:
            v = r.get(f)
            if f == "abbreviation" and v:
                out.append({"id": f"data.org.{qid}", "kind": "organisation", "org": qid, "patterns": [v], "case": True})
            elif isinstance(v, list):
                pats.extend(v)
            elif v:
                pats.append(v)
        if pats:
            out.append({"id": f"data.org.{qid}", "kind": "organisation", "org": qid, "patterns": pats})
    return tuple(out)


def _best(payloads: Sequence[Any]) -> tuple[str, list[Any]]:
    kinds = sorted({p[0] for p in payloads}, key=lambda k: _PRIORITY[k])
    k = kinds[0]
    return k, [p[1] for p in payloads if p[0] == k]


def build_mentions(view: View, entities: Sequence[Entity], doc_date: date | None,
                   lex: Lexicons) -> list[Mention]:
    """All mentions of a document in text order, people resolved where the evidence allows."""
    lang = view.lang
    tokens = view.tokens
    matches = list(lex.trie.scan(tokens, clitics=bool(profile(lang).get("proclitics"))))
    raw: list[tuple[Any, str, list[Any]]] = []
    for m in matches:
        kind, vals = _best(m.payloads)
        if kind == "title":
            # "the Leader" is Iran's Leader, "a leader" is nobody: the title's last word is capitalised
            last_word = view.text[m.start:m.end].split()[-1:] or [""]
            vals = [r for r in vals if not r.get("cased") or last_word[0][:1].isupper()]
            if not vals:
                continue
        raw.append((m, kind, vals))

    def sent(pos: int) -> int:
        return view.sentence_of(pos)

    mentions: list[Mention] = []
    used: set[int] = set()
    pending: list[tuple[Any, Actor, str]] = []  # bare surnames nothing corroborated yet
    full_ids = {v for _, k, vals in raw if k == "actor" for v in vals}
    # surnames corroborated once (NER, honorific) count for every mention in the article
    for idx, (m, kind, vals) in enumerate(raw):
        if kind == "short":
            a = lex.actors.choose(vals, doc_date, full_ids)
            if a is not None and (any(e.type == "PER" and e.start < m.end and m.start < e.end for e in entities)
                                  or (idx > 0 and raw[idx - 1][1] == "honorific" and raw[idx - 1][0].last == m.first)):
                full_ids.add(a.id)
    for idx, (m, kind, vals) in enumerate(raw):
        if idx in used:
            continue
        text = view.text[m.start:m.end]
        if kind == "short" and _inside_longer_name(view, m, idx, raw, entities, lex.actors):
            continue  # "Kazem Jalali" is not the Jalali of the dictionary: NER keeps the whole name
        if kind in ("actor", "short"):
            actor = lex.actors.choose(vals, doc_date, full_ids)
            uncorroborated = None
            if kind == "short" and actor is not None and not (
                    actor.id in full_ids or any(e.type == "PER" and e.start < m.end and m.start < e.end
                                                for e in entities)
                    or (idx > 0 and raw[idx - 1][1] == "honorific" and raw[idx - 1][0].last == m.first)):
                # a bare surname that is also a word (الخميس, آنان): only when the article names the
                # person in full, NER sees a person there, or an honorific stands before it
                actor, uncorroborated = None, actor
            if kind == "short" and actor is None:
                if uncorroborated is not None:
                    pending.append((m, uncorroborated, text))
                continue  # leave it to NER: a lone surname-like word is no evidence of a person
            mentions.append(Mention(m.start, m.end, "person", text, sent(m.start), actor=actor,
                                    key=unknown_key(text) if actor is None else actor.id,
                                    why="full name" if kind == "actor" else "surname"))
        elif kind in ("place", "demonym"):
            pl = vals[0]
            home = lex.places.country(pl.country)
            cap = lex.places.capital(pl.country)
            mentions.append(Mention(m.start, m.end, kind, text, sent(m.start), place=pl, country=pl.country,
                                    label=home.name if home is not None else None,
                                    capital=cap is not None and cap.id == pl.id))
        elif kind == "pronoun":
            mentions.append(Mention(m.start, m.end, "pronoun", text, sent(m.start), resolution="pronoun"))
        elif kind == "joint":
            mentions.append(Mention(m.start, m.end, "joint", text, sent(m.start), resolution="pronoun"))
        elif kind == "institution":
            mi = _institution(view, m, idx, raw, vals, lex.places, sent)
            if mi is not None:
                mentions.append(mi)
        elif kind == "title" and vals[0].get("group"):
            mentions.extend(_group(view, idx, raw, used, vals[0], sent))
        elif kind == "title":
            row = vals[0]
            mt = Mention(m.start, m.end, "title", text, sent(m.start), role=row["role"],
                         country=row.get("country"), org=row.get("org"), resolution="title", rule=row["id"])
            if mt.country is None:
                _title_country(mt, idx, raw, tokens, used, view)
            mentions.append(mt)
    # a country consumed by a title before it ("U.S. Secretary of State") is part of the title
    titles = sorted((t.start, t.end) for t in mentions if t.kind == "title")
    starts = [a for a, _ in titles]

    def in_title(x: Mention) -> bool:
        k = bisect.bisect_right(starts, x.start) - 1
        return k >= 0 and x.end <= titles[k][1]

    mentions = [x for x in mentions if not (x.kind in ("place", "demonym") and in_title(x))]
    mentions.extend(_surnames_of_office_holders(pending, mentions, view, sent))
    _add_ner_people(mentions, entities, view, sent)
    _add_ner_orgs(mentions, entities, view, sent)
    _later_surnames(mentions, view)
    mentions.sort(key=lambda x: (x.start, -x.end))
    _postings(mentions, view)
    _untagged_holders(mentions, view, sent)
    _addressed_names(mentions, view, sent)
    _apposition(mentions, view)
    _short_forms_of_named(mentions, view)
    _resolve_titles(mentions, lex.actors, doc_date)
    _corefer_unknowns(mentions, view.lang)
    _drop_unsupported_single_words(mentions, view)
    _institution_anaphora(mentions)
    _titles_of_named_people(mentions)
    _resolve_counterparts(mentions, lex.actors, doc_date)
    return mentions


def _surnames_of_office_holders(pending: Sequence[tuple[Any, Actor, str]], mentions: Sequence[Mention],
                                view: View, sent) -> list[Mention]:
    """A bare surname whose one bearer held an office the article names by its title, with its country
    or organisation ("Iran's foreign minister ... Zarif said"): the title and the surname vouch for
    each other, with or without a date. A surname that is a function or closed-class word of the
    language ("بأن", "that") or that stands behind the definite article ("الخميس" is a weekday, not
    Khamis) is a word, whatever the article's titles."""
    offices = {(t.role, t.country, t.org) for t in mentions
               if t.kind == "title" and t.role and (t.country or t.org)}
    if not offices:
        return []
    lang = view.lang
    words = _surname_stop_words(lang)
    articles = tuple(profile(lang).get("construct_articles", []))
    out = []
    for m, actor, text in pending:
        if _plain(text) in words or fold(text) in _closed_words(lang):
            continue
        if articles and _glued_prefix(view, m.start).endswith(articles):
            continue
        if any(actor.holds(role, country, org, None) for role, country, org in offices):
            out.append(Mention(m.start, m.end, "person", text, sent(m.start), actor=actor, key=actor.id,
                               why="surname of a holder of an office the text names"))
    return out


@cache
def _surname_stop_words(lang: str) -> frozenset[str]:
    """The words a bare surname never is, as written (``_plain``): function words and the closed
    classes. Built once per language: rebuilding it for every article that names an office («وزير
    الخارجية الإيراني») cost a tenth of the rules' time on the Arabic news."""
    return _function_words(lang) | {_plain(w) for w in _closed_words(lang)}


def _glued_prefix(view: View, pos: int) -> str:
    """The letters glued before a position in its word: "وب" of "وبظريف", "وال" of "والخميس"."""
    a = pos
    while a > 0 and view.text[a - 1].isalpha():
        a -= 1
    return view.text[a:pos]


def _group(view: View, idx: int, raw, used: set[int], row: dict, sent) -> list[Mention]:
    """A plural title and the countries listed after it: "سفیران جدید کشورهای عراق، بنین و
    سریلانکا", "the ambassadors of Iraq, Benin and Sri Lanka", "روسای جمهور آذربایجان، روندا" give one
    office holder per country, all of one group (``group``), each spanning its country's
    name and remembering the whole phrase (``phrase``). "سفرای کشورهای مختلف", "ambassadors
    of several countries": no list, one placeholder for the group, which a later sentence may fill
    ("در این نشست نمایندگان امریکا، بریتانیا … اشتراک داشتند"). A bare plural title is nobody."""
    m = raw[idx][0]
    tokens = view.tokens
    glue = {fold(w) for w in row.get("glue", [])}
    countries_words = {fold(w) for w in row.get("countries_words", [])}
    k = m.last
    saw_countries = False
    while k < len(tokens) and tokens[k].text in glue and not any(
            c in view.text[tokens[k - 1].end:tokens[k].start] for c in ".،,؛;:\n"):
        saw_countries = saw_countries or tokens[k].text in countries_words
        k += 1
    # the countries listed: names after the title; with "demonyms" (after/before) also the adjectives
    # of a plural counterpart noun ("همتایان مصری و عراقی", "his Saudi and Omani counterparts")
    side = row.get("demonyms")
    kinds = ("place", "demonym") if side == "after" else ("place",)
    members: list[tuple[int, Any]] = []
    j = idx + 1
    while j < len(raw):
        n, kind, vals = raw[j]
        if kind not in kinds or vals[0].kind != "country" or (not members and n.first != k):
            break
        members.append((j, n))
        if j + 1 >= len(raw):
            break
        if not _listed(view, n.end, raw[j + 1][0].start):
            break
        j += 1
    start = m.start
    if side == "before" and not members:
        # "his Saudi, Omani and Egyptian counterparts": the demonyms run back from the title
        j = idx - 1
        nxt = m.start
        while j >= 0 and raw[j][1] == "demonym" and raw[j][2][0].kind == "country" \
                and _listed(view, raw[j][0].end, nxt):
            members.insert(0, (j, raw[j][0]))
            nxt = raw[j][0].start
            j -= 1
        start = members[0][1].start if members else m.start
    end = max(m.end, members[-1][1].end) if members else (tokens[k - 1].end if k > m.last else m.end)
    phrase = view.text[start:end]
    common = {"role": row["role"], "org": row.get("org"), "resolution": "title", "rule": row["id"]}
    if not members:
        if not saw_countries:
            return []
        return [Mention(m.start, end, "title", phrase, sent(m.start), **common,
                        group=m.start, placeholder=True)]
    out = []
    for j, n in members:
        used.add(j)
        out.append(Mention(n.start, n.end, "title", phrase, sent(n.start), country=raw[j][2][0].country, **common,
                           group=start, phrase=(start, end)))
    return out


def _listed(view: View, a: int, b: int) -> bool:
    """Only a comma or the language's list glue ("and", "و") between two items of a list."""
    gap = view.text[a:b].strip(" \u200c،,").strip()
    return gap == "" or gap in profile(view.lang)["list_glue"]


def _inside_longer_name(view: View, m, idx: int, raw, entities: Sequence[Entity], db: ActorDB) -> bool:
    """A dictionary surname that NER sees inside a longer name whose other words are no title,
    honorific or place ("Kazem Jalali", "سعید خطیب‌زاده"): another person's name. Another
    dictionary surname beside it is no excuse: "سعيد" and "خطيب" are each someone's surname, but
    "سعيد خطيب" is neither of them — unless one person's full name holds the whole span
    ("إسماعيل ولد الشيخ" inside "Ismail Ould Cheikh Ahmed"), and then that person is the one meant."""
    for e in entities:
        if e.type != "PER" or not (e.start <= m.start and m.end <= e.end) or (e.start, e.end) == (m.start, m.end):
            continue
        rest = view.text[e.start:m.start] + " " + view.text[m.end:e.end]
        others: list[str] = []
        for r in raw[max(0, idx - 4):idx + 5]:
            if r[0] is not m and e.start <= r[0].start and r[0].end <= e.end:
                if r[1] in ("short", "actor"):
                    others.extend(r[2])
                    continue
                rest = rest.replace(view.text[r[0].start:r[0].end], " ")
        # an office or courtesy word beside the surname is how the article names its holder
        # ("Secretary Blinken", "Senator Coons"), not another person's given name
        if not any(sum(c.isalpha() for c in w) > 1 and all(c.isalpha() or c == "\u200c" for c in w)
                   and fold(w) not in _office_words(view.lang) for w in rest.split()):
            return False
        whole = _span_actor(view.text[e.start:e.end], [*raw[idx][2], *others], db, view.lang)
        return whole is None or whole not in raw[idx][2]
    return False


def _span_actor(text: str, ids: Sequence[str], db: ActorDB, lang: str) -> str | None:
    """The one person among ``ids`` whose full name holds all the name words of ``text``."""
    words = [w for w in fold(text).split() if w not in honorific_words(lang)]
    if not words:
        return None
    want = f" {' '.join(words)} "
    hits = {i for i in ids if i in db.by_id and any(want in f" {fold(a)} " for a in db.by_id[i].aliases)}
    return next(iter(hits)) if len(hits) == 1 else None


@cache
def _title_glue(lang: str) -> frozenset[str]:
    """Filler tokens between a role word and its country ("President of the Republic of
    Azerbaijan", "رئيس جمهورية أذربيجان", "Iran's President" folds to "iran s president"), and the
    words of an office's tenure ("Chile's newly appointed envoy": the envoy is still Chile's)."""
    tenure = profile(lang).get("title_tenure", {}).get("words", [])
    return frozenset(fold(w) for w in (*profile(lang)["title_glue"], *tenure))


def _gap_ok(tokens: list[Token], a: int, b: int, glue: frozenset[str]) -> bool:
    return b - a <= TITLE_GLUE_TOKENS and all(tokens[k].text in glue for k in range(a, b))


def _title_country(mt: Mention, idx: int, raw, tokens: list[Token], used: set[int], view: View) -> None:
    """Give a role title its country from a neighbouring country name or demonym."""
    m = raw[idx][0]
    for j in (idx + 1, idx - 1):
        if not 0 <= j < len(raw) or j in used:
            continue
        n, kind, vals = raw[j]
        if kind not in ("place", "demonym") or vals[0].kind != "country" and kind == "place":
            continue
        after = j > idx
        glue = _title_glue(view.lang)
        if (after and _gap_ok(tokens, m.last, n.first, glue)) or (not after and _gap_ok(tokens, n.last, m.first, glue)):
            mt.country = vals[0].country
            used.add(j)
            mt.start, mt.end = min(mt.start, n.start), max(mt.end, n.end)
            mt.text = view.text[mt.start:mt.end]
            return


def _institution(view: View, m, idx: int, raw, rows: list[dict], places: Gazetteer, sent) -> Mention | None:
    """An institution mention with its country and canonical name: a ministry, office or government
    takes the country of a neighbouring country name or demonym ("the Iraqi Foreign Ministry",
    "وزارة الخارجية الروسية", "وزارت خارجه ازبیکستان"), without consuming it; a seat or an
    organisation has its own. None where the words are no institution: a head that needs a country
    and has none ("the government" alone), an adjective after a definite noun ("السياسة الخارجية"),
    an abbreviation not written in capitals ("who"), or an expletive ("it is worth noting")."""
    text = view.text[m.start:m.end]
    row = rows[0]
    if row.get("case") and text not in row["patterns"]:
        return None
    if m.first > 0 and row.get("not_after_prefix"):
        prev = view.tokens[m.first - 1].text
        if any(prev.startswith(fold(p)) for p in row["not_after_prefix"]):
            return None
    if m.last < len(view.tokens) and view.tokens[m.last].text in {fold(w) for w in row.get("not_before", ())}:
        return None
    mi = Mention(m.start, m.end, "institution", text, sent(m.start), role=row["kind"], country=row.get("country"),
                 org=row.get("org"), rule=row["id"], resolution="name", why="institution")
    if mi.country is None and row["kind"] not in ("organisation", "anaphor"):
        glue = _title_glue(view.lang)
        for j in (idx + 1, idx - 1):
            if not 0 <= j < len(raw):
                continue
            n, kind, vals = raw[j]
            if kind not in ("place", "demonym") or (kind == "place" and vals[0].kind != "country"):
                continue
            if (j > idx and _gap_ok(view.tokens, m.last, n.first, glue)) or (
                    j < idx and _gap_ok(view.tokens, n.last, m.first, glue)):
                mi.country = vals[0].country
                mi.start, mi.end = min(mi.start, n.start), max(mi.end, n.end)
                mi.text = view.text[mi.start:mi.end]
                break
    if row.get("needs_country") and mi.country is None:
        return None
    country = places.country(mi.country) if mi.country else None
    if row["kind"] == "side":
        mi.label = country.name if country is not None else None
    elif row.get("org"):
        org = organisations().get(row["org"])
        mi.label = org["name"] if org is not None else None
    elif row.get("label"):
        mi.label = row["label"] if row.get("country") or country is None else f"{row['label']} of {country.name}"
        if country is None:
            mi.label = None  # a ministry of no stated country keeps its words ("the Ministry of Foreign Affairs")
    mi.key = "inst:" + fold(mi.label or mi.text)
    return mi


def _institution_anaphora(mentions: list[Mention]) -> None:
    """Give each institution anaphor ("the ministry", "it", "الوزارة", "این وزارت") the nearest
    institution before it, of a kind the anaphor may refer to, at most ``ANAPHOR_SENTENCES`` back from
    the body's name or from the last reference to it; drop the anaphors that find none."""
    refers = {}
    for m in mentions:
        if m.kind == "institution" and m.role == "anaphor":
            refers[id(m)] = anaphor_kinds(m.rule or "")
    keep = []
    last: list[Mention] = []
    for m in mentions:
        if m.kind != "institution":
            keep.append(m)
            continue
        if m.role != "anaphor":
            if m.role != "agency":
                last.append(m)
            keep.append(m)
            continue
        kinds = refers[id(m)]
        ante = next((a for a in reversed(last) if m.sent - a.sent <= ANAPHOR_SENTENCES
                     and (not kinds or (a.antecedent or a).role in kinds)), None)
        if ante is not None:
            m.antecedent = ante.antecedent or ante
            m.label, m.country, m.org, m.key = ante.label, ante.country, ante.org, ante.key
            m.resolution, m.why = "pronoun", "refers back"
            keep.append(m)
            # a chain of references keeps the body in view: "the ministry … the statement … the
            # ministry said" reaches back from each reference, not only from the body's own name
            last.append(m)
    mentions[:] = keep


@cache
def _anaphor_rows() -> dict[str, tuple[str, ...]]:
    from .lang import LANGS

    return {r["id"]: tuple(r.get("refers", ())) for lang in LANGS for r in load_jsonl(lang, "institutions.jsonl")
            if r["kind"] == "anaphor"}


def anaphor_kinds(rule: str) -> tuple[str, ...]:
    """The institution kinds an anaphor row may refer to; empty for any ("it", "the statement")."""
    return _anaphor_rows().get(rule, ())


def _add_ner_people(mentions: list[Mention], entities: Sequence[Entity], view: View, sent) -> None:
    # a region's name inside a longer name NER tags as a person is part of that name: "Ahmad Wardak"
    # (Wardak, an Afghan province), "Farah Ali"; a city or country keeps its span, as before
    pers = [(e.start, e.end) for e in entities if e.type == "PER"]
    mentions[:] = [m for m in mentions if not (
        m.kind == "place" and m.place is not None and m.place.kind == "region"
        and any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in pers))]
    taken = [(m.start, m.end) for m in mentions if m.kind in ("person", "title", "place", "demonym", "institution")]
    orgs = [(e.start, e.end) for e in entities if e.type == "ORG"]
    # titles inside an organisation's name ("the office of the Leader") are not people
    mentions[:] = [m for m in mentions if not (m.kind == "title" and any(
        s <= m.start and m.end <= e and (e - s) > (m.end - m.start) for s, e in orgs))]
    titles = [(m.start, m.end) for m in mentions if m.kind == "title"]
    blocked = taken + [(e.start, e.end) for e in entities if e.type != "PER"]
    countries = [(m.start, m.end) for m in mentions if m.kind in ("place", "demonym")
                 and m.place is not None and m.place.kind == "country"]
    # whether a taken span overlaps [a, b): one of those starting before b ends after a. The spans
    # by start, with the furthest end among each prefix, answer it by one binary search instead of
    # a pass over every mention for every name NER gave
    taken_sorted = sorted(taken)
    taken_starts = [s for s, _ in taken_sorted]
    reach = list(itertools.accumulate((t for _, t in taken_sorted), max))

    def overlaps_taken(a: int, b: int) -> bool:
        k = bisect.bisect_left(taken_starts, b)
        return k > 0 and reach[k - 1] > a

    for e, rule in complete_names(view, pers, blocked, countries):
        start = e.start
        # "Russian President Vladimir Putin" tagged whole: the name is what follows the title
        for ts, te in titles:
            if ts <= start < te < e.end:
                start = te
        while start < e.end and not view.text[start].isalnum():
            start += 1
        start = _past_compound_title(view, start, e.end)
        if start >= e.end or overlaps_taken(start, e.end):
            continue
        for s0, e0 in _name_spans(view, start, e.end):
            s0, text = _strip_clitic(view, s0, e0)
            words = fold(text).split()
            if len(fold(text)) < 3 or any(v in _not_person_words(view.lang) for w in words for v in clitic_variants(w)):
                continue
            if len(words) == 1 and words[0] in _rule_words(view.lang):
                continue  # "أعرب", "گفت" read as a name: a reporting or meeting word is no one
            if all(w in description_words(view.lang) for w in words):
                continue  # "Chairperson", "Head of State", "مساعد أمين": an office or a courtesy is no name
            if not _name_shaped(view, s0, e0) or _prepositional(view, s0, e0):
                continue
            mentions.append(Mention(s0, e0, "person", text, sent(s0), key=unknown_key(text), why="NER",
                                    rule=f"{view.lang}.name.{rule}" if rule else None))


HYPHENS = "-\u2010\u2011"
# Marks inside one name word: "Sei-young", "Tupouto'a"
WORD_JOINERS = HYPHENS + "'\u2019"


@dataclass(frozen=True)
class Span:
    """A person span NER gave, as the name rules completed it."""

    start: int
    end: int


def complete_names(view: View, spans: Sequence[tuple[int, int]], blocked: Sequence[tuple[int, int]],
                   countries: Sequence[tuple[int, int]] = ()) -> list[tuple[Span, str | None]]:
    """The person spans of NER with the parts of the same name it cut off, each with the name rule
    that changed it (None when none did). NER cuts long names where a word is rare or a particle
    stands inside: "Mohamed Salem | Ahmed Al Rashdi", "Lee Nak|-yeon", "Mohammed | Ibn Chambas",
    «مطلب بن عبدالله | النفيسة». In order:

    - ``join``: two spans with only spaces or name particles (``name_particles``: bin, ibn, Al, بن,
      آل) between them are one name;
    - ``word``: a span that ends inside a word joined by a hyphen or an apostrophe ends with the word;
    - ``particle``: a span that begins with a name particle begins one name word earlier (the given
      name: "Ali | bin Hamad");
    - ``list``: where the script has no case, a name in a list of people by country («فنزويلا A B،
      الأرجنتين C D») or of names («A B وC D») runs from the country or the name before it to the
      next list mark: one word NER left out between them is part of it, when it is no closed-class
      word (function, office, reporting, institution, date words). With case, capitals already told
      NER where the name is.

    ``blocked``: the spans of other mentions (titles, places, known people, organisations), which no
    name grows into; ``countries``: the spans of country names and demonyms."""
    text = view.text
    parts = _name_particles(view.lang)
    spans = sorted(spans)
    out: list[list] = []
    for a, b in spans:
        if out and out[-1][1] <= a and _joins(text[out[-1][1]:a], parts) \
                and not _blocked(out[-1][0], b, blocked) and not _glued_conjunction(view, a):
            out[-1][1] = b
            out[-1][2] = "join"
            continue
        out.append([a, b, None])
    others = [(a, b) for a, b, _ in out]
    res: list[tuple[Span, str | None]] = []
    for a, b, rule in out:
        nb = _word_end(text, b)
        if nb != b and not _blocked(b, nb, blocked):
            b, rule = nb, rule or "word"
        words = _WORD.findall(text[a:b])
        if words and fold(words[0]) in parts:
            prev = _adjacent_word(view, a, before=True)
            if prev is not None and _name_word(view, *prev, blocked) and _cased_ok(view, *prev):
                a, rule = prev[0], rule or "particle"
        if profile(view.lang).get("script") != "latin":
            a, b, rule = _list_item(view, a, b, rule, blocked, countries, [(s, e) for s, e in others if e <= a])
        res.append((Span(a, b), rule))
    return res


def _glued_conjunction(view: View, a: int) -> bool:
    """The word at ``a`` begins with a one-letter conjunction of the list glue, glued to it where the
    language writes proclitics («ووفد», and a delegation): it begins another conjunct."""
    if not profile(view.lang).get("proclitics"):
        return False
    word = _WORD.match(view.text, a)
    w = word.group() if word else ""
    return any(len(g) == 1 and w.startswith(g) and len(w) > len(g) + 1 for g in profile(view.lang)["list_glue"])


def _joins(gap: str, parts: frozenset[str]) -> bool:
    """Only spaces and name particles between two spans, on one line."""
    return "\n" not in gap and all(fold(w) in parts for w in gap.split()) and all(
        c.isspace() or c.isalpha() for c in gap)


def _blocked(a: int, b: int, blocked: Sequence[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in blocked)


def _word_end(text: str, b: int) -> int:
    """Where the word a span ends inside ends: "Cho Sei|-young" -> after "young"; an English
    possessive ("Abe's") is no part of the name."""
    while b + 1 < len(text) and text[b] in WORD_JOINERS and text[b + 1].isalpha():
        k = b + 1
        while k < len(text) and text[k].isalpha():
            k += 1
        if text[b] in "'\u2019" and text[b + 1:k].lower() == "s":
            break
        b = k
    return b


def _adjacent_word(view: View, pos: int, before: bool) -> tuple[int, int] | None:
    """The word right before ``pos`` (or right after it) with only spaces between, on one line."""
    text = view.text
    if before:
        k = pos
        while k > 0 and text[k - 1] == " ":
            k -= 1
        e = k
        while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "\u200c"):
            k -= 1
        ok = k < e and (k == 0 or text[k - 1].isspace())
        return (k, e) if ok else None
    k = pos
    while k < len(text) and text[k] == " ":
        k += 1
    s = k
    while k < len(text) and (text[k].isalpha() or text[k] == "\u200c"):
        k += 1
    ok = s < k and (k == len(text) or not text[k].isalnum()) and s > pos
    return (s, k) if ok else None


def _name_word(view: View, a: int, b: int, blocked: Sequence[tuple[int, int]]) -> bool:
    """A word that may be part of a name: letters only, no mention of its own, and in no closed
    class of the language (function, office and courtesy, reporting and meeting, institution and
    date words)."""
    w = view.text[a:b]
    if sum(c.isalpha() for c in w) < 2 or _blocked(a, b, blocked) or _not_name_word(view, a, b):
        return False
    return not any(v in _closed_words(view.lang) for v in clitic_variants(fold(w)))


def _cased_ok(view: View, a: int, b: int) -> bool:
    """Where the script has case, a name word is capitalised."""
    return profile(view.lang).get("script") != "latin" or view.text[a:a + 1].isupper()


def _list_item(view: View, a: int, b: int, rule: str | None, blocked: Sequence[tuple[int, int]],
               countries: Sequence[tuple[int, int]], people: Sequence[tuple[int, int]]) -> tuple[int, int, str | None]:
    """Widen a name that is an item of a list by one word on either side (see ``complete_names``,
    ``list``): the item begins right after a country that begins an item itself («، كوبا A B»), or
    after the name before it with the conjunction glued to its first word («A B وC D»), and ends at
    a list mark."""
    text = view.text

    def anchored(pos: int, spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
        k = pos
        while k > 0 and text[k - 1] == " ":
            k -= 1
        return next(((s, e) for s, e in spans if e == k), None)

    def country_item(pos: int) -> bool:
        c = anchored(pos, countries)
        return c is not None and _item_starts(view, c[0])
    prev = _adjacent_word(view, a, before=True)
    if prev is not None and _item_ends(view, b) and not anchored(a, [*countries, *people]):
        s0, _ = _strip_clitic(view, *prev)
        if (country_item(prev[0]) or (s0 != prev[0] and anchored(prev[0], people))) \
                and _name_word(view, s0, prev[1], blocked):
            a, rule = s0, rule or "list"
    nxt = _adjacent_word(view, b, before=False)
    if nxt is not None and country_item(a) and _item_ends(view, nxt[1]) and _name_word(view, *nxt, blocked) \
            and _strip_clitic(view, *nxt)[0] == nxt[0]:
        b, rule = nxt[1], rule or "list"
    return a, b, rule


# Marks that end an item of a list, or begin one
_LIST_MARKS = "،,؛;:.\n"


def _item_starts(view: View, pos: int) -> bool:
    """A list item begins at ``pos``: after a list mark, the list glue, or at the text's start."""
    k = pos
    while k > 0 and view.text[k - 1] == " ":
        k -= 1
    if k == 0 or view.text[k - 1] in _LIST_MARKS:
        return True
    prev = _adjacent_word(view, pos, before=True)
    return prev is not None and view.text[prev[0]:prev[1]] in profile(view.lang)["list_glue"]


def _item_ends(view: View, pos: int) -> bool:
    """A list item ends at ``pos``: before a list mark, the list glue, a word with a conjunction
    glued to it, or the text's end."""
    text = view.text
    k = pos
    while k < len(text) and text[k] == " ":
        k += 1
    if k == len(text) or text[k] in _LIST_MARKS:
        return True
    nxt = _adjacent_word(view, pos, before=False)
    return nxt is not None and (text[nxt[0]:nxt[1]] in profile(view.lang)["list_glue"]
                                or _strip_clitic(view, *nxt)[0] != nxt[0])


@cache
def _name_particles(lang: str) -> frozenset[str]:
    """Particles inside Arabic-style names ("bin", "Al", "بن", "آل"), folded (pronouns.json)."""
    return frozenset(fold(w) for w in load_json(lang, "pronouns.json").get("name_particles", []))


@cache
def _closed_words(lang: str) -> frozenset[str]:
    """Closed-class words no name is made of, folded: office and courtesy words, institution heads,
    circumstance words, weekdays, months and words for days ("اليوم", "امروز")."""
    dates = load_json(lang, "dates.json")
    words = {fold(w) for w in dates.get("weekdays", {})}
    words |= {fold(w) for cal in dates.get("months", {}).values() for w in cal}
    words |= {w for k in dates.get("relative", {}) for w in fold(k).split()}
    words |= {fold(w) for w in profile(lang).get("circumstance_words", []) if " " not in w}
    return frozenset(words | _office_words(lang) | _not_person_words(lang))


def _past_compound_title(view: View, start: int, end: int) -> int:
    """Where a name begins when NER starts it inside a hyphenated title: "Assistant
    Secretary-General Jane Roe" tagged from "General" is "Jane Roe" (the word before the hyphen
    is an office word, so the word after it is the rest of the title, not a name). "al-Sudani"
    keeps its start: "al" is no office word."""
    if start < 2 or view.text[start - 1] not in HYPHENS or not view.text[start - 2].isalpha():
        return start
    head = view.text.rfind(" ", 0, start - 1) + 1
    if fold(view.text[head:start - 1]) not in _office_words(view.lang):
        return start
    nxt = view.text.find(" ", start, end)
    if nxt < 0:
        return end
    while nxt < end and not view.text[nxt].isalnum():
        nxt += 1
    return nxt


# A word Latin-script names may carry in lower case between capitalised words ("Lula da Silva",
# "Mohammed bin Salman"); longer lower-case words are not part of a name ("narendramodi").
LOWER_PARTICLE_LETTERS = 3
# A line is a headline when it has at least this many words and this share of them capitalised
HEADLINE_MIN_WORDS = 3
HEADLINE_CAPITALISED = 0.8
# What may stand between a name and its title in apposition
APPOSITION_MARKS = "،,"
# A verb stem left after an agreement suffix is cut has at least this many letters ("أجري" of "أجريا")
MIN_VERB_STEM_LETTERS = 3
# Name words that must stay behind an honorific for it to be trimmed ("Dr. Abiy Ahmed" -> "Abiy Ahmed")
MIN_WORDS_AFTER_HONORIFIC = 2
_WORD = re.compile(r"[^\s]+")


def _name_spans(view: View, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a span Stanza calls a person that can be a name: never across a line break
    (a timestamp line and the verb opening the next: "… GMT\nنفى"), and without the reporting
    or meeting words, function words, honorifics or punctuation at either end ("وأكد X" -> "X",
    "استقبل X" -> "X", "X گفت" -> "X", "Dr. X" -> "X")."""
    out = []
    pos = start
    for line in view.text[start:end].split("\n"):
        toks = [(pos + mt.start(), pos + mt.end()) for mt in _WORD.finditer(line)]
        pos += len(line) + 1
        # an honorific goes only where two name words stay: "Sheikh Mohammed" alone is how the
        # article names him, and "Mohammed" alone would be any Mohammed
        while toks and _not_name_word(view, *toks[0], honorific=len(toks) > MIN_WORDS_AFTER_HONORIFIC):
            toks.pop(0)
        while toks and _not_name_word(view, *toks[-1], honorific=False):
            toks.pop()
        if toks:
            a, b = toks[0][0], toks[-1][1]
            while a < b and not view.text[a].isalnum():
                a += 1
            while b > a and not view.text[b - 1].isalnum():
                b -= 1
            if a < b:
                out.append((a, b))
    return out


def _not_name_word(view: View, a: int, b: int, honorific: bool = True) -> bool:
    """A word no name begins or ends with: a reporting or meeting word or a function word, alone
    or behind a proclitic ("وأكد", "استقبل", "said"), an honorific ("Dr.", "الدكتور"), punctuation."""
    w = fold(view.text[a:b])
    if not w:
        return True
    words = w.split()
    if len(words) != 1:
        return False
    lang = view.lang
    if _plain(view.text[a:b]) in _function_words(lang):
        return True
    closed = _rule_words(lang) | honorific_words(lang) if honorific else _rule_words(lang)
    variants = clitic_variants(w) if profile(lang).get("proclitics") else [w]
    # a verb agrees with its subject by a suffix ("أجريا", they both held; "أكدت", she stressed):
    # the word is still the reporting or meeting verb
    stems = [v[:-len(x)] for v in variants for x in profile(lang).get("verb_suffixes", [])
             if v.endswith(x) and len(v) - len(x) >= MIN_VERB_STEM_LETTERS]
    return any(v in closed for v in (*variants, *stems))


def _plain(w: str) -> str:
    """A word without diacritics, tatweel, punctuation or case but with its letters as written:
    the function word على and the name علي, which ``fold`` makes one, stay apart."""
    return "".join(c for c in w if c.isalnum() and not ARABIC_DIACRITICS.match(c)).lower()


@cache
def _function_words(lang: str) -> frozenset[str]:
    """Function words, prepositions, complementizers and detached clitic pronouns of a language's
    profile, as written."""
    prof = profile(lang)
    ws = [*prof.get("function_words", []), *prof.get("prepositions", []), *prof.get("complementizers", []),
          *prof.get("clitic_pronouns", [])]
    return frozenset(_plain(w) for w in ws if len(w.split()) == 1)


def _name_shaped(view: View, start: int, end: int) -> bool:
    """Shape checks where the script has case: every word capitalised but short particles, no
    handle or glued words ("@Name", "narendramodi", "FirstLast"), and a name in a headline line
    (all capitals or title case, where capitals are no evidence) must recur in the body."""
    text = view.text[start:end]
    if "@" in text or "#" in text:
        return False
    if profile(view.lang).get("script") != "latin":
        return True
    words = text.split()
    for k, w in enumerate(words):
        letters = [c for c in w if c.isalpha()]
        if not letters:
            continue
        # "al-Sudani", "d'Estaing": a lower-case particle glued to a capitalised part is capitalised
        capitalised = any(part[:1].isupper() for part in re.split(r"[-'’]", w))
        if not capitalised and (k in (0, len(words) - 1) or len(letters) > LOWER_PARTICLE_LETTERS):
            return False
        if any(x.islower() and y.isupper() for x, y in zip(w, w[1:], strict=False)) and not _prefix_cased(w):
            return False
    ls = view.text.rfind("\n", 0, start) + 1
    le = view.text.find("\n", end)
    le = len(view.text) if le < 0 else le
    line = view.text[ls:le].split()
    caps = [w for w in line if w[:1].isupper()]
    # a headline ends without a full stop; a sentence listing names and countries does not
    ends_sentence = bool(line) and line[-1][-1:] in ".!?\"”"
    if len(line) >= HEADLINE_MIN_WORDS and len(caps) >= HEADLINE_CAPITALISED * len(line) and not ends_sentence:
        elsewhere = view.text[:ls] + "\n" + view.text[le:]
        return re.search(r"\b" + re.escape(text) + r"\b", elsewhere) is not None
    return True


def _prefix_cased(w: str) -> bool:
    """Surnames with a capitalised prefix: "McGurk", "MacArthur", "DeSantis", "O'Brien"."""
    return re.fullmatch(r"(Mc|Mac|De|Di|La|Le|Van|Von|O')[A-Z][a-z'’-]+", w) is not None


@cache
def honorific_words(lang: str) -> frozenset[str]:
    """Honorific words of the language (pronouns.json), folded: "Sheikh", "الدكتور", "آیت‌الله"."""
    return frozenset(w for h in load_json(lang, "pronouns.json")["honorifics"] for w in fold(h).split())

@cache
def description_words(lang: str) -> frozenset[str]:
    """Words that describe a person before the name: office and courtesy words and the language's
    function words ("the"), folded. (Nationalities and places are mentions of their own.)"""
    return _office_words(lang) | _folded_function_words(lang)


@cache
def _folded_function_words(lang: str) -> frozenset[str]:
    """``_function_words`` folded, as the words of a folded phrase are compared ("the", «في»)."""
    return frozenset(fold(w) for w in _function_words(lang))


@cache
def _office_words(lang: str) -> frozenset[str]:
    """The words of the language's titles of office and honorifics, folded, less function words:
    a span NER calls a person that is made of them only names no one."""
    words = {w for row in load_jsonl(lang, "titles.jsonl") for p in row["patterns"] for w in fold(p).split()}
    words |= honorific_words(lang)
    words |= {w for p in load_json(lang, "pronouns.json").get("office_nouns", []) for w in fold(p).split()}
    return frozenset(words - {fold(f) for f in _function_words(lang)})


@cache
def _rule_words(lang: str) -> frozenset[str]:
    """One-word reporting cues and meeting triggers of a language, folded, and the first word of a
    longer trigger (the light verb of "أجرى مباحثات", "held talks") unless it is a function word."""
    pats = [p for p, _ in cue_forms(lang)]
    triggers = [p for row in load_json(lang, "meetings.json")["triggers"] for p in row["patterns"]]
    pats += triggers
    pats += [p.split()[0] for p in triggers if " " in p and _plain(p.split()[0]) not in _function_words(lang)]
    return frozenset(k for p in pats for k in match_keys(p) if " " not in k)


@cache
def _not_person_words(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in load_json(lang, "pronouns.json").get("not_person_words", []))


def _add_ner_orgs(mentions: list[Mention], entities: Sequence[Entity], view: View, sent) -> None:
    """Organisations Stanza found: speakers of last resort ("The European Central Bank said"). A
    span that names an office held by one person (``_office_phrase``: "the Principal Secretary") is
    no body: it is the person the article gave that office before ("Principal Secretary Jane Roe
    said …; the Principal Secretary added"), or no one."""
    taken = [(m.start, m.end) for m in mentions]
    for e in entities:
        if e.type == "ORG" and not any(s < e.end and e.start < t for s, t in taken) \
                and not _prepositional(view, e.start, e.end):
            text = view.text[e.start:e.end]
            if _office_phrase(view.lang, text):
                holder = _office_holder_before(mentions, view, e.start, text)
                if holder is not None:
                    mentions.append(Mention(e.start, e.end, "person", text, sent(e.start), actor=holder.actor,
                                            key=holder.key, resolution="title", named=holder.named or holder.text,
                                            why=f"the office given to {holder.text} before"))
                continue
            mentions.append(Mention(e.start, e.end, "org", text, sent(e.start), key=unknown_key(text), why="NER"))


@cache
def _person_office_words(lang: str) -> frozenset[str]:
    """Nouns of an office one person holds (``office_nouns``: head, deputy, spokesman, مساعد) and
    honorifics, folded: unlike the words of all titles ("council", "state", «مجلس»), none heads the
    name of a body."""
    words = {w for p in load_json(lang, "pronouns.json").get("office_nouns", []) for w in fold(p).split()}
    return frozenset(words | honorific_words(lang))


def _office_phrase(lang: str, text: str) -> bool:
    """A span NER calls an organisation that is one person's office, not a body: its words are all
    office, courtesy or function words and its first word past function words is a person's office
    noun or an honorific ("the Head of State", "Principal Secretary", "Deputy Minister"). "State
    Council", "Security Council", "Council of Ministers", «مجلس النواب» begin with a body's noun and
    stay: the words of titles alone would drop them (titles name "Speaker of the State Council")."""
    words = fold(text).split()
    if not words or not all(w in description_words(lang) for w in words):
        return False
    function = _folded_function_words(lang)
    head = next((w for w in words if w not in function), None)
    return head is not None and head in _person_office_words(lang)


def _office_holder_before(mentions: Sequence[Mention], view: View, pos: int, office: str) -> Mention | None:
    """The last person before ``pos`` whose name the office stands right before ("Principal Secretary
    Jane Roe"), its function words aside ("the")."""
    function = _folded_function_words(view.lang)
    words = [w for w in fold(office).split() if w not in function]
    for m in sorted((m for m in mentions if m.kind == "person" and m.end <= pos), key=lambda m: -m.start):
        line = view.text.rfind("\n", 0, m.start) + 1
        before = fold(view.text[line:m.start]).split()
        if words and before[-len(words):] == words:
            return m
    return None


def _prepositional(view: View, start: int, end: int) -> bool:
    """A span whose first word begins with a preposition fused with the article ("للمجلس", of the
    council: profile ``preposition_articles``) is the complement of a noun before it, not a name."""
    first = view.text[start:end].split()[:1]
    return bool(first) and any(first[0].startswith(p) and len(first[0]) > len(p) + 1
                               for p in profile(view.lang).get("preposition_articles", []))


def _strip_clitic(view: View, start: int, end: int) -> tuple[int, str]:
    """Drop a conjunction و glued to a name Stanza found ("وروحاني"). Only و: ف ب ل ك begin too
    many names (فيصل، بشار، لطيف، كمال) to strip them without a dictionary to confirm."""
    text = view.text[start:end]
    first = text.split()[0] if text.split() else ""
    if profile(view.lang).get("proclitics") and len(first) >= 5 and first[0] == "و" and first[1] not in "اوي":
        start += 1
    return start, view.text[start:end]


_ENVOYS = frozenset({"ambassador", "special_envoy"})


def _postings(mentions: list[Mention], view: View) -> None:
    """"Iran's ambassador to Russia", "سفير إيران لدى روسيا", "سفیر ایران در نروژ": the place an
    envoy is posted to belongs to his title (``posted_to``); it is not where anyone met."""
    preps = {fold(w) for w in load_json(view.lang, "pronouns.json").get("posting_preps", [])}
    drop: set[int] = set()
    for i, m in enumerate(mentions):
        if m.kind != "title" or m.role not in _ENVOYS or m.group is not None:
            continue
        nxt = next((k for k in range(i + 1, min(i + 3, len(mentions))) if mentions[k].start >= m.end), None)
        if nxt is None:
            continue
        p = mentions[nxt]
        if p.kind == "place" and p.place is not None and fold(view.text[m.end:p.start]) in preps \
                and p.country != m.country:
            m.posted_to = p.country
            m.end, m.text = p.end, view.text[m.start:p.end]
            drop.add(nxt)
    mentions[:] = [m for k, m in enumerate(mentions) if k not in drop]


# How many words the name of an envoy that NER left untagged may have: a given name and a surname
# at least (one word alone is too often an adjective: "سفير فرنسا الجديد"), four at most
MIN_HOLDER_WORDS = 2
MAX_HOLDER_WORDS = 4


def _untagged_holders(mentions: list[Mention], view: View, sent) -> None:
    """The name of an envoy that closes a phrase of his title and country, which NER left untagged
    or tagged as an organisation: «سفير بريطانيا في لبنان A B، حيث …», "the French Ambassador in
    Kyiv A B." (rule ``<lang>.name.holder``).

    An envoy's title is followed by his posting and then his name, in apposition; what stands
    between the posting and the next list mark there is the name when it has two to four words,
    none of a closed class (function, office, courtesy, reporting and meeting, institution and date
    words), the first not opening with the article (Arabic given names carry none: «البلاد»,
    «الجديد» are no name), capitalised where the script has case, and no mention of its own but
    an organisation NER guessed or a person NER cut short from the same first word ("Kim Pil" of
    "Kim Pil-o")."""
    titles = [m for m in mentions if m.kind == "title" and m.role in _ENVOYS and m.country and m.group is None]
    for m in titles:
        _add_untagged_name(mentions, view, sent, m.end, lambda e: _item_ends(view, e), "title",
                           f"{view.lang}.name.holder")
    mentions.sort(key=lambda x: (x.start, -x.end))


def _addressed_names(mentions: list[Mention], view: View, sent) -> None:
    """The name after an honorific of address that NER left untagged: «سعادة السيدة A B، …», "H.E.
    A B C, the ambassador" (rule ``<lang>.name.address``). A form of address ("Excellency") is said
    to a person and stands before his name, with the courtesy words ("Mrs", «السيد») between; the
    name is checked as an envoy's is (``_add_untagged_name``) and ends at a list mark or where a
    title of office begins, in apposition ("H.E. A B, President of X")."""
    forms, hon = _address_forms(view.lang)
    if not forms:
        return
    # most articles address nobody: each distinct word is folded once, and the words are read in
    # order only where every word of some form is among them ("his" alone is no "His Excellency")
    folded = {w: fold(w) for w in set(_ADDRESS_WORD.findall(view.text))}
    vocab = set(folded.values())
    if not any(all(w in vocab for w in form) for fs in forms.values() for form in fs):
        return
    title_starts = {m.start for m in mentions if m.kind == "title"}
    words = [(a, b, folded[view.text[a:b]]) for a, b in _words(view.text)]
    for i in range(len(words)):
        for form in forms.get(words[i][2], ()):
            if [w for _, _, w in words[i:i + len(form)]] != form:
                continue
            k = i + len(form)
            while k < len(words) and words[k][2] in hon:
                k += 1  # "H.E. Mr", «سعادة السيدة»
            if k < len(words):
                _add_untagged_name(mentions, view, sent, words[k][0],
                                   lambda e: _item_ends(view, e) or _title_follows(view, e, title_starts),
                                   "honorific", f"{view.lang}.name.address")
                break
    mentions.sort(key=lambda x: (x.start, -x.end))


@cache
def _address_forms(lang: str) -> tuple[dict[str, tuple[list[str], ...]], frozenset[str]]:
    """The forms of address (``address_honorifics`` of pronouns.json) as folded words, by their first
    word, in the data's order; and the courtesy words that may follow one, whole words only («الوزير»
    of «الوزير المفوض» alone is an office, not a courtesy)."""
    data = load_json(lang, "pronouns.json")
    forms: dict[str, tuple[list[str], ...]] = {}
    for w in data.get("address_honorifics", []):
        form = [fold(w[a:b]) for a, b in _words(w)]
        if form:
            forms[form[0]] = (*forms.get(form[0], ()), form)
    return forms, frozenset(fold(h) for h in data["honorifics"] if " " not in h.strip())


_ADDRESS_WORD = re.compile(r"(?:\w\.){2,}|[\w\u200c]+")


def _words(text: str) -> list[tuple[int, int]]:
    """The spans of the text's words, a dotted abbreviation ("H.E.") as one."""
    return [(x.start(), x.end()) for x in _ADDRESS_WORD.finditer(text)]


def _title_follows(view: View, pos: int, title_starts: set[int]) -> bool:
    """A title of office, or a word of one ("assistant" of "assistant secretary"), right after ``pos``."""
    k = pos
    while k < len(view.text) and view.text[k] in " " + APPOSITION_MARKS:
        k += 1
    nxt = _adjacent_word(view, pos, before=False)
    return k in title_starts or (nxt is not None and fold(view.text[nxt[0]:nxt[1]]) in _office_words(view.lang))


def _add_untagged_name(mentions: list[Mention], view: View, sent, pos: int, ends, why: str, rule: str) -> None:
    """The two to four words from ``pos`` to where ``ends`` says, as a person the dictionary does not
    know, when they pass the checks a name NER left untagged must pass (``_untagged_holders``)."""
    articles = tuple(profile(view.lang).get("construct_articles", []))
    closed = _name_stop_words(view.lang)
    while pos < len(view.text) and view.text[pos] in " " + APPOSITION_MARKS:
        pos += 1
    words: list[tuple[int, int]] = []
    while len(words) <= MAX_HOLDER_WORDS:
        w = _adjacent_word(view, words[-1][1] if words else pos - 1, before=False)
        if w is None or (not words and w[0] != pos):
            break
        words.append(w)
        if ends(w[1]):
            break
    if not MIN_HOLDER_WORDS <= len(words) <= MAX_HOLDER_WORDS or not ends(words[-1][1]):
        return
    a, b = words[0][0], words[-1][1]
    if articles and view.text[a:b].startswith(articles):
        return
    inside = [x for x in mentions if x.start < b and a < x.end]
    # a name NER cut short, from the first word on, grows to the list mark: «كيم بيل | أو»
    cut = [x for x in inside if x.kind == "person" and x.actor is None and x.start == a and x.end < b]
    if any((x.kind != "org" and x not in cut) or x.start < a or x.end > b for x in inside):
        return
    # each word as written: a foreign name read with a proclitic cut off is a word of the
    # language («كاول», Cowell, is not ك + «اول», first)
    if any((_plain(view.text[s:e]) in _function_words(view.lang) and not _closes_item(view, e))
           or fold(view.text[s:e]) in closed
           or any(v in _rule_words(view.lang) for v in clitic_variants(fold(view.text[s:e])))
           or not _cased_ok(view, s, e) for s, e in words) or not _name_shaped(view, a, b):
        return
    text = view.text[a:b]
    mentions[:] = [x for x in mentions if x not in inside]
    mentions.append(Mention(a, b, "person", text, sent(a), key=unknown_key(text), why=why, rule=rule))


@cache
def _name_stop_words(lang: str) -> frozenset[str]:
    """The words no untagged name holds: function, office, courtesy, reporting and meeting words."""
    return _closed_words(lang) | _rule_words(lang) | honorific_words(lang)


def _closes_item(view: View, pos: int) -> bool:
    """A list mark right after ``pos``. A conjunction or preposition never closes a phrase, so a word
    spelt like one before a comma is a syllable of a foreign name: «كيم بيل أو،» (Kim Pil-o), not «أو»
    (or)."""
    k = pos
    while k < len(view.text) and view.text[k] == " ":
        k += 1
    return k == len(view.text) or view.text[k] in _LIST_MARKS


def _apposition(mentions: list[Mention], view: View) -> None:
    """A title next to a name describes that person: keep the name, remember the title.

    "الرئيس الأميركي، باراك أوباما", "Saudi Crown Prince Mohammad bin Salman", "وزير الخارجية
    السعودي الأمير فيصل": the name may follow after a comma or another title word.
    """
    drop: set[int] = set()
    for i, m in enumerate(mentions):
        if m.kind != "title" or i in drop:
            continue
        seen_person = False
        for j in (*range(i + 1, min(i + 3, len(mentions))), i - 1):
            if not 0 <= j < len(mentions):
                continue
            p = mentions[j]
            if p.kind in ("title", "institution") and j > i:
                # look past a second title word ("... السعودي الأمير فيصل") or the title's
                # institution ("المتحدث باسم الكرملين دميتري بيسكوف")
                continue
            if p.kind != "person" or (j > i and seen_person):
                continue
            seen_person = seen_person or j > i
            a, b = (m, p) if j > i else (p, m)
            between = view.text[a.end:b.start]
            bare = between.strip(" \u200c«»“”\"")  # names are often quoted: «علیرضا یوسفی» سفیر …
            if any(c in bare for c in APPOSITION_MARKS) or j < i:
                # "الرئيس الأميركي، باراك أوباما", "الهام علیاف رئیس‌جمهوری": nothing but a comma between
                ok = bare.strip(APPOSITION_MARKS + " ") == ""
            else:
                # only honorifics or another title between: "… Ayatollah Seyyed Ali Khamenei",
                # "وزير الخارجية السعودي الأمير فيصل" — not "رهبر انقلاب در دیدار با بشار اسد"
                inner = [x for x in mentions[min(i, j) + 1:max(i, j)] if x.kind in ("title", "institution")]
                rest = bare
                for x in inner:
                    rest = rest.replace(view.text[x.start:x.end], " ")
                ok = all(fold(w) in honorific_words(view.lang) for w in rest.split())
            if ok and "\n" not in between:
                if p.actor is None and m.role and m.role != "counterpart":
                    p.title_role = (m.role, m.country, m.org)
                if m.role and m.role != "counterpart":
                    p.apposed_role = (m.role, m.country)
                if m.posted_to is not None:
                    p.posted_to = m.posted_to
                p.title_span = (m.start, m.end)
                drop.add(i)
                for k in range(i + 1, j):
                    if mentions[k].kind == "title":
                        drop.add(k)
                break
    mentions[:] = [m for k, m in enumerate(mentions) if k not in drop]


def _resolve_titles(mentions: list[Mention], db: ActorDB, doc_date: date | None) -> None:
    """A title's holder on the document date (``ActorDB.resolve_title``), where the people the article
    names help choose. A person the article itself gives another office of that country is no
    candidate: in an undated article that calls A "President of Uzbekistan", A is not the one "the
    Uzbek prime minister" stands for, though the record says A once held that office too."""
    named = frozenset(m.actor.id for m in mentions if m.actor is not None)
    given: dict[str, set[tuple[str, str | None]]] = {}
    for p in mentions:
        if p.actor is not None and p.apposed_role is not None:
            # "President A": an office given without a country is one of his own country
            role, country = p.apposed_role
            given.setdefault(p.actor.id, set()).add((role, country or p.actor.country))
    memo: dict[tuple, tuple] = {}
    for m in mentions:
        if m.kind == "title" and m.role not in UNRESOLVED_ROLES:
            k = (m.role, m.country, m.org)
            if k not in memo:
                office = (m.role, m.country)
                context = frozenset(i for i in named
                                    if m.country is None or office in given.get(i, ())
                                    or not any(c == m.country for _, c in given.get(i, ())))
                memo[k] = db.resolve_title(m.role, m.country, doc_date, m.org, context)
            actor, why = memo[k]
            m.actor, m.why = actor, why
            m.key = actor.id if actor else _title_key(m)
        elif m.kind == "title":
            m.key = _title_key(m)


def _title_key(m: Mention) -> str:
    """One unnamed office holder per office: "سفیر جدید عراق" and "the Iraqi ambassador" alike."""
    if m.country or m.org:
        return f"title:{m.role}:{m.country or ''}:{m.org or ''}"
    return "title:" + fold(m.text).replace(" ", "_")


# Offices an article names without a country and usually gives to one person only
_SPOKESPEOPLE = frozenset({"spokesperson"})


def _titles_of_named_people(mentions: list[Mention]) -> None:
    """An office the article gives a named person ("«علیرضا یوسفی» سفیر جدید ایران", "Ali Rezaei,
    Iran's ambassador") is that person wherever the title stands alone ("سفیر ایران در این دیدار
    گفت"), when the article names one such person only."""
    holders: dict[tuple, set[str]] = {}
    first: dict[tuple, Mention] = {}
    for p in mentions:
        tr = p.apposed_role
        if p.kind == "person" and tr is not None and (tr[1] or tr[0] in _SPOKESPEOPLE):
            holders.setdefault(tr, set()).add(p.identity or p.text)
            first.setdefault(tr, p)
    for m in mentions:
        k = (m.role, m.country)
        if m.kind == "title" and m.actor is None and (m.country or m.role in _SPOKESPEOPLE) \
                and m.group is None and len(holders.get(k, ())) == 1:
            p = first[k]
            m.actor, m.key = p.actor, p.identity or m.key
            m.named = p.text
            if p.posted_to is not None and m.posted_to is None:
                m.posted_to = p.posted_to
            m.why = "the article gives this office to " + p.text


def _resolve_counterparts(mentions: list[Mention], db: ActorDB, doc_date: date | None) -> None:
    """"عقد عراقجي مباحثات مع نظيره المصري", "the Iranian president held talks with his Russian
    counterpart", "his Saudi and Omani counterparts" (one per country): a counterpart no name follows
    holds the office of the sentence's person before it, in the counterpart's country, on the document
    date; with no recorded holder, he is that office of that country, unnamed."""
    named = frozenset(m.actor.id for m in mentions if m.actor is not None)
    for i, m in enumerate(mentions):
        if m.kind != "title" or m.role != "counterpart" or not m.country or m.actor is not None:
            continue
        subj = next((p for p in reversed(mentions[:i]) if p.sent == m.sent and p.is_person
                     and p.role != "counterpart" and p.actor is not None
                     and (m.group is None or p.group != m.group)), None)
        if subj is None:
            continue
        if subj.kind == "title" and subj.role:
            roles = [subj.role]
        else:
            roles = [o.role for o in subj.actor.offices
                     if (o.covers(doc_date) if doc_date else o.end is None)]
        if len(set(roles)) != 1:
            continue
        actor, why = db.resolve_title(roles[0], m.country, doc_date, None, named)
        m.role = roles[0]
        if actor is not None:
            m.actor, m.key = actor, actor.id
        else:
            # no recorded holder on the date: the office of that country, unnamed ("Foreign Minister of Oman")
            m.key = _title_key(m)
        m.why = f"counterpart of {subj.actor.name}: {why}"


def _short_forms_of_named(mentions: list[Mention], view: View) -> None:
    """A one-word dictionary surname or given name that is the last or first word of a fuller name the
    article gave before is that person, whoever else in the dictionary bears the word: after
    "Kazem Jalali", "Jalali" is not another Jalali; after "سعيد خطيب‌زاده", "سعيد" is not Kais Saied."""
    for i, m in enumerate(mentions):
        toks = fold(m.text).split()
        if m.kind != "person" or m.why != "surname" or len(toks) != 1:
            continue
        for p in reversed(mentions[:i]):
            full = fold(p.text).split()
            if p.kind != "person" or len(full) <= len(toks) or p.identity == m.identity \
                    or any(w in honorific_words(view.lang) for w in full):
                continue
            if full[-len(toks):] == toks or full[:len(toks)] == toks:
                m.actor, m.key = p.actor, p.identity or unknown_key(p.text)
                m.named = (p.named or p.text) if p.actor is None else None
                m.why = "short form of " + p.text
                break


# A surname found alone after the full name has at least this many letters ("Li" or "Un" are too short)
MIN_LATER_SURNAME_LETTERS = 4
# Possessive endings: a possessive ("Osterberg's plan") names no subject or participant
_POSSESSIVE = ("'s", "’s")


def _prev_word(text: str, i: int) -> str:
    """The whitespace-delimited word that ends before ``text[i]`` ("" at the start): found by walking
    back from ``i``, so a long document is not split whole for each name."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k:j]


def _next_word(text: str, i: int) -> str:
    """The whitespace-delimited word that starts at or after ``text[i]`` ("" at the end)."""
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    k = i
    while k < n and not text[k].isspace():
        k += 1
    return text[i:k]


def _later_surnames(mentions: list[Mention], view: View) -> None:
    """The surname of a person named in full before, standing alone later in the text, is that person
    where nothing else read it: NER tags "Karl Osterberg" in the lead and misses "Osterberg said" two
    paragraphs on. A name with a particle ("بن", "Al") is left out, since its last word is a father's or
    a family's, which others bear ("محمد بن سلمان" … "الملك سلمان"); so is an occurrence beside a particle,
    a possessive, and, in a cased script, one beside another capitalised word (part of another name)."""
    parts, hon = _name_particles(view.lang), honorific_words(view.lang)
    cased = profile(view.lang).get("script") == "latin"
    text = view.text
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    seen: set[str] = set()
    for p in sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start):
        words = [w for w in p.text.split() if fold(w) not in hon]
        if len(words) < 2 or any(fold(w) in parts for w in words):
            continue
        sur = words[-1]
        if len(sur) < MIN_LATER_SURNAME_LETTERS or fold(sur) in seen or (cased and not sur[:1].isupper()):
            continue
        seen.add(fold(sur))
        for hit in re.finditer(r"(?<![\w\u200c])" + re.escape(sur) + r"(?![\w\u200c])", text[p.end:]):
            a, b = p.end + hit.start(), p.end + hit.end()
            if any(x < b and a < y for x, y in taken) or text[b:b + 2] in _POSSESSIVE:
                continue
            prev, nxt = _prev_word(text, a), _next_word(text, b)
            if prev and fold(prev) in parts:
                continue
            if cased and (prev[:1].isupper() and prev[-1:] not in ".,;:" or nxt[:1].isupper()):
                continue
            found.append(Mention(a, b, "person", text[a:b], view.sentence_of(a), actor=p.actor,
                                 key=p.identity or unknown_key(p.text), why="surname of a person named in the text",
                                 named=(p.named or p.text) if p.actor is None else None, speaker_only=True))
            taken.append((a, b))
    mentions.extend(found)


# An unknown one-word name is weak evidence: it needs this many NER readings in the article,
# an honorific or title before it, or a fuller name it is short for
SINGLE_WORD_MIN_READINGS = 2


def _drop_unsupported_single_words(mentions: list[Mention], view: View) -> None:
    """Drop a one-word person the dictionary does not know, NER read once and nothing supports:
    a sentence-initial verb or adjective ("Recalling", "أجريا") is no one. Supported: read twice or
    more, after an honorific or an apposed title, or linked to a fuller name (its key is not its own)."""
    def single(m: Mention) -> bool:
        return m.kind == "person" and m.actor is None and m.why == "NER" and len(fold(m.text).split()) == 1 \
            and m.key == unknown_key(m.text)
    readings: dict[str, int] = {}
    for m in mentions:
        if single(m):
            readings[fold(m.text)] = readings.get(fold(m.text), 0) + 1
    hon = honorific_words(view.lang)

    def supported(m: Mention) -> bool:
        before = fold(view.text[max(0, m.start - 40):m.start]).split()[-1:]
        return readings[fold(m.text)] >= SINGLE_WORD_MIN_READINGS or m.title_span is not None \
            or bool(before) and before[0] in hon
    mentions[:] = [m for m in mentions if not single(m) or supported(m)]


# A one-word short form is at least this many letters ("Li" of "Li Qiang" is too short to tell)
MIN_SHORT_FORM_LETTERS = 3


def _corefer_unknowns(mentions: list[Mention], lang: str) -> None:
    """A later short form of an unknown name takes the key of the full name before it: its last
    words ("Qureshi", "Nak-yeon Lee" aside), or one word of it — the family name that comes first
    ("Wang" of "Wang Jun") or the given name ("Gedion", "Dr. Gedion") — when exactly one fuller
    name before it holds that word. A lone word of a known person's name given in full elsewhere in
    the text, when no other such name holds it, is that person ("Imran Khan … met Khan")."""
    hon = honorific_words(lang)

    def name_words(m: Mention) -> list[str]:
        return [w for w in fold(m.text).split() if w not in hon]
    known: dict[str, set[str]] = {}
    actors: dict[str, Actor] = {}
    for m in mentions:
        if m.kind == "person" and m.actor is not None and len(name_words(m)) > 1:
            for w in name_words(m):
                known.setdefault(w, set()).add(m.actor.id)
            actors[m.actor.id] = m.actor
    seen: list[tuple[list[str], str, str]] = []
    for m in mentions:
        if m.kind != "person" or m.actor is not None:
            continue
        toks = name_words(m) or fold(m.text).split()
        one = len(toks) == 1 and len(toks[0]) >= MIN_SHORT_FORM_LETTERS
        if one and len(known.get(toks[0], ())) == 1:
            m.actor = actors[next(iter(known[toks[0]]))]
            m.key, m.why = m.actor.id, "surname of a person named in the text"
            continue
        tail = next(((key, text) for full, key, text in reversed(seen)
                     if len(toks) < len(full) and full[-len(toks):] == toks), None)
        holders = {(key, text) for full, key, text in seen if one and len(full) > 1 and toks[0] in full}
        if tail is None and len({k for k, _ in holders}) == 1:
            tail = next(iter(holders))
        if tail is not None:
            m.key, m.named = tail
        else:
            seen.append((toks, m.key, m.text))

"""Meetings: who met whom and when, from trigger words and the mentions around them (where is
``locations``' task, from the clauses and trips found here).

Per sentence with a trigger (``lang/<code>/meetings.json``): participants are the people
mentioned in it; the first is the subject and each other one a counterpart (meetings listed
together are split per counterpart). People in an attendance clause ("بحضور", "which was also
attended by", "که ... نیز حضور داشت") are attendees. A sentence that only refers back to a
meeting ("خلال هذا اللقاء", "در این دیدار", "during the meeting") adds to the meeting before it,
or, when the article is itself the report of that meeting, completes it with the article's
principal person. Plans, invitations and promises are status "planned", never "happened". A sentence
that tells several meetings in clauses of their own ("A met B on Tuesday, after C and D met earlier
the same day") is read clause by clause, each clause a sentence of its own (``_split``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from itertools import pairwise, product
from typing import TYPE_CHECKING, Any

from .dates import DateExpr
from .lang import load_json, profile
from .lexicon import Match, Trie, start_indices
from .mentions import Mention, description_words, honorific_words
from .normalize import clitic_variants, fold, match_keys
from .view import View

if TYPE_CHECKING:
    from .claims import Claim

_BOUNDARY = set(".،,؛;:!?؟\n«»“”\"()")
# The same marks as one string, for str.strip
_BOUNDARY_CHARS = "".join(sorted(_BOUNDARY))
# What parts two clauses of one sentence (a full stop inside a sentence is an abbreviation's)
_CLAUSE_MARKS = _BOUNDARY - {"."}
# The boundaries no apposition or adverbial crosses: a clause's commas are not among them
_SENTENCE_MARKS = set(".؛;:!?؟\n«»“”\"()")
_FULL_STOPS = set(".!?؟\n")
# A subject left out ("وأضاف …", "در ادامه … گفت"): at most this many words before the one person named
DROPPED_SUBJECT_WORDS = 4
# How far before a report "he"/"إنه" may stand to make it the speaker's own act (characters)
SELF_REFERENCE_CHARS = 6
# How far before a person a word such as "tomb" makes him no one met (characters, words)
OBJECT_CHARS = 40
OBJECT_WORDS = 3
# The counterpart of "spoke to"/«تحدث مع» stands at most this many words after it ("spoke to the
# Israeli Prime Minister, Netanyahu"), titles and honorifics the person's own
COUNTERPART_WORDS = 3
# A meeting phrase opens a report's content when at most this many words («در», «در جریان») stand
# before its meeting word
CIRCUMSTANCE_WORDS = 2
# A visit word and its visitor: "زيارة روحاني" (after it), "Rouhani's visit" (before it), in characters;
# mentions this close to the word, either side, may name the visitor or the destination
VISITOR_AFTER_CHARS = 30
VISITOR_BEFORE_CHARS = 40
VISIT_NEAR_CHARS = 60
# The destination word ("to", "إلى", "به") stands this close before the place (characters)
DESTINATION_WORD_CHARS = 12
# "Ghani visited Islamabad": a place this close after the visit word is its object
OBJECT_GAP_CHARS = 2
# "talks between X and Y": "between" within this many words after the trigger
BETWEEN_WORDS = 3
# "hosted by" at most this many words before the host
HOST_MARKER_WORDS = 6
# An attendance marker reaches this far (characters) and no further than a gap of this many words
ATTENDANCE_CHARS = 200
ATTENDANCE_GAP_WORDS = 4
# The office that makes a title stand for its country ("representatives of Iraq" are Iraq: data/roles.json)
COUNTRY_ROLE = "representative"
# A word that makes a trip not yet made stands this many words from the visit word
UNMADE_WORDS = 3
# The lead of an article: its first sentences (headline, dateline line, first paragraph)
LEAD_SENTENCES = 3
# A plan marker within this many words of the trigger makes the meeting planned
PLAN_MARKER_WORDS = 6
# the words of the meeting noun's own complements between it and a modal of its outcome ("visit to China would")
OUTCOME_GAP_WORDS = 3
# enough text after a modal to hold the verb that follows it
OUTCOME_LOOKAHEAD_CHARS = 40
# "ahead of his visit to …": a marker that governs the meeting noun stands at most this many words before it
GOVERNED_WORDS = 2
# A topic preposition governs a meeting word at most this many words after it ("about the next round of
# talks"), and a plan marker after that word modifies it within this many words («اجتماع القمة القادم»)
TOPIC_WORDS = 4
TOPIC_TAIL_WORDS = 2
# A quoted meeting word with no subject stands at most this many words into its sentence ("At State House,
# Nairobi held talks with A": an adverbial before it)
SUBJECTLESS_WORDS = 4
# a word that governs a person ("adviser to", "درباره") stands at most this many characters before
# the person's first word (the space, a quotation mark or a determiner's worth)
GOVERNOR_GAP_CHARS = 2
# Between two people of one list: a separator and at most this many words (of description, or a
# name's end NER cut off) in all
LIST_GAP_WORDS = 6
# ... or at most this many words of the person's description ("the sister of North Korean leader X")
GOVERNOR_GAP_WORDS = 4
GOVERNOR_GAP_MARKS = " \u200c«»\"“”"
# "He also met …", "واستقبل جلالته …": a pronoun subject at most this many words from the trigger or the
# first person met, with no clause boundary between
SUBJECT_PRONOUN_WORDS = 6
# … and a pronoun after its verb stands right after it ("استقبل جلالته")
VERB_SUBJECT_WORDS = 1
# A preposition this many words before a pronoun governs it ("to him", "به گفته وی")
PREPOSITION_REACH_WORDS = 2
# The institution row kind of a country's side or delegation (institutions.jsonl)
SIDE_ROLE = "side"
# The object of a trigger stands at most this many words after it ("met their counterparts, X and Y")
OBJECT_GAP_WORDS = 4
# A relative clause on a meeting or visit noun: the noun and one adjective before the relative
# pronoun ("the last visit that", «الزيارة الأخيرة التي»)
RECALLED_NOUN_WORDS = 2
# The light verb of a visit's relative clause and its resumptive pronoun: «قام بها» (words)
MADE_VERB_WORDS = 2
# A side is governed by a comitative at most this many words before it ("with a Chinese delegation")
SIDE_WORDS = 2
# The kinds of a trigger that states a call, and a trip to the other side
PHONE_KIND = "phone_call"
VISIT_KIND = "visit"
SUMMIT_KIND = "summit"
ARRIVAL_KIND = "arrival"
# A comitative ("with", "با") governs the person at most this many words after it (honorifics between)
COMITATIVE_WORDS = 3
# A guest marker this many words after its guest ("X, who is visiting") or before him ("the visiting X")
GUEST_BEFORE_WORDS = 2
GUEST_AFTER_WORDS = 3
# The first of the people a welcome lists stands at most this many words (his office's, names blanked)
# after the words that open the list ("كان في استقباله نائب رئيس الوزراء وزير الدولة للشؤون الخارجية A")
WELCOME_GAP_WORDS = 6
# The subject of a clause opened by a splitter stands at most this many words after it ("after South
# Korean President A": a demonym that the name's mention leaves out; «بينما كان A»)
SPLIT_SUBJECT_WORDS = 2


@dataclass
class Where:
    """Where a meeting took place, and why we say so: ``rule`` is cited in the record."""

    place: Any  # places.Place
    basis: str  # explicit | inferred
    mention: Mention | None  # the words that name it, when some do
    rule: str


@dataclass
class Clause:
    """The words that state a meeting: view [start, end) of its sentence, where a clause opener
    ("…, where he held talks") begins the meeting's own part of it, and the claim it is reported in."""

    start: int
    end: int
    opener: int | None = None
    said: Claim | None = None  # the claim it is reported in ("the spokesman said that …")


@dataclass
class Meeting:
    trigger: dict[str, Any]  # the row of meetings.json "triggers" that fired
    status: str  # happened | planned
    parties: list[Mention]
    attendees: list[Mention] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # id(mention) -> role
    location: Where | None = None
    date: DateExpr | None = None
    evidence_sents: list[int] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)  # one per sentence that stated it
    status_rule: str | None = None  # the id of the rule that made it planned
    clause_rule: str | None = None  # the id of the splitter whose clause of a longer sentence states it

    @property
    def kind(self) -> str:
        return self.trigger["kind"]

    @property
    def rule(self) -> str:
        return self.trigger["id"]

    def identities(self) -> frozenset[str]:
        return frozenset(m.identity or m.text for m in self.parties)


@dataclass(frozen=True)
class Trip:
    """A trip the text states as made: the sentence that states it, the visitor and the destination
    (a place mention; a tour, "visits to Qatar, Oman and Jordan", is one trip per stop)."""

    sent: int
    visitor: Mention
    dest: Mention


# Who travelled where, in text order
Trips = list[Trip]


@cache
def _tries(lang: str) -> dict[str, Trie]:
    data = load_json(lang, "meetings.json")
    out: dict[str, Trie] = {}
    future = data.get("future_prefix")
    for group in ("triggers", "arrivals", "anaphora", "planned", "attendees", "guest_markers", "venues",
                  "dateline_venues", "not_met_governors", "welcome_lists", "clause_splitters"):
        t = Trie()
        for row in data.get(group, []):
            for pat in row["patterns"]:
                for k in match_keys(pat):
                    t.add(k, row)
                if group == "triggers" and future and pat[:1] in future["imperfect"]:
                    # "سيلتقي" = "سـ" + "يلتقي": an imperfect trigger with the future prefix is a plan
                    for k in match_keys(future["prefix"] + pat):
                        t.add(k, {**row, "future": future["id"]})
        out[group] = t
    # plain word lists: plan exceptions ("به دعوت", "at the invitation of"), host markers, clause openers
    for group, key in (("planned_exceptions", "planned_exceptions"), ("host_markers", "host_markers"),
                       ("clause_openers", "clause_openers"), ("venue_names", "venue_heads"),
                       ("reciprocals", "reciprocals"), ("location_deictics", "location_deictics"),
                       ("delegation_heads", "delegation_heads"), ("phone_modes", "phone_modes"),
                       ("sidelines", "sideline_phrases"), ("between_pronouns", "between_pronouns"),
                       ("same_day", "same_day"),
                       ("process_heads", "process_heads"), ("event_purposes", "event_purposes"),
                       ("remote_modes", "remote_modes"), ("topic_preps", "topic_preps"),
                       ("sequence_preps", "sequence_preps"), ("passive_receptions", "passive_receptions")):
        t = Trie()
        for pat in data.get(key, []):
            for k in match_keys(pat):
                t.add(k, {"id": f"{lang}.{key}"})
        out[group] = t
    return out


# The name under which a view keeps, per word group of meetings.json, where its words may begin.
SCAN_STARTS = "meetings.scan_starts"


def scan(view: View, group: str, s: int, e: int, clitics: bool = True) -> list[Match]:
    """Matches of a word group of meetings.json in view [start, end), proclitics tried where the
    language has them (``clitics=False``: the words as written)."""
    clitics = clitics and profile(view.lang)["proclitics"]
    tries = _tries(view.lang)
    starts = view.derived.get(SCAN_STARTS)
    if starts is None:
        # the rules scan a sentence for one group after another (triggers, hosts, venues, plan
        # words, ...) and a document's sentences many times over: the tokens where each group's
        # words may begin are found once, and each scan looks at those alone
        starts = view.derived[SCAN_STARTS] = start_indices(view.tokens, tries)
    lo, hi = view.token_range(s, e)
    return list(tries[group].scan(view.tokens, clitics=clitics, lo=lo, hi=hi, starts=starts[group]))


def _clause_end(text: str, pos: int, limit: int) -> int:
    i = pos
    while i < limit and text[i] not in _BOUNDARY:
        i += 1
    return i


def _list_end(text: str, pos: int, limit: int) -> int:
    """Where a clause ends if its commas separate the items of a list."""
    i = pos
    while i < limit and (text[i] not in _BOUNDARY or text[i] in "،,"):
        i += 1
    return i


def _clause_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and text[i - 1] not in _BOUNDARY:
        i -= 1
    return i


def _units(view: View, by_sent: dict[int, list[Mention]]) -> Iterator[tuple[int, int, int, str | None]]:
    """The spans read one at a time for meetings: (sentence index, start, end, splitter rule id), a
    sentence whole, or each clause of a sentence that tells several meetings (``_split``)."""
    for si, (s, e) in enumerate(view.sentences):
        cuts = _split(view, s, e, by_sent.get(si, []))
        bounds = [s, *(c for c, _ in cuts), e]
        rules = [None, *(r for _, r in cuts)]
        for (a, b), rule in zip(pairwise(bounds), rules, strict=True):
            yield si, a, b, rule


def _split(view: View, s: int, e: int, people: Sequence[Mention]) -> list[tuple[int, str]]:
    """Where a sentence that tells more than one meeting parts into the clauses that state them: a
    word of ``clause_splitters`` (a subordinating conjunction, a preposition that opens a clause, a
    coordinator after a comma) between two triggers, with a meeting of its own on either side.

    "A and B met on Tuesday amid doubts over whether C and D will hold a summit, and after E and F
    met earlier the same day" is three meetings, each with its own people and status: A-B held, C-D
    planned, E-F held. The clause after the word must name two people of its own, the first its
    subject (``_clause_subject``: "after talks with C and D" is no clause but a phrase of A's
    sentence), and the clause before it one at least, so that "A met B, after which they held talks"
    and "A received B, while B's visit goes on" stay one meeting.
    Returns the cuts in text order, each with the id of its splitter row."""
    if not people:
        return []
    trig = scan(view, "triggers", s, e)
    if len(trig) < 2:
        return []
    marks = scan(view, "clause_splitters", s, e)
    if not marks:
        return []
    # a person named inside a trigger's words is none of its people ("رونوشت استوارنامه")
    people = [p for p in people if s <= p.start < e and not any(t.start <= p.start < t.end for t in trig)]
    cuts: list[tuple[int, str]] = []
    lo = s
    for k, (a, b) in enumerate(pairwise(trig)):
        hi = next((t.start for t in trig[k + 2:] if t.start > b.end), e)
        for m in reversed([m for m in marks if a.end <= m.start < b.start and m.start > lo]):
            row = m.payloads[0]
            if row.get("after_mark") and view.text[lo:m.start].rstrip()[-1:] not in _CLAUSE_MARKS:
                continue
            left = [p for p in people if lo <= p.start < m.start]
            right = [p for p in people if m.end <= p.start < hi]
            if not left or len(right) < 2:
                continue
            if not _clause_subject(view, m, b, right):
                continue
            # a clause with a subject of its own: one the clause before it names is the same
            # meeting told again (a headline run into its lead: "A meets B amid tensions President A met B")
            subject = next(p for p in right if p.start >= m.end)
            if (subject.identity or subject.text) in {p.identity or p.text for p in left}:
                continue
            cuts.append((m.start, row["id"]))
            lo = m.start
            break
    return cuts


def _clause_subject(view: View, mark: Match, trigger: Match, people: Sequence[Mention]) -> bool:
    """The clause a splitter opens has its own subject: its first person stands right after the word
    (``SPLIT_SUBJECT_WORDS`` at most between: "after South Korea's President A", «در حالی که وزیر
    خارجه A»), before the trigger and governed by no comitative ("after talks with A and B", «پس از
    آنکه با A و B دیدار کرد»: the people met, the subject the main clause's). A splitter that opens a
    list phrase instead ("as well as A and B") opens no clause."""
    tail = fold(view.text[mark.start:trigger.start])
    if any(tail.startswith(fold(g) + " ") and " " in g for g in profile(view.lang)["list_glue"]):
        return False
    first = next((p for p in people if p.start >= mark.end), None)
    if first is None or first.start >= trigger.start:
        return False
    if len(view.tokens_in(mark.end, _lead(first))) > SPLIT_SUBJECT_WORDS:
        return False
    return _comitative_before(view, mark.end, _lead(first)) is None


def extract_meetings(view: View, mentions: list[Mention], dates: list[DateExpr],
                     claims: Sequence[Claim] = (), doc_date: date | None = None) -> tuple[list[Meeting], Trips]:
    """The meetings of a document, in text order, and the trips it reports.

    A sentence with a trigger word states a meeting of the people it names: the subject with
    each counterpart, attendees apart, host and guest where the text says so, the date nearest the
    trigger. ``claims`` are what was said, with their speakers: a meeting reported inside a claim
    ("the spokesman said that the minister received …") has the people inside it. One meeting
    reported in several sentences is one meeting. Places are left to ``locations.place_meetings``,
    which reads the clauses kept here (``Meeting.clauses``) and the trips: who travelled where
    ("Rouhani's visit to Baku"). ``doc_date``, the publication date: a meeting dated after it is
    still ahead, whatever the verb's tense.
    """
    lang = view.lang
    data = load_json(lang, "meetings.json")
    # the spokesperson the article names once with his title is the reporter wherever it names him
    # again ("Government Spokesperson A said … . Describing the meeting, A stated that the president …");
    # a bare role word ("the president", "وزير الخارجية") with no country and no holder is nobody in particular
    reporters = {m.identity for m in mentions if m.identity and _titled_reporter(view, m)}
    people = [m for m in mentions if m.is_person and m.role not in ("counterpart",) and not is_reporter(m)
              and not (m.identity and m.identity in reporters)
              and not _bare_title(m)]
    # "a Chinese delegation", "الجانب الإيراني", "هیئت چینی": a country's side is a party where no
    # person of that country is named in the sentence (see ``_sides_named``)
    people = sorted(people + [m for m in mentions if m.kind == "institution" and m.role == SIDE_ROLE and m.country],
                    key=lambda m: (m.start, -m.end))
    meetings: list[Meeting] = []
    trips: Trips = []
    # visits whose sentence names no one met, with the people it names as present
    lone: list[tuple[int, Match, Mention, Mention, list[Mention]]] = []
    by_sent: dict[int, list[Mention]] = {}
    for p in people:
        by_sent.setdefault(p.sent, []).append(p)
    for si, s, e, split_rule in _units(view, by_sent):
        found = scan(view, "triggers", s, e)
        found = sorted(found + _split_comitatives(view, s, e, found, by_sent.get(si, ())), key=lambda t: t.start)
        trig = [t for t in found if not _appeal(view, t, e) and not _process(view, t, s)
                and _has_counterpart(view, t, s, by_sent.get(si, ()))]
        # "arrived in Moscow", "وارد مسکو شد": where the visitor went, though no meeting is stated yet
        arrivals = scan(view, "arrivals", s, e)
        if not trig:
            if arrivals:
                # "Lavrov arrived in Doha": the visit is under way, whatever meetings are still ahead;
                # it is one of the country visited unless the article reports whom he met there
                made = _trips(view, arrivals, _plan_markers(view, s, e), mentions, s, e, claims, data)
                trips += [Trip(si, person, place) for _, person, place in made]
                lone += [(si, t, person, place, []) for t, person, place in made]
            continue
        ana = scan(view, "anaphora", s, e)
        # "پیش از این دیدار، A با B تبادل نظر کرد", "After the meeting, A met B": the meeting a word of
        # sequence governs is the time of the sentence's own, no restatement of it; a visit or summit
        # named after it is often one still ahead ("after the meeting, A looked forward to B's visit")
        timed = [a for a in ana if _sequenced(view, a, s)]
        own = [t for t in trig if not any(a.start <= t.start < a.end for a in timed)]
        if timed and own and all(t.payloads[0].get("kind") not in (VISIT_KIND, SUMMIT_KIND) for t in own):
            trig, ana = own, [a for a in ana if a not in timed]
        planned = _plan_markers(view, s, e)
        made = _trips(view, trig + arrivals, planned, mentions, s, e, claims, data)
        # "A and B held talks about the upcoming summit": the summit is the topic, its "upcoming" no
        # mark of the talks; a topic is the meeting only where the sentence has no other meeting word
        topics = _topic_phrases(view, trig, s, e)
        if topics:
            inside = [t for t in trig if any(a <= t.start < b for a, b in topics)]
            if len(inside) < len(trig):
                trig = [t for t in trig if t not in inside]
                planned = [p for p in planned if not any(a <= p.start < b for a, b in topics)]
        trips += [Trip(si, person, place) for _, person, place in made]
        t0 = trig[0]
        # a clause of a sentence that tells several meetings has the people named in it
        sent_people = [p for p in by_sent.get(si, []) if s <= p.start < e]
        # a person named as part of the trigger ("رونوشت استوارنامه" read as a name), or as the one
        # whose tomb, memorial or museum was visited, is nobody met
        governed = _governed(view, sent_people, s, e, mentions)
        sent_people = [p for p in sent_people if not any(t.start <= p.start < t.end for t in trig)
                       and not _object_not_met(view, p, s) and p not in governed]
        # "… after attending the UN session in New York, where Sharif met Macron": the clause's people
        opener = next((o.start for o in reversed(scan(view, "clause_openers", s, e, clitics=False))
                       if any(p.start < o.start for p in sent_people) and any(o.start < p.start for p in sent_people)
                       and any(t.start > o.start for t in trig)), None)
        if opener is not None:
            sent_people = [p for p in sent_people if p.start > opener]
            t0 = next(t for t in trig if t.start > opener)
        # «أشار A إلى الزيارة التي قام بها B إلى دمشق»: a visit noun whose own relative clause names
        # its visitor tells B's trip; A, who spoke of it, is none of its parties
        recalled = any(t is t0 for t, _, _ in made) and _made_by(view, t0, e) is not None
        if recalled:
            sent_people = [p for p in sent_people if p.start > t0.end]
        # "the spokesman said that the minister received X": the meeting is the reported one
        said = next((c for c in claims if c.start <= t0.start < c.end), None)
        # «A در دیدار با B بر X تاکید کرد»: the meeting phrase is the circumstance of A's words
        circumstance = said is not None and _circumstance(view, said, t0, sent_people)
        if circumstance:
            said = None
        if said is None and not circumstance:
            # a headline run into the lead ("… يتلقى اتصالين\nصرح المتحدث بأن الوزير تلقى اتصالين من …"):
            # when only the reporter is named outside the report, the meeting is the reported one
            inner = next((c for c in claims if s <= c.start < e and c.speaker is not None
                          and any(c.start <= t.start < c.end for t in trig)), None)
            if inner is not None and all(inner.start <= p.start < inner.end or p.identity == inner.speaker.identity
                                         for p in sent_people):
                said = inner
                t0 = next(t for t in trig if inner.start <= t.start < inner.end)
        if said is not None:
            sent_people = [m for m in sent_people if said.start <= m.start < said.end]
        attendees = [a for a in _attendees(view, s, e, sent_people, mentions) if a.is_person]
        parties = [m for m in sent_people if m not in attendees]
        parties = _dedupe(_sides(view, parties, sent_people, s))
        summit_all = _hosted_summit(view, t0, parties, attendees, s, e)
        if summit_all:
            # "اجلاس … به میزبانی A با مشارکت B و C برگزار شد", "the summit, hosted by A and attended by B
            # and C": a summit's host receives everyone present; they are its participants, one meeting
            parties, attendees = _dedupe([*parties, *attendees]), []
        if said is not None and parties and said.speaker is not None and not said.direct and \
                _reports_own_act(view, said) and \
                (said.speaker.identity or said.speaker.text) not in {p.identity or p.text for p in parties}:
            parties = [said.speaker, *parties]  # "قال أوباما إنه أجرى اتصالا بروحاني", "he said he met A and B"
        elif said is not None and len(parties) == 1 and said.speaker is not None and said.direct and \
                (_first_person(view, said, t0) or _subjectless(view, said, t0, mentions)) and \
                (said.speaker.identity or said.speaker.text) != (parties[0].identity or parties[0].text):
            # «در گفتگوی تلفنی با A تاکید کردم …», "In my call with A I stressed …": a quotation that tells
            # a meeting in the first person singular is its speaker's own
            parties = [said.speaker, *parties]
        between = _between(view, t0, parties, e, data)
        if between:
            parties = between
        # a summit read from its attendance phrases is what its sentence is about: a plan marker anywhere
        # in it is the summit's ("the summit, to be hosted by A and attended by B, will open next week")
        preds = _predicates(view, trig, t0, parties)
        own = _own_predicate(view, t0, preds, s, data)
        why = _is_planned(view, planned, [t0] if own else preds, parties, trig) \
            or (summit_all and planned and planned[0].payloads[0]["id"]) or _scheduled_today(view, t0, s, e)
        status = "planned" if why else "happened"
        # the rule that kept it held where a trigger of a later clause would have made it planned
        kept = own if own and not why and _is_planned(view, planned, preds, parties, trig) else None
        slot = None
        if not between and parties and not summit_all and not recalled:
            slot = _pronoun_subject(view, mentions, t0, parties, s, dates)
        if ana and any(a.start <= t0.start < a.end for a in ana):
            target = meetings[-1] if meetings and meetings[-1].status == "happened" else None
            if target is not None:
                _augment(target, parties, attendees, si, _hosts(view, s, e, parties))
                continue
            if len(parties) == 1:
                principal = _principal(mentions, exclude={parties[0].identity, *(a.identity for a in attendees)})
                if principal is not None:
                    parties = [principal, *parties]
        if slot is None and not between and len(parties) > 1:
            # "… با A، B و C دیدار کرد", "talks with A and B": the people a comitative governs are all met;
            # the subject stands before it (or is carried, for a dropped one), never among them
            k, parties = _comitative(view, trig, parties, s)
            if k is not None:
                subj = _implicit_subject(view, mentions, parties, s, meetings, floor=k) or \
                    _side_head(view, mentions, parties, s, k)
                if subj is None:
                    continue
                parties = [subj, *parties]
        if slot is not None:
            # "He also met A and B", "واستقبل جلالته A وB", "وی با A و B دیدار کرد": the subject is carried
            # from before the sentence and meets each person named; without one, the people named are
            # all on one side and no one's counterpart
            office = next((m for m in mentions if m.start == slot and m.kind == "title"), None)
            subj = _implicit_subject(view, mentions, parties, s, meetings, floor=slot, slot=True) \
                if office is None else _last_holder(office, mentions, parties, doc_date)
            if subj is None:
                continue
            parties = [subj, *parties]
        elif len(parties) == 1 and not recalled:
            # "Zarif arrived …, where he held talks"; but "their last meeting, between the two of them":
            # the pair the pronoun refers to met, and the one named is not met by whoever came before
            subj = None if _between_them(view, t0, e) else \
                _implicit_subject(view, mentions, parties, s, meetings, floor=opener)
            if subj is not None:
                parties = [subj, *parties]
        if len(parties) < 2:
            lone += [(si, t, person, place, attendees) for t, person, place in made
                     if t.payloads[0]["kind"] in (VISIT_KIND, ARRIVAL_KIND)
                     and all((p.identity or p.text) == person.identity for p in parties)]
            continue
        parties = _listed(view, _one_person(view, parties, doc_date), t0.start, trig, mentions)
        if len(parties) < 2 or _met_office(view, trig, parties, mentions, s, e):
            continue
        envoy_guest = any(p.get("roles") == "envoy_guest" for p in t0.payloads)
        row = _by_phone(view, t0, s, e, data, trig)
        # a welcome on arrival where every place the sentence names is in one country: arriving there
        welcome_in = _arrival_country(view, mentions, s, e) \
            if arrivals and any(p.get("roles") == "host_subject" for p in t0.payloads) else None
        # "received a delegation headed by A and B": the heads of one delegation are one side, met together
        heads = _co_heads(view, parties, s, e)
        host_subject = any(p.get("roles") == "host_subject" for p in t0.payloads)
        # "X was received by Y", «X مورد استقبال Y قرار گرفت»: a reception in the passive has its
        # guest for subject and its host for agent
        passive = next((r.start for r in scan(view, "passive_receptions", s, e)
                        if r.start <= t0.start < r.end), None) if host_subject else None
        groups = [tuple(parties)] if summit_all or len(heads) > 1 and all(p in heads for p in parties[1:]) else \
            _pairs(parties, view, t0.start, _hosts(view, s, e, parties), t0.end,
                   reception=host_subject and passive is None)
        # "X received the credentials of the ambassadors of A, B and C", "the envoys who presented
        # their credentials were A of X and B of Y": whoever the sentence names, envoys present
        # credentials to a head of state; a pair with no one who could receive them (a known person
        # or an office that is no envoy's) is two of the envoys listed, who did not receive each other
        credentials = any(p.get("roles") == "envoy_guest" for t in trig for p in t.payloads)
        welcome = _welcome(view, trig, parties, s, e, mentions)
        for group in groups:
            if credentials and not any(_receiver(p) for p in group):
                continue
            if welcome is not None and not welcome.counterparts(group):
                continue
            if _welcomed_home(group, welcome_in) or _one_side(group) or \
                    not any(_codable(p) or _described(view, p, mentions) for p in group):
                continue
            m = Meeting(row, status, list(group), list(attendees), evidence_sents=[si],
                        clauses=[Clause(s, e, opener, said)], status_rule=why or kept, clause_rule=split_rule)
            _roles(view, m, host_subject, s, e, envoy_guest=envoy_guest, passive=passive)
            if welcome is not None and host_subject:
                welcome.roles(m)
            in_sent = [d for d in dates if s <= d.start < e]
            # the date nearest the trigger: a dateline at the sentence start is the report's, not the meeting's
            # a resolved date beats a bare weekday ("روز دوشنبه دوم تیرماه ۱۳۹۹")
            m.date = min(in_sent, key=lambda d: (d.value is None, min(abs(d.start - t0.end), abs(t0.start - d.end))),
                         default=None)
            if _dated_after(m.date, doc_date):
                # "فردا یکشنبه به تهران سفر می‌کند", "يبحثان … غدا": the present tense of a schedule, dated
                # after the day the article appeared, reports a meeting that has not happened yet
                m.status, m.status_rule = "planned", DATED_AFTER_RULE
            meetings.append(m)
    meetings = _merge_same(meetings + _lone_visits(view, lone, meetings, dates, data, people, mentions))
    _lead_dates(view, meetings, dates, people, doc_date)
    _same_day(view, meetings)
    for m in meetings:
        visitor = trip_visitor(m, trips) if m.status == "happened" else None
        if visitor is not None:
            # the visitor is the guest of the people of the country he travelled to
            for p in m.parties:
                m.roles[id(p)] = "guest" if p is visitor else "host"
    return meetings, trips


# The rule a meeting cites when it is planned because its date falls after the document's date
DATED_AFTER_RULE = "status.dated_after"


def _dated_after(d: DateExpr | None, doc_date: date | None) -> bool:
    """``d`` falls after the publication date: a day after it, or a month after its month, or, with
    no publication date known, a day its own words put ahead ("tomorrow", "Tuesday next week")."""
    if d is not None and d.ahead:
        return True
    if d is None or d.value is None or doc_date is None:
        return False
    if d.granularity == "day":
        return d.value > doc_date
    if d.granularity == "month":
        return (d.value.year, d.value.month) > (doc_date.year, doc_date.month)
    return d.value.year > doc_date.year


def _lead_dates(view: View, meetings: list[Meeting], dates: list[DateExpr], people: list[Mention],
                doc_date: date | None = None) -> None:
    """A held meeting whose own sentences give no day takes the day of the article's lead when the
    lead reports it: "On Monday the king received the credentials of four ambassadors. The
    ambassador of Chile presented …" — a lead sentence before the meeting's, with a resolved date,
    that names one of its parties or states a meeting by the same trigger. A day after publication
    is a plan's ("they meet tomorrow; last month they spoke by phone"), never a held meeting's."""
    for m in meetings:
        if m.status != "happened" or (m.date is not None and m.date.value is not None):
            continue
        first = min(m.evidence_sents)
        for si in range(min(first, LEAD_SENTENCES)):
            s, e = view.sentences[si]
            dated = [d for d in dates if s <= d.start < e and d.value is not None and not _dated_after(d, doc_date)]
            trig = scan(view, "triggers", s, e)
            named = any(p.sent == si and (p.identity or p.text) in m.identities() for p in people)
            if dated and (named or any(t.payloads[0]["id"] == m.rule for t in trig)):
                # the day nearest the lead's own trigger: a dateline's date is the report's
                at = trig[0].start if trig else s
                m.date = min(dated, key=lambda d: abs(d.start - at))
                break


def _same_day(view: View, meetings: list[Meeting]) -> None:
    """"A and B met on Saturday, after C and D met earlier the same day": a meeting told in a clause
    split off a sentence (``clause_rule``) whose clause gives no day but a phrase of the same day
    (``same_day`` of meetings.json: "the same day", «في اليوم نفسه», «همان روز») took place on the
    day of the meeting that the sentence's first clause states."""
    for m in meetings:
        if m.clause_rule is None or (m.date is not None and m.date.value is not None):
            continue
        c = m.clauses[0]
        if not scan(view, "same_day", c.start, c.end):
            continue
        s = view.sentences[m.evidence_sents[0]][0]
        main = next((o for o in meetings if o is not m and o.date is not None and o.date.value is not None
                     and any(k.start == s for k in o.clauses)), None)
        if main is not None:
            m.date = main.date


def joint_speakers(view: View, claims: Sequence[Claim], meetings: Sequence[Meeting]) -> list[Claim]:
    """Each joint claim once per party of the held meeting reported last before it (the first
    held meeting when none is before it); with no held meeting a joint claim has no speaker and
    is left out."""
    held = [m for m in meetings if m.status == "happened"]
    out: list[Claim] = []
    for c in claims:
        if not c.joint:
            out.append(c)
            continue
        if not held:
            continue
        before = [m for m in held if view.sentences[m.evidence_sents[0]][0] <= c.cue[0]]
        out.extend(replace(c, speaker=party) for party in (before[-1] if before else held[0]).parties)
    return out


def _traveller(m: Mention) -> bool:
    """Who can be a visit's visitor: a person the dictionary knows, or one the article names whom it
    does not (a deputy minister, an envoy: most visitors), never an unnamed office."""
    return m.is_person and m.identity is not None and (m.actor is not None or m.kind == "person")


def trip_visitor(m: Meeting, trips: Trips) -> Mention | None:
    """The party of ``m`` the article says travelled to the country of another party."""
    return next((p for p, _ in _trip_places(m, trips)), None)


def trip_place(m: Meeting, trips: Trips) -> Mention | None:
    """Where a party of ``m`` travelled to (the destination's mention), in the country of another
    party (see ``trip_visitor``)."""
    return next((dest for _, dest in _trip_places(m, trips)), None)


def _trip_places(m: Meeting, trips: Trips) -> Iterator[tuple[Mention, Mention]]:
    for p in m.parties:
        if _traveller(p):
            for t in trips:
                if t.visitor.identity == p.identity and \
                        any(q is not p and _country(q) == t.dest.place.country for q in m.parties):
                    yield p, t.dest


def _trips(view: View, trig: list, planned: list, mentions: list[Mention], s: int, e: int,
           claims: Sequence[Claim], data: dict[str, Any]) -> list[tuple[Match, Mention, Mention]]:
    """'زيارة روحاني إلى باكو', "Rouhani's visit to Baku", "… به تهران سفر کرده است": the visitor
    (a person the article names) and the destination of a visit the sentence reports as made, not planned; returns
    the sentence's (visit word, visitor, destination)."""
    made = []
    dest_words = set(data.get("visit_destination", []))
    for t in trig:
        if t.payloads[0].get("kind") not in ("visit", "arrival") or _is_planned(view, planned, [t], []):
            continue
        if _unmade(view, t, s, e):
            continue  # "ahead of his visit to Doha", "به مسکو سفر می‌کند"
        if any(c.direct and c.start <= t.start < c.end for c in claims):
            continue  # a quoted "I have travelled to Iran three times" is no report of this visit
        near = [m for m in mentions if s <= m.start < e and abs(m.start - t.end) < VISIT_NEAR_CHARS or
                (s <= m.start < e and 0 <= t.start - m.end < VISITOR_BEFORE_CHARS)]
        def dest(m: Mention) -> bool:
            return (view.text[max(s, m.start - DESTINATION_WORD_CHARS):m.start].split() or [""])[-1] in dest_words
        # the visitor: right after the word ("زيارة روحاني") or just before it ("Rouhani's visit")
        after = [m for m in near if _traveller(m) and 0 <= m.start - t.end < VISITOR_AFTER_CHARS]
        made_by = None if after else _made_by(view, t, e)
        if made_by is not None:
            # «الزيارة التي قام بها الوزير إلى طوكيو»: the subject of the visit's own relative clause,
            # right after its verb or after the destination that follows it («أداها إلى طوكيو الوزير»)
            to = next((m for m in mentions if m.kind == "place" and 0 <= m.start - made_by <= DESTINATION_WORD_CHARS
                       and dest(m)), None)
            lead = made_by if to is None else to.end
            after = [m for m in mentions
                     if _traveller(m) and 0 <= _lead(m) - lead < VISITOR_AFTER_CHARS and m.start < e]
        prior = [m for m in near if _traveller(m) and 0 <= t.start - m.end < VISITOR_BEFORE_CHARS]
        person = after[0] if after else (prior[-1] if prior else None)

        # "to Baku" after the visit word, or its object right after it ("زار العراق", "visited Kenya")
        place = next((m for m in near if m.kind == "place" and m.start > t.end
                      and (dest(m) or m.start - t.end <= OBJECT_GAP_CHARS)), None)
        if place is None:
            # a long subject between the word and its destination, in the same clause: "وصل الملك
            # فلان والرئيس فلان الى بيروت", "the visit of the king and his foreign minister to Hanoi"
            stop = _clause_end(view.text, t.end, e)
            place = next((m for m in mentions if m.kind == "place" and t.end < m.start < stop and dest(m)), None)
        if place is not None and place.start - t.end <= OBJECT_GAP_CHARS and prior:
            person = prior[-1]  # "Ghani visited Islamabad": the place is the object, the visitor the subject
        elif after and (place is None or place.start > after[0].end):
            # verb, subject, object: "زار لافروف أنقرة" — the place right after the visitor is the object
            place = next((m for m in near if m.kind == "place" and 0 <= m.start - after[0].end <= OBJECT_GAP_CHARS),
                         place)
        if place is None and profile(view.lang)["verb_final"]:
            # Persian "… به تهران سفر کرده است": destination before the verb, visitor the subject; a tour's
            # stops end there ("به قطر، عمان و سپس اردن سفر کرد")
            place = next((m for m in mentions if m.kind == "place" and s <= m.start < t.start and dest(m)
                          and 0 <= t.start - [m, *_itinerary(view, m, mentions, t.start, data)][-1].end
                          < DESTINATION_WORD_CHARS), None)
            if place is not None:
                person = next((m for m in mentions if s <= m.start < place.start and m.is_person
                               and _traveller(m)), person)
        if person is None and place is not None and profile(view.lang)["verb_final"]:
            # "ظریف … به منظور رایزنی با مقامات روسیه وارد مسکو شد": a long purpose phrase between the
            # visitor and the verb; in a verb-final clause the visitor is its first person, the subject
            person = next((m for m in mentions if s <= m.start < t.start and _traveller(m)), None)
        if person is not None and place is not None:
            # the places listed after the first are the tour's further stops ("visits to Qatar, Oman and
            # Jordan", "جولته … من قطر ثم عمان والأردن")
            made += [(t, person, stop) for stop in [place, *_itinerary(view, place, mentions, e, data)]]
    return made


def _made_by(view: View, t: Match, e: int) -> int | None:
    """Where the visitor stands when a visit noun's own relative clause tells who made it: "the visit
    that the minister made to Rome", «الزيارة التي قام بها الوزير إلى روما», «زيارة العمل التي أداها
    إلى روما الوزير». The relative pronoun (``relative_pronouns`` of meetings.json; none after an
    indefinite noun, «زيارة قام بها») follows the noun within ``RECALLED_NOUN_WORDS`` words (its
    adjectives between), and the clause's verb is one of
    ``visit_made_verbs``, the light verbs of performing a visit (its resumptive pronoun on it or
    after it, «بها»); the subject follows the verb, or the destination after it. A relative clause
    with another verb ("the visit during which the president received him") has its own subject,
    no visitor. Returns the offset after the verb, or None."""
    verbs = _folded(view.lang, "visit_made_verbs")
    if not verbs:
        return None
    relatives = _folded(view.lang, "relative_pronouns")
    toks = view.tokens_in(t.end, _clause_end(view.text, t.end, e))
    for i, tok in enumerate(toks[:RECALLED_NOUN_WORDS + 1]):
        # an indefinite noun's relative clause has no pronoun: «زيارة قام بها الوزير إلى روما»
        relative = fold(tok.text) in relatives
        rest = toks[i + relative:i + relative + MADE_VERB_WORDS]
        words = [fold(x.text) for x in rest]
        for n in range(len(words), 0, -1):
            if " ".join(words[:n]) in verbs:
                return rest[n - 1].end
        if relative:
            return None
    return None


def _itinerary(view: View, first: Mention, mentions: Sequence[Mention], e: int, data: dict[str, Any]) -> list[Mention]:
    """The places listed right after ``first``: nothing between them but commas, list glue ("and", "و")
    and the words of ``itinerary_glue`` (meetings.json: "then", "ثم", "سپس")."""
    glue = {fold(w) for w in [*profile(view.lang)["list_glue"], *data.get("itinerary_glue", [])]}
    out, last = [], first
    for m in mentions:
        if m.kind != "place" or m.start < last.end or m.start >= e or m is first:
            continue
        gap = view.text[last.end:m.start].replace("،", " ").replace(",", " ").split()
        if any(c in view.text[last.end:m.start] for c in ".؛;:\n") or not all(fold(w) in glue for w in gap):
            break
        out.append(m)
        last = m
    return out


# How far into its clause an appeal's infinitive marker may stand ("called on all parties in the
# region to …") (words)
APPEAL_REACH_WORDS = 12


def _appeal(view: View, t: Match, e: int) -> bool:
    """A trigger whose clause goes on with one of its row's ``appeal_after`` words is an appeal, not a
    meeting: "called on the two sides to return to the talks" (while "called on the President" is a
    courtesy call)."""
    words = {fold(w) for p in t.payloads for w in p.get("appeal_after", ())}
    if not words:
        return False
    after = [fold(w) for w in view.text[t.end:_clause_end(view.text, t.end, e)].split()][:APPEAL_REACH_WORDS]
    return any(w in words for w in after)


def _has_counterpart(view: View, t: Match, s: int, people: Sequence[Mention]) -> bool:
    """A trigger whose row is ``with_counterpart`` (verbs that also mean talking to the press or in
    public: "spoke", «صحبت کرد», «تحدث») is a meeting only with someone to meet: a person named right
    after the trigger when its words end in their own preposition ("spoke to A", «تحدث مع A»), a
    comitative right before a person named in the sentence («A با B … صحبت کرد»), or a reciprocal
    before the trigger («با یکدیگر تبادل نظر کردند»). "spoke to reporters about A" and «با اشاره به A»
    (with reference to A) name no one met."""
    if not any(p.get("with_counterpart") for p in t.payloads):
        return True
    if any(m.end <= t.start for m in scan(view, "reciprocals", s, t.start, clitics=False)):
        return True
    preps = {fold(w) for w in profile(view.lang)["prepositions"]}
    # "spoke to A": the trigger's own preposition governs the person after it; after a bare verb
    # the person is its subject («وتحدث A مع B»)
    governs = fold(view.text[t.start:t.end].split()[-1]) in preps
    for p in people:
        if governs and p.start >= t.end and _open_gap(view, t.end, _lead(p), COUNTERPART_WORDS):
            return True
        if _comitative_before(view, s, _lead(p)) is not None:
            return True
    return False


# At most this many words of an adverbial (a time, a place, a manner) stand between a meeting verb and
# the comitative that completes it: "conferred in the palace garden with A", "a joint news briefing
# on Friday with A", "spoke on Monday with A"
SPLIT_ADJUNCT_WORDS = 4
# The person met stands at most this many words after that comitative (his office's words first:
# "with the Deputy Chair of the Commission, A")
SPLIT_COUNTERPART_WORDS = 10


@cache
def _split_heads(lang: str) -> tuple[Trie, frozenset[str], frozenset[str]] | None:
    """The trigger phrases that end in a comitative ("conferred with", "joint press conference with",
    "spoke with"), without it: the heads an adverbial may part from their "with" (``split_comitatives``
    of meetings.json; None where the language's data has no such row). Each head carries its trigger's
    row under the split rule's id, which the meeting then cites. With them, folded once per language,
    the comitatives and the row's ``stops``."""
    data = load_json(lang, "meetings.json")
    split = data.get("split_comitatives")
    if split is None:
        return None
    comitatives = frozenset(fold(w) for w in data.get("comitatives", []))
    trie = Trie()
    for row in data.get("triggers", []):
        for pat in row["patterns"]:
            words = pat.split()
            if len(words) > 1 and fold(words[-1]) in comitatives:
                for k in match_keys(" ".join(words[:-1])):
                    trie.add(k, {**row, "id": split["id"]})
    return trie, comitatives, frozenset(fold(w) for w in split["stops"])


def _split_comitatives(view: View, s: int, e: int, triggers: Sequence[Match],
                       people: Sequence[Mention]) -> list[Match]:
    """Meeting phrases whose comitative an adverbial parts from their verb or noun: "A conferred in the
    palace garden with B", "at a joint news briefing on Friday with B", "A spoke on Monday with B". The
    head is no trigger by itself (a bare "met" is one already); at most ``SPLIT_ADJUNCT_WORDS`` words
    stand before the "with", none of them a person, a trigger, a clause mark or a word that opens
    another complement or clause (``stops``: "spoke to reporters and with …", "spoke about the talks
    with …" tell no talk with anyone); a person follows the "with" within ``SPLIT_COUNTERPART_WORDS``
    words in its clause. The match runs from the head to the "with", as the unbroken phrase would."""
    heads = _split_heads(view.lang)
    if heads is None:
        return []
    trie, comitatives, stops = heads
    lo, hi = view.token_range(s, e)
    tokens = view.tokens
    out: list[Match] = []
    for h in trie.scan(tokens, lo=lo, hi=hi):
        if any(t.start <= h.start < t.end or h.start <= t.start < h.end for t in triggers):
            continue
        at = next((i for i in range(lo + h.last, min(hi, lo + h.last + SPLIT_ADJUNCT_WORDS + 1))
                   if tokens[i].text in comitatives), None)
        if at is None or at == lo + h.last:
            continue
        w = tokens[at]
        gap = view.text[h.end:w.start]
        if any(c in _BOUNDARY for c in gap) or any(tokens[i].text in stops for i in range(lo + h.last, at)) or \
                any(h.end <= p.start < w.start or p.start < h.end <= p.end for p in people) or \
                any(h.end <= t.start < w.start for t in triggers):
            continue
        if not any(_lead(p) >= w.end and not any(c in _SENTENCE_MARKS for c in view.text[w.end:_lead(p)])
                   and len(view.text[w.end:_lead(p)].split()) <= SPLIT_COUNTERPART_WORDS for p in people):
            continue
        out.append(Match(h.first, at - lo + 1, h.start, w.end, h.payloads))
    return out


def _process(view: View, t: Match, s: int) -> bool:
    """A meeting word governed by a noun or verb of continuing or resuming (``process_heads`` of
    meetings.json, at most ``GOVERNED_WORDS`` words before it in its clause) names talks as a process
    someone wants kept up, not one meeting: "called for the resumption of talks", "efforts to
    restart the negotiations", «دعا إلى استمرار المشاورات», «خواستار ازسرگیری مذاکرات شد»."""
    heads = [m for m in scan(view, "process_heads", _clause_start(view.text, t.start, s), t.start)
             if m.end <= t.start]
    return any(_open_gap(view, m.end, t.start, GOVERNED_WORDS) for m in heads)


def _unmade(view: View, t: Match, s: int, e: int) -> bool:
    """A word of ``visit_unmade`` (meetings.json) a few words before or after the visit word, in its
    clause: the trip is still ahead ("before his visit to", "سفر خواهد کرد")."""
    words = _folded(view.lang, "visit_unmade")
    lo = _clause_start(view.text, t.start, s)
    hi = _clause_end(view.text, t.end, e)
    before = [fold(w) for w in view.text[lo:t.start].split()][-UNMADE_WORDS:]
    after = [fold(w) for w in view.text[t.end:hi].split()][:UNMADE_WORDS]
    for side in (before, after):
        text = " ".join(side)
        if any(w in side or f" {w} " in f" {text} " for w in words):
            return True
    return False


def _to_attend(view: View, t: Mention, s: int, e: int) -> bool:
    """A phrase of ``event_purposes`` (meetings.json) in the clause of a trip's destination: the trip
    was made to attend or take part in an event there ("arrived in Doha to attend the summit")."""
    lo = _clause_start(view.text, t.start, s)
    return bool(scan(view, "event_purposes", lo, _clause_end(view.text, t.end, e)))


def _lone_visits(view: View, lone: list[tuple[int, Match, Mention, Mention, list[Mention]]], meetings: list[Meeting],
                 dates: list[DateExpr], data: dict[str, Any], people: Sequence[Mention] = (),
                 mentions: Sequence[Mention] = ()) -> list[Meeting]:
    """A held visit abroad whose article names no one the visitor met there ("Lavrov visited
    Turkey"): the visitor and the country visited are its parties, as a country stands for its
    people where no person is named for it. A meeting of the visitor with someone of that country
    reported anywhere in the article, held or still ahead, is the event instead; a trip at home is
    no visit. One person of that country the article names beside the visitor (``_named_host``) is
    the host, not the country."""
    out: list[Meeting] = []
    if not lone:
        return out
    # a trip made to attend an event there ("flew to Doha to attend the forum", «برای شرکت در نشست …
    # به مسکو سفر کرد», «توجه إلى … للمشاركة في القمة»): a sentence naming the visitor and a place of
    # that country with the purpose in the place's clause; he went to the event, and the country
    # did not host him
    attending = {(p.identity, x.place.country) for x in mentions if x.kind == "place" and x.place is not None
                 and _to_attend(view, x, *view.sentences[x.sent]) for p in people if p.sent == x.sent}
    for si, t, visitor, place, present in lone:
        country = place.place.country
        home = _country(visitor)
        if not country or not home or home == country or (visitor.identity, country) in attending:
            continue
        # planned ones too: "Blinken arrived in Israel, where he will meet Herzog" makes the visit's
        # meetings planned, not a held visit to "Israel"
        met = any(visitor.identity in m.identities()
                  and any(q is not p and _country(q) == country for p in m.parties for q in m.parties)
                  for m in [*meetings, *out])
        if met or (t.payloads[0]["kind"] == ARRIVAL_KIND
                   and any(visitor.identity in m.identities() for m in meetings)):
            continue  # an arrival is news only when the article reports nothing the visitor did there
        # "the welcome ceremony for X on his visit to Tehran, in the presence of Raisi": one of the
        # country's people present at the visit is its host, not the country
        host = next((p for p in present if _country(p) == country), None) or \
            _named_host(view, visitor, country, people) or \
            Mention(place.start, place.end, "title", place.text, place.sent, role=COUNTRY_ROLE,
                    country=country, key=f"country:{country}")
        s, e = view.sentences[si]
        row = t.payloads[0]
        if row["kind"] == ARRIVAL_KIND:
            # an arrival is a visit's start: coded as the visit, cited by the arrival's rule
            row = {**next(r for r in data["triggers"] if r["kind"] == VISIT_KIND), "id": row["id"]}
        m = Meeting(row, "happened", [visitor, host], evidence_sents=[si], clauses=[Clause(s, e)],
                    roles={id(visitor): "guest", id(host): "host"})
        m.date = min((d for d in dates if s <= d.start < e),
                     key=lambda d: (d.value is None, min(abs(d.start - t.end), abs(t.start - d.end))), default=None)
        out.append(m)
    return out


def _named_host(view: View, visitor: Mention, country: str, people: Sequence[Mention]) -> Mention | None:
    """The one person of the visited ``country`` the article names in a sentence with the visitor,
    where a meeting word or a comitative ties them ("a news briefing with Israeli Prime Minister A",
    "B and A held talks in Nara"): the country's person the visitor met, named though no meeting
    was read. With two or more such people it is not known which one; None."""
    found: dict[str, Mention] = {}
    for q in people:
        if not q.is_person or _country(q) != country or q.identity == visitor.identity:
            continue
        if not any(p.sent == q.sent and p.identity == visitor.identity for p in people):
            continue
        s, e = view.sentences[q.sent]
        # the one who invited him, whose remarks were discussed, …: named, not met
        if q in _governed(view, [p for p in people if p.sent == q.sent], s, e, people):
            continue
        if scan(view, "triggers", s, e) or _comitative_near(view, s, _lead(q)):
            found.setdefault(q.identity or q.text, q)
    return next(iter(found.values())) if len(found) == 1 else None


def _sides(view: View, parties: list[Mention], sent_people: list[Mention], s: int) -> list[Mention]:
    """A country's side or delegation is a party where a comitative governs it, at most two words
    before it ("talks with a Chinese delegation", "مع الوفد الصيني", "با هیئت چینی"; next to a
    trigger it is as often the subject of a new clause: "during the talks the Russian side told …"),
    and the sentence names no person of that country ("the Chinese delegation headed by Wang Yi":
    Wang Yi stands for it)."""
    named = {_country(p) or (p.title_role or p.apposed_role or (None, None))[1]
             for p in sent_people if p.kind != "institution"}
    # … and a side meets a person the dictionary knows: beside an unknown name it is too little evidence
    known = any(p.actor is not None for p in parties if p.kind != "institution")
    return [p for p in parties if p.kind != "institution" or (known and p.country not in named
                                                                and _comitative_near(view, s, p.start))]


def _comitative_near(view: View, s: int, pos: int) -> bool:
    """A comitative stands at most ``SIDE_WORDS`` words before ``pos`` (not before ``s``), with no
    clause boundary between: "talks with the Chinese side", "a briefing with Israeli Prime Minister A"."""
    words = _folded(view.lang, "comitatives")
    return any(fold(view.text[t.start:t.end]) in words and _open_gap(view, t.end, pos)
               for t in view.tokens_in(s, pos)[-(SIDE_WORDS + 1):])


def _country(p: Mention) -> str | None:
    return p.actor.country if p.actor is not None else p.country


def _side_country(p: Mention) -> str | None:
    """The country a party stands for: the dictionary's, his title's, or the one his apposed title gives."""
    return _country(p) or (p.title_role or p.apposed_role or (None, None))[1]


def _bare_title(m: Mention) -> bool:
    """An office with no country and no holder ("the president", "وزير الخارجية"): nobody in particular."""
    return m.kind == "title" and m.actor is None and m.country is None and not m.placeholder


def _anaphoric_title(view: View, t: Mention, mentions: Sequence[Mention]) -> bool:
    """A bare office of no organisation that is no one's title: it refers back to someone named before
    ("كما التقى الوزير السفير A", "the minister met ambassador A"). Right before a person with no title
    of his own it is his ("the Secretary to the Government, A", "المبعوث الأممي إلى اليمن A")."""
    if not _bare_title(t) or t.org is not None or is_reporter(t) or \
            any(q.title_span and q.title_span[0] <= t.start < q.title_span[1] for q in mentions):
        return False
    nxt = min((q for q in mentions if q.is_person and q.start >= t.end), key=lambda q: q.start, default=None)
    return nxt is None or nxt.title_span is not None or not _open_gap(view, t.end, nxt.start, OBJECT_GAP_WORDS)


def _last_holder(office: Mention, mentions: Sequence[Mention], met: Sequence[Mention],
                 doc_date: date | None) -> Mention | None:
    """The person a bare office refers back to: the last one named before it who holds that office
    ("Prime Minister Sheikh Hasina arrived … the visiting Prime Minister called on A"), by his title
    in the text or the dictionary's office on the document date; never one of the people ``met``."""
    not_met = {p.identity or p.text for p in met}
    for m in reversed([m for m in mentions if m.end <= office.start and m.is_person and m.kind == "person"]):
        if (m.identity or m.text) in not_met:
            continue
        titled = (m.title_role or m.apposed_role or (None,))[0] == office.role
        if titled or (m.actor is not None and m.actor.holds(office.role, None, None, doc_date)):
            return m
    return None


def _codable(p: Mention) -> bool:
    """Some state or organisation stands behind ``p``: the dictionary knows him, or a title, a
    country or an organisation is his. A meeting where no party has any ("A met B", both names
    nobody describes: players of a match, the guests of a private party) is no event a user of
    diplomatic data can code, and the names are as often NER's misreadings."""
    return p.actor is not None or p.kind != "person" or p.org is not None or _side_country(p) is not None \
        or p.title_role is not None or p.apposed_role is not None or p.group is not None


# How far a description of a person reaches from his name: "A, Russia's deputy foreign minister",
# "the EU's envoy to Libya, A" (words)
DESCRIPTION_REACH_WORDS = 8
_DESCRIPTION_END = set(".؛;:!?؟\n«»“”\"()")
_DESCRIBING_KINDS = frozenset({"place", "demonym", "org", "institution"})


def _described(view: View, p: Mention, mentions: Sequence[Mention]) -> bool:
    """A country, a demonym, an organisation or an institution describes ``p`` from a few words
    around his name, within his phrase (no other person, no clause end between): an office the
    title lists do not know still says whom he stands for ("A, Russia's deputy foreign minister")."""
    lo = max((q.end for q in mentions if q.is_person and q.end <= _lead(p)), default=0)
    hi = min((_lead(q) for q in mentions if q.is_person and _lead(q) >= p.end), default=len(view.text))
    before = view.tokens_in(lo, _lead(p))[-DESCRIPTION_REACH_WORDS:]
    after = view.tokens_in(p.end, hi)[:DESCRIPTION_REACH_WORDS]
    a = before[0].start if before else _lead(p)
    b = after[-1].end if after else p.end
    return any(m.kind in _DESCRIBING_KINDS and a <= m.start and m.end <= b
               and not any(c in _DESCRIPTION_END for c in view.text[min(m.end, p.end):max(m.start, _lead(p))])
               for m in mentions)


def _arrival_country(view: View, mentions: Sequence[Mention], s: int, e: int) -> str | None:
    """The one country of all the places a sentence names, or None (none, or several)."""
    countries = {m.place.country for m in mentions if m.kind == "place" and s <= m.start < e
                 and m.place is not None and m.place.country}
    return next(iter(countries)) if len(countries) == 1 else None


def _welcomed_home(group: Sequence[Mention], country: str | None) -> bool:
    """A welcome on arrival in ``country`` of one of its own people by people of no other country
    ("… با استقبال A و B وارد فرودگاه مهرآباد تهران شد" of the Iranian speaker, a governor greeting his
    president at the airport of a provincial city): he came home, and no two sides met."""
    if country is None or len(group) != 2:
        return False
    a, b = (_side_country(p) for p in group)
    return (a == country and b in (None, country)) or (b == country and a in (None, country))


# Offices that name no one in particular: "Tajik officials", "مقامات چین" stand for their country
GENERIC_ROLES = frozenset({"officials"})
# Between a name and the office apposed to it: punctuation only ("A; US special envoy", "A، سفير X")
APPOSITION_MARKS = " ،,;؛:-–\u200c"


def _one_person(view: View, parties: list[Mention], doc_date: date | None) -> list[Mention]:
    """The parties less those that are another party again:
    - an unnamed office holder ("the US special envoy", "سفیر کویت") whose office and country are
      those of a named party, by the title apposed to his name, the dictionary's office on the
      date, or the office standing right beside his name: "A, the US special envoy, met B" is two
      people, not three;
    - a generic party of a country ("Tajik officials", "مقامات چین") where a named person of that
      country is among the people met: "he travelled to meet Tajik officials and met President
      A" names whom he met."""
    named = [p for p in parties if p.kind == "person"]

    def office_of(p: Mention, t: Mention) -> bool:
        if _side_country(p) != t.country:
            return False
        if (p.title_role or p.apposed_role or (None,))[0] == t.role:
            return True
        if p.actor is not None and p.actor.holds(t.role, t.country, None, doc_date):
            return True
        gap = view.text[min(p.end, t.end):max(p.start, t.start)] if p.end <= t.start or t.end <= p.start else ""
        return gap.strip(APPOSITION_MARKS) == "" and gap != ""

    out = []
    for t in parties:
        if t.kind == "title" and t.actor is None and t.country and not t.placeholder:
            if t.role in GENERIC_ROLES and any(_side_country(p) == t.country for p in named):
                continue
            if any(office_of(p, t) for p in named):
                continue
        out.append(t)
    return out


def _by_phone(view: View, t0: Match, s: int, e: int, data: dict[str, Any],
              triggers: Sequence[Match] = ()) -> dict[str, Any]:
    """The trigger row of a meeting, made a phone call when its clause says the talk went by phone
    ("discussed … with X over the phone", «بحث … هاتفيا مع», «در تماس تلفونی … رایزنی کردند»:
    ``phone_modes``), or when the meeting verb's object is a phone call ("received a phone call from
    X", "hosted a telephone conversation with X": the noun, not the verb, names what took place,
    at most ``OBJECT_WORDS`` words after it): the language's phone-call row, so the kind, codes,
    rule and place say so (a call has no place)."""
    row = t0.payloads[0]
    if row.get("kind") == "phone_call":
        return row
    phone = next((r for r in data["triggers"] if r.get("kind") == "phone_call"), row)
    if any(t.start >= t0.end and t.payloads[0].get("kind") == "phone_call"
           and _open_gap(view, t0.end, t.start, OBJECT_WORDS) for t in triggers):
        return phone
    start = _clause_start(view.text, t0.start, s)
    end = _clause_end(view.text, t0.end, e)
    if not scan(view, "phone_modes", start, end, clitics=False):
        return row
    return phone


def _met_office(view: View, trig: Sequence[Match], parties: Sequence[Mention], mentions: Sequence[Mention],
                s: int, e: int) -> bool:
    """The people named all stand before the trigger, or before the comitative, whose object is an
    office the text gives no holder ("A and B were in X, where they met with the defence minister",
    "A و B با وزیر دفاع دیدار کردند", "A met with his counterpart"): they met that unnamed person, one
    side together, not one another. People named after the meeting word («لقاء عقده A وB مع …», a
    meeting A and B held) are the noun's agents, not a subject before its verb, and are left alone."""
    last = max(p.end for p in parties)
    if not any(t.start >= last for t in trig):
        return False
    comitatives = _folded(view.lang, "comitatives")
    for o in mentions:
        if not (s <= o.start < e and o.start > last and o.is_person and o not in parties
                and (_bare_title(o) or (o.role == "counterpart" and o.actor is None))):
            continue
        # the object right after the trigger, no comma between: after one, an office opens the next
        # clause ("… a summit of A and B, the vice minister said")
        if any(last <= t.start and t.end <= _lead(o) and _open_gap(view, t.end, _lead(o)) and
               _trigger_object(view, t.end, o) for t in trig):
            return True
        toks = view.tokens_in(last, _lead(o))[-COMITATIVE_WORDS:]
        if any(fold(view.text[t.start:t.end]) in comitatives and _open_gap(view, t.start, _lead(o)) for t in toks):
            return True
    return False


@dataclass
class Welcome:
    """The people a reception lists as receiving one guest: «كان في استقباله A، B وC» (his welcome
    was A, B and C), «وكان في استقبال X لدى وصوله A وB» (at X's welcome were A and B), «X با استقبال A
    و B وارد … شد» (X arrived, welcomed by A and B), "X was welcomed by A and B". ``guest`` is the
    person the words name as received (the genitive right after «في استقبال»), None where he stands
    outside the list (a pronoun's referent, the passive's subject); ``hosts`` are the people listed
    after the words. ``rule`` is the id of the ``welcome_lists`` row."""

    guest: Mention | None
    hosts: list[Mention]
    rule: str

    def counterparts(self, group: Sequence[Mention]) -> bool:
        """Whether the people of ``group`` can be each other's counterparts: a welcoming party is one
        side, so two of its members (the host's minister and the guest's own ambassador at the
        airport, "A and B") never met each other; where the guest is named, a pair without him is
        two of his hosts."""
        if self.guest is not None:
            return self.guest in group
        return not all(p in self.hosts for p in group)

    def roles(self, m: Meeting) -> None:
        """The guest is the one received, everyone else his host, whatever the verb's subject:
        «وكان في استقبال X A» has X for guest, though X stands where a reception verb's host would."""
        if self.guest is not None and self.guest in m.parties:
            for p in m.parties:
                m.roles[id(p)] = "guest" if p is self.guest else "host"
        elif any(p in self.hosts for p in m.parties):
            for p in m.parties:
                m.roles[id(p)] = "host" if p in self.hosts else "guest"


def _welcome(view: View, trig: Sequence[Match], parties: Sequence[Mention], s: int, e: int,
             mentions: Sequence[Mention]) -> Welcome | None:
    """The welcoming party of the sentence's reception (``welcome_lists`` of meetings.json), where its
    words hold one of the sentence's triggers: the people listed after them, the first at most
    ``WELCOME_GAP_WORDS`` words of his office after them with no clause mark between, each next one
    joined to the one before as in any list (``_next_in_list``) within one sentence. A list ends where
    it is no longer joined: «با استقبال A از B» (A's welcome of B) lists A alone."""
    for w in scan(view, "welcome_lists", s, e):
        if not any(w.start <= t.start and t.end <= w.end for t in trig):
            continue
        row = w.payloads[0]
        after = sorted((p for p in parties if _lead(p) >= w.end), key=_lead)
        if not after:
            continue
        first = after[0]
        gap = _without_mentions(view, w.end, _lead(first), mentions)
        if any(c in _BOUNDARY for c in gap) or len(gap.split()) > WELCOME_GAP_WORDS:
            continue
        if row.get("guest") == "next":
            return Welcome(first, [p for p in parties if p is not first], row["id"])
        hosts = [first]
        for p in after[1:]:
            prev = hosts[-1]
            end = max(prev.end, prev.title_span[1]) if prev.title_span and prev.title_span[0] >= prev.end else prev.end
            if any(c in _SENTENCE_MARKS for c in view.text[end:_lead(p)]) or \
                    not _next_in_list(view, end, _lead(p), mentions):
                break
            hosts.append(p)
        return Welcome(None, hosts, row["id"])
    return None


def _one_side(group: Sequence[Mention]) -> bool:
    """Two people of one side are not each other's counterpart, whatever the sentence's syntax:
    - two people of one country are one side: a visit crosses a border, so compatriots in it
      travelled together ("the minister, who flew to Baku with the speaker, …"); an envoy posted
      abroad welcomes or accompanies a compatriot ("Iran's ambassador in Moscow welcomed the
      speaker at the airport"); a president, speaker and prime minister at the airport form one
      welcoming party ("the guests were greeted by A, B and C"); a head of state addressing his
      own ambassadors, a minister thanking his own president for a welcome, meet no other state.
    (Envoys of one credentials ceremony, of different countries, are judged by ``_receiver``.)
    Only a pair is judged; a meeting of several named together keeps everyone."""
    if len(group) != 2:
        return False
    a, b = group
    ca, cb = _side_country(a), _side_country(b)
    return ca is not None and ca == cb


def _between(view: View, trig, parties: list[Mention], e: int, data) -> list[Mention]:
    """'talks between X and Y': exactly the people after 'between', whoever else the sentence names."""
    words = set(data.get("between", []))
    after = view.text[trig.end:e].split()[:BETWEEN_WORDS]
    if not any(w.strip("،,") in words for w in after):
        return []
    k = trig.end + view.text[trig.end:e].find(next(w for w in after if w.strip("،,") in words))
    found = [p for p in parties if p.start > k]
    return found if len(found) >= 2 else []


# A pronoun of the people who met stands right after the meeting word, an adjective at most between
# ("لقاء ثنائي بينهما"); further on it is a topic's ("the relations between them")
PRONOUN_GAP_WORDS = 1


def _between_them(view: View, trig: Match, e: int) -> bool:
    """A pronoun of the people who met stands right after the meeting word ("the meeting between
    them", "لقاء بينهما", "دیدار میان آنها"): ``between_pronouns`` of meetings.json."""
    return any(_open_gap(view, trig.end, m.start, PRONOUN_GAP_WORDS)
               for m in scan(view, "between_pronouns", trig.end, e))


def _hosts(view: View, s: int, e: int, people: list[Mention]) -> list[Mention]:
    """People right after "hosted by", "chaired by", "برئاسة", "به میزبانی"."""
    out = []
    for k in (x.start for x in scan(view, "host_markers", s, e, clitics=False)):
        nxt = [p for p in people if p.start > k and len(view.text[k:min(p.start, p.title_span[0])
                                                                   if p.title_span else p.start].split())
                <= HOST_MARKER_WORDS]
        if nxt:
            out.append(min(nxt, key=lambda p: p.start))
    return out


def _hosted_summit(view: View, t0: Match, parties: list[Mention], attendees: list[Mention], s: int, e: int) -> bool:
    """A summit whose only party named outside the attendance phrases is its host ("hosted by A",
    «به میزبانی A», «برئاسة A»), or that names no party at all, with people said to attend it: those
    people took part in it with the host, where a meeting's attendees otherwise only accompany its
    parties ("A met B, attended by C")."""
    if t0.payloads[0].get("kind") != SUMMIT_KIND or not attendees or len(parties) > 1:
        return False
    if not parties:
        return len(attendees) > 1
    return parties[0] in _hosts(view, s, e, parties)


def _without_mentions(view: View, a: int, b: int, mentions: Sequence[Mention]) -> str:
    """view[a, b) with every mention but a person's blanked out: what is left of a gap once the
    titles, places and institutions describing the people around it are set aside."""
    chars = list(view.text[a:b])
    for m in mentions:
        if m.kind != "person" and a <= m.start and m.end <= b:
            chars[m.start - a:m.end - a] = " " * (m.end - m.start)
    return "".join(chars)


def _listed(view: View, parties: list[Mention], trig: int, triggers: list[Match],
            mentions: Sequence[Mention] = ()) -> list[Mention]:
    """The counterparts of a meeting are one list: the first, then each one joined to the one
    before it by a comma or a conjunction (its own apposed title between), or by another meeting
    word ("met A and later held talks with B"). A person named after the list ends is only
    mentioned: "Lula and Trump discussed the tariffs imposed after the sentence handed to Bolsonaro",
    "A met B, an envoy who had carried a message to C"."""
    if len(parties) < 3 or parties[0].group is not None or \
            (parties[1].end <= trig and _coordinated(view, parties[0], parties[1])):
        return parties
    subject, others = parties[0], sorted(parties[1:], key=lambda p: p.start)
    kept = [others[0]]
    for c in others[1:]:
        prev = kept[-1]
        end = prev.title_span[1] if prev.title_span and prev.title_span[0] >= prev.end else prev.end
        lo, hi = max(end, prev.end), _lead(c)
        if _next_in_list(view, lo, hi, mentions) or any(lo <= t.start and t.end <= hi for t in triggers):
            kept.append(c)
        else:
            break
    return [subject, *kept]


def _next_in_list(view: View, lo: int, hi: int, mentions: Sequence[Mention]) -> bool:
    """View [lo, hi) between two people joins them in one list: titles, places and institutions in
    the gap are the next one's description ("، وسفير جمهورية الهند X", ", the chargé d'affaires of
    the US embassy in X, Y"); what is left is a separator and a few words of description or of a
    name NER cut short ("كيم بيل أو، و")."""
    glue = profile(view.lang)["list_glue"]
    words = _without_mentions(view, lo, hi, mentions).replace("،", " ، ").replace(",", " , ").split()
    separated = any(w in (",", "،") or w in glue or w[:1] in glue and len(w) > 1 for w in words)
    return not words or (separated and len(words) <= LIST_GAP_WORDS)


def _coordinated(view: View, a: Mention, b: Mention) -> bool:
    """``a`` and ``b`` are joined by a list: nothing but commas, list glue ("and", "و") and title glue
    ("the") between the end of ``a``'s words and the start of ``b``'s ("Presidents of A and B, the Prime
    Ministers of C and D", "Russian Ambassador X, Malian Ambassador Y")."""
    if a.group is not None and a.group == b.group:
        return True
    end = max(a.end, a.title_span[1]) if a.title_span and a.title_span[0] > a.start else a.end
    gap = view.text[end:_lead(b)] if _lead(b) > end else ""
    if any(c in gap for c in ".؛;:\n"):
        return False
    words = gap.replace("،", " ").replace(",", " ").split()
    glue = profile(view.lang)["list_glue"]
    if not words or " ".join(words) in glue:
        return True
    # a one-word list glue or a comma, then the title's article ("and the Speaker of …", ", the Prime Ministers of")
    rest = words[1:] if words[0] in glue else words
    return all(fold(w) in _title_glue_words(view.lang) for w in rest)


@cache
def _title_glue_words(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in profile(lang)["title_glue"])


def _glued(view: View, a: Mention, b: Mention) -> bool:
    """A conjunction ("and", "و" apart or glued) joins ``b`` to ``a``, or both are of one plural title."""
    if a.group is not None and a.group == b.group:
        return True
    glue = profile(view.lang)["list_glue"]
    return any(w in glue for w in view.text[a.end:_lead(b)].replace("،", " ").replace(",", " ").split())


def _reciprocal(view: View, parties: list[Mention]) -> bool:
    """A reciprocal ("each other", "با یکدیگر", ``reciprocals`` of meetings.json) between the first
    party and the end of the last: the people named met one another, all in one meeting."""
    a, b = parties[0].start, parties[-1].end
    return bool(scan(view, "reciprocals", a, b)) if a < b else False


def _trigger_object(view: View, trig_end: int, p: Mention | None) -> bool:
    """``p`` is the trigger's object: a few words after it, or after a comitative there, with no
    boundary but commas between ("called on the President of X", "met separately with X", "are meeting
    their counterparts, X and Y")."""
    if p is None:
        return False
    gap = view.text[trig_end:_lead(p)]
    if any(c in gap for c in ".؛;:!?؟\n«»“”\"()"):
        return False
    words = [fold(w) for w in gap.replace("،", " ").replace(",", " ").split()]
    comitatives = _folded(view.lang, "comitatives")
    return len(words) <= OBJECT_GAP_WORDS or any(w in comitatives for w in words[:OBJECT_GAP_WORDS])


def _pairs(parties: list[Mention], view: View | None = None, trig: int | None = None,
           hosts: Sequence[Mention] = (), trig_end: int | None = None,
           reception: bool = False) -> list[tuple[Mention, ...]]:
    """Who met whom: the subject with each counterpart (meetings listed together are split per
    counterpart). The subject's side is the list it heads before the trigger — the members of a
    plural title ("the ambassadors of Iraq, Benin and Sri Lanka presented their credentials to X")
    and whoever is coordinated with it ("Presidents of A and B and the Prime Minister of C called on
    X", "A, B and C all met X separately"): each of them meets the one party after it. A side with no
    one else ("the foreign ministers of Iran, Turkey and Russia met", "A, B and C met in Tehran"), whose
    only others are the meeting's hosts ("A and B met … for talks hosted by C"), or that meets a list
    of several ("A and B met C and D"), is one meeting. An active reception (``reception``: "A and B
    received C", «استقبلا», «A و B از C استقبال کردند») is not reciprocal: the list before its verb
    are all hosts, each of whom receives each person after them, however far its object stands from
    the verb, and who receive no one where none is named; a list after it is its object, the guests
    of someone else ("it hosted the Jordanian and Saudi foreign ministers", who met each other)."""
    group = parties[0].group
    side = [p for p in parties if p.group == group] if group is not None else [parties[0]]
    if view is not None and trig is not None:
        # the list goes on while each next party is joined to the one before it and precedes the trigger;
        # it ends at its last conjunction ("A, B and C"): a bare comma after it is no list ("According
        # to X, A met …")
        prev = parties[0]
        chain: list[Mention] = []
        for p in parties[1:]:
            if p in side:
                prev = p
                continue
            if p.end > trig or not _coordinated(view, prev, p):
                break
            chain.append(p)
            if _glued(view, prev, p):
                side.extend(chain)
                chain = []
            prev = p
        if chain and len(side) == 1:
            # "X, Y … met Z" with no conjunction: no list, and no telling which of X and Y is the subject
            # (a reporter, an apposition NER split): one meeting of all, as the text does not divide them
            return [tuple(parties)]
    rest = [p for p in parties if p not in side]
    # a list met no one the trigger governs ("A and B, … held a phone call", "A and B discussed the
    # sanctions on C"): they met one another
    if reception and len(side) > 1 and trig is not None and all(p.end <= trig for p in side):
        # «وكان A وB قد استقبلا في مطار … X»: the hosts met the one they received, not each other
        return [(a, b) for a in side for b in rest]
    unmet = len(side) > 1 and view is not None and trig_end is not None and \
        not _trigger_object(view, trig_end, min((p for p in rest if p.start >= trig_end), key=_lead, default=None))
    # a list meets a list ("A and B are meeting their counterparts, C and D"): who met whom is not
    # said (each his own counterpart, or all together), so one meeting of all
    both = len(side) > 1 and len(rest) > 1
    hosted = len(side) > 1 and all(p in hosts for p in rest)
    if unmet and view is not None and trig_end is not None:
        # what the verb says of a list that met no one it governs names others only as its topic
        # ("A and B discussed the sentence handed to C"): in the verb's own clause only someone a
        # comitative governs joins them ("A and B met in Paris on Monday with C"); a later clause may
        # tell the meeting's host ("A and B attended the summit, which C chaired")
        # ("… for talks hosted by C": a host marker governs C, who took part)
        rest = [p for p in rest if p.start < trig_end or p in hosts
                or any(c in _CLAUSE_MARKS for c in view.text[trig_end:_lead(p)])
                or _comitative_gap(view, trig_end, _lead(p))]
    if not rest or unmet or both or hosted or _reciprocal(view, parties):
        return [tuple(side + rest)] if len(side + rest) > 1 else []
    return [(a, b) for a in side for b in rest]


def _comitative_gap(view: View, a: int, b: int) -> bool:
    """A comitative ("with", «مع», «با») stands among the words of view [a, b), in one sentence."""
    comitatives = _folded(view.lang, "comitatives")
    return any(fold(w.strip(",،")) in comitatives for w in view.text[a:b].split())


def _comitative_before(view: View, s: int, pos: int) -> int | None:
    """Where the comitative ("with", "مع", "با": ``comitatives`` of meetings.json) stands that governs
    the words at ``pos``: right before them, or before the honorifics that open them ("with His
    Excellency A"), at most ``COMITATIVE_WORDS`` words back from ``pos`` and not before ``s``; None
    when another word comes first."""
    words = _folded(view.lang, "comitatives")
    hon = honorific_words(view.lang)
    for tok in reversed(view.tokens_in(s, pos)[-COMITATIVE_WORDS:]):
        w = fold(view.text[tok.start:tok.end])
        if w in words:
            return tok.start
        if w not in hon:
            return None
    return None


def _comitative(view: View, trig: list[Match], parties: list[Mention], s: int) -> tuple[int | None, list[Mention]]:
    """The first party governed by a comitative ("with", "مع", "با": ``comitatives`` of meetings.json,
    right before his words or an honorific before them): he and the parties after him up to the
    trigger that closes the phrase ("با A، B و C دیدار کرد"), or else those coordinated with him ("talks
    with A and B"), are all met. A party after them is the subject ("در دیدار با A، B گفت": B, then the
    people met); with none, returns where the comitative stands, the subject being outside the list."""
    first = parties[0]
    k = _comitative_before(view, s, _lead(first))
    if k is None or not _open_gap(view, k, _lead(first)):
        return None, parties
    close = next((t.start for t in trig if t.start > first.end), None)
    if close is not None:
        inside = [p for p in parties if p.start < close]
    else:
        # "A, B and C, D said": after a conjunction a bare comma ends the list
        inside = [first]
        glued = False
        for p in parties[1:]:
            glue = any(w in profile(view.lang)["list_glue"] for w in view.text[inside[-1].end:_lead(p)].split())
            if not _coordinated(view, inside[-1], p) or (glued and not glue):
                break
            inside.append(p)
            glued = glued or glue
        if not glued:
            # a list ends with a conjunction: "with A, B said" is the comitative's one person and then
            # the subject, "with A, B and C" three people
            inside = [first]
    outside = [p for p in parties if p not in inside]
    if outside:
        return None, [outside[0], *inside, *outside[1:]]
    return k, parties


def _circumstance(view: View, said: Claim, t0: Match, people: Sequence[Mention]) -> bool:
    """A report whose content, as the claims stage reads it, opens with the meeting phrase right
    after the speaker: «A در دیدار با B بر اهمیت روابط تاکید کرد» (A, meeting B, stressed …). A
    verb-final reporting verb takes everything between its subject and itself, so the meeting
    phrase right after the subject falls inside; it is the circumstance of the speaking, not
    something said. Only where no one is named between the start of the content and the meeting
    word ("the spokesman said the minister received X" reports the minister's meeting)."""
    sp = said.speaker
    if sp is None or said.direct or sp.end > said.start or not _open_gap(view, sp.end, said.start, 0):
        return False
    return len(view.text[said.start:t0.start].split()) <= CIRCUMSTANCE_WORDS and \
        not any(said.start <= p.start < t0.start for p in people)


def _reports_own_act(view: View, said: Claim) -> bool:
    """'قال أوباما إنه أجرى اتصالا', 'he said he met': the reported subject is the speaker himself
    (``reported_self`` of meetings.json), unless the report opens passive ("تم", ``passive_openers``)."""
    data = load_json(view.lang, "meetings.json")
    before = view.text[max(0, said.start - SELF_REFERENCE_CHARS):said.start].split()
    head = view.text[said.start:said.end].split()[:1]
    own = set(data["reported_self"])
    if head and head[0] in data["passive_openers"]:
        return False
    return bool((before and before[-1] in own) or (head and head[0].lower() in own))


def _quoted_sentence_start(view: View, said: Claim, t0: Match) -> int:
    """Where the sentence of a quotation that holds the meeting word ``t0`` starts: after the last full
    stop between the quotation's start and the word. The quoted sentence runs past brackets and commas
    ("with (Hossein) A, I stressed"), so only the marks that end a sentence end it."""
    return max([said.start] + [i + 1 for i in range(said.start, t0.start) if view.text[i] in _FULL_STOPS])


def _first_person(view: View, said: Claim, t0: Match) -> bool:
    """A word of the first person singular (``first_person`` of meetings.json: "I", "my", «من», «کردم»,
    «التقيت») in the quoted sentence that holds the meeting word."""
    lo = _quoted_sentence_start(view, said, t0)
    hi = next((i for i in range(t0.end, said.end) if view.text[i] in _FULL_STOPS), said.end)
    words = _folded(view.lang, "first_person")
    return any(fold(w.strip(_BOUNDARY_CHARS)).lower() in words for w in view.text[lo:hi].split())


def _subjectless(view: View, said: Claim, t0: Match, mentions: Sequence[Mention]) -> bool:
    """In a language that drops no subject, a quoted sentence whose meeting word has none before it
    ("Productive first meeting with A", "At the palace, held talks with A"): the diary style of a post
    or a note, whose dropped subject is the one who wrote it. At most ``SUBJECTLESS_WORDS`` words
    before the meeting word, none of them a mention or a personal pronoun ("we held talks with A" is
    a side's, told by one who need not have been there)."""
    if profile(view.lang)["pro_drop"]:
        return False
    lo = _quoted_sentence_start(view, said, t0)
    words = view.text[lo:t0.start].split()
    pronouns = _pronoun_words(view.lang) | _folded(view.lang, "personal_pronouns")
    return len(words) <= SUBJECTLESS_WORDS and not any(lo <= m.start < t0.start for m in mentions) and \
        not any(fold(w.strip(_BOUNDARY_CHARS)).lower() in pronouns for w in words)


def _dedupe(parties: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for p in parties:
        ident = p.identity or p.text
        if ident in seen:
            continue
        seen.add(ident)
        out.append(p)
    return out


@cache
def _folded(lang: str, key: str) -> frozenset[str]:
    """A word list of ``meetings.json``, folded, once per language."""
    return frozenset(fold(w) for w in load_json(lang, "meetings.json").get(key, []))


# Offices whose holders announce meetings rather than hold them: "the Kremlin spokesman said Putin
# met X" names three people and one meeting. A spokesperson is never taken as a party.
REPORTER_ROLES = frozenset({"spokesperson"})


def _titled_reporter(view: View, p: Mention) -> bool:
    """A person named right beside a spokesperson's title ("Government Spokesperson A", "A, the
    spokesman"): only apposition marks between the two. Not the person after another office word,
    whose spokesperson the title names ("the spokesman of President A")."""
    if p.kind != "person" or p.title_span is None or p.apposed_role is None or p.apposed_role[0] not in REPORTER_ROLES:
        return False
    a, b = p.title_span
    gap = view.text[b:p.start] if b <= p.start else view.text[p.end:a]
    return gap.strip(APPOSITION_MARKS) == ""


def is_reporter(p: Mention) -> bool:
    """A spokesperson, by the title of the mention or a title apposed to the name."""
    return p.role in REPORTER_ROLES or (p.apposed_role is not None and p.apposed_role[0] in REPORTER_ROLES)


def _describes(view: View, a: int, b: int, mentions: Sequence[Mention]) -> bool:
    """Only the person's description stands in view [a, b): a space or a quotation mark, or up
    to a few words of office, courtesy, nationality or place ("the sister of North Korean leader
    X"). No punctuation: after a comma the name is in apposition ("the Presidential Palace,
    Antoine X" names its director, who was met)."""
    if b < a:
        return False
    gap = view.text[a:b]
    if len(gap) <= GOVERNOR_GAP_CHARS and gap.strip(GOVERNOR_GAP_MARKS) == "":
        return True
    words = _without_mentions(view, a, b, mentions).split()
    return len(gap.split()) <= GOVERNOR_GAP_WORDS and all(
        w.strip(GOVERNOR_GAP_MARKS) and (fold(w) in description_words(view.lang)) for w in words)


def _governed(view: View, people: list[Mention], s: int, e: int, mentions: Sequence[Mention] = ()) -> list[Mention]:
    """People a word of ``not_met_governors`` governs: the topic of the talks ("discussed the
    sentence of X", "درباره X", "حول X"), the one someone acts for ("an adviser to X", "بمستشار
    الرئيس", "on behalf of X"), the sender or addressee of a message ("a letter from X"). Those
    were not met. The word stands right before the person (or the person's title); people listed
    after the first one ("about X, Y and Z") are governed too."""
    # a venue named after someone ("the Queen Alia airport", "مهمانسرای X") is no one met either
    hits = scan(view, "not_met_governors", s, e) + scan(view, "venue_names", s, e)
    owners = [p for p in people if _owns_agent(view, p, e)]
    if not hits:
        return owners
    prof = profile(view.lang)
    glue = prof["list_glue"]
    articles = prof.get("construct_articles", [])
    ordered = sorted(people, key=lambda p: p.start)
    out: list[Mention] = []
    for h in hits:
        # a noun that governs the next one has no article ("مستشار الرئيس", the president's
        # adviser); with it, the next words are in apposition ("المستشار X", the adviser X)
        # (the match may begin after the article and proclitics it was found behind: read the word whole)
        space = view.text.rfind(" ", s, h.start)
        w = fold(view.text[s if space < 0 else space + 1:h.end].split()[0])
        after = h.end
        if any(w.startswith(a) or w[1:].startswith(a) for a in articles):
            # unless a proclitic of the possessor opens the next word: "النائب الأول لرئيس الوزراء", the
            # first deputy of the prime minister, governs as "نائب رئيس الوزراء" does
            nxt = view.text[h.end:e].split()[:1]
            g = next((g for g in prof.get("genitive_proclitics", []) if nxt and nxt[0].startswith(g)), None)
            if g is None:
                continue
            after = view.text.index(nxt[0], h.end) + len(g)
        # only a space or a quotation mark between: after a comma the name is in apposition
        # ("the Presidential Palace, Antoine X" names its director, who was met)
        first = None
        for row in h.payloads:
            # "a message from X" names its sender right after; "رسالة شفوية له من أخيه X", "a
            # written message from President X": the sender stands after the row's preposition,
            # past a few of its courtesy words (what kind of message, to whom, "his brother")
            start = after if not row.get("through") else _through(view, h.end, e, row)
            if start is not None:
                first = next((p for p in ordered if _describes(view, _courtesy_end(view, start, row), _lead(p),
                                                                mentions)), None)
            if first is not None:
                break
        if first is None or (after != h.end and first.kind != "title"):
            # after the possessor's proclitic only an office is governed: a name that follows it is
            # the deputy's own ("النائب الثاني لرئيس مجلس الوزراء X": X is the deputy)
            continue
        # a list runs on through commas only up to a conjunction: "about X, Y and Z" is one list,
        # "according to X, Y met Z" ends at the comma
        chain, joined = [first], 1
        for p in ordered[ordered.index(first) + 1:]:
            gap = view.text[chain[-1].end:_lead(p)].strip(" ،,")
            if gap != "" and gap not in glue:
                break
            chain.append(p)
            if gap:
                joined = len(chain)
        # a list whose last item is no person still ends in its conjunction: "the actions of A, B, C
        # and the trade talks" governs A, B and C
        rest = view.text[chain[-1].end:e].lstrip(" ،,").split()
        if len(chain) > 1 and rest and rest[0] in glue:
            joined = len(chain)
        out += [p for p in chain[:joined] if p not in out]
    return out + [p for p in owners if p not in out]


# An agent noun follows its owner's possessive mark within this many words ("X's special envoy")
AGENT_WORDS = 3


def _owns_agent(view: View, p: Mention, e: int) -> bool:
    """"Ban Ki-moon's special representative A", "Trump's envoy": the owner of an agent noun
    (``possessive_agents`` of meetings.json: the possessive mark, then the noun within a few words)
    is the one the agent acts for, not met. Languages that put the owner after the noun (construct
    state, ezafe: «مبعوث الرئيس», «نماینده ویژه») have it in ``not_met_governors``."""
    row = load_json(view.lang, "meetings.json").get("possessive_agents")
    if not row or not any(view.text.startswith(mark, p.end) for mark in row["marks"]):
        return False
    nouns = {fold(w) for w in row["nouns"]}
    words = [fold(w.strip(",")) for w in view.text[p.end:e].split()[:AGENT_WORDS + 1]]
    words[0] = next((words[0][len(fold(m)):] for m in row["marks"] if words[0].startswith(fold(m))), words[0])
    return any(w in nouns for w in words)


# The preposition that introduces a message's sender stands at most this many words after the noun
# ("رسالة شفوية موجهة إلى رئيس الدولة من": an oral message addressed to the head of state from)
THROUGH_WORDS = 6


def _courtesy_end(view: View, start: int, row: dict[str, Any]) -> int:
    """Past the row's ``courtesy`` words right after ``start`` ("أخيه", "his brother")."""
    words = {fold(w) for w in row.get("courtesy", [])}
    pos = start
    for m in re.finditer(r"\S+", view.text[start:]):
        if fold(m.group()) not in words:
            break
        pos = start + m.end()
    return pos


def _through(view: View, start: int, e: int, row: dict[str, Any]) -> int | None:
    """Where the words after a governing noun reach the row's preposition (``through``) within
    ``reach`` words (``THROUGH_WORDS`` unless the row says) and no punctuation: the kind of message
    and its addressee may stand between ("a written message to the king from X"); None when they
    do not. A preposition that ends a list opener ("كل من", each of) introduces no sender."""
    preps = {fold(w) for w in row["through"]}
    before = view.text[:start].split()
    if before and fold(before[-1]) in preps:
        return start  # the match ends with the preposition ("a message from")
    openers = _folded(view.lang, "list_openers")
    prev = ""
    for i, m in enumerate(re.finditer(r"\S+", view.text[start:e])):
        w = m.group()
        if i >= row.get("reach", THROUGH_WORDS) or any(c in _BOUNDARY for c in w[:-1]):
            return None
        word = fold(w.rstrip(_BOUNDARY_CHARS))
        if word in preps and f"{prev} {word}" not in openers:
            return start + m.end()
        if w[-1] in _BOUNDARY:
            return None
        prev = word
    return None


def _lead(p: Mention) -> int:
    """Where a mention's phrase begins: its title when one stands before the name, the plural
    title of a list it is one of ("Presidents Trump, Putin and Erdoğan")."""
    return min([p.start, *(span[0] for span in (p.title_span, p.phrase) if span)])


def _object_not_met(view: View, p: Mention, s: int) -> bool:
    """'زار ضريح والده حيدر علييف', "laid a wreath at the tomb of X": X was not met."""
    words = _folded(view.lang, "not_a_person_met")
    lead = p.title_span[0] if p.title_span else p.start
    before = [fold(w) for w in view.text[max(s, lead - OBJECT_CHARS):lead].split()][-OBJECT_WORDS:]
    clitics = profile(view.lang)["proclitics"]
    return any(v in words for w in before for v in (clitic_variants(w) if clitics else (w,)))


def _attendees(view: View, s: int, e: int, people: list[Mention], mentions: Sequence[Mention] = ()) -> list[Mention]:
    out: list[Mention] = []
    for m in scan(view, "attendees", s, e):
        row = m.payloads[0]
        if row.get("scope") == "before":
            lo = _clause_start(view.text, m.start, s)
            lo = max(lo, m.start - ATTENDANCE_CHARS)
            out += [p for p in people if lo <= p.start < m.start]
        else:
            # the first person after the marker, and others only when joined to it by "و"/"and"/","
            # the list may run past commas ("كل من A، سفير X، والشيخ B"); each link is checked below
            hi = min(_list_end(view.text, m.end, e), m.end + ATTENDANCE_CHARS)
            after = [p for p in people if m.end <= p.start < hi]
            # "با حضور در وزارت خارجه با ظریف خداحافظی کرد": "presence" at a place, then a new phrase
            if after and _new_phrase(view, m.end, after[0]):
                after = []
            if after:
                # the list goes on while each next person opens a conjunct ("بحضور A ومديري … والسفير
                # التركي", "each of A, envoy of X, and B"): a conjunction or a comma right before his words
                chain = [after[0]]
                for p in after[1:]:
                    # or an office of several words between ("بحضور A، القائمة بأعمال السفارة B"), but
                    # no meeting word: ("برفقة A، وكان في استقباله B": B is the host)
                    if not (_coordinated(view, chain[-1], p) or _conjunct(view, chain[-1].end, p)
                            or (_next_in_list(view, chain[-1].end, _lead(p), mentions)
                                and not scan(view, "triggers", chain[-1].end, _lead(p)))):
                        break
                    chain.append(p)
                out += chain
    groups = {p.group for p in out if p.group is not None}
    out += [p for p in people if p.group in groups and p not in out]
    return out


def _new_phrase(view: View, start: int, p: Mention) -> bool:
    """More than four words, or a preposition, between an attendance marker and the person; a list
    opener ("كل من", "each of") is part of the marker, and a person who opens a conjunct may stand
    further ("بحضور A ومديري الإدارات والسفير التركي": A is no one the text names)."""
    lead = _lead(p)
    gap = [fold(w) for w in view.text[start:lead].split()]
    openers = [fold(o).split() for o in load_json(view.lang, "meetings.json").get("list_openers", [])]
    for o in openers:
        if gap[:len(o)] == o:
            gap = gap[len(o):]
            break
    preps = _folded(view.lang, "phrase_preps")
    if any(w in preps for w in gap):
        return True
    return len(gap) > ATTENDANCE_GAP_WORDS and not _conjunct(view, start, p)


def _conjunct(view: View, start: int, p: Mention) -> bool:
    """``p`` opens a conjunct of a list that runs from ``start``: a conjunction ("و" glued or apart,
    "and") or a comma right before his words, and no sentence or clause boundary but commas between."""
    lead = _lead(p)
    gap = view.text[start:lead]
    if any(c in gap for c in ".؛;:!?؟\n«»“”\"()"):
        return False
    words = gap.split()
    glue = profile(view.lang)["list_glue"]
    hon = honorific_words(view.lang)
    while words and fold(words[-1]) in hon:
        words.pop()  # "…، والسيد A", "and Dr A": an honorific before the name
    if not words:
        return False
    last = words[-1]
    # a proclitic conjunction on an honorific ("والشيخ A")
    glued = profile(view.lang)["proclitics"] and any(last.startswith(g) and fold(last[len(g):]) in hon
                                                     for g in glue)
    return last in glue or last[-1:] in ",،" or glued


# where ``View.derived`` keeps the positions of ``_break_positions``
BREAKS = "meetings.breaks"
_SENTENCE_MARK_RE = re.compile("[" + re.escape("".join(sorted(_SENTENCE_MARKS))) + "]")


def _break_positions(view: View) -> list[int]:
    """The view positions that end a clause for ``_scheduled_today``, in order, found once per view:
    a sentence mark, or a space the view made of a line break of the original (a headline joined to
    the lead). The marks come from one search; the spaces from the original's line breaks (a
    document has a few dozen, against the thousands of characters a clause search would test)."""
    found = view.derived.get(BREAKS)
    if found is None:
        found = [m.start() for m in _SENTENCE_MARK_RE.finditer(view.text)]
        if view.offsets:
            lo, hi = view.offsets[0], view.offsets[-1] + 1
            for nl in (i for i, c in enumerate(view.original[lo:hi], lo) if c == "\n"):
                k = bisect_left(view.offsets, nl)
                while k < len(view.offsets) and view.offsets[k] == nl:
                    if view.text[k] == " ":
                        found.append(k)
                    k += 1
        found = view.derived[BREAKS] = sorted(set(found))
    return found


def _scheduled_today(view: View, t0: Match, s: int, e: int) -> str | None:
    """A present-tense meeting verb (``present_today`` of meetings.json: the trigger itself or the
    light verb of its clause, "يلتقي", "يقوم … بزيارة", "دیدار می‌کند") with a word of today in the
    same clause announces a meeting scheduled for the day of the report: "يلتقي A اليوم B" (A meets B
    today), where a held one is told in the past ("التقى A اليوم B"). The clause ends at a sentence
    mark or a line break: a headline's present tense tells a held meeting ("A يستقبل B")."""
    words_of = _present_today(view.lang)
    if words_of is None:
        return None
    rule, verbs, days = words_of
    # the clause: from the last break before the trigger (within the sentence) to the first after it
    breaks = _break_positions(view)
    j = bisect_left(breaks, t0.start) - 1
    lo = breaks[j] + 1 if j >= 0 and breaks[j] >= s else s
    j = bisect_left(breaks, t0.end)
    hi = breaks[j] if j < len(breaks) and breaks[j] < e else e
    if days.isdisjoint(fold(w.strip("،,")) for w in view.text[lo:hi].split()):
        return None  # no word of today in the clause: most are told in the past
    # the verb before the trigger, or after it in a verb-final language ("امروز با A دیدار می‌کند")
    a, b = (t0.start, hi) if profile(view.lang).get("verb_final") else (lo, t0.end)
    head = " ".join(fold(w) for w in view.text[a:b].split())
    if any(f" {v} " in f" {head} " for v in verbs):
        return rule
    return None


@cache
def _present_today(lang: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """``present_today`` of meetings.json: its rule id, its verbs and its words of today, folded
    once per language (not once per meeting verb met)."""
    row = load_json(lang, "meetings.json").get("present_today")
    if not row:
        return None
    return row["id"], frozenset(fold(v) for v in row["verbs"]), frozenset(fold(d) for d in row["days"])


def _plan_markers(view: View, s: int, e: int) -> list:
    """Plan markers of a sentence, less those inside an exception ("به دعوت … سفر کرده است")."""
    exc = scan(view, "planned_exceptions", s, e)
    return [p for p in scan(view, "planned", s, e)
            if not any(x.start <= p.start < x.end or p.start <= x.start < p.end for x in exc)]


def _predicates(view: View, trig: list[Match], t0: Match, parties: list[Mention]) -> list[Match]:
    """The triggers whose tense sets the meeting's status: the clause's first one and the one
    that governs the counterpart, which the first may only be the circumstance of. In a
    verb-final language that is the clause's last ("وی در این سفر با X دیدار خواهد کرد": "سفر"
    is where, "دیدار خواهد کرد" is when); otherwise the last before the counterpart ("this visit
    is his first; during it he is due to hold talks with X": "talks" is when)."""
    after = [t for t in trig if t.start >= t0.start]
    if profile(view.lang).get("verb_final"):
        last = after[-1]
    else:
        counterpart = max((p.start for p in parties), default=t0.start)
        last = max((t for t in after if t.start < counterpart), key=lambda t: t.start, default=t0)
    return [t0, last] if last is not t0 else [t0]


def _own_predicate(view: View, t0: Match, preds: Sequence[Match], s: int, data: dict[str, Any]) -> str | None:
    """In a verb-final language a trigger that ends in its own finite light verb ("دیدار کرد",
    "گفتگو کردند") is its clause's predicate, so its tense is the meeting's: a meeting word after it
    belongs to a clause coordinated after it ("A با B دیدار کرد و از او برای سفر به C دعوت کرد",
    "… دیدار کرد اما جزئیات این دیدار منتشر نشده است") and dates nothing of this meeting. A trigger
    inside a clause «که» opens before it ("A که دیروز با B دیدار کرد، فردا …") is no main predicate.
    Returns the id of ``closed_predicate`` (meetings.json) where a later trigger would otherwise
    set the status, or None."""
    row = data.get("closed_predicate")
    if row is None or len(preds) < 2 or not profile(view.lang).get("verb_final"):
        return None
    words = view.text[t0.start:t0.end].split()
    if not words or not _finite_between(view, words[-1]):
        return None
    before = {fold(w) for w in view.text[_clause_start(view.text, t0.start, s):t0.start].split()}
    if before & {fold(w) for w in profile(view.lang)["complementizers"]}:
        return None
    return row["id"]


def _sequenced(view: View, a: Match, s: int) -> bool:
    """A word of sequence ("before", "after", «پس از», «بعد») right before the anaphoric meeting
    phrase or opening it («عقب اللقاء»)."""
    return any(p.end <= a.start and not view.text[p.end:a.start].strip() or a.start <= p.start < a.end
               for p in scan(view, "sequence_preps", s, a.end))


def _topic_phrases(view: View, triggers: Sequence[Match], s: int, e: int) -> list[tuple[int, int]]:
    """Spans of topic phrases that name a meeting: a topic preposition ("about", «بشأن», «درباره»), a
    meeting word at most ``TOPIC_WORDS`` words after it, and at most ``TOPIC_TAIL_WORDS`` words after
    that ("talks about the upcoming summit", «تباحثا بشأن اجتماع القمة القادم», «درباره نشست آینده
    گفتگو کردند»). The meeting in it is what was talked about, and a plan marker in it dates that
    meeting, not the talks."""
    out = []
    for q in scan(view, "topic_preps", s, e):
        u = min((t for t in triggers if t.start >= q.end), key=lambda t: t.start, default=None)
        if u is None or not _open_gap(view, q.end, u.start, TOPIC_WORDS):
            continue
        tail = view.text[u.end:e].split()[:TOPIC_TAIL_WORDS]
        hi = u.end
        for w in tail:
            k = view.text.index(w, hi)
            word = w.rstrip(_BOUNDARY_CHARS)
            # the tail ends where another meeting phrase begins, a word or more after the first ("asked
            # about the meeting during a news briefing with A": the briefing is no part of the
            # topic; a meeting word right after it is its compound: «اجتماع القمة», the summit meeting)
            if not word or any(c in _BOUNDARY for c in view.text[hi:k + len(word)]) or \
                    any(u.end <= t.start < k + len(word) and view.text[u.end:t.start].split() for t in triggers):
                break
            hi = k + len(word)
        out.append((q.start, hi))
    return out


def _is_planned(view: View, planned, trig, parties, triggers: Sequence[Match] = ()) -> str | None:
    """A plan marker within a few words of the trigger makes the meeting planned; so does a future
    form of the trigger itself ("سيلتقي"), a modal that opens the trigger's clause ("is expected to
    … meet", "قرار است … دیدار کند", however many words between) and a preposition that governs
    the meeting noun ("ahead of his visit"), which reaches no trigger before it. A modal that
    takes a clause governs the first of the sentence's ``triggers`` after it across the commas of
    an apposition or an adverbial ("من المقرر أن الرئيس A، خلال زيارته، يجري محادثات": it is
    scheduled that President A, during his visit, holds talks); in a verb-final language a future
    auxiliary or a negated light verb that closes the clause governs every trigger of that clause
    before it, however far, unless a finite verb (the trigger's own included) ends the clause first.
    A negated meeting was not held, so it is reported as not held, like a cancelled one. Returns the
    id of the rule that makes the meeting planned (the future prefix's or the marker's row), or None."""
    future = next((pl["future"] for t in trig for pl in t.payloads if pl.get("future")), None)
    if future:
        return future
    for p in planned:
        for row, t in product(p.payloads, trig):
            scope, rule = row.get("scope", "near"), row["id"]
            gap = view.text[min(p.end, t.end):max(p.start, t.start)]
            if scope == "clause":
                if p.end <= t.start and not any(c in _BOUNDARY for c in gap):
                    return rule
                first = min((u for u in triggers if u.start >= p.end), key=lambda u: u.start, default=None)
                if first is not None and first.start == t.start and not any(c in _SENTENCE_MARKS for c in gap):
                    return rule
            elif scope == "final":
                # "این نشست با حضور A، B و C … آغاز خواهد شد": the future auxiliary (or a negated light
                # verb, "دیدار نکرد") closing the clause. A finite verb before it, the trigger's own one
                # included ("دیدار کرد و … حمایت نکرد"), closes the meeting's clause first.
                if t.end <= p.start and not any(c in _SENTENCE_MARKS for c in gap) and \
                        not _closed_before(view, t, p.start):
                    return rule
            elif scope == "governs":
                if p.end <= t.start and len(gap.split()) <= GOVERNED_WORDS and not any(c in _BOUNDARY for c in gap):
                    return rule
            elif len(gap.split()) <= PLAN_MARKER_WORDS and not any(c in gap for c in ".؟?!\n") and \
                    not (p.end <= t.start and _in_relative(view, p, t)) and \
                    not (t.end <= p.start and _closed_before(view, t, p.start)) and \
                    not (t.end <= p.start and _outcome_modal(view, t, p)):
                # a marker after the trigger past a finite verb is another clause's ("X با Y دیدار کرد و
                # گفت … ادامه خواهد داد": the meeting was held, the continuing is ahead)
                return rule
    return None


def _in_relative(view: View, p: Match, t: Match) -> bool:
    """A plan marker before the trigger inside a relative clause set off by commas is that clause's
    own verb's: "A and B, who did not take questions, met" (``relative_pronouns`` of meetings.json
    right after the comma that opens it, another comma closing it before the trigger)."""
    i = p.start
    while i > 0 and view.text[i - 1] not in _CLAUSE_MARKS:
        i -= 1
    words = view.text[i:p.start].split()
    if not (i > 0 and words and fold(words[0]) in _folded(view.lang, "relative_pronouns")):
        return False
    return any(c in _CLAUSE_MARKS for c in view.text[p.end:t.start])


def _outcome_modal(view: View, t: Match, p: Match) -> bool:
    """A modal after the meeting noun whose verb tells what the meeting brings ("Medvedev's visit will
    deepen ties", "the talks would help strengthen relations"; ``outcome_verbs`` of meetings.json): the
    noun phrase is the subject of that verb, and the modal dates the effect, not the meeting, which the
    speaker may describe while it is under way. A verb of the event itself ("the visit will take place
    next week", "the talks will focus on trade") is no outcome verb, so that modal still dates it."""
    outcome = _folded(view.lang, "outcome_verbs")
    if not outcome or not _open_gap(view, t.end, p.start, OUTCOME_GAP_WORDS):
        return False
    nxt = view.text[p.end:p.end + OUTCOME_LOOKAHEAD_CHARS].split()
    return bool(nxt) and fold(nxt[0].strip(_BOUNDARY_CHARS)) in outcome


# A delegation's head is named at most this many words after "headed by" (titles and honorifics between)
HEAD_WORDS = 6


def _side_head(view: View, mentions: Sequence[Mention], met: Sequence[Mention], s: int, k: int) -> Mention | None:
    """The subject of a comitative meeting that a country's side or delegation is ("هیئت این کشور با A و
    B دیدار کرد", "the Uzbek delegation held talks with A"), where no one of that country is among the
    people met: the person the article says heads a side of that country ("هیئت ازبیکستان به رهبری X",
    "a delegation headed by X", "وفد … برئاسة X": ``delegation_heads`` of meetings.json), named before."""
    side = next((m for m in mentions if m.kind == "institution" and m.role == SIDE_ROLE and m.country
                 and s <= m.start < k), None)
    if side is None or any(_side_country(p) == side.country for p in met):
        return None
    for m in mentions:
        if m.start >= side.start:
            break
        if m.kind != "institution" or m.role != SIDE_ROLE or m.country != side.country:
            continue
        for h in scan(view, "delegation_heads", m.end, min(len(view.text), m.end + ATTENDANCE_CHARS), clitics=False):
            if not _open_gap(view, m.end, h.start, GOVERNED_WORDS):
                break
            head = next((p for p in mentions if p.is_person and p.kind == "person" and p.start >= h.end), None)
            if head is not None and _open_gap(view, h.end, head.start, HEAD_WORDS) and \
                    _side_country(head) in (None, side.country) and \
                    (head.identity or head.text) not in {p.identity or p.text for p in met}:
                return head
            break
    return None


def _co_heads(view: View, people: Sequence[Mention], s: int, e: int) -> list[Mention]:
    """The people a delegation-head word governs ("a delegation headed by A and B", "وفد برئاسة A وB"):
    the first person right after it and those joined to him by a conjunction."""
    out: list[Mention] = []
    for h in scan(view, "delegation_heads", s, e, clitics=False):
        after = [p for p in people if p.start >= h.end]
        if not after or not _open_gap(view, h.end, _lead(after[0]), HEAD_WORDS):
            continue
        chain = [after[0]]
        for p in after[1:]:
            if not _joined(view, chain[-1], p):
                break
            chain.append(p)
        out += chain
    return out


def _joined(view: View, a: Mention, b: Mention) -> bool:
    """Only a conjunction between two names, with an honorific of ``b`` after it: "A and B", "A and Dr
    B", "A والدكتورة B" (the conjunction written on the honorific)."""
    words = view.text[a.end:b.start].replace("،", " ").replace(",", " ").split()
    glue = profile(view.lang)["list_glue"]
    hon = honorific_words(view.lang)
    if not words or words[0] not in glue and not (profile(view.lang)["proclitics"] and any(
            words[0].startswith(g) and fold(words[0][len(g):]) in hon for g in glue)):
        return False
    return all(fold(w) in hon for w in words[1:])


def _finite_between(view: View, gap: str) -> bool:
    """A finite verb or a complementizer (``finite_verbs`` of meetings.json, verb-final languages) in
    ``gap``: a clause ends there."""
    words = _folded(view.lang, "finite_verbs")
    return bool(words) and any(fold(w) in words for w in gap.split())


def _closed_before(view: View, trigger: Match, end: int) -> bool:
    """Whether the clause of ``trigger`` ends before ``end``: a finite verb between them, or the
    trigger's own last word ("دیدار کرد", not the «گفت» that opens "گفت و گو")."""
    words = view.text[trigger.start:trigger.end].split()
    return _finite_between(view, (words[-1] if words else "") + " " + view.text[trigger.end:end])


def _principal(mentions: list[Mention], exclude: set) -> Mention | None:
    """The article's principal person: the resolved actor mentioned most often."""
    counts: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.actor is not None and m.identity not in exclude:
            counts.setdefault(m.actor.id, []).append(m)
    if not counts:
        return None
    best = max(counts.values(), key=lambda ms: (len(ms), -ms[0].start))
    return best[0]


def _implicit_subject(view: View, mentions: list[Mention], named: list[Mention], s: int,
                      meetings: list[Meeting], floor: int | None = None, slot: bool = False) -> Mention | None:
    """'He also held talks with X': the subject is a pronoun (``slot``: the caller found one) or, in a
    language that drops its subjects, left out within the first few words; take the subject of the
    article's previous meeting, else the last person named before this sentence (or before
    ``floor``), never one of the people ``named`` as met."""
    first = min(p.start for p in named)
    before = view.text[s:first]
    pronoun = any(p.kind == "pronoun" and s <= p.start < first for p in mentions)
    if not (slot or pronoun) and (not profile(view.lang)["pro_drop"] or len(before.split()) > DROPPED_SUBJECT_WORDS):
        return None
    met = {p.identity or p.text for p in named}
    if meetings and (meetings[-1].parties[0].identity or "") not in met:
        return meetings[-1].parties[0]
    for m in reversed(mentions):
        if m.start >= (floor if floor is not None else s) or not m.is_person:
            continue
        if (m.identity or m.text) not in met and m.actor is not None and not _in_recalled_event(view, m):
            return m
    return None


def _in_recalled_event(view: View, p: Mention) -> bool:
    """``p`` is named inside a relative clause on a meeting or visit noun: "X recalled the last visit
    that Y made to Z", «أشار X إلى الزيارة الأخيرة التي قام بها Y إلى دمشق». The clause tells another
    event, recalled, and ``p`` is its party: not the subject a later pronoun or dropped subject
    continues. The relative pronoun (``relative_pronouns`` of meetings.json) stands between the start
    of ``p``'s clause and ``p``, with the noun at most ``RECALLED_NOUN_WORDS`` words before it (its
    adjectives between). A relative clause on another noun ("the statement, which the secretary
    general read") may well name someone present, and is not read so."""
    relatives = _folded(view.lang, "relative_pronouns")
    if not relatives:
        return False
    sent = view.sentences[p.sent][0] if 0 <= p.sent < len(view.sentences) else 0
    lead = _lead(p)
    start = _clause_start(view.text, lead, sent)
    for tok in view.tokens_in(start, lead):
        if fold(tok.text) not in relatives:
            continue
        before = view.tokens_in(start, tok.start)[-RECALLED_NOUN_WORDS:]
        if before and scan(view, "triggers", before[0].start, tok.start):
            return True
    return False


def _receiver(p: Mention) -> bool:
    """Who can receive an envoy's credentials: no envoy, and a person the dictionary knows or an
    office the text names ("the President")."""
    return not is_envoy(p) and (p.actor is not None or bool(p.role) or bool(p.title_role))


def is_envoy(p: Mention) -> bool:
    """An ambassador, by his title ("the Russian ambassador") or by the office the dictionary gives him."""
    return p.role == "ambassador" or (p.title_role or ("",))[0] == "ambassador"


def _pronoun_subject(view: View, mentions: list[Mention], trig: Match, parties: list[Mention],
                     s: int, dates: Sequence[DateExpr] = ()) -> int | None:
    """Where the trigger's subject is a pronoun rather than one of the people named: "He met A and B",
    "واستقبل جلالته A وB" (the honorific right after the verb), "وی با A و B دیدار کرد", or a possessive
    on the meeting noun ("his talks with A and B", "خلال لقائه A"). The pronoun stands before every
    person named, in the trigger's clause; its offset, or None."""
    def lead(p: Mention) -> int:
        return min(p.start, p.title_span[0]) if p.title_span else p.start

    first = min(lead(p) for p in parties)
    possessives = _folded(view.lang, "subject_possessives")
    own = [fold(w) for w in view.text[trig.start:trig.end].split()][-1:]
    prev = [fold(w) for w in view.text[s:trig.start].split()][-1:]
    # "during his talks with A and B": the people met all in the noun's own phrase ("Before his talks
    # with A, B said …" names the possessor after the comma)
    if possessives and trig.start < first and any(w in possessives for w in own + prev) and \
            _open_gap(view, trig.end, max(p.start for p in parties)):
        return trig.start
    # the pronouns of pronouns.json as mentions, or as words where a name read the same hides one ("وی")
    words = _pronoun_words(view.lang)
    # a bare office with no country and no name ("the second deputy", "النائب الثاني") refers back as a
    # pronoun does: the people after it are its counterparts, not its subject; one apposed to a name
    # ("the Secretary to the Government, A") is that person's
    # (and, being a noun, only where no other office or person stands between it and the people met)
    spans = sorted({(p.start, p.end) for p in mentions
                    if s <= p.start < first and (p.kind == "pronoun" or (
                        _anaphoric_title(view, p, mentions)
                        and not any(q.kind in ("person", "title") and p.end <= q.start < first for q in mentions)))}
                   | {(t.start, t.end) for t in view.tokens_in(s, first) if t.text in words}
                   | _noun_subject(view, mentions, trig, first, s, dates))
    preps = {fold(w) for w in profile(view.lang)["prepositions"]}
    for start, end in spans:
        # a pronoun inside a prepositional phrase is governed, not a subject: "according to him, …",
        # "به گفته وی …" (the preposition, then the noun the pronoun is the possessor of)
        if any(fold(w) in preps for w in view.text[s:start].split()[-PREPOSITION_REACH_WORDS:]):
            continue
        # the pronoun, the trigger and the first person named in one clause, the pronoun next to the
        # verb: "He also met A" (pronoun, trigger, person), "استقبل جلالته A" (trigger, pronoun, person),
        # "وی با A و B دیدار کرد" (pronoun, people, trigger)
        if trig.end <= start:
            near = _open_gap(view, trig.end, start, VERB_SUBJECT_WORDS) and \
                _open_gap(view, end, first, SUBJECT_PRONOUN_WORDS * 2)
        elif trig.start < first:
            near = _open_gap(view, end, trig.start, SUBJECT_PRONOUN_WORDS) and \
                _open_gap(view, trig.end, first, SUBJECT_PRONOUN_WORDS * 2)
        else:
            near = _open_gap(view, end, first, SUBJECT_PRONOUN_WORDS) and \
                _open_gap(view, max(q.end for q in parties if q.end <= trig.start), trig.start)
        if near:
            return start
    return None


def _noun_subject(view: View, mentions: Sequence[Mention], trig: Match, first: int, s: int,
                  dates: Sequence[DateExpr]) -> set[tuple[int, int]]:
    """In a verb-first clause the definite noun right after the verb opens its subject
    ("والتقى النائب الثاني السفراء A وB": the second deputy met the ambassadors A and B), though the
    dictionary knows no office by that noun; the people after it are its counterparts and never
    each other's. The verb opens its clause (no one named before it), and the noun is part of no
    name, title or place; a date after the verb is passed over; its span, or none."""
    row = load_json(view.lang, "meetings.json").get("verb_subject")
    if row is None or trig.end >= first or any(s <= m.start < trig.start for m in mentions):
        return set()
    articles = tuple(fold(a) for a in row["articles"])
    # the verb opens its clause, a particle at most before it ("وقد التقى", "كما استقبل"); a meeting
    # noun inside a phrase ("في هذا اللقاء …") has no subject after it
    if len(view.text[_clause_start(view.text, trig.start, s):trig.start].split()) > VERB_SUBJECT_WORDS:
        return set()
    # a date between the verb and its subject is an adverb ("والتقى اليوم النائب الثاني A")
    nxt = next((t for t in view.tokens_in(trig.end, first) if not any(d.start <= t.start < d.end for d in dates)),
               None)
    if nxt is None or not nxt.text.startswith(articles) or nxt.text in {fold(w) for w in row["not_nouns"]} or \
            any(m.start <= nxt.start < m.end for m in mentions):
        return set()
    # an office whose adjectives run into the first name is that person's ("استقبل الوزير الأول A":
    # the first minister A, whoever the verb's subject is); a subject is parted from the people met by
    # a word of another kind (its object, a preposition: "النائب الثاني السفراء المعينين لدى …")
    if all(t.text.startswith(articles) for t in view.tokens_in(nxt.end, first)):
        return set()
    return {(nxt.start, nxt.end)}


@cache
def _pronoun_words(lang: str) -> frozenset[str]:
    """The third-person pronouns and honorific pronouns of a language (``pronouns.json``), folded."""
    return frozenset(fold(w) for w in load_json(lang, "pronouns.json")["pronouns"] if len(w.split()) == 1)


def _open_gap(view: View, a: int, b: int, most: int | None = None) -> bool:
    """View [a, b) holds no clause boundary, and at most ``most`` words."""
    gap = view.text[a:b] if b > a else ""
    return not any(c in _BOUNDARY for c in gap) and (most is None or len(gap.split()) <= most)


def _roles(view: View, m: Meeting, host_subject: bool, s: int, e: int, envoy_guest: bool = False,
           passive: int | None = None) -> None:
    """Host and guest where the text says so: envoys presenting credentials are guests; the subject
    of a reception verb is its host; where the verb is passive (``passive``: where its words start)
    the party right before it is its guest; a guest marker ("visiting", "who is visiting") names a
    guest; else everyone is a party."""
    subject, other = m.parties[:2]
    # "X and Y were received by Z": the guests are the sentence's people before the passive words (a
    # subject carried from an earlier sentence is listed first, though the sentence names it nowhere)
    guests_before = [p for p in m.parties if passive is not None and s <= p.start and p.end <= passive]
    for a in m.attendees:
        m.roles[id(a)] = "attendee"
    guests = set()
    for g in scan(view, "guest_markers", s, e):
        def lead(p: Mention) -> int:
            return min(p.start, p.title_span[0]) if p.title_span else p.start
        if g.payloads[0].get("scope") == "before":
            # "باولو رانجيل الذي يزور المملكة", "X, who is visiting": the person just before
            prev = [p for p in m.parties if p.end <= g.start
                    and len(view.text[p.end:g.start].split()) <= GUEST_BEFORE_WORDS]
            if prev:
                guests.add(id(max(prev, key=lambda p: p.end)))
            continue
        nxt = [p for p in m.parties if lead(p) >= g.end and len(view.text[g.end:lead(p)].split()) <= GUEST_AFTER_WORDS]
        if nxt:
            guests.add(id(min(nxt, key=lambda p: p.start)))
    envoys = {id(p) for p in m.parties if is_envoy(p)} if envoy_guest else set()
    if envoys and len(envoys) < len(m.parties):
        # a credentials ceremony: the envoys present them to their host, whoever the sentence's subject
        for p in m.parties:
            m.roles[id(p)] = "guest" if id(p) in envoys else "host"
    elif host_subject:
        for p in m.parties:
            m.roles[id(p)] = "guest" if passive is None else "host"
        for p in guests_before or [subject]:
            m.roles[id(p)] = "host" if passive is None else "guest"
    elif guests:
        for p in m.parties:
            m.roles[id(p)] = "guest" if id(p) in guests else "host"
    else:
        for p in m.parties:
            m.roles[id(p)] = "party"


def _augment(target: Meeting, parties: list[Mention], attendees: list[Mention], si: int,
             hosts: list[Mention] = ()) -> None:
    """A sentence about a meeting already reported adds its attendees and its host ("The meeting
    was hosted by …"); the countries it lists fill a group the meeting named without them
    ("ambassadors of several countries")."""
    for h in hosts:
        if (h.identity or h.text) not in target.identities():
            target.parties.append(h)
            target.roles[id(h)] = "host"
    holder = next((p for p in target.parties if p.placeholder), None)
    members = [p for p in (*attendees, *parties) if p.group is not None and p.country]
    if holder is not None and members:
        k = target.parties.index(holder)
        role = target.roles.pop(id(holder), "party")
        target.parties[k:k + 1] = members
        for p in members:
            target.roles[id(p)] = role
        attendees = [a for a in attendees if a not in members]
    have = {a.identity for a in target.attendees} | target.identities()
    for a in attendees:
        if a.identity not in have:
            target.attendees.append(a)
            target.roles[id(a)] = "attendee"
    target.evidence_sents.append(si)


def _stands_for(title: Mention, person: Mention) -> bool:
    """An unnamed office holder ("سفير إيران") and a named person holding that title in the text; or a
    country's side or its officials ("the Israeli side", "مقامات اسرائیلی") and a named person of that
    country: the side stands for the people named for it, so "talks with the Israeli side … he met
    Netanyahu" is one meeting, with Netanyahu."""
    if title.actor is not None or not person.is_person or person.kind == "title" and person.actor is None:
        return False
    if (title.kind == "title" and title.role in GENERIC_ROLES) or \
            (title.kind == "institution" and title.role == SIDE_ROLE):
        return title.country is not None and _side_country(person) == title.country
    tr = person.title_role
    return title.kind == "title" and tr is not None and tr[0] == title.role and tr[1] == title.country


def _same_people(a: Meeting, b: Meeting) -> bool:
    if a.identities() == b.identities():
        return True
    if len(a.parties) != len(b.parties):
        return False
    rest = list(b.parties)
    for p in a.parties:
        q = next((q for q in rest if (q.identity or q.text) == (p.identity or p.text)
                  or _stands_for(p, q) or _stands_for(q, p)), None)
        if q is None:
            return False
        rest.remove(q)
    return True


def _merge_same(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting reported in several sentences of a document is one meeting."""
    out: list[Meeting] = []
    for m in meetings:
        # a phone call and a visit of the same people are two events ("he called X; in January he had
        # visited X's country and met him"); a call reported as "talks" is the same call
        twin = next((o for o in out if _same_people(o, m) and o.status == m.status
                     and {o.kind, m.kind} != {PHONE_KIND, VISIT_KIND}
                     and (o.date is None or m.date is None or o.date.value == m.date.value)), None)
        if twin is None:
            out.append(m)
            continue
        twin.evidence_sents.extend(m.evidence_sents)
        twin.clauses.extend(m.clauses)
        have = {a.identity for a in twin.attendees}
        for a in m.attendees:
            if a.identity not in have:
                twin.attendees.append(a)
                twin.roles[id(a)] = "attendee"
        if twin.date is None or (twin.date.value is None and m.date is not None and m.date.value is not None):
            twin.date = m.date or twin.date
        for p in m.parties:
            r = m.roles.get(id(p))
            q = next((x for x in twin.parties if (x.identity or x.text) == (p.identity or p.text)), None)
            if q is None:
                # the twin named an office holder only; the named person replaces the title
                q = next((x for x in twin.parties if _stands_for(x, p)), None)
                if q is not None:
                    twin.parties[twin.parties.index(q)] = p
                    twin.roles[id(p)] = twin.roles.pop(id(q), "party")
                    q = p
            if q is not None and r in ("host", "guest") and twin.roles.get(id(q)) == "party":
                twin.roles[id(q)] = r
    return out

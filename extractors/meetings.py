"""Meetings: who met whom, where and when, from trigger words and the mentions around them.

Per sentence with a trigger (``lang/<code>/meetings.json``): participants are the people
mentioned in it; the first is the subject and each other one a counterpart (meetings listed
together are split per counterpart). People in an attendance clause ("بحضور", "which was also
attended by", "که ... نیز حضور داشت") are attendees. A sentence that only refers back to a
meeting ("خلال هذا اللقاء", "در این دیدار", "during the meeting") adds to the meeting before it,
or, when the article is itself the report of that meeting, completes it with the article's
principal person. Plans, invitations and promises are status "planned", never "happened".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from .dates import DateExpr
from .lang import load_json
from .lexicon import Trie
from .mentions import Lexicons, Mention
from .normalize import fold, match_keys
from .view import View

_BOUNDARY = set(".،,؛;:!?؟\n«»“”\"()")


@dataclass
class Where:
    """Where a meeting took place, and why we say so: ``rule`` is cited in the record."""

    place: Any  # places.Place
    basis: str  # explicit | inferred
    mention: Mention | None  # the words that name it, when some do
    rule: str


@dataclass
class Meeting:
    kind: str
    status: str
    rule: str
    sent: int
    parties: list[Mention]
    attendees: list[Mention] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # id(mention) -> role
    location: Where | None = None
    date: DateExpr | None = None
    evidence_sents: list[int] = field(default_factory=list)

    def identities(self) -> frozenset[str]:
        return frozenset(m.identity or m.text for m in self.parties)


@cache
def _tries(lang: str) -> dict[str, Trie]:
    data = load_json(lang, "meetings.json")
    out: dict[str, Trie] = {}
    for group in ("triggers", "anaphora", "planned", "attendees", "guest_markers", "venues", "dateline_venues"):
        t = Trie()
        for row in data.get(group, []):
            for pat in row["patterns"]:
                for k in match_keys(pat):
                    t.add(k, row)
        out[group] = t
    # plain word lists: plan exceptions ("به دعوت", "at the invitation of"), host markers, clause openers
    for group in ("planned_exceptions", "host_markers", "clause_openers"):
        t = Trie()
        for pat in data.get(group, []):
            for k in match_keys(pat):
                t.add(k, {"id": f"{lang}.{group}"})
        out[group] = t
    return out


def _scan(view: View, group: str, s: int, e: int, clitics: bool):
    return list(_tries(view.lang)[group].scan(view.tokens_in(s, e), clitics=clitics))


def _clause_end(text: str, pos: int, limit: int) -> int:
    i = pos
    while i < limit and text[i] not in _BOUNDARY:
        i += 1
    return i


def _clause_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and text[i - 1] not in _BOUNDARY:
        i -= 1
    return i


def extract_meetings(view: View, mentions: list[Mention], dates: list[DateExpr], lex: Lexicons,
                     doc_date: date | None, claims: list | None = None) -> list[Meeting]:
    lang = view.lang
    data = load_json(lang, "meetings.json")
    clitics = lang == "ar"
    # a bare role word ("the president", "وزير الخارجية") with no country and no holder is nobody in particular
    people = [m for m in mentions if m.is_person and m.role not in ("counterpart",)
              and not (m.kind == "title" and m.actor is None and m.country is None
                       and not m.extra.get("placeholder"))]
    meetings: list[Meeting] = []
    by_sent: dict[int, list[Mention]] = {}
    for p in people:
        by_sent.setdefault(p.sent, []).append(p)
    for si, (s, e) in enumerate(view.sentences):
        trig = _scan(view, "triggers", s, e, clitics)
        if not trig:
            continue
        ana = _scan(view, "anaphora", s, e, clitics)
        planned = _plan_markers(view, s, e, clitics)
        t0 = trig[0]
        sent_people = by_sent.get(si, [])
        # "the spokesman said that the minister received X": the meeting is the reported one
        # a person named as part of the trigger ("رونوشت استوارنامه" read as a name), or as the one
        # whose tomb, memorial or museum was visited, is nobody met
        sent_people = [p for p in sent_people if not any(t.start <= p.start < t.end for t in trig)
                       and not _object_not_met(view, p, s)]
        # "… after attending the UN session in New York, where Sharif met Macron": the clause's people
        opener = next((o.start for o in reversed(_scan(view, "clause_openers", s, e, False))
                       if any(p.start < o.start for p in sent_people) and any(o.start < p.start for p in sent_people)
                       and any(t.start > o.start for t in trig)), None)
        if opener is not None:
            sent_people = [p for p in sent_people if p.start > opener]
            t0 = next(t for t in trig if t.start > opener)
        said = next((c for c in claims or [] if c.start <= t0.start < c.end), None)
        if said is None:
            # a headline run into the lead ("… يتلقى اتصالين\nصرح المتحدث بأن الوزير تلقى اتصالين من …"):
            # when only the reporter is named outside the report, the meeting is the reported one
            inner = next((c for c in claims or [] if s <= c.start < e and c.speaker is not None
                          and any(c.start <= t.start < c.end for t in trig)), None)
            if inner is not None and all(inner.start <= p.start < inner.end or p.identity == inner.speaker.identity
                                         for p in sent_people):
                said = inner
                t0 = next(t for t in trig if inner.start <= t.start < inner.end)
        if said is not None:
            sent_people = [m for m in sent_people if said.start <= m.start < said.end]
        attendees = _attendees(view, s, e, sent_people, clitics)
        parties = [m for m in sent_people if m not in attendees]
        parties = _dedupe(parties)
        if said is not None and len(parties) == 1 and said.speaker is not None and not said.direct and \
                _reports_own_act(view, said) and \
                (said.speaker.identity or said.speaker.text) != (parties[0].identity or parties[0].text):
            parties = [said.speaker, *parties]  # "قال أوباما إنه أجرى اتصالا بروحاني"
        between = _between(view, t0, parties, e, data)
        if between:
            parties = between
        rule = t0.payloads[0]["id"]
        kind = t0.payloads[0]["kind"]
        status = "planned" if _is_planned(view, planned, [t0], parties) else "happened"
        if ana and any(a.start <= t0.start < a.end for a in ana):
            target = meetings[-1] if meetings and meetings[-1].status == "happened" else None
            if target is not None:
                _augment(target, parties, attendees, si, _hosts(view, s, e, parties))
                continue
            if len(parties) == 1:
                principal = _principal(mentions, exclude={parties[0].identity, *(a.identity for a in attendees)})
                if principal is not None:
                    parties = [principal, *parties]
        if len(parties) == 1:
            subj = _implicit_subject(view, mentions, parties[0], s, lang, meetings,
                                     floor=opener)  # "Zarif arrived …, where he held talks"
            if subj is not None:
                parties = [subj, *parties]
        if len(parties) < 2:
            continue
        for group in _pairs(parties, view, t0.start):
            m = Meeting(kind, status, rule, si, list(group), list(attendees), evidence_sents=[si])
            host_subject = any(p.get("roles") == "host_subject" for p in t0.payloads)
            _roles(view, m, host_subject, s, e, clitics)
            in_sent = [d for d in dates if s <= d.start < e]
            # the date nearest the trigger: a dateline at the sentence start is the report's, not the meeting's
            # a resolved date beats a bare weekday ("روز دوشنبه دوم تیرماه ۱۳۹۹")
            m.date = min(in_sent, key=lambda d: (d.value is None, min(abs(d.start - t0.end), abs(t0.start - d.end))),
                         default=None)
            if opener is not None:
                # "… from Beijing, where he held talks": the place the clause hangs on, else one inside it
                before = [x for x in mentions if x.kind == "place" and x.place is not None and s <= x.start
                          and x.end <= opener and not view.text[x.end:opener].strip(" ,،")]
                if before:
                    m.location = Where(before[-1].place, "explicit", before[-1], f"{lang}.loc.where")
                else:
                    _location(view, m, mentions, lex, opener, e, data, claims or [])
            else:
                _location(view, m, mentions, lex, s, e, data, claims or [])
            meetings.append(m)
    _visit_destinations(view, meetings, mentions, data, clitics, claims or [])
    meetings = _merge_same(meetings)
    _infer_locations(view, meetings, mentions, lex, clitics)
    return meetings


def _visit_destinations(view: View, meetings: list[Meeting], mentions: list[Mention], data, clitics: bool,
                        claims: list) -> None:
    """'زيارة روحاني إلى باكو', "Rouhani's visit to Baku": a held meeting of that visitor with no
    stated place took place at the destination (basis inferred); the visitor is the guest."""
    dest_words = set(data.get("visit_destination", []))
    facts: dict[str, Any] = {}
    for s, e in view.sentences:
        planned = _plan_markers(view, s, e, clitics)
        for t in _scan(view, "triggers", s, e, clitics):
            if t.payloads[0].get("kind") != "visit" or _is_planned(view, planned, [t], []):
                continue
            if any(c.direct and c.start <= t.start < c.end for c in claims):
                continue  # a quoted "I have travelled to Iran three times" is no report of this visit
            near = [m for m in mentions if s <= m.start < e and abs(m.start - t.end) < 60 or
                    (s <= m.start < e and 0 <= t.start - m.end < 40)]
            # the visitor: right after the word ("زيارة روحاني") or just before it ("Rouhani's visit")
            after = [m for m in near if m.is_person and m.actor is not None and 0 <= m.start - t.end < 30]
            prior = [m for m in near if m.is_person and m.actor is not None and 0 <= t.start - m.end < 40]
            person = after[0] if after else (prior[-1] if prior else None)

            def dest(m: Mention, s: int = s) -> bool:
                return (view.text[max(s, m.start - 12):m.start].split() or [""])[-1] in dest_words

            place = next((m for m in near if m.kind == "place" and m.start > t.end and dest(m)), None)
            if place is not None and place.start - t.end <= 2 and prior:
                person = prior[-1]  # "Ghani visited Islamabad": the place is the object, the visitor the subject
            if place is None and not data.get("verb_initial", True):
                # Persian "… به تهران سفر کرده است": destination before the verb, visitor the subject
                place = next((m for m in mentions if m.kind == "place" and s <= m.start < t.start
                              and 0 <= t.start - m.end < 12 and dest(m)), None)
                if place is not None:
                    person = next((m for m in mentions if s <= m.start < place.start and m.is_person
                                   and m.actor is not None), person)
            if person is not None and place is not None:
                facts[person.actor.id] = place.place
    if not facts:
        return
    for m in meetings:
        if m.location is not None or m.status != "happened":
            continue
        for p in m.parties:
            if p.actor is not None and p.actor.id in facts:
                place = facts[p.actor.id]
                others = [q for q in m.parties if q is not p]
                if any(q.actor is not None and q.actor.country == place.country for q in others):
                    m.location = Where(place, "inferred", None, "loc.visit_destination")
                    m.roles[id(p)] = "guest"
                    for q in others:
                        m.roles[id(q)] = "host"
                    break


def _between(view: View, trig, parties: list[Mention], e: int, data) -> list[Mention]:
    """'talks between X and Y': exactly the people after 'between', whoever else the sentence names."""
    words = set(data.get("between", []))
    after = view.text[trig.end:e].split()[:3]
    if not any(w.strip("،,") in words for w in after):
        return []
    k = trig.end + view.text[trig.end:e].find(next(w for w in after if w.strip("،,") in words))
    found = [p for p in parties if p.start > k]
    return found if len(found) >= 2 else []


def _hosts(view: View, s: int, e: int, people: list[Mention]) -> list[Mention]:
    """People right after "hosted by", "chaired by", "برئاسة", "به میزبانی"."""
    out = []
    for k in (x.start for x in _scan(view, "host_markers", s, e, False)):
        nxt = [p for p in people if p.start > k and len(view.text[k:min(p.start, p.title_span[0])
                                                                   if p.title_span else p.start].split()) <= 6]
        if nxt:
            out.append(min(nxt, key=lambda p: p.start))
    return out


def _coordinated(view: View, a: Mention, b: Mention) -> bool:
    gap = view.text[a.end:min(b.start, b.title_span[0]) if b.title_span else b.start].strip(" ،,")
    return gap in ("and", "و", "&") or gap == ""


def _pairs(parties: list[Mention], view: View | None = None, trig: int | None = None) -> list[tuple[Mention, ...]]:
    """Who met whom: the subject with each counterpart (meetings listed together are split per
    counterpart); a group as subject ("the ambassadors of Iraq, Benin and Sri Lanka presented
    their credentials to X") gives each member with each party outside the group, and a group
    alone ("the foreign ministers of Iran, Turkey and Russia met") one meeting of all its members."""
    group = parties[0].extra.get("group")
    if group is not None:
        members = [p for p in parties if p.extra.get("group") == group]
        rest = [p for p in parties if p.extra.get("group") != group]
        if not rest:
            return [tuple(members)] if len(members) > 1 else []
        return [(a, b) for a in members for b in rest]
    if view is not None and trig is not None and len(parties) > 2 and parties[1].end <= trig \
            and _coordinated(view, parties[0], parties[1]):
        # "Raisi, Putin and Erdogan met", "Pashinyan and Aliyev met … for talks hosted by Michel": one meeting
        return [tuple(parties)]
    return [(parties[0], other) for other in parties[1:]]


def _reports_own_act(view: View, said) -> bool:
    """'قال أوباما إنه أجرى اتصالا', 'he said he met': the reported subject is the speaker himself."""
    before = view.text[max(0, said.start - 6):said.start].split()
    head = view.text[said.start:said.end].split()[:1]
    own = {"إنه", "انه", "أنه", "بأنه", "he", "she", "وی", "او", "ایشان"}
    passive = {"تم", "تمت", "جرى", "جرت"}
    if head and head[0] in passive:
        return False
    return bool((before and before[-1] in own) or (head and head[0].lower() in own))


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


def _object_not_met(view: View, p: Mention, s: int) -> bool:
    """'زار ضريح والده حيدر علييف', "laid a wreath at the tomb of X": X was not met."""
    words = _folded(view.lang, "not_a_person_met")
    lead = p.title_span[0] if p.title_span else p.start
    before = [fold(w) for w in view.text[max(s, lead - 40):lead].split()][-3:]
    return any(w in words or (view.lang == "ar" and w[:1] in "وب" and w[1:] in words) for w in before)


def _attendees(view: View, s: int, e: int, people: list[Mention], clitics: bool) -> list[Mention]:
    out: list[Mention] = []
    for m in _scan(view, "attendees", s, e, clitics):
        row = m.payloads[0]
        if row.get("scope") == "before":
            lo = _clause_start(view.text, m.start, s)
            lo = max(lo, m.start - 200)
            out += [p for p in people if lo <= p.start < m.start]
        else:
            # the first person after the marker, and others only when joined to it by "و"/"and"/","
            hi = min(_clause_end(view.text, m.end, e), m.end + 200)
            after = [p for p in people if m.end <= p.start < hi]
            # "با حضور در وزارت خارجه با ظریف خداحافظی کرد": "presence" at a place, then a new phrase
            if after and _new_phrase(view, m.end, after[0]):
                after = []
            if after:
                chain = [after[0]]
                for p in after[1:]:
                    gap = view.text[chain[-1].end:p.start].strip(" ،,")
                    if gap not in ("", "و", "and", "&"):
                        break
                    chain.append(p)
                out += chain
    groups = {p.extra["group"] for p in out if p.extra.get("group") is not None}
    out += [p for p in people if p.extra.get("group") in groups and p not in out]
    return out


def _new_phrase(view: View, start: int, p: Mention) -> bool:
    """More than four words, or a preposition, between an attendance marker and the person."""
    lead = min(p.start, p.title_span[0]) if p.title_span else p.start
    gap = [fold(w) for w in view.text[start:lead].split()]
    preps = _folded(view.lang, "phrase_preps")
    return len(gap) > 4 or any(w in preps for w in gap)


def _plan_markers(view: View, s: int, e: int, clitics: bool) -> list:
    """Plan markers of a sentence, less those inside an exception ("به دعوت … سفر کرده است")."""
    exc = _scan(view, "planned_exceptions", s, e, clitics)
    return [p for p in _scan(view, "planned", s, e, clitics)
            if not any(x.start <= p.start < x.end or p.start <= x.start < p.end for x in exc)]


def _is_planned(view: View, planned, trig, parties) -> bool:
    """A plan marker within a few words of the trigger makes the meeting planned."""
    for p in planned:
        for t in trig:
            gap = view.text[min(p.end, t.end):max(p.start, t.start)]
            if len(gap.split()) <= 6 and not any(c in gap for c in ".؟?!\n"):
                return True
    return False


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


def _implicit_subject(view: View, mentions: list[Mention], only: Mention, s: int, lang: str,
                      meetings: list[Meeting], floor: int | None = None) -> Mention | None:
    """'He also held talks with X': the subject is a pronoun or left out; take the subject of the
    article's previous meeting, else the last person named before this sentence."""
    before = view.text[s:only.start]
    pronoun = any(p.kind == "pronoun" and s <= p.start < only.start for p in mentions)
    if lang == "en" and not pronoun:
        return None
    if lang != "en" and len(before.split()) > 4 and not pronoun:
        return None
    if meetings and (meetings[-1].parties[0].identity or "") != (only.identity or only.text):
        return meetings[-1].parties[0]
    for m in reversed(mentions):
        if m.start >= (floor if floor is not None else s) or not m.is_person:
            continue
        if (m.identity or m.text) != (only.identity or only.text) and m.actor is not None:
            return m
    return None


def _roles(view: View, m: Meeting, host_subject: bool, s: int, e: int, clitics: bool) -> None:
    subject, other = m.parties[:2]
    for a in m.attendees:
        m.roles[id(a)] = "attendee"
    guests = set()
    for g in _scan(view, "guest_markers", s, e, clitics):
        def lead(p: Mention) -> int:
            return min(p.start, p.title_span[0]) if p.title_span else p.start
        if g.payloads[0].get("scope") == "before":
            # "باولو رانجيل الذي يزور المملكة", "X, who is visiting": the person just before
            prev = [p for p in m.parties if p.end <= g.start and len(view.text[p.end:g.start].split()) <= 2]
            if prev:
                guests.add(id(max(prev, key=lambda p: p.end)))
            continue
        nxt = [p for p in m.parties if lead(p) >= g.end and len(view.text[g.end:lead(p)].split()) <= 3]
        if nxt:
            guests.add(id(min(nxt, key=lambda p: p.start)))
    if host_subject:
        for p in m.parties:
            m.roles[id(p)] = "guest"
        m.roles[id(subject)] = "host"
    elif guests:
        for p in m.parties:
            m.roles[id(p)] = "guest" if id(p) in guests else "host"
    else:
        for p in m.parties:
            m.roles[id(p)] = "party"


def _location(view: View, m: Meeting, mentions: list[Mention], lex: Lexicons, s: int, e: int, data,
              claims: list) -> None:
    preps = {p for p in data["location_preps"]}
    # a place inside what someone said ("I have travelled to Iran") is not where they met, unless
    # the meeting itself is what was said ("the spokesman said that the minister met … in Doha")
    told = [c for c in claims if not any(c.start <= p.start < c.end for p in m.parties)]
    places = [x for x in mentions if x.kind == "place" and s <= x.start < e and x.place is not None
              and not any(c.start <= x.start < c.end for c in told)]
    heads = set(data.get("location_heads", []))
    for p in places:
        before = view.text[max(s, p.start - 12):p.start].split()
        near_head = view.text[max(s, p.start - 40):p.start].split()[-3:]
        if p.place.kind == "city" and any(w in heads for w in near_head):
            # "العاصمة السعودية الرياض", "the Iranian capital Tehran"
            m.location = Where(p.place, "explicit", p, f"{view.lang}.loc.capital")
            return
        clitic_b = view.lang == "ar" and view.text[p.start - 1:p.start] == "ب" if p.start > 0 else False
        if clitic_b or (before and before[-1].strip("،,") in preps):
            if p.place.kind == "city" or not any(x.place and x.place.kind == "city" for x in places):
                m.location = Where(p.place, "explicit", p, f"{view.lang}.loc.prep")
                if p.place.kind == "city":
                    return
    if m.location is not None:
        return
    guest = next((p for p in m.parties if m.roles.get(id(p)) == "guest"), None)
    host = next((p for p in m.parties if m.roles.get(id(p)) == "host"), None)
    if guest is not None and host is not None and host.actor is not None and host.actor.country:
        cap = lex.places.capital(host.actor.country)
        if cap is not None:
            m.location = Where(cap, "inferred", None, "loc.host_capital")


def _augment(target: Meeting, parties: list[Mention], attendees: list[Mention], si: int,
             hosts: list[Mention] = ()) -> None:
    """A sentence about a meeting already reported adds its attendees and its host ("The meeting
    was hosted by …"); the countries it lists fill a group the meeting named without them
    ("ambassadors of several countries")."""
    for h in hosts:
        if (h.identity or h.text) not in target.identities():
            target.parties.append(h)
            target.roles[id(h)] = "host"
    holder = next((p for p in target.parties if p.extra.get("placeholder")), None)
    members = [p for p in (*attendees, *parties) if p.extra.get("group") is not None and p.country]
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
    """An unnamed office holder ("سفير إيران") and a named person holding that title in the text."""
    tr = person.extra.get("title_role")
    return title.kind == "title" and title.actor is None and tr is not None and \
        tr[0] == title.role and tr[1] == title.country


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
        twin = next((o for o in out if _same_people(o, m) and o.status == m.status
                     and (o.date is None or m.date is None or o.date.value == m.date.value)), None)
        if twin is None:
            out.append(m)
            continue
        twin.evidence_sents.extend(m.evidence_sents)
        have = {a.identity for a in twin.attendees}
        for a in m.attendees:
            if a.identity not in have:
                twin.attendees.append(a)
                twin.roles[id(a)] = "attendee"
        if twin.location is None or (twin.location.basis == "inferred" and m.location
                                     and m.location.basis == "explicit"):
            twin.location = m.location or twin.location
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


def _infer_locations(view: View, meetings: list[Meeting], mentions: list[Mention], lex: Lexicons,
                     clitics: bool) -> None:
    """Places no sentence states for a held, in-person meeting, most specific evidence first:
    a fixed venue named with it ("on the sidelines of the UN General Assembly"), the place of the
    meeting just before on the same leg of a tour, the dateline where one side is at home; then a
    country narrowed to its capital when that is the one city of the country the article names."""
    in_person = [m for m in meetings if m.status == "happened" and m.kind != "phone_call"]
    for m in in_person:
        if m.location is None:
            m.location = _venue(view, m, lex, clitics)
    for m in in_person:
        if m.location is None:
            m.location = _same_leg(m, meetings)
    for m in in_person:
        if m.location is None:
            m.location = _posting(m, lex)
    line = _dateline(view, mentions, lex, clitics)
    for m in in_person:
        if m.location is None and line is not None and _at_home(m, line):
            m.location = line
    for m in in_person:
        if m.location is not None and m.location.place.kind == "country":
            cities = {x.place.id: x for x in mentions if x.kind == "place" and x.place is not None
                      and x.place.kind == "city" and x.place.country == m.location.place.country}
            capital = lex.places.capital(m.location.place.country)
            if len(cities) == 1 and capital is not None and capital.id in cities:
                x = cities[capital.id]
                m.location = Where(x.place, "inferred", x, "loc.city_of_country")


def _country_of(p: Mention) -> str | None:
    return p.actor.country if p.actor is not None else p.country


def _posting(m: Meeting, lex: Lexicons) -> Where | None:
    """An envoy posted to a country meets that country's people there: "سفیر ایران در نروژ … به
    پادشاه این کشور" took place in Norway (the capital narrowing may go further)."""
    for p in m.parties:
        to = p.extra.get("posted_to")
        if to and any(q is not p and _country_of(q) == to
                      for q in m.parties):
            place = lex.places.country(to)
            if place is not None:
                return Where(place, "inferred", None, "loc.posting")
    return None


def _at_home(m: Meeting, line: Where) -> bool:
    """A dateline places a meeting only where one side is at home: a party from the dateline's
    country who is not its envoy abroad ("TEHRAN (IRNA) - Iran's ambassador in Moscow met …" is
    not in Tehran); a venue dateline ("UNITED NATIONS") places any meeting."""
    if line.rule != "loc.dateline":
        return True
    return any(_country_of(p) == line.place.country
               and p.role != "ambassador" and (p.extra.get("title_role") or ("",))[0] != "ambassador"
               for p in m.parties)


def _venue(view: View, m: Meeting, lex: Lexicons, clitics: bool) -> Where | None:
    """A venue with a fixed seat named in the meeting's sentences (``venues`` in meetings.json)."""
    for si in m.evidence_sents:
        s, e = view.sentences[si]
        for v in _scan(view, "venues", s, e, clitics):
            place = lex.places.by_id(v.payloads[0]["place"])
            if place is not None:
                return Where(place, "inferred", None, v.payloads[0]["id"])
    return None


def _same_leg(m: Meeting, meetings: list[Meeting]) -> Where | None:
    """"On Monday X met the Afghan president in Kabul. He also held talks with the Afghan foreign
    minister": the next sentence's meeting of the same person with another official of the host
    country happened in the same place."""
    first = min(m.evidence_sents)
    prev = [o for o in meetings if o is not m and o.location is not None and o.kind != "phone_call"
            and o.status == "happened" and max(o.evidence_sents) in (first - 1, first)]
    if not prev:
        return None
    o = max(prev, key=lambda o: max(o.evidence_sents))
    shared = m.identities() & o.identities()
    others = [p for p in m.parties if (p.identity or p.text) not in shared]
    if not shared or not others:
        return None
    country = o.location.place.country
    if all(_country_of(p) == country for p in others):
        return Where(o.location.place, "inferred", None, "loc.same_leg")
    return None


_FURNITURE = re.compile(r"\s*(?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])?\s*")
_DATELINE_END = re.compile(r"\s*(?:[,،(:/\-\u2013\u2014]|\d)")


def _dateline(view: View, mentions: list[Mention], lex: Lexicons, clitics: bool) -> Where | None:
    """"RIYADH, Dec 6 (KUNA) --", "طهران - إرنا -", "United Nations, Sep 23 (IANS)": the city the
    report was filed from, at the very start of the text after any bracketed page furniture."""
    text = view.text
    start = _FURNITURE.match(text).end()

    def line_start(x: Mention) -> bool:
        # the dateline may follow a headline line: it then begins the second or third line
        os_ = view.orig_span(x.start, x.end)[0]
        return 0 < os_ < 400 and view.original[os_ - 1] == "\n" and view.original.count("\n", 0, os_) <= 2
    place = next((x for x in mentions if x.kind == "place" and x.place is not None and x.place.kind == "city"
                  and (x.start == start or line_start(x))), None)
    if place is not None:
        if _DATELINE_END.match(text, place.end):
            return Where(place.place, "inferred", place, "loc.dateline")
        return None
    for v in _scan(view, "dateline_venues", start, min(len(text), start + 80), clitics):
        city = lex.places.by_id(v.payloads[0]["place"])
        if v.start == start and city is not None and _DATELINE_END.match(text, v.end):
            return Where(city, "inferred", None, v.payloads[0]["id"])
    return None


CAMEO = {"meeting": "040", "talks": "046", "phone_call": "040", "summit": "040", "visit": "042"}


def codes(m: Meeting) -> dict[str, str | None]:
    """CAMEO and PLOVER codes for event-data users."""
    if m.status == "planned":
        cameo = "036"
    elif m.kind == "visit":
        cameo = "043" if any(r == "host" for r in m.roles.values()) and m.parties and \
            m.roles.get(id(m.parties[0])) == "host" else "042"
    else:
        cameo = CAMEO.get(m.kind, "040")
    mode = {"visit": "visit", "phone_call": "phone", "summit": "multilateral"}.get(m.kind)
    if mode is None and any(r == "guest" for r in m.roles.values()):
        mode = "visit"
    return {"cameo": cameo, "plover": "CONSULT", "plover_mode": mode}

"""Where each meeting took place: one ordered list of rules, most specific evidence first.

``RULES`` holds one small function per row of the README's ``location.rule`` table, in the same
order (a test holds the two together). ``place_meetings`` runs after the meetings of a document
are assembled: each rule in turn is tried on every meeting still without a place, so a later rule
never overrides an earlier one, and a rule may build on the places the earlier ones found (the
next meeting on the same leg of a tour takes the place of the one before it). The last rule only
narrows a place already found: a stated country to the one city of it the article names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

from .lang import load_json, profile
from .meetings import PHONE_KIND, Clause, Meeting, Trips, Where, is_envoy, scan, trip_place
from .mentions import Lexicons, Mention
from .view import View

if TYPE_CHECKING:
    from .claims import Claim
    from .places import Place

# How far before a place its locative or its head word may stand ("in Baku", "the Iranian capital Tehran")
PREP_WINDOW = 12
HEAD_WINDOW = 40
HEAD_WORDS = 3
# How far before a place a topic noun and its locative are looked for ("developments in Iraq")
TOPIC_WINDOW = 40
# Words between the seat of an office and the name after it: an honorific ("… in Iraq Dr Salim …")
OFFICE_SEAT_GAP_WORDS = 1
# A city naming a meeting stands next to its noun: a space between ("the London talks")
MODIFIER_GAP_CHARS = 1
# A dateline stands in the first lines of the text: at most this many non-blank lines and characters before it
DATELINE_MAX_LINE = 2
DATELINE_MAX_CHARS = 400
# How far after the text's start a venue dateline ("UNITED NATIONS, Sep 23") is looked for
DATELINE_VENUE_CHARS = 80
# A headline is the text's first line, short and a sentence of its own ("X meets Y in Cairo")
HEADLINE_MAX_CHARS = 160


@dataclass
class Context:
    """What the rules read: the document, its mentions and meetings, and what was said in it."""

    view: View
    meetings: Sequence[Meeting]
    mentions: Sequence[Mention]
    lex: Lexicons
    claims: Sequence[Claim]
    trips: Trips

    @cached_property
    def dateline(self) -> Where | None:
        return _find_dateline(self)

    @cached_property
    def headline(self) -> tuple[Where, frozenset[str]] | None:
        return _find_headline(self)


@dataclass(frozen=True)
class Rule:
    """One row of the README's ``location.rule`` table: the ids it cites and the function that
    places a meeting by it (None when it does not apply). A narrowing rule refines a place found."""

    ids: tuple[str, ...]
    find: Callable[[Context, Meeting], Where | None]
    narrows: bool = False


def place_meetings(view: View, meetings: Sequence[Meeting], mentions: Sequence[Mention], lex: Lexicons,
                   claims: Sequence[Claim], trips: Trips) -> None:
    """Set ``location`` on every meeting some rule places, trying ``RULES`` in order; phone calls
    and talks held by video are never placed."""
    ctx = Context(view, meetings, mentions, lex, claims, trips)
    # a call has no place of its own ("X called Y, who was visiting Paris"), nor talks held by video
    # ("held talks by video link", «مباحثات عبر الفيديو», «مذاکرات وبیناری»): the sides were apart
    placeable = [m for m in meetings if m.kind != PHONE_KIND
                 and not any(scan(view, "remote_modes", c.start, c.end) for c in m.clauses)]
    for rule in RULES:
        for m in placeable:
            if (m.location is not None) == rule.narrows:
                where = rule.find(ctx, m)
                if where is not None:
                    m.location = where


def _in_person(m: Meeting) -> bool:
    return m.status == "happened" and m.kind != "phone_call"


def _country_of(p: Mention) -> str | None:
    return p.actor.country if p.actor is not None else p.country


# -- the rules, in the order of the README table ---------------------------------------------------
def stated(ctx: Context, m: Meeting) -> Where | None:
    """A place named in a clause that states the meeting: after a locative ("in Baku", "در تهران",
    "بالرياض"), as "the capital X", after a venue ("Vnukovo airport Moscow"), or the place a "where"
    clause hangs on ("arrived in Moscow from Beijing, where he held talks"). The first clause that
    names one wins."""
    for clause in m.clauses:
        where = _stated_in(ctx, m, clause)
        if where is not None:
            return where
    return None


def _stated_in(ctx: Context, m: Meeting, clause: Clause) -> Where | None:
    view, lang = ctx.view, ctx.view.lang
    start = clause.start
    if clause.opener is not None:
        # "… from Beijing, where he held talks": the place the clause hangs on, else one inside it
        before = [x for x in ctx.mentions if x.kind == "place" and x.place is not None and clause.start <= x.start
                  and x.end <= clause.opener and not view.text[x.end:clause.opener].strip(" ,،")]
        if before:
            return Where(before[-1].place, "explicit", before[-1], f"{lang}.loc.where")
        start = clause.opener
    # a place inside what someone said ("I have travelled to Iran") is not where they met, unless
    # the meeting itself is what was said ("the spokesman said that the minister met … in Doha")
    told = [c for c in ctx.claims if c is not clause.said]
    return _stated_span(ctx, start, clause.end, told)


@cache
def _place_words(lang: str) -> tuple[frozenset[str], ...]:
    """The word lists of meetings.json that ``_stated_span`` reads (locatives, head words of a
    capital and of a venue, buildings, topics), as sets once per language: they were rebuilt for
    every place of every clause that states a meeting."""
    data = load_json(lang, "meetings.json")
    return (frozenset(data["location_preps"]),
            *(frozenset(data.get(key, ())) for key in ("location_heads", "venue_heads", "building_nouns",
                                                         "topic_nouns")))


def _stated_span(ctx: Context, start: int, end: int, told: Sequence[Claim] = ()) -> Where | None:
    """The place a span that states a meeting names: a locative, a head word, a venue, the deictic
    "here" of a report with a dateline, else a city naming the meeting."""
    view, lang = ctx.view, ctx.view.lang
    preps, heads, venue_heads, buildings, topics = _place_words(lang)
    clitics = profile(lang)["proclitics"]
    places = [x for x in ctx.mentions if x.kind == "place" and start <= x.start < end and x.place is not None
              and not any(c.start <= x.start < c.end for c in told) and not _office_seat(ctx, x, preps)
              and not _names_a_building(view, x, buildings)
              and not _topic_place(view, x, start, preps, topics)]
    found = None
    for p in places:
        before = view.text[max(start, p.start - PREP_WINDOW):p.start].split()
        near_head = view.text[max(start, p.start - HEAD_WINDOW):p.start].split()[-HEAD_WORDS:]
        if p.place.kind == "city" and any(w in heads for w in near_head):
            # "العاصمة السعودية الرياض", "the Iranian capital Tehran"
            return Where(p.place, "explicit", p, f"{lang}.loc.capital")
        if p.place.kind == "city" and (any(w in venue_heads for w in near_head)
                                       or near_head[-1:] and near_head[-1].rstrip(",،") in buildings):
            # the city after a venue's name: "at Mehrabad airport Tehran", "فرودگاه مهرآباد تهران", or
            # right after a building's, a comma at most between ("at State House Nairobi", "at State
            # House, Nairobi", "Government House Wellington")
            return Where(p.place, "explicit", p, f"{lang}.loc.venue_head")
        # a one-letter locative glued to the name ("بالرياض" is "in Riyadh")
        glued = clitics and p.start > 0 and view.text[p.start - 1:p.start] in preps
        if glued or (before and before[-1].strip("،,") in preps):
            if p.place.kind == "city" or not any(x.place and x.place.kind == "city" for x in places):
                found = Where(p.place, "explicit", p, f"{lang}.loc.prep")
                if p.place.kind == "city":
                    return found
    if found is None:
        found = _unnamed_capital(ctx, start, end, preps, told)
    if found is None or found.place.kind == "country":
        seat = _seat(ctx, start, end, preps, told)
        if seat is not None and (found is None or found.place.country == seat.place.country):
            found = seat
    if found is None and ctx.dateline is not None and scan(view, "location_deictics", start, end):
        # "the talks held here today" in a report filed from a city: the dateline's city
        found = Where(ctx.dateline.place, "explicit", ctx.dateline.mention, f"{lang}.loc.here")
    # a locative states the place more surely than a name given to the talks ("the coordinator of
    # the Vienna talks met X in Tehran")
    return found or _attributive(ctx, places, start, end)


def _topic_place(view: View, p: Mention, start: int, preps: frozenset[str], nouns: frozenset[str]) -> bool:
    """A place that completes a topic noun is where the topic is, not where they met: "talked with X
    about developments in Iraq", «بحثا الأوضاع الراهنة في لبنان», «درباره تحولات در سوریه». The
    noun stands right before the locative, or one word before it where adjectives follow the noun
    (``place_modifier``: "after"); ``topic_nouns`` leaves out nouns that also name talks ("peace")."""
    words = [w.strip(",،.;:") for w in view.text[max(start, p.start - TOPIC_WINDOW):p.start].split()]
    glued = view.text[p.start - 1:p.start] in preps if p.start > 0 else False
    if not words or not (words[-1] in preps or glued):
        return False
    words = words[:-1]
    reach = 2 if profile(view.lang).get("place_modifier") == "after" else 1
    return any(w in nouns for w in words[-reach:])


def _names_a_building(view: View, p: Mention, nouns: frozenset[str]) -> bool:
    """A city followed by a building or street noun is part of that name, not where it stands:
    "at Hyderabad House" is in New Delhi, "Lancaster House" in London (``building_nouns``)."""
    after = view.text[p.end:p.end + PREP_WINDOW].split()[:1]
    return bool(after) and after[0].strip(",.;:") in nouns


def _office_seat(ctx: Context, p: Mention, preps: frozenset[str]) -> bool:
    """A place between a title and the name it introduces belongs to the office, not to the
    meeting: "رئيس مجلس النواب في جمهورية العراق الدكتور فلان", "Iran's envoy in Oslo Ali Rezaei".
    Only a locative stands between title and place, and at most one word (an honorific) between
    place and name."""
    text = ctx.view.text
    title = next((t for t in ctx.mentions if t.kind == "title" and t.end <= p.start
                  and text[t.end:p.start].split() in ([w] for w in preps)), None)
    if title is None:
        return False
    return any(x.is_person and x.start >= p.end and len(text[p.end:x.start].split()) <= OFFICE_SEAT_GAP_WORDS
               and not any(ch in text[p.end:x.start] for ch in ",،;؛") for x in ctx.mentions)


# Institutions that stand in their country's capital: seats of government, and the ministries,
# presidencies, parliaments and offices of a country (an embassy stands in another country's)
SEATED_KINDS = frozenset({"seat", "ministry", "presidency", "parliament", "office"})


def _seat(ctx: Context, start: int, end: int, preps: frozenset[str], told: Sequence[Claim]) -> Where | None:
    """"at the Kremlin", «في قصر الإليزيه», «در کاخ سعدآباد», "at the Turkish Foreign Ministry",
    «في مقر وزارة الخارجية التركية», «در محل وزارت امور خارجه ترکیه»: a seat of government or a
    country's ministry after a locative, or after a locative and a noun of premises
    (``premises_nouns``: headquarters, «مقر», «محل»), stands in its country's capital."""
    text = ctx.view.text
    clitics = profile(ctx.view.lang)["proclitics"]
    premises = set(load_json(ctx.view.lang, "meetings.json").get("premises_nouns", []))
    for x in ctx.mentions:
        if x.kind != "institution" or x.role not in SEATED_KINDS or not x.country or not start <= x.start < end \
                or any(c.start <= x.start < c.end for c in told):
            continue
        # "at the Kremlin", "في قصر …", or one letter glued to it ("بالكرملين"); "في مقر …", "بمقر …"
        words = text[max(start, x.start - PREP_WINDOW):x.start].split()[-3:]
        while words and words[-1] in premises and len(words) > 1:
            words = words[:-1]
        if words and words[-1][1:] in premises and clitics and words[-1][:1] in preps:
            words = [words[-1][:1]]
        glued = clitics and x.start > 0 and text[x.start - 1:x.start] in preps
        if glued or any(w in preps for w in words[-2:]):
            cap = ctx.lex.places.capital(x.country)
            if cap is not None:
                return Where(cap, "explicit", x, f"{ctx.view.lang}.loc.seat")
    return None


def _unnamed_capital(ctx: Context, start: int, end: int, preps: frozenset[str], told: Sequence[Claim]) -> Where | None:
    """"in the Saudi capital", «في العاصمة السعودية», «در پایتخت عربستان»: a locative, the word
    for a capital (``capital_heads``) and a country or its demonym, with no city named after it
    (the named city is the ``loc.capital`` rule's): that country's capital."""
    view, lang = ctx.view, ctx.view.lang
    heads = set(load_json(lang, "meetings.json").get("capital_heads", []))
    if not heads:
        return None
    text = view.text
    side = profile(lang).get("place_modifier")
    for x in ctx.mentions:
        if not (start <= x.start < end and x.kind in ("place", "demonym")) or any(c.start <= x.start < c.end
                                                                                 for c in told):
            continue
        country = x.place.country if x.kind == "place" and x.place is not None and x.place.kind == "country" \
            else (x.country if x.kind == "demonym" else None)
        if country is None:
            continue
        if side == "before":  # "in the Saudi capital": locative, article, demonym, head
            after = text[x.end:end].split()[:1]
            words = text[max(start, x.start - PREP_WINDOW):x.start].split()
            ok = bool(after) and after[0].strip(",.") in heads and any(w in preps for w in words[-2:])
        else:  # «في العاصمة السعودية», «در پایتخت عربستان»: locative, head, country
            words = text[max(start, x.start - HEAD_WINDOW):x.start].split()[-2:]
            # the locative a word of its own, or one letter glued to the head ("بالعاصمة")
            ok = (len(words) == 2 and words[1] in heads and words[0] in preps) or \
                 (len(words) >= 1 and words[-1][:1] in preps and words[-1][1:] in heads)
        if ok:
            cap = ctx.lex.places.capital(country)
            if cap is not None:
                return Where(cap, "explicit", x, f"{lang}.loc.capital_of")
    return None


def _attributive(ctx: Context, places: list[Mention], start: int, end: int) -> Where | None:
    """A city that names the meeting: "the London talks", "قمة ألاسكا", "مذاکرات وین". It stands
    right before the meeting noun where the language puts modifiers first (``place_modifier``:
    "before"), right after it in a construct or ezafe ("after"). A city joined to another place
    ("Tehran-Washington talks", "مذاکرات تهران و واشنگتن") names the sides, not the place."""
    view, lang = ctx.view, ctx.view.lang
    side = profile(lang).get("place_modifier")
    if side is None:
        return None
    nouns = scan(view, "triggers", start, end)
    glue = set(profile(lang)["list_glue"])
    for p in places:
        if p.place.kind != "city":
            continue
        if side == "before":
            gap_ok = any(0 < t.start - p.end <= MODIFIER_GAP_CHARS and not view.text[p.end:t.start].strip()
                         for t in nouns)
            joined = view.text[max(start, p.start - MODIFIER_GAP_CHARS):p.start].strip()[-1:] in ("-", "–") or \
                view.text[p.end:p.end + 1] in ("-", "–")
        else:
            gap_ok = any(0 < p.start - t.end <= MODIFIER_GAP_CHARS and not view.text[t.end:p.start].strip()
                         for t in nouns)
            after = view.text[p.end:end].split()[:1]
            # "تهران و واشنگتن", "طهران وواشنطن": a conjunction, alone or glued to the next place
            joined = bool(after) and (after[0] in glue or any(
                x.start > p.end and view.text[p.end:x.start].strip() in glue for x in places))
        if gap_ok and not joined:
            return Where(p.place, "explicit", p, f"{lang}.loc.modifier")
    return None


def venue(ctx: Context, m: Meeting) -> Where | None:
    """A venue with a fixed seat named in the meeting's sentences ("on the sidelines of the UN
    General Assembly": New York), from ``venues`` in meetings.json."""
    if not _in_person(m):
        return None
    for si in m.evidence_sents:
        s, e = ctx.view.sentences[si]
        for v in scan(ctx.view, "venues", s, e):
            place = ctx.lex.places.by_id(v.payloads[0]["place"])
            if place is not None:
                return Where(place, "inferred", None, v.payloads[0]["id"])
    return None


def _stated_trip(ctx: Context, m: Meeting) -> Where | None:
    """The destination of the trip a party of the meeting is said to make in the meeting's own
    sentence ("during his visit to Saudi Arabia he met his counterpart", «در جریان سفر به عربستان با
    همتای خود دیدار کرد»), else the last trip stated before it ("The delegation headed by X, on its trip
    to Kabul … . The delegation met A, B and C"): trips in text order, so a later leg ("then flew to
    Doha") does not place the meetings before it. Every other party is of the destination's country
    or of none the article gives, and the visitor is not at home there."""
    if not _in_person(m):
        return None
    own, first = set(m.evidence_sents), min(m.evidence_sents)
    ids = m.identities()
    mine = [t for t in ctx.trips if t.visitor.identity in ids and (t.sent in own or t.sent < first)]
    if not mine:
        return None
    in_own = [t for t in mine if t.sent in own]
    trip = in_own[0] if in_own else mine[-1]
    visitor, dest = trip.visitor, trip.dest
    country = dest.place.country
    me = [p for p in m.parties if p.identity == visitor.identity]
    others = [p for p in m.parties if p.identity != visitor.identity]
    if not others or any(_country_of(p) == country for p in me) \
            or any(_country_of(p) not in (country, None) for p in others):
        return None
    return Where(_destination(ctx, dest), "inferred", None, "loc.visit_destination")


def _destination(ctx: Context, dest: Mention) -> Place:
    """The place a trip went to. A country written as its capital is («زيارة إلى تونس», "a visit to
    Djibouti") is the city there, where people meet: the gazetteer reads the name as the country."""
    if dest.place.kind == "country":
        city = ctx.lex.places.capital_written_alike(dest.text)
        if city is not None and city.country == dest.place.country:
            return city
    return dest.place


def visit_destination(ctx: Context, m: Meeting) -> Where | None:
    """A held meeting of a visitor ("Rouhani's visit to Baku") took place at the destination: the
    trip of the meeting's own sentence or the last one stated before it (``_stated_trip``), else the
    visitor's last trip when he meets someone of the destination's country (a country visited stays
    a country: the last rule narrows it only to a city the article names)."""
    if m.status != "happened":
        return None
    found = _stated_trip(ctx, m)
    if found is not None:
        return found
    dest = trip_place(m, ctx.trips)
    if dest is None:
        return None
    return Where(_destination(ctx, dest), "inferred", None, "loc.visit_destination")


def host_capital(ctx: Context, m: Meeting) -> Where | None:
    """The host's capital, when the text makes one side the guest ("visiting", "received"): the
    country of the host the dictionary knows, else the one his title gives ("was received by the
    Prime Minister of Ethiopia"), unless that title is an envoy's (he hosts abroad)."""
    guest = next((p for p in m.parties if m.roles.get(id(p)) == "guest"), None)
    host = next((p for p in m.parties if m.roles.get(id(p)) == "host"), None)
    country = None if host is None else host.actor.country if host.actor is not None else \
        None if is_envoy(host) else host.country
    if guest is not None and country:
        cap = ctx.lex.places.capital(country)
        if cap is not None:
            return Where(cap, "inferred", None, "loc.host_capital")
    return None


def same_leg(ctx: Context, m: Meeting) -> Where | None:
    """"On Monday X met the Afghan president in Kabul. He also held talks with the Afghan foreign
    minister": the next sentence's meeting of the same person with another official of the host
    country happened in the same place. A lead that sums the day up ("X is meeting the president")
    takes the place from the sentence right after it ("The foreign minister received X in Abuja")
    when no sentence before it places one. The meetings of one list in one sentence share their place,
    whatever country each counterpart is of."""
    if not _in_person(m):
        return None
    first, last = min(m.evidence_sents), max(m.evidence_sents)
    # a meeting placed by this rule gives its place on only to the other meetings of its own list
    placed = [o for o in ctx.meetings if o is not m and o.location is not None and _in_person(o)
              and (o.location.rule != "loc.same_leg" or _one_list(m, o))]
    prev = [o for o in placed if max(o.evidence_sents) in (first - 1, first)]
    nxt = [o for o in placed if min(o.evidence_sents) == last + 1]
    # meetings split from one list ("received the credentials of the ambassadors of A, B and C", «با
    # الف، ب و ج دیدار کرد», "held separate meetings with A and B during their visit to Kyiv"): one
    # sentence, one trigger and a shared party are one occasion, whatever country each counterpart is
    # of, however many sentences each was told in
    listed = [o for o in placed if _one_list(m, o)]
    if listed:
        return Where(listed[0].location.place, "inferred", None, "loc.same_leg")
    if not prev and not nxt:
        return _stated_before(ctx, m, first)
    o = max(prev, key=lambda o: max(o.evidence_sents)) if prev else min(nxt, key=lambda o: o.evidence_sents)
    shared = m.identities() & o.identities()
    others = [p for p in m.parties if (p.identity or p.text) not in shared]
    if not shared or not others:
        return None
    country = o.location.place.country
    if all(_country_of(p) == country for p in others):
        return Where(o.location.place, "inferred", None, "loc.same_leg")
    # a visitor abroad meets the people there: "X held talks with the Qatari foreign minister in Doha.
    # X also met Y, the deputy minister" — the shared party is of a known country other than the
    # place's, and whom he met next the article gives no country (an unresolved title, a name it does
    # not know), as for a trip's destination (``_stated_trip``) and an envoy's posting
    visitor = [p for p in m.parties if (p.identity or p.text) in shared]
    if any(_country_of(p) not in (None, country) and not is_envoy(p) for p in visitor) \
            and all(_country_of(p) in (country, None) and not is_envoy(p) for p in others):
        return Where(o.location.place, "inferred", None, "loc.same_leg.abroad")
    return None


def _stated_before(ctx: Context, m: Meeting, first: int) -> Where | None:
    """"X held talks with the presidents of A and B in two separate meetings at State House, Nairobi.
    … Shortly after, X held talks with C": the last sentence before the meeting that names one of its
    parties with a meeting word and a place states meetings of his with people it does not name, and
    where; he is at home there (of the place's country, not its envoy), and his next meeting is there
    too. A sentence between that names him with a meeting word but no place is passed over ("X said the
    talks were useful"); one from which a meeting is read ends the search (that meeting's place is
    the one the rule reads above)."""
    ids = m.identities()
    told = {si for o in ctx.meetings for si in o.evidence_sents}
    for si in range(first - 1, -1, -1):
        s, e = ctx.view.sentences[si]
        named = {x.identity for x in ctx.mentions if x.sent == si and x.is_person and x.identity in ids}
        if not named or not scan(ctx.view, "triggers", s, e):
            continue
        if si in told:
            return None
        where = _stated_span(ctx, s, e, ctx.claims)
        if where is None or where.rule.endswith(".loc.here"):
            continue  # "Ruto said the talks were useful": no place, read on back to the lead
        if any(p.identity in named and _country_of(p) == where.place.country and not is_envoy(p)
               for p in m.parties):
            return Where(where.place, "inferred", where.mention, "loc.same_leg")
        return None
    return None


def _one_list(m: Meeting, o: Meeting) -> bool:
    """Two meetings split from one list: first told in one sentence, by one trigger, with a party in
    common (a later sentence may have told more of one of them)."""
    return min(o.evidence_sents) == min(m.evidence_sents) and o.rule == m.rule \
        and bool(m.identities() & o.identities())


def restated(ctx: Context, m: Meeting) -> Where | None:
    """"At a news conference after their talks at the Kremlin in Moscow, Putin said … . Abe and
    Putin discussed …": when the article reports one in-person meeting, a sentence without a meeting
    of its own that names it again in a clause without a person ("their talks", «هذا اللقاء»,
    «این دیدار») and states where it was places it. A relative clause on the meeting's noun
    (``meeting_relatives``: "the talks, which were held at the Kremlin", «در این دیدار که در کاخ
    سعدآباد برگزار شد») says where that meeting was whoever else the sentence names; it is read in
    those sentences too, and in the sentences the meetings stage joined to the meeting through its
    anaphor. A clause with a plan marker places nothing ("will be raised in Varna")."""
    if not _in_person(m):
        return None
    view = ctx.view
    joined = {si for si in m.evidence_sents
              if not any(view.sentences[si][0] <= c.start < view.sentences[si][1] for c in m.clauses)}
    alone = not any(o is not m and _in_person(o) for o in ctx.meetings)
    own = {i for o in ctx.meetings for i in o.evidence_sents}
    relatives = set(load_json(view.lang, "meetings.json").get("meeting_relatives", []))
    text = view.text
    for si, (s, e) in enumerate(view.sentences):
        plain = alone and si not in own
        if not plain and si not in joined:
            continue
        for t in [*scan(view, "triggers", s, e), *scan(view, "anaphora", s, e)]:
            cs, ce = t.start, t.end
            while cs > s and text[cs - 1] not in _CLAUSE_BOUNDARY:
                cs -= 1
            while ce < e and text[ce] not in _CLAUSE_BOUNDARY:
                ce += 1
            after = text[t.end:ce].split()[:1]
            if after and after[0] in relatives:
                cs = t.end  # the relative clause: from its pronoun to the clause's end
            elif not plain or any(x.is_person and cs <= x.start < ce for x in ctx.mentions):
                continue  # a clause with people of its own
            if scan(view, "planned", cs, ce):
                continue  # an event still ahead
            where = _stated_span(ctx, cs, ce, ctx.claims)
            if where is not None and not where.rule.endswith(".loc.here"):
                return Where(where.place, "explicit", where.mention, "loc.restated")
    return None


def posting(ctx: Context, m: Meeting) -> Where | None:
    """An envoy posted to a country meets that country's people there: "سفیر ایران در نروژ … به
    پادشاه این کشور" took place in Norway (the last rule may narrow it to a city). A counterpart the
    article gives no country is taken to be met there too ("Iraq's ambassador to Saudi Arabia X met
    Y, head of the Shura Council"), as for a trip's destination (``_stated_trip``); one of another
    country, or an envoy posted elsewhere, places nothing."""
    if not _in_person(m):
        return None
    for p in m.parties:
        to = p.posted_to
        others = [q for q in m.parties if q is not p]
        if to and others and all(_country_of(q) in (to, None) and q.posted_to in (to, None) for q in others):
            place = ctx.lex.places.country(to)
            if place is not None:
                return Where(place, "inferred", None, "loc.posting")
    return None


def headline(ctx: Context, m: Meeting) -> Where | None:
    """The place the headline states for its meeting ("Kerry attends NATO meeting in Brussels",
    «لاوروف با همتای چینی در پکن دیدار کرد»), for an in-person meeting of the article that has a
    party named in the headline or one at home in the place's country."""
    found = ctx.headline
    if not _in_person(m) or found is None:
        return None
    where, named = found
    if m.identities() & named or any(_country_of(p) == where.place.country and not is_envoy(p) for p in m.parties):
        return Where(where.place, "inferred", where.mention, "loc.headline")
    return None


def dateline(ctx: Context, m: Meeting) -> Where | None:
    """The city the report was filed from, for an in-person meeting where one side is at home, unless
    the meeting was held on the sidelines of an event (``sideline_phrases``): the event's city is
    where it took place, and a ministry's report of its minister's talks at a conference abroad is
    filed at home ("NEW DELHI — … held talks on the sidelines of the SCO ministerial")."""
    line = ctx.dateline
    if not _in_person(m) or line is None or not _at_home(m, line):
        return None
    if any(scan(ctx.view, "sidelines", *ctx.view.sentences[si]) for si in m.evidence_sents):
        return None
    # a venue dateline ("UNITED NATIONS, Sep 23") is the event's own place
    if line.rule == "loc.dateline" and _met_on_sidelines(ctx, m):
        return None
    return line


# The kinds of trigger row that tell a journey: a visit ("on an official visit"), an arrival
VISIT_KINDS = frozenset({"visit", "arrival"})


def visit_after(ctx: Context, m: Meeting) -> Where | None:
    """A lead that tells a meeting and leaves its place to the next sentence, which tells the visit it
    was part of: "X met his Chinese counterpart on Friday. The foreign minister is now in China on an
    official visit of three days", "… . The US diplomat's visit in Moscow also dealt with Syria."
    That sentence has a visit word (``triggers`` rows of kind visit or arrival), no meeting of its own
    and no plan marker, and states a place (``_stated_span``); one side of the meeting is at home
    there and every other of another country the article gives (the guest), so the visit is theirs:
    "X met his Chinese counterpart. X will pay a visit to India next week" is a plan, and "X is in
    India on an official visit" a stay where neither side is at home."""
    if not _in_person(m):
        return None
    view = ctx.view
    si = max(m.evidence_sents) + 1
    if si >= len(view.sentences) or any(si in o.evidence_sents for o in ctx.meetings):
        return None
    s, e = view.sentences[si]
    if not any(p.get("kind") in VISIT_KINDS for t in scan(view, "triggers", s, e) for p in t.payloads) \
            or scan(view, "planned", s, e):
        return None
    where = _stated_span(ctx, s, e, ctx.claims)
    if where is None or where.rule.endswith((".loc.here", ".loc.modifier")):
        return None
    country = where.place.country
    hosts = [p for p in m.parties if _country_of(p) == country and not is_envoy(p)]
    guests = [p for p in m.parties if _country_of(p) not in (None, country)]
    if hosts and guests and len(hosts) + len(guests) == len(m.parties):
        return Where(where.place, "inferred", where.mention, "loc.visit_after")
    return None


def _met_on_sidelines(ctx: Context, m: Meeting) -> bool:
    """A sentence of the article says that a party of the meeting met people on the sidelines of
    an event ("NEW DELHI — X held bilateral meetings on the sidelines of the SCO ministerial …
    In particular, X held talks with Y"): the meetings the article then details are those of the
    event, and the dateline is the home ministry's, not where they took place."""
    ids = m.identities()
    for si, (s, e) in enumerate(ctx.view.sentences):
        if si in m.evidence_sents or not scan(ctx.view, "sidelines", s, e) or not scan(ctx.view, "triggers", s, e):
            continue
        if any(x.sent == si and x.is_person and x.identity in ids for x in ctx.mentions):
            return True
    return False


def city_of_country(ctx: Context, m: Meeting) -> Where | None:
    """A stated country narrowed to its capital when that is the one city of the country the
    article names (a stated "Norway" with "the embassy in Oslo"). A city that states where another
    meeting took place belongs to that meeting ("X visited Iraq … Y met the premier in Baghdad"):
    it narrows nothing else."""
    if not _in_person(m) or m.location.place.kind != "country":
        return None
    country = m.location.place.country
    elsewhere = {id(o.location.mention) for o in ctx.meetings if o is not m and o.location is not None
                 and o.location.basis == "explicit" and o.location.mention is not None}
    cities = {x.place.id: x for x in ctx.mentions if x.kind == "place" and x.place is not None
              and x.place.kind == "city" and x.place.country == country and id(x) not in elsewhere}
    capital = ctx.lex.places.capital(country)
    if len(cities) == 1 and capital is not None and capital.id in cities:
        x = cities[capital.id]
        return Where(x.place, "inferred", x, "loc.city_of_country")
    return None


RULES: tuple[Rule, ...] = (
    Rule(("<lang>.loc.prep", "<lang>.loc.capital", "<lang>.loc.venue_head", "<lang>.loc.where",
          "<lang>.loc.capital_of", "<lang>.loc.seat", "<lang>.loc.here", "<lang>.loc.modifier"), stated),
    Rule(("<lang>.venue.*",), venue),
    Rule(("loc.visit_destination",), visit_destination),
    Rule(("loc.host_capital",), host_capital),
    Rule(("loc.same_leg", "loc.same_leg.abroad"), same_leg),
    Rule(("loc.posting",), posting),
    Rule(("loc.headline",), headline),
    Rule(("loc.restated",), restated),
    Rule(("loc.dateline", "<lang>.dateline.*"), dateline),
    Rule(("loc.visit_after",), visit_after),
    Rule(("loc.city_of_country",), city_of_country, narrows=True),
)


# What ends a clause when a sentence names a meeting again ("At a news conference after their talks in
# Moscow, Putin said"): the clause is the part between two of these
_CLAUSE_BOUNDARY = frozenset(",،;؛:.!?؟\n«»“”\"()")


# -- datelines ----------------------------------------------------------------------------------------
# Page furniture before a dateline: "(IRNA)", "[Photo]"
_FURNITURE = re.compile(r"\s*(?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])?\s*")
# What follows a dateline's city: a comma, a bracket (the country in square brackets of "New Delhi
# [India], March 5 (ANI):"), a dash, a date; Arabic typesetting also draws the dash with the
# kashida ("عمّان ـ بترا")
_DATELINE_END = re.compile(r"\s*(?:[,،(\[:/\-\u2013\u2014\u0640]|\d)")
# A dateline's city in parentheses before a dash: "(BEIJING) -", "(Doha) –"
_BRACKETED_DATELINE = re.compile(r"\s*\(([^()]{2,40})\)\s*[\-\u2013\u2014]")


def _find_headline(ctx: Context) -> tuple[Where, frozenset[str]] | None:
    """The place stated in a headline that reports a meeting, with the identities it names: the
    headline is the text's first line when it is short and the text goes on below it."""
    view = ctx.view
    if not view.sentences:
        return None
    s, e = view.sentences[0]
    os_, _ = view.orig_span(s, e)
    line_end = view.original.find("\n", os_)
    if view.original[:os_].strip() or line_end < 0 or line_end - os_ > HEADLINE_MAX_CHARS:
        return None
    # the view's end of that line (sentence splitting may run a headline into the lead)
    lo, hi = s, e
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if view.orig_span(s, mid)[1] <= line_end:
            lo = mid
        else:
            hi = mid - 1
    e = lo
    if not scan(view, "triggers", s, e):
        return None
    where = _stated_span(ctx, s, e)
    if where is None or where.rule.endswith(".loc.here"):
        return None
    named = frozenset(x.identity or x.text for x in ctx.mentions if s <= x.start < e and x.is_person)
    return where, named


def _at_home(m: Meeting, line: Where) -> bool:
    """A dateline places a meeting only where one side is at home: a party from the dateline's
    country who is not its envoy abroad ("TEHRAN (IRNA) - Iran's ambassador in Moscow met …" is
    not in Tehran); a venue dateline ("UNITED NATIONS") places any meeting."""
    if line.rule != "loc.dateline":
        return True
    return any(_country_of(p) == line.place.country and not is_envoy(p) for p in m.parties)


def _find_dateline(ctx: Context) -> Where | None:
    """"RIYADH, Dec 6 (KUNA) --", "طهران - إرنا -", "United Nations, Sep 23 (IANS)": the city the
    report was filed from, at the very start of the text after any bracketed page furniture."""
    view = ctx.view
    text = view.text
    start = _FURNITURE.match(text).end()

    def line_start(x: Mention) -> bool:
        # the dateline may follow a headline and a timestamp line, blank lines between them apart
        # ("Talks in Oman\n\nMay 2, 2021 - 10:15\n\nMUSCAT – …"): it then begins a later line
        # the position bound first: in a window of a long document the text before it is long
        os_ = view.orig_span(x.start, x.end)[0]
        if not (0 < os_ < DATELINE_MAX_CHARS and view.original[os_ - 1] == "\n"):
            return False
        return len([ln for ln in view.original[:os_].split("\n") if ln.strip()]) <= DATELINE_MAX_LINE
    bracketed = _BRACKETED_DATELINE.match(text)
    if bracketed is not None:
        # the furniture pattern took the bracket for page furniture: here it holds the city
        start = bracketed.start(1)
    place = next((x for x in ctx.mentions if x.kind == "place" and x.place is not None and x.place.kind == "city"
                  and (x.start == start or line_start(x))), None)
    if place is not None and bracketed is not None and place.start == start:
        return Where(place.place, "inferred", place, "loc.dateline") if place.end == bracketed.end(1) else None
    if place is not None:
        # read in the original: normalization drops the kashida
        if _DATELINE_END.match(view.original, view.orig_span(place.start, place.end)[1]):
            return Where(place.place, "inferred", place, "loc.dateline")
        return None
    for v in scan(view, "dateline_venues", start, min(len(text), start + DATELINE_VENUE_CHARS)):
        city = ctx.lex.places.by_id(v.payloads[0]["place"])
        if v.start == start and city is not None and _DATELINE_END.match(text, v.end):
            return Where(city, "inferred", None, v.payloads[0]["id"])
    return None

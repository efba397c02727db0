"""Claims: who said what, with the speaker resolved through names, titles and pronouns.

A reporting cue (``lang/<code>/cues.jsonl``: reporting verbs by speech-act class, their forms
generated from stems by the paradigms of ``claims.json``) opens a claim. A cue is a whole word: a
verb carries no article or preposition glued before it ("الرأي" is not رأى). Its text is, by the
first form that fits: a quotation just before the cue ('“…,” X said', over several sentences); in
a language that allows it, the clause before the comma that precedes the speaker ("The talks went
well, X said after the meeting."); the rest of the sentence after a colon ("قال سماحته: …"), and the
sentences after it in its paragraph, or the next line when the colon ends one; a quotation right
after the cue; the clause after a complementizer (أن، إن، که, that); a preposition the cue governs
(أكد على); for a clause-final verb ("… را … خواندند") the words between the speaker and the verb;
the clause that follows the cue directly (رأى، اعتبر، أكد أهمية، stressed the need, تأکید کرد
ایران …). Text ends where the next cue begins. A text whose first (or, verb-final, last) words are
the narrator's account of a meeting or a courtesy (``claims.json`` ``not_claims``) is not a claim.

The speaker is the person the cue points to (after a verb-initial Arabic cue, before an
English or Persian one; an Arabic subject put before its verb, "فإن X أبلغ Y أنه", is the subject);
a coordinated verb, a participle or a verb after an apposition ("A thanked B and assured …", "A,
the sister of B, warned …") has the sentence's subject; a cue inside a quotation has its subject
inside it. A pronoun, honorific or missing subject ("سماحته", "ایشان", "he", "وأضاف:") is the most
recent speaker, or the subject of the sentences since the last claim when another person opened
them. A coordinated subject ("A and B stressed") gives one claim per speaker, and "they" after it
speaks for them all. An attribution phrase ("according to X", "به گفته X", "وبحسب البيان") opening
a clause names the speaker of that clause. An unresolvable speaker keeps its text with name null.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from .dates import find_dates
from .lang import cue_forms, load_json, load_jsonl, profile
from .lexicon import Trie
from .mentions import ANAPHOR_SENTENCES, Mention, anaphor_kinds
from .normalize import fold, match_keys
from .view import View, split_sentences

_END_PUNCT = ".،,؛;:!?؟ \n\t\"'«»“”"
# Marks that end a clause inside a sentence
_CLAUSE_MARKS = ",،;؛"
# a sentence mark between two letters of the Arabic script (Arabic and Persian letters, not digits or
# diacritics) with no space: "… ليبيا.وكان …"; the script has no capitals and no abbreviations with a dot
_ARABIC_LETTER = "[\u0621-\u064A\u0671-\u06D3]"
_GLUED_END = re.compile(f"(?<={_ARABIC_LETTER})[.!?؟](?={_ARABIC_LETTER})")
# What may stick to a complementizer and is no part of it: a comma, or a colon ("وأضاف أن: …")
_COMPLEMENTIZER_TRAIL = "،,:："
# Marks that close a sentence, or a quotation that ends one
_SENTENCE_END = ".!?؟…\"'»”)"
# How many words before a person a governing preposition is looked for, over title words ("of leader Y")
GOVERNED_LOOKBACK = 3
# Marks that end a clause: a subject never stands across one from its verb
_CLAUSE_PUNCT = ".،,؛;:!?؟\"«»“”"
# How far a quotation may run from its opening mark to its closing one (characters)
MAX_QUOTE_CHARS = 3000
# The rule a record cites when a country or its capital is the speaker ("Moscow said": Russia)
COUNTRY_SPEAKER_RULE = "claims.country_subject"
# A claim has at least this many words
MIN_CLAIM_WORDS = 3
# A demonstrative noun phrase given as a claim ("این اقدام تروریستی را") has at most this many words
FRAGMENT_WORDS = 5
# An organisation speaks when at most this many words stand between it and the cue ("the ECB said")
ORG_CUE_WORDS = 2
# A phrase set off by commas between a subject and its verb ("The bank, in a statement, said")
_PARENTHETICAL = re.compile(r"[,،][^,،.;:!?؟\"«»“”]*[,،]")
# A document a body spoke in has its noun within this many words of the preposition ("in a joint statement")
SPEECH_ADJUNCT_WORDS = 3
# How far before a cue a quotation that closes before an unnamed subject is looked for (characters)
QUOTE_BEFORE_CUE_CHARS = 60
# The words after a cue in which "as" marks an evaluation ("lauded as very good …")
PREDICATE_MARKER_WORDS = 8
# A verb of characterization's object may carry its own phrases before the complement ("termed the
# notices published by several embassies last week as alarmist"): the complement is looked for in this
# many words after the verb, up to the first word that opens another clause
PREDICATE_CLAUSE_WORDS = 16
# A title phrase between an inverted cue and the name has at most this many words ("said Brazilian
# Foreign Minister X")
TITLE_PHRASE_WORDS = 4
# A circumstantial phrase between speaker and colon or complementizer has at most this many words
CIRCUMSTANCE_WORDS = 8
# ... and one set off by commas, which close it right before the complementizer, this many ("قال X، في
# منشور على حسابه الرسمي بموقع «تويتر» مساء الجمعة، إن …": where and when he wrote it)
SET_OFF_WORDS = 14
# A name in quotation marks inside such a phrase (a platform, an outlet, an operation: "on “X”") has at
# most this many characters and no sentence mark; a longer one, or one left open, is a quotation
QUOTED_NAME_CHARS = 40
# A clause-final cue's clause starts after the last joining word only when that leaves this many characters
CLAUSE_FLOOR_MIN_CHARS = 40
# How far before a person a preposition governing him may stand (characters)
PREP_WINDOW = 8
# A scene-setting phrase opens at most this many words before its meeting word ("in his recent meeting with")
SETTING_WORDS = 3
# A colon's claim without quotation marks runs over at most this many sentences of its paragraph
COLON_SENTENCES = 3
# ... and at most this many words: a longer paragraph goes on in the narrator's voice
COLON_RUN_WORDS = 50
# The most sentences a quotation with no reporting verb of its own may run over, after a claim.
CONTINUED_SENTENCES = 3
# A clause reporting only that a meeting took place has at most this many modifiers before its noun
# ("very detailed substantial discussions")
ACCOUNT_MODIFIERS = 4
# A non-claim word class counts among this many words at the start (or end) of a claim's text
NONCLAIM_WORDS = 5
# The most words of an adverbial phrase that opens a clause before its comma ("On the sidelines of the
# summit in Goa, he had …"): the clause's subject and predicate follow the comma
FRONTED_ADVERBIAL_WORDS = 16
# The most words of a claim that is only a prepositional phrase ("upon his arrival")
ADVERBIAL_ONLY_WORDS = 4
# The most words of an adjunct of the occasion between an impersonal auxiliary and its verbal noun
# ("جرى خلال اللقاء بحث …": the preposition and its noun)
IMPERSONAL_ADJUNCT_WORDS = 2
# The most characters of the subject of a report that opens a body's claim ("the Algerian president",
# "الرئيس الجزائري"): a report further in is part of what the body itself says
RELAY_SUBJECT_CHARS = 40
# A fronted claim ("<clause>, X said after the talks.") leaves at most this many words after its cue
FRONTED_TAIL_WORDS = 6
# Words between a fronted claim's comma and its cue when no person names the speaker ("…, the ministry said")
FRONTED_SUBJECT_WORDS = 5
# The kind of the stand-in for a speaker the text does not name ("a diplomatic source", "السفراء")
UNNAMED = "unnamed"
# How far after a verb-first cue an anonymous subject is looked for (characters)
ANONYMOUS_CHARS = 60
# Offices many hold at once (ambassadors, envoys, counterparts): a bare title of one names no person
# of the article by its office alone ("the ambassador said" after two ambassadors were named)
MANY_HOLDERS = frozenset({"ambassador", "counterpart", "representative", "officials", "special_envoy"})
# A name follows the title it stands in apposition to within this many words ("head of the committee X")
APPOSITION_WORDS = 8
# How far before a cue the modal verb before it is read (characters: one word)
MODAL_BEFORE_CHARS = 12
# How far after a cue the passive auxiliary that follows it is read (characters: one word)
PASSIVE_AFTER_CHARS = 12
# a document noun's governor may carry a proclitic preposition before its mention ("بيان لرئاسة …")
GOVERNOR_CLITIC_CHARS = 2
# the words before a name that may be its title ("US Secretary of State X")
TITLE_BEFORE_NAME_WORDS = 4
# An embedded report's subject stands at most this many words before its verb ("B has announced")
EMBEDDED_SUBJECT_GAP = 2
# ... or, named by no mention, is a noun phrase of at most this many words opening with a determiner
# ("… said the visiting senator praised …")
EMBEDDED_NOUN_WORDS = 4
# a date expression's extent does not depend on the day it is read from; any reference date finds it
SPAN_REFERENCE_DATE = date(2000, 1, 1)
# at most this many words in a relative clause on a subject named after its verb, before the
# comma that closes it ("وأضاف الوزير الذي عاد من جولة في المنطقة، أن …")
RELATIVE_CLAUSE_WORDS = 16


@dataclass
class Claim:
    start: int  # view offsets of the claim text
    end: int
    direct: bool
    cue: tuple[int, int, str]  # view start, end, rule id
    speaker: Mention | None
    speaker_resolution: str
    speaker_via: Mention | None  # the pronoun/title mention when resolution is not "name"
    sent: int
    joint: bool = False  # made by all parties of a meeting: ``meetings.joint_speakers`` gives the speakers
    # the ``claims.json`` row by which a dropped or pronoun subject was found to be a sentence's subject
    speaker_rule: str | None = None
    # the ``claims.json`` row by which words between the speaker and the claim were passed over
    span_rule: str | None = None
    # the ``claims.json`` row that set the claim's extent where the cue's frame alone would not
    claim_rule: str | None = None


@cache
def _cue_trie(lang: str) -> Trie:
    t = Trie()
    for pat, row in cue_forms(lang):
        for k in match_keys(pat):
            t.add(k, row)
    return t


def _quote_pairs(lang: str) -> dict[str, str]:
    return {o: c for o, c in profile(lang)["quote_pairs"]}


def _skip_ws(text: str, i: int, limit: int) -> int:
    while i < limit and text[i] in " \t\n,،":
        i += 1
    return i


def _word_before(text: str, i: int) -> str:
    """The word right before ``text[i]``, folded ("" when there is none, or a mark ends the clause
    between: "… پیگیری می‌شود، اعلام کرد" has no word right before its verb)."""
    words = text[max(0, i - MODAL_BEFORE_CHARS):i].split()
    return fold(words[-1]) if words and words[-1][-1:] not in _CLAUSE_PUNCT else ""


def _word_after(text: str, i: int, chars: int) -> str:
    """The first word in ``text[i:i + chars]``, folded ("" when there is none)."""
    words = text[i:i + chars].split(maxsplit=1)
    return fold(words[0]) if words else ""


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _END_PUNCT:
        s += 1
    while e > s and text[e - 1] in _END_PUNCT:
        e -= 1
    return s, e


def extract_claims(view: View, mentions: list[Mention], doc_date: date | None = None) -> list[Claim]:
    """Claims in text order. A joint statement ("أكدا", "the two ministers stressed") is one claim
    marked ``joint`` with no speaker yet: ``meetings.joint_speakers`` gives it the parties of its meeting.
    ``doc_date``: the document's date, at which a bare title's holder holds the office."""
    lang = view.lang
    text = view.text
    tokens = view.tokens
    prof = profile(lang)
    # a verb takes only the conjunctions (و، ف) before it: "والرأي" is the noun, not the verb رأى
    cues = list(_cue_trie(lang).scan(tokens, clitics=prof["proclitics"], only=prof.get("verb_proclitics")))
    quotes = _quote_pairs(lang)
    speakers_seen: list[Mention] = []
    claims: list[Claim] = []
    people = [m for m in mentions if m.kind in ("person", "title", "pronoun", "joint", "institution")
              and m.role != "counterpart"]
    # a country or its capital may speak for it ("Iran stresses", "Moscow said", "أعلنت إيران")
    countries = [m for m in mentions if m.kind == "place" and m.place is not None and m.label
                 and (m.place.kind == "country" or m.capital)]
    governed = _governing_words(lang)
    governed_preps = {fold(w) for w in prof["prepositions"]}
    orgs = [m for m in mentions if m.kind == "org"]
    by_sent: dict[int, list[Mention]] = {}
    for p in people:
        by_sent.setdefault(p.sent, []).append(p)
    consumed_until = -1
    last_in_sentence: dict[int, Mention] = {}
    # the sentences whose last claim has a subject the text does not name ("We condemned …", "a source said")
    unnamed_last: set[int] = set()
    group: list[Mention] = []  # the people last named together as a cue's subject ("A and B said")
    # per sentence, the phrase of a participle opening it, up to its comma ("Noting the progress, X said …")
    phrase_of: dict[int, tuple[int, int]] = {}
    # the ``claims.json`` row that set a claim's extent, by its span ("…, state media reported" cut off)
    claim_rules: dict[tuple[int, int], str] = {}
    # where the subject stands before its verb, the person opening each sentence (a pronoun's antecedent)
    subjects = [] if prof["speaker_after_cue"] == "always" else [
        m for si_, ms in sorted(by_sent.items()) for m in ms[:1]
        if m.kind in ("person", "title") and (m.actor is not None or m.kind == "person")
        and _subject_lead(text, view.sentences[si_][0], m, lang, prof)]
    # the subjects the sentence's shape gives (``claims.json`` ``sentence_subject``): "ورحب السفير …"
    # (the person right after the verb that opens it), "در مقابل X … تشکر کرد" (after a connective);
    # a dropped or pronoun subject after them continues them, though no claim of theirs was made
    subject_rule: dict[int, str] = {}
    for si_, ms in sorted(by_sent.items()):
        rid = _opening_subject(text, view.sentences[si_][0], ms[0], lang, prof) \
            if ms[0] not in subjects and ms[0].kind in ("person", "title") and (
                ms[0].actor is not None or ms[0].kind == "person" or ms[0].role is not None) else None
        if rid is not None:
            subjects.append(ms[0])
            subject_rule[id(ms[0])] = rid
    subjects.sort(key=lambda m: m.start)
    attributive = _words(lang, "attributive")
    if attributive:
        # "the proposed budget", "the Council's stated aim": a participle before its noun is no cue,
        # neither opening a claim nor ending the one before it
        cues = [c for c in cues if not _attributive(text, view.sentences[view.sentence_of(c.start)][0], c.start,
                                                    attributive)]
    modals = {w.replace("\u200c", "") for w in _words(lang, "modals_before")}
    if modals:
        # "نمی‌شود گفت که …", "باید تأکید کرد": after a modal the verb is the short infinitive, no speech act
        cues = [c for c in cues if _word_before(text, c.start).replace("\u200c", "") not in modals]
    passive_after = _words(lang, "passive_after")
    if passive_after:
        # "گفته شد که …", "اعلام شده است": a participle before the passive auxiliary says what was said,
        # not who said it, neither opening a claim nor ending the one before it
        cues = [c for c in cues if _word_after(text, c.end, PASSIVE_AFTER_CHARS) not in passive_after]
    for ci, cue in enumerate(cues):
        row = cue.payloads[0]
        si = view.sentence_of(cue.start)
        s, e = view.sentences[si]
        if cue.start < consumed_until:
            continue  # inside a quotation already taken
        # the claim ends at the next cue that can open one: "announced that “both leaders agreed to
        # continue …”" runs on past "agreed", which has no complement of its own here
        nxt_any = next((c.start for c in cues[ci + 1:] if _can_open(view, c, prof, quotes)), len(text))
        # the next cue in the sentence, when a colon follows it at once ("… گفت: …")
        colon_next = next((c for c in cues[ci + 1:] if c.start == nxt_any), None)
        colon_next = colon_next is not None and colon_next.start < e and \
            text[colon_next.end:e].lstrip()[:1] in (":", "：")
        nxt_cue = min(nxt_any, e)
        prev_end = max((c.end for c in cues[:ci] if c.end <= cue.start and _can_open(view, c, prof, quotes)),
                       default=s)
        if ("quoted_predicate" in row.get("takes", []) or "infinitive" in row.get("takes", [])) \
                and not _can_open(view, cue, prof, quotes):
            continue  # "called on the minister", "called him on Monday": no complement, no claim
        attribution = row.get("form") == "attribution"
        if attribution and any(c.end <= cue.start and s <= c.start and c.payloads[0].get("form") != "attribution"
                               and _can_open(view, c, prof, quotes) for c in cues[:ci]):
            continue  # "X said that Y, according to Z": inside the claim a cue before it opened
        if attribution and not _opens_clause(text, s, cue.start, prof):
            continue  # "ما جاء في بيان المبعوث الذي …": a relative clause, not the source of one
        if attribution:
            # "according to X, …", "به گفته وی …", "وبحسب البيان، …": the source is named right after the
            # phrase; an agency that reports, or no one named there, makes no claim
            speaker = _attributed(view, by_sent.get(si, []), cue, e) or _attributed_pronoun(view, cue, si)
            if speaker is None or (speaker.kind == "institution" and speaker.role == "agency"):
                continue
        else:
            speaker = _speaker(view, by_sent.get(si, []), cue, s, e, row, prof)
            if speaker is not None and prof.get("fronted_claims") and _postposed_subject(
                    view, speaker, cue, by_sent.get(si, []), attributive, prof):
                # "X spoke to Y about Z, the department said in a statement": the reporting clause's subject
                # is the phrase after the comma, not a name inside the clause it reports
                speaker = None
        if speaker is not None and _bare_title(speaker):
            # "وأعرب رئيس لجنة الصداقة X عن …": the name in apposition to the title is the speaker
            speaker = _apposed_name(text, speaker, by_sent.get(si, []), cue.start) or speaker
        if row.get("form") == "participle" and speaker is not None and speaker.start >= cue.end:
            speaker = None  # a participle's subject is its sentence's: "مؤكدا حرص الجانبين" names no speaker
        if speaker is not None and speaker.kind == "institution" and speaker.role == "agency":
            # a news agency reports, it does not speak: the speaker is another ("ایسنا: سخنگو … گفت",
            # "نقلت الوكالة عن الوزير"), or none ("KUNA reported that the Emir said" has a cue for the Emir)
            others = [m for m in by_sent.get(si, []) if m is not speaker and not (
                m.kind == "institution" and m.role == "agency")]
            speaker = _speaker(view, others, cue, s, e, row, prof)
            if speaker is None:
                continue
        if not attribution:
            speaker = _country_speaker(view, countries, governed, cue, s, e, speaker, prof)
        subject_via: Mention | None = None  # a document or an office noun as the subject, when it names the speaker
        noun = None if attribution else _subject_noun(view, cue, s, e, prof)
        if noun is not None and (speaker is None or speaker.end <= min(noun[0], cue.start)):
            # a speaker found before the noun is not the subject: in "During the meeting with ambassador X
            # the Head of State noted …" X is governed and the noun next to the verb is its subject
            speaker, subject_via = _noun_speaker(view, noun, people, speakers_seen, cue.start, doc_date)
            if speaker is None:
                continue  # "the communique added" with no issuer in the article: no one identifiable spoke
        unnamed = None if subject_via is not None else (
            _anonymous(view, cue, s, speaker, prof)
            or _unrecognised_subject(view, cue, row, mentions, speaker, prof, speakers_seen))
        if unnamed is not None:
            # "a diplomatic source said", "أعرب السفراء": someone the text does not name spoke; a
            # pronoun or a participle after it ("he added", "مؤكدين") is that someone, not the last
            # person named
            speakers_seen.append(unnamed)
            last_in_sentence[si] = unnamed
            speaker = unnamed
        if speaker is None:
            # no person names the speaker: an organisation right before the cue may ("the ECB said")
            org = next((o for o in reversed(orgs) if s <= o.start and o.end <= cue.start
                        and len(_between_subject(view.text[o.end:cue.start], lang).split()) <= ORG_CUE_WORDS),
                       None)
            speaker = org
        if (row.get("form") == "participle" or _participle_clause(text, cue, prof)) and si in last_in_sentence and (
                speaker is None or speaker.end <= cue.start):
            speaker = last_in_sentence[si]  # "أشار الرئيس علييف إلى … بقوله:", "A said …, adding": the clause's speaker
        if speaker is not None and speaker.kind != "pronoun" and speaker.start >= cue.end:
            # a verb-initial cue names its subject right after it ("أشار الرئيس علييف إلى … بقوله:"): the
            # clause is his even where the cue opens no claim of its own
            last_in_sentence[si] = speaker
        after = cue.end
        span_rule: str | None = None
        if speaker is not None and speaker.start >= cue.end:
            quoted = _quoted_end(text, speaker, quotes)
            after = _past_speaker_phrase(text, max(after, quoted or speaker.end), mentions, prof)
            after, span_rule = _past_subject_modifier(text, after, e, row, prof, lang)
        # "A و B بر … تأکید کردند": the subject runs on past the first conjunct before a clause-final cue
        later_conjuncts = [] if speaker is None else _later_conjuncts(text, speaker, by_sent.get(si, []), cue.start,
                                                                      prof)
        span, direct = _claim_span(view, cue, after, (max(s, prev_end), e), (nxt_cue, nxt_any), row, quotes, prof,
                                   speaker, colon_next, later_conjuncts[-1].end if later_conjuncts else None)
        if span is None:
            continue
        if not direct and row.get("form") != "participle" and nxt_cue < e and not text[span[1]:nxt_cue].strip():
            # "A said that B has announced that C": B's report is inside A's complement, and A's claim is
            # all of it, not the subject "B has" before the next cue (which keeps its own claim, C)
            past = _past_embedded(view, cues, ci, span[0], people + countries, prof, quotes)
            if past != nxt_any:
                nxt_any = past
                nxt_cue = min(nxt_any, e)
                span, direct = _claim_span(view, cue, after, (max(s, prev_end), e), (nxt_cue, nxt_any), row, quotes,
                                           prof, speaker, colon_next,
                                           later_conjuncts[-1].end if later_conjuncts else None)
                if span is None:
                    continue
        cs, ce = _trim(text, *span)
        if not direct and _passive_object(view, cue, cs, prof):
            continue  # "the envoy has been recalled to the capital for consultations": a passive has no object
        if not direct:
            cs, ce, extent_rule = _extent_rule(view, row, cue, max(s, prev_end), cs, ce, prof)
            if extent_rule is not None:
                claim_rules[(cs, ce)] = extent_rule
        if not direct and row.get("form") == "participle" and nxt_cue < e and _opening_participle(
                view, cue, s, cs, nxt_cue, prof):
            # "Recalling their past meetings, X said …": the object of a participle that opens the
            # sentence is the circumstance of the main clause, whose verb has the claim
            phrase_of[si] = (cue.end, min((k for k in (text.find(c, cue.end, nxt_cue) for c in _CLAUSE_MARKS)
                                           if k >= 0), default=nxt_cue))
            continue
        if not direct and si in phrase_of and phrase_of[si][0] <= cs and ce <= phrase_of[si][1]:
            continue  # "Recalling the visits, X said he …": the phrase is no claim fronted before "said" either
        if len(text[cs:ce].split()) < MIN_CLAIM_WORDS or not_a_claim(view, cs, ce) is not None:
            continue
        if not direct and _circumstance_only(view, cs, ce):
            continue  # "… state media said early on Saturday.": the verb has no complement here
        if not direct and _indirect_question(view, cs, ce):
            continue  # "X explained why …", "said what Y agreed with Z": a question asserts nothing
        if attribution and any(True for _ in _readout_trie(lang).scan(view.tokens_in(cs, ce),
                                                                      clitics=prof["proclitics"])):
            # "On Monday X met with Y, according to the ministry": a source for the account of a meeting
            # (``readouts``, anywhere in the clause: the phrase may stand at either end of it)
            continue
        if speaker is None and row.get("form") == "participle" and text[ce:ce + 1] in ",،":
            # "After stressing X, Lavrov signed …": an adverbial phrase's subject opens the clause after it
            speaker = next((m for m in by_sent.get(si, []) if m.is_person and m.start > ce
                            and not text[ce + 1:m.start].strip()), None)
        embedded = bool(claims) and claims[-1].sent == si and claims[-1].start <= cue.start < claims[-1].end
        if speaker is not None and speaker.kind != "pronoun" and not embedded:
            # only a cue that made a claim makes its speaker the clause's: in "A said that he and B agreed
            # on the plan, adding …" the verb "agreed" opens nothing, so "adding" is still A's; nor does a
            # report inside A's claim ("A said B confirmed X, adding …": the participle is A's)
            last_in_sentence[si] = speaker
        if direct and ce > e:
            consumed_until = ce
        if speaker is not None and speaker.kind == UNNAMED:
            claims.append(Claim(cs, ce, direct, (cue.start, cue.end, row["id"]), None, "name", None, si))
            unnamed_last.add(si)
            continue
        if row.get("joint") or (speaker is not None and speaker.kind == "joint"):
            claims.append(Claim(cs, ce, direct, (cue.start, cue.end, row["id"]), None, "pronoun",
                                speaker if speaker is not None and speaker.kind == "joint" else None, si, joint=True))
            continue
        resolution = "name"
        via = None
        speaker_rule: str | None = None  # the rule that found a dropped or pronoun subject's antecedent
        if speaker is None and ((not prof["pro_drop"] and (
                _unnamed_subject(text, s, cue.start, prof)
                or (row.get("form") == "participle" and _noun_phrase_subject(text, s, cue.start, prof, attributive))))
                                or (si in unnamed_last and _coordinated(text, s, cue, prof))):
            # "The Turkish presidency told …": someone unnamed spoke, not the last person named; a verb
            # coordinated with that one's ("We condemned … and urged …") has the same unnamed subject
            claims.append(Claim(cs, ce, direct, (cue.start, cue.end, row["id"]), None, "name", None, si))
            unnamed_last.add(si)
            continue
        unnamed_last.discard(si)
        named = _named_before(people, speaker) if speaker is not None and subject_via is None else None
        if subject_via is not None:
            # "the Minister said", "the tweet added": the office's holder or the document's issuer
            via, resolution = subject_via, ("title" if subject_via.kind == "title" else "pronoun")
        elif named is not None:
            # "وجاء في بيان الخارجية" after "وزارة الخارجية الروسية": a body named without its country is
            # the one of its kind named in full before
            via, speaker, resolution = speaker, named, "pronoun"
        elif speaker is not None and speaker.kind == "institution" and speaker.antecedent is not None:
            # "the ministry", "it", "این وزارت": the institution named before; "it" and "the statement"
            # refer to the last institution that spoke, or else to one named in this or the last sentence
            via = _antecedent_outside(speaker, people, (cs, ce))
            spoke = next((m for m in reversed(speakers_seen) if m.kind == "institution"), None)
            if not anaphor_kinds(via.rule or "") and spoke is not None:
                speaker = spoke
            elif via.antecedent is not None and (anaphor_kinds(via.rule or "")
                                                 or si - _last_reference(people, via) <= 1):
                speaker = via.antecedent
            else:
                speaker = None
            resolution = "pronoun"
        elif speaker is None or speaker.kind == "pronoun":
            via = speaker
            gender = _pronoun_gender(lang).get(fold(text[via.start:via.end])) if via is not None else None
            # a pronoun's antecedent stands before the pronoun, not merely before the cue: in "وی در پاسخ به
            # پرسش B گفت" B is no antecedent of وی
            speaker = _antecedent(speakers_seen, people, via.start if via is not None else cue.start,
                                  _feminine_verb(text, cue, row, prof), gender, personal=via is not None)
            # an antecedent a preposition governs ("X met with Y. He said …") is no subject
            object_of = speaker if speaker is not None and speaker.sent < si and _governed(
                text, view.sentences[speaker.sent][0], speaker, governed_preps, _conjunct_title_words(lang)) else None
            later = _later_subject(subjects, claims, si, cue.start, gender, object_of, subject_rule)
            if later is not None and (speaker is None or speaker.kind != "institution"):
                # "X said …. Y arrived on Monday and addressed the troops. He said …": the pronoun is the
                # subject of the sentences since the last claim, not its speaker
                speaker = later
                speaker_rule = subject_rule.get(id(later))
            resolution = "pronoun"
        elif speaker.kind == "title":
            resolution = "title"
            holder = _title_holder(lang, speaker, people, cue.start, doc_date, speakers_seen, (cs, ce)) \
                if _bare_title(speaker) and not _truncated_title(view, speaker) else None
            if holder is not None:
                # "the envoy said", "وأكد رئيس هيئة …": a title with no country names whoever holds that
                # office in this article; when no one named does, the title itself stays the speaker
                via, speaker = speaker, holder
        if speaker is not None and speaker.kind == "title" and resolution == "pronoun":
            resolution = "pronoun"
        together: list[Mention] = []
        if speaker is not None and resolution != "pronoun":
            anchor = via if via is not None else speaker
            together = [m for m in _conjuncts(text, anchor, by_sent.get(si, []), cue.start, s, lang, prof)
                        if not _bare_title(m)]
            together += [m for m in later_conjuncts if not _bare_title(m) and m not in together]
            group = [speaker, *together] if together else group
        elif resolution == "pronoun" and via is None and group and speakers_seen and speakers_seen[-1] in group \
                and _plural_subject(text, s, cue.start, lang, prof):
            # "A and B stressed …. They added …": the plural pronoun is all who spoke together
            speaker, together = group[0], group[1:]
        elif resolution == "pronoun" and via is None and _plural_subject(text, s, cue.start, lang, prof):
            # "they" agrees with no one person: with no people named together before it, it is the
            # parties of the meeting speaking jointly ("X received Y. … They pledged to …"), as "the two
            # sides" is (``meetings.joint_speakers`` gives a joint claim its parties, or none)
            claims.append(Claim(cs, ce, direct, (cue.start, cue.end, row["id"]), None, "pronoun", None, si,
                                joint=True))
            continue
        if speaker is not None and (speaker.actor is not None or speaker.kind in ("person", "org", "institution")):
            speakers_seen.append(speaker)
        claims.append(Claim(cs, ce, direct, (cue.start, cue.end, row["id"]), speaker, resolution, via, si,
                            speaker_rule=speaker_rule, span_rule=span_rule))
        claims.extend(Claim(cs, ce, direct, (cue.start, cue.end, row["id"]), m, resolution, None, si,
                            span_rule=span_rule)
                      for m in together)
    for c in claims:
        c.claim_rule = claim_rules.get((c.start, c.end))
    return _continued_quotations(view, claims, quotes, people)


def _continued_quotations(view: View, claims: list[Claim], quotes: dict[str, str],
                          people: list[Mention]) -> list[Claim]:
    """A direct quotation that is whole sentences (it opens a sentence and closes at the end of it or
    of a later one, and any verb in it is the speaker's), right after a sentence whose last claim has a
    speaker, continues that speaker's words ("“…,” X said. “We will open the port next month.”"): it
    is a claim of that speaker in its own right (``claims.json`` ``continued``, the rule its record
    cites); a quotation after it goes on too. After an indirect report it does so only where the
    report names no one else ("X said the talks went well. “I think …”"): after "X said that Y
    announced …" the quotation may be either's."""
    row = load_json(view.lang, "claims.json").get("continued")
    if row is None or not claims:
        return claims
    text = view.text
    out = list(claims)
    last: dict[int, Claim] = {}
    for c in claims:
        last[c.sent] = c
    resume = 1  # the sentence after the last one a continued quotation took
    for si in range(1, len(view.sentences)):
        prev = last.get(si - 1)
        if si < resume or prev is None or prev.speaker is None or prev.joint or si in last or (
                not prev.direct and _names_another(view, claims, prev, people)):
            continue
        s, e = view.sentences[si]
        qs = _skip_ws(text, s, e)
        close = quotes.get(text[qs:qs + 1])
        if close is None:
            continue
        # the sentence whose end the quotation's closing mark stands at
        end = text.find(close, qs + 1)
        sj = view.sentence_of(end) if end >= 0 else -1
        if sj < si or sj - si >= CONTINUED_SENTENCES or any(k in last for k in range(si, sj + 1)) \
                or "\n" in text[qs:end] or text[end + 1:view.sentences[sj][1]].strip(" .\n\t") \
                or text[qs] in text[qs + 1:end] or (close != text[qs] and close in text[qs + 1:end]):
            continue  # not one quotation from a sentence's start to a sentence's end ("“A,” he said. “B” and “C” …")
        cs, ce = _trim(text, qs + 1, end)
        if len(text[cs:ce].split()) < MIN_CLAIM_WORDS or not_a_claim(view, cs, ce) is not None:
            continue
        claim = Claim(cs, ce, True, (qs, qs + 1, row["id"]), prev.speaker, prev.speaker_resolution,
                      prev.speaker_via, sj)
        out.insert(out.index(prev) + 1, claim)
        last[sj] = claim
        resume = sj + 1
    return out


def _names_another(view: View, claims: list[Claim], claim: Claim, people: list[Mention]) -> bool:
    """Whether the sentence of an indirect report names anyone but its speaker, or holds claims of
    another ("X said that Y announced …", "The Secretary stressed …" given to another): a quotation
    after it may then be either's."""
    sp = claim.speaker
    if sp is None:
        return True

    def same(m: Mention) -> bool:
        return m is sp or m is claim.speaker_via or (m.start < sp.end and sp.start < m.end) or bool(
            m.key and m.key == sp.key) or (m.actor is not None and m.actor is sp.actor)

    if any(c.sent == claim.sent and c.speaker is not None and not same(c.speaker) for c in claims):
        return True
    s, e = view.sentences[claim.sent]
    return any(s <= m.start < e and m.kind != "pronoun" and not same(m) for m in people)


@cache
def _conjunct_title_words(lang: str) -> frozenset[str]:
    """The words of the language's titles and title glue, and ``claims.json`` ``conjunct_words``: what
    may stand between a coordinated subject's conjunction and the next person."""
    words = {fold(w) for t in load_jsonl(lang, "titles.jsonl") for p in t["patterns"] for w in p.split()}
    words |= {fold(w) for w in profile(lang)["title_glue"]}
    row = load_json(lang, "claims.json").get("conjunct_words")
    return frozenset(words | {fold(w) for w in (row["words"] if row else ())})


@cache
def _plural_pronouns(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in load_json(lang, "pronouns.json").get("plural", ()))


def _plural_subject(text: str, s: int, pos: int, lang: str, prof: dict[str, Any]) -> bool:
    """Whether the cue at ``pos`` has a plural pronoun as its subject ("They also stressed …"): the
    last word of its clause before the cue, past adverbs that are no subject ("also", "then")."""
    plural = _plural_pronouns(lang)
    clause = re.split(r"[,;:“”\"]", text[s:pos])[-1].split()
    skip = {fold(w) for w in prof["not_a_subject"]} - plural
    while clause and fold(clause[-1]) in skip:
        clause.pop()
    return bool(clause) and fold(clause[-1]) in plural


def reportable(view: View, claims: list[Claim]) -> list[Claim]:
    """The claims a record is written for, once their speakers are known (after the joint speakers):
    a claim has a speaker (no one, a pronoun with nothing to refer to, an anonymous source, a title
    cut from its complement are none; a title the article names no holder of still is one: "the
    foreign ministry spokesman"); it ends on a word
    that can end a clause, not on a conjunction or preposition (``claims.json`` ``dangling``: "urged
    X to leave and" is "urged X to leave"); it does not run into the end of an article cut off
    mid-sentence; and its clause is not the narrator's readout of a meeting ("the two discussed
    …", "المناقشات تركزت على …": ``readouts``)."""
    out = []
    for c in claims:
        if c.speaker is None or _truncated_title(view, c.speaker):
            continue
        end = c.end
        if _cut_off(view.text, end):
            end = _last_coordination(view, c.start, end)
        end = _before_dangling(view, c.start, end)
        if view.text[c.start - 1:c.start] not in _quote_pairs(view.lang):
            # "… was a top priority. The president assigned …," the statement reads: a reported clause
            # inside another voice's quotation ends with its sentence, not at the quotation's end; a
            # claim after a colon, with no quotation mark, at least where its sentence mark is glued
            # to the next sentence
            end = _sentence_end(view, c.start, end) if not c.direct else _glued_end(view, c.start, end)
        if len(view.text[c.start:end].split()) < MIN_CLAIM_WORDS or _fragment(view, c.start, end):
            continue
        # the clause after an adverbial phrase opening it ("During the talks, X held …"): its subject and
        # predicate are there
        clause = c.start if c.direct else _past_fronted_adverbial(view, c.start, end)
        if not c.direct and (len(view.text[clause:end].split()) < MIN_CLAIM_WORDS
                             or _adverbial_only(view, c.start, end)):
            continue  # "during the meeting held in Munich, Biden", "upon his arrival"
        if not c.direct and (readout(view, clause, end) is not None or impersonal_readout(view, clause, end)):
            continue
        if meeting_account(view, c.start, end) is not None:
            continue  # "We have had very useful talks", quoted or not, asserts only that a meeting took place
        if c.direct and _quoted_account(view, c.start, end):
            continue  # "At the palace, held talks with X and Y.": a tweet that only tells a meeting held
        if not c.direct and held_meeting(view, clause, end) is not None:
            continue  # "X held separate meetings with A and B during the visit": the narrator's account
        if not c.direct and meeting_phrase(view, clause, end) is not None:
            continue  # "X recalled his talks with Y in Rome last May": a meeting told, nothing asserted
        if _restated(claims, c):
            continue  # "A said he rejected the plan": "rejected" is A's report inside A's own claim
        if _relayed(claims, c):
            continue  # "the ministry said the minister stressed X": the minister's claim, X, is the one
        out.append(c if end == c.end else replace(c, end=end))
    return out


def _sentence_end(view: View, start: int, end: int) -> int:
    """The end of the first sentence of view[start:end]. The view's sentences do not end inside a
    quotation, so a clause reported inside a quoted statement ("“The head of state stressed that X was a
    priority. The president assigned …,” the statement reads") would run on into the narrator's next
    sentence; split alone, the claim's text ends where its own sentence does."""
    spans = split_sentences(view.text[start:end], view.lang)
    if len(spans) < 2:
        return _glued_end(view, start, end)
    return _glued_end(view, start, _trim(view.text, start, start + spans[0][1])[1])


def _glued_end(view: View, start: int, end: int) -> int:
    """Where view[start:end] ends at a sentence mark glued between two letters of a script without
    capitals or abbreviations ("… في ليبيا.وكان …", "… ادامه دارد.حسین …": the space after it was
    lost), which the sentence splitter, waiting for a space, does not see; else ``end``. Only the Arabic
    script's letters count: Latin ones may be an abbreviation's ("U.S"), and digits a number's ("3.5")."""
    m = _GLUED_END.search(view.text, start, end)
    return _trim(view.text, start, m.start())[1] if m else end


@cache
def _opening_words(lang: str) -> frozenset[str]:
    """The words that open an adverbial phrase: the profile's circumstance words and ``claims.json``
    ``adverbial_openers`` (not the prepositions a reporting verb governs: "warned of X" is a claim)."""
    return frozenset(fold(w) for w in profile(lang)["circumstance_words"]) | _words(lang, "adverbial_openers")


def _past_fronted_adverbial(view: View, start: int, end: int) -> int:
    """Where the clause of view[start:end] starts after an adverbial phrase that opens it: a preposition
    or circumstance word (profile.json), its phrase, then a comma within ``FRONTED_ADVERBIAL_WORDS`` words
    ("On the sidelines of the summit, he had bilateral meetings …", "At the palace, X held talks …");
    else ``start``."""
    text = view.text
    first = text[start:end].split()[:1]
    if not first or fold(first[0].strip(_END_PUNCT)) not in _opening_words(view.lang):
        return start
    for k, m in enumerate(re.finditer(r"\S+", text[start:end])):
        if k >= FRONTED_ADVERBIAL_WORDS:
            break
        if m.group()[-1] in ",،":
            return _skip_ws(text, start + m.end(), end)
    return start


def _adverbial_only(view: View, start: int, end: int) -> bool:
    """Whether view[start:end] is a prepositional phrase alone: at most ``ADVERBIAL_ONLY_WORDS`` words
    opened by a preposition or circumstance word, with no comma ("upon his arrival", "at the end of
    it"). Cut from the clause of the verb it modifies, it asserts nothing."""
    words = view.text[start:end].split()
    return 0 < len(words) <= ADVERBIAL_ONLY_WORDS and not any(c in view.text[start:end] for c in _CLAUSE_MARKS) \
        and fold(words[0].strip(_END_PUNCT)) in _opening_words(view.lang)


@cache
def _impersonal(lang: str) -> tuple[str, frozenset[str], frozenset[str], frozenset[str]] | None:
    row = load_json(lang, "claims.json").get("impersonal")
    if not row:
        return None
    return row["id"], *(frozenset(fold(w) for w in row[k]) for k in ("auxiliaries", "adjuncts", "nouns"))


def impersonal_readout(view: View, start: int, end: int) -> str | None:
    """The ``impersonal`` id (claims.json) when view[start:end] opens with an impersonal auxiliary
    (جرى، تم) among its first ``NONCLAIM_WORDS`` words, then, past an adjunct of the occasion of at most
    ``IMPERSONAL_ADJUNCT_WORDS`` words («خلال الاجتماع»), a verbal noun of discussion or review: "during
    the meeting was reviewed X" is the narrator's account of what was discussed; else None."""
    shape = _impersonal(view.lang)
    if shape is None:
        return None
    rid, auxiliaries, adjuncts, nouns = shape
    _raw, words = _clause_words(view, start, end)
    for k, w in enumerate(words[:NONCLAIM_WORDS]):
        if w not in auxiliaries:
            continue
        j = k + 1
        if j < len(words) and words[j] in adjuncts:
            j += IMPERSONAL_ADJUNCT_WORDS
        return rid if j < len(words) and words[j] in nouns else None
    return None


def _attributive(text: str, s: int, pos: int, determiners: frozenset[str]) -> bool:
    """Whether the word before ``pos`` is a determiner or a possessive (``claims.json``
    ``attributive``: "the", "its", "the Council's"): a past participle after one modifies the noun
    after it ("the proposed budget") and reports no speech."""
    prev = text[s:pos].split()[-1:]
    if not prev:
        return False
    w = prev[0]
    return fold(w) in determiners or w.endswith(("'s", "’s"))


def _fragment(view: View, start: int, end: int) -> bool:
    """A claim that is only a noun phrase opened by a demonstrative (``claims.json`` ``fragment``):
    the object of a clause-final verb ("این اقدام را", before "محکوم کرد"), or a demonstrative with
    definite words only ("هذا الهجوم الإرهابي"; with an indefinite word it is a sentence, "هذا هجوم
    خطير"). It points back to something said before and asserts nothing. At most ``FRAGMENT_WORDS``."""
    row = load_json(view.lang, "claims.json").get("fragment")
    words = [fold(w.strip(_END_PUNCT)) for w in view.text[start:end].split()]
    prof = profile(view.lang)
    marker = prof["object_marker"]
    if words and words[0] in {fold(w) for w in prof["list_glue"]}:
        words = words[1:]  # "… تأکید کردند و آن را … مهم دانستند": the clause after the conjunction
    if row is not None and marker and len(words) > 1 and words[0] in _words(view.lang, "fragment") \
            and words[1] == fold(marker):
        # the object is a bare demonstrative pronoun ("آن را مهم دانست", "considered it important"):
        # what it points back to is in another clause, and the claim asserts nothing of its own
        return True
    if row is None or not words or words[0] not in _words(view.lang, "fragment") or len(words) > FRAGMENT_WORDS:
        return False
    definite = row.get("definite")
    return (bool(marker) and words[-1] == fold(marker)) or (
        bool(definite) and all(w.startswith(fold(definite)) for w in words[1:]))


@cache
def _words(lang: str, key: str) -> frozenset[str]:
    """The folded ``words`` of the ``claims.json`` row ``key`` (empty where the language has none)."""
    return frozenset(fold(w) for w in load_json(lang, "claims.json").get(key, {}).get("words", []))


def _before_dangling(view: View, start: int, end: int) -> int:
    """The end of a claim without the conjunctions, prepositions and articles it ends on, also a
    conjunction glued to the cue that ends it ("… ضد أي طرف، وقال": the claim ends at "طرف")."""
    words = _words(view.lang, "dangling")
    text = view.text
    while True:
        seg = text[start:end].rstrip()
        last = seg.split()[-1:] if seg else []
        if not last or fold(last[0].strip(_END_PUNCT)) not in words:
            return end
        end = _trim(text, start, start + len(seg) - len(last[0]))[1]


def _last_coordination(view: View, start: int, end: int) -> int:
    """Where a claim cut off with its article still ends on a whole clause: at its last comma or
    semicolon ("… بمنتهى الشفافية، مج" ends at the comma); with none, nothing of it is known to be
    whole ("… the relations between them were") and it ends at its start."""
    text = view.text
    cut = max(text.rfind(c, start, end) for c in _CLAUSE_MARKS)
    return _trim(text, start, cut)[1] if cut > start else start


def _cut_off(text: str, end: int) -> bool:
    """A claim that runs to the end of an article whose last sentence has no closing mark: the text
    was cut off there ("… the relations that"), and the claim with it."""
    tail = text[end:].strip()
    return not tail and text.rstrip()[-1:] not in _SENTENCE_END


@cache
def _readout_trie(lang: str) -> Trie:
    return _rows_trie(load_json(lang, "claims.json").get("readouts", []))


def readout(view: View, start: int, end: int) -> str | None:
    """The id of the ``readouts`` row (claims.json) whose meeting or discussion verb heads the clause
    of view[start:end] (among its first words, or, verb-final, its last ones): the narrator's account
    of a meeting ("the two leaders discussed …", "… گفتگو شد"), not a position; else None."""
    return _predicate_row(view, _readout_trie(view.lang), view.tokens_in(start, end))


def _predicate_row(view: View, trie: Trie, toks: list) -> str | None:
    """The id of the first row of ``trie`` matched where the language puts a clause's predicate:
    among the first words of ``toks`` ("head") or, verb-final, the last ones ("tail"). In a script
    with capitals, the capitalised words of a subject's names and titles before the predicate do not
    count ("U.S. Secretary of State Antony Blinken on Tuesday spoke with …")."""
    for m in trie.scan(toks, clitics=profile(view.lang)["proclitics"]):
        names = sum(1 for tok in toks[:m.first] if view.text[tok.start:tok.start + 1].isupper())
        for row in m.payloads:
            if (row["where"] == "head" and m.first < NONCLAIM_WORDS + names) or (
                    row["where"] == "tail" and m.last > len(toks) - NONCLAIM_WORDS):
                return row["id"]
    return None


def _phrase_len(words: list[str], i: int, phrases: frozenset[tuple[str, ...]]) -> int:
    """The length of the longest of ``phrases`` at words[i:], or 0."""
    return max((len(p) for p in phrases if tuple(words[i:i + len(p)]) == p), default=0)


@cache
def _account_shape(lang: str) -> tuple[str, tuple[frozenset[tuple[str, ...]], ...]] | None:
    row = load_json(lang, "claims.json").get("accounts")
    if not row:
        return None
    return row["id"], tuple(frozenset(tuple(fold(p).split()) for p in row[k])
                            for k in ("subjects", "verbs", "nouns", "complements"))


def _clause_words(view: View, start: int, end: int) -> tuple[list[str], list[str]]:
    """The words of view[start:end] without their punctuation, as written and folded."""
    raw = [w for w in (w.strip(_END_PUNCT) for w in view.text[start:end].split()) if w]
    return raw, [fold(w) for w in raw]


def meeting_account(view: View, start: int, end: int) -> str | None:
    """The ``accounts`` id (claims.json) when view[start:end] only says that a meeting took place and
    how it went ("We have had very useful talks", "Good first meeting with Minister X"): an optional
    subject and verb of having or holding, at most ``ACCOUNT_MODIFIERS`` modifiers (no function word
    among them), a meeting noun, then nothing but a preposition and capitalised names; else None."""
    shape = _account_shape(view.lang)
    if shape is None:
        return None
    rid, (subjects, verbs, nouns, complements) = shape
    raw, words = _clause_words(view, start, end)
    i = _phrase_len(words, 0, subjects)
    verb = _phrase_len(words, i, verbs)
    if i and not verb:
        return None  # "we agreed on talks" says more than that talks were held
    i += verb
    prof = profile(view.lang)
    glue = {fold(w) for w in (*prof["title_glue"], *prof["list_glue"])}
    # "a", "and" may stand among the modifiers ("a long and frank conversation"), no other function word
    function = {fold(w) for w in prof["function_words"]} - {"a", "an"} - {fold(w) for w in prof["list_glue"]}
    for k in range(i, min(len(words), i + ACCOUNT_MODIFIERS + 1)):
        n = _phrase_len(words, k, nouns)
        if n:
            rest = k + n
            if rest == len(words) or (words[rest] in {c[0] for c in complements}
                                      and all(w[:1].isupper() or w[:1].isdigit() or fold(w) in glue
                                              for w in raw[rest + 1:])
                                      and rest + 1 < len(words)):
                return rid
            return None
        if words[k] in function:
            return None
    return None


@cache
def _title_words_of(lang: str) -> frozenset[str]:
    """The words of the language's titles of office (titles.jsonl)."""
    return frozenset(fold(w) for t in load_jsonl(lang, "titles.jsonl") for p in t["patterns"] for w in p.split())


@cache
def _meeting_phrase_shape(lang: str) -> tuple[str, frozenset, frozenset[str], frozenset[str], frozenset[str],
                                              frozenset[str], frozenset[str]] | None:
    """The word classes ``meeting_phrase`` reads, folded: its id, the meeting nouns (word tuples), the
    product nouns, determiners, function words, prepositions of circumstance and of who or where,
    and every word the tail after the noun may hold. None where the language has no such row."""
    row = load_json(lang, "claims.json").get("meeting_phrases")
    shape = _account_shape(lang)
    if not row or shape is None:
        return None
    prof = profile(lang)
    determiners = _words(lang, "attributive")
    sidelines = {fold(w) for p in load_json(lang, "meetings.json").get("sideline_phrases", []) for w in p.split()}
    prepositions = frozenset(fold(w) for w in prof["circumstance_words"]) | {
        fold(c) for c in load_json(lang, "claims.json")["accounts"].get("held_with", [])}
    # names and the titles before them ("Secretary of state John Kerry"), and the phrases of when and where
    allowed = (determiners | prepositions | sidelines | _title_words_of(lang)
               | {fold(w) for w in (*prof["title_glue"], *prof["list_glue"])}
               | _words(lang, "time_modifiers") | {fold(w) for w in row["time_words"]})
    return (row["id"], shape[1][2] | frozenset(tuple(fold(p).split()) for p in row["nouns"]),
            frozenset(fold(w) for w in row["products"]), determiners,
            frozenset(fold(w) for w in prof["function_words"]), prepositions, frozenset(allowed))


def meeting_phrase(view: View, start: int, end: int) -> str | None:
    """The ``meeting_phrases`` id (claims.json) when an indirect complement is only a noun phrase of a
    meeting, with who, when and where ("recalled their talks with Minister X in Rome last May",
    "announced the results of the negotiations between A and B"): optional determiners, at most
    ``ACCOUNT_MODIFIERS`` modifiers (no function word), an optional product noun and "of" ("the
    results of"), a meeting noun (``accounts`` ``nouns`` and the row's own), then only capitalised
    names, numbers, dates, determiners, prepositions of circumstance, time words and the words of the
    sideline phrases (meetings.json). Any other word ("… with X on trade", "… was productive") may be
    what is asserted, and the complement stays a claim. Else None."""
    shape = _meeting_phrase_shape(view.lang)
    if shape is None:
        return None
    rid, nouns, products, determiners, function, prepositions, allowed = shape
    _, words = _clause_words(view, start, end)
    i = 0
    while i < len(words) and words[i] in determiners:
        i += 1
    head = None
    for k in range(i, min(len(words), i + ACCOUNT_MODIFIERS + 1)):
        if words[k] in products and k + 1 < len(words) and words[k + 1] == "of":
            k += 2
            while k < len(words) and words[k] in determiners:
                k += 1
        n = _phrase_len(words, k, nouns)
        if n:
            head = k + n
            break
        if words[k] in function or words[k] in determiners or words[k] in prepositions:
            return None  # "this stance during their discussions": the noun phrase ends before the meeting
    if head is None:
        return None
    text = view.text[start:end]
    dated = find_dates(text, view.lang, SPAN_REFERENCE_DATE, 0)
    spans = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    tail = [(a, w.strip(_END_PUNCT)) for a, w in spans if w.strip(_END_PUNCT)][head:]
    for a, w in tail:
        if any(d.start <= a < d.end for d in dated):
            continue
        if not (w[:1].isupper() or w[:1].isdigit() or fold(w) in allowed):
            return None
    return rid


def _restated(claims: list[Claim], claim: Claim) -> bool:
    """Whether an indirect claim's cue and text lie inside another claim of the same speaker: in "A said
    he rejected the plan" A's claim is the whole complement, and "rejected", his report within it, is
    no second claim (one claim per reporting verb of another speaker: in "A said B rejected it" B's is)."""
    sp = claim.speaker
    if claim.direct or sp is None:
        return False
    return any(c is not claim and c.speaker is not None and c.start <= claim.cue[0] and claim.end <= c.end
               and (c.speaker is sp or (sp.identity is not None and c.speaker.identity == sp.identity))
               for c in claims)


def _quoted_account(view: View, start: int, end: int) -> bool:
    """Whether a quotation only tells a meeting held: each of its sentences is a verb of holding a
    meeting with who or where (``accounts``: "On the sidelines of the summit, he had bilateral meetings
    with the ministers of …", after any adverbial phrase that opens it), and none names a topic
    (``accounts`` ``topics``). What the meeting was about ("Held talks with X in Cairo on the crisis",
    "Bilateral issues were discussed") is what the speaker says was discussed, and the quotation stays
    his claim."""
    row = load_json(view.lang, "claims.json").get("accounts") or {}
    topics = {fold(w) for w in row.get("topics", [])}
    for a, b in split_sentences(view.text[start:end], view.lang):
        a, b = start + a, start + b
        if len(view.text[a:b].split()) < MIN_CLAIM_WORDS:
            continue
        clause = _past_fronted_adverbial(view, a, b)
        if (held_meeting(view, clause, b) is None and meeting_account(view, clause, b) is None) \
                or topics & set(_clause_words(view, clause, b)[1]):
            return False
    return True


def _relayed(claims: list[Claim], claim: Claim) -> bool:
    """Whether an indirect claim of a body (a ministry, an office: no person) is only its relay of a
    person's report: its complement opens with that report ("the ministry said the minister stressed X",
    the report's subject at most ``RELAY_SUBJECT_CHARS`` characters before its cue), and the report is a claim
    of that person in its own right. What the body tells is its official's words in a meeting, the
    official's claim; the body asserts nothing of its own ("A said that B announced C", with A a person,
    keeps both claims)."""
    sp = claim.speaker
    if claim.direct or sp is None or sp.kind not in ("institution", "org"):
        return False
    return any(c is not claim and c.speaker is not None and c.speaker.kind in ("person", "title")
               and claim.start <= c.cue[0] and c.end <= claim.end
               and c.cue[0] - claim.start <= RELAY_SUBJECT_CHARS
               for c in claims)


def held_meeting(view: View, start: int, end: int) -> str | None:
    """The ``accounts`` id (claims.json) when the main verb of view[start:end] is one of holding or
    having a meeting ("X has held separate bilateral meetings with A and B during his visit", "he had
    a long meeting with Y"): a subject of at most ``NONCLAIM_WORDS`` words besides capitalised names,
    a verb of ``accounts``, at most ``ACCOUNT_MODIFIERS`` modifiers (no function word but an article
    or a conjunction), a meeting noun, then the end or a preposition of who or where (``held_with``),
    not of a topic; the clause tells who met, asserting no position of its own. Else None."""
    shape = _account_shape(view.lang)
    if shape is None:
        return None
    rid, (_, verbs, nouns, _) = shape
    # who met and where, not what about: "held talks on trade" or "had a discussion about X" has a topic,
    # which the account of a meeting in a claim asserts ("the two leaders had a discussion on …")
    held_with = {fold(w) for w in load_json(view.lang, "claims.json")["accounts"].get("held_with", [])}
    raw, words = _clause_words(view, start, end)
    prof = profile(view.lang)
    glue = {fold(w) for w in prof["list_glue"]}
    function = {fold(w) for w in prof["function_words"]} - {"a", "an"} - glue
    names = 0
    for k in range(len(words)):
        if k >= NONCLAIM_WORDS + names:
            return None
        verb = _phrase_len(words, k, verbs)
        if not verb:
            names += raw[k][:1].isupper()
            continue
        for j in range(k + verb, min(len(words), k + verb + ACCOUNT_MODIFIERS + 1)):
            n = _phrase_len(words, j, nouns)
            if n:
                rest = j + n
                return rid if rest == len(words) or words[rest] in held_with else None
            if words[j] in function:
                return None
        return None
    return None


def _rows_trie(rows: list[dict[str, Any]], payload: str | None = None) -> Trie:
    """A trie of every pattern of the rows, each carrying its row (or the row's ``payload`` field)."""
    t = Trie()
    for row in rows:
        for pat in row["patterns"]:
            for k in match_keys(pat):
                t.add(k, row if payload is None else row[payload])
    return t


@cache
def _not_claim_trie(lang: str) -> Trie:
    return _rows_trie(load_json(lang, "claims.json")["not_claims"])


def not_a_claim(view: View, start: int, end: int) -> str | None:
    """The id of the ``not_claims`` class (claims.json) that makes view[start:end] the narrator's
    account, a courtesy or a summary rather than a claim ("the two sides discussed …", "… his
    gratitude for …", "… گفتگو کردند"), or None. A class counts where the language puts the
    clause's predicate: among the first words ("head") or, verb-final, the last ones ("tail")."""
    toks = view.tokens_in(start, end)
    return _predicate_row(view, _not_claim_trie(view.lang), toks) if toks else None


@cache
def _circumstance_words(lang: str) -> frozenset[str]:
    """The words a bare circumstance of a verb may hold (``_circumstance_only``); empty where the
    language lists no time words."""
    words = _words(lang, "time_modifiers")
    if not words:
        return frozenset()
    docs = {pat[-1] for pat, _row, doc in _subject_nouns(lang) if doc}
    return words | {fold(w) for w in profile(lang)["circumstance_words"]} | _words(lang, "attributive") | docs


def _circumstance_only(view: View, start: int, end: int) -> bool:
    """Whether view[start:end] is only a circumstance of its verb: every word a date expression's
    (dates.json), a circumstance word (profile.json), a determiner (``attributive``), a time word
    (``time_modifiers``) or a document noun (``documents``). A sentence-final reporting verb has no
    complement ("… the agency said early on Monday.", "… the ministry said in a statement.")."""
    allowed = _circumstance_words(view.lang)
    if not allowed:
        return False
    text = view.text
    dated = find_dates(text[start:end], view.lang, SPAN_REFERENCE_DATE, start)
    for m in re.finditer(r"\S+", text[start:end]):
        a = start + m.start()
        if any(d.start <= a < d.end for d in dated):
            continue
        if fold(m.group().strip(_END_PUNCT + ",")) not in allowed:
            return False
    return True


def _indirect_question(view: View, start: int, end: int) -> bool:
    """Whether view[start:end] opens with an interrogative word (``claims.json`` ``indirect_questions``):
    an indirect question or a free relative as the verb's complement ("explained how the plan would
    work", "said what the ministers agreed") says what was spoken about, not what was asserted."""
    words = _words(view.lang, "indirect_questions")
    first = view.text[start:end].split()[:1]
    return bool(words and first) and fold(first[0].strip("\"“”«»'")) in words


def _opening_participle(view: View, cue, s: int, cs: int, nxt: int, prof: dict[str, Any]) -> bool:
    """Whether a participle cue opens its sentence (only quotation marks before it), a comma ends its
    phrase before the next cue of the sentence (``nxt``), and its claim is a noun phrase (no
    complementizer, colon or quotation between the cue and the claim): the adverbial clause of the
    main clause after its comma ("Noting the progress, X said …"). A participle that opens a paragraph
    with no reporting verb after it ("مؤكدين على …" under the clause it continues) is not one."""
    if view.text[s:cue.start].strip(_QUOTE_CLOSERS + "“«' \n\t") or not any(
            c in view.text[cue.end:nxt] for c in _CLAUSE_MARKS):
        return False
    between = view.text[cue.end:cs]
    return not any(c in between for c in ":：\"“«") and not any(
        w.strip(",،") in prof["complementizers"] for w in between.split())


@cache
def _anonymous_trie(lang: str) -> Trie:
    row = load_json(lang, "claims.json").get("anonymous")
    return _rows_trie([row]) if row else Trie()


def _anonymous(view: View, cue, s: int, speaker: Mention | None, prof: dict[str, Any]) -> Mention | None:
    """An anonymous source as the cue's subject (``claims.json`` ``anonymous``: "a diplomatic source",
    "officials", "مصدر مطلع", "یک مقام آگاه"): in its clause before the cue, or right after a
    verb-first cue, and nearer the cue than any speaker found. Its stand-in, or None."""
    text = view.text
    if prof["speaker_after_cue"] == "always":
        lo, hi = cue.end, min(view.sentences[view.sentence_of(cue.start)][1], cue.end + ANONYMOUS_CHARS)
    else:
        lo, hi = s, cue.start
        lo = max(lo, max(text.rfind(c, lo, hi) for c in _CLAUSE_PUNCT) + 1)
    toks = view.tokens_in(lo, hi)
    first = toks[:prof["speaker_after_cue_words"]] if prof["speaker_after_cue"] == "always" else toks
    for m in _anonymous_trie(view.lang).scan(first, clitics=prof["proclitics"], only=prof.get("verb_proclitics")):
        # "X said, citing a source", "a source said X told": the named person is nearer. A person
        # before a verb-first cue is not, when the source is the word right after the verb, its
        # subject: in «وتأتي زيارة X بينما أفادت مصادر أن …» the sources reported, not X
        after_verb = lo >= cue.end and m.start == toks[0].start
        if speaker is not None and speaker.kind != "pronoun" and (
                (lo >= cue.end and speaker.start < m.start and not (speaker.start < cue.start and after_verb))
                or (lo < cue.end and speaker.start > m.start)):
            continue
        return Mention(m.start, m.end, UNNAMED, text[m.start:m.end], view.sentence_of(m.start))
    if (speaker is None or speaker.kind == "pronoun") and toks and fold(toks[0].text) in _group_heads(view.lang):
        # "نمایندگان گروه … درخواست کردند", "انتقد وزراء خارجية المجموعة …": the members of a body no
        # mention names stand as the subject (opening the clause, or right after a verb-first cue);
        # they are no one the text names, not the last speaker
        return Mention(toks[0].start, toks[0].end, UNNAMED, toks[0].text, view.sentence_of(toks[0].start))
    return None


@cache
def _group_heads(lang: str) -> frozenset[str]:
    """The first words of ``claims.json`` ``groups`` ("leaders", "وزراء", "نمایندگان")."""
    row = load_json(lang, "claims.json").get("groups")
    return frozenset(fold(p.split()[0]) for p in (row["patterns"] if row else ()))


@cache
def _group_words(lang: str) -> frozenset[str]:
    """The words of ``claims.json`` ``groups``: the members or representatives of a body ("leaders",
    "وزراء خارجية", "سران"), who speak for it when they stand before its name."""
    row = load_json(lang, "claims.json").get("groups")
    return frozenset(fold(w) for p in (row["patterns"] if row else ()) for w in p.split())


@cache
def _subject_words(lang: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """The definite article that marks a noun subject after a verb-first cue, the definite words that
    are no unknown subject (adverbs of time, "اليوم"; a statement, "البيان", which refers back to its
    issuer; title heads), and the cues whose object opens with a preposition, from ``claims.json``
    ``unnamed_subject``."""
    row = load_json(lang, "claims.json").get("unnamed_subject")
    if not row:
        return None
    # a title's head word ("الوزير", "السفير") is no unknown subject: it refers back to its holder; a
    # plural one ("السفراء") names a group no one in particular
    heads = {fold(p.split()[0]) for t in load_jsonl(lang, "titles.jsonl") if not t.get("group") for p in t["patterns"]}
    article = fold(row["article"])
    heads |= {article + h for h in heads if not h.startswith(article)}
    return article, frozenset(fold(w) for w in row["not_subjects"]) | heads, frozenset(row.get("prepositional", ()))


def _unrecognised_subject(view: View, cue, row, mentions: list[Mention], speaker: Mention | None,
                          prof: dict[str, Any], seen: list[Mention]) -> Mention | None:
    """In a verb-first language, a definite noun right after a cue whose complement opens with a
    preposition, a complementizer, a colon or a quotation (it takes no bare object) is that verb's
    subject ("أعرب السفراء عن …"): someone no mention names, not the last person named. Not when
    the word is a name of the last speaker the dictionary knows, the head word of a title (which
    refers back to its holder: "وقال الوزير"), a statement ("وأضاف البيان") or an adverb of time
    (``claims.json`` ``unnamed_subject``). Its stand-in, or None."""
    data = _subject_words(view.lang)
    if data is None or prof["speaker_after_cue"] != "always" or row.get("form") != "verb" or (
            any(t in row.get("takes", []) for t in ("object", "as_predicate", "final", "phrase"))
            and row["id"] not in data[2]):
        return None
    if speaker is not None and speaker.kind != "pronoun" and speaker.start >= cue.end:
        return None
    toks = view.tokens_in(cue.end, view.sentences[view.sentence_of(cue.start)][1])
    if not toks or any(m.start <= toks[0].start < m.end for m in mentions):
        return None
    article, not_subjects, _ = data
    word = fold(toks[0].text)
    skip = {fold(w) for w in (*prof["circumstance_words"], *prof["function_words"], *prof["complementizers"])}
    # a noun in the construct state, annexed to a definite noun, is definite too ("وفد البرلمان", "سفراء
    # الدول"); not an adverb of time annexed to a day ("مساء الأربعاء"), a preposition's phrase
    # ("بالدور الكبير"), or a word after a colon (the claim's first word)
    nxt = fold(toks[1].text) if len(toks) > 1 else ""
    annexed = nxt.startswith(article) and nxt not in not_subjects and nxt not in skip \
        and not view.text[cue.end:toks[0].start].strip() and not word.startswith(_clitic_prepositions(view.lang)) \
        and not any(m.start <= toks[1].start < m.end and m.kind in ("person", "title") for m in mentions)
    if not (word.startswith(article) or annexed) or word in skip or word in not_subjects:
        return None
    prev = next((m for m in reversed(seen) if m.actor is not None), None)
    if prev is not None and any(word == fold(a) for a in (*prev.actor.aliases, *prev.actor.short)):
        return None
    return Mention(toks[0].start, toks[0].end, UNNAMED, toks[0].text, view.sentence_of(toks[0].start))


@cache
def _clitic_prepositions(lang: str) -> tuple[str, ...]:
    """The prepositions written joined to the next word (``claims.json`` ``unnamed_subject``)."""
    row = load_json(lang, "claims.json").get("unnamed_subject") or {}
    return tuple(fold(w) for w in row.get("clitic_prepositions", ()))


def _unnamed_subject(text: str, s: int, cue: int, prof: dict[str, Any]) -> bool:
    """In a language that always states its subject, a clause whose subject before the cue is a
    noun phrase ("The Turkish presidency told"), not a pronoun or an adverb ("he", "also")."""
    clause = re.split(r"[,;:“”\"]", text[s:cue])[-1].split()
    return bool(clause) and clause[-1].lower() not in prof["not_a_subject"]


def _noun_phrase_subject(text: str, s: int, cue: int, prof: dict[str, Any], determiners: frozenset[str]) -> bool:
    """In a language that always states its subject, whether the clause a participle is attached to
    opens, past its adverbial phrases, with a determiner: "As reported, the embassy issued a
    statement, calling on …" has a subject no mention names (the participle's speaker is not the
    last person named), while "He issued a statement, calling on …" has a pronoun."""
    rest = text[s:cue]
    while True:
        words = rest.split()
        if not words:
            return False
        if words[0].strip("\"“”«»'").lower() not in prof["circumstance_words"]:
            return fold(words[0]) in determiners
        comma = rest.find(",")
        if comma < 0:
            return False
        rest = rest[comma + 1:]


def _antecedent(seen: list[Mention], people: list[Mention], pos: int, feminine: bool,
                gender: str | None = None, personal: bool = False) -> Mention | None:
    """Who a pronoun or a missing subject refers to: the last speaker that is a person and agrees
    with a gendered pronoun ("she" skips the men who spoke; a person of unknown gender agrees with
    either); after an institution spoke, a feminine verb with no subject ("وأضافت", the ministry
    being feminine) is that institution. A personal pronoun (``personal``: "he", «وی») never
    refers to an organisation NER named ("The Senate said …. He added" is not the Senate)."""
    if feminine and seen and seen[-1].kind == "institution":
        return seen[-1]

    def agrees(m: Mention) -> bool:
        return gender is None or m.actor is None or m.actor.gender in (None, gender)

    prev = next((m for m in reversed(seen) if m.kind != "institution" and not (personal and m.kind == "org")
                 and agrees(m)), None)
    if prev is not None:
        return None if prev.kind == UNNAMED else prev
    last = _last_person(people, pos)
    return last if last is None or agrees(last) else None


def _later_subject(subjects: list[Mention], claims: list[Claim], si: int, pos: int,
                   gender: str | None, governed: Mention | None = None,
                   ruled: Collection[int] = frozenset()) -> Mention | None:
    """The last sentence subject (``subjects``) after the sentence of the last claim and before ``pos``
    in an earlier sentence than ``si``, agreeing with a gendered pronoun; None when there is none.
    With no claim made yet, and ``governed`` the antecedent found, a person a preposition governs in
    an earlier sentence: the subject before it in its sentence, since in "X met with Y. He stressed
    …" the pronoun continues the subject X; else the last subject whose id is in ``ruled`` (the
    ``sentence_subject`` rows': «استقبل X … Y. وأكد …» continues the host X); else None, and the last
    person named stands."""
    def agrees(m: Mention) -> bool:
        return gender is None or m.actor is None or m.actor.gender in (None, gender)

    if not claims:
        if governed is None or governed.sent >= si:
            # "استقبل X Y. وأكد …": before any claim, a subject the shape of its sentence gives (``ruled``)
            # is the one continued, not the last person named (the guest)
            return next((m for m in reversed(subjects) if id(m) in ruled and m.sent < si and m.end <= pos
                         and agrees(m)), None)
        return next((m for m in subjects if m.sent == governed.sent and m.end <= governed.start and agrees(m)),
                    None)
    after = claims[-1].sent
    return next((m for m in reversed(subjects) if after < m.sent < si and m.end <= pos and agrees(m)), None)


@cache
def _sentence_subject_shape(lang: str) -> tuple[str, tuple[tuple[str, ...], ...], bool, frozenset[str], str] | None:
    """``claims.json`` ``sentence_subject``: its id, the connectives that may open a sentence before its
    subject (each as its folded words), whether the verb opens the sentence before its subject, the
    words that open a sentence and are no verb (prepositions, circumstance words, complementizers and
    the row's ``not_verbs``) and the definite article (a word that carries it is a noun)."""
    row = load_json(lang, "claims.json").get("sentence_subject")
    if row is None:
        return None
    prof = profile(lang)
    not_verbs = _governing_words(lang) | _opening_words(lang) | {fold(w) for w in prof["complementizers"]} \
        | {fold(w) for w in row.get("not_verbs", ())}
    openers = tuple(sorted((tuple(fold(p).split()) for p in row.get("openers", ())), key=len, reverse=True))
    return row["id"], openers, bool(row.get("verb_first")), frozenset(not_verbs), row.get("article", "")


def _opening_subject(text: str, s: int, m: Mention, lang: str, prof: dict[str, Any]) -> str | None:
    """The ``sentence_subject`` rule id when ``m``, the first person of the sentence at ``s``, is its
    subject by the sentence's shape; else None. Verb first (Arabic): a conjunction, connectives (كما،
    ثم), one word that is no preposition, circumstance word or definite noun (the verb), then ``m``:
    «ورحب السفير الفرنسي بالخطوات» — the ambassador welcomed. Subject first (Persian): connectives only
    before ``m`` («در مقابل وزیر … تشکر کرد»); a sentence ``m`` opens itself is ``_subject_lead``'s."""
    shape = _sentence_subject_shape(lang)
    lead = text[s:m.start]
    if shape is None or any(c in lead for c in _CLAUSE_PUNCT):
        return None
    rid, openers, verb_first, not_verbs, article = shape
    glue = {fold(w) for w in prof["list_glue"]}
    conj = prof.get("verb_proclitics", "")

    def bare(w: str) -> str:
        # a conjunction written joined to the next word ("وكما", "ورحب")
        return w[1:] if len(w) > 2 and w[:1] in conj else w

    words = [fold(w) for w in lead.split()]
    if words and words[0] in glue:
        words = words[1:]
    opened = False
    while words:
        k = next((len(o) for o in openers if tuple(words[:len(o)]) == o
                  or (words[:1] and tuple([bare(words[0]), *words[1:len(o)]]) == o)), 0)
        if not k:
            break
        words, opened = words[k:], True
    # the words of the person's title may stand before the name ("در مقابل رئیس‌جمهور X")
    titles = _conjunct_title_words(lang)
    while words and words[-1] in titles:
        words.pop()
    if verb_first and m.title_role is not None and 1 < len(words) <= 1 + TITLE_BEFORE_NAME_WORDS \
            and words[1] in titles:
        # the title the name stands in apposition to, with its demonym ("استقبل وزير الخارجية الأردني X")
        words = words[:1]
    if verb_first:
        if len(words) != 1:
            return None
        verb = bare(words[0])
        if verb in not_verbs or words[0] in not_verbs or (article and verb.startswith(article)):
            return None
        return rid
    return rid if opened and not words else None


@cache
def _pronoun_gender(lang: str) -> dict[str, str]:
    """Pronouns that agree with one gender: the subject pronouns (pronouns.json ``gender``) and the
    object pronouns that may follow an attribution phrase (``claims.json`` ``attribution_pronouns``)."""
    genders = {fold(w): g for w, g in load_json(lang, "pronouns.json").get("gender", {}).items()}
    return genders | {fold(w): g for w, g in _attribution_pronouns(lang)[1].items()}


@cache
def _attribution_pronouns(lang: str) -> tuple[str, dict[str, str]]:
    row = load_json(lang, "claims.json").get("attribution_pronouns", {})
    return row.get("id", ""), {fold(w): g for w, g in row.get("pronouns", {}).items()}


def _attributed_pronoun(view: View, cue, si: int) -> Mention | None:
    """"According to him, …": an object pronoun right after an attribution phrase is its source, a
    pronoun to resolve as "he" would be; the mention cites the ``attribution_pronouns`` row."""
    rid, pronouns = _attribution_pronouns(view.lang)
    m = re.match(r"\s*(\w+)\b", view.text[cue.end:])
    if m is None or fold(m.group(1)) not in pronouns:
        return None
    a, b = cue.end + m.start(1), cue.end + m.end(1)
    return Mention(a, b, "pronoun", view.text[a:b], si, resolution="pronoun", rule=rid)


def _feminine_verb(text: str, cue, row, prof: dict[str, Any]) -> bool:
    """A verb cue in the third-person feminine ("أكدت", "قالت"): the suffix the profile names."""
    suffix = prof.get("feminine_verb_suffix")
    word = text[cue.start:cue.end].split()[:1]
    return bool(suffix and word and row.get("form") == "verb" and word[0].endswith(suffix))


@cache
def _governing_words(lang: str) -> frozenset[str]:
    """Words that make a following place a complement, never a subject: prepositions and the
    meeting data's location and phrase prepositions ("in Tehran", "في موسكو", "در مسکو")."""
    meet = load_json(lang, "meetings.json")
    words = [*profile(lang)["prepositions"], *meet.get("location_preps", []), *meet.get("phrase_preps", [])]
    return frozenset(fold(w) for w in words)


_QUOTE_CLOSERS = "\"”»"


def _governed(text: str, s: int, m: Mention, preps: set[str], titles: frozenset[str] = frozenset()) -> bool:
    """A preposition governs ``m``: right before it, or before the lower-case words of a title or a
    determiner ("of leader Y", "with his counterpart Y"), at most ``GOVERNED_LOOKBACK`` words back.
    A comma after a word that is not one of the ``titles`` closes the phrase the preposition opened:
    "For his part, Y said", "In a statement, Y said" open with an adverbial, and Y is the subject
    (while in "with his counterpart, Y" the comma sets off an apposition of the title)."""
    for w in reversed(text[s:m.start].split()[-GOVERNED_LOOKBACK:]):
        if w[-1:] in _QUOTE_CLOSERS:
            return False  # '"We agreed to expand trade," X told': the quotation's "to" governs nothing outside it
        if w[-1:] in ",،" and titles and fold(w.rstrip(",،")) not in titles:
            return False
        if fold(w) in preps:
            return True
        if not w[:1].islower():
            return False
    return False


def _participle_clause(text: str, cue, prof: dict[str, Any]) -> bool:
    """A participle after a comma (", adding …", ", noting that …"): its subject is that of the main
    clause, not the last person named. The suffix comes from the profile (English -ing)."""
    suffix = prof.get("participle_suffix")
    word = text[cue.start:cue.end].split()[:1]
    return bool(suffix and word and word[0].lower().endswith(suffix)
                and text[:cue.start].rstrip()[-1:] in (",", "،"))


@cache
def _subordinators(lang: str) -> tuple[tuple[str, ...], ...]:
    """The subordinators of ``claims.json`` (``subordinators``), each as its folded words."""
    row = load_json(lang, "claims.json").get("subordinators") or {}
    return tuple(tuple(fold(p).split()) for p in row.get("patterns", []))


def _clause_initial(text: str, s: int, m: Mention, prof: dict[str, Any], heads: frozenset[str] = frozenset()) -> bool:
    """Whether ``m`` opens its clause: only conjunctions or title glue ("the", "و") stand between it
    and the sentence start or the last clause mark, and the ``heads`` given (the members of a body:
    "وزرای خارجه اتحادیه اروپا"). A country or institution later in its clause is a complement ("the
    ties between Iran and Azerbaijan", "مواضع دولت آذربایجان"), not the subject."""
    lead = text[s:m.start]
    cut = max(lead.rfind(c) for c in _CLAUSE_PUNCT) + 1
    words = [fold(w) for w in lead[cut:].split()]
    # a subordinator opens an adverbial clause with a subject of its own ("… در حالی که مسکو خواستار …",
    # "while Kyiv has called for …"); a complementizer does not: "قال X إن الجزائر تؤكد" stays X's report
    last = max((k + len(sub) for sub in _subordinators(prof["code"]) for k in range(len(words))
                if tuple(words[k:k + len(sub)]) == sub), default=0)
    allowed = {fold(w) for w in (*prof["list_glue"], *prof["title_glue"])} | heads
    return all(w in allowed for w in words[last:])


def _country_speaker(view: View, countries: list[Mention], governed: frozenset[str], cue, s: int, e: int,
                     speaker: Mention | None, prof: dict[str, Any]) -> Mention | None:
    """A country, or its capital, as the subject of the cue: right before it with at most
    ``ORG_CUE_WORDS`` words between ("Iran stresses", "Russia has announced", "مسکو خواستار … شد"
    is the Persian verb-final case), or, in a verb-first language, right after it ("أعلنت
    إيران"), and not governed by a preposition. It replaces a speaker found farther from the cue.
    The place stands for its country: "Moscow said" is Russia."""
    text = view.text
    always = prof["speaker_after_cue"] == "always"
    best = None
    for m in countries:
        if not s <= m.start < e:
            continue
        prev = text[s:m.start].split()[-1:]
        if prev and fold(prev[0]) in governed:
            continue
        if m.end <= cue.start:
            between = text[m.end:cue.start]
            words = {fold(w) for w in between.split()}
            # a conjunction before the cue, or one glued to it ("وقال"), coordinates it with an earlier verb
            glued = cue.start > 0 and not text[cue.start - 1].isspace()
            close = len(words) <= ORG_CUE_WORDS and not any(c in between for c in _CLAUSE_PUNCT) \
                and not words & {fold(w) for w in prof["list_glue"]} and not glued \
                and _clause_initial(text, s, m, prof)
            dist = cue.start - m.end
        elif always and m.start >= cue.end:
            between = text[cue.end:m.start]
            close = not between.split() and not any(c in between for c in _CLAUSE_PUNCT)
            dist = m.start - cue.end
        else:
            continue
        if close and (best is None or dist < best[0]):
            best = (dist, m)
    if best is None:
        return speaker
    m = best[1]
    if speaker is not None:
        sdist = cue.start - speaker.end if speaker.end <= cue.start else speaker.start - cue.end
        if sdist <= best[0] or speaker.start <= m.start < speaker.end:
            return speaker
    return replace(m, kind="institution", role="country", key="inst:" + fold(m.label or ""), resolution="name",
                   why="country as speaker", rule=COUNTRY_SPEAKER_RULE)


def _subject_lead(text: str, s: int, m: Mention, lang: str, prof: dict[str, Any]) -> bool:
    """Whether ``m`` opens its sentence's clause: after the last clause mark before it stand only
    conjunctions, the words of a title ("Prime Minister", "Egyptian Foreign Minister": capitalised in
    a cased script) and words without letters or in capitals (a dateline's "10 (AFP) --")."""
    lead = text[s:m.start]
    cut = max(lead.rfind(c) for c in _CLAUSE_PUNCT) + 1
    allowed = {fold(w) for w in prof["list_glue"]} | _conjunct_title_words(lang)
    return all(fold(w) in allowed or w[:1].isupper() or w.isupper() or not any(ch.isalpha() for ch in w)
               for w in lead[cut:].split())


def _fronted_subject(text: str, s: int, m: Mention, lang: str, prof: dict[str, Any]) -> bool:
    """Whether ``m`` opens its clause (after a clause mark or a complementizer, with a conjunction glued
    to it: "فإن") with at most title words before it: a subject put before its verb in a verb-first
    language."""
    lead = text[s:m.start]
    cut = max(lead.rfind(c) for c in _CLAUSE_PUNCT) + 1
    comps = {fold(w) for w in prof["complementizers"]}
    allowed = {fold(w) for w in prof["list_glue"]} | _conjunct_title_words(lang) | comps
    conj = prof.get("verb_proclitics", "")
    words = lead[cut:].split()

    def comp(w: str) -> bool:
        return fold(w) in comps or (w[:1] in conj and fold(w[1:]) in comps)

    # a clause opens at its complementizer too: "وقال البيان إن X أبلغ …"
    last = max((k for k, w in enumerate(words) if comp(w)), default=-1)
    return all(fold(w) in allowed for w in words[last + 1:])


def _sentence_subject(text: str, people: list[Mention], s: int, pos: int, lang: str,
                      prof: dict[str, Any]) -> Mention | None:
    """The subject of the sentence that holds ``pos``: the first person, title, pronoun or institution
    before ``pos`` that opens a clause (``_subject_lead``); None when nobody does."""
    return next((m for m in people if s <= m.start and m.end <= pos and m.kind != "joint"
                 and _subject_lead(text, s, m, lang, prof)), None)


def _coordinated(text: str, s: int, cue, prof: dict[str, Any]) -> bool:
    """A cue coordinated with an earlier verb of its clause ("… and assured …") or a participle after a
    comma (", describing …"): its subject is that of the sentence."""
    prev = text[s:cue.start].split()[-1:]
    return bool(prev and prev[0].lower() in {w.lower() for w in prof["list_glue"]}) or \
        _participle_clause(text, cue, prof)


def _conjuncts(text: str, speaker: Mention, people: list[Mention], cue_start: int, s: int, lang: str,
               prof: dict[str, Any]) -> list[Mention]:
    """The other people of a coordinated subject ("A and B stressed …", "أكد A وB …"): persons or titles
    joined to the speaker by a conjunction alone, on the speaker's side of the cue, each of whom makes
    the claim (the gold conventions: a joint statement counts once per speaker)."""
    if speaker.kind not in ("person", "title"):
        return []
    glue = {fold(w) for w in prof["list_glue"]}
    out: list[Mention] = []
    before = speaker.end <= cue_start
    chain = [speaker]
    while True:
        edge = chain[-1]
        if before:
            cand = next((m for m in reversed(people) if m.end <= edge.start), None)
            between = text[cand.end:edge.start] if cand is not None else ""
        else:
            cand = next((m for m in people if m.start >= edge.end), None)
            between = text[edge.end:cand.start] if cand is not None else ""
        raw = between.split()
        title = _conjunct_title_words(lang)
        if cand is None or cand.kind not in ("person", "title") or not raw or fold(raw[0]) not in glue \
                or len(raw) > APPOSITION_WORDS or any(c in between for c in _CLAUSE_PUNCT) \
                or not all(fold(w) in title or w[:1].isupper() for w in raw[1:]):
            return out  # "and his Japanese counterpart B", "and Saudi Foreign Minister B": title words only
        if before and not _subject_lead(text, s, cand, lang, prof):
            return out
        out.append(cand)
        chain.append(cand)


def _later_conjuncts(text: str, speaker: Mention, people: list[Mention], cue_start: int,
                     prof: dict[str, Any]) -> list[Mention]:
    """The people joined by a conjunction alone after a speaker that opens its clause before the cue,
    up to the cue: in a subject-first clause the speaker found is the first conjunct ("A و B بر …
    تأکید کردند"), and each of the others makes the claim too."""
    if speaker.kind not in ("person", "title") or speaker.end > cue_start:
        return []
    glue = {fold(w) for w in prof["list_glue"]}
    out: list[Mention] = []
    edge = speaker
    while True:
        cand = next((m for m in people if m.start >= edge.end), None)
        if cand is None or cand.end > cue_start or cand.kind not in ("person", "title"):
            return out
        raw = text[edge.end:cand.start].split()
        if len(raw) != 1 or fold(raw[0]) not in glue:
            return out
        out.append(cand)
        edge = cand


def _open_quotation(text: str, s: int, pos: int, quotes: dict[str, str]) -> int:
    """Where the innermost quotation still open at ``pos`` begins (just after its opening mark),
    counting from the sentence start ``s``; ``s`` when none is open. Nested pairs close in order
    ("«A … «B» … and said»": at "said" the outer one is open)."""
    stack: list[tuple[str, int]] = []
    for i in range(s, pos):
        ch = text[i]
        if stack and ch == quotes.get(stack[-1][0]):
            stack.pop()
        elif ch in quotes:
            stack.append((ch, i + 1))
    return stack[-1][1] if stack else s


def _bare_title(m: Mention) -> bool:
    """A title that names no office holder: no dictionary person, no country or organisation to
    resolve it by ("the envoy", "رئيس هيئة …" where the body is not known), no name given to it."""
    return m.kind == "title" and m.actor is None and not m.country and not m.org and m.named is None \
        and m.group is None


def _truncated_title(view: View, m: Mention) -> bool:
    """A bare title that is only the head of a construct whose complement it lost ("رئيس" of "رئيس
    هيئة البيعة", "نائب رئيس …"): in a language with a definite article, its last word has none and
    a word follows it. Such a speaker is no one identifiable ("وزير الخارجية" is whole)."""
    data = _subject_words(view.lang)
    if data is None or not _bare_title(m):
        return False
    last = fold(m.text.split()[-1]) if m.text.split() else ""
    after = view.text[m.end:m.end + 2]
    return not last.startswith(data[0]) and bool(after) and after[0] == " " and after[1:2].isalpha()


def _holds(m: Mention, role: str | None, when: date | None) -> bool:
    """Whether the article's person ``m`` holds ``role``: by a title the article puts beside the name
    ("X, the UN envoy"), or by the dictionary on the document's date (at any date when it is unknown)."""
    if role is None or not m.is_person:
        return False
    if m.apposed_role is not None and m.apposed_role[0] == role:
        return True
    return m.actor is not None and m.actor.holds(role, None, None, when)


def _apposed_name(text: str, title: Mention, people: list[Mention], cue: int) -> Mention | None:
    """The person named right after a bare title, in apposition to it ("رئيس لجنة الصداقة … X"):
    within ``APPOSITION_WORDS`` words of it, no clause mark and not the cue between ("the spokesman
    said that X met Y" names no spokesman)."""
    # the body the title belongs to may stand between ("المتحدث باسم وزارة الخارجية X"): the next person
    nxt = next((m for m in people if m.start >= title.end and m.kind != "institution"), None)
    if nxt is None or nxt.sent != title.sent or nxt.kind != "person" or title.end <= cue <= nxt.start:
        return None
    between = text[title.end:nxt.start]
    if len(between.split()) > APPOSITION_WORDS:
        return None
    if any(c in between for c in _CLAUSE_PUNCT):
        # "أكد المتحدث باسم «الحركة» في اليمن، محمد X، أن …": a name set off by commas after the title's
        # phrase (a quoted body's name inside it) is in apposition to the title
        if not _set_off(text, between, nxt):
            return None
    return nxt


def _set_off(text: str, between: str, name: Mention) -> bool:
    """Whether ``name`` is set off by commas as an apposition: ``between`` (the words before it) ends
    with its only clause mark, a comma, quoted words aside, and a comma or a colon follows the name."""
    inner = between.rstrip()
    if not inner.endswith((",", "،")):
        return False
    inner = re.sub(r"[«“\"][^«»“”\"]*[»”\"]", "", inner[:-1])
    after = text[name.end:name.end + 2].lstrip()[:1]
    return not any(c in inner for c in _CLAUSE_PUNCT) and after in (",", "،", ":")


def _title_holder(lang: str, title: Mention, people: list[Mention], pos: int, when: date | None,
                  spoken: list[Mention] | None = None, content: tuple[int, int] | None = None) -> Mention | None:
    """Who a bare title that speaks refers to: the one person named before it who holds that office
    on the document's date ("Qureshi left for Kabul … the foreign minister said"), unless many hold it
    at once (``MANY_HOLDERS``) or the article names several holders (two foreign ministers: which one
    is not known); else the last title naming that office in full before it. None otherwise: the
    title speaks for itself. With ``spoken`` (the speakers so far), a holder who spoke before it is
    preferred (``_spoken_holder``); no one named inside the claim's own words (``content``) is its
    speaker."""
    before = [m for m in people if m.end <= pos and m is not title and not _inside(m, content)]
    holder = _spoken_holder(lang, title, before, spoken or [], when)
    if holder is None and title.role not in MANY_HOLDERS:
        holders = [m for m in before if _holds(m, title.role, when)]
        if len({m.identity or m.text for m in holders}) == 1:
            holder = holders[0]
    if holder is None:
        # "The UN envoy for Syria held talks … The envoy said": the same office named fully before
        holder = next((m for m in reversed(before) if m.kind == "title" and m.role == title.role
                       and m.actor is None and not _bare_title(m)), None)
    return holder


def _inside(m: Mention, span: tuple[int, int] | None) -> bool:
    """Whether ``m`` is named inside ``span`` (a claim's own words): "“I met Foreign Minister X,” the
    foreign minister said" names X as the one met, not as the speaker."""
    return span is not None and span[0] <= m.start and m.end <= span[1]


def _title_roles(lang: str, title: Mention) -> set[str]:
    """The roles a bare title may refer to: its own, and those of the ``claims.json`` ``offices`` row
    whose ``word`` is the title's head word ("envoy" is an ambassador's title and a special envoy's)."""
    roles = {title.role} if title.role else set()
    words = title.text.split()
    head = fold(words[-1]) if words else ""
    for row in load_json(lang, "claims.json").get("offices", []):
        if head and fold(row.get("word", "")) == head:
            roles.update(row["roles"])
    return roles


def _spoken_holder(lang: str, title: Mention, before: list[Mention], spoken: list[Mention],
                   when: date | None) -> Mention | None:
    """A definite description ("the envoy", "the foreign minister", «المبعوث») refers to the most
    salient holder of its office: of the people named before it who hold one of its roles
    (``_title_roles``), the one who spoke last, where that one was named after the last title naming
    the office in full ("The UN envoy held talks …. “…,” X told reporters. The envoy said …": X, not
    the office of the first sentence as a new, unnamed holder). That holds for an office many hold at
    once too: the one who spoke is the one the description picks out."""
    roles = _title_roles(lang, title)
    # a person holds the office where any of the article's mentions of them does ("Foreign Minister X
    # … X said": the title stands by the first)
    holding = {m.identity or m.text for m in before if any(_holds(m, r, when) for r in roles)}
    holder = next((m for m in reversed(spoken) if m.kind != UNNAMED and (m.identity or m.text) in holding), None)
    if holder is None:
        return None
    full = next((m for m in reversed(before) if m.kind == "title" and m.role in roles and m.actor is None
                 and not _bare_title(m)), None)
    return holder if full is None or full.end <= holder.end else None


@cache
def _subject_nouns(lang: str) -> tuple[tuple[tuple[str, ...], dict[str, Any], bool], ...]:
    """The document and office nouns of ``claims.json`` as folded word tuples, longest first, each with
    its row and whether it names a document."""
    data = load_json(lang, "claims.json")
    rows = [(data["documents"], True)] if "documents" in data else []
    rows += [(r, False) for r in data.get("offices", [])]
    out = [(tuple(fold(w) for w in pat.split()), row, doc) for row, doc in rows for pat in row["patterns"]]
    return tuple(sorted(out, key=lambda x: -len(x[0])))


def _word_spans(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The words of ``text[a:b]`` with their offsets, folded, punctuation stripped at either end."""
    out = []
    for m in re.finditer(r"\S+", text[a:b]):
        w = m.group()
        lead = len(w) - len(w.lstrip(_END_PUNCT))
        core = w.strip(_END_PUNCT)
        if core:
            out.append((a + m.start() + lead, a + m.start() + lead + len(core), fold(core)))
    return out


def _subject_noun(view: View, cue, s: int, e: int,
                  prof: dict[str, Any]) -> tuple[int, int, dict[str, Any], bool] | None:
    """A document or office noun standing as the cue's subject: right after a verb-first cue
    ("وأضاف البلاغ أن"), else right before the cue at the head of its clause ("the tweet added",
    "…,” the Minister said", "این اطلاعیه افزود"), or heading the clause with the name it governs
    between it and the cue ("بیانیه وزارت خارجه افزود"). Returns its span, row and whether it is a
    document."""
    text = view.text
    nouns = _subject_nouns(view.lang)
    if not nouns:
        return None
    if prof["speaker_after_cue"] == "always":
        words = _word_spans(text, cue.end, e)
        for pat, row, doc in nouns:
            if tuple(w[2] for w in words[:len(pat)]) == pat and text[cue.end:words[0][0]].strip() == "":
                return words[0][0], words[len(pat) - 1][1], row, doc
        return None
    head = s
    before = text[s:cue.start]
    marks = [i for i, ch in enumerate(before) if ch in _CLAUSE_MARKS or ch in _QUOTE_CLOSERS]
    if marks:
        head = s + marks[-1] + 1
    words = _word_spans(text, head, cue.start)
    for pat, row, doc in nouns:
        n = len(pat)
        if len(words) == n and tuple(w[2] for w in words) == pat:
            return words[0][0], words[-1][1], row, doc
        if doc and len(words) > n and tuple(w[2] for w in words[:n]) == pat:
            # the noun's governor fills the rest of the clause before the cue: "بیانیه وزارت خارجه افزود"
            return words[0][0], words[n - 1][1], row, doc
    # a noun phrase right before the verb, after a phrase with no comma: "During the meeting with X the
    # Head of State noted"; after a preposition, even one before a determiner of it, the noun is governed
    # ("X در این بیانیه اعلام کرد", "به وزیر گفت")
    governing = _governing_words(view.lang)
    ends = [(pat, row, doc) for pat, row, doc in nouns if len(words) > len(pat)
            and tuple(w[2] for w in words[-len(pat):]) == pat]
    if ends and not any(words[-len(pat) - 1][2] in governing for pat, _, _ in ends):
        pat, row, doc = ends[0]
        if not text[words[-len(pat) - 1][1]:words[-len(pat)][0]].strip():
            return words[-len(pat)][0], words[-1][1], row, doc
    return None


def _noun_speaker(view: View, noun: tuple[int, int, dict[str, Any], bool], people: list[Mention],
                  speakers_seen: list[Mention], pos: int, when: date | None) -> tuple[Mention | None, Mention | None]:
    """Who a document or an office noun that speaks stands for, and the noun as a mention (``via``,
    citing the row's id as its ``rule``). A document: the person or body it governs
    ("بيان الخارجية", "بیانیه وزارت خارجه": returned as the speaker, resolved like any subject, with
    no ``via``), else its issuer, the one who spoke last before it ("In a statement, the ministry
    said …. The communique added …"). An office: the person last named before it holding one of its
    roles ("Foreign Minister X arrived …. The Minister said …"). None where there is no one."""
    a, b, row, doc = noun
    text = view.text
    sent = view.sentence_of(a)
    via = Mention(a, b, "institution" if doc else "title", text[a:b], sent, rule=row["id"])
    if doc:
        after = _skip_ws(text, b, len(text))
        gov = next((m for m in people if m.sent == sent and m.kind != "pronoun"
                    and after <= m.start <= after + GOVERNOR_CLITIC_CHARS), None)
        if gov is not None:
            return gov, None
        issuer = next((m for m in reversed(speakers_seen) if m.kind != UNNAMED and m.end <= pos), None)
        return issuer, (via if issuer is not None else None)
    roles = set(row["roles"])
    holders = [m for m in reversed(people) if m.end <= pos and m.is_person and m.start != a and (
        (m.kind == "title" and m.role in roles and not _bare_title(m)) or any(_holds(m, r, when) for r in roles))]
    # the one whose title in the article has the office word goes first: "the Secretary" is the one
    # named "Secretary of State X", not "Defense Minister Y" named after him (both hold its roles)
    word = fold(row.get("word", ""))
    titled = [m for m in holders if word and word in _title_words(view, m)]
    holder = (titled or holders or [None])[0]
    return holder, (via if holder is not None else None)


def _title_words(view: View, m: Mention) -> set[str]:
    """The folded words of the title the article gives ``m``: a title mention's own, an apposed
    title's, and the words right before a name in its clause ("US Secretary of State X": the title
    stands before the name even where no title row matched it, as in "Secretary X")."""
    text = view.text
    spans = [(m.start, m.end)] if m.kind == "title" else []
    if m.title_span is not None:
        spans.append(m.title_span)
    s = view.sentences[m.sent][0]
    before = text[s:m.start]
    cut = max((i for i, ch in enumerate(before) if ch in _CLAUSE_PUNCT or ch == "\n"), default=-1)
    head = _word_spans(text, s + cut + 1, m.start)[-TITLE_BEFORE_NAME_WORDS:]
    words = {w for a, b in spans for _, _, w in _word_spans(text, a, b)}
    return words | {w for _, _, w in head}


def _quoted_end(text: str, m: Mention, quotes: dict[str, str]) -> int | None:
    """Where the closing mark ends when ``m`` alone stands in quotation marks («X», " X"), else None."""
    before = text[:m.start].rstrip()
    opener = before[-1:]
    if opener not in quotes:
        return None
    rest = text[m.end:]
    close = len(rest) - len(rest.lstrip())
    if rest[close:close + 1] != quotes[opener]:
        return None
    return m.end + close + 1


def _title_phrase(between: str, lang: str) -> bool:
    """Whether the words between an inverted cue and the name after it are the name's title phrase
    ("said Portuguese Prime Minister X", "said Foreign Minister X"): at most ``TITLE_PHRASE_WORDS``
    words, the last a title word of the language, each a title word or, in a cased script, capitalised
    (a demonym or a country before the title); "said on Monday X" has no title word."""
    words = between.split()
    titles = _conjunct_title_words(lang)
    return 0 < len(words) <= TITLE_PHRASE_WORDS and fold(words[-1]) in titles and all(
        fold(w) in titles or w[:1] != w[:1].lower() for w in words)


def _last_person(people: list[Mention], pos: int) -> Mention | None:
    for m in reversed(people):
        if m.start < pos and m.kind in ("person", "title") and (m.actor is not None or m.kind == "person"):
            return m
    return None


def _speaker(view: View, people: list[Mention], cue, s: int, e: int, row, prof: dict[str, Any]) -> Mention | None:
    text = view.text
    sent_people = [m for m in people if s <= m.start < e]
    # right after the cue, before any colon or quote: "قال الإمام الخامنئي:", "said Aliyev". A
    # verb-first language names the speaker after any cue ("always"), others only after a
    # quotation or a comma and a verb ('“…,” said Aliyev': "after_quote")
    always = prof["speaker_after_cue"] == "always"
    inverted = always or text[s:cue.start].rstrip()[-1:] in (",", "،", "”", "\"", "»")
    if always:
        # "فإن X أبلغ Y أنه …": a person right before a verb-first cue, opening its clause after at most a
        # complementizer, is its subject; the person after the verb is then its object
        pre = next((m for m in reversed(sent_people) if m.end <= cue.start), None)
        if pre is not None and pre.kind in ("person", "title") and not text[pre.end:cue.start].strip() \
                and _fronted_subject(text, s, pre, view.lang, prof):
            return pre
    for m in sent_people:
        if m.start >= cue.end:
            between = text[cue.end:m.start]
            if _quoted_end(text, m, _quote_pairs(view.lang)) is not None:
                # "أشاد «X» بجهود …": the press may set a name in quotation marks; its opening mark is
                # no quotation of what was said
                between = between.rstrip()[:-1]
            # "أكد وزراء خارجية الاتحاد الأوروبي": the members of a body speak for it
            glue = {fold(w) for w in prof["title_glue"]} | _group_words(view.lang)
            if m.kind == "institution" and (any(fold(w) not in glue for w in between.split())
                                            or row.get("form") != "verb"):
                # an institution names the speaker only right after a verb ("أعلنت وزارة الخارجية");
                # further on it is part of what was said ("موضحا أن الحكومة …")
                break
            # Arabic puts a descriptive phrase between verb and name: "صرح المتحدث الرسمي باسم الوزارة السفير X"
            if (len(between.split()) <= prof["speaker_after_cue_words"] or _title_phrase(between, view.lang)) and (
                    not any(c in between for c in ":«“\"،,.") or _set_off(text, between, m)):
                if inverted and (always or row.get("form") == "verb"):
                    return m
            break
    before = [m for m in sent_people if m.end <= cue.start]
    if not before:
        return None
    if prof["speaker_before_cue"] == "nearest":
        # the closest person before the cue whose clause reaches it: "Aliyev then ... noted"; an
        # institution only right before it ("the ministry also said"), not as the object of a verb
        # coordinated with the cue ("Aliyev thanked the Kremlin and said")
        glue = {w.lower() for w in prof["list_glue"]}
        preps = {fold(w) for w in prof["prepositions"]}
        # a participle's subject may follow "with" ("with the minister reiterating …"): no skipping
        suffix = prof.get("participle_suffix")
        absolute = bool(suffix) and text[cue.start:cue.end].lower().endswith(suffix)
        relatives = _words(view.lang, "relatives")
        titles = _conjunct_title_words(view.lang)
        for m in reversed(before):
            between = text[m.end:cue.start].split()
            if between[:1] == [","] or text[m.end:m.end + 1] == ",":
                between = text[m.end:cue.start].replace(",", " ", 1).split()
                if len(between) == 1 and fold(between[0]) in relatives:
                    return m  # "a summit with Y, who called it …": the relative pronoun's antecedent speaks
            if m.kind != "institution" and not absolute and _governed(text, s, m, preps, titles):
                continue  # "the sister of leader Y", "met with Y": Y is no subject
            if m.kind != "institution":
                subject = _sentence_subject(text, sent_people, s, cue.start, view.lang, prof)
                if subject is not None and subject is not m and (_coordinated(text, s, cue, prof) or (
                        any(c in text[m.end:cue.start] for c in _CLAUSE_MARKS)
                        and not _subject_lead(text, s, m, view.lang, prof))):
                    # "A thanked B and assured …", "A thanked B …, describing …", "A, the sister of B,
                    # warned …": a coordinated verb, a participle or a verb after an apposition has the
                    # sentence's subject, not the person named nearest before it
                    return subject
                return m
            # "the ministry, in a statement, said": a phrase set off by commas, or the document the
            # body spoke in, stands between them
            between = _between_subject(text[m.end:cue.start], view.lang)
            words = between.split()
            if len(words) <= ORG_CUE_WORDS and not any(c in between for c in _CLAUSE_PUNCT) \
                    and not glue & {w.lower() for w in words}:
                return m
        return None
    # "clause_subject": the first person not governed by a preposition, looked for after the last
    # comma before the cue, then in the whole sentence (so "در این دیدار که آقای روحانی … حضور
    # داشت، آقای علیاف … گفت" gives Aliyev).
    preps = set(prof["prepositions"])

    titles = _conjunct_title_words(view.lang)

    adverbial = _adverbial_spans(text, s, cue.start, view.lang)

    def free(m: Mention) -> bool:
        prev = text[max(s, m.start - PREP_WINDOW):m.start].split()
        if prev and prev[-1] in preps:
            return False
        if any(a <= m.start < b for a, b in adverbial):
            return False  # "X ضمن تشکر از Y … گفت": Y is the complement of the verbal noun
        # "با مقامات X": the preposition may stand before the title words of the person's phrase
        back = text[s:m.start].split()[-GOVERNED_LOOKBACK:]
        head = len(back)
        while back and fold(back[-1]) in titles:
            back.pop()
        return not (len(back) < head and back and back[-1] in preps)

    marker = prof["object_marker"]

    def marked_object(m: Mention) -> bool:
        # "… نخست‌وزیر اسرائیل را متهم کرد": a noun phrase before the object marker is the verb's object
        return bool(marker) and text[m.end:m.end + len(marker) + 2].split()[:1] == [marker]

    def subject(m: Mention, lo: int) -> bool:
        # an institution only where it opens its clause ("وزارت خارجه … اعلام کرد"), not as a genitive
        return free(m) and not marked_object(m) and (
            m.kind != "institution" or _clause_initial(text, lo, m, prof, _group_words(view.lang)))

    # a cue inside a quotation ("X announced: «Y praised … and said that …»") has its subject inside it
    floor = _open_quotation(text, s, cue.start, _quote_pairs(view.lang))
    before = [m for m in before if m.start >= floor]
    joined = _last_joiner(text, floor, cue.start, prof)
    if joined is not None and any(marked_object(m) for m in before if m.start >= joined) and not any(
            subject(m, joined) for m in before if m.start >= joined):
        # "A X را … خواند و Y را متهم کرد": a verb coordinated after "و" whose clause names only its
        # object has the subject of the first verb, the first person opening the sentence
        opener = next((m for m in before if subject(m, floor)), None)
        if opener is not None:
            return opener
    cuts = [floor] + [i + 1 for i in range(floor, cue.start) if text[i] in "،,"]
    for lo in reversed(cuts):  # the nearest comma-separated segment that names someone
        for m in before:
            if m.start >= lo and subject(m, lo):
                return m
    # a person governed by a preposition or marked as an object ("در دیدار با مقامات X درخواست
    # کردند") is never the subject, even where no other person is named
    return next((m for m in before if m.kind != "institution" and free(m) and not marked_object(m)), None)


@cache
def _adverbial_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    row = load_json(lang, "claims.json").get("adverbials") or {}
    return frozenset(fold(w) for w in row.get("openers", [])), frozenset(fold(w) for w in row.get("nouns", []))


def _adverbial_spans(text: str, s: int, pos: int, lang: str) -> list[tuple[int, int]]:
    """The adverbial phrases of a verbal noun in text[s:pos] (``claims.json`` ``adverbials``: "ضمن
    تشکر از …", "با اشاره به …"), each from its opener to the next clause mark or ``pos``: a person
    named inside one is the noun's complement, not the subject of the verb at ``pos``."""
    openers, nouns = _adverbial_words(lang)
    if not openers:
        return []
    spans = []
    words = list(re.finditer(r"\S+", text[s:pos]))
    for k, w in enumerate(words[:-1]):
        if fold(w.group()) in openers and fold(words[k + 1].group().strip(_END_PUNCT)) in nouns:
            a = s + w.start()
            ends = [i for i in (text.find(c, a, pos) for c in _CLAUSE_MARKS) if i >= 0]
            spans.append((a, min(ends, default=pos)))
    return spans


def _claim_span(view: View, cue, after: int, sent: tuple[int, int], nexts: tuple[int, int], row, quotes,
                prof: dict[str, Any], speaker: Mention | None, colon_next: bool = False,
                subject_end: int | None = None):
    """The claim's (start, end) and whether it is a quotation, or (None, False). ``sent``: the sentence
    from the end of the cue before this one; ``nexts``: the next cue in the sentence (or its end) and
    the next cue anywhere; ``colon_next``: a colon follows that next cue at once; ``subject_end``: where
    a subject of several people coordinated after the speaker ends."""
    text = view.text
    takes = row.get("takes", [])
    (lo, e), (nxt, nxt_any) = sent, nexts
    s = view.sentences[view.sentence_of(cue.start)][0]
    if "attribution" in takes and speaker is not None:
        return _attributed_span(text, cue, speaker, lo, nxt, quotes), False
    # a quotation just before the cue (and its speaker): “…,” Kalin said
    j = speaker.start if speaker is not None and speaker.end <= cue.start and \
        not text[speaker.end:cue.start].strip(" \n\t") else cue.start
    j -= 1
    while j > s and text[j] in " ,،\n\t":
        j -= 1
    if speaker is None:
        # “…,” the central bank said: step back over a short unnamed subject to the quotation
        back = max(s, cue.start - QUOTE_BEFORE_CUE_CHARS)
        m = re.search(r"[”\"»][,،]?\s+(?:\w+\s+){1,4}$", text[back:cue.start])
        if m:
            j = back + m.start()
    closers = {c: o for o, c in quotes.items() if o != c}
    # a straight quotation mark closes when an odd number of them open before it in its paragraph:
    # a quotation of several sentences opens sentences before its "…," X said
    para = text.rfind("\n", 0, j) + 1
    # a participle's complement follows it: in "شدد X على «…»، مكررا القول: «…»" the quotation before
    # "مكررا" is the verb's before it
    if "quote" in takes and row.get("form") != "participle" and j >= s and (
            text[j] in closers or (text[j] == '"' and text.count('"', para, j) % 2 == 1)):
        opener = closers.get(text[j], '"')
        open_at = text.rfind(opener, max(0, j - MAX_QUOTE_CHARS), j)
        if open_at >= 0:
            return (open_at + 1, j), True
    if prof.get("fronted_claims"):
        fronted = _fronted(text, cue, after, lo, nxt, speaker, prof, _words(view.lang, "relatives"))
        if fronted is not None:
            return fronted, False
    i = _skip_ws(text, after, e)
    # "وقال أردوغان في مؤتمر صحفي مشترك إن …", "… في كلمته الافتتاحية: «…»", "وأعرب الوزير خلال
    # اللقاء عن …": a short circumstantial phrase may stand between the speaker and the colon, the
    # complementizer or the preposition the cue governs
    governs = frozenset(w for t, ws in prof["claim_openers"].items() if t in takes for w in ws)
    # "told reporters on Monday that …", "told a news conference: …": the audience is the verb's
    # object, not part of the claim (``claims.json`` ``audiences``)
    i = _past_audience(view, i, nxt, prof)
    # a phrase set off by commas after a speaker named after the cue ("قال X، المتحدث باسم الوزارة، إن")
    set_off = speaker is not None and cue.end <= speaker.start and speaker.end <= after \
        and any(c in text[after:i] for c in _CLAUSE_MARKS)
    i = _past_circumstance(text, i, nxt, prof, governs, set_off)
    # a colon, possibly followed by a quotation
    if "colon" in takes and i < e and text[i] in ":：":
        j = _skip_ws(text, i + 1, len(text))
        if j < len(text) and text[j] in quotes:
            close = text.find(quotes[text[j]], j + 1)
            if 0 < close - j < MAX_QUOTE_CHARS:
                return (j + 1, close), True
        if nxt < e and colon_next:
            # "گفت: صبح دوشنبه در نشست خبری گفت: …": a speech verb said twice; what stands between
            # is the second one's time and place, and the claim is after its colon
            return None, False
        return _colon_run(view, i + 1, e, nxt, nxt_any), True
    # Persian "… افزود، X": a comma after a clause-final speech verb opens the claim as a colon would
    if "comma" in takes and i < e and any(c in text[after:i] for c in "،,"):
        return (i, nxt), False
    before = text[lo:cue.start].split()[-1:]
    if "phrase" in takes or (row.get("form") == "participle" and before and
                             before[0].lower() in prof["circumstance_words"]):
        # "با محکومیت X، …", "After stressing X, they signed …": an adverbial phrase ends at its comma
        comma = min((k for k in (text.find("،", i, nxt), text.find(",", i, nxt)) if k >= 0), default=nxt)
        return (i, comma), False
    # a quotation right after the cue (English: said, “…”)
    if "quote" in takes and i < len(text) and text[i] in quotes:
        close = text.find(quotes[text[i]], i + 1)
        if 0 < close - i < MAX_QUOTE_CHARS:
            return (i + 1, close), True
    # a complementizer
    words = list(re.finditer(r"\S+", text[i:nxt]))
    if "that" in takes and words:
        for w in words[:prof["complementizer_window"]]:  # "told the news agency that …"
            # "وأضاف أن: …": a colon glued to the complementizer is the claim's punctuation, not a word
            if w.group().strip(_COMPLEMENTIZER_TRAIL) in prof["complementizers"]:
                return (i + w.end(), _before_quotation(text, i + w.end(), nxt, quotes)), False
    # a preposition the cue governs opens its claim ("أكد على", "دعا إلى"): ``claim_openers``
    for take, openers in prof["claim_openers"].items():
        if take in takes and words and words[0].group() in openers:
            return (i + words[0].end(), nxt), False
    # a clause-final verb ("… بر X تأکید کرد.") has its claim before it; one followed by a clause of
    # its own ("تأکید کرد ایران …") has it after
    if "final" in takes and not ("object" in takes and len(words) >= MIN_CLAIM_WORDS):
        opened = text[lo:cue.start].split()[:1]
        if lo > s and opened and opened[0] in prof["complementizers"]:
            # "X گفت که Y دعوت Z را رد کرد": a clause-final verb after the complementizer of the cue before
            # it ends that cue's complement clause; its subject is in the clause, not the speaker
            return None, False
        start = max(speaker.end, subject_end or 0) if speaker is not None and speaker.end <= cue.start else s
        floor = _clause_floor(text, cue.start, s, prof["clause_joiners"])
        marker = prof["object_marker"]
        ra = text.rfind(f" {marker} ", start, floor) if marker else -1
        relative = ra >= 0 and f" {marker} " not in text[floor:cue.start] and any(
            w in prof["complementizers"] for w in text[ra:floor].split()[1:2])
        if not relative:
            # a joining word inside the object's relative clause ("X را که به کشته و مجروح شدن … منجر شد،
            # محکوم کرد") does not start the clause: the verb's object stays in its claim
            start = max(start, floor)
        # "…، X را Y خواندند": the claim starts with the object, after the last comma before its marker
        ra = text.rfind(f" {marker} ", start, cue.start) if marker else -1
        if ra > start:
            comma = max(text.rfind("،", start, ra), text.rfind(",", start, ra))
            if comma > start:
                start = comma + 1
        return (start, cue.start), False
    if "infinitive" in takes:
        # "called on the rebels to withdraw": the object and its to-infinitive; "called on the minister"
        # without one is a visit, no claim
        if _infinitive_object(view, i, nxt):
            return (i, _before_closer(text, i, _before_setting(view, i, nxt, prof), row)), False
        return None, False
    if "object" in takes and words:
        # a participle's subject is its sentence's, never after it ("… مؤكدا مسؤولية الدول …"): its
        # object opens right after it, whatever noun heads it; a finite verb's subject may stand first
        i = i if row.get("form") == "participle" else _object_head(view, i, nxt, prof, row.get("class"))
        if i is not None:
            return (i, _before_closer(text, i, _before_setting(view, i, nxt, prof), row)), False
    if "quoted_predicate" in takes and _quoted_predicate(view, cue, quotes):
        # "called the drills “a rehearsal for war”": the object and its quoted complement
        return (i, _before_setting(view, i, nxt, prof)), False
    if "as_predicate" in takes and _as_predicate(view, cue, prof):
        # "lauded as very good the positions …" is an evaluation; "lauded the people" is not a claim
        return (i, _before_setting(view, i, nxt, prof)), False
    # a quotation just before the cue: “…,” he said
    j = cue.start - 1
    while j > s and text[j] in " ,،\n":
        j -= 1
    closers = {c: o for o, c in quotes.items()}
    if j >= s and text[j] in closers and row.get("form") != "participle":
        open_at = text.rfind(closers[text[j]], max(0, j - MAX_QUOTE_CHARS), j)
        if open_at >= 0:
            return (open_at + 1, j), True
    return None, False


def _postposed_subject(view: View, speaker: Mention, cue, people: list[Mention], determiners: frozenset[str],
                       prof: dict[str, Any]) -> bool:
    """Whether a reporting clause put after its content has a subject of its own between its comma and
    the cue ("<clause>, the department said", "<clause>, the sides pointed out"), so that ``speaker``,
    named inside the clause before that comma, is not the speaker. The subject is a short noun phrase
    opened by a determiner (``determiners``); an apposition to the name ("X, spokesperson of …,
    tweeted", a title), a relative clause ("X, who …"), a circumstance ("X, in his remarks, said"), a
    coordinated verb (", and proposed") and a participle's clause (", bluntly expressing") are not."""
    text = view.text
    between = text[speaker.end:cue.start]
    comma = max(between.rfind(","), between.rfind("،"))
    if comma < 0 or not between[:comma].strip():
        return False  # the comma right after the name sets off its apposition or a clause about it
    suffix = prof.get("participle_suffix")
    if suffix and text[cue.start:cue.end].split()[0].lower().endswith(suffix):
        return False
    words = between[comma + 1:].split()
    if not 0 < len(words) <= FRONTED_SUBJECT_WORDS or fold(words[0]) not in determiners:
        return False
    start = speaker.end + comma + 1
    return not any(m.kind == "title" and start <= m.start < cue.start for m in people)


def _fronted(text: str, cue, after: int, lo: int, nxt: int, speaker: Mention | None,
             prof: dict[str, Any], relatives: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """"<clause>, X said after the talks." / "<clause>, he added.": in a language that may put the
    reporting clause after its content, the claim is the clause before the comma that precedes the
    speaker, when little but a circumstance follows the cue and the clause is not itself a
    circumstantial phrase ("In Tehran, X said …"). Not after a relative pronoun (``relatives``): in
    "…, which he said would be fair" the reporting clause is inside a relative clause and its claim
    follows the cue."""
    if speaker is not None and speaker.end <= cue.start:
        if len(text[speaker.end:cue.start].split()) > 1:
            return None
        subj = speaker.start
    else:  # "<clause>, said X", "<clause>, the ministry said"
        subj = cue.start
    # the comma before the subject, past a title or a short unnamed subject ("…, PM X said")
    comma = max(text.rfind(",", lo, subj), text.rfind("،", lo, subj))
    if comma < 0 or len(text[comma + 1:subj].split()) > FRONTED_SUBJECT_WORDS:
        return None
    if any(fold(w) in relatives for w in text[comma + 1:subj].split()):
        return None
    subj = comma + 1
    head = text[lo:subj].rstrip()
    if not head.endswith((",", "،")):
        return None
    clause = head[:-1].strip()
    words = clause.split()
    start = lo + (len(text[lo:subj]) - len(text[lo:subj].lstrip()))
    opens = start
    if len(words) < MIN_CLAIM_WORDS:
        return None
    if words[0].strip("\"“”«»'").lower() in prof["circumstance_words"]:
        # "In Tehran, X said …" is a circumstance; "With no deal in sight, both sides must keep talking,
        # X said" is a claim after its fronted adverbial phrase (``claims.json`` ``fronted_adverbial``)
        opens = _past_fronted_phrase(text, start, start + len(clause), prof["code"])
        if opens is None:
            return None
    rest = text[after:nxt].strip()
    tail = rest.split()
    own = rest.lstrip(",، ")
    opens_own = bool(own) and own[0] in ":：\"“«"
    if opens_own or any(w.strip(",،") in prof["complementizers"] for w in tail[:prof["complementizer_window"]]):
        return None  # the cue introduces a claim of its own after it
    circumstance = bool(tail) and tail[0].lower() in prof["circumstance_words"] and not any(
        w.strip(",،") in prof["complementizers"] for w in tail)
    if not rest.startswith((",", "،")) and len(tail) > FRONTED_TAIL_WORDS and not circumstance:
        return None
    return opens, start + len(clause)


@cache
def _object_heads(lang: str, cls: str | None) -> tuple[str, ...] | None:
    heads = load_json(lang, "claims.json").get("object_heads", {}).get(cls or "")
    return tuple(fold(h) for h in heads) if heads else None


def _object_head(view: View, i: int, nxt: int, prof: dict[str, Any], cls: str | None) -> int | None:
    """Where a direct-object claim starts: at ``i``, or, where the language lists the object heads of
    the cue's class, at the first of them within the words a subject may take ("أكدت وزارة الخارجية
    الروسية أهمية …" starts at أهمية); None when no head follows."""
    heads = _object_heads(view.lang, cls)
    if heads is None:
        return i
    conj = prof.get("verb_proclitics", "")
    for t in view.tokens_in(i, nxt)[:prof["speaker_after_cue_words"] + 1]:
        word = t.text[1:] if t.text[:1] in conj and len(t.text) > 3 else t.text
        if word.startswith(heads):
            return t.start
    return None


@cache
def _meeting_words(lang: str) -> Trie:
    return _rows_trie(load_json(lang, "meetings.json")["triggers"], "id")


def _before_setting(view: View, start: int, end: int, prof: dict[str, Any]) -> int:
    """A claim that is the cue's direct object ends before a phrase that sets the scene with a
    meeting: "praised the ties in his meeting with the envoy", "أشاد بالعلاقات خلال لقائه"."""
    toks = view.tokens_in(start, end)
    # "readiness for negotiations": a preposition of purpose (``claims.json`` ``purpose``) sets no scene
    circ = {fold(w) for w in prof["circumstance_words"]} - _words(view.lang, "purpose")
    for m in _meeting_words(view.lang).scan(toks, clitics=prof["proclitics"]):
        for k in range(max(1, m.first - SETTING_WORDS), m.first):
            if toks[k].text in circ:
                return toks[k].start
    return end


def _antecedent_outside(ref: Mention, people: list[Mention], content: tuple[int, int]) -> Mention:
    """A reference of no kind ("the statement", "it") whose antecedent is named inside the claim's own
    words, given instead the nearest body named before it outside them: in "The ministry issued a
    statement. “We value our work at the UN,” the statement added" the statement is the ministry's,
    the UN is what it speaks about. Returned as ``ref`` with that antecedent (without one where there is none
    within ``ANAPHOR_SENTENCES``); ``ref`` itself where its antecedent stands outside the claim."""
    if ref.antecedent is None or not _inside(ref.antecedent, content) or anaphor_kinds(ref.rule or ""):
        # a reference of a kind ("the council", "the ministry") names the body by its own noun, which
        # its words may name too: "“The Council stresses …,” the council said" is the Council's
        return ref
    ante = next(((m.antecedent or m) for m in reversed(people)
                 if m.kind == "institution" and m is not ref and m.end <= ref.start and m.role != "agency"
                 and not _inside(m, content) and ref.sent - m.sent <= ANAPHOR_SENTENCES
                 and (m.antecedent or m).role != "anaphor"), None)
    if ante is None:
        return replace(ref, antecedent=None)
    return replace(ref, antecedent=ante, label=ante.label, country=ante.country, org=ante.org, key=ante.key)


def _last_reference(people: list[Mention], ref: Mention) -> int:
    """The sentence of the last mention of the body ``ref`` refers to before it, by its name or by an
    earlier reference ("The ministry labelled … According to the statement, …")."""
    return max((m.sent for m in people if m.kind == "institution" and m.key == ref.key and m.end <= ref.start
                and m.role != "agency"), default=ref.antecedent.sent if ref.antecedent is not None else ref.sent)


def _opens_clause(text: str, s: int, pos: int, prof: dict[str, Any]) -> bool:
    """Whether only conjunctions stand between the last clause mark (or the sentence start) and ``pos``."""
    lead = text[s:pos]
    cut = max(lead.rfind(c) for c in _CLAUSE_PUNCT) + 1
    glue = {fold(w) for w in prof["list_glue"]}
    return all(fold(w) in glue for w in lead[cut:].split())


def _named_before(people: list[Mention], m: Mention) -> Mention | None:
    """For an institution named without its country or canonical name ("الخارجية", "the foreign
    ministry"), the last institution of the same kind named in full before it; else None."""
    if m.kind != "institution" or m.label or m.antecedent is not None or m.role in (None, "agency", "anaphor"):
        return None
    return next((p for p in reversed(people) if p.end <= m.start and p.kind == "institution"
                 and p.role == m.role and p.label), None)


def _attributed(view: View, people: list[Mention], cue, e: int) -> Mention | None:
    """The source an attribution phrase names: the first person, pronoun, title or institution after
    it in its sentence with nothing but title words between ("according to Foreign Minister X");
    None when the phrase names no one ("according to the plan")."""
    title = _conjunct_title_words(view.lang)
    m = next((m for m in people if cue.end <= m.start < e), None)
    if m is None:
        return None
    between = view.text[cue.end:m.start]
    if any(c in between for c in _CLAUSE_PUNCT) or not all(fold(w) in title for w in between.split()):
        return None
    return m


def _attributed_span(text: str, cue, speaker: Mention, lo: int, nxt: int,
                     quotes: dict[str, str]) -> tuple[int, int]:
    """The clause an attribution phrase goes with: what follows its source ("According to the
    statement, Iraq has not …"), or, when the phrase ends its clause ("…, according to the minister."),
    the clause before it."""
    i = _skip_ws(text, speaker.end, nxt)
    comma = min((k for k in (text.find(c, i, nxt) for c in ",،") if k >= 0), default=-1)
    if comma >= 0 and not any(c in text[i:comma] for c in _CLAUSE_PUNCT):
        # "According to the UN mission, X …": a fronted phrase runs to its comma; the source's noun
        # phrase goes on past the name it holds, and the claim is the clause after the comma
        i = _skip_ws(text, comma + 1, nxt)
    if text[i:i + 1] in (":", "："):
        # "وجاء في بيان الخارجية: «…»": a quotation after a colon, over several sentences if need be
        i = _skip_ws(text, i + 1, len(text))
        close = text.find(quotes[text[i]], i + 1) if text[i:i + 1] in quotes else -1
        if close > 0 and quotes[text[i]] == text[i]:
            # a straight mark may also quote a phrase inside ('… "ضبط المواقف" …'): the quotation runs
            # to the last one of its paragraph
            para = text.find("\n", i)
            close = text.rfind(text[i], i + 1, para if para > 0 else len(text))
        if 0 < close - i < MAX_QUOTE_CHARS:
            return i + 1, close
    if len(text[i:nxt].split()) >= MIN_CLAIM_WORDS:
        return i, nxt
    comma = max(text.rfind(",", lo, cue.start), text.rfind("،", lo, cue.start))
    return lo, comma if comma > lo else cue.start


def _past_fronted_phrase(text: str, start: int, end: int, lang: str) -> int | None:
    """Where a clause put before its reporting clause starts after the adverbial phrase that opens
    text[start:end] ("With no deal in sight, both sides must …"): past that phrase's comma within
    ``FRONTED_ADVERBIAL_WORDS`` words, when a clause of at least ``MIN_CLAIM_WORDS`` words that opens
    with no other such phrase follows it; None where the language has no ``claims.json``
    ``fronted_adverbial`` row, or the text is adverbial phrases only ("In the capital, on Monday")."""
    if "fronted_adverbial" not in load_json(lang, "claims.json"):
        return None
    if text[start:start + 1] in _QUOTE_CLOSERS + "“«'":
        return None  # a quotation is its speaker's words whole ("“During the call, …,” the statement said")
    if text[:start].rstrip(" \t")[-1:] not in ("", ".", "!", "?", "…", "\n"):
        # a fronted adverbial opens its sentence; "…,” he said at a meeting with A, B and C, X said" is
        # the circumstance of the cue before it
        return None
    for k, m in enumerate(re.finditer(r"\S+", text[start:end])):
        if k >= FRONTED_ADVERBIAL_WORDS:
            return None
        if m.group()[-1] in ",،":
            rest = text[start + m.end():end].split()
            if len(rest) < MIN_CLAIM_WORDS or fold(rest[0].strip(_END_PUNCT)) in _opening_words(lang):
                return None
            return _skip_ws(text, start + m.end(), end)
    return None


def _passive_object(view: View, cue, cs: int, prof: dict[str, Any]) -> bool:
    """Whether a claim right after a passive participle ("was recalled to the capital") would be its
    object: a passive verb has none, and what follows it is not what anyone said. Not a complement
    clause after a complementizer ("it was announced that …")."""
    suffix = prof.get("participle_suffix")
    if suffix and view.text[cue.start:cue.end].split()[0].lower().endswith(suffix):
        return False  # "is urging the rebels to …": the progressive, not the passive
    return bool(_words(view.lang, "passive")) and cue.end <= cs and _passive(view, cue) and not any(
        w.strip(_COMPLEMENTIZER_TRAIL) in prof["complementizers"] for w in view.text[cue.end:cs].split())


def _infinitive_object(view: View, i: int, end: int) -> bool:
    """Whether an object and its to-infinitive follow view[i:end] ("the rebels to withdraw"): the
    ``claims.json`` ``infinitive`` particle within ``PREDICATE_MARKER_WORDS`` words, before any clause
    punctuation."""
    particles = _words(view.lang, "infinitive")
    courtesy = {fold(w) for w in load_json(view.lang, "claims.json").get("infinitive", {}).get("courtesy_verbs", [])}
    words = list(re.finditer(r"\S+", view.text[i:end]))
    for k, m in enumerate(words):
        if k >= PREDICATE_MARKER_WORDS or any(c in _CLAUSE_PUNCT for c in m.group()):
            return False
        if k > 0 and fold(m.group()) in particles:
            # "called on the President to discuss ties": the purpose of a courtesy call, no demand
            return k + 1 < len(words) and fold(words[k + 1].group().strip(_END_PUNCT)) not in courtesy
    return False


def _postposed_report(view: View, start: int, end: int) -> int:
    """Where an indirect claim view[start:end] ends before a reporting clause that closes its sentence
    after a comma ("…, state news agency SPA reported"): the comma, when a verb of ``claims.json``
    ``postposed_reports`` follows it within ``FRONTED_SUBJECT_WORDS`` words and at most
    ``FRONTED_TAIL_WORDS`` words (its time) follow the verb; else ``end``."""
    verbs = _words(view.lang, "postposed_reports")
    text = view.text
    comma = max(text.rfind(",", start, end), text.rfind("،", start, end))
    if not verbs or comma <= start:
        return end
    words = [fold(w.strip(_END_PUNCT)) for w in text[comma + 1:end].split()]
    at = next((k for k, w in enumerate(words) if w in verbs), None)
    if at is None or not 0 < at <= FRONTED_SUBJECT_WORDS or len(words) - at - 1 > FRONTED_TAIL_WORDS:
        return end
    return _trim(text, start, comma)[1]


def _purpose_phrase(view: View, start: int, end: int, prof: dict[str, Any]) -> bool:
    """Whether view[start:end] holds a meeting noun after a preposition of purpose (``claims.json``
    ``purpose``: "readiness for negotiations"), which the scene of a direct-object claim would have cut."""
    purpose = _words(view.lang, "purpose")
    if not purpose:
        return False
    toks = view.tokens_in(start, end)
    return any(toks[k].text in purpose for m in _meeting_words(view.lang).scan(toks, clitics=prof["proclitics"])
               for k in range(max(0, m.first - SETTING_WORDS), m.first))


def _extent_rule(view: View, row: dict[str, Any], cue, lo: int, cs: int, ce: int,
                 prof: dict[str, Any]) -> tuple[int, int, str | None]:
    """An indirect claim's (start, end) and the ``claims.json`` row that set its extent, or None: an
    agency's reporting clause after it cut off (``postposed_reports``); a claim before its cue found
    after a fronted adverbial phrase (``fronted_adverbial``); a direct object running past a
    preposition of purpose (``purpose``)."""
    data = load_json(view.lang, "claims.json")
    text = view.text
    cut = _postposed_report(view, cs, ce)
    if cut < ce:
        return cs, cut, data["postposed_reports"]["id"]
    head = text[lo:cs].strip()
    if "fronted_adverbial" in data and ce <= cue.start and head.endswith((",", "،")) and \
            fold(head.split()[0].strip(_END_PUNCT)) in _opening_words(view.lang):
        return cs, ce, data["fronted_adverbial"]["id"]
    if {"object", "infinitive"} & set(row.get("takes", [])) and cue.end <= cs and not any(
            w.strip(_COMPLEMENTIZER_TRAIL) in prof["complementizers"] for w in text[cue.end:cs].split()) \
            and _purpose_phrase(view, cs, ce, prof):
        return cs, ce, data["purpose"]["id"]
    return cs, ce, None


def _before_closer(text: str, start: int, end: int, row: dict[str, Any]) -> int:
    """Where the object of a discontinuous compound ends: before the verb that closes the compound at
    the end of its clause ("خواستار گفتگو شد": the claim is "گفتگو"), else ``end``."""
    body = text[start:end].rstrip(_END_PUNCT)
    for closer in sorted(row.get("closers", ()), key=len, reverse=True):
        if body.endswith(" " + closer) or body.endswith("\u200c" + closer):
            return start + len(body) - len(closer) - 1
    return end


def _passive(view: View, cue) -> bool:
    """Whether the cue is a participle after a form of the passive auxiliary (``claims.json``
    ``passive``: "was called", "has been labeled") or the tail of a compound ("so-called")."""
    text = view.text
    prev = text[view.sentences[view.sentence_of(cue.start)][0]:cue.start].split()[-1:]
    return text[cue.start - 1:cue.start] == "-" or bool(prev and fold(prev[0]) in _words(view.lang, "passive"))


def _as_predicate(view: View, cue, prof: dict[str, Any]) -> bool:
    """A verb of describing in the active with its predicate marker ("as") among the
    ``PREDICATE_MARKER_WORDS`` words after it: "described the talks as frank"."""
    return not _passive(view, cue) and any(
        w.lower() in prof["predicate_markers"] for w in _predicate_window(view, cue))


def _predicate_window(view: View, cue) -> list[str]:
    """The words after a verb of characterization in which its object and complement stand: at most
    ``PREDICATE_CLAUSE_WORDS``, up to a word that opens another clause (``claims.json`` ``predicate``
    ``stops``: "that", "which", "while": "described the plan, which the envoy had drafted, as …" keeps
    only the plan) or a semicolon."""
    e = view.sentences[view.sentence_of(cue.start)][1]
    stops = frozenset(fold(w) for w in load_json(view.lang, "claims.json").get("predicate", {}).get("stops", []))
    out: list[str] = []
    for w in view.text[cue.end:e].split()[:PREDICATE_CLAUSE_WORDS]:
        if fold(w.strip(_END_PUNCT)) in stops:
            break
        out.append(w)
        if w.endswith(";"):
            break
    return out


def _indefinite_complement(view: View, words: list[str], quotes: dict[str, str]) -> bool:
    """Whether a verb of naming's object is followed by an indefinite noun phrase, its complement
    ("called the exercises a rehearsal", "called the drills near the border a “rehearsal for war”"):
    the first article of ``claims.json`` ``predicate`` ``articles`` after at least one word of the
    object, not before a noun of time (``time_nouns``: "called him a day later"). The object holds no
    particle ("called him to offer a …", "called on a …"); unless a quotation opens the complement it
    also holds no function word but a determiner, and no comma ("called him on Monday and made a …")."""
    row = load_json(view.lang, "claims.json").get("predicate", {})
    articles = frozenset(fold(w) for w in row.get("articles", []))
    times = frozenset(fold(w) for w in row.get("time_nouns", []))
    particles = _words(view.lang, "particles")
    # determiners may open the object ("called the new port a …"); other function words may not
    glue = (_words(view.lang, "dangling") - _words(view.lang, "attributive")) | _words(view.lang, "passive") | particles
    k = next((k for k, w in enumerate(words) if k and fold(w) in articles), None)
    if k is None or k + 1 >= len(words):
        return False
    obj, head = [fold(w.strip(_END_PUNCT)) for w in words[:k]], words[k + 1]
    if fold(head.strip(_END_PUNCT)) in times or any(w in particles for w in obj) or obj[-1] in glue:
        return False
    if head[:1] in quotes:
        return True
    return head[:1].isalpha() and not any(w in glue for w in obj) and \
        not any(w[-1:] in ",;:" for w in words[:k])


def _quoted_predicate(view: View, cue, quotes: dict[str, str]) -> bool:
    """A verb of naming in the active ("called X “Y”") with a quotation opening among the
    ``PREDICATE_MARKER_WORDS`` words after it, before the end of the sentence: the quoted object
    complement is the speaker's evaluation. Without one, "called" is a phone call ("called Y on Monday")."""
    if _passive(view, cue):
        return False
    e = view.sentences[view.sentence_of(cue.start)][1]
    words = view.text[cue.end:e].split()
    if words and fold(words[0].strip(_END_PUNCT)) in _words(view.lang, "particles"):
        return False  # a phrasal verb: "called on X to …", "called off the talks"
    if any(w[:1] in quotes for w in words[:PREDICATE_MARKER_WORDS]):
        return True
    # a longer object before an indefinite complement: "called the drills held near the border
    # last month a “rehearsal for war”", "called the country a reliable partner"
    return _indefinite_complement(view, _predicate_window(view, cue), quotes)


def _can_open(view: View, cue, prof: dict[str, Any], quotes: dict[str, str]) -> bool:
    """Whether a cue can open a claim of its own, and so end the one before it: it takes a direct
    complement, or the colon, quotation, complementizer or preposition it needs follows it closely."""
    row = cue.payloads[0]
    takes = row.get("takes", [])
    if "attribution" in takes:
        return False  # "…, according to X" ends no claim: it is inside one or names the source of its clause
    if "quoted_predicate" in takes:
        # "called" opens a claim only with its complement ("called X “Y”", "labeled X as Y"): "the
        # minister who called him on Monday" ends nothing
        return _quoted_predicate(view, cue, quotes) or ("as_predicate" in takes and _as_predicate(view, cue, prof))
    if any(t in takes for t in ("object", "final", "phrase", "as_predicate", "comma")):
        return True
    text = view.text
    e = view.sentences[view.sentence_of(cue.start)][1]
    if "infinitive" in takes:
        return _infinitive_object(view, cue.end, e)
    window = prof["complementizer_window"] + prof["speaker_after_cue_words"]
    words = text[cue.end:e].split()[:window]
    before = text[max(0, cue.start - 3):cue.start].strip(" ,،")
    near = words[:prof["speaker_after_cue_words"] + 1]  # the cue, perhaps its speaker, then ":" or “
    if "quote" in takes and (any(w[:1] in quotes for w in near) or before[-1:] in quotes.values()):
        return True
    if "colon" in takes and any(":" in w or "：" in w for w in near):
        return True
    if "that" in takes and any(w.strip(_COMPLEMENTIZER_TRAIL) in prof["complementizers"] for w in words):
        return True
    return any(t in takes and words and words[0] in openers for t, openers in prof["claim_openers"].items())


def _embedded_report(view: View, start: int, cue, subjects: list[Mention], prof: dict[str, Any]) -> bool:
    """Whether ``cue`` is the verb of a report inside the complement clause that opens at ``start``: a
    finite verb with its own subject there, named right before it ("… said that B has announced …") or
    a short noun phrase that is all of the clause before it ("… said the senator praised …"), with no
    coordinating conjunction, relative pronoun or subordinator before it to open a clause beside the
    complement ("…, and B noted …", "…, who said …")."""
    text = view.text
    if cue.payloads[0].get("form") == "participle" or view.sentence_of(start) != view.sentence_of(cue.start):
        return False  # "…, adding that": a participle's subject is the main clause's
    subject = max((m for m in subjects if start <= m.start and m.end <= cue.start), key=lambda m: m.end,
                  default=None)
    if subject is None:
        words = text[start:cue.start].split()
        return 1 < len(words) <= EMBEDDED_NOUN_WORDS and fold(words[0]) in _words(view.lang, "attributive") \
            and not any(c in text[start:cue.start] for c in _CLAUSE_PUNCT)
    gap = text[subject.end:cue.start]
    if len(gap.split()) > EMBEDDED_SUBJECT_GAP or any(c in gap for c in _CLAUSE_PUNCT):
        return False  # "B, who …", "B's visit, he said": the verb is not B's
    # "… said he and B confirmed …": people coordinated right before the verb are its subject, and
    # their conjunction coordinates no verb
    glue = {fold(w) for w in prof["list_glue"]}
    lead = subject.start
    while True:
        prev = max((m for m in subjects if start <= m.start and m.end <= lead), key=lambda m: m.end, default=None)
        link = [] if prev is None else text[prev.end:lead].split()
        if not link or any(fold(w) not in glue for w in link):
            break
        lead = prev.start
    # "… sever ties with B and reiterated …": a conjunction anywhere else before the verb coordinates it
    before = [fold(w.strip(_END_PUNCT)) for w in (*text[start:lead].split(), *gap.split())]
    openers = glue | _words(view.lang, "relatives")
    if any(w in openers for w in before) or any(
            tuple(before[k:k + len(p)]) == p for p in _subordinators(view.lang) for k in range(len(before))):
        return False
    return not any(c in text[start:cue.start] for c in ".!?؟;؛")


def _past_embedded(view: View, cues: list, ci: int, start: int, subjects: list[Mention], prof: dict[str, Any],
                   quotes: dict[str, str]) -> int:
    """Where the claim of ``cues[ci]`` whose complement opens at ``start`` ends: at the next cue that can
    open a claim, past every report embedded in the one before ("A said that B announced that C told
    D …" is all A's), or the end of the text."""
    for c in cues[ci + 1:]:
        if not _can_open(view, c, prof, quotes):
            continue
        if not _embedded_report(view, start, c, subjects, prof):
            return c.start
        start = c.end
    return len(view.text)


def _colon_run(view: View, start: int, e: int, nxt: int, nxt_any: int) -> tuple[int, int]:
    """A colon's claim without quotation marks: the rest of the sentence, and the sentences after it in
    the same paragraph up to the next cue (at most ``COLON_SENTENCES``); a colon that ends its line
    opens the next paragraph ("… تأکید کردند:\n<the claim>")."""
    text = view.text
    si = view.sentence_of(start)
    if text[start:e].strip():
        end = nxt
        if nxt < e:
            return start, end
    else:
        if si + 1 >= len(view.sentences):
            return start, nxt
        si += 1
        start, end = view.sentences[si]
        end = min(end, nxt_any)
    for _ in range(COLON_SENTENCES - 1):
        if si + 1 >= len(view.sentences):
            break
        ns, ne = view.sentences[si + 1]
        if "\n" in text[end:ns] or ns >= nxt_any or len(text[start:min(ne, nxt_any)].split()) > COLON_RUN_WORDS:
            break
        si += 1
        end = min(ne, nxt_any)
    return start, end


@cache
def _audience_trie(lang: str) -> Trie:
    row = load_json(lang, "claims.json").get("audiences")
    return _rows_trie([row]) if row else Trie()


def _past_speaker_phrase(text: str, i: int, mentions: list[Mention], prof: dict[str, Any]) -> int:
    """Past the rest of a speaker's noun phrase after a verb-first cue: the body a title belongs to and
    the name in apposition to it ("قال المتحدث باسم وزارة الخارجية الصينية X للصحفيين إن …"), each a
    mention that follows the one before with only spaces or title glue ("جمهورية") between. The
    claim's complementizer, colon or preposition is looked for after them; so is a person coordinated
    with the speaker ("دعا X وY إلى …": the conjunction, ``list_glue``, between the two)."""
    glue = {fold(w) for w in (*prof["title_glue"], *prof["list_glue"])}
    while True:
        nxt = next((m for m in mentions if m.start >= i and m.end > i
                    and all(fold(w) in glue for w in text[i:m.start].split())
                    and not any(c in text[i:m.start] for c in _CLAUSE_PUNCT)), None)
        if nxt is None:
            return i
        i = nxt.end


def _past_audience(view: View, i: int, nxt: int, prof: dict[str, Any]) -> int:
    """Past an audience noun phrase opening at ``i`` ("reporters", "a joint news conference"), or ``i``."""
    toks = view.tokens_in(i, nxt)
    last = max((m.last for m in _audience_trie(view.lang).scan(toks, clitics=prof["proclitics"]) if m.first == 0),
               default=0)
    return _skip_ws(view.text, toks[last - 1].end, nxt) if last else i


@cache
def _speech_adjuncts(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The prepositions that may open the document a body spoke in (``_between_subject``), and the
    last words of the ``documents`` nouns that head it."""
    preps = _governing_words(lang) | {fold(w) for w in profile(lang)["circumstance_words"]}
    return preps, frozenset(pat[-1] for pat, _row, doc in _subject_nouns(lang) if doc)


def _between_subject(between: str, lang: str) -> str:
    """The words between a body and its verb, less a phrase set off by commas ("The bank, citing its
    own figures, said") and less the document it spoke in: a preposition and, within
    ``SPEECH_ADJUNCT_WORDS`` words, a document noun ("The ministry in a statement said", "X در این
    بیانیه اعلام کرد": ``claims.json`` ``documents``)."""
    words = _PARENTHETICAL.sub(" ", between).split()
    preps, heads = _speech_adjuncts(lang)
    for k, w in enumerate(words):
        if fold(w) not in preps:
            continue
        for j in range(k + 1, min(k + 1 + SPEECH_ADJUNCT_WORDS, len(words))):
            if any(fold(words[j]).startswith(h) for h in heads):
                return " ".join(words[:k] + words[j + 1:])
    return " ".join(words)


def _past_circumstance(text: str, i: int, nxt: int, prof: dict[str, Any],
                       governed: frozenset[str] = frozenset(), set_off: bool = False) -> int:
    """Skip a few words opening with a circumstantial word (``circumstance_words``: في مؤتمر صحفي،
    عقب اللقاء، للصحفيين) when a colon, a complementizer or one of ``governed`` (the preposition the
    cue governs: عن after أعرب) follows them; else stay at ``i``. ``set_off``: a comma opened the
    phrase, so any phrase that a comma closes right before the colon, complementizer or preposition is
    a parenthetical, whatever its first word ("قال X، المتحدث باسم الوزارة، إن …": an apposition)."""
    openers = tuple(prof["circumstance_words"])
    limit = SET_OFF_WORDS if set_off else CIRCUMSTANCE_WORDS
    words = list(re.finditer(r"[^\s:：]+|[:：]", _unquote_names(text[i:nxt])))[:limit + 1]
    if not words:
        return i
    opened = bool(openers) and words[0].group().startswith(openers)
    preps = {w for ws in prof["claim_openers"].values() for w in ws}
    if not opened and not set_off:
        return i
    for k, w in enumerate(words[1:], 1):
        g = w.group()
        if g in (":", "：") or g.strip("،,") in prof["complementizers"] or g in governed:
            if opened:
                return i + w.start()
            # a parenthetical ends with its comma ("قال X، وزير الخارجية إن" has no closing one), before
            # the complementizer or the preposition that governs it ("أشار X، …، إلى أن")
            j = k - 1
            if j > 0 and words[j].group() in preps:
                j -= 1
            return i + words[j + 1].start() if words[j].group()[-1:] in _CLAUSE_MARKS else i
        if any(c in g for c in ".«“\""):
            break
    return i


@cache
def _subject_modifiers(lang: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """``claims.json`` ``subject_modifiers``: its id, the relative pronouns and the adverbs of time."""
    row = load_json(lang, "claims.json").get("subject_modifiers")
    if not row:
        return None
    return row["id"], frozenset(fold(w) for w in row["relatives"]), frozenset(fold(w) for w in row["time_adverbs"])


def _past_subject_modifier(text: str, i: int, e: int, row: dict[str, Any], prof: dict[str, Any],
                           lang: str) -> tuple[int, str | None]:
    """Past what may follow a subject named after its verb before the claim's complementizer, colon or
    governed preposition (``claims.json`` ``subject_modifiers``): an adverb of time ("أعرب الوزير
    الأحد عن …") or a relative clause on the subject that a comma closes right before it ("وأضاف
    الوزير الذي عاد من الرحلة، أن …"). Returns where the complement's opener stands and the row's id,
    or ``i`` and None when nothing of the kind is there."""
    shape = _subject_modifiers(lang)
    if shape is None:
        return i, None
    rid, relatives, adverbs = shape
    takes = row.get("takes", [])
    governs = {w for t, ws in prof["claim_openers"].items() if t in takes for w in ws}
    comps = {fold(w) for w in prof["complementizers"]} if "that" in takes else set()
    colon = "colon" in takes

    def opener(w: str) -> bool:
        return (colon and w in (":", "：")) or fold(w.strip(_COMPLEMENTIZER_TRAIL)) in comps or w in governs

    words = list(re.finditer(r"[^\s:：]+|[:：]", text[i:e]))[:RELATIVE_CLAUSE_WORDS + 2]
    if len(words) < 2:
        return i, None
    first = words[0].group()
    if fold(first.strip(_CLAUSE_MARKS)) in adverbs:
        # one adverb, with or without its commas, then the opener: "قال X، الأحد، إن …"
        return (i + words[1].start(), rid) if opener(words[1].group()) else (i, None)
    if fold(first) not in relatives:
        return i, None
    for k in range(2, len(words)):
        g = words[k - 1].group()
        if any(c in g for c in _SENTENCE_END):
            break  # a relative clause does not run over a sentence's end or into a quotation
        if g[-1:] in _CLAUSE_MARKS:
            # the comma closes the relative clause; the word after it must open the claim
            return (i + words[k].start(), rid) if opener(words[k].group()) else (i, None)
    return i, None


_QUOTED_NAME = re.compile(rf"[«“\"]([^«»“”\".:!?؟\n]{{1,{QUOTED_NAME_CHARS}}})[»”\"]")


def _unquote_names(segment: str) -> str:
    """``segment`` with the marks around a short quoted name blanked (same length): "عبر منصة “إكس”"
    is a noun phrase like any other, while a mark left open starts a quotation."""
    return _QUOTED_NAME.sub(lambda m: f" {m.group(1)} ", segment)


def _before_quotation(text: str, start: int, end: int, quotes: dict[str, str]) -> int:
    """An indirect claim ends where a colon opens a quotation: "told the agency that X: “…”, Kalin
    said" reports X; the quotation is the next speaker's claim."""
    opener = "".join(re.escape(q) for q in quotes)
    m = re.compile(rf"[:：]\s*[{opener}]").search(text, start, end) if opener else None
    return m.start() if m else end


def _last_joiner(text: str, lo: int, pos: int, prof: dict[str, Any]) -> int | None:
    """Where the clause after the last word joining clauses ("و") before ``pos`` starts, or None."""
    words = [w for w in prof["clause_joiners"] if w.isalpha()]
    if not words:
        return None
    last = None
    for last in re.finditer(r"(?:^|\s)(?:" + "|".join(map(re.escape, words)) + r")\s", text[lo:pos]):  # noqa: B007
        pass
    return lo + last.end() if last is not None else None


def _clause_floor(text: str, pos: int, s: int, joiners: list[str]) -> int:
    """Start of the clause that ends at a clause-final cue: after the last word joining clauses
    ("و"), when that leaves a clause of some length."""
    if not joiners:
        return s
    joined = re.compile(r"(?:^|\s)(?:" + "|".join(map(re.escape, joiners)) + r")\s")
    last = None
    for last in joined.finditer(text[s:pos]):  # noqa: B007 - we want the last one
        pass
    return s + last.end() if last is not None and (pos - (s + last.end())) > CLAUSE_FLOOR_MIN_CHARS else s

"""Claims: who said what, with the speaker resolved through names, titles and pronouns.

A reporting cue (``lang/<code>/cues.jsonl``) opens a claim. Its text is, by the first form that
fits: a quotation right after the cue (“…”, «…», "…", possibly over several sentences); the rest
of the sentence after a colon ("قال سماحته: …"); the clause after a complementizer (أن، إن، که,
that); the clause that follows the cue directly (رأى، اعتبر، described…); or, for Persian
clause-final verbs ("… را … خواندند"), the words between the speaker and the verb. Text ends
where the next cue begins.

The speaker is the person the cue points to (after a verb-initial Arabic cue, before an
English or Persian one); a pronoun, honorific or missing subject ("سماحته", "ایشان", "he",
"وأضاف:") is the most recent speaker. An unresolvable speaker keeps its text with name null.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from .lang import load_jsonl, profile
from .lexicon import Trie
from .mentions import Mention
from .normalize import match_keys
from .view import View

if TYPE_CHECKING:
    from .meetings import Meeting

_COMPLEMENTIZERS = {"ar": ("أن", "إن", "ان", "بأن", "بان", "انه", "أنه", "إنه"), "fa": ("که",), "en": ("that",)}
_PREPS = {"ar": ("مع", "ب", "الى", "إلى", "عن", "من", "مع"), "fa": ("با", "از", "به", "برای"),
          "en": ("with", "to", "by", "of", "from", "for")}
_END_PUNCT = ".،,؛;:!?؟ \n\t\"'«»“”"


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
    joint: bool = False  # made by all parties of a meeting: the speakers come from ``joint_speakers``


@cache
def _cue_trie(lang: str) -> Trie:
    t = Trie()
    for row in load_jsonl(lang, "cues.jsonl"):
        for pat in row["patterns"]:
            for k in match_keys(pat):
                t.add(k, row)
    return t


def _quote_pairs(lang: str) -> dict[str, str]:
    return {o: c for o, c in profile(lang)["quote_pairs"]}


def _skip_ws(text: str, i: int, limit: int) -> int:
    while i < limit and text[i] in " \t\n,،":
        i += 1
    return i


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _END_PUNCT:
        s += 1
    while e > s and text[e - 1] in _END_PUNCT:
        e -= 1
    return s, e


def extract_claims(view: View, mentions: list[Mention]) -> list[Claim]:
    """Claims in text order. A joint statement ("أكدا", "the two ministers stressed") is one claim
    marked ``joint`` with no speaker yet: ``joint_speakers`` gives it the parties of its meeting."""
    lang = view.lang
    text = view.text
    tokens = view.tokens
    cues = list(_cue_trie(lang).scan(tokens, clitics=lang == "ar"))
    quotes = _quote_pairs(lang)
    speakers_seen: list[Mention] = []
    claims: list[Claim] = []
    people = [m for m in mentions if m.kind in ("person", "title", "pronoun", "joint") and m.role != "counterpart"]
    orgs = [m for m in mentions if m.kind == "org"]
    by_sent: dict[int, list[Mention]] = {}
    for p in people:
        by_sent.setdefault(p.sent, []).append(p)
    consumed_until = -1
    last_in_sentence: dict[int, Mention] = {}
    for ci, cue in enumerate(cues):
        row = cue.payloads[0]
        si = view.sentence_of(cue.start)
        s, e = view.sentences[si]
        if cue.start < consumed_until:
            continue  # inside a quotation already taken
        nxt_cue = next((c.start for c in cues[ci + 1:] if c.start < e), e)
        speaker, via = _speaker(view, by_sent.get(si, []), cue, s, e, row, lang)
        if speaker is None:
            # no person names the speaker: an organisation right before the cue may ("the ECB said")
            org = next((o for o in reversed(orgs) if s <= o.start and o.end <= cue.start
                        and len(view.text[o.end:cue.start].split()) <= 2), None)
            speaker = org
        if row.get("form") == "participle" and si in last_in_sentence and (
                speaker is None or speaker.end <= cue.start):
            speaker = last_in_sentence[si]  # "أشار الرئيس علييف إلى … بقوله:": the clause's speaker
        if speaker is not None and speaker.kind != "pronoun":
            last_in_sentence[si] = speaker
        after = cue.end
        if speaker is not None and speaker.start >= cue.end:
            after = max(after, speaker.end)
        span, direct = _claim_span(view, cue, after, s, e, nxt_cue, row, quotes, lang, speaker)
        if span is None:
            continue
        cs, ce = _trim(text, *span)
        if len(text[cs:ce].split()) < 3:
            continue
        if direct and ce > e:
            consumed_until = ce
        if row.get("joint") or (speaker is not None and speaker.kind == "joint"):
            claims.append(Claim(cs, ce, direct, (cue.start, cue.end, row["id"]), None, "pronoun",
                                speaker if speaker is not None and speaker.kind == "joint" else None, si, joint=True))
            continue
        resolution = "name"
        if speaker is None and lang == "en" and _unnamed_subject(text, s, cue.start):
            # "The Turkish presidency told …": someone unnamed spoke, not the last person named
            claims.append(Claim(cs, ce, direct, (cue.start, cue.end, row["id"]), None, "name", None, si))
            continue
        if speaker is None or speaker.kind == "pronoun":
            prev = speakers_seen[-1] if speakers_seen else _last_person(people, cue.start)
            via = speaker
            speaker = prev
            resolution = "pronoun"
        elif speaker.kind == "title":
            resolution = "title"
        if speaker is not None and speaker.kind == "title" and resolution == "pronoun":
            resolution = "pronoun"
        if speaker is not None and (speaker.actor is not None or speaker.kind in ("person", "org")):
            speakers_seen.append(speaker)
        claims.append(Claim(cs, ce, direct, (cue.start, cue.end, row["id"]), speaker, resolution, via, si))
    return claims


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


def _unnamed_subject(text: str, s: int, cue: int) -> bool:
    """An English clause whose subject before the cue is a noun phrase, not a pronoun or nothing."""
    clause = re.split(r"[,;:“”\"]", text[s:cue])[-1].split()
    return bool(clause) and clause[-1].lower() not in ("he", "she", "they", "also", "then", "later", "and")


def _last_person(people: list[Mention], pos: int) -> Mention | None:
    for m in reversed(people):
        if m.start < pos and m.kind in ("person", "title") and (m.actor is not None or m.kind == "person"):
            return m
    return None


def _speaker(view: View, people: list[Mention], cue, s: int, e: int, row, lang: str):
    text = view.text
    sent_people = [m for m in people if s <= m.start < e]
    # right after the cue, before any colon or quote: "قال الإمام الخامنئي:", "said Aliyev"
    inverted = lang == "ar" or text[s:cue.start].rstrip()[-1:] in (",", "،", "”", "\"", "»")
    for m in sent_people:
        if m.start >= cue.end:
            between = text[cue.end:m.start]
            # Arabic puts a descriptive phrase between verb and name: "صرح المتحدث الرسمي باسم الوزارة السفير X"
            if len(between.split()) <= (8 if lang == "ar" else 1) and not any(c in between for c in ":«“\"،,."):
                # Arabic is verb-first; elsewhere only '“…,” said Aliyev' puts the speaker after
                if inverted and (lang == "ar" or row.get("form") == "verb"):
                    return m, None
            break
    before = [m for m in sent_people if m.end <= cue.start]
    if not before:
        return None, None
    if lang == "en":
        # the closest person before the cue whose clause reaches it: "Aliyev then ... noted"
        return before[-1], None
    # Persian and Arabic SVO: the clause's subject, i.e. the first person not governed by a
    # preposition, looked for after the last comma before the cue, then in the whole sentence
    # (so "در این دیدار که آقای روحانی … حضور داشت، آقای علیاف … گفت" gives Aliyev).
    def free(m: Mention) -> bool:
        prev = text[max(s, m.start - 8):m.start].split()
        return not (prev and prev[-1] in _PREPS.get(lang, ()))

    cuts = [s] + [i + 1 for i in range(s, cue.start) if text[i] in "،,"]
    for lo in reversed(cuts):  # the nearest comma-separated segment that names someone
        for m in before:
            if m.start >= lo and free(m):
                return m, None
    return before[0], None


def _claim_span(view: View, cue, after: int, s: int, e: int, nxt: int, row, quotes, lang: str,
                speaker: Mention | None):
    text = view.text
    takes = row.get("takes", [])
    # a quotation just before the cue (and its speaker): “…,” Kalin said
    j = speaker.start if speaker is not None and speaker.end <= cue.start and \
        not text[speaker.end:cue.start].strip(" \n\t") else cue.start
    j -= 1
    while j > s and text[j] in " ,،\n\t":
        j -= 1
    if speaker is None:
        # “…,” the central bank said: step back over a short unnamed subject to the quotation
        m = re.search(r"[”\"»][,،]?\s+(?:\w+\s+){1,4}$", text[max(s, cue.start - 60):cue.start])
        if m:
            j = max(s, cue.start - 60) + m.start()
    closers = {c: o for o, c in quotes.items() if o != c}
    if "quote" in takes and j >= s and (text[j] in closers or (text[j] == '"' and text.count('"', s, j) % 2 == 1)):
        opener = closers.get(text[j], '"')
        open_at = text.rfind(opener, max(0, j - 3000), j)
        if open_at >= 0:
            return (open_at + 1, j), True
    i = _skip_ws(text, after, e)
    if lang == "ar":
        # "وقال أردوغان في مؤتمر صحفي مشترك إن …", "… في كلمته الافتتاحية: «…»": a short
        # circumstantial phrase may stand between the speaker and the colon or complementizer
        i = _past_circumstance(text, i, nxt)
    # a colon, possibly followed by a quotation
    if "colon" in takes and i < e and text[i] in ":：":
        j = _skip_ws(text, i + 1, len(text))
        if j < len(text) and text[j] in quotes:
            close = text.find(quotes[text[j]], j + 1)
            if 0 < close - j < 3000:
                return (j + 1, close), True
        return (i + 1, nxt), True
    # Persian "… افزود، X": a comma after a clause-final speech verb opens the claim as a colon would
    if "comma" in takes and i < e and any(c in text[after:i] for c in "،,"):
        return (i, nxt), False
    # a quotation right after the cue (English: said, “…”)
    if "quote" in takes and i < len(text) and text[i] in quotes:
        close = text.find(quotes[text[i]], i + 1)
        if 0 < close - i < 3000:
            return (i + 1, close), True
    # a complementizer
    words = list(re.finditer(r"\S+", text[i:nxt]))
    if "that" in takes and words:
        for w in words[:5 if lang == "en" else 3]:  # "told the news agency that …"
            if w.group().strip("،,") in _COMPLEMENTIZERS.get(lang, ()):
                return (i + w.end(), _before_quotation(text, i + w.end(), nxt, quotes)), False
    if "ala" in takes and words and words[0].group() in ("على", "علي"):
        return (i + words[0].end(), nxt), False
    if "ila" in takes and words and words[0].group() in ("الى", "إلى"):
        return (i + words[0].end(), nxt), False
    if "final" in takes:
        start = speaker.end if speaker is not None and speaker.end <= cue.start else s
        start = max(start, _clause_floor(text, cue.start, s))
        # "…، X را Y خواندند": the claim starts with the object, after the last comma before را
        ra = text.rfind(" را ", start, cue.start)
        if ra > start:
            comma = max(text.rfind("،", start, ra), text.rfind(",", start, ra))
            if comma > start:
                start = comma + 1
        return (start, cue.start), False
    if "object" in takes and words:
        return (i, nxt), False
    if "as_predicate" in takes and any(w.group().lower() == "as" for w in words[:8]):
        # "lauded as very good the positions …" is an evaluation; "lauded the people" is not a claim
        return (i, nxt), False
    # a quotation just before the cue: “…,” he said
    j = cue.start - 1
    while j > s and text[j] in " ,،\n":
        j -= 1
    closers = {c: o for o, c in quotes.items()}
    if j >= s and text[j] in closers:
        open_at = text.rfind(closers[text[j]], max(0, j - 3000), j)
        if open_at >= 0:
            return (open_at + 1, j), True
    if lang == "en" and "that" in takes and words and "object" in takes:
        return (i, nxt), False
    return None, False


_AR_CIRCUMSTANCE = ("في", "خلال", "عقب", "بعد", "أمام", "امام", "لدى", "اليوم", "للصحفيين", "لوكالة", "في ختام")


def _past_circumstance(text: str, i: int, nxt: int) -> int:
    """Skip up to eight words opening with a circumstantial word (في مؤتمر صحفي، عقب اللقاء،
    للصحفيين) when a colon or إن/أن follows them; else stay at ``i``."""
    words = list(re.finditer(r"[^\s:：]+|[:：]", text[i:nxt]))[:9]
    if not words or not words[0].group().startswith(_AR_CIRCUMSTANCE):
        return i
    for w in words[1:]:
        g = w.group()
        if g in (":", "：") or g.strip("،,") in _COMPLEMENTIZERS["ar"]:
            return i + w.start()
        if any(c in g for c in ".«“\""):
            break
    return i


def _before_quotation(text: str, start: int, end: int, quotes: dict[str, str]) -> int:
    """An indirect claim ends where a colon opens a quotation: "told the agency that X: “…”, Kalin
    said" reports X; the quotation is the next speaker's claim."""
    opener = "".join(re.escape(q) for q in quotes)
    m = re.compile(rf"[:：]\s*[{opener}]").search(text, start, end) if opener else None
    return m.start() if m else end


def _clause_floor(text: str, pos: int, s: int) -> int:
    """Start of the clause that ends at a Persian clause-final cue: after the last 'و' joining clauses."""
    last = None
    for last in re.finditer(r"(?:^|\s)(?:و|،)\s", text[s:pos]):  # noqa: B007 - we want the last one
        pass
    return s + last.end() if last is not None and (pos - (s + last.end())) > 40 else s

"""Normalization for matching.

Two things live here:

* ``fold(s)``: the matching key used by every dictionary (actors, places, titles, cues).
  Letter variants of Arabic and Persian collapse (ي/ی, ك/ک, ة/ه, hamza forms on alef),
  diacritics and tatweel go, digits become ASCII, Latin is lower-cased and accents dropped,
  punctuation becomes space, ZWNJ becomes space.
* ``NormText``: a normalized *view* of a document with a map back to the original offsets,
  so patterns run on clean text while spans still slice the original.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

ARABIC_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")

# Arabic-script letter variants -> one form (Persian letters are the pivot: ی, ک).
LETTER_MAP = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ۍ": "ی", "ې": "ی",
    "ك": "ک", "ڪ": "ک",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و",
}
DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
ZW_SPACE = {"\u200c": " ", "\u200d": "", "\u200e": "", "\u200f": "", "\ufeff": "", "\u00a0": " "}

_FOLD_TABLE = str.maketrans({**LETTER_MAP, **DIGITS, **ZW_SPACE})
_PUNCT = re.compile(r"[^\w\s]|_")

# Single-letter proclitics of Arabic (and the article) that stick to names: وروحاني، بباكو، لطهران.
AR_PROCLITICS = ("و", "ف", "ب", "ل", "ک")
# fold_char runs once per character of every document (the view and every dictionary scan) and a
# news corpus uses a few hundred distinct characters, so its answers are remembered; the bound only
# stops a text of rare code points from growing the cache without end.
FOLD_CACHE_CHARS = 4096


@functools.lru_cache(maxsize=FOLD_CACHE_CHARS)
def fold_char(c: str) -> str:
    """Fold one character; returns '' for characters that vanish (diacritics, tatweel)."""
    if ARABIC_DIACRITICS.match(c):
        return ""
    c = c.translate(_FOLD_TABLE)
    if len(c) == 1 and not c.isascii():
        d = unicodedata.normalize("NFKD", c)
        base = "".join(ch for ch in d if not unicodedata.combining(ch))
        if base and base.isascii():
            c = base
    return c.lower()


class _CharTable(dict):
    """A ``str.translate`` table filled on demand: each character's ``fold_char``, computed once.

    Dictionaries, the gazetteer and every document fold hundreds of thousands of characters drawn
    from a few hundred distinct ones, so the work per character is one dictionary look-up.
    ``matching`` tables also turn what is neither a letter, a digit nor a space into a space (the
    matching view of ``fold_with_offsets``); ``squeeze`` tables drop ZWNJ instead of spacing it."""

    def __init__(self, matching: bool = False, squeeze: bool = False) -> None:
        super().__init__()
        self.matching, self.squeeze = matching, squeeze

    def __missing__(self, code: int) -> str:
        c = chr(code)
        if self.squeeze and c == "\u200c":
            out = ""
        else:
            out = fold_char(c)
            if self.matching:
                out = "".join(ch if (ch.isalnum() or ch.isspace()) and ch != "_" else " " for ch in out)
        self[code] = out
        return out


_FOLD = _CharTable()
_MATCHING = {False: _CharTable(matching=True), True: _CharTable(matching=True, squeeze=True)}


# Distinct strings whose folded key one process remembers: names, titles and words are folded
# again each time a document mentions them.
FOLD_CACHE_SIZE = 1 << 16


def fold(s: str | None) -> str:
    """The matching key: letter variants, diacritics, digits, case, punctuation and spacing folded."""
    if not s:
        return ""
    return _fold(s)


@functools.lru_cache(maxsize=FOLD_CACHE_SIZE)
def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).translate(_FOLD)
    s = _PUNCT.sub(" ", s)
    return " ".join(s.split())


def clitic_variants(token: str) -> list[str]:
    """Readings of a folded Arabic-script token with proclitics and the article removed.

    "وباکو" -> ["وباکو", "باکو"]; "والرییس" -> ["والرییس", "الرییس", "رییس"]. The token itself comes
    first so exact matches win; callers try the variants in order.
    """
    return list(clitic_readings(token))


# Distinct tokens seen by one process: a news corpus's vocabulary stays well under this, and a
# dictionary scan asks for the readings of the same words ("في", "الرئيس") thousands of times.
CLITIC_CACHE_SIZE = 1 << 16


@functools.lru_cache(maxsize=CLITIC_CACHE_SIZE)
def clitic_readings(token: str) -> tuple[str, ...]:
    """``clitic_variants`` as a tuple, computed once per distinct token."""
    out = [token]
    t = token
    for _ in range(2):
        if len(t) > 3 and t[0] in AR_PROCLITICS:
            t = t[1:]
            out.append(t)
        else:
            break
    for v in list(out):
        if v.startswith("ال") and len(v) > 4:
            out.append(v[2:])
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Folded:
    """A folded copy of a text with, for every folded character, its offset in the original."""

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for folded [start, end)."""
        if start >= end:
            o = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def match_keys(alias: str) -> set[str]:
    """Keys under which a dictionary alias is indexed: folded, and folded with ZWNJ squeezed out.

    The scanning view squeezes ZWNJ (see ``fold_with_offsets``) so that a Persian word matches
    whether its ZWNJ survived, was lost, or was restored in the wrong place.
    """
    keys = {fold(alias), fold(alias.replace("\u200c", ""))}
    keys.discard("")
    return keys


def fold_with_offsets(s: str, squeeze_zwnj: bool = False) -> Folded:
    """Fold character by character (no NFKC, no collapsing) so every output char maps to its source.

    Punctuation becomes a space; runs of whitespace are kept, so token boundaries are stable.
    """
    table = _MATCHING[squeeze_zwnj]
    text = s.translate(table)
    odd = [c for c in set(s) if len(table[ord(c)]) != 1]
    if not odd:
        return Folded(text, tuple(range(len(s))))  # one character for one: the usual case
    # a character that vanishes or becomes several (a squeezed ZWNJ of Persian, a diacritic) is
    # rare beside the rest: the offsets are copied a stretch at a time between them, not a
    # character at a time
    offs: list[int] = []
    pos = 0
    for m in re.finditer("[" + "".join(re.escape(c) for c in sorted(odd)) + "]", s):
        i = m.start()
        offs.extend(range(pos, i))
        offs.extend([i] * len(table[ord(s[i])]))
        pos = i + 1
    offs.extend(range(pos, len(s)))
    return Folded(text, tuple(offs))

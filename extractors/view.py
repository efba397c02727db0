"""The normalized view of a document, with every character mapped back to the original.

Later stages read ``View.text`` (clean letters, repaired Persian ZWNJ, hard-wrapped lines joined)
and report spans with ``View.orig_span``, so ``original[start:end]`` always reproduces a field.
The repairs are data (``lang/<code>/normalize.json``); each one keeps the offset map intact:
inserted characters point at the original character they stand before, dropped ones vanish.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from .lang import load_json, profile
from .normalize import ARABIC_DIACRITICS, DIGITS, Folded, fold_with_offsets

ZWNJ = "\u200c"
_TERMINAL = set(".!?؟…:؛;»”\"')]")
_SENT_END = set(".!?؟…")
_CLOSERS = set("»”\"')]’")
_ARABIC_RUN = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]+")
_WRAP_MIN = 45  # a line at least this long that ends without punctuation was hard-wrapped
MAX_QUOTE_CHARS = 1500  # an unclosed quotation ends sentences again after this many characters


@dataclass
class View:
    original: str
    text: str
    offsets: list[int]
    lang: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    _folded: Folded | None = None
    _tokens: list | None = None
    _token_starts: list | None = None
    _sentence_starts: tuple[list, list[int]] | None = field(default=None, repr=False, compare=False)
    # indices derived from the view once per document by later stages, under a name of theirs
    # (``meetings`` keeps where each of its word groups may match); never part of the comparison
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for view [start, end)."""
        if not self.offsets:
            return 0, 0
        if start >= end:
            o = self.offsets[min(start, len(self.offsets) - 1)]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1

    @property
    def folded(self) -> Folded:
        """The folded matching text of the view; its offsets point into the *view*."""
        if self._folded is None:
            self._folded = fold_with_offsets(self.text, squeeze_zwnj=True)
        return self._folded

    @property
    def tokens(self) -> list:
        """Tokens of the folded view (``lexicon.Token``), computed once per document."""
        if self._tokens is None:
            from .lexicon import folded_tokens

            self._tokens = folded_tokens(self.folded.text, self.folded.offsets)
        return self._tokens

    def tokens_in(self, start: int, end: int) -> list:
        """The tokens lying within view [start, end), by binary search."""
        i, j = self.token_range(start, end)
        return self.tokens[i:j]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The index range ``[i, j)`` of ``tokens`` lying within view [start, end): tokens follow each
        other without overlapping, so those that end after ``end`` are the last ones."""
        toks = self.tokens
        if self._token_starts is None:
            self._token_starts = [t.start for t in toks]
        i = bisect.bisect_left(self._token_starts, start)
        j = bisect.bisect_left(self._token_starts, end)
        while j > i and toks[j - 1].end > end:
            j -= 1
        return i, j

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence containing view position ``pos``: the last that starts at or before
        it (the first when none does), by binary search over the sentences' starts. Those are kept
        with the list they were read from, so a view given other sentences reads those."""
        known = self._sentence_starts
        if known is None or known[0] is not self.sentences:
            known = self._sentence_starts = (self.sentences, [s for s, _ in self.sentences])
        return max(bisect.bisect_right(known[1], pos) - 1, 0)


class _Builder:
    """Characters of the view with their original offsets, edited by position-keeping operations."""

    def __init__(self, chars: list[str], offs: list[int]):
        self.chars, self.offs = chars, offs

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def apply(self, edits: list[tuple[int, int, str]]) -> None:
        """Replace [start, end) by new text for each edit (non-overlapping); offsets stay anchored."""
        if not edits:
            return
        chars: list[str] = []
        offs: list[int] = []
        pos = 0
        for start, end, new in sorted(edits):
            if start < pos:
                continue
            chars.extend(self.chars[pos:start])
            offs.extend(self.offs[pos:start])
            anchor = self.offs[start] if start < len(self.offs) else (self.offs[-1] if self.offs else 0)
            old = self.chars[start:end]
            # characters of a common prefix and suffix keep their offsets ("آیت االله" -> "آیت‌الله"
            # keeps آیت and الله in place); the changed middle anchors to the first changed one
            pre = 0
            while pre < min(len(old), len(new)) and old[pre] == new[pre]:
                pre += 1
            suf = 0
            while suf < min(len(old), len(new)) - pre and old[-1 - suf] == new[-1 - suf]:
                suf += 1
            mid_anchor = self.offs[start + pre] if start + pre < len(self.offs) else anchor
            for i, c in enumerate(new):
                chars.append(c)
                if i < pre:
                    offs.append(self.offs[start + i])
                elif i >= len(new) - suf:
                    offs.append(self.offs[end - (len(new) - i)])
                else:
                    offs.append(mid_anchor)
            pos = end
        chars.extend(self.chars[pos:])
        offs.extend(self.offs[pos:])
        self.chars, self.offs = chars, offs


def _join_lines(text: str) -> tuple[list[str], list[int]]:
    """Join hard-wrapped lines (also across a blank line) when the line before ends mid-sentence."""
    chars: list[str] = []
    offs: list[int] = []
    i, n = 0, len(text)
    line_start = 0
    while i < n:
        c = text[i]
        if c == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            gap = text[i:j]
            newlines = gap.count("\n")
            prev_line = text[line_start:i].strip()
            last = prev_line[-1:] if prev_line else ""
            nxt = text[j : j + 1]
            wrapped = len(prev_line) >= _WRAP_MIN and last not in _TERMINAL and not prev_line.startswith("#")
            if nxt and nxt.isalpha() and nxt.isupper() and newlines > 1:
                wrapped = False
            if newlines > 1 and not text[:line_start].strip():
                # the document's first line alone in its paragraph is its headline, which ends without
                # punctuation; in a script without capitals nothing else tells it from a wrapped line
                wrapped = False
            if j >= n:
                wrapped = False
            if wrapped and newlines <= 2:
                chars.append(" ")
                offs.append(i)
            else:
                chars.append("\n" if newlines == 1 else "\n\n")
                offs.append(i)
                if newlines > 1:
                    offs.append(i)
                    chars[-1] = "\n"
                    chars.append("\n")
            line_start = j if not (wrapped and newlines <= 2) else line_start
            if not (wrapped and newlines <= 2):
                line_start = j
            i = j
            continue
        k = text.find("\n", i)  # the rest of the line is copied as it is
        k = n if k < 0 else k
        chars.extend(text[i:k])
        offs.extend(range(i, k))
        i = k
    return chars, offs


@cache
def _letter_map(lang: str) -> dict[str, str]:
    """What each character becomes in the view (itself, a folded letter or digit, or nothing for
    a diacritic), filled in as characters are met: a text repeats a few dozen letters."""
    return {}


def _letter(c: str, lang: str) -> str:
    if ARABIC_DIACRITICS.match(c) and c != "\u0654":
        return ""
    return load_json(lang, "normalize.json").get("letter_map", {}).get(c, DIGITS.get(c, c))


def _letters(b: _Builder, lang: str) -> None:
    known = _letter_map(lang)
    chars: list[str] = []
    offs: list[int] = []
    for c, o in zip(b.chars, b.offs, strict=True):
        r = known.get(c)
        if r is None:
            r = known[c] = _letter(c, lang)
        if r == c:
            chars.append(c)
            offs.append(o)
            continue
        for ch in r:
            chars.append(ch)
            offs.append(o)
    b.chars, b.offs = chars, offs


@cache
def _zwnj_rules(lang: str) -> dict:
    d = load_json(lang, "normalize.json")
    return {
        **d,
        "verb_ex": frozenset(d["verb_prefix_exceptions"]),
        "plural_ex": frozenset(d["plural_exceptions"]),
        "clitic_ex": frozenset(d["clitic_exceptions"]),
    }


# Distinct words whose ZWNJ repairs one process remembers: a language's running text repeats its
# words ("می‌گوید", "کشورهای"), and the repairs of a word do not depend on where it stands.
ZWNJ_CACHE_SIZE = 1 << 16


def _zwnj_edits(word: str, start: int, lang: str) -> list[tuple[int, int, str]]:
    """Where a Persian word lost its ZWNJ: verb prefix می/نمی, plural ها/های, clitics after ه."""
    return [(start + s, start + e, new) for s, e, new in _zwnj_word_edits(word, lang)]


@lru_cache(maxsize=ZWNJ_CACHE_SIZE)
def _zwnj_word_edits(word: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    """``_zwnj_edits`` of a word standing at offset 0."""
    r = _zwnj_rules(lang)
    edits: list[tuple[int, int, str]] = []
    for joined, fixed in r["compounds"]:
        k = word.find(joined)
        if k >= 0 and joined != fixed:
            return ((k, k + len(joined), fixed),)
    for p in r["verb_prefixes"]:
        if word.startswith(p) and len(word) - len(p) >= r["verb_prefix_min_rest"]:
            if not any(word.startswith(e) for e in r["verb_ex"]):
                edits.append((len(p), len(p), ZWNJ))
            break
    done = False
    if word not in r["plural_ex"]:
        for s in r["plural_suffixes"]:
            stem = word[: -len(s)]
            if word.endswith(s) and len(stem) >= r["plural_min_stem"]:
                amb = r["heh_ay_ambiguity"]
                if s == "های" and len(stem) >= 3 and (
                    stem[-1:] in amb["clitic_letters"] or word[:-2] in amb["heh_words"]
                ):
                    break  # read as Xه + ای below
                if stem not in ("آن", "این") or s != "ها":
                    edits.append((len(stem), len(stem), ZWNJ))
                done = True
                break
    if not done and word not in r["clitic_ex"]:
        for s in r["clitic_after_heh"]:
            stem = word[: -len(s)]
            if word.endswith(s) and stem.endswith("ه") and len(stem) >= r["clitic_min_stem"]:
                edits.append((len(stem), len(stem), ZWNJ))
                done = True
                break
    for s in r["word_suffixes"]:
        stem = word[: -len(s)]
        if not done and word.endswith(s) and len(stem) >= 3:
            edits.append((len(stem), len(stem), ZWNJ))
            break
    return tuple(sorted(set(edits)))


def _repairs(b: _Builder, lang: str) -> None:
    for fix in load_json(lang, "normalize.json").get("regex_fixes", []):
        text = b.text
        b.apply([(m.start(), m.end(), fix["replace"]) for m in re.finditer(fix["pattern"], text)])
    if profile(lang)["zwnj_repair"]:
        text = b.text
        edits: list[tuple[int, int, str]] = []
        for m in _ARABIC_RUN.finditer(text):
            # most words need no repair: their (remembered) edits are looked up, and only those
            # with some are shifted to where the word stands
            found = _zwnj_word_edits(m.group(), lang)
            if found:
                start = m.start()
                edits.extend((start + s, start + e, new) for s, e, new in found)
        b.apply(edits)


def _abbrev(lang: str) -> frozenset[str]:
    return frozenset(profile(lang).get("abbreviations", ()))


@cache
def _sentence_marks(lang: str) -> re.Pattern[str]:
    """The characters ``split_sentences`` acts on: quotation marks, sentence ends, line breaks."""
    marks = {"\n", *_SENT_END}
    for o, c in profile(lang)["quote_pairs"]:
        marks.update((o, c))
    return re.compile("[" + "".join(re.escape(c) for c in sorted(marks)) + "]")


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans over the view: ends at . ! ? ؟ … (not inside a quotation) and at line breaks."""
    pairs = {o: c for o, c in profile(lang)["quote_pairs"] if o != c}
    straight = {o for o, c in profile(lang)["quote_pairs"] if o == c and o == '"'}
    straight_open = ""
    closers = set(pairs.values())
    abbrev = _abbrev(lang)
    marks = _sentence_marks(lang)
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    open_at = -1
    n = len(text)
    i = 0
    while i < n:
        if not marks.match(text, i):
            # the letters and spaces between marks change nothing but an unclosed quotation's age:
            # the loop goes to the next mark, and a quotation that grew too old on the way ends
            # as it would have there
            m = marks.search(text, i)
            if m is None:
                break
            i = m.start()
            if depth and i - 1 - open_at > MAX_QUOTE_CHARS:
                depth = 0
        c = text[i]
        if c in straight:
            if depth and straight_open == c:
                depth -= 1
                straight_open = ""
                c = "\0close"
            elif not depth:
                depth += 1
                open_at = i
                straight_open = c
        elif c in pairs:
            depth += 1
            open_at = i
        elif c in closers and depth:
            depth -= 1
            c = "\0close"
        if c == "\0close" and not depth and i > 0 and text[i - 1] in _SENT_END and \
                (i + 1 >= n or text[i + 1].isspace()):
            # '“… leave.” Then he left.': the sentence ends after the closing quote
            nxt = text[i + 1:].lstrip()[:1]
            if not nxt or nxt.isupper() or not nxt.isascii():
                spans.append((start, i + 1))
                start = i + 1
                i += 1
                continue
        c = text[i]
        if depth and i - open_at > MAX_QUOTE_CHARS:
            depth = 0  # an unclosed quotation does not swallow the document
        end = None
        if c == "\n":
            end = i
        elif c in _SENT_END and not depth:
            j = i + 1
            while j < n and (text[j] in _SENT_END or text[j] in _CLOSERS):
                j += 1
            if j >= n or text[j].isspace():
                word = re.search(r"(\S+)$", text[start:i])
                w = word.group(1).lower().lstrip("(\"“«") if word else ""
                is_abbrev = c == "." and (w in abbrev or (len(w) == 1 and w.isalpha() and w.isupper() is False)
                                          or (len(w) <= 2 and w[:1].isupper()) or re.fullmatch(r"([a-z]\.)+[a-z]", w))
                if c == "." and word and len(word.group(1)) == 1 and word.group(1).isupper():
                    is_abbrev = True
                if not is_abbrev:
                    end = j
                    i = j - 1
        if end is not None:
            spans.append((start, end))
            start = end + (1 if c == "\n" else 0)
            depth = 0 if c == "\n" and depth and text[start:start + 1] == "\n" else depth
        i += 1
    spans.append((start, n))
    return [_strip(text, a, b) for a, b in spans if text[a:b].strip()]


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def build_view(original: str, lang: str, start: int = 0, end: int | None = None) -> View:
    """Normalize ``original[start:end]`` for language ``lang`` and segment it into sentences.

    The view's offsets and ``original`` are those of the whole text, so a view of one window of a
    long document (or of its English paragraphs) reports spans that slice the document itself."""
    part = original if start == 0 and end is None else original[start:end]
    chars, offs = _join_lines(part)
    b = _Builder(chars, offs)
    _letters(b, lang)
    _repairs(b, lang)
    text = b.text
    view = View(original, text, [o + start for o in b.offs] if start else b.offs, lang)
    view.sentences = split_sentences(text, lang)
    return view

"""A token trie for longest-match dictionary scanning over folded text.

Every dictionary (actors, places, titles, pronouns, cues, triggers) is indexed by its folded
keys; scanning walks the document's folded tokens once and reports the longest entry at each
position. Arabic proclitics (و ف ب ل ك, ال) are tried on the first token only, so "وبباكو" finds
Baku and the reported span starts after the clitic.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .normalize import clitic_readings

_TOKEN = re.compile(r"\S+")
_END = "\0"


@dataclass(frozen=True)
class Token:
    start: int  # offsets into the folded text's source (the view)
    end: int
    text: str


@dataclass(frozen=True)
class Match:
    first: int  # token index range [first, last)
    last: int
    start: int  # view offsets, clitics excluded
    end: int
    payloads: tuple[Any, ...]


def folded_tokens(folded_text: str, offsets: tuple[int, ...]) -> list[Token]:
    """Tokens of a folded text with their spans in the text the offsets point into."""
    return [Token(offsets[m.start()], offsets[m.end() - 1] + 1, m.group()) for m in _TOKEN.finditer(folded_text)]


class Trie:
    def __init__(self) -> None:
        self.root: dict[str, Any] = {}

    def add(self, key: str, payload: Any) -> None:
        """Index ``payload`` under a folded key (space-separated tokens)."""
        node = self.root
        for tok in key.split():
            node = node.setdefault(tok, {})
        node.setdefault(_END, []).append(payload)

    def _walk(self, tokens: list[Token], i: int, first: str, end: int) -> tuple[int, list[Any]] | None:
        node = self.root.get(first)
        best = None
        j = i + 1
        while node is not None:
            if _END in node:
                best = (j, node[_END])
            if j >= end:
                break
            node = node.get(tokens[j].text)
            j += 1
        return best

    def scan(self, tokens: list[Token], clitics: bool = False, only: str | None = None, lo: int = 0,
             hi: int | None = None, starts: Sequence[int] | None = None) -> Iterator[Match]:
        """Longest, leftmost, non-overlapping matches in ``tokens[lo:hi]`` (token indices counted from
        ``lo``). ``only``: the letters a stripped prefix may consist of (the conjunctions before a
        verb); other clitic readings are not tried.

        ``starts``: the sorted indices of the tokens where an entry may begin, those of which a reading
        (``clitic_readings``) is the first word of some entry (``start_indices``). The others are
        skipped unread, which is what they would come to: a scan of the trigger words over a
        sentence of thirty tokens looks at the two or three that may open one."""
        root = self.root
        hi = len(tokens) if hi is None else hi
        allowed = set(only) if only is not None else None
        i = lo
        k = 0
        while i < hi:
            if starts is not None:
                k = bisect_left(starts, i, k)
                if k == len(starts) or starts[k] >= hi:
                    break
                i = starts[k]
            found = None
            tok = tokens[i].text
            variants = clitic_readings(tok) if clitics else (tok,)
            if allowed is not None:
                variants = tuple(v for v in variants if set(tok[:len(tok) - len(v)]) <= allowed)
            for v in variants:
                if v not in root:  # most tokens start no entry: no walk
                    continue
                hit = self._walk(tokens, i, v, hi)
                if hit and (found is None or hit[0] > found[0][0]):
                    found = (hit, len(tok) - len(v))
            if found:
                (j, payloads), strip = found
                yield Match(i - lo, j - lo, tokens[i].start + strip, tokens[j - 1].end, tuple(payloads))
                i = j
            else:
                i += 1


def start_indices(tokens: Sequence[Token], tries: Mapping[str, Trie]) -> dict[str, list[int]]:
    """For each named trie, the sorted indices of the tokens where one of its entries may begin: a
    reading of the token (itself, or without its proclitics: "وبباكو", "بباكو", "باكو") is the first
    word of an entry. One pass over a document's tokens serves every scan of every trie over any
    part of it (``Trie.scan``'s ``starts``)."""
    first: dict[str, list[str]] = {}
    for name, trie in tries.items():
        for word in trie.root:
            first.setdefault(word, []).append(name)
    out: dict[str, list[int]] = {name: [] for name in tries}
    for idx, tok in enumerate(tokens):
        for reading in clitic_readings(tok.text):
            for name in first.get(reading, ()):
                at = out[name]
                if not at or at[-1] != idx:
                    at.append(idx)
    return out

"""A token trie for longest-match dictionary scanning over folded text.

Every dictionary (actors, places, titles, pronouns, cues, triggers) is indexed by its folded
keys; scanning walks the document's folded tokens once and reports the longest entry at each
position. Arabic proclitics (و ف ب ل ك, ال) are tried on the first token only, so "وبباكو" finds
Baku and the reported span starts after the clitic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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

    def _walk(self, tokens: list[Token], i: int, first: str) -> tuple[int, list[Any]] | None:
        node = self.root.get(first)
        best = None
        j = i + 1
        while node is not None:
            if _END in node:
                best = (j, node[_END])
            if j >= len(tokens):
                break
            node = node.get(tokens[j].text)
            j += 1
        return best

    def scan(self, tokens: list[Token], clitics: bool = False, only: str | None = None) -> Iterator[Match]:
        """Longest, leftmost, non-overlapping matches. ``only``: the letters a stripped prefix may
        consist of (the conjunctions before a verb); other clitic readings are not tried."""
        root = self.root
        allowed = set(only) if only is not None else None
        i = 0
        while i < len(tokens):
            found = None
            tok = tokens[i].text
            variants = clitic_readings(tok) if clitics else (tok,)
            if allowed is not None:
                variants = tuple(v for v in variants if set(tok[:len(tok) - len(v)]) <= allowed)
            for v in variants:
                if v not in root:  # most tokens start no entry: no walk
                    continue
                hit = self._walk(tokens, i, v)
                if hit and (found is None or hit[0] > found[0][0]):
                    found = (hit, len(tok) - len(v))
            if found:
                (j, payloads), strip = found
                yield Match(i, j, tokens[i].start + strip, tokens[j - 1].end, tuple(payloads))
                i = j
            else:
                i += 1

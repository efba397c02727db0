"""Which language a document is in: ar, fa, en, or unsupported (never forced into one of the three).

Script first (Arabic-script vs Latin letters), then, inside Arabic script, letters only one of the
languages uses (پ چ ژ گ for Persian, ة ى for Arabic) and each language's function words. The
counts come from ``lang/<code>/profile.json``.

A document may change language: an Arabic report with the English statement it quotes, say.
``language_blocks`` cuts it into runs of lines in one script and names the language of each run,
so each part is read with its own language's model and rules.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lang import LANGS, profile

_ARABIC_LETTER = re.compile(r"[\u0620-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
_WORD = re.compile(r"[\w\u200c]+")
# The language is told from the text's start
SAMPLE_CHARS = 20_000
# Arabic-script scores: a function word counts this much, a letter only one language uses this much
FUNCTION_WORD_WEIGHT = 3
DECISIVE_LETTER_WEIGHT = 4
# Latin text is English when at least this share of its words are English function words
MIN_FUNCTION_WORD_SHARE = 0.05


def detect_language(text: str) -> tuple[str | None, str]:
    """Return (lang or None, reason). ``None`` means unsupported; the reason says what was seen."""
    sample = text[:SAMPLE_CHARS]
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    if arabic + latin < 3:
        return None, "no letters to tell the language by"
    words = Counter(w.lower() for w in _WORD.findall(sample))
    if arabic >= latin:
        scores = {}
        for code in _of_script("arabic"):
            p = profile(code)
            letters = sum(sample.count(c) for c in p["distinct_letters"])
            fw = sum(words[w] for w in p["function_words"])
            # ی and ک are also written in Arabic text from Iranian outlets; پ چ ژ گ are decisive
            decisive = sum(sample.count(c) for c in p["decisive_letters"])
            scores[code] = letters + FUNCTION_WORD_WEIGHT * fw + DECISIVE_LETTER_WEIGHT * decisive
        best = max(scores, key=lambda k: scores[k])
        if scores[best] == 0:
            return None, "Arabic script, but neither Arabic nor Persian words"
        return best, f"Arabic script; scores {scores}"
    (latin_lang,) = _of_script("latin")
    p = profile(latin_lang)
    en_words = set(p["function_words"])
    fw = sum(words[w] for w in en_words)
    total = sum(words.values()) or 1
    others = {k: sum(words[w] for w in v if w not in en_words) for k, v in _other_latin().items()}
    best_other = max(others, key=lambda k: others[k]) if others else None
    if best_other and others[best_other] and others[best_other] >= fw:
        return None, f"Latin script, reads as {best_other} ({others[best_other]} function words vs {fw} English)"
    rival = others.get(best_other, 0) if best_other else 0
    if fw / total >= MIN_FUNCTION_WORD_SHARE or (fw >= 1 and fw >= 2 * rival):
        return latin_lang, f"Latin script; English function words {fw}/{total}"
    return None, f"Latin script but not English (English function words {fw}/{total})"


@lru_cache(maxsize=1)
def _other_latin() -> dict[str, list[str]]:
    path = resources.files("extractors").joinpath("data", "latin_function_words.json")
    return {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def _of_script(script: str) -> list[str]:
    return [code for code in LANGS if profile(code)["script"] == script]


def supported(lang: str | None) -> bool:
    return lang in LANGS


# A run of lines in the other script is a block of its own only with at least this many letters
# (two short sentences): a credit line ("Source: IRNA") or a Latin-letter name on a line of its
# own inside an Arabic article stays part of the article and is read in the article's language.
MIN_BLOCK_LETTERS = 120


@dataclass(frozen=True)
class Block:
    """``text[start:end]`` is in ``lang``; ``letters`` counts its Arabic-script and Latin letters."""

    start: int
    end: int
    lang: str
    letters: int


def language_blocks(text: str) -> tuple[list[Block], str]:
    """The document cut into blocks of one language each, in order, covering all of ``text``.

    Lines are put into runs by script (lines without letters go with the run they stand in);
    a run too short to judge (``MIN_BLOCK_LETTERS``) joins the run before it, or the one after it
    when it opens the text (a Latin headline over an Arabic article). Each run's language is then
    detected as a whole document's is; a run in no supported language (a French paragraph) is read
    in the language of its neighbours. A text of one script is one run, detected exactly as
    ``detect_language`` detects the whole text. Returns ([], reason) when no run is in a
    supported language."""
    runs = _script_runs(text)
    if len(runs) == 1:
        lang, why = detect_language(text)
        return ([Block(0, len(text), lang, runs[0][3])] if supported(lang) else []), why
    named: list[list] = []  # [start, end, lang or None, letters]
    why = ""
    for start, end, _, letters in runs:
        lang, why_run = detect_language(text[start:end])
        named.append([start, end, lang if supported(lang) else None, letters])
        why = why or why_run
    if all(r[2] is None for r in named):
        return [], detect_language(text)[1]
    blocks: list[list] = []
    for r in named:
        if blocks and (r[2] is None or r[2] == blocks[-1][2]):
            blocks[-1][1], blocks[-1][3] = r[1], blocks[-1][3] + r[3]
        elif blocks and blocks[-1][2] is None:  # an opening run in no language takes the next one's
            blocks[-1][1], blocks[-1][2], blocks[-1][3] = r[1], r[2], blocks[-1][3] + r[3]
        else:
            blocks.append(list(r))
    return [Block(*b) for b in blocks], why


def main_language(blocks: list[Block]) -> str | None:
    """The language most of the letters are in (the first block's on a tie)."""
    letters: Counter[str] = Counter()
    for b in blocks:
        letters[b.lang] += b.letters
    return max(letters, key=lambda k: (letters[k], -[b.lang for b in blocks].index(k))) if letters else None


def _script_runs(text: str) -> list[list]:
    """[start, end, script, letters] runs of whole lines, short runs joined to a neighbour."""
    runs: list[list] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        arabic = len(_ARABIC_LETTER.findall(line))
        latin = len(_LATIN_LETTER.findall(line))
        script = "arabic" if arabic > latin else "latin" if latin > arabic else None
        if runs and (script is None or runs[-1][2] in (None, script)):
            run = runs[-1]
            run[1], run[3] = end, run[3] + arabic + latin
            run[2] = run[2] or script
        else:
            runs.append([pos, end, script, arabic + latin])
        pos = end
    if not runs:
        return [[0, len(text), None, 0]]
    joined: list[list] = []
    for run in runs:
        last = joined[-1] if joined else None
        if last is None:
            joined.append(run)
        elif run[2] == last[2] or run[3] < MIN_BLOCK_LETTERS:
            last[1], last[3] = run[1], last[3] + run[3]
        elif last[3] < MIN_BLOCK_LETTERS and len(joined) == 1:
            last[1], last[2], last[3] = run[1], run[2], last[3] + run[3]
        else:
            joined.append(run)
    joined[-1][1] = len(text)
    return joined

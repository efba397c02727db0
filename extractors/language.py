"""Which language a document is in: ar, fa, en, or unsupported (never forced into one of the three).

Script first (Arabic-script vs Latin letters), then, inside Arabic script, letters only one of the
languages uses (پ چ ژ گ for Persian, ة ى for Arabic) and each language's function words. The
counts come from ``lang/<code>/profile.json``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
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

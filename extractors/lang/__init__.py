"""Language profiles and data files, one folder per language with the same file names in each.

``profile(lang)`` returns the language's profile (``profile.json``); ``load_jsonl(lang, name)`` and
``load_json(lang, name)`` read the other data files (triggers, cues, titles, dates...), each of
which documents its provenance in the folder's ``SOURCE.md``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ..errors import UsageError

LANGS = ("ar", "fa", "en")


def _path(lang: str, name: str):
    # Only the shipped languages: a code such as "../.." must never name a path outside the package.
    if lang not in LANGS:
        raise UsageError(f"unsupported language {lang!r} (attache reads {', '.join(LANGS)})")
    return resources.files(__package__).joinpath(lang, name)


@cache
def profile(lang: str) -> dict[str, Any]:
    return json.loads(_path(lang, "profile.json").read_text(encoding="utf-8"))


@cache
def load_json(lang: str, name: str) -> Any:
    return json.loads(_path(lang, name).read_text(encoding="utf-8"))


@cache
def load_jsonl(lang: str, name: str) -> tuple[dict[str, Any], ...]:
    """Rows of a JSONL data file; blank lines and lines starting with '#' or '//' are comments."""
    rows = []
    text = _path(lang, name).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith(("#", "//")):
            continue
        try:
            rows.append(json.loads(line))
        except ValueError as e:
            raise ValueError(f"{lang}/{name}:{n}: not JSON: {e}") from None
    return tuple(rows)

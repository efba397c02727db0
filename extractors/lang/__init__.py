"""Language profiles and data files, one folder per language with the same file names in each.

``profile(lang)`` returns the language's profile (``profile.json``); ``load_jsonl(lang, name)`` and
``load_json(lang, name)`` read the other data files (triggers, cues, titles, dates...), each of
which documents its provenance in the folder's ``SOURCE.md``. Every file is checked against its
JSON Schema (``schema/<name>.schema.json``) when it is first read: a file that does not fit raises
``DataError`` naming the file and the line.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ..errors import DataError, UsageError

LANGS = ("ar", "fa", "en")


def _path(lang: str, name: str):
    # Only the shipped languages: a code such as "../.." must never name a path outside the package.
    if lang not in LANGS:
        raise UsageError(f"unsupported language {lang!r} (attache reads {', '.join(LANGS)})")
    return resources.files(__package__).joinpath(lang, name)


@cache
def _validator(name: str):
    from jsonschema import Draft202012Validator

    stem = name.split(".")[0]
    path = resources.files(__package__).joinpath("schema", f"{stem}.schema.json")
    schema = json.loads(path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _where(err) -> str:
    path = "/".join(str(p) for p in err.absolute_path)
    return f"{path}: " if path else ""


def _check(where: str, name: str, value: Any, text: str | None = None, line: int | None = None) -> None:
    """Raise ``DataError`` "FILE:LINE: PATH: message" for the first way ``value`` breaks its schema;
    ``text``: the whole JSON file, to find the line of the offending value."""
    err = next(iter(sorted(_validator(name).iter_errors(value), key=lambda e: list(map(str, e.absolute_path)))), None)
    if err is None:
        return
    if line is None and text is not None:
        from json_source_map import calculate

        pointer = "".join(f"/{p}" for p in err.absolute_path)
        entry = calculate(text).get(pointer)
        line = entry.value_start.line + 1 if entry is not None else 1
    raise DataError(f"{where}:{line}: {_where(err)}{err.message}")


def _read(lang: str, name: str) -> str:
    path = _path(lang, name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataError(f"{path}: cannot read language data ({e.strerror or e})") from None


def _json(lang: str, name: str) -> Any:
    text = _read(lang, name)
    where = str(_path(lang, name))
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise DataError(f"{where}:{e.lineno}: not JSON ({e.msg})") from None
    _check(where, name, value, text=text)
    return value


@cache
def profile(lang: str) -> dict[str, Any]:
    return _json(lang, "profile.json")


@cache
def load_json(lang: str, name: str) -> Any:
    return _json(lang, name)


@cache
def load_jsonl(lang: str, name: str) -> tuple[dict[str, Any], ...]:
    """Rows of a JSONL data file; blank lines and lines starting with '#' or '//' are comments."""
    rows = []
    where = str(_path(lang, name))
    for n, line in enumerate(_read(lang, name).splitlines(), 1):
        line = line.strip()
        if not line or line.startswith(("#", "//")):
            continue
        try:
            row = json.loads(line)
        except ValueError as e:
            raise DataError(f"{where}:{n}: not JSON ({e})") from None
        _check(where, name, row, line=n)
        rows.append(row)
    return tuple(rows)


@cache
def cue_forms(lang: str) -> tuple[tuple[str, dict[str, Any]], ...]:
    """(surface form, row) for every reporting cue of ``lang``: the row's fixed ``patterns`` and the
    forms its ``inflect`` stems take in the paradigms of ``claims.json`` ("أكد" -> أكدت، أكدوا، يؤكد …).
    A generated form carries the paradigm's ``form`` and ``joint`` (a dual or plural verb is the
    statement of several speakers), and a cell's ``takes`` narrows the frames its row takes."""
    paradigms = load_json(lang, "claims.json")["paradigms"]
    out: list[tuple[str, dict[str, Any]]] = []
    for row in load_jsonl(lang, "cues.jsonl"):
        base = {k: v for k, v in row.items() if k != "inflect"}
        out.extend((pat, base) for pat in row.get("patterns", ()))
        for name, stems in row.get("inflect", {}).items():
            if name not in paradigms:
                raise DataError(f"{lang}/cues.jsonl: {row['id']}: no paradigm {name!r} in claims.json")
            for cell in paradigms[name]:
                gen = {**base, "form": cell["form"]}
                if cell.get("joint"):
                    gen["joint"] = True
                if "takes" in cell:
                    # a form with fewer frames than its verb: the Persian elliptical perfect (افزوده)
                    # is also an adjective, so it opens a claim only before که, a colon or a quotation
                    gen["takes"] = [t for t in base.get("takes", []) if t in cell["takes"]]
                out.extend((cell["template"].replace("{}", stem), gen) for stem in stems)
    return tuple(out)

"""Units: what a run processes, one per document, found from the command-line inputs.

``iter_units`` turns files, directories, ``-`` and JSONL feeds into ``Unit``\\ s, each with the key the
state remembers it by and the name of its output file; inputs that cannot even be found become
failed units, so the batch goes on. ``needed_languages`` reads a few KB of each input, so a missing
NER model is reported before anything runs.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from ..errors import InputError
from ..files import printable
from ..language import detect_language, supported
from ..pipeline import DocResult, InputDoc, iter_inputs
from ..read import DEFAULT_MAX_BYTES, decode_bytes, html_to_text

SAMPLE_BYTES = 4096  # what the model pre-check reads of each file


# -- units: what a run processes ---------------------------------------------------------------
@dataclass
class Unit:
    """One document to process, or one input that failed before it could be read.

    ``key`` is what the state remembers (the absolute path; ``feed#id`` for a JSONL record; ``-`` for
    standard input). ``out_name`` is the output file's path under ``--output-dir`` without the
    format suffix: the input's path under the directory it was found in, file name and all, so
    ``a.txt`` and ``a.html`` do not collide.
    """

    key: str
    label: str
    out_name: str | None = None
    path: Path | None = None
    data: bytes | None = None
    doc: InputDoc | None = None
    digest: str | None = None
    error: str | None = None
    doc_id: str | None = None


def _safe_name(doc_id: str) -> str:
    """A file name for a feed record's id: odd characters replaced, a hash added when anything was."""
    safe = re.sub(r"[^\w.-]", "_", doc_id).strip(".")[:100] or "doc"
    if safe != doc_id:
        safe += "-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8]
    return safe


def iter_units(inputs: Sequence[str], glob: str | None = None, input_format: str = "text",
               stdin: Callable[[], bytes] | None = None, exclude: Sequence[Path] = ()) -> Iterator[Unit]:
    """Units for the command-line inputs, in order. ``stdin`` supplies the bytes of ``-`` (read at
    most once; it may raise ``InputError``, over the size limit say); ``exclude`` lists files and
    folders never to treat as inputs (this run's outputs, state, store and their locks, in case
    they sit inside an input folder).

    Each document gets an id that is unique within the run: its path under the folder it was found
    in without the suffix (``a/x`` for ``in/a/x.txt``; the stem for a file named on the command
    line), or, when another input already has that id, the path as given."""
    stdin_cache: list[bytes | InputError] = []

    def read_stdin() -> bytes:
        if not stdin_cache:
            try:
                stdin_cache.append(stdin() if stdin is not None else b"")
            except InputError as e:
                stdin_cache.append(e)
        got = stdin_cache[0]
        if isinstance(got, InputError):
            raise got
        return got

    skip = [p.resolve() for p in exclude]
    ids = _UniqueIds()
    for raw in inputs:
        if input_format == "jsonl":
            yield from _feed_units(raw, read_stdin)
            continue
        if raw == "-":
            try:
                data = read_stdin()
            except InputError as e:
                yield Unit(key="-", label="stdin", error=str(e))
                continue
            yield Unit(key="-", label="stdin", out_name="stdin", data=data, doc_id=ids.claim("stdin", "stdin"))
            continue
        root = Path(raw)
        is_dir = root.is_dir()
        for item in iter_inputs([raw], glob):
            if isinstance(item, DocResult):
                yield Unit(key=printable(item.input), label=printable(item.input), error=printable(item.error or ""))
                continue
            if skip and _excluded(item, skip):
                continue
            rel = printable(item.relative_to(root).as_posix() if is_dir else item.name)
            label = printable(str(item))
            stem = rel[: -len(item.suffix)] if item.suffix and rel.endswith(item.suffix) else rel
            yield Unit(key=printable(os.path.abspath(item)), label=label, out_name=rel, path=item,
                       doc_id=ids.claim(stem, label))


class _UniqueIds:
    """Document ids of one run: the preferred id, else the fallback, else the fallback with ``~N``."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, preferred: str, fallback: str) -> str:
        for cand in (preferred, fallback):
            if cand not in self.used:
                self.used.add(cand)
                return cand
        n = 2
        while f"{fallback}~{n}" in self.used:
            n += 1
        self.used.add(f"{fallback}~{n}")
        return f"{fallback}~{n}"


# What attache itself writes, recognised by its first bytes: records (JSONL, or a JSON array), the
# state snapshot and journal, CSV output with its header, a table saved with -o. Read back as news,
# a store in the inbox would add its own claims again on every run.
_OWN_OUTPUT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:\[\s*(?:\]|\{\s*\"schema\"\s*:\s*\"attache)|\{\s*\"schema\"\s*:\s*\"attache"
    rb"|\{\"key\":\"[^\"\n]*\",\"entry\":\{|type,id,doc_id,|\s*Meetings \(\d+\)\s*\n)")
OWN_OUTPUT_HEAD = 512  # bytes read to recognise attache's own output


def is_attache_output(head: bytes) -> bool:
    """True when the first bytes of a file are attache's own output (see ``_OWN_OUTPUT``)."""
    return _OWN_OUTPUT.match(head) is not None


def input_inside_output(inputs: Sequence[str], output_dir: Path) -> str | None:
    """The first input folder that is the output folder or lies inside it (its files would all be
    skipped as outputs), else None."""
    out = output_dir.resolve()
    for raw in inputs:
        if raw != "-" and Path(raw).is_dir():
            real = Path(raw).resolve()
            if real == out or out in real.parents:
                return raw
    return None


def _own_output(path: Path) -> bool:
    try:
        if not path.is_file():
            return False  # a FIFO or a device: opening it to look would consume or block
        with open(path, "rb") as f:
            return is_attache_output(f.read(OWN_OUTPUT_HEAD))
    except OSError:
        return False  # reported when the file is read


def _excluded(path: Path, skip: Sequence[Path]) -> bool:
    try:
        real = path.resolve()
    except (OSError, RuntimeError):
        return False
    return any(real == s or s in real.parents for s in skip)


def _feed_lines(raw: str, read_stdin: Callable[[], bytes]) -> Iterator[tuple[int, bytes]]:
    if raw == "-":
        lines: Iterable[bytes] = read_stdin().splitlines()
    else:
        lines = open(raw, "rb")  # noqa: SIM115 - closed below
    try:
        for n, line in enumerate(lines, 1):
            # an editor's byte-order mark before the first record is not part of the JSON
            yield n, line.removeprefix(codecs.BOM_UTF8) if n == 1 else line
    finally:
        if not isinstance(lines, list):
            lines.close()


_JSON_TYPE = {str: "a string", int: "a number", float: "a number", bool: "true or false", list: "a list",
              dict: "an object", type(None): "null"}


def _feed_record(line: bytes) -> tuple[dict[str, Any] | None, str | None]:
    """A feed line as a record, or what is wrong with it in plain words."""
    try:
        row = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        return None, f"not valid JSON ({e})"
    if not isinstance(row, dict):
        return None, f"a JSON record must be an object {{\"id\", \"text\", ...}}, not {_JSON_TYPE.get(type(row))}"
    if "text" not in row:
        return None, "the record has no \"text\" field"
    text = row["text"]
    if not isinstance(text, str):
        return None, f"\"text\" must be a string, not {_JSON_TYPE.get(type(text), type(text).__name__)}"
    if not text.strip():
        return None, "\"text\" is empty"
    for key in ("id", "date", "url", "lang", "title"):
        if row.get(key) is not None and not isinstance(row[key], (str, int)):
            return None, f"\"{key}\" must be a string, not {_JSON_TYPE.get(type(row[key]), 'that')}"
    return row, None


def _feed_units(raw: str, read_stdin: Callable[[], bytes]) -> Iterator[Unit]:
    """One unit per record {"id","text","date","url","lang","title"} of a JSONL feed (only text needed)."""
    stem = "stdin" if raw == "-" else Path(raw).stem
    base = "-" if raw == "-" else printable(os.path.abspath(raw))
    folder = "stdin" if raw == "-" else printable(Path(raw).name)
    shown = printable(raw)
    try:
        for n, line in _feed_lines(raw, read_stdin):
            if not line.strip():
                continue
            where = f"{shown}:{n}"
            row, problem = _feed_record(line)
            if row is None:
                yield Unit(key=f"{base}:{n}", label=where, error=f"{where}: not a document record: {problem}")
                continue
            doc_id = str(row.get("id") or f"{stem}-{n}")
            doc = InputDoc(id=doc_id, text=row["text"], path=row.get("url") or (None if raw == "-" else where),
                           lang=row.get("lang"), date=row.get("date"),
                           date_source="input" if row.get("date") else "none")
            yield Unit(key=f"{base}#{doc_id}", label=where, out_name=f"{folder}/{_safe_name(doc_id)}",
                       doc=doc, digest=hashlib.sha256(line.strip()).hexdigest())
    except InputError as e:
        yield Unit(key=base, label=shown, error=str(e))
    except OSError as e:
        yield Unit(key=base, label=shown, error=f"{shown}: cannot read ({e.strerror or e})")


# -- the model pre-check -----------------------------------------------------------------------
def sample_language(data: bytes) -> str | None:
    """The language of a document judged from its first bytes, or None when that says nothing."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        try:
            text = decode_bytes(data).text
        except InputError:
            return None
    if text.lstrip()[:1] == "<":
        text = html_to_text(text)
    lang = detect_language(text)[0]
    return lang if supported(lang) else None


def needed_languages(units: Iterable[Unit], forced: str | None = None,
                     max_bytes: int = DEFAULT_MAX_BYTES) -> set[str]:
    """Languages the units will need NER models for, from a few KB of each (no full reads)."""
    if forced:
        return {forced}
    langs: set[str] = set()
    for u in units:
        if u.error:
            continue
        if u.doc is not None:
            if u.doc.lang:  # given by the feed; an unsupported one fails the record, needing no model
                lang = u.doc.lang if supported(u.doc.lang) else None
            else:
                lang = sample_language(u.doc.text[:SAMPLE_BYTES].encode("utf-8", "replace"))
        elif u.data is not None:
            lang = sample_language(u.data[:SAMPLE_BYTES])
        else:
            try:
                if u.path.stat().st_size > max_bytes:
                    continue
                if not u.path.is_file():
                    continue  # a FIFO or device is read once, when it runs
                with open(u.path, "rb") as f:
                    head = f.read(SAMPLE_BYTES)
                lang = None if is_attache_output(head) else sample_language(head)
            except OSError:
                continue
        if lang:
            langs.add(lang)
    return langs

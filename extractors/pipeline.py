"""The ordered stages: read -> view -> language -> sentences -> NER -> mentions -> dates -> claims
-> meetings -> locations -> joint speakers -> records, each once per document (``run_stages`` runs
those after NER). Models are built once per language per process and the sentences of many
documents go to NER together."""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .claims import extract_claims, reportable
from .dates import document_date, find_dates
from .errors import AttacheError, InputError, UsageError
from .language import detect_language, supported
from .locations import place_meetings
from .meetings import extract_meetings, joint_speakers
from .mentions import Lexicons, build_mentions, lexicons
from .ner import NER, Entity
from .read import DEFAULT_MAX_BYTES, decode_bytes, read_file
from .records import build_records
from .view import View, build_view


@dataclass
class InputDoc:
    """One document to extract from: its text plus whatever metadata came with it."""

    id: str
    text: str
    path: str | None = None
    sha256: str = ""
    encoding: str = "utf-8"
    lang: str | None = None
    date: str | None = None
    date_source: str = "none"
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class DocResult:
    """The outcome for one input: records, or an error line; warnings either way."""

    input: str
    records: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    lang: str | None = None
    sha256: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _parse_date(value: str | date | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise UsageError(f"not a date (want YYYY-MM-DD): {value!r}") from None


class Extractor:
    """Runs the stages over documents; holds the NER pipelines and the dictionaries."""

    def __init__(self, models_dir: str | os.PathLike | None = None, actors_file: str | None = None,
                 places_file: str | None = None, lang: str | None = None, doc_date: str | None = None,
                 batch_docs: int = 16) -> None:
        self.ner = NER(models_dir)
        self.models_dir = models_dir
        self.actors_file = actors_file
        self.places_file = places_file
        self.lang = lang
        self.doc_date = _parse_date(doc_date)
        self.batch_docs = batch_docs
        self._warm: set[str] = set()

    # -- inputs -------------------------------------------------------------------------------
    def load(self, path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> InputDoc:
        data, decoded = read_file(path, max_bytes)
        p = Path(path)
        return InputDoc(id=p.stem, text=decoded.text, path=str(path), sha256=hashlib.sha256(data).hexdigest(),
                        encoding=decoded.encoding, warnings=list(decoded.warnings))

    def from_bytes(self, data: bytes, name: str = "stdin") -> InputDoc:
        decoded = decode_bytes(data, name)
        if not decoded.text.strip():
            raise InputError(name, "empty input (no text)")
        return InputDoc(id=name, text=decoded.text, path=None, sha256=hashlib.sha256(data).hexdigest(),
                        encoding=decoded.encoding, warnings=list(decoded.warnings))

    # -- extraction ---------------------------------------------------------------------------
    def extract(self, doc: InputDoc) -> list[dict[str, Any]]:
        res = self.extract_many([doc])[0]
        if res.error:
            raise InputError(res.input, res.error.split(": ", 1)[-1])
        return res.records

    def extract_many(self, docs: Sequence[InputDoc]) -> list[DocResult]:
        """Extract from a batch of documents; one result per document, in order."""
        prepared = []
        results: list[DocResult] = []
        for d in docs:
            r = DocResult(input=d.path or d.id, warnings=list(d.warnings), sha256=d.sha256)
            results.append(r)
            try:
                prepared.append((r, d, *self._prepare(d)))
            except AttacheError as e:
                r.error = str(e) if isinstance(e, InputError) else f"{r.input}: {e}"
        by_lang: dict[str, list[tuple]] = {}
        for item in prepared:
            by_lang.setdefault(item[2].lang, []).append(item)
        for lang, items in by_lang.items():
            sents = [(v.text[s:e], s) for *_, v, _, _ in items for s, e in v.sentences]
            ents = self.ner.tag(lang, sents)
            k = 0
            for r, d, v, dd, meta in items:
                n = len(v.sentences)
                doc_ents = [e for per in ents[k:k + n] for e in per]
                k += n
                r.lang = lang
                r.records = self._stages(d, v, dd, meta, doc_ents)
            if lang not in self._warm:
                # the first batch of a language has loaded its model and the dictionaries (~800k
                # long-lived objects); freezing them keeps full collections from rescanning them
                self._warm.add(lang)
                gc.collect()
                gc.freeze()
        return results

    def _prepare(self, d: InputDoc):
        lang = d.lang or self.lang
        if lang is None:
            lang, why = detect_language(d.text)
            if lang is None:
                raise InputError(d.path or d.id, f"unsupported language ({why}); attache reads ar, fa, en "
                                                 f"(force one with --lang)")
        elif not supported(lang):
            raise InputError(d.path or d.id, f"unsupported language {lang!r} (attache reads ar, fa, en)")
        view = build_view(d.text, lang)
        if d.date:
            dd, source = _parse_date(d.date), d.date_source if d.date_source != "none" else "input"
        elif self.doc_date is not None:
            dd, source = self.doc_date, "option"
        else:
            found = document_date(d.text, lang)
            dd, source = (found.value, "text") if found is not None else (None, "none")
        meta = {
            "id": d.id, "path": d.path, "sha256": d.sha256, "lang": lang, "encoding": d.encoding,
            "date": {"value": dd.isoformat() if dd else None, "source": source},
        }
        return view, dd, meta

    def _stages(self, d: InputDoc, view, dd, meta, entities) -> list[dict[str, Any]]:
        lex = lexicons(view.lang, self.actors_file, self.places_file)
        return run_stages(view, entities, dd, meta, lex)

    # -- paths --------------------------------------------------------------------------------
    def extract_paths(self, paths: Iterable[str | Path], glob: str | None = None,
                      max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[DocResult]:
        """Yield one result per input file (directories walked recursively), errors included."""
        batch: list[InputDoc] = []
        for item in iter_inputs(paths, glob):
            if isinstance(item, DocResult):
                yield from self._flush(batch)
                batch = []
                yield item
                continue
            try:
                batch.append(self.load(item, max_bytes))
            except InputError as e:
                yield from self._flush(batch)
                batch = []
                yield DocResult(input=str(item), error=str(e))
                continue
            if len(batch) >= self.batch_docs:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[InputDoc]) -> Iterator[DocResult]:
        if batch:
            yield from self.extract_many(batch)


def run_stages(view: View, entities: Sequence[Entity], doc_date: date | None, meta: dict[str, Any],
               lex: Lexicons) -> list[dict[str, Any]]:
    """The stages after NER, each once: mentions, dates, claims, meetings, places, the speakers
    of joint claims, the claims a record is written for, records."""
    mentions = build_mentions(view, entities, doc_date, lex)
    dates = [x for s, e in view.sentences for x in find_dates(view.text[s:e], view.lang, doc_date, base=s)]
    claims = extract_claims(view, mentions, doc_date)
    said = [c for c in claims if not c.joint]
    meetings, trips = extract_meetings(view, mentions, dates, said)
    place_meetings(view, meetings, mentions, lex, said, trips)
    claims = reportable(view, joint_speakers(view, claims, meetings))
    return build_records(meta, view, meetings, claims, lex.places)


def iter_inputs(paths: Iterable[str | Path], glob: str | None = None) -> Iterator[Path | DocResult]:
    """Files named or found under directories (sorted, recursive). A folder reached a second time
    through a symlink (an alias of a sibling) is skipped quietly; a symlink back to a folder above
    it (a real loop) is reported."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            seen: set[tuple[int, int]] = set()
            yield from _walk(p, glob, seen, frozenset())
        elif p.exists() or p.is_symlink():
            yield p
        else:
            yield DocResult(input=str(raw), error=f"{raw}: no such file or directory")


def _walk(d: Path, glob: str | None, seen: set[tuple[int, int]],
          above: frozenset[tuple[int, int]]) -> Iterator[Path | DocResult]:
    try:
        st = d.stat()
    except OSError as e:
        yield DocResult(input=str(d), error=f"{d}: cannot read directory ({e.strerror or e})")
        return
    key = (st.st_dev, st.st_ino)
    if key in above:
        yield DocResult(input=str(d), error=f"{d}: symlink loop, directory skipped")
        return
    if key in seen:
        return  # the same folder under another name: its files are read once
    seen.add(key)
    try:
        entries = sorted(d.iterdir(), key=lambda x: x.name)
    except OSError as e:
        yield DocResult(input=str(d), error=f"{d}: cannot read directory ({e.strerror or e})")
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        if e.is_dir():
            yield from _walk(e, glob, seen, above | {key})
        elif e.is_file() or e.is_symlink():
            if glob is None or e.match(glob):
                yield e

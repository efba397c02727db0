"""The ordered stages: read -> view -> language -> sentences -> NER -> mentions -> dates -> claims
-> meetings -> locations -> joint speakers -> records, each once per document (``run_stages`` runs
those after NER). Models are built once per language per process and the sentences of many
documents go to NER together."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .claims import extract_claims, reportable
from .dates import document_date, find_dates
from .errors import AttacheError, InputError, UsageError
from .language import Block, language_blocks, main_language, supported
from .locations import place_meetings
from .meetings import extract_meetings, joint_speakers
from .mentions import Lexicons, build_mentions, lexicons
from .ner import NER, Entity, locate_model
from .read import DEFAULT_MAX_BYTES, decode_bytes, read_file
from .records import build_records, record_id
from .view import View, build_view

# A document longer than this is read in windows of at most this many characters, cut at paragraph
# breaks where it can. The rules compare the mentions of a text with each other, so their cost
# grows faster than its length; windows keep it linear in a long document and its memory bounded.
# News articles are read whole: the longest in the gold and news sets has about 5,000 characters.
WINDOW_CHARS = 20_000
# Parts of documents (windows, or whole articles) go to NER and the rules in groups of about this
# many characters: Stanza tags a group's sentences in one call, and memory is bounded per group.
GROUP_CHARS = 100_000


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


# A publication date of reduced ISO 8601 precision ("2023-05", "2023"), as some feeds and archives
# give it: no day to resolve "on Monday" or "today" against, so the document is read as undated.
REDUCED_DATE = re.compile(r"\d{4}(-\d{2})?")


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
                 batch_docs: int = 16, window_chars: int = WINDOW_CHARS, group_chars: int = GROUP_CHARS,
                 progress: Callable[[InputDoc, int, int], object] | None = None) -> None:
        self.ner = NER(models_dir)
        self.models_dir = models_dir
        self.actors_file = actors_file
        self.places_file = places_file
        self.lang = lang
        self.doc_date = _parse_date(doc_date)
        self.batch_docs = batch_docs
        self.window_chars = window_chars
        self.group_chars = group_chars
        self.progress = progress
        self._warm: set[str] = set()
        self._freeze_pending = False

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
        """Extract from a batch of documents; one result per document, in order.

        Each document is planned as parts (a window of at most ``window_chars`` of one language);
        parts go through NER and the rules in groups of about ``group_chars``, so time grows
        linearly with a document's length and memory stays bounded whatever the batch holds.
        ``self.progress(doc, done, total)`` (characters) is called as a document of several
        parts advances."""
        results: list[DocResult] = []
        parts: list[_Part] = []
        for d in docs:
            r = DocResult(input=d.path or d.id, warnings=list(d.warnings), sha256=d.sha256)
            results.append(r)
            try:
                parts.extend(self._prepare(d, r))
            except AttacheError as e:
                r.error = str(e) if isinstance(e, InputError) else f"{r.input}: {e}"
        group: list[_Part] = []
        size = 0
        for part in parts:
            group.append(part)
            size += part.end - part.start
            if size >= self.group_chars:
                self._run_group(group)
                group, size = [], 0
        if group:
            self._run_group(group)
        return results

    def _run_group(self, group: list[_Part]) -> None:
        """NER, per language, over the sentences of every part of the group, then the rules per part."""
        if self._freeze_pending:
            # a second group: the models and dictionaries loaded for the first (~800k long-lived
            # objects) are collected once and frozen, so full collections stop rescanning them.
            # Not done after the first group, so a one-article run writes its records sooner.
            self._freeze_pending = False
            gc.collect()
            gc.freeze()
        if any(p.lang not in self._warm for p in group):
            # A language's first group loads its NER model, dictionaries and tries: hundreds of
            # thousands of objects that live as long as the process. Every collection the
            # allocations trigger would rescan them all (about a second of CPU in a process that
            # meets the three languages), so the collector waits until they are frozen (see above).
            with gc_paused():
                self._tag_and_run(group)
        else:
            self._tag_and_run(group)

    def _tag_and_run(self, group: list[_Part]) -> None:
        views: list[View | None] = [build_view(p.job.doc.text, p.lang, p.start, p.end) for p in group]
        entities: list[list[Any]] = [[] for _ in group]
        by_lang: dict[str, list[int]] = {}
        for i, p in enumerate(group):
            by_lang.setdefault(p.lang, []).append(i)
        for lang, idx in by_lang.items():
            lang_views = [v for i in idx if (v := views[i]) is not None]
            tagged = self.ner.tag(lang, [(v.text[s:e], s) for v in lang_views for s, e in v.sentences])
            k = 0
            for i, v in zip(idx, lang_views, strict=True):
                n = len(v.sentences)
                entities[i] = [e for per in tagged[k:k + n] for e in per]
                k += n
            if lang not in self._warm:
                self._warm.add(lang)
                self._freeze_pending = True
        for i, p in enumerate(group):
            job = p.job
            job.add(self._stages(job.doc, views[i], job.dd, job.meta, entities[i]), p)
            views[i] = None  # the views of a long document's windows go as they are done
            if len(job.parts) > 1 and self.progress is not None:
                self.progress(job.doc, job.done, job.total)

    def _prepare(self, d: InputDoc, r: DocResult) -> list[_Part]:
        """The parts of a document: its language blocks, each cut into windows; the document date
        and the ``doc`` object of its records."""
        name = d.path or d.id
        lang = d.lang or self.lang
        if lang is None:
            blocks, why = language_blocks(d.text)
            if not blocks:
                raise InputError(name, f"unsupported language ({why}); attache reads ar, fa, en "
                                       f"(force one with --lang)")
            lang = main_language(blocks) or blocks[0].lang
        elif not supported(lang):
            raise InputError(name, f"unsupported language {lang!r} (attache reads ar, fa, en)")
        else:
            blocks = [Block(0, len(d.text), lang, 0)]
        blocks = self._readable(blocks, lang, r)
        reduced = isinstance(d.date, str) and REDUCED_DATE.fullmatch(d.date.strip()) is not None
        if reduced:
            r.warnings.append(f"date {d.date!r} gives no day: read as undated "
                              f"(a date the text gives is used)")
        if d.date and not reduced:
            dd, source = _parse_date(d.date), d.date_source if d.date_source != "none" else "input"
        elif self.doc_date is not None:
            dd, source = self.doc_date, "option"
        else:
            found = document_date(d.text, blocks[0].lang)
            dd, source = (found.value, "text") if found is not None else (None, "none")
        meta = {
            "id": d.id, "path": d.path, "sha256": d.sha256, "lang": lang, "encoding": d.encoding,
            "date": {"value": dd.isoformat() if dd else None, "source": source},
        }
        r.lang = lang
        job = _Job(d, r, dd, meta, total=len(d.text))
        for b in blocks:
            for s, e in windows(d.text, b.start, b.end, self.window_chars):
                job.parts.append(_Part(job, s, e, b.lang))
        return job.parts

    def _readable(self, blocks: list[Block], main: str, r: DocResult) -> list[Block]:
        """The blocks there is a model for: a block in another language than the document's main
        one is skipped with a warning when that language has no NER model (the rest is read)."""
        out = []
        for b in blocks:
            if b.lang != main and locate_model(b.lang, self.models_dir).kind == "missing":
                r.warnings.append(f"{b.end - b.start} characters in {b.lang!r} skipped: no NER model "
                                  f"for {b.lang!r} (`attache models download {b.lang}`)")
                continue
            out.append(b)
        return out

    def _stages(self, d: InputDoc, view, dd, meta, entities) -> list[dict[str, Any]]:
        lex = lexicons(view.lang, self.actors_file, self.places_file)
        return run_stages(view, entities, dd, meta, lex)

    # -- paths --------------------------------------------------------------------------------
    def extract_paths(self, paths: Iterable[str | Path], glob: str | None = None,
                      max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1,
                      cluster: str | None = None) -> Iterator[DocResult]:
        """Yield one result per input file (directories walked recursively), errors included, in
        input order. The loop is the batch runner's (``extractors.batch``): a batch that fails is
        retried one document at a time, and a text with an endless line is refused. ``jobs`` > 1
        spreads the batches over worker processes; ``cluster`` (``local:N`` or a Dask scheduler
        address such as ``tcp://10.0.0.5:8786``) over the workers of a Dask cluster."""
        from .batch import BatchOptions, BatchRun, ExtractorConfig, iter_units

        opts = BatchOptions(config=ExtractorConfig.of(self), max_bytes=max_bytes, jobs=jobs, cluster=cluster,
                            batch_docs=self.batch_docs if jobs <= 1 and not cluster else None, signals=False)
        with BatchRun(opts, extractor=self) as run:
            for outcome in run.run(iter_units([str(p) for p in paths], glob)):
                yield outcome.result


def run_stages(view: View, entities: Sequence[Entity], doc_date: date | None, meta: dict[str, Any],
               lex: Lexicons) -> list[dict[str, Any]]:
    """The stages after NER, each once: mentions, dates, claims, meetings, places, the speakers
    of joint claims, the claims a record is written for, records."""
    mentions = build_mentions(view, entities, doc_date, lex)
    dates = [x for s, e in view.sentences for x in find_dates(view.text[s:e], view.lang, doc_date, base=s)]
    claims = extract_claims(view, mentions, doc_date)
    said = [c for c in claims if not c.joint]
    seen = [m for m in mentions if not m.speaker_only]
    meetings, trips = extract_meetings(view, seen, dates, said, doc_date)
    place_meetings(view, meetings, seen, lex, said, trips)
    claims = reportable(view, joint_speakers(view, claims, meetings))
    return build_records(meta, view, meetings, claims, lex.places)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, then back as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@dataclass
class _Job:
    """One document being extracted part by part: its records so far, renumbered as one document."""

    doc: InputDoc
    result: DocResult
    dd: date | None
    meta: dict[str, Any]
    total: int
    parts: list[_Part] = field(default_factory=list)
    done: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"meeting": 0, "claim": 0})

    def add(self, records: list[dict[str, Any]], part: _Part) -> None:
        """Append one part's records: ids continue the document's numbering (a claim's meeting id
        follows its meeting), and each record says the language it was read in."""
        renamed: dict[str, str] = {}
        for rec in records:
            kind = rec.get("type")
            if kind in self.counts:
                self.counts[kind] += 1
                new = record_id(self.meta["sha256"], kind[0], self.counts[kind])
                renamed[rec["id"]] = new
                rec["id"] = new
        for rec in records:
            if rec.get("meeting") in renamed:
                rec["meeting"] = renamed[rec["meeting"]]
            self.result.records.append(_with_lang(rec, part.lang))
        self.done += part.end - part.start


@dataclass
class _Part:
    """``doc.text[start:end]``, read in ``lang``: a window of one language block of a document."""

    job: _Job
    start: int
    end: int
    lang: str


def _with_lang(rec: dict[str, Any], lang: str) -> dict[str, Any]:
    """The record with ``"lang"`` (the language it was extracted in) placed after ``"doc"``."""
    out: dict[str, Any] = {}
    for k, v in rec.items():
        if k != "lang":
            out[k] = v
        if k == "doc":
            out["lang"] = lang
    out.setdefault("lang", lang)
    return out


# Where a window may end, best first: a paragraph break, a line break, a sentence end, a space.
_WINDOW_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?\u061f\u06d4\u2026][\"'»”)\]]*\s"),
                re.compile(r"\s"))


def windows(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut into consecutive windows of at most ``size`` characters, each ending
    at the best break (see ``_WINDOW_CUTS``) in the second half of its stretch; exactly at ``size``
    only when that half has no whitespace at all. Linear in the length of the text."""
    out = []
    s = start
    while end - s > size:
        lo, hi = s + size // 2, s + size
        cut = None
        for pattern in _WINDOW_CUTS:
            last = None
            for m in pattern.finditer(text, lo, hi):
                last = m
            if last is not None:
                cut = last.end()
                break
        cut = cut if cut is not None and cut > s else hi
        out.append((s, cut))
        s = cut
    out.append((s, end))
    return out



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

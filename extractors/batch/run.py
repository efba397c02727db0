"""The run policy: which units need work, batches in input order, outputs then journal lines.

``BatchRun`` takes the locks, loads the ``State``, installs the signal handlers and yields one
``Outcome`` per unit, in input order whatever ``--jobs`` is. With an output directory every
document's records are written to their own file atomically and only then recorded in the state's
journal. Documents go to the extractor in batches (the NER model tags many sentences at once); with
``jobs > 1`` the batches go to worker processes, and results are put back in input order before
anything is written.
"""

from __future__ import annotations

import contextlib
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from ..errors import AttacheError
from ..files import atomic_write, fit_name, printable
from ..pipeline import DocResult, Extractor, InputDoc
from ..read import DEFAULT_MAX_BYTES
from .signals import Interrupted, SignalGuard  # noqa: F401 - Interrupted is part of a run's contract
from .state import DEFAULT_STATE_NAME, LOCK_NAME, RunLock, State, remove_stale_temporaries
from .units import Unit, _own_output
from .workers import ExtractorConfig, _Pool, extract_batch, get_extractor

FORMAT_SUFFIX = {"jsonl": ".jsonl", "json": ".json", "csv": ".csv"}

# A stretch of this many characters with no sentence end and no line break is not running text
# (the longest in the seed and gold articles is under 500). Refusing it keeps one minified page or
# data dump from costing minutes of NER and gigabytes of memory.
MAX_UNBROKEN_CHARS = 10_000
_UNBROKEN = re.compile(r"[^.!?\u061f\u06d4\u2026\n]+")
# Sentences longer than this reach NER in pieces (split at whitespace): the tagger's cost grows
# faster than linearly with sentence length, and hard-wrapped text without punctuation can join
# into one very long sentence even when no single line is long.
# A batch sent to the extractor is flushed at this many documents or characters, whichever comes
# first, so memory stays bounded whatever the corpus size.
BATCH_DOCS = 16
POOL_BATCH_DOCS = 4
BATCH_CHARS = 1_000_000


def longest_unbroken(text: str) -> int:
    """Length of the longest stretch without a sentence end or a line break (linear time)."""
    return max((m.end() - m.start() for m in _UNBROKEN.finditer(text)), default=0)


# -- the run -----------------------------------------------------------------------------------
@dataclass
class Outcome:
    """What happened to one unit: ``done`` (records extracted now), ``skipped`` (unchanged since the
    run the state remembers) or ``failed`` (``result.error`` says why, in one line)."""

    unit: Unit
    status: str
    result: DocResult
    output: Path | None = None


Writer = Callable[[Iterable[dict[str, Any]], IO[bytes]], int]


@dataclass
class BatchOptions:
    config: ExtractorConfig = field(default_factory=ExtractorConfig)
    fmt: str = "jsonl"
    input_format: str = "text"
    writer: Writer | None = None  # writes one output file (required with output_dir)
    output_dir: Path | None = None
    state_path: Path | None = None
    lock_timeout: float = 0.0
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 1
    batch_docs: int | None = None
    batch_chars: int = BATCH_CHARS
    max_unbroken: int = MAX_UNBROKEN_CHARS
    store: bool = False  # the caller will feed an event store: remember which outputs reached it
    cluster: str | None = None  # a Dask cluster (local:N or a scheduler address) instead of --jobs
    signals: bool = True  # SIGINT/SIGTERM become Interrupted (a command); a library call leaves them be


@dataclass
class _Slot:
    units: list[tuple[Unit, InputDoc | None, Outcome | None]]
    future: Any = None
    results: list[DocResult] | None = None


class BatchRun:
    """One run over many units; use as a context manager (locks, state, signals), then ``run``."""

    def __init__(self, opts: BatchOptions, extractor: Extractor | None = None) -> None:
        if opts.output_dir is not None and opts.writer is None:
            raise ValueError("an output folder needs a writer")
        self.opts = opts
        self.extractor = extractor  # this process's extractor; the config's shared one when None
        self.config_fp = opts.config.fingerprint(opts.fmt, opts.input_format)
        self.state_path = opts.state_path
        if self.state_path is None and opts.output_dir is not None:
            self.state_path = opts.output_dir / DEFAULT_STATE_NAME
        self.state: State | None = None
        self.guard = SignalGuard()
        self._lock: RunLock | None = None
        self._pool: Any = None  # _Pool, ClusterPool or None (batches run in this process)
        self._claimed: dict[str, str] = {}
        self._uncommitted: list[tuple[str, dict[str, Any]]] = []
        self.outputs: list[Path] = []  # output files of this run's inputs, done now or before
        self.counts = {"done": 0, "skipped": 0, "failed": 0}
        self.cleaned = 0

    # context ---------------------------------------------------------------------------------
    def __enter__(self) -> BatchRun:
        locks = []
        if self.opts.state_path is not None:  # the default state inside an output folder needs no lock
            locks.append(self.state_path.with_name(self.state_path.name + ".lock"))
        if self.opts.output_dir is not None:
            locks.append(self.opts.output_dir / LOCK_NAME)
        self._lock = RunLock(locks, self.opts.lock_timeout).__enter__()
        try:
            if self.state_path is not None:
                self.state = State(self.state_path)
                self.cleaned += remove_stale_temporaries(self.state_path.parent, self.state_path.name + ".",
                                                          recursive=False)
            if self.opts.output_dir is not None:
                self.cleaned += remove_stale_temporaries(self.opts.output_dir)
            if self.opts.signals:
                self.guard.__enter__()
        except BaseException:
            self._lock.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.guard.hold()  # a signal now only hurries what is already ending
        try:
            if self._pool is not None:
                self._pool.close(kill=exc[0] is not None)
                self._pool = None
            if self.state is not None:
                # Whatever happened, the journal holds exactly what is on disk: fold it in.
                with contextlib.suppress(OSError):
                    self.state.save()
                self.state.close()
        finally:
            self.guard.__exit__()
            if self._lock is not None:
                self._lock.__exit__()

    # per-unit decisions ----------------------------------------------------------------------
    def output_path(self, unit: Unit) -> Path | None:
        if self.opts.output_dir is None or unit.out_name is None:
            return None
        folder, _, name = unit.out_name.rpartition("/")
        return self.opts.output_dir / folder / fit_name(name, FORMAT_SUFFIX[self.opts.fmt])

    def _unchanged(self, unit: Unit) -> bool:
        if self.state is None or unit.digest is None:
            return False
        entry = self.state.get(unit.key)
        if not entry or entry.get("sha256") != unit.digest or entry.get("config") != self.config_fp:
            return False
        out = self.output_path(unit)
        return out is None or out.is_file()

    def _load(self, ex: Extractor, unit: Unit) -> InputDoc | Outcome:
        """Read and decode a unit, or decide it needs no work; failures become outcomes."""
        if unit.error:
            return self._fail(unit, unit.error)
        try:
            if unit.doc is not None:
                doc = unit.doc
            elif unit.data is not None:
                doc = ex.from_bytes(unit.data, "stdin")
                unit.digest = doc.sha256
            else:
                if _own_output(unit.path):
                    self.counts["skipped"] += 1
                    note = "an attache output file (records, state or table), not an article: skipped"
                    return Outcome(unit, "skipped", DocResult(input=unit.label, warnings=[note]))
                doc = ex.load(unit.path, self.opts.max_bytes)
                unit.digest = doc.sha256
        except AttacheError as e:
            return self._fail(unit, printable(str(e)))
        if unit.doc is None:
            doc.path = None if unit.data is not None else unit.label
            doc.id = unit.doc_id or doc.id
        out = self.output_path(unit)
        if out is not None:
            other = self._claimed.setdefault(str(out), unit.label)
            if other != unit.label:
                return self._fail(unit, f"{unit.label}: its output file {out} is already the output of "
                                        f"{other}; run these inputs into different output folders")
        if self._unchanged(unit):
            if out is not None:
                self.outputs.append(out)
            self.counts["skipped"] += 1
            return Outcome(unit, "skipped", DocResult(input=unit.label, sha256=unit.digest), out)
        longest = longest_unbroken(doc.text)
        if longest > self.opts.max_unbroken:
            limit = self.opts.max_unbroken
            return self._fail(unit, f"{unit.label}: a stretch of {longest} characters without a sentence end "
                                    f"or line break (the limit is {limit}): not running text")
        return doc

    def _fail(self, unit: Unit, error: str) -> Outcome:
        self.counts["failed"] += 1
        return Outcome(unit, "failed", DocResult(input=unit.label, error=error))

    # the loop --------------------------------------------------------------------------------
    def run(self, units: Iterable[Unit]) -> Iterator[Outcome]:
        """Outcomes in input order. With an output folder each document is written and journaled
        before its outcome is yielded; otherwise call ``commit`` once the caller's output is safe."""
        ex = self.extractor or get_extractor(self.opts.config)
        jobs = max(1, self.opts.jobs)
        if self.opts.cluster:
            from .cluster import ClusterPool

            # a cluster's task is a whole NER batch: fewer round trips, and each worker tags as
            # many sentences at once as a run in one process does
            self._pool = ClusterPool(self.opts.config, self.opts.cluster)
            max_docs = self.opts.batch_docs or BATCH_DOCS
            window = self._pool.window
        else:
            if jobs > 1:
                self._pool = _Pool(self.opts.config, jobs)
            max_docs = self.opts.batch_docs or (POOL_BATCH_DOCS if jobs > 1 else BATCH_DOCS)
            window = 2 * jobs
        slots: deque[_Slot] = deque()
        current = _Slot([])
        n_docs = n_chars = 0
        for unit in units:
            self.guard.check()
            item = self._load(ex, unit)
            if isinstance(item, Outcome):
                if n_docs == 0:
                    slots.append(_Slot([(unit, None, item)]))
                else:
                    current.units.append((unit, None, item))
            else:
                current.units.append((unit, item, None))
                n_docs += 1
                n_chars += len(item.text)
            if n_docs >= max_docs or n_chars >= self.opts.batch_chars:
                self._submit(ex, current)
                slots.append(current)
                current, n_docs, n_chars = _Slot([]), 0, 0
            while slots and (self._ready(slots[0]) or len(slots) > window):
                yield from self._finish(slots.popleft())
        if current.units:
            if n_docs:
                self._submit(ex, current)
            slots.append(current)
        while slots:
            yield from self._finish(slots.popleft())

    def _submit(self, ex: Extractor, slot: _Slot) -> None:
        docs = [d for _, d, _ in slot.units if d is not None]
        if self._pool is None:
            slot.results = extract_batch(ex, docs)
        else:
            slot.future = self._pool.submit(docs)

    @staticmethod
    def _ready(slot: _Slot) -> bool:
        return slot.future is None or slot.future.done()

    def _results(self, slot: _Slot) -> list[DocResult]:
        if slot.future is None:
            return slot.results or []
        assert self._pool is not None
        lost = self._pool.lost
        try:
            return slot.future.result()
        except lost:
            pass
        # A worker died (killed, out of memory, a crash in native code): a process pool fails every
        # batch in flight, a Dask cluster gives the batch to another worker and gives up only
        # when it has killed several. Each document of the batch is then tried alone: the one
        # that kills its worker again fails by itself and the others come through.
        out = []
        for d in (d for _, d, _ in slot.units if d is not None):
            try:
                out.extend(self._pool.submit([d]).result())
            except lost:
                out.append(DocResult(input=d.path or d.id, sha256=d.sha256, warnings=list(d.warnings),
                                     error=f"{d.path or d.id}: the worker process died on this document "
                                           f"(out of memory?)"))
        return out

    def _finish(self, slot: _Slot) -> Iterator[Outcome]:
        results = iter(self._results(slot))
        for unit, _doc, outcome in slot.units:
            if outcome is None:
                outcome = self._complete(unit, next(results))
            yield outcome

    def _complete(self, unit: Unit, res: DocResult) -> Outcome:
        res.input = unit.label
        if res.error:
            self.counts["failed"] += 1
            return Outcome(unit, "failed", res)
        entry = {"sha256": unit.digest, "config": self.config_fp, "records": len(res.records), "path": unit.label,
                 "done": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
        out = self.output_path(unit)
        if out is not None:
            entry["output"] = out.relative_to(self.opts.output_dir).as_posix()
            entry["stored"] = False
            writer = self.opts.writer
            assert writer is not None
            with self.guard.critical():
                atomic_write(out, lambda f: writer(res.records, f))
                if self.state is not None:
                    self.state.record(unit.key, entry)
                self.outputs.append(out)
                self.counts["done"] += 1
            return Outcome(unit, "done", res, out)
        if self.state is not None:
            self._uncommitted.append((unit.key, entry))
        self.counts["done"] += 1
        return Outcome(unit, "done", res, out)

    # after the run -----------------------------------------------------------------------------
    def commit(self, stored: bool = False) -> int:
        """Remember the documents whose records went to the caller's stream (stdout, ``-o``, a store):
        call it only once that output is complete. Returns how many were recorded."""
        if self.state is None:
            return 0
        with self.guard.critical():
            for key, entry in self._uncommitted:
                self.state.record(key, {**entry, "stored": stored})
            n = len(self._uncommitted)
            self._uncommitted.clear()
        return n

    def unstored(self) -> list[tuple[str, Path]]:
        """(key, output file) of finished documents whose records have not reached the event store
        yet, from this run or from an earlier one killed before its store update."""
        if self.state is None or self.opts.output_dir is None:
            return []
        out = []
        for key, entry in sorted(self.state.entries.items()):
            if entry.get("stored") is False and entry.get("output") and entry.get("config") == self.config_fp:
                p = self.opts.output_dir / entry["output"]
                if p.is_file():
                    out.append((key, p))
        return out

    def document_versions(self, keys: Iterable[str]) -> dict[str, str]:
        """path -> sha256 of the documents remembered under ``keys`` (for the event store, which
        drops the reports of a document's earlier versions)."""
        if self.state is None:
            return {}
        return {e["path"]: e["sha256"] for k in keys
                if (e := self.state.get(k)) and e.get("path") and e.get("sha256")}

    def mark_stored(self, keys: Iterable[str]) -> None:
        if self.state is None:
            return
        with self.guard.critical():
            for key in keys:
                entry = self.state.get(key)
                if entry is not None and entry.get("stored") is False:
                    self.state.record(key, {**entry, "stored": True})

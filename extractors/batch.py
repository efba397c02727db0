"""Batch and cron runs: many inputs, bad ones reported and skipped, resumable, lock-protected.

Why this module exists: a news cron feeds attache whatever landed in a folder. Some files are
empty, binary, HTML, in another language, unreadable or huge; runs get killed by timeouts and
overlap with the next run. The policy for all of that lives here, as library code (no typer, no
rich), so the CLI only parses options and prints.

The pieces, in the order a run uses them:

* ``iter_units`` turns the command-line inputs (files, directories, ``-``, JSONL feeds) into
  ``Unit``\\ s: one per document, each with the key the state remembers it by and the name of its
  output file under ``--output-dir``. Inputs that cannot even be found become failed units, so
  the batch goes on and the caller reports one line per bad input.
* ``needed_languages`` reads only the first few KB of each input, so a missing NER model is
  reported before anything runs (and before any lock is taken).
* ``BatchRun`` takes the locks, loads the ``State``, installs the SIGINT/SIGTERM handlers and
  yields one ``Outcome`` per unit, in input order whatever ``--jobs`` is. With an output
  directory every document's records are written to their own file atomically (temporary file,
  fsync, rename) and only then recorded in the state's append-only journal, so a run killed at
  any instant leaves finished files, no truncated ones, and a state that never claims more than
  what is on disk. A re-run skips inputs whose content hash and options are unchanged.
* Documents go to the extractor in batches (the NER model tags many sentences at once); with
  ``jobs > 1`` the batches go to worker processes that load their models once each, and results
  are put back in input order before anything is written.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import logging
import os
import re
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

import orjson

from .errors import AttacheError, DataError, InputError, ModelDamagedError, ModelMissingError
from .files import TMP_SUFFIX, atomic_file, atomic_write, fit_name, printable  # noqa: F401 - re-exported
from .language import detect_language, supported
from .ner import BoundedNER, split_long  # noqa: F401 - re-exported for callers
from .pipeline import DocResult, Extractor, InputDoc, iter_inputs
from .read import DEFAULT_MAX_BYTES, decode_bytes, html_to_text

log = logging.getLogger("attache.batch")

STATE_SCHEMA = "attache-state/1"
DEFAULT_STATE_NAME = ".attache-state.json"  # inside --output-dir when no --state is given
LOCK_NAME = ".attache.lock"  # inside --output-dir
FORMAT_SUFFIX = {"jsonl": ".jsonl", "json": ".json", "csv": ".csv"}
SAMPLE_BYTES = 4096  # what the model pre-check reads of each file

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


class Interrupted(BaseException):  # noqa: N818 - reads like KeyboardInterrupt, which it stands beside
    """SIGINT or SIGTERM arrived. A BaseException, so ``except Exception`` in the stages cannot
    swallow it; the CLI turns it into exit status 128 + signal number."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.exit_code = 128 + signum
        super().__init__(f"interrupted by {signal.Signals(signum).name}")


class LockBusyError(AttacheError):
    """Another run holds the lock of the same state file or output directory."""

    exit_code = 5


class StateError(AttacheError):
    """The state file cannot be used; it is never overwritten, so a month of history is not lost."""

    exit_code = 2


# -- extractors, one per process ---------------------------------------------------------------
@dataclass(frozen=True)
class ExtractorConfig:
    """What an ``Extractor`` is built from; hashable, so each process builds one per config."""

    models_dir: str | None = None
    actors_file: str | None = None
    places_file: str | None = None
    lang: str | None = None
    doc_date: str | None = None

    def fingerprint(self, fmt: str, input_format: str = "text") -> str:
        """A short hash of everything that changes a document's records: a re-run with other options
        (or another attache version, dictionary or model folder) must not reuse earlier results."""
        try:
            from importlib.metadata import version

            ver = version("attache")
        except Exception:  # noqa: BLE001 - running from a source tree without an install
            ver = "source"
        parts = {
            "attache": ver, "format": fmt, "input_format": input_format, "lang": self.lang,
            "doc_date": self.doc_date, "actors": _file_digest(self.actors_file),
            "places": _file_digest(self.places_file),
            "models": os.path.abspath(self.models_dir) if self.models_dir else None,
        }
        return hashlib.sha256(orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]


def _file_digest(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return f"unreadable:{path}"


_EXTRACTORS: dict[ExtractorConfig, Extractor] = {}


def get_extractor(cfg: ExtractorConfig) -> Extractor:
    """The process's ``Extractor`` for ``cfg``: models and dictionaries load once per process."""
    ex = _EXTRACTORS.get(cfg)
    if ex is None:
        ex = Extractor(models_dir=cfg.models_dir, actors_file=cfg.actors_file, places_file=cfg.places_file,
                       lang=cfg.lang, doc_date=cfg.doc_date)
        _EXTRACTORS[cfg] = ex
    return ex




def longest_unbroken(text: str) -> int:
    """Length of the longest stretch without a sentence end or a line break (linear time)."""
    return max((m.end() - m.start() for m in _UNBROKEN.finditer(text)), default=0)


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


# -- extraction of a batch, in this process or a worker ----------------------------------------
def extract_batch(ex: Extractor, docs: Sequence[InputDoc]) -> list[DocResult]:
    """``ex.extract_many`` with a safety net: when a batch fails, its documents are retried one by
    one, so one document that trips a bug costs only itself. A broken dictionary file (DataError)
    or a damaged model file still stops the run: every document would fail the same way."""
    try:
        return ex.extract_many(docs)
    except (DataError, ModelDamagedError):
        raise
    except Exception as e:  # noqa: BLE001 - retried document by document below
        if len(docs) == 1:
            return [_failed(docs[0], e)]
        log.debug("batch of %d failed, retrying one by one", len(docs), exc_info=True)
    results: list[DocResult] = []
    for d in docs:
        try:
            results.extend(ex.extract_many([d]))
        except (DataError, ModelDamagedError):
            raise
        except Exception as e:  # noqa: BLE001 - reported as this document's error
            results.append(_failed(d, e))
    return results


def _failed(d: InputDoc, e: Exception) -> DocResult:
    name = d.path or d.id
    if isinstance(e, ModelMissingError):
        msg = f"{name}: {e}"
    else:
        log.debug("internal error on %s", name, exc_info=True)
        msg = f"{name}: internal error ({type(e).__name__}: {e})"
    return DocResult(input=name, error=" ".join(msg.split()), warnings=list(d.warnings), sha256=d.sha256)


_WORKER_CFG: ExtractorConfig | None = None


def _worker_init(cfg: ExtractorConfig, threads: int, parent: int) -> None:
    """Runs once in each worker: Ctrl-C is the parent's to handle (it goes to the whole process
    group), torch shares the cores instead of oversubscribing them, and a watchdog ends the worker
    if the parent dies without shutting the pool down (SIGKILL)."""
    global _WORKER_CFG
    _WORKER_CFG = cfg
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(Exception):
        import torch

        torch.set_num_threads(threads)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="attache-parent-watch", daemon=True).start()


def _worker_extract(docs: list[InputDoc]) -> list[DocResult]:
    assert _WORKER_CFG is not None
    return extract_batch(get_extractor(_WORKER_CFG), docs)


QUIET_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"


class _Pool:
    """Worker processes (spawned, so no locks or threads are inherited mid-state), replaced by a
    fresh pool when one of them dies (out of memory, a crash in native code)."""

    def __init__(self, cfg: ExtractorConfig, jobs: int) -> None:
        self.cfg, self.jobs = cfg, jobs
        self.executor: Any = None

    def submit(self, docs: list[InputDoc]) -> Any:
        if self.executor is not None and getattr(self.executor, "_broken", False):
            self.close(kill=True)
        if self.executor is None:
            import multiprocessing
            import sys
            from concurrent.futures import ProcessPoolExecutor

            # The pool's queues hold semaphores that multiprocessing's resource tracker (a helper
            # process started with the pool, taking its -W options from sys.warnoptions) removes if
            # this process is killed; it then also prints a "leaked semaphore" warning into the
            # cron log for what it has just cleaned up. The clean-up stays, the noise goes.
            if QUIET_TRACKER not in sys.warnoptions:
                sys.warnoptions.append(QUIET_TRACKER)

            threads = max(1, (os.cpu_count() or 1) // self.jobs)
            self.executor = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                                initializer=_worker_init,
                                                initargs=(self.cfg, threads, os.getpid()))
        return self.executor.submit(_worker_extract, docs)

    def close(self, kill: bool = False) -> None:
        ex, self.executor = self.executor, None
        if ex is None:
            return
        if kill:
            # ProcessPoolExecutor has no public way to stop a running task (3.14 adds one), so the
            # workers are terminated directly; their futures then fail and are cancelled.
            for p in list((getattr(ex, "_processes", None) or {}).values()):
                with contextlib.suppress(Exception):
                    p.terminate()
        ex.shutdown(wait=True, cancel_futures=True)


# -- state -------------------------------------------------------------------------------------
class State:
    """What earlier runs finished: ``key -> {sha256, config, output, records, stored, done}``.

    On disk: a JSON snapshot written atomically, plus ``<state>.journal`` to which each finished
    input is appended (flushed and fsynced) as soon as its output is in place. Loading replays the
    journal over the snapshot and ignores a torn last line, so a run killed at any moment loses at
    most the document it was writing. ``save`` folds the journal into a new snapshot.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self.entries: dict[str, dict[str, Any]] = {}
        self._journal: IO[bytes] | None = None
        self._load()

    def _load(self) -> None:
        if self.path.exists():
            try:
                data = orjson.loads(self.path.read_bytes())
                if not isinstance(data, dict) or data.get("schema") != STATE_SCHEMA:
                    raise ValueError(f"not an {STATE_SCHEMA} file")
                self.entries = dict(data.get("entries") or {})
            except (OSError, ValueError) as e:
                raise StateError(f"state file {self.path} cannot be used ({e}); "
                                 f"move it away to start afresh, or pass another --state") from None
        if self.journal_path.exists():
            try:
                lines = self.journal_path.read_bytes().splitlines()
            except OSError as e:
                raise StateError(f"cannot read {self.journal_path}: {e.strerror or e}") from None
            for line in lines:
                try:
                    row = orjson.loads(line)
                    self.entries[row["key"]] = row["entry"]
                except (orjson.JSONDecodeError, KeyError, TypeError):
                    continue  # a line torn by a kill: that input is simply done again

    def get(self, key: str) -> dict[str, Any] | None:
        return self.entries.get(key)

    def record(self, key: str, entry: dict[str, Any]) -> None:
        """Remember one finished input, durably, before anything else happens."""
        self.entries[key] = entry
        if self._journal is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._journal = open(self.journal_path, "ab")  # noqa: SIM115 - kept open for the run
        self._journal.write(orjson.dumps({"key": key, "entry": entry}) + b"\n")
        self._journal.flush()
        os.fsync(self._journal.fileno())

    def save(self) -> None:
        """Write the snapshot atomically, then drop the journal it now contains."""
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        if not self.journal_path.exists() and self.path.exists():
            return
        data = {"schema": STATE_SCHEMA, "entries": dict(sorted(self.entries.items()))}
        atomic_write(self.path, lambda f: f.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"),
                     sync_dir=True)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.journal_path)

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None


# -- files -------------------------------------------------------------------------------------
def remove_stale_temporaries(folder: Path, prefix: str = "", recursive: bool = True) -> int:
    """Delete temporary files a killed run left behind (only ours: ``.<prefix>*.attache-tmp``).
    Called under the run's lock, so no live run is writing them."""
    if not folder.is_dir():
        return 0
    n = 0
    pattern = f".{prefix}*{TMP_SUFFIX}"
    found = folder.rglob(pattern) if recursive else folder.glob(pattern)
    for p in found:
        with contextlib.suppress(OSError):
            p.unlink()
            n += 1
    return n


def read_output(path: Path) -> list[dict[str, Any]]:
    """Records of an output file written by an earlier run (JSONL or a JSON array)."""
    from .merge import parse_records

    return list(parse_records(path.read_bytes(), str(path)))


class RunLock:
    """Exclusive locks (``filelock``: released by the OS even when the holder is SIGKILLed) on the
    state file and the output folder, taken in a fixed order so two runs cannot deadlock."""

    def __init__(self, paths: Sequence[Path], timeout: float = 0.0) -> None:
        self.paths = sorted({p.resolve() for p in paths})
        self.timeout = timeout
        self._held: list[Any] = []

    def __enter__(self) -> RunLock:
        from filelock import FileLock, Timeout

        try:
            for p in self.paths:
                p.parent.mkdir(parents=True, exist_ok=True)
                lock = FileLock(str(p), timeout=self.timeout)
                lock.acquire()
                self._held.append(lock)
        except Timeout:
            self.__exit__()
            waited = f"waited {self.timeout:g} s" if self.timeout > 0 else "not waiting"
            raise LockBusyError(f"another attache run holds {p} ({waited}); exiting without changes "
                                f"(pass --lock-timeout SECONDS to wait for it)") from None
        return self

    def __exit__(self, *exc: object) -> None:
        while self._held:
            self._held.pop().release()


class SignalGuard:
    """SIGINT and SIGTERM become ``Interrupted`` in the main thread, except inside ``critical()``
    sections (an output rename followed by its journal line), where the exception waits until
    the section is over, so the state never disagrees with the files on disk."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.pending: int | None = None
        self._depth = 0
        self._old: dict[int, Any] = {}

    def __enter__(self) -> SignalGuard:
        self.pending, self._depth = None, 0
        if threading.current_thread() is threading.main_thread():
            for s in self.SIGNALS:
                self._old[s] = signal.signal(s, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for s, old in self._old.items():
            signal.signal(s, old)
        self._old.clear()
        self._depth = 0

    def _handle(self, signum: int, frame: object) -> None:
        if self.pending is None:
            self.pending = signum
        if self._depth == 0:
            raise Interrupted(self.pending)

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if self._depth == 0 and self.pending is not None:
            raise Interrupted(self.pending)

    def hold(self) -> None:
        """From now on signals are only noted (used while a run winds down)."""
        self._depth += 1

    def check(self) -> None:
        if self.pending is not None:
            raise Interrupted(self.pending)


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


@dataclass
class _Slot:
    units: list[tuple[Unit, InputDoc | None, Outcome | None]]
    future: Any = None
    results: list[DocResult] | None = None


class BatchRun:
    """One run over many units; use as a context manager (locks, state, signals), then ``run``."""

    def __init__(self, opts: BatchOptions) -> None:
        if opts.output_dir is not None and opts.writer is None:
            raise ValueError("an output folder needs a writer")
        self.opts = opts
        self.config_fp = opts.config.fingerprint(opts.fmt, opts.input_format)
        self.state_path = opts.state_path
        if self.state_path is None and opts.output_dir is not None:
            self.state_path = opts.output_dir / DEFAULT_STATE_NAME
        self.state: State | None = None
        self.guard = SignalGuard()
        self._lock: RunLock | None = None
        self._pool: _Pool | None = None
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
        ex = get_extractor(self.opts.config)
        jobs = max(1, self.opts.jobs)
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
        from concurrent.futures.process import BrokenProcessPool

        try:
            return slot.future.result()
        except BrokenProcessPool:
            pass
        # A worker died (killed, out of memory, a crash in native code), which fails every batch
        # in flight. Each document of the batch is tried alone in a healthy pool: the one that
        # kills its worker again fails by itself and the others come through.
        assert self._pool is not None
        out = []
        for d in (d for _, d, _ in slot.units if d is not None):
            try:
                out.extend(self._pool.submit([d]).result())
            except BrokenProcessPool:
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

"""Extractors, one per process, and the pool of worker processes that ``--jobs`` starts.

A worker process loads its models once (on its first batch) and keeps them; batches go to it as
lists of documents and come back as lists of results in the same order. When a batch fails, its
documents are retried one by one (``extract_batch``), so one document that trips a bug costs only
itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import signal
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from ..errors import DataError, ModelDamagedError, ModelMissingError
from ..pipeline import GROUP_CHARS, WINDOW_CHARS, DocResult, Extractor, InputDoc

log = logging.getLogger("attache.batch")


# -- extractors, one per process ---------------------------------------------------------------
@dataclass(frozen=True)
class ExtractorConfig:
    """What an ``Extractor`` is built from; hashable, so each process builds one per config."""

    models_dir: str | None = None
    actors_file: str | None = None
    places_file: str | None = None
    lang: str | None = None
    doc_date: str | None = None
    window_chars: int = WINDOW_CHARS
    group_chars: int = GROUP_CHARS

    def __post_init__(self) -> None:
        # a relative path is the caller's ("--models-dir ../shared/models"): a worker process started
        # in another folder, or a machine sharing the storage, must read it as the caller meant it
        for name in ("models_dir", "actors_file", "places_file"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, os.path.abspath(value))

    @classmethod
    def of(cls, ex: Extractor) -> ExtractorConfig:
        """The config that builds an extractor like ``ex`` in another process."""
        return cls(models_dir=os.fspath(ex.models_dir) if ex.models_dir else None, actors_file=ex.actors_file,
                   places_file=ex.places_file, lang=ex.lang,
                   doc_date=ex.doc_date.isoformat() if ex.doc_date else None,
                   window_chars=ex.window_chars, group_chars=ex.group_chars)

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
            "places": _file_digest(self.places_file), "window_chars": self.window_chars,
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
                       lang=cfg.lang, doc_date=cfg.doc_date, window_chars=cfg.window_chars,
                       group_chars=cfg.group_chars)
        _EXTRACTORS[cfg] = ex
    return ex


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

    # A spawned worker's parent is the attache process; a forked one's is the fork server, which
    # exits when the attache process dies. Either way the worker ends when its parent changes (it
    # was re-parented) or the attache process is gone.
    anchor = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != anchor or not _alive(parent):
                os._exit(1)

    threading.Thread(target=watch, name="attache-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs. A killed process stays a zombie until its own parent
    reaps it (a caller reading its output first), which a signal check alone takes for alive."""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):  # gone, or its number taken by someone else's
        return False
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            # "1234 (python) Z ...": the state follows the command name, which may hold spaces
            state = f.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):  # no /proc (macOS): the signal check is all there is
        return True
    return state not in _DEAD_STATES


# /proc states of a process that has ended: zombie, dead.
_DEAD_STATES = (b"Z", b"X")


def _worker_extract(docs: list[InputDoc]) -> list[DocResult]:
    assert _WORKER_CFG is not None
    return extract_batch(get_extractor(_WORKER_CFG), docs)


QUIET_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"


# Modules the fork server imports before forking any worker (see ``preload``).
PRELOAD = "extractors.batch.preload"


def _context() -> Any:
    """Workers forked from a fork server that has imported torch, Stanza and spaCy and built the
    dictionaries once (``preload``), where the platform has one (Linux, macOS); spawned elsewhere.
    The server is a fresh process started for this purpose, with no threads or locks of the
    attache process, so a fork of it inherits none mid-state; a pool replaced after a worker died
    forks from the same server, without paying the imports again."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([PRELOAD])
    return ctx


class _Pool:
    """Worker processes (forked from a fork server, or spawned), replaced by a fresh pool when one
    of them dies (out of memory, a crash in native code)."""

    def __init__(self, cfg: ExtractorConfig, jobs: int) -> None:
        from concurrent.futures.process import BrokenProcessPool

        self.cfg, self.jobs = cfg, jobs
        self.executor: Any = None
        self.lost: tuple[type[BaseException], ...] = (BrokenProcessPool,)

    def submit(self, docs: list[InputDoc]) -> Any:
        if self.executor is not None and getattr(self.executor, "_broken", False):
            self.close(kill=True)
        if self.executor is None:
            import sys
            from concurrent.futures import ProcessPoolExecutor

            # The pool's queues hold semaphores that multiprocessing's resource tracker (a helper
            # process started with the pool, taking its -W options from sys.warnoptions) removes if
            # this process is killed; it then also prints a "leaked semaphore" warning into the
            # cron log for what it has just cleaned up. The clean-up stays, the noise goes.
            if QUIET_TRACKER not in sys.warnoptions:
                sys.warnoptions.append(QUIET_TRACKER)

            threads = max(1, (os.cpu_count() or 1) // self.jobs)
            self.executor = ProcessPoolExecutor(self.jobs, mp_context=_context(),
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

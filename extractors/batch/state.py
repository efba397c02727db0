"""What makes a run durable: the state of finished inputs, the run's locks, stale temporaries.

The state is a JSON snapshot written atomically plus an append-only journal, so a run killed at
any instant leaves a state that never claims more than what is on disk. Locks are ``filelock``
locks, which the operating system releases even when their holder is SIGKILLed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import orjson

from ..errors import AttacheError
from ..files import TMP_SUFFIX, atomic_write

STATE_SCHEMA = "attache-state/1"
DEFAULT_STATE_NAME = ".attache-state.json"  # inside --output-dir when no --state is given
LOCK_NAME = ".attache.lock"  # inside --output-dir


class LockBusyError(AttacheError):
    """Another run holds the lock of the same state file or output directory."""

    exit_code = 5


class StateError(AttacheError):
    """The state file cannot be used; it is never overwritten, so a month of history is not lost."""

    exit_code = 2


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
    from ..merge import parse_records

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

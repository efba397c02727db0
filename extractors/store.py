"""A growing event store for cron runs (issue 7).

The store is one JSONL file in the format ``attache merge`` prints: merged events (with their
original reports as mentions), single-report meetings, claims and other records. Because merged
output can be merged again (see ``extractors.merge``), an update simply expands the store back to its
per-document reports, adds the new ones and re-merges everything. That keeps the store equal to what
one big merge of every input ever seen would give: ids do not depend on the order runs came in, and
re-running with the same input adds nothing (the file is not even rewritten).

A report seen again replaces the stored one with the same identity (document hash, record id), so a
re-extraction with a better extractor updates the store instead of duplicating the event. Reports
that a newer run no longer produces for a document are kept: the store only grows.

Two cron runs may overlap: every update holds a ``filelock`` lock on ``<store>.lock`` while it reads,
merges and writes, and the write goes to a temporary file in the same directory that replaces the
store with ``os.replace``, so readers see the old store or the new one, never half a file. A store
that cannot be parsed is never overwritten: losing a month of events to a bad line is worse than a
failed run.

The whole store is held in memory during an update; that is fine for the few hundred thousand
records a news cron gathers in a year.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from filelock import FileLock, Timeout

from extractors.errors import AttacheError
from extractors.merge import (
    RecordFormatError,
    canonical,
    expand,
    merge_records,
    read_records,
    source_key,
    source_keys,
)

STORE_FILE_NAME = "events.jsonl"
DEFAULT_LOCK_TIMEOUT = 60.0


class StoreError(AttacheError):
    """The event store cannot be used; the message says which file and what to do."""

    exit_code = 2


class StoreLockedError(StoreError):
    """Another run held the store's lock for longer than the timeout."""


@dataclass(frozen=True)
class StoreStats:
    """What an update did. ``records`` are the store's records that involve the update's input."""

    path: str
    reports_added: int
    reports_replaced: int
    reports_total: int
    events_before: int
    events_after: int
    written: bool
    records: list[dict] = field(default_factory=list, repr=False, compare=False)

    @property
    def events_added(self) -> int:
        """Net new events: new reports of known events add reports, not events."""
        return self.events_after - self.events_before


def _count_events(records: Iterable[dict]) -> int:
    return sum(1 for r in records if r.get("type") == "meeting")


def _dumps(records: Iterable[dict]) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


class EventStore:
    """A JSONL event store at ``path``: a file, or a directory holding ``events.jsonl``.

    A path that is an existing directory, or that ends with a path separator, is a directory store.
    """

    def __init__(self, path: str | os.PathLike[str], lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        raw = os.fspath(path)
        p = Path(raw)
        if p.is_dir() or raw.endswith(("/", os.sep)):
            p = p / STORE_FILE_NAME
        self.path: Path = p
        self.lock_path: Path = p.with_name(p.name + ".lock")
        self.lock_timeout = lock_timeout

    def load(self) -> list[dict]:
        """The stored records (empty when the store does not exist yet)."""
        if not self.path.exists():
            return []
        try:
            return list(read_records(self.path))
        except RecordFormatError as e:
            raise StoreError(
                f"event store {e.path} is damaged at line {e.line} ({e.reason}); "
                "fix or remove that line, or pass another --store"
            ) from e
        except OSError as e:
            raise StoreError(f"cannot read event store {self.path}: {e.strerror or e}") from e

    def update(self, records: Iterable[dict]) -> StoreStats:
        """Merge ``records`` (per-document or already merged) into the store; returns what changed."""
        incoming = expand(records)
        incoming_keys = {k for r in incoming for k in source_keys(r)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with FileLock(str(self.lock_path), timeout=self.lock_timeout):
                return self._update_locked(incoming, incoming_keys)
        except Timeout as e:
            raise StoreLockedError(
                f"event store {self.path} is locked by another run (waited {self.lock_timeout:g}s for "
                f"{self.lock_path}); try again later or raise the lock timeout"
            ) from e

    def _update_locked(self, incoming: list[dict], incoming_keys: set[str]) -> StoreStats:
        stored = self.load()
        reports = {_report_id(r): r for r in expand(stored)}
        added = replaced = 0
        for r in incoming:
            rid = _report_id(r)
            old = reports.get(rid)
            if old is None:
                added += 1
            elif canonical(old) != canonical(r):
                replaced += 1
            reports[rid] = r  # the newest extraction of a report wins
        merged = merge_records(reports.values())
        written = _dumps(merged) != _dumps(stored)
        if written:
            self._write(merged)
        touched = [r for r in merged if incoming_keys.intersection(source_keys(r))]
        return StoreStats(
            path=str(self.path),
            reports_added=added,
            reports_replaced=replaced,
            reports_total=len(reports),
            events_before=_count_events(stored),
            events_after=_count_events(merged),
            written=written,
            records=touched,
        )

    def _write(self, records: list[dict]) -> None:
        """Write atomically: a temporary file in the store's directory, fsynced, then os.replace."""
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_dumps(records))
                f.flush()
                os.fsync(f.fileno())
            if self.path.exists():
                os.chmod(tmp, self.path.stat().st_mode & 0o777)
            else:
                os.chmod(tmp, 0o644)
            os.replace(tmp, self.path)
            _fsync_dir(self.path.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _report_id(record: dict) -> str:
    return f"{record.get('type')}|{source_key(record)}"


def _fsync_dir(path: Path) -> None:
    """Make the rename itself durable (a crash right after os.replace could otherwise undo it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

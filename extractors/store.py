"""A growing event store for cron runs.

The store is one JSONL file in the format ``attache merge`` prints: merged events (with their
original reports as mentions), single-report meetings, claims and other records. Because merged
output can be merged again (see ``extractors.merge``), an update simply expands the store back to its
per-document reports, adds the new ones and re-merges everything. That keeps the store equal to what
one big merge of every input ever seen would give: ids do not depend on the order runs came in, and
re-running with the same input adds nothing (the file is not even rewritten).

A report seen again replaces the stored one with the same identity (document hash and path, record
id), so a re-extraction with a better extractor updates the store instead of duplicating the event.
A document at a path the store knows with other content is a new version of that article: the old
version's reports are dropped, so an edited article never leaves its old meetings beside the new
ones. The same content at a second path is a second source of the same events.

An update rebuilds merged events from their reports, so an edit made by hand to a merged event
would silently disappear. ``<store>.sha256`` holds the digest of what attache last wrote; a store
that no longer matches it is refused with a message (delete the digest file to accept the edits).

Two cron runs may overlap: every update holds a ``filelock`` lock on ``<store>.lock`` while it reads,
merges and writes, and the write goes to a temporary file in the same directory that replaces the
store with ``os.replace``, so readers see the old store or the new one, never half a file. A store
that cannot be parsed is never overwritten: losing a month of events to a bad line is worse than a
failed run.

The whole store is held in memory during an update; that is fine for the few hundred thousand
records a news cron gathers in a year.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from filelock import FileLock, Timeout

from extractors.errors import AttacheError
from extractors.files import atomic_write
from extractors.merge import (
    RecordFormatError,
    canonical,
    expand,
    merge_records,
    parse_records,
    source_key,
    source_keys,
)

STORE_FILE_NAME = "events.jsonl"
DIGEST_SUFFIX = ".sha256"  # beside the store: the SHA-256 of what attache last wrote there
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
    reports_dropped: int = 0  # reports of earlier versions of documents that have changed since
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
        self.digest_path: Path = p.with_name(p.name + DIGEST_SUFFIX)
        self.lock_timeout = lock_timeout

    def load(self) -> list[dict]:
        """The stored records (empty when the store does not exist yet)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as e:
            raise StoreError(f"cannot read event store {self.path}: {e.strerror or e}") from e
        try:
            return list(parse_records(data, str(self.path)))
        except RecordFormatError as e:
            raise StoreError(
                f"event store {e.path} is damaged at line {e.line} ({e.reason}); "
                "fix or remove that line, or pass another --store"
            ) from e

    def _check_untouched(self) -> None:
        """Refuse a store changed since attache wrote it: an update re-merges every event from its
        reports, so an edit to a merged event (a corrected name, say) would silently be undone."""
        try:
            known = self.digest_path.read_text(encoding="ascii").split()
            data = self.path.read_bytes()
        except FileNotFoundError:
            return  # a store from before digests were kept, or one the user chose to accept
        except (OSError, UnicodeDecodeError) as e:
            raise StoreError(f"cannot read {self.digest_path}: {e}") from e
        if known and hashlib.sha256(data).hexdigest() not in known:
            raise StoreError(
                f"event store {self.path} was changed outside attache since its last update; an update "
                f"rebuilds merged events from their reports and would undo such edits. Restore it, or "
                f"delete {self.digest_path} to accept the file as it is now"
            )

    def update(self, records: Iterable[dict], documents: Mapping[str, str] | None = None) -> StoreStats:
        """Merge ``records`` (per-document or already merged) into the store; returns what changed.

        A document at a path the store already holds with other content is a new version of it: the
        old version's reports are dropped. ``documents`` (path -> sha256) names the documents this
        update comes from, so that one whose new version has no records still drops its old ones.
        """
        incoming = expand(records)
        incoming_keys = {k for r in incoming for k in source_keys(r)}
        versions = dict(documents or {})
        for r in incoming:
            path, sha = _doc_version(r)
            if path and sha:
                versions[path] = sha
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with FileLock(str(self.lock_path), timeout=self.lock_timeout):
                return self._update_locked(incoming, incoming_keys, versions)
        except Timeout as e:
            raise StoreLockedError(
                f"event store {self.path} is locked by another run (waited {self.lock_timeout:g}s for "
                f"{self.lock_path}); try again later or raise the lock timeout"
            ) from e

    def _update_locked(self, incoming: list[dict], incoming_keys: set[str],
                       versions: Mapping[str, str]) -> StoreStats:
        self._check_untouched()
        stored = self.load()
        reports = {}
        dropped = 0
        for r in expand(stored):
            path, sha = _doc_version(r)
            if path in versions and sha != versions[path]:
                dropped += 1  # an earlier version of a document that has changed since
                continue
            reports[_report_id(r)] = r
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
            reports_dropped=dropped,
            records=touched,
        )

    def _write(self, records: list[dict]) -> None:
        """Write atomically (a temporary file in the store's directory, fsynced, then renamed; a new
        store gets the mode ``>`` would give it, an existing one keeps its own). The digest file
        names the old and the new content while the store is replaced, so a kill between the two
        writes never makes attache's own store look hand-edited."""
        data = _dumps(records)
        new = hashlib.sha256(data).hexdigest()
        try:
            old = [hashlib.sha256(self.path.read_bytes()).hexdigest()]
        except FileNotFoundError:
            old = []
        atomic_write(self.digest_path, lambda f: f.write(("\n".join([*old, new]) + "\n").encode()))
        atomic_write(self.path, lambda f: f.write(data), sync_dir=True)
        atomic_write(self.digest_path, lambda f: f.write((new + "\n").encode()), sync_dir=True)


def _doc_version(record: dict) -> tuple[str | None, str | None]:
    """(path, sha256) of a report's document."""
    d = record.get("doc")
    if not isinstance(d, dict):
        return None, None
    return d.get("path"), d.get("sha256")


def _report_id(record: dict) -> str:
    return f"{record.get('type')}|{source_key(record)}"

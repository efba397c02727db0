"""``attache merge``: one event per meeting across documents, languages and runs.

A thin layer over ``extractors.merge`` (clustering) and ``extractors.store`` (the cron event store):
read records, call one library function, write records. Data goes to stdout (or -o), messages to
stderr, so ``attache merge a.jsonl | jq .`` always works.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path

import orjson
import typer

from cli.common import add_command, error
from cli.output import atomic_output
from extractors.files import OutputError, check_writable
from extractors.merge import RecordFormatError, merge_records, read_records
from extractors.store import DEFAULT_LOCK_TIMEOUT, EventStore, StoreError

EXAMPLE = "attache extract seeds/ --format jsonl | attache merge - --store out/events.jsonl"


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"


def _render(records: Iterable[dict], fmt: OutputFormat) -> Iterable[bytes]:
    """JSONL one record per line, or a JSON array written element by element."""
    if fmt is OutputFormat.jsonl:
        for r in records:
            yield orjson.dumps(r) + b"\n"
        return
    first = True
    for r in records:
        yield (b"[\n" if first else b",\n") + orjson.dumps(r)
        first = False
    yield b"[]\n" if first else b"\n]\n"


def _write(chunks: Iterable[bytes], output: Path | None) -> None:
    """To stdout, or to ``-o`` atomically (a FIFO, a device or a symlink's target as ``>`` would)."""
    with atomic_output(output) as out:
        for chunk in chunks:
            out.write(chunk)


def merge_command(
    files: list[str] = typer.Argument(
        ..., help="attache/1 records (JSONL or JSON array) from earlier runs; - is stdin."
    ),
    store: Path | None = typer.Option(
        None,
        "--store",
        help="Event store to merge into (a JSONL file, or a directory holding events.jsonl); "
        "prints the store's records that involve these inputs.",
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", help="Output format."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write records here instead of stdout."),
    lock_timeout: float = typer.Option(
        DEFAULT_LOCK_TIMEOUT, "--lock-timeout", help="Seconds to wait for another run holding the store."
    ),
) -> None:
    """Merge meetings reported by several documents, languages or runs into one event each.

    Meetings become one event when they have the same parties (attendees may differ), the same place
    or one missing, and compatible dates (equal, or a bare weekday matching a resolved date). Claims
    follow their meeting. With --store the events accumulate across runs without duplicates, safely
    when two runs overlap. Exit status: 0 all inputs read, 1 some lines or files could not be read,
    2 no records could be read or the store is unusable.
    """
    failures = 0
    if output is not None:
        try:
            check_writable(output)
        except OutputError as e:
            error(str(e))
            raise typer.Exit(2) from None

    def report(e: RecordFormatError) -> None:
        nonlocal failures
        failures += 1
        error(str(e))

    records: list[dict] = []
    for name in files:
        if name != "-" and not os.path.isfile(name):
            failures += 1
            error(f"{name}: no such file")
            continue
        try:
            records.extend(read_records(name, on_error=report))
        except OSError as e:
            failures += 1
            error(f"{name}: {e.strerror or e}")
    if failures and not records:
        raise typer.Exit(2)

    if store is not None:
        try:
            stats = EventStore(store, lock_timeout=lock_timeout).update(records)
        except StoreError as e:
            error(str(e))
            raise typer.Exit(e.exit_code) from None
        out = stats.records
        sys.stderr.write(
            f"{stats.path}: {stats.events_after} events ({stats.events_added:+d}), "
            f"{stats.reports_added} new and {stats.reports_replaced} updated reports"
            + (f", {stats.reports_dropped} of earlier versions dropped" if stats.reports_dropped else "")
            + ("" if stats.written else ", unchanged") + "\n"
        )
    else:
        out = merge_records(records)
    _write(_render(out, fmt), output)
    if failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the ``merge`` command to the attache app; its help ends with a pasteable example."""
    add_command(app, "merge", merge_command, EXAMPLE)

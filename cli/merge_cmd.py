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
from rich.console import Console

from cli.common import add_command
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
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk.decode("utf-8"))
        sys.stdout.flush()
        return
    if output.parent != Path(""):
        output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as f:
        for chunk in chunks:
            f.write(chunk)


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
    err = Console(stderr=True)
    failures = 0

    def report(e: RecordFormatError) -> None:
        nonlocal failures
        failures += 1
        err.print(f"ERROR: {e}", markup=False, highlight=False)

    records: list[dict] = []
    for name in files:
        if name != "-" and not os.path.isfile(name):
            failures += 1
            err.print(f"ERROR: {name}: no such file", markup=False, highlight=False)
            continue
        try:
            records.extend(read_records(name, on_error=report))
        except OSError as e:
            failures += 1
            err.print(f"ERROR: {name}: {e.strerror or e}", markup=False, highlight=False)
    if failures and not records:
        raise typer.Exit(2)

    if store is not None:
        try:
            stats = EventStore(store, lock_timeout=lock_timeout).update(records)
        except StoreError as e:
            err.print(f"ERROR: {e}", markup=False, highlight=False)
            raise typer.Exit(e.exit_code) from None
        out = stats.records
        err.print(
            f"{stats.path}: {stats.events_after} events ({stats.events_added:+d}), "
            f"{stats.reports_added} new and {stats.reports_replaced} updated reports"
            + ("" if stats.written else ", unchanged"),
            markup=False,
            highlight=False,
        )
    else:
        out = merge_records(records)
    _write(_render(out, fmt), output)
    if failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the ``merge`` command to the attache app; its help ends with a pasteable example."""
    add_command(app, "merge", merge_command, EXAMPLE)

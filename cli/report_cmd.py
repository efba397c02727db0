"""``attache report``: one self-contained HTML page of the events in attache/1 records.

A thin layer over ``extractors.report``: read the inputs, build the page, write it atomically.
Messages go to stderr; the page goes to -o, or to stdout when that is not a terminal.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from cli import common
from extractors.errors import AttacheError

EXAMPLE = "attache extract seeds/ --format jsonl | attache report - -o report.html"


def report_command(
    inputs: list[str] = typer.Argument(
        ..., metavar="RECORDS...", help="attache/1 records (JSONL or JSON array, per-document or merged), "
        "an event-store directory written by --store, or - for stdin."),
    output: Path | None = typer.Option(
        None, "-o", "--output", metavar="FILE",
        help="Write the page here (atomically); default: stdout when it is not a terminal."),
    title: str = typer.Option("attache report", "--title", metavar="TEXT", help="Title of the page."),
    date_from: str | None = typer.Option(
        None, "--from", metavar="DATE", help="Only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)."),
    date_to: str | None = typer.Option(
        None, "--to", metavar="DATE", help="Only events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)."),
    lang: list[str] = typer.Option(
        None, "--lang", metavar="LANG", help="Only reports from documents in this language (ar, fa, en); repeat or "
        "separate with commas."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No summary line on stderr."),
) -> None:
    """Build one HTML page of who met whom, when, where and who said what; it opens offline.

    The page has a network of who met whom, a timeline filterable by person and country, the
    meeting places ranked, a searchable table of claims by speaker with their evidence sentences,
    and the documents and languages behind every event. Reports of the same meeting are merged
    into one event first. Events are kept when their date (or, without one, their publication date)
    falls in --from/--to; claims go with their meeting.

    Exit status: 0 all inputs read; 1 some inputs or lines could not be read (each named on
    stderr), the page shows the rest; 2 bad options, or no usable record at all.
    """
    from extractors import report as R

    if output is None and sys.stdout.isatty():
        raise common.fail("the page is HTML: give -o FILE or redirect stdout", common.EXIT_USAGE)
    try:
        opts = R.ReportOptions(
            title=title,
            date_from=R.parse_date_bound(date_from) if date_from else None,
            date_to=R.parse_date_bound(date_to, end=True) if date_to else None,
            langs=R.parse_langs(lang or []),
        )
    except R.ReportError as e:
        raise common.fail(str(e), common.EXIT_USAGE) from None
    result = R.read_inputs(inputs)
    for line in result.errors:
        common.error(line)
    if not result.records:  # every input already has its line; say nothing twice
        if not result.errors:
            common.error("no usable attache/1 records in the input")
        raise typer.Exit(common.EXIT_USAGE)
    try:
        page = R.build_report(result.records, opts)
    except AttacheError as e:
        raise common.fail(str(e), getattr(e, "exit_code", common.EXIT_USAGE)) from None
    try:
        if output is None:
            sys.stdout.buffer.write(page.html.encode("utf-8"))
            sys.stdout.flush()
        else:
            R.write_report(page, output)
    except OSError as e:
        raise common.fail(f"{output or 'stdout'}: {e.strerror or e}", common.EXIT_USAGE) from None
    if not quiet:
        where = str(output) if output is not None else "stdout"
        left = f"; {page.left_out} outside the dates left out" if page.left_out else ""
        sys.stderr.write(f"{where}: {page.meetings} events, {page.claims} claims, {page.people} people, "
                         f"{page.documents} documents{left}\n")
    if result.errors:
        raise typer.Exit(common.EXIT_SOME_FAILED)


def register(app: typer.Typer) -> None:
    """Add the ``report`` command to the attache app; its help ends with a pasteable example."""
    common.add_command(app, "report", report_command, EXAMPLE)

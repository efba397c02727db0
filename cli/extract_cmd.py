"""`attache extract`: parse options, call the extractors library, write records."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import typer

from . import common
from .output import FORMATS, atomic_output, render_tables, write_csv, write_json, write_jsonl

EXAMPLE = "attache extract seeds/ --format jsonl | jq -c 'select(.type==\"meeting\")'"


def _read_list(src: str) -> list[str]:
    text = sys.stdin.read() if src == "-" else Path(src).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _jsonl_docs(paths: list[str]):
    """Feed records {"id","text","date","url","lang","title"} (only text required) as documents."""
    from extractors import InputDoc
    from extractors.pipeline import DocResult

    for p in paths:
        try:
            lines = (sys.stdin.buffer.read() if p == "-" else Path(p).read_bytes()).splitlines()
        except OSError as e:
            yield DocResult(input=p, error=f"{p}: cannot read ({e.strerror or e})")
            continue
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = orjson.loads(line)
                text = row["text"]
                if not isinstance(text, str) or not text.strip():
                    raise ValueError("empty text")
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as e:
                yield DocResult(input=f"{p}:{n}", error=f"{p}:{n}: not a document record ({e})")
                continue
            doc_id = str(row.get("id") or f"{Path(p).stem if p != '-' else 'stdin'}-{n}")
            yield InputDoc(id=doc_id, text=text, path=row.get("url") or (None if p == "-" else f"{p}:{n}"),
                           lang=row.get("lang"), date=row.get("date"),
                           date_source="input" if row.get("date") else "none")


def extract_command(
    paths: list[str] = typer.Argument(None, help="Files, directories (recursive) or - for standard input."),
    glob: str | None = typer.Option(None, "--glob", help="Only files whose name matches, e.g. '*.txt'."),
    files_from: str | None = typer.Option(None, "--files-from", help="Read input paths from FILE (- for stdin)."),
    fmt: str | None = typer.Option(None, "--format", "-f",
                                   help="table, jsonl, json or csv (default: table on a terminal, else jsonl)."),
    output: str | None = typer.Option(None, "-o", "--output", help="Write to FILE atomically instead of stdout."),
    doc_date: str | None = typer.Option(None, "--doc-date", help="Publication date YYYY-MM-DD when the text has none."),
    lang: str | None = typer.Option(None, "--lang", help="Force the language: ar, fa or en."),
    input_format: str = typer.Option("text", "--input-format", help="text, or jsonl records {id,text,date,...}."),
    models_dir: str | None = typer.Option(None, "--models-dir", envvar="ATTACHE_MODELS_DIR",
                                          help="Folder of local NER models (DIR/<lang>/ner.pt + pretrain.pt)."),
    actors: str | None = typer.Option(None, "--actors", help="Extra actors JSONL that extends/overrides the dictionary."),
    places: str | None = typer.Option(None, "--places", help="Extra places JSONL that extends/overrides the gazetteer."),
    merge: bool = typer.Option(False, "--merge", help="Merge reports of one meeting across documents."),
    store: str | None = typer.Option(None, "--store", help="Merge into a growing event store (file or directory)."),
    max_bytes: int = typer.Option(20 * 1024 * 1024, "--max-bytes", help="Refuse input files larger than this."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Only errors on stderr."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Say what is being done."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Extract meetings and claims from news articles."""
    from extractors import AttacheError, Extractor
    from extractors.ner import require_models
    from extractors.pipeline import DocResult, InputDoc

    if fmt is None:
        fmt = "table" if sys.stdout.isatty() and output is None else "jsonl"
    if fmt not in FORMATS:
        raise common.fail(f"unknown --format {fmt!r} (choose from {', '.join(FORMATS)})", common.EXIT_USAGE)
    if input_format not in ("text", "jsonl"):
        raise common.fail(f"unknown --input-format {input_format!r} (text or jsonl)", common.EXIT_USAGE)
    if lang is not None and lang not in ("ar", "fa", "en"):
        raise common.fail(f"unsupported --lang {lang!r} (ar, fa or en)", common.EXIT_USAGE)
    inputs = list(paths or [])
    if files_from:
        try:
            inputs += _read_list(files_from)
        except OSError as e:
            raise common.fail(f"{files_from}: cannot read ({e.strerror or e})", common.EXIT_USAGE) from None
    if not inputs:
        raise common.fail("no input: give files, directories, - for stdin, or --files-from", common.EXIT_USAGE)
    try:
        ex = Extractor(models_dir=models_dir, actors_file=actors, places_file=places, lang=lang, doc_date=doc_date)
    except AttacheError as e:
        raise common.fail(str(e), common.EXIT_USAGE) from None

    # documents: plain files/dirs/stdin, or JSONL feed records
    items: list[Any] = []
    if input_format == "jsonl":
        items = list(_jsonl_docs(inputs))
    else:
        from extractors.pipeline import iter_inputs

        for p in inputs:
            if p == "-":
                try:
                    items.append(ex.from_bytes(sys.stdin.buffer.read(), "stdin"))
                except AttacheError as e:
                    items.append(DocResult(input="stdin", error=str(e)))
            else:
                items.extend(iter_inputs([p], glob))
    docs: list[Any] = []
    for it in items:
        if isinstance(it, (DocResult, InputDoc)):
            docs.append(it)
            continue
        try:
            docs.append(ex.load(it, max_bytes))
        except AttacheError as e:
            docs.append(DocResult(input=str(it), error=str(e)))
    try:
        require_models(sorted(ex.languages_of(d for d in docs if isinstance(d, InputDoc))), models_dir)
    except AttacheError as e:
        raise common.fail(str(e), common.EXIT_NO_MODEL) from None

    stats = {"ok": 0, "failed": 0}
    records_iter = _run(ex, docs, stats, quiet, verbose, debug)
    try:
        if merge or store:
            from extractors.merge import merge_records

            records = list(records_iter)
            if store:
                from extractors.store import EventStore

                records = EventStore(store).update(records).records
            else:
                records = merge_records(records)
            records_iter = iter(records)
        with atomic_output(output) as out:
            if fmt == "table":
                from .common import out_console

                render_tables(list(records_iter), out_console())
            else:
                {"jsonl": write_jsonl, "json": write_json, "csv": write_csv}[fmt](records_iter, out)
    except AttacheError as e:
        if debug:
            traceback.print_exc()
        raise common.fail(str(e), getattr(e, "exit_code", 1)) from None
    except BrokenPipeError:
        raise typer.Exit(0) from None
    total = stats["ok"] + stats["failed"]
    if stats["failed"] and stats["failed"] == total:
        raise typer.Exit(common.EXIT_ALL_FAILED)
    if stats["failed"]:
        raise typer.Exit(common.EXIT_SOME_FAILED)


def _run(ex, docs: list[Any], stats: dict[str, int], quiet: bool, verbose: bool, debug: bool) -> Iterator[dict]:
    from extractors.pipeline import DocResult

    progress = None
    if sys.stderr.isatty() and not quiet and len(docs) > 3:
        from rich.progress import Progress

        progress = Progress(console=common.err_console(), transient=True)
        task = progress.add_task("extracting", total=len(docs))
        progress.start()
    try:
        batch: list[Any] = []

        def flush():
            results = []
            try:
                results = ex.extract_many(batch) if batch else []
            except Exception as e:  # one broken batch must not lose the others: retry one by one
                if debug:
                    traceback.print_exc()
                for d in batch:
                    try:
                        results.extend(ex.extract_many([d]))
                    except Exception as e2:  # noqa: BLE001
                        results.append(DocResult(input=d.path or d.id, error=f"{d.path or d.id}: internal error: {e2}"))
                del e
            return results

        pending: list[DocResult] = []
        for d in docs:
            if isinstance(d, DocResult):
                pending.append(d)
            else:
                batch.append(d)
            if len(batch) >= ex.batch_docs:
                pending += flush()
                batch = []
            for r in pending:
                yield from _report(r, stats, quiet, verbose, progress)
            pending = []
        pending += flush()
        for r in pending:
            yield from _report(r, stats, quiet, verbose, progress)
    finally:
        if progress is not None:
            progress.stop()


def _report(r, stats, quiet, verbose, progress) -> Iterator[dict]:
    if progress is not None:
        progress.advance(progress.task_ids[0])
    for w in r.warnings:
        common.warn(f"{r.input}: {w}", quiet)
    if r.error:
        stats["failed"] += 1
        common.error(r.error)
        return
    stats["ok"] += 1
    if verbose and not quiet:
        n_m = sum(1 for x in r.records if x["type"] == "meeting")
        sys.stderr.write(f"{r.input}: {r.lang}, {n_m} meeting(s), {len(r.records) - n_m} claim(s)\n")
    yield from r.records


def register(app: typer.Typer) -> None:
    app.command("extract", help=extract_command.__doc__, epilog=f"Example: {EXAMPLE}")(extract_command)

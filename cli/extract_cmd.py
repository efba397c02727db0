"""`attache extract`: parse options, call the extractors library, write records.

The batch policy (which inputs to skip, per-input output files, the state, locks, signals, worker
processes) lives in ``extractors.batch``; this module only maps options onto it and prints.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import typer

from extractors.read import DEFAULT_MAX_BYTES

from . import common
from .output import FORMATS, atomic_output, file_console, render_tables, write_csv, write_json, write_jsonl
from .progress import RunProgress

EXAMPLE = "attache extract seeds/ --format jsonl | jq -c 'select(.type==\"meeting\")'"
WRITERS = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv}
# Peak resident memory of one --jobs worker with the ar, fa and en models loaded (measured on the
# five seed articles with the local models: 583 MB), rounded up for the help text.
JOB_MEMORY_GB = 0.6


def _cpus() -> int:
    """CPUs this process may run on (a container or taskset may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS
        return os.cpu_count() or 1


def _read_list(src: str, nul: bool = False) -> list[str]:
    """Paths listed one per line (blank lines and ``#`` comments skipped), or separated by NUL bytes
    as ``find -print0`` writes them (taken exactly: a name may hold spaces, newlines or ``#``)."""
    data = sys.stdin.buffer.read() if src == "-" else Path(src).read_bytes()
    if nul:
        return [os.fsdecode(p) for p in data.split(b"\0") if p]
    text = os.fsdecode(data)
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def extract_command(
    paths: list[str] = typer.Argument(None, help="Files, directories (recursive) or - for standard input."),
    glob: str | None = typer.Option(None, "--glob", metavar="PATTERN",
                                    help="Only files whose name matches, e.g. '*.txt'."),
    files_from: str | None = typer.Option(None, "--files-from", metavar="FILE",
                                          help="Read input paths from FILE (- for stdin), one per line."),
    null: bool = typer.Option(False, "-0", "--null",
                              help="--files-from paths are separated by NUL bytes (find -print0)."),
    fmt: str | None = typer.Option(None, "--format", "-f", metavar="table|jsonl|json|csv",
                                   help="table, jsonl, json or csv (default: table on a terminal, "
                                        "else jsonl)."),
    output: str | None = typer.Option(None, "-o", "--output", metavar="FILE",
                                      help="Write to FILE atomically instead of stdout."),
    output_dir: str | None = typer.Option(
        None, "--output-dir", metavar="DIR",
        help="One output file per input under DIR (its path under the input folder plus .jsonl/.json/.csv), "
             "each written atomically; a re-run skips finished inputs."),
    state: str | None = typer.Option(
        None, "--state", metavar="FILE",
        help="Remember processed inputs by content hash in FILE; a re-run processes only new or changed "
             "ones (default with --output-dir: DIR/.attache-state.json)."),
    lock_timeout: float = typer.Option(
        0.0, "--lock-timeout", metavar="SECONDS",
        help="Seconds to wait when another run holds the state or output folder (default: exit at once, "
             "status 5)."),
    jobs: int = typer.Option(1, "--jobs", "-j", metavar="N",
                             help=f"Worker processes (0: one per CPU; never more than the CPUs). Each "
                                  f"loads its own NER models: about {JOB_MEMORY_GB} GB of memory per job "
                                  f"with all three languages. Output order is unchanged."),
    cluster: str | None = typer.Option(
        None, "--cluster", metavar="local:N|tcp://HOST:PORT",
        help="Run on a Dask cluster: local:N starts N worker processes here, tcp://HOST:PORT uses a running "
             "dask scheduler and its workers (see docs/scale.md). Inputs are read and outputs written here; "
             "records and their order are those of --jobs 1."),
    doc_date: str | None = typer.Option(None, "--doc-date", metavar="YYYY-MM-DD",
                                        help="Publication date YYYY-MM-DD when the text has none."),
    lang: str | None = typer.Option(None, "--lang", metavar="ar|fa|en", help="Force the language: ar, fa or en."),
    input_format: str = typer.Option("text", "--input-format", metavar="text|jsonl",
                                     help="text, or jsonl records {id,text,date,...}."),
    models_dir: str | None = typer.Option(None, "--models-dir", envvar="ATTACHE_MODELS_DIR", metavar="DIR",
                                          help="Folder of local NER models (DIR/<lang>/ner.pt + "
                                               "pretrain.pt)."),
    actors: str | None = typer.Option(None, "--actors", metavar="FILE",
                                      help="Extra actors JSONL that extends/overrides the dictionary."),
    places: str | None = typer.Option(None, "--places", metavar="FILE",
                                      help="Extra places JSONL that extends/overrides the gazetteer."),
    merge: bool = typer.Option(False, "--merge", help="Merge reports of one meeting across documents."),
    store: str | None = typer.Option(None, "--store", metavar="FILE|DIR",
                                     help="Merge into a growing event store (file or directory)."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", metavar="BYTES",
                                  help="Refuse input files larger than this many bytes (default 5 MB)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Only errors on stderr."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Say what is being done."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Extract meetings and claims from news articles."""
    from extractors import AttacheError
    from extractors import batch as B
    from extractors.ner import require_models

    if fmt is None:
        fmt = "table" if sys.stdout.isatty() and output is None and output_dir is None else "jsonl"
    if fmt not in FORMATS:
        raise common.fail(f"unknown --format {fmt!r} (choose from {', '.join(FORMATS)})", common.EXIT_USAGE)
    if input_format not in ("text", "jsonl"):
        raise common.fail(f"unknown --input-format {input_format!r} (text or jsonl)", common.EXIT_USAGE)
    if lang is not None and lang not in ("ar", "fa", "en"):
        raise common.fail(f"unsupported --lang {lang!r} (ar, fa or en)", common.EXIT_USAGE)
    if jobs < 0:
        raise common.fail(f"--jobs must be 0 (one per CPU) or more, not {jobs}", common.EXIT_USAGE)
    if cluster is not None:
        from extractors.batch.cluster import parse_cluster

        if jobs != 1:
            raise common.fail("--jobs and --cluster: give one of them (a cluster's workers are its jobs)",
                              common.EXIT_USAGE)
        try:
            parse_cluster(cluster)
        except AttacheError as e:
            raise common.fail(str(e), common.EXIT_USAGE) from None
    cpus = _cpus()
    if jobs > cpus:
        # more processes than CPUs is no faster, and each one holds its own models in memory
        common.warn(f"--jobs {jobs} is more than the {cpus} CPU(s) here; using {cpus} "
                    f"(each job takes about {JOB_MEMORY_GB} GB of memory)", quiet)
        jobs = cpus
    if max_bytes < 1 or lock_timeout < 0:
        raise common.fail("--max-bytes must be positive and --lock-timeout not negative", common.EXIT_USAGE)
    if output_dir:
        if fmt == "table":
            raise common.fail("--output-dir writes jsonl, json or csv files, not tables", common.EXIT_USAGE)
        if output and not (merge or store):
            raise common.fail("-o/--output goes with --output-dir only for --merge or --store output",
                              common.EXIT_USAGE)
        if (merge or store) and fmt == "csv":
            raise common.fail("--merge/--store with --output-dir read the files back: "
                              "use --format jsonl or json", common.EXIT_USAGE)
    inputs = list(paths or [])
    if files_from:
        try:
            inputs += _read_list(files_from, null)
        except OSError as e:
            raise common.fail(f"{files_from}: cannot read ({e.strerror or e})", common.EXIT_USAGE) from None
    if not inputs:
        raise common.fail("no input: give files, directories, - for stdin, or --files-from",
                          common.EXIT_USAGE)
    if output_dir and (inside := B.input_inside_output(inputs, Path(output_dir))) is not None:
        raise common.fail(f"--output-dir {output_dir} holds the input folder {inside}: write the outputs "
                          f"elsewhere (an output folder inside an input folder is fine)", common.EXIT_USAGE)
    if debug:
        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, format="%(name)s: %(message)s")
    cfg = B.ExtractorConfig(models_dir=models_dir, actors_file=actors, places_file=places, lang=lang,
                            doc_date=doc_date)
    try:
        B.get_extractor(cfg)  # checks --doc-date and friends before any input is read
    except AttacheError as e:
        raise common.fail(str(e), common.EXIT_USAGE) from None

    out_dir = Path(output_dir) if output_dir else None
    state_path = Path(state) if state else None
    try:
        exclude = _check_outputs(output, out_dir, state_path, store)
    except AttacheError as e:
        raise common.fail(str(e), common.EXIT_USAGE) from None
    from extractors.read import read_limited

    stdin = functools.cache(lambda: read_limited(sys.stdin.buffer, max_bytes, "stdin"))

    def units() -> Iterator[B.Unit]:
        return B.iter_units(inputs, glob, input_format, stdin, exclude)

    # Text inputs are listed once (paths only, no contents); a JSONL feed is read again when it runs.
    listed = list(units()) if input_format == "text" else None
    if listed == []:
        # an empty inbox is normal for a cron job (exit 0), but a mistyped --glob should be seen
        matching = f" matching --glob {glob!r}" if glob else ""
        common.warn(f"no input files{matching} in {', '.join(inputs)}: nothing to do", quiet)
    try:
        require_models(sorted(B.needed_languages(listed if listed is not None else units(), lang, max_bytes)),
                       models_dir)
    except AttacheError as e:
        raise common.fail(str(e), common.EXIT_NO_MODEL) from None

    opts = B.BatchOptions(config=cfg, fmt=fmt, input_format=input_format, writer=WRITERS.get(fmt),
                          output_dir=out_dir, state_path=state_path, lock_timeout=lock_timeout,
                          max_bytes=max_bytes, jobs=jobs or cpus, store=bool(store),
                          cluster=cluster)
    run = B.BatchRun(opts)
    try:
        with run:
            if run.cleaned and verbose and not quiet:
                sys.stderr.write(f"removed {run.cleaned} temporary file(s) left by an interrupted run\n")
            outcomes = run.run(listed if listed is not None else units())
            versions: dict[str, str] = {}
            progress = RunProgress(len(listed) if listed is not None else None, quiet, verbose)
            B.get_extractor(cfg).progress = progress.document
            reported = _report(outcomes, progress, quiet, verbose, versions)
            if out_dir is None:
                _stream(run, reported, fmt, output, merge, store, versions)
            else:
                for _ in reported:
                    pass
                _after_output_dir(run, output, fmt, merge, store)
    except B.Interrupted as e:
        if out_dir is not None:
            common.error(f"{e}: {run.counts['done']} input(s) finished; run the same command again to resume")
        elif state_path is not None:
            common.error(f"{e}: the output was not completed, so {state_path} records none of this run's "
                         f"inputs; run the same command again")
        else:
            common.error(str(e))
        raise typer.Exit(e.exit_code) from None
    except AttacheError as e:
        if debug:
            logging.getLogger("attache").exception("run failed")
        raise common.fail(str(e), getattr(e, "exit_code", 1)) from None
    except BrokenPipeError:
        raise typer.Exit(0) from None
    c = run.counts
    if verbose and not quiet and (out_dir or state_path):
        sys.stderr.write(f"{c['done']} processed, {c['skipped']} unchanged and skipped, "
                         f"{c['failed']} failed\n")
    if c["failed"] and c["failed"] == c["done"] + c["skipped"] + c["failed"]:
        raise typer.Exit(common.EXIT_ALL_FAILED)
    if c["failed"]:
        raise typer.Exit(common.EXIT_SOME_FAILED)


def _stream(run, records: Iterable[dict], fmt: str, output: str | None, merge: bool,
            store: str | None, versions: dict[str, str]) -> None:
    """Records to stdout or ``-o`` (merged or through the store when asked); the state learns about
    the documents only once that output is complete."""
    if merge or store:
        records = list(records)  # fills ``versions`` as the documents finish
        records = _merged(records, merge, store, versions)
    with atomic_output(output) as out:
        if fmt == "table" and output is None:
            render_tables(list(records), common.out_console())
        elif fmt == "table":
            console, text = file_console(out)
            render_tables(list(records), console)
            text.detach()
        else:
            WRITERS[fmt](records, out)
    run.commit(stored=bool(store))


def _check_outputs(output: str | None, out_dir: Path | None, state: Path | None,
                   store: str | None) -> list[Path]:
    """Refuse, before any work, outputs that cannot be written; return every path this run writes
    (and the locks and journals beside them), which are never read as input."""
    from extractors.batch import DEFAULT_STATE_NAME
    from extractors.files import check_writable
    from extractors.store import EventStore

    written: list[Path] = []
    if output and output != "-":
        check_writable(output)
        written.append(Path(output))
    if out_dir is not None:
        check_writable(out_dir, directory=True)
        written.append(out_dir)
        state = state or out_dir / DEFAULT_STATE_NAME
    if state is not None:
        check_writable(state)
        written += [state, state.with_name(state.name + ".lock"), state.with_name(state.name + ".journal")]
    if store:
        es = EventStore(store)
        check_writable(es.path)
        written += [es.path, es.lock_path, es.digest_path]
    return written


def _merged(records: list[dict], merge: bool, store: str | None,
            versions: dict[str, str] | None = None) -> list[dict]:
    if store:
        from extractors.store import EventStore

        return EventStore(store).update(records, versions).records
    from extractors.merge import merge_records

    return merge_records(records)


def _after_output_dir(run, output: str | None, fmt: str, merge: bool, store: str | None) -> None:
    """With --output-dir the per-input files are the output. --store feeds the store every finished
    file not yet in it (also those of a run killed before its store update); --merge prints the
    merged events of this run's inputs."""
    from extractors.batch import read_output

    if store:
        pending = run.unstored()
        records = [r for _, p in pending for r in read_output(p)]
        merged = _merged(records, False, store, run.document_versions(k for k, _ in pending))
        run.mark_stored(k for k, _ in pending)
        if output:
            with atomic_output(output) as out:
                WRITERS[fmt](merged, out)
    elif merge:
        merged = _merged([r for p in run.outputs for r in read_output(p)], True, None)
        with atomic_output(output) as out:
            WRITERS[fmt](merged, out)


def _report(outcomes: Iterable[Any], progress: RunProgress, quiet: bool, verbose: bool,
            versions: dict[str, str]) -> Iterator[dict]:
    """One stderr line per failed input and per warning; the records of each finished document.
    ``versions`` learns path -> sha256 of every document extracted now."""
    try:
        for o in outcomes:
            progress.advance_file()
            r = o.result
            for w in r.warnings:
                common.warn(f"{r.input}: {w}", quiet)
            if o.status == "failed":
                common.error(r.error)
                continue
            if o.status == "done" and o.unit.path is not None and r.sha256:
                versions[r.input] = r.sha256
            if verbose and not quiet:
                if o.status == "skipped":
                    sys.stderr.write(f"{r.input}: unchanged since the last run, skipped\n")
                else:
                    n_m = sum(1 for x in r.records if x["type"] == "meeting")
                    where = f" -> {o.output}" if o.output else ""
                    sys.stderr.write(f"{r.input}: {r.lang}, {n_m} meeting(s), "
                                     f"{len(r.records) - n_m} claim(s){where}\n")
            yield from r.records
    finally:
        progress.close()


def register(app: typer.Typer) -> None:
    app.command("extract", help=extract_command.__doc__, epilog=f"Example: {EXAMPLE}")(extract_command)

"""The command-line contract (issue 4), tested through the real entry point in fresh processes.

What scripts and cron jobs rely on: help that ends with an example, a fast ``--help`` (no torch or
stanza imported), exit codes (1 when some inputs failed, 2 for usage errors), every ``--format``
parsing, ``-o`` written atomically, ``--doc-date`` and ``--input-format jsonl`` reaching the
records, ``-`` for standard input, a valid JSON Schema from ``attache schema``, byte-identical
output across runs, no ANSI escapes off a terminal, and spans that slice the original text.

Loading the NER models costs seconds per process, so the runs that extract are started together
once per module (two at a time) and each test reads the run it needs.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import typer.main
from jsonschema import Draft202012Validator

from cli.output import CSV_FIELDS

REPO = Path(__file__).resolve().parents[1]
SCHEMA_FILE = REPO / "extractors" / "schema" / "attache-1.schema.json"
ANSI = b"\x1b["

EN_DOC = ("Iranian Foreign Minister Mohammad Javad Zarif met Turkish President Recep Tayyip Erdogan in "
          "Ankara on Monday.\n\nZarif said the talks on trade and the border had been constructive.\n")
EN_DOC_2 = ("Azerbaijani President Ilham Aliyev received Iranian Foreign Minister Mohammad Javad Zarif in "
            "Baku yesterday.\n")
DOC_DATE = "2019-05-07"  # a Tuesday: "on Monday" is 2019-05-06


# -- help -------------------------------------------------------------------------------------
def _command_paths() -> list[list[str]]:
    from cli.main import app

    def walk(cmd: Any, path: list[str]) -> Iterator[list[str]]:
        yield path
        # Typer's groups are not click.Group subclasses (Typer vendors click): look for subcommands
        for name, sub in sorted((getattr(cmd, "commands", None) or {}).items()):
            yield from walk(sub, [*path, name])

    return list(walk(typer.main.get_command(app), []))


COMMANDS = _command_paths()


def test_every_command_is_reached_by_the_help_walk() -> None:
    names = {" ".join(p) for p in COMMANDS}
    assert {"", "extract", "merge", "eval", "schema", "models", "models list", "models download",
            "models train", "actors", "actors lookup"} <= names


def _last_paragraph(text: str) -> list[str]:
    """The lines of the last block of help text (blocks are separated by blank lines)."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        line = line.strip().strip("│").strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b][-1] if any(blocks) else []


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) or "attache" for p in COMMANDS])
def test_help_ends_with_an_example(run_cli, path: list[str]) -> None:
    res = run_cli([*path, "--help"], env={"COLUMNS": "400"}, timeout=60)
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode("utf-8")
    last = _last_paragraph(out)
    assert last and last[0].startswith("Example:"), out[-600:]
    assert last[0].removeprefix("Example:").strip().startswith("attache"), last


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"]], ids=["attache", "extract"])
def test_help_imports_neither_torch_nor_stanza(args: list[str]) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['attache', *{args!r}]\n"
        "from cli.main import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'stanza'))\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy) + '\\n')\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO, timeout=60)
    assert b"Example:" in res.stdout, res.stderr
    line = [ln for ln in res.stderr.decode().splitlines() if ln.startswith("HEAVY=")]
    assert line == ["HEAVY="], line


# -- exit codes without extraction ------------------------------------------------------------
@pytest.mark.parametrize("args", [
    ["extract", "--format", "xml", "README.md"],
    ["extract", "--input-format", "xml", "README.md"],
    ["extract", "--lang", "de", "README.md"],
    ["extract", "--doc-date", "last tuesday", "README.md"],
    ["extract"],
    ["extract", "--no-such-option", "README.md"],
    ["no-such-command"],
], ids=["format", "input-format", "lang", "doc-date", "no-input", "unknown-option", "unknown-command"])
def test_usage_errors_exit_2(run_cli, args: list[str]) -> None:
    res = run_cli(args, timeout=60)
    assert res.returncode == 2, (res.returncode, res.stderr)
    assert res.stdout == b""
    assert res.stderr.strip() and b"Traceback" not in res.stderr


def test_only_missing_inputs_exit_4(run_cli, tmp_path: Path) -> None:
    res = run_cli(["extract", tmp_path / "a.txt", tmp_path / "b.txt"], timeout=120)
    assert res.returncode == 4, res.stderr
    lines = res.stderr.decode().splitlines()
    assert len(lines) == 2 and "a.txt" in lines[0] and "b.txt" in lines[1], lines
    assert b"Traceback" not in res.stderr


def test_schema_command_prints_the_json_schema(run_cli) -> None:
    res = run_cli(["schema"], timeout=60)
    assert res.returncode == 0, res.stderr
    schema = json.loads(res.stdout)
    Draft202012Validator.check_schema(schema)
    assert schema == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


# -- runs that extract, started together ------------------------------------------------------
@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("cli")
    (d / "en_doc.txt").write_text(EN_DOC, encoding="utf-8")
    out = d / "out"
    out.mkdir()
    (out / "records.jsonl").write_text("stale content from an earlier run\n", encoding="utf-8")
    feed = [{"id": "feed-7", "text": EN_DOC, "date": DOC_DATE, "url": "https://example.invalid/7"},
            {"id": "feed-8", "text": EN_DOC_2, "lang": "en"}]
    (d / "feed.jsonl").write_bytes("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in feed).encode())
    return d


@pytest.fixture(scope="module")
def runs(run_cli, workdir: Path, seeds_dir: Path) -> Iterator[dict[str, Future]]:
    en = workdir / "en_doc.txt"
    jobs: dict[str, dict[str, Any]] = {
        "seeds_file": dict(args=["extract", seeds_dir, "-o", workdir / "out" / "records.jsonl"]),
        "seeds_stdout": dict(args=["extract", seeds_dir]),
        "json_doc_date": dict(args=["extract", en, "--format", "json", "--doc-date", DOC_DATE],
                              env={"NO_COLOR": "1"}),
        "csv_missing": dict(args=["extract", workdir / "missing.txt", en, "--format", "csv"]),
        "table": dict(args=["extract", en, "--format", "table"],
                      env={"TERM": "xterm-256color", "COLORTERM": "truecolor"}),
        "feed": dict(args=["extract", "--input-format", "jsonl", "-"],
                     stdin=(workdir / "feed.jsonl").read_bytes()),
        "stdin_text": dict(args=["extract", "-", "-v"], stdin=EN_DOC.encode(), env={"NO_COLOR": "1"}),
    }
    with ThreadPoolExecutor(max_workers=2) as pool:
        yield {name: pool.submit(run_cli, **job) for name, job in jobs.items()}


def _ok(res: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert res.returncode == 0, (res.returncode, res.stderr.decode()[-2000:])
    return res


def _jsonl(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def test_missing_input_exits_1_and_the_rest_is_processed(runs, workdir: Path) -> None:
    res = runs["csv_missing"].result()
    assert res.returncode == 1, res.stderr
    lines = res.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert "missing.txt" in lines[0]
    rows = list(csv.DictReader(io.StringIO(res.stdout.decode("utf-8"))))
    assert rows and {r["doc_id"] for r in rows} == {"en_doc"}


def test_jsonl_output_parses(runs, check_records) -> None:
    recs = check_records(_jsonl(_ok(runs["seeds_stdout"].result()).stdout))
    assert {r["type"] for r in recs} == {"meeting", "claim"}
    assert {r["doc"]["lang"] for r in recs} == {"ar", "fa", "en"}
    assert len({r["id"] for r in recs}) == len(recs), "record ids must be unique"


def test_json_output_parses(runs, check_records) -> None:
    data = json.loads(_ok(runs["json_doc_date"].result()).stdout)
    assert isinstance(data, list) and data
    check_records(data)


def test_csv_output_parses(runs) -> None:
    res = runs["csv_missing"].result()
    reader = csv.DictReader(io.StringIO(res.stdout.decode("utf-8"), newline=""))
    rows = list(reader)
    assert reader.fieldnames == CSV_FIELDS
    as_json = json.loads(runs["json_doc_date"].result().stdout)
    assert [r["id"] for r in rows] == [r["id"] for r in as_json]
    meeting = next(r for r in rows if r["type"] == "meeting")
    assert "Zarif" in meeting["participants"] and meeting["location"] == "Ankara"


def test_table_output_has_both_tables_and_no_escapes(runs) -> None:
    res = _ok(runs["table"].result())
    out = res.stdout.decode("utf-8")
    assert "Meetings (" in out and "Claims (" in out
    assert "Zarif" in out and "Ankara" in out
    assert ANSI not in res.stdout and ANSI not in res.stderr


def test_output_file_is_written_atomically(runs, workdir: Path) -> None:
    res = _ok(runs["seeds_file"].result())
    assert res.stdout == b""
    out = workdir / "out"
    assert sorted(p.name for p in out.iterdir()) == ["records.jsonl"], "a temporary file was left behind"
    content = (out / "records.jsonl").read_bytes()
    assert b"stale content" not in content
    assert content == _ok(runs["seeds_stdout"].result()).stdout


def test_output_is_deterministic_across_runs(runs, workdir: Path) -> None:
    _ok(runs["seeds_file"].result())
    first = (workdir / "out" / "records.jsonl").read_bytes()
    second = _ok(runs["seeds_stdout"].result()).stdout
    assert second and first == second


def test_doc_date_option_sets_the_document_date(runs) -> None:
    recs = json.loads(_ok(runs["json_doc_date"].result()).stdout)
    assert recs
    for r in recs:
        assert r["doc"]["date"] == {"value": DOC_DATE, "source": "option"}
    dates = [r["date"]["value"] for r in recs if r["type"] == "meeting" and r["date"]]
    assert dates == ["2019-05-06"], dates


def test_input_format_jsonl_carries_id_and_date(runs, check_records) -> None:
    recs = check_records(_jsonl(_ok(runs["feed"].result()).stdout))
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in recs:
        by_doc.setdefault(r["doc"]["id"], []).append(r)
    assert set(by_doc) == {"feed-7", "feed-8"}
    for r in by_doc["feed-7"]:
        assert r["doc"]["date"] == {"value": DOC_DATE, "source": "input"}
        assert r["doc"]["path"] == "https://example.invalid/7"
    for r in by_doc["feed-8"]:
        assert r["doc"]["date"]["value"] is None and r["doc"]["date"]["source"] == "none"
        assert r["doc"]["lang"] == "en"
    dated = [r["date"]["value"] for r in by_doc["feed-7"] if r["type"] == "meeting" and r["date"]]
    assert dated == ["2019-05-06"]
    _assert_spans(by_doc["feed-7"], EN_DOC)
    _assert_spans(by_doc["feed-8"], EN_DOC_2)


def test_stdin_dash_reads_standard_input(runs) -> None:
    res = _ok(runs["stdin_text"].result())
    recs = _jsonl(res.stdout)
    assert recs
    for r in recs:
        assert r["doc"]["id"] == "stdin" and r["doc"]["path"] is None
        assert r["doc"]["sha256"] == hashlib.sha256(EN_DOC.encode()).hexdigest()
    _assert_spans(recs, EN_DOC)


def test_no_ansi_escapes_off_a_terminal(runs) -> None:
    for name in ("seeds_stdout", "json_doc_date", "csv_missing", "table", "stdin_text"):
        res = runs[name].result()
        assert ANSI not in res.stdout, name
        assert ANSI not in res.stderr, name
    assert runs["stdin_text"].result().stderr.strip(), "-v should have said something on stderr"


# -- spans ------------------------------------------------------------------------------------
def _assert_spans(records: list[dict[str, Any]], text: str, seen: dict[str, int] | None = None) -> None:
    """Every span in the records slices ``text`` to exactly the field it stands for."""
    seen = seen if seen is not None else {}

    def check(kind: str, obj: dict[str, Any] | None, field: str) -> None:
        if not obj or obj.get("span") is None:
            return
        s, e = obj["span"]
        assert 0 <= s <= e <= len(text), (kind, obj["span"], len(text))
        # a claim's text is the span with its whitespace made single spaces; the rest is verbatim
        got = " ".join(text[s:e].split()) if kind == "claim" else text[s:e]
        assert got == obj[field], (kind, text[s:e], obj[field])
        seen[kind] = seen.get(kind, 0) + 1

    for r in records:
        if r["type"] == "meeting":
            for p in r["participants"]:
                check("participant", p, "text")
            check("location", r["location"], "text")
            check("date", r["date"], "text")
        else:
            check("speaker", r["speaker"], "text")
            check("claim", r, "text")
            check("via", r["speaker"].get("via"), "text")
        check("evidence", r["evidence"], "sentence")


def test_spans_slice_the_original_files(runs) -> None:
    recs = _jsonl(_ok(runs["seeds_stdout"].result()).stdout)
    seen: dict[str, int] = {}
    by_path: dict[str, list[dict[str, Any]]] = {}
    for r in recs:
        by_path.setdefault(r["doc"]["path"], []).append(r)
    assert len(by_path) == 5
    for path, group in by_path.items():
        _assert_spans(group, Path(path).read_text(encoding="utf-8"), seen)
    for kind in ("participant", "location", "date", "speaker", "claim", "evidence"):
        assert seen.get(kind), f"no {kind} span was checked at all: {seen}"

"""``attache eval``: score extraction against the gold set (issue 9).

A thin layer: ``extractors.evaluate`` does the scoring; this module parses options, renders the
table with rich and turns floor violations into exit status 1 so ``make test`` and CI can gate on it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from cli.common import add_command, error, warn
from extractors import evaluate as ev
from extractors.errors import AttacheError

EXAMPLE = "attache eval ../shared/gold/dev.jsonl ../shared/gold/docs/"


def _fmt(v: Any) -> str:
    return "-" if v is None else f"{v:.3f}"


def _table(result: dict[str, Any]) -> Table:
    """Metrics as rows and scopes as columns, so the table stays readable in 80 columns."""
    scopes = [("overall", result["overall"]), *result["languages"].items()]
    table = Table(title="attache eval", title_justify="left")
    table.add_column("metric")
    for scope, _ in scopes:
        table.add_column(scope, justify="right")
    table.add_row("documents", *(str(f["documents"]) for _, f in scopes), end_section=True)
    for what in ("meetings", "participants", "claims"):
        for key, label in (("p", "precision"), ("r", "recall"), ("f1", "F1")):
            table.add_row(f"{what} {label}", *(_fmt(f[what][key]) for _, f in scopes))
        counts = (f"{f[what]['tp']}/{f[what]['fp']}/{f[what]['fn']}" for _, f in scopes)
        table.add_row(f"{what} tp/fp/fn", *counts, end_section=True)
    table.add_row("location accuracy (n)",
                  *(f"{_fmt(f['location_accuracy'])} ({f['location_n']})" for _, f in scopes))
    table.add_row("date accuracy (n)", *(f"{_fmt(f['date_accuracy'])} ({f['date_n']})" for _, f in scopes))
    table.add_row("participants canonical", *(_fmt(f["participants_canonical"]) for _, f in scopes))
    return table


def _detail_line(d: dict[str, Any]) -> str:
    what = {k: d[k] for k in ("gold", "pred") if k in d}
    return f"{d['doc']} [{d['lang']}] {d['kind']}: {json.dumps(what, ensure_ascii=False)}"


def eval_command(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold file (gold README format)."),
    inputs: list[Path] = typer.Argument(
        None, help="Document files or directories of <doc_id>.txt to run extraction on."),
    pred: Path | None = typer.Option(
        None, "--pred", exists=True, dir_okay=False,
        help="Score these attache/1 records (JSONL, from `attache extract`) instead of extracting."),
    lang: str | None = typer.Option(None, "--lang", help="Score only gold documents of this language."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON instead of a table."),
    details: bool = typer.Option(
        False, "--details", help="List every miss and spurious record with its evidence sentence."),
    floors: Path | None = typer.Option(
        None, "--floors", exists=True, dir_okay=False,
        help="Floors file (like eval/floors.json); exit 1 when any figure is below its floor."),
) -> None:
    """Score meetings, participants, claims, location and date against a gold file.

    Give document files or directories to run extraction on them (each gold document gets its
    gold publication date, as a news feed would deliver it), or --pred to score records produced
    earlier. Figures equal those of ../shared/bin/score on the same records.
    """
    if not inputs and pred is None:
        error("nothing to score: give the documents to run extraction on (INPUTS: files or folders of "
              "<doc_id>.txt), or the records of an earlier run with --pred RECORDS.jsonl")
        raise typer.Exit(2)
    if inputs and pred is not None:
        error("give INPUTS to run extraction on, or --pred RECORDS.jsonl, not both")
        raise typer.Exit(2)
    try:
        gold_docs = ev.load_gold(gold, lang)
        if not gold_docs:
            error(f"{gold}: no gold documents" + (f" in language {lang!r}" if lang else ""))
            raise typer.Exit(2)
        if pred is not None:
            predicted = list(ev.read_jsonl(pred))
            covered = {ev.record_doc_id(r) for r in predicted}
            if not covered & set(gold_docs):
                error(f"{pred}: none of its records is about a gold document (their doc ids do not match "
                      f"the gold file's doc_id values)")
                raise typer.Exit(2)
            missing = sorted(set(gold_docs) - covered)
            if missing:
                warn(f"{pred} has no records for {len(missing)} of the {len(gold_docs)} gold documents "
                     f"({', '.join(missing[:5])}{', ...' if len(missing) > 5 else ''}); they are scored as "
                     f"all missed")
            result = ev.evaluate(gold_docs, predicted, ev.gold_texts(gold, gold_docs))
        else:
            result = ev.evaluate_documents(gold_docs, inputs)
            result.pop("records")
            for did in result.pop("missing_documents"):
                warn(f"no file for gold document {did} among the inputs; scored as all missed")
    except ImportError as e:
        error(f"extraction is not available: {e}")
        raise typer.Exit(2) from None
    except AttacheError as e:  # a missing NER model (3), a malformed dictionary (2), ...
        error(str(e))
        raise typer.Exit(e.exit_code) from None
    except (ValueError, KeyError, OSError) as e:
        error(str(e))
        raise typer.Exit(2) from None
    violations = ev.check_floors(result, ev.load_floors(floors)) if floors else []
    if as_json:
        out = {k: v for k, v in result.items() if details or k != "details"}
        if floors:
            out["floor_violations"] = violations
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    else:
        con = Console()
        con.print(_table(result))
        if details:
            for d in result["details"]:
                con.print(_detail_line(d), markup=False, highlight=False)
                if d.get("evidence"):
                    con.print(f"    {d['evidence']}", markup=False, highlight=False)
    for v in violations:
        error(f"below floor: {v}")
    if violations:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to the attache app; its help ends with a pasteable example."""
    add_command(app, "eval", eval_command, EXAMPLE)

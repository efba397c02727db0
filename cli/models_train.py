"""``attache models train``: train a Stanza NER model.

A thin layer over ``extractors.train``: it parses options, shows the trainer's progress on stderr
(a training run takes tens of minutes, so silence would look like a hang) and prints P/R/F1 on
dev and test. :func:`register` adds :func:`train_command` to the ``models`` group; its docstring
ends with the pasteable example.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cli.common import unwrap
from extractors import train as tr

EXAMPLE = (
    "attache models train --lang en --train ../shared/corpora/en/train.json "
    "--dev ../shared/corpora/en/dev.json --test ../shared/corpora/en/test.json --out models"
)

_STEP = re.compile(r"step (\d+)/(\d+), loss = ([\d.]+)")
_DEV = re.compile(r"step (\d+): train_loss = ([\d.]+), dev_score = ([\d.]+)")


def _table(result: dict[str, Any]) -> Table:
    """One row per scored split, entity-level exact match, so dev and test read side by side."""
    table = Table(title=f"attache models train: {result['lang']}", title_justify="left")
    for col in ("split", "sentences", "gold", "pred", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "split" else "right")
    for split in ("dev", "test"):
        s = result[split]
        if s is None:
            continue
        table.add_row(split, str(s["sentences"]), str(s["gold"]), str(s["pred"]),
                      f"{100 * s['precision']:.1f}", f"{100 * s['recall']:.1f}", f"{100 * s['f1']:.1f}")
    return table


def train_command(
    lang: str = typer.Option(..., "--lang", help="Language code the model is for (ar, fa, en...)."),
    train: Path = typer.Option(
        ..., "--train", metavar="FILE",
        help="Training data: Stanza NER JSON, or CoNLL/BIO columns (token first, tag last)."),
    dev: Path = typer.Option(
        ..., "--dev", metavar="FILE", help="Dev data (same formats); picks the best checkpoint."),
    out: Path = typer.Option(
        ..., "--out", metavar="DIR",
        help="Models folder: writes DIR/<lang>/ner.pt, DIR/<lang>/pretrain.pt, DIR/resources.json."),
    test: Path | None = typer.Option(
        None, "--test", metavar="FILE", help="Held-out data to score the final model on."),
    vectors: Path | None = typer.Option(
        None, "--vectors", metavar="FILE",
        help="Word vectors (word2vec/GloVe text, .xz/.gz ok, or a Stanza pretrain.pt). "
        "Default: train word2vec on the train + dev text."),
    vector_text: list[Path] = typer.Option(
        [], "--vector-text", metavar="FILE",
        help="Extra plain text (one sentence a line) for the word2vec vectors; repeatable."),
    max_steps: int = typer.Option(
        tr.DEFAULT_MAX_STEPS, "--max-steps", min=1, help="Training steps (batches)."),
    eval_interval: int = typer.Option(
        tr.DEFAULT_EVAL_INTERVAL, "--eval-interval", min=1, help="Score dev every this many steps."),
    batch_size: int = typer.Option(tr.DEFAULT_BATCH_SIZE, "--batch-size", min=1, help="Sentences per batch."),
    seed: int = typer.Option(tr.DEFAULT_SEED, "--seed", help="Random seed of the Stanza trainer."),
    gpu: bool = typer.Option(False, "--gpu", help="Train on the GPU (default: CPU, as the shipped models)."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON instead of a table."),
) -> None:
    """Train a Stanza NER model with Stanza's own trainer and print P/R/F1 on dev and test.

    Input files may be Stanza JSON (a list of sentences, each a list of {"text", "ner"}) or
    CoNLL/BIO column files; IOB1 and BIOES tags are converted to BIO. Scores are entity-level exact
    match (span and type), from running the saved model on the gold tokens. The defaults are the
    recipe of the models in ../shared/models (6000 steps, dev every 250, CPU).

    Example: attache models train --lang en --train ../shared/corpora/en/train.json --dev
    ../shared/corpora/en/dev.json --test ../shared/corpora/en/test.json --out models
    """
    err = Console(stderr=True, highlight=False)

    with err.status("preparing data and word vectors") as status:

        def progress(line: str) -> None:
            if m := _DEV.search(line):
                err.print(f"step {m.group(1)}: dev F1 {100 * float(m.group(3)):.1f}")
                status.update("training")
            elif m := _STEP.search(line):
                status.update(f"training: step {m.group(1)}/{m.group(2)}, loss {float(m.group(3)):.3f}")

        try:
            result = tr.train_ner(
                lang, train, dev, out, test=test, vectors=vectors, max_steps=max_steps,
                eval_interval=eval_interval, batch_size=batch_size, seed=seed, vector_texts=vector_text,
                use_gpu=gpu, progress=progress,
            )
        except tr.TrainError as e:
            err.print(f"[red]error:[/red] {escape(str(e))}", soft_wrap=True)
            raise typer.Exit(e.exit_code) from None

    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    con = Console(highlight=False)
    con.print(_table(result))
    best = f", best dev at step {result['best_dev_step']}" if result["best_dev_step"] else ""
    con.print(f"model {result['model']} (pretrain {result['pretrain']}, "
              f"{result['vectors']['vocab']} words from {result['vectors']['source']})")
    con.print(f"{result['steps'] or '?'} steps{best}; {result['seconds']:.0f} s; log {result['log']}")


# Registered as a plain function, so the help text is taken from __doc__: unwrap it once.
train_command.__doc__ = unwrap(train_command.__doc__ or "")


def register(models_app: typer.Typer) -> None:
    """Add ``train`` to the ``models`` group with the example as epilog, so it ends the help page."""
    doc = train_command.__doc__ or ""
    help_text = doc.split("\n\nExample:")[0]
    models_app.command("train", help=help_text, epilog=f"Example: {EXAMPLE}")(train_command)

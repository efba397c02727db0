"""The attache command line: a thin Typer layer over the ``extractors`` library.

Imports here stay light (no torch, no stanza) so ``attache --help`` answers at once; each command
imports the library when it runs.
"""

from __future__ import annotations

import sys

import typer

from . import actors_cmd, common, eval_cmd, extract_cmd, merge_cmd, models_cmd, report_cmd

app = typer.Typer(
    name="attache",
    help="Diplomatic events from Arabic, Persian and English news: who met whom, where, when, "
         "and who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    epilog="Example: attache extract seeds/ --format jsonl",
)
extract_cmd.register(app)
merge_cmd.register(app)
eval_cmd.register(app)
report_cmd.register(app)
app.add_typer(models_cmd.app, name="models", epilog="Example: attache models list")
app.add_typer(actors_cmd.app, name="actors", epilog="Example: attache actors lookup Aliyev")


@app.command("schema", epilog="Example: attache schema > attache-1.schema.json")
def schema() -> None:
    """Print the JSON Schema of attache/1 records."""
    from importlib import resources

    sys.stdout.write(resources.files("extractors").joinpath("schema", "attache-1.schema.json").read_text("utf-8"))


def main() -> None:
    """Console entry point: usage errors exit 2; library errors become one line, never a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        common.error("interrupted")
        sys.exit(130)

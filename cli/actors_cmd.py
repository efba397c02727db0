"""`attache actors lookup`: what a name or title resolves to, and why."""

from __future__ import annotations

import typer

from . import common

app = typer.Typer(help="The actor dictionary.", no_args_is_help=True)


@app.command("lookup", epilog="Example: attache actors lookup 'رئيس الجمهورية الإسلامية' --date 2017-03-05")
def lookup(
    name: str = typer.Argument(..., help="A name or title in Arabic, Persian or English."),
    date: str | None = typer.Option(None, "--date", help="Resolve titles as of YYYY-MM-DD."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the title words (default: guessed)."),
    actors: str | None = typer.Option(None, "--actors", help="Extra actors JSONL file."),
) -> None:
    """Show what a name or title resolves to, and why."""
    from extractors import AttacheError
    from extractors.lookup import lookup as do_lookup

    try:
        rows = do_lookup(name, date, lang, actors)
    except AttacheError as e:
        raise common.fail(str(e), getattr(e, "exit_code", 1)) from None
    if not rows:
        print(f"{name}\tunknown\t(no actor, title or place matches)")
        raise typer.Exit(1)
    for r in rows:
        print("\t".join(str(x) for x in r))

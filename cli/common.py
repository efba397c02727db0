"""Shared pieces of the CLI: consoles, error printing, exit codes."""

from __future__ import annotations

import os
import sys

import typer

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_NO_MODEL = 3
EXIT_ALL_FAILED = 4
EXIT_LOCKED = 5  # raised as LockBusyError.exit_code by extractors.batch
EXIT_SIGINT = 130
EXIT_SIGTERM = 143


def err_console():
    from rich.console import Console

    return Console(stderr=True, no_color=bool(os.environ.get("NO_COLOR")) or None, highlight=False)


def out_console():
    from rich.console import Console

    return Console(no_color=bool(os.environ.get("NO_COLOR")) or None, highlight=False)


def _one_line(msg: str) -> str:
    # A log line per message: a message never wraps or spans lines, whatever the terminal width.
    return " ".join(str(msg).split())


def error(msg: str) -> None:
    """One line on stderr, no markup interpretation."""
    sys.stderr.write(f"ERROR: {_one_line(msg)}\n")
    sys.stderr.flush()


def warn(msg: str, quiet: bool = False) -> None:
    if not quiet:
        sys.stderr.write(f"WARNING: {_one_line(msg)}\n")
        sys.stderr.flush()


def version() -> str:
    """The installed attache version (the source tree's pyproject when not installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("attache")
    except PackageNotFoundError:
        return "unknown (not installed)"


def fail(msg: str, code: int) -> typer.Exit:
    error(msg)
    return typer.Exit(code)


def unwrap(doc: str) -> str:
    """Docstring paragraphs as single lines: Typer keeps source line breaks, the terminal should wrap."""
    paragraphs = [" ".join(p.split()) for p in doc.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def add_command(app: typer.Typer, name: str, func, example: str) -> None:
    """Register ``func`` as ``name`` with its unwrapped docstring as help and a pasteable example last."""
    app.command(name, help=unwrap(func.__doc__ or ""), epilog=f"Example: {example}")(func)


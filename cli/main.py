"""The attache command line: a thin Typer layer over the ``extractors`` library.

Imports here stay light (no torch, no stanza) so ``attache --help`` answers at once; each command
imports the library when it runs.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import typer

from . import actors_cmd, common, eval_cmd, extract_cmd, merge_cmd, models_cmd, report_cmd


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"attache {common.version()}\n")
        raise typer.Exit(0)


app = typer.Typer(
    name="attache",
    help="Diplomatic events from Arabic, Persian and English news: who met whom, where, when, "
         "and who said what.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Example: attache extract seeds/ --format jsonl",
)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Diplomatic events from Arabic, Persian and English news: who met whom, where, when, and who
    said what."""


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


def _plain_metavars(cmd: Any) -> None:
    """Help shows what to type, not Python types: ``FILE`` rather than ``<str>``, nothing after a
    flag rather than ``<bool>``; options that list their choices keep them."""
    for param in getattr(cmd, "params", []):
        if param.metavar is not None or getattr(param, "is_flag", False):
            continue
        if param.param_type_name == "argument":
            param.metavar = (param.name or "value").upper()
            continue
        desc = getattr(param, "type_descriptor", None)
        if desc is not None and desc.is_choice and desc.choices:
            param.metavar = "|".join(str(getattr(c, "value", c)) for c in desc.choices)
        else:
            param.metavar = (param.name or "value").upper()
    for sub in (getattr(cmd, "commands", None) or {}).values():
        _plain_metavars(sub)


def _type_column(self: Any, ctx: Any) -> str | None:
    """The help's type column: the metavar of an option that takes a value, nothing for a flag or
    an argument (whose name already says what it is)."""
    if self.param_type_name != "option" or self.is_flag or self.count:
        return None
    return self.metavar


def _usage_name(self: Any) -> str:
    """An argument in the usage line as POSIX usage writes it: ``FILES...``, ``[PATHS]...``
    (Typer writes a required one as ``{files}``)."""
    name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
    return name + ("..." if self.nargs != 1 else "")


def command() -> Any:
    """The click command tree of the app, with plain metavars."""
    from typer.core import TyperArgument, TyperOption

    # Typer prints Python annotations (<bool>, <list[str]>) in that column and has no setting for it.
    TyperOption.display_type_rich = _type_column  # type: ignore[method-assign]
    TyperArgument.display_type_rich = _type_column  # type: ignore[method-assign]
    TyperArgument._usage_display_name = _usage_name  # type: ignore[method-assign]
    cmd = typer.main.get_command(app)
    _plain_metavars(cmd)
    return cmd


def main() -> None:
    """Console entry point: every error is one ``ERROR:`` line on stderr and an exit status (2 for
    usage), never a traceback unless --debug."""
    from typer import Abort
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError  # Typer vendors click

    try:
        rc = command().main(prog_name="attache", standalone_mode=False)
    except NoArgsIsHelpError:
        rc = common.EXIT_USAGE  # `attache` or `attache models` alone: the help is already printed
    except UsageError as e:
        where = e.ctx.command_path if e.ctx is not None else "attache"
        common.error(f"{e.format_message()} (see `{where} --help`)")
        rc = common.EXIT_USAGE
    except ClickException as e:
        common.error(e.format_message())
        rc = e.exit_code
    except (KeyboardInterrupt, Abort):
        common.error("interrupted")
        rc = common.EXIT_SIGINT
    except BrokenPipeError:
        # the reader went away (`attache extract ... | head`): nothing more to say to anyone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        rc = 0
    except Exception as e:
        if "--debug" in sys.argv:
            raise
        common.error(f"internal error ({type(e).__name__}: {' '.join(str(e).split())}); "
                     f"run again with --debug for the traceback")
        rc = 1
    sys.exit(rc if isinstance(rc, int) else 0)

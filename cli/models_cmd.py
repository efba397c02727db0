"""`attache models`: list where each language's NER model comes from, download official ones, train."""

from __future__ import annotations

import typer

from . import common

app = typer.Typer(help="NER models: where they come from, download, train.", no_args_is_help=True)


@app.command("list", epilog="Example: attache models list --models-dir ../shared/models")
def list_models(
    models_dir: str | None = typer.Option(None, "--models-dir", envvar="ATTACHE_MODELS_DIR",
                                          help="Folder of local models (DIR/<lang>/ner.pt + pretrain.pt)."),
) -> None:
    """Show, per language, which NER model extraction will use and from where."""
    from extractors.lang import LANGS
    from extractors.ner import locate_model

    missing = 0
    for lang in LANGS:
        loc = locate_model(lang, models_dir)
        missing += loc.kind == "missing"
        print(f"{lang}\t{loc.kind}\t{loc.detail}")
    if missing:
        raise typer.Exit(common.EXIT_NO_MODEL)


@app.command("download", epilog="Example: attache models download ar fa en")
def download(
    langs: list[str] = typer.Argument(..., help="Languages: ar fa en."),
    resources_dir: str | None = typer.Option(None, "--dir", help="Where to put them (default STANZA_RESOURCES_DIR)."),
) -> None:
    """Fetch Stanza's official NER models (needs internet; extraction itself never goes online)."""
    from extractors.ner import download_official

    for lang in langs:
        if lang not in ("ar", "fa", "en"):
            raise common.fail(f"unsupported language {lang!r} (ar, fa or en)", common.EXIT_USAGE)
    try:
        for lang in langs:
            path = download_official(lang, resources_dir)
            print(f"{lang}\t{path}")
    except Exception as e:  # noqa: BLE001 - any network/IO failure becomes one line
        raise common.fail(f"download failed: {str(e).splitlines()[0] if str(e) else e.__class__.__name__} "
                          f"(no network? use --models-dir with local models instead)", 1) from None


def _register_train() -> None:
    from .models_train import register

    register(app)


_register_train()

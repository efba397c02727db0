"""attache's library: diplomatic events (meetings and claims) from Arabic, Persian and English text.

    >>> from extractors import extract_text
    >>> records = extract_text("Iranian Foreign Minister Mohammad Javad Zarif met ...", doc_date="2019-05-01")

The CLI (``cli/``) is a thin layer over these functions. Nothing here imports typer or rich, and
torch/stanza load only when the first document reaches NER.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import AttacheError, DataError, InputError, ModelMissingError
from .pipeline import DocResult, Extractor, InputDoc

__all__ = ["extract_text", "extract_file", "extract_paths", "Extractor", "InputDoc", "DocResult",
           "AttacheError", "InputError", "ModelMissingError", "DataError"]

_default: Extractor | None = None


def _extractor() -> Extractor:
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract_text(text: str, lang: str | None = None, doc_date: str | None = None, doc_id: str = "stdin",
                 path: str | None = None) -> list[dict[str, Any]]:
    """Records (``attache/1`` dicts) for one text. ``doc_date`` is YYYY-MM-DD when known."""
    doc = InputDoc(id=doc_id, text=text, path=path, lang=lang, date=doc_date,
                   date_source="input" if doc_date else "none")
    return _extractor().extract(doc)


def extract_file(path: str | Path) -> list[dict[str, Any]]:
    """Records for one file; raises ``InputError`` with a one-line reason when it cannot be read."""
    ex = _extractor()
    return ex.extract(ex.load(path))


def extract_paths(paths: Iterable[str | Path], glob: str | None = None, jobs: int = 1,
                  cluster: str | None = None) -> Iterator[DocResult]:
    """One ``DocResult`` per input file (directories walked), in input order; failures are results,
    not exceptions. ``jobs`` worker processes, or a Dask ``cluster`` (``local:N`` or a scheduler
    address ``tcp://HOST:PORT``), share the work; the results are the same."""
    return _extractor().extract_paths(paths, glob, jobs=jobs, cluster=cluster)

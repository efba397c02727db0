"""Batch and cron runs: many inputs, bad ones reported and skipped, resumable, lock-protected.

Why this module exists: a news cron feeds attache whatever landed in a folder. Some files are
empty, binary, HTML, in another language, unreadable or huge; runs get killed by timeouts and
overlap with the next run. The policy for all of that lives here, as library code (no typer, no
rich), so the CLI only parses options and prints.

The pieces, in the order a run uses them:

* ``iter_units`` turns the command-line inputs (files, directories, ``-``, JSONL feeds) into
  ``Unit``\\ s: one per document, each with the key the state remembers it by and the name of its
  output file under ``--output-dir``. Inputs that cannot even be found become failed units, so
  the batch goes on and the caller reports one line per bad input.
* ``needed_languages`` reads only the first few KB of each input, so a missing NER model is
  reported before anything runs (and before any lock is taken).
* ``BatchRun`` takes the locks, loads the ``State``, installs the SIGINT/SIGTERM handlers and
  yields one ``Outcome`` per unit, in input order whatever ``--jobs`` is. With an output
  directory every document's records are written to their own file atomically (temporary file,
  fsync, rename) and only then recorded in the state's append-only journal, so a run killed at
  any instant leaves finished files, no truncated ones, and a state that never claims more than
  what is on disk. A re-run skips inputs whose content hash and options are unchanged.
* Documents go to the extractor in batches (the NER model tags many sentences at once); with
  ``jobs > 1`` the batches go to worker processes that load their models once each, and results
  are put back in input order before anything is written.

Where each piece lives: ``units`` (inputs to units, the model pre-check), ``run`` (the run policy:
skip, batch, order, write, journal), ``state`` (the state file, locks, stale temporaries),
``signals`` (SIGINT/SIGTERM), ``workers`` (one extractor per process, the ``--jobs`` pool) and
``cluster`` (the same batches on a Dask cluster). Atomic writes are ``extractors.files``, shared
with the event store and ``-o``.
"""

from __future__ import annotations

from ..files import TMP_SUFFIX, atomic_file, atomic_write, fit_name, printable
from ..ner import BoundedNER, split_long
from .run import (
    BATCH_CHARS,
    BATCH_DOCS,
    FORMAT_SUFFIX,
    MAX_UNBROKEN_CHARS,
    POOL_BATCH_DOCS,
    BatchOptions,
    BatchRun,
    Outcome,
    Writer,
    longest_unbroken,
)
from .signals import Interrupted, SignalGuard
from .state import (
    DEFAULT_STATE_NAME,
    LOCK_NAME,
    STATE_SCHEMA,
    LockBusyError,
    RunLock,
    State,
    StateError,
    read_output,
    remove_stale_temporaries,
)
from .units import (
    OWN_OUTPUT_HEAD,
    SAMPLE_BYTES,
    Unit,
    input_inside_output,
    is_attache_output,
    iter_units,
    needed_languages,
    sample_language,
)
from .workers import _EXTRACTORS, ExtractorConfig, _Pool, extract_batch, get_extractor

__all__ = [
    "BATCH_CHARS", "BATCH_DOCS", "DEFAULT_STATE_NAME", "FORMAT_SUFFIX", "LOCK_NAME", "MAX_UNBROKEN_CHARS",
    "OWN_OUTPUT_HEAD", "POOL_BATCH_DOCS", "SAMPLE_BYTES", "STATE_SCHEMA", "TMP_SUFFIX", "BatchOptions",
    "BatchRun", "BoundedNER", "ExtractorConfig", "Interrupted", "LockBusyError", "Outcome", "RunLock",
    "SignalGuard", "State", "StateError", "Unit", "Writer", "_EXTRACTORS", "_Pool", "atomic_file",
    "atomic_write", "extract_batch", "fit_name", "get_extractor", "input_inside_output", "is_attache_output",
    "iter_units", "longest_unbroken", "needed_languages", "printable", "read_output",
    "remove_stale_temporaries", "sample_language", "split_long",
]

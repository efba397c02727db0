"""Progress on stderr: a bar over the inputs, and how far a long document has been read.

``-v`` prints a line each time a long document advances; on a terminal (and without ``-q``) a rich
bar shows it instead, removed when the run ends. Off a terminal and without ``-v`` nothing is
printed, so cron logs only get errors and warnings.
"""

from __future__ import annotations

import sys
from typing import Any

from . import common

# Fewer inputs than this get no bar over the inputs (a long single document still gets its own).
MIN_FILES_FOR_BAR = 4
MAX_LABEL = 40  # characters of a document's name beside its bar (the end of a long path is kept)


class RunProgress:
    """One rich ``Progress`` for the whole run (rich allows one live display at a time)."""

    def __init__(self, total_files: int | None, quiet: bool, verbose: bool) -> None:
        self.lines = verbose and not quiet
        self._bar: Any = None
        self._files: Any = None
        self._doc: Any = None
        self._doc_name: str | None = None
        if not quiet and sys.stderr.isatty():
            from rich.progress import Progress

            self._bar = Progress(console=common.err_console(), transient=True)
            if total_files is not None and total_files >= MIN_FILES_FOR_BAR:
                self._files = self._bar.add_task("extracting", total=total_files)

    def advance_file(self) -> None:
        if self._files is not None:
            self._bar.start()  # at the first input done; a no-op once started
            self._bar.advance(self._files)

    def document(self, doc: Any, done: int, total: int) -> None:
        """``Extractor.progress``: ``done`` of ``total`` characters of a long document are read."""
        name = str(doc.path or doc.id)
        if self.lines:
            sys.stderr.write(f"{name}: {100 * done // max(total, 1)}% read ({done:,} of {total:,} characters)\n")
            sys.stderr.flush()
            return
        if self._bar is None:
            return
        if self._doc_name != name:
            if self._doc is not None:
                self._bar.remove_task(self._doc)
            self._doc_name = name
            from rich.markup import escape

            label = name if len(name) <= MAX_LABEL else "…" + name[-(MAX_LABEL - 1):]
            self._doc = self._bar.add_task(escape(label), total=total)
            self._bar.start()
        self._bar.update(self._doc, completed=done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()

"""SIGINT and SIGTERM during a run: an exception outside critical sections, a note inside them."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any


class Interrupted(BaseException):  # noqa: N818 - reads like KeyboardInterrupt, which it stands beside
    """SIGINT or SIGTERM arrived. A BaseException, so ``except Exception`` in the stages cannot
    swallow it; the CLI turns it into exit status 128 + signal number."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.exit_code = 128 + signum
        super().__init__(f"interrupted by {signal.Signals(signum).name}")


class SignalGuard:
    """SIGINT and SIGTERM become ``Interrupted`` in the main thread, except inside ``critical()``
    sections (an output rename followed by its journal line), where the exception waits until
    the section is over, so the state never disagrees with the files on disk."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.pending: int | None = None
        self._depth = 0
        self._old: dict[int, Any] = {}

    def __enter__(self) -> SignalGuard:
        self.pending, self._depth = None, 0
        if threading.current_thread() is threading.main_thread():
            for s in self.SIGNALS:
                self._old[s] = signal.signal(s, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for s, old in self._old.items():
            signal.signal(s, old)
        self._old.clear()
        self._depth = 0

    def _handle(self, signum: int, frame: object) -> None:
        if self.pending is None:
            self.pending = signum
        if self._depth == 0:
            raise Interrupted(self.pending)

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if self._depth == 0 and self.pending is not None:
            raise Interrupted(self.pending)

    def hold(self) -> None:
        """From now on signals are only noted (used while a run winds down)."""
        self._depth += 1

    def check(self) -> None:
        if self.pending is not None:
            raise Interrupted(self.pending)

"""The library's typed errors. The CLI maps each to one stderr line and an exit code."""

from __future__ import annotations


class AttacheError(Exception):
    """Base class; ``str(err)`` is a one-line message fit for a user."""

    exit_code = 1


class InputError(AttacheError):
    """One input cannot be processed (missing, unreadable, binary, empty, unsupported language...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelMissingError(AttacheError):
    """No NER model for a language that a document needs."""

    exit_code = 3


class ModelDamagedError(ModelMissingError):
    """A model file exists but cannot be loaded (truncated download, a file of another format)."""


class DataError(AttacheError):
    """A dictionary or pattern file is malformed (a user's --actors/--places file, say)."""

    exit_code = 2


class UsageError(AttacheError):
    """A bad argument: an unknown language, a malformed date. Exit status 2, as for a bad option."""

    exit_code = 2

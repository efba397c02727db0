"""Objects that every process builds the same way, kept on disk between runs.

Why: the built-in gazetteer is built from GeoNames and ISO 3166 tables on every start (about half
a CPU second), and every ``--jobs`` or cluster worker pays it again; unpickling the finished object
takes a few hundredths of a second.

A stale entry is never used: an entry's file name carries a hash of everything that could change
the object — the bytes of every file of the ``extractors`` package (code and data, so an edited
rule or dictionary gives a new name), the versions of the packages it reads tables from, Python's
version and this module's format number. An entry is written to a temporary file and renamed into
place, so a reader sees a whole entry or none; a file that cannot be read back (cut short, foreign)
is ignored and replaced. Caching is best effort: a folder that cannot be written only costs the
build.

Where: ``ATTACHE_CACHE_DIR``, else ``$XDG_CACHE_HOME/attache``, else ``~/.cache/attache``;
``ATTACHE_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger("attache.cache")

T = TypeVar("T")

ENV = "ATTACHE_CACHE_DIR"
OFF = "off"
# Raised when the layout of an entry changes, so that entries of an older attache are not read.
FORMAT = 1
SUFFIX = ".pickle"
# An entry of another key not rewritten for this long is deleted when a new entry is written.
STALE_AFTER_S = 7 * 24 * 3600
PACKAGE_DIR = Path(__file__).resolve().parent
# Files of the package that never change what is built (compiled bytecode of the same sources).
_SKIP_DIRS = frozenset({"__pycache__"})


def cache_dir() -> Path | None:
    """The cache folder, or None when ``ATTACHE_CACHE_DIR=off``."""
    env = os.environ.get(ENV)
    if env is not None and env.strip().lower() == OFF:
        return None
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "attache"


@functools.lru_cache(maxsize=4)
def _tree_digest(root: Path) -> str:
    """A hash of the relative path and bytes of every file under ``root``."""
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not _SKIP_DIRS & set(p.parts)):
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


def entry_key(name: str, packages: Iterable[str] = (), root: Path = PACKAGE_DIR) -> str:
    """The hash in the file name of entry ``name`` (see the module docstring for what goes in)."""
    h = hashlib.sha256()
    for part in (f"format={FORMAT}", f"python={sys.version}", f"name={name}", f"tree={_tree_digest(root)}",
                 *(f"{p}={_package_version(p)}" for p in sorted(packages))):
        h.update(part.encode("utf-8") + b"\n")
    return h.hexdigest()[:32]


def cached(name: str, build: Callable[[], T], packages: Iterable[str] = (), root: Path = PACKAGE_DIR) -> T:
    """``build()``'s result, read from the cache when an entry for the same inputs exists, else
    built and stored. ``packages`` are the distributions whose data ``build`` reads."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{entry_key(name, packages, root)}{SUFFIX}"
    except OSError as e:  # the package folder itself cannot be read: no key, no cache
        log.debug("cache key for %s: %s", name, e)
        return build()
    try:
        with path.open("rb") as f:
            # Unpickling makes many objects at once, each a trigger of the cyclic collector, which
            # would then walk every object already loaded (torch's are many): it is paused.
            was = gc.isenabled()
            gc.disable()
            try:
                return pickle.load(f)
            finally:
                if was:
                    gc.enable()
    except FileNotFoundError:
        pass
    except Exception as e:  # noqa: BLE001 - a damaged entry is rebuilt, whatever unpickling raised
        log.debug("cache entry %s unreadable (%s), rebuilding", path, e)
    value = build()
    _store(path, name, value)
    return value


def _store(path: Path, name: str, value: object) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except OSError as e:  # read-only or full disk: the value is still returned, only not kept
        log.debug("cache entry %s not written: %s", path, e)
        return
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    # Entries of other keys belong to older code or data, or to another installed attache sharing
    # the folder; those not written for a while are removed, so the folder does not grow forever.
    now = time.time()
    for old in path.parent.glob(f"{name}-*{SUFFIX}"):
        with contextlib.suppress(OSError):
            if old != path and now - old.stat().st_mtime > STALE_AFTER_S:
                old.unlink()

"""Writing outputs without destroying anything, and naming files safely.

Why this module exists: attache replaces its outputs atomically (a temporary file beside the
target, renamed over it), which is right for a regular file and wrong for everything else. A
rename over ``/dev/stdout`` (a symlink) or a FIFO would replace that special file with a regular
one, and a rename over a symlink would cut the link. So a target is looked at first:

* a regular file, or nothing yet: atomic replacement, keeping an existing file's mode and owner
  (a new file gets ``0666`` minus the umask, as the shell's ``>`` would give it);
* a symlink: the file it points to is replaced atomically, the link stays;
* a FIFO or a character device (``/dev/stdout``, a terminal, ``/dev/null``): written in place, as
  ``>`` would;
* anything else (a directory, a socket, a block device): refused with ``OutputError``.

``check_writable`` applies the same rules before a run starts, and also tries to create a file in
the target's folder, so a read-only folder is reported at once instead of after an hour of work.

File names: a name that is not valid UTF-8 (a byte such as ``0xE9`` from a Latin-1 system) reaches
Python with surrogate escapes, which JSON cannot carry; ``printable`` turns it into a readable,
unique ``\\xe9`` form. Names longer than the file system allows (255 bytes) are shortened with a
hash (``fit_name``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from .errors import AttacheError

NAME_MAX = 255  # bytes in one file name on Linux and macOS file systems
TMP_SUFFIX = ".attache-tmp"
_TMP_RANDOM = 8  # the random part tempfile.mkstemp adds to a name
_HASH_CHARS = 8


class OutputError(AttacheError):
    """An output path cannot be written; a usage error, reported before any work is done."""

    exit_code = 2


def printable(name: str) -> str:
    """``name`` with undecodable bytes written as ``\\xNN`` (a name from ``os.listdir`` that was not
    UTF-8), so it can go into JSON and onto a terminal; valid names are returned unchanged."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _cut_bytes(name: str, limit: int) -> str:
    """The longest prefix of ``name`` that is at most ``limit`` bytes, not ending inside a character."""
    raw = os.fsencode(name)
    if len(raw) <= limit:
        return name
    return raw[:limit].decode("utf-8", "ignore")


def fit_name(name: str, suffix: str = "") -> str:
    """``name + suffix`` as one file name of at most ``NAME_MAX`` bytes: a name that would be too
    long keeps its start and gets a hash of the whole name (so two long names stay apart)."""
    if len(os.fsencode(name + suffix)) <= NAME_MAX:
        return name + suffix
    digest = hashlib.sha1(os.fsencode(name)).hexdigest()[:_HASH_CHARS]
    room = NAME_MAX - len(os.fsencode(suffix)) - _HASH_CHARS - 1
    return f"{_cut_bytes(name, room)}-{digest}{suffix}"


@functools.cache
def _umask() -> int:
    # os.umask can only be read by setting it; done once, before any worker thread exists.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The mode ``>`` gives a new file: 0666 minus the umask."""
    return 0o666 & ~_umask()


_FD_LINK = re.compile(r"^/(?:proc/self|dev)/fd/(\d+)$")
_MAX_LINKS = 40  # as the kernel's own limit on links followed in one lookup


def _inherited_fd(path: Path) -> int | None:
    """The descriptor number when ``path`` is ``/dev/stdout``, ``/dev/fd/N`` or a link to one: the
    process's own open file, written in place like the shell's redirection (which may append)."""
    name = os.path.abspath(path)
    for _ in range(_MAX_LINKS):
        m = _FD_LINK.match(name)
        if m:
            return int(m.group(1))
        if not os.path.islink(name):
            return None
        name = os.path.join(os.path.dirname(name), os.readlink(name))
    return None


def _kind(path: Path) -> tuple[str, Path | int]:
    """("fd", a descriptor), ("stream", the path to open in place) or ("file", the real path to
    replace atomically)."""
    fd = _inherited_fd(path)
    if fd is not None:
        return "fd", fd
    try:
        st = os.stat(path)  # follows symlinks
    except FileNotFoundError:  # new, or a symlink to a file not created yet
        return "file", Path(os.path.realpath(path))
    except OSError as e:
        raise OutputError(f"{path}: cannot write ({e.strerror or e})") from None
    if stat.S_ISREG(st.st_mode):
        return "file", Path(os.path.realpath(path)) if path.is_symlink() else path
    if stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
        return "stream", path
    what = "a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file"
    raise OutputError(f"{path}: is {what}; give a file name")


def _existing_ancestor(path: Path) -> Path:
    p = path.absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


def _probe_dir(folder: Path, label: str) -> None:
    """Create and remove a file in ``folder`` (or the nearest folder that exists above it)."""
    base = _existing_ancestor(folder)
    if not base.is_dir():
        raise OutputError(f"{label}: {base} is not a directory")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".attache-probe.", suffix=TMP_SUFFIX, dir=base)
    except OSError as e:
        raise OutputError(f"{label}: cannot write in {base} ({e.strerror or e})") from None
    os.close(fd)
    os.unlink(tmp)


def check_writable(path: str | os.PathLike[str], directory: bool = False) -> None:
    """Raise ``OutputError`` unless ``path`` can be written: a file target must be a regular file,
    a symlink to one, a FIFO or a character device (or not exist yet, in a writable folder); a
    directory target must be a directory, or not exist yet."""
    p = Path(path)
    if directory:
        if p.exists() and not p.is_dir():
            raise OutputError(f"{p}: exists and is not a directory")
        _probe_dir(p, str(p))
        return
    kind, real = _kind(p)
    if kind == "fd":
        return
    if kind == "stream":
        if not os.access(real, os.W_OK):
            raise OutputError(f"{p}: permission denied")
        return
    assert isinstance(real, Path)
    if real.exists() and not os.access(real, os.W_OK):
        raise OutputError(f"{p}: permission denied")
    _probe_dir(real.parent, str(p))


@contextlib.contextmanager
def atomic_file(target: Path, sync_dir: bool = False) -> Iterator[IO[bytes]]:
    """A binary stream for ``target`` that a reader (or a resumed run) sees whole or not at all:
    written to a temporary file beside the real target and renamed into place when complete.
    FIFOs and character devices are written in place; see the module docstring."""
    kind, real = _kind(Path(target))
    if kind == "fd":
        assert isinstance(real, int)
        with os.fdopen(os.dup(real), "wb") as f:
            yield f
        return
    if kind == "stream":
        with open(real, "wb") as f:
            yield f
        return
    assert isinstance(real, Path)
    real.parent.mkdir(parents=True, exist_ok=True)
    try:
        old = os.stat(real)
    except FileNotFoundError:
        old = None
    prefix = "." + _cut_bytes(real.name, NAME_MAX - 2 - _TMP_RANDOM - len(TMP_SUFFIX)) + "."
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=TMP_SUFFIX, dir=real.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, stat.S_IMODE(old.st_mode) if old is not None else new_file_mode())
        if old is not None and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(OSError):  # only root may give a file away; keep what we can
                os.chown(tmp, old.st_uid, old.st_gid)
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync_dir:
        fsync_dir(real.parent)


def atomic_write(target: Path, write: Callable[[IO[bytes]], object], sync_dir: bool = False) -> None:
    """``write(stream)`` into ``target`` atomically (see ``atomic_file``)."""
    with atomic_file(target, sync_dir) as f:
        write(f)


def fsync_dir(path: Path) -> None:
    """Make a rename durable (a crash right after ``os.replace`` could otherwise undo it)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

"""Turning bytes into text: BOMs, UTF-8, legacy encodings (charset-normalizer), binary refusal, HTML."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

# Extraction time grows linearly with a document's length (long ones are read in windows), about
# 25 s of CPU per MB of text (``make bench``): 5 MB, a thousand news articles' worth, finishes
# within minutes. A larger file is refused unless --max-bytes raises the limit.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
READ_CHUNK = 1024 * 1024
WIDE_SAMPLE_BYTES = 64 * 1024  # enough for charset detection to tell UTF-16/32 from binary
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_HTML_HINT = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)", re.I)
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>", re.S | re.I)
_BLOCK = re.compile(r"</?(p|div|br|h[1-6]|li|tr|article|section|header|footer)\b[^>]*>", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl > max(8, len(sample) // 50)


def html_to_text(markup: str) -> str:
    """Strip an HTML page down to its text, keeping block boundaries as newlines."""
    markup = _BLOCK.sub("\n", markup)
    return html.unescape(_TAG.sub(" ", markup))


def decode_bytes(data: bytes, name: str = "<input>") -> Decoded:
    """Decode a document: BOM first, then strict UTF-8, then charset-normalizer's best guess."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data.decode(enc), enc)
            except UnicodeDecodeError as e:
                raise InputError(name, f"not valid {enc} despite its byte-order mark ({e.reason})") from None
    if _looks_binary(data):
        # UTF-16 or UTF-32 without a byte-order mark is full of NUL bytes too: let charset
        # detection recognise it before the file is refused as binary.
        wide = _wide_unicode(data)
        if wide is None:
            raise InputError(name, "binary file, not text")
        return _finish(wide[0], wide[1])
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # A few stray bytes in a UTF-8 file are better read as UTF-8 with replacements than as a
    # legacy code page: count how much of the file is valid UTF-8.
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    if best is None or (bad and bad * 200 < len(replaced) and best.encoding not in ("cp1256", "cp1252")):
        if best is None and bad * 20 > len(replaced):
            raise InputError(name, "cannot tell the text encoding (binary or unknown encoding)")
        return _finish(replaced, "utf-8", (f"invalid UTF-8: {bad} byte(s) replaced with U+FFFD",))
    return _finish(str(best), best.encoding)


def _wide_unicode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when ``data`` is UTF-16 or UTF-32 without a byte-order mark, else None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:WIDE_SAMPLE_BYTES]).best()
    if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
        return None
    try:
        return data.decode(best.encoding), best.encoding.replace("_", "-")
    except UnicodeDecodeError:
        return None


def read_limited(stream: BinaryIO, max_bytes: int, name: str) -> bytes:
    """At most ``max_bytes`` from ``stream``, read in chunks (so a signal is handled between two
    of them, even on ``/dev/zero``); ``InputError`` when there is more."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(READ_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise InputError(name, f"more than {max_bytes} bytes, over the limit (raise it with --max-bytes)")


def _finish(text: str, encoding: str, warnings: tuple[str, ...] = ()) -> Decoded:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _HTML_HINT.match(text[:512].encode("utf-8", "ignore")):
        text = html_to_text(text)
        warnings = (*warnings, "HTML page: text extracted from the markup")
    return Decoded(text, encoding, warnings)


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, Decoded]:
    """Read and decode one file; every failure is an ``InputError`` with a one-line reason."""
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InputError(name, "is a directory")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(name, f"file is {size} bytes, over the limit of {max_bytes} (raise it with --max-bytes)")
        with open(p, "rb") as f:  # st_size is 0 for a device or a FIFO: the read itself is bounded
            data = read_limited(f, max_bytes, name)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except OSError as e:
        raise InputError(name, f"cannot read: {e.strerror or e}") from None
    decoded = decode_bytes(data, name)
    if not decoded.text.strip():
        raise InputError(name, "empty file (no text)")
    return data, decoded

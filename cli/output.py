"""Writers for records: jsonl (default off a terminal), json, csv, and rich tables for people.

Each writer takes an iterable and writes as it goes, so a long batch streams. ``atomic_output``
writes to a temporary file beside the target and renames it into place only when done.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson

FORMATS = ("table", "jsonl", "json", "csv")
TABLE_FILE_WIDTH = 120  # columns of a table written to a file (no terminal to ask)
# A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)" in an
# article becomes a live link): such cells get a leading apostrophe, which spreadsheets hide.
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_FIELDS = ["type", "id", "doc_id", "doc_path", "lang", "doc_date", "kind", "status", "participants", "roles",
              "location", "date", "speaker", "resolution", "text", "direct", "cue", "meeting", "rule"]


def dumps(rec: dict[str, Any]) -> bytes:
    return orjson.dumps(rec)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike | None) -> Iterator[IO[bytes]]:
    """A binary stream for ``path`` (stdout when None) that replaces ``path`` only on success."""
    if path is None or str(path) == "-":
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    from extractors.files import atomic_file

    with atomic_file(Path(path)) as f:
        yield f


def file_console(out: IO[bytes], width: int = TABLE_FILE_WIDTH):
    """A rich console that writes plain text (no colour, no hyperlinks) into a binary stream."""
    from rich.console import Console

    text = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    return Console(file=text, no_color=True, force_terminal=False, force_jupyter=False,
                   color_system=None, width=width, highlight=False), text


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    n = 0
    for r in records:
        out.write(orjson.dumps(r) + b"\n")
        n += 1
    return n


def write_json(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """A JSON array, written one element at a time."""
    n = 0
    out.write(b"[")
    for r in records:
        out.write((b",\n" if n else b"\n") + orjson.dumps(r))
        n += 1
    out.write(b"\n]\n" if n else b"]\n")
    return n


def csv_row(r: dict[str, Any]) -> dict[str, Any]:
    doc = r.get("doc") or {}
    row = {"type": r.get("type"), "id": r.get("id"), "doc_id": doc.get("id"), "doc_path": doc.get("path"),
           "lang": r.get("lang") or doc.get("lang"),
           "doc_date": (doc.get("date") or {}).get("value"), "rule": (r.get("evidence") or {}).get("rule")}
    if r.get("type") == "meeting":
        ps = r.get("participants") or []
        row.update(kind=r.get("kind"), status=r.get("status"),
                   participants="; ".join(str(p.get("name") or p.get("text")) for p in ps),
                   roles="; ".join(str(p.get("role")) for p in ps),
                   location=(r.get("location") or {}).get("name"), date=(r.get("date") or {}).get("value"))
    else:
        sp = r.get("speaker") or {}
        row.update(speaker=sp.get("name") or sp.get("text"), resolution=sp.get("resolution"),
                   text=r.get("text"), direct=r.get("direct"), cue=r.get("cue"), meeting=r.get("meeting"))
    return {k: _csv_safe(v) for k, v in row.items()}


def _csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(CSV_FORMULA_START):
        return "'" + value
    return value


def write_csv(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    w = csv.DictWriter(text, fieldnames=CSV_FIELDS, extrasaction="ignore")
    w.writeheader()
    n = 0
    for r in records:
        w.writerow(csv_row(r))
        n += 1
    text.detach()
    return n


def render_tables(records: list[dict[str, Any]], console) -> None:
    """Meetings and claims as two rich tables. Arabic and Persian stay in logical order, which
    bidi-aware terminals display correctly; nothing is reshaped or reversed."""
    from rich.table import Table
    from rich.text import Text

    def cell(value: Any) -> Text:
        # Article text and file names are data, never rich markup ("[bold]" or "[/b]" in a text).
        return Text("" if value is None else str(value))

    meetings = [r for r in records if r.get("type") == "meeting"]
    claims = [r for r in records if r.get("type") == "claim"]
    t = Table(title=f"Meetings ({len(meetings)})", show_lines=False, expand=False)
    for col in ("who", "where", "when", "kind", "status", "source"):
        t.add_column(col, overflow="fold")
    for r in meetings:
        who = "\n".join(f"{p.get('name') or p.get('text')} ({p.get('role')})" for p in r["participants"])
        loc = r.get("location") or {}
        d = r.get("date") or {}
        when = d.get("value") or (d.get("text") and f"? ({d.get('text')})") or ""
        where = loc.get("name") and f"{loc['name']}{' (inferred)' if loc.get('basis') == 'inferred' else ''}"
        t.add_row(*map(cell, (who, where, when, r.get("kind"), r.get("status"), r["doc"]["id"])))
    console.print(t)
    c = Table(title=f"Claims ({len(claims)})", expand=False)
    for col in ("speaker", "claim", "source"):
        c.add_column(col, overflow="fold")
    for r in claims:
        sp = r.get("speaker") or {}
        name = sp.get("name") or f"? {sp.get('text') or ''}"
        text = r.get("text", "")
        c.add_row(*map(cell, (name, text if len(text) <= 240 else text[:237] + "…", r["doc"]["id"])))
    console.print(c)

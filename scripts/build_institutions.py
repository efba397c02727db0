"""Derive ``extractors/data/institutions/organisations.jsonl`` from the shared table of international
organisations (``../shared/data/officeholders/institutions.jsonl``, SupraVerden, CC BY-SA 4.0).

    python scripts/build_institutions.py                # rewrite the derived file
    python scripts/build_institutions.py --check        # exit 1 when the committed file differs
    python scripts/build_institutions.py --shared DIR   # another snapshot of the table

Each organisation keeps its English name (the record's ``name``), its other English names, its
Arabic name where the table has one, its Wikidata id and its abbreviation. An abbreviation is kept
only when it is written in capitals ("NATO", "UNSC"): it is then matched case-sensitively, so "WHO"
never matches the word "who". Every row cites the table's own source reference (provenance per
row). The output is deterministic: the same table gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "extractors" / "data" / "institutions" / "organisations.jsonl"
DEFAULT_SHARED = REPO.parent / "shared" / "data" / "officeholders"  # ../shared beside the checkout
# Abbreviations shorter than this are too ambiguous to match even in capitals ("EP", "AU" stay in)
MIN_ABBREVIATION = 2


def _names(row: dict[str, Any]) -> list[str]:
    out = [row["name_en"]] + [n for n in row.get("other_names_en") or [] if n]
    return list(dict.fromkeys(n.strip() for n in out if n and n.strip()))


def _abbreviation(row: dict[str, Any]) -> str | None:
    a = (row.get("abbreviation_en") or "").strip()
    if len(a) < MIN_ABBREVIATION or " " in a or not a.replace("-", "").isupper():
        return None
    return a


def derive(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One output row per organisation, in the table's order, without duplicates of a Wikidata id."""
    out, seen = [], set()
    for i, row in enumerate(rows, 1):
        qid = row.get("wikidata_qid")
        ident = qid or f"row{i}"
        if ident in seen:
            continue
        seen.add(ident)
        names = _names(row)
        if not names:
            continue
        out.append({
            "id": ident,
            "name": names[0],
            "names_en": names[1:],
            "name_ar": row.get("name_ar"),
            "abbreviation": _abbreviation(row),
            "wikidata": qid,
            "source": row.get("source"),
            "source_ref": row.get("source_ref"),
        })
    return out


def render(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder of institutions.jsonl")
    ap.add_argument("--check", action="store_true", help="exit 1 when the committed file differs")
    args = ap.parse_args(argv)
    src = args.shared / "institutions.jsonl"
    try:
        rows = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        print(f"error: cannot read {src}: {exc}", file=sys.stderr)
        return 2
    text = render(derive(rows))
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUTPUT} differs from a fresh build")
        return 0 if same else 1
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    tmp = OUTPUT.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(OUTPUT)
    print(f"{OUTPUT.relative_to(REPO)}: {text.count(chr(10))} organisations")
    return 0


if __name__ == "__main__":
    sys.exit(main())

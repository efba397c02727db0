"""Precision audit on unannotated news: sample attache's records, judge them, score the judgements.

Scores on gold sets say how often attache finds what annotators marked; they say little about the
records a user sees on a feed that mixes diplomacy with weather and football. The audit answers
"when attache says two people met (or that someone said something), how often is it right?":

    python eval/audit.py sample ../shared/news --out audit-sheet.jsonl      # runs extraction, samples
    # judge each line: set "verdict" to "right" or "wrong" and give a one-line "reason"
    python eval/audit.py score audit-sheet.jsonl                            # precision per language
    python eval/audit.py strip audit-sheet.jsonl > eval/audit/YYYY-MM-DD.jsonl   # ids and verdicts only

The sample is fixed by the seed: for each language, ``--per-type`` meetings and as many claims,
drawn from the records sorted by id. A meeting is right when its parties met as stated and its
status (held or planned) is right; a claim is right when its speaker said it. The sheet carries the
evidence sentence and the article's path for the judge; the stripped file committed to the
repository keeps only record ids, verdicts and reasons (never the articles' text).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import orjson

DEFAULT_SEED = 20261207
DEFAULT_PER_TYPE = 30
LANGS = ("ar", "fa", "en")
VERDICTS = ("right", "wrong")
KEEP_ON_STRIP = ("record", "doc", "lang", "type", "verdict", "reason")


def _dates(news: Path) -> dict[str, str]:
    """Publication dates from the corpus' sources.tsv (file, url, date), where it gives one."""
    out: dict[str, str] = {}
    tsv = news / "sources.tsv"
    if tsv.exists():
        with tsv.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f, delimiter="\t"):
                if len(row) >= 3 and row[2].strip():
                    out[Path(row[0]).stem] = row[2].strip()
    return out


def extract_corpus(news: Path, models_dir: str | None = None) -> list[dict[str, Any]]:
    """attache's records for every article of the corpus, each given its publication date as a feed would."""
    from extractors.pipeline import Extractor, InputDoc

    dates = _dates(news)
    ex = Extractor(models_dir=models_dir)
    docs = []
    for lang in LANGS:
        for p in sorted((news / lang).glob("*.txt")):
            docs.append(InputDoc(id=p.stem, text=p.read_text("utf-8"), path=str(p), date=dates.get(p.stem),
                                 date_source="input" if p.stem in dates else "none"))
    records: list[dict[str, Any]] = []
    for res in ex.extract_many(docs):
        records.extend(res.records)
    return records


def _summary(r: dict[str, Any]) -> str:
    if r["type"] == "meeting":
        names = " + ".join(f"{p['name']} ({p['role']})" for p in r["participants"])
        loc = (r.get("location") or {}).get("name")
        date = (r.get("date") or {}).get("value")
        return f"{r['status']} {r['kind']}: {names}; at {loc}; on {date}"
    sp = r["speaker"]
    return f"{sp.get('name') or sp.get('text')} said: {r['text']}"


def sample(records: list[dict[str, Any]], per_type: int = DEFAULT_PER_TYPE,
           seed: int = DEFAULT_SEED) -> list[dict[str, Any]]:
    """The judging sheet: per language and type, ``per_type`` records drawn with a fixed seed."""
    rng = random.Random(seed)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        groups[(r["doc"]["lang"], r["type"])].append(r)
    sheet = []
    for lang in LANGS:
        for kind in ("meeting", "claim"):
            pool = sorted(groups.get((lang, kind), []), key=lambda r: r["id"])
            for r in rng.sample(pool, min(per_type, len(pool))):
                sheet.append({"record": r["id"], "doc": r["doc"]["id"], "lang": lang, "type": kind,
                              "path": r["doc"]["path"], "summary": _summary(r),
                              "evidence": r["evidence"]["sentence"], "rule": r["evidence"]["rule"],
                              "verdict": None, "reason": ""})
    return sheet


def score(rows: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Precision per language and type over judged rows (unjudged rows are counted apart)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for r in rows:
        cell = out.setdefault(r["lang"], {}).setdefault(r["type"], {"right": 0, "wrong": 0, "unjudged": 0})
        cell[r["verdict"] if r.get("verdict") in VERDICTS else "unjudged"] += 1
    for types in out.values():
        for cell in types.values():
            n = cell["right"] + cell["wrong"]
            cell["precision"] = round(cell["right"] / n, 3) if n else None
    return out


def _read_jsonl(path: str) -> list[dict[str, Any]]:
    with open(path, "rb") as f:
        return [orjson.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="extract the corpus (or read --records) and write a judging sheet")
    s.add_argument("news", type=Path)
    s.add_argument("--out", required=True)
    s.add_argument("--records", help="attache/1 records already extracted from the corpus")
    s.add_argument("--save-records", help="also write the extracted records here")
    s.add_argument("--models-dir")
    s.add_argument("--seed", type=int, default=DEFAULT_SEED)
    s.add_argument("--per-type", type=int, default=DEFAULT_PER_TYPE)
    c = sub.add_parser("score", help="precision per language from a judged sheet")
    c.add_argument("sheet")
    t = sub.add_parser("strip", help="keep only ids, verdicts and reasons (what the repository keeps)")
    t.add_argument("sheet")
    a = ap.parse_args(argv)
    if a.cmd == "sample":
        records = _read_jsonl(a.records) if a.records else extract_corpus(a.news, a.models_dir)
        if a.save_records:
            Path(a.save_records).write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
        sheet = sample(records, a.per_type, a.seed)
        Path(a.out).write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in sheet))
        print(f"{len(sheet)} records sampled from {len(records)} into {a.out}", file=sys.stderr)
    elif a.cmd == "score":
        result = score(_read_jsonl(a.sheet))
        for lang in LANGS:
            for kind, cell in sorted(result.get(lang, {}).items()):
                print(f"{lang} {kind:8} precision {cell['precision']}  right {cell['right']}  "
                      f"wrong {cell['wrong']}  unjudged {cell['unjudged']}")
    else:
        for r in _read_jsonl(a.sheet):
            sys.stdout.buffer.write(orjson.dumps({k: r.get(k) for k in KEEP_ON_STRIP}) + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

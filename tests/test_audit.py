"""The precision-audit script: a fixed-seed sample per language and type, and precision from verdicts."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import orjson

_SPEC = importlib.util.spec_from_file_location("audit", Path(__file__).parent.parent / "eval" / "audit.py")
audit = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(audit)


def _meeting(i: int, lang: str) -> dict:
    return {"id": f"m{i:04d}", "type": "meeting", "kind": "meeting", "status": "happened",
            "doc": {"id": f"{lang}_{i}", "lang": lang, "path": f"news/{lang}/{lang}_{i}.txt"},
            "participants": [{"name": "A", "role": "host"}, {"name": "B", "role": "guest"}],
            "location": None, "date": None, "evidence": {"sentence": "A met B.", "rule": "en.meet.met"}}


def _claim(i: int, lang: str) -> dict:
    return {"id": f"c{i:04d}", "type": "claim", "text": "ties are strong",
            "doc": {"id": f"{lang}_{i}", "lang": lang, "path": f"news/{lang}/{lang}_{i}.txt"},
            "speaker": {"name": "A", "text": "A"}, "evidence": {"sentence": "A said ties are strong.",
                                                                 "rule": "en.cue.said"}}


def _records() -> list[dict]:
    return [f(i, lang) for lang in ("ar", "fa", "en") for i in range(50) for f in (_meeting, _claim)]


def test_sample_is_fixed_by_the_seed_and_balanced():
    recs = _records()
    a = audit.sample(recs, per_type=5, seed=7)
    b = audit.sample(list(reversed(recs)), per_type=5, seed=7)
    assert [r["record"] for r in a] == [r["record"] for r in b]  # input order does not matter
    assert len(a) == 30
    assert {(r["lang"], r["type"]) for r in a} == {(lang, t) for lang in ("ar", "fa", "en")
                                                   for t in ("meeting", "claim")}
    assert audit.sample(recs, per_type=5, seed=8) != a
    assert all(r["verdict"] is None and r["evidence"] for r in a)


def test_sample_takes_what_there_is_when_a_pool_is_small():
    recs = [_meeting(i, "fa") for i in range(3)]
    sheet = audit.sample(recs, per_type=30)
    assert len(sheet) == 3


def test_score_counts_precision_and_keeps_unjudged_apart():
    rows = [{"lang": "en", "type": "meeting", "verdict": v} for v in ("right", "right", "right", "wrong", None)]
    got = audit.score(rows)["en"]["meeting"]
    assert got["precision"] == 0.75 and got["unjudged"] == 1


def test_strip_keeps_no_article_text(tmp_path, capsysbinary):
    sheet = tmp_path / "sheet.jsonl"
    rows = audit.sample(_records(), per_type=1)
    sheet.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    assert audit.main(["strip", str(sheet)]) == 0
    out = [orjson.loads(x) for x in capsysbinary.readouterr().out.splitlines()]
    assert out and all(set(r) == set(audit.KEEP_ON_STRIP) for r in out)
    assert not any("said" in orjson.dumps(r).decode() for r in out)

"""The accuracy gate: the development set must not score below the floors in eval/floors.json.

Extraction runs over ../shared/gold/docs the way a news feed would deliver them (text, id and the
gold publication date, no language), is scored with extractors.evaluate, and every per-language
figure is held to its pinned floor. The gold documents are read from ../shared at test time and
never copied into the repository. Raising a floor is a normal commit; lowering one needs a
stated reason in the commit message.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractors import evaluate as ev

REPO = Path(__file__).parents[1]
GOLD = REPO / ".." / "shared" / "gold" / "dev.jsonl"
DOCS = REPO / ".." / "shared" / "gold" / "docs"
SCORE = REPO / ".." / "shared" / "bin" / "score"
FLOORS = REPO / "eval" / "floors.json"


@pytest.fixture(scope="module")
def dev_result() -> dict:
    """Extraction over the development documents, scored once for the whole module."""
    return ev.evaluate_documents(ev.load_gold(GOLD), [DOCS])


def test_every_gold_document_was_extracted(dev_result):
    assert dev_result["missing_documents"] == []


def test_dev_set_meets_floors(dev_result):
    violations = ev.check_floors(dev_result, ev.load_floors(FLOORS))
    assert not violations, "below the pinned floors:\n" + "\n".join(violations)


def test_a_floor_above_the_current_figure_is_reported(dev_result):
    floors = ev.load_floors(FLOORS)
    raised = {}
    for lang, pins in floors.items():
        figures = dev_result["languages"][lang]
        raised[lang] = {}
        for metric in pins:
            value = ev.metric_value(figures, metric)
            raised[lang][metric] = round((value or 0.0) + 0.001, 3)
    violations = ev.check_floors(dev_result, raised)
    assert len(violations) == sum(len(p) for p in raised.values()), violations
    assert ev.check_floors(dev_result, {lang: {m: 0.0 for m in p} for lang, p in floors.items()}) == []


def test_dev_figures_equal_the_reference_scorer(dev_result, tmp_path):
    pred = tmp_path / "dev_records.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dev_result["records"]),
                    encoding="utf-8")

    def reference(*extra: str) -> dict:
        out = subprocess.run([sys.executable, str(SCORE), str(GOLD), str(pred), "--json", *extra],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout)

    assert dev_result["overall"] == reference()
    for lang, figures in dev_result["languages"].items():
        assert figures == reference("--lang", lang), lang


# The real-article sets: dev2 (held out while the rules were last tuned) and dev3 (annotated under the
# conventions of the held-out judge). Their floors are the figures measured when they were pinned.
REAL_SETS = {
    "dev2": (REPO / ".." / "shared" / "gold" / "dev2", REPO / "eval" / "floors-dev2.json"),
    "dev3": (REPO / ".." / "shared" / "gold" / "dev3", REPO / "eval" / "floors-dev3.json"),
}


@pytest.mark.parametrize("name", sorted(REAL_SETS))
def test_real_article_sets_meet_their_floors(name: str) -> None:
    folder, floors = REAL_SETS[name]
    result = ev.evaluate_documents(ev.load_gold(folder / "gold.jsonl"), [folder / "docs"])
    assert result["missing_documents"] == []
    violations = ev.check_floors(result, ev.load_floors(floors))
    assert not violations, f"{name} below the pinned floors:\n" + "\n".join(violations)

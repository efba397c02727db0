"""What a one-article run does before its first record: only what that record needs.

The time to the first record is measured by ``make bench``; these tests pin the work that was cut
from it: the NER pipeline is built without the training optimizer Stanza attaches to a tagger
(building one imports ``torch._dynamo``, about a second of CPU), and the garbage-collector pass that
freezes the loaded models waits for a second batch instead of delaying the first one's records.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import extractors.pipeline as P
from extractors.normalize import fold, fold_char, fold_with_offsets
from extractors.pipeline import Extractor, InputDoc

REPO = Path(__file__).resolve().parents[1]
TEXT = "Azerbaijani President Ilham Aliyev held talks with Iranian President Hassan Rouhani in Baku.\n"

BUILD = """
import sys
sys.path.insert(0, sys.argv[1])
import stanza.models.common.utils as utils
before = utils.get_optimizer
from extractors.ner import NER
ner = NER()
ents = ner.tag("en", [("Ilham Aliyev met Hassan Rouhani in Baku.", 0)])
print("dynamo" if "torch._dynamo" in sys.modules else "no-dynamo")
print("restored" if utils.get_optimizer is before else "patched")
print(sorted(e.type for e in ents[0]))
"""


def test_the_ner_pipeline_is_built_without_a_training_optimizer(models_dir) -> None:
    env = dict(os.environ)
    if models_dir is not None:
        env["ATTACHE_MODELS_DIR"] = str(models_dir)
    out = subprocess.run([sys.executable, "-c", BUILD, str(REPO)], capture_output=True, text=True, env=env,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    dynamo, restored, types = out.stdout.splitlines()
    assert dynamo == "no-dynamo", "building the tagger imported torch._dynamo (a training optimizer was built)"
    assert restored == "restored", "Stanza's get_optimizer must be put back once the pipeline is built"
    assert "PER" in types, out.stdout  # and it still tags


class NoNER:
    def tag(self, lang: str, sentences: list[tuple[str, int]]) -> list[list[Any]]:
        return [[] for _ in sentences]


def test_the_first_batch_returns_before_any_full_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(P.gc, "collect", lambda *a: calls.append("collect") or 0)
    monkeypatch.setattr(P.gc, "freeze", lambda: calls.append("freeze"))
    ex = Extractor()
    ex.ner = NoNER()
    (res,) = ex.extract_many([InputDoc(id="one", text=TEXT)])
    assert res.ok and res.records
    assert calls == [], "a one-article run should not pay for a full collection before its records"
    ex.extract_many([InputDoc(id="two", text=TEXT)])
    assert calls == ["collect", "freeze"], "the loaded models are frozen once, at the second batch"
    ex.extract_many([InputDoc(id="three", text=TEXT)])
    assert calls == ["collect", "freeze"]


@pytest.mark.parametrize("text", [
    "Ilham ALIYEV, İstanbul — Ⅻ ﬁnal", "الرئيسُ الإيرانيّ حسن روحاني ـــ في باكو ١٢", "گفت‌وگوی وزیران ۱۴۰۲",
    "\u200c\u200d\ufeff\u00a0 mixed\ttabs_and-dashes", "", "Ḩamāh, Herāt (GeoNames) 'quoted' «قوس»",
])
def test_folding_by_table_matches_folding_by_character(text: str) -> None:
    """``fold`` and ``fold_with_offsets`` look characters up in a table filled by ``fold_char``; the
    result is what folding each character in turn gives."""
    import re
    import unicodedata

    by_char = "".join(fold_char(c) for c in unicodedata.normalize("NFKC", text))
    assert fold(text) == " ".join(re.sub(r"[^\w\s]|_", " ", by_char).split())
    for squeeze in (False, True):
        folded = fold_with_offsets(text, squeeze_zwnj=squeeze)
        chars, offs = [], []
        for i, c in enumerate(text):
            if squeeze and c == "\u200c":
                continue
            for ch in fold_char(c):
                chars.append(ch if (ch.isalnum() or ch.isspace()) and ch != "_" else " ")
                offs.append(i)
        assert (folded.text, folded.offsets) == ("".join(chars), tuple(offs))

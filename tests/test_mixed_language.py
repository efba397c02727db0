"""A document that changes language is read block by block, each block in its own language.

An Arabic report may carry an English statement (or the reverse); read as Arabic only, the English
half yielded nothing. ``language_blocks`` cuts the text into runs of lines of one script and names
each run's language; every block is read with its language's model and rules, ``doc.lang`` is the
language most of the text is in, and each record says the language it was extracted in. The text
here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cli.output import csv_row
from extractors.language import MIN_BLOCK_LETTERS, detect_language, language_blocks, main_language
from extractors.pipeline import Extractor, InputDoc

AR = ("استقبل الرئيس الأذربيجاني إلهام علييف الرئيس الإيراني حسن روحاني في باكو يوم الثلاثاء، وبحث "
      "الجانبان التعاون في مجال السكك الحديدية والطاقة والتجارة بين البلدين الجارين.\n\n"
      "وقال روحاني إن البلدين سيكملان مشروع السكة الحديدية قريبا، مشيرا إلى أهمية التعاون الإقليمي "
      "في منطقة بحر قزوين.\n\n")
EN = ("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Wednesday. "
      "\"We agreed to expand trade,\" Putin told reporters.\n")
DE = ("Die beiden Präsidenten sprachen über den Handel und die Lage in der Region, teilte das Büro "
      "des Präsidenten mit, und sie wollen sich im nächsten Jahr wieder treffen.\n\n")
DATE = "2018-03-27"


def test_an_arabic_and_an_english_paragraph_are_two_blocks() -> None:
    text = AR + EN
    blocks, _ = language_blocks(text)
    assert [(b.lang, b.start, b.end) for b in blocks] == [("ar", 0, len(AR)), ("en", len(AR), len(text))]
    assert main_language(blocks) == "ar"  # more of the letters are Arabic


def test_a_short_line_in_the_other_script_stays_in_its_block() -> None:
    credit = "Source: IRNA\n"  # far under MIN_BLOCK_LETTERS
    assert len(credit) < MIN_BLOCK_LETTERS
    for text in (AR + credit + AR, credit + AR, AR + credit):
        blocks, _ = language_blocks(text)
        assert [(b.lang, b.start, b.end) for b in blocks] == [("ar", 0, len(text))], text[:40]


def test_a_paragraph_in_an_unsupported_language_is_read_with_its_neighbours() -> None:
    text = AR + DE + AR  # a Latin-script run long enough to stand alone, but not English
    blocks, _ = language_blocks(text)
    assert [(b.lang, b.start, b.end) for b in blocks] == [("ar", 0, len(text))]


def test_a_text_in_no_supported_language_has_no_blocks() -> None:
    blocks, why = language_blocks(DE * 3)
    assert blocks == [] and why == detect_language(DE * 3)[1]


def test_every_seed_article_is_one_block_in_its_detected_language(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        blocks, _ = language_blocks(text)
        assert [(b.start, b.end, b.lang) for b in blocks] == [(0, len(text), detect_language(text)[0])], path.name


def _spans_ok(records: list[dict[str, Any]], text: str) -> None:
    for r in records:
        for obj, key in [(r["evidence"], "sentence"), *((p, "text") for p in r.get("participants", [])),
                         (r.get("speaker"), "text")]:
            if obj and obj.get("span") is not None:
                s, e = obj["span"]
                assert text[s:e] == obj[key], (r["id"], key)


def test_each_block_is_extracted_in_its_language(extractor: Extractor) -> None:
    text = AR + EN
    (res,) = extractor.extract_many([InputDoc(id="mixed", text=text, date=DATE)])
    assert res.ok, res.error
    meetings = {frozenset(p["name"] for p in r["participants"]): r for r in res.records if r["type"] == "meeting"}
    ar = meetings[frozenset({"Ilham Aliyev", "Hassan Rouhani"})]
    en = meetings[frozenset({"Vladimir Putin", "Recep Tayyip Erdoğan"})]
    assert (ar["lang"], en["lang"]) == ("ar", "en")
    assert ar["location"]["name"] == "Baku" and en["location"]["name"] == "Sochi"
    assert all(r["doc"]["lang"] == "ar" for r in res.records) and res.lang == "ar"
    claims = {r["speaker"]["name"]: r for r in res.records if r["type"] == "claim"}
    assert claims["Vladimir Putin"]["lang"] == "en" and claims["Vladimir Putin"]["text"] == "We agreed to expand trade"
    assert en["evidence"]["span"][0] >= len(AR) > ar["evidence"]["span"][1]
    _spans_ok(res.records, text)
    assert csv_row(en)["lang"] == "en" and csv_row(ar)["lang"] == "ar"


def test_a_forced_language_reads_the_whole_text_in_it(extractor: Extractor) -> None:
    (res,) = extractor.extract_many([InputDoc(id="forced", text=AR + EN, lang="ar", date=DATE)])
    assert res.ok and res.records and all(r["lang"] == "ar" for r in res.records)


class NoNER:
    def tag(self, lang: str, sentences: list[tuple[str, int]]) -> list[list[Any]]:
        return [[] for _ in sentences]


def test_a_block_whose_language_has_no_model_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "ar").mkdir()
    for name in ("ner.pt", "pretrain.pt"):
        (tmp_path / "ar" / name).write_bytes(b"")  # only located, never loaded: NER here is NoNER
    ex = Extractor(models_dir=str(tmp_path))
    ex.ner = NoNER()
    (res,) = ex.extract_many([InputDoc(id="mixed", text=AR + EN, date=DATE)])
    assert res.ok, res.error
    assert res.records and all(r["lang"] == "ar" for r in res.records)
    assert any("in 'en' skipped: no NER model for 'en'" in w for w in res.warnings), res.warnings


@pytest.mark.parametrize("text", [AR + EN, EN + AR, AR])
def test_blocks_cover_the_text_in_order(text: str) -> None:
    blocks, _ = language_blocks(text)
    assert blocks[0].start == 0 and blocks[-1].end == len(text)
    assert all(a.end == b.start and a.lang != b.lang for a, b in zip(blocks, blocks[1:], strict=False))

"""`attache actors lookup` answers what extraction would, in the query's own language.

The lookup reads its query through the extraction path (language detection, the view, the same
dictionaries and ``build_mentions``), tries every language of the query's script when the query is
too short to tell, lists the people a bare surname may name, and says plainly when a title names no
country. The example sentences are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.lookup import lookup, query_languages, surname_candidates
from extractors.pipeline import Extractor, InputDoc

REPO = Path(__file__).resolve().parents[1]


def names(rows: list[tuple[str, ...]]) -> list[str]:
    return [r[2] for r in rows]


def test_a_persian_title_resolves_without_lang() -> None:
    rows = lookup("رهبر انقلاب")  # too short for detection: neither ar nor fa letters decide
    assert rows and rows[0][1] == "title" and rows[0][2] == "Ali Khamenei", rows
    assert lookup("رهبر انقلاب", lang="fa") == rows


def test_query_languages_try_the_script_s_languages_detected_first() -> None:
    assert query_languages("رهبر انقلاب")[:2] in (["ar", "fa"], ["fa", "ar"])
    assert query_languages("گفت‌وگوی وزیران")[0] == "fa"
    assert query_languages("Aliyev") == ["en"]


def test_a_bare_surname_lists_its_candidates() -> None:
    rows = lookup("Aliyev")
    assert {"Ilham Aliyev", "Heydar Aliyev"} <= set(names(rows)), rows
    cand = [r for r in rows if r[1] == "candidate"]
    assert cand and all("president of AZ" in r[5] for r in cand), cand
    # with a date the one in office then is the answer, the other a candidate
    dated = lookup("Aliyev", "1998-05-01")
    assert dated[0][1] == "person" and dated[0][2] == "Heydar Aliyev", dated
    assert [r[2] for r in dated if r[1] == "candidate"] == ["Ilham Aliyev"]


def test_a_surname_in_arabic_with_a_proclitic_lists_its_candidates() -> None:
    assert {a.name for a in surname_candidates("وعلييف", "ar")} >= {"Ilham Aliyev", "Heydar Aliyev"}


def test_a_title_without_a_country_says_so() -> None:
    for query in ("foreign minister", "وزير الخارجية"):
        rows = lookup(query)
        assert rows and rows[0][1] == "title", rows
        assert "None" not in rows[0][5] and "no country given" in rows[0][5], rows[0]


def test_an_unknown_name_stays_unknown() -> None:
    assert lookup("Zzyzx Quorble") == []


@pytest.mark.parametrize("query,sentence,lang", [
    ("رهبر انقلاب", "رهبر انقلاب در دیدار با رئیس‌جمهور آذربایجان گفت همکاری دو کشور باید گسترش یابد.", "fa"),
    ("Aliyev", "Speaking in Baku on Monday, Aliyev said the two countries would expand trade.", "en"),
])
def test_lookup_agrees_with_extraction(extractor: Extractor, query: str, sentence: str, lang: str) -> None:
    """The person extraction finds for the query in a sentence is the one lookup answers."""
    (res,) = extractor.extract_many([InputDoc(id="agree", text=sentence, date="2019-03-04")])
    assert res.ok and res.lang == lang, res.error
    speakers = {r["speaker"]["actor"] for r in res.records if r["type"] == "claim"}
    rows = lookup(query, "2019-03-04")
    assert rows[0][3] in speakers, (rows, speakers)


def test_cli_lookup_of_the_help_example(run_cli) -> None:
    res = run_cli(["actors", "lookup", "Aliyev"], env={"PYTHONPATH": str(REPO)}, timeout=120)
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode()
    assert "Ilham Aliyev" in out and "Heydar Aliyev" in out and "unknown" not in out
    res = run_cli(["actors", "lookup", "foreign minister"], env={"PYTHONPATH": str(REPO)}, timeout=120)
    assert res.returncode == 0 and "of None" not in res.stdout.decode()

"""Long documents are read in bounded windows: cost linear in length, memory bounded, spans exact.

The rules compare a document's mentions with each other, so over one whole document their cost
grows faster than its length (a 4 MB file took minutes and gigabytes). A long document is therefore
cut into windows at paragraph breaks and read window by window; these tests pin the properties
that make that safe: no stage ever sees more than a window, NER gets bounded groups, the records of
a windowed document are those of its parts with spans into the whole text and one numbering, and
a caller can follow the progress. The timings themselves are in ``make bench`` (too slow here).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cli.progress import RunProgress
from extractors.pipeline import WINDOW_CHARS, Extractor, InputDoc, windows

REPO = Path(__file__).resolve().parents[1]
# Written for these tests: one meeting and one claim made at it, three paragraphs.
ARTICLE = (
    "Azerbaijani President Ilham Aliyev held talks with Iranian President Hassan Rouhani in Baku on Tuesday.\n\n"
    "\"Our two nations will finish the railway together,\" Rouhani told reporters after the talks.\n\n"
    "The two presidents also discussed gas exports and fishing in the Caspian Sea.\n\n"
)
DATE = "2018-03-27"


class RecordingNER:
    """Finds no entities (the dictionaries still find the people) and remembers what it was given."""

    def __init__(self) -> None:
        self.calls: list[int] = []  # characters per call

    def tag(self, lang: str, sentences: list[tuple[str, int]]) -> list[list[Any]]:
        self.calls.append(sum(len(t) for t, _ in sentences))
        return [[] for _ in sentences]


def extractor(**kw: Any) -> tuple[Extractor, RecordingNER]:
    ex = Extractor(**kw)
    ex.ner = RecordingNER()
    return ex, ex.ner


def spans_slice_the_text(records: list[dict[str, Any]], text: str) -> None:
    for r in records:
        fields = [(r["evidence"], "sentence")]
        if r["type"] == "meeting":
            fields += [(p, "text") for p in r["participants"]] + [(r["location"], "text"), (r["date"], "text")]
        else:
            fields += [(r["speaker"], "text"), (r, "text")]
        for obj, key in fields:
            if obj and obj.get("span") is not None:
                s, e = obj["span"]
                assert text[s:e] == obj[key], (r["id"], key, obj["span"])


# -- cutting ----------------------------------------------------------------------------------------
def test_windows_tile_the_text_and_end_at_paragraph_breaks() -> None:
    text = ARTICLE * 40
    cuts = windows(text, 0, len(text), 1000)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:], strict=False)), "windows must tile the text"
    assert all(0 < e - s <= 1000 for s, e in cuts)
    assert all(text[:e].endswith("\n\n") for _, e in cuts[:-1]), "a window should end at a paragraph break"
    # a stretch of the text only, offsets into the whole
    assert windows(text, 500, 900, 1000) == [(500, 900)]


@pytest.mark.parametrize("text,ending", [
    ("one line of words. " * 30 + "\n" + "another line of words. " * 30, "\n"),   # no paragraph break
    ("a sentence that goes on. " * 80, ". "),                                       # no line break
    ("word " * 400, " "),                                                           # no sentence end
], ids=["line", "sentence", "space"])
def test_windows_fall_back_to_line_sentence_and_space(text: str, ending: str) -> None:
    cuts = windows(text, 0, len(text), 600)
    assert len(cuts) > 1 and all(e - s <= 600 for s, e in cuts)
    assert text[:cuts[0][1]].endswith(ending), repr(text[cuts[0][1] - 10:cuts[0][1]])


def test_windows_cut_text_without_any_break_at_the_limit() -> None:
    assert windows("x" * 2500, 0, 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


# -- bounded work -----------------------------------------------------------------------------------
def test_a_long_document_reaches_the_rules_and_ner_in_bounded_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ARTICLE * (3 * WINDOW_CHARS // len(ARTICLE))  # three windows' worth
    ex, ner = extractor()
    seen: list[int] = []
    original = ex._stages

    def stages(d, view, *a, **k):
        seen.append(len(view.text))
        return original(d, view, *a, **k)

    monkeypatch.setattr(ex, "_stages", stages)
    (res,) = ex.extract_many([InputDoc(id="long", text=text, date=DATE)])
    assert res.ok, res.error
    assert len(seen) >= 3 and max(seen) <= WINDOW_CHARS, seen
    assert max(ner.calls) <= ex.group_chars + WINDOW_CHARS, ner.calls
    spans_slice_the_text(res.records, text)
    # the article repeated is one meeting per window (a meeting reported again is the same meeting)
    assert sum(1 for r in res.records if r["type"] == "meeting") == len(seen)


def test_short_documents_still_share_one_ner_call() -> None:
    ex, ner = extractor()
    docs = [InputDoc(id=f"d{i}", text=ARTICLE, date=DATE) for i in range(16)]
    results = ex.extract_many(docs)
    assert all(r.ok for r in results) and len(ner.calls) == 1


# -- the records of a windowed document -------------------------------------------------------------
def test_windowed_records_are_the_parts_records_with_spans_into_the_whole_text() -> None:
    copies = 12
    text = ARTICLE * copies
    # a window of one copy (it ends at the copy's last paragraph break), four windows to a group
    ex, _ = extractor(window_chars=len(ARTICLE) + 20, group_chars=4 * len(ARTICLE))
    (whole,) = ex.extract_many([InputDoc(id="long", text=text, date=DATE)])
    (one,) = ex.extract_many([InputDoc(id="one", text=ARTICLE, date=DATE)])
    assert whole.ok and one.ok and one.records
    spans_slice_the_text(whole.records, text)
    meetings = [r for r in whole.records if r["type"] == "meeting"]
    claims = [r for r in whole.records if r["type"] == "claim"]
    per_copy = {k: sum(1 for r in one.records if r["type"] == k) for k in ("meeting", "claim")}
    assert len(meetings) == copies * per_copy["meeting"] and len(claims) == copies * per_copy["claim"]
    # one numbering over the whole document, and each claim still points at its own meeting
    sha = whole.records[0]["doc"]["sha256"][:12]
    assert [r["id"] for r in meetings] == [f"{sha}-m{n}" for n in range(1, len(meetings) + 1)]
    assert [r["id"] for r in claims] == [f"{sha}-c{n}" for n in range(1, len(claims) + 1)]
    by_id = {m["id"]: m for m in meetings}
    for c in claims:
        m = by_id[c["meeting"]]
        assert m["evidence"]["span"][0] // len(ARTICLE) == c["span"][0] // len(ARTICLE)
    # copy k's records are the single article's, moved by k copies
    first = [p["span"] for p in one.records[0]["participants"]]
    for k, m in enumerate(meetings):
        assert [[s - k * len(ARTICLE), e - k * len(ARTICLE)] for s, e in (p["span"] for p in m["participants"])] \
            == first
        assert m["lang"] == "en" and m["doc"]["lang"] == "en"


def test_progress_follows_a_long_document_and_not_a_short_one() -> None:
    calls: list[tuple[str, int, int]] = []
    ex, _ = extractor(window_chars=3 * len(ARTICLE), group_chars=3 * len(ARTICLE),
                      progress=lambda doc, done, total: calls.append((doc.id, done, total)))
    text = ARTICLE * 12
    ex.extract_many([InputDoc(id="short", text=ARTICLE, date=DATE), InputDoc(id="long", text=text, date=DATE)])
    assert {c[0] for c in calls} == {"long"}
    done = [c[1] for c in calls]
    assert len(done) >= 4 and done == sorted(done) and done[-1] == len(text) == calls[-1][2]


def test_verbose_progress_is_one_line_per_step(capsys: pytest.CaptureFixture[str]) -> None:
    progress = RunProgress(None, quiet=False, verbose=True)
    doc = InputDoc(id="big", text="", path="news/big.txt")
    progress.document(doc, 250_000, 1_000_000)
    progress.document(doc, 1_000_000, 1_000_000)
    progress.close()
    assert capsys.readouterr().err.splitlines() == [
        "news/big.txt: 25% read (250,000 of 1,000,000 characters)",
        "news/big.txt: 100% read (1,000,000 of 1,000,000 characters)"]


def test_quiet_silences_progress(capsys: pytest.CaptureFixture[str]) -> None:
    progress = RunProgress(None, quiet=True, verbose=True)
    progress.document(InputDoc(id="big", text=""), 10, 20)
    progress.close()
    assert capsys.readouterr().err == ""


def test_cli_reports_progress_within_a_long_file(run_cli, tmp_path: Path, check_records) -> None:
    path = tmp_path / "long.txt"
    text = ARTICLE * (2 * WINDOW_CHARS // len(ARTICLE) + 1)  # three windows
    path.write_text(text, encoding="utf-8")
    res = run_cli(["extract", path, "--format", "jsonl", "-v", "--doc-date", DATE], timeout=600,
                  env={"PYTHONPATH": str(REPO)})  # this checkout's code, whichever one is installed
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    steps = [int(m) for m in re.findall(r"long\.txt: (\d+)% read", res.stderr.decode())]
    assert len(steps) == 3 and steps == sorted(steps) and steps[-1] == 100, res.stderr.decode()
    records = check_records(json.loads(line) for line in res.stdout.decode().splitlines())
    spans_slice_the_text(records, text)
    assert sum(1 for r in records if r["type"] == "meeting") >= len(steps)  # one at least per window

"""``attache report``: the page's data, filters, escaping, bad input and the command line.

The records here are written for these tests (made-up people and sentences), so every expectation
follows from the input; the browser test (test_report_browser.py) renders the seeds' real records.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from extractors import report as R
from extractors.store import EventStore

FSI, PDI = "\u2068", "\u2069"


# -- records written for these tests ------------------------------------------------------------
def _doc(doc_id: str, lang: str, pub: str | None = None) -> dict:
    return {"id": doc_id, "path": f"feed/{doc_id}.txt", "sha256": hashlib.sha256(doc_id.encode()).hexdigest(),
            "lang": lang, "encoding": "utf-8", "date": {"value": pub, "source": "input" if pub else "none"}}


def _person(name: str, text: str, country: str | None, role: str = "party", start: int = 0) -> dict:
    key = name.lower().replace(" ", "-")
    return {"name": name, "text": text, "span": [start, start + len(text)], "role": role, "wikidata": None,
            "country": country, "actor": key, "key": key}


def meeting(doc_id: str, lang: str, people: list[tuple[str, str, str | None]], *, rid: str = "m1",
            day: str | None = None, place: tuple[str, str] | None = None, status: str = "happened",
            pub: str | None = None, sentence: str = "The two ministers met for talks.") -> dict:
    date = None if day is None else {"value": day, "text": day, "span": None, "granularity": "day",
                                     "weekday": None, "basis": "explicit"}
    loc = None if place is None else {"name": place[0], "text": place[0], "span": None, "country": place[1],
                                      "basis": "explicit", "rule": f"{lang}.loc.prep"}
    return {"schema": "attache/1", "type": "meeting", "id": rid, "doc": _doc(doc_id, lang, pub), "kind": "meeting",
            "status": status, "participants": [_person(*p) for p in people], "location": loc, "date": date,
            "codes": {"cameo": "040", "plover": "CONSULT", "plover_mode": None},
            "evidence": {"sentence": sentence, "span": [0, len(sentence)], "rule": f"{lang}.meet.test"}}


def claim(doc_id: str, lang: str, speaker: tuple[str, str, str | None], text: str, sentence: str, *,
          rid: str = "c1", meeting_id: str | None = "m1", pub: str | None = None, sentence_start: int = 100,
          direct: bool = True) -> dict:
    start = sentence_start + sentence.find(text)
    sp = _person(*speaker)
    del sp["role"]
    sp["resolution"] = "name"
    return {"schema": "attache/1", "type": "claim", "id": rid, "doc": _doc(doc_id, lang, pub), "speaker": sp,
            "text": text, "span": [start, start + len(text)], "direct": direct, "cue": "said",
            "meeting": meeting_id,
            "evidence": {"sentence": sentence, "span": [sentence_start, sentence_start + len(sentence)],
                         "rule": f"{lang}.cue.test"}}


HADDAD = ("Lina Haddad", "Lina Haddad", "JO")
CASTELL = ("Omar Castell", "Omar Castell", "MT")
# An unknown person keeps the Arabic surface text as the name.
SAMIR = ("سمير الحداد", "سمير الحداد", "LB")


def embedded(page: str, element_id: str) -> Any:
    """The JSON payload the page's script reads."""
    node = BeautifulSoup(page, "html.parser").find("script", id=element_id)
    assert node is not None, element_id
    return json.loads(node.string)


def build(records: list[dict], **opts: Any) -> tuple[R.Report, dict, dict]:
    report = R.build_report(records, R.ReportOptions(**opts))
    return report, embedded(report.html, "report-data"), embedded(report.html, "network-figure")


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_handmade_records_conform_to_the_schema(check_records):
    check_records([meeting("d1", "en", [HADDAD, CASTELL], day="2021-03-01", place=("Valletta", "MT")),
                   claim("d1", "en", HADDAD, "we agreed", "She said we agreed on the plan.")])


# -- what the page holds ------------------------------------------------------------------------
def test_reports_of_one_meeting_in_two_languages_are_one_event_with_both_sources():
    recs = [meeting("d-en", "en", [HADDAD, CASTELL], day="2021-03-01", place=("Valletta", "MT")),
            meeting("d-ar", "ar", [HADDAD, CASTELL], day="2021-03-01", place=("Valletta", "MT"),
                    sentence="التقت الوزيرة نظيرها في فاليتا.")]
    report, data, _ = build(recs)
    assert report.meetings == 1
    (m,) = data["meetings"]
    assert sorted(data["docs"][i][0] for i in m["src"]) == ["d-ar", "d-en"]
    assert sorted(data["docs"][i][1] for i in m["src"]) == ["ar", "en"]
    assert [data["people"][i]["n"] for i in m["p"]] == ["Lina Haddad", "Omar Castell"]
    assert data["places"][m["l"]] == {"n": "Valletta", "c": "MT", "h": 1, "pl": 0}


def test_claims_point_at_their_words_in_the_evidence_sentence():
    sentence = "Asked about the border, Haddad said the crossing will reopen in May."
    text = "the crossing will reopen in May"
    good = claim("d1", "en", HADDAD, text, sentence)
    shifted = claim("d1", "en", HADDAD, text, sentence, rid="c2")
    shifted["span"] = [0, len(text)]  # a span that does not fall on the words: found by search
    absent = claim("d1", "en", HADDAD, "words that are not there", sentence, rid="c3")
    _, data, _ = build([meeting("d1", "en", [HADDAD, CASTELL]), good, shifted, absent])
    by_text = {c["t"]: c for c in data["claims"]}
    start = sentence.index(text)
    assert by_text[text]["o"] == start
    assert data["sentences"][by_text[text]["e"]][start:start + len(text)] == text
    assert [c["o"] for c in data["claims"]].count(start) == 2
    assert by_text["words that are not there"]["o"] == -1


def test_a_claim_is_dated_by_its_meeting_else_by_its_document():
    recs = [meeting("d1", "en", [HADDAD, CASTELL], day="2021-03-01", pub="2021-03-02"),
            claim("d1", "en", HADDAD, "talks went well", "She said talks went well.", pub="2021-03-02"),
            claim("d2", "en", CASTELL, "nothing was signed", "He said nothing was signed.", meeting_id=None,
                  pub="2021-04-09")]
    _, data, _ = build(recs)
    assert {c["t"]: c["d"] for c in data["claims"]} == {"talks went well": "2021-03-01",
                                                         "nothing was signed": "2021-04-09"}


def test_date_range_keeps_events_in_it_and_their_claims():
    recs = [meeting("d1", "en", [HADDAD, CASTELL], day="2021-03-01"),
            claim("d1", "en", HADDAD, "we spoke of water", "She said we spoke of water."),
            meeting("d2", "en", [HADDAD, SAMIR], day="2021-06-10"),
            claim("d2", "en", HADDAD, "we spoke of trade", "She said we spoke of trade."),
            # undated, published in range: kept by its publication date
            meeting("d3", "en", [CASTELL, SAMIR], pub="2021-06-20"),
            # no date at all: cannot be placed in a range
            meeting("d4", "en", [SAMIR, ("Rami Aoun", "Rami Aoun", "LB")], place=("Beirut", "LB"))]
    report, data, _ = build(recs, date_from=R.parse_date_bound("2021-05"), date_to=R.parse_date_bound("2021", end=True))
    kept = sorted(tuple(sorted(data["people"][i]["n"] for i in m["p"])) for m in data["meetings"])
    assert kept == [("Lina Haddad", "سمير الحداد"), ("Omar Castell", "سمير الحداد")]
    assert [c["t"] for c in data["claims"]] == ["we spoke of trade"]
    assert report.left_out == 3  # the March meeting, its claim, the dateless meeting
    assert data["filters"] == {"from": "2021-05-01", "to": "2021-12-31", "langs": None}
    everything, _, _ = build(recs)
    assert everything.meetings == 4 and everything.left_out == 0


def test_language_filter_keeps_reports_of_those_languages_only():
    recs = [meeting("d-en", "en", [HADDAD, CASTELL], day="2021-03-01"),
            meeting("d-fa", "fa", [HADDAD, CASTELL], day="2021-03-01", sentence="دو وزیر دیدار کردند."),
            claim("d-en", "en", HADDAD, "we agree", "She said we agree.")]
    _, data, _ = build(recs, langs=R.parse_langs(["fa"]))
    (m,) = data["meetings"]
    assert [data["docs"][i] for i in m["src"]] == [["d-fa", "fa", "feed/d-fa.txt", ""]]
    assert data["claims"] == [] and data["langs"] == {"fa": 1}
    assert R.parse_langs(["ar,fa", "en"]) == frozenset({"ar", "fa", "en"})


def test_month_dates_show_only_the_month():
    rec = meeting("d1", "en", [HADDAD, CASTELL], day="2021-03-01")
    rec["date"]["granularity"] = "month"
    _, data, _ = build([rec])
    assert (data["meetings"][0]["d"], data["meetings"][0]["g"]) == ("2021-03", "month")


# -- right-to-left text and escaping ------------------------------------------------------------
def test_chart_labels_are_bidi_isolated_and_escaped():
    tricky = ("<b>Eve</b> & co", "<b>Eve</b> & co", "MT")
    recs = [meeting("d1", "ar", [SAMIR, HADDAD], day="2021-03-01", rid="m1"),
            meeting("d2", "en", [tricky, HADDAD], day="2021-03-02", rid="m1")]
    _, _, fig = build(recs)
    nodes = [t for t in fig["data"] if t.get("mode") == "markers+text"]
    labels = [x for t in nodes for x in t["text"]]
    assert FSI + "سمير الحداد" + PDI in labels
    assert FSI + "&lt;b&gt;Eve&lt;/b&gt; &amp; co" + PDI in labels
    hovers = " ".join(h for t in nodes for h in t["hovertext"])
    assert "<b>Eve</b>" not in hovers and FSI + "سمير الحداد" + PDI in hovers


def test_record_text_cannot_end_the_script_element():
    sneaky = "he said </script><script>alert(1)</script> loudly"
    recs = [meeting("d1", "en", [HADDAD, CASTELL]),
            claim("d1", "en", HADDAD, "</script><script>alert(1)</script>", sneaky)]
    report, data, _ = build(recs)
    assert "</script><script>alert(1)" not in report.html
    assert data["sentences"][data["claims"][0]["e"]] == sneaky  # the text itself survives intact


# -- the page as a whole ------------------------------------------------------------------------
def test_page_is_self_contained_and_deterministic():
    recs = [meeting("d1", "en", [HADDAD, CASTELL], day="2021-03-01", place=("Valletta", "MT")),
            claim("d1", "en", HADDAD, "we agree", "She said we agree.")]
    page = R.build_report(recs, R.ReportOptions(title="Week 9 <draft>")).html
    soup = BeautifulSoup(page, "html.parser")
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert csp is not None and "default-src 'none'" in csp["content"]
    assert soup.title.string == "Week 9 <draft>"  # escaped in the source, so it parses back as text
    assert not soup.find_all(src=True) and all(a["href"].startswith("#") for a in soup.find_all(href=True))
    assert not soup.find_all("link")
    assert "Plotly" in page and len(soup.find_all("script")) == 5
    assert R.build_report(recs, R.ReportOptions(title="Week 9 <draft>")).html == page


def test_network_keeps_the_people_with_most_meetings(monkeypatch):
    # Ten people: p0 meets everyone, p1 meets everyone after it, ...: p0 has most meetings.
    names = [(f"Person {i}", f"Person {i}", "JO") for i in range(10)]
    recs = [meeting(f"d{a}-{b}", "en", [names[a], names[b]], day=f"2021-03-{a + b + 1:02d}")
            for a in range(10) for b in range(a + 1, 10) if a < 3]
    monkeypatch.setattr(R, "NETWORK_MAX_NODES", 4)
    _, data, fig = build(recs)
    shown = [label.strip(FSI + PDI) for t in fig["data"] if t.get("mode") == "markers+text" for label in t["text"]]
    assert sorted(shown) == ["Person 0", "Person 1", "Person 2", "Person 3"]
    assert data["networkHidden"] == 6
    assert len(data["people"]) == 10  # the timeline's filters and tables still have everyone


def test_a_large_input_is_aggregated(monkeypatch):
    from synthetic_records import synthetic_records

    recs = synthetic_records(3000, seed=3)
    _, data, fig = build(recs)
    nodes = sum(len(t["x"]) for t in fig["data"] if t.get("mode") == "markers+text")
    assert nodes == min(R.NETWORK_MAX_NODES, sum(1 for p in data["people"] if p["m"]))
    hover_targets = [t for t in fig["data"] if t.get("mode") == "markers"]
    assert all(len(t["x"]) <= R.NETWORK_EDGE_HOVERS for t in hover_targets)
    assert len(data["sentences"]) < len(data["claims"]) + len(data["meetings"])  # stored once


# -- input ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("record", "reason"), [
    ([1, 2], "not a JSON object"),
    ({"type": "meeting"}, "not an attache/1 record"),
    ({"schema": "attache/1", "type": "visit"}, "unknown record type 'visit'"),
    ({"schema": "attache/1", "type": "claim", "id": "c1"}, "claim record without doc, speaker"),
])
def test_record_problems_are_named(record, reason):
    assert reason in R.record_problem(record)


def test_bad_lines_are_reported_once_per_input_and_the_rest_is_kept(tmp_path):
    good = meeting("d1", "en", [HADDAD, CASTELL])
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(good) + "\n{oops\n\n" + json.dumps({"schema": "other"}) + "\n", encoding="utf-8")
    result = R.read_inputs([str(path)])
    assert result.records == [good]
    (line,) = result.errors
    assert line.startswith(f"{path}:2: not JSON") and line.endswith("(and 1 more bad line)")


def test_event_store_directory_is_read(tmp_path):
    recs = [meeting("d-en", "en", [HADDAD, CASTELL], day="2021-03-01"),
            meeting("d-ar", "ar", [HADDAD, CASTELL], day="2021-03-01")]
    EventStore(tmp_path / "store", lock_timeout=5).update(recs)
    result = R.read_inputs([str(tmp_path / "store")])
    assert not result.errors and [r.get("merged") for r in result.records] == [True]
    report, data, _ = build(result.records)
    assert report.meetings == 1 and len(data["meetings"][0]["src"]) == 2
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    assert "without an event store" in R.read_inputs([str(empty)]).errors[0]


def test_write_is_atomic_and_readable(tmp_path):
    page = R.build_report([meeting("d1", "en", [HADDAD, CASTELL])])
    target = tmp_path / "out" / "report.html"
    old = os.umask(0o022)
    try:
        R.write_report(page, target)
    finally:
        os.umask(old)
    assert target.read_text(encoding="utf-8") == page.html
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


# -- the command line -----------------------------------------------------------------------------
@pytest.mark.parametrize(("content", "args", "message"), [
    (b"Talks were held in Valletta.\n", [], r"in\.jsonl:1: not JSON"),
    (b'{"type": "meeting", "id": "x"}\n', [], r"in\.jsonl:1: not an attache/1 record"),
    (b"", [], r"in\.jsonl: no records \(empty input\)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", [], r"not JSONL \(binary data\)"),
    (None, [], r"missing\.jsonl: no such file"),
    (b"GOOD", ["--from", "2021-13-01"], r"not a date: '2021-13-01'"),
    (b"GOOD", ["--from", "2021-06", "--to", "2021-05"], r"--from 2021-06-01 is after --to 2021-05-31"),
    (b"GOOD", ["--lang", "ar,de"], r"unsupported language de"),
])
def test_bad_input_is_one_line_and_exit_2(run_cli, tmp_path, content, args, message):
    src = tmp_path / ("missing.jsonl" if content is None else "in.jsonl")
    if content == b"GOOD":
        write_jsonl(src, [meeting("d1", "en", [HADDAD, CASTELL])])
    elif content is not None:
        src.write_bytes(content)
    out = tmp_path / "report.html"
    r = run_cli(["report", src, "-o", out, *args], timeout=120)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert len(err.splitlines()) == 1 and err.startswith("ERROR: ") and re.search(message, err), err
    assert not out.exists()


def test_one_bad_input_does_not_lose_the_others(run_cli, tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", [meeting("d1", "en", [HADDAD, SAMIR], day="2021-03-01")])
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not records\n", encoding="utf-8")
    out = tmp_path / "report.html"
    r = run_cli(["report", good, bad, "-o", out, "--title", "Levant"], timeout=120)
    err = r.stderr.decode().splitlines()
    assert r.returncode == 1
    (line,) = [line for line in err if line.startswith("ERROR")]
    assert line.startswith(f"ERROR: {bad}:1: not JSON (")
    data = embedded(out.read_text(encoding="utf-8"), "report-data")
    assert data["title"] == "Levant" and sorted(p["n"] for p in data["people"]) == ["Lina Haddad", "سمير الحداد"]


def test_stdin_to_stdout(run_cli):
    recs = [meeting("d1", "en", [HADDAD, CASTELL], day="2021-03-01")]
    r = run_cli(["report", "-", "-q"], stdin="".join(json.dumps(x) + "\n" for x in recs).encode(), timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.startswith(b"<!DOCTYPE html>") and r.stderr == b""
    assert embedded(r.stdout.decode(), "report-data")["meetings"][0]["d"] == "2021-03-01"

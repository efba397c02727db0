"""The report of the seeds' records, rendered in headless Chromium: DOM, screenshot, no requests.

The records come from real extraction of the five seed articles (once per session). The page is
made by the command line, opened with Debian's ``chromium`` (``make test`` installs it when it is
missing and apt is at hand), and checked as a reader would see it after the page's script ran:
the network's node labels, the timeline's meeting table, the claims table, and that nothing in the
page points at, or asked for, another host. The screenshot is saved as ``out/report-seeds.png``
(``docs/report-seeds.png`` in the README is a copy of it).
"""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path
from urllib.parse import urlsplit

import headless_chromium as chromium
import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
SCREENSHOT = REPO / "out" / "report-seeds.png"
SEED_ACTORS = {"Ali Khamenei", "Ilham Aliyev", "Hassan Rouhani", "Ali Shamkhani"}
ISOLATES = "\u2068\u2069"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MIN_SCREENSHOT_BYTES = 50_000  # a blank or unstyled page compresses far below this

pytestmark = pytest.mark.skipif(
    chromium.find_chromium() is None,
    reason="chromium not installed: `make test` installs it as root with apt (or apt-get install chromium)")


@pytest.fixture(scope="session")
def seed_records(extractor, seeds_dir) -> list[dict]:
    results = extractor.extract_many([extractor.load(p) for p in sorted(seeds_dir.glob("*.txt"))])
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    return [rec for r in results for rec in r.records]


@pytest.fixture(scope="module")
def seeds_page(seed_records, run_cli, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    src = folder / "seeds.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in seed_records), encoding="utf-8")
    page = folder / "seeds.html"
    r = run_cli(["report", src, "-o", page, "--title", "attache report: the seed articles"], timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    return page


@pytest.fixture(scope="module")
def rendered(seeds_page) -> tuple[BeautifulSoup, chromium.PageRun]:
    run = chromium.dump_dom(seeds_page)
    return BeautifulSoup(run.stdout, "html.parser"), run


def _rows(dom: BeautifulSoup, table_id: str) -> list[list[str]]:
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in dom.select(f"#{table_id} tbody tr.row")]


def test_page_is_drawn(rendered):
    dom, _ = rendered
    assert dom.html["data-ready"] == "1"
    assert int(dom.html["data-render-ms"]) > 0


def test_network_has_the_seed_actors_as_nodes(rendered):
    dom, _ = rendered
    labels = {t.get_text().strip(ISOLATES) for t in dom.select("#network-chart g.textpoint text")}
    assert SEED_ACTORS <= labels
    assert dom.select("#network-chart .scatterlayer path.point")  # the node markers themselves


def test_timeline_has_the_meeting_of_2017_03_05(rendered):
    dom, _ = rendered
    rows = [r for r in _rows(dom, "meetings-table") if r[0] == "2017-03-05"]
    assert rows, _rows(dom, "meetings-table")
    (row,) = rows
    assert "Ali Khamenei" in row[3] and "Ilham Aliyev" in row[3] and row[4].endswith("Tehran")
    assert dom.select("#timeline-chart .barlayer path")  # the day's bar is drawn
    assert _rows(dom, "undated-table")  # the undated meetings are listed apart


def test_claims_table_has_ilham_aliyevs_claims(rendered, seed_records):
    dom, _ = rendered
    speakers = [tr["data-speaker"] for tr in dom.select("#claims-table tbody tr.row")]
    assert "Ilham Aliyev" in speakers
    total = sum(1 for r in seed_records if r["type"] == "claim")
    assert dom.select_one("#claims-count").get_text() == f"{total} of {total} claims"


def test_speaker_filter_from_the_address(seeds_page, seed_records):
    dom = BeautifulSoup(chromium.dump_dom(seeds_page, "#speaker=Ilham%20Aliyev").stdout, "html.parser")
    rows = dom.select("#claims-table tbody tr.row")
    theirs = [r for r in seed_records if r["type"] == "claim" and r["speaker"]["name"] == "Ilham Aliyev"]
    assert {tr["data-speaker"] for tr in rows} == {"Ilham Aliyev"}
    assert len(rows) == min(len(theirs), 50)
    texts = {tr.find("td", class_="claim").get_text() for tr in rows}
    assert texts <= {" ".join(r["text"].split()) for r in theirs} | {r["text"] for r in theirs}


def test_person_filter_from_the_address(seeds_page):
    dom = BeautifulSoup(chromium.dump_dom(seeds_page, "#person=Shamkhani").stdout, "html.parser")
    rows = _rows(dom, "meetings-table") + _rows(dom, "undated-table")
    assert rows and all("Ali Shamkhani" in r[3] for r in rows)
    assert not dom.select("#timeline-chart .barlayer path")  # his meetings have no day date


def test_nothing_points_at_or_is_requested_from_another_host(rendered):
    dom, run = rendered
    for tag in dom.find_all(lambda t: t.has_attr("src") or t.has_attr("href")):
        for attr in ("src", "href", "xlink:href"):
            url = tag.get(attr)
            if url:
                assert urlsplit(url).scheme not in ("http", "https", "ftp", "ws", "wss"), (tag.name, url)
                assert not url.startswith("//"), (tag.name, url)
    assert run.page_requests == []


def test_the_request_check_sees_a_request(tmp_path):
    """A page that asks for an image from a host shows up in the net log: the check above can fail."""
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><img src="http://report-test.invalid/x.png">', encoding="utf-8")
    assert any("report-test.invalid" in u for u in chromium.dump_dom(page).page_requests)


def test_screenshot(seeds_page):
    SCREENSHOT.parent.mkdir(exist_ok=True)
    shot = SCREENSHOT.with_suffix(".tmp.png")
    chromium.screenshot(seeds_page, shot, window=(1280, 2000))
    data = shot.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    assert len(data) > MIN_SCREENSHOT_BYTES
    shutil.move(shot, SCREENSHOT)

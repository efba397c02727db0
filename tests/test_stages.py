"""The stages after NER on hand-built documents, with no model loaded: the entities NER would
find are given by hand, as spaCy and Stanza test their components. Each test takes milliseconds."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from extractors.locations import RULES
from extractors.mentions import lexicons
from extractors.ner import Entity
from extractors.pipeline import run_stages
from extractors.view import build_view

README = Path(__file__).resolve().parents[1] / "README.md"


def stages(text: str, lang: str, when: str | None = None, people: tuple[str, ...] = (),
           places: str | None = None) -> list[dict]:
    """Records of ``text``; ``people``: the names NER would tag PER (each found where it stands);
    ``places``: a user places file."""
    view = build_view(text, lang)
    ents = [Entity(m.start(), m.end(), "PER", name) for name in people for m in re.finditer(re.escape(name), view.text)]
    meta = {"id": "t", "path": None, "sha256": "0" * 64, "lang": lang, "encoding": "utf-8",
            "date": {"value": when, "source": "input" if when else "none"}}
    return run_stages(view, sorted(ents, key=lambda e: e.start), date.fromisoformat(when) if when else None,
                      meta, lexicons(lang, None, places))


def meetings(recs: list[dict]) -> list[dict]:
    return [r for r in recs if r["type"] == "meeting"]


def claims(recs: list[dict]) -> list[dict]:
    return [r for r in recs if r["type"] == "claim"]


def names(m: dict) -> list[str]:
    return [p["name"] for p in m["participants"]]


# -- locations ------------------------------------------------------------------------------------
def _readme_rule_rows() -> list[tuple[str, ...]]:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| `location.rule` |"):]
    table = table[:table.index("\n\n")]
    rows = [line for line in table.splitlines()[2:] if line.startswith("|")]
    return [tuple(re.findall(r"`((?:<lang>|loc)\.[^`]+)`", row.split("|")[1])) for row in rows]


def test_the_readme_lists_the_location_rules_in_the_order_the_code_tries_them() -> None:
    assert _readme_rule_rows() == [r.ids for r in RULES]


def test_a_venue_with_a_fixed_seat_outranks_the_hosts_capital() -> None:
    (m,) = meetings(stages("Hassan Rouhani received Shinzo Abe on the sidelines of the UN General Assembly.",
                           "en", "2019-09-24"))
    assert names(m) == ["Hassan Rouhani", "Shinzo Abe"]
    assert m["location"]["name"] == "New York City"
    assert m["location"]["rule"] == "en.venue.un_hq"
    # with no venue the same sentence is placed at the host's capital
    (m,) = meetings(stages("Hassan Rouhani received Shinzo Abe on Tuesday.", "en", "2019-09-24"))
    assert (m["location"]["name"], m["location"]["rule"]) == ("Tehran", "loc.host_capital")


# -- records -------------------------------------------------------------------------------------
def test_an_unnamed_office_holder_is_labelled_with_the_places_the_document_was_read_with(tmp_path: Path) -> None:
    text = "The Iraqi ambassador met Iranian Foreign Minister Abbas Araghchi in Tehran on Monday."
    (m,) = meetings(stages(text, "en", "2025-03-03"))
    assert "Ambassador of Iraq to Iran (unnamed)" in names(m)
    places = tmp_path / "places.jsonl"
    places.write_text(json.dumps({"id": "country:IQ", "name": "Republic of Iraq"}) + "\n", encoding="utf-8")
    (m,) = meetings(stages(text, "en", "2025-03-03", places=str(places)))
    assert "Ambassador of Republic of Iraq to Iran (unnamed)" in names(m)

"""Office holders of every country: the derived actor file and titles resolved through it.

``extractors/data/actors/officeholders.jsonl`` is built by ``scripts/build_officeholders.py`` from the
shared Wikidata table. Here: the committed file is what the script makes of the table; the script's
rules (one holder per seat, suspect labels, merging with hand-written people) on made-up terms; and
titles with a country ("the Ghanaian president", "رئيس الوزراء النيبالي", "رئیس‌جمهور غنا") resolving to
the holder on the document's date, or to an unnamed label without one.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from extractors.actors import DERIVED_FILES, load_actors
from extractors.mentions import build_mentions, lexicons
from extractors.naming import unnamed_label
from extractors.pipeline import _parse_date
from extractors.view import build_view

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "build_officeholders.py"


def _script():
    spec = importlib.util.spec_from_file_location("build_officeholders", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up by name
    spec.loader.exec_module(mod)
    return mod


B = _script()
SHARED = B.default_shared()
needs_shared = pytest.mark.skipif(not (SHARED / B.SOURCE_FILE).is_file(),
                                  reason=f"the shared office-holder table is not at {SHARED}")


# -- the committed file --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built():
    return B.build(SHARED)


@needs_shared
def test_committed_file_is_the_scripts_output(built) -> None:
    rows, rep = built
    assert B.OUTPUT.read_text(encoding="utf-8") == B.render(rows), "rerun scripts/build_officeholders.py"
    assert B.SOURCE_MD.read_text(encoding="utf-8") == B.with_summary(B.SOURCE_MD.read_text(encoding="utf-8"), rep)


@needs_shared
def test_every_suspect_label_was_reviewed(built) -> None:
    _, rep = built
    assert rep.unreviewed == []


@needs_shared
def test_no_seat_has_two_holders_and_no_hand_written_person_is_duplicated(built) -> None:
    rows, rep = built
    assert rep.overlaps == []
    hand = B.load_hand(B.ACTORS_DIR)
    hand_qids = {r["wikidata"] for r in hand.rows.values() if r["wikidata"]}
    new = [r for r in rows if r["id"] not in hand.rows]
    assert not {r["wikidata"] for r in new} & hand_qids


def test_every_line_cites_its_source_repository_and_wikidata_id() -> None:
    for line in B.OUTPUT.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert row["wikidata"] and f"Wikidata {row['wikidata']}" in row["source"], row["id"]
        assert "@" in row["source"] and ":" in row["source"].split("@", 1)[1], row["id"]


def test_derived_lines_load_last_and_extend_the_hand_written_person() -> None:
    assert DERIVED_FILES == ("officeholders.jsonl",)
    db = load_actors()
    niinisto = db.by_id["fi-sauli-niinisto"]  # hand-written (world.jsonl), without a Wikidata id there
    assert niinisto.wikidata == "Q29207"
    assert {"سائولی نینیستو", "ساولي نينيستو"} <= set(niinisto.aliases)  # the hand-written spellings stay
    assert sum(a.id == "fi-sauli-niinisto" for a in db.by_id.values()) == 1


# -- the script's rules on made-up terms ---------------------------------------------------------


def _term(qid: str, start: str, end: str | None, explicit: bool, role: str = "president") -> object:
    return B.Term(qid, qid, "en", "XX", None, role, date.fromisoformat(start),
                  date.fromisoformat(end) if end else None, explicit, "repo@abc:path", "head_of_state")


def test_one_holder_per_seat_prefers_explicit_ends_then_later_starts() -> None:
    terms = [
        _term("Q1", "2005-01-01", None, False),          # left in 2010, still open in Wikidata
        _term("Q2", "2010-03-01", "2014-03-01", True),
        _term("Q3", "2012-06-01", None, False),           # a fictional president inside Q2's term
        _term("Q4", "2014-03-01", None, False),           # the real successor
    ]
    rep = B.Report()
    out = {t.qid: (t.start.isoformat(), t.end.isoformat() if t.end else None)
           for t in B.one_holder_per_seat(terms, rep)}
    assert out == {"Q1": ("2005-01-01", "2010-02-28"), "Q2": ("2010-03-01", "2014-03-01"),
                   "Q4": ("2014-03-01", None)}
    assert rep.dropped["superseded: another holder of the seat on every day of the term"] == 1


def test_a_head_of_government_who_is_head_of_state_is_president_only() -> None:
    hos = _term("Q7", "2010-01-01", "2014-01-01", True)
    hog = B.Term("Q7", "Q7", "en", "XX", None, "prime_minister", date(2010, 1, 1), date(2014, 1, 1), True,
                 "repo@abc:path", "head_of_government")
    assert [t.role for t in B.presidential([hos, hog])] == ["president", "president"]
    pm = B.Term("Q8", "Q8", "en", "XX", None, "prime_minister", date(2010, 1, 1), date(2014, 1, 1), True,
                "repo@abc:path", "head_of_government")
    assert [t.role for t in B.presidential([hos, hog, pm, pm])] == ["president", "prime_minister",
                                                                   "prime_minister", "prime_minister"]
    assert [t.qid for t in B.president_only([hos, hog, pm], B.Report())] == ["Q7", "Q8"]


@pytest.mark.parametrize(("label", "country", "lang", "flagged"), [
    ("Papa Pio XIII", "VA", "pt|en", True),
    ("Joana da Silveira", "FR", "pt|en", True),            # a Portuguese particle outside Lusophone states
    ("Joana da Silveira", "BR", "pt|en", False),
    ("Ivan Petrovitch", "UA", "pt|en", True),              # French/Portuguese "tch"
    ("Andréas Nikoláou", "GR", "pt|en", True),             # accented Greek
    ("Omar V de Perlis", "MY", "pt|en", True),             # "of" + place
    ("Kwame Mensah", "GH", "pt|en", False),
    ("Joana da Silveira", "FR", "en", False),              # an English label is trusted
    ("Conselho Nacional", "HT", "en", True),               # not a person
])
def test_suspect_labels(label: str, country: str, lang: str, flagged: bool) -> None:
    assert (B.suspect(label, country, lang) is not None) is flagged


def test_curation_file_is_consistent() -> None:
    cur = json.loads(B.CURATION.read_text(encoding="utf-8"))
    from extractors.actors import ROLES
    for kind in ("head_of_state_role", "head_of_government_role"):
        assert {cur[kind]["default"], *cur[kind]["by_country"].values()} <= ROLES
    assert {r for _, r in cur["position_labels"]["rules"] if r} <= ROLES
    for qid, entry in cur["labels"].items():
        if not qid.startswith("_"):
            assert entry["why"] and ("name" in entry) != bool(entry.get("keep")), qid


# -- titles with a country, resolved by date ------------------------------------------------------


def _title(phrase: str, lang: str, when: str | None):
    view = build_view(phrase, lang)
    ms = [m for m in build_mentions(view, [], _parse_date(when), lexicons(lang)) if m.kind == "title"]
    assert ms, phrase
    return ms[0]


CASES = [
    # (sentence, lang, document date, canonical name, Wikidata id)
    ("The Ghanaian president opened the new embassy.", "en", "2019-06-01", "Nana Akufo-Addo", "Q718601"),
    ("Ghana's president flew home on Sunday.", "en", "2025-03-01", "John Dramani Mahama", "Q50678"),
    ("The Iraqi president received the letter.", "en", "2019-06-01", "Barham Salih", "Q808173"),
    ("Japan's prime minister will travel next week.", "en", "2019-06-01", "Shinzo Abe", "Q132345"),
    ("The Chilean President called for calm.", "en", "2012-01-10", "Sebastián Piñera", "Q306"),
    ("The Jamaican Prime Minister thanked the donors.", "en", "2019-06-01", "Andrew Holness", "Q505200"),
    ("قال الرئيس الغاني إن الاتفاق مهم.", "ar", "2019-06-01", "Nana Akufo-Addo", "Q718601"),
    ("وصل رئيس الوزراء الياباني إلى المدينة.", "ar", "2019-06-01", "Shinzo Abe", "Q132345"),
    ("أكد رئيس الوزراء النيبالي دعم بلاده.", "ar", "2019-06-01", "Khadga Prasad Sharma Oli", "Q3195923"),
    # the formal title, "head of the council of ministers", is the prime minister, not a president
    ("أكد رئيس مجلس الوزراء النيبالي دعم بلاده.", "ar", "2019-06-01", "Khadga Prasad Sharma Oli", "Q3195923"),
    ("استقبل وزير الخارجية الروماني الوفد.", "ar", "2022-10-01", "Bogdan Aurescu", "Q18537583"),
    ("رئیس‌جمهور فنلاند از این طرح حمایت کرد.", "fa", "2019-06-01", "Sauli Niinistö", "Q29207"),
    ("نخست‌وزیر نروژ به این شهر سفر کرد.", "fa", "2019-06-01", "Erna Solberg", "Q291644"),
    ("رئیس‌جمهور غنا در این نشست سخن گفت.", "fa", "2025-03-01", "John Dramani Mahama", "Q50678"),
    ("نخست‌وزیر نیوزیلند این تصمیم را اعلام کرد.", "fa", "2020-06-01", "Jacinda Ardern", "Q3606816"),
]


@pytest.mark.parametrize(("sentence", "lang", "when", "name", "qid"), CASES)
def test_title_resolves_to_the_holder_on_the_date(sentence: str, lang: str, when: str, name: str,
                                                  qid: str) -> None:
    m = _title(sentence, lang, when)
    assert m.actor is not None, m.why
    assert (m.actor.name, m.actor.wikidata) == (name, qid)


@pytest.mark.parametrize(("sentence", "lang", "label"), [
    ("The Ghanaian president opened the new embassy.", "en", "President of Ghana (unnamed)"),
    ("قال الرئيس الغاني إن الاتفاق مهم.", "ar", "President of Ghana (unnamed)"),
    ("رئیس‌جمهور شیلی از این طرح حمایت کرد.", "fa", "President of Chile (unnamed)"),
    ("أكد رئيس الوزراء النيبالي دعم بلاده.", "ar", "Prime Minister of Nepal (unnamed)"),
])
def test_without_a_date_the_office_holder_stays_unnamed(sentence: str, lang: str, label: str) -> None:
    m = _title(sentence, lang, None)
    assert m.actor is None
    assert unnamed_label(m, lexicons(lang).places) == label


def test_a_date_no_recorded_term_covers_names_nobody() -> None:
    # the table knows Chile's foreign minister of 2022 only: in 2015 that is someone else
    m = _title("The Chilean foreign minister arrived.", "en", "2015-05-01")
    assert m.actor is None
    assert _title("The Chilean foreign minister arrived.", "en", "2022-10-01").actor.wikidata == "Q75836988"


def test_a_meeting_names_both_office_holders(extractor) -> None:
    from extractors.pipeline import InputDoc
    recs = extractor.extract(InputDoc(id="t", text="The Ghanaian president met the Chilean foreign minister "
                                      "in Accra on Monday.", lang="en", date="2022-10-05", date_source="input"))
    meeting = next(r for r in recs if r["type"] == "meeting")
    assert [(p["name"], p["wikidata"]) for p in meeting["participants"]] == [
        ("Nana Akufo-Addo", "Q718601"), ("Antonia Urrejola", "Q75836988")]

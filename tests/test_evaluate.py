"""Tests for the scorer behind `attache eval` (extractors/evaluate.py, cli/eval_cmd.py).

All gold and prediction records here are synthetic: fictional people, places and sentences
written for these tests. The reference scorer (../shared/bin/score) is the oracle: the figures
must be equal to its figures, overall and per language.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import shlex
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import extractors
from cli.eval_cmd import EXAMPLE, register
from extractors import evaluate as ev
from extractors.normalize import fold

REPO = Path(__file__).parents[1]
SCORE = REPO / ".." / "shared" / "bin" / "score"

# ----------------------------------------------------------------------------- synthetic gold

EN_EVIDENCE = "Arkwell met Varga in Port Marren on Tuesday, with Olsen in attendance."
AR_EVIDENCE = "استقبل الرئيس كريم نادر وزير الخارجية يوسف عماري في قلعة أمس."
FA_EVIDENCE = "داریوش کاوه با سیما رهنما در پایتخت دیدار و گفتگو کرد."
FA_CLAIM = "گسترش روابط اقتصادی در اولویت دو کشور قرار دارد"
AR_CLAIM = "إن التعاون بين البلدين يشهد تطورا كبيرا في مجال التجارة"
EN_CLAIM = "the harbour agreement will be signed before the winter"

GOLD = [
    {"doc_id": "en_x", "lang": "en", "doc_date": "2031-04-02",
     "meetings": [
         {"participants": ["Tomas Arkwell", "Lena Varga"], "attendees": ["Piet Olsen"], "kind": "meeting",
          "status": "held", "location": "Port Marren", "date": "2031-04-01", "date_text": "on Tuesday",
          "evidence": EN_EVIDENCE},
         {"participants": ["Tomas Arkwell", "Ivo Brenn"], "attendees": [], "kind": "visit",
          "status": "planned", "location": None, "date": None, "evidence": "Brenn will visit next month."}],
     "claims": [{"speaker": "Lena Varga", "text": EN_CLAIM, "direct_quote": True, "cue": "said"}],
     "aliases": {"Tomas Arkwell": ["Arkwell"], "Port Marren": ["Marren harbour"]}},
    {"doc_id": "ar_x", "lang": "ar", "doc_date": None,
     "meetings": [
         {"participants": ["Karim Nadir", "Youssef Amari"], "attendees": [], "kind": "meeting",
          "status": "held", "location": "Qalat", "date": None, "evidence": AR_EVIDENCE}],
     "claims": [{"speaker": "Karim Nadir", "text": AR_CLAIM, "direct_quote": False, "cue": "وأكد"}],
     "aliases": {"Karim Nadir": ["كريم نادر", "نادر"], "Youssef Amari": ["يوسف عماري"], "Qalat": ["قلعة"]}},
    {"doc_id": "fa_x", "lang": "fa", "doc_date": "2030-11-05",
     "meetings": [
         {"participants": ["Dariush Kaveh", "Sima Rahnama"], "attendees": [], "kind": "talks",
          "status": "held", "location": None, "date": "2030-11-05", "evidence": FA_EVIDENCE}],
     "claims": [{"speaker": "Sima Rahnama", "text": FA_CLAIM, "direct_quote": False, "cue": "گفت"}],
     "aliases": {"Dariush Kaveh": ["داریوش کاوه"], "Sima Rahnama": ["سیما رهنما"]}},
]


def _meeting(doc: str, names: list, status: str = "happened", location: dict | None = None,
             date: str | None = None, sentence: str = "") -> dict:
    return {"schema": "attache/1", "type": "meeting", "id": f"{doc}-m-{len(names)}", "doc": {"id": doc},
            "kind": "meeting", "status": status,
            "participants": [n if isinstance(n, dict) else {"name": n} for n in names],
            "location": location, "date": {"value": date} if date else None,
            "evidence": {"sentence": sentence}}


def _claim(doc: str, speaker: str, text: str, sentence: str = "") -> dict:
    return {"schema": "attache/1", "type": "claim", "id": f"{doc}-c", "doc": {"id": doc},
            "speaker": {"name": speaker}, "text": text, "evidence": {"sentence": sentence}}


PRED = [
    # en: found (suffix + alias names), one spurious participant, location via alias, date right
    _meeting("en_x", ["T. Arkwell", "Lena Varga", "Piet Olsen", "Zed Quill"],
             location={"name": "Marren harbour"}, date="2031-04-01", sentence="made-up en sentence one"),
    # en: the planned gold meeting marked planned -> ignored; reported as held -> spurious
    _meeting("en_x", ["Arkwell", "Ivo Brenn"], status="planned"),
    _meeting("en_x", ["Tomas Arkwell", "Ivo Brenn"], sentence="Brenn arrived, the spurious sentence."),
    _claim("en_x", "Varga", "the harbour agreement will be signed", sentence="Varga spoke."),
    _claim("en_x", "Piet Olsen", "nothing like any gold claim", sentence="Olsen spoke at length."),
    # ar: found via Arabic spellings (letter variants fold); location wrong (article kept)
    {**_meeting("ar_x", [{"name": "نادر"}, {"text": "يوسف عماري"}], location={"name": None, "text": "القلعة"},
                sentence="جملة عربية للاختبار"), "doc": {"path": "/tmp/feed/ar_x.txt"}},
    _claim("ar_x", "الرئيس نادر", "التعاون بين البلدين يشهد تطورا كبيرا"),
    # fa: meeting missed; claim far longer than the excerpt -> unmatched
    _claim("fa_x", "سیما رهنما", " ".join([FA_CLAIM] + [f"واژه{i}" for i in range(60)])),
    # a document not in gold is not scored
    _meeting("zz_other", ["Tomas Arkwell", "Lena Varga"]),
]


def _write(tmp: Path) -> tuple[Path, Path]:
    g, p = tmp / "gold.jsonl", tmp / "pred.jsonl"
    g.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in GOLD), encoding="utf-8")
    p.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in PRED), encoding="utf-8")
    return g, p


def _gold() -> dict:
    return {g["doc_id"]: g for g in GOLD}


# ----------------------------------------------------------------------------- hand-checked figures


def test_figures_by_hand():
    res = ev.evaluate(_gold(), PRED)
    en, ar, fa = (res["languages"][k] for k in ("en", "ar", "fa"))
    assert en["meetings"] == {"p": 0.5, "r": 1.0, "f1": 0.667, "tp": 1, "fp": 1, "fn": 0}
    # Olsen is an attendee, so only Zed Quill is spurious
    assert (en["participants"]["tp"], en["participants"]["fp"], en["participants"]["fn"]) == (2, 1, 0)
    assert en["participants_canonical"] == 0.5  # "Lena Varga" canonical, "T. Arkwell" only via the alias
    assert (en["location_accuracy"], en["location_n"], en["date_accuracy"], en["date_n"]) == (1.0, 1, 1.0, 1)
    assert (en["claims"]["tp"], en["claims"]["fp"], en["claims"]["fn"]) == (1, 1, 0)
    assert (ar["meetings"]["tp"], ar["location_accuracy"], ar["date_accuracy"]) == (1, 0.0, None)
    assert ar["claims"]["tp"] == 1
    assert (fa["meetings"]["fn"], fa["participants"]["fn"]) == (1, 2)
    assert (fa["claims"]["fp"], fa["claims"]["fn"]) == (1, 1)
    assert res["overall"]["documents"] == 3
    assert res["overall"]["meetings"]["tp"] == 2 and res["overall"]["meetings"]["fn"] == 1


def test_details_carry_evidence_sentences():
    texts = {"fa_x": f"مقدمه خبر. سیما رهنما گفت {FA_CLAIM} و افزود. پایان."}
    details = ev.evaluate(_gold(), PRED, texts)["details"]
    by_kind = defaultdict(list)
    for d in details:
        by_kind[d["kind"]].append(d)
    assert [d["evidence"] for d in by_kind["missed_meeting"]] == [FA_EVIDENCE]
    assert [d["evidence"] for d in by_kind["spurious_meeting"]] == ["Brenn arrived, the spurious sentence."]
    wrong = by_kind["wrong_location"][0]
    assert (wrong["gold"], wrong["pred"]) == ("Qalat", "القلعة")
    assert by_kind["missed_claim"][0]["evidence"] == f"سیما رهنما گفت {FA_CLAIM} و افزود."
    assert {d["doc"] for d in by_kind["spurious_claim"]} == {"en_x", "fa_x"}
    assert all(d["lang"] == "fa" for d in by_kind["missed_meeting"])


def test_name_rules():
    assert ev.name_match("Aliyev", "Ilham Aliyev")
    assert ev.name_match("President Ilham Aliyev", "Ilham Aliyev")
    assert not ev.name_match("Al", "Ilham Al")  # suffix words must be longer than two letters
    assert not ev.name_match("Ilham", "Ilham Aliyev")  # a prefix is not enough
    assert ev.name_match("Arkwéll", "arkwell")
    assert ev.name_match("كريم نادر", "Karim Nadir", ["كریم نادر"])  # ي/ی fold
    assert ev.name_match("نادِر", "نادر")  # harakat dropped
    assert not ev.name_match("", "Nadir")


def test_protocol_key_is_the_reference_key_not_the_product_key():
    """normalize.fold makes Persian digits ASCII; the reference scorer does not, so neither do we."""
    assert fold("دور ۱۲") == fold("دور 12")
    assert not ev.name_match("دور ۱۲", "دور 12")
    assert ev.protocol_fold("Ğüzəl_Ad") == "guzəl_ad"


def test_claim_length_rules():
    gold = {"d": {"doc_id": "d", "lang": "en", "meetings": [], "aliases": {},
                  "claims": [{"speaker": "Lena Varga", "text": "one two three four"}]}}

    def claims(text: str) -> dict:
        return ev.evaluate(gold, [_claim("d", "Varga", text)])["overall"]["claims"]

    assert claims("one two")["tp"] == 1  # half the words is enough
    assert claims("one five")["tp"] == 0
    assert claims("one two " + " ".join(f"w{i}" for i in range(50)))["tp"] == 1  # within the 60-word cap
    assert claims("one two " + " ".join(f"w{i}" for i in range(70)))["tp"] == 0
    assert ev.evaluate(gold, [_claim("d", "Olsen", "one two three four")])["overall"]["claims"]["tp"] == 0


def test_single_party_and_greedy_matching():
    gold = {"d": {"doc_id": "d", "lang": "en", "aliases": {}, "claims": [], "meetings": [
        {"participants": ["Lena Varga"], "status": "held"},
        {"participants": ["Lena Varga", "Piet Olsen", "Ivo Brenn"], "status": "ongoing"}]}}
    # one predicted meeting can satisfy one gold meeting only
    res = ev.evaluate(gold, [_meeting("d", ["Varga", "Olsen"])])["overall"]
    assert (res["meetings"]["tp"], res["meetings"]["fn"]) == (1, 1)
    # a three-party gold meeting needs two of its parties, one is not enough
    res = ev.evaluate(gold, [_meeting("d", ["Varga"]), _meeting("d", ["Brenn", "Zed Quill"])])["overall"]
    assert (res["meetings"]["tp"], res["meetings"]["fp"], res["meetings"]["fn"]) == (1, 1, 1)


def test_record_doc_id():
    assert ev.record_doc_id({"doc": {"id": "en_02"}}) == "en_02"
    assert ev.record_doc_id({"doc": {"id": None, "path": "/x/y/fa_01.txt"}}) == "fa_01"
    assert ev.record_doc_id({"doc_id": "ar_03"}) == "ar_03"


def test_sentence_around():
    text = "First one. Then she said the thing here! Last?"
    assert ev.sentence_around(text, "the thing") == "Then she said the thing here!"
    assert ev.sentence_around(text, "absent words") is None


# ----------------------------------------------------------------------------- the reference scorer


def _run_score(*args: str) -> dict:
    out = subprocess.run([sys.executable, str(SCORE), *args, "--json"], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def test_equal_to_reference_scorer_overall_and_per_language(tmp_path):
    g, p = _write(tmp_path)
    res = ev.evaluate(ev.load_gold(g), ev.read_jsonl(p))
    assert res["overall"] == _run_score(str(g), str(p))
    assert set(res["languages"]) == {"ar", "en", "fa"}
    for lang, figures in res["languages"].items():
        assert figures == _run_score(str(g), str(p), "--lang", lang), lang


def _load_reference():
    loader = importlib.machinery.SourceFileLoader("attache_reference_score", str(SCORE))
    mod = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(mod)
    return mod


REF = _load_reference()

NAMES = ["Tomas Arkwell", "Arkwell", "T Arkwell", "Lena Varga", "Varga", "Jo", "Ed Jo", "كريم نادر",
         "كریم نادر", "نادر", "الرئيس نادر", "داریوش کاوه", "کاوه", "Dariush Kaveh", "Ivo Brenn", "دور ۱۲",
         "دور 12", "a_b", "ٱلقلعة", "Qalat", "قلعة", "سیما\u200cرهنما", "رهنما", ""]
WORDS = ["one", "two", "three", "four", "five", "۱۲", "12", "a_b", "ٱلسلام", "السلام", "كبير", "کبیر",
         "Straße", "strasse", "x\u200dy", "xy", "نادِر", "نادر", "می\u200cگوید", "می گوید", "میگوید"]
DATES = [None, "2031-04-01", "2031-04-02"]

name = st.sampled_from(NAMES)
gold_meeting = st.fixed_dictionaries({
    "participants": st.lists(name.filter(bool), min_size=0, max_size=3),
    "attendees": st.lists(name, max_size=2),
    "status": st.sampled_from(["held", "planned", "ongoing"]),
    "location": st.sampled_from([None, "Qalat", "Port Marren"]),
    "date": st.sampled_from(DATES)})
gold_claim = st.fixed_dictionaries({
    "speaker": name.filter(bool),
    "text": st.lists(st.sampled_from(WORDS), min_size=0, max_size=6).map(" ".join)})


@st.composite
def gold_and_pred(draw):
    docs = {}
    for i in range(draw(st.integers(1, 3))):
        did = f"d{i}"
        docs[did] = {"doc_id": did, "lang": draw(st.sampled_from(["ar", "fa", "en"])),
                     "meetings": draw(st.lists(gold_meeting, max_size=3)),
                     "claims": draw(st.lists(gold_claim, max_size=3)),
                     "aliases": draw(st.dictionaries(name, st.lists(name, max_size=2), max_size=3))}
    ids = st.sampled_from([*docs, "other"])
    person = st.one_of(name, name.map(lambda n: {"name": n}), name.map(lambda n: {"text": n}))
    meeting = st.builds(
        lambda d, ps, status, loc, date: {"type": "meeting", "doc": {"id": d}, "status": status,
                                          "participants": ps, "location": loc,
                                          "date": None if date is None else {"value": date}},
        ids, st.lists(person, max_size=4), st.sampled_from(["happened", "planned"]),
        st.one_of(st.none(), name.map(lambda n: {"name": n}), name.map(lambda n: {"name": None, "text": n})),
        st.sampled_from(DATES))
    claim = st.builds(
        lambda d, sp, words: {"type": "claim", "doc": {"id": d}, "speaker": {"name": sp},
                              "text": " ".join(words)},
        ids, name, st.lists(st.sampled_from(WORDS), max_size=10))
    preds = draw(st.lists(st.one_of(meeting, claim), max_size=8))
    return docs, preds


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gold_and_pred())
def test_equal_to_reference_scorer_on_random_records(case):
    docs, preds = case
    ref_preds = defaultdict(list)
    for r in preds:
        ref_preds[REF.doc_id(r)].append(r)
    res = ev.evaluate(docs, preds)
    ref_overall, ref_notes = REF.score(docs, ref_preds, True)
    assert res["overall"] == ref_overall
    assert len(res["details"]) == len(ref_notes)
    for lang, figures in res["languages"].items():
        subset = {d: g for d, g in docs.items() if g["lang"] == lang}
        assert figures == REF.score(subset, ref_preds, False)[0]


# ----------------------------------------------------------------------------- floors


def test_check_floors():
    res = ev.evaluate(_gold(), PRED)
    assert ev.check_floors(res, {"en": {"meetings_f1": 0.667, "location_accuracy": 1.0}}) == []
    assert ev.check_floors(res, {"ar": {"claims_f1": 1.0}}) == []  # equal to the floor passes
    lines = ev.check_floors(res, {"en": {"meetings_f1": 0.7}, "fa": {"claims_f1": 0.1}})
    assert lines == ["en meetings_f1: 0.667 is below the floor 0.700",
                     "fa claims_f1: 0.000 is below the floor 0.100"]
    # nothing to measure: fine at 0.0, a violation above it
    assert ev.check_floors(res, {"ar": {"date_accuracy": 0.0}}) == []
    assert ev.check_floors(res, {"ar": {"date_accuracy": 0.5}}) == [
        "ar date_accuracy: not measured, floor 0.500"]
    assert ev.check_floors(res, {"xx": {"meetings_f1": 0.1}}) == ["xx meetings_f1: not measured, floor 0.100"]
    assert "unknown metric" in ev.check_floors(res, {"en": {"meeting_f1": 0.0}})[0]
    assert ev.check_floors(res, {"overall": {"meetings_f1": 0.9}})


def test_checked_in_floors_file_is_well_formed():
    floors = ev.load_floors(REPO / "eval" / "floors.json")
    assert set(floors) == {"ar", "fa", "en"}
    for pins in floors.values():
        assert set(pins) == set(ev.METRICS)
        assert all(isinstance(v, (int, float)) and 0.0 <= v <= 1.0 for v in pins.values())


# ----------------------------------------------------------------------------- command line


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _main() -> None:
        """attache (test harness)."""

    register(app)
    return app


def test_cli_pred_json_and_table(tmp_path):
    g, p = _write(tmp_path)
    runner = CliRunner()
    r = runner.invoke(_app(), ["eval", str(g), "--pred", str(p), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["overall"] == _run_score(str(g), str(p)) and "details" not in out
    r = runner.invoke(_app(), ["eval", str(g), "--pred", str(p), "--details"], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    assert "meetings F1" in r.stdout and "0.667" in r.stdout
    assert "missed_meeting" in r.stdout and FA_EVIDENCE in r.stdout


def test_cli_floors_exit_status(tmp_path):
    g, p = _write(tmp_path)
    low, high = tmp_path / "low.json", tmp_path / "high.json"
    low.write_text(json.dumps({"en": {"meetings_f1": 0.5}}))
    high.write_text(json.dumps({"en": {"meetings_f1": 0.9}}))
    runner = CliRunner()
    assert runner.invoke(_app(), ["eval", str(g), "--pred", str(p), "--floors", str(low)]).exit_code == 0
    r = runner.invoke(_app(), ["eval", str(g), "--pred", str(p), "--floors", str(high), "--json"])
    assert r.exit_code == 1
    assert json.loads(r.stdout)["floor_violations"] == ["en meetings_f1: 0.667 is below the floor 0.900"]


def test_cli_needs_inputs_or_pred_not_both(tmp_path):
    g, p = _write(tmp_path)
    runner = CliRunner()
    assert runner.invoke(_app(), ["eval", str(g)]).exit_code == 2
    assert runner.invoke(_app(), ["eval", str(g), str(tmp_path), "--pred", str(p)]).exit_code == 2


def test_cli_runs_extraction_as_a_feed_would(tmp_path, monkeypatch):
    """INPUTS mode hands each gold document to extract_text with its gold date and no language."""
    g, _ = _write(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "en_x.txt").write_text(EN_EVIDENCE, encoding="utf-8")
    (docs / "ar_x.txt").write_text(AR_EVIDENCE, encoding="utf-8")
    (docs / "not_gold.txt").write_text("Unrelated.", encoding="utf-8")
    calls = []

    def fake_extract_text(text, lang=None, doc_date=None, doc_id="stdin", path=None):
        calls.append((doc_id, lang, doc_date, text))
        return [r for r in PRED if ev.record_doc_id(r) == doc_id]

    monkeypatch.setattr(extractors, "extract_text", fake_extract_text, raising=False)
    r = CliRunner().invoke(_app(), ["eval", str(g), str(docs), "--json"])
    assert r.exit_code == 0, r.output
    assert sorted(calls) == [("ar_x", None, None, AR_EVIDENCE), ("en_x", None, "2031-04-02", EN_EVIDENCE)]
    out = json.loads(r.stdout)
    assert out["languages"]["en"] == ev.evaluate(_gold(), PRED)["languages"]["en"]
    assert out["languages"]["fa"]["meetings"]["fn"] == 1  # no file: scored as missed
    assert "fa_x" in r.stderr


def test_cli_missing_model_is_one_line_and_exit_3(tmp_path, monkeypatch):
    """A library error while extracting (no NER model here) is one stderr line with its own exit code."""
    from extractors.errors import ModelMissingError

    g, _ = _write(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "en_x.txt").write_text(EN_EVIDENCE, encoding="utf-8")

    def no_model(*args, **kwargs):
        raise ModelMissingError("no NER model for 'en' under /nowhere: run `attache models download en`")

    monkeypatch.setattr(extractors, "extract_text", no_model, raising=False)
    r = CliRunner().invoke(_app(), ["eval", str(g), str(docs)], env={"COLUMNS": "40"})
    assert r.exit_code == 3
    want = "ERROR: no NER model for 'en' under /nowhere: run `attache models download en`"
    assert r.stderr.strip().splitlines() == [want]
    assert "Traceback" not in r.output


def test_help_ends_with_a_pasteable_example():
    r = CliRunner().invoke(_app(), ["eval", "--help"], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    last = [ln.strip() for ln in r.stdout.splitlines() if ln.strip()][-1]
    assert last == f"Example: {EXAMPLE}"
    words = shlex.split(EXAMPLE)
    assert words[:2] == ["attache", "eval"]
    assert all((REPO / w).exists() for w in words[2:]), "example paths are relative to the repository root"

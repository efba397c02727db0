"""NER, spans and model location (issue 3).

Why these tests: every span attache prints must slice the user's *original* text, although NER and
the patterns run over a normalized view (letters folded, diacritics dropped, Persian ZWNJ
repaired, hard-wrapped lines joined). The seeds are read from ``seeds/`` at test time; the other
sentences are written here. Model location must be predictable (``--models-dir`` beats
``ATTACHE_MODELS_DIR`` beats Stanza's official folder), and a missing model or a failed download
must end in one actionable line, never a traceback.

The Stanza pipelines are loaded once per test session (the ``ner`` fixture); the tests that need
them are skipped where no local models exist (``ATTACHE_MODELS_DIR`` or ``../shared/models``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from extractors.errors import ModelMissingError
from extractors.language import detect_language
from extractors.mentions import build_mentions, lexicons
from extractors.ner import NER, Entity, _entities, locate_model, map_label, require_models
from extractors.normalize import clitic_variants, fold
from extractors.pipeline import Extractor, InputDoc
from extractors.view import build_view

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def _local_models() -> str | None:
    env = os.environ.get("ATTACHE_MODELS_DIR")
    if env and (Path(env) / "resources.json").is_file():
        return env
    shared = REPO.parent / "shared" / "models"
    return str(shared) if (shared / "resources.json").is_file() else None


MODELS = _local_models()
needs_models = pytest.mark.skipif(MODELS is None,
                                  reason="no local NER models (ATTACHE_MODELS_DIR or ../shared/models)")

# Sentences written for these tests: a hard-wrapped line and CRLF line ends (en), Arabic diacritics
# (ar), Persian words that lost their ZWNJ (fa): the view differs from the original in all three.
WRITTEN = {
    "en": "Turkish Foreign Minister Hakan Fidan met his Azerbaijani\ncounterpart Jeyhun Bayramov in Baku "
          "on Monday.\r\nBayramov said: \"Our cooperation will grow.\"\r\n",
    "ar": "التقى الرئيسُ الأذربيجانيُّ إلهام علييف نظيرَه التركي رجب طيب أردوغان في أنقرة يوم الاثنين.\n"
          "وقال علييف إن العلاقات بين البلدين ممتازة.\n",
    "fa": "رئیسجمهوری آذربایجان الهام علیاف روز دوشنبه در باکو با رجب طیب اردوغان دیدار کرد.\n"
          "علیاف گفت همکاریها ادامه مییابد.\n",
}
# A name in each written text that NER or the records must find, as it stands in the original.
WRITTEN_NAME = {"en": "Jeyhun Bayramov", "ar": "إلهام علييف", "fa": "الهام علیاف"}


@pytest.fixture(scope="session")
def ner() -> NER:
    """One NER for the session: each language's Stanza pipeline is built once, on first use."""
    return NER(MODELS)


@pytest.fixture(scope="session")
def extractor(ner: NER) -> Extractor:
    ex = Extractor(models_dir=MODELS)
    ex.ner = ner  # share the pipelines loaded by the ``ner`` fixture
    return ex


def _texts() -> list[tuple[str, str, str]]:
    """(name, lang, original text) for every seed and every written sentence."""
    out = []
    for p in SEEDS:
        text = p.read_text(encoding="utf-8")
        out.append((p.name, detect_language(text)[0], text))
    out += [(f"written-{lang}", lang, text) for lang, text in WRITTEN.items()]
    return out


TEXTS = _texts()


def _squeeze(s: str) -> str:
    """Folded text without spaces: view and original agree on it up to ZWNJ and line joins."""
    return fold(s).replace(" ", "")


def _tagged(ner: NER, lang: str, text: str):
    view = build_view(text, lang)
    per_sentence = ner.tag(lang, [(view.text[s:e], s) for s, e in view.sentences])
    return view, [e for ents in per_sentence for e in ents]


def _spans(obj: Any, where: str = "") -> Iterator[tuple[str, list[int], str]]:
    """Every (field path, span, text) in a record: {"span", "text"} and {"span", "sentence"} pairs."""
    if isinstance(obj, dict):
        if isinstance(obj.get("span"), list):
            text = obj.get("text", obj.get("sentence"))
            yield where, obj["span"], text
        for k, v in obj.items():
            if k != "doc":
                yield from _spans(v, f"{where}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _spans(v, f"{where}[{i}]")


def _assert_tight_slice(original: str, span: list[int] | tuple[int, int], text: str | None,
                        what: str) -> None:
    start, end = span
    assert 0 <= start < end <= len(original), f"{what}: span {span} outside the text"
    assert original[start:end] == text, f"{what}: original[{start}:{end}]={original[start:end]!r} != {text!r}"
    assert not original[start].isspace() and not original[end - 1].isspace(), f"{what}: {text!r} not trimmed"


# -- spans ----------------------------------------------------------------------------------------


def test_the_texts_cover_all_languages_and_views_that_differ():
    langs = {lang for _, lang, _ in TEXTS}
    assert langs == {"ar", "fa", "en"}
    persian_seeds = [t for name, lang, t in TEXTS if lang == "fa" and not name.startswith("written")]
    assert persian_seeds, "the Persian seed is missing from seeds/"
    for text in persian_seeds:
        assert build_view(text, "fa").text != text  # its view repairs ZWNJ, so offsets must be mapped
    for lang, text in WRITTEN.items():
        assert build_view(text, lang).text != text


@needs_models
@pytest.mark.parametrize("name,lang,text", TEXTS, ids=[t[0] for t in TEXTS])
def test_entity_spans_slice_the_view_and_map_to_the_original(ner, name, lang, text):
    view, entities = _tagged(ner, lang, text)
    assert entities, f"{name}: no entities at all"
    for e in entities:
        assert view.text[e.start:e.end] == e.text
        start, end = view.orig_span(e.start, e.end)
        _assert_tight_slice(text, (start, end), text[start:end], f"{name} entity {e.text!r}")
        assert _squeeze(text[start:end]) == _squeeze(e.text), f"{name}: {e.text!r} -> {text[start:end]!r}"


@needs_models
@pytest.mark.parametrize("lang", sorted(WRITTEN))
def test_a_known_name_maps_to_its_exact_place_in_the_original(ner, extractor, lang):
    text, name = WRITTEN[lang], WRITTEN_NAME[lang]
    at = text.index(name)
    view, entities = _tagged(ner, lang, text)
    assert (at, at + len(name)) in [view.orig_span(e.start, e.end) for e in entities if e.type == "PER"]
    records = extractor.extract(InputDoc(id=f"written-{lang}", text=text, date="2024-03-04"))
    participants = [p for r in records if r["type"] == "meeting" for p in r["participants"]]
    assert [at, at + len(name)] in [p["span"] for p in participants]


@needs_models
@pytest.mark.parametrize("name,lang,text", TEXTS, ids=[t[0] for t in TEXTS])
def test_every_record_span_slices_the_original(extractor, name, lang, text):
    records = extractor.extract(InputDoc(id=name, text=text, date="2024-03-04"))
    assert records, f"{name}: no records"
    checked = 0
    for r in records:
        assert r["doc"]["lang"] == lang
        for where, span, field_text in _spans(r):
            if where == "" and r["type"] == "claim":  # the claim's text: whitespace made single spaces
                assert " ".join(text[span[0]:span[1]].split()) == field_text
                continue
            _assert_tight_slice(text, span, field_text, f"{name} {r['id']}{where}")
            checked += 1
    assert checked >= 2 * len(records)  # at least the evidence and one participant/speaker or claim text


@needs_models
def test_persian_record_text_is_the_original_not_the_repaired_view(extractor):
    text = WRITTEN["fa"]
    records = extractor.extract(InputDoc(id="fa", text=text, date="2024-03-04"))
    evidence = [r["evidence"]["sentence"] for r in records if r["type"] == "meeting"]
    # the view inserted ZWNJ into "رئیسجمهوری"; the record quotes the original, which has none
    assert evidence and all("\u200c" not in s for s in evidence)
    assert any("رئیسجمهوری" in s for s in evidence)


# -- batching ---------------------------------------------------------------------------------------


@needs_models
@pytest.mark.parametrize("lang", ["ar", "fa", "en"])
def test_tagging_two_documents_together_equals_one_at_a_time(ner, lang):
    seed = next(t for n, lg, t in TEXTS if lg == lang and not n.startswith("written"))
    views = [build_view(seed, lang), build_view(WRITTEN[lang], lang)]
    sents = [[(v.text[s:e], s) for s, e in v.sentences] for v in views]
    apart = ner.tag(lang, sents[0]) + ner.tag(lang, sents[1])
    together = ner.tag(lang, sents[0] + sents[1])
    assert together == apart
    assert any(together)


@needs_models
def test_blank_sentences_keep_their_place_in_a_batch(ner):
    got = ner.tag("en", [("Ilham Aliyev arrived.", 0), ("   ", 30), ("Hakan Fidan left.", 40)])
    assert len(got) == 3 and got[1] == []
    assert [(e.start, e.text) for e in got[2] if e.type == "PER"] == [(40, "Hakan Fidan")]


@needs_models
def test_extracting_a_batch_equals_extracting_one_at_a_time(extractor):
    docs = [InputDoc(id=f"d{i}", text=WRITTEN[lang], date="2024-03-04") for i, lang in enumerate(WRITTEN)]
    together = extractor.extract_many(docs)
    apart = [extractor.extract_many([d])[0] for d in docs]
    assert [r.records for r in together] == [r.records for r in apart]
    assert all(r.records for r in together)


# -- model location ---------------------------------------------------------------------------------


def _local(root: Path, *langs: str) -> Path:
    """A folder laid out like locally trained models (placeholder files: location only)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "resources.json").write_text("{}", encoding="utf-8")
    for lang in langs:
        (root / lang).mkdir(exist_ok=True)
        (root / lang / "ner.pt").write_bytes(b"")
        (root / lang / "pretrain.pt").write_bytes(b"")
    return root


def _official(root: Path, *langs: str) -> Path:
    """A folder laid out like Stanza's downloads: resources.json and <lang>/ner/*.pt."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "resources.json").write_text("{}", encoding="utf-8")
    for lang in langs:
        (root / lang / "ner").mkdir(parents=True)
        (root / lang / "ner" / "model.pt").write_bytes(b"")
    return root


@pytest.fixture
def places(tmp_path, monkeypatch):
    explicit = _local(tmp_path / "explicit", "en")
    env = _local(tmp_path / "env", "en", "ar")
    official = _official(tmp_path / "official", "en", "ar", "fa")
    monkeypatch.setenv("ATTACHE_MODELS_DIR", str(env))
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(official))
    return SimpleNamespace(explicit=explicit, env=env, official=official)


def test_models_dir_option_beats_the_environment_and_the_official_folder(places):
    loc = locate_model("en", places.explicit)
    assert (loc.kind, loc.path) == ("local", str(places.explicit))


def test_environment_beats_the_official_folder(places):
    loc = locate_model("ar")
    assert (loc.kind, loc.path) == ("local", str(places.env))


def test_official_folder_serves_when_no_local_folder_is_set(places, monkeypatch, tmp_path):
    monkeypatch.delenv("ATTACHE_MODELS_DIR")
    # a checkout where `make models` linked local models into the environment must not serve them here
    monkeypatch.setattr("extractors.ner.installed_models_dir", lambda: tmp_path / "no-installed-models")
    loc = locate_model("en")
    assert (loc.kind, loc.path) == ("official", str(places.official))


def test_an_explicit_folder_lacking_a_language_is_missing_even_with_official_models(places):
    loc = locate_model("fa", places.explicit)
    assert loc.kind == "missing"
    assert str(places.explicit) in loc.detail and "fa" in loc.detail
    with pytest.raises(ModelMissingError, match=r"attache models download fa") as err:
        require_models(["en", "fa"], places.explicit)
    assert err.value.exit_code == 3 and "--models-dir" in str(err.value)


def test_the_environment_folder_lacking_a_language_falls_back_to_official(places):
    assert locate_model("fa").kind == "official"


def test_a_model_without_its_pretrain_file_is_not_a_model(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "nowhere"))
    d = _local(tmp_path / "half", "en")
    (d / "en" / "pretrain.pt").unlink()
    assert locate_model("en", d).kind == "missing"


def test_nothing_anywhere_is_missing_and_says_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.delenv("ATTACHE_MODELS_DIR", raising=False)
    monkeypatch.setattr("extractors.ner.installed_models_dir", lambda: tmp_path / "no-installed-models")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "empty"))
    loc = locate_model("ar")
    assert loc.kind == "missing" and str(tmp_path / "empty") in loc.detail
    require_models([])  # nothing needed, nothing missing


# -- the command line ---------------------------------------------------------------------------------


def _attache(args: list[str], tmp_path: Path, timeout: float = 120,
             **env: str) -> subprocess.CompletedProcess:
    """Run the real entry point in a clean environment (no local models unless given)."""
    base = {k: v for k, v in os.environ.items()
            if k not in ("ATTACHE_MODELS_DIR", "NO_PROXY", "no_proxy") and not k.lower().endswith("_proxy")}
    base["STANZA_RESOURCES_DIR"] = str(tmp_path / "no-official-models")
    base.update(env)
    code = "import sys; from cli.main import main; sys.argv[0] = 'attache'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=base,
                          cwd=REPO, timeout=timeout)


def test_models_list_names_each_language_its_kind_and_source(tmp_path):
    models = _local(tmp_path / "models", "ar", "fa", "en")
    r = _attache(["models", "list", "--models-dir", str(models)], tmp_path)
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    assert [row[:2] for row in rows] == [["ar", "local"], ["fa", "local"], ["en", "local"]]
    assert all(str(models) in row[2] for row in rows)


def test_models_list_reports_missing_languages_with_exit_3(tmp_path):
    models = _local(tmp_path / "models", "en")
    r = _attache(["models", "list"], tmp_path, ATTACHE_MODELS_DIR=str(models))
    assert r.returncode == 3
    kinds = dict(line.split("\t")[:2] for line in r.stdout.splitlines())
    assert kinds == {"ar": "missing", "fa": "missing", "en": "local"}


def test_a_needed_language_without_a_model_exits_3_with_one_line_naming_the_fix(tmp_path):
    models = _local(tmp_path / "models", "en")
    article = tmp_path / "article.txt"
    article.write_text(WRITTEN["ar"], encoding="utf-8")
    r = _attache(["extract", str(article), "--models-dir", str(models), "--format", "jsonl"], tmp_path)
    assert r.returncode == 3
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "attache models download ar" in lines[0] and "--models-dir" in lines[0]
    assert "Traceback" not in r.stderr


def test_models_download_without_network_fails_with_one_line(tmp_path):
    # a dead proxy makes "no network" certain and immediate, also on machines that have internet
    dead = "http://127.0.0.1:9"
    target = tmp_path / "stanza"
    r = _attache(["models", "download", "en", "--dir", str(target)], tmp_path,
                 HTTPS_PROXY=dead, HTTP_PROXY=dead, https_proxy=dead, http_proxy=dead, ALL_PROXY=dead)
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("ERROR: download failed") and "--models-dir" in lines[0]
    assert "Traceback" not in r.stderr
    assert not list(target.rglob("*.pt"))


# -- labels -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("label,expected", [
    # Stanza's English OntoNotes model
    ("PERSON", "PER"), ("GPE", "LOC"), ("NORP", "MISC"), ("ORG", "ORG"), ("FAC", "LOC"), ("LOC", "LOC"),
    ("EVENT", "MISC"), ("DATE", None), ("CARDINAL", None), ("MONEY", None),
    # Persian (Arman) and Arabic (AQMAR) models, the local CoNLL-style ones, case-insensitively
    ("PERS", "PER"), ("B-PERS", "PER"), ("pers", "PER"), ("PRO", "MISC"), ("PER", "PER"), ("MISC", "MISC"),
    ("O", None), ("", None),
])
def test_official_label_sets_map_to_attache_types(label, expected):
    assert map_label(label) == expected


def _sentence(tagged: list[tuple[str, str]]) -> tuple[SimpleNamespace, str]:
    """A stand-in for a Stanza sentence: tokens with text offsets (one space apart) and NER tags."""
    tokens, pos = [], 0
    for word, tag in tagged:
        tokens.append(SimpleNamespace(start_char=pos, end_char=pos + len(word), ner=tag))
        pos += len(word) + 1
    return SimpleNamespace(tokens=tokens), " ".join(w for w, _ in tagged)


def test_bioes_tags_of_official_models_become_typed_entities():
    sent, text = _sentence([("Ilham", "B-PERSON"), ("Aliyev", "E-PERSON"), ("visited", "O"),
                            ("Ankara", "S-GPE"), ("with", "O"), ("Azerbaijani", "S-NORP"), ("ministers", "O"),
                            ("on", "O"), ("Monday", "S-DATE")])
    got = [(e.type, e.text) for e in _entities(sent, text, base=100, shift=100)]
    assert got == [("PER", "Ilham Aliyev"), ("LOC", "Ankara"), ("MISC", "Azerbaijani")]
    assert _entities(sent, text, base=100, shift=100)[0] == Entity(100, 112, "PER", "Ilham Aliyev")


def test_bio_tags_split_where_the_type_changes():
    sent, text = _sentence([("Hassan", "B-PERS"), ("Rouhani", "I-PERS"), ("Tehran", "I-LOC"), ("said", "O"),
                            ("Baku", "B-LOC"), ("Tbilisi", "B-LOC")])
    got = [(e.type, e.text) for e in _entities(sent, text, base=0, shift=0)]
    assert got == [("PER", "Hassan Rouhani"), ("LOC", "Tehran"), ("LOC", "Baku"), ("LOC", "Tbilisi")]


def test_a_hyphenated_name_split_by_the_tokenizer_is_one_entity():
    """"Anne-Marie Lindqvist": the hyphen is its own token tagged O; the two halves are one name."""
    text = "Anne-Marie Lindqvist met Oslo-Bergen"
    tags = ["S-PERSON", "O", "B-PERSON", "E-PERSON", "O", "S-GPE", "O", "S-PERSON"]
    words = ["Anne", "-", "Marie", "Lindqvist", "met", "Oslo", "-", "Bergen"]
    tokens, pos = [], 0
    for word, tag in zip(words, tags, strict=True):
        pos = text.index(word, pos)
        tokens.append(SimpleNamespace(start_char=pos, end_char=pos + len(word), ner=tag))
        pos += len(word)
    got = [(e.type, e.text) for e in _entities(SimpleNamespace(tokens=tokens), text, base=0, shift=0)]
    # the types differ across the second hyphen: no join
    assert got == [("PER", "Anne-Marie Lindqvist"), ("LOC", "Oslo"), ("PER", "Bergen")]
    sent, spaced = _sentence([("Anne", "S-PERSON"), ("-", "O"), ("Marie", "B-PERSON"), ("Lindqvist", "E-PERSON")])
    assert [e.text for e in _entities(sent, spaced, base=0, shift=0)] == ["Anne", "Marie Lindqvist"]


# -- Arabic clitics -------------------------------------------------------------------------------------

CLITICS = ["و", "ف", "ب", "ل", "ك", "وب"]


def _mentions(text: str, entities: list[Entity] | None = None):
    view = build_view(text, "ar")
    return view, build_mentions(view, entities or [], date(2024, 3, 4), lexicons("ar"))


@pytest.mark.parametrize("clitic", CLITICS)
def test_a_clitic_does_not_hide_a_place_from_the_patterns(clitic):
    text = f"وصل الوفد الإيراني صباح اليوم {clitic}باكو لإجراء محادثات."
    view, mentions = _mentions(text)
    places = [m for m in mentions if m.kind == "place"]
    got = [(m.place.country, text[slice(*view.orig_span(m.start, m.end))]) for m in places]
    assert got == [("AZ", "باكو")]


@pytest.mark.parametrize("clitic", CLITICS[:5])
def test_a_clitic_does_not_hide_a_person_from_the_patterns(clitic):
    text = f"واجتمع وزير الخارجية {clitic}إلهام علييف في العاصمة."
    view, mentions = _mentions(text)
    people = [m for m in mentions if m.kind == "person" and m.actor is not None]
    assert [(m.actor.id, text[slice(*view.orig_span(m.start, m.end))]) for m in people] == [
        ("az-ilham-aliyev", "إلهام علييف")]


def test_a_clitic_on_a_name_found_only_by_ner_is_left_out_of_the_person():
    text = "وقال وروحاني في مؤتمر صحفي إن المحادثات كانت مثمرة."
    start = text.index("وروحاني")
    view, mentions = _mentions(text, [Entity(start, start + len("وروحاني"), "PER", "وروحاني")])
    people = [m for m in mentions if m.kind == "person"]
    assert [text[slice(*view.orig_span(m.start, m.end))] for m in people] == ["روحاني"]


def test_clitic_readings_include_the_bare_name():
    assert fold("باكو") in clitic_variants(fold("وبباكو"))
    assert fold("روحاني") in clitic_variants(fold("وروحاني"))

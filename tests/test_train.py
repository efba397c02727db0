"""Tests of ``attache models train`` (extractors/train.py, cli/models_train.py).

The converters and scorer are tested on tiny inline fixtures written for these tests. The training
test trains a real (tiny) Stanza model with Stanza's own trainer on a few hundred English sentences
read at test time from ../shared/corpora (never copied into the repository) and checks that the
held-out F1 beats two trivial baselines, so a broken recipe (wrong tags, pretrain mismatch, scheme
mix-up) fails loudly instead of producing a model that merely loads.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli.models_train import train_command
from extractors import train as tr

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "en"


# ---------------------------------------------------------------------------------------------
# Tag schemes
# ---------------------------------------------------------------------------------------------


def test_to_bio_converts_iob1() -> None:
    # IOB1: I- opens an entity; B- only separates two adjacent entities of the same type.
    iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "I-MISC"]
    assert tr.to_bio(iob1) == ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG", "B-MISC"]


def test_to_bio_converts_bioes_and_keeps_bio() -> None:
    assert tr.to_bio(["S-PER", "B-ORG", "I-ORG", "E-ORG", "O", "S-LOC", "S-LOC"]) == [
        "B-PER", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "B-LOC"]
    bio = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"]
    assert tr.to_bio(bio) == bio


_tags = st.lists(
    st.one_of(st.just("O"), st.builds(lambda p, t: f"{p}-{t}", st.sampled_from("BIES"),
                                      st.sampled_from(["PER", "LOC"]))),
    max_size=12)


@given(_tags)
def test_to_bio_is_valid_idempotent_and_keeps_spans(tags: list[str]) -> None:
    bio = tr.to_bio(tags)
    assert len(bio) == len(tags)
    for i, tag in enumerate(bio):
        assert tag == "O" or tag[0] in "BI"
        if tag.startswith("I-"):
            assert i > 0 and bio[i - 1] != "O" and bio[i - 1][2:] == tag[2:]
    assert tr.to_bio(bio) == bio
    assert tr.bio_spans(bio) == tr.bio_spans(tags)


def test_bio_spans_decodes_bioes_like_bio() -> None:
    assert tr.bio_spans(["B-PER", "E-PER", "O", "S-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}
    assert tr.bio_spans(["B-PER", "I-PER", "O", "B-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}
    # a type change inside a run starts a new entity
    assert tr.bio_spans(["B-PER", "I-LOC"]) == {(0, 1, "PER"), (1, 2, "LOC")}


# ---------------------------------------------------------------------------------------------
# Readers
# ---------------------------------------------------------------------------------------------

CONLL_IOB1 = """-DOCSTART- -X- -X- O

Ottawa NNP I-NP I-LOC
hosts VBZ I-VP O
Jane NNP I-NP I-PER
Roe NNP I-NP I-PER
. . O O

Tuvalu NNP I-NP I-LOC
Nauru NNP I-NP B-LOC
"""


def test_parse_conll_reads_columns_and_drops_docstart() -> None:
    sents = tr.parse_conll(CONLL_IOB1, "x.conll")
    assert [len(s) for s in sents] == [5, 2]
    assert sents[0][0] == ("Ottawa", "I-LOC")  # tags as written; read_sentences converts
    assert sents[1] == [("Tuvalu", "I-LOC"), ("Nauru", "B-LOC")]


def test_parse_conll_tabs_keep_spaces_and_comments_are_skipped() -> None:
    text = "# sent_id = 1\nNew York\tB-LOC\n#\tO\nvisit\tO\n"
    assert tr.parse_conll(text) == [[("New York", "B-LOC"), ("#", "O"), ("visit", "O")]]


def test_parse_conll_rejects_bad_lines_with_line_number() -> None:
    with pytest.raises(tr.TrainError, match=r"line 2: tag 'PERSON'"):
        tr.parse_conll("a O\nb PERSON\n")
    with pytest.raises(tr.TrainError, match=r"line 1: expected a token and a tag"):
        tr.parse_conll("lonely\n")


def test_parse_json_validates_structure() -> None:
    good = json.dumps([[{"text": "Oslo", "ner": "S-LOC"}], []])
    assert tr.parse_json(good) == [[("Oslo", "S-LOC")]]  # empty sentences dropped
    with pytest.raises(tr.TrainError, match="list of sentences"):
        tr.parse_json('{"text": "x"}')
    with pytest.raises(tr.TrainError, match="'text' and 'ner'"):
        tr.parse_json('[[{"text": "x"}]]')
    with pytest.raises(tr.TrainError, match="empty"):
        tr.parse_json('[[{"text": " ", "ner": "O"}]]')
    with pytest.raises(tr.TrainError, match="not valid JSON"):
        tr.parse_json("[[")


def test_read_sentences_detects_format_and_converts(tmp_path: Path) -> None:
    conll = tmp_path / "train.conll"
    conll.write_text(CONLL_IOB1, encoding="utf-8")
    sents = tr.read_sentences(conll)
    assert [t for _, t in sents[0]] == ["B-LOC", "O", "B-PER", "I-PER", "O"]
    assert [t for _, t in sents[1]] == ["B-LOC", "B-LOC"]
    # JSON content under a non-JSON extension is still recognised; a BOM is tolerated
    txt = tmp_path / "dev.txt"
    sent = [{"text": "Jane", "ner": "B-PER"}, {"text": "Roe", "ner": "E-PER"}]
    txt.write_text("\ufeff" + json.dumps([sent]), encoding="utf-8")
    assert tr.read_sentences(txt) == [[("Jane", "B-PER"), ("Roe", "I-PER")]]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [(b"a O\n", "missing.conll", "no such file"),
     (b"\n\n", "empty.conll", "no sentences"),
     (b"x\xff O\n", "latin.conll", "not UTF-8"),
     (b"a O\n", "bad.json", "not valid JSON")],
)
def test_read_sentences_errors_are_one_line(tmp_path: Path, content: bytes, name: str, message: str) -> None:
    path = tmp_path / name
    if name != "missing.conll":
        path.write_bytes(content)
    with pytest.raises(tr.TrainError, match=message) as info:
        tr.read_sentences(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_write_stanza_json_round_trips(tmp_path: Path) -> None:
    sents = [[("Baku", "B-LOC"), ("talks", "O")]]
    tr.write_stanza_json(sents, tmp_path / "x.json")
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8")) == [
        [{"text": "Baku", "ner": "B-LOC"}, {"text": "talks", "ner": "O"}]]
    assert tr.read_sentences(tmp_path / "x.json") == sents


# ---------------------------------------------------------------------------------------------
# Scoring, resources, pretrain
# ---------------------------------------------------------------------------------------------


def test_entity_prf_counts_exact_span_and_type() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "E-PER", "O", "S-ORG"], ["O", "O"]]  # one right, one wrong type, one missed
    r = tr.entity_prf(gold, pred)
    assert (r["gold"], r["pred"], r["correct"]) == (3, 2, 1)
    assert r["precision"] == pytest.approx(0.5)
    assert r["recall"] == pytest.approx(1 / 3)
    assert r["f1"] == pytest.approx(0.4)
    assert r["per_type"]["PER"]["f1"] == 1.0 and r["per_type"]["LOC"]["recall"] == 0.0
    assert tr.entity_prf([["O"]], [["O"]])["f1"] == 0.0
    with pytest.raises(ValueError):
        tr.entity_prf(gold, pred[:1])


def test_merge_resources_keeps_other_languages(tmp_path: Path) -> None:
    (tmp_path / "resources.json").write_text('{"fa": {"note": 1}}', encoding="utf-8")
    tr.merge_resources(tmp_path, "en")
    tr.merge_resources(tmp_path, "en")
    assert json.loads((tmp_path / "resources.json").read_text()) == {"en": {}, "fa": {"note": 1}}
    (tmp_path / "resources.json").write_text("[]", encoding="utf-8")
    with pytest.raises(tr.TrainError, match="not a JSON object"):
        tr.merge_resources(tmp_path, "en")


def test_build_pretrain_from_vectors_file(tmp_path: Path) -> None:
    vec = tmp_path / "v.txt"
    vec.write_text("3 2\nparis 1 0\nbaku 0 1\nnew york 0.5 0.5\n", encoding="utf-8")
    info = tr.build_pretrain(tmp_path / "out" / "pretrain.pt", vectors=vec)
    assert info["dim"] == 2 and info["source"] == "vectors"
    assert info["vocab"] == 3 + 4  # plus Stanza's <PAD> <UNK> <EMPTY> <ROOT>
    # a Stanza pretrain file is accepted as is
    again = tr.build_pretrain(tmp_path / "copy.pt", vectors=tmp_path / "out" / "pretrain.pt")
    assert again["vocab"] == 7 and again["source"] == "pretrain"
    with pytest.raises(tr.TrainError, match="no such vectors file"):
        tr.build_pretrain(tmp_path / "x.pt", vectors=tmp_path / "nope.vec")


def test_build_pretrain_word2vec_is_lowercased_and_reproducible(tmp_path: Path) -> None:
    import torch
    from stanza.models.common.pretrain import Pretrain

    sents = [["The", "envoy", "met", "the", "Minister", "in", "Baku"]] * 3 + [["rare", "the"]]
    a = tr.build_pretrain(tmp_path / "a.pt", sentences=sents)
    b = tr.build_pretrain(tmp_path / "b.pt", sentences=sents)
    assert a["source"] == "word2vec" and a["dim"] == 100
    pa, pb = Pretrain(str(tmp_path / "a.pt")), Pretrain(str(tmp_path / "b.pt"))
    words = set(pa.vocab._id2unit)
    assert {"the", "minister", "baku"} <= words
    assert "Minister" not in words and "rare" not in words  # lower-cased; min_count 2
    assert torch.equal(pa.emb, pb.emb)  # seed 1 means the same vectors every run
    assert b["vocab"] == a["vocab"]


def test_train_ner_checks_arguments_before_training(tmp_path: Path) -> None:
    data = tmp_path / "d.json"
    data.write_text(json.dumps([[{"text": "hello", "ner": "O"}]]), encoding="utf-8")
    with pytest.raises(tr.TrainError, match="language code"):
        tr.train_ner("english", data, data, tmp_path / "m")
    with pytest.raises(tr.TrainError, match="max-steps"):
        tr.train_ner("en", data, data, tmp_path / "m", max_steps=0)
    with pytest.raises(tr.TrainError, match="one or the other"):
        tr.train_ner("en", data, data, tmp_path / "m", vectors=data, vector_texts=[data])
    with pytest.raises(tr.TrainError, match="no entity tags"):
        tr.train_ner("en", data, data, tmp_path / "m")
    assert not (tmp_path / "m").exists()


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command()(train_command)
    return app


def test_cli_reports_errors_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(_cli(), [
        "--lang", "en", "--train", str(tmp_path / "none.json"), "--dev", str(tmp_path / "none.json"),
        "--out", str(tmp_path / "m")])
    assert result.exit_code == 1
    out = result.output.strip()
    assert out.startswith("error:") and "no such file" in out and len(out.splitlines()) == 1


def test_cli_help_ends_with_example() -> None:
    result = CliRunner().invoke(_cli(), ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Example: attache models train --lang en" in result.output
    for opt in ("--max-steps", "--eval-interval", "--vectors", "--test", "--batch-size"):
        assert opt in result.output


# ---------------------------------------------------------------------------------------------
# Training a tiny model
# ---------------------------------------------------------------------------------------------


def _sample(split: str, n: int, seed: int) -> list[tr.Sentence]:
    sents = tr.read_sentences(CORPUS / f"{split}.json")
    random.Random(seed).shuffle(sents)
    return [s for s in sents if len(s) > 3][:n]


def _write_iob1_columns(sents: list[tr.Sentence], path: Path) -> None:
    """Write BIO sentences back as CoNLL-2003 style IOB1 columns, to exercise the converter end to end."""
    lines = ["-DOCSTART- -X- O", ""]
    for s in sents:
        prev = "O"
        for tok, tag in s:
            iob1 = tag
            if tag.startswith("B-") and prev[2:] != tag[2:]:
                iob1 = "I-" + tag[2:]
            lines.append(f"{tok}\t_\t{iob1}")
            prev = tag
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _baseline_capitalised(train: list[tr.Sentence], test: list[tr.Sentence]) -> list[list[str]]:
    """Every run of capitalised tokens is one entity of the most frequent type."""
    etype = Counter(t[2:] for s in train for _, t in s if t.startswith("B-")).most_common(1)[0][0]
    out = []
    for s in test:
        tags, prev = [], False
        for tok, _ in s:
            cap = tok[:1].isupper()
            tags.append(("I-" if prev else "B-") + etype if cap else "O")
            prev = cap
        out.append(tags)
    return out


def _baseline_memorised(train: list[tr.Sentence], test: list[tr.Sentence]) -> list[list[str]]:
    """Longest match of entity strings seen in training, tagged with their most frequent type."""
    lexicon: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for s in train:
        toks = [t for t, _ in s]
        for a, b, etype in tr.bio_spans([g for _, g in s]):
            lexicon[tuple(toks[a:b])][etype] += 1
    longest = max(map(len, lexicon))
    out = []
    for s in test:
        toks = [t for t, _ in s]
        tags, i = ["O"] * len(toks), 0
        while i < len(toks):
            for n in range(min(longest, len(toks) - i), 0, -1):
                key = tuple(toks[i:i + n])
                if key in lexicon:
                    etype = lexicon[key].most_common(1)[0][0]
                    tags[i:i + n] = ["B-" + etype] + ["I-" + etype] * (n - 1)
                    i += n
                    break
            else:
                i += 1
        out.append(tags)
    return out


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not (CORPUS / "train.json").is_file():
        pytest.skip(f"{CORPUS} not available")
    d = tmp_path_factory.mktemp("tiny")
    train, dev, test = _sample("train", 300, 7), _sample("dev", 150, 7), _sample("test", 300, 7)
    _write_iob1_columns(train, d / "train.conll")
    tr.write_stanza_json(dev, d / "dev.json")
    tr.write_stanza_json(test, d / "test.json")
    out = d / "models"
    out.mkdir()
    (out / "resources.json").write_text('{"xx": {}}', encoding="utf-8")
    started = time.monotonic()
    result = tr.train_ner("en", d / "train.conll", d / "dev.json", out, test=d / "test.json",
                          max_steps=200, eval_interval=50)
    return {"result": result, "out": out, "train": train, "test": test,
            "seconds": time.monotonic() - started}


def test_tiny_model_layout(tiny: dict) -> None:
    out: Path = tiny["out"]
    assert (out / "en" / "ner.pt").is_file() and (out / "en" / "pretrain.pt").is_file()
    assert json.loads((out / "resources.json").read_text()) == {"en": {}, "xx": {}}
    assert not [p for p in out.iterdir() if p.name.startswith(".en-train-")]  # staging removed
    r = tiny["result"]
    assert r["model"] == str(out / "en" / "ner.pt") and r["train_sentences"] == 300
    assert r["vectors"]["source"] == "word2vec" and r["vectors"]["dim"] == 100
    assert r["steps"] == 200 and r["best_dev_step"] in (50, 100, 150, 200)
    assert "dev_score" in (out / "en" / "train.log").read_text(encoding="utf-8")


def test_tiny_model_beats_trivial_baselines(tiny: dict) -> None:
    r, train, test = tiny["result"], tiny["train"], tiny["test"]
    gold = [[t for _, t in s] for s in test]
    cap = tr.entity_prf(gold, _baseline_capitalised(train, test))["f1"]
    mem = tr.entity_prf(gold, _baseline_memorised(train, test))["f1"]
    print(f"tiny model: test F1 {r['test']['f1']:.3f} dev F1 {r['dev']['f1']:.3f}; baselines: "
          f"capitalised {cap:.3f}, memorised {mem:.3f}; train+eval {tiny['seconds']:.0f} s")
    assert r["test"]["sentences"] == 300 and r["test"]["gold"] > 300
    assert r["test"]["f1"] > max(cap, mem) + 0.05
    assert r["dev"]["f1"] > 0.3


def test_installed_files_are_the_scored_pair(tiny: dict) -> None:
    # Reload through the documented offline pipeline call: the installed ner.pt + pretrain.pt must
    # reproduce the reported test score exactly (a mismatched pretrain would silently degrade it).
    out: Path = tiny["out"]
    nlp = tr.load_pipeline("en", out / "en", out / "resources.json", use_gpu=False)
    again = tr.evaluate_model(nlp, tiny["test"])
    assert again["f1"] == pytest.approx(tiny["result"]["test"]["f1"])
    assert again["pred"] == tiny["result"]["test"]["pred"]

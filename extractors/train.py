"""Training a Stanza NER model for attache (``attache models train``).

Stanza's official models cannot be downloaded everywhere attache runs, so the project ships models
trained with Stanza's *own* trainer (``stanza.models.ner_tagger``). This module is the recipe that
produced ``../shared/models`` (see its README), made repeatable:

1. read the training data, in Stanza JSON (a list of sentences, each a list of ``{"text", "ner"}``)
   or CoNLL/BIO column files, and normalise every tag sequence to BIO (IOB1 and BIOES included),
   because the Stanza trainer expects one consistent scheme and CoNLL-2003 ships IOB1;
2. build the word-vector ``pretrain.pt`` the tagger needs: from a given vectors file, or by training
   gensim word2vec (100 dims, skip-gram, window 5, min_count 2, 10 epochs, seed 1) on the
   lower-cased text, converted with ``Pretrain(pt, vec, max_vocab=-1)``;
3. run ``python -m stanza.models.ner_tagger`` in a *subprocess*, so its argparse, global logging
   configuration and random seeds cannot leak into the caller;
4. score the saved model by running it through a real ``stanza.Pipeline`` (pretokenized, the path
   attache uses at run time) on the gold tokens, with entity-level exact-match P/R/F1 computed
   here rather than trusting the trainer's own log line;
5. install ``<out>/<lang>/ner.pt`` + ``<out>/<lang>/pretrain.pt`` together and merge
   ``{"<lang>": {}}`` into ``<out>/resources.json`` so Stanza loads the model with no network.

The model is trained in a staging folder and moved into place only after it trained and scored,
so a failed run never leaves a ``ner.pt`` beside a ``pretrain.pt`` it was not trained with (such a
pair loads silently and tags nonsense).

torch, stanza and gensim are imported inside the functions that need them: importing this module
must stay cheap because the CLI imports it for ``--help``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from extractors.errors import AttacheError

Sentence = list[tuple[str, str]]
"""One sentence of training data: (token, tag) pairs."""

TAG_RE = re.compile(r"^(?:O|[BIES]-\S+)$")
LANG_RE = re.compile(r"^[a-z]{2,3}$")
JSON_SUFFIXES = {".json"}

# The recipe of ../shared/models/README.md, as defaults.
DEFAULT_MAX_STEPS = 6000
DEFAULT_EVAL_INTERVAL = 250
DEFAULT_BATCH_SIZE = 32
DEFAULT_SEED = 1234  # Stanza's own default, which the shipped models were trained with
W2V_SETTINGS: dict[str, int] = {"dim": 100, "window": 5, "min_count": 2, "epochs": 10, "seed": 1}


class TrainError(AttacheError):
    """Training cannot proceed or failed; ``str(err)`` is one line fit for a user."""


# ---------------------------------------------------------------------------------------------
# Reading and converting training data
# ---------------------------------------------------------------------------------------------


def to_bio(tags: Sequence[str]) -> list[str]:
    """Rewrite one sentence's tags as BIO.

    Why a single function for every scheme: IOB1 (CoNLL-2003: ``I-`` opens an entity, ``B-`` only
    separates two adjacent entities of one type), BIO and BIOES all agree that an entity starts at
    ``B-``/``S-``, and differ only in whether an ``I-`` after ``O`` or after another type opens one.
    Reading ``S-`` as ``B-``, ``E-`` as ``I-`` and promoting an ``I-X`` that does not continue an
    ``X`` to ``B-X`` therefore converts all three, and leaves valid BIO unchanged.
    """
    out: list[str] = []
    prev_type: str | None = None
    for tag in tags:
        if tag == "O":
            out.append(tag)
            prev_type = None
            continue
        prefix, etype = tag[0], tag[2:]
        if prefix == "S":
            prefix = "B"
        elif prefix == "E":
            prefix = "I"
        if prefix == "I" and prev_type != etype:
            prefix = "B"
        out.append(f"{prefix}-{etype}")
        prev_type = etype
    return out


def bio_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end_exclusive, type)`` of one tag sequence in BIO, IOB1 or BIOES.

    Tags are first passed through :func:`to_bio`, so a stray ``I-``/``E-`` counts as the start of
    an entity (the conlleval convention), and Stanza's BIOES output decodes the same way as gold BIO.
    """
    spans: set[tuple[int, int, str]] = set()
    start: int | None = None
    etype = ""
    for i, tag in enumerate([*to_bio(tags), "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == etype):
            spans.add((start, i, etype))
            start = None
        if tag.startswith("B-"):
            start, etype = i, tag[2:]
    return spans


def _check_tag(tag: str, where: str) -> None:
    if not TAG_RE.match(tag):
        raise TrainError(f"{where}: tag {tag!r} is not O or B-/I-/E-/S-TYPE")


def _check_token(token: object, where: str) -> str:
    if not isinstance(token, str) or not token.strip() or "\n" in token:
        raise TrainError(f"{where}: token {token!r} is empty or not a single-line string")
    return token


def parse_json(text: str, name: str = "<json>") -> list[Sentence]:
    """Parse Stanza NER JSON: a list of sentences, each a list of ``{"text": token, "ner": tag}``.

    Tags are returned as written; :func:`read_sentences` converts them to BIO.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise TrainError(f"{name}: not valid JSON ({err.msg} at line {err.lineno})") from None
    if not isinstance(data, list):
        raise TrainError(f"{name}: expected a JSON list of sentences")
    sentences: list[Sentence] = []
    for si, sent in enumerate(data):
        where = f"{name}: sentence {si + 1}"
        if not isinstance(sent, list):
            raise TrainError(f"{where}: expected a list of tokens")
        pairs: Sentence = []
        for word in sent:
            if not isinstance(word, dict) or "text" not in word or "ner" not in word:
                raise TrainError(f"{where}: each token must be an object with 'text' and 'ner'")
            token = _check_token(word["text"], where)
            tag = word["ner"]
            if not isinstance(tag, str):
                raise TrainError(f"{where}: tag {tag!r} is not a string")
            _check_tag(tag, where)
            pairs.append((token, tag))
        if pairs:
            sentences.append(pairs)
    return sentences


def parse_conll(text: str, name: str = "<conll>") -> list[Sentence]:
    """Parse a CoNLL/BIO column file: token in the first column, tag in the last one.

    Columns are split on tabs when the line has any (so tokens may hold spaces), else on runs of
    whitespace; a blank line ends a sentence and ``-DOCSTART-`` lines are dropped (CoNLL-2003
    document separators, which are not sentences). A line that starts with ``#`` and does not end
    in a valid tag is a comment (CoNLL-U style); a token ``#`` tagged ``O`` is still a token.
    """
    sentences: list[Sentence] = []
    current: Sentence = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip("\r\n")
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        cols = [c.strip() for c in cols]
        if cols[0] == "-DOCSTART-":
            continue
        where = f"{name}: line {lineno}"
        if len(cols) < 2:
            if line.lstrip().startswith("#"):
                continue
            raise TrainError(f"{where}: expected a token and a tag, found one column")
        if line.lstrip().startswith("#") and not TAG_RE.match(cols[-1]):
            continue
        _check_tag(cols[-1], where)
        current.append((_check_token(cols[0], where), cols[-1]))
    if current:
        sentences.append(current)
    return sentences


def detect_format(path: Path, text: str) -> str:
    """Return ``"json"`` or ``"conll"``: by extension first, then by content (JSON starts with ``[``)."""
    if path.suffix.lower() in JSON_SUFFIXES:
        return "json"
    return "json" if text.lstrip().startswith("[") else "conll"


def read_sentences(path: str | Path) -> list[Sentence]:
    """Read a training/evaluation file in any accepted format and return BIO-tagged sentences."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise TrainError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise TrainError(f"{p}: is a directory, expected a file") from None
    except OSError as err:
        raise TrainError(f"{p}: cannot read ({err.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TrainError(f"{p}: not UTF-8 text") from None
    fmt = detect_format(p, text)
    sentences = parse_json(text, str(p)) if fmt == "json" else parse_conll(text, str(p))
    if not sentences:
        raise TrainError(f"{p}: no sentences found")
    return [list(zip([t for t, _ in s], to_bio([g for _, g in s]), strict=True)) for s in sentences]


def write_stanza_json(sentences: Iterable[Sentence], path: str | Path) -> None:
    """Write sentences in the JSON layout ``stanza.models.ner_tagger`` reads."""
    data = [[{"text": tok, "ner": tag} for tok, tag in sent] for sent in sentences]
    Path(path).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Word vectors
# ---------------------------------------------------------------------------------------------


def _stable_hash(s: str) -> int:
    """Seed hash for gensim's initial vectors.

    gensim defaults to Python's ``hash``, which is salted per process, so the same seed would
    give different vectors from run to run; CRC32 keeps ``seed=1`` meaningful across runs.
    """
    return zlib.crc32(s.encode("utf-8"))


def train_word2vec(
    sentences: Iterable[Sequence[str]],
    vec_path: str | Path,
    dim: int = 100,
    window: int = 5,
    min_count: int = 2,
    epochs: int = 10,
    seed: int = 1,
    workers: int = 1,
) -> int:
    """Train skip-gram word2vec on lower-cased tokens and write it in word2vec text format.

    Lower-cased because Stanza's NER lower-cases words before looking them up in the pretrain.
    One worker by default: gensim is only reproducible for a fixed seed with a single thread.
    Returns the vocabulary size.
    """
    try:
        from gensim.models import Word2Vec
    except ImportError:
        raise TrainError("gensim is needed to train word vectors: install it, or pass --vectors") from None
    corpus = [[tok.lower() for tok in sent] for sent in sentences]
    corpus = [s for s in corpus if s]
    model = Word2Vec(
        sentences=corpus, vector_size=dim, sg=1, window=window, min_count=min_count, epochs=epochs,
        seed=seed, workers=workers, hashfxn=_stable_hash,
    )
    if len(model.wv) == 0:
        raise TrainError(f"word2vec: no word occurs {min_count} times; give more text or pass --vectors")
    model.wv.save_word2vec_format(str(vec_path))
    return len(model.wv)


def build_pretrain(
    pretrain_path: str | Path,
    vectors: str | Path | None = None,
    sentences: Iterable[Sequence[str]] | None = None,
    **w2v: int,
) -> dict[str, Any]:
    """Write the Stanza ``pretrain.pt`` (vocabulary + embedding matrix) a NER model is trained with.

    ``vectors`` may be a Stanza pretrain file (``.pt``, checked and copied) or word vectors in
    word2vec/GloVe text format (optionally ``.xz``/``.gz``), converted with
    ``Pretrain(pt, vec, max_vocab=-1)`` so no word is dropped. Without ``vectors``, word2vec is
    trained on ``sentences`` with :data:`W2V_SETTINGS` (overridable through ``w2v``).
    Returns ``{"path", "vocab", "dim", "source"}``.
    """
    with _quiet_stanza():
        return _build_pretrain(Path(pretrain_path), vectors, sentences, w2v)


@contextlib.contextmanager
def _quiet_stanza() -> Iterator[None]:
    """Silence Stanza's INFO chatter in this process (the trainer subprocess keeps its own log)."""
    logger = logging.getLogger("stanza")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _build_pretrain(
    out: Path, vectors: str | Path | None, sentences: Iterable[Sequence[str]] | None, w2v: dict[str, int]
) -> dict[str, Any]:
    from stanza.models.common.pretrain import Pretrain

    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()  # Pretrain() would load a stale file instead of converting
    if vectors is not None:
        src = Path(vectors)
        if not src.is_file():
            raise TrainError(f"{src}: no such vectors file")
        if src.suffix == ".pt":
            try:
                pt = Pretrain(str(src))
                pt.load()
            except Exception as err:  # torch raises many kinds on a bad file
                raise TrainError(f"{src}: not a Stanza pretrain file ({type(err).__name__})") from None
            shutil.copyfile(src, out)
            source = "pretrain"
        else:
            pt = Pretrain(str(out), str(src), max_vocab=-1)
            try:
                pt.load()
            except Exception as err:
                raise TrainError(f"{src}: cannot read word vectors ({type(err).__name__}: {err})") from None
            source = "vectors"
    else:
        if sentences is None:
            raise TrainError("build_pretrain: give vectors or sentences to train word vectors on")
        settings = {**W2V_SETTINGS, **w2v}
        with tempfile.TemporaryDirectory(prefix="attache-w2v-") as tmp:
            vec = Path(tmp) / "vectors.txt"
            train_word2vec(sentences, vec, **settings)
            pt = Pretrain(str(out), str(vec), max_vocab=-1)
            pt.load()
        source = "word2vec"
    if not out.is_file():
        raise TrainError(f"{out}: Stanza could not write the pretrain file")
    return {"path": str(out), "vocab": len(pt.vocab), "dim": int(pt.emb.shape[1]), "source": source}


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def entity_prf(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Entity-level exact-match precision/recall/F1 (same span and type), overall and per type.

    Computed here, not read from the trainer's log, so the figures mean the same thing for every
    model and baseline scored in the project.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    counts: dict[str, list[int]] = {}  # type -> [gold, pred, correct]

    def bump(etype: str, i: int) -> None:
        counts.setdefault(etype, [0, 0, 0])[i] += 1

    for g_tags, p_tags in zip(gold, pred, strict=True):
        if len(g_tags) != len(p_tags):
            raise ValueError(f"sentence of {len(g_tags)} gold tags but {len(p_tags)} predicted")
        g, p = bio_spans(g_tags), bio_spans(p_tags)
        for s in g:
            bump(s[2], 0)
        for s in p:
            bump(s[2], 1)
        for s in g & p:
            bump(s[2], 2)

    def prf(n_gold: int, n_pred: int, n_ok: int) -> dict[str, Any]:
        prec = n_ok / n_pred if n_pred else 0.0
        rec = n_ok / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"precision": prec, "recall": rec, "f1": f1, "gold": n_gold, "pred": n_pred, "correct": n_ok}

    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    result = prf(*totals)
    result["per_type"] = {t: prf(*c) for t, c in sorted(counts.items())}
    result["sentences"] = len(gold)
    return result


def load_pipeline(lang: str, model_dir: Path, resources: Path, use_gpu: bool = False) -> Any:
    """A pretokenized Stanza pipeline on exactly this ner.pt + pretrain.pt, with no network."""
    import stanza

    return stanza.Pipeline(
        lang, dir=str(model_dir.parent), resources_filepath=str(resources), processors="tokenize,ner",
        tokenize_pretokenized=True, download_method=None, ner_model_path=str(model_dir / "ner.pt"),
        ner_pretrain_path=str(model_dir / "pretrain.pt"), use_gpu=use_gpu, logging_level="WARN",
    )


def predict_tags(nlp: Any, sentences: Sequence[Sentence]) -> list[list[str]]:
    """Run a Stanza pipeline's NER on gold tokens and return its tags (BIOES) per sentence."""
    doc = nlp([[tok for tok, _ in s] for s in sentences])
    out = [[tok.ner for tok in sent.tokens] for sent in doc.sentences]
    if [len(t) for t in out] != [len(s) for s in sentences]:
        raise TrainError("evaluation: Stanza returned a different tokenization than the gold tokens")
    return out


def evaluate_model(nlp: Any, sentences: Sequence[Sentence]) -> dict[str, Any]:
    """Score a pipeline against gold sentences (see :func:`entity_prf`)."""
    pred = predict_tags(nlp, sentences)
    return entity_prf([[tag for _, tag in s] for s in sentences], pred)


# ---------------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------------

_BEST_RE = re.compile(r"Best dev F1 = ([\d.]+), at iteration = (\d+)")
_STEP_RE = re.compile(r"Training ended with (\d+) steps")


def merge_resources(out: str | Path, lang: str) -> Path:
    """Merge ``{"<lang>": {}}`` into ``<out>/resources.json``, keeping other languages' entries.

    Stanza refuses to build a pipeline for a language missing from its resources file, and with
    ``download_method=None`` it never fetches one, so the empty entry is what lets it run offline.
    A lock guards the read-modify-write so models for two languages can be trained side by side.
    """
    from filelock import FileLock

    path = Path(out) / "resources.json"
    with FileLock(str(path) + ".lock"):
        data: dict[str, Any] = {}
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise TrainError(f"{path}: exists but is not valid JSON; fix or remove it") from None
            if not isinstance(data, dict):
                raise TrainError(f"{path}: exists but is not a JSON object; fix or remove it")
        data.setdefault(lang, {})
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    return path


def _run_trainer(
    cmd: list[str], log_path: Path, shown_log: Path, progress: Callable[[str], None] | None
) -> str:
    """Run the Stanza trainer, teeing its output to ``log_path``; return the whole log.

    ``shown_log`` is where the log will be once installed, the path error messages point to.
    """
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    lines: list[str] = []
    with open(log_path, "w", encoding="utf-8", buffering=1) as log:  # line-buffered: tail -f works
        try:
            proc = subprocess.Popen(
                cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                errors="replace", env=env,
            )
        except OSError as err:
            raise TrainError(f"cannot start the Stanza trainer ({err.strerror})") from None
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                log.write(line)
                lines.append(line)
                if progress is not None:
                    progress(line.rstrip("\n"))
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        rc = proc.wait()
    text = "".join(lines)
    if rc != 0:
        last = next((ln.strip() for ln in reversed(lines) if ln.strip()), "no output")
        raise TrainError(f"Stanza trainer failed (exit {rc}): {last[:300]} (full log: {shown_log})")
    return text


def train_ner(
    lang: str,
    train: str | Path,
    dev: str | Path,
    out: str | Path,
    test: str | Path | None = None,
    vectors: str | Path | None = None,
    max_steps: int = DEFAULT_MAX_STEPS,
    eval_interval: int = DEFAULT_EVAL_INTERVAL,
    batch_size: int = DEFAULT_BATCH_SIZE,
    seed: int = DEFAULT_SEED,
    vector_texts: Sequence[str | Path] = (),
    use_gpu: bool = False,
    extra_args: Sequence[str] = (),
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Train a Stanza NER model and install it as ``<out>/<lang>/{ner.pt,pretrain.pt}``.

    ``train``/``dev``/``test`` are Stanza JSON or CoNLL/BIO column files (see
    :func:`read_sentences`). Word vectors come from ``vectors`` when given, otherwise word2vec is
    trained on the train + dev tokens plus ``vector_texts`` (plain text, whitespace-tokenized, one
    sentence a line); test text is left out so the held-out score stays held out. The trainer keeps
    the checkpoint with the best dev score; ``extra_args`` go to ``stanza.models.ner_tagger`` verbatim
    (e.g. ``["--hidden_dim", "128"]``). ``progress`` receives each line the trainer logs.

    Returns ``{"lang", "model", "pretrain", "resources", "log", "vectors", "train_sentences",
    "dev", "test", "best_dev_step", "steps", "seconds"}`` where ``dev``/``test`` hold
    :func:`entity_prf` results (``test`` is None without a test file).
    """
    started = time.monotonic()
    if not LANG_RE.match(lang):
        raise TrainError(f"--lang {lang!r}: expected a 2- or 3-letter language code such as en, ar, fa")
    knobs = {"max-steps": max_steps, "eval-interval": eval_interval, "batch-size": batch_size}
    for name, value in knobs.items():
        if value < 1:
            raise TrainError(f"--{name} must be at least 1 (got {value})")
    if vectors is not None and vector_texts:
        raise TrainError("--vector-text feeds word2vec, which --vectors replaces: give one or the other")
    train_s = read_sentences(train)
    dev_s = read_sentences(dev)
    test_s = read_sentences(test) if test is not None else None
    if not any(tag != "O" for s in train_s for _, tag in s):
        raise TrainError(f"{train}: no entity tags in the training data")
    extra_text: list[list[str]] = []
    for vt in vector_texts:
        try:
            extra_text += [ln.split() for ln in Path(vt).read_text(encoding="utf-8").splitlines()]
        except (OSError, UnicodeDecodeError) as err:
            raise TrainError(f"{vt}: cannot read as UTF-8 text ({type(err).__name__})") from None

    out_dir = Path(out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{lang}-train-", dir=out_dir))
    except OSError as err:
        raise TrainError(f"{out_dir}: cannot create output folder ({err.strerror})") from None
    target = out_dir / lang
    log_path = stage / "train.log"
    try:
        model_dir = stage / lang
        model_dir.mkdir()
        write_stanza_json(train_s, stage / "train.json")
        write_stanza_json(dev_s, stage / "dev.json")
        pretrain = build_pretrain(
            model_dir / "pretrain.pt", vectors=vectors,
            sentences=None if vectors else [[t for t, _ in s] for s in train_s + dev_s] + extra_text,
        )
        cmd = [
            sys.executable, "-m", "stanza.models.ner_tagger",
            "--train_file", str(stage / "train.json"), "--eval_file", str(stage / "dev.json"),
            "--wordvec_pretrain_file", pretrain["path"], "--shorthand", f"{lang}_x",
            "--save_dir", str(model_dir), "--save_name", "ner.pt",
            "--max_steps", str(max_steps), "--eval_interval", str(eval_interval),
            "--batch_size", str(batch_size), "--seed", str(seed),
            *([] if use_gpu else ["--cpu"]), *extra_args,
        ]
        log = _run_trainer(cmd, log_path, target / "train.log", progress)
        if not (model_dir / "ner.pt").is_file():
            raise TrainError(f"Stanza trainer saved no model (full log: {target / 'train.log'})")
        stage_resources = stage / "resources.json"
        stage_resources.write_text(json.dumps({lang: {}}), encoding="utf-8")
        nlp = load_pipeline(lang, model_dir, stage_resources, use_gpu)
        dev_score = evaluate_model(nlp, dev_s)
        test_score = evaluate_model(nlp, test_s) if test_s is not None else None
        del nlp

        target.mkdir(parents=True, exist_ok=True)
        for fname in ("pretrain.pt", "ner.pt"):
            os.replace(model_dir / fname, target / fname)
        resources = merge_resources(out_dir, lang)
    finally:
        if log_path.exists():
            target.mkdir(parents=True, exist_ok=True)
            shutil.move(str(log_path), target / "train.log")
        shutil.rmtree(stage, ignore_errors=True)

    best = _BEST_RE.search(log)
    steps = _STEP_RE.search(log)
    return {
        "lang": lang,
        "model": str(target / "ner.pt"),
        "pretrain": str(target / "pretrain.pt"),
        "resources": str(resources),
        "log": str(target / "train.log"),
        "vectors": {k: v for k, v in pretrain.items() if k != "path"},
        "train_sentences": len(train_s),
        "dev": dev_score,
        "test": test_score,
        "best_dev_step": int(best.group(2)) if best else None,
        "steps": int(steps.group(1)) if steps else None,
        "seconds": round(time.monotonic() - started, 1),
    }

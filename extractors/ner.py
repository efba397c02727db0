"""Stanza NER with no network and true character offsets.

Where models come from, in this order:
1. ``models_dir`` (``--models-dir``) or ``ATTACHE_MODELS_DIR``: ``DIR/<lang>/ner.pt`` with
   ``DIR/<lang>/pretrain.pt`` and ``DIR/resources.json`` (the layout of locally trained models);
   else ``<venv>/share/attache/models`` when it exists (``make run`` links a local folder there);
2. Stanza's official models under ``STANZA_RESOURCES_DIR`` (default ``~/stanza_resources``),
   as ``attache models download`` puts them there.
Pipelines are built lazily, once per language per process, always with ``download_method=None``.

Stanza's own tokenizers are not used: spaCy's blank tokenizers split the *normalized view*, and
Stanza receives a ``Document`` whose tokens already carry their offsets, so entity spans can be
mapped exactly back to the original text.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ModelDamagedError, ModelMissingError
from .lang import profile

NER_CHUNK_CHARS = 2_000  # Stanza's time and memory grow fast with sentence length


@dataclass(frozen=True)
class ModelLocation:
    lang: str
    kind: str  # "local" | "official" | "missing"
    path: str | None
    detail: str


@dataclass(frozen=True)
class Entity:
    """An entity over the normalized view: [start, end) view offsets, attache type, text."""

    start: int
    end: int
    type: str
    text: str


def stanza_resources_dir() -> Path:
    return Path(os.environ.get("STANZA_RESOURCES_DIR") or Path.home() / "stanza_resources")


def installed_models_dir() -> Path:
    """``<prefix>/share/attache/models`` of the running Python (the virtual environment): where
    ``make run`` links a local models folder, so the installed ``attache`` finds it with no
    option or variable set."""
    return Path(sys.prefix) / "share" / "attache" / "models"


def _models_dir(models_dir: str | os.PathLike | None) -> Path | None:
    d = models_dir or os.environ.get("ATTACHE_MODELS_DIR")
    if d:
        return Path(d)
    installed = installed_models_dir()
    return installed if installed.is_dir() else None


def locate_model(lang: str, models_dir: str | os.PathLike | None = None) -> ModelLocation:
    """Say which model serves ``lang`` and from where, without importing stanza."""
    local = _models_dir(models_dir)
    if local is not None:
        ner, pre = local / lang / "ner.pt", local / lang / "pretrain.pt"
        if ner.is_file() and pre.is_file():
            return ModelLocation(lang, "local", str(local), f"{ner} (+ {pre.name})")
        if models_dir:  # an explicit directory that lacks the language is final
            return ModelLocation(lang, "missing", str(local), f"no {lang}/ner.pt with {lang}/pretrain.pt under {local}")
    official = stanza_resources_dir()
    ner_dir = official / lang / "ner"
    if (official / "resources.json").is_file() and ner_dir.is_dir() and any(ner_dir.glob("*.pt")):
        return ModelLocation(lang, "official", str(official), f"Stanza official models under {official}")
    where = f"{local} or {official}" if local else str(official)
    return ModelLocation(lang, "missing", None, f"no NER model for '{lang}' under {where}")


def require_models(langs: Sequence[str], models_dir: str | os.PathLike | None = None) -> None:
    """Raise ``ModelMissingError`` naming the fix when any needed language lacks a model."""
    missing = [locate_model(lang, models_dir) for lang in langs]
    missing = [m for m in missing if m.kind == "missing"]
    if missing:
        names = " ".join(m.lang for m in missing)
        raise ModelMissingError(
            f"{missing[0].detail}: run `attache models download {names}` (needs internet) "
            f"or pass --models-dir DIR / set ATTACHE_MODELS_DIR to a folder of local models"
        )


@cache
def _label_map() -> dict[str, str]:
    path = resources.files("extractors").joinpath("data", "ner_labels.json")
    return json.loads(path.read_text(encoding="utf-8"))["map"]


def map_label(label: str) -> str | None:
    """One attache entity type for any model's label (PERSON, GPE, PER, B-PERS...), or None."""
    return _label_map().get(label.upper())


@cache
def _tokenizer(lang: str):
    import spacy

    return spacy.blank(profile(lang)["spacy_lang"]).tokenizer


def tokenize(text: str, lang: str) -> list[tuple[int, int]]:
    """Token spans of ``text`` from spaCy's blank tokenizer (real offsets, whitespace dropped)."""
    return [(t.idx, t.idx + len(t.text)) for t in _tokenizer(lang)(text) if not t.is_space]


class NER:
    """Stanza pipelines, one per language, built on first use and shared across documents."""

    def __init__(self, models_dir: str | os.PathLike | None = None, batch_size: int = 64) -> None:
        self.models_dir = models_dir
        self.batch_size = batch_size
        self._pipes: dict[str, Any] = {}
        self._lock = threading.Lock()

    def pipeline(self, lang: str):
        with self._lock:
            if lang not in self._pipes:
                self._pipes[lang] = self._build(lang)
            return self._pipes[lang]

    def _build(self, lang: str):
        loc = locate_model(lang, self.models_dir)
        if loc.kind == "missing":
            require_models([lang], self.models_dir)
        import logging

        import stanza

        logging.getLogger("stanza").setLevel(logging.ERROR)
        # Stanza's own log lines would be a second, differently styled error: a failure is reported
        # once, as ModelDamagedError.
        common = dict(processors="tokenize,ner", tokenize_pretokenized=True, download_method=None,
                      use_gpu=False, logging_level="CRITICAL", ner_batch_size=self.batch_size)
        try:
            with _no_optimizer():
                if loc.kind == "local":
                    d = Path(loc.path)
                    return stanza.Pipeline(lang, dir=str(d), resources_filepath=str(d / "resources.json"),
                                           ner_model_path=str(d / lang / "ner.pt"),
                                           ner_pretrain_path=str(d / lang / "pretrain.pt"), **common)
                return stanza.Pipeline(lang, dir=loc.path, **common)
        except Exception as e:  # noqa: BLE001 - whatever a truncated or foreign file raises inside torch
            reason = " ".join(str(e).split())[:200] or type(e).__name__
            fix = (f"copy the {lang} model files again" if loc.kind == "local"
                   else f"run `attache models download {lang}` again")
            raise ModelDamagedError(f"the {lang} NER model cannot be loaded from {loc.detail}: the file is "
                                    f"damaged or incomplete ({reason}); {fix}") from e

    def tag(self, lang: str, sentences: Sequence[tuple[str, int]]) -> list[list[Entity]]:
        """Entities for each ``(sentence_text, base_offset)``; offsets are base + in-sentence offsets.

        All sentences go to Stanza in one call (it batches internally), so callers pass the
        sentences of many documents at once.
        """
        if any(len(t) > NER_CHUNK_CHARS for t, _ in sentences):
            return _bounded(self._tag, lang, sentences, NER_CHUNK_CHARS)
        return self._tag(lang, sentences)

    def _tag(self, lang: str, sentences: Sequence[tuple[str, int]]) -> list[list[Entity]]:
        from stanza.models.common.doc import Document

        token_spans = [tokenize(text, lang) for text, _ in sentences]
        keep = [i for i, spans in enumerate(token_spans) if spans]
        out: list[list[Entity]] = [[] for _ in sentences]
        if not keep:
            return out
        # Stanza wants one text for the Document: the kept sentences joined by newlines. Token
        # offsets point into that text; entities are shifted back to each sentence's own base.
        docs, parts, starts = [], [], []
        pos = 0
        for i in keep:
            text, _ = sentences[i]
            starts.append(pos)
            docs.append([{"id": (k + 1,), "text": text[s:e], "start_char": pos + s, "end_char": pos + e}
                         for k, (s, e) in enumerate(token_spans[i])])
            parts.append(text)
            pos += len(text) + 1
        doc = self.pipeline(lang)(Document(docs, text="\n".join(parts)))
        for i, start, sent in zip(keep, starts, doc.sentences, strict=True):
            text, base = sentences[i]
            out[i] = _entities(sent, text, base, base - start)
        return out


_OPTIMIZER_LOCK = threading.Lock()


@contextlib.contextmanager
def _no_optimizer() -> Iterator[None]:
    """Build Stanza's NER tagger without a training optimizer.

    Stanza's NER ``Trainer`` also builds a torch optimizer when it loads a model only to tag, and
    the first optimizer a process builds imports ``torch._dynamo``: about a second of CPU before
    the first record, for an object tagging never touches. While a pipeline is built here the
    trainer gets ``None`` instead. Training (``attache models train``) runs Stanza in a subprocess
    and is not affected; should Stanza move ``get_optimizer``, the pipeline is built as before."""
    from stanza.models.ner import trainer

    utils = getattr(trainer, "utils", None)
    original = getattr(utils, "get_optimizer", None)
    if original is None:
        yield
        return
    with _OPTIMIZER_LOCK:
        utils.get_optimizer = lambda *args, **kwargs: None
        try:
            yield
        finally:
            utils.get_optimizer = original


_NAME_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _entities(sent, text: str, base: int, shift: int) -> list[Entity]:
    """Entities of one Stanza sentence; ``shift`` turns joined-text offsets into view offsets."""
    spans: list[list[Any]] = []
    cur: list[Any] | None = None
    for tok in sent.tokens:
        prefix, _, label = (tok.ner or "O").partition("-")
        if cur is not None and (prefix in ("B", "S", "O") or label != cur[2]):
            spans.append(cur)
            cur = None
        if prefix in ("B", "S", "I", "E") and label:
            if cur is None:
                cur = [tok.start_char, tok.end_char, label]
            else:
                cur[1] = tok.end_char
            if prefix in ("S", "E"):
                spans.append(cur)
                cur = None
    if cur is not None:
        spans.append(cur)
    # "Jean-Noel Barrot", "Anne-Marie": the tokenizer splits the hyphen off and the model tags it O;
    # two entities of one type joined by nothing but a hyphen are one name
    joined: list[list[Any]] = []
    for sp in spans:
        gap = text[joined[-1][1] + shift - base:sp[0] + shift - base] if joined else ""
        if joined and joined[-1][2] == sp[2] and gap in _NAME_HYPHENS:
            joined[-1][1] = sp[1]
        else:
            joined.append(sp)
    result = []
    for s, e, label in joined:
        t = map_label(label)
        if t:
            vs, ve = s + shift, e + shift
            result.append(Entity(vs, ve, t, text[vs - base : ve - base]))
    return result


def download_official(lang: str, resources_dir: str | os.PathLike | None = None) -> str:
    """Download Stanza's official tokenize+NER models for ``lang``; returns the resources folder."""
    import stanza

    d = str(resources_dir or stanza_resources_dir())
    stanza.download(lang, model_dir=d, processors="tokenize,ner", logging_level="WARN")
    return d


def _bounded(tag, lang: str, sentences: Sequence[tuple[str, int]], max_chars: int) -> list[list[Entity]]:
    """Tag sentences cut into pieces of at most ``max_chars`` (at whitespace); entities keep offsets."""
    pieces: list[tuple[str, int]] = []
    owner: list[int] = []
    for i, (text, base) in enumerate(sentences):
        for s, e in split_long(text, max_chars):
            pieces.append((text[s:e], base + s))
            owner.append(i)
    out: list[list[Entity]] = [[] for _ in sentences]
    for i, ents in zip(owner, tag(lang, pieces), strict=True):
        out[i].extend(ents)
    return out


class BoundedNER:
    """Any tagger with ``tag(lang, sentences)``, fed no sentence longer than ``max_chars``."""

    def __init__(self, inner: Any, max_chars: int = NER_CHUNK_CHARS) -> None:
        self.inner = inner
        self.max_chars = max_chars

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def tag(self, lang: str, sentences: Sequence[tuple[str, int]]) -> list[list[Any]]:
        return _bounded(self.inner.tag, lang, sentences, self.max_chars)


def split_long(text: str, max_chars: int) -> list[tuple[int, int]]:
    """[start, end) pieces of ``text``, each at most ``max_chars`` long, cut after whitespace when
    there is some in the second half of the piece (else exactly at the limit)."""
    spans = []
    s, n = 0, len(text)
    while n - s > max_chars:
        cut = max(text.rfind(" ", s, s + max_chars), text.rfind("\n", s, s + max_chars))
        cut = cut + 1 if cut > s + max_chars // 2 else s + max_chars
        spans.append((s, cut))
        s = cut
    spans.append((s, n))
    return spans

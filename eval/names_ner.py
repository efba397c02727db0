"""Person-name precision and recall of attache's mention layer against an NER corpus' PER spans.

    python eval/names_ner.py ../shared/corpora/en/test.json en --sentences 600

The corpus is Stanza JSON (a list of sentences, each a list of {"text", "ner"} with BIO tags).
Consecutive sentences are joined, one per line, into documents of ``--per-doc`` sentences, so
that checks which look at the rest of an article (a name repeated, a short form after a full name)
see some context. Each document goes through the view, Stanza NER and ``build_mentions``; every
mention of kind ``person`` is compared with the corpus' PER spans by exact character span, and by
overlap. Titles, pronouns and places are not names and are not scored. The figures measure the
whole mention layer (NER, dictionary and the name checks together), so that the same command run on
two versions of attache shows what a change to the mention layer costs or gains.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extractors.mentions import build_mentions, lexicons
from extractors.pipeline import Extractor
from extractors.view import build_view

DEFAULT_SENTENCES = 600
DEFAULT_PER_DOC = 10


def _docs(sentences: list, per_doc: int):
    """(text, gold PER spans) per document of ``per_doc`` corpus sentences."""
    for k in range(0, len(sentences), per_doc):
        text, gold, pos = [], set(), 0
        for sent in sentences[k:k + per_doc]:
            start = None
            for i, tok in enumerate(sent):
                if i:
                    text.append(" ")
                    pos += 1
                tag = tok["ner"]
                if start is not None and not tag.startswith("I-"):
                    gold.add((start, pos - (1 if i else 0)))
                    start = None
                if tag == "B-PER" or tag == "I-PER" and start is None:
                    start = pos
                text.append(tok["text"])
                pos += len(tok["text"])
            if start is not None:
                gold.add((start, pos))
            text.append("\n")
            pos += 1
        yield "".join(text), gold


def score(path: Path, lang: str, n: int, per_doc: int, models_dir: str | None) -> dict:
    sentences = json.loads(path.read_text("utf-8"))[:n]
    ex = Extractor(models_dir=models_dir)
    lex = lexicons(lang)
    n_gold = n_pred = exact = overlap_pred = overlap_gold = 0
    for text, gold in _docs(sentences, per_doc):
        view = build_view(text, lang)
        sents = [(view.text[s:e], s) for s, e in view.sentences]
        ents = [e for per in ex.ner.tag(lang, sents) for e in per]
        pred = set()
        for m in build_mentions(view, ents, None, lex):
            if m.kind == "person":
                pred.add(tuple(view.orig_span(m.start, m.end)))
        n_gold += len(gold)
        n_pred += len(pred)
        exact += len(gold & pred)
        overlap_pred += sum(any(a < d and c < b for c, d in gold) for a, b in pred)
        overlap_gold += sum(any(a < d and c < b for c, d in pred) for a, b in gold)

    def ratio(x: int, y: int) -> float:
        return round(x / y, 3) if y else 0.0
    return {"lang": lang, "sentences": len(sentences), "gold_per": n_gold, "predicted": n_pred,
            "exact_p": ratio(exact, n_pred), "exact_r": ratio(exact, n_gold),
            "overlap_p": ratio(overlap_pred, n_pred), "overlap_r": ratio(overlap_gold, n_gold)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("lang", choices=("ar", "fa", "en"))
    ap.add_argument("--sentences", type=int, default=DEFAULT_SENTENCES, help="the first N sentences")
    ap.add_argument("--per-doc", type=int, default=DEFAULT_PER_DOC)
    ap.add_argument("--models-dir", default=None)
    a = ap.parse_args(argv)
    if not a.corpus.is_file():
        print(f"ERROR: no such file: {a.corpus}", file=sys.stderr)
        return 2
    print(json.dumps(score(a.corpus, a.lang, a.sentences, a.per_doc, a.models_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

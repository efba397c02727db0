#!/usr/bin/env python3
"""attache's benchmark (``make bench``): prints figures, asserts nothing.

Why it exists: NER is the one expensive stage, so the question worth a number is how much the rest
of attache (normalized view, spaCy tokens, dictionaries, meetings, dates, claims, records) adds on
top of bare Stanza NER over the same documents in the same run; the target is at most 1.25x. It
also times what a user waits for: ``attache --help``, the first record of ``attache extract``, and
``--jobs 2`` against ``--jobs 1``. What each figure means is in ``bench/README.md``.

The corpus is built at run time from ``../shared/corpora/<lang>/test.json`` (sentences grouped into
documents, tokens joined by spaces) in a temporary folder and never written into the repository.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # runnable as `python bench/bench.py` from any folder
    sys.path.insert(0, str(REPO))

from extractors.errors import AttacheError  # noqa: E402
from extractors.language import detect_language  # noqa: E402
from extractors.ner import locate_model, require_models, tokenize  # noqa: E402
from extractors.pipeline import Extractor, InputDoc  # noqa: E402
from extractors.view import build_view  # noqa: E402

LANGS = ("ar", "fa", "en")
TARGET_RATIO = 1.25
LINEAR_TOLERANCE = 0.20  # seconds per MB of the long documents may differ this much across sizes


@dataclass
class BenchDoc:
    """One synthetic document: real corpus sentences, tokens joined by spaces, one sentence a line."""

    lang: str
    id: str
    sentences: list[list[str]]
    text: str = ""
    path: Path | None = None

    def __post_init__(self) -> None:
        self.text = "\n".join(" ".join(tokens) for tokens in self.sentences) + "\n"


@dataclass
class LangFigures:
    lang: str
    docs: int
    sentences: int
    tokens: int
    chars: int
    view_sentences: int = 0
    view_tokens: int = 0
    model_load_s: float = 0.0
    first_doc_s: float = 0.0
    runs: int = 0
    # per measure ("bare", "layer", "whole") and clock ("wall", "cpu"): the sum over batches of each
    # batch's fastest run
    seconds: dict[tuple[str, str], float] = field(default_factory=dict)
    records: int = 0
    failed: int = 0
    peak_rss_mb: float = 0.0


# -- corpus ---------------------------------------------------------------------------------------

def build_corpus(corpora: Path, langs: Sequence[str], per_doc: int,
                 max_docs: int) -> dict[str, list[BenchDoc]]:
    """Group each language's test sentences into documents of ``per_doc`` sentences, ``max_docs`` at most.

    Real annotated news sentences, not generated text, so token lengths, names and punctuation are
    what NER and the dictionaries meet in use; the files are read at bench time, never copied."""
    out: dict[str, list[BenchDoc]] = {}
    for lang in langs:
        src = corpora / lang / "test.json"
        sents = [[t["text"] for t in s] for s in json.loads(src.read_text(encoding="utf-8"))]
        sents = [s for s in sents if s]
        docs = [BenchDoc(lang, f"{lang}_{k // per_doc + 1:04d}", sents[k:k + per_doc])
                for k in range(0, len(sents), per_doc)]
        out[lang] = docs[:max_docs] if max_docs > 0 else docs
    return out


def write_corpus(corpus: dict[str, list[BenchDoc]], root: Path) -> None:
    for lang, docs in corpus.items():
        (root / lang).mkdir(parents=True, exist_ok=True)
        for d in docs:
            d.path = root / lang / f"{d.id}.txt"
            d.path.write_text(d.text, encoding="utf-8")


def chunks(items: Sequence[Any], n: int) -> Iterator[Sequence[Any]]:
    for k in range(0, len(items), n):
        yield items[k:k + n]


# -- in-process measurements ------------------------------------------------------------------------

def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU seconds (this process, all threads) of ``fn()``, and its result."""
    w, c = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - w, time.process_time() - c, result


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_language(ex: Extractor, lang: str, docs: list[BenchDoc], runs: int,
                     deadline: float) -> LangFigures:
    """Bare Stanza NER, attache's NER layer and whole extraction over the same documents.

    All three use the same Stanza pipeline object and the same batches of documents as the CLI
    (``Extractor.batch_docs``), so the only difference is the work attache adds around NER. They
    run back to back batch by batch, so that load from other processes, which drifts over minutes,
    hits all three alike; each batch keeps its fastest run, since outside load only ever adds time.
    """
    f = LangFigures(lang, len(docs), sum(len(d.sentences) for d in docs),
                    sum(len(s) for d in docs for s in d.sentences), sum(len(d.text) for d in docs))
    f.model_load_s, _, pipe = timed(lambda: ex.ner.pipeline(lang))
    inputs = [InputDoc(id=d.id, text=d.text, path=str(d.path) if d.path else None, lang=lang) for d in docs]
    # first document: loads the dictionaries and tries (lru-cached) and warms torch up
    f.first_doc_s, _, _ = timed(lambda: ex.extract_many(inputs[:1]))
    views = [build_view(d.text, lang) for d in docs]
    layer_batches = [[(v.text[s:e], s) for v in batch for s, e in v.sentences]
                     for batch in chunks(views, ex.batch_docs)]
    f.view_sentences = sum(len(b) for b in layer_batches)
    f.view_tokens = sum(len(tokenize(text, lang)) for b in layer_batches for text, _ in b)
    bare_batches = [[s for d in batch for s in d.sentences] for batch in chunks(docs, ex.batch_docs)]
    doc_batches = list(chunks(inputs, ex.batch_docs))

    best: dict[tuple[str, str, int], float] = {}
    results: list[Any] = []
    for run in range(runs):
        if run and time.perf_counter() > deadline:
            break  # over the time budget: one run is reported rather than none
        f.runs += 1
        results = []
        for k, (bb, lb, db) in enumerate(zip(bare_batches, layer_batches, doc_batches, strict=True)):
            for what, fn in (("bare", lambda bb=bb: pipe(bb)), ("layer", lambda lb=lb: ex.ner.tag(lang, lb)),
                             ("whole", lambda db=db: ex.extract_many(db))):
                wall, cpu, out = timed(fn)
                for clock, t in (("wall", wall), ("cpu", cpu)):
                    best[what, clock, k] = min(t, best.get((what, clock, k), t))
                if what == "whole":
                    results += out
                    if run == 0:  # one plain pass, garbage-collector pauses included
                        f.seconds["whole1", "wall"] = f.seconds.get(("whole1", "wall"), 0.0) + wall
    for (what, clock, _), t in best.items():
        f.seconds[what, clock] = f.seconds.get((what, clock), 0.0) + t
    f.records = sum(len(r.records) for r in results)
    f.failed = sum(1 for r in results if r.error)
    f.peak_rss_mb = peak_rss_mb()
    return f


def length_scaling(ex: Extractor, lang: str, corpora: Path, sizes: Sequence[int],
                   runs: int, deadline: float) -> list[list[Any]]:
    """Whole/bare for single documents of growing length: any stage whose cost grows faster than the
    text (a per-sentence pass over the whole document, say) shows as a ratio that climbs with length,
    which the 10-sentence documents of the main table hide."""
    data = json.loads((corpora / lang / "test.json").read_text(encoding="utf-8"))
    sents = [[t["text"] for t in s] for s in data]
    pipe = ex.ner.pipeline(lang)
    rows = []
    for n in sizes:
        doc = BenchDoc(lang, f"{lang}_long_{n}", [s for s in sents[:n] if s])
        inp = InputDoc(id=doc.id, text=doc.text, lang=lang)
        bare = whole = float("inf")
        for run in range(runs):
            if run and time.perf_counter() > deadline:
                break
            bare = min(bare, timed(lambda d=doc: pipe(d.sentences))[0])
            whole = min(whole, timed(lambda i=inp: ex.extract_many([i]))[0])
        rows.append([lang, len(doc.sentences), len(doc.text), fmt(bare), fmt(whole), fmt(whole / bare)])
    return rows


def profile_language(ex: Extractor, lang: str, docs: list[BenchDoc], top: int) -> None:
    """cProfile whole extraction once and print where the time outside Stanza goes."""
    inputs = [InputDoc(id=d.id, text=d.text, lang=lang) for d in docs]
    prof = cProfile.Profile()
    prof.enable()
    for b in chunks(inputs, ex.batch_docs):
        ex.extract_many(b)
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    cum = {f"{Path(k[0]).name}:{k[2]}": v[3] for k, v in stats.stats.items()}  # type: ignore[attr-defined]
    ner = cum.get("ner.py:tag", 0.0)
    print(f"\nprofile {lang}: {total:.2f} s in all, NER.tag {ner:.2f} s ({100 * ner / total:.0f}%), "
          f"rest {total - ner:.2f} s; top functions of extractors/ by own time:")
    stats.sort_stats("tottime").print_stats(r"extractors/", top)


# -- command-line measurements ------------------------------------------------------------------------

def attache_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("attache")
    if exe.is_file():
        return [str(exe)]
    found = shutil.which("attache")
    if found:
        return [found]
    return [sys.executable, "-c", "from cli.main import main; main()"]


# prctl(2) option that makes this process the reaper of its orphaned descendants (Linux).
PR_SET_CHILD_SUBREAPER = 36
# How long the processes a run leaves behind (its fork server, ending once attache has) are waited for.
ORPHAN_WAIT_S = 10.0


def _become_subreaper() -> None:
    """``--jobs`` workers are forked from a fork server that is attache's child but that attache
    never waits for: it and its workers outlive attache by a moment and are then re-parented.
    As their reaper, this process gets them back and ``_reap`` counts their peak RSS too."""
    if sys.platform != "linux":
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _reap(proc: subprocess.Popen, timeout: float) -> tuple[int, float]:
    """Wait for ``proc`` (killed after ``timeout`` s): exit code and peak RSS in MB from ``wait4``.

    ``wait4`` reports the largest resident set of the process and of the children it waited for;
    the processes it left behind (a fork server and its workers, re-parented to this subreaper)
    are waited for next, so worker processes of ``--jobs`` count too, and earlier runs do not
    leak into this figure.
    """
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss
    deadline = time.monotonic() + ORPHAN_WAIT_S
    while True:
        try:
            pid, _, left = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:  # none left
            break
        if pid:
            peak = max(peak, left.ru_maxrss)
        elif time.monotonic() > deadline:
            break
        else:
            time.sleep(0.05)
    return proc.returncode, peak / 1024


def run_until_first_line(cmd: list[str], env: dict[str, str],
                         timeout: float) -> tuple[float | None, float, int, float]:
    """Start ``cmd``: seconds until its first stdout line (None: none came), seconds to the end, exit
    code, peak RSS in MB."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=REPO)
    assert proc.stdout is not None
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        line = proc.stdout.readline()
        first = time.perf_counter() - t0 if line else None
        while proc.stdout.read(65536):
            pass
    finally:
        timer.cancel()
    rc, rss = _reap(proc, timeout)
    return first, time.perf_counter() - t0, rc, rss


def run_counting(cmd: list[str], env: dict[str, str], timeout: float) -> tuple[float, int, int, int, float]:
    """Run ``cmd`` to the end: seconds, stdout lines, stderr lines, exit code, peak RSS in MB."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=REPO)
        rc, rss = _reap(proc, timeout)
        elapsed = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        return elapsed, out.read().count(b"\n"), err.read().count(b"\n"), rc, rss


def seed_files(lang: str) -> list[Path]:
    """The seed articles of ``lang`` (``seeds/`` in the repository), by language detection."""
    out = []
    for p in sorted((REPO / "seeds").glob("*.txt")):
        if detect_language(p.read_text(encoding="utf-8", errors="replace"))[0] == lang:
            out.append(p)
    return out


def jobs_available(cmd: list[str], env: dict[str, str]) -> bool:
    r = subprocess.run([*cmd, "extract", "--help"], capture_output=True, text=True, env=env, cwd=REPO,
                       timeout=120)
    return "--jobs" in r.stdout


# -- output -----------------------------------------------------------------------------------------

def table(header: list[str], rows: list[list[Any]]) -> None:
    cells = [header, *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for k, r in enumerate(cells):
        print("  " + "  ".join(c.rjust(w) if i else c.ljust(w)
                               for i, (c, w) in enumerate(zip(r, widths, strict=True))))
        if k == 0:
            print("  " + "  ".join("-" * w for w in widths))


def fmt(x: float | None, digits: int = 2) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def cli_figures(args: argparse.Namespace, env: dict[str, str], root: Path, n_docs: int) -> None:
    """Time the command line as a user meets it: a fresh process each run, models loaded each time.

    Runs before the in-process part so that this process is still small when it starts children:
    Linux keeps the parent's high-water RSS in a child's ``ru_maxrss`` across ``exec``.
    """
    cmd = attache_cmd()
    print(f"\ncommand line ({cmd[0]}, a fresh process each run):")
    rows: list[list[Any]] = []
    helps = []
    rc = 0
    for _ in range(max(args.cli_runs, 5)):
        t = time.perf_counter()
        rc = subprocess.run([*cmd, "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env, cwd=REPO, timeout=args.timeout).returncode
        helps.append(time.perf_counter() - t)
    rows.append(["attache --help", fmt(statistics.median(helps)), f"median of {len(helps)}, exit {rc}"])
    for lang in args.langs:
        firsts: list[float] = []
        totals: list[float] = []
        rss = 0.0
        chosen = None
        for path in seed_files(lang):
            first, total, rc, r = run_until_first_line([*cmd, "extract", str(path), "--format", "jsonl"],
                                                       env, args.timeout)
            if first is not None:  # this seed yields a record: time it again
                chosen, firsts, totals, rss = path, [first], [total], r
                break
        if chosen is None:
            rows.append([f"first record ({lang})", "-", "no seed article of this language yields a record"])
            continue
        for _ in range(args.cli_runs - 1):
            if time.perf_counter() > args.started + args.budget:
                break
            first, total, rc, r = run_until_first_line([*cmd, "extract", str(chosen), "--format", "jsonl"],
                                                       env, args.timeout)
            if first is not None:
                firsts.append(first)
            totals.append(total)
            rss = max(rss, r)
        rows.append([f"first record ({lang})", fmt(statistics.median(firsts)),
                     f"median of {len(firsts)}; whole run {statistics.median(totals):.2f} s; exit {rc}; "
                     f"peak RSS {rss:.0f} MB; seeds/{chosen.name}"])
    if jobs_available(cmd, env):
        timings: dict[int, float | None] = {}
        for jobs in (1, 2):
            t, n_out, n_err, rc, rss = run_counting(
                [*cmd, "extract", str(root), "--format", "jsonl", "--jobs", str(jobs)], env, args.timeout)
            killed = rc < 0  # killed at --timeout: the time is a lower bound, not a figure
            timings[jobs] = None if killed else t
            rows.append([f"extract DIR --jobs {jobs}", fmt(t),
                         (f"TIMED OUT after {args.timeout:.0f} s; " if killed else "")
                         + f"{n_docs} documents, {n_out} records, {n_err} stderr lines, exit {rc}; "
                         f"peak RSS (largest process) {rss:.0f} MB"])
        t1, t2 = timings[1], timings[2]
        rows.append(["jobs 2 speed-up", f"{t1 / t2:.2f}x" if t1 and t2 else "-",
                     "time(--jobs 1) / time(--jobs 2)" if t1 and t2 else "a run timed out (raise --timeout)"])
    else:
        rows.append(["jobs", "-", "jobs: not available (attache extract has no --jobs option yet)"])
    table(["what", "seconds", "notes"], rows)


LONG_WORKER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
threads = int(sys.argv[4])
if threads:
    import torch
    torch.set_num_threads(threads)
from extractors.pipeline import Extractor, InputDoc
ex = Extractor(models_dir=sys.argv[2] or None)
text = open(sys.argv[3], encoding="utf-8").read()
ex.extract_many([InputDoc(id="warm-up", text=text[:4000])])  # models and dictionaries loaded first
seen = []
ex.progress = lambda doc, done, total: seen.append(done)
t, c = time.perf_counter(), time.process_time()
(res,) = ex.extract_many([InputDoc(id="long", text=text)])
print(json.dumps({"seconds": time.perf_counter() - t, "cpu": time.process_time() - c,
                  "records": len(res.records), "error": res.error,
                  "chars": len(text), "updates": len(seen)}))
"""


def long_document_figures(args: argparse.Namespace, models_dir: str | None, tmp: Path) -> None:
    """One document of 1, 2 and 4 MB (a seed article repeated, paragraphs intact), each extracted in a
    fresh process after a warm-up, so its seconds are extraction alone and its peak RSS its own.
    Cost must grow linearly with length: seconds per MB of each size against the smallest."""
    seed = (REPO / "seeds" / args.long_seed).read_text(encoding="utf-8").strip() + "\n\n"
    # torch's own thread count (0), or 1 on a busy machine, as in the in-process part (see its NOTE)
    threads = args.threads if args.threads is not None else (1 if args.load_at_start > (os.cpu_count() or 1) else 0)
    print(f"\none long document ({args.long_seed} repeated; each size in a fresh process after a warm-up"
          f"{f', torch {threads} thread(s)' if threads else ''}; linear means seconds per MB within "
          f"{100 * LINEAR_TOLERANCE:.0f}% of the {args.long_mb[0]:g} MB figure):")
    rows: list[list[Any]] = []
    per_mb: list[float] = []
    for mb in args.long_mb:
        size = int(mb * 1024 * 1024)
        data = (seed * (size // len(seed.encode("utf-8")) + 1)).encode("utf-8")[:size]
        path = tmp / f"long_{mb:g}MB.txt"
        path.write_text(data.decode("utf-8", "ignore"), encoding="utf-8")
        cmd = [sys.executable, "-c", LONG_WORKER, str(REPO), models_dir or "", str(path), str(threads)]
        with tempfile.TemporaryFile() as out:
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=REPO)
            rc, rss = _reap(proc, args.long_timeout)
            wall = time.perf_counter() - t0
            out.seek(0)
            lines = out.read().decode().splitlines()
        if rc != 0 or not lines:
            rows.append([f"{mb:g} MB", "-", "-", "-", "-", f"{rss:.0f}", "-", f"exit {rc} after {wall:.0f} s"
                         + (" (killed at --long-timeout)" if rc < 0 else "")])
            continue
        r = json.loads(lines[-1])
        per_mb.append(r["seconds"] / mb)
        drift = per_mb[-1] / per_mb[0] - 1
        note = f"{r['updates']} progress updates" + (f"; ERROR {r['error']}" if r["error"] else "")
        rows.append([f"{mb:g} MB", fmt(r["seconds"], 1), fmt(per_mb[-1], 1), f"{drift:+.0%}", fmt(r["cpu"] / mb, 1),
                     f"{rss:.0f}", r["records"], note])
    table(["size", "extract s", "s per MB", "vs first", "CPU s per MB", "peak RSS MB", "records", "notes"], rows)
    if len(per_mb) == len(args.long_mb) and per_mb:
        worst = max(abs(x / per_mb[0] - 1) for x in per_mb)
        verdict = "linear" if worst <= LINEAR_TOLERANCE else "NOT linear"
        print(f"  {verdict}: seconds per MB vary by at most {worst:.0%} across sizes "
              f"(tolerance {LINEAR_TOLERANCE:.0%})")


def inprocess_figures(args: argparse.Namespace, models_dir: str | None,
                      corpus: dict[str, list[BenchDoc]]) -> None:
    """NER speed, whole-extraction speed and their ratio per language, in this process."""
    import torch

    if args.threads is None and args.load_at_start > (os.cpu_count() or 1):
        args.threads = 1
        print("\nNOTE: busy machine, so torch runs with 1 thread in this process (--threads N to choose)")
    if args.threads:
        torch.set_num_threads(args.threads)
    ex = Extractor(models_dir=models_dir)
    print(f"\nin-process (torch {torch.__version__}, {torch.get_num_threads()} threads; batches of "
          f"{ex.batch_docs} documents, the three measures back to back per batch, {args.runs} run(s), "
          f"each batch's fastest kept; language given, as with --lang):")
    deadline = args.started + args.budget
    figures = [measure_language(ex, lang, corpus[lang], args.runs, deadline) for lang in args.langs]
    if any(f.runs < args.runs for f in figures):
        print(f"  NOTE: past the {args.budget:.0f} s budget, some ran fewer than {args.runs} times: "
              + ", ".join(f"{f.lang} {f.runs}" for f in figures))
    rows = []
    for f in figures:
        bare, layer, whole = (f.seconds[w, "wall"] for w in ("bare", "layer", "whole"))
        rows.append([f.lang, fmt(f.model_load_s), fmt(f.first_doc_s), fmt(bare), f"{f.tokens / bare:.0f}",
                     fmt(layer), f"{f.view_tokens / layer:.0f}", fmt(whole), fmt(f.docs / whole, 1),
                     f.records, f.failed, f"{f.peak_rss_mb:.0f}"])
    table(["lang", "model load s", "1st doc s", "bare NER s", "NER tok/s", "NER layer s", "layer tok/s",
           "whole s", "docs/s", "records", "failed", "peak RSS MB"], rows)
    print("  NER layer input (normalized view): " + "; ".join(
        f"{f.lang} {f.view_sentences} sentences, {f.view_tokens} spaCy tokens" for f in figures))

    print(f"\nwhole extraction / bare Stanza NER (same documents, same run; target <= {TARGET_RATIO}x):")
    rows = []
    totals: dict[tuple[str, str], float] = {}
    for f in figures:
        for key, t in f.seconds.items():
            totals[key] = totals.get(key, 0.0) + t
    for name, sec in [*((f.lang, f.seconds) for f in figures), ("all", totals)]:
        ratio = sec["whole", "wall"] / sec["bare", "wall"]
        rows.append([name, fmt(ratio), "ok" if ratio <= TARGET_RATIO else "OVER",
                     fmt(sec["whole1", "wall"] / sec["bare", "wall"]),
                     fmt(sec["whole", "cpu"] / sec["bare", "cpu"]),
                     fmt(sec["layer", "wall"] / sec["bare", "wall"]),
                     fmt(sec["whole", "wall"] - sec["layer", "wall"])])
    table(["lang", "whole/bare (wall)", f"<= {TARGET_RATIO}x", "first pass/bare", "whole/bare (CPU)",
           "NER layer/bare",
           "whole - layer s"], rows)
    print(f"  peak RSS of this process {peak_rss_mb():.0f} MB with {len(figures)} model(s) loaded")

    sizes = [n for n in args.long_docs if n > 0]
    if sizes:
        print(f"\none document of growing length ({', '.join(map(str, sizes))} sentences), "
              f"{args.runs} run(s), fastest kept:")
        rows = [r for lang in args.langs
                for r in length_scaling(ex, lang, args.corpora, sizes, args.runs, deadline)]
        table(["lang", "sentences", "chars", "bare NER s", "whole s", "whole/bare"], rows)
    if args.profile:
        for lang in args.langs:
            profile_language(ex, lang, corpus[lang], 15)


# -- real articles: one machine, a local cluster, bare NER -----------------------------------------

JOBS2_TARGET = 1.7
CLUSTER2_TARGET = 1.6
NEWS_RATIO_TARGET = 1.15


def news_corpus(news: Path, langs: Sequence[str], max_docs: int) -> dict[str, list[BenchDoc]]:
    """The articles of ``news/<lang>/``, each with the tokens attache's NER layer gives Stanza (the
    normalized view's sentences, spaCy tokens), so bare NER runs on exactly the same tokens."""
    out: dict[str, list[BenchDoc]] = {}
    for lang in langs:
        paths = sorted((news / lang).glob("*.txt"))
        docs = []
        for p in paths[:max_docs] if max_docs > 0 else paths:
            text = p.read_text(encoding="utf-8")
            view = build_view(text, lang)
            sents = [[view.text[s + a:s + b] for a, b in tokenize(view.text[s:e], lang)] for s, e in view.sentences]
            d = BenchDoc(lang, p.stem, [t for t in sents if t], path=p)
            d.text = text  # whole extraction reads the article as published
            docs.append(d)
        out[lang] = docs
    return out


def _jsonl_run(cmd: list[str], env: dict[str, str], out: Path, timeout: float) -> tuple[float, int, float, bytes]:
    """Run an extract command writing JSONL to ``out``: seconds, exit code, peak RSS MB, the bytes."""
    t, _, _, rc, rss = run_counting([*cmd, "-f", "jsonl", "-o", str(out)], env, timeout)
    return t, rc, rss, out.read_bytes() if out.is_file() else b""


def news_figures(args: argparse.Namespace, models_dir: str | None, env: dict[str, str]) -> None:
    """``--jobs 1``, ``--jobs 2`` and ``--cluster local:2`` over the real articles (a fresh process
    each, models loaded each time, as a cron run meets them), then whole extraction against bare
    Stanza NER on the same tokens per language, in this process."""
    corpus = news_corpus(args.news, args.langs, args.news_max)
    docs = [d for v in corpus.values() for d in v]
    tokens = sum(len(s) for d in docs for s in d.sentences)
    print(f"\nreal articles: {len(docs)} from {args.news} "
          f"({', '.join(f'{k} {len(v)}' for k, v in corpus.items())}), {tokens} tokens, "
          f"{sum(len(d.text) for d in docs)} characters; load average {os.getloadavg()[0]:.1f}")
    cmd = [*attache_cmd(), "extract", *(str(d.path) for d in docs)]
    rows = []
    outputs: dict[str, bytes] = {}
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="attache-bench-news-") as tmp:
        for name, extra in (("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]),
                            ("--cluster local:2", ["--cluster", "local:2"])):
            t, rc, rss, data = _jsonl_run([*cmd, *extra], env, Path(tmp) / "out.jsonl", args.timeout)
            outputs[name], times[name] = data, t
            same = "-" if name == "--jobs 1" else ("identical" if data == outputs["--jobs 1"] else "DIFFERENT")
            rows.append([name, fmt(t), fmt(len(docs) / t, 1), f"{tokens / t:.0f}", data.count(b"\n"), same,
                         f"{rss:.0f}", rc])
    table(["run", "seconds", "docs/s", "tokens/s", "records", "records vs --jobs 1", "peak RSS MB", "exit"],
          rows)
    for name, target in (("--jobs 2", JOBS2_TARGET), ("--cluster local:2", CLUSTER2_TARGET)):
        speed = times["--jobs 1"] / times[name]
        print(f"  {name}: {speed:.2f}x --jobs 1 (target >= {target}x: {'ok' if speed >= target else 'UNDER'}); "
              f"peak RSS is that of the largest process (one worker, its models loaded)")
    if args.no_inprocess:
        return
    ex = Extractor(models_dir=models_dir)
    deadline = args.started + args.budget
    figures = [measure_language(ex, lang, corpus[lang], args.runs, deadline) for lang in args.langs]
    rows = []
    for f in figures:
        bare, whole = f.seconds["bare", "wall"], f.seconds["whole", "wall"]
        rows.append([f.lang, f.docs, f.tokens, fmt(bare), f"{f.tokens / bare:.0f}", fmt(whole),
                     fmt(f.docs / whole, 1), f"{f.tokens / whole:.0f}", fmt(whole / bare),
                     "ok" if whole / bare <= NEWS_RATIO_TARGET else "OVER"])
    table(["lang", "docs", "tokens", "bare NER s", "NER tok/s", "whole s", "docs/s", "tokens/s", "whole/bare",
           f"<= {NEWS_RATIO_TARGET}x"], rows)
    if args.profile:
        for lang in args.langs:
            profile_language(ex, lang, corpus[lang], 15)


# -- attache report at scale ----------------------------------------------------------------------

REPORT_TARGET_S = 30.0
PAGE_TARGET_S = 5.0


def report_figures(args: argparse.Namespace, env: dict[str, str]) -> None:
    """``attache report`` on synthetic records: generation time, page size, page load in Chromium.

    Generation is a fresh ``attache report`` process, as a user runs it (import, read, merge,
    layout, write). The page is then opened in headless Chromium: "page drawn" is the page's own
    mark, milliseconds from navigation start until its script has drawn every chart and table;
    "Chromium run" is the wall time of a whole ``chromium --headless --screenshot`` run (browser
    start, load, draw, screenshot). Medians of ``--report-runs`` runs.
    """
    import headless_chromium as chromium  # beside this file, which is on sys.path as the script's folder
    from synthetic_records import synthetic_records

    n = args.report_records
    records = synthetic_records(n)
    kinds = {t: sum(1 for r in records if r["type"] == t) for t in ("meeting", "claim")}
    with tempfile.TemporaryDirectory(prefix="attache-bench-report-") as tmp:
        src, page = Path(tmp) / "records.jsonl", Path(tmp) / "report.html"
        src.write_bytes(b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records))
        del records
        print(f"\nattache report on {n:,} synthetic records ({kinds['meeting']:,} meeting reports, "
              f"{kinds['claim']:,} claims; bench/synthetic_records.py):")
        secs, _, _, rc, rss = run_counting([*attache_cmd(), "report", str(src), "-o", str(page), "-q"], env,
                                           args.timeout)
        if rc != 0 or not page.is_file():
            print(f"  attache report failed (exit {rc})")
            return
        rows = [["generation (attache report)", f"{secs:.1f} s", f"< {REPORT_TARGET_S:.0f} s",
                 "ok" if secs < REPORT_TARGET_S else "OVER"],
                ["  peak RSS", f"{rss:.0f} MB", "", ""],
                ["page size", f"{page.stat().st_size / 1e6:.1f} MB", "", ""]]
        if chromium.find_chromium() is None:
            table(["figure", "value", "target", ""], rows)
            print("  page load: not measured, chromium is not installed (apt-get install chromium)")
            return
        drawn, runs = [], []
        for _ in range(args.report_runs):
            ms = chromium.render_ms(chromium.dump_dom(page, timeout=args.timeout).stdout)
            if ms is not None:
                drawn.append(ms / 1000)
            runs.append(chromium.screenshot(page, Path(tmp) / "shot.png", timeout=args.timeout).seconds)
        d = statistics.median(drawn) if drawn else None
        rows.append([f"page drawn (in page, median of {len(drawn)})", f"{fmt(d)} s", f"< {PAGE_TARGET_S:.0f} s",
                     "ok" if d is not None and d < PAGE_TARGET_S else "OVER"])
        rows.append([f"Chromium run (wall, median of {len(runs)})", f"{statistics.median(runs):.2f} s", "", ""])
        table(["figure", "value", "target", ""], rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models-dir", default=None, help="local models (default ATTACHE_MODELS_DIR, "
                    "then ../shared/models, then Stanza's official models)")
    ap.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    ap.add_argument("--langs", nargs="+", default=list(LANGS), choices=LANGS)
    ap.add_argument("--sentences-per-doc", type=int, default=10)
    ap.add_argument("--max-docs", type=int, default=100, help="documents per language (0: all)")
    ap.add_argument("--runs", type=int, default=2, help="in-process repetitions (the best is reported)")
    ap.add_argument("--cli-runs", type=int, default=3, help="repetitions of the command-line timings")
    ap.add_argument("--long-docs", type=int, nargs="*", default=[10, 50, 150],
                    help="sentence counts of single long documents timed per language (none: skip)")
    ap.add_argument("--threads", type=int, default=None,
                    help="torch threads in-process (0: torch's default; default: torch's, or 1 when the "
                         "load average exceeds the CPU count)")
    ap.add_argument("--long-mb", type=float, nargs="*", default=[1, 2, 4],
                    help="sizes in MB of the single long documents (none: skip)")
    ap.add_argument("--long-seed", default="004_198fcb716a004863.txt",
                    help="the seed article repeated into the long documents (a file in seeds/)")
    ap.add_argument("--long-timeout", type=float, default=3600.0, help="seconds allowed to one long document")
    ap.add_argument("--no-cli", action="store_true", help="skip the command-line timings")
    ap.add_argument("--no-inprocess", action="store_true", help="skip the in-process timings")
    ap.add_argument("--profile", action="store_true", help="also cProfile whole extraction per language")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds allowed to one CLI run")
    ap.add_argument("--report-records", type=int, default=50000,
                    help="synthetic records for the attache report timing (0: skip it)")
    ap.add_argument("--report-runs", type=int, default=3, help="page loads in headless Chromium (median)")
    ap.add_argument("--news", type=Path, default=REPO.parent / "shared" / "news",
                    help="folder of real articles, <lang>/*.txt (missing: that part is skipped)")
    ap.add_argument("--news-max", type=int, default=0, help="articles per language from --news (0: all)")
    ap.add_argument("--no-news", action="store_true", help="skip the real-article figures")
    ap.add_argument("--budget", type=float, default=540.0,
                    help="seconds after which repetitions stop (each figure still gets one run)")
    args = ap.parse_args(argv)

    started = args.started = time.perf_counter()
    models_dir = args.models_dir or os.environ.get("ATTACHE_MODELS_DIR")
    if not models_dir and (REPO.parent / "shared" / "models" / "resources.json").is_file():
        models_dir = str(REPO.parent / "shared" / "models")
    env = dict(os.environ)
    # the commands time this checkout's code, also when the environment's console script was
    # installed from another checkout of the project
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    if models_dir:
        env["ATTACHE_MODELS_DIR"] = models_dir
    try:
        require_models(args.langs, models_dir)
    except AttacheError as e:
        print(f"bench: {e}", file=sys.stderr)
        return 3

    load = args.load_at_start = os.getloadavg()[0]  # before this bench adds its own load
    _become_subreaper()
    print(f"attache bench: {os.cpu_count()} CPUs, load average {load:.1f} at start")
    for lang in args.langs:
        loc = locate_model(lang, models_dir)
        print(f"  NER {lang}: {loc.kind}, {loc.detail}")
    if load > (os.cpu_count() or 1):
        print("  NOTE: the machine is busy with other work: absolute figures are low and noisy. torch's "
              "threads wait on each other when a core is taken away, so the in-process part uses 1 thread")

    corpus = build_corpus(args.corpora, args.langs, args.sentences_per_doc, args.max_docs)
    with tempfile.TemporaryDirectory(prefix="attache-bench-") as tmp:
        root = Path(tmp) / "corpus"
        write_corpus(corpus, root)
        n_docs = sum(len(v) for v in corpus.values())
        print(f"\ncorpus: {n_docs} documents built in {root} from {args.corpora}/<lang>/test.json "
              f"({args.sentences_per_doc} sentences each, tokens joined by spaces, one sentence a line; "
              f"at most {args.max_docs or 'all'} per language)")
        rows = []
        for lang, docs in corpus.items():
            rows.append([lang, len(docs), sum(len(d.sentences) for d in docs),
                         sum(len(s) for d in docs for s in d.sentences), sum(len(d.text) for d in docs),
                         f"{sum(detect_language(d.text)[0] == lang for d in docs)}/{len(docs)}"])
        table(["lang", "docs", "sentences", "tokens", "chars", "detected as lang"], rows)
        if not args.no_news and args.news.is_dir():
            news_figures(args, models_dir, env)
        if not args.no_cli:
            cli_figures(args, env, root, n_docs)
        if args.report_records > 0:
            report_figures(args, env)
        if args.long_mb:  # before the in-process part, while this process is small (see cli_figures)
            long_document_figures(args, models_dir, Path(tmp))
        if not args.no_inprocess:
            inprocess_figures(args, models_dir, corpus)
    print(f"\nbench finished in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

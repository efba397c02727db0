"""Batch and cron runs (issue 8): bad inputs, per-input output files, the state, locks, signals, jobs.

What a cron job relies on, tested here: every kind of bad input gives one stderr line naming it and
the reason while the batch goes on (exit 1; 4 when every input failed); ``--output-dir`` files are
never truncated and a re-run redoes only new or changed inputs; an overlapping run exits with a
clear message (status 5) or waits for ``--lock-timeout``; SIGINT and SIGTERM stop cleanly and even
SIGKILL loses nothing: killed runs resumed to the end give byte-identical files to an uninterrupted
run, whatever ``--jobs`` was.

The library tests swap the NER model for one that finds nothing (the text stages still run), so they
are fast; the CLI tests use the real models from ``../shared/models`` and share one corpus.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from conftest import write_numbered

from cli.output import write_jsonl
from extractors import batch as B
from extractors.ner import Entity
from extractors.read import DEFAULT_MAX_BYTES

REPO = Path(__file__).resolve().parents[1]
MODELS = Path(__file__).resolve().parents[1].parent / "shared" / "models"

# Our own test sentences (nothing copied from the seeds or the gold documents).
_HOSTS = ["Foreign Minister Ali Rezaei", "President Laura Stein", "Prime Minister Omar Haddad",
          "Chancellor Petra Novak"]
_GUESTS = ["Defence Minister John Carter", "Ambassador Mina Farahani", "Envoy Karim Nassar",
           "Secretary Hugh Dalton"]
_CITIES = ["Ankara", "Baku", "Tehran", "Moscow", "Doha"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday"]
AR_DOC = "التقى وزير الخارجية الإيراني نظيره التركي في أنقرة يوم الاثنين، وقال إن المحادثات كانت مفيدة.\n"
DE_DOC = ("Der Minister traf gestern seinen Amtskollegen in Berlin und sagte, die Gespräche seien nützlich "
          "gewesen.")
FA_DOC = "وزیر امور خارجه ایران روز دوشنبه در آنکارا با همتای ترک خود دیدار کرد و گفت گفتگوها سازنده بود.\n"


def en_doc(i: int) -> str:
    h, g = _HOSTS[i % 4], _GUESTS[(i // 4) % 4]
    return (f"{h} met {g} in {_CITIES[i % 5]} on {_DAYS[i % 4]}.\n\n"
            f"{h.split()[-1]} said the talks on trade and energy had been useful.\n"
            f"The two sides also discussed regional security, officials said (item {i}).\n")


def write_corpus(d: Path, n: int) -> Path:
    return write_numbered(d, n, en_doc, "doc")


def run_batch(cfg: B.ExtractorConfig, inputs: list[str], **kw: Any) -> tuple[B.BatchRun, list[B.Outcome]]:
    opts = B.BatchOptions(config=cfg, writer=write_jsonl, **kw)
    with B.BatchRun(opts) as run:
        outcomes = list(run.run(B.iter_units(inputs, exclude=[p for p in (kw.get("output_dir"),) if p])))
        run.commit()
    return run, outcomes


def files(d: Path) -> dict[str, bytes]:
    """The output files under ``d`` (hidden state, lock and temporary files left out)."""
    return {p.relative_to(d).as_posix(): p.read_bytes() for p in sorted(d.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(d).parts)}


# -- small pieces ------------------------------------------------------------------------------
def test_split_long_keeps_every_character_within_the_limit() -> None:
    text = ("word " * 1000) + "x" * 3000
    spans = B.split_long(text, 700)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False)), "pieces must tile the text"
    assert all(0 < e - s <= 700 for s, e in spans)
    assert text[spans[0][0]:spans[0][1]].endswith(" "), "a piece should end after whitespace when it can"
    assert B.split_long("short", 700) == [(0, 5)]


def test_bounded_ner_feeds_pieces_and_keeps_view_offsets() -> None:
    seen: list[int] = []

    class Inner:
        def tag(self, lang: str, sentences: list[tuple[str, int]]) -> list[list[Entity]]:
            out = []
            for text, base in sentences:
                seen.append(len(text))
                k = text.find("Zarif")
                out.append([Entity(base + k, base + k + 5, "PER", text[k:k + 5])] if k >= 0 else [])
            return out

    long_sentence = "and so on " * 500 + "Zarif spoke " + "and so on " * 500
    sents = [("Zarif met Aliyev.", 0), (long_sentence, 100)]
    ents = B.BoundedNER(Inner(), max_chars=1000).tag("en", sents)
    assert max(seen) <= 1000 and len(seen) > 2
    assert [(e.start, e.text) for e in ents[0]] == [(0, "Zarif")]
    (e,) = ents[1]
    assert long_sentence[e.start - 100:e.end - 100] == "Zarif"


def test_longest_unbroken_counts_stretches_between_sentence_ends_and_newlines() -> None:
    assert B.longest_unbroken("") == 0
    assert B.longest_unbroken("ab. cde\nfghij") == 5
    assert B.longest_unbroken("سلام؟ خوبی") == 5
    assert B.longest_unbroken("x" * 20000 + ".") == 20000


def test_state_replays_its_journal_skips_a_torn_line_and_compacts(tmp_path: Path) -> None:
    path = tmp_path / "s" / "state.json"
    st = B.State(path)
    st.record("/a", {"sha256": "1"})
    st.record("/b", {"sha256": "2"})
    st.close()
    with open(path.with_name("state.json.journal"), "ab") as f:
        f.write(b'{"key": "/c", "entry": {"sha')  # what a SIGKILL mid-write leaves
    st = B.State(path)
    assert set(st.entries) == {"/a", "/b"} and not path.exists()
    st.record("/b", {"sha256": "3"})
    st.save()
    assert not path.with_name("state.json.journal").exists()
    data = json.loads(path.read_text())
    assert data["schema"] == B.STATE_SCHEMA and data["entries"]["/b"] == {"sha256": "3"}
    assert B.State(path).entries == {"/a": {"sha256": "1"}, "/b": {"sha256": "3"}}


def test_a_damaged_state_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{not json")
    with pytest.raises(B.StateError, match="move it away"):
        B.State(path)
    assert path.read_text() == "{not json"


def test_run_lock_refuses_a_second_holder_and_waits_when_asked(tmp_path: Path) -> None:
    lock = tmp_path / "out" / ".attache.lock"
    with B.RunLock([lock]):
        with pytest.raises(B.LockBusyError, match="another attache run holds"):
            B.RunLock([lock]).__enter__()
        t0 = time.monotonic()
        with pytest.raises(B.LockBusyError, match="waited 0.5 s"):
            B.RunLock([lock], timeout=0.5).__enter__()
        assert time.monotonic() - t0 >= 0.45
    with B.RunLock([lock]):  # released by the first holder
        pass


def test_signal_guard_defers_a_signal_until_the_critical_section_ends() -> None:
    guard = B.SignalGuard()
    steps = []
    with guard, pytest.raises(B.Interrupted) as err:
        with guard.critical():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)
            steps.append("section finished")
        steps.append("not reached")
    assert steps == ["section finished"]
    assert err.value.exit_code == 128 + signal.SIGTERM
    with guard, pytest.raises(B.Interrupted) as err:  # outside a section it stops at once
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)
    assert err.value.exit_code == 130
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler, "handlers must be restored"


def test_units_name_outputs_by_path_under_the_input_folder(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for name in ("a.txt", "a.html", "sub/b.txt"):
        (src / name).write_text("x")
    out = src / "out"  # an output folder inside the input folder is never read as input
    out.mkdir()
    (out / "a.txt.jsonl").write_text("{}")
    units = list(B.iter_units([str(src), str(src / "a.txt"), str(tmp_path / "gone.txt")], exclude=[out]))
    assert [u.out_name for u in units] == ["a.html", "a.txt", "sub/b.txt", "a.txt", None]
    assert units[0].key == os.path.abspath(src / "a.html")
    assert units[-1].error and "gone.txt" in units[-1].error


def test_feed_records_become_units_with_safe_names(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "a/b c", "text": "Zarif met Aliyev."}, {"text": "  "},
            {"id": "ok-1", "text": "x", "lang": "en"}]
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    units = list(B.iter_units([str(feed)], input_format="jsonl"))
    assert [bool(u.error) for u in units] == [False, True, False, True]
    assert units[0].out_name.startswith("feed.jsonl/a_b_c-") and "/" not in units[0].out_name[11:]
    assert units[2].out_name == "feed.jsonl/ok-1" and units[2].key.endswith("feed.jsonl#ok-1")
    assert "feed.jsonl:4" in units[3].error


def test_needed_languages_come_from_the_first_bytes(tmp_path: Path) -> None:
    (tmp_path / "ar.txt").write_text(AR_DOC * 2000, encoding="utf-8")  # far beyond the sample
    (tmp_path / "fa.html").write_text(f"<html><body><p>{FA_DOC}</p></body></html>", encoding="utf-8")
    (tmp_path / "bin.dat").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "de.txt").write_text(DE_DOC, encoding="utf-8")
    units = list(B.iter_units([str(tmp_path)]))
    assert B.needed_languages(units) == {"ar", "fa"}
    assert B.needed_languages(units, forced="en") == {"en"}
    assert B.needed_languages(units, max_bytes=1000) == {"fa"}  # ar.txt is over the limit


# -- runs with a model that finds nothing ------------------------------------------------------
def test_output_dir_rerun_does_only_new_and_changed_inputs(tmp_path: Path, fake_cfg) -> None:
    src = write_corpus(tmp_path / "in", 5)
    (src / "empty.txt").write_text("\n \n")
    out = tmp_path / "out"
    run, outcomes = run_batch(fake_cfg, [str(src)], output_dir=out)
    assert [o.status for o in outcomes] == ["done"] * 5 + ["failed"]
    assert sorted(files(out)) == [f"doc0{i}.txt.jsonl" for i in range(5)]
    first = {n: (out / n).stat().st_ino for n in files(out)}

    (src / "doc01.txt").write_text(en_doc(7), encoding="utf-8")
    (src / "doc05.txt").write_text(en_doc(5), encoding="utf-8")
    run, outcomes = run_batch(fake_cfg, [str(src)], output_dir=out)
    status = {o.unit.out_name: o.status for o in outcomes}
    assert status == {"doc00.txt": "skipped", "doc01.txt": "done", "doc02.txt": "skipped",
                      "doc03.txt": "skipped", "doc04.txt": "skipped", "doc05.txt": "done",
                      "empty.txt": "failed"}, "failures are retried, unchanged inputs skipped"
    assert run.counts == {"done": 2, "skipped": 4, "failed": 1}
    assert (out / "doc00.txt.jsonl").stat().st_ino == first["doc00.txt.jsonl"], "a finished file was redone"
    assert (out / "doc01.txt.jsonl").stat().st_ino != first["doc01.txt.jsonl"]

    (out / "doc02.txt.jsonl").unlink()  # a lost output file is redone even though the state knows it
    _, outcomes = run_batch(fake_cfg, [str(src)], output_dir=out)
    assert [o.unit.out_name for o in outcomes if o.status == "done"] == ["doc02.txt"]

    # other options give other records: nothing is reused
    other = B.ExtractorConfig(models_dir=fake_cfg.models_dir, doc_date="2020-01-02")
    B._EXTRACTORS[other] = B._EXTRACTORS[fake_cfg]
    try:
        _, outcomes = run_batch(other, [str(src)], output_dir=out)
    finally:
        del B._EXTRACTORS[other]
    assert sum(o.status == "done" for o in outcomes) == 6


def test_state_without_output_dir_remembers_only_what_was_committed(tmp_path: Path, fake_cfg) -> None:
    src = write_corpus(tmp_path / "in", 3)
    state = tmp_path / "state.json"
    opts = B.BatchOptions(config=fake_cfg, state_path=state)
    with B.BatchRun(opts) as run:
        assert [o.status for o in run.run(B.iter_units([str(src)]))] == ["done"] * 3
        # no commit: the caller's output never completed
    with B.BatchRun(opts) as run:
        assert [o.status for o in run.run(B.iter_units([str(src)]))] == ["done"] * 3
        assert run.commit(stored=True) == 3
    with B.BatchRun(opts) as run:
        assert [o.status for o in run.run(B.iter_units([str(src)]))] == ["skipped"] * 3
    entries = json.loads(state.read_text())["entries"]
    assert len(entries) == 3 and all(e["stored"] is True and "output" not in e for e in entries.values())


def test_two_inputs_with_one_output_name_do_not_overwrite_each_other(tmp_path: Path, fake_cfg) -> None:
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "same.txt").write_text(en_doc(ord(d)), encoding="utf-8")
    _, outcomes = run_batch(fake_cfg, [str(tmp_path / "x" / "same.txt"), str(tmp_path / "y" / "same.txt")],
                            output_dir=tmp_path / "out")
    assert [o.status for o in outcomes] == ["done", "failed"]
    assert "already the output of" in outcomes[1].result.error
    assert str(tmp_path / "y" / "same.txt") in outcomes[1].result.error


def test_outcomes_keep_input_order_with_failures_between_documents(tmp_path: Path, fake_cfg) -> None:
    src = tmp_path / "in"
    src.mkdir()
    names = []
    for i in range(40):
        name = f"f{i:02d}.txt"
        (src / name).write_text("" if i % 7 == 3 else en_doc(i), encoding="utf-8")
        names.append(name)
    opts = B.BatchOptions(config=fake_cfg, batch_docs=5)
    with B.BatchRun(opts) as run:
        outcomes = list(run.run(B.iter_units([str(src)])))
    assert [o.unit.out_name for o in outcomes] == names
    assert [o.status == "failed" for o in outcomes] == [i % 7 == 3 for i in range(40)]
    assert all(r["doc"]["id"] == o.unit.out_name[:-4] for o in outcomes for r in o.result.records)


def test_a_document_that_breaks_a_stage_fails_alone(tmp_path: Path, fake_cfg, monkeypatch) -> None:
    src = write_corpus(tmp_path / "in", 4)
    ex = B._EXTRACTORS[fake_cfg]
    original = ex._stages

    def stages(d, *a, **k):
        if d.id == "doc02":
            raise RuntimeError("boom\nsecond line")
        return original(d, *a, **k)

    monkeypatch.setattr(ex, "_stages", stages)
    _, outcomes = run_batch(fake_cfg, [str(src)])
    assert [o.status for o in outcomes] == ["done", "done", "failed", "done"]
    err = outcomes[2].result.error
    assert "doc02.txt" in err and "internal error (RuntimeError: boom second line)" in err and "\n" not in err


def test_an_overlong_unbroken_stretch_is_refused_with_its_limit(tmp_path: Path, fake_cfg) -> None:
    (tmp_path / "wall.txt").write_text("the talks went on " * 10, encoding="utf-8")  # 180 characters
    (tmp_path / "ok.txt").write_text(en_doc(0), encoding="utf-8")  # lines under 100 characters
    _, outcomes = run_batch(fake_cfg, [str(tmp_path / "wall.txt"), str(tmp_path / "ok.txt")],
                            max_unbroken=100)
    err = outcomes[0].result.error
    assert outcomes[0].status == "failed" and "wall.txt: a stretch of 180 characters" in err
    assert "limit is 100" in err
    assert outcomes[1].status == "done"
    assert B.BatchOptions().max_unbroken == B.MAX_UNBROKEN_CHARS == 10_000


def test_sigterm_while_writing_stops_after_that_file_is_recorded(tmp_path: Path, fake_cfg) -> None:
    src = write_corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    written = []

    def writer(records, f) -> int:
        written.append(len(written))
        if len(written) == 3:
            os.kill(os.getpid(), signal.SIGTERM)  # lands inside the critical section
            time.sleep(0.05)
        return write_jsonl(records, f)

    opts = B.BatchOptions(config=fake_cfg, writer=writer, output_dir=out, batch_docs=2)
    with pytest.raises(B.Interrupted), B.BatchRun(opts) as run:
        for _ in run.run(B.iter_units([str(src)])):
            pass
    assert sorted(files(out)) == [f"doc0{i}.txt.jsonl" for i in range(3)]
    assert set(json.loads((out / B.DEFAULT_STATE_NAME).read_text())["entries"]) == {
        os.path.abspath(src / f"doc0{i}.txt") for i in range(3)}
    assert not list(out.rglob(f"*{B.TMP_SUFFIX}")) and not (out / ".attache-state.json.journal").exists()
    _, outcomes = run_batch(fake_cfg, [str(src)], output_dir=out)
    assert [o.status for o in outcomes] == ["skipped"] * 3 + ["done"] * 3


def test_a_dead_worker_costs_only_the_document_that_killed_it(tmp_path: Path, fake_cfg, monkeypatch) -> None:
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    src = write_corpus(tmp_path / "in", 10)
    (src / "doc04.txt").write_text(en_doc(4) + "poison\n", encoding="utf-8")
    calls: list[int] = []

    class DyingPool:
        """Stands in for the worker pool: a batch holding the poison document kills its worker."""

        def __init__(self, cfg: B.ExtractorConfig, jobs: int) -> None:
            self.cfg = cfg
            self.lost = (BrokenProcessPool,)

        def submit(self, docs: list) -> Future:
            calls.append(len(docs))
            fut: Future = Future()
            if any("poison" in d.text for d in docs):
                fut.set_exception(BrokenProcessPool("a worker died"))
            else:
                fut.set_result(B.extract_batch(B._EXTRACTORS[self.cfg], docs))
            return fut

        def close(self, kill: bool = False) -> None:
            pass

    monkeypatch.setattr(B.run, "_Pool", DyingPool)
    _, outcomes = run_batch(fake_cfg, [str(src)], jobs=2, output_dir=tmp_path / "out")
    assert [o.unit.out_name for o in outcomes] == [f"doc{i:02d}.txt" for i in range(10)]
    assert [o.status for o in outcomes] == ["done"] * 4 + ["failed"] + ["done"] * 5
    assert "doc04.txt: the worker process died on this document" in outcomes[4].result.error
    assert calls == [4, 4, 1, 1, 1, 1, 2], "the broken batch is retried one document at a time"
    assert len(files(tmp_path / "out")) == 9


def test_stale_temporary_files_are_cleaned_under_the_lock(tmp_path: Path, fake_cfg) -> None:
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    stale = out / "sub" / f".x.txt.jsonl.abc{B.TMP_SUFFIX}"
    stale.write_text('{"half":')
    keep = out / "notes.tmp"
    keep.write_text("not ours")
    with B.BatchRun(B.BatchOptions(config=fake_cfg, writer=write_jsonl, output_dir=out)) as run:
        assert run.cleaned == 1
    assert not stale.exists() and keep.exists()


# -- the command line: bad inputs ----------------------------------------------------------------
def _errors(stderr: bytes) -> list[str]:
    return [ln for ln in stderr.decode().splitlines() if ln.startswith("ERROR: ")]


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> dict[str, Any]:
    """A folder holding one of every kind of bad input beside good documents."""
    d = tmp_path_factory.mktemp("bad") / "in"
    (d / "deep").mkdir(parents=True)
    (d / "good.txt").write_text(en_doc(1), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b" \n\t\r\n  \n")
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (d / "bad_utf8.txt").write_bytes(AR_DOC.encode() * 3 + b"\xff\xfe\xc3 broken\n")
    with open(d / "huge.txt", "wb") as f:  # 50 MB (sparse: refused on its size before any read)
        f.truncate(50 * 1024 * 1024)
    (d / "one_line.txt").write_text(("the talks went on " * 60000)[:1024 * 1024], encoding="utf-8")
    (d / "page.html").write_text(
        "<!DOCTYPE html><html><head><style>p{color:red}</style><script>var x = 'Zarif met';</script>"
        f"</head><body><h1>News</h1><p>{en_doc(2)}</p></body></html>", encoding="utf-8")
    (d / "german.txt").write_text(DE_DOC, encoding="utf-8")
    (d / "deep" / "loop").symlink_to("..")  # a directory loop
    (d / "self_link").symlink_to("self_link")  # a link to itself
    sock = socket.socket(socket.AF_UNIX)  # a file that exists but cannot be read, even by root
    sock.bind(str(d.parent / "unreadable.sock"))
    expected = {  # input -> what its one stderr line must say
        "empty.txt": "empty file", "blank.txt": "empty file", "image.png": "binary file",
        "huge.txt": f"over the limit of {DEFAULT_MAX_BYTES} (raise it with --max-bytes)",
        "one_line.txt": "a stretch of 1048576 characters", "german.txt": "unsupported language",
        "loop": "symlink loop", "self_link": "Too many levels of symbolic links",
        "unreadable.sock": "cannot read", "missing.txt": "no such file or directory",
    }
    extra = [d.parent / "unreadable.sock", d.parent / "missing.txt"]
    if os.geteuid() != 0:
        locked = d.parent / "locked.txt"
        locked.write_text(en_doc(3))
        locked.chmod(0)
        extra.append(locked)
        expected["locked.txt"] = "permission denied"
    yield {"dir": d, "extra": extra, "expected": expected, "sock": sock}
    sock.close()


@pytest.fixture(scope="module")
def matrix_run(run_cli, bad_inputs, tmp_path_factory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("matrix") / "out"
    res = run_cli(["extract", bad_inputs["dir"], *bad_inputs["extra"], "--output-dir", out], timeout=600)
    return {"res": res, "out": out}


def test_each_bad_input_gets_one_line_naming_it_and_the_batch_goes_on(matrix_run, bad_inputs) -> None:
    res = matrix_run["res"]
    assert res.returncode == 1, res.stderr.decode()[-3000:]
    assert b"Traceback" not in res.stderr
    errors = _errors(res.stderr)
    for name, reason in bad_inputs["expected"].items():
        mine = [ln for ln in errors if f"{name}:" in ln]
        assert len(mine) == 1, (name, errors)
        assert reason in mine[0], (name, mine[0])
    assert len(errors) == len(bad_inputs["expected"]), errors


def test_good_html_and_damaged_utf8_inputs_are_processed_with_a_warning(matrix_run, check_records) -> None:
    res, out = matrix_run["res"], matrix_run["out"]
    warnings = [ln for ln in res.stderr.decode().splitlines() if ln.startswith("WARNING: ")]
    assert any("bad_utf8.txt" in w and "invalid UTF-8" in w for w in warnings), warnings
    assert any("page.html" in w and "HTML page" in w for w in warnings), warnings
    assert sorted(files(out)) == ["bad_utf8.txt.jsonl", "good.txt.jsonl", "page.html.jsonl"]
    page = check_records(json.loads(line) for line in (out / "page.html.jsonl").read_text().splitlines())
    assert any(r["type"] == "meeting" for r in page), "the text of the HTML page should be extracted"
    assert all("<" not in r["evidence"]["sentence"] for r in page)
    good = check_records(json.loads(line) for line in (out / "good.txt.jsonl").read_text().splitlines())
    assert {r["doc"]["id"] for r in good} == {"good"}


def test_every_input_failing_exits_4_and_the_size_limit_can_be_raised(run_cli, bad_inputs, tmp_path) -> None:
    d = bad_inputs["dir"]
    res = run_cli(["extract", d / "empty.txt", d / "image.png", d / "good.txt", "--max-bytes", "100",
                   "--output-dir", tmp_path / "out"], timeout=120)
    assert res.returncode == 4, res.stderr
    errors = _errors(res.stderr)
    assert len(errors) == 3 and "good.txt: file is" in errors[2] and "over the limit of 100" in errors[2]
    assert not files(tmp_path / "out")
    # the default limit (5 MB) takes good.txt: see the matrix run, where it was processed


@pytest.mark.parametrize("extra,message", [
    (["--format", "table"], "not tables"),
    (["-o", "x.jsonl"], "only for --merge or --store"),
    (["--store", "ev.jsonl", "--format", "csv"], "use --format jsonl or json"),
    (["--jobs", "-1"], "--jobs must be 0"),
    (["INPUT_IS_OUTPUT"], "holds the input folder"),
], ids=["table", "output-file", "csv-store", "jobs", "input-inside-output"])
def test_output_dir_usage_errors_exit_2(run_cli, tmp_path, extra: list[str], message: str) -> None:
    out = tmp_path / "out"
    (out / "inbox").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(en_doc(0))
    inputs = [out / "inbox"] if extra == ["INPUT_IS_OUTPUT"] else [tmp_path / "a.txt"]
    extra = [] if extra == ["INPUT_IS_OUTPUT"] else extra
    res = run_cli(["extract", *inputs, "--output-dir", out, *extra], timeout=60)
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.decode().splitlines()
    assert message in line, line
    assert sorted(p.name for p in out.iterdir()) == ["inbox"], "a usage error must not write anything"


# -- the command line: locks ---------------------------------------------------------------------
def test_an_overlapping_run_exits_5_at_once_or_after_its_lock_timeout(run_cli, tmp_path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(en_doc(0), encoding="utf-8")
    out = tmp_path / "out"
    state = tmp_path / "state.json"
    with B.RunLock([state.with_name("state.json.lock")]):
        res = run_cli(["extract", doc, "--output-dir", out, "--state", state], timeout=120)
        assert res.returncode == 5, res.stderr
        (line,) = res.stderr.decode().splitlines()
        assert "another attache run holds" in line and "state.json.lock" in line and "--lock-timeout" in line
        t0 = time.monotonic()
        res = run_cli(["extract", doc, "--output-dir", out, "--lock-timeout", "2", "--state", state],
                      timeout=120)
        assert res.returncode == 5 and b"waited 2 s" in res.stderr
        assert time.monotonic() - t0 >= 2
    assert not files(out) and not state.exists(), "a run that did not get the lock must not write"


# -- the command line: signals, SIGKILL and resuming, --jobs -------------------------------------
N_DOCS = 48


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "in", N_DOCS)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory) -> dict[str, bytes]:
    """An uninterrupted run's output files, made in this process with one job."""
    out = tmp_path_factory.mktemp("reference") / "out"
    models = os.environ.get("ATTACHE_MODELS_DIR") or str(MODELS)
    opts = B.BatchOptions(config=B.ExtractorConfig(models_dir=models), writer=write_jsonl, output_dir=out)
    with B.BatchRun(opts) as run:
        outcomes = list(run.run(B.iter_units([str(corpus)])))
    assert [o.status for o in outcomes] == ["done"] * N_DOCS
    ref = files(out)
    assert len(ref) == N_DOCS and sum(b'"type":"meeting"' in v for v in ref.values()) > N_DOCS // 2
    return ref


def _attache_cmd() -> list[str]:
    script = Path(sys.executable).with_name("attache")
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from cli.main import main; main()"]


def _attache_env(marker: str) -> dict[str, str]:
    """The environment of a run under test: marked, and importing this checkout's code, also when
    the console script belongs to an environment installed from another checkout (whose output
    would then be compared with this checkout's reference)."""
    env = {**os.environ, "ATTACHE_TEST_MARK": marker}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env.setdefault("ATTACHE_MODELS_DIR", str(MODELS))
    return env


def _outputs(out: Path) -> set[str]:
    return {p.name for p in out.glob("*.jsonl")} if out.is_dir() else set()


def _run_and_stop(args: list[Any], out: Path, sig: int, marker: str, timeout: float = 400) -> tuple[int, str]:
    """Start ``attache ARGS``, wait until it has written a file more than there were, send ``sig``."""
    env = _attache_env(marker)
    before = len(_outputs(out))
    proc = subprocess.Popen([*_attache_cmd(), *map(str, args)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=REPO)
    err: list[bytes] = []
    reader = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout
    while len(_outputs(out)) <= before and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    if proc.poll() is None:
        proc.send_signal(sig)
    try:
        rc = proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    reader.join(10)
    return rc, b"".join(err).decode(errors="replace")


def _marked_processes(marker: str) -> list[int]:
    """Processes still running with our marker in their environment (orphaned workers)."""
    pids = []
    for env in Path("/proc").glob("[0-9]*/environ"):
        try:
            if f"ATTACHE_TEST_MARK={marker}".encode() in env.read_bytes():
                pids.append(int(env.parent.name))
        except OSError:
            continue
    return pids


def _check_consistent(out: Path, killed: bool) -> set[str]:
    """No truncated output; the state never claims a file that is not there. Returns the claimed names."""
    for p in out.glob("*.jsonl"):
        for line in p.read_text(encoding="utf-8").splitlines():
            json.loads(line)
    temporaries = list(out.rglob(f"*{B.TMP_SUFFIX}"))
    state = B.State(out / B.DEFAULT_STATE_NAME)
    claimed = {e["output"] for e in state.entries.values()}
    assert claimed <= _outputs(out), claimed - _outputs(out)
    if killed:
        assert len(_outputs(out) - claimed) <= 1 and len(temporaries) <= 1
    else:
        assert claimed == _outputs(out) and not temporaries
        assert not (out / ".attache-state.json.journal").exists(), "the journal should be folded in"
    return claimed


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc to look for orphans")
def test_interrupted_and_killed_runs_resume_to_the_uninterrupted_output(corpus, reference, tmp_path) -> None:
    out = tmp_path / "out"
    args = ["extract", corpus, "--output-dir", out, "--store", tmp_path / "events.jsonl"]
    marker = uuid.uuid4().hex
    steps = [(signal.SIGINT, 1, 130), (signal.SIGTERM, 2, 143), (signal.SIGKILL, 2, -signal.SIGKILL)]
    inodes: dict[str, int] = {}
    for sig, jobs, expected_rc in steps:
        rc, err = _run_and_stop([*args, "--jobs", jobs], out, sig, marker)
        assert rc == expected_rc, (sig, rc, err[-2000:])
        if sig != signal.SIGKILL:
            assert f"interrupted by {signal.Signals(sig).name}" in err and "run the same command again" in err
            assert "Traceback" not in err
        claimed = _check_consistent(out, killed=sig == signal.SIGKILL)
        assert 0 < len(claimed) < N_DOCS, f"the {signal.Signals(sig).name} did not land mid-run"
        for name in claimed:  # finished files are never redone by a later run
            ino = (out / name).stat().st_ino
            assert inodes.setdefault(name, ino) == ino, f"{name} was redone"
        time.sleep(2.5)  # orphaned workers notice their parent is gone within a second
        assert not _marked_processes(marker), "worker processes outlived the run"

    env = _attache_env(marker)
    res = subprocess.run([*_attache_cmd(), *map(str, args), "--jobs", "2"], capture_output=True, env=env,
                         cwd=REPO, timeout=600)
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    assert res.stdout == b"", "with --output-dir and --store nothing goes to stdout"
    assert files(out) == reference, "resumed output differs from an uninterrupted run's"
    _check_consistent(out, killed=False)
    for name, ino in inodes.items():
        assert (out / name).stat().st_ino == ino, f"{name} was redone"

    # the store got every document, also those finished by runs killed before their store update
    from extractors.merge import expand, read_records

    stored = {r["doc"]["id"] for r in expand(read_records(tmp_path / "events.jsonl"))}
    assert stored == {f"doc{i:02d}" for i in range(N_DOCS)}


def test_jobs_2_streams_records_in_input_order(run_cli, corpus, reference) -> None:
    names = [f"doc{i:02d}.txt" for i in reversed(range(14))]  # 4 batches over 2 workers, not in name order
    res = run_cli(["extract", *(corpus / n for n in names), "--jobs", "2", "--format", "jsonl"], timeout=600)
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    assert res.stdout == b"".join(reference[f"{n}.jsonl"] for n in names)


def test_extract_paths_runs_the_batch_loop_retry_and_endless_line_guard(tmp_path: Path, fake_cfg,
                                                                        monkeypatch) -> None:
    """The library's ``extract_paths`` shares the batch runner's loop: a document that breaks a stage
    fails alone (the rest of its batch is retried one by one) and an endless line is refused."""
    src = write_corpus(tmp_path / "in", 4)
    (src / "doc01.txt").write_text("minified " * 2000, encoding="utf-8")  # 18,000 characters, no line end
    for name in ("doc00.txt", "doc02.txt"):  # a speaker the lexicons know, so records without a NER model
        (src / name).write_text("The Iranian Foreign Ministry said the talks on trade had been useful.\n",
                                encoding="utf-8")
    ex = B.get_extractor(fake_cfg)  # no NER model
    original = ex._stages

    def stages(d, *a, **k):
        if d.id == "doc03":
            raise RuntimeError("stage bug")
        return original(d, *a, **k)

    monkeypatch.setattr(ex, "_stages", stages)
    results = list(ex.extract_paths([src]))
    assert [Path(r.input).name for r in results] == [f"doc{i:02d}.txt" for i in range(4)]
    assert [r.ok for r in results] == [True, False, True, False]
    assert "a stretch of 18000 characters" in results[1].error
    assert "internal error (RuntimeError: stage bug)" in results[3].error
    assert results[0].records and results[2].records, "the batch-mates of the broken document keep their records"


def test_workers_read_long_documents_in_the_windows_of_the_callers_extractor() -> None:
    """``--jobs`` and cluster workers build their extractor from a config: the window size (which
    changes the records of a long document) and the group size travel with it, and a run with
    another window size does not reuse the state of this one."""
    from extractors.pipeline import Extractor

    ex = Extractor(models_dir=f"/nonexistent/{uuid.uuid4().hex}", window_chars=5_000, group_chars=7_000)
    cfg = B.ExtractorConfig.of(ex)
    try:
        built = B.get_extractor(cfg)
        assert built is not ex and (built.window_chars, built.group_chars) == (5_000, 7_000)
    finally:
        B._EXTRACTORS.pop(cfg, None)
    default = B.ExtractorConfig(models_dir=cfg.models_dir)
    assert cfg.fingerprint("jsonl") != default.fingerprint("jsonl")


def test_a_config_reads_relative_paths_from_the_callers_folder(tmp_path: Path, monkeypatch) -> None:
    """Workers start in other folders (a Dask worker, a process pool): the caller's relative
    ``--models-dir ../shared/models`` must reach them as the folder the caller meant."""
    monkeypatch.chdir(tmp_path)
    cfg = B.ExtractorConfig(models_dir="../models", actors_file="actors.jsonl")
    assert cfg.models_dir == str(tmp_path.parent / "models")
    assert cfg.actors_file == str(tmp_path / "actors.jsonl")
    assert cfg.places_file is None

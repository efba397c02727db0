"""Safe, bounded and friendly under real use: what a new user and a hostile run would hit.

Writes never destroy (special files, symlinks, modes, attache's own outputs read back as news,
the event store's versions and hand edits), inputs are bounded (stdin and devices), nothing
crashes (odd file names, unknown languages, damaged models), and the command line answers the
way a newcomer expects (version, -h, plain help, one-line errors, messages for empty inputs).

Most tests call the library with an NER model that finds nothing, so they are fast; the few CLI
runs that extract share one small corpus of our own sentences.
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from cli.output import csv_row, render_tables, write_csv, write_jsonl
from extractors import batch as B
from extractors.errors import InputError, ModelDamagedError, UsageError
from extractors.files import OutputError, atomic_file, check_writable, fit_name, printable
from extractors.pipeline import InputDoc, iter_inputs
from extractors.read import decode_bytes
from extractors.store import EventStore, StoreError

REPO = Path(__file__).resolve().parents[1]

EN_MEETING = "President Laura Stein met Defence Minister John Carter in Ankara on Monday.\n"
# a claim written across two lines, with markup-like brackets a terminal table must not interpret
EN_MARKUP = ("Foreign Minister Ali Rezaei met Chancellor Petra Novak in Baku on Tuesday.\n\n"
             "Rezaei said the talks on [bold red]trade[/b] and [link=http://example.invalid]energy\n"
             "links[/link] had been useful.\n")


def run_batch(cfg: B.ExtractorConfig, inputs: list[str], exclude: list[Path] | None = None,
              **kw: Any) -> tuple[B.BatchRun, list[B.Outcome]]:
    opts = B.BatchOptions(config=cfg, writer=write_jsonl, **kw)
    with B.BatchRun(opts) as run:
        outcomes = list(run.run(B.iter_units(inputs, exclude=exclude or [])))
        run.commit()
    return run, outcomes


def meeting(path: str, sha: str, rid: str = "m1", who: tuple[str, str] = ("a_one", "b_two")) -> dict:
    """A per-document meeting record of the shape ``attache extract`` writes."""
    doc = {"id": Path(path).stem, "path": path, "sha256": sha, "lang": "en", "encoding": "utf-8",
           "date": {"value": "2024-03-04", "source": "option"}}
    parts = [{"name": w, "text": w, "span": [0, 1], "role": "party", "wikidata": None, "country": None,
              "actor": w, "key": w} for w in who]
    return {"schema": "attache/1", "type": "meeting", "id": f"{sha[:12]}-{rid}", "doc": doc, "kind": "meeting",
            "status": "happened", "participants": parts, "location": None,
            "date": {"value": "2024-03-04", "text": "Monday", "span": [0, 1], "granularity": "day",
                     "weekday": 0, "basis": "explicit"},
            "codes": {}, "evidence": {"sentence": "x", "span": [0, 1], "rule": "en.meet.met"}}


# -- writes never destroy: special targets ----------------------------------------------------
def test_a_fifo_target_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    with atomic_file(fifo) as f:
        f.write(b"records\n")
    reader.join(10)
    assert got == [b"records\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a regular file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_symlinked_target_keeps_its_link_and_the_target_is_replaced(tmp_path: Path) -> None:
    real = tmp_path / "data" / "events.jsonl"
    real.parent.mkdir()
    real.write_bytes(b"old\n")
    link = tmp_path / "events.jsonl"
    link.symlink_to(real)
    with atomic_file(link) as f:
        f.write(b"new\n")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new\n"


def test_a_link_to_an_open_descriptor_is_written_like_a_shell_redirection(tmp_path: Path) -> None:
    # /dev/stdout is such a link (to /proc/self/fd/1); as root, replacing it broke the system's
    log = tmp_path / "log.txt"
    log.write_bytes(b"earlier line\n")
    with open(log, "ab") as held:
        link = tmp_path / "stdout"
        link.symlink_to(f"/proc/self/fd/{held.fileno()}")
        with atomic_file(link) as f:
            f.write(b"records\n")
        assert link.is_symlink()
    assert log.read_bytes() == b"earlier line\nrecords\n", "the appended-to file was truncated or replaced"


def test_a_directory_or_socket_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        check_writable(tmp_path)
    sock_path = tmp_path / "s.sock"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(sock_path))
    try:
        with pytest.raises(OutputError, match="not a regular file"), atomic_file(sock_path) as f:
            f.write(b"x")
        assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)
    finally:
        s.close()
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="(?i)not a directory"):
        check_writable(blocker / "out.jsonl")
    with pytest.raises(OutputError, match="not a directory"):
        check_writable(blocker, directory=True)


# -- writes never destroy: modes ----------------------------------------------------------------
@pytest.fixture
def umask():
    old = os.umask(0o022)
    os.umask(old)

    def set_(mask: int) -> None:
        os.umask(mask)
        from extractors import files

        files._umask.cache_clear()

    yield set_
    set_(old)


def test_new_files_get_0666_minus_the_umask_and_existing_files_keep_their_mode(tmp_path: Path, umask) -> None:
    umask(0o022)
    new = tmp_path / "new.jsonl"
    with atomic_file(new) as f:
        f.write(b"x")
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    kept = tmp_path / "kept.jsonl"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    with atomic_file(kept) as f:
        f.write(b"new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    umask(0o077)
    store = EventStore(tmp_path / "events.jsonl")
    store.update([meeting("in/a.txt", "a" * 64)])
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600, "a private umask must give a private store"


# -- attache's own outputs are never news ---------------------------------------------------------
def test_outputs_state_and_store_inside_the_input_folder_are_not_read(tmp_path: Path) -> None:
    from cli.extract_cmd import _check_outputs

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(EN_MEETING, encoding="utf-8")
    written = _check_outputs(str(inbox / "out.jsonl"), None, inbox / "state.json", str(inbox / "events.jsonl"))
    for name in ("out.jsonl", "events.jsonl", "events.jsonl.lock", "events.jsonl.sha256", "state.json",
                 "state.json.lock", "state.json.journal"):
        (inbox / name).write_text("President Laura Stein said the talks were useful.\n", encoding="utf-8")
    units = list(B.iter_units([str(inbox)], exclude=written))
    assert [Path(u.label).name for u in units] == ["a.txt"]


def test_files_that_hold_attache_output_are_skipped_whatever_their_name(fake_cfg, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(EN_MEETING, encoding="utf-8")
    rec = meeting("in/x.txt", "b" * 64)
    (inbox / "old-run.txt").write_bytes(json.dumps(rec).encode() + b"\n")
    (inbox / "old-run.json").write_bytes(b"[\n" + json.dumps(rec).encode() + b"\n]\n")
    (inbox / "old.csv").write_text("type,id,doc_id,doc_path,lang\n", encoding="utf-8")
    (inbox / "state").write_bytes(b'{\n  "schema": "attache-state/1",\n  "entries": {}\n}\n')
    saved = io.BytesIO()
    from cli.output import file_console

    console, text = file_console(saved)
    render_tables([], console)
    text.detach()
    (inbox / "table.txt").write_bytes(saved.getvalue())
    _, outcomes = run_batch(fake_cfg, [str(inbox)])
    status = {Path(o.unit.label).name: o.status for o in outcomes}
    assert status == {"a.txt": "done", "old-run.txt": "skipped", "old-run.json": "skipped", "old.csv": "skipped",
                      "state": "skipped", "table.txt": "skipped"}
    skipped = next(o for o in outcomes if o.unit.label.endswith("old-run.txt"))
    assert "attache output" in skipped.result.warnings[0]


# -- the event store: versions, copies, hand edits ------------------------------------------------
def test_an_edited_document_replaces_its_old_reports_in_the_store(tmp_path: Path) -> None:
    store = EventStore(tmp_path / "events.jsonl")
    store.update([meeting("in/a.txt", "1" * 64, who=("a_one", "b_two"))])
    stats = store.update([meeting("in/a.txt", "2" * 64, who=("a_one", "c_three"))])
    kept = [r for r in store.load() if r["type"] == "meeting"]
    assert [r["doc"]["sha256"][0] for r in kept] == ["2"], "the old version's meeting is still there"
    assert stats.reports_dropped == 1


def test_a_new_version_without_records_still_drops_the_old_ones(tmp_path: Path) -> None:
    store = EventStore(tmp_path / "events.jsonl")
    store.update([meeting("in/a.txt", "1" * 64)])
    store.update([], documents={"in/a.txt": "3" * 64})
    assert [r for r in store.load() if r["type"] == "meeting"] == []


def test_a_copy_at_a_second_path_adds_a_source_and_keeps_the_first(tmp_path: Path) -> None:
    store = EventStore(tmp_path / "events.jsonl")
    store.update([meeting("in/a.txt", "4" * 64)])
    store.update([meeting("mirror/a.txt", "4" * 64)])
    (event,) = [r for r in store.load() if r["type"] == "meeting"]
    assert event.get("merged") is True
    assert sorted(m["doc"]["path"] for m in event["mentions"]) == ["in/a.txt", "mirror/a.txt"]
    assert len(event["sources"]) == 2


def test_a_hand_edited_store_is_refused_not_silently_reverted(tmp_path: Path) -> None:
    store = EventStore(tmp_path / "events.jsonl")
    store.update([meeting("in/a.txt", "5" * 64), meeting("mirror/a.txt", "5" * 64)])
    edited = store.path.read_bytes().replace(b'"name":"a_one"', b'"name":"A. One (checked)"', 1)
    assert edited != store.path.read_bytes()
    store.path.write_bytes(edited)
    with pytest.raises(StoreError, match="changed outside attache") as e:
        store.update([meeting("in/b.txt", "6" * 64, who=("x_one", "y_two"))])
    assert str(store.digest_path) in str(e.value)
    assert store.path.read_bytes() == edited
    store.digest_path.unlink()  # the documented way to accept the file as it is
    store.update([meeting("in/b.txt", "6" * 64, who=("x_one", "y_two"))])


# -- tables and CSV: text is data ---------------------------------------------------------------
def _claim(text: str, doc_id: str = "[/b]") -> dict:
    doc = {"id": doc_id, "path": f"{doc_id}.txt", "sha256": "7" * 64, "lang": "en",
           "date": {"value": None, "source": "none"}}
    return {"schema": "attache/1", "type": "claim", "id": "c1", "doc": doc,
            "speaker": {"name": "=HYPERLINK(\"http://x.invalid\")", "text": "x", "resolution": "name"},
            "text": text, "span": [0, 1], "direct": False, "cue": "said", "meeting": None,
            "evidence": {"sentence": "s", "span": [0, 1], "rule": "en.cue.said"}}


def test_tables_print_markup_in_text_and_names_literally() -> None:
    from rich.console import Console

    con = Console(record=True, width=200, force_terminal=True, color_system="truecolor")
    render_tables([_claim("the talks on [bold red]trade[/b] and [link=http://x.invalid]energy[/link]")], con)
    shown = con.export_text(styles=False)
    assert "[bold red]trade[/b]" in shown and "[link=http://x.invalid]energy[/link]" in shown
    assert "[/b]" in shown.split("\n", 3)[-1], "the document id column lost its text"
    assert "\x1b]8;" not in con.export_text(styles=True), "a terminal hyperlink was made from article text"


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised() -> None:
    row = csv_row(_claim("-1 means the deal is off"))
    assert row["speaker"].startswith("'=") and row["text"] == "'-1 means the deal is off"
    buf = io.BytesIO()
    write_csv([_claim("+ fine")], buf)
    (rec,) = csv.DictReader(io.StringIO(buf.getvalue().decode()))
    assert rec["text"] == "'+ fine" and rec["doc_path"] == "[/b].txt"


# -- bounded reads --------------------------------------------------------------------------------
def _limited_memory() -> None:
    # if the read were unbounded the child would die of MemoryError, not fill the machine
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def test_a_device_is_read_only_up_to_the_limit(run_cli) -> None:
    t0 = time.monotonic()
    res = subprocess.run([*_cli(), "extract", "/dev/zero", "--max-bytes", "5000000"], capture_output=True,
                         env=_env(), preexec_fn=_limited_memory, timeout=120)
    assert res.returncode == 4, res.stderr[-800:]
    assert res.stderr.decode().splitlines() == [
        "ERROR: /dev/zero: more than 5000000 bytes, over the limit (raise it with --max-bytes)"]
    assert time.monotonic() - t0 < 60


def test_stdin_over_the_limit_is_refused_without_extraction(run_cli) -> None:
    res = run_cli(["extract", "-", "--max-bytes", "100"], stdin=(EN_MEETING * 10).encode(), timeout=120)
    assert res.returncode == 4, res.stderr
    assert res.stderr.decode().strip() == ("ERROR: stdin: more than 100 bytes, over the limit "
                                           "(raise it with --max-bytes)")


def test_sigterm_stops_a_run_that_is_reading_a_slow_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    proc = subprocess.Popen([*_cli(), "extract", str(fifo), "--max-bytes", str(1 << 30)], env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop = threading.Event()

    def feed() -> None:
        try:
            with open(fifo, "wb") as w:
                while not stop.is_set():
                    w.write(b"President Laura Stein met the minister.\n" * 100)
                    w.flush()
                    time.sleep(0.01)
        except BrokenPipeError:
            return  # the reader is gone, as it should be

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        time.sleep(4)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        stop.set()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, err
    assert b"Traceback" not in err


def test_read_file_bounds_a_device_and_utf16_without_bom_is_read(tmp_path: Path) -> None:
    # in a child with little memory: an unbounded read must fail there, not exhaust this machine
    code = ("import sys; from extractors.read import read_file\n"
            "try:\n    read_file('/dev/zero', max_bytes=1000)\n"
            "except Exception as e:\n    print(type(e).__name__, e)\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, env=_env(), cwd=REPO,
                         preexec_fn=_limited_memory, timeout=120)
    assert res.stdout.decode().startswith("InputError /dev/zero: more than 1000 bytes"), res.stdout + res.stderr
    fa = "وزیر امور خارجه ایران روز دوشنبه در آنکارا با همتای ترک خود دیدار کرد.\n"
    for enc in ("utf-16-le", "utf-16-be"):
        decoded = decode_bytes((EN_MEETING + fa).encode(enc))
        assert decoded.text == EN_MEETING + fa and decoded.encoding == enc
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)


# -- --jobs ---------------------------------------------------------------------------------------
def test_jobs_above_the_cpu_count_are_capped_with_a_warning(run_cli, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    res = run_cli(["extract", tmp_path / "empty.txt", "--jobs", "512"], timeout=120)
    err = res.stderr.decode()
    assert "WARNING: --jobs 512 is more than the" in err and "GB of memory" in err, err
    assert res.returncode == 4
    helptext = run_cli(["extract", "--help"], env={"COLUMNS": "300"}).stdout.decode()
    assert "GB of memory per job" in helptext


def test_a_killed_pool_leaves_no_leaked_semaphore_warning(tmp_path: Path) -> None:
    script = (
        "import os, signal, sys\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from extractors import batch as B\n"
        "pool = B._Pool(B.ExtractorConfig(models_dir='/nonexistent'), 1)\n"
        "assert pool.submit([]).result() == []\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert res.returncode == -signal.SIGKILL
    assert b"leaked semaphore" not in res.stderr, res.stderr.decode()[-500:]


# -- no crash: names ------------------------------------------------------------------------------
def test_undecodable_and_overlong_file_names_are_processed(fake_cfg, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    latin1 = os.fsdecode(b"caf\xe9.txt")
    (inbox / latin1).write_text(EN_MEETING, encoding="utf-8")
    long_name = "r" * 246 + ".txt"  # 250 bytes: legal, but name + ".jsonl" and the temporary name are not
    (inbox / long_name).write_text(EN_MEETING, encoding="utf-8")
    (inbox / "plain.txt").write_text(EN_MEETING, encoding="utf-8")
    out = tmp_path / "out"
    run, outcomes = run_batch(fake_cfg, [str(inbox)], output_dir=out)
    assert [o.status for o in outcomes] == ["done", "done", "done"], [o.result.error for o in outcomes]
    labels = sorted(Path(o.unit.label).name for o in outcomes)
    assert labels == ["caf\\xe9.txt", "plain.txt", long_name]
    for o in outcomes:
        assert o.output is not None and o.output.is_file() and len(os.fsencode(o.output.name)) <= 255
        json.dumps(o.unit.key)  # the state can hold it
    state = json.loads((out / B.DEFAULT_STATE_NAME).read_text(encoding="utf-8"))
    assert len(state["entries"]) == 3
    # a re-run finds all three unchanged
    _, again = run_batch(fake_cfg, [str(inbox)], output_dir=out)
    assert [o.status for o in again] == ["skipped"] * 3


def test_fit_name_and_printable() -> None:
    assert fit_name("a.txt", ".jsonl") == "a.txt.jsonl"
    long_a, long_b = "x" * 300 + "a", "x" * 300 + "b"
    assert len(fit_name(long_a, ".jsonl").encode()) <= 255 and fit_name(long_a, ".jsonl").endswith(".jsonl")
    assert fit_name(long_a, ".jsonl") != fit_name(long_b, ".jsonl")
    assert len(fit_name("ش" * 200, ".jsonl").encode()) <= 255
    assert printable(os.fsdecode(b"caf\xe9")) == "caf\\xe9" and printable("café") == "café"


# -- no crash: languages, dates, models -------------------------------------------------------------
def test_lookup_refuses_unknown_languages_and_paths(run_cli) -> None:
    from extractors.lang import profile
    from extractors.lookup import lookup

    for lang in ("de", "../..", "../../etc"):
        with pytest.raises(UsageError, match="unsupported"):
            lookup("Aliyev", None, lang)
        with pytest.raises(UsageError):
            profile(lang)
    res = run_cli(["actors", "lookup", "Aliyev", "--lang", "de"])
    assert res.returncode == 2 and res.stderr.decode() == "ERROR: unsupported --lang 'de' (ar, fa or en)\n"
    res = run_cli(["actors", "lookup", "Aliyev", "--date", "2017-13-01"])
    assert res.returncode == 2 and res.stderr.decode().startswith("ERROR: not a date")


def test_a_damaged_model_file_is_named_with_the_fix(models_dir, tmp_path: Path) -> None:
    from extractors.ner import NER

    if models_dir is None or not (models_dir / "en" / "ner.pt").is_file():
        pytest.skip("needs the local English model to damage a copy of")
    models_dir = models_dir.resolve()  # make exports a relative ../shared/models; the link must not be
    (tmp_path / "en").mkdir()
    (tmp_path / "resources.json").write_bytes((models_dir / "resources.json").read_bytes())
    (tmp_path / "en" / "pretrain.pt").symlink_to(models_dir / "en" / "pretrain.pt")
    with open(models_dir / "en" / "ner.pt", "rb") as f:
        (tmp_path / "en" / "ner.pt").write_bytes(f.read(10_000))  # a download cut short
    with pytest.raises(ModelDamagedError) as e:
        NER(str(tmp_path)).pipeline("en")
    msg = str(e.value)
    assert "damaged or incomplete" in msg and str(tmp_path / "en" / "ner.pt") in msg and "again" in msg
    assert e.value.exit_code == 3


# -- right answers: folders, ids, claim text --------------------------------------------------------
def test_a_symlinked_alias_is_skipped_quietly_and_a_real_loop_is_named(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / "b" / "x.txt").write_text(EN_MEETING)
    (root / "a_alias").symlink_to(root / "b")  # the same folder under a second name
    items = list(iter_inputs([str(root)]))
    assert not any(getattr(i, "error", None) for i in items), [getattr(i, "error", i) for i in items]
    assert len(items) == 1
    (root / "b" / "up").symlink_to(root)  # a folder that contains itself
    errors = [i.error for i in iter_inputs([str(root)]) if getattr(i, "error", None)]
    assert len(errors) == 1 and "symlink loop" in errors[0]


def test_document_ids_are_unique_within_a_run(fake_cfg, tmp_path: Path) -> None:
    # people in the actor dictionary, so the text stages find the meeting without an NER model
    text = "Azerbaijani President Ilham Aliyev met Turkish President Recep Tayyip Erdogan in Baku on Monday.\n"
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.txt").write_text(text)
    (tmp_path / "in" / "a" / "x.html").write_text(text)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.txt").write_text(text)
    _, outcomes = run_batch(fake_cfg, [str(tmp_path / "in"), str(tmp_path / "other")])
    ids = [r["doc"]["id"] for o in outcomes for r in o.result.records[:1]]
    assert len(ids) == 4 and len(set(ids)) == 4, ids
    assert ids[:3] == ["a/x", str(tmp_path / "in" / "a" / "x.txt"), "b/x"]
    paths = [r["doc"]["path"] for o in outcomes for r in o.result.records[:1]]
    assert paths[0] == str(tmp_path / "in" / "a" / "x.html")


def test_claim_text_is_one_line_and_its_span_stays_exact(extractor, models_dir) -> None:
    if models_dir is None:
        pytest.skip("needs the local models")
    (res,) = extractor.extract_many([InputDoc(id="m", text=EN_MARKUP, date="2024-03-05")])
    claims = [r for r in res.records if r["type"] == "claim"]
    assert claims, res.records
    wrapped = [c for c in claims if "\n" in EN_MARKUP[slice(*c["span"])]]
    assert wrapped, "expected the claim written over two lines"
    for c in wrapped:
        assert "\n" not in c["text"] and "  " not in c["text"]
        assert c["text"] == " ".join(EN_MARKUP[slice(*c["span"])].split())


# -- a newcomer's first minutes --------------------------------------------------------------------
def test_make_models_links_the_local_folder_where_attache_looks(tmp_path: Path, monkeypatch) -> None:
    from extractors import ner

    venv = tmp_path / "venv"
    venv.mkdir()
    models = tmp_path / "models"
    (models / "en").mkdir(parents=True)
    for name in ("ner.pt", "pretrain.pt"):
        (models / "en" / name).write_bytes(b"x")
    (models / "resources.json").write_text("{}")
    (venv / ".installed").write_text("")
    os.utime(venv / ".installed", (time.time() + 60, time.time() + 60))  # newer than pyproject.toml
    env = {k: v for k, v in os.environ.items() if k != "ATTACHE_MODELS_DIR"}
    res = subprocess.run(["make", "-s", "models", f"VENV={venv}", f"MODELS_DIR={models}"], cwd=REPO, env=env,
                         capture_output=True, timeout=60)
    assert res.returncode == 0, res.stderr
    link = venv / "share" / "attache" / "models"
    assert link.is_symlink() and link.resolve() == models.resolve()
    monkeypatch.delenv("ATTACHE_MODELS_DIR", raising=False)
    monkeypatch.setattr(sys, "prefix", str(venv))
    loc = ner.locate_model("en")
    assert loc.kind == "local" and str(link) in loc.detail


def test_models_list_shows_linked_models_with_no_variable_set(run_cli, models_dir, tmp_path: Path) -> None:
    if models_dir is None:
        pytest.skip("needs a local models folder")
    prefix = tmp_path / "prefix"
    (prefix / "share" / "attache").mkdir(parents=True)
    (prefix / "share" / "attache" / "models").symlink_to(models_dir.resolve())
    code = ("import sys; sys.prefix = sys.argv.pop(1); sys.argv[0] = 'attache'; "
            "from cli.main import main; main()")
    res = subprocess.run([sys.executable, "-c", code, str(prefix), "models", "list"], capture_output=True,
                         env={**_env(), "ATTACHE_MODELS_DIR": "", "STANZA_RESOURCES_DIR": str(tmp_path / "none")},
                         timeout=120, cwd=REPO)
    assert res.returncode == 0, res.stdout + res.stderr
    rows = [line.split("\t") for line in res.stdout.decode().splitlines()]
    assert [r[:2] for r in rows] == [["ar", "local"], ["fa", "local"], ["en", "local"]]


def test_version_short_help_and_completion(run_cli) -> None:
    res = run_cli(["--version"])
    assert res.returncode == 0 and res.stdout.decode().startswith("attache ")
    short, long_ = run_cli(["extract", "-h"]), run_cli(["extract", "--help"])
    assert short.returncode == 0 and short.stdout == long_.stdout
    top = run_cli(["--help"], env={"COLUMNS": "200"}).stdout.decode()
    assert "--install-completion" in top and "--show-completion" in top
    bare = run_cli([])
    assert bare.returncode == 2 and b"Usage: attache" in bare.stdout and b"ERROR" not in bare.stderr


def test_help_shows_what_to_type_not_python_types(run_cli) -> None:
    import re

    for cmd in (["extract"], ["merge"], ["eval"], ["models", "list"], ["models", "download"],
                ["models", "train"], ["actors", "lookup"], []):
        out = run_cli([*cmd, "--help"], env={"COLUMNS": "200"}).stdout.decode()
        assert not re.search(r"<(bool|str|int|float|list\[|path|file)", out), (cmd, out)
        assert not re.search(r"Usage: .*\{", out), (cmd, out)
    out = run_cli(["extract", "--help"], env={"COLUMNS": "200"}).stdout.decode()
    assert "table|jsonl|json|csv" in out and "ar|fa|en" in out


def test_errors_are_one_line_in_one_style(run_cli, tmp_path: Path) -> None:
    res = run_cli(["extract", "--no-such-option", "x"], env={"COLUMNS": "40"})
    lines = res.stderr.decode().splitlines()
    assert res.returncode == 2 and len(lines) == 1 and lines[0].startswith("ERROR: No such option"), lines
    res = run_cli(["eval", tmp_path / "missing.jsonl"], env={"COLUMNS": "40"})
    lines = res.stderr.decode().splitlines()
    assert res.returncode == 2 and len(lines) == 1 and lines[0].startswith("ERROR: "), lines
    res = run_cli(["extract", EN_MEETING_FILE(tmp_path), "-o", tmp_path])
    assert res.returncode == 2 and res.stderr.decode() == f"ERROR: {tmp_path}: is a directory; give a file name\n"


def EN_MEETING_FILE(d: Path) -> Path:  # noqa: N802 - reads as the constant it writes
    p = d / "meeting.txt"
    p.write_text(EN_MEETING)
    return p


def test_inputs_that_match_nothing_say_so(run_cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EN_MEETING)
    res = run_cli(["extract", tmp_path, "--glob", "*.md"])
    assert res.returncode == 0
    assert res.stderr.decode() == f"WARNING: no input files matching --glob '*.md' in {tmp_path}: nothing to do\n"


def test_files_from_with_nul_separators_keeps_odd_names(tmp_path: Path) -> None:
    from cli.extract_cmd import _read_list

    names = [str(tmp_path / "a b.txt"), str(tmp_path / "#c.txt"), str(tmp_path / "line\nbreak.txt")]
    listing = tmp_path / "list"
    listing.write_bytes(b"\0".join(os.fsencode(n) for n in names) + b"\0")
    assert _read_list(str(listing), nul=True) == names


def test_feed_errors_are_in_plain_words_and_a_bom_is_fine(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [b'\xef\xbb\xbf{"id": "ok", "text": "President Laura Stein met the minister."}',
            b'{"id": "n", "text": 42}', b'{"id": "m"}', b'{"id": "e", "text": "  "}', b'[1, 2]', b'{broken',
            b'{"id": "d", "text": "fine", "date": {"y": 2024}}']
    feed.write_bytes(b"\n".join(rows) + b"\n")
    units = list(B.iter_units([str(feed)], input_format="jsonl"))
    assert units[0].error is None and units[0].doc.id == "ok"
    errors = [u.error.split("not a document record: ", 1)[1] for u in units[1:]]
    assert errors[0] == '"text" must be a string, not a number'
    assert errors[1] == 'the record has no "text" field'
    assert errors[2] == '"text" is empty'
    assert errors[3].startswith("a JSON record must be an object") and errors[3].endswith("not a list")
    assert errors[4].startswith("not valid JSON")
    assert errors[5] == '"date" must be a string, not an object'


def test_a_feed_date_without_a_day_reads_the_document_as_undated_with_a_warning() -> None:
    from conftest import NoNER

    from extractors import Extractor, InputDoc

    ex = Extractor()
    ex.ner = NoNER()
    text = "The minister of Ruritania said on 4 March that talks would go on."
    month, year, day, bad = (ex.extract_many([InputDoc(id=i, text=text, date=v)])[0]
                             for i, v in (("m", "2023-05"), ("y", "2023"), ("d", "2023-05-02"), ("b", "2023-5")))
    for r in (month, year):
        assert r.error is None and len(r.warnings) == 1 and "gives no day: read as undated" in r.warnings[0]
    assert day.error is None and day.warnings == []
    assert bad.error is not None and "not a date (want YYYY-MM-DD): '2023-5'" in bad.error


def test_eval_says_what_is_missing_and_warns_about_partial_predictions(run_cli, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"doc_id": d, "lang": "en", "meetings": [], "claims": []}) + "\n"
                            for d in ("d1", "d2", "d3")))
    res = run_cli(["eval", gold])
    assert res.returncode == 2 and "nothing to score" in res.stderr.decode() and "--pred" in res.stderr.decode()
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(meeting("docs/d1.txt", "8" * 64) | {"doc": {**meeting("docs/d1.txt", "8" * 64)["doc"],
                                                                              "id": "d1"}}) + "\n")
    res = run_cli(["eval", gold, "--pred", pred, "--json"])
    err = res.stderr.decode()
    assert "WARNING:" in err and "no records for 2 of the 3 gold documents" in err and "d2, d3" in err, err


def test_every_field_of_merged_output_is_in_the_schema() -> None:
    from extractors.merge import merge_records

    schema = json.loads((REPO / "extractors" / "schema" / "attache-1.schema.json").read_text())
    meeting_props = schema["oneOf"][0]["properties"]
    (event,) = merge_records([meeting("in/a.txt", "9" * 64), meeting("in/b.txt", "a" * 64)])
    assert set(event) <= set(meeting_props), set(event) - set(meeting_props)
    assert meeting_props["selected"].get("description")


# -- one CLI run over a hostile folder: the table goes to the file, plain -------------------------------
@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    from tests.conftest import run_attache

    d = tmp_path_factory.mktemp("hostile")
    inbox = d / "inbox"
    inbox.mkdir()
    (inbox / "[b]markup.txt").write_text(EN_MARKUP, encoding="utf-8")
    (inbox / os.fsdecode(b"caf\xe9.txt")).write_text(EN_MEETING, encoding="utf-8")
    (inbox / "utf16.txt").write_bytes(EN_MEETING.encode("utf-16-le"))
    table = d / "table.txt"
    table.write_text("the previous table\n")
    res = run_attache(["extract", inbox, "--format", "table", "-o", table, "--doc-date", "2024-03-05"],
                      env={"COLUMNS": "200"}, timeout=600)
    return table, res


def test_a_table_goes_into_the_output_file_plain(hostile_run) -> None:
    table, res = hostile_run
    assert res.returncode == 0, res.stderr.decode()[-1000:]
    assert res.stdout == b"", "the table went to stdout instead of -o"
    text = table.read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert "Meetings (" in text and "Claims (" in text
    assert "[bold red]trade[/b]" in text, "markup in the article was interpreted"
    assert "caf\\xe9" in text and "[b]markup" in text
    assert stat.S_IMODE(table.stat().st_mode) == 0o644


def test_the_whole_hostile_folder_is_read(hostile_run) -> None:
    _, res = hostile_run
    assert b"ERROR" not in res.stderr and b"Traceback" not in res.stderr, res.stderr.decode()


def _cli() -> list[str]:
    from tests.conftest import cli_command

    return cli_command()


def _env() -> dict[str, str]:
    from tests.conftest import MODELS_DIR

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env["PYTHONPATH"] = str(REPO)
    if MODELS_DIR is not None:
        env.setdefault("ATTACHE_MODELS_DIR", str(MODELS_DIR))
    return env


def test_merge_output_keeps_a_symlink_and_refuses_a_directory(run_cli, tmp_path: Path) -> None:
    recs = tmp_path / "a.jsonl"
    recs.write_text(json.dumps(meeting("in/a.txt", "c" * 64)) + "\n")
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    res = run_cli(["merge", recs, "-o", link])
    assert res.returncode == 0, res.stderr
    assert link.is_symlink() and json.loads(real.read_text())["id"] == "c" * 12 + "-m1"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    res = run_cli(["merge", recs, "-o", tmp_path])
    assert res.returncode == 2 and res.stderr.decode() == f"ERROR: {tmp_path}: is a directory; give a file name\n"

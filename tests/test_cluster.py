"""Runs on a Dask cluster: the records and their order are those of ``--jobs 1``, whatever happens.

Two clusters are started, each once: a ``LocalCluster`` of two worker processes through the
library (one of its workers is killed in the middle of a run, and the run still gives every
document's records exactly once, in order), and a real ``dask scheduler`` with two ``dask worker``
processes on 127.0.0.1 that the CLI reaches with ``--cluster tcp://...`` (paths read by the
client, a JSONL feed, ``--output-dir`` with its state, an input that fails). English documents only,
so each worker loads one NER model.
"""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import write_numbered

from cli.output import write_jsonl
from extractors import batch as B
from extractors.batch.cluster import parse_cluster
from extractors.errors import UsageError

REPO = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 90  # a scheduler and two workers on a busy two-core machine
RUN_TIMEOUT_S = 300

# Our own sentences, nothing copied from the shared articles.
_PAIRS = [("Foreign Minister Lena Okafor", "Ambassador Tomas Berg", "Nairobi"),
          ("President Ivo Marten", "Prime Minister Sara Quist", "Oslo"),
          ("Defence Minister Raul Ortega", "Envoy Hana Sato", "Lima"),
          ("Chancellor Piet Vos", "Secretary Amal Idris", "Vienna")]


def doc_text(i: int) -> str:
    host, guest, city = _PAIRS[i % len(_PAIRS)]
    return (f"{host} met {guest} in {city} on Tuesday to discuss fisheries and grain (note {i}).\n\n"
            f"{host.split()[-1]} said both governments wanted a customs agreement before winter.\n"
            f"{guest.split()[-1]} told reporters that the visit had been productive.\n")


def write_docs(folder: Path, n: int) -> Path:
    return write_numbered(folder, n, doc_text, "note")


def reference_jsonl(inputs: list[str], input_format: str = "text") -> bytes:
    """What ``--jobs 1`` writes for ``inputs``, made in this process."""
    cfg = B.ExtractorConfig(models_dir=os.environ.get("ATTACHE_MODELS_DIR"))
    buf = io.BytesIO()
    with B.BatchRun(B.BatchOptions(config=cfg, input_format=input_format, signals=False)) as run:
        records = [r for o in run.run(B.iter_units(inputs, input_format=input_format)) for r in o.result.records]
    write_jsonl(records, buf)
    return buf.getvalue()


# -- no cluster needed -------------------------------------------------------------------------
def test_cluster_addresses_are_checked_before_anything_starts() -> None:
    assert parse_cluster("local:3") == ("local", 3)
    assert parse_cluster("tcp://10.1.2.3:8786") == ("remote", "tcp://10.1.2.3:8786")
    for bad in ("local:0", "local:two", "10.1.2.3:8786", "http://x:1", ""):
        with pytest.raises(UsageError, match="--cluster"):
            parse_cluster(bad)


def test_a_bad_cluster_option_is_one_line_and_status_2(tmp_path: Path) -> None:
    src = write_docs(tmp_path / "in", 1)
    for extra in (["--cluster", "somewhere:1"], ["--cluster", "local:2", "--jobs", "2"]):
        res = subprocess.run([sys.executable, "-c", "from cli.main import main; main()", "extract", str(src),
                              *extra], capture_output=True, text=True, cwd=REPO, env=_env(), timeout=120)
        assert res.returncode == 2, res.stderr
        assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
        assert "--cluster" in res.stderr or "--jobs" in res.stderr


def test_help_does_not_import_dask() -> None:
    code = ("import sys\nfrom cli.main import main\nsys.argv = ['attache', 'extract', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('DASK' if any(m.split('.')[0] in ('dask', 'distributed') for m in sys.modules) else 'NODASK')")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=_env(),
                         timeout=120)
    assert "--cluster" in res.stdout
    assert res.stdout.strip().endswith("NODASK")


# -- a local cluster, one of whose workers dies mid-run ----------------------------------------
def test_a_killed_worker_s_documents_are_redone_elsewhere(tmp_path: Path) -> None:
    src = write_docs(tmp_path / "in", 12)
    inputs = [str(src)]
    expected = reference_jsonl(inputs)
    cfg = B.ExtractorConfig(models_dir=os.environ.get("ATTACHE_MODELS_DIR"))
    opts = B.BatchOptions(config=cfg, cluster="local:2", batch_docs=1, signals=False)
    killed: list[int] = []
    outcomes = []
    with B.BatchRun(opts) as run:
        for outcome in run.run(B.iter_units(inputs)):
            outcomes.append(outcome)
            if not killed:
                # the first worker seen with a chunk in flight, not necessarily at the first outcome:
                # by the time the client looks, the workers may have finished every chunk sent so
                # far (no more are sent while the run waits for its caller)
                pool = run._pool
                busy = [addr for addr, keys in pool.client.processing().items() if keys]
                if busy:
                    pid = pool.worker_pids()[busy[0]]
                    os.kill(pid, signal.SIGKILL)
                    killed.append(len(outcomes))
    assert killed and killed[0] < len(outcomes), "a worker with chunks in flight should die mid-run"
    assert [o.status for o in outcomes] == ["done"] * 12
    assert [o.unit.out_name for o in outcomes] == [f"note{i:02d}.txt" for i in range(12)]
    buf = io.BytesIO()
    write_jsonl([r for o in outcomes for r in o.result.records], buf)
    assert buf.getvalue() == expected, "every document's records exactly once, in input order"


# -- a real scheduler and two workers on 127.0.0.1 ---------------------------------------------
def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("COLUMNS", None)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


@pytest.fixture
def tcp_cluster(tmp_path: Path) -> Iterator[str]:
    """``dask scheduler`` and two ``dask worker`` processes on free ports of 127.0.0.1; all ended
    after the test."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "dask"]
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    procs: list[subprocess.Popen] = []

    def start(name: str, args: list[str]) -> None:
        with open(logs / f"{name}.log", "wb") as log:
            procs.append(subprocess.Popen([*dask, *args], stdout=log, stderr=subprocess.STDOUT, env=_env(),
                                          cwd=tmp_path, stdin=subprocess.DEVNULL))

    try:
        start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"])
        for k in range(2):
            start(f"worker{k}", ["worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard",
                                 "--name", f"w{k}"])
        from distributed import Client

        with Client(address, timeout=START_TIMEOUT_S) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT_S)
        yield address
    finally:
        _stop(procs[1:])
        _stop(procs[:1])


def test_cli_on_a_scheduler_and_two_workers(tmp_path: Path, tcp_cluster: str) -> None:
    src = write_docs(tmp_path / "in", 6)
    missing = tmp_path / "nowhere.txt"
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"n{i}", "text": doc_text(i + 6), "date": "2026-03-0" + str(i + 1)})
                            + "\n" for i in range(4)), encoding="utf-8")
    cli = [sys.executable, "-c", "from cli.main import main; main()", "extract", "--cluster", tcp_cluster]

    # paths: the client reads them; a missing one is one error line and status 1, as without a cluster
    res = subprocess.run([*cli, str(src), str(missing), "-f", "jsonl"], capture_output=True, cwd=REPO,
                         env=_env(), timeout=RUN_TIMEOUT_S)
    assert res.returncode == 1, res.stderr.decode()
    assert res.stderr.decode().strip().splitlines() == [f"ERROR: {missing}: no such file or directory"]
    assert res.stdout == reference_jsonl([str(src), str(missing)])

    # a JSONL feed into --output-dir with its state; the re-run skips every record
    out = tmp_path / "out"
    res = subprocess.run([*cli, str(feed), "--input-format", "jsonl", "--output-dir", str(out)], capture_output=True,
                         cwd=REPO, env=_env(), timeout=RUN_TIMEOUT_S)
    assert res.returncode == 0, res.stderr.decode()
    got = b"".join((out / "feed.jsonl" / f"n{i}.jsonl").read_bytes() for i in range(4))
    assert got == reference_jsonl([str(feed)], "jsonl")
    state = json.loads((out / ".attache-state.json").read_text())
    assert len(state["entries"]) == 4
    res = subprocess.run([*cli, str(feed), "--input-format", "jsonl", "--output-dir", str(out), "-v"],
                         capture_output=True, cwd=REPO, env=_env(), timeout=RUN_TIMEOUT_S)
    assert res.returncode == 0 and b"0 processed, 4 unchanged and skipped, 0 failed" in res.stderr

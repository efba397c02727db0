"""The ``--jobs`` worker processes: forked from a server that has loaded what every worker needs,
and ended when the attache process is gone, even while it is an unreaped zombie."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors import batch as B
from extractors.batch import workers as W
from extractors.lang import LANGS

ZOMBIE_WAIT_S = 10.0


def _probe() -> dict[str, object]:
    """Runs in a worker before it has extracted anything."""
    from extractors.mentions import lexicons
    from extractors.places import _builtin_gazetteer

    return {"torch": "torch" in sys.modules, "stanza": "stanza.pipeline.core" in sys.modules,
            "lexicons": lexicons.cache_info().currsize, "gazetteer": _builtin_gazetteer.cache_info().currsize,
            "pid": os.getpid()}


@pytest.mark.skipif(sys.platform != "linux", reason="the fork server is what Linux offers; spawn elsewhere")
def test_workers_start_with_imports_and_dictionaries_already_loaded(tmp_path: Path) -> None:
    pool = W._Pool(B.ExtractorConfig(models_dir=str(tmp_path)), 2)
    try:
        assert pool.submit([]).result(timeout=300) == []
        first = pool.executor.submit(_probe).result(timeout=60)
        # a worker that has done nothing yet already has torch, Stanza and every language's tries
        assert first["torch"] and first["stanza"], first
        assert first["lexicons"] == len(LANGS), first
        assert first["gazetteer"] == 1
        # a pool replaced after a worker died forks from the same server: nothing is loaded again
        pool.close(kill=True)
        assert pool.submit([]).result(timeout=60) == []
        again = pool.executor.submit(_probe).result(timeout=60)
        assert again["pid"] != first["pid"] and again["torch"] and again["lexicons"] == first["lexicons"]
    finally:
        pool.close()


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0].decode()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_an_unreaped_dead_parent_counts_as_gone() -> None:
    assert W._alive(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + ZOMBIE_WAIT_S
    while _state(child.pid) != "Z" and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert _state(child.pid) == "Z"
        assert not W._alive(child.pid)  # the signal check alone says alive
    finally:
        child.wait()
    assert not W._alive(child.pid)

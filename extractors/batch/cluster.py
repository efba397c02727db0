"""The run's batches on a Dask cluster: ``--cluster local:N`` or ``--cluster tcp://HOST:PORT``.

Why Dask: its scheduler already does what a corpus of millions of articles needs from a cluster
(workers on any machine, a task of a lost worker given to another, results back to the client),
so attache adds only what is its own: each worker builds its ``Extractor`` once (a worker plugin
that runs when the worker joins, so models and dictionaries are not reloaded per task), and a task
is one batch of documents, the batch the NER model tags at once.

The client does everything else exactly as without a cluster (``BatchRun``): it lists and reads the
inputs, decides what the state lets it skip, and writes every output, state line and store update
itself, in input order. So the workers need the models (``--models-dir`` or ATTACHE_MODELS_DIR,
the same path on every machine) and the ``--actors``/``--places`` files, and nothing else; the
documents' texts travel with the tasks.

``dask`` and ``distributed`` are imported only here, and only when a run asks for a cluster.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from typing import Any

from ..errors import UsageError
from ..pipeline import DocResult, InputDoc
from .workers import ExtractorConfig, extract_batch, get_extractor

LOCAL_PREFIX = "local:"
_ADDRESS = re.compile(r"^(?:tcp|tls|ucx|inproc|ws|wss)://\S+$")
CONNECT_TIMEOUT_S = 30  # waiting for a scheduler that does not answer
PLUGIN_NAME = "attache-extractor"
# Each worker gets this many chunks ahead of the one it is working on, so it never waits for the
# client between chunks while the client still holds the order of what is in flight.
CHUNKS_PER_WORKER = 2


def parse_cluster(address: str) -> tuple[str, int | str]:
    """``("local", N)`` for ``local:N`` or ``("remote", address)`` for a scheduler address; a
    ``UsageError`` with the accepted forms otherwise."""
    if address.startswith(LOCAL_PREFIX):
        n = address[len(LOCAL_PREFIX):]
        if n.isdigit() and int(n) > 0:
            return "local", int(n)
        raise UsageError(f"--cluster {address!r}: local:N needs a number of workers N of 1 or more")
    if _ADDRESS.match(address):
        return "remote", address
    raise UsageError(f"--cluster {address!r}: give local:N (N worker processes here) or a scheduler "
                     f"address such as tcp://10.0.0.5:8786")


def _require_dask() -> None:
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError("--cluster needs the dask and distributed packages "
                         "(pip install dask distributed)") from None


def _extractor_plugin(cfg: ExtractorConfig) -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class ExtractorPlugin(WorkerPlugin):
        """Builds the worker's extractor when it joins: dictionaries now, each language's NER model
        on its first batch, then never again for the worker's life."""

        name = PLUGIN_NAME

        def __init__(self, cfg: ExtractorConfig) -> None:
            self.cfg = cfg

        def setup(self, worker: Any) -> None:
            with contextlib.suppress(Exception):
                import torch

                # one task at a time per worker process: torch's threads share the worker's cores
                torch.set_num_threads(max(1, int(worker.state.nthreads)))
            get_extractor(self.cfg)

    return ExtractorPlugin(cfg)


def _fork_workers() -> Any:
    """Local workers forked from a fork server that has imported distributed, torch, Stanza and
    spaCy and built the dictionaries (``preload``), instead of spawned processes that each pay
    all of it; where the platform has no fork server, Dask's default (spawn) stays.

    Dask picks the start method from ``distributed.worker.multiprocessing-method``; on its first
    use of a fork server it also sets the server's preload list to distributed and every package
    Dask can use (importing them all in this process first), which would replace attache's list.
    Its flag that this was done is set here, so the server preloads what the workers need.

    The setting holds until the returned ``dask.config.set`` object is exited (``close``), so that
    a worker the nanny restarts after a crash is forked too; None where nothing was set."""
    import multiprocessing

    import dask
    import distributed.utils

    from .workers import PRELOAD

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    config = dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"})
    if hasattr(distributed.utils, "_forkserver_preload_set"):
        distributed.utils._forkserver_preload_set = True
    multiprocessing.get_context("forkserver").set_forkserver_preload(["distributed", PRELOAD])
    return config


def extract_on_worker(cfg: ExtractorConfig, docs: list[InputDoc]) -> list[DocResult]:
    """One task: a batch of documents through the worker's extractor (built by the plugin)."""
    return extract_batch(get_extractor(cfg), docs)


class ClusterPool:
    """The ``--jobs`` pool's interface (``submit`` a batch, get a future) over a Dask client."""

    def __init__(self, cfg: ExtractorConfig, address: str) -> None:
        kind, where = parse_cluster(address)
        _require_dask()
        from distributed import Client, KilledWorker

        self.cfg = cfg
        self.lost: tuple[type[BaseException], ...] = (KilledWorker,)
        self.cluster: Any = None
        self._config: Any = None  # Dask settings of this pool's life, restored by close()
        logging.getLogger("distributed").setLevel(logging.ERROR)
        try:
            if kind == "local":
                from distributed import LocalCluster

                self._config = _fork_workers()
                self.cluster = LocalCluster(n_workers=int(where), threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            else:
                self.client = Client(str(where), timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as e:
            self.close()
            raise UsageError(f"--cluster {address}: cannot reach the scheduler ({e})") from None
        self.client.register_plugin(_extractor_plugin(cfg), name=PLUGIN_NAME)

    @property
    def workers(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    @property
    def window(self) -> int:
        return CHUNKS_PER_WORKER * self.workers

    def submit(self, docs: list[InputDoc]) -> Any:
        # pure=False: two chunks with equal contents are still two tasks, each with its own result
        return self.client.submit(extract_on_worker, self.cfg, docs, pure=False)

    def worker_pids(self) -> dict[str, int]:
        """Worker address -> process id (for tests that kill one)."""
        return self.client.run(os.getpid)

    def close(self, kill: bool = False) -> None:
        client, cluster = getattr(self, "client", None), self.cluster
        self.cluster = None
        if client is not None:
            with contextlib.suppress(Exception):
                client.close()
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()
        config, self._config = getattr(self, "_config", None), None
        if config is not None:
            config.__exit__(None, None, None)

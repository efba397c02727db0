"""Headless Chromium for the report's browser test and benchmark: dump the DOM, take a screenshot.

Debian's ``chromium`` package (``make test`` installs it when it is missing and apt is at hand).
Every run gets a fresh profile and no network: besides the flags that switch off Chromium's own
background traffic, every host name resolves to nothing, so neither the page nor the browser can
reach any host. ``--log-net-log`` records the requests that were still attempted; those the page
made (a request with a page origin as its initiator, unlike the browser's own housekeeping, whose
initiator is "not an origin") are returned, so a test can show that the page asks for nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
CANDIDATES = ("chromium", "chromium-browser")
BROWSER_INITIATOR = "not an origin"
DEFAULT_WINDOW = (1400, 2600)
DEFAULT_TIMEOUT_S = 120.0


def find_chromium() -> str | None:
    """The Chromium binary: $ATTACHE_CHROMIUM, else ``chromium`` or ``chromium-browser`` on PATH."""
    env = os.environ.get("ATTACHE_CHROMIUM")
    if env:
        return env if shutil.which(env) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageRun:
    """One headless run: what it printed (the DOM for --dump-dom), its wall time, page requests."""

    stdout: str
    seconds: float
    page_requests: list[str] = field(default_factory=list)
    stderr: str = ""


def _page_requests(netlog: Path) -> list[str]:
    """URLs of requests the page itself started (see the module docstring)."""
    try:
        log = json.loads(netlog.read_text("utf-8", errors="replace"))
    except (OSError, ValueError):
        # Chromium may leave the closing brackets off when it exits quickly; the events are there.
        text = netlog.read_text("utf-8", errors="replace").rstrip().rstrip(",")
        log = json.loads(text + "]}")
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    out = []
    for e in log.get("events", []):
        p = e.get("params") or {}
        if e.get("type") == start and "url" in p and p.get("initiator") != BROWSER_INITIATOR:
            out.append(p["url"])
    return out


def run_page(url: str, *, action: list[str], window: tuple[int, int] = DEFAULT_WINDOW,
             timeout: float = DEFAULT_TIMEOUT_S, chromium: str | None = None) -> PageRun:
    """Open ``url`` in a fresh headless Chromium with ``action`` (e.g. ``["--dump-dom"]``)."""
    binary = chromium or find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="attache-chromium-") as tmp:
        netlog = Path(tmp) / "netlog.json"
        cmd = [binary, *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}",
               f"--window-size={window[0]},{window[1]}", f"--log-net-log={netlog}", *action, url]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        seconds = time.perf_counter() - t0
        stderr = proc.stderr.decode("utf-8", "replace")
        if proc.returncode != 0:
            raise RuntimeError(f"chromium exited {proc.returncode}: {stderr.strip()[-500:]}")
        requests = _page_requests(netlog) if netlog.exists() else []
    return PageRun(proc.stdout.decode("utf-8", "replace"), seconds, requests, stderr)


def dump_dom(path: Path, fragment: str = "", **kw) -> PageRun:
    """The DOM of a local page after its scripts ran (``--dump-dom``)."""
    return run_page(path.resolve().as_uri() + fragment, action=["--dump-dom"], **kw)


def screenshot(path: Path, png: Path, **kw) -> PageRun:
    """A PNG of the page's first ``window`` pixels (``--screenshot``)."""
    return run_page(path.resolve().as_uri(), action=[f"--screenshot={png}"], **kw)


RENDER_MS = re.compile(r'data-render-ms="(\d+)"')


def render_ms(dom: str) -> int | None:
    """Milliseconds from navigation start until the report page finished drawing (its own mark)."""
    m = RENDER_MS.search(dom)
    return int(m.group(1)) if m else None

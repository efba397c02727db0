"""Shared fixtures for the test suite, and a schema check on every record the suite produces.

Why the schema check lives here: the ``attache/1`` contract is what downstream users parse, and a
record that drifts from the shipped JSON Schema is a bug whichever test happened to produce it. So
for the whole session ``Extractor.extract_many`` is wrapped: each record it returns is validated
against ``extractors/schema/attache-1.schema.json``, and a violation fails the test (or the fixture
setup) that produced it, naming the record and the broken field. Records that come out of a CLI
subprocess are out of reach of that wrapper; tests check them with the ``check_records`` fixture.

Models and data are read from ``../shared`` beside the checkout at test time (never copied in).
Stanza pipelines load once per session through the ``extractor`` fixture.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from extractors.ner import Entity
from extractors.pipeline import Extractor

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCHEMA_PATH = REPO / "extractors" / "schema" / "attache-1.schema.json"
# Variables that would make a CLI subprocess behave unlike a plain pipe (forced colour, a width).
_COLOUR_ENV = ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "PY_COLORS", "TTY_COMPATIBLE", "COLUMNS")

_VIOLATIONS: list[str] = []


def _models_dir() -> Path | None:
    """ATTACHE_MODELS_DIR when set, else ../shared/models, else None (Stanza's official location)."""
    env = os.environ.get("ATTACHE_MODELS_DIR")
    if env:
        return Path(env)
    local = SHARED / "models"
    return local if (local / "resources.json").is_file() else None


MODELS_DIR = _models_dir()

# Built objects cached on disk (extractors.cache) go to a folder of this session, removed at exit,
# not to the user's ~/.cache; CLI subprocesses inherit it. A folder set from outside is kept.
if "ATTACHE_CACHE_DIR" not in os.environ:
    _CACHE = tempfile.mkdtemp(prefix="attache-test-cache-")
    os.environ["ATTACHE_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


def _seeds_dir() -> Path:
    shared = SHARED / "seeds"
    return shared if shared.is_dir() else REPO / "seeds"


@functools.lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def schema_errors(record: Mapping[str, Any]) -> list[str]:
    """One line per way ``record`` breaks the shipped schema (empty when it conforms)."""
    out = []
    for err in sorted(_validator().iter_errors(record), key=lambda e: str(list(e.absolute_path))):
        details = [err]
        if err.context:
            # A oneOf failure hides the cause: keep the branch for this record's own "type" (the
            # one whose "type" const did not fail) and report its errors, which name the field.
            branches: dict[Any, list] = {}
            for sub in err.context:
                branches.setdefault(sub.relative_schema_path[0], []).append(sub)
            own = [subs for subs in branches.values()
                   if not any(list(s.absolute_path) == ["type"] and s.validator == "const" for s in subs)]
            details = own[0] if own else err.context
        for d in details:
            where = "/".join(str(p) for p in d.absolute_path) or "<record>"
            out.append(f"{record.get('type')} {record.get('id')}: {where}: {d.message[:300]}")
    return out


# -- the session-wide schema check ------------------------------------------------------------
@pytest.fixture(scope="session", autouse=True)
def _validate_every_extracted_record():
    """Wrap ``Extractor.extract_many`` so every record produced in this session is validated."""
    original = Extractor.extract_many

    @functools.wraps(original)
    def checked(self, docs):
        results = original(self, docs)
        for res in results:
            for rec in res.records:
                _VIOLATIONS.extend(schema_errors(rec))
        return results

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Extractor, "extract_many", checked)
        yield


def _raise_violations(phase: str) -> None:
    if _VIOLATIONS:
        lines = list(dict.fromkeys(_VIOLATIONS))
        _VIOLATIONS.clear()
        pytest.fail(f"records produced during {phase} violate the attache/1 schema:\n" +
                    "\n".join(lines[:20]) + (f"\n... and {len(lines) - 20} more" if len(lines) > 20 else ""),
                    pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    _VIOLATIONS.clear()
    result = yield
    _raise_violations("fixture setup")
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    _VIOLATIONS.clear()
    result = yield
    _raise_violations("the test")
    return result


@pytest.fixture(scope="session")
def check_records() -> Callable[[Iterable[Mapping[str, Any]]], list[Mapping[str, Any]]]:
    """Validate records that came from outside this process (CLI output); returns them as a list."""

    def check(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        records = list(records)
        errors = [e for r in records for e in schema_errors(r)]
        assert not errors, "records violate the attache/1 schema:\n" + "\n".join(errors[:20])
        return records

    return check


# -- models, seeds, the extractor -------------------------------------------------------------
@pytest.fixture(scope="session", autouse=True)
def _models_env():
    """Point ATTACHE_MODELS_DIR at the local models so library calls and subprocesses find them."""
    if MODELS_DIR is None or os.environ.get("ATTACHE_MODELS_DIR"):
        yield
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ATTACHE_MODELS_DIR", str(MODELS_DIR))
        yield


@pytest.fixture(scope="session")
def models_dir() -> Path | None:
    return MODELS_DIR


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    d = _seeds_dir()
    assert len(list(d.glob("*.txt"))) == 5, f"expected the five seed articles in {d}"
    return d


@pytest.fixture(scope="session")
def seed_path(seeds_dir: Path) -> Callable[[str], Path]:
    """The seed file whose name starts with a number such as ``"002"``."""

    def find(num: str) -> Path:
        (path,) = sorted(seeds_dir.glob(f"{num}_*.txt"))
        return path

    return find


@pytest.fixture(scope="session")
def extractor(models_dir: Path | None) -> Extractor:
    """One Extractor for the session: the Stanza pipelines load once, on first use per language."""
    return Extractor(models_dir=str(models_dir) if models_dir else None)


class GivenNER:
    """A stand-in for Stanza: tags the names a test gives (``names``: text -> PER or ORG) wherever
    they stand in a sentence, so the stages after NER run in milliseconds with no model loaded."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def tag(self, lang: str, sentences: Sequence[tuple[str, int]]) -> list[list[Entity]]:
        out = []
        for text, base in sentences:
            ents: list[Entity] = []
            for name in sorted(self.names, key=len, reverse=True):  # "Ali Rezaei" before "Rezaei"
                for m in re.finditer(re.escape(name), text):
                    s, e = base + m.start(), base + m.end()
                    if not any(x.start < e and s < x.end for x in ents):
                        ents.append(Entity(s, e, self.names[name], name))
            out.append(sorted(ents, key=lambda x: x.start))
        return out


@pytest.fixture
def stages() -> Extractor:
    """An Extractor whose NER is ``GivenNER``: set ``stages.ner.names`` to the entities a model
    would find, then extract as usual (records are schema-checked like any others)."""
    ex = Extractor()
    ex.ner = GivenNER()
    return ex


# -- the CLI as a subprocess ------------------------------------------------------------------
def cli_command() -> list[str]:
    """The installed console script when there is one (the real entry point), else ``cli.main``."""
    script = Path(sys.executable).with_name("attache")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from cli.main import main; main()"]


def run_attache(args: Sequence[str | os.PathLike], *, stdin: bytes | None = None,
                env: Mapping[str, str | None] | None = None, timeout: float = 300,
                cwd: Path = REPO) -> subprocess.CompletedProcess:
    """Run ``attache ARGS`` as a pipe would (no TTY, no forced colour); bytes out, bytes err.

    ``env`` entries override the environment; a value of None removes the variable. A run that
    outlives ``timeout`` seconds fails the calling test instead of hanging the suite.
    """
    full_env = {k: v for k, v in os.environ.items() if k not in _COLOUR_ENV}
    # this checkout's code, also when the console script belongs to an environment installed from
    # another checkout of the project
    full_env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), full_env.get("PYTHONPATH")) if p)
    if MODELS_DIR is not None:
        full_env.setdefault("ATTACHE_MODELS_DIR", str(MODELS_DIR))
    for k, v in (env or {}).items():
        if v is None:
            full_env.pop(k, None)
        else:
            full_env[k] = v
    cmd = [*cli_command(), *(str(a) for a in args)]
    try:
        return subprocess.run(cmd, input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                              capture_output=True, env=full_env, cwd=cwd, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"`attache {' '.join(map(str, args))}` did not finish in {timeout} s "
                    f"(stderr so far: {(e.stderr or b'')[-500:]!r})", pytrace=False)


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., subprocess.CompletedProcess]:
    """``run_cli(args, stdin=None, env=None, timeout=300)``: the CLI in a fresh process."""
    return run_attache


class NoNER:
    """Finds no entities, so the text stages run without a model (dictionary actors, titles, dates)."""

    def tag(self, lang: str, sentences: list[tuple[str, int]]) -> list[list[Any]]:
        return [[] for _ in sentences]


@pytest.fixture
def fake_cfg(monkeypatch: pytest.MonkeyPatch):
    """A batch config whose extractor has no NER model (registered in the per-process cache)."""
    from extractors import batch as B

    cfg = B.ExtractorConfig(models_dir=f"/nonexistent/{uuid.uuid4().hex}")
    ex = Extractor()
    ex.ner = NoNER()
    monkeypatch.setitem(B._EXTRACTORS, cfg, ex)
    return cfg


def write_numbered(folder: Path, n: int, text_of: Callable[[int], str], stem: str) -> Path:
    """``n`` text files ``<stem>00.txt`` … in ``folder``, the i-th holding ``text_of(i)``: a corpus
    for the batch and cluster tests."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{stem}{i:02d}.txt").write_text(text_of(i), encoding="utf-8")
    return folder

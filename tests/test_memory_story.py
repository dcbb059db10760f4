"""The memory on a story of our own followed over four days (benchmarks/memory/story/): recall
finds the repeated claims as verified, and never suggests a changed figure or role as verified."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _measure(memory_url: str) -> dict:
    from claims.memory.location import store_at

    spec = importlib.util.spec_from_file_location("memory_story", ROOT / "benchmarks" / "memory" / "story.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with store_at(memory_url) as store:
        return module.measure(store)


def test_recall_finds_nine_in_ten_repeated_claims_and_suggests_no_changed_one(memory_url: str) -> None:
    result = _measure(memory_url)
    assert result["repeated"] >= 20 and result["changed"] >= 4
    assert result["recall"] >= 0.90, result["missed"]
    assert result["wrong"] == 0, result["wrong_claims"]

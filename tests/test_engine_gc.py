"""The engine pauses the cyclic garbage collector while it extracts, and gives it back as it was."""

from __future__ import annotations

import gc

import pytest

import claims


def test_the_collector_runs_again_after_an_extraction():
    assert gc.isenabled()
    claims.extract("Am 17. März 2025 kamen 300 Gäste.")
    assert gc.isenabled()


def test_the_collector_runs_again_after_a_failed_extraction(monkeypatch):
    from claims.engine import matcher

    def fail(*args, **kwargs):
        raise RuntimeError("a rule broke")

    monkeypatch.setattr(matcher, "find_candidates", fail)
    with pytest.raises(RuntimeError):
        claims.extract("Am 17. März 2025 kamen 300 Gäste.")
    assert gc.isenabled()


def test_a_program_that_paused_the_collector_finds_it_still_paused():
    gc.disable()
    try:
        claims.extract("Am 17. März 2025 kamen 300 Gäste.")
        assert not gc.isenabled()
    finally:
        gc.enable()


def _collector_state_during_extraction(monkeypatch) -> list[bool]:
    from claims.engine import matcher

    seen: list[bool] = []
    real = matcher.find_candidates

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(matcher, "find_candidates", spy)
    claims.extract("Am 17. März 2025 kamen 300 Gäste.")
    return seen


def test_the_collector_is_paused_while_a_lone_thread_extracts(monkeypatch):
    assert _collector_state_during_extraction(monkeypatch) == [False]


def test_the_collector_keeps_running_while_other_threads_live(monkeypatch):
    # a server extracting in several threads: their cycles must still be collected
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert _collector_state_during_extraction(monkeypatch) == [True]
    finally:
        stop.set()
        other.join()

"""A user-supplied pattern that backtracks catastrophically is stopped and named."""

from __future__ import annotations

import pytest

import claims
from claims.cli import main
from claims.engine import matcher
from claims.errors import PatternTimeout
from claims.ruleset import load_ruleset
from conftest import write_rule_dir

EVIL = '''kind = "figure"

[[rule]]
id = "de.figure.evil"
code = "T666"
summary = "Rückverfolgung ohne Ende"
pattern = '(x+x+)+y'
'''


EVIL_LINK = '''kind = "quote"

[[link]]
id = "de.quote.evil-speaker"
field = "speaker"
pattern = '(?P<speaker>(x+x+)+y)'
sentences_before = 0
priority = 100
'''


@pytest.mark.parametrize("rule_file, name, text", [
    ("EVIL", "de.figure.evil", "Die Zahl " + "x" * 3000 + " steht hier."),
    ("EVIL_LINK", "de.quote.evil-speaker", "„Wir bleiben hier“, sagte " + "x" * 3000 + " am Abend."),
], ids=["rule", "link"])
def test_a_catastrophic_pattern_is_stopped_and_named(tmp_path, monkeypatch, rule_file, name, text):
    monkeypatch.setattr(matcher, "TIMEOUT_BASE_SECONDS", 0.2)
    rules = load_ruleset("de", (write_rule_dir(tmp_path / "evil", {"evil.toml": globals()[rule_file]}),))
    with pytest.raises(PatternTimeout, match=name) as info:
        claims.extract(text, rules=rules)
    assert "evil.toml" in str(info.value)


def test_the_cli_exits_2_on_a_catastrophic_pattern(tmp_path, runner, monkeypatch):
    monkeypatch.setattr(matcher, "TIMEOUT_BASE_SECONDS", 0.2)
    article = tmp_path / "a.txt"
    article.write_text("Die Zahl " + "x" * 3000 + " steht hier.\n", encoding="utf-8")
    rules = write_rule_dir(tmp_path / "evil", {"evil.toml": EVIL})
    result = runner.invoke(main, ["extract", str(article), "--format", "json", "--rules", str(rules)])
    assert result.exit_code == 2
    assert "de.figure.evil" in result.output and "backtracks" in result.output


def test_a_catastrophic_pattern_is_stopped_in_a_worker_thread_too(tmp_path, monkeypatch):
    # signals reach only the main thread: there each regex call carries its own timeout
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setattr(matcher, "TIMEOUT_BASE_SECONDS", 0.2)
    rules = load_ruleset("de", (write_rule_dir(tmp_path / "evil", {"evil.toml": EVIL}),))
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(claims.extract, "Die Zahl " + "x" * 3000 + " steht hier.", rules=rules)
        with pytest.raises(PatternTimeout, match="de.figure.evil"):
            future.result(timeout=60)


def test_the_time_limit_leaves_a_programs_own_alarm_handler_in_place():
    import signal

    def mine(signum, frame):
        pass

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        claims.extract("Am 17. März 2025 kamen 300 Gäste.")
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_after_extraction_no_timer_is_left_running():
    import signal

    claims.extract("Am 17. März 2025 kamen 300 Gäste.")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)




def test_with_a_programs_own_timer_running_a_catastrophic_pattern_is_still_stopped(tmp_path, monkeypatch):
    # the program's SIGALRM and timer are left alone; each regex call then carries a timeout
    import signal

    monkeypatch.setattr(matcher, "TIMEOUT_BASE_SECONDS", 0.2)
    rules = load_ruleset("de", (write_rule_dir(tmp_path / "evil", {"evil.toml": EVIL}),))
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 60)
    try:
        with pytest.raises(PatternTimeout, match="de.figure.evil"):
            claims.extract("Die Zahl " + "x" * 3000 + " steht hier.", rules=rules)
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # the program's timer still runs
        assert not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_an_alarm_after_the_limit_ended_raises_nothing():
    import signal

    from claims.engine import watchdog

    with watchdog.limit(30) as guarded:
        assert guarded
    watchdog._on_alarm(signal.SIGALRM, None)  # a late alarm: the handler does nothing

"""Hostile input: rule folders from a shared repository whose fragments expand exponentially."""

from __future__ import annotations

import pytest

from bounded import bounded
from hostile_inputs import fragment_rules
from claims.errors import RuleError
from claims.ruleset import load_ruleset
from claims.ruleset.compiler import _Expander, _in_lookbehind, _lookbehind_spans
from conftest import write_rule_dir


def _load(folder):
    return load_ruleset("de", (folder,))


def _expand(levels: int, copies: int) -> str:
    fragments = {f"f{i}": "".join([f"{{f{i + 1}}}"] * copies) for i in range(levels)}
    fragments[f"f{levels}"] = "a"
    return _Expander(fragments, {}).expand("{f0}", None, None)


@pytest.mark.parametrize("levels, copies", [(15, 3), (19, 2), (8, 10), (18, 40)])
def test_fragments_that_grow_exponentially_are_refused_at_once(levels, copies):
    with pytest.raises(RuleError, match="grows to more than 1,000,000 characters"):
        bounded(_expand, levels, copies, seconds=10, memory_mb=100)


def test_a_rule_file_whose_fragments_blow_up_is_named_with_its_line(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_NO_CACHE", "1")
    folder = write_rule_dir(tmp_path / "evil", {"figures.toml": fragment_rules(15, 3)})
    with pytest.raises(RuleError, match=r"figures.toml:\d+: the pattern grows to more than 1,000,000"):
        bounded(_load, folder, seconds=30, memory_mb=300)


def test_a_fragment_used_many_times_is_expanded_once(tmp_path):
    expander = _Expander({"a": "x{b}", "b": "y"}, {})
    calls = []
    original = expander.expand

    def counting(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    expander.expand = counting  # type: ignore[method-assign]
    assert original("{a}{a}{a}", None, None) == "(?:x(?:y))" * 3
    assert calls.count("x{b}") == 1


def test_lookbehind_stretches_are_found_in_one_pass():
    pattern = r"(?<=a{x}(b)){y}(?<!\({z}\))[(?<=]{w}"
    spans = _lookbehind_spans(pattern)
    assert [_in_lookbehind(pattern, pattern.index("{" + k), spans) for k in "xyzw"] == [True, False, True, False]

"""A link's branches: alternatives of its pattern, each searched only where its anchor is.

The link finds what the alternation of its branches finds (the leftmost match; at the same
place the earlier branch's), and a branch is skipped in sentences without its anchor.
"""

from __future__ import annotations

import pytest

from claims.errors import RuleError
from claims.ruleset import load_ruleset

LINK = '''kind = "quote"

[[link]]
id = "de.quote.test-speaker"
field = "speaker"
{body}
sentences_before = 1
priority = 100
'''
FIRST = r"Sprecher (?P<speaker>\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)"
SECOND = r"(?P<speaker>\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+) meinte"
TEXTS = [
    "Sprecher Karl Huber: „Wir bleiben hier, ganz sicher.“",
    "Eva Moser meinte, Sprecher Karl Huber habe recht: „Wir bleiben hier, ganz sicher.“",
    "Sprecher Karl Huber, Eva Moser meinte: „Wir bleiben hier, ganz sicher.“",
    "Eva Moser meinte das. „Wir bleiben hier, ganz sicher.“",
    "Niemand sprach. „Wir bleiben hier, ganz sicher.“",
]


def _speakers(tmp_path, name, body):
    from claims.api import extract_text
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / name, {"links.toml": LINK.format(body=body)})
    ruleset = load_ruleset("de", (rules,))
    return [next(c for c in extract_text(t, rules=ruleset).claims if c.kind == "quote").value["speaker"]
            for t in TEXTS]


def test_link_branches_find_what_their_alternation_finds(tmp_path):
    combined = _speakers(tmp_path, "one", f"pattern = '{FIRST}|{SECOND}'")
    branched = _speakers(tmp_path, "two", f"branches = [{{ pattern = '{FIRST}', anchor = [\"Sprecher\"] }}, "
                                          f"{{ pattern = '{SECOND}', anchor = [\"meinte\"] }}]")
    assert branched == combined
    assert branched[:4] == ["Karl Huber", "Eva Moser", "Karl Huber", "Eva Moser"]


def test_link_branches_skip_sentences_without_their_anchor(tmp_path):
    branched = _speakers(tmp_path, "three", f"branches = [{{ pattern = '{FIRST}', anchor = [\"Pressesprecher\"] }}, "
                                            f"{{ pattern = '{SECOND}' }}]")
    assert branched[0] is None and branched[1] == "Eva Moser"


def test_link_branches_and_pattern_exclude_each_other(tmp_path):
    with pytest.raises(RuleError):
        _speakers(tmp_path, "four", f"pattern = '{FIRST}'\nbranches = [{{ pattern = '{SECOND}' }}]")

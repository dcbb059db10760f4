"""The language of an article that names none (no ``--lang``, front matter, checklist or
configuration): a vote of frequent function words.

Each language with a list ``rules/<lang>/lists/function_words.txt`` (one word a line) gets a point for every
word of the text in its list; the most points win, a tie or no point at all gives ``None``
(the caller's default then applies). Measured against the library detectors langdetect,
py3langid, lingua and pycld2 on short German and English texts of our own (docs/benchmarks.md,
"Language detection"): as accurate on sentences and headlines as the best of them, at no
start-up cost, where the libraries add 30-900 ms to a cold run and a dependency.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from claims.languages import available_languages, language_dir, rule_roots

_WORD = re.compile(r"[^\W\d_]+")
FUNCTION_WORDS = "function_words.txt"  # in rules/<lang>/lists/, one word a line
SAMPLE_CHARS = 20_000  # the start of an article decides; enough words, little work


@cache
def _lists(roots: tuple[Path, ...]) -> dict[str, frozenset[str]]:
    lists: dict[str, frozenset[str]] = {}
    for lang in available_languages():
        entry = language_dir(lang) / "lists" / FUNCTION_WORDS  # type: ignore[operator]
        if entry.is_file():
            words = [w.strip().casefold() for w in entry.read_text(encoding="utf-8").splitlines()]
            lists[lang] = frozenset(w for w in words if w and not w.startswith("#"))
    return lists


def detect(text: str) -> str | None:
    """The language code whose function words the text uses most, or None when undecided."""
    lists = _lists(rule_roots())
    votes = dict.fromkeys(lists, 0)
    for word, count in Counter(_WORD.findall(text, 0, SAMPLE_CHARS)).items():  # each word once
        word = word.casefold()
        for lang, words in lists.items():
            if word in words:
                votes[lang] += count
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if ranked[0][1] == 0 or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]

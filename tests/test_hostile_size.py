"""Hostile input: very long sentences and large articles cost linear time and bounded memory."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bounded import bounded
import claims
from claims.limits import limit
from claims.models import Paragraph
from claims.text import segment


def _sentences(text: str) -> list[tuple[int, int]]:
    paras = [Paragraph(start=0, end=len(text), index=1)]
    return [(s.start, s.end) for s in segment.sentences(text, paras, frozenset())]


def test_a_run_without_sentence_ends_is_cut_after_clauses_within_the_limit():
    text = "Am 3. Mai kamen 80 Menschen, " * 1000 + "und dann war Schluss."
    spans = _sentences(text)
    most = limit("SENTENCE_CHARS")
    assert len(spans) > 1 and all(end - start <= most for start, end in spans)
    assert all(text[end - 1] == "," for _, end in spans[:-1])  # cut after a clause


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Wort", " ", ", ", "17. März", "„Zitat“", "-", "\t"]), max_size=800))
def test_cut_sentences_are_within_the_limit_and_lose_no_word(pieces):
    text = "".join(pieces).strip() or "Wort"
    spans = _sentences(text)
    assert all(end - start <= limit("SENTENCE_CHARS") for start, end in spans)
    assert " ".join(text[a:b] for a, b in spans).split() == text.split()


def _long_sentence_claims(count: int) -> tuple[int, int]:
    text = "Am 3. Mai kamen 80 Menschen, " * count + "und dann war Schluss.\n"
    result = claims.extract(text, date="2025-05-10")
    return len(result.claims), max(len(c.sentence) for c in result.claims)


def test_claims_in_an_endless_sentence_cost_linear_time():
    # 20,000 repetitions: 40,000 claims in 580 kB; hashing the whole sentence for every claim's id
    # took 28 s, and the JSON output (the sentence with every claim) 23 GB
    found, longest = bounded(_long_sentence_claims, 20_000, seconds=60, memory_mb=700)
    assert found == 40_000 and longest <= limit("SENTENCE_CHARS")


def test_the_ids_of_a_cut_sentence_stay_distinct():
    result = claims.extract("Am 3. Mai kamen 80 Menschen, " * 300 + "und dann war Schluss.\n")
    ids = [c.id for c in result.claims]
    assert len(ids) == len(set(ids)) == 600

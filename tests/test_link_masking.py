"""What a link searches: the sentences around a claim with every claim of the link's kind
blanked out, since what a quote says is no place to look for who said it."""

from __future__ import annotations

from conftest import quote_speakers

LINKS = '''kind = "quote"

[[link]]
id = "de.quote.test-name"
field = "speaker"
pattern = '(?P<speaker>\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+(?: [^\\n,]*)?) (?:kam|sagte)'
sentences_before = 1
priority = 100
'''


def _speakers(tmp_path, text):
    return quote_speakers(tmp_path / "masking", {"links.toml": LINKS}, text)


def test_a_name_inside_the_quote_before_is_no_speaker(tmp_path):
    text = "„Wir wissen, dass Anna Berger kam und ging“, sagte er. „Das bleibt so.“"
    assert "Anna Berger" not in (_speakers(tmp_path, text)[1] or "")


def test_a_name_beside_the_quote_before_is_still_found(tmp_path):
    text = "Karl Huber sagte: „Wir wissen, dass Anna Berger kam und ging.“ „Das bleibt so.“"
    assert _speakers(tmp_path, text) == ["Karl Huber", "Karl Huber"]


def test_a_value_that_runs_over_another_quote_keeps_its_text(tmp_path):
    text = "Karl Huber vom Verein „Gute Nachbarn“ sagte: „Wir bleiben hier.“"
    assert _speakers(tmp_path, text)[1] == "Karl Huber vom Verein „Gute Nachbarn“"

"""Links that resolve a reference further back (resolves, agree), go on from the claim before
(inherit), or read another kind's claim (from_kind); and what an unresolved reference leaves."""

from __future__ import annotations

import pytest

from claims.errors import RuleError
from claims.ruleset import load_ruleset
from conftest import quote_speakers

LINKS = '''kind = "quote"

[[link]]
id = "de.quote.test-pronoun"
field = "speaker"
pattern = 'sagte (?P<speaker>er|sie)(?![\\p{{L}}])'
sentences_before = 0
priority = 105
refers = true
unresolved = "{unresolved}"

[[link]]
id = "de.quote.test-inherit"
field = "speaker"
inherit = true
sentences_before = 1
priority = 104

[[link]]
id = "de.quote.test-attribution"
field = "speaker"
from_kind = "attribution"
from_field = "source"
claim_pattern = '^\\W\\p{{Ll}}'
not_in = ["test_groups"]
sentences_before = 0
priority = 103

[[link]]
id = "de.quote.test-named"
field = "speaker"
pattern = '(?P<speaker>\\p{{Lu}}\\p{{Ll}}+ \\p{{Lu}}\\p{{Ll}}+) rief'
sentences_before = 0
priority = 102

[[link]]
id = "de.quote.test-antecedent"
field = "speaker"
pattern = '(?P<speaker>(?:Herr |Frau )?\\p{{Lu}}\\p{{Ll}}+(?: \\p{{Lu}}\\p{{Ll}}+)?)(?: von der \\p{{Lu}}\\p{{Ll}}+)? kam'
resolves = true
agree = "test_agreement"
sentences_before = 4
priority = 101
'''
AGREEMENT = '''summary = "test features"
[entries]
er = { features = "m", names = false }
sie = { features = "f pl", names = false }
Herr = "m"
Frau = "f"
der = { features = "m", names = false }
"*erin" = "f"
'''


def _speakers(tmp_path, text, unresolved="mention"):
    return quote_speakers(tmp_path / f"resolution-{unresolved}", {
        "links.toml": LINKS.format(unresolved=unresolved),
        "lists/test_agreement.toml": AGREEMENT,
        "lists/test_groups.txt": "Händler\n",
    }, text)


def test_a_reference_resolves_to_a_name_several_sentences_back(tmp_path):
    text = "Herr Huber kam früh. Es regnete. Der Saal blieb leer. „Wir warten noch“, sagte er."
    assert _speakers(tmp_path, text) == ["Herr Huber (er)"]


def test_a_name_that_disagrees_with_the_reference_is_passed_over(tmp_path):
    text = "Frau Moser kam früh. Herr Huber kam spät. Es regnete. „Wir warten noch“, sagte sie."
    assert _speakers(tmp_path, text) == ["Frau Moser (sie)"]


def test_resolution_looks_no_further_than_the_paragraph_before(tmp_path):
    text = "Herr Huber kam früh.\n\nEs regnete.\n\nDer Saal blieb leer. „Wir warten noch“, sagte er."
    assert _speakers(tmp_path, text) == ["er"]


def test_an_unresolved_reference_gives_no_speaker_where_the_link_says_so(tmp_path):
    text = "Es regnete. „Wir warten noch“, sagte sie."
    assert _speakers(tmp_path, text, unresolved="none") == [None]
    assert _speakers(tmp_path, text) == ["sie"]


def test_a_quote_without_a_cue_goes_on_from_the_quote_before(tmp_path):
    text = "„Wir warten noch“, rief Karl Huber. „Es kommt bald jemand.“"
    assert _speakers(tmp_path, text) == ["Karl Huber", "Karl Huber"]


def test_a_link_runs_only_for_claims_its_claim_pattern_finds(tmp_path):
    assert _speakers(tmp_path, "Laut Polizei heißt das Stück „Die lange Nacht“.") == [None]


def test_an_article_beside_a_name_says_nothing_of_it(tmp_path):
    text = "Anna Moser von der Bürgerliste kam früh. Es regnete. Der Saal blieb leer. „Wir warten“, sagte sie."
    assert _speakers(tmp_path, text) == ["Anna Moser (sie)"]


def test_an_ending_inside_the_name_says_nothing(tmp_path):
    text = "Herr Severin kam früh. Es regnete. Der Saal blieb leer. „Wir warten noch“, sagte er."
    assert _speakers(tmp_path, text) == ["Herr Severin (er)"]


def test_a_quote_further_on_does_not_inherit(tmp_path):
    text = "„Wir warten noch“, rief Karl Huber. Es regnete. Der Saal blieb leer. „Es kommt bald jemand.“"
    assert _speakers(tmp_path, text) == ["Karl Huber", None]


def test_a_quote_inside_an_attributed_statement_takes_its_source(tmp_path):
    text = "Laut Polizei war der Mann „sehr ruhig und höflich“."
    assert _speakers(tmp_path, text) == ["Polizei"]


def test_a_source_in_a_not_in_list_is_no_speaker(tmp_path):
    text = "Händler sprachen von einem „klaren Signal an alle“."
    assert _speakers(tmp_path, text) == [None]


def test_an_agreement_entry_is_features_or_a_table_of_them(tmp_path):
    from conftest import write_rule_dir

    links = LINKS.format(unresolved="mention")
    rules = write_rule_dir(tmp_path / "bad-agreement", {
        "links.toml": links, "lists/test_groups.txt": "Händler\n",
        "lists/test_agreement.toml": 'summary = "x"\n[entries]\ner = { features = "m", gender = 1 }\n'})
    with pytest.raises(RuleError):
        load_ruleset("de", (rules,))


@pytest.mark.parametrize("body", [
    "inherit = true\npattern = 'x(?P<speaker>y)'",
    "from_kind = \"attribution\"",
    "from_kind = \"nonsense\"\nfrom_field = \"source\"",
    "agree = \"no_such_list\"\npattern = 'x(?P<speaker>y)'",
    "not_in = [\"no_such_list\"]\ninherit = true",
])
def test_a_link_that_cannot_work_is_refused(tmp_path, body):
    from conftest import write_rule_dir

    text = f'kind = "quote"\n\n[[link]]\nid = "de.quote.test-bad"\nfield = "speaker"\n{body}\n'
    rules = write_rule_dir(tmp_path / "bad", {"links.toml": text})
    with pytest.raises(RuleError):
        load_ruleset("de", (rules,))


LEAD = '''kind = "quote"

[[link]]
id = "de.quote.test-lead"
field = "speaker"
pattern = 'Sprecherin (?P<speaker>\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+)'
sentences_before = 0
sentences_after = 1
lead_sentences = 1
priority = 100
'''


def _lead_speakers(tmp_path, text):
    return quote_speakers(tmp_path / "lead", {"links.toml": LEAD}, text)


def test_a_lead_quote_takes_the_speaker_named_in_the_sentence_after(tmp_path):
    text = "„Wir geben nicht auf“\n\nSprecherin Anna Berger kündigte Widerstand an."
    assert _lead_speakers(tmp_path, text) == ["Anna Berger"]


def test_a_quote_after_the_lead_does_not_look_ahead(tmp_path):
    text = "Die Mieter wehren sich. Es geht um viel. „Wir geben nicht auf“\n\nSprecherin Anna Berger kündigte Widerstand an."
    assert _lead_speakers(tmp_path, text) == [None]


KNOWN = '''kind = "quote"

[[link]]
id = "de.quote.test-pronoun"
field = "speaker"
pattern = 'sagte (?P<speaker>sie)'
sentences_before = 0
priority = 101
refers = true

[[link]]
id = "de.quote.test-known"
field = "speaker"
resolves = true
branches = [{ pattern = 'traf (?P<speaker>\\p{Lu}\\p{Ll}+)', known = true }]
known_from = ["role.person"]
sentences_before = 3
priority = 100
'''


def test_a_one_word_name_of_a_known_branch_must_be_known_from_the_article(tmp_path):
    known = "Bürgermeisterin Eva Moser kam. Dort traf Moser viele. Es regnete. „Wir warten“, sagte sie."
    unknown = "Die Feier begann. Dort traf Kälte viele. Es regnete. „Wir warten“, sagte sie."
    assert quote_speakers(tmp_path / "known", {"links.toml": KNOWN}, known) == ["Moser (sie)"]
    assert quote_speakers(tmp_path / "unknown", {"links.toml": KNOWN}, unknown) == ["sie"]


def test_a_known_branch_needs_known_from(tmp_path):
    from conftest import write_rule_dir

    rules = write_rule_dir(tmp_path / "bad-known", {"links.toml": KNOWN.replace('known_from = ["role.person"]\n', "")})
    with pytest.raises(RuleError):
        load_ruleset("de", (rules,))

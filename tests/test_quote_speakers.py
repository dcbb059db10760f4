"""Quote speakers of the built-in rules where the speaker is not named beside the quote: a
pronoun resolved or not, a description, an unnamed group (CLAIMS.md: null where none is named)."""

from __future__ import annotations

import pytest

from claims.api import extract_text


def _speakers(text: str, lang: str = "de") -> list[str | None]:
    return [c.value["speaker"] for c in extract_text(text, lang=lang).claims if c.kind == "quote"]


@pytest.mark.parametrize("text, lang", [
    ("Es regnete den ganzen Tag. „Das hat uns nicht gestört“, sagte sie.", "de"),
    ("Die Sitzung dauerte lange. Der Plan sei fertig. Sie fügte hinzu. „Wir beginnen im Mai.“", "de"),
    ("It rained all day. “It did not bother us,” she said.", "en"),
])
def test_a_pronoun_that_resolves_to_no_name_gives_no_speaker(text, lang):
    assert _speakers(text, lang) == [None]


@pytest.mark.parametrize("text, lang, speaker", [
    ("Der Saal war voll. „Das wird teuer“, erklärte der Arzt.", "de", "der Arzt"),
    ("Der Saal war voll. „Ich war es nicht“, sagte der 47-Jährige.", "de", "der 47-Jährige"),
    ("The road was closed. “Two cars were involved,” a police spokesman said.", "en", "a police spokesman"),
])
def test_a_description_without_a_name_stays_the_speaker(text, lang, speaker):
    assert _speakers(text, lang) == [speaker]


@pytest.mark.parametrize("text, lang, speaker", [
    ("Karl Huber leitet den Verein. Es regnete. Die Halle war kalt. „Wir bleiben“, sagte er.", "de", "Karl Huber (er)"),
    ("Mayor Ruth Ellis came early. It rained. The hall was cold. “We stay,” she said.", "en", "Ruth Ellis (she)"),
])
def test_a_pronoun_resolves_to_the_person_named_sentences_before(text, lang, speaker):
    assert _speakers(text, lang) == [speaker]


def test_a_pronoun_passes_over_a_person_of_the_other_gender():
    text = "Bürgermeisterin Eva Moser lud ein. Herr Huber kam spät. Es regnete. „Wir müssen sparen“, sagte sie."
    assert _speakers(text) == ["Eva Moser (sie)"]


@pytest.mark.parametrize("text, lang", [
    ("Händler sprachen von einem „klaren Signal an alle“.", "de"),
    ("Die Lage sei „äußerst angespannt“, sagten Experten.", "de"),
])
def test_an_unnamed_group_is_no_speaker(text, lang):
    assert _speakers(text, lang) == [None]


def test_a_group_with_its_genitive_is_the_speaker_as_a_whole():
    text = "Am Montag warnten Vertreter der Bauverbände vor einem „drohenden Verlust an Fachwissen“."
    assert _speakers(text) == ["Vertreter der Bauverbände"]


def test_a_sentence_opening_with_von_der_names_no_one():
    assert _speakers("Von der Tribüne schaute der Trainer zu. „Wir sind stolz auf das Team.“") == [None]


def test_a_noun_opening_a_sentence_is_no_speaker_of_a_clause_after_a_comma():
    text = "Es wurde gestritten. Kritik kam auch von der Opposition, die erklärte: „Das ist zu teuer.“"
    assert _speakers(text) == [None]


def test_an_attribution_inside_the_quote_is_not_its_speaker():
    text = "Der Saal war voll. „Wer das Gesetz ablehnt, stellt ein Risiko für die Stadt dar. Wir bleiben dabei.“"
    assert _speakers(text) == [None]


@pytest.mark.parametrize("text, speaker", [
    ("Der Verein schrieb an die Stadt. So heißt es in dem Brief: „Wir ziehen die Klage zurück.“", "dem Brief"),
    ("In einer Mitteilung der Feuerwehr heißt es: „Der Brand ist gelöscht.“", "einer Mitteilung der Feuerwehr"),
])
def test_a_document_the_quote_is_read_from_is_its_speaker(text, speaker):
    assert _speakers(text) == [speaker]

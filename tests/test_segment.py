"""Paragraphs and sentences with offsets, the German way."""

from __future__ import annotations

from claims.ruleset import load_ruleset
from claims.text.segment import paragraphs, sentences


def split(text: str) -> list[str]:
    lists = load_ruleset("de").lists
    abbreviations = frozenset(lists["abbreviations"].entries)
    starters = frozenset(lists["sentence_starters"].entries)
    before_numbers = frozenset(lists["abbreviations_before_numbers"].entries)
    return [text[s.start:s.end]
            for s in sentences(text, paragraphs(text), abbreviations, starters, before_numbers)]


def test_a_date_with_an_ordinal_does_not_end_a_sentence():
    assert split("Die Messe beginnt am 17. März in Bozen. Sie dauert zwei Tage.") == [
        "Die Messe beginnt am 17. März in Bozen.", "Sie dauert zwei Tage."]


def test_a_range_of_days_does_not_end_a_sentence():
    assert split("Die Messe läuft vom 5.-22. November in Bozen. Der Eintritt ist frei.") == [
        "Die Messe läuft vom 5.-22. November in Bozen.", "Der Eintritt ist frei."]


def test_a_name_with_a_number_still_ends_a_sentence():
    assert split("Viele erkrankten an Covid-19. Die Zahlen sinken.") == [
        "Viele erkrankten an Covid-19.", "Die Zahlen sinken."]


def test_abbreviations_do_not_end_a_sentence():
    text = "Es kamen u. a. Vertreter der Gemeinde, z. B. Dr. Huber aus Nr. 12. Danach ging es los."
    assert split(text) == ["Es kamen u. a. Vertreter der Gemeinde, z. B. Dr. Huber aus Nr. 12.",
                           "Danach ging es los."]


def test_a_street_abbreviated_inside_its_name_does_not_end_a_sentence():
    text = "Das Büro liegt in der Lindenstr. 18 in Bozen. Es öffnet um 9 Uhr."
    assert split(text) == ["Das Büro liegt in der Lindenstr. 18 in Bozen.", "Es öffnet um 9 Uhr."]


def test_currency_and_birth_name_abbreviations_do_not_end_a_sentence():
    assert split("Er zahlte SFr. 20 Mio. für das Haus. Das war viel.") == [
        "Er zahlte SFr. 20 Mio. für das Haus.", "Das war viel."]
    assert split("Maria Huber, geb. Moser, feiert. Sie ist 90.") == [
        "Maria Huber, geb. Moser, feiert.", "Sie ist 90."]


def test_an_abbreviation_before_a_number_only_is_a_noun_before_a_word():
    assert split("Das regelt Art. 12 der Verfassung. Er tat es auf seine Art. Danach ging er.") == [
        "Das regelt Art. 12 der Verfassung.", "Er tat es auf seine Art.", "Danach ging er."]


def test_a_street_abbreviation_before_a_word_ends_a_sentence():
    assert split("Er wohnt in der Hauptstr. Dort ist es laut.") == [
        "Er wohnt in der Hauptstr.", "Dort ist es laut."]


def test_art_before_a_year_ends_a_sentence():
    assert split("Das war schon immer seine Art. 1998 etwa verließ er den Verein.") == [
        "Das war schon immer seine Art.", "1998 etwa verließ er den Verein."]


def test_scores_and_ranges_at_a_sentence_end_end_the_sentence():
    # only a range of ordinals (5.-22.) is kept with what follows
    assert split("Der FC Bayern gewann 3-1. Müller traf doppelt.") == [
        "Der FC Bayern gewann 3-1.", "Müller traf doppelt."]
    assert split("Die Partie endete 2–0. Trainer Huber war zufrieden.") == [
        "Die Partie endete 2–0.", "Trainer Huber war zufrieden."]
    assert split("Die Zahl der Fälle stieg auf 120-130. Experten warnen.") == [
        "Die Zahl der Fälle stieg auf 120-130.", "Experten warnen."]


def test_a_quote_spanning_sentences_stays_in_one_sentence():
    text = "Huber sagte: „Wir sind froh. Es war ein gutes Jahr.“ Dann ging er."
    assert split(text) == ["Huber sagte: „Wir sind froh. Es war ein gutes Jahr.“", "Dann ging er."]


def test_a_sentence_may_end_in_a_closing_quote():
    assert split("Er sagte „Nein.“ Sie lachte.") == ["Er sagte „Nein.“", "Sie lachte."]


def test_paragraphs_are_blank_line_blocks_or_else_lines():
    assert len(paragraphs("Eins.\nZwei.\n")) == 2
    assert len(paragraphs("Eins,\nnoch eins.\n\nZwei.\n")) == 2


def test_sentence_offsets_point_into_the_text():
    text = "Erster Satz.  Zweiter Satz!\n\nDritter?"
    abbreviations = frozenset()
    for s in sentences(text, paragraphs(text), abbreviations):
        assert text[s.start:s.end] in {"Erster Satz.", "Zweiter Satz!", "Dritter?"}


def test_blanked_front_matter_does_not_make_a_text_of_lines_one_paragraph():
    text = " " * 20 + "\n" + " " * 3 + "\n" + "Erste Zeile.\nZweite Zeile.\n"
    assert len(paragraphs(text)) == 2


def test_a_quotation_mark_never_closed_does_not_swallow_the_paragraph():
    text = ("Laut „Tagblatt kamen viele. " + "Der Tag war lang und die Leute blieben bis in die Nacht. " * 12
            + "Am Ende sagte er: „Gut so.“")
    assert len(split(text)) > 10


def test_a_line_with_only_an_image_is_no_paragraph_break():
    from claims.text.markdown import blank_markup

    original = "Erste Zeile.\n![](bild.jpg)\nZweite Zeile.\n"
    clean, _ = blank_markup(original)
    assert [clean[p.start:p.end] for p in paragraphs(clean, original)] == ["Erste Zeile.", "Zweite Zeile."]


def test_an_ordinal_in_brackets_ends_a_sentence_only_before_a_sentence_starter():
    assert split("Tore: 1:0 (51.) Huber, 2:0 (89.) Berger. Danach war Schluss.") == [
        "Tore: 1:0 (51.) Huber, 2:0 (89.) Berger.", "Danach war Schluss."]
    assert split("Der Ball ging ins Netz (90.). Es blieb beim Remis.") == [
        "Der Ball ging ins Netz (90.).", "Es blieb beim Remis."]
    assert split("Er wurde Fünfter (5.) Der Sieger kam aus Graz.") == [
        "Er wurde Fünfter (5.)", "Der Sieger kam aus Graz."]


def test_a_web_domain_before_a_full_stop_ends_a_sentence():
    assert split("Die Adressen enden auf .at. Der Verein hat 30 Mitglieder.") == [
        "Die Adressen enden auf .at.", "Der Verein hat 30 Mitglieder."]


def test_academic_titles_with_a_hyphen_do_not_end_a_sentence():
    assert split("Es sprach Ao. Univ.-Prof. Dr. med. Karl Huber mit Dipl.-Ing. Anna Berger. Dann ging er.") == [
        "Es sprach Ao. Univ.-Prof. Dr. med. Karl Huber mit Dipl.-Ing. Anna Berger.", "Dann ging er."]
    assert split("Die Studie leitet Priv.-Doz. Eva Moser. Sie forscht in Graz.") == [
        "Die Studie leitet Priv.-Doz. Eva Moser.", "Sie forscht in Graz."]


def test_a_hyphenated_word_at_a_sentence_end_still_ends_it():
    assert split("Die Strecke führt von Nord nach Nord-Süd. Dann kam er.") == [
        "Die Strecke führt von Nord nach Nord-Süd.", "Dann kam er."]


def test_abbreviated_first_names_do_not_end_a_sentence():
    assert split("Es trafen Ch. Berger und Th. Moser. Das Spiel endete.") == [
        "Es trafen Ch. Berger und Th. Moser.", "Das Spiel endete."]


def test_a_day_and_month_in_digits_ends_a_sentence_only_before_a_sentence_starter():
    assert split("Der Markt ist am 29.7. 2025 geöffnet. Der Eintritt ist frei.") == [
        "Der Markt ist am 29.7. 2025 geöffnet.", "Der Eintritt ist frei."]
    assert split("Der Markt war bis 29.7. Danach wurde umgebaut.") == [
        "Der Markt war bis 29.7.", "Danach wurde umgebaut."]


def test_a_swiss_quotation_in_guillemets_closes_at_its_own_mark():
    # «…» closes with », which in German »…« opens: the sentence after it must still end
    assert split("«Wir sind stolz», sagte Huber nach dem Spiel. «Das Team glaubt an sich.» Der Trainer "
                 "haderte.") == ["«Wir sind stolz», sagte Huber nach dem Spiel.", "«Das Team glaubt an sich.»",
                                "Der Trainer haderte."]


def test_german_guillemets_still_open_with_the_right_pointing_mark():
    assert split("»Wir sind stolz«, sagte Huber. »Das Team glaubt an sich.« Der Trainer haderte.") == [
        "»Wir sind stolz«, sagte Huber.", "»Das Team glaubt an sich.«", "Der Trainer haderte."]

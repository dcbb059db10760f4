"""The TIMEX3 normalizer for date claims: calendar arithmetic on the fields rules fill.

Unit tests call ``normalize`` with fields as a rule would render them; the
end-to-end tests run the German rules on sentences of our own.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

import claims
from claims.engine.values.date import normalize
from claims.ruleset import load_ruleset


def ctx(date: str | None = "2025-03-24", state: dict | None = None) -> SimpleNamespace:
    return SimpleNamespace(article_date=dt.date.fromisoformat(date) if date else None, lang="de",
                           ruleset=None, text="", state={} if state is None else state)


# --------------------------------------------------------------- calendar dates

@pytest.mark.parametrize("article, month, day, expected", [
    ("2025-03-24", 3, 17, "2025-03-17"),
    ("2025-12-20", 1, 2, "2026-01-02"),     # early January seen from late December: next year
    ("2025-01-10", 12, 20, "2024-12-20"),   # late December seen from January: last year
    ("2025-07-02", 12, 31, "2025-12-31"),   # 182 days ahead beats 183 days back
])
def test_day_and_month_take_the_year_nearest_to_the_article(article, month, day, expected):
    assert normalize({"day": str(day), "month": month}, ctx(article)) == expected


def test_without_article_date_the_year_stays_unknown():
    assert normalize({"day": "17", "month": 3}, ctx(None)) == "XXXX-03-17"
    assert normalize({"month": 3}, ctx(None)) == "XXXX-03"
    assert normalize({"rel_unit": "D", "rel_offset": -1}, ctx(None)) == "XXXX-XX-XX"
    assert normalize({"weekday": 1}, ctx(None)) == "XXXX-WXX-1"


def test_explicit_year_and_two_digit_year():
    assert normalize({"day": "3", "month": "10", "year": "1990"}, ctx()) == "1990-10-03"
    assert normalize({"day": "17", "month": "03", "year": "25"}, ctx()) == "2025-03-17"
    assert normalize({"day": "1", "month": "5", "year": "98"}, ctx()) == "1998-05-01"


def test_month_alone_takes_the_nearest_year():
    assert normalize({"month": 10}, ctx("2025-03-24")) == "2024-10"
    assert normalize({"month": 6}, ctx("2025-03-24")) == "2025-06"
    assert normalize({"month": 12}, ctx("2016-01-14")) == "2015-12"


def test_weekday_with_date_picks_the_year_where_it_fits():
    # 1 March is a Saturday in 2025 and a Friday in 2024
    assert normalize({"weekday": 5, "day": "1", "month": 3}, ctx("2025-01-15")) == "2024-03-01"


def test_years_seasons_decades_centuries_holidays():
    assert normalize({"year": "2000"}, ctx()) == "2000"
    assert normalize({"season": "FA", "year": "2011"}, ctx()) == "2011-FA"
    assert normalize({"season": "SU"}, ctx()) == "2025-SU"
    assert normalize({"decade": "90"}, ctx()) == "199"
    assert normalize({"decade": "1960"}, ctx()) == "196"
    assert normalize({"century": "19"}, ctx()) == "18"
    assert normalize({"month_day": "12-31"}, ctx("2025-03-24")) == "2024-12-31"


# --------------------------------------------------------------- weekdays and relative expressions

def test_weekday_is_the_latest_one_on_or_before_the_article_date():
    monday = ctx("2025-03-24")  # a Monday
    assert normalize({"weekday": 1}, monday) == "2025-03-24"
    assert normalize({"weekday": 6}, ctx("2025-03-24")) == "2025-03-22"
    assert normalize({"weekday": 5, "weekday_dir": 1}, ctx("2025-03-24")) == "2025-03-28"
    assert normalize({"weekday": 1, "weekday_dir": -1}, ctx("2025-03-24")) == "2025-03-17"
    assert normalize({"weekday": 2, "part": "EV"}, ctx("2025-03-24")) == "2025-03-18TEV"


def test_relative_days_months_years_weeks():
    assert normalize({"rel_unit": "D", "rel_offset": -1}, ctx()) == "2025-03-23"
    assert normalize({"rel_unit": "D", "rel_offset": 1, "part": "MO"}, ctx()) == "2025-03-25TMO"
    assert normalize({"rel_unit": "Y", "rel_offset": -1}, ctx()) == "2024"
    assert normalize({"rel_unit": "Y", "rel_offset": "3", "rel_sign": -1}, ctx()) == "2022"
    assert normalize({"rel_unit": "M", "rel_offset": -3}, ctx()) == "2024-12"
    assert normalize({"rel": "Y 0"}, ctx()) == "2025"
    assert normalize({"rel_unit": "Y", "rel_offset": 0, "month": 7}, ctx()) == "2025-07"
    assert normalize({"rel_unit": "W", "rel_offset": 1}, ctx("2013-10-05")) == "2013-W41"
    assert normalize({"rel_unit": "WE", "rel_offset": 0}, ctx("2025-03-24")) == "2025-W13-WE"
    assert normalize({"rel_unit": "DE", "rel_offset": 0}, ctx()) == "202"


def test_relative_fields_without_an_offset_are_ignored():
    # a rule may set rel_unit for an optional group that did not take part
    assert normalize({"rel_unit": "D", "rel_offset": None, "weekday": 6}, ctx()) == "2025-03-22"


# --------------------------------------------------------------- anchoring

def test_time_and_part_of_day_anchor_to_the_last_date_mentioned():
    state: dict = {}
    assert normalize({"weekday": 4, "day": "25", "month": 2}, ctx("2010-02-20", state)) == "2010-02-25"
    # 25 February is after the article date: a later time does not take it as anchor
    assert normalize({"hour": "20", "minute": "30"}, ctx("2010-02-20", state)) == "2010-02-20T20:30"
    state = {}
    assert normalize({"rel_unit": "D", "rel_offset": -1}, ctx("2011-03-18", state)) == "2011-03-17"
    assert normalize({"hour": "8", "minute": "30"}, ctx("2011-03-18", state)) == "2011-03-17T08:30"
    assert normalize({"part": "AF"}, ctx("2011-03-18", state)) == "2011-03-17TAF"


def test_time_without_any_date_takes_the_article_date():
    assert normalize({"hour": "14"}, ctx("2025-03-24")) == "2025-03-24T14:00"
    assert normalize({"hour": "14"}, ctx(None)) == "XXXX-XX-XXT14:00"


def test_time_with_its_own_date_fields():
    assert normalize({"weekday": 6, "weekday_dir": 1, "hour": "19"}, ctx("2025-03-24")) == "2025-03-29T19:00"


def test_next_day_counts_from_the_last_date_even_a_future_one():
    state: dict = {}
    normalize({"day": "5", "month": 4}, ctx("2025-03-24", state))
    assert normalize({"anchor": "last", "rel_unit": "D", "rel_offset": 1}, ctx("2025-03-24", state)) == "2025-04-06"


def test_week_ordinals_count_from_the_last_date():
    state: dict = {}
    normalize({"day": "1", "month": 7}, ctx("2013-09-13", state))
    assert normalize({"week_ordinal": 1}, ctx("2013-09-13", state)) == "2013-W27"
    assert normalize({"week_ordinal": 3}, ctx("2013-09-13", state)) == "2013-W29"
    assert normalize({"anchor": "last_week"}, ctx("2013-09-13", state)) == "2013-W30"


# --------------------------------------------------------------- durations

@pytest.mark.parametrize("fields, expected", [
    ({"dur_number": "2", "dur_unit": "D"}, "P2D"),
    ({"dur_number": 10, "dur_unit": "Y"}, "P10Y"),
    ({"dur_number": "3", "dur_unit": "H"}, "PT3H"),
    ({"dur_number": "45", "dur_unit": "MIN"}, "PT45M"),
    ({"dur_number": 2, "dur_unit": "DE"}, "P2DE"),
    ({"dur_number": "1,5", "dur_unit": "Y"}, "P1.5Y"),
    ({"dur_number": "2.000", "dur_unit": "Y"}, "P2000Y"),
    ({"dur_number": "X", "dur_unit": "D"}, "PXD"),
    ({"dur_number": 1, "dur_unit": "WE"}, "P1WE"),
])
def test_durations(fields, expected):
    assert normalize(fields, ctx()) == expected


# --------------------------------------------------------------- German rules end to end

@pytest.fixture(scope="module")
def rules():
    return load_ruleset("de")


def dates(text: str, rules, date: str | None = "2025-03-24") -> list[tuple[str, str]]:
    result = claims.extract(text, lang="de", date=date, rules=rules)
    return [(c.text, c.value) for c in result.claims if c.kind == "date"]


def test_german_event_notice(rules):
    text = ("Das Dorffest beginnt am Samstag, 29. März, um 14 Uhr auf dem Kirchplatz. "
            "Der Flohmarkt ist von 9-12 Uhr geöffnet, am Abend spielt die Musikkapelle.")
    found = dict(dates(text, rules))
    assert found["am Samstag, 29. März"] == "2025-03-29"
    assert found["um 14 Uhr"] == "2025-03-29T14:00"
    assert found["von 9"] == "2025-03-24T09:00"
    assert found["12 Uhr"] == "2025-03-24T12:00"


def test_german_report_with_relative_dates(rules):
    text = ("Gestern Abend hat der Gemeinderat getagt. Im vergangenen Jahr war der Haushalt "
            "noch ausgeglichen, seit zehn Jahren wird aber gespart. Vor drei Jahren kam die "
            "zweitägige Klausur, die diesjährige folgt im Herbst.")
    found = dict(dates(text, rules))
    assert found["Gestern Abend"] == "2025-03-23TEV"
    assert found["Im vergangenen Jahr"] == "2024"
    assert found["seit zehn Jahren"] == "P10Y"
    assert found["Vor drei Jahren"] == "2022"
    assert found["zweitägige"] == "P2D"
    assert found["diesjährige"] == "2025"
    assert found["im Herbst"] == "2025-FA"


def test_german_without_article_date(rules):
    found = dict(dates("Die Sitzung ist am 17. März um 10 Uhr.", rules, date=None))
    assert found["am 17. März"] == "XXXX-03-17"


def test_vague_time_frequencies_and_ages_are_no_dates(rules):
    text = ("Kürzlich wurde jährlich geprüft, in den letzten Jahren täglich. "
            "Die Frau ist 44 Jahre alt, Jugendliche ab 16 Jahren zahlen weniger. "
            "Es kamen 2000 Besucher.")
    assert dates(text, rules) == []


# --------------------------------------------------------------- quarters, compound durations, context

def test_quarters_and_half_years():
    c = ctx("2025-10-29")
    assert normalize({"quarter": 3}, c) == "2025-Q3"
    assert normalize({"quarter": "last", "rel": "Y -1"}, c) == "2024-Q3"  # Vorjahresquartal
    assert normalize({"quarter": 4}, ctx("2026-01-20")) == "2025-Q4"  # the nearest year
    assert normalize({"quarter": 1, "year": "2023"}, ctx()) == "2023-Q1"
    assert normalize({"half": 1, "rel_unit": "Y", "rel": "Y -1"}, ctx()) == "2024-H1"
    assert normalize({"quarter": "last", "rel": "Y -1"}, ctx("2025-10-29")) == "2024-Q3"  # none before: last full quarter
    assert normalize({"quarter": 2}, ctx(None)) == "XXXX-Q2"


def test_compound_durations():
    assert normalize({"dur_number": 1, "dur_unit": "Y", "dur_number2": 10, "dur_unit2": "M"}, ctx()) == "P1Y10M"
    assert normalize({"dur_number": 2, "dur_unit": "H", "dur_number2": "30", "dur_unit2": "MIN"}, ctx()) == "PT2H30M"
    assert normalize({"dur_number": 1, "dur_unit": "D", "dur_number2": 6, "dur_unit2": "H"}, ctx()) == "P1DT6H"


def test_a_future_date_governs_the_times_of_its_own_sentence_only():
    c = ctx("2026-01-18")
    c.sentence = 4
    assert normalize({"weekday": 2, "weekday_dir": 1}, c) == "2026-01-20"
    assert normalize({"hour": "17", "minute": "45"}, c) == "2026-01-20T17:45"
    c.sentence = 5
    assert normalize({"hour": "10"}, c) == "2026-01-18T10:00"


def test_a_weekday_inside_an_announced_span_is_that_day():
    c = ctx("2025-09-10")
    normalize({"day": 26, "month": 9, "weekday": 5}, c)
    normalize({"day": 28, "month": 9, "weekday": 7}, c)
    assert normalize({"weekday": 6, "part": "MO"}, c) == "2025-09-27TMO"
    assert normalize({"weekday": 3}, c) == "2025-09-10"  # not inside the span: the latest one


# --------------------------------------------------------------- direction cues (blind-set constructions)

def test_future_tense_weekday_is_the_next_one_on_or_after_the_article_date():
    friday = "2025-12-19"
    assert normalize({"weekday": 6}, ctx(friday)) == "2025-12-13"
    assert normalize({"weekday": 6, "tense": "future"}, ctx(friday)) == "2025-12-20"
    assert normalize({"weekday": 5, "tense": "future"}, ctx(friday)) == "2025-12-19"
    assert normalize({"weekday": 6, "weekday_dir": -1, "tense": "future"}, ctx(friday)) == "2025-12-13"


def test_weekday_after_a_day_ahead_in_the_same_sentence_follows_it():
    state: dict = {}
    c = ctx("2025-12-19", state)
    c.sentence = 4
    assert normalize({"weekday": 5, "hour": "22", "tense": "future"}, c) == "2025-12-19T22:00"
    assert normalize({"weekday": 1}, c) == "2025-12-22"
    c.sentence = 5
    assert normalize({"weekday": 1}, c) == "2025-12-15"


def test_since_points_back_to_the_latest_occurrence():
    september = "2025-09-10"
    assert normalize({"month": 1}, ctx(september)) == "2026-01"
    assert normalize({"month": 1, "month_dir": -1}, ctx(september)) == "2025-01"
    assert normalize({"month": 10, "month_dir": -1}, ctx(september)) == "2024-10"
    assert normalize({"day": "3", "month": 1, "month_dir": -1}, ctx(september)) == "2025-01-03"


def test_year_offsets_count_from_the_year_just_named():
    state: dict = {}
    c = ctx("2025-03-24", state)
    c.sentence = 1
    assert normalize({"year": "2012"}, c) == "2012"
    c.sentence = 2
    assert normalize({"rel": "Y -1", "anchor": "year"}, c) == "2011"
    assert normalize({"rel_unit": "Y", "rel_offset": 10, "anchor": "year"}, c) == "2022"
    assert normalize({"rel_unit": "DE", "rel_offset": 2, "anchor": "year"}, c) == "2032"
    assert normalize({"rel": "Y 0", "anchor": "year"}, c) == "2025"   # heuer: the article's year
    c.sentence = 4                                                       # too far from the year named
    assert normalize({"rel": "Y -1", "anchor": "year"}, c) == "2024"


def test_fractions_of_decades_and_centuries_are_years():
    assert normalize({"dur_number": 0.5, "dur_unit": "CE"}, ctx()) == "P50Y"
    assert normalize({"dur_number": "1,5", "dur_unit": "DE"}, ctx()) == "P15Y"
    assert normalize({"dur_number": 2, "dur_unit": "CE"}, ctx()) == "P2CE"


def test_a_bare_time_with_a_future_verb_takes_the_coming_day_named_before():
    import claims

    text = ("Das Dorffest findet am Samstag, 29. März, statt. Der Umzug beginnt um 10 Uhr am Rathaus.")
    times = [c for c in claims.extract(text, date="2025-03-24").claims if c.text == "um 10 Uhr"]
    assert times[0].value == "2025-03-29T10:00"


def test_a_bare_time_in_a_sentence_naming_its_own_day_keeps_that_reading():
    import claims

    text = ("Der Markt öffnet am Sonntag, 30. März. Geöffnet ist heute von 15 bis 20 Uhr.")
    times = [c for c in claims.extract(text, date="2025-03-24").claims if "20 Uhr" in c.text]
    assert times[0].value == "2025-03-24T20:00"


@pytest.mark.parametrize("year, end, expected", [
    ("1925", "26", "192"),      # one decade holds both
    ("2013", "2014", "201"),
    ("2019", "20", "2019"),     # across a decade: the first year (a century would say less)
    ("1999", "00", "1999"),
    ("2006", "42", "2006"),     # not a pair of years (a directive's number): the year alone
])
def test_a_pair_of_years_takes_their_decade_or_else_the_first_year(year, end, expected):
    assert normalize({"year": year, "year_end": end}, ctx()) == expected


def test_a_part_of_day_beside_a_vague_day_knows_only_the_month():
    text = "Vor einigen Tagen hielt die Polizei in den frühen Morgenstunden einen Lieferwagen an."
    parts = [c for c in claims.extract(text, date="2013-12-17").claims if c.kind == "date"]
    assert [(c.text, c.value) for c in parts] == [("in den frühen Morgenstunden", "2013-12-XXTMO")]


def test_a_feast_day_naming_a_parish_is_no_particular_day():
    text = "Die Pfarre Maria Himmelfahrt lädt zum Adventmarkt."
    dates = [c for c in claims.extract(text, date="2013-11-30").claims if c.kind == "date"]
    assert [(c.text, c.value) for c in dates] == [("Maria Himmelfahrt", "XXXX-XX-XX")]


def test_a_feast_day_as_a_date_still_takes_its_year():
    text = "An Maria Himmelfahrt bleiben die Geschäfte geschlossen."
    dates = [c for c in claims.extract(text, date="2013-11-30").claims if c.kind == "date"]
    assert [c.value for c in dates] == ["2013-08-15"]


# --------------------------------------------------------------- listings, past midnight

def test_a_programme_listing_gives_start_and_end_times_on_the_broadcast_day(rules):
    text = ("Das Fernsehen heute. 20.15 KRIMIMord am See Ein Kommissar ermittelt am Ufer. "
            "Bis 21.50, ORF 2 22.30 DOKUDie Alpen im Winter Ein Film über Gämsen. Bis 0.10, 3sat")
    found = dates(text, rules, date="2025-03-24")
    assert ("20.15", "2025-03-24T20:15") in found
    assert ("Bis 21.50", "2025-03-24T21:50") in found
    assert ("22.30", "2025-03-24T22:30") in found
    assert ("Bis 0.10", "2025-03-25T00:10") in found  # after midnight: the next calendar day


def test_hours_after_midnight_that_follow_an_evening_time_fall_on_the_next_day():
    state: dict = {}
    c = ctx("2025-03-24", state)
    assert normalize({"hour": "23"}, c) == "2025-03-24T23:00"
    assert normalize({"hour": "2"}, c) == "2025-03-25T02:00"
    assert normalize({"hour": "9"}, c) == "2025-03-25T09:00"   # the night went on into the morning
    assert normalize({"hour": "22"}, c) == "2025-03-24T22:00"  # an evening hour: the day's own


def test_an_early_hour_without_an_evening_before_it_stays_on_its_day():
    c = ctx("2025-03-24")
    assert normalize({"hour": "5"}, c) == "2025-03-24T05:00"
    assert normalize({"hour": "14"}, c) == "2025-03-24T14:00"


# --------------------------------------------------------------- tense decides a bare weekday

# article date: Wednesday 2025-03-26; Monday is 03-24 or 03-31, Friday 03-21 or 03-28
_TENSE = [
    ('past', 'Der Minister sagte am Montag in Wien, die Lage sei ernst.'),
    ('past', 'Die Polizei teilte am Dienstag mit, der Fahrer sei geflohen.'),
    ('past', 'Der Verband meldete am Sonntag einen neuen Rekord.'),
    ('past', 'Die Kanzlerin reiste am Montag nach Paris.'),
    ('past', 'Am Montag beschloss der Stadtrat den Haushalt.'),
    ('past', 'Am Sonntag gewann die Mannschaft das Derby.'),
    ('past', 'Am Freitag fand in der Halle ein Konzert statt.'),
    ('past', 'Der Gemeinderat hat am Montag den neuen Plan beschlossen.'),
    ('past', 'Am Montag ist der frühere Bürgermeister gestorben.'),
    ('past', 'Die Gäste sind am Sonntag in Graz eingetroffen.'),
    ('past', 'Am Dienstag wurde ein Mann festgenommen.'),
    ('past', 'Das Museum ist am Sonntag feierlich eröffnet worden.'),
    ('past', 'Der Konzern hatte am Montag Zahlen vorgelegt.'),
    ('past', 'Am Montag musste der Trainer auf zwei Spieler verzichten.'),
    ('past', 'Nachdem die Regierung am Dienstag ihren Entwurf vorgelegt hatte, begann die Debatte.'),
    ('past', 'Wie das Ministerium am Dienstag mitteilte, steigen die Preise.'),
    ('past', 'Als der Zug am Montag eintraf, warteten schon Hunderte.'),
    ('past', 'Die am Montag veröffentlichte Studie zeigt einen Anstieg.'),
    ('past', 'Am Montag kritisierte die Opposition den Entwurf scharf.'),
    ('past', 'Am Dienstag warnten Ärzte vor der Grippe.'),
    ('past', 'Die Firma stellte am Montag ihr neues Modell vor.'),
    ('past', 'Am Sonntag kam es zu einem schweren Unfall.'),
    ('past', 'Der Präsident hat am Montag mit Vertretern der Gewerkschaft und der Arbeitgeber gesprochen.'),
    ('past', 'Am Montag haben Tausende in der Hauptstadt demonstriert.'),
    ('past', 'Die Aktie verlor am Montag deutlich an Wert.'),
    ('past', 'Am Montag kündigte der Konzern den Abbau von Stellen an.'),
    ('past', 'Am Dienstag lehnte das Gericht den Antrag ab.'),
    ('past', 'Bereits am Montag hatten die Anwohner protestiert.'),
    ('past', 'Die Feuerwehr rückte am Sonntag zu einem Brand aus.'),
    ('past', 'Seit Montag gilt in der Stadt ein Fahrverbot.'),
    ('future', 'Die Band tritt am Freitag in der Stadthalle auf.'),
    ('future', 'Die Wähler entscheiden am Sonntag über den Bürgermeister.'),
    ('future', 'Am Samstag erreicht der Radtross die Berge.'),
    ('future', 'Der Klub spielt am Freitag gegen den Tabellenführer.'),
    ('future', 'Am Freitag gibt der Vorstand Auskunft über seine Pläne.'),
    ('future', 'Die Messe öffnet am Freitag ihre Tore.'),
    ('future', 'Das Gericht wird am Montag sein Urteil sprechen.'),
    ('future', 'Am Freitag soll der Vertrag unterschrieben werden.'),
    ('future', 'Am Sonntag ist das Museum geschlossen.'),
    ('future', 'Ab Montag gilt die neue Regel.'),
    ('future', 'Bis Freitag bleibt die Straße gesperrt.'),
    ('future', 'Die Gespräche sollen am Montag starten.'),
    ('future', 'Der Ausschuss wollte erst am Freitag über die Vorlage beraten.'),
    ('future', 'Er kündigte an, am Freitag nach Berlin zu reisen.'),
    ('future', 'Die Ausstellung zeigt ab Freitag Bilder aus Wien.'),
    ('future', 'Am Samstag sind alle Bürger zum Fest eingeladen.'),
    ('future', 'Am Sonntag laufen die Athleten durch die Innenstadt.'),
    ('future', 'Am Freitag beraten die Minister über den Haushalt.'),
    ('future', 'Die Stadt feiert am Samstag ihr Jubiläum.'),
    ('future', 'Am Sonntag stimmen die Bürger über das Hallenbad ab.'),
    ('today', 'Der Minister sagte am Mittwoch, die Lage sei ernst.'),
    ('today', 'Am Mittwoch wird der Landtag darüber abstimmen.'),
    ('today', 'Am Mittwoch hat die Polizei den Verdächtigen gefasst.'),
    ('past', 'Der Außenminister traf am Montag seinen Amtskollegen in Rom.'),
    ('past', 'Am Dienstag präsentierte die Ministerin den Bericht.'),
    ('past', 'Die Opposition forderte am Montag den Rücktritt des Ministers.'),
    ('past', 'Am Montag bestätigte ein Sprecher der Polizei den Vorfall.'),
    ('past', 'Am Sonntag stürzte ein Kleinflugzeug in einen Wald.'),
    ('past', 'Der Nationalrat verabschiedete am Dienstag das Gesetz.'),
    ('past', 'Am Dienstag einigten sich die Parteien auf einen Kompromiss.'),
    ('past', 'Ein Sprecher erklärte am Montag, man prüfe den Fall.'),
    ('past', 'Am Montag brannte in der Altstadt ein Wohnhaus.'),
    ('past', 'Die Börse schloss am Dienstag im Minus.'),
    ('past', 'Am Sonntag starben bei dem Anschlag zwölf Menschen.'),
    ('past', 'Am Montag wies das Gericht die Klage ab.'),
    ('past', 'Der Vorstand gab am Dienstag seinen Rücktritt bekannt.'),
    ('past', 'Am Montag berichtete die Zeitung über den Skandal.'),
    ('past', 'Die Regierung hatte am Montag angekündigt, die Steuern zu senken.'),
    ('past', 'Am Dienstag sind die Verhandlungen gescheitert.'),
    ('past', 'Am Sonntag hat es in Tirol stark geschneit.'),
    ('past', 'Er betonte am Montag, dass er bleiben wolle.'),
    ('past', 'Am Dienstag unterzeichneten beide Seiten den Vertrag.'),
    ('past', 'Am Sonntag siegte der Favorit im Sprint.'),
    ('past', 'Am Montag übernahm der neue Chef die Leitung.'),
    ('past', 'Ein Unbekannter überfiel am Montag eine Tankstelle.'),
    ('past', 'Die Ermittler durchsuchten am Dienstag mehrere Wohnungen.'),
    ('past', 'Am Sonntag verunglückte ein Radfahrer tödlich.'),
    ('past', 'Die Bank erhöhte am Dienstag die Zinsen.'),
    ('past', 'Am Montag demonstrierten Tausende vor dem Parlament.'),
    ('past', 'Die Feuerwehr konnte den Brand am Sonntag rasch löschen.'),
    ('past', 'Der Bürgermeister eröffnete am Montag die neue Brücke.'),
    ('past', 'Am Dienstag ereignete sich auf der A1 ein Unfall.'),
    ('past', 'Die Fans feierten am Sonntag bis in die Nacht.'),
    ('past', 'Am Montag landete die Maschine sicher in Wien.'),
    ('past', 'Der Konzern legte am Dienstag Zahlen vor.'),
    ('past', 'Am Sonntag entschied die Jury über den Preis.'),
    ('past', 'Am Montag wählte der Landtag einen neuen Präsidenten.'),
    ('past', 'Die Wahlbeteiligung lag am Sonntag bei 60 Prozent.'),
    ('past', 'Am Dienstag zog sich der Kandidat zurück.'),
    ('past', 'Am Montag meldete sich der Täter bei der Polizei.'),
    ('past', 'Am Sonntag gingen die Wähler zu den Urnen.'),
    ('past', 'Der Sturm richtete am Montag schwere Schäden an.'),
    ('past', 'Am Dienstag schlossen die Geschäfte früher.'),
    ('past', 'Wie die Stadt am Montag bekanntgab, wird die Brücke saniert.'),
    ('past', 'Die Sitzung, die am Montag stattfand, dauerte lange.'),
    ('past', 'Als die Behörde am Dienstag die Straße freigab, rollte der Verkehr wieder.'),
    ('future', 'Am Freitag entscheidet der Landtag über das Budget.'),
    ('future', 'Der Prozess beginnt am Montag vor dem Landesgericht.'),
    ('future', 'Am Freitag stellt das Team den neuen Wagen vor.'),
    ('future', 'Die Regierung legt am Freitag ihren Plan vor.'),
    ('future', 'Am Samstag treffen sich die Minister in Brüssel.'),
    ('future', 'Der Sänger gibt am Samstag ein Konzert in Linz.'),
    ('future', 'Die Schule bleibt am Freitag geschlossen.'),
    ('future', 'Am Sonntag findet der Marathon statt.'),
    ('future', 'Die Verhandlungen gehen am Montag weiter.'),
    ('future', 'Am Samstag droht Glatteis im ganzen Land.'),
]


@pytest.mark.parametrize("expected, text", _TENSE)
def test_tense_and_modality_decide_a_bare_weekday(rules, expected, text):
    found = [c.value for c in claims.extract(text, lang="de", date="2025-03-26", rules=rules).claims
             if c.kind == "date" and c.rule.startswith("de.date.weekday")]
    assert found, text
    day = found[0][:10]
    got = "past" if day < "2025-03-26" else "today" if day == "2025-03-26" else "future"
    assert got == expected


def test_the_tense_moves_a_day_month_or_season_without_a_year_to_its_side_of_the_article():
    c = ctx("2025-03-24")
    assert normalize({"day": "20", "month": 9}, c) == "2025-09-20"                    # nearest
    assert normalize({"day": "20", "month": 9, "past": "wurde"}, c) == "2024-09-20"   # finished
    assert normalize({"day": "28", "month": 3, "past": "wurde"}, c) == "2025-03-28"   # days apart: kept
    assert normalize({"day": "2", "month": 7, "tense": "future"}, ctx("2025-12-20")) == "2026-07-02"
    assert normalize({"month": 6, "past": "hatte"}, c) == "2024-06"
    assert normalize({"month": 4, "tense": "future"}, ctx("2025-09-15")) == "2026-04"
    assert normalize({"month": 4, "past": "", "tense": None}, ctx("2025-09-15")) == "2025-04"  # present: nearest
    assert normalize({"season": "FA", "past": "gab"}, ctx("2016-03-10")) == "2015-FA"
    assert normalize({"season": "FA"}, ctx("2016-03-10")) == "2016-FA"
    assert normalize({"season": "SP", "tense": "future"}, ctx("2025-10-20")) == "2026-SP"


def test_a_weekday_of_a_named_week_is_that_weeks_day():
    assert normalize({"weekday": 1, "week_offset": 1}, ctx("2025-03-26")) == "2025-03-31"
    assert normalize({"weekday": 5, "week_offset": -1}, ctx("2025-03-26")) == "2025-03-21"
    assert normalize({"weekday": 3, "week_offset": 0}, ctx("2025-03-26")) == "2025-03-26"


# --------------------------------------------------------------- a year the text names

def test_a_story_told_in_another_year_keeps_its_year_for_the_days_after_it(rules):
    text = ("Am 3. April 1961 zog die Familie nach Linz. Am 5. April meldete der Vater "
            "das Geschäft an. Heute betreibt es die Enkelin, am 5. April feiert sie Jubiläum.")
    found = dates(text, rules, date="2025-03-10")
    assert ("Am 5. April", "1961-04-05") in found
    assert ("am 5. April", "2025-04-05") in found  # present tense: the article's year


def test_a_year_named_for_a_business_period_gives_its_quarter_a_year(rules):
    found = dict(dates("Das Ergebnis 2023 sank im vierten Quartal deutlich.", rules, date="2024-05-02"))
    assert found["im vierten Quartal"] == "2023-Q4"


def test_a_month_with_a_direction_counts_from_the_article_not_from_a_story(rules):
    text = "Im Oktober 2022 stieg die Inflation auf 11 Prozent. Seit August hat die Bank die Zinsen gesenkt."
    assert dict(dates(text, rules, date="2025-04-16"))["Seit August"] == "2024-08"


def test_a_year_of_a_span_or_of_an_attribute_is_no_frame_for_a_day(rules):
    found = dict(dates("Der 1990 gegründete Chor sang am 9. März, seit 2010 ist er bekannt.", rules))
    assert found["am 9. März"] == "2025-03-09"


# --------------------------------------------------------------- movable feasts

@pytest.mark.parametrize("spec, year, expected", [
    ("E+0", 2025, "2025-04-20"),      # Easter Sunday
    ("E-2", 2016, "2016-03-25"),      # Good Friday
    ("E+60", 2016, "2016-05-26"),     # Corpus Christi
    ("E+39", 2038, "2038-06-03"),     # Ascension in a year of a late Easter (25 April)
    ("05-08>7", 2025, "2025-05-11"),  # Mother's Day: the second Sunday in May
    ("11-27>7", 2025, "2025-11-30"),  # first Sunday of Advent
    ("11-22<3", 2025, "2025-11-19"),  # Buß- und Bettag: the Wednesday before 23 November
    ("11-22>4", 2025, "2025-11-27"),  # Thanksgiving: the fourth Thursday in November
])
def test_movable_feasts_follow_the_calendar(spec, year, expected):
    assert normalize({"month_day": spec, "year": str(year)}, ctx()) == expected


def test_a_movable_feast_without_a_year_is_the_one_nearest_the_article_unless_the_tense_says_otherwise():
    assert normalize({"month_day": "E+0"}, ctx("2025-09-10")) == "2025-04-20"
    assert normalize({"month_day": "E+0", "tense": "future"}, ctx("2025-09-10")) == "2026-04-05"
    assert normalize({"month_day": "E+49", "past": "feierten"}, ctx("2025-03-01")) == "2024-05-19"
    assert normalize({"month_day": "E+0"}, ctx(None)) == "XXXX-XX-XX"


def test_a_duration_in_digits_reads_with_the_languages_marks():
    english = ctx()
    english.ruleset = SimpleNamespace(decimal=".", thousands=",")
    german = ctx()
    german.ruleset = SimpleNamespace(decimal=",", thousands=".")
    assert normalize({"dur_number": "1,000", "dur_unit": "Y"}, english) == "P1000Y"
    assert normalize({"dur_number": "1.5", "dur_unit": "Y"}, english) == "P1.5Y"
    assert normalize({"dur_number": "1,5", "dur_unit": "Y"}, german) == "P1.5Y"
    assert normalize({"dur_number": "2.000", "dur_unit": "Y"}, german) == "P2000Y"

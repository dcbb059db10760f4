"""Figure values: German number formats, scale words, fractions, qualifiers.

The sentences are our own; the expected values follow CLAIMS.md (figure:
``{number, approx, unit}``).
"""

from __future__ import annotations

import pytest

import claims
from claims.engine.values.figure import normalize, parse_number, tidy


@pytest.mark.parametrize("text, expected", [
    ("80", 80),
    ("2.000", 2000),
    ("14.500", 14500),
    ("1.234.567", 1234567),
    ("1.234.567,89", 1234567.89),
    ("3,5", 3.5),
    ("0,25", 0.25),
    ("2.5", 2.5),            # a single dot not followed by three digits: decimal point
    ("1\u202f000", 1000),    # thin space groups digits
    ("1'000", 1000),
    ("1,000,000", 1000000),  # English grouping
    ("-3,5", -3.5),
    ("12.", 12),             # trailing full stop of an abbreviation or sentence
])
def test_parse_german_digits(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "abc", "2,3,4x", "."])
def test_parse_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_tidy_gives_ints_and_four_decimals() -> None:
    assert tidy(2000.0) == 2000 and isinstance(tidy(2000.0), int)
    assert tidy(1.2 * 1_000_000) == 1200000
    assert tidy(2 * 0.333333333333) == 0.6667


def test_normalize_applies_scale_fraction_and_filters_approx() -> None:
    value = normalize({"number": "1,2", "scale": 1_000_000, "approx": "about", "unit": " Euro "}, None)
    assert value == {"number": 1200000, "approx": "about", "unit": "Euro"}
    value = normalize({"number": 2, "fraction": 0.333333333333, "unit": "Drittel"}, None)
    assert value == {"number": 0.6667, "approx": None, "unit": "Drittel"}
    # a qualifier the list did not map stays no approx code
    assert normalize({"number": "5", "approx": "mit"}, None)["approx"] is None
    # an unparsable scale is ignored rather than breaking the number
    assert normalize({"number": "7", "scale": "Mio"}, None)["number"] == 7
    assert normalize({"number": None}, None) == {"number": None, "approx": None, "unit": None}


def test_normalize_folds_minutes_and_hours_of_a_time_into_seconds() -> None:
    assert normalize({"number": "01,79", "minutes": "1"}, None)["number"] == 61.79
    assert normalize({"number": "05,2", "minutes": "08", "hours": "2"}, None)["number"] == 7685.2
    # a time behind the leader (-0:01,5) stays negative as a whole
    assert normalize({"number": "-01,5", "minutes": "1"}, None)["number"] == -61.5


def test_normalize_divides_a_fraction_in_digits() -> None:
    assert normalize({"number": "3", "divisor": "4", "unit": "Liter"}, None)["number"] == 0.75
    # a divisor of zero is no fraction: the number stays as written
    assert normalize({"number": "3", "divisor": "0"}, None)["number"] == 3


def _figures(text: str) -> list[tuple[str, dict]]:
    result = claims.extract(text, lang="de", date="2025-03-24")
    return [(c.text, c.value) for c in result.claims if c.kind == "figure"]


def _one(text: str) -> tuple[str, dict]:
    found = _figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("sentence, claim, number, approx, unit", [
    # digits in German format
    ("Beim Stadtlauf waren 3.200 Läufer am Start.", "3.200 Läufer", 3200, None, "Läufer"),
    ("Der Tank fasst 2,5 Liter.", "2,5 Liter", 2.5, None, "Liter"),
    ("Die Quote stieg auf 12,75 %.", "12,75 %", 12.75, None, "%"),
    # scale words
    ("Die Sanierung kostet 4,8 Millionen Euro.", "4,8 Millionen Euro", 4800000, None, "Euro"),
    ("Der Konzern setzte 1,2 Mio. Euro um.", "1,2 Mio. Euro", 1200000, None, "Euro"),
    ("Das Land nimmt 2 Mrd. Euro auf.", "2 Mrd. Euro", 2000000000, None, "Euro"),
    ("Für die Schulen gibt es zehn Milliarden Euro.", "zehn Milliarden Euro", 10000000000, None, "Euro"),
    # fractions
    ("Zwei Drittel der Befragten sind zufrieden.", "Zwei Drittel", 0.6667, None, "Drittel"),
    ("Drei Viertel der Fläche sind Wald.", "Drei Viertel", 0.75, None, "Viertel"),
    # qualifiers mapped to approx codes
    ("Es kamen mehr als 400 Gäste.", "mehr als 400 Gäste", 400, "over", "Gäste"),
    ("Über 70 Vereine machen mit.", "Über 70 Vereine", 70, "over", "Vereine"),
    ("Unter 30 Prozent stimmten dafür.", "Unter 30 Prozent", 30, "under", "Prozent"),
    ("Weniger als 20 Betriebe haben geantwortet.", "Weniger als 20 Betriebe", 20, "under", "Betriebe"),
    ("Der Umbau kostet rund 900.000 Euro.", "rund 900.000 Euro", 900000, "about", "Euro"),
    ("Etwa 60 Schüler nahmen teil.", "Etwa 60 Schüler", 60, "about", "Schüler"),
    ("Die Strecke ist knapp 12 Kilometer lang.", "knapp 12 Kilometer", 12, "almost", "Kilometer"),
    ("Fast 5.000 Menschen unterschrieben.", "Fast 5.000 Menschen", 5000, "almost", "Menschen"),
    ("Es braucht mindestens 15 Helfer.", "mindestens 15 Helfer", 15, "at_least", "Helfer"),
    ("Der Zuschuss beträgt bis zu 300 Euro.", "bis zu 300 Euro", 300, "up_to", "Euro"),
    ("Das Land übernimmt höchstens 40 Prozent.", "höchstens 40 Prozent", 40, "up_to", "Prozent"),
    ("Die Förderung deckt maximal 50 Prozent.", "maximal 50 Prozent", 50, "up_to", "Prozent"),
    # number words
    ("Im Dorf gibt es drei Gasthäuser.", "drei Gasthäuser", 3, None, "Gasthäuser"),
    ("Die Feuerwehr kam mit fünfzehn Einsatzkräften.", "fünfzehn Einsatzkräften", 15, None, "Einsatzkräften"),
    ("Tausende Besucher kamen zum Fest.", "Tausende Besucher", 1000, "over", "Besucher"),
    # ages and scores
    ("Der 47-Jährige wurde festgenommen.", "Der 47-Jährige", 47, None, "Jährige"),
    ("Die Partie endete 3:2.", "3:2", 3, None, None),
    # Swiss numbers and a currency before the number
    ("Die Seilbahn zählte 24'000 Fahrgäste.", "24'000 Fahrgäste", 24000, None, "Fahrgäste"),
    ("Die Seilbahn zählte 24’000 Fahrgäste.", "24’000 Fahrgäste", 24000, None, "Fahrgäste"),
    ("Die Sanierung kostet Fr. 3,2 Mio.", "Fr. 3,2 Mio.", 3200000, None, "Fr."),
    ("Die Gemeinde rechnet mit rund Fr. 250 Mio. Ausgaben.", "rund Fr. 250 Mio.", 250000000, "about", "Fr."),
    # über naming an amount or a distance, um meaning around
    ("Die Stadt erteilte einen Auftrag über 8 Millionen Euro.", "8 Millionen Euro", 8000000, None, "Euro"),
    ("Sie lief im Finale über 800 Meter allen davon.", "800 Meter", 800, None, "Meter"),
    ("Die Loipe ist über 30 Kilometer lang.", "über 30 Kilometer", 30, "over", "Kilometer"),
    ("Nachts gibt es Tiefstwerte um 2 Grad.", "um 2 Grad", 2, "about", "Grad"),
    ("Die Mieten stiegen um 2 Prozent.", "2 Prozent", 2, None, "Prozent"),
])
def test_figure_values_in_sentences(sentence: str, claim: str, number: float, approx: str | None,
                                    unit: str | None) -> None:
    text, value = _one(sentence)
    assert text == claim
    assert value["number"] == pytest.approx(number)
    assert value["approx"] == approx
    assert value["unit"] == unit


@pytest.mark.parametrize("sentence", [
    "Ein Mann und eine Frau wurden befragt.",      # ein, eine do not count
    "Beide Seiten zeigten sich zufrieden.",        # beide does not count
    "Die Frist endet nach 14 Tagen.",              # a time span is a date
    "Der Bus fährt um 7.45 Uhr ab.",               # a time is a date
    "Siehe Kapitel 3 des Berichts.",               # a label
    "Das Amt ist in der Bahnhofstraße 12 untergebracht.",  # an address
    "Das neue Galaxy S25 kommt im Herbst.",        # a model name
    "Kommentare (0)",                              # page furniture
    "Die Firma wurde 1998 gegründet.",             # a year
    "Im 2. Durchgang fiel die Entscheidung.",      # an ordinal that labels
])
def test_not_figures(sentence: str) -> None:
    assert _figures(sentence) == []

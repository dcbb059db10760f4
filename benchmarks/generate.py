"""Generate German news-like text of our own for benchmarks (no licensed text involved)."""

from __future__ import annotations

import random

PEOPLE = ["Anna Berger", "Markus Huber", "Lee Jae-yong", "Friedrich Merz", "Maria Gruber",
          "Thomas Pichler", "Sabine Wolf", "Karl-Heinz Brunner"]
ROLES = ["Bürgermeister", "Vorsitzende", "Landeshauptmann", "Geschäftsführerin", "Direktor", "Sprecher"]
ORGS = ["Samsung", "der Gemeinde", "des Vereins", "Stadtwerke", "Raiffeisenkasse", "Feuerwehr"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]
NOUNS = ["Besucher", "Euro", "Mitglieder", "Prozent", "Kilometer", "Gäste", "Tonnen", "Einwohner"]
QUALIFIERS = ["rund", "mehr als", "fast", "knapp", "über", "etwa", "mindestens", "bis zu", ""]

TEMPLATES = [
    "{role} {person} sagte am {day}. {month}, man habe {qual} {num} {noun} erwartet.",
    "Laut {org} kamen {qual} {num} {noun} zur Veranstaltung, die um {hour} Uhr begann.",
    "„Wir sind sehr zufrieden mit dem Ergebnis“, erklärte {person} nach der Sitzung.",
    "Die zweitägige Messe findet im Jahr {year} zum ersten Mal in der Stadthalle statt.",
    "Wie die Polizei mitteilte, wurden gestern Abend {num} Fahrzeuge kontrolliert.",
    "Nach Angaben der Veranstalter war es die größte Ausstellung seit {year}.",
    "Der {age}-Jährige wurde am Montag ins Krankenhaus gebracht. Foto: {person}",
    "Experten gehen davon aus, dass die Kosten auf {num},5 Millionen Euro steigen.",
    "Im vergangenen Jahr zählte der Verein {num} Mitglieder, heuer sind es {num2}.",
    "Die Arbeiten dauern voraussichtlich drei Wochen und kosten {qual} {num}.000 Euro.",
    "Das Spiel endete {score}:{score2}, die Mannschaft liegt damit auf Platz {place}.",
    "Bei der Versammlung am Freitag, {day}. {month} {year}, wurde {person} zum neuen {role} gewählt.",
]


# Sentences without claims, as most of a news article is: subjects, verbs and objects of our own,
# combined freely, so the text is varied and not one sentence repeated.
SUBJECTS = ["Die Gemeinde", "Der Verein", "Das Team", "Die Anrainergemeinschaft", "Die Feuerwehr", "Der Ausschuss",
            "Die Schule", "Das Museum", "Der Bauernbund", "Der Chor", "Die Jugendgruppe",
            "Das Hotel am Platz", "Die Bibliothek", "Der Sportverein", "Die Pfarrei", "Die Musikkapelle"]
VERBS = ["plant", "bespricht", "unterstützt", "prüft", "organisiert", "verschiebt", "begrüßt",
         "diskutiert", "betreut", "erneuert", "renoviert", "vergibt", "sammelt", "gestaltet"]
OBJECTS = ["den neuen Radweg", "das Fest im Dorf", "die Sanierung der Brücke", "einen Ausflug in die Berge",
           "die Pflege der Wanderwege", "den Umbau des Gemeindehauses", "eine Ausstellung über das Handwerk",
           "die Betreuung der Kinder", "den Ausbau des Spielplatzes", "die Pläne für den Dorfplatz",
           "ein Konzert in der Kirche", "die Zusammenarbeit mit den Nachbarorten", "den Bau eines Stadels"]
TAILS = ["", "", " gemeinsam mit den Nachbarn", " nach langer Diskussion", " in enger Abstimmung mit dem Land",
         " ohne großen Aufwand", " mit viel Engagement", " auf Wunsch der Bevölkerung", " im Rahmen des Projekts"]
PROSE = [
    "Die Stimmung unter den Gästen war ausgelassen, und viele blieben noch lange sitzen.",
    "Wer mehr erfahren möchte, findet die Unterlagen im Rathaus.",
    "Die Straße bleibt während der Arbeiten für den Verkehr gesperrt.",
    "Im Anschluss gab es Kaffee und Kuchen für alle Anwesenden.",
    "Ob das Vorhaben tatsächlich umgesetzt wird, hängt von der Finanzierung ab.",
    "Viele Eltern hatten sich eine Lösung für die Betreuung in den Ferien gewünscht.",
    "Anmeldungen sind im Büro des Vereins möglich.",
    "Der Weg führt durch den Wald hinauf zur Alm und wieder zurück ins Dorf.",
    "Auch die Kinder durften mitmachen und bastelten kleine Laternen.",
    "Die Organisatoren bedankten sich bei den vielen freiwilligen Helfern.",
    "Bei schlechtem Wetter findet die Veranstaltung im Saal statt.",
    "Die Pläne stießen nicht überall auf Zustimmung.",
    "Für das leibliche Wohl ist gesorgt.",
    "Das Gebäude steht unter Denkmalschutz und muss behutsam renoviert werden.",
    "Seit Langem wünschen sich die Bewohner eine bessere Anbindung an den Bus.",
    "Nach dem Gottesdienst zogen die Vereine gemeinsam über den Platz.",
    "Das Programm richtet sich an Jung und Alt.",
    "Die Diskussion verlief sachlich, wenn auch nicht immer einig.",
    "Im Herzen des Ortes soll ein Treffpunkt für alle Generationen entstehen.",
    "Die Arbeiten kommen gut voran, auch wenn das Wetter nicht immer mitspielt.",
]


def prose(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(PROSE)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."


def sentence(rng: random.Random) -> str:
    if rng.random() < PROSE_SHARE:
        return prose(rng)
    return claim_sentence(rng)


# share of sentences without claims: real regional news holds about 8-9 claims per KB
PROSE_SHARE = 0.75


def claim_sentence(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        role=rng.choice(ROLES), person=rng.choice(PEOPLE), org=rng.choice(ORGS),
        day=rng.randint(1, 28), month=rng.choice(MONTHS), qual=rng.choice(QUALIFIERS),
        num=rng.randint(2, 999), num2=rng.randint(2, 999), noun=rng.choice(NOUNS),
        hour=rng.randint(8, 20), year=rng.randint(1950, 2025), age=rng.randint(18, 90),
        score=rng.randint(0, 5), score2=rng.randint(0, 5), place=rng.randint(1, 20),
    ).replace("  ", " ")


def article(rng: random.Random, paragraphs: int = 6) -> str:
    return "\n\n".join(" ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
                       for _ in range(paragraphs)) + "\n"


def text_of_size(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        part = article(rng)
        parts.append(part)
        total += len(part.encode("utf-8"))
    return "\n".join(parts)

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


def sentence(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        role=rng.choice(ROLES), person=rng.choice(PEOPLE), org=rng.choice(ORGS),
        day=rng.randint(1, 28), month=rng.choice(MONTHS), qual=rng.choice(QUALIFIERS),
        num=rng.randint(2, 999), num2=rng.randint(2, 999), noun=rng.choice(NOUNS),
        hour=rng.randint(8, 20), year=rng.randint(1950, 2025), age=rng.randint(18, 90),
        score=rng.randint(0, 5), score2=rng.randint(0, 5), place=rng.randint(1, 20),
    ).replace("  ", " ")


def article(rng: random.Random, paragraphs: int = 6) -> str:
    return "\n\n".join(" ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
                       for _ in range(paragraphs)) + "\n"


def text_of_size(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        part = article(rng)
        parts.append(part)
        total += len(part.encode("utf-8"))
    return "\n".join(parts)

"""The seeded-error corpus of the findings (issue 14): clean articles of our own with one
inconsistency injected, many times per check, in varied wording; and each injection's
consistent twin, on which no check may fire.

Run: python benchmarks/findings/seeded.py [--per-template 8] [--show-misses] [--write DIR]

The clean articles are benchmarks/findings/articles/*.md (regional news written for this, no
licensed text). Each template below returns an injection (one snippet, or two: the first goes
into the first half of the article, the second into the second half, as a writer repeats a
figure or a name paragraphs later) and its consistent twin. A seeded error counts as found when
a finding of the expected check points at a claim of the injected text (its row or a related
claim). Results: docs/findings.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claims.api import extract_article
from claims.ruleset import load_ruleset
from claims.text.reader import article_from_text

HERE = Path(__file__).resolve().parent
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
FIRST_F = ["Anna", "Maria", "Elisabeth", "Sabine", "Martina", "Julia", "Verena", "Monika", "Claudia", "Petra"]
FIRST_M = ["Hans", "Josef", "Markus", "Thomas", "Stefan", "Andreas", "Walter", "Günther", "Lukas", "Florian"]
SURNAMES = ["Pichler", "Gruber", "Mayrhofer", "Obexer", "Kaserer", "Brunner", "Thaler", "Unterhofer",
            "Kofler", "Rainer", "Huber", "Mitterer", "Stocker", "Tschurtschenthaler", "Fischnaller", "Zöschg"]
ROLES_M = ["Bürgermeister", "Landesrat", "Vizebürgermeister", "Obmann", "Direktor", "Kommandant", "Präsident"]
ROLES_F = ["Bürgermeisterin", "Landesrätin", "Vizebürgermeisterin", "Direktorin", "Primarin", "Präsidentin"]
PLACES = ["Lana", "Eppan", "Mals", "Sand in Taufers", "Klausen", "Welsberg", "Tramin", "Naturns"]


@dataclass
class Injection:
    code: str
    template: str
    error: list[str]
    control: list[str]


def de_day(d: dt.date, year: bool = False) -> str:
    return f"{d.day}. {MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")


def de_num(n: float) -> str:
    if float(n).is_integer():
        return f"{int(n):,}".replace(",", ".")
    return f"{n:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def person(rng: random.Random) -> tuple[str, str, str]:
    """(first name, surname, role), a role of the person's gender."""
    if rng.random() < 0.5:
        return rng.choice(FIRST_F), rng.choice(SURNAMES), rng.choice(ROLES_F)
    return rng.choice(FIRST_M), rng.choice(SURNAMES), rng.choice(ROLES_M)


def wrong_weekday(d: dt.date, rng: random.Random) -> str:
    return WEEKDAYS[(d.weekday() + rng.choice([1, 2, 3, 4, 5, 6])) % 7]


# --------------------------------------------------------------------------- K101 weekday-date

def wd_future(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(3, 20))
    t = "Die nächste Sitzung des Ausschusses findet am {wd}, {day} statt."
    return ([t.format(wd=wrong_weekday(d, rng), day=de_day(d))], [t.format(wd=WEEKDAYS[d.weekday()], day=de_day(d))])


def wd_past_year(rng, ad):
    d = ad - dt.timedelta(days=rng.randint(3, 40))
    t = "Am {wd}, dem {day}, hatten die Vertreter der Gemeinden den Vertrag unterzeichnet."
    return ([t.format(wd=wrong_weekday(d, rng), day=de_day(d, True))],
            [t.format(wd=WEEKDAYS[d.weekday()], day=de_day(d, True))])


def wd_numeric(rng, ad):
    d = ad - dt.timedelta(days=rng.randint(2, 15))
    t = "Bereits am {wd}, {dd:02d}.{mm:02d}., war eine erste Begehung vor Ort."
    return ([t.format(wd=wrong_weekday(d, rng), dd=d.day, mm=d.month)],
            [t.format(wd=WEEKDAYS[d.weekday()], dd=d.day, mm=d.month)])


def wd_bracket(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(5, 30))
    t = "Anmeldungen sind bis zum {day} ({wd}) im Rathaus möglich."
    return ([t.format(wd=wrong_weekday(d, rng), day=de_day(d))], [t.format(wd=WEEKDAYS[d.weekday()], day=de_day(d))])


def wd_evening(rng, ad):
    d = ad - dt.timedelta(days=rng.randint(2, 12))
    t = "Am {wd}abend, {day}, trafen sich die Vereinsobleute zu einer Aussprache."
    return ([t.format(wd=wrong_weekday(d, rng), day=de_day(d))], [t.format(wd=WEEKDAYS[d.weekday()], day=de_day(d))])


def wd_yesterday(rng, ad):
    y = ad - dt.timedelta(days=1)
    wrong = WEEKDAYS[(y.weekday() + rng.choice([1, 2, 4, 5])) % 7]
    t = "Am gestrigen {wd} hatte der Ausschuss die Pläne noch einmal beraten."
    return [t.format(wd=wrong)], [t.format(wd=WEEKDAYS[y.weekday()])]


def wd_dated_full(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(7, 60))
    t = "Der Festakt ist für {wd}, den {dd}.{mm}.{yy}, angesetzt."
    return ([t.format(wd=wrong_weekday(d, rng), dd=d.day, mm=d.month, yy=d.year)],
            [t.format(wd=WEEKDAYS[d.weekday()], dd=d.day, mm=d.month, yy=d.year)])


def wd_since(rng, ad):
    d = ad - dt.timedelta(days=rng.randint(5, 25))
    t = "Seit {wd}, {day}, gilt in der Innenstadt ein Fahrverbot für Lastwagen."
    return ([t.format(wd=wrong_weekday(d, rng), day=de_day(d))], [t.format(wd=WEEKDAYS[d.weekday()], day=de_day(d))])


# --------------------------------------------------------------------------- K102 impossible-date

def imp_day(rng, ad):
    month = rng.choice([4, 6, 9, 11])
    t = "Die Frist für die Einwände läuft noch bis zum {d}. {m}."
    return [t.format(d=31, m=MONTHS[month - 1])], [t.format(d=30, m=MONTHS[month - 1])]


def imp_feb(rng, ad):
    t = "Als Stichtag für die Unterlagen gilt der {d}. Februar."
    return [t.format(d=rng.choice([30, 31]))], [t.format(d=28)]


def imp_leap(rng, ad):
    year = rng.choice([2019, 2021, 2022, 2023])
    t = "Laut Protokoll wurde das Gutachten am {d}. Februar {y} fertiggestellt."
    return [t.format(d=29, y=year)], [t.format(d=28, y=year)]


def imp_time(rng, ad):
    hour, minute = rng.choice([(25, 30), (24, 45), (26, 0), (19, 75), (27, 15)])
    t = "Die Vorstellung beginnt um {h}.{m:02d} Uhr im großen Saal." if minute else \
        "Die Vorstellung beginnt um {h} Uhr im großen Saal."
    return [t.format(h=hour, m=minute)], [t.format(h=18, m=minute % 60)]


def imp_numeric(rng, ad):
    day, month = rng.choice([(31, 4), (31, 6), (31, 9), (31, 11), (30, 2), (32, 3), (12, 13)])
    t = "Das Angebot gilt bis {d:02d}.{m:02d}.{y}."
    return [t.format(d=day, m=month, y=ad.year)], [t.format(d=28, m=3, y=ad.year)]


def imp_time_colon(rng, ad):
    t = "Treffpunkt ist gegen {h}:{m} Uhr am Parkplatz."
    hour, minute = rng.choice([(7, "65"), (24, "30"), (25, "00"), (8, "61")])
    return [t.format(h=hour, m=minute)], [t.format(h=7, m="45")]


# --------------------------------------------------------------------------- K103 backwards-range

def rng_days(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(10, 60))
    a, b = rng.randint(15, 27), rng.randint(3, 12)
    t = "Die Ausstellung ist vom {a}. bis {b}. {m} im Kulturhaus zu sehen."
    return [t.format(a=a, b=b, m=MONTHS[d.month - 1])], [t.format(a=b, b=a, m=MONTHS[d.month - 1])]


def rng_full(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(10, 60))
    m = MONTHS[d.month - 1]
    t = "Gesperrt ist die Straße vom {a}. {m} bis zum {b}. {m}."
    a, b = rng.randint(18, 28), rng.randint(2, 14)
    return [t.format(a=a, b=b, m=m)], [t.format(a=b, b=a, m=m)]


def rng_years(rng, ad):
    a = rng.randint(2005, 2020)
    b = a - rng.randint(2, 8)
    t = "Der Verein hatte von {a} bis {b} seinen Sitz im alten Schulhaus."
    return [t.format(a=a, b=b)], [t.format(a=b, b=a)]


def rng_dash(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(10, 60))
    a, b = rng.randint(20, 28), rng.randint(5, 15)
    t = "Das Festival findet {a}.–{b}. {m} auf dem Rathausplatz statt."
    return [t.format(a=a, b=b, m=MONTHS[d.month - 1])], [t.format(a=b, b=a, m=MONTHS[d.month - 1])]


def rng_numeric(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(10, 40))
    a, b = rng.randint(18, 27), rng.randint(2, 12)
    t = "Die Anmeldung läuft vom {a}.{mm}. bis {b}.{mm}.{y}."
    return [t.format(a=a, b=b, mm=d.month, y=d.year)], [t.format(a=b, b=a, mm=d.month, y=d.year)]


def rng_months(rng, ad):
    a, b = rng.randint(6, 11), rng.randint(1, 4)
    y = ad.year - rng.randint(1, 3)
    t = "Von {a} bis {b} {y} war das Freibad wegen Sanierung geschlossen."
    return [t.format(a=MONTHS[a - 1], b=MONTHS[b - 1], y=y)], [t.format(a=MONTHS[b - 1], b=MONTHS[a - 1], y=y)]


# --------------------------------------------------------------------------- K104 relative-date

def rel_yesterday(rng, ad):
    wrong = ad - dt.timedelta(days=rng.randint(3, 9))
    t = "Gestern, am {day}, hatte der Ausschuss die Pläne abgesegnet."
    return [t.format(day=de_day(wrong))], [t.format(day=de_day(ad - dt.timedelta(days=1)))]


def rel_years_ago(rng, ad):
    n = rng.choice([2, 3, 4, 5])
    words = {2: "zwei", 3: "drei", 4: "vier", 5: "fünf"}
    t = "Vor {n} Jahren, {y}, war ein ähnlicher Antrag noch abgelehnt worden."
    return [t.format(n=words[n], y=ad.year - n - rng.choice([1, 2]))], [t.format(n=words[n], y=ad.year - n)]


def rel_last_year(rng, ad):
    t = "Im vergangenen Jahr ({y}) waren es noch deutlich weniger Anmeldungen."
    return [t.format(y=ad.year - rng.choice([2, 3]))], [t.format(y=ad.year - 1)]


def rel_today(rng, ad):
    t = "Heute, am {day}, endet die Frist für die Stellungnahmen."
    return [t.format(day=de_day(ad + dt.timedelta(days=rng.choice([-3, -2, 2, 3]))))], [t.format(day=de_day(ad))]


def rel_also(rng, ad):
    n = rng.choice([2, 3, 10])
    words = {2: "zwei", 3: "drei", 10: "zehn"}
    t = "Schon {y}, also vor {n} Jahren, war über das Projekt gesprochen worden."
    return [t.format(y=ad.year - n + rng.choice([-2, 1]), n=words[n])], [t.format(y=ad.year - n, n=words[n])]


def rel_tomorrow(rng, ad):
    t = "Morgen, am {day}, wird der Entwurf im Rat vorgestellt."
    return [t.format(day=de_day(ad + dt.timedelta(days=rng.choice([3, 4, 5]))))], \
        [t.format(day=de_day(ad + dt.timedelta(days=1)))]


def rel_previous_year(rng, ad):
    t = "Im Vorjahr, {y}, hatte die Gemeinde noch einen Überschuss erwirtschaftet."
    return [t.format(y=ad.year - rng.choice([2, 3]))], [t.format(y=ad.year - 1)]


# --------------------------------------------------------------------------- K105 tense-date

def tense_will(rng, ad):
    d = ad - dt.timedelta(days=rng.randint(6, 40))
    t = "Die neue Kletterhalle wird am {day} eröffnet."
    c = ad + dt.timedelta(days=rng.randint(6, 40))
    # the error names its year: a yearless date takes the year its tense asks for (CLAIMS.md,
    # Values), so "wird am 1. August" in a September article is next August, no contradiction
    return [t.format(day=de_day(d, True))], [t.format(day=de_day(c))]


def tense_should(rng, ad):
    y = ad.year - rng.randint(1, 3)
    t = "Das neue Feuerwehrhaus soll {y} fertiggestellt werden."
    return [t.format(y=y)], [t.format(y=ad.year + rng.randint(1, 3))]


def tense_was(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(4, 30))
    t = "Der Vertrag mit dem Betreiber wurde am {day} unterzeichnet."
    c = ad - dt.timedelta(days=rng.randint(4, 30))
    return [t.format(day=de_day(d, True))], [t.format(day=de_day(c))]  # with its year, as tense_will


def tense_took_place(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(4, 30))
    t = "Die Jahreshauptversammlung fand am {dd}.{mm}.{yy} im Gasthof Post statt."
    c = ad - dt.timedelta(days=rng.randint(4, 30))
    return [t.format(dd=d.day, mm=d.month, yy=d.year)], [t.format(dd=c.day, mm=c.month, yy="")]  # the error with its year, as tense_will


def tense_perfect(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(5, 25))
    t = "Am {day} hat der Landtag das Gesetz beschlossen."
    c = ad - dt.timedelta(days=rng.randint(5, 25))
    return [t.format(day=de_day(d, True))], [t.format(day=de_day(c, True))]


def tense_future_year(rng, ad):
    t = "Die Arbeiten werden im {m} {y} beginnen."
    d = ad - dt.timedelta(days=rng.randint(60, 400))
    c = ad + dt.timedelta(days=rng.randint(60, 400))
    return [t.format(m=MONTHS[d.month - 1], y=d.year)], [t.format(m=MONTHS[c.month - 1], y=c.year)]


def tense_planned(rng, ad):
    d = ad - dt.timedelta(days=rng.randint(5, 40))
    t = "Voraussichtlich am {dd}.{mm}.{y} werden die ersten Busse fahren."
    c = ad + dt.timedelta(days=rng.randint(5, 40))
    return [t.format(dd=d.day, mm=d.month, y=d.year)], [t.format(dd=c.day, mm=c.month, y=c.year)]


def tense_opened(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(3, 20))
    t = "{wd} war der Saal am {day} bis auf den letzten Platz besetzt."
    c = ad - dt.timedelta(days=rng.randint(3, 20))
    return ([t.format(wd="Laut den Veranstaltern", day=de_day(d, True))],  # with its year, as tense_will
            [t.format(wd="Laut den Veranstaltern", day=de_day(c))])


# --------------------------------------------------------------------------- K201 age-birth-year

def age_born_same(rng, ad):
    first, last, role = person(rng)
    by = ad.year - rng.randint(30, 70)
    age = ad.year - by
    t = "Der neue Obmann {f} {l} wurde {by} in {p} geboren. Der {a}-Jährige führt einen Bauernhof."
    wrong = age + rng.choice([-5, -3, 3, 4, 6])
    return ([t.format(f=first, l=last, by=by, p=rng.choice(PLACES), a=wrong)],
            [t.format(f=first, l=last, by=by, p=rng.choice(PLACES), a=age - (ad.month < 7))])


def age_jahrgang(rng, ad):
    first, last, role = person(rng)
    by = ad.year - rng.randint(30, 70)
    age = ad.year - by - 1
    t1 = "{r} {f} {l}, Jahrgang {by}, hat die Arbeitsgruppe geleitet."
    t2 = "{l} ist {a} Jahre alt und lebt in {p}."
    p = rng.choice(PLACES)
    return ([t1.format(r=role, f=first, l=last, by=by), t2.format(l=last, a=age + rng.choice([-6, -4, 5, 8]), p=p)],
            [t1.format(r=role, f=first, l=last, by=by), t2.format(l=last, a=age, p=p)])


def age_birthday(rng, ad):
    first, last, role = person(rng)
    born = dt.date(ad.year - rng.randint(25, 60), rng.randint(1, 12), rng.randint(1, 28))
    age = ad.year - born.year - ((ad.month, ad.day) < (born.month, born.day))
    t = "Die {a}-jährige {f} {l} kam am {day} in {p} zur Welt und ist seit Jahren im Vorstand."
    p = rng.choice(PLACES)
    return ([t.format(a=age + rng.choice([-2, 2, 3]), f=first, l=last, day=de_day(born, True), p=p)],
            [t.format(a=age, f=first, l=last, day=de_day(born, True), p=p)])


def age_star(rng, ad):
    first, last, role = person(rng)
    by = ad.year - rng.randint(40, 70)
    t = "{r} {f} {l} (* {by}) stellte die Pläne vor. Der {a}-Jährige kündigte an, im Herbst nicht mehr anzutreten."
    return ([t.format(r=role, f=first, l=last, by=by, a=ad.year - by + rng.choice([4, 7, -5]))],
            [t.format(r=role, f=first, l=last, by=by, a=ad.year - by - 1)])


def age_born_apposition(rng, ad):
    first, last, role = person(rng)
    by = ad.year - rng.randint(30, 70)
    t = "{f} {l}, geboren {by}, ist mit {a} Jahren das älteste Mitglied des Chores."
    return ([t.format(f=first, l=last, by=by, a=ad.year - by + rng.choice([6, 9, -7]))],
            [t.format(f=first, l=last, by=by, a=ad.year - by)])


def age_bracket_born(rng, ad):
    first, last, role = person(rng)
    by = ad.year - rng.randint(30, 70)
    t1 = "Für die Liste kandidiert {f} {l} ({a})."
    t2 = "{l} wurde {by} in {p} geboren und arbeitet als Tischler."
    p = rng.choice(PLACES)
    return ([t1.format(f=first, l=last, a=ad.year - by + rng.choice([5, -4, 8])), t2.format(l=last, by=by, p=p)],
            [t1.format(f=first, l=last, a=ad.year - by - 1), t2.format(l=last, by=by, p=p)])


# --------------------------------------------------------------------------- K202 two-ages

def ages_bracket_adj(rng, ad):
    first, last, role = person(rng)
    a = rng.randint(30, 70)
    t1 = "{r} {f} {l} ({a}) eröffnete die Sitzung."
    t2 = "Die Entscheidung sei der Wunsch der Bevölkerung, sagte der {b}-jährige {l}."
    return ([t1.format(r=role, f=first, l=last, a=a), t2.format(b=a + rng.choice([-3, 2, 5]), l=last)],
            [t1.format(r=role, f=first, l=last, a=a), t2.format(b=a, l=last)])


def ages_noun_then_alt(rng, ad):
    first, last, role = person(rng)
    a = rng.randint(30, 70)
    t1 = "{f} {l} leitet den Betrieb seit zwölf Jahren. Der {a}-Jährige hat ihn von seinem Vater übernommen."
    t2 = "{l} ist {b} Jahre alt und will den Hof bald übergeben."
    return ([t1.format(f=first, l=last, a=a), t2.format(l=last, b=a + rng.choice([-4, 3, 6]))],
            [t1.format(f=first, l=last, a=a), t2.format(l=last, b=a)])


def ages_comma(rng, ad):
    first, last, role = person(rng)
    a = rng.randint(25, 70)
    t1 = "Gewählt wurde {f} {l}, {a}, aus {p}."
    t2 = "Die {b}-jährige {f} {l} dankte den Mitgliedern für das Vertrauen."
    p = rng.choice(PLACES)
    return ([t1.format(f=first, l=last, a=a, p=p), t2.format(b=a + rng.choice([-2, 4, 10]), f=first, l=last)],
            [t1.format(f=first, l=last, a=a, p=p), t2.format(b=a, f=first, l=last)])


def ages_two_adj(rng, ad):
    first, last, role = person(rng)
    first = rng.choice(FIRST_M)
    a = rng.randint(25, 70)
    t1 = "Die Leitung übernimmt der {a}-jährige {f} {l}."
    t2 = "Der {b}-jährige {f} {l} lebt mit seiner Familie in {p}."
    p = rng.choice(PLACES)
    return [t1.format(a=a, f=first, l=last), t2.format(b=a + rng.choice([3, 5, -4]), f=first, l=last, p=p)], \
        [t1.format(a=a, f=first, l=last), t2.format(b=a, f=first, l=last, p=p)]


def ages_role_bracket(rng, ad):
    first, last, role = person(rng)
    a = rng.randint(30, 70)
    t1 = "{r} {f} {l} ({a}) zeigte sich zufrieden."
    t2 = "{f} {l} ({b}) verwies auf die angespannte Lage im Haushalt."
    return ([t1.format(r=role, f=first, l=last, a=a), t2.format(f=first, l=last, b=a + rng.choice([-5, 4]))],
            [t1.format(r=role, f=first, l=last, a=a), t2.format(f=first, l=last, b=a)])


def ages_sentence_start(rng, ad):
    first, last, role = person(rng)
    a = rng.randint(30, 70)
    t1 = "Neue Leiterin der Musikschule ist {f} {l}. Die {a}-Jährige unterrichtet seit Jahren Klavier."
    t2 = "Die {b}-jährige {l} will vor allem mehr Kinder für Blasinstrumente begeistern."
    f = rng.choice(FIRST_F)
    return ([t1.format(f=f, l=last, a=a), t2.format(b=a + rng.choice([-3, 7]), l=last)],
            [t1.format(f=f, l=last, a=a), t2.format(b=a, l=last)])


# --------------------------------------------------------------------------- K301 same-quantity

NOUNS = ["Aussteller", "Mitglieder", "Teilnehmer", "Helferinnen und Helfer", "Feuerwehrleute", "Schüler",
         "Läufer", "Sänger"]


def qty_event(rng, ad):
    n = rng.randint(40, 400)
    m = n + max(1, round(n * rng.uniform(0.04, 0.2)))
    t1 = "Zum Frühjahrsmarkt kamen heuer mehr als {n} Aussteller aus dem ganzen Land."
    t2 = "Die {m} Aussteller des Frühjahrsmarkts zeigten vor allem Handwerk."
    return [t1.format(n=n), t2.format(m=m)], [t1.format(n=n), t2.format(m=n)]


def qty_members(rng, ad):
    n = rng.randint(120, 980)
    digits = list(str(n))
    swapped = int(digits[1] + digits[0] + digits[2]) if digits[0] != digits[1] and digits[1] != "0" else n + 11
    t1 = "Der Alpenverein zählt in der Sektion {p} derzeit {n} Mitglieder."
    t2 = "Mit {m} Mitgliedern ist die Sektion {p} die größte im Bezirk."
    p = rng.choice(PLACES)
    return [t1.format(p=p, n=de_num(n)), t2.format(p=p, m=de_num(swapped))], \
        [t1.format(p=p, n=de_num(n)), t2.format(p=p, m=de_num(n))]


def qty_zero(rng, ad):
    n = rng.choice([1200, 1500, 2400, 3500, 4800])
    t1 = "Das neue Stadion bietet Platz für {n} Zuschauer."
    t2 = "Für {m} Zuschauer braucht das Stadion auch neue Parkplätze."
    return [t1.format(n=de_num(n)), t2.format(m=de_num(n * 10))], [t1.format(n=de_num(n)), t2.format(m=de_num(n))]


def qty_firefighters(rng, ad):
    n = rng.randint(20, 90)
    m = n + rng.choice([-5, -3, 4, 6, 8])
    t1 = "Beim Brand in der Lagerhalle standen {n} Feuerwehrleute im Einsatz."
    t2 = "Die Lagerhalle war nach Angaben der {m} Feuerwehrleute nicht mehr zu retten."
    return [t1.format(n=n), t2.format(m=m)], [t1.format(n=n), t2.format(m=n)]


def qty_euro(rng, ad):
    n = rng.choice([1.2, 2.5, 3.8, 4.6, 6.4])
    m = round(n + rng.choice([0.3, 0.5, -0.4]), 1)
    t1 = "Für die Sanierung der Grundschule stellt die Gemeinde {n} Millionen Euro bereit."
    t2 = "Mit den {m} Millionen Euro für die Grundschule werden Dach und Fenster erneuert."
    return [t1.format(n=de_num(n)), t2.format(m=de_num(m))], [t1.format(n=de_num(n)), t2.format(m=de_num(n))]


def qty_runners(rng, ad):
    n = rng.randint(150, 900)
    m = n + rng.choice([20, 30, -25, 50])
    t1 = "Am Stadtlauf nahmen {n} Läuferinnen und Läufer teil."
    t2 = "Für die {m} Läuferinnen und Läufer des Stadtlaufs gab es am Ziel Suppe und Brot."
    return [t1.format(n=n), t2.format(m=m)], [t1.format(n=n), t2.format(m=n)]


def qty_students(rng, ad):
    n = rng.randint(200, 800)
    m = n + rng.choice([12, 18, -15, 40])
    t1 = "Die Mittelschule in {p} besuchen {n} Schülerinnen und Schüler."
    t2 = "Für die {m} Schülerinnen und Schüler der Mittelschule gibt es künftig eine Mensa."
    p = rng.choice(PLACES)
    return [t1.format(p=p, n=n), t2.format(m=m)], [t1.format(p=p, n=n), t2.format(m=n)]


# --------------------------------------------------------------------------- K302 percent-over-100

def pct_election(rng, ad):
    a = rng.randint(35, 50)
    b = rng.randint(25, 40)
    c = 100 - a - b + rng.randint(8, 20)
    t = "Bei der Wahl erreichte die Liste Dorf {a} Prozent, die Bürgerliste {b} Prozent und die Grünen kamen auf {c} Prozent."
    return [t.format(a=a, b=b, c=c)], [t.format(a=a, b=b, c=100 - a - b - 2)]


def pct_poll(rng, ad):
    a = rng.randint(40, 60)
    b = rng.randint(25, 95 - a)
    c = 100 - a - b + rng.randint(6, 15)
    t = "In der Umfrage sprachen sich {a} Prozent für den Umbau aus, {b} Prozent waren dagegen und {c} Prozent unentschlossen."
    return [t.format(a=a, b=b, c=c)], [t.format(a=a, b=b, c=max(1, 100 - a - b))]


def pct_energy(rng, ad):
    a = rng.randint(50, 70)
    b = rng.randint(15, 95 - a)
    c = 100 - a - b + rng.randint(5, 15)
    t = "Der Strom im Dorf stammt zu {a} Prozent aus Wasserkraft, zu {b} Prozent aus Photovoltaik und zu {c} Prozent aus Biomasse."
    return [t.format(a=a, b=b, c=c)], [t.format(a=a, b=b, c=max(1, 100 - a - b))]


def pct_guests(rng, ad):
    a = rng.randint(40, 55)
    b = rng.randint(20, 95 - a)
    c = 100 - a - b + rng.randint(5, 15)
    t = "Von den Gästen kamen {a} % aus Deutschland, {b} % aus Italien und {c} % aus Österreich."
    return [t.format(a=a, b=b, c=c)], [t.format(a=a, b=b, c=max(1, 100 - a - b - 3))]


def pct_two(rng, ad):
    a = rng.randint(55, 75)
    b = 100 - a + rng.randint(6, 20)
    t = "Von den Mitgliedern stimmten {a} Prozent für den Antrag, {b} Prozent stimmten dagegen."
    return [t.format(a=a, b=b)], [t.format(a=a, b=100 - a)]


def pct_decimal(rng, ad):
    a = round(rng.uniform(40, 55), 1)
    b = round(rng.uniform(30, 40), 1)
    c = round(100 - a - b + rng.uniform(4, 9), 1)
    t = "Die Ausgaben verteilen sich zu {a} Prozent auf Personal, zu {b} Prozent auf Gebäude und zu {c} Prozent auf Material."
    f = lambda x: de_num(x)  # noqa: E731
    return [t.format(a=f(a), b=f(b), c=f(c))], [t.format(a=f(a), b=f(b), c=f(round(100 - a - b, 1)))]


# --------------------------------------------------------------------------- K303 arithmetic

def ar_plus_percent(rng, ad):
    a = rng.choice([20, 40, 50, 80, 200, 400])
    b = int(a * rng.choice([1.25, 1.5, 1.75]))
    right = round((b - a) / a * 100)
    t = "Die Zahl der Nächtigungen stieg von {a} auf {b}, ein Plus von {p} Prozent."
    return [t.format(a=de_num(a * 100), b=de_num(b * 100), p=right + rng.choice([-15, -10, 10, 20]))], \
        [t.format(a=de_num(a * 100), b=de_num(b * 100), p=right)]


def ar_points(rng, ad):
    a = rng.randint(10, 30)
    b = a + rng.randint(4, 12)
    t = "Der Anteil der Radfahrer wuchs von {a} auf {b} Prozent, ein Zuwachs von {d} Prozentpunkten."
    return [t.format(a=a, b=b, d=b - a + rng.choice([-2, 3, 5]))], [t.format(a=a, b=b, d=b - a)]


def ar_double(rng, ad):
    a = rng.choice([40, 60, 120, 250, 300])
    b = int(a * rng.choice([1.4, 1.5, 2.6, 3]))
    t = "Die Zahl der Anfragen hat sich innerhalb eines Jahres von {a} auf {b} verdoppelt."
    return [t.format(a=a, b=b)], [t.format(a=a, b=2 * a)]


def ar_half(rng, ad):
    a = rng.choice([80, 120, 400, 600])
    t = "Die Wartezeit halbierte sich von {a} auf {b} Minuten."
    return [t.format(a=a, b=int(a * 0.7))], [t.format(a=a, b=a // 2)]


def ar_sum_colon(rng, ad):
    x, y, z = rng.randint(20, 60), rng.randint(20, 60), rng.randint(5, 30)
    t = "Insgesamt meldeten sich {t} Freiwillige: {x} Frauen, {y} Männer und {z} Jugendliche."
    return [t.format(t=x + y + z + rng.choice([-10, 5, 10, 20]), x=x, y=y, z=z)], [t.format(t=x + y + z, x=x, y=y, z=z)]


def ar_sum_after(rng, ad):
    x, y, z = rng.randint(20, 60), rng.randint(20, 60), rng.randint(5, 30)
    t = "Gezählt wurden {x} Rehe, {y} Gämsen und {z} Hirsche, zusammen {t} Tiere."
    return [t.format(t=x + y + z + rng.choice([-10, 7, 12]), x=x, y=y, z=z)], [t.format(t=x + y + z, x=x, y=y, z=z)]


def ar_davon(rng, ad):
    t_ = rng.randint(60, 200)
    x = rng.randint(t_ // 2, t_)
    y = t_ - x + rng.randint(10, 30)
    t = "Der Chor hat {t} Mitglieder, davon {x} Frauen und {y} Männer."
    return [t.format(t=t_, x=x, y=y)], [t.format(t=t_, x=x, y=t_ - x)]


def ar_direction(rng, ad):
    a = rng.randint(20, 80)
    b = a + rng.randint(5, 30)
    t = "Die Zahl der Unfälle sank im Vergleich zum Vorjahr von {a} auf {b}."
    return [t.format(a=a, b=b)], [t.format(a=b, b=a)]


def ar_minus(rng, ad):
    a = rng.randint(200, 500)
    b = a - rng.randint(20, 80)
    t = "Die Zahl der Arbeitslosen ging von {a} auf {b} zurück, ein Rückgang um {d}."
    return [t.format(a=a, b=b, d=a - b + rng.choice([-12, 10, 15]))], [t.format(a=a, b=b, d=a - b)]


# --------------------------------------------------------------------------- K401 name-spelling

def typo(rng: random.Random, name: str) -> str:
    kind = rng.choice(["swap", "double", "drop", "case", "umlaut", "sub"])
    if kind == "umlaut" and any(ch in name for ch in "äöü"):
        return name.replace("ö", "oe").replace("ü", "ue").replace("ä", "ae")
    if kind == "case" and "-" in name:
        head, tail = name.split("-", 1)
        return f"{head}-{tail[:1].swapcase()}{tail[1:]}"
    i = rng.randint(1, len(name) - 2)
    if kind == "swap" and name[i] != name[i + 1]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    if kind == "double":
        return name[:i] + name[i] + name[i:]
    if kind == "drop" and len(name) > 5:
        return name[:i] + name[i + 1:]
    vowels = "aeiou"
    if name[i] in vowels:
        return name[:i] + rng.choice([v for v in vowels if v != name[i]]) + name[i + 1:]
    return name[:i] + name[i] + "h" + name[i + 1:] if name[i] in "tk" else name[:i] + "n" + name[i:]


def name_quote(rng, ad):
    first, last, role = person(rng)
    t1 = "{r} {f} {l} eröffnete die Versammlung."
    t2 = "„Wir haben das Projekt gemeinsam durchgebracht“, sagte {f} {l2}."
    return [t1.format(r=role, f=first, l=last), t2.format(f=first, l2=typo(rng, last))], \
        [t1.format(r=role, f=first, l=last), t2.format(f=first, l2=last)]


def name_roles(rng, ad):
    first, last, role = person(rng)
    t1 = "Die Pläne stellte {r} {f} {l} vor."
    t2 = "Nach Ansicht von {r} {f} {l2} ist die Finanzierung gesichert."
    return [t1.format(r=role, f=first, l=last), t2.format(r=role, f=first, l2=typo(rng, last))], \
        [t1.format(r=role, f=first, l=last), t2.format(r=role, f=first, l2=last)]


def name_hyphen(rng, ad):
    first, last = rng.choice([("Lee", "Jae-yong"), ("Kim", "Dong-hyun"), ("Park", "Ji-sung"), ("Choi", "Min-ho")])
    t1 = "Samsung-Vorsitzender {f} {l} traf in Bozen Vertreter der Wirtschaft."
    t2 = "Samsung-Chef {f} {l} besuchte danach ein Werk im Industriegebiet."
    head, tail = last.split("-")
    l2 = typo(rng, last) if rng.random() < 0.5 else f"{head}-{tail.capitalize()}"
    if l2 == last:
        l2 = f"{head}-{tail.capitalize()}"
    return [t1.format(f=first, l=last), t2.format(f=first, l=l2)], [t1.format(f=first, l=last), t2.format(f=first, l=last)]


def name_umlaut(rng, ad):
    first = rng.choice(FIRST_M)
    last = rng.choice(["Müller", "Schönauer", "Kröss", "Mühlberger", "Gärber", "Pöder"])
    t1 = "Landesrat {f} {l} besuchte die Baustelle."
    t2 = "Laut {f} {l2} soll die Brücke im Sommer fertig sein."
    return [t1.format(f=first, l=last), t2.format(f=first, l2=last.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae"))], \
        [t1.format(f=first, l=last), t2.format(f=first, l2=last)]


def name_attribution(rng, ad):
    first, last, role = person(rng)
    t1 = "{f} {l}, {r} von {p}, lud zum Gespräch."
    t2 = "{f} {l2} erklärte, man werde die Bürger einbinden."
    p = rng.choice(PLACES)
    return [t1.format(f=first, l=last, r=role, p=p), t2.format(f=first, l2=typo(rng, last))], \
        [t1.format(f=first, l=last, r=role, p=p), t2.format(f=first, l2=last)]


def name_first(rng, ad):
    first, last = rng.choice([("Johannes", "Pircher"), ("Christine", "Tappeiner"), ("Bernhard", "Zelger"),
                              ("Veronika", "Ladurner"), ("Matthias", "Gamper")])
    t1 = "Direktorin {f} {l} stellte das Jahresprogramm vor." if first[-1] in "ae" else \
        "Direktor {f} {l} stellte das Jahresprogramm vor."
    t2 = "„Wir wollen junge Menschen für die Bühne gewinnen“, sagte {f2} {l}."
    return [t1.format(f=first, l=last), t2.format(f2=typo(rng, first), l=last)], \
        [t1.format(f=first, l=last), t2.format(f2=first, l=last)]


# --------------------------------------------------------------------------- K402 person-roles

ROLE_PAIRS_M = [("Bürgermeister", "Landesrat"), ("Direktor", "Präsident"), ("Kommandant", "Bürgermeister"),
                ("Landesrat", "Vizebürgermeister"), ("Primar", "Direktor")]
ROLE_PAIRS_F = [("Bürgermeisterin", "Landesrätin"), ("Direktorin", "Präsidentin"),
                ("Landesrätin", "Stadträtin"), ("Primarin", "Direktorin")]


def roles_two(rng, ad):
    if rng.random() < 0.5:
        first, (r1, r2) = rng.choice(FIRST_M), rng.choice(ROLE_PAIRS_M)
    else:
        first, (r1, r2) = rng.choice(FIRST_F), rng.choice(ROLE_PAIRS_F)
    last = rng.choice(SURNAMES)
    t1 = "{r} {f} {l} begrüßte die Gäste."
    t2 = "Am Ende dankte {r} {f} {l} den freiwilligen Helfern."
    return [t1.format(r=r1, f=first, l=last), t2.format(r=r2, f=first, l=last)], \
        [t1.format(r=r1, f=first, l=last), t2.format(r=r1, f=first, l=last)]


def roles_org(rng, ad):
    first, last, _ = person(rng)
    o1, o2 = rng.sample(["Raiffeisen", "Sparkasse", "Volksbank", "Alperia", "SAD", "Eurac"], 2)
    t1 = "{o}-Chef {f} {l} stellte die Zahlen vor."
    t2 = "Laut {o}-Chef {f} {l} bleibt die Lage schwierig."
    return [t1.format(o=o1, f=first, l=last), t2.format(o=o2, f=first, l=last)], \
        [t1.format(o=o1, f=first, l=last), t2.format(o=o1, f=first, l=last)]


def roles_apposition(rng, ad):
    first, last, _ = person(rng)
    (r1, r2) = rng.choice(ROLE_PAIRS_M)
    first = rng.choice(FIRST_M)
    t1 = "{f} {l}, der {r} von {p}, war ebenfalls gekommen."
    t2 = "Auch {r} {f} {l} sprach sich für den Ausbau aus."
    p = rng.choice(PLACES)
    return [t1.format(f=first, l=last, r=r1, p=p), t2.format(r=r2, f=first, l=last)], \
        [t1.format(f=first, l=last, r=r1, p=p), t2.format(r=r1, f=first, l=last)]


def roles_org_of(rng, ad):
    first, last, _ = person(rng)
    o1, o2 = rng.sample(["des Bauernbundes", "des Alpenvereins", "der Handelskammer", "des Jugendrings",
                         "der Musikschule"], 2)
    t1 = "Die Vorsitzende {o}, {f} {l}, lobte das Projekt."
    t2 = "Die Vorsitzende {o}, {f} {l}, kündigte eine Stellungnahme an."
    first = rng.choice(FIRST_F)
    return [t1.format(o=o1, f=first, l=last), t2.format(o=o2, f=first, l=last)], \
        [t1.format(o=o1, f=first, l=last), t2.format(o=o1, f=first, l=last)]


def roles_sport(rng, ad):
    first, last = rng.choice(FIRST_M), rng.choice(SURNAMES)
    r1, r2 = rng.choice([("Trainer", "Sportdirektor"), ("Kapitän", "Trainer"), ("Torhüter", "Stürmer")])
    t1 = "{r} {f} {l} zeigte sich enttäuscht."
    t2 = "{r} {f} {l} kündigte für das Rückspiel eine Steigerung an."
    return [t1.format(r=r1, f=first, l=last), t2.format(r=r2, f=first, l=last)], \
        [t1.format(r=r1, f=first, l=last), t2.format(r=r1, f=first, l=last)]


# --------------------------------------------------------------------------- K501 quote-wording

QUOTES = [
    ("Wir werden die Schule bis zum Herbst fertig sanieren", "Wir werden die Schule bis zum Winter fertig sanieren"),
    ("Ohne die vielen Freiwilligen wäre das Fest nicht möglich gewesen", "Ohne die vielen Freiwilligen wäre das Fest gar nicht möglich gewesen"),
    ("Das ist ein guter Tag für alle Familien im Tal", "Das ist ein großer Tag für alle Familien im Tal"),
    ("Wir haben die Sorgen der Anrainer sehr ernst genommen", "Wir haben die Sorgen der Anrainer immer ernst genommen"),
    ("Die Finanzierung steht, jetzt müssen wir nur noch bauen", "Die Finanzierung steht, jetzt müssen wir endlich bauen"),
    ("Mit diesem Ergebnis sind wir mehr als zufrieden", "Mit diesem Ergebnis sind wir sehr zufrieden"),
    ("Wir brauchen mehr Wohnungen für junge Familien", "Wir brauchen dringend mehr Wohnungen für junge Familien"),
]


def quote_later(rng, ad):
    first, last, role = person(rng)
    q1, q2 = rng.choice(QUOTES)
    t1 = "„{q}“, sagte {r} {f} {l}."
    t2 = "{l} betonte noch einmal: „{q}.“"
    return [t1.format(q=q1, r=role, f=first, l=last), t2.format(l=last, q=q2)], \
        [t1.format(q=q1, r=role, f=first, l=last), t2.format(l=last, q=q1)]


def quote_lead(rng, ad):
    first, last, role = person(rng)
    q1, q2 = rng.choice(QUOTES)
    t1 = "{r} {f} {l} zeigte sich zuversichtlich: „{q}.“"
    t2 = "„{q}“, wiederholte {l} am Ende der Sitzung."
    if rng.random() < 0.5:
        q1, q2 = q2, q1
    return [t1.format(q=q1, r=role, f=first, l=last), t2.format(l=last, q=q2)], \
        [t1.format(q=q1, r=role, f=first, l=last), t2.format(l=last, q=q1)]


def quote_order(rng, ad):
    first, last, role = person(rng)
    q1 = "Wir sind mit dem Ergebnis der Verhandlungen sehr zufrieden"
    q2 = "Mit dem Ergebnis der Verhandlungen sind wir sehr zufrieden"
    t1 = "„{q}“, sagte {r} {f} {l} nach dem Treffen."
    t2 = "Auch im Rat erklärte {l}: „{q}.“"
    return [t1.format(q=q1, r=role, f=first, l=last), t2.format(l=last, q=q2)], \
        [t1.format(q=q1, r=role, f=first, l=last), t2.format(l=last, q=q1)]


def quote_number(rng, ad):
    first, last, role = person(rng)
    n = rng.randint(20, 90)
    q = "In den nächsten {n} Monaten wollen wir alle Straßen im Dorf sanieren"
    t1 = "„{q}“, kündigte {r} {f} {l} an."
    t2 = "Der Zeitplan sei ehrgeizig, räumte {l} ein: „{q}.“"
    return [t1.format(q=q.format(n=n), r=role, f=first, l=last), t2.format(l=last, q=q.format(n=n + 6))], \
        [t1.format(q=q.format(n=n), r=role, f=first, l=last), t2.format(l=last, q=q.format(n=n))]


def quote_guillemets(rng, ad):
    first, last, role = person(rng)
    q1, q2 = rng.choice(QUOTES)
    t1 = "»{q}«, sagte {r} {f} {l}."
    t2 = "Später hieß es von {l}: »{q}.«"
    return [t1.format(q=q1, r=role, f=first, l=last), t2.format(l=last, q=q2)], \
        [t1.format(q=q1, r=role, f=first, l=last), t2.format(l=last, q=q1)]


# --------------------------------------------------------------------------- K502 quote-speakers

def speakers_two(rng, ad):
    (f1, l1, r1), (f2, l2, r2) = person(rng), person(rng)
    while l2 == l1:
        f2, l2, r2 = person(rng)
    q, _ = rng.choice(QUOTES)
    t1 = "„{q}“, sagte {r} {f} {l}."
    t2 = "„{q}“, betonte {r} {f} {l} am Rande der Sitzung."
    return [t1.format(q=q, r=r1, f=f1, l=l1), t2.format(q=q, r=r2, f=f2, l=l2)], \
        [t1.format(q=q, r=r1, f=f1, l=l1), t2.format(q=q, r=r1, f=f1, l=l1)]


def speakers_colon(rng, ad):
    (f1, l1, r1), (f2, l2, r2) = person(rng), person(rng)
    while l2 == l1:
        f2, l2, r2 = person(rng)
    q, _ = rng.choice(QUOTES)
    t1 = "{r} {f} {l} sagte: „{q}.“"
    t2 = "„{q}“, so {f} {l}."
    return [t1.format(q=q, r=r1, f=f1, l=l1), t2.format(q=q, f=f2, l=l2)], \
        [t1.format(q=q, r=r1, f=f1, l=l1), t2.format(q=q, f=f1, l=l1)]


def speakers_lead(rng, ad):
    (f1, l1, r1), (f2, l2, r2) = person(rng), person(rng)
    while l2 == l1:
        f2, l2, r2 = person(rng)
    q, _ = rng.choice(QUOTES)
    t1 = "„{q}“: Mit diesen Worten eröffnete {r} {f} {l} die Versammlung."
    t2 = "Unterstützung kam von {r} {f} {l}. „{q}“, sagte {l}."
    return [t1.format(q=q, r=r1, f=f1, l=l1), t2.format(q=q, r=r2, f=f2, l=l2)], \
        [t1.format(q=q, r=r1, f=f1, l=l1), "Unterstützung kam von " + f"{r1} {f1} {l1}. „{q}“, sagte {l1}."]


def speakers_title(rng, ad):
    (f1, l1, r1), (f2, l2, r2) = person(rng), person(rng)
    while l2 == l1:
        f2, l2, r2 = person(rng)
    q, _ = rng.choice(QUOTES)
    t1 = "„{q}“, erklärte {r} {f} {l}."
    t2 = "Dem pflichtete {f} {l} bei: „{q}.“"
    return [t1.format(q=q, r=r1, f=f1, l=l1), t2.format(q=q, f=f2, l=l2)], \
        [t1.format(q=q, r=r1, f=f1, l=l1), t2.format(q=q, f="Herr" if r1 in ROLES_M else "Frau", l=l1)]


Template = Callable[[random.Random, dt.date], tuple[list[str], list[str]]]
TEMPLATES: dict[str, list[Template]] = {
    "K101": [wd_future, wd_past_year, wd_numeric, wd_bracket, wd_evening, wd_yesterday, wd_dated_full, wd_since],
    "K102": [imp_day, imp_feb, imp_leap, imp_time, imp_numeric, imp_time_colon],
    "K103": [rng_days, rng_full, rng_years, rng_dash, rng_numeric, rng_months],
    "K104": [rel_yesterday, rel_years_ago, rel_last_year, rel_today, rel_also, rel_tomorrow, rel_previous_year],
    "K105": [tense_will, tense_should, tense_was, tense_took_place, tense_perfect, tense_future_year,
             tense_planned, tense_opened],
    "K201": [age_born_same, age_jahrgang, age_birthday, age_star, age_born_apposition, age_bracket_born],
    "K202": [ages_bracket_adj, ages_noun_then_alt, ages_comma, ages_two_adj, ages_role_bracket, ages_sentence_start],
    "K301": [qty_event, qty_members, qty_zero, qty_firefighters, qty_euro, qty_runners, qty_students],
    "K302": [pct_election, pct_poll, pct_energy, pct_guests, pct_two, pct_decimal],
    "K303": [ar_plus_percent, ar_points, ar_double, ar_half, ar_sum_colon, ar_sum_after, ar_davon, ar_direction,
             ar_minus],
    "K401": [name_quote, name_roles, name_hyphen, name_umlaut, name_attribution, name_first],
    "K402": [roles_two, roles_org, roles_apposition, roles_org_of, roles_sport],
    "K501": [quote_later, quote_lead, quote_order, quote_number, quote_guillemets],
    "K502": [speakers_two, speakers_colon, speakers_lead, speakers_title],
}


# --------------------------------------------------------------------------- a second set, written after the checks

# Written once the checks stood, in wording of their own, and measured before any change to the
# checks (docs/findings.md gives that first figure): an estimate of how the checks do on
# injections they were not tuned on. Run with --blind.

def b_wd_concert(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(3, 25))
    t = "Das Konzert der Musikkapelle ist für {wd}, {day}, angekündigt, Beginn um 20 Uhr."
    return [t.format(wd=wrong_weekday(d, rng), day=de_day(d))], [t.format(wd=WEEKDAYS[d.weekday()], day=de_day(d))]


def b_wd_court(rng, ad):
    d = ad - dt.timedelta(days=rng.randint(3, 30))
    t = "Das Urteil fiel bereits am {dd}. {m} {y}, einem {wd}."
    return ([t.format(dd=d.day, m=MONTHS[d.month - 1], y=d.year, wd=wrong_weekday(d, rng))],
            [t.format(dd=d.day, m=MONTHS[d.month - 1], y=d.year, wd=WEEKDAYS[d.weekday()])])


def b_wd_next(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(2, 6))
    t = "Kommenden {wd}, den {dd}.{mm}., öffnet der Markt wieder."
    return [t.format(wd=wrong_weekday(d, rng), dd=d.day, mm=d.month)], [t.format(wd=WEEKDAYS[d.weekday()], dd=d.day, mm=d.month)]


def b_imp_june(rng, ad):
    t = "Der Kurs endet am {d}. {m} mit einer Prüfung."
    m = rng.choice([(31, "Juni"), (31, "September"), (30, "Februar"), (31, "November")])
    return [t.format(d=m[0], m=m[1])], [t.format(d=m[0] - 1 if m[1] != "Februar" else 27, m=m[1])]


def b_imp_clock(rng, ad):
    t = "Ab {h}.{mm} Uhr spielt die Band auf dem Dorfplatz."
    h, mm = rng.choice([(24, 15), (25, 0), (21, 70), (28, 30)])
    return [t.format(h=h, mm=f"{mm:02d}")], [t.format(h=21, mm="15")]


def b_rng_week(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(10, 50))
    a, b = rng.randint(16, 26), rng.randint(4, 12)
    t = "Vom {a}. bis zum {b}. {m} bleibt das Hallenbad geschlossen."
    return [t.format(a=a, b=b, m=MONTHS[d.month - 1])], [t.format(a=b, b=a, m=MONTHS[d.month - 1])]


def b_rng_years(rng, ad):
    a = rng.randint(2001, 2018)
    t = "Die Kapelle war von {a} bis {b} geschlossen und wurde dann renoviert."
    return [t.format(a=a, b=a - rng.randint(1, 6))], [t.format(a=a, b=a + rng.randint(1, 6))]


def b_rel_last_week(rng, ad):
    y = ad - dt.timedelta(days=2)
    t = "Vorgestern, am {day}, hatte sich der Ausschuss getroffen."
    return [t.format(day=de_day(ad - dt.timedelta(days=rng.randint(4, 9))))], [t.format(day=de_day(y))]


def b_rel_years(rng, ad):
    n = rng.choice([4, 6, 8])
    words = {4: "vier", 6: "sechs", 8: "acht"}
    t = "Die Brücke war vor {n} Jahren ({y}) zum letzten Mal saniert worden."
    return [t.format(n=words[n], y=ad.year - n + rng.choice([-3, 2]))], [t.format(n=words[n], y=ad.year - n)]


def b_tense_opening(rng, ad):
    d = ad - dt.timedelta(days=rng.randint(5, 30))
    t = "Das renovierte Museum soll am {dd}.{mm}. wieder für Besucher öffnen."
    c = ad + dt.timedelta(days=rng.randint(5, 30))
    return [t.format(dd=d.day, mm=d.month)], [t.format(dd=c.day, mm=c.month)]


def b_tense_past(rng, ad):
    d = ad + dt.timedelta(days=rng.randint(3, 25))
    t = "Am {day} wurden bei der Versammlung drei neue Mitglieder in den Vorstand gewählt."
    c = ad - dt.timedelta(days=rng.randint(3, 25))
    return [t.format(day=de_day(d, True))], [t.format(day=de_day(c))]  # with its year, as tense_will


def b_tense_year(rng, ad):
    t = "Der Neubau wird {y} bezugsfertig sein."
    return [t.format(y=ad.year - rng.randint(1, 4))], [t.format(y=ad.year + rng.randint(1, 4))]


def b_age_born(rng, ad):
    first, last, role = person(rng)
    by = ad.year - rng.randint(30, 60)
    t = "{f} {l} kam {by} in {p} zur Welt. Heute ist die {a}-jährige {l} Ärztin in Bozen." if first in FIRST_F else \
        "{f} {l} kam {by} in {p} zur Welt. Heute ist der {a}-jährige {l} Arzt in Bozen."
    p = rng.choice(PLACES)
    return ([t.format(f=first, l=last, by=by, p=p, a=ad.year - by + rng.choice([4, 6, -5]))],
            [t.format(f=first, l=last, by=by, p=p, a=ad.year - by - 1)])


def b_age_jg(rng, ad):
    first, last, role = person(rng)
    by = ad.year - rng.randint(30, 60)
    t1 = "Neuer Chorleiter ist {f} {l} (Jahrgang {by})."
    t2 = "{l}, der {a} Jahre alt ist, singt seit seiner Jugend."
    first = rng.choice(FIRST_M)
    return ([t1.format(f=first, l=last, by=by), t2.format(l=last, a=ad.year - by + rng.choice([5, -4, 9]))],
            [t1.format(f=first, l=last, by=by), t2.format(l=last, a=ad.year - by - 1)])


def b_ages_two(rng, ad):
    first, last = rng.choice(FIRST_M), rng.choice(SURNAMES)
    a = rng.randint(30, 65)
    t1 = "Hüttenwirt {f} {l} ({a}) führt die Hütte seit zehn Jahren."
    t2 = "„Jeder Sommer ist anders“, sagt der {b}-jährige {l}."
    return ([t1.format(f=first, l=last, a=a), t2.format(b=a + rng.choice([-2, 3, 6]), l=last)],
            [t1.format(f=first, l=last, a=a), t2.format(b=a, l=last)])


def b_ages_alt(rng, ad):
    first, last = rng.choice(FIRST_F), rng.choice(SURNAMES)
    a = rng.randint(20, 60)
    t1 = "Die {a}-jährige {f} {l} gewann den Lauf."
    t2 = "{f} {l}, {b}, will im nächsten Jahr wieder starten."
    return ([t1.format(a=a, f=first, l=last), t2.format(f=first, l=last, b=a + rng.choice([-3, 2, 5]))],
            [t1.format(a=a, f=first, l=last), t2.format(f=first, l=last, b=a)])


def b_qty_beds(rng, ad):
    n = rng.randint(60, 300)
    t1 = "Das neue Pflegeheim in {p} hat {n} Betten."
    t2 = "In den {m} Betten des Pflegeheims sollen vor allem Menschen aus dem Dorf wohnen."
    p = rng.choice(PLACES)
    return [t1.format(p=p, n=n), t2.format(m=n + rng.choice([-8, 6, 12]))], [t1.format(p=p, n=n), t2.format(m=n)]


def b_qty_visitors(rng, ad):
    n = rng.choice([3200, 4500, 5100, 6800])
    t1 = "Die Ausstellung besuchten rund {n} Gäste."
    t2 = "Mit {m} Gästen war die Ausstellung gut besucht."
    return [t1.format(n=de_num(n)), t2.format(m=de_num(n + rng.choice([700, 900, -800])))], \
        [t1.format(n=de_num(n)), t2.format(m=de_num(n))]


def b_pct_survey(rng, ad):
    a, b = rng.randint(40, 55), rng.randint(25, 40)
    c = 100 - a - b + rng.randint(7, 15)
    t = "Laut Umfrage fahren {a} Prozent mit dem Auto zur Arbeit, {b} Prozent mit dem Bus und {c} Prozent mit dem Rad."
    return [t.format(a=a, b=b, c=c)], [t.format(a=a, b=b, c=max(1, 100 - a - b - 5))]


def b_pct_shares(rng, ad):
    a, _ = rng.randint(45, 60), rng.randint(30, 45)  # the second draw keeps the published figures
    t = "Die Gemeinde hält {a} Prozent der Anteile, der Rest von {b} Prozent gehört dem Land."
    return [t.format(a=a, b=100 - a + rng.randint(6, 15))], [t.format(a=a, b=100 - a)]


def b_ar_growth(rng, ad):
    a = rng.choice([200, 250, 400, 500])
    b = a + rng.choice([50, 100, 150])
    t = "Die Zahl der Mitglieder ist von {a} auf {b} gestiegen, das entspricht einem Plus von {p} Prozent."
    right = round((b - a) / a * 100)
    return [t.format(a=a, b=b, p=right + rng.choice([-10, 8, 15]))], [t.format(a=a, b=b, p=right)]


def b_ar_tripled(rng, ad):
    a = rng.choice([30, 50, 70])
    t = "Die Zahl der Anmeldungen hat sich von {a} auf {b} verdreifacht."
    return [t.format(a=a, b=a * 2)], [t.format(a=a, b=a * 3)]


def b_ar_total(rng, ad):
    x, y = rng.randint(10, 40), rng.randint(10, 40)
    t = "Zusammen {t} Mannschaften treten an: {x} aus Südtirol und {y} aus dem Trentino."
    return [t.format(t=x + y + rng.choice([5, -6, 9]), x=x, y=y)], [t.format(t=x + y, x=x, y=y)]


def b_name_typo(rng, ad):
    first, last, role = person(rng)
    t1 = "{r} {f} {l} lobte die Zusammenarbeit der Vereine."
    t2 = "Auch {f} {l2} war bei der Eröffnung dabei und sprach ein Grußwort."
    return [t1.format(r=role, f=first, l=last), t2.format(f=first, l2=typo(rng, last))], \
        [t1.format(r=role, f=first, l=last), t2.format(f=first, l2=last)]


def b_name_speech(rng, ad):
    first, last, role = person(rng)
    t1 = "Eingeladen hatte {r} {f} {l}."
    t2 = "{r} {f} {l2} betonte, dass die Gemeinde das Projekt unterstütze."
    return [t1.format(r=role, f=first, l=last), t2.format(r=role, f=first, l2=typo(rng, last))], \
        [t1.format(r=role, f=first, l=last), t2.format(r=role, f=first, l2=last)]


def b_roles_mayor(rng, ad):
    first, last = rng.choice(FIRST_M), rng.choice(SURNAMES)
    r1, r2 = rng.choice([("Bürgermeister", "Gemeindesekretär"), ("Obmann", "Geschäftsführer"), ("Primar", "Landesrat")])
    t1 = "Die Grüße der Gemeinde überbrachte {r} {f} {l}."
    t2 = "Wie {r} {f} {l} erklärte, ist die Finanzierung gesichert."
    return [t1.format(r=r1, f=first, l=last), t2.format(r=r2, f=first, l=last)], \
        [t1.format(r=r1, f=first, l=last), t2.format(r=r1, f=first, l=last)]


def b_roles_org(rng, ad):
    first, last = rng.choice(FIRST_F), rng.choice(SURNAMES)
    o1, o2 = rng.sample(["Caritas", "Lebenshilfe", "Volkshochschule", "Bergrettung"], 2)
    t1 = "{o}-Direktorin {f} {l} sprach von einem guten Jahr."
    t2 = "Die {o}-Direktorin {f} {l} kündigte neue Angebote an."
    return [t1.format(o=o1, f=first, l=last), t2.format(o=o2, f=first, l=last)], \
        [t1.format(o=o1, f=first, l=last), t2.format(o=o1, f=first, l=last)]


def b_quote_changed(rng, ad):
    first, last, role = person(rng)
    q1 = "Wir wollen, dass die jungen Leute im Dorf bleiben können"
    q2 = rng.choice(["Wir wollen, dass die jungen Familien im Dorf bleiben können",
                     "Wir möchten, dass die jungen Leute im Dorf bleiben können",
                     "Wir wollen, dass junge Leute im Dorf bleiben"])
    t1 = "„{q}“, sagte {r} {f} {l} zum Abschluss."
    t2 = "Ihr Ziel fasste {l} so zusammen: „{q}.“"
    return [t1.format(q=q1, r=role, f=first, l=last), t2.format(l=last, q=q2)], \
        [t1.format(q=q1, r=role, f=first, l=last), t2.format(l=last, q=q1)]


def b_speakers_swap(rng, ad):
    (f1, l1, r1), (f2, l2, r2) = person(rng), person(rng)
    while l2 == l1:
        f2, l2, r2 = person(rng)
    q = "Der Umbau des Bahnhofs ist längst überfällig"
    t1 = "„{q}“, meinte {r} {f} {l} bei der Vorstellung."
    t2 = "{r} {f} {l} wurde deutlich: „{q}.“"
    return [t1.format(q=q, r=r1, f=f1, l=l1), t2.format(q=q, r=r2, f=f2, l=l2)], \
        [t1.format(q=q, r=r1, f=f1, l=l1), t2.format(q=q, r=r1, f=f1, l=l1)]


BLIND: dict[str, list[Template]] = {
    "K101": [b_wd_concert, b_wd_court, b_wd_next],
    "K102": [b_imp_june, b_imp_clock],
    "K103": [b_rng_week, b_rng_years],
    "K104": [b_rel_last_week, b_rel_years],
    "K105": [b_tense_opening, b_tense_past, b_tense_year],
    "K201": [b_age_born, b_age_jg],
    "K202": [b_ages_two, b_ages_alt],
    "K301": [b_qty_beds, b_qty_visitors],
    "K302": [b_pct_survey, b_pct_shares],
    "K303": [b_ar_growth, b_ar_tripled, b_ar_total],
    "K401": [b_name_typo, b_name_speech],
    "K402": [b_roles_mayor, b_roles_org],
    "K501": [b_quote_changed],
    "K502": [b_speakers_swap],
}


# --------------------------------------------------------------------------- the corpus and its measure


@dataclass
class Base:
    name: str
    date: dt.date
    head: str  # front matter
    paragraphs: list[str]


def bases() -> list[Base]:
    out = []
    for path in sorted((HERE / "articles").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        date = dt.date.fromisoformat(next(line.split(":", 1)[1].strip() for line in front.splitlines()
                                          if line.startswith("date:")))
        out.append(Base(path.stem, date, f"---\n{front}---\n", [p for p in body.strip().split("\n\n") if p]))
    return out


def inject(base: Base, parts: list[str], rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """The article with the parts inserted as paragraphs of their own (one part: anywhere after
    the first paragraph; two: the first in the first half, the second in the second half), and
    the spans of the parts in the text."""
    paragraphs = list(base.paragraphs)
    n = len(paragraphs)
    if len(parts) == 1:
        slots = [rng.randint(1, n)]
    else:
        first = rng.randint(1, max(1, n // 2))
        slots = [first, rng.randint(first + 1, n + 1)]
    for offset, (slot, part) in enumerate(zip(slots, parts)):
        paragraphs.insert(slot + offset if offset else slot, part)
    text = base.head + "\n\n".join(paragraphs) + "\n"
    spans = []
    for part in parts:
        at = text.index(part)
        spans.append((at, at + len(part)))
    return text, spans


@dataclass
class Outcome:
    code: str
    template: str
    base: str
    found: bool
    false: list[str]  # messages of findings that are not the seeded error
    control_false: list[str]
    text: str


@dataclass
class Seeded:
    code: str
    template: str
    base: str
    text: str  # the article with the error injected
    spans: list[tuple[int, int]]  # where the injected parts stand in it
    control: str  # the same article with the consistent twin injected


def corpus(per_template: int, seed: int = 14, blind: bool = False) -> Iterator[Seeded]:
    """The seeded articles and their twins, the same for the same arguments (also read by
    benchmarks/dump_outputs.py, whose guard covers the findings on them)."""
    rng = random.Random(seed)
    articles = bases()
    for code, templates in (BLIND if blind else TEMPLATES).items():
        for template in templates:
            for _ in range(per_template):
                base = rng.choice(articles)
                error, control = template(rng, base.date)
                state = rng.getstate()
                text, spans = inject(base, error, rng)
                rng.setstate(state)
                control_text, _ = inject(base, control, rng)
                yield Seeded(code, template.__name__, base.name, text, spans, control_text)


def measure(per_template: int, seed: int = 14, blind: bool = False) -> list[Outcome]:
    rules = load_ruleset("de")
    outcomes = []
    for seeded in corpus(per_template, seed, blind):
        code, spans = seeded.code, seeded.spans
        result = extract(seeded.text, rules)
        claims = {c.id: c for c in result.claims}

        def in_injection(finding) -> bool:
            ids = [finding.claim_id, *finding.related]
            return any(claims[i].start < e and s < claims[i].end for i in ids if i in claims
                       for s, e in spans) or any(s <= finding.start < e for s, e in spans)

        found = any(f.code == code and in_injection(f) for f in result.findings)
        false = [f"{f.code}: {f.message}" for f in result.findings
                 if not (f.code == code and in_injection(f))]
        control_result = extract(seeded.control, rules)
        control_false = [f"{f.code}: {f.message}" for f in control_result.findings]
        outcomes.append(Outcome(code, seeded.template, seeded.base, found, false, control_false, seeded.text))
    return outcomes


def extract(text: str, rules):
    article = article_from_text(text, fmt="md")
    return extract_article(article, rules)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-template", type=int, default=8, help="seeded articles per template")
    parser.add_argument("--show-misses", action="store_true", help="print the injections a check missed")
    parser.add_argument("--show-false", action="store_true", help="print the false findings")
    parser.add_argument("--write", type=Path, help="write the seeded articles into this folder")
    parser.add_argument("--blind", action="store_true", help="the second set of templates (written after the checks)")
    args = parser.parse_args()
    outcomes = measure(args.per_template, blind=args.blind)
    by_code: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_code[outcome.code].append(outcome)
    print(f"{'check':<6} {'seeded':>6} {'found':>6} {'recall':>7} {'false':>6} {'control false':>14}")
    for code, items in by_code.items():
        found = sum(o.found for o in items)
        false = sum(len(o.false) for o in items)
        control = sum(len(o.control_false) for o in items)
        print(f"{code:<6} {len(items):>6} {found:>6} {found / len(items):>7.2f} {false:>6} {control:>14}")
    total = len(outcomes)
    print(f"{'all':<6} {total:>6} {sum(o.found for o in outcomes):>6} "
          f"{sum(o.found for o in outcomes) / total:>7.2f} {sum(len(o.false) for o in outcomes):>6} "
          f"{sum(len(o.control_false) for o in outcomes):>14}")
    print(f"\n{len(bases())} clean articles, {len(outcomes)} seeded ones and as many consistent twins")
    if args.show_misses:
        misses = Counter(o.template for o in outcomes if not o.found)
        print("\nmisses by template:", dict(misses))
        for outcome in outcomes:
            if not outcome.found:
                print(f"\n--- {outcome.code} {outcome.template} ({outcome.base})")
                print("\n".join(p for p in outcome.text.split("\n\n") if p and not p.startswith("---"))[:1800])
    if args.show_false:
        for outcome in outcomes:
            for message in outcome.false:
                print(f"false in seeded {outcome.code} {outcome.template} ({outcome.base}): {message}")
            for message in outcome.control_false:
                print(f"false in control {outcome.code} {outcome.template} ({outcome.base}): {message}")
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for n, outcome in enumerate(outcomes, start=1):
            (args.write / f"{n:04d}-{outcome.code}-{outcome.template}.md").write_text(outcome.text, encoding="utf-8")
    sys.exit(0)


if __name__ == "__main__":
    main()

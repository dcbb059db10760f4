"""Generate rules/de/lists/role_heads_lexicon.txt: German person nouns from the german-nouns lexicon.

The lexicon (german-nouns on PyPI: ~100,000 nouns of the German Wiktionary with their case forms,
CC BY-SA 4.0) says nothing about meaning, but German marks a noun for a person by its feminine
form: a masculine noun whose form with -in (Kandidat/Kandidatin, Bischof/Bischöfin,
Kollege/Kollegin) is a feminine noun of the lexicon names a person. Of those, the ones named
for a place (Österreicher, Italiener, Tiroler, Amerikaner, Kärntner: a place of the lexicon with -er, -ner
or -aner, or without its last vowel or -en)
and the ones in role_heads_not.txt (relatives, companions, the public) are no roles. Every case
form (des Dichters, die Lobbyisten, den Qualifikanten) of the rest and of their feminine forms
goes into the list, lower case. A form ending in a shorter entry of the list or of role_heads.txt
is left out (the rules compare endings: Kandidat covers Präsidentschaftskandidat), as are forms
under six letters, whose ending would take other words (Erbe in Gewerbe), and forms rarer
than MIN_ZIPF in the wordfreq frequency lists (Xylografinnen): they cost memory and time in
every article and are hardly ever met (a compound of a common one is still found by its ending).

Run with the lexicons installed (pip install -e '.[lexicon]': german-nouns, wordfreq); the output is committed, so neither
the package nor its 20 MB table is needed at run time:

    python tools/role_nouns.py
"""

from __future__ import annotations

import csv
import importlib.resources
from pathlib import Path

LISTS = Path(__file__).resolve().parent.parent / "rules" / "de" / "lists"
MIN_LENGTH = 6
MIN_ZIPF = 2.0  # once in ten million words
# Nouns in -e and -ier name peoples more often than roles (Balinese, Turkmene, Kaukasier); these
# endings are the roles among them (Psychologe, Pädagoge, Experte, Offizier, Bankier, Hotelier).
ROLE_E = ("loge", "agoge", "experte", "grafe", "graphe", "sophe", "nome", "urge", "arche")
ROLE_IER = ("zier", "kier", "lier", "tier", "rier", "mier", "ssier")
UMLAUT = str.maketrans({"a": "ä", "o": "ö", "u": "ü"})


def _umlauted(word: str) -> list[str]:
    """Bischof -> Bischöf, Anwalt -> Anwält: the last a, o or u made an umlaut."""
    for i in range(len(word) - 1, -1, -1):
        if word[i] in "aou":
            if word[i - 1:i + 1] in ("au",) and i > 0:  # Bauer -> Bäuerin
                return [word[:i - 1] + "ä" + word[i:]]
            return [word[:i] + word[i].translate(UMLAUT) + word[i + 1:]]
    return []


def _feminines(lemma: str) -> list[str]:
    stems = [lemma] + _umlauted(lemma)
    if lemma.endswith("e"):
        stems += [lemma[:-1]] + _umlauted(lemma[:-1])
    return [s + "in" for s in stems]


def _read_list(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def main() -> None:
    table = importlib.resources.files("german_nouns") / "nouns.csv"
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    form_columns = [c for c in rows[0] if c.startswith(("nominativ", "genitiv", "dativ", "akkusativ"))]
    nouns = {r["lemma"]: r for r in rows if r["pos"] == "Substantiv"}
    places = {r["lemma"] for r in rows if "Toponym" in r["pos"]}
    inhabitants: set[str] = set()
    for t in places:  # Wien: Wiener, Japan: Japaner, Amerika: Amerikaner, Kärnten: Kärntner
        inhabitants.update((t + "er", t + "ner", t + "aner"))
        if t[-1:] in "aeiou":
            inhabitants.update(t[:-1] + s for s in ("aner", "ier", "ener", "ese", "e"))
        if t.endswith("en"):
            inhabitants.update((t[:-2] + "ner", t[:-2] + "er"))
        if t.endswith("ien"):  # Kolumbien: Kolumbianer, Indien: Indianer
            inhabitants.update((t[:-3] + "ianer", t[:-3] + "ier"))
        if t[-1:] in "aeiou" and len(t) >= 6:  # Uganda: Ugander, Somalia: Somalier (not Mali: Maler)
            inhabitants.add(t[:-1] + "er")
    excluded = {w.casefold() for w in _read_list(LISTS / "role_heads_not.txt")}

    def named_for_place(lemma: str) -> bool:
        return lemma in inhabitants

    forms: set[str] = set()
    for lemma, row in nouns.items():
        if row["genus"] != "m" or " " in lemma or not lemma[:1].isupper():
            continue
        feminine = next((f for f in _feminines(lemma) if nouns.get(f, {}).get("genus") == "f"), None)
        folded = lemma.casefold()
        if (feminine is None or named_for_place(lemma)
                or any(folded.endswith(x) for x in excluded)
                or (folded.endswith("e") and not folded.endswith(ROLE_E))
                or (folded.endswith("ier") and not folded.endswith(ROLE_IER))):
            continue
        for source in (row, nouns[feminine]):
            for column in form_columns:
                value = source[column].strip()
                if value and value != "—" and " " not in value:
                    forms.add(value.casefold())
    from wordfreq import zipf_frequency

    forms = {f for f in forms if zipf_frequency(f, "de") >= MIN_ZIPF}
    hand = {w.casefold() for w in _read_list(LISTS / "role_heads.txt")}
    endings = hand | {f for f in forms if len(f) >= MIN_LENGTH}  # only what the list will hold
    kept = sorted(
        f for f in forms
        if len(f) >= MIN_LENGTH and f not in hand
        and not any(f[i:] in endings for i in range(1, len(f) - 2))
    )
    header = (
        "# Person nouns and their case forms, generated by tools/role_nouns.py from the german-nouns\n"
        "# lexicon (German Wiktionary, CC BY-SA 4.0, https://github.com/gambolputty/german-nouns):\n"
        "# masculine nouns with a feminine -in form, less places' people and role_heads_not.txt, and\n"
        "# forms rarer than once in ten million words (wordfreq, https://github.com/rspeer/wordfreq).\n"
        "# Do not edit by hand: add to role_heads.txt or role_heads_not.txt and run the script.\n"
    )
    (LISTS / "role_heads_lexicon.txt").write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} entries ({len(forms)} forms before dropping those covered by an ending)")


if __name__ == "__main__":
    main()

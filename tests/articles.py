"""Random articles and edits for property tests: German sentences of our own with claims in them."""

from __future__ import annotations

from hypothesis import strategies as st

PEOPLE = ["Anna Berger", "Markus Huber", "Maria Gruber", "Thomas Pichler", "Sabine Wolf", "Karl Brunner"]
ROLES = ["Bürgermeister", "Landesrat", "Direktorin", "Vorsitzende"]
MONTHS = ["Januar", "März", "Mai", "Juli", "September", "November"]
PLACES = ["Bozen", "Meran", "Brixen", "Bruneck", "Sterzing", "Klausen", "Lana", "Eppan"]
NOUNS = ["Besucher", "Aussteller", "Mitglieder", "Gäste", "Teilnehmer"]

TEMPLATES = [
    "In {place} beginnt die Messe am {day}. {month}.",
    "In {place} kamen mehr als {num} {noun}.",
    "{role} {person} eröffnete in {place} die Ausstellung.",
    "„Wir sind sehr zufrieden mit {place}“, sagte {person}.",
    "Laut Polizei waren in {place} rund {num} {noun} unterwegs.",
    "Der Markt in {place} ist der größte im ganzen Land.",
]


@st.composite
def sentences(draw, serial: int) -> str:
    template = draw(st.sampled_from(TEMPLATES))
    return template.format(
        place=f"{draw(st.sampled_from(PLACES))}-{serial}",  # unique sentences: no duplicate numbering
        day=draw(st.integers(1, 28)), month=draw(st.sampled_from(MONTHS)),
        num=draw(st.integers(2, 900)), noun=draw(st.sampled_from(NOUNS)),
        role=draw(st.sampled_from(ROLES)), person=draw(st.sampled_from(PEOPLE)),
    )


@st.composite
def articles(draw) -> list[list[str]]:
    """An article as paragraphs of sentences."""
    serial = iter(range(10_000))
    paragraph_count = draw(st.integers(1, 4))
    return [[draw(sentences(next(serial))) for _ in range(draw(st.integers(1, 3)))]
            for _ in range(paragraph_count)]


def render(paragraphs: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


EDITS = ("insert", "delete", "move", "reword", "number", "date", "quote")


@st.composite
def edits(draw, paragraphs: list[list[str]]) -> tuple[list[list[str]], set[str]]:
    """An edited copy of the article and the sentences the edit touched (old and new text)."""
    new = [list(p) for p in paragraphs]
    touched: set[str] = set()
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(EDITS))
        p = draw(st.integers(0, len(new) - 1))
        if not new[p]:
            continue
        s = draw(st.integers(0, len(new[p]) - 1))
        sentence = new[p][s]
        if kind == "insert":
            added = draw(sentences(5000 + draw(st.integers(0, 4000))))
            new[p].insert(s, added)
            touched.add(added)
        elif kind == "delete" and sum(len(q) for q in new) > 1:
            touched.add(new[p].pop(s))
        elif kind == "move" and len(new) > 1:
            new.insert(draw(st.integers(0, len(new) - 1)), new.pop(p))
        elif kind == "reword":
            changed = sentence.replace(" die ", " jene ", 1) if " die " in sentence else sentence.replace(
                "In ", "Im Ort ", 1)
            new[p][s] = changed
            touched |= {sentence, changed}
        elif kind in ("number", "date"):
            import re

            changed = re.sub(r"\d+", lambda m: str(int(m.group()) % 27 + 1), sentence, count=1)
            new[p][s] = changed
            touched |= {sentence, changed}
        elif kind == "quote" and "„" in sentence:
            changed = sentence.replace("sehr zufrieden", "recht froh")
            new[p][s] = changed
            touched |= {sentence, changed}
    return [p for p in new if p], touched


editor_text = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")),
                      min_size=1, max_size=20).filter(lambda t: t.strip() != "")

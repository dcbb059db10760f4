"""A claim of a sentence-scoped rule lies inside one paragraph: a pattern's blanks never carry it
over the blank line between a headline and the picture credit under it."""

from hypothesis import given, settings
from hypothesis import strategies as st

from claims import extract

HEADLINE = "# Hochwasser: Zahl der Toten steigt auf sechs\n\nFoto: Lisa Huber/Talbote\n\nDie Feuerwehr war die ganze Nacht im Einsatz.\n"


def paragraph_of(result, offset):
    return next(s.paragraph for s in result.sentences if s.start <= offset < s.end)


def test_a_headline_number_does_not_take_the_credit_below_as_its_unit():
    result = extract(HEADLINE, lang="de", date="2026-05-12")
    assert [c.text for c in result.claims if c.kind == "figure"] == []
    assert [c.text for c in result.claims if c.kind == "credit"] == ["Foto: Lisa Huber/Talbote"]


ENDINGS = ["auf sechs", "auf 16", "um drei", "mit 4:3", "mehr als 80", "von 1,37"]
NEXT = ["Foto: Anna Berg", "Die Feuerwehr kam sofort.", "Quelle: dpa", "Millionen Euro fehlen noch.", "Prozent der Stimmen"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ENDINGS), st.sampled_from(NEXT), st.sampled_from(["\n\n", "\n\n\n", "\n \n"]))
def test_no_claim_runs_over_a_paragraph_break(ending, following, gap):
    text = f"Die Bilanz des Tages steigt {ending}{gap}{following}\n"
    result = extract(text, lang="de", date="2026-05-12")
    for claim in result.claims:
        if claim.kind in ("quote",):  # quotes may run over paragraphs (a rule scope of its own)
            continue
        assert paragraph_of(result, claim.start) == paragraph_of(result, claim.end - 1), claim.text

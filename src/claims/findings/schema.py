"""What a language's ``findings.toml`` may hold, validated with pydantic; unknown keys are errors.

A check's section holds its message (one template, or a table of variants), its examples
and the cues it reads (word lists, patterns); ``[common]`` holds cues several checks share.
The checks themselves, with their codes and names, are code (:mod:`claims.findings.registry`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

STRICT = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Example(BaseModel):
    """An article snippet in which the check must find something: at the claim ``finds``."""

    model_config = STRICT

    text: str
    date: str | None = None  # the article's date; default: the file's example_date
    finds: str  # the text of the claim whose row shows the finding
    related: list[str] = Field(default_factory=list)  # texts of the claims it relates (if given: exactly)
    message: str | None = None  # the message expected, word for word (if given)


class Quiet(BaseModel):
    """An article snippet on which the check must stay quiet."""

    model_config = STRICT

    text: str
    date: str | None = None


class Section(BaseModel):
    """The part of ``findings.toml`` that belongs to one check: ``[weekday-date]`` …"""

    model_config = STRICT

    message: str | dict[str, str]
    examples: list[Example] = Field(default_factory=list)
    quiet: list[str | Quiet] = Field(default_factory=list)

    def quiet_examples(self) -> list[Quiet]:
        return [Quiet(text=q) if isinstance(q, str) else q for q in self.quiet]


class Common(BaseModel):
    """``[common]``: cues several checks read."""

    model_config = STRICT

    # words before a name that are no part of it (Herr Lee is Lee)
    titles: list[str] = Field(default_factory=list)
    # a personal name of two or more parts; may use the language's fragments ({person})
    person: str = r"\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+"
    # where a clause ends inside a sentence (comma, semicolon, conjunction …): tense and
    # neighbourhood are judged within the clause
    clause_break: str = r"[,;:()]"
    # words that carry no subject: left out when two figures' contexts are compared
    stopwords: list[str] = Field(default_factory=list)
    # a figure claim's text that makes it an age (der 54-Jährige, 54 Jahre alt, im Alter von 87 Jahren)
    age: str = r"(?!)"
    # an age at an event rather than now (mit 18 Jahren, im Alter von 87 Jahren)
    age_at_event: str = r"(?!)"
    # text right before a bare number in brackets or commas that makes it a person's age
    # (Anna Berger (54)): the pattern ends where the number starts; group "name" is the person
    age_after_name: str = r"(?!)"
    # text right after such a number (the closing bracket or comma)
    age_after_name_end: str = r"(?!)"
    # what may stand between an age and the name after it (die 54-jährige Ärztin Anna Berger)
    age_name_between: str = r"^\s*$"
    # what may stand between a name and the age after it (Anna Berger, die 54-Jährige)
    age_apposition: str = r"^\s*,\s*$"
    # an age said of someone named before in the clause (Huber ist 56 Jahre alt)
    age_predicate: str = r"(?!)"
    # right before an age at an event, what makes it the present age after all (sie ist mit 53 Jahren …)
    age_now: str = r"(?!)"
    # a sentence opening with a personal pronoun, which speaks of the person named before (Sie …)
    pronoun_start: str = r"(?!)"
    # endings of role words, which are no first names (Bürgermeister Gruber): words and {lists}
    role_endings: list[str] = Field(default_factory=list)
    # units that are per cent (45 Prozent, 45 %)
    percent_units: list[str] = Field(default_factory=list)
    # units that are percentage points (um 10 Prozentpunkte)
    point_units: list[str] = Field(default_factory=list)


def templates(section: Section) -> dict[str, str]:
    """The section's message variants (a single template is the variant ``default``)."""
    return {"default": section.message} if isinstance(section.message, str) else dict(section.message)


def placeholder_names(template: str) -> set[str]:
    import string

    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


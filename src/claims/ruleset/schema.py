"""The schema of a rule file, validated with pydantic. Unknown keys are errors."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from claims.models import KINDS

_STRICT = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class MatchExample(BaseModel):
    """Text in which the rule must find ``claim`` with ``value``."""

    model_config = _STRICT

    text: str
    claim: str
    value: Any = None
    date: str | None = None  # the article date for this example, overriding the file's


class TodoExample(MatchExample):
    """A known gap: reported by `claims rules test`, never failing it."""

    why: str = ""


class RuleSpec(BaseModel):
    model_config = _STRICT

    id: str = Field(pattern=r"^[a-z]{2}\.[a-z]+\.[a-z0-9][a-z0-9-]*$")
    code: str = Field(pattern=r"^[A-Z]{1,3}[0-9]{3}$")
    summary: str = Field(min_length=3)
    hint: str = ""
    pattern: str = Field(min_length=1)
    value: dict[str, Any] = Field(default_factory=dict)
    priority: int = 0
    ignore_case: bool = False
    suppress: bool = False
    yield_to: list[str] = Field(default_factory=list)
    anchor: list[str] = Field(default_factory=list)  # tokens a sentence must hold for the rule to run
    # how far a match may run past the sentence it starts in: the next few characters
    # ("sentence") or the end of the paragraph ("paragraph": quotes of several sentences);
    # unset: the rule file's scope
    scope: Literal["sentence", "paragraph"] | None = None
    # what may stand right before a match and then belongs to its claim (an adjective, a
    # possessor: der frühere | Landesrat Huber); tried only where the rule matched, so a rule
    # does not pay for an optional start at every position of the text
    extend_before: str = ""
    match: list[MatchExample] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)
    todo: list[TodoExample] = Field(default_factory=list)

    @field_validator("yield_to")
    @classmethod
    def _known_kinds(cls, kinds: list[str]) -> list[str]:
        for kind in kinds:
            if kind not in KINDS:
                raise ValueError(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
        return kinds


class LinkBranch(BaseModel):
    """One alternative of a link's pattern, searched only in sentences holding its anchor."""

    model_config = _STRICT

    pattern: str
    anchor: list[str] = Field(default_factory=list)  # empty: every sentence


class LinkSpec(BaseModel):
    """Fills a field of a claim from its sentence or the one before (a quote's speaker).

    The pattern is searched in the claim's own sentence (outside the claim),
    then in the sentences before it, up to ``sentences_before``; the group named
    like ``field`` gives the value. With ``at_claim`` it is matched where the claim
    starts instead (its lookarounds read the claim's surroundings in its sentence).
    """

    model_config = _STRICT

    id: str
    summary: str = ""
    field: str
    pattern: str = ""
    # instead of pattern: its alternatives, each with its own anchor; the match is the one the
    # alternation of them finds (the leftmost; at the same place, the earlier branch)
    branches: list[LinkBranch] = Field(default_factory=list)
    ignore_case: bool = False
    sentences_before: int = Field(default=1, ge=0, le=5)
    anchor: list[str] = Field(default_factory=list)  # tokens a sentence must hold to be searched
    priority: int = 0
    # the value found refers to a name elsewhere (a pronoun): the later links go on looking, and a
    # name one of them finds is the value with the reference after it in brackets (Karl Huber
    # (er)); where none finds one, the reference alone is the value
    refers: bool = False
    # True: the pattern is matched where the claim starts, in its sentence (the claim itself not
    # masked), so lookarounds read the words around the claim (the clause's tense of a date); a
    # pattern shared by every rule of the kind that has the field, compiled once instead of in
    # each rule; it fills every empty field of the claim that one of its groups names (one scan
    # for several); sentences_before is then ignored
    at_claim: bool = False

    @field_validator("branches")
    @classmethod
    def _branches_or_pattern(cls, branches: list[LinkBranch], info: Any) -> list[LinkBranch]:
        if branches and info.data.get("pattern"):
            raise ValueError("a link has a pattern or branches, not both")
        return branches


class RuleFile(BaseModel):
    model_config = _STRICT

    kind: Literal["date", "figure", "quote", "attribution", "role", "superlative", "credit"]
    label: str = ""
    summary: str = ""
    example_date: str = "2025-03-24"
    scope: Literal["sentence", "paragraph"] = "sentence"  # each rule's, unless it sets its own
    fragments: dict[str, str] = Field(default_factory=dict)
    rule: list[RuleSpec] = Field(default_factory=list)
    link: list[LinkSpec] = Field(default_factory=list)


class ListFile(BaseModel):
    """A word list in TOML form: entries mapping a word to its value."""

    model_config = _STRICT

    summary: str = ""
    ignore_case: bool = False
    entries: dict[str, Any]


class NumberFormat(BaseModel):
    """``[numbers]`` of ``language.toml``: how the language writes digits (German by default).

    German ``2.000,5`` has ``decimal = ","`` and ``thousands = "."``; English ``2,000.5``
    the other way round. The figure normalizer reads numbers with them.
    """

    model_config = _STRICT

    decimal: Literal[",", "."] = ","
    thousands: Literal[".", ",", " ", "\u202f", "\u00a0", "'"] = "."

    @field_validator("thousands")
    @classmethod
    def _differs(cls, thousands: str, info: Any) -> str:
        if thousands == info.data.get("decimal"):
            raise ValueError("thousands separator must differ from the decimal mark")
        return thousands


class LanguageFile(BaseModel):
    """``rules/<lang>/language.toml``: the rule set's name and version, shared fragments, number format."""

    model_config = _STRICT

    name: str
    version: str
    lang: str
    summary: str = ""
    fragments: dict[str, str] = Field(default_factory=dict)
    numbers: NumberFormat = Field(default_factory=NumberFormat)

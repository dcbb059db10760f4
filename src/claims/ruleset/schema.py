"""The schema of a rule file, validated with pydantic. Unknown keys are errors."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from claims.kinds import KINDS

_STRICT = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _registered_kinds(kinds: list[str]) -> list[str]:
    """The kinds as given, or the error naming the first one no module registers."""
    for kind in kinds:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
    return kinds


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
    # what may stand before the match's group ``core`` and then belongs to its claim (a
    # preposition: am | 3. Mai); the compiler appends (?<=(?P<claim>(?:claim_before)(?P=core)))
    # to the pattern, so the core is scanned first and the start is read backwards from it
    claim_before: str = ""
    match: list[MatchExample] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)
    todo: list[TodoExample] = Field(default_factory=list)

    @field_validator("yield_to")
    @classmethod
    def _known_kinds(cls, kinds: list[str]) -> list[str]:
        return _registered_kinds(kinds)


class LinkBranch(BaseModel):
    """One alternative of a link's pattern, searched only in sentences holding its anchor."""

    model_config = _STRICT

    pattern: str
    anchor: list[str] = Field(default_factory=list)  # empty: every sentence
    # a one-word value of this branch must be a word of a longer name found before the claim
    # (the link's known_from): a capitalized word alone may be any noun, a surname known from
    # the article is a name (… ließ Gasser nichts anbrennen, after Anna Gasser)
    known: bool = False


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
    # what a refers link's claim gets where no later link names anyone: the reference itself
    # ("mention": sie) or no value ("none")
    unresolved: Literal["mention", "none"] = "mention"
    # the link only resolves a reference a refers link found (sagte sie) and no later link has
    # named: it searches from the sentence before back to sentences_before, never into a paragraph
    # before the one ahead of the claim's, and of its matches there takes the first that agrees
    resolves: bool = False
    # a TOML word list of agreement features (er = "m", sie = "f pl", Frau = "f"; a key starting
    # with * names an ending): while a reference is pending, a match whose words carry features
    # none of which the reference's words carry is no name for it (Eva Moser for er)
    agree: str | None = None
    # instead of a pattern: the field of the nearest earlier claim of the link's kind within
    # sentences_before, in the same paragraph (a quote without a cue goes on the one before it):
    # its value as it stands, or its name alone for a pending reference
    inherit: bool = False
    # instead of a pattern: the field ``from_field`` of the nearest claim of kind ``from_kind``
    # in the sentences searched (a quote inside an attributed statement: laut X); with resolves,
    # the people a role rule found before the reference (Bürgermeisterin Eva Moser … sagte sie)
    from_kind: str | None = None
    from_field: str | None = None
    # the sentences after the claim's, searched instead of the claim's own and those before
    # (which earlier links search): a headline or a lead quote takes the speaker named after it;
    # the link runs only for a claim in the article's first lead_sentences sentences (0: any)
    sentences_after: int = Field(default=0, ge=0, le=2)
    lead_sentences: int = Field(default=0, ge=0)
    # the link runs only for a claim whose text this pattern finds (a quote that reads as speech,
    # not a title); empty: every claim
    claim_pattern: str = ""
    # word lists whose entries, as the whole value, are no value (an unnamed group, a pronoun)
    not_in: list[str] = Field(default_factory=list)
    # where a branch's known names come from: "kind.field" of claims before the claim (a role's
    # person, an attribution's source, a speaker already given)
    known_from: list[str] = Field(default_factory=list)

    @field_validator("known_from")
    @classmethod
    def _kind_fields(cls, known: list[str]) -> list[str]:
        for item in known:
            kind, _, name = item.partition(".")
            if kind not in KINDS or not name:
                raise ValueError(f"known_from {item!r}: not a kind and a field (role.person)")
        return known

    @field_validator("sentences_after")
    @classmethod
    def _ahead_or_back(cls, after: int, info: Any) -> int:
        if after and info.data.get("sentences_before"):
            raise ValueError("a link looks ahead (sentences_after) or back (sentences_before), not both")
        return after

    @field_validator("from_kind")
    @classmethod
    def _known_kind(cls, kind: str | None) -> str | None:
        return kind if kind is None else _registered_kinds([kind])[0]

    @field_validator("branches")
    @classmethod
    def _branches_or_pattern(cls, branches: list[LinkBranch], info: Any) -> list[LinkBranch]:
        if branches and info.data.get("pattern"):
            raise ValueError("a link has a pattern or branches, not both")
        return branches

    @model_validator(mode="after")
    def _known_needs_sources(self) -> "LinkSpec":
        if any(b.known for b in self.branches) and not self.known_from:
            raise ValueError("a branch with known = true needs the link's known_from")
        return self


class RuleFile(BaseModel):
    model_config = _STRICT

    kind: str  # one of the registered kinds (claims.kinds)
    label: str = ""
    summary: str = ""
    example_date: str = "2025-03-24"
    scope: Literal["sentence", "paragraph"] = "sentence"  # each rule's, unless it sets its own
    # the kinds every rule of the file yields to, besides its own yield_to (no attribution inside
    # a quotation: what a quote says is checked as the quote)
    yield_to: list[str] = Field(default_factory=list)
    fragments: dict[str, str] = Field(default_factory=dict)
    rule: list[RuleSpec] = Field(default_factory=list)
    link: list[LinkSpec] = Field(default_factory=list)


    @field_validator("kind")
    @classmethod
    def _registered(cls, kind: str) -> str:
        return _registered_kinds([kind])[0]

    @field_validator("yield_to")
    @classmethod
    def _known_kinds(cls, kinds: list[str]) -> list[str]:
        return _registered_kinds(kinds)


class ListFile(BaseModel):
    """A word list in TOML form: entries mapping a word to its value."""

    model_config = _STRICT

    summary: str = ""
    ignore_case: bool = False
    entries: dict[str, Any]


class NumberFormat(BaseModel):
    """``[numbers]`` of ``language.toml``: how the language writes digits (every language says).

    German ``2.000,5`` has ``decimal = ","`` and ``thousands = "."``; English ``2,000.5``
    the other way round. The figure normalizer reads numbers with them.
    """

    model_config = _STRICT

    decimal: Literal[",", "."]
    thousands: Literal[".", ",", " ", "\u202f", "\u00a0", "'"]

    @field_validator("thousands")
    @classmethod
    def _differs(cls, thousands: str, info: Any) -> str:
        if thousands == info.data.get("decimal"):
            raise ValueError("thousands separator must differ from the decimal mark")
        return thousands


class WorkbookFormat(BaseModel):
    """``[workbook]`` of ``language.toml``: how the checklist shows the language's dates."""

    model_config = _STRICT

    # Excel number formats of the date cells (the editor's Datum column, the overview's dates)
    date_format: str = "YYYY-MM-DD"
    datetime_format: str = "YYYY-MM-DD HH:MM"
    # this language's labels.toml also serves an article in a language without labels of its own
    labels_for_others: bool = False


class LanguageFile(BaseModel):
    """``rules/<lang>/language.toml``: the rule set's name and version, shared fragments, number
    format, workbook formats."""

    model_config = _STRICT

    name: str
    version: str
    lang: str
    summary: str = ""
    fragments: dict[str, str] = Field(default_factory=dict)
    numbers: NumberFormat | None = None  # required of a language's own folder (the loader checks)
    workbook: WorkbookFormat = Field(default_factory=WorkbookFormat)

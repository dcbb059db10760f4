"""The data that flows through claims: articles, their segments, and claims."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from claims.config import DEFAULT_LANG
from claims.kinds import KINDS

Kind = Literal[KINDS]  # type: ignore[valid-type]  # the registered kinds (claims.kinds)


# Schemas are built on first validation, not at import: a cold `claims extract` would
# otherwise spend a third of its time building validators it may never use.
_LAZY = ConfigDict(defer_build=True)


_SHARED_FIELDS: dict[type, set[str]] = {}


def build(cls: type[Any], **values: Any) -> Any:
    """An instance from every field's value, known valid: what ``model_construct`` does without
    its per-call bookkeeping (building thousands of claims and sentences, that was a tenth of
    an extraction). The caller passes every field."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    # Every instance built here has all its fields set, so instances of a class share one
    # fields set (a set of their own costs 200 bytes each, tens of thousands in a long text;
    # pydantic adding an assigned field's name to it later changes nothing).
    fields_set = _SHARED_FIELDS.get(cls)
    if fields_set is None:
        fields_set = _SHARED_FIELDS[cls] = set(values)
    object.__setattr__(obj, "__pydantic_fields_set__", fields_set)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


class Span(BaseModel):
    """A stretch of the article text: [start, end) character offsets."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    start: int
    end: int


class Paragraph(Span):
    index: int  # 1-based


class Sentence(Span):
    index: int  # 1-based, over the whole article
    paragraph: int  # 1-based


class Article(BaseModel):
    """An article as read from a file (or given as text).

    ``text`` is the text as decoded from the file; ``clean`` has the same length
    with markup (front matter, Markdown syntax) blanked out, so offsets into
    one are offsets into the other.
    """

    model_config = _LAZY

    path: str | None = None
    title: str | None = None
    date: dt.date | None = None
    lang: str = DEFAULT_LANG
    format: str = "txt"
    text: str
    clean: str
    sha256: str
    warnings: list[str] = Field(default_factory=list)


class Claim(BaseModel):
    """One checkable statement."""

    model_config = _LAZY

    id: str = ""
    kind: Kind
    text: str
    start: int
    end: int
    line: int = 0
    column: int = 0
    sentence: str = ""
    sentence_start: int = 0
    paragraph: int = 0
    value: Any = None
    rule: str
    hint: str = ""

    def public(self) -> dict[str, Any]:
        """The claim as the JSON output shows it."""
        return self.model_dump(exclude={"sentence_start"})


class ArticleInfo(BaseModel):
    model_config = _LAZY

    path: str | None = None
    title: str | None = None
    date: dt.date | None = None
    lang: str = DEFAULT_LANG
    sha256: str


class ExtractionResult(BaseModel):
    model_config = _LAZY

    article: ArticleInfo
    claims: list[Claim]
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    ruleset: str = ""
    ruleset_version: str = ""
    findings: list[Any] = Field(default_factory=list)  # claims.findings.Finding: contradictions found
    memory: dict[str, Any] = Field(default_factory=dict)  # claim id -> claims.memory.recall.Recalled

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article.model_dump(mode="json"),
            "claims": [c.public() for c in self.claims],
            "findings": [f.public() for f in self.findings],
        }

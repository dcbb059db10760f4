"""Who the article names: people taken from the claims (a role's person, a quotation's speaker,
a source), and where their surnames stand in a sentence. The checks of ages and names read it.

A name from the text alone is not reliable (every German noun is capitalized), so the people
are the ones the rules already found; a mention is then any word that is one of their surnames.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claims.findings.context import Context
from claims.findings.values import WORD
from claims.models import Claim


@dataclass(frozen=True)
class Name:
    """A name as written (without titles), its parts, and the claim it came from."""

    text: str
    parts: tuple[str, ...]
    claim: Claim  # None for a name found in the text (add_text_names)
    surname: str = ""  # the last part, folded

    def __post_init__(self) -> None:
        object.__setattr__(self, "surname", fold_part(self.parts[-1]))


def is_role_word(ctx: Context, word: str) -> bool:
    """Whether a word ends in one of the language's role words (Bürgermeister, Landesrätin);
    remembered per word with the language's cues."""
    common = ctx.common
    seen = common.__dict__.setdefault("_role_words", {})
    found = seen.get(word)
    if found is None:
        endings = common.role_ending_set
        folded = word.casefold()
        found = any(folded[i:] in endings for i in range(max(0, len(folded) - common.role_ending_max), len(folded)))
        if len(seen) > 50_000:
            seen.clear()
        seen[word] = found
    return found


def fold_part(part: str) -> str:
    """A name part for comparing: case ignored, a genitive s dropped (Strauss-Kahns)."""
    folded = part.casefold()
    return folded[:-1] if len(folded) > 3 and folded.endswith(("s", "’", "'")) and not folded.endswith("ss") else folded


def parts_of(ctx: Context, text: str) -> tuple[str, ...]:
    """A name's parts without titles, and without the small words and role words a pattern took in
    before it (Die Bürgermeisterin Anna Berger: Anna Berger)."""
    common = ctx.common
    parts = [p.strip(",;:()") for p in text.replace("\u00a0", " ").split()]
    parts = [p for p in parts if p and p.casefold() not in common.titles]
    while len(parts) > 2 and (parts[0].casefold() in common.stopwords or is_role_word(ctx, parts[0])):
        parts.pop(0)
    return tuple(parts)


_PARTICLES = ("von", "van", "de", "der", "di", "da", "zu", "al", "bin", "ben", "la", "le")


def _looks_like_name(ctx: Context, parts: tuple[str, ...]) -> bool:
    """Capitalized parts (name particles aside), none of them a small word of the language (a
    speaker „Ihr Ziel“ the link took from „Ihr Ziel fasste Huber so zusammen“ is none)."""
    stop = ctx.common.stopwords
    return bool(parts) and all(p[:1].isupper() and p.casefold() not in stop for p in parts
                               if p.casefold() not in _PARTICLES)


def names(ctx: Context) -> list[Name]:
    """Every person the claims name, in article order (roles, speakers, sources)."""
    cached = getattr(ctx, "_names", None)
    if cached is not None:
        return cached
    found: list[Name] = []
    seen: dict[str, tuple[str, ...]] = {}
    for claim in (*ctx.by_kind["role"], *ctx.by_kind["quote"], *ctx.by_kind["attribution"]):
        value = claim.value
        if not isinstance(value, dict):
            continue
        if claim.kind == "role":
            text = value.get("person")
        elif claim.kind == "quote":
            text = value.get("speaker")
        elif claim.kind == "attribution":
            text = value.get("source")
        else:
            continue
        if not isinstance(text, str) or not text.strip():
            continue
        parts = seen.get(text)
        if parts is None:  # the same few names come back all through an article
            parts = seen[text] = parts_of(ctx, text)
            if not _looks_like_name(ctx, parts):
                parts = seen[text] = ()
        if parts:
            found.append(Name(" ".join(parts), parts, claim))
    found.sort(key=lambda n: n.claim.start)
    ctx._names = found  # type: ignore[attr-defined]
    return found


def all_names(ctx: Context) -> list[Name]:
    """The claims' people and those read from the text (add_text_names)."""
    return names(ctx) + list(getattr(ctx, "_text_names", []))


def add_text_names(ctx: Context, spans: list[tuple[int, int]]) -> None:
    """Take in the people the language's ``person`` pattern finds in these stretches of text
    (sentences around ages), for people the claims do not name (Lukas Stocker leitet den Hof).
    A match loses titles, small words and role words before it; what still has a small word or
    a role word in it, or fewer than two parts, is no name."""
    common = ctx.common
    found: list[Name] = list(getattr(ctx, "_text_names", []))
    seen: set[tuple[int, int]] = set()
    for start, end in spans:
        if (start, end) in seen:
            continue
        seen.add((start, end))
        for m in common.person.finditer(ctx.text, start, end):
            parts = parts_of(ctx, m.group())
            if len(parts) < 2 or any(p.casefold() in common.stopwords or is_role_word(ctx, p) for p in parts):
                continue
            found.append(Name(" ".join(parts), parts, None))  # type: ignore[arg-type]
    ctx._text_names = found  # type: ignore[attr-defined]
    for key in ("_surnames", "_first_names"):
        ctx.__dict__.pop(key, None)


def surnames(ctx: Context) -> set[str]:
    """Surnames of the people named with at least two parts (Anna Berger: berger)."""
    cached = getattr(ctx, "_surnames", None)
    if cached is None:
        cached = {n.surname for n in all_names(ctx) if len(n.parts) >= 2}
        ctx._surnames = cached  # type: ignore[attr-defined]
    return cached


@dataclass(frozen=True)
class Person:
    """Someone mentioned: a surname and, where the text gives it, a first name (both folded)."""

    surname: str
    first: str | None = None

    def same(self, other: Person) -> bool:
        """The same person, as far as the text tells: surnames equal, first names not different."""
        return self.surname == other.surname and (self.first is None or other.first is None
                                                  or self.first == other.first)


def first_names(ctx: Context) -> dict[str, set[str]]:
    """Surname -> the first names the claims give it (Anna Berger: berger -> {anna})."""
    cached = getattr(ctx, "_first_names", None)
    if cached is None:
        cached = {}
        for name in all_names(ctx):
            if len(name.parts) >= 2:
                cached.setdefault(name.surname, set()).add(name.parts[-2].casefold())
        ctx._first_names = cached  # type: ignore[attr-defined]
    return cached


def _first_name(ctx: Context, word: str, surname: str) -> str | None:
    """``word`` (the word before a surname) as a first name, or None when it is none (a role:
    Bürgermeister Gruber; a title; a small word)."""
    folded = word.casefold()
    if folded in first_names(ctx).get(surname, ()):
        return folded
    common = ctx.common
    if len(word) < 2 or not word[:1].isupper() or folded in common.titles or folded in common.stopwords:
        return None
    if is_role_word(ctx, word):
        return None
    return folded


@dataclass(frozen=True)
class Mention:
    start: int  # of the name (its first name, when it has one)
    end: int
    person: Person


def mentions(ctx: Context, start: int, end: int, known: set[str] | None = None) -> list[Mention]:
    """Each word in text[start:end] that is a known surname, with the first name the word
    before it gives (Lukas Gruber), if any."""
    known = surnames(ctx) if known is None else known
    if not known:
        return []
    out: list[Mention] = []
    previous: Any = None
    for m in WORD.finditer(ctx.text, start, end):
        word = m.group()
        surname = fold_part(word)
        if surname in known:
            first = None
            if previous is not None and ctx.text[previous.end():m.start()].isspace():
                first = _first_name(ctx, previous.group(), surname)
            out.append(Mention(previous.start() if first else m.start(), m.end(), Person(surname, first)))
        previous = m
    return out

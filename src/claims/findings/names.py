"""Checks over people: one person's name spelled two ways, one person given two roles or two
organisations.

The people are those the claims name (a role's person, a quotation's speaker, a source). Two
names are one person spelled two ways when they have the same parts but one, and that one
differs only in case, accents, the language's letter equivalents (ü and ue) or by a letter or
two (Lee Jae-yong, Lee Jae-Yong, Lee Jea-yong). Roles are compared after the language's
endings are cut; a role that ends in the other (Vorstandsvorsitzende, Vorsitzender) or begins
with it (Präsidentin, Präsident), or shares a group of synonyms with it, is the same role.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from pydantic import Field

from claims.findings.context import Context
from claims.findings.people import Name, fold_part, is_role_word, names, parts_of
from claims.findings.registry import Check, variants
from claims.findings.schema import Section
from claims.findings.values import WORD, cut_ending
from claims.models import Claim

GROUP_LIMIT = 200  # distinct names compared pairwise at most


def distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count one), or ``limit + 1`` when above it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


# --------------------------------------------------------------------------- K401 name-spelling


class SpellingSection(Section):
    # letters that are one letter written otherwise (ü = ue, ß = ss)
    same_letters: dict[str, str] = Field(default_factory=dict)
    # endings that grammar adds to a name part (die Deutsche Bank, der Deutschen Bank): no spelling
    endings: list[str] = Field(default_factory=list)


@dataclass
class SpellingCues:
    same_letters: dict[str, str]
    endings: tuple[str, ...] = ()


def _prepare_spelling(section: SpellingSection, prep: Any) -> SpellingCues:
    return SpellingCues({k.casefold(): v.casefold() for k, v in section.same_letters.items()},
                        tuple(e.casefold() for e in section.endings))


_PLAIN: dict[tuple[str, int], str] = {}


def _plain(part: str, cues: SpellingCues) -> str:
    """A name part reduced to what spelling variants share: case, accents, equivalent letters."""
    key = (part, id(cues))
    found = _PLAIN.get(key)
    if found is None:
        text = fold_part(part)
        for letters, same in cues.same_letters.items():
            text = text.replace(letters, same)
        if not text.isascii():
            decomposed = unicodedata.normalize("NFKD", text)
            text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        found = text.replace("-", "").replace("’", "'")
        if len(_PLAIN) > 50_000:
            _PLAIN.clear()
        _PLAIN[key] = found
    return found


def _variant(a: tuple[str, ...], b: tuple[str, ...], cues: SpellingCues) -> bool:
    """Whether two names (as parts) are one name spelled two ways."""
    if len(a) != len(b) or len(a) < 2:
        return False
    differing = [i for i, (x, y) in enumerate(zip(a, b)) if fold_part(x) != fold_part(y) or x != y]
    if len(differing) != 1:
        return False
    i = differing[0]
    x, y = a[i], b[i]
    if x.casefold() == y.casefold():
        return True  # Jae-yong, Jae-Yong
    if fold_part(x) == fold_part(y):
        return False  # a genitive s: Gabriels
    fx, fy = sorted((x.casefold(), y.casefold()), key=len)
    if fy.startswith(fx) and fy[len(fx):] in cues.endings:
        return False  # Deutsche, Deutschen: an inflected word of a name
    px, py = _plain(x, cues), _plain(y, cues)
    if px == py:
        return True  # Müller, Mueller; Urzí, Urzi
    if min(len(px), len(py)) < 4 or px[0] != py[0]:
        return False
    last = i == len(a) - 1
    limit = (2 if min(len(px), len(py)) > 6 else 1) if last else (1 if min(len(px), len(py)) >= 5 else 0)
    return 0 < distance(px, py, limit) <= limit


def _shown_in(spelling: list[Name]) -> Claim:
    """The claim that shows a spelling: its first role claim (the name with its function), else
    its first claim."""
    return next((n.claim for n in spelling if n.claim.kind == "role"), spelling[0].claim)


TEXT_LIMIT = 50  # occurrences of a name part looked at in the text, per part
from claims.findings.dates import TEXT_SCAN_LIMIT as TEXT_SEARCH_LIMIT  # noqa: E402  (longer: only claims' names)


def _word_after(text: str, end: int) -> str | None:
    m = WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    return m.group() if m is not None else None


def _word_before(text: str, at: int) -> str | None:
    if text[at - 1:at] != " ":
        return None
    i = at - 1
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-'’"):
        i -= 1
    return text[i:at - 1] or None


def _in_text(ctx: Context, groups: dict[tuple[str, ...], list[Name]]) -> dict[tuple[str, ...], int]:
    """Two-part names the text gives beside a claim's name part, though no claim names them: the
    rules miss a role word (Primarin Martina Obexer …) and the misspelt speaker is all the claims
    have. For each name of the claims, the word after its first name and the word before its
    surname are looked at where they stand in the text. Returns name -> where it first stands."""
    common = ctx.common
    text = ctx.text
    found: dict[tuple[str, ...], int] = {}
    for parts in groups:
        if len(parts) != 2:
            continue
        for part, side in ((parts[0], 1), (parts[1], -1)):
            at, seen = text.find(part), 0
            while at >= 0 and seen < TEXT_LIMIT:
                seen += 1
                end = at + len(part)
                whole = (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
                word = (_word_after(text, end) if side > 0 else _word_before(text, at)) if whole else None
                if word and word[:1].isupper() and word.casefold() not in common.stopwords and \
                        word.casefold() not in common.titles and \
                        not is_role_word(ctx, word):
                    candidate = (parts[0], word) if side > 0 else (word, parts[1])
                    if candidate not in groups:
                        found.setdefault(candidate, at)
                at = text.find(part, end)
    return found


def _name_spelling(ctx: Context, cues: SpellingCues) -> None:
    groups: dict[tuple[str, ...], list[Name]] = {}
    for name in names(ctx):
        if len(name.parts) >= 2:
            groups.setdefault(name.parts, []).append(name)
    if len(groups) < 2 and len(ctx.text) > TEXT_SEARCH_LIMIT:
        return
    if len(groups) > GROUP_LIMIT:
        return
    for candidate in (_in_text(ctx, groups) if len(ctx.text) <= TEXT_SEARCH_LIMIT else ()):
        for parts, named in groups.items():
            if _variant(candidate, parts, cues):
                ctx.add("name-spelling", "default", _shown_in(named), [], first=" ".join(candidate),
                        second=named[0].text)
    distinct = list(groups)
    if len(distinct) < 2:
        return
    # names that may be variants share their number of parts and one part's first letter
    reported: set[frozenset[tuple[str, ...]]] = set()
    by_shape: dict[tuple[int, int, str], list[tuple[str, ...]]] = {}
    for parts in distinct:
        for i in range(len(parts)):
            key = (len(parts), i, _plain(parts[i], cues)[:1])
            by_shape.setdefault(key, []).append(parts)
    for candidates in by_shape.values():
        for j, b in enumerate(candidates):
            for a in candidates[:j]:
                pair = frozenset((a, b))
                if pair in reported or not _variant(a, b, cues):
                    continue
                reported.add(pair)
                first, second = groups[a], groups[b]
                # the rarer spelling (in fewer sentences) is the one to look at; at a tie, the later one
                n1 = len({n.claim.sentence_start for n in first})
                n2 = len({n.claim.sentence_start for n in second})
                if n1 > n2 or (n1 == n2 and first[0].claim.start < second[0].claim.start):
                    common, rare = first, second
                else:
                    common, rare = second, first
                ctx.add("name-spelling", "default", _shown_in(rare), [_shown_in(common)], first=common[0].text,
                        second=rare[0].text)


# --------------------------------------------------------------------------- K402 person-roles


class RolesSection(Section):
    # endings cut from a role before roles are compared (Vorsitzender, Vorsitzende)
    endings: list[str] = Field(default_factory=list)
    # roles that are one role in other words: each a list
    synonyms: list[list[str]] = Field(default_factory=list)
    # words of an organisation that do not tell it from another (der, Group, AG)
    org_stopwords: list[str] = Field(default_factory=list)


@dataclass
class RolesCues:
    endings: tuple[str, ...]
    synonyms: dict[str, frozenset[int]]  # a role word and the groups of synonyms it is in
    org_stopwords: frozenset[str]


def _prepare_roles(section: RolesSection, prep: Any) -> RolesCues:
    endings = tuple(sorted((e.casefold() for e in section.endings), key=len, reverse=True))
    synonyms: dict[str, set[int]] = {}
    for n, group in enumerate(section.synonyms):
        for word in group:
            synonyms.setdefault(cut_ending(word, endings), set()).add(n)
    return RolesCues(endings, {w: frozenset(g) for w, g in synonyms.items()},
                     frozenset(prep.words(section.org_stopwords, "person-roles.org_stopwords")))


def _same_role(a: str, b: str, cues: RolesCues) -> bool:
    x, y = cut_ending(a, cues.endings), cut_ending(b, cues.endings)
    if x == y or x.endswith(y) or y.endswith(x) or x.startswith(y) or y.startswith(x):
        return True
    gx = {g for w, groups in cues.synonyms.items() if x.endswith(w) for g in groups}
    gy = {g for w, groups in cues.synonyms.items() if y.endswith(w) for g in groups}
    return bool(gx & gy)


def _org_words(org: str, cues: RolesCues) -> set[str]:
    return {cut_ending(w.strip("()"), cues.endings) for w in org.replace("-", " ").split()
            if w.strip("()") and w.strip("()").casefold() not in cues.org_stopwords}


def _same_org(a: str, b: str, cues: RolesCues) -> bool:
    wa, wb = _org_words(a, cues), _org_words(b, cues)
    if not wa or not wb or wa & wb:
        return True
    initials_a = "".join(w[0] for w in wa)
    initials_b = "".join(w[0] for w in wb)
    joined_a, joined_b = "".join(sorted(wa)), "".join(sorted(wb))
    return any(len(w) >= 2 and (w in (initials_b, joined_b)) for w in wa) or \
        any(len(w) >= 2 and (w in (initials_a, joined_a)) for w in wb)


def _full_name(ctx: Context, claim: Claim, parts: tuple[str, ...]) -> tuple[str, ...]:
    """A role's person of one part that the text goes on after (Direktorin Sabine | Tschurtschenthaler
    …, when the rules stopped at a long name): the next word, if it reads as a surname."""
    if len(parts) != 1 or not claim.text.endswith(parts[0]):
        return parts
    word = _word_after(ctx.text, claim.end)
    common = ctx.common
    if word and word[:1].isupper() and word.casefold() not in common.stopwords and not is_role_word(ctx, word):
        return (*parts, word)
    return parts


def _person_roles(ctx: Context, cues: RolesCues) -> None:
    people: dict[tuple[str, ...], list[Claim]] = {}
    for claim in ctx.by_kind["role"]:
        value = claim.value
        if not isinstance(value, dict) or not isinstance(value.get("person"), str):
            continue
        parts = _full_name(ctx, claim, parts_of(ctx, value["person"]))
        if len(parts) < 2:
            continue
        people.setdefault(tuple(fold_part(p) for p in parts), []).append(claim)
    for claims in people.values():
        if len(claims) < 2 or len(claims) > GROUP_LIMIT:
            continue
        first = claims[0]
        role_seen: set[str] = set()
        org_seen: set[str] = set()
        for later in claims[1:]:
            a, b = first.value, later.value
            role_a, role_b = a.get("role"), b.get("role")
            person = " ".join(_full_name(ctx, first, parts_of(ctx, a["person"])))
            if isinstance(role_a, str) and isinstance(role_b, str) and not _same_role(role_a, role_b, cues):
                key = cut_ending(role_b, cues.endings)
                if key not in role_seen:
                    role_seen.add(key)
                    ctx.add("person-roles", "role", later, [first], person=person, first=role_a, second=role_b)
                continue
            org_a, org_b = a.get("org"), b.get("org")
            if isinstance(org_a, str) and isinstance(org_b, str) and not _same_org(org_a, org_b, cues):
                key = org_b.casefold()
                if key not in org_seen:
                    org_seen.add(key)
                    ctx.add("person-roles", "org", later, [first], person=person, first=org_a, second=org_b)


CHECKS = (
    Check("K401", "name-spelling", "One person's name spelled two ways (Lee Jae-yong, Lee Jae-Yong, "
          "Lee Jea-yong).", "warning", SpellingSection, variants(default="first second"),
          _name_spelling, _prepare_spelling),
    Check("K402", "person-roles", "One person given two different roles or organisations.", "warning",
          RolesSection, variants(role="person first second", org="person first second"),
          _person_roles, _prepare_roles),
)

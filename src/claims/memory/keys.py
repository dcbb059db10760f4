"""What makes two claims the same fact: the keys of each kind, declared in ``keys.toml``
(validated here), and the context words that tell one subject from another."""

from __future__ import annotations

import functools
import hashlib
import json
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from claims.models import KINDS

NORMALIZERS = ("text", "name", "org", "word", "number")
FIELDS = ("person", "role", "org", "number", "approx", "unit", "quote", "speaker", "source", "credit",
          "value", "text")
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
_LETTERS = regex.compile(r"^\p{L}+$")


class KindKeys(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    key: list[str] = Field(min_length=1)
    subject: list[str] = Field(default_factory=list)
    context: int = Field(0, ge=0)  # content words the sentences must share
    title: bool = True  # the article title's words join the sentence's

    @field_validator("key", "subject")
    @classmethod
    def _parts(cls, value: list[str]) -> list[str]:
        for part in value:
            field, _, normalizer = part.partition(":")
            if field not in FIELDS:
                raise ValueError(f"{part!r}: unknown field {field!r} (known: {', '.join(FIELDS)})")
            if normalizer not in NORMALIZERS:
                raise ValueError(f"{part!r}: unknown normalizer {normalizer!r} (known: {', '.join(NORMALIZERS)})")
        return value


class Normalize(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    honorifics: list[str] = Field(default_factory=list)
    org_suffixes: list[str] = Field(default_factory=list)
    endings: list[str] = Field(default_factory=list)
    min_letters: int = Field(4, ge=1)
    fold_to: int = Field(6, ge=3)
    context_stopwords: list[str] = Field(default_factory=list)


class KeysFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    kinds: dict[str, KindKeys]
    normalize: Normalize = Field(default_factory=Normalize)

    @field_validator("kinds")
    @classmethod
    def _every_kind(cls, value: dict[str, KindKeys]) -> dict[str, KindKeys]:
        unknown = set(value) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kind {sorted(unknown)[0]!r} (kinds: {', '.join(KINDS)})")
        missing = [k for k in KINDS if k not in value]
        if missing:
            raise ValueError(f"no keys for kind {missing[0]!r}: every kind needs them")
        return value


@functools.cache
def spec() -> KeysFile:
    """keys.toml, validated once per version of the file: a validation builds pydantic's
    validators (and imports its plugin loader, importlib.metadata), a cost every cold `claims
    extract` with a memory paid. A marker named for the file's hash in the user's cache folder
    says this very text passed; then it is read without validating again."""
    text = resources.files("claims.memory").joinpath("keys.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    marker = _marker(text)
    if marker is not None and marker.is_file():
        return KeysFile.model_construct(
            kinds={kind: KindKeys.model_construct(**keys) for kind, keys in data["kinds"].items()},
            normalize=Normalize.model_construct(**data.get("normalize", {})))
    parsed = KeysFile.model_validate(data)
    if marker is not None:
        try:
            marker.touch()
        except OSError:
            pass  # no cache: validated every time, as before
    return parsed


def _marker(text: str) -> Any:
    """The marker of a validated keys.toml, or None when there is no private cache folder."""
    from claims.ruleset.cache import cache_dir, usable_folder

    folder = cache_dir()
    if folder is None or not usable_folder(folder, create=True):
        return None
    return folder / f"memory-keys-{hashlib.blake2b(text.encode('utf-8'), digest_size=16).hexdigest()}.ok"


@functools.cache
def _stopwords(lang: str) -> frozenset[str]:
    words = set(spec().normalize.context_stopwords)
    try:
        listed = resources.files("claims.text").joinpath("stopwords", f"{lang}.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        listed = ""
    words |= {w.strip().casefold() for w in listed.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words)


def _plain(text: str) -> str:
    return " ".join(m.group().casefold() for m in _WORD.finditer(unicodedata.normalize("NFC", text)))


def _fold_word(word: str) -> str:
    for ending in sorted(spec().normalize.endings, key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def normalize(value: Any, how: str) -> str:
    if value is None:
        return ""
    if how == "number":
        try:
            number = float(value)
        except (TypeError, ValueError):
            return _plain(str(value))
        return repr(int(number)) if number.is_integer() else repr(round(number, 6))
    text = _plain(str(value))
    if how in ("name", "org"):
        drop = set(spec().normalize.honorifics)
        if how == "org":
            drop |= set(spec().normalize.org_suffixes)
        words = [w for w in text.split() if w not in drop]
        return " ".join(words or text.split())
    if how == "word":
        return " ".join(_fold_word(w) for w in text.split())
    return text


def _field(name: str, value: Any, text: str) -> Any:
    if name == "text":
        return text
    if name == "value":
        return value if not isinstance(value, dict) else json.dumps(value, sort_keys=True)
    return value.get(name) if isinstance(value, dict) else None


def _digest(kind: str, parts: list[str]) -> str:
    return hashlib.blake2b("\x1f".join([kind, *parts]).encode("utf-8"), digest_size=12).hexdigest()


@dataclass(frozen=True)
class ClaimKeys:
    fact: str
    subject: str | None
    context: frozenset[str]
    threshold: int  # shared content words needed (0: none)


def claim_keys(kind: str, value: Any, text: str, sentence: str = "", lang: str = "de",
               title: str | None = None) -> ClaimKeys | None:
    """The memory's keys of one claim; None when its key fields are all empty (nothing to match).
    The context is the sentence's content words and the article title's: the title names the
    story a figure or date belongs to when the sentence does not."""
    declared = spec().kinds.get(kind)
    if declared is None:
        return None
    parts = [normalize(_field(p.split(":")[0], value, text), p.split(":")[1]) for p in declared.key]
    if not any(parts):
        return None
    subject = None
    if declared.subject:
        subject_parts = [normalize(_field(p.split(":")[0], value, text), p.split(":")[1]) for p in declared.subject]
        if any(subject_parts):
            subject = _digest(kind + ":subject", subject_parts)
    context = context_words(sentence, text, lang)
    if declared.title and title:
        context |= context_words(title, text, lang)
    return ClaimKeys(_digest(kind, parts), subject, context, declared.context)


def context_words(sentence: str, claim_text: str = "", lang: str = "de") -> frozenset[str]:
    """The sentence's content words outside the claim, folded (first letters, lower case)."""
    settings = spec().normalize
    stop = _stopwords(lang)
    own = {w.casefold() for w in _WORD.findall(claim_text)}
    out = set()
    for word in _WORD.findall(sentence):
        low = word.casefold()
        if len(low) < settings.min_letters or low in stop or low in own or not _LETTERS.match(low):
            continue
        out.add(_fold_word(low)[: settings.fold_to])
    return frozenset(out)


def shared(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> int:
    """How many content words two contexts share."""
    return len(a & b)

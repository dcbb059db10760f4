"""Languages: where their folders are, and what may name one, checked wherever a name comes in.

A language is a folder ``<lang>/`` holding ``language.toml`` under a rules root: the
built-in ``rules/``, after the roots of ``CLAIMS_RULES_PATH`` (folders separated like
``PATH``), so a new language is a folder, found without a change to the program. The list of
languages is the list of those folders; the one default language is
:data:`claims.config.DEFAULT_LANG`.

A language is a folder under ``rules/`` (and under a user's rule folder), so its name is
joined to a path. A name from front matter, ``--lang``, a configuration file, meta.json or
the library API is therefore checked to be a language tag (``de``, ``en``, ``de-AT``) before
it goes near a path: ``../../x`` or ``/tmp/rules`` would otherwise pick any folder as the
rule set, find nothing, and let ``claims check`` pass an unchecked article.
"""

from __future__ import annotations

import os
import re
from functools import cache
from importlib import resources
from pathlib import Path

from claims.errors import ClaimsError, RuleError

# BCP 47 in the shape we use: a primary tag of letters, subtags of letters and digits
_TAG = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8}){0,3}")


class LanguageError(ClaimsError):
    """A language name that is not a language tag."""


def check_lang(value: object, source: object = None, line: int | None = None, what: str = "language") -> str:
    """``value`` if it is a language tag, else a :class:`LanguageError` naming where it came from."""
    if not isinstance(value, str) or not _TAG.fullmatch(value):
        from claims.limits import shorten

        raise LanguageError(f"{what} {shorten(value, 40)!r} is not a language name like de or en",
                            source, line)
    return value


@cache
def builtin_rules_dir() -> Path:
    """The rules shipped with the package (in the wheel) or, from a checkout, the repo's.

    Found once per process: asked for every article of a folder, looking cost 0.2 ms each."""
    packaged = resources.files("claims") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleError("the built-in rules are missing from this installation; reinstall claims")


RULES_PATH_ENV = "CLAIMS_RULES_PATH"
LANGUAGE_FILE = "language.toml"


def rule_roots() -> tuple[Path, ...]:
    """The folders that hold language folders: ``CLAIMS_RULES_PATH``'s, then the built-in one."""
    extra = os.environ.get(RULES_PATH_ENV, "")
    return (*(Path(p) for p in extra.split(os.pathsep) if p), builtin_rules_dir())


@cache
def _languages(roots: tuple[Path, ...]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            raise RuleError(f"rules folder not found ({RULES_PATH_ENV})", root)
        for folder in sorted(root.iterdir()):
            if folder.name not in found and (folder / LANGUAGE_FILE).is_file() and _TAG.fullmatch(folder.name):
                found[folder.name] = folder
    return found


def available_languages() -> list[str]:
    """Every language there is a folder for, sorted."""
    return sorted(_languages(rule_roots()))


def language_dir(lang: str) -> Path | None:
    """The folder of ``lang`` (the first root that has one), or None."""
    return _languages(rule_roots()).get(check_lang(lang))

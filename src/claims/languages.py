"""Language names: what may name a rule set, checked wherever a name comes in.

A language is a folder under ``rules/`` (and under a user's rule folder), so its name is
joined to a path. A name from front matter, ``--lang``, a configuration file, meta.json or
the library API is therefore checked to be a language tag (``de``, ``en``, ``de-AT``) before
it goes near a path: ``../../x`` or ``/tmp/rules`` would otherwise pick any folder as the
rule set, find nothing, and let ``claims check`` pass an unchecked article.
"""

from __future__ import annotations

import re
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


def builtin_rules_dir() -> Path:
    """The rules shipped with the package (in the wheel) or, from a checkout, the repo's."""
    packaged = resources.files("claims") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleError("the built-in rules are missing from this installation; reinstall claims")

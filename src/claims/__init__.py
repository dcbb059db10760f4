"""claims: find every checkable statement in a news article.

The library API is small and pure: ``extract(text, lang=..., date=...)`` takes
text and options and returns claims. Everything else (workbooks, check,
update) builds on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from claims.models import ExtractionResult

__all__ = ["__version__", "extract", "extract_file"]


def extract(text: str, lang: str | None = None, date: Any = None, *, title: str | None = None,
            rules: Any = None) -> "ExtractionResult":
    """Extract the claims of one article given as plain text.

    Pure: the same text and options always give the same claims, and nothing is
    read or written besides the (cached) rule files. ``date`` is the article's
    date (``datetime.date`` or ISO string) used to resolve years and relative
    expressions; ``rules`` is an optional :class:`claims.ruleset.RuleSet`. ``lang`` unset:
    :data:`claims.config.DEFAULT_LANG`.
    """
    from claims.api import extract_text

    return extract_text(text, lang=lang, date=date, title=title, rules=rules)


def extract_file(path: Any, lang: str | None = None, date: Any = None) -> "ExtractionResult":
    """Read an article file (.txt, .md) and extract its claims."""
    from claims.api import extract_path

    return extract_path(path, lang=lang, date=date)

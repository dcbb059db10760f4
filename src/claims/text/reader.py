"""Read an article file into an :class:`~claims.models.Article`.

Offsets are kept exact: markup is blanked out (replaced by spaces) in
``Article.clean`` rather than removed, so a claim's start and end point into
the file's decoded text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from claims.errors import InputError
from claims.models import Article
from claims.text import markdown

MAX_ARTICLE_BYTES = 50 * 1024 * 1024
READABLE_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
                     ".html": "html", ".htm": "html"}
INPUT_FORMATS = ("txt", "md", "docx", "html")


def decode(data: bytes, path: str | Path | None = None) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 with a warning."""
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as exc:
            raise InputError(f"damaged UTF-16 text at byte {exc.start}", path) from None
    if b"\x00" in data[:8192]:
        raise InputError("this is a binary file, not an article's text", path)
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(f"not UTF-8 text (invalid byte at offset {bad_at}) and not cp1252 either",
                         path) from None
    warnings.append(f"{path or 'input'}: not valid UTF-8 (byte {bad_at}); read as Windows-1252 (cp1252)")
    return text, warnings


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _parse_date(value: Any, source: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"article date {value!r} is not a date like 2025-03-24", source) from None


def article_from_text(text: str, *, path: str | None = None, fmt: str = "txt",
                      lang: str | None = None, date: Any = None, title: str | None = None,
                      warnings: list[str] | None = None, default_lang: str | None = "de",
                      default_date: Any = None) -> Article:
    """Build an Article from decoded text; front matter fills what the caller left open.

    ``lang`` and ``date`` override the front matter; ``default_lang`` and ``default_date``
    (a checklist's stored values, the configuration) apply when the front matter says nothing.
    A language named nowhere is detected from the text (claims.text.language), else German.
    """
    clean = text
    meta: dict[str, Any] = {}
    if fmt == "md":
        clean, meta = markdown.blank_markup(text, source=path or "<text>")
    if not clean.strip():
        raise InputError("the article is empty", path or "<text>")
    article_date = _parse_date(date, path or "<text>") if date is not None else \
        _parse_date(meta.get("date"), path or "<text>")
    if article_date is None and default_date not in (None, ""):
        article_date = _parse_date(default_date, path or "<text>")
    article_lang = lang or (str(meta.get("lang") or meta.get("language") or "") or default_lang)
    if not article_lang:
        from claims.text.language import detect

        article_lang = detect(clean) or "de"
    return Article.model_construct(
        path=path,
        title=title or (str(meta["title"]) if meta.get("title") else None),
        date=article_date,
        lang=article_lang,
        format=fmt,
        text=text,
        clean=clean,
        sha256=sha256_of(text),
        warnings=list(warnings or []),
    )


def read_article(path: str | Path, *, lang: str | None = None, date: Any = None,
                 input_format: str | None = None, default_lang: str | None = "de",
                 default_date: Any = None) -> Article:
    """Read and decode an article file; every failure is an :class:`InputError` naming it.

    ``lang`` overrides the front matter; ``default_lang`` applies when neither says.
    """
    if str(path) == "-":
        import sys

        return article_from_bytes(sys.stdin.buffer.read(), "<stdin>", input_format or "txt", lang=lang, date=date,
                                  default_lang=default_lang, default_date=default_date)
    file = Path(path)
    if not file.exists():
        raise InputError("no such file", file)
    if file.is_dir():
        raise InputError("is a directory, not an article file", file)
    fmt = input_format or READABLE_SUFFIXES.get(file.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(READABLE_SUFFIXES))
        raise InputError(f"unknown article format {file.suffix or '(no extension)'!r} "
                         f"(readable: {known}; or pass --input-format)", file)
    try:
        size = file.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(f"file is {size // (1024 * 1024)} MiB; articles above "
                             f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MiB are refused", file)
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file) from None
    return article_from_bytes(data, str(file), fmt, lang=lang, date=date, default_lang=default_lang,
                              default_date=default_date)


def article_from_bytes(data: bytes, name: str, fmt: str, *, lang: str | None = None,
                       date: Any = None, default_lang: str | None = "de", default_date: Any = None) -> Article:
    """An article from a file's bytes (or stdin's): .docx and .html become one paragraph a line."""
    if fmt not in INPUT_FORMATS:
        raise InputError(f"unknown input format {fmt!r} (known: {', '.join(INPUT_FORMATS)})", name)
    if fmt == "docx":
        from claims.text.formats import docx_text

        return article_from_text(docx_text(data, name), path=name, fmt=fmt, lang=lang, date=date,
                                 default_lang=default_lang, default_date=default_date)
    text, warnings = decode(data, name)
    title = None
    if fmt == "html":
        from claims.text.formats import html_text

        text, title = html_text(text)
    return article_from_text(text, path=name, fmt=fmt, lang=lang, date=date, title=title, warnings=warnings,
                             default_lang=default_lang, default_date=default_date)

"""Read an article file into an :class:`~claims.models.Article`.

Offsets are kept exact: markup is blanked out (replaced by spaces) in
``Article.clean`` rather than removed, so a claim's start and end point into
the file's decoded text.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import stat
from pathlib import Path
from typing import Any

import regex

from claims.config import DEFAULT_LANG
from claims.errors import InputError
from claims.languages import check_lang
from claims.limits import limit
from claims.models import Article
from claims.text import markdown

READABLE_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
                     ".html": "html", ".htm": "html"}
INPUT_FORMATS = ("txt", "md", "docx", "html")


_BOMS = (  # UTF-32's little-endian mark begins with UTF-16's: it is tried first
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"), (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"), (b"\xff\xfe", "utf-16-le", "UTF-16"),
)
_SNIFF_BYTES = 4096
_BAD_RUN = regex.compile("[\udc80-\udcff]+")
_GOOD_WIDE = regex.compile("[^\x00-\x7f\udc80-\udcff]")


def _zero_shares(sample: bytes, width: int) -> list[float]:
    """For each byte position within a code unit of ``width`` bytes, the share of zero bytes there."""
    columns = [sample[i::width] for i in range(width)]
    return [col.count(0) / len(col) if col else 0.0 for col in columns]


def _wide_codec(data: bytes) -> tuple[str, str] | None:
    """UTF-32 or UTF-16 without a byte order mark, told by where the zero bytes stand.

    Text of Latin letters in UTF-32 has three zero bytes a character, in UTF-16 one: at
    fixed places of each code unit, which neither UTF-8 nor a binary file shows."""
    sample = data[:_SNIFF_BYTES]
    if len(data) % 4 == 0 and len(sample) >= 4:
        z = _zero_shares(sample[:len(sample) - len(sample) % 4], 4)
        if z[3] > 0.99 and z[2] > 0.9 and z[0] < 0.5:
            return "utf-32-le", "UTF-32"
        if z[0] > 0.99 and z[1] > 0.9 and z[3] < 0.5:
            return "utf-32-be", "UTF-32"
    if len(data) % 2 == 0 and len(sample) >= 2:
        z = _zero_shares(sample[:len(sample) - len(sample) % 2], 2)
        if z[1] > 0.5 and z[0] < 0.2:
            return "utf-16-le", "UTF-16"
        if z[0] > 0.5 and z[1] < 0.2:
            return "utf-16-be", "UTF-16"
    return None


def _where(data: bytes, at: int) -> str:
    line_start = data.rfind(b"\n", 0, at) + 1
    column = len(data[line_start:at].decode("utf-8", errors="replace")) + 1
    line = data.count(b"\n", 0, at) + 1
    return f"line {line}, column {column} (byte {at})"


def decode(data: bytes, path: str | Path | None = None) -> tuple[str, list[str]]:
    """Bytes to text, with warnings: UTF-8 (with or without BOM), UTF-16 and UTF-32 (with a BOM or
    without), else Windows-1252 for a file with no UTF-8 in it at all.

    A UTF-8 file with a few damaged bytes is read as UTF-8, each bad byte as U+FFFD, and the
    warning names the first bad spot: read as cp1252 instead, every umlaut of it would turn
    into mojibake without a word."""
    warnings: list[str] = []
    name = path or "input"
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _decode_wide(data[len(bom):], codec, label, path, warnings), warnings
    wide = _wide_codec(data) if b"\x00" in data[:_SNIFF_BYTES] else None
    if wide is not None:
        return _decode_wide(data, wide[0], wide[1], path, warnings), warnings
    if b"\x00" in data[:8192]:
        raise InputError("this is a binary file, not an article's text", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    else:
        return _no_nul(text, path), warnings
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    escaped = body.decode("utf-8", errors="surrogateescape")
    # damaged spots (runs of bad bytes) against characters that are proper UTF-8 beyond ASCII:
    # a Windows-1252 file has no such characters, a UTF-8 one with a damaged byte has many
    spots = len(_BAD_RUN.findall(escaped))
    good = len(_GOOD_WIDE.findall(escaped))
    if good >= spots:  # UTF-8 with damage: keep what is UTF-8
        more = f" and {spots - 1} more" if spots > 1 else ""
        warnings.append(f"{name}: not valid UTF-8 at {_where(data, bad_at)}{more}; "
                        f"each bad byte is read as U+FFFD (\ufffd)")
        return _no_nul(body.decode("utf-8", errors="replace"), path), warnings
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(f"not UTF-8 text (invalid byte at {_where(data, bad_at)}) and not cp1252 either",
                         path) from None
    warnings.append(f"{name}: not valid UTF-8 (byte {bad_at}); read as Windows-1252 (cp1252)")
    return _no_nul(text, path), warnings


def _decode_wide(data: bytes, codec: str, label: str, path: str | Path | None,
                 warnings: list[str]) -> str:
    """UTF-16 or UTF-32; a damaged code unit is read as U+FFFD and named, as in UTF-8."""
    try:
        return _no_nul(data.decode(codec), path)
    except UnicodeDecodeError as exc:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if len("".join(text.split())) - bad < bad:  # more damage than text: not this encoding
            raise InputError(f"damaged {label} text at byte {exc.start}", path) from None
        warnings.append(f"{path or 'input'}: not valid {label} at byte {exc.start}; each bad code unit "
                        f"is read as U+FFFD (\ufffd)")
        return _no_nul(text, path)


def _no_nul(text: str, path: str | Path | None) -> str:
    if "\x00" in text:
        raise InputError(f"a NUL character at offset {text.index(chr(0))}: a binary file, not an "
                         f"article's text", path)
    return text


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


EARLIEST_DATE = dt.date(1583, 1, 1)  # the first whole year of the Gregorian calendar


def _parse_date(value: Any, source: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        text = str(value).strip()[:10]
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            from claims.limits import shorten

            shown = shorten(value, 40)
            if regex.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise InputError(f"article date {shown!r} is no day of the calendar", source) from None
            raise InputError(f"article date {shown!r} is not a date like 2025-03-24", source) from None
    if value < EARLIEST_DATE:
        raise InputError(f"article date {value.isoformat()} lies before 1583; claims resolves dates "
                         f"in the Gregorian calendar only", source)
    return value


def article_from_text(text: str, *, path: str | None = None, fmt: str = "txt",
                      lang: str | None = None, date: Any = None, title: str | None = None,
                      warnings: list[str] | None = None, default_lang: str | None = DEFAULT_LANG,
                      default_date: Any = None) -> Article:
    """Build an Article from decoded text; front matter fills what the caller left open.

    ``lang`` and ``date`` override the front matter; ``default_lang`` and ``default_date``
    (a checklist's stored values, the configuration) apply when the front matter says nothing.
    A language named nowhere is detected from the text (claims.text.language), else the
    configuration's default language.
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
    return Article.model_construct(
        path=path,
        title=title or (str(meta["title"]) if meta.get("title") else None),
        date=article_date,
        lang=_language(lang, meta, default_lang, clean, path or "<text>"),
        format=fmt,
        text=text,
        clean=clean,
        sha256=sha256_of(text),
        warnings=list(warnings or []),
    )


def _language(lang: str | None, meta: dict[str, Any], default_lang: str | None, clean: str,
              source: str) -> str:
    """The article's language, checked as a name: the argument, else the front matter, else the
    default (a checklist's stored language, the configuration), else detected from the text."""
    if lang:
        return check_lang(lang)
    named = meta.get("lang") or meta.get("language")
    if named:
        return check_lang(named, source, what="front matter lang")
    if default_lang:
        return check_lang(default_lang, what="default language")
    from claims.text.language import detect

    return detect(clean) or DEFAULT_LANG


def read_article(path: str | Path, *, lang: str | None = None, date: Any = None,
                 input_format: str | None = None, default_lang: str | None = DEFAULT_LANG,
                 default_date: Any = None) -> Article:
    """Read and decode an article file; every failure is an :class:`InputError` naming it.

    ``lang`` overrides the front matter; ``default_lang`` applies when neither says.
    """
    most = limit("ARTICLE_BYTES")
    if str(path) == "-":
        import sys

        data = sys.stdin.buffer.read(most + 1)
        if len(data) > most:
            raise InputError(_too_big(most), "<stdin>")
        return article_from_bytes(data, "<stdin>", input_format or "txt", lang=lang, date=date,
                                  default_lang=default_lang, default_date=default_date)
    file = Path(path)
    data = _read_file(file, most, input_format)
    fmt = input_format or READABLE_SUFFIXES[file.suffix.lower()]
    return article_from_bytes(data, str(file), fmt, lang=lang, date=date, default_lang=default_lang,
                              default_date=default_date)


def _too_big(most: int) -> str:
    return (f"the article is larger than {most // (1024 * 1024)} MiB and refused "
            f"(CLAIMS_MAX_ARTICLE_BYTES raises the limit)")


_OPEN_PROBLEMS = {errno.ENOENT: "no such file", errno.ELOOP: "a symlink loop, not an article file",
                  errno.ENAMETOOLONG: "the file name is too long for this system",
                  errno.EACCES: "permission denied", errno.ENOTDIR: "no such file"}


def _read_file(file: Path, most: int, input_format: str | None) -> bytes:
    """The file's bytes, at most ``most``: only a regular file is read (a FIFO or a device in an
    articles folder would block or never end), and one that grows while read is still bounded."""
    try:
        # non-blocking: opening a FIFO must not wait for a writer
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(_OPEN_PROBLEMS.get(exc.errno, f"cannot read: {exc.strerror or exc}"), file) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, not an article file", file)
        raise InputError("not a regular file (a FIFO, socket or device); refused", file)
    with os.fdopen(fd, "rb", buffering=0) as handle:
        if input_format is None and file.suffix.lower() not in READABLE_SUFFIXES:
            known = ", ".join(sorted(READABLE_SUFFIXES))
            raise InputError(f"unknown article format {file.suffix or '(no extension)'!r} "
                             f"(readable: {known}; or pass --input-format)", file)
        if info.st_size > most:
            raise InputError(_too_big(most), file)
        if getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        try:
            while total <= most:
                chunk = handle.read(min(1 << 20, most + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", file) from None
    if total > most:
        raise InputError(_too_big(most), file)
    return b"".join(chunks)


def article_from_bytes(data: bytes, name: str, fmt: str, *, lang: str | None = None,
                       date: Any = None, default_lang: str | None = DEFAULT_LANG, default_date: Any = None) -> Article:
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

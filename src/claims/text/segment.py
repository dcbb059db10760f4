"""Split an article into paragraphs and sentences, with offsets.

Paragraphs: blocks separated by blank lines; in a text without blank lines,
every line is a paragraph (the usual shape of text exported from a CMS).

Sentences end at ``.``, ``!``, ``?`` (with closing quotes or brackets after
them) followed by space, except after an abbreviation from the language's
list (``z.``, ``Nr.``, ``Dr.``), a single letter (initials, ``z. B.``), or a
one- to three-digit number (ordinals: ``17. März``, ``2. Stock``), and never
inside an open quotation.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import regex

from claims.limits import limit
from claims.models import Paragraph, Sentence, build

_BLANK_LINE = regex.compile(r"\n[ \t\r]*\n")
# a sentence mark (with the token it ends: up to 40 characters before it) and the first
# character of the next word, in one match
_BOUNDARY = regex.compile(r"[.!?…](?<=(?P<token>\S{1,41}))[.!?…]*[\"'“”»«‘’)\]]*(?=\s+(?P<next>\S))")
_WORD = regex.compile(r"\w+")
_SHORT_NUMBER = regex.compile(r"\d{1,3}(?!\d)")  # a house or article number, not a year
_ORDINAL_RANGE = regex.compile(r"\d{1,3}\.[-–]\d{1,3}")  # vom 5.-22. November, not 3-1.
_OPENERS = "„»«“‚"
_CLOSERS = "“”«»‘’\""
_FOLLOWERS = _OPENERS + "\"'(["


def paragraphs(text: str, original: str | None = None) -> list[Paragraph]:
    """Paragraphs of ``text``; blank lines are looked for in ``original`` (the file before markup
    was blanked), so a line holding only an image is no paragraph break."""
    blocks: list[tuple[int, int]] = []
    source = original if original is not None and len(original) == len(text) else text
    body_start = len(text) - len(text.lstrip())  # blanked front matter is not a paragraph break
    body_end = len(text.rstrip())
    if _BLANK_LINE.search(source, body_start, body_end):
        start = 0
        for m in _BLANK_LINE.finditer(source, body_start, body_end):
            blocks.append((start, m.start()))
            start = m.end()
        blocks.append((start, len(text)))
    else:
        start = 0
        for line in text.splitlines(keepends=True):
            blocks.append((start, start + len(line)))
            start += len(line)
    result: list[Paragraph] = []
    for start, end in blocks:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        result.append(build(Paragraph, start=start + lead, end=start + lead + len(stripped),
                                index=len(result) + 1))
    return result


_QUOTE_CHARS = regex.compile(r"[\"„»«“‚”’‘]")
# A quotation longer than this keeps no sentences together: a mark that is never
# closed, or closed far away, must not swallow the rest of the paragraph.
QUOTE_REACH = 600


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation: an opening mark paired with the next closing one.

    German quotations do not nest with the same marks, so a second opening mark
    before any closing one means the first was never closed.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    straight = False
    for m in _QUOTE_CHARS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == '"':
            if opened is not None:
                spans.append((opened, i + 1))
                opened, straight = None, False
            else:
                opened, straight = i, True
        elif ch in "„‚" or (ch == "»" and (opened is None or text[opened] != "«")) \
                or (ch in "«“" and _opens(text, i) and opened is None):
            opened = i  # » opens (»…«, German) unless it closes a « (Swiss and French «…»)
        elif ch in _CLOSERS and opened is not None and not straight:
            spans.append((opened, i + 1))
            opened = None
    return [(a, b) for a, b in spans if b - a <= QUOTE_REACH]


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    i = bisect.bisect_right(spans, (at, len(spans) + 10**9)) - 1
    return i >= 0 and spans[i][0] < at < spans[i][1]


def _opens(text: str, i: int) -> bool:
    """A “ or « opens a quotation when a word follows it directly (English, French style)."""
    return i + 1 < len(text) and not text[i + 1].isspace() and (i == 0 or not text[i - 1].isalnum())


_NOT, _ALWAYS, _ORDINAL = 0, 1, 2  # what a token before a full stop is, whatever follows


def _token_kind(token: str, abbreviations: frozenset[str], suffixes: tuple[str, ...],
                before_numbers: frozenset[str], number_suffixes: tuple[str, ...]) -> tuple[bool, int]:
    """What the token before a full stop is: (an abbreviation before a short number, and
    otherwise _NOT, _ALWAYS or _ORDINAL). Depends on the token alone, so it is worked out
    once per distinct token; what follows decides the rest (:func:`_is_abbreviation`)."""
    bare = token.lstrip("(„\"»«‚'[")
    if not bare.endswith("."):
        return False, _NOT
    if bare in abbreviations:
        return False, _ALWAYS
    lower = bare.lower()
    if lower in abbreviations or (suffixes and lower.endswith(suffixes)):
        return False, _ALWAYS
    if "-" in bare:  # Univ.-Prof., Dipl.-Ing., Priv.-Doz.: the part after the hyphen decides
        last = bare.rsplit("-", 1)[1]
        if len(last) > 1 and (last in abbreviations or last.lower() in abbreviations):
            return False, _ALWAYS
    # Art. 12, Lindenstr. 18 (but: auf seine Art. Danach, seine Art. 1998 ging er)
    before_number = bare in before_numbers or bool(number_suffixes and lower.endswith(number_suffixes))
    core = bare[:-1]
    if len(core) == 1 and core.isalpha():
        return before_number, _ALWAYS  # initials, z. B., u. a.
    if (core.isdigit() and len(core) <= 3) or (core[:1].isdigit() and _ORDINAL_RANGE.fullmatch(core)):
        return before_number, _ORDINAL  # 17. März, 2. Liga, unless "Nr. 12. Danach"
    if "." in core:
        parts = core.split(".")
        if all(0 < len(p) <= 2 and p.isalpha() for p in parts):
            return before_number, _ALWAYS  # z.B., u.a., d.h. (not a bracketed "(91.)." nor ".ru.")
        if len(parts) == 2 and all(0 < len(p) <= 2 and p.isdigit() for p in parts):
            return before_number, _ORDINAL  # a day and month (am 29.7. 2015), unless "29.7. Danach"
    return before_number, _NOT


def _is_abbreviation(kind: tuple[bool, int], chunk: str, follower_at: int,
                     starters: frozenset[str]) -> bool:
    before_number, rest = kind
    if before_number and _SHORT_NUMBER.match(chunk, follower_at):
        return True
    if rest == _ORDINAL:
        return _word_at(chunk, follower_at) not in starters
    return rest == _ALWAYS


def sentences(text: str, paras: Iterable[Paragraph], abbreviations: frozenset[str],
              starters: frozenset[str] = frozenset(),
              before_numbers: frozenset[str] = frozenset()) -> list[Sentence]:
    result: list[Sentence] = []
    # list entries "*str." name endings: any word ending so is an abbreviation
    suffixes = tuple(a[1:].lower() for a in abbreviations if a.startswith("*"))
    number_suffixes = tuple(a[1:].lower() for a in before_numbers if a.startswith("*"))
    kinds: dict[str, tuple[bool, int]] = {}  # an article repeats its words before full stops
    most = limit("SENTENCE_CHARS")
    for para in paras:
        chunk = text[para.start:para.end]
        quotes = _quote_spans(chunk)
        start = 0
        for m in _BOUNDARY.finditer(chunk):
            end = m.end()
            if end <= start:
                continue
            follower = m.group("next")
            if not (follower.isupper() or follower.isdigit() or follower in _FOLLOWERS):
                continue
            if chunk[m.start()] == "." and (end - m.start() == 1 or _bracketed(chunk, m)):
                token = m.group("token")
                kind = kinds.get(token)
                if kind is None:
                    kind = kinds[token] = _token_kind(token, abbreviations, suffixes, before_numbers,
                                                      number_suffixes)
                if end - m.start() > 1 and kind[1] != _ORDINAL:
                    pass  # only an ordinal is read through its bracket: (51.) Ulmer
                elif _is_abbreviation(kind, chunk, m.start("next"), starters):
                    continue
            if quotes and _inside(quotes, end):
                continue
            _append(result, text, para, para.start + start, para.start + end, most)
            start = m.start("next")
        _append(result, text, para, para.start + start, para.end, most)
    return result


def _bracketed(chunk: str, m: regex.Match[str]) -> bool:
    """The full stop closes a bracket that holds only the word before it: a goal minute (51.)
    or a placing (3.), which end no sentence unless a sentence starter follows."""
    closing = chunk[m.start() + 1:m.end()]
    return closing in (")", "]") and m.group("token").startswith(("(", "["))


def _word_at(chunk: str, at: int) -> str:
    found = _WORD.match(chunk, at)
    return found.group() if found else ""


_CLAUSE_END = regex.compile(r"[,;:–—]\s")
_SPACE = regex.compile(r"\s")


def _cut(text: str, start: int, end: int, most: int) -> int:
    """Where a run of more than ``most`` characters without a sentence end is cut: after the last
    comma, semicolon, colon or dash in the second half of the stretch, else at its last space."""
    window_start, window_end = start + most // 2, start + most
    last = None
    for last in _CLAUSE_END.finditer(text, window_start, window_end):
        pass
    if last is not None:
        return last.end()
    for last in _SPACE.finditer(text, window_start, window_end):
        pass
    return last.end() if last is not None else window_end


def _append(result: list[Sentence], text: str, para: Paragraph, start: int, end: int,
            most: int | None = None) -> None:
    # A "sentence" of a hundred thousand characters (a table flattened to a line, a page without
    # full stops) is cut into pieces: each claim carries its sentence, is hashed with it for its
    # id and shows it in every output, so one endless sentence made all of that quadratic.
    while most is not None and end - start > most:
        cut = _cut(text, start, end, most)
        _append(result, text, para, start, cut)
        start = cut
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        # the usual case: a boundary's end and the next word's start hold no blanks to strip
        result.append(build(Sentence, start=start, end=end, index=len(result) + 1,
                            paragraph=para.index))
        return
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    result.append(build(Sentence, start=start + lead, end=start + lead + len(stripped),
                           index=len(result) + 1, paragraph=para.index))

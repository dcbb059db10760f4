"""Article formats that are not plain text: Word (.docx) and saved web pages (.html).

Both become plain text with one paragraph a line, so a claim's ``line`` is the
paragraph number of the document (the text output says so).
"""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from claims.errors import InputError
from claims.limits import shorten
from claims.ziplimits import check_zip, refuse_doctypes


def _local(node: Any) -> str:
    """An element's tag without its namespace; "" for comments, entities and processing instructions."""
    tag = node.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text_of(element: Any) -> str:
    return "".join(node.text or "" for node in element.iter() if _local(node) == "t")


def docx_text(data: bytes, path: str | Path) -> str:
    """Body paragraphs, headings and table cells of a Word document, in document order.

    The file comes from outside: its zip is checked against the limits first and any part
    declaring a document type is refused (:mod:`claims.ziplimits`), so python-docx never
    inflates a bomb or meets an entity."""
    try:
        import docx  # python-docx: the Word format is big; a library reads it right
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise InputError("reading .docx needs python-docx: pip install 'claims[docx]'", path) from None
    check_zip(io.BytesIO(data), path, "Word document")
    refuse_doctypes(io.BytesIO(data), path, "Word document")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError(f"not a readable Word document ({type(exc).__name__})", path) from None
    except RecursionError:
        raise InputError("damaged Word document: it nests too deep", path) from None
    except Exception as exc:  # zipfile.BadZipFile and lxml errors from damaged files
        raise InputError(f"damaged Word document: {shorten(exc)}", path) from None
    paragraphs: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = _local(child)
        if tag == "p":
            paragraphs.append(_text_of(child))
        elif tag == "tbl":
            for row in child.iter():
                if _local(row) == "tr":
                    cells = []
                    for cell in row.iterchildren():
                        if _local(cell) == "tc":
                            cells.append(" ".join(_text_of(p) for p in cell.iter() if _local(p) == "p").strip())
                    paragraphs.append(" | ".join(cells))
        elif tag == "sdt":  # content controls hold paragraphs too
            paragraphs.append(_text_of(child))
    lines = [" ".join(p.split()) for p in paragraphs]
    return "\n".join(line for line in lines if line) + "\n"


_SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg",
              "template", "iframe", "select", "figure"}
_SKIP_HINTS = ("comment", "nav", "menu", "footer", "sidebar", "cookie", "share", "related", "teaser",
               "breadcrumb", "newsletter", "advert", "banner")
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "td", "th", "pre",
               "div", "section", "article", "main", "br", "tr", "dd", "dt"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed",
         "param", "track"}


class _MainText(HTMLParser):
    """Text of <article> (else <main>, else <body>) minus navigation, comments and page furniture.

    Linear in the page, however it nests: whether text is skipped is a count of the skipping
    elements open, not a look through the stack, and an end tag with no open element of its
    name is dropped at once (a page of 20,000 stray ``</span>`` each searched the whole stack).
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.open_count: dict[str, int] = {}  # tag -> how many of it are on the stack
        self.skipped_open = 0  # skipping elements on the stack
        self.blocks: dict[str, list[list[str]]] = {"article": [], "main": [], "body": []}
        self.inside: dict[str, int] = {"article": 0, "main": 0, "body": 0}
        self.current: list[str] = []
        self.title: list[str] = []
        self.in_title = False

    def _skipping(self) -> bool:
        return self.skipped_open > 0

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            for area, depth in self.inside.items():
                if depth:
                    self.blocks[area].append([text])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _VOID:
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role")).lower()
        skipped = tag in _SKIP_TAGS or any(h in marks for h in _SKIP_HINTS)
        self.stack.append((tag, skipped))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        if tag in self.inside and not self._skipping():
            self.inside[tag] += 1
        if skipped:
            self.skipped_open += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK_TAGS:
            self._flush()
        if not self.open_count.get(tag):
            return  # nothing of that name is open: a stray end tag
        was_skipping = self._skipping()
        while self.stack:  # every element it closes goes, each once: linear over the page
            name, skipped = self.stack.pop()
            self.open_count[name] -= 1
            if skipped:
                self.skipped_open -= 1
            if name == tag:
                break
        if tag in self.inside and self.inside[tag] and not was_skipping:
            self.inside[tag] -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if not self._skipping():
            self.current.append(data)


def html_text(data: str) -> tuple[str, str | None]:
    """(main text with one paragraph a line, the page title)."""
    parser = _MainText()
    parser.feed(data)
    # What feed leaves unparsed begins with a tag, comment or declaration that never ends. On
    # close the standard parser would retry it at every later "<", each time scanning to the
    # end (quadratic: 30 kB of "<a " took 5 s); a browser drops a tag cut off by the end of the
    # page and makes the rest of a comment a comment, so the rest is dropped here too.
    if parser.rawdata.startswith("<"):
        parser.rawdata = ""
    parser.close()
    parser._flush()
    title = " ".join("".join(parser.title).split()) or None
    for area in ("article", "main", "body"):
        if parser.blocks[area]:
            text = "\n".join(block[0] for block in parser.blocks[area])
            return text + "\n", title
    return "", title

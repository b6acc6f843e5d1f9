"""HTML reader (stdlib html.parser): the visible text of a saved web page.

Scripts, styles and noscript are dropped; block elements become line breaks; entities are
decoded. The parser is event-driven, so nesting depth costs no recursion. Bytes decode by
a BOM, then the page's own `<meta charset>`, then the usual Japanese guesses.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from core.errors import InputError
from core.text.decode import decode_bytes
from core.text.readers import SourceDocument, reader

_SKIP = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "legend", "li", "main", "nav",
    "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
    "tr", "ul",
}
_CELL = {"td", "th"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "area", "base", "col", "embed",
         "source", "track", "param"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_WS = re.compile(r"[ \t\r\n\f]+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []  # open skipped elements (a stack, not recursion)
        self.pre = 0
        self.title: list[str] = []
        self.in_title = False
        self.row_cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag == "body" and "head" in self.skip:
            self.skip.clear()  # a page that never closed its <head>
        if tag in _SKIP and tag not in _VOID:
            self.skip.append(tag)
            return
        if self.skip:
            return
        if tag == "pre":
            self.pre += 1
        if tag == "br":
            self.parts.append("\n")  # every <br> counts: two make a blank line
        elif tag in _BLOCK:
            self._block()
        elif tag in _CELL:
            if self.row_cells:
                self.parts.append("\t")
            self.row_cells += 1
        if tag == "tr":
            self.row_cells = 0

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in _BLOCK and tag != "br":
            self._block()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.skip:
            return
        if self.pre:
            self.parts.append(data)
            return
        text = _collapse(data)
        if text == " " and (not self.parts or self.parts[-1].endswith("\n")):
            return  # the source's indentation between blocks
        self.parts.append(text)

    def _block(self) -> None:
        if not self.parts or not self.parts[-1].endswith("\n"):
            self.parts.append("\n")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _collapse(data: str) -> str:
    """HTML whitespace: a run becomes one space, or nothing where a source line break sat
    between two Japanese letters (the browser shows no space there)."""
    def repl(m: re.Match[str]) -> str:
        s, e = m.start(), m.end()
        between_letters = s > 0 and e < len(data) and _wide(data[s - 1]) and _wide(data[e])
        return "" if "\n" in m.group() and between_letters else " "
    return _WS.sub(repl, data)


def _tidy(text: str) -> str:
    """Trim spaces at line ends, keep at most one blank line, no leading/trailing breaks."""
    lines = [ln.strip(" ") for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if not ln and (not out or not out[-1]):
            continue
        out.append(ln)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        m = _META_CHARSET.search(data[:4096])
        if m:
            name = m.group(1).decode("ascii", "replace")
            try:
                enc = codecs.lookup(name).name
            except LookupError:
                enc = None
            if enc is not None:
                try:
                    return data.decode(enc), enc
                except UnicodeDecodeError as e:
                    raise InputError(path, f"declares charset {name} but is not valid {name} "
                                           f"({e.reason} at byte {e.start})") from e
    return decode_bytes(data, path)


@reader(".html", ".htm", ".xhtml")
def read_html(path: Path, data: bytes) -> SourceDocument:
    markup, enc = _decode(path, data)
    p = _TextParser()
    p.feed(markup)
    p.close()
    text = _tidy("".join(p.parts))
    title = _WS.sub(" ", "".join(p.title)).strip()
    meta = {"html_title": title} if title else {}
    return SourceDocument(text, "html", title or path.stem, meta, enc)

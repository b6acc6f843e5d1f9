"""Draws spans with a QSyntaxHighlighter: each block looks up its own spans in an index.

Spans are kept per block (block number -> entries in UTF-16 units), so an edit re-draws
only the blocks it touches (rehighlightBlock) and opening a document formats each block
once. Accepted spans get a solid background in the label colour; suggestions a light tint
and a dashed underline; where spans nest, the innermost gives the background and the
outermost the underline, so both stay visible. Rejected spans are drawn only on request.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from core.model import SpanData
from core.text.offsets import Utf16Index

_NL = re.compile("\n")


def tint(color: QColor, amount: float = 0.55) -> QColor:
    """`color` mixed with white: a light wash that keeps the hue."""
    r, g, b = color.red(), color.green(), color.blue()
    return QColor(int(r + (255 - r) * amount), int(g + (255 - g) * amount),
                  int(b + (255 - b) * amount))


def ink(color: QColor) -> QColor:
    """A dark, saturated version of a pastel label colour, readable as a line."""
    h, s, _v, _ = color.getHsvF()
    return QColor.fromHsvF(max(h, 0.0), min(1.0, max(s, 0.2) * 2.6), 0.55)


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    start: int  # UTF-16, absolute
    end: int
    label: str
    status: str


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._colors: dict[str, QColor] = {}
        self._by_block: dict[int, list[Entry]] = {}
        self._entries: dict[int, Entry] = {}
        self._line_starts: list[int] = [0]  # UTF-16 position of each block
        self._formats: dict[tuple[str, ...], QTextCharFormat] = {}
        self.show_rejected = False
        self._utf16 = Utf16Index("")

    # --- index ---------------------------------------------------------------------------

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = {k: QColor(v) for k, v in colors.items()}
        self._formats.clear()

    def set_spans(self, text: str, utf16: Utf16Index, spans: Iterable[SpanData]) -> None:
        """Index the spans of `text`; call before setPlainText so each block is drawn once."""
        self._line_starts = [0] + [utf16.to_utf16(m.end()) for m in _NL.finditer(text)]
        self._by_block = {}
        self._entries = {}
        self._utf16 = utf16
        for sp in spans:
            self._add(sp)

    def _blocks_of(self, e: Entry) -> range:
        first = bisect.bisect_right(self._line_starts, e.start) - 1
        last = bisect.bisect_right(self._line_starts, max(e.start, e.end - 1)) - 1
        return range(first, last + 1)

    def _add(self, sp: SpanData) -> range:
        e = Entry(sp.id, self._utf16.to_utf16(sp.start), self._utf16.to_utf16(sp.end),
                  sp.label, sp.status)
        self._entries[sp.id] = e
        blocks = self._blocks_of(e)
        for b in blocks:
            self._by_block.setdefault(b, []).append(e)
        return blocks

    def _remove(self, span_id: int) -> range:
        e = self._entries.pop(span_id, None)
        if e is None:
            return range(0)
        blocks = self._blocks_of(e)
        for b in blocks:
            lst = self._by_block.get(b, [])
            if e in lst:
                lst.remove(e)
        return blocks

    def apply(self, pairs: Iterable[tuple[SpanData | None, SpanData | None]]) -> None:
        """Update the index for changed spans and redraw only their blocks."""
        touched: set[int] = set()
        for before, after in pairs:
            if before is not None:
                touched.update(self._remove(before.id))
            if after is not None:
                touched.update(self._remove(after.id))
                touched.update(self._add(after))
        doc = self.document()
        for b in sorted(touched):
            block = doc.findBlockByNumber(b)
            if block.isValid():
                self.rehighlightBlock(block)

    def set_show_rejected(self, on: bool) -> None:
        if on == self.show_rejected:
            return
        self.show_rejected = on
        blocks = {b for b, lst in self._by_block.items()
                  if any(e.status == "rejected" for e in lst)}
        doc = self.document()
        for b in sorted(blocks):
            self.rehighlightBlock(doc.findBlockByNumber(b))

    # --- drawing -------------------------------------------------------------------------

    def _format(self, inner: Entry, outer: Entry | None) -> QTextCharFormat:
        key = (inner.label, inner.status, outer.label if outer else "",
               outer.status if outer else "")
        fmt = self._formats.get(key)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        color = self._colors.get(inner.label, QColor("#dddddd"))
        if inner.status == "accepted":
            fmt.setBackground(color)
        elif inner.status == "suggested":
            fmt.setBackground(tint(color))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(ink(color))
        else:  # rejected, drawn only when asked for
            fmt.setFontStrikeOut(True)
            fmt.setForeground(QColor("#888888"))
        if outer is not None:
            ocolor = self._colors.get(outer.label, QColor("#999999"))
            style = (QTextCharFormat.UnderlineStyle.SingleUnderline if outer.status == "accepted"
                     else QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineStyle(style)
            fmt.setUnderlineColor(ink(ocolor))
        self._formats[key] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:
        entries = self._by_block.get(self.currentBlock().blockNumber())
        if not entries:
            return
        if not self.show_rejected:
            entries = [e for e in entries if e.status != "rejected"]
            if not entries:
                return
        base = self.currentBlock().position()
        n = len(text)
        if len(entries) == 1:
            e = entries[0]
            a, b = max(e.start - base, 0), min(e.end - base, n)
            if b > a:
                self.setFormat(a, b - a, self._format(e, None))
            return
        cuts = sorted({min(max(x - base, 0), n) for e in entries for x in (e.start, e.end)})
        for a, b in itertools.pairwise(cuts):
            cover = [e for e in entries if e.start - base <= a and e.end - base >= b]
            if not cover:
                continue
            cover.sort(key=lambda e: e.end - e.start)
            outer = cover[-1] if len(cover) > 1 else None
            self.setFormat(a, b - a, self._format(cover[0], outer))

"""Draws spans with a QSyntaxHighlighter, one block at a time, only where it is seen.

Opening a document does not format every block: the highlighter does not watch the text
going in, and the viewer asks it to format the blocks that come into view (each block
once; scrolling back costs nothing). An edit re-draws only the blocks its span touches
(rehighlightBlock). Accepted spans get a solid background in the label colour; suggestions
a light tint and a dashed underline; where spans nest, the innermost gives the background
and the outermost the underline, so both stay visible. Rejected spans are drawn only on
request.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import SIGNAL, SLOT, QObject, QSignalBlocker
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
)

from core.model import SpanData
from core.text.offsets import Utf16Index
from gui.span_index import Entry, SpanIndex

_CHANGE = "contentsChange(int,int,int)"
_REFORMAT = "_q_reformatBlocks(int,int,int)"  # QSyntaxHighlighter's slot for it


def tint(color: QColor, amount: float = 0.55) -> QColor:
    """`color` mixed with white: a light wash that keeps the hue."""
    r, g, b = color.red(), color.green(), color.blue()
    return QColor(int(r + (255 - r) * amount), int(g + (255 - g) * amount),
                  int(b + (255 - b) * amount))


def ink(color: QColor) -> QColor:
    """A dark, saturated version of a pastel label colour, readable as a line."""
    h, s, _v, _ = color.getHsvF()
    return QColor.fromHsvF(max(h, 0.0), min(1.0, max(s, 0.2) * 2.6), 0.55)


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._colors: dict[str, QColor] = {}
        self.index = SpanIndex()
        self._utf16 = Utf16Index("")
        self._formats: dict[tuple[str, ...], QTextCharFormat] = {}
        self._done: set[int] = set()  # block numbers formatted since the last reset
        self._wanted = False  # True while we ask for a block ourselves
        self.show_rejected = False

    # --- index ---------------------------------------------------------------------------

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = {k: QColor(v) for k, v in colors.items()}
        self._formats.clear()

    def set_spans(self, utf16: Utf16Index, spans: Iterable[SpanData]) -> None:
        """New spans (and text positions); blocks are formatted again as they are seen."""
        self.index = SpanIndex(spans)
        self._utf16 = utf16
        self._done.clear()

    @contextmanager
    def unwatched(self) -> Iterator[None]:
        """New text goes into the document without the highlighter seeing it: Qt would run
        it over every block of the new text. Blocks are formatted as they come into view.

        QSyntaxHighlighter follows the document through the private slot below; it is
        disconnected for the while. Where a Qt has no such slot, the highlighter is
        detached instead (the document emptied first, so detaching visits no old block)
        and attached again, and Qt's pass it then queues over every block meets the
        cheap early return in highlightBlock."""
        doc = self.document()
        self._done.clear()
        if (doc is not None and self.metaObject().indexOfSlot(_REFORMAT) >= 0
                and QObject.disconnect(doc, SIGNAL(_CHANGE), self, SLOT(_REFORMAT))):
            try:
                yield
            finally:
                QObject.connect(doc, SIGNAL(_CHANGE), self, SLOT(_REFORMAT))
            return
        if doc is not None:
            with QSignalBlocker(doc):
                doc.clear()
            self.setDocument(None)
        try:
            yield
        finally:
            self.setDocument(doc)

    def _redraw(self, block: QTextBlock) -> None:
        self._wanted = True
        try:
            self.rehighlightBlock(block)
        finally:
            self._wanted = False

    def ensure(self, block: QTextBlock) -> None:
        """Format a block that has come into view, once."""
        if block.blockNumber() not in self._done:
            self._redraw(block)

    def prime(self, blocks: Iterable[QTextBlock]) -> None:
        """Formats for the first screen of a document just opened, set on the blocks'
        layouts directly so that their first layout already has them (through
        rehighlightBlock a block is laid out at once and again when it is drawn). Blocks
        laid out already are left to ensure()."""
        first = last = None
        for block in blocks:
            layout = block.layout()
            if layout.lineCount() or block.blockNumber() in self._done:
                continue
            ranges = []
            for start, length, fmt in self._runs(block, len(block.text())):
                r = QTextLayout.FormatRange()
                r.start, r.length, r.format = start, length, fmt
                ranges.append(r)
            if ranges:
                layout.setFormats(ranges)
                first, last = first or block, block
            self._done.add(block.blockNumber())
        if first is not None and last is not None:
            # setFormats noted a change in the document that Qt would pass on to the
            # document's layout with the next change, as one range reaching from here to
            # there (every block between would lose its lines). It is passed on now, while
            # nothing near the first screen has been laid out.
            self.document().markContentsDirty(
                first.position(), last.position() + last.length() - first.position())

    def forget(self) -> None:
        """Every block will be formatted again when next seen (after a display change)."""
        self._done.clear()

    def _blocks(self, start: int, end: int) -> list[QTextBlock]:
        doc = self.document()
        u_end = self._utf16.to_utf16(max(start, end - 1))
        block = doc.findBlock(self._utf16.to_utf16(start))
        out = []
        while block.isValid() and block.position() <= u_end:
            out.append(block)
            block = block.next()
        return out

    def apply(self, pairs: Iterable[tuple[SpanData | None, SpanData | None]]) -> None:
        """Update the index for changed spans and redraw only their blocks."""
        ranges = []
        for before, after in pairs:
            for sp in (before, after):
                if sp is not None:
                    old = self.index.remove(sp.id)
                    if old is not None:
                        ranges.append((old.start, old.end))
            if after is not None:
                self.index.add(after)
                ranges.append((after.start, after.end))
        seen: set[int] = set()
        for a, b in ranges:
            for block in self._blocks(a, b):
                if block.blockNumber() not in seen:
                    seen.add(block.blockNumber())
                    self._redraw(block)

    def set_show_rejected(self, on: bool) -> None:
        self.show_rejected = on
        self._done.clear()  # the viewer re-formats what is in view

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
        block = self.currentBlock()
        if not self._wanted and block.blockNumber() not in self._done:
            return  # Qt's own pass over blocks that have not been in view
        self._done.add(block.blockNumber())
        for start, length, fmt in self._runs(block, len(text)):
            self.setFormat(start, length, fmt)

    def _runs(self, block: QTextBlock, n_chars: int) -> list[tuple[int, int, QTextCharFormat]]:
        """(start, length, format) in the block's UTF-16 units, for the spans over it."""
        base_u = block.position()
        a = self._utf16.from_utf16(base_u)
        entries = self.index.overlapping(a, a + n_chars)
        if not self.show_rejected:
            entries = [e for e in entries if e.status != "rejected"]
        if not entries:
            return []
        n = block.length() - 1
        to_u = self._utf16.to_utf16

        def rel(cp: int) -> int:
            return min(max(to_u(cp) - base_u, 0), n)

        if len(entries) == 1:
            e = entries[0]
            s, t = rel(e.start), rel(e.end)
            return [(s, t - s, self._format(e, None))] if t > s else []
        runs = []
        bounds = [(rel(e.start), rel(e.end), e) for e in entries]
        cuts = sorted({x for s, t, _ in bounds for x in (s, t)})
        for s, t in itertools.pairwise(cuts):
            cover = [e for es, et, e in bounds if es <= s and et >= t]
            if not cover:
                continue
            cover.sort(key=lambda e: e.end - e.start)
            outer = cover[-1] if len(cover) > 1 else None
            runs.append((s, t - s, self._format(cover[0], outer)))
        return runs

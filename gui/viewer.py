"""The judgment viewer: read-only plain text, spans drawn by SpanHighlighter.

Positions leave this widget in code points (core's offsets); Qt's UTF-16 positions are
converted here and nowhere else. The viewer takes no input-method text: a label's key
pressed while a Japanese input method is on arrives as a commit string and is handled
like the plain key.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QHelpEvent,
    QInputMethodEvent,
    QKeyEvent,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from core.model import SPAN_STATUS_JA, DocumentData, LabelData, SpanData
from core.text.offsets import Utf16Index
from core.value_text import value_text
from gui.fonts import DEFAULT_POINT_SIZE, viewer_font
from gui.highlighter import SpanHighlighter, ink

# Kana a Japanese input method commits for a single key in kana/romaji mode.
_KANA_KEYS = {"あ": "a"}


def trim_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace (incl. full-width spaces and line breaks) at both edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def key_char(s: str) -> str:
    """A typed character folded to the ASCII key it stands for (ｍ -> m, あ -> a)."""
    s = _KANA_KEYS.get(s, s)
    return unicodedata.normalize("NFKC", s).lower()


class JudgmentViewer(QPlainTextEdit):
    tagRequested = Signal(str)  # label key, for the current selection
    acceptAllRequested = Signal()
    cursorMoved = Signal(int)  # code point

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMouseTracking(True)
        self.document().setDocumentMargin(18)
        self.point_size = DEFAULT_POINT_SIZE
        self.setFont(viewer_font(self.point_size))
        self.highlighter = SpanHighlighter(self.document())
        self.utf16 = Utf16Index("")
        self.text = ""
        self.shortcuts: dict[str, str] = {}  # key char -> label key
        self.labels: dict[str, LabelData] = {}
        self.spans_at: Callable[[int], list[SpanData]] = lambda _pos: []
        self.menu_actions: list = []  # QActions shown in the context menu
        self._current: tuple[int, int, str] | None = None
        self._hits: list[tuple[int, int]] = []
        self.cursorPositionChanged.connect(lambda: self.cursorMoved.emit(self.cursor_cp()))
        self.verticalScrollBar().valueChanged.connect(self.highlight_visible)

    # --- content -------------------------------------------------------------------------

    def set_labels(self, labels: Iterable[LabelData]) -> None:
        self.labels = {lb.key: lb for lb in labels}
        self.shortcuts = {lb.shortcut.lower(): lb.key for lb in self.labels.values()
                          if lb.shortcut and lb.active}
        self.highlighter.set_colors({k: lb.color for k, lb in self.labels.items()})

    def load(self, doc: DocumentData, utf16: Utf16Index, spans: Iterable[SpanData]) -> None:
        self.text = doc.text
        self.utf16 = utf16
        self._current, self._hits = None, []
        self.setExtraSelections([])
        self.highlighter.set_spans(utf16, spans)
        with self.highlighter.unwatched():  # blocks are formatted as they come into view
            self.setPlainText(doc.text)  # plain text: markup in a judgment shows literally
        self.highlighter.prime(self._first_screen())
        self.highlight_visible()

    def reset_spans(self, spans: Iterable[SpanData]) -> None:
        self.highlighter.set_spans(self.utf16, spans)
        self.highlight_visible()

    def set_show_rejected(self, on: bool) -> None:
        self.highlighter.set_show_rejected(on)
        self.highlight_visible()

    def highlight_visible(self) -> None:
        """Format the blocks in view that are not formatted yet. Called whenever the view
        moves or grows, before it is painted, so nothing needs formatting ahead."""
        block = self.firstVisibleBlock()
        limit = self.viewport().height()
        offset = self.contentOffset()
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > limit:
                break
            self.highlighter.ensure(block)
            block = block.next()

    def _first_screen(self) -> Iterator[QTextBlock]:
        """The blocks from the first in view holding as many characters as fill the view at
        the font's average width (found without laying anything out). A screen of narrower
        characters shows more: highlight_visible formats those."""
        fm = QFontMetricsF(self.font())
        vp = self.viewport()
        budget = vp.width() / max(fm.averageCharWidth(), 1.0) * vp.height() / max(
            fm.lineSpacing(), 1.0)
        block = self.firstVisibleBlock()
        while block.isValid() and budget > 0:
            yield block
            budget -= block.length()
            block = block.next()

    def zoom(self, step: int) -> None:
        self.point_size = max(7, min(40, self.point_size + step))
        self.setFont(viewer_font(self.point_size))
        self.highlight_visible()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self.highlight_visible()

    # --- positions -----------------------------------------------------------------------

    def selection_cp(self) -> tuple[int, int]:
        c = self.textCursor()
        return (self.utf16.from_utf16(c.selectionStart()),
                self.utf16.from_utf16(c.selectionEnd()))

    def cursor_cp(self) -> int:
        return self.utf16.from_utf16(self.textCursor().position())

    def select_cp(self, start: int, end: int, *, center: bool = True) -> None:
        c = self._cursor(start, end)
        if c != self.textCursor():
            self.setTextCursor(c)
        if center:
            self.centerCursor()

    def _cursor(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting [start, end) (anchor at start). The viewer's own cursor is
        reused when it selects just that (right after tagging a selection): setPosition
        computes the caret's x, which lays out and shapes the line again."""
        a, b = self.utf16.to_utf16(start), self.utf16.to_utf16(end)
        c = self.textCursor()
        if c.anchor() == a and c.position() == b:
            return c
        c = QTextCursor(self.document())
        c.setPosition(a)
        c.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        return c

    # --- transient highlights: the current span and search hits --------------------------

    def set_current(self, span: SpanData | None) -> None:
        self._current = (span.start, span.end, span.label) if span else None
        self._update_extra()

    def set_hits(self, hits: list[tuple[int, int]]) -> None:
        self._hits = hits
        self._update_extra()

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = self._cursor(start, end)  # type: ignore[attr-defined]
        sel.format = fmt  # type: ignore[attr-defined]
        return sel

    def _update_extra(self) -> None:
        sels = []
        hit_fmt = QTextCharFormat()
        hit_fmt.setBackground(QColor("#ffe066"))
        for a, b in self._hits[:2000]:
            sels.append(self._selection(a, b, hit_fmt))
        if self._current is not None:
            a, b, label = self._current
            lb = self.labels.get(label)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(lb.color if lb else "#dddddd").darker(118))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(ink(QColor(lb.color if lb else "#888888")))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            sels.append(self._selection(a, b, fmt))
        self.setExtraSelections(sels)

    # --- keys ----------------------------------------------------------------------------

    def dispatch_char(self, ch: str) -> bool:
        """A label key tags the selection; `a` accepts every suggestion of a label."""
        k = key_char(ch)
        if k in self.shortcuts:
            self.tagRequested.emit(self.shortcuts[k])
            return True
        if k == "a":
            self.acceptAllRequested.emit()
            return True
        return False

    def keyPressEvent(self, e: QKeyEvent) -> None:
        km = Qt.KeyboardModifier
        mods = e.modifiers() & ~km.ShiftModifier & ~km.KeypadModifier
        text = e.text()
        if not mods and len(text) == 1 and text.isprintable() and self.dispatch_char(text):
            e.accept()
            return
        super().keyPressEvent(e)

    def inputMethodEvent(self, e: QInputMethodEvent) -> None:
        for ch in e.commitString():
            self.dispatch_char(ch)
        e.accept()

    # --- tooltips and the context menu ---------------------------------------------------

    def viewportEvent(self, e: QEvent) -> bool:
        """Hover tooltips: the spans under the mouse (tooltip events reach the viewport)."""
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            c = self.cursorForPosition(e.pos())
            tip = self.tooltip_at(self.utf16.from_utf16(c.position()))
            if tip:
                QToolTip.showText(e.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().viewportEvent(e)

    def tooltip_at(self, pos: int) -> str:
        """Label name, status and value of the spans at `pos`, as escaped rich text."""
        rows = []
        for sp in self.spans_at(pos):
            if sp.status == "rejected" and not self.highlighter.show_rejected:
                continue
            if not sp.start <= pos < sp.end:
                continue
            lb = self.labels.get(sp.label)
            name = lb.name if lb else sp.label
            shown = value_text(sp.label, sp.value)
            value = f"：{shown}" if shown else ""
            rows.append(html.escape(f"{name}（{SPAN_STATUS_JA.get(sp.status, sp.status)}）"
                                    f"{value}「{sp.text[:40]}」"))
        return "<br>".join(rows)

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        menu = QMenu(self)
        tag = menu.addMenu("タグ付け")
        for lb in self.labels.values():
            if not lb.active:
                continue
            act = tag.addAction(f"{lb.name}\t{lb.shortcut}")
            act.triggered.connect(lambda _=False, k=lb.key: self.tagRequested.emit(k))
        tag.setEnabled(self.textCursor().hasSelection())
        for act in self.menu_actions:
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction("コピー", self.copy)
        menu.exec(e.globalPos())

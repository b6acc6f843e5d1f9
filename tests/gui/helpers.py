"""Small helpers shared by the window tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from core.model import SpanData


def span_with(win, label: str, text: str | None = None) -> SpanData:  # type: ignore[no-untyped-def]
    hits = [s for s in win.ctl.spans() if s.label == label and (text is None or s.text == text)]
    assert hits, (label, text)
    return hits[0]


def settle() -> None:
    """Let the event loop run, as it does between two keys: the views beside the viewer
    (span table, counts, detail pane) follow an edit from a zero-interval timer."""
    for _ in range(3):
        QApplication.processEvents()


def commit_text(widget: QWidget, text: str) -> None:
    """What an input method sends when it commits `text` (QTest keys are ASCII only)."""
    ev = QInputMethodEvent("", [])
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def type_char(widget: QWidget, ch: str) -> None:
    """A key press carrying a non-ASCII character, as a keyboard layout would send it."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0,
                                             Qt.KeyboardModifier.NoModifier, ch))

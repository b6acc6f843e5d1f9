"""The whole story from the keyboard: review a judgment, tag, fix, undo, finish, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from core import services
from core.importer import import_paths
from core.store.migrate import open_store
from gui.controller import Controller
from gui.main_window import MainWindow
from tests.gui.conftest import JUDGMENT, SECOND
from tests.gui.helpers import commit_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_window(qtbot, url: str, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(Controller(open_store(url), "yamada"), settings)
    win.quiet_errors = True
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.viewer.setFocus()
    return win


def find_and_select(qtbot, win: MainWindow, needle: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(win.viewer, Qt.Key.Key_F, CTRL)
    win.find_bar.edit.clear()
    commit_text(win.find_bar.edit, needle)  # typed through the input method
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Return)
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Escape)
    assert win.viewer.hasFocus()
    assert win.viewer.textCursor().selectedText() == needle


def test_keyboard_only_story(qtbot, tmp_path: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(JUDGMENT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'story.db'}"
    setup = open_store(url)
    results = list(import_paths(setup, [tmp_path / "a.txt", tmp_path / "b.txt"]))  # real extractors
    setup.dispose()
    doc_id = results[0].document_id
    assert doc_id is not None

    win = open_window(qtbot, url, settings)
    assert win.ctl.document.id == doc_id
    n_suggested = sum(s.status == "suggested" for s in win.ctl.spans())
    assert n_suggested > 0

    # Walk every suggestion: accept one, reject the next.
    qtbot.keyClick(win.viewer, Qt.Key.Key_Home, CTRL)
    decided: dict[int, str] = {}
    for i in range(n_suggested):
        qtbot.keyClick(win.viewer, Qt.Key.Key_Tab)
        cur = win.editor.current()
        assert cur is not None and cur.status == "suggested" and cur.id not in decided
        qtbot.keyClick(win.viewer, Qt.Key.Key_Return if i % 2 == 0 else Qt.Key.Key_Delete)
        decided[cur.id] = "accepted" if i % 2 == 0 else "rejected"
    assert not [s for s in win.ctl.spans() if s.status == "suggested"]

    # Tag three new spans, one of them a character short.
    for needle, key in (("貸付金", Qt.Key.Key_T), ("株式会社みどり商事", Qt.Key.Key_O),
                        ("訴訟費", Qt.Key.Key_T)):
        find_and_select(qtbot, win, needle)
        qtbot.keyClick(win.viewer, key)
    # Fix the boundary of the last one, then undo and redo the fix.
    qtbot.keyClick(win.viewer, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | SHIFT)
    assert win.editor.current().text == "訴訟費用"
    qtbot.keyClick(win.viewer, Qt.Key.Key_Z, CTRL)
    assert win.editor.current().text == "訴訟費"
    qtbot.keyClick(win.viewer, Qt.Key.Key_Z, CTRL | SHIFT)
    assert win.editor.current().text == "訴訟費用"

    # Done, and the next judgment opens.
    qtbot.keyClick(win.viewer, Qt.Key.Key_Return, CTRL)
    assert win.ctl.document.id != doc_id
    win.close()
    win.ctl.store.dispose()

    again = open_window(qtbot, url, settings)
    summary = {d.id: d for d in again.ctl.documents()}[doc_id]
    assert summary.status == "done"
    again.open_document(doc_id)
    spans = {s.id: s for s in again.ctl.spans()}
    assert {i: spans[i].status for i in decided} == decided
    manual = sorted((s.label, s.text, s.status) for s in spans.values() if s.source == "manual")
    assert manual == sorted([("ORG", "株式会社みどり商事", "accepted"),
                             ("TERM", "貸付金", "accepted"), ("TERM", "訴訟費用", "accepted")])
    # what the window shows is what the store holds
    assert spans == {s.id: s for s in services.list_spans(again.ctl.store, doc_id)}
    again.close()
    again.ctl.store.dispose()

"""Undo and redo: each command calls the services again; the store follows the stack."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core import services
from tests.gui.helpers import settle, span_with

CTRL = Qt.KeyboardModifier.ControlModifier


def stored(win):  # type: ignore[no-untyped-def]
    return {s.id: s for s in services.list_spans(win.ctl.store, win.ctl.document.id)}


def test_add_undo_redo_keeps_the_span_id(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    s = win.viewer.text.index("訴訟費用")
    win.viewer.select_cp(s, s + 4)
    qtbot.keyClick(win.viewer, Qt.Key.Key_T)
    term = span_with(win, "TERM")
    qtbot.keyClick(win.viewer, Qt.Key.Key_Z, CTRL)
    assert term.id not in stored(win)
    assert win.ctl.span(term.id) is None
    qtbot.keyClick(win.viewer, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert stored(win)[term.id].text == "訴訟費用"
    qtbot.keyClick(win.viewer, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(win.viewer, Qt.Key.Key_Y, CTRL)
    assert stored(win)[term.id].text == "訴訟費用"


def test_delete_undo_restores(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    s = win.viewer.text.index("訴訟費用")
    win.viewer.select_cp(s, s + 4)
    term = win.editor.tag("TERM")
    win.editor.reject()
    assert term.id not in stored(win)
    win.editor.stack().undo()
    assert stored(win)[term.id].status == "accepted"
    win.editor.stack().redo()
    assert term.id not in stored(win)


def test_status_and_boundary_changes_undo_in_order(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    money = span_with(win, "MONEY")
    win.editor.set_current(money.id)
    win.editor.accept()
    win.editor.move_boundary("end", -1)
    assert (stored(win)[money.id].status, stored(win)[money.id].text) == ("accepted", "120万")
    win.editor.stack().undo()
    assert (stored(win)[money.id].status, stored(win)[money.id].text) == ("accepted", "120万円")
    win.editor.stack().undo()
    assert stored(win)[money.id].status == "suggested"
    win.editor.stack().redo()
    win.editor.stack().redo()
    assert (stored(win)[money.id].status, stored(win)[money.id].text) == ("accepted", "120万")
    assert win.ctl.span(money.id).text == "120万"


def test_detail_edit_undo(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    money = span_with(win, "MONEY")
    win.editor.set_current(money.id)
    win.detail.value.setPlainText("1300000")
    win.detail.note.setText("要確認")
    win.detail.apply_button.click()
    sp = stored(win)[money.id]
    assert (sp.value, sp.note) == (1300000, "要確認")
    win.editor.stack().undo()
    sp = stored(win)[money.id]
    assert (sp.value, sp.note) == (1200000, None)
    settle()
    assert win.detail.value.toPlainText() == "1200000"


def test_accept_all_undo_puts_statuses_back(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    money = span_with(win, "MONEY")
    win.editor.set_current(money.id)
    win.editor.accept_all()
    assert {s.status for s in stored(win).values() if s.label == "MONEY"} == {"accepted"}
    win.editor.stack().undo()
    assert {s.status for s in stored(win).values() if s.label == "MONEY"} == {"suggested"}
    win.editor.stack().redo()
    assert {s.status for s in stored(win).values() if s.label == "MONEY"} == {"accepted"}


def test_each_document_has_its_own_stack(make_window, imported) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    first, second = imported
    s = win.viewer.text.index("訴訟費用")
    win.viewer.select_cp(s, s + 4)
    win.editor.tag("TERM")
    win.open_document(second)
    assert not win.editor.undo_group.canUndo()
    win.open_document(first)
    assert win.editor.undo_group.canUndo()
    assert win.editor.undo_group.undoText().startswith("タグ付け")

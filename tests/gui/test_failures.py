"""A write that fails is shown, and the screen shows what the database holds."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

import core.store.db as db
from core import services
from core.store.migrate import open_store
from gui.main_window import SAVED
from tests.gui.helpers import span_with


def test_conflict_is_reported_and_spans_reloaded(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    money = span_with(win, "MONEY")
    # Someone else rejects it in the meantime.
    services.update_span(win.ctl.store, money.id, expected_version=money.version,
                         status="rejected", annotator="other")
    win.editor.set_current(money.id)
    qtbot.keyClick(win.viewer, Qt.Key.Key_Return)
    assert win.st_saved.text() != SAVED
    assert "他の人" in win.statusBar().currentMessage()
    assert win.ctl.span(money.id).status == "rejected"  # re-read from the store
    assert not win.editor.undo_group.canUndo()
    row = win.spans.model.row_of(money.id)
    assert win.spans.model.span_at(row).status == "rejected"


def test_locked_database_is_reported(make_window, qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 100)
    store = open_store(f"sqlite:///{tmp_path / 'gui.db'}")
    win = make_window(store)
    other = sqlite3.connect(tmp_path / "gui.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        s = win.viewer.text.index("訴訟費用")
        win.viewer.select_cp(s, s + 4)
        qtbot.keyClick(win.viewer, Qt.Key.Key_T)
        assert "使用中" in win.statusBar().currentMessage()
        assert not [sp for sp in win.ctl.spans() if sp.label == "TERM"]
        assert not win.editor.undo_group.canUndo()
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.keyClick(win.viewer, Qt.Key.Key_T)  # once the lock is gone it saves
    assert span_with(win, "TERM").text == "訴訟費用"
    assert win.st_saved.text() == SAVED
    store.dispose()


def test_undo_that_fails_drops_the_command(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    s = win.viewer.text.index("訴訟費用")
    win.viewer.select_cp(s, s + 4)
    term = win.editor.tag("TERM")
    services.update_span(win.ctl.store, term.id, expected_version=term.version, note="他者")
    win.editor.stack().undo()  # the delete meets a newer version: refused
    assert win.st_saved.text() != SAVED
    assert win.ctl.span(term.id) is not None
    assert win.ctl.span(term.id).note == "他者"
    assert win.editor.stack().count() == 0


@pytest.mark.parametrize("bad", ["{1200000", "[1, 2", "'x'"])
def test_detail_rejects_invalid_json(make_window, bad: str) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    money = span_with(win, "MONEY")
    win.editor.set_current(money.id)
    win.detail.value.setPlainText(bad)
    assert "JSON" in win.detail.error.text()
    assert not win.detail.apply_button.isEnabled()
    win.detail.apply()
    after = {sp.id: sp for sp in services.list_spans(win.ctl.store, win.ctl.document.id)}
    assert (after[money.id].value, after[money.id].version) == (1200000, money.version)

"""Tagging and reviewing from the keyboard (and the mouse, the labels dock, an input method)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from core import services
from tests.gui.helpers import commit_text, span_with, type_char

SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | SHIFT
CTRL_ALT_SHIFT = Qt.KeyboardModifier.ControlModifier | ALT_SHIFT


def put_cursor(win, cp: int) -> None:  # type: ignore[no-untyped-def]
    c = win.viewer.textCursor()
    c.setPosition(win.viewer.utf16.to_utf16(cp))
    win.viewer.setTextCursor(c)


def stored(win):  # type: ignore[no-untyped-def]
    return {s.id: s for s in services.list_spans(win.ctl.store, win.ctl.document.id)}


def test_shift_arrows_then_label_key_tags_across_astral(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    text = win.viewer.text
    start = text.index("𠮷")
    put_cursor(win, start)
    for _ in range(4):  # 𠮷 is two UTF-16 units but one step
        qtbot.keyClick(win.viewer, Qt.Key.Key_Right, SHIFT)
    assert win.viewer.selection_cp() == (start, start + 4)
    qtbot.keyClick(win.viewer, Qt.Key.Key_N)  # n = 人名
    new = [s for s in stored(win).values() if s.source == "manual"]
    assert [(s.label, s.text, s.status) for s in new] == [("PERSON", "𠮷田花子", "accepted")]


def test_label_key_trims_whitespace_at_the_edges(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    text = win.viewer.text
    s = text.index("被告は、原告に対し") - 1  # starts on the full-width space after "1"
    win.viewer.select_cp(s, s + 3)
    qtbot.keyClick(win.viewer, Qt.Key.Key_P)
    sp = next(s for s in stored(win).values() if s.source == "manual")
    assert (sp.label, sp.text) == ("PARTY", "被告")


def test_mouse_drag_then_key(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    v = win.viewer
    s = v.text.index("株式会社みどり商事")
    c = QTextCursor(v.document())
    c.setPosition(v.utf16.to_utf16(s))
    a = v.cursorRect(c).center()
    c.setPosition(v.utf16.to_utf16(s + 9))
    b = v.cursorRect(c).center()
    qtbot.mousePress(v.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(v.viewport(), b)
    qtbot.mouseRelease(v.viewport(), Qt.MouseButton.LeftButton, pos=b)
    assert v.textCursor().selectedText() == "株式会社みどり商事"
    qtbot.keyClick(v, Qt.Key.Key_O)
    assert span_with(win, "ORG").text == "株式会社みどり商事"


def test_label_keys_work_with_an_input_method_on(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    s = win.viewer.text.index("貸付金")
    win.viewer.select_cp(s, s + 3)
    commit_text(win.viewer, "ｔ")  # what a Japanese IME commits for the t key
    assert span_with(win, "TERM").text == "貸付金"
    s2 = win.viewer.text.index("訴訟費用")
    win.viewer.select_cp(s2, s2 + 4)
    type_char(win.viewer, "ｔ")
    assert {sp.text for sp in stored(win).values() if sp.label == "TERM"} == {"貸付金", "訴訟費用"}
    assert "ｔ" not in win.viewer.toPlainText()


def test_labels_dock_activation_tags_the_selection(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    s = win.viewer.text.index("貸金返還請求事件")
    win.viewer.select_cp(s, s + 8)
    row = [lb.key for lb in win.ctl.labels() if lb.active].index("TERM")
    win.labels.table.itemActivated.emit(win.labels.table.item(row, 0))
    assert span_with(win, "TERM").text == "貸金返還請求事件"


def test_enter_accepts_the_suggestion_under_the_cursor(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    date = span_with(win, "DATE")
    put_cursor(win, date.start + 2)
    qtbot.keyClick(win.viewer, Qt.Key.Key_Return)
    assert stored(win)[date.id].status == "accepted"
    assert win.ctl.span(date.id).status == "accepted"


def test_delete_rejects_a_suggestion_and_removes_a_manual_span(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    rate = span_with(win, "RATE")
    put_cursor(win, rate.start + 1)
    qtbot.keyClick(win.viewer, Qt.Key.Key_Delete)
    assert stored(win)[rate.id].status == "rejected"
    s = win.viewer.text.index("訴訟費用")
    win.viewer.select_cp(s, s + 4)
    qtbot.keyClick(win.viewer, Qt.Key.Key_T)
    term = span_with(win, "TERM")
    qtbot.keyClick(win.viewer, Qt.Key.Key_Delete)
    assert term.id not in stored(win)
    assert win.ctl.span(term.id) is None


def test_tab_and_shift_tab_walk_suggestions_in_order(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    put_cursor(win, 0)
    order = sorted((s for s in win.ctl.spans() if s.status == "suggested"),
                   key=lambda s: (s.start, s.id))
    seen = []
    for _ in order:
        qtbot.keyClick(win.viewer, Qt.Key.Key_Tab)
        seen.append(win.editor.current_id)
        cur = win.ctl.span(seen[-1])
        assert win.viewer.selection_cp() == (cur.start, cur.end)
        assert win.viewer.hasFocus()
    assert seen == [s.id for s in order]
    qtbot.keyClick(win.viewer, Qt.Key.Key_Backtab, SHIFT)
    assert win.editor.current_id == order[-2].id


def test_a_accepts_all_suggestions_of_the_label_after_confirming(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    asked = []
    win.editor.confirm = lambda title, text: asked.append(text) or False
    money = span_with(win, "MONEY")
    win.editor.set_current(money.id)
    qtbot.keyClick(win.viewer, Qt.Key.Key_A)
    assert asked and "2 件" in asked[0]
    assert all(s.status == "suggested" for s in stored(win).values() if s.label == "MONEY")
    win.editor.confirm = lambda title, text: True
    qtbot.keyClick(win.viewer, Qt.Key.Key_A, SHIFT)
    st = stored(win).values()
    assert [s.status for s in st if s.label == "MONEY"] == ["accepted", "accepted"]
    assert all(s.status == "suggested" for s in st if s.label in ("DATE", "RATE"))


def test_boundary_keys_move_end_and_start(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    money = span_with(win, "MONEY")
    win.editor.set_current(money.id)
    qtbot.keyClick(win.viewer, Qt.Key.Key_Left, ALT_SHIFT)
    assert stored(win)[money.id].text == "120万"
    qtbot.keyClick(win.viewer, Qt.Key.Key_Right, ALT_SHIFT)
    qtbot.keyClick(win.viewer, Qt.Key.Key_Left, CTRL_ALT_SHIFT)
    assert stored(win)[money.id].text == "金120万円"
    qtbot.keyClick(win.viewer, Qt.Key.Key_Right, CTRL_ALT_SHIFT)
    assert stored(win)[money.id].text == "120万円"
    assert win.viewer.textCursor().selectedText() == "120万円"


def test_ctrl_f_finds_every_hit(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    qtbot.keyClick(win.viewer, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.find_bar.isVisible()
    win.find_bar.edit.setText("120万円")
    assert len(win.find_bar.hits) == 2
    assert len(win.viewer.extraSelections()) == 2
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Return)
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Return)
    a, b = win.find_bar.hits[1]
    assert win.viewer.selection_cp() == (a, b)
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Escape)
    assert not win.find_bar.isVisible()


def test_ctrl_enter_marks_done_and_opens_the_next(make_window, qtbot, imported) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    first, second = imported
    assert win.ctl.document.id == first
    qtbot.keyClick(win.viewer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert services.load_document(win.ctl.store, first).status == "done"
    assert win.ctl.document.id == second
    statuses = {d.id: d.status for d in win.documents.model.documents()}
    assert statuses[first] == "done"

"""An edit is committed and drawn in the viewer before the key returns; the views beside
the viewer (span table, counts, detail pane) follow in the next pass of the event loop,
row by row: the span table gets a row inserted or removed, never a reset."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core import services
from core.model import SpanData
from gui.span_model import SpanTableModel
from tests.gui.helpers import settle, span_with

CTRL = Qt.KeyboardModifier.ControlModifier


def table_ids(win) -> list[int]:  # type: ignore[no-untyped-def]
    model = win.spans.model
    return sorted(model.span_at(r).id for r in range(model.rowCount()))


def drawn(win, sp: SpanData) -> bool:  # type: ignore[no-untyped-def]
    """The viewer has the span and its block carries formats."""
    v = win.viewer
    block = v.document().findBlock(v.utf16.to_utf16(sp.start))
    return v.highlighter.index.get(sp.id) is not None and bool(block.layout().formats())


class Signals:
    def __init__(self, model: SpanTableModel) -> None:
        self.resets = self.inserted = self.removed = 0
        model.modelReset.connect(lambda: self._count("resets"))
        model.rowsInserted.connect(lambda *_: self._count("inserted"))
        model.rowsRemoved.connect(lambda *_: self._count("removed"))

    def _count(self, name: str) -> None:
        setattr(self, name, getattr(self, name) + 1)


def tag(win, qtbot, needle: str) -> SpanData:  # type: ignore[no-untyped-def]
    s = win.viewer.text.index(needle)
    win.viewer.select_cp(s, s + len(needle))
    qtbot.keyClick(win.viewer, Qt.Key.Key_T)
    return span_with(win, "TERM", needle)


def test_a_key_commits_and_draws_at_once_and_the_table_follows(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    settle()
    before = table_ids(win)
    signals = Signals(win.spans.model)
    term = tag(win, qtbot, "訴訟費用")
    # Before the key returned: in the database and drawn in the viewer.
    stored = services.list_spans(win.ctl.store, win.ctl.document.id)
    assert term.id in {sp.id for sp in stored}
    assert drawn(win, term)
    assert table_ids(win) == before  # the side views wait for the event loop
    settle()
    assert table_ids(win) == sorted([*before, term.id])
    assert (signals.inserted, signals.resets) == (1, 0)
    assert win.spans.selected_span_id() == term.id
    assert win.detail.span is not None and win.detail.span.id == term.id
    assert win.labels.count_text("TERM") == "1"
    assert win.st_counts.text() == "確定 1・候補 9・却下 0"


def test_undo_and_redo_remove_and_insert_the_row(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    term = tag(win, qtbot, "訴訟費用")
    settle()
    signals = Signals(win.spans.model)
    qtbot.keyClick(win.viewer, Qt.Key.Key_Z, CTRL)
    assert not drawn(win, term)
    settle()
    assert term.id not in table_ids(win)
    assert win.labels.count_text("TERM") == "0"
    qtbot.keyClick(win.viewer, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert drawn(win, term)
    settle()
    assert term.id in table_ids(win)
    assert (signals.removed, signals.inserted, signals.resets) == (1, 1, 0)


def test_edits_between_two_passes_are_each_applied_once(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    settle()
    before = table_ids(win)
    first = tag(win, qtbot, "訴訟費用")
    second = tag(win, qtbot, "貸付金")
    money = span_with(win, "MONEY")
    win.editor.set_current(money.id)
    qtbot.keyClick(win.viewer, Qt.Key.Key_Return)  # accept the suggestion
    settle()
    assert table_ids(win) == sorted([*before, first.id, second.id])
    row = win.spans.model.row_of(money.id)
    assert row is not None and win.spans.model.span_at(row).status == "accepted"
    assert win.st_counts.text() == "確定 3・候補 8・却下 0"
    assert win.detail.span is not None and win.detail.span.id == money.id


def test_a_reset_before_the_refresh_wins_over_the_pending_edits(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    term = tag(win, qtbot, "訴訟費用")
    other = tag(win, qtbot, "貸付金")
    # Another program removes the new span before this window's side views caught up;
    # the re-read (a poll, or after a failed write) must not bring it back.
    services.delete_span(win.ctl.store, term.id, expected_version=term.version)
    win.ctl.reload_spans()
    settle()
    assert table_ids(win) == sorted(sp.id for sp in win.ctl.spans())
    assert term.id not in table_ids(win) and other.id in table_ids(win)
    assert win.spans.selected_span_id() == other.id


def test_opening_another_document_drops_the_pending_refresh(make_window, qtbot, imported) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    tag(win, qtbot, "訴訟費用")
    win.open_document(imported[1])
    settle()
    assert table_ids(win) == sorted(sp.id for sp in win.ctl.spans())


def sp(i: int, start: int) -> SpanData:
    return SpanData(id=i, document_id=1, label="MONEY", start=start, end=start + 2, text="金")


def test_table_model_changes_rows_in_place() -> None:
    model = SpanTableModel()
    model.set_spans([sp(1, 0), sp(2, 5)])
    signals = Signals(model)
    model.apply([(None, sp(3, 9))])
    model.apply([(sp(1, 0), None)])
    moved = sp(2, 7)
    model.apply([(sp(2, 5), moved)])
    assert [model.span_at(r).id for r in range(model.rowCount())] == [2, 3]
    assert model.span_at(model.row_of(2)) == moved  # type: ignore[arg-type]
    assert model.row_of(1) is None
    assert (signals.inserted, signals.removed, signals.resets) == (1, 1, 0)
    assert model.index(1, 5).data() == 9
    assert not model.index(2, 0).isValid() and not model.index(0, 6).isValid()
    assert not model.index(0, 0, model.index(0, 0)).isValid()  # a table: no children

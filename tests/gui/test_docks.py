"""The docks: documents, labels, outline, span table, detail pane, status bar, layout."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from core import services
from gui.document_model import COLUMNS as DOC_COLUMNS
from gui.main_window import SAVED
from gui.span_model import COLUMNS as SPAN_COLUMNS
from gui.span_model import SPAN_ID_ROLE
from tests.gui.helpers import settle, span_with


def cell(view, row: int, col: int) -> str:  # type: ignore[no-untyped-def]
    return str(view.model().index(row, col).data())


def test_document_list_shows_status_progress_and_filters(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    view = win.documents.view
    assert view.model().rowCount() == 2
    status_col, prog_col = DOC_COLUMNS.index("status"), DOC_COLUMNS.index("progress")
    assert cell(view, 0, status_col) == "作業中"  # suggestions were added
    assert cell(view, 1, status_col) == "未着手"
    assert cell(view, 0, prog_col).startswith("0%")
    assert cell(view, 1, DOC_COLUMNS.index("case_number")) == "令和5(ワ)456"
    assert cell(view, 1, DOC_COLUMNS.index("court")) == "架空地方裁判所"
    money = span_with(win, "MONEY")
    win.editor.set_current(money.id)
    win.editor.accept()
    settle()
    assert cell(view, 0, prog_col) == "11%（1/9）"  # 1 of 5 + 4 sections
    win.documents.filter.setText("損害賠償")
    assert view.model().rowCount() == 1


def test_labels_dock_lists_shortcuts_and_counts(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    table = win.labels.table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "金額" in names
    assert table.item(names.index("金額"), 1).text() == "m"
    assert win.labels.count_text("MONEY") == "0（候補 2）"
    money = span_with(win, "MONEY")
    win.editor.set_current(money.id)
    win.editor.accept()
    settle()
    assert win.labels.count_text("MONEY") == "1（候補 1）"


def test_outline_is_built_from_sections_and_jumps(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    assert win.outline.item_texts() == ["主文", "事実及び理由", "  第1 請求", "  第2 事案の概要"]
    parent = win.outline.tree.topLevelItem(1)
    win.outline.tree.itemClicked.emit(parent.child(1), 0)
    assert win.viewer.textCursor().selectedText() == "第2　事案の概要"


def test_span_table_sorts_filters_and_follows_the_viewer(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    view = win.spans.view
    proxy = view.model()
    assert proxy.rowCount() == 9
    label_col = SPAN_COLUMNS.index("label")
    view.sortByColumn(label_col, Qt.SortOrder.AscendingOrder)
    labels = [cell(view, r, label_col) for r in range(proxy.rowCount())]
    assert labels == sorted(labels)
    win.spans.filter.setText("万円")
    assert proxy.rowCount() == 2
    win.spans.filter.setText("")
    # clicking a row selects the span in the viewer
    date = span_with(win, "DATE")
    row = next(r for r in range(proxy.rowCount())
               if cell(view, r, SPAN_COLUMNS.index("text")) == "令和4年4月1日")
    view.clicked.emit(proxy.index(row, 0))
    assert win.viewer.selection_cp() == (date.start, date.end)
    assert win.detail.span.id == date.id
    # moving the viewer's cursor into another span selects that row
    rate = span_with(win, "RATE")
    c = win.viewer.textCursor()
    c.setPosition(win.viewer.utf16.to_utf16(rate.start + 1))
    win.viewer.setTextCursor(c)
    assert win.spans.selected_span_id() == rate.id
    assert win.detail.where.text().endswith("「年3分」")


def test_span_table_shows_values_readably_and_keeps_the_json_in_the_tooltip(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    view = win.spans.view
    proxy = view.model()
    value_col = SPAN_COLUMNS.index("value")
    money = span_with(win, "MONEY", "120万円")
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, 0).data(SPAN_ID_ROLE) == money.id)
    idx = proxy.index(row, value_col)
    assert idx.data() == "1,200,000円"
    assert idx.data(Qt.ItemDataRole.ToolTipRole) == "1200000"  # the stored value, whole
    win.spans.filter.setText("1,200,000円")  # the filter reads the value as shown
    assert money.id in {proxy.index(r, 0).data(SPAN_ID_ROLE) for r in range(proxy.rowCount())}
    assert proxy.rowCount() < view.model().sourceModel().rowCount()


def test_detail_pane_changes_the_label(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    money = span_with(win, "MONEY")
    win.editor.set_current(money.id)
    win.detail.label.setCurrentIndex(win.detail.label.findData("RATE"))
    win.detail.apply_button.click()
    stored = {s.id: s for s in services.list_spans(win.ctl.store, win.ctl.document.id)}
    assert stored[money.id].label == "RATE"


def test_detail_pane_checks_the_value_against_the_labels_value_type(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    money = span_with(win, "MONEY")
    win.editor.set_current(money.id)
    d = win.detail
    assert d.shown.text() == "1,200,000円" and d.apply_button.isEnabled()
    d.value.setPlainText('"120万"')
    assert not d.apply_button.isEnabled() and "0 以上の整数" in d.error.text()
    d.apply_button.click()  # refused: nothing is written
    assert win.ctl.span(money.id).value == 1200000
    d.value.setPlainText("1300000")
    assert d.apply_button.isEnabled() and d.shown.text() == "1,300,000円" and not d.error.text()
    d.label.setCurrentIndex(d.label.findData("DATE"))  # a number is no date
    assert not d.apply_button.isEnabled() and "日付" in d.error.text()
    d.value.setPlainText('"2023-02-30"')
    assert not d.apply_button.isEnabled()
    d.value.setPlainText('"2023-02-28"')
    assert d.apply_button.isEnabled()
    d.apply_button.click()
    stored = win.ctl.span(money.id)
    assert (stored.label, stored.value) == ("DATE", "2023-02-28")


def test_status_bar(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    assert "貸金返還請求事件" in win.st_doc.text() or "a_kashikin" in win.st_doc.text()
    assert win.st_counts.text() == "確定 0・候補 9・却下 0"
    assert "tester" in win.st_who.text()
    assert "gui.db" in win.st_db.text()
    assert win.st_saved.text() == SAVED


def test_layout_is_remembered(make_window, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    win.outline.hide()
    win.close()
    settings.sync()
    assert settings.value("window/state") is not None
    again = make_window()
    assert not again.outline.isVisible()
    assert again.labels.isVisible()


def test_outline_row_of_a_part_without_title_is_its_kind_on_one_line() -> None:
    from core.model import SpanData
    from gui.docks.outline import heading

    block = "(住所省略)\n原告　甲野太郎\n被告　乙川商事株式会社"
    text = "判決\n" + block + "\n主文\n"
    parties = SpanData(1, 1, "SECTION", 3, 3 + len(block), block,
                       {"kind": "当事者", "level": 0, "number": "", "title": ""})
    assert heading(parties, text) == (0, "当事者")
    bare = SpanData(2, 1, "SECTION", 3, 3 + len(block), block, None)
    assert heading(bare, text) == (1, "(住所省略)")

"""The workbench inside the main window: menus, docks and their wiring (offscreen)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from collections.abc import Callable

from PySide6.QtCore import Qt

from core import schema, services
from gui.workbench import Workbench, install_workbench


def _wb(win) -> Workbench:
    wb = getattr(win, "workbench", None)
    return wb if wb is not None else install_workbench(win, first_run=False)


def test_menu_and_docks(make_window: Callable) -> None:
    win = make_window()
    wb = _wb(win)
    menus = [a.text() for a in win.menuBar().actions()]
    assert "ツール(&T)" in menus
    assert {"import_files", "schema", "stats", "settings", "search", "guidelines"} <= set(
        wb.actions)
    assert wb.actions["guidelines"].shortcut().toString() == "F1"
    assert win.actions_["keys"].shortcut().toString() == "Shift+F1"
    for dock in (wb.search, wb.filter, wb.tags, wb.guidelines):
        assert dock.parent() is win and dock.objectName()


def test_search_hit_opens_document_at_hit(make_window: Callable, imported: list[int],
                                          qtbot) -> None:
    win = make_window()
    wb = _wb(win)
    wb.search.query.setText("金３０万円")  # full width folds to 金30万円 at import
    wb.search.query.setText("金30万円")
    wb.search.run()
    assert wb.search.status.text().startswith("1 文書で 1 件")
    assert win.ctl.document.id == imported[0]
    item = wb.search.table.item(0, 2)
    assert "【金30万円】" in item.text()
    with qtbot.waitSignal(wb.search.openAt) as sig:
        wb.search.table.itemDoubleClicked.emit(item)
    assert sig.args[0] == imported[1]
    assert win.ctl.document.id == imported[1]
    s, e = win.viewer.selection_cp()
    assert win.ctl.document.text[s:e] == "金30万円"


def test_search_bad_regex_message(make_window: Callable) -> None:
    wb = _wb(make_window())
    wb.search.regex.setChecked(True)
    wb.search.query.setText("(金")
    wb.search.run()
    assert "正規表現が正しくありません" in wb.search.status.text()
    assert wb.search.table.rowCount() == 0


def test_filter_dock_lists_and_opens(make_window: Callable, imported: list[int]) -> None:
    win = make_window()
    wb = _wb(win)
    wb.filter.refresh_courts()
    wb.filter.court.setCurrentText("架空地方")
    assert [d.id for d in wb.filter.apply()] == [imported[1]]
    wb.filter.table.itemActivated.emit(wb.filter.table.item(0, 0))
    assert win.ctl.document.id == imported[1]
    wb.filter.clear()
    assert wb.filter.table.rowCount() == 2
    money = next(i for i in range(wb.filter.label_list.count())
                 if wb.filter.label_list.item(i).text() == "金額")
    wb.filter.label_list.item(money).setCheckState(Qt.CheckState.Checked)
    assert [d.id for d in wb.filter.apply()] == [imported[0]]  # only the first has MONEY


def test_schema_change_redraws_window(make_window: Callable) -> None:
    win = make_window()
    wb = _wb(win)
    store = win.ctl.store
    schema.update_label(store, "MONEY", name="お金", shortcut="y",
                        description="金額の**ガイドライン**<b>太字</b>")
    wb.schema_changed()
    assert win.viewer.shortcuts.get("y") == "MONEY" and "m" not in win.viewer.shortcuts
    names = [win.labels.table.item(r, 0).text() for r in range(win.labels.table.rowCount())]
    assert "お金" in names
    tip = win.labels.table.item(names.index("お金"), 0).toolTip()
    assert "&lt;b&gt;太字" in tip and "<b>太字" not in tip  # escaped, never markup
    assert wb.guidelines.list.count() == len(win.ctl.labels())


def test_doc_tags_follow_the_open_document(make_window: Callable, imported: list[int]) -> None:
    from core.doc_tags import add_default_tag_fields, get_doc_tags

    win = make_window()
    wb = _wb(win)
    add_default_tag_fields(win.ctl.store)
    wb.tags.reload_fields()
    assert wb.tags.set_value("outcome", "一部認容")
    assert get_doc_tags(win.ctl.store, imported[0], "tester") == {"outcome": "一部認容"}
    win.open_document(imported[1])
    assert wb.tags.combos["outcome"].currentText() == "（未設定）"
    win.open_document(imported[0])
    assert wb.tags.combos["outcome"].currentText() == "一部認容"


def test_apply_settings(make_window: Callable) -> None:
    from core.settings import Settings

    win = make_window()
    wb = _wb(win)
    wb.apply_settings(Settings(annotator="suzuki", font_size=16))
    assert win.ctl.annotator == "suzuki" and "suzuki" in win.st_who.text()
    assert win.viewer.point_size == 16


def test_import_from_window_reloads_list(make_window: Callable, tmp_path, qtbot) -> None:
    win = make_window()
    wb = _wb(win)
    wb.importer.show_summary = False
    p = tmp_path / "third.txt"
    p.write_text("令和6年(ワ)第9号　請負代金請求事件\n主文\n被告は金1万円を支払え。\n",
                 encoding="utf-8")
    with qtbot.waitSignal(wb.importer.finished, timeout=30000) as sig:
        assert wb.importer.start([p])
    assert len(sig.args[0].imported) == 1
    assert win.documents.model.rowCount() == len(services.list_documents(win.ctl.store)) == 3

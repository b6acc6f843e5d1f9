"""Team mode in the window: the first-start name prompt, the 担当 column, refresh of what
another program changed (keeping the selected span), the agreement report and curation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from core import services
from core.assignments import assign, set_assignment_status
from core.settings import Settings
from core.store.db import Store
from core.store.migrate import open_store
from gui.curation_window import DIFFER, TAKEN
from gui.document_model import COLUMNS as DOC_COLUMNS
from gui.team import _ask_name, annotator_name
from tests.conftest import ROOT

# --- the name ---------------------------------------------------------------------------------


def test_first_start_asks_the_name_once_and_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    asked: list[int] = []

    def ask(_parent: object) -> str:
        asked.append(1)
        return "山田"

    assert annotator_name(None, settings_path=path, ask=ask) == "山田"
    assert Settings.load(path).annotator == "山田"
    assert annotator_name(None, settings_path=path, ask=ask) == "山田"
    assert annotator_name("佐藤", settings_path=path, ask=ask) == "佐藤"  # --annotator wins
    assert len(asked) == 1


def test_the_name_dialog_returns_what_was_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    def answer() -> None:
        dlg = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QInputDialog) and w.isVisible())
        dlg.setTextValue("  佐藤  ")
        dlg.accept()

    QTimer.singleShot(100, answer)
    assert _ask_name(None) == "佐藤"


def test_run_asks_on_first_start_and_shows_the_name(
    qtbot, gui_store: Store, imported: list[int], tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gui.team
    from gui.app import run
    from gui.main_window import MainWindow

    monkeypatch.setenv("HANREI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(gui.team, "_ask_name", lambda _p: "鈴木")
    seen: list[str] = []

    def look_and_quit() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                seen.append(w.st_who.text())
                w.close()

    QTimer.singleShot(300, look_and_quit)
    assert run(gui_store.url, None) == 0
    assert seen == ["作業者: 鈴木"]
    assert Settings.load(tmp_path / "config" / "settings.json").annotator == "鈴木"


# --- the document list and refresh ----------------------------------------------------------


def _cell(win, doc_id: int, col: str) -> str:  # type: ignore[no-untyped-def]
    dock = win.documents
    r = dock.model.row_of(doc_id)
    idx = dock.proxy.mapFromSource(dock.model.index(r, DOC_COLUMNS.index(col)))
    return str(idx.data())


def test_document_list_shows_each_annotators_status(
    make_window, gui_store: Store, imported: list[int]  # type: ignore[no-untyped-def]
) -> None:
    a, b = imported
    assign(gui_store, [a], "山田")
    assign(gui_store, [a, b], "佐藤")
    set_assignment_status(gui_store, a, "佐藤", "done")
    win = make_window()
    assert win.documents.model.headerData(
        DOC_COLUMNS.index("assignees"), Qt.Orientation.Horizontal) == "担当"
    assert _cell(win, a, "assignees") == "山田:未着手, 佐藤:完了"
    assert _cell(win, b, "assignees") == "佐藤:未着手"
    # another program starts work on b: the list shows it after the next poll
    other = open_store(gui_store.url)
    try:
        services.add_span(other, b, "MONEY", 0, 2, annotator="佐藤")
    finally:
        other.dispose()
    win.team.refresher.refresh()
    assert _cell(win, b, "assignees") == "佐藤:作業中"


def test_changes_by_another_program_appear_and_the_selection_stays(
    make_window, gui_store: Store, imported: list[int]  # type: ignore[no-untyped-def]
) -> None:
    win = make_window()
    doc = imported[0]
    assert win.ctl.document.id == doc
    spans = win.ctl.spans()
    chosen = next(s for s in spans if s.label == "DATE")
    other_span = next(s for s in spans if s.label == "RATE")
    win.editor.set_current(chosen.id)
    n_rows = win.spans.model.rowCount()

    other = open_store(gui_store.url)  # the second annotator's program
    try:
        services.update_span(other, other_span.id, expected_version=other_span.version,
                             status="accepted", annotator="佐藤")
        text = services.load_document(other, doc).text
        i = text.index("訴訟費用")
        added = services.add_span(other, doc, "TERM", i, i + 4, annotator="佐藤")
    finally:
        other.dispose()

    assert win.ctl.span(added.id) is None  # not seen yet
    # coming back to the front refreshes at once
    win.team.refresher._state_changed(Qt.ApplicationState.ApplicationActive)
    assert win.ctl.span(added.id) is not None
    assert win.ctl.span(other_span.id).status == "accepted"
    assert win.spans.model.rowCount() == n_rows + 1
    assert win.editor.current_id == chosen.id
    assert win.detail.span is not None and win.detail.span.id == chosen.id
    # nothing new: a poll changes nothing on screen
    assert win.team.refresher.refresh() is False


def test_polling_timer_runs(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    timer = win.team.refresher.timer
    assert timer.isActive() and 1000 <= timer.interval() <= 5000


def test_a_stale_edit_shows_the_conflict_and_the_current_state(
    make_window, gui_store: Store, imported: list[int]  # type: ignore[no-untyped-def]
) -> None:
    win = make_window()
    sp = next(s for s in win.ctl.spans() if s.label == "RATE")
    win.editor.set_current(sp.id)
    other = open_store(gui_store.url)
    try:
        services.update_span(other, sp.id, expected_version=sp.version, value=0.05,
                             annotator="佐藤")
    finally:
        other.dispose()
    messages: list[str] = []
    win.ctl.writeFailed.connect(messages.append)
    win.editor.accept()
    assert messages and "他の人がこの箇所を変更しました" in messages[0]
    assert win.ctl.span(sp.id).value == 0.05  # the other's change is on screen
    assert win.editor.current_id == sp.id
    win.editor.accept()  # and now the accept works on the current version
    assert win.ctl.span(sp.id).status == "accepted" and win.ctl.span(sp.id).value == 0.05


# --- independent layers, agreement, curation --------------------------------------------------


def _double(store: Store, doc: int) -> str:
    """山田: MONEY 120万円, DATE 令和4年4月1日, RATE 年3分 (value 0.03).
    佐藤: MONEY 120万円, DATE 令和4年4月1 (one short), RATE 年3分 (value 0.3)."""
    text = services.load_document(store, doc).text

    def put(who: str, label: str, needle: str, cut: int = 0, value: object = None) -> None:
        i = text.index(needle)
        services.add_span(store, doc, label, i, i + len(needle) - cut, annotator=who,
                          layer=f"@{who}", value=value)

    put("山田", "MONEY", "120万円", value=1200000)
    put("山田", "DATE", "令和4年4月1日")
    put("山田", "RATE", "年3分", value=0.03)
    put("佐藤", "MONEY", "120万円", value=1200000)
    put("佐藤", "DATE", "令和4年4月1日", cut=1)
    put("佐藤", "RATE", "年3分", value=0.3)
    return text


def test_independent_mode_works_in_the_annotators_own_layer(
    make_window, gui_store: Store, imported: list[int]  # type: ignore[no-untyped-def]
) -> None:
    doc = imported[0]
    assign(gui_store, [doc], "tester")
    win = make_window()
    assert win.ctl.layer == "main"
    win.team.actions["independent"].setChecked(True)
    assert win.ctl.layer == "@tester"
    assert "tester のレイヤー" in win.team.st_layer.text()
    # the layer starts with main's untouched suggestions
    assert {s.text for s in win.ctl.spans()} >= {"120万円", "年3分"}
    win.viewer.select_cp(0, 2)
    sp = win.editor.tag("MONEY")
    assert sp is not None and sp.layer == "@tester"
    assert sp.id not in {s.id for s in services.list_spans(gui_store, doc)}


def test_agreement_window_figures(
    make_window, gui_store: Store, imported: list[int]  # type: ignore[no-untyped-def]
) -> None:
    _double(gui_store, imported[0])
    win = make_window()
    aw = win.team.open_agreement()
    assert [aw.a.itemText(i) for i in range(aw.a.count())] == ["佐藤", "山田"]
    aw.a.setCurrentText("山田")
    aw.b.setCurrentText("佐藤")
    aw.mode.setCurrentIndex(aw.mode.findData("exact"))
    r = aw.compute()
    assert r is not None
    table = {aw.table.item(i, 0).text(): [aw.table.item(i, c).text() for c in range(1, 7)]
             for i in range(aw.table.rowCount())}
    # MONEY agrees; DATE differs by a character; RATE is at the same place (values are not
    # compared by P/R/F1). All: tp 2, fp 1, fn 1 -> P = R = F1 = 2/3
    assert table["金額（MONEY）"] == ["1.000", "1.000", "1.000", "1", "0", "0"]
    assert table["日付（DATE）"] == ["0.000", "0.000", "0.000", "0", "1", "1"]
    assert table["（全体）"] == ["0.667", "0.667", "0.667", "2", "1", "1"]
    assert [name for name, _ in aw.chart.rows][-1] == "全体"
    aw.mode.setCurrentIndex(aw.mode.findData("overlap"))
    aw.compute()
    assert aw.table.item(aw.table.rowCount() - 1, 3).text() == "1.000"
    assert not aw.chart.grab().isNull()


def test_curation_take_edit_and_export(
    make_window, gui_store: Store, imported: list[int], tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    doc = imported[0]
    text = _double(gui_store, doc)
    win = make_window()
    cw = win.team.open_curation()
    cw.quiet_errors = True
    assert cw.sources == ["@佐藤", "@山田"]
    kinds = {(r.label, r.text): r.kind_among(cw.sources) for r in cw.rows}
    assert kinds[("MONEY", "120万円")] == "agree"
    assert kinds[("RATE", "年3分")] == "value"
    assert kinds[("DATE", "令和4年4月1")] == "missing"
    rate_row = next(i for i, r in enumerate(cw.rows) if r.label == "RATE")
    money_row = next(i for i, r in enumerate(cw.rows) if r.label == "MONEY")
    assert cw.table.item(rate_row, 3).background().color() == DIFFER
    assert cw.table.item(money_row, 3).background().color() != DIFFER

    # 採用: 山田's rate into curated
    cw.select_cell(rate_row, "@山田")
    assert cw.take_selected()
    curated_col = 3 + len(cw.sources)
    rate_row = next(i for i, r in enumerate(cw.rows) if r.label == "RATE")
    assert cw.table.item(rate_row, curated_col).text() == "✓ 0.03"
    assert cw.table.item(rate_row, curated_col).background().color() == TAKEN
    assert cw.table.currentRow() == rate_row  # the selection stays on the row
    # the agreed rows in one go
    assert cw.take_all_agreed()
    # 編集: the curator's own date
    i = text.index("令和4年4月1日")
    assert cw.save_edit("DATE", i, i + len("令和4年4月1日"), "2022-04-01")
    curated = services.list_spans(gui_store, doc, "curated")
    assert sorted((s.label, s.text, s.value) for s in curated) == [
        ("DATE", "令和4年4月1日", "2022-04-01"), ("MONEY", "120万円", 1200000),
        ("RATE", "年3分", 0.03)]
    assert {s.annotator for s in curated} == {"tester"}
    # taking nothing says so and writes nothing
    cw.table.setCurrentCell(0, 0)
    cw.table.clearSelection()
    cw.table.setCurrentCell(-1, -1)
    assert not cw.take_selected()

    out = tmp_path / "curated.jsonl"
    r = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", gui_store.url, "export", "--format",
         "jsonl", "--out", str(out), "--layer", "curated"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    spans = next(rec["spans"] for rec in recs if rec["id"] == doc)
    assert sorted((s["label"], s["text"]) for s in spans) == [
        ("DATE", "令和4年4月1日"), ("MONEY", "120万円"), ("RATE", "年3分")]


def test_curation_remove_and_diff_filter(
    make_window, gui_store: Store, imported: list[int]  # type: ignore[no-untyped-def]
) -> None:
    _double(gui_store, imported[0])
    win = make_window()
    cw = win.team.open_curation()
    cw.quiet_errors = True
    all_rows = len(cw.rows)
    cw.only_diff.setChecked(True)
    assert 0 < len(cw.rows) < all_rows
    assert all(r.kind_among(cw.sources) != "agree" for r in cw.rows)
    cw.select_cell(0, cw.sources[0] if cw.rows[0].cells[cw.sources[0]] else cw.sources[1])
    assert cw.take_selected()
    assert cw.remove_selected()
    assert services.list_spans(win.ctl.store, imported[0], "curated") == []


def test_window_on_postgresql_sees_another_programs_change(
    qtbot, pg, judgment_files: list[Path], settings  # type: ignore[no-untyped-def]
) -> None:
    """The same window on a PostgreSQL database: open, tag, and see a colleague's span."""
    from core.importer import import_paths
    from gui.controller import Controller
    from gui.main_window import MainWindow

    url = pg.create_database()
    store = open_store(url)
    other = open_store(url)
    try:
        ids = [r.document_id for r in import_paths(store, judgment_files, suggest=False)]
        win = MainWindow(Controller(store, "tester"), settings)
        win.quiet_errors = True
        qtbot.addWidget(win)
        win.show()
        assert win.ctl.document is not None and win.ctl.document.id == ids[0]
        win.viewer.select_cp(0, 4)
        mine = win.editor.tag("CASE_NUMBER")
        assert mine is not None
        text = win.ctl.document.text
        i = text.index("120万円")
        win.editor.set_current(mine.id)
        # no poll, no coming to the front: the listening thread hears the commit at once
        assert win.team.refresher.listen is not None
        win.team.refresher.timer.stop()
        win.team.refresher.on_active = None
        QApplication.instance().applicationStateChanged.disconnect(
            win.team.refresher._state_changed
        )
        qtbot.wait(300)  # whatever the window's start queued has run
        theirs = services.add_span(other, ids[0], "MONEY", i, i + 5, annotator="佐藤")
        qtbot.waitUntil(lambda: win.ctl.span(theirs.id) is not None, timeout=10000)
        assert win.editor.current_id == mine.id
        assert {s.id for s in services.list_spans(other, ids[0])} == {mine.id, theirs.id}
        win.close()
        assert win.team.refresher.listen is None, "closing the window stops the thread"
    finally:
        other.dispose()
        store.dispose()

"""Workbench dialogs and docks on their own (offscreen, a real SQLite file)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from core import schema, services
from core.doc_tags import get_doc_tags, list_tag_fields
from core.importer import import_file
from core.model import LabelData
from core.settings import Settings
from core.store.db import Store
from gui.doc_tags import DocTagsDock
from gui.first_run import KEY_HINTS, maybe_first_run
from gui.guidelines import GuidelinesDock, SafeBrowser, tooltip_html
from gui.import_dialog import ImportSummary, ImportWorker
from gui.schema_editor import SchemaEditor
from gui.settings_dialog import SettingsDialog
from gui.stats_window import StatsWindow

TEXT = "令和6年(ワ)第1号　貸金返還請求事件\n主文\n被告は原告に金10万円を支払え。\n"


@pytest.fixture
def doc(gui_store: Store, tmp_path: Path) -> int:
    p = tmp_path / "one.txt"
    p.write_text(TEXT, encoding="utf-8")
    r = import_file(gui_store, p, suggest=False)
    assert r.document_id
    return r.document_id


# --- ラベル設定 -------------------------------------------------------------------------


def _editor(qtbot, store: Store) -> SchemaEditor:  # type: ignore[no-untyped-def]
    ed = SchemaEditor(store)
    qtbot.addWidget(ed)
    return ed


def _select(ed: SchemaEditor, key: str) -> None:
    ed.table.setCurrentCell([lb.key for lb in ed.labels].index(key), 0)


def test_editor_duplicate_key_refused_with_message(qtbot, gui_store: Store) -> None:  # type: ignore[no-untyped-def]
    ed = _editor(qtbot, gui_store)
    _select(ed, "DATE")
    ed.shortcut.setText("m")
    assert not ed.apply()
    assert "キー「m」はラベル「金額」（MONEY）で使われています" in ed.message.text()
    assert next(lb for lb in schema.list_schema(gui_store) if lb.key == "DATE").shortcut == "d"
    ed.shortcut.setText("Enter")
    assert not ed.apply() and "確認作業に使うキー" in ed.message.text()


def test_editor_edits_adds_retires_restores(qtbot, gui_store: Store, doc: int) -> None:  # type: ignore[no-untyped-def]
    ed = _editor(qtbot, gui_store)
    changed: list[int] = []
    ed.schemaChanged.connect(lambda: changed.append(1))
    _select(ed, "MONEY")
    ed.name.setText("お金")
    ed.set_color("#123456")
    ed.guideline.setPlainText("## 金額\n円単位")
    assert ed.apply()
    money = next(lb for lb in schema.list_schema(gui_store) if lb.key == "MONEY")
    assert (money.name, money.color, money.description) == ("お金", "#123456", "## 金額\n円単位")
    ed.start_new()
    ed.key.setText("witness")
    ed.name.setText("証人")
    ed.shortcut.setText("w")
    assert ed.apply(), ed.message.text()
    assert ed.current_key() == "WITNESS"
    ed.move_label(-1)
    keys = [lb.key for lb in schema.list_schema(gui_store)]
    assert keys.index("WITNESS") == len(keys) - 2
    ed.retire()  # unused: deleted
    assert "WITNESS" not in [lb.key for lb in schema.list_schema(gui_store)]
    services.add_span(gui_store, doc, "MONEY", 0, 2)
    _select(ed, "MONEY")
    ed.retire()  # in use: retired, span kept
    assert "廃止しました" in ed.message.text()
    assert not ed.restore_button.isHidden() and ed.restore_button.isEnabled()
    assert len(services.list_spans(gui_store, doc)) == 1
    ed.restore()
    assert next(lb for lb in schema.list_schema(gui_store) if lb.key == "MONEY").active
    assert len(changed) >= 5


def test_editor_export_import(qtbot, gui_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ed = _editor(qtbot, gui_store)
    path = tmp_path / "labels.json"
    ed.export_json(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "hanrei-labels/1"
    data["labels"][0]["name"] = "見出し"
    data["tag_fields"] = [{"key": "outcome", "name": "結果", "choices": ["認容", "棄却"]}]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ed.import_json(path)
    assert "追加 0 件" in ed.message.text()
    assert ed.labels[0].name == "見出し"
    assert ed.fields.table.rowCount() == 1
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    ed.import_json(bad)
    assert "ラベル設定のファイルではありません" in ed.message.text()


def test_tag_field_editor(qtbot, gui_store: Store) -> None:  # type: ignore[no-untyped-def]
    ed = _editor(qtbot, gui_store)
    f = ed.fields
    f.start_new()
    f.key.setText("court_level")
    f.name.setText("審級")
    f.choices.setText("第一審／控訴審、上告審")
    assert f.apply(), f.message.text()
    assert list_tag_fields(gui_store)[0].choices == ("第一審", "控訴審", "上告審")
    f.start_new()
    f.key.setText("empty")
    f.name.setText("空")
    assert not f.apply() and "選択肢" in f.message.text()
    f.add_defaults()
    assert [x.key for x in list_tag_fields(gui_store)] == ["court_level", "outcome", "case_type"]


# --- 文書タグ ---------------------------------------------------------------------------


def test_doc_tags_dock(qtbot, gui_store: Store, doc: int) -> None:  # type: ignore[no-untyped-def]
    dock = DocTagsDock(gui_store, lambda: "yamada")
    qtbot.addWidget(dock)
    assert not dock.defaults.isHidden() and not dock.combos
    dock.add_defaults()
    assert set(dock.combos) == {"outcome", "case_type"}
    assert not dock.set_value("outcome", "棄却")  # no document yet
    dock.set_document(doc)
    with qtbot.waitSignal(dock.tagChanged) as sig:
        assert dock.set_value("outcome", "棄却")
    assert sig.args == ["outcome", "棄却"]
    assert get_doc_tags(gui_store, doc, "yamada") == {"outcome": "棄却"}
    assert dock.set_value("outcome", "")
    assert get_doc_tags(gui_store, doc, "yamada") == {}


# --- ガイドライン -----------------------------------------------------------------------

EVIL = ('# 金額\n<b>bold</b> <img src="file:///etc/passwd"> <script>x()</script>\n\n'
        '![pic](http://example.invalid/a.png) [link](http://example.invalid/)\n\n`<i>code</i>`')


def test_guideline_markdown_is_safe(qtbot) -> None:  # type: ignore[no-untyped-def]
    b = SafeBrowser()
    qtbot.addWidget(b)
    b.show_markdown(EVIL)
    b.resize(400, 300)
    b.show()
    qtbot.waitExposed(b)
    text = b.toPlainText()
    assert "<b>bold</b>" in text and "<script>" in text  # shown as characters
    assert "<i>code</i>" in text
    html = b.toHtml()
    assert "font-weight:700;\">bold" not in html  # not made bold
    assert not any("passwd" in r for r in b.requested)  # raw <img> never became an image
    assert not b.openLinks() and not b.openExternalLinks()
    assert all(b.loadResource(0, r) is None for r in ["http://example.invalid/a.png"])


def test_tooltip_escapes_guideline() -> None:
    lb = LabelData(1, "MONEY", "金額<x>", "#ffffff", "m", "**太字** <b>生</b>\n二行目")
    tip = tooltip_html(lb)
    assert tip.startswith("<qt><b>金額&lt;x&gt;</b>（MONEY・キー m）")
    assert "&lt;b&gt;生&lt;/b&gt;" in tip and "<br>" in tip and "**" not in tip


def test_guidelines_dock(qtbot) -> None:  # type: ignore[no-untyped-def]
    dock = GuidelinesDock()
    qtbot.addWidget(dock)
    labels = [LabelData(1, "MONEY", "金額", "#fff", "m", "円で書く"),
              LabelData(2, "DATE", "日付", "#fff", "d", "", active=False)]
    dock.set_labels(labels)
    assert dock.current_key() == "MONEY" and "円で書く" in dock.browser.toPlainText()
    dock.show_label("DATE")
    assert "まだガイドラインがありません" in dock.browser.toPlainText()
    assert dock.list.item(1).text() == "日付（廃止）"


# --- 統計 -------------------------------------------------------------------------------


def test_stats_window_png_and_csv(qtbot, gui_store: Store, doc: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sp = services.add_span(gui_store, doc, "MONEY", 0, 2, status="suggested", source="auto")
    services.update_span(gui_store, sp.id, expected_version=sp.version, status="accepted",
                         annotator="yamada")
    w = StatsWindow(gui_store)
    qtbot.addWidget(w)
    w.show()
    assert w.labels.table.rowCount() >= 13
    assert w.outcomes.rows[0][:3] == ["金額", 1, 1]
    assert w.activity.rows[0][1:] == ["yamada", 1]
    w.tabs.setCurrentWidget(w.outcomes)
    png = w.save_png(tmp_path / "s.png")
    assert png is not None and not QImage(str(png)).isNull()
    csv_path = w.save_csv(tmp_path / "s.csv")
    assert csv_path is not None
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("ラベル,候補数,そのまま確定") and lines[1].startswith("金額,1,1,0")


# --- 取り込み ---------------------------------------------------------------------------


def test_import_worker_reports_each_file_and_can_cancel(qtbot, gui_store: Store,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(TEXT.replace("第1号", f"第{i + 1}号"), encoding="utf-8")
    (folder / "4.txt").write_bytes(b"")  # refused: nothing in it
    w = ImportWorker(gui_store, [folder], "yamada")
    seen: list[tuple[int, int]] = []
    w.progressed.connect(lambda r, done, total: seen.append((done, total)))
    # Direct: the cancel lands before the worker looks at the flag (the progress dialog's
    # cancel is queued instead, and stops the import at the next file boundary).
    w.progressed.connect(lambda r, done, total: w.cancel() if done == 2 else None,
                         Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(w.finished, timeout=30000):
        w.start()
    w.wait()
    assert seen == [(1, 5), (2, 5)]
    assert w.summary.cancelled and len(w.summary.imported) == 2
    assert len(services.list_documents(gui_store)) == 2  # nothing half-imported
    w2 = ImportWorker(gui_store, [folder], "yamada")
    with qtbot.waitSignal(w2.finished, timeout=30000):
        w2.start()
    w2.wait()
    s = w2.summary
    assert (len(s.imported), len(s.present), len(s.failed)) == (2, 2, 1)
    assert "4.txt:" in s.text() and not s.cancelled


def test_summary_text() -> None:
    from core.importer import ImportResult

    s = ImportSummary()
    s.add(ImportResult("/x/a.txt", "imported", 1, "甲事件", suggestions=3))
    s.add(ImportResult("/x/b.txt", "failed", reason="no such file"))
    assert s.text().splitlines()[0] == "取り込み 1 件、取り込み済みのため省略 0 件、取り込めなかったもの 1 件"
    assert "・甲事件（候補 3 件）" in s.text() and "・b.txt: ファイルが見つかりません" in s.text()
    s.add(ImportResult("/x/c.txt", "failed", reason="contains a NUL character at position 7"))
    assert "・c.txt: NUL 文字が含まれています（7 文字目）" in s.text()
    s.add(ImportResult("/x/d.txt", "failed", reason="a reason nobody translated"))
    assert "・d.txt: a reason nobody translated" in s.text()


# --- 設定 -------------------------------------------------------------------------------


def test_settings_dialog_saves_without_password(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "settings.json"
    dlg = SettingsDialog(Settings(annotator="yamada"), path)
    qtbot.addWidget(dlg)
    assert "~/.pgpass" in " ".join(w.text() for w in dlg.findChildren(type(dlg.message)))
    dlg.annotator.setText("suzuki")
    dlg.font_size.setValue(15)
    dlg.use_pg.setChecked(True)
    dlg.pg_url.setText("postgresql+psycopg://anno:secret@db.example/hanrei")
    assert dlg.save()
    saved = Settings.load(path)
    assert (saved.annotator, saved.font_size) == ("suzuki", 15)
    assert saved.database == "postgresql+psycopg://anno@db.example/hanrei"
    assert "secret" not in path.read_text(encoding="utf-8")


def test_settings_dialog_refuses_bad_url(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "settings.json"
    dlg = SettingsDialog(Settings(), path)
    qtbot.addWidget(dlg)
    dlg.use_pg.setChecked(True)
    dlg.pg_url.setText("mysql://x")
    assert not dlg.save() and "postgresql" in dlg.message.text()
    assert not path.exists()


# --- はじめて ---------------------------------------------------------------------------


def test_first_run_offers_and_opens_sample(make_window, gui_store: Store) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    assert maybe_first_run(win) is None  # skipped under pytest
    assert maybe_first_run(win, force=True, ask=lambda _w: True) is None  # not empty


def test_first_run_on_empty_database(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from core.store.migrate import open_store
    from gui.controller import Controller
    from gui.main_window import MainWindow

    store = open_store(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        win = MainWindow(Controller(store, "yamada"),
                         QSettings(str(tmp_path / "l.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        asked: list[bool] = []
        assert maybe_first_run(win, force=True, ask=lambda _w: asked.append(False) or False) \
            is None
        assert asked and services.list_documents(store) == []
        doc_id = maybe_first_run(win, force=True, ask=lambda _w: True)
        assert doc_id is not None and win.ctl.document.id == doc_id
        assert any(s.status == "suggested" for s in win.ctl.spans())  # auto-highlighted
        hints = win.key_hints.findChildren(type(win.st_who))[0].text()
        assert all(k in hints for k, _ in KEY_HINTS)
        win.key_hints.close()
    finally:
        store.dispose()

"""Screenshots of the workbench screens into docs/screenshots/workbench_*.png, rendered
offscreen in a throwaway database holding only fictional judgments (the bundled sample and
two short ones written here), with some review work by two invented annotators.

    python gui/workbench_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HANREI_NO_FIRST_RUN"] = "1"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from core import schema, services  # noqa: E402
from core.doc_tags import add_default_tag_fields, set_doc_tag  # noqa: E402
from core.importer import import_paths  # noqa: E402
from core.store.db import Store  # noqa: E402
from core.store.migrate import open_store  # noqa: E402
from core.store.models import Event  # noqa: E402
from gui.controller import Controller  # noqa: E402
from gui.first_run import SAMPLE, KeyHints  # noqa: E402
from gui.import_dialog import ImportSummary, ImportSummaryDialog  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.settings_dialog import SettingsDialog  # noqa: E402
from gui.workbench import workbench_of  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
OTHERS = {  # fictional
    "kashikin.json": {"case_number": "令和5年(ワ)第2045号", "case_name": "貸金返還請求事件",
                      "court_name": "架空地方裁判所", "date": {"era": "令和", "year": 6,
                                                              "month": 2, "day": 9},
                      "contents": "令和5年(ワ)第2045号　貸金返還請求事件\n判決\n原告　戊井一郎\n"
                                  "被告　己野二郎\n主文\n1　被告は，原告に対し，金300万円及び"
                                  "これに対する令和4年8月1日から支払済みまで年3パーセントの割合"
                                  "による金員を支払え。\n2　訴訟費用は被告の負担とする。\n"},
    "settou.json": {"case_number": "令和5年(わ)第77号", "case_name": "窃盗被告事件",
                    "court_name": "空想地方裁判所", "date": {"era": "令和", "year": 5,
                                                           "month": 11, "day": 20},
                    "contents": "令和5年(わ)第77号　窃盗被告事件\n判決\n主文\n被告人を懲役1年"
                                "6月に処する。\nこの裁判確定の日から3年間その刑の執行を猶予する。\n"},
}
GUIDELINE = """金額を表す部分に付けます。**値は円単位の整数**です。

- 「金」から「円」まで含める（例: `金300万円` → 3000000）
- 「及びこれに対する」以下の遅延損害金は、別の金額としない
- 割合（年3パーセント）は **利率・割合** ラベル

> 迷ったときは `<b>` などの記号もそのまま文字として表示されます。
"""


def prepare(tmp: Path) -> tuple[Store, list[int]]:
    store = open_store(f"sqlite:///{tmp / 'shots.db'}")
    for name, rec in OTHERS.items():
        (tmp / name).write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    paths = [SAMPLE, *(tmp / n for n in OTHERS)]
    ids = [r.document_id for r in import_paths(store, paths, annotator="yamada")
           if r.document_id is not None]
    schema.update_label(store, "MONEY", description=GUIDELINE)
    add_default_tag_fields(store)
    set_doc_tag(store, ids[0], "outcome", "一部認容", "yamada")
    set_doc_tag(store, ids[0], "case_type", "民事", "yamada")
    for k, doc_id in enumerate(ids):
        sugg = [s for s in services.list_spans(store, doc_id) if s.status == "suggested"]
        who = "yamada" if k != 1 else "suzuki"
        services.set_span_statuses(store, [(s.id, s.version) for s in sugg[: len(sugg) * 2 // 3]],
                                   "accepted", annotator=who)
        for s in sugg[len(sugg) * 2 // 3::3]:
            services.update_span(store, s.id, expected_version=s.version, status="rejected",
                                 annotator="suzuki")
        for s in sugg[len(sugg) * 2 // 3 + 1::3]:
            ch = services.update_span(store, s.id, expected_version=s.version,
                                      end=s.end - 1 if s.end - s.start > 2 else s.end + 1,
                                      annotator="yamada")
            services.update_span(store, s.id, expected_version=ch.after.version,
                                 status="accepted", annotator="yamada")
    services.set_document_status(store, ids[1], "done", annotator="suzuki")
    with store.write() as session:  # spread the work over a week, for the activity chart
        events = list(session.scalars(select(Event).order_by(Event.id)))
        now = dt.datetime.now(dt.UTC)
        for i, e in enumerate(events):
            e.at = now - dt.timedelta(days=6 - (i * 7) // max(1, len(events)))
    return store, ids


def save(w: QWidget, name: str) -> Path:
    QApplication.processEvents()
    path = OUT / f"workbench_{name}.png"
    w.grab().save(str(path))
    print(path.relative_to(ROOT))
    return path


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        store, ids = prepare(tmp)
        win = MainWindow(Controller(store, "yamada"),
                         QSettings(str(tmp / "layout.ini"), QSettings.Format.IniFormat))
        wb = workbench_of(win)
        win.resize(1600, 1000)
        win.show()
        win.open_document(ids[0])
        QApplication.processEvents()  # the workbench places its docks once the window is up
        wb.search.show()
        wb.search.raise_()
        wb.search.query.setText("遅延損害金")
        wb.search.run()
        wb.guidelines.show_label("MONEY")
        save(win, "main_window")
        for dock, name, size in ((wb.search, "search", (900, 360)),
                                 (wb.guidelines, "guidelines", (640, 420)),
                                 (wb.tags, "doc_tags", (340, 260))):
            dock.setFloating(True)
            dock.resize(*size)
            dock.show()
            save(dock, name)
            dock.setFloating(False)
        wb.filter.setFloating(True)
        wb.filter.resize(460, 620)
        wb.filter.show()
        wb.filter.case_type.setCurrentText("民事")
        wb.filter.apply()
        save(wb.filter, "filter")
        ed = wb.open_schema_editor()
        ed.resize(960, 620)
        ed.reload("DATE")
        ed.shortcut.setText("m")
        ed.apply()  # the refusal message, in red
        save(ed, "schema_editor")
        ed.tabs.setCurrentIndex(1)
        save(ed, "tag_fields")
        ed.close()
        stats = wb.open_stats()
        stats.resize(900, 680)
        for i, name in enumerate(("stats_labels", "stats_suggestions", "stats_documents",
                                  "stats_annotators")):
            stats.tabs.setCurrentIndex(i)
            save(stats, name)
        stats.close()
        from core.settings import Settings

        dlg = SettingsDialog(Settings(annotator="yamada", database=str(tmp / "hanrei.db")),
                             tmp / "settings.json", win)
        dlg.show()
        save(dlg, "settings")
        dlg.close()
        summary = ImportSummary()
        for r in import_paths(store, [SAMPLE, tmp / "missing.txt"]):
            summary.add(r)
        from core.importer import ImportResult

        summary.imported.append(ImportResult("/in/kouso.txt", "imported", 9,
                                             "令和6年(ネ)第12号 損害賠償請求控訴事件",
                                             suggestions=41))
        box = ImportSummaryDialog(summary, win)
        box.show()
        save(box, "import_summary")
        box.close()
        hints = KeyHints(win)
        hints.show()
        save(hints, "first_run")
        hints.close()
        win.close()
        store.dispose()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

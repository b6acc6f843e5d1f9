"""統計: spans per label, what became of the automatic suggestions, progress per document and
each annotator's work per day; each tab a chart and a table, saved as PNG or CSV."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import statistics as st
from core.model import DOC_STATUS_JA
from core.store.db import Store
from gui.charts import BarChart, LineChart, Segment
from gui.fonts import ui_font

_STATUS_SEGS = (Segment("確定", "#0072b2"), Segment("候補", "#e69f00"),
                Segment("却下", "#999999"))
_OUTCOME_SEGS = (Segment("そのまま確定", "#009e73"), Segment("修正して確定", "#56b4e9"),
                 Segment("却下", "#d55e00"))


class _Tab(QWidget):
    """A chart above a table; the table is what CSV export writes."""

    def __init__(self, chart: QWidget) -> None:
        super().__init__()
        self.chart = chart
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(chart)
        split.addWidget(self.table)
        split.setSizes([330, 200])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

    def set_rows(self, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self.header, self.rows = list(header), [list(r) for r in rows]
        self.table.clear()
        self.table.setColumnCount(len(header))
        self.table.setHorizontalHeaderLabels(list(header))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                text = f"{v:.1%}" if isinstance(v, float) else str(v)
                it = QTableWidgetItem(text)
                if isinstance(v, int | float):
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                        | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, it)
        self.table.resizeColumnsToContents()


class StatsWindow(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("統計")
        self.setFont(ui_font())
        self.resize(860, 640)
        self.labels = _Tab(BarChart("ラベル別のスパン数（全文書）"))
        self.outcomes = _Tab(BarChart("自動候補の結果（確認済みに占める割合）"))
        self.progress = _Tab(BarChart("文書別の進捗（確定／候補）"))
        self.activity = _Tab(LineChart("作業者別の作業量（1日あたりの操作数）"))
        self.tabs = QTabWidget()
        for tab, name in ((self.labels, "ラベル別"), (self.outcomes, "自動候補"),
                          (self.progress, "文書別"), (self.activity, "作業者別")):
            self.tabs.addTab(tab, name)
        buttons = QHBoxLayout()
        for text, slot in (("更新", self.refresh), ("PNG で保存…", self.save_png),
                           ("CSV で保存…", self.save_csv), ("閉じる", self.close)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.insertStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addLayout(buttons)
        self.refresh()

    def current(self) -> _Tab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, _Tab)
        return tab

    def refresh(self) -> None:
        counts = st.spans_per_label(self.store)
        assert isinstance(self.labels.chart, BarChart)
        self.labels.chart.set_data(_STATUS_SEGS, [
            (c.name, [c.accepted, c.suggested, c.rejected]) for c in counts])
        self.labels.set_rows(["ラベル", "識別子", "確定", "候補", "却下"], [
            [c.name, c.key, c.accepted, c.suggested, c.rejected] for c in counts])

        outs = st.suggestion_outcomes(self.store)
        assert isinstance(self.outcomes.chart, BarChart)
        self.outcomes.chart.set_data(_OUTCOME_SEGS, [
            (o.name, [o.share(o.accepted), o.share(o.edited), o.share(o.rejected)])
            for o in outs], percent=True)
        self.outcomes.set_rows(
            ["ラベル", "候補数", "そのまま確定", "修正して確定", "却下", "未確認",
             "確定率", "修正率", "却下率"],
            [[o.name, o.total, o.accepted, o.edited, o.rejected, o.pending,
              o.share(o.accepted), o.share(o.edited), o.share(o.rejected)] for o in outs])

        docs = st.document_progress(self.store)
        assert isinstance(self.progress.chart, BarChart)
        self.progress.chart.set_data(_STATUS_SEGS[:2], [
            (d.title[:24], [d.accepted, d.suggested]) for d in docs])
        self.progress.set_rows(["ID", "題名", "状態", "確定", "候補", "進捗"], [
            [d.id, d.title, DOC_STATUS_JA.get(d.status, d.status), d.accepted, d.suggested,
             d.progress] for d in docs])

        act = st.activity_by_day(self.store)
        days = sorted({a.day for a in act})
        people = sorted({a.annotator for a in act})
        n = {(a.day, a.annotator): a.actions for a in act}
        assert isinstance(self.activity.chart, LineChart)
        self.activity.chart.set_data([d.strftime("%m-%d") for d in days], [
            (who, [n.get((d, who), 0) for d in days]) for who in people])
        self.activity.set_rows(["日付", "作業者", "操作数"], [
            [a.day.isoformat(), a.annotator, a.actions] for a in act])

    def save_png(self, path: str | Path | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "グラフを PNG で保存", "統計.png",
                                                  "PNG 画像 (*.png)")
        if not path:
            return None
        self.current().chart.grab().save(str(path), "PNG")
        return Path(path)

    def save_csv(self, path: str | Path | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "表を CSV で保存", "統計.csv",
                                                  "CSV (*.csv)")
        if not path:
            return None
        tab = self.current()
        rows = [[f"{v:.4f}" if isinstance(v, float) else v for v in r] for r in tab.rows]
        st.write_csv(Path(path), tab.header, rows)
        return Path(path)

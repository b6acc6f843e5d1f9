"""コーパス検索: a string or a regular expression across every document; double-clicking a
hit (or Enter on it) asks the window to open that document at the hit (openAt)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.search import Hit, SearchError, search_corpus
from core.store.db import Store

_HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchDock(QDockWidget):
    openAt = Signal(int, int, int)  # document id, start, end (code points)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("コーパス検索", parent)
        self.setObjectName("corpus_search")
        self.store = store
        self.hits: list[Hit] = []
        self.query = QLineEdit()
        self.query.setPlaceholderText("全文書から検索（例: 遅延損害金）")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run)
        self.regex = QCheckBox("正規表現")
        self.case = QCheckBox("大文字と小文字を区別")
        go = QPushButton("検索")
        go.clicked.connect(self.run)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["文書", "位置", "前後の文脈"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.itemActivated.connect(self._activated)
        self.table.itemDoubleClicked.connect(self._activated)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(go)
        opts = QHBoxLayout()
        opts.addWidget(self.regex)
        opts.addWidget(self.case)
        opts.addStretch(1)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(row)
        lay.addLayout(opts)
        lay.addWidget(self.status)
        lay.addWidget(self.table, 1)
        self.setWidget(box)

    def run(self) -> None:
        try:
            res = search_corpus(self.store, self.query.text(), regex=self.regex.isChecked(),
                                ignore_case=not self.case.isChecked())
        except SearchError as e:
            self.status.setText(str(e))
            self.status.setStyleSheet("color: #b00020")
            self.set_hits([])
            return
        self.status.setStyleSheet("")
        more = "（上限に達したため以降は省略）" if res.truncated else ""
        self.status.setText(f"{res.documents} 文書で {len(res.hits)} 件{more}")
        self.set_hits(res.hits)

    def set_hits(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.table.setRowCount(len(hits))
        for r, h in enumerate(hits):
            doc = QTableWidgetItem(h.title[:30])
            doc.setToolTip(h.title)
            pos = QTableWidgetItem(f"{h.start:,}")
            pos.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            ctx = QTableWidgetItem(f"{h.before}【{h.match}】{h.after}")
            ctx.setToolTip(f"{html.escape(h.before)}<b>{html.escape(h.match)}</b>"
                           f"{html.escape(h.after)}")
            for c, it in enumerate((doc, pos, ctx)):
                it.setData(_HIT_ROLE, r)
                self.table.setItem(r, c, it)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)

    def _activated(self, item: QTableWidgetItem) -> None:
        h = self.hits[int(item.data(_HIT_ROLE))]
        self.openAt.emit(h.document_id, h.start, h.end)

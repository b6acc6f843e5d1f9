"""文書の絞り込み: status, labels present, court, case type and judgment date; the matching
documents are listed here (the document dock keeps its own quick text filter), and
activating one opens it (documentActivated)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.doc_filter import CASE_TYPES, DocumentFilter, courts, filter_documents
from core.model import DOC_STATUS_JA, DOC_STATUSES, DocumentSummary, LabelData
from core.store.db import Store

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _date(edit: QDateEdit, on: QCheckBox) -> dt.date | None:
    if not on.isChecked():
        return None
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


class FilterDock(QDockWidget):
    documentActivated = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("文書の絞り込み", parent)
        self.setObjectName("document_filter")
        self.store = store
        self.status_boxes = {s: QCheckBox(DOC_STATUS_JA[s]) for s in DOC_STATUSES}
        statuses = QHBoxLayout()
        for b in self.status_boxes.values():
            statuses.addWidget(b)
        statuses.addStretch(1)
        self.label_list = QListWidget()
        self.label_list.setMaximumHeight(110)
        self.label_list.setToolTip("チェックしたラベルのスパン（確定または候補）をすべて含む文書")
        self.court = QComboBox()
        self.court.setEditable(True)
        self.case_type = QComboBox()
        self.case_type.addItems(["（すべて）", *CASE_TYPES])
        self.from_on, self.to_on = QCheckBox("から"), QCheckBox("まで")
        self.date_from, self.date_to = QDateEdit(QDate(2000, 1, 1)), QDateEdit(QDate.currentDate())
        dates = QHBoxLayout()
        for w in (self.date_from, self.from_on, self.date_to, self.to_on):
            if isinstance(w, QDateEdit):
                w.setDisplayFormat("yyyy-MM-dd")
                w.setCalendarPopup(True)
            dates.addWidget(w)
        form = QFormLayout()
        form.addRow("状態", statuses)
        form.addRow("ラベル", self.label_list)
        form.addRow("裁判所", self.court)
        form.addRow("事件種別", self.case_type)
        form.addRow("判決日", dates)
        apply_, clear = QPushButton("絞り込む"), QPushButton("条件を解除")
        apply_.clicked.connect(self.apply)
        clear.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(clear)
        buttons.addWidget(apply_)
        self.count = QLabel("")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["題名", "裁判所", "状態"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemActivated.connect(self._activated)
        self.table.itemDoubleClicked.connect(self._activated)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.count)
        lay.addWidget(self.table, 1)
        self.setWidget(box)

    def set_labels(self, labels: list[LabelData]) -> None:
        checked = set(self._checked_labels())
        self.label_list.clear()
        for lb in labels:
            it = QListWidgetItem(lb.name if lb.active else f"{lb.name}（廃止）")
            it.setData(_ID_ROLE, lb.key)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked if lb.key in checked
                             else Qt.CheckState.Unchecked)
            self.label_list.addItem(it)

    def refresh_courts(self) -> None:
        text = self.court.currentText()
        self.court.clear()
        self.court.addItems(["", *courts(self.store)])
        self.court.setCurrentText(text)

    def _checked_labels(self) -> list[str]:
        items = (self.label_list.item(i) for i in range(self.label_list.count()))
        return [str(it.data(_ID_ROLE)) for it in items
                if it.checkState() == Qt.CheckState.Checked]

    def current_filter(self) -> DocumentFilter:
        ct = self.case_type.currentText()
        return DocumentFilter(
            statuses=frozenset(s for s, b in self.status_boxes.items() if b.isChecked()),
            labels=frozenset(self._checked_labels()),
            court=self.court.currentText().strip(),
            case_type=ct if ct in CASE_TYPES else "",
            date_from=_date(self.date_from, self.from_on),
            date_to=_date(self.date_to, self.to_on))

    def apply(self) -> list[DocumentSummary]:
        docs = filter_documents(self.store, self.current_filter())
        self.table.setRowCount(len(docs))
        for r, d in enumerate(docs):
            for c, text in enumerate((d.title, d.court or "", DOC_STATUS_JA.get(d.status, ""))):
                it = QTableWidgetItem(text)
                it.setData(_ID_ROLE, d.id)
                it.setToolTip(d.title)
                self.table.setItem(r, c, it)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 200))
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 130))
        self.count.setText(f"{len(docs)} 件の文書")
        return docs

    def clear(self) -> None:
        for b in self.status_boxes.values():
            b.setChecked(False)
        for i in range(self.label_list.count()):
            self.label_list.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.court.setCurrentText("")
        self.case_type.setCurrentIndex(0)
        self.from_on.setChecked(False)
        self.to_on.setChecked(False)
        self.apply()

    def _activated(self, item: QTableWidgetItem) -> None:
        self.documentActivated.emit(int(item.data(_ID_ROLE)))

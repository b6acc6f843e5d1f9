"""Document list dock: title, case number, court, status, progress; a filter box."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QWidget,
)

from core.model import DocumentSummary
from gui.document_model import DOC_ID_ROLE, DocumentModel
from gui.table import boxed, filtered_table


class DocumentDock(QDockWidget):
    documentActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("文書一覧", parent)
        self.setObjectName("documents")
        self.model = DocumentModel()
        self.proxy, self.filter, self.view = filtered_table(
            self.model, "絞り込み（題名・事件番号・裁判所・状態）", self)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        self.setWidget(boxed(self.filter, self.view))

    def _activated(self, index: QModelIndex) -> None:
        self.documentActivated.emit(int(index.data(DOC_ID_ROLE)))

    def set_documents(self, docs: list[DocumentSummary], current: int | None) -> None:
        self.model.set_documents(docs)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(0, min(self.view.columnWidth(0), 200))
        for c in (1, 2):
            self.view.setColumnWidth(c, min(self.view.columnWidth(c), 120))
        if current is not None:
            self.select(current)

    def select(self, doc_id: int) -> None:
        r = self.model.row_of(doc_id)
        if r is None:
            return
        idx = self.proxy.mapFromSource(self.model.index(r, 0))
        if idx.isValid():
            self.view.selectRow(idx.row())
            self.view.scrollTo(idx)

    def next_document(self, after: int) -> int | None:
        """The next document in the list's order that is not done (wrapping round)."""
        ids = [int(self.proxy.index(r, 0).data(DOC_ID_ROLE)) for r in range(self.proxy.rowCount())]
        status = {d.id: d.status for d in self.model.documents()}
        if after in ids:
            k = ids.index(after)
            ids = ids[k + 1:] + ids[:k]
        return next((i for i in ids if status.get(i) != "done"), None)

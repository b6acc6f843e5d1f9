"""The document list: a QAbstractTableModel over DocumentSummary snapshots."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from core.model import DOC_STATUS_JA, DocumentSummary
from gui.table import SORT_ROLE, Index, RowsModel

COLUMNS = ("title", "case_number", "court", "status", "progress", "assignees")
HEADERS = {"title": "題名", "case_number": "事件番号", "court": "裁判所", "status": "状態",
           "progress": "進捗", "assignees": "担当"}
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_STATUS_COLOR = {"new": "#666666", "in_progress": "#a05a00", "done": "#1e7b34"}



def assignees(doc: DocumentSummary) -> str:
    """Who has the document and how far each is: "山田:作業中, 佐藤:完了"."""
    return ", ".join(f"{who}:{DOC_STATUS_JA.get(st, st)}" for who, st in doc.assignments.items())


def progress(doc: DocumentSummary) -> float | None:
    """accepted / (accepted + suggested); None when there is nothing to review."""
    total = doc.n_spans + doc.n_suggested
    return doc.n_spans / total if total else None


class DocumentModel(RowsModel[DocumentSummary]):
    def __init__(self) -> None:
        super().__init__(COLUMNS, HEADERS)
        self._rows: list[DocumentSummary] = []

    def set_documents(self, docs: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(docs)
        self.endResetModel()

    def documents(self) -> list[DocumentSummary]:
        return list(self._rows)

    def row_of(self, doc_id: int) -> int | None:
        return next((i for i, d in enumerate(self._rows) if d.id == doc_id), None)

    def update(self, doc_id: int, **fields: Any) -> None:
        r = self.row_of(doc_id)
        if r is None:
            return
        new = replace(self._rows[r], **fields)
        if new != self._rows[r]:  # counts refreshed after every edit often stay the same
            self._rows[r] = new
            self.row_changed(r)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        col = COLUMNS[index.column()]
        if role == DOC_ID_ROLE:
            return d.id
        if role == SORT_ROLE and col == "progress":
            p = progress(d)
            return -1.0 if p is None else p
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            if col == "status":
                return DOC_STATUS_JA.get(d.status, d.status)
            if col == "progress":
                p = progress(d)
                return "—" if p is None else f"{p:.0%}（{d.n_spans}/{d.n_spans + d.n_suggested}）"
            if col == "assignees":
                return assignees(d)
            return getattr(d, col) or ""
        if role == Qt.ItemDataRole.ForegroundRole and col == "status":
            return QColor(_STATUS_COLOR.get(d.status, "#000000"))
        return None

"""The span table: a QAbstractTableModel over the controller's SpanData snapshots."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from core.model import SPAN_SOURCE_JA, SPAN_STATUS_JA, LabelData, SpanData
from core.value_text import value_text
from gui.table import SORT_ROLE, Index, RowsModel

COLUMNS = ("label", "text", "value", "status", "source", "start")
HEADERS = {"label": "ラベル", "text": "テキスト", "value": "値", "status": "状態",
           "source": "由来", "start": "位置"}
SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ROLES = frozenset({_DISPLAY, _DECORATION, _TOOLTIP, _FOREGROUND, int(SPAN_ID_ROLE),
                    int(SORT_ROLE)})
_REJECTED = QColor("#999999")



def value_json(value: Any) -> str:
    """The stored value, whole: the value cell's tooltip under its readable form."""
    return "" if value is None else json.dumps(value, ensure_ascii=False)


class SpanTableModel(RowsModel[SpanData]):
    def __init__(self) -> None:
        super().__init__(COLUMNS, HEADERS)
        self._rows: list[SpanData] = []
        self._row_of: dict[int, int] = {}
        self.labels: dict[str, LabelData] = {}

    def set_spans(self, spans: list[SpanData]) -> None:
        self.beginResetModel()
        self._rows = list(spans)
        self._row_of = {sp.id: i for i, sp in enumerate(self._rows)}
        self.endResetModel()

    def apply(self, pairs: list[tuple[SpanData | None, SpanData | None]]) -> None:
        """Change rows in place where possible (keeps the view's selection and scroll)."""
        for before, after in pairs:
            if after is not None and after.id in self._row_of:
                r = self._row_of[after.id]
                self._rows[r] = after
                self.row_changed(r)
            elif after is not None:
                r = len(self._rows)
                self.beginInsertRows(QModelIndex(), r, r)
                self._rows.append(after)
                self._row_of[after.id] = r
                self.endInsertRows()
            elif before is not None and before.id in self._row_of:
                r = self._row_of[before.id]
                self.beginRemoveRows(QModelIndex(), r, r)
                del self._rows[r]
                self._row_of = {sp.id: i for i, sp in enumerate(self._rows)}
                self.endRemoveRows()

    def row_of(self, span_id: int) -> int | None:
        return self._row_of.get(span_id)

    def span_at(self, row: int) -> SpanData:
        return self._rows[row]

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for every role of every visible cell on each repaint: roles we do not
        # answer return at once, and roles are compared as plain ints.
        if role not in _ROLES or not index.isValid():
            return None
        sp = self._rows[index.row()]
        col = COLUMNS[index.column()]
        if role == _DISPLAY:
            return self._display(sp, col)
        if role == _FOREGROUND:
            return _REJECTED if sp.status == "rejected" else None
        if role == _DECORATION:
            if col != "label":
                return None
            lb = self.labels.get(sp.label)
            return QColor(lb.color) if lb else None
        if role == SPAN_ID_ROLE:
            return sp.id
        if role == SORT_ROLE:
            return sp.start if col == "start" else (self._display(sp, col) or "")
        if role == _TOOLTIP and col == "text":
            return self._display(sp, col)
        if role == _TOOLTIP and col == "value":
            return value_json(sp.value)
        return None

    def _display(self, sp: SpanData, col: str) -> Any:
        if col == "label":
            lb = self.labels.get(sp.label)
            return lb.name if lb else sp.label
        if col == "text":
            return sp.text.replace("\n", "⏎")
        if col == "value":
            return value_text(sp.label, sp.value)
        if col == "status":
            return SPAN_STATUS_JA.get(sp.status, sp.status)
        if col == "source":
            return SPAN_SOURCE_JA.get(sp.source, sp.source)
        return sp.start

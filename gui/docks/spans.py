"""Span table dock: label, text, value, status, source; sortable and filterable."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QWidget,
)

from core.model import LabelData, SpanData
from gui.span_model import COLUMNS, SPAN_ID_ROLE, SpanTableModel
from gui.table import boxed, filtered_table


class SpanDock(QDockWidget):
    spanActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("スパン一覧", parent)
        self.setObjectName("spans")
        self.model = SpanTableModel()
        self.proxy, self.filter, self.view = filtered_table(
            self.model, "絞り込み（ラベル・テキスト・値・状態）", self)
        self.view.sortByColumn(COLUMNS.index("start"), Qt.SortOrder.AscendingOrder)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._clicked)
        self.setWidget(boxed(self.filter, self.view))

    def _clicked(self, index: QModelIndex) -> None:
        self.spanActivated.emit(int(index.data(SPAN_ID_ROLE)))

    def set_labels(self, labels: list[LabelData]) -> None:
        self.model.labels = {lb.key: lb for lb in labels}

    def set_spans(self, spans: list[SpanData]) -> None:
        self.model.set_spans(spans)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(COLUMNS.index("value"),
                                 min(max(self.view.columnWidth(COLUMNS.index("value")), 160), 320))

    def select_span(self, span_id: int | None) -> None:
        """Select the row of a span without emitting spanActivated (the viewer drove it)."""
        sel = self.view.selectionModel()
        r = self.model.row_of(span_id) if span_id is not None else None
        if r is None:
            sel.clearSelection()
            return
        idx = self.proxy.mapFromSource(self.model.index(r, 0))
        if not idx.isValid():
            sel.clearSelection()
            return
        sel.select(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                   | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(idx)

    def selected_span_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return int(rows[0].data(SPAN_ID_ROLE)) if rows else None

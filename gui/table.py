"""What the document and span tables share: a model over a list of snapshots with fixed
columns, and the filter box + sortable view a dock puts over it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QVBoxLayout, QWidget

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Row = TypeVar("Row")


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows are plain snapshots; `columns` are keys and `headers` their Japanese titles."""

    def __init__(self, columns: Sequence[str], headers: dict[str, str]) -> None:
        super().__init__()
        self.columns = tuple(columns)
        self.headers = headers
        self._rows: list[Row] = []

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Qt's own index() asks rowCount() and columnCount(), two calls into Python for
        every cell a proxy maps (hundreds per repaint of a table); this is one."""
        if parent.isValid() or not (0 <= row < len(self._rows)
                                    and 0 <= column < len(self.columns)):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[self.columns[section]]
        return None

    def row_changed(self, r: int) -> None:
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))


def filtered_table(model: QAbstractTableModel, placeholder: str,
                   parent: QWidget) -> tuple[QSortFilterProxyModel, QLineEdit, QTableView]:
    """A case-insensitive filter box over every column, and a sortable row-selecting view."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSortRole(SORT_ROLE)
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    box.textChanged.connect(proxy.setFilterFixedString)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return proxy, box, view


def boxed(*widgets: QWidget) -> QWidget:
    """Widgets stacked with a thin margin: the body of a dock."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(2, 2, 2, 2)
    for w in widgets:
        lay.addWidget(w)
    return box

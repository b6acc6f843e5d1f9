"""Labels dock: colour swatch, Japanese name, shortcut key, count in this document."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from core.model import LabelData


def swatch(color: str, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(color))
    return QIcon(pix)


class LabelDock(QDockWidget):
    labelActivated = Signal(str)  # label key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("ラベル", parent)
        self.setObjectName("labels")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["ラベル", "キー", "件数"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemActivated.connect(self._activated)
        self.table.itemDoubleClicked.connect(self._activated)
        self.table.setToolTip("ラベルを選んで Enter（またはダブルクリック）で選択範囲をタグ付け")
        self.setWidget(self.table)
        self._keys: list[str] = []

    def _activated(self, item: QTableWidgetItem) -> None:
        self.labelActivated.emit(self._keys[item.row()])

    def set_labels(self, labels: list[LabelData]) -> None:
        labels = [lb for lb in labels if lb.active]
        self._keys = [lb.key for lb in labels]
        self.table.setRowCount(len(labels))
        for r, lb in enumerate(labels):
            name = QTableWidgetItem(swatch(lb.color), lb.name)
            name.setToolTip(f"{lb.key}: {lb.description}")
            key = QTableWidgetItem(lb.shortcut)
            key.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            count = QTableWidgetItem("0")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for c, it in enumerate((name, key, count)):
                self.table.setItem(r, c, it)
        self.table.resizeColumnsToContents()

    def set_counts(self, accepted: Counter[str], suggested: Counter[str]) -> None:
        changed = False
        for r, key in enumerate(self._keys):
            item = self.table.item(r, 2)
            if item is not None:
                a, s = accepted.get(key, 0), suggested.get(key, 0)
                text = f"{a}" + (f"（候補 {s}）" if s else "")
                if item.text() != text:  # after an edit, one or two labels change
                    item.setText(text)
                    changed = True
        if changed:
            self.table.resizeColumnToContents(2)

    def count_text(self, key: str) -> str:
        item = self.table.item(self._keys.index(key), 2)
        return item.text() if item else ""

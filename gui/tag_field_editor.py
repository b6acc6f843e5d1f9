"""文書タグの項目: the document-tag fields of the project (結果, 事件種別, ...), each with
its choices; a tab of the ラベル設定 dialog."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import doc_tags
from core.doc_tags import TagFieldData
from core.errors import HanreiError
from core.store.db import Store

SEPARATORS = re.compile(r"[/／,，、\n]")


def split_choices(text: str) -> list[str]:
    return [c.strip() for c in SEPARATORS.split(text) if c.strip()]


class TagFieldEditor(QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.fields: list[TagFieldData] = []
        self.new_mode = False
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["項目", "識別子", "選択肢"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda r, *_: self._load(r))
        self.key, self.name, self.choices = QLineEdit(), QLineEdit(), QLineEdit()
        self.key.setPlaceholderText("例: outcome（英字）")
        self.choices.setPlaceholderText("／ または 、 で区切る（例: 認容／一部認容／棄却／却下）")
        form = QFormLayout()
        form.addRow("識別子", self.key)
        form.addRow("名前", self.name)
        form.addRow("選択肢", self.choices)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        grid = QGridLayout()
        actions: tuple[tuple[str, Callable[[], object]], ...] = (
            ("新しい項目", self.start_new), ("適用", self.apply), ("削除", self.delete),
            ("上へ", lambda: self.move_field(-1)), ("下へ", lambda: self.move_field(1)),
            ("標準の項目を追加", self.add_defaults))
        for i, (text, slot) in enumerate(actions):
            b = QPushButton(text)
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            grid.addWidget(b, i // 3, i % 3)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addLayout(grid)
        side.addWidget(self.message)
        side.addWidget(QLabel("項目を削除しても、付けた値は消えずに書き出されます。"))
        side.addStretch(1)
        lay = QHBoxLayout(self)
        lay.addWidget(self.table, 3)
        lay.addLayout(side, 2)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.fields = doc_tags.list_tag_fields(self.store)
        self.table.setRowCount(len(self.fields))
        for r, f in enumerate(self.fields):
            for c, text in enumerate((f.name, f.key, "／".join(f.choices))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        keys = [f.key for f in self.fields]
        if keys:
            row = keys.index(select) if select in keys else 0
            self.table.setCurrentCell(row, 0)
            self._load(row)

    def _load(self, row: int) -> None:
        if not 0 <= row < len(self.fields):
            return
        f = self.fields[row]
        self.new_mode = False
        self.key.setText(f.key)
        self.key.setReadOnly(True)
        self.name.setText(f.name)
        self.choices.setText("／".join(f.choices))

    def _run(self, done: str, fn: Callable[[], object], select: str | None = None) -> bool:
        try:
            fn()
        except HanreiError as e:
            self.message.setStyleSheet("color: #b00020")
            self.message.setText(str(e))
            return False
        self.reload(select)
        self.message.setStyleSheet("color: #1e7b34")
        self.message.setText(done)
        self.changed.emit()
        return True

    def start_new(self) -> None:
        self.new_mode = True
        for w in (self.key, self.name, self.choices):
            w.clear()
        self.key.setReadOnly(False)
        self.key.setFocus()

    def apply(self) -> bool:
        key, choices = self.key.text().strip(), split_choices(self.choices.text())
        if self.new_mode:
            return self._run(f"項目「{self.name.text()}」を追加しました。", lambda:
                             doc_tags.add_tag_field(self.store, key, self.name.text(), choices),
                             key)
        return self._run("変更を保存しました。", lambda: doc_tags.update_tag_field(
            self.store, key, name=self.name.text(), choices=choices), key)

    def delete(self) -> None:
        r = self.table.currentRow()
        if 0 <= r < len(self.fields):
            key = self.fields[r].key
            self._run(f"項目 {key} を削除しました。",
                      lambda: doc_tags.delete_tag_field(self.store, key))

    def move_field(self, step: int) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.fields):
            return
        keys = [f.key for f in self.fields]
        j = max(0, min(len(keys) - 1, r + step))
        keys[r], keys[j] = keys[j], keys[r]
        self._run("順番を変えました。", lambda: doc_tags.reorder_tag_fields(self.store, keys),
                  keys[j])

    def add_defaults(self) -> None:
        self._run("標準の項目（結果・事件種別）を追加しました。",
                  lambda: doc_tags.add_default_tag_fields(self.store))

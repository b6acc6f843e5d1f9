"""文書タグ: the open document's tags (結果, 事件種別, ...), one drop-down per field of the
project; choosing a value saves it at once (core.doc_tags.set_doc_tag, with an event)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import doc_tags
from core.doc_tags import TagFieldData
from core.errors import HanreiError
from core.store.db import Store

UNSET = "（未設定）"


class DocTagsDock(QDockWidget):
    tagChanged = Signal(str, str)  # key, value ("" = cleared)
    editFieldsRequested = Signal()

    def __init__(self, store: Store, annotator: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__("文書タグ", parent)
        self.setObjectName("doc_tags")
        self.store = store
        self.annotator = annotator
        self.doc_id: int | None = None
        self.combos: dict[str, QComboBox] = {}
        self.fields: list[TagFieldData] = []
        self.form = QFormLayout()
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.empty = QLabel("文書タグの項目がまだありません。")
        self.empty.setWordWrap(True)
        self.defaults = QPushButton("標準の項目（結果・事件種別）を使う")
        self.defaults.clicked.connect(self.add_defaults)
        edit = QPushButton("項目を編集…")
        edit.clicked.connect(self.editFieldsRequested)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(self.form)
        lay.addWidget(self.empty)
        lay.addWidget(self.defaults)
        lay.addWidget(self.message)
        lay.addStretch(1)
        lay.addWidget(edit)
        self.setWidget(box)
        self.reload_fields()

    def reload_fields(self) -> None:
        self.fields = doc_tags.list_tag_fields(self.store)
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos = {}
        for f in self.fields:
            combo = QComboBox()
            combo.addItems([UNSET, *f.choices])
            combo.activated.connect(lambda _i, key=f.key: self._chosen(key))
            self.combos[f.key] = combo
            self.form.addRow(f.name, combo)
        self.empty.setVisible(not self.fields)
        self.defaults.setVisible(not self.fields)
        self.set_document(self.doc_id)

    def set_document(self, doc_id: int | None) -> None:
        self.doc_id = doc_id
        values = {} if doc_id is None else doc_tags.get_doc_tags(self.store, doc_id,
                                                                 self.annotator())
        for key, combo in self.combos.items():
            combo.setEnabled(doc_id is not None)
            v = values.get(key)
            idx = combo.findText(v) if v else 0
            if idx < 0:  # a value no longer among the choices: still shown, as it is stored
                combo.addItem(v or "")
                idx = combo.count() - 1
            combo.setCurrentIndex(idx)
        self.message.clear()

    def set_value(self, key: str, value: str) -> bool:
        """Choose `value` (or UNSET / "") for `key`, as picking it in the drop-down does."""
        combo = self.combos[key]
        combo.setCurrentIndex(max(0, combo.findText(value or UNSET)))
        return self._chosen(key)

    def _chosen(self, key: str) -> bool:
        if self.doc_id is None:
            return False
        text = self.combos[key].currentText()
        value = "" if text == UNSET else text
        try:
            doc_tags.set_doc_tag(self.store, self.doc_id, key, value or None, self.annotator())
        except HanreiError as e:
            self.message.setStyleSheet("color: #b00020")
            self.message.setText(f"保存できませんでした: {e}")
            self.set_document(self.doc_id)
            return False
        self.message.setStyleSheet("color: #1e7b34")
        self.message.setText("保存しました")
        self.tagChanged.emit(key, value)
        return True

    def add_defaults(self) -> None:
        doc_tags.add_default_tag_fields(self.store)
        self.reload_fields()

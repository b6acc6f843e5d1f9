"""ラベル設定: the project's labels (name, colour, key, guideline, retire/復活, order),
JSON export/import, and a second tab for the document-tag fields.

Every change goes through core.schema at once (one transaction each); a refused change
shows core's Japanese message in red under the form and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import schema
from core.errors import HanreiError
from core.schema import LabelInfo
from core.store.db import Store
from gui.docks.labels import swatch
from gui.fonts import ui_font
from gui.tag_field_editor import TagFieldEditor

_ERR = "color: #b00020"
_OK = "color: #1e7b34"


class SchemaEditor(QDialog):
    schemaChanged = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("ラベル設定")
        self.setFont(ui_font())
        self.resize(900, 600)
        self.labels: list[LabelInfo] = []
        self.new_mode = False
        self.color = "#cccccc"

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["ラベル", "識別子", "キー", "スパン数", "状態"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda r, *_: self._load_form(r))

        self.key = QLineEdit()
        self.key.setPlaceholderText("例: WITNESS（英大文字）")
        self.name = QLineEdit()
        self.color_button = QPushButton()
        self.color_button.clicked.connect(self.pick_color)
        self.shortcut = QLineEdit()
        self.shortcut.setMaxLength(12)
        self.shortcut.setPlaceholderText("1文字（a・Enter・Tab・Delete は使えません）")
        self.auto = QCheckBox("取り込み時に自動で候補を付ける")
        self.guideline = QPlainTextEdit()
        self.guideline.setPlaceholderText("ガイドライン（Markdown）。1行目は要約としてツールチップに出ます。")
        form = QFormLayout()
        form.addRow("識別子", self.key)
        form.addRow("名前", self.name)
        form.addRow("色", self.color_button)
        form.addRow("キー", self.shortcut)
        form.addRow("", self.auto)
        form.addRow("ガイドライン", self.guideline)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.apply_button = QPushButton("適用")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)

        btns = QGridLayout()
        self.retire_button = QPushButton("廃止・削除")
        self.restore_button = QPushButton("復活")
        new_b, up, down = QPushButton("新しいラベル"), QPushButton("上へ"), QPushButton("下へ")
        new_b.clicked.connect(self.start_new)
        up.clicked.connect(lambda: self.move_label(-1))
        down.clicked.connect(lambda: self.move_label(1))
        self.retire_button.clicked.connect(self.retire)
        self.restore_button.clicked.connect(self.restore)
        for i, b in enumerate((new_b, up, down, self.retire_button, self.restore_button)):
            b.setAutoDefault(False)
            btns.addWidget(b, i // 3, i % 3)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(btns)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(self.message)
        right.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        page = QWidget()
        row = QHBoxLayout(page)
        row.addLayout(left, 3)
        row.addLayout(right, 2)

        self.fields = TagFieldEditor(store)
        self.fields.changed.connect(self.schemaChanged)
        self.tabs = QTabWidget()
        self.tabs.addTab(page, "ラベル")
        self.tabs.addTab(self.fields, "文書タグの項目")
        bottom = QHBoxLayout()
        for text, slot in (("JSON に書き出す…", self.export_json),
                           ("JSON から読み込む…", self.import_json), ("閉じる", self.accept)):
            b = QPushButton(text)
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            bottom.addWidget(b)
        bottom.insertStretch(2)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addLayout(bottom)
        self.reload()

    # --- list ----------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        cur = select or self.current_key()
        self.labels = schema.list_schema(self.store)
        self.table.setRowCount(len(self.labels))
        for r, lb in enumerate(self.labels):
            state = "使用中" if lb.active else "廃止"
            items = (QTableWidgetItem(swatch(lb.color), lb.name), QTableWidgetItem(lb.key),
                     QTableWidgetItem(lb.shortcut), QTableWidgetItem(str(lb.n_spans)),
                     QTableWidgetItem(state))
            items[2].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            items[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for c, it in enumerate(items):
                if not lb.active:
                    it.setForeground(QColor("#888888"))
                self.table.setItem(r, c, it)
        self.table.resizeColumnsToContents()
        keys = [lb.key for lb in self.labels]
        row = keys.index(cur) if cur in keys else 0
        if self.labels:
            self.table.setCurrentCell(row, 0)
            self._load_form(row)

    def current_key(self) -> str | None:
        r = self.table.currentRow()
        return self.labels[r].key if 0 <= r < len(self.labels) else None

    def _load_form(self, row: int) -> None:
        if not 0 <= row < len(self.labels):
            return
        lb = self.labels[row]
        self.new_mode = False
        self.key.setText(lb.key)
        self.key.setReadOnly(True)
        self.name.setText(lb.name)
        self.set_color(lb.color)
        self.shortcut.setText(lb.shortcut)
        self.auto.setChecked(lb.auto_suggest)
        self.guideline.setPlainText(lb.description)
        self.retire_button.setEnabled(lb.active)
        self.restore_button.setEnabled(not lb.active)

    def set_color(self, color: str) -> None:
        self.color = color
        self.color_button.setIcon(swatch(color, 16))
        self.color_button.setText(color)

    def pick_color(self) -> None:
        c = QColorDialog.getColor(QColor(self.color), self, "ラベルの色")
        if c.isValid():
            self.set_color(c.name())

    def _say(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(_OK if ok else _ERR)

    def _run(self, done: str, fn: object, select: str | None = None) -> bool:
        try:
            fn()  # type: ignore[operator]
        except HanreiError as e:
            self._say(str(e), False)
            return False
        self.reload(select)
        self._say(done, True)
        self.schemaChanged.emit()
        return True

    # --- actions -------------------------------------------------------------------------

    def start_new(self) -> None:
        self.new_mode = True
        self.table.clearSelection()
        for w in (self.key, self.name, self.shortcut):
            w.clear()
        self.key.setReadOnly(False)
        self.guideline.clear()
        self.auto.setChecked(False)
        self.set_color("#cfe2f3")
        self.key.setFocus()
        self._say("新しいラベルの識別子・名前・色・キーを入れて「適用」を押してください。", True)

    def apply(self) -> bool:
        key = self.key.text().strip().upper()
        if self.new_mode:
            return self._run(f"ラベル「{self.name.text()}」を追加しました。", lambda: (
                schema.add_label(self.store, key, self.name.text(), self.color,
                                 self.shortcut.text(), self.guideline.toPlainText()),
                schema.update_label(self.store, key, auto_suggest=self.auto.isChecked())),
                key)
        return self._run("変更を保存しました。", lambda: schema.update_label(
            self.store, key, name=self.name.text(), color=self.color,
            shortcut=self.shortcut.text(), description=self.guideline.toPlainText(),
            auto_suggest=self.auto.isChecked()), key)

    def move_label(self, step: int) -> None:
        keys = [lb.key for lb in self.labels]
        key = self.current_key()
        if key is None:
            return
        i = keys.index(key)
        j = max(0, min(len(keys) - 1, i + step))
        keys[i], keys[j] = keys[j], keys[i]
        self._run("順番を変えました。", lambda: schema.reorder_labels(self.store, keys), key)

    def retire(self) -> None:
        key = self.current_key()
        if key is None:
            return
        result: list[str] = []
        if self._run("", lambda: result.append(schema.retire_label(self.store, key)), key):
            retired = result[0] == "retired"
            self._say(f"{key} を廃止しました（付いているスパンはそのまま残ります）。" if retired
                      else f"{key} を削除しました（未使用でした）。", True)

    def restore(self) -> None:
        key = self.current_key()
        if key is not None:
            self._run(f"{key} を復活させました。",
                      lambda: schema.restore_label(self.store, key), key)

    def export_json(self, path: str | Path | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "ラベル設定を書き出す", "labels.json",
                                                  "JSON (*.json)")
        if path:
            self._run(f"{Path(path).name} に書き出しました。",
                      lambda: schema.write_schema(self.store, Path(path)))

    def import_json(self, path: str | Path | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "ラベル設定を読み込む", "",
                                                  "JSON (*.json)")
        if not path:
            return
        counts: list[tuple[int, int]] = []
        if self._run("", lambda: counts.append(schema.import_schema(
                self.store, schema.read_schema(Path(path))))):
            self.fields.reload()
            added, updated = counts[0]
            self._say(f"読み込みました: 追加 {added} 件、更新 {updated} 件。", True)

"""キュレーション: two or more layers of the open document side by side, one row per
(label, start, end), rows where the annotators differ highlighted; the curator takes one
version (採用) or writes their own (編集) into the curated layer, which
`export --layer curated` writes out. All reading and writing goes through core.curation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import services
from core.curation import DiffRow, curate_set, curate_take, diff_layers
from core.errors import HanreiError
from core.layers import CURATED, MAIN, layer_title
from core.store.db import Store
from core.team import layers as doc_layers
from gui.docks.detail import parse_value, value_json
from gui.fonts import text_family, ui_font

DIFFER = QColor("#fde2c8")  # a row where the sources do not agree
MISSING = QColor("#f6f6f6")
TAKEN = QColor("#d9f0d3")  # the curated cell once filled
FIXED = ("位置", "ラベル", "本文")
KIND_JA = {"agree": "一致", "missing": "一方のみ", "value": "値が違う"}


def short_value(value: Any) -> str:
    """A value as a reader compares it: the fields' values, not the JSON around them
    ({"date": "2024-03-15", "relative": "同日"} -> 2024-03-15・同日)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        parts = [short_value(v) for v in value.values()]
        return "・".join(p for p in parts if p)
    if isinstance(value, list):
        return "・".join(short_value(v) for v in value)
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return str(value)


def cell_text(sp: Any) -> str:
    if sp is None:
        return "—"
    v = short_value(sp.value).replace("\n", " ")
    return f"✓ {v}" if v else "✓"


class EditDialog(QDialog):
    """The curator's own version of a row: label, boundaries (code points) and value."""

    def __init__(self, text: str, labels: list[tuple[str, str]], label: str, start: int,
                 end: int, value: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("キュレーション版を編集")
        self.setFont(ui_font())
        self.text = text
        self.label = QComboBox()
        for key, name in labels:
            self.label.addItem(f"{name}（{key}）", key)
        self.label.setCurrentIndex(max(0, self.label.findData(label)))
        self.start, self.end = QSpinBox(), QSpinBox()
        for box, v in ((self.start, start), (self.end, end)):
            box.setRange(0, len(text))
            box.setValue(v)
            box.valueChanged.connect(self._preview)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.value = QLineEdit(value_json(value).replace("\n", " "))
        self.value.setPlaceholderText('JSON 例: 1200000 / "2022-04-01" / {"role": "原告"}')
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow("ラベル", self.label)
        form.addRow("開始", self.start)
        form.addRow("終了", self.end)
        form.addRow("本文", self.preview)
        form.addRow("値", self.value)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("キュレーションに保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("キャンセル")
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self._preview()

    def _preview(self) -> None:
        s, e = self.start.value(), self.end.value()
        self.preview.setText(self.text[s:e] if s < e else "（範囲が空です）")

    def result_values(self) -> tuple[str, int, int, Any]:
        return (str(self.label.currentData()), self.start.value(), self.end.value(),
                parse_value(self.value.text()))

    def _ok(self) -> None:
        try:
            _, s, e, _ = self.result_values()
        except ValueError as err:
            self.error.setText(str(err))
            return
        if s >= e:
            self.error.setText("終了は開始より後にしてください。")
            return
        self.accept()


class CurationWindow(QWidget):
    curatedChanged = Signal(int)  # document id

    def __init__(self, store: Store, annotator: str | None = None,
                 label_names: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.annotator = annotator
        self.label_names = label_names or {}
        self.doc_id: int | None = None
        self.text = ""
        self.rows: list[DiffRow] = []
        self.sources: list[str] = []
        self.setWindowTitle("キュレーション")
        self.setFont(ui_font())
        self.resize(1100, 620)

        self.title = QLabel()
        self.layer_box = QHBoxLayout()
        self.checks: dict[str, QCheckBox] = {}
        self.table = QTableWidget(0, 0)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.only_diff = QCheckBox("違いのある行だけ")
        self.only_diff.toggled.connect(self.refresh)
        self.take_button = QPushButton("採用")
        self.take_button.setToolTip("選んだセルの版をキュレーションに入れます（同じラベルの重なる"
                                    "キュレーション版は置き換えます）")
        self.take_button.clicked.connect(self.take_selected)
        self.take_agreed = QPushButton("一致した行をすべて採用")
        self.take_agreed.clicked.connect(self.take_all_agreed)
        self.edit_button = QPushButton("編集…")
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton("キュレーションから外す")
        self.remove_button.clicked.connect(self.remove_selected)
        self.summary = QLabel()

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(QLabel("比べるレイヤー:"))
        head.addLayout(self.layer_box)
        head.addWidget(self.only_diff)
        buttons = QHBoxLayout()
        for b in (self.take_button, self.edit_button, self.remove_button, self.take_agreed):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)

    # --- loading ---------------------------------------------------------------------------

    def set_document(self, doc_id: int) -> None:
        doc = services.load_document(self.store, doc_id)
        self.doc_id, self.text = doc_id, doc.text
        self.title.setText(f"<b>{doc.title}</b>")
        self.setWindowTitle(f"キュレーション — {doc.title[:40]}")
        names = [x for x in doc_layers(self.store, doc_id) if x != CURATED]
        own = [x for x in names if x.startswith("@")]
        default = set(own) if len(own) >= 2 else set(names)
        for cb in self.checks.values():
            self.layer_box.removeWidget(cb)
            cb.deleteLater()
        self.checks = {}
        for name in names:
            cb = QCheckBox(layer_title(name))
            cb.setChecked(name in default)
            cb.toggled.connect(self.refresh)
            self.layer_box.addWidget(cb)
            self.checks[name] = cb
        self.refresh()

    def refresh(self) -> None:
        if self.doc_id is None:
            return
        keep = self._current_key()
        self.sources = [n for n, cb in self.checks.items() if cb.isChecked()] or [MAIN]
        rows = diff_layers(self.store, self.doc_id, [*self.sources, CURATED])
        rows = [r for r in rows if any(r.cells[x] is not None for x in self.sources)
                or r.cells[CURATED] is not None]
        self.all_rows = rows
        if self.only_diff.isChecked():
            rows = [r for r in rows if r.kind_among(self.sources) != "agree"]
        self.rows = rows
        headers = [*FIXED, *(layer_title(x) for x in self.sources), "キュレーション", "判定"]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        text_font = self.table.font()
        fam = text_family()
        if fam:
            text_font.setFamily(fam)
        for r, row in enumerate(rows):
            kind = row.kind_among(self.sources)
            cells = [f"{row.start}–{row.end}", self._name(row.label), row.text.replace("\n", "⏎")]
            cells += [cell_text(row.cells[x]) for x in self.sources]
            cells += [cell_text(row.cells[CURATED]), KIND_JA[kind]]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                k = c - len(FIXED)
                cell = row.cells[[*self.sources, CURATED][k]] if 0 <= k <= len(self.sources) \
                    else None
                item.setToolTip(value_json(cell.value) if cell is not None else text)
                if c == 2:
                    item.setFont(text_font)
                if kind != "agree" and c < len(cells) - 2:
                    item.setBackground(QBrush(DIFFER))
                is_source = len(FIXED) <= c < len(FIXED) + len(self.sources)
                if is_source and text == "—":
                    item.setForeground(QBrush(QColor("#999999")))
                if c == len(cells) - 2 and row.cells[CURATED] is not None:
                    item.setBackground(QBrush(TAKEN))
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 260))
        for c in range(len(FIXED), len(headers) - 1):
            self.table.setColumnWidth(c, max(110, min(self.table.columnWidth(c), 220)))
        header.setStretchLastSection(True)
        n_diff = sum(1 for x in self.all_rows if x.kind_among(self.sources) != "agree")
        n_taken = sum(1 for x in self.all_rows if x.cells[CURATED] is not None)
        self.summary.setText(f"{len(self.all_rows)} 行・違い {n_diff} 行・採用済み {n_taken} 行")
        self._select_key(keep)

    # --- selection -------------------------------------------------------------------------

    def _current_key(self) -> tuple[tuple[int, int, str], int] | None:
        r, c = self.table.currentRow(), self.table.currentColumn()
        if 0 <= r < len(self.rows):
            row = self.rows[r]
            return (row.start, row.end, row.label), c
        return None

    def _select_key(self, key: tuple[tuple[int, int, str], int] | None) -> None:
        if key is None:
            return
        (start, end, label), col = key
        for r, row in enumerate(self.rows):
            if (row.start, row.end, row.label) == (start, end, label):
                self.table.setCurrentCell(r, max(0, min(col, self.table.columnCount() - 1)))
                return

    def select_cell(self, row: int, layer: str) -> None:
        """Select the cell of `layer` in `row` (the tests and the keyboard use it)."""
        cols = [*self.sources, CURATED]
        self.table.setCurrentCell(row, len(FIXED) + cols.index(layer))

    def _selected(self) -> tuple[DiffRow, str | None] | None:
        r, c = self.table.currentRow(), self.table.currentColumn()
        if not 0 <= r < len(self.rows):
            return None
        row = self.rows[r]
        k = c - len(FIXED)
        if 0 <= k < len(self.sources):
            return row, self.sources[k]
        present = [x for x in self.sources if row.cells[x] is not None]
        return row, (present[0] if len(present) == 1 else None)

    # --- actions ---------------------------------------------------------------------------

    def _run(self, fn: Any) -> bool:
        try:
            fn()
        except (HanreiError, ValueError) as e:
            self.summary.setText(f"保存できませんでした: {e}")
            if not getattr(self, "quiet_errors", False):
                QMessageBox.warning(self, "キュレーション", str(e))
            return False
        assert self.doc_id is not None
        self.curatedChanged.emit(self.doc_id)
        self.refresh()
        return True

    def take_selected(self) -> bool:
        sel = self._selected()
        span = sel[0].cells[sel[1]] if sel is not None and sel[1] is not None else None
        if span is None or self.doc_id is None:
            self.summary.setText("採用する版（レイヤーのセル）を選んでください")
            return False
        doc_id = self.doc_id
        return self._run(lambda: curate_take(self.store, doc_id, span_ids=[span.id],
                                             annotator=self.annotator))

    def take_all_agreed(self) -> bool:
        ids = []
        for row in self.all_rows:
            if row.kind_among(self.sources) == "agree" and row.cells[CURATED] is None:
                first = row.cells[self.sources[0]]
                if first is not None:
                    ids.append(first.id)
        if not ids or self.doc_id is None:
            self.summary.setText("新たに採用できる一致行はありません")
            return False
        doc_id = self.doc_id
        return self._run(lambda: curate_take(self.store, doc_id, span_ids=ids,
                                             annotator=self.annotator))

    def edit_selected(self) -> bool:
        sel = self._selected()
        if sel is None or self.doc_id is None:
            self.summary.setText("編集する行を選んでください")
            return False
        row, layer = sel
        base = row.cells[CURATED]
        if base is None and layer is not None:
            base = row.cells[layer]
        dlg = EditDialog(self.text, sorted(self.label_names.items()) or [(row.label, row.label)],
                         row.label, row.start, row.end, base.value if base else None, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        label, start, end, value = dlg.result_values()
        return self.save_edit(label, start, end, value)

    def save_edit(self, label: str, start: int, end: int, value: Any) -> bool:
        assert self.doc_id is not None
        doc_id = self.doc_id
        return self._run(lambda: curate_set(self.store, doc_id, label, start, end, value=value,
                                            annotator=self.annotator))

    def remove_selected(self) -> bool:
        sel = self._selected()
        cur = sel[0].cells[CURATED] if sel else None
        if cur is None:
            self.summary.setText("キュレーション版のある行を選んでください")
            return False
        return self._run(lambda: services.delete_span(
            self.store, cur.id, expected_version=cur.version, annotator=self.annotator))

    def _name(self, key: str) -> str:
        return self.label_names.get(key, key)

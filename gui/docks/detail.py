"""Detail pane of the selected span: label, boundaries, value (JSON, checked against the
label's value type before it can be saved), note."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from core.model import SPAN_SOURCE_JA, SPAN_STATUS_JA, LabelData, SpanData
from core.value_check import value_problem
from core.value_text import value_text

NO_VALUE = ""


def parse_value(text: str) -> Any:
    """The value box holds JSON; empty means no value. Raises ValueError with a reason."""
    text = text.strip()
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"JSON として読めません（{e.lineno}行 {e.colno}文字目: {e.msg}）") from e


def value_json(value: Any) -> str:
    """Short values on one line; longer ones one key per line."""
    if value is None:
        return ""
    flat = json.dumps(value, ensure_ascii=False)
    return flat if len(flat) <= 40 else json.dumps(value, ensure_ascii=False, indent=1)


class DetailDock(QDockWidget):
    applyRequested = Signal(int, dict)  # span id, changed fields

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("スパンの詳細", parent)
        self.setObjectName("detail")
        self.span: SpanData | None = None
        self.label = QComboBox()
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.status = QLabel()
        self.value = QPlainTextEdit()
        self.value.setPlaceholderText('値（JSON）例: 177356440 / "2021-04-01" / {"role": "原告"}')
        self.value.setMinimumHeight(80)
        self.value.setMaximumHeight(160)
        self.value.textChanged.connect(self._validate)
        self.shown = QLabel()  # the value as the span table shows it
        self.shown.setWordWrap(True)
        self.value_types: dict[str, str] = {}
        self.error = QLabel()
        self.error.setStyleSheet("color: #c00000")
        self.error.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText("メモ")
        self.apply_button = QPushButton("変更を保存")
        self.apply_button.clicked.connect(self.apply)
        box = QWidget()
        form = QFormLayout(box)
        form.addRow("ラベル", self.label)
        form.addRow("範囲", self.where)
        form.addRow("状態", self.status)
        form.addRow("値", self.value)
        form.addRow("", self.shown)
        form.addRow("", self.error)
        form.addRow("メモ", self.note)
        form.addRow("", self.apply_button)
        self.setWidget(box)
        self.label.currentIndexChanged.connect(lambda _i: self._validate())
        self.show_span(None)

    def set_labels(self, labels: list[LabelData]) -> None:
        self.value_types = {lb.key: lb.value_type for lb in labels}
        self.label.blockSignals(True)
        self.label.clear()
        for lb in labels:
            self.label.addItem(f"{lb.name}（{lb.key}）", lb.key)
        self.label.blockSignals(False)

    def show_span(self, span: SpanData | None) -> None:
        self.span = span
        on = span is not None
        for w in (self.label, self.value, self.note, self.apply_button):
            w.setEnabled(on)
        if span is None:
            self.where.setText("（スパンが選択されていません）")
            self.status.setText("")
            self.value.setPlainText("")
            self.note.setText("")
            self.shown.setText("")
            self.error.setText("")
            return
        i = self.label.findData(span.label)
        self.label.setCurrentIndex(i)
        self.where.setText(f"{span.start}–{span.end}「{span.text[:80]}」")
        self.status.setText(f"{SPAN_STATUS_JA.get(span.status, span.status)}・"
                            f"{SPAN_SOURCE_JA.get(span.source, span.source)}")
        self.value.setPlainText(value_json(span.value))
        self.note.setText(span.note or "")
        self._validate()  # a value that came from elsewhere may not fit: say so at once

    def _validate(self) -> bool:
        """JSON first, then the value against the chosen label's value type; the save
        button stays off, with the reason in red, until both hold."""
        try:
            value = parse_value(self.value.toPlainText())
        except ValueError as e:
            return self._refuse(str(e))
        key = self.label.currentData()
        problem = value_problem(self.value_types.get(key, "none"), value) if key else None
        if problem is not None:
            return self._refuse(problem)
        self.shown.setText(value_text(key or "", value))
        self.error.setText("")
        self.apply_button.setEnabled(self.span is not None)
        return True

    def _refuse(self, reason: str) -> bool:
        self.shown.setText("")
        self.error.setText(reason)
        self.apply_button.setEnabled(False)
        return False

    def apply(self) -> None:
        if self.span is None or not self._validate():
            return
        changes: dict[str, Any] = {}
        key = self.label.currentData()
        if key and key != self.span.label:
            changes["label"] = key
        value = parse_value(self.value.toPlainText())
        if value != self.span.value:
            changes["value"] = value
        note = self.note.text().strip() or None
        if note != (self.span.note or None):
            changes["note"] = note
        if changes:
            self.applyRequested.emit(self.span.id, changes)

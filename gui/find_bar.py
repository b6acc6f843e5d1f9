"""The find bar (Ctrl+F): every hit drawn as an extra selection, Enter walks them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from gui.viewer import JudgmentViewer


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every occurrence of `needle` (code points, non-overlapping, case-insensitive)."""
    if not needle:
        return []
    hay, pat = text.casefold(), needle.casefold()
    if len(hay) != len(text):  # casefold changed lengths: fall back to exact matching
        hay, pat = text, needle
    out, i = [], hay.find(pat)
    while i >= 0:
        out.append((i, i + len(pat)))
        i = hay.find(pat, i + len(pat))
    return out


class FindBar(QWidget):
    def __init__(self, viewer: JudgmentViewer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewer = viewer
        self.hits: list[tuple[int, int]] = []
        self.index = -1
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("検索（Enter: 次へ、Esc: 閉じる）")
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(lambda: self.step(1))
        self.count = QLabel()
        prev_b, next_b, close_b = QPushButton("前へ"), QPushButton("次へ"), QPushButton("閉じる")
        prev_b.clicked.connect(lambda: self.step(-1))
        next_b.clicked.connect(lambda: self.step(1))
        close_b.clicked.connect(self.close_bar)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(QLabel("検索:"))
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.count)
        for b in (prev_b, next_b, close_b):
            lay.addWidget(b)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        sel = self.viewer.textCursor().selectedText()
        if sel and "\u2029" not in sel:
            self.edit.setText(sel)
        self.edit.setFocus()
        self.edit.selectAll()
        self.search(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.viewer.set_hits([])
        self.viewer.setFocus()

    def search(self, needle: str) -> None:
        self.hits = find_all(self.viewer.text, needle)
        self.index = -1
        self.viewer.set_hits(self.hits)
        self.count.setText(f"{len(self.hits)} 件" if needle else "")

    def step(self, delta: int) -> None:
        if not self.hits:
            return
        self.index = (self.index + delta) % len(self.hits)
        a, b = self.hits[self.index]
        self.viewer.select_cp(a, b)
        self.count.setText(f"{self.index + 1} / {len(self.hits)} 件")

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(e)

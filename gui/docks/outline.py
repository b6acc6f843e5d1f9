"""Outline dock: the tree of SECTION spans (value: level, number, title); click to jump."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem, QWidget

from core.model import SpanData

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def heading(sp: SpanData, text: str = "") -> tuple[int, str]:
    """(level, display text) of a SECTION span. A heading with a number but no title
    (`(4)`, `ア`) shows the start of the line after it, from the document `text`."""
    v = sp.value if isinstance(sp.value, dict) else {}
    try:
        level = int(v.get("level", 1))
    except (TypeError, ValueError):
        level = 1
    number = str(v.get("number") or "")
    title = str(v.get("title") or "")
    if not title and text:
        eol = text.find("\n", sp.end)
        rest = text[sp.end:eol if eol >= 0 else len(text)].strip()
        title = rest[:24] + ("…" if len(rest) > 24 else "")
    # A part with neither number nor title (the parties' block) is named by its kind; a
    # tree row never shows more than one line.
    first_line = sp.text.strip().split("\n", 1)[0]
    shown = " ".join(p for p in (number, title) if p) or str(v.get("kind") or "") or first_line
    return level, shown.replace("\n", " ")[:60]


class OutlineDock(QDockWidget):
    spanActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("見出し", parent)
        self.setObjectName("outline")
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.setWidget(self.tree)

    def _clicked(self, item: QTreeWidgetItem) -> None:
        span_id = item.data(0, SPAN_ID_ROLE)
        if span_id is not None:
            self.spanActivated.emit(int(span_id))

    def set_spans(self, spans: list[SpanData], text: str = "") -> None:
        self.tree.clear()
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for sp in sorted((s for s in spans if s.label == "SECTION" and s.status != "rejected"),
                         key=lambda s: s.start):
            level, shown = heading(sp, text)
            while stack and stack[-1][0] >= level:
                stack.pop()
            item = QTreeWidgetItem([shown])
            item.setData(0, SPAN_ID_ROLE, sp.id)
            if sp.status == "suggested":
                item.setForeground(0, Qt.GlobalColor.darkGray)
                item.setToolTip(0, "候補（未確定）")
            if stack:
                stack[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            stack.append((level, item))
        self.tree.expandAll()
        if self.tree.topLevelItemCount() == 0:
            empty = QTreeWidgetItem(["（見出しはまだありません）"])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)

    def item_texts(self) -> list[str]:
        out: list[str] = []

        def walk(item: QTreeWidgetItem, depth: int) -> None:
            out.append("  " * depth + item.text(0))
            for i in range(item.childCount()):
                walk(item.child(i), depth + 1)

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i), 0)
        return out

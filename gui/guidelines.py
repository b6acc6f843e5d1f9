"""ガイドライン: each label's guideline (its description, in Markdown), shown in a pane and,
shortened, as the tooltip of the labels dock.

Guidelines are typed by users and shared through schema files, so they are untrusted:
raw HTML in the Markdown is not interpreted (md4c's NoHTML flags: `<b>` shows as the
characters `<b>`), and nothing is ever loaded, neither links nor images, local or remote.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QSplitter, QTextBrowser

from core.model import LabelData
from gui.fonts import ui_font

_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value)
_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def set_markdown(doc: QTextDocument, md: str) -> None:
    """Markdown with every raw HTML block and span kept as literal text."""
    doc.setMarkdown(md, _FEATURES)


def plain_text(md: str) -> str:
    doc = QTextDocument()
    set_markdown(doc, md)
    return doc.toPlainText()


def tooltip_html(lb: LabelData, limit: int = 400) -> str:
    """The label's name and key, then its guideline as escaped text (no markup survives)."""
    text = plain_text(lb.description).strip()
    if len(text) > limit:
        text = text[:limit].rstrip() + "…"
    head = f"<b>{html.escape(lb.name)}</b>（{html.escape(lb.key)}"
    head += f"・キー {html.escape(lb.shortcut)}）" if lb.shortcut else "）"
    body = html.escape(text).replace("\n", "<br>")
    return f"<qt>{head}<br>{body}</qt>" if body else f"<qt>{head}</qt>"


class SafeBrowser(QTextBrowser):
    """A QTextBrowser that follows no link and loads no resource."""

    def __init__(self) -> None:
        super().__init__()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.requested: list[str] = []  # what the document tried to load (for tests)

    def loadResource(self, _type: int, url: QUrl | str) -> Any:
        self.requested.append(url.toString() if isinstance(url, QUrl) else str(url))
        return None

    def show_markdown(self, md: str) -> None:
        set_markdown(self.document(), md)


class GuidelinesDock(QDockWidget):
    labelShown = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__("ガイドライン", parent)
        self.setObjectName("guidelines")
        self.setFont(ui_font())
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._current)
        self.browser = SafeBrowser()
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.browser)
        split.setSizes([140, 420])
        self.setWidget(split)
        self._labels: dict[str, LabelData] = {}

    def set_labels(self, labels: list[LabelData]) -> None:
        cur = self.current_key()
        self._labels = {lb.key: lb for lb in labels}
        self.list.clear()
        for lb in labels:
            it = QListWidgetItem(lb.name if lb.active else f"{lb.name}（廃止）")
            it.setData(_KEY_ROLE, lb.key)
            self.list.addItem(it)
        if cur in self._labels:
            self.show_label(cur)
        elif labels:
            self.list.setCurrentRow(0)

    def current_key(self) -> str | None:
        it = self.list.currentItem()
        return str(it.data(_KEY_ROLE)) if it is not None else None

    def show_label(self, key: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(_KEY_ROLE) == key:
                self.list.setCurrentRow(i)
                return

    def _current(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self.browser.clear()
            return
        lb = self._labels[str(item.data(_KEY_ROLE))]
        key = f"（キー {lb.shortcut}）" if lb.shortcut else ""
        title = f"## {lb.name} {key}\n\n識別子: `{lb.key}`\n\n"
        body = lb.description.strip() or "*このラベルにはまだガイドラインがありません。*"
        self.browser.show_markdown(title + body)
        self.labelShown.emit(lb.key)

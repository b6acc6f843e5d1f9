"""First run: on an empty database, offer the bundled fictional sample judgment, imported by
the real importer (so it arrives auto-highlighted), and a short list of the main keys."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from core import services
from core.importer import import_file
from core.store.db import Store
from gui.fonts import ui_font

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "sample_judgment.txt"

KEY_HINTS = (
    ("範囲を選んでラベルのキー", "タグ付け（例: m 金額、d 日付）"),
    ("Enter", "候補を確定"),
    ("Delete", "候補を却下"),
    ("Tab／Shift+Tab", "次の候補／前の候補"),
    ("Ctrl+Z", "元に戻す"),
    ("Ctrl+Enter", "この文書を完了にして次へ"),
)


def import_sample(store: Store, annotator: str | None = None) -> int:
    """The sample judgment's document id (imported now, or found from before)."""
    r = import_file(store, SAMPLE, annotator=annotator)
    if r.document_id is None:
        raise RuntimeError(f"サンプルを取り込めませんでした: {r.reason}")
    return r.document_id


class KeyHints(QDialog):
    """はじめに: the keys of the review loop, in a small table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("はじめに — 主なキー操作")
        self.setFont(ui_font(11))
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in KEY_HINTS)
        text = QLabel("<p>色の付いた部分が自動で見つけた<b>候補</b>です。"
                      "Tab で候補を順に移り、正しければ Enter、違えば Delete。</p>"
                      f"<table cellspacing=6>{rows}</table>"
                      "<p>変更はすぐに保存されます。キー操作の一覧はいつでも Shift+F1 で、"
                      "ラベルのガイドラインは F1 で見られます。</p>")
        text.setWordWrap(True)
        ok = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        ok.button(QDialogButtonBox.StandardButton.Ok).setText("はじめる")
        ok.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(ok)


def _ask(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent, "ようこそ",
        "データベースにまだ判決書がありません。\n\n"
        "練習用のサンプル判決書（架空の事件）を開きますか？\n"
        "自動で付けた候補を確認する流れを試せます。")
    return answer == QMessageBox.StandardButton.Yes


def maybe_first_run(window: Any, *, force: bool = False,
                    ask: Callable[[QWidget], bool] = _ask, hints: bool = True) -> int | None:
    """Offer the sample on an empty database; returns the opened document's id, if any.
    Skipped under pytest (and with HANREI_NO_FIRST_RUN) unless `force`."""
    if not force and (os.environ.get("PYTEST_CURRENT_TEST")
                      or os.environ.get("HANREI_NO_FIRST_RUN")):
        return None
    store: Store = window.ctl.store
    if services.list_documents(store) or not ask(window):
        return None
    doc_id = import_sample(store, window.ctl.annotator)
    window.reload_documents()
    window.open_document(doc_id)
    if hints:
        window.key_hints = KeyHints(window)
        window.key_hints.show()
    return doc_id

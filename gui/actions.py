"""The window's actions and menus (ファイル, 編集, 表示, ヘルプ), with their keys.

Keys that act on the judgment (Enter, Delete, Tab, the boundary keys) are shortcuts of the
viewer only, so they keep their usual meaning in the filter boxes and the detail pane.
Label keys are single letters handled by the viewer itself (see JudgmentViewer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

# (English key, Japanese text, shortcuts, viewer-only)
EDIT_ACTIONS: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    ("accept", "確定", ("Return", "Enter"), True),
    ("reject", "却下・削除", ("Delete", "Backspace"), True),
    ("next", "次の候補", ("Tab",), True),
    ("prev", "前の候補", ("Shift+Tab", "Backtab"), True),
    ("accept_all", "このラベルの候補をすべて確定", ("A",), True),
    ("end_left", "終了位置を左へ", ("Alt+Shift+Left",), True),
    ("end_right", "終了位置を右へ", ("Alt+Shift+Right",), True),
    ("start_left", "開始位置を左へ", ("Ctrl+Alt+Shift+Left",), True),
    ("start_right", "開始位置を右へ", ("Ctrl+Alt+Shift+Right",), True),
    ("find", "検索", ("Ctrl+F",), False),
    ("done_next", "完了にして次へ", ("Ctrl+Return", "Ctrl+Enter"), False),
)
VIEW_ACTIONS: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    ("zoom_in", "拡大", ("Ctrl+=", "Ctrl++"), False),
    ("zoom_out", "縮小", ("Ctrl+-",), False),
    ("show_rejected", "却下したスパンを表示", ("Ctrl+Shift+R",), False),
)

HELP_TEXT = """<h3>キー操作</h3>
<table cellspacing=4>
<tr><td>範囲を選択してラベルのキー</td><td>タグ付け（確定スパン、端の空白は除く）</td></tr>
<tr><td>Shift+矢印</td><td>範囲を選択</td></tr>
<tr><td>Enter</td><td>カーソル位置・選択中の候補を確定</td></tr>
<tr><td>Delete</td><td>候補を却下／手動のスパンを削除</td></tr>
<tr><td>Tab／Shift+Tab</td><td>次の候補／前の候補</td></tr>
<tr><td>A</td><td>選択中の候補と同じラベルの候補をすべて確定（確認あり）</td></tr>
<tr><td>Alt+Shift+←／→</td><td>スパンの終了位置を1文字動かす</td></tr>
<tr><td>Ctrl+Alt+Shift+←／→</td><td>スパンの開始位置を1文字動かす</td></tr>
<tr><td>Ctrl+Z／Ctrl+Shift+Z（Ctrl+Y）</td><td>元に戻す／やり直し</td></tr>
<tr><td>Ctrl+F</td><td>検索</td></tr>
<tr><td>Ctrl+Enter</td><td>この文書を完了にして次の文書へ</td></tr>
<tr><td>Ctrl+=／Ctrl+-</td><td>文字の拡大／縮小</td></tr>
<tr><td>F1</td><td>ラベルのガイドライン</td></tr>
<tr><td>Shift+F1</td><td>この一覧</td></tr>
</table>
<p>日本語入力がオンのままでもラベルのキーは使えます。変更はすぐにデータベースへ保存されます。</p>"""


@dataclass
class Actions:
    by_key: dict[str, QAction]

    def __getitem__(self, key: str) -> QAction:
        return self.by_key[key]


def _make(win: QMainWindow, viewer: QWidget, key: str, text: str, keys: tuple[str, ...],
          viewer_only: bool, slot: Callable[[], None]) -> QAction:
    act = QAction(text, win)
    act.setObjectName(key)
    act.setShortcuts([QKeySequence(k) for k in keys])
    if viewer_only:
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        if key != "accept_all":  # `A` is read by the viewer itself (input methods too)
            viewer.addAction(act)
        else:
            act.setShortcuts([])
            act.setText(f"{text}\tA")
    act.triggered.connect(slot)
    return act


def build_menus(win: QMainWindow, viewer: QWidget, slots: dict[str, Callable[[], None]],
                undo: QAction, redo: QAction) -> Actions:
    acts: dict[str, QAction] = {}
    bar = win.menuBar()
    file_menu: QMenu = bar.addMenu("ファイル(&F)")
    acts["reload"] = file_menu.addAction("文書一覧を再読み込み", slots["reload"])
    file_menu.addSeparator()
    quit_act = file_menu.addAction("終了", win.close)
    quit_act.setShortcut(QKeySequence("Ctrl+Q"))

    edit_menu = bar.addMenu("編集(&E)")
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    for key, text, keys, vo in EDIT_ACTIONS:
        acts[key] = _make(win, viewer, key, text, keys, vo, slots[key])
        edit_menu.addAction(acts[key])
        if key in ("accept_all", "start_right"):
            edit_menu.addSeparator()

    view_menu = bar.addMenu("表示(&V)")
    for key, text, keys, vo in VIEW_ACTIONS:
        acts[key] = _make(win, viewer, key, text, keys, vo, slots[key])
        view_menu.addAction(acts[key])
    acts["show_rejected"].setCheckable(True)
    view_menu.addSeparator()
    docks = view_menu.addMenu("パネル")
    for dock in win.findChildren(QWidget):
        if hasattr(dock, "toggleViewAction") and dock.parent() is win:
            docks.addAction(dock.toggleViewAction())

    help_menu = bar.addMenu("ヘルプ(&H)")
    acts["keys"] = help_menu.addAction("キー操作の一覧", slots["keys"])
    acts["keys"].setShortcut(QKeySequence("Shift+F1"))  # F1 opens the guidelines
    return Actions(acts)

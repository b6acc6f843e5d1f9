"""What the keys do: tag, accept, reject, walk suggestions, move boundaries, accept all.

Each operation writes through the controller first (committed), then pushes an undo
command for it onto the open document's stack. A failed write has been shown by the
controller already; nothing is pushed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from core.model import SpanData
from gui.commands import AddSpanCommand, BulkStatusCommand, DeleteSpanCommand, UpdateSpanCommand
from gui.controller import Controller, WriteFailed
from gui.viewer import JudgmentViewer, trim_selection


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class Editor(QObject):
    currentChanged = Signal(object)  # SpanData | None
    message = Signal(str)

    def __init__(self, ctl: Controller, viewer: JudgmentViewer, parent: QObject | None = None):
        super().__init__(parent)
        self.ctl = ctl
        self.viewer = viewer
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self.current_id: int | None = None
        # Replaced in tests; a plain attribute, not a Qt method.
        self.confirm: Callable[[str, str], bool] = lambda t, m: ask(viewer.window(), t, m)
        viewer.cursorMoved.connect(self._cursor_moved)
        ctl.spansReset.connect(lambda: self.set_current(self.current_id, select=False))

    # --- the open document ---------------------------------------------------------------

    def document_opened(self, doc_id: int) -> None:
        stack = self._stacks.get(doc_id)
        if stack is None:
            stack = self._stacks[doc_id] = QUndoStack(self.undo_group)
        self.undo_group.setActiveStack(stack)
        self.set_current(None, select=False)

    def stack(self) -> QUndoStack:
        stack = self.undo_group.activeStack()
        assert stack is not None
        return stack

    def _push(self, cmd: QUndoCommand) -> None:
        self.stack().push(cmd)

    # --- the current span ----------------------------------------------------------------

    def current(self) -> SpanData | None:
        return self.ctl.span(self.current_id) if self.current_id is not None else None

    def set_current(self, span_id: int | None, *, select: bool = True) -> None:
        sp = self.ctl.span(span_id) if span_id is not None else None
        self.current_id = sp.id if sp else None
        if sp is not None and select:
            self.viewer.select_cp(sp.start, sp.end)
        self.viewer.set_current(sp)
        self.currentChanged.emit(sp)

    def _visible(self, sp: SpanData) -> bool:
        return sp.status != "rejected" or self.viewer.highlighter.show_rejected

    def _cursor_moved(self, pos: int) -> None:
        cur = self.current()
        if cur is not None and cur.start <= pos <= cur.end:
            return
        hits = [s for s in self.ctl.spans_at(pos) if self._visible(s) and s.start < s.end]
        inside = [s for s in hits if s.start <= pos < s.end] or hits
        self.set_current(inside[0].id if inside else None, select=False)

    def target(self) -> SpanData | None:
        """The span an action applies to: the current one, else the innermost at the cursor."""
        cur = self.current()
        if cur is not None:
            return cur
        spans = [s for s in self.ctl.spans_at(self.viewer.cursor_cp()) if self._visible(s)]
        return spans[0] if spans else None

    # --- operations ----------------------------------------------------------------------

    def tag(self, label: str) -> SpanData | None:
        start, end = trim_selection(self.viewer.text, *self.viewer.selection_cp())
        if start >= end:
            self.message.emit("タグ付けする範囲を選択してください")
            return None
        try:
            sp = self.ctl.add_span(label, start, end)
        except WriteFailed:
            return None
        self._push(AddSpanCommand(self.ctl, sp))
        self.set_current(sp.id)
        return sp

    def _update(self, sp: SpanData, text: str, **changes: object) -> SpanData | None:
        try:
            ch = self.ctl.update_span(sp.id, **changes)
        except WriteFailed:
            return None
        self._push(UpdateSpanCommand(self.ctl, ch.before, ch.after, text))
        self.set_current(ch.after.id, select=False)
        return ch.after

    def accept(self) -> SpanData | None:
        sp = self.target()
        if sp is None:
            self.message.emit("確定する候補がありません")
            return None
        if sp.status == "accepted":
            return sp
        return self._update(sp, f"確定「{sp.text[:12]}」", status="accepted")

    def reject(self) -> None:
        """A suggestion (or an accepted suggestion) is rejected; a manual span is removed."""
        sp = self.target()
        if sp is None:
            self.message.emit("却下するスパンがありません")
            return
        if sp.status == "accepted" and sp.source == "manual":
            try:
                snap = self.ctl.delete_span(sp.id)
            except WriteFailed:
                return
            self._push(DeleteSpanCommand(self.ctl, snap))
            self.set_current(None, select=False)
        elif sp.status != "rejected":
            self._update(sp, f"却下「{sp.text[:12]}」", status="rejected")

    def next_suggestion(self, forward: bool = True) -> SpanData | None:
        cur = self.current()
        pos = (cur.start, cur.id) if cur else (self.viewer.cursor_cp(), -1)
        sugg = [s for s in self.ctl.spans() if s.status == "suggested"]
        if forward:
            after = [s for s in sugg if (s.start, s.id) > pos] or sugg
            nxt = after[0] if after else None
        else:
            before = [s for s in sugg if (s.start, s.id) < pos] or sugg
            nxt = before[-1] if before else None
        if nxt is None:
            self.message.emit("候補はもうありません")
            return None
        self.set_current(nxt.id)
        return nxt

    def move_boundary(self, which: str, delta: int) -> None:
        sp = self.target()
        if sp is None:
            return
        start = sp.start + (delta if which == "start" else 0)
        end = sp.end + (delta if which == "end" else 0)
        if not 0 <= start < end <= len(self.viewer.text):
            return
        name = "開始" if which == "start" else "終了"
        after = self._update(sp, f"{name}位置の変更「{sp.text[:12]}」", start=start, end=end)
        if after is not None:
            self.viewer.select_cp(after.start, after.end, center=False)
            self.set_current(after.id, select=False)

    def accept_all(self) -> None:
        sp = self.target()
        if sp is None or sp.status != "suggested":
            self.message.emit("候補を選んでから A を押してください")
            return
        same = [s for s in self.ctl.spans() if s.label == sp.label and s.status == "suggested"]
        lb = self.ctl.label(sp.label)
        name = lb.name if lb else sp.label
        if not self.confirm("候補をすべて確定", f"この文書の「{name}」の候補 {len(same)} 件を"
                                            "すべて確定しますか？"):
            return
        try:
            self.ctl.set_statuses([s.id for s in same], "accepted")
        except WriteFailed:
            return
        self._push(BulkStatusCommand(self.ctl, same, "accepted",
                                     f"「{name}」の候補 {len(same)} 件を確定"))
        self.message.emit(f"「{name}」の候補 {len(same)} 件を確定しました")

    def apply_detail(self, span_id: int, changes: dict) -> None:
        sp = self.ctl.span(span_id)
        if sp is not None:
            self._update(sp, f"詳細の変更「{sp.text[:12]}」", **changes)

"""Undo commands. The first action is done (and committed) before a command is pushed, so a
failed write never enters the stack; undo and redo call the same services again.

A command whose undo or redo fails marks itself obsolete: QUndoStack then drops it, and
the controller has already re-read the spans, so the stack never claims a state the
database does not have.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from core.model import SpanData
from gui.controller import Controller, WriteFailed

_FIELDS = ("label", "start", "end", "value", "note", "status")


class _Command(QUndoCommand):
    def __init__(self, ctl: Controller, text: str) -> None:
        super().__init__(text)
        self.ctl = ctl
        self._first = True

    def redo(self) -> None:
        if self._first:  # already done by the caller before the push
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, fn: Any) -> None:
        try:
            fn()
        except WriteFailed:
            self.setObsolete(True)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddSpanCommand(_Command):
    """Undo deletes the span; redo restores it with the same id."""

    def __init__(self, ctl: Controller, span: SpanData) -> None:
        super().__init__(ctl, f"タグ付け「{span.text[:12]}」")
        self.span = span

    def _undo(self) -> None:
        self.span = self.ctl.delete_span(self.span.id)

    def _redo(self) -> None:
        self.span = self.ctl.restore_span(self.span)


class DeleteSpanCommand(_Command):
    def __init__(self, ctl: Controller, snapshot: SpanData) -> None:
        super().__init__(ctl, f"削除「{snapshot.text[:12]}」")
        self.snapshot = snapshot

    def _undo(self) -> None:
        self.ctl.restore_span(self.snapshot)

    def _redo(self) -> None:
        self.snapshot = self.ctl.delete_span(self.snapshot.id)


def _fields(sp: SpanData, like: SpanData) -> dict[str, Any]:
    """The fields where `sp` differs from `like`, as update_span keyword arguments."""
    return {k: getattr(sp, k) for k in _FIELDS if getattr(sp, k) != getattr(like, k)}


class UpdateSpanCommand(_Command):
    """Any change of one span (status, boundaries, label, value, note)."""

    def __init__(self, ctl: Controller, before: SpanData, after: SpanData, text: str) -> None:
        super().__init__(ctl, text)
        self.before = before
        self.after = after

    def _undo(self) -> None:
        self.ctl.update_span(self.before.id, **_fields(self.before, self.after))

    def _redo(self) -> None:
        self.ctl.update_span(self.after.id, **_fields(self.after, self.before))


class BulkStatusCommand(_Command):
    """Accept-all: undo puts every span back to the status it had, grouped by status."""

    def __init__(self, ctl: Controller, befores: Sequence[SpanData], status: str,
                 text: str) -> None:
        super().__init__(ctl, text)
        self.befores = list(befores)
        self.status = status

    def _undo(self) -> None:
        by_status: dict[str, list[int]] = {}
        for sp in self.befores:
            by_status.setdefault(sp.status, []).append(sp.id)
        for status, ids in by_status.items():
            self.ctl.set_statuses(ids, status)

    def _redo(self) -> None:
        self.ctl.set_statuses([sp.id for sp in self.befores], self.status)

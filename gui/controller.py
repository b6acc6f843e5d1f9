"""The window's single owner of the store and of the open document's spans.

Every change goes through a core service and is committed before the controller updates
its copy and emits a signal; views listen to the signals instead of reaching across
widgets. A failed write is reported (writeFailed) and the spans are re-read from the
store, so the screen never shows something that was not saved.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Collection, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import SQLAlchemyError

from core import services, team
from core.errors import ConflictError, HanreiError
from core.model import DocumentData, DocumentSummary, LabelData, SpanData
from core.services import SpanChange
from core.store.db import Store
from core.text.offsets import Utf16Index

T = TypeVar("T")


class WriteFailed(Exception):
    """Raised to the caller after the failure has been shown; nothing was written."""


def describe_error(e: BaseException) -> str:
    """A plain Japanese sentence for a failed write, with the technical reason after it."""
    text = str(e).splitlines()[0] if str(e) else type(e).__name__
    if isinstance(e, ConflictError):
        return f"他の人がこの箇所を変更しました。最新の状態を読み込み直しました。（{text}）"
    low = text.lower()
    if "locked" in low or "busy" in low:
        return f"データベースが他の処理で使用中のため保存できませんでした。（{text}）"
    if "disk" in low or "full" in low or isinstance(e, OSError):
        return f"ディスクに書き込めませんでした。（{text}）"
    return f"保存できませんでした。（{text}）"


class Controller(QObject):
    documentOpened = Signal(object)  # DocumentData
    spansReset = Signal()  # everything re-read: redraw all
    spansChanged = Signal(object)  # list[tuple[SpanData | None, SpanData | None]] (before, after)
    documentsChanged = Signal()
    documentStatusChanged = Signal(object)  # DocumentData
    saved = Signal()
    writeFailed = Signal(str)
    layerChanged = Signal(str)  # the layer the open document is edited in
    annotatorChanged = Signal(str)

    def __init__(self, store: Store, annotator: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.annotator = annotator
        self.document: DocumentData | None = None
        self.utf16: Utf16Index = Utf16Index("")
        self._spans: dict[int, SpanData] = {}
        self._labels: list[LabelData] = []
        self.layer = "main"  # main, or "@name" in independent mode (core.team)
        self.follow_settings = False  # take a name changed in 設定 (not given by --annotator)
        self.seen_event: int | None = None  # the newest change this window has seen (poll)

    # --- reading -------------------------------------------------------------------------

    def documents(self) -> list[DocumentSummary]:
        return services.list_documents(self.store)

    def labels(self) -> list[LabelData]:
        if not self._labels:
            pid = self.document.project_id if self.document else None
            self._labels = services.list_labels(self.store, pid)
        return self._labels

    def label(self, key: str) -> LabelData | None:
        return next((lb for lb in self.labels() if lb.key == key), None)

    def open_document(self, doc_id: int) -> DocumentData:
        doc = services.load_document(self.store, doc_id)
        layer = team.working_layer(self.store, doc_id, self.annotator)
        spans = services.list_spans(self.store, doc_id, layer)
        if layer != self.layer:
            self.layer = layer
            self.layerChanged.emit(layer)
        if self.document is None or doc.project_id != self.document.project_id:
            self._labels = []
        self.document = doc
        self.utf16 = Utf16Index(doc.text)
        self._spans = {sp.id: sp for sp in spans}
        self.documentOpened.emit(doc)
        return doc

    def reload_labels(self) -> None:
        """The label schema changed (ラベル設定): forget the cached labels and redraw the open
        document with the new ones."""
        self._labels = []
        if self.document is not None:
            self.open_document(self.document.id)

    def reload_spans(self) -> None:
        if self.document is None:
            return
        # If even reading fails, the failure was shown already; keep what we had.
        with contextlib.suppress(HanreiError, SQLAlchemyError, OSError, sqlite3.Error):
            self._spans = {sp.id: sp for sp in
                           services.list_spans(self.store, self.document.id, self.layer)}
        self.spansReset.emit()

    def set_annotator(self, name: str) -> None:
        """A new name (設定): later changes are recorded under it; the open document is
        re-read, since in independent mode the name decides the layer."""
        name = name.strip()
        if not name or name == self.annotator:
            return
        self.annotator = name
        self.annotatorChanged.emit(name)
        if self.document is not None:
            doc_id, self.document = self.document.id, None
            self.open_document(doc_id)

    def poll(self, *, everyone: bool = False) -> bool:
        """Look for changes others made since the last look (a cheap query on the event
        table). The open document's spans are re-read if they differ from ours (the editor
        keeps the current span by id), the document list when any document changed. Edits
        under this annotator's own name are left out (this window made them, or shows them
        already) unless `everyone` (F5: the same name may be working in another window).
        Returns whether anything on screen changed."""
        others_than = None if everyone else self.annotator
        try:
            newest, docs = team.changes_since(
                self.store, self.seen_event or 0, others_than=others_than
            )
        except (HanreiError, SQLAlchemyError, OSError, sqlite3.Error):
            return False  # the server is away for a moment: try at the next tick
        first = self.seen_event is None
        self.seen_event = newest
        if first or not docs:
            return False
        changed = False
        doc = self.document
        if doc is not None and doc.id in docs:
            try:
                fresh = services.list_spans(self.store, doc.id, self.layer)
                fresh_doc = services.load_document(self.store, doc.id)
            except (HanreiError, SQLAlchemyError, OSError, sqlite3.Error):
                return False
            fresh_map = {sp.id: sp for sp in fresh}
            if fresh_map != self._spans:
                self._spans = fresh_map
                self.spansReset.emit()
                changed = True
            if (fresh_doc.status, fresh_doc.version) != (doc.status, doc.version):
                self.document = fresh_doc
                self.documentStatusChanged.emit(fresh_doc)
                changed = True
        self.documentsChanged.emit()
        return changed

    def spans(self) -> list[SpanData]:
        return sorted(self._spans.values(), key=lambda s: (s.start, -s.end, s.id))

    def span_values(self) -> Collection[SpanData]:
        """The spans in no particular order (for counting: sorting thousands costs)."""
        return self._spans.values()

    def span(self, span_id: int) -> SpanData | None:
        return self._spans.get(span_id)

    def spans_at(self, pos: int) -> list[SpanData]:
        """Spans covering code point `pos` (or ending right at it), innermost first."""
        hits = [s for s in self._spans.values() if s.start <= pos <= s.end]
        return sorted(hits, key=lambda s: (s.end - s.start, s.start))

    # --- writing -------------------------------------------------------------------------

    def _write(self, fn: Callable[[], T]) -> T:
        try:
            result = fn()
        except (HanreiError, SQLAlchemyError, OSError, sqlite3.Error) as e:
            self.writeFailed.emit(describe_error(e))
            self.reload_spans()
            raise WriteFailed(str(e)) from e
        self.saved.emit()
        return result

    def _changed(self, pairs: Sequence[tuple[SpanData | None, SpanData | None]]) -> None:
        for before, after in pairs:
            if before is not None:
                self._spans.pop(before.id, None)
            if after is not None:
                self._spans[after.id] = after
        self.spansChanged.emit(list(pairs))

    def _version(self, span_id: int) -> int | None:
        sp = self._spans.get(span_id)
        return sp.version if sp else None

    def add_span(self, label: str, start: int, end: int, *, value: Any = None,
                 status: str = "accepted") -> SpanData:
        assert self.document is not None
        doc_id = self.document.id
        layer = self.layer
        sp = self._write(lambda: services.add_span(
            self.store, doc_id, label, start, end, annotator=self.annotator, value=value,
            status=status, source="manual", layer=layer))
        self._changed([(None, sp)])
        return sp

    def update_span(self, span_id: int, **changes: Any) -> SpanChange:
        ch = self._write(lambda: services.update_span(
            self.store, span_id, expected_version=self._version(span_id),
            annotator=self.annotator, **changes))
        self._changed([(ch.before, ch.after)])
        return ch

    def delete_span(self, span_id: int) -> SpanData:
        snap = self._write(lambda: services.delete_span(
            self.store, span_id, expected_version=self._version(span_id),
            annotator=self.annotator))
        self._changed([(snap, None)])
        return snap

    def restore_span(self, snapshot: SpanData) -> SpanData:
        sp = self._write(lambda: services.restore_span(self.store, snapshot,
                                                       annotator=self.annotator))
        self._changed([(None, sp)])
        return sp

    def set_statuses(self, span_ids: Sequence[int], status: str) -> list[SpanChange]:
        pairs = [(i, self._version(i) or 0) for i in span_ids]
        changes = self._write(lambda: services.set_span_statuses(
            self.store, pairs, status, annotator=self.annotator))
        self._changed([(c.before, c.after) for c in changes])
        return changes

    def set_document_status(self, status: str) -> DocumentData:
        assert self.document is not None
        doc_id, seen = self.document.id, self.document.version
        try:
            doc = self._write(lambda: services.set_document_status(
                self.store, doc_id, status, annotator=self.annotator, expected_version=seen))
        except WriteFailed:
            # Someone else changed the document: show its current state, so trying again
            # works on what is really there.
            with contextlib.suppress(HanreiError, SQLAlchemyError, OSError, sqlite3.Error):
                self.document = services.load_document(self.store, doc_id)
                self.documentStatusChanged.emit(self.document)
            raise
        self.document = doc
        self.documentStatusChanged.emit(doc)
        self.documentsChanged.emit()
        return doc

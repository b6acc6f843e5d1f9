"""Span operations: add, change, delete, restore, and bulk status. Each call is one
transaction committed before it returns.

Edits take the version the caller last saw; if someone else changed the span since,
ConflictError is raised and nothing is written (no lost update).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.orm.exc import StaleDataError

from core.assignments import touch_assignment
from core.errors import ConflictError, HanreiError, NotFoundError
from core.layers import MAIN, check_layer
from core.model import SPAN_STATUSES, SpanData
from core.repo import ensure_annotator, get_document, get_span, log, span_data
from core.store.db import Store
from core.store.models import Document, Label, Span


def _check_bounds(doc_id: int, start: int, end: int, length: int) -> None:
    if not 0 <= start < end <= length:
        raise HanreiError(
            f"span [{start}, {end}) is outside document {doc_id} (length {length})"
        )


def _span(s: Session, span_id: int) -> Span:
    """A span with its label and annotator, in one query."""
    span = s.get(Span, span_id, options=[joinedload(Span.label), joinedload(Span.annotator)])
    if span is None:
        raise NotFoundError(f"span {span_id} does not exist (deleted by someone else?)")
    return span


class _Doc(NamedTuple):
    """What a span edit needs of its document: not the row with its metadata and dates,
    and never the text of the whole judgment (up to 500,000 characters)."""

    id: int
    project_id: int
    status: str


def _document(
    s: Session, doc_id: int, ranges: Sequence[tuple[int, int]]
) -> tuple[_Doc, list[str]]:
    """The document, and the text of each range [start, end) checked to lie inside it, in
    one query.

    The database cuts one piece covering the ranges (substr counts characters on SQLite
    and PostgreSQL alike); a piece as long as asked for proves the ranges are inside the
    text. On SQLite a NUL character would end the string early: whenever the piece falls
    short, the whole text is read and checked, so the answer is always Python's slicing."""
    lo, hi = min(a for a, _ in ranges), max(b for _, b in ranges)
    row = s.execute(
        select(
            Document.project_id,
            Document.status,
            func.substr(Document.text, lo + 1, max(hi - lo, 0)),
        ).where(Document.id == doc_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"document {doc_id} does not exist")
    doc, piece = _Doc(doc_id, row[0], row[1]), row[2]
    if all(0 <= a < b for a, b in ranges) and piece is not None and len(piece) == hi - lo:
        return doc, [piece[a - lo : b - lo] for a, b in ranges]
    text = s.scalar(select(Document.text).where(Document.id == doc_id)) or ""
    for a, b in ranges:
        _check_bounds(doc_id, a, b, len(text))
    return doc, [text[a:b] for a, b in ranges]


def _label(s: Session, project_id: int, key: str) -> Label:
    lb = s.scalar(select(Label).where(Label.project_id == project_id, Label.key == key))
    if lb is None:
        raise NotFoundError(f"label {key!r} does not exist in this project")
    return lb


def _check_version(span: Span, expected: int | None) -> None:
    if expected is not None and span.version != expected:
        raise ConflictError(
            f"span {span.id} was changed by someone else (version {span.version}, "
            f"you had {expected}); reload to see the current state"
        )


@contextmanager
def versioned_write(store: Store, what: str, expected: int | None) -> Iterator[Session]:
    """A write whose version check may also fail in the database itself: on PostgreSQL two
    programs can both read version n, and the second UPDATE ... WHERE version = n then
    matches no row once the first has committed. That is the same conflict, said the same way."""
    try:
        with store.write() as s:
            yield s
    except StaleDataError as e:
        had = f", you had {expected}" if expected is not None else ""
        raise ConflictError(
            f"{what} was changed by someone else (at the same moment{had}); "
            "reload to see the current state"
        ) from e


def list_spans(store: Store, doc_id: int, layer: str = MAIN) -> list[SpanData]:
    """The spans of one layer of a document (the shared layer "main" by default)."""
    with store.read() as s:
        doc = get_document(s, doc_id)
        rows = s.scalars(
            select(Span)
            .where(Span.document_id == doc_id, Span.layer == layer)
            .options(selectinload(Span.label), selectinload(Span.annotator))
            .order_by(Span.start, Span.end.desc(), Span.id)
        )
        return [span_data(sp, doc.text) for sp in rows]


def add_span(
    store: Store,
    doc_id: int,
    label: str,
    start: int,
    end: int,
    *,
    annotator: str | None = None,
    value: Any = None,
    note: str | None = None,
    status: str = "accepted",
    source: str = "manual",
    layer: str = MAIN,
) -> SpanData:
    if status not in SPAN_STATUSES:
        raise HanreiError(f"unknown span status {status!r}")
    check_layer(layer)
    with store.write() as s:
        doc, (piece,) = _document(s, doc_id, [(start, end)])
        who = ensure_annotator(s, annotator)
        # The label and annotator objects themselves, so reading them back needs no query.
        span = Span(
            document_id=doc_id,
            label=_label(s, doc.project_id, label),
            start=start,
            end=end,
            value=value,
            source=source,
            status=status,
            annotator=who,
            note=note,
            layer=layer,
        )
        s.add(span)
        _touch(s, doc.id, doc.status)
        s.flush()
        touch_assignment(s, doc_id, who)
        log(
            s,
            "span.add",
            annotator=who,
            document_id=doc_id,
            span_id=span.id,
            payload={
                "label": label, "start": start, "end": end, "status": status, "layer": layer
            },
        )
        return span_data(span, piece, offset=start)


_UNSET: Any = object()


@dataclass(frozen=True)
class SpanChange:
    """What an update changed: the span before and after, so undo can restore it."""

    before: SpanData
    after: SpanData


def update_span(
    store: Store,
    span_id: int,
    *,
    expected_version: int | None,
    annotator: str | None = None,
    label: str | None = None,
    start: int | None = None,
    end: int | None = None,
    value: Any = _UNSET,
    note: Any = _UNSET,
    status: str | None = None,
) -> SpanChange:
    if status is not None and status not in SPAN_STATUSES:
        raise HanreiError(f"unknown span status {status!r}")
    with versioned_write(store, f"span {span_id}", expected_version) as s:
        span = _span(s, span_id)
        _check_version(span, expected_version)
        # Every lookup before the first change: a query autoflushes, and each flush of a
        # changed span bumps its version; one action must be one version.
        new_start = span.start if start is None else start
        new_end = span.end if end is None else end
        doc, (old_piece, new_piece) = _document(
            s, span.document_id, [(span.start, span.end), (new_start, new_end)]
        )
        before = span_data(span, old_piece, offset=span.start)
        who = ensure_annotator(s, annotator)
        new_label = _label(s, doc.project_id, label) if label is not None else None
        span.start, span.end = new_start, new_end
        if new_label is not None:
            span.label = new_label
        if value is not _UNSET:
            span.value = value
        if note is not _UNSET:
            span.note = note or None
        if status is not None:
            span.status = status
        if who is not None:
            span.annotator = who
        _touch(s, doc.id, doc.status)
        s.flush()
        touch_assignment(s, doc.id, who)
        after = span_data(span, new_piece, offset=new_start)
        log(
            s,
            "span.update",
            annotator=who,
            document_id=doc.id,
            span_id=span.id,
            payload=_diff(before, after),
        )
        return SpanChange(before, after)


def delete_span(
    store: Store, span_id: int, *, expected_version: int | None, annotator: str | None = None
) -> SpanData:
    """Remove a span; returns what it was, so undo can put it back."""
    with versioned_write(store, f"span {span_id}", expected_version) as s:
        span = _span(s, span_id)
        _check_version(span, expected_version)
        doc, (piece,) = _document(s, span.document_id, [(span.start, span.end)])
        snapshot = span_data(span, piece, offset=span.start)
        s.delete(span)
        _touch(s, doc.id, doc.status)
        who = ensure_annotator(s, annotator)
        touch_assignment(s, doc.id, who)
        log(
            s,
            "span.delete",
            annotator=who,
            document_id=doc.id,
            span_id=span_id,
            payload={
                "label": snapshot.label,
                "start": snapshot.start,
                "end": snapshot.end,
                "status": snapshot.status,
                "value": snapshot.value,
                "layer": snapshot.layer,
            },
        )
        return snapshot


def restore_span(store: Store, snapshot: SpanData, *, annotator: str | None = None) -> SpanData:
    """Undo of a delete: the span comes back with its id, source and value."""
    with store.write() as s:
        doc, (piece,) = _document(s, snapshot.document_id, [(snapshot.start, snapshot.end)])
        if s.get(Span, snapshot.id) is not None:
            raise ConflictError(f"span {snapshot.id} exists already")
        who = ensure_annotator(s, snapshot.annotator)
        span = Span(
            id=snapshot.id,
            document_id=doc.id,
            label=_label(s, doc.project_id, snapshot.label),
            start=snapshot.start,
            end=snapshot.end,
            value=snapshot.value,
            source=snapshot.source,
            status=snapshot.status,
            annotator=who,
            note=snapshot.note,
            layer=check_layer(snapshot.layer),
        )
        s.add(span)
        _touch(s, doc.id, doc.status)
        s.flush()
        log(
            s,
            "span.restore",
            annotator=ensure_annotator(s, annotator),
            document_id=doc.id,
            span_id=span.id,
        )
        return span_data(span, piece, offset=snapshot.start)


def set_span_statuses(
    store: Store, span_ids: Sequence[tuple[int, int]], status: str, *, annotator: str | None = None
) -> list[SpanChange]:
    """Set the status of many spans (accept-all) in one transaction; (id, version) pairs."""
    if status not in SPAN_STATUSES:
        raise HanreiError(f"unknown span status {status!r}")
    changes = []
    with versioned_write(store, "one of these spans", None) as s:
        who = ensure_annotator(s, annotator)
        for span_id, version in span_ids:
            span = get_span(s, span_id)
            _check_version(span, version)
            before = span_data(span, span.document.text)
            span.status = status
            if who is not None:
                span.annotator = who
            s.flush()
            changes.append(SpanChange(before, span_data(span, span.document.text)))
        if changes:
            doc = get_span(s, span_ids[0][0]).document
            _touch(s, doc.id, doc.status)
            touch_assignment(s, doc.id, who)
            log(
                s,
                "span.bulk_status",
                annotator=who,
                document_id=doc.id,
                payload={"status": status, "spans": [c.after.id for c in changes]},
            )
    return changes


def _touch(s: Session, doc_id: int, status: str) -> None:
    """A new document becomes in_progress with its first change. Written without the ORM's
    version bump: two annotators starting the same document must not conflict over it."""
    if status != "new":
        return
    s.execute(
        update(Document)
        .where(Document.id == doc_id, Document.status == "new")
        .values(status="in_progress")
        .execution_options(synchronize_session=False)
    )


def _diff(before: SpanData, after: SpanData) -> dict[str, Any]:
    out = {}
    for k in ("label", "start", "end", "value", "status", "note"):
        if getattr(before, k) != getattr(after, k):
            out[k] = [getattr(before, k), getattr(after, k)]
    return out

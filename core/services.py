"""The operations the window and the command line share. Each call is one transaction,
committed before it returns, and returns plain data (core.model), never ORM objects.

Span edits live in core.spans and are re-exported here; they take the version the caller
last saw, and a change someone else made first raises ConflictError (no lost update).

Spans live in layers (core.layers): every call defaults to "main", the shared layer, so
single-user work never sees the others; team functions are in core.team and core.curation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select

from core.assignments import assignment_map, touch_assignment
from core.errors import ConflictError, HanreiError
from core.importer import ImportResult, add_suggestions, import_paths
from core.layers import MAIN
from core.model import (
    DOC_STATUSES,
    DocumentData,
    DocumentSummary,
    LabelData,
)
from core.repo import (
    DEFAULT_PROJECT,
    document_data,
    ensure_annotator,
    ensure_project,
    get_document,
    label_data,
    log,
)
from core.spans import (
    SpanChange,
    add_span,
    delete_span,
    list_spans,
    restore_span,
    set_span_statuses,
    update_span,
    versioned_write,
)
from core.store.db import Store
from core.store.models import Document, Label, Project, Span

__all__ = [
    "ImportResult",
    "SpanChange",
    "Stats",
    "add_span",
    "delete_span",
    "import_paths",
    "list_documents",
    "list_labels",
    "list_spans",
    "load_document",
    "restore_span",
    "set_document_status",
    "set_span_statuses",
    "stats",
    "suggest",
    "update_span",
]


# --- documents -------------------------------------------------------------------------------


def list_documents(store: Store, project: str | None = None) -> list[DocumentSummary]:
    with store.read() as s:
        q = select(Document.id, Document.title, Document.status, Document.meta, Project.name).join(
            Project
        )
        if project:
            q = q.where(Project.name == project)
        counts: dict[int, Counter[str]] = {}
        for doc_id, status, n in s.execute(
            select(Span.document_id, Span.status, func.count())
            .where(Span.layer == MAIN)
            .group_by(Span.document_id, Span.status)
        ):
            counts.setdefault(doc_id, Counter())[status] = n
        assigned = assignment_map(s)
        out = []
        for doc_id, title, status, meta, pname in s.execute(q.order_by(Document.id)):
            c = counts.get(doc_id, Counter())
            meta = meta or {}
            out.append(
                DocumentSummary(
                    id=doc_id,
                    title=title,
                    status=status,
                    case_number=meta.get("case_number"),
                    court=meta.get("court"),
                    n_spans=c["accepted"],
                    n_suggested=c["suggested"],
                    project=pname,
                    assignments=assigned.get(doc_id, {}),
                )
            )
        return out


def load_document(store: Store, doc_id: int) -> DocumentData:
    with store.read() as s:
        return document_data(get_document(s, doc_id))


def set_document_status(
    store: Store,
    doc_id: int,
    status: str,
    *,
    annotator: str | None = None,
    expected_version: int | None = None,
) -> DocumentData:
    """The document's status, and the caller's own assignment status with it. With
    `expected_version`, a document someone else changed since raises ConflictError."""
    if status not in DOC_STATUSES:
        raise HanreiError(f"unknown document status {status!r}")
    with versioned_write(store, f"document {doc_id}", expected_version) as s:
        doc = get_document(s, doc_id)
        if expected_version is not None and doc.version != expected_version:
            raise ConflictError(
                f"document {doc_id} was changed by someone else (version {doc.version}, "
                f"you had {expected_version}); reload to see the current state"
            )
        who = ensure_annotator(s, annotator)
        touch_assignment(s, doc_id, who, status)
        before = doc.status
        doc.status = status
        log(
            s,
            "document.status",
            annotator=who,
            document_id=doc_id,
            payload={"before": before, "after": status},
        )
        s.flush()
        return document_data(doc)


def list_labels(store: Store, project_id: int | None = None) -> list[LabelData]:
    with store.write() as s:  # creates the default project on a new database
        pid = project_id if project_id is not None else ensure_project(s).id
        rows = s.scalars(select(Label).where(Label.project_id == pid).order_by(Label.position))
        return [label_data(lb) for lb in rows]


# --- suggestions ------------------------------------------------------------------------------


def suggest(
    store: Store, doc_ids: Iterable[int] | None = None, *, redo: bool = False
) -> dict[int, int]:
    """Run the extractors. With `redo`, suggestions nobody has touched are replaced; accepted,
    rejected or edited ones stay. Without it, documents that have suggestions are skipped."""
    with store.read() as s:
        ids = (
            list(doc_ids)
            if doc_ids is not None
            else list(s.scalars(select(Document.id).order_by(Document.id)))
        )
    out: dict[int, int] = {}
    for doc_id in ids:
        with store.write() as s:
            doc = get_document(s, doc_id)
            untouched = (
                (Span.document_id == doc_id)
                & (Span.layer == MAIN)
                & (Span.source == "auto")
                & (Span.status == "suggested")
                & (Span.version == 1)
            )
            if redo:
                s.execute(delete(Span).where(untouched))
            elif s.scalar(
                select(func.count())
                .select_from(Span)
                .where(
                    (Span.document_id == doc_id) & (Span.layer == MAIN) & (Span.source == "auto")
                )
            ):
                out[doc_id] = 0
                continue
            kept = {
                (sp.label_id, sp.start, sp.end)
                for sp in s.scalars(
                    select(Span).where(Span.document_id == doc_id, Span.layer == MAIN)
                )
            }
            n_before = len(kept)
            add_suggestions(s, doc, doc.project_id, skip=kept)
            n = (
                s.scalar(
                    select(func.count())
                    .select_from(Span)
                    .where(Span.document_id == doc_id, Span.layer == MAIN)
                )
                or 0
            )
            out[doc_id] = n - n_before
            log(
                s,
                "document.suggest",
                document_id=doc_id,
                payload={"added": out[doc_id], "redo": redo},
            )
    return out


# --- statistics -------------------------------------------------------------------------------


@dataclass
class Stats:
    documents: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    # label key -> span status -> count
    spans: dict[str, dict[str, int]] = field(default_factory=dict)


def stats(store: Store, project: str | None = None, layer: str | None = MAIN) -> Stats:
    """Documents by status and spans by label and status, in one layer (all with None)."""
    with store.read() as s:
        doc_q = select(Document.status, func.count()).join(Project).group_by(Document.status)
        span_q = (
            select(Label.key, Span.status, func.count())
            .join(Label, Span.label_id == Label.id)
            .join(Document, Span.document_id == Document.id)
            .join(Project)
            .group_by(Label.key, Span.status)
        )
        if project:
            doc_q = doc_q.where(Project.name == project)
            span_q = span_q.where(Project.name == project)
        if layer is not None:
            span_q = span_q.where(Span.layer == layer)
        st = Stats()
        for status, n in s.execute(doc_q):
            st.by_status[status] = n
            st.documents += n
        for key, status, n in s.execute(span_q):
            st.spans.setdefault(key, {})[status] = n
        return st


def default_project_name() -> str:
    return DEFAULT_PROJECT

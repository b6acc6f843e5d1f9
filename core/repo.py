"""Small queries and conversions shared by the services. They take a Session; they never
create or commit one (the caller's `with store.write()` is the transaction)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import NotFoundError
from core.labels import load_schema
from core.model import DocumentData, LabelData, SpanData
from core.store.models import Annotator, Document, Event, Label, Project, Span

DEFAULT_PROJECT = "default"


def ensure_project(s: Session, name: str = DEFAULT_PROJECT) -> Project:
    project = s.scalar(select(Project).where(Project.name == name))
    if project is None:
        project = Project(name=name)
        s.add(project)
        s.flush()
        for pos, spec in enumerate(load_schema()):
            s.add(
                Label(
                    project_id=project.id,
                    key=spec.key,
                    name=spec.name,
                    color=spec.color,
                    shortcut=spec.shortcut,
                    description=spec.description,
                    value_type=spec.value_type,
                    active=True,
                    auto_suggest=True,
                    position=pos,
                )
            )
        s.flush()
    return project


def ensure_annotator(s: Session, name: str | None) -> Annotator | None:
    if not name:
        return None
    a = s.scalar(select(Annotator).where(Annotator.name == name))
    if a is None:
        a = Annotator(name=name)
        s.add(a)
        s.flush()
    return a


def labels_by_key(s: Session, project_id: int) -> dict[str, Label]:
    return {lb.key: lb for lb in s.scalars(select(Label).where(Label.project_id == project_id))}


def get_document(s: Session, doc_id: int) -> Document:
    doc = s.get(Document, doc_id)
    if doc is None:
        raise NotFoundError(f"document {doc_id} does not exist")
    return doc


def get_span(s: Session, span_id: int) -> Span:
    span = s.get(Span, span_id)
    if span is None:
        raise NotFoundError(f"span {span_id} does not exist (deleted by someone else?)")
    return span


def log(
    s: Session,
    action: str,
    *,
    annotator: Annotator | None = None,
    document_id: int | None = None,
    span_id: int | None = None,
    payload: dict[str, Any] | None = None,
) -> None:
    s.add(
        Event(
            action=action,
            annotator_id=annotator.id if annotator else None,
            document_id=document_id,
            span_id=span_id,
            payload=payload or {},
        )
    )


def span_data(span: Span, text: str, *, offset: int = 0) -> SpanData:
    """`text` is the document's text, or a piece of it that begins at code point `offset`
    (a span edit reads only the span's own text, not the whole judgment)."""
    return SpanData(
        id=span.id,
        document_id=span.document_id,
        label=span.label.key,
        start=span.start,
        end=span.end,
        text=text[span.start - offset : span.end - offset],
        value=span.value,
        source=span.source,
        status=span.status,
        annotator=span.annotator.name if span.annotator else None,
        note=span.note,
        version=span.version,
        layer=span.layer or "main",
    )


def label_data(lb: Label) -> LabelData:
    return LabelData(
        id=lb.id,
        key=lb.key,
        name=lb.name,
        color=lb.color,
        shortcut=lb.shortcut or "",
        description=lb.description,
        active=lb.active,
        value_type=lb.value_type,
    )


def document_data(doc: Document) -> DocumentData:
    return DocumentData(
        id=doc.id,
        title=doc.title,
        text=doc.text,
        status=doc.status,
        metadata=dict(doc.meta or {}),
        source_path=doc.source_path,
        project_id=doc.project_id,
        version=doc.version,
    )

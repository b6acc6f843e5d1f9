"""The tables (DESIGN §3). Typed 2.0 models; constraint names come from a naming convention
so that migrations stay identical on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Project(Base):
    __tablename__ = "project"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # "shared": everyone edits layer "main"; "independent": each assigned annotator has a
    # layer "@name" of their own (double annotation, compared by core.team). Migration 0003.
    annotation_mode: Mapped[str] = mapped_column(
        String(16), default="shared", server_default="shared"
    )

    labels: Mapped[list[Label]] = relationship(back_populates="project", order_by="Label.position")


class Label(Base):
    __tablename__ = "label"
    __table_args__ = (UniqueConstraint("project_id", "key", name="uq_label_project_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    color: Mapped[str] = mapped_column(String(16))
    shortcut: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    value_type: Mapped[str] = mapped_column(String(32), default="none")
    active: Mapped[bool] = mapped_column(default=True)  # retired labels keep their spans
    auto_suggest: Mapped[bool] = mapped_column(default=True)  # run its extractor at import
    position: Mapped[int] = mapped_column(Integer, default=0)

    project: Mapped[Project] = relationship(back_populates="labels")


class Annotator(Base):
    __tablename__ = "annotator"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Document(Base):
    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("project_id", "sha256", name="uq_document_project_sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    source_path: Mapped[str | None] = mapped_column(Text)
    source_kind: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64))
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict)
    # The original text and the offset map are needed for raw-offset export only: loaded
    # when asked for, so a span edit does not read them (a judgment is up to 500k chars).
    raw_text: Mapped[str] = mapped_column(Text, deferred=True)
    text: Mapped[str] = mapped_column(Text)
    offset_map: Mapped[str] = mapped_column(Text, deferred=True)  # JSON of an OffsetMap
    status: Mapped[str] = mapped_column(String(16), default="new")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    spans: Mapped[list[Span]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Span(Base):
    __tablename__ = "span"
    __table_args__ = (
        Index("ix_span_document_start", "document_id", "start"),
        Index("ix_span_document_layer", "document_id", "layer"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    label_id: Mapped[int] = mapped_column(ForeignKey("label.id", ondelete="RESTRICT"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    source: Mapped[str] = mapped_column(String(16))  # auto | manual | imported
    status: Mapped[str] = mapped_column(String(16))  # suggested | accepted | rejected
    annotator_id: Mapped[int | None] = mapped_column(
        ForeignKey("annotator.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    # "main" (shared work), "@<annotator>" (independent annotation), "curated". Migration 0003.
    layer: Mapped[str] = mapped_column(String(100), default="main", server_default="main")

    document: Mapped[Document] = relationship(back_populates="spans")
    label: Mapped[Label] = relationship()
    annotator: Mapped[Annotator | None] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class DocTag(Base):
    __tablename__ = "doc_tag"
    __table_args__ = (
        UniqueConstraint("document_id", "key", "annotator_id", name="uq_doc_tag_doc_key_annotator"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    annotator_id: Mapped[int | None] = mapped_column(
        ForeignKey("annotator.id", ondelete="SET NULL")
    )


class Event(Base):
    """One row per change, written in the same transaction as the change itself."""

    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    annotator_id: Mapped[int | None] = mapped_column(
        ForeignKey("annotator.id", ondelete="SET NULL")
    )
    action: Mapped[str] = mapped_column(String(32))  # import, span.add, span.update, ...
    document_id: Mapped[int | None] = mapped_column(Integer, index=True)  # kept after deletion
    span_id: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class TagField(Base):
    """A document-tag field of a project (結果, 事件種別, ...): its choices, in JSON.

    Added by migration 0002."""

    __tablename__ = "tag_field"
    __table_args__ = (UniqueConstraint("project_id", "key", name="uq_tag_field_project_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Assignment(Base):
    """A document given to an annotator, with that annotator's own status. Migration 0003."""

    __tablename__ = "assignment"
    __table_args__ = (
        UniqueConstraint("document_id", "annotator_id", name="uq_assignment_document_annotator"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    annotator_id: Mapped[int] = mapped_column(
        ForeignKey("annotator.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default="new")  # new|in_progress|done
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


__all__ = [
    "Annotator",
    "Assignment",
    "Base",
    "DocTag",
    "Document",
    "Event",
    "Label",
    "Project",
    "Span",
    "TagField",
    "func",
]

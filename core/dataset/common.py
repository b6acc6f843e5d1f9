"""What every exporter shares: which documents and spans go out, and atomic file writing."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.store.db import Store
from core.store.models import DocTag, Document, Project, Span
from core.text.offsets import OffsetMap

SpanFilter = Literal["accepted", "all"]
OffsetBase = Literal["text", "raw"]


@dataclass(frozen=True)
class ExportOptions:
    spans: SpanFilter = "accepted"
    offsets: OffsetBase = "text"
    project: str | None = None
    labels: frozenset[str] | None = None  # None: every label


@dataclass
class ExportedSpan:
    start: int
    end: int
    label: str
    text: str
    value: Any
    source: str
    status: str
    annotator: str | None
    note: str | None


@dataclass
class ExportedDocument:
    id: int
    title: str
    metadata: dict[str, Any]
    status: str
    text: str
    spans: list[ExportedSpan]
    tags: dict[str, str]


def iter_documents(store: Store, opts: ExportOptions) -> Iterator[ExportedDocument]:
    """Stream documents one at a time, so memory stays flat on large corpora."""
    with store.read() as s:
        q = select(Document.id).join(Project).order_by(Document.id)
        if opts.project:
            q = q.where(Project.name == opts.project)
        ids = list(s.scalars(q))
    for doc_id in ids:
        with store.read() as s:
            doc = s.get(Document, doc_id)
            if doc is None:  # deleted meanwhile
                continue
            spans_q = (
                select(Span)
                .where(Span.document_id == doc_id)
                .options(selectinload(Span.label), selectinload(Span.annotator))
                .order_by(Span.start, Span.end, Span.id)
            )
            if opts.spans == "accepted":
                spans_q = spans_q.where(Span.status == "accepted")
            omap = (
                OffsetMap.from_json(json.loads(doc.offset_map)) if opts.offsets == "raw" else None
            )
            base = doc.raw_text if omap is not None else doc.text
            spans = []
            for sp in s.scalars(spans_q):
                if opts.labels is not None and sp.label.key not in opts.labels:
                    continue
                start, end = (
                    omap.to_raw(sp.start, sp.end) if omap is not None else (sp.start, sp.end)
                )
                spans.append(
                    ExportedSpan(
                        start,
                        end,
                        sp.label.key,
                        base[start:end],
                        sp.value,
                        sp.source,
                        sp.status,
                        sp.annotator.name if sp.annotator else None,
                        sp.note,
                    )
                )
            tags = {
                t.key: t.value
                for t in s.scalars(
                    select(DocTag).where(DocTag.document_id == doc_id).order_by(DocTag.id)
                )
            }
            yield ExportedDocument(
                doc.id, doc.title, dict(doc.meta or {}), doc.status, base, spans, tags
            )


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_writer(path: Path, *, encoding: str = "utf-8", newline: str = "\n") -> Iterator[IO[str]]:
    """Write to a temporary file beside `path`, then rename: never a half-written export."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # as a plain open() would have made it
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

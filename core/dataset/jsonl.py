"""The native JSONL format (DESIGN §6): one document per line, the reference format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.dataset.common import (
    OFFSET_UNIT,
    ExportOptions,
    ExportResult,
    atomic_writer,
    iter_documents,
    json_line,
)
from core.dataset.records import DatasetError, ImportedDoc, ImportedSpan, read_jsonl_lines
from core.model import SPAN_SOURCES
from core.store.db import Store

FORMAT = "jsonl"


def export_jsonl(store: Store, out: Path, opts: ExportOptions) -> tuple[int, int]:
    """Returns (documents, spans) written."""
    n_docs = n_spans = 0
    offsets = {"base": opts.offsets, **OFFSET_UNIT}
    with atomic_writer(out) as f:
        for doc in iter_documents(store, opts):
            record = {
                "id": doc.id,
                "title": doc.title,
                "metadata": doc.metadata,
                "status": doc.status,
                "text": doc.text,
                "offsets": offsets,
                "spans": [sp.as_dict() for sp in doc.spans],
                "tags": doc.tags,
            }
            f.write(json_line(record))
            n_docs += 1
            n_spans += len(doc.spans)
    return n_docs, n_spans


def export(store: Store, out: Path, opts: ExportOptions) -> ExportResult:
    n_docs, n_spans = export_jsonl(store, out, opts)
    return ExportResult(n_docs, n_spans, out, FORMAT)


def read(path: Path) -> Iterator[ImportedDoc]:
    """Native records back: status, annotator, value and note of every span are kept."""
    for line_no, rec in read_jsonl_lines(path):
        name = f"line {line_no} (id {rec.get('id')})"
        text = rec.get("text")
        if not isinstance(text, str):
            raise DatasetError(f'{name}: no "text"')
        spans = []
        for sp in rec.get("spans") or []:
            if not isinstance(sp, dict):
                raise DatasetError(f"{name}: a span is not an object")
            spans.append(
                ImportedSpan(
                    start=sp.get("start"),
                    end=sp.get("end"),
                    label=sp.get("label"),
                    text=sp.get("text"),
                    value=sp.get("value"),
                    status=sp.get("status") or "accepted",
                    annotator=sp.get("annotator"),
                    note=sp.get("note"),
                    source=sp.get("source") if sp.get("source") in SPAN_SOURCES else None,
                )
            )
        meta: Any = rec.get("metadata") or {}
        yield ImportedDoc(
            name=name,
            text=text,
            title=str(rec.get("title") or f"document {rec.get('id', line_no)}"),
            metadata=meta if isinstance(meta, dict) else {},
            status=str(rec.get("status") or "new"),
            tags={str(k): str(v) for k, v in (rec.get("tags") or {}).items()},
            spans=spans,
            source_id=rec.get("id") if isinstance(rec.get("id"), int) else None,
            raw_text=rec.get("raw_text") if isinstance(rec.get("raw_text"), str) else None,
            offset_map=rec.get("offset_map") if isinstance(rec.get("offset_map"), dict) else None,
        )

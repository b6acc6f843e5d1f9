"""doccano sequence-labelling JSONL, in its two shapes.

`label` form:    {"id": 1, "text": "...", "label": [[start, end, "MONEY"], ...]}
`entities` form: {"id": 1, "text": "...", "entities": [{"id": 0, "label": "MONEY",
                  "start_offset": 0, "end_offset": 5}], "relations": []}
Other keys (title, metadata, offsets) are columns doccano keeps as the example's meta.
Offsets are code points, end-exclusive, as written in each record's "offsets".
"""

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
from core.store.db import Store

FORMAT = "doccano"


def export(store: Store, out: Path, opts: ExportOptions) -> ExportResult:
    n_docs = n_spans = 0
    offsets = {"base": opts.offsets, **OFFSET_UNIT}
    with atomic_writer(out) as f:
        for doc in iter_documents(store, opts):
            rec: dict[str, Any] = {"id": doc.id, "text": doc.text}
            if opts.doccano_form == "entities":
                rec["entities"] = [
                    {"id": i, "label": sp.label, "start_offset": sp.start, "end_offset": sp.end}
                    for i, sp in enumerate(doc.spans)
                ]
                rec["relations"] = []
            else:
                rec["label"] = [[sp.start, sp.end, sp.label] for sp in doc.spans]
            rec.update(title=doc.title, metadata=doc.metadata, offsets=offsets)
            f.write(json_line(rec))
            n_docs += 1
            n_spans += len(doc.spans)
    return ExportResult(n_docs, n_spans, out, f"{FORMAT} ({opts.doccano_form})")


def read(path: Path) -> Iterator[ImportedDoc]:
    for line_no, rec in read_jsonl_lines(path):
        name = f"line {line_no} (id {rec.get('id')})"
        text = rec.get("text")
        if not isinstance(text, str):
            raise DatasetError(f'{name}: no "text"')
        spans = []
        if "entities" in rec:
            for e in rec.get("entities") or []:
                if not isinstance(e, dict):
                    raise DatasetError(f"{name}: an entity is not an object")
                spans.append(
                    ImportedSpan(e.get("start_offset"), e.get("end_offset"), e.get("label"))
                )
        else:
            for item in rec.get("label") or []:
                if not isinstance(item, list) or len(item) != 3:
                    raise DatasetError(f'{name}: a label is not [start, end, "LABEL"] but {item!r}')
                spans.append(ImportedSpan(item[0], item[1], item[2]))
        meta = rec.get("metadata")
        if not isinstance(meta, dict):  # plain doccano: every other column is meta
            meta = {
                k: v
                for k, v in rec.items()
                if k not in ("id", "text", "label", "entities", "relations", "title", "offsets")
            }
        yield ImportedDoc(
            name=name,
            text=text,
            title=str(rec.get("title") or f"doccano {rec.get('id', line_no)}"),
            metadata=meta,
            spans=spans,
            source_id=rec.get("id") if isinstance(rec.get("id"), int) else None,
        )

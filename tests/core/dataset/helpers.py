"""Building small fictional databases for the dataset tests, and reading exports back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.dataset.common import ExportOptions
from core.dataset.formats import export
from core.repo import ensure_annotator, ensure_project, labels_by_key
from core.store.db import Store
from core.store.models import DocTag, Document, Span
from core.text.pipeline import NormalizeOptions, normalize

# (label, start, end, extras) in `text` offsets; extras: value, note, annotator, status, source
SpanSpec = tuple[str, int, int, dict[str, Any]]


def add_doc(
    store: Store,
    raw: str,
    spans: list[SpanSpec],
    *,
    title: str = "doc",
    status: str = "new",
    metadata: dict[str, Any] | None = None,
    tags: dict[str, str] | None = None,
    project: str = "default",
) -> int:
    """A document as an import would store it (raw_text, normalised text, offset map)."""
    norm = normalize(raw, NormalizeOptions(repair_lines=False, despace=False))
    with store.write() as s:
        proj = ensure_project(s, project)
        labels = labels_by_key(s, proj.id)
        doc = Document(
            project_id=proj.id,
            title=title,
            source_kind="txt",
            sha256=f"{title}-{len(raw)}-{hash(raw)}",
            meta=metadata or {},
            raw_text=norm.raw_text,
            text=norm.text,
            offset_map=json.dumps(norm.offsets.to_json()),
            status=status,
        )
        s.add(doc)
        s.flush()
        for label, start, end, extra in spans:
            who = ensure_annotator(s, extra.get("annotator"))
            s.add(
                Span(
                    document_id=doc.id,
                    label_id=labels[label].id,
                    start=start,
                    end=end,
                    value=extra.get("value"),
                    source=extra.get("source", "manual"),
                    status=extra.get("status", "accepted"),
                    annotator_id=who.id if who else None,
                    note=extra.get("note"),
                )
            )
        for k, v in (tags or {}).items():
            s.add(DocTag(document_id=doc.id, key=k, value=v))
        return doc.id


def text_of(store: Store, doc_id: int) -> str:
    with store.read() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        return doc.text


def snapshot(path: Path) -> dict[str, bytes]:
    """Every file an export wrote at `path` (a file, its side files, or a folder)."""
    if path.is_dir():
        return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*"))}
    return {
        p.name.replace(path.stem, "OUT"): p.read_bytes()
        for p in sorted(path.parent.glob(f"{path.stem}*"))
        if p.is_file() and not p.name.startswith(".")
    }


def export_to(store: Store, fmt: str, out: Path, **opts: Any) -> dict[str, bytes]:
    export(store, fmt, out, ExportOptions(**opts))
    return snapshot(out)

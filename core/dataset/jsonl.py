"""The native JSONL format (DESIGN §6): one document per line, the reference format."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from core.dataset.common import ExportOptions, atomic_writer, iter_documents
from core.store.db import Store

FORMAT = "jsonl"


def export_jsonl(store: Store, out: Path, opts: ExportOptions) -> tuple[int, int]:
    """Returns (documents, spans) written."""
    n_docs = n_spans = 0
    with atomic_writer(out) as f:
        for doc in iter_documents(store, opts):
            record = {
                "id": doc.id,
                "title": doc.title,
                "metadata": doc.metadata,
                "status": doc.status,
                "text": doc.text,
                "offsets": {"base": opts.offsets, "unit": "codepoint", "end": "exclusive"},
                "spans": [asdict(sp) for sp in doc.spans],
                "tags": doc.tags,
            }
            f.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")
            n_docs += 1
            n_spans += len(doc.spans)
    return n_docs, n_spans

"""A CSV table of the normalised values, for reading in Excel.

Columns: document (title), case_number, label, text, value, start, end, section,
document_id. UTF-8 with a BOM and CRLF rows (Excel then reads Japanese correctly); a value
that is not a scalar is written as its JSON. `section` is the number and title of the
innermost section containing the span: the last SECTION heading at or before it (a
section runs from its heading to the next heading).
"""

from __future__ import annotations

import csv
import json
from bisect import bisect_right
from dataclasses import replace
from pathlib import Path
from typing import Any

from core.dataset.common import (
    ExportedSpan,
    ExportOptions,
    ExportResult,
    atomic_writer,
    iter_documents,
)
from core.store.db import Store

FORMAT = "csv"
COLUMNS = (
    "document",
    "case_number",
    "label",
    "text",
    "value",
    "start",
    "end",
    "section",
    "document_id",
)


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float | str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def section_name(sp: ExportedSpan) -> str:
    v = sp.value if isinstance(sp.value, dict) else {}
    name = " ".join(str(x) for x in (v.get("number"), v.get("title")) if x)
    return name or sp.text


def export(store: Store, out: Path, opts: ExportOptions) -> ExportResult:
    wanted = opts.labels
    n_docs = n_spans = 0
    # SECTION spans are read even when --labels leaves them out: they name the sections.
    with atomic_writer(out, encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(COLUMNS)
        for doc in iter_documents(store, replace(opts, labels=None)):
            heads = [sp for sp in doc.spans if sp.label == "SECTION"]
            head_starts = [sp.start for sp in heads]
            case = doc.metadata.get("case_number") or ""
            for sp in doc.spans:
                if wanted is not None and sp.label not in wanted:
                    continue
                k = bisect_right(head_starts, sp.start)
                section = section_name(heads[k - 1]) if k else ""
                w.writerow(
                    (
                        doc.title,
                        case,
                        sp.label,
                        sp.text,
                        cell(sp.value),
                        sp.start,
                        sp.end,
                        section,
                        doc.id,
                    )
                )
                n_spans += 1
            n_docs += 1
    return ExportResult(n_docs, n_spans, out, FORMAT)

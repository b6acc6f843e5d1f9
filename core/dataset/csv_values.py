"""A CSV table of the normalised values, for reading in Excel.

Columns: document (title), case_number, label, text, value, attributes, start, end,
section, document_id. UTF-8 with a BOM and CRLF rows (Excel then reads Japanese correctly).
`value` is the normalised value itself (yen as a number Excel can sum, an ISO date, a rate,
a duration, `民法709条`), `attributes` the rest of the span's value (約, 合計, 頃, role, ...)
as JSON; a value of another shape is written whole as its JSON. `section` is the number and
title of the innermost section containing the span: the last SECTION heading at or before
it (a section runs from its heading to the next heading).
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
    "attributes",
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


# The key of each label's value dict that holds the normalised value (DESIGN §4).
PRINCIPAL = {
    "MONEY": "yen",
    "DATE": "date",
    "RATE": "rate",
    "PERIOD": "duration",
    "CASE_NUMBER": "case_number",
    "COURT": "court",
    "PARTY": "role",
    "PERSON": "name",
    "ORG": "name",
    "EVIDENCE": "evidence",
    "LAW": "law",
    "TERM": "term",
    "SECTION": "number",
}


def value_cells(label: str, value: Any) -> tuple[Any, str]:
    """(value, attributes) cells: the principal value apart, the rest as JSON."""
    key = PRINCIPAL.get(label)
    if not isinstance(value, dict) or key is None or key not in value:
        return cell(value), ""
    main = value[key]
    rest = {k: v for k, v in value.items() if k != key}
    if label == "LAW" and isinstance(rest.get("article"), str):
        main = f"{main}{rest.pop('article')}"
    elif label == "SECTION":
        main = " ".join(str(x) for x in (main, rest.get("title")) if x) or rest.get("kind", "")
    return cell(main), cell(rest) if rest else ""


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
                value, attributes = value_cells(sp.label, sp.value)
                w.writerow(
                    (
                        doc.title,
                        case,
                        sp.label,
                        sp.text,
                        value,
                        attributes,
                        sp.start,
                        sp.end,
                        section,
                        doc.id,
                    )
                )
                n_spans += 1
            n_docs += 1
    return ExportResult(n_docs, n_spans, out, FORMAT)

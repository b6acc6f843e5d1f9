"""Label Studio JSON tasks for a Labels-on-Text labelling config.

Accepted spans are the task's `annotations` (one annotation), suggestions its
`predictions`; rejected spans are left out. Each region is
{"from_name": "label", "to_name": "text", "type": "labels",
 "value": {"start", "end", "text", "labels": [KEY]}}; the region's `meta` carries what
Label Studio has no field for (note as meta.text, the normalised value, the annotator).
The labelling config is written beside the tasks as <stem>.label_config.xml.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from core.dataset.common import (
    OFFSET_UNIT,
    ExportedSpan,
    ExportOptions,
    ExportResult,
    atomic_writer,
    iter_documents,
    label_keys,
)
from core.dataset.records import DatasetError, ImportedDoc, ImportedSpan
from core.store.db import Store

FORMAT = "labelstudio"
FROM_NAME, TO_NAME = "label", "text"
MODEL_VERSION = "hanrei-auto"


def config_path(out: Path) -> Path:
    return out.with_name(f"{out.stem}.label_config.xml")


def label_config(keys: list[str]) -> str:
    labels = "".join(f"\n    <Label value={quoteattr(k)}/>" for k in keys)
    return (
        "<View>\n"
        f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">{labels}\n  </Labels>\n'
        f'  <Text name="{TO_NAME}" value="$text"/>\n'
        "</View>\n"
    )


def _region(i: int, sp: ExportedSpan) -> dict[str, Any]:
    region: dict[str, Any] = {
        "id": f"r{i}",
        "from_name": FROM_NAME,
        "to_name": TO_NAME,
        "type": "labels",
        "value": {"start": sp.start, "end": sp.end, "text": sp.text, "labels": [sp.label]},
    }
    meta: dict[str, Any] = {}
    if sp.note:
        meta["text"] = [sp.note]
    if sp.value is not None:
        meta["value"] = sp.value
    if sp.annotator:
        meta["annotator"] = sp.annotator
    if meta:
        region["meta"] = meta
    return region


def export(store: Store, out: Path, opts: ExportOptions) -> ExportResult:
    keys = label_keys(store, opts)
    n_docs = n_spans = 0
    with atomic_writer(out) as f:
        f.write("[")
        for doc in iter_documents(store, opts):
            for sp in doc.spans:
                if sp.label not in keys:
                    keys.append(sp.label)
            shown = [sp for sp in doc.spans if sp.status in ("accepted", "suggested")]
            regions = [(_region(i, sp), sp.status) for i, sp in enumerate(shown)]
            accepted = [r for r, st in regions if st == "accepted"]
            suggested = [r for r, st in regions if st == "suggested"]
            task: dict[str, Any] = {
                "id": doc.id,
                "data": {"text": doc.text, "title": doc.title, "metadata": doc.metadata},
                "meta": {"status": doc.status, "offsets": {"base": opts.offsets, **OFFSET_UNIT}},
                "annotations": [{"result": accepted}] if accepted else [],
                "predictions": (
                    [{"model_version": MODEL_VERSION, "result": suggested}] if suggested else []
                ),
            }
            f.write("\n" if n_docs == 0 else ",\n")
            f.write(json.dumps(task, ensure_ascii=False, separators=(",", ":")))
            n_docs += 1
            n_spans += len(accepted) + len(suggested)
        f.write("\n]\n")
    with atomic_writer(config_path(out)) as f:
        f.write(label_config(keys))
    return ExportResult(n_docs, n_spans, out, FORMAT)


def _spans(name: str, results: Any, status: str) -> Iterator[ImportedSpan]:
    for r in results or []:
        if not isinstance(r, dict) or r.get("type") != "labels":
            continue  # other control tags (choices, relations) carry no spans
        v = r.get("value") or {}
        labels = v.get("labels") or []
        if len(labels) != 1:
            raise DatasetError(f"{name}: region {r.get('id')} has {len(labels)} labels, not 1")
        meta = r.get("meta") or {}
        note = meta.get("text")
        yield ImportedSpan(
            v.get("start"),
            v.get("end"),
            labels[0],
            text=v.get("text"),
            value=meta.get("value"),
            status=status,
            annotator=meta.get("annotator"),
            note=note[0] if isinstance(note, list) and note else note or None,
        )


def read(path: Path) -> Iterator[ImportedDoc]:
    try:
        tasks = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as e:
        raise DatasetError(f"not valid JSON ({e.msg}, line {e.lineno})") from e
    if not isinstance(tasks, list):
        raise DatasetError("not a list of Label Studio tasks")
    for n, task in enumerate(tasks, 1):
        name = f"task {n} (id {task.get('id') if isinstance(task, dict) else None})"
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise DatasetError(f"{name}: no data.text")
        spans: list[ImportedSpan] = []
        for a in task.get("annotations") or []:
            if not a.get("was_cancelled"):
                spans.extend(_spans(name, a.get("result"), "accepted"))
        for p in task.get("predictions") or []:
            spans.extend(_spans(name, p.get("result"), "suggested"))
        meta = task.get("meta") or {}
        metadata = data.get("metadata")
        yield ImportedDoc(
            name=name,
            text=data["text"],
            title=str(data.get("title") or f"task {task.get('id', n)}"),
            metadata=metadata if isinstance(metadata, dict) else {},
            status=str(meta.get("status") or "new"),
            spans=spans,
            source_id=task.get("id") if isinstance(task.get("id"), int) else None,
        )

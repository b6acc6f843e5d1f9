"""Curation: compare two or more layers of one document and build the curated layer from
them. A row of the comparison is one (label, start, end); each layer either has a span
there (with its value) or not. Taking a version copies it into "curated", replacing what
the curated layer had of the same label over those characters, so taking A's version and
then B's leaves B's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.errors import HanreiError, NotFoundError
from core.layers import CURATED, check_layer
from core.model import SpanData
from core.repo import ensure_annotator, get_document, labels_by_key, log, span_data
from core.store.db import Store
from core.store.models import Span


@dataclass(frozen=True)
class DiffRow:
    start: int
    end: int
    label: str
    text: str
    cells: dict[str, SpanData | None] = field(default_factory=dict)  # layer -> its span

    @property
    def kind(self) -> str:
        """agree: every layer has it with the same value; missing: some layer lacks it;
        value: all have it, with different values."""
        return self.kind_among(list(self.cells))

    def kind_among(self, layers: Sequence[str]) -> str:
        """The same, over some of the layers (the sources, leaving out curated)."""
        spans = [self.cells.get(layer) for layer in layers]
        if any(sp is None for sp in spans):
            return "missing"
        values = [sp.value for sp in spans if sp is not None]
        return "agree" if all(v == values[0] for v in values) else "value"

    @property
    def agree(self) -> bool:
        return self.kind == "agree"


def diff_layers(
    store: Store,
    doc_id: int,
    layers: Sequence[str],
    statuses: Sequence[str] = ("accepted",),
) -> list[DiffRow]:
    """The layers' spans side by side, one row per (start, end, label), in text order."""
    for layer in layers:
        check_layer(layer)
    with store.read() as s:
        doc = get_document(s, doc_id)
        spans = [
            span_data(sp, doc.text)
            for sp in s.scalars(
                select(Span)
                .where(Span.document_id == doc_id, Span.layer.in_(list(layers)))
                .where(Span.status.in_(list(statuses)))
                .options(selectinload(Span.label), selectinload(Span.annotator))
                .order_by(Span.start, Span.end, Span.id)
            )
        ]
        text = doc.text
    rows: dict[tuple[int, int, str], dict[str, SpanData | None]] = {}
    for sp in spans:
        cells = rows.setdefault((sp.start, sp.end, sp.label), dict.fromkeys(layers))
        if cells[sp.layer] is None:  # a duplicate in one layer shows once
            cells[sp.layer] = sp
    return [
        DiffRow(start, end, label, text[start:end], cells)
        for (start, end, label), cells in sorted(rows.items(), key=lambda kv: kv[0])
    ]


def curate_take(
    store: Store,
    doc_id: int,
    *,
    span_ids: Sequence[int] | None = None,
    layer: str | None = None,
    into: str = CURATED,
    annotator: str | None = None,
) -> list[SpanData]:
    """Copy spans (these ids, or every accepted span of `layer`) into the curated layer,
    accepted, keeping label, offsets, value, source and note; the curator is recorded as
    the annotator and the origin in the event. Returns the spans now in `into`."""
    if (span_ids is None) == (layer is None):
        raise HanreiError("take either span ids or a whole layer")
    check_layer(into)
    with store.write() as s:
        doc = get_document(s, doc_id)
        who = ensure_annotator(s, annotator)
        if layer is not None:
            check_layer(layer)
            sources = list(
                s.scalars(
                    select(Span)
                    .where(Span.document_id == doc_id, Span.layer == layer)
                    .where(Span.status == "accepted")
                    .order_by(Span.start, Span.id)
                )
            )
        else:
            sources = []
            for sid in span_ids or ():
                sp = s.get(Span, sid)
                if sp is None or sp.document_id != doc_id:
                    raise NotFoundError(f"span {sid} is not on document {doc_id}")
                sources.append(sp)
        if any(sp.layer == into for sp in sources):
            raise HanreiError(f"these spans are in {into} already")
        existing = list(
            s.scalars(select(Span).where(Span.document_id == doc_id, Span.layer == into))
        )
        out: list[Span] = []
        for src in sources:
            same = [
                c for c in existing
                if c.label_id == src.label_id and c.start < src.end and src.start < c.end
            ]
            exact = next(
                (c for c in same if (c.start, c.end, c.value) == (src.start, src.end, src.value)),
                None,
            )
            for c in same:
                if c is not exact:
                    s.delete(c)
                    existing.remove(c)
            if exact is not None:
                out.append(exact)
                continue
            copy = Span(
                document_id=doc_id, label_id=src.label_id, start=src.start, end=src.end,
                value=src.value, source=src.source, status="accepted",
                annotator_id=who.id if who else None, note=src.note, layer=into,
            )
            s.add(copy)
            s.flush()
            existing.append(copy)
            out.append(copy)
            log(s, "curate.take", annotator=who, document_id=doc_id, span_id=copy.id,
                payload={"layer": into, "from_layer": src.layer, "from_span": src.id,
                         "replaced": [c.id for c in same if c is not exact]})
        return [span_data(sp, doc.text) for sp in out]


def curate_set(
    store: Store,
    doc_id: int,
    label: str,
    start: int,
    end: int,
    *,
    value: Any = None,
    note: str | None = None,
    into: str = CURATED,
    annotator: str | None = None,
) -> SpanData:
    """The curator's own version of a row (編集), in one transaction: curated spans of that
    label over those characters are replaced by this one."""
    check_layer(into)
    with store.write() as s:
        doc = get_document(s, doc_id)
        if not 0 <= start < end <= len(doc.text):
            raise HanreiError(f"span [{start}, {end}) is outside document {doc_id}")
        lb = labels_by_key(s, doc.project_id).get(label)
        if lb is None:
            raise NotFoundError(f"label {label!r} does not exist in this project")
        who = ensure_annotator(s, annotator)
        replaced = []
        for c in s.scalars(select(Span).where(Span.document_id == doc_id, Span.layer == into)):
            if c.label_id == lb.id and c.start < end and start < c.end:
                replaced.append(c.id)
                s.delete(c)
        sp = Span(document_id=doc_id, label_id=lb.id, start=start, end=end, value=value,
                  source="manual", status="accepted", annotator_id=who.id if who else None,
                  note=note, layer=into)
        s.add(sp)
        s.flush()
        log(s, "curate.edit", annotator=who, document_id=doc_id, span_id=sp.id,
            payload={"layer": into, "label": label, "start": start, "end": end,
                     "replaced": replaced})
        return span_data(sp, doc.text)

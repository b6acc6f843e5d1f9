"""Figures for the statistics window: spans per label, what became of the automatic
suggestions, progress per document, and each annotator's work per day.

"Edited" means a suggestion whose label, start, end or value was changed by someone
(a span.update event saying so) and which is accepted now. Accepting alone also bumps a
span's version, so the version number cannot tell an edit from a plain accept.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from core.layers import CURATED, MAIN
from core.model import DocumentSummary
from core.services import list_documents
from core.store.db import Store
from core.store.models import Annotator, Event, Label, Span

_EDIT_KEYS = ("label", "start", "end", "value")


@dataclass(frozen=True)
class LabelCounts:
    key: str
    name: str
    color: str
    accepted: int = 0
    suggested: int = 0
    rejected: int = 0


@dataclass(frozen=True)
class SuggestionOutcome:
    """Automatic suggestions of one label: accepted as they were, edited, rejected, open."""

    key: str
    name: str
    accepted: int = 0
    edited: int = 0
    rejected: int = 0
    pending: int = 0

    @property
    def total(self) -> int:
        return self.accepted + self.edited + self.rejected + self.pending

    def share(self, part: int) -> float:
        """Share of the reviewed ones (open suggestions are not counted)."""
        reviewed = self.accepted + self.edited + self.rejected
        return part / reviewed if reviewed else 0.0


@dataclass(frozen=True)
class DocProgress:
    id: int
    title: str
    status: str
    accepted: int
    suggested: int

    @property
    def progress(self) -> float:
        total = self.accepted + self.suggested
        return self.accepted / total if total else (1.0 if self.status == "done" else 0.0)


@dataclass(frozen=True)
class DayActivity:
    day: dt.date
    annotator: str
    actions: int


def spans_per_label(store: Store, layer: str = MAIN) -> list[LabelCounts]:
    """Every label in schema order, with its spans by status (all documents, one layer)."""
    with store.read() as s:
        counts: dict[int, Counter[str]] = defaultdict(Counter)
        for lid, status, n in s.execute(
            select(Span.label_id, Span.status, func.count())
            .where(Span.layer == layer)
            .group_by(Span.label_id, Span.status)
        ):
            counts[lid][status] = n
        labels = s.scalars(select(Label).order_by(Label.project_id, Label.position, Label.id))
        return [LabelCounts(lb.key, lb.name, lb.color, counts[lb.id]["accepted"],
                            counts[lb.id]["suggested"], counts[lb.id]["rejected"])
                for lb in labels if lb.active or counts[lb.id]]


def suggestion_outcomes(store: Store) -> list[SuggestionOutcome]:
    with store.read() as s:
        edited_ids: set[int] = set()
        for span_id, payload in s.execute(
            select(Event.span_id, Event.payload).where(Event.action == "span.update")
        ):
            if span_id is not None and any(k in (payload or {}) for k in _EDIT_KEYS):
                edited_ids.add(span_id)
        by_label: dict[int, Counter[str]] = defaultdict(Counter)
        for sid, lid, status in s.execute(
            # Every annotator's copy of a suggestion is judged on its own; curated spans are
            # copies of those judgements and would count them twice.
            select(Span.id, Span.label_id, Span.status)
            .where(Span.source == "auto", Span.layer != CURATED)
        ):
            kind = {"suggested": "pending", "rejected": "rejected"}.get(status)
            if kind is None:
                kind = "edited" if sid in edited_ids else "accepted"
            by_label[lid][kind] += 1
        labels = s.scalars(select(Label).order_by(Label.project_id, Label.position, Label.id))
        return [SuggestionOutcome(lb.key, lb.name, **dict(by_label[lb.id]))
                for lb in labels if by_label[lb.id]]


def document_progress(store: Store) -> list[DocProgress]:
    docs: list[DocumentSummary] = list_documents(store)
    return [DocProgress(d.id, d.title, d.status, d.n_spans, d.n_suggested) for d in docs]


def activity_by_day(store: Store, *, since: dt.date | None = None) -> list[DayActivity]:
    """Changes per annotator per day (UTC dates), from the event log; imports excluded."""
    with store.read() as s:
        q = (select(Event.at, Annotator.name)
             .join(Annotator, Event.annotator_id == Annotator.id)
             .where(Event.action.not_like("document.import%")))
        if since is not None:
            q = q.where(Event.at >= dt.datetime.combine(since, dt.time(), dt.UTC))
        c: Counter[tuple[dt.date, str]] = Counter()
        for at, name in s.execute(q):
            if at.tzinfo is not None:
                at = at.astimezone(dt.UTC)
            c[(at.date(), name)] += 1
    return [DayActivity(day, who, n) for (day, who), n in sorted(c.items())]


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """UTF-8 with BOM, so that Excel opens the Japanese correctly."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)

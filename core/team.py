"""Team work on one database: the project's annotation mode, which layer an annotator
works on, what others changed since the window last looked, and inter-annotator agreement
read from the annotators' own layers.

Shared mode: everyone edits layer "main" and optimistic locking (span versions) keeps
concurrent edits from overwriting each other. Independent mode: each annotator assigned to
a document works on "@name"; the first time, that layer starts as a copy of the untouched
auto suggestions of "main", so both annotators review the same suggestions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import func, or_, select

from core.agreement import PRF, MatchMode, SpanKey, cohen_kappa, corpus_agreement
from core.errors import HanreiError, NotFoundError
from core.layers import MAIN, annotator_layer
from core.repo import DEFAULT_PROJECT, ensure_annotator, ensure_project, get_document, log
from core.store.db import Store
from core.store.models import Annotator, Assignment, DocTag, Document, Event, Label, Project, Span

Mode = Literal["shared", "independent"]
MODES: tuple[str, ...] = ("shared", "independent")


# --- the project's mode ----------------------------------------------------------------------


def annotation_mode(store: Store, project: str | None = None) -> str:
    with store.read() as s:
        mode = s.scalar(
            select(Project.annotation_mode).where(Project.name == (project or DEFAULT_PROJECT))
        )
        return mode or "shared"


def set_annotation_mode(
    store: Store, mode: str, project: str | None = None, *, annotator: str | None = None
) -> str:
    if mode not in MODES:
        raise HanreiError(f"unknown annotation mode {mode!r}: one of {', '.join(MODES)}")
    with store.write() as s:
        p = ensure_project(s, project or DEFAULT_PROJECT)
        before = p.annotation_mode
        p.annotation_mode = mode
        log(s, "project.mode", annotator=ensure_annotator(s, annotator),
            payload={"project": p.name, "before": before, "after": mode})
        return mode


def working_layer(store: Store, doc_id: int, annotator: str | None) -> str:
    """The layer `annotator` edits on this document: their own in independent mode when the
    document is assigned to them (created from main's untouched suggestions the first
    time), else main."""
    if not annotator:
        return MAIN
    with store.read() as s:
        doc = get_document(s, doc_id)
        mode = s.scalar(select(Project.annotation_mode).where(Project.id == doc.project_id))
        assigned = s.scalar(
            select(func.count())
            .select_from(Assignment)
            .join(Annotator, Assignment.annotator_id == Annotator.id)
            .where(Assignment.document_id == doc_id, Annotator.name == annotator)
        )
    if mode != "independent" or not assigned:
        return MAIN
    layer = annotator_layer(annotator)
    start_layer(store, doc_id, layer, annotator=annotator)
    return layer


def start_layer(store: Store, doc_id: int, layer: str, *, annotator: str | None = None) -> int:
    """Copy main's untouched auto suggestions into an empty layer; returns how many. A layer
    that has spans (or was started before) is left alone, so this is safe to repeat, also
    from two programs at once (the event row marks the start)."""
    with store.write() as s:
        # The document row locked first (PostgreSQL; SQLite writers queue anyway), so two
        # programs of the same annotator cannot both copy.
        s.execute(select(Document.id).where(Document.id == doc_id).with_for_update())
        doc = get_document(s, doc_id)
        started = any(
            (p or {}).get("layer") == layer
            for p in s.scalars(
                select(Event.payload).where(
                    Event.document_id == doc_id, Event.action == "layer.start"
                )
            )
        )
        has = s.scalar(
            select(func.count()).select_from(Span).where(
                Span.document_id == doc_id, Span.layer == layer
            )
        )
        if started or has:
            return 0
        who = ensure_annotator(s, annotator)
        n = 0
        for sp in s.scalars(
            select(Span).where(
                Span.document_id == doc.id,
                Span.layer == MAIN,
                Span.source == "auto",
                Span.status == "suggested",
                Span.version == 1,
            ).order_by(Span.start, Span.id)
        ):
            s.add(Span(document_id=doc.id, label_id=sp.label_id, start=sp.start, end=sp.end,
                       value=sp.value, source="auto", status="suggested", note=None,
                       layer=layer))
            n += 1
        log(s, "layer.start", annotator=who, document_id=doc.id,
            payload={"layer": layer, "copied": n})
        return n


def layers(store: Store, doc_id: int) -> list[str]:
    """The layers that hold spans on this document: main first, then curated, then @names."""
    with store.read() as s:
        get_document(s, doc_id)
        names = set(s.scalars(select(Span.layer).where(Span.document_id == doc_id).distinct()))
    order = {MAIN: 0, "curated": 1}
    return sorted(names, key=lambda x: (order.get(x, 2), x))


def layer_annotators(store: Store) -> list[str]:
    """Annotators who have a layer of their own somewhere (the agreement window's choices)."""
    with store.read() as s:
        names = s.scalars(select(Span.layer).where(Span.layer.like("@%")).distinct())
        return sorted({n[1:] for n in names})


# --- what changed ---------------------------------------------------------------------------


def changes_since(
    store: Store, event_id: int, *, others_than: str | None = None
) -> tuple[int, set[int]]:
    """The newest event id, and the documents changed by events after `event_id` — with
    `others_than`, only by events not made under that annotator's name (a window already
    shows its own edits; re-reading a judgment's spans after each would be wasted). Cheap:
    the event table's primary key and an index do the work, so a window can poll it."""
    with store.read() as s:
        newest = s.scalar(select(func.max(Event.id))) or 0
        if newest <= event_id:
            return newest, set()
        q = select(Event.document_id).where(
            Event.id > event_id, Event.id <= newest, Event.document_id.is_not(None)
        )
        if others_than is not None:
            me = s.scalar(select(Annotator.id).where(Annotator.name == others_than))
            if me is not None:
                q = q.where(or_(Event.annotator_id.is_(None), Event.annotator_id != me))
        docs = set(s.scalars(q.distinct()))
        return newest, {d for d in docs if d is not None}


# --- agreement --------------------------------------------------------------------------------


@dataclass
class AgreementReport:
    """Span agreement per label ("*" = all labels) and Cohen's kappa per tag field."""

    a: str
    b: str
    mode: str
    documents: list[int] = field(default_factory=list)
    spans: dict[str, PRF] = field(default_factory=dict)
    kappa: dict[str, float | None] = field(default_factory=dict)
    tag_items: dict[str, int] = field(default_factory=dict)  # documents both tagged


def agreement(
    store: Store,
    annotators: Sequence[str],
    mode: MatchMode = "exact",
    project: str | None = None,
    statuses: Sequence[str] = ("accepted",),
) -> AgreementReport:
    """A against B over the documents where both layers "@a" and "@b" hold spans; only spans
    whose status is in `statuses` count (an untouched suggestion is nobody's decision).
    Kappa compares the two annotators' document tags on documents both tagged."""
    if len(annotators) != 2 or annotators[0] == annotators[1]:
        raise HanreiError("agreement compares two different annotators")
    if mode not in ("exact", "overlap"):
        raise HanreiError(f"unknown match mode {mode!r}: exact or overlap")
    a, b = annotators
    la, lb = annotator_layer(a), annotator_layer(b)
    with store.read() as s:
        doc_q = select(Document.id).join(Project)
        if project:
            doc_q = doc_q.where(Project.name == project)
        in_project = set(s.scalars(doc_q))
        by_doc: dict[int, dict[str, list[SpanKey]]] = {}
        for doc_id, layer, key, start, end, status in s.execute(
            select(Span.document_id, Span.layer, Label.key, Span.start, Span.end, Span.status)
            .join(Label, Span.label_id == Label.id)
            .where(Span.layer.in_([la, lb]))
        ):
            if doc_id not in in_project:
                continue
            keys = by_doc.setdefault(doc_id, {}).setdefault(layer, [])
            if status in statuses:
                keys.append((key, start, end))
        docs = sorted(d for d, by in by_doc.items() if la in by and lb in by)
        ids = {n: s.scalar(select(Annotator.id).where(Annotator.name == n)) for n in (a, b)}
        if ids[a] is None or ids[b] is None:
            missing = a if ids[a] is None else b
            raise NotFoundError(f"annotator {missing!r} has made nothing in this database")
        tags: dict[tuple[int, str], dict[int | None, str]] = {}
        for doc_id, key, value, who in s.execute(
            select(DocTag.document_id, DocTag.key, DocTag.value, DocTag.annotator_id).where(
                DocTag.annotator_id.in_([ids[a], ids[b]])
            )
        ):
            if doc_id in in_project:
                tags.setdefault((doc_id, key), {})[who] = value
    report = AgreementReport(a, b, mode, docs)
    report.spans = corpus_agreement(((by_doc[d][la], by_doc[d][lb]) for d in docs), mode)
    ia, ib = ids[a], ids[b]
    pairs: dict[str, list[tuple[str, str]]] = {}
    for (_doc, key), given in sorted(tags.items()):
        if ia in given and ib in given:
            pairs.setdefault(key, []).append((given[ia], given[ib]))
    for key, items in sorted(pairs.items()):
        report.kappa[key] = cohen_kappa(items)
        report.tag_items[key] = len(items)
    return report

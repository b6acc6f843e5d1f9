"""Plain data objects the services hand to the window and the command line.

They are snapshots: the window never holds an ORM object or a database session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SpanSource = Literal["auto", "manual", "imported"]
SpanStatus = Literal["suggested", "accepted", "rejected"]
DocStatus = Literal["new", "in_progress", "done"]

SPAN_SOURCES: tuple[str, ...] = ("auto", "manual", "imported")
SPAN_STATUSES: tuple[str, ...] = ("suggested", "accepted", "rejected")
DOC_STATUSES: tuple[str, ...] = ("new", "in_progress", "done")
DOC_STATUS_JA = {"new": "未着手", "in_progress": "作業中", "done": "完了"}
SPAN_STATUS_JA = {"suggested": "候補", "accepted": "確定", "rejected": "却下"}
SPAN_SOURCE_JA = {"auto": "自動", "manual": "手動", "imported": "取込"}


@dataclass(frozen=True)
class LabelData:
    id: int
    key: str  # English key, e.g. "MONEY"
    name: str  # Japanese name, e.g. "金額"
    color: str  # "#rrggbb"
    shortcut: str  # one key, e.g. "m"
    description: str = ""
    active: bool = True
    value_type: str = "none"  # what its spans' values hold (core.value_check)


@dataclass(frozen=True)
class SpanData:
    id: int
    document_id: int
    label: str  # label key
    start: int  # code points into the document's text, end-exclusive
    end: int
    text: str
    value: Any = None
    source: str = "manual"
    status: str = "accepted"
    annotator: str | None = None
    note: str | None = None
    version: int = 1
    layer: str = "main"  # "main", "@<annotator>" or "curated" (core.team)


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    title: str
    status: str
    case_number: str | None
    court: str | None
    n_spans: int = 0
    n_suggested: int = 0
    project: str = ""
    assignments: dict[str, str] = field(default_factory=dict)  # annotator -> their status


@dataclass(frozen=True)
class DocumentData:
    id: int
    title: str
    text: str
    status: str
    metadata: dict[str, Any] = field(default_factory=dict)
    source_path: str | None = None
    project_id: int = 0
    version: int = 1

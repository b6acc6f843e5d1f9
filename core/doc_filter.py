"""Filtering the document list: status, labels present, court, case type, date range.

The case type is the document's 事件種別 tag where someone set one (field key
`case_type`), otherwise it is read from the case number's symbol: 行ウ, 行コ, ... are
administrative, hiragana symbols (わ, う, あ, ...) criminal, the rest civil.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select

from core.layers import MAIN
from core.model import DocumentSummary
from core.services import list_documents
from core.store.db import Store
from core.store.models import DocTag, Document, Label, Span

CASE_TYPES = ("民事", "刑事", "行政")
_SYMBOL = re.compile(r"[（(]([^)）]{1,6})[)）]")


@dataclass(frozen=True)
class DocumentFilter:
    statuses: frozenset[str] = frozenset()  # empty: any
    labels: frozenset[str] = frozenset()  # every one must be present (accepted or suggested)
    court: str = ""  # a part of the court name
    case_type: str = ""  # 民事 | 刑事 | 行政 | ""
    date_from: dt.date | None = None  # judgment date (metadata), inclusive
    date_to: dt.date | None = None
    include_rejected: bool = False  # count rejected spans as "present" too

    def is_empty(self) -> bool:
        return self == DocumentFilter()


def case_type_of(case_number: str) -> str:
    """民事, 刑事 or 行政 from a case number's symbol; "" when there is none."""
    m = _SYMBOL.search(case_number or "")
    if m is None:
        return ""
    sym = m.group(1)
    if sym.startswith("行"):
        return "行政"
    if all("\u3041" <= ch <= "\u309f" for ch in sym):
        return "刑事"
    return "民事"


def _parse_date(s: str) -> dt.date | None:
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", s or "")
    if m is None:
        return None
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))


def filter_documents(store: Store, f: DocumentFilter) -> list[DocumentSummary]:
    docs = list_documents(store)
    if f.is_empty():
        return docs
    with store.read() as s:
        meta = {i: m or {} for i, m in s.execute(select(Document.id, Document.meta))}
        tags: dict[int, dict[str, str]] = {}
        for doc_id, key, value in s.execute(
            select(DocTag.document_id, DocTag.key, DocTag.value).order_by(DocTag.id)
        ):
            tags.setdefault(doc_id, {})[key] = value
        present: dict[int, set[str]] = {}
        if f.labels:
            q = (select(Span.document_id, Label.key).join(Label, Span.label_id == Label.id)
                 .where(Span.layer == MAIN))
            if not f.include_rejected:
                q = q.where(Span.status != "rejected")
            for doc_id, key in s.execute(q.distinct()):
                present.setdefault(doc_id, set()).add(key)
    out = []
    for d in docs:
        m = meta.get(d.id, {})
        if f.statuses and d.status not in f.statuses:
            continue
        if f.labels and not f.labels <= present.get(d.id, set()):
            continue
        if f.court and f.court not in (d.court or ""):
            continue
        if f.case_type:
            kind = tags.get(d.id, {}).get("case_type") or case_type_of(d.case_number or "")
            if kind != f.case_type:
                continue
        if f.date_from or f.date_to:
            day = _parse_date(str(m.get("date", "")))
            if day is None or (f.date_from and day < f.date_from) or (
                    f.date_to and day > f.date_to):
                continue
        out.append(d)
    return out


def courts(store: Store) -> list[str]:
    """The court names the documents carry, for a drop-down."""
    return sorted({d.court for d in list_documents(store) if d.court})

"""Documents given to annotators, each with the annotator's own status (new, in_progress,
done). The document list shows them per annotator; an annotator's first change on an
assigned document moves their status to in_progress."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import HanreiError
from core.model import DOC_STATUSES
from core.repo import ensure_annotator, get_document, log
from core.store.db import Store
from core.store.models import Annotator, Assignment


@dataclass(frozen=True)
class AssignmentData:
    document_id: int
    annotator: str
    status: str


def _check_status(status: str) -> None:
    if status not in DOC_STATUSES:
        raise HanreiError(f"unknown assignment status {status!r}: one of {', '.join(DOC_STATUSES)}")


def assign(
    store: Store, doc_ids: Iterable[int], annotator: str, *, by: str | None = None
) -> list[AssignmentData]:
    """Give documents to `annotator`; documents already given keep their status."""
    if not annotator.strip():
        raise HanreiError("name the annotator to assign documents to")
    out = []
    with store.write() as s:
        who = ensure_annotator(s, annotator.strip())
        assert who is not None
        actor = ensure_annotator(s, by)
        for doc_id in doc_ids:
            get_document(s, doc_id)
            row = _row(s, doc_id, who.id)
            if row is None:
                row = Assignment(document_id=doc_id, annotator_id=who.id, status="new")
                s.add(row)
                s.flush()
                log(s, "assignment.add", annotator=actor, document_id=doc_id,
                    payload={"annotator": who.name})
            out.append(AssignmentData(doc_id, who.name, row.status))
    return out


def unassign(store: Store, doc_id: int, annotator: str, *, by: str | None = None) -> bool:
    with store.write() as s:
        who = s.scalar(select(Annotator).where(Annotator.name == annotator))
        row = _row(s, doc_id, who.id) if who else None
        if row is None:
            return False
        s.delete(row)
        log(s, "assignment.delete", annotator=ensure_annotator(s, by), document_id=doc_id,
            payload={"annotator": annotator})
        return True


def list_assignments(store: Store, doc_id: int | None = None) -> list[AssignmentData]:
    with store.read() as s:
        q = select(Assignment.document_id, Annotator.name, Assignment.status).join(
            Annotator, Assignment.annotator_id == Annotator.id
        )
        if doc_id is not None:
            q = q.where(Assignment.document_id == doc_id)
        rows = s.execute(q.order_by(Assignment.document_id, Annotator.name))
        return [AssignmentData(d, n, st) for d, n, st in rows]


def set_assignment_status(store: Store, doc_id: int, annotator: str, status: str) -> AssignmentData:
    _check_status(status)
    with store.write() as s:
        who = s.scalar(select(Annotator).where(Annotator.name == annotator))
        row = _row(s, doc_id, who.id) if who else None
        if row is None or who is None:
            raise HanreiError(f"document {doc_id} is not assigned to {annotator}")
        before = row.status
        row.status = status
        log(s, "assignment.status", annotator=who, document_id=doc_id,
            payload={"before": before, "after": status})
        return AssignmentData(doc_id, who.name, status)


def assignment_map(s: Session) -> dict[int, dict[str, str]]:
    """document id -> annotator -> status, for the document list."""
    out: dict[int, dict[str, str]] = {}
    for doc_id, name, status in s.execute(
        select(Assignment.document_id, Annotator.name, Assignment.status)
        .join(Annotator, Assignment.annotator_id == Annotator.id)
        .order_by(Assignment.document_id, Assignment.id)
    ):
        out.setdefault(doc_id, {})[name] = status
    return out


def touch_assignment(
    s: Session, doc_id: int, who: Annotator | None, status: str | None = None
) -> None:
    """Inside the caller's transaction: `who` worked on the document. Without `status`, a
    new assignment becomes in_progress; with it, the assignment takes that status."""
    if who is None:
        return
    row = _row(s, doc_id, who.id)
    if row is None:
        return
    if status is not None:
        row.status = status
    elif row.status == "new":
        row.status = "in_progress"


def _row(s: Session, doc_id: int, annotator_id: int) -> Assignment | None:
    return s.scalar(
        select(Assignment).where(
            Assignment.document_id == doc_id, Assignment.annotator_id == annotator_id
        )
    )

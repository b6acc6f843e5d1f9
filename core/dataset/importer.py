"""Dataset files in: one transaction per file, nothing stored if any record is refused.

Documents keep their text as given (raw_text = text unless a native record carries its
own raw text and offset map); spans get source `imported` (the native format keeps the
source it records, so its round trip is exact) and keep their annotator (and,
for native files, their status). Labels a file uses that the project lacks are added,
switched off for auto-highlighting.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from core.dataset.records import DatasetError, ImportedDoc, check
from core.repo import DEFAULT_PROJECT, ensure_annotator, ensure_project, labels_by_key, log
from core.store.db import Store
from core.store.models import Annotator, DocTag, Document, Label, Span
from core.text.offsets import OffsetMap

IMPORT_FORMATS = ("jsonl", "doccano", "labelstudio", "brat")
_PALETTE = ("#cccccc", "#f6b26b", "#93c47d", "#76a5af", "#8e7cc3", "#c27ba0", "#e06666")


@dataclass
class DatasetImportResult:
    path: str
    format: str
    status: Literal["imported", "failed"]
    documents: list[int] = field(default_factory=list)
    present: int = 0  # documents already in the project, not added again
    spans: int = 0
    reason: str = ""


def reader_for(fmt: str) -> Callable[[Path], Iterator[ImportedDoc]]:
    if fmt == "jsonl":
        from core.dataset.jsonl import read
    elif fmt == "doccano":
        from core.dataset.doccano import read
    elif fmt == "labelstudio":
        from core.dataset.labelstudio import read
    elif fmt == "brat":
        from core.dataset.brat import read
    else:
        raise DatasetError(f"unknown import format {fmt!r} (one of {', '.join(IMPORT_FORMATS)})")
    return read


def detect_format(path: Path) -> str | None:
    """The dataset format of `path` by its content, or None (then it is a judgment file)."""
    try:
        if path.is_dir():
            return "brat" if any(path.rglob("*.ann")) else None
        suffix = path.suffix.lower()
        if suffix == ".zip":
            with zipfile.ZipFile(path) as z:
                return "brat" if any(n.endswith(".ann") for n in z.namelist()) else None
        if suffix in (".jsonl", ".ndjson"):
            with open(path, encoding="utf-8-sig") as f:
                for line in f:
                    if line.strip():
                        rec = json.loads(line)
                        break
                else:
                    return None
            if isinstance(rec, dict) and "text" in rec:
                if "spans" in rec:
                    return "jsonl"
                if "label" in rec or "entities" in rec:
                    return "doccano"
            return None
        if suffix == ".json":
            with open(path, encoding="utf-8-sig") as f:
                head = f.read(64).lstrip()
            if not head.startswith("["):
                return None  # a court record is an object
            data = json.loads(path.read_text(encoding="utf-8-sig"))
            if isinstance(data, list) and all(
                isinstance(t, dict) and isinstance(t.get("data"), dict) for t in data
            ):
                return "labelstudio"
    except (OSError, ValueError, zipfile.BadZipFile):
        return None
    return None


def import_dataset(
    store: Store,
    path: Path,
    fmt: str | None = None,
    *,
    project: str | None = None,
    annotator: str | None = None,
) -> DatasetImportResult:
    fmt = fmt or detect_format(path)
    if fmt is None:
        return DatasetImportResult(str(path), "?", "failed", reason="not a recognised dataset")
    result = DatasetImportResult(str(path), fmt, "imported")
    try:
        read = reader_for(fmt)
        with store.write() as s:
            proj = ensure_project(s, project or DEFAULT_PROJECT)
            labels = labels_by_key(s, proj.id)
            who = ensure_annotator(s, annotator)
            people: dict[str, Annotator | None] = {}
            seen: set[str] = set()
            for doc in read(path):
                check(doc)
                sha = _fingerprint(doc)
                if sha in seen or s.scalar(
                    select(Document.id).where(
                        Document.project_id == proj.id, Document.sha256 == sha
                    )
                ):
                    result.present += 1
                    continue
                seen.add(sha)
                row = _add_document(s, proj.id, doc, sha, path, fmt)
                for sp in doc.spans:
                    if sp.label not in labels:
                        labels[sp.label] = _add_label(s, proj.id, sp.label, len(labels))
                    if sp.annotator and sp.annotator not in people:
                        people[sp.annotator] = ensure_annotator(s, sp.annotator)
                    person = people.get(sp.annotator) if sp.annotator else None
                    s.add(
                        Span(
                            document_id=row.id,
                            label_id=labels[sp.label].id,
                            start=sp.start,
                            end=sp.end,
                            value=sp.value,
                            source=sp.source or "imported",
                            status=sp.status,
                            annotator_id=person.id if person else None,
                            note=sp.note,
                        )
                    )
                for key, value in doc.tags.items():
                    s.add(DocTag(document_id=row.id, key=key, value=value))
                log(
                    s,
                    "document.import",
                    annotator=who,
                    document_id=row.id,
                    payload={"path": str(path), "format": fmt, "spans": len(doc.spans)},
                )
                s.flush()
                result.documents.append(row.id)
                result.spans += len(doc.spans)
            _sync_sequence(s)
    except DatasetError as e:
        return DatasetImportResult(str(path), fmt, "failed", reason=str(e))
    except (OSError, UnicodeDecodeError, ValueError, zipfile.BadZipFile) as e:
        return DatasetImportResult(str(path), fmt, "failed", reason=f"cannot be read: {e}")
    except (AttributeError, TypeError, KeyError) as e:  # a field of the wrong JSON type
        reason = f"not a valid {fmt} file ({type(e).__name__}: {e})"
        return DatasetImportResult(str(path), fmt, "failed", reason=reason)
    return result


def _fingerprint(doc: ImportedDoc) -> str:
    """The same record (id, title, text, spans) is the same document: a re-import of a
    file adds nothing, while two records that differ only in their id are both kept."""
    spans = [
        [sp.start, sp.end, sp.label, sp.value, sp.status, sp.annotator, sp.note] for sp in doc.spans
    ]
    record = ["dataset/1", doc.source_id, doc.title, doc.text, spans]
    blob = json.dumps(record, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _add_document(
    s: Session, project_id: int, doc: ImportedDoc, sha: str, path: Path, fmt: str
) -> Document:
    raw_text, omap = doc.text, OffsetMap.identity(len(doc.text))
    if doc.raw_text is not None and doc.offset_map is not None:
        try:
            omap = OffsetMap.from_json(doc.offset_map)
        except (KeyError, TypeError, ValueError) as e:
            raise DatasetError(f"{doc.name}: unusable offset_map ({e})") from e
        if len(omap) != len(doc.text) or omap.raw_len != len(doc.raw_text):
            raise DatasetError(f"{doc.name}: offset_map does not fit text and raw_text")
        raw_text = doc.raw_text
    row = Document(
        project_id=project_id,
        title=doc.title[:500],
        source_path=str(path.resolve()),
        source_kind=f"ds-{fmt}",  # at most 16 characters
        encoding="utf-8",
        sha256=sha,
        meta=doc.metadata,
        raw_text=raw_text,
        text=doc.text,
        offset_map=json.dumps(omap.to_json(), separators=(",", ":")),
        status=doc.status,
    )
    if doc.source_id is not None and doc.source_id > 0 and s.get(Document, doc.source_id) is None:
        row.id = doc.source_id  # same ids as the exporting database: round trips stay exact
    s.add(row)
    s.flush()
    return row


def _add_label(s: Session, project_id: int, key: str, n: int) -> Label:
    top = s.scalar(select(func.max(Label.position)).where(Label.project_id == project_id))
    lb = Label(
        project_id=project_id,
        key=key,
        name=key,
        color=_PALETTE[n % len(_PALETTE)],
        shortcut=None,
        description="imported with a dataset",
        value_type="none",
        active=True,
        auto_suggest=False,
        position=(top or 0) + 1,
    )
    s.add(lb)
    s.flush()
    return lb


def _sync_sequence(s: Session) -> None:
    """PostgreSQL hands out ids from a sequence that explicit ids do not move on."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('document', 'id'), "
                "COALESCE((SELECT MAX(id) FROM document), 1))"
            )
        )

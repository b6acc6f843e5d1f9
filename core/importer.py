"""Import: files and folders in, one transaction per file, nothing stored for a file that fails.

Reading and normalising happen before the transaction opens (they are pure and can be
slow); the write is short, so a window working on the same database is never held up.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import Select, insert, select
from sqlalchemy.orm import Session

from core.errors import HanreiError, InputError
from core.extract import Suggestion, extract
from core.metadata import infer_metadata, title_from
from core.repo import DEFAULT_PROJECT, ensure_annotator, ensure_project, labels_by_key, log
from core.store.db import Store
from core.store.models import Document, Project, Span, utcnow
from core.text.pipeline import Normalized, NormalizeOptions, normalize
from core.text.readers import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    SourceDocument,
    read_document,
    supported_suffixes,
)

log_ = logging.getLogger(__name__)

# The most bytes one character can take in a file of each kind: 4 in UTF-8 and UTF-16,
# 12 in JSON (an escaped surrogate pair). A larger file holds more characters than the
# readers accept for sure, so it is refused before it is read: a 100 MB text file costs no
# time and no memory. PDF and HTML carry markup, so only MAX_FILE_BYTES bounds them.
_MAX_BYTES_PER_CHAR = {".txt": 4, ".text": 4, ".json": 12}
_BYTE_SLACK = 1_000_000  # a BOM, the metadata fields of a JSON record


def byte_limit(path: Path) -> int:
    """Largest file size worth reading for this suffix."""
    per_char = _MAX_BYTES_PER_CHAR.get(path.suffix.lower())
    if per_char is None:
        return MAX_FILE_BYTES
    return min(MAX_FILE_BYTES, per_char * MAX_TEXT_CHARS + _BYTE_SLACK)


ImportStatus = Literal["imported", "present", "failed"]


@dataclass
class ImportResult:
    path: str
    status: ImportStatus
    document_id: int | None = None
    title: str = ""
    reason: str = ""  # for failures
    suggestions: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # what normalisation did
    notes: list[str] = field(default_factory=list)


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, and folders walked in a stable order for the supported suffixes."""
    suffixes = set(supported_suffixes())
    for p in map(Path, paths):
        if p.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    Path(root) / f
                    for f in files
                    if Path(f).suffix.lower() in suffixes and not f.startswith(".")
                )
            yield from sorted(found)
        else:
            yield p


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    project: str | None = None,
    suggest: bool = True,
    options: NormalizeOptions | None = None,
    annotator: str | None = None,
) -> Iterator[ImportResult]:
    for path in iter_input_files(paths):
        yield import_file(
            store, path, project=project, suggest=suggest, options=options, annotator=annotator
        )


def import_file(
    store: Store,
    path: Path,
    *,
    project: str | None = None,
    suggest: bool = True,
    options: NormalizeOptions | None = None,
    annotator: str | None = None,
) -> ImportResult:
    try:
        if path.is_file() and path.stat().st_size > byte_limit(path):
            size = path.stat().st_size
            if byte_limit(path) == MAX_FILE_BYTES:
                raise InputError(path, f"too large ({size / 1e6:.0f} MB)")
            raise InputError(
                path,
                f"text too long: a {size / 1e6:.0f} MB {path.suffix} file holds more than "
                f"{MAX_TEXT_CHARS:,} characters, the limit (a 300-page judgment has about "
                "500,000)",
            )
        data = _read_bytes(path)
        sha = hashlib.sha256(data).hexdigest()
        with store.read() as s:
            proj = s.scalar(_project_query(project))
            if proj is not None:
                existing = s.scalar(
                    select(Document).where(Document.project_id == proj.id, Document.sha256 == sha)
                )
                if existing is not None:
                    return ImportResult(str(path), "present", existing.id, existing.title)
        src, norm = _read_and_normalize(path, data, options)
        if not norm.text.strip():
            raise InputError(path, "nothing is left of the text after normalisation")
        # Extraction is pure and can take a second on a long judgment: done before the
        # write transaction opens, so nobody else waits for it.
        found = extract(norm.text)
        for key, value in infer_metadata(norm.text, found).items():
            src.metadata.setdefault(key, value)
        if src.title == path.stem:  # the reader found no title of its own
            src.title = title_from(src.metadata) or src.title
        return _store(store, path, sha, src, norm, project, found if suggest else None, annotator)
    except InputError as e:
        return ImportResult(str(path), "failed", reason=e.reason)
    except HanreiError as e:
        return ImportResult(str(path), "failed", reason=str(e))
    except MemoryError:
        return ImportResult(str(path), "failed", reason="not enough memory to read this file")


def _read_and_normalize(
    path: Path, data: bytes, options: NormalizeOptions | None
) -> tuple[SourceDocument, Normalized]:
    """The pure part of an import. A reader bug on a strange file must fail that file, not
    the whole batch: anything unexpected becomes an InputError (traceback in the debug log)."""
    try:
        src = read_document(path, data)
        return src, normalize(src.raw_text, options)
    except (InputError, HanreiError, MemoryError):
        raise
    except RecursionError as e:
        raise InputError(path, "nested too deeply to read (JSON or HTML nesting)") from e
    except Exception as e:
        log_.debug("unexpected error reading %s", path, exc_info=True)
        raise InputError(path, f"internal error while reading ({type(e).__name__}: {e})") from e


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError as e:
        raise InputError(path, "is a folder with no importable files") from e
    except FileNotFoundError as e:
        raise InputError(path, "no such file") from e
    except OSError as e:
        raise InputError(path, f"cannot be read: {e.strerror or e}") from e


def _project_query(name: str | None) -> Select[Project]:
    return select(Project).where(Project.name == (name or DEFAULT_PROJECT))


def _store(
    store: Store,
    path: Path,
    sha: str,
    src: SourceDocument,
    norm: Normalized,
    project: str | None,
    suggestions: list[Suggestion] | None,
    annotator: str | None,
) -> ImportResult:
    with store.write() as s:
        proj = ensure_project(s, project or DEFAULT_PROJECT)
        existing = s.scalar(
            select(Document).where(Document.project_id == proj.id, Document.sha256 == sha)
        )
        if existing is not None:  # imported by someone else meanwhile
            return ImportResult(str(path), "present", existing.id, existing.title)
        who = ensure_annotator(s, annotator)
        doc = Document(
            project_id=proj.id,
            title=src.title[:500],
            source_path=str(path.resolve()),
            source_kind=src.kind,
            encoding=src.encoding,
            sha256=sha,
            meta=src.metadata,
            raw_text=norm.raw_text,
            text=norm.text,
            offset_map=json.dumps(norm.offsets.to_json(), separators=(",", ":")),
            status="new",
        )
        s.add(doc)
        s.flush()
        n = add_suggestions(s, doc, proj.id, found=suggestions) if suggestions is not None else 0
        log(
            s,
            "document.import",
            annotator=who,
            document_id=doc.id,
            payload={
                "path": str(path),
                "sha256": sha,
                "counts": norm.counts,
                "suggestions": n,
                "notes": src.notes,
            },
        )
        return ImportResult(
            str(path),
            "imported",
            doc.id,
            doc.title,
            suggestions=n,
            counts=dict(norm.counts),
            notes=list(src.notes),
        )


def add_suggestions(
    s: Session,
    doc: Document,
    project_id: int,
    skip: set[tuple[int, int, int]] | None = None,
    found: list[Suggestion] | None = None,
) -> int:
    """Run the extractors for the project's switched-on labels and store their suggestions;
    `skip` holds (label id, start, end) already present, which are not added again."""
    labels = {
        k: lb for k, lb in labels_by_key(s, project_id).items() if lb.active and lb.auto_suggest
    }
    if not labels:
        return 0
    now = utcnow()
    rows = [
        {
            "document_id": doc.id,
            "label_id": labels[sg.label].id,
            "start": sg.start,
            "end": sg.end,
            "value": sg.value,
            "source": "auto",
            "status": "suggested",
            "annotator_id": None,
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        for sg in (extract(doc.text, labels) if found is None else found)
        if sg.label in labels
        and sg.end <= len(doc.text)
        and (skip is None or (labels[sg.label].id, sg.start, sg.end) not in skip)
    ]
    if rows:  # a bulk insert: ORM objects cost seconds on a 1M-character judgment
        s.execute(insert(Span), rows)
    return len(rows)

"""What every exporter shares: which documents and spans go out, and atomic file writing.

Documents are read in chunks (one short read transaction per chunk, one query each for
the documents, their spans and their tags), so memory stays flat on large corpora and the
database is never held open while a file is being written.
"""

from __future__ import annotations

import json
import json.scanner
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from sqlalchemy import Text, exists, select, type_coerce

from core.store.db import Store
from core.store.models import Annotator, DocTag, Document, Label, Project, Span
from core.text.offsets import OffsetMap

SpanFilter = Literal["accepted", "all"]
OffsetBase = Literal["text", "raw"]
DoccanoForm = Literal["label", "entities"]
HfTags = Literal["int", "str"]

CHUNK = 200  # documents per read transaction
OFFSET_UNIT = {"unit": "codepoint", "end": "exclusive"}


@dataclass(frozen=True)
class ExportOptions:
    spans: SpanFilter = "accepted"
    offsets: OffsetBase = "text"
    project: str | None = None
    labels: frozenset[str] | None = None  # None: every label
    status: frozenset[str] | None = None  # document statuses; None: every status
    annotator: str | None = None  # only documents with a span by this annotator
    ids: frozenset[int] | None = None  # only these documents (a split)
    doccano_form: DoccanoForm = "label"
    hf_tags: HfTags = "int"
    layer: str = "main"  # span layer: main, curated or @annotator (core.layers)


@dataclass(slots=True)
class ExportedSpan:
    start: int
    end: int
    label: str
    text: str
    value: Any
    source: str
    status: str
    annotator: str | None
    note: str | None

    def as_dict(self) -> dict[str, Any]:
        """The native record of a span (faster than dataclasses.asdict, which deep-copies)."""
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "value": self.value,
            "source": self.source,
            "status": self.status,
            "annotator": self.annotator,
            "note": self.note,
        }


@dataclass
class ExportedDocument:
    id: int
    title: str
    metadata: dict[str, Any]
    status: str
    text: str
    spans: list[ExportedSpan]
    tags: dict[str, str]


@dataclass
class ExportResult:
    """What one export wrote; `extra` holds format-specific counts (e.g. cut tokens)."""

    documents: int
    spans: int
    path: Path
    format: str
    extra: dict[str, int] = field(default_factory=dict)


def select_ids(store: Store, opts: ExportOptions) -> list[int]:
    """The ids of the documents the options select, in id order."""
    with store.read() as s:
        q = select(Document.id).join(Project).order_by(Document.id)
        if opts.project:
            q = q.where(Project.name == opts.project)
        if opts.status is not None:
            q = q.where(Document.status.in_(sorted(opts.status)))
        if opts.annotator:
            q = q.where(
                exists(
                    select(Span.id)
                    .join(Annotator, Span.annotator_id == Annotator.id)
                    .where(Span.document_id == Document.id, Annotator.name == opts.annotator)
                )
            )
        ids = list(s.scalars(q))
    if opts.ids is not None:
        ids = [i for i in ids if i in opts.ids]
    return ids


def label_keys(store: Store, opts: ExportOptions) -> list[str]:
    """Label keys of the selected project(s) in schema order, as configs and tag lists need."""
    with store.read() as s:
        q = select(Label.key).join(Project).order_by(Project.id, Label.position, Label.id)
        if opts.project:
            q = q.where(Project.name == opts.project)
        keys = list(dict.fromkeys(s.scalars(q)))
    if opts.labels is not None:
        keys = [k for k in keys if k in opts.labels]
    return keys


def iter_documents(
    store: Store, opts: ExportOptions, ids: Sequence[int] | None = None
) -> Iterator[ExportedDocument]:
    """Stream the selected documents in id order, CHUNK documents per read transaction."""
    if ids is None:
        ids = select_ids(store, opts)
    for i in range(0, len(ids), CHUNK):
        yield from _read_chunk(store, opts, list(ids[i : i + CHUNK]))


_DECODER: Any = json.JSONDecoder()
_scan = json.scanner.make_scanner(_DECODER)  # the C scanner, without the wrappers


def _sqlite_json(v: Any) -> Any:
    """A JSON column's value as SQLite hands it over: numbers come back as numbers (the
    column has numeric affinity), everything else as the JSON text we stored."""
    if not isinstance(v, str):
        return v
    try:
        value, end = _scan(v, 0)
    except StopIteration:
        return json.loads(v)  # raises a proper error
    return value if end == len(v) else json.loads(v)


def _read_chunk(store: Store, opts: ExportOptions, chunk: list[int]) -> list[ExportedDocument]:
    """Core queries, not ORM loading: this loop is the export's hot path (1M spans)."""
    raw = opts.offsets == "raw"
    # On SQLite the span values are decoded here, much faster than the JSON type's hook.
    value_col = type_coerce(Span.value, Text) if store.is_sqlite else Span.value
    decode = _sqlite_json if store.is_sqlite else None
    with store.read() as s:
        conn = s.connection()
        cols = [Document.id, Document.title, Document.meta, Document.status, Document.text]
        if raw:
            cols += [Document.raw_text, Document.offset_map]
        rows = conn.execute(select(*cols).where(Document.id.in_(chunk)))
        docs: dict[Any, Any] = {row[0]: row for row in rows}
        sq = (
            select(
                Span.document_id,
                Span.start,
                Span.end,
                Label.key,
                value_col,
                Span.source,
                Span.status,
                Annotator.name,
                Span.note,
            )
            .join(Label, Span.label_id == Label.id)
            .outerjoin(Annotator, Span.annotator_id == Annotator.id)
            .where(Span.document_id.in_(chunk), Span.layer == opts.layer)
            .order_by(Span.document_id, Span.start, Span.end, Label.key, Span.status, Span.id)
        )
        if opts.spans == "accepted":
            sq = sq.where(Span.status == "accepted")
        if opts.labels is not None:
            sq = sq.where(Label.key.in_(sorted(opts.labels)))
        spans: dict[int, list[Any]] = {}
        for srow in conn.execute(sq).all():
            spans.setdefault(srow[0], []).append(srow)
        tags: dict[int, dict[str, str]] = {}
        for doc_id, key, value in conn.execute(
            select(DocTag.document_id, DocTag.key, DocTag.value)
            .where(DocTag.document_id.in_(chunk))
            .order_by(DocTag.document_id, DocTag.id)
        ):
            tags.setdefault(doc_id, {})[key] = value
    out = []
    for doc_id in chunk:
        row = docs.get(doc_id)
        if row is None:  # deleted meanwhile
            continue
        text = row[4]
        omap = OffsetMap.from_json(json.loads(row[6])) if raw else None
        base = row[5] if raw else text
        exported = []
        for _, start, end, key, value, source, status, who, note in spans.get(doc_id, ()):
            if omap is not None:
                start, end = omap.to_raw(start, end)
            if decode is not None:
                value = decode(value)
            exported.append(
                ExportedSpan(start, end, key, base[start:end], value, source, status, who, note)
            )
        out.append(
            ExportedDocument(
                doc_id, row[1], dict(row[2] or {}), row[3], base, exported, tags.get(doc_id, {})
            )
        )
    return out


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_writer(path: Path, *, encoding: str = "utf-8", newline: str = "\n") -> Iterator[IO[str]]:
    """Write to a temporary file beside `path`, then rename: never a half-written export."""
    with (
        atomic_binary_writer(path) as fb,
        open(fb.fileno(), "w", encoding=encoding, newline=newline, closefd=False) as f,
    ):
        yield f
        f.flush()


@contextmanager
def atomic_binary_writer(path: Path) -> Iterator[IO[bytes]]:
    """The bytes version of atomic_writer (zip files, DocBin)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # as a plain open() would have made it
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_folder(path: Path, replaceable: frozenset[str]) -> Iterator[Path]:
    """Build a folder beside `path` and move it into place at the end. An existing folder is
    replaced only if it holds nothing but files with the `replaceable` suffixes (an earlier
    export), so a wrong --out never deletes someone's work."""
    if path.exists():
        if not path.is_dir():
            raise OSError(f"{path} exists and is not a folder")
        for p in path.iterdir():
            if p.is_dir() or p.suffix not in replaceable:
                raise OSError(
                    f"{path} exists and holds {p.name}, which an export did not write; "
                    "choose another --out"
                )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent))
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        yield tmp
        if path.exists():
            shutil.rmtree(path)
        os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


_LINE_BREAKERS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def json_line(obj: Any) -> str:
    """One JSONL record, newline included. Readable Japanese (no ASCII escapes), but the
    characters `str.splitlines()` also breaks on are escaped, so every reader sees one line."""
    line = _ENCODE(obj)
    # str.translate walks every character in Python-level steps (most of an export's time);
    # the three searches below are fast scans, and these characters are rare.
    if "\u2028" in line or "\u2029" in line or "\x85" in line:
        line = line.translate(_LINE_BREAKERS)
    return line + "\n"

"""Plain records the dataset readers produce, checked before anything is stored.

A reader yields ImportedDoc objects; `check` refuses a span whose offsets do not fit the
text, naming the document and the offsets, so that nothing of the file is imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import HanreiError
from core.model import DOC_STATUSES, SPAN_STATUSES

MAX_LABEL_KEY = 64


class DatasetError(HanreiError):
    """A dataset file that cannot be imported; nothing of the file is stored."""


@dataclass
class ImportedSpan:
    start: Any  # checked to be int by `check`
    end: Any
    label: Any
    text: str | None = None  # when given, must equal text[start:end]
    value: Any = None
    status: str = "accepted"
    annotator: str | None = None
    note: str | None = None
    source: str | None = None  # the native format carries it; others leave it "imported"


@dataclass
class ImportedDoc:
    name: str  # how error messages name it: "line 3 (id 12)", "doc000012.ann"
    text: str
    title: str
    metadata: dict[str, Any] = field(default_factory=dict)
    status: str = "new"
    tags: dict[str, str] = field(default_factory=dict)
    spans: list[ImportedSpan] = field(default_factory=list)
    source_id: int | None = None  # the id it had, kept where that id is free
    raw_text: str | None = None
    offset_map: dict[str, Any] | None = None


def check(doc: ImportedDoc) -> None:
    """Refuse what would store a span that is not exactly the text it claims."""
    if doc.status not in DOC_STATUSES:
        raise DatasetError(f"{doc.name}: unknown document status {doc.status!r}")
    n = len(doc.text)
    for sp in doc.spans:
        where = f"{doc.name}: span [{sp.start}, {sp.end})"
        if not isinstance(sp.label, str) or not sp.label or len(sp.label) > MAX_LABEL_KEY:
            raise DatasetError(f"{where}: the label {sp.label!r} is not a usable label name")
        if (
            not isinstance(sp.start, int)
            or not isinstance(sp.end, int)
            or isinstance(sp.start, bool)
            or isinstance(sp.end, bool)
        ):
            raise DatasetError(f"{where} {sp.label}: offsets are not integers")
        if not 0 <= sp.start < sp.end <= n:
            raise DatasetError(
                f"{where} {sp.label}: out of range (the text has {n} characters; "
                "offsets are code points, end-exclusive)"
            )
        if sp.text is not None and doc.text[sp.start : sp.end] != sp.text:
            raise DatasetError(
                f"{where} {sp.label}: its text {sp.text!r} differs from the document's "
                f"{doc.text[sp.start : sp.end]!r}"
            )
        if sp.status not in SPAN_STATUSES:
            raise DatasetError(f"{where} {sp.label}: unknown span status {sp.status!r}")


def read_jsonl_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-empty line; a bad line names its number."""
    with open(path, encoding="utf-8-sig") as f:
        for no, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise DatasetError(f"line {no}: not valid JSON ({e.msg})") from e
            if not isinstance(rec, dict):
                raise DatasetError(f"line {no}: not a JSON object")
            yield no, rec

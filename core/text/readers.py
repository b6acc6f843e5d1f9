"""Readers: one per input kind, each turning a file into a SourceDocument.

`raw_text` is the judgment text as the source delivers it, decoded: the file for plain
text, the `contents` field for a courts' JSON record. Metadata is what the source states.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import InputError
from core.text.decode import decode_bytes
from core.text.wareki import era_kanji, to_date

MAX_FILE_BYTES = 200 * 1024 * 1024  # a judgment is never this large; refuse before reading
# A 300-page judgment has about 500,000 characters; ten times that is no judgment.
MAX_TEXT_CHARS = 5_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class SourceDocument:
    raw_text: str
    kind: str  # "txt", "json", "pdf", "html"
    title: str
    metadata: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)  # what the reader left out, for the report


Reader = Callable[[Path, bytes], SourceDocument]
_READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            _READERS[s] = fn
        return fn

    return deco


def supported_suffixes() -> list[str]:
    _load_optional_readers()
    return sorted(_READERS)


def _load_optional_readers() -> None:
    # PDF and HTML readers live in their own modules and register themselves.
    for mod in ("core.text.pdf", "core.text.html"):
        try:
            __import__(mod)
        except ModuleNotFoundError as e:
            if e.name != mod:
                raise


def read_document(path: str | Path, data: bytes | None = None) -> SourceDocument:
    p = Path(path)
    _load_optional_readers()
    fn = _READERS.get(p.suffix.lower())
    if fn is None:
        raise InputError(
            p,
            f"unsupported file type {p.suffix or '(none)'!r}; "
            f"supported: {', '.join(sorted(_READERS))}",
        )
    if data is None:
        try:
            size = p.stat().st_size
            if size > MAX_FILE_BYTES:
                raise InputError(
                    p,
                    f"too large ({size / 1e6:.0f} MB; the limit is "
                    f"{MAX_FILE_BYTES // 1_000_000} MB)",
                )
            data = p.read_bytes()
        except OSError as e:
            raise InputError(p, f"cannot be read: {e.strerror or e}") from e
    doc = fn(p, data)
    check_text(p, doc.raw_text)
    return doc


def check_text(path: Path, text: str) -> None:
    """Refuse text that cannot be stored or shown faithfully."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            path,
            f"text too long: {len(text):,} characters (the limit is "
            f"{MAX_TEXT_CHARS:,}; a 300-page judgment has about 500,000)",
        )
    if not text.strip():
        raise InputError(path, "contains no text")
    if "\x00" in text:
        raise InputError(path, f"contains a NUL character at position {text.index(chr(0))}")
    m = _SURROGATE.search(text)
    if m:
        raise InputError(
            path, f"contains a lone surrogate (U+{ord(m.group()):04X}) at position {m.start()}"
        )


@reader(".txt", ".text")
def read_txt(path: Path, data: bytes) -> SourceDocument:
    text, enc = decode_bytes(data, path)
    return SourceDocument(text, "txt", path.stem, {}, enc)


# The courts' judgment records: `contents` plus metadata fields (see the corpus README).
_RECORD_TEXT_FIELD = "contents"


@reader(".json")
def read_json_record(path: Path, data: bytes) -> SourceDocument:
    text, enc = decode_bytes(data, path)
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(path, f"invalid JSON ({e.msg} at line {e.lineno} column {e.colno})") from e
    if not isinstance(rec, dict):
        raise InputError(path, "JSON is not a judgment record (expected an object)")
    contents = rec.get(_RECORD_TEXT_FIELD)
    if not isinstance(contents, str):
        raise InputError(path, "JSON record has no 'contents' text field")
    meta = record_metadata(rec)
    title = " ".join(x for x in (meta.get("case_number"), meta.get("case_name")) if x) or path.stem
    return SourceDocument(contents, "json", title, meta, enc)


def record_metadata(rec: dict[str, Any]) -> dict[str, Any]:
    """Normalised metadata of a courts' record; the other fields are kept under `source`."""
    meta: dict[str, Any] = {}
    for src, dst in (
        ("case_number", "case_number"),
        ("court_name", "court"),
        ("case_name", "case_name"),
        ("trial_type", "trial_type"),
    ):
        v = rec.get(src)
        if isinstance(v, str) and v.strip():
            meta[dst] = v.strip()
    d = rec.get("date")
    if isinstance(d, dict):
        iso = _record_date(d)
        if iso:
            meta["date"] = iso
    meta["source"] = {k: v for k, v in rec.items() if k != _RECORD_TEXT_FIELD}
    return meta


def _record_date(d: dict[str, Any]) -> str | None:
    try:
        era = era_kanji(str(d.get("era", "")))
        if era is None:
            return None
        date, _in_era = to_date(era, int(d["year"]), int(d["month"]), int(d["day"]))
    except (KeyError, TypeError, ValueError, OverflowError):
        return None
    return date.isoformat()

"""brat standoff: <name>.txt + <name>.ann per document, and annotation.conf for the labels.

A folder, or a .zip when --out ends in .zip. Offsets are code points, end-exclusive (brat
reads its .txt as UTF-8 text). brat cannot show a newline inside a span, so a span that
crosses lines is written as discontinuous fragments (`T1 LABEL 0 5;6 10`, the text field
the fragments joined by a space) and read back as one span. The normalised value, the
note, the annotator and a non-accepted status go in one `#` AnnotatorNotes line as JSON.
"""

from __future__ import annotations

import itertools
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.dataset.common import (
    ExportedDocument,
    ExportOptions,
    ExportResult,
    atomic_binary_writer,
    atomic_folder,
    iter_documents,
    label_keys,
)
from core.dataset.records import DatasetError, ImportedDoc, ImportedSpan
from core.dataset.safezip import read_members
from core.store.db import Store

FORMAT = "brat"
CONF = "annotation.conf"
_BREAK = re.compile(r"[\r\n]+")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same export gives the same bytes


def doc_name(doc_id: int) -> str:
    return f"doc{doc_id:06d}"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at line breaks; the breaks themselves belong to no fragment."""
    out, pos = [], start
    for m in _BREAK.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return out


def ann_text(doc: ExportedDocument) -> tuple[str, int]:
    """The .ann content and the number of spans written (a span of line breaks only has
    no fragment brat could draw and is left out)."""
    entries: list[tuple[tuple[int, int, str, str, str], str, str]] = []
    for sp in doc.spans:
        frags = fragments(doc.text, sp.start, sp.end)
        if not frags:
            continue
        offs = ";".join(f"{a} {b}" for a, b in frags)
        shown = " ".join(doc.text[a:b] for a, b in frags)
        extra: dict[str, Any] = {}
        if sp.value is not None:
            extra["value"] = sp.value
        if sp.note:
            extra["note"] = sp.note
        if sp.annotator:
            extra["annotator"] = sp.annotator
        if sp.status != "accepted":
            extra["status"] = sp.status
        note = json.dumps(extra, ensure_ascii=False, separators=(",", ":")) if extra else ""
        # Ordered by what the file shows, not by the stored offsets or ids: a span that
        # starts on a line break is written from the next character, and two spans may
        # read back alike; a canonical order makes an imported export write the same file.
        key = (frags[0][0], frags[-1][1], sp.label, offs, note)
        entries.append((key, f"{sp.label} {offs}\t{shown}", note))
    entries.sort(key=lambda e: e[0])
    lines: list[str] = []
    for t, (_key, body, note) in enumerate(entries, 1):
        lines.append(f"T{t}\t{body}\n")
        if note:
            lines.append(f"#{t}\tAnnotatorNotes T{t}\t{note}\n")
    n = len(entries)
    return "".join(lines), n


def conf_text(keys: list[str]) -> str:
    return (
        "[entities]\n" + "".join(f"{k}\n" for k in keys) + "[relations]\n[events]\n[attributes]\n"
    )


def export(store: Store, out: Path, opts: ExportOptions) -> ExportResult:
    keys = label_keys(store, opts)
    n_docs = n_spans = 0

    def files() -> Iterator[tuple[str, str]]:
        nonlocal n_docs, n_spans
        for doc in iter_documents(store, opts):
            ann, n = ann_text(doc)
            keys.extend(sp.label for sp in doc.spans if sp.label not in keys)
            yield f"{doc_name(doc.id)}.txt", doc.text
            yield f"{doc_name(doc.id)}.ann", ann
            n_docs += 1
            n_spans += n

    if out.suffix.lower() == ".zip":
        with atomic_binary_writer(out) as fb, zipfile.ZipFile(fb, "w", zipfile.ZIP_DEFLATED) as z:
            for name, content in files():
                z.writestr(_info(name), content.encode("utf-8"))
            z.writestr(_info(CONF), conf_text(keys).encode("utf-8"))
    else:
        with atomic_folder(out, frozenset({".txt", ".ann", ".conf"})) as folder:
            for name, content in files():
                (folder / name).write_bytes(content.encode("utf-8"))
            (folder / CONF).write_bytes(conf_text(keys).encode("utf-8"))
    return ExportResult(n_docs, n_spans, out, FORMAT)


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


# --- reading ---------------------------------------------------------------------------------


def _members(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {
            str(p.relative_to(path).as_posix()): p.read_bytes()
            for p in sorted(path.rglob("*"))
            if p.is_file() and p.suffix in (".txt", ".ann")
        }
    return read_members(path, (".txt", ".ann"))


def read(path: Path) -> Iterator[ImportedDoc]:
    files = _members(path)
    anns = sorted(n for n in files if n.endswith(".ann"))
    if not anns:
        raise DatasetError("no .ann files")
    for ann in anns:
        txt = ann[: -len(".ann")] + ".txt"
        if txt not in files:
            raise DatasetError(f"{ann}: no {txt} beside it")
        try:
            text = files[txt].decode("utf-8")
            ann_src = files[ann].decode("utf-8")
        except UnicodeDecodeError as e:
            raise DatasetError(f"{ann}: not UTF-8 ({e.reason})") from e
        stem = Path(ann).stem
        m = re.fullmatch(r"doc(\d+)", stem)
        yield ImportedDoc(
            name=ann,
            text=text,
            title=stem,
            spans=parse_ann(ann, text, ann_src),
            source_id=int(m.group(1)) if m else None,
        )


def parse_ann(name: str, text: str, src: str) -> list[ImportedSpan]:
    """T lines become spans (fragments joined), AnnotatorNotes their extras; relations,
    events and attributes are not part of this program's model and are skipped."""
    spans: dict[str, ImportedSpan] = {}
    for no, line in enumerate(src.split("\n"), 1):
        line = line.rstrip("\r")
        if line.startswith("T"):
            parts = line.split("\t", 2)
            if len(parts) != 3:
                raise DatasetError(f"{name} line {no}: not `T<n> LABEL START END<TAB>text`")
            tid, head, shown = parts
            spans[tid] = _text_bound(name, no, text, head, shown)
        elif line.startswith("#"):
            parts = line.split("\t")
            bits = parts[1].split() if len(parts) == 3 else []
            if len(bits) == 2 and bits[0] == "AnnotatorNotes" and bits[1] in spans:
                _apply_note(spans[bits[1]], parts[2])
    return list(spans.values())


def _text_bound(name: str, no: int, text: str, head: str, shown: str) -> ImportedSpan:
    label, _, offs = head.partition(" ")
    try:
        frags = [tuple(int(x) for x in f.split()) for f in offs.split(";")]
    except ValueError as e:
        raise DatasetError(f"{name} line {no}: offsets {offs!r} are not numbers") from e
    if not frags or any(len(f) != 2 for f in frags):
        raise DatasetError(f"{name} line {no}: offsets {offs!r} are not START END pairs")
    start, end = frags[0][0], frags[-1][1]
    where = f"{name} line {no}: span [{start}, {end}) {label}"
    for a, b in frags:
        if not 0 <= a < b <= len(text):
            raise DatasetError(f"{where}: fragment [{a}, {b}) out of range ({len(text)} chars)")
    for (_, b), (a, _) in itertools.pairwise(frags):
        if a < b or text[b:a].strip():
            raise DatasetError(f"{where}: its fragments are not one span cut at line breaks")
    if " ".join(text[a:b] for a, b in frags) != shown:
        raise DatasetError(f"{where}: its text {shown!r} differs from the document's")
    return ImportedSpan(start, end, label)


def _apply_note(sp: ImportedSpan, note: str) -> None:
    try:
        extra = json.loads(note)
    except json.JSONDecodeError:
        extra = None
    if not isinstance(extra, dict):  # a note typed in brat itself
        sp.note = note
        return
    sp.value = extra.get("value")
    sp.note = extra.get("note")
    sp.annotator = extra.get("annotator")
    sp.status = extra.get("status") or "accepted"

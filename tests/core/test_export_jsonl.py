"""Native JSONL: one valid line per document; every span's text is text[start:end]."""

from __future__ import annotations

import json
from pathlib import Path

from core.dataset.common import ExportOptions
from core.dataset.jsonl import export_jsonl
from core.importer import import_file
from core.services import add_span, load_document
from core.store.db import Store


def _doc_with_spans(store: Store, sample_txt: Path) -> int:
    doc_id = import_file(store, sample_txt, suggest=False).document_id or 0
    text = load_document(store, doc_id).text
    i = text.index("𠮷田花子")
    add_span(store, doc_id, "PERSON", i, i + 4, annotator="yamada", value={"role": "証人"})
    j = text.index("113万1302円")
    add_span(store, doc_id, "MONEY", j, j + 9, value={"yen": 1131302})
    add_span(store, doc_id, "DATE", 0, 9, status="suggested", source="auto")
    return doc_id


def test_export_text_offsets(store: Store, sample_txt: Path, tmp_path: Path) -> None:
    _doc_with_spans(store, sample_txt)
    out = tmp_path / "out" / "a.jsonl"
    n_docs, n_spans = export_jsonl(store, out, ExportOptions())
    assert (n_docs, n_spans) == (1, 2)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert set(rec) >= {"id", "title", "metadata", "status", "text", "spans", "tags"}
    assert rec["offsets"] == {"base": "text", "unit": "codepoint", "end": "exclusive"}
    for sp in rec["spans"]:
        assert rec["text"][sp["start"] : sp["end"]] == sp["text"]
    assert [s["text"] for s in rec["spans"]] == ["113万1302円", "𠮷田花子"]
    assert rec["spans"][0]["value"] == {"yen": 1131302}
    assert rec["spans"][1]["annotator"] == "yamada"
    assert not list(out.parent.glob(".*part"))


def test_export_all_spans_with_raw_offsets(store: Store, sample_txt: Path, tmp_path: Path) -> None:
    _doc_with_spans(store, sample_txt)
    out = tmp_path / "raw.jsonl"
    export_jsonl(store, out, ExportOptions(spans="all", offsets="raw"))
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rec["text"] == sample_txt.read_text(encoding="utf-8")
    texts = {sp["label"]: sp["text"] for sp in rec["spans"]}
    assert texts["MONEY"] == "１１３万１３０２円"  # the court's own characters
    assert texts["DATE"] == "令和5年2月17日"
    for sp in rec["spans"]:
        assert rec["text"][sp["start"] : sp["end"]] == sp["text"]

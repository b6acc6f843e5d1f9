"""A span edit reads only the span's own text from the database, never the whole judgment;
what it returns must still be exactly Python's slice of the document text."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from core.errors import HanreiError
from core.services import (
    add_span,
    delete_span,
    list_labels,
    load_document,
    restore_span,
    update_span,
)
from core.store.db import Store
from core.store.models import Document

# Astral characters (two UTF-16 units, four UTF-8 bytes) before and inside the spans.
TEXT = "𠮷野家事件\n原告は𠮷田😀太郎である。\n被告は金１００万円を支払え。"


def _document(store: Store, text: str) -> int:
    list_labels(store)  # creates the default project and its labels
    with store.write() as s:
        doc = Document(project_id=1, title="t", source_kind="txt", sha256="x" * 64,
                       raw_text=text, text=text, offset_map="{}")
        s.add(doc)
        s.flush()
        return doc.id


def test_span_text_is_the_slice_across_astral_characters(store: Store) -> None:
    doc_id = _document(store, TEXT)
    s = TEXT.index("𠮷田")
    sp = add_span(store, doc_id, "PERSON", s, s + 5)
    assert sp.text == TEXT[s : s + 5] == "𠮷田😀太郎"
    ch = update_span(store, sp.id, expected_version=1, start=s + 1, end=s + 6)
    assert ch.before.text == "𠮷田😀太郎" and ch.after.text == TEXT[s + 1 : s + 6]
    end = len(TEXT)
    last = add_span(store, doc_id, "MONEY", end - 1, end)  # right up to the end is inside
    assert last.text == "。"
    gone = delete_span(store, ch.after.id, expected_version=2)
    assert gone.text == TEXT[s + 1 : s + 6]
    assert restore_span(store, gone).text == gone.text
    with pytest.raises(HanreiError, match=rf"outside document {doc_id} \(length {end}\)"):
        add_span(store, doc_id, "MONEY", end - 1, end + 1)
    with pytest.raises(HanreiError, match="outside document"):
        update_span(store, last.id, expected_version=1, end=end + 1)


def test_a_span_edit_does_not_read_the_whole_text(sqlite_store: Store) -> None:
    long_text = "被告は金１００万円を支払え。\n" * 20_000
    doc_id = _document(sqlite_store, long_text)
    seen: list[str] = []

    def record(_conn, _cur, statement: str, *_args: object) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(sqlite_store.engine, "before_cursor_execute", record)
    try:
        sp = add_span(sqlite_store, doc_id, "MONEY", 4, 10)
        update_span(sqlite_store, sp.id, expected_version=1, status="rejected")
    finally:
        event.remove(sqlite_store.engine, "before_cursor_execute", record)
    assert sp.text == "１００万円を"
    cut = "substr(document.text"
    text_reads = [q for q in seen if "document.text" in q.replace(cut, "")]
    assert text_reads == []
    assert any(cut in q for q in seen)


def test_a_nul_character_in_sqlite_text_falls_back_to_the_whole_text(
    sqlite_store: Store, tmp_path: Path
) -> None:
    # SQLite's substr() stops at a NUL; the services must still slice like Python.
    text = "前文\x00原告は金１００万円を請求した。"
    doc_id = _document(sqlite_store, text)
    s = text.index("金")
    sp = add_span(sqlite_store, doc_id, "MONEY", s, s + 6)
    assert sp.text == "金１００万円"
    with pytest.raises(HanreiError, match=rf"length {len(text)}"):
        add_span(sqlite_store, doc_id, "MONEY", s, len(text) + 1)
    assert load_document(sqlite_store, doc_id).text == text

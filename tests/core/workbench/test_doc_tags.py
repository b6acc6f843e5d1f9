"""Document-tag fields and values (core.doc_tags)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from core.doc_tags import (
    TagError,
    add_default_tag_fields,
    add_tag_field,
    delete_tag_field,
    get_doc_tags,
    list_tag_fields,
    reorder_tag_fields,
    set_doc_tag,
    update_tag_field,
)
from core.importer import import_file
from core.store.db import Store
from core.store.models import Event


@pytest.fixture
def doc(store: Store, sample_txt: Path) -> int:
    r = import_file(store, sample_txt, suggest=False)
    assert r.document_id
    return r.document_id


def test_fields_add_update_reorder_delete(store: Store) -> None:
    fields = add_default_tag_fields(store)
    assert [(f.key, f.name) for f in fields] == [("outcome", "結果"), ("case_type", "事件種別")]
    assert fields[0].choices == ("認容", "一部認容", "棄却", "却下")
    assert len(add_default_tag_fields(store)) == 2  # not twice
    update_tag_field(store, "outcome", choices=["認容", " 棄却 ", "認容", ""])
    reorder_tag_fields(store, ["case_type", "outcome"])
    got = list_tag_fields(store)
    assert [f.key for f in got] == ["case_type", "outcome"]
    assert got[1].choices == ("認容", "棄却")
    delete_tag_field(store, "case_type")
    assert [f.key for f in list_tag_fields(store)] == ["outcome"]


def test_field_rules(store: Store) -> None:
    with pytest.raises(TagError):
        add_tag_field(store, "結果", "結果", ["認容"])  # key must be ASCII
    with pytest.raises(TagError):
        add_tag_field(store, "outcome", "結果", [])
    add_tag_field(store, "outcome", "結果", ["認容"])
    with pytest.raises(TagError, match="すでに"):
        add_tag_field(store, "outcome", "結果", ["認容"])
    with pytest.raises(TagError):
        reorder_tag_fields(store, [])


def test_set_doc_tag_validates_and_logs(store: Store, doc: int) -> None:
    add_default_tag_fields(store)
    with pytest.raises(TagError, match="選択肢"):
        set_doc_tag(store, doc, "outcome", "勝訴", "yamada")
    with pytest.raises(TagError):
        set_doc_tag(store, doc, "nosuch", "認容", "yamada")
    ch = set_doc_tag(store, doc, "outcome", "一部認容", "yamada")
    assert (ch.before, ch.after) == (None, "一部認容")
    ch = set_doc_tag(store, doc, "outcome", "棄却", "yamada")
    assert (ch.before, ch.after) == ("一部認容", "棄却")
    set_doc_tag(store, doc, "outcome", "認容", "suzuki")  # each annotator has their own
    assert get_doc_tags(store, doc, "yamada") == {"outcome": "棄却"}
    assert get_doc_tags(store, doc, "suzuki") == {"outcome": "認容"}
    set_doc_tag(store, doc, "outcome", None, "yamada")
    assert get_doc_tags(store, doc, "yamada") == {}
    with store.read() as s:
        events = [e.payload for e in s.scalars(select(Event).where(Event.action == "doc_tag.set")
                                               .order_by(Event.id))]
    assert [(e["before"], e["after"]) for e in events] == [
        (None, "一部認容"), ("一部認容", "棄却"), (None, "認容"), ("棄却", None)]


def test_unattributed_tags(store: Store, doc: int) -> None:
    add_default_tag_fields(store)
    set_doc_tag(store, doc, "case_type", "民事")
    set_doc_tag(store, doc, "case_type", "刑事")  # replaces, no second row
    assert get_doc_tags(store, doc) == {"case_type": "刑事"}

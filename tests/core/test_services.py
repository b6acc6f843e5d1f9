"""Span and document operations: each one committed, versioned, logged, and undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from core.errors import ConflictError, HanreiError, NotFoundError
from core.importer import import_file
from core.services import (
    add_span,
    delete_span,
    list_documents,
    list_labels,
    list_spans,
    restore_span,
    set_document_status,
    set_span_statuses,
    stats,
    suggest,
    update_span,
)
from core.store.db import Store
from core.store.migrate import open_store
from core.store.models import Event


@pytest.fixture
def doc_id(store: Store, sample_txt: Path) -> int:
    r = import_file(store, sample_txt, suggest=False)
    assert r.document_id
    return r.document_id


def test_default_labels_exist(store: Store) -> None:
    labels = list_labels(store)
    keys = [lb.key for lb in labels]
    assert keys[:3] == ["SECTION", "MONEY", "RATE"]
    assert {
        "DATE",
        "CASE_NUMBER",
        "COURT",
        "PARTY",
        "PERSON",
        "ORG",
        "PERIOD",
        "EVIDENCE",
        "LAW",
        "TERM",
    } <= set(keys)
    money = next(lb for lb in labels if lb.key == "MONEY")
    assert money.name == "金額" and money.shortcut == "m" and money.color.startswith("#")
    assert len({lb.shortcut for lb in labels}) == len(labels)


def test_add_update_delete_restore(store: Store, doc_id: int, any_url: str) -> None:
    text = next(iter([d for d in list_documents(store)]))
    assert text.status == "new"
    sp = add_span(store, doc_id, "PERSON", 0, 4, annotator="yamada", note="確認")
    assert sp.text == "令和5年" and sp.annotator == "yamada" and sp.version == 1
    assert list_documents(store)[0].status == "in_progress"
    ch = update_span(
        store,
        sp.id,
        expected_version=1,
        label="DATE",
        value={"date": "2023-02-17"},
        end=9,
        annotator="suzuki",
    )
    assert ch.before.label == "PERSON" and ch.after.label == "DATE"
    assert ch.after.text == "令和5年2月17日" and ch.after.version == 2
    # A reopened store sees the same thing: it was committed.
    other = open_store(any_url)
    try:
        assert list_spans(other, doc_id) == [ch.after]
    finally:
        other.dispose()
    gone = delete_span(store, sp.id, expected_version=2)
    assert list_spans(store, doc_id) == []
    back = restore_span(store, gone)
    assert back.id == sp.id and back.label == "DATE" and back.value == {"date": "2023-02-17"}
    with store.read() as s:
        actions = [e.action for e in s.scalars(select(Event).order_by(Event.id))]
    assert actions[-4:] == ["span.add", "span.update", "span.delete", "span.restore"]


def test_stale_version_is_a_conflict_and_writes_nothing(store: Store, doc_id: int) -> None:
    sp = add_span(store, doc_id, "MONEY", 10, 14)
    update_span(store, sp.id, expected_version=1, note="first")
    with pytest.raises(ConflictError, match="changed by someone else"):
        update_span(store, sp.id, expected_version=1, note="second")
    assert list_spans(store, doc_id)[0].note == "first"
    with pytest.raises(ConflictError):
        delete_span(store, sp.id, expected_version=1)
    assert len(list_spans(store, doc_id)) == 1


def test_bad_requests_are_refused(store: Store, doc_id: int) -> None:
    with pytest.raises(HanreiError, match="outside document"):
        add_span(store, doc_id, "MONEY", 5, 5)
    with pytest.raises(HanreiError, match="outside document"):
        add_span(store, doc_id, "MONEY", 0, 10**6)
    with pytest.raises(NotFoundError, match="label 'NOPE'"):
        add_span(store, doc_id, "NOPE", 0, 3)
    with pytest.raises(NotFoundError):
        update_span(store, 999, expected_version=None, note="x")
    assert list_spans(store, doc_id) == []


def test_accept_all_and_document_status(store: Store, doc_id: int) -> None:
    a = add_span(store, doc_id, "MONEY", 10, 14, status="suggested", source="auto")
    b = add_span(store, doc_id, "MONEY", 20, 24, status="suggested", source="auto")
    changes = set_span_statuses(store, [(a.id, 1), (b.id, 1)], "accepted", annotator="yamada")
    assert [c.after.status for c in changes] == ["accepted", "accepted"]
    assert {s.status for s in list_spans(store, doc_id)} == {"accepted"}
    set_document_status(store, doc_id, "done")
    assert list_documents(store)[0].status == "done"
    with pytest.raises(HanreiError):
        set_document_status(store, doc_id, "finished")


def test_suggest_redo_keeps_what_people_touched(store: Store, doc_id: int) -> None:
    from core.extract import registered

    if not registered():
        pytest.skip("no extractor registered yet")
    first = suggest(store, [doc_id])
    assert first[doc_id] > 0
    spans = list_spans(store, doc_id)
    touched = spans[0]
    update_span(store, touched.id, expected_version=touched.version, status="accepted")
    again = suggest(store, [doc_id])  # without --redo: documents with suggestions are skipped
    assert again[doc_id] == 0
    suggest(store, [doc_id], redo=True)
    after = list_spans(store, doc_id)
    assert any(s.id == touched.id and s.status == "accepted" for s in after)
    keys = [(s.label, s.start, s.end) for s in after]
    assert len(keys) == len(set(keys)), "redo must not duplicate a kept span"
    assert len(after) == len(spans)


def test_stats_counts(store: Store, doc_id: int) -> None:
    add_span(store, doc_id, "MONEY", 10, 14)
    add_span(store, doc_id, "DATE", 0, 9, status="suggested", source="auto")
    st = stats(store)
    assert st.documents == 1
    assert st.spans["MONEY"] == {"accepted": 1}
    assert st.spans["DATE"] == {"suggested": 1}


def test_stats_count_one_layer(store: Store, doc_id: int) -> None:
    add_span(store, doc_id, "MONEY", 10, 14)
    add_span(store, doc_id, "MONEY", 10, 14, layer="@yamada")
    add_span(store, doc_id, "MONEY", 10, 14, layer="curated")
    assert stats(store).spans["MONEY"] == {"accepted": 1}
    assert stats(store, layer="@yamada").spans["MONEY"] == {"accepted": 1}
    assert stats(store, layer=None).spans["MONEY"] == {"accepted": 3}

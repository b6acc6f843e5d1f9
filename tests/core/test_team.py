"""Team mode on both databases: layers, assignments, independent annotation, changes seen
by a poll, agreement checked by hand, curation and the export of the curated layer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.assignments import assign, list_assignments, set_assignment_status, unassign
from core.curation import curate_set, curate_take, diff_layers
from core.dataset.common import ExportOptions
from core.dataset.formats import export
from core.doc_tags import add_default_tag_fields, set_doc_tag
from core.errors import ConflictError, HanreiError, NotFoundError
from core.importer import import_file
from core.services import (
    add_span,
    list_documents,
    list_spans,
    load_document,
    set_document_status,
    suggest,
    update_span,
)
from core.store.db import Store
from core.team import (
    agreement,
    annotation_mode,
    changes_since,
    layers,
    set_annotation_mode,
    working_layer,
)

# Fictional: the order, the money, the date and the rate both annotators look at.
TEXT = (
    "主文\n被告は、原告に対し、金100万円及びこれに対する令和5年4月1日から支払済みまで"
    "年3分の割合による金員を支払え。なお、被告は金20万円を支払済みである。\n"
)


def _doc(store: Store, tmp_path: Path, text: str = TEXT, name: str = "a.txt") -> int:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    r = import_file(store, p, suggest=False)
    assert r.document_id
    return r.document_id


def _at(text: str, needle: str, cut: int = 0) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle) - cut


def _put(store: Store, doc: int, layer: str, who: str, label: str, needle: str,
         cut: int = 0, status: str = "accepted", value: object = None) -> int:
    s, e = _at(TEXT, needle, cut)
    return add_span(store, doc, label, s, e, annotator=who, layer=layer, status=status,
                    value=value).id


# --- layers ------------------------------------------------------------------------------


def test_layers_keep_their_spans_apart(store: Store, tmp_path: Path) -> None:
    doc = _doc(store, tmp_path)
    _put(store, doc, "main", "山田", "MONEY", "100万円")
    _put(store, doc, "@佐藤", "佐藤", "MONEY", "20万円")
    _put(store, doc, "curated", "鈴木", "DATE", "令和5年4月1日")
    assert [sp.text for sp in list_spans(store, doc)] == ["100万円"]
    assert [(sp.text, sp.layer) for sp in list_spans(store, doc, "@佐藤")] == [("20万円", "@佐藤")]
    assert layers(store, doc) == ["main", "curated", "@佐藤"]
    with pytest.raises(HanreiError, match="unknown layer"):
        add_span(store, doc, "MONEY", 0, 1, layer="mine")
    # the document list counts the shared layer only
    (summary,) = list_documents(store)
    assert summary.n_spans == 1


def test_suggest_redo_leaves_other_layers_alone(store: Store, tmp_path: Path) -> None:
    doc = _doc(store, tmp_path)
    mine = _put(store, doc, "@佐藤", "佐藤", "MONEY", "100万円", status="suggested")
    with_auto = add_span(store, doc, "RATE", *_at(TEXT, "年3分"), layer="@佐藤",
                         status="suggested", source="auto")
    suggest(store, [doc], redo=True)
    assert {sp.id for sp in list_spans(store, doc, "@佐藤")} == {mine, with_auto.id}


# --- assignments -----------------------------------------------------------------------------


def test_assignments_and_per_annotator_status(store: Store, tmp_path: Path) -> None:
    d1 = _doc(store, tmp_path)
    d2 = _doc(store, tmp_path, TEXT + "2", "b.txt")
    assign(store, [d1, d2], "山田")
    assign(store, [d1], "佐藤")
    assign(store, [d1], "佐藤")  # twice: no duplicate
    by_doc = {d.id: d.assignments for d in list_documents(store)}
    assert by_doc == {d1: {"山田": "new", "佐藤": "new"}, d2: {"山田": "new"}}
    # a change by the assigned annotator starts their work, not the other's
    _put(store, d1, "main", "山田", "MONEY", "100万円")
    assert {a.annotator: a.status for a in list_assignments(store, d1)} == {
        "山田": "in_progress", "佐藤": "new"}
    # finishing the document finishes the caller's assignment
    set_document_status(store, d1, "done", annotator="佐藤")
    assert {a.annotator: a.status for a in list_assignments(store, d1)} == {
        "山田": "in_progress", "佐藤": "done"}
    set_assignment_status(store, d2, "山田", "done")
    assert list_assignments(store, d2)[0].status == "done"
    assert unassign(store, d2, "山田") and not unassign(store, d2, "山田")
    assert list_assignments(store, d2) == []
    with pytest.raises(NotFoundError):
        assign(store, [999], "山田")
    with pytest.raises(HanreiError):
        set_assignment_status(store, d1, "山田", "finished")


def test_document_status_is_optimistically_locked(store: Store, tmp_path: Path) -> None:
    doc = _doc(store, tmp_path)
    seen = load_document(store, doc).version
    set_document_status(store, doc, "in_progress", annotator="山田", expected_version=seen)
    with pytest.raises(ConflictError, match="changed by someone else"):
        set_document_status(store, doc, "done", annotator="佐藤", expected_version=seen)
    assert load_document(store, doc).status == "in_progress"


# --- independent mode --------------------------------------------------------------------------


def test_independent_layer_starts_from_untouched_suggestions(store: Store, tmp_path: Path) -> None:
    doc = _doc(store, tmp_path)
    for needle, label in (("100万円", "MONEY"), ("年3分", "RATE"), ("20万円", "MONEY")):
        add_span(store, doc, label, *_at(TEXT, needle), status="suggested", source="auto")
    touched = next(sp for sp in list_spans(store, doc) if sp.text == "20万円")
    update_span(store, touched.id, expected_version=touched.version, status="accepted")
    _put(store, doc, "main", "鈴木", "DATE", "令和5年4月1日")  # manual: not a suggestion
    assign(store, [doc], "山田")

    assert annotation_mode(store) == "shared"
    assert working_layer(store, doc, "山田") == "main"
    set_annotation_mode(store, "independent")
    assert working_layer(store, doc, "佐藤") == "main"  # not assigned
    assert working_layer(store, doc, "山田") == "@山田"
    mine = list_spans(store, doc, "@山田")
    assert sorted((sp.text, sp.status, sp.source) for sp in mine) == [
        ("100万円", "suggested", "auto"), ("年3分", "suggested", "auto")]
    # opening again copies nothing more, even after the annotator emptied the layer
    assert working_layer(store, doc, "山田") == "@山田"
    assert len(list_spans(store, doc, "@山田")) == 2
    with pytest.raises(HanreiError):
        set_annotation_mode(store, "solo")


# --- polling ----------------------------------------------------------------------------------


def test_changes_since_names_the_changed_documents(store: Store, tmp_path: Path) -> None:
    d1 = _doc(store, tmp_path)
    d2 = _doc(store, tmp_path, TEXT + "2", "b.txt")
    mark, _ = changes_since(store, 0)
    assert changes_since(store, mark) == (mark, set())
    _put(store, d2, "main", "佐藤", "MONEY", "100万円")
    newest, docs = changes_since(store, mark)
    assert newest > mark and docs == {d2}
    _put(store, d1, "@山田", "山田", "RATE", "年3分")
    assert changes_since(store, mark)[1] == {d1, d2}


def test_changes_since_can_leave_out_ones_own_edits(store: Store, tmp_path: Path) -> None:
    d1 = _doc(store, tmp_path)
    d2 = _doc(store, tmp_path, TEXT + "2", "b.txt")
    mark, _ = changes_since(store, 0)
    _put(store, d1, "main", "山田", "MONEY", "100万円")
    newest, docs = changes_since(store, mark, others_than="山田")
    assert newest > mark and docs == set(), "山田's window already shows 山田's edit"
    assert changes_since(store, mark, others_than="佐藤")[1] == {d1}
    _put(store, d2, "main", "佐藤", "RATE", "年3分")
    assert changes_since(store, mark, others_than="山田")[1] == {d2}
    assert changes_since(store, mark, others_than="誰でもない")[1] == {d1, d2}


# --- agreement --------------------------------------------------------------------------------


def _two_annotators(store: Store, tmp_path: Path) -> int:
    """山田: MONEY 100万円, DATE 令和5年4月1日, RATE 年3分, MONEY 20万円.
    佐藤: MONEY 100万円 (same), DATE 令和5年4月1 (one character short), MONEY 金20万円
    (one longer), PARTY 原告 (山田 has none), and a suggestion nobody decided."""
    doc = _doc(store, tmp_path)
    for label, needle in (("MONEY", "100万円"), ("DATE", "令和5年4月1日"), ("RATE", "年3分"),
                          ("MONEY", "20万円")):
        _put(store, doc, "@山田", "山田", label, needle)
    _put(store, doc, "@佐藤", "佐藤", "MONEY", "100万円")
    _put(store, doc, "@佐藤", "佐藤", "DATE", "令和5年4月1日", cut=1)
    _put(store, doc, "@佐藤", "佐藤", "MONEY", "金20万円")
    _put(store, doc, "@佐藤", "佐藤", "PARTY", "原告")
    _put(store, doc, "@佐藤", "佐藤", "RATE", "年3分", status="suggested")
    return doc


def test_agreement_exact_by_hand(store: Store, tmp_path: Path) -> None:
    _two_annotators(store, tmp_path)
    r = agreement(store, ("山田", "佐藤"), "exact")
    assert len(r.documents) == 1
    got = {k: (p.tp, p.fp, p.fn) for k, p in r.spans.items()}
    assert got == {"MONEY": (1, 1, 1), "DATE": (0, 1, 1), "RATE": (0, 1, 0),
                   "PARTY": (0, 0, 1), "*": (1, 3, 3)}
    assert r.spans["MONEY"].f1 == pytest.approx(0.5)
    assert r.spans["*"].precision == pytest.approx(0.25)
    assert r.spans["*"].f1 == pytest.approx(0.25)


def test_agreement_overlap_by_hand(store: Store, tmp_path: Path) -> None:
    _two_annotators(store, tmp_path)
    r = agreement(store, ("山田", "佐藤"), "overlap")
    got = {k: (p.tp, p.fp, p.fn) for k, p in r.spans.items()}
    assert got == {"MONEY": (2, 0, 0), "DATE": (1, 0, 0), "RATE": (0, 1, 0),
                   "PARTY": (0, 0, 1), "*": (3, 1, 1)}
    assert r.spans["*"].f1 == pytest.approx(0.75)
    assert r.spans["MONEY"].f1 == pytest.approx(1.0)


def test_kappa_of_document_tags_by_hand(store: Store, tmp_path: Path) -> None:
    """山田: 認容 棄却 認容 認容; 佐藤: 認容 棄却 棄却 認容 (and a 5th only 山田 tagged).
    Observed 3/4; expected (3·2 + 1·2)/16 = 1/2; kappa = (3/4 − 1/2)/(1 − 1/2) = 0.5."""
    add_default_tag_fields(store)
    docs = [_doc(store, tmp_path, TEXT + str(i), f"{i}.txt") for i in range(5)]
    a = ["認容", "棄却", "認容", "認容", "却下"]
    b = ["認容", "棄却", "棄却", "認容", None]
    for doc, va, vb in zip(docs, a, b, strict=True):
        set_doc_tag(store, doc, "outcome", va, annotator="山田")
        set_doc_tag(store, doc, "outcome", vb, annotator="佐藤")
    set_doc_tag(store, docs[0], "case_type", "民事", annotator="山田")
    set_doc_tag(store, docs[0], "case_type", "民事", annotator="佐藤")
    r = agreement(store, ("山田", "佐藤"))
    assert r.kappa["outcome"] == pytest.approx(0.5)
    assert r.tag_items == {"outcome": 4, "case_type": 1}
    assert r.kappa["case_type"] == 1.0
    assert r.documents == []  # nobody annotated spans in their own layer


def test_agreement_refuses_nonsense(store: Store, tmp_path: Path) -> None:
    _two_annotators(store, tmp_path)
    with pytest.raises(HanreiError):
        agreement(store, ("山田", "山田"))
    with pytest.raises(HanreiError):
        agreement(store, ("山田", "佐藤"), "fuzzy")  # type: ignore[arg-type]
    with pytest.raises(NotFoundError, match="田中"):
        agreement(store, ("山田", "田中"))


# --- curation ---------------------------------------------------------------------------------


def test_diff_marks_where_layers_differ(store: Store, tmp_path: Path) -> None:
    doc = _two_annotators(store, tmp_path)
    _put(store, doc, "@佐藤", "佐藤", "RATE", "年3分", value=0.03)
    _put(store, doc, "@山田", "山田", "PARTY", "原告", value="原告")
    rows = diff_layers(store, doc, ["@山田", "@佐藤"])
    kinds = {(r.label, r.text): r.kind for r in rows}
    assert kinds[("MONEY", "100万円")] == "agree"
    assert kinds[("DATE", "令和5年4月1日")] == "missing"
    assert kinds[("DATE", "令和5年4月1")] == "missing"
    assert kinds[("RATE", "年3分")] == "value"  # 山田 gave no value, 佐藤 0.03
    assert kinds[("PARTY", "原告")] == "value"  # 佐藤 no value, 山田 "原告"
    assert [r.start for r in rows] == sorted(r.start for r in rows)
    assert rows[0].cells.keys() == {"@山田", "@佐藤"}


def test_take_into_curated_then_export_it(store: Store, tmp_path: Path) -> None:
    doc = _two_annotators(store, tmp_path)
    # take all of 山田, then 佐藤's longer MONEY replaces 山田's 20万円
    taken = curate_take(store, doc, layer="@山田", annotator="鈴木")
    assert len(taken) == 4 and all(sp.layer == "curated" for sp in taken)
    sato = next(sp for sp in list_spans(store, doc, "@佐藤") if sp.text == "金20万円")
    curate_take(store, doc, span_ids=[sato.id], annotator="鈴木")
    curated = list_spans(store, doc, "curated")
    assert sorted(sp.text for sp in curated) == ["100万円", "令和5年4月1日", "年3分", "金20万円"]
    assert {sp.annotator for sp in curated} == {"鈴木"}
    # taking the same again adds nothing
    assert len(curate_take(store, doc, span_ids=[sato.id], annotator="鈴木")) == 1
    assert len(list_spans(store, doc, "curated")) == 4
    # the curator's own version (編集) replaces the date
    s, e = _at(TEXT, "令和5年4月1日")
    curate_set(store, doc, "DATE", s, e, value="2023-04-01", annotator="鈴木")
    dates = [sp for sp in list_spans(store, doc, "curated") if sp.label == "DATE"]
    assert [(sp.text, sp.value) for sp in dates] == [("令和5年4月1日", "2023-04-01")]
    # the sources are untouched
    assert len(list_spans(store, doc, "@山田")) == 4

    out = tmp_path / "curated.jsonl"
    export(store, "jsonl", out, ExportOptions(layer="curated"))
    (rec,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(sp["text"] for sp in rec["spans"]) == sorted(sp.text for sp in
                                                               list_spans(store, doc, "curated"))
    main_out = tmp_path / "main.jsonl"
    export(store, "jsonl", main_out, ExportOptions())
    assert json.loads(main_out.read_text(encoding="utf-8"))["spans"] == []
    with pytest.raises(HanreiError):
        curate_take(store, doc)
    with pytest.raises(NotFoundError):
        curate_take(store, doc, span_ids=[99999])


def test_kind_among_leaves_curated_out(store: Store, tmp_path: Path) -> None:
    doc = _two_annotators(store, tmp_path)
    curate_take(store, doc, layer="@山田", annotator="鈴木")
    rows = diff_layers(store, doc, ["@山田", "@佐藤", "curated"])
    money = next(r for r in rows if r.text == "100万円")
    rate = next(r for r in rows if r.text == "年3分")
    assert money.kind == "agree" and money.kind_among(["@山田", "@佐藤"]) == "agree"
    assert rate.kind == "missing" and rate.kind_among(["@山田", "curated"]) == "agree"
    from core.team import layer_annotators

    assert layer_annotators(store) == sorted(["山田", "佐藤"])

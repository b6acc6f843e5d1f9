"""Corpus search, document filters and statistics on small fictional judgments."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from core import services
from core.doc_filter import DocumentFilter, case_type_of, courts, filter_documents
from core.doc_tags import add_default_tag_fields, set_doc_tag
from core.importer import import_file
from core.search import SearchError, search_corpus
from core.statistics import (
    activity_by_day,
    document_progress,
    spans_per_label,
    suggestion_outcomes,
    write_csv,
)
from core.store.db import Store

CIVIL = "令和5年(ワ)第10号　貸金返還請求事件\n主文\n被告は原告に金50万円を支払え。\n金50万円の件。\n"
CRIMINAL = "令和4年(わ)第7号　窃盗被告事件\n主文\n被告人を懲役1年に処する。\n"
ADMIN = "令和3年(行ウ)第2号　処分取消請求事件\n主文\n原告の請求を棄却する。\n"


def _record(tmp: Path, name: str, text: str, court: str, date: dict[str, object]) -> Path:
    p = tmp / f"{name}.json"
    p.write_text(json.dumps({"contents": text, "case_number": text.split("　")[0],
                             "court_name": court, "date": date}, ensure_ascii=False),
                 encoding="utf-8")
    return p


@pytest.fixture
def docs(store: Store, tmp_path: Path) -> list[int]:
    paths = [
        _record(tmp_path, "civil", CIVIL, "架空地方裁判所", {"era": "令和", "year": 5, "month": 6,
                                                        "day": 1}),
        _record(tmp_path, "crim", CRIMINAL, "空想地方裁判所", {"era": "令和", "year": 4,
                                                        "month": 2, "day": 3}),
        _record(tmp_path, "admin", ADMIN, "架空高等裁判所", {"era": "令和", "year": 3,
                                                       "month": 9, "day": 9}),
    ]
    ids = []
    for p in paths:
        r = import_file(store, p, suggest=False)
        assert r.document_id, r
        ids.append(r.document_id)
    return ids


def test_search_plain_and_regex(store: Store, docs: list[int]) -> None:
    res = search_corpus(store, "金50万円")
    assert [(h.document_id, h.match) for h in res.hits] == [(docs[0], "金50万円")] * 2
    text = services.load_document(store, docs[0]).text
    h = res.hits[0]
    assert text[h.start:h.end] == "金50万円"
    assert h.before.endswith("原告に") and "⏎" in h.after and res.documents == 1
    res = search_corpus(store, r"\((?:わ|行ウ)\)", regex=True)
    assert [h.document_id for h in res.hits] == docs[1:]
    assert search_corpus(store, "(わ)").hits[0].document_id == docs[1]  # plain: no regex


def test_search_context_is_30_chars(store: Store, docs: list[int]) -> None:
    h = search_corpus(store, "支払え").hits[0]
    text = services.load_document(store, docs[0]).text
    assert len(h.before) == min(30, h.start)
    assert h.after == text[h.end:h.end + 30].replace("\n", "⏎")


def test_search_cap_and_errors(store: Store, docs: list[int]) -> None:
    res = search_corpus(store, "主", max_hits=2)
    assert len(res.hits) == 2 and res.truncated
    assert not search_corpus(store, "主").truncated
    with pytest.raises(SearchError, match="正規表現"):
        search_corpus(store, "(金", regex=True)
    with pytest.raises(SearchError):
        search_corpus(store, "")
    assert search_corpus(store, "x*", regex=True).hits == []  # empty matches skipped


@pytest.mark.parametrize(("number", "kind"), [
    ("令和5年(ワ)第10号", "民事"), ("令和4年(わ)第7号", "刑事"), ("令和3年(行ウ)第2号", "行政"),
    ("令和2年（ネ）第1号", "民事"), ("令和元年(あ)第3号", "刑事"), ("番号なし", "")])
def test_case_type_of(number: str, kind: str) -> None:
    assert case_type_of(number) == kind


def test_filters(store: Store, docs: list[int]) -> None:
    civil, crim, admin = docs
    ids = lambda f: [d.id for d in filter_documents(store, f)]  # noqa: E731
    assert ids(DocumentFilter()) == docs
    assert ids(DocumentFilter(case_type="刑事")) == [crim]
    assert ids(DocumentFilter(court="架空")) == [civil, admin]
    assert ids(DocumentFilter(date_from=dt.date(2022, 1, 1), date_to=dt.date(2022, 12, 31))) \
        == [crim]
    assert ids(DocumentFilter(date_from=dt.date(2022, 3, 1))) == [civil]
    services.set_document_status(store, admin, "done")
    assert ids(DocumentFilter(statuses=frozenset({"done"}))) == [admin]
    sp = services.add_span(store, civil, "MONEY", 0, 3)
    services.add_span(store, crim, "MONEY", 0, 3, status="rejected", source="auto")
    assert ids(DocumentFilter(labels=frozenset({"MONEY"}))) == [civil]
    assert ids(DocumentFilter(labels=frozenset({"MONEY"}), include_rejected=True)) == [civil, crim]
    assert ids(DocumentFilter(labels=frozenset({"MONEY", "DATE"}))) == []
    services.delete_span(store, sp.id, expected_version=sp.version)
    add_default_tag_fields(store)
    set_doc_tag(store, civil, "case_type", "行政", "yamada")  # the tag wins over the number
    assert ids(DocumentFilter(case_type="行政")) == [civil, admin]
    assert courts(store) == ["架空地方裁判所", "架空高等裁判所", "空想地方裁判所"]


def test_statistics(store: Store, docs: list[int], tmp_path: Path) -> None:
    civil, crim, _ = docs
    mk = lambda d, a, b: services.add_span(  # noqa: E731
        store, d, "MONEY", a, b, status="suggested", source="auto")
    s1, s2, s3, s4 = mk(civil, 0, 2), mk(civil, 3, 5), mk(civil, 6, 8), mk(crim, 0, 2)
    services.update_span(store, s1.id, expected_version=s1.version, status="accepted",
                         annotator="yamada")  # accepted as suggested
    ch = services.update_span(store, s2.id, expected_version=s2.version, end=6,
                              annotator="suzuki")  # edited, then accepted
    services.update_span(store, s2.id, expected_version=ch.after.version, status="accepted",
                         annotator="suzuki")
    services.update_span(store, s3.id, expected_version=s3.version, status="rejected",
                         annotator="yamada")
    services.add_span(store, civil, "DATE", 9, 10, annotator="yamada")  # manual
    out = {o.key: o for o in suggestion_outcomes(store)}
    money = out["MONEY"]
    assert (money.accepted, money.edited, money.rejected, money.pending) == (1, 1, 1, 1)
    assert money.share(money.edited) == pytest.approx(1 / 3) and "DATE" not in out
    per = {c.key: c for c in spans_per_label(store)}
    assert (per["MONEY"].accepted, per["MONEY"].suggested, per["MONEY"].rejected) == (2, 1, 1)
    assert per["DATE"].accepted == 1 and per["LAW"].accepted == 0
    prog = {p.id: p for p in document_progress(store)}
    assert prog[civil].accepted == 3 and prog[civil].progress == pytest.approx(1.0)
    assert prog[crim].progress == 0.0
    assert s4.status == "suggested"
    act = {(a.annotator, a.actions) for a in activity_by_day(store)}
    assert act == {("yamada", 3), ("suzuki", 2)}
    today = dt.datetime.now(dt.UTC).date()
    assert {a.day for a in activity_by_day(store)} == {today}
    assert activity_by_day(store, since=today + dt.timedelta(days=1)) == []
    path = tmp_path / "s.csv"
    write_csv(path, ["ラベル", "件数"], [["金額", 2]])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert path.read_text(encoding="utf-8-sig").splitlines() == ["ラベル,件数", "金額,2"]

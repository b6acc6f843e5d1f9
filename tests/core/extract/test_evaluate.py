"""The gold-set evaluator on fictional mini-examples: exact, overlap, wrong value, missing,
spurious, re-anchoring after the text shifts, and the gold file format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.extract.base import Suggestion
from core.extract.evaluate import (
    GoldDoc,
    GoldSpan,
    anchor,
    document_text,
    parse_gold_line,
    score_document,
    score_spans,
    summed,
    text_sha256,
    value_key,
)
from core.importer import import_paths
from core.store.db import Store
from core.store.models import Document
from core.text.pipeline import normalize

TEXT = "被告は,原告に対し,12万3000円及び平成30年4月1日から年5分の割合による金員を支払え。"


def _at(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def _gold(label: str, needle: str, value: object, text: str = TEXT) -> GoldSpan:
    a, b = _at(text, needle)
    return GoldSpan(label, a, b, needle, value)


def _pred(label: str, needle: str, value: object, text: str = TEXT) -> Suggestion:
    a, b = _at(text, needle)
    return Suggestion(label, a, b, value)


MONEY = _gold("MONEY", "12万3000円", {"yen": 123000})
DATE = _gold("DATE", "平成30年4月1日", {"date": "2018-04-01"})


def test_exact_match_counts_by_value_and_by_offsets() -> None:
    got = score_spans([MONEY], [_pred("MONEY", "12万3000円", {"yen": 123000})], ["MONEY"])
    c = got.by_label["MONEY"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)
    assert (c.exact_tp, c.exact_fp, c.exact_fn) == (1, 0, 0)
    assert c.precision == c.recall == c.f1 == 1.0


def test_overlap_with_the_same_value_is_a_value_match_but_not_an_exact_one() -> None:
    pred = _pred("MONEY", "3000円", {"yen": 123000})  # wrong boundary, right value
    c = score_spans([MONEY], [pred], ["MONEY"]).by_label["MONEY"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)
    assert (c.exact_tp, c.exact_fp, c.exact_fn) == (0, 1, 1)


def test_wrong_value_is_one_false_positive_and_one_false_negative() -> None:
    pred = _pred("DATE", "平成30年4月1日", {"date": "2018-01-04"})
    got = score_spans([DATE], [pred], ["DATE"])
    c = got.by_label["DATE"]
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    assert c.exact_tp == 1  # the offsets were right
    assert sorted(e.kind for e in got.errors) == ["FN", "FP"]


def test_missing_span_is_a_false_negative() -> None:
    c = score_spans([MONEY, DATE], [], ["MONEY", "DATE"]).by_label
    assert (c["MONEY"].fn, c["DATE"].fn) == (1, 1)
    assert c["MONEY"].recall == 0.0
    assert c["MONEY"].precision == 1.0  # nothing predicted, nothing wrong


def test_spurious_span_is_a_false_positive() -> None:
    extra = _pred("MONEY", "年5分", {"yen": 5})
    c = score_spans([MONEY], [_pred("MONEY", "12万3000円", {"yen": 123000}), extra], ["MONEY"])
    m = c.by_label["MONEY"]
    assert (m.tp, m.fp, m.fn) == (1, 1, 0)
    assert m.precision == 0.5


def test_same_value_without_overlap_does_not_match() -> None:
    far = _pred("DATE", "4月1日", {"date": "2018-04-01"})
    near = GoldSpan("DATE", 0, 2, "被告", {"date": "2018-04-01"})
    c = score_spans([near], [far], ["DATE"]).by_label["DATE"]
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)


def test_a_gold_span_is_matched_once() -> None:
    p1 = _pred("MONEY", "12万", {"yen": 123000})
    p2 = _pred("MONEY", "3000円", {"yen": 123000})
    c = score_spans([MONEY], [p1, p2], ["MONEY"]).by_label["MONEY"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)


def test_labels_outside_the_complete_list_and_spans_outside_the_range_are_ignored() -> None:
    preds = [_pred("COURT", "被告", {"court": "X"}), _pred("DATE", "平成30年4月1日", {"date": "x"})]
    got = score_spans([MONEY], preds, ["MONEY"], rng=(0, 30))
    assert set(got.by_label) == {"MONEY"}
    date_beyond = score_spans([], preds, ["DATE"], rng=(0, 10)).by_label["DATE"]
    assert date_beyond.fp == 0


def test_value_keys() -> None:
    assert value_key("SECTION", {"number": "（１）", "level": 3, "title": "x"}) == ("(1)", 3)
    assert value_key("RATE", {"rate": 0.333333333}) == value_key("RATE", {"rate": 0.33333})
    assert value_key("LAW", {"law": "民法", "article": "709条"}) == ("民法", "709条")
    assert value_key("LAW", {"law": "民法"}) == ("民法", None)
    assert value_key("PERIOD", {"duration": "P3Y", "kind": "懲役"}) == "P3Y"
    assert value_key("OTHER", {"b": 1, "a": 2}) == value_key("OTHER", {"a": 2, "b": 1})


def test_section_exact_match_compares_the_start_only() -> None:
    text = "第1  請求\n本文"
    gold = GoldSpan("SECTION", 0, 2, "第1", {"number": "第1", "level": 1})
    pred = Suggestion("SECTION", 0, 6, {"number": "第1", "level": 1, "title": "請求"})
    c = score_spans([gold], [pred], ["SECTION"]).by_label["SECTION"]
    assert (c.tp, c.exact_tp) == (1, 1)
    assert text[gold.start : gold.end] == "第1"


def _doc(text: str, spans: tuple[GoldSpan, ...], rng: tuple[int, int] | None = None) -> GoldDoc:
    return GoldDoc("1", text_sha256(text), spans, frozenset({"MONEY", "DATE"}), rng)


def test_unchanged_text_is_not_re_anchored() -> None:
    doc = _doc(TEXT, (MONEY, DATE))
    placed = anchor(doc, TEXT)
    assert placed.spans == (MONEY, DATE) and not placed.lost and placed.moved == 0


def test_shifted_text_is_re_anchored_by_span_text() -> None:
    doc = _doc(TEXT, (MONEY, DATE), rng=(0, len(TEXT)))
    shifted = "【前置き】\n" + TEXT.replace("原告に対し,", "原告に対し,\n")
    placed = anchor(doc, shifted)
    assert not placed.lost and placed.moved == 2
    for g in placed.spans:
        assert shifted[g.start : g.end] == g.text
    assert placed.range is not None and placed.range[1] > len(TEXT)
    pred = [_pred("MONEY", "12万3000円", {"yen": 123000}, shifted)]
    score = score_document(doc, shifted, pred)
    assert score.by_label["MONEY"].tp == 1 and score.by_label["DATE"].fn == 1


def test_a_span_that_moved_too_far_or_vanished_is_lost_not_guessed() -> None:
    doc = _doc(TEXT, (MONEY, DATE))
    far = "あ" * 500 + TEXT.replace("平成30年4月1日", "同日")
    placed = anchor(doc, far)
    assert len(placed.lost) == 2 and not placed.spans
    score = score_document(doc, far, [])
    assert score.lost == 2 and score.by_label["MONEY"].fn == 0


def test_nearest_occurrence_wins() -> None:
    text = "ー5万円と5万円"  # occurrences at 1 and 5; the gold span was recorded at 6
    gold = GoldSpan("MONEY", 6, 9, "5万円", {"yen": 50000})
    doc = GoldDoc("1", "annotated on another text", (gold,), frozenset({"MONEY"}))
    placed = anchor(doc, text)
    assert [g.start for g in placed.spans] == [5] and placed.moved == 1


def test_parse_gold_line_and_summing() -> None:
    line = json.dumps(
        {
            "lawsuit_id": "7",
            "text_sha256": text_sha256(TEXT),
            "spans": [
                dict(
                    label="MONEY",
                    start=MONEY.start,
                    end=MONEY.end,
                    text=MONEY.text,
                    value=MONEY.value,
                )
            ],
            "labels_complete": ["MONEY"],
            "range": [0, 20],
        },
        ensure_ascii=False,
    )
    doc = parse_gold_line(line)
    assert doc.spans == (MONEY,) and doc.range == (0, 20)
    a = score_document(doc, TEXT, [_pred("MONEY", "12万3000円", {"yen": 123000})])
    b = score_document(doc, TEXT, [])
    total = summed([a, b])["MONEY"]
    assert (total.tp, total.fn, total.gold) == (1, 1, 2)
    assert total.recall == pytest.approx(0.5)


_JUDGMENT = [
    "主文",
    "1  被告は,原告に対し,12万3000円を支払え。",
    "東京地方裁判所民事第9部",
    "裁判官  丙川一郎",
]
_PAGE = [
    "みなと法律事務所",
    "",
    "ホーム",
    "戻る",
    "",
    *_JUDGMENT,
    "",
    "戻る",
    "採用情報",
    "Copyright 事務所",
]


def _record(**name: str) -> str:
    return json.dumps({**name, "text_sha256": "0" * 64, "spans": [], "labels_complete": ["MONEY"]})


def test_a_record_names_its_text_by_lawsuit_id_or_by_source() -> None:
    web = parse_gold_line(_record(source="web/page.txt"))
    dev = parse_gold_line(_record(lawsuit_id="7"))
    assert (web.source, web.lawsuit_id, web.name) == ("web/page.txt", "", "web/page.txt")
    assert (dev.source, dev.name) == ("", "7")
    for bad in (_record(), _record(lawsuit_id="7", source="web/page.txt")):
        with pytest.raises(ValueError):
            parse_gold_line(bad)


def test_a_source_file_is_read_as_the_import_stores_it(tmp_path: Path, store: Store) -> None:
    """A web page loses its site text (the importer's trimming), a dev record is its contents."""
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "page.txt").write_text("\n".join(_PAGE), encoding="utf-8")
    (tmp_path / "dev").mkdir()
    contents = "\n".join(_PAGE)
    (tmp_path / "dev" / "7.json").write_text(json.dumps({"contents": contents}), encoding="utf-8")
    web = document_text(tmp_path, parse_gold_line(_record(source="web/page.txt")))
    assert web == "\n".join(_JUDGMENT)
    (result,) = import_paths(store, [tmp_path / "web" / "page.txt"], suggest=False)
    with store.read() as session:
        doc = session.get(Document, result.document_id)
        assert doc is not None and doc.text == web
    dev = document_text(tmp_path, parse_gold_line(_record(lawsuit_id="7")))
    assert dev == normalize(contents).text

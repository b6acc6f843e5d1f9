"""PERIOD: sentences, suspensions, custody credited and general durations."""

from __future__ import annotations

from typing import Any

import pytest

from core.extract.periods import extract_periods, iso_duration


def periods(text: str) -> list[tuple[str, dict[str, Any]]]:
    return [(text[s.start : s.end], s.value) for s in extract_periods(text)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("被告人を懲役3年に処する。", "懲役3年", {"duration": "P3Y", "kind": "懲役"}),
        ("被告人を懲役1年6月に処する。", "懲役1年6月", {"duration": "P1Y6M", "kind": "懲役"}),
        ("被告人を懲役三年に処する。", "懲役三年", {"duration": "P3Y", "kind": "懲役"}),
        ("被告人を懲役10月に処する。", "懲役10月", {"duration": "P10M", "kind": "懲役"}),
        ("被告人を拘禁刑2年に処する。", "拘禁刑2年", {"duration": "P2Y", "kind": "拘禁刑"}),
        ("被告人を禁錮1年6か月に処する。", "禁錮1年6か月", {"duration": "P1Y6M", "kind": "禁錮"}),
        ("被告人を拘留29日に処する。", "拘留29日", {"duration": "P29D", "kind": "拘留"}),
        (
            "未決勾留日数中120日をその刑に算入する。",
            "未決勾留日数中120日",
            {"duration": "P120D", "kind": "未決勾留"},
        ),
        ("懲役2年6月,執行猶予5年の判決", "執行猶予5年", {"duration": "P5Y", "kind": "執行猶予"}),
    ],
)
def test_sentences(text: str, span: str, value: dict[str, Any]) -> None:
    assert (span, value) in periods(text)


def test_suspension_sentence() -> None:
    text = "この裁判確定の日から5年間その刑の執行を猶予する。"
    assert periods(text) == [("5年間", {"duration": "P5Y", "kind": "執行猶予"})]


def test_suspension_written_after_the_sentence() -> None:
    got = periods("懲役1年6月,3年間執行猶予の判決")
    assert got == [
        ("懲役1年6月", {"duration": "P1Y6M", "kind": "懲役"}),
        ("3年間", {"duration": "P3Y", "kind": "執行猶予"}),
    ]


def test_sentence_followed_by_its_suspension_is_not_a_suspension() -> None:
    got = periods("禁錮2年6月執行猶予3年")
    assert got == [
        ("禁錮2年6月", {"duration": "P2Y6M", "kind": "禁錮"}),
        ("執行猶予3年", {"duration": "P3Y", "kind": "執行猶予"}),
    ]


@pytest.mark.parametrize(
    ("text", "span", "duration"),
    [
        ("4年間勤務した。", "4年間", "P4Y"),
        ("3か月経過した。", "3か月", "P3M"),
        ("3ヶ月間入院した。", "3ヶ月間", "P3M"),
        ("1年6か月近く経過した。", "1年6か月", "P1Y6M"),
        ("30日間の休業", "30日間", "P30D"),
        ("2週間入院した。", "2週間", "P2W"),
        ("月70時間を保障する。", "70時間", "PT70H"),
        ("最低保障時間は2時間40分である。", "2時間40分", "PT2H40M"),
        ("15分間の休憩", "15分間", "PT15M"),
        ("三〇日間にわたり取材した。", "三〇日間", "P30D"),
    ],
)
def test_general_durations(text: str, span: str, duration: str) -> None:
    assert periods(text) == [(span, {"duration": duration, "kind": "期間"})]


def test_approx() -> None:
    assert periods("約3か月間を要する。") == [
        ("約3か月間", {"duration": "P3M", "kind": "期間", "approx": True})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "罰金50万円に処する。",
        "平成3年に開業した。",  # a year, not a duration
        "6月に退職した。",  # a month name outside a sentence
        "数年間続いた。",
        "月67.08時間となった。",  # no span inside a decimal
        "同年間",
    ],
)
def test_not_periods(text: str) -> None:
    assert periods(text) == []


def test_iso_duration() -> None:
    assert iso_duration(years=1, months=6) == "P1Y6M"
    assert iso_duration(days=120) == "P120D"
    assert iso_duration(weeks=2) == "P2W"
    assert iso_duration(weeks=1, days=1) == "P8D"
    assert iso_duration(hours=2, minutes=40) == "PT2H40M"
    assert iso_duration() == "P0D"

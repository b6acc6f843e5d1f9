"""COURT: named courts, branches and divisions."""

from __future__ import annotations

import pytest

from core.extract.courts import extract_courts


def values(text: str) -> list[tuple[str, dict[str, str]]]:
    return [(text[s.start : s.end], s.value) for s in extract_courts(text)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "大阪地方裁判所堺支部第2民事部",
            "大阪地方裁判所堺支部第2民事部",
            {
                "court": "大阪地方裁判所堺支部",
                "base": "大阪地方裁判所",
                "branch": "堺支部",
                "division": "第2民事部",
            },
        ),
        (
            "福岡高等裁判所那覇支部",
            "福岡高等裁判所那覇支部",
            {"court": "福岡高等裁判所那覇支部", "base": "福岡高等裁判所", "branch": "那覇支部"},
        ),
        (
            "知的財産高等裁判所第3部",
            "知的財産高等裁判所第3部",
            {"court": "知的財産高等裁判所", "base": "知的財産高等裁判所", "division": "第3部"},
        ),
        (
            "最高裁判所第1小法廷",
            "最高裁判所第1小法廷",
            {"court": "最高裁判所第一小法廷", "base": "最高裁判所", "branch": "第一小法廷"},
        ),
        (
            "東京地方裁判所民事第４部",
            "東京地方裁判所民事第４部",
            {"court": "東京地方裁判所", "base": "東京地方裁判所", "division": "民事第4部"},
        ),
        (
            "大阪高等裁判所第３刑事部",
            "大阪高等裁判所第３刑事部",
            {"court": "大阪高等裁判所", "base": "大阪高等裁判所", "division": "第3刑事部"},
        ),
        ("横浜家庭裁判所", "横浜家庭裁判所", {"court": "横浜家庭裁判所", "base": "横浜家庭裁判所"}),
        (
            "原告は丙川簡易裁判所に",
            "丙川簡易裁判所",
            {"court": "丙川簡易裁判所", "base": "丙川簡易裁判所"},
        ),
        ("東京地裁の判決", "東京地裁", {"court": "東京地方裁判所", "base": "東京地方裁判所"}),
        ("最高裁判決", "最高裁", {"court": "最高裁判所", "base": "最高裁判所"}),
    ],
)
def test_named_courts(text: str, span: str, value: dict[str, str]) -> None:
    assert values(text) == [(span, value)]


def test_unnamed_references_are_not_courts() -> None:
    assert values("当裁判所は,原裁判所及び同裁判所の判断を是認する。") == []


@pytest.mark.parametrize(
    ("text", "span", "bench"),
    [
        ("上告事件\n令和5年6月1日  第三小法廷判決\n主文", "第三小法廷", "第三小法廷"),
        ("(同第1小法廷平成20年1月1日判決)", "第1小法廷", "第一小法廷"),
        ("同年4月5日大法廷判決・民集1巻", "大法廷", "大法廷"),
    ],
)
def test_supreme_court_bench_written_alone(text: str, span: str, bench: str) -> None:
    assert values(text) == [
        (span, {"court": "最高裁判所" + bench, "base": "最高裁判所", "branch": bench})
    ]


def test_short_form_in_a_citation_and_its_bench() -> None:
    got = values("(最高裁平成10年(オ)第1号同11年2月3日第二小法廷判決)")
    assert got == [
        ("最高裁", {"court": "最高裁判所", "base": "最高裁判所"}),
        (
            "第二小法廷",
            {"court": "最高裁判所第二小法廷", "base": "最高裁判所", "branch": "第二小法廷"},
        ),
    ]
    # a bench right after the court's name stays one span
    assert [t for t, _v in values("最高裁判所第一小法廷は")] == ["最高裁判所第一小法廷"]

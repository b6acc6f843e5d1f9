from __future__ import annotations

import pytest

from core.text.despace import despace


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("主 文", "主文"),
        ("主　　　　文", "主文"),
        ("事 実 及 び 理 由", "事実及び理由"),
        ("判　　　　決", "判決"),
        ("山    本    紀    夫", "山本紀夫"),
        ("裁判長裁判官　山　下　郁　夫", "裁判長裁判官　山下郁夫"),
        ("裁  判  官      川  之  内    紀    行", "裁判官      川之内紀行"),
        ("被控訴 人  大 林 工 業 株 式 会 社", "被控訴人  大林工業株式会社"),
        ("原 告            A", "原告            A"),
        ("同訴訟代理人弁護士  古田啓 昌", "同訴訟代理人弁護士  古田啓昌"),
        (
            "( 裁 判 長 裁 判 官   山 田 太 郎   裁 判 官   川 村 次 郎",
            "( 裁判長裁判官   山田太郎   裁判官   川村次郎",
        ),
    ],
)
def test_spaced_headings_and_names_are_joined(line: str, expected: str) -> None:
    res = despace(line)
    assert res.text == expected
    assert res.counts["headings_despaced"] >= 1


@pytest.mark.parametrize(
    "line",
    [
        "第1  請求",
        "原告　甲野太郎",
        "ア  発生日時        令和4年10月3日",
        "1  被告は，原告に対し，金100万円を支払え。",
        "(求刑  懲役2年)",
        "ウ  と",
        "同運転者        A(昭和50年5月3日生)",
    ],
)
def test_ordinary_spaces_stay(line: str) -> None:
    res = despace(line)
    assert res.text == line and not res.counts


def test_a_justified_line_glued_to_its_neighbours_loses_all_its_spaces() -> None:
    line = "重視すべきこと，本 件 が 社 会 に 与 え た 衝 撃 の 大 き さ で あって，考慮する。"
    assert (
        despace(line).text == "重視すべきこと，本件が社会に与えた衝撃の大きさであって，考慮する。"
    )


def test_the_space_after_a_heading_marker_stays() -> None:
    assert despace("ウ  と こ ろ").text == "ウ  ところ"
    assert despace("一　主 文").text == "一　主文"


def test_lines_are_handled_one_by_one_and_the_map_deletes_only_spaces() -> None:
    text = "主 文\n第1  請求\n理　　由"
    res = despace(text)
    assert res.text == "主文\n第1  請求\n理由"
    for i, ch in enumerate(res.text):
        s, e = res.offsets.source(i)
        assert text[s:e] == ch


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("見出し\n4　年7月1日価格　1490万円\n", "見出し\n4年7月1日価格　1490万円\n"),
        ("5 年1月1日価格", "5年1月1日価格"),
        ("七　割評価通達は,時価に近い。", "七割評価通達は,時価に近い。"),
        ("十二　月3日に到達した。", "十二月3日に到達した。"),
        ("3　万5000円を支払った。", "3万5000円を支払った。"),
    ],
)
def test_a_numeral_split_from_its_unit_is_joined(text: str, expected: str) -> None:
    res = despace(text)
    assert res.text == expected
    assert res.counts["units_joined"] == 1
    # the offset map records the deletion: every character maps back to its source
    assert all(text[res.offsets.source(i)[0]] == ch for i, ch in enumerate(res.text))


@pytest.mark.parametrize(
    "line",
    [
        "1　被告は,原告に対し,金100万円を支払え。",
        "一　年金制度について",
        "2　月額賃料の相当性",
        "三　割合的認定の可否",
        "3　万一の場合について",
        "2　日本法の適用",
        "4　年",
        "価格は　4　年7月に下がった。",
    ],
)
def test_a_marker_before_a_unit_letter_keeps_its_space(line: str) -> None:
    res = despace(line)
    assert res.text == line and "units_joined" not in res.counts

"""MONEY and RATE on fictional sentences written in the style of judgments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.extract.base import Suggestion
from core.extract.money import extract_money

CORPUS = (Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus").resolve()


def money(text: str) -> list[tuple[str, Any]]:
    return [(text[s.start : s.end], s.value) for s in extract_money(text) if s.label == "MONEY"]


def rates(text: str) -> list[tuple[str, Any]]:
    return [(text[s.start : s.end], s.value) for s in extract_money(text) if s.label == "RATE"]


@pytest.mark.parametrize(
    ("text", "span", "yen"),
    [
        ("被告は，原告に対し，6000円を支払え。", "6000円", 6000),
        ("損害は合わせて1,159万3,184円である。", "1,159万3,184円", 11593184),
        ("被告は1億7735万6440円を支払え。", "1億7735万6440円", 177356440),
        ("被告は１億７７３５万６４４０円を支払え。", "１億７７３５万６４４０円", 177356440),
        (
            "被告は、原告に対し、金一億一六四七万六六〇〇円を支払え。",
            "一億一六四七万六六〇〇円",
            116476600,
        ),
        ("慰謝料は六千円とする。", "六千円", 6000),
        ("売上は10億2300万円であった。", "10億2300万円", 1023000000),
        ("見積りは3.5万円であった。", "3.5万円", 35000),
        ("価格は一九九万八〇七八円である。", "一九九万八〇七八円", 1998078),
        ("金壱万円を受領した。", "壱万円", 10000),
        ("残高は0円となる。", "0円", 0),
    ],
)
def test_amounts(text: str, span: str, yen: int) -> None:
    assert money(text) == [(span, {"yen": yen})]


def test_kin_prefix_is_outside_the_span() -> None:
    text = "被告は金二〇万円を支払え。"
    ((span, value),) = money(text)
    assert span == "二〇万円" and value == {"yen": 200000}


@pytest.mark.parametrize(
    "text",
    [
        "交渉を円滑に進めた。",
        "両名は円満に離婚した。",
        "同心円状に広がる。",
        "毎月数百万円の収入があった。",
        "数億円の損失を出した。",
        "金○円を貸し付けた。",
        "関東一円に店舗がある。",
        "損害は600\n0円である。",  # a broken number: line repair will make it whole
        "合計1億\n8500万円となる。",
        "価格は0.5円である。",
        "万円単位で計算する。",
        "賃料月額〇〇万円とする。",
        "手数料は00円とする。",
    ],
)
def test_not_money(text: str) -> None:
    assert money(text) == []


def test_no_span_crosses_a_newline() -> None:
    text = "原告は1,\n159万3,184円と\n6000円を請求する。"
    spans = money(text)
    assert spans == [("6000円", {"yen": 6000})]


@pytest.mark.parametrize(
    ("text", "attrs"),
    [
        ("現金約22万円を奪った。", {"approx": True}),
        ("被告らは各自10万円を支払え。", {"each": "各自"}),
        ("控訴人らについては各130万円とする。", {"each": "各"}),
        ("原告らに対し，それぞれ25万円を支払え。", {"each": "それぞれ"}),
        ("原告らそれぞれに対し,6000円を支払え。", {"each": "それぞれ"}),
        ("損害は合計193万6710円である。", {"total": True}),
        ("金300万円及びうち295万円に対する遅延損害金", {"part": True}),
        ("1日当たり6000円の割合による金員", {"per": "日"}),
        ("賃料は月額8万5000円であった。", {"per": "月"}),
        ("1か月当たり5000円の手当", {"per": "月"}),
        ("慰謝料は一人あたり5000円が相当である。", {"per": "人"}),
        ("投資額は4701万円余りであった。", {"approx": True}),
    ],
)
def test_attributes(text: str, attrs: dict[str, Any]) -> None:
    ((_span, value),) = [m for m in money(text) if m[1]["yen"] != 300_0000]
    assert {k: v for k, v in value.items() if k != "yen"} == attrs


def test_range_with_made() -> None:
    got = money("損害は100万円から200万円までの範囲にある。")
    assert got == [
        ("100万円", {"yen": 1000000, "range": "from"}),
        ("200万円", {"yen": 2000000, "range": "to"}),
    ]


def test_range_with_wave_dash_and_a_bare_left_end() -> None:
    got = money("費用は1000～2000万円を要する。")
    assert got == [
        ("1000", {"yen": 10000000, "range": "from"}),
        ("2000万円", {"yen": 20000000, "range": "to"}),
    ]


def test_kara_without_made_is_not_a_range() -> None:
    got = money("11億円から3306万円を控除した残額")
    assert [v for _s, v in got] == [{"yen": 1100000000}, {"yen": 33060000}]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("支払済みまで年5分の割合による金員", "年5分", {"rate": 0.05, "per": "年"}),
        ("支払済みまで年五分の割合による金員", "年五分", {"rate": 0.05, "per": "年"}),
        ("支払済みまで年6分の割合による金員", "年6分", {"rate": 0.06, "per": "年"}),
        ("支払済みまで年3パーセントの割合", "年3パーセント", {"rate": 0.03, "per": "年"}),
        ("支払済みまで年3%の割合", "年3%", {"rate": 0.03, "per": "年"}),
        ("年14.6%の割合による遅延損害金", "年14.6%", {"rate": 0.146, "per": "年"}),
        ("年1割4分6厘の割合による遅延損害金", "年1割4分6厘", {"rate": 0.146, "per": "年"}),
        ("費用の10分の1を負担する。", "10分の1", {"rate": 0.1, "fraction": "1/10"}),
        ("持分は2分の1である。", "2分の1", {"rate": 0.5, "fraction": "1/2"}),
        ("持分は五分の二である。", "五分の二", {"rate": 0.4, "fraction": "2/5"}),
        ("過失割合は3割とする。", "3割", {"rate": 0.3}),
        ("その24%相当額", "24%", {"rate": 0.24}),
        ("割増率は2.5割から", "2.5割", {"rate": 0.25}),
        ("割増率は二・五割から", "二・五割", {"rate": 0.25}),
        ("拘束時間の1/2を算入する。", "1/2", {"rate": 0.5, "fraction": "1/2"}),
        ("乗務時間の１／４,の中から", "１／４", {"rate": 0.25, "fraction": "1/4"}),
    ],
)
def test_rates(text: str, span: str, value: dict[str, Any]) -> None:
    assert rates(text) == [(span, value)]


def test_costs_split_is_a_fraction() -> None:
    got = rates("訴訟費用はこれを3分し,その1を原告の負担とし,その余を被告の負担とする。")
    assert got == [("3分し,その1", {"rate": pytest.approx(1 / 3), "fraction": "1/3"})]


@pytest.mark.parametrize(
    "text",
    [
        "5分間休憩した。",
        "午後1時10分の電車",
        "約30分面談した。",
        "本件役割を果たした。",
        "平成3年5分",
        "甲第3号証の1/2頁",  # a page
        "(200万円/年×9/12年)",  # a formula
        "113/100×94/100=1.06",  # not after の
        "令和2年の1/5に届いた。",  # a date, not below one
        "その3/2倍",
    ],
)
def test_not_rates(text: str) -> None:
    assert rates(text) == []


def test_registered_under_both_labels() -> None:
    # the registry entry itself: extract() would also import the other families
    from core.extract.base import _REGISTRY

    entry = _REGISTRY["money"]
    assert entry.labels == frozenset({"MONEY", "RATE"})
    text = "被告は6000円及び年5分の割合による金員を支払え。"
    labels = [(s.label, text[s.start : s.end]) for s in entry.fn(text)]
    assert labels == [("MONEY", "6000円"), ("RATE", "年5分")]


def test_values_are_json() -> None:
    text = "各自約100万円から200万円まで，年5分"
    out: list[Suggestion] = list(extract_money(text))
    assert out and all(json.loads(json.dumps(s.value)) == s.value for s in out)


@pytest.mark.corpus
def test_dev_corpus_spans_hold_no_newline_and_values_parse() -> None:
    dev = CORPUS / "dev"
    if not dev.is_dir():
        pytest.skip(f"corpus not found at {dev}")
    from core.text.pipeline import normalize

    n = 0
    for f in sorted(dev.glob("*.json")):
        text = normalize(json.loads(f.read_text(encoding="utf-8"))["contents"]).text
        for s in extract_money(text):
            assert "\n" not in text[s.start : s.end]
            n += s.label == "MONEY"
    assert n > 400


def test_left_end_with_its_own_unit() -> None:
    assert money("手当は月額5万又は6万円とする。") == [
        ("5万", {"yen": 50000, "per": "月"}),
        ("6万円", {"yen": 60000, "per": "月"}),
    ]
    assert money("毎月2万から3万円を支払った。") == [
        ("2万", {"yen": 20000, "range": "from"}),
        ("3万円", {"yen": 30000, "range": "to"}),
    ]


def test_vague_left_end_is_not_an_amount() -> None:
    assert money("数万ないし10万円") == [("10万円", {"yen": 100000})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("評価割合は一~二割程度であった。", [("一", 0.1), ("二割", 0.2)]),
        ("容積率は二〇〇~三〇〇パーセントに止まる。", [("二〇〇", 2.0), ("三〇〇パーセント", 3.0)]),
        ("街路が五〇ないし六〇パーセントであった。", [("五〇", 0.5), ("六〇パーセント", 0.6)]),
        ("陽性率は50~85%とされる。", [("50", 0.5), ("85%", 0.85)]),
        ("6割から7割程度", [("6割", 0.6), ("7割", 0.7)]),  # both ends already have a unit
    ],
)
def test_both_ends_of_a_rate_range(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(span, v["rate"]) for span, v in rates(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "第3~5割",  # an ordinal
        "9~5割",  # not smaller than the other end
        "損害額120万円から2割を減じる。",  # an amount, not a rate
        "平成5~6年の利率は8%",  # a range of years before the rate
    ],
)
def test_not_the_start_of_a_rate_range(text: str) -> None:
    assert len(rates(text)) == 1


def test_an_annual_rate_range() -> None:
    assert rates("年5~6%の利率") == [("5", {"rate": 0.05, "per": "年"}), ("6%", {"rate": 0.06})]
    assert rates("平成5年5~6%")[0] == ("5", {"rate": 0.05})  # 年 of a date, not per year


def test_a_repeated_long_vowel_mark_in_percent() -> None:
    assert rates("幅員の関係で14パーーセント減") == [("14パーーセント", {"rate": 0.14})]


def test_a_plus_sign_read_as_juu_before_arabic_digits() -> None:
    assert rates("接近条件十13%(駅+5%)") == [("13%", {"rate": 0.13}), ("5%", {"rate": 0.05})]
    assert rates("十三%") == [("十三%", {"rate": 0.13})]  # kanji all through: thirteen

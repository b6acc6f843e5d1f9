"""DATE: wareki and western dates, relative forms, vague forms, and the era converter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.extract.dates import extract_dates
from core.text.wareki import ERAS, era_bounds, era_last_day, era_last_year, to_date

KANJI = "〇一二三四五六七八九"


def dates(text: str) -> list[tuple[str, dict[str, Any]]]:
    return [(text[s.start : s.end], s.value) for s in extract_dates(text)]


def only(text: str) -> dict[str, Any]:
    ((_span, value),) = dates(text)
    return value


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("令和元年12月10日判決言渡", "令和元年12月10日", "2019-12-10"),
        ("令和元年１２月１０日判決言渡", "令和元年１２月１０日", "2019-12-10"),
        ("平成16年5月29日,契約を締結した。", "平成16年5月29日", "2004-05-29"),
        ("原告は昭和四六年八月二九日に生まれた。", "昭和四六年八月二九日", "1971-08-29"),
        ("原告は昭和四十六年八月二十九日に生まれた。", "昭和四十六年八月二十九日", "1971-08-29"),
        ("大正元年8月1日", "大正元年8月1日", "1912-08-01"),
        ("明治45年7月29日", "明治45年7月29日", "1912-07-29"),
        ("平成29年12月に解約した。", "平成29年12月", "2017-12"),
        ("2019年5月1日に施行された。", "2019年5月1日", "2019-05-01"),
        ("投稿日時 2018/02/25 09:06", "2018/02/25", "2018-02-25"),
        ("昭和64年1月7日", "昭和64年1月7日", "1989-01-07"),
        ("平成元年1月8日", "平成元年1月8日", "1989-01-08"),
    ],
)
def test_absolute(text: str, span: str, iso: str) -> None:
    assert dates(text) == [(span, {"date": iso})]


def test_out_of_era_is_kept_with_a_flag() -> None:
    assert only("平成31年5月1日付け") == {"date": "2019-05-01", "out_of_era": True}
    assert only("昭和64年1月8日") == {"date": "1989-01-08", "out_of_era": True}


def test_far_beyond_an_era_is_refused() -> None:
    assert dates("平成50年1月1日") == []
    assert dates("大正30年1月1日") == []


def test_boundary_day_under_both_names() -> None:
    assert only("大正15年12月25日") == {"date": "1926-12-25"}
    assert only("昭和元年12月25日") == {"date": "1926-12-25"}


@pytest.mark.parametrize("text", ["平成29年2月30日", "令和3年13月1日", "平成0年1月1日", "2月30日"])
def test_invalid_dates_are_dropped(text: str) -> None:
    assert dates("平成29年1月1日，" + text)[1:] == []


@pytest.mark.parametrize(
    "text",
    [
        "令和2年(ワ)第145号",  # a year alone: a case number's year, not a date
        "平成29年法律第44号",
        "平成3年度の予算",
        "毎年6月25日限り支払う。",
        "毎月25日限り支払う。",
        "同日付けの書面",  # nothing before to resolve against
        "午後1時10分",
    ],
)
def test_not_dates(text: str) -> None:
    assert dates(text) == []


def test_relative_forms_resolve_from_the_last_date() -> None:
    text = (
        "平成30年1月31日に契約し，同年10月1日に解約した。同月23日に通知し，同日受領した。"
        "その翌日に返送し，同年12月に和解した。翌月に支払った。"
    )
    got = dates(text)
    assert got == [
        ("平成30年1月31日", {"date": "2018-01-31"}),
        ("同年10月1日", {"date": "2018-10-01", "relative": "同年"}),
        ("同月23日", {"date": "2018-10-23", "relative": "同月"}),
        ("同日", {"date": "2018-10-23", "relative": "同日"}),
        ("翌日", {"date": "2018-10-24", "relative": "翌日"}),
        ("同年12月", {"date": "2018-12", "relative": "同年"}),
        ("翌月", {"date": "2019-01", "relative": "翌月"}),
    ]


def test_previous_day_and_same_day_need_a_day() -> None:
    got = dates("令和2年3月1日の前日，令和2年4月に同日")
    assert got == [
        ("令和2年3月1日", {"date": "2020-03-01"}),
        ("前日", {"date": "2020-02-29", "relative": "前日"}),
        ("令和2年4月", {"date": "2020-04"}),
    ]


def test_month_day_without_year_takes_the_year_before() -> None:
    got = dates("平成20年4月4日から5月3日まで")
    assert got[1] == ("5月3日", {"date": "2008-05-03", "relative": "年省略"})


def test_year_on_the_line_before() -> None:
    got = dates("支払済みまで平成30年\n10月12日から")
    assert got == [("10月12日", {"date": "2018-10-12"})]


def test_same_era_year() -> None:
    got = dates("昭和40年1月1日判決，昭和43年(オ)第6号同45年7月20日判決")
    assert got[1] == ("同45年7月20日", {"date": "1970-07-20", "relative": "同元号"})


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("平成29年12月中旬頃", "平成29年12月中旬頃", {"date": "2017-12", "approx": "中旬頃"}),
        ("平成29年12月上旬", "平成29年12月上旬", {"date": "2017-12", "approx": "上旬"}),
        ("平成29年12月下旬ころ", "平成29年12月下旬ころ", {"date": "2017-12", "approx": "下旬ころ"}),
        ("平成29年8月5日頃", "平成29年8月5日頃", {"date": "2017-08-05", "approx": "頃"}),
        ("令和2年2月末日", "令和2年2月末日", {"date": "2020-02-29", "approx": "末日"}),
    ],
)
def test_vague(text: str, span: str, value: dict[str, Any]) -> None:
    assert dates(text) == [(span, value)]


def test_time_stays_outside() -> None:
    assert dates("令和3年10月3日午後1時10分頃") == [("令和3年10月3日", {"date": "2021-10-03"})]


def test_birth_date() -> None:
    got = dates("被告人　甲野太郎（昭和38年5月3日生）")
    assert got == [("昭和38年5月3日", {"date": "1963-05-03", "birth": True})]


def test_broken_day_is_not_read_as_a_month() -> None:
    assert dates("控訴日は平成11年3月31\n日である。") == []
    assert dates("控訴日は平成11年3月\n31日である。") == []


def test_no_span_crosses_a_newline() -> None:
    text = "平成元年\n一〇月下旬，令和2年\n1月"
    for s in extract_dates(text):
        assert "\n" not in text[s.start : s.end]


# --- the era converter and a round trip through the extractor ------------------------------


def kanji_number(n: int, positional: bool) -> str:
    if positional:
        return "".join(KANJI[int(c)] for c in str(n))
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("" if tens == 1 else KANJI[tens]) + "十") + (
        KANJI[ones] if ones else ""
    )


def wareki(d: dt.date) -> tuple[str, int]:
    era = max((k for k, (start, _r) in ERAS.items() if start <= d), key=lambda k: ERAS[k][0])
    return era, d.year - ERAS[era][0].year + 1


@given(
    st.dates(min_value=dt.date(1873, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.sampled_from(["arabic", "full", "positional", "tens"]),
)
def test_wareki_round_trip(d: dt.date, style: str) -> None:
    era, year = wareki(d)
    assert to_date(era, year, d.month, d.day) == (d, True)

    def fmt(n: int) -> str:
        if style == "arabic":
            return str(n)
        if style == "full":
            return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        return kanji_number(n, style == "positional")

    y = "元" if year == 1 else fmt(year)
    text = f"{era}{y}年{fmt(d.month)}月{fmt(d.day)}日"
    assert dates(text) == [(text, {"date": d.isoformat()})]


def test_era_helpers() -> None:
    assert era_last_year("平成") == 31
    assert era_last_year("令和") is None
    assert era_last_day("大正") == dt.date(1926, 12, 25)  # also 昭和元年12月25日
    assert era_last_day("昭和") == dt.date(1989, 1, 7)
    assert to_date("明治", 45, 7, 30) == (dt.date(1912, 7, 30), True)
    assert to_date("平成", 31, 4, 30) == (dt.date(2019, 4, 30), True)
    assert era_bounds("Showa") == (dt.date(1926, 12, 25), dt.date(1989, 1, 8))
    assert to_date("平成", 31, 5, 1) == (dt.date(2019, 5, 1), False)


def test_same_year_after_a_bare_year_or_fiscal_year() -> None:
    got = dates("平成20年1月4日に請求した。平成29年度（同年4月1日から翌年3月31日まで）の利益")
    assert got[1] == ("同年4月1日", {"date": "2017-04-01", "relative": "同年"})
    got = dates("令和元年5月1日に登記した。平成10年頃から営業し，同年5月に閉店した。")
    assert got[1] == ("同年5月", {"date": "1998-05", "relative": "同年"})


def test_case_and_law_years_do_not_set_the_year() -> None:
    got = dates("平成20年1月4日に請求した。平成23年(ワ)第5号事件の同年5月")
    assert got[1] == ("同年5月", {"date": "2008-05", "relative": "同年"})


def test_month_day_uses_the_last_full_date_not_a_bare_year() -> None:
    got = dates(
        "平成10年6月1日に入院した。Cは昭和57年から通院していた。Cは，7月8日に手術を受けた。"
    )
    assert got[-1] == ("7月8日", {"date": "1998-07-08", "relative": "年省略"})


def test_declared_default_year() -> None:
    got = dates("（以下，特に断らない限り，平成10年の月日である。）Cは，7月8日に手術を受けた。")
    assert got == [("7月8日", {"date": "1998-07-08", "relative": "年省略"})]


def test_day_after_an_event_is_not_resolved() -> None:
    got = dates("令和3年5月18日に送達された。訴状送達の日の翌日から支払済みまで")
    assert got == [("令和3年5月18日", {"date": "2021-05-18"})]


def test_day_after_a_date_is_resolved() -> None:
    got = dates("令和3年5月18日の翌日から，その翌日まで")
    assert [v["date"] for _s, v in got] == ["2021-05-18", "2021-05-19", "2021-05-20"]


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("書籍(2013年(平成25年)10月12日発行)", "2013年(平成25年)10月12日", "2013-10-12"),
        ("雑誌(2014年（平成26年）3月発行)", "2014年（平成26年）3月", "2014-03"),
        ("2019(令和元)年5月1日に施行", "2019(令和元)年5月1日", "2019-05-01"),
        ("平成25年(2013年)10月12日に開催", "平成25年(2013年)10月12日", "2013-10-12"),
    ],
)
def test_western_and_era_year_together_are_one_date(text: str, span: str, iso: str) -> None:
    assert dates("令和3年1月5日に受領した。" + text)[1:] == [(span, {"date": iso})]


def test_a_cited_precedent_does_not_set_the_year() -> None:
    text = (
        "平成3年5月14日に事故が起きた。責任は連帯する(最高裁昭和51年3月30日判決)。"
        "同昭和63年7月1日判決・民集42巻6号451頁も同旨である。原告は,5月20日に報告した。"
    )
    got = dates(text)
    assert got[1] == ("昭和51年3月30日", {"date": "1976-03-30", "citation": True})
    assert got[2] == ("昭和63年7月1日", {"date": "1988-07-01", "citation": True})
    assert got[3] == ("5月20日", {"date": "1991-05-20", "relative": "年省略"})


def test_the_case_own_judgment_is_not_a_citation() -> None:
    assert only("原審は,平成20年1月10日判決を言い渡した。") == {"date": "2008-01-10"}


def test_same_year_after_a_case_number_is_the_case_number_year() -> None:
    got = dates("令和2年1月1日に提訴した。(最高裁昭和35年(あ)第112号同年7月20日大法廷判決)")
    assert got[1] == (
        "同年7月20日",
        {"date": "1960-07-20", "relative": "同年", "citation": True},
    )


def test_a_date_in_a_defined_term_keeps_its_year() -> None:
    text = (
        "平成3年4月12日に点検し,同年5月3日(以下「5月3日の故障」という。)に故障した。"
        "平成15年1月10日に判決が確定した。被告は,5月3日の故障を知っていた。"
    )
    assert dates(text)[-1] == ("5月3日", {"date": "1991-05-03", "relative": "年省略"})


def test_month_without_year_with_a_vague_part() -> None:
    got = dates("平成23年11月頃には,10月下旬に処方された薬を飲んでいた。")
    assert got[1] == ("10月下旬", {"date": "2011-10", "relative": "年省略", "approx": "下旬"})
    assert dates("平成23年1月5日に開店した。毎年10月下旬に祭りがある。")[1:] == []
    got = dates("平成2年10月下旬か11月上旬には")
    assert got[1] == ("11月上旬", {"date": "1990-11", "relative": "年省略", "approx": "上旬"})


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("令和2年4月3日,4日には来訪した。", ["2020-04-03", "2020-04-04"]),
        ("令和2年4月3日及び5日に来訪した。", ["2020-04-03", "2020-04-05"]),
        ("令和2年4月4日から6日まで休業した。", ["2020-04-04", "2020-04-06"]),
        ("令和2年4月12日,20日,27日の作業", ["2020-04-12", "2020-04-20", "2020-04-27"]),
        ("令和2年4月3日,1日当たり2時間", ["2020-04-03"]),  # not later: not a list
        ("令和2年4月1日から5日間休業した。", ["2020-04-01"]),  # a period
        ("令和2年4月1日から10日で完成した。", ["2020-04-01"]),  # a count of days
        ("令和2年4月1日から3日以内に", ["2020-04-01"]),
        ("令和2年4月30日,31日", ["2020-04-30"]),  # no 4月31日
    ],
)
def test_days_listed_after_a_date(text: str, days: list[str]) -> None:
    assert [v["date"] for _s, v in dates(text)] == days


def test_listed_day_is_the_same_month() -> None:
    assert dates("令和2年4月3日,4日")[1] == ("4日", {"date": "2020-04-04", "relative": "同月"})


@pytest.mark.parametrize(
    "text",
    [
        "令和2年3月1日に受診した。睡眠不足は翌日の血圧を上げる。",  # generic, far from a date
        "令和2年3月1日に受診した。調査は発症直前ないし 前日を中心とする。",
        "令和2年3月1日に受診した。Aは,犯行前日の夜に外出した。",  # the day before an event
        "令和2年3月1日に受診した。その後交渉した。合意はない。Aは,翌日に連絡した。",
    ],
)
def test_unanchored_day_after_is_not_resolved(text: str) -> None:
    assert [s for s, _v in dates(text)] == ["令和2年3月1日"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("令和2年3月1日に契約した。翌日,代金を支払った。", "2020-03-02"),  # opens the next sentence
        ("令和2年3月1日に契約し,翌日に支払った。", "2020-03-02"),  # same sentence
        ("令和2年3月1日に契約し,Aはその前日に来た。", "2020-02-29"),
    ],
)
def test_anchored_day_after_is_resolved(text: str, iso: str) -> None:
    assert dates(text)[1][1]["date"] == iso


def test_day_after_followed_by_its_date_must_agree() -> None:
    got = dates("令和2年3月1日に受診し,その翌日である同月2日に入院した。")
    assert [s for s, _v in got] == ["令和2年3月1日", "翌日", "同月2日"]
    got = dates("令和2年3月1日に受診した。翌日の令和2年3月5日に入院した。")
    assert got == [
        ("令和2年3月1日", {"date": "2020-03-01"}),
        ("令和2年3月5日", {"date": "2020-03-05"}),
    ]

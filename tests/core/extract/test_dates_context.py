"""DATE in context: quotations, amendments, rules of every year, two-digit years, 翌22日,
前々年 (fictional snippets)."""

from __future__ import annotations

from typing import Any

import pytest

from core.extract._date_quotes import top_level_quotes
from core.extract.dates import extract_dates


def dates(text: str) -> list[tuple[str, dict[str, Any]]]:
    return [(text[s.start : s.end], s.value) for s in extract_dates(text)]


def isos(text: str) -> list[tuple[str, str]]:
    return [(span, v["date"]) for span, v in dates(text)]


def test_year_less_dates_quoted_in_an_amendment_are_not_suggested() -> None:
    text = (
        "令和2年6月1日に口頭弁論を終結した。\n"
        "(1) 原判決5頁3行目に「4月2日」とあるのを「5月7日」と改め,同6頁の「同月9日」を削る。\n"
        "(2) 原判決7頁に「令和元年4月2日」とあるのを「令和元年5月7日」と改める。\n"
    )
    assert isos(text) == [
        ("令和2年6月1日", "2020-06-01"),
        ("令和元年4月2日", "2019-04-02"),  # the year is written: still a date
        ("令和元年5月7日", "2019-05-07"),
    ]


def test_a_quoted_year_less_date_outside_an_amendment_is_kept() -> None:
    got = isos("令和2年6月1日に受領した。甲は「4月2日に送った」と述べた。")
    assert got[1] == ("4月2日", "2020-04-02")


def test_a_quoted_passage_does_not_anchor_the_text_after_it() -> None:
    text = (
        "被告新聞社は,平成22年3月5日,記事を掲載した。記事には「患者は08年1月10日に入院した。"
        "同年2月3日に手術を受けた。」との本文がある。また,被告は,同日,別の記事を掲載した。"
    )
    assert isos(text) == [
        ("平成22年3月5日", "2010-03-05"),
        ("08年1月10日", "2008-01-10"),
        ("同年2月3日", "2008-02-03"),  # inside the quote: from the quote's date
        ("同日", "2010-03-05"),  # after it: the article's date, not the quote's
    ]


def test_a_short_quote_keeps_anchoring() -> None:
    text = "令和元年6月に叱責した。乙は「(令和2年3月までに)改善しろ」と述べ,同年1月21日にも述べた。"
    assert isos(text)[-1] == ("同年1月21日", "2020-01-21")


def test_the_new_wording_of_an_amendment_keeps_anchoring() -> None:
    text = (
        "令和3年2月1日判決\n原判決5頁を次のとおり改める。\n「Aは,平成30年8月1日に入社した。"
        "その後も勤務した。」\n(2) 同6頁を次のとおり改める。\n「Aは,9月4日に退職した。」"
    )
    assert isos(text)[-1] == ("9月4日", "2018-09-04")


def test_quote_nesting_and_stray_brackets() -> None:
    text = "a「b『c』d」e」f「g"
    assert top_level_quotes(text) == [(1, 7)]
    assert top_level_quotes("「a『b」c") == [(0, 4)]  # an unclosed inner quote


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("報道によると,患者は98年11月6日に入院した。", "1998-11-06"),
        ("メールには「05年4月1日に返済する」とあった。", "2005-04-01"),
        ("記事は'99年12月4日付けである。", "1999-12-04"),
    ],
)
def test_two_digit_western_year(text: str, iso: str) -> None:
    assert [v for _s, v in isos(text)] == [iso]


@pytest.mark.parametrize(
    "text",
    [
        "平成\n10年5月1日",  # the era on the line before
        "H10年5月1日",
        "平成9年4月1日から10年3月31日まで",  # the era year goes on
        "懲役10年6月",  # a sentence: no day
    ],
)
def test_two_digit_year_that_is_an_era_year_is_not_western(text: str) -> None:
    assert all(not v.startswith("2010") for _s, v in isos(text))


def test_a_table_row_opening_with_a_date_whose_era_is_left_out() -> None:
    text = "平成7年3月1日に鑑定した。\n標準宅地の価格\n4年7月1日価格　1490万円\n10年1月1日価格　890万円\n"
    assert isos(text)[1:] == [("4年7月1日", "1992-07-01"), ("10年1月1日", "1998-01-01")]
    # with no era named before, a single digit is no year; mid-sentence the era stays unread
    assert isos("標準宅地の価格\n4年7月1日価格　1490万円\n") == []
    assert isos("平成7年3月1日に鑑定した。その価格は5年1月1日に") == [
        ("平成7年3月1日", "1995-03-01")
    ]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("令和2年5月21日に報道に接し,翌22日,相談した。", "2020-05-22"),
        ("令和2年5月31日に報道に接し,翌1日,相談した。", "2020-06-01"),
        ("令和2年5月21日に報道に接し,翌25日,相談した。", "2020-05-25"),  # same month, later
    ],
)
def test_next_day_with_its_number(text: str, iso: str) -> None:
    assert isos(text)[1] == (text[text.index("翌") : text.index("日,相") + 1], iso)


def test_next_day_with_an_earlier_number_is_not_resolved() -> None:
    assert len(isos("令和2年5月21日に報道に接し,翌3日,相談した。")) == 1


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("令和4年1月1日が基準日である。前々年の7月1日を評価時点とした。", "2020-07-01"),
        ("令和4年1月1日が基準日である。前年の7月1日を評価時点とした。", "2021-07-01"),
        ("令和4年1月1日が基準日である。翌々年の7月1日を評価時点とした。", "2024-07-01"),
        ("令和4年1月1日が基準日である。前々年7月1日を評価時点とした。", "2020-07-01"),
    ],
)
def test_years_counted_from_the_running_date(text: str, iso: str) -> None:
    assert isos(text)[1][1] == iso


@pytest.mark.parametrize(
    "text",
    [
        "賦課期日は当該年度の初日の属する年の1月1日である。",
        "年齢給は各年度の4月1日現在の年齢による。",
        "もっとも、法は、価格の決定を2月末日までに行うべきものとしている(法10条)。",
    ],
)
def test_dates_of_a_general_rule_have_no_year(text: str) -> None:
    assert isos("令和4年1月5日に申し出た。" + text) == [("令和4年1月5日", "2022-01-05")]


def test_a_party_required_to_act_by_a_date_is_still_a_date() -> None:
    got = isos("令和4年1月5日に契約した。被告は,2月末日までに支払うべきものとした。")
    assert got[1] == ("2月末日", "2022-02-28")


def test_same_year_after_a_case_number_in_its_sentence_takes_the_case_number_year() -> None:
    text = (
        "高等裁判所は,令和2年12月22日,控訴を棄却した。甲は上告した(最高裁判所令和3年(あ)"
        "第15号)が,最高裁判所は,同年4月8日,上告を棄却した。"
    )
    assert isos(text)[-1] == ("同年4月8日", "2021-04-08")
    # in the next sentence the last date of the story counts again
    later = text.replace("第15号)が,最高裁判所は,", "第15号)。その後,")
    assert isos(later)[-1] == ("同年4月8日", "2020-04-08")


def test_same_month_in_a_sentence_about_every_month_is_no_date() -> None:
    text = (
        "令和2年1月10日に採用された。店長は,当月11日以降の勤務表を作成した後,"
        "遅くとも同月5日頃までに自身の計画を作成する。"
    )
    assert [span for span, _ in isos(text)] == ["令和2年1月10日"]
    plain = "令和2年1月10日に採用された。店長は,同月15日に勤務表を作成した。"
    assert isos(plain)[-1] == ("同月15日", "2020-01-15")


def test_the_other_end_of_a_month_range() -> None:
    text = "放送局は,平成二年六月ないし八月に,各地で取材した。"
    assert isos(text) == [("平成二年六月", "1990-06"), ("八月", "1990-08")]
    # a count of months or a month before the first is not an end
    assert len(isos("平成二年六月から八月間")) == 1
    assert len(isos("平成二年六月ないし三月に")) == 1


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("令和2年4月1日に届けた。同年2月及び3月は繁忙であった。", ["2020-02", "2020-03"]),
        ("令和2年4月1日に届けた。同年1月から3月までの売上げ", ["2020-01", "2020-03"]),
        ("令和2年4月1日に届けた。同年2月(500件)及び3月(600件)", ["2020-02", "2020-03"]),
        ("令和2年5月、6月及び7月分の賃料", ["2020-05", "2020-06", "2020-07"]),
        ("平成三年五月末から八月にかけて取材した。", ["1991-05", "1991-08"]),
        ("令和2年4月1日,甲は1月から3月までの業績を公表した。", ["2020-01", "2020-03"]),
        ("令和2年4月1日,甲は一月~三月の業績を公表した。", ["2020-01", "2020-03"]),
    ],
)
def test_months_of_a_list_or_range_with_the_year_left_out(text: str, months: list[str]) -> None:
    assert [iso for _, iso in isos(text) if len(iso) == 7] == months


@pytest.mark.parametrize(
    "text",
    [
        "令和2年4月1日に届けた。\n鰊の漁期にあたる四月から五月にかけてが華であった。",  # far
        "令和2年4月1日に届けた。甲は「1月から3月までの分を渡す」と述べた。",  # quoted speech
        "令和2年4月1日に届けた。ST1月~9月の分を渡した。",  # glued to a name
        "令和2年4月1日に届けた。毎年1月から3月までは繁忙期である。",  # every year
    ],
)
def test_month_ranges_without_a_year_and_no_story_date_are_no_dates(text: str) -> None:
    assert [iso for _, iso in isos(text) if len(iso) == 7] == []


def test_two_days_written_with_one_day_counter() -> None:
    text = "平成2年9月1日に報じられた。また,同月一四、一五日に開催された会議で発表した。"
    assert isos(text)[1:] == [("同月一四", "1990-09-14"), ("一五日", "1990-09-15")]
    assert isos("令和元年5月1日に着いた。同月14,15日は休んだ。")[1:] == [
        ("同月14", "2019-05-14"),
        ("15日", "2019-05-15"),
    ]


def test_a_pay_day_of_every_month_is_no_date() -> None:
    text = "令和2年4月1日に採用された。被告は,翌月25日払いであったと主張する。"
    assert [span for span, _ in isos(text)] == ["令和2年4月1日"]
    paid = "令和2年4月1日に採用された。被告は,翌月25日に賃金を支払った。"
    assert isos(paid)[-1] == ("翌月25日", "2020-05-25")


def test_same_month_without_a_day_after_every_month_still_names_the_month() -> None:
    text = "原告は,令和2年4月以降も働いた。賃金は毎月変動したところ,同月以降の平均は減った。"
    assert isos(text)[-1] == ("同月", "2020-04")
    routine = "原告は,令和2年4月以降も働いた。当月の勤務表を作成し,同月以降に提出した。"
    assert [span for span, _ in isos(routine)] == ["令和2年4月"]


def test_days_counted_from_a_dated_event() -> None:
    text = (
        "遅延損害金は本件事故の日である令和2年5月10日から起算する。令和3年1月5日に提訴した。"
        "車両は事故翌日に処分され,本件事故の当日及び翌日に報道があった。本件事故当日は雨であった。"
    )
    got = [(span, v["date"]) for span, v in dates(text)]
    assert got[2:] == [("翌日", "2020-05-11"), ("当日", "2020-05-10"), ("翌日", "2020-05-11")]
    # `当日` alone names the event; a day followed by its own date leaves the span to it
    assert ("当日", "2020-05-10") not in got[5:]
    named = text + "本件事故前日の令和2年5月9日に点検した。"
    assert [(s, d) for s, d in [(sp, v["date"]) for sp, v in dates(named)] if s == "前日"] == []
    # an event never dated, or a plain noun, gives nothing
    assert [s for s, _ in isos("令和2年5月10日に届けた。犯行前日は晴れていた。")] == [
        "令和2年5月10日"
    ]


def test_the_next_year_written_with_its_era_year() -> None:
    text = "平成一〇年一〇月一〇日に届いた。翌一一年三月三一日に返した。"
    assert isos(text) == [
        ("平成一〇年一〇月一〇日", "1998-10-10"),
        ("翌一一年三月三一日", "1999-03-31"),
    ]
    assert isos("令和2年4月1日に届いた。翌3年1月5日に返した。")[-1] == ("翌3年1月5日", "2021-01-05")


def test_same_year_opening_the_next_item_takes_the_year_of_the_item_before() -> None:
    text = (
        "ア  平成15年1月28日の第1回交渉\n原告は一覧表(平成3年7月から平成13年度)を示した。\n"
        "イ  同年2月21日の第2回交渉\n被告は回答した。\n"
    )
    assert isos(text)[-1] == ("同年2月21日", "2003-02-21")
    # not the next item (a new list, or 同年 inside a paragraph): the running year as before
    other = text.replace("イ  同年2月21日", "(1)  同年2月21日")
    assert isos(other)[-1] == ("同年2月21日", "2001-02-21")
    inside = text.replace("イ  同年2月21日", "被告は,同年2月21日")
    assert isos(inside)[-1] == ("同年2月21日", "2001-02-21")


def test_bare_days_continue_the_month_of_the_account() -> None:
    text = (
        "平成20年3月1日には,甲は合鍵で入室できたが,8日には,入室できなかった。"
        "甲は,8日の入室の際に,念のため,窓も試した。\n"
        "なお,同月11日,12日にも,乙は倉庫を訪れ,12日には,13日と同じ方法で搬出を試みた。"
    )
    got = [(span, v["date"], v.get("relative")) for span, v in dates(text)]
    assert got == [
        ("平成20年3月1日", "2008-03-01", None),
        ("8日", "2008-03-08", "同月"),
        ("8日", "2008-03-08", "同月"),
        ("同月11日", "2008-03-11", "同月"),
        ("12日", "2008-03-12", "同月"),
        ("12日", "2008-03-12", "同月"),
        ("13日", "2008-03-13", "同月"),
    ]


@pytest.mark.parametrize(
    "tail",
    [
        "甲は,14日間入院した。",
        "乙は,30日以内に支払う。",
        "丙は,3日後に戻り,5日前の記録を消した。",
        "丁は,10日分の薬を受け取った。",
        "戊は,1日当たり2000円を得た。",
        "作業には,約2日かかる。",
        "通院日数は,15日であった。",
        "賃料は毎月,25日に支払う。",
        "甲は,1日に3回服用した。",
        "甲は,1日の労働時間を8時間とした。",
        "同条は,「契約は,10日に終了する。」と定める。",
        "甲は,入院5日目に,第6日の検査を受けた。",
        "5000円×30日の損害",
        "\n8日には,乙が来た。",  # another paragraph: the month is not known there
        "甲は,2日には来なかった。",  # before the running day
    ],
)
def test_bare_days_that_are_not_a_continuing_account(tail: str) -> None:
    text = "平成20年3月5日,甲は入院した。" + tail
    assert isos(text) == [("平成20年3月5日", "2008-03-05")]


def test_the_next_day_standing_before_the_date_it_names() -> None:
    text = (
        "乙は,平成15年12月31日,会合に出た。乙は計画を知らなかった。\n"
        "翌日の平成16年1月1日に,丙は計画を告げた。"
    )
    assert isos(text) == [
        ("平成15年12月31日", "2003-12-31"),
        ("翌日", "2004-01-01"),
        ("平成16年1月1日", "2004-01-01"),
    ]
    wrong = "乙は,平成15年12月30日,会合に出た。\n翌日の平成16年1月1日に告げた。"  # they disagree
    assert [s for s, _ in isos(wrong)] == ["平成15年12月30日", "平成16年1月1日"]


def test_same_month_after_a_month_compared_with_is_the_month_described() -> None:
    text = (
        "平成14年12月当時の利用は,同月末の回線数が約9万件であり,前月に比べ約2万件増加して"
        "いたから,同月当時,入力の作業は多かった。"
    )
    assert isos(text) == [
        ("平成14年12月", "2002-12"),
        ("同月末", "2002-12"),
        ("前月", "2002-11"),
        ("同月", "2002-12"),
    ]

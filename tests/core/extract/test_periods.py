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


def test_decimal_hours_are_one_span() -> None:
    assert periods("月7.9時間となった。") == [("7.9時間", {"duration": "PT7H54M", "kind": "期間"})]
    assert periods("月67.08時間となった。") == [
        ("67.08時間", {"duration": "PT67.08H", "kind": "期間"})
    ]


def test_a_fraction_of_months_is_not_read() -> None:
    assert periods("1.5か月を要した。") == []


@pytest.mark.parametrize(
    ("text", "span", "duration"),
    [
        ("事故前6か月間における勤務", "6か月間", "P6M"),
        ("退職前1か月の勤務", "1か月", "P1M"),
        ("受診前1週間以内の症状", "1週間", "P1W"),
    ],
)
def test_lengths_before_an_event(text: str, span: str, duration: str) -> None:
    assert periods(text) == [(span, {"duration": duration, "kind": "期間"})]


@pytest.mark.parametrize(
    ("text", "span", "duration"),
    [
        ("正午に15分の休憩を取った。", "15分", "PT15M"),
        ("30分程度の残業", "30分", "PT30M"),
        ("夜に各15分ずつ休んだ。", "15分", "PT15M"),
        ("休憩は15分単位で記録された。", "15分", "PT15M"),
        ("駅までは約12分,そこから", "約12分", "PT12M"),
    ],
)
def test_minutes_without_kan(text: str, span: str, duration: str) -> None:
    ((got_span, value),) = periods(text)
    assert (got_span, value["duration"]) == (span, duration)


@pytest.mark.parametrize(
    "text",
    [
        "午後1時10分から会議をした。",  # a time of day
        "午後 1時 10分から",
        "年5分の割合による遅延損害金",  # a rate
        "年1割5分の割合",
        "過失割合は100分の30とする。",  # a fraction
        "その3分の1を負担する。",
        "十分な説明をした。",  # enough
        "年5分5厘",
        "その30分後に到着した。",  # an offset
        "損害を3分し,その1を負担",
    ],
)
def test_minutes_that_are_not_lengths(text: str) -> None:
    assert periods(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1日3~4時間の睡眠", [("3", "PT3H"), ("4時間", "PT4H")]),
        ("1~6か月の就労状況", [("1", "P1M"), ("6か月", "P6M")]),
        ("直前2から6か月の労働", [("2", "P2M"), ("6か月", "P6M")]),
        ("7~7.9時間の睡眠", [("7", "PT7H"), ("7.9時間", "PT7H54M")]),
        ("30分ないし40分程度", [("30分", "PT30M"), ("40分", "PT40M")]),
        ("月60~80時間の残業", [("60", "PT60H"), ("80時間", "PT80H")]),
    ],
)
def test_both_ends_of_a_range(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(span, v["duration"]) for span, v in periods(text)] == expected


@pytest.mark.parametrize("text", ["9~3か月", "第1~3か月", "平成元年~3か月"])
def test_not_the_start_of_a_range(text: str) -> None:
    assert [span for span, _v in periods(text)] == ["3か月"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("今後約2年半にわたって", "約2年半", {"duration": "P2Y6M", "kind": "期間", "approx": True}),
        ("1時間半の会議", "1時間半", {"duration": "PT1H30M", "kind": "期間"}),
        ("契約は2年ごとに更新された。", "2年", {"duration": "P2Y", "kind": "期間"}),
        ("契約は1年毎に更新された。", "1年", {"duration": "P1Y", "kind": "期間"}),
    ],
)
def test_half_years_and_renewal_intervals(text: str, span: str, value: dict[str, Any]) -> None:
    assert periods(text) == [(span, value)]


@pytest.mark.parametrize(
    "text",
    [
        "平成3年半ばに転居した。",  # the middle of a year
        "記事の2か月後に出版された。",  # offsets from an event
        "襲撃の約2週間前に用意した。",
        "事故の1か月以上前から",
        "検査の10時間前に服用する。",
    ],
)
def test_offsets_and_year_names_are_not_lengths(text: str) -> None:
    assert periods(text) == []


def test_around_is_not_an_offset() -> None:
    assert periods("平均値は60時間前後であった。") == [
        ("60時間", {"duration": "PT60H", "kind": "期間"})
    ]


@pytest.mark.parametrize(
    ("text", "span", "duration"),
    [
        ("請求権は,事故の時から20年を経過している。", "20年", "P20Y"),
        ("起算点から3年が経過した。", "3年", "P3Y"),
        ("民法の定めは,20年の期間を事故の時から起算する。", "20年", "P20Y"),
        ("上告のための付加期間を30日と定める。", "30日", "P30D"),
        ("百年より永い存続期間の定めのある地上権", "百年", "P100Y"),
        ("三〇年にわたって研究した。", "三〇年", "P30Y"),
        ("2週が経過した後に", "2週", "P2W"),
        ("効力は6月を経過した時に生ずる。", "6月", "P6M"),  # six months, as statutes write
    ],
)
def test_lengths_read_from_what_follows(text: str, span: str, duration: str) -> None:
    assert periods(text) == [(span, {"duration": duration, "kind": "期間"})]


def test_about_a_year_running_on() -> None:
    got = periods("日記は約1年にわたり書かれた。")
    assert got == [("約1年", {"duration": "P1Y", "kind": "期間", "approx": True})]


@pytest.mark.parametrize(
    "text",
    [
        "平成20年を経過した時点で",  # an era year is a year, not twenty years
        "令和2年5月10日を経過した時点で",  # the 10th of May
        "平成10年3月を経過した",  # March
        "2020年の期間",  # a western year
        "同年を経過",
    ],
)
def test_dates_before_elapse_words_are_not_lengths(text: str) -> None:
    assert periods(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "管理職には1か月当たり5000円の手当を支給する。",
        "実働時間に対して1時間につき次のとおり加算する。",
        "1週間当たり40時間を超える労働をした。",
        "被告は1か月単位の変形労働時間制を採用していた。",
    ],
)
def test_a_unit_of_a_rate_is_no_period(text: str) -> None:
    assert [sp for sp, _ in periods(text) if sp.startswith("1")] == []


def test_minutes_in_which_breaks_are_taken_stay_periods() -> None:
    assert periods("休憩は15分単位で取得する。") == [
        ("15分", {"duration": "PT15M", "kind": "期間"})
    ]


@pytest.mark.parametrize(
    ("text", "span", "duration"),
    [
        ("各国で一か月半にわたって取材した。", "一か月半", "P1M15D"),
        ("違反のあった日から2年以内に行う。", "2年", "P2Y"),
        ("その後三〇年に亘って研究した。", "三〇年", "P30Y"),
        ("丙川は約2年の間に5回訪れた。", "約2年", "P2Y"),
        ("その場に約30秒間しゃがみこんだ。", "約30秒間", "PT30S"),
        ("拘置所に来てから半年くらいの間に1回聞こえた。", "半年", "P6M"),
        ("合計45日の入院治療を要した。", "45日", "P45D"),
        ("入院期間中(45日)は全額とする。", "45日", "P45D"),
        ("病院に入院した45日は100%とする。", "45日", "P45D"),
        ("労働能力喪失期間20年とすると,", "20年", "P20Y"),
        ("1.5×12.4622(20年に対応するライプニッツ係数)", "20年", "P20Y"),
    ],
)
def test_lengths_named_by_the_words_around_them(text: str, span: str, duration: str) -> None:
    assert [(sp, v["duration"]) for sp, v in periods(text)] == [(span, duration)]


def test_offsets_and_counts_stay_out() -> None:
    assert periods("その1か月半くらい後から再び使用した。") == []
    assert periods("半年後に退職した。") == []
    assert periods("日額5000円×45日の計算による。") == []
    assert periods("同年7月3日の入院後も症状は続いた。") == []


def test_one_or_two_years_gives_both_ends() -> None:
    assert [(sp, v["duration"]) for sp, v in periods("その後1,2年間は毎日使用した。")] == [
        ("1", "P1Y"),
        ("2年間", "P2Y"),
    ]
    # not a pair: 3,5年間 (the numbers are not consecutive)
    assert [sp for sp, _ in periods("その後3,5年間は使用した。")] == ["5年間"]


@pytest.mark.parametrize(
    ("text", "span", "duration"),
    [
        ("列車は定刻より約10分遅れで到着した。", "約10分", "PT10M"),
        ("列車は駅を6分遅れて発車した。", "6分", "PT6M"),
        ("定刻より2分20秒遅れで出発した。", "2分20秒", "PT2M20S"),
        ("工事は3日遅れで完了した。", "3日", "P3D"),
        ("甲は二〇年来の研究に基づき執筆した。", "二〇年", "P20Y"),
        ("甲は一〇年以上かけて資料を集めた。", "一〇年", "P10Y"),
        ("各地を四〇日かけて取材した。", "四〇日", "P40D"),
        ("業績は過去17年で最悪であった。", "17年", "P17Y"),
    ],
)
def test_delays_and_spans_of_work_are_lengths(text: str, span: str, duration: str) -> None:
    assert [(sp, v["duration"]) for sp, v in periods(text)] == [(span, duration)]


@pytest.mark.parametrize(
    "text",
    [
        "賞与として基本給の3か月分に相当する金額を支払った。",  # months of pay
        "基本給与6か月分の退職手当を支払う。",
        "勤続1年につき1か月分の賃金に相当する額(ただし,12か月を上限とする)",  # its cap
        "減額分は150万円(計算式:月額50万円×3か月)である。",  # a factor of a formula
        "ダイヤは1時間に1本となった。",  # a unit of a rate
        "列車は約3分後に到着した。",  # an offset
        "平成20年来の取引",  # an era year
    ],
)
def test_counts_of_pay_factors_and_rate_units_are_no_lengths(text: str) -> None:
    assert [sp for sp, _ in periods(text) if not sp.startswith("1年")] == []


def test_a_weeks_worth_of_work_is_still_a_length() -> None:
    assert [(sp, v["duration"]) for sp, v in periods("後日,1週間分の週報をまとめて作成した。")] == [
        ("1週間", "P1W")
    ]
    # a cap of months counted on their own is a length
    assert [sp for sp, _ in periods("契約期間は3年間,更新は12か月を上限とする。")] == [
        "3年間",
        "12か月",
    ]


def test_a_range_whose_first_end_carries_its_own_unit() -> None:
    got = [(sp, v["duration"]) for sp, v in periods("大会は九月に二日ないし三日間開かれる。")]
    assert got == [("二日", "P2D"), ("三日間", "P3D")]
    assert [sp for sp, _ in periods("休業は3日から5日間とする。")] == ["3日", "5日間"]
    # a date or an era year opening the range is not its first end
    assert [sp for sp, _ in periods("4月1日から10日間休業した。")] == ["10日間"]
    assert [sp for sp, _ in periods("平成2年から5年間勤務した。")] == ["5年間"]
    assert [sp for sp, _ in periods("1時間から30分間の休憩")] == ["1時間", "30分間"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("届け出ない者は6月以下の懲役に処する。", [("6月", "P6M", "懲役", "以下")]),
        ("1年6月以下の懲役に処する。", [("1年6月", "P1Y6M", "懲役", "以下")]),
        ("10年以下の懲役若しくは禁錮に処する。", [("10年", "P10Y", "懲役", "以下")]),
        ("3年以下の禁固に処する。", [("3年", "P3Y", "禁錮", "以下")]),
        ("2年以上の有期懲役に処する。", [("2年", "P2Y", "懲役", "以上")]),
        (
            "1年以上10年以下の懲役に処する。",
            [("1年", "P1Y", "懲役", "以上"), ("10年", "P10Y", "懲役", "以下")],
        ),
        ("6か月以下の懲役", [("6か月", "P6M", "懲役", "以下")]),
    ],
)
def test_limits_of_a_statutory_penalty(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    got = [(t, v["duration"], v["kind"], v.get("limit")) for t, v in periods(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "span", "duration"),
    [
        ("申立ての前6月以内にした行為", "6月", "P6M"),
        ("その後6月以内に訴えを提起しないとき", "6月", "P6M"),
        ("6月を超えない範囲で定める。", "6月", "P6M"),
        ("2年を超える期間", "2年", "P2Y"),
        ("3年未満の勤務", "3年", "P3Y"),
        ("船頭の経験が3年に満たず,", "3年", "P3Y"),
        ("少なくとも5年以上の経験が必要とされ", "5年", "P5Y"),
        ("10年の実務経験を有する者", "10年", "P10Y"),
        ("勤続10年の表彰を受けた。", "10年", "P10Y"),
        ("在職3年で退職した。", "3年", "P3Y"),
    ],
)
def test_thresholds_and_lengths_of_service(text: str, span: str, duration: str) -> None:
    assert periods(text) == [(span, {"duration": duration, "kind": "期間"})]


@pytest.mark.parametrize(
    "text",
    [
        "平成6年6月以降に退職した。",  # a calendar month
        "平成6年6月以内に",  # a year and month, not a length
        "(平成6年6月以下同じ。)",
        "6月以下同じ。",
        "20年以上前の前科",  # an offset
        "3年以上前から通院していた。",
        "65歳以上の者",  # an age
        "2020年を超えて",  # a year
        "平成10年を超え",
        "勤続10年目の春",  # an ordinal year of service
        "平成3年以下の懲役",
    ],
)
def test_calendar_months_offsets_and_ages_are_not_thresholds(text: str) -> None:
    assert periods(text) == []


def test_statutory_months_are_no_dates() -> None:
    from core.extract.dates import extract_dates

    for text in ("平成20年4月1日の申立て。その前6月以内にした行為", "6月以下の懲役に処する。"):
        assert [text[s.start : s.end] for s in extract_dates(text)] in ([], ["平成20年4月1日"])
        assert [t for t, _v in periods(text)] == ["6月"]


@pytest.mark.parametrize(
    ("text", "span", "duration"),
    [
        ("警備は24時\n間常に行われていた。", "24時\n間", "PT24H"),  # a hard wrap the import kept
        ("休業は3か\n月続いた。", "3か\n月", "P3M"),
        ("転送に約2日かかる計算であった。", "約2日", "P2D"),
        ("修理に3日を要した。", "3日", "P3D"),
        ("工事は2週かかった。", "2週", "P2W"),
    ],
)
def test_units_split_by_a_kept_wrap_and_what_a_task_takes(
    text: str, span: str, duration: str
) -> None:
    got = periods(text)
    assert [t for t, _v in got] == [span]
    assert got[0][1]["duration"] == duration


@pytest.mark.parametrize(
    "text",
    [
        "午後3時\n間もなく到着した。",  # 間もなく opens the next line: a time of day before it
        "同年5月10日かかる費用",  # a date, not a length
    ],
)
def test_a_wrap_before_another_word_or_a_date_is_no_length(text: str) -> None:
    assert periods(text) == []

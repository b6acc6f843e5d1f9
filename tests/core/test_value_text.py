"""Values shown as a paralegal reads them, with the JSON kept for anything unknown."""

from __future__ import annotations

import pytest

from core.value_text import duration_text, value_text


@pytest.mark.parametrize(
    ("label", "value", "shown"),
    [
        ("MONEY", {"yen": 177356440}, "177,356,440円"),
        ("MONEY", {"yen": 500000, "approx": True}, "約500,000円"),
        ("MONEY", {"yen": 500000, "total": True}, "合計500,000円"),
        ("MONEY", {"yen": 5000, "per": "1日"}, "5,000円（1日あたり）"),
        ("MONEY", 6000, "6,000円"),
        ("DATE", {"date": "2019-05-01"}, "2019-05-01"),
        ("DATE", {"date": "2018-04", "approx": "上旬"}, "2018-04（上旬）"),
        ("RATE", {"rate": 0.05, "per": "年"}, "年5%"),
        ("RATE", {"rate": 0.146}, "14.6%"),
        ("PERIOD", {"duration": "P3Y", "kind": "懲役"}, "3年（懲役）"),
        ("PERIOD", {"duration": "P1M15D", "kind": "期間"}, "1か月15日"),
        ("PERIOD", {"duration": "P10Y", "kind": "懲役", "limit": "以下"}, "10年以下（懲役）"),
        ("PERIOD", {"duration": "PT84H18M", "kind": "期間", "approx": True}, "約84時間18分"),
        ("RATE", {"rate": 0.5, "fraction": "1/2"}, "1/2（50%）"),
        ("MONEY", {"yen": 3000, "per": "平方メートル"}, "3,000円（平方メートルあたり）"),
        ("CASE_NUMBER", {"case_number": "令和2年(ワ)第145号", "code": "ワ"}, "令和2年(ワ)第145号"),
        ("COURT", {"court": "東京地方裁判所", "division": "民事第3部"}, "東京地方裁判所民事第3部"),
        ("PARTY", {"role": "原告", "plural": True}, "原告ら"),
        ("PERSON", {"name": "甲野太郎", "role": "裁判官"}, "甲野太郎（裁判官）"),
        ("ORG", {"name": "株式会社乙川商事"}, "株式会社乙川商事"),
        ("EVIDENCE", {"evidence": "甲10の1,18の2", "items": ["甲10の1", "甲18の2"]},
         "甲10の1、甲18の2"),
        ("LAW", {"law": "民法", "article": "709条"}, "民法709条"),
        ("TERM", {"term": "本件契約", "defines": "売買契約"}, "本件契約 ＝ 売買契約"),
        ("SECTION", {"kind": "請求", "level": 1, "number": "第1", "title": "請求"},
         "第1 請求（階層1）"),
        ("SECTION", {"kind": "主文", "level": 0, "number": "", "title": ""}, "主文（階層0）"),
        ("MONEY", {"amount": 3}, '{"amount": 3}'),
        ("MONEY", {"yen": "broken", "approx": True}, "約broken円"),
        ("NEW_LABEL", {"x": "𠮷"}, '{"x": "𠮷"}'),
        ("DATE", None, ""),
    ],
)
def test_value_text(label: str, value: object, shown: str) -> None:
    assert value_text(label, value) == shown


@pytest.mark.parametrize(
    ("iso", "shown"),
    [("P120D", "120日"), ("P6M", "6か月"), ("P2W", "2週間"), ("PT30S", "30秒"), ("X", "X"),
     ("P", "P")],
)
def test_duration_text(iso: str, shown: str) -> None:
    assert duration_text(iso) == shown

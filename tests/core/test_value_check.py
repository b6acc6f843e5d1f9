"""Values checked against their label's value type, with the reason said in Japanese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.value_check import value_problem

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value_type", "value"),
    [
        ("yen", 177356440), ("yen", {"yen": 500000, "approx": True}), ("yen", 0),
        ("rate", 0.05), ("rate", {"rate": 0.146, "per": "年"}), ("rate", 1),
        ("date", "2021-04-01"), ("date", "2019-05"), ("date", {"date": "2020-02-29"}),
        ("duration", "P3Y"), ("duration", {"duration": "P1Y6M", "kind": "懲役"}),
        ("duration", "PT84H18M"), ("duration", "P1M15D"),
        ("case_number", "令和2年(ワ)第145号"), ("court", {"court": "東京地方裁判所"}),
        ("role", "原告"), ("role", {"name": "甲野太郎", "anonymised": True}),
        ("law", {"law": "民法", "article": "709条"}), ("evidence", "甲11の4"),
        ("term", {"term": "本件契約", "defines": "売買契約"}),
        ("section", {"kind": "請求", "level": 1, "number": "第1", "title": "請求"}),
        ("none", {"anything": ["goes"]}), ("text", 12), ("yen", None), ("new_type", "x"),
    ],
)
def test_values_that_fit(value_type: str, value: object) -> None:
    assert value_problem(value_type, value) is None


@pytest.mark.parametrize(
    ("value_type", "value", "said"),
    [
        ("yen", "120万", "0 以上の整数"),
        ("yen", -5, "0 以上の整数"),
        ("yen", 1.5, "0 以上の整数"),
        ("yen", True, "0 以上の整数"),
        ("yen", {"amount": 3}, "yen がありません"),
        ("yen", {"yen": "3"}, "yen の値が合いません"),
        ("rate", "5%", "0 以上の数"),
        ("date", "2021-02-30", "実在する日付"),
        ("date", "2021-4-1", "実在する日付"),
        ("date", "令和3年4月1日", "実在する日付"),
        ("date", {"date": "2021-13"}, "date の値が合いません"),
        ("duration", "3年", "ISO 8601"),
        ("duration", "P", "ISO 8601"),
        ("duration", "PT", "ISO 8601"),
        ("case_number", "", "事件番号"),
        ("role", {"plural": True}, "role か name がありません"),
        ("section", "第1", "kind"),
        ("section", {"kind": "請求", "level": -1}, "level は 0 以上の整数"),
        ("section", {"kind": 3, "level": 1}, "kind は文字列"),
    ],
)
def test_values_that_do_not_fit_say_why(value_type: str, value: object, said: str) -> None:
    problem = value_problem(value_type, value)
    assert problem is not None and said in problem


def test_every_suggested_value_of_the_dev_corpus_fits(corpus: Path) -> None:
    from core.extract.base import extract
    from core.text.pipeline import normalize

    types = {lb["key"]: lb["value_type"]
             for lb in json.loads((ROOT / "resources" / "labels.json").read_text())["labels"]}
    n = 0
    for f in sorted((corpus / "dev").glob("*.json"))[:8]:
        text = normalize(json.loads(f.read_text(encoding="utf-8"))["contents"]).text
        for s in extract(text):
            assert value_problem(types[s.label], s.value) is None, (f.name, s.label, s.value)
            n += 1
    assert n > 1000

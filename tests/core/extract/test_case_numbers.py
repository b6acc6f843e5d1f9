"""CASE_NUMBER: the forms of DOMAIN §2, fictional numbers."""

from __future__ import annotations

import pytest

from core.extract.case_numbers import extract_case_numbers, parse


def found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.value["case_number"]) for s in extract_case_numbers(text)]


@pytest.mark.parametrize(
    ("text", "span", "canonical"),
    [
        ("令和2年(ワ)第145号　損害賠償請求事件", "令和2年(ワ)第145号", "令和2年(ワ)第145号"),
        ("令和元年（ネ）第１００４４号", "令和元年（ネ）第１００４４号", "令和1年(ネ)第10044号"),
        ("事件番号令和2(ワ)145\n", "令和2(ワ)145", "令和2年(ワ)第145号"),
        ("令和０１年（受）第０１０５５号", "令和０１年（受）第０１０５５号", "令和1年(受)第1055号"),
        ("平成26年特(わ)第914号", "平成26年特(わ)第914号", "平成26年特(わ)第914号"),
        ("令和2（を）新102", "令和2（を）新102", "令和2年(を)新第102号"),
        (
            "令和　元　（　行ツ　）　１６４",
            "令和　元　（　行ツ　）　１６４",
            "令和1年(行ツ)第164号",
        ),
        ("昭和五三年(オ)第一一三一号", "昭和五三年(オ)第一一三一号", "昭和53年(オ)第1131号"),
        ("平成17年(少コ)第28号", "平成17年(少コ)第28号", "平成17年(少コ)第28号"),
    ],
)
def test_forms(text: str, span: str, canonical: str) -> None:
    assert found(text) == [(span, canonical)]


def test_value_fields() -> None:
    (s,) = extract_case_numbers("平成26年特(わ)第914号")
    assert s.value == {
        "case_number": "平成26年特(わ)第914号",
        "era": "平成",
        "year": 26,
        "code": "わ",
        "serial": 914,
        "prefix": "特",
    }
    (s,) = extract_case_numbers("令和2（を）新102")
    assert s.value["suffix"] == "新"


def test_joined_numbers_resolve_year_and_code() -> None:
    text = "令和2年(ワ)第145号,同年(ワ)第2045号及び令和3年(ワ)第7号,同第9号"
    assert found(text) == [
        ("令和2年(ワ)第145号", "令和2年(ワ)第145号"),
        ("令和3年(ワ)第7号", "令和3年(ワ)第7号"),
        ("同第9号", "令和3年(ワ)第9号"),
        ("同年(ワ)第2045号", "令和2年(ワ)第2045号"),
    ]


@pytest.mark.parametrize("joint", [",", "、", "及び", "・", "並びに"])
def test_a_bare_serial_joined_to_a_case_number_takes_its_year_and_code(joint: str) -> None:
    text = f"令和4年(ワ)第300号{joint}第512号"
    assert found(text) == [
        ("令和4年(ワ)第300号", "令和4年(ワ)第300号"),
        ("第512号", "令和4年(ワ)第512号"),
    ]
    # an exhibit number after a case number is not a case number
    assert len(found("令和4年(ワ)第300号,第5号証")) == 1


def test_same_year_after_a_date() -> None:
    text = "甲野太郎は平成4年3月1日に起訴された(同年(わ)第40号)。"
    assert found(text) == [("同年(わ)第40号", "平成4年(わ)第40号")]


@pytest.mark.parametrize(
    "text",
    ["昭和65年(ワ)第1号", "平成0年(ワ)第1号", "令和100年(ワ)第1号", "平成11年(ネ)第19\n55号"],
)
def test_refused(text: str) -> None:
    assert found(text) == []


def test_date_after_a_cited_number_is_not_a_number() -> None:
    text = "最高裁昭和29年(オ)第63号同31年7月20日判決"
    assert found(text) == [("昭和29年(オ)第63号", "昭和29年(オ)第63号")]


def test_codeless_header_line() -> None:
    (s,) = extract_case_numbers("平成27 106号  殺人被告事件\n")
    assert s.value["code"] is None and s.value["case_number"] == "平成27年第106号"


def test_parse_metadata_form() -> None:
    v = parse("令和1刑(わ)3562")
    assert v is not None and v["case_number"] == "令和1年刑(わ)第3562号"
    assert parse("損害賠償請求事件") is None

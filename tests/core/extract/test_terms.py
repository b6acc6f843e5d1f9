"""TERM: defined terms and what they stand for."""

from __future__ import annotations

import pytest

from core.extract.terms import extract_terms


def found(text: str) -> list[tuple[str, dict[str, str]]]:
    return [(text[s.start : s.end], s.value) for s in extract_terms(text)]


@pytest.mark.parametrize(
    ("text", "term", "defines"),
    [
        (
            "原告と被告は売買契約(以下「本件契約」という。)を締結した。",
            "本件契約",
            "原告と被告は売買契約",
        ),
        ("乙山花子との委託契約(以下,「本件委託」という。)", "本件委託", "乙山花子との委託契約"),
        ("各口座(以下,併せて「本件口座」という。)", "本件口座", "各口座"),
        ("同年6月の取得行為を「6月の取得」という。", "6月の取得", "同年6月の取得行為"),
        ("甲野太郎及び乙山花子を「原告ら」と総称する。", "原告ら", "甲野太郎及び乙山花子"),
        ("丙川商事株式会社(「丙川」ともいう。)", "丙川", "丙川商事株式会社"),
        ("本件建物の一室(以下,本件居室という。)の賃貸", "本件居室", "本件建物の一室"),
        ("基準(平成元年通達(資)1号。以下「評価基準」という。)", "評価基準", "基準"),
    ],
)
def test_forms(text: str, term: str, defines: str) -> None:
    assert found(text) == [(term, {"term": term, "defines": defines})]


def test_two_terms_in_one_parenthesis() -> None:
    got = found("第1土地(以下「土地1」といい,両土地を併せて「本件各土地」という。)")
    assert [t for t, _v in got] == ["土地1", "本件各土地"]
    assert got[1][1]["defines"] == "両土地"


def test_wrapped_term_is_skipped() -> None:
    assert found("(以下「本件プロ\nパティ」という。)") == []


def test_defines_stops_at_a_heading_line_and_skips_a_long_wrap() -> None:
    heading = "第2　事案の概要\n丙野次郎(以下「丙野」という。)の証言"
    assert found(heading) == [("丙野", {"term": "丙野", "defines": "丙野次郎"})]
    wrap = "被告は原告に対し平成30年1月に締結された土地の賃貸借に関する本件の\n合意書(以下「本件合意書」という。)"
    (_, value), = found(wrap)
    assert value["defines"] == "被告は原告に対し平成30年1月に締結された土地の賃貸借に関する本件の合意書"[-40:]

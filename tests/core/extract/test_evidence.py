"""EVIDENCE: exhibits, lists with inherited prefixes, ranges."""

from __future__ import annotations

import pytest

from core.extract.evidence import extract_evidence


def found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.value["evidence"]) for s in extract_evidence(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(甲1)", [("甲1", "甲1")]),
        ("(乙3の2)", [("乙3の2", "乙3の2")]),
        ("甲第1号証", [("甲第1号証", "甲1")]),
        ("甲第3号証の2", [("甲第3号証の2", "甲3の2")]),
        ("(甲第2,第12号証)", [("甲第2", "甲2"), ("第12号証", "甲12")]),
        ("(弁1)", [("弁1", "弁1")]),
        ("(甲10の1,18の2)", [("甲10の1", "甲10の1"), ("18の2", "甲18の2")]),
        ("(乙7の6,乙7の7)", [("乙7の6", "乙7の6"), ("乙7の7", "乙7の7")]),
        ("(乙A17)", [("乙A17", "乙A17")]),
        ("（甲１１の４）", [("甲１１の４", "甲11の4")]),
        ("(甲67の3頁)", [("甲67", "甲67")]),
        ("(甲1,2頁)", [("甲1", "甲1")]),
        ("(甲14,原告本人,弁論の全趣旨)", [("甲14", "甲14"), ("弁論の全趣旨", "弁論の全趣旨")]),
    ],
)
def test_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_range_with_branches_is_one_span() -> None:
    (s,) = extract_evidence("(乙7の1~16)")
    assert (s.value["from"], s.value["to"]) == ("乙7の1", "乙7の16")
    assert s.value["items"][:2] == ["乙7の1", "乙7の2"] and len(s.value["items"]) == 16


def test_range_ないし_and_号証() -> None:
    (s,) = extract_evidence("乙第1号証ないし第3号証")
    assert s.value["items"] == ["乙1", "乙2", "乙3"]


def test_not_evidence() -> None:
    assert found("被告人甲1名と甲野太郎,甲事件原告ら,甲第1号") == []

"""LAW: statutes with articles, lists, 同法, qualifiers, law numbers."""

from __future__ import annotations

from core.extract.laws import extract_laws


def found(text: str) -> list[tuple[str, dict[str, object]]]:
    return [(text[s.start : s.end], s.value) for s in extract_laws(text)]


def test_simple_and_第_forms() -> None:
    assert found("被告は民法第709条に基づき") == [
        ("民法第709条", {"law": "民法", "article": "709条"})
    ]
    assert found("民法七〇九条") == [("民法七〇九条", {"law": "民法", "article": "709条"})]


def test_list_inherits_law_and_levels() -> None:
    assert found("民事訴訟法61条,64条本文,65条1項本文") == [
        ("民事訴訟法61条", {"law": "民事訴訟法", "article": "61条"}),
        ("64条本文", {"law": "民事訴訟法", "article": "64条本文"}),
        ("65条1項本文", {"law": "民事訴訟法", "article": "65条1項本文"}),
    ]
    assert found("民法709条1項,2項")[1] == ("2項", {"law": "民法", "article": "709条2項"})


def test_same_law_resolved() -> None:
    got = found("刑法45条前段の併合罪であるから,同法47条本文,10条により")
    assert got == [
        ("刑法45条前段", {"law": "刑法", "article": "45条前段"}),
        ("同法47条本文", {"law": "刑法", "article": "47条本文"}),
        ("10条", {"law": "刑法", "article": "10条"}),
    ]


def test_qualifier_and_bare_known_law() -> None:
    got = found("平成29年法律第44号による改正前の民法415条及び同民法所定の利率")
    assert got[0] == (
        "民法415条",
        {"law": "民法", "article": "415条", "qualifier": "平成29年法律第44号による改正前"},
    )
    got = found("平成29年法律第44号による改正前の民法所定の年5分")
    assert got == [("民法", {"law": "民法", "qualifier": "平成29年法律第44号による改正前"})]


def test_alias_from_definition() -> None:
    text = "丙川の保護に関する法律(以下「丙川法」という。)は,丙川法7条1項で定める。"
    got = [v for _t, v in found(text) if "article" in v]
    assert got == [{"law": "丙川法", "article": "7条1項", "full": "丙川の保護に関する法律"}]


def test_law_number() -> None:
    assert found("平成8年通商産業省告示第362号") == [
        ("平成8年通商産業省告示第362号", {"law": "平成8年通商産業省告示第362号"})
    ]


def test_not_laws() -> None:
    assert found("その方法は違法であり,第3条件を満たさない") == []

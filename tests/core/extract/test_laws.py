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


def test_heading_before_a_line_break_is_not_part_of_the_name() -> None:
    got = found("3  併合罪の処理\n刑法45条前段の併合罪である。\n5  日数の算入\n刑法21条を適用")
    assert got == [
        ("刑法45条前段", {"law": "刑法", "article": "45条前段"}),
        ("刑法21条", {"law": "刑法", "article": "21条"}),
    ]
    got = found(
        "(3)  甲の関係\n同法214条との関係",
    )
    assert got == []  # 同法 with nothing named before it resolves to nothing


def test_a_known_name_cut_by_a_line_wrap_is_valued_whole() -> None:
    got = found("これは地方自\n治法242条に反する")
    assert got == [("治法242条", {"law": "地方自治法", "article": "242条"})]


def test_word_glued_before_same_law() -> None:
    got = found("刑法10条がある。\n(2)  甲との関係\n同法214条との関係")
    assert got[1] == ("同法214条", {"law": "刑法", "article": "214条"})


def test_same_law_skips_orders_and_same_order_takes_them() -> None:
    text = (
        "丙川計画法施行令第25条第2号ただし書の定めがある。丁山基準法上の道路は,"
        "建築制限(同法44条)を受け,同令26条にも従う。"
    )
    got = found(text)
    assert ("丙川計画法施行令第25条第2号ただし書", {
        "law": "丙川計画法施行令", "article": "25条2号ただし書"}) in got  # fmt: skip
    assert ("同法44条", {"law": "丁山基準法", "article": "44条"}) in got
    assert ("同令26条", {"law": "丙川計画法施行令", "article": "26条"}) in got


def test_same_law_takes_a_known_law_named_without_article() -> None:
    got = found("相続税法22条がある。建築基準法上の道路は,建築制限(同法44条)を受ける。")
    assert got == [
        ("相続税法22条", {"law": "相続税法", "article": "22条"}),
        ("建築基準法", {"law": "建築基準法"}),
        ("同法44条", {"law": "建築基準法", "article": "44条"}),
    ]


def test_bare_names_known_or_act_of_a_cited_order() -> None:
    got = found("丙川計画法施行令3条による。被相続人は丙川計画法所定の許可を受けた。")
    assert got[-1] == ("丙川計画法", {"law": "丙川計画法"})
    assert found("原告は医療法人であり,方法は違法である。") == []
    assert found("都市計画法等の法令上の制約") == [("都市計画法", {"law": "都市計画法"})]


def test_company_rules_are_not_marked_alone() -> None:
    got = found("就業規則36条に定める者である。被告の就業規則には定めがない。")
    assert got == [("就業規則36条", {"law": "就業規則", "article": "36条"})]


def test_same_rules_word() -> None:
    got = found("給与規程25条に従って,同規程22条による。")
    assert got[1] == ("同規程22条", {"law": "給与規程", "article": "22条"})


def test_supplementary_provision_of_a_defined_law_number() -> None:
    text = (
        "平成29年法律第44号(以下「改正法」という。)の施行日前に(改正法附則17条3項参照),改正法による"
    )
    got = found(text)
    assert ("改正法附則17条3項", {
        "law": "改正法", "article": "附則17条3項", "full": "平成29年法律第44号"}) in got  # fmt: skip
    assert not any(t == "改正法" for t, _v in got)  # a defined abbreviation alone


def test_title_with_hiragana() -> None:
    got = found("被告は,丙川の保護に関する法律7条1項に違反した。")
    assert got == [
        ("丙川の保護に関する法律7条1項", {"law": "丙川の保護に関する法律", "article": "7条1項"})
    ]


def test_branch_articles() -> None:
    got = found("丙川法31条の2及び10条の3第1項")
    assert [v["article"] for _t, v in got] == ["31条の2", "10条の3第1項"]


def test_unknown_act_named_alone_is_what_same_law_means() -> None:
    got = found("なお,丁原公示法は,価格を公示するものとし(同法1条),")
    assert got == [("同法1条", {"law": "丁原公示法", "article": "1条"})]


def test_alias_phrase_without_heading_marker_or_conjunction() -> None:
    text = "ア  丙川に対する丁の制限に関する法律(以下「制限法」という。)との関係。制限法3条"
    got = found(text)
    assert got[-1][1]["full"] == "丙川に対する丁の制限に関する法律"


def test_known_name_defined_as_an_abbreviation_is_not_marked_alone() -> None:
    text = "個人情報の保護に関する法律(以下,「個人情報保護法」という。)は,個人情報保護法20条で"
    got = found(text)
    assert [t for t, _v in got] == ["個人情報保護法20条"]
    assert found("個人情報保護法上の義務") == [("個人情報保護法", {"law": "個人情報保護法"})]

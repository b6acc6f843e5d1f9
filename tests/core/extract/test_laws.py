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
    assert got == [
        ("民法", {"law": "民法", "qualifier": "平成29年法律第44号による改正前"}),
        ("平成29年法律第44号", {"law": "平成29年法律第44号"}),  # outside the law's span
    ]


def test_alias_from_definition() -> None:
    text = "丙川の保護に関する法律(以下「丙川法」という。)は,丙川法7条1項で定める。"
    got = [v for _t, v in found(text) if "article" in v]
    assert got == [{"law": "丙川法", "article": "7条1項", "full": "丙川の保護に関する法律"}]


def test_law_number_but_not_a_ministry_notice() -> None:
    assert found("平成8年政令第362号") == [("平成8年政令第362号", {"law": "平成8年政令第362号"})]
    assert found("丙川評価基準(昭和38年丁川省告示第158号。以下「基準」という。)") == []


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


def test_company_rules_are_no_law() -> None:
    assert found("就業規則36条に定める者である。被告の就業規則には定めがない。") == []
    assert found("給与規程25条に従って,同規程22条及び23条による。") == []
    assert found("乗船場では丙川安全管理規程19条2項に定める補助者であった。") == []
    # a public body's rules stay laws
    assert found("国家公務員倫理規程5条,民事訴訟規則3条") == [
        ("国家公務員倫理規程5条", {"law": "国家公務員倫理規程", "article": "5条"}),
        ("民事訴訟規則3条", {"law": "民事訴訟規則", "article": "3条"}),
    ]


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
    # the full title is a statute name written in full; the abbreviation in 「」 is not
    assert [t for t, _v in got] == ["個人情報の保護に関する法律", "個人情報保護法20条"]
    assert found("個人情報保護法上の義務") == [("個人情報保護法", {"law": "個人情報保護法"})]


def test_amending_act_is_one_name() -> None:
    text = "丙川保護法5条による。平成9年に成立した丙川保護法の一部を改正する法律(平成9年法律第12号)"
    got = found(text)
    assert ("丙川保護法の一部を改正する法律", {"law": "丙川保護法の一部を改正する法律"}) in got
    assert ("平成9年法律第12号", {"law": "平成9年法律第12号"}) in got
    assert ("丙川保護法", {"law": "丙川保護法"}) not in got  # not the act inside the name


def test_long_title_wins_over_the_name_inside_it() -> None:
    text = (
        "建築基準法5条による。旧建築基準法に基づく処分を受けた者に対する給付金の支給等に関する法律"
        "(以下「給付金法」という。)が制定された。"
    )
    title = "旧建築基準法に基づく処分を受けた者に対する給付金の支給等に関する法律"
    got = found(text)
    assert got[1:] == [(title, {"law": title})]
    # a title with no definition, no number and no article anywhere stays unmarked
    assert found("丙川の保護に関する法律が議論された。") == []


def test_statute_named_in_quotes() -> None:
    got = found("題名が「丁川保護法」に改められた。以下「丙川法」という。「違法」である。")
    assert got == [("丁川保護法", {"law": "丁川保護法"})]


def test_law_number_describing_the_law_before_it() -> None:
    got = found("丙川保護法(平成8年法律第105号による改正前のもの。以下「旧法」という。)")
    assert ("平成8年法律第105号", {"law": "平成8年法律第105号"}) in got
    # a number that qualifies the name after it stands outside that name's span
    got = found("平成8年法律第105号による改正前の丙川保護法2条の規定")
    assert ("平成8年法律第105号", {"law": "平成8年法律第105号"}) in got


def test_bare_articles_continue_the_law_of_the_sentence() -> None:
    text = (
        "丙川保護法5条による。旧丙川保護法は,平成8年に改正され,題名が「丁川保護法」に"
        "改められるとともに,1条及び2条1項の文言が変更され,第2章の標題及び3条1項の記載が"
        "改められ,同項1号ないし3号及び4条ないし13条が削除された(乙1)。"
    )
    got = [
        (t, v["article"]) for t, v in found(text) if v.get("article") and v["law"] == "丙川保護法"
    ]
    assert got == [
        ("丙川保護法5条", "5条"), ("1条", "1条"), ("2条1項", "2条1項"), ("3条1項", "3条1項"),
        ("同項1号", "3条1項1号"), ("3号", "3条1項3号"), ("4条", "4条"), ("13条", "13条"),
    ]  # fmt: skip
    assert found("丙川保護法12条の申請ないし4条の申請")[1] == (
        "4条",
        {"law": "丙川保護法", "article": "4条"},
    )


def test_bare_articles_without_a_law_in_their_sentence_stay_unmarked() -> None:
    assert found("民法1条による。本件契約の解除は,5条及び6条による。") == [
        ("民法1条", {"law": "民法", "article": "1条"})
    ]
    # a rule book between the law and the article: the article is the rule book's
    text = (
        "海上運送法10条の3は重要であり,本件会社の安全管理規程においても,周知するとされている(6条)。"
    )
    assert [t for t, _v in found(text)] == ["海上運送法10条の3"]
    # `同項` after an article with no paragraph refers to something else
    assert [t for t, _v in found("民法16条による。また,(同項6号)")] == ["民法16条"]


def test_article_range_gives_both_ends() -> None:
    assert found("時効停止の規定(民法158~160条)の法意") == [
        ("民法158", {"law": "民法", "article": "158条"}),
        ("160条", {"law": "民法", "article": "160条"}),
    ]


def test_defined_short_form_cites_its_law() -> None:
    text = "1　土地の評価に関する地方税法(以下「法」という。)の規定\n価格は法三四九条一項による。"
    got = [v for _t, v in found(text) if "article" in v]
    assert got == [{"law": "法", "article": "349条1項", "full": "地方税法"}]
    assert [v for _t, v in found("価格は法三四九条一項による。") if "article" in v] == []


def test_a_definition_closing_its_bracket_does_not_end_the_sentence() -> None:
    text = (
        "丙川の利用を規制する法律(以下「本法」という。)は,丙川事業を定義した上で(2条2号),"
        "届け出なければならない旨を定め(7条1項),罰則を定めている(32条1号)。"
    )
    got = [(t, v["article"]) for t, v in found(text) if v.get("law") == "本法"]
    assert got == [("2条2号", "2条2号"), ("7条1項", "7条1項"), ("32条1号", "32条1号")]


def test_a_defined_long_title_is_marked_in_the_case_title() -> None:
    text = (
        "平成23年(あ)第1号  丙川の利用の規制等に関する法律違反被告事件\n理由\n"
        "丙川の利用の規制等に関する法律(以下「本法」という。)は,本法2条により定める。"
    )
    title = "丙川の利用の規制等に関する法律"
    assert found(text)[:2] == [(title, {"law": title})] * 2  # the case title's and the definition's


def test_same_article_skips_an_aside_in_brackets() -> None:
    text = (
        "丙川運送法10条の3(同法44条)では,事業者は規程を定め,届け出るとともに(同条1項及び2項),"
        "管理者を選任しなければならない(同条2項4号)。"
    )
    got = [(t, v["article"]) for t, v in found(text)]
    assert got == [
        ("丙川運送法10条の3", "10条の3"),
        ("同法44条", "44条"),
        ("同条1項", "10条の3第1項"),
        ("2項", "10条の3第2項"),
        ("同条2項4号", "10条の3第2項4号"),
    ]
    # an article cited in a closed bracket is not what a later 同条 outside it means
    got = [
        (t, v["article"]) for t, v in found("民法709条の責任(民法715条1項参照)は,同条2項による。")
    ]
    assert got[-1] == ("同条2項", "709条2項")


def test_same_article_in_a_sibling_bracket() -> None:
    text = (
        "丙川の規制に関する法律(以下「丙川法」という。)は,指示(13条),停止命令(14条1項),"
        "廃止命令(同条2項)を定める。"
    )
    got = [(t, v["article"]) for t, v in found(text) if "article" in v]
    assert got == [("13条", "13条"), ("14条1項", "14条1項"), ("同条2項", "14条2項")]


def test_bracketed_article_continues_the_law_of_its_paragraph() -> None:
    text = (
        "丙川の規制に関する法律(以下「丙川法」という。)は,指示(13条)を定める。そして,本件制度は,"
        "所在地等の事項(7条1項1ないし5号)や実施方法に関する事項(同項6号)を届け出させる。"
        "\n別の段落である(8条)。"
    )
    got = [(t, v["article"]) for t, v in found(text) if "article" in v]
    assert got == [
        ("13条", "13条"),
        ("7条1項1", "7条1項1号"),
        ("5号", "7条1項5号"),
        ("同項6号", "7条1項6号"),
    ]


def test_range_whose_first_end_leaves_its_unit_out() -> None:
    got = [(t, v["article"]) for t, v in found("民法7条1項1ないし5号,同項1ないし3号")]
    assert got == [
        ("民法7条1項1", "7条1項1号"),
        ("5号", "7条1項5号"),
        ("同項1", "7条1項1号"),
        ("3号", "7条1項3号"),
    ]


def test_paragraph_written_with_its_ordinal_continues_the_list() -> None:
    got = [(t, v["article"]) for t, v in found("丙川運送法10条の3第1項及び第2項に基づき")]
    assert got == [("丙川運送法10条の3第1項", "10条の3第1項"), ("第2項", "10条の3第2項")]


def test_old_prefix_of_an_abbreviation_for_a_repealed_act_is_kept() -> None:
    text = (
        "丙川法(大正11年法律第71号。以下「旧丙川法」という。)72条5号に当たる。"
        "制度趣旨は旧丙川法におけるそれと同様である。\n第1項  旧丙川法72条5号にいう行為"
    )
    got = [(t, v["law"], v.get("article")) for t, v in found(text)]
    assert ("旧丙川法72条5号", "旧丙川法", "72条5号") in got
    assert all(t != "丙川法" for t, _law, _art in got)  # the abbreviation alone is unmarked
    # an earlier wording of the same act goes by the act's name
    text = (
        "丙川法(平成8年法律第105号による改正前のもの。以下「旧丙川法」という。)による。"
        "旧丙川法4条による。"
    )
    assert ("丙川法4条", {"law": "丙川法", "article": "4条"}) in found(text)


def test_current_wording_in_brackets_cites_the_law_before() -> None:
    text = "改正前の地方自治法245条4項(現行法の245条の4第1項参照)の助言として"
    assert found(text)[-1] == ("245条の4第1項", {"law": "地方自治法", "article": "245条の4第1項"})

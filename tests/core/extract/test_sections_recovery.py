"""SECTION: recovering the tree where the PDF lost markers, quoted items, glued markers."""

from __future__ import annotations

import pytest

from core.extract.sections import extract_sections
from tests.core.extract.sections_helpers import numbers


@pytest.mark.parametrize(
    "lines",
    [
        "ア　甲について\n本件では,\nイセンスの付与はない。",  # `…ラ⏎イセンス`-like: after a comma
        "ア　甲について\n本件のラ\nイセンスの付与はない。",  # a katakana word broken across lines
        "ア　甲について\n前記(1)\nイのとおりである。",  # a reference to item イ
    ],
)
def test_wrapped_words_are_not_the_expected_sibling(lines: str) -> None:
    assert numbers("理由\n" + lines + "\n") == [(0, ""), (1, "ア")]


def test_reference_to_a_sub_item_is_not_a_heading() -> None:
    text = "理由\n⑴　甲\n本件は前記⑴\n⑵ウのとおりである。\n"
    assert numbers(text) == [(0, ""), (1, "⑴")]


def test_items_after_a_sentence_opener_without_space() -> None:
    text = (
        "理由\n第1　判断\n1　争点1について\n(1)丙川は,歩道を通行した。\n"
        "(2)もっとも,丁山も注意を欠いた。\n(3)なお,損害は別に判断する。\n"
    )
    assert numbers(text) == [(0, ""), (1, "第1"), (2, "1"), (3, "(1)"), (3, "(2)"), (3, "(3)")]
    # a particle after a marker is still a sentence going on (`(2)も同様である`)
    assert numbers("理由\n第1　判断\n(2)も同様である。\n") == [(0, ""), (1, "第1")]


def test_items_quoted_inside_an_amending_item() -> None:
    text = (
        "理由\n第1　判断\n1　原判決の補正\n(1)　原判決10頁の末尾に,次のとおり付加する。\n"
        "「(9)　丙川報告書の内容\nア　長時間の労働は負担となる。\nイ　睡眠が不足する。\n"
        "(10)　丁山報告書の内容\nア　評価期間は6か月である。」\n"
        "(2)　原判決12頁を,次のとおり改める。\n「ウ　もっとも,上記供述は採用できない。\n"
        "したがって,請求は理由がない。」\n(3)　原判決13頁を削る。\n"
    )
    assert numbers(text) == [
        (0, ""), (1, "第1"), (2, "1"), (3, "(1)"),
        (4, "(9)"), (5, "ア"), (5, "イ"), (4, "(10)"), (5, "ア"),
        (3, "(2)"), (4, "ウ"), (3, "(3)"),
    ]  # fmt: skip


def test_a_quote_closed_on_its_own_line_is_no_block() -> None:
    text = "理由\n第1　判断\n1　甲\n「ア　乙」と述べた。\n2　丙\n"
    assert numbers(text) == [(0, ""), (1, "第1"), (2, "1"), (2, "2")]


def test_a_one_line_quoted_item_after_an_announcing_line_nests() -> None:
    text = (
        "理由\n第1　判断\n1　原判決の補正\n(1)　原判決5頁の後に改行して次のとおり加える。\n"
        "「ウ　丙川の主張は争う。」\n(2)　原判決7頁を削る。\n"
    )
    assert numbers(text) == [(0, ""), (1, "第1"), (2, "1"), (3, "(1)"), (4, "ウ"), (3, "(2)")]
    # the same quote after a line that announces nothing is a quotation, not an item
    plain = text.replace("後に改行して次のとおり加える。", "記載を見る。")
    assert numbers(plain) == [(0, ""), (1, "第1"), (2, "1"), (3, "(1)"), (3, "(2)")]


def test_a_second_item_whose_first_was_lost_opens_its_level() -> None:
    text = (
        "理由\n第1　判断\n1　甲について\n丙川の主張を検討する。\n(2)　時期について\n"
        "ア　丁山は遅れた。\nイ　戊田も遅れた。\n(3)　額について\nア　額は少ない。\n2　乙について\n"
    )
    assert numbers(text) == [
        (0, ""), (1, "第1"), (2, "1"), (3, "(2)"), (4, "ア"), (4, "イ"),
        (3, "(3)"), (4, "ア"), (2, "2"),
    ]  # fmt: skip
    # without a later sibling a lone (2) stays a paragraph of its parent
    alone = "理由\n第1　判断\n1　甲について\n(2)　時期について\nア　丁山は遅れた。\n2　乙\n"
    assert numbers(alone) == [(0, ""), (1, "第1"), (2, "1"), (3, "ア"), (2, "2")]


def test_a_level_opened_without_its_first_item_tolerates_one_more_gap() -> None:
    text = (
        "理由\n第1　判断\n1　甲について\n⑵　起算点について\nア　丙川は知っていた。\n"
        "イ　丁山も知っていた。\nア　適用の制限について検討する。\nイ　制限されない。\n"
        "⑷　まとめ\n2　乙について\n"
    )
    got = numbers(text)
    assert (3, "⑵") in got and (3, "⑷") in got
    assert [n for lv, n in got if lv == 4] == ["ア", "イ", "ア", "イ"]
    # a level opened by its own first item still wants each next sibling
    strict = text.replace("⑵　起算点", "⑴　起算点")
    assert (3, "⑷") not in numbers(strict)


def test_a_first_item_glued_to_its_heading_line() -> None:
    text = (
        "別紙\n医学的知見\n1　総論\n2　関節炎(甲1,乙2)(1)　意義\n関節炎とは,関節の炎症である。\n"
        "(2)　原因\nア　細菌が入る。\nイ　血流から入る。\n(3)　治療\n3　予後\n"
    )
    assert numbers(text) == [
        (0, ""), (1, "1"), (1, "2"), (2, "(1)"), (2, "(2)"), (3, "ア"), (3, "イ"),
        (2, "(3)"), (1, "3"),
    ]  # fmt: skip
    spans = {s.value["number"]: s for s in extract_sections(text)}
    assert text[spans["(1)"].start : spans["(1)"].end].startswith("(1)")
    # a `(1)` with no `(2)` on a later line, or inside a bracket, is a reference
    assert (2, "(1)") not in numbers(text[: text.find("(2)")])
    inside = text.replace("(甲1,乙2)(1)　意義", "(甲1,乙2の(1)　参照)")
    assert [n for lv, n in numbers(inside) if n == "(1)"] == []


@pytest.mark.parametrize("glyph", ["l", "I"])
def test_item_one_printed_as_a_latin_glyph(glyph: str) -> None:
    text = (
        f"理由\n第一　判断\n一　時価について\n{glyph}甲三号証によれば,価格は下落した。\n"
        "2　本件評価は,時点修正をした。\n二　結論\n"
    )
    spans = [s for s in extract_sections(text) if s.value["level"] == 3]
    assert [(s.value["number"], text[s.start : s.end]) for s in spans] == [("1", glyph), ("2", "2")]
    # without the `2` that follows, the letter stays text
    assert numbers(text.replace("2　本件評価", "本件評価")) == [
        (0, ""), (1, "第一"), (2, "一"), (2, "二")
    ]  # fmt: skip


def test_an_item_under_an_unmarked_heading_keeps_its_true_depth() -> None:
    # ア right under `1`, after a heading line whose `(1)` the source lost: one level deeper
    text = (
        "理由\n第1　判断\n1　前提事実\n次のとおりである。\n甲野の経歴等\n"
        "ア　甲野は東京で生まれた。\nイ　甲野は大阪に移った。\n乙山の経歴等\nア　乙山は京都で生まれた。\n"
        "2　検討\nア　甲野の供述は信用できる。\n"
    )
    assert numbers(text) == [
        (0, ""), (1, "第1"), (2, "1"), (4, "ア"), (4, "イ"), (4, "ア"),
        (2, "2"), (3, "ア"),
    ]  # fmt: skip
    # a (b) list right under ウ after an unmarked heading skips (ア) the same way
    latin = "理由\n第1　判断\n1　認定\nア　甲\nイ　乙\nウ　支店長について\n権限の内容について\na　人事権\nb　予算\n"
    assert [lv for lv, n in numbers(latin) if n in ("a", "b")] == [5, 5]
    # after a sentence, or right after its parent's heading, the item is not moved
    sentence = text.replace("甲野の経歴等\n", "").replace("乙山の経歴等\n", "")
    assert [lv for lv, n in numbers(sentence) if n in ("ア", "イ")] == [3, 3, 3, 3]
    bracket = text.replace("甲野の経歴等", "(甲1,乙2)")
    assert [lv for lv, n in numbers(bracket) if n in ("ア", "イ")][:2] == [3, 3]


def test_a_dotted_number_is_no_sibling_of_a_plain_one() -> None:
    # `2.` of a regulation quoted under item ア does not close ア and continue the `1` list
    text = (
        "理由\n第1　事案\n1　前提事実\n⑴　規程の定め\nア　給与規程\n第9条(本給)\n本給は次の通りとする。\n"
        "1.年齢給\n年齢により定める。\n2.職能給\n等級により定める。\nイ　人事考課\n⑵　労働条件\n2　争点\n"
    )
    assert numbers(text) == [
        (0, ""), (1, "第1"), (2, "1"), (3, "⑴"), (4, "ア"), (4, "イ"), (3, "⑵"), (2, "2"),
    ]  # fmt: skip
    # a list written `1.` `2.` throughout is still a list
    dotted = "理由\n第1　判断\n1.　甲について\n2.　乙について\n"
    assert numbers(dotted) == [(0, ""), (1, "第1"), (2, "1."), (2, "2.")]


def test_item_a_printed_as_a_capital() -> None:
    text = "理由\n第1　判断\n1　責任\n(ア)　使用者責任\nA　甲野は責任を負う。\nb　乙山も責任を負う。\n(イ)　結論\n"
    assert numbers(text)[-3:] == [(4, "A"), (4, "b"), (3, "(イ)")]
    # without `b` after it, a capital A stays text
    alone = text.replace("b　乙山", "乙山")
    assert "A" not in [n for _, n in numbers(alone)]


def test_items_glued_after_an_evidence_note_that_ended_their_paragraph() -> None:
    # right-aligned notes `(甲3)` lost their line break: the next item follows on the line
    text = (
        "理由\n第1　判断\n1　認定事実\n(1)丙川商事の業績について\nア  丙川商事は衣料を販売する。"
        "    (甲3,4)\nイ  丙川商事の売上げは減った。      (乙1,丁山本人〔5 項〕)"
        "ウ  丁山は報告した。        (甲5の1・2)エ  役員会は開かれなかった。\n"
        "(証拠略)(2)退任までの経過\nア  丁山は辞任した。\n"
        "(3)小括\n2　争点2について\n"
    )
    assert numbers(text) == [
        (0, ""), (1, "第1"), (2, "1"), (3, "(1)"), (4, "ア"), (4, "イ"), (4, "ウ"), (4, "エ"),
        (3, "(2)"), (4, "ア"), (3, "(3)"), (2, "2"),
    ]  # fmt: skip
    # only the next sibling of an open item counts, and only after an evidence note
    stray = text.replace("(甲5の1・2)エ", "(甲5の1・2)カ").replace("(乙1,丁山本人", "(なお")
    assert [n for _, n in numbers(stray) if n in ("ウ", "エ", "カ")] == []


@pytest.mark.parametrize("first", ["(1)", "⑴", "（1）"])
def test_a_first_item_glued_to_a_heading_about_something(first: str) -> None:
    text = (
        f"理由\n第1　判断\n1　争点1(責任の有無)について{first}前記認定のとおり,丙川は注意を怠った。\n"
        "(2)そして,丁山も注意を怠った。\n(3)以上によれば,責任がある。\n2　争点2について\n"
    )
    assert numbers(text) == [
        (0, ""), (1, "第1"), (2, "1"), (3, first), (3, "(2)"), (3, "(3)"), (2, "2"),
    ]  # fmt: skip
    # glued to the text of a sentence, `(1)` is a reference even when (2) follows
    ref = text.replace("について" + first + "前記", "の前記" + first + "記載の")
    assert first not in [n for _, n in numbers(ref)]


def test_items_of_an_article_quoted_without_brackets_do_not_restart_the_list() -> None:
    text = (
        "理由\n第1　認定事実\n1　合意\n(1)　当事者\n(2)　経緯\n(3)　事故\n(4)　協定\n"
        "ア　設置覚書\nその内容は,以下のとおりである。\n"
        "2条  協議会で調整する事項は,次の事項とする。\n(1)  推進体制\n(2)  基準\n"
        "3条  協議会の運営は協議して定める。\nイ　基本協定書\n(5)　その後の状況\n"
    )
    assert numbers(text) == [
        (0, ""), (1, "第1"), (2, "1"), (3, "(1)"), (3, "(2)"), (3, "(3)"), (3, "(4)"),
        (4, "ア"), (4, "イ"), (3, "(5)"),
    ]  # fmt: skip
    # without the article line, `(1)` starts the list afresh as before
    plain = text.replace("2条  協議会で", "協議会で").replace("3条  協議会の", "協議会の")
    assert numbers(plain).count((3, "(1)")) == 2


def test_an_unmarked_heading_keeps_the_space_its_lost_marker_left() -> None:
    # `⑴　所論の検討` printed without its ⑴: the line still opens with the space after it
    text = (
        "理由\n第1　判断\n1　論旨\n論旨は理由がない。\n2　検討\n　所論の検討\n"
        "ア　甲の供述は信用できる。\nイ　乙の供述は信用できない。\n3　結論\n"
    )
    assert numbers(text) == [
        (0, ""), (1, "第1"), (2, "1"), (2, "2"), (4, "ア"), (4, "イ"), (2, "3"),
    ]  # fmt: skip


def test_heading_words_opening_with_a_particle_kana_after_an_unspaced_marker() -> None:
    text = "理由\n第1　判断\n1　争点\n(1)はじめに\n丙川の主張を検討する。\n(2)責任\n(3)まとめ\n"
    assert numbers(text) == [(0, ""), (1, "第1"), (2, "1"), (3, "(1)"), (3, "(2)"), (3, "(3)")]


def test_latin_items_glued_to_a_numeral_or_a_capital_after_their_marker_lost_its_space() -> None:
    head = "理由\n第1　判断\n1　認定事実\n(1)　取得の経緯\nア　経緯\n"
    text = head + (
        "(ア)4月2日のアクセス\na4月2日,甲は,乙と共に,店に行った。\n"
        "bX社は,同日,接続を切断した。\n"
        "(イ)4月9日のアクセス\na4月9日,甲は,再び店に行った。\n"
        "bYは,さらに,作業を続けた。\ncファイルは大きかった。\n"
    )
    assert numbers(text)[5:] == [
        (5, "(ア)"), (6, "a"), (6, "b"), (5, "(イ)"), (6, "a"), (6, "b"), (6, "c"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "body",
    [
        "a6300を購入した。\nb5000も購入した。\n",  # model numbers: no (ア) open above them
        "(ア)機種\n甲は,型番a6の機器を買い,\nbX社製の機器も買った。\n",  # a code mid-line
        "(ア)機種\neBayで購入した。\nfX社製である。\n",  # an English word, and no `a` first
        "(ア)機種\na6月に購入した。\n乙は使った。\n",  # an `a` whose `b` never comes
    ],
)
def test_glued_latin_letters_outside_their_sequence_are_no_items(body: str) -> None:
    got = numbers("理由\n第1　判断\n1　経緯\n" + body)
    assert [n for _lv, n in got if n in ("a", "b", "e", "f")] == []

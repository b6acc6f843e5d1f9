"""SECTION extractor: parts, the numbering tree, rejections, wrapped vs repaired text."""

from __future__ import annotations

import json
from pathlib import Path

import jaconv
import pytest

from core.extract import extract
from core.extract.markers import KATA_A, KATA_I, kanji_number, parse_marker
from core.extract.sections import classify, extract_sections, kind_of
from core.text.pipeline import normalize

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "sections"
CORPUS = (ROOT.parent / "shared" / "corpus").resolve()


def _fixture(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text("utf-8")


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(s.value["level"], s.value["number"], s.value["kind"]) for s in extract_sections(text)]


def numbers(text: str) -> list[tuple[int, str]]:
    return [(s.value["level"], s.value["number"]) for s in extract_sections(text)]


def wrap(text: str, width: int) -> str:
    """Hard-wrap every line at `width` characters, as PDF text is."""
    out = []
    for line in text.split("\n"):
        out.extend(line[i : i + width] for i in range(0, max(len(line), 1), width))
    return "\n".join(out)


CIVIL = [
    (0, "", "判決"),
    (0, "", "当事者"),
    (0, "", "主文"),
    (1, "1", "項目"),
    (1, "2", "項目"),
    (1, "3", "項目"),
    (1, "4", "項目"),
    (0, "", "事実及び理由"),
    (1, "第1", "請求"),
    (1, "第2", "事案の概要"),
    (2, "1", "前提事実"),
    (3, "(1)", "項目"),
    (3, "(2)", "項目"),
    (2, "2", "争点"),
    (3, "(1)", "見出し"),
    (3, "(2)", "見出し"),
    (2, "3", "当事者の主張"),
    (3, "(1)", "争点"),
    (4, "", "当事者の主張"),
    (5, "ア", "項目"),
    (5, "イ", "項目"),
    (4, "", "当事者の主張"),
    (5, "ア", "項目"),
    (3, "(2)", "争点"),
    (4, "", "当事者の主張"),
    (4, "", "当事者の主張"),
    (1, "第3", "判断"),
    (2, "1", "争点"),
    (3, "(1)", "項目"),
    (4, "ア", "項目"),
    (5, "(ア)", "項目"),
    (5, "(イ)", "項目"),
    (4, "イ", "項目"),
    (3, "(2)", "項目"),
    (2, "2", "争点"),
    (2, "3", "結論"),
    (0, "", "裁判官"),
    (0, "", "別紙"),
    (1, "1", "見出し"),
    (1, "2", "見出し"),
]


def test_civil_judgment_outline() -> None:
    assert outline(_fixture("civil")) == CIVIL


def test_wrapped_text_gives_the_same_tree() -> None:
    text = _fixture("civil")
    for width in (18, 24, 31, 37):
        assert numbers(wrap(text, width)) == numbers(text), width


def test_spaced_part_headings() -> None:
    text = (
        _fixture("civil")
        .replace("事実及び理由", "事 実 及 び 理 由")
        .replace("主　　　　文", "主 文")
    )
    assert numbers(text) == numbers(_fixture("civil"))


def test_full_width_input_through_the_pipeline() -> None:
    raw = jaconv.h2z(_fixture("civil"), kana=False, ascii=True, digit=True)
    got = [n for n in numbers(normalize(raw).text) if n[0] <= 2]
    assert got == [n for n in numbers(_fixture("civil")) if n[0] <= 2]


def test_spans_titled_heading_covers_line_paragraph_covers_marker() -> None:
    text = _fixture("civil")
    spans = {text[s.start : s.end]: s for s in extract_sections(text)}
    assert "第2\u3000事案の概要" in spans
    assert spans["第2\u3000事案の概要"].value["title"] == "事案の概要"
    first = next(s for s in extract_sections(text) if s.value["number"] == "1")
    assert text[first.start : first.end] == "1" and first.value["title"] == ""
    judges = next(s for s in extract_sections(text) if s.value["kind"] == "裁判官")
    assert text[judges.start : judges.end].endswith("林\u3000\u3000三\u3000子")


def test_old_style_kanji_and_iroha() -> None:
    assert outline(_fixture("old_style")) == [
        (0, "", "主文"),
        (1, "一", "項目"),
        (1, "二", "項目"),
        (0, "", "事実及び理由"),
        (1, "第一", "請求"),
        (1, "第二", "事案の概要"),
        (2, "1", "項目"),
        (3, "(一)", "項目"),
        (3, "(二)", "見出し"),
        # 一 after (一) closes the deeper 1 and (一): it is a sibling level of 1
        (2, "一", "前提事実"),
        (3, "1", "見出し"),
        (4, "(一)", "項目"),
        (4, "(二)", "項目"),
        (3, "2", "見出し"),
        (4, "(一)", "項目"),
        (5, "(1)", "項目"),
        (5, "(2)", "項目"),
        (6, "イ", "見出し"),
        (6, "ロ", "見出し"),
        (2, "二", "争点"),
        (1, "第三", "判断"),
        (2, "一", "項目"),
        (2, "二", "項目"),
        (0, "", "裁判官"),
    ]


def test_criminal_parenthesised_headings() -> None:
    assert outline(_fixture("criminal")) == [
        (0, "", "判決"),
        (0, "", "当事者"),
        (0, "", "主文"),
        (0, "", "理由"),
        (1, "", "罪となるべき事実"),
        (2, "第1", "項目"),
        (2, "第2", "項目"),
        (1, "", "証拠の標目"),
        (1, "", "法令の適用"),
        (2, "1", "見出し"),
        (2, "2", "見出し"),
        (2, "3", "見出し"),
        (1, "", "量刑の理由"),
        (1, "", "求刑"),
        (0, "", "裁判官"),
    ]


def test_markers_that_lost_their_space() -> None:
    text = _fixture("lost_space")
    got = [
        (lv, n, s.value["title"])
        for s in extract_sections(text)
        for lv, n in [(s.value["level"], s.value["number"])]
    ]
    assert got == [
        (0, "", "主文"),
        (1, "1", ""),
        (1, "2", ""),
        (0, "", "事実及び理由"),
        (1, "第1", "請求"),
        (1, "第2", "事案の概要"),
        (2, "1", "争いのない事実等"),
        (3, "(1)", "当事者"),
        (4, "ア", ""),
        (4, "イ", ""),
        (3, "(2)", "情報の流出"),
        (4, "ア", "リモートアクセスの設定"),
        (4, "イ", "リモートアクセスの手法"),
        (4, "ウ", "流出の判明"),
        (2, "2", "争点"),
        (1, "第3", "判断"),
        (2, "1", "検討"),
        (2, "2", "結論"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "2月29日に返済した。",  # a date, not heading 2
        "2条1項に基づく。",
        "2の4)によれば,",  # `(甲1⏎2の4)` broken across lines
        "2)。",
        "2,3項",
        "2か月後",
        "2000円",
        "2本件",  # no heading 2 expected: 1 is not open
    ],
)
def test_continuation_lines_are_not_headings(line: str) -> None:
    text = "主文\n被告は,原告に対し,10万円を支払え。\n" + line + "\n"
    assert [s.value["kind"] for s in extract_sections(text)] == ["主文"]


@pytest.mark.parametrize("line", ["2月29日に返済した。", "2条", "2)。", "2、", "2~3"])
def test_expected_sibling_still_rejected_when_a_quantity(line: str) -> None:
    text = "主文\n1　被告は,原告に対し,平成21年\n" + line + "\n"
    assert numbers(text) == [(0, ""), (1, "1")]


def test_next_sibling_without_space_is_taken() -> None:
    text = "主文\n1　被告は,原告に対し,10万円を支払え。\n2原告のその余の請求を棄却する。\n"
    assert numbers(text) == [(0, ""), (1, "1"), (1, "2")]


def test_first_item_without_space_needs_its_sibling_ahead() -> None:
    body = "理由\n第1　判断\nアメリカ合衆国の法人である。\n"
    assert numbers(body) == [(0, ""), (1, "第1")]
    assert numbers(body + "イギリスの法人でもある。\n") == [
        (0, ""),
        (1, "第1"),
        (2, "ア"),
        (2, "イ"),
    ]


def test_homoglyphs_do_not_continue_a_list() -> None:
    # kanji 二 is not the iroha item after ハ; katakana ニ is
    text = "理由\nイ　甲\nロ　乙\nハ　丙\n{}　丁\n"
    assert [n for _, n in numbers(text.format("二"))] == ["", "イ", "ロ", "ハ"]
    assert [n for _, n in numbers(text.format("ニ"))] == ["", "イ", "ロ", "ハ", "ニ"]
    # kanji 口 is not ロ
    assert numbers("理由\nイ　甲\n口　乙\n") == [(0, ""), (1, "イ")]


def test_letter_spaced_line_is_not_a_first_item() -> None:
    assert numbers("理由\nア ン ケ ー ト を 実 施 し た 。\n") == [(0, "")]


def test_reset_at_parts() -> None:
    text = "主文\n1　甲\n2　乙\n事実及び理由\n2　丙\n1　丁\n"
    assert numbers(text) == [(0, ""), (1, "1"), (1, "2"), (0, ""), (1, "1")]


def test_chained_markers_on_one_line() -> None:
    text = "理由\n1　本件の概要\n2(1)　相続税法は,次のとおり定める。\n(2)ア　被相続人は死亡した。\nイ　上告人らが相続した。\n"
    assert numbers(text) == [
        (0, ""),
        (1, "1"),
        (1, "2"),
        (2, "(1)"),
        (2, "(2)"),
        (3, "ア"),
        (3, "イ"),
    ]


def test_circled_and_full_width_parens() -> None:
    text = "理由\n第1　判断\n（1）　検討\n⑵　結論\n①　甲\n②　乙\n"
    assert numbers(text) == [(0, ""), (1, "第1"), (2, "（1）"), (2, "⑵"), (3, "①"), (3, "②")]


def test_opinion_and_besshi_parts() -> None:
    text = (
        "理由\n1　上告を棄却する。\n"
        "裁判官甲野一郎の補足意見は,次のとおりである。\n1　私は賛成する。\n"
        "東京地方裁判所民事第1部\n裁判官\u3000乙川二郎\n別紙\n1　物件\n"
    )
    assert outline(text) == [
        (0, "", "理由"),
        (1, "1", "項目"),
        (0, "", "補足意見"),
        (1, "1", "項目"),
        (0, "", "裁判官"),
        (0, "", "別紙"),
        (1, "1", "見出し"),
    ]


def test_besshi_reference_in_body_is_not_a_part() -> None:
    text = "理由\n1　検討\n別紙1の対比表の「原告記述」欄記載のとおりで\nある。\n"
    assert [s.value["kind"] for s in extract_sections(text)] == ["理由", "見出し"]


def test_marker_parsing() -> None:
    assert kanji_number("十二") == 12 and kanji_number("二十") == 20 and kanji_number("一〇") == 10
    mk = parse_marker("イ　甲", 0, 3)
    assert mk is not None and set(mk.ordinals) == {(KATA_A, 2), (KATA_I, 1)}
    assert parse_marker("一部を取り消す", 0, 7) is None  # kanji marker needs a space
    assert parse_marker("第1審判決", 0, 5) is None


def test_title_and_kind() -> None:
    assert classify("　事案の概要") == "事案の概要"
    assert classify("被告は,原告に対し,10万円を支払え。") is None
    assert classify("前提事実(争いのない事実。証拠により認められる事実を含む。)") is not None
    assert kind_of("当裁判所の判断") == "判断"
    assert kind_of("争点に対する判断") == "判断"
    assert kind_of("控訴の趣旨") == "控訴の趣旨"
    assert kind_of("本件の経緯") == "見出し"
    assert kind_of("") == "項目"


def test_registered_in_the_registry() -> None:
    text = "主文\n1　被告は原告に金10万円を支払え。\n"
    got = [s for s in extract(text, ["SECTION"]) if s.label == "SECTION"]
    assert [s.value["kind"] for s in got] == ["主文", "項目"]


# --- the real corpus (skipped where absent) -------------------------------------------------


def _corpus_text(name: str) -> str:
    if not CORPUS.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    path = CORPUS / "web" / name if name.endswith(".txt") else CORPUS / "dev" / f"{name}.json"
    if not path.exists():
        pytest.skip(f"{path} not in the corpus")
    raw = path.read_text("utf-8")
    return normalize(json.loads(raw)["contents"] if path.suffix == ".json" else raw).text


def test_lawfirm_page_nesting() -> None:
    text = _corpus_text("lawfirm-judgment-page.txt")
    path: list[str] = []
    found = False
    for s in extract_sections(text):
        lv = s.value["level"]
        path = [*path[: max(lv - 1, 0)], s.value["number"]] if lv else []
        found = found or path == ["第3", "1", "(8)", "ウ", "(ア)"]
    assert found
    assert 140 <= sum(1 for s in extract_sections(text) if s.value["level"] > 0) <= 200


@pytest.mark.parametrize("name", ["84142", "81280", "13799", "86540", "91104"])
def test_corpus_files_have_main_parts(name: str) -> None:
    kinds = {s.value["kind"] for s in extract_sections(_corpus_text(name))}
    assert "主文" in kinds and "裁判官" in kinds and kinds & {"事実及び理由", "理由"}


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

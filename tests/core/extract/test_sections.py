"""SECTION extractor: parts, the numbering tree, rejections, wrapped vs repaired text."""

from __future__ import annotations

import json

import jaconv
import pytest

from core.extract import extract
from core.extract.markers import KATA_A, KATA_I, kanji_number, parse_marker
from core.extract.sections import classify, extract_sections, kind_of
from core.text.pipeline import normalize
from tests.core.extract.sections_helpers import CORPUS, fixture, numbers, outline, wrap

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
    assert outline(fixture("civil")) == CIVIL


def test_wrapped_text_gives_the_same_tree() -> None:
    text = fixture("civil")
    for width in (18, 24, 31, 37):
        assert numbers(wrap(text, width)) == numbers(text), width


def test_spaced_part_headings() -> None:
    text = (
        fixture("civil")
        .replace("事実及び理由", "事 実 及 び 理 由")
        .replace("主　　　　文", "主 文")
    )
    assert numbers(text) == numbers(fixture("civil"))


def test_full_width_input_through_the_pipeline() -> None:
    raw = jaconv.h2z(fixture("civil"), kana=False, ascii=True, digit=True)
    got = [n for n in numbers(normalize(raw).text) if n[0] <= 2]
    assert got == [n for n in numbers(fixture("civil")) if n[0] <= 2]


def test_spans_titled_heading_covers_line_paragraph_covers_marker() -> None:
    text = fixture("civil")
    spans = {text[s.start : s.end]: s for s in extract_sections(text)}
    assert "第2\u3000事案の概要" in spans
    assert spans["第2\u3000事案の概要"].value["title"] == "事案の概要"
    first = next(s for s in extract_sections(text) if s.value["number"] == "1")
    assert text[first.start : first.end] == "1" and first.value["title"] == ""
    judges = next(s for s in extract_sections(text) if s.value["kind"] == "裁判官")
    assert text[judges.start : judges.end].endswith("林\u3000\u3000三\u3000子")


def test_old_style_kanji_and_iroha() -> None:
    assert outline(fixture("old_style")) == [
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
    assert outline(fixture("criminal")) == [
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
    text = fixture("lost_space")
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

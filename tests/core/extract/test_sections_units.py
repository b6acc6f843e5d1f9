"""SECTION extractor: units above 第1 (第1部 > 第1編 > 第1章 > 第1節 > 第1款, and 第1項
as a heading below them)."""

from __future__ import annotations

from itertools import pairwise

import jaconv
import pytest

from core.extract.markers import (
    BOOK_UNIT,
    CHAPTER,
    CLAUSE_UNIT,
    PART_UNIT,
    SECTION_UNIT,
    SUBSECTION_UNIT,
    parse_marker,
)
from core.extract.sections import extract_sections
from core.text.pipeline import normalize
from tests.core.extract.sections_helpers import numbers, outline, wrap

HEAD = "判決\n原告　甲野太郎\n被告　乙川商事株式会社\n主文\n被告は，原告に対し，10万円を支払え。\n"
TAIL = "東京地方裁判所民事第1部\n裁判官　丙山次郎\n"

CHAPTERS = (
    HEAD + "事実及び理由\n"
    "第1章　請求\n"
    "主文と同旨\n"
    "第2章　事案の概要\n"
    "第1節　前提事実\n"
    "第1　当事者\n"
    "1　原告は，東京都内に住む会社員である。\n"
    "2　被告は，文具の販売を業とする株式会社である。\n"
    "第2　本件契約\n"
    "1　原告と被告は，令和2年4月1日，本件契約を締結した。\n"
    "(1)　代金は10万円とされた。\n"
    "(2)　引渡しは同月10日とされた。\n"
    "第2節　争点\n"
    "第1　本件契約の成否\n"
    "第2　損害の額\n"
    "第3章　当裁判所の判断\n"
    "第1　争点1について\n"
    "1　証拠によれば，本件契約の締結が認められる。\n"
    "2　被告の主張は採用できない。\n"
    "第2　争点2について\n"
    "損害は10万円と認められる。\n"
    "第4章　結論\n"
    "よって，主文のとおり判決する。\n" + TAIL
)

CHAPTERS_TREE = [
    (0, ""),
    (0, ""),
    (0, ""),
    (0, ""),
    (1, "第1章"),
    (1, "第2章"),
    (2, "第1節"),
    (3, "第1"),
    (4, "1"),
    (4, "2"),
    (3, "第2"),
    (4, "1"),
    (5, "(1)"),
    (5, "(2)"),
    (2, "第2節"),
    (3, "第1"),
    (3, "第2"),
    (1, "第3章"),
    (2, "第1"),
    (3, "1"),
    (3, "2"),
    (2, "第2"),
    (1, "第4章"),
    (0, ""),
]


def test_chapters_sections_and_the_items_below_them() -> None:
    assert numbers(CHAPTERS) == CHAPTERS_TREE


def test_unit_kinds_keep_a_named_kind() -> None:
    kinds = {(n, k) for _lv, n, k in outline(CHAPTERS) if "章" in n or "節" in n}
    assert ("第1章", "請求") in kinds
    assert ("第2章", "事案の概要") in kinds
    assert ("第1節", "前提事実") in kinds
    assert ("第4章", "結論") in kinds
    assert ("第2節", "争点") in kinds
    plain = CHAPTERS.replace("第2節　争点", "第2節　売買の経緯")
    assert ("第2節", "節") in {(n, k) for _lv, n, k in outline(plain)}


def test_levels_grow_strictly_with_depth() -> None:
    """Everything between a unit and the next unit of its kind is deeper than that unit,
    and no level is skipped on the way down."""
    got = [(lv, n) for lv, n in numbers(CHAPTERS) if n]
    for unit in ("章", "節"):
        for i, (lv, n) in enumerate(got):
            if not n.endswith(unit):
                continue
            for lv2, n2 in got[i + 1 :]:
                if n2.endswith(unit) or ("章" in n2 and unit == "節"):
                    break
                assert lv2 > lv, (n, n2)
    levels = [lv for lv, _n in got]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in pairwise(levels))


def test_first_item_restarts_under_each_chapter() -> None:
    got = numbers(CHAPTERS)
    firsts = [i for i, (_lv, n) in enumerate(got) if n == "第1"]
    assert len(firsts) == 3  # under 第1節, 第2節 and 第3章
    assert got[firsts[-1]] == (2, "第1")


def test_subsection_units_between_section_and_first_item() -> None:
    text = (
        HEAD + "事実及び理由\n"
        "第1章　総論\n"
        "第1節　契約の成立\n"
        "第1款　申込み\n"
        "第1　申込みの日\n"
        "1　原告は，令和2年3月1日に申し込んだ。\n"
        "第2款　承諾\n"
        "第1　承諾の日\n"
        "第2節　契約の内容\n"
        "第1款　代金\n"
        "第2章　各論\n"
        "第1　損害\n" + TAIL
    )
    assert [x for x in numbers(text) if x[1]] == [
        (1, "第1章"),
        (2, "第1節"),
        (3, "第1款"),
        (4, "第1"),
        (5, "1"),
        (3, "第2款"),
        (4, "第1"),
        (2, "第2節"),
        (3, "第1款"),
        (1, "第2章"),
        (2, "第1"),
    ]


def test_kanji_units_and_the_older_numbering_below() -> None:
    text = (
        HEAD + "理由\n"
        "第一章　事実\n"
        "第一節　経緯\n"
        "一　原告は，被告に対し，物品を売り渡した。\n"
        "(一)　代金は支払われていない。\n"
        "(二)　原告は催告をした。\n"
        "二　被告は，これを争う。\n"
        "第二節　争点\n"
        "一　代金の支払の有無\n"
        "第二章　判断\n"
        "一　代金は支払われていない。\n" + TAIL
    )
    assert [x for x in numbers(text) if x[1]] == [
        (1, "第一章"),
        (2, "第一節"),
        (3, "一"),
        (4, "(一)"),
        (4, "(二)"),
        (3, "二"),
        (2, "第二節"),
        (3, "一"),
        (1, "第二章"),
        (2, "一"),
    ]


def test_parts_and_books_above_chapters() -> None:
    text = (
        HEAD + "事実及び理由\n"
        "第1部　当事者の主張\n"
        "第1編　原告の主張\n"
        "第1章　責任原因\n"
        "第1　過失\n"
        "第2章　損害\n"
        "第2編　被告の主張\n"
        "第1　過失の不存在\n"
        "第2部　当裁判所の判断\n"
        "第1章　責任原因\n" + TAIL
    )
    assert [x for x in outline(text) if x[1]] == [
        (1, "第1部", "当事者の主張"),
        (2, "第1編", "当事者の主張"),
        (3, "第1章", "章"),
        (4, "第1", "見出し"),
        (3, "第2章", "章"),
        (2, "第2編", "当事者の主張"),
        (3, "第1", "見出し"),
        (1, "第2部", "判断"),
        (2, "第1章", "章"),
    ]


def test_letter_spaced_units() -> None:
    text = CHAPTERS.replace("第2章　事案の概要", "第 2 章 事案の概要").replace(
        "第3章　当裁判所の判断", "第 3 章当裁判所の判断"
    )
    assert numbers(text) == CHAPTERS_TREE


def test_glued_titles_count_when_the_next_unit_follows() -> None:
    text = HEAD + "事実及び理由\n第1章請求\n主文と同旨\n第2章事案の概要\n第1　前提事実\n" + TAIL
    assert [x for x in numbers(text) if x[1]] == [(1, "第1章"), (1, "第2章"), (2, "第1")]


def test_units_as_the_items_of_the_operative_part() -> None:
    """Some judgments number the 主文 and the reasons with units, `第N項` below 節."""
    text = (
        "判決\n原告　株式会社丁野銀行\n被告　戊田一郎\n主文\n"
        "第1節　原告の請求を棄却する。\n"
        "第2節　訴訟費用は原告の負担とする。\n"
        "事実及び理由\n"
        "第1章　請求\n"
        "被告の請求を認容した決定を取り消す。\n"
        "第2章　事案の概要\n"
        "第1節　争いのない事実等\n"
        "第1項 原告の貸付け\n"
        "原告は，令和元年5月1日，己山商店に1000万円を貸し付けた。\n"
        "第2項 保証\n"
        "被告は，同日，上記貸付けを保証した。\n"
        "第2節　争点に関する当事者の主張\n"
        "第1項 保証の無償性\n"
        "(原告の主張)\n"
        "保証は有償である。\n"
        "(被告の主張)\n"
        "保証は無償である。\n"
        "第2項 保証の有害性\n"
        "第3章　当裁判所の判断\n"
        "第1項  保証は無償であったと認められる。\n"
        "第2項  したがって，原告の請求は理由がない。\n" + TAIL
    )
    assert [x for x in numbers(text)[2:] if x != (0, "")] == [
        (1, "第1節"),
        (1, "第2節"),
        (1, "第1章"),
        (1, "第2章"),
        (2, "第1節"),
        (3, "第1項"),
        (3, "第2項"),
        (2, "第2節"),
        (3, "第1項"),
        (4, ""),
        (4, ""),
        (3, "第2項"),
        (1, "第3章"),
        (2, "第1項"),
        (2, "第2項"),
    ]


@pytest.mark.parametrize("width", [12, 17, 23, 31])
def test_wrapped_text_gives_the_same_tree(width: int) -> None:
    assert numbers(wrap(CHAPTERS, width)) == CHAPTERS_TREE


def test_full_width_input_through_the_pipeline() -> None:
    raw = jaconv.h2z(CHAPTERS, kana=False, ascii=True, digit=True)
    assert numbers(normalize(raw).text) == CHAPTERS_TREE


CITED = (
    HEAD + "事実及び理由\n"
    "第1章　請求\n"
    "主文と同旨\n"
    "第2章　事案の概要\n"
    "第1　関係法令\n"
    "1　本件規則は，同法第2章の規定に基づき定められた。\n"
    "2　本件規則第3節所定の手続が執られた。\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "第2章の規定により，被告は届出をした。",
        "第3節所定の手続によれば足りる。",
        "第3章及び第4章の各規定による。",
        "第2項の規定による申立てはされていない。",
        "第3章中の規定は適用されない。",
    ],
)
def test_cited_units_at_a_line_start_are_no_headings(line: str) -> None:
    """A citation wrapped to the start of a line (`…同法⏎第2章の規定…`) stays text."""
    text = CITED + "3　本件規則は，同法\n" + line + "\n第3章　当裁判所の判断\n" + TAIL
    got = [(s.value["level"], s.value["number"], s.value["title"]) for s in extract_sections(text)]
    assert [x for x in got if x[1]] == [
        (1, "第1章", "請求"),
        (1, "第2章", "事案の概要"),
        (2, "第1", "関係法令"),
        (3, "1", ""),
        (3, "2", ""),
        (3, "3", "本件規則は，同法"),
        (1, "第3章", "当裁判所の判断"),
    ]


def test_cited_units_inside_a_sentence_are_no_headings() -> None:
    text = CITED + "第3章　当裁判所の判断\n" + TAIL
    assert [n for _lv, n in numbers(text) if "章" in n or "節" in n] == ["第1章", "第2章", "第3章"]


def test_article_paragraphs_are_no_headings() -> None:
    """`第1項 …` / `第2項 …` quoting an article's paragraphs, with no 章/節/款 open."""
    text = (
        HEAD + "事実及び理由\n"
        "第1　請求\n"
        "主文と同旨\n"
        "第2　関係法令\n"
        "本件条例7条は，次のとおり定める。\n"
        "第1項 町長は，許可をすることができる。\n"
        "第2項 前項の許可には条件を付することができる。\n"
        "第3　当裁判所の判断\n" + TAIL
    )
    assert [n for _lv, n in numbers(text) if n] == ["第1", "第2", "第3"]


def test_a_lone_first_clause_is_no_heading() -> None:
    """Below a unit, `第1項` heads a list only when `第2項` starts a later line."""
    text = (
        HEAD + "事実及び理由\n"
        "第1章　請求\n"
        "第1項 被告は，原告に対し，10万円を支払え。\n"
        "同法第2項の適用はない。\n"
        "第2章　事案の概要\n" + TAIL
    )
    assert [n for _lv, n in numbers(text) if n] == ["第1章", "第2章"]


def test_a_chapter_quoted_inside_an_item_is_no_unit() -> None:
    """`第1章  総則` of rules quoted inside 第2 does not close 第2: 第3 still follows it."""
    text = (
        HEAD + "事実及び理由\n"
        "第1　請求\n"
        "主文と同旨\n"
        "第2　本件規程\n"
        "1　本件規程は，次のとおり定める。\n"
        "第1章　総則\n"
        "本規程は，従業員の服務について定める。\n"
        "第3　当裁判所の判断\n" + TAIL
    )
    assert [x for x in numbers(text) if x[1]] == [(1, "第1"), (1, "第2"), (2, "1"), (1, "第3")]


@pytest.mark.parametrize(
    ("line", "number", "family", "n"),
    [
        ("第1章　請求", "第1章", CHAPTER, 1),
        ("第十二章 雑則", "第十二章", CHAPTER, 12),
        ("第3節", "第3節", SECTION_UNIT, 3),
        ("第二款　承諾", "第二款", SUBSECTION_UNIT, 2),
        ("第2項 保証", "第2項", CLAUSE_UNIT, 2),
        ("第1章請求", "第1章", CHAPTER, 1),
        ("第 2 章 事案の概要", "第2章", CHAPTER, 2),
        ("第1部　総論", "第1部", PART_UNIT, 1),
        ("第三編 各論", "第三編", BOOK_UNIT, 3),
    ],
)
def test_unit_markers(line: str, number: str, family: str, n: int) -> None:
    mk = parse_marker(line, 0, len(line))
    assert mk is not None
    assert (mk.number, mk.ordinals) == (number, ((family, n),))


@pytest.mark.parametrize(
    "line",
    [
        "第2章の規定",
        "第3節所定の",
        "第1章及び第2章",
        "第2項原告",
        "第2項,第3項",
        "第1章中",
        "第1部に",
    ],
)
def test_cited_unit_markers_are_rejected(line: str) -> None:
    assert parse_marker(line, 0, len(line)) is None


def test_spans_cover_the_unit_heading_line() -> None:
    got = [s for s in extract_sections(CHAPTERS) if s.value["number"] == "第2章"]
    assert len(got) == 1
    assert CHAPTERS[got[0].start : got[0].end] == "第2章　事案の概要"
    assert got[0].value["title"] == "事案の概要"


def test_appended_lower_court_judgment_with_chapters() -> None:
    """`【参考  原審判決】` opens a part: the appended judgment's chapters start afresh."""
    text = (
        HEAD + "事実及び理由\n"
        "第1　請求\n"
        "第2　当裁判所の判断\n" + TAIL + "【参考　原審判決】\n"
        "判決\n"
        "主文\n"
        "第1節　原告の請求を棄却する。\n"
        "第2節　訴訟費用は原告の負担とする。\n"
        "事実及び理由\n"
        "第1章　請求\n"
        "第2章　事案の概要\n"
        "第1節　争点\n"
    )
    got = outline(text)
    k = got.index((0, "", "別紙"))
    assert [x for x in got[k:] if x[1]] == [
        (1, "第1節", "節"),
        (1, "第2節", "節"),
        (1, "第1章", "請求"),
        (1, "第2章", "事案の概要"),
        (2, "第1節", "争点"),
    ]
    assert [s.value["title"] for s in extract_sections(text) if s.value["kind"] == "別紙"] == [
        "【参考原審判決】"
    ]


@pytest.mark.parametrize(
    "line",
    ["(参考)原判決の判断は次のとおりである。", "参考判決", "【参考】原審判決の要旨について"],
)
def test_a_reference_in_the_text_is_no_appended_part(line: str) -> None:
    text = HEAD + "事実及び理由\n第1　請求\n" + line + "\n第2　判断\n" + TAIL
    assert "別紙" not in [kind for _lv, _n, kind in outline(text)]


def test_first_clause_glued_to_its_heading_about_something() -> None:
    """`第2節  …について第1項  証拠…`: the line break before 第1項 was lost."""
    text = (
        HEAD + "事実及び理由\n"
        "第1章　判断\n"
        "第1節　争点1について\n"
        "第1項 保証は無償である。\n"
        "第2項 したがって，請求は理由がない。\n"
        "第2節　争点2についての判断について第1項  証拠によれば，次の事実が認められる。\n"
        "第2項  以上によれば，保証は有害である。\n" + TAIL
    )
    got = [x for x in numbers(text) if x[1]]
    assert got[-3:] == [(2, "第2節"), (3, "第1項"), (3, "第2項")]
    heads = [s for s in extract_sections(text) if s.value["number"] == "第2節"]
    assert heads[0].value["title"] == "争点2についての判断について"


def test_a_clause_cited_after_a_heading_text_is_no_item() -> None:
    text = (
        HEAD + "事実及び理由\n"
        "第1章　判断\n"
        "第1節　民法415条第1項  の解釈\n"
        "第2項 原告の主張は理由がない。\n" + TAIL
    )
    assert [n for _lv, n in numbers(text) if n] == ["第1章", "第1節"]

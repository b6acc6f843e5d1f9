"""Line repair on fictional PDF-like text (37-character wraps)."""

from __future__ import annotations

from core.text.markers import MarkerStack, parse_marker
from core.text.repair import repair_lines

W = "あ" * 30  # filler that makes a line reach the margin


def _fix(lines: list[str]) -> list[str]:
    return repair_lines("\n".join(lines)).text.split("\n")


def test_wraps_inside_a_paragraph_are_joined() -> None:
    out = _fix([
        "本件は，原告が被告に対し，貸金の返還を求める事案である",
        "ところ，被告は弁済の抗弁を主張しているが，その証拠は見",
        "当たらない。",
        "第2  事案の概要",
    ])
    assert out == ["本件は，原告が被告に対し，貸金の返還を求める事案であるところ，被告は弁済の"
                   "抗弁を主張しているが，その証拠は見当たらない。", "第2  事案の概要"]


def test_numbers_dates_and_evidence_come_out_whole() -> None:
    text = "\n".join([
        "1被告は,原告らそれぞれに対し,金額として合計で600",
        "0円及びこれに対する平成16年5月29日から支払済みまで年5",
        "分の割合による金員を支払え。なお,損害は18万0",
        "085円であり,その根拠は取引の記録である(甲1",
        "1の4)。また,1,",
        "159万3,184円のうち同年",
        "6月分は別に計算する。",
    ])
    res = repair_lines(text)
    assert res.text == ("1被告は,原告らそれぞれに対し,金額として合計で6000円及びこれに対する平成16年"
                        "5月29日から支払済みまで年5分の割合による金員を支払え。なお,損害は18万0085円"
                        "であり,その根拠は取引の記録である(甲11の4)。また,1,159万3,184円のうち"
                        "同年6月分は別に計算する。")
    assert res.counts["numbers_rejoined"] >= 4


def test_breaks_kept_after_sentences_and_before_headings() -> None:
    lines = [
        "主文",
        "1  被告は，原告に対し，金100万円を支払え。",
        "2  原告のその余の請求を棄却する。",
        "事実及び理由",
        "第1  請求",
        "(1)当事者",
        "ア原告は，東京都内で飲食店を営む株式会社である。",
        "イ被告は，飲食店に食材を納入する事業者である。",
        "(2)契約の締結",
    ]
    assert _fix(lines) == lines


def test_a_digit_line_continuing_a_number_is_not_a_heading() -> None:
    # "2" is the next sibling of "1", but the line before stops mid-number
    lines = ["1  被告は，原告に対し，" + W[:10] + "金額として合計で1", "2万円を支払え。"]
    assert _fix(lines) == [lines[0] + lines[1]]


def test_glued_marker_after_a_full_line_mid_sentence_is_a_wrap() -> None:
    lines = ["1  前提事実", "原告の主張は，これを上記のようにあえて" + W[:16], "2段階に分けるものである。"]
    assert _fix(lines) == [lines[0], lines[1] + lines[2]]


def test_spaced_next_marker_after_a_list_row_is_a_heading() -> None:
    lines = ["ア  発生日時        令和4年10月3日午後1時10分頃ころ" + W[:8],
             "イ  発生場所        東京都千代田区",
             "ウ  事故態様        自転車が原告に衝突した。"]
    assert _fix(lines) == lines


def test_short_lines_and_blank_lines_and_indents_keep_their_breaks() -> None:
    lines = [W + "あいうえおかき。", "原告　甲野太郎", "被告　乙山花子", "", "\u3000本文の段落は字下げされている。"]
    assert _fix(lines) == lines


def test_hanging_indent_wraps_are_joined() -> None:
    lines = [
        "オ  事故態様        別紙「現場見取図」のア地点からイ地点に向かって歩",
        "行していたところ，対向方向から走行して",
        "きた本件自転車が，原告の前方を塞ぐよう",
        "に左折を開始し，原告に衝突した。",
    ]
    assert _fix(lines) == ["".join(lines)]


def test_join_drops_justification_spaces_but_keeps_a_space_between_latin_words() -> None:
    text = "第1  当事者の主張として，原告は本件の契約書にいうMaebashi \nEducation NETworkの利用者である。  \n  以上"
    out = repair_lines(text).text
    assert "Maebashi Education" in out


def test_join_deletes_trailing_spaces_of_a_wrapped_line() -> None:
    text = "本件は，原告が被告に対して金員の支払を求める事案であって，その  \n  請求は理由がある。"
    assert repair_lines(text).text == "本件は，原告が被告に対して金員の支払を求める事案であって，その請求は理由がある。"


def test_quote_at_line_end_followed_by_particle_is_joined() -> None:
    lines = ["同社は，その発行する日刊紙に記事を掲載し「本件記事」",
             "という。)，これにより名誉が毀損された。"]
    assert _fix(lines) == ["".join(lines)]


def test_structural_lines_keep_their_breaks() -> None:
    lines = ["よって，主文のとおり判決する。" + W[:10] + "ものである", "東京地方裁判所民事第1部",
             "裁判長裁判官  山田一郎", "裁判官  川村次郎", "(別紙省略)"]
    assert _fix(lines) == lines


def test_marker_stack_believes_only_the_numbering() -> None:
    st = MarkerStack()
    for s in ("第1  請求", "1  被告は", "(1)  当事者", "ア  原告"):
        m = parse_marker(s)
        assert m is not None and st.accept(m)
    assert st.classify(parse_marker("イ被告")) == "next"
    assert st.classify(parse_marker("ウ被告")) is None  # skips イ
    assert st.classify(parse_marker("(2)  契約")) == "next"
    assert st.classify(parse_marker("2  争点")) == "next"
    assert st.classify(parse_marker("(ア)  細目")) == "first"
    assert parse_marker("0円及び") is None
    assert parse_marker("1月29日に") is None
    assert parse_marker("1の4)。") is None
    assert parse_marker("2)。") is None
    assert parse_marker("ーID・申込日") is None
    assert parse_marker("第1項に限り") is None
    assert parse_marker("一方，その頃") is None
    m = parse_marker("イリモートメンテナンス")
    assert m is not None and m.family == "kata" and not m.spaced


def test_spaced_dai_marker_opens_an_item_even_after_a_comma() -> None:
    text = (
        "被告人は、甲野商店から現金を奪おうと考え、\n"
        "第1  令和3年7月12日午後4時50分頃、架空市内において、乙山花子に対し\n"
        "脅迫し、\n"
        "第2  同月14日午後0時35分頃、同市内の山道において暴行を加えた。\n"
    )
    out = repair_lines(text).text
    assert "考え、\n第1  令和3年" in out
    assert "脅迫し、\n第2  同月" in out
    assert "乙山花子に対し脅迫し" in out


def test_court_glued_after_the_last_sentence_gets_its_own_line() -> None:
    text = "原告の請求は理由がある。 丙川簡易裁判所少額訴訟2係\n裁判官　丁山一郎\n"
    got = repair_lines(text)
    assert got.text == "原告の請求は理由がある。\n丙川簡易裁判所少額訴訟2係\n裁判官　丁山一郎\n"
    # offsets still map one to one: the newline stands where the space was
    i = got.text.index("丙川")
    assert got.offsets.to_raw(i, i + 2) == (text.index("丙川"), text.index("丙川") + 2)
    # without a division, the judges' line that follows shows a signature block
    text = "よって,主文のとおり判決する。 丙川地方裁判所\n裁判官　丁山一郎\n"
    assert repair_lines(text).text.startswith("よって,主文のとおり判決する。\n丙川地方裁判所\n")


def test_court_named_in_a_sentence_stays_in_it() -> None:
    text = "被告は控訴した。 丙川地方裁判所は,これを棄却した。\n"
    assert repair_lines(text).text == text
    text = "原告は提訴した。 丙川地方裁判所\nに対し,支払を求めた。\n"
    assert "。 丙川地方裁判所" in repair_lines(text).text

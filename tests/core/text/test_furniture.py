from __future__ import annotations

from core.text.furniture import remove_furniture

PARA = "本件は，原告が被告に対して金員の支払を求める事案であって，その請求の"


def test_dashed_page_numbers_and_form_feeds_are_removed_with_their_breaks() -> None:
    text = f"{PARA}\r\n- 1 -\f根拠は契約にある。\n−１−\n以上"
    res = remove_furniture(text.replace("\r\n", "\n"))
    assert res.text == f"{PARA}\n根拠は契約にある。\n以上"
    assert res.counts["page_numbers_removed"] == 2
    assert res.counts["form_feeds_removed"] == 1


def test_lone_numbers_rising_through_the_text_are_page_numbers() -> None:
    body = [PARA * 12 + "。" for _ in range(4)]
    text = "1\n" + body[0] + "\n2\n" + body[1] + "\n3\n" + body[2] + "\n4\n" + body[3] + "\n"
    res = remove_furniture(text)
    assert res.text == "\n".join(body) + "\n"
    assert res.counts["page_numbers_removed"] == 4


def test_lone_numbers_close_together_are_content() -> None:
    text = "別紙  一覧表\n1\n2\n3\n合計"
    res = remove_furniture(text)
    assert res.text == text and not res.counts


def test_a_lone_number_at_a_page_edge_is_a_page_number() -> None:
    text = f"{PARA}\n7\f続きの文である。"
    assert remove_furniture(text).text == f"{PARA}\n続きの文である。"


def test_running_headers_repeating_on_every_page_are_removed() -> None:
    bodies = ["第一の頁の本文である。", "第二の頁の本文である。", "第三の頁の本文である。",
              "第四の頁の本文である。"]
    pages = [f"令和4年(ワ)第123号 判決書 {k}頁\n{b}\n- {k} -" for k, b in enumerate(bodies, 1)]
    res = remove_furniture("\f".join(pages))
    assert "判決書" not in res.text
    assert res.text.split("\n") == bodies
    assert res.counts["running_lines_removed"] == 4


def test_blank_lines_around_a_page_number_go_with_it_and_final_newline_stays() -> None:
    text = f"{PARA}\n\n- 2 -\n\n続き。\n"
    assert remove_furniture(text).text == f"{PARA}\n続き。\n"


def test_text_without_furniture_is_unchanged() -> None:
    text = "主文\n被告は，原告に対し，金10万円を支払え。\n"
    res = remove_furniture(text)
    assert res.text == text and res.offsets.is_identity()

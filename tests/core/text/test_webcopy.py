from __future__ import annotations

from core.text.pipeline import NormalizeOptions, normalize
from core.text.webcopy import trim_web

JUDGMENT = [
    "令和5年3月1日判決言渡  同日原本領収  裁判所書記官",
    "令和4年(ワ)第987号  貸金返還請求事件",
    "判決",
    "主文",
    "1  被告は，原告に対し，金10万円を支払え。",
    "事実及び理由",
    "第1  請求",
    "主文同旨",
    "東京地方裁判所民事第9部",
    "裁判官  丙川一郎",
]


def test_site_text_around_a_judgment_is_left_out() -> None:
    page = ["みなと法律事務所", "", "ホーム", "戻る", "", *JUDGMENT, "", "戻る", "採用情報",
            "弁護士募集(経験者)", "email: info@example.invalid", "Copyright みなと法律事務所"]
    res = trim_web("\n".join(page))
    assert res.text == "\n".join(JUDGMENT)
    assert res.counts["chars_trimmed_web"] == len("\n".join(page)) - len(res.text)


def test_attachments_after_the_judges_are_kept_until_the_site_text() -> None:
    page = ["戻る", "", *JUDGMENT, "別紙  物件目録", "1  所在  東京都千代田区", "", "ページの先頭へ",
            "このエントリーをはてなブックマークに追加"]
    res = trim_web("\n".join(page))
    assert res.text == "\n".join([*JUDGMENT, "別紙  物件目録", "1  所在  東京都千代田区"])


def test_a_pdf_judgment_loses_nothing() -> None:
    for text in ("\n".join(JUDGMENT) + "\n", "1\n" + "\n".join(JUDGMENT) + "\n(別紙省略)\n",
                 "\n".join(JUDGMENT[3:]) + "\n"):
        res = trim_web(text)
        assert res.text == text and not res.counts


def test_a_block_repeated_whole_is_kept_once_in_its_better_lined_copy() -> None:
    block1 = ["事件番号令和4(ワ)987", "事件名貸金返還請求事件",
              "事案の概要原告は，被告に対し，貸金の返還を求めた。" + "本件の事情は次のとおりである。" * 5]
    block2 = ["事件番号令和4(ワ)987", "事件名貸金返還請求事件", "事案の概要",
              "原告は，被告に対し，貸金の返還を求めた。" + "本件の事情は次のとおりである。" * 5]
    res = trim_web("\n".join([*block1, *block2, "このエントリーをはてなブックマークに追加"]))
    assert res.text == "\n".join(block2)
    assert res.counts["duplicate_block_removed"] == 1


def test_keep_all_option_keeps_the_site_text() -> None:
    page = "\n".join(["ホーム", "", *JUDGMENT, "", "採用情報"])
    assert normalize(page, NormalizeOptions(trim_web=False)).text.startswith("ホーム")
    assert normalize(page).text.startswith("令和5年3月1日判決言渡")

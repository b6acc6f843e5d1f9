"""Line-level helpers shared by the text steps: splitting, widths and line kinds.

The steps (web trimming, page furniture, line repair, de-spacing) all reason about the
lines of PDF text; the recognisers live here once so that they agree with each other.
Everything works on the text as the step receives it (already newline-normalised, maybe
width-folded), so classification folds widths itself and never changes the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import jaconv

SPACES = " \t\u3000\u00a0"
_SPACE_RUN = re.compile(f"[{SPACES}]+")


@dataclass(frozen=True)
class Line:
    """A line of text: `text[start:end]`, followed by `sep` ("\\n", "\\f" or "" at the end)."""

    start: int
    end: int
    sep: str

    @property
    def sep_end(self) -> int:
        return self.end + len(self.sep)


def split_lines(text: str) -> list[Line]:
    """Lines separated by "\\n" or "\\f"; the last line may be empty (text ending in a break)."""
    out: list[Line] = []
    pos = 0
    for m in re.finditer("[\n\f]", text):
        out.append(Line(pos, m.start(), m.group()))
        pos = m.end()
    out.append(Line(pos, len(text), ""))
    return out


def squeeze(s: str) -> str:
    """`s` without any kind of space."""
    return _SPACE_RUN.sub("", s)


@lru_cache(maxsize=4096)
def fold(s: str) -> str:
    """Width-folded copy for matching only: ASCII/digits half-width, katakana full-width."""
    return str(jaconv.h2z(jaconv.z2h(s, kana=False, ascii=True, digit=True, ignore="\u3000"),
                          kana=True, ascii=False, digit=False))


def display_width(s: str) -> int:
    """Width in half-width cells: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def line_width(s: str) -> int:
    """Width of a PDF line in half-width cells, counting every letter as full-width.

    Width folding runs first and turns the PDF's full-width digits into ASCII, so an ASCII
    letter may have filled two cells in the PDF; counting it as two makes a line that
    reached the margin look full whatever its letters were.
    """
    return sum(1 if ch in " \t" else 2 for ch in s)


def is_cjk(ch: str) -> bool:
    """Kanji, kana and the iteration marks: the letters of Japanese words."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3040 <= o <= 0x30FF
        or 0x20000 <= o <= 0x3FFFF
        or 0xF900 <= o <= 0xFAFF
        or ch in "々〆ヶ〇"
    )


def typical_width(widths: list[int]) -> int:
    """The width of a full line: the upper quartile of the lines' widths.

    Most lines of PDF text run to the right margin, so the upper quartile is the margin;
    lines with half-width letters are narrower in characters but not in cells.
    """
    ws = sorted(w for w in widths if w >= 20)
    if len(ws) < 4:
        return max(ws, default=0)
    return ws[(len(ws) * 3) // 4]


# --- kinds of lines ---------------------------------------------------------------------

_ERA = "(?:明治|大正|昭和|平成|令和)"
_KEYWORD_LINE = re.compile(
    "○?(?:主文|理由|事実|事実及び理由|判決|決定|記|以上|当事者目録|別紙.{0,24}|"
    "当事者の表示|(?:物件|請求債権|損害|債権|登記|図面)目録.{0,10})"
)
_BRACKETED = re.compile(r"[(（][^()（）。]{1,24}[)）]")
_JUDGE = re.compile(r"[(（]?(?:裁判長裁判官|裁判官)")
_COURT = re.compile(r".{0,12}(?:最高|高等|地方|家庭|簡易)裁判所(?:.{0,10}(?:支部|部|係|法廷|室))?")
_DATE_ONLY = re.compile(_ERA + r"(?:\d{1,2}|元)年\d{1,2}月\d{1,2}日")
_HEADER = re.compile(
    _ERA + r"(?:\d{1,2}|元)年\d{1,2}月\d{1,2}日.{0,20}(?:判決言渡|言渡|宣告|判決|決定)"
    r"|口頭弁論(?:の)?終結(?:の)?日"
)
_CASE_NUMBER = re.compile(_ERA + r"(?:\d{1,2}|元)年?[(]?[^()\d]{1,3}[)]?第?\d+号?")


def keyword_kind(line: str) -> str | None:
    """The kind of a standalone structural line, or None.

    Kinds: "keyword" (主文, 事実及び理由, 別紙…), "bracketed" ((罪となるべき事実)…),
    "judge", "court", "date", "header" (判決言渡, 口頭弁論終結日, case number).
    The line may be letter-spaced and full-width; it must not be a sentence.
    """
    s = fold(squeeze(line))
    if not s or len(s) > 60:
        return None
    if _KEYWORD_LINE.fullmatch(s) and "。" not in s:
        return "keyword"
    if _BRACKETED.fullmatch(s):
        return "bracketed"
    if _JUDGE.match(s) and "。" not in s and len(s) <= 40:
        return "judge"
    if _HEADER.match(s):
        return "header"
    if _CASE_NUMBER.match(s) and "。" not in s:
        return "header"
    if _DATE_ONLY.fullmatch(s):
        return "date"
    if _COURT.fullmatch(s) and "。" not in s and "、" not in s and "," not in s:
        return "court"
    return None


def is_judge_line(line: str) -> bool:
    """A judges' signature line: `裁判長裁判官 山下郁夫`, the bracketed Supreme Court form,
    or its continuation ending in `)`."""
    s = fold(squeeze(line))
    if not s or "。" in s or len(s) > 80:
        return False
    if _JUDGE.match(s):
        return True
    return "裁判官" in s and s.endswith(")")


_SITE_STRONG = re.compile(
    "はてなブックマーク|このエントリー|LINEで送る|Copyright|©|All Rights Reserved|"
    "\\[email|email ?:|E-mail ?:|プライバシーポリシー|サイトマップ",
    re.IGNORECASE,
)
# Menu words are only site text on a short line of their own.
_SITE_WEAK = re.compile(
    "^(?:戻る|前へ|次へ|ホーム|トップ|メニュー|印刷|シェア|ツイート|Tweet|いいね!?|"
    "ログイン|会員登録|関連記事|カテゴリー?|お問い?合わ?せ.{0,10}|採用情報|"
    "ページ(?:の)?(?:先頭|トップ)へ?.{0,4}|応募(?:資格|方法)|(?:弁護士)?(?:求人|募集).{0,16})$",
    re.IGNORECASE,
)


def is_site_line(line: str) -> bool:
    """Text that belongs to a web site rather than a judgment (menus, share buttons, ads)."""
    s = fold(line.strip(SPACES))
    if not s:
        return False
    if _SITE_STRONG.search(s):
        return True
    return len(s) <= 30 and "。" not in s and bool(_SITE_WEAK.search(s))

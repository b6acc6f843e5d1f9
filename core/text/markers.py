"""Heading markers at the start of a line (第1, 1, (1), ⑴, ア, (ア), ①, 第一, 一 …) and the
stack of open numbering levels that tells a real heading from a wrapped word or number.

PDF text often loses the space after a marker (`イリモートメンテナンス…` is heading イ), and
a wrapped line can start with something that looks like a marker (`0円…`, `ーID…`). A
marker is only believed when it continues the numbering: the next sibling of an open
level, or the first item of a family not yet open (DOMAIN.md §1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text.lines import fold

AIUEO = (
    "アイウエオカキクケコサシスセソタチツテト"
    "ナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)
IROHA = (
    "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマ"
    "ケフコエテアサキユメミシヱヒモセス"
)
_KANJI_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# What may not follow a bare number for it to be a marker: units, counters, punctuation.
_NOT_AFTER_NUMBER = set(
    "年月日条項号円万億兆千百%％分秒時歳かヵケヶ箇人名回件通頁枚本個倍割厘のノ点台階期週"
    "),.、。，．・:：~〜～-－/／+＋=×" "0123456789"
)
_NOT_AFTER_DAI = set("条項号回審次者位期順種類版巻頁部日月年週代世,、.，)")
_NOT_AFTER_KANA = set("ーァィゥェォッャュョヮヵヶ・゛゜、。,.，)）」")
_SP = " \u3000\t"


@dataclass(frozen=True)
class Marker:
    family: str  # dai, dai_kanji, num, paren, circled, kata, paren_kata, alpha, paren_alpha, ...
    ordinal: int  # 1-based position in its family (katakana: in the aiueo order)
    char: str  # the katakana or kanji of the marker, "" for numbers
    length: int  # characters of the (folded) line taken by the marker
    spaced: bool  # a space follows the marker


def _kanji_number(s: str) -> int | None:
    if s == "十":
        return 10
    if len(s) == 1:
        return _KANJI_DIGITS.get(s)
    if len(s) == 2 and s[0] == "十":
        return 10 + _KANJI_DIGITS.get(s[1], 0) if s[1] in _KANJI_DIGITS else None
    if len(s) == 2 and s[1] == "十" and s[0] in _KANJI_DIGITS:
        return _KANJI_DIGITS[s[0]] * 10
    if len(s) == 3 and s[1] == "十" and s[0] in _KANJI_DIGITS and s[2] in _KANJI_DIGITS:
        return _KANJI_DIGITS[s[0]] * 10 + _KANJI_DIGITS[s[2]]
    return None


_DAI = re.compile(r"第(\d{1,2})(?!\d)")
_DAI_KANJI = re.compile("第([一二三四五六七八九十]{1,3})[" + _SP + "]")
_PAREN_NUM = re.compile(r"\((\d{1,2})\)")
_NUM = re.compile(r"(\d{1,2})(?![\d])")
_PAREN_KATA = re.compile(r"\(([ア-ン])\)")
_PAREN_ALPHA = re.compile(r"\(([a-z])\)")
_ALPHA = re.compile("([a-z])[" + _SP + "]")
_PAREN_KANJI = re.compile(r"\(([一二三四五六七八九十]{1,3})\)")
_KANJI = re.compile("([一二三四五六七八九十]{1,3})[" + _SP + "、]")


def parse_marker(line: str) -> Marker | None:
    """The marker a line starts with, if its shape allows one (the stack decides belief)."""
    s = fold(line.lstrip(_SP))
    if not s:
        return None

    def nxt(k: int) -> str:
        return s[k] if k < len(s) else ""

    m = _DAI.match(s)
    if m:
        after = nxt(m.end())
        if after in _NOT_AFTER_DAI:
            return None
        return Marker("dai", int(m.group(1)), "", m.end(), after in _SP)
    m = _DAI_KANJI.match(s)
    if m:
        n = _kanji_number(m.group(1))
        return Marker("dai_kanji", n, m.group(1), m.end() - 1, True) if n else None
    m = _PAREN_NUM.match(s)
    if m:
        return Marker("paren", int(m.group(1)), "", m.end(), nxt(m.end()) in _SP)
    if "\u2474" <= s[0] <= "\u2487":  # ⑴ … ⒇
        return Marker("paren", ord(s[0]) - 0x2473, "", 1, nxt(1) in _SP)
    if "\u2460" <= s[0] <= "\u2473":  # ① … ⑳
        return Marker("circled", ord(s[0]) - 0x245F, "", 1, nxt(1) in _SP)
    m = _PAREN_KATA.match(s)
    if m:
        return Marker("paren_kata", AIUEO.index(m.group(1)) + 1, m.group(1), m.end(),
                      nxt(m.end()) in _SP)
    m = _PAREN_ALPHA.match(s)
    if m:
        return Marker("paren_alpha", ord(m.group(1)) - 96, "", m.end(), nxt(m.end()) in _SP)
    m = _PAREN_KANJI.match(s)
    if m:
        n = _kanji_number(m.group(1))
        return Marker("paren_kanji", n, m.group(1), m.end(), nxt(m.end()) in _SP) if n else None
    m = _NUM.match(s)
    if m:
        after = nxt(m.end())
        if after in _NOT_AFTER_NUMBER or (after.isascii() and after.isalpha()):
            return None
        n = int(m.group(1))
        if n == 0:
            return None
        return Marker("num", n, "", m.end(), after in _SP or after == "")
    if s[0] in AIUEO and s[0] != "ン":
        after = nxt(1)
        if after in _NOT_AFTER_KANA or after == "":
            return None
        return Marker("kata", AIUEO.index(s[0]) + 1, s[0], 1, after in _SP)
    m = _ALPHA.match(s)
    if m:
        return Marker("alpha", ord(m.group(1)) - 96, "", 1, True)
    m = _KANJI.match(s)
    if m:
        n = _kanji_number(m.group(1))
        return Marker("kanji", n, m.group(1), len(m.group(1)), True) if n else None
    return None


@dataclass
class _Level:
    family: str
    ordinal: int
    char: str
    order: str  # "aiueo" or "iroha" for katakana, "" otherwise


def _kata_next(level: _Level) -> set[str]:
    seq = IROHA if level.order == "iroha" else AIUEO
    k = seq.index(level.char) if level.char in seq else -1
    out = {seq[k + 1]} if 0 <= k < len(seq) - 1 else set()
    if level.order == "iroha" and level.char == "イ":
        out.add("ウ")  # a first イ may have been the aiueo second after a lost ア
    return out


class MarkerStack:
    """Open numbering levels, outermost first."""

    def __init__(self) -> None:
        self.levels: list[_Level] = []

    def reset(self) -> None:
        self.levels.clear()

    def _sibling_index(self, m: Marker) -> int | None:
        for k in range(len(self.levels) - 1, -1, -1):
            lv = self.levels[k]
            if lv.family != m.family:
                continue
            if m.family in ("kata", "paren_kata"):
                return k if m.char in _kata_next(lv) else None
            return k if m.ordinal == lv.ordinal + 1 else None
        return None

    def classify(self, m: Marker | None) -> str | None:
        """"next" (continues an open level), "first" (opens a new family) or None."""
        if m is None:
            return None
        if self._sibling_index(m) is not None:
            return "next"
        if any(lv.family == m.family for lv in self.levels):
            return None
        if m.ordinal == 1 or (m.family in ("kata", "paren_kata") and m.char == "イ"):
            return "first"
        return None

    def accept(self, m: Marker) -> bool:
        """Record a believed marker; returns False (and changes nothing) for others."""
        k = self._sibling_index(m)
        if k is not None:
            lv = self.levels[k]
            del self.levels[k + 1 :]
            if lv.order == "iroha" and m.char == "ウ" and lv.char == "イ":
                lv.order = "aiueo"
            lv.ordinal, lv.char = m.ordinal, m.char
            return True
        if self.classify(m) == "first":
            order = "iroha" if m.char == "イ" else ("aiueo" if m.char else "")
            self.levels.append(_Level(m.family, m.ordinal, m.char, order))
            return True
        return False

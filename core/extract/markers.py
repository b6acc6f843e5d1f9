"""Numbering markers of judgments (`第1`, `1`, `(1)`, `ア`, `(ア)`, `a`, `①`, `一`, `イロハ`, ...).

Parsing only: which family a line-initial marker belongs to, its ordinal, and whether what
follows it makes it a plausible heading (`1月29日` is a date, not heading 1). The tree is
built in `core.extract.sections`, which decides by expecting the next sibling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Families, each with a rank: the usual depth order (smaller = shallower). Modern:
# 第1 > 1 > (1) > ア > (ア) > a > (a); older: 第一 > 一 > 1 > (一) > (1) > イ > (イ). Long
# judgments and appended ones put units above 第1: (第1部 > 第1編 >) 第1章 > 第1節 > 第1款
# (> 第1項, a heading only below one of them).
PART_UNIT = "第N部"
BOOK_UNIT = "第N編"
CHAPTER = "第N章"
SECTION_UNIT = "第N節"
SUBSECTION_UNIT = "第N款"
CLAUSE_UNIT = "第N項"
DAI = "第N"
KANJI = "一"
ARABIC = "1"
PAREN_KANJI = "(一)"
PAREN_ARABIC = "(1)"
KATA_A = "ア"  # aiueo order
KATA_I = "イ"  # iroha order
PAREN_KATA_A = "(ア)"
PAREN_KATA_I = "(イ)"
LATIN = "a"
PAREN_LATIN = "(a)"
CIRCLED = "①"
ROMAN = "ⅰ"
PAREN_ROMAN = "(ⅰ)"

RANK = {
    PART_UNIT: -6,
    BOOK_UNIT: -5,
    CHAPTER: -4,
    SECTION_UNIT: -3,
    SUBSECTION_UNIT: -2,
    CLAUSE_UNIT: -1,
    DAI: 0,
    KANJI: 1,
    ARABIC: 2,
    PAREN_KANJI: 3,
    PAREN_ARABIC: 4,
    KATA_A: 5,
    KATA_I: 5,
    PAREN_KATA_A: 6,
    PAREN_KATA_I: 6,
    LATIN: 7,
    PAREN_LATIN: 8,
    CIRCLED: 9,
    ROMAN: 10,
    PAREN_ROMAN: 11,
}

UNITS = {
    "部": PART_UNIT,
    "編": BOOK_UNIT,
    "章": CHAPTER,
    "節": SECTION_UNIT,
    "款": SUBSECTION_UNIT,
    "項": CLAUSE_UNIT,
}
UNIT_FAMILIES = frozenset(UNITS.values())

# Families that exclude each other: a list is in aiueo or in iroha order, not both.
GROUP = {KATA_I: KATA_A, PAREN_KATA_I: PAREN_KATA_A}


def group(family: str) -> str:
    return GROUP.get(family, family)


AIUEO = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)
IROHA = (
    "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
)
_KATA_CLASS = "".join(sorted(set(AIUEO + IROHA)))
_KANJI_DIGITS = "〇一二三四五六七八九"
_KNUM = "[一二三四五六七八九十〇]{1,4}"
_SP = "[ \\t\\u3000]"

# `第1章`, `第 1 章` (letter-spaced); no space only before the unit: `第1  節税…` is 第1
_UNIT = f"(?:(?(dai_sp){_SP}?)(?P<unit>[{''.join(UNITS)}]))?"

MARKER = re.compile(
    rf"""
    (?P<dai>第(?P<dai_sp>{_SP})?(?P<dai_n>[0-9]{{1,3}}|{_KNUM}){_UNIT})
  | (?P<par>[(（]{_SP}?(?P<par_n>[0-9]{{1,3}}|{_KNUM}|[{_KATA_CLASS}]|[a-z]|[ⅰ-ⅻ]){_SP}?[)）])
  | (?P<pnum>[⑴-⒇])
  | (?P<circ>[①-⑳㉑-㉟㊱-㊿])
  | (?P<arabic>[0-9]{{1,3}})(?P<dot>[.．](?![0-9]))?
  | (?P<kanji>{_KNUM})
  | (?P<kata>[{_KATA_CLASS}])
  | (?P<latin>[a-z])(?![a-z])(?![A-Z]+(?![A-Z])(?![^\x00-\x7f]))
  | (?P<roman>[ⅰ-ⅻ])
    """,
    re.X,
)

# What may not follow a marker directly (no space between): punctuation that shows the
# "marker" is part of a sentence, a reference or a broken number.
_REJECT_NEXT = frozenset(")）]］】」』〕〉》。、，,~～〜・:：;；/／-－‐.．%％=＝+＋×")
# Hiragana that continue a number or a word (`1の4`, `2から`, `3つ`), never a title's start.
_PARTICLES = frozenset("のとにをはがへやもでかまなよつりれ")
# ... except the words that open a sentence (`(2)もっとも,…`, `(3)なお,…`, `1まず,…`)
_OPENER = re.compile(
    "(?:もっとも|もし|また|まず|まして|まさに|なお|なぜ|なかでも|よって|つまり|ところで|ところが"
    "|とりわけ|とはいえ|ともかく|かかる|かつ|かえって|かような|かくして)[,，、]?"
    "|はじめに|まとめ"  # heading words: `(1)はじめに`, `(6)まとめ`
)
# Counters and units after a number (`1月29日`, `2条`, `3か月`, `2審`): a quantity.
_COUNTER = re.compile(
    "年|月|日|条|項|号|円|万|億|千|百|分|秒|時|頁|枚|名|人|回|件|個|通|本(?!件|判決|人|訴)|歳|才|丁|番|階"
    "|倍|割|厘|点|位|株|期|審|行|部|章|節|款|度|週|台|軒|棟|筆|戸|区|巻|版|次|種|類|級|型"
    "|者|社|便|色|段|口|錠|袋|箱|匹|頭|羽|校|科|室|席|票|局|店|機|隻|両|桁|小|大|審|ケ|ヶ|カ"
    "|箇|か所|キロ|メートル|センチ|ミリ|グラム|トン|ページ|ポイント|パーセント|ドル|ユーロ|坪|平方"
    "|以上|以下|未満|以内|以外|乃至|及び|又は|並びに|余|強|弱|頃|等|対|[A-Za-z0-9]"
)
# What goes on a cited unit (`第2章所定の`, `第3節及び第4節`, `第1章中`), not a title.
_UNIT_REF = re.compile(
    "所定|記載|参照|及び|並びに|又は|若しくは|ないし|乃至|以下|以上|中|各|等|第|[0-9]"
)
_LETTER_SPACED = re.compile(rf"{_SP}+\S{_SP}+\S{_SP}+\S{_SP}+\S")
_SPACE = re.compile(rf"{_SP}")


_KANA_OR_LATIN = re.compile(f"[{_KATA_CLASS}a-z]")
_WORD_FAMILIES = frozenset({KATA_A, KATA_I, LATIN})
_WORD_END = re.compile("[\u30a0-\u30ffA-Za-z]")


_OPEN_END = frozenset(",，、(（「『〔【")
# `a6月20日,…`, `bA社は…`: an item a/b whose space after it was lost, before a number or a
# capital that a Japanese word follows (not `a6-1`, `eBay`, `a1.5`)
_GLUED_LATIN = re.compile("(?:[0-9]{1,4}|[A-Z]{1,3})(?=[^\\x00-\\x7f])")


def _prev_line_end(text: str, pos: int) -> str:
    """The last character of the line before the one `pos` starts ("" if none)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u3000":
        i -= 1
    return text[i - 1] if i >= 1 and text[i] == "\n" else ""


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker at `start:end`; `ordinals` holds (family, ordinal) readings, e.g. イ is
    the 2nd of aiueo and the 1st of iroha."""

    start: int
    end: int
    number: str
    ordinals: tuple[tuple[str, int], ...]
    spaced: bool  # followed by a space or the end of the line
    chain: bool  # followed directly by a deeper first item (`2(1)`), or the inner one of those
    weak: bool  # what follows looks like a letter-spaced justified line
    glued: bool = False  # a Latin letter glued to a numeral or capital (`a6月…`, `bA社…`)

    @property
    def strong(self) -> bool:
        """Separated from what follows: no need to look ahead for its next sibling."""
        return self.spaced or self.chain

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(f for f, _ in self.ordinals)


def kanji_number(s: str) -> int:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一〇 -> 10 (positional); 0 when not a number."""
    if "十" in s:
        head, _, tail = s.partition("十")
        if "十" in tail or len(head) > 1 or len(tail) > 1 or "〇" in head + tail:
            return 0
        tens = _KANJI_DIGITS.index(head) if head else 1
        ones = _KANJI_DIGITS.index(tail) if tail else 0
        return tens * 10 + ones
    value = 0
    for ch in s:
        value = value * 10 + _KANJI_DIGITS.index(ch)
    return value if not s.startswith("〇") else 0


def _readings(m: re.Match[str]) -> tuple[tuple[str, int], ...]:
    if m.group("dai"):
        n = m.group("dai_n")
        fam = UNITS[m.group("unit")] if m.group("unit") else DAI
        return ((fam, int(n) if n.isdigit() else kanji_number(n)),)
    if m.group("par"):
        n = m.group("par_n")
        if n.isdigit():
            return ((PAREN_ARABIC, int(n)),)
        if n[0] in "一二三四五六七八九十〇":
            return ((PAREN_KANJI, kanji_number(n)),)
        if "a" <= n <= "z":
            return ((PAREN_LATIN, ord(n) - ord("a") + 1),)
        if "ⅰ" <= n <= "ⅻ":
            return ((PAREN_ROMAN, ord(n) - ord("ⅰ") + 1),)
        return _kata(n, PAREN_KATA_A, PAREN_KATA_I)
    if m.group("pnum"):
        return ((PAREN_ARABIC, ord(m.group("pnum")) - ord("⑴") + 1),)
    if m.group("circ"):
        c = ord(m.group("circ"))
        n = c - 0x2460 + 1 if c <= 0x2473 else c - 0x3251 + 21 if c <= 0x325F else c - 0x32B1 + 36
        return ((CIRCLED, n),)
    if m.group("arabic"):
        return ((ARABIC, int(m.group("arabic"))),)
    if m.group("kanji"):
        return ((KANJI, kanji_number(m.group("kanji"))),)
    if m.group("kata"):
        return _kata(m.group("kata"), KATA_A, KATA_I)
    if m.group("latin"):
        return ((LATIN, ord(m.group("latin")) - ord("a") + 1),)
    return ((ROMAN, ord(m.group("roman")) - ord("ⅰ") + 1),)


def _kata(ch: str, fam_a: str, fam_i: str) -> tuple[tuple[str, int], ...]:
    out = []
    if ch in AIUEO:
        out.append((fam_a, AIUEO.index(ch) + 1))
    if ch in IROHA:
        out.append((fam_i, IROHA.index(ch) + 1))
    return tuple(out)


def parse_marker(text: str, pos: int, line_end: int, chained: bool = False) -> Marker | None:
    """The marker at `pos` if what follows it allows a heading or numbered paragraph."""
    m = MARKER.match(text, pos, line_end)
    if m is None:
        return None
    readings = tuple((f, n) for f, n in _readings(m) if n > 0)
    if not readings:
        return None
    end = m.end()
    follow = text[end:line_end]
    family = readings[0][0]
    spaced = not follow or bool(_SPACE.match(follow))
    chain = chained
    glued = family == LATIN and not spaced and bool(_GLUED_LATIN.match(follow))
    if not spaced:
        c = follow[0]
        if c in _REJECT_NEXT or (c in _PARTICLES and not _OPENER.match(follow)):
            return None
        numeric = family in (DAI, ARABIC, KANJI)
        if numeric and _COUNTER.match(follow):
            return None
        kanji = family in (KANJI, ROMAN) or (family == DAI and not m.group("dai_n").isdigit())
        if kanji and not chain_follows(text, end, line_end, family):
            return None  # 一部, 一般, 第一審: kanji markers need a space after them
        unit_ref = family in UNIT_FAMILIES and (family == CLAUSE_UNIT or _UNIT_REF.match(follow))
        if unit_ref and not chain_follows(text, end, line_end, family):
            return None  # `第2章所定の`: a cited unit; a 第N項 heading is always spaced
        if chain_follows(text, end, line_end, family):
            chain = True  # `2(1)`, `(2)ア`: a chain of markers on one line
        elif (
            _KANA_OR_LATIN.match(follow)
            and MARKER.match(follow)
            and not parse_marker(text, end, line_end, True)
        ):
            return None  # `⑵ウのとおり`: a reference to item ウ of ⑵, not a heading
        prev = "" if chained else _prev_line_end(text, pos)
        word_end = prev.isascii() and prev.isalpha() if glued else _WORD_END.match(prev)
        if prev in _OPEN_END or (family in _WORD_FAMILIES and word_end):
            return None  # `…で,⏎オフィス`, `…ラ⏎イセンス`: a sentence or word goes on
    weak = bool(spaced and follow and _LETTER_SPACED.match(follow))
    number = _SPACE.sub("", m.group())
    return Marker(pos, end, number, readings, spaced, chain, weak, glued)


def chain_follows(text: str, pos: int, line_end: int, outer: str) -> bool:
    """Does a deeper first item (`(1)` after `2`, `ア` after `(2)`) start right at `pos`?"""
    if MARKER.match(text, pos, line_end) is None:
        return False
    inner = parse_marker(text, pos, line_end, True)
    return inner is not None and any(n == 1 and RANK[f] > RANK[outer] for f, n in inner.ordinals)


def rest_after(text: str, marker: Marker, line_end: int) -> str:
    """The text after the marker on its line, without the spaces around it."""
    return text[marker.end : line_end].strip(" \t\u3000")

"""MONEY (amounts in yen) and RATE (interest rates, percentages, fractions).

MONEY value: always a dict, `{"yen": int}` plus, when the words are next to the amount,
`"approx": true` (約, 余り, 程度), `"each": "各"|"各自"|"それぞれ"`, `"total": true`
(合計, 計, 総額), `"part": true` (うち, 内金), `"per": "日"|"月"|"年"|"人"|"回"|...`
(1日当たり, 月額, 一人あたり) and `"range": "from"|"to"` for the two ends of
`100万円から200万円まで` / `1000～2000万円`.
The span is the numeral and 円; a 金 prefix is left outside (it is a word, "the sum of").
A decimal is accepted only when it gives whole yen (`3.5万円` -> 35000; `0.5円` is dropped).
A numeral that starts a line whose previous line ends in a digit (`600⏎0円`) is a
fragment of a broken number and is not suggested: line repair makes it whole.

RATE value: `{"rate": float}` plus `"per": "年"` for an annual rate and `"fraction": "a/b"`
for fractions (`10分の1`, `これを3分し，その1を`, `職務時間の1/2`: a slash fraction only
of something named before it, not in a formula or a page reference); `2.5割` is 0.25.
The bare number opening a range is a rate in the unit of the other end (`一~二割`: `一`
0.1; `50~85%`: `50` 0.5), when smaller. A doubled long-vowel mark (`パーーセント`) is read;
a 十 right before arabic digits (`十13%`) is a plus sign that the source turned into a
kanji and stays outside the span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from core.extract._scan import finditer_near
from core.extract.base import Suggestion, register
from core.extract.numerals import DIGITS, NUMERAL_CHARS, parse_decimal, parse_int

# 円 that starts a word rather than ends an amount: 円滑, 円満, 円形, ...
_YEN = re.compile("[円圓](?![滑満形周盤柱錐陣卓環熟舞光弧])")
_UNIT_SUFFIX = frozenset("万萬億兆")
_VAGUE_BEFORE = frozenset("数何幾余")


def _is_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_APPROX_BEFORE = re.compile(r"(?:約|およそ|概ね|おおむね|ほぼ)$")
_EACH_BEFORE = re.compile(r"(各自|各|それぞれ)(?:に対し(?:て)?)?[,、，]?$")
_TOTAL_BEFORE = re.compile(r"(?:合計|総額|総計|合算額|計)[:：]?[ \u3000]*$")
_PART_BEFORE = re.compile(r"(?:うち|内金)$")
_PER_BEFORE = re.compile(
    r"(?:[1１一](日|か月|カ月|ヶ月|ケ月|箇月|月|年|人|名|回|件|株|台|個|時間|平方メートル|m2|㎡)"
    r"(?:当たり|あたり|当り|につき)|(日|月|年)額|(時|日|月|年)給)"
    r"[^,、。，\n]{0,6}$"
)
_APPROX_AFTER = re.compile(r"(?:余り|余|程度|ほど|前後|くらい|ぐらい)")
_RANGE_JOIN = re.compile(r"から|ないし|乃至|[～~〜－-]")
_RANGE_END = re.compile(r"(?:まで|の間|の範囲|程度|ほど|くらい|ぐらい|前後|位)")
_PER_NORMAL = {"か月": "月", "カ月": "月", "ヶ月": "月", "ケ月": "月", "箇月": "月", "名": "人"}


def _numeral_start(text: str, end: int) -> int:
    i = end
    while i > 0 and text[i - 1] in NUMERAL_CHARS:
        i -= 1
    # a numeral never starts with a separator or a decimal point
    while i < end and text[i] in ",，.．・":
        i += 1
    return i


def _fragment_of_broken_line(text: str, start: int) -> bool:
    """True when the numeral starts a line and the line before ends like a number."""
    if start == 0 or text[start - 1] != "\n":
        return False
    j = start - 2
    return j >= 0 and text[j] in NUMERAL_CHARS


def _attributes(text: str, start: int, end: int) -> dict[str, Any]:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 16) : start]
    if before.endswith("金"):
        before = before[:-1]
    attrs: dict[str, Any] = {}
    if _APPROX_BEFORE.search(before) or _APPROX_AFTER.match(text, end):
        attrs["approx"] = True
    m = _EACH_BEFORE.search(before)
    if m:
        attrs["each"] = m.group(1)
    if _TOTAL_BEFORE.search(before):
        attrs["total"] = True
    if _PART_BEFORE.search(before):
        attrs["part"] = True
    m = _PER_BEFORE.search(before)
    if m:
        unit = m.group(1) or m.group(2) or m.group(3)
        attrs["per"] = _PER_NORMAL.get(unit, unit)
    return attrs


def _amounts(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, yen) for every numeral + 円 that parses."""
    for m in _YEN.finditer(text):
        end = m.start()
        start = _numeral_start(text, end)
        if start == end:
            continue
        numeral = text[start:end]
        prev = text[start - 1] if start else ""
        if prev in _VAGUE_BEFORE or _fragment_of_broken_line(text, start):
            continue
        digits = [ch for ch in numeral if ch in DIGITS]
        if digits and all(ch == "○" for ch in digits):
            continue  # 金○円: a redaction, not zero
        if numeral == "一" and _is_ideograph(prev) and prev != "金":
            continue  # 関東一円: "all over", not one yen
        yen = parse_int(numeral)
        if yen is None or (yen == 0 and len(numeral) > 1):
            continue  # '00円', '〇〇円': a placeholder, not zero
        yield start, m.end(), yen


_BARE_JOIN = re.compile(r"(?:[～~〜]|ないし|乃至|から|又は|または)$")


def _bare_left_end(text: str, start: int, to_numeral: str) -> tuple[int, int, int, bool] | None:
    """`1000～2000万円`, `5万又は6万円`: the left end written without 円.

    Returns (start, end, yen, is_range). A left end without 万/億 takes the right end's unit.
    """
    m = _BARE_JOIN.search(text, max(0, start - 3), start)
    if m is None:
        return None
    j = m.start()
    s = _numeral_start(text, j)
    if s == j or _fragment_of_broken_line(text, s):
        return None
    left = text[s:j]
    if s > 0 and text[s - 1] in _VAGUE_BEFORE:
        return None
    if not any(ch in _UNIT_SUFFIX for ch in left):
        unit_char = next((ch for ch in reversed(to_numeral) if ch in _UNIT_SUFFIX), None)
        if unit_char is None:
            return None
        left += unit_char
    value = parse_int(left)
    if value is None or value == 0:
        return None
    return s, j, value, m.group() not in ("又は", "または")


@register("money", ["MONEY", "RATE"])
def extract_money(text: str) -> Iterator[Suggestion]:
    """MONEY then RATE suggestions, in text order within each label."""
    amounts = list(_amounts(text))
    prev_end = -1
    prev_value: dict[str, Any] | None = None
    for start, end, yen in amounts:
        value: dict[str, Any] = {"yen": yen, **_attributes(text, start, end)}
        between = text[prev_end:start] if prev_end >= 0 else None
        if prev_value is not None and between is not None and len(between) <= 4:
            join = _RANGE_JOIN.fullmatch(between)
            # 'AからB' is also 'B subtracted from A', 'changed from A to B': a range only
            # when closed by まで, 程度, ... ; ～ and ないし always make one
            if join and (join.group() != "から" or _RANGE_END.match(text, end)):
                prev_value["range"] = "from"
                value["range"] = "to"
        bare = _bare_left_end(text, start, text[start : end - 1])
        if bare is not None and bare[0] >= prev_end:
            b_start, b_end, b_yen, is_range = bare
            left: dict[str, Any] = {"yen": b_yen, **_attributes(text, b_start, b_start)}
            left.pop("approx", None)
            if is_range:
                left["range"] = "from"
                value["range"] = "to"
            yield Suggestion("MONEY", b_start, b_end, left)
        prev_end, prev_value = end, value
        yield Suggestion("MONEY", start, end, value)
    yield from extract_rates(text)


# --- RATE ---------------------------------------------------------------------------------

_N = r"[0-9０-９〇一二三四五六七八九十百]+"
_DEC = r"[0-9０-９〇一二三四五六七八九十]+(?:[.．・][0-9０-９〇一二三四五六七八九]+)?"
_RATE = re.compile(
    # 年5分 / 年5分5厘 / 年1割4分6厘: 分 is a rate only after 年 or after 割
    r"(?P<wari>(?P<w_year>年[ \u3000]?)?(?P<w>" + _N + r"(?:[.．・]" + _N + r")?)割"
    r"(?:(?P<wb>" + _N + r")分)?"
    r"(?:(?P<wr>" + _N + r")厘)?)"
    r"|(?P<bu>(?<![0-9０-９〇一二三四五六七八九十元])年[ \u3000]?(?P<b>" + _N + r")分"
    r"(?:(?P<br>" + _N + r")厘)?(?!間|以内|の[0-9０-９〇一二三四五六七八九十]))"
    r"|(?P<pct>(?P<p_year>年[ \u3000]?)?(?P<p>" + _DEC + r")[ \u3000]?(?:%|％|パー+セント))"
    r"|(?P<frac>(?<![時0-9０-９])(?P<fd>" + _N + r")分の(?P<fn>" + _N + r"))"
    r"|(?P<split>(?P<sd>" + _N + r")分し[,，、]?[ \u3000]?その(?P<sn>" + _N + r"))"
    # `職務時間の1/2`: a slash fraction of something named before it (not 9/12年, 1/2頁)
    r"|(?P<slash>(?<=[^年]の)(?P<sln>[0-9０-９]{1,3})[/／](?P<sld>[0-9０-９]{1,3})"
    r"(?![0-9０-９/／.．年月日頁枚号行条項]|ページ))"
)
_RATE_ANCHOR = re.compile(r"[割分%％/／]|パー+セント")
# the number opening a range whose other end is the rate: `一~二割`, `50~85%`, `五〇ないし六〇`
_RATE_RANGE_START = re.compile(
    r"(?<![0-9０-９〇一二三四五六七八九十百.．・第])(?P<n>" + _DEC + r")[ \u3000]?"
    r"(?:[~〜～]|ないし|乃至|から)[ \u3000]?$"
)
_ARABIC = frozenset("0123456789０１２３４５６７８９")


def _year_prefix_ok(text: str, start: int) -> bool:
    """`年` of 年5分 is the rate's 'per year', not the end of a date such as 平成3年."""
    return not (start > 0 and (text[start - 1] in DIGITS or text[start - 1] in "元十"))


def _rate_value(m: re.Match[str], text: str) -> tuple[int, int, dict[str, Any]] | None:
    g = m.group
    if g("wari"):
        dec = parse_decimal(g("w")) if any(c in g("w") for c in ".．・") else None
        w = parse_int(g("w")) if dec is None else 0
        if dec is not None and (g("wb") or g("wr")):
            return None  # 2.5割3分: not a way rates are written
        wb = parse_int(g("wb")) if g("wb") else 0
        wr = parse_int(g("wr")) if g("wr") else 0
        if w is None or wb is None or wr is None or wb >= 10 or wr >= 10:
            return None
        val: dict[str, Any] = {"rate": round((dec or w) / 10 + wb / 100 + wr / 1000, 10)}
        start = m.start()
        if g("w_year"):
            if _year_prefix_ok(text, start):
                val["per"] = "年"
            else:
                start += len(g("w_year"))
        return start, m.end(), val
    if g("bu"):
        b = parse_int(g("b"))
        br = parse_int(g("br")) if g("br") else 0
        if b is None or br is None or b >= 100 or br >= 10:
            return None
        return m.start(), m.end(), {"rate": round(b / 100 + br / 1000, 10), "per": "年"}
    if g("pct"):
        p = parse_decimal(g("p"))
        start = m.start()
        if p is None and g("p")[0] == "十" and g("p")[1:2] in _ARABIC and not g("p_year"):
            p, start = parse_decimal(g("p")[1:]), start + 1  # `十13%`: a plus sign read as 十
        if p is None:
            return None
        val = {"rate": round(p / 100, 10)}
        if g("p_year"):
            if _year_prefix_ok(text, start):
                val["per"] = "年"
            else:
                start += len(g("p_year"))
        return start, m.end(), val
    if g("frac"):
        den, num = parse_int(g("fd")), parse_int(g("fn"))
        if not den or num is None or num > den:
            return None
        return (
            m.start(),
            m.end(),
            {"rate": float(round(Fraction(num, den), 10)), "fraction": f"{num}/{den}"},
        )
    if g("slash"):
        den, num = parse_int(g("sld")), parse_int(g("sln"))
        if not den or not num or num >= den:
            return None
    else:
        den, num = parse_int(g("sd")), parse_int(g("sn"))
        if not den or num is None or num > den:
            return None
    return m.start(), m.end(), {"rate": round(num / den, 10), "fraction": f"{num}/{den}"}


def _range_start(m: re.Match[str], text: str, start: int, rate: float) -> Suggestion | None:
    """The bare number opening `一~二割` / `二〇〇~三〇〇パーセント` / `50~85%`, read in the
    unit of the rate that closes the range, when it is smaller than that rate."""
    g = m.group
    if g("pct") and not g("p_year"):
        scale = 100
    elif g("wari") and not (g("w_year") or g("wb") or g("wr")):
        scale = 10
    else:
        return None
    r = _RATE_RANGE_START.search(text, max(0, start - 16), start)
    low = parse_decimal(r.group("n")) if r else None
    if r is None or low is None or not 0 < low / scale < rate:
        return None
    value: dict[str, Any] = {"rate": round(low / scale, 10)}
    n_start = r.start("n")
    if text.endswith("年", 0, n_start) and _year_prefix_ok(text, n_start - 1):
        value["per"] = "年"  # 年5~6%
    return Suggestion("RATE", n_start, r.end("n"), value)


def extract_rates(text: str) -> Iterator[Suggestion]:
    for m in finditer_near(_RATE, _RATE_ANCHOR, text):
        if m.start() > 0 and text[m.start() - 1] in "数何":
            continue
        got = _rate_value(m, text)
        if got is not None:
            first = _range_start(m, text, got[0], got[2]["rate"])
            if first is not None:
                yield first
            yield Suggestion("RATE", got[0], got[1], got[2])

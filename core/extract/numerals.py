"""Japanese numerals to int: the parser every quantity extractor shares.

Accepts arabic digits (half- or full-width, with 3-digit comma groups), positional kanji
(`一九九万八〇七八`), kanji with 十百千 (`二十三万四千五百六十七`), arabic with kanji units
(`3千万`, `1億7735万6440`), the old forms 壱弐参拾萬阡 and a decimal point that still gives
a whole number (`3.5万` -> 35000, `一・〇〇` -> 1). Anything else, a newline or a space
included, makes the whole string invalid (None): a number broken across lines must not
be read as a smaller one.
"""

from __future__ import annotations

_ARABIC = {str(i): i for i in range(10)} | {chr(0xFF10 + i): i for i in range(10)}
_KANJI_DIGITS = dict(zip("〇一二三四五六七八九", range(10), strict=True)) | {
    "○": 0,  # U+25CB, which some PDFs give for 〇
    "零": 0,
    "壱": 1,
    "壹": 1,
    "弐": 2,
    "貳": 2,
    "参": 3,
    "參": 3,
    "伍": 5,
}
DIGITS: dict[str, int] = _ARABIC | _KANJI_DIGITS
SMALL_UNITS: dict[str, int] = {
    "十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "阡": 1000, "仟": 1000,
}  # fmt: skip
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "億": 10**8, "兆": 10**12}
COMMAS = frozenset(",，")
POINTS = frozenset(".．・")

#: Every character that may occur inside a numeral (used by extractors to scan backwards).
NUMERAL_CHARS: frozenset[str] = (
    frozenset(DIGITS) | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS) | COMMAS | POINTS
)
#: Character class body (for regexes) of the same characters.
NUMERAL_CLASS = "".join(sorted(NUMERAL_CHARS)).replace("-", r"\-").replace("]", r"\]")

_TO_HALF = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"．": ".", "，": ","})


def to_half_width(s: str) -> str:
    """Full-width digits, point and comma to ASCII (other characters untouched)."""
    return s.translate(_TO_HALF)


def parse_int(s: str) -> int | None:
    """The integer a numeral string denotes, or None when it is not one well-formed numeral.

    Rules that reject: empty string or no digit/unit; a comma not between arabic digits or
    not followed by exactly three digits; 十百千 out of order or with a coefficient >= 10;
    万億兆 out of order, or a lower group >= 10000 after a higher unit; a second decimal
    point, or a decimal that leaves a fraction of one.
    """
    total = 0
    section = 0  # value below the current big unit
    cur = -1  # digits being read, -1 when none
    cur_len = 0
    last_big = 10**16
    last_small = 10**5
    sep_run = -1  # digits read since the last comma, -1 when no comma in this run
    prev_arabic = False
    den = 0  # 0: no decimal point yet in this group; else 10**(fraction digits)
    used_point = False
    seen = False
    for ch in s:
        d = DIGITS.get(ch)
        if d is not None:
            cur = d if cur < 0 else cur * 10 + d
            cur_len += 1
            if den:
                den *= 10
            if sep_run >= 0:
                sep_run += 1
                if sep_run > 3:
                    return None
            prev_arabic = ch in _ARABIC
            seen = True
            continue
        if ch in COMMAS:
            if not prev_arabic or den or (sep_run >= 0 and sep_run != 3):
                return None
            if sep_run < 0 and cur_len > 3:
                return None
            sep_run = 0
            prev_arabic = False
            continue
        prev_arabic = False
        if sep_run >= 0 and sep_run != 3:
            return None
        sep_run = -1
        unit = SMALL_UNITS.get(ch)
        if unit is not None:
            if den or unit >= last_small or cur >= 10:
                return None
            section += unit * (1 if cur < 0 else cur)
            last_small = unit
            cur, cur_len = -1, 0
            seen = True
            continue
        unit = BIG_UNITS.get(ch)
        if unit is not None:
            if unit >= last_big:
                return None
            if den:
                if section or cur < 0:
                    return None
                scaled = cur * unit
                if scaled % den:
                    return None
                group_value = scaled // den
                den = 0
            else:
                if cur >= 0 and last_small < 10**5 and cur >= last_small:
                    return None
                group = section + max(cur, 0)
                if group == 0 and (cur < 0 or total == 0):
                    return None  # '万' alone, '億万', '0万' or the placeholder '〇〇万'
                if last_big < 10**16 and group >= 10000:
                    return None
                group_value = group * unit
            total += group_value
            section, cur, cur_len = 0, -1, 0
            last_big, last_small = unit, 10**5
            continue
        if ch in POINTS:
            if used_point or cur < 0 or section:
                return None
            used_point = True
            den = 1
            continue
        return None
    if not seen:
        return None
    if den:
        if den == 1 or section or cur % den:
            return None
        tail = cur // den
    else:
        if sep_run >= 0 and sep_run != 3:
            return None
        if cur >= 0 and last_small < 10**5 and cur >= last_small:
            return None
        tail = section + max(cur, 0)
    if last_big < 10**16 and tail >= 10000:
        return None
    return total + tail


def parse_decimal(s: str) -> float | None:
    """A plain decimal such as `14.6`, `１４．６` or `三〇・一一` (no units): for rates."""
    if not s:
        return None
    int_part, sep, frac_part = s.partition(".") if "." in s else s.partition("．")
    if not sep and "・" in s:
        int_part, sep, frac_part = s.partition("・")
    if sep and not frac_part:
        return None
    whole = parse_int(int_part) if int_part else 0
    if whole is None:
        return None
    if not sep:
        return float(whole)
    digits = []
    for ch in frac_part:
        d = DIGITS.get(ch)
        if d is None:
            return None
        digits.append(str(d))
    return float(f"{whole}.{''.join(digits)}")

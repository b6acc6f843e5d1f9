"""The numeral parser: every written form of a number, and what it must refuse."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.extract.numerals import parse_decimal, parse_int, to_half_width

KANJI = "〇一二三四五六七八九"


def arabic(n: int, commas: bool = False, full: bool = False) -> str:
    s = f"{n:,}" if commas else str(n)
    return s.translate(str.maketrans("0123456789,", "０１２３４５６７８９，")) if full else s


def groups(n: int) -> list[tuple[int, str]]:
    """Split into 兆/億/万/units groups of four digits, highest first, zero groups dropped."""
    out = []
    for unit, name in ((10**12, "兆"), (10**8, "億"), (10**4, "万"), (1, "")):
        g, n = divmod(n, unit)
        if g:
            out.append((g, name))
    return out


def man_oku(n: int, digit=str) -> str:  # type: ignore[no-untyped-def]
    """1億7735万6440 (or with a digit formatter for positional kanji)."""
    if n == 0:
        return digit(0)
    return "".join(digit(g) + name for g, name in groups(n))


def kanji_positional(n: int) -> str:
    return "".join(KANJI[int(c)] for c in str(n))


def kanji_small(n: int) -> str:
    """Below 10000 with 十百千: 四千五百六十七, 二十, 十一."""
    out = ""
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        d, n = divmod(n, unit)
        if d:
            out += ("" if d == 1 else KANJI[d]) + name
    return out + (KANJI[n] if n else "")


def kanji_full(n: int) -> str:
    if n == 0:
        return "〇"
    return "".join(kanji_small(g) + name for g, name in groups(n))


NUMBERS = st.integers(min_value=0, max_value=10**16 - 1)


@given(NUMBERS, st.booleans(), st.booleans())
def test_arabic_round_trip(n: int, commas: bool, full: bool) -> None:
    assert parse_int(arabic(n, commas, full)) == n


@given(NUMBERS)
def test_man_oku_arabic_round_trip(n: int) -> None:
    assert parse_int(man_oku(n)) == n


@given(NUMBERS)
def test_man_oku_with_comma_groups_round_trip(n: int) -> None:
    assert parse_int(man_oku(n, lambda g: f"{g:,}")) == n


@given(NUMBERS)
def test_kanji_positional_round_trip(n: int) -> None:
    assert parse_int(kanji_positional(n)) == n
    assert parse_int(man_oku(n, kanji_positional)) == n


@given(NUMBERS)
def test_kanji_with_units_round_trip(n: int) -> None:
    assert parse_int(kanji_full(n)) == n


@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(["\n", " ", "\u3000"]))
def test_a_break_inside_refuses_the_whole(n: int, brk: str) -> None:
    s = man_oku(n)
    if len(s) < 2:
        return
    cut = len(s) // 2
    assert parse_int(s[:cut] + brk + s[cut:]) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6000", 6000),
        ("1,159万3,184", 11593184),
        ("1億7735万6440", 177356440),
        ("１億７７３５万６４４０", 177356440),
        ("一九九万八〇七八", 1998078),
        ("一億一六四七万六六〇〇", 116476600),
        ("六千", 6000),
        ("二十三万四千五百六十七", 234567),
        ("10億2300万", 1023000000),
        ("壱万弐千参百", 12300),
        ("拾万", 100000),
        ("3千万", 30000000),
        ("3.5万", 35000),
        ("一・〇〇", 1),
        ("百万", 1000000),
    ],
)
def test_examples(text: str, value: int) -> None:
    assert parse_int(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "万",
        "億万",
        "600\n0",
        "1,2",
        "12,34",
        "1234,000",
        "1,0000",
        "0.5",  # not whole yen
        "1.2.3",
        "1億23456万",  # a group under 億 has at most four digits
        "1万2億",  # units out of order
        "百千",
        "12百",
        "3.",
        "五円",
        "0万",
        "〇〇万",
    ],
)
def test_refused(text: str) -> None:
    assert parse_int(text) is None


def test_decimal_for_rates() -> None:
    assert parse_decimal("14.6") == pytest.approx(14.6)
    assert parse_decimal("１４．６") == pytest.approx(14.6)
    assert parse_decimal("三〇・一一") == pytest.approx(30.11)
    assert parse_decimal("5") == 5.0
    assert parse_decimal("5.") is None
    assert parse_decimal("") is None


def test_to_half_width() -> None:
    assert to_half_width("１，０００．５") == "1,000.5"

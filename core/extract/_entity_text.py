"""Helpers shared by the entity families (case numbers, courts, parties, evidence, laws, terms).

The entity extractors must work on width-folded and unfolded text alike, so they match on a
one-to-one folded copy (`folded`): every index of the copy is the same index of the input,
and spans found on it are spans of the input.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, one code point for one: offsets are kept.
# U+3000 is kept (an indent/heading signal); the wave dash and its look-alike become "~".
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD[0x301C] = ord("~")  # 〜 WAVE DASH
_FOLD[0x2212] = ord("-")  # − MINUS SIGN


@lru_cache(maxsize=8)
def folded(text: str) -> str:
    """Return `text` with full-width ASCII folded to half-width, same length as `text`."""
    return text.translate(_FOLD)


SP = "[ \u3000]*"  # inline space (never a newline)
ERAS = ("明治", "大正", "昭和", "平成", "令和")
ERA_RE = "|".join(ERAS)
# last valid year of each era; 令和 is open, capped to refuse garbage such as 令和100
ERA_MAX = {"明治": 45, "大正": 15, "昭和": 64, "平成": 31, "令和": 50}
KANJI_DIGITS = "〇一二三四五六七八九十百千"
NUM_RE = rf"(?:\d+|[{KANJI_DIGITS}]+)"

_KD = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KD["零"] = 0
_UNITS = {"十": 10, "百": 100, "千": 1000}


def to_int(s: str) -> int | None:
    """Arabic (already folded) or kanji numerals, positional (`一〇四四`) or with 十百千."""
    s = s.replace(" ", "").replace("\u3000", "")
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if s == "元":
        return 1
    if all(c in _KD for c in s):
        return int("".join(str(_KD[c]) for c in s))
    total = 0
    cur = 0
    for c in s:
        if c in _KD:
            cur = cur * 10 + _KD[c] if cur else _KD[c]
        elif c in _UNITS:
            total += (cur or 1) * _UNITS[c]
            cur = 0
        else:
            return None
    return total + cur


def era_year_ok(era: str, year: int) -> bool:
    """False for impossible era years: 平成0, 昭和65, 令和100 ..."""
    return 1 <= year <= ERA_MAX.get(era, 0)


def despace(s: str) -> str:
    return re.sub("[ \u3000]+", "", s)


# Role words of the parties, longest first so that alternations prefer the long form.
PARTY_ROLES = (
    "附帯被控訴人",
    "附帯控訴人",
    "被控訴人",
    "控訴人",
    "被上告人",
    "上告人",
    "被抗告人",
    "抗告人",
    "被申立人",
    "申立人",
    "相手方",
    "反訴原告",
    "反訴被告",
    "補助参加人",
    "訴訟参加人",
    "参加人",
    "被告人",
    "債権者",
    "債務者",
    "原告",
    "被告",
    "検察官",
    "弁護人",
)


def spaced(word: str) -> str:
    """A regex for `word` with optional inline spaces between its letters (`原　　告`)."""
    return SP.join(re.escape(c) for c in word)


def header_end(text: str) -> int:
    """Where the header block (case number, parties) ends: the first 主文 line, else 0."""
    m = re.search(r"^[ \u3000○]*主[ \u3000]*文[ \u3000]*$", text, re.M)
    return m.start() if m else 0


def run_start(f: str, end: int, chars: Container[str], maxlen: int) -> int:
    """Walk back from `end` while the characters are in `chars` (at most `maxlen`)."""
    i = end
    lo = max(0, end - maxlen)
    while i > lo and f[i - 1] in chars:
        i -= 1
    return i


def _chars(*ranges: tuple[int, int], extra: str = "") -> frozenset[str]:
    out = set(extra)
    for a, b in ranges:
        out.update(chr(c) for c in range(a, b + 1))
    return frozenset(out)


KANJI = _chars((0x4E00, 0x9FFF), (0x3400, 0x4DBF), extra="々〆ヶ")
KATAKANA = _chars((0x30A1, 0x30FA), extra="ー・")
LATIN = _chars((0x41, 0x5A), (0x61, 0x7A), (0x30, 0x39), extra="&.")
NAME_CHARS = KANJI | KATAKANA | LATIN

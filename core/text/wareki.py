"""Japanese era years to Gregorian years: the five modern eras and their first days."""

from __future__ import annotations

import datetime as _dt

# era name -> (first day, romanised name used by the courts' records)
ERAS: dict[str, tuple[_dt.date, str]] = {
    "明治": (_dt.date(1868, 1, 25), "Meiji"),  # 明治6年 (1873) is the first Gregorian year
    "大正": (_dt.date(1912, 7, 30), "Taisho"),
    "昭和": (_dt.date(1926, 12, 25), "Showa"),
    "平成": (_dt.date(1989, 1, 8), "Heisei"),
    "令和": (_dt.date(2019, 5, 1), "Reiwa"),
}
# Eras that began on the day their predecessor's emperor died: that day has both names
# (明治45年7月30日 = 大正元年7月30日, 大正15年12月25日 = 昭和元年12月25日).
_SHARED_FIRST_DAY = frozenset({"大正", "昭和"})
_BY_ROMAJI = {romaji.lower(): kanji for kanji, (_d, romaji) in ERAS.items()}
_ORDER = list(ERAS)


def era_kanji(name: str) -> str | None:
    """'Heisei', 'heisei' or '平成' -> '平成'; None if unknown."""
    if name in ERAS:
        return name
    return _BY_ROMAJI.get(name.strip().lower())


def to_gregorian_year(era: str, year: int) -> int:
    kanji = era_kanji(era)
    if kanji is None:
        raise ValueError(f"unknown era {era!r}")
    if year < 1:
        raise ValueError(f"{kanji}{year}年: an era year starts at 1 (元年)")
    return ERAS[kanji][0].year + year - 1


def to_date(era: str, year: int, month: int, day: int) -> tuple[_dt.date, bool]:
    """Return (date, in_era). in_era is False for dates outside the era's span, such as
    平成31年5月1日 in a text drafted before the change: accepted, but flagged."""
    kanji = era_kanji(era)
    if kanji is None:
        raise ValueError(f"unknown era {era!r}")
    d = _dt.date(to_gregorian_year(kanji, year), month, day)
    last = era_last_day(kanji)
    in_era = d >= ERAS[kanji][0] and (last is None or d <= last)
    return d, in_era


def era_bounds(era: str) -> tuple[_dt.date, _dt.date | None]:
    """(first day, first day of the next era or None for the current one)."""
    kanji = era_kanji(era)
    if kanji is None:
        raise ValueError(f"unknown era {era!r}")
    idx = _ORDER.index(kanji)
    nxt = ERAS[_ORDER[idx + 1]][0] if idx + 1 < len(_ORDER) else None
    return ERAS[kanji][0], nxt


def era_last_year(era: str) -> int | None:
    """The highest year number the era reached (平成 -> 31), None for the current era."""
    start, nxt = era_bounds(era)
    return None if nxt is None else nxt.year - start.year + 1


def era_last_day(era: str) -> _dt.date | None:
    """The era's last day (None for the current era); shared boundary days count for both."""
    kanji = era_kanji(era)
    if kanji is None:
        raise ValueError(f"unknown era {era!r}")
    idx = _ORDER.index(kanji)
    if idx + 1 == len(_ORDER):
        return None
    nxt = _ORDER[idx + 1]
    first = ERAS[nxt][0]
    return first if nxt in _SHARED_FIRST_DAY else first - _dt.timedelta(days=1)

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
    start = ERAS[kanji][0]
    idx = _ORDER.index(kanji)
    end = ERAS[_ORDER[idx + 1]][0] if idx + 1 < len(_ORDER) else None
    in_era = d >= start and (end is None or d < end)
    return d, in_era

"""Calendar arithmetic of the DATE extractor: wareki to western years, with the checks
that drop dates no calendar has (2月30日) and flag those past their era (平成31年5月1日)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from core.extract.numerals import parse_int
from core.text.wareki import era_bounds, era_last_day, era_last_year

MAX_ERA_OVERRUN = 5  # years past an era's end still read as that era (drafted before it)


def era_number(s: str) -> int | None:
    return 1 if s == "元" else parse_int(s)


def valid_date(y: int, m: int, d: int | None) -> bool:
    if not 1 <= m <= 12 or y < 1 or y > 9999:
        return False
    return d is None or 1 <= d <= calendar.monthrange(y, m)[1]


def shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def era_ymd(
    era: str, year: str, month: str | None, day: str | None
) -> tuple[int, int, int | None, dict[str, Any]] | None:
    ey = era_number(year)
    if ey is None or ey < 1 or month is None:
        return None
    last = era_last_year(era)
    if ey > (99 if last is None else last + MAX_ERA_OVERRUN):
        return None
    start = era_bounds(era)[0]
    end = era_last_day(era)
    y = start.year + ey - 1
    m = parse_int(month)
    d = parse_int(day) if day else None
    if m is None or (day and d is None) or not valid_date(y, m, d):
        return None
    first = dt.date(y, m, d or 1)
    last_day = dt.date(y, m, d or calendar.monthrange(y, m)[1])
    attrs: dict[str, Any] = {}
    if last_day < start or (end is not None and first > end):
        attrs["out_of_era"] = True
    return y, m, d, attrs


def iso_date(y: int, m: int, d: int | None) -> str:
    return f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d is not None else "")

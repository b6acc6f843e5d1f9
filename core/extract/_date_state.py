"""What the DATE extractor's resolution loop carries from one date to the next: the date
the story is at, the era named last, the year a bare 平成30年 set, and the years that
defined terms and a declared default give to dates written without one."""

from __future__ import annotations

from typing import Any


class DateState:
    """What the resolution loop remembers between matches."""

    def __init__(self, default_year: tuple[int, int] | None) -> None:
        # the last date of the case's story, or the year of a bare 平成10年 (month None)
        self.ctx: tuple[int, int | None, int | None] | None = None
        self.ctx_end = -1  # where the date in ctx ends
        self.year_only: tuple[int, int] | None = None  # (year, end) of a bare 平成30年
        self.last_era: str | None = None  # for 同31年: the era named last
        self.last_full: int | None = None  # year of the last story date that had a month
        self.last_end = -1  # end of the last date suggested
        self.defined: dict[tuple[int, int], int] = {}  # (month, day) opening a defined term
        # (year, end) of 特に断らない限り平成10年の月日である: the year of year-less dates after it
        self.default_year = default_year
        self.case_year: tuple[int, int] | None = None  # (year, end) of 令和3年(あ)第151号
        # (year, marker) of the last date opening a numbered item (`ア  平成15年1月28日の…`)
        self.head: tuple[int, str] | None = None

    def running(self) -> tuple[Any, ...]:
        """What a quotation must not change for the text after it."""
        return self.ctx, self.ctx_end, self.year_only, self.last_full

    def restore(self, saved: tuple[Any, ...]) -> None:
        self.ctx, self.ctx_end, self.year_only, self.last_full = saved

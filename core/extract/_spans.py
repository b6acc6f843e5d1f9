"""Is a position inside one of many spans? Answered in O(log n) rather than by a scan.

Extractors skip a candidate that starts inside a span already taken; checking every
candidate against the whole list of taken spans grows with the square of the text length
(thousands of names times thousands of spans on a long judgment).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class Covered:
    """A fixed set of half-open spans [start, end); `pos in covered` is True when some span
    has start <= pos < end. Built once (sorted starts and a running maximum of the ends)."""

    __slots__ = ("_max_end", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end: list[int] = []
        best = -1
        for _, e in ordered:
            best = max(best, e)
            self._max_end.append(best)

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        i = bisect_right(self._starts, pos)
        return i > 0 and self._max_end[i - 1] > pos

    def __len__(self) -> int:
        return len(self._starts)

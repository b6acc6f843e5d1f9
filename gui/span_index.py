"""Spans sorted by start, for asking "which spans touch [a, b)?" per block (no Qt).

Short spans are found by bisect between `a - longest` and `b`; the rare very long span is
kept aside and checked every time, so one long span cannot make every lookup slow.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import NamedTuple

from core.model import SpanData

LONG = 2000  # code points


class Entry(NamedTuple):
    """A span as the highlighter needs it (a tuple: cheap to build by the thousand)."""

    start: int  # code points, end-exclusive (first, so tuples sort by position)
    end: int
    id: int
    label: str
    status: str


def entry(sp: SpanData) -> Entry:
    return Entry(sp.start, sp.end, sp.id, sp.label, sp.status)


class SpanIndex:
    def __init__(self, spans: Iterable[SpanData] = ()) -> None:
        items = [Entry(sp.start, sp.end, sp.id, sp.label, sp.status) for sp in spans]
        items.sort()
        self._long = {e.id: e for e in items if e.end - e.start > LONG}
        self._items = [e for e in items if e.end - e.start <= LONG]
        self._starts = [e.start for e in self._items]
        self._maxlen = max((e.end - e.start for e in self._items), default=0)
        self._by_id = {e.id: e for e in items}

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, span_id: int) -> Entry | None:
        return self._by_id.get(span_id)

    def add(self, sp: SpanData) -> Entry:
        self.remove(sp.id)
        e = entry(sp)
        self._by_id[e.id] = e
        if e.end - e.start > LONG:
            self._long[e.id] = e
            return e
        i = bisect.bisect_right(self._starts, e.start)
        self._starts.insert(i, e.start)
        self._items.insert(i, e)
        self._maxlen = max(self._maxlen, e.end - e.start)
        return e

    def remove(self, span_id: int) -> Entry | None:
        e = self._by_id.pop(span_id, None)
        if e is None:
            return None
        if self._long.pop(span_id, None) is None:
            i = bisect.bisect_left(self._starts, e.start)
            while self._items[i].id != span_id:
                i += 1
            del self._starts[i]
            del self._items[i]
        return e

    def overlapping(self, a: int, b: int) -> list[Entry]:
        """Spans with start < b and end > a."""
        lo = bisect.bisect_left(self._starts, a - self._maxlen)
        hi = bisect.bisect_left(self._starts, b)
        out = [e for e in self._items[lo:hi] if e.end > a]
        if self._long:
            out.extend(e for e in self._long.values() if e.start < b and e.end > a)
        return out

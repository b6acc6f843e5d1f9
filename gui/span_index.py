"""Spans sorted by start, for asking "which spans touch [a, b)?" per block (no Qt).

Short spans are found by bisect between `a - longest` and `b`; the rare very long span is
kept aside and checked every time, so one long span cannot make every lookup slow. The
index keeps the SpanData snapshots themselves (immutable): building it for a judgment
with thousands of spans is part of opening it, so nothing is copied.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from operator import attrgetter

from core.model import SpanData

LONG = 2000  # code points

Entry = SpanData  # what a lookup returns: start, end, id, label and status are used
_start = attrgetter("start")


class SpanIndex:
    def __init__(self, spans: Iterable[SpanData] = ()) -> None:
        items = sorted(spans, key=_start)  # stable: equal starts keep the caller's order
        lengths = [sp.end - sp.start for sp in items]
        if lengths and max(lengths) > LONG:
            self._long = {sp.id: sp for sp, n in zip(items, lengths, strict=True) if n > LONG}
            items = [sp for sp, n in zip(items, lengths, strict=True) if n <= LONG]
            lengths = [n for n in lengths if n <= LONG]
        else:
            self._long = {}
        self._items = items
        self._starts = list(map(_start, items))
        self._maxlen = max(lengths, default=0)
        self._by_id = {sp.id: sp for sp in items}
        self._by_id.update(self._long)

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, span_id: int) -> Entry | None:
        return self._by_id.get(span_id)

    def add(self, sp: SpanData) -> Entry:
        self.remove(sp.id)
        self._by_id[sp.id] = sp
        if sp.end - sp.start > LONG:
            self._long[sp.id] = sp
            return sp
        i = bisect.bisect_right(self._starts, sp.start)
        self._starts.insert(i, sp.start)
        self._items.insert(i, sp)
        self._maxlen = max(self._maxlen, sp.end - sp.start)
        return sp

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

"""Offset maps from the shown `text` back to the decoded `raw_text`.

Every normalisation step produces a map from its output to its input; maps compose, so a
span of the final `text` can always be exported with offsets into the original court text.
Offsets are Python `str` indices (code points), end-exclusive.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any


class OffsetMap:
    """Character i of `text` came from `raw[starts[i]:ends[i]]`.

    `starts` is non-decreasing: steps may join, drop or replace characters but never
    reorder them. A character inserted by a step (no source) has `starts[i] == ends[i]`.
    """

    __slots__ = ("_ends", "_identity", "_n", "_starts", "raw_len")

    def __init__(self, starts: Sequence[int], ends: Sequence[int], raw_len: int) -> None:
        if len(starts) != len(ends):
            raise ValueError("starts and ends differ in length")
        self._starts: array[int] | None = array("q", starts)
        self._ends: array[int] | None = array("q", ends)
        self._n = len(starts)
        self._identity = False
        self.raw_len = raw_len

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        """The map of a step that changed nothing; its arrays are only built if asked for,
        since most steps change nothing on most judgments."""
        m = cls.__new__(cls)
        m._starts = m._ends = None
        m._n = n
        m._identity = True
        m.raw_len = n
        return m

    def _arrays(self) -> tuple[array[int], array[int]]:
        if self._starts is None or self._ends is None:
            self._starts = array("q", range(self._n))
            self._ends = array("q", range(1, self._n + 1))
        return self._starts, self._ends

    def __len__(self) -> int:
        return self._n

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetMap):
            return NotImplemented
        if self._identity and other._identity:
            return self._n == other._n
        return self.raw_len == other.raw_len and self._arrays() == other._arrays()

    def __repr__(self) -> str:
        return f"OffsetMap(len={len(self)}, raw_len={self.raw_len})"

    def is_identity(self) -> bool:
        if self._identity:
            return True
        n = self._n
        if self.raw_len != n:
            return False
        starts, ends = self._arrays()
        return starts == array("q", range(n)) and ends == array("q", range(1, n + 1))

    def source(self, i: int) -> tuple[int, int]:
        """Raw range of text character i."""
        if self._identity:
            if not 0 <= i < self._n:
                raise IndexError(i)
            return i, i + 1
        starts, ends = self._arrays()
        return starts[i], ends[i]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a text span [start, end) to the raw span that produced it."""
        n = len(self)
        if not 0 <= start <= end <= n:
            raise IndexError(f"span [{start}, {end}) outside text of length {n}")
        if self._identity:
            return start, end
        starts, ends = self._arrays()
        if start == end:
            pos = starts[start] if start < n else self.raw_len
            return pos, pos
        rs, re_ = starts[start], ends[end - 1]
        return rs, max(rs, re_)

    def from_raw(self, rstart: int, rend: int) -> tuple[int, int]:
        """The smallest text span whose characters come from inside raw [rstart, rend)."""
        if not 0 <= rstart <= rend <= self.raw_len:
            raise IndexError(f"raw span [{rstart}, {rend}) outside raw text of {self.raw_len}")
        if self._identity:
            return rstart, rend
        starts, ends = self._arrays()
        start = bisect_left(starts, rstart)
        end = bisect_right(starts, rend - 1) if rend > rstart else start
        # Drop trailing characters whose source runs past rend.
        while end > start and ends[end - 1] > rend:
            end -= 1
        return start, max(start, end)

    def then(self, step: OffsetMap) -> OffsetMap:
        """Compose: `step` maps a newer text onto this map's text; the result maps it to raw."""
        if step.raw_len != len(self):
            raise ValueError(f"step expects a text of {step.raw_len}, this map has {len(self)}")
        if step._identity:
            return self
        if self._identity:
            return step
        n = len(self)
        starts, ends = self._arrays()
        step_starts, step_ends = step._arrays()
        raw_len = self.raw_len
        new_starts = [starts[s] if s < n else raw_len for s in step_starts]
        new_ends = [
            ends[e - 1] if e > s else ns
            for s, e, ns in zip(step_starts, step_ends, new_starts, strict=True)
        ]
        return OffsetMap(new_starts, new_ends, raw_len)

    # Storage: runs of [n, r0, r1]. n == r1 - r0 is a 1:1 linear run; otherwise every one of
    # the n characters came from the whole block raw[r0:r1].
    def to_json(self) -> dict[str, Any]:
        if self._identity:
            runs = [[self._n, 0, self._n]] if self._n else []
            return {"v": 1, "raw_len": self.raw_len, "runs": runs}
        runs = []
        starts, ends = self._arrays()
        i, n = 0, len(starts)
        while i < n:
            s, e = starts[i], ends[i]
            if e == s + 1:
                j = i + 1
                while j < n and starts[j] == s + (j - i) and ends[j] == starts[j] + 1:
                    j += 1
                runs.append([j - i, s, s + (j - i)])
            else:
                j = i + 1
                while j < n and starts[j] == s and ends[j] == e and (j - i + 1) != e - s:
                    j += 1
                runs.append([j - i, s, e])
            i = j
        return {"v": 1, "raw_len": self.raw_len, "runs": runs}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OffsetMap:
        if data.get("v") != 1:
            raise ValueError(f"unknown offset map version {data.get('v')!r}")
        starts: list[int] = []
        ends: list[int] = []
        for count, r0, r1 in data["runs"]:
            if count == r1 - r0:
                starts.extend(range(r0, r1))
                ends.extend(range(r0 + 1, r1 + 1))
            else:
                starts.extend([r0] * count)
                ends.extend([r1] * count)
        return cls(starts, ends, int(data["raw_len"]))


class MappedBuilder:
    """Builds a new string from pieces of `source`, recording where each character came from."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._pos = 0  # end of the contiguous run of unchanged source kept so far
        self._changed = False

    def keep(self, i: int, j: int) -> None:
        """Copy source[i:j] unchanged, one to one."""
        if j <= i:
            return
        if i != self._pos:
            self._changed = True
        self._pos = j
        self._parts.append(self.source[i:j])
        self._starts.extend(range(i, j))
        self._ends.extend(range(i + 1, j + 1))

    def emit(self, s: str, i: int, j: int) -> None:
        """Write `s` in place of source[i:j]; each character of `s` maps to all of [i, j)."""
        if not s:
            if j > i:
                self._changed = True
            return
        if s != self.source[i:j] or i != self._pos:
            self._changed = True
        self._pos = j
        if len(s) == j - i:  # same length: keep the finer one-to-one mapping
            self._parts.append(s)
            self._starts.extend(range(i, j))
            self._ends.extend(range(i + 1, j + 1))
            return
        self._parts.append(s)
        self._starts.extend([i] * len(s))
        self._ends.extend([j] * len(s))

    def build(self) -> tuple[str, OffsetMap]:
        if not self._changed and self._pos == len(self.source):
            return self.source, OffsetMap.identity(len(self.source))
        return "".join(self._parts), OffsetMap(self._starts, self._ends, len(self.source))


def sub_mapped(
    pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str
) -> tuple[str, OffsetMap]:
    """`re.sub` that also returns the offset map of the substitution."""
    b = MappedBuilder(text)
    pos = 0
    for m in pattern.finditer(text):
        b.keep(pos, m.start())
        b.emit(repl(m), m.start(), m.end())
        pos = m.end()
    b.keep(pos, len(text))
    return b.build()


class Utf16Index:
    """Converts between code-point offsets (core) and UTF-16 units (Qt), cheaply.

    The text is searched for characters outside the BMP (two UTF-16 units each) only as
    far as a question needs, a chunk at a time: opening a long judgment asks about its
    first screen, not about all 500,000 characters."""

    __slots__ = ("_astral", "_astral_u16", "_scanned", "_text")

    _ASTRAL = re.compile("[\U00010000-\U0010ffff]")
    _CHUNK = 65536  # code points searched at least per step

    def __init__(self, text: str) -> None:
        self._text = text
        self._astral: list[int] = []  # code-point positions of astral characters
        self._astral_u16: list[int] = []  # the same, in UTF-16 units
        self._scanned = 0  # every astral character before this position is listed

    def _scan(self, i: int) -> None:
        end = min(len(self._text), max(i, self._scanned + self._CHUNK))
        for m in self._ASTRAL.finditer(self._text, self._scanned, end):
            self._astral_u16.append(m.start() + len(self._astral))
            self._astral.append(m.start())
        self._scanned = end

    def to_utf16(self, i: int) -> int:
        if i > self._scanned:
            self._scan(i)
        return i + bisect_left(self._astral, i)

    def from_utf16(self, u: int) -> int:
        """Code-point index of UTF-16 position u (a position inside a pair snaps forward)."""
        if u > self._scanned:  # code point <= u: the astral characters before u are known
            self._scan(u)
        k = bisect_left(self._astral_u16, u)
        if k and self._astral_u16[k - 1] == u - 1:
            return u - k + 1
        return u - k

"""Japanese tokens for the token-based formats (CoNLL/IOB2, Hugging Face, spaCy).

SudachiPy with its core dictionary (both wheels from PyPI, no download at run time) cuts
each line; tokens are then cut again at whitespace and at every span boundary that falls
inside a token, so every span is exactly a run of whole tokens. The spans that cut a
token this way are counted, because a model trained on them sees a token Sudachi would
not have produced.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

MAX_CHUNK = 4000  # characters per Sudachi call (it refuses inputs over ~49 KB of UTF-8)
_WS = re.compile(r"\s+")
_PIECE = re.compile(r"\s+|\S+")


class _SpanLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    space: bool  # whitespace only (kept for spaCy, left out of CoNLL and HF)


@lru_cache(maxsize=1)
def _sudachi() -> Any:
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="core").tokenizer(SplitMode.C)


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) in pieces of at most MAX_CHUNK, cut after 。 where possible."""
    while end - start > MAX_CHUNK:
        cut = text.rfind("。", start, start + MAX_CHUNK)
        cut = cut + 1 if cut > start else start + MAX_CHUNK
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def sudachi_bounds(text: str) -> list[int]:
    """Every token boundary of `text` (offsets, sorted, with 0 and len(text))."""
    tok = _sudachi()
    bounds = {0, len(text)}
    pos = 0
    for line in text.splitlines(keepends=True):
        for a, b in _chunks(text, pos, pos + len(line)):
            bounds.add(a)
            for m in tok.tokenize(text[a:b]):
                bounds.add(a + m.begin())
                bounds.add(a + m.end())
        pos += len(line)
    for m in _WS.finditer(text):  # whitespace is never inside a word
        bounds.add(m.start())
        bounds.add(m.end())
    return sorted(bounds)


def tokenize(
    text: str, spans: Iterable[_SpanLike] = (), bounds: Sequence[int] | None = None
) -> tuple[list[Token], int]:
    """Tokens of `text` cut at every span boundary, and how many spans cut a token."""
    base = list(bounds) if bounds is not None else sudachi_bounds(text)
    extra: set[int] = set()
    cuts = 0
    for sp in spans:
        cut = False
        for x in (sp.start, sp.end):
            i = bisect_left(base, x)
            if i == len(base) or base[i] != x:
                extra.add(x)
                cut = True
        cuts += cut
    all_bounds = sorted(set(base) | extra)
    tokens = []
    for a, b in itertools.pairwise(all_bounds):
        piece = text[a:b]
        tokens.append(Token(a, b, not piece.strip()))
    return tokens, cuts


def sentences(text: str, tokens: Sequence[Token]) -> Iterator[list[Token]]:
    """Non-space tokens grouped by line (a judgment's line is its natural sentence)."""
    current: list[Token] = []
    for t in tokens:
        if t.space:
            if "\n" in text[t.start : t.end] or "\r" in text[t.start : t.end]:
                if current:
                    yield current
                current = []
            continue
        current.append(t)
    if current:
        yield current


def non_overlapping(spans: Sequence[_SpanLike]) -> tuple[list[int], int]:
    """Indexes of spans IOB tags can hold (longest first, then earliest), and the count of
    spans left out because they overlap a kept one."""
    order = sorted(
        range(len(spans)), key=lambda i: (-(spans[i].end - spans[i].start), spans[i].start, i)
    )
    starts: list[int] = []
    ends: list[int] = []
    kept: list[int] = []
    for i in order:
        s, e = spans[i].start, spans[i].end
        k = bisect_right(starts, s)
        if (k and ends[k - 1] > s) or (k < len(starts) and starts[k] < e):
            continue
        starts.insert(k, s)
        ends.insert(k, e)
        kept.append(i)
    return sorted(kept, key=lambda i: (spans[i].start, i)), len(spans) - len(kept)


def iob2(tokens: Sequence[Token], spans: Sequence[Any]) -> list[str]:
    """IOB2 tags of `tokens` (which must be cut at the spans' boundaries)."""
    tags = ["O"] * len(tokens)
    starts = [t.start for t in tokens]
    for sp in spans:
        i = bisect_left(starts, sp.start)
        first = True
        while i < len(tokens) and tokens[i].end <= sp.end:
            tags[i] = f"{'B' if first else 'I'}-{sp.label}"
            first = False
            i += 1
    return tags

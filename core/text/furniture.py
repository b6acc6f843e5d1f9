"""Page furniture: page numbers, running headers/footers and form feeds are removed.

A removed line goes with its line break (and the blank lines around it), so the page break
does not split a paragraph; line repair then joins across it. Page numbers are `- 1 -`,
`−１−`, `1/12` anywhere, and bare numbers on a line of their own where they sit at a page
edge (form feeds known) or form a rising sequence spread through the text (the PDF text
of the courts' records has no form feeds). A running header or footer is a line that
recurs next to most page boundaries.
"""

from __future__ import annotations

import re
from collections import Counter

from core.text.lines import SPACES, Line, fold, keyword_kind, split_lines, squeeze
from core.text.offsets import MappedBuilder
from core.text.step import StepResult, unchanged

_DASH = "-−－‐‑‒–—―"
_DASHED_NUMBER = re.compile(f"[{_DASH}]\\s*\\d{{1,4}}\\s*[{_DASH}]")
_FRACTION = re.compile(r"\d{1,4}\s*/\s*\d{1,4}")
_LONE_NUMBER = re.compile(r"\d{1,4}")
_MIN_PAGE_CHARS = 300  # consecutive page numbers are at least this far apart
_MAX_STEP = 2  # a page number may skip one page (a page without its number)


def _folded(text: str, ln: Line) -> str:
    return fold(text[ln.start : ln.end].strip(SPACES))


def _lone_value(s: str) -> int | None:
    return int(s) if _LONE_NUMBER.fullmatch(s) else None


def _sequence(cands: list[tuple[int, int]]) -> list[int]:
    """Longest chain of (position, value) rising by 1-2 and spread out; returns indices."""
    n = len(cands)
    best = [1] * n
    prev = [-1] * n
    for j in range(n):
        pj, vj = cands[j]
        for i in range(j):
            pi, vi = cands[i]
            if 1 <= vj - vi <= _MAX_STEP and pj - pi >= _MIN_PAGE_CHARS and best[i] + 1 > best[j]:
                best[j], prev[j] = best[i] + 1, i
    if not n:
        return []
    j = max(range(n), key=lambda k: best[k])
    chain = []
    while j >= 0:
        chain.append(j)
        j = prev[j]
    return chain[::-1]


def _page_edges(lines: list[Line], blank: list[bool]) -> tuple[set[int], set[int]]:
    """First and last non-blank line of every page (pages end at form feeds)."""
    firsts: set[int] = set()
    lasts: set[int] = set()
    page: list[int] = []
    for i, ln in enumerate(lines):
        if not blank[i]:
            page.append(i)
        if ln.sep != "\n":
            if page:
                firsts.add(page[0])
                lasts.add(page[-1])
            page = []
    return firsts, lasts


def _find(text: str, lines: list[Line]) -> tuple[set[int], int, int]:
    """Indices of furniture lines; counts of page numbers and running header lines."""
    folded = [_folded(text, ln) for ln in lines]
    blank = [not s for s in folded]
    has_pages = any(ln.sep == "\f" for ln in lines)
    firsts, lasts = _page_edges(lines, blank) if has_pages else (set(), set())
    numbers: set[int] = set()
    lone: list[tuple[int, int, int]] = []  # (line index, char position, value)
    for i, s in enumerate(folded):
        if _DASHED_NUMBER.fullmatch(s) or _FRACTION.fullmatch(s):
            numbers.add(i)
            continue
        v = _lone_value(s)
        if v is None:
            continue
        if i in firsts or i in lasts:
            numbers.add(i)
        else:
            lone.append((i, lines[i].start, v))
    chain = _sequence([(p, v) for _i, p, v in lone])
    if len(chain) >= 2:
        numbers.update(lone[k][0] for k in chain)
    headers = _running_lines(folded, blank, numbers, firsts, lasts, len(lines))
    return numbers | headers, len(numbers), len(headers)


def _running_lines(
    folded: list[str], blank: list[bool], numbers: set[int],
    firsts: set[int], lasts: set[int], n: int,
) -> set[int]:
    """Lines next to a page boundary whose text (digits ignored) recurs on most pages."""
    def near(i: int, step: int) -> int | None:
        j = i + step
        while 0 <= j < n and (blank[j] or j in numbers):
            j += step
        return j if 0 <= j < n else None

    edges: set[int] = set(firsts) | set(lasts)
    for i in numbers:
        for step in (-1, 1):
            j = near(i, step)
            if j is not None:
                edges.add(j)
    pages = max(len(firsts), len(numbers))
    if pages < 3:
        return set()
    key = {i: re.sub(r"\d+", "#", squeeze(folded[i])) for i in edges
           if i not in numbers and keyword_kind(folded[i]) not in ("keyword", "bracketed", "judge")}
    freq = Counter(key.values())
    return {i for i, k in key.items() if k and len(k) <= 40 and "。" not in k
            and freq[k] * 2 >= pages and freq[k] >= 3}


def remove_furniture(text: str) -> StepResult:
    """Delete page numbers, running headers/footers and form feeds (with their breaks)."""
    if not text:
        return unchanged(text)
    lines = split_lines(text)
    furniture, n_numbers, n_headers = _find(text, lines)
    feeds = sum(1 for ln in lines if ln.sep == "\f")
    if not furniture and not feeds:
        return unchanged(text)
    blank = [not text[ln.start : ln.end].strip(SPACES) for ln in lines]
    last = len(lines) - 1  # the text's end: never dropped, so a final newline survives
    drop = set(furniture)
    for i in furniture:  # the blank lines around a removed line go with it
        for step in (-1, 1):
            j = i + step
            while 0 <= j < last and blank[j] and j not in drop:
                drop.add(j)
                j += step
    for i, ln in enumerate(lines):  # a page that ends or starts blank adds no blank line
        if ln.sep == "\f":
            drop.update(j for j in (i, i + 1) if j < last and blank[j])
    kept = [i for i in range(len(lines)) if i not in drop]
    b = MappedBuilder(text)
    for k, i in enumerate(kept):
        ln = lines[i]
        b.keep(ln.start, ln.end)
        if k + 1 < len(kept):
            # one break between kept lines: this line's own; a form feed becomes "\n"
            if ln.sep == "\n":
                b.keep(ln.end, ln.end + 1)
            else:
                b.emit("\n", ln.end, ln.end + 1)
    new, omap = b.build()
    counts: dict[str, int] = {}
    if n_numbers:
        counts["page_numbers_removed"] = n_numbers
    if n_headers:
        counts["running_lines_removed"] = n_headers
    if feeds:
        counts["form_feeds_removed"] = feeds
    return StepResult(new, omap, counts)

"""Web copies: keep the judgment, leave out the site around it (menus, share buttons, ads).

The judgment starts at its header (判決言渡 / case number / 判決) or at 主文, and ends at the
judges' names, or after the attachments (別紙) that follow them. Text before and after is
only cut when it looks like site text: a menu or share line, or a blank-line separated
block; a PDF-extracted judgment therefore loses nothing. A block of the page that repeats
whole (the courts' summary page holds its text twice) is kept once: the copy with more
line breaks, which keeps its headings on lines of their own.
"""

from __future__ import annotations

import re

from core.text.lines import (
    SPACES,
    Line,
    fold,
    is_cjk,
    is_judge_line,
    is_site_line,
    keyword_kind,
    split_lines,
    squeeze,
)
from core.text.offsets import MappedBuilder
from core.text.step import StepResult, unchanged

_HEADER_LOOKBACK = 60  # lines before 主文 that may hold the header and the parties
_MIN_DUPLICATE = 100  # characters (spaces ignored) for a repeat to count as a duplicate
_ATTACHMENT_WORDS = ("別紙", "目録", "省略", "別表", "添付")
_PAGE_NUMBER = re.compile(r"[-−－‐―ー]?\s*\d{1,4}\s*[-−－‐―ー]?")


def _texts(text: str, lines: list[Line]) -> list[str]:
    return [text[ln.start : ln.end] for ln in lines]


def _start_line(texts: list[str]) -> int | None:
    """Index of the first line of the judgment, or None if no anchor is found."""
    main = next((i for i, t in enumerate(texts)
                 if keyword_kind(t) == "keyword" and fold(squeeze(t)).lstrip("○") == "主文"),
                None)
    lo = 0 if main is None else max(0, main - _HEADER_LOOKBACK)
    hi = len(texts) if main is None else main
    for i in range(lo, hi):
        kind = keyword_kind(texts[i])
        if kind == "header" or (kind == "keyword" and fold(squeeze(texts[i])) == "判決"):
            return i
        if fold(squeeze(texts[i])).startswith("事件番号"):
            return i
    return main


def _judges_end(texts: list[str]) -> int | None:
    """Index just past the judges' block, or None without judges."""
    last = next((i for i in range(len(texts) - 1, -1, -1) if is_judge_line(texts[i])), None)
    if last is None:
        return None
    end = last + 1
    s = fold(squeeze(texts[last]))
    if s.startswith("(") and ")" not in s:
        # the Supreme Court's bracketed list of judges runs on to its closing bracket
        while end < len(texts) and end - last <= 3:
            end += 1
            if fold(texts[end - 1]).rstrip(SPACES).endswith(")"):
                break
    elif s.endswith("裁判官") and end < len(texts):
        # `裁判長裁判官⏎田 中 孝 一`: the name stands on the next line
        nxt = squeeze(texts[end])
        if 0 < len(nxt) <= 8 and all(is_cjk(c) for c in nxt):
            end += 1
    return end


def _end_line(texts: list[str]) -> int | None:
    """Index just past the judgment's last line, or None when the end is unknown."""
    end = _judges_end(texts)
    if end is None:
        return None
    # Page furniture (a page number, a form feed) may stand between the judges and 別紙.
    nxt = next((i for i in range(end, len(texts))
                if texts[i].strip(SPACES + "\f") and not _PAGE_NUMBER.fullmatch(
                    fold(texts[i]).strip(SPACES + "\f"))), None)
    if nxt is None:
        return end
    if any(w in texts[nxt] for w in _ATTACHMENT_WORDS):
        # attachments run until the site text starts: a site line set off by a blank line
        stop = next((i for i in range(nxt + 1, len(texts))
                     if is_site_line(texts[i]) and not texts[i - 1].strip(SPACES)), len(texts))
        if stop < len(texts):
            while stop > nxt and not texts[stop - 1].strip(SPACES):
                stop -= 1
        return stop
    return end


def _looks_like_site(texts: list[str]) -> bool:
    """Cut text must be site text: a menu/share/ad line, or blocks separated by a blank line
    (PDF text has no blank lines; leading and trailing blank lines do not count)."""
    filled = [bool(t.strip(SPACES)) for t in texts]
    if not any(filled):
        return False
    if any(is_site_line(t) for t in texts):
        return True
    first = filled.index(True)
    last = max(i for i, f in enumerate(filled) if f)
    return not all(filled[first : last + 1])


def _trim_bounds(texts: list[str]) -> tuple[int, int]:
    n = len(texts)
    start = _start_line(texts)
    lo = 0
    if start is not None and start > 0 and _looks_like_site(texts[:start]):
        lo = start
    elif start is None:
        lo = _strip_site(texts, range(n))
    end = _end_line(texts)
    hi = n
    if end is not None and end < n and _looks_like_site(texts[end:]):
        hi = end
    elif end is None:
        hi = n - _strip_site(texts, range(n - 1, lo - 1, -1))
    return lo, max(lo, hi)


def _strip_site(texts: list[str], order: range) -> int:
    """How many lines, taken in `order`, are blank or site text, if any of them is site text."""
    site = 0
    for count, i in enumerate(order, 1):
        if texts[i].strip(SPACES) and not is_site_line(texts[i]):
            break
        if is_site_line(texts[i]):
            site = count
    return site


def _duplicate(texts: list[str], lo: int, hi: int) -> tuple[int, int] | None:
    """Lines [a, b) to drop because they repeat another block of [lo, hi) whole."""
    keys = [squeeze(t) for t in texts]
    first = next((i for i in range(lo, hi) if keys[i]), None)
    if first is None:
        return None
    for p in range(first + 1, hi):
        if not keys[p] or keys[p][:8] != keys[first][:8]:
            continue
        a = "".join(keys[first:p])
        rest = "".join(keys[p:hi])
        if len(a) < _MIN_DUPLICATE or not rest.startswith(a):
            continue
        # the second copy ends where its letters match the first copy's
        got, q = 0, p
        while q < hi and got < len(a):
            got += len(keys[q])
            q += 1
        if got != len(a):
            continue
        lines_a = sum(1 for k in keys[first:p] if k)
        lines_b = sum(1 for k in keys[p:q] if k)
        return (first, p) if lines_b > lines_a else (p, q)
    return None


def trim_web(text: str) -> StepResult:
    """Keep only the judgment of a web page copy; a PDF judgment comes through whole."""
    lines = split_lines(text)
    texts = _texts(text, lines)
    lo, hi = _trim_bounds(texts)
    dup = _duplicate(texts, lo, hi)
    if lo == 0 and hi == len(lines) and dup is None:
        return unchanged(text)
    keep = [i for i in range(lo, hi) if dup is None or not dup[0] <= i < dup[1]]
    b = MappedBuilder(text)
    for k, i in enumerate(keep):
        ln = lines[i]
        b.keep(ln.start, ln.end)
        if k + 1 < len(keep):
            b.keep(ln.end, ln.sep_end)
    new, omap = b.build()
    counts: dict[str, int] = {}
    dup_chars = lines[dup[1] - 1].sep_end - lines[dup[0]].start if dup is not None else 0
    trimmed = len(text) - len(new) - dup_chars
    if trimmed:
        counts["chars_trimmed_web"] = trimmed
    if dup is not None:
        counts["duplicate_block_removed"] = 1
        counts["chars_duplicate_removed"] = dup_chars
    return StepResult(new, omap, counts)

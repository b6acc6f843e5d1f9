"""Run a many-alternative regex only near the characters every match must contain.

Scanning all of a long judgment with a pattern of many alternatives tries each one at
every position; finding a cheap anchor first (月, 分, 間, ...) and matching inside a window
around it is several times faster. Lookbehinds still see the text before a window.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def finditer_near(
    pattern: re.Pattern[str], anchor: re.Pattern[str], text: str, back: int = 24,
    ahead: int = 24,
) -> Iterator[re.Match[str]]:  # fmt: skip
    """Non-overlapping matches of `pattern` that lie within `back`/`ahead` characters of an
    `anchor` match, in text order (windows that touch are merged)."""
    windows: list[list[int]] = []
    n = len(text)
    for a in anchor.finditer(text):
        lo, hi = max(0, a.start() - back), min(n, a.end() + ahead)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    last_end = 0
    for lo, hi in windows:
        for m in pattern.finditer(text, max(lo, last_end), hi):
            last_end = m.end()
            yield m

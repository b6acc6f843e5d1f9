"""SECTION candidates: the line-initial markers of a judgment, read line by line.

Besides the markers that open a line (and chains of them, `2(1)`), a line may hold an item
quoted inside an amending item (`「(9)  …`), a first item glued to the end of its heading
line (`…(甲1)(1)  意義`) or an item 1 printed as a Latin glyph (`l甲九号証…`); which of
them are taken is decided in `core.extract.sections`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from core.extract.markers import ARABIC, LATIN, Marker, chain_follows, parse_marker

_LEAD = re.compile("[ \\t\\u3000]*")
_QUOTE_MARK = re.compile("[「」]")
_QUOTE_LIMIT = 30000  # characters a quoted block may span
# the line before a one-line quoted item announces it: `…次のとおり加える。`
_QUOTE_INTRO = re.compile("(?:とおり|ように)[^\\n。「」]{0,15}[。:：][ \\t\\u3000]*$")
# `(1)` / `⑴` glued after the text of a heading line, followed by a space or the line end,
# or by its paragraph's text right after a heading about something (`…について(1)前記の…`);
# a first unit (`…について第1項  証拠…`) only after such a heading
_EMBEDDED_FIRST = re.compile(
    "(?<=[^ \\t\\u3000])(?:[(（]1[)）]|⑴|(?P<unit>第[1一][章節款項]))", re.M
)
_HEAD_END = re.compile("(?:について|に関して|に対して|に対する判断|の判断)[ \\t\\u3000]*$")
# `…。 (甲3,乙1)イ  …`: an evidence note closing a paragraph, the next item glued after it
# where the source lost the line break (right-aligned notes); the note may nest 〔…〕
_AFTER_NOTE = re.compile(
    "[(（](?:甲|乙|丙|丁|証拠|証人|弁論|争いが|[^,，、()（）\\n]{0,8}本人)"
    "[^()（）\\n]{0,160}[)）](?=[(（⑴-⒇①-⑳0-9一二三四五六七八九十ア-ンa-z])"
)
_GLYPH_ONE = frozenset("lI|")  # `1` misread by OCR / a PDF font
_CAPITAL_A = re.compile("A[ \\t\\u3000]+[^\\x00-\\x7f]")  # `A  被告は…`, not `A社`


@dataclass(frozen=True, slots=True)
class Cand:
    line: int
    marker: Marker
    line_end: int
    chained_next: bool  # another marker follows directly (`2(1)`): no title of its own
    quote_end: int = 0  # `「(9)  …` opening a quoted block (an amendment's text): where it ends
    embedded: bool = False  # `…について(1)`: a first item at the end of a heading line
    after_note: bool = False  # `…(甲3)イ  …`: an item glued after an evidence note


def _quote_end(text: str, pos: int, limit: int) -> int:
    """End of the 「…」 opened at `pos` (nested brackets counted), 0 if not closed."""
    depth = 0
    for m in _QUOTE_MARK.finditer(text, pos, min(len(text), pos + limit)):
        depth += 1 if m.group() == "「" else -1
        if depth == 0:
            return m.end()
    return 0


def _prev_line(text: str, start: int) -> str:
    """The line before the one starting at `start` ("" at the text start)."""
    if start == 0:
        return ""
    return text[text.rfind("\n", 0, start - 1) + 1 : start - 1]


def _quoted(text: str, i: int, pos: int, s: int, e: int) -> Cand | None:
    """An item quoted inside an amending item: `「(9)  …` running past its line, or a
    spaced `「ウ  …」` right after a line announcing it."""
    inner = _LEAD.match(text, pos + 1, e).end()  # type: ignore[union-attr]
    mk = parse_marker(text, inner, e)
    if mk is None:
        return None
    end = _quote_end(text, pos, _QUOTE_LIMIT)
    if end > e or (end and mk.spaced and _QUOTE_INTRO.search(_prev_line(text, s))):
        more = chain_follows(text, mk.end, e, mk.families[0])
        return Cand(i, mk, e, more, end)
    return None


def _glyph_one(text: str, pos: int, e: int) -> Marker | None:
    """`l甲九号証…`: a line opening with a Latin l/I/| right before Japanese text; `A  被告…`:
    item a printed as a capital. Not spaced, so either counts only when its next sibling
    (`2`, `b`) follows."""
    if text[pos] in _GLYPH_ONE and pos + 1 < e and ord(text[pos + 1]) >= 0x3000:
        return Marker(pos, pos + 1, "1", ((ARABIC, 1),), False, False, False)
    if text[pos] == "A" and _CAPITAL_A.match(text, pos, e):
        return Marker(pos, pos + 1, "A", ((LATIN, 1),), False, False, False)
    return None


def _embedded(text: str, i: int, after: int, e: int) -> Cand | None:
    """`(1)` glued to the end of a heading's text, outside any bracket."""
    for m in _EMBEDDED_FIRST.finditer(text, after, e):
        seg = text[after : m.start()]
        if seg.count("(") + seg.count("（") != seg.count(")") + seg.count("）"):
            continue  # inside a bracket: a reference
        if m.end() < e and text[m.end()] not in " \t\u3000" and not _HEAD_END.search(seg):
            continue  # `…前記(1)記載の`: text goes on, and no heading ends before it
        if m.group("unit") and not _HEAD_END.search(seg):
            continue  # `…同条第1項  …`: a citation
        mk = parse_marker(text, m.start(), e, True)
        if mk is not None:
            return Cand(i, mk, e, False, embedded=True)
    return None


def _after_notes(text: str, i: int, ends: list[int], e: int) -> list[Cand]:
    """Items glued after an evidence note (ending at `ends`): spaced (`(乙1)イ  …`) or
    heading the rest of the line (`(甲8)(2)経過の概要`); taken only as the next sibling
    of an open item."""
    out: list[Cand] = []
    for pos in ends:
        mk = parse_marker(text, pos, e)
        if mk is None or mk.chain:
            continue
        rest = text[mk.end : e]
        if mk.spaced or (len(rest) <= 30 and "。" not in rest and "," not in rest):
            if out:
                last = out[-1]
                out[-1] = Cand(
                    last.line, last.marker, mk.start, False, embedded=last.embedded, after_note=True
                )
            first = all(n == 1 for _f, n in mk.ordinals)  # `(甲1)(1)  意義`: as if glued
            out.append(Cand(i, mk, e, False, embedded=first, after_note=True))
    return out


def _note_ends(text: str, lines: list[tuple[int, int]]) -> dict[int, list[int]]:
    """Line number -> where the evidence notes on it end with a marker right after."""
    starts = [s for s, _e in lines]
    out: dict[int, list[int]] = {}
    for m in _AFTER_NOTE.finditer(text):
        out.setdefault(bisect_right(starts, m.start()) - 1, []).append(m.end())
    return out


def candidates(text: str, lines: list[tuple[int, int]], skip: set[int]) -> list[Cand]:
    out: list[Cand] = []
    note_ends = _note_ends(text, lines)
    for i, (s, e) in enumerate(lines):
        if i in skip or s == e:
            continue
        notes = _after_notes(text, i, note_ends[i], e) if i in note_ends else []
        if notes:
            e = notes[0].marker.start
        pos = _LEAD.match(text, s, e).end()  # type: ignore[union-attr]
        chained = False
        if text.startswith("「", pos):
            q = _quoted(text, i, pos, s, e)
            if q is not None:
                out.append(q)
            out.extend(notes)
            continue
        first = len(out)
        while pos < e:
            mk = None if chained else _glyph_one(text, pos, e)
            mk = mk or parse_marker(text, pos, e, chained)
            if mk is None:
                break
            more = chain_follows(text, mk.end, e, mk.families[0])
            nxt = mk.end
            out.append(Cand(i, mk, e, more))
            if not more:
                break
            pos, chained = nxt, True
        if len(out) > first:
            emb = _embedded(text, i, out[-1].marker.end, e)
            if emb is not None:
                last = out[-1]
                out[-1] = Cand(last.line, last.marker, emb.marker.start, last.chained_next)
                out.append(emb)
        out.extend(notes)
    return out

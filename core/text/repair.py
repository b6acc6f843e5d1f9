"""Line repair: join the hard wraps of PDF text inside a paragraph, keep the real breaks.

PDF text breaks every ~37 characters, mid-word and mid-number (`600⏎0円`, `(甲1⏎1の4)`).
A break is kept where a paragraph ends (after `。`), before a heading or a structural line,
after a short line (a heading, a list row, a name), before a full-width-space indent and
at blank lines; numbers, dates and evidence references broken across lines always come
out whole. Heading markers are believed only when they continue the numbering (markers.py).
A court name that the PDF put on the last sentence's line (`…理由がある。 東京簡易裁判所…係`)
gets its own line back: the space before it becomes the newline.
Joining deletes the newline and the justification spaces around it; one space survives
only between two Latin letters.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from core.text.lines import (
    SPACES,
    Line,
    fold,
    keyword_kind,
    line_width,
    split_lines,
    squeeze,
    typical_width,
)
from core.text.markers import MarkerStack, parse_marker
from core.text.offsets import MappedBuilder
from core.text.step import StepResult, unchanged

_SENTENCE_END = re.compile(r"(?:。|。[)）」』])$")
_CONT_START = set("、，,。．.)）」』】〕ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々")
_CONT_END = set("、，,(（「『【〔・第")
_PARTICLE_START = re.compile(
    "^(?:と|という|の|を|に|は|が|で|も|や|及び|又は|並びに|から|まで|より|へ)"
)
_UNIT_AFTER_NUMBER = set("万億兆千百円年月日号条項の%分歳か箇ヵ時秒人名回件通頁枚本個倍割厘")
_EVIDENCE_END = re.compile("(?:甲|乙|丙|丁|弁|検)(?:第)?$")
_STRONG_HEADING = re.compile("^第[0-9一二三四五六七八九十]+[ \u3000]")
_SECTION_RESET = {"主文", "事実及び理由", "理由", "事実", "判決"}
_FULL_SLACK = 4  # a line within two full-width characters of the margin is "full"
# `…理由がある。 東京簡易裁判所少額訴訟4係` on one PDF line: the court that signs the
# judgment is glued after the last sentence; it gets its own line back
_COURT_TAIL = re.compile(
    "。(?P<gap>[ \u3000]+)[^ \u3000。、，,]{0,12}(?:最高|高等|地方|家庭|簡易)裁判所"
    "(?P<div>[^。、，,]{0,14}(?:支部|部|係|法廷|室))?[ \u3000]*$"
)
_JUDGE_NEXT = re.compile(
    "[ \u3000]*(?:裁[ \u3000]*判[ \u3000]*長[ \u3000]*)?裁[ \u3000]*判[ \u3000]*官"
)


def _ends_with_digit(s: str) -> bool:
    return bool(s) and (s[-1].isdigit() or (s[-1] in ",." and len(s) > 1 and s[-2].isdigit()))


class _Decider:
    """Keeps the numbering stack while walking the breaks of one text in order."""

    def __init__(self, text: str, lines: list[Line]) -> None:
        self.text = text
        self.lines = lines
        widths = [line_width(text[ln.start : ln.end].rstrip(SPACES)) for ln in lines]
        self.widths = widths
        self.typical = typical_width(widths)
        self.stack = MarkerStack()
        self.numbers_rejoined = 0
        self.joined_before = [False] * len(lines)

    def raw(self, i: int) -> str:
        ln = self.lines[i]
        return self.text[ln.start : ln.end]

    def full(self, i: int) -> bool:
        return self.typical > 0 and self.widths[i] >= self.typical - _FULL_SLACK

    def column_full(self, i: int) -> bool:
        """Line i reaches the right edge of a narrower column (a hanging indent whose
        indentation the PDF text lost): as wide as the wrapped line before or after it."""
        w = self.widths[i]
        if w * 2 < self.typical or not self.joined_before[i]:
            return False
        before = i > 1 and self.joined_before[i - 1] and abs(self.widths[i - 1] - w) <= 2
        after = i + 1 < len(self.widths) and abs(self.widths[i + 1] - w) <= 2
        return before or after

    def paragraph_start(self, i: int) -> None:
        """Line i starts a block: update the numbering levels."""
        line = self.raw(i)
        if keyword_kind(line) == "keyword" and fold(squeeze(line)).lstrip("○") in _SECTION_RESET:
            self.stack.reset()
            return
        m = parse_marker(line)
        if m is not None:
            self.stack.accept(m)

    def keep(self, i: int) -> bool:
        """Keep the break between line i and line i + 1?"""
        a_raw, b_raw = self.raw(i), self.raw(i + 1)
        a = fold(a_raw.strip(SPACES))
        b = fold(b_raw.strip(SPACES))
        if not a or not b:
            return True
        if b_raw.startswith("\u3000"):
            return True
        if keyword_kind(b_raw) is not None:
            return True
        ka = keyword_kind(a_raw)
        if ka is not None and not self.full(i):
            return True
        if b[0] in _CONT_START:
            return False
        if _SENTENCE_END.search(a):
            return True
        if a.endswith("」") and not _PARTICLE_START.match(b):
            return True
        if self._number_continues(a, b):
            self.numbers_rejoined += 1
            return False
        if _STRONG_HEADING.match(b) and a[-1] != "第":
            # `…強奪しようと考え、⏎第1  令和3年…`: a spaced 第N opens an item even after 、
            return True
        if a[-1] in _CONT_END:
            return False
        m = parse_marker(b)
        kind = self.stack.classify(m)
        if kind is not None and m is not None:
            # After a full line that stops mid-sentence only a spaced marker is believed:
            # `…あえて⏎2段階に分ける…` is a wrap, `…(昭和55年12月19日生)⏎オ  事故態様` is not.
            return m.spaced or not self.full(i)
        if _is_hiragana(b[0]) and self.widths[i] * 2 >= self.typical:
            return False  # a hanging-indent wrap: narrower than the margin, yet mid-sentence
        return not (self.full(i) or self.column_full(i))

    def _number_continues(self, a: str, b: str) -> bool:
        if _ends_with_digit(a):
            if b[0].isdigit():
                m = parse_marker(b)
                # `…合計10⏎2 被告の…` would be a real heading only with a space after it.
                return not (m is not None and m.spaced and self.stack.classify(m) == "next")
            return b[0] in _UNIT_AFTER_NUMBER
        return bool(b[0].isdigit() and (a[-1] in "年月第" or _EVIDENCE_END.search(a)))


def _is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


def _both_latin(x: str, y: str) -> bool:
    return x.isascii() and x.isalpha() and y.isascii() and y.isalpha()


def _court_tails(text: str, lines: list[Line]) -> list[tuple[int, int]]:
    """The spaces before a court name glued after a sentence at a line's end, when the
    name carries its division or the judges' line follows."""
    out = []
    for i, ln in enumerate(lines):
        raw = text[ln.start : ln.end]
        if "裁判所" not in raw:
            continue
        m = _COURT_TAIL.search(raw)
        if m is None:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if m["div"] or (nxt is not None and _JUDGE_NEXT.match(text, nxt.start, nxt.end)):
            out.append((ln.start + m.start("gap"), ln.start + m.end("gap")))
    return out


def _keep_breaking_courts(b: MappedBuilder, i: int, j: int, tails: list[tuple[int, int]]) -> None:
    """b.keep(i, j), with a newline in place of the gap before each glued court name."""
    for k in range(bisect_left(tails, (i, i)), len(tails)):
        s, e = tails[k]
        if e > j:
            break
        b.keep(i, s)
        b.emit("\n", s, e)
        i = e
    b.keep(i, j)


def repair_lines(text: str) -> StepResult:
    """Join wrapped lines; the map deletes the joined newlines and justification spaces."""
    lines = split_lines(text)
    if len(lines) < 2:
        return unchanged(text)
    d = _Decider(text, lines)
    tails = _court_tails(text, lines)
    b = MappedBuilder(text)
    pos = 0
    joined = 0
    d.paragraph_start(0)
    for i in range(len(lines) - 1):
        ln, nx = lines[i], lines[i + 1]
        if ln.sep != "\n" or d.keep(i):
            if ln.sep == "\n" or ln.sep == "\f":
                d.paragraph_start(i + 1)
            continue
        a_end = len(text[ln.start : ln.end].rstrip(SPACES)) + ln.start
        b_start = nx.end - len(text[nx.start : nx.end].lstrip(SPACES))
        _keep_breaking_courts(b, pos, a_end, tails)
        pos = b_start
        joined += 1
        d.joined_before[i + 1] = True
        if a_end > ln.start and b_start < nx.end and _both_latin(text[a_end - 1], text[b_start]):
            gap = next((k for k in range(a_end, b_start) if text[k] in SPACES), None)
            if gap is not None:
                b.keep(gap, gap + 1)
    _keep_breaking_courts(b, pos, len(text), tails)
    new, omap = b.build()
    counts = {"lines_joined": joined} if joined else {}
    if d.numbers_rejoined:
        counts["numbers_rejoined"] = d.numbers_rejoined
    if tails:
        counts["courts_split_off"] = len(tails)
    return StepResult(new, omap, counts)

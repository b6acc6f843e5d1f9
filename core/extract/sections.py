"""SECTION auto-highlighter: the parts of a judgment and its numbering hierarchy.

Parts (判決, 当事者, 主文, 事実及び理由, 事実, 理由, 別紙, 裁判官, opinions) are level 0.
Numbered items (`第1 > 1 > (1) > ア > (ア) > a > (a)`, `第一 > 一 > (一) > イロハ`, `⑴`,
`①`, ...) and parenthesised headings (（罪となるべき事実）, （原告の主張）) get level = their
depth in a stack of open levels, [family, last ordinal]. Long judgments put units above
第1 (`第1部 > 第1編 > 第1章 > 第1節 > 第1款`, and `第1項` as a heading below one of them);
a unit opens only where no deeper item is open, so 第1 under a chapter is one level deeper.
A line-initial marker is taken only as the next sibling of an open level (which closes
the deeper ones) or as the first item of a family not yet open; so `イリモート…` is
heading イ after ア, and `1月29日` is not heading 1. A first item without a space after
it must see its own next sibling ahead.
A line opening a quote that runs past it (`「(9)  …` after `次のとおり付加する。`: the text
an appellate judgment puts into the lower court's), or a one-line quote of a spaced item
(`「ウ  …」`) after a line announcing it (`…次のとおり加える。`), starts a block of items
one level below the current item, numbered afresh, until the quote closes. After a line
opening with an article (`3条  …次の事項とする。`, a regulation or agreement quoted without
brackets) a first item does not restart an open list (`(1)` under `(4)`): it is the
article's own item, until an open item's next sibling follows.

Markers the source lost: a 2nd item whose 1st is missing (`(2)`, `⑵` with no `(1)`)
opens its level when a later sibling of the same parent follows at a line start
(`(3)`, or `⑷` when `⑶` was lost too), and such a level then tolerates one more gap. A
first item glued to the end of its parent's heading line (`4 化膿性関節炎(…)(1) 意義`)
counts when its next sibling starts a later line; glued to a heading about something
(`…について(1)前記のとおり`) it may be followed by its paragraph's text. An item glued
after the evidence note that ended the paragraph before it (`…。 (甲3)イ  …`, the note's
line break lost) counts as the next sibling of an open item only. A Latin item whose
space was lost, glued to a numeral or a capital (`a6月20日,…`, `bA社は…`), counts as the
next sibling of an open `a`, or as a first `a` right under an open `(ア)` with its `b`
ahead; a line opening with a model number (`a6300を…`) is no item. An item 1 printed as a
Latin `l`/`I` (a glyph error, `l甲九号証…`) counts when a spaced `2` follows as its sibling.

Spans: a titled heading covers its line (without the newline); a numbered paragraph
(`1 被告は，…支払え。`, title "") covers the marker only, so the span is the same in
wrapped and in repaired text. Parts cover their heading line; the parties and the judges
cover their whole block.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from core.extract._section_lines import Cand as _Cand
from core.extract._section_lines import candidates as _candidates
from core.extract.base import Suggestion, register
from core.extract.judgment_parts import (
    Part,
    besshi_parts,
    heading_parts,
    judges_blocks,
    line_spans,
    paren_heads,
    parties_block,
)
from core.extract.markers import (
    ARABIC,
    CLAUSE_UNIT,
    DAI,
    KATA_A,
    LATIN,
    PAREN_ARABIC,
    PAREN_KATA_A,
    PAREN_LATIN,
    RANK,
    UNITS,
    Marker,
    group,
)

LABEL = "SECTION"
_BRACKETED = re.compile(
    "[(（〔［\\[〈《「『【][^()（）〔〕［］\\[\\]〈〉《》「」『』【】\n]*[)）〕］\\]〉》」』】]"
)
_PAREN_TITLE = re.compile("^([^(（〔。]{1,24})[(（〔]")
_LOOKAHEAD = 400  # candidates scanned for a first item's next sibling
# the modern depth order; a family two steps below an open one skips the family between
_CHAIN = (DAI, ARABIC, PAREN_ARABIC, KATA_A, PAREN_KATA_A, LATIN, PAREN_LATIN)
# an unmarked heading line (`支店長の権限について`): short, no sentence end, no bracket first
_BARE_HEAD = re.compile("^[^ \t\u3000(（〔［\\[「『【<〈《][^。\n]{1,38}$")
# a line opening with an article (`3条  …`, `第15条(本給)`): a regulation or agreement quoted
# in the text, whose own items (`(1)`, `1.`) must not restart the judgment's lists
_ARTICLE_LINE = re.compile(
    "^[ \t\u3000]*第?[0-9０-９一二三四五六七八九十百]+条(?:の[0-9０-９一二三四五六七八九十]+)?"
    "(?:[ \t\u3000(（]|$)",
    re.M,
)
_OPEN_TAIL = ",，、:：(（「『〔【"
_CLOSE = ")）〕］]」』】>〉》"


def _dotted(mk: Marker) -> bool:
    return mk.number.endswith((".", "．"))


# Title keyword -> kind, first match wins (order matters: 争点に対する判断 is a 判断).
_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile("罪となるべき事実|犯罪事実"), "罪となるべき事実"),
    (re.compile("証拠の標目"), "証拠の標目"),
    (re.compile("法令の適用|適用法令"), "法令の適用"),
    (re.compile("量刑の理由"), "量刑の理由"),
    (re.compile("^求刑"), "求刑"),
    (re.compile("補足意見"), "補足意見"),
    (re.compile("反対意見"), "反対意見"),
    (re.compile("補足説明"), "補足説明"),
    (re.compile("^(附帯)?控訴の趣旨"), "控訴の趣旨"),
    (re.compile("^上告の趣旨|上告理由"), "上告の趣旨"),
    (re.compile("^(原告の|本訴|反訴)?請求(の趣旨)?$|^請求の趣旨"), "請求"),
    (re.compile("事案の概要"), "事案の概要"),
    (re.compile("前提(となる)?事実|争いのない事実|基礎となる事実"), "前提事実"),
    (re.compile("判断(について)?$"), "判断"),
    (re.compile("(主張|認否|反論)$"), "当事者の主張"),
    (re.compile("^争点"), "争点"),
    (re.compile("^(認定事実|事実認定)"), "認定事実"),
    (re.compile("^(結論|結語)$"), "結論"),
]


_UNIT_KIND = {fam: unit for unit, fam in UNITS.items()}  # 第N章 -> 章


def _item_kind(mk: Marker, title: str) -> str:
    """The kind a title names; for 第N章/節/款/項 with a plain title, the unit itself."""
    kind = kind_of(title)
    unit = _UNIT_KIND.get(mk.families[0])
    return unit if unit and kind in ("見出し", "項目") else kind


def kind_of(title: str) -> str:
    """The usual kind a heading's title names, else 見出し (titled) or 項目 (untitled)."""
    if not title:
        return "項目"
    t = re.sub("[ \\t\\u3000]", "", title)
    for pat, kind in _KINDS:
        if pat.search(t):
            return kind
    return "見出し"


def classify(rest: str) -> str | None:
    """The title of a heading from the text after its marker, or None for a numbered
    paragraph. Headings are short and have no 。 outside brackets; a short phrase followed
    by a bracketed note (`前提事実（争いのない事実等）`) is a heading too."""
    r = rest.strip(" \t\u3000")
    if not r:
        return ""
    bare = _BRACKETED.sub("", _BRACKETED.sub("", r))
    if "。" in bare:
        return None
    if len(r) <= 25 and not r.endswith((",", "，", "、")):
        return r
    m = _PAREN_TITLE.match(r)
    closed = r.endswith((")", "）", "〕"))
    if m and (closed or r.count("(") + r.count("（") > r.count(")") + r.count("）")):
        return r if closed else m.group(1).strip(" \t\u3000")
    return None


@dataclass
class _Level:
    family: str  # "" for a parenthesised heading
    last: int
    lossy: bool = False  # opened without its first item: one more gap is tolerated
    dotted: bool = False  # `1.` style: `2.` inside a quoted rule is not a sibling of `1`


class _Walker:
    """Walks candidates and parts in text order, keeping the stack of open levels."""

    def __init__(
        self,
        text: str,
        cands: list[_Cand],
        resets: list[int],
        lines: list[tuple[int, int]] | None = None,
        marked: set[int] | None = None,
    ) -> None:
        self.text = text
        self.cands = cands
        self.lines = lines or []
        self.marked = marked or set()  # lines holding a marker, a part or a heading
        self.resets = resets  # sorted line numbers of parts
        self.stack: list[_Level] = []
        self.base = 0  # inside a quoted block: the levels below it are not its siblings
        self.quote_end = 0
        self.taken_line = -1  # line of the last candidate taken
        self.in_rule = False  # after a quoted article, until an open item's next sibling

    def clear(self) -> None:
        self.stack.clear()
        self.base = self.quote_end = 0
        self.in_rule = False

    def _sibling_at(self, mk: Marker) -> tuple[int, str, int] | None:
        for i in range(len(self.stack) - 1, self.base - 1, -1):
            lv = self.stack[i]
            for fam, n in mk.ordinals:
                if (
                    lv.family == fam
                    and lv.dotted == _dotted(mk)
                    and (n == lv.last + 1 or (lv.lossy and mk.spaced and n == lv.last + 2))
                ):
                    return i, fam, n
        return None

    def _open_groups(self) -> dict[str, int]:
        return {
            group(lv.family): i for i, lv in enumerate(self.stack) if lv.family and i >= self.base
        }

    def _ahead(self, ci: int, fam: str, want: tuple[int, ...], line_start: bool) -> bool:
        """Does a later sibling (`want` ordinals of `fam`) follow before the parent ends?
        With `line_start`, only spaced line-initial ones count, and a restart (1) or
        a repeat of the item's own number stops the search."""
        cand = self.cands[ci]
        k = bisect_right(self.resets, cand.line)
        stop_line = self.resets[k] if k < len(self.resets) else 1 << 60
        own = {n for f, n in cand.marker.ordinals if f == fam}
        for j in range(ci + 1, min(len(self.cands), ci + _LOOKAHEAD)):
            c = self.cands[j]
            if c.line >= stop_line:
                return False
            mine = {n for f, n in c.marker.ordinals if f == fam}
            spaced = c.marker.spaced or not cand.marker.spaced  # or written alike
            if mine & set(want) and (not line_start or (spaced and not c.embedded)):
                return True
            if line_start and mine & (own | {1}) and not c.embedded and not c.quote_end:
                return False
            if not c.marker.weak and self._sibling_at(c.marker):
                return False
        return False

    def _lookahead(self, ci: int, fam: str) -> bool:
        """A first item without a space: is its next sibling ahead before its parent ends?"""
        return self._ahead(ci, fam, (2,), False)

    def _open(self, ci: int, fam: str, n: int, lossy: bool = False, afresh: bool = False) -> int:
        while (
            len(self.stack) > self.base
            and self.stack[-1].family
            and RANK[self.stack[-1].family] > RANK[fam]
        ):
            self.stack.pop()  # 一 after (一): the shallower family closes deeper ones
        lost = self._lost_parent(ci, fam) if n == 1 and not afresh else None
        if lost is not None:
            self.stack.append(_Level(lost, 0, lossy=True))
        self.stack.append(_Level(fam, n, lossy, _dotted(self.cands[ci].marker)))
        return len(self.stack)

    def _lost_parent(self, ci: int, fam: str) -> str | None:
        """`ウ  支店長について⏎支店長の権限について⏎a  …`: a first item two steps below the
        open level in the modern order (a under ウ, skipping (ア)), right after an unmarked
        heading line, sits under that heading, whose marker the source lost: the skipped
        family, returned here, is put back as an empty level so the item keeps its depth."""
        if len(self.stack) <= self.base or not self.stack[-1].family:
            return None
        top, mine = group(self.stack[-1].family), group(fam)
        if top not in _CHAIN or mine not in _CHAIN:
            return None
        k = _CHAIN.index(top)
        if _CHAIN.index(mine) != k + 2:
            return None
        prev = self.cands[ci].line - 1
        if prev < 0 or prev in self.marked or prev >= len(self.lines):
            return None
        s, e = self.lines[prev]
        head = self.text[s:e].strip(" \t\u3000")  # `　所論の検討`: the space after a lost ⑴
        if len(head) < 4 or not _BARE_HEAD.match(head) or head[-1] in _OPEN_TAIL + _CLOSE:
            return None
        return _CHAIN[k + 1]

    def _accept_embedded(self, ci: int) -> int | None:
        """`…について(1)`: taken after its own heading, when `(2)` starts a later line."""
        cand = self.cands[ci]
        if self.taken_line != cand.line or not self.stack:
            return None
        fam = cand.marker.families[0]
        deeper = RANK[fam] > RANK.get(self.stack[-1].family, -1)
        if group(fam) in self._open_groups() or not deeper or not self._unit_ok(fam):
            return None
        if not self._ahead(ci, fam, (2,), True):
            return None
        self.stack.append(_Level(fam, 1))
        return len(self.stack)

    def _accept_second(self, ci: int) -> int | None:
        """`(2)` whose `(1)` the source lost: a level when `(3)` (or `(4)`) follows."""
        mk = self.cands[ci].marker
        if not mk.spaced:
            return None
        groups = self._open_groups()
        for fam, n in mk.ordinals:
            if not self._unit_ok(fam):
                continue
            if n == 2 and group(fam) not in groups and self._ahead(ci, fam, (3, 4), True):
                return self._open(ci, fam, 2, lossy=True)
        return None

    def _accept_glued(self, ci: int) -> int | None:
        """`a6月20日,…` / `bA社は…` (the space after the marker lost): an `a` only as the
        first item right under an open `(ア)`, with its `b` ahead; later letters only as the
        next sibling (taken above). A line opening with a model number is no item."""
        mk = self.cands[ci].marker
        top = self.stack[-1].family if len(self.stack) > self.base else ""
        if (LATIN, 1) not in mk.ordinals or group(top) != PAREN_KATA_A:
            return None
        if not self._lookahead(ci, LATIN):
            return None
        return self._open(ci, LATIN, 1)

    def _unit_ok(self, fam: str) -> bool:
        """May a 第N部/編/章/節/款/項 open a level here? Not below a deeper item (a regulation's
        `第1章  総則` quoted inside 第3 is no chapter of the judgment); and `第1項  …` only
        below a larger unit, elsewhere it is an article's paragraph."""
        if fam not in _UNIT_KIND:
            return True
        open_fams = [lv.family for lv in self.stack[self.base :] if lv.family]
        if any(RANK[f] > RANK[fam] for f in open_fams):
            return False
        return fam != CLAUSE_UNIT or any(f in _UNIT_KIND for f in open_fams)

    def accept(self, ci: int) -> int | None:
        """Level of candidate `ci` if it is taken as an item, updating the stack."""
        level = self._accept(ci)
        if level is not None:
            self.taken_line = self.cands[ci].line
        return level

    def _accept(self, ci: int) -> int | None:
        cand = self.cands[ci]
        mk = cand.marker
        if self.quote_end and mk.start >= self.quote_end:
            del self.stack[self.base :]  # the quoted block is over
            self.base = self.quote_end = 0
        if cand.quote_end and not self.quote_end:
            # a quoted block starts anywhere in its own numbering, one level below
            self.base, self.quote_end = len(self.stack), cand.quote_end
            fam, n = mk.ordinals[0]
            self.stack.append(_Level(fam, n, dotted=_dotted(mk)))
            return len(self.stack)
        if cand.embedded:
            return self._accept_embedded(ci)
        sib = self._sibling_at(mk)
        if cand.after_note and sib is None:
            return None
        if sib is not None:
            self.in_rule = False
            i, fam, n = sib
            del self.stack[i + 1 :]
            self.stack[i].last = n
            return i + 1
        if mk.weak:
            return None
        if mk.glued:
            return self._accept_glued(ci)
        groups = self._open_groups()
        for fam, n in mk.ordinals:
            if n != 1:
                continue
            if not self._unit_ok(fam) or (
                fam == CLAUSE_UNIT and not self._ahead(ci, fam, (2,), True)
            ):
                continue  # and `第1項` only with `第2項` starting a later line
            afresh = group(fam) in groups
            if afresh:
                if not mk.spaced or self.in_rule:
                    continue  # `3条 …次の事項⏎(1) …`: the article's own list
                del self.stack[groups[group(fam)] :]  # a list starting afresh
            elif not mk.strong and not self._lookahead(ci, fam):
                continue
            return self._open(ci, fam, 1, afresh=afresh)
        return self._accept_second(ci)

    def paren_head(self) -> int:
        for i in range(len(self.stack) - 1, -1, -1):
            if not self.stack[i].family:
                del self.stack[i:]
                break
        self.stack.append(_Level("", 0))
        return len(self.stack)


def _suggestion(start: int, end: int, kind: str, level: int, number: str, title: str) -> Suggestion:
    value = {"kind": kind, "level": level, "number": number, "title": title}
    return Suggestion(LABEL, start, end, value)


def _parts(text: str, lines: list[tuple[int, int]]) -> tuple[list[Part], list[Part]]:
    """(level-0 parts, parenthesised headings), each sorted by position."""
    line_of = {s: i for i, (s, _e) in enumerate(lines)}
    heads = heading_parts(text, line_of)
    judges = judges_blocks(text, lines)
    after = judges[0].end if judges else len(text) + 1
    parts = heads + judges + besshi_parts(text, line_of, after)
    starts = sorted(p.first_line for p in parts)
    for p in heads:
        if p.kind == "判決":
            k = bisect_right(starts, p.first_line)
            nxt = starts[k] if k < len(starts) else len(lines)
            block = parties_block(text, lines, p.first_line, nxt)
            if block:
                parts.append(block)
    taken = {i for p in parts for i in range(p.first_line, p.last_line + 1)}
    pheads = [h for h in paren_heads(text, line_of) if h.first_line not in taken]
    return sorted(parts, key=lambda p: p.start), pheads


@register("sections", [LABEL])
def extract_sections(text: str) -> Iterator[Suggestion]:
    """SECTION spans for the parts and the numbered/parenthesised headings of a judgment."""
    lines = line_spans(text)
    parts, pheads = _parts(text, lines)
    skip = {i for p in parts + pheads for i in range(p.first_line, p.last_line + 1)}
    begin = min((p.first_line for p in parts if p.kind in ("判決", "主文")), default=0)
    cands = [c for c in _candidates(text, lines, skip) if c.line >= begin]
    marked = skip | {c.line for c in cands}
    walker = _Walker(text, cands, sorted(p.first_line for p in parts), lines, marked)
    events: list[tuple[int, int, int]] = [(p.first_line, 0, k) for k, p in enumerate(parts)]
    events += [(h.first_line, 1, k) for k, h in enumerate(pheads)]
    events += [(c.line, 2, k) for k, c in enumerate(cands)]
    starts = [s for s, _e in lines]
    for m in _ARTICLE_LINE.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i not in skip:
            events.append((i, 3, 0))
    events.sort()
    for _line, typ, k in events:
        if typ == 3:
            walker.in_rule = True
        elif typ == 0:
            p = parts[k]
            walker.clear()
            yield _suggestion(p.start, p.end, p.kind, 0, "", p.title)
        elif typ == 1:
            h = pheads[k]
            yield _suggestion(h.start, h.end, kind_of(h.title), walker.paren_head(), "", h.title)
        else:
            c = cands[k]
            level = walker.accept(k)
            if level is None:
                continue
            mk = c.marker
            title = "" if c.chained_next else classify(text[mk.end : c.line_end])
            if title:
                end = c.line_end
                while text[end - 1] in " \t\u3000":
                    end -= 1
                yield _suggestion(mk.start, end, _item_kind(mk, title), level, mk.number, title)
            else:
                yield _suggestion(mk.start, mk.end, _item_kind(mk, ""), level, mk.number, "")

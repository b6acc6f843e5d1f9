"""De-spacing: headings and names whose letters are spaced for typography come out joined.

`主　　　　文`, `事 実 及 び 理 由`, `山    本    紀    夫` and `裁判長裁判官　山　下　郁　夫`
are typography; `第1  請求` and `原告　甲野太郎` are ordinary spaces and stay. The rule: a
run of single Japanese letters separated by spaces is one word. On party and judge lines
the role word (`被 控 訴 人`, `裁 判 官`) and the name after it are joined separately, so the
space between role and name survives. A long evenly spaced run (a justified line of the
PDF) also loses the space before and after it, where line repair glued it to its neighbours.

A numeral opening a line and split from its unit by spaces (`4　年7月1日`, `七　割評価`,
`3　万円`) is joined, only where what follows the unit proves a quantity (a month after
年, a day after 月, 円 after 万/億, no word such as 割合 or 年金): `一　年金について` and
`1　被告は` keep the space after their marker.
"""

from __future__ import annotations

import re

from core.text.lines import SPACES, is_cjk
from core.text.markers import parse_marker
from core.text.offsets import MappedBuilder
from core.text.step import StepResult, unchanged

_TOKEN = re.compile(f"[^{SPACES}\n\f]+")
_ROLE = re.compile(
    "(?:同)?(?:訴訟)?(?:復)?代理人(?:弁護士)?|(?:同)?弁護士|裁判長裁判官|裁判官|"
    "(?:附帯)?(?:被)?(?:控訴|上告|抗告|再抗告|申立|異議申立|参加|再審)人|"
    "(?:反訴)?(?:原告|被告)(?:人)?|債権者|債務者|相手方|検察官|弁護人|補佐人|"
    "(?:同)?代表者(?:代表取締役|理事長|病院事業管理者|[^ ]{0,8})?|同"
)
_NUM = "(?:[0-9０-９]{1,4}|[一二三四五六七八九十〇]{1,4})"
_KNUM = "[0-9０-９一二三四五六七八九十〇]"
# a numeral at a line start, spaces, then a unit that what follows shows to be one
_UNIT_GAP = re.compile(
    f"[{SPACES}]*{_NUM}(?P<gap>[{SPACES}]+)"
    f"(?:年(?={_KNUM}{{1,2}}月)|月(?={_KNUM}{{1,3}}日)|割(?![合増引当賦安高込譲れり])"
    f"|[万億](?={_KNUM}*[千百]?{_KNUM}*円)|日(?=[(（][月火水木金土日][)）]|午[前後]))"
)
_NAME_MAX = 6  # a name after a role word is joined when it is at most this many letters
_JUSTIFIED_MIN = 6  # an evenly spaced run this long is a justified line


def _single(tok: str) -> bool:
    return len(tok) == 1 and is_cjk(tok)


def _letters(tok: str) -> bool:
    return all(is_cjk(c) for c in tok)


class _LineDespacer:
    """Decides which gaps (spans of spaces between tokens) of one line to delete."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
        self.delete: set[int] = set()  # index k: delete the gap before token k
        self.words = 0

    def tok(self, k: int) -> str:
        s, e = self.toks[k]
        return self.text[s:e]

    def gap(self, k: int) -> str:
        return self.text[self.toks[k - 1][1] : self.toks[k][0]]

    def run(self) -> set[int]:
        n = len(self.toks)
        k = 1 if n and self.tok(0) in ("(", "（") else 0
        # Party and judge lines: role word, name, role word, name …
        while k < n:
            r = self._role_at(k)
            if r is None:
                break
            self._join(k, r)
            k = self._name_after(r)
        if k == 1 and self.tok(0) in ("(", "（"):
            k = 0
        if k == 0 and n > 1 and self._is_marker(0):
            k = 1  # `ウ  と こ ろ で`: the space after a heading marker is not typography
        # Anywhere else: runs of single letters.
        while k < n:
            j = k
            while j + 1 < n and _single(self.tok(j)) and _single(self.tok(j + 1)):
                j += 1
            if j > k:
                self._join(k, j + 1)
                self._justified(k, j + 1)
            k = j + 1
        return self.delete

    def _is_marker(self, k: int) -> bool:
        m = parse_marker(self.tok(k) + " ")
        return m is not None and m.length == len(self.tok(k))

    def _join(self, k: int, j: int) -> None:
        """Delete the gaps inside tokens k..j-1."""
        if j - k >= 2:
            self.delete.update(range(k + 1, j))
            self.words += 1

    def _role_at(self, k: int) -> int | None:
        """End token index of a (possibly spaced) role word starting at token k."""
        squeezed = ""
        ends: dict[int, int] = {}
        for j in range(k, min(len(self.toks), k + 12)):
            t = self.tok(j)
            if not _letters(t):
                break
            squeezed += t
            ends[len(squeezed)] = j + 1
        m = _ROLE.match(squeezed)
        if m is None:
            return None
        # the longest role reading that ends at a token boundary
        for length in range(m.end(), 0, -1):
            if length in ends and _ROLE.fullmatch(squeezed[:length]):
                return ends[length]
        return None

    def _name_after(self, r: int) -> int:
        """Join the name after a role word ending at token r; returns the next token."""
        j = r
        letters = 0
        while j < len(self.toks) and _letters(self.tok(j)):
            if j > r and self._role_at(j) is not None:
                break
            letters += len(self.tok(j))
            j += 1
        if j - r >= 2 and letters <= _NAME_MAX:
            self._join(r, j)
        elif j - r >= 2:
            self._join_singles(r, j)
        return j

    def _join_singles(self, k: int, j: int) -> None:
        x = k
        while x < j:
            y = x
            while y + 1 < j and _single(self.tok(y)) and _single(self.tok(y + 1)):
                y += 1
            self._join(x, y + 1)
            x = y + 1

    def _justified(self, k: int, j: int) -> None:
        """A long run with equal gaps is a justified line: join it to its neighbours too."""
        if j - k < _JUSTIFIED_MIN:
            return
        gaps = {self.gap(x) for x in range(k + 1, j)}
        if len(gaps) != 1:
            return
        (g,) = gaps
        if k > 0 and self.gap(k) == g:
            self.delete.add(k)
        if j < len(self.toks) and self.gap(j) == g:
            self.delete.add(j)


def despace(text: str) -> StepResult:
    """Delete the typographic spaces inside spaced headings and names, line by line."""
    b = MappedBuilder(text)
    pos = 0
    words = 0
    units = 0
    removed = 0
    for m in re.finditer("[^\n\f]+", text):
        if not any(c in SPACES for c in m.group()):
            continue
        gaps: list[tuple[int, int]] = []
        unit = _UNIT_GAP.match(text, m.start(), m.end())
        if unit is not None:
            gaps.append(unit.span("gap"))
            units += 1
        ld = _LineDespacer(text, m.start(), m.end())
        gaps += [(ld.toks[k - 1][1], ld.toks[k][0]) for k in ld.run()]
        for gs, ge in sorted(set(gaps)):
            b.keep(pos, gs)
            pos = ge
            removed += ge - gs
        words += ld.words
    if not removed:
        return unchanged(text)
    b.keep(pos, len(text))
    new, omap = b.build()
    counts = {"headings_despaced": words, "spaces_removed": removed}
    if units:
        counts["units_joined"] = units
    return StepResult(new, omap, counts)

"""EVIDENCE: exhibit references (書証) such as `甲11の4`, `甲第1号証`, `乙A17`, `弁1`.

Lists are split and inherit their prefix: `甲10の1,18の2` gives two spans, `甲10の1` and
`18の2` (valued {"evidence": "甲18の2"}); `乙7の6,乙7の7` gives two. A range is one span
whose value lists its items when they can be counted:
    `乙7の1~16` -> {"evidence": "乙7の1~乙7の16", "from": "乙7の1", "to": "乙7の16",
                    "items": ["乙7の1", ..., "乙7の16"]}
(`~`, `～`, `ないし` and `から…まで` all mark ranges; "items" is left out when the two
ends differ in their main number and both carry a branch, or when there are over 500).
The 号証 form is normalised to the short form: `甲第3号証の2` -> `甲3の2`. `弁論の全趣旨`
(evidence from the whole of the hearing) is also marked, valued {"evidence": "弁論の全趣旨"}.
A branch followed by 頁/行 is a page of the exhibit, not a branch: `甲67の3頁` -> `甲67`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.extract._entity_text import SP, folded
from core.extract.base import Suggestion, register

_PREFIX = (
    r"(?P<p>(?:(?<![一-龥ァ-ヺ])|(?<=証拠)|(?<=書証))[甲乙丙丁戊弁検職](?:[A-Zア-ン](?![A-Za-z]))?)"
)
_ITEM = (
    rf"(?P<dai>第{SP})?(?P<n>\d{{1,4}})(?:{SP}号証)?"
    rf"(?:{SP}の{SP}(?P<b>\d{{1,3}})(?!\d|{SP}[頁行枚]))?(?P<gosho>{SP}号証)?"
)
_FIRST = re.compile(_PREFIX + SP + _ITEM)
_NEXT_ITEM = re.compile(rf"{SP}(?P<sep>[,、・]|及び|並びに|と){SP}{_PREFIX}?{SP}{_ITEM}")
_RANGE = re.compile(rf"{SP}(?P<sep>~|ないし|から){SP}{_PREFIX}?{SP}{_ITEM}(?P<made>{SP}まで)?")
_WHOLE = re.compile(r"弁論の全趣旨")
_MAX_ITEMS = 500


def _fmt(p: str, n: int, b: int | None) -> str:
    return f"{p}{n}" if b is None else f"{p}{n}の{b}"


def _expand(p: str, n1: int, b1: int | None, n2: int, b2: int | None) -> list[str] | None:
    if b1 is None and b2 is None and n1 <= n2 and n2 - n1 < _MAX_ITEMS:
        return [_fmt(p, n, None) for n in range(n1, n2 + 1)]
    if b1 is not None and b2 is not None and n1 == n2 and b1 <= b2 and b2 - b1 < _MAX_ITEMS:
        return [_fmt(p, n1, b) for b in range(b1, b2 + 1)]
    return None


def _item(m: re.Match[str], prefix: str) -> tuple[str, int, int | None]:
    b = m["b"]
    return prefix, int(m["n"]), int(b) if b else None


@register("evidence", ["EVIDENCE"])
def extract_evidence(text: str) -> Iterator[Suggestion]:
    f = folded(text)
    pos = 0
    while (m := _FIRST.search(f, pos)) is not None:
        prefix = m["p"]
        chain: list[tuple[int, int, dict[str, object]]] = []
        uses_dai = bool(m["dai"])
        has_gosho = bool(m["gosho"]) or "号証" in m.group()
        p, n, b = _item(m, prefix)
        start, end = m.start(), m.end()
        cur = m
        while True:
            r = _RANGE.match(f, end)
            if r is not None and (r["sep"] != "から" or r["made"]):
                p2 = r["p"] or p
                n2 = int(r["n"])
                b2 = int(r["b"]) if r["b"] else None
                if r["p"] is None and b is not None and b2 is None:
                    n2, b2 = n, n2  # 乙7の1~16: the end is a branch of the same main number
                value: dict[str, object] = {
                    "evidence": f"{_fmt(p, n, b)}~{_fmt(p2, n2, b2)}",
                    "from": _fmt(p, n, b),
                    "to": _fmt(p2, n2, b2),
                }
                items = _expand(p, n, b, n2, b2) if p2 == p else None
                if items is not None:
                    value["items"] = items
                chain.append((start, r.end(), value))
                has_gosho = has_gosho or "号証" in r.group()
                uses_dai = uses_dai or bool(r["dai"])
                end = r.end()
                p, n, b = p2, n2, b2
            else:
                chain.append((start, end, {"evidence": _fmt(p, n, b)}))
            nx = _NEXT_ITEM.match(f, end)
            if nx is None:
                break
            if nx["p"] is None and nx["dai"] is None and not re.match(r"\d", f[nx.start("n") :]):
                break
            if nx["p"] is None and re.match(rf"{SP}[年月日条項号頁円%]", f[nx.end() :]):
                break
            p = nx["p"] or p
            cur = nx
            p, n, b = _item(cur, p)
            start = nx.start("p") if nx["p"] else nx.start("dai") if nx["dai"] else nx.start("n")
            end = nx.end()
            uses_dai = uses_dai or bool(nx["dai"])
            has_gosho = has_gosho or "号証" in nx.group()
        pos = max(end, m.end())
        if uses_dai and not has_gosho:
            continue  # `甲第1号` without 証 is not an exhibit reference
        for s, e, v in chain:
            while e > s and f[e - 1] in " \u3000":
                e -= 1
            yield Suggestion("EVIDENCE", s, e, v)
    for m in _WHOLE.finditer(f):
        yield Suggestion("EVIDENCE", m.start(), m.end(), {"evidence": "弁論の全趣旨"})

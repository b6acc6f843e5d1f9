"""CASE_NUMBER: 事件番号 such as `令和2年(ワ)第145号`, in every form judgments and listings use.

Value (always a dict):
    {"case_number": "令和2年(ワ)第145号", "era": "令和", "year": 2, "code": "ワ", "serial": 145}
plus "prefix" (`平成26年特(わ)第914号`) or "suffix" (`令和2(を)新102`) when present.
The normalised form is `{era}{year}年{prefix}({code}){suffix}第{serial}号` with arabic
numerals, no padding and no spaces; `元年` is written `1年`, as in the courts' own records
(`令和1(ワ)2592`). `同年(ネ)第1955号` takes the year of the last era year written before
it; `同第28881号` (or `,第28881号`, `及び第28881号`) right after a case number also
takes its code. Impossible era years
(平成0, 昭和65, 令和100) are refused. A header line whose code was lost by the PDF
extraction (`平成27 1006号  殺人被告事件`) gives a number with code None and no parentheses.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from core.extract._entity_text import ERA_RE, NUM_RE, SP, era_year_ok, folded, to_int
from core.extract.base import Suggestion, register

_YEAR = r"(?:元|\d{1,2}|[〇一二三四五六七八九十]{1,3})"
_CODE = r"[ぁ-ゖァ-ヺ一-龥](?:[ \u3000]?[ぁ-ゖァ-ヺ一-龥]){0,2}"
_TAIL = (
    rf"(?P<prefix>(?:(?![年第号同])[一-龥]){{1,2}})?{SP}\({SP}(?P<code>{_CODE}){SP}\){SP}"
    rf"(?P<suffix>(?![第号])[一-龥])?{SP}(?P<dai>第{SP})?(?P<serial>{NUM_RE}){SP}(?P<go>号)?"
)
_FULL = re.compile(rf"(?P<era>{ERA_RE}){SP}(?P<year>{_YEAR}){SP}(?P<nen>年{SP})?{_TAIL}")
# 同年(ネ)第1955号: the year comes from the last era year before it
_SAME_YEAR = re.compile(rf"同{SP}年{SP}{_TAIL}")
# ,同第28881号 (or ,第28881号 / 及び第28881号) right after a number: same year and code
_SAME_ALL = re.compile(
    rf"(?:[,、・]{SP}(?:及び|並びに)?|{SP}(?:及び|並びに|ないし|乃至){SP}|{SP}[~〜～]{SP})"
    rf"(?P<same>同{SP})?第{SP}(?P<serial>{NUM_RE}){SP}号(?!証)"
)
_ERA_YEAR = re.compile(rf"(?P<era>{ERA_RE}){SP}(?P<year>{_YEAR}){SP}年")
# header line with the code dropped by the PDF text: `平成27 1006号  殺人被告事件`
_CODELESS = re.compile(
    rf"^(?P<era>{ERA_RE})(?P<year>{_YEAR})[ \u3000]+(?P<serial>\d{{1,6}})号(?=[ \u3000]+\S*事件)",
    re.M,
)
_CODE_BAD = set("第号年月日")


def canonical(
    era: str, year: int, code: str | None, serial: int, prefix: str = "", suffix: str = ""
) -> str:
    if code is None:
        return f"{era}{year}年第{serial}号"
    return f"{era}{year}年{prefix}({code}){suffix}第{serial}号"


def _value(
    era: str, year: int, code: str | None, serial: int, prefix: str = "", suffix: str = ""
) -> dict[str, object]:
    v: dict[str, object] = {
        "case_number": canonical(era, year, code, serial, prefix, suffix),
        "era": era,
        "year": year,
        "code": code,
        "serial": serial,
    }
    if prefix:
        v["prefix"] = prefix
    if suffix:
        v["suffix"] = suffix
    return v


def _tail_ok(m: re.Match[str], f: str, has_nen: bool) -> bool:
    """Refuse a serial cut by a line break (`第19⏎55号`) or a number that is something else."""
    code = re.sub("[ \u3000]", "", m["code"])
    if any(c in _CODE_BAD for c in code):
        return False
    if m["go"]:
        return True
    if m["dai"] or has_nen:
        return False  # `平成11年(ネ)第19` at a line end: the rest is on the next line
    nxt = f[m.end() : m.end() + 2]
    if nxt[:1] in ("年", "月", "日", "条", "頁", "円", "%", ".") or nxt[:1].isdigit():
        return False
    return not (nxt[:1] == "\n" and nxt[1:2].isdigit())


def parse(s: str) -> dict[str, object] | None:
    """Parse one case number string (any form above); None if it is not one."""
    f = folded(s).strip()
    m = _FULL.fullmatch(f) or _FULL.match(f)
    if not m:
        m2 = re.fullmatch(rf"({ERA_RE})({_YEAR})[ \u3000]+(\d+)号", f)
        if m2:
            y = to_int(m2[2])
            if y is None:
                return None
            return _value(m2[1], y, None, int(m2[3]))
        return None
    year = to_int(m["year"])
    serial = to_int(m["serial"])
    if year is None or serial is None or not era_year_ok(m["era"], year):
        return None
    code = re.sub("[ \u3000]", "", m["code"])
    return _value(m["era"], year, code, serial, m["prefix"] or "", m["suffix"] or "")


@register("case_numbers", ["CASE_NUMBER"])
def extract_case_numbers(text: str) -> Iterator[Suggestion]:
    f = folded(text)
    taken: list[tuple[int, int]] = []

    def emit(start: int, end: int, value: dict[str, object]) -> Suggestion:
        taken.append((start, end))
        return Suggestion("CASE_NUMBER", start, end, value)

    for m in _FULL.finditer(f):
        year = to_int(m["year"])
        serial = to_int(m["serial"])
        if year is None or serial is None or not era_year_ok(m["era"], year):
            continue
        if not _tail_ok(m, f, bool(m["nen"])):
            continue
        code = re.sub("[ \u3000]", "", m["code"])
        prefix, suffix = m["prefix"] or "", m["suffix"] or ""
        yield emit(m.start(), m.end(), _value(m["era"], year, code, serial, prefix, suffix))
        # joined numbers: `,同第28881号` keeps year and code
        pos = m.end()
        while (n := _SAME_ALL.match(f, pos)) is not None:
            s2 = to_int(n["serial"])
            if s2 is None:
                break
            start = n.start("same") if n["same"] else n.start() + n.group(0).index("第")
            yield emit(start, n.end(), _value(m["era"], year, code, s2, prefix, suffix))
            pos = n.end()

    era_years = [(m.start(), m["era"], to_int(m["year"])) for m in _ERA_YEAR.finditer(f)]
    starts = [ey[0] for ey in era_years]
    for m in _SAME_YEAR.finditer(f):
        serial = to_int(m["serial"])
        if serial is None or not _tail_ok(m, f, True):
            continue
        i = bisect_left(starts, m.start())
        if i == 0:
            continue
        _pos, era, year = era_years[i - 1]
        if year is None or not era_year_ok(era, year):
            continue
        code = re.sub("[ \u3000]", "", m["code"])
        prefix, suffix = m["prefix"] or "", m["suffix"] or ""
        yield emit(m.start(), m.end(), _value(era, year, code, serial, prefix, suffix))

    for m in _CODELESS.finditer(f):
        year = to_int(m["year"])
        if year is None or not era_year_ok(m["era"], year):
            continue
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        yield emit(m.start(), m.end(), _value(m["era"], year, None, int(m["serial"])))

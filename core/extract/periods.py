"""PERIOD: sentences and durations as ISO 8601 durations.

Value: `{"duration": "P1Y6M", "kind": K}` where K is the sentence (`懲役`, `禁錮`, `拘禁刑`,
`拘留`), `執行猶予`, `未決勾留` (days credited) or `期間` for a general duration
(`4年間`, `3か月`, `30日間`, `2週間`, `70時間` -> PT70H, `30分間` -> PT30M); `"approx": true`
when 約 comes first.
Spans: a sentence includes its word (`懲役1年6月`, `執行猶予5年`, `未決勾留日数中120日`);
a suspension written `5年間その刑の執行を猶予` spans `5年間`.
A bare `3年` or `6月` is never a general duration (a year or a month name); after 懲役 and
the like `6月` means six months, as sentences are written. 罰金 is MONEY, not a period.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from core.extract._scan import finditer_near
from core.extract.base import Suggestion, register
from core.extract.numerals import parse_int

_PARTS = {
    "«N»": r"[0-9０-９〇一二三四五六七八九十百千]+",
    "«MO»": r"(?:か月|カ月|ヶ月|ケ月|箇月|ヵ月|月)",
    "«MS»": r"(?:か月|カ月|ヶ月|ケ月|箇月|ヵ月)",  # 月 alone is a month name outside sentences
    "«S»": r"[ \u3000]?",
}


def _rx(template: str) -> re.Pattern[str]:
    """Compile after filling «N» (a number), «MO»/«MS» (months) and «S» (a space)."""
    for key, part in _PARTS.items():
        template = template.replace(key, part)
    return re.compile(template)


_SENTENCE = _rx(
    r"(?P<kind>懲役|禁錮|禁固|拘禁刑|拘留)«S»"
    r"(?:(?P<y>«N»)年(?:(?P<ym>«N»)«MO»)?|(?P<m>«N»)«MO»|(?P<d>«N»)日)"
)
_SUSPENSION = _rx(
    r"執行猶予(?:期間)?«S»(?P<y>«N»)年(?:(?P<ym>«N»)«MO»)?"
    r"|(?P<y2>«N»)年(?:(?P<ym2>«N»)«MO»)?間?"
    r"(?=[,，、]?«S»(?:その刑(?:の全部)?の執行を猶予|執行猶予(?!«S»[0-9０-９〇一二三四五六七八九十])))"
    r"|(?<=執行を)(?P<y3>«N»)年(?:(?P<ym3>«N»)«MO»)?間?(?=\n?猶予)"
)
_CUSTODY = _rx(r"未決勾留日数(?:中|のうち)?«S»(?P<d>«N»)日")
_GENERAL = _rx(
    r"(?<![0-9０-９〇一二三四五六七八九十百千元.．・])(?P<approx>約)?"
    r"(?:(?P<y>«N»)年(?:(?P<ym>«N»)«MS»)?間"
    r"|(?P<y3>«N»)年(?P<ym3>«N»)«MS»"
    r"|(?P<m>«N»)«MS»間?"
    r"|(?P<w>«N»)週間"
    r"|(?P<d>«N»)日間"
    r"|(?P<h>«N»)時間(?:(?P<hm>«N»)分)?"
    r"|(?P<mi>«N»)分間)"
)
_ANCHOR = re.compile(r"[間月刑役錮留予]")
_BEFORE_BAD = frozenset("数何幾十")
_ERA_BEFORE = re.compile(r"(?:明治|大正|昭和|平成|令和|西暦|同|翌|前|昨|毎|本|今)$")


def _num(s: str | None) -> int | None:
    return None if s is None else parse_int(s)


def iso_duration(
    years: int = 0, months: int = 0, weeks: int = 0, days: int = 0, hours: int = 0,
    minutes: int = 0,
) -> str:  # fmt: skip
    """P1Y6M, P120D, P2W, PT70H; weeks are kept as weeks (ISO allows PnW alone)."""
    if weeks and not (years or months or days or hours or minutes):
        return f"P{weeks}W"
    days += 7 * weeks
    date = "".join(f"{v}{u}" for v, u in ((years, "Y"), (months, "M"), (days, "D")) if v)
    time = "".join(f"{v}{u}" for v, u in ((hours, "H"), (minutes, "M")) if v)
    out = "P" + date + ("T" + time if time else "")
    return out if out != "P" else "P0D"


def _ym(y: str | None, m: str | None) -> str | None:
    years, months = _num(y), _num(m) if m else 0
    if years is None or months is None:
        return None
    return iso_duration(years=years, months=months)


@register("periods", ["PERIOD"])
def extract_periods(text: str) -> Iterator[Suggestion]:
    taken: list[tuple[int, int]] = []
    out: list[Suggestion] = []

    def add(start: int, end: int, value: dict[str, Any]) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        out.append(Suggestion("PERIOD", start, end, value))

    for m in finditer_near(_SENTENCE, _ANCHOR, text):
        if m.group("y"):
            dur = _ym(m.group("y"), m.group("ym"))
        elif m.group("m"):
            months = _num(m.group("m"))
            dur = None if months is None else iso_duration(months=months)
        else:
            days = _num(m.group("d"))
            dur = None if days is None else iso_duration(days=days)
        if dur:
            kind = "禁錮" if m.group("kind") == "禁固" else m.group("kind")
            add(m.start(), m.end(), {"duration": dur, "kind": kind})
    for m in finditer_near(_SUSPENSION, _ANCHOR, text):
        dur = _ym(
            m.group("y") or m.group("y2") or m.group("y3"),
            m.group("ym") or m.group("ym2") or m.group("ym3"),
        )
        if dur:
            add(m.start(), m.end(), {"duration": dur, "kind": "執行猶予"})
    for m in finditer_near(_CUSTODY, _ANCHOR, text):
        days = _num(m.group("d"))
        if days is not None:
            add(m.start(), m.end(), {"duration": iso_duration(days=days), "kind": "未決勾留"})
    for m in finditer_near(_GENERAL, _ANCHOR, text):
        start = m.start()
        if start > 0 and (
            text[start - 1] in _BEFORE_BAD or _ERA_BEFORE.search(text, max(0, start - 2), start)
        ):
            continue
        g = m.group
        if g("y") or g("y3"):
            dur = _ym(g("y") or g("y3"), g("ym") or g("ym3"))
        else:
            unit = next(k for k in ("m", "w", "d", "h", "mi") if g(k))
            n = _num(g(unit))
            key = {"m": "months", "w": "weeks", "d": "days", "h": "hours", "mi": "minutes"}[unit]
            extra = _num(g("hm")) if unit == "h" and g("hm") else 0
            if n is None or extra is None:
                continue
            dur = iso_duration(**{key: n}, minutes=extra) if extra else iso_duration(**{key: n})
        if dur:
            value: dict[str, Any] = {"duration": dur, "kind": "期間"}
            if g("approx"):
                value["approx"] = True
            add(start, m.end(), value)
    out.sort(key=lambda s: s.start)
    yield from out

"""COURT: named courts, with their branch (支部, 小法廷) and division (部) kept apart.

Value: {"court": "大阪地方裁判所堺支部", "base": "大阪地方裁判所", "branch": "堺支部",
"division": "第11民事部"}; "branch" and "division" only when written. "court" is the court
with its branch (the normalised name a paralegal files the judgment under); the division
is an attribute, written as in the text with half-width digits. The Supreme Court's benches
count as its branch: `最高裁判所第一小法廷` (arabic `第1小法廷` becomes `第一小法廷`); a bench
written alone (`平成29年2月28日  第三小法廷判決`, `同第一小法廷`, `大法廷判決`) is the Supreme
Court's, since no other court sits in 小法廷 or 大法廷.
Abbreviations (`東京地裁`, `大阪高裁`, `知財高裁`, `最高裁`) are spans too, valued with the
full name. References that name no court (`当裁判所`, `原裁判所`, `同裁判所`, `同庁`) are
not suggested: their referent is a reading of the text, not a name in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.extract._entity_text import KANJI, SP, folded, run_start
from core.extract._spans import Covered
from core.extract.base import Suggestion, register

# `昀` is a glyph the courts' PDF text gives for 最 (see the corpus README).
# seats of the district and family courts (and 浦和, the name of さいたま before 2001)
DISTRICTS = [
    "東京",
    "横浜",
    "さいたま",
    "浦和",
    "千葉",
    "水戸",
    "宇都宮",
    "前橋",
    "静岡",
    "甲府",
    "長野",
    "新潟",
    "大阪",
    "京都",
    "神戸",
    "奈良",
    "大津",
    "和歌山",
    "名古屋",
    "津",
    "岐阜",
    "福井",
    "金沢",
    "富山",
    "広島",
    "山口",
    "岡山",
    "鳥取",
    "松江",
    "福岡",
    "佐賀",
    "長崎",
    "大分",
    "熊本",
    "鹿児島",
    "宮崎",
    "那覇",
    "仙台",
    "福島",
    "山形",
    "盛岡",
    "秋田",
    "青森",
    "札幌",
    "函館",
    "旭川",
    "釧路",
    "高松",
    "徳島",
    "高知",
    "松山",
]
HIGH = ("札幌", "仙台", "東京", "名古屋", "大阪", "広島", "高松", "福岡")
_DIST = "|".join(sorted(DISTRICTS, key=len, reverse=True))
_HIGH = "|".join(HIGH)
_K = "[一-龥々ヶ]"
_KANJI_NUM = {"1": "一", "2": "二", "3": "三"}

_DIVISION = (
    r"(?:(?:民事|刑事)第\d{1,2}部|第\d{1,2}(?:民事|刑事|特別)?部|民事第\d{1,2}室|"
    r"(?:民事|刑事)部|特別部)"
)
_COURT = re.compile(
    rf"(?P<sc>[最昀]高裁判所|[最昀]高裁(?!判所))(?:{SP}(?P<bench>大法廷|第[一二三123]小法廷))?"
    rf"|(?P<ip>知的財産高等裁判所|知財高裁)"
    rf"|(?P<high>{_HIGH})(?P<hkind>高等裁判所|高裁)"
    rf"|(?P<dist>{_DIST})(?P<dkind>地方裁判所|家庭裁判所|地裁|家裁)"
    rf"|(?P<sum>(?:さいたま)?)(?P<skind>簡易裁判所|簡裁)"
)
_BENCH_ALONE = re.compile(r"大法廷|第[一二三123]小法廷")
_BRANCH = re.compile(rf"{SP}(?P<branch>{_K}{{1,5}}?支部|{_K}{{1,5}}?出張所)")
_DIV = re.compile(rf"{SP}(?P<division>{_DIVISION})")
_FULL_KIND = {
    "高裁": "高等裁判所",
    "地裁": "地方裁判所",
    "家裁": "家庭裁判所",
    "簡裁": "簡易裁判所",
}
# words that end up in front of 簡易裁判所 but are not a place
_NOT_PLACE = ("同", "当", "原", "各", "本件", "上記", "前記", "管轄", "所轄")


def _base(m: re.Match[str]) -> str | None:
    if m["sc"]:
        return "最高裁判所"
    if m["ip"]:
        return "知的財産高等裁判所"
    if m["high"]:
        return m["high"] + _FULL_KIND.get(m["hkind"], m["hkind"])
    if m["dist"]:
        return m["dist"] + _FULL_KIND.get(m["dkind"], m["dkind"])
    return _FULL_KIND.get(m["skind"], m["skind"])


def _candidates(f: str) -> Iterator[re.Match[str]]:
    """Matches of _COURT, tried only around a `裁` (a plain find is much faster than a scan
    of the whole text with the long alternation)."""
    last_end = 0
    i = f.find("裁")
    while i != -1:
        for back in range(7, -1, -1):
            s = i - back
            if s < last_end:
                continue
            m = _COURT.match(f, s)
            if m is not None and m.end() > i:
                yield m
                last_end = m.end()
                break
        i = f.find("裁", max(i + 1, last_end))


def _bench_name(bench: str) -> str:
    """`第1小法廷` -> `第一小法廷` (the benches are named with kanji numerals)."""
    return bench[0] + _KANJI_NUM.get(bench[1], bench[1]) + bench[2:] if len(bench) > 3 else bench


@register("courts", ["COURT"])
def extract_courts(text: str) -> Iterator[Suggestion]:
    f = folded(text)
    emitted: list[tuple[int, int]] = []
    for sug in _named(f):
        emitted.append((sug.start, sug.end))
        yield sug
    # a Supreme Court bench written alone (`平成29年2月28日  第三小法廷判決`, `同第一小法廷`):
    # only the Supreme Court sits in 小法廷/大法廷
    taken = Covered(emitted)
    for m in _BENCH_ALONE.finditer(f):
        if m.start() not in taken:
            bench = _bench_name(m.group())
            value = {"court": "最高裁判所" + bench, "base": "最高裁判所", "branch": bench}
            yield Suggestion("COURT", m.start(), m.end(), value)


def _named(f: str) -> Iterator[Suggestion]:
    """Courts written with their name (`東京地方裁判所`, `最高裁第二小法廷`)."""
    for m in _candidates(f):
        base = _base(m)
        if base is None:
            continue
        start = m.start()
        if m["skind"] and not m["sum"]:
            # summary courts sit in hundreds of towns: the place is the kanji run before
            start = run_start(f, m.start(), KANJI, 5)
            while f[start : m.start()].startswith(_NOT_PLACE):
                start += 1
            if start == m.start():
                continue
        base = f[start : m.start("skind")] + base if m["skind"] else base
        end = m.end()
        value: dict[str, str] = {"base": base}
        court = base
        if m["bench"]:
            bench = _bench_name(m["bench"])
            value["branch"] = bench
            court = base + bench
        elif base != "最高裁判所" and (b := _BRANCH.match(f, end)) is not None:
            value["branch"] = b["branch"]
            court = base + b["branch"]
            end = b.end()
        if (d := _DIV.match(f, end)) is not None:
            value["division"] = d["division"]
            end = d.end()
        yield Suggestion("COURT", start, end, {"court": court, **value})

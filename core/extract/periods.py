"""PERIOD: sentences and durations as ISO 8601 durations.

Value: `{"duration": "P1Y6M", "kind": K}` where K is the sentence (`懲役`, `禁錮`, `拘禁刑`,
`拘留`), `執行猶予`, `未決勾留` (days credited) or `期間` for a general duration
(`4年間`, `3か月`, `30日間`, `2週間`, `70時間` -> PT70H, `7.9時間` -> PT7H54M (PT67.08H when
the fraction is not whole minutes), `30分間` and `15分の休憩` -> PT30M / PT15M, `2年半` ->
P2Y6M, `2年ごとに` -> P2Y); `"approx": true` when 約 comes first. The number opening a range
is a period of the same unit (`1~6か月`: `1` P1M and `6か月` P6M; `二日ないし三日間`: `二日`
P2D, not a date's day or an era year, `4月1日から10日間`).
Not periods: offsets (`2か月後`, `約2週間前`; `60時間前後` is kept), times of day
(`午後1時10分`), rates and fractions (`年5分`, `100分の30`, `3分し`), `十分`.
Spans: a sentence includes its word (`懲役1年6月`, `執行猶予5年`, `未決勾留日数中120日`);
a suspension written `5年間その刑の執行を猶予` spans `5年間`. A limit of a statutory penalty
spans the length only, with the kind and `"limit"` (`10年以下の懲役` -> `10年` P10Y 懲役 以下,
`6月以下の懲役` P6M, both ends of `1年以上10年以下の懲役`, `2年以上の有期懲役`).
A bare `3年` or `6月` is a general duration only before a word that makes it a length
(`20年を経過`, `3年が経過`, `20年の期間`, `約1年にわたり`, `30日と定める`, `百年より永い`;
`6月を経過` as statutes write six months), and not after 年/月/日 or an era (`平成20年を
経過` is a year); after 懲役 and the like `6月` means six months, as sentences are written,
and so before a threshold (`前6月以内`, `6月を超え`; a calendar month never stands so, while
`平成6年6月以内` stays a date). Thresholds (`2年を超える`, `3年未満`, `経験が3年に満たず`) and
lengths of experience or service (`5年以上の経験`, `10年の実務経験`, `勤続10年`, `在職3年`) are
periods; offsets are not (`20年以上前`, `3年以上前から`), nor ages (`65歳以上`).
罰金 is MONEY, not a period. A unit of a rate is not a period (`1か月当たり`, `1時間につき`,
`1か月単位の変形労働時間制`; `15分単位で休憩` stays one). Also read: `一か月半` P1M15D,
`半年` P6M, `約30秒間` PT30S, `2年以内`, `約2年の間`, `30年に対応するライプニッツ係数`,
`1,2年間` (both ends), and counts named as a stay or term by the words around them
(`入院した123日`, `通院期間中(402日)`, `合計123日の入院`, `労働能力喪失期間30年`).
Delays and spans of work are lengths (`約10分遅れ`, `2分20秒遅れ`, `二〇年来`, `10年以上
かけて`, `過去17年で`), and so is what a task takes (`約2日かかる`, `3日を要した`); a unit
split by a hard wrap the import kept (`24時⏎間`, `3か⏎月`) is one span with the break (not
before another word: `3時⏎間もなく`); counts are not: months of pay (`基本給の3か月分`,
and the cap of such a count, `12か月を上限`), a factor of a formula (`月額50万円×3か月`),
`1時間に1本`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from core.extract._scan import finditer_near
from core.extract.base import Suggestion, register
from core.extract.numerals import parse_int

_PARTS = {
    # a sentence a statute sets: `6月以下の懲役`, `1年以上10年以下の懲役`, `2年以上の有期懲役`
    "«DUR»": r"(?:«N»年(?:«N»«MO»)?|«N»«MO»|«N»日)",
    "«N»": r"[0-9０-９〇一二三四五六七八九十百千]+",
    "«MO»": r"(?:か月|カ月|ヶ月|ケ月|箇月|ヵ月|月)",
    # 月 alone is a month name outside sentences; a hard wrap the import kept may split
    # the unit (`3か⏎月`)
    "«MS»": r"(?:[かカヶケ箇ヵ]\n?月)",
    "«S»": r"[ \u3000]?",
    # what may follow a bare `15分` that is a length of time (not 100分の30, 3分し, 5分5厘)
    "«MIN»": r"の(?![0-9０-９〇一二三四五六七八九十])|[をにでがはもやと、,，。・)）」~〜～\n]"
    r"|程|ずつ|単位|ない|から|まで|以上|以内|未満|余|弱|強|超|休|及び|又は|並びに|前後|ほど|くらい"
    r"|ぐらい|遅れ|遅延|早く|早ま|$",
    # after `20年` / `30日` / `2週`: a length that passes, lasts or is set (`20年を経過`)
    "«EL»": r"(?:[をが]経過|の期間|の間(?!柄)|にわた|に亘|と定め|より[永長]い|以内"
    r"|に対応する(?:ライプニッツ|新?ホフマン)|遅れ|の遅れ|遅延|の遅延"
    r"|来(?![日訪場店社院所庁館航園客襲年月週期])|(?:以上|余り?)?を?かけ[てた]"
    r"|を超え|未満|に満た"  # a threshold: `2年を超える`, `3年に満たず`
    # a length of experience or service: `5年以上の経験`, `10年の実務経験`, `3年の在職`
    r"|(?:以上|余り?)?の(?:実務|勤務|職務|業務|臨床|指導)?(?:経験|勤続|在職|在籍|在任)"
    r"|かか[るりっ]|を?要(?:し|する))",  # what a task takes: `約2日かかる`, `3日を要した`
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
# the limits of a statutory penalty: `10年以下の懲役`, `6月以下の懲役` (months as statutes
# write them), both ends of `1年以上10年以下の懲役`, `2年以上の有期懲役`
_PENALTY = _rx(
    r"(?<![0-9０-９〇一二三四五六七八九十百千.．年月日])"
    r"(?:(?P<y>«N»)年(?:(?P<ym>«N»)«MO»)?|(?P<m>«N»)«MO»|(?P<d>«N»)日)(?P<limit>以上|以下|未満)"
    r"(?=(?:«DUR»(?:以上|以下|未満))?の(?:有期の?)?(?P<kind>懲役|禁錮|禁固|拘禁刑|拘留))"
)
_GENERAL = _rx(
    r"(?<![0-9０-９〇一二三四五六七八九十百千元.．・])(?P<approx>約)?(?P<n>«N»(?:[.．][0-9０-９]+)?)"
    r"(?:(?P<y>年)(?:(?P<ym>«N»)«MS»間?|間|(?P<yh>半)(?!ば)間?|(?=ごと|毎)|(?P<yel>(?=«EL»)))"
    r"|(?P<m>«MS»(?P<mh>半)?|月(?P<mel>(?=[をが]経過|以内|を超え|未満|に満た)))間?"
    r"|(?P<w>週)(?:間|(?P<wel>(?=«EL»)))"
    r"|(?P<d>日)(?:間|(?P<del>(?=«EL»)))"
    r"|(?P<h>時)(?:間|\n間(?!もな|に合|違|柄))(?:(?P<hm>«N»)分|(?P<hh>半))?"
    r"|(?P<mi>分)間"
    r"|(?P<sec>秒)間"
    r"|(?P<mb>分)(?:(?P<ms>«N»)秒間?)?(?=«MIN»))"
)
# the number that opens a range whose other end is a period: `1~6か月`, `3~4時間`,
# `二日ないし三日間` (with its own unit, the same as the other end's)
_RANGE_START = re.compile(
    r"(?<![0-9０-９.．第〇一二三四五六七八九十百])"
    r"(?P<n>[0-9０-９]{1,3}(?:[.．][0-9０-９]+)?|[〇一二三四五六七八九十百]{1,3})"
    r"(?P<u>年|か月|カ月|ヶ月|ケ月|箇月|ヵ月|週間?|日|時間|分|秒)?[ \u3000]?"
    r"(?:[~〜～]|から|ないし|乃至)[ \u3000]?$"
)
_UNIT_WORDS = {"y": "年", "m": "月", "w": "週", "d": "日", "h": "時", "mi": "分", "mb": "分"}
_UNIT_WORDS["sec"] = "秒"
_ANCHOR = re.compile(
    r"[間月毎]|[0-9０-９]分|年半|ごと|経過|の期間|にわた|に亘|と定め|より[永長]い|以内|に対応"
    r"|年来|かけ[てた]|遅[れ延]|を超え|未満|に満た|経験|勤続|在職|在籍|在任|かか[るりっ]|要[しす]"
)
# `1か月当たり5000円`, `1時間につき`, `1か月単位の変形労働時間制`: a unit of a rate
# (`15分単位で休憩を取る` stays a length: breaks are taken in those lengths)
_PER_UNIT = re.compile(
    r"[ \u3000]?(?:当たり|あたり|当り|につき|(?<!分)単位"
    r"|に[0-9０-９一二三四五六七八九十]{1,3}(?:本|回|度|便|件|台|人|個|通|錠))"
)
# `基本給の3か月分`, `30日分の賃金`: a count of monthly (daily) amounts of pay, not a length
# (`1週間分の週報をまとめて作成`: a week's worth of work stays a length)
_COUNT_AFTER = re.compile(r"分(?!間|[0-9０-９〇一二三四五六七八九十])")
_PAY = re.compile(r"給|賃金|報酬|手当|賞与|退職金|円|額|料")
# `月額50万円×3か月`: a factor of a formula
_FORMULA_BEFORE = re.compile(r"[×xX*＊][ \u3000]?(?:約)?$")
# `1か月分の賃金…(ただし,12か月を上限とする)`: the cap of that count of months
_CAP_AFTER = re.compile(r"[をが](?:上限|限度)")
# `1,2年間`: the number before a comma is the other end when it is one less
_PAIR_START = re.compile(r"(?<![0-9０-９.．,，、])(?P<n>[0-9０-９]{1,2})[,，、]$")
# `半年くらいの間`, `半年間`: six months (not 上半年, 半年後)
_HALF_YEAR = re.compile(r"(?<![0-9０-９〇一二三四五六七八九十上下])半年間?(?!度|分|毎|ごと)")
# a stay or a term named just before or after the count: `入院した123日`, `通院期間中(402日)`,
# `労働能力喪失期間30年`, `合計123日の入院` (a count in a formula, `1500円×123日`, is not)
_TERM = _rx(
    r"(?:(?:入院|通院|休業|療養|欠勤|勤務)した|期間中?[(（]?|過去|直近|勤続|在職|在籍|経験年数[はが]?)"
    r"(?P<n>[0-9０-９〇一二三四五六七八九十百千]+)(?:(?P<y>年)|(?P<m>«MS»)|(?P<d>日))(?![0-9０-９目])"
    r"|(?<![0-9０-９〇一二三四五六七八九十百千×x*年月])(?P<n2>[0-9０-９〇一二三四五六七八九十百千]+)日"
    r"(?=の?(?:入院|通院|休業|療養|欠勤))"
)
_TERM_ANCHOR = re.compile(r"期間|した|入院|通院|休業|療養|欠勤|過去|直近|勤続|在職|在籍|経験")
_SENTENCE_ANCHOR = re.compile(r"[役錮固刑留]")
_SUSPENSION_ANCHOR = re.compile(r"猶")
_CUSTODY_ANCHOR = re.compile(r"勾")
# `2か月後に`, `約2週間前に`, `1か月以上前から`: an offset from an event, not a length
_OFFSET_AFTER = re.compile(r"[ \u3000]?(?:以上|ほど|くらい|ぐらい|程度)?[前後](?!後)|以[前後]")
_BEFORE_BAD = frozenset("数何幾十")
_ERA_BEFORE = re.compile(r"(?:明治|大正|昭和|平成|令和|西暦|同|翌|昨|毎|本|今)$")
# before a bare `10分`: a time of day (午後1時10分), a rate (年5分, 1割5分), an ordinal
_MINUTE_BAD_BEFORE = frozenset("時年割歩第:：")
_UNITS = {
    "m": "months",
    "w": "weeks",
    "d": "days",
    "h": "hours",
    "mi": "minutes",
    "mb": "minutes",
    "sec": "seconds",
}


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _num(s: str | None) -> int | None:
    return None if s is None else parse_int(s)


def iso_duration(
    years: int = 0, months: int = 0, weeks: int = 0, days: int = 0, hours: int = 0,
    minutes: int = 0, seconds: int = 0,
) -> str:  # fmt: skip
    """P1Y6M, P120D, P2W, PT70H, PT30S; weeks are kept as weeks (ISO allows PnW alone)."""
    if weeks and not (years or months or days or hours or minutes or seconds):
        return f"P{weeks}W"
    days += 7 * weeks
    date = "".join(f"{v}{u}" for v, u in ((years, "Y"), (months, "M"), (days, "D")) if v)
    time = "".join(f"{v}{u}" for v, u in ((hours, "H"), (minutes, "M"), (seconds, "S")) if v)
    out = "P" + date + ("T" + time if time else "")
    return out if out != "P" else "P0D"


def _ym(y: str | None, m: str | None) -> str | None:
    years, months = _num(y), _num(m) if m else 0
    if years is None or months is None:
        return None
    return iso_duration(years=years, months=months)


def _hours(s: str, minutes: int = 0) -> str | None:
    """PT3H, PT7H54M for 7.9時間, PT67.08H when the fraction is not whole minutes."""
    whole, _, frac = s.replace("．", ".").partition(".")
    hours = parse_int(whole)
    if hours is None:
        return None
    if not frac:
        return iso_duration(hours=hours, minutes=minutes)
    frac = frac.translate(_FULL_DIGITS)
    mins = int(frac) * 60 / 10 ** len(frac)
    if mins == int(mins):
        return iso_duration(hours=hours, minutes=int(mins) + minutes)
    return f"PT{hours}.{frac}H"


def _general(g: Any) -> tuple[str | None, str | None]:
    """(unit of a single-unit period, for a range's first number; ISO duration or None)."""
    n: str = g("n")
    if g("h"):
        extra = 30 if g("hh") else _num(g("hm")) if g("hm") else 0
        if extra is None:
            return None, None
        return ("h" if not extra else None), _hours(n, extra)
    if "." in n or "．" in n:
        return None, None  # 1.5か月: only hours are read with a fraction
    if g("y"):
        if g("yh"):
            years = _num(n)
            return None, None if years is None else iso_duration(years=years, months=6)
        return ("y" if not g("ym") else None), _ym(n, g("ym"))
    if g("mb") and not (n.isdigit() and len(n) <= 3):
        return None, None  # 十分 (enough) is not ten minutes
    unit = next(k for k in ("m", "w", "d", "mi", "mb", "sec") if g(k))
    count = _num(n)
    if g("ms"):  # 2分20秒
        secs = _num(g("ms"))
        if count is None or secs is None or secs >= 60:
            return None, None
        return None, iso_duration(minutes=count, seconds=secs)
    if g("mh"):  # 一か月半: a month and a half
        return None, None if count is None else iso_duration(months=count, days=15)
    return unit, None if count is None else iso_duration(**{_UNITS[unit]: count})


def _minute_is_a_clock_or_rate(text: str, start: int) -> bool:
    """`午後1時10分`, `年5分`, `1割5分`: a bare 分 after these is not a length of time."""
    i = start - 1
    while i >= 0 and text[i] in " \u3000":
        i -= 1
    return i >= 0 and text[i] in _MINUTE_BAD_BEFORE


def _elapsed_is_a_date(g: Any, text: str, start: int) -> bool:
    """`5月10日を経過`, `平成10年3月を経過`, `2020年の期間`: a date, not a length of time.
    Only for the forms read from what follows (`20年を経過`), not `20年間`."""
    if all(g(k) is None for k in ("yel", "mel", "wel", "del")):
        return False
    if start > 0 and text[start - 1] in "年月日":
        return True
    count = parse_int(g("n"))
    return g("yel") is not None and (count is None or count >= 1000)


def _range_start(text: str, start: int, unit: str) -> re.Match[str] | None:
    """The number opening the range that ends at `start`: bare (`1~6か月`) or with the
    same unit (`二日ないし三日間`), not the end of a date or an era year (`4月1日から`)."""
    r = _RANGE_START.search(text, max(0, start - 12), start)
    if r is None:
        return None
    before = text[r.start() - 1] if r.start() > 0 else ""
    if r.group("u"):
        if _UNIT_WORDS.get(unit, "") not in r.group("u") or before in "年月日":
            return None
        if _ERA_BEFORE.search(text, max(0, r.start() - 2), r.start()):
            return None
    elif not r.group("n")[0].isdigit() and (
        before in "年月日" or _ERA_BEFORE.search(text, max(0, r.start() - 2), r.start())
    ):
        return None
    return r


def _range_end_value(n: str, unit: str, other: str) -> str | None:
    """The duration of the number opening `1~6か月` (P1M), if not above the other end."""
    low, high = _float(n), _float(other)
    if low is None or high is None or low > high:
        return None
    if unit == "h":
        return _hours(n)
    count = parse_int(n)
    if count is None or "." in n or "．" in n:
        return None
    return iso_duration(**{"years" if unit == "y" else _UNITS[unit]: count})


def _float(s: str) -> float | None:
    s = s.replace("．", ".").translate(_FULL_DIGITS)
    try:
        return float(s)
    except ValueError:
        n = parse_int(s)
        return None if n is None else float(n)


def _is_a_count(text: str, start: int, end: int) -> bool:
    """`3か月分`, `×3か月`, or a cap on months of pay counted just before (`1か月分の賃金
    …12か月を上限`): counts of units, not lengths of time."""
    if _FORMULA_BEFORE.search(text, max(0, start - 3), start):
        return True
    if _COUNT_AFTER.match(text, end):
        lo = max(text.rfind("。", 0, start) + 1, start - 20)
        hi = text.find("。", end, end + 20)
        return _PAY.search(text, lo, hi if hi >= 0 else end + 20) is not None
    if not _CAP_AFTER.match(text, end):
        return False
    sentence = text.rfind("。", 0, start) + 1
    return "月分" in text[max(sentence, start - 80) : start]


def _terms(text: str, add: Callable[[int, int, dict[str, Any]], None]) -> None:
    """Counts named as a stay or a term by the words around them (`_TERM`)."""
    for m in finditer_near(_TERM, _TERM_ANCHOR, text):
        key = "n" if m.group("n") else "n2"
        count = _num(m.group(key))
        end = m.end(key) + (len(m.group("m")) if m.group("m") else 1)
        if count is None or _OFFSET_AFTER.match(text, end) or _PER_UNIT.match(text, end):
            continue
        if _is_a_count(text, m.start(key), end):
            continue
        unit = "years" if m.group("y") else "months" if m.group("m") else "days"
        add(m.start(key), end, {"duration": iso_duration(**{unit: count}), "kind": "期間"})


@register("periods", ["PERIOD"])
def extract_periods(text: str) -> Iterator[Suggestion]:
    taken: list[tuple[int, int]] = []
    out: list[Suggestion] = []

    def add(start: int, end: int, value: dict[str, Any]) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        out.append(Suggestion("PERIOD", start, end, value))

    for m in finditer_near(_SENTENCE, _SENTENCE_ANCHOR, text):
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
    for m in finditer_near(_SUSPENSION, _SUSPENSION_ANCHOR, text):
        dur = _ym(
            m.group("y") or m.group("y2") or m.group("y3"),
            m.group("ym") or m.group("ym2") or m.group("ym3"),
        )
        if dur:
            add(m.start(), m.end(), {"duration": dur, "kind": "執行猶予"})
    for m in finditer_near(_PENALTY, _SENTENCE_ANCHOR, text, back=40, ahead=4):
        if _ERA_BEFORE.search(text, max(0, m.start() - 2), m.start()):
            continue
        if m.group("d"):
            days = _num(m.group("d"))
            dur = None if days is None else iso_duration(days=days)
        else:
            dur = _ym(m.group("y") or "0", m.group("ym") or m.group("m"))
        if dur:
            kind = "禁錮" if m.group("kind") == "禁固" else m.group("kind")
            bound = {"duration": dur, "kind": kind, "limit": m.group("limit")}
            add(m.start(), m.start("limit"), bound)
    for m in finditer_near(_CUSTODY, _CUSTODY_ANCHOR, text):
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
        if g("mb") and _minute_is_a_clock_or_rate(text, start):
            continue
        if _elapsed_is_a_date(g, text, start):
            continue
        if _OFFSET_AFTER.match(text, m.end()) or _PER_UNIT.match(text, m.end()):
            continue
        if _is_a_count(text, start, m.end()):
            continue
        unit, dur = _general(g)
        if dur:
            value: dict[str, Any] = {"duration": dur, "kind": "期間"}
            if g("approx"):
                value["approx"] = True
            add(start, m.end(), value)
            if unit is not None:
                r = _range_start(text, start, unit)
                first = _range_end_value(r.group("n"), unit, g("n")) if r else None
                if r is None and (r := _PAIR_START.search(text, max(0, start - 4), start)):
                    low, high = parse_int(r.group("n")), parse_int(g("n"))
                    ok = low is not None and high is not None and low + 1 == high
                    first = _range_end_value(r.group("n"), unit, g("n")) if ok else None
                if r and first:
                    end = r.end("u") if r.groupdict().get("u") else r.end("n")
                    add(r.start("n"), end, {"duration": first, "kind": "期間"})
    for m in finditer_near(_HALF_YEAR, re.compile("半年"), text):
        if not _OFFSET_AFTER.match(text, m.end()):
            add(m.start(), m.end(), {"duration": "P6M", "kind": "期間"})
    _terms(text, add)
    out.sort(key=lambda s: s.start)
    yield from out

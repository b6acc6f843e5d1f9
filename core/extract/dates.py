"""DATE: calendar dates as ISO strings, wareki and western, absolute and relative.

Value: always a dict, `{"date": "YYYY-MM-DD"}` (or `"YYYY-MM"` when no day is written),
plus when they apply:
- `"relative": "同年"|"同月"|"同日"|"翌日"|"前日"|"翌月"|"前月"|"翌年"|"前年"|"翌々年"|"前々年"|
  "年省略"`: resolved
  from the nearest date of the case's story before it (`年省略`: `5月3日` or `10月下旬`
  with no year at all; `同月`: also a day listed after a date, the `4日` of `4月3日,4日`);
  a relative date with nothing before it to resolve against is not suggested. A bare
  `翌日` / `前日` / `翌月` / `前月` counts only when anchored to that date (`その翌日`, the
  same sentence, or opening the next one), not after a noun (`犯行前日`); one followed by
  the date it names (`翌日である同月8日`) is kept only when the two agree. A year-less date
  that repeats one opening a defined term (`以下「5月3日の故障」という`) takes its year;
- `"citation": true` for the date of a cited precedent (`最高裁昭和51年3月30日判決`, a
  date before `・民集…` or `第二小法廷判決`): it does not set the year for later dates;
- `"approx": "上旬"|"中旬"|"下旬"|"初旬"|"末"|"末日"|"頃"|"中旬頃"|...` (末日 also fills
  the day with the month's last day);
- `"out_of_era": true` for a wareki date outside its era (平成31年5月1日, drafted before
  the change), accepted up to five years past the era's end;
- `"birth": true` for `（昭和38年5月3日生）`.
A western year with its era year in brackets is one date (`2013年(平成25年)10月12日`,
`2019(令和元)年5月1日`, `平成25年(2013年)10月`). A year alone (`平成3年`, `平成3年度`, the
year of a case or law number) is not a date here. Times (`午後1時10分頃`) stay outside the
span. Invalid dates (2月30日) are dropped. `翌22日` is the day after the running date (the 22nd);
`98年11月16日` is 1998 (00-49: 20xx), but a line opening with `4年7月1日` (a table whose
era is left out) is in the era named last. `平成2年6月ないし8月`, `同年2月(…)及び3月`, `5月,6月
及び7月分`, `六月末から八月にかけて`: each later month of a range or list is a date too, and
so is `1月から3月まで` written without a year in a paragraph that gave a date (not quoted).
`同月14,15日`: two days sharing one 日; `翌一一年三月三一日` names the era year.
A day written alone that continues the account (`同年12月1日、…。8日には…`, `,12日には,13日
と同様`) is the running month's: it opens a clause in the running date's paragraph, is not
before the running day, and a particle or a time of day makes it a point in time (not
`14日間`, `30日以内`, `3日後`, `10日分`, `1日当たり`, `2日かかる`, `1日に3回`, nor in a
sentence about counts of days or a routine, `通院日数は,15日`, `毎月,25日`, nor quoted).
A bare `翌日` / `前日` opening a clause and followed by the date it names (`…。⏎翌日の平成16年
1月1日に`) is kept when the two agree, however far the running date is. A bare `前月` /
`翌日` only compared with (`前月に比べ`, `前日比`) does not move the running date: a `同月`
after it is the month described.
`翌月25日払い` is every month's pay day.
同年 in the sentence of a case number (`上告した(令和3年(あ)第151号)が,…同年4月8日`) takes
its year; 同年 opening the next item of a list whose items open with their dates (`ア  平成
15年1月28日の交渉` … `イ  同年2月21日の交渉`) takes the year of the item before; 同月
after 当月 / 毎月 in its sentence is a routine, not a date. Quoted passages, amendments and
rules of every year: see `_date_quotes`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from core.extract._date_arith import era_number, era_ymd, iso_date, shift_month, valid_date
from core.extract._date_context import (
    RANGE_AFTER_MONTH,
    bare_day_continues,
    case_number_end,
    describes_every_month,
    follows_case_number,
    heading_marker,
    is_citation,
    is_compared_with,
    names_a_pay_day,
    next_numbered_day,
    next_sibling,
    opens_clause,
    opens_defined_term,
    range_end_month,
    relative_is_anchored,
    same_sentence,
)
from core.extract._date_events import event_relatives
from core.extract._date_quotes import (
    YEAR_SHIFT,
    QuoteIndex,
    generic_year_before,
    in_amended_phrase,
    relative_year_before,
    states_a_rule,
)
from core.extract._date_state import DateState
from core.extract._scan import finditer_near
from core.extract.base import Suggestion, register
from core.extract.numerals import parse_int
from core.text.wareki import era_bounds, era_last_year

_PARTS = {
    "«N»": r"(?:[0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3})",
    "«EY»": r"(?:元|[0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3})",
    "«S»": r"[ \u3000]?",
    "«ERA»": r"(?:明治|大正|昭和|平成|令和)",
}


def _rx(template: str) -> str:
    """Fill «N» (a month or day), «EY» (an era year) and «S» (one optional space)."""
    for key, part in _PARTS.items():
        template = template.replace(key, part)
    return template


_DATE = re.compile(
    _rx(
        r"(?P<era>明治|大正|昭和|平成|令和)«S»(?P<ey>«EY»)«S»年"
        r"(?:«S»(?:[(（](?:西暦)?[12][0-9]{3}年?[)）]«S»)?(?P<em>«N»)«S»月(?:«S»(?P<ed>«N»)«S»日)?)?"
        r"|(?<![0-9０-９])(?P<wy>(?:1[89]|20)[0-9]{2}|[１２][０-９]{3}|[一二][〇一二三四五六七八九]{3})"
        r"(?:«S»年«S»(?:[(（]«ERA»«S»«EY»«S»年[)）]«S»)?|[(（]«ERA»«S»«EY»«S»[)）]«S»年«S»)"
        r"(?P<wm>«N»)«S»月(?:«S»(?P<wd>«N»)«S»日)?"
        r"|(?<![0-9０-９])(?P<ty>[0-9０-９]{1,2})«S»年«S»(?P<tm>«N»)«S»月«S»(?P<td>«N»)«S»日"
        r"|(?<![0-9０-９/])(?P<sy>(?:19|20)[0-9]{2})[/／](?P<sm>[0-9]{1,2})[/／](?P<sd>[0-9]{1,2})"
        r"(?![0-9/])"
        r"|(?P<sew>同|翌)(?P<se>[0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3})年«S»(?P<sem>«N»)«S»月"
        r"(?:«S»(?P<sed>«N»)«S»日)?"
        r"|(?P<ry>同|翌々|翌|前々|前)年«S»(?P<rym>«N»)«S»月(?:«S»(?P<ryd>«N»)«S»日)?"
        r"|(?P<rm>同|翌|前)月(?:«S»(?P<rmd>«N»)«S»日)?"
        r"|翌(?P<rnd>«N»)«S»日(?!間|分|以|目|前|後)"
        r"|(?P<rd>同日|翌日|前日)"
        r"|(?:(?<=[,，、。\n])|(?<=[,，、。\n][ \u3000]))(?P<bd>«N»)«S»日"
        r"|(?<![年月日0-9０-９〇一二三四五六七八九十同翌前毎/])(?P<mm>«N»)«S»月"
        r"(?:«S»(?P<md>«N»)«S»日|(?=«S»(?:上旬|中旬|下旬|初旬|末|頃|ころ|ごろ))|"
        + RANGE_AFTER_MONTH
        + ")"
    )
)
_DATE_ANCHOR = re.compile(
    r"[月/／]|[同翌前]日|翌[0-9０-９〇一二三四五六七八九十]|明治|大正|昭和|平成|令和"
    r"|[,，、。\n][ \u3000]?[0-9０-９〇一二三四五六七八九十]{1,3}[ \u3000]?日"
)
# after a bare era year: a case number, a law's number, an exhibit number (押第), a list
_NOT_A_YEAR_OF_EVENTS = re.compile(
    r"[ \u3000]?(?:[(（)）]|法律|政令|省令|規則|条例|告示|訓令|通達|押|第|特[(（]|[0-9０-９])"
)
_DEFAULT_YEAR = re.compile(
    _rx(r"特に(?:断|ことわ)らない限り[,，、]?«S»(?P<era>明治|大正|昭和|平成|令和)(?P<y>«EY»)年の")
)
_BROKEN_DAY = re.compile(r"\n?[0-9０-９〇一二三四五六七八九十]")
_SUFFIX = re.compile(r"[ \u3000]?(上旬|中旬|下旬|初旬|末日|末|頃|ころ|ごろ)(頃|ころ|ごろ)?")
_BIRTH = re.compile(r"生(?:まれ)?(?=[)）\]】\s,，、。]|$)")
# a day listed after a full date: 4月3日,4日 / 同月6日及び8日 / 4月4日から6日まで
_NEXT_DAY = re.compile(
    _rx(
        r"(?:[,，、・~〜～]|及び|および|並びに|又は|または|と|ないし|乃至|(?P<until>から))«S»"
        r"(?P<d>[0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3})«S»日"
        r"(?!間|分|以|前|後|目|数|程|ほど|超|余|未満|当|あた|につき|平均|[0-9０-９])"
    )
)
_BARE = frozenset(("翌日", "前日", "翌月", "前月"))
_BARE_MONTH = frozenset(("同月", "翌月", "前月"))  # `同月,6月のデータ`: no list after them
# the first of two days written with one 日: 同月14,15日 / 同月一四、一五日
_DAY_PAIR = re.compile(
    _rx(r"«S»(?P<d>«N»)(?=«S»[,，、・]«S»(?P<e>«N»)«S»日(?!間|分|以|前|後|目|数|程))")
)
# before `10年5月1日`, an era year (平成⏎10年, H10年, 平成9年から10年3月31日まで): not 2010
_NOT_TWO_DIGIT_YEAR = re.compile(
    _rx(
        r"(?:明治|大正|昭和|平成|令和|同|翌|前|第|[A-Za-zＡ-Ｚａ-ｚ年度.．・])\s*$"
        r"|«ERA»«S»«EY»«S»年(?:«S»«N»«S»月(?:«S»«N»«S»日)?)?[ \u3000]?"
        r"(?:から|ないし|乃至|及び|又は|または|[~〜～、,，・と])[ \u3000]?$"
    )
)
_THEN_DATE = re.compile(r"(?:である|に当たる|にあたる|の|[(（])?[ \u3000]?")


def _names_next_date(text: str, end: int) -> bool:
    """True when a date follows the word ending at `end` (`翌日の平成16年1月1日`): the word
    names that date, which confirms it (see `pending` in `_dates`)."""
    then = _THEN_DATE.match(text, end)
    return then is not None and _DATE.match(text, then.end()) is not None


def _range_in_story(
    text: str, m: re.Match[str], quote: tuple[int, int] | None, state: DateState
) -> bool:
    """`1月から3月まで` with no year: a range of the story when its paragraph already gave
    a date, and it is neither quoted nor glued to a name (`ST1月~9月`)."""
    before = text[m.start() - 1] if m.start() > 0 else "\n"
    if quote is not None or (before.isascii() and before.isalpha()) or state.ctx_end < 0:
        return False
    return text.find("\n", state.ctx_end, m.start()) < 0


def _default_year(text: str) -> tuple[int, int] | None:
    """(year, position) of a declaration such as 特に断らない限り，平成10年の月日である."""
    m = _DEFAULT_YEAR.search(text)
    if m is None:
        return None
    ey = era_number(m.group("y"))
    if ey is None:
        return None
    return era_bounds(m.group("era"))[0].year + ey - 1, m.end()


def _next_days(text: str, pos: int, day: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, day) of the days listed after a full date: `4月3日,4日`, `同月6日及び
    8日`, `4月4日~6日`; each later than the one before (`4月3日,1日当たり` is not a list)."""
    while (nd := _NEXT_DAY.match(text, pos)) is not None:
        if nd.group("until") and not text.startswith("まで", nd.end()):
            return  # 4月1日から10日で: a count of days, not the 10th
        got = parse_int(nd.group("d"))
        if got is None or got <= day:
            return
        yield nd.start("d"), nd.end(), got
        pos, day = nd.end(), got


def _year_left_out(
    text: str, m: re.Match[str], mo: int | None, d: int | None, state: DateState
) -> tuple[int, str | None] | None:
    """(year, relative) for `5月3日` / `10月下旬` written without a year, or None."""
    year_only, default_year = state.year_only, state.default_year
    gap = text[year_only[1] : m.start()] if year_only else None
    if year_only and gap is not None and len(gap) <= 2 and not gap.strip():
        return year_only[0], None  # 平成30年⏎10月12日: the year is on the line before
    if mo is not None and d is not None and (mo, d) in state.defined:
        return state.defined[(mo, d)], "年省略"  # 以下「5月3日の信号トラブル」という
    if default_year is not None and m.start() > default_year[1]:
        return default_year[0], "年省略"  # 以下，特に断らない限り平成10年の月日である
    word = relative_year_before(text, m.start())
    if word is not None:  # 前々年の七月一日: counted from the running year
        base = state.ctx[0] if state.ctx is not None else state.last_full
        return None if base is None else (base + YEAR_SHIFT[word], word + "年")
    if state.last_full is not None:
        return state.last_full, "年省略"  # the last date with a month, not 昭和57年から
    return None


def _relative(
    text: str, m: re.Match[str], state: DateState
) -> tuple[int, int, int | None, str] | None:
    """(year, month, day, word) of 同年5月 / 同月3日 / 同日 / 翌日 / 前月 ..., or None."""
    g = m.group
    if state.ctx is None:
        return None
    start = m.start()
    bare = bool(g("rd") and g("rd") != "同日") or bool(g("rm") and g("rm") != "同" and not g("rmd"))
    if (
        bare
        and not relative_is_anchored(text, start, state.last_end, state.ctx_end)
        and not (opens_clause(text, start) and _names_next_date(text, m.end()))
    ):
        return None  # 犯行前日, 送達の日の翌日, 睡眠は翌日の…: not the day after the last date
    if (
        text[start] in "翌前"
        and start > 0
        and text[start - 1] == "の"
        and start - 1 != state.last_end
        and not text.endswith("その", 0, start)
    ):
        return None  # 請求した日の翌日: the day after an event, not after the last date
    cy, cm, cd = state.ctx
    d: int | None
    if g("ry"):
        d = parse_int(g("ryd")) if g("ryd") else None
        mo = parse_int(g("rym"))
        if mo is None or (g("ryd") and d is None):
            return None
        if state.year_only and follows_case_number(text, state.year_only[1], start):
            cy = state.year_only[0]  # 昭和35年(あ)第112号同年7月20日判決
        elif (
            g("ry") == "同"
            and state.case_year
            and state.case_year[1] > state.ctx_end
            and same_sentence(text, state.case_year[1], start)
        ):
            cy = state.case_year[0]  # 上告した(令和3年(あ)第151号)が,…同年4月8日
        elif (
            g("ry") == "同"
            and state.head is not None
            and (mark := heading_marker(text, start)) is not None
            and next_sibling(state.head[1], mark)
        ):
            cy = state.head[0]  # `イ  同年2月21日の交渉`: the year of `ア  平成15年…の交渉`
        return cy + YEAR_SHIFT[g("ry")], mo, d, g("ry") + "年"
    if g("rm"):
        if cm is None or (
            g("rm") == "同" and describes_every_month(text, state.ctx_end, start, bool(g("rmd")))
        ):
            return None
        if g("rmd") and names_a_pay_day(text, m.end()):
            return None  # 毎月末日締め,翌月25日払い: every month's pay day
        y, mo = shift_month(cy, cm, {"同": 0, "翌": 1, "前": -1}[g("rm")])
        d = parse_int(g("rmd")) if g("rmd") else None
        if g("rmd") and d is None:
            return None
        return y, mo, d, g("rm") + "月"
    word = g("rd")
    if cm is None or cd is None:
        return None
    if g("rnd"):
        return next_numbered_day(parse_int(g("rnd")), cy, cm, cd)
    day = dt.date(cy, cm, cd) + dt.timedelta(days={"同日": 0, "翌日": 1, "前日": -1}[word])
    return day.year, day.month, day.day, word


def _bare_day(
    text: str, m: re.Match[str], quote: tuple[int, int] | None, state: DateState
) -> tuple[int, int, int] | None:
    """`同年12月1日、…。8日には…`: a day written alone continuing the running date's month
    (not quoted, not before the running day), or None."""
    d = parse_int(m.group("bd"))
    if quote is not None or state.ctx is None or d is None:
        return None
    y, mo, day = state.ctx
    if mo is None or (day is not None and d < day):
        return None
    if not bare_day_continues(text, m.start(), m.end(), state.ctx_end):
        return None
    return y, mo, d


def _two_digit_year(text: str, m: re.Match[str], era: str | None) -> int | None:
    """`98年11月16日` (a newspaper's year): 50-99 are 19xx, 00-49 20xx; `4年7月1日` with
    its era left out (a table of an older judgment): the year of the era named last, when
    that era had such a year; not an era year written just before."""
    yy = parse_int(m.group("ty"))
    if yy is None or _NOT_TWO_DIGIT_YEAR.search(text, max(0, m.start() - 24), m.start()):
        return None
    last = era_last_year(era) if era else None
    if (
        era
        and yy >= 1
        and (last is None or yy <= last)
        and m.start() > 0
        and (text[m.start() - 1] == "\n")
    ):
        return era_bounds(era)[0].year + yy - 1
    if len(m.group("ty")) < 2:
        return None
    return (1900 if yy >= 50 else 2000) + yy


@register("dates", ["DATE"])
def extract_dates(text: str) -> Iterator[Suggestion]:
    """Dates in text order, with the days counted from a dated event (`_date_events`)."""
    found = list(_dates(text))
    extra = list(event_relatives(text, found))
    yield from sorted(found + extra, key=lambda s: s.start) if extra else found


def _dates(text: str) -> Iterator[Suggestion]:
    state = DateState(_default_year(text))
    quotes = QuoteIndex(text)
    # the quoted passage being read and the running date from before it
    outside: tuple[tuple[int, int], tuple[Any, ...]] | None = None
    # a bare 翌日 followed by the date it names (翌日である同月8日): kept only if they agree
    pending: tuple[Suggestion, int] | None = None
    for m in finditer_near(_DATE, _DATE_ANCHOR, text):
        if pending is not None and m.start() != pending[1]:
            pending = None
        quote = quotes.around(m.start())
        if outside is not None and m.start() > outside[0][1]:
            state.restore(outside[1])  # the quote has closed: its dates anchor nothing after
            outside = None
        passage = quotes.passage_around(text, m.start()) if quote is not None else None
        if passage is not None and outside is None:
            outside = (passage, state.running())
        g = m.group
        attrs: dict[str, Any] = {}
        y: int | None
        mo: int | None
        d: int | None
        if g("era"):
            state.last_era = g("era")
            got = era_ymd(g("era"), g("ey"), g("em"), g("ed"))
            if got is None:
                ey = era_number(g("ey"))
                if g("em") is None and ey is not None:
                    year = era_bounds(g("era"))[0].year + ey - 1
                    state.year_only = (year, m.end())
                    case_end = case_number_end(text, m.end())
                    if case_end >= 0:
                        state.case_year = (year, case_end)
                    if not _NOT_A_YEAR_OF_EVENTS.match(text, m.end()):
                        state.ctx = (year, None, None)  # 平成10年頃 ... 同年5月: that year
                continue
            y, mo, d, attrs = got
        elif g("se"):
            if state.last_era is None:
                continue
            got = era_ymd(state.last_era, g("se"), g("sem"), g("sed"))
            if got is None:
                continue
            y, mo, d, attrs = got
            attrs["relative"] = "同元号" if g("sew") == "同" else "翌年"  # 翌一一年三月三一日
        elif g("wy"):
            y, mo = parse_int(g("wy")), parse_int(g("wm"))
            d = parse_int(g("wd")) if g("wd") else None
            if y is None or not 1868 <= y <= 2100 or (g("wd") and d is None):
                continue
        elif g("ty"):
            y, mo, d = (
                _two_digit_year(text, m, state.last_era),
                parse_int(g("tm")),
                parse_int(g("td")),
            )
            if d is None:
                continue
        elif g("sy"):
            y, mo, d = int(g("sy")), int(g("sm")), int(g("sd"))
        elif g("mm"):
            mo = parse_int(g("mm"))
            d = parse_int(g("md")) if g("md") else None
            if (g("md") and d is None) or in_amended_phrase(text, quote):
                continue  # 「10月6日」とあるのを「9月9日」と改め: the judgment below's year
            if (
                d is None
                and not _SUFFIX.match(text, m.end())
                and not _range_in_story(text, m, quote, state)
            ):
                continue  # 1月から3月まで quoted, after a name (ST1月~9月) or far from any date
            if generic_year_before(text, m.start()) or states_a_rule(text, m.start()):
                continue  # 当該年度の初日の属する年の一月一日: a rule, every year
            left_out = _year_left_out(text, m, mo, d, state)
            if left_out is None:
                continue
            y = left_out[0]
            if left_out[1]:
                attrs["relative"] = left_out[1]
        elif g("bd"):
            got_day = _bare_day(text, m, quote, state)
            if got_day is None:
                continue
            y, mo, d = got_day
            attrs["relative"] = "同月"
        else:
            rel = None if in_amended_phrase(text, quote) else _relative(text, m, state)
            if rel is None:
                continue
            y, mo, d, attrs["relative"] = rel
        if y is None or mo is None or not valid_date(y, mo, d):
            continue
        end = m.end()
        pair = _DAY_PAIR.match(text, end) if d is None else None
        if pair is not None and valid_date(y, mo, parse_int(pair.group("d"))):
            d, end = parse_int(pair.group("d")), pair.end("d")  # 同月一四、一五日: the 14th
        elif d is None and _BROKEN_DAY.match(text, end):
            continue  # 平成6年5月⏎14日: the day is there, not readable here
        suf = _SUFFIX.match(text, end)
        if suf:
            word = suf.group(1)
            if d is None or word in ("頃", "ころ", "ごろ"):
                if word == "末日" and d is None:
                    d = calendar.monthrange(y, mo)[1]
                attrs["approx"] = word + (suf.group(2) or "")
                end = suf.end()
        if _BIRTH.match(text, end):
            attrs["birth"] = True
        citation = is_citation(text, m.start(), end)
        if citation:
            attrs["citation"] = True  # a precedent's date: not part of the case's story
        found = Suggestion("DATE", m.start(), end, {"date": iso_date(y, mo, d), **attrs})
        if pending is not None:
            if pending[0].value["date"] == found.value["date"]:
                yield pending[0]
            pending = None
        state.last_end = end
        then = _THEN_DATE.match(text, end)
        if attrs.get("relative") in _BARE and then and _DATE.match(text, then.end()):
            pending = (found, then.end())  # 翌日である同月8日: wait for the date itself
            continue
        if not citation and not (attrs.get("relative") in _BARE and is_compared_with(text, end)):
            state.ctx, state.ctx_end, state.last_full = (y, mo, d), end, y
            if (mark := heading_marker(text, m.start())) is not None:
                state.head = (y, mark)
        if d is not None and opens_defined_term(text, m.start()):
            state.defined[(mo, d)] = y
        yield found
        if (
            d is None
            and not citation
            and "birth" not in attrs
            and attrs.get("relative") not in _BARE_MONTH
        ):
            last = mo
            while nm := range_end_month(text, end, last):
                state.ctx, state.ctx_end, state.last_end = (y, nm[2], None), nm[1], nm[1]
                yield Suggestion("DATE", nm[0], nm[1], {"date": iso_date(y, nm[2], None)})
                end, last = nm[1], nm[2]
        if d is None or citation:
            continue
        for nd_start, nd_end, nd in _next_days(text, end, d):
            if not valid_date(y, mo, nd):
                break
            state.ctx, state.ctx_end, state.last_end = (y, mo, nd), nd_end, nd_end
            yield Suggestion(
                "DATE", nd_start, nd_end, {"date": iso_date(y, mo, nd), "relative": "同月"}
            )

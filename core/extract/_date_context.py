"""Context tests for DATE: which dates set the running year, and which relative words are
anchored to the date before them.

Kept apart from `dates.py` so that the pattern and the resolution loop stay readable; each
test looks only at a few characters around a match.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from core.extract.numerals import parse_int

# a law report after a date (民集20巻9号1886頁, 判時1234号): the date of a cited case
_REPORT_AFTER = re.compile(
    r"[ \u3000]?(?:第[一二三1-3１-３]小法廷|大法廷)?[ \u3000]?(?:判決|決定)?[ \u3000]?"
    r"[・,，、(（]?[ \u3000]?"
    r"(?:民集|刑集|集民|集刑|裁判集|判時|判タ|判例時報|判例タイムズ|訟月|家月|高民|下民|労判|"
    r"労民|金判|金法|裁時|民録|刑録|最高裁判所(?:民事|刑事)判例集)"
)
# a supreme court (or 大審院) named just before the date, a judgment after it
_HIGHEST_BEFORE = re.compile(
    r"(?:最高裁(?:判所)?(?:第[一二三1-3１-３]小法廷|大法廷)?|最[一二三]?小?[判決]|最大[判決]|"
    r"大審院|大[判決])[ \u3000]?$"
)
_JUDGMENT_AFTER = re.compile(
    r"[ \u3000]?(?:第[一二三1-3１-３]小法廷|大法廷)?[ \u3000]?(?:判決|決定|判例)"
)
_BENCH_AFTER = re.compile(r"(?:第[一二三1-3１-３]小法廷|大法廷)(?:判決|決定)")
# 以下「5月3日の信号トラブル」という: a date that opens a defined term
_TERM_OPEN = re.compile(r"以下[,，、]?[ \u3000]?「$")
_BREAKS = re.compile(r"[。\n]+")
# 昭和35年(あ)第112号同年7月20日判決: the rest of a case number between a year and 同年
_CASE_NUMBER_REST = re.compile(r"[(（][^()（）\n]{1,6}[)）]第[0-9０-９]+号[,，、 \u3000]?")


def is_citation(text: str, start: int, end: int) -> bool:
    """True for the date of a cited precedent (`最高裁昭和51年3月30日判決`,
    `同昭和63年7月1日判決・民集42巻6号451頁`, `…第6号同45年7月20日第一小法廷判決`): it is
    not a date of the case's story, so later dates that leave out their year must not take
    its year."""
    if _REPORT_AFTER.match(text, end):
        return True
    if _BENCH_AFTER.match(text, end) and start > 0 and text[start - 1] != "\n":
        return (
            True  # …第112号同年7月20日大法廷判決; a heading `令和4年1月28日  第二小法廷判決` is not
        )
    return bool(
        _HIGHEST_BEFORE.search(text, max(0, start - 12), start) and _JUDGMENT_AFTER.match(text, end)
    )


def opens_defined_term(text: str, start: int) -> bool:
    """True when the date starts a defined term (`以下「4月12日の信号トラブル」という`):
    the same month and day written later without a year name the same day."""
    return bool(_TERM_OPEN.search(text, max(0, start - 6), start))


def _is_noun_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u30a0" <= ch <= "\u30ff" or ch == "々"


def relative_is_anchored(text: str, start: int, last_end: int, ctx_end: int) -> bool:
    """Whether a bare 翌日 / 前日 / 翌月 / 前月 at `start` counts from the last date.

    Anchored: `その翌日`, right after the date (`3月1日の前日`), in the same sentence as the
    date, or opening the sentence right after it (`…同月23日に通知した。翌日…`). Not: after
    a noun (`犯行前日`: the day before an event), after の of another word (`送達の日の翌日`),
    or used generically far from any date (`睡眠は翌日の血圧…`).
    """
    if text.endswith("その", 0, start) or start == last_end:
        return True
    prev = text[start - 1] if start > 0 else "\n"
    if prev == "の":
        return start - 1 == last_end
    if _is_noun_char(prev):
        return False
    breaks = len(_BREAKS.findall(text, max(0, ctx_end), start))
    if breaks == 0:
        return True
    i = start - 1
    while i >= 0 and text[i] in " \u3000":
        i -= 1
    return breaks == 1 and (i < 0 or text[i] in "。\n")


# `令和3年(あ)第151号)`: the rest of a case number cited in brackets after an act (`上告した
# (最高裁判所令和3年(あ)第151号)が`); not `…第5号事件の同年5月`, where the year is the case's
_CASE_NUMBER_AFTER = re.compile(r"[(（][^()（）\n]{1,6}[)）]第?[0-9０-９]+号(?=[)）])")
# `当月25日`, `毎月`, `各月`: the sentence describes every month
_EVERY_MONTH = re.compile(r"当月|毎月|各月")


# the next month of a range or list after a year-month: 平成2年6月ないし8月, 同年2月及び3月,
# 5月(5272時間)及び6月分, 六月末から八月にかけて (not 8月10日, 8月頃, 3月間)
_NEXT_MONTH = re.compile(
    r"(?:[(（][^()（）\n]{1,20}[)）])?[ \u3000]?"
    r"(?:[~〜～,，、・と]|から|ないし|乃至|及び|および|並びに|又は|または)[ \u3000]?"
    r"(?P<m>[0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3})"
    r"[ \u3000]?月(?![ \u3000]?(?:[0-9０-９〇一二三四五六七八九十]{1,3}[ \u3000]?日|上旬|中旬|下旬"
    r"|初旬|末|頃|ころ|ごろ)|間|以|目|前|後|[0-9０-９])"
)
# a range's end right after a month written alone: 1月から3月まで (the year left out)
RANGE_AFTER_MONTH = r"(?=[ \u3000]?(?:から|ないし|乃至|[~〜～])[ \u3000]?«N»[ \u3000]?月)"


def range_end_month(text: str, end: int, month: int) -> tuple[int, int, int] | None:
    """(start, end, month) of `8月` in `6月ないし8月` / `2月及び3月` right at `end`, a later
    month only."""
    m = _NEXT_MONTH.match(text, end)
    later = parse_int(m.group("m")) if m else None
    if m is None or later is None or not month < later <= 12:
        return None
    return m.start("m"), m.end(), later


# a numbered item's marker alone before a date at the start of its line: `ア  `, `(2)  `, `⑶`
_HEAD_MARKER = re.compile(
    r"(?:^|\n)[ \u3000]*(?P<m>第?[0-9０-９]{1,2}|[(（]?(?:[0-9０-９]{1,2}|[ア-ンa-z])[)）]|[ア-ン]"
    r"|[⑴-⒇①-⑳]|[a-z])[ \u3000]*$"
)
_AIUEO = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"


def heading_marker(text: str, start: int) -> str | None:
    """The marker of a numbered item whose line opens with the date at `start`
    (`イ  同年2月21日の第2回交渉` -> `イ`), else None."""
    m = _HEAD_MARKER.search(text, max(0, start - 8), start)
    return None if m is None else m.group("m").translate(_FOLD)


_FOLD = str.maketrans("０１２３４５６７８９（）", "0123456789()")


def _ordinal(marker: str) -> tuple[str, int] | None:
    core = marker.strip("()").removeprefix("第")
    kind = ("(" if marker.startswith("(") else "") + ("第" if marker.startswith("第") else "")
    if core.isdigit():
        return kind + "1", int(core)
    if len(core) == 1 and core in _AIUEO:
        return kind + "ア", _AIUEO.index(core)
    if len(core) == 1 and ("⑴" <= core <= "⒇" or "①" <= core <= "⑳" or "a" <= core <= "z"):
        base = "⑴" if "⑴" <= core <= "⒇" else "①" if "①" <= core <= "⑳" else "a"
        return kind + base, ord(core) - ord(base)
    return None


def next_sibling(prev: str, cur: str) -> bool:
    """`イ` after `ア`, `(3)` after `(2)`: the next item of the same list."""
    a, b = _ordinal(prev), _ordinal(cur)
    return a is not None and b is not None and a[0] == b[0] and b[1] == a[1] + 1


def case_number_end(text: str, year_end: int) -> int:
    """End of the case number whose era year ends at `year_end`, or -1 if none follows."""
    m = _CASE_NUMBER_AFTER.match(text, year_end)
    return m.end() if m else -1


def same_sentence(text: str, begin: int, start: int) -> bool:
    """No sentence end or line break between `begin` and `start`."""
    return 0 <= begin <= start and _BREAKS.search(text, begin, start) is None


def describes_every_month(text: str, ctx_end: int, start: int, day: bool = True) -> bool:
    """`当月11日以降の…を決定した後,遅くとも同月5日頃までに`: 同月 after 当月 / 毎月 in its
    sentence (and after the last date) is a month of a routine, not a date. A 同月 without
    a day (`毎月変動していたところ,…同月以降の平均値`) still names a month unless 当月 does."""
    sentence = max(ctx_end, text.rfind("。", 0, start) + 1, text.rfind("\n", 0, start) + 1)
    found = _EVERY_MONTH.search(text, sentence, start)
    return found is not None and (day or found.group() == "当月")


# `翌月25日払い`, `同月末日締め`: the pay day or closing day of every month
_PAY_DAY = re.compile(r"[ \u3000]?(?:払い?|締め?)(?![っわおえ])")


def names_a_pay_day(text: str, end: int) -> bool:
    """True for `翌月25日払い` at `end`'s day: a rule of every month, not a date."""
    return _PAY_DAY.match(text, end) is not None


def follows_case_number(text: str, year_end: int, start: int) -> bool:
    """True when only a case number's tail lies between a bare era year and a 同年 at
    `start` (`昭和35年(あ)第112号同年7月20日`): that 同年 is the case number's year."""
    return 0 <= year_end <= start and _CASE_NUMBER_REST.fullmatch(text, year_end, start) is not None


def next_numbered_day(day: int | None, y: int, m: int, d: int) -> tuple[int, int, int, str] | None:
    """`翌22日` after 5月21日: the day after the running date, which the number confirms;
    when the number is not that day's, the 22nd of the same month if later, else None."""
    if day is None:
        return None
    after = dt.date(y, m, d) + dt.timedelta(days=1)
    if after.day == day:
        return after.year, after.month, after.day, "翌日"
    if d < day <= calendar.monthrange(y, m)[1]:
        return y, m, day, "同月"
    return None


# `前月に比べ`, `前日比`, `前月と比較して`: the point a figure is compared with
_COMPARED = re.compile(r"[ \u3000]?(?:(?:に|と)(?:比べ|比較|比し|対比)|比(?![率例喩重]))")


def is_compared_with(text: str, end: int) -> bool:
    """True when the word ending at `end` is only compared with (`前月に比べ約23万件の増加`):
    the account stays in the month it describes, so a 同月 after it is not that month."""
    return _COMPARED.match(text, end) is not None


def opens_clause(text: str, start: int) -> bool:
    """True when `start` opens a sentence or clause (after `。`, a comma or a line break)."""
    i = start - 1
    while i >= 0 and text[i] in " \u3000":
        i -= 1
    return i < 0 or text[i] in "。\n,，、"


# a bare day continuing an account (`8日には`, `,13日と同様`), after the day: a particle or
# a time of day making it a point in time; not a length (`14日間`, `30日以内`, `3日後`,
# `10日分`, `1日当たり`, `2日かかる`), nor a day counted per unit (`1日に3回`, `1日の労働`)
_BARE_DAY_AFTER = re.compile(
    r"[ \u3000]?(?:(?:には|にも|に(?![つ当あわ対比お亘渡])|から|まで|の|と|は)"
    r"(?![ \u3000]?[0-9０-９〇一二三四五六七八九十約数何]|間|う?ち|範囲|限度|平均|分|入院|通院|休業"
    r"|休暇|猶予|期間|勾留|拘留|懲役|禁錮|日数|賃金|日当|労働|勤務|出勤|欠勤|休日|同様の期間)"
    r"|[,，、](?![ \u3000]?[0-9０-９〇一二三四五六七八九十]{1,3}[ \u3000]?日?(?:間|分|以|前|後|数))"
    r"|午前|午後|未明|早朝|朝|夜|深夜|夕方|正午|頃|ころ|ごろ)"
)
# a sentence about counts of days or routines: `通院日数は,15日`, `毎月,25日に`
_COUNTS_OR_ROUTINE = re.compile(r"日数|期間|日間|所要|毎月|各月|当月|毎週|毎年|月額|日額|日当")


def bare_day_continues(text: str, start: int, end: int, ctx_end: int) -> bool:
    """Whether the bare `N日` at start..end is a day of the month the account is in: it
    opens a clause in the paragraph of the running date, a particle makes it a point in
    time, and its sentence is not about counts of days or a routine."""
    if ctx_end < 0 or ctx_end > start or "\n" in text[ctx_end:start]:
        return False
    if not opens_clause(text, start) or _BARE_DAY_AFTER.match(text, end) is None:
        return False
    sentence = max(text.rfind("。", 0, start) + 1, text.rfind("\n", 0, start) + 1)
    return _COUNTS_OR_ROUTINE.search(text, sentence, start) is None

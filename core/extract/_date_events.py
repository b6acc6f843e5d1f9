"""DATE: the day before, of or after an event the judgment has dated.

A judgment dates a defined event once (`本件事故の日である平成24年9月7日`, `本件事故の日
(平成24年9月7日)`) and later counts from it by name: `事故翌日`, `本件事故の当日及び翌日`,
`本件事故前日`. Those words do not follow the running date (`relative_is_anchored` rejects
them after a noun), so they are resolved here from the event's own date. Only events named
with 本件 (a defined term) are learned: a plain noun (`犯行前日`) stays unresolved. `本件事故
当日` alone names the event rather than a day and is left out, but not in a list of days
(`当日及び翌日`); a word followed by the date it names (`本件事故前日の9月6日`) leaves the
span to that date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from core.extract.base import Suggestion

# `本件事故の日である` / `本件襲撃(不法行為)の日である` / `本件事故の日(` right before a date
_EVENT_DAY = re.compile(
    r"(?P<noun>本件[^\s,，、。()（）「」『』の]{1,8})(?:[(（][^()（）\n]{1,12}[)）])?"
    r"の日(?:である|に当たる|にあたる|[(（])[ \u3000]?"
)
_SHIFT = {"前日": -1, "当日": 0, "翌日": 1}
_WORD = "(?P<word>前日|当日|翌日)"
# another of the words listed after the first: `当日及び翌日`
_MORE = re.compile(r"(?:及び|および|並びに|又は|または|ないし|から|[,，、・])" + _WORD)
_FULL = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_THEN = re.compile(r"(?:である|に当たる|にあたる|の|[(（])[ \u3000]?")


def _event_dates(text: str, found: list[Suggestion]) -> dict[str, dt.date]:
    """Event name without 本件 (`事故`) -> its date, from `本件事故の日である<date>`."""
    full = {s.start: s.value["date"] for s in found if _FULL.match(str(s.value.get("date", "")))}
    events: dict[str, dt.date] = {}
    for m in _EVENT_DAY.finditer(text):
        iso = full.get(m.end())
        if iso is not None:
            events.setdefault(m.group("noun")[2:], dt.date.fromisoformat(iso))
    return events


def event_relatives(text: str, found: Iterable[Suggestion]) -> Iterator[Suggestion]:
    """`事故翌日`, `本件事故の当日及び翌日`, counted from the event's own date; not where a
    date was already suggested."""
    found = list(found)
    events = _event_dates(text, found)
    if not events:
        return
    taken = [(s.start, s.end) for s in found]
    starts = {s.start for s in found}
    names = "|".join(re.escape(n) for n in sorted(events, key=len, reverse=True) if len(n) >= 2)
    if not names:
        return
    ref = re.compile(rf"(?:本件)?(?P<name>{names})の?{_WORD}")
    for m in ref.finditer(text):
        day = events[m.group("name")]
        spans = [(m.start("word"), m.end("word"), m.group("word"))]
        pos = m.end()
        while (more := _MORE.match(text, pos)) is not None:
            spans.append((more.start("word"), more.end("word"), more.group("word")))
            pos = more.end()
        if len(spans) == 1 and spans[0][2] == "当日":
            continue
        for start, end, word in spans:
            then = _THEN.match(text, end)
            if any(s < end and start < e for s, e in taken) or (then and then.end() in starts):
                continue
            when = day + dt.timedelta(days=_SHIFT[word])
            yield Suggestion("DATE", start, end, {"date": when.isoformat(), "relative": word})

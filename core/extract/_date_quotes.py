"""Quotations and generic years for DATE: which dates may set the running date, and which
year-less dates have no year to take.

Kept apart from `dates.py`; each test looks at the text around one match.
- A quoted passage (`「…。…」`, whole sentences: a newspaper article, a letter) is someone
  else's text. Its dates are suggested, and resolve from the dates before them inside and
  outside it, but the story outside does not go on from them: when the passage closes,
  the running date is the one from before it. A short quote (a remark, a title) is part of
  its sentence and keeps anchoring (`「(平成31年3月までに)やれ」…同年1月21日`), and so does
  the new wording an amendment puts in (`次のとおり改める。「…」`): it is the judgment's own.
- A year-less date quoted in an amendment (`「10月6日」とあるのを「9月9日」と改め`) belongs
  to the judgment being amended, whose year the reader cannot see: it is not suggested.
- A month and day of a general rule have no year: `当該年度の初日の属する年の一月一日`,
  `各年度の4月1日`, and a date in a sentence that says what a statute prescribes
  (`法は、…二月末日までに行うべきものとしている`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

_OPEN_CLOSE = {"「": "」", "『": "』"}
_QUOTE_MARK = re.compile(r"[「」『』]")
# an opener whose close has not come after this many characters is a stray bracket
_MAX_QUOTE = 4000
# an amendment's short quote (a phrase replaced, added or deleted), not a quoted passage
_MAX_AMENDED_PHRASE = 40
_AMENDS = re.compile(r"改め|改訂|訂正|付加|付け加え|加え|削除|削る|置き?換え|読み替え")
_CLAUSE_END = re.compile(r"[。\n]")
# before a quote: `次のとおり改める。`; after it: `」と改める`: the amendment's new wording
_NEW_WORDING_BEFORE = re.compile(r"(?:次|以下)の(?:とおり|通り)[^。「」\n]{0,20}[。:：]?\s*$")
_NEW_WORDING_AFTER = re.compile(r"(?:と|に|を)(?:改め|加え|付加|付け加え|訂正|差し?替え|挿入)")
# 属する年の / 当該年の / 各年の / 毎年 / 各年度の: a month and day that recur every year
_GENERIC_YEAR_BEFORE = re.compile(
    r"(?:(?:属する|当該|各|毎|ある|いずれかの)年度?の?|例年の?"
    r"|(?<![0-9０-９〇一二三四五六七八九十元同前翌々])年度の)[ \u3000]?$"
)
# a sentence whose subject is a statute or a rule and whose predicate is what it requires
_RULE_SUBJECT = re.compile(
    r"^(?:(?:もっとも|なお|また|そして|さらに|ただし|他方|一方)[、,，]?)?[^、,，。\n]{0,14}"
    r"(?:(?<![方手用論寸技製療])法|法律|施行令|規則|条例|政令|省令|通達|要綱|要領)は[、,，]"
)
_RULE_PREDICATE = re.compile(
    r"べき|しなければならない|ものと(?:する|している|した|され)|こととされ|と定め"
)
# 前々年の七月一日 / 翌年の3月: a year counted from the running date's year
_RELATIVE_YEAR_BEFORE = re.compile(r"(前々|前|翌々|翌|同)年の?[ \u3000]?$")
YEAR_SHIFT = {"同": 0, "翌": 1, "前": -1, "翌々": 2, "前々": -2}


def top_level_quotes(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the outermost quotations, in text order; `close` is the
    index of the closing bracket. Unbalanced brackets are skipped, not guessed."""
    stack: list[tuple[str, int]] = []
    out: list[tuple[int, int]] = []
    for m in _QUOTE_MARK.finditer(text):
        ch, pos = m.group(), m.start()
        if ch in _OPEN_CLOSE:
            while stack and pos - stack[0][1] > _MAX_QUOTE:
                stack.pop(0)  # a stray opener long ago: forget it
            stack.append((ch, pos))
            continue
        depth = next(
            (i for i in range(len(stack) - 1, -1, -1) if _OPEN_CLOSE[stack[i][0]] == ch), None
        )
        if depth is None:
            continue  # a close with no opener
        opened = stack[depth][1]
        del stack[depth:]
        if not stack:
            out.append((opened, pos))
    return out


class QuoteIndex:
    """Which outermost quotation, if any, holds an offset."""

    def __init__(self, text: str) -> None:
        self.quotes = top_level_quotes(text)
        self._opens = [q[0] for q in self.quotes]

    def passage_around(self, text: str, pos: int) -> tuple[int, int] | None:
        """The quoted passage of someone else's text holding `pos` (see the module doc)."""
        q = self.around(pos)
        if q is None or "。" not in text[q[0] : q[1]]:
            return None
        if _NEW_WORDING_BEFORE.search(text, max(0, q[0] - 40), q[0]):
            return None
        if _NEW_WORDING_AFTER.match(text, q[1] + 1):
            return None
        return q

    def around(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self._opens, pos) - 1
        if i >= 0 and self.quotes[i][0] < pos < self.quotes[i][1]:
            return self.quotes[i]
        return None


def in_amended_phrase(text: str, quote: tuple[int, int] | None) -> bool:
    """True when `quote` is a short phrase that an amendment replaces, adds or deletes:
    `「10月6日」とあるのを「9月9日」と改め`, `「同月3日」を削る`."""
    if quote is None or quote[1] - quote[0] > _MAX_AMENDED_PHRASE:
        return False
    line_start = text.rfind("\n", 0, quote[0]) + 1
    end = _CLAUSE_END.search(text, quote[1])
    clause = text[line_start : end.start() if end else len(text)]
    return _AMENDS.search(clause) is not None


def generic_year_before(text: str, start: int) -> bool:
    """True for a month and day of a general rule (`属する年の一月一日`, `各年度の3月31日`)."""
    return _GENERIC_YEAR_BEFORE.search(text, max(0, start - 8), start) is not None


def relative_year_before(text: str, start: int) -> str | None:
    """`前々` for `前々年の七月一日`: the word counting years from the running date."""
    m = _RELATIVE_YEAR_BEFORE.search(text, max(0, start - 5), start)
    return m.group(1) if m else None


def states_a_rule(text: str, start: int) -> bool:
    """True for a date in a sentence saying what a statute or a rule requires
    (`法は、市町村長の決定を二月末日までに行うべきものとしている`): a date of every year."""
    begin = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    end = _CLAUSE_END.search(text, start)
    stop = end.start() if end else len(text)
    return bool(
        _RULE_SUBJECT.match(text[begin:start]) and _RULE_PREDICATE.search(text, start, stop)
    )

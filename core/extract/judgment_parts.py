"""The unnumbered parts of a judgment: 判決, the parties, 主文, 事実及び理由 / 事実 / 理由,
the judges' block, 別紙, separate opinions, and parenthesised headings such as
（罪となるべき事実）. Each is found on whole lines, so spaced forms (`主 文`) work before
and after de-spacing, and wrapped or repaired text alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_S = "[ \\t\\u3000]"


def _spaced(word: str) -> str:
    return f"{_S}*".join(word)


PART = re.compile(
    rf"^{_S}*[○〇◯●■【〔\[]?{_S}*"
    rf"(?:(?P<判決>{_spaced('判決')}|{_spaced('決定')})"
    rf"|(?P<主文>{_spaced('主文')})"
    rf"|(?P<事実及び理由>{_spaced('事実及び理由')})"
    rf"|(?P<理由>{_spaced('理由')})"
    rf"|(?P<事実>{_spaced('事実')}))"
    rf"{_S}*[】〕\]]?{_S}*$",
    re.M,
)
OPINION = re.compile(
    rf"^{_S}*裁判官[^\n,，、。]{{1,20}}?の(?P<kind>補足意見|反対意見|意見)は[,，、]?{_S}*次のとおりである",
    re.M,
)
_JUDGE = re.compile(rf"{_S}*[(（]?{_S}*(?:{_spaced('裁判長')}{_S}*)?{_spaced('裁判官')}")
_SIGN = re.compile("署名|押印|記名")
_COURT = re.compile(rf"{_S}*[^\s。、,，]{{0,24}}(?:裁判所|法廷)[^\s。、,，]{{0,16}}{_S}*$")
_ROLE = re.compile(
    "原告|被告|控訴人|上告人|申立人|相手方|抗告人|債権者|債務者|参加人|被告人|検察官|弁護人"
    "|代理人|当事者|請求人|補助参加|相続人|管財人|再審|本籍|住居|生年月日"
)
_AFTER_PARTIES = re.compile(rf"{_S}*(?:上記|右当事者|右の者|頭書|上記の者)")
BESSHI = re.compile(
    rf"^{_S}*[(（【〔]?{_S}*{_spaced('別紙')}{_S}*[0-9一二三四五六七八九十〇]*{_S}*[)）】〕]?"
    rf"(?P<rest>[^\n]*)$",
    re.M,
)
_BESSHI_TITLE = re.compile("(目録|一覧|表|図|省略|略)[)）】〕]?$|^$")
# a lower court's judgment appended for reference: `【参考  原審判決】`, `(参考)第1審判決`
APPENDED = re.compile(
    rf"^{_S}*[【〔(（\[]{_S}*参考{_S}*[】〕)）\]]?{_S}*[:：・]?{_S}*"
    rf"(?:原審|原|第一審|第1審|一審|1審|控訴審|差戻し?前の?[^\n。、,，]{{0,8}}?)?{_S}*"
    rf"(?:判決|決定)(?:書|の写し)?{_S}*[】〕)）\]]?{_S}*$",
    re.M,
)
PAREN_HEAD = re.compile(
    rf"^{_S}*[(（](?P<body>[^()（）\n。]{{2,40}})[)）]"
    rf"(?P<tail>{_S}*(?:【{_S}*省略{_S}*】|省略|略)?{_S}*$|[^\n]*)",
    re.M,
)
_CRIMINAL_HEAD = re.compile(
    "罪となるべき事実|犯罪事実|証拠の標目|法令の適用|適用法令|量刑の理由|求刑|争点に対する判断"
    "|事実認定の補足説明|補足説明|弁護人の主張に対する判断|犯行に至る経緯|被告人の身上"
)
_OTHER_HEAD = re.compile(
    "(主張|反論|再反論|認否|請求|判断|理由|意見|経緯|概要|前提事実|認定事実|争点|説明)$"
)
_EVIDENCE = re.compile("^(甲|乙|丙|丁|弁|検|証人|争い|以上|以下|同)")


@dataclass(frozen=True, slots=True)
class Part:
    """A level-0 part at text[start:end]; `reset` when the numbering starts afresh."""

    start: int
    end: int
    kind: str
    title: str
    first_line: int
    last_line: int


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            spans.append((pos, n))
            break
        spans.append((pos, nl))
        pos = nl + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u3000":
        start += 1
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    return start, end


def _despace(s: str) -> str:
    return re.sub(_S, "", s)


def heading_parts(text: str, line_of: dict[int, int]) -> list[Part]:
    """判決 / 主文 / 事実及び理由 / 理由 / 事実 lines and the opinions' opening lines."""
    out = []
    for m in PART.finditer(text):
        kind = next(k for k, v in m.groupdict().items() if v)
        s, e = _trim(text, m.start(), m.end())
        i = line_of[m.start()]
        out.append(Part(s, e, kind, _despace(text[s:e]).strip("○〇◯●■【】〔〕[]"), i, i))
    for m in OPINION.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        i = line_of[m.start()]
        out.append(Part(s, e, m.group("kind"), "", i, i))
    return out


def _is_judge_line(line: str) -> bool:
    m = _JUDGE.match(line)
    if m is None or len(line) > 70:
        return False
    rest = line[m.end() :]
    return not re.search("[,，、。]", rest) or bool(_SIGN.search(rest))


def judges_blocks(text: str, lines: list[tuple[int, int]]) -> list[Part]:
    """The court/division line plus the 裁判長裁判官 / 裁判官 lines (names may follow on the
    next line, or the whole block may be one parenthesised Supreme Court line)."""
    out: list[Part] = []
    i = 0
    n = len(lines)
    while i < n:
        s, e = lines[i]
        if not _is_judge_line(text[s:e]):
            i += 1
            continue
        first = i
        if i > 0 and _COURT.match(text, lines[i - 1][0], lines[i - 1][1]):
            first = i - 1
        last = i
        open_paren = text[s:e].lstrip(" \t\u3000").startswith(("(", "（"))
        j = i + 1
        while j < n:
            line = text[lines[j][0] : lines[j][1]]
            stripped = line.strip(" \t\u3000")
            prev = text[lines[last][0] : lines[last][1]]
            unclosed = open_paren and not re.search("[)）]", prev) and len(stripped) < 60
            if _is_judge_line(line) or unclosed:
                last = j
            elif (
                stripped
                and len(stripped) <= 24
                and not re.search("[,，、。「」()（）]", stripped)
                and _despace(prev).endswith("裁判官")
            ):
                last = j  # the name on the line after a bare 裁判官
            else:
                break
            j += 1
        bs, be = _trim(text, lines[first][0], lines[last][1])
        title = _despace(text[lines[first][0] : lines[first][1]]) if first < i else ""
        out.append(Part(bs, be, "裁判官", title, first, last))
        i = last + 1
    return out


def parties_block(
    text: str, lines: list[tuple[int, int]], hanketsu_line: int, next_line: int
) -> Part | None:
    """The lines between the 判決 heading and 主文 that name the parties, if any do."""
    first = hanketsu_line + 1
    last = first - 1
    for k in range(first, next_line):
        s, e = lines[k]
        if _AFTER_PARTIES.match(text, s, e):
            break
        if text[s:e].strip(" \t\u3000"):
            last = k
    if last < first:
        return None
    s, e = _trim(text, lines[first][0], lines[last][1])
    if s >= e or not _ROLE.search(text, s, e):
        return None
    while first <= last and not text[lines[first][0] : lines[first][1]].strip(" \t\u3000"):
        first += 1
    return Part(s, e, "当事者", "", first, last)


def besshi_parts(text: str, line_of: dict[int, int], after: int) -> list[Part]:
    """別紙 headings: lenient after the judges' block (`after`), strict before it; and
    the heading of a lower court's judgment appended for reference (`【参考 原審判決】`)."""
    out = []
    for m in BESSHI.finditer(text):
        rest = m.group("rest").strip(" \t\u3000")
        line = m.group().strip(" \t\u3000")
        if re.search("[。,，、]", line) or len(line) > 40:
            continue
        if m.start() < after and (len(rest) > 20 or not _BESSHI_TITLE.search(rest)):
            continue
        s, e = _trim(text, m.start(), m.end())
        i = line_of[m.start()]
        out.append(Part(s, e, "別紙", _despace(line), i, i))
    for m in APPENDED.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        i = line_of[m.start()]
        out.append(Part(s, e, "別紙", _despace(text[s:e]), i, i))
    return out


def paren_heads(text: str, line_of: dict[int, int]) -> list[Part]:
    """（罪となるべき事実）, （原告の主張）, （求刑 懲役5年） ... as whole-line headings.
    Criminal headings may have text after them on the line; the span is the bracket."""
    out = []
    for m in PAREN_HEAD.finditer(text):
        body = m.group("body").strip(" \t\u3000")
        criminal = bool(_CRIMINAL_HEAD.match(body))
        whole_line = not m.group("tail").strip(" \t\u3000") or "省略" in m.group("tail")
        if _EVIDENCE.match(body):
            continue
        if not criminal and (re.search("[,，、]", body) or not whole_line):
            continue
        if not criminal and not _OTHER_HEAD.search(_despace(body)):
            continue
        s = m.start("body") - 1
        e = m.end("body") + 1
        out.append(Part(s, e, "", _despace(body) if not body.startswith("求刑") else body,
                        line_of[m.start()], line_of[m.start()]))
    return out

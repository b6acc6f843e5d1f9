"""LAW: statutes cited with an article, such as `民法709条`, bare statute names and law numbers.

Value {"law": "民事訴訟法", "article": "61条"}; the article is normalised (no 第, arabic
numerals): `民法第七百九条` -> "709条", `65条1項本文` -> "65条1項本文", `附則17条3項`. A list
inherits the law and the higher levels: `民事訴訟法61条,64条本文,65条1項本文` gives three
spans, the first covering the law name; `民法709条1項,2項` gives "709条2項" for the second.
`同法` takes the last law named before it (with or without an article) and `同条` the
article; `同令` / `同規則` take the last order / rules instead, so that `…法施行令3条…同法`
still means the act (the span is the written text, the value the resolved law). A law
abbreviated by a definition, `…法律（以下「本法」という。）`, is valued with that name and
"full": the defined phrase. An amendment in front, `平成29年法律第44号による改正前の民法`,
becomes "qualifier" (the span starts at the law name).

Where a name starts: at the start of its run of kanji/katakana, never before a line start
(a heading glued to the next line, `…の処理⏎刑法45条`, is not part of the name) unless the
two pieces make a known name (`地方自⏎治法`); a long title with hiragana is taken whole
when it ends `…に関する法律` (`個人情報の保護に関する法律7条`).

Names without an article are marked when they are known statutes (`_law_names`), acts whose
orders are cited (`都市計画法` from `都市計画法施行令3条`), or full names cited with an
article elsewhere in the text; never a defined abbreviation or a generic word (`改正法`).
Law numbers `平成8年法律第105号` are marked as {"law": <the number>}, also one naming the
amendment before a law (`…号による改正前の民法`, which the law keeps as its qualifier too),
unless nested in a citation's span; a ministry notice (`…省告示第158号`) is no law, nor are a
company's or body's own rules (`就業規則36条`, `安全管理規程19条`, `同規程16条`).
A defined `旧X` for another, repealed act (`破産法(大正11年法律第71号。以下「旧破産法」…)`)
keeps its 旧 (`旧破産法72条5号`, not marked alone); for an earlier wording of the same act
(`X法(…号による改正前のもの。以下「旧X法」…)`) it is valued X. A long title the text defines
is marked wherever it stands (`…に関する法律違反被告事件`).

Other forms (`_law_forms`): an amending act is one name (`X法の一部を改正する法律`), a long
title is taken whole when defined, numbered or cited (the longest name wins over a name
inside it), a statute in quotes (`題名が「X法」に`) is a name; `民法158~160条` gives both
ends; an article written alone after a list word or bracket (`、1条及び2条1項`, `(1条)`,
`ないし4条`) continues the law whose article the sentence cited last, else the first law
the sentence names (a definition's `という。)` does not end it), for one in brackets the
law the paragraph cited last (`…事項(7条1項1ないし5号)`, both ends as `1号` and `5号`);
`同項1号` / `同条2項` take the article cited last at the same or an outer bracket level (see
`_law_forms.visible_article`). A short form defined for a law (`地方税法（以下「法」という。）`)
cites it: `法三四九条`; `(現行法の245条の4第1項参照)` cites the law before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from core.extract import _law_forms as forms
from core.extract._entity_text import ERA_RE, KANJI, KATAKANA, SP, folded, run_start, to_int
from core.extract._law_names import ABBREVIATIONS, COMMON_LAWS, GENERIC
from core.extract._spans import Covered
from core.extract.base import Suggestion, register

_N = r"(?:\d+|[〇一二三四五六七八九十百千]+)"
# the first end of a range may leave its unit to the other end: `7条1項1ないし5号`
_TO = rf"{SP}(?:ないし|乃至|から|[~～〜]){SP}(?:第{SP})?{_N}"
_KO = rf"(?:項|(?={_TO}項))"
_GO = rf"(?:号|(?={_TO}号))"
_ARTICLE = (
    rf"(?P<fu>附則{SP})?(?:第{SP})?(?P<jo>{_N})条(?P<no>(?:{SP}の{SP}{_N})*)"
    rf"(?:{SP}(?:第{SP})?(?P<ko>{_N}){_KO})?(?:{SP}(?:第{SP})?(?P<go>{_N}){_GO})?"
    r"(?P<tail>前段|後段|本文|ただし書|柱書|各号)?"
)
_SUB = (
    rf"(?:(?:第{SP})?(?P<ko2>{_N}){_KO}(?:{SP}(?:第{SP})?(?P<go2>{_N}){_GO})?"
    rf"|(?:第{SP})?(?P<go3>{_N}){_GO})"
    r"(?P<tail2>前段|後段|本文|ただし書|柱書)?"
)
_ENDS = r"法律|法|令|規則|条約|憲法|条例|規程|通達|基準"
_LAW_END = re.compile(
    rf"(?P<end>{_ENDS})(?:{SP}\([^()\n]{{0,80}}\))?{SP}"
    rf"(?={_ARTICLE.replace('?P<', '?P<x_')}|{forms.RANGE.pattern.replace('?P<', '?P<y_')})"
)
_ORDINAL = re.compile(rf"第{SP}{_N}{SP}[条項号]")
_LIST_SEP = re.compile(rf"{SP}(?:[,、・]|及び|並びに|又は|若しくは|ないし|から){SP}")
_ITEM = re.compile(rf"(?P<same>同条{SP})?(?:{_ARTICLE}|{_SUB})")
_SAME = re.compile(rf"同(?:法施行令|法施行規則|法|令|規則|条例|規程|施行令|施行規則){SP}")
_QUALIFIER = re.compile(
    rf"(?P<q>(?:(?:{ERA_RE})\d{{1,2}}年法律第\d+号による)?改正(?:前|後)){SP}の{SP}$"
)
# a law number, also one naming the amendment before a law (`平成11年法律第87号による改正前
# の地方自治法`: the number stands outside the law's span); not a ministry notice (`告示`)
_LAW_NUMBER = re.compile(
    rf"(?:{ERA_RE}){SP}(?:\d{{1,2}}|元){SP}年{SP}"
    r"(?:法律|政令|[一-龥]{1,8}?省令|[一-龥]{1,8}?規則|[一-龥]{1,8}?条例)"
    rf"{SP}第{SP}\d+{SP}号"
)
_NAME_CHARS = KANJI | KATAKANA
_LEAD = ("本件", "上記", "前記", "当該", "及び", "並びに", "又は", "旧")
_TITLE = forms.TITLE
_BARE_END = re.compile(r"法律|法(?!律)|令|規則")
_ORDER_SUFFIX = re.compile(r"(施行令|施行規則|施行法)$")
# after a law name: a word goes on (`医療法人`, `法廷`, `都市計画法施行令`), no name ends
_NOT_AFTER = frozenset("法律令則典施人廷的務曹案益理源制規学科令")
# kanji words ending in 法 that are no statute (`算定方法`, `違法`)
_NOT_ACT = re.compile(
    r"(?:方|手|違|適|不|合|脱|司|立|療|用|工|製|作|論|技|戦|算|文|話|寸|便|筆|書|兵|加|減|乗|除"
    r"|憲|刑|民|商|国|公|私|新|旧|本|同|現行|改正|特別|一般|実体|手続|準拠|慣習|成文|制定|関係)法$"
)


def _kind(name: str) -> str:
    """What `同…` refers back to: `同法` an act, `同令` an order, `同規則` rules ..."""
    for k in ("規則", "条例", "規程", "条約", "令"):
        if name.endswith(k):
            return k
    return "法"


def _article(m: re.Match[str], prev: dict[str, str] | None = None) -> dict[str, str]:
    """Article levels of an item, missing higher levels taken from `prev`."""
    g = m.groupdict()
    out: dict[str, str] = {}
    if g.get("jo"):
        out["jo"] = ("附則" if g.get("fu") else "") + f"{to_int(g['jo'])}条"
        for part in re.findall(_N, g.get("no") or ""):
            out["jo"] += f"の{to_int(part)}"  # 第17条の2 -> 17条の2
        if g.get("ko"):
            out["ko"] = str(to_int(g["ko"]))
        if g.get("go"):
            out["go"] = str(to_int(g["go"]))
        out["tail"] = g.get("tail") or ""
    else:
        base = dict(prev or {})
        ko = g.get("ko2")
        go = g.get("go2") or g.get("go3")
        if ko:
            base["ko"] = str(to_int(ko))
            base.pop("go", None)
        if go:
            base["go"] = str(to_int(go))
        base["tail"] = g.get("tail2") or ""
        out = base
    return out


def _fmt(a: dict[str, str]) -> str:
    s = a.get("jo", "")
    sep = "第" if "の" in s and (a.get("ko") or a.get("go")) else ""  # 10条の3第1項
    if a.get("ko"):
        s += f"{sep}{a['ko']}項"
        sep = ""
    if a.get("go"):
        s += f"{sep}{a['go']}号"
    return s + a.get("tail", "")


def _aliases(f: str) -> dict[str, str]:
    """`…に関する法律（以下「本法」という。）`, `平成29年法律第44号(以下「改正法」…)` and
    `地方税法（以下「法」という。）`: abbreviation -> the phrase before the parenthesis."""
    out = {}
    for m in re.finditer(
        r"(?:法律|法|号|令|規則)\((?:[^()「」\n]{0,40}?。)?以下[,、]?"
        r"「([^」\n]{0,15}法|令|規則)」と",
        f,
    ):
        i = m.start() + (2 if f.startswith(("法律", "規則"), m.start()) else 1)
        j = i
        while j > 0 and i - j < 60 and f[j - 1] not in "、,。「」()\n":
            j -= 1
        phrase = re.split(r"[ \u3000]+", f[j:i])[-1]  # `ア  法人に対する…`: a heading marker
        phrase = re.sub(r"^(?:また|又は|及び|並びに|なお|さらに|そして)", "", phrase)
        if phrase.endswith("法") and not phrase.endswith("法律"):
            phrase = phrase[run_start(phrase, len(phrase), _NAME_CHARS, 30) :]  # `土地の…地方税法`
        if m[1].endswith("法") or (_kind(phrase) == _kind(m[1]) and "就業" not in phrase):
            out[m[1]] = phrase  # a bare `令` / `規則` only for an order / rules
    return out


@dataclass
class _Mention:
    """A law name in the text: cited with an article (art_start set) or alone."""

    start: int
    end: int
    name: str
    art_start: int | None = None
    qualifier: str | None = None
    inherit: bool = False  # a bare article (`、2条1項`): the law named before it
    source: bool = True  # a law a later bare article may continue (not amending, not quoted)


def _repealed_acts(f: str, aliases: dict[str, str]) -> set[str]:
    """Abbreviations `旧X` defined for another, repealed act (`破産法(大正11年法律第71号。以下
    「旧破産法」という。)`), kept whole; not those for an earlier wording of the act itself
    (`X法(…号による改正前のもの。以下「旧X法」という。)`), which are valued X."""
    out = set()
    for alias in aliases:
        if not alias.startswith("旧"):
            continue
        for m in re.finditer(rf"以下[,、]?「{re.escape(alias)}」", f):
            opened = max(f.rfind("(", 0, m.start()), f.rfind("（", 0, m.start()))
            if opened >= 0 and "改正" not in f[opened : m.start()]:
                out.add(alias)
    return out


def _name_start(
    f: str, end: int, known: frozenset[str] | set[str], keep: set[str] | None = None
) -> tuple[int, str]:
    """Start and name (value) of the law name ending at `end` (`keep`: names whose 旧 stays)."""
    start = run_start(f, end, _NAME_CHARS, 30)
    name = f[start:end]
    if (
        name in ("法律", "法律施行令", "法律施行規則")
        and start > 0
        and f[start - 1] not in _NAME_CHARS
    ):
        line_start = f.rfind("\n", 0, start) + 1
        t = _TITLE.search(f, max(line_start, start - 80), start)
        if t is not None:  # `…に関する法律施行規則1条`: the order of a long-titled act
            return t.start(), f[t.start() : end]
    same = re.search(r"同(?:法|令|規則|条例|規程|施行令|施行規則|法施行令|法施行規則)$", name)
    if same is not None:  # `関係同法`: a word glued before 同法
        return start + same.start(), same.group()
    for lead in _LEAD:
        if name.startswith(lead) and len(name) > len(lead) and name not in (keep or ()):
            name = name[len(lead) :]
            start += len(lead)
            break
    if start >= 2 and f[start - 1] == "\n" and f[start - 2] in _NAME_CHARS and name not in known:
        # a name cut by a line wrap (`地方自⏎治法`): value the whole name when it is known
        # (the span stays on its line: no span crosses a line)
        head = run_start(f, start - 1, _NAME_CHARS, 20)
        joined = f[head : start - 1] + name
        for i in range(len(joined) - len(name)):
            if joined[i:] in known:
                return start, joined[i:]
    return start, name


def _mentions(f: str, aliases: dict[str, str]) -> list[_Mention]:
    """Every law name in text order: those citing an article, then bare known names,
    amending acts, long titles and quoted names, and the bare articles after a list word."""
    known = COMMON_LAWS | ABBREVIATIONS | set(aliases)
    repealed = _repealed_acts(f, aliases)
    cited: list[_Mention] = []
    for m in _LAW_END.finditer(f):
        start, name = _name_start(f, m.end("end"), known, repealed)
        generic = (name in GENERIC or name.startswith("法")) and name not in aliases
        if (generic and not name.startswith("同")) or forms.own_rules(name):
            continue  # a generic word, or a body's own rules (`安全管理規程19条`)
        q = _QUALIFIER.search(f, max(0, start - 40), start)
        cited.append(_Mention(start, m.end("end"), name, m.end(), q["q"] if q else None))
    full = set(COMMON_LAWS)
    for c in cited:
        if c.name.startswith("同") or c.name in aliases or c.name in ABBREVIATIONS:
            continue
        if _kind(c.name) in ("法", "令", "規則") and not c.name.endswith("就業規則"):
            full.add(c.name)  # not company rules (`就業規則`, `給与規程`): they are no statute
        if (o := _ORDER_SUFFIX.search(c.name)) and len(c.name) > len(o.group()) + 1:
            full.add(c.name[: o.start()])  # the act of a cited order: `都市計画法施行令`
    # a long title the text defines is a statute wherever it stands (`…に関する法律違反被告事件`)
    full |= {phrase for phrase in aliases.values() if phrase.endswith("法律") and len(phrase) > 4}
    full -= GENERIC | set(aliases)  # a defined abbreviation alone is a reading, not a name
    bare: list[_Mention] = []
    taken = Covered((c.start, c.end) for c in cited)
    for m in _BARE_END.finditer(f):
        end = m.end()
        start = run_start(f, end, _NAME_CHARS, 30)
        if start in taken:
            continue
        name = f[start:end]
        if name == "法律" and (t := forms.long_title(f, start, full)) is not None:
            bare.append(_Mention(t, end, f[t:end]))
            continue
        if end < len(f) and (f[end] in _NOT_AFTER or f[end] in KATAKANA):
            continue
        for lead in _LEAD:
            if name.startswith(lead) and name[len(lead) :] in full and name not in repealed:
                start, name = start + len(lead), name[len(lead) :]
        o = _ORDER_SUFFIX.search(name)
        q = _QUALIFIER.search(f, max(0, start - 40), start)
        amend = forms.AMEND.match(f, end)
        if amend and (name in full or _referent(name, "の")):
            # `優生保護法の一部を改正する法律`: the amending act is the name
            whole = f[start : amend.end()]
            bare.append(_Mention(start, amend.end(), whole, None, None, source=False))
        elif name in full or (o and name[: o.start()] in full):
            bare.append(_Mention(start, end, name, None, q["q"] if q else None))
        elif name in aliases or _referent(name, f[end : end + 1]):
            # a defined abbreviation or an unknown act alone: what a later 同法 means
            bare.append(_Mention(start, end, name, -1))
    for m in forms.QUOTED.finditer(f):
        name = m["name"]
        if name in full or (name not in GENERIC and name not in aliases and _referent(name, "の")):
            bare.append(_Mention(m.start("name"), m.end("name"), name, None, source=False))
    inherit = [_Mention(p, p, "", p, inherit=True) for p in forms.bare_article_starts(f)]
    return sorted(cited + bare + inherit, key=lambda c: (c.start, c.inherit, -c.end))


def _referent(name: str, after: str) -> bool:
    """An act named alone that a later 同法 may mean: `地価公示法は…(同法1条)`."""
    return (
        len(name) >= 3
        and name.endswith("法")
        and _NOT_ACT.search(name) is None
        and after in ("は", "が", "の", "に", "を", "で", "と", "上", "所", "等", "(", ",", "、")
    )


def _resolve(name: str, last: dict[str, str]) -> str | None:
    """The law `同法` / `同令` / `同法施行令` … stands for."""
    if not name.startswith("同"):
        return name
    rest = name[1:]
    if not _SAME.fullmatch(name):
        return rest  # `同民法`: the name is written
    if rest.startswith("法") and len(rest) > 1:  # 同法施行令: the act's order
        act = last.get("法")
        return act + rest[1:] if act else None
    return last.get(_kind(rest))


def _chain(
    f: str, pos: int, span_start: int, ref: dict[str, str] | None
) -> Iterator[tuple[int, int, dict[str, str]]]:
    """(start, end, article) of each item of the list starting at `pos`: `61条,64条本文`,
    `158~160条` (both ends), `同項1号ないし3号` (`ref`: the article `同項` refers to)."""
    prev: dict[str, str] | None = None
    same = forms.same_ref(f, pos)
    if same:
        if ref is None:
            return
        pos = forms.skip_same(f, pos)
        it = _ITEM.match(f, pos)
        if it is None or it["jo"]:
            return
        art = _article(it, ref if same == "同項" else {"jo": ref["jo"]})
        yield span_start, it.end(), art
        prev, pos = art, it.end()
    need_sep = prev is not None
    while True:
        if need_sep:
            sep = _LIST_SEP.match(f, pos)
            if sep is None:
                return
            nxt = f[sep.end() : sep.end() + 1]
            if _SAME.match(f, sep.end()) or (
                re.match(r"[一-龥]", nxt)
                and not f.startswith("同条", sep.end())
                and not _ORDINAL.match(f, sep.end())  # `1項及び第2項`
            ):
                return  # a new law name starts its own chain
            pos = span_start = sep.end()
        rng = forms.RANGE.match(f, pos)
        if rng is not None:  # `158~`: the first end, the second follows directly
            art = {"jo": f"{to_int(rng['r'])}条", "tail": ""}
            yield span_start, rng.end("r"), art
            prev, pos, span_start, need_sep = art, rng.end(), rng.end(), False
            continue
        it = _ITEM.match(f, pos)
        if it is None or (prev is None and not it["jo"]):
            return
        art = _article(it, prev)
        if it["same"] and prev:
            art = {**prev, **{k: v for k, v in art.items() if k != "jo"}}
        yield span_start, it.end(), art
        prev, pos, need_sep = art, it.end(), True


@register("laws", ["LAW"])
def extract_laws(text: str) -> Iterator[Suggestion]:
    f = folded(text)
    aliases = _aliases(f)
    # a title defined by a shorter name goes by it (not `旧…`, a longer reading of a name)
    abbr = {phrase: a for a, phrase in aliases.items() if len(a) < len(phrase)}
    last: dict[str, str] = {}
    emitted: list[tuple[int, int]] = []
    chain_end = -1
    recent: tuple[int, str] | None = None  # the law whose article was cited last
    sources: list[tuple[int, str]] = []  # laws named, a bare article may continue them
    arts: list[tuple[int, str, dict[str, str]]] = []  # articles cited, for `同項` / `同条`
    ends: set[int] = set()  # where those citations end (an aside in brackets may follow)
    for c in _mentions(f, aliases):
        if c.start < chain_end:
            continue
        prev: dict[str, str] | None = None
        qualifier = None
        if c.inherit:
            last_art = forms.visible_article(f, c.start, arts, ends)
            got = forms.inherited(f, c.start, recent, sources, last_art)
            if got is None:
                continue
            law, prev = got
        else:
            resolved = _resolve(c.name, last)
            if resolved is None:
                continue
            law, qualifier = resolved, c.qualifier
            last[_kind(law)] = law
            if c.source and (c.art_start != -1 or law in aliases):
                sources.append((c.start, abbr.get(law, law)))
        if c.art_start is None:
            value: dict[str, object] = {"law": law}
            if qualifier:
                value["qualifier"] = qualifier
            emitted.append((c.start, c.end))
            chain_end = c.end
            yield Suggestion("LAW", c.start, c.end, value)
            continue
        if c.art_start < 0:
            continue
        first = True
        for start, end, art in _chain(f, c.art_start, c.start, prev):
            value = {"law": law, "article": _fmt(art)}
            if law in aliases:
                value["full"] = aliases[law]
            if qualifier and first:
                value["qualifier"] = qualifier
            first = False
            yield Suggestion("LAW", start, end, value)
            emitted.append((start, end))
            chain_end = end
            recent = (start, law)
            arts.append((start, law, art))
            ends.add(end)
    taken = Covered(emitted)
    for m in _LAW_NUMBER.finditer(f):
        if m.start() not in taken:
            yield Suggestion(
                "LAW", m.start(), m.end(), {"law": re.sub(r"[ \u3000]", "", m.group())}
            )

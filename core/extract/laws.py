"""LAW: statutes cited with an article, such as `民法709条`, and law numbers.

Value {"law": "民事訴訟法", "article": "61条"}; the article is normalised (no 第, arabic
numerals): `民法第七百九条` -> "709条", `65条1項本文` -> "65条1項本文". A list inherits the
law and the higher levels: `民事訴訟法61条,64条本文,65条1項本文` gives three spans, the
first covering the law name; `民法709条1項,2項` gives "709条2項" for the second.
`同法` takes the law named before it and `同条` the article (the span is the written
text, the value the resolved law). A law abbreviated by a definition, `…法律（以下「本法」
という。）`, is valued with that name and "full": the defined phrase. An amendment in
front, `平成29年法律第44号による改正前の民法`, becomes "qualifier": "平成29年法律第44号による
改正前" (the span starts at the law name). Law names without an article are marked only
for the common codes listed below (and names seen with an article in the same text);
law numbers `平成8年通商産業省告示第362号` are marked as {"law": <the number>} unless
they only qualify an amendment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.extract._entity_text import ERA_RE, KANJI, KATAKANA, SP, folded, run_start, to_int
from core.extract.base import Suggestion, register

_N = r"(?:\d+|[〇一二三四五六七八九十百千]+)"
_ARTICLE = (
    rf"(?:第{SP})?(?P<jo>{_N})条(?P<no>(?:{SP}の{SP}{_N})*)"
    rf"(?:{SP}(?:第{SP})?(?P<ko>{_N})項)?(?:{SP}(?:第{SP})?(?P<go>{_N})号)?"
    r"(?P<tail>前段|後段|本文|ただし書|柱書|各号)?"
)
_SUB = (
    rf"(?:(?:第{SP})?(?P<ko2>{_N})項(?:{SP}(?:第{SP})?(?P<go2>{_N})号)?|(?:第{SP})?(?P<go3>{_N})号)"
    r"(?P<tail2>前段|後段|本文|ただし書|柱書)?"
)
_LAW_END = re.compile(
    rf"(?P<end>法律|法|令|規則|条約|憲法|条例|規程|通達|基準)(?:{SP}\([^()\n]{{0,80}}\))?{SP}"
    rf"(?={_ARTICLE.replace('?P<', '?P<x_')})"
)
_ARTICLE_RE = re.compile(_ARTICLE)
_LIST_SEP = re.compile(rf"{SP}(?:[,、・]|及び|並びに|又は|若しくは|ないし|から){SP}")
_ITEM = re.compile(rf"(?P<same>同条{SP})?(?:{_ARTICLE}|{_SUB})")
_SAME_LAW = re.compile(rf"同法{SP}(?={_ARTICLE.replace('?P<', '?P<y_')})")
_QUALIFIER = re.compile(
    rf"(?P<q>(?:(?:{ERA_RE})\d{{1,2}}年法律第\d+号による)?改正(?:前|後)){SP}の{SP}$"
)
_LAW_NUMBER = re.compile(
    rf"(?:{ERA_RE}){SP}(?:\d{{1,2}}|元){SP}年{SP}"
    r"(?:法律|政令|[一-龥]{1,8}?省令|[一-龥]{1,8}?告示|[一-龥]{1,8}?規則|[一-龥]{1,8}?条例)"
    rf"{SP}第{SP}\d+{SP}号(?!{SP}による改正)"
)
COMMON_LAWS = [
    "民法",
    "商法",
    "刑法",
    "憲法",
    "日本国憲法",
    "会社法",
    "民事訴訟法",
    "刑事訴訟法",
    "行政事件訴訟法",
    "国家賠償法",
    "民事執行法",
    "民事保全法",
    "民事再生法",
    "破産法",
    "会社更生法",
    "借地借家法",
    "特許法",
    "著作権法",
    "商標法",
    "意匠法",
    "実用新案法",
    "不正競争防止法",
    "労働基準法",
    "労働契約法",
    "労働組合法",
    "地方税法",
    "所得税法",
    "法人税法",
    "相続税法",
    "消費税法",
    "国税通則法",
    "行政手続法",
    "行政不服審査法",
    "地方自治法",
    "製造物責任法",
    "自動車損害賠償保障法",
    "道路交通法",
    "少年法",
    "家事事件手続法",
    "人事訴訟法",
    "個人情報保護法",
]
_NAME_CHARS = KANJI | KATAKANA
_NOT_NAMES = {"法", "法律", "令", "規則", "条約", "条例", "規程", "通達", "基準", "施行令", "本法"}
_LEAD = ("同", "本件", "上記", "前記", "当該", "及び", "並びに", "又は", "旧")


def _article(m: re.Match[str], prev: dict[str, str] | None = None) -> dict[str, str]:
    """Article levels of an item, missing higher levels taken from `prev`."""
    g = m.groupdict()
    out: dict[str, str] = {}
    if g.get("jo"):
        out["jo"] = f"{to_int(g['jo'])}"
        for part in re.findall(_N, g.get("no") or ""):
            out["jo"] += f"の{to_int(part)}"
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
    s = f"{a.get('jo', '')}条" if a.get("jo") else ""
    if a.get("ko"):
        s += f"{a['ko']}項"
    if a.get("go"):
        s += f"{a['go']}号"
    return s + a.get("tail", "")


def _aliases(f: str) -> dict[str, str]:
    """`…に関する法律（以下「本法」という。）`: abbreviation -> the phrase before it."""
    out = {}
    for m in re.finditer(r"(?:法律|法)\(以下[,、]?「([^」\n]{1,15}法)」と", f):
        i = m.start() + 2 if f.startswith("法律", m.start()) else m.start() + 1
        j = i
        while j > 0 and i - j < 60 and f[j - 1] not in "、,。「」()\n":
            j -= 1
        out[m[1]] = f[j:i]
    return out


@register("laws", ["LAW"])
def extract_laws(text: str) -> Iterator[Suggestion]:
    f = folded(text)
    aliases = _aliases(f)
    last_law: str | None = None
    seen_laws: set[str] = set(COMMON_LAWS) | set(aliases)
    taken: list[tuple[int, int]] = []
    heads: list[tuple[int, int, str, str | None]] = []  # (start, article start, law, qualifier)
    for m in _LAW_END.finditer(f):
        start = run_start(f, m.end("end"), _NAME_CHARS, 30)
        name = f[start : m.end("end")]
        for lead in _LEAD:
            if name.startswith(lead) and name != "同法":
                name = name[len(lead) :]
                start += len(lead)
        if (name in _NOT_NAMES and name not in aliases) or name.startswith("法"):
            continue
        if start >= 2 and f[start - 1] == "\n" and f[start - 2] in _NAME_CHARS:
            # a name cut by a line wrap (`地方自⏎治法`): value the whole name
            head = run_start(f, start - 1, _NAME_CHARS, 20)
            name = f[head : start - 1] + name
        q = _QUALIFIER.search(f, max(0, start - 40), start)
        heads.append((start, m.end(), name, q["q"] if q else None))
    for start, art_start, name, qualifier in heads:
        if any(s <= start < e for s, e in taken):
            continue
        law = name
        if name == "同法":
            if last_law is None:
                continue
            law = last_law
        last_law = law
        seen_laws.add(law)
        pos = art_start
        span_start = start
        prev: dict[str, str] | None = None
        while True:
            it = _ITEM.match(f, pos)
            if it is None or (prev is None and not it["jo"]):
                break
            art = _article(it, prev)
            if it["same"] and prev:
                art = {**prev, **{k: v for k, v in art.items() if k != "jo"}}
            value: dict[str, object] = {"law": law, "article": _fmt(art)}
            if law in aliases:
                value["full"] = aliases[law]
            if qualifier and span_start == start:
                value["qualifier"] = qualifier
            yield Suggestion("LAW", span_start, it.end(), value)
            taken.append((span_start, it.end()))
            prev = art
            sep = _LIST_SEP.match(f, it.end())
            if sep is None:
                break
            nxt = f[sep.end() :]
            if _SAME_LAW.match(nxt) or (
                re.match(r"[一-龥]", nxt[:1]) and not nxt.startswith("同条")
            ):
                break  # a new law name starts its own chain
            pos = span_start = sep.end()
    # bare names of known laws (no article) and law numbers
    if seen_laws:
        alt = "|".join(re.escape(n) for n in sorted(seen_laws, key=len, reverse=True))
        for m in re.finditer(alt, f):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if m.start() > 0 and f[m.start() - 1] in _NAME_CHARS:
                continue
            if m.end() < len(f) and f[m.end()] in "法律令則典":
                continue
            value = {"law": m.group()}
            q = _QUALIFIER.search(f, max(0, m.start() - 40), m.start())
            if q:
                value["qualifier"] = q["q"]
            taken.append((m.start(), m.end()))
            yield Suggestion("LAW", m.start(), m.end(), value)
    for m in _LAW_NUMBER.finditer(f):
        if not any(s <= m.start() < e for s, e in taken):
            yield Suggestion(
                "LAW", m.start(), m.end(), {"law": re.sub(r"[ \u3000]", "", m.group())}
            )

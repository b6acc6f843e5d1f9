"""LAW forms beyond `<name><article>`: amending acts, long titles, quoted names, article
ranges and bare articles that continue a law named earlier in the sentence.

Kept apart from `core.extract.laws` (which walks the mentions) so that each stays small.
"""

from __future__ import annotations

import re

from core.extract._entity_text import KANJI, KATAKANA, SP

NAME_CHARS = KANJI | KATAKANA
N = r"(?:\d+|[〇一二三四五六七八九十百千]+)"

# `優生保護法の一部を改正する法律`, `…法等の一部を改正する法律`: one name, the amending act
AMEND = re.compile(r"(?:等)?の一部を改正する(?:法律|政令|省令|規則)")
# hiragana that may join the words of a long title (`…に基づく…を受けた者に対する…`,
# `…を利用して児童を誘引する…`)
_JOIN = (
    r"の|及び|並びに|又は|若しくは|に関する|に係る|のための|における|による|な|を"
    r"|に対処するための|に基づく|に対する|を受けた|に伴う|する|して"
)
_WORD = r"[一-龥々ヶァ-ヺー]+"
# `…の保護に関する法律` / `…法の一部を改正する法律`: the title before 法律 (anchored at its end)
TITLE = re.compile(
    rf"(?:{_WORD}(?:{_JOIN}))*{_WORD}(?:に関する|に係る|のための|(?:等)?の一部を改正する)$"
)
# what shows that a long title alone is a statute: a definition or a law number after it
TITLE_INTRO = re.compile(
    rf"{SP}[(（](?:以下|(?:明治|大正|昭和|平成|令和){SP}(?:\d+|元){SP}年[^()（）\n]{{0,12}}第{SP}\d+{SP}号)"
)
# a statute named in quotes, `題名が「母体保護法」に改められ`
QUOTED = re.compile(r"(?<!以下)「(?P<name>[一-龥々ヶァ-ヺー]{2,30}(?:法|法律))」")
# `民法158~160条`: the first end of an article range (the second is an ordinary item)
RANGE = re.compile(rf"(?:第{SP})?(?P<r>{N}){SP}(?:条{SP})?[~～〜]{SP}(?=(?:第{SP})?{N}条)")
# an article without a law name: `、1条及び2条1項`, `同項1号`, `(1条)`, `ないし4条`
_TO = rf"{SP}(?:ないし|乃至|から|[~～〜]){SP}(?:第{SP})?{N}"  # `1ないし5号`: 号 left out
BARE = re.compile(
    rf"(?P<same>同項{SP}(?=(?:第{SP})?{N}号)|同条{SP}(?=(?:第{SP})?{N}項))?(?:第{SP})?{N}条"
    rf"|同項{SP}(?:第{SP})?{N}(?:号|(?={_TO}号))|同条{SP}(?:第{SP})?{N}(?:項|(?={_TO}項))"
)
# what may stand right before such an article: a list word or an opening bracket, or the
# current wording of the law cited before (`…法245条4項(現行法の245条の4第1項参照)`)
_BEFORE = re.compile(
    r"(?:[、,，・(（]|及び|並びに|ないし|又は|若しくは|から|[(（]現行(?:法の)?)[ \u3000]*$"
)
# a rule book that is no statute (`安全管理規程においても…(6条)`): its articles are its own
OTHER_RULES = re.compile(r"規程|規約|約款|契約書?|定款|要綱|要領|通達|協定|指針|就業規則")
# a body's own rules, not a statute: `安全管理規程`, `給与規程`, `就業規則`, `賃金規則`
_OWN_RULES = re.compile(
    r"(?:規程|規約|約款|定款|要綱|要領|通達|協定|指針)$|(?:就業|賃金|給与|退職金|社員|従業員)規則$"
)
# a public body's 規程 (`国家公務員倫理規程`, `人事院…規程`) is one
_PUBLIC_RULES = re.compile(r"国家公務員|人事院|内閣|[省庁]|委員会|裁判所")


# how far back in its paragraph a bracketed article looks for the law cited last
_PARAGRAPH_REACH = 500


def bare_article_starts(f: str) -> list[int]:
    """Starts of articles written without a law after a list word or bracket."""
    out = []
    for m in BARE.finditer(f):
        p = m.start()
        if _BEFORE.search(f, max(0, p - 6), p):
            out.append(p)
    return out


def own_rules(name: str) -> bool:
    """A company's or body's own rule book (`安全管理規程`, `就業規則`), which is no law."""
    return _OWN_RULES.search(name) is not None and (
        name.endswith("規則") or _PUBLIC_RULES.search(name) is None
    )


def sentence_start(f: str, pos: int) -> int:
    """Where the sentence holding `pos` starts: after the last line break or 。, not a 。
    that closes a bracket (`…法律(以下「本法」という。)は,…(2条2号)` is one sentence)."""
    line = f.rfind("\n", 0, pos)
    end = pos
    while (dot := f.rfind("。", line + 1, end)) >= 0:
        if dot + 1 < len(f) and f[dot + 1] in ")）":
            end = dot
            continue
        return dot + 1
    return line + 1


def same_ref(f: str, pos: int) -> str:
    """`同項` / `同条` at `pos` ("" if neither): the levels a bare article takes over."""
    head = f[pos : pos + 2]
    return head if head in ("同項", "同条") else ""


def skip_same(f: str, pos: int) -> int:
    """Position after `同項` / `同条` and its spaces."""
    m = re.compile(rf"同[項条]{SP}").match(f, pos)
    return m.end() if m else pos


def long_title(f: str, start: int, full: set[str]) -> int | None:
    """Start of a long title ending at the `法律` at `start` (`…に関する法律`), when the
    text shows it is a statute: cited elsewhere, defined or numbered right after it."""
    if start == 0 or f[start - 1] in NAME_CHARS:
        return None
    line_start = f.rfind("\n", 0, start) + 1
    t = TITLE.search(f, max(line_start, start - 80), start)
    if t is None:
        return None
    name = f[t.start() : start + 2]
    if name in full or TITLE_INTRO.match(f, start + 2):
        return t.start()
    return None


def _walk(f: str, a: int, p: int) -> tuple[int, int]:
    """(depth at `p`, lowest depth on the way) of brackets, counted from `a`."""
    depth = low = 0
    for ch in f[a:p]:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            low = min(low, depth)
    return depth, low


def _opening(f: str, a: int) -> int:
    """Where the bracket holding `a` opens (-1 if none within 200 characters)."""
    depth = 0
    for i in range(a - 1, max(-1, a - 200), -1):
        if f[i] in ")）":
            depth += 1
        elif f[i] in "(（":
            if depth == 0:
                return i
            depth -= 1
    return -1


def visible_article(
    f: str, pos: int, arts: list[tuple[int, str, dict[str, str]]], ends: set[int]
) -> tuple[int, str, dict[str, str]] | None:
    """The article a `同条` / `同項` at `pos` refers to: the last one cited within 300
    characters at the same or an outer bracket level, as a reader takes it. One cited in a
    bracket closed since counts only from a sibling bracket (`…指示(13条),…命令(14条1項),
    …命令(同条2項)`), and never when that bracket was an aside to the citation just before
    it (`10条の3(同法44条)では,…(同条1項)` means 10条の3; `(民法709条参照)。同条` not 709条).
    `ends`: where citations end."""
    for art in reversed(arts):
        if pos - art[0] > 300:
            return None
        depth, low = _walk(f, art[0], pos)
        if low >= 0:
            return art
        if low == -1 and depth == 0 and _opening(f, art[0]) not in ends:
            return art
    return None


def inherited(
    f: str,
    pos: int,
    recent: tuple[int, str] | None,
    sources: list[tuple[int, str]],
    last_art: tuple[int, str, dict[str, str]] | None,
) -> tuple[str, dict[str, str] | None] | None:
    """(law, article `同項` refers to) for the bare article at `pos`: `同項` / `同条` take
    the article cited just before; `、2条` the law whose article the sentence cited last,
    else the first law the sentence names, else, for an article in brackets (`…事項(7条1項)`),
    the law whose article the paragraph cited last; None when a rule book that is no
    statute (`…規程においても(6条)`) stands between."""
    if same_ref(f, pos):
        if last_art is None or pos - last_art[0] > 300:
            return None
        if same_ref(f, pos) == "同項" and "ko" not in last_art[2]:
            return None  # `同項` after an article without a paragraph: not this one
        return last_art[1], last_art[2]
    sentence = sentence_start(f, pos)
    if recent is not None and recent[0] >= sentence:
        at, law = recent
    else:
        first = None
        for a, w in reversed(sources):
            if a < sentence:
                break
            first = (a, w)
        if (
            first is None
            and f[pos - 1 : pos] in ("(", "（")
            and recent is not None
            and f.rfind("\n", 0, pos) < recent[0] > pos - _PARAGRAPH_REACH
        ):
            first = recent
        if first is None:
            return None
        at, law = first
    if OTHER_RULES.search(f, at, pos):
        return None
    ref = last_art[2] if last_art is not None and last_art[1] == law else None
    return law, ref

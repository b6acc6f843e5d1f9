"""TERM: terms the judgment defines, `（以下「本件契約」という。）` and its variants.

The span is the defined term inside the quotes; the value is
{"term": "本件契約", "defines": <what it stands for>}. "defines" is best effort: for
`X（以下「Y」という。）` the text before the parenthesis, back to the previous 、 , 。 「 」
or line start of the clause (a long line's wrap is skipped, a heading line before is not;
at most 40 characters); for
`Xを「Y」という` / `Xを併せて「Y」という` / `Xを「Y」と総称する` the text before を.
Forms: `以下「…」という`, `以下,「…」という`, `以下,併せて「…」という`, `以下単に「…」という`,
`…を「…」という`, `…と総称する`, `…ともいう`, `（以下,本件居室という。）` without
quotes. A term broken by a line wrap is skipped (a span never holds a newline).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.extract._entity_text import folded
from core.extract.base import Suggestion, register


def _q(name: str) -> str:
    return rf"「(?P<{name}>[^「」\n]{{1,40}})」"


_FORMS = re.compile(
    r"以下[,、]?(?:[^「」()\n]{0,20}?)"
    + _q("t")
    + r"(?:と(?:いう|いい|総称|称する|略称|表記)|ともいう)"
    r"|(?P<wo>を)[,、]?(?:併せて|まとめて|総称して|単に)?[,、]?"
    + _q("t2")
    + r"(?:と(?:いう|いい|総称|称する)|ともいう)"
    r"|" + _q("t3") + r"と総称する"
    r"|(?<=\()" + _q("t4") + r"(?:ともいう|という)"
)
_UNQUOTED = re.compile(r"以下[,、]?(?P<t>[^「」,、。()\n]{1,15}?)という")
_DELIMS = "、,。「」\n"
_MAX_DEFINES = 40


_WRAP_MIN = 25  # a line this long that ends without 。 may be a wrap left unrepaired


def _line_length_before(f: str, nl: int) -> int:
    """Length of the line that ends at the newline at `nl`."""
    return nl - (f.rfind("\n", 0, nl) + 1)


def _defines_before(f: str, end: int) -> str:
    """The phrase ending at `end`, back to a delimiter; line wraps are skipped."""
    out: list[str] = []
    i = end
    depth = 0
    while i > 0 and len(out) < _MAX_DEFINES:
        c = f[i - 1]
        if c == "\n":
            if (i >= 2 and f[i - 2] in "。」") or _line_length_before(f, i - 1) < _WRAP_MIN:
                break  # a paragraph end, or a heading line: not a wrap inside the phrase
            i -= 1
            continue
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                break
            depth -= 1
        elif c in "。「」\u3000" or (depth == 0 and c in _DELIMS):
            break
        out.append(c)
        i -= 1
    return "".join(reversed(out)).strip(" \u3000")


def _paren_start(f: str, pos: int) -> int | None:
    """Start of the parenthesis that holds `pos`, if `pos` is inside one on a short reach."""
    j = pos
    depth = 0
    while j > 0 and pos - j < 120:
        c = f[j - 1]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                return j - 1
            depth -= 1
        j -= 1
    return None


@register("terms", ["TERM"])
def extract_terms(text: str) -> Iterator[Suggestion]:
    f = folded(text)
    seen: set[int] = set()
    for m in _FORMS.finditer(f):
        start, end = _term_span(m)
        if start in seen:
            continue
        seen.add(start)
        term = f[start:end]
        if m["wo"] is not None:
            defines = _defines_before(f, m.start("wo"))
        else:
            p = _paren_start(f, m.start())
            defines = _defines_before(f, p) if p is not None else _defines_before(f, m.start())
        yield Suggestion("TERM", start, end, {"term": term, "defines": defines})
    for m in _UNQUOTED.finditer(f):
        if "「" in m.group() or m.start("t") in seen:
            continue
        p = _paren_start(f, m.start())
        if p is None:
            continue
        seen.add(m.start("t"))
        yield Suggestion(
            "TERM", m.start("t"), m.end("t"), {"term": m["t"], "defines": _defines_before(f, p)}
        )


def _term_span(m: re.Match[str]) -> tuple[int, int]:
    for name in ("t", "t2", "t3", "t4"):
        if m.group(name) is not None:
            return m.start(name), m.end(name)
    raise AssertionError("no term group matched")

"""A span's value as a paralegal reads it: `1億7735万6440円` shows as `177,356,440円`,
`{"duration": "P3Y", "kind": "懲役"}` as `3年（懲役）`. Shown in the span table and the
viewer's tooltip; the stored value (and every export) keeps the JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

_DURATION = re.compile(
    r"P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?"
)
_UNITS = (("Y", "年"), ("M", "か月"), ("W", "週間"), ("D", "日"), ("h", "時間"), ("m", "分"),
          ("s", "秒"))


def duration_text(iso: str) -> str:
    """`P1M15D` -> `1か月15日`, `PT84H18M` -> `84時間18分`; anything else as written."""
    m = _DURATION.fullmatch(iso)
    if m is None or not any(m.groupdict().values()):
        return iso
    return "".join(f"{m[k]}{unit}" for k, unit in _UNITS if m[k])


def _percent(rate: float) -> str:
    pct = round(rate * 100, 6)
    return f"{pct:g}%"


def _with(main: str, extra: str | None) -> str:
    return f"{main}（{extra}）" if extra else main


def _money(v: dict[str, Any]) -> str:
    yen = v["yen"]
    text = f"{yen:,}円" if isinstance(yen, int) else f"{yen}円"
    flags = (("approx", "約"), ("total", "合計"), ("each", "各"))
    prefix = next((word for key, word in flags if v.get(key)), "")
    per = v.get("per")
    return _with(prefix + text, f"{per}あたり" if isinstance(per, str) else None)


def _date(v: dict[str, Any]) -> str:
    approx = v.get("approx")
    return _with(str(v["date"]), approx if isinstance(approx, str) else "頃" if approx else None)


def _rate(v: dict[str, Any]) -> str:
    rate = v["rate"]
    if not isinstance(rate, int | float):
        return str(rate)
    per = v.get("per")
    shown = f"{per if isinstance(per, str) else ''}{_percent(float(rate))}"
    fraction = v.get("fraction")
    return f"{fraction}（{shown}）" if isinstance(fraction, str) else shown


def _period(v: dict[str, Any]) -> str:
    text = duration_text(str(v["duration"]))
    kind = v.get("kind")
    shown_kind = kind if isinstance(kind, str) and kind != "期間" else None  # 期間: the default
    limit = v.get("limit")  # a statutory bound: 10年以下の懲役
    text += limit if isinstance(limit, str) else ""
    return _with(("約" if v.get("approx") else "") + text, shown_kind)


def _named(key: str) -> Callable[[dict[str, Any]], str]:
    def show(v: dict[str, Any]) -> str:
        role = v.get("role")
        return _with(str(v[key]), role if isinstance(role, str) else None)

    return show


def _court(v: dict[str, Any]) -> str:
    division = v.get("division")
    return str(v["court"]) + (str(division) if isinstance(division, str) else "")


def _law(v: dict[str, Any]) -> str:
    article = v.get("article")
    return str(v["law"]) + (str(article) if isinstance(article, str) else "")


def _evidence(v: dict[str, Any]) -> str:
    items = v.get("items")
    if isinstance(items, list) and items:
        return "、".join(str(x) for x in items)
    return str(v["evidence"])


def _term(v: dict[str, Any]) -> str:
    defines = v.get("defines")
    return f"{v['term']} ＝ {defines}" if isinstance(defines, str) and defines else str(v["term"])


def _section(v: dict[str, Any]) -> str:
    head = " ".join(str(x) for x in (v.get("number"), v.get("title")) if x) or str(
        v.get("kind", "")
    )
    level = v.get("level")
    return f"{head}（階層{level}）" if isinstance(level, int) else head


_SHOW: dict[str, tuple[str, Callable[[dict[str, Any]], str]]] = {
    "MONEY": ("yen", _money),
    "DATE": ("date", _date),
    "RATE": ("rate", _rate),
    "PERIOD": ("duration", _period),
    "CASE_NUMBER": ("case_number", lambda v: str(v["case_number"])),
    "COURT": ("court", _court),
    "PARTY": ("role", lambda v: str(v["role"]) + ("ら" if v.get("plural") else "")),
    "PERSON": ("name", _named("name")),
    "ORG": ("name", _named("name")),
    "EVIDENCE": ("evidence", _evidence),
    "LAW": ("law", _law),
    "TERM": ("term", _term),
    "SECTION": ("kind", _section),
}


def value_text(label: str, value: Any) -> str:
    """One line for a table cell; unknown shapes fall back to compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int) and label == "MONEY":
        return f"{value:,}円"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    shown = _SHOW.get(label)
    if isinstance(value, dict) and shown is not None and shown[0] in value:
        try:
            return shown[1](value)
        except (TypeError, ValueError, KeyError):
            pass
    return json.dumps(value, ensure_ascii=False)

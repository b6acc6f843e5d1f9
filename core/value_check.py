"""Does a value fit its label's value type? The detail pane asks before it saves, so a
paralegal who types `120万` for an amount hears why at once instead of exporting it.

A value is either the bare normalised value (`177356440`, `"2021-04-01"`, `"P3Y"`) or the
extractors' dict holding it under its key (`{"yen": 177356440, "approx": true}`); empty
(None) always fits. Types with free text (`none`, `text`) take anything."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

_DURATION = re.compile(
    r"P(?=\d|T\d)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?"
    r"(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?"
)


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _yen(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def _rate(v: Any) -> bool:
    return _is_number(v) and v >= 0


def _date(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    for fmt in ("%Y-%m-%d", "%Y-%m"):
        try:
            dt.datetime.strptime(v, fmt)
        except ValueError:
            continue
        return len(v) == len(fmt.replace("%Y", "0000").replace("%m", "00").replace("%d", "00"))
    return False


def _duration(v: Any) -> bool:
    return isinstance(v, str) and _DURATION.fullmatch(v) is not None


def _text(v: Any) -> bool:
    return isinstance(v, str) and bool(v.strip())


# value type -> (key of the extractors' dict, test of the value, what to write, in Japanese)
_RULES: dict[str, tuple[tuple[str, ...], Callable[[Any], bool], str]] = {
    "yen": (("yen",), _yen, '0 以上の整数（円）。例: 177356440 または {"yen": 177356440}'),
    "rate": (("rate",), _rate, '0 以上の数。例: 0.05 または {"rate": 0.05, "per": "年"}'),
    "date": (("date",), _date, '実在する日付 YYYY-MM-DD か YYYY-MM。例: "2021-04-01"'),
    "duration": (("duration",), _duration, 'ISO 8601 の期間。例: "P3Y"、"P1Y6M"、"P120D"'),
    "case_number": (("case_number",), _text, '事件番号の文字列。例: "令和2年(ワ)第145号"'),
    "court": (("court",), _text, '裁判所名の文字列。例: "東京地方裁判所"'),
    "role": (("role", "name"), _text, '立場か名前の文字列。例: "原告" または {"role": "原告"}'),
    "evidence": (("evidence",), _text, '証拠の文字列。例: "甲11の4"'),
    "law": (("law",), _text, '法令名の文字列。例: {"law": "民法", "article": "709条"}'),
    "term": (("term",), _text, '定義語の文字列。例: {"term": "本件契約"}'),
}


def _section(value: Any) -> str | None:
    if not isinstance(value, dict):
        return '区分の値は {"kind": …, "level": 整数, "number": …, "title": …} の形です。'
    level = value.get("level")
    if not isinstance(level, int) or isinstance(level, bool) or level < 0:
        return "区分の level は 0 以上の整数です（深い項目ほど大きい）。"
    for key in ("kind", "number", "title"):
        if key in value and not isinstance(value[key], str):
            return f"区分の {key} は文字列です。"
    return None


def value_problem(value_type: str, value: Any) -> str | None:
    """Why `value` does not fit `value_type`, said for the paralegal; None when it fits."""
    if value is None:
        return None
    if value_type == "section":
        return _section(value)
    rule = _RULES.get(value_type)
    if rule is None:  # "none", "text", or a type this version does not know
        return None
    keys, fits, example = rule
    if isinstance(value, dict):
        held = [value[k] for k in keys if k in value]
        if held and all(fits(v) for v in held):
            return None
        if not held:
            return f"この値には {' か '.join(keys)} がありません。{example}"
        return f"{keys[0]} の値が合いません。{example}"
    if fits(value):
        return None
    return f"値が合いません。{example}"

"""Metadata a plain text or PDF judgment does not state outside itself, read from its own
header and closing block: case number, court, date of the judgment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.extract.base import Suggestion

_HEADER_CHARS = 400  # the 判決言渡 line and the case number come first
_CLOSING_CHARS = 3000  # the court and judges close the judgment (before any 別紙)


def title_from(meta: dict[str, Any]) -> str | None:
    """`令和5年(ワ)第12345号 損害賠償請求事件`, as the courts list a judgment."""
    parts = [str(meta[k]) for k in ("case_number", "case_name") if meta.get(k)]
    return " ".join(parts) or None


def infer_metadata(text: str, suggestions: Sequence[Suggestion]) -> dict[str, Any]:
    """Values for `case_number`, `court` and `date` where the judgment states them; the keys
    found are listed under `inferred` so nobody mistakes them for the court's record."""
    meta: dict[str, Any] = {}
    head = [s for s in suggestions if s.start < _HEADER_CHARS]
    case = next((s for s in head if s.label == "CASE_NUMBER"), None)
    if case is not None and isinstance(case.value, dict) and case.value.get("case_number"):
        meta["case_number"] = case.value["case_number"]
        eol = text.find("\n", case.end)
        rest = text[case.end : eol if eol >= 0 else len(text)].strip(" \u3000")
        if rest.endswith("事件") and len(rest) <= 80:
            meta["case_name"] = rest
    line_end = text.find("\n")
    first_line = text[: line_end if line_end >= 0 else len(text)]
    if "言渡" in first_line or "判決" in first_line or "宣告" in first_line:
        date = next((s for s in head if s.label == "DATE" and s.end <= len(first_line)), None)
        if date is not None and isinstance(date.value, dict) and date.value.get("date"):
            meta["date"] = date.value["date"]
    judges = [
        s
        for s in suggestions
        if s.label == "PERSON"
        and isinstance(s.value, dict)
        and "裁判官" in str(s.value.get("role", ""))
    ]
    anchor = judges[0].start if judges else len(text)
    courts = [
        s
        for s in suggestions
        if s.label == "COURT"
        and isinstance(s.value, dict)
        and anchor - _CLOSING_CHARS <= s.start <= anchor
    ]
    if courts:
        v = courts[-1].value
        meta["court"] = v.get("court", "") + (v.get("division") or "")
    if meta:
        meta["inferred"] = sorted(meta)
    return meta

"""From `raw_text` to the shown `text`: a list of optional steps, each writing into the map.

A step takes the current text and returns the new text, the map from new to current, and
counts of what it did (reported by the import and by `normalize`). Steps are pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

import jaconv

from core.text.despace import despace
from core.text.furniture import remove_furniture
from core.text.offsets import MappedBuilder, OffsetMap, sub_mapped
from core.text.repair import repair_lines
from core.text.step import Step, StepResult
from core.text.webcopy import trim_web

__all__ = ["NormalizeOptions", "Normalized", "Step", "StepResult", "normalize"]


@dataclass(frozen=True)
class NormalizeOptions:
    """Which steps run at import; every step is on by default (DESIGN §2)."""

    trim_web: bool = True  # off with --keep-all: keep site text around a web copy
    remove_furniture: bool = True  # page numbers, running headers, form feeds
    repair_lines: bool = True  # join hard wraps inside paragraphs
    despace: bool = True  # 主　　文 -> 主文
    fold_width: bool = True  # full-width ASCII -> half-width, half-width kana -> full-width

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


@dataclass
class Normalized:
    raw_text: str
    text: str
    offsets: OffsetMap  # text -> raw_text
    counts: dict[str, int] = field(default_factory=dict)


# --- the always-on first step -------------------------------------------------------------

_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\u0085\u000b]")


def normalize_newlines(text: str) -> StepResult:
    """CRLF, CR and the Unicode separators become "\\n" (Qt would count them differently)."""
    new, m = sub_mapped(_NEWLINES, lambda _m: "\n", text)
    changed = sum(1 for _ in _NEWLINES.finditer(text))
    return StepResult(new, m, {"newlines_normalised": changed} if changed else {})


# --- width folding --------------------------------------------------------------------------

_HALF_KANA = re.compile("[\uff66-\uff9d][\uff9e\uff9f]?|[\uff61-\uff65\uff9e\uff9f]")


def fold_width(text: str) -> StepResult:
    """Full-width ASCII letters, digits and symbols to half-width (one to one, U+3000 kept);
    half-width katakana to full-width (a voiced pair becomes one character)."""
    folded = jaconv.z2h(text, kana=False, ascii=True, digit=True, ignore="\u3000")
    changed = sum(1 for a, b in zip(text, folded, strict=True) if a != b)
    counts = {"width_folded": changed} if changed else {}
    if not _HALF_KANA.search(folded):
        return StepResult(folded, OffsetMap.identity(len(text)), counts)
    b = MappedBuilder(folded)
    pos = 0
    kana = 0
    for m in _HALF_KANA.finditer(folded):
        b.keep(pos, m.start())
        b.emit(jaconv.h2z(m.group(), kana=True, ascii=False, digit=False), m.start(), m.end())
        pos = m.end()
        kana += 1
    b.keep(pos, len(folded))
    new, omap = b.build()
    counts["half_width_kana"] = kana
    return StepResult(new, omap, counts)


def _final_form_feeds(text: str) -> StepResult:
    """Page breaks left by readers become line breaks if no furniture step removed them."""
    if "\f" not in text:
        return StepResult(text, OffsetMap.identity(len(text)))
    return StepResult(text.replace("\f", "\n"), OffsetMap.identity(len(text)))


# Steps in order, each with the option that switches it (None: always on). Web trimming
# comes before furniture so a page's site text is not mistaken for a running header; line
# repair needs the page breaks gone; de-spacing needs the lines joined (a justified line is
# glued to its neighbours only once it is joined).
def _steps() -> list[tuple[str, str | None, Step]]:
    return [
        ("newlines", None, normalize_newlines),
        ("fold_width", "fold_width", fold_width),
        ("trim_web", "trim_web", trim_web),
        ("remove_furniture", "remove_furniture", remove_furniture),
        ("repair_lines", "repair_lines", repair_lines),
        ("despace", "despace", despace),
        ("form_feeds", None, _final_form_feeds),
    ]


def normalize(raw_text: str, options: NormalizeOptions | None = None) -> Normalized:
    """Run the pipeline; the result's map takes any span of `text` back to `raw_text`."""
    opts = options or NormalizeOptions()
    text = raw_text
    omap = OffsetMap.identity(len(raw_text))
    counts: dict[str, int] = {}
    for _name, option, step in _steps():
        if option is not None and not getattr(opts, option):
            continue
        res = step(text)
        omap = omap.then(res.offsets)
        text = res.text
        for k, v in res.counts.items():
            counts[k] = counts.get(k, 0) + v
    return Normalized(raw_text, text, omap, counts)

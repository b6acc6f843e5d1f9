"""Score auto-highlighter suggestions against a hand-checked gold set.

The team is measured BY VALUE: a predicted span is a true positive when an unmatched gold
span of the same label with the same normalised value (`value_key`) overlaps it; each gold
span is matched at most once. Exact-offset agreement is reported beside it (same label and
offsets, value ignored; for SECTION the same start, because gold SECTION spans are the
marker or the first line of a part while the extractor may cover a whole heading or block).

Gold records (tests/gold/gold.jsonl, one document a line) keep offsets, the short span text
and values, never the judgment text. A record names its text by `lawsuit_id` (a dev record's
`contents`) or by `source` (a file under the corpus, read and normalised as the importer
does: `document_text`). The normalised text a record was annotated on is
identified by `text_sha256`; when today's text differs (line repair evolves), each gold span
is re-anchored by its `text` at the nearest occurrence within `ANCHOR_WINDOW` characters of
its recorded offset, and spans that cannot be found are counted as lost, not guessed.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.extract.base import Suggestion
from core.text.pipeline import normalize
from core.text.readers import read_document

ANCHOR_WINDOW = 200

# The field(s) of a value that decide whether two spans of a label say the same thing.
_KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "MONEY": ("yen",),
    "DATE": ("date",),
    "CASE_NUMBER": ("case_number",),
    "SECTION": ("number", "level"),
    "RATE": ("rate",),
    "PERIOD": ("duration",),
    "COURT": ("court",),
    "LAW": ("law", "article"),
    "EVIDENCE": ("evidence",),
    "TERM": ("term",),
}


@dataclass(frozen=True, slots=True)
class GoldSpan:
    label: str
    start: int
    end: int
    text: str
    value: Any = None


@dataclass(frozen=True)
class GoldDoc:
    """One annotated document; only `labels_complete` are scored, only inside `range`.

    Its text is a dev record's `contents` (`lawsuit_id`) or, when `source` is set, a file
    under the corpus (`web/page.txt`) as the importer stores it; `name` says which."""

    lawsuit_id: str
    text_sha256: str
    spans: tuple[GoldSpan, ...]
    labels_complete: frozenset[str]
    range: tuple[int, int] | None = None
    source: str = ""

    @property
    def name(self) -> str:
        return self.source or self.lawsuit_id


def parse_gold_line(line: str) -> GoldDoc:
    d = json.loads(line)
    if ("lawsuit_id" in d) == ("source" in d):
        raise ValueError("a gold record names its text by one of lawsuit_id and source")
    spans = tuple(
        GoldSpan(s["label"], int(s["start"]), int(s["end"]), s["text"], s.get("value"))
        for s in d["spans"]
    )
    rng = d.get("range")
    return GoldDoc(
        lawsuit_id=str(d.get("lawsuit_id", "")),
        text_sha256=d["text_sha256"],
        spans=spans,
        labels_complete=frozenset(d["labels_complete"]),
        range=(int(rng[0]), int(rng[1])) if rng else None,
        source=str(d.get("source", "")),
    )


def parse_gold(lines: Iterable[str]) -> list[GoldDoc]:
    return [parse_gold_line(ln) for ln in lines if ln.strip()]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_path(corpus: Path, doc: GoldDoc) -> Path:
    """The corpus file holding the text of `doc`."""
    if doc.source:
        return corpus / doc.source
    return corpus / "dev" / f"{doc.lawsuit_id}.json"


def document_text(corpus: Path, doc: GoldDoc) -> str:
    """The normalised text `doc` was annotated on. A `source` file goes through the same
    reader and pipeline as an import (web trimming included), so its offsets are the ones a
    user sees after importing that file; a dev record's `contents` is normalised alone."""
    path = document_path(corpus, doc)
    if doc.source:
        return normalize(read_document(path).raw_text).text
    raw = json.loads(path.read_text(encoding="utf-8"))
    return normalize(raw["contents"]).text


def _norm_number(s: object) -> str:
    return "".join(unicodedata.normalize("NFKC", str(s or "")).split())


def value_key(label: str, value: Any) -> Hashable:
    """The normalised value two spans of `label` must share to count as the same answer."""
    fields = _KEY_FIELDS.get(label)
    if fields is None or not isinstance(value, Mapping):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if label == "SECTION":
        return (_norm_number(value.get("number")), int(value.get("level") or 0))
    if label == "RATE":
        rate = value.get("rate")
        return None if rate is None else round(float(rate), 4)
    if label == "MONEY":
        yen = value.get("yen")
        return None if yen is None else int(yen)
    got = tuple(value.get(f) for f in fields)
    return got[0] if len(got) == 1 else got


@dataclass(frozen=True)
class Anchored:
    """Gold spans placed on today's text; `lost` could not be found there."""

    spans: tuple[GoldSpan, ...]
    lost: tuple[GoldSpan, ...]
    range: tuple[int, int] | None
    moved: int = 0


def anchor(doc: GoldDoc, text: str, window: int = ANCHOR_WINDOW) -> Anchored:
    """Re-place the gold spans of `doc` on `text` (identity when the text is unchanged)."""
    if text_sha256(text) == doc.text_sha256:
        return Anchored(doc.spans, (), doc.range)
    placed: list[GoldSpan] = []
    lost: list[GoldSpan] = []
    deltas: list[tuple[int, int]] = []  # (old start, shift)
    moved = 0
    for g in doc.spans:
        new_start = _find_near(text, g.text, g.start, window)
        if new_start is None:
            lost.append(g)
            continue
        shift = new_start - g.start
        moved += shift != 0
        deltas.append((g.start, shift))
        placed.append(GoldSpan(g.label, new_start, new_start + len(g.text), g.text, g.value))
    rng = None
    if doc.range is not None:
        rng = (_shift_at(doc.range[0], deltas), _shift_at(doc.range[1], deltas))
    return Anchored(tuple(placed), tuple(lost), rng, moved)


def _find_near(text: str, needle: str, pos: int, window: int) -> int | None:
    if not needle:
        return None
    if text[pos : pos + len(needle)] == needle:
        return pos
    lo = max(0, pos - window)
    hi = min(len(text), pos + len(needle) + window)
    best: int | None = None
    i = text.find(needle, lo, hi)
    while i != -1:
        if best is None or abs(i - pos) < abs(best - pos):
            best = i
        i = text.find(needle, i + 1, hi)
    return best


def _shift_at(offset: int, deltas: Sequence[tuple[int, int]]) -> int:
    """Shift an offset by the shift of the nearest anchored gold span."""
    if not deltas:
        return offset
    _, shift = min(deltas, key=lambda d: abs(d[0] - offset))
    return max(0, offset + shift)


@dataclass
class Counts:
    """Value-matched and exact-offset tallies for one label (or a sum of labels)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact_tp: int = 0
    exact_fp: int = 0
    exact_fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def exact_precision(self) -> float:
        return _ratio(self.exact_tp, self.exact_tp + self.exact_fp)

    @property
    def exact_recall(self) -> float:
        return _ratio(self.exact_tp, self.exact_tp + self.exact_fn)

    @property
    def exact_f1(self) -> float:
        return _f1(self.exact_precision, self.exact_recall)

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.exact_tp += other.exact_tp
        self.exact_fp += other.exact_fp
        self.exact_fn += other.exact_fn


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    """An error to show: a false positive (`pred`) or a false negative (`gold`)."""

    kind: str  # "FP" or "FN"
    label: str
    start: int
    end: int
    value: Any


@dataclass
class DocScore:
    lawsuit_id: str
    by_label: dict[str, Counts] = field(default_factory=dict)
    errors: list[Miss] = field(default_factory=list)
    lost: int = 0
    moved: int = 0

    def total(self) -> Counts:
        out = Counts()
        for c in self.by_label.values():
            out.add(c)
        return out


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _exact(label: str, g: GoldSpan, p: Suggestion) -> bool:
    if label == "SECTION":
        return g.start == p.start
    return g.start == p.start and g.end == p.end


def score_spans(
    gold: Sequence[GoldSpan],
    pred: Sequence[Suggestion],
    labels: Iterable[str],
    rng: tuple[int, int] | None = None,
    lawsuit_id: str = "",
) -> DocScore:
    """Match predictions to gold per label, by value (overlap + same key) and by offsets."""
    out = DocScore(lawsuit_id)
    for label in sorted(set(labels)):
        gs = [g for g in gold if g.label == label]
        ps = [
            p
            for p in pred
            if p.label == label and (rng is None or (rng[0] <= p.start and p.end <= rng[1]))
        ]
        c = Counts()
        used: set[int] = set()
        for p in sorted(ps, key=lambda s: (s.start, s.end)):
            key = value_key(label, p.value)
            hit = next(
                (
                    i
                    for i, g in enumerate(gs)
                    if i not in used
                    and _overlaps(g.start, g.end, p.start, p.end)
                    and value_key(label, g.value) == key
                ),
                None,
            )
            if hit is None:
                c.fp += 1
                out.errors.append(Miss("FP", label, p.start, p.end, p.value))
            else:
                used.add(hit)
                c.tp += 1
        for i, g in enumerate(gs):
            if i not in used:
                c.fn += 1
                out.errors.append(Miss("FN", label, g.start, g.end, g.value))
        exact_used: set[int] = set()
        for p in ps:
            hit = next(
                (i for i, g in enumerate(gs) if i not in exact_used and _exact(label, g, p)),
                None,
            )
            if hit is None:
                c.exact_fp += 1
            else:
                exact_used.add(hit)
                c.exact_tp += 1
        c.exact_fn = len(gs) - len(exact_used)
        out.by_label[label] = c
    out.errors.sort(key=lambda m: (m.start, m.kind))
    return out


def score_document(doc: GoldDoc, text: str, pred: Sequence[Suggestion]) -> DocScore:
    """Anchor `doc` on `text` and score `pred` (suggestions on the same text) against it."""
    placed = anchor(doc, text)
    score = score_spans(placed.spans, pred, doc.labels_complete, placed.range, lawsuit_id=doc.name)
    score.lost = len(placed.lost)
    score.moved = placed.moved
    return score


def summed(scores: Iterable[DocScore]) -> dict[str, Counts]:
    """Per-label counts summed over documents (micro-averaging)."""
    out: dict[str, Counts] = {}
    for s in scores:
        for label, c in s.by_label.items():
            out.setdefault(label, Counts()).add(c)
    return out

"""Inter-annotator agreement: span-level precision/recall/F1 per label, and Cohen's kappa
for document tags. Pure functions over plain tuples, so the CLI, the report window and the
tests compute the same figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

MatchMode = Literal["exact", "overlap"]
SpanKey = tuple[str, int, int]  # (label, start, end)


@dataclass(frozen=True)
class PRF:
    """Counts from annotator A's view: B is the reference. Symmetric in F1."""

    tp: int
    fp: int  # spans of A that B lacks
    fn: int  # spans of B that A lacks

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(a: SpanKey, b: SpanKey) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _match_count(a: Sequence[SpanKey], b: Sequence[SpanKey], mode: MatchMode) -> int:
    """Number of one-to-one matched pairs. Exact: same label and offsets. Overlap: same label
    and any shared character, each span used once (greedy by start, then by best overlap)."""
    if mode == "exact":
        return sum((Counter(a) & Counter(b)).values())
    used = [False] * len(b)
    order = sorted(range(len(b)), key=lambda j: (b[j][1], b[j][2]))
    n = 0
    for sa in sorted(a, key=lambda s: (s[1], s[2])):
        best, best_len = -1, 0
        for j in order:
            sb = b[j]
            if sb[1] >= sa[2]:
                break
            if not used[j] and _overlaps(sa, sb):
                shared = min(sa[2], sb[2]) - max(sa[1], sb[1])
                if shared > best_len:
                    best, best_len = j, shared
        if best >= 0:
            used[best] = True
            n += 1
    return n


def span_agreement(
    a: Iterable[SpanKey], b: Iterable[SpanKey], mode: MatchMode = "exact"
) -> dict[str, PRF]:
    """Per label (and "*" for all labels together) for one document."""
    sa, sb = list(a), list(b)
    labels = sorted({s[0] for s in sa} | {s[0] for s in sb})
    out: dict[str, PRF] = {}
    for label in labels:
        la = [s for s in sa if s[0] == label]
        lb = [s for s in sb if s[0] == label]
        tp = _match_count(la, lb, mode)
        out[label] = PRF(tp, len(la) - tp, len(lb) - tp)
    out["*"] = add(*out.values()) if out else PRF(0, 0, 0)
    return out


def add(*items: PRF) -> PRF:
    return PRF(sum(p.tp for p in items), sum(p.fp for p in items), sum(p.fn for p in items))


def corpus_agreement(
    docs: Iterable[tuple[Sequence[SpanKey], Sequence[SpanKey]]], mode: MatchMode = "exact"
) -> dict[str, PRF]:
    """Summed over documents (micro average)."""
    total: dict[str, list[PRF]] = {}
    for a, b in docs:
        for label, prf in span_agreement(a, b, mode).items():
            total.setdefault(label, []).append(prf)
    return {label: add(*prfs) for label, prfs in total.items()}


def cohen_kappa(pairs: Iterable[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' categorical answers on the same items; None with no items.
    Perfect agreement on a single category (expected agreement 1) counts as 1.0."""
    items = list(pairs)
    n = len(items)
    if n == 0:
        return None
    observed = sum(1 for x, y in items if x == y) / n
    ca = Counter(x for x, _ in items)
    cb = Counter(y for _, y in items)
    expected = sum(ca[k] * cb[k] for k in ca.keys() | cb.keys()) / (n * n)
    if expected == 1.0:
        return 1.0
    return (observed - expected) / (1 - expected)

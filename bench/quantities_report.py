"""Eyeball the MONEY / RATE / PERIOD / DATE extractors on the dev corpus.

Per file: counts per label, a sample of (span text, value), and every 円 not covered by a
MONEY span (recall misses or words such as 円滑). Also the total extraction time.

    .venv/bin/python bench/quantities_report.py [--corpus DIR] [--sample N] [--label L] [FILE_ID...]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.extract.base import Suggestion
from core.extract.dates import extract_dates
from core.extract.money import extract_money
from core.extract.periods import extract_periods
from core.text.pipeline import normalize

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
LABELS = ("MONEY", "RATE", "PERIOD", "DATE")


def run_all(text: str) -> list[Suggestion]:
    return [*extract_money(text), *extract_periods(text), *extract_dates(text)]


def _ctx(text: str, start: int, end: int, width: int = 12) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return f"{left}[{text[start:end]}]{right}".replace("\n", "⏎")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ids", nargs="*", help="dev file ids (default: all)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sample", type=int, default=8, help="spans shown per label and file")
    ap.add_argument("--label", choices=LABELS, help="show only this label's samples")
    ap.add_argument("--raw", action="store_true", help="do not width-fold the text")
    args = ap.parse_args()
    dev = args.corpus.resolve() / "dev"
    if not dev.is_dir():
        print(f"no corpus at {dev}", file=sys.stderr)
        return 1
    files = sorted(dev.glob("*.json"))
    if args.ids:
        files = [f for f in files if f.stem in set(args.ids)]
    texts = []
    for f in files:
        raw = json.loads(f.read_text(encoding="utf-8"))["contents"]
        texts.append((f.stem, raw if args.raw else normalize(raw).text))
    t0 = time.perf_counter()
    results = [run_all(t) for _, t in texts]
    elapsed = time.perf_counter() - t0
    totals: Counter[str] = Counter()
    misses_total = 0
    for (name, text), spans in zip(texts, results, strict=True):
        counts = Counter(s.label for s in spans)
        totals.update(counts)
        print(f"=== {name} ({len(text)} chars) " + " ".join(f"{k}={counts[k]}" for k in LABELS))
        for label in LABELS:
            if args.label and label != args.label:
                continue
            sample = [s for s in spans if s.label == label][: args.sample]
            for s in sample:
                print(f"  {label:6} {_ctx(text, s.start, s.end)}  ->  {s.value}")
        covered = {i for s in spans if s.label == "MONEY" for i in range(s.start, s.end)}
        misses = [i for i, ch in enumerate(text) if ch == "円" and i not in covered]
        misses_total += len(misses)
        for i in misses:
            print(f"  円-miss {_ctx(text, i, i + 1, 16)}")
    chars = sum(len(t) for _, t in texts)
    print(f"\n{len(texts)} files, {chars} chars, {dict(totals)}, 円 not in MONEY: {misses_total}")
    print(f"extraction time: {elapsed * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Shared by the benchmarks: timing, peak memory, generated judgment text, and the one
machine-readable line each script prints last (`BENCH_JSON {...}`) for bench/run_all.py."""

from __future__ import annotations

import json
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "resources" / "sample" / "sample_judgment.txt"


def best_of(fn: Callable[[], Any], repeat: int = 3) -> float:
    """Best wall time of `repeat` runs: the least disturbed by a shared, noisy machine."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def judgment_text(chars: int, seed: int = 1) -> str:
    """Judgment-like text of about `chars` characters: the fictional sample's paragraphs,
    shuffled and numbered so that no two documents are the same."""
    rnd = random.Random(seed)
    paras = [p for p in SAMPLE.read_text(encoding="utf-8").splitlines() if p.strip()]
    out: list[str] = []
    n = 0
    k = 0
    while n < chars:
        p = rnd.choice(paras)
        if k % 97 == 0:
            p = p + f"（整理番号{seed}-{k}、𠮷田）"
        out.append(p)
        n += len(p) + 1
        k += 1
    return "\n".join(out)[:chars]


def emit(figures: dict[str, Any]) -> None:
    print("BENCH_JSON " + json.dumps(figures, ensure_ascii=False), flush=True)

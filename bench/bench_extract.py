"""Throughput of the full `extract()` over the dev corpus' normalised text.

The dev documents (normalised once, outside the timing) are concatenated and cut to about
100k, 500k and 1M characters, so that growth with size shows; each size is timed for the
full extraction and for a baseline pass of one trivial regex (`\\d+`) over the same text in
the same run, and the ratio is printed. `--profile` runs cProfile over the largest size and
prints the slowest families and functions.

    .venv/bin/python bench/bench_extract.py [--corpus DIR] [--sizes 100000,500000,1000000]
                                            [--repeat N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.extract import extract, registered
from core.text.pipeline import normalize

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
TARGET_MB_S = 2.0


def corpus_text(corpus: Path, size: int) -> str:
    """Dev documents, normalised, joined by blank lines and repeated until `size` chars."""
    docs = [
        normalize(json.loads(p.read_text(encoding="utf-8"))["contents"]).text
        for p in sorted((corpus / "dev").glob("*.json"))
    ]
    joined = "\n\n".join(docs)
    out = joined
    while len(out) < size:
        out += "\n\n" + joined
    return out[:size]


def best_of(fn: object, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def per_family(text: str) -> list[tuple[str, float, int]]:
    rows = []
    for ex in registered():
        t0 = time.perf_counter()
        n = sum(1 for _ in ex.fn(text))
        rows.append((ex.name, time.perf_counter() - t0, n))
    return sorted(rows, key=lambda r: -r[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", default="100000,500000,1000000")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--profile", action="store_true", help="cProfile the largest size")
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    if not (corpus / "dev").is_dir():
        print(f"no corpus at {corpus}/dev", file=sys.stderr)
        return 1
    sizes = [int(s) for s in args.sizes.split(",")]
    extract("warm-up 1円")  # load the families outside the timing
    print(
        f"{'chars':>9}{'MB':>7}{'spans':>8}{'extract s':>11}{'MB/s':>8}{'kchar/s':>9}"
        f"{'regex s':>9}{'ratio':>8}"
    )
    figures: dict[str, float] = {}
    for size in sizes:
        text = corpus_text(corpus, size)
        mb = len(text.encode("utf-8")) / 1e6
        n_spans = len(extract(text))
        t_ex = best_of(lambda: extract(text), args.repeat)  # noqa: B023
        t_re = best_of(lambda: sum(1 for _ in re.finditer(r"\d+", text)), args.repeat)  # noqa: B023
        print(
            f"{len(text):>9}{mb:>7.2f}{n_spans:>8}{t_ex:>11.2f}{mb / t_ex:>8.2f}"
            f"{len(text) / t_ex / 1e3:>9.0f}{t_re:>9.4f}{t_ex / t_re:>8.0f}x"
        )
        tag = f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}m"
        figures[f"extract_mb_s_{tag}"] = round(mb / t_ex, 2)
        figures[f"extract_vs_regex_ratio_{tag}"] = round(t_ex / t_re, 1)
    text = corpus_text(corpus, sizes[-1])
    print(f"\nper family at {len(text)} chars (seconds, spans):")
    for name, secs, n in per_family(text):
        print(f"  {name:<16}{secs:>7.2f}{n:>8}")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        extract(text)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue())
    print(f"target: {TARGET_MB_S} MB/s")
    last = sizes[-1]
    tag = f"{last // 1000}k" if last < 1_000_000 else f"{last // 1_000_000}m"
    figures["extract_mb_s"] = figures[f"extract_mb_s_{tag}"]
    figures["extract_vs_regex_ratio"] = figures[f"extract_vs_regex_ratio_{tag}"]
    print("BENCH_JSON " + json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`make bench`: run every benchmark, print a table of the figures, then one JSON line.

Each script prints its own table and, last, `BENCH_JSON {...}`; this collects those lines.
Timings on a shared machine are noisy: each script compares against a baseline measured in
the same run, and the ratios are the figures to watch.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

SCRIPTS: list[tuple[str, list[str]]] = [
    ("bench_extract.py", []),
    ("bench_import.py", []),
    ("bench_export.py", []),
    ("bench_viewer.py", []),
]


def flatten(script: str, data: dict[str, Any]) -> dict[str, Any]:
    if script == "bench_export.py" and "export" in data:
        ex, base = data["export"], data["baseline"]
        return {
            "export_1m_spans_s": round(ex["seconds"], 1),
            "export_vs_sqlite_json_ratio": round(ex["seconds"] / base["seconds"], 2),
            "export_peak_rss_mb": round(ex["peak_rss_mb"]),
        }
    return {k: v for k, v in data.items() if k != "bench"}


def main() -> int:
    figures: dict[str, Any] = {}
    failed = []
    for script, args in SCRIPTS:
        print(f"\n=== {script} ===", flush=True)
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(HERE / script), *args], cwd=HERE,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        found = None
        for line in proc.stdout:
            if line.startswith("BENCH_JSON "):
                found = json.loads(line[len("BENCH_JSON "):])
            else:
                print(line, end="", flush=True)
        rc = proc.wait()
        print(f"({script}: {time.perf_counter() - t0:.0f} s)")
        if rc != 0 or found is None:
            failed.append(script)
            continue
        figures.update(flatten(script, found))
    print("\n=== figures ===")
    for k, v in figures.items():
        print(f"{k:<34} {v}")
    if failed:
        print(f"failed or printed no figures: {', '.join(failed)}", file=sys.stderr)
    print(json.dumps(figures, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

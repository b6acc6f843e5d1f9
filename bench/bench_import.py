"""Import speed and memory.

    .venv/bin/python bench/bench_import.py [--docs 1000]

1. `import_1000_s`: 1000 judgment files (about 5k characters each) imported through the real
   service (decode, normalise, auto-highlight, one transaction per file) into a new SQLite
   file, against a baseline of raw sqlite3 inserts of the same texts and span rows.
2. Size growth: one document of 100k, 500k and 1M characters, each imported in a fresh
   process, with its time and peak RSS (`peak_rss_mb_1m_doc`).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, emit, judgment_text

CHILD = """
import sys, time, json
sys.path.insert(0, {root!r})
from bench.common import peak_rss_mb
from core.store.migrate import open_store
from core.importer import import_file
store = open_store("sqlite:///" + sys.argv[1])
t0 = time.perf_counter()
r = import_file(store, __import__("pathlib").Path(sys.argv[2]))
dt = time.perf_counter() - t0
assert r.status == "imported", r.reason
print(json.dumps({{"s": dt, "rss": peak_rss_mb(), "spans": r.suggestions}}))
"""


def import_many(n: int, tmp: Path) -> dict[str, float]:
    from core.importer import import_paths
    from core.store.migrate import open_store

    folder = tmp / "docs"
    folder.mkdir()
    texts = []
    for i in range(n):
        t = judgment_text(5000, seed=i)
        texts.append(t)
        (folder / f"{i:05d}.txt").write_text(t, encoding="utf-8")
    store = open_store(f"sqlite:///{tmp / 'a.db'}")
    t0 = time.perf_counter()
    results = list(import_paths(store, [folder]))
    ours = time.perf_counter() - t0
    assert all(r.status == "imported" for r in results)
    n_spans = sum(r.suggestions for r in results)
    store.dispose()

    con = sqlite3.connect(tmp / "raw.db")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE d (id INTEGER PRIMARY KEY, raw TEXT, text TEXT)")
    con.execute("CREATE TABLE s (id INTEGER PRIMARY KEY, d INT, a INT, b INT, v TEXT)")
    per_doc = n_spans // max(1, n)
    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        with con:
            con.execute("INSERT INTO d VALUES (?, ?, ?)", (i, t, t))
            con.executemany("INSERT INTO s (d, a, b, v) VALUES (?, ?, ?, ?)",
                            [(i, k, k + 3, '{"yen": 1}') for k in range(per_doc)])
    raw = time.perf_counter() - t0
    con.close()
    return {"docs": n, "spans": n_spans, "ours_s": ours, "raw_sqlite_s": raw}


def one_doc(chars: int, tmp: Path) -> dict[str, float]:
    p = tmp / f"doc{chars}.txt"
    p.write_text(judgment_text(chars, seed=chars), encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)),
                          str(tmp / f"one{chars}.db"), str(p)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        many = import_many(args.docs, tmp)
        print(f"import {many['docs']} docs ({many['spans']} suggestions): "
              f"{many['ours_s']:.1f} s; raw sqlite3 inserts of the same rows: "
              f"{many['raw_sqlite_s']:.2f} s; ratio {many['ours_s'] / many['raw_sqlite_s']:.0f}x")
        sizes = {}
        print(f"{'chars':>10} {'import s':>9} {'peak RSS MB':>12} {'suggestions':>12}")
        for chars in (100_000, 500_000, 1_000_000):
            r = one_doc(chars, tmp)
            sizes[chars] = r
            print(f"{chars:>10,} {r['s']:>9.2f} {r['rss']:>12.0f} {r['spans']:>12}")
    emit({
        f"import_{args.docs}_s": round(many["ours_s"], 1),
        "import_vs_raw_sqlite_ratio": round(many["ours_s"] / many["raw_sqlite_s"], 1),
        "import_100k_doc_s": round(sizes[100_000]["s"], 2),
        "import_1m_doc_s": round(sizes[1_000_000]["s"], 2),
        "peak_rss_mb_1m_doc": round(sizes[1_000_000]["rss"]),
    })


if __name__ == "__main__":
    main()

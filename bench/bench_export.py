"""Export speed: 10,000 documents with 1,000,000 spans to native JSONL (target: < 20 s,
memory flat). Builds the database with bulk core inserts into a temporary SQLite file,
then runs, each in its own child process so each peak RSS is its own:
  export    core.dataset.jsonl.export_jsonl (what `main.py export --format jsonl` runs)
  baseline  the raw sqlite3 queries + json.dumps over the same rows, written the same way
Usage: python bench/bench_export.py [--docs N] [--spans-per-doc K] [--keep DIR]
The last line is `BENCH_JSON {...}` for bench/run_all.py.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PIECES = [
    "原告は，被告に対し，金{n}万円及びこれに対する令和{y}年{m}月{d}日から支払済みまで年3パーセントの割合による金員を支払え。",
    "第{n}　当裁判所の判断\n",
    "証拠（甲{n}）及び弁論の全趣旨によれば，𠮷田花子が{y}年間勤務したことが認められる。",
    "被告株式会社乙川商事は，平成{y}年{m}月{d}日，本件契約を締結した😀。\n",
]
LABELS = ["MONEY", "DATE", "PERSON", "ORG", "EVIDENCE", "SECTION", "LAW", "PERIOD"]


def peak_rss_mb() -> float:
    """VmHWM: this process's own peak (ru_maxrss keeps the parent's across fork + exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_text(rng: random.Random) -> str:
    target = rng.randint(2000, 5000)
    parts: list[str] = []
    size = 0
    while size < target:
        p = rng.choice(PIECES).format(
            n=rng.randint(1, 999), y=rng.randint(1, 30), m=rng.randint(1, 12), d=rng.randint(1, 28)
        )
        parts.append(p)
        size += len(p)
    return "".join(parts)


def build(db: Path, n_docs: int, per_doc: int, seed: int = 1) -> float:
    from sqlalchemy import insert, select

    from core.repo import ensure_annotator, ensure_project
    from core.store.migrate import open_store
    from core.store.models import Document, Label, Span

    t0 = time.perf_counter()
    store = open_store(f"sqlite:///{db}")
    with store.write() as s:
        pid = ensure_project(s).id
        who = ensure_annotator(s, "yamada")
        ann_id = who.id if who else None
        label_ids = list(s.scalars(select(Label.id).where(Label.project_id == pid)))
    rng = random.Random(seed)
    with store.engine.begin() as conn:
        for start in range(0, n_docs, 500):
            docs, spans = [], []
            for i in range(start, min(n_docs, start + 500)):
                text = make_text(rng)
                n = len(text)
                docs.append(
                    {
                        "id": i + 1,
                        "project_id": pid,
                        "title": f"bench {i + 1}",
                        "source_kind": "txt",
                        "sha256": f"{i:064x}",
                        "meta": {"case_number": f"令和5年(ワ)第{i + 1}号"},
                        "raw_text": text,
                        "text": text,
                        "offset_map": json.dumps({"v": 1, "raw_len": n, "runs": [[n, 0, n]]}),
                        "status": "done",
                    }
                )
                for _ in range(per_doc):
                    a = rng.randrange(0, n - 20)
                    spans.append(
                        {
                            "document_id": i + 1,
                            "label_id": rng.choice(label_ids),
                            "start": a,
                            "end": a + rng.randint(1, 20),
                            "value": rng.choice(
                                [None, rng.randint(1, 10**8), {"date": "2024-03-15"}]
                            ),
                            "source": "auto",
                            "status": "accepted" if rng.random() < 0.9 else "suggested",
                            "annotator_id": ann_id,
                            "note": None,
                        }
                    )
            conn.execute(insert(Document), docs)
            conn.execute(insert(Span), spans)
    store.dispose()
    return time.perf_counter() - t0


def run_export(db: Path, out: Path) -> dict[str, float]:
    from core.dataset.common import ExportOptions
    from core.dataset.jsonl import export_jsonl
    from core.store.migrate import open_store

    store = open_store(f"sqlite:///{db}")
    t0 = time.perf_counter()
    n_docs, n_spans = export_jsonl(store, out, ExportOptions(spans="all"))
    dt = time.perf_counter() - t0
    return {"seconds": dt, "documents": n_docs, "spans": n_spans, "peak_rss_mb": peak_rss_mb()}


def run_baseline(db: Path, out: Path) -> dict[str, float]:
    """The least any exporter must do: two streaming queries, one json.dumps per document."""
    t0 = time.perf_counter()
    con = sqlite3.connect(db)
    docs = con.execute("SELECT id, title, metadata, status, text FROM document ORDER BY id")
    spans = con.execute(
        'SELECT s.document_id, s.start, s."end", l.key, s.value, s.source, s.status, a.name, '
        "s.note FROM span s JOIN label l ON l.id = s.label_id "
        "LEFT JOIN annotator a ON a.id = s.annotator_id "
        'ORDER BY s.document_id, s.start, s."end", l.key, s.status, s.id'
    )
    pending = spans.fetchone()
    n_docs = n_spans = 0
    with open(out, "w", encoding="utf-8") as f:
        for doc_id, title, meta, status, text in docs:
            out_spans = []
            while pending is not None and pending[0] == doc_id:
                _, a, b, key, value, source, st, who, note = pending
                out_spans.append(
                    {
                        "start": a,
                        "end": b,
                        "label": key,
                        "text": text[a:b],
                        "value": json.loads(value) if isinstance(value, str) else value,
                        "source": source,
                        "status": st,
                        "annotator": who,
                        "note": note,
                    }
                )
                pending = spans.fetchone()
            rec = {
                "id": doc_id,
                "title": title,
                "metadata": json.loads(meta),
                "status": status,
                "text": text,
                "spans": out_spans,
            }
            f.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")
            n_docs += 1
            n_spans += len(out_spans)
    dt = time.perf_counter() - t0
    return {"seconds": dt, "documents": n_docs, "spans": n_spans, "peak_rss_mb": peak_rss_mb()}


def child(mode: str, db: Path, out: Path) -> dict[str, float]:
    r = subprocess.run(
        [sys.executable, __file__, f"--{mode}", str(db), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(r.stdout.strip().splitlines()[-1]))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--spans-per-doc", type=int, default=100)
    ap.add_argument("--keep", type=Path, default=None, help="build the database here, keep it")
    ap.add_argument("--export", nargs=2, type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--baseline", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.export:
        print(json.dumps(run_export(*args.export)))
        return 0
    if args.baseline:
        print(json.dumps(run_baseline(*args.baseline)))
        return 0
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_export."))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "bench.db"
    try:
        if not db.exists():
            t = build(db, args.docs, args.spans_per_doc)
            print(
                f"built {args.docs} documents, {args.docs * args.spans_per_doc} spans in {t:.1f} s"
            )
        ex = child("export", db, work / "export.jsonl")
        base = child("baseline", db, work / "baseline.jsonl")
        size = (work / "export.jsonl").stat().st_size / 2**20
        print(
            f"export   {ex['seconds']:6.1f} s  peak RSS {ex['peak_rss_mb']:6.0f} MB  "
            f"({ex['documents']:.0f} documents, {ex['spans']:.0f} spans, {size:.0f} MB written)"
        )
        print(
            f"baseline {base['seconds']:6.1f} s  peak RSS {base['peak_rss_mb']:6.0f} MB  (sqlite3 + json.dumps)"
        )
        print(
            f"export / baseline: {ex['seconds'] / base['seconds']:.2f}x; target < 20 s: "
            f"{'met' if ex['seconds'] < 20 else 'MISSED'}"
        )
        print("BENCH_JSON " + json.dumps({"bench": "export", "export": ex, "baseline": base}))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

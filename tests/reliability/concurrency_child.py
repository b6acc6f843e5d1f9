"""Child process of test_concurrency: one annotator working on a shared SQLite file.

Usage: python concurrency_child.py MODE DB_URL START_AT [args...]

  own DOC_ID NAME N        add N spans of its own, then update each twice; prints
                           `FINAL <json state>` per span at the end
  counter SPAN_ID K        K read-modify-write increments of value["n"] on one shared span,
                           retrying on ConflictError; prints `CONFLICTS <n>`
  open                     open (and create/upgrade) the database, list the labels

Every child waits until the wall-clock time START_AT, so they really run at once. Any
exception ends it with a traceback on stderr and a non-zero exit status.
"""

from __future__ import annotations

import json
import sys
import time

from core.errors import ConflictError
from core.services import add_span, list_labels, list_spans, update_span
from core.store.migrate import open_store


def main() -> None:
    mode, url, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
    args = sys.argv[4:]
    while time.time() < start_at:
        time.sleep(0.001)
    store = open_store(url)
    if mode == "open":
        print("LABELS", len(list_labels(store)))
    elif mode == "own":
        doc_id, name, n = int(args[0]), args[1], int(args[2])
        mine = [
            add_span(store, doc_id, "MONEY", i, i + 3, annotator=name, note=f"{name}-{i}")
            for i in range(n)
        ]
        for round_no in range(2):
            mine = [
                update_span(
                    store, sp.id, expected_version=sp.version, annotator=name,
                    note=f"{name}-{sp.start}-r{round_no}", end=sp.end + 1,
                ).after
                for sp in mine
            ]
        for sp in mine:
            print("FINAL", json.dumps([sp.id, sp.start, sp.end, sp.note, sp.version]))
    elif mode == "counter":
        span_id, k = int(args[0]), int(args[1])
        doc_id = int(args[2])
        conflicts = 0
        done = 0
        while done < k:
            sp = next(s for s in list_spans(store, doc_id) if s.id == span_id)
            n = (sp.value or {}).get("n", 0)
            try:
                update_span(store, span_id, expected_version=sp.version, value={"n": n + 1})
            except ConflictError:
                conflicts += 1
                continue
            done += 1
        print("CONFLICTS", conflicts)
    else:
        raise SystemExit(f"unknown mode {mode}")
    store.dispose()


if __name__ == "__main__":
    main()

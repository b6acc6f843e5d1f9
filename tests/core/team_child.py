"""Child process of test_team_processes: one annotator's program on a shared database.

Usage: python team_child.py DB_URL DOC_ID NAME SHARED_SPAN_ID FIELD BARRIER_DIR N

It reads the shared span (remembering its version), adds N spans of its own, says it is
ready (a file in BARRIER_DIR) and waits for the other program's file; only then it edits
the shared span with the version it read, so one of the two edits is stale. On
ConflictError it prints the message, reloads the span and applies its change again, as the
window does. FIELD is "note" or "value": the two programs change different fields, so both
changes must be in the final span. Prints `MINE <json ids>` and `EDIT ok|conflict <msg>`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from core.errors import ConflictError
from core.services import add_span, list_spans, update_span
from core.store.migrate import open_store


def main() -> None:
    url, doc_id, name, span_id, fld, barrier, n = sys.argv[1:8]
    store = open_store(url)
    doc, sid = int(doc_id), int(span_id)
    seen = next(sp for sp in list_spans(store, doc) if sp.id == sid)
    offset = 0 if fld == "note" else 40
    mine = [
        add_span(store, doc, "DATE", offset + i, offset + i + 2, annotator=name).id
        for i in range(int(n))
    ]
    print("MINE", json.dumps(mine), flush=True)
    folder = Path(barrier)
    (folder / name).write_text("ready", encoding="utf-8")
    deadline = time.monotonic() + 60
    while len(list(folder.iterdir())) < 2:
        if time.monotonic() > deadline:
            raise SystemExit("the other program never got ready")
        time.sleep(0.01)
    change = {"note": f"note by {name}"} if fld == "note" else {"value": {"by": name}}
    try:
        update_span(store, sid, expected_version=seen.version, annotator=name, **change)
        print("EDIT ok", flush=True)
    except ConflictError as e:
        print("EDIT conflict", str(e).replace("\n", " "), flush=True)
        fresh = next(sp for sp in list_spans(store, doc) if sp.id == sid)
        update_span(store, sid, expected_version=fresh.version, annotator=name, **change)
    store.dispose()


if __name__ == "__main__":
    main()

"""Child process of test_crash: annotates through the services until it is killed.

Usage: python crash_child.py DB_URL DOC_ID SEED FIRST_ACTION_ID

Before each service call it prints `BEGIN <action id> <op as JSON>`; after the call has
returned (so after its commit) it prints `DONE <action id> <span id> <result as JSON>`.
The parent kills it with SIGKILL at a random moment and checks the database against
these lines.
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

from core.model import SpanData
from core.services import add_span, delete_span, list_spans, set_span_statuses, update_span
from core.store.migrate import open_store

LABELS = ("MONEY", "DATE", "PERSON", "PARTY")
WHO = "crash-child"


def state(sp: SpanData) -> dict[str, Any]:
    return {
        "id": sp.id,
        "label": sp.label,
        "start": sp.start,
        "end": sp.end,
        "status": sp.status,
        "note": sp.note,
        "version": sp.version,
    }


def say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def main() -> None:
    url, doc_id, seed, aid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    store = open_store(url)
    spans = {sp.id: sp for sp in list_spans(store, doc_id)}
    length = 120  # the parent's document is longer than this
    say("READY")
    while True:
        aid += 1
        note = f"a{aid}"
        kinds = ["add"] * 3 + (["update", "accept", "bulk", "delete"] if spans else [])
        kind = rng.choice(kinds)
        start = rng.randrange(0, length - 10)
        end = start + rng.randint(1, 10)
        label = rng.choice(LABELS)
        if kind == "add":
            status = rng.choice(["suggested", "accepted"])
            op = {"op": kind, "label": label, "start": start, "end": end, "note": note,
                  "status": status}
            say("BEGIN", aid, json.dumps(op))
            sp = add_span(store, doc_id, label, start, end, annotator=WHO, note=note,
                          status=status)
            spans[sp.id] = sp
            say("DONE", aid, sp.id, json.dumps([state(sp)]))
        elif kind == "update":
            sp = spans[rng.choice(sorted(spans))]
            op = {"op": kind, "id": sp.id, "version": sp.version, "label": label,
                  "start": start, "end": end, "note": note}
            say("BEGIN", aid, json.dumps(op))
            ch = update_span(store, sp.id, expected_version=sp.version, annotator=WHO,
                             label=label, start=start, end=end, note=note)
            spans[sp.id] = ch.after
            say("DONE", aid, sp.id, json.dumps([state(ch.after)]))
        elif kind == "accept":
            pending = [i for i, s in spans.items() if s.status != "accepted"]
            if not pending:
                continue
            sp = spans[rng.choice(sorted(pending))]
            op = {"op": kind, "id": sp.id, "version": sp.version}
            say("BEGIN", aid, json.dumps(op))
            ch = update_span(store, sp.id, expected_version=sp.version, annotator=WHO,
                             status="accepted")
            spans[sp.id] = ch.after
            say("DONE", aid, sp.id, json.dumps([state(ch.after)]))
        elif kind == "bulk":
            target = rng.choice(["accepted", "rejected"])
            ids = sorted(i for i, s in spans.items() if s.status != target)[:3]
            if not ids:
                continue
            pairs = [[i, spans[i].version] for i in ids]
            op = {"op": kind, "pairs": pairs, "status": target}
            say("BEGIN", aid, json.dumps(op))
            changes = set_span_statuses(store, [(i, v) for i, v in pairs], target,
                                        annotator=WHO)
            for c in changes:
                spans[c.after.id] = c.after
            say("DONE", aid, ids[0], json.dumps([state(c.after) for c in changes]))
        else:
            sp = spans[rng.choice(sorted(spans))]
            op = {"op": kind, "id": sp.id, "version": sp.version}
            say("BEGIN", aid, json.dumps(op))
            delete_span(store, sp.id, expected_version=sp.version, annotator=WHO)
            del spans[sp.id]
            say("DONE", aid, sp.id, "[]")


if __name__ == "__main__":
    main()

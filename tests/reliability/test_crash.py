"""Crash safety: a child process annotating through the services is killed with SIGKILL at
random moments; after every kill the database must hold every action the child reported
done, in the state it reported, at most the one action in flight besides (whole or not at
all), an event for exactly those actions, and pass SQLite's own checks.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from core.importer import import_file
from core.store.migrate import open_store
from tests.reliability.dbcheck import check_sound

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_child.py")
ROUNDS = 30
SEED = 20261130

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL"),
]

State = tuple[str, int, int, str, str | None, int]  # label, start, end, status, note, version


def _key(d: dict[str, Any]) -> State:
    return (d["label"], d["start"], d["end"], d["status"], d["note"], d["version"])


class Model:
    """What the database must hold, from the child's DONE lines."""

    def __init__(self) -> None:
        self.spans: dict[int, State] = {}
        self.events: list[tuple[str, int | None]] = []

    def apply_done(self, op: dict[str, Any], span_id: int, result: list[dict[str, Any]]) -> None:
        if op["op"] == "delete":
            del self.spans[span_id]
        for d in result:
            self.spans[d["id"]] = _key(d)
        self.events.append(_event(op, span_id))

    def after(self, op: dict[str, Any], db: dict[int, State]) -> tuple[dict[int, State], int | None]:
        """The spans if the in-flight op committed, and the span id it touched."""
        spans = dict(self.spans)
        kind = op["op"]
        if kind == "add":
            new = set(db) - set(spans)
            if len(new) != 1:
                return {}, None  # cannot be the committed add
            (sid,) = new
            spans[sid] = (op["label"], op["start"], op["end"], op["status"], op["note"], 1)
            return spans, sid
        if kind == "delete":
            spans.pop(op["id"])
            return spans, op["id"]
        if kind == "bulk":
            for sid, v in op["pairs"]:
                label, s, e, _st, note, _v = spans[sid]
                spans[sid] = (label, s, e, op["status"], note, v + 1)
            return spans, op["pairs"][0][0]
        label, s, e, st, note, v = spans[op["id"]]
        if kind == "update":
            spans[op["id"]] = (op["label"], op["start"], op["end"], st, op["note"], v + 1)
        else:  # accept
            spans[op["id"]] = (label, s, e, "accepted", note, v + 1)
        return spans, op["id"]


def _event(op: dict[str, Any], span_id: int | None) -> tuple[str, int | None]:
    kind = op["op"]
    action = {"add": "span.add", "update": "span.update", "accept": "span.update",
              "bulk": "span.bulk_status", "delete": "span.delete"}[kind]
    return action, None if kind == "bulk" else span_id


def _db_state(path: Path, doc_id: int) -> tuple[dict[int, State], list[tuple[str, int | None]]]:
    con = sqlite3.connect(path, timeout=15)
    try:
        spans = {
            sid: (label, s, e, st, note, v)
            for sid, label, s, e, st, note, v in con.execute(
                'SELECT span.id, label.key, span.start, span."end", span.status, span.note, '
                "span.version FROM span JOIN label ON label.id = span.label_id "
                "WHERE span.document_id = ?",
                (doc_id,),
            )
        }
        events = [
            (a, sid)
            for a, sid in con.execute(
                "SELECT action, span_id FROM event WHERE action LIKE 'span.%' ORDER BY id"
            )
        ]
    finally:
        con.close()
    return spans, events


def _run_round(url: str, doc_id: int, seed: int, first_aid: int, rng: random.Random) -> list[str]:
    """Start the child, kill it at a random moment, return its stdout lines."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), url, str(doc_id), str(seed), str(first_aid)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        text=True,
    )
    lines: list[str] = []
    ready = threading.Event()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("READY"):
                ready.set()

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    if rng.random() < 0.15:
        time.sleep(rng.uniform(0.0, 0.6))  # now and then during start-up and open_store
    else:
        ready.wait(30)
        time.sleep(rng.uniform(0.0, 0.25))
    alive = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    reader.join(30)
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stderr.close()
    assert alive, f"the child ended before it was killed:\n{err}"
    assert "Traceback" not in err, err
    return lines


def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    from tests.conftest import SAMPLE

    db = tmp_path / "crash.db"
    url = f"sqlite:///{db}"
    src = tmp_path / "judgment.txt"
    src.write_text(SAMPLE * 2, encoding="utf-8")
    store = open_store(url)
    r = import_file(store, src, suggest=False)
    store.dispose()
    assert r.document_id is not None
    doc_id = r.document_id

    rng = random.Random(SEED)
    model = Model()
    aid = 0
    done_total = in_flight_committed = in_flight_lost = 0
    for round_no in range(ROUNDS):
        lines = _run_round(url, doc_id, rng.randrange(1 << 30), aid, rng)
        in_flight: dict[str, Any] | None = None
        for line in lines:
            word, _, rest = line.partition(" ")
            if word == "BEGIN":
                a, op_json = rest.split(" ", 1)
                aid = int(a)
                in_flight = json.loads(op_json)
            elif word == "DONE":
                a, sid, result = rest.split(" ", 2)
                assert in_flight is not None and int(a) == aid
                model.apply_done(in_flight, int(sid), json.loads(result))
                in_flight = None
                done_total += 1

        # Reopen the way the program does (recovers the WAL), then look at the file.
        open_store(url).dispose()
        check_sound(db)
        spans, events = _db_state(db, doc_id)
        if in_flight is not None and spans != model.spans:
            committed, sid = model.after(in_flight, spans)
            assert spans == committed, (
                f"round {round_no}: the database matches neither the reported actions nor "
                f"them plus the action in flight {in_flight}"
            )
            model.spans = committed
            model.events.append(_event(in_flight, sid))
            in_flight_committed += 1
        elif in_flight is not None:
            in_flight_lost += 1
        assert spans == model.spans, f"round {round_no}: a reported action is missing or changed"
        assert events == model.events, (
            f"round {round_no}: the event log does not hold exactly one event per "
            f"completed action (last expected {model.events[-3:]}, found {events[-3:]})"
        )

    # The test did exercise something: actions completed and kills landed mid-way.
    assert done_total > ROUNDS
    assert in_flight_committed + in_flight_lost > ROUNDS // 2
    print(f"{done_total} actions done, in flight at the kill: {in_flight_committed} committed, "
          f"{in_flight_lost} not")

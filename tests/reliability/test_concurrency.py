"""Two processes on one SQLite file: nothing corrupted, nothing lost, a stale write gets a
ConflictError, and nobody fails with "database is locked"."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.errors import ConflictError, HanreiError
from core.importer import import_file
from core.services import add_span, delete_span, list_spans, update_span
from core.store import db as store_db
from core.store.db import DatabaseBusyError, Store
from core.store.migrate import head_revision, open_store
from tests.reliability.dbcheck import check_sound, snapshot

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("concurrency_child.py")


def _spawn(mode: str, url: str, start_at: float, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), mode, url, str(start_at), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        text=True,
    )


def _finish(procs: list[subprocess.Popen[str]]) -> list[str]:
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert "database is locked" not in err
        assert p.returncode == 0, err
        outs.append(out)
    return outs


def _doc(store: Store, tmp_path: Path) -> int:
    from tests.conftest import SAMPLE

    p = tmp_path / "judgment.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    r = import_file(store, p, suggest=False)
    assert r.document_id is not None
    return r.document_id


def _start_at() -> float:
    return time.time() + 1.5  # both children have imported everything by then


@pytest.mark.slow
def test_two_processes_on_different_spans_lose_nothing(
    sqlite_store: Store, db_path: Path, tmp_path: Path
) -> None:
    store = sqlite_store
    doc_id = _doc(store, tmp_path)
    url = f"sqlite:///{db_path}"
    t = _start_at()
    outs = _finish([_spawn("own", url, t, doc_id, name, 40) for name in ("aoki", "baba")])
    reported = {}
    for out in outs:
        for line in out.splitlines():
            if line.startswith("FINAL "):
                sid, start, end, note, version = json.loads(line[6:])
                reported[sid] = (start, end, note, version)
    assert len(reported) == 80
    check_sound(db_path)
    stored = {sp.id: (sp.start, sp.end, sp.note, sp.version) for sp in list_spans(store, doc_id)}
    assert stored == reported
    assert all(v == 3 for *_, v in stored.values())


@pytest.mark.slow
def test_two_processes_on_the_same_span_lose_no_update(
    sqlite_store: Store, db_path: Path, tmp_path: Path
) -> None:
    """Read-modify-write of one counter from both sides: every increment counts once."""
    store = sqlite_store
    doc_id = _doc(store, tmp_path)
    sp = add_span(store, doc_id, "MONEY", 0, 3, value={"n": 0})
    url = f"sqlite:///{db_path}"
    k = 25
    t = _start_at()
    outs = _finish([_spawn("counter", url, t, sp.id, k, doc_id) for _ in range(2)])
    conflicts = sum(int(o.split()[-1]) for o in outs)
    (final,) = [s for s in list_spans(store, doc_id) if s.id == sp.id]
    assert final.value == {"n": 2 * k}, f"lost updates ({conflicts} conflicts were retried)"
    assert final.version == 1 + 2 * k
    check_sound(db_path)
    con = sqlite3.connect(db_path)
    try:
        n_events = con.execute(
            "SELECT count(*) FROM event WHERE action = 'span.update' AND span_id = ?", (sp.id,)
        ).fetchone()[0]
    finally:
        con.close()
    assert n_events == 2 * k


def test_stale_version_gets_a_clear_conflict_and_writes_nothing(
    store: Store, tmp_path: Path
) -> None:
    """On both backends: the second writer of a stale version is refused, nothing written."""
    doc_id = _doc(store, tmp_path)
    sp = add_span(store, doc_id, "MONEY", 0, 3)
    other = open_store(store.url)  # a second window on the same database
    try:
        update_span(other, sp.id, expected_version=sp.version, note="first")
        before = list_spans(store, doc_id)
        with pytest.raises(ConflictError, match=r"changed by someone else.*version 2.*had 1"):
            update_span(store, sp.id, expected_version=sp.version, note="second")
        with pytest.raises(ConflictError):
            delete_span(store, sp.id, expected_version=sp.version)
        assert list_spans(store, doc_id) == before
        assert before[0].note == "first" and before[0].version == 2
    finally:
        other.dispose()


@pytest.mark.slow
def test_processes_opening_a_new_file_at_once_all_succeed(tmp_path: Path) -> None:
    """Each one upgrades an empty file; before the migration took the write lock first, the
    losers failed with "database is locked" (read-then-write upgrade in WAL)."""
    db = tmp_path / "fresh.db"
    url = f"sqlite:///{db}"
    t = _start_at() + 1.0
    outs = _finish([_spawn("open", url, t) for _ in range(4)])
    assert all(o.startswith("LABELS ") for o in outs)
    counts = {int(o.split()[1]) for o in outs}
    assert len(counts) == 1 and counts.pop() > 5
    check_sound(db)
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (head_revision(),)
        ]
        assert con.execute("SELECT count(*) FROM project").fetchone() == (1,)
    finally:
        con.close()


def test_a_long_read_does_not_block_writers_or_checkpoints(
    sqlite_store: Store, db_path: Path, tmp_path: Path
) -> None:
    """A window holding a read snapshot (WAL) while another writes: no lock errors, the
    reader keeps its snapshot, the writes are all there afterwards."""
    store = sqlite_store
    doc_id = _doc(store, tmp_path)
    writer = open_store(f"sqlite:///{db_path}")
    try:
        with store.read() as s:
            from sqlalchemy import text

            n0 = s.execute(text("SELECT count(*) FROM span")).scalar()
            for i in range(60):
                add_span(writer, doc_id, "DATE", i, i + 2)
            with writer.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            assert s.execute(text("SELECT count(*) FROM span")).scalar() == n0
        assert len(list_spans(store, doc_id)) == (n0 or 0) + 60
    finally:
        writer.dispose()
    check_sound(db_path)


def test_a_lock_held_past_the_busy_timeout_is_a_clear_error(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 300)
    store = open_store(f"sqlite:///{db_path}")
    try:
        doc_id = _doc(store, tmp_path)
        blocker = sqlite3.connect(db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another program holding the write lock
        try:
            before = snapshot(db_path)
            with pytest.raises(DatabaseBusyError, match=r"busy.*nothing was written") as ei:
                add_span(store, doc_id, "MONEY", 0, 3)
            assert isinstance(ei.value, HanreiError)  # the CLI and the window report it
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert snapshot(db_path) == before
        assert add_span(store, doc_id, "MONEY", 0, 3).version == 1  # works once released
    finally:
        store.dispose()

"""Alembic at start-up: back up a SQLite file, then upgrade to head with foreign keys off.

With SQLite foreign keys on, a batch migration that rebuilds a parent table deletes every
child row through ON DELETE CASCADE; so the migration connection turns them off, and
`PRAGMA foreign_key_check` must come back empty before the upgrade commits.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from core.store.db import Store, sqlite_path

MIGRATIONS = Path(__file__).with_name("migrations")
_PG_MIGRATION_LOCK = 0x48414E52  # "HANR": the advisory lock key held while migrating


class MigrationError(RuntimeError):
    pass


def alembic_config(script_location: Path = MIGRATIONS) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return cfg


def head_revision(script_location: Path = MIGRATIONS) -> str | None:
    return ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """A consistent copy via SQLite's backup API (safe with WAL), owner-only."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}.bak-{revision or 'empty'}-{stamp}")
    n = 1
    while dest.exists():
        dest = path.with_name(f"{path.name}.bak-{revision or 'empty'}-{stamp}-{n}")
        n += 1
    fd = os.open(dest, os.O_CREAT | os.O_WRONLY | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    os.close(fd)
    src = sqlite3.connect(path)
    dst = sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return dest


def upgrade(store: Store, script_location: Path = MIGRATIONS) -> Path | None:
    """Bring the database to head. Returns the backup made, if any."""
    head = head_revision(script_location)
    current = current_revision(store.engine)
    if current == head:
        return None
    backup = None
    path = sqlite_path(store.url)
    if path is not None and path.exists() and path.stat().st_size > 0 and current is not None:
        backup = backup_sqlite(path, current)
    cfg = alembic_config(script_location)
    with store.engine.connect() as conn:
        if store.is_sqlite:
            _set_foreign_keys(conn, on=False)
            # Take the write lock before Alembic reads the current revision: two programs
            # opening a new or old file at once must queue (the second then finds head),
            # not both read "no tables" and fail with "database is locked" on the write.
            conn.execution_options(sqlite_begin="IMMEDIATE")
        try:
            # One transaction for the whole upgrade, begun here: Alembic then treats it as
            # external and commits nothing itself. Left to Alembic, SQLite (non-transactional
            # DDL to Alembic) gets a commit after every revision, which drops the write lock
            # between revisions — a second program then runs the same revision — and leaves
            # a half-upgraded file when a later revision fails.
            conn.begin()
            if not store.is_sqlite and conn.dialect.name == "postgresql":
                # Programs starting at once on a team database queue here; the next one
                # then reads the revision the first committed.
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            if store.is_sqlite:
                bad = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                if bad:
                    conn.rollback()
                    raise MigrationError(f"foreign key check failed after migration: {bad[:5]}")
            conn.commit()
        finally:
            if store.is_sqlite:
                conn.rollback()
                _set_foreign_keys(conn, on=True)
    return backup


def _set_foreign_keys(conn: Connection, *, on: bool) -> None:
    """The pragma is a no-op inside a transaction, so it goes to the driver connection
    before SQLAlchemy begins one; then we check that it took."""
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    state = raw.execute("PRAGMA foreign_keys").fetchone()
    if state is None or bool(state[0]) != on:
        raise MigrationError("could not switch SQLite foreign keys for the migration")


def open_store(url: str) -> Store:
    store = Store(url)
    upgrade(store)
    return store

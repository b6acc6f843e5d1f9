"""Engines and sessions. One `Store` per database; every user action is one transaction.

SQLite gets WAL, foreign keys, a busy timeout and explicit BEGIN (the sqlite3 module's
legacy mode sends no BEGIN before SELECT, so reads would not be isolated). A write
transaction starts with BEGIN IMMEDIATE so two writers queue instead of deadlocking.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from core.errors import HanreiError

APP_NAME = "hanrei-annotator"
BUSY_TIMEOUT_MS = 15000
CHANGES_CHANNEL = "hanrei_changes"  # PostgreSQL NOTIFY channel of every committed write


class DatabaseBusyError(HanreiError):
    """Another program held the database for longer than the busy timeout; nothing was
    written, so the action can simply be tried again."""


def default_db_path() -> Path:
    base = os.environ.get("HANREI_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False)
    return Path(base) / "hanrei.db"


def db_url(arg: str | None) -> str:
    """`--db` accepts an SQLAlchemy URL or a plain file path (taken as SQLite)."""
    if not arg:
        return f"sqlite:///{default_db_path()}"
    if "://" in arg:
        return arg
    return f"sqlite:///{Path(arg).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            # Created owner-only before SQLite opens it: judgments are confidential.
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, stat.S_IRUSR | stat.S_IWUSR)
            os.close(fd)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we send BEGIN ourselves
        cur = dbapi_conn.cursor()
        # The busy timeout first: switching a new file to WAL takes a lock too.
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


def is_busy(e: BaseException) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED as the sqlite3 module reports them."""
    msg = str(getattr(e, "orig", e)).lower()
    return "database is locked" in msg or "database table is locked" in msg or "busy" in msg


class Store:
    """An engine plus the session factory; the GUI and the CLI each hold one."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self.is_postgresql = self.engine.dialect.name == "postgresql"
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot; rolled back at the end."""
        with self._sessions() as s:
            try:
                yield s
            finally:
                s.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action: committed on normal exit, rolled back on any error.

        On SQLite the write lock is taken first (BEGIN IMMEDIATE), waiting up to the busy
        timeout; if another program still holds it, DatabaseBusyError says so. Once the
        lock is held, WAL commits and the passive auto-checkpoint need no further lock."""
        with self._sessions() as s:
            if self.is_sqlite:
                try:
                    s.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
                except OperationalError as e:
                    if not is_busy(e):
                        raise
                    raise DatabaseBusyError(
                        f"the database {self.display_name()} is busy: another program kept it "
                        f"locked for more than {BUSY_TIMEOUT_MS // 1000} s; nothing was "
                        "written, try again"
                    ) from e
            try:
                yield s
                if self.is_postgresql:
                    # Delivered at commit, dropped on rollback: windows listening on a team
                    # database (core.notify) refresh at once instead of at their next poll.
                    s.execute(text(f"NOTIFY {CHANGES_CHANNEL}"))
                s.commit()
            except BaseException:
                s.rollback()
                raise

    def display_name(self) -> str:
        p = sqlite_path(self.url)
        return str(p) if p else make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()

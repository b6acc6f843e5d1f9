"""Hearing other programs' writes on a team (PostgreSQL) database at once.

Every write transaction of a `Store` on PostgreSQL sends `NOTIFY hanrei_changes`, which the
server delivers when it commits. A `ChangeListener` holds its own connection that LISTENs on
that channel, so a window can look for changes the moment someone saves, instead of at its
next poll. SQLite has no such thing: there the poll alone serves.
"""

from __future__ import annotations

from typing import Any

from core.errors import HanreiError
from core.store.db import CHANGES_CHANNEL, Store


class ChangeListener:
    """A dedicated connection (out of the pool, autocommit) listening on the channel."""

    def __init__(self, store: Store) -> None:
        if not store.is_postgresql:
            raise HanreiError("only a PostgreSQL database announces its changes")
        raw = store.engine.raw_connection()
        conn: Any = raw.driver_connection
        raw.detach()  # never returned to the pool: it stays LISTENing until close()
        conn.rollback()
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANGES_CHANNEL}")
        self._conn = conn

    def wait(self, timeout: float) -> int:
        """Wait up to `timeout` seconds for a change; how many notifications came (0 if
        none). Several writes that land together are one wake-up."""
        got = 0
        for _ in self._conn.notifies(timeout=timeout, stop_after=1):
            got += 1
        return got

    def close(self) -> None:
        self._conn.close()

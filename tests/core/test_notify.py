"""Writes on a team database are heard at once by a listener in another connection; a
rolled-back write says nothing; SQLite refuses a listener plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from core.errors import HanreiError
from core.importer import import_file
from core.notify import ChangeListener
from core.services import add_span
from core.store.db import Store
from core.store.migrate import open_store
from tests.conftest import SAMPLE
from tests.pgserver import PgServer


def _drain(listener: ChangeListener) -> None:
    """Take what is still queued, until the channel has been quiet for a moment."""
    while listener.wait(0.3):
        pass


def test_a_committed_write_wakes_a_listener(pg: PgServer, tmp_path: Path) -> None:
    url = pg.create_database()
    writer, other = open_store(url), open_store(url)
    listener = ChangeListener(other)
    try:
        assert listener.wait(0.2) == 0, "nothing written yet"
        src = tmp_path / "j.txt"
        src.write_text(SAMPLE, encoding="utf-8")
        doc = import_file(writer, src, suggest=False).document_id
        assert doc is not None
        assert listener.wait(10) >= 1
        _drain(listener)  # an import may be several transactions, each announced
        add_span(writer, doc, "MONEY", 0, 3, annotator="佐藤")
        assert listener.wait(10) >= 1
        _drain(listener)
        with pytest.raises(RuntimeError), writer.write() as s:
            s.execute(text("SELECT 1"))
            raise RuntimeError("the action failed")
        assert listener.wait(0.5) == 0, "a rolled-back write announces nothing"
    finally:
        listener.close()
        writer.dispose()
        other.dispose()


def test_sqlite_has_no_listener(sqlite_store: Store) -> None:
    with pytest.raises(HanreiError, match="PostgreSQL"):
        ChangeListener(sqlite_store)

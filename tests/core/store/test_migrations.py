"""Migrations: an empty database reaches head, the models match the migrations, a backup is
made before a migration, and a table rebuild keeps every child row."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select, text

from core.services import add_span, list_spans
from core.store.db import Store
from core.store.migrate import MIGRATIONS, current_revision, head_revision, open_store, upgrade
from core.store.models import Base, Span


def test_empty_database_upgrades_to_head(store: Store) -> None:
    assert current_revision(store.engine) == head_revision()
    tables = set(inspect(store.engine).get_table_names())
    assert {"project", "label", "document", "span", "doc_tag", "annotator", "event"} <= tables


def test_sqlite_settings(sqlite_store: Store, db_path: Path) -> None:
    with sqlite_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert (db_path.stat().st_mode & 0o077) == 0, "database must be readable by the owner only"


def test_models_match_migrations(store: Store) -> None:
    """Fails when a model changes without a migration."""
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []


def test_reopening_at_head_makes_no_backup(db_path: Path) -> None:
    open_store(f"sqlite:///{db_path}").dispose()
    s = open_store(f"sqlite:///{db_path}")
    s.dispose()
    assert not list(db_path.parent.glob("*.bak-*"))


REBUILD = '''
"""test: rebuild the document table"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document", recreate="always") as batch:
        batch.alter_column("title", existing_type=sa.String(500), type_=sa.String(600))


def downgrade() -> None:
    pass
'''


def _script_with_rebuild(tmp_path: Path) -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_rebuild.py").write_text(REBUILD.format(head=head_revision()))
    return scripts


def _store_with_spans(store: Store, sample_txt: Path) -> int:
    from core.importer import import_file

    r = import_file(store, sample_txt, suggest=False)
    assert r.status == "imported" and r.document_id
    for i in range(5):
        add_span(store, r.document_id, "MONEY", i * 3, i * 3 + 2, annotator="yamada")
    return r.document_id


def test_rebuilding_a_parent_table_keeps_every_span(
    sqlite_store: Store, sample_txt: Path, tmp_path: Path
) -> None:
    store = sqlite_store
    doc_id = _store_with_spans(store, sample_txt)
    before = list_spans(store, doc_id)
    backup = upgrade(store, _script_with_rebuild(tmp_path))
    assert backup is not None and backup.exists()
    assert (backup.stat().st_mode & 0o077) == 0
    after = list_spans(store, doc_id)
    assert after == before and len(after) == 5
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    # The backup is a real database at the old revision with the spans in it.
    con = sqlite3.connect(backup)
    try:
        assert con.execute("SELECT count(*) FROM span").fetchone() == (5,)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
    finally:
        con.close()


def test_the_same_rebuild_with_foreign_keys_on_loses_spans(
    sqlite_store: Store, sample_txt: Path, tmp_path: Path
) -> None:
    """Why migrations turn foreign keys off: with them on, the rebuild cascades."""
    store = sqlite_store
    from alembic import command

    from core.store.migrate import alembic_config

    _store_with_spans(store, sample_txt)
    cfg = alembic_config(_script_with_rebuild(tmp_path))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Span)) == 0


def test_unreadable_database_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(Exception, match=r"not a database"):
        open_store(f"sqlite:///{bad}")


def test_write_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as s:
        s.execute(text("INSERT INTO project (name, created_at) VALUES ('x', '2020-01-01')"))
        raise RuntimeError("boom")
    with store.read() as s:
        assert s.execute(text("SELECT count(*) FROM project WHERE name='x'")).scalar() == 0


ADD_TABLE = '''
"""test: a table, then a revision that fails"""
import sqlalchemy as sa
from alembic import op

revision = "9998"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    pass
'''

FAIL = '''
"""test: fails"""
revision = "9999"
down_revision = "9998"
branch_labels = None
depends_on = None


def upgrade() -> None:
    raise RuntimeError("revision 9999 failed on purpose")


def downgrade() -> None:
    pass
'''


def test_an_upgrade_is_one_transaction(store: Store, tmp_path: Path) -> None:
    """A failing later revision leaves the database exactly at its old revision. Alembic on
    its own commits SQLite after each revision, which also let a second program starting at
    the same moment run a revision twice ("table already exists")."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision()
    (scripts / "versions" / "9998_scratch.py").write_text(ADD_TABLE.format(head=head))
    (scripts / "versions" / "9999_fail.py").write_text(FAIL)
    with pytest.raises(RuntimeError, match="on purpose"):
        upgrade(store, scripts)
    assert current_revision(store.engine) == head
    assert "scratch" not in inspect(store.engine).get_table_names()

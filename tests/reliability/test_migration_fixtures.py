"""Every released schema revision has a fixture database (tests/fixtures/db/rev_<rev>.db,
made by make_fixture.py); each one upgrades to head keeping every span, and when a
migration runs, the backup made before it is a working database at the old revision."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from core.services import list_documents, list_spans
from core.store.migrate import (
    MIGRATIONS,
    current_revision,
    head_revision,
    open_store,
    upgrade,
)
from tests.reliability.dbcheck import check_sound

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
FILES = sorted(FIXTURES.glob("rev_*.db"))


def _revision_of(path: Path) -> str:
    m = re.fullmatch(r"rev_(.+)\.db", path.name)
    assert m, path
    return m.group(1)


def _spans_raw(path: Path) -> set[tuple[Any, ...]]:
    """The spans as the old schema holds them, read with plain SQL (no ORM at head)."""
    con = sqlite3.connect(path)
    try:
        return set(
            con.execute(
                "SELECT span.id, span.document_id, label.key, span.start, span.\"end\", "
                "substr(document.text, span.start + 1, span.\"end\" - span.start), "
                "span.status, span.source, span.note FROM span "
                "JOIN label ON label.id = span.label_id "
                "JOIN document ON document.id = span.document_id"
            )
        )
    finally:
        con.close()


def _spans_now(url: str) -> set[tuple[Any, ...]]:
    """The same facts read through the services at head."""
    store = open_store(url)
    try:
        return {
            (sp.id, sp.document_id, sp.label, sp.start, sp.end, sp.text, sp.status, sp.source,
             sp.note)
            for doc in list_documents(store)
            for sp in list_spans(store, doc.id)
        }
    finally:
        store.dispose()


def test_the_head_revision_has_a_fixture() -> None:
    head = head_revision()
    assert (FIXTURES / f"rev_{head}.db").exists(), (
        f"schema revision {head} has no fixture database: add fill_{head}() to "
        f"tests/fixtures/db/make_fixture.py, run it with {head} and commit rev_{head}.db"
    )


def test_every_fixture_is_a_small_database_at_its_revision() -> None:
    assert FILES, "no fixture databases found"
    for f in FILES:
        assert f.stat().st_size < 200_000, f"{f.name} is too large for the repository"
        con = sqlite3.connect(f)
        try:
            assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [
                (_revision_of(f),)
            ]
            assert con.execute("SELECT count(*) FROM span").fetchone()[0] >= 5
        finally:
            con.close()


@pytest.mark.parametrize("fixture", FILES, ids=[f.name for f in FILES])
def test_fixture_upgrades_to_head_keeping_every_span(fixture: Path, tmp_path: Path) -> None:
    db = tmp_path / "hanrei.db"
    shutil.copyfile(fixture, db)
    before = _spans_raw(db)
    assert len(before) >= 5
    url = f"sqlite:///{db}"
    after = _spans_now(url)  # open_store upgrades to head
    assert after == before
    check_sound(db)
    store = open_store(url)
    try:
        assert current_revision(store.engine) == head_revision()
    finally:
        store.dispose()
    backups = sorted(tmp_path.glob("hanrei.db.bak-*"))
    if _revision_of(fixture) == head_revision():
        assert backups == []  # nothing to migrate, nothing copied
    else:
        _check_backup(backups, _revision_of(fixture), before)


NOOP = '''
"""test: one more revision after head"""
revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
'''


@pytest.mark.parametrize("fixture", FILES, ids=[f.name for f in FILES])
def test_a_migration_of_each_fixture_leaves_a_backup_that_opens(
    fixture: Path, tmp_path: Path
) -> None:
    """The backup path runs for every fixture, even the one already at head."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_noop.py").write_text(NOOP.format(head=head_revision()))
    db = tmp_path / "hanrei.db"
    shutil.copyfile(fixture, db)
    before = _spans_raw(db)
    store = open_store(f"sqlite:///{db}")  # to head
    try:
        backup = upgrade(store, scripts)  # to 9999
        assert backup is not None
        assert current_revision(store.engine) == "9999"
    finally:
        store.dispose()
    _check_backup([backup], head_revision(), before)
    assert _spans_raw(db) == before


def _check_backup(backups: list[Path], revision: str | None, spans: set[tuple[Any, ...]]) -> None:
    assert len(backups) == 1, backups
    (b,) = backups
    assert b.stat().st_mode & 0o077 == 0, "a backup must be readable by the owner only"
    con = sqlite3.connect(b)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(revision,)]
    finally:
        con.close()
    assert _spans_raw(b) == spans

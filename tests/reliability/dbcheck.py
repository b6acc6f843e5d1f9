"""Helpers the reliability tests share: a fingerprint of every row, and SQLite's own checks.

They open the file with the plain sqlite3 module, so they see what is on disk, not what a
session may have cached.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

# At least these; a snapshot covers every table the schema has.
TABLES = ("project", "label", "annotator", "document", "span", "doc_tag", "event")


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=15)


def snapshot(path: Path) -> dict[str, tuple[int, str]]:
    """Per table: the row count and a hash of all rows in id order."""
    out: dict[str, tuple[int, str]] = {}
    con = connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version' ORDER BY name"
            )
        ]
        assert set(TABLES) <= set(tables), tables
        for table in tables:
            rows = con.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
            h = hashlib.sha256(repr(rows).encode("utf-8", "surrogatepass")).hexdigest()
            out[table] = (len(rows), h)
    finally:
        con.close()
    return out


def changed_tables(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> dict[
    str, int
]:
    """Tables whose rows differ, with the change in row count."""
    return {t: after[t][0] - before[t][0] for t in before if before[t] != after[t]}


def check_sound(path: Path) -> None:
    """integrity_check ok, no foreign key violations, no span without label or document."""
    con = connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = con.execute(
            "SELECT span.id FROM span LEFT JOIN label ON span.label_id = label.id "
            "LEFT JOIN document ON span.document_id = document.id "
            "WHERE label.id IS NULL OR document.id IS NULL"
        ).fetchall()
        assert orphans == [], f"spans with a missing label or document: {orphans}"
    finally:
        con.close()

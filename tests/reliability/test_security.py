"""Security: owner-only files, judgment text never interpreted as HTML in core, and a
PostgreSQL password never printed."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.cli import main as cli_main
from core.cli import safe_url
from core.importer import import_file
from core.services import add_span, list_spans, load_document
from core.store.migrate import backup_sqlite, open_store

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Owner-only must not depend on a careful umask: run with none at all."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _mode(p: Path) -> int:
    return p.stat().st_mode & 0o777


@posix_only
def test_database_wal_and_shm_files_are_owner_only(
    tmp_path: Path, sample_txt: Path, open_umask: None
) -> None:
    db = tmp_path / "new" / "hanrei.db"
    store = open_store(f"sqlite:///{db}")
    try:
        r = import_file(store, sample_txt, suggest=False)
        add_span(store, r.document_id or 0, "MONEY", 0, 2)
        files = [db, db.with_name("hanrei.db-wal"), db.with_name("hanrei.db-shm")]
        for f in files:
            assert f.exists(), f
            assert _mode(f) == 0o600, f"{f.name} has mode {oct(_mode(f))}"
    finally:
        store.dispose()


@posix_only
def test_backups_are_owner_only(tmp_path: Path, sample_txt: Path, open_umask: None) -> None:
    db = tmp_path / "hanrei.db"
    store = open_store(f"sqlite:///{db}")
    try:
        import_file(store, sample_txt, suggest=False)
    finally:
        store.dispose()
    backup = backup_sqlite(db, "0001")
    assert _mode(backup) == 0o600
    con = sqlite3.connect(backup)
    try:
        assert con.execute("SELECT count(*) FROM document").fetchone() == (1,)
    finally:
        con.close()


MARKUP = "原告は「<b>重要</b>」と記載し、<script>alert('x')</script>と&lt;注&gt;を付した。&amp;"


@pytest.mark.parametrize("kind", ["txt", "json"])
def test_markup_in_judgment_text_survives_import_and_export_literally(
    tmp_path: Path, kind: str
) -> None:
    db = tmp_path / "hanrei.db"
    url = f"sqlite:///{db}"
    text = f"令和5年1月10日判決言渡\n{MARKUP}\n被告は金5000円を支払え。\n"
    src = tmp_path / f"markup.{kind}"
    if kind == "txt":
        src.write_text(text, encoding="utf-8")
    else:
        src.write_text(json.dumps({"contents": text}, ensure_ascii=False), encoding="utf-8")
    store = open_store(url)
    try:
        r = import_file(store, src, suggest=False)
        assert r.status == "imported", r.reason
        doc = load_document(store, r.document_id or 0)
        assert MARKUP in doc.text
        i = doc.text.index("<script>")
        sp = add_span(store, doc.id, "TERM", i, i + len("<script>alert('x')</script>"))
        assert list_spans(store, doc.id)[0].text == "<script>alert('x')</script>" == sp.text
    finally:
        store.dispose()
    out = tmp_path / "out.jsonl"
    assert cli_main(["--db", str(db), "export", "--format", "jsonl", "--out", str(out),
                     "--spans", "all"]) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    rec = json.loads(line)
    assert MARKUP in rec["text"]
    (span,) = rec["spans"]
    assert span["text"] == "<script>alert('x')</script>"
    assert rec["text"][span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize(
    ("password", "also_hidden"),
    [("secret", "secret"), ("s3cr%40t", "s3cr@t")],
)
def test_postgresql_password_is_never_printed(password: str, also_hidden: str) -> None:
    url = f"postgresql+psycopg://annotator:{password}@127.0.0.1:1/hanrei"
    proc = subprocess.run(
        [sys.executable, "main.py", "--db", url, "stats"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, PGCONNECT_TIMEOUT="3"),
    )
    assert proc.returncode != 0
    for stream in (proc.stdout, proc.stderr):
        assert password not in stream and also_hidden not in stream, stream
    assert "***" in proc.stderr and "127.0.0.1" in proc.stderr  # still says which database


def test_safe_url_hides_only_the_password() -> None:
    assert safe_url("postgresql+psycopg://u:pw@db.example:5432/x") == (
        "postgresql+psycopg://u:***@db.example:5432/x"
    )
    assert safe_url("sqlite:////home/u/hanrei.db") == "sqlite:////home/u/hanrei.db"


@pytest.mark.parametrize("fmt", ["brat", "jsonl", "csv", "labelstudio"])
def test_titles_never_choose_export_file_names(tmp_path: Path, fmt: str) -> None:
    """A title like ../../x is data: every exported file stays inside the chosen place."""
    db = tmp_path / "t.db"
    src = tmp_path / "in.jsonl"
    evil = ["../../outside", "/etc/passwd", "..\\..\\win", "a/b/c"]
    src.write_text("".join(json.dumps({"id": i + 1, "title": t, "text": f"主文{i}", "spans": []},
                                      ensure_ascii=False) + "\n" for i, t in enumerate(evil)),
                   encoding="utf-8")
    assert cli_main(["--db", str(db), "import", str(src)]) == 0
    out_dir = tmp_path / "out"
    out = out_dir / ("export" if fmt == "brat" else f"export.{fmt}")
    assert cli_main(["--db", str(db), "export", "--format", fmt, "--out", str(out),
                     "--split", "0.5,0.5", "--seed", "1"]) == 0
    inputs = {src.name} | {p.name for p in tmp_path.glob("t.db*")}
    made = [p for p in tmp_path.rglob("*") if p.is_file() and p.name not in inputs]
    assert made, "the export wrote files"
    for p in made:
        assert p.resolve().is_relative_to(out_dir.resolve()), p
    assert not (tmp_path.parent / "outside").exists()

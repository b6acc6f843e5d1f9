"""The command line, run as a user runs it: `python main.py ...` in a child process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SAMPLE


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )


def test_import_export_stats(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text(SAMPLE, encoding="utf-8")
    bad = tmp_path / "in" / "empty.txt"
    bad.write_bytes(b"")
    r = run("import", str(good.parent), db=db)
    assert r.returncode == 1, "a failed file makes the exit status non-zero"
    assert f"error: {bad}: the file is empty" in r.stderr
    assert "imported  #1" in r.stdout and "1 imported, 0 already present, 1 failed" in r.stdout

    again = run("import", str(good), db=db)
    assert again.returncode == 0
    assert "already imported" in again.stdout and "0 imported, 1 already present" in again.stdout

    out = tmp_path / "a.jsonl"
    ex = run("export", "--format", "jsonl", "--out", str(out), "--spans", "all", db=db)
    assert ex.returncode == 0, ex.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 1 and recs[0]["title"] == "令和4年(ワ)第321号 損害賠償請求事件"
    assert recs[0]["metadata"]["case_number"] == "令和4年(ワ)第321号"
    for sp in recs[0]["spans"]:
        assert recs[0]["text"][sp["start"] : sp["end"]] == sp["text"]

    st = run("stats", db=db)
    assert st.returncode == 0
    assert "documents: 1" in st.stdout and "spans per label:" in st.stdout


def test_usage_errors(tmp_path: Path) -> None:
    r = run("export", "--format", "nope", "--out", "x", db=tmp_path / "a.db")
    assert r.returncode == 2 and "invalid choice" in r.stderr
    r = run("import", str(tmp_path / "missing.txt"), db=tmp_path / "a.db")
    assert r.returncode == 1 and "missing.txt: no such file" in r.stderr


def test_normalize_prints_the_text(tmp_path: Path) -> None:
    p = tmp_path / "j.txt"
    p.write_text("被告は１１３万円を\r\n支払え。\r\n", encoding="cp932")
    r = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "normalize", str(p)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert r.returncode == 0
    assert "113万円" in r.stdout and "\r" not in r.stdout


def test_corpus_imports_once(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "corpus.db"
    files = sorted((corpus / "dev").glob("*.json"))
    r = run("import", str(corpus / "dev"), db=db)
    assert r.returncode == 0, r.stderr
    assert f"{len(files)} imported, 0 already present, 0 failed" in r.stdout
    r2 = run("import", str(corpus / "dev"), db=db)
    assert r2.returncode == 0
    assert f"0 imported, {len(files)} already present, 0 failed" in r2.stdout
    out = tmp_path / "c.jsonl"
    assert (
        run("export", "--format", "jsonl", "--out", str(out), "--spans", "all", db=db).returncode
        == 0
    )
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(files)
    for line in lines:
        rec = json.loads(line)
        assert rec["metadata"]["case_number"] and rec["metadata"]["date"]
        for sp in rec["spans"]:
            assert rec["text"][sp["start"] : sp["end"]] == sp["text"]


def test_commands_on_postgresql(tmp_path: Path, pg) -> None:  # type: ignore[no-untyped-def]
    """The same commands against a PostgreSQL server (team mode)."""
    url = pg.create_database()
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE, encoding="utf-8")

    def run_pg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", url, *args],
                              capture_output=True, text=True, timeout=600, cwd=ROOT)

    r = run_pg("import", str(good))
    assert r.returncode == 0, r.stderr
    assert "1 imported" in r.stdout
    assert "already present" in run_pg("import", str(good)).stdout
    out = tmp_path / "pg.jsonl"
    assert run_pg("export", "--format", "jsonl", "--out", str(out), "--spans", "all").returncode == 0
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert "𠮷田花子" in rec["text"]
    for sp in rec["spans"]:
        assert rec["text"][sp["start"]:sp["end"]] == sp["text"]
    st = run_pg("stats")
    assert st.returncode == 0 and "documents: 1" in st.stdout
    assert "postgresql" in st.stdout


def test_normalize_diff_shows_repairs(tmp_path: Path) -> None:
    p = tmp_path / "wrapped.txt"
    p.write_text("主　　　　文\n被告は，原告に対し，６０\n００円を支払え。\n- 1 -\n", encoding="utf-8")
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "normalize", "--diff", str(p)],
                       capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "+主文" in r.stdout
    assert "6000円を支払え。" in r.stdout
    assert "-- 1 -" in r.stdout  # the page number is removed


def test_database_from_settings(tmp_path: Path) -> None:
    """Without --db, the database chosen in 設定 is used."""
    import os

    from core.settings import Settings

    cfg = tmp_path / "config"
    db = tmp_path / "chosen.db"
    Settings(database=str(db)).save(cfg / "settings.json")
    env = {**os.environ, "HANREI_CONFIG_DIR": str(cfg)}
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats"], capture_output=True,
                       text=True, timeout=120, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    assert f"database: {db}" in r.stdout
    assert db.exists()

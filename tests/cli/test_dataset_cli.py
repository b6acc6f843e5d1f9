"""Dataset export and import from the command line, in a child process as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.store.migrate import open_store
from tests.conftest import ROOT
from tests.core.dataset.conftest import build_corpus


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "src.db"
    store = open_store(f"sqlite:///{path}")
    build_corpus(store)
    store.dispose()
    return path


OUT = {
    "jsonl": "x.jsonl",
    "doccano": "x.jsonl",
    "labelstudio": "x.json",
    "brat": "x.zip",
    "conll": "x.conll",
    "hf": "x.jsonl",
    "csv": "x.csv",
}


@pytest.mark.parametrize("fmt", sorted(OUT))
def test_every_format_prints_its_summary(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / fmt / OUT[fmt]
    r = run("export", "--format", fmt, "--out", str(out), "--project", "default", db=db)
    assert r.returncode == 0, r.stderr
    assert f"wrote 2 documents, 8 spans to {out} ({fmt}" in r.stdout
    assert out.exists()
    if fmt in ("conll", "hf"):
        assert "0 spans that cut a token, 0 overlapping spans left out" in r.stdout


def test_conll_summary_counts_spans_that_cut_a_token(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(
            {"text": "証人𠮷田花子は述べた。", "label": [[3, 5, "PERSON"]]}, ensure_ascii=False
        ),
        "utf-8",
    )
    assert run("import", str(src), db=db).returncode == 0
    r = run("export", "--format", "conll", "--out", str(tmp_path / "c.conll"), db=db)
    assert r.returncode == 0 and "1 spans that cut a token" in r.stdout
    rows = (tmp_path / "c.conll").read_text("utf-8").split("\n\n", 1)[1].split()
    assert rows[rows.index("B-PERSON") - 1] == "田花", "the token is split at the span boundary"


def test_filters_split_and_seed(db: Path, tmp_path: Path) -> None:
    r = run(
        "export",
        "--format",
        "jsonl",
        "--out",
        str(tmp_path / "s.jsonl"),
        "--split",
        "0.5,0.5",
        "--seed",
        "3",
        "--spans",
        "all",
        "--labels",
        "MONEY,DATE",
        db=db,
    )
    assert r.returncode == 0, r.stderr
    files = [tmp_path / "s.train.jsonl", tmp_path / "s.test.jsonl"]
    recs = [json.loads(x) for f in files for x in f.read_text("utf-8").splitlines()]
    assert sorted(d["id"] for d in recs) == [1, 2, 3]
    assert {sp["label"] for d in recs for sp in d["spans"]} == {"MONEY", "DATE"}
    r = run(
        "export",
        "--format",
        "doccano",
        "--out",
        str(tmp_path / "d.jsonl"),
        "--status",
        "done",
        "--annotator",
        "yamada",
        db=db,
    )
    assert "wrote 1 documents" in r.stdout
    r = run(
        "export",
        "--format",
        "jsonl",
        "--out",
        str(tmp_path / "e.jsonl"),
        "--status",
        "finished",
        db=db,
    )
    assert r.returncode == 2 and "--status finished" in r.stderr
    r = run(
        "export",
        "--format",
        "jsonl",
        "--out",
        str(tmp_path / "e.jsonl"),
        "--split",
        "0.9,0.9",
        db=db,
    )
    assert r.returncode == 1 and "add up to 1" in r.stderr


def test_import_by_content_and_round_trip(db: Path, tmp_path: Path) -> None:
    for fmt, name in (("labelstudio", "t.json"), ("brat", "b"), ("doccano", "d.jsonl")):
        out = tmp_path / "1" / name
        assert (
            run("export", "--format", fmt, "--out", str(out), "--spans", "all", db=db).returncode
            == 0
        )
        fresh = tmp_path / f"{fmt}.db"
        r = run("import", str(out), db=fresh)
        assert r.returncode == 0, r.stderr
        assert (
            f"({fmt}: 3 documents" in r.stdout
            and "3 imported, 0 already present, 0 failed" in r.stdout
        )
        again = tmp_path / "2" / name
        assert (
            run(
                "export", "--format", fmt, "--out", str(again), "--spans", "all", db=fresh
            ).returncode
            == 0
        )
        if out.is_dir():
            assert sorted(p.read_bytes() for p in out.iterdir()) == sorted(
                p.read_bytes() for p in again.iterdir()
            )
        else:
            assert out.read_bytes() == again.read_bytes()


def test_a_refused_file_imports_nothing(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    src = tmp_path / "bad.jsonl"
    good = {"text": "金5万円", "label": [[1, 4, "MONEY"]]}
    bad = {"id": 8, "text": "金5万円", "label": [[1, 40, "MONEY"]]}
    src.write_text("\n".join(json.dumps(x) for x in (good, bad)), "utf-8")
    r = run("import", str(src), db=db)
    assert r.returncode == 1
    assert "line 2 (id 8): span [1, 40) MONEY: out of range" in r.stderr
    assert "nothing of this file was imported" in r.stderr
    st = run("stats", db=db)
    assert "documents: 0" in st.stdout


def test_spacy_export_or_clear_message(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.spacy"
    r = run("export", "--format", "spacy", "--out", str(out), db=db)
    try:
        import spacy  # noqa: F401
    except ImportError:
        assert r.returncode == 1 and "install the spacy extra" in r.stderr
    else:
        assert r.returncode == 0 and "wrote 3 documents" in r.stdout and out.exists()

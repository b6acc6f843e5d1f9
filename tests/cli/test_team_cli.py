"""Team commands as a user runs them (`python main.py ...`), on SQLite and PostgreSQL:
assign, annotation-mode, agreement (figures checked by hand) and export --layer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from core.curation import curate_take
from core.doc_tags import add_default_tag_fields, set_doc_tag
from core.importer import import_file
from core.services import add_span, list_documents
from core.store.migrate import open_store
from tests.conftest import ROOT

TEXT = "主文\n被告は，原告に対し，金50万円及び令和5年7月1日から年5分の割合による金員を支払え。\n"


def run(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", url, *args],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )


def _span(text: str, needle: str, cut: int = 0) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle) - cut


def _annotated(url: str, tmp_path: Path) -> int:
    """鈴木: MONEY 50万円, DATE 令和5年7月1日, RATE 年5分.
    高橋: MONEY 50万円, DATE 令和5年7月1 (one short). Outcome tags 認容 / 認容."""
    src = tmp_path / "j.txt"
    src.write_text(TEXT, encoding="utf-8")
    store = open_store(url)
    try:
        doc = import_file(store, src, suggest=False).document_id
        assert doc is not None
        for label, needle in (("MONEY", "50万円"), ("DATE", "令和5年7月1日"), ("RATE", "年5分")):
            add_span(store, doc, label, *_span(TEXT, needle), annotator="鈴木", layer="@鈴木")
        add_span(store, doc, "MONEY", *_span(TEXT, "50万円"), annotator="高橋", layer="@高橋")
        add_span(store, doc, "DATE", *_span(TEXT, "令和5年7月1日", 1), annotator="高橋",
                 layer="@高橋")
        add_default_tag_fields(store)
        set_doc_tag(store, doc, "outcome", "認容", annotator="鈴木")
        set_doc_tag(store, doc, "outcome", "認容", annotator="高橋")
        return doc
    finally:
        store.dispose()


def _row(out: str, label: str) -> list[str]:
    (line,) = [ln for ln in out.splitlines() if ln.split() and ln.split()[0] == label]
    return line.split()[1:]


def test_agreement_command_by_hand(any_url: str, tmp_path: Path) -> None:
    _annotated(any_url, tmp_path)
    r = run(any_url, "agreement", "--a", "鈴木", "--b", "高橋")
    assert r.returncode == 0, r.stderr
    assert "1 documents annotated by both" in r.stdout
    # exact: MONEY 1 tp; DATE 鈴木 1 fp, 高橋 1 fn; RATE 1 fp. All: tp 1, fp 2, fn 1
    assert _row(r.stdout, "MONEY") == ["1.000", "1.000", "1.000", "1", "0", "0"]
    assert _row(r.stdout, "DATE") == ["0.000", "0.000", "0.000", "0", "1", "1"]
    assert _row(r.stdout, "RATE") == ["0.000", "1.000", "0.000", "0", "1", "0"]
    # P = 1/3, R = 1/2, F1 = 2·(1/3)(1/2)/(5/6) = 0.4
    assert _row(r.stdout, "(all)") == ["0.333", "0.500", "0.400", "1", "2", "1"]
    assert _row(r.stdout, "outcome") == ["1.000", "(1", "documents)"]

    ov = run(any_url, "agreement", "--a", "鈴木", "--b", "高橋", "--mode", "overlap")
    assert ov.returncode == 0, ov.stderr
    # overlap: the short date matches. All: tp 2, fp 1, fn 0 -> P 2/3, R 1, F1 0.8
    assert _row(ov.stdout, "(all)") == ["0.667", "1.000", "0.800", "2", "1", "0"]

    bad = run(any_url, "agreement", "--a", "鈴木", "--b", "田中")
    assert bad.returncode == 1 and "田中" in bad.stderr


def test_assign_mode_and_export_layer(any_url: str, tmp_path: Path) -> None:
    doc = _annotated(any_url, tmp_path)
    r = run(any_url, "--annotator", "主任", "assign", str(doc), "--to", "鈴木")
    assert r.returncode == 0, r.stderr
    assert f"#{doc}: assigned to 鈴木 (new)" in r.stdout
    assert run(any_url, "assign", "999", "--to", "鈴木").returncode == 1
    m = run(any_url, "annotation-mode", "independent")
    assert m.returncode == 0 and "annotation mode: independent" in m.stdout
    assert "independent" in run(any_url, "annotation-mode").stdout

    store = open_store(any_url)
    try:
        assert list_documents(store)[0].assignments == {"鈴木": "new"}
        curate_take(store, doc, layer="@高橋", annotator="主任")
    finally:
        store.dispose()
    out = tmp_path / "c.jsonl"
    r = run(any_url, "export", "--format", "jsonl", "--out", str(out), "--layer", "curated")
    assert r.returncode == 0, r.stderr
    spans = json.loads(out.read_text(encoding="utf-8"))["spans"]
    assert [(s["label"], s["text"]) for s in spans] == [("MONEY", "50万円"), ("DATE", "令和5年7月1")]
    assert {s["annotator"] for s in spans} == {"主任"}
    r = run(any_url, "export", "--format", "jsonl", "--out", str(out), "--layer", "mine")
    assert r.returncode == 1 and "unknown layer" in r.stderr
    back = run(any_url, "assign", str(doc), "--to", "鈴木", "--remove")
    assert f"#{doc}: taken back from 鈴木" in back.stdout

"""Import through the service: what is stored, what is refused, and that a refusal stores
nothing at all."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.importer import import_file, import_paths
from core.services import list_documents, load_document
from core.store.db import Store
from core.store.models import Document, Event, Span
from core.text.offsets import OffsetMap
from tests.conftest import SAMPLE


def _counts(store: Store) -> tuple[int, int, int]:
    with store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Document)) or 0,
            s.scalar(select(func.count()).select_from(Span)) or 0,
            s.scalar(select(func.count()).select_from(Event)) or 0,
        )


def test_import_stores_raw_text_and_mapped_text(store: Store, sample_txt: Path) -> None:
    r = import_file(store, sample_txt)
    assert r.status == "imported" and r.document_id
    doc = load_document(store, r.document_id)
    assert "113万1302円" in doc.text  # full-width digits folded
    with store.read() as s:
        row = s.get(Document, r.document_id)
        assert row is not None
        assert row.raw_text == SAMPLE
        omap = OffsetMap.from_json(json.loads(row.offset_map))
    i = doc.text.index("113万")
    rs, re_ = omap.to_raw(i, i + 4)
    assert SAMPLE[rs:re_] == "１１３万"
    assert doc.status == "new"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "euc_jp"])
def test_import_each_encoding(store: Store, tmp_path: Path, encoding: str) -> None:
    text = SAMPLE.replace("𠮷", "吉")
    p = tmp_path / f"j-{encoding}.txt"
    p.write_bytes(text.encode(encoding))
    r = import_file(store, p)
    assert r.status == "imported", r.reason
    assert load_document(store, r.document_id or 0).text.startswith("令和5年2月17日判決言渡")


def test_reimport_adds_nothing(store: Store, sample_txt: Path) -> None:
    first = import_file(store, sample_txt)
    before = _counts(store)
    second = import_file(store, sample_txt)
    assert second.status == "present" and second.document_id == first.document_id
    assert _counts(store) == before
    # The same bytes under another name are the same judgment.
    copy = sample_txt.with_name("copy.txt")
    copy.write_bytes(sample_txt.read_bytes())
    assert import_file(store, copy).status == "present"


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b" \n\n\t  \n", "no text"),
    "binary.txt": (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)), "binary"),
    "invalid.txt": (b"\xfd\xfe\x80\xa0\xfc\x81 not text" * 10, "cannot be decoded"),
    "nul.txt": ("主文\x00被告".encode(), "binary"),
    "bom-broken.txt": (codecs.BOM_UTF8 + b"\xc3\x28", "BOM"),
    "broken.json": (b'{"contents": "abc", ', "invalid JSON"),
    "nocontents.json": (json.dumps({"case_number": "令和1(ワ)1"}).encode(), "no 'contents'"),
    "list.json": (b"[1, 2, 3]", "expected an object"),
    "surrogate.json": (b'{"contents": "\\ud800 lone"}', "lone surrogate"),
    "image.png": (b"\x89PNG\r\n\x1a\n", "unsupported file type"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_is_refused_and_stores_nothing(store: Store, tmp_path: Path, name: str) -> None:
    data, reason = BAD_FILES[name]
    p = tmp_path / name
    p.write_bytes(data)
    before = _counts(store)
    r = import_file(store, p)
    assert r.status == "failed"
    assert reason in r.reason
    assert _counts(store) == before


def test_missing_file_is_refused(store: Store, tmp_path: Path) -> None:
    r = import_file(store, tmp_path / "nowhere.txt")
    assert r.status == "failed" and "no such file" in r.reason


def test_huge_text_is_refused_clearly(store: Store, tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    line = ("被告は，原告に対し，金員を支払え。" * 4 + "\n").encode()
    with p.open("wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert p.stat().st_size >= 50 * 1024 * 1024
    before = _counts(store)
    r = import_file(store, p)
    assert r.status == "failed"
    assert "5,000,000 characters" in r.reason
    assert _counts(store) == before


def test_non_bmp_characters_keep_offsets(store: Store, sample_txt: Path) -> None:
    r = import_file(store, sample_txt)
    doc = load_document(store, r.document_id or 0)
    i = doc.text.index("𠮷田花子")
    assert doc.text[i : i + 4] == "𠮷田花子"
    assert len("𠮷") == 1  # code points, not UTF-16 units


def test_json_record_metadata(store: Store, tmp_path: Path) -> None:
    rec = {
        "trial_type": "LowerCourt",
        "date": {"era": "Reiwa", "year": 1, "month": 5, "day": 1},
        "case_number": "令和1(ワ)145",
        "case_name": "損害賠償請求事件",
        "court_name": "架空地方裁判所第1民事部",
        "lawsuit_id": "1",
        "contents": SAMPLE,
    }
    p = tmp_path / "1.json"
    p.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    r = import_file(store, p)
    doc = load_document(store, r.document_id or 0)
    assert doc.metadata["case_number"] == "令和1(ワ)145"
    assert doc.metadata["court"] == "架空地方裁判所第1民事部"
    assert doc.metadata["case_name"] == "損害賠償請求事件"
    assert doc.metadata["date"] == "2019-05-01"
    assert doc.metadata["source"]["lawsuit_id"] == "1"
    assert doc.title == "令和1(ワ)145 損害賠償請求事件"
    assert list_documents(store)[0].case_number == "令和1(ワ)145"


def test_folder_walk_mixes_good_and_bad(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(SAMPLE, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(SAMPLE + "追記", encoding="utf-8")
    (folder / "sub" / "bad.txt").write_bytes(b"")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    results = list(import_paths(store, [folder]))
    assert [(Path(r.path).name, r.status) for r in results] == [
        ("a.txt", "imported"),
        ("b.txt", "imported"),
        ("bad.txt", "failed"),
    ]

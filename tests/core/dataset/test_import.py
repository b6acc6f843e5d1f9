"""Dataset import: recognised by content, one transaction per file, refusals name the
document and the offsets, zip-slip and zip bombs refused."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from core.dataset.importer import detect_format, import_dataset
from core.dataset.safezip import MAX_RATIO
from core.services import list_documents, list_labels, list_spans
from core.store.db import Store
from tests.core.dataset.helpers import export_to


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


GOOD = {"text": "原告𠮷田は金5万円を払った。", "label": [[2, 4, "PERSON"], [6, 9, "MONEY"]]}


def test_detects_formats_by_content(corpus_store: Store, tmp_path: Path) -> None:
    export_to(corpus_store, "jsonl", tmp_path / "n.jsonl")
    export_to(corpus_store, "doccano", tmp_path / "d.jsonl")
    export_to(corpus_store, "doccano", tmp_path / "e.jsonl", doccano_form="entities")
    export_to(corpus_store, "labelstudio", tmp_path / "ls.json")
    export_to(corpus_store, "brat", tmp_path / "b")
    export_to(corpus_store, "brat", tmp_path / "b.zip")
    court = tmp_path / "court.json"
    court.write_text(json.dumps({"contents": "判決", "case_number": "x"}), "utf-8")
    found = {
        p: detect_format(tmp_path / p)
        for p in ("n.jsonl", "d.jsonl", "e.jsonl", "ls.json", "b", "b.zip", "court.json")
    }
    assert found == {
        "n.jsonl": "jsonl",
        "d.jsonl": "doccano",
        "e.jsonl": "doccano",
        "ls.json": "labelstudio",
        "b": "brat",
        "b.zip": "brat",
        "court.json": None,
    }


def test_doccano_import_creates_documents_labels_and_imported_spans(
    store: Store, tmp_path: Path
) -> None:
    rec = {**GOOD, "label": [*GOOD["label"], [0, 2, "ROLE"]], "source_url": "x"}
    r = import_dataset(store, _jsonl(tmp_path / "d.jsonl", [rec]), annotator="tanaka")
    assert r.status == "imported" and r.spans == 3 and len(r.documents) == 1
    spans = list_spans(store, r.documents[0])
    assert {(sp.label, sp.text) for sp in spans} == {
        ("PERSON", "𠮷田"),
        ("MONEY", "5万円"),
        ("ROLE", "原告"),
    }
    assert {sp.source for sp in spans} == {"imported"} and {sp.status for sp in spans} == {
        "accepted"
    }
    assert "ROLE" in {lb.key for lb in list_labels(store)}, "an unknown label is added"
    again = import_dataset(store, tmp_path / "d.jsonl")
    assert again.status == "imported" and again.documents == [] and again.present == 1


@pytest.mark.parametrize(
    ("span", "message"),
    [
        ([6, 99, "MONEY"], "line 2 (id 7): span [6, 99) MONEY: out of range"),
        ([9, 6, "MONEY"], "span [9, 6) MONEY: out of range"),
        (["6", 9, "MONEY"], "offsets are not integers"),
        ([6, 9, ""], "not a usable label name"),
    ],
)
def test_a_bad_span_refuses_the_whole_file(
    store: Store, tmp_path: Path, span: list, message: str
) -> None:
    bad = {"id": 7, "text": GOOD["text"], "label": [span]}
    path = _jsonl(tmp_path / "bad.jsonl", [GOOD, bad, GOOD | {"id": 9}])
    r = import_dataset(store, path, "doccano")
    assert r.status == "failed" and message in r.reason
    assert list_documents(store) == [], "nothing of the file is stored"


def test_span_text_must_match(store: Store, tmp_path: Path) -> None:
    rec = {
        "id": 3,
        "text": "金5万円",
        "spans": [{"start": 1, "end": 4, "label": "MONEY", "text": "6万円"}],
    }
    r = import_dataset(store, _jsonl(tmp_path / "n.jsonl", [rec]))
    assert r.status == "failed"
    assert (
        "line 1 (id 3): span [1, 4) MONEY: its text '6万円' differs from the document's '5万円'"
        in r.reason
    )
    assert list_documents(store) == []


def test_labelstudio_predictions_are_suggestions(store: Store, tmp_path: Path) -> None:
    region = {
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": 1, "end": 4, "text": "5万円", "labels": ["MONEY"]},
    }
    tasks = [
        {
            "id": 4,
            "data": {"text": "金5万円"},
            "annotations": [{"result": [region]}],
            "predictions": [
                {"result": [region | {"value": {**region["value"], "start": 0, "text": "金5万円"}}]}
            ],
        }
    ]
    p = tmp_path / "t.json"
    p.write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
    r = import_dataset(store, p)
    assert r.status == "imported" and r.documents == [4]
    assert sorted((sp.start, sp.status) for sp in list_spans(store, 4)) == [
        (0, "suggested"),
        (1, "accepted"),
    ]


def test_brat_refuses_text_that_does_not_match(store: Store, tmp_path: Path) -> None:
    d = tmp_path / "b"
    d.mkdir()
    (d / "x.txt").write_text("被告は\n支払え", "utf-8")
    (d / "x.ann").write_text("T1\tPARTY 0 2\t被告\nT2\tMONEY 0 3\t原告は\n", "utf-8")
    r = import_dataset(store, d)
    assert r.status == "failed" and "x.ann line 2: span [0, 3) MONEY: its text" in r.reason
    assert list_documents(store) == []


def test_brat_discontinuous_span_across_a_line_break(store: Store, tmp_path: Path) -> None:
    d = tmp_path / "b"
    d.mkdir()
    (d / "doc000042.txt").write_text("令和4年\r\n4月1日に", "utf-8", newline="")
    (d / "doc000042.ann").write_text(
        "T1\tDATE 0 4;6 10\t令和4年 4月1日\n#1\tAnnotatorNotes T1\t手入力\n", "utf-8"
    )
    r = import_dataset(store, d)
    assert r.status == "imported" and r.documents == [42]
    (sp,) = list_spans(store, 42)
    assert (sp.start, sp.end, sp.text, sp.note) == (0, 10, "令和4年\r\n4月1日", "手入力")


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "name", ["../evil.ann", "/abs/evil.ann", "a/../../evil.ann", "C:/evil.ann", "..\\evil.ann"]
)
def test_zip_slip_is_refused(store: Store, tmp_path: Path, name: str) -> None:
    z = _zip(tmp_path / "s.zip", {"ok.txt": "本文".encode(), "ok.ann": b"", name: b""})
    r = import_dataset(store, z, "brat")
    assert r.status == "failed" and "points outside the archive" in r.reason
    assert list_documents(store) == []


def test_zip_bomb_is_refused(store: Store, tmp_path: Path) -> None:
    z = _zip(tmp_path / "bomb.zip", {"a.txt": b"0" * (8 * 2**20), "a.ann": b""})
    assert z.stat().st_size * MAX_RATIO < 8 * 2**20
    r = import_dataset(store, z, "brat")
    assert r.status == "failed" and "zip bomb" in r.reason


def test_zip_entry_that_lies_about_its_size(store: Store, tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("a.txt", "本文です".encode())
        z.writestr("a.ann", b"")
    data = bytearray(buf.getvalue())
    # Patch the central directory's uncompressed size of a.txt down to 1 byte.
    cd = data.find(b"PK\x01\x02")  # the first central-directory entry: a.txt
    data[cd + 24 : cd + 28] = (1).to_bytes(4, "little")
    (tmp_path / "lie.zip").write_bytes(bytes(data))
    r = import_dataset(store, tmp_path / "lie.zip", "brat")
    # zipfile stops at the declared size and then finds the CRC wrong; either way: refused.
    assert r.status == "failed" and ("larger than it declares" in r.reason or "CRC" in r.reason)
    assert list_documents(store) == []


def test_native_raw_text_and_offset_map_are_kept(store: Store, tmp_path: Path) -> None:
    rec = {
        "id": 5,
        "title": "t",
        "text": "金5万円",
        "raw_text": "金５万円",
        "offset_map": {"v": 1, "raw_len": 4, "runs": [[4, 0, 4]]},
        "spans": [{"start": 1, "end": 4, "label": "MONEY", "text": "5万円"}],
    }
    assert import_dataset(store, _jsonl(tmp_path / "n.jsonl", [rec])).status == "imported"
    out = export_to(store, "jsonl", tmp_path / "raw.jsonl", offsets="raw")
    got = json.loads(out["OUT.jsonl"])
    assert got["text"] == "金５万円" and got["spans"][0]["text"] == "５万円"


def test_unknown_document_status_is_refused(store: Store, tmp_path: Path) -> None:
    rec = {"text": "金5万円", "status": "finished", "spans": []}
    r = import_dataset(store, _jsonl(tmp_path / "n.jsonl", [rec]))
    assert r.status == "failed" and "unknown document status 'finished'" in r.reason


def test_not_json(store: Store, tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text('{"text": "a", "spans": []}\n{oops\n', "utf-8")
    r = import_dataset(store, p, "jsonl")
    assert r.status == "failed" and "line 2: not valid JSON" in r.reason


def test_kept_ids_do_not_collide_with_later_documents(store: Store, tmp_path: Path) -> None:
    """On PostgreSQL the id sequence is moved past the ids an import kept."""
    recs = [{"id": i, "text": f"本文{i}", "spans": []} for i in (1, 2)]
    assert import_dataset(store, _jsonl(tmp_path / "n.jsonl", recs)).documents == [1, 2]
    r = import_dataset(store, _jsonl(tmp_path / "d.jsonl", [{"text": "別の本文", "label": []}]))
    assert r.status == "imported" and r.documents == [3]
    again = import_dataset(
        store, _jsonl(tmp_path / "m.jsonl", [{"id": 2, "text": "x", "spans": []}])
    )
    assert again.documents == [4], "a taken id is not reused"


@pytest.mark.parametrize(
    "record",
    [
        {"text": "本文", "spans": [], "tags": ["not", "a", "dict"]},
        {"text": "本文", "spans": {"start": 0}},
        {"text": 5, "spans": []},
    ],
)
def test_fields_of_the_wrong_type_fail_cleanly(store: Store, tmp_path: Path, record: dict) -> None:
    r = import_dataset(store, _jsonl(tmp_path / "n.jsonl", [record]), "jsonl")
    assert r.status == "failed" and r.reason
    assert list_documents(store) == []

"""Every reason the importer gives has Japanese wording for the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.importer import import_file
from core.messages import reason_ja
from core.store.db import Store

CASES = {
    "empty.txt": (b"", "ファイルが空です"),
    "bin.txt": (b"\x00\x01\x02" * 50, "バイナリ"),
    "bad.txt": (b"\xfd\xfe\x80\xa0\xfc\x81" * 20, "文字コードを判別できません"),
    "x.json": (b"{broken", "JSON として読めません"),
    "y.json": (json.dumps({"a": 1}).encode(), "contents"),
    "z.png": (b"\x89PNG", "対応していない形式です（.png）"),
    "fake.pdf": (b"hello, not a pdf", "PDF ファイルではありません"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_import_failures_read_in_japanese(sqlite_store: Store, tmp_path: Path, name: str) -> None:
    data, ja = CASES[name]
    p = tmp_path / name
    p.write_bytes(data)
    r = import_file(sqlite_store, p)
    assert r.status == "failed"
    assert ja in reason_ja(r.reason)


def test_unknown_reason_is_kept() -> None:
    assert reason_ja("something new") == "something new"
    assert (
        reason_ja("contains a NUL character at position 12")
        == "NUL 文字が含まれています（12 文字目）"
    )

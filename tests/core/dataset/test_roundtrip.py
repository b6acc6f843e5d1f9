"""Export -> import into a fresh database -> export gives the same files.

Native JSONL keeps everything, the source of each span included; doccano, Label Studio
and brat are byte-identical after one round. Ids stay the same because an import keeps a
record's id where it is free.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.dataset.importer import import_dataset
from core.store.db import Store
from core.store.migrate import open_store
from tests.core.dataset.helpers import add_doc, export_to

CASES = [
    ("jsonl", "out.jsonl", {}),
    ("doccano", "out.jsonl", {"doccano_form": "label"}),
    ("doccano", "out.jsonl", {"doccano_form": "entities"}),
    ("labelstudio", "out.json", {}),
    ("brat", "out", {}),
    ("brat", "out.zip", {}),
]
IMPORT_PATH = {"labelstudio": "out.json"}


def round_trip(
    src: Store, make: Callable[[str], Store], tmp: Path, fmt: str, name: str, opts: dict
) -> tuple[dict[str, bytes], dict[str, bytes], dict[str, bytes]]:
    first = export_to(src, fmt, tmp / "1" / name, **opts)
    dst = make("rt1")
    r = import_dataset(dst, tmp / "1" / name, fmt)
    assert r.status == "imported", r.reason
    second = export_to(dst, fmt, tmp / "2" / name, **opts)
    dst2 = make("rt2")
    assert import_dataset(dst2, tmp / "2" / name, fmt).status == "imported"
    third = export_to(dst2, fmt, tmp / "3" / name, **opts)
    return first, second, third


@pytest.mark.parametrize("spans", ["accepted", "all"])
@pytest.mark.parametrize("offsets", ["text", "raw"])
@pytest.mark.parametrize(("fmt", "name", "opts"), CASES)
def test_round_trip_is_exact(
    corpus_store: Store,
    fresh,
    tmp_path: Path,
    fmt: str,
    name: str,
    opts: dict,
    spans: str,
    offsets: str,
) -> None:
    first, second, third = round_trip(
        corpus_store, fresh, tmp_path, fmt, name, {**opts, "spans": spans, "offsets": offsets}
    )
    assert first and any(first.values())
    if fmt == "jsonl":
        assert first == second  # the native format keeps each span's source too
        assert b'"source":"manual"' in first["OUT.jsonl"]
    else:
        assert first == second
    assert second == third


def test_native_import_keeps_status_annotator_value_note_tags(
    corpus_store: Store, fresh, tmp_path: Path
) -> None:
    first = export_to(corpus_store, "jsonl", tmp_path / "a.jsonl", spans="all")
    dst = fresh()
    r = import_dataset(dst, tmp_path / "a.jsonl")
    assert r.status == "imported" and r.format == "jsonl"
    second = export_to(dst, "jsonl", tmp_path / "b.jsonl", spans="all")
    a = [json.loads(x) for x in first["OUT.jsonl"].decode().splitlines()]
    b = [json.loads(x) for x in second["OUT.jsonl"].decode().splitlines()]
    assert [d["id"] for d in a] == [d["id"] for d in b]
    assert b[0]["status"] == "done" and b[0]["tags"] == {"outcome": "認容"}
    money = next(sp for sp in b[0]["spans"] if sp["label"] == "MONEY")
    assert money["note"] == "元本\tのみ\n(利息別)" and money["annotator"] == "yamada"
    assert {sp["status"] for sp in b[0]["spans"]} == {"accepted", "suggested", "rejected"}
    assert [sp["source"] for sp in b[0]["spans"]] == [sp["source"] for sp in a[0]["spans"]]
    assert first == second


# --- property: random texts, non-BMP characters, CRLF originals, overlapping spans ----------

ALPHABET = ["あ", "漢", "𠮷", "😀", "円", "A", "1", "１", " ", "　", "、", "。", "\t"]
LABELS = ["MONEY", "DATE", "PERSON"]
_TEMPLATE: list[Path] = []


def _new_store(where: Path, name: str) -> Store:
    """A copy of one migrated empty database: much faster than migrating per example."""
    if not _TEMPLATE:
        tdir = Path(tempfile.mkdtemp(prefix="hanrei-template."))
        s = open_store(f"sqlite:///{tdir / 't.db'}")
        s.dispose()
        _TEMPLATE.append(tdir / "t.db")
    shutil.copy(_TEMPLATE[0], where / f"{name}.db")
    return open_store(f"sqlite:///{where / name}.db")


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list]:
    lines = draw(
        st.lists(
            st.text(st.sampled_from(ALPHABET), min_size=1, max_size=12), min_size=1, max_size=5
        )
    )
    raw = "".join(line + draw(st.sampled_from(["\r\n", "\n", "\r\n"])) for line in lines)
    n = len(raw.replace("\r\n", "\n"))
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, n - 1))
        b = draw(st.integers(a + 1, n))
        extra = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "value": st.one_of(
                        st.integers(-10, 10**9), st.text(max_size=3), st.just({"k": [1, "𠮷"]})
                    ),
                    "note": st.text(
                        st.sampled_from(["メ", "\n", "\t", "😀", " "]), min_size=1, max_size=4
                    ),
                    "annotator": st.sampled_from(["yamada", "佐藤"]),
                    "status": st.sampled_from(["accepted", "suggested", "rejected"]),
                },
            )
        )
        spans.append((draw(st.sampled_from(LABELS)), a, b, extra))
    return raw, spans


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    docs=st.lists(documents(), min_size=1, max_size=3),
    case=st.sampled_from(CASES),
    spans=st.sampled_from(["accepted", "all"]),
    offsets=st.sampled_from(["text", "raw"]),
)
def test_round_trip_property(docs: list, case: tuple, spans: str, offsets: str) -> None:
    fmt, name, opts = case
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        stores: list[Store] = []

        def make(n: str) -> Store:
            stores.append(_new_store(tmp, n))
            return stores[-1]

        src = make("src")
        try:
            for i, (raw, sp) in enumerate(docs):
                add_doc(src, raw, sp, title=f"t{i}")
            first, second, third = round_trip(
                src, make, tmp, fmt, name, {**opts, "spans": spans, "offsets": offsets}
            )
            if fmt == "jsonl":
                assert first == second
            else:
                assert first == second
            assert second == third
        finally:
            for s in stores:
                s.dispose()


def test_jsonl_lines_survive_splitlines(tmp_path: Path) -> None:
    """U+0085, U+2028 and U+2029 are escaped: a reader using str.splitlines sees one record."""
    from core.dataset.common import json_line

    line = json_line({"text": "甲\x85乙\u2028丙\u2029丁", "v": "\x0b"})
    assert line.count("\n") == 1 and len(line.splitlines()) == 1
    assert json.loads(line)["text"] == "甲\x85乙\u2028丙\u2029丁"

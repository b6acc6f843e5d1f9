"""Which documents and spans go out, and reproducible train/dev/test splits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import core.dataset.common as common
from core.dataset.common import ExportOptions, iter_documents, select_ids
from core.dataset.formats import export, parse_split, split_ids, split_path
from core.errors import HanreiError
from core.store.db import Store
from tests.core.dataset.helpers import add_doc


def _ids(store: Store, **kw: object) -> list[int]:
    return select_ids(store, ExportOptions(**kw))  # type: ignore[arg-type]


def test_document_filters(corpus_store: Store) -> None:
    assert len(_ids(corpus_store)) == 3
    assert len(_ids(corpus_store, project="default")) == 2
    assert _ids(corpus_store, status=frozenset({"done"})) == [1]
    assert _ids(corpus_store, status=frozenset({"done", "in_progress"})) == [1, 2]
    assert _ids(corpus_store, annotator="sato") == [1, 2]
    assert _ids(corpus_store, annotator="yamada") == [1]
    assert _ids(corpus_store, annotator="nobody") == []


def test_span_filters(corpus_store: Store) -> None:
    docs = list(iter_documents(corpus_store, ExportOptions(project="default")))
    assert {sp.status for d in docs for sp in d.spans} == {"accepted"}
    every = list(iter_documents(corpus_store, ExportOptions(project="default", spans="all")))
    assert {sp.status for d in every for sp in d.spans} == {"accepted", "suggested", "rejected"}
    only = list(
        iter_documents(
            corpus_store, ExportOptions(labels=frozenset({"MONEY", "DATE"}), spans="all")
        )
    )
    assert sorted(sp.text for d in only for sp in d.spans) == [
        "12万3000円",
        "50万円",
        "令和4年4月1日",
    ]


def test_raw_offsets_point_into_the_original(corpus_store: Store, tmp_path: Path) -> None:
    export(corpus_store, "jsonl", tmp_path / "r.jsonl", ExportOptions(offsets="raw", spans="all"))
    rec = json.loads((tmp_path / "r.jsonl").read_text("utf-8").splitlines()[0])
    assert rec["offsets"] == {"base": "raw", "unit": "codepoint", "end": "exclusive"}
    assert "\r\n" in rec["text"]
    texts = {sp["label"]: sp["text"] for sp in rec["spans"]}
    assert texts["MONEY"] == "１２万３０００円" and texts["TERM"] == "令和4年4月1日に\r\n金員"


def test_chunks_stream_every_document_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(7):
        add_doc(
            store,
            f"本文{i}。金{i}円\n",
            [("MONEY", 4, 6 + len(str(i)), {"value": i})],
            title=f"d{i}",
        )
    monkeypatch.setattr(common, "CHUNK", 3)
    docs = list(iter_documents(store, ExportOptions()))
    assert [d.title for d in docs] == [f"d{i}" for i in range(7)]
    assert [d.spans[0].value for d in docs] == list(range(7))
    assert all(d.spans[0].text == d.text[d.spans[0].start : d.spans[0].end] for d in docs)


def test_split_is_reproducible_disjoint_and_complete() -> None:
    ids = list(range(1, 101))
    a = split_ids(ids, (0.8, 0.1, 0.1), 42)
    assert a == split_ids(list(reversed(ids)), (0.8, 0.1, 0.1), 42), "order of ids does not matter"
    assert [len(p) for p in a] == [80, 10, 10]
    assert sorted(x for p in a for x in p) == ids
    assert a != split_ids(ids, (0.8, 0.1, 0.1), 43)
    assert [len(p) for p in split_ids(ids[:7], (0.5, 0.5), 1)] == [4, 3]


def test_split_paths() -> None:
    assert split_path(Path("d/out.jsonl"), "train") == Path("d/out.train.jsonl")
    assert split_path(Path("d/brat"), "dev") == Path("d/brat.dev")
    assert split_path(Path("d/b.zip"), "test") == Path("d/b.test.zip")


@pytest.mark.parametrize("bad", ["0.8,0.3", "1", "a,b", "0.5,0.5,0.5,-0.5", "0.2,0.2,0.2,0.4"])
def test_bad_split_specs(bad: str) -> None:
    with pytest.raises(HanreiError):
        parse_split(bad)


def test_split_export_writes_one_file_per_split(store: Store, tmp_path: Path) -> None:
    for i in range(10):
        add_doc(store, f"本文{i}\n", [], title=f"d{i}")
    results = export(store, "doccano", tmp_path / "s.jsonl", ExportOptions(), (0.6, 0.2, 0.2), 7)
    assert [r.path.name for r in results] == ["s.train.jsonl", "s.dev.jsonl", "s.test.jsonl"]
    assert [r.documents for r in results] == [6, 2, 2]
    seen = [json.loads(x)["id"] for r in results for x in r.path.read_text("utf-8").splitlines()]
    assert sorted(seen) == list(range(1, 11))
    again = export(store, "doccano", tmp_path / "t.jsonl", ExportOptions(), (0.6, 0.2, 0.2), 7)
    assert [r.path.read_bytes() for r in again] == [r.path.read_bytes() for r in results]

"""Every export format on the real dev corpus after suggestion: the files are written, the
exact formats round-trip byte for byte, and each file is read back by its reader (spaCy's
DocBin, csv, json) with every span on the characters it names.

Skipped where the corpus folder beside the repository is absent; the fictional fixtures of
test_formats.py and test_roundtrip.py cover every rule."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.dataset.common import ExportOptions
from core.dataset.formats import export
from core.dataset.importer import import_dataset
from core.importer import import_paths
from core.services import list_documents
from core.store.db import Store
from core.store.migrate import open_store
from tests.conftest import CORPUS
from tests.core.dataset.helpers import snapshot


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    if not (CORPUS / "dev").is_dir():
        pytest.skip(f"real-judgment corpus not found at {CORPUS} (it lives beside the repo)")
    folder = tmp_path_factory.mktemp("dev")
    store = open_store(f"sqlite:///{folder / 'dev.db'}")
    files = sorted((CORPUS / "dev").glob("*.json")) + sorted((CORPUS / "web").glob("*.txt"))
    results = list(import_paths(store, files, suggest=True))
    refused = [(r.path, r.reason) for r in results if r.status != "imported"]
    assert not refused, refused
    yield store
    store.dispose()


def _native(store: Store, out: Path) -> list[dict]:
    export(store, "jsonl", out, ExportOptions(spans="all"))
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def test_native_export_puts_every_span_on_its_characters(dev_store: Store, tmp_path: Path) -> None:
    records = _native(dev_store, tmp_path / "n.jsonl")
    assert len(records) == len(list_documents(dev_store)) >= 20
    spans = 0
    for rec in records:
        for sp in rec["spans"]:
            assert rec["text"][sp["start"] : sp["end"]] == sp["text"]
            spans += 1
    assert spans > 5000, "the suggestions of the whole corpus"


EXACT = [
    ("jsonl", "out.jsonl", {}),
    ("doccano", "out.jsonl", {"doccano_form": "entities"}),
    ("labelstudio", "out.json", {}),
    ("brat", "out.zip", {}),
]


@pytest.mark.parametrize(("fmt", "name", "opts"), EXACT)
@pytest.mark.parametrize("offsets", ["text", "raw"])
def test_round_trip_of_the_dev_corpus_is_byte_identical(
    dev_store: Store, tmp_path: Path, fmt: str, name: str, opts: dict, offsets: str
) -> None:
    options = ExportOptions(spans="all", offsets=offsets, **opts)  # type: ignore[arg-type]
    (r,) = export(dev_store, fmt, tmp_path / "1" / name, options)
    assert r.documents >= 20 and r.spans > 5000
    first = snapshot(tmp_path / "1" / name)
    again = open_store(f"sqlite:///{tmp_path / 'again.db'}")
    try:
        res = import_dataset(again, tmp_path / "1" / name, fmt)
        assert res.status == "imported", res.reason
        export(again, fmt, tmp_path / "2" / name, options)
    finally:
        again.dispose()
    assert snapshot(tmp_path / "2" / name) == first


def test_spacy_docbin_of_the_dev_corpus_reads_back(dev_store: Store, tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    (r,) = export(dev_store, "spacy", tmp_path / "c.spacy", ExportOptions(spans="all"))
    docs = list(DocBin().from_disk(tmp_path / "c.spacy").get_docs(spacy.blank("xx").vocab))
    assert len(docs) == r.documents >= 20
    native = {rec["id"]: rec for rec in _native(dev_store, tmp_path / "n.jsonl")}
    n = 0
    for doc in docs:
        rec = native[doc.user_data["hanrei"]["id"]]
        assert doc.text == rec["text"]
        got = sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"])
        want = sorted((sp["start"], sp["end"], sp["label"]) for sp in rec["spans"])
        assert got == want
        n += len(got)
    assert n == r.spans


@pytest.mark.parametrize("fmt", ["conll", "hf"])
def test_token_formats_of_the_dev_corpus_are_valid_iob2(
    dev_store: Store, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / ("c.conll" if fmt == "conll" else "h.jsonl")
    opts = ExportOptions(spans="all", hf_tags="str")
    (r,) = export(dev_store, fmt, out, opts)
    if fmt == "conll":
        body = out.read_text("utf-8")
        rows = [ln.split("\t") for ln in body.splitlines() if ln and ln != "-DOCSTART-\tO"]
        tags = [row[1] for row in rows]
        assert all(len(row) == 2 and row[0].strip() for row in rows)
    else:
        recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
        assert all(len(x["tokens"]) == len(x["ner_tags"]) for x in recs)
        tags = [t for x in recs for t in x["ner_tags"]]
    prev = "O"
    for t in tags:
        assert t == "O" or t[:2] in ("B-", "I-")
        assert not t.startswith("I-") or prev[2:] == t[2:], "I- continues its own label"
        prev = t
    begins = sum(t.startswith("B-") for t in tags)
    left_out = r.extra["overlapping_spans_left_out"]
    assert begins >= r.spans - left_out > 1000


def test_csv_of_the_dev_corpus_has_a_row_per_span(dev_store: Store, tmp_path: Path) -> None:
    (r,) = export(dev_store, "csv", tmp_path / "v.csv", ExportOptions(spans="all"))
    data = (tmp_path / "v.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == r.spans > 5000
    by_label: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_label.setdefault(row["label"], []).append(row)
    assert all(row["value"].isdigit() for row in by_label["MONEY"]), "yen Excel can sum"
    assert all(re.fullmatch(r"\d{4}-\d\d(-\d\d)?", row["value"]) for row in by_label["DATE"])
    assert all(re.fullmatch(r"P[0-9YMWDTHS.]+", row["value"]) for row in by_label["PERIOD"])
    assert all(float(row["value"]) > 0 for row in by_label["RATE"])

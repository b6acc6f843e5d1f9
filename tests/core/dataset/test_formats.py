"""Each export format checked against its own spec (or reader, where one is installed)."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from core.dataset.common import ExportOptions
from core.dataset.formats import export
from core.errors import HanreiError
from core.store.db import Store
from tests.core.dataset.conftest import build_corpus
from tests.core.dataset.helpers import add_doc, export_to, text_of


def _lines(data: bytes) -> list[dict]:
    return [json.loads(x) for x in data.decode("utf-8").splitlines()]


def test_doccano_label_and_entities_forms(corpus_store: Store, tmp_path: Path) -> None:
    a = _lines(export_to(corpus_store, "doccano", tmp_path / "a.jsonl")["OUT.jsonl"])
    e = _lines(
        export_to(corpus_store, "doccano", tmp_path / "e.jsonl", doccano_form="entities")[
            "OUT.jsonl"
        ]
    )
    assert [r["id"] for r in a] == [r["id"] for r in e]
    for ra, re_ in zip(a, e, strict=True):
        assert "entities" not in ra and "label" not in re_ and re_["relations"] == []
        assert [[x["start_offset"], x["end_offset"], x["label"]] for x in re_["entities"]] == ra[
            "label"
        ]
        assert ra["offsets"] == {"base": "text", "unit": "codepoint", "end": "exclusive"}
        for s, t, _ in ra["label"]:
            assert 0 <= s < t <= len(ra["text"])
    person = next(lb for lb in a[0]["label"] if lb[2] == "PERSON")
    assert a[0]["text"][person[0] : person[1]] == "𠮷川一郎"  # code points, not UTF-16


def test_labelstudio_tasks_follow_the_documented_schema(
    corpus_store: Store, tmp_path: Path
) -> None:
    """The tasks against the documented JSON task format and the config it names; the next
    test has Label Studio's own converter read them."""
    files = export_to(corpus_store, "labelstudio", tmp_path / "ls.json", spans="all")
    tasks = json.loads(files["OUT.json"])
    config = ET.fromstring(files["OUT.label_config.xml"])
    labels_tag = config.find("Labels")
    text_tag = config.find("Text")
    assert labels_tag is not None and text_tag is not None
    assert text_tag.get("value") == "$text" and labels_tag.get("toName") == text_tag.get("name")
    allowed = {lb.get("value") for lb in labels_tag.findall("Label")}
    assert isinstance(tasks, list) and len(tasks) == 3
    seen_status = set()
    for task in tasks:
        assert isinstance(task["id"], int) and isinstance(task["data"]["text"], str)
        for kind, status in (("annotations", "accepted"), ("predictions", "suggested")):
            for a in task[kind]:
                if kind == "predictions":
                    assert a["model_version"]
                for r in a["result"]:
                    assert r["from_name"] == labels_tag.get("name") and r[
                        "to_name"
                    ] == text_tag.get("name")
                    assert r["type"] == "labels" and isinstance(r["id"], str)
                    v = r["value"]
                    assert task["data"]["text"][v["start"] : v["end"]] == v["text"]
                    assert len(v["labels"]) == 1 and v["labels"][0] in allowed
                    seen_status.add(status)
    assert seen_status == {"accepted", "suggested"}
    first = tasks[0]
    assert "2022-04-01" not in json.dumps(first), "rejected spans are left out"
    money = next(r for r in first["annotations"][0]["result"] if r["value"]["labels"] == ["MONEY"])
    assert money["meta"] == {
        "text": ["元本\tのみ\n(利息別)"],
        "value": 123000,
        "annotator": "yamada",
    }


def test_labelstudio_converter_reads_the_tasks_with_our_config(
    corpus_store: Store, tmp_path: Path
) -> None:
    """label-studio-converter (Label Studio's own, from PyPI) parses the exported config and
    takes every accepted span of every task through it: a wrong from_name, to_name or type
    would leave its output empty."""
    from label_studio_converter import Converter

    files = export_to(corpus_store, "labelstudio", tmp_path / "ls.json", spans="all")
    tasks = json.loads(files["OUT.json"])
    conv = Converter(config=str(tmp_path / "ls.label_config.xml"), project_dir=str(tmp_path))
    conv.convert_to_json_min(str(tmp_path / "ls.json"), str(tmp_path / "min"), is_dir=False)
    records = json.loads((tmp_path / "min" / "result.json").read_text("utf-8"))
    config = ET.fromstring(files["OUT.label_config.xml"])
    name = config.find("Labels").get("name")  # type: ignore[union-attr]
    assert len(records) == len(tasks) == 3
    n = 0
    for rec, task in zip(records, tasks, strict=True):
        assert rec["id"] == task["id"] and rec["text"] == task["data"]["text"]
        want = sorted(
            (r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
            for a in task["annotations"]
            for r in a["result"]
        )
        got = rec.get(name, [])
        assert sorted((x["start"], x["end"], x["labels"][0]) for x in got) == want
        assert all(rec["text"][x["start"] : x["end"]] == x["text"] for x in got)
        n += len(got)
    assert n >= 5


_T_LINE = re.compile(r"^T(\d+)\t([^\s]+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")


def _check_standoff(txt: str, ann: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """A reader written from the brat standoff spec (no brat reader installs here)."""
    out = []
    ids = set()
    for line in ann.split("\n"):
        if not line:
            continue
        if line.startswith("#"):
            _, head, note = line.split("\t")
            kind, ref = head.split(" ")
            assert kind == "AnnotatorNotes" and ref in ids
            json.loads(note)
            continue
        m = _T_LINE.match(line)
        assert m, line
        ids.add(f"T{m.group(1)}")
        frags = [tuple(map(int, f.split())) for f in m.group(3).split(";")]
        for a, b in frags:
            assert 0 <= a < b <= len(txt) and "\n" not in txt[a:b] and "\r" not in txt[a:b]
        assert " ".join(txt[a:b] for a, b in frags) == m.group(4)
        out.append((m.group(2), frags))
    return out


def test_brat_standoff(corpus_store: Store, tmp_path: Path) -> None:
    folder = export_to(corpus_store, "brat", tmp_path / "b", spans="all", offsets="raw")
    zipped = export_to(corpus_store, "brat", tmp_path / "b.zip", spans="all", offsets="raw")
    with zipfile.ZipFile(io.BytesIO(zipped["OUT.zip"])) as z:
        assert {n: z.read(n) for n in z.namelist()} == folder
    conf = folder["annotation.conf"].decode()
    assert conf.startswith("[entities]\n") and "[relations]" in conf
    entity_types = set(conf.split("[relations]")[0].split()[1:])
    txt = folder["doc000001.txt"].decode()
    assert "\r\n" in txt, "raw offsets: the CRLF original"
    found = _check_standoff(txt, folder["doc000001.ann"].decode())
    assert {label for label, _ in found} <= entity_types
    term = next(frags for label, frags in found if label == "TERM")
    assert len(term) == 2, "a span across a line break is two fragments"
    ann = folder["doc000001.ann"].decode()
    assert '"status":"rejected"' in ann and '"value":123000' in ann


def test_brat_folder_is_not_written_over_foreign_files(corpus_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "b"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"precious")
    with pytest.raises(OSError, match=r"thesis\.docx"):
        export(corpus_store, "brat", out, ExportOptions())
    assert (out / "thesis.docx").read_bytes() == b"precious"
    (out / "thesis.docx").unlink()
    (out / "doc999999.ann").write_text("stale", "utf-8")
    export(corpus_store, "brat", out, ExportOptions())
    assert not (out / "doc999999.ann").exists(), "an earlier export is replaced whole"


def _iob_valid(rows: list[tuple[str, str]]) -> bool:
    prev = "O"
    for _, tag in rows:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            return False
        prev = tag
    return True


def test_conll_cuts_tokens_at_span_boundaries_and_counts_them(store: Store, tmp_path: Path) -> None:
    text = "証人𠮷田花子は述べた。\n"
    i = text.index("田花")
    doc = add_doc(store, text, [("PERSON", i, i + 2, {}), ("PERSON", 2, 6, {}), ("ORG", 2, 4, {})])
    assert text_of(store, doc) == text
    (r,) = export(store, "conll", tmp_path / "c.conll", ExportOptions())
    assert r.extra == {"spans_that_cut_a_token": 2, "overlapping_spans_left_out": 2}
    body = (tmp_path / "c.conll").read_text("utf-8")
    assert body.startswith("-DOCSTART-\tO\n\n")
    rows = [tuple(x.split("\t")) for x in body.split("\n\n", 1)[1].splitlines() if x]
    assert "".join(tok for tok, _ in rows) == text.strip()
    assert [t for _, t in rows if t != "O"] == ["B-PERSON"] * 1 + ["I-PERSON"] * (
        len([1 for tok, t in rows if t.startswith("I-")])
    )
    assert "".join(tok for tok, t in rows if t != "O") == "𠮷田花子"
    assert _iob_valid(rows)


def test_conll_of_the_corpus_is_valid_iob2(corpus_store: Store, tmp_path: Path) -> None:
    (r,) = export(corpus_store, "conll", tmp_path / "c.conll", ExportOptions(spans="all"))
    sentences = (tmp_path / "c.conll").read_text("utf-8").split("\n\n")
    for sent in sentences:
        rows = [
            tuple(x.split("\t")) for x in sent.splitlines() if x and not x.startswith("-DOCSTART-")
        ]
        assert all(len(row) == 2 and row[0].strip() for row in rows)
        assert _iob_valid(rows), rows
    joined = (tmp_path / "c.conll").read_text("utf-8")
    assert "B-TERM" in joined and "I-TERM" in joined, "a span across a line restarts with B-"
    assert r.extra["overlapping_spans_left_out"] == 2  # PERSON in PARTY, DATE in TERM


@pytest.mark.parametrize("tags", ["int", "str"])
def test_hf_jsonl_with_labels_file(corpus_store: Store, tmp_path: Path, tags: str) -> None:
    out = tmp_path / "h.jsonl"
    export(corpus_store, "hf", out, ExportOptions(hf_tags=tags))  # type: ignore[arg-type]
    names = json.loads((tmp_path / "h.labels.json").read_text("utf-8"))
    assert names[0] == "O" and "B-MONEY" in names and "I-MONEY" in names
    recs = _lines(out.read_bytes())
    assert recs and all(len(r["tokens"]) == len(r["ner_tags"]) for r in recs)
    flat = [
        (tok, names[t] if tags == "int" else t)
        for r in recs
        for tok, t in zip(r["tokens"], r["ner_tags"], strict=True)
    ]
    assert all(isinstance(t, int if tags == "int" else str) for r in recs for t in r["ner_tags"])
    money = "".join(tok for tok, t in flat if t.endswith("-MONEY"))
    assert money == "12万3000円50万円"


def test_csv_opens_in_excel(corpus_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "v.csv"
    export(corpus_store, "csv", out, ExportOptions(labels=frozenset({"MONEY", "PERSON"})))
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads UTF-8"
    assert data.count(b"\r\n") >= 5 and b"\n" not in data.replace(b"\r\n", b"").replace(b"\n(", b"")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [
        "document",
        "case_number",
        "label",
        "text",
        "value",
        "attributes",
        "start",
        "end",
        "section",
        "document_id",
    ]
    by_text = {r["text"]: r for r in rows}
    assert set(by_text) == {"12万3000円", "𠮷川一郎", "乙山花子", "50万円"}
    assert by_text["12万3000円"]["value"] == "123000" and by_text["12万3000円"]["section"] == ""
    assert by_text["𠮷川一郎"]["value"] == '{"role": "原告"}', "a PERSON value without a name"
    assert (
        by_text["50万円"]["section"] == "第1 請求"
        and by_text["乙山花子"]["case_number"] == "令和6年(ネ)第5号"
    )


def test_csv_section_is_the_innermost_heading(store: Store, tmp_path: Path) -> None:
    text = "第1　請求\n1　前提\n金100円\n第2　判断\n金200円\n"
    heads = [
        ("SECTION", text.index(h), text.index(h) + len(h), {"value": v})
        for h, v in (
            ("第1　請求", {"number": "第1", "title": "請求", "level": 1}),
            ("1　前提", {"number": "1", "title": "前提", "level": 2}),
            ("第2　判断", {"number": "第2", "title": "判断", "level": 1}),
        )
    ]
    money = [("MONEY", text.index(m), text.index(m) + len(m), {}) for m in ("金100円", "金200円")]
    add_doc(store, text, heads + money)
    export(store, "csv", tmp_path / "v.csv", ExportOptions(labels=frozenset({"MONEY"})))
    rows = list(
        csv.DictReader(io.StringIO((tmp_path / "v.csv").read_text("utf-8-sig"), newline=""))
    )
    assert [(r["text"], r["section"]) for r in rows] == [
        ("金100円", "1 前提"),
        ("金200円", "第2 判断"),
    ]


def test_spacy_missing_gives_a_clear_error(
    corpus_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(HanreiError, match="install the spacy extra"):
        export(corpus_store, "spacy", tmp_path / "x.spacy", ExportOptions())
    assert not (tmp_path / "x.spacy").exists()


def test_spacy_docbin_reads_back(store: Store, tmp_path: Path) -> None:
    import spacy  # in the test extra: the DocBin export is always read back
    from spacy.tokens import DocBin

    ids = build_corpus(store)
    (r,) = export(
        store, "spacy", tmp_path / "c.spacy", ExportOptions(spans="all", project="default")
    )
    docs = list(DocBin().from_disk(tmp_path / "c.spacy").get_docs(spacy.blank("xx").vocab))
    assert r.documents == len(docs) == 2
    doc = docs[0]
    assert doc.text == text_of(store, ids["a"])
    sc = [(s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]]
    assert len(sc) == r.spans - 3 == 7  # doc b has the other 3
    ents = {e.label_ for e in doc.ents}
    assert "MONEY" in ents and not ({"PERSON", "PARTY"} & ents), "overlapping spans are not ents"
    assert {"PERSON", "PARTY"} <= {label for _, _, label in sc}
    assert doc.user_data["hanrei"]["id"] == ids["a"]
    for s in doc.spans["sc"]:
        assert s.text == doc.text[s.start_char : s.end_char]


def test_brat_read_by_a_third_party_reader(corpus_store: Store, tmp_path: Path) -> None:
    """bratly (from PyPI) parses every .ann; its entities match the .txt we wrote."""
    bratly = pytest.importorskip("bratly", reason="bratly-io-fs (test extra) is not installed")
    from bratly.io import read_and_load_ann_file

    export(corpus_store, "brat", tmp_path / "b", ExportOptions(spans="all", offsets="raw"))
    n_entities = 0
    for ann in sorted((tmp_path / "b").glob("*.ann")):
        with open(ann.with_suffix(".txt"), encoding="utf-8", newline="") as f:
            txt = f.read()
        coll = read_and_load_ann_file(str(ann), sorting=False, renumerotize=False)
        assert coll is not None
        ents = [a for a in coll.annotations if isinstance(a, bratly.EntityAnnotation)]
        notes = [a for a in coll.annotations if isinstance(a, bratly.NoteAnnotation)]
        for e in ents:
            assert " ".join(txt[f.start : f.end] for f in e.fragments) == e.content
        assert len(notes) == ann.read_text("utf-8").count("\tAnnotatorNotes T")
        n_entities += len(ents)
    assert n_entities == 10  # every span of the corpus (doc c has none)


def test_csv_value_is_the_normalised_value_and_the_rest_are_attributes(
    store: Store, tmp_path: Path
) -> None:
    text = "第1　請求\n被告は平成30年4月頃に民法709条に基づき約180万円を支払え。\n"
    at = text.index
    add_doc(
        store,
        text,
        [
            ("SECTION", 0, 2, {"value": {"kind": "請求", "level": 1, "number": "第1",
                                         "title": "請求"}}),
            ("DATE", at("平成"), at("に民法"), {"value": {"date": "2018-04", "approx": "頃"}}),
            ("LAW", at("民法"), at("に基づき"), {"value": {"law": "民法", "article": "709条"}}),
            ("MONEY", at("約"), at("を支払"), {"value": {"yen": 1800000, "approx": True}}),
        ],
    )
    export(store, "csv", tmp_path / "v.csv", ExportOptions())
    rows = list(
        csv.DictReader(io.StringIO((tmp_path / "v.csv").read_text("utf-8-sig"), newline=""))
    )
    got = {r["label"]: (r["value"], r["attributes"]) for r in rows}
    assert got == {
        "SECTION": ("第1 請求", '{"kind": "請求", "level": 1, "title": "請求"}'),
        "DATE": ("2018-04", '{"approx": "頃"}'),
        "LAW": ("民法709条", ""),
        "MONEY": ("1800000", '{"approx": true}'),
    }

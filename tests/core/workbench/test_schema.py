"""Label schema services: every rule of core.schema on the default project (both backends)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core import services
from core.doc_tags import add_tag_field, list_tag_fields
from core.importer import import_file
from core.schema import (
    SchemaError,
    add_label,
    check_shortcut,
    export_schema,
    import_schema,
    list_schema,
    read_schema,
    reorder_labels,
    restore_label,
    retire_label,
    update_label,
    write_schema,
)
from core.store.db import Store


def _keys(store: Store) -> list[str]:
    return [lb.key for lb in list_schema(store)]


def test_add_rename_recolour_rekey_describe(store: Store) -> None:
    add_label(store, "WITNESS", "証人", "#AABBCC", "w", "証言した人")
    update_label(store, "WITNESS", name="証人名", color="#112233", shortcut="ｖ",
                 description="## 証人\n証言した人物")
    lb = next(x for x in list_schema(store) if x.key == "WITNESS")
    assert (lb.name, lb.color, lb.shortcut) == ("証人名", "#112233", "v")
    assert lb.description.startswith("## 証人")
    assert _keys(store)[-1] == "WITNESS"


@pytest.mark.parametrize("bad", ["m", "M", "ｍ"])
def test_duplicate_shortcut_refused(store: Store, bad: str) -> None:
    with pytest.raises(SchemaError, match="金額"):
        add_label(store, "WITNESS", "証人", "#aabbcc", bad)
    assert "WITNESS" not in _keys(store)
    with pytest.raises(SchemaError, match="金額"):
        update_label(store, "DATE", shortcut=bad)


@pytest.mark.parametrize("key", ["a", "A", "あ", "Enter", "Tab", "Delete", "Backspace", "xy", " "])
def test_reserved_and_malformed_keys_refused(key: str) -> None:
    with pytest.raises(SchemaError):
        check_shortcut(key)


def test_bad_key_and_colour_refused(store: Store) -> None:
    with pytest.raises(SchemaError):
        add_label(store, "witness lower", "証人", "#aabbcc")
    with pytest.raises(SchemaError):
        add_label(store, "WITNESS", "証人", "red")
    with pytest.raises(SchemaError, match="すでに"):
        add_label(store, "MONEY", "金額2", "#aabbcc")


def test_label_in_use_is_retired_and_keeps_spans(store: Store, sample_txt: Path) -> None:
    r = import_file(store, sample_txt, suggest=False)
    assert r.document_id
    sp = services.add_span(store, r.document_id, "MONEY", 0, 2)
    assert retire_label(store, "MONEY") == "retired"
    money = next(x for x in list_schema(store) if x.key == "MONEY")
    assert not money.active and money.n_spans == 1
    assert [s.id for s in services.list_spans(store, r.document_id)] == [sp.id]
    # its key is free while retired; taking it blocks the label's return
    add_label(store, "WITNESS", "証人", "#aabbcc", "m")
    with pytest.raises(SchemaError, match="証人"):
        restore_label(store, "MONEY")
    update_label(store, "MONEY", shortcut="y")
    assert restore_label(store, "MONEY").active


def test_unused_label_is_deleted(store: Store) -> None:
    add_label(store, "WITNESS", "証人", "#aabbcc", "w")
    assert retire_label(store, "WITNESS") == "deleted"
    assert "WITNESS" not in _keys(store)


def test_reorder(store: Store) -> None:
    before = _keys(store)
    reorder_labels(store, ["TERM", "MONEY"])
    after = _keys(store)
    assert after[:2] == ["TERM", "MONEY"]
    assert after[2:] == [k for k in before if k not in ("TERM", "MONEY")]
    with pytest.raises(SchemaError):
        reorder_labels(store, ["NOPE"])


def test_export_import_round_trip(store: Store, tmp_path: Path) -> None:
    add_label(store, "WITNESS", "証人", "#aabbcc", "w", "証言した人")
    add_tag_field(store, "outcome", "結果", ["認容", "棄却"])
    path = tmp_path / "schema.json"
    write_schema(store, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "hanrei-labels/1"
    assert {"key": "outcome", "name": "結果", "choices": ["認容", "棄却"]} in data["tag_fields"]
    # a changed copy merges back: renamed, recoloured, a new label, order from the file
    data["labels"] = [d for d in data["labels"] if d["key"] != "SECTION"]
    data["labels"][0]["name"] = "お金"
    data["labels"].append({"key": "NEWONE", "name": "新", "color": "#010203", "shortcut": "q"})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    added, updated = import_schema(store, read_schema(path))
    assert (added, updated) == (1, len(data["labels"]) - 1)
    schema = list_schema(store)
    assert schema[0].name == "お金" and schema[-1].key == "SECTION"
    assert any(lb.key == "NEWONE" and lb.shortcut == "q" for lb in schema)
    assert export_schema(store)["tag_fields"] == data["tag_fields"]


def test_import_is_all_or_nothing(store: Store) -> None:
    before = list_schema(store)
    data = export_schema(store)
    data["labels"][0]["name"] = "変更"
    data["labels"].append({"key": "CLASH", "name": "衝突", "color": "#010203", "shortcut": "m"})
    with pytest.raises(SchemaError, match="重なります"):
        import_schema(store, data)
    assert list_schema(store) == before


def test_default_labels_file_imports(store: Store) -> None:
    from core.labels import DEFAULT_SCHEMA

    assert import_schema(store, read_schema(DEFAULT_SCHEMA))[0] == 0
    assert list_tag_fields(store) == []


def test_read_schema_refuses_other_files(tmp_path: Path) -> None:
    p = tmp_path / "x.json"
    p.write_text('{"labels": []}', encoding="utf-8")
    with pytest.raises(SchemaError, match="hanrei-labels/1"):
        read_schema(p)
    p.write_text("{", encoding="utf-8")
    with pytest.raises(SchemaError):
        read_schema(p)

"""Case number, court, date and case name read from a judgment's own text."""

from __future__ import annotations

from pathlib import Path

from core.importer import import_file
from core.services import load_document
from core.store.db import Store


def test_plain_text_gets_its_metadata_from_the_text(sqlite_store: Store, tmp_path: Path) -> None:
    p = tmp_path / "scan-0001.txt"
    p.write_text(
        "令和4年9月30日判決言渡　同日原本領収　裁判所書記官\n"
        "令和3年(ワ)第9876号　貸金返還請求事件\n"
        "口頭弁論終結日　令和4年7月1日\n"
        "判　　　　決\n原告　甲野太郎\n被告　乙山次郎\n主　　　　文\n"
        "1　被告は，原告に対し，100万円を支払え。\n事実及び理由\n第1　請求\n主文同旨\n"
        "東京地方裁判所民事第3部\n裁判官　丙川三郎\n",
        encoding="utf-8",
    )
    r = import_file(sqlite_store, p)
    doc = load_document(sqlite_store, r.document_id or 0)
    assert doc.metadata["case_number"] == "令和3年(ワ)第9876号"
    assert doc.metadata["case_name"] == "貸金返還請求事件"
    assert doc.metadata["date"] == "2022-09-30"
    assert doc.metadata["court"] == "東京地方裁判所民事第3部"
    assert doc.metadata["inferred"] == ["case_name", "case_number", "court", "date"]
    assert doc.title == "令和3年(ワ)第9876号 貸金返還請求事件"


def test_a_record_keeps_its_own_metadata(sqlite_store: Store, tmp_path: Path) -> None:
    import json

    p = tmp_path / "r.json"
    p.write_text(
        json.dumps(
            {
                "case_number": "令和3(ワ)9876",
                "court_name": "架空地方裁判所",
                "contents": "令和3年(ワ)第1号　別件事件\n主文\n棄却する。",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    doc = load_document(sqlite_store, import_file(sqlite_store, p).document_id or 0)
    assert doc.metadata["case_number"] == "令和3(ワ)9876"
    assert doc.metadata["court"] == "架空地方裁判所"

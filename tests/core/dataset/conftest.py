"""A small fictional corpus shared by the dataset tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.store.db import Store
from core.store.migrate import open_store
from tests.core.dataset.helpers import add_doc

# Fictional judgment text: a CRLF original (raw offsets differ), non-BMP names and emoji.
RAW_A = (
    "令和5年(ワ)第77号　貸金返還請求事件\r\n"
    "主　文\r\n"
    "1　被告は，原告𠮷川一郎に対し，１２万３０００円を支払え。\r\n"
    "第2　事案の概要\r\n"
    "原告😀は令和4年4月1日に\r\n金員を貸し付けた。\r\n"
)
RAW_B = "令和6年(ネ)第5号\n第1　請求\n控訴人乙山花子は，金50万円を支払え。\n"


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def build_corpus(store: Store) -> dict[str, int]:
    """Two projects' worth of documents with overlapping, multi-line and non-BMP spans."""
    ta = RAW_A.replace("\r\n", "\n").replace("１２万３０００", "12万3000")
    m = _at(ta, "12万3000円")
    p = _at(ta, "𠮷川一郎")
    d = _at(ta, "令和4年4月1日")
    sec = _at(ta, "第2　事案の概要")
    cross = (_at(ta, "令和4年4月1日に")[0], _at(ta, "金員")[1])  # runs over a line break
    a = add_doc(
        store,
        RAW_A,
        [
            ("CASE_NUMBER", 0, 11, {"value": "令和5年(ワ)第77号", "annotator": "yamada"}),
            (
                "SECTION",
                *sec,
                {
                    "value": {
                        "kind": "事案の概要",
                        "level": 1,
                        "number": "第2",
                        "title": "事案の概要",
                    }
                },
            ),
            ("MONEY", *m, {"value": 123000, "note": "元本\tのみ\n(利息別)", "annotator": "yamada"}),
            ("PERSON", *p, {"value": {"role": "原告"}, "annotator": "sato"}),
            ("PARTY", p[0] - 2, p[1], {"value": "原告", "status": "suggested", "source": "auto"}),
            ("DATE", *d, {"value": "2022-04-01", "status": "rejected", "source": "auto"}),
            ("TERM", *cross, {"annotator": "yamada"}),
        ],
        title="貸金返還請求事件",
        status="done",
        metadata={"case_number": "令和5年(ワ)第77号", "court": "架空地方裁判所"},
        tags={"outcome": "認容"},
    )
    tb = RAW_B
    b = add_doc(
        store,
        RAW_B,
        [
            ("SECTION", *_at(tb, "第1　請求"), {"value": {"number": "第1", "title": "請求"}}),
            ("PERSON", *_at(tb, "乙山花子"), {"annotator": "sato"}),
            ("MONEY", *_at(tb, "50万円"), {"value": 500000, "annotator": "sato"}),
        ],
        title="控訴事件",
        status="in_progress",
        metadata={"case_number": "令和6年(ネ)第5号"},
    )
    c = add_doc(store, "別の事件の本文。\n", [], title="空", project="other")
    return {"a": a, "b": b, "c": c}


@pytest.fixture
def corpus_store(store: Store) -> Store:
    build_corpus(store)
    return store


@pytest.fixture
def fresh(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Opens fresh, empty databases; all closed at the end."""
    opened: list[Store] = []

    def make(name: str = "fresh") -> Store:
        s = open_store(f"sqlite:///{tmp_path / (name + '.db')}")
        opened.append(s)
        return s

    yield make
    for s in opened:
        s.dispose()

"""The entity families on the real dev corpus: invariants and the records' own case numbers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from core.extract.base import registered
from core.extract.case_numbers import extract_case_numbers, parse
from core.text.pipeline import normalize

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus"
FAMILIES = {"case_numbers", "courts", "parties", "evidence", "laws", "terms"}

pytestmark = pytest.mark.corpus


def _records() -> list[dict[str, object]]:
    dev = CORPUS / "dev"
    if not dev.is_dir():
        pytest.skip(f"corpus not found at {dev}")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(dev.glob("*.json"))]


def test_spans_are_valid_and_never_cross_a_line() -> None:
    for rec in _records():
        text = normalize(str(rec["contents"])).text
        for ex in registered():
            if ex.name not in FAMILIES:
                continue
            for s in ex.fn(text):
                assert s.label in ex.labels
                assert 0 <= s.start < s.end <= len(text)
                assert "\n" not in text[s.start : s.end], (rec["lawsuit_id"], s)


def test_records_own_case_number_is_found_where_written() -> None:
    checked = 0
    for rec in _records():
        want = parse(str(rec["case_number"]))
        assert want is not None, rec["case_number"]
        text = normalize(str(rec["contents"])).text
        flat = re.sub(
            r"[ \u3000\n]", "", text.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})
        )
        if not re.search(rf"\({want['code']}\)第0*{want['serial']}号", flat):
            continue  # the number is not in the text (many records start at 主文)
        got = {s.value["case_number"] for s in extract_case_numbers(text)}
        assert want["case_number"] in got, rec["lawsuit_id"]
        checked += 1
    assert checked >= 10

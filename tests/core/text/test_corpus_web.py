"""The two web copies of the shared corpus import as just their judgment."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from core.text.lines import is_site_line
from core.text.pipeline import normalize

pytestmark = pytest.mark.corpus


def test_lawfirm_page_is_just_the_judgment(corpus: Path) -> None:
    raw = (corpus / "web" / "lawfirm-judgment-page.txt").read_text(encoding="utf-8")
    res = normalize(raw)
    lines = res.text.split("\n")
    assert lines[0] == "主文"
    assert lines[-1].startswith("裁判官")
    assert lines[-3].startswith("裁判長裁判官") and lines[-4].endswith("民事部")
    assert not any(is_site_line(ln) for ln in lines)
    assert "法律事務所" not in res.text and "採用情報" not in res.text and "応募" not in res.text
    assert "6000円" in res.text and "0円" not in re.findall(r"(?<!\d)0円", res.text)
    assert res.counts["chars_trimmed_web"] > 0


def test_summary_page_keeps_its_text_once(corpus: Path) -> None:
    raw = (corpus / "web" / "courts-summary-page.txt").read_text(encoding="utf-8")
    res = normalize(raw)
    assert res.text.startswith("事件番号")
    assert res.text.count("事件番号") == 1 and res.text.count("反訴事件は") == 1
    assert "はてなブックマーク" not in res.text
    assert res.text.rstrip().endswith("支払を求めた事案である。")
    assert res.counts["duplicate_block_removed"] == 1


def test_dev_judgments_lose_nothing_from_start_to_judges(corpus: Path) -> None:
    split = re.compile(r"\d\n\d|\d\n[万億円年月日]|[年月]\n\d")
    for p in sorted((corpus / "dev").glob("*.json")):
        raw = json.loads(p.read_text(encoding="utf-8"))["contents"]
        res = normalize(raw)
        assert "chars_trimmed_web" not in res.counts, p.name
        assert not split.search(res.text), p.name
        # every letter of the raw text is still there apart from page furniture and spaces
        kept = re.sub(r"\s", "", res.text)
        letters = re.sub(r"\s", "", normalize(raw).raw_text)
        assert len(letters) - len(kept) <= 3 * res.counts.get("page_numbers_removed", 0), p.name

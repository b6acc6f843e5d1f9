"""The bundled fictional judgment, as PDF text would give it, normalises to the clean one."""

from __future__ import annotations

import re
from pathlib import Path

from core.text.pipeline import normalize

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample"
_WS = re.compile(r"\s+")


def test_pdf_style_sample_reads_like_the_clean_one() -> None:
    clean = normalize((SAMPLE / "sample_judgment.txt").read_text(encoding="utf-8")).text
    pdf = normalize((SAMPLE / "sample_judgment_pdfstyle.txt").read_text(encoding="utf-8"))
    assert _WS.sub("", pdf.text) == _WS.sub("", clean)  # nothing lost, no page number left
    assert pdf.counts["page_numbers_removed"] == 9
    assert "chars_trimmed_web" not in pdf.counts  # the attachment after the judges stays
    assert pdf.text.rstrip().endswith("以上")
    clean_lines = {ln.strip() for ln in clean.splitlines()}
    pdf_lines = [ln.strip() for ln in pdf.text.splitlines()]
    same = sum(1 for ln in pdf_lines if ln in clean_lines)
    assert same >= 0.9 * len(clean_lines), f"only {same} of {len(clean_lines)} lines repaired"
    for whole in ("1,159万3,184円", "(甲10の1,18の2)", "戊野五郎", "事実及び理由", "主文"):
        assert whole in pdf.text

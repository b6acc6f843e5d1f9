"""The bundled fictional sample judgment: present, well-formed, and its two layouts in sync.

`sample_judgment.txt` is the clean text; `sample_judgment_pdfstyle.txt` is the same judgment
as PDF extraction gives it (hard wraps, spaced headings, page numbers, form feeds, full-width
digits). The text pipeline is tested against the pair, so an edit to one must be made to the
other: the sync test below fails otherwise.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jaconv
import pytest

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "resources" / "sample"
CLEAN = SAMPLE_DIR / "sample_judgment.txt"
PDFSTYLE = SAMPLE_DIR / "sample_judgment_pdfstyle.txt"
PAGE_NUMBER = re.compile(r"^- (\d+) -$")
PDF_LINE_WIDTH = 37
PDF_PAGE_LINES = 26


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # strict: invalid UTF-8 raises


def _comparable(text: str) -> str:
    """The characters only: page-number lines, form feeds and all whitespace gone, widths folded."""
    kept = [ln for ln in text.replace("\f", "\n").split("\n") if not PAGE_NUMBER.match(ln.strip())]
    squeezed = re.sub(r"\s+", "", "".join(kept))
    return str(jaconv.z2h(squeezed, kana=False, ascii=True, digit=True))


@pytest.fixture(scope="module")
def clean() -> str:
    return _read(CLEAN)


@pytest.fixture(scope="module")
def pdfstyle() -> str:
    return _read(PDFSTYLE)


@pytest.mark.parametrize("name", ["sample_judgment.txt", "sample_judgment_pdfstyle.txt", "README.md"])
def test_files_exist_and_are_utf8(name: str) -> None:
    path = SAMPLE_DIR / name
    assert path.is_file(), f"missing {path}"
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "no BOM"
    assert b"\r" not in data, "LF line ends only"
    assert data.decode("utf-8").strip()


def test_clean_sample_has_the_judgment_structure(clean: str) -> None:
    lines = clean.split("\n")
    squeezed = [re.sub(r"\s", "", ln) for ln in lines]

    def first(pred: str, *, start: int = 0) -> int:
        for i in range(start, len(squeezed)):
            if squeezed[i] == pred or squeezed[i].startswith(pred):
                return i
        raise AssertionError(f"landmark {pred!r} not found after line {start}")

    order = ["判決", "主文", "事実及び理由", "第1請求", "第2事案の概要", "第3当裁判所の判断",
             "第4結論", "東京地方裁判所民事第45部", "裁判長裁判官", "裁判官", "（別紙）"]
    pos = 0
    for landmark in order:
        pos = first(landmark, start=pos) + 1
    assert lines[first("主文")] == "主　　　　文"
    assert lines[first("判決")] == "判　　　　決"
    for heading in ("1　前提事実", "2　争点", "3　争点に関する当事者の主張"):
        assert any(ln.startswith(heading) for ln in lines), heading
    for sub in ("（原告の主張）", "（被告の主張）"):
        assert sub in lines


def test_clean_sample_has_no_hard_wraps_or_page_furniture(clean: str) -> None:
    assert "\f" not in clean
    assert clean.endswith("\n") and not clean.endswith("\n\n")
    for ln in clean.split("\n"):
        assert not PAGE_NUMBER.match(ln), ln
        assert ln == ln.strip(" "), f"stray spaces around {ln!r}"
        # a long line is a whole paragraph, so it ends a sentence or a parenthesis
        if len(ln) > PDF_LINE_WIDTH:
            assert ln.endswith(("。", "）", "円")), f"looks hard-wrapped: {ln!r}"


@pytest.mark.parametrize(
    "form",
    [
        # dates
        "令和元年5月1日", "平成31年4月30日", "同年6月3日", "同月10日", "同日", "令和2年12月中旬頃",
        "昭和四十六年八月二十九日生", "口頭弁論終結日　令和6年1月19日",
        # amounts and rates
        "1億7735万6440円", "1,159万3,184円", "金二〇〇万円", "各10万円", "1日当たり6000円",
        "年3パーセント", "年5分", "年14.6%", "これを10分し，その3を原告の負担とし",
        # case number, evidence, statutes, defined terms
        "令和5年(ワ)第12345号", "甲1）", "甲3の2", "乙5", "甲10の1,18の2", "甲第4号証",
        "弁論の全趣旨", "民法709条", "民法第415条1項", "民事訴訟法61条,64条本文", "同法259条1項",
        "（以下「本件契約」という。）", "（以下，「本件システム」という。）",
        # redaction, a non-BMP name, full-width forms mixed into the clean text
        "●●", "（住所省略）", "𠮷田八郎", "（１）", "２０万円", "Ａ社",
    ],
)
def test_clean_sample_covers_the_forms_extractors_meet(clean: str, form: str) -> None:
    assert form in clean


def test_clean_sample_size_and_non_bmp_name(clean: str) -> None:
    assert 5000 <= len(clean) <= 8000
    assert any(ord(ch) > 0xFFFF for ch in clean)
    assert len(clean.encode("utf-16-le")) // 2 > len(clean)  # Qt's UTF-16 count differs


def test_pdfstyle_layout(pdfstyle: str) -> None:
    pages = pdfstyle.split("\f")
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        lines = page.rstrip("\n").split("\n")
        footer = PAGE_NUMBER.match(lines[-1])
        assert footer and int(footer.group(1)) == number, f"page {number} footer: {lines[-1]!r}"
        body = lines[:-1]
        assert 0 < len(body) <= PDF_PAGE_LINES
        for ln in body:
            assert 0 < len(ln) <= PDF_LINE_WIDTH, f"page {number}: {ln!r}"
            assert not re.search(r"[0-9]", ln), f"half-width digit in {ln!r}"


def test_pdfstyle_has_the_extraction_artefacts(pdfstyle: str) -> None:
    lines = pdfstyle.split("\n")
    assert "１，１５９万３，１\n８４円" in pdfstyle  # a number broken by the wrap
    assert "（甲１\n０の１" in pdfstyle  # an evidence reference broken by the wrap
    assert "主　　　　文" in lines
    assert "事　実　及　び　理　由" in lines
    assert "裁判長裁判官　戊　野　五　郎" in lines
    assert sum(1 for ln in lines if ln.startswith("　")) >= 5  # paragraph indents
    full_lines = [ln for ln in lines if len(ln) == PDF_LINE_WIDTH]
    assert len(full_lines) >= 50  # most body lines are wrapped at the full width


def test_clean_and_pdfstyle_hold_the_same_characters(clean: str, pdfstyle: str) -> None:
    a, b = _comparable(clean), _comparable(pdfstyle)
    if a != b:
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        pytest.fail(f"layouts differ at {at}: clean {a[at:at + 20]!r} vs pdf-style {b[at:at + 20]!r}")
    assert len(a) > 4000


def test_comparable_really_compares() -> None:
    """The sync check must notice a changed character, and ignore only layout."""
    assert _comparable("主　　文\n１，０００円\n- 1 -\n\f") == _comparable("主文1,000円")
    assert _comparable("1,000円") != _comparable("1,001円")


@pytest.mark.corpus
def test_sample_is_not_copied_from_the_corpus(clean: str, corpus: Path) -> None:
    """Only formulaic phrases may coincide with real judgments; no 40-character run does."""
    window = 40
    sample = _comparable(clean)
    runs = {sample[i:i + window] for i in range(len(sample) - window + 1)}
    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "web").glob("*.txt"))]
    for p in sorted((corpus / "dev").glob("*.json")):
        texts.append(json.loads(p.read_text(encoding="utf-8"))["contents"])
    assert texts, "corpus folder is empty"
    for text in texts:
        t = _comparable(text)
        shared = next((t[i:i + window] for i in range(len(t) - window + 1)
                       if t[i:i + window] in runs), None)
        assert shared is None, f"sample shares {shared!r} with a corpus judgment"

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from core.errors import InputError
from core.text.pdf import read_pdf
from core.text.pipeline import normalize
from core.text.readers import read_document

from .pdfgen import make_image_only_pdf, make_judgment_pdf


def test_pages_are_joined_by_form_feeds_and_raw_keeps_crlf(tmp_path: Path) -> None:
    doc = read_document(make_judgment_pdf(tmp_path / "j.pdf"))
    assert doc.kind == "pdf"
    assert doc.metadata["pages"] == 3
    assert doc.raw_text.count("\f") == 2
    assert "\r\n" in doc.raw_text  # pdfium's line ends are left for the pipeline
    assert "- 1 -" in doc.raw_text and "- 3 -" in doc.raw_text


def test_pdf_text_normalises_to_the_judgment(tmp_path: Path) -> None:
    doc = read_document(make_judgment_pdf(tmp_path / "j.pdf"))
    res = normalize(doc.raw_text)
    text = res.text
    assert "- 1 -" not in text and "- 2 -" not in text and "\f" not in text and "\r" not in text
    assert "金123万4567円及びこれに対する令和4年1月10日から" in text
    assert "令和3年5月1日に貸し付けた" in text
    assert "(甲1の2)。" in text  # broken across a page break, whole again
    lines = text.split("\n")
    assert "主文" in lines and "事実及び理由" in lines and "判決" in lines
    assert "第1\u3000請求" in lines
    assert "原告\u3000\u3000\u3000甲野太郎" in lines
    assert lines[-1] == "裁判官\u3000\u3000丙川一郎"
    assert res.counts["page_numbers_removed"] == 3
    # every character still maps back onto the same letter of the raw PDF text
    for i, ch in enumerate(text):
        s, e = res.offsets.source(i)
        src = doc.raw_text[s:e]
        assert src in (ch, chr(ord(ch) + 0xFEE0)) or (ch == "\n" and src in ("\r\n", "\f"))


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    p = make_judgment_pdf(tmp_path / "enc.pdf", encrypt="pw")
    with pytest.raises(InputError, match="encrypted"):
        read_document(p)


def test_truncated_pdf_is_refused(tmp_path: Path) -> None:
    data = make_judgment_pdf(tmp_path / "j.pdf").read_bytes()
    for cut in (len(data) // 2, len(data) - 40):
        p = tmp_path / f"cut{cut}.pdf"
        p.write_bytes(data[:cut])
        with pytest.raises(InputError, match=r"truncated|broken"):
            read_document(p)


def test_garbage_after_header_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "bad.pdf"
    p.write_bytes(b"%PDF-1.4\n" + b"nonsense " * 50 + b"\n%%EOF\n")
    with pytest.raises(InputError, match="broken"):
        read_document(p)


def test_not_a_pdf_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "x.pdf"
    p.write_bytes(b"hello, this is text")
    with pytest.raises(InputError, match="not a PDF"):
        read_document(p)


def test_image_only_pdf_is_refused(tmp_path: Path) -> None:
    p = make_image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError, match=r"no text layer.*OCR is not supported"):
        read_document(p)


def test_zero_page_pdf_is_refused(tmp_path: Path) -> None:
    buf = io.BytesIO()
    pdfium.PdfDocument.new().save(buf)
    p = tmp_path / "empty.pdf"
    p.write_bytes(buf.getvalue())
    with pytest.raises(InputError, match="no pages"):
        read_pdf(p, p.read_bytes())

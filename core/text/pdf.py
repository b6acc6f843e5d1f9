"""PDF reader (pypdfium2, permissive licence): the text layer of every page.

Pages are joined with a form feed so page boundaries survive until the furniture step
removes page numbers and running headers; pdfium's "\\r\\n" line ends are kept as they
come (raw text stays faithful; the pipeline normalises newlines). A PDF we cannot read
faithfully is refused, saying why: password, broken or truncated file, no pages, or no
text layer (a scan; OCR is not supported).
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium

from core.errors import InputError
from core.text.readers import SourceDocument, reader

_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
# pdfium refuses a document without pages and reports a stale error: look at the bytes.
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_EMPTY_TREE = re.compile(rb"/Count\s+0(?![0-9])")
_EOF_WINDOW = 2048  # "%%EOF" must appear within this many bytes of the end


def _check_bytes(path: Path, data: bytes) -> None:
    if not data:
        raise InputError(path, "the file is empty")
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise InputError(path, "truncated or damaged PDF (no end-of-file marker)")


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == _PASSWORD_ERROR or "password" in str(e).lower():
            raise InputError(path, "encrypted PDF (password protected); "
                                   "remove the password and import it again") from e
        if _EMPTY_TREE.search(data) and not _PAGE_OBJECT.search(data):
            raise InputError(path, "PDF has no pages") from e
        raise InputError(path, f"broken PDF, cannot be opened ({e})") from e


@reader(".pdf")
def read_pdf(path: Path, data: bytes) -> SourceDocument:
    _check_bytes(path, data)
    pdf = _open(path, data)
    try:
        n = len(pdf)
        if n == 0:
            raise InputError(path, "PDF has no pages")
        pages: list[str] = []
        for i in range(n):
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(textpage.get_text_range())
                finally:
                    textpage.close()
            except pdfium.PdfiumError as e:
                raise InputError(path, f"broken PDF, page {i + 1} cannot be read ({e})") from e
            finally:
                page.close()
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise InputError(path, "no text layer (scanned image?); OCR is not supported")
    notes = []
    empty = [str(i + 1) for i, p in enumerate(pages) if not p.strip()]
    if empty:
        notes.append(f"pages without text (images?): {', '.join(empty)}")
    return SourceDocument("\f".join(pages), "pdf", path.stem, {"pages": n}, None, notes)

"""Small fictional PDFs made with reportlab's built-in Japanese CID font (not embedded)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "HeiseiMin-W3"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
W, H = A4

# A fictional judgment in 3 pages of wrapped lines: spaced headings, an amount and a date
# broken across lines, an evidence reference broken across a page break.
PAGES = [
    [
        "令和５年３月１日判決言渡　同日原本領収　裁判所書記官",
        "令和４年（ワ）第９８７号　貸金返還請求事件",
        "判　　　　決",
        "原　　　告　　　甲　野　太　郎",
        "被　　　告　　　乙　山　花　子",
        "主　　　　　文",
        "１　被告は，原告に対し，金１２３万４５６",
        "７円及びこれに対する令和４年１月１０日から支払済みまで年３分の割合による",
        "金員を支払え。",
    ],
    [
        "事 実 及 び 理 由",
        "第１　請求",
        "主文同旨",
        "第２　事案の概要",
        "本件は，原告が被告に対し，令和３年",
        "５月１日に貸し付けた金員の返還を求める事案である（甲",
    ],
    [
        "１の２）。",
        "大阪地方裁判所第９民事部",
        "裁判官　　丙　川　一　郎",
    ],
]


def make_judgment_pdf(path: Path, pages: list[list[str]] | None = None,
                      footers: bool = True, encrypt: str | None = None) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for no, lines in enumerate(pages or PAGES, 1):
        c.setFont(FONT, 12)
        y = H - 72
        for line in lines:
            c.drawString(72, y, line)
            y -= 18
        if footers:
            c.setFont(FONT, 10)
            c.drawCentredString(W / 2, 40, f"- {no} -")
        c.showPage()
    c.save()
    return path


def make_image_only_pdf(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 100, 200, 300, fill=1)
    c.showPage()
    c.save()
    return path

"""Two small charts drawn with QPainter (QtCharts is not in PySide6-Essentials):
horizontal stacked bars (one row per label) and a line chart over days.

They draw plain data given to them; `grab().save(path)` turns either into a PNG.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.fonts import ui_font

# Distinct, readable on white, safe for the common colour-vision deficiencies (Okabe-Ito).
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#999999")
_AXIS = QColor("#666666")
_GRID = QColor("#e4e4e4")


@dataclass(frozen=True)
class Segment:
    name: str  # legend entry
    color: str


def _nice_max(v: float) -> float:
    """A round axis maximum at or above v (1, 1.5, 2, 2.5, ... 10 × 10^n)."""
    if v <= 0:
        return 1.0
    step = 1.0
    while step * 10 <= v:
        step *= 10
    for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * step >= v:
            return m * step
    return 10 * step


class _Chart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setFont(ui_font(9))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor("white"))
        self.setPalette(pal)

    def _legend(self, p: QPainter, segs: Sequence[Segment], top: float) -> None:
        fm = QFontMetrics(self.font())
        x = 12.0
        for s in segs:
            p.fillRect(QRectF(x, top + 3, 10, 10), QColor(s.color))
            p.setPen(QColor("#222222"))
            p.drawText(QPointF(x + 14, top + fm.ascent()), s.name)
            x += 14 + fm.horizontalAdvance(s.name) + 16

    def _title(self, p: QPainter) -> float:
        f = self.font()
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor("#222222"))
        fm = QFontMetrics(f)
        p.drawText(QPointF(12, 6 + fm.ascent()), self.title)
        p.setFont(self.font())
        return 12 + fm.height()


class BarChart(_Chart):
    """One row per category; each row a stack of segments (e.g. 確定, 候補, 却下)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.segments: list[Segment] = []
        self.rows: list[tuple[str, list[float]]] = []
        self.percent = False

    def set_data(self, segments: Sequence[Segment], rows: Sequence[tuple[str, Sequence[float]]],
                 *, percent: bool = False) -> None:
        self.segments = list(segments)
        self.rows = [(name, list(vals)) for name, vals in rows]
        self.percent = percent
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        return QSize(520, 60 + len(self.rows) * (fm.height() + 8) + 2 * fm.height())

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        top = self._title(p) + 4
        self._legend(p, self.segments, top)
        top += fm.height() + 8
        if not self.rows:
            p.setPen(_AXIS)
            p.drawText(QRectF(0, top, self.width(), 40), Qt.AlignmentFlag.AlignCenter,
                       "データがありません")
            return
        left = 16 + max(fm.horizontalAdvance(n) for n, _ in self.rows)
        right = self.width() - 16 - fm.horizontalAdvance("100%" if self.percent else "00000")
        axis_h = fm.height() + 6
        row_h = max(8.0, min(28.0, (self.height() - top - axis_h - 8) / len(self.rows)))
        vmax = 1.0 if self.percent else _nice_max(max(sum(v) for _, v in self.rows))
        width = max(10.0, right - left)
        bottom = top + row_h * len(self.rows)
        for k in range(5):  # grid and axis labels
            x = left + width * k / 4
            p.setPen(QPen(_GRID))
            p.drawLine(QPointF(x, top), QPointF(x, bottom))
            v = vmax * k / 4
            label = f"{v:.0%}" if self.percent else f"{v:g}"
            p.setPen(_AXIS)
            p.drawText(QPointF(x - fm.horizontalAdvance(label) / 2, bottom + fm.ascent() + 3),
                       label)
        for i, (name, vals) in enumerate(self.rows):
            y = top + i * row_h
            p.setPen(QColor("#222222"))
            p.drawText(QRectF(4, y, left - 10, row_h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            x = left
            for seg, v in zip(self.segments, vals, strict=False):
                w = width * v / vmax
                p.fillRect(QRectF(x, y + row_h * 0.15, w, row_h * 0.7), QColor(seg.color))
                x += w
            total = sum(vals)
            if total and not self.percent:
                p.setPen(_AXIS)
                p.drawText(QPointF(x + 4, y + row_h / 2 + fm.ascent() / 2 - 1), f"{total:g}")


class LineChart(_Chart):
    """One line per series over the same x labels (days)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.x_labels: list[str] = []
        self.series: list[tuple[Segment, list[float]]] = []

    def set_data(self, x_labels: Sequence[str],
                 series: Sequence[tuple[str, Sequence[float]]]) -> None:
        self.x_labels = list(x_labels)
        self.series = [(Segment(name, PALETTE[i % len(PALETTE)]), list(vals))
                       for i, (name, vals) in enumerate(series)]
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 260)

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        top = self._title(p) + 4
        self._legend(p, [s for s, _ in self.series], top)
        top += fm.height() + 12
        if not self.x_labels:
            p.setPen(_AXIS)
            p.drawText(QRectF(0, top, self.width(), 40), Qt.AlignmentFlag.AlignCenter,
                       "データがありません")
            return
        vmax = _nice_max(max((max(v, default=0) for _, v in self.series), default=0))
        left = 16 + fm.horizontalAdvance(f"{vmax:g}")
        right = self.width() - 24
        bottom = self.height() - fm.height() - 10
        n = len(self.x_labels)
        xs = [left + (right - left) * (i / (n - 1) if n > 1 else 0.5) for i in range(n)]
        for k in range(5):
            y = bottom - (bottom - top) * k / 4
            p.setPen(QPen(_GRID))
            p.drawLine(QPointF(left, y), QPointF(right, y))
            p.setPen(_AXIS)
            label = f"{vmax * k / 4:g}"
            p.drawText(QPointF(left - 6 - fm.horizontalAdvance(label), y + fm.ascent() / 2 - 1),
                       label)
        step = max(1, int(n / max(1, (right - left) / (fm.horizontalAdvance("00-00") + 12))) + 1)
        for i in range(0, n, step):
            label = self.x_labels[i]
            p.drawText(QPointF(xs[i] - fm.horizontalAdvance(label) / 2,
                               bottom + fm.ascent() + 4), label)
        for seg, vals in self.series:
            pen = QPen(QColor(seg.color), 2)
            p.setPen(pen)
            pts = [QPointF(xs[i], bottom - (bottom - top) * v / vmax)
                   for i, v in enumerate(vals[:n])]
            for a, b in pairwise(pts):
                p.drawLine(a, b)
            p.setBrush(QColor(seg.color))
            for pt in pts:
                p.drawEllipse(pt, 3, 3)

"""一致率: inter-annotator agreement of two annotators' own layers, per label, as a table
and a bar chart, with Cohen's kappa of their document tags. The figures come from
core.team.agreement, the same function as `python main.py agreement`."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.doc_tags import list_tag_fields
from core.errors import HanreiError
from core.store.db import Store
from core.team import AgreementReport, agreement, layer_annotators
from gui.fonts import ui_font

MODES = (("exact", "完全一致（ラベル・開始・終了が同じ）"),
         ("overlap", "重なり（同じラベルで1文字以上重なる）"))
SERIES = (("適合率 P", "#0072b2"), ("再現率 R", "#e69f00"), ("F1", "#009e73"))
HEADERS = ("ラベル", "適合率 P", "再現率 R", "F1", "一致", "Aのみ", "Bのみ")


class ScoreChart(QWidget):
    """Grouped horizontal bars, 0 to 1: P, R and F1 for each label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(ui_font(9))
        self.rows: list[tuple[str, tuple[float, float, float]]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)

    def set_rows(self, rows: Sequence[tuple[str, tuple[float, float, float]]]) -> None:
        self.rows = list(rows)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 60 + 46 * max(1, len(self.rows)))

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        fm = QFontMetrics(self.font())
        # legend
        x = 12.0
        for name, color in SERIES:
            p.fillRect(QRectF(x, 8, 10, 10), QColor(color))
            p.setPen(QColor("#222222"))
            p.drawText(QPointF(x + 14, 8 + fm.ascent() - 1), name)
            x += 14 + fm.horizontalAdvance(name) + 18
        if not self.rows:
            p.setPen(QColor("#666666"))
            p.drawText(QRectF(0, 30, self.width(), 40), Qt.AlignmentFlag.AlignCenter,
                       "比べられる文書がありません")
            return
        left = 12 + max(fm.horizontalAdvance(name) for name, _ in self.rows) + 10
        right = self.width() - 44
        top, bottom = 30.0, self.height() - 22.0
        width = max(20.0, right - left)
        # grid at 0, .25, .5, .75, 1
        for k in range(5):
            gx = left + width * k / 4
            p.setPen(QColor("#e4e4e4") if k else QColor("#666666"))
            p.drawLine(QPointF(gx, top), QPointF(gx, bottom))
            p.setPen(QColor("#666666"))
            label = f"{k / 4:.2f}".rstrip("0").rstrip(".") if k else "0"
            p.drawText(QPointF(gx - fm.horizontalAdvance(label) / 2, bottom + fm.ascent() + 3),
                       label)
        row_h = (bottom - top) / len(self.rows)
        bar_h = max(3.0, min(12.0, (row_h - 8) / 3))
        for i, (name, scores) in enumerate(self.rows):
            y0 = top + i * row_h + (row_h - 3 * bar_h) / 2
            p.setPen(QColor("#222222"))
            p.drawText(QRectF(12, top + i * row_h, left - 20, row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, name)
            for j, ((_, color), v) in enumerate(zip(SERIES, scores, strict=True)):
                rect = QRectF(left, y0 + j * bar_h, width * max(0.0, min(1.0, v)), bar_h - 1)
                p.fillRect(rect, QColor(color))
                if j == 2:  # the F1 figure at the end of its bar
                    p.setPen(QColor("#222222"))
                    p.drawText(QPointF(rect.right() + 4, rect.bottom()), f"{v:.2f}")


class AgreementWindow(QWidget):
    def __init__(self, store: Store, label_names: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.label_names = label_names or {}
        self.report: AgreementReport | None = None
        self.setWindowTitle("一致率 — アノテーター間の一致")
        self.setFont(ui_font())
        self.resize(900, 640)

        self.a, self.b = QComboBox(), QComboBox()
        self.mode = QComboBox()
        for key, text in MODES:
            self.mode.addItem(text, key)
        self.run_button = QPushButton("計算")
        self.run_button.clicked.connect(self.compute)
        top = QHBoxLayout()
        for text, w in (("A:", self.a), ("B:", self.b), ("一致の判定:", self.mode)):
            top.addWidget(QLabel(text))
            top.addWidget(w)
        top.addWidget(self.run_button)
        top.addStretch(1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.kappa = QTableWidget(0, 3)
        self.kappa.setHorizontalHeaderLabels(["文書タグ", "κ（Cohen）", "両者が付けた文書"])
        self.kappa.verticalHeader().hide()
        self.kappa.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kappa.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.kappa.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.kappa.setMaximumHeight(130)
        self.chart = ScoreChart()

        tables = QWidget()
        tl = QVBoxLayout(tables)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.table, 1)
        tl.addWidget(self.kappa)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(tables)
        split.addWidget(self.chart)
        split.setSizes([480, 420])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        self.reload_annotators()

    def reload_annotators(self) -> None:
        names = layer_annotators(self.store)
        for i, combo in enumerate((self.a, self.b)):
            keep = combo.currentText()
            combo.clear()
            combo.addItems(names)
            if keep in names:
                combo.setCurrentText(keep)
            elif len(names) > i:
                combo.setCurrentIndex(i)
        self.run_button.setEnabled(len(names) >= 2)
        if len(names) < 2:
            self.summary.setText("自分のレイヤーで注釈したアノテーターが2人以上いると比べられます"
                                 "（注釈の方式を「独立」にして、文書を2人に割り当ててください）。")

    def compute(self) -> AgreementReport | None:
        a, b = self.a.currentText(), self.b.currentText()
        if not a or not b or a == b:
            self.summary.setText("異なる2人のアノテーターを選んでください。")
            return None
        try:
            r = agreement(self.store, (a, b), self.mode.currentData())
        except HanreiError as e:
            self.summary.setText(f"計算できませんでした: {e}")
            return None
        self.show_report(r)
        return r

    def show_report(self, r: AgreementReport) -> None:
        self.report = r
        self.table.setHorizontalHeaderLabels(
            ["ラベル", "適合率 P", "再現率 R", "F1", "一致", f"{r.a}のみ", f"{r.b}のみ"])
        labels = sorted(k for k in r.spans if k != "*")
        order = labels + (["*"] if "*" in r.spans else [])
        self.table.setRowCount(len(order))
        for row, key in enumerate(order):
            prf = r.spans[key]
            name = "（全体）" if key == "*" else self._name(key)
            cells = [name, f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}",
                     str(prf.tp), str(prf.fp), str(prf.fn)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if key == "*":
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                self.table.setItem(row, col, item)
        self.kappa.setRowCount(len(r.kappa))
        tag_names = {f.key: f.name for f in list_tag_fields(self.store)}
        for row, (key, k) in enumerate(r.kappa.items()):
            name = f"{tag_names[key]}（{key}）" if key in tag_names else key
            for col, text in enumerate((name, "—" if k is None else f"{k:.3f}",
                                        f"{r.tag_items[key]} 件")):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.kappa.setItem(row, col, item)
        self.chart.set_rows([("全体" if k == "*" else self._name(k),
                              (r.spans[k].precision, r.spans[k].recall, r.spans[k].f1))
                             for k in order])
        mode = dict(MODES)[r.mode].split("（")[0]
        self.summary.setText(
            f"{r.a} と {r.b}: 両者が注釈した文書 {len(r.documents)} 件、{mode}。"
            f"適合率は {r.b} を正解としたときの {r.a} の値です（F1 は対称）。"
            "確定したスパンだけを比べます。")

    def _name(self, key: str) -> str:
        name = self.label_names.get(key)
        return f"{name}（{key}）" if name else key

"""Viewer speed: opening with highlighting vs plain setPlainText, scrolling, key -> commit.

Run: .venv/bin/python bench/bench_viewer.py   (offscreen; prints a small table)
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from core import services
from core.importer import import_paths
from core.model import DocumentData, SpanData
from core.store.migrate import open_store
from core.text.offsets import Utf16Index
from gui.controller import Controller
from gui.fonts import viewer_font
from gui.highlighter import SpanHighlighter
from gui.main_window import MainWindow
from gui.viewer import JudgmentViewer

KANJI = "被告原告請求金員支払損害賠償契約締結事実理由判断裁判所主文訴訟費用負担"
KANA = "はのにをがでとからまでについてするしたこれによる"
DIGITS = "０１２３４５６７８９"
LABELS = ("MONEY", "DATE", "RATE", "PERSON", "TERM", "LAW")
COLORS = {"MONEY": "#b6e3b6", "DATE": "#fce5cd", "RATE": "#d9ead3", "PERSON": "#f4cccc",
          "TERM": "#fde9d9", "LAW": "#e2efd9"}


def make_text(n: int, rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < n:
        line_len = rng.randint(40, 300)
        chars = [rng.choice(KANJI + KANA + DIGITS) for _ in range(line_len)]
        if rng.random() < 0.3:
            chars[rng.randrange(line_len)] = rng.choice("𠮷😀")
        parts.append("".join(chars))
        size += line_len + 1
    return "\n".join(parts)[:n]


def make_spans(text: str, rng: random.Random) -> list[SpanData]:
    spans: list[SpanData] = []
    pos, i = 0, 0
    while True:
        pos += rng.randint(60, 140)
        end = pos + rng.randint(2, 12)
        if end >= len(text):
            return spans
        status = "accepted" if i % 3 == 0 else "suggested"
        spans.append(SpanData(id=i + 1, document_id=1, label=LABELS[i % len(LABELS)], start=pos,
                              end=end, text=text[pos:end], status=status))
        i += 1


def best_of(fn, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def open_ratio(n: int, app: QApplication) -> tuple[float, float, int]:
    """Both widgets shown at 1000x800; each open includes the first paint."""
    rng = random.Random(n)
    text = make_text(n, rng)
    spans = make_spans(text, rng)
    doc = DocumentData(id=1, title="bench", text=text, status="new")
    plain = QPlainTextEdit()
    plain.setReadOnly(True)
    plain.setFont(viewer_font())
    viewer = JudgmentViewer()
    viewer.highlighter.set_colors(COLORS)
    for w in (plain, viewer):
        w.resize(1000, 800)
        w.show()
    app.processEvents()

    def open_plain() -> None:
        plain.setPlainText(text)
        plain.viewport().repaint()

    def open_viewer() -> None:
        viewer.load(doc, Utf16Index(text), spans)  # the Utf16Index is part of opening
        viewer.viewport().repaint()

    base, hl = best_of(open_plain), best_of(open_viewer)
    plain.close()
    viewer.close()
    app.processEvents()
    return base, hl, len(spans)


class CountingHighlighter(SpanHighlighter):
    calls = 0

    def highlightBlock(self, text: str) -> None:
        CountingHighlighter.calls += 1
        super().highlightBlock(text)


def scroll_ms(n: int) -> tuple[float, int]:
    rng = random.Random(7)
    text = make_text(n, rng)
    v = JudgmentViewer()
    v.highlighter.setDocument(None)
    v.highlighter = CountingHighlighter(v.document())
    v.highlighter.set_colors(COLORS)
    v.resize(1000, 800)
    v.show()
    v.load(DocumentData(id=1, title="b", text=text, status="new"), Utf16Index(text),
           make_spans(text, rng))
    QApplication.processEvents()
    bar = v.verticalScrollBar()
    CountingHighlighter.calls = 0
    times = []
    for k in range(50):
        t0 = time.perf_counter()
        bar.setValue(bar.maximum() * ((k * 37) % 50) // 50)
        v.viewport().repaint()
        times.append(time.perf_counter() - t0)
    calls = CountingHighlighter.calls
    v.close()
    return statistics.mean(times) * 1000, calls


def key_to_commit_ms(n: int, n_spans: int = 300) -> tuple[float, float, float, int]:
    """Median ms from a label key to the span committed and the viewport repainted, and,
    as the baseline in the same run, the median of the same repaint with no key; then the
    median of what the event loop does next (the side views catching up, and their paint)."""
    rng = random.Random(11)
    tmp = Path(tempfile.mkdtemp())
    src = tmp / "bench.txt"
    src.write_text(make_text(n, rng), encoding="utf-8")
    url = f"sqlite:///{tmp / 'bench.db'}"
    store = open_store(url)
    (res,) = list(import_paths(store, [src], suggest=False))
    assert res.document_id is not None
    text = services.load_document(store, res.document_id).text
    for sp in make_spans(text, rng)[:n_spans]:
        services.add_span(store, res.document_id, sp.label, sp.start, sp.end,
                          status=sp.status, source="auto")
    win = MainWindow(Controller(store, "bench"), QSettings(str(tmp / "l.ini"),
                                                           QSettings.Format.IniFormat))
    win.show()
    win.activateWindow()
    QApplication.processEvents()
    v = win.viewer
    times = []
    bare = []
    side = []
    for k in range(40):
        s = 200 + k * (len(text) - 400) // 40
        v.select_cp(s, s + 5)
        settle()
        t0 = time.perf_counter()
        v.viewport().repaint()  # baseline: the same place drawn, nothing changed
        bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        QTest.keyClick(v, Qt.Key.Key_T)  # real key path: viewer -> editor -> service -> draw
        v.viewport().repaint()
        times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        settle()  # what follows the drawn span: the side views (table, counts) and their paint
        side.append(time.perf_counter() - t0)
    manual = sum(1 for sp in services.list_spans(store, res.document_id) if sp.source == "manual")
    win.close()
    store.dispose()
    return (statistics.median(times) * 1000, statistics.median(bare) * 1000,
            statistics.median(side) * 1000, manual)


def settle() -> None:
    """Run the event loop until nothing is left: a timer that fires in one pass queues a
    repaint that only the next pass performs."""
    for _ in range(3):
        QApplication.processEvents()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    print("open + first paint (best of 3): QPlainTextEdit.setPlainText vs JudgmentViewer.load")
    print(f"{'chars':>9} {'spans':>6} {'plain s':>9} {'viewer s':>9} {'ratio':>6}")
    figures: dict[str, float] = {}
    for n in (100_000, 500_000, 1_000_000):
        base, hl, k = open_ratio(n, app)
        print(f"{n:>9} {k:>6} {base:>9.3f} {hl:>9.3f} {hl / base:>6.2f}")
        figures[f"open_{n // 1000}k_ratio"] = round(hl / base, 2)
    ms, calls = scroll_ms(500_000)
    print(f"scroll 500k: {ms:.1f} ms per jump+repaint (mean of 50); "
          f"highlightBlock calls during scrolling: {calls}")
    med, bare, side, made = key_to_commit_ms(100_000)
    print(f"key -> commit + redraw (SQLite file, 100k chars): median {med:.1f} ms "
          f"over 40 keys ({made} spans stored); the bare repaint alone: {bare:.1f} ms; "
          f"then the side views: {side:.1f} ms")
    figures["scroll_500k_ms"] = round(ms, 1)
    figures["key_to_commit_ms_median"] = round(med, 1)
    figures["bare_repaint_ms_median"] = round(bare, 1)
    figures["side_views_ms_median"] = round(side, 1)
    # The same on a long judgment (~300 pages): 500k characters holding 5,000 spans.
    med, bare, side, made = key_to_commit_ms(500_000, 5_000)
    print(f"key -> commit + redraw (SQLite file, 500k chars, 5,000 spans): median {med:.1f} ms "
          f"({made} spans stored); the bare repaint alone: {bare:.1f} ms; "
          f"then the side views: {side:.1f} ms")
    figures["key_to_commit_500k_ms_median"] = round(med, 1)
    figures["side_views_500k_ms_median"] = round(side, 1)
    print("BENCH_JSON " + json.dumps(figures))


if __name__ == "__main__":
    main()

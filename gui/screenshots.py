"""`make screenshots`: the main window rendered offscreen into docs/screenshots/*.png.

One picture on a real judgment from ../shared/corpus (when present) and one on the
fictional sample judgment in resources/sample; each in a throwaway database, with some
suggestions accepted and one rejected, so every way of drawing a span is visible.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core import services  # noqa: E402
from core.importer import import_paths  # noqa: E402
from core.store.migrate import open_store  # noqa: E402
from gui.controller import Controller  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
CORPUS = (ROOT.parent / "shared" / "corpus" / "dev").resolve()
SAMPLE = ROOT / "resources" / "sample" / "sample_judgment.txt"


def prepare(store_dir: Path, source: Path) -> tuple[str, int]:
    url = f"sqlite:///{store_dir / 'shots.db'}"
    store = open_store(url)
    (res,) = list(import_paths(store, [source], annotator="screenshot"))
    if res.document_id is None:
        raise SystemExit(f"cannot import {source}: {res.reason}")
    spans = services.list_spans(store, res.document_id)
    sugg = [s for s in spans if s.status == "suggested"]
    # Accept every other suggestion, reject one: both styles on screen from the top.
    services.set_span_statuses(store, [(s.id, s.version) for s in sugg[::2]],
                               "accepted", annotator="screenshot")
    if len(sugg) > 3:
        s = sugg[3]
        services.update_span(store, s.id, expected_version=s.version, status="rejected")
    store.dispose()
    return url, res.document_id


def shoot(source: Path, name: str, app: QApplication) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        url, doc_id = prepare(Path(tmp), source)
        store = open_store(url)
        settings = QSettings(str(Path(tmp) / "layout.ini"), QSettings.Format.IniFormat)
        win = MainWindow(Controller(store, "yamada"), settings)
        win.resize(1600, 1000)
        win.show()
        win.open_document(doc_id)
        app.processEvents()
        # Show a suggestion as the current span: detail pane and table row filled in.
        win.viewer.select_cp(0, 0)
        for _ in range(6):  # a few suggestions into the judgment, near the top
            win.editor.next_suggestion(True)
        for _ in range(3):
            app.processEvents()
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"{name}.png"
        win.grab().save(str(path))
        win.close()
        store.dispose()
        return path


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    made = []
    real = sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else []
    if real:
        made.append(shoot(real[0], "main_window_corpus", app))
    else:
        print(f"no corpus at {CORPUS}: skipping the real-judgment picture")
    if SAMPLE.exists():
        made.append(shoot(SAMPLE, "main_window_sample", app))
    for p in made:
        print(f"wrote {p.relative_to(ROOT)}")
    return 0 if made else 1


if __name__ == "__main__":
    sys.exit(main())

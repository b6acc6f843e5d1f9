"""`python main.py --db FILE gui` starts the window on that database and exits cleanly."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gui.app import run
from gui.main_window import MainWindow


def test_run_opens_the_main_window_on_the_database(qtbot, gui_store, imported) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def look_and_quit() -> None:
        wins = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.extend(w.st_doc.text() for w in wins if w.isVisible())
        for w in wins:
            w.close()  # the last window closed ends app.exec()

    QTimer.singleShot(300, look_and_quit)
    assert run(gui_store.url, "tester") == 0
    assert len(seen) == 1 and "作業中" in seen[0]

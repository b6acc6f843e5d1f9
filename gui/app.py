"""Start-up of the window: QApplication, the store (migrated), the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from core.cli import safe_url
from core.store.migrate import open_store


def run(url: str, annotator: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Hanrei Annotator")
    app.setOrganizationName("hanrei-annotator")
    try:
        store = open_store(url)
    except Exception as e:  # shown to the user, never a traceback in a console
        QMessageBox.critical(None, "データベースを開けません", f"{safe_url(url)}\n\n{e}")
        return 2
    from core.cli import default_annotator
    from gui.controller import Controller
    from gui.main_window import MainWindow
    from gui.team import annotator_name

    # First start: ask the name once (kept in the settings); --annotator wins over it.
    ctl = Controller(store, annotator_name(annotator) or default_annotator())
    ctl.follow_settings = annotator is None
    win = MainWindow(ctl)
    win.show()
    try:
        return int(app.exec())
    finally:
        store.dispose()

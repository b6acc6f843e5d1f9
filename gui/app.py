"""Start-up of the window: QApplication, the store (migrated), the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPlainTextEdit

from core.store.migrate import open_store


def run(url: str, annotator: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Hanrei Annotator")
    app.setOrganizationName("hanrei-annotator")
    try:
        store = open_store(url)
    except Exception as e:  # shown to the user, never a traceback in a console
        QMessageBox.critical(None, "データベースを開けません", f"{url}\n\n{e}")
        return 2
    win = QMainWindow()
    win.setWindowTitle(f"判決書アノテーター — {store.display_name()}")
    view = QPlainTextEdit(win)
    view.setReadOnly(True)
    win.setCentralWidget(view)
    win.resize(1200, 800)
    win.show()
    return int(app.exec())

"""Seeing what others changed: the window asks the store every few seconds, and at once
when it comes back to the front (on a shared PostgreSQL database another annotator may
have worked meanwhile). The question is one cheap query on the event table
(core.team.changes_since); spans are re-read only when the open document changed, and the
current span stays selected because the editor keeps it by id.

PostgreSQL LISTEN/NOTIFY would save the polling; a 3-second poll of one indexed max() is
cheap enough that the same code serves SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from gui.controller import Controller

POLL_MS = 3000


class Refresher(QObject):
    def __init__(self, ctl: Controller, parent: QObject | None = None,
                 on_active: Callable[[], None] | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.on_active = on_active
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.refresh)
        ctl.poll()  # marks the changes that exist now as seen
        self.timer.start()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._state_changed)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            if self.on_active is not None:
                self.on_active()
            self.refresh()

    def refresh(self) -> bool:
        return self.ctl.poll()

    def stop(self) -> None:
        self.timer.stop()

"""Seeing what others changed: the window asks the store every few seconds, at once when it
comes back to the front (on a shared database another annotator may have worked
meanwhile), and on PostgreSQL the moment another program commits (LISTEN/NOTIFY, heard by a
thread of its own; core.notify). The question is one cheap query on the event table
(core.team.changes_since); spans are re-read only when others changed the open document,
and the current span stays selected because the editor keeps it by id.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import SQLAlchemyError

from core.errors import HanreiError
from core.notify import ChangeListener
from core.store.db import Store
from gui.controller import Controller

POLL_MS = 3000


class ListenThread(QThread):
    """Waits on the team database's change channel; `changed` is delivered in the GUI
    thread (queued), where the refresh runs. A lost connection ends the thread quietly:
    the poll goes on."""

    changed = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listener = ChangeListener(store)

    def run(self) -> None:
        try:
            while not self.isInterruptionRequested():
                if self.listener.wait(0.25):
                    self.changed.emit()
        except Exception:  # the server went away (any driver error): polling still serves
            return
        finally:
            self.listener.close()

    def stop(self) -> None:
        self.requestInterruption()
        self.wait(5000)


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
        self.listen: ListenThread | None = None
        if ctl.store.is_postgresql:
            try:
                self.listen = ListenThread(ctl.store, self)
            except (HanreiError, SQLAlchemyError, OSError):
                self.listen = None  # no listening connection: the poll alone serves
            else:
                self.listen.changed.connect(self.refresh)
                self.listen.start()
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

    def refresh_all(self) -> bool:
        """F5: everything changed since the last look, own name included."""
        return self.ctl.poll(everyone=True)

    def stop(self) -> None:
        self.timer.stop()
        if self.listen is not None:
            self.listen.stop()
            self.listen = None

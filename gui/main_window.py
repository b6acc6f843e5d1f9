"""The main window: viewer in the middle, docks around it, menus and the status bar.

It wires signals: the controller says what changed, and each view redraws its part.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from core.model import DOC_STATUS_JA, DocumentData, SpanData
from gui.actions import HELP_TEXT, build_menus
from gui.controller import Controller, WriteFailed
from gui.docks.detail import DetailDock
from gui.docks.documents import DocumentDock
from gui.docks.labels import LabelDock
from gui.docks.outline import OutlineDock
from gui.docks.spans import SpanDock
from gui.editor import Editor
from gui.find_bar import FindBar
from gui.fonts import ui_font
from gui.team import install_team
from gui.viewer import JudgmentViewer
from gui.workbench import install_workbench

SAVED = "保存済み"
_OK_STYLE = "color: #1e7b34"
_ERR_STYLE = "color: #ffffff; background: #c00000; padding: 0 4px"

Pairs = list[tuple[SpanData | None, SpanData | None]]


class MainWindow(QMainWindow):
    closing = Signal()  # before the window goes: threads beside it stop (team refresh)

    def __init__(self, ctl: Controller, settings: QSettings | None = None) -> None:
        super().__init__()
        self.ctl = ctl
        self.settings = settings if settings is not None else QSettings()
        self.setWindowTitle(f"判決書アノテーター — {ctl.store.display_name()}")
        self.setFont(ui_font())
        self.viewer = JudgmentViewer()
        self.viewer.spans_at = ctl.spans_at
        self.find_bar = FindBar(self.viewer)
        center = QWidget()
        lay = QVBoxLayout(center)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.viewer, 1)
        lay.addWidget(self.find_bar)
        self.setCentralWidget(center)
        self.editor = Editor(ctl, self.viewer, self)

        self.documents = DocumentDock(self)
        self.labels = LabelDock(self)
        self.outline = OutlineDock(self)
        self.spans = SpanDock(self)
        self.detail = DetailDock(self)
        self.setDockNestingEnabled(True)
        left, right, bottom = (Qt.DockWidgetArea.LeftDockWidgetArea,
                               Qt.DockWidgetArea.RightDockWidgetArea,
                               Qt.DockWidgetArea.BottomDockWidgetArea)
        self.addDockWidget(left, self.documents)
        self.addDockWidget(left, self.outline)
        self.addDockWidget(right, self.labels)
        self.addDockWidget(right, self.detail)
        self.addDockWidget(bottom, self.spans)
        self.resizeDocks([self.documents, self.outline], [2, 3], Qt.Orientation.Vertical)
        self.resizeDocks([self.labels, self.detail], [5, 4], Qt.Orientation.Vertical)
        self.resizeDocks([self.documents, self.labels], [420, 340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.spans], [220], Qt.Orientation.Vertical)

        undo = self.editor.undo_group.createUndoAction(self, "元に戻す")
        redo = self.editor.undo_group.createRedoAction(self, "やり直し")
        ed = self.editor
        self.actions_ = build_menus(self, self.viewer, {
            "reload": self.reload_documents, "accept": ed.accept, "reject": ed.reject,
            "next": lambda: ed.next_suggestion(True), "prev": lambda: ed.next_suggestion(False),
            "accept_all": ed.accept_all,
            "end_left": lambda: ed.move_boundary("end", -1),
            "end_right": lambda: ed.move_boundary("end", 1),
            "start_left": lambda: ed.move_boundary("start", -1),
            "start_right": lambda: ed.move_boundary("start", 1),
            "find": self.find_bar.open_bar, "done_next": self.done_and_next,
            "zoom_in": lambda: self.viewer.zoom(1), "zoom_out": lambda: self.viewer.zoom(-1),
            "show_rejected": self.toggle_rejected, "keys": self.show_keys,
        }, undo, redo)
        self.viewer.menu_actions = [self.actions_[k] for k in
                                    ("accept", "reject", "next", "prev", "accept_all")]
        self._build_status_bar()
        # An edit is drawn in the viewer at once; the views beside it (span table, counts,
        # outline, detail pane) follow from this zero-interval timer. A timer fires after
        # the events already posted, among them the viewer's repaint, so the span shows
        # first, and a held-down key refreshes the side views once per event-loop pass.
        self._side_pairs: Pairs = []
        self._side_current = False  # the current span changed while a refresh was due
        self._side_timer = QTimer(self)
        self._side_timer.setSingleShot(True)
        self._side_timer.setInterval(0)
        self._side_timer.timeout.connect(self.refresh_side_views)

        ctl.documentOpened.connect(self._document_opened)
        ctl.spansChanged.connect(self._spans_changed)
        ctl.spansReset.connect(self._spans_reset)
        ctl.documentStatusChanged.connect(self._document_status)
        ctl.saved.connect(self._saved)
        ctl.writeFailed.connect(self._write_failed)
        self.documents.documentActivated.connect(self.open_document)
        self.labels.labelActivated.connect(self._tag)
        self.outline.spanActivated.connect(self._jump)
        self.spans.spanActivated.connect(self._jump)
        self.detail.applyRequested.connect(ed.apply_detail)
        self.viewer.tagRequested.connect(self._tag)
        self.viewer.acceptAllRequested.connect(ed.accept_all)
        ed.currentChanged.connect(self._current_changed)
        ed.message.connect(lambda m: self.statusBar().showMessage(m, 5000))
        install_workbench(self)  # ツール menu and docks (gui/workbench.py), before restoreState

        self.resize(1400, 900)
        geo, state = self.settings.value("window/geometry"), self.settings.value("window/state")
        if geo is not None:
            self.restoreGeometry(geo)
        if state is not None:
            self.restoreState(state)
        self.reload_documents()
        install_team(self)  # チーム menu, layers, refresh of others' changes (gui/team.py)

    # --- status bar ----------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.st_doc, self.st_counts = QLabel(), QLabel()
        self.st_who = QLabel(f"作業者: {self.ctl.annotator or '（未設定）'}")
        self.st_db = QLabel(f"DB: {self.ctl.store.display_name()}")
        self.st_saved = QLabel(SAVED)
        self.st_saved.setStyleSheet(_OK_STYLE)
        self._failed_shown = False
        for w in (self.st_doc, self.st_counts, self.st_who, self.st_db, self.st_saved):
            bar.addPermanentWidget(w)

    def _saved(self) -> None:
        # Every edit is saved: restyle only after a failure (a style sheet re-polishes).
        if self._failed_shown:
            self._failed_shown = False
            self.st_saved.setText(SAVED)
            self.st_saved.setStyleSheet(_OK_STYLE)

    def _write_failed(self, message: str) -> None:
        self._failed_shown = True
        self.st_saved.setText("保存できませんでした")
        self.st_saved.setStyleSheet(_ERR_STYLE)
        self.statusBar().showMessage(message, 15000)
        if not getattr(self, "quiet_errors", False):
            QMessageBox.warning(self, "保存できませんでした", message)

    def _update_counts(self) -> None:
        spans = self.ctl.span_values()  # counted, so no need to sort them
        by = Counter(s.status for s in spans)
        self.st_counts.setText(f"確定 {by['accepted']}・候補 {by['suggested']}・"
                               f"却下 {by['rejected']}")
        self.labels.set_counts(Counter(s.label for s in spans if s.status == "accepted"),
                               Counter(s.label for s in spans if s.status == "suggested"))
        doc = self.ctl.document
        if doc is not None:
            status = "in_progress" if doc.status == "new" and by["accepted"] + by["rejected"] \
                else doc.status
            self.documents.model.update(doc.id, n_spans=by["accepted"],
                                        n_suggested=by["suggested"], status=status)

    # --- documents -----------------------------------------------------------------------

    def reload_documents(self) -> None:
        cur = self.ctl.document.id if self.ctl.document else None
        docs = self.ctl.documents()
        self.documents.set_documents(docs, cur)
        if cur is None and docs:
            self.open_document(docs[0].id)

    def open_document(self, doc_id: int) -> None:
        if self.ctl.document is not None and self.ctl.document.id == doc_id:
            return
        self.ctl.open_document(doc_id)

    def _document_opened(self, doc: DocumentData) -> None:
        self._drop_side_changes()
        labels = self.ctl.labels()
        self.viewer.set_labels(labels)
        self.labels.set_labels(labels)
        self.spans.set_labels(labels)
        self.detail.set_labels(labels)
        spans = self.ctl.spans()
        self.viewer.load(doc, self.ctl.utf16, spans)
        self.spans.set_spans(spans)
        self.outline.set_spans(spans, self.viewer.text)
        self.editor.document_opened(doc.id)
        self.documents.select(doc.id)
        self._document_status(doc)
        self._update_counts()
        self.viewer.setFocus()

    def _document_status(self, doc: DocumentData) -> None:
        self.st_doc.setText(f"{doc.title[:30]}（{DOC_STATUS_JA.get(doc.status, doc.status)}）")
        self.documents.model.update(doc.id, status=doc.status)

    def done_and_next(self) -> None:
        doc = self.ctl.document
        if doc is None:
            return
        try:
            self.ctl.set_document_status("done")
        except WriteFailed:
            return
        nxt = self.documents.next_document(doc.id)
        self.statusBar().showMessage(f"「{doc.title[:20]}」を完了にしました", 5000)
        if nxt is not None:
            self.open_document(nxt)

    # --- spans ---------------------------------------------------------------------------

    def _tag(self, label: str) -> None:
        self.editor.tag(label)

    def _jump(self, span_id: int) -> None:
        self.editor.set_current(span_id)
        self.viewer.setFocus()

    def _spans_changed(self, pairs: Pairs) -> None:
        self.viewer.highlighter.apply(pairs)
        cur = self.editor.current()
        if cur is not None and any(a is not None and a.id == cur.id for _, a in pairs):
            self.viewer.set_current(cur)
            self._side_current = True
        self._side_pairs.extend(pairs)
        self._side_timer.start()

    def refresh_side_views(self) -> None:
        """Bring the span table, counts, outline and detail pane up to the edits made since
        the last refresh (the timer's slot; callable whenever they must be current)."""
        self._side_timer.stop()
        pairs, self._side_pairs = self._side_pairs, []
        if pairs:
            self.spans.model.apply(pairs)
            if any(sp is not None and sp.label == "SECTION" for p in pairs for sp in p):
                self.outline.set_spans(self.ctl.spans(), self.viewer.text)
            self._update_counts()
        if self._side_current:
            self._side_current = False
            self._show_current(self.editor.current())

    def _drop_side_changes(self) -> None:
        """Everything is about to be re-read: pending changes would be applied twice."""
        self._side_timer.stop()
        self._side_pairs = []
        self._side_current = False

    def _spans_reset(self) -> None:
        self._drop_side_changes()
        spans = self.ctl.spans()
        self.viewer.reset_spans(spans)
        self.spans.set_spans(spans)
        self.outline.set_spans(spans, self.viewer.text)
        self._update_counts()
        self._show_current(self.editor.current())

    def _show_current(self, sp: SpanData | None) -> None:
        self.detail.show_span(sp)
        self.spans.select_span(sp.id if sp else None)

    def _current_changed(self, sp: SpanData | None) -> None:
        if self._side_timer.isActive():  # its row may not be in the table yet
            self._side_current = True
        else:
            self._show_current(sp)

    def toggle_rejected(self) -> None:
        on = self.actions_["show_rejected"].isChecked()
        self.viewer.set_show_rejected(on)

    def show_keys(self) -> None:
        QMessageBox.information(self, "キー操作の一覧", HELP_TEXT)

    def closeEvent(self, e: QCloseEvent) -> None:
        self.closing.emit()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        super().closeEvent(e)

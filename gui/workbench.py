"""The workbench around the annotation: the ツール menu (import, ラベル設定, 統計, 設定) and
the docks (コーパス検索, 文書の絞り込み, 文書タグ, ガイドライン), wired to the main window
through its controller's signals and its public methods only.

`install_workbench(window)` is called once at the end of MainWindow.__init__.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from core.model import DocumentData
from core.settings import Settings
from gui.doc_filter import FilterDock
from gui.doc_tags import DocTagsDock
from gui.first_run import maybe_first_run
from gui.guidelines import GuidelinesDock, tooltip_html
from gui.import_dialog import Importer, ImportSummary
from gui.schema_editor import SchemaEditor
from gui.search_dock import SearchDock
from gui.settings_dialog import SettingsDialog
from gui.stats_window import StatsWindow

GUIDELINES_KEY = "F1"  # the key list is Shift+F1


class Workbench:
    """Holds the workbench's docks and dialogs for one window."""

    def __init__(self, window: Any) -> None:
        self.w = window
        ctl = window.ctl
        self.search = SearchDock(ctl.store, window)
        self.filter = FilterDock(ctl.store, window)
        self.tags = DocTagsDock(ctl.store, lambda: ctl.annotator, window)
        self.guidelines = GuidelinesDock(window)
        self.importer = Importer(ctl.store, ctl.annotator, window)
        self.stats: StatsWindow | None = None
        self.schema_editor: SchemaEditor | None = None
        areas = Qt.DockWidgetArea
        # Tabbed behind the span list (wide enough to read), the filter behind the document
        # list, the small tag panel under the span details. A second group of tabs made
        # before the window is shown leaves a stale tab bar drawn (Qt 6.11, offscreen and
        # xcb), so the filter joins the document list once the window is up.
        for dock, beside in ((self.search, window.spans), (self.guidelines, self.search)):
            window.addDockWidget(areas.BottomDockWidgetArea, dock)
            window.tabifyDockWidget(beside, dock)
        window.addDockWidget(areas.RightDockWidgetArea, self.tags)
        window.splitDockWidget(window.detail, self.tags, Qt.Orientation.Vertical)
        window.resizeDocks([window.labels, window.detail, self.tags], [430, 260, 150],
                           Qt.Orientation.Vertical)
        window.addDockWidget(areas.LeftDockWidgetArea, self.filter)
        if window.settings.value("window/state") is None:  # no layout saved by the user
            QTimer.singleShot(0, self._place_filter)
        self._menus()

        ctl.documentOpened.connect(self.document_opened)
        ctl.documentsChanged.connect(self.filter.refresh_courts)
        self.search.openAt.connect(self.open_at)
        self.filter.documentActivated.connect(window.open_document)
        self.tags.editFieldsRequested.connect(lambda: self.open_schema_editor(fields=True))
        self.importer.finished.connect(self.imported)
        window.labels.table.currentCellChanged.connect(self._label_row)
        if ctl.document is not None:  # opened before the workbench was installed
            self.document_opened(ctl.document)
        else:
            self.refresh_labels_views()
        self.filter.refresh_courts()
        self.filter.apply()

    def _menus(self) -> None:
        w = self.w
        menu = w.menuBar().addMenu("ツール(&T)")
        self.actions: dict[str, QAction] = {}
        for key, text, shortcut, slot in (
                ("import_files", "ファイルを取り込む…", "Ctrl+O", self.importer.choose_files),
                ("import_folder", "フォルダを取り込む…", "Ctrl+Shift+O",
                 self.importer.choose_folder),
                (None, None, None, None),
                ("schema", "ラベル設定…", "", self.open_schema_editor),
                ("stats", "統計…", "", self.open_stats),
                ("settings", "設定…", "Ctrl+,", self.open_settings)):
            if key is None:
                menu.addSeparator()
                continue
            act = menu.addAction(text, slot)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            self.actions[key] = act
        menu.addSeparator()
        for key, dock, shortcut in (("search", self.search, "Ctrl+Shift+F"),
                                    ("filter", self.filter, ""),
                                    ("tags", self.tags, ""),
                                    ("guidelines", self.guidelines, GUIDELINES_KEY)):
            act = dock.toggleViewAction()
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda on, d=dock: self.show_dock(d) if on else None)
            menu.addAction(act)
            self.actions[key] = act

    def _place_filter(self) -> None:
        self.w.tabifyDockWidget(self.w.documents, self.filter)
        self.w.documents.raise_()
        self.w.spans.raise_()

    def show_dock(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()
        if dock is self.search:
            self.search.query.setFocus()
        if dock is self.guidelines:
            cur = self.w.editor.current() if hasattr(self.w, "editor") else None
            if cur is not None:
                self.guidelines.show_label(cur.label)

    # --- reactions -----------------------------------------------------------------------

    def document_opened(self, doc: DocumentData) -> None:
        self.tags.set_document(doc.id)
        self.refresh_labels_views()

    def refresh_labels_views(self) -> None:
        labels = self.w.ctl.labels()
        self.guidelines.set_labels(labels)
        self.filter.set_labels(labels)
        table = self.w.labels.table  # the labels dock lists the active labels in order
        for r, lb in enumerate(lb for lb in labels if lb.active):
            item = table.item(r, 0)
            if item is not None:
                item.setToolTip(tooltip_html(lb))

    def _label_row(self, row: int, *_: int) -> None:
        active = [lb for lb in self.w.ctl.labels() if lb.active]
        if 0 <= row < len(active):
            self.guidelines.show_label(active[row].key)

    def schema_changed(self) -> None:
        """Labels changed in the store: re-read them and redraw the window with them."""
        ctl = self.w.ctl
        ctl.reload_labels()
        if ctl.document is None:
            self.refresh_labels_views()
        self.tags.reload_fields()

    def open_at(self, doc_id: int, start: int, end: int) -> None:
        self.w.open_document(doc_id)
        if self.w.ctl.document is None or self.w.ctl.document.id != doc_id:
            return
        self.w.viewer.select_cp(start, end)
        self.w.viewer.setFocus()

    def imported(self, summary: ImportSummary) -> None:
        self.w.reload_documents()
        self.filter.refresh_courts()
        self.filter.apply()
        n = len(summary.imported)
        self.w.statusBar().showMessage(f"{n} 件の文書を取り込みました", 8000)

    # --- dialogs -------------------------------------------------------------------------

    def open_schema_editor(self, fields: bool = False) -> SchemaEditor:
        if self.schema_editor is None:
            self.schema_editor = SchemaEditor(self.w.ctl.store, self.w)
            self.schema_editor.schemaChanged.connect(self.schema_changed)
        self.schema_editor.reload()
        self.schema_editor.fields.reload()
        self.schema_editor.tabs.setCurrentIndex(1 if fields else 0)
        self.schema_editor.show()
        self.schema_editor.activateWindow()
        return self.schema_editor

    def open_stats(self) -> StatsWindow:
        if self.stats is None:
            self.stats = StatsWindow(self.w.ctl.store, self.w)
        self.stats.refresh()
        self.stats.show()
        self.stats.activateWindow()
        return self.stats

    def open_settings(self) -> SettingsDialog:
        dlg = SettingsDialog(Settings.load(), parent=self.w)
        dlg.editLabelsRequested.connect(self.open_schema_editor)
        dlg.accepted.connect(lambda: self.apply_settings(dlg.settings))
        dlg.open()
        return dlg

    def apply_settings(self, s: Settings) -> None:
        ctl = self.w.ctl
        if s.annotator:
            ctl.set_annotator(s.annotator)  # re-reads the document: the name picks the layer
            self.importer.annotator = s.annotator
            self.w.st_who.setText(f"作業者: {s.annotator}")
            self.tags.set_document(ctl.document.id if ctl.document else None)
        self.apply_view_settings(s)

    def apply_view_settings(self, s: Settings) -> None:
        """Font and size of the judgment, at start-up and after 設定."""
        viewer = self.w.viewer
        viewer.zoom(s.font_size - viewer.point_size)
        if s.font_family:
            font = viewer.font()
            font.setFamily(s.font_family)
            viewer.setFont(font)


def workbench_of(window: Any) -> Workbench:
    wb: Workbench = window.workbench
    return wb


def install_workbench(window: Any, *, first_run: bool = True) -> Workbench:
    wb = Workbench(window)
    window.workbench = wb
    wb.apply_view_settings(Settings.load())
    if first_run:
        QTimer.singleShot(0, lambda: maybe_first_run(window))
    return wb

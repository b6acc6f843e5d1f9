"""The team features in the main window, installed by one call (install_team) so the main
window stays small: the チーム menu (一致率, キュレーション, 割り当て, 注釈の方式), the layer
shown in the status bar, refresh on focus and by polling, and the annotator-name prompt
of the first start."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from core import team
from core.assignments import assign, list_assignments
from core.errors import HanreiError
from core.layers import layer_title
from core.settings import Settings
from gui.agreement_window import AgreementWindow
from gui.curation_window import CurationWindow
from gui.refresh import Refresher

Ask = Callable[[QWidget | None], str | None]


def _ask_name(parent: QWidget | None) -> str | None:
    name, ok = QInputDialog.getText(
        parent, "作業者名",
        "あなたの名前を入力してください。\n付けたタグと変更の記録に残ります"
        "（あとから 設定 で変えられます）。",
        QLineEdit.EchoMode.Normal, "")
    return name.strip() if ok and name.strip() else None


def annotator_name(passed: str | None, *, settings_path: Path | None = None,
                   ask: Ask | None = None) -> str | None:
    """The name changes are recorded under: --annotator if given, else the one kept in
    the settings; on the first start (none kept) the user is asked and the answer kept."""
    if passed:
        return passed
    settings = Settings.load(settings_path)
    if settings.annotator:
        return settings.annotator
    name = (ask or _ask_name)(None)
    if name:
        settings.annotator = name
        with contextlib.suppress(OSError):  # still used now; asked again next time
            settings.save(settings_path)
    return name


class Team:
    def __init__(self, window: Any) -> None:
        self.w = window
        ctl = window.ctl
        self.agreement: AgreementWindow | None = None
        self.curation: CurationWindow | None = None
        self.st_layer = QLabel()
        window.statusBar().addPermanentWidget(self.st_layer)
        self._show_layer(ctl.layer)
        ctl.layerChanged.connect(self._show_layer)
        ctl.annotatorChanged.connect(self._show_annotator)
        ctl.documentsChanged.connect(self.reload_documents)
        ctl.documentOpened.connect(self._document_opened)
        self.refresher = Refresher(ctl, window, on_active=self.reread_settings)
        window.closing.connect(self.refresher.stop)

        menu = window.menuBar().addMenu("チーム(&T)")
        self.actions: dict[str, QAction] = {}
        for key, text, slot in (
            ("agreement", "一致率…", self.open_agreement),
            ("curation", "キュレーション…", self.open_curation),
            ("assign", "この文書を割り当て…", self.assign_current),
        ):
            act = QAction(text, window)
            act.triggered.connect(slot)
            menu.addAction(act)
            self.actions[key] = act
        menu.addSeparator()
        mode = QAction("各自のレイヤーで注釈する（独立・二重アノテーション）", window)
        mode.setCheckable(True)
        mode.setChecked(team.annotation_mode(ctl.store) == "independent")
        mode.toggled.connect(self.set_independent)
        menu.addAction(mode)
        self.actions["independent"] = mode
        refresh = QAction("他の人の変更を読み込む", window)
        refresh.setShortcut("F5")
        refresh.triggered.connect(self.refresher.refresh_all)
        menu.addAction(refresh)
        self.actions["refresh"] = refresh

    # --- status ------------------------------------------------------------------------------

    def _show_layer(self, layer: str) -> None:
        text = "共有" if layer == "main" else f"{layer_title(layer)} のレイヤー"
        self.st_layer.setText(f"注釈: {text}")

    def _show_annotator(self, name: str) -> None:
        self.w.st_who.setText(f"作業者: {name}")

    def reread_settings(self) -> None:
        """Back in front: a name changed in 設定 meanwhile takes effect (unless the program
        was started with --annotator)."""
        if not getattr(self.w.ctl, "follow_settings", False):
            return
        name = Settings.load().annotator
        if name:
            self.w.ctl.set_annotator(name)

    def reload_documents(self) -> None:
        """Someone changed documents: refresh the list only where it differs, so the
        selection and the scroll position stay."""
        docs = self.w.ctl.documents()
        if docs != self.w.documents.model.documents():
            cur = self.w.ctl.document.id if self.w.ctl.document else None
            self.w.documents.set_documents(docs, cur)

    def _document_opened(self, doc: Any) -> None:
        if self.curation is not None and self.curation.isVisible():
            self.curation.set_document(doc.id)

    # --- actions -----------------------------------------------------------------------------

    def _label_names(self) -> dict[str, str]:
        return {lb.key: lb.name for lb in self.w.ctl.labels()}

    def open_agreement(self) -> AgreementWindow:
        if self.agreement is None:
            self.agreement = AgreementWindow(self.w.ctl.store, self._label_names(), self.w)
        else:
            self.agreement.reload_annotators()
        self.agreement.show()
        self.agreement.activateWindow()
        if self.agreement.run_button.isEnabled():
            self.agreement.compute()
        return self.agreement

    def open_curation(self) -> CurationWindow | None:
        doc = self.w.ctl.document
        if doc is None:
            self.w.statusBar().showMessage("文書を開いてからキュレーションしてください", 5000)
            return None
        if self.curation is None:
            self.curation = CurationWindow(self.w.ctl.store, self.w.ctl.annotator,
                                           self._label_names(), self.w)
        self.curation.annotator = self.w.ctl.annotator
        self.curation.set_document(doc.id)
        self.curation.show()
        self.curation.activateWindow()
        return self.curation

    def assign_current(self, name: str | None = None) -> bool:
        doc = self.w.ctl.document
        if doc is None:
            return False
        if not name:
            have = ", ".join(a.annotator for a in list_assignments(self.w.ctl.store, doc.id))
            name, ok = QInputDialog.getText(
                self.w, "割り当て", f"この文書を割り当てる人の名前（現在: {have or 'なし'}）:")
            if not ok or not name.strip():
                return False
        try:
            assign(self.w.ctl.store, [doc.id], name.strip(), by=self.w.ctl.annotator)
        except HanreiError as e:
            QMessageBox.warning(self.w, "割り当て", str(e))
            return False
        self.reload_documents()
        return True

    def set_independent(self, on: bool) -> None:
        ctl = self.w.ctl
        team.set_annotation_mode(ctl.store, "independent" if on else "shared",
                                 annotator=ctl.annotator)
        if ctl.document is not None:  # the layer may change with the mode
            doc_id, ctl.document = ctl.document.id, None
            ctl.open_document(doc_id)


def install_team(window: Any) -> Team:
    window.team = Team(window)
    return window.team

"""Import from the window: files or a folder, read by core.importer in a worker thread, a
progress dialog that can be cancelled, and a summary of what was imported, skipped
(already present) and refused (with the reason).

Each file is its own transaction in core, so cancelling stops between two files and
leaves nothing half-imported; the Store opens a session per call, so the worker may use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from core.importer import ImportResult, import_paths, iter_input_files
from core.messages import reason_ja
from core.store.db import Store
from core.text.readers import supported_suffixes
from gui.fonts import ui_font


@dataclass
class ImportSummary:
    imported: list[ImportResult] = field(default_factory=list)
    present: list[ImportResult] = field(default_factory=list)
    failed: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False

    def add(self, r: ImportResult) -> None:
        {"imported": self.imported, "present": self.present}.get(r.status, self.failed).append(r)

    def text(self) -> str:
        lines = [f"取り込み {len(self.imported)} 件、"
                 f"取り込み済みのため省略 {len(self.present)} 件、"
                 f"取り込めなかったもの {len(self.failed)} 件"]
        if self.cancelled:
            lines.append("（途中で中止しました。それまでのファイルは取り込まれています）")
        for title, rows in (("■ 取り込んだ文書", self.imported), ("■ 取り込み済み", self.present)):
            if rows:
                lines += ["", title]
                lines += [f"・{r.title or Path(r.path).name}"
                          + (f"（候補 {r.suggestions} 件）" if r.status == "imported" else "")
                          for r in rows]
        if self.failed:
            lines += ["", "■ 取り込めなかったファイル"]
            lines += [_failure_line(r) for r in self.failed]
        return "\n".join(lines)


def _failure_line(r: ImportResult) -> str:
    """Japanese first; the English reason under it when it says more (offsets, bytes)."""
    ja = reason_ja(r.reason)
    line = f"・{Path(r.path).name}: {ja}"
    return line if ja == r.reason else f"{line}\n　　（{r.reason}）"


class ImportWorker(QThread):
    """Runs the importer's generator; reports after each file; stops between files."""

    progressed = Signal(object, int, int)  # ImportResult, files done, files in all

    def __init__(self, store: Store, paths: Sequence[str | Path], annotator: str | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.paths, self.annotator = store, list(paths), annotator
        self.summary = ImportSummary()
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:
        total = sum(1 for _ in iter_input_files(self.paths))
        gen = import_paths(self.store, self.paths, annotator=self.annotator)
        for done, r in enumerate(gen, 1):
            self.summary.add(r)
            self.progressed.emit(r, done, total)
            if self._cancel:
                self.summary.cancelled = done < total
                break


class ImportSummaryDialog(QDialog):
    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("取り込みの結果")
        self.setFont(ui_font())
        self.resize(640, 420)
        lines = summary.text().splitlines()
        head = QLabel(lines[0])
        self.body = QPlainTextEdit("\n".join(lines[1:]).strip())
        self.body.setReadOnly(True)
        ok = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        ok.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.body)
        lay.addWidget(ok)


class Importer(QObject):
    """Owns one import at a time: the worker, the progress dialog, the summary."""

    finished = Signal(object)  # ImportSummary

    def __init__(self, store: Store, annotator: str | None, parent: QWidget | None = None,
                 *, show_summary: bool = True) -> None:
        super().__init__(parent)
        self.store, self.annotator, self.parent_widget = store, annotator, parent
        self.show_summary = show_summary
        self.worker: ImportWorker | None = None
        self.progress: QProgressDialog | None = None

    def choose_files(self) -> None:
        pattern = " ".join(f"*{s}" for s in supported_suffixes())
        files, _ = QFileDialog.getOpenFileNames(self.parent_widget, "判決書のファイルを取り込む",
                                                "", f"判決書 ({pattern})")
        if files:
            self.start(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.parent_widget, "フォルダを取り込む")
        if folder:
            self.start([folder])

    def start(self, paths: Sequence[str | Path]) -> bool:
        if self.worker is not None:
            return False
        self.progress = QProgressDialog("取り込みを準備しています…", "中止", 0, 0,
                                        self.parent_widget)
        self.progress.setWindowTitle("取り込み")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.worker = ImportWorker(self.store, paths, self.annotator, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.progress.canceled.connect(self.worker.cancel)
        self.worker.start()
        return True

    def _progressed(self, r: ImportResult, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(f"{done} / {total}: {Path(r.path).name}")

    def _finished(self) -> None:
        assert self.worker is not None
        summary = self.worker.summary
        self.worker.wait()
        self.worker.deleteLater()
        self.worker = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.finished.emit(summary)
        if self.show_summary:
            ImportSummaryDialog(summary, self.parent_widget).exec()

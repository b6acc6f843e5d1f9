"""Window tests: offscreen Qt, a real SQLite file, judgments imported by the real service."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from core import services
from core.importer import import_paths
from core.store.db import Store
from core.store.migrate import open_store

# A short fictional judgment: two headings, amounts, a rate, a date, and characters outside
# the BMP (𠮷, 😀) before the spans, so UTF-16 positions differ from code points.
JUDGMENT = """令和５年（ワ）第１２３号　貸金返還請求事件
判決
原告　𠮷田花子😀
被告　株式会社みどり商事
主文
１　被告は、原告に対し、金１２０万円及びこれに対する令和４年４月１日から支払済みまで年３分の割合による金員を支払え。
２　訴訟費用は被告の負担とする。
事実及び理由
第１　請求
主文同旨
第２　事案の概要
本件は、原告が被告に対し、貸付金１２０万円の返還を求める事案である。
"""

SECOND = """令和５年（ワ）第４５６号　損害賠償請求事件
判決
主文
１　被告は、原告に対し、金３０万円を支払え。
"""


@pytest.fixture
def gui_store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'gui.db'}")
    yield s
    s.dispose()


@pytest.fixture
def judgment_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    a, b = folder / "a_kashikin.txt", folder / "b_songai.json"
    a.write_text(JUDGMENT, encoding="utf-8")
    b.write_text(json.dumps({  # the courts' judgment record format
        "case_number": "令和5(ワ)456", "court_name": "架空地方裁判所",
        "case_name": "損害賠償請求事件", "date": "令和5年6月1日", "contents": SECOND,
    }, ensure_ascii=False), encoding="utf-8")
    return [a, b]


# Suggestions the tests control (the extractors keep improving; these do not move).
SUGGESTIONS = (  # label, text, occurrence, value
    ("PERSON", "𠮷田花子", 0, {"name": "𠮷田花子"}),
    ("MONEY", "120万円", 0, 1200000),
    ("DATE", "令和4年4月1日", 0, "2022-04-01"),
    ("RATE", "年3分", 0, 0.03),
    ("MONEY", "120万円", 1, 1200000),
)
SECTIONS = (  # text, level, number, title
    ("主文", 0, "", "主文"),
    ("事実及び理由", 0, "", "事実及び理由"),
    ("第1　請求", 1, "第1", "請求"),
    ("第2　事案の概要", 1, "第2", "事案の概要"),
)


def find_nth(text: str, needle: str, n: int = 0) -> int:
    i = text.find(needle)
    for _ in range(n):
        i = text.find(needle, i + 1)
    assert i >= 0, needle
    return i


def add_suggestions(store: Store, doc_id: int) -> None:
    text = services.load_document(store, doc_id).text
    for label, needle, n, value in SUGGESTIONS:
        s = find_nth(text, needle, n)
        services.add_span(store, doc_id, label, s, s + len(needle), value=value,
                          status="suggested", source="auto")
    for needle, level, number, title in SECTIONS:
        s = find_nth(text, needle)
        services.add_span(store, doc_id, "SECTION", s, s + len(needle), status="suggested",
                          source="auto", value={"level": level, "number": number,
                                                "title": title})


@pytest.fixture
def imported(gui_store: Store, judgment_files: list[Path]) -> list[int]:
    """The two judgments imported by the real service, with the suggestions above."""
    results = list(import_paths(gui_store, judgment_files, annotator="tester", suggest=False))
    assert all(r.status == "imported" for r in results), results
    ids = [r.document_id for r in results if r.document_id is not None]
    add_suggestions(gui_store, ids[0])
    return ids


@pytest.fixture(autouse=True)
def _no_user_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A window built with a default QSettings() writes into a temporary folder, never into
    the developer's own configuration."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("qsettings")))


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, gui_store: Store, settings: QSettings, imported: list[int]) -> Callable:  # type: ignore[no-untyped-def]
    """Builds a main window on the test database (as many as a test needs)."""
    from gui.controller import Controller
    from gui.main_window import MainWindow

    def make(store: Store = gui_store) -> MainWindow:
        ctl = Controller(store, "tester")
        win = MainWindow(ctl, settings)
        win.quiet_errors = True  # failures go to the status bar; no modal box in tests
        win.editor.confirm = lambda _title, _text: True
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()  # shortcuts fire only in the active window
        qtbot.waitUntil(win.isActiveWindow)
        win.viewer.setFocus()
        return win

    return make

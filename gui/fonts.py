"""The Japanese font of the window: an installed CJK family, chosen once (nothing bundled)."""

from __future__ import annotations

import functools

from PySide6.QtGui import QFont, QFontDatabase

# Serif reads best for long judgments; the sans families follow, then common Japanese fonts.
PREFERRED = (
    "Noto Serif CJK JP",
    "Noto Sans CJK JP",
    "IPAexMincho",
    "IPAMincho",
    "IPAexGothic",
    "IPAGothic",
    "Source Han Serif JP",
    "Source Han Sans JP",
    "Hiragino Mincho ProN",
    "Yu Mincho",
    "Yu Gothic",
    "MS Gothic",
)
UI_PREFERRED = ("Noto Sans CJK JP", "IPAexGothic", "IPAGothic", "Yu Gothic", "Hiragino Sans")
DEFAULT_POINT_SIZE = 12


@functools.cache
def _pick(candidates: tuple[str, ...]) -> str | None:
    installed = set(QFontDatabase.families())
    for fam in candidates:
        if fam in installed:
            return fam
    for fam in sorted(installed):  # any family that claims Japanese
        if QFontDatabase.WritingSystem.Japanese in QFontDatabase.writingSystems(fam):
            return fam
    return None


def text_family() -> str | None:
    return _pick(PREFERRED)


def viewer_font(point_size: int = DEFAULT_POINT_SIZE) -> QFont:
    font = QFont()
    fam = text_family()
    if fam:
        font.setFamily(fam)
    font.setPointSize(point_size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def ui_font(point_size: int = 10) -> QFont:
    font = QFont()
    fam = _pick(UI_PREFERRED)
    if fam:
        font.setFamily(fam)
    font.setPointSize(point_size)
    return font

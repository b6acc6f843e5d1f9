"""The viewer: positions across UTF-16, how spans are drawn, plain text, fonts, zoom."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontInfo, QTextCharFormat

from core import services
from core.model import DocumentData, SpanData
from core.text.offsets import Utf16Index
from gui.fonts import PREFERRED
from gui.highlighter import tint
from gui.viewer import JudgmentViewer, key_char, trim_selection
from tests.gui.helpers import span_with


def formats_at(viewer: JudgmentViewer, cp: int) -> list[QTextCharFormat]:
    """The highlighter's formats covering code point `cp`."""
    u = viewer.utf16.to_utf16(cp)
    block = viewer.document().findBlock(u)
    rel = u - block.position()
    ranges = block.layout().formats()
    return [QTextCharFormat(r.format) for r in ranges if r.start <= rel < r.start + r.length]


def test_trim_selection_drops_edge_whitespace() -> None:
    text = "　 金120万円 \n"
    assert trim_selection(text, 0, len(text)) == (2, 8)
    assert trim_selection("   ", 0, 3) == (3, 3)


def test_key_char_folds_input_method_characters() -> None:
    assert key_char("ｍ") == "m"
    assert key_char("Ｍ") == "m"
    assert key_char("あ") == "a"


def test_select_cp_selects_the_right_characters_after_astral(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    money = span_with(win, "MONEY")
    assert win.viewer.text.index("😀") < money.start  # astral characters come first
    win.viewer.select_cp(money.start, money.end)
    assert win.viewer.textCursor().selectedText() == "120万円"
    assert win.viewer.selection_cp() == (money.start, money.end)
    person = span_with(win, "PERSON")
    win.viewer.select_cp(person.start, person.end)
    assert win.viewer.textCursor().selectedText() == "𠮷田花子"


def test_suggestion_is_tinted_and_underlined_accepted_is_solid(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    money = span_with(win, "MONEY")
    color = QColor(win.ctl.label("MONEY").color)
    (fmt,) = formats_at(win.viewer, money.start)
    assert fmt.background().color() == tint(color)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    # the character before the span (金) is not drawn
    assert formats_at(win.viewer, money.start - 1) == []
    assert formats_at(win.viewer, money.end) == []
    win.editor.set_current(money.id)
    win.editor.accept()
    (fmt,) = formats_at(win.viewer, money.start)
    assert fmt.background().color() == color
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_nested_spans_show_inner_background_and_outer_underline(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    money = span_with(win, "MONEY")
    doc_id = win.ctl.document.id
    outer = services.add_span(win.ctl.store, doc_id, "TERM", money.start - 1, money.end + 2)
    win.ctl.open_document(win.ctl.documents()[1].id)
    win.ctl.open_document(doc_id)
    (fmt,) = formats_at(win.viewer, money.start)
    assert fmt.background().color() == tint(QColor(win.ctl.label("MONEY").color))
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert fmt.underlineColor() != QColor(win.ctl.label("MONEY").color)
    (edge,) = formats_at(win.viewer, outer.start)  # only the outer span here
    assert edge.background().color() == QColor(win.ctl.label("TERM").color)


def test_rejected_spans_hidden_unless_toggled(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    rate = span_with(win, "RATE")
    win.editor.set_current(rate.id)
    win.editor.reject()
    assert win.ctl.span(rate.id).status == "rejected"
    assert formats_at(win.viewer, rate.start) == []
    win.actions_["show_rejected"].trigger()
    (fmt,) = formats_at(win.viewer, rate.start)
    assert fmt.fontStrikeOut()


def test_markup_in_a_judgment_is_plain_text_and_tooltips_are_escaped(qtbot) -> None:  # type: ignore[no-untyped-def]
    v = JudgmentViewer()
    qtbot.addWidget(v)
    text = "被告は<b>金5万円</b>を支払え。"
    doc = DocumentData(id=1, title="t", text=text, status="new")
    s = text.index("<b>")
    span = SpanData(id=7, document_id=1, label="MONEY", start=s, end=s + 10,
                    text=text[s:s + 10], value="<i>5</i>", status="suggested")
    v.spans_at = lambda pos: [span] if s <= pos <= s + 10 else []
    v.load(doc, Utf16Index(text), [span])
    assert v.toPlainText() == text
    tip = v.tooltip_at(s + 1)
    assert "&lt;b&gt;" in tip and "<b>" not in tip
    assert "&lt;i&gt;5&lt;/i&gt;" in tip


def test_viewer_uses_a_japanese_font_and_zooms(make_window) -> None:  # type: ignore[no-untyped-def]
    win = make_window()
    assert QFontInfo(win.viewer.font()).family() in PREFERRED
    size = win.viewer.font().pointSize()
    win.actions_["zoom_in"].trigger()
    assert win.viewer.font().pointSize() == size + 1
    win.actions_["zoom_out"].trigger()
    win.actions_["zoom_out"].trigger()
    assert win.viewer.font().pointSize() == size - 1


def test_viewer_takes_no_input_method_text(make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    win = make_window()
    assert not win.viewer.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert win.viewer.isReadOnly()


@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)")  # offscreen tooltip
def test_hovering_a_span_shows_its_label_and_value(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QToolTip

    win = make_window()
    money = span_with(win, "MONEY")
    c = QTextCursor(win.viewer.document())
    c.setPosition(win.viewer.utf16.to_utf16(money.start + 1))
    pos = win.viewer.cursorRect(c).center()
    vp = win.viewer.viewport()
    QApplication.sendEvent(vp, QHelpEvent(QEvent.Type.ToolTip, pos, vp.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert "金額" in QToolTip.text() and "1,200,000円" in QToolTip.text()

"""The span index and the lazy, per-block drawing of a long judgment."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from core.model import DocumentData, SpanData
from core.text.offsets import Utf16Index
from gui.highlighter import SpanHighlighter
from gui.span_index import LONG, SpanIndex
from gui.viewer import JudgmentViewer


def sp(i: int, start: int, end: int, status: str = "accepted", label: str = "MONEY") -> SpanData:
    return SpanData(id=i, document_id=1, label=label, start=start, end=end, text="",
                    status=status)


def test_overlapping_finds_nested_long_and_edge_cases() -> None:
    idx = SpanIndex([sp(1, 10, 20), sp(2, 12, 14), sp(3, 30, 31), sp(4, 0, LONG + 100)])
    assert {e.id for e in idx.overlapping(13, 15)} == {1, 2, 4}
    assert {e.id for e in idx.overlapping(20, 30)} == {4}  # end-exclusive on both sides
    assert {e.id for e in idx.overlapping(LONG + 100, LONG + 200)} == set()
    idx.remove(1)
    idx.add(sp(5, 19, 25))
    assert {e.id for e in idx.overlapping(13, 15)} == {2, 4}
    assert {e.id for e in idx.overlapping(24, 26)} == {4, 5}
    idx.add(sp(2, 40, 42))  # re-adding an id moves it
    assert {e.id for e in idx.overlapping(12, 14)} == {4}
    assert len(idx) == 4


def long_judgment(lines: int) -> str:
    return "\n".join(f"第{i}行　被告は原告に対し金{i}万円を支払え。𠮷" for i in range(lines))


def formatted(v: JudgmentViewer, block_number: int) -> int:
    return len(v.document().findBlockByNumber(block_number).layout().formats())


def test_only_blocks_in_view_are_formatted_and_scrolling_formats_more(qtbot) -> None:  # type: ignore[no-untyped-def]
    v = JudgmentViewer()
    qtbot.addWidget(v)
    v.resize(600, 300)
    v.show()
    qtbot.waitExposed(v)
    text = long_judgment(3000)
    spans = []
    for i, line_start in enumerate(k for k in range(len(text)) if k == 0 or text[k - 1] == "\n"):
        s = text.index("金", line_start)
        spans.append(sp(i + 1, s, s + 4, "suggested"))
    v.highlighter.set_colors({"MONEY": "#b6e3b6"})
    v.load(DocumentData(id=1, title="t", text=text, status="new"), Utf16Index(text), spans)
    QApplication.processEvents()
    assert formatted(v, 0) == 1
    assert formatted(v, 2500) == 0  # far below: not formatted yet
    v.verticalScrollBar().setValue(v.verticalScrollBar().maximum())
    assert formatted(v, 2999) == 1
    assert formatted(v, 1500) == 0  # skipped over: still untouched


class Counting(SpanHighlighter):
    def __init__(self, doc) -> None:  # type: ignore[no-untyped-def]
        super().__init__(doc)
        self.blocks: list[int] = []

    def highlightBlock(self, text: str) -> None:
        self.blocks.append(self.currentBlock().blockNumber())
        super().highlightBlock(text)


def test_an_edit_redraws_only_its_block(qtbot) -> None:  # type: ignore[no-untyped-def]
    v = JudgmentViewer()
    qtbot.addWidget(v)
    v.highlighter.setDocument(None)
    v.highlighter = counting = Counting(v.document())
    v.resize(600, 800)
    v.show()
    text = long_judgment(20)
    v.highlighter.set_colors({"MONEY": "#b6e3b6"})
    v.load(DocumentData(id=1, title="t", text=text, status="new"), Utf16Index(text), [])
    s = text.index("金", text.index("第5行"))
    new = sp(9, s, s + 4)
    QApplication.processEvents()
    counting.blocks.clear()
    v.highlighter.apply([(None, new)])
    assert counting.blocks == [5]
    assert formatted(v, 5) == 1
    assert [formatted(v, b) for b in range(20) if b != 5] == [0] * 19
    v.highlighter.apply([(new, None)])
    assert formatted(v, 5) == 0


def open_counted(qtbot, text: str, spans: list[SpanData]) -> tuple[JudgmentViewer, Counting]:  # type: ignore[no-untyped-def]
    v = JudgmentViewer()
    qtbot.addWidget(v)
    v.highlighter.setDocument(None)
    v.highlighter = counting = Counting(v.document())
    v.highlighter.set_colors({"MONEY": "#b6e3b6"})
    v.resize(600, 300)
    v.show()
    qtbot.waitExposed(v)
    v.load(DocumentData(id=1, title="t", text=text, status="new"), Utf16Index(text), spans)
    return v, counting


def money_spans(text: str) -> list[SpanData]:
    starts = [k for k in range(len(text)) if k == 0 or text[k - 1] == "\n"]
    return [sp(i + 1, text.index("金", s), text.index("金", s) + 4) for i, s in enumerate(starts)]


def test_opening_runs_the_highlighter_over_the_blocks_in_view_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = long_judgment(3000)
    v, counting = open_counted(qtbot, text, money_spans(text))
    QApplication.processEvents()  # nothing queued for later either
    QApplication.processEvents()
    assert 0 < len(counting.blocks) < 60
    assert formatted(v, 0) == 1 and formatted(v, 2999) == 0


def test_a_second_document_replaces_the_first_and_its_formats(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for slot in ("_q_reformatBlocks(int,int,int)", "_gone_in_another_qt(int,int,int)"):
        # With QSyntaxHighlighter's private slot, and without it (detach and attach).
        monkeypatch.setattr("gui.highlighter._REFORMAT", slot)
        text = long_judgment(300)
        v, _ = open_counted(qtbot, text, money_spans(text))
        assert formatted(v, 0) == 1
        other = long_judgment(200).replace("金", "銀")
        v.load(DocumentData(id=2, title="u", text=other, status="new"), Utf16Index(other), [])
        QApplication.processEvents()
        assert v.toPlainText() == other
        assert [formatted(v, b) for b in range(20)] == [0] * 20
        span = sp(9, other.index("第3行"), other.index("第3行") + 3)
        v.highlighter.apply([(None, span)])
        assert formatted(v, 3) == 1


def layout_formats(v: JudgmentViewer, b: int) -> list[tuple[int, int, str, object]]:
    fmts = v.document().findBlockByNumber(b).layout().formats()
    return sorted((r.start, r.length, r.format.background().color().name(),
                   r.format.underlineStyle().value) for r in fmts)


def test_the_first_screen_gets_the_formats_the_highlighter_would_give(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = long_judgment(400)
    spans = money_spans(text)
    first = text.index("第3行")  # nested: a suggestion inside an accepted span
    spans += [sp(900, first, first + 12, "accepted", "DATE"),
              sp(901, first + 2, first + 4, "suggested")]
    v, _ = open_counted(qtbot, text, spans)
    v.highlighter.set_colors({"MONEY": "#b6e3b6", "DATE": "#fce5cd"})
    v.load(DocumentData(id=1, title="t", text=text, status="new"), Utf16Index(text), spans)
    shown = [b for b in range(40) if formatted(v, b)]
    assert shown[:4] == [0, 1, 2, 3]
    primed = {b: layout_formats(v, b) for b in shown}
    for b in shown:  # the highlighter's own way, block by block
        v.highlighter._redraw(v.document().findBlockByNumber(b))
    assert {b: layout_formats(v, b) for b in shown} == primed
    assert len(primed[3]) == 4  # DATE, a suggestion inside it, DATE again, then MONEY


def test_priming_leaves_nothing_pending_for_a_later_edit(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = long_judgment(3000)
    v, _ = open_counted(qtbot, text, money_spans(text))
    doc = v.document()
    for b in (105, *range(1000, 1006)):  # laid out, as blocks are once they have been seen
        v.blockBoundingGeometry(doc.findBlockByNumber(b))
    lines = [doc.findBlockByNumber(b).layout().lineCount() for b in range(1000, 1006)]
    assert all(lines)
    v.highlighter.prime(doc.findBlockByNumber(b) for b in range(100, 110))
    assert formatted(v, 104) == formatted(v, 106) == 1
    assert formatted(v, 105) == 0  # laid out: left to ensure()
    far = text.index("第2900行")
    v.highlighter.apply([(None, sp(9999, far, far + 3))])
    # Had priming left its change pending, this edit would have passed on one range from
    # block 100 to block 2900, and the blocks between would have lost their lines.
    assert [doc.findBlockByNumber(b).layout().lineCount() for b in range(1000, 1006)] == lines

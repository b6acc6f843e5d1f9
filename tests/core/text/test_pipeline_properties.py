"""Properties of the composed map of the whole pipeline on generated PDF-like text."""

from __future__ import annotations

import jaconv
from hypothesis import given, settings
from hypothesis import strategies as st

from core.text.pipeline import normalize

# Lines built from judgment-like pieces: markers, spaced headings, numbers, page furniture,
# full-width letters, half-width kana, spaces of both widths, CRLF and form feeds.
_PIECES = st.sampled_from([
    "主　　文", "事 実 及 び 理 由", "第１　請求", "1  ", "(1)", "ア", "イ", "被告は，", "原告に対し，",
    "金６００", "0円", "を支払え。", "平成16年", "5月29日", "(甲1", "1の4)", "- 1 -", "−２−", "12",
    "裁判長裁判官　山　下　郁　夫", "ｶﾞｯｺｳ", "Ａｂｃ", "  ", "\u3000", "あ" * 12, "戻る", "別紙",
])
_LINE = st.lists(_PIECES, min_size=0, max_size=5).map("".join)
_TEXT = st.lists(st.tuples(_LINE, st.sampled_from(["\n", "\r\n", "\f", "\r"])), max_size=25).map(
    lambda parts: "".join(a + b for a, b in parts))


def _equivalent(ch: str, src: str) -> bool:
    """`ch` is what the pipeline may show for raw `src`."""
    if src == ch:
        return True
    if ch == "\n" and src in ("\r\n", "\r", "\f", "\n"):
        return True
    folded = jaconv.z2h(src, kana=False, ascii=True, digit=True, ignore="\u3000")
    if folded == ch:
        return True
    return jaconv.h2z(src, kana=True, ascii=False, digit=False) == ch


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_every_character_maps_back_to_its_source(raw: str) -> None:
    res = normalize(raw)
    m = res.offsets
    assert len(m) == len(res.text) and m.raw_len == len(raw)
    prev = -1
    for i, ch in enumerate(res.text):
        s, e = m.source(i)
        assert s >= prev  # monotonic
        prev = s
        assert _equivalent(ch, raw[s:e]), (i, ch, raw[s:e])


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.data())
def test_spans_map_to_raw_and_back_unchanged(raw: str, data: st.DataObject) -> None:
    res = normalize(raw)
    n = len(res.text)
    if n == 0:
        return
    s = data.draw(st.integers(0, n - 1))
    e = data.draw(st.integers(s + 1, n))
    assert res.offsets.from_raw(*res.offsets.to_raw(s, e)) == (s, e)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_deleted_characters_are_only_spaces_breaks_and_furniture(raw: str) -> None:
    res = normalize(raw)
    covered = [False] * len(raw)
    for i in range(len(res.text)):
        s, e = res.offsets.source(i)
        for k in range(s, e):
            covered[k] = True
    gone = "".join(ch for ch, c in zip(raw, covered, strict=True) if not c)
    allowed = set(" \u3000\r\n\f-−－0123456789０１２３４５６７８９戻る")
    # running headers/footers and site text around a web copy may be any text
    cut = res.counts.get("running_lines_removed") or res.counts.get("chars_trimmed_web")
    assert set(gone) <= allowed or cut, gone

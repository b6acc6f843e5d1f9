"""Covered: the O(log n) 'is this position inside a taken span' used by the extractors."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.extract._spans import Covered


def test_positions_inside_and_outside() -> None:
    c = Covered([(10, 20), (2, 4), (15, 30)])
    assert 2 in c and 3 in c and 10 in c and 25 in c and 29 in c
    assert 0 not in c and 4 not in c and 9 not in c and 30 not in c
    assert len(c) == 3


def test_nested_span_does_not_hide_a_longer_one() -> None:
    # (0, 100) contains (5, 6): position 50 is still covered by the long span
    c = Covered([(5, 6), (0, 100)])
    assert 50 in c and 99 in c and 100 not in c


def test_empty() -> None:
    assert 0 not in Covered([])


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=12),
    st.integers(-5, 90),
)
def test_same_answer_as_a_scan(raw: list[tuple[int, int]], pos: int) -> None:
    spans = [(s, s + n) for s, n in raw]
    assert (pos in Covered(spans)) == any(s <= pos < e for s, e in spans)

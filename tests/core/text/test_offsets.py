"""OffsetMap: identity, composition, JSON round trip, raw<->text spans."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from core.text.offsets import MappedBuilder, OffsetMap, sub_mapped

# A random edit script over a source string: keep, delete, replace by 0-3 characters.
_ops = st.lists(st.tuples(st.sampled_from(["keep", "drop", "repl"]), st.integers(1, 4),
                          st.text(alphabet="xyz", max_size=3)), max_size=30)


def _apply(source: str, ops: list[tuple[str, int, str]]) -> tuple[str, OffsetMap]:
    b = MappedBuilder(source)
    pos = 0
    for op, n, s in ops:
        j = min(len(source), pos + n)
        if op == "keep":
            b.keep(pos, j)
        elif op == "repl":
            b.emit(s, pos, j)
        pos = j
    b.keep(pos, len(source))
    return b.build()


@given(st.text(max_size=60), _ops)
def test_json_round_trip(source: str, ops: list[tuple[str, int, str]]) -> None:
    _new, m = _apply(source, ops)
    assert OffsetMap.from_json(m.to_json()) == m


@given(st.text(max_size=60), _ops, _ops)
def test_then_composes_sources(source: str, ops1: list[tuple[str, int, str]],
                               ops2: list[tuple[str, int, str]]) -> None:
    mid, m1 = _apply(source, ops1)
    new, m2 = _apply(mid, ops2)
    m = m1.then(m2)
    assert len(m) == len(new) and m.raw_len == len(source)
    for i in range(len(new)):
        s2, e2 = m2.source(i)
        s, e = m.source(i)
        if e2 > s2:  # came from mid[s2:e2], which came from source[...]
            assert (s, e) == (m1.source(s2)[0], m1.source(e2 - 1)[1])
    starts = [m.source(i)[0] for i in range(len(new))]
    assert starts == sorted(starts)


@given(st.integers(0, 50))
def test_identity(n: int) -> None:
    ident = OffsetMap.identity(n)
    assert ident.is_identity() and len(ident) == n
    assert ident.to_raw(0, n) == (0, n)
    other = OffsetMap([0, 0, 2], [1, 2, 3], 3)
    assert other.then(OffsetMap.identity(3)) == other
    assert OffsetMap.identity(3).then(other) == other


@given(st.text(max_size=60), _ops)
def test_span_to_raw_and_back(source: str, ops: list[tuple[str, int, str]]) -> None:
    new, m = _apply(source, ops)
    for s in range(len(new) + 1):
        for e in range(s, len(new) + 1):
            rs, re_ = m.to_raw(s, e)
            assert 0 <= rs <= re_ <= len(source)
            if rs == re_:
                continue  # only inserted characters: nothing in raw to map back from
            back = m.from_raw(rs, re_)
            # the raw span covers at least the characters of the span that have a source
            has_src = [i for i in range(s, e) if m.source(i)[1] > m.source(i)[0]]
            assert back[0] <= has_src[0] and back[1] > has_src[-1]


def test_one_to_one_spans_round_trip_exactly() -> None:
    new, m = sub_mapped(re.compile("\r\n"), lambda _m: "\n", "ab\r\ncd\r\n")
    assert new == "ab\ncd\n"
    for s in range(len(new) + 1):
        for e in range(s + 1, len(new) + 1):
            assert m.from_raw(*m.to_raw(s, e)) == (s, e)


def test_inserted_characters_have_empty_sources() -> None:
    b = MappedBuilder("ab")
    b.keep(0, 1)
    b.emit("\n", 1, 1)  # nothing in the source
    b.keep(1, 2)
    new, m = b.build()
    assert new == "a\nb" and m.source(1) == (1, 1)
    assert m.to_raw(0, 3) == (0, 2)


def test_empty_map_json() -> None:
    m = OffsetMap.identity(0)
    assert OffsetMap.from_json(m.to_json()) == m
    assert m.to_raw(0, 0) == (0, 0) and m.from_raw(0, 0) == (0, 0)

"""Utf16Index searches the text only as far as it is asked about; its answers must be
those of a full search, whatever order the questions come in."""

from __future__ import annotations

import random

from core.text.offsets import Utf16Index


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def test_answers_match_a_full_count_in_any_order() -> None:
    rng = random.Random(3)
    chars = "判決被告原告あいう１２３\n𠮷😀"
    text = "".join(rng.choice(chars) for _ in range(3 * Utf16Index._CHUNK + 777))
    idx = Utf16Index(text)
    cps = [*rng.sample(range(len(text) + 1), 400), 0, len(text), len(text) + 5]
    for i in cps:  # jumping back and forth across chunks
        assert idx.to_utf16(i) == utf16_len(text[:i]) + max(0, i - len(text))
    units, u = {0: 0}, 0
    for i, ch in enumerate(text, 1):
        u += 2 if ord(ch) > 0xFFFF else 1
        units[u] = i
    fresh = Utf16Index(text)
    for u in rng.sample(range(utf16_len(text) + 1), 400):
        # A position inside a surrogate pair snaps forward to the next character.
        expected = units.get(u, units.get(u + 1))
        assert fresh.from_utf16(u) == expected, u


def test_a_text_without_astral_characters_maps_to_itself() -> None:
    idx = Utf16Index("被告は原告に対し金１２０万円を支払え。" * 10000)
    assert idx.to_utf16(150_000) == 150_000 and idx.from_utf16(123_456) == 123_456

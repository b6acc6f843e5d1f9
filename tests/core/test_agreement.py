"""Agreement figures checked against examples computed by hand."""

from __future__ import annotations

import pytest

from core.agreement import PRF, cohen_kappa, corpus_agreement, span_agreement

A = [("MONEY", 10, 16), ("MONEY", 30, 36), ("DATE", 0, 9), ("PERSON", 50, 54)]
B = [("MONEY", 10, 16), ("MONEY", 31, 36), ("DATE", 0, 9), ("ORG", 60, 70)]


def test_exact_match_by_hand() -> None:
    r = span_agreement(A, B, "exact")
    assert r["MONEY"] == PRF(tp=1, fp=1, fn=1)
    assert r["DATE"] == PRF(1, 0, 0)
    assert r["PERSON"] == PRF(0, 1, 0)
    assert r["ORG"] == PRF(0, 0, 1)
    assert r["*"] == PRF(2, 2, 2)
    assert r["MONEY"].precision == 0.5 and r["MONEY"].recall == 0.5
    assert r["*"].f1 == pytest.approx(0.5)


def test_overlap_match_by_hand() -> None:
    r = span_agreement(A, B, "overlap")
    assert r["MONEY"] == PRF(2, 0, 0)
    assert r["*"] == PRF(3, 1, 1)
    assert r["*"].f1 == pytest.approx(0.75)


def test_overlap_is_one_to_one() -> None:
    # One long span of A against two short ones of B: one match, not two.
    r = span_agreement([("TERM", 0, 20)], [("TERM", 0, 5), ("TERM", 10, 15)], "overlap")
    assert r["TERM"] == PRF(1, 0, 1)
    # Different labels never match, however much they overlap.
    r = span_agreement([("ORG", 0, 5)], [("PERSON", 0, 5)], "overlap")
    assert r["*"] == PRF(0, 1, 1)


def test_symmetry_and_corpus_sum() -> None:
    ab = span_agreement(A, B)["*"]
    ba = span_agreement(B, A)["*"]
    assert (ab.tp, ab.fp, ab.fn) == (ba.tp, ba.fn, ba.fp)
    total = corpus_agreement([(A, B), (A, A)])
    assert total["*"] == PRF(2 + 4, 2, 2)


def test_empty_documents() -> None:
    assert span_agreement([], [])["*"] == PRF(0, 0, 0)
    assert PRF(0, 0, 0).f1 == 1.0


def test_cohen_kappa_by_hand() -> None:
    # 10 items: 6 agree. A says 認容 5 times, B 4 times.
    pairs = [("認容", "認容")] * 3 + [("棄却", "棄却")] * 3 + [("認容", "棄却")] * 2 + [
        ("棄却", "認容")
    ] + [("認容", "棄却")]
    # observed 0.6; A: 認容 6, 棄却 4; B: 認容 4, 棄却 6 -> expected (24 + 24) / 100 = 0.48
    assert cohen_kappa(pairs) == pytest.approx((0.6 - 0.48) / (1 - 0.48))
    assert cohen_kappa([("認容", "認容"), ("棄却", "棄却")]) == pytest.approx(1.0)
    assert cohen_kappa([("認容", "認容")]) == 1.0
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)

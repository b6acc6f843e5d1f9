"""Accuracy floors on the hand-checked gold set (tests/gold/gold.jsonl, see its README).

The floors sit a little below the figures measured when the gold set was made, so that a
regression fails; they are not the targets. Line repair still changes the normalised text,
so gold spans are re-anchored by their text and at most a few may be lost.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from core.extract import extract
from core.extract.evaluate import (
    Counts,
    DocScore,
    GoldDoc,
    anchor,
    document_path,
    document_text,
    parse_gold,
    score_document,
    score_spans,
    summed,
    text_sha256,
)

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / ".." / "shared" / "corpus"
GOLD = ROOT / "tests" / "gold" / "gold.jsonl"
HELDOUT = ROOT / "tests" / "gold" / "heldout.jsonl"
HELDOUT2 = ROOT / "tests" / "gold" / "heldout2.jsonl"
HELDOUT3 = ROOT / "tests" / "gold" / "heldout3.jsonl"
HELDOUT4 = ROOT / "tests" / "gold" / "heldout4.jsonl"
HELDOUT5 = ROOT / "tests" / "gold" / "heldout5.jsonl"

# label: (precision floor, recall floor), by value, summed over the gold documents.
# Measured at commit time (P / R): CASE_NUMBER 1.00/1.00, COURT 1.00/0.70, DATE 0.97/0.92,
# EVIDENCE 1.00/1.00, LAW 0.68/0.46, MONEY 1.00/1.00, PERIOD 1.00/0.64, RATE 1.00/1.00,
# SECTION 0.97/0.94, TERM 1.00/1.00, all 0.97/0.89. Since raised: DATE 1.00/1.00 and
# PERIOD 1.00/0.99 (the rules were fitted to these documents: the floors leave room);
# COURT 1.00/1.00, LAW 1.00/1.00 (28 spans: one miss costs 0.036), SECTION 1.00/1.00.
FLOORS: dict[str, tuple[float, float]] = {
    "CASE_NUMBER": (0.95, 0.95),
    "COURT": (0.95, 0.93),
    "DATE": (0.97, 0.97),
    "EVIDENCE": (0.90, 0.90),
    "LAW": (0.93, 0.90),
    "MONEY": (0.97, 0.97),
    "PERIOD": (0.97, 0.95),
    "RATE": (0.95, 0.95),
    "SECTION": (0.97, 0.97),
    "TERM": (0.90, 0.90),
}
OVERALL = (0.94, 0.85)
MAX_LOST_SHARE = 0.05


def _gold(path: Path = GOLD) -> list[GoldDoc]:
    return parse_gold(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    ("path", "min_docs"),
    [(GOLD, 8), (HELDOUT, 5), (HELDOUT2, 5), (HELDOUT3, 5), (HELDOUT4, 4), (HELDOUT5, 1)],
    ids=["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"],
)
def test_gold_file_is_well_formed_and_holds_no_judgment_text(path: Path, min_docs: int) -> None:
    docs = _gold(path)
    assert len(docs) >= min_docs
    for doc in docs:
        assert len(doc.text_sha256) == 64
        seen: set[tuple[str, int, int]] = set()
        for g in doc.spans:
            assert g.label in doc.labels_complete, (doc.lawsuit_id, g)
            assert 0 <= g.start < g.end and g.end - g.start == len(g.text), (doc.lawsuit_id, g)
            assert len(g.text) <= 40, "gold keeps the entity only, never the judgment text"
            assert (g.label, g.start, g.end) not in seen
            seen.add((g.label, g.start, g.end))
            if doc.range is not None:
                assert doc.range[0] <= g.start and g.end <= doc.range[1]
    for line in path.read_text(encoding="utf-8").splitlines():
        assert set(json.loads(line)) <= {
            "lawsuit_id",
            "source",
            "text_sha256",
            "spans",
            "labels_complete",
            "range",
        }


def _texts(path: Path) -> list[tuple[GoldDoc, str]]:
    """Each gold document with its normalised text; skips when the corpus is absent."""
    docs = _gold(path)
    for doc in docs:
        if not document_path(CORPUS, doc).is_file():
            pytest.skip(f"corpus not found at {document_path(CORPUS, doc)}")
    return [(doc, document_text(CORPUS, doc)) for doc in docs]


def _score(path: Path) -> list[DocScore]:
    out = []
    for doc, text in _texts(path):
        out.append(score_document(doc, text, extract(text, doc.labels_complete)))
    return out


# Held-out sets: their floors, as recorded below, guard against regressions on text the
# rules were (at first) not fitted to.
# Held-out gold (tests/gold/heldout.jsonl): five documents the extractors were NOT tuned on,
# annotated by hand from the extractor output (see tests/gold/README.md). Measured when it
# was made (P / R by value): CASE_NUMBER 1.00/1.00 (19), COURT 1.00/1.00 (24), DATE
# 0.955/0.961 (284), LAW 0.937/0.814 (145), MONEY 1.00/1.00 (114), PERIOD 1.00/0.70 (30),
# RATE 1.00/0.956 (183), SECTION 0.962/0.935 (428), all 0.969/0.932. These floors guard
# against regressions on unseen text; raise them when the extractors improve GENERALLY,
# never by fitting these five documents. DATE, PERIOD and RATE were since fixed for error
# patterns reported on this set (quoted passages and amendments, rules of every year,
# 98年11月16日, 翌22日, 20年を経過, 一~二割): 0.996/0.986, 1.00/1.00, 1.00/0.995. Those
# figures are now tuned to these documents and no longer measure unseen text. SECTION and
# LAW likewise (lost markers (2)/⑵/l, glued (1), quoted ウ; amending acts, long titles,
# 「X法」, law numbers in (…による改正前のもの), bare articles continuing the sentence's law,
# 158~160条): 1.00/1.00 and 0.993/0.993, tuned to these documents too.
HELDOUT_FLOORS: dict[str, tuple[float, float]] = {
    "CASE_NUMBER": (0.95, 0.95),
    "COURT": (0.95, 0.95),
    "DATE": (0.97, 0.97),
    "LAW": (0.97, 0.97),
    "MONEY": (0.97, 0.97),
    "PERIOD": (0.95, 0.93),
    "RATE": (0.97, 0.97),
    "SECTION": (0.98, 0.98),
}
HELDOUT_OVERALL = (0.95, 0.91)


# Second held-out gold (tests/gold/heldout2.jsonl): five more dev judgments, annotated and
# measured BEFORE any rule was looked at or changed for them (see tests/gold/README.md).
# Measured when it was made (P / R by value, gold items): CASE_NUMBER 1.00/1.00 (6), DATE
# 0.985/0.967 (272; full dates only 0.978/0.957, 184), MONEY 1.00/1.00 (172), PERIOD
# 0.836/0.792 (77), RATE 1.00/1.00 (34), SECTION 0.910/0.897 (429; by start offset 0.998/
# 0.984: nearly all SECTION misses are levels under markers the source lost), all
# 0.945/0.930. The floors guard against regressions; they are not targets.
# Since then the error patterns reported on this set were fixed (items under a heading that
# lost its marker, dotted `2.` of a quoted rule, capital `A` for a; units of a rate, か月半,
# 半年, 秒間, 以内, stays and terms named by the words around them; 同年 after a bracketed
# case number, 同月 of a routine, 6月ないし8月, 事故翌日 from a dated event): DATE 0.993/0.985
# (full dates 0.989/0.978), PERIOD 1.00/1.00, SECTION 1.00/1.00, all 0.998/0.996. These figures are now TUNED to
# these five documents and no longer measure unseen text (heldout3 does).
HELDOUT2_FLOORS: dict[str, tuple[float, float]] = {
    "CASE_NUMBER": (0.95, 0.95),
    "DATE": (0.98, 0.97),
    "MONEY": (0.97, 0.97),
    "PERIOD": (0.97, 0.97),
    "RATE": (0.95, 0.95),
    "SECTION": (0.98, 0.98),
}
HELDOUT2_FULL_DATES = (0.97, 0.96)
HELDOUT2_OVERALL = (0.97, 0.97)


# Third held-out gold (tests/gold/heldout3.jsonl): three whole dev judgments and two slices,
# annotated and measured BEFORE any rule was looked at or changed for them (see
# tests/gold/README.md). Measured when it was made, at commit 5840bc6 (P / R by value, gold
# items): CASE_NUMBER 1.00/1.00 (2), DATE 0.995/0.963 (383; full dates only 0.995/0.991,
# 213), MONEY 1.00/1.00 (162), PERIOD 0.891/0.865 (104), RATE 0.976/0.930 (43), SECTION
# 0.980/0.955 (579; by start offset 1.00/0.974), all 0.980/0.955. Floors guard against
# regressions; they are not targets.
# Since then the error patterns reported on this set were fixed (items glued after an
# evidence note, (1) glued to a heading about something; months of lists and ranges with
# the year left out, 同月14,15日, pay days; delays, 年来, months of pay, formula factors;
# 2.5割, slash fractions): DATE 0.997/0.995 (full dates 1.00/1.00), PERIOD 1.00/0.990, RATE
# 1.00/1.00, SECTION 1.00/0.998, all 0.999/0.997. These figures are now TUNED to these
# documents and no longer measure unseen text.
HELDOUT3_FLOORS: dict[str, tuple[float, float]] = {
    "CASE_NUMBER": (0.95, 0.95),
    "DATE": (0.98, 0.98),
    "MONEY": (0.97, 0.97),
    "PERIOD": (0.97, 0.97),
    "RATE": (0.97, 0.97),
    "SECTION": (0.98, 0.98),
}
HELDOUT3_FULL_DATES = (0.98, 0.98)
HELDOUT3_OVERALL = (0.98, 0.98)


# Fourth held-out gold (tests/gold/heldout4.jsonl): four whole dev judgments, annotated and
# measured BEFORE any rule was looked at or changed for them, at commit 57ee461 (see
# tests/gold/README.md). Eight labels complete; RATE has no item there, so no floor. Measured
# when it was made (P / R by value, gold items): CASE_NUMBER 1.00/1.00 (15), COURT 1.00/1.00
# (42), DATE 0.986/0.986 (69; full dates only 0.981/0.981, 54), LAW 0.838/0.788 (85), MONEY
# 1.00/1.00 (36), PERIOD 1.00/0.50 (10), SECTION 0.850/0.659 (138; by start offset
# 1.00/0.775), all 0.915/0.820. Floors guard against regressions; they are not targets.
HELDOUT4_FLOORS: dict[str, tuple[float, float]] = {
    "CASE_NUMBER": (0.95, 0.95),
    "COURT": (0.95, 0.95),
    "DATE": (0.95, 0.95),
    "LAW": (0.95, 0.95),  # 1.00/1.00 once tuned on its errors (company rules, 同条, 旧…)
    "MONEY": (0.97, 0.97),
    "PERIOD": (0.90, 0.90),  # 1.00/1.00 once tuned (6月以内, 6月以下の懲役, 経験が3年; 10 items)
    "SECTION": (0.95, 0.90),  # 0.970/0.928 once units above 第1 (第1章, 第1節, 第1項) were read
}
HELDOUT4_FULL_DATES = (0.95, 0.95)
HELDOUT4_OVERALL = (0.92, 0.88)


# Fifth held-out gold (tests/gold/heldout5.jsonl): one judgment from a web page (a record
# with `source`, its text as the import stores it), annotated and measured BEFORE any rule
# was looked at or changed for it, at commit 539ffa7 (see tests/gold/README.md). Eight labels
# complete; CASE_NUMBER has no item there (the page lost the heading), so no floor. Measured
# when it was made (P / R by value, gold items): COURT 1.00/1.00 (1), DATE 0.990/0.942 (104;
# full dates only 1.00/0.932, 73), LAW 1.00/1.00 (9), MONEY 1.00/1.00 (12), PERIOD 1.00/0.60
# (5), RATE 1.00/1.00 (9), SECTION 1.00/0.975 (203), all 0.997/0.962. Floors guard against
# regressions; they are not targets.
HELDOUT5_FLOORS: dict[str, tuple[float, float]] = {
    "COURT": (0.95, 0.95),
    "DATE": (0.98, 0.98),  # 1.00/1.00 once tuned (bare days, 翌日の<date>, 前月に比べ)
    "LAW": (0.95, 0.95),
    "MONEY": (0.97, 0.97),
    "PERIOD": (0.95, 0.95),  # 1.00/1.00 once tuned (24時⏎間 split by a kept wrap, 約2日かかる)
    "RATE": (0.95, 0.95),
    "SECTION": (0.98, 0.98),  # 1.00/1.00 once tuned (a/b glued to a numeral or capital)
}
HELDOUT5_FULL_DATES = (0.98, 0.98)  # 1.00/1.00 once tuned
HELDOUT5_OVERALL = (0.99, 0.98)

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# name: (gold file, label floors, overall floor, full-dates floor or None, min full dates)
GOLD_SETS: dict[
    str,
    tuple[
        Path, dict[str, tuple[float, float]], tuple[float, float], tuple[float, float] | None, int
    ],
] = {
    "dev": (GOLD, FLOORS, OVERALL, None, 0),
    "heldout": (HELDOUT, HELDOUT_FLOORS, HELDOUT_OVERALL, None, 0),
    "heldout2": (HELDOUT2, HELDOUT2_FLOORS, HELDOUT2_OVERALL, HELDOUT2_FULL_DATES, 100),
    "heldout3": (HELDOUT3, HELDOUT3_FLOORS, HELDOUT3_OVERALL, HELDOUT3_FULL_DATES, 150),
    "heldout4": (HELDOUT4, HELDOUT4_FLOORS, HELDOUT4_OVERALL, HELDOUT4_FULL_DATES, 50),
    "heldout5": (HELDOUT5, HELDOUT5_FLOORS, HELDOUT5_OVERALL, HELDOUT5_FULL_DATES, 60),
}
_SCORES: dict[str, list[DocScore]] = {}


def _scores_of(name: str) -> list[DocScore]:
    """Each gold set is scored once per session, whichever test asks first."""
    if name not in _SCORES:
        _SCORES[name] = _score(GOLD_SETS[name][0])
    return _SCORES[name]


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_gold_spans_still_anchor_on_todays_text(name: str) -> None:
    scores = _scores_of(name)
    gold_total = sum(len(d.spans) for d in _gold(GOLD_SETS[name][0]))
    lost = sum(s.lost for s in scores)
    assert lost <= MAX_LOST_SHARE * gold_total, f"{lost} of {gold_total} {name} spans lost"


@pytest.mark.corpus
@pytest.mark.parametrize(
    "path",
    [GOLD, HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, HELDOUT5],
    ids=["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"],
)
def test_unchanged_texts_give_the_recorded_span_texts(path: Path) -> None:
    for doc, text in _texts(path):
        if text_sha256(text) != doc.text_sha256:
            continue  # the text moved on; anchoring is tested above
        for g in doc.spans:
            assert text[g.start : g.end] == g.text, (doc.name, g)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "label"),
    [(name, label) for name, spec in sorted(GOLD_SETS.items()) for label in sorted(spec[1])],
)
def test_label_floor_by_value(name: str, label: str) -> None:
    c = summed(_scores_of(name)).get(label, Counts())
    assert c.gold > 0, f"no {name} gold {label}"
    p_floor, r_floor = GOLD_SETS[name][1][label]
    assert c.precision >= p_floor, f"{name} {label} precision {c.precision:.3f} < {p_floor}"
    assert c.recall >= r_floor, f"{name} {label} recall {c.recall:.3f} < {r_floor}"


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_overall_floor_by_value(name: str) -> None:
    total = Counts()
    for c in summed(_scores_of(name)).values():
        total.add(c)
    p_floor, r_floor = GOLD_SETS[name][2]
    assert total.precision >= p_floor, f"{name} precision {total.precision:.3f}"
    assert total.recall >= r_floor, f"{name} recall {total.recall:.3f}"


def _is_full_date(value: object) -> bool:
    return isinstance(value, dict) and bool(_FULL_DATE.match(str(value.get("date", ""))))


@pytest.mark.corpus
@pytest.mark.parametrize("name", [n for n, spec in sorted(GOLD_SETS.items()) if spec[3]])
def test_full_dates_floor(name: str) -> None:
    """Full dates (year, month and day) alone: the team's date target is stated for them."""
    path, _labels, _overall, floor, min_items = GOLD_SETS[name]
    assert floor is not None
    total = Counts()
    for doc, text in _texts(path):
        placed = anchor(doc, text)
        gold = [g for g in placed.spans if g.label == "DATE" and _is_full_date(g.value)]
        pred = [p for p in extract(text, ["DATE"]) if p.label == "DATE" and _is_full_date(p.value)]
        total.add(score_spans(gold, pred, ["DATE"], placed.range).by_label["DATE"])
    assert total.gold > min_items, f"only {total.gold} full dates in {name}"
    assert total.precision >= floor[0], f"precision {total.precision:.3f}"
    assert total.recall >= floor[1], f"recall {total.recall:.3f}"

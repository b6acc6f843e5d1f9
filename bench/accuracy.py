"""Accuracy of the auto-highlighters on the hand-checked gold set (tests/gold/gold.jsonl).

Prints precision / recall / F1 per label, by value (as the team is measured) and by exact
offsets, summed over the gold documents; `--docs` adds one table per document and
`--errors` lists every false positive and false negative with a little context (on the
console only: the corpus text is never written into the project).

    .venv/bin/python bench/accuracy.py [--corpus DIR] [--gold FILE] [--docs] [--errors]
                                       [--label L] [ID ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.extract import extract
from core.extract.evaluate import (
    Counts,
    DocScore,
    GoldDoc,
    document_path,
    document_text,
    parse_gold,
    score_document,
    summed,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus"
DEFAULT_GOLD = ROOT / "tests" / "gold" / "gold.jsonl"


def run(corpus: Path, docs: list[GoldDoc]) -> tuple[list[DocScore], dict[str, str]]:
    scores: list[DocScore] = []
    texts: dict[str, str] = {}
    for doc in docs:
        text = document_text(corpus, doc)
        texts[doc.name] = text
        scores.append(score_document(doc, text, extract(text, doc.labels_complete)))
    return scores, texts


def table(by_label: dict[str, Counts], title: str) -> str:
    head = (
        f"{title}\n{'label':<12}{'gold':>6}{'pred':>6}{'TP':>6}{'FP':>5}{'FN':>5}"
        f"{'P':>8}{'R':>8}{'F1':>8}   {'exactP':>7}{'exactR':>7}{'exactF1':>8}"
    )
    rows = [head]
    total = Counts()
    for label in sorted(by_label):
        c = by_label[label]
        total.add(c)
        rows.append(_row(label, c))
    rows.append(_row("ALL", total))
    return "\n".join(rows)


def _row(name: str, c: Counts) -> str:
    return (
        f"{name:<12}{c.gold:>6}{c.tp + c.fp:>6}{c.tp:>6}{c.fp:>5}{c.fn:>5}"
        f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}   "
        f"{c.exact_precision:>7.3f}{c.exact_recall:>7.3f}{c.exact_f1:>8.3f}"
    )


def _ctx(text: str, start: int, end: int, width: int = 14) -> str:
    left = text[max(0, start - width) : start]
    return f"{left}[{text[start:end]}]{text[end : end + width]}".replace("\n", "⏎")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ids", nargs="*", help="only these lawsuit ids (or sources)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--docs", action="store_true", help="one table per document")
    ap.add_argument("--errors", action="store_true", help="list false positives/negatives")
    ap.add_argument("--label", help="with --errors: only this label")
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    if not (corpus / "dev").is_dir():
        print(f"no corpus at {corpus}/dev", file=sys.stderr)
        return 1
    docs = parse_gold(args.gold.read_text(encoding="utf-8").splitlines())
    if args.ids:
        docs = [d for d in docs if d.name in set(args.ids)]
    missing = [
        str(document_path(corpus, d)) for d in docs if not document_path(corpus, d).is_file()
    ]
    if missing:
        print(f"corpus file(s) not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    scores, texts = run(corpus, docs)
    for s in scores:
        if args.docs:
            print(table(s.by_label, f"\n== {s.lawsuit_id}"))
        if args.errors:
            text = texts[s.lawsuit_id]
            for e in s.errors:
                if args.label and e.label != args.label:
                    continue
                value = json.dumps(e.value, ensure_ascii=False)
                print(
                    f"  {s.lawsuit_id} {e.kind} {e.label:<11} {_ctx(text, e.start, e.end)}  {value}"
                )
    print(table(summed(scores), f"\n== summed over {len(scores)} documents (by value)"))
    lost = sum(s.lost for s in scores)
    moved = sum(s.moved for s in scores)
    print(f"gold spans re-anchored: {moved}, not found (not scored): {lost}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

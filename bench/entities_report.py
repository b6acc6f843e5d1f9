"""Entity extractors over the dev corpus: counts per label, samples, case-number check, timing.

    .venv/bin/python bench/entities_report.py [--samples N] [--join-lines] [--only ID,...]

For CASE_NUMBER it checks that the record's own `case_number` (and `original_case_number`)
is found among the extracted values, and says whether the number is in the text at all.
`--join-lines` joins every hard wrap not after 。/」/) as a crude stand-in for line repair,
to estimate what the extractors find once the text is repaired.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.extract._entity_text import despace, folded  # noqa: E402
from core.extract.base import Suggestion, registered  # noqa: E402
from core.extract.case_numbers import parse  # noqa: E402
from core.text.pipeline import normalize  # noqa: E402

CORPUS = ROOT / ".." / "shared" / "corpus"
FAMILIES = ("case_numbers", "courts", "parties", "evidence", "laws", "terms")


def crude_join(text: str) -> str:
    return re.sub(r"(?<![。」)\n])\n(?![ \u3000])", "", text)


def run(text: str) -> list[Suggestion]:
    out: list[Suggestion] = []
    for ex in registered():
        if ex.name in FAMILIES:
            out.extend(ex.fn(text))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=4)
    ap.add_argument("--join-lines", action="store_true")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    dev = CORPUS / "dev"
    if not dev.is_dir():
        print(f"no corpus at {dev}", file=sys.stderr)
        return 1
    only = set(filter(None, args.only.split(",")))
    texts: list[tuple[str, dict[str, object], str]] = []
    for p in sorted(dev.glob("*.json")):
        if only and p.stem not in only:
            continue
        rec = json.loads(p.read_text(encoding="utf-8"))
        t = normalize(rec["contents"]).text
        texts.append((p.stem, rec, crude_join(t) if args.join_lines else t))
    for p in sorted((CORPUS / "web").glob("*.txt")):
        if only and p.stem not in only:
            continue
        t = normalize(p.read_text(encoding="utf-8")).text
        texts.append((p.name, {}, crude_join(t) if args.join_lines else t))

    total = Counter()
    found = missing = absent = 0
    t0 = time.perf_counter()
    results = [run(t) for _n, _r, t in texts]
    elapsed = time.perf_counter() - t0
    for (name, rec, text), sugs in zip(texts, results, strict=True):
        counts = Counter(s.label for s in sugs)
        total.update(counts)
        print(
            f"== {name} ({len(text)} chars) "
            + " ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        )
        by_label: dict[str, list[Suggestion]] = {}
        for s in sugs:
            by_label.setdefault(s.label, []).append(s)
        for label, ss in sorted(by_label.items()):
            for s in ss[: args.samples]:
                print(
                    f"   {label:12} {text[s.start : s.end]!r:40} {json.dumps(s.value, ensure_ascii=False)}"
                )
        values = {s.value["case_number"] for s in by_label.get("CASE_NUMBER", [])}
        flat = despace(folded(text)).replace("\n", "")
        for key in ("case_number", "original_case_number"):
            meta = rec.get(key)
            if not isinstance(meta, str) or not meta:
                continue
            want = parse(meta)
            if want is None:
                print(f"   !! cannot parse metadata {key}={meta}")
                continue
            canon = str(want["case_number"])
            serial = str(want["serial"])
            in_text = re.search(rf"\({want['code']}\)第?0*{serial}号?", flat) is not None
            if canon in values:
                found += 1
                print(f"   ok {key} {canon}")
            elif in_text:
                missing += 1
                print(f"   MISSED {key} {canon} (it is in the text)")
            else:
                absent += 1
                print(f"   -- {key} {canon} not in the text")
    print(f"\nTOTAL {dict(sorted(total.items()))}")
    print(f"case numbers from metadata: found {found}, missed {missing}, not in text {absent}")
    n = sum(len(t) for _n, _r, t in texts)
    print(f"time: {elapsed * 1000:.0f} ms for {n} chars")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

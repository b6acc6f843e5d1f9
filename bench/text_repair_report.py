"""What the text pipeline does to the real judgments of the shared corpus, per file.

    .venv/bin/python bench/text_repair_report.py [CORPUS_DIR]

Prints lines joined, numbers rejoined, furniture removed, headings de-spaced, characters
trimmed from web copies, and two checks on the result: digits still split by a line break
inside an amount or date, and lone page-number lines left over (both should be 0).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.text.pipeline import normalize  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SPLIT_NUMBER = re.compile(r"\d\n\d|\d\n[万億円年月日]|[年月]\n\d")
LONE_NUMBER = re.compile(r"^[ \t\u3000]*[-−－]?[ \t\u3000]*\d{1,4}[ \t\u3000]*[-−－]?[ \t\u3000]*$",
                         re.MULTILINE)


def load(corpus: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for p in sorted((corpus / "dev").glob("*.json"), key=lambda p: int(p.stem)):
        out.append((p.name, json.loads(p.read_text(encoding="utf-8"))["contents"]))
    for p in sorted((corpus / "web").glob("*.txt")):
        out.append((p.name, p.read_text(encoding="utf-8")))
    return out


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    if not (corpus / "dev").is_dir():
        print(f"corpus not found at {corpus} (expected dev/*.json and web/*.txt); "
              "pass its path as the first argument", file=sys.stderr)
        return 2
    cols = ("file", "chars", "lines", "->lines", "joined", "num_rej", "pagenum", "running",
            "despaced", "web_trim", "dup", "split#", "lone#")
    print("  ".join(f"{c:>9}" for c in cols))
    totals = [0] * (len(cols) - 1)
    for name, raw in load(corpus):
        res = normalize(raw)
        c = res.counts
        row = [
            len(raw),
            raw.count("\n") + 1,
            res.text.count("\n") + 1,
            c.get("lines_joined", 0),
            c.get("numbers_rejoined", 0),
            c.get("page_numbers_removed", 0),
            c.get("running_lines_removed", 0),
            c.get("headings_despaced", 0),
            c.get("chars_trimmed_web", 0),
            c.get("chars_duplicate_removed", 0),
            len(SPLIT_NUMBER.findall(res.text)),
            len(LONE_NUMBER.findall(res.text)),
        ]
        totals = [t + v for t, v in zip(totals, row, strict=True)]
        print("  ".join([f"{name:>9}"] + [f"{v:>9}" for v in row]))
    print("  ".join([f"{'total':>9}"] + [f"{v:>9}" for v in totals]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

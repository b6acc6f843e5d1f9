"""Eyeball the SECTION extractor on the real corpus: spans per level for every dev file
and the outline (indented by level) of one chosen file.

    .venv/bin/python bench/sections_report.py [--outline 84142|lawfirm|PATH] [--raw]

Reads <repo>/../shared/corpus; prints nothing but a note when it is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.extract.sections import extract_sections  # noqa: E402
from core.text.pipeline import normalize  # noqa: E402

CORPUS = ROOT / ".." / "shared" / "corpus"


def _load(path: Path) -> str:
    raw = path.read_text("utf-8")
    if path.suffix == ".json":
        raw = json.loads(raw)["contents"]
    return normalize(raw).text


def _files() -> dict[str, Path]:
    files = {p.stem: p for p in sorted((CORPUS / "dev").glob("*.json"))}
    web = CORPUS / "web" / "lawfirm-judgment-page.txt"
    if web.exists():
        files["lawfirm"] = web
    return files


def outline(text: str) -> None:
    for s in extract_sections(text):
        v = s.value
        label = v["title"] or text[s.start : s.end][:30].replace("\n", "/")
        print(f"{'  ' * v['level']}{v['number'] or '[' + v['kind'] + ']'} {label} <{v['kind']}>")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--outline", default="lawfirm", help="dev id, 'lawfirm' or a text file")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}")
        return
    files = _files()
    print(f"{'file':>8} {'chars':>7} {'ms':>6}  spans by level (L0 = parts)")
    for name, path in files.items():
        text = _load(path)
        t0 = time.perf_counter()
        spans = list(extract_sections(text))
        ms = (time.perf_counter() - t0) * 1000
        by = Counter(s.value["level"] for s in spans)
        levels = " ".join(f"L{k}:{by[k]}" for k in sorted(by))
        print(f"{name:>8} {len(text):>7} {ms:6.1f}  {len(spans):4d}  {levels}")
    target = files.get(args.outline) or Path(args.outline)
    print(f"\n--- outline of {args.outline}")
    outline(_load(target))


if __name__ == "__main__":
    main()

"""The export formats by name, and train/dev/test splits by document.

A split is reproducible: the selected document ids are sorted, shuffled with
random.Random(seed) and cut at the cumulative fractions; each part is written to its own
file or folder named after the split (out.jsonl -> out.train.jsonl, out.dev.jsonl, ...).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from core.dataset.common import ExportOptions, ExportResult, select_ids
from core.dataset.records import DatasetError
from core.store.db import Store

Exporter = Callable[[Store, Path, ExportOptions], ExportResult]
EXPORT_FORMATS = ("jsonl", "doccano", "labelstudio", "brat", "conll", "hf", "spacy", "csv")
SPLIT_NAMES = {2: ("train", "test"), 3: ("train", "dev", "test")}


def exporter(fmt: str) -> Exporter:
    """Imported on demand: the token formats load a dictionary, spacy is optional."""
    if fmt == "jsonl":
        from core.dataset.jsonl import export
    elif fmt == "doccano":
        from core.dataset.doccano import export
    elif fmt == "labelstudio":
        from core.dataset.labelstudio import export
    elif fmt == "brat":
        from core.dataset.brat import export
    elif fmt == "conll":
        from core.dataset.conll import export_conll as export
    elif fmt == "hf":
        from core.dataset.conll import export_hf as export
    elif fmt == "spacy":
        from core.dataset.spacy_docbin import export
    elif fmt == "csv":
        from core.dataset.csv_values import export
    else:
        raise DatasetError(f"unknown export format {fmt!r} (one of {', '.join(EXPORT_FORMATS)})")
    return export


def parse_split(spec: str) -> tuple[float, ...]:
    try:
        parts = tuple(float(x) for x in spec.split(","))
    except ValueError as e:
        raise DatasetError(f"--split {spec!r}: give fractions like 0.8,0.1,0.1") from e
    if len(parts) not in SPLIT_NAMES or any(p < 0 for p in parts) or abs(sum(parts) - 1) > 1e-6:
        raise DatasetError(f"--split {spec!r}: two or three fractions that add up to 1")
    return parts


def split_ids(ids: list[int], fractions: tuple[float, ...], seed: int) -> list[list[int]]:
    """Each part sorted by id; the same ids, fractions and seed always give the same parts."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    bounds, acc = [0], 0.0
    for f in fractions:
        acc += f
        bounds.append(round(acc * len(order)))
    bounds[-1] = len(order)
    return [sorted(order[a:b]) for a, b in itertools.pairwise(bounds)]


def split_path(out: Path, name: str) -> Path:
    """out.jsonl -> out.train.jsonl; a folder `out` -> out.train."""
    return out.with_name(f"{out.stem}.{name}{out.suffix}")


def export(
    store: Store,
    fmt: str,
    out: Path,
    opts: ExportOptions,
    split: tuple[float, ...] | None = None,
    seed: int = 0,
) -> list[ExportResult]:
    run = exporter(fmt)
    if split is None:
        return [run(store, out, opts)]
    parts = split_ids(select_ids(store, opts), split, seed)
    return [
        run(store, split_path(out, name), replace(opts, ids=frozenset(part)))
        for name, part in zip(SPLIT_NAMES[len(split)], parts, strict=True)
    ]

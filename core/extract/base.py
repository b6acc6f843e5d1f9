"""The extractor registry: each family module registers a function `text -> suggestions`.

Extractors are pure functions of the repaired `text`: no database, no files. The service
layer decides which labels are switched on for a project and stores the results.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

JSONValue = Any  # str | int | float | bool | None | list | dict, JSON-serialisable


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One suggested span: text[start:end] is labelled `label`, with a normalised value."""

    label: str
    start: int
    end: int
    value: JSONValue = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span [{self.start}, {self.end}) for {self.label}")


ExtractorFn = Callable[[str], Iterable[Suggestion]]


@dataclass(frozen=True)
class Extractor:
    name: str
    labels: frozenset[str]
    fn: ExtractorFn = field(compare=False)


_REGISTRY: dict[str, Extractor] = {}

_loaded = False


def register(name: str, labels: Iterable[str]) -> Callable[[ExtractorFn], ExtractorFn]:
    """Decorator: add an extractor producing `labels` under `name`."""

    def deco(fn: ExtractorFn) -> ExtractorFn:
        _REGISTRY[name] = Extractor(name, frozenset(labels), fn)
        return fn

    return deco


def _load_families() -> None:
    """Import every family module of this package once; each registers itself."""
    global _loaded
    if _loaded:
        return
    import core.extract as pkg

    for info in pkgutil.iter_modules(pkg.__path__):
        if not info.name.startswith("_") and info.name != "base":
            importlib.import_module(f"core.extract.{info.name}")
    _loaded = True


def registered() -> list[Extractor]:
    _load_families()
    return sorted(_REGISTRY.values(), key=lambda e: e.name)


def all_labels() -> frozenset[str]:
    return frozenset().union(*(e.labels for e in registered()))


def extract(text: str, labels: Iterable[str] | None = None) -> list[Suggestion]:
    """Run every registered extractor that produces one of `labels` (all when None)."""
    wanted = None if labels is None else frozenset(labels)
    out: list[Suggestion] = []
    for ex in registered():
        if wanted is not None and not (ex.labels & wanted):
            continue
        out.extend(s for s in ex.fn(text) if wanted is None or s.label in wanted)
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for s in sorted(out, key=_order):
        if (s.label, s.start, s.end) not in seen:
            seen.add((s.label, s.start, s.end))
            unique.append(s)
    return unique


def _order(s: Suggestion) -> tuple[int, int, str]:
    return (s.start, -s.end, s.label)

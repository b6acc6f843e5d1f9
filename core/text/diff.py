"""What normalisation did to a file, as a unified diff (for `normalize FILE --diff`)."""

from __future__ import annotations

import difflib
from pathlib import Path

from core.text.pipeline import Normalized, NormalizeOptions, normalize
from core.text.readers import read_document


def normalize_file(path: str | Path, options: NormalizeOptions | None = None) -> Normalized:
    """Read a file with its reader and run the pipeline on its raw text."""
    doc = read_document(path)
    return normalize(doc.raw_text, options)


def _lines(text: str) -> list[str]:
    # show page breaks and carriage returns instead of letting them disappear
    return [ln.replace("\r", "⏎").replace("\f", "␌") for ln in text.split("\n")]


def render_diff(normalized: Normalized, context: int = 1) -> str:
    """Unified diff from the raw text to the shown text, then a one-line summary of counts."""
    diff = difflib.unified_diff(
        _lines(normalized.raw_text), _lines(normalized.text),
        fromfile="raw", tofile="text", n=context, lineterm="",
    )
    body = "\n".join(diff)
    counts = ", ".join(f"{k}={v}" for k, v in sorted(normalized.counts.items())) or "no changes"
    return (body + "\n" if body else "") + f"# {counts}\n"

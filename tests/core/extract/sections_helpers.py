"""Helpers shared by the SECTION extractor tests."""

from __future__ import annotations

from pathlib import Path

from core.extract.sections import extract_sections

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "sections"
CORPUS = (ROOT.parent / "shared" / "corpus").resolve()


def fixture(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text("utf-8")


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(s.value["level"], s.value["number"], s.value["kind"]) for s in extract_sections(text)]


def numbers(text: str) -> list[tuple[int, str]]:
    return [(s.value["level"], s.value["number"]) for s in extract_sections(text)]


def wrap(text: str, width: int) -> str:
    """Hard-wrap every line at `width` characters, as PDF text is."""
    out = []
    for line in text.split("\n"):
        out.extend(line[i : i + width] for i in range(0, max(len(line), 1), width))
    return "\n".join(out)

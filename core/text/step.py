"""The result of one normalisation step (kept apart so step modules need not import the
pipeline that imports them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from core.text.offsets import OffsetMap


@dataclass
class StepResult:
    text: str
    offsets: OffsetMap  # new text -> the text the step was given
    counts: dict[str, int] = field(default_factory=dict)


Step = Callable[[str], StepResult]


def unchanged(text: str, counts: dict[str, int] | None = None) -> StepResult:
    """A step that found nothing to do."""
    return StepResult(text, OffsetMap.identity(len(text)), counts or {})

"""Auto-highlighters: pure functions from a document's `text` to suggested spans."""

from core.extract.base import Suggestion, all_labels, extract, registered

__all__ = ["Suggestion", "all_labels", "extract", "registered"]

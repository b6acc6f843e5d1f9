"""Span layers: who a set of spans on a document belongs to.

"main" is the shared layer (single-user work, shared team mode, every span made before
layers existed); "@<name>" is one annotator's own layer in independent (double)
annotation; "curated" is the curator's result built from the others.
"""

from __future__ import annotations

from core.errors import HanreiError

MAIN = "main"
CURATED = "curated"
ANNOTATOR_PREFIX = "@"
MAX_LAYER = 100  # span.layer is String(100)


def annotator_layer(name: str) -> str:
    """The independent layer of annotator `name`."""
    name = name.strip()
    if not name:
        raise HanreiError("an annotator layer needs an annotator name")
    return check_layer(ANNOTATOR_PREFIX + name)


def layer_annotator(layer: str) -> str | None:
    """The annotator whose own layer this is, or None for main/curated."""
    return layer[len(ANNOTATOR_PREFIX):] if layer.startswith(ANNOTATOR_PREFIX) else None


def check_layer(layer: str) -> str:
    """A layer name must be main, curated or @name (so a typo cannot make a stray layer)."""
    ok = layer in (MAIN, CURATED) or (
        layer.startswith(ANNOTATOR_PREFIX) and len(layer) > 1 and layer[1:].strip() == layer[1:]
    )
    if not ok or len(layer) > MAX_LAYER:
        raise HanreiError(
            f"unknown layer {layer!r}: use {MAIN}, {CURATED} or {ANNOTATOR_PREFIX}<annotator>"
        )
    return layer


def layer_title(layer: str) -> str:
    """How the window names a layer."""
    who = layer_annotator(layer)
    if who is not None:
        return who
    return {"main": "共有", "curated": "キュレーション"}.get(layer, layer)

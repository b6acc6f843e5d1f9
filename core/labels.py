"""The default label schema (DESIGN §4), read from resources/labels.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEFAULT_SCHEMA = RESOURCES / "labels.json"


@dataclass(frozen=True)
class LabelSpec:
    key: str
    name: str
    color: str
    shortcut: str | None
    description: str
    value_type: str = "none"


def load_schema(path: Path = DEFAULT_SCHEMA) -> list[LabelSpec]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    specs = [
        LabelSpec(
            key=str(d["key"]),
            name=str(d["name"]),
            color=str(d["color"]),
            shortcut=d.get("shortcut") or None,
            description=str(d.get("description", "")),
            value_type=str(d.get("value_type", "none")),
        )
        for d in data["labels"]
    ]
    keys = [s.shortcut for s in specs if s.shortcut]
    if len(keys) != len(set(keys)):
        raise ValueError(f"{path}: duplicate shortcut keys")
    return specs

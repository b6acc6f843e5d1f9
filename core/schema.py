"""Label schema services: add, rename, recolour, re-key, describe, retire, reorder, and the
JSON export/import in the format of resources/labels.json ("schema": "hanrei-labels/1").

A label that has spans is never deleted, only retired (active False): its spans stay and
still export. Shortcut keys are single characters folded the way the viewer folds typed
keys (NFKC, lower case), unique among active labels, and never one of the review keys.
The guideline of a label is its `description` (Markdown; the first line is the summary).
Messages are Japanese: the window shows them as they are.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.errors import HanreiError
from core.repo import ensure_project
from core.store.db import Store
from core.store.models import Label, Span

SCHEMA_FORMAT = "hanrei-labels/1"
# Keys the viewer reads itself: `a` (and あ, which an input method commits for it) accepts
# every suggestion of a label; Enter, Tab, Delete and Backspace review spans.
_ACCEPT_ALL = "a（同じラベルの候補をすべて確定）"
RESERVED_KEYS = {"a": _ACCEPT_ALL, "あ": _ACCEPT_ALL}
RESERVED_NAMES = {"enter": "Enter（確定）", "return": "Enter（確定）", "tab": "Tab（次の候補）",
                  "delete": "Delete（却下）", "del": "Delete（却下）",
                  "backspace": "Backspace（却下）"}
_KEY_RE = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
VALUE_TYPES = ("none", "section", "yen", "rate", "date", "case_number", "court", "role",
               "duration", "evidence", "law", "term", "text")


class SchemaError(HanreiError):
    """A schema change that was refused; nothing was written."""


@dataclass(frozen=True)
class LabelInfo:
    """A label as the schema editor shows it, with how many spans use it."""

    key: str
    name: str
    color: str
    shortcut: str
    description: str
    value_type: str
    active: bool
    auto_suggest: bool
    position: int
    n_spans: int = 0


def fold_key(s: str) -> str:
    """The key as the viewer compares it: ｍ -> m, Ｍ -> m."""
    return unicodedata.normalize("NFKC", s).strip().lower()


def check_shortcut(shortcut: str) -> str:
    """The folded key, or SchemaError saying why it cannot be a label key."""
    if not shortcut:
        return ""
    if shortcut.strip().lower() in RESERVED_NAMES:
        raise SchemaError(f"{RESERVED_NAMES[shortcut.strip().lower()]} は確認作業に使うキーです。"
                          "ラベルのキーにはできません。")
    if shortcut in RESERVED_KEYS:
        raise SchemaError(f"「{shortcut}」は {RESERVED_KEYS[shortcut]} に使うキーです。"
                          "ラベルのキーにはできません。")
    k = fold_key(shortcut)
    if len(k) != 1 or not k.isprintable() or k.isspace():
        raise SchemaError(f"ラベルのキーは1文字にしてください（「{shortcut}」）。")
    if k in RESERVED_KEYS:
        raise SchemaError(f"「{shortcut}」は {RESERVED_KEYS[k]} に使うキーです。"
                          "ラベルのキーにはできません。")
    return k


def _check_color(color: str) -> str:
    if not _COLOR_RE.match(color):
        raise SchemaError(f"色は #rrggbb の形で指定してください（「{color}」）。")
    return color.lower()


def _info(lb: Label, n: int = 0) -> LabelInfo:
    return LabelInfo(lb.key, lb.name, lb.color, lb.shortcut or "", lb.description,
                     lb.value_type, lb.active, lb.auto_suggest, lb.position, n)


def _labels(s: Session, project_id: int) -> list[Label]:
    return list(s.scalars(select(Label).where(Label.project_id == project_id)
                          .order_by(Label.position, Label.id)))


def _get(s: Session, project_id: int, key: str) -> Label:
    lb = s.scalar(select(Label).where(Label.project_id == project_id, Label.key == key))
    if lb is None:
        raise SchemaError(f"ラベル {key} はありません。")
    return lb


def _pid(s: Session, project_id: int | None) -> int:
    return project_id if project_id is not None else ensure_project(s).id


def _check_unique_shortcut(s: Session, project_id: int, key: str, shortcut: str) -> None:
    if not shortcut:
        return
    for other in _labels(s, project_id):
        if other.key != key and other.active and fold_key(other.shortcut or "") == shortcut:
            raise SchemaError(f"キー「{shortcut}」はラベル「{other.name}」（{other.key}）で"
                              "使われています。別のキーを選んでください。")


def _usage(s: Session, project_id: int) -> dict[int, int]:
    q = (select(Span.label_id, func.count()).join(Label, Span.label_id == Label.id)
         .where(Label.project_id == project_id).group_by(Span.label_id))
    return {lid: n for lid, n in s.execute(q)}


def list_schema(store: Store, project_id: int | None = None) -> list[LabelInfo]:
    """Every label of the project in order, retired ones included, with span counts."""
    with store.write() as s:  # may create the default project on a new database
        pid = _pid(s, project_id)
        used = _usage(s, pid)
        return [_info(lb, used.get(lb.id, 0)) for lb in _labels(s, pid)]


def add_label(store: Store, key: str, name: str, color: str, shortcut: str = "",
              description: str = "", value_type: str = "none",
              project_id: int | None = None) -> LabelInfo:
    key = key.strip().upper()
    if not _KEY_RE.match(key):
        raise SchemaError("ラベルの識別子は英大文字・数字・_ で、英字で始めてください"
                          f"（「{key}」）。")
    if not name.strip():
        raise SchemaError("ラベルの名前を入力してください。")
    if value_type not in VALUE_TYPES:
        raise SchemaError(f"値の種類 {value_type} は使えません。")
    color, shortcut = _check_color(color), check_shortcut(shortcut)
    with store.write() as s:
        pid = _pid(s, project_id)
        labels = _labels(s, pid)
        if any(lb.key == key for lb in labels):
            raise SchemaError(f"ラベル {key} はすでにあります。")
        _check_unique_shortcut(s, pid, key, shortcut)
        lb = Label(project_id=pid, key=key, name=name.strip(), color=color,
                   shortcut=shortcut or None, description=description, value_type=value_type,
                   active=True, auto_suggest=True,
                   position=max((x.position for x in labels), default=-1) + 1)
        s.add(lb)
        s.flush()
        return _info(lb)


def update_label(store: Store, key: str, *, name: str | None = None,
                 color: str | None = None, shortcut: str | None = None,
                 description: str | None = None, auto_suggest: bool | None = None,
                 project_id: int | None = None) -> LabelInfo:
    """Rename, recolour, re-key or describe a label (retired ones too)."""
    if name is not None and not name.strip():
        raise SchemaError("ラベルの名前を入力してください。")
    color = _check_color(color) if color is not None else None
    shortcut = check_shortcut(shortcut) if shortcut is not None else None
    with store.write() as s:
        pid = _pid(s, project_id)
        lb = _get(s, pid, key)
        if shortcut is not None and lb.active:
            _check_unique_shortcut(s, pid, key, shortcut)
        if name is not None:
            lb.name = name.strip()
        if color is not None:
            lb.color = color
        if shortcut is not None:
            lb.shortcut = shortcut or None
        if description is not None:
            lb.description = description
        if auto_suggest is not None:
            lb.auto_suggest = auto_suggest
        s.flush()
        return _info(lb, _usage(s, pid).get(lb.id, 0))


def retire_label(store: Store, key: str, project_id: int | None = None) -> str:
    """Take a label out of use: "retired" if spans use it (they stay), else "deleted"."""
    with store.write() as s:
        pid = _pid(s, project_id)
        lb = _get(s, pid, key)
        if _usage(s, pid).get(lb.id, 0):
            lb.active = False
            return "retired"
        s.delete(lb)
        return "deleted"


def restore_label(store: Store, key: str, project_id: int | None = None) -> LabelInfo:
    """Bring a retired label back (復活); its key must still be free."""
    with store.write() as s:
        pid = _pid(s, project_id)
        lb = _get(s, pid, key)
        _check_unique_shortcut(s, pid, key, fold_key(lb.shortcut or ""))
        lb.active = True
        s.flush()
        return _info(lb, _usage(s, pid).get(lb.id, 0))


def reorder_labels(store: Store, keys: list[str], project_id: int | None = None) -> None:
    """New order: `keys` first as given, any label not named keeps its order after them."""
    with store.write() as s:
        labels = _labels(s, _pid(s, project_id))
        by_key = {lb.key: lb for lb in labels}
        unknown = [k for k in keys if k not in by_key]
        if unknown or len(set(keys)) != len(keys):
            raise SchemaError(f"並べ替えのラベルが正しくありません: {unknown or keys}")
        rest = [lb.key for lb in labels if lb.key not in set(keys)]
        for pos, k in enumerate([*keys, *rest]):
            by_key[k].position = pos


# --- JSON ------------------------------------------------------------------------------------


def export_schema(store: Store, project_id: int | None = None) -> dict[str, Any]:
    """The project's labels (and document-tag fields) as resources/labels.json holds them."""
    from core.doc_tags import list_tag_fields

    labels = [{"key": lb.key, "name": lb.name, "color": lb.color, "shortcut": lb.shortcut,
               "value_type": lb.value_type, "description": lb.description,
               "active": lb.active, "auto_suggest": lb.auto_suggest}
              for lb in list_schema(store, project_id)]
    fields = [{"key": f.key, "name": f.name, "choices": list(f.choices)}
              for f in list_tag_fields(store, project_id)]
    return {"schema": SCHEMA_FORMAT, "labels": labels, "tag_fields": fields}


def write_schema(store: Store, path: Path, project_id: int | None = None) -> None:
    text = json.dumps(export_schema(store, project_id), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def read_schema(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as e:
        raise SchemaError(f"{path.name} を読めません: {e}") from e
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_FORMAT:
        raise SchemaError(f"{path.name} はラベル設定のファイルではありません"
                          f"（\"schema\": \"{SCHEMA_FORMAT}\" がありません）。")
    if not isinstance(data.get("labels"), list):
        raise SchemaError(f"{path.name} に labels の一覧がありません。")
    return data


def import_schema(store: Store, data: dict[str, Any],
                  project_id: int | None = None) -> tuple[int, int]:
    """Merge a schema file: labels of the file are added or updated (and ordered first);
    labels not in the file are kept. All or nothing. Returns (added, updated)."""
    specs = _validate(data)
    added = updated = 0
    with store.write() as s:
        pid = _pid(s, project_id)
        by_key = {lb.key: lb for lb in _labels(s, pid)}
        for key, spec in specs.items():
            lb = by_key.get(key)
            if lb is None:
                lb = Label(project_id=pid, key=key, position=0, auto_suggest=True)
                s.add(lb)
                by_key[key] = lb
                added += 1
            else:
                updated += 1
            for attr, v in spec.items():
                setattr(lb, attr, v)
        active = [lb for lb in by_key.values() if lb.active and lb.shortcut]
        seen: dict[str, str] = {}
        for lb in active:
            k = fold_key(lb.shortcut or "")
            if k in seen:
                raise SchemaError(f"キー「{k}」が {seen[k]} と {lb.key} で重なります。")
            seen[k] = lb.key
        order = list(specs) + [k for k in by_key if k not in specs]
        for pos, k in enumerate(order):
            by_key[k].position = pos
        s.flush()
        fields = data.get("tag_fields")
        if isinstance(fields, list):
            from core.doc_tags import merge_tag_fields

            merge_tag_fields(s, pid, fields)
    return added, updated


def _validate(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for d in data.get("labels", []):
        if not isinstance(d, dict) or not _KEY_RE.match(str(d.get("key", ""))):
            raise SchemaError(f"ラベルの識別子が正しくありません: {d!r:.80}")
        key = str(d["key"])
        if key in out:
            raise SchemaError(f"ラベル {key} が二度あります。")
        vt = str(d.get("value_type", "none"))
        if vt not in VALUE_TYPES:
            raise SchemaError(f"{key}: 値の種類 {vt} は使えません。")
        spec: dict[str, Any] = {
            "name": str(d.get("name") or key), "color": _check_color(str(d.get("color", ""))),
            "shortcut": check_shortcut(str(d.get("shortcut") or "")) or None,
            "description": str(d.get("description", "")), "value_type": vt,
            "active": bool(d.get("active", True)),
        }
        if "auto_suggest" in d:
            spec["auto_suggest"] = bool(d["auto_suggest"])
        out[key] = spec
    return out

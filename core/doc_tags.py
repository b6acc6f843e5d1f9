"""Document tags: the fields a project defines (結果: 認容/一部認容/棄却/却下, ...) and each
annotator's value per document. A value must be one of its field's choices; setting a tag
is one transaction with an event, like every other change.

Deleting a field keeps the values already given (they still export); it only stops
offering the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import HanreiError
from core.repo import ensure_annotator, ensure_project, get_document, log
from core.store.db import Store
from core.store.models import DocTag, TagField

# Offered by the document panel on a project that has no fields yet.
DEFAULT_TAG_FIELDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("outcome", "結果", ("認容", "一部認容", "棄却", "却下")),
    ("case_type", "事件種別", ("民事", "刑事", "行政")),
)
_KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")


class TagError(HanreiError):
    """A tag field or tag value that was refused; nothing was written."""


@dataclass(frozen=True)
class TagFieldData:
    key: str
    name: str
    choices: tuple[str, ...]
    position: int = 0


@dataclass(frozen=True)
class TagChange:
    document_id: int
    key: str
    before: str | None
    after: str | None


def _fields(s: Session, project_id: int) -> list[TagField]:
    return list(s.scalars(select(TagField).where(TagField.project_id == project_id)
                          .order_by(TagField.position, TagField.id)))


def _data(f: TagField) -> TagFieldData:
    return TagFieldData(f.key, f.name, tuple(f.choices or ()), f.position)


def _clean_choices(choices: Iterable[str]) -> list[str]:
    out: list[str] = []
    for c in (str(c).strip() for c in choices):
        if c and c not in out:
            out.append(c)
    if not out:
        raise TagError("選択肢を1つ以上入力してください。")
    return out


def list_tag_fields(store: Store, project_id: int | None = None) -> list[TagFieldData]:
    with store.write() as s:
        pid = project_id if project_id is not None else ensure_project(s).id
        return [_data(f) for f in _fields(s, pid)]


def add_tag_field(store: Store, key: str, name: str, choices: Iterable[str],
                  project_id: int | None = None) -> TagFieldData:
    key = key.strip()
    if not _KEY_RE.match(key):
        raise TagError(f"項目の識別子は英字で始まる英数字・_ にしてください（「{key}」）。")
    if not name.strip():
        raise TagError("項目の名前を入力してください。")
    clean = _clean_choices(choices)
    with store.write() as s:
        pid = project_id if project_id is not None else ensure_project(s).id
        fields = _fields(s, pid)
        if any(f.key == key for f in fields):
            raise TagError(f"項目 {key} はすでにあります。")
        f = TagField(project_id=pid, key=key, name=name.strip(), choices=clean,
                     position=max((x.position for x in fields), default=-1) + 1)
        s.add(f)
        s.flush()
        return _data(f)


def add_default_tag_fields(store: Store, project_id: int | None = None) -> list[TagFieldData]:
    """結果 and 事件種別, those not defined yet."""
    have = {f.key for f in list_tag_fields(store, project_id)}
    for key, name, choices in DEFAULT_TAG_FIELDS:
        if key not in have:
            add_tag_field(store, key, name, choices, project_id)
    return list_tag_fields(store, project_id)


def update_tag_field(store: Store, key: str, *, name: str | None = None,
                     choices: Iterable[str] | None = None,
                     project_id: int | None = None) -> TagFieldData:
    if name is not None and not name.strip():
        raise TagError("項目の名前を入力してください。")
    clean = _clean_choices(choices) if choices is not None else None
    with store.write() as s:
        pid = project_id if project_id is not None else ensure_project(s).id
        f = _get(s, pid, key)
        if name is not None:
            f.name = name.strip()
        if clean is not None:
            f.choices = clean
        s.flush()
        return _data(f)


def delete_tag_field(store: Store, key: str, project_id: int | None = None) -> None:
    with store.write() as s:
        pid = project_id if project_id is not None else ensure_project(s).id
        s.delete(_get(s, pid, key))


def reorder_tag_fields(store: Store, keys: list[str], project_id: int | None = None) -> None:
    with store.write() as s:
        pid = project_id if project_id is not None else ensure_project(s).id
        by_key = {f.key: f for f in _fields(s, pid)}
        if sorted(keys) != sorted(by_key):
            raise TagError("並べ替えには項目をすべて1回ずつ指定してください。")
        for pos, k in enumerate(keys):
            by_key[k].position = pos


def _get(s: Session, project_id: int, key: str) -> TagField:
    f = s.scalar(select(TagField).where(TagField.project_id == project_id, TagField.key == key))
    if f is None:
        raise TagError(f"項目 {key} はありません。")
    return f


def merge_tag_fields(s: Session, project_id: int, fields: list[Any]) -> None:
    """Schema import: fields of the file added or updated, inside the caller's transaction."""
    by_key = {f.key: f for f in _fields(s, project_id)}
    pos = max((f.position for f in by_key.values()), default=-1) + 1
    for d in fields:
        if not isinstance(d, dict) or not _KEY_RE.match(str(d.get("key", ""))):
            raise TagError(f"文書タグの項目が正しくありません: {d!r:.80}")
        choices = _clean_choices(d.get("choices") or [])
        f = by_key.get(str(d["key"]))
        if f is None:
            f = TagField(project_id=project_id, key=str(d["key"]), position=pos)
            pos += 1
            s.add(f)
            by_key[f.key] = f
        f.name, f.choices = str(d.get("name") or d["key"]), choices


# --- values ------------------------------------------------------------------------------------


def _annotator_clause(annotator_id: int | None) -> Any:
    return (DocTag.annotator_id.is_(None) if annotator_id is None
            else DocTag.annotator_id == annotator_id)


def get_doc_tags(store: Store, doc_id: int, annotator: str | None = None) -> dict[str, str]:
    """The tags `annotator` gave this document (annotator None: the unattributed ones)."""
    with store.write() as s:
        get_document(s, doc_id)
        who = ensure_annotator(s, annotator)
        rows = s.scalars(select(DocTag).where(DocTag.document_id == doc_id,
                                              _annotator_clause(who.id if who else None)))
        return {t.key: t.value for t in rows}


def set_doc_tag(store: Store, doc_id: int, key: str, value: str | None,
                annotator: str | None = None) -> TagChange:
    """Set (or with None/"" clear) one tag; the value must be one of the field's choices."""
    with store.write() as s:
        doc = get_document(s, doc_id)
        field = _get(s, doc.project_id, key)
        if value and value not in (field.choices or []):
            raise TagError(f"「{value}」は {field.name} の選択肢にありません"
                           f"（{'・'.join(field.choices or [])}）。")
        who = ensure_annotator(s, annotator)
        row = s.scalar(select(DocTag).where(DocTag.document_id == doc_id, DocTag.key == key,
                                            _annotator_clause(who.id if who else None)))
        before = row.value if row is not None else None
        after = value or None
        if after is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(DocTag(document_id=doc_id, key=key, value=after,
                         annotator_id=who.id if who else None))
        else:
            row.value = after
        if before != after:
            log(s, "doc_tag.set", annotator=who, document_id=doc_id,
                payload={"key": key, "before": before, "after": after})
        return TagChange(doc_id, key, before, after)

"""Corpus search: a string or a regular expression across the text of every document,
with the characters around each hit. The number of hits is capped so that a pattern
like `.` cannot flood the window; `truncated` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select

from core.errors import HanreiError
from core.store.db import Store
from core.store.models import Document

CONTEXT = 30
MAX_HITS = 2000


class SearchError(HanreiError):
    """The pattern cannot be used (a bad regular expression)."""


@dataclass(frozen=True)
class Hit:
    document_id: int
    title: str
    start: int  # code points into the document's text, end-exclusive
    end: int
    before: str
    match: str
    after: str


@dataclass
class SearchResult:
    hits: list[Hit] = field(default_factory=list)
    documents: int = 0  # documents with at least one hit
    truncated: bool = False


def compile_pattern(pattern: str, *, regex: bool = False,
                    ignore_case: bool = True) -> re.Pattern[str]:
    if not pattern:
        raise SearchError("検索する文字列を入力してください。")
    flags = re.IGNORECASE if ignore_case else 0
    try:
        return re.compile(pattern if regex else re.escape(pattern), flags)
    except re.error as e:
        where = f"（{e.pos + 1}文字目）" if e.pos is not None else ""
        raise SearchError(f"正規表現が正しくありません{where}: {e.msg}") from e


def search_corpus(store: Store, pattern: str, *, regex: bool = False,
                  ignore_case: bool = True, context: int = CONTEXT,
                  max_hits: int = MAX_HITS, doc_ids: set[int] | None = None) -> SearchResult:
    """Hits in document order; empty matches are skipped. Line breaks in the context are
    shown as ⏎ so each hit stays on one line."""
    rx = compile_pattern(pattern, regex=regex, ignore_case=ignore_case)
    out = SearchResult()
    with store.read() as s:
        q = select(Document.id, Document.title, Document.text).order_by(Document.id)
        for doc_id, title, text in s.execute(q.execution_options(yield_per=20)):
            if doc_ids is not None and doc_id not in doc_ids:
                continue
            found = False
            for m in rx.finditer(text):
                if m.end() == m.start():
                    continue
                if len(out.hits) >= max_hits:
                    out.truncated = True
                    return out
                found = True
                out.hits.append(Hit(
                    doc_id, title, m.start(), m.end(),
                    _flat(text[max(0, m.start() - context):m.start()]), _flat(m.group()),
                    _flat(text[m.end():m.end() + context])))
            out.documents += found
    return out


def _flat(s: str) -> str:
    return s.replace("\n", "⏎")

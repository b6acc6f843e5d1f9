"""spaCy's binary training format: a .spacy DocBin.

Each Doc is built from the Sudachi tokens (whitespace tokens included, no trailing
spaces), so doc.text is exactly the exported text and every span is a run of whole tokens.
All spans go to doc.spans["sc"] (the span categoriser's default key; overlaps allowed);
those overlapping no other span are also doc.ents. The document id, title and each span's
value, note and annotator are kept in doc.user_data["hanrei"]. Needs the `spacy` extra.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.dataset.common import ExportOptions, ExportResult, atomic_binary_writer, iter_documents
from core.dataset.tokens import tokenize
from core.errors import HanreiError
from core.store.db import Store

FORMAT = "spacy"
SPANS_KEY = "sc"


def _spacy() -> Any:
    try:
        import spacy
    except ImportError as e:
        raise HanreiError(
            "the spacy format needs spaCy: install the spacy extra "
            "(pip install 'hanrei-annotator[spacy]')"
        ) from e
    return spacy


def alone(spans: list[Any]) -> list[int]:
    """Indexes of spans that overlap no other span (sorted by start)."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, spans[i].end))
    out = []
    reach = -1  # furthest end of the spans before
    for k, i in enumerate(order):
        nxt = spans[order[k + 1]].start if k + 1 < len(order) else None
        if spans[i].start >= reach and (nxt is None or nxt >= spans[i].end):
            out.append(i)
        reach = max(reach, spans[i].end)
    return sorted(out)


def export(store: Store, out: Path, opts: ExportOptions) -> ExportResult:
    spacy = _spacy()
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("xx").vocab
    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    counts = {"spans_that_cut_a_token": 0}
    n_docs = n_spans = 0
    for d in iter_documents(store, opts):
        tokens, cuts = tokenize(d.text, d.spans)
        counts["spans_that_cut_a_token"] += cuts
        doc = Doc(
            vocab, words=[d.text[t.start : t.end] for t in tokens], spaces=[False] * len(tokens)
        )
        group = []
        for sp in d.spans:
            span = doc.char_span(sp.start, sp.end, label=sp.label)
            if span is None:  # cannot happen: tokens are cut at every span boundary
                raise HanreiError(f"document {d.id}: span [{sp.start}, {sp.end}) fits no tokens")
            group.append(span)
        doc.spans[SPANS_KEY] = group
        doc.ents = [group[i] for i in alone(d.spans)]
        doc.user_data["hanrei"] = {
            "id": d.id,
            "title": d.title,
            "offsets": {"base": opts.offsets, "unit": "codepoint", "end": "exclusive"},
            "spans": [
                {"value": sp.value, "note": sp.note, "annotator": sp.annotator, "status": sp.status}
                for sp in d.spans
            ],
        }
        db.add(doc)
        n_docs += 1
        n_spans += len(d.spans)
    with atomic_binary_writer(out) as f:
        f.write(db.to_bytes())
    return ExportResult(n_docs, n_spans, out, FORMAT, counts)

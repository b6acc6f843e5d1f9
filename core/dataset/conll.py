"""Token formats: CoNLL / IOB2 text and Hugging Face style JSONL.

Both tokenise with core.dataset.tokens (SudachiPy), one sentence per line of the
judgment. IOB2 cannot hold overlapping spans: the longest of overlapping spans is kept
and the others are counted (`overlapping_spans_left_out`); a span that cuts a Sudachi
token splits that token at the span boundary and is counted (`spans_that_cut_a_token`).

CoNLL: `-DOCSTART-\tO` line per document, then `token\tTAG` lines, a blank line after
each sentence. HF: {"id": "12-0", "document_id": 12, "tokens": [...],
"ner_tags": [...]} per sentence; the tags are ints indexing the list in labels.json
beside the file (["O", "B-SECTION", "I-SECTION", ...], from the project's labels), or the
tag strings themselves with --hf-tags str.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.dataset.common import (
    ExportedDocument,
    ExportOptions,
    ExportResult,
    atomic_writer,
    iter_documents,
    json_line,
    label_keys,
)
from core.dataset.tokens import iob2, non_overlapping, sentences, tokenize
from core.store.db import Store


def tagged_sentences(
    doc: ExportedDocument, counts: dict[str, int]
) -> Iterator[list[tuple[str, str]]]:
    """(token, IOB2 tag) per sentence; adds to counts' cut_tokens and overlaps_dropped."""
    tokens, cuts = tokenize(doc.text, doc.spans)
    keep, dropped = non_overlapping(doc.spans)
    counts["spans_that_cut_a_token"] += cuts
    counts["overlapping_spans_left_out"] += dropped
    tags = iob2(tokens, [doc.spans[i] for i in keep])
    tag_of = {t.start: tag for t, tag in zip(tokens, tags, strict=True)}
    for sent in sentences(doc.text, tokens):
        out = []
        for k, t in enumerate(sent):
            tag = tag_of[t.start]
            if k == 0 and tag.startswith("I-"):  # a span running over a line break
                tag = "B-" + tag[2:]
            out.append((doc.text[t.start : t.end], tag))
        yield out


def export_conll(store: Store, out: Path, opts: ExportOptions) -> ExportResult:
    counts = {"spans_that_cut_a_token": 0, "overlapping_spans_left_out": 0}
    n_docs = n_spans = 0
    with atomic_writer(out) as f:
        for doc in iter_documents(store, opts):
            f.write("-DOCSTART-\tO\n\n")
            for sent in tagged_sentences(doc, counts):
                f.writelines(f"{tok}\t{tag}\n" for tok, tag in sent)
                f.write("\n")
            n_docs += 1
            n_spans += len(doc.spans)
    return ExportResult(n_docs, n_spans, out, "conll", counts)


def labels_path(out: Path) -> Path:
    return out.with_name(f"{out.stem}.labels.json")


def tag_names(keys: list[str]) -> list[str]:
    return ["O"] + [f"{p}-{k}" for k in keys for p in ("B", "I")]


def export_hf(store: Store, out: Path, opts: ExportOptions) -> ExportResult:
    counts = {"spans_that_cut_a_token": 0, "overlapping_spans_left_out": 0}
    names = tag_names(label_keys(store, opts))
    index = {n: i for i, n in enumerate(names)}
    n_docs = n_spans = 0
    with atomic_writer(out) as f:
        for doc in iter_documents(store, opts):
            for k, sent in enumerate(tagged_sentences(doc, counts)):
                tags: list[Any] = [tag for _, tag in sent]
                if opts.hf_tags == "int":
                    for tag in tags:
                        if tag not in index:  # a label of another project
                            for new in (f"B-{tag[2:]}", f"I-{tag[2:]}"):
                                index[new] = len(names)
                                names.append(new)
                    tags = [index[t] for t in tags]
                rec = {
                    "id": f"{doc.id}-{k}",
                    "document_id": doc.id,
                    "tokens": [tok for tok, _ in sent],
                    "ner_tags": tags,
                }
                f.write(json_line(rec))
            n_docs += 1
            n_spans += len(doc.spans)
    with atomic_writer(labels_path(out)) as f:
        json.dump(names, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return ExportResult(n_docs, n_spans, out, "hf", counts)

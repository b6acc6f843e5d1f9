"""The command line (DESIGN §5). Every command calls the same services as the window."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from core.dataset.common import ExportOptions
from core.errors import HanreiError
from core.store.db import Store, db_url
from core.store.migrate import MigrationError, open_store
from core.text.pipeline import NormalizeOptions

EXPORT_FORMATS = ("jsonl",)


def default_annotator() -> str:
    name = os.environ.get("HANREI_ANNOTATOR")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="main.py", description="Hanrei Annotator: 判決書アノテーション"
    )
    p.add_argument(
        "--db",
        help="database: an SQLite file path or an SQLAlchemy URL "
        "(default: a SQLite file in the user data folder)",
    )
    p.add_argument("--annotator", default=None, help="annotator name recorded on changes")
    sub = p.add_subparsers(dest="command")

    sub.add_parser("gui", help="open the window (the default)")

    imp = sub.add_parser(
        "import", help="import judgments (.txt, .json, .pdf, .html; folders walked)"
    )
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--no-suggest", action="store_true", help="do not run auto-highlighting")
    imp.add_argument("--project", default=None, help="project name (default: default)")
    imp.add_argument("--keep-all", action="store_true", help="keep the site text around a web copy")
    for name in ("furniture", "repair", "despace", "fold"):
        imp.add_argument(f"--no-{name}", action="store_true", help=argparse.SUPPRESS)

    sug = sub.add_parser("suggest", help="run auto-highlighting on documents")
    g = sug.add_mutually_exclusive_group(required=True)
    g.add_argument("--all", action="store_true", help="every document")
    g.add_argument("doc_ids", nargs="*", type=int, metavar="DOC_ID", default=[])
    sug.add_argument(
        "--redo",
        action="store_true",
        help="replace suggestions nobody has accepted, rejected or edited",
    )

    exp = sub.add_parser("export", help="export the annotated corpus")
    exp.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    exp.add_argument("--out", required=True, type=Path)
    exp.add_argument("--spans", choices=("accepted", "all"), default="accepted")
    exp.add_argument("--offsets", choices=("text", "raw"), default="text")
    exp.add_argument("--project", default=None)

    st = sub.add_parser("stats", help="documents, spans per label and status")
    st.add_argument("--project", default=None)

    norm = sub.add_parser("normalize", help="print the text an import would store")
    norm.add_argument("file", type=Path)
    norm.add_argument("--diff", action="store_true", help="show what changed against the input")
    norm.add_argument("--keep-all", action="store_true")
    return p


def normalize_options(args: argparse.Namespace) -> NormalizeOptions:
    return NormalizeOptions(
        trim_web=not getattr(args, "keep_all", False),
        remove_furniture=not getattr(args, "no_furniture", False),
        repair_lines=not getattr(args, "no_repair", False),
        despace=not getattr(args, "no_despace", False),
        fold_width=not getattr(args, "no_fold", False),
    )


GuiRunner = Callable[[str, "str | None"], int]


def main(argv: Sequence[str] | None = None, gui: GuiRunner | None = None) -> int:
    """Run a command. `gui` opens the window; main.py hands it in, so core knows no Qt."""
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    if command == "gui":
        if gui is None:
            print(
                "error: the window is not available from here; run python main.py", file=sys.stderr
            )
            return 2
        return gui(db_url(args.db), args.annotator)
    if command == "normalize":
        return cmd_normalize(args)
    try:
        store = open_store(db_url(args.db))
    except (MigrationError, HanreiError) as e:
        print(f"error: database {args.db or 'default'}: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # a database that cannot be opened at all
        print(f"error: cannot open database {args.db or 'default'}: {e}", file=sys.stderr)
        return 2
    try:
        return {
            "import": cmd_import,
            "suggest": cmd_suggest,
            "export": cmd_export,
            "stats": cmd_stats,
        }[command](store, args)
    except HanreiError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    finally:
        store.dispose()


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    from core.importer import import_paths

    counts = {"imported": 0, "present": 0, "failed": 0}
    annotator = args.annotator or default_annotator()
    for r in import_paths(
        store,
        args.paths,
        project=args.project,
        suggest=not args.no_suggest,
        options=normalize_options(args),
        annotator=annotator,
    ):
        counts[r.status] += 1
        if r.status == "imported":
            extra = f", {r.suggestions} suggestions" if not args.no_suggest else ""
            left = _left_out(r.counts)
            print(f"imported  #{r.document_id}  {r.path}  ({r.title}{extra}{left})", flush=True)
        elif r.status == "present":
            print(
                f"present   #{r.document_id}  {r.path}  (already imported, nothing added)",
                flush=True,
            )
        else:
            print(f"error: {r.path}: {r.reason}", file=sys.stderr, flush=True)
    total = sum(counts.values())
    if total == 0:
        print("error: no importable files found", file=sys.stderr)
        return 1
    print(
        f"{counts['imported']} imported, {counts['present']} already present, "
        f"{counts['failed']} failed"
    )
    return 1 if counts["failed"] else 0


def _left_out(counts: dict[str, int]) -> str:
    parts = [
        f"{k}={v}"
        for k, v in sorted(counts.items())
        if k.startswith(("chars_trimmed", "duplicate", "furniture"))
    ]
    return f"; left out: {', '.join(parts)}" if parts else ""


def cmd_suggest(store: Store, args: argparse.Namespace) -> int:
    from core.services import suggest

    ids = None if args.all else args.doc_ids
    if not args.all and not ids:
        print("error: name document ids or use --all", file=sys.stderr)
        return 2
    result = suggest(store, ids, redo=args.redo)
    for doc_id, n in result.items():
        print(f"#{doc_id}: {n} suggestions added")
    print(f"{len(result)} documents, {sum(result.values())} suggestions added")
    return 0


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    from core.dataset.jsonl import export_jsonl

    opts = ExportOptions(spans=args.spans, offsets=args.offsets, project=args.project)
    try:
        n_docs, n_spans = export_jsonl(store, args.out, opts)
    except OSError as e:
        print(f"error: {args.out}: cannot write ({e.strerror or e})", file=sys.stderr)
        return 1
    print(f"wrote {n_docs} documents, {n_spans} spans to {args.out} ({args.format})")
    return 0


def cmd_stats(store: Store, args: argparse.Namespace) -> int:
    from core.model import DOC_STATUS_JA
    from core.services import stats

    st = stats(store, args.project)
    print(f"database: {store.display_name()}")
    print(f"documents: {st.documents}")
    for status in ("new", "in_progress", "done"):
        print(f"  {status:<12} {DOC_STATUS_JA[status]:<4} {st.by_status.get(status, 0):>6}")
    print("spans per label:")
    print(f"  {'label':<12} {'suggested':>10} {'accepted':>10} {'rejected':>10} {'total':>8}")
    tot = {"suggested": 0, "accepted": 0, "rejected": 0}
    for key in sorted(st.spans):
        c = st.spans[key]
        for k in tot:
            tot[k] += c.get(k, 0)
        print(
            f"  {key:<12} {c.get('suggested', 0):>10} {c.get('accepted', 0):>10} "
            f"{c.get('rejected', 0):>10} {sum(c.values()):>8}"
        )
    print(
        f"  {'(all)':<12} {tot['suggested']:>10} {tot['accepted']:>10} {tot['rejected']:>10} "
        f"{sum(tot.values()):>8}"
    )
    return 0


def cmd_normalize(args: argparse.Namespace) -> int:
    from core.errors import InputError
    from core.text.pipeline import normalize
    from core.text.readers import read_document

    try:
        src = read_document(args.file)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    norm = normalize(src.raw_text, normalize_options(args))
    if args.diff:
        import difflib

        sys.stdout.writelines(
            difflib.unified_diff(
                norm.raw_text.splitlines(keepends=True),
                norm.text.splitlines(keepends=True),
                f"{args.file} (input)",
                f"{args.file} (text)",
            )
        )
    else:
        sys.stdout.write(norm.text)
        if not norm.text.endswith("\n"):
            sys.stdout.write("\n")
    summary = ", ".join(f"{k}={v}" for k, v in sorted(norm.counts.items())) or "no changes"
    print(f"# {summary}", file=sys.stderr)
    return 0

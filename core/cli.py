"""The command line (DESIGN §5). Every command calls the same services as the window."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.engine import make_url

from core.dataset.common import ExportOptions
from core.dataset.formats import EXPORT_FORMATS
from core.dataset.importer import IMPORT_FORMATS
from core.errors import HanreiError
from core.store.db import Store, db_url
from core.store.migrate import MigrationError, open_store
from core.text.pipeline import NormalizeOptions


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
    imp.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        default=None,
        help="read PATH as this dataset format (default: recognised by content)",
    )
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
    exp.add_argument("--labels", default=None, help="only these labels, e.g. MONEY,DATE")
    exp.add_argument("--status", default=None, help="only documents with these statuses, e.g. done")
    exp.add_argument(
        "--annotator",
        dest="only_annotator",
        default=None,
        help="only documents with a span by this annotator",
    )
    exp.add_argument("--split", default=None, help="train,dev[,test] fractions, e.g. 0.8,0.1,0.1")
    exp.add_argument("--seed", type=int, default=0, help="seed of the --split shuffle")
    exp.add_argument(
        "--layer",
        default="main",
        help="span layer to export: main (default), curated, or @NAME (an annotator's own)",
    )
    exp.add_argument("--doccano-form", choices=("label", "entities"), default="label")
    exp.add_argument(
        "--hf-tags",
        choices=("int", "str"),
        default="int",
        help="hf: tag ids with labels.json beside the file, or tag strings",
    )

    agr = sub.add_parser(
        "agreement", help="inter-annotator agreement of two annotators' own layers"
    )
    agr.add_argument("--a", required=True, metavar="NAME", help="first annotator")
    agr.add_argument("--b", required=True, metavar="NAME", help="second annotator")
    agr.add_argument("--mode", choices=("exact", "overlap"), default="exact")
    agr.add_argument("--project", default=None)

    asg = sub.add_parser("assign", help="assign documents to an annotator")
    asg.add_argument("doc_ids", nargs="+", type=int, metavar="DOC_ID")
    asg.add_argument("--to", required=True, metavar="NAME", help="the annotator")
    asg.add_argument("--remove", action="store_true", help="take the documents back")

    mode = sub.add_parser(
        "annotation-mode",
        help="show or set the project's mode: shared (one layer) or independent (double)",
    )
    mode.add_argument("mode", nargs="?", choices=("shared", "independent"))
    mode.add_argument("--project", default=None)

    st = sub.add_parser("stats", help="documents, spans per label and status")
    st.add_argument("--project", default=None)
    st.add_argument("--layer", default="main",
                    help="main (default), curated, @NAME, or all for every layer")

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


def safe_url(url: str) -> str:
    """The database URL as it may be shown or logged: the password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL we can parse: show nothing of it
        return "(unparsable database URL)"


def _hide(message: str, url: str) -> str:
    """Driver messages may quote the URL or the password; neither reaches the terminal."""
    try:
        password = make_url(url).password
    except Exception:
        password = None
    message = message.replace(url, safe_url(url))
    if password:
        message = message.replace(str(password), "***")
    return message


GuiRunner = Callable[[str, "str | None"], int]


def _settings_db() -> str | None:
    """The database chosen in 設定, when --db is not given."""
    from core.settings import Settings

    return Settings.load().database or None


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
        return gui(db_url(args.db or _settings_db()), args.annotator)
    if command == "normalize":
        return cmd_normalize(args)
    url = db_url(args.db or _settings_db())
    shown = safe_url(url) if args.db else "default"
    try:
        store = open_store(url)
    except (MigrationError, HanreiError) as e:
        print(f"error: database {shown}: {_hide(str(e), url)}", file=sys.stderr)
        return 2
    except Exception as e:  # a database that cannot be opened at all
        print(f"error: cannot open database {shown}: {_hide(str(e), url)}", file=sys.stderr)
        return 2
    try:
        return {
            "import": cmd_import,
            "suggest": cmd_suggest,
            "export": cmd_export,
            "stats": cmd_stats,
            "agreement": cmd_agreement,
            "assign": cmd_assign,
            "annotation-mode": cmd_annotation_mode,
        }[command](store, args)
    except HanreiError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    finally:
        store.dispose()


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    from core.dataset.importer import detect_format
    from core.importer import import_paths

    counts = {"imported": 0, "present": 0, "failed": 0}
    annotator = args.annotator or default_annotator()
    files: list[str] = []
    for path in args.paths:
        fmt = args.format or detect_format(Path(path))
        if fmt is None:
            files.append(path)
            continue
        _import_dataset(store, Path(path), fmt, args, annotator, counts)
    for r in import_paths(
        store,
        files,
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


def _import_dataset(
    store: Store,
    path: Path,
    fmt: str,
    args: argparse.Namespace,
    annotator: str,
    counts: dict[str, int],
) -> None:
    """A dataset file is one transaction: all its documents, or nothing and an error."""
    from core.dataset.importer import import_dataset

    r = import_dataset(store, path, fmt, project=args.project, annotator=annotator)
    if r.status == "failed":
        counts["failed"] += 1
        print(
            f"error: {path}: {r.reason}; nothing of this file was imported",
            file=sys.stderr,
            flush=True,
        )
        return
    counts["imported"] += len(r.documents)
    counts["present"] += r.present
    ids = f"#{r.documents[0]}..#{r.documents[-1]}" if r.documents else "-"
    present = f", {r.present} already present" if r.present else ""
    print(
        f"imported  {ids}  {path}  ({fmt}: {len(r.documents)} documents, {r.spans} spans{present})",
        flush=True,
    )


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


def _csv_set(arg: str | None) -> frozenset[str] | None:
    return frozenset(x.strip() for x in arg.split(",") if x.strip()) if arg else None


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    from core.dataset.formats import export, parse_split

    opts = ExportOptions(
        spans=args.spans,
        offsets=args.offsets,
        project=args.project,
        labels=_csv_set(args.labels),
        status=_csv_set(args.status),
        annotator=args.only_annotator,
        doccano_form=args.doccano_form,
        hf_tags=args.hf_tags,
        layer=args.layer,
    )
    from core.model import DOC_STATUSES

    unknown = sorted((opts.status or frozenset()) - set(DOC_STATUSES))
    if unknown:
        print(
            f"error: --status {','.join(unknown)}: one of {', '.join(DOC_STATUSES)}",
            file=sys.stderr,
        )
        return 2
    from core.layers import check_layer

    check_layer(args.layer)
    split = parse_split(args.split) if args.split else None
    try:
        results = export(store, args.format, args.out, opts, split, args.seed)
    except OSError as e:
        print(f"error: {args.out}: cannot write ({e.strerror or e})", file=sys.stderr)
        return 1
    for r in results:
        extra = "".join(f", {v} {k.replace('_', ' ')}" for k, v in r.extra.items())
        print(f"wrote {r.documents} documents, {r.spans} spans to {r.path} ({r.format}){extra}")
    return 0


def cmd_stats(store: Store, args: argparse.Namespace) -> int:
    from core.model import DOC_STATUS_JA
    from core.services import stats

    st = stats(store, args.project, None if args.layer == "all" else args.layer)
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


def cmd_agreement(store: Store, args: argparse.Namespace) -> int:
    from core.team import agreement

    r = agreement(store, (args.a, args.b), args.mode, args.project)
    print(f"agreement {r.a} vs {r.b} ({r.mode} match), layers @{r.a} / @{r.b}, "
          f"{len(r.documents)} documents annotated by both")
    print(f"  {'label':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for label in sorted(k for k in r.spans if k != "*") + (["*"] if "*" in r.spans else []):
        p = r.spans[label]
        name = "(all)" if label == "*" else label
        print(f"  {name:<12} {p.precision:>6.3f} {p.recall:>6.3f} {p.f1:>6.3f} "
              f"{p.tp:>5} {p.fp:>5} {p.fn:>5}")
    print("document tags, Cohen's kappa:")
    if not r.kappa:
        print("  (no document tagged by both)")
    for key, k in r.kappa.items():
        shown = "-" if k is None else f"{k:.3f}"
        print(f"  {key:<12} {shown:>6}  ({r.tag_items[key]} documents)")
    return 0


def cmd_assign(store: Store, args: argparse.Namespace) -> int:
    from core.assignments import assign, unassign

    if args.remove:
        for doc_id in args.doc_ids:
            done = unassign(store, doc_id, args.to, by=args.annotator)
            print(f"#{doc_id}: {'taken back from' if done else 'was not assigned to'} {args.to}")
        return 0
    for a in assign(store, args.doc_ids, args.to, by=args.annotator):
        print(f"#{a.document_id}: assigned to {a.annotator} ({a.status})")
    return 0


def cmd_annotation_mode(store: Store, args: argparse.Namespace) -> int:
    from core.team import annotation_mode, set_annotation_mode

    if args.mode:
        set_annotation_mode(store, args.mode, args.project, annotator=args.annotator)
    print(f"annotation mode: {annotation_mode(store, args.project)}")
    return 0


def cmd_normalize(args: argparse.Namespace) -> int:
    from core.errors import InputError
    from core.text.diff import normalize_file, render_diff

    try:
        norm = normalize_file(args.file, normalize_options(args))
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.diff:
        sys.stdout.write(render_diff(norm))
        return 0
    sys.stdout.write(norm.text)
    if not norm.text.endswith("\n"):
        sys.stdout.write("\n")
    summary = ", ".join(f"{k}={v}" for k, v in sorted(norm.counts.items())) or "no changes"
    print(f"# {summary}", file=sys.stderr)
    return 0

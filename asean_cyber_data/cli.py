"""The ``asean-cyber-data`` command: wires the stages together, nothing more.

Every mistake ends with one ``error:`` line on stderr and a non-zero exit, never a
traceback (:class:`messages.UserError` and ``OSError`` are caught in :func:`main`);
Ctrl-C exits with 130. ``validate``, ``info`` and ``export`` read the published release
by default, as the loaders do: the one inside the installed package, or ``build/`` of
the source checkout the package runs from.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from .messages import UserError, plural
from .version import SCHEMA_VERSION, __version__

MANIFEST = "manifest.json"


def _release(value: str | None) -> Path:
    """The release folder a command reads: ``value``, else the published release."""
    from .load import release_dir

    path = release_dir(value)
    if not path.exists():
        raise UserError(f"{path}: no such release folder")
    if not path.is_dir():
        raise UserError(f"{path}: a file, not a release folder")
    if not (path / MANIFEST).exists():
        raise UserError(f"{path}: not a release (no {MANIFEST})")
    return path


def _build(args: argparse.Namespace) -> int:
    from .build import build_release

    summary = build_release(
        Path(args.raw),
        Path(args.out),
        workers=args.workers,
        max_bytes=args.max_bytes,
        cache=Path(args.cache) if args.cache else None,
        use_cache=not args.no_cache,
        engine=args.engine,
        scheduler=args.scheduler,
        quiet=args.quiet,
        keep_copies=args.keep_copies,
        keep_off_topic=args.keep_off_topic,
        threshold=args.relevance_threshold,
        strict=args.strict,
    )
    print(summary.line())
    if not summary.published:
        where = f"see {summary.report}" if summary.report else "rejects report not written"
        print(
            f"--strict: {plural(summary.rejects, 'input')} rejected, {args.out} not replaced "
            f"({where})",
            file=sys.stderr,
        )
        return 1
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .validate import validate_release

    release = _release(args.release)
    problems = validate_release(release)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{release}: INVALID ({plural(len(problems), 'problem')})", file=sys.stderr)
        return 1
    manifest = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    print(f"{release}: valid (schema {manifest['schema_version']}, read by {SCHEMA_VERSION})")
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .build import extract_or_reject
    from .crawl import Skipped, read_input
    from .publish import record_json
    from .read import DEFAULT_MAX_BYTES, Document, Reject, discover

    status = 0
    for name in args.files:
        path = Path(name)
        if not path.exists():
            print(f"error: no such file or folder: {name}", file=sys.stderr)
            status = 1
            continue
        root = path.resolve() if path.is_dir() else path.resolve().parent
        files = list(discover(path.resolve()))
        if not files:
            print(f"error: {name}: a folder with no input files", file=sys.stderr)
            status = 1
        for file in files:
            shown = file.relative_to(root).as_posix() if path.is_dir() else name
            for item in read_input(file, root, DEFAULT_MAX_BYTES):
                if isinstance(item, Skipped):
                    continue  # a count of container items that are not articles
                if not isinstance(item, Document):
                    print(f"error: {shown}: {item.reason}: {item.message}", file=sys.stderr)
                    status = 1
                    continue
                result = extract_or_reject(item, keep_off_topic=True)
                if isinstance(result, Reject):
                    print(f"error: {shown}: {result.reason}: {result.message}", file=sys.stderr)
                    status = 1
                else:
                    print(record_json(result))
    return status


def _info(args: argparse.Namespace) -> int:
    from .load import load_records

    records = load_records(_release(args.release))
    print(
        f"asean-cyber-data {__version__}, schema {SCHEMA_VERSION}: {plural(len(records), 'record')}"
    )
    for title, counts in (
        ("language", Counter(r.language for r in records)),
        ("partner", Counter(r.partner.code if r.partner else "(none)" for r in records)),
        ("year", Counter(r.date[:4] if r.date else "(none)" for r in records)),
    ):
        print(f"by {title}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import check_floors, evaluate, format_table

    floors: dict[str, float] = {}
    for item in args.min or []:
        name, _, value = item.partition("=")
        try:
            floors[name.strip()] = float(value)
        except ValueError:
            print(f"error: --min expects FIELD=NUMBER, got {item!r}", file=sys.stderr)
            return 2
    report = evaluate(Path(args.gold_dir), part=args.part, show_holdout=args.show_holdout)
    print(
        json.dumps(report.to_json(), indent=2, ensure_ascii=False)
        if args.json
        else format_table(report)
    )
    failures = check_floors(report, floors)
    for failure in failures:
        print(f"below floor: {failure}", file=sys.stderr)
    return 1 if failures else 0


def _checkout_schema_root() -> Path:
    """``schema/`` of the source checkout this package runs from; an installed package
    has none to write into (its schemas are part of the installation)."""
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "schema").is_dir():
        return checkout / "schema"
    raise UserError(
        "schema write adds the schema file to a source checkout's schema/ folder, and this "
        "package is installed, not a checkout: run it from a checkout or give --out DIR"
    )


def _schema(args: argparse.Namespace) -> int:
    from .evolution import check
    from .schema_forms import json_schema_text, schema_path

    if args.action == "write":
        root = Path(args.out) if args.out else _checkout_schema_root()
        if not root.is_dir():
            raise UserError(f"--out {root}: no such folder")
        path = schema_path(root, version=SCHEMA_VERSION)
        path.parent.mkdir(exist_ok=True)
        path.write_text(json_schema_text(), encoding="utf-8")
        print(f"wrote {path}")
        return 0
    ok, lines = check()
    for line in lines:
        print(line)
    return 0 if ok else 1


def _migrate(args: argparse.Namespace) -> int:
    from .migrate import migrate_release

    summary = migrate_release(Path(args.release), Path(args.out))
    print(summary)
    return 0


def _export(args: argparse.Namespace) -> int:
    from .export import export_flat, export_spans

    release = _release(args.release)
    default = "records.csv" if args.kind == "flat" else "spans.jsonl"
    out = Path(args.out or default)
    if out.is_dir():
        raise UserError(f"--out {out} is a folder: give the file to write, e.g. {out / default}")
    if not out.parent.is_dir():
        state = "is not a folder" if out.parent.exists() else "does not exist"
        raise UserError(f"--out {out}: {out.parent} {state}")
    if args.kind == "flat":
        count = export_flat(out, release)
        print(f"wrote {plural(count, 'row')} of the flat table to {out}")
        return 0
    count = export_spans(out, release)
    print(f"wrote span labels of {plural(count, 'record')} to {out}")
    return 0


def _at_least_one(value: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {number}")
    return number


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="asean-cyber-data",
        description="Build, validate and read the ASEAN cyber-cooperation dataset.",
    )
    main.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__} (schema {SCHEMA_VERSION})"
    )
    sub = main.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build the release from raw articles")
    build.add_argument(
        "--raw", default="raw", help="folder of raw inputs, or one input file (default: raw)"
    )
    build.add_argument(
        "--out",
        default="build",
        help="release folder (default: build); must be missing, empty or a previous release, "
        "and outside --raw: nothing else is ever replaced",
    )
    build.add_argument(
        "--workers",
        type=_at_least_one,
        default=None,
        help="processes for extraction (default: all cores)",
    )
    build.add_argument(
        "--max-bytes",
        type=_at_least_one,
        default=2_000_000,
        help="per-file size limit in bytes (default: 2000000)",
    )
    build.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes (default) or a Dask cluster",
    )
    build.add_argument(
        "--scheduler",
        default=None,
        metavar="tcp://HOST:PORT",
        help="with --engine dask: a running scheduler (default: start a LocalCluster)",
    )
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.add_argument(
        "--cache",
        default=None,
        help="cache file for incremental builds (default: .cache/ beside --out)",
    )
    build.add_argument(
        "--no-cache", action="store_true", help="extract every input again, ignoring the cache"
    )
    build.add_argument(
        "--strict",
        action="store_true",
        help="publish nothing when any input is rejected: the previous release is kept, the "
        "rejects go to <out>.rejects.jsonl beside it, and the exit is non-zero (off-topic "
        "articles are not failures)",
    )
    build.add_argument(
        "--keep-off-topic",
        action="store_true",
        help="keep off-topic articles as records (relevance.relevant = false) instead of "
        "listing them in off_topic.jsonl.gz; the gate is not applied",
    )
    build.add_argument(
        "--relevance-threshold",
        type=float,
        default=None,
        metavar="SCORE",
        help="relevance score an article needs to be on-topic, in (0, 1] "
        "(default: the measured threshold, see README)",
    )
    build.add_argument(
        "--keep-copies",
        action="store_true",
        help="keep syndicated copies (near-duplicate articles) as records of their own",
    )
    build.set_defaults(run=_build)

    validate = sub.add_parser("validate", help="check a release against the schema")
    validate.add_argument(
        "release", nargs="?", default=None, help="release folder (default: the published release)"
    )
    validate.set_defaults(run=_validate)

    extract = sub.add_parser("extract", help="print the JSON record of each file")
    extract.add_argument(
        "files", nargs="+", help="input files, or folders: every input file under them"
    )
    extract.set_defaults(run=_extract)

    info = sub.add_parser("info", help="versions and counts of the release")
    info.add_argument(
        "release", nargs="?", default=None, help="release folder (default: the published release)"
    )
    info.set_defaults(run=_info)

    schema = sub.add_parser("schema", help="check or write the versioned JSON Schema")
    schema.add_argument(
        "action",
        choices=("check", "write"),
        help="check: is the version bumped as the model's changes require? "
        "write: commit the current version's JSON Schema file (in a source checkout)",
    )
    schema.add_argument(
        "--out",
        default=None,
        help="with write: the schema folder to write into (default: the "
        "checkout's schema/; required when the package is installed)",
    )
    schema.set_defaults(run=_schema)

    export = sub.add_parser("export", help="export training data from the release")
    export.add_argument(
        "kind",
        choices=("spans", "flat"),
        help="spans: character spans and token BIO tags per record (JSONL); "
        "flat: one row per article with plain columns (CSV for spreadsheets)",
    )
    export.add_argument(
        "--release", default=None, help="release folder (default: the published release)"
    )
    export.add_argument(
        "--out", default=None, help="output file (default: spans.jsonl or records.csv)"
    )
    export.set_defaults(run=_export)

    migrate = sub.add_parser("migrate", help="rewrite an older release with the current schema")
    migrate.add_argument("release", help="release folder written with an older schema")
    migrate.add_argument(
        "--out",
        required=True,
        help="folder for the migrated release: missing, empty or a previous release",
    )
    migrate.set_defaults(run=_migrate)

    evaluate = sub.add_parser("evaluate", help="measure extraction against gold annotations")
    evaluate.add_argument("gold_dir", help="folder with raw/ and gold*.jsonl")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument(
        "--part",
        choices=("all", "dev", "holdout"),
        default="all",
        help="which part the language columns, misses and --min floors cover: every "
        "article (default), the development part, or the part put aside by a stable hash",
    )
    evaluate.add_argument(
        "--show-holdout",
        action="store_true",
        help="also print the misses of held-out articles (they stay unread while developing)",
    )
    evaluate.add_argument(
        "--min",
        action="append",
        metavar="FIELD=VALUE",
        help="fail when FIELD's score is below VALUE (repeatable)",
    )
    evaluate.set_defaults(run=_evaluate)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except UserError as error:
        print(f"error: {error}", file=sys.stderr)
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {where}{error.strerror or error}", file=sys.stderr)
    except (ValueError, RuntimeError) as error:
        print("error: " + " ".join(str(error).split()), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())

"""The ``asean-cyber-data`` command: wires the stages together, nothing more."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from .version import SCHEMA_VERSION, __version__


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
    )
    print(summary.line())
    if args.strict and summary.rejects:
        print(
            f"--strict: {summary.rejects} inputs were rejected (see {args.out}/rejects.jsonl)",
            file=sys.stderr,
        )
        return 1
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .validate import validate_release

    release = Path(args.release)
    problems = validate_release(release)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{release}: INVALID ({len(problems)} problems)", file=sys.stderr)
        return 1
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    print(f"{release}: valid (schema {manifest['schema_version']}, read by {SCHEMA_VERSION})")
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .build import extract_or_reject
    from .crawl import Skipped, read_input
    from .publish import record_json
    from .read import DEFAULT_MAX_BYTES, Document, Reject

    status = 0
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"error: no such file: {name}", file=sys.stderr)
            status = 1
            continue
        for item in read_input(path.resolve(), path.resolve().parent, DEFAULT_MAX_BYTES):
            if isinstance(item, Skipped):
                continue  # a count of container items that are not articles
            if not isinstance(item, Document):
                print(f"error: {name}: {item.reason}: {item.message}", file=sys.stderr)
                status = 1
                continue
            result = extract_or_reject(item, keep_off_topic=True)
            if isinstance(result, Reject):
                print(f"error: {name}: {result.reason}: {result.message}", file=sys.stderr)
                status = 1
            else:
                print(record_json(result))
    return status


def _info(args: argparse.Namespace) -> int:
    from .load import load_records

    records = load_records(args.release)
    print(f"asean-cyber-data {__version__}, schema {SCHEMA_VERSION}: {len(records)} records")
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


def _schema(args: argparse.Namespace) -> int:
    from .evolution import check
    from .schema_forms import json_schema_text, schema_path

    if args.action == "write":
        path = schema_path(version=SCHEMA_VERSION)
        path.parent.mkdir(parents=True, exist_ok=True)
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

    release = Path(args.release) if args.release else None
    if args.kind == "flat":
        out = Path(args.out or "records.csv")
        count = export_flat(out, release)
        print(f"wrote {count} rows of the flat table to {out}")
        return 0
    out = Path(args.out or "spans.jsonl")
    count = export_spans(out, release)
    print(f"wrote {count} records of span labels to {out}")
    return 0


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
    build.add_argument("--raw", default="raw", help="folder of raw inputs (default: raw)")
    build.add_argument("--out", default="build", help="release folder (default: build)")
    build.add_argument(
        "--workers", type=int, default=None, help="processes for extraction (default: all cores)"
    )
    build.add_argument(
        "--max-bytes",
        type=int,
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
        help="exit non-zero when any input is rejected (off-topic articles are not failures)",
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
    validate.add_argument("release", nargs="?", default="build")
    validate.set_defaults(run=_validate)

    extract = sub.add_parser("extract", help="print the JSON record of each file")
    extract.add_argument("files", nargs="+")
    extract.set_defaults(run=_extract)

    info = sub.add_parser("info", help="versions and counts of the release")
    info.add_argument(
        "release", nargs="?", default=None, help="release folder (default: the packaged release)"
    )
    info.set_defaults(run=_info)

    schema = sub.add_parser("schema", help="check or write the versioned JSON Schema")
    schema.add_argument(
        "action",
        choices=("check", "write"),
        help="check: is the version bumped as the model's changes require? "
        "write: commit the current version's JSON Schema file",
    )
    schema.set_defaults(run=_schema)

    export = sub.add_parser("export", help="export training data from the release")
    export.add_argument(
        "kind",
        choices=("spans", "flat"),
        help="spans: character spans and token BIO tags per record (JSONL); "
        "flat: one row per article with plain columns (CSV for spreadsheets)",
    )
    export.add_argument("--release", default=None, help="release folder (default: packaged)")
    export.add_argument(
        "--out", default=None, help="output file (default: spans.jsonl or records.csv)"
    )
    export.set_defaults(run=_export)

    migrate = sub.add_parser("migrate", help="rewrite an older release with the current schema")
    migrate.add_argument("release", help="release folder written with an older schema")
    migrate.add_argument("--out", required=True, help="folder for the migrated release")
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
    except (FileNotFoundError, ValueError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

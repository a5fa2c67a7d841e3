"""Measure speed and memory of the build, the Dask engine and the loaders.

For each corpus size (default 1k, 10k, 100k generated articles, see ``generate.py``):

- extraction docs/s on one core (the pure per-document function, warm);
- end-to-end build wall time and peak RSS (whole process tree) with ``--workers 2``;
- an incremental rebuild after changing 1% of the inputs (cache warm);
- the same build on the Dask engine (a LocalCluster of 2 workers);
- ``load_pandas()`` against a bare ``pyarrow.parquet.read_table(...).to_pandas()``;
- the field accuracy the extractor achieves on what the generator planted.

    python benchmarks/run.py --sizes 1000 10000 100000 --json benchmarks/results.json

Prints a table and writes the numbers as JSON. Timing lives here, not in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate


def _corpus(workdir: Path, size: int) -> Path:
    corpus = workdir / f"corpus-{size}"
    marker = corpus / "gold.jsonl"
    if not marker.exists() or sum(1 for _ in marker.open()) != size:
        shutil.rmtree(corpus, ignore_errors=True)
        generate(corpus, size)
    return corpus


def _run_measured(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes, summed over the process tree) of a command."""
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {stderr.decode()[-2000:]}")
    return time.perf_counter() - started, peak


def _build(raw: Path, out: Path, *extra: str) -> tuple[float, int]:
    return _run_measured(
        [
            sys.executable,
            "-m",
            "asean_cyber_data.cli",
            "build",
            "--raw",
            str(raw),
            "--out",
            str(out),
            "--quiet",
            *extra,
        ]
    )


def extraction_rate(raw: Path, limit: int = 2000) -> float:
    """Documents per second of ``extract_document`` on one core (decoded, warm)."""
    from asean_cyber_data.build import read_inputs
    from asean_cyber_data.extract import extract_document
    from asean_cyber_data.read import Document

    docs = [
        d
        for d, _ in zip(read_inputs(raw, 2_000_000), range(limit), strict=False)
        if isinstance(d, Document)
    ]
    for doc in docs[:50]:
        extract_document(doc)
    started = time.perf_counter()
    for doc in docs:
        extract_document(doc)
    return len(docs) / (time.perf_counter() - started)


def load_timings(release: Path, repeat: int = 3) -> dict[str, float]:
    """``load_pandas()`` (id order, nested columns as Python lists) against a bare
    ``pyarrow.parquet.read_table(files).to_pandas()`` of the same release, best of
    ``repeat`` runs each (the machine is shared)."""
    import pyarrow.parquet as pq

    from asean_cyber_data import load_pandas
    from asean_cyber_data.layout import parquet_files

    files = [str(p) for p in parquet_files(release)]

    def best(run: Any) -> tuple[float, Any]:
        times, result = [], None
        for _ in range(repeat):
            started = time.perf_counter()
            result = run()
            times.append(time.perf_counter() - started)
        return min(times), result

    bare_seconds, bare = best(lambda: pq.read_table(files).to_pandas())
    load_seconds, loaded = best(lambda: load_pandas(release))
    assert len(loaded) == len(bare)
    return {
        "read_parquet_s": bare_seconds,
        "load_pandas_s": load_seconds,
        "load_ratio": load_seconds / bare_seconds,
    }


def accuracy(corpus: Path) -> dict[str, float]:
    from asean_cyber_data.evaluate import evaluate

    summary = evaluate(corpus).overall.summary()
    return {
        k: summary[k]
        for k in (
            "language",
            "date",
            "source",
            "speaker",
            "partner",
            "partners_f1",
            "initiatives_f1",
        )
    }


def bench(
    size: int, workdir: Path, dask: bool, incremental: bool, accuracy_limit: int
) -> dict[str, Any]:
    corpus = _corpus(workdir, size)
    raw = corpus / "raw"
    result: dict[str, Any] = {"size": size, "bytes": sum(p.stat().st_size for p in raw.iterdir())}
    result["extract_docs_per_s_one_core"] = extraction_rate(raw)
    out = workdir / f"release-{size}"
    seconds, peak = _build(raw, out, "--workers", "2", "--no-cache")
    result.update(build_s=seconds, build_docs_per_s=size / seconds, peak_rss_mb=peak / 2**20)
    result.update(load_timings(out))
    if incremental:
        cache = workdir / f"cache-{size}.sqlite"
        cache.unlink(missing_ok=True)
        cold, _ = _build(raw, workdir / f"inc-{size}", "--workers", "2", "--cache", str(cache))
        changed = sorted(raw.iterdir())[::100]
        backup = {p: p.read_bytes() for p in changed}
        try:
            for path in changed:
                path.write_bytes(path.read_bytes().replace(b"ASEAN", b"Asean", 1))
            warm, _ = _build(raw, workdir / f"inc-{size}", "--workers", "2", "--cache", str(cache))
        finally:
            for path, data in backup.items():
                path.write_bytes(data)
        result.update(
            cold_cache_build_s=cold, incremental_1pct_s=warm, incremental_ratio=warm / seconds
        )
    if dask:
        dask_seconds, dask_peak = _build(
            raw, workdir / f"dask-{size}", "--engine", "dask", "--workers", "2"
        )
        result.update(dask_build_s=dask_seconds, dask_peak_rss_mb=dask_peak / 2**20)
    if size <= accuracy_limit:
        result["planted_accuracy"] = accuracy(corpus)
    return result


def table(results: list[dict[str, Any]]) -> str:
    columns = [
        ("size", "{:,}"),
        ("extract_docs_per_s_one_core", "{:.0f}"),
        ("build_s", "{:.1f}"),
        ("build_docs_per_s", "{:.0f}"),
        ("peak_rss_mb", "{:.0f}"),
        ("incremental_1pct_s", "{:.1f}"),
        ("dask_build_s", "{:.1f}"),
        ("load_ratio", "{:.2f}"),
    ]
    header = " | ".join(name for name, _ in columns)
    lines = [header, " | ".join("---" for _ in columns)]
    for row in results:
        lines.append(
            " | ".join(fmt.format(row[name]) if name in row else "–" for name, fmt in columns)
        )
    for row in results:
        if "planted_accuracy" in row:
            lines.append(
                f"\nplanted-field accuracy at {row['size']:,}: "
                + ", ".join(f"{k} {v:.3f}" for k, v in row["planted_accuracy"].items())
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/asean-cyber-data-bench"))
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--no-incremental", action="store_true")
    parser.add_argument(
        "--accuracy-limit", type=int, default=10000, help="measure planted accuracy up to this size"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes:
        results.append(
            bench(
                size, args.workdir, not args.no_dask, not args.no_incremental, args.accuracy_limit
            )
        )
        print(table(results[-1:]), flush=True)
    print()
    print(table(results))
    machine = {"cores": os.cpu_count(), "python": sys.version.split()[0]}
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()

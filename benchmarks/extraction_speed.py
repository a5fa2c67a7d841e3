"""Extraction speed of this checkout against an earlier commit, on the same articles.

    python benchmarks/extraction_speed.py --ref aa9df8b [--articles 300] [--rounds 3]

Both versions extract the same generated articles (``generate.py``, seed 7) in a fresh
process each, after a warm-up, with the pure per-document function ``extract``;
the best of ``--rounds`` is kept. Speed is articles per **CPU second** of that process,
which another load on the machine inflates far less than wall time, and the two are
measured alternately so drift hits both. The earlier commit is checked out into a
temporary git worktree (removed afterwards); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

from asean_cyber_data.read import decode

ROOT = Path(__file__).resolve().parent.parent

#: Run in a fresh interpreter with the package of ``sys.argv[1]`` first on the path.
MEASURE = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from asean_cyber_data import extract
texts = json.load(open(sys.argv[2], encoding="utf-8"))
for text in texts[:50]:
    extract(text)
best = 0.0
for _ in range(int(sys.argv[3])):
    start = time.process_time()
    for text in texts:
        extract(text)
    best = max(best, len(texts) / (time.process_time() - start))
print(best)
"""


def _speed(package_root: Path, texts: Path, rounds: int) -> float:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(package_root), str(texts), str(rounds)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),  # not this checkout: the path decides which package
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ref", required=True, help="the earlier commit to compare with")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=2, help="alternating measurements")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = generate(work / "corpus", args.articles)
        files = sorted((corpus / "raw").glob("*.txt"))
        texts = [decode(p.read_bytes())[0] for p in files]  # both read the same text
        texts_file = work / "texts.json"
        texts_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        earlier = work / "earlier"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(earlier), args.ref],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            before: list[float] = []
            now: list[float] = []
            for _ in range(args.repeats):
                before.append(_speed(earlier, texts_file, args.rounds))
                now.append(_speed(ROOT, texts_file, args.rounds))
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(earlier)], cwd=ROOT, check=True
            )
    print(
        json.dumps(
            {
                "articles": len(texts),
                "ref": args.ref,
                "ref_articles_per_cpu_s": round(max(before), 1),
                "now_articles_per_cpu_s": round(max(now), 1),
                "ratio": round(max(now) / max(before), 3),
            }
        )
    )


if __name__ == "__main__":
    main()

"""Train a small CPU tagger on the exported evidence spans and score it.

An averaged perceptron over simple token features (word, shape, affixes, neighbours):
no GPU, no extra dependency, seconds to train. It learns from the ``train`` split of a
release and reports span-level precision / recall / F1 (a predicted entity is right
when its label, start and end all match) on the ``validation`` split.

    python examples/train_tagger.py [--release build/] [--epochs 8]

The numbers say how learnable the release's labels are, not how good the rule-based
extractor is: the model imitates the extractor.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from asean_cyber_data import load_records
from asean_cyber_data.export import span_rows


def shape(token: str) -> str:
    out = []
    for char in token[:6]:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def features(tokens: list[str], i: int) -> list[str]:
    word = tokens[i]
    low = word.lower()
    prev = tokens[i - 1].lower() if i else "<s>"
    prev2 = tokens[i - 2].lower() if i > 1 else "<s>"
    nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else "</s>"
    return [
        "bias",
        f"w={low}",
        f"shape={shape(word)}",
        f"pre={low[:3]}",
        f"suf={low[-3:]}",
        f"prev={prev}",
        f"prev2={prev2}",
        f"next={nxt}",
        f"prev+w={prev}|{low}",
        f"prevshape={shape(tokens[i - 1]) if i else '<s>'}",
    ]


class Perceptron:
    """Averaged multiclass perceptron (Collins, 2002)."""

    def __init__(self, labels: Iterable[str]) -> None:
        self.labels = sorted(set(labels))
        self.weights: dict[str, dict[str, float]] = defaultdict(dict)
        self._totals: dict[tuple[str, str], float] = defaultdict(float)
        self._stamps: dict[tuple[str, str], int] = defaultdict(int)
        self.step = 0

    def predict(self, feats: list[str]) -> str:
        scores = dict.fromkeys(self.labels, 0.0)
        for feat in feats:
            for label, weight in self.weights.get(feat, {}).items():
                scores[label] += weight
        return max(self.labels, key=lambda label: (scores[label], label == "O"))

    def update(self, truth: str, guess: str, feats: list[str]) -> None:
        self.step += 1
        if truth == guess:
            return
        for feat in feats:
            for label, delta in ((truth, 1.0), (guess, -1.0)):
                key = (feat, label)
                current = self.weights[feat].get(label, 0.0)
                self._totals[key] += (self.step - self._stamps[key]) * current
                self._stamps[key] = self.step
                self.weights[feat][label] = current + delta

    def average(self) -> None:
        for feat, labels in self.weights.items():
            for label, weight in labels.items():
                key = (feat, label)
                total = self._totals[key] + (self.step - self._stamps[key]) * weight
                labels[label] = total / max(self.step, 1)


def entities(tags: list[str]) -> set[tuple[int, int, str]]:
    found, start, label = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            found.add((start, i, label or ""))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return found


def train(rows: list[dict[str, Any]], epochs: int, seed: int = 0) -> Perceptron:
    model = Perceptron(tag for row in rows for tag in row["tags"])
    examples = [(row["tokens"], row["tags"]) for row in rows]
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for tokens, tags in examples:
            for i, truth in enumerate(tags):
                feats = features(tokens, i)
                model.update(truth, model.predict(feats), feats)
    model.average()
    return model


def score(model: Perceptron, rows: list[dict[str, Any]]) -> dict[str, float]:
    right = predicted = gold = 0
    for row in rows:
        guess = [model.predict(features(row["tokens"], i)) for i in range(len(row["tokens"]))]
        truth_entities, guess_entities = entities(row["tags"]), entities(guess)
        right += len(truth_entities & guess_entities)
        predicted += len(guess_entities)
        gold += len(truth_entities)
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "entities": gold,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--release", type=Path, default=None, help="default: the packaged one")
    parser.add_argument("--epochs", type=int, default=8)
    args = parser.parse_args()
    rows = list(span_rows(load_records(args.release)))
    splits = {name: [r for r in rows if r["split"] == name] for name in ("train", "validation")}
    if not splits["train"]:
        raise SystemExit("the release has no training records")
    model = train(splits["train"], args.epochs)
    result = {
        "train_records": len(splits["train"]),
        "validation_records": len(splits["validation"]),
        "validation": score(model, splits["validation"]) if splits["validation"] else None,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

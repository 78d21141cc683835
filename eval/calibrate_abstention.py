"""Calibrate the abstention threshold on a gold set (default eval/gold.jsonl), and report it held out.

For every question the assistant's confidence (its best sentence's score after the
answer-type and unknown-name checks) is recorded with abstention switched off, with whether
that answer contains a gold answer. A threshold (half-way between two neighbouring
confidences) is scored by the share of unanswerable questions it abstains on and the share of
answerable ones it wrongly abstains on. Among thresholds whose false abstention stays within
the budget (default 5%), the chosen one maximises abstention - 2 x false abstention: a wrong
refusal costs more than a missed one.

Held out: the questions are split by document (an answerable question goes with the document
of its first evidence quote; unanswerable ones alternate between the folds). Each fold's
threshold is chosen on the other folds and scored on it, and a logistic curve fitted on the
other folds turns confidence into the probability that the answer is right; its Brier score on
the fold is printed beside that of a constant guess.

    python eval/calibrate_abstention.py [--gold eval/gold.jsonl] [--index index] [--budget 0.05]
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Point:
    fold: str
    answerable: bool
    confidence: float
    right: bool  # the unthresholded answer contains a gold answer


def choose(points: list[Point], budget: float) -> float:
    """The threshold for `points`: most abstention - 2 x false abstention within the budget."""
    values = sorted({p.confidence for p in points})
    candidates = [round((a + b) / 2, 3) for a, b in zip(values, values[1:])] or values[:1] or [0.0]
    allowed = [t for t in candidates if rates(points, t)[1] <= budget]
    return max(allowed, key=lambda t: (rates(points, t)[0] - 2 * rates(points, t)[1], -t)) if allowed else 0.0


def rates(points: list[Point], threshold: float) -> tuple[float, float]:
    """(abstention on unanswerable questions, false abstention on answerable ones) at `threshold`."""
    unanswerable = [p for p in points if not p.answerable]
    answerable = [p for p in points if p.answerable]
    abstain = sum(p.confidence < threshold for p in unanswerable) / max(1, len(unanswerable))
    return abstain, sum(p.confidence < threshold for p in answerable) / max(1, len(answerable))


def fit_logistic(points: list[Point], steps: int = 500) -> tuple[float, float]:
    """(a, b) of P(right) = 1 / (1 + exp(-(a x confidence + b))), by Newton's method on the log loss
    (answerable questions; an unanswerable question counts as "right" never)."""
    a = b = 0.0
    for _ in range(steps):
        ga = gb = haa = hab = hbb = 0.0
        for p in points:
            q = 1.0 / (1.0 + math.exp(-(a * p.confidence + b)))
            y = 1.0 if p.right else 0.0
            ga += (q - y) * p.confidence
            gb += q - y
            w = q * (1 - q) + 1e-9
            haa += w * p.confidence**2
            hab += w * p.confidence
            hbb += w
        det = haa * hbb - hab * hab
        if abs(det) < 1e-12:
            break
        a -= (hbb * ga - hab * gb) / det
        b -= (haa * gb - hab * ga) / det
    return a, b


def brier(points: list[Point], probability) -> float:
    return sum((probability(p) - (1.0 if p.right else 0.0)) ** 2 for p in points) / max(1, len(points))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"))
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--budget", type=float, default=0.05, help="largest acceptable false-abstention rate")
    args = parser.parse_args()

    from dataclasses import replace

    from qa.answering.answerer import answer
    from qa.evaluation.gold import load_gold
    from qa.evaluation.metrics import answer_contains
    from qa.retrieval.retriever import get_retriever
    from qa.settings import AnswerSettings

    items = load_gold(args.gold)
    retriever = get_retriever(args.index)
    current = AnswerSettings().abstain_below
    # Record every confidence: with no threshold only the answer-type gates abstain (confidence 0).
    unthresholded = replace(AnswerSettings(), abstain_below=float("-inf"))
    points = []
    for n, item in enumerate(items):
        reply = answer(item.question, list(item.history), retriever=retriever, settings=unthresholded)
        fold = item.evidence[0].doc if item.answerable and item.evidence else f"unanswerable-{n % 2}"
        right = item.answerable and not reply.abstained and answer_contains(reply.text, item.answers)
        points.append(Point(fold, item.answerable, reply.confidence, right))
    if not any(p.answerable for p in points):
        print("the gold set has no answerable questions", file=sys.stderr)
        return 1

    answerable = sum(p.answerable for p in points)
    print(f"{answerable} answerable, {len(points) - answerable} unanswerable questions; current threshold {current}")
    chosen = choose(points, args.budget)
    print(f"{'threshold':>9}  {'abstain on unanswerable':>24}  {'false abstention':>16}")
    for threshold in sorted({round(x, 3) for x in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, chosen, current]}):
        abstain, false = rates(points, threshold)
        mark = "  <- chosen on all" if threshold == chosen else ("  <- current" if threshold == current else "")
        print(f"{threshold:>9.3f}  {abstain:>24.1%}  {false:>16.1%}{mark}")

    # Held out by document: two folds, the documents' answerable questions and half the unanswerable each.
    documents = sorted({p.fold for p in points if p.answerable})
    folds = {d: f"fold-{i % 2}" for i, d in enumerate(documents)} | {"unanswerable-0": "fold-0", "unanswerable-1": "fold-1"}
    print("\nheld out (threshold and probability curve fitted on the other fold):")
    print(f"{'fold':>7}  {'questions':>9}  {'threshold':>9}  {'abstain':>8}  {'false abst.':>11}  {'Brier':>6}  {'Brier, constant':>15}")
    for fold in sorted(set(folds.values())):
        inside = [p for p in points if folds[p.fold] == fold]
        outside = [p for p in points if folds[p.fold] != fold]
        threshold = choose(outside, args.budget)
        abstain, false = rates(inside, threshold)
        a, b = fit_logistic(outside)
        base = sum(p.right for p in outside) / max(1, len(outside))
        curve = brier(inside, lambda p: 1.0 / (1.0 + math.exp(-(a * p.confidence + b))))
        print(f"{fold:>7}  {len(inside):>9}  {threshold:>9.3f}  {abstain:>8.1%}  {false:>11.1%}  {curve:>6.3f}  {brier(inside, lambda p: base):>15.3f}")
    a, b = fit_logistic(points)
    print(f"\nP(answer right) = 1 / (1 + exp(-({a:.2f} x confidence + {b:.2f}))) on all questions; "
          f"at the current threshold {current}: {1 / (1 + math.exp(-(a * current + b))):.2f}")
    print(f"to change it, set AnswerSettings.abstain_below = {chosen} in src/qa/settings.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())

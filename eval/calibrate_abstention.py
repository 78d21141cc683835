"""Calibrate the abstention threshold on a gold set (default eval/gold.jsonl).

For every question the assistant's confidence (its best sentence's score after the
answer-type and unknown-name checks) is recorded with abstention switched off; then
each candidate threshold (half-way between two neighbouring confidences) is scored by the
share of unanswerable questions it abstains on and the share of answerable ones it wrongly
abstains on. Among thresholds whose false abstention stays within the budget (default 5%),
the chosen one maximises abstention - 2 x false abstention: a wrong refusal costs more than
a missed one, and the margin keeps unseen questions within the budget.

    python eval/calibrate_abstention.py [--gold eval/gold.jsonl] [--index index] [--budget 0.05]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"))
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--budget", type=float, default=0.05, help="largest acceptable false-abstention rate")
    args = parser.parse_args()

    from dataclasses import replace

    from qa.answering.answerer import answer
    from qa.evaluation.gold import load_gold
    from qa.retrieval.retriever import get_retriever
    from qa.settings import AnswerSettings

    items = load_gold(args.gold)
    retriever = get_retriever(args.index)
    current = AnswerSettings().abstain_below
    # Record every confidence: with no threshold only the answer-type gates abstain (confidence 0).
    unthresholded = replace(AnswerSettings(), abstain_below=float("-inf"))
    confidences = [
        (item.answerable, answer(item.question, list(item.history), retriever=retriever, settings=unthresholded).confidence)
        for item in items
    ]
    answerable = sorted(c for ok, c in confidences if ok)
    unanswerable = sorted(c for ok, c in confidences if not ok)
    if not answerable:
        print("the gold set has no answerable questions", file=sys.stderr)
        return 1

    print(f"{len(answerable)} answerable, {len(unanswerable)} unanswerable questions; current threshold {current}")
    print(f"{'threshold':>9}  {'abstain on unanswerable':>24}  {'false abstention':>16}")

    def rates(threshold: float) -> tuple[float, float]:
        abstain = sum(c < threshold for c in unanswerable) / max(1, len(unanswerable))
        return abstain, sum(c < threshold for c in answerable) / len(answerable)

    points = sorted(set(answerable + unanswerable))
    candidates = [round((a + b) / 2, 3) for a, b in zip(points, points[1:])] or [points[0]]
    allowed = [t for t in candidates if rates(t)[1] <= args.budget]
    chosen = max(allowed, key=lambda t: (rates(t)[0] - 2 * rates(t)[1], -t)) if allowed else 0.0
    for threshold in sorted({round(x, 3) for x in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, chosen]}):
        abstain, false = rates(threshold)
        mark = "  <- chosen" if threshold == chosen else ""
        print(f"{threshold:>9.3f}  {abstain:>24.1%}  {false:>16.1%}{mark}")
    print(f"set AnswerSettings.abstain_below = {chosen} in src/qa/settings.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())

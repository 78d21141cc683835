"""Calibrate the abstention threshold on a gold set (default eval/gold.jsonl).

For every question the assistant's confidence (its best sentence's score after the
answer-type and unknown-name checks) is recorded with abstention switched off; then
each candidate threshold is scored by the share of unanswerable questions it abstains on
and the share of answerable ones it wrongly abstains on. The chosen threshold is the
highest whose false abstention stays within the budget (default 5%), placed half-way to the
next answerable confidence so small shifts do not flip answers.

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

    import qa.answering as answering
    from qa.evaluation.gold import load_gold
    from qa.retrieval import get_retriever

    items = load_gold(args.gold)
    retriever = get_retriever(args.index)
    current = answering.ABSTAIN_BELOW
    answering.ABSTAIN_BELOW = float("-inf")  # record every confidence; gates still abstain (confidence 0)
    try:
        confidences = [
            (item.answerable, answering.answer(item.question, list(item.history), retriever=retriever).confidence)
            for item in items
        ]
    finally:
        answering.ABSTAIN_BELOW = current
    answerable = sorted(c for ok, c in confidences if ok)
    unanswerable = sorted(c for ok, c in confidences if not ok)
    if not answerable:
        print("the gold set has no answerable questions", file=sys.stderr)
        return 1

    print(f"{len(answerable)} answerable, {len(unanswerable)} unanswerable questions; current threshold {current}")
    print(f"{'threshold':>9}  {'abstain on unanswerable':>24}  {'false abstention':>16}")
    allowed = int(args.budget * len(answerable))
    # Abstaining below answerable[allowed] wrongly abstains on at most `allowed` questions.
    ceiling = answerable[allowed]
    floor = answerable[allowed - 1] if allowed > 0 else 0.0
    chosen = round((floor + ceiling) / 2, 3)
    for threshold in sorted({round(x, 3) for x in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, chosen]}):
        abstain = sum(c < threshold for c in unanswerable) / max(1, len(unanswerable))
        false = sum(c < threshold for c in answerable) / len(answerable)
        mark = "  <- chosen" if threshold == chosen else ""
        print(f"{threshold:>9.3f}  {abstain:>24.1%}  {false:>16.1%}{mark}")
    print(f"set ABSTAIN_BELOW = {chosen} in src/qa/answering.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())

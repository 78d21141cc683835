"""Warm `qa.answer()` latency.

One process loads the index, warms up, then measures `answer(question, retriever=r)` on
distinct questions in three regimes:

* fresh caches: both the query-embedding LRU cache and answering's sentence-vector cache
  emptied first (the first questions a new server answers);
* steady state: query cache emptied per repeat, sentence vectors left cached from earlier
  questions (a server that has answered for a while; with a small corpus most sentences are
  cached after a few questions);
* repeated question: everything cached.

Before every pass but the repeated one, the span readers' caches of read pairs are emptied, so
that each pass reads its questions; "without short answers" runs no reader at all (nor the
reader's choice of lead).

First-streamed-token latency needs the chat UI and is measured by the UI engineer there
(`qa serve`); it is not measured here.

    python benchmarks/bench_answer.py [--index index] [--questions 100] [--reps 3] [--out a.json]
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from pathlib import Path

import common
from common import figure, say, summary_ms


def measure(index: Path, n_questions: int, reps: int, warmup: int) -> dict:
    common.offline_env_in_process()
    from qa.answering.answerer import answer
    from qa.answering.reader import get_reader
    from qa.retrieval.retriever import Retriever
    from qa.settings import AnswerSettings

    # Without the span reader at all: no short answer, and the sentence model's lead always kept.
    no_short = AnswerSettings(short_answers=False, rerank_sentences=1)
    # The span reader at the precision that is not the default, measured in the same passes.
    other = "int8" if AnswerSettings().reader_precision == "fp32" else "fp32"
    other_precision = AnswerSettings(reader_precision=other)
    # The lead as the sentence model chose it: the reader reads one sentence, not the best few.
    one_lead = AnswerSettings(rerank_sentences=1)

    retriever = Retriever(index)
    texts = [p.text for p in retriever.passages]
    questions = common.make_questions(texts, n_questions + warmup, seed=11, seeds=common.gold_questions())
    measured, warm = questions[:n_questions], questions[n_questions:]
    for q in warm or measured[:3]:
        answer(q, retriever=retriever)

    shorts = 0

    def run(order: list[str], settings: AnswerSettings | None = None, *, repeated: bool = False) -> tuple[list[float], int]:
        nonlocal shorts
        # The readers keep their last pairs' logits: a pass must read its questions, not find them
        # read by the pass before (the repeated-question pass alone measures that cache).
        if not repeated:
            for precision in ("fp32", "int8"):
                reader = get_reader(precision=precision)
                if reader is not None:
                    reader.clear_cache()
        times, abstained = [], 0
        for q in order:
            t0 = time.perf_counter()
            result = answer(q, retriever=retriever, settings=settings)
            times.append(time.perf_counter() - t0)
            abstained += result.abstained
            shorts += result.short is not None
        return times, abstained

    rng = random.Random(5)
    retriever.clear_caches()
    gc.collect()
    fresh, abstained = run(list(measured))
    say(f"  fresh caches: p50 {summary_ms(fresh)['p50_ms']:.2f} ms")
    with_short = shorts
    run(measured[:3], other_precision)  # builds or loads that reader before anything is timed
    steady_reps, repeated_reps, baseline_reps, other_reps, one_lead_reps = [], [], [], [], []
    for rep in range(reps):
        order = list(measured)
        rng.shuffle(order)
        # Baseline in the same process: the same pass without the span reader (short answers off).
        retriever.clear_caches(sentences=False)
        gc.collect()
        baseline, _ = run(order, no_short)
        retriever.clear_caches(sentences=False)
        gc.collect()
        steady, _ = run(order)
        repeated, _ = run(order, repeated=True)
        retriever.clear_caches(sentences=False)
        gc.collect()
        other_pass, _ = run(order, other_precision)
        other_reps.append(summary_ms(other_pass))
        retriever.clear_caches(sentences=False)
        gc.collect()
        one_lead_pass, _ = run(order, one_lead)
        one_lead_reps.append(summary_ms(one_lead_pass))
        steady_reps.append(summary_ms(steady))
        repeated_reps.append(summary_ms(repeated))
        baseline_reps.append(summary_ms(baseline))
        say(f"  rep {rep + 1}/{reps}: steady p50 {steady_reps[-1]['p50_ms']:.2f} ms (without short answers "
            f"{baseline_reps[-1]['p50_ms']:.2f} ms, reader in {other} {other_reps[-1]['p50_ms']:.2f} ms, "
            f"reader on the lead only {one_lead_reps[-1]['p50_ms']:.2f} ms), "
            f"repeated p50 {repeated_reps[-1]['p50_ms']:.2f} ms")

    def med(reps_: list[dict], key: str) -> float:
        return round(common.median(r[key] for r in reps_), 3)

    return {
        "index": str(index),
        "passages": len(retriever),
        "questions": len(measured),
        "reps": reps,
        "abstained_share": round(abstained / max(1, len(measured)), 3),
        "short_answer_share": round(with_short / max(1, len(measured)), 3),
        "fresh_caches": summary_ms(fresh),
        "steady": {"p50_ms": med(steady_reps, "p50_ms"), "p95_ms": med(steady_reps, "p95_ms"), "per_rep": steady_reps},
        "repeated": {"p50_ms": med(repeated_reps, "p50_ms"), "p95_ms": med(repeated_reps, "p95_ms"), "per_rep": repeated_reps},
        "without_short": {"p50_ms": med(baseline_reps, "p50_ms"), "p95_ms": med(baseline_reps, "p95_ms"), "per_rep": baseline_reps},
        "reader_precision": AnswerSettings().reader_precision,
        "reader_rerank": AnswerSettings().rerank_sentences,
        "other_precision": {"precision": other, "p50_ms": med(other_reps, "p50_ms"), "p95_ms": med(other_reps, "p95_ms"),
                            "per_rep": other_reps},
        "one_lead": {"p50_ms": med(one_lead_reps, "p50_ms"), "p95_ms": med(one_lead_reps, "p95_ms"), "per_rep": one_lead_reps},
        "sentence_cache_size": retriever.cache_sizes()["sentences"],
    }


def section(result: dict) -> dict:
    n, reps = result["questions"], result["reps"]
    how = f"answer(q, retriever=r), {n} distinct questions on {result['passages']} passages"
    s, f, r = result["steady"], result["fresh_caches"], result["repeated"]
    figures = [
        figure("answer p50, steady state", s["p50_ms"], "ms", how + f"; query cache cleared, sentence vectors cached; median of {reps} repeats", ""),
        figure("answer p95, steady state", s["p95_ms"], "ms", "same", ""),
        figure("answer p50, fresh caches", f["p50_ms"], "ms", how + "; one pass with query and sentence caches emptied", ""),
        figure("answer p95, fresh caches", f["p95_ms"], "ms", "same", ""),
        figure("answer p50, repeated question", r["p50_ms"], "ms", "same questions again, all caches hit", ""),
        figure("answer p50, steady, without short answers", result["without_short"]["p50_ms"], "ms",
               f"same pass with AnswerSettings(short_answers=False), interleaved; {result['short_answer_share']:.0%} of "
               "the questions get a short answer", ""),
        figure(f"answer p50, steady, span reader in {result['other_precision']['precision']}", result["other_precision"]["p50_ms"], "ms",
               f"same pass with AnswerSettings(reader_precision={result['other_precision']['precision']!r}), interleaved "
               f"(default: {result['reader_precision']})", ""),
        figure("answer p50, steady, reader on the lead only", result["one_lead"]["p50_ms"], "ms",
               "same pass with AnswerSettings(rerank_sentences=1): the reader does not weigh the best few sentences "
               f"for the lead (default: {result['reader_rerank']})", ""),
        figure("first streamed token", "not measured here", "ms", "needs the chat UI: measured by the UI engineer in `qa serve`", ""),
    ]
    return {"area": "answering", "figures": figures, "details": result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=common.ROOT / "index")
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.quick:
        args.questions, args.warmup, args.reps = 6, 2, 1
    say(f"answer latency on {args.index} ({args.questions} questions)")
    sec = section(measure(args.index, args.questions, args.reps, args.warmup))
    common.print_figures(sec)
    common.write_section(args.out, sec)


if __name__ == "__main__":
    main()

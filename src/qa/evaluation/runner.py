"""`qa eval` in gold mode: score the assistant on a gold set (GOLD_FORMAT.md).

For every gold question:
  - `Retriever.retrieve(question, k=K, history=history)` gives the ranked passages; each is
    relevant when it contains an evidence quote (`relevance_flags`, GOLD_FORMAT.md);
  - `qa.answering.answerer.answer(question, history, retriever=..., settings=...)` gives the
    answer; its citations (none when it abstained) are judged by the same rule;
  - `contains` reads the answer text without its [n] citation markers (`common.scoring_text`);
    EM and F1 read the short answer when there is one (`common.short_text`).
The results are aggregated with `aggregate(results, ks=(1, 5, 10))`, printed as a table (or as
JSON with --json) and written with `write_report` (report.json, report.md, failures.csv,
report.png).
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from qa.errors import InputError
from qa.evaluation.common import (
    REPORTS_DIR,
    EvalRun,
    emit,
    file_sha256,
    index_meta,
    passage_label,
    progress_bar,
    rate,
    report_ks,
    run_facts,
    scoring_text,
    short_text,
    retrieval_settings,
    show_progress,
)
from qa.evaluation.metrics import QuestionResult, aggregate
from qa.inputs import check_k
from qa.settings import AnswerSettings, RetrievalSettings

log = logging.getLogger(__name__)

DEFAULT_GOLD = Path("eval") / "gold.jsonl"


def run_gold_cli(args: argparse.Namespace) -> int:
    """`qa eval [gold] [FILE] [--gold FILE]`: run, write the report, print it; returns the exit code."""
    gold_path = args.gold
    if gold_path is None and args.path is not None:
        gold_path = args.path  # `qa eval gold FILE`
    if gold_path is None:
        if not DEFAULT_GOLD.is_file():
            raise InputError(f"give the gold set: qa eval --gold FILE (no {DEFAULT_GOLD} here)")
        gold_path = DEFAULT_GOLD
    gold_path = Path(gold_path)
    out_dir = Path(args.out) if args.out is not None else REPORTS_DIR / gold_path.stem
    run = run_gold(gold_path, index=args.index, k=args.k, limit=args.limit, progress=show_progress(args),
                   retrieval=retrieval_settings(args))
    paths = run.write(out_dir)
    emit(run, paths, as_json=args.json)
    return 0


def run_gold(
    gold_path: Path | str,
    *,
    index: Path | str | None = None,
    k: int = 10,
    limit: int | None = None,
    progress: bool = False,
    settings: AnswerSettings | None = None,
    retrieval: RetrievalSettings | None = None,
) -> EvalRun:
    """Score the assistant on a gold set (GOLD_FORMAT.md) against an index.

    Args:
        gold_path: The gold set (JSON Lines). It is read and checked before anything is loaded,
            so a malformed line fails fast with its line number.
        index: Index folder; defaults to $QA_INDEX or ./index.
        k: Passages retrieved per question for the retrieval metrics.
        limit: Score only the first `limit` questions.
        progress: Show a progress bar on stderr.
        settings: How answers are given; defaults to AnswerSettings(). Recorded in the meta.
        retrieval: How passages are retrieved; defaults to RetrievalSettings(). Recorded in the meta.

    Returns:
        The EvalRun (results, report, meta).
    """
    from qa.answering.answerer import answer
    from qa.evaluation.gold import load_gold
    from qa.evaluation.metrics import relevance_flags
    from qa.retrieval.retriever import Retriever

    check_k(k)
    settings = settings or AnswerSettings()
    gold_path = Path(gold_path)
    items = load_gold(gold_path)
    n_in_file = len(items)
    if limit is not None:
        items = items[:limit]

    started = time.perf_counter()
    retriever = Retriever(index, settings=retrieval)
    retriever.warm_up()
    load_seconds = time.perf_counter() - started

    results: list[QuestionResult] = []
    errors: list[dict] = []
    retrieve_seconds = answer_seconds = 0.0
    for item in progress_bar(items, progress, "questions"):
        quotes = [e.quote for e in item.evidence]
        history = [dict(turn) for turn in item.history]
        try:
            t0 = time.perf_counter()
            passages = retriever.retrieve(item.question, k=k, history=history)
            t1 = time.perf_counter()
            reply = answer(item.question, history, retriever=retriever, settings=settings)
            t2 = time.perf_counter()
        except InputError as exc:
            # The assistant refused the question itself (too long, bad history...): scored as
            # an abstention with nothing retrieved, and listed in the report.
            errors.append({"id": item.id, "error": str(exc)})
            log.warning("question %s was refused: %s", item.id, exc)
            passages, reply = [], None
        else:
            retrieve_seconds += t1 - t0
            answer_seconds += t2 - t1
        cited = [] if reply is None or reply.abstained else list(reply.citations)
        results.append(
            QuestionResult(
                id=item.id,
                kind=item.kind,
                answerable=item.answerable,
                question=item.question,
                retrieved_relevant=relevance_flags([p.text for p in passages], quotes),
                answer=scoring_text(reply),
                short=short_text(reply),
                abstained=reply is None or reply.abstained,
                cited_relevant=relevance_flags([p.text for p in cited], quotes),
                gold_answers=item.answers,
                retrieved_ids=[passage_label(p) for p in passages],
                cited_ids=[passage_label(p) for p in cited],
            )
        )
    question_seconds = retrieve_seconds + answer_seconds
    report = aggregate(results, ks=report_ks(k))
    meta = {
        "mode": "gold",
        "gold_file": str(gold_path.resolve()),
        "gold_sha256": file_sha256(gold_path),
        "questions": len(results),
        "questions_in_file": n_in_file,
        "k": k,
        **index_meta(retriever, settings),
        "timings": {
            "load_seconds": round(load_seconds, 3),
            "retrieve_seconds": round(retrieve_seconds, 3),
            "answer_seconds": round(answer_seconds, 3),
            "questions_per_second": rate(len(results) - len(errors), question_seconds),
            "total_seconds": round(time.perf_counter() - started, 3),
        },
        "answer_scoring": "answer text without its [n] citation markers; empty when the assistant abstained",
        "question_errors": errors,
        **run_facts(),
    }
    return EvalRun(f"qa eval: {gold_path.name}", results, report, meta)

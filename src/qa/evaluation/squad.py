"""`qa eval squad FILE`: the assistant end to end on a SQuAD v1.1-format file.

Every paragraph becomes one document of a derived corpus (`<article>/pNNN.txt`, the article
title, underscores as spaces, as its metadata title), indexed once and reused while the index
is up to date. Every question is then asked through `qa.answering.answerer.answer` with one Retriever
loaded once, so nothing per question touches the index.

Scored per question, with the gold-set scoring core (`aggregate`, `write_report`):
  - paragraph retrieval: the question's own paragraph is its one relevant document; passages
    from `Retriever.retrieve` are mapped to their document, documents ranked by their first
    passage: Recall@1/5/10, MRR@10, nDCG@10;
  - answer: `contains` on the answer text without its [n] citation markers (see
    `common.scoring_text`); SQuAD exact match and token F1 (official normalisation, max over
    the gold answers) on the short answer, or on that text when there is no short answer;
  - citations: a cited passage is relevant when it comes from the question's paragraph;
  - abstention: SQuAD v1.1 questions are all answerable, so the false-abstention rate is the
    share of questions the assistant declined. SQuAD v2 `is_impossible` questions are read as
    unanswerable (kind "unanswerable") and give the abstention rate.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

from qa.errors import InputError
from qa.evaluation.common import (
    REPORTS_DIR,
    EvalRun,
    emit,
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
from qa.evaluation.corpus import build_meta, dataset_dirs, sync_and_build_index
from qa.evaluation.metrics import QuestionResult, aggregate
from qa.inputs import check_k
from qa.settings import MAX_K, AnswerSettings, RetrievalSettings

log = logging.getLogger(__name__)

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class SquadQuestion:
    id: str
    question: str
    answers: tuple[str, ...]
    doc: str  # relative path of its paragraph's file in the derived corpus
    article: str


@dataclass(frozen=True)
class SquadSet:
    name: str
    files: dict[str, str]
    metadata: dict[str, dict]
    questions: list[SquadQuestion]
    articles: int


def load_squad(path: Path | str) -> SquadSet:
    """Read a SQuAD v1.1 (or v2.0) JSON file into paragraph documents and questions.

    Raises:
        InputError: The file is missing or not SQuAD-shaped; the message says where.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise InputError(f"SQuAD file not found: {path}") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read {path} as SQuAD JSON: {exc}") from exc
    articles = data.get("data") if isinstance(data, dict) else None
    if not isinstance(articles, list):
        raise InputError(f"{path} is not in SQuAD format: expected an object with a 'data' list of articles")

    files: dict[str, str] = {}
    metadata: dict[str, dict] = {}
    questions: list[SquadQuestion] = []
    seen_ids: dict[str, int] = {}
    for a, article in enumerate(articles):
        where = f"{path}: data[{a}]"
        if not isinstance(article, dict) or not isinstance(article.get("paragraphs"), list):
            raise InputError(f"{where} needs a 'paragraphs' list")
        raw_title = article.get("title") if isinstance(article.get("title"), str) else ""
        title = " ".join(raw_title.replace("_", " ").split()) or f"Article {a + 1}"
        folder = f"{a:03d}-{(_SAFE.sub('_', raw_title).strip('._-') or 'article')[:60]}"
        for p, paragraph in enumerate(article["paragraphs"]):
            here = f"{where}.paragraphs[{p}]"
            if not isinstance(paragraph, dict) or not isinstance(paragraph.get("context"), str):
                raise InputError(f"{here} needs a 'context' string")
            if not paragraph["context"].strip():
                raise InputError(f"{here} has an empty context")
            doc = f"{folder}/p{p:03d}.txt"
            files[doc] = paragraph["context"].strip() + "\n"
            metadata[doc] = {"title": title, "source": f"SQuAD {path.name}: {raw_title or title}, paragraph {p + 1}"}
            for q, qa in enumerate(paragraph.get("qas") or []):
                at = f"{here}.qas[{q}]"
                if not isinstance(qa, dict) or not isinstance(qa.get("question"), str) or not qa["question"].strip():
                    raise InputError(f"{at} needs a 'question' string")
                impossible = bool(qa.get("is_impossible"))
                answers = [] if impossible else [x.get("text") for x in qa.get("answers") or [] if isinstance(x, dict)]
                answers = [x for x in dict.fromkeys(t.strip() for t in answers if isinstance(t, str)) if x]
                if not answers and not impossible:
                    raise InputError(f"{at} has no answer text (and is not marked is_impossible)")
                qid = str(qa.get("id") or f"{a}-{p}-{q}")
                if qid in seen_ids:  # ids must be unique for scoring; keep both questions
                    seen_ids[qid] += 1
                    qid = f"{qid}#{seen_ids[qid]}"
                else:
                    seen_ids[qid] = 1
                questions.append(SquadQuestion(qid, qa["question"].strip(), tuple(answers), doc, title))
    if not questions:
        raise InputError(f"{path} holds no questions")
    return SquadSet(path.stem, files, metadata, questions, len(articles))


def run_squad(
    path: Path | str,
    *,
    index: Path | str | None = None,
    k: int = 10,
    limit: int | None = None,
    progress: bool = False,
    settings: AnswerSettings | None = None,
    retrieval: RetrievalSettings | None = None,
) -> EvalRun:
    """Index the paragraphs of a SQuAD file (or reuse the index) and answer every question.

    Args:
        path: The SQuAD JSON file.
        index: Index folder for the paragraphs (the corpus is written next to it, in
            `<index>.corpus`); defaults to a folder in the cache (see `corpus.dataset_dirs`).
        k: Documents (paragraphs) ranked per question for the retrieval metrics.
        limit: Ask only the first `limit` questions (the whole file is indexed).
        progress: Progress bars on stderr.
        settings: How answers are given; defaults to AnswerSettings(). Recorded in the meta.
        retrieval: How passages are retrieved; defaults to RetrievalSettings(). Recorded in the meta.

    Returns:
        The EvalRun.
    """
    from qa.answering.answerer import answer
    from qa.retrieval.retriever import Retriever

    check_k(k)
    settings = settings or AnswerSettings()
    started = time.perf_counter()
    squad = load_squad(path)
    corpus_dir, index_dir = dataset_dirs("squad", Path(path), index)
    synced, build = sync_and_build_index(corpus_dir, index_dir, squad.files, squad.metadata, progress=progress)
    index_seconds = time.perf_counter() - started

    t0 = time.perf_counter()
    retriever = Retriever(index_dir, check_stale=False, settings=retrieval)
    retriever.warm_up()
    load_seconds = time.perf_counter() - t0

    questions = squad.questions[:limit] if limit is not None else squad.questions
    # Passages fetched per question: documents are cut into a few passages each, so ask for
    # more passages than the k documents ranked.
    depth = min(MAX_K, 3 * k)
    results: list[QuestionResult] = []
    errors: list[dict] = []
    retrieve_seconds = answer_seconds = 0.0
    for item in progress_bar(questions, progress, "questions"):
        try:
            t1 = time.perf_counter()
            passages = retriever.retrieve(item.question, k=depth)
            t2 = time.perf_counter()
            reply = answer(item.question, retriever=retriever, settings=settings)
            t3 = time.perf_counter()
        except InputError as exc:
            errors.append({"id": item.id, "error": str(exc)})
            passages, reply = [], None
        else:
            retrieve_seconds += t2 - t1
            answer_seconds += t3 - t2
        docs = list(dict.fromkeys(p.doc_id for p in passages))[:k]
        cited = [] if reply is None or reply.abstained else list(reply.citations)
        results.append(
            QuestionResult(
                id=item.id,
                kind="answerable" if item.answers else "unanswerable",
                answerable=bool(item.answers),
                question=item.question,
                retrieved_relevant=[d == item.doc for d in docs],
                answer=scoring_text(reply),
                short=short_text(reply),
                abstained=reply is None or reply.abstained,
                cited_relevant=[p.doc_id == item.doc for p in cited],
                gold_answers=item.answers,
                retrieved_ids=docs,
                cited_ids=[passage_label(p) for p in cited],
            )
        )
    question_seconds = retrieve_seconds + answer_seconds
    report = aggregate(results, ks=report_ks(k))
    meta = {
        "mode": "squad",
        "file": str(Path(path).resolve()),
        "articles": squad.articles,
        "paragraphs": len(squad.files),
        "questions": len(results),
        "questions_in_file": len(squad.questions),
        "k": k,
        "passages_per_question": depth,
        "corpus_dir": str(corpus_dir.resolve()),
        "corpus_files": synced,
        **build_meta(build),
        **index_meta(retriever, settings),
        "relevance": "a retrieved or cited passage is relevant when it comes from the question's paragraph; "
        "retrieval figures rank paragraphs by their best passage",
        "answer_scoring": "SQuAD v1.1 normalisation, max over gold answers, on the answer text without its "
        "[n] citation markers; an abstention scores 0",
        "timings": {
            "index_seconds": round(index_seconds, 3),
            "load_seconds": round(load_seconds, 3),
            "retrieve_seconds": round(retrieve_seconds, 3),
            "answer_seconds": round(answer_seconds, 3),
            "questions_per_second": rate(len(results) - len(errors), question_seconds),
            "total_seconds": round(time.perf_counter() - started, 3),
        },
        "question_errors": errors,
        **run_facts(),
    }
    return EvalRun(f"qa eval squad: {Path(path).name}", results, report, meta)


def run_squad_cli(args: argparse.Namespace) -> int:
    """`qa eval squad FILE`: run, write the report, print it; returns the exit code."""
    run = run_squad(args.path, index=args.index, k=args.k, limit=args.limit, progress=show_progress(args),
                    retrieval=retrieval_settings(args))
    out_dir = Path(args.out) if args.out is not None else REPORTS_DIR / f"squad-{Path(args.path).stem}"
    paths = run.write(out_dir)
    emit(run, paths, as_json=args.json)
    return 0

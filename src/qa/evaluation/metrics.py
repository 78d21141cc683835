"""Relevance, answer and citation scoring, and their aggregation into an EvalReport.

The rules are those of GOLD_FORMAT.md. Nothing here calls the assistant: a runner turns each
gold question and the assistant's reply into a QuestionResult, and `aggregate` scores them.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from qa.errors import InputError
from qa.evaluation.normalize import contains_normalize, normalize_text, squad_normalize

DEFAULT_KS: tuple[int, ...] = (1, 5, 10)
# Recall is also computed at every k up to this depth, for the recall@k curve.
CURVE_DEPTH = 10
# MRR and nDCG are reported at this fixed depth, as GOLD_FORMAT.md says.
RANK_DEPTH = 10


# --- relevance ---------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _normalized_quotes(quotes: tuple[str, ...]) -> tuple[str, ...]:
    # Empty quotes are dropped: an empty string is contained in every passage.
    return tuple(q for q in (normalize_text(q) for q in quotes) if q)


def is_relevant(passage_text: str, quotes: Sequence[str]) -> bool:
    """Tell whether a passage is relevant: its normalised text contains a normalised quote.

    Args:
        passage_text: The retrieved passage, as the assistant saw it.
        quotes: The question's evidence quotes, raw as in the gold file (normalised here,
            once per distinct set of quotes).

    Returns:
        True if `normalize_text(passage_text)` contains `normalize_text(q)` for some quote q.
    """
    if isinstance(quotes, str):
        raise InputError(f"quotes must be a sequence of strings, not one string: {quotes[:60]!r}")
    normalized = _normalized_quotes(tuple(quotes))
    if not normalized:
        return False
    text = normalize_text(passage_text)
    return any(q in text for q in normalized)


def relevance_flags(passage_texts: Iterable[str], quotes: Sequence[str]) -> tuple[bool, ...]:
    """Apply `is_relevant` to passages in rank order, e.g. to build `retrieved_relevant`.

    Args:
        passage_texts: Passages in rank order (or in citation order).
        quotes: The question's evidence quotes, raw.

    Returns:
        One flag per passage, in the same order.
    """
    return tuple(is_relevant(text, quotes) for text in passage_texts)


# --- answers -----------------------------------------------------------------------------------


def _check_golds(golds: Sequence[str]) -> None:
    if isinstance(golds, str):
        raise InputError(f"golds must be a sequence of strings, not one string: {golds[:60]!r}")


def answer_contains(answer: str, golds: Sequence[str]) -> bool:
    """Tell whether some gold answer occurs in the answer as whole words (GOLD_FORMAT.md).

    Both sides are normalised with `contains_normalize` (punctuation and footnote
    superscripts become spaces), and the gold must match on word boundaries: "ten" does not
    match inside "sentences", while "10" matches "10-point". Gold answers that normalise to
    nothing (e.g. "the") are skipped.

    Args:
        answer: The assistant's answer text.
        golds: Acceptable gold answers; any one counts.

    Returns:
        True if `" " + g + " "` occurs in `" " + answer + " "`, both normalised, for some g.
    """
    _check_golds(golds)
    text = f" {contains_normalize(answer)} "
    return any(g and f" {g} " in text for g in (contains_normalize(g) for g in golds))


def exact_match(pred: str, golds: Sequence[str]) -> float:
    """SQuAD v1.1 exact match against the best gold answer.

    Args:
        pred: The predicted answer.
        golds: Acceptable gold answers.

    Returns:
        1.0 if the normalised prediction equals some normalised gold answer, else 0.0
        (also 0.0 when `golds` is empty).
    """
    _check_golds(golds)
    p = squad_normalize(pred)
    return 1.0 if any(p == squad_normalize(g) for g in golds) else 0.0


def _token_f1(pred: str, gold: str) -> float:
    # Official SQuAD v1.1 token F1 for one gold answer (0 when nothing is shared, even if both are empty).
    pred_tokens = squad_normalize(pred).split()
    gold_tokens = squad_normalize(gold).split()
    num_same = sum((Counter(pred_tokens) & Counter(gold_tokens)).values())
    if num_same == 0:
        return 0.0
    precision = num_same / len(pred_tokens)
    recall = num_same / len(gold_tokens)
    return 2 * precision * recall / (precision + recall)


def f1_score(pred: str, golds: Sequence[str]) -> float:
    """SQuAD v1.1 token F1, the maximum over the gold answers.

    Args:
        pred: The predicted answer.
        golds: Acceptable gold answers.

    Returns:
        The best token F1 in [0, 1]; 0.0 when `golds` is empty.
    """
    _check_golds(golds)
    return max((_token_f1(pred, g) for g in golds), default=0.0)


# --- per-question results ----------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionResult:
    """What the assistant did on one gold question, reduced to what scoring needs.

    Attributes:
        id: The gold item's id.
        kind: The gold item's kind, for per-kind breakdowns.
        answerable: True when the gold item has answers; must equal `bool(gold_answers)`.
        question: The question as asked.
        retrieved_relevant: One flag per retrieved passage, in rank order (see `relevance_flags`).
        answer: The answer text ("" when the assistant abstained without text).
        abstained: True when the assistant declined to answer.
        cited_relevant: One flag per passage cited in the answer.
        gold_answers: The gold item's acceptable answers.
        retrieved_ids: Optional passage ids in rank order, for reports only.
        cited_ids: Optional cited passage ids, for reports only.
        short: The short answer ("" when the assistant gave none); EM and F1 score it instead of
            `answer` when there is one.
    """

    id: str
    kind: str
    answerable: bool
    question: str
    retrieved_relevant: tuple[bool, ...]
    answer: str
    abstained: bool
    cited_relevant: tuple[bool, ...]
    gold_answers: tuple[str, ...]
    retrieved_ids: tuple[str, ...] = ()
    cited_ids: tuple[str, ...] = ()
    short: str = ""

    def __post_init__(self) -> None:
        for name in ("id", "kind", "question", "answer", "short"):
            if not isinstance(getattr(self, name), str):
                raise InputError(f"QuestionResult.{name} must be a string, got {getattr(self, name)!r}")
        for name in ("answerable", "abstained"):
            if not isinstance(getattr(self, name), bool):
                raise InputError(f"QuestionResult.{name} must be a bool, got {getattr(self, name)!r}")
        # Lists are accepted for convenience and frozen into tuples.
        for name, item_type in (
            ("retrieved_relevant", bool),
            ("cited_relevant", bool),
            ("gold_answers", str),
            ("retrieved_ids", str),
            ("cited_ids", str),
        ):
            value = getattr(self, name)
            if isinstance(value, str) or not isinstance(value, Sequence):
                raise InputError(f"QuestionResult.{name} must be a sequence, got {value!r}")
            if not all(isinstance(v, item_type) for v in value):
                raise InputError(
                    f"QuestionResult.{name} must hold only {item_type.__name__} values, got {value!r}"
                )
            object.__setattr__(self, name, tuple(value))
        if self.answerable != bool(self.gold_answers):
            raise InputError(
                f"QuestionResult {self.id!r}: answerable={self.answerable} but "
                f"{len(self.gold_answers)} gold answers; answerable means there is a gold answer"
            )

    def to_dict(self) -> dict[str, Any]:
        """Return every field as plain JSON-ready values."""
        return {
            "id": self.id,
            "kind": self.kind,
            "answerable": self.answerable,
            "question": self.question,
            "retrieved_relevant": list(self.retrieved_relevant),
            "answer": self.answer,
            "short": self.short,
            "abstained": self.abstained,
            "cited_relevant": list(self.cited_relevant),
            "gold_answers": list(self.gold_answers),
            "retrieved_ids": list(self.retrieved_ids),
            "cited_ids": list(self.cited_ids),
        }


@dataclass(frozen=True)
class QuestionScores:
    """Per-question figures derived from a QuestionResult; None where they do not apply.

    Attributes:
        first_relevant_rank: 1-based rank of the first relevant retrieved passage, or None.
        answer_contains: Whether the answer contains a gold answer (False when abstained);
            None for unanswerable questions.
        exact_match: SQuAD EM (0.0 when abstained); None for unanswerable questions.
        f1: SQuAD token F1 (0.0 when abstained); None for unanswerable questions.
        citation_hit: Whether a cited passage is relevant (False when abstained); None for
            unanswerable questions.
    """

    first_relevant_rank: int | None
    answer_contains: bool | None
    exact_match: float | None
    f1: float | None
    citation_hit: bool | None

    def to_dict(self) -> dict[str, Any]:
        """Return the figures as a plain dict."""
        return {
            "first_relevant_rank": self.first_relevant_rank,
            "answer_contains": self.answer_contains,
            "exact_match": self.exact_match,
            "f1": self.f1,
            "citation_hit": self.citation_hit,
        }


def score_question(result: QuestionResult) -> QuestionScores:
    """Score one question's answer and citations and find its first relevant rank.

    Args:
        result: The question's result.

    Returns:
        Its QuestionScores; an abstention on an answerable question scores as a miss.
    """
    first = next((i + 1 for i, rel in enumerate(result.retrieved_relevant) if rel), None)
    if not result.answerable:
        return QuestionScores(first, None, None, None, None)
    if result.abstained:
        return QuestionScores(first, False, 0.0, 0.0, False)
    return QuestionScores(
        first_relevant_rank=first,
        answer_contains=answer_contains(result.answer, result.gold_answers),
        exact_match=exact_match(result.short or result.answer, result.gold_answers),
        f1=f1_score(result.short or result.answer, result.gold_answers),
        citation_hit=any(result.cited_relevant),
    )


# --- aggregation -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetricValue:
    """A figure and the number of questions behind it; `value` is None when `n` is 0."""

    value: float | None
    n: int

    def to_dict(self) -> dict[str, Any]:
        """Return {"value": ..., "n": ...}."""
        return {"value": self.value, "n": self.n}


@dataclass(frozen=True)
class GroupMetrics:
    """All metrics for one group of questions (everything, or one kind).

    Attributes:
        n_questions, n_answerable, n_unanswerable: Question counts of the group.
        recall: Recall@k by k (for the requested ks and every k from 1 to 10): share of
            answerable questions with a relevant passage in the top k.
        mrr_at_10: Mean reciprocal rank of the first relevant passage within the top 10.
        ndcg_at_10: nDCG@10 with binary relevance.
        answer_contains, exact_match, f1: Answer metrics over answerable questions; an
            abstention counts as a miss.
        citation_precision: Micro (pooled) precision: relevant citations / all citations,
            over answerable, non-abstained questions; `n` counts the questions with at least
            one citation, `n_citations` the citations.
        citation_precision_macro: Macro precision: the mean of each such question's own
            precision (same questions as the micro figure).
        n_citations: Citations behind `citation_precision`.
        citation_recall: Share of answerable questions with at least one relevant citation
            (an abstention counts as a miss).
        abstention_rate: Share of unanswerable questions where the assistant abstained.
        false_abstention_rate: Share of answerable questions where it abstained.
    """

    n_questions: int
    n_answerable: int
    n_unanswerable: int
    recall: dict[int, MetricValue]
    mrr_at_10: MetricValue
    ndcg_at_10: MetricValue
    answer_contains: MetricValue
    exact_match: MetricValue
    f1: MetricValue
    citation_precision: MetricValue
    citation_precision_macro: MetricValue
    n_citations: int
    citation_recall: MetricValue
    abstention_rate: MetricValue
    false_abstention_rate: MetricValue

    def metrics(self) -> dict[str, MetricValue]:
        """Return every figure by its report name (recall@k, mrr@10, ..., false_abstention_rate)."""
        out = {f"recall@{k}": v for k, v in sorted(self.recall.items())}
        out.update(
            {
                "mrr@10": self.mrr_at_10,
                "ndcg@10": self.ndcg_at_10,
                "answer_contains": self.answer_contains,
                "exact_match": self.exact_match,
                "f1": self.f1,
                "citation_precision": self.citation_precision,
                "citation_precision_macro": self.citation_precision_macro,
                "citation_recall": self.citation_recall,
                "abstention_rate": self.abstention_rate,
                "false_abstention_rate": self.false_abstention_rate,
            }
        )
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return counts and every figure as plain JSON-ready values."""
        return {
            "n_questions": self.n_questions,
            "n_answerable": self.n_answerable,
            "n_unanswerable": self.n_unanswerable,
            "n_citations": self.n_citations,
            "metrics": {name: v.to_dict() for name, v in self.metrics().items()},
        }


@dataclass(frozen=True)
class EvalReport:
    """Metrics overall and per kind; `ks` are the cut-offs asked for (recall has more)."""

    ks: tuple[int, ...]
    overall: GroupMetrics
    per_kind: dict[str, GroupMetrics] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-ready values."""
        return {
            "ks": list(self.ks),
            "overall": self.overall.to_dict(),
            "per_kind": {kind: g.to_dict() for kind, g in self.per_kind.items()},
        }


def aggregate(results: Sequence[QuestionResult], ks: Sequence[int] = DEFAULT_KS) -> EvalReport:
    """Score results overall and per kind, with the number of questions behind each figure.

    Retrieval metrics are computed with ranx over answerable questions. Relevance is only
    known for retrieved passages (a passage is relevant if it contains an evidence quote), so
    each question's qrels are the relevant positions among the passages the runner passed in:
    nDCG@10's ideal ranking is built from those, and figures are comparable only between runs
    that retrieve to the same depth. A question with no relevant passage retrieved still
    counts, with 0 for every retrieval metric.

    Args:
        results: One result per gold question; ids must be unique.
        ks: Cut-offs for Recall@k. Defaults to (1, 5, 10). Recall is also computed at every
            k from 1 to 10.

    Returns:
        The EvalReport; a metric with no question behind it is None, not 0.

    Raises:
        InputError: If ks holds something other than positive integers or ids repeat.
    """
    ks = tuple(ks)
    if not ks or not all(isinstance(k, int) and not isinstance(k, bool) and k >= 1 for k in ks):
        raise InputError(f"ks must be positive integers, got {ks!r}")
    seen: set[str] = set()
    for r in results:
        if r.id in seen:
            raise InputError(f"question id {r.id!r} appears twice in the results; ids must be unique")
        seen.add(r.id)

    recall_ks = tuple(sorted(set(ks) | set(range(1, CURVE_DEPTH + 1))))
    retrieval = _ranx_per_question(results, recall_ks)
    scores = [score_question(r) for r in results]

    indices = list(range(len(results)))
    by_kind: dict[str, list[int]] = {}
    for i, r in enumerate(results):
        by_kind.setdefault(r.kind, []).append(i)

    return EvalReport(
        ks=ks,
        overall=_group(indices, results, scores, retrieval, recall_ks),
        per_kind={
            kind: _group(idx, results, scores, retrieval, recall_ks)
            for kind, idx in sorted(by_kind.items())
        },
    )


def _ranx_metric_names(recall_ks: Sequence[int]) -> list[str]:
    return [f"hit_rate@{k}" for k in recall_ks] + [f"mrr@{RANK_DEPTH}", f"ndcg@{RANK_DEPTH}"]


def _ranx_per_question(
    results: Sequence[QuestionResult], recall_ks: Sequence[int]
) -> dict[int, dict[str, float]]:
    """Run ranx once over all answerable questions; return per-question scores by result index.

    ranx's `hit_rate@k` is GOLD_FORMAT's Recall@k (at least one relevant passage in the top k);
    its `recall@k` would divide by the number of relevant passages instead.
    """
    answerable = [i for i, r in enumerate(results) if r.answerable]
    if not answerable:
        return {}

    from ranx import Qrels, Run, evaluate

    qrels: dict[str, dict[str, int]] = {}
    run: dict[str, dict[str, float]] = {}
    for i in answerable:
        flags = results[i].retrieved_relevant
        qid = f"q{i}"  # by position, so odd or repeated ids cannot collide
        # Strictly decreasing scores keep the runner's order with no ties for ranx to break.
        run[qid] = {f"p{rank}": float(len(flags) - rank + 1) for rank in range(1, len(flags) + 1)}
        qrels[qid] = {f"p{rank}": 1 for rank, rel in enumerate(flags, start=1) if rel}
        if not qrels[qid]:
            # ranx would skip (or choke on) a query without relevant documents; a relevant id
            # that is never retrieved keeps the question in, scoring 0 everywhere.
            qrels[qid] = {"__unretrieved__": 1}
        if not run[qid]:
            # ranx cannot build a run from only empty lists; one irrelevant entry changes no score.
            run[qid] = {"__nothing__": 0.0}

    ranx_run = Run.from_dict(run)
    metric_names = _ranx_metric_names(recall_ks)
    with warnings.catch_warnings():
        # numba's notice about an internal uint64->int64 cast in ranx; harmless here.
        warnings.filterwarnings("ignore", message=re.escape("unsafe cast from uint64 to int64"))
        evaluate(Qrels.from_dict(qrels), ranx_run, metric_names, return_mean=False, save_results_in_run=True)
    return {i: {m: float(ranx_run.scores[m][f"q{i}"]) for m in metric_names} for i in answerable}


def _mean(values: Sequence[float]) -> MetricValue:
    if not values:
        return MetricValue(None, 0)
    return MetricValue(sum(values) / len(values), len(values))


def _group(
    indices: Sequence[int],
    results: Sequence[QuestionResult],
    scores: Sequence[QuestionScores],
    retrieval: dict[int, dict[str, float]],
    recall_ks: Sequence[int],
) -> GroupMetrics:
    """Aggregate the questions at `indices`."""
    answerable = [i for i in indices if results[i].answerable]
    unanswerable = [i for i in indices if not results[i].answerable]

    def retrieval_mean(metric: str) -> MetricValue:
        return _mean([retrieval[i][metric] for i in answerable])

    # Citation precision only where an answer was given with at least one citation.
    cited = [i for i in answerable if not results[i].abstained and results[i].cited_relevant]
    n_citations = sum(len(results[i].cited_relevant) for i in cited)
    n_relevant_citations = sum(sum(results[i].cited_relevant) for i in cited)
    pooled = MetricValue(n_relevant_citations / n_citations, len(cited)) if cited else MetricValue(None, 0)
    macro = _mean([sum(results[i].cited_relevant) / len(results[i].cited_relevant) for i in cited])

    return GroupMetrics(
        n_questions=len(indices),
        n_answerable=len(answerable),
        n_unanswerable=len(unanswerable),
        recall={k: retrieval_mean(f"hit_rate@{k}") for k in recall_ks},
        mrr_at_10=retrieval_mean(f"mrr@{RANK_DEPTH}"),
        ndcg_at_10=retrieval_mean(f"ndcg@{RANK_DEPTH}"),
        answer_contains=_mean([float(bool(scores[i].answer_contains)) for i in answerable]),
        exact_match=_mean([scores[i].exact_match or 0.0 for i in answerable]),
        f1=_mean([scores[i].f1 or 0.0 for i in answerable]),
        citation_precision=pooled,
        citation_precision_macro=macro,
        n_citations=n_citations,
        citation_recall=_mean([float(bool(scores[i].citation_hit)) for i in answerable]),
        abstention_rate=_mean([float(results[i].abstained) for i in unanswerable]),
        false_abstention_rate=_mean([float(results[i].abstained) for i in answerable]),
    )

"""Tests for relevance, answer metrics and aggregation.

Hand-made cases have expected values worked out by hand (formulas in comments). Retrieval
metrics are also checked on seeded random runs against trec_eval (pytrec_eval) and the MS MARCO
MRR@10 code, both through ir_measures; EM/F1 against a verbatim copy of the official SQuAD v1.1
evaluation functions.
"""

from __future__ import annotations

import math
import random
import re
import string
from collections import Counter

import pytest

from qa.errors import InputError
from qa.evaluation.metrics import (
    QuestionResult,
    aggregate,
    answer_contains,
    exact_match,
    f1_score,
    is_relevant,
    relevance_flags,
    score_question,
)

# --- relevance -----------------------------------------------------------------------------------


def test_relevant_when_normalised_passage_contains_normalised_quote() -> None:
    passage = "The West decided:\n  Imposing the same costs on SBERBANK \\$ and VTB\u2019s units."
    assert is_relevant(passage, ["imposing the same costs on Sberbank"])
    assert is_relevant(passage, ["costs on sberbank $ and vtb's"])
    assert is_relevant(passage, ["nothing here", "and VTB's units."])


def test_not_relevant_when_quote_is_missing_or_split() -> None:
    assert not is_relevant("Imposing the same", ["Imposing the same costs"])
    assert not is_relevant("anything", [])
    # Empty quotes would make every passage relevant, so they never match.
    assert not is_relevant("anything", ["", "   "])


def test_relevance_flags_keep_order() -> None:
    assert relevance_flags(["a b c", "x y", "B C"], ["b c"]) == (True, False, True)


def test_quotes_must_not_be_a_bare_string() -> None:
    with pytest.raises(InputError):
        is_relevant("abc", "abc")


# --- answer metrics: hand-made -----------------------------------------------------------------


def test_answer_contains() -> None:
    assert answer_contains("It is Sberbank, Russia's largest.", ["Sberbank"])
    assert answer_contains("the U.S. dollar", ["U.S. dollar"])
    # Whole words only (GOLD_FORMAT.md): punctuation and footnote superscripts are word breaks.
    assert not answer_contains("It has ten sentences.", ["ten s"]) and not answer_contains("sentences", ["ten"])
    assert answer_contains("a 10-point plan", ["10"]) and answer_contains("a 10-point plan", ["10 point"])
    assert answer_contains("the plan\u00b9 was", ["plan"]) and answer_contains("the plan¹² was", ["plan"])
    assert answer_contains("Kyiv—and Moscow", ["kyiv"]) and not answer_contains("Kyivan", ["Kyiv"])
    assert answer_contains("It is the Sberbank.", ["the sberbank"])
    assert answer_contains("Russia\u2019s bank", ["Russia's bank"])
    assert not answer_contains("VTB", ["Sberbank", "Sber bank"])
    assert not answer_contains("anything", [])
    # A gold answer that normalises to nothing must not match every answer.
    assert not answer_contains("anything", ["The"])


def test_exact_match() -> None:
    assert exact_match("The Sberbank.", ["sberbank"]) == 1.0
    assert exact_match("Sberbank bank", ["VTB", "Sberbank"]) == 0.0
    assert exact_match("VTB", ["Sberbank", "vtb"]) == 1.0
    assert exact_match("VTB", []) == 0.0


def test_f1_by_hand() -> None:
    # pred "answer is sberbank of course" (5 tokens), gold "sberbank" (1): P=1/5, R=1, F1=1/3.
    assert f1_score("The answer is Sberbank, of course.", ["Sberbank"]) == pytest.approx(1 / 3)
    # pred "kyiv kharkiv" vs gold "kyiv and kharkiv": P=2/2, R=2/3, F1=0.8; max with a 0 gold.
    assert f1_score("Kyiv, Kharkiv", ["Odesa", "Kyiv and Kharkiv"]) == pytest.approx(0.8)
    # Repeated tokens count as often as both sides have them: common {x: 1} -> P=1/2, R=1, F1=2/3.
    assert f1_score("x x", ["x"]) == pytest.approx(2 * 0.5 * 1 / 1.5)
    assert f1_score("", ["Sberbank"]) == 0.0
    assert f1_score("Sberbank", []) == 0.0


def test_golds_must_not_be_a_bare_string() -> None:
    with pytest.raises(InputError):
        exact_match("a", "a")


# --- answer metrics: against the official SQuAD v1.1 script ------------------------------------
# Verbatim from the official SQuAD v1.1 evaluate-v1.1.py.


def normalize_answer(s):
    """Lower text and remove punctuation, articles and extra whitespace."""
    def remove_articles(text):
        return re.sub(r'\b(a|an|the)\b', ' ', text)

    def white_space_fix(text):
        return ' '.join(text.split())

    def remove_punc(text):
        exclude = set(string.punctuation)
        return ''.join(ch for ch in text if ch not in exclude)

    def lower(text):
        return text.lower()

    return white_space_fix(remove_articles(remove_punc(lower(s))))


def official_f1_score(prediction, ground_truth):
    prediction_tokens = normalize_answer(prediction).split()
    ground_truth_tokens = normalize_answer(ground_truth).split()
    common = Counter(prediction_tokens) & Counter(ground_truth_tokens)
    num_same = sum(common.values())
    if num_same == 0:
        return 0
    precision = 1.0 * num_same / len(prediction_tokens)
    recall = 1.0 * num_same / len(ground_truth_tokens)
    f1 = (2 * precision * recall) / (precision + recall)
    return f1


def official_exact_match_score(prediction, ground_truth):
    return (normalize_answer(prediction) == normalize_answer(ground_truth))


def metric_max_over_ground_truths(metric_fn, prediction, ground_truths):
    scores_for_ground_truths = []
    for ground_truth in ground_truths:
        score = metric_fn(prediction, ground_truth)
        scores_for_ground_truths.append(score)
    return max(scores_for_ground_truths)


# End of the verbatim copy.

_WORDS = [
    "the", "The", "a", "an", "An", "Sberbank", "VTB", "bank", "bank.", "U.S.", "$300", "billion,",
    "Kyiv", "kyiv", "Kharkiv's", "(2022)", "--", "theatre", "another", "and", "x", "x", "\\$",
    "a\\b", "\"quoted\"", "'single'", "e-mail", "3.5", "100%", "", "\t", "  ",
]


def _random_text(rng: random.Random, max_words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, max_words)))


def test_em_and_f1_match_official_squad_on_random_ascii() -> None:
    rng = random.Random(20240611)
    for _ in range(3000):
        pred = _random_text(rng, 8)
        golds = [_random_text(rng, 4) for _ in range(rng.randint(1, 3))]
        # Gold answers are never empty in a gold file.
        golds = [g if g.strip() else "Sberbank" for g in golds]
        expected_em = float(metric_max_over_ground_truths(official_exact_match_score, pred, golds))
        expected_f1 = metric_max_over_ground_truths(official_f1_score, pred, golds)
        assert exact_match(pred, golds) == expected_em, (pred, golds)
        assert f1_score(pred, golds) == pytest.approx(expected_f1, abs=1e-12), (pred, golds)


def test_em_and_f1_match_official_squad_on_real_style_answers() -> None:
    cases = [
        ("Denver Broncos", ["Denver Broncos", "Denver Broncos", "Denver Broncos"]),
        ("the Denver Broncos.", ["Denver Broncos"]),
        ("Santa Clara, California", ["Santa Clara, California", "Levi's Stadium"]),
        ("in 1887 and 1888", ["1887"]),
        ("Carolina Panthers defeated the Broncos", ["Denver Broncos"]),
    ]
    for pred, golds in cases:
        assert exact_match(pred, golds) == float(metric_max_over_ground_truths(official_exact_match_score, pred, golds))
        assert f1_score(pred, golds) == pytest.approx(metric_max_over_ground_truths(official_f1_score, pred, golds))


# --- QuestionResult --------------------------------------------------------------------------------


def qr(
    id: str,
    kind: str,
    retrieved: tuple[bool, ...],
    answer: str,
    golds: tuple[str, ...],
    *,
    abstained: bool = False,
    cited: tuple[bool, ...] = (),
) -> QuestionResult:
    return QuestionResult(
        id=id,
        kind=kind,
        answerable=bool(golds),
        question=f"question {id}?",
        retrieved_relevant=retrieved,
        answer=answer,
        abstained=abstained,
        cited_relevant=cited,
        gold_answers=golds,
    )


def test_question_result_freezes_lists_and_checks_types() -> None:
    r = QuestionResult("a", "k", True, "Q?", [True, False], "ans", False, [True], ["g"], ["p1", "p2"])
    assert r.retrieved_relevant == (True, False)
    assert r.gold_answers == ("g",)
    assert r.to_dict()["retrieved_ids"] == ["p1", "p2"]
    with pytest.raises(InputError, match="retrieved_relevant must hold only bool"):
        QuestionResult("a", "k", True, "Q?", [1, 0], "ans", False, (), ("g",))
    with pytest.raises(InputError, match="gold_answers must be a sequence"):
        QuestionResult("a", "k", True, "Q?", (), "ans", False, (), "g")
    with pytest.raises(InputError, match="answerable=True but 0 gold answers"):
        QuestionResult("a", "k", True, "Q?", (), "ans", False, (), ())


def test_score_question() -> None:
    s = score_question(qr("a", "k", (False, False, True), "Sberbank", ("Sberbank",), cited=(False,)))
    assert (s.first_relevant_rank, s.answer_contains, s.exact_match, s.f1, s.citation_hit) == (3, True, 1.0, 1.0, False)
    # An abstention on an answerable question is a miss even if its text would match.
    s = score_question(qr("b", "k", (), "Sberbank", ("Sberbank",), abstained=True, cited=(True,)))
    assert (s.first_relevant_rank, s.answer_contains, s.exact_match, s.f1, s.citation_hit) == (None, False, 0.0, 0.0, False)
    s = score_question(qr("c", "k", (True,), "whatever", ()))
    assert (s.first_relevant_rank, s.answer_contains, s.exact_match, s.f1, s.citation_hit) == (1, None, None, None, None)


# --- aggregate: hand-made ------------------------------------------------------------------------

F, T = False, True


def hand_results() -> list[QuestionResult]:
    return [
        # rel at ranks 2 and 4; answer contains gold, EM 0, F1 1/3; cites 1 of 2 relevant.
        qr("q1", "factoid", (F, T, F, T), "The answer is Sberbank, of course.", ("Sberbank",), cited=(F, T)),
        # rel at rank 1; exact answer; cites 1 of 3 relevant.
        qr("q2", "factoid", (T,), "Paris", ("Paris",), cited=(T, F, F)),
        # only relevant passage at rank 12, outside every top-10 metric; exact answer, no citation.
        qr("q3", "multi-doc", (F,) * 11 + (T,), "Kyiv and Kharkiv", ("Kharkiv", "Kyiv and Kharkiv")),
        # nothing retrieved, abstained (wrongly); its citation must not count.
        qr("q4", "multi-doc", (), "", ("Odesa",), abstained=True, cited=(T,)),
        # unanswerable: one abstains, one answers.
        qr("q5", "unanswerable", (F, F), "", (), abstained=True),
        qr("q6", "unanswerable", (T,), "Probably 42", (), cited=(F,)),
    ]


NDCG_Q1 = (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))


def test_aggregate_overall_by_hand() -> None:
    report = aggregate(hand_results(), ks=(1, 5, 10, 12))
    o = report.overall
    assert (o.n_questions, o.n_answerable, o.n_unanswerable) == (6, 4, 2)
    assert report.ks == (1, 5, 10, 12)
    # Recall@k over q1..q4: first relevant ranks 2, 1, 12, none.
    expected_recall = {1: 1 / 4, 2: 2 / 4, 5: 2 / 4, 10: 2 / 4, 12: 3 / 4}
    for k, value in expected_recall.items():
        assert o.recall[k].value == pytest.approx(value), k
        assert o.recall[k].n == 4
    assert sorted(o.recall) == list(range(1, 11)) + [12]
    assert o.mrr_at_10.value == pytest.approx((1 / 2 + 1 + 0 + 0) / 4)
    assert o.ndcg_at_10.value == pytest.approx((NDCG_Q1 + 1 + 0 + 0) / 4)
    assert o.mrr_at_10.n == o.ndcg_at_10.n == 4
    assert o.answer_contains.value == pytest.approx(3 / 4)
    assert o.exact_match.value == pytest.approx(2 / 4)
    assert o.f1.value == pytest.approx((1 / 3 + 1 + 1 + 0) / 4)
    assert o.answer_contains.n == o.exact_match.n == o.f1.n == 4
    # Pooled: (1 + 1) relevant of (2 + 3) citations; macro: mean(1/2, 1/3). q3 cites nothing, q4 abstained.
    assert o.citation_precision.value == pytest.approx(2 / 5)
    assert o.citation_precision.n == 2
    assert o.n_citations == 5
    assert o.citation_precision_macro.value == pytest.approx((1 / 2 + 1 / 3) / 2)
    assert o.citation_precision_macro.n == 2
    assert o.citation_recall.value == pytest.approx(2 / 4)
    assert o.citation_recall.n == 4
    assert o.abstention_rate.value == pytest.approx(1 / 2)
    assert o.abstention_rate.n == 2
    assert o.false_abstention_rate.value == pytest.approx(1 / 4)
    assert o.false_abstention_rate.n == 4


def test_aggregate_per_kind_by_hand() -> None:
    report = aggregate(hand_results())
    assert list(report.per_kind) == ["factoid", "multi-doc", "unanswerable"]

    factoid = report.per_kind["factoid"]
    assert factoid.recall[1].value == pytest.approx(1 / 2)
    assert factoid.recall[5].value == pytest.approx(1.0)
    assert factoid.mrr_at_10.value == pytest.approx(3 / 4)
    assert factoid.ndcg_at_10.value == pytest.approx((NDCG_Q1 + 1) / 2)
    assert factoid.f1.value == pytest.approx((1 / 3 + 1) / 2)
    assert factoid.abstention_rate.value is None and factoid.abstention_rate.n == 0

    multi = report.per_kind["multi-doc"]
    assert multi.recall[10].value == 0.0 and multi.recall[10].n == 2
    assert multi.mrr_at_10.value == 0.0
    assert multi.ndcg_at_10.value == 0.0
    assert multi.exact_match.value == pytest.approx(1 / 2)
    assert multi.citation_precision.value is None and multi.citation_precision.n == 0
    assert multi.citation_precision_macro.value is None
    assert multi.n_citations == 0
    assert multi.citation_recall.value == 0.0 and multi.citation_recall.n == 2
    assert multi.false_abstention_rate.value == pytest.approx(1 / 2)

    unans = report.per_kind["unanswerable"]
    assert (unans.n_questions, unans.n_answerable, unans.n_unanswerable) == (2, 0, 2)
    for name, value in unans.metrics().items():
        if name == "abstention_rate":
            assert value.value == pytest.approx(1 / 2) and value.n == 2
        else:
            assert value.value is None and value.n == 0, name


def test_aggregate_to_dict_names_every_figure_with_its_count() -> None:
    d = aggregate(hand_results()).to_dict()
    assert d["ks"] == [1, 5, 10]
    metrics = d["overall"]["metrics"]
    assert metrics["recall@5"] == {"value": 0.5, "n": 4}
    assert set(metrics) == {f"recall@{k}" for k in range(1, 11)} | {
        "mrr@10", "ndcg@10", "answer_contains", "exact_match", "f1", "citation_precision",
        "citation_precision_macro", "citation_recall", "abstention_rate", "false_abstention_rate",
    }
    assert d["per_kind"]["unanswerable"]["metrics"]["mrr@10"] == {"value": None, "n": 0}
    assert all(type(v["value"]) in (float, type(None)) for v in metrics.values())


def test_questions_without_any_relevant_or_any_retrieved_passage_count_as_zero() -> None:
    # Every question misses: ranx must not drop them, and empty runs must not crash it.
    results = [qr("a", "k", (), "x", ("y",)), qr("b", "k", (F, F), "x", ("y",)), qr("c", "k", (), "x", ("y",))]
    o = aggregate(results).overall
    assert o.recall[1].value == 0.0 and o.recall[1].n == 3
    assert o.mrr_at_10.value == 0.0 and o.mrr_at_10.n == 3
    assert o.ndcg_at_10.value == 0.0 and o.ndcg_at_10.n == 3


def test_one_hit_among_misses_is_averaged_over_all() -> None:
    results = [qr("a", "k", (T,), "x", ("y",))] + [qr(f"m{i}", "k", (F,), "x", ("y",)) for i in range(3)]
    o = aggregate(results).overall
    assert o.recall[1].value == pytest.approx(1 / 4)
    assert o.mrr_at_10.value == pytest.approx(1 / 4)


def test_only_unanswerable_questions_give_none_not_zero() -> None:
    o = aggregate([qr("u", "unanswerable", (T,), "", (), abstained=True)]).overall
    assert o.recall[5].value is None and o.recall[5].n == 0
    assert o.ndcg_at_10.value is None
    assert o.f1.value is None
    assert o.citation_recall.value is None
    assert o.abstention_rate.value == 1.0


def test_no_results_gives_none_everywhere() -> None:
    report = aggregate([])
    assert report.per_kind == {}
    assert all(v.value is None and v.n == 0 for v in report.overall.metrics().values())


@pytest.mark.parametrize("ks", [(), (0,), (1, -5), (1.5,), (True,)])
def test_bad_ks(ks: tuple) -> None:
    with pytest.raises(InputError, match="ks must be positive integers"):
        aggregate(hand_results(), ks=ks)


def test_duplicate_result_ids() -> None:
    with pytest.raises(InputError, match="appears twice"):
        aggregate([qr("a", "k", (), "", ("x",)), qr("a", "k", (), "", ("x",))])


# --- aggregate: retrieval metrics against trec_eval ----------------------------------------------


def _random_results(seed: int, n: int) -> list[QuestionResult]:
    rng = random.Random(seed)
    kinds = ["factoid", "multi-doc", "paraphrase", "follow-up"]
    results = []
    for i in range(n):
        depth = rng.choice([0, 1, 3, 5, 10, 10, 10, 15, 20])
        p_rel = rng.choice([0.0, 0.05, 0.2, 0.5])
        retrieved = tuple(rng.random() < p_rel for _ in range(depth))
        golds = ("gold",) if rng.random() < 0.85 else ()
        results.append(qr(f"r{i}", rng.choice(kinds), retrieved, "gold" if rng.random() < 0.5 else "other", golds))
    return results


def _trec_eval_means(results: list[QuestionResult]) -> dict[str, float]:
    """Mean per-question scores from trec_eval and MS MARCO code; a question they skip (no qrels or no run) scores 0."""
    import ir_measures
    from ir_measures import RR, Qrel, ScoredDoc, Success, nDCG

    answerable = [r for r in results if r.answerable]
    qrels = [
        Qrel(r.id, f"d{rank}", 1)
        for r in answerable
        for rank, rel in enumerate(r.retrieved_relevant, start=1)
        if rel
    ]
    run = [
        ScoredDoc(r.id, f"d{rank}", 1000.0 - rank)
        for r in answerable
        for rank in range(1, len(r.retrieved_relevant) + 1)
    ]
    # Providers named explicitly so that ranx (also an ir_measures provider) is never the reference.
    # pytrec_eval has no cut-off for RR, so RR@10 comes from the MS MARCO evaluation code.
    trec_measures = [nDCG @ 10] + [Success @ k for k in range(1, 11)]
    calls = [(ir_measures.pytrec_eval, trec_measures), (ir_measures.msmarco, [RR @ 10])]
    per_query: dict[str, dict[str, float]] = {}
    for provider, measures in calls:
        for m in measures:
            per_query[str(m)] = {}
        for metric in provider.iter_calc(measures, qrels, run):
            per_query[str(metric.measure)][metric.query_id] = metric.value
    return {
        name: sum(scores.get(r.id, 0.0) for r in answerable) / len(answerable)
        for name, scores in per_query.items()
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_retrieval_metrics_match_trec_eval_on_random_runs(seed: int) -> None:
    results = _random_results(seed, 150)
    report = aggregate(results)
    groups = {"overall": (report.overall, results)} | {
        kind: (g, [r for r in results if r.kind == kind]) for kind, g in report.per_kind.items()
    }
    for name, (group, members) in groups.items():
        expected = _trec_eval_means(members)
        assert group.ndcg_at_10.value == pytest.approx(expected["nDCG@10"], abs=1e-9), name
        assert group.mrr_at_10.value == pytest.approx(expected["RR@10"], abs=1e-9), name
        for k in range(1, 11):
            assert group.recall[k].value == pytest.approx(expected[f"Success@{k}"], abs=1e-9), (name, k)
        assert group.recall[5].n == sum(r.answerable for r in members)


def test_em_and_f1_score_the_short_answer_when_there_is_one_and_contains_the_text() -> None:
    text = "Sberbank, Russia's largest bank, was cut off."
    with_short = score_question(QuestionResult("a", "k", True, "Q?", [True], text, False, [True], ["Sberbank"], short="Sberbank"))
    assert with_short.exact_match == 1.0 and with_short.f1 == 1.0 and with_short.answer_contains
    without = score_question(QuestionResult("a", "k", True, "Q?", [True], text, False, [True], ["Sberbank"]))
    assert without.exact_match == 0.0 and 0.0 < without.f1 < 1.0 and without.answer_contains
    wrong_short = score_question(QuestionResult("a", "k", True, "Q?", [True], text, False, [True], ["Sberbank"], short="bank"))
    assert wrong_short.f1 == 0.0 and wrong_short.answer_contains  # contains keeps reading the whole text

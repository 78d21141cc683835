"""Score fusion (qa.retrieval.fusion): hand-computed values on tiny arrays.

Each retriever's scores are aligned on the same passage positions; the fused array must be
exactly what the documented formula gives, including ties, negative scores and empty input.
"""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from qa.retrieval.fusion import linear_fusion, ranks_of, reciprocal_rank_fusion, weighted_fusion


def arr(*values: float) -> np.ndarray:
    return np.array(values, dtype=np.float32)


# ---- ranks_of ----------------------------------------------------------------------------------


def test_ranks_are_one_based_by_descending_score() -> None:
    assert_array_equal(ranks_of(arr(0.5, 0.9, 0.1)), [2, 1, 3])


def test_tied_scores_rank_in_position_order() -> None:
    assert_array_equal(ranks_of(arr(1.0, 3.0, 1.0, 3.0, 1.0)), [3, 1, 4, 2, 5])


def test_many_tied_scores_rank_in_position_order() -> None:
    # Long enough that an unstable sort would reorder them (small arrays sort stably anyway).
    scores = np.zeros(200, dtype=np.float32)
    scores[::2] = 1.0
    expected = np.empty(200, dtype=np.int64)
    expected[::2] = np.arange(1, 101)  # the 1.0s, in position order
    expected[1::2] = np.arange(101, 201)  # then the 0.0s, in position order
    assert_array_equal(ranks_of(scores), expected)


def test_negative_scores_rank_like_any_others() -> None:
    assert_array_equal(ranks_of(arr(-1.0, -3.0, -2.0, 0.0)), [2, 4, 3, 1])


def test_ranks_of_nothing_is_empty() -> None:
    ranks = ranks_of(arr())
    assert ranks.shape == (0,) and ranks.dtype == np.int64


# ---- reciprocal rank fusion --------------------------------------------------------------------

DENSE = arr(0.9, 0.1, 0.5)  # ranks 1, 3, 2
BM25 = arr(0.0, 2.0, 1.0)  # ranks 3, 1, 2; position 0 has no lexical match
WEIGHTS = {"dense": 0.6, "bm25": 0.4}


def test_rrf_sums_weight_over_k_plus_rank() -> None:
    fused = reciprocal_rank_fusion({"dense": DENSE, "bm25": BM25}, WEIGHTS, k=60)
    # Position 0 gets nothing from BM25: a zero lexical score is no match, whatever its rank.
    assert_allclose(fused, [0.6 / 61, 0.6 / 63 + 0.4 / 61, 0.6 / 62 + 0.4 / 62])
    assert list(np.argsort(-fused, kind="stable")) == [2, 1, 0]


def test_rrf_k_changes_the_contributions() -> None:
    fused = reciprocal_rank_fusion({"dense": DENSE, "bm25": BM25}, WEIGHTS, k=1)
    assert_allclose(fused, [0.6 / 2, 0.6 / 4 + 0.4 / 2, 0.6 / 3 + 0.4 / 3])


def test_rrf_depth_drops_positions_ranked_below_it() -> None:
    fused = reciprocal_rank_fusion({"dense": DENSE, "bm25": BM25}, WEIGHTS, k=60, depth=2)
    # Dense ranks position 1 third: beyond depth 2, so only its BM25 rank 1 counts.
    assert_allclose(fused, [0.6 / 61, 0.4 / 61, 0.6 / 62 + 0.4 / 62])


def test_rrf_ignores_negative_bm25_scores_but_not_negative_cosines() -> None:
    dense = arr(-0.2, -0.1)  # ranks 2, 1: cosines may be negative and still rank
    bm25 = arr(-1.0, 3.0)  # position 0: negative lexical score, no match
    fused = reciprocal_rank_fusion({"dense": dense, "bm25": bm25}, {"dense": 1.0, "bm25": 1.0}, k=10)
    assert_allclose(fused, [1 / 12, 1 / 11 + 1 / 11])


def test_rrf_ties_follow_position_order() -> None:
    fused = reciprocal_rank_fusion({"dense": arr(0.5, 0.5, 0.5)}, {"dense": 1.0}, k=0)
    assert_allclose(fused, [1 / 1, 1 / 2, 1 / 3])


def test_rrf_weight_defaults_to_one() -> None:
    fused = reciprocal_rank_fusion({"other": arr(0.2, 0.8)}, {}, k=60)
    assert_allclose(fused, [1 / 62, 1 / 61])


def test_rrf_of_nothing_is_empty() -> None:
    assert reciprocal_rank_fusion({}, WEIGHTS).shape == (0,)
    assert reciprocal_rank_fusion({"dense": arr(), "bm25": arr()}, WEIGHTS).shape == (0,)


# ---- weighted (min-max) fusion ------------------------------------------------------------------


def test_weighted_fusion_normalises_each_stage_over_its_range_and_zero() -> None:
    # The range always includes 0: dense [0.2, 0.6, 0.4] spans 0..0.6, bm25 [4, 0, 8] spans 0..8.
    fused = weighted_fusion({"dense": arr(0.2, 0.6, 0.4), "bm25": arr(4.0, 0.0, 8.0)}, WEIGHTS)
    assert_allclose(fused, [0.6 * (0.2 / 0.6) + 0.4 * 0.5, 0.6 * 1.0, 0.6 * (0.4 / 0.6) + 0.4 * 1.0], rtol=1e-6)


def test_weighted_fusion_with_negative_scores() -> None:
    fused = weighted_fusion({"dense": arr(-0.5, 0.5, 0.0)}, {"dense": 2.0})
    assert_allclose(fused, [0.0, 2.0, 1.0])


def test_weighted_fusion_of_a_flat_stage_adds_nothing() -> None:
    fused = weighted_fusion({"dense": arr(0.3, 0.6), "bm25": arr(0.0, 0.0)}, WEIGHTS)
    assert_allclose(fused, [0.6 * 0.5, 0.6 * 1.0])
    assert_allclose(weighted_fusion({"bm25": arr(-1.0, -1.0)}, WEIGHTS), [0.4 * 0.0, 0.4 * 0.0])


def test_weighted_fusion_returns_float64_and_keeps_ties() -> None:
    fused = weighted_fusion({"dense": arr(0.5, 0.5, 0.25)}, {"dense": 1.0})
    assert fused.dtype == np.float64
    assert_allclose(fused, [1.0, 1.0, 0.5])


def test_weighted_fusion_of_nothing_is_empty() -> None:
    assert weighted_fusion({}, WEIGHTS).shape == (0,)
    assert weighted_fusion({"dense": arr()}, WEIGHTS).shape == (0,)


# ---- linear fusion on absolute scales ----------------------------------------------------------


def test_linear_fusion_divides_by_the_scale_then_weights() -> None:
    fused = linear_fusion({"dense": arr(0.8, 0.2), "bm25": arr(6.0, 3.0)}, {"dense": 0.55, "bm25": 0.45}, {"bm25": 6.0})
    assert_allclose(fused, [0.55 * 0.8 + 0.45 * 1.0, 0.55 * 0.2 + 0.45 * 0.5], rtol=1e-6)


def test_linear_fusion_scale_defaults_to_one_and_weight_to_one() -> None:
    assert_allclose(linear_fusion({"dense": arr(0.5, -0.25)}, {}), [0.5, -0.25])
    assert_allclose(linear_fusion({"bm25": arr(2.0)}, {"bm25": 0.5}, None), [1.0])


@pytest.mark.parametrize("scale", [0.0, -3.0])
def test_linear_fusion_with_no_ceiling_ignores_that_stage(scale: float) -> None:
    """A query with no indexed word has ceiling 0: its BM25 scores (all zero) must not divide by it."""
    fused = linear_fusion({"dense": arr(0.4, 0.1), "bm25": arr(5.0, 1.0)}, WEIGHTS, {"bm25": scale})
    assert np.isfinite(fused).all()
    assert_allclose(fused, [0.6 * 0.4, 0.6 * 0.1], rtol=1e-6)


def test_linear_fusion_keeps_negative_scores() -> None:
    fused = linear_fusion({"dense": arr(-0.3, 0.3)}, {"dense": 2.0})
    assert_allclose(fused, [-0.6, 0.6], rtol=1e-6)


def test_linear_fusion_is_not_min_max_weak_evidence_stays_weak() -> None:
    """The best passage of a weak lexical match gets little, unlike under min-max normalisation."""
    weak = {"dense": arr(0.0, 0.0), "bm25": arr(0.6, 0.0)}
    strong = {"dense": arr(0.0, 0.0), "bm25": arr(6.0, 0.0)}
    ceiling = {"bm25": 6.0}
    assert_allclose(linear_fusion(weak, WEIGHTS, ceiling), [0.4 * 0.1, 0.0], rtol=1e-6)
    assert_allclose(linear_fusion(strong, WEIGHTS, ceiling), [0.4 * 1.0, 0.0], rtol=1e-6)
    assert_allclose(weighted_fusion(weak, WEIGHTS), weighted_fusion(strong, WEIGHTS))


def test_linear_fusion_of_nothing_is_empty() -> None:
    assert linear_fusion({}, WEIGHTS).shape == (0,)
    assert linear_fusion({"dense": arr(), "bm25": arr()}, WEIGHTS, {"bm25": 2.0}).shape == (0,)


def test_linear_fusion_with_a_real_bm25_ceiling() -> None:
    """Same raw BM25 scores, but a question whose other words the corpus lacks has a higher
    ceiling, so its lexical evidence counts for less (what RetrievalSettings.missing_word_weight does)."""
    from qa.index.bm25 import BM25Index

    bm25 = BM25Index.build(["grain exports resumed quickly", "wheat harvest failed badly",
                            "ships left harbour early", "grain ships harbour today"])
    known = bm25.query_terms("grain exports")
    lacking = bm25.query_terms("grain exports tungsten molybdenum")
    assert lacking.missing == ("tungsten", "molybdenum")
    raw = bm25.weighted_scores(known.weights)
    assert_array_equal(raw, bm25.weighted_scores(lacking.weights))
    assert raw[0] > raw[3] > 0 == raw[1] == raw[2]

    c_known, c_lacking = bm25.ceiling(known, 0.5), bm25.ceiling(lacking, 0.5)
    assert c_lacking == pytest.approx(c_known + 0.5 * bm25.max_idf * 2)
    dense = arr(0.1, 0.1, 0.1, 0.1)
    full = linear_fusion({"dense": dense, "bm25": raw}, WEIGHTS, {"bm25": c_known})
    weak = linear_fusion({"dense": dense, "bm25": raw}, WEIGHTS, {"bm25": c_lacking})
    expected = 0.6 * dense.astype(np.float64) + 0.4 * raw.astype(np.float64) / c_known
    assert_allclose(full, expected, rtol=1e-6)
    assert_allclose(weak, 0.6 * dense.astype(np.float64) + 0.4 * raw.astype(np.float64) / c_lacking, rtol=1e-6)
    assert weak[0] < full[0] and 0 < raw[0] / c_known <= 1

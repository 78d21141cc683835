"""Fusing rankings from several retrievers: pure functions over score arrays.

Both take one score array per retriever, aligned on the same passage positions, and return
fused scores for those positions (higher is better).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    import numpy as np


def ranks_of(scores: np.ndarray) -> np.ndarray:
    """1-based rank of every position when sorted by descending score (ties keep position order)."""
    import numpy as np

    order = np.argsort(-scores, kind="stable")
    ranks = np.empty(len(scores), dtype=np.int64)
    ranks[order] = np.arange(1, len(scores) + 1)
    return ranks


def reciprocal_rank_fusion(
    scores: Mapping[str, np.ndarray], weights: Mapping[str, float], k: int = 60, depth: int | None = None
) -> np.ndarray:
    """RRF (Cormack et al. 2009): sum over retrievers of weight / (k + rank).

    Positions ranked below `depth` by a retriever, or with a zero or negative lexical score,
    get nothing from it, as if that retriever had not returned them.
    """
    import numpy as np

    fused = None
    for name, values in scores.items():
        ranks = ranks_of(values).astype(np.float64)
        contribution = weights.get(name, 1.0) / (k + ranks)
        if depth is not None:
            contribution[ranks > depth] = 0.0
        if name == "bm25":
            contribution[values <= 0] = 0.0
        fused = contribution if fused is None else fused + contribution
    return fused if fused is not None else np.zeros(0)


def weighted_fusion(scores: Mapping[str, np.ndarray], weights: Mapping[str, float]) -> np.ndarray:
    """Convex combination of min-max normalised scores."""
    import numpy as np

    fused = None
    for name, values in scores.items():
        values = values.astype(np.float64)
        low, high = float(values.min(initial=0.0)), float(values.max(initial=0.0))
        norm = (values - low) / (high - low) if high > low else np.zeros_like(values)
        part = weights.get(name, 1.0) * norm
        fused = part if fused is None else fused + part
    return fused if fused is not None else np.zeros(0)


def linear_fusion(
    scores: Mapping[str, np.ndarray], weights: Mapping[str, float], scales: Mapping[str, float] | None = None
) -> np.ndarray:
    """Weighted sum of scores on absolute scales: each array divided by its scale (default 1).

    Unlike min-max normalisation, a fixed scale keeps how strong the evidence is: cosine
    similarity is already absolute, and BM25 divided by the query's ceiling (the score of a
    passage matching every query word once) is near 1 for a full match and near 0 when the
    corpus lacks most query words, whatever the best passage happens to score.
    """
    import numpy as np

    fused = None
    for name, values in scores.items():
        scale = (scales or {}).get(name, 1.0)
        part = weights.get(name, 1.0) * (values.astype(np.float64) / scale if scale > 0 else np.zeros(len(values)))
        fused = part if fused is None else fused + part
    return fused if fused is not None else np.zeros(0)

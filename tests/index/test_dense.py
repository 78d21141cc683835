"""The FAISS vector index (qa.index.dense): flat or HNSW by size, save/load, exact and approximate search."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from qa.errors import InputError
from qa.index import dense


def unit_vectors(n: int, dim: int, seed: int) -> np.ndarray:
    vectors = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def exact_top(vectors: np.ndarray, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Brute-force cosine neighbours: (scores, positions), best first, ties by position."""
    scores = vectors @ query
    order = np.argsort(-scores, kind="stable")[:k]
    return scores[order], order


# ---- which index type ---------------------------------------------------------------------------


def test_auto_is_flat_below_the_threshold_then_hnsw_then_compressed_hnsw() -> None:
    assert dense.choose_kind(0) == "flat"
    assert dense.choose_kind(dense.HNSW_THRESHOLD - 1) == "flat"
    assert dense.choose_kind(dense.HNSW_THRESHOLD) == "hnsw"
    assert dense.choose_kind(dense.COMPRESS_THRESHOLD - 1, "auto") == "hnsw"
    assert dense.choose_kind(dense.COMPRESS_THRESHOLD) == "hnsw-sq8"
    assert dense.choose_kind(dense.COMPRESS_THRESHOLD * 10) == "hnsw-sq8"


def test_a_requested_kind_wins_over_the_size() -> None:
    assert dense.choose_kind(10, "hnsw") == "hnsw"
    assert dense.choose_kind(dense.HNSW_THRESHOLD * 2, "flat") == "flat"
    assert dense.choose_kind(10, "hnsw-sq8") == "hnsw-sq8"
    assert dense.choose_kind(dense.COMPRESS_THRESHOLD, "hnsw") == "hnsw"


@pytest.mark.parametrize("kind", ["ivf", "HNSW", ""])
def test_an_unknown_kind_is_an_input_error(kind: str) -> None:
    with pytest.raises(InputError, match="auto, flat, hnsw"):
        dense.choose_kind(10, kind)
    with pytest.raises(InputError):
        dense.build(unit_vectors(3, 4, seed=0), kind)


def test_build_follows_the_size(monkeypatch: pytest.MonkeyPatch) -> None:
    # A low threshold stands in for 50,000 passages, so the size rule is checked on 200 vectors.
    monkeypatch.setattr(dense, "HNSW_THRESHOLD", 200)
    monkeypatch.setattr(dense, "COMPRESS_THRESHOLD", 300)
    assert dense.kind_of(dense.build(unit_vectors(199, 8, seed=1))) == "flat"
    index = dense.build(unit_vectors(200, 8, seed=1))
    assert dense.kind_of(index) == "hnsw"
    assert index.hnsw.efSearch == 128 and index.hnsw.efConstruction == 80
    index = dense.build(unit_vectors(300, 8, seed=1))
    assert dense.kind_of(index) == "hnsw-sq8"
    assert index.hnsw.efSearch == 128 and index.hnsw.efConstruction == 80


def test_build_kinds_and_their_parameters() -> None:
    vectors = unit_vectors(50, 8, seed=2)
    flat = dense.build(vectors, "flat")
    assert dense.kind_of(flat) == "flat" and flat.ntotal == 50 and flat.d == 8
    hnsw = dense.build(vectors, "hnsw", hnsw_m=16, ef_construction=40, ef_search=64)
    assert dense.kind_of(hnsw) == "hnsw" and hnsw.ntotal == 50 and hnsw.d == 8
    assert hnsw.hnsw.efConstruction == 40 and hnsw.hnsw.efSearch == 64


@pytest.mark.parametrize("kind", ["flat", "hnsw"])
def test_vectors_of_returns_the_stored_vectors_in_order(kind: str) -> None:
    vectors = unit_vectors(40, 16, seed=3)
    stored = dense.vectors_of(dense.build(vectors.astype(np.float64), kind))
    assert stored.dtype == np.float32
    assert_array_equal(stored, vectors)


@pytest.mark.parametrize("kind", ["flat", "hnsw", "hnsw-sq8"])
def test_an_empty_index(kind: str) -> None:
    index = dense.build(np.zeros((0, 8), dtype=np.float32), kind)
    assert index.ntotal == 0 and dense.kind_of(index) == kind
    assert dense.vectors_of(index).shape == (0, 8)
    scores, ids = dense.search(index, unit_vectors(1, 8, seed=4)[0], 5)
    assert scores.shape == ids.shape == (0,)


# ---- save and load ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["flat", "hnsw"])
def test_save_load_round_trip(kind: str, tmp_path: Path) -> None:
    vectors = unit_vectors(300, 16, seed=5)
    index = dense.build(vectors, kind)
    path = tmp_path / f"dense-{kind}.faiss"
    dense.save(index, path)
    loaded = dense.load(path)
    assert dense.kind_of(loaded) == kind and loaded.d == 16
    assert_array_equal(dense.vectors_of(loaded), vectors)
    query = unit_vectors(1, 16, seed=6)[0]
    before, after = dense.search(index, query, 10), dense.search(loaded, query, 10)
    assert_array_equal(before[1], after[1])
    assert_allclose(before[0], after[0])


def test_load_raises_a_low_hnsw_search_depth_to_128(tmp_path: Path) -> None:
    path = tmp_path / "dense.faiss"
    dense.save(dense.build(unit_vectors(50, 8, seed=7), "hnsw", ef_search=16), path)
    assert dense.load(path).hnsw.efSearch == 128
    dense.save(dense.build(unit_vectors(50, 8, seed=7), "hnsw", ef_search=256), path)
    assert dense.load(path).hnsw.efSearch == 256


# ---- search ---------------------------------------------------------------------------------------


def test_flat_search_returns_the_exact_neighbours() -> None:
    vectors = unit_vectors(500, 32, seed=8)
    index = dense.build(vectors)
    assert dense.kind_of(index) == "flat"
    for query in unit_vectors(20, 32, seed=9):
        scores, ids = dense.search(index, query, 10)
        expected_scores, expected_ids = exact_top(vectors, query, 10)
        assert ids.dtype == np.int64 and ids.shape == (10,)
        assert_array_equal(ids, expected_ids)
        assert_allclose(scores, expected_scores, rtol=1e-5, atol=1e-6)
        assert np.all(np.diff(scores) <= 0)


def test_a_stored_vector_finds_itself_first_with_cosine_one() -> None:
    vectors = unit_vectors(100, 16, seed=10)
    index = dense.build(vectors, "flat")
    scores, ids = dense.search(index, vectors[42], 3)
    assert ids[0] == 42 and scores[0] == pytest.approx(1.0, abs=1e-5)


def test_search_scores_are_inner_products_not_distances() -> None:
    vectors = np.array([[1, 0], [0, 1], [-1, 0], [0.6, 0.8]], dtype=np.float32)
    scores, ids = dense.search(dense.build(vectors), np.array([1, 0], dtype=np.float32), 4)
    assert_array_equal(ids, [0, 3, 1, 2])
    assert_allclose(scores, [1.0, 0.6, 0.0, -1.0], atol=1e-6)


@pytest.mark.parametrize("kind", ["flat", "hnsw", "hnsw-sq8"])
def test_k_larger_than_the_index_returns_every_vector(kind: str) -> None:
    vectors = unit_vectors(7, 8, seed=11)
    scores, ids = dense.search(dense.build(vectors, kind), vectors[0], 50)
    assert sorted(ids.tolist()) == list(range(7))
    assert (ids >= 0).all() and scores.shape == (7,)
    assert dense.search(dense.build(vectors, kind), vectors[0], 0)[1].shape == (0,)


def test_hnsw_recall_at_10_on_a_few_thousand_vectors() -> None:
    vectors = unit_vectors(3000, 64, seed=12)
    index = dense.build(vectors, "hnsw")
    queries = unit_vectors(100, 64, seed=13)
    found = 0
    for query in queries:
        scores, ids = dense.search(index, query, 10)
        assert_allclose(scores, vectors[ids] @ query, rtol=1e-5, atol=1e-6)  # cosines, best first
        assert np.all(np.diff(scores) <= 1e-6)
        found += len(set(ids.tolist()) & set(exact_top(vectors, query, 10)[1].tolist()))
    recall = found / (10 * len(queries))
    assert recall >= 0.95, f"HNSW recall@10 {recall:.3f}"


def test_hnsw_sq8_stores_vectors_in_8_bits_and_keeps_recall_and_cosines(tmp_path: Path) -> None:
    """Compressed: a quarter of the float32 bytes; decoded vectors, scores and neighbours stay close."""
    vectors = unit_vectors(3000, 64, seed=12)
    index = dense.build(vectors, "hnsw-sq8")
    plain = dense.build(vectors, "hnsw")
    path, plain_path = tmp_path / "sq8.faiss", tmp_path / "plain.faiss"
    dense.save(index, path)
    dense.save(plain, plain_path)
    loaded = dense.load(path)
    assert dense.kind_of(loaded) == "hnsw-sq8" and loaded.hnsw.efSearch == 128
    vector_bytes = 3000 * 64 * 4
    assert plain_path.stat().st_size - path.stat().st_size >= 0.7 * vector_bytes  # 3 of every 4 bytes saved
    decoded = dense.vectors_of(loaded)
    assert decoded.shape == vectors.shape and decoded.dtype == np.float32
    assert np.min(np.sum(decoded * vectors, axis=1) / np.linalg.norm(decoded, axis=1)) > 0.999
    found = 0
    for query in unit_vectors(100, 64, seed=13):
        scores, ids = dense.search(loaded, query, 10)
        assert_allclose(scores, vectors[ids] @ query, atol=0.01)
        found += len(set(ids.tolist()) & set(exact_top(vectors, query, 10)[1].tolist()))
    recall = found / 1000
    assert recall >= 0.95, f"HNSW-SQ8 recall@10 {recall:.3f}"


def test_hnsw_sq8_over_one_vector() -> None:
    vector = unit_vectors(1, 8, seed=15)
    scores, ids = dense.search(dense.build(vector, "hnsw-sq8"), vector[0], 5)
    assert ids.tolist() == [0] and scores[0] == pytest.approx(1.0, abs=0.01)


# ---- wrong dimensions ---------------------------------------------------------------------------


@pytest.mark.parametrize("dim", [7, 9])
def test_a_query_of_the_wrong_dimension_is_a_clear_error(dim: int) -> None:
    index = dense.build(unit_vectors(20, 8, seed=14))
    with pytest.raises(ValueError, match=rf"(?s)dimension.*\b{dim}\b|\b{dim}\b.*dimension"):
        dense.search(index, np.ones(dim, dtype=np.float32), 3)


def test_vectors_that_are_not_a_matrix_are_a_clear_error() -> None:
    with pytest.raises(ValueError, match="dimension|shape|matrix"):
        dense.build(np.ones(8, dtype=np.float32))



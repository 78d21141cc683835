"""The on-disk embedding cache: identical texts encoded once, cached texts not at all, damaged files ignored."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from qa.embed.cache import EmbeddingCache, cache_folder, embed_cached


class CountingEncoder:
    """Stands in for qa.embed.encoder.Encoder: a vector per text from its hash, and a log of what it encoded."""

    vector_key = "test-key"
    dimension = 8

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode(self, texts, progress=False, on_step=None):
        self.encoded.extend(texts)
        vectors = np.stack([np.random.default_rng(abs(hash(t)) % 2**32).standard_normal(8) for t in texts]).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        if on_step is not None:
            on_step(list(range(len(texts))), vectors)
        return vectors


def test_identical_texts_are_encoded_once_and_cached_texts_not_at_all(tmp_path: Path) -> None:
    encoder = CountingEncoder()
    texts = ["alpha", "beta", "alpha", "gamma"]
    hashes = ["a", "b", "a", "c"]
    first = embed_cached(encoder, texts, hashes, tmp_path)
    assert sorted(encoder.encoded) == ["alpha", "beta", "gamma"]
    assert np.array_equal(first[0], first[2])

    again = CountingEncoder()
    second = embed_cached(again, ["gamma", "delta", "alpha"], ["c", "d", "a"], tmp_path)
    assert again.encoded == ["delta"]
    assert np.array_equal(second[0], first[3]) and np.array_equal(second[2], first[0])


def test_cache_files_are_plain_and_reload(tmp_path: Path) -> None:
    embed_cached(CountingEncoder(), ["x", "y"], ["h1", "h2"], tmp_path)
    folder = tmp_path / "test-key"
    assert sorted(p.name for p in folder.iterdir()) == ["cache.json", "hashes.txt", "vectors.npy"]
    assert (folder / "hashes.txt").read_text().split() == ["h1", "h2"]
    assert np.load(folder / "vectors.npy", allow_pickle=False).shape == (2, 8)
    assert len(EmbeddingCache(tmp_path, "test-key", 8)) == 2
    assert len(EmbeddingCache(tmp_path, "test-key", 16)) == 0  # another dimension: not this cache


@pytest.mark.parametrize("damage", ["truncate vectors", "edit hashes", "drop manifest"])
def test_damaged_cache_is_ignored_and_rewritten(tmp_path: Path, damage: str) -> None:
    embed_cached(CountingEncoder(), ["x", "y"], ["h1", "h2"], tmp_path)
    folder = tmp_path / "test-key"
    if damage == "truncate vectors":
        data = (folder / "vectors.npy").read_bytes()
        (folder / "vectors.npy").write_bytes(data[: len(data) // 2])
    elif damage == "edit hashes":
        (folder / "hashes.txt").write_text("h2\nh1\n")
    else:
        (folder / "cache.json").unlink()
    assert len(EmbeddingCache(tmp_path, "test-key", 8)) == 0
    encoder = CountingEncoder()
    embed_cached(encoder, ["x"], ["h1"], tmp_path)
    assert encoder.encoded == ["x"]
    assert len(EmbeddingCache(tmp_path, "test-key", 8)) >= 1


def test_cache_keeps_at_most_its_limit_most_recent_first(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path, "k", 2, limit=3)
    cache.add(["a", "b", "c", "d"], np.ones((4, 2), dtype=np.float32))
    cache.save()
    kept = EmbeddingCache(tmp_path, "k", 2, limit=3)
    assert len(kept) == 3
    assert (tmp_path / "k" / "hashes.txt").read_text().split() == ["a", "b", "c"]


def test_cache_folder_is_beside_the_index(tmp_path: Path) -> None:
    assert cache_folder(tmp_path / "index") == tmp_path / "index.embed-cache"

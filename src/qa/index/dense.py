"""The FAISS vector index: exact inner product for small corpora, HNSW for large ones, and HNSW
over 8-bit scalar-quantised vectors for very large ones."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qa.errors import InputError

if TYPE_CHECKING:
    import numpy as np

# Below this many vectors exact scoring of every passage costs under ~7 ms a query (CPU p50:
# 1.4 ms at 10k, 7 ms at 50k, 15 ms at 100k); above it HNSW answers in under 1 ms at
# recall@10 0.99 (efSearch 128), at the price of a slow build (187 s for 100k on 2 cores).
# Measured with benchmarks/bench_faiss.py.
HNSW_THRESHOLD = 50_000
# From this many vectors HNSW stores them in 8 bits a dimension (SQ8) instead of float32:
# 626 MB per million passages instead of 1,724, recall@10 against exact search 0.986 instead
# of 0.995 (100k synthetic vectors; 0.993 vs 1.000 on real press-release vectors), same query
# time. float16 keeps the recall but needs 992 MB; IVF-SQ8 needs 389 MB and builds 5x faster,
# but scans more vectors per query as the index grows. benchmarks/bench_large_index.py.
COMPRESS_THRESHOLD = 200_000
DENSE_KINDS = ("auto", "flat", "hnsw", "hnsw-sq8")


def choose_kind(n: int, requested: str = "auto") -> str:
    """The index type for n vectors: `requested` unless it is "auto"."""
    if requested not in DENSE_KINDS:
        raise InputError(f"dense index type must be one of {', '.join(DENSE_KINDS)}, not {requested!r}")
    if requested != "auto":
        return requested
    if n >= COMPRESS_THRESHOLD:
        return "hnsw-sq8"
    return "hnsw" if n >= HNSW_THRESHOLD else "flat"


def build(vectors: np.ndarray, kind: str = "auto", hnsw_m: int = 32, ef_construction: int = 80, ef_search: int = 128):
    """A FAISS index over unit vectors scored by inner product (= cosine)."""
    import faiss
    import numpy as np

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if vectors.ndim != 2:
        raise InputError(f"vectors must be a matrix (one row per passage), not an array of shape {vectors.shape}")
    dim = vectors.shape[1]
    kind = choose_kind(len(vectors), kind)
    if kind == "flat":
        index = faiss.IndexFlatIP(dim)
    else:
        if kind == "hnsw":
            index = faiss.IndexHNSWFlat(dim, hnsw_m, faiss.METRIC_INNER_PRODUCT)
        else:
            index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = ef_construction
        index.hnsw.efSearch = ef_search
    if len(vectors):
        if not index.is_trained:
            index.train(vectors)  # the quantiser's per-dimension ranges
        index.add(vectors)
    return index


def kind_of(index) -> str:
    import faiss

    if not isinstance(index, faiss.IndexHNSW):
        return "flat"
    return "hnsw-sq8" if isinstance(faiss.downcast_index(index.storage), faiss.IndexScalarQuantizer) else "hnsw"


def vectors_of(index) -> np.ndarray:
    """All stored vectors, in insertion order: as given for flat and hnsw, decoded for hnsw-sq8
    (cosine to the originals above 0.999: what an incremental build reuses)."""
    import numpy as np

    if index.ntotal == 0:
        return np.zeros((0, index.d), dtype=np.float32)
    return index.reconstruct_n(0, index.ntotal)


def save(index, path: Path) -> None:
    import faiss

    faiss.write_index(index, str(path))


def serialize(index) -> memoryview:
    """The index as the bytes `load` reads back (FAISS's own file format)."""
    import faiss

    return memoryview(faiss.serialize_index(index))


def load(path: Path):
    import faiss

    index = faiss.read_index(str(path))
    if hasattr(index, "hnsw"):
        index.hnsw.efSearch = max(index.hnsw.efSearch, 128)
    return index


def search(index, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(scores, positions) of the k nearest vectors to one query vector; positions -1 are padding."""
    import numpy as np

    if query.size != index.d:
        raise InputError(f"the query vector has dimension {query.size}, the index holds vectors of dimension {index.d}")
    k = min(k, index.ntotal)
    if k <= 0:
        return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
    scores, ids = index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), k)
    keep = ids[0] >= 0
    return scores[0][keep], ids[0][keep]

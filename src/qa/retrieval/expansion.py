"""Lexical query expansion with static word vectors from the embedding model's input layer.

A question often names a thing with a word the documents never use ("lender" for "bank",
"biggest" for "largest", "atomic" for "nuclear"); BM25 then finds nothing for it. The
model's input token-embedding matrix places such words close together without running the
transformer. At index time every corpus term gets a static vector (the mean of its word
pieces' rows, for the term's most frequent written form); at query time each question word
missing from the corpus is looked up in the same matrix and added to the BM25 query as its
nearest corpus terms, weighted by similarity. Cost per query: a few row reads and one
small matrix product per missing word; no model call.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import numpy as np

    from qa.index.bm25 import BM25Index

log = logging.getLogger(__name__)

WEIGHTS_FILES = ("model.safetensors",)
# Most corpus terms given vectors: beyond it the rarest are left out (names, numbers and typos
# rarely stand in for a paraphrase), which bounds the cost of expanding a word on a big corpus
# to one matrix-vector product over 10,000 x 384 floats (about a millisecond).
MAX_TERMS = 10_000
# Neighbours kept per expanded word in the per-word cache.
_CACHED_NEIGHBOURS = 8


def _embedding_key(handle) -> str | None:
    for key in handle.keys():
        if key.endswith("word_embeddings.weight"):
            return key
    return None


class TokenVectors:
    """Rows of a model's input token-embedding matrix, read on demand from its safetensors file."""

    def __init__(self, model_dir: Path, tokenizer) -> None:
        from safetensors import safe_open

        path = Path(model_dir) / WEIGHTS_FILES[0]
        self._handle = safe_open(str(path), framework="numpy")
        key = _embedding_key(self._handle)
        if key is None:
            raise ValueError(f"no word-embedding matrix in {path}")
        self._rows = self._handle.get_slice(key)
        self.dimension = int(self._rows.get_shape()[1])
        self._tokenizer = tokenizer
        self._cache: OrderedDict[str, np.ndarray | None] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def open(cls, model_dir: Path, tokenizer) -> TokenVectors | None:
        """The model's token vectors, or None when its weights are not in a safetensors file."""
        try:
            return cls(model_dir, tokenizer)
        except Exception as exc:  # a missing file, another format, or no safetensors package
            log.info("static word vectors unavailable for %s (%s): query expansion is off", model_dir, exc)
            return None

    def word(self, word: str) -> np.ndarray | None:
        """The unit-length mean of the word's word-piece rows (None for a word with no pieces)."""
        import numpy as np

        with self._lock:
            if word in self._cache:
                self._cache.move_to_end(word)
                return self._cache[word]
        ids = self._tokenizer.encode(word, add_special_tokens=False).ids
        vector = None
        if ids:
            rows = np.concatenate([self._rows[i : i + 1] for i in ids]).astype(np.float32)
            mean = rows.mean(axis=0)
            norm = float(np.linalg.norm(mean))
            vector = mean / norm if norm > 0 else None
        with self._lock:
            self._cache[word] = vector
            if len(self._cache) > 4096:
                self._cache.popitem(last=False)
        return vector

    def words(self, words: Sequence[str]) -> np.ndarray:
        """Vectors for many words, (len(words), dimension) float32; zero rows where there is none."""
        import numpy as np

        out = np.zeros((len(words), self.dimension), dtype=np.float32)
        for row, word in enumerate(words):
            vector = self.word(word)
            if vector is not None:
                out[row] = vector
        return out


def term_vectors(bm25: BM25Index, texts: Sequence[str], tokens: TokenVectors | None) -> tuple[list[str], np.ndarray]:
    """(terms, float16 vectors) for the corpus vocabulary: each stem's most frequent written form."""
    import numpy as np

    from qa.index.bm25 import stem, surface_words

    if tokens is None:
        return [], np.zeros((0, 0), dtype=np.float16)
    forms: dict[str, Counter] = {}
    frequency: Counter = Counter()
    stems: dict[str, str] = {}  # stemming each distinct word once keeps big corpora fast
    for words in surface_words(texts):
        for word in words:
            if len(word) < 3 or not word.isalpha():
                continue  # numbers and fragments have no useful neighbours
            term = stems.get(word)
            if term is None:
                term = stems[word] = stem(word)
            if term in bm25.vocab:
                forms.setdefault(term, Counter())[word] += 1
                frequency[term] += 1
    terms = [t for t, _ in frequency.most_common(MAX_TERMS)]
    written = [forms[t].most_common(1)[0][0] for t in terms]
    return terms, tokens.words(written).astype(np.float16)


class Expander:
    """Maps question words missing from the corpus to weighted corpus terms."""

    def __init__(self, terms: Sequence[str], vectors: np.ndarray, bm25: BM25Index, tokens: TokenVectors | None) -> None:
        import numpy as np

        keep = [i for i, t in enumerate(terms) if t in bm25.vocab]
        self._ids = np.array([bm25.vocab[terms[i]] for i in keep], dtype=np.int64)
        self._vectors = np.ascontiguousarray(vectors[keep], dtype=np.float32) if keep else None
        self._tokens = tokens
        self._rows = {terms[i]: row for row, i in enumerate(keep)}
        self._cache: OrderedDict[str, list[tuple[int, float]]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self._tokens is not None and self._vectors is not None and len(self._ids) > 0

    def neighbours(self, word: str, count: int) -> list[tuple[int, float]]:
        """The `count` corpus terms closest to a word, as (term id, cosine), closest first."""
        import numpy as np

        count = max(count, _CACHED_NEIGHBOURS)
        with self._lock:
            cached = self._cache.get(word)
            if cached is not None and len(cached) >= min(count, len(self._ids)):
                self._cache.move_to_end(word)
                return cached
        vector = self._tokens.word(word)
        found: list[tuple[int, float]] = []
        if vector is not None:
            # einsum's own loop, not BLAS: OpenBLAS starts threads for a product this size, which
            # on a busy 2-core machine makes it ten times slower (measured: 20 ms against 2 ms).
            sims = np.einsum("ij,j->i", self._vectors, vector)
            top = np.argpartition(-sims, count - 1)[:count] if count < len(sims) else np.arange(len(sims))
            top = top[np.argsort(-sims[top], kind="stable")]
            found = [(int(self._ids[i]), float(sims[i])) for i in top]
        with self._lock:
            self._cache[word] = found
            if len(self._cache) > 4096:
                self._cache.popitem(last=False)
        return found

    def closeness(self, words: Sequence[str], terms: Sequence[str]) -> np.ndarray:
        """(len(words), len(terms)) cosines between written words and corpus terms (stems); 0 where
        either has no vector (a term outside the MAX_TERMS most frequent, a word with no pieces)."""
        import numpy as np

        out = np.zeros((len(words), len(terms)), dtype=np.float32)
        if not self.enabled or not words or not terms:
            return out
        rows = [self._rows.get(t, -1) for t in terms]
        known = [j for j, row in enumerate(rows) if row >= 0]
        if known:
            word_vectors = np.zeros((len(words), self._vectors.shape[1]), dtype=np.float32)
            for i, word in enumerate(words):
                vector = self._tokens.word(word)
                if vector is not None:
                    word_vectors[i] = vector
            term_vectors = self._vectors[[rows[j] for j in known]]
            out[:, known] = np.einsum("ij,kj->ik", word_vectors, term_vectors)
        return out

    def expand(self, words: Sequence[str], threshold: float, per_word: int, weight: float) -> dict[int, float]:
        """{term id: weight x cosine} for up to `per_word` corpus terms at cosine >= threshold per word."""
        out: dict[int, float] = {}
        if not self.enabled or weight <= 0 or per_word <= 0:
            return out
        for word in words:
            if not word.isalpha():
                continue
            for term, sim in self.neighbours(word, per_word)[:per_word]:
                if sim < threshold:
                    break
                out[term] = max(out.get(term, 0.0), weight * sim)
        return out

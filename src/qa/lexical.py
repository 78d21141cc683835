"""BM25 over passages (bm25s, Snowball-stemmed English), and the text both retrievers see."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from qa.sentences import SUPERSCRIPTS

if TYPE_CHECKING:
    import numpy as np

_MARKUP = re.compile(r"[*_`]+|[" + SUPERSCRIPTS + r"]+")


def search_text(text: str) -> str:
    """Passage text as the retrievers should see it: no emphasis markers, no footnote superscripts."""
    return _MARKUP.sub(" ", text)


def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(texts: Sequence[str]) -> list[list[str]]:
    """Lower-cased, stop-word-free, stemmed word tokens."""
    import bm25s

    return bm25s.tokenize(
        [search_text(t) for t in texts], stopwords="en", stemmer=_stemmer(), return_ids=False, show_progress=False
    )


class BM25Index:
    """A bm25s index over passages, saved as bm25s' own plain files (JSON + .npy, no pickle)."""

    def __init__(self, model) -> None:
        self._model = model
        self._vocab = model.vocab_dict

    @classmethod
    def build(cls, texts: Sequence[str], k1: float = 1.2, b: float = 0.75) -> BM25Index:
        import bm25s

        model = bm25s.BM25(k1=k1, b=b)
        tokens = tokenize(texts)
        # bm25s refuses an empty corpus and documents with no token; a placeholder keeps positions aligned.
        tokens = [t if t else ["\x00empty"] for t in tokens] or [["\x00empty"]]
        model.index(tokens, show_progress=False)
        return cls(model)

    def save(self, folder: Path) -> None:
        self._model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> BM25Index:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), mmap=False, show_progress=False, verbosity=0))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for the query (zeros when no query word is indexed)."""
        import numpy as np

        words = [w for w in tokenize([query])[0] if w in self._vocab]
        if not words:
            return np.zeros(self._model.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._model.get_scores(words), dtype=np.float32)

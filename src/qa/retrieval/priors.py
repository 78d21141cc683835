"""Document-metadata prior: questions that name a document by its metadata favour its passages.

Users point at a document by what they know of it: "according to the April commentary",
"the IAI piece", "what does Alcaro say". Those words are in the document's metadata (title,
author, publisher, kind, date) and its byline, but rarely in the passage that answers. Each
document gets a *card* of stemmed metadata terms at index time; at query time the question's
terms are matched against the cards, weighted by IDF over passages and cards (so a word all
over the corpus, like the topic itself, counts for little), and passages of the documents
that match best get a multiplicative boost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

from qa.ingest.dates import spoken_date

if TYPE_CHECKING:
    import numpy as np

    from qa.ingest.clean import CleanDocument
    from qa.index.bm25 import BM25Index

# Title words also describe content, so they count for less than author, publisher, kind or date.
TITLE_WEIGHT = 0.5
META_WEIGHT = 1.0


def card(doc: CleanDocument) -> list[tuple[str, float]]:
    """A document's metadata terms as (stem, weight), highest weight per stem."""
    from qa.ingest.clean import BYLINE, TITLE
    from qa.index.bm25 import stem, surface_words

    meta = doc.meta
    fields: list[tuple[str, float]] = [(meta.title or "", TITLE_WEIGHT)]
    fields += [(value or "", META_WEIGHT) for value in (meta.author, meta.publisher, meta.kind)]
    fields.append((spoken_date(meta.date), META_WEIGHT))
    for segment in doc.segments:
        if segment.kind in (TITLE, BYLINE):
            fields.append((doc.text[segment.start : segment.end], TITLE_WEIGHT if segment.kind == TITLE else META_WEIGHT))
    terms: dict[str, float] = {}
    for (text, weight), words in zip(fields, surface_words([text for text, _ in fields])):
        for word in words:
            term = stem(word)
            terms[term] = max(terms.get(term, 0.0), weight)
    return sorted(terms.items())


class DocumentPrior:
    """Scores documents by how strongly a question's terms match their metadata cards."""

    def __init__(self, doc_ids: Sequence[str], cards: Sequence[Sequence[Sequence]], bm25: BM25Index) -> None:
        from qa.index.bm25 import inverse_document_frequency

        self.doc_ids = list(doc_ids)
        self._index = {d: i for i, d in enumerate(self.doc_ids)}
        card_df: dict[str, int] = {}
        for terms in cards:
            for term, _ in terms:
                card_df[term] = card_df.get(term, 0) + 1
        total = bm25.num_docs + len(self.doc_ids)
        # term -> [(document position, weight x idf)], idf over passages and cards together.
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for position, terms in enumerate(cards):
            for term, weight in terms:
                passage_id = bm25.vocab.get(term)
                df = card_df[term] + (bm25.document_frequency(passage_id) if passage_id is not None else 0)
                idf = inverse_document_frequency(df, total)
                self._postings.setdefault(term, []).append((position, float(weight) * idf))

    def __len__(self) -> int:
        return len(self.doc_ids)

    def position(self, doc_id: str) -> int:
        return self._index.get(doc_id, -1)

    def scores(self, stems: Iterable[str]) -> np.ndarray:
        """Per document: the summed weight x idf of the distinct question terms on its card."""
        import numpy as np

        out = np.zeros(len(self.doc_ids), dtype=np.float64)
        for term in set(stems):
            for position, value in self._postings.get(term, ()):
                out[position] += value
        return out


def boost(scores: np.ndarray, weight: float, cap: float) -> np.ndarray:
    """Multipliers per document: 1 + weight x (score above the least-matching document), capped."""
    import numpy as np

    if not len(scores):
        return np.ones(0)
    return 1.0 + weight * np.minimum(scores - scores.min(), cap)

"""What the sentence model reads about each candidate answer sentence.

`sentence_features` is the one feature extractor: the answerer calls it to answer, and
`eval/fit_answerer.py` calls it (through the answerer) to fit the model, so the two cannot drift
apart. `FEATURES` names its columns; a model file listing other names is refused on load.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Mapping, Sequence

from qa.answering.references import NOTE_KINDS, asks_about_sources, is_reference, names_cited_work, restates_title
from qa.answering.seats import SEATS
from qa.answering.types import URL, asks_for_several, has_type
from qa.ingest.clean import BOILERPLATE
from qa.retrieval.query import Query, word_pairs
from qa.retrieval.retriever import Passage

if TYPE_CHECKING:
    import numpy as np

    from qa.retrieval.retriever import Retriever


FEATURES = (
    "dense",  # cosine of the sentence to the question (mixed with earlier turns)
    "dense_gap",  # dense minus the best candidate's dense (0 for the closest sentence)
    "dense_rank",  # 1 / rank of the sentence's cosine among the candidates
    "lexical",  # IDF-weighted share of the question's words the sentence holds
    "lexical_gap",  # lexical minus the best candidate's lexical
    "phrase",  # share of the question's adjacent word pairs adjacent in the sentence
    "passage_prior",  # 1 / sqrt(rank of the sentence's passage)
    "passage_dense",  # cosine of the sentence's passage to the query (retrieval's dense stage)
    "type_asked",  # the question asks for a number, date, person, place ...
    "type_missing",  # ... and the sentence holds no answer of that kind
    "repeats_question",  # the sentence has no word beyond the question's (and earlier turns')
    "footnote",  # passage kinds (body is the baseline)
    "boilerplate",
    "reference",  # a bibliographic reference, when the question is not about sources or that work
    "title_line",  # the document's own title line, when the question is not about titles
    "log_words",  # log of the sentence's word count
    "first_in_passage",  # the sentence opens its passage
    "unknown_names",  # capitalised question words no document contains (same for every candidate)
    "lexical_near",  # lexical, with a question word the sentence lacks counted at its static-vector
    # cosine to the sentence's closest word when that is at least NEAR_WORD ("begin" ~ "start")
    "lists_asked",  # the question asks for several things and the sentence lists some ("A, B and C")
)
# A list of at least three short items: "Britain, China, Russia and the United States".
_LISTED = re.compile(r"\b[\w’'-]+(?:\s[\w’'-]+){0,2},\s[\w’'-]+(?:\s[\w’'-]+){0,2},?\s(?:and|or)\s[\w’'-]+")
# Least static-vector cosine of two words for one to stand in for the other in `lexical_near`:
# "begin" ~ "start" 0.42 (as the index writes it), "invade" ~ "invasion" 0.69; "begin" ~ "end" 0.28.
NEAR_WORD = 0.4
COLUMN = {name: i for i, name in enumerate(FEATURES)}


@dataclass
class Candidate:
    """One sentence of a retrieved passage, at `local_start:local_end` of the passage text."""

    passage: Passage
    local_start: int
    local_end: int
    text: str
    score: float = 0.0

    @property
    def key(self) -> tuple[str, int]:
        return (self.passage.doc_id, self.passage.start + self.local_start)


def sentence_features(
    retriever: Retriever,
    query: Query,
    candidates: Sequence[Candidate],
    history_weight: float,
    unknown: int,
    titles: Mapping[str, str | None],
) -> np.ndarray:
    """A (candidates x FEATURES) float matrix for one question.

    Args:
        retriever: the loaded index (sentence vectors, IDF).
        query: the question as sentence scoring reads it (with its earlier turns, if any).
        candidates: the sentences to describe.
        history_weight: weight of the earlier turns' vector and words against the question's.
        unknown: how many capitalised question words no document contains.
        titles: doc_id -> the document's title, for recognising title lines.
    """
    import numpy as np

    from qa.index.bm25 import search_text, tokenize

    n = len(candidates)
    out = np.zeros((n, len(FEATURES)), dtype=np.float64)
    if not n:
        return out
    vectors = retriever.encode_sentences([URL.sub(" ", search_text(c.text)) for c in candidates])
    dense = np.asarray(vectors @ query.mixed(history_weight), dtype=np.float64)

    q_terms = set(query.question.tokens)
    c_terms = set(query.recent.tokens) - q_terms if query.recent else set()
    weight = {t: retriever.idf(t) for t in q_terms}
    weight.update({t: history_weight * retriever.idf(t) for t in c_terms})
    total = sum(weight.values()) or 1.0
    sentence_terms = tokenize([c.text for c in candidates])
    q_pairs = query.pairs
    wanted = query.expected_type
    question = query.text
    about_sources = asks_about_sources(question)
    several = asks_for_several(question)
    lexical = np.zeros(n)
    near = np.zeros(n)
    closest = _closest_words(retriever, query, weight, sentence_terms)
    seats = _seat_terms(weight)
    for i, candidate in enumerate(candidates):
        terms = set(sentence_terms[i])
        # A capital or seat of power the question names is its country in the sentence: "What has
        # Washington supplied to Kyiv?" of "The United States has already provided … to Ukraine".
        terms |= {t for t, country in seats.items() if country <= terms}
        lexical[i] = sum(w for t, w in weight.items() if t in terms) / total
        near[i] = lexical[i] + sum(w * closest(t, i) for t, w in weight.items() if t not in terms) / total
        kind = candidate.passage.kind
        row = out[i]
        row[COLUMN["phrase"]] = len(q_pairs & word_pairs(sentence_terms[i])) / len(q_pairs) if q_pairs else 0.0
        row[COLUMN["passage_prior"]] = 1.0 / math.sqrt(max(1, candidate.passage.rank))
        row[COLUMN["passage_dense"]] = candidate.passage.scores.get("dense", 0.0)
        row[COLUMN["type_asked"]] = float(wanted is not None)
        row[COLUMN["type_missing"]] = float(not has_type(candidate.text, wanted, question))
        row[COLUMN["repeats_question"]] = float(not terms - q_terms - c_terms)
        row[COLUMN["footnote"]] = float(kind == "footnote")
        row[COLUMN["boilerplate"]] = float(kind == BOILERPLATE)
        if not about_sources:
            # A link in a footnote or in the publisher's block is a reference, not part of the argument.
            if is_reference(candidate.text, kind in NOTE_KINDS):
                row[COLUMN["reference"]] = float(not names_cited_work(question, candidate.text, candidate.passage.author))
            elif restates_title(candidate.text, titles.get(candidate.passage.doc_id)):
                row[COLUMN["title_line"]] = 1.0
        row[COLUMN["log_words"]] = math.log(max(1, len(sentence_terms[i])))
        row[COLUMN["first_in_passage"]] = float(candidate.local_start == 0)
        row[COLUMN["lists_asked"]] = float(several and _LISTED.search(candidate.text) is not None)
    out[:, COLUMN["dense"]] = dense
    out[:, COLUMN["dense_gap"]] = dense - dense.max()
    order = np.argsort(-dense, kind="stable")
    ranks = np.empty(n)
    ranks[order] = np.arange(1, n + 1)
    out[:, COLUMN["dense_rank"]] = 1.0 / ranks
    out[:, COLUMN["lexical"]] = lexical
    out[:, COLUMN["lexical_gap"]] = lexical - lexical.max()
    out[:, COLUMN["unknown_names"]] = unknown
    out[:, COLUMN["lexical_near"]] = near
    return out


def _seat_terms(weight: Mapping[str, float]) -> dict[str, set[str]]:
    """The question's terms that are a capital or seat of power (`SEATS`), each with its country's
    terms ("washington" -> {"unit", "state"})."""
    countries = _seat_countries()
    return {t: set(countries[t]) for t in weight if t in countries}


@lru_cache(maxsize=1)
def _seat_countries() -> dict[str, frozenset[str]]:
    """Each seat's stem with its country's terms, stemmed once ("beij" -> {"china"})."""
    from qa.index.bm25 import stem, tokenize

    seats = list(SEATS)
    return {stem(seat): frozenset(terms) for seat, terms in zip(seats, tokenize([SEATS[s] for s in seats]))}


def _closest_words(
    retriever: Retriever, query: Query, weight: Mapping[str, float], sentence_terms: Sequence[Sequence[str]]
):
    """closest(question term, i): the static-vector cosine of the question's word for that term to
    the nearest word of sentence i, when it is at least NEAR_WORD; else 0."""
    import numpy as np

    from qa.index.bm25 import stem, surface_words

    expander = retriever.expander
    texts = [query.question.text] + ([query.recent.text] if query.recent else [])
    written = {}
    for word in (w for words in surface_words(texts) for w in words):
        if word.isalpha():
            written.setdefault(stem(word), word)
    asked = [t for t in weight if t in written]
    if expander is None or not expander.enabled or not asked:
        return lambda term, i: 0.0
    vocabulary = sorted({t for terms in sentence_terms for t in terms})
    column = {t: j for j, t in enumerate(vocabulary)}
    sims = expander.closeness([written[t] for t in asked], vocabulary)
    sims = np.where(sims >= NEAR_WORD, sims, 0.0)
    row = {t: k for k, t in enumerate(asked)}
    best = [{t: float(sims[row[t], [column[x] for x in terms]].max()) if terms else 0.0 for t in asked}
            for terms in sentence_terms]

    def closest(term: str, i: int) -> float:
        return best[i].get(term, 0.0)

    return closest

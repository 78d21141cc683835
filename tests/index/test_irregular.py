from __future__ import annotations

import pytest

from qa.index.bm25 import BM25Index
from qa.index.irregular import other_forms


@pytest.mark.parametrize(
    ("word", "forms"),
    [("meet", ("met",)), ("met", ("meet",)), ("lose", ("lost",)), ("sent", ("send",)),
     ("withdraw", ("withdrew", "withdrawn")), ("given", ("give", "gave"))],
)
def test_a_form_gives_the_verbs_other_forms(word: str, forms: tuple[str, ...]) -> None:
    assert other_forms(word) == forms


@pytest.mark.parametrize("word", ["sanction", "left", "found", "ground", "bank", ""])
def test_regular_verbs_and_words_with_another_meaning_have_none(word: str) -> None:
    # "left" (the side), "found" (to found), "ground" (the noun) are left out on purpose.
    assert other_forms(word) == ()


def test_a_question_word_the_corpus_lacks_is_looked_up_as_the_verbs_other_forms() -> None:
    bm25 = BM25Index.build(["the sides met in Istanbul on Tuesday", "each side lost soldiers", "grain ships left"])
    terms = bm25.query_terms("Where did the sides meet? Did they lose soldiers?")
    assert terms.missing == ()
    scores = bm25.weighted_scores(terms.weights)
    assert scores[0] > 0 and scores[1] > 0 and scores[2] == 0
    # The ceiling counts "meet" as the indexed "met", not as a missing word.
    assert bm25.ceiling(terms, 0.5) == pytest.approx(sum(float(bm25.idf[t]) * w for t, w in terms.weights.items()))


def test_an_indexed_form_is_taken_as_it_is() -> None:
    bm25 = BM25Index.build(["leaders meet today", "leaders met yesterday"])
    terms = bm25.query_terms("Did they meet?")
    scores = bm25.weighted_scores(terms.weights)
    assert scores[0] > 0 == scores[1]

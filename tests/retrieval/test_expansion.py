"""Static-vector query expansion (qa.retrieval.expansion).

The selection rules (threshold, at most N terms per word, weight x cosine, best weight per
term) are checked with hand-made 2-d vectors whose cosines are known exactly; the real
MiniLM input-embedding rows are then used for the corpus vocabulary and one paraphrase
("biggest" for "largest"). Reading those rows needs the model's files, not a forward pass.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest
from numpy.testing import assert_allclose

from qa.index.bm25 import BM25Index, stem
from qa.retrieval import expansion
from qa.retrieval.expansion import Expander, TokenVectors, term_vectors

# ---- selection rules on hand-made vectors ------------------------------------------------------


def unit(degrees: float) -> np.ndarray:
    radians = math.radians(degrees)
    return np.array([math.cos(radians), math.sin(radians)], dtype=np.float32)


class FakeTokens:
    """Stands in for TokenVectors: fixed unit vectors per word, None for unknown words."""

    dimension = 2

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = vectors
        self.calls: list[str] = []

    def word(self, word: str) -> np.ndarray | None:
        self.calls.append(word)
        return self.vectors.get(word)


# Corpus terms at known angles from the question word "q" (at 0 degrees): cosines 1, cos 30, 0.5, 0, -0.5.
TERM_ANGLES = {"alpha": 0, "beta": 30, "gamma": 60, "delta": 90, "epsilon": 120}
VOCAB = {"alpha": 10, "beta": 11, "gamma": 12, "delta": 13, "epsilon": 14}
COS30 = float(np.float32(math.cos(math.radians(30))))


def hand_expander(extra_terms: dict[str, float] | None = None, tokens: FakeTokens | None = None) -> Expander:
    angles = {**TERM_ANGLES, **(extra_terms or {})}
    terms = list(angles)
    vectors = np.stack([unit(a) for a in angles.values()]).astype(np.float16)
    # gamma's row written exactly, so its cosine with "q" is exactly 0.5 (the default threshold).
    vectors[terms.index("gamma")] = [0.5, math.sqrt(3) / 2]
    # "q2" and "1990" have vectors (a tokenizer gives them pieces) but are not words to expand.
    tokens = tokens or FakeTokens({"q": unit(0), "r": unit(90), "opposite": unit(180), "q2": unit(0), "1990": unit(0)})
    return Expander(terms, vectors, SimpleNamespace(vocab=VOCAB), tokens)


def test_a_missing_word_maps_to_corpus_terms_at_or_above_the_threshold_weighted_by_cosine() -> None:
    found = hand_expander().expand(["q"], threshold=0.5, per_word=5, weight=2.0)
    assert found.keys() == {10, 11, 12}
    assert_allclose([found[10], found[11], found[12]], [2.0, 2.0 * COS30, 1.0], rtol=1e-3)


def test_at_most_per_word_terms_closest_first() -> None:
    expander = hand_expander()
    assert expander.expand(["q"], threshold=0.5, per_word=2, weight=1.0).keys() == {10, 11}
    assert expander.expand(["q"], threshold=0.5, per_word=1, weight=1.0).keys() == {10}
    assert expander.expand(["q"], threshold=-1.0, per_word=5, weight=1.0).keys() == {10, 11, 12, 13, 14}


def test_a_higher_threshold_keeps_fewer_terms() -> None:
    expander = hand_expander()
    assert expander.expand(["q"], threshold=0.8, per_word=5, weight=1.0).keys() == {10, 11}
    assert expander.expand(["q"], threshold=0.9, per_word=5, weight=1.0).keys() == {10}
    assert expander.expand(["opposite"], threshold=0.6, per_word=5, weight=1.0) == {}  # epsilon is at cos 0.5


def test_neighbours_are_sorted_by_cosine() -> None:
    # "r" is at 90 degrees: delta (cos 1), then epsilon and gamma (tied at cos 30), beta (0.5), alpha (0).
    neighbours = hand_expander().neighbours("r", 5)
    order = [term for term, _ in neighbours]
    assert order[0] == 13 and set(order[1:3]) == {12, 14} and order[3:] == [11, 10]
    cosines = [sim for _, sim in neighbours]
    assert cosines == sorted(cosines, reverse=True)
    assert_allclose(cosines[0], 1.0, rtol=1e-3)
    assert_allclose(cosines[-1], 0.0, atol=1e-3)


def test_a_term_two_words_point_at_keeps_its_best_weight() -> None:
    # "q" (0 degrees) and "r" (90 degrees) both reach beta (30) and gamma (60).
    found = hand_expander().expand(["q", "r"], threshold=0.5, per_word=5, weight=1.0)
    assert found.keys() == {10, 11, 12, 13, 14}
    assert_allclose(found[11], COS30, rtol=1e-3)  # max(cos 30 from q, cos 60 from r)
    assert_allclose(found[12], COS30, rtol=1e-3)  # max(cos 60 from q, cos 30 from r)
    assert_allclose(found[14], COS30, rtol=1e-3)  # epsilon: 30 degrees from r


def test_words_that_are_not_alphabetic_or_have_no_vector_add_nothing() -> None:
    expander = hand_expander()
    assert expander.expand(["q2", "1990", "unknown"], threshold=-1.0, per_word=5, weight=1.0) == {}


@pytest.mark.parametrize(("weight", "per_word"), [(0.0, 3), (-1.0, 3), (1.0, 0), (1.0, -2)])
def test_zero_weight_or_no_terms_per_word_turns_expansion_off(weight: float, per_word: int) -> None:
    assert hand_expander().expand(["q"], threshold=0.0, per_word=per_word, weight=weight) == {}


def test_terms_missing_from_the_bm25_vocabulary_are_never_proposed() -> None:
    expander = hand_expander({"ghost": 0})  # identical to "q", but not an indexed term
    assert expander.expand(["q"], threshold=0.5, per_word=5, weight=1.0).keys() == {10, 11, 12}


def test_without_token_vectors_or_terms_expansion_is_disabled() -> None:
    vectors = np.stack([unit(a) for a in TERM_ANGLES.values()])
    no_tokens = Expander(list(TERM_ANGLES), vectors, SimpleNamespace(vocab=VOCAB), None)
    no_terms = Expander([], np.zeros((0, 2)), SimpleNamespace(vocab=VOCAB), FakeTokens({"q": unit(0)}))
    for expander in (no_tokens, no_terms):
        assert not expander.enabled
        assert expander.expand(["q"], threshold=-1.0, per_word=5, weight=1.0) == {}
    assert hand_expander().enabled


def test_a_word_is_looked_up_once() -> None:
    tokens = FakeTokens({"q": unit(0)})
    expander = hand_expander(tokens=tokens)
    first = expander.expand(["q"], threshold=0.5, per_word=3, weight=1.0)
    assert expander.expand(["q"], threshold=0.5, per_word=3, weight=1.0) == first
    assert tokens.calls == ["q"]


# ---- the real MiniLM token vectors -------------------------------------------------------------

TEXTS = [
    "The largest bank in Russia is Sberbank, and banks lend money.",
    "A river bank flooded in April 2022; the banks of the river broke.",
    "Bananas and apples grow in the orchard.",
    "Nuclear plants need cooling water.",
    "Cats and dogs sleep all day on the grassy banks.",
]


@pytest.fixture(scope="module")
def tokens() -> TokenVectors:
    from qa.embed.encoder import load_tokenizer, resolve_model_path
    from qa.settings import DEFAULT_MODEL

    model_dir = resolve_model_path(DEFAULT_MODEL)
    opened = TokenVectors.open(model_dir, load_tokenizer(model_dir))
    assert opened is not None, f"no safetensors word embeddings in {model_dir}"
    return opened


@pytest.fixture(scope="module")
def bm25() -> BM25Index:
    return BM25Index.build(TEXTS)


def test_token_vectors_are_unit_rows_of_the_model(tokens: TokenVectors) -> None:
    assert tokens.dimension == 384
    vector = tokens.word("largest")
    assert vector.shape == (384,) and vector.dtype == np.float32
    assert_allclose(np.linalg.norm(vector), 1.0, rtol=1e-5)
    assert tokens.word("") is None
    rows = tokens.words(["largest", "", "bank"])
    assert rows.shape == (3, 384)
    assert_allclose(rows[0], vector)
    assert not rows[1].any()
    # Paraphrases sit close together in the input layer; unrelated words do not.
    assert float(tokens.word("biggest") @ vector) > 0.6
    assert float(tokens.word("banana") @ vector) < 0.2


def test_a_word_of_several_pieces_is_the_mean_of_their_rows(tokens: TokenVectors) -> None:
    from safetensors import safe_open

    from qa.embed.encoder import load_tokenizer, resolve_model_path
    from qa.settings import DEFAULT_MODEL

    model_dir = resolve_model_path(DEFAULT_MODEL)
    ids = load_tokenizer(model_dir).encode("sberbank", add_special_tokens=False).ids
    assert len(ids) > 1
    with safe_open(str(model_dir / "model.safetensors"), framework="numpy") as handle:
        key = next(k for k in handle.keys() if k.endswith("word_embeddings.weight"))
        rows = handle.get_slice(key)
        mean = np.stack([rows[i : i + 1][0] for i in ids]).astype(np.float32).mean(axis=0)
    assert_allclose(tokens.word("sberbank"), mean / np.linalg.norm(mean), rtol=1e-5, atol=1e-6)


def test_token_vectors_of_a_folder_without_safetensors_are_none(tmp_path) -> None:
    from qa.embed.encoder import load_tokenizer, resolve_model_path
    from qa.settings import DEFAULT_MODEL

    tokenizer = load_tokenizer(resolve_model_path(DEFAULT_MODEL))
    assert TokenVectors.open(tmp_path, tokenizer) is None
    (tmp_path / "model.safetensors").write_bytes(b"not a safetensors file")
    assert TokenVectors.open(tmp_path, tokenizer) is None


def test_term_vectors_cover_indexed_words_by_frequency_in_their_usual_form(bm25: BM25Index, tokens: TokenVectors) -> None:
    terms, vectors = term_vectors(bm25, [*TEXTS, "zebra zebra zebra"], tokens)
    assert vectors.dtype == np.float16 and vectors.shape == (len(terms), 384)
    assert terms[0] == stem("bank")  # bank, banks, bank, banks, banks: the most frequent term
    assert stem("zebra") not in terms  # not in the BM25 vocabulary
    assert "2022" not in terms and stem("sberbank") in terms  # numbers have no useful neighbours
    assert all(term in bm25.vocab for term in terms)
    # A term's vector is that of its most frequent written form, not of its stem.
    assert_allclose(vectors[0], tokens.word("banks").astype(np.float16))
    assert not np.allclose(vectors[0], tokens.word("bank").astype(np.float16), atol=1e-2)
    apples = terms.index(stem("apples"))
    assert stem("apples") != "apples"
    assert_allclose(vectors[apples], tokens.word("apples").astype(np.float16))
    assert not np.allclose(vectors[apples], tokens.word(stem("apples")).astype(np.float16), atol=1e-2)


def test_term_vectors_keep_at_most_max_terms(bm25: BM25Index, tokens: TokenVectors, monkeypatch) -> None:
    monkeypatch.setattr(expansion, "MAX_TERMS", 2)
    terms, vectors = term_vectors(bm25, TEXTS, tokens)
    assert terms == [stem("bank"), stem("river")] and vectors.shape == (2, 384)


def test_term_vectors_without_token_vectors_are_empty(bm25: BM25Index) -> None:
    terms, vectors = term_vectors(bm25, TEXTS, None)
    assert terms == [] and vectors.shape == (0, 0)


def test_biggest_expands_to_largest_and_nothing_else(bm25: BM25Index, tokens: TokenVectors) -> None:
    terms, vectors = term_vectors(bm25, TEXTS, tokens)
    expander = Expander(terms, vectors, bm25, tokens)
    query = bm25.query_terms("Which is the biggest bank?")
    assert query.missing == ("biggest",)

    found = expander.expand(query.missing, threshold=0.5, per_word=3, weight=1.0)
    cosine = float(tokens.word("biggest") @ tokens.word("largest"))
    assert found.keys() == {bm25.vocab[stem("largest")]}
    assert_allclose(found[bm25.vocab[stem("largest")]], cosine, rtol=1e-2)

    half = expander.expand(query.missing, threshold=0.5, per_word=3, weight=0.5)
    assert_allclose(half[bm25.vocab[stem("largest")]], 0.5 * cosine, rtol=1e-2)
    # Without a threshold exactly per_word terms come back, the paraphrase weighing most.
    loose = expander.expand(query.missing, threshold=-1.0, per_word=3, weight=1.0)
    assert len(loose) == 3 and max(loose, key=loose.get) == bm25.vocab[stem("largest")]

    # The expanded query now finds the passage that says "largest".
    scores = bm25.weighted_scores({**query.weights, **found})
    assert int(np.argmax(scores)) == 0


def test_closeness_is_the_cosine_of_each_word_to_each_term_and_zero_without_vectors() -> None:
    expander = hand_expander()
    close = expander.closeness(["q", "r", "unknown"], ["alpha", "gamma", "delta", "ghost"])
    assert close.shape == (3, 4)
    assert_allclose(close[0], [1.0, 0.5, 0.0, 0.0], atol=1e-3)  # "ghost" is no term: 0
    assert_allclose(close[1], [0.0, math.sqrt(3) / 2, 1.0, 0.0], atol=1e-3)
    assert_allclose(close[2], 0.0)  # no vector for the word
    assert expander.closeness([], ["alpha"]).shape == (0, 1)

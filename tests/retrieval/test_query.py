"""The query object: a question is analysed once (tokens, BM25 terms, expansion, vectors, answer
type) and both ranking and answering read that one analysis."""

from __future__ import annotations

import numpy as np
import pytest

from qa.index.bm25 import inverse_document_frequency, stem, tokenize
from qa.retrieval import retriever as retriever_module
from qa.retrieval.query import DATE, NUMBER, PERSON, PLACE, expected_type, mix, recent_turns, word_pairs
from qa.retrieval.retriever import Retriever
from qa.settings import AnswerSettings, RetrievalSettings

BANK = "Which is Russia's largest bank?"
HISTORY = [
    {"role": "user", "content": "Which bank is Russia's largest?"},
    {"role": "assistant", "content": "Sberbank, Russia's largest bank [1]"},
]
FOLLOW_UP = "And the second largest?"


@pytest.fixture
def fresh(built_index) -> Retriever:
    """A Retriever of its own, so its query and sentence caches start empty."""
    return Retriever(built_index.index)


# ---- question analysis without a model ---------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many soldiers died?", NUMBER),
        ("How much military aid did Biden announce?", NUMBER),
        ("What was the death toll?", NUMBER),
        ("When did the talks start?", DATE),
        ("On what date did it begin?", DATE),
        ("Who wrote it?", PERSON),
        ("Whose plan was it?", PERSON),
        ("Where did the sides meet?", PLACE),
        ("In which city did they meet?", PLACE),
        ("Why did it fail?", None),
        ("What does Ukraine's 10-point plan offer?", None),
        ("Who is Dmitry Peskov?", None),  # names the person: asks what they are
        ("Who is the President of Ukraine?", PERSON),
        ("Who was Count of Melfi?", PERSON),
        ("What is Ukraine's population?", NUMBER),  # a possessive before the measure
        ("Out of Russia's top five banks, how many are under full blocking sanctions?", NUMBER),  # the group first
        ("Of those, which is the largest?", None),
        ("What is Ukraine's capital?", None),
        ("By when?", DATE),
        ("Until when will the talks go on?", DATE),
        ("How soon will Poland cut off Russian coal?", DATE),  # a time: it had no short answer
        # A person asked for by what they do.
        ("Which journalist covered Zelensky's address to Congress?", PERSON),
        ("Which official turned down the Crimea timeline?", PERSON),
        ("Which Russian official called the status of Crimea settled?", PERSON),  # a word before the role
        ("Which Russian foreign minister is quoted?", PERSON),  # two words before the role
        ("Which of the two sides do officials blame?", None),
        ("What did officials say about Crimea?", None),  # an auxiliary is no word before the role
        ("Which country hosted the talks?", PLACE),
        ("Which weapons has the US sent?", None),
        # "Who" asked of a thing its noun names (it had answered "VTB", from a sentence with no person).
        ("Who is Russia's largest bank?", None),
        ("Who is the largest bank in Russia?", None),
        ("Who is Russia's foreign minister?", PERSON),
        ("Who is the head of state?", PERSON),
    ],
)
def test_expected_answer_type(question: str, kind: str | None) -> None:
    assert expected_type(question) == kind


def test_who_is_named():
    from qa.retrieval.query import who_is_named

    assert who_is_named("Who is Dmitry Peskov?") == "Dmitry Peskov"
    assert who_is_named("who was Genghis Khan") == "Genghis Khan"
    assert who_is_named("Who is the President of Ukraine?") is None
    assert who_is_named("Who is he?") is None
    assert who_is_named("Who is Peskov talking to?") is None
    # Several people: the short answer must describe them all, not be a span beside their names.
    assert who_is_named("Who are Sam Jones and John Paul Rathbone?") == "Sam Jones and John Paul Rathbone"
    assert who_is_named("Who are Guy Chazan, Roman Olearchyk and Polina Ivanova?") == "Guy Chazan, Roman Olearchyk and Polina Ivanova"
    assert who_is_named("Who is Peskov and what did he say?") is None
    # Asked as "tell me about" a full name: who the person is.
    assert who_is_named("Tell me about Riccardo Alcaro.") == "Riccardo Alcaro"
    assert who_is_named("What do we know about Dmitry Peskov?") == "Dmitry Peskov"
    assert who_is_named("Tell me about Russia.") is None  # one word may be a country
    assert who_is_named("Tell me about the IAI.") is None


def test_defined_term():
    from qa.retrieval.query import defined_term

    assert defined_term("What is Engineering News-Record?") == "Engineering News-Record"
    assert defined_term("what are the clades") == "clades"
    assert defined_term("What was a twin prime?") == "twin prime"
    assert defined_term("Who is Dmitry Peskov?") is None
    # "What does X mean?" of a term of several words asks what it is; of one word, a gloss may answer.
    assert defined_term('What does "full blocking sanctions" mean?') == "full blocking sanctions"
    assert defined_term("What does 'plastid' mean?") is None
    assert defined_term("What did the US send?") is None
    # What a thing was meant to do is no term.
    assert defined_term("What was the Budapest memorandum meant to do?") is None
    assert defined_term("What were the Minsk agreements supposed to achieve?") is None
    assert defined_term("What is the name of the river that flows through the old town?") is None  # too long a term


def test_recent_turns_reads_the_last_n_and_none_for_zero() -> None:
    turns = ["first", "second", "third"]
    assert recent_turns(turns, 2) == ("second", "third")
    assert recent_turns(turns, 5) == ("first", "second", "third")
    assert recent_turns(turns, 0) == ()
    assert recent_turns([], 2) == ()


def test_word_pairs_are_adjacent_tokens() -> None:
    assert word_pairs(["russia", "largest", "bank"]) == {("russia", "largest"), ("largest", "bank")}
    assert word_pairs(["bank"]) == frozenset()


def test_mix_is_unit_length_and_leans_to_the_question() -> None:
    question, context = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    mixed = mix(question, context, 0.5)
    assert np.isclose(np.linalg.norm(mixed), 1.0)
    assert mixed[0] > mixed[1] > 0


def test_one_idf_formula_for_numbers_and_arrays() -> None:
    counts = np.array([0.0, 1.0, 5.0, 100.0])
    assert np.array_equal(inverse_document_frequency(counts, 100), [inverse_document_frequency(int(d), 100) for d in counts])
    assert inverse_document_frequency(0, 100) > inverse_document_frequency(1, 100) > inverse_document_frequency(100, 100) > 0


# ---- Retriever.analyse -------------------------------------------------------------------------


@pytest.mark.model
def test_question_terms_tokens_and_pairs(fresh: Retriever) -> None:
    query = fresh.analyse(BANK)
    assert query.text == BANK and query.context == () and query.recent is None
    # Tokens are what BM25 holds for passages (question words kept); BM25 query terms drop them.
    assert query.question.tokens == tuple(tokenize([BANK])[0]) == ("which", "russia", "largest", "bank")
    assert query.question.terms.stems == ("russia", "largest", "bank")
    assert query.question.terms.missing == ()
    assert dict(query.question.weights) == dict(query.question.terms.weights) and len(query.question.weights) == 3
    assert ("russia", "largest") in query.pairs and ("largest", "bank") in query.pairs
    assert query.expected_type is None
    assert fresh.analyse("How many soldiers has each side lost?").expected_type == NUMBER


@pytest.mark.model
def test_missing_words_are_expanded_into_corpus_terms(fresh: Retriever) -> None:
    query = fresh.analyse("Which lender is the biggest in Russia?")
    terms = query.question.terms
    assert "lender" in terms.missing and "biggest" in terms.missing
    extra = set(query.question.weights) - set(terms.weights)
    assert extra, "corpus terms stand in for the missing words"
    assert all(0 < query.question.weights[t] <= 1 for t in extra)
    off = Retriever(fresh.index_dir, settings=RetrievalSettings(expansion_weight=0.0)).analyse(query.text)
    assert dict(off.question.weights) == dict(off.question.terms.weights)


@pytest.mark.model
def test_context_is_the_last_history_turns_and_the_vector_mixes_it(fresh: Retriever) -> None:
    query = fresh.analyse(FOLLOW_UP, ["old", "Which bank is Russia's largest?", "What about sanctions?"])
    assert query.context == ("Which bank is Russia's largest?", "What about sanctions?")
    assert query.recent is not None and query.recent.text == "Which bank is Russia's largest? What about sanctions?"
    assert "bank" in query.recent.tokens
    assert np.isclose(np.linalg.norm(query.vector), 1.0)
    assert np.allclose(query.vector, query.mixed(fresh.settings.history_weight))
    assert not np.allclose(query.vector, query.question.vector)
    # Answering mixes the same two vectors at its own weight.
    assert not np.allclose(query.mixed(AnswerSettings().history_weight), query.vector)
    assert fresh.analyse(FOLLOW_UP, ["a", "b", "c"], turns=1).context == ("c",)
    alone = fresh.analyse(FOLLOW_UP, ["Which bank is Russia's largest?"], turns=0)
    assert alone.recent is None and np.array_equal(alone.vector, alone.question.vector)


@pytest.mark.model
def test_rank_reads_the_query_like_retrieve(fresh: Retriever) -> None:
    turns = ["Which bank is Russia's largest?"]
    ranked = fresh.rank(fresh.analyse(FOLLOW_UP, turns), 5)
    assert [p.id for p in ranked] == [p.id for p in fresh.retrieve(FOLLOW_UP, 5, HISTORY)]
    stages = fresh.stage_scores(FOLLOW_UP, turns)
    assert {"dense", "bm25"} == set(stages) and len(stages["dense"]) == len(fresh)


# ---- one analysis per answer -------------------------------------------------------------------


@pytest.mark.model
def test_one_answer_analyses_and_encodes_the_question_once(fresh: Retriever, monkeypatch) -> None:
    import qa

    analysed, embedded, questions, sentences = [], [], [], []
    analyse, embed_query = fresh.analyse, fresh.embed_query
    assert fresh.query_encoder is not fresh.encoder  # int8 questions, fp32 sentences
    for encoder, log in ((fresh.query_encoder, questions), (fresh.encoder, sentences)):
        monkeypatch.setattr(encoder, "encode", lambda texts, *a, _e=encoder.encode, _log=log, **kw: _log.append(list(texts)) or _e(texts, *a, **kw))
    monkeypatch.setattr(fresh, "analyse", lambda *a, **kw: analysed.append(a) or analyse(*a, **kw))
    monkeypatch.setattr(fresh, "embed_query", lambda text: embedded.append(text) or embed_query(text))

    answer = qa.answer(FOLLOW_UP, history=HISTORY, retriever=fresh)

    assert "VTB" in answer.text
    context = "Which bank is Russia's largest?"
    assert len(analysed) == 1
    assert embedded == []  # not through `embed_query`, the search's cache of int8 question vectors
    # Answering embeds the question and its context like the sentences it scores (float32 here,
    # as its sentence model was fitted), never with the int8 encoder of `retrieve`.
    assert questions == []
    assert sentences[:2] == [[FOLLOW_UP], [context]]
    # Every other text encoded is a candidate sentence, each once, in one batch.
    assert len(sentences) == 3 and len(set(sentences[2])) == len(sentences[2])


@pytest.mark.model
def test_scoring_analyses_again_only_when_it_reads_other_turns(fresh: Retriever, monkeypatch) -> None:
    import qa

    calls = []
    analyse = fresh.analyse
    monkeypatch.setattr(fresh, "analyse", lambda *a, **kw: calls.append(kw.get("turns")) or analyse(*a, **kw))
    history = [{"role": "user", "content": "Tell me about sanctions."}] + HISTORY
    qa.answer(FOLLOW_UP, history=history, retriever=fresh, settings=AnswerSettings(history_turns=1))
    assert calls == [None, 1]


# ---- what the retriever exposes to answering ---------------------------------------------------


@pytest.mark.model
def test_questions_are_embedded_in_int8_and_sentences_as_the_passages(fresh: Retriever, built_index) -> None:
    assert (fresh.query_encoder.precision, fresh.query_encoder.backend) == ("int8", "onnx")
    assert fresh.encoder.precision == "fp32"
    exact = Retriever(built_index.index, settings=RetrievalSettings(query_precision="fp32"))
    assert exact.query_encoder is exact.encoder
    cosine = float(fresh.embed_query(BANK) @ exact.embed_query(BANK))
    assert 0.97 < cosine < 0.99999  # quantised: near the float32 vector, not equal to it
    assert [p.id for p in fresh.retrieve(BANK, 3)] == [p.id for p in exact.retrieve(BANK, 3)]
    assert np.array_equal(fresh.analyse(BANK, exact=True).vector, exact.analyse(BANK).vector)


@pytest.mark.model
def test_questions_are_embedded_in_fp32_when_no_int8_encoder_loads(fresh: Retriever, monkeypatch, caplog) -> None:
    from qa.embed import encoder as encoder_module
    from qa.errors import ModelError

    load = encoder_module.load_encoder

    def without_int8(name: str, backend: str = "auto", precision: str | None = None):
        if precision == "int8":
            raise ModelError("no quantiser here")
        return load(name, backend, precision)

    monkeypatch.setattr(encoder_module, "load_encoder", without_int8)
    with caplog.at_level("WARNING"):
        assert fresh.query_encoder is fresh.encoder
    assert "no int8 encoder" in caplog.text and "no quantiser here" in caplog.text
    assert np.array_equal(fresh.embed_query(BANK), fresh.encoder.encode([BANK])[0])


@pytest.mark.model
def test_sentence_vectors_are_cached_and_bounded(fresh: Retriever, monkeypatch) -> None:
    monkeypatch.setattr(retriever_module, "SENTENCE_CACHE_SIZE", 3)
    encoded = []
    encode = fresh.encoder.encode
    monkeypatch.setattr(fresh.encoder, "encode", lambda texts, *a, **kw: encoded.append(list(texts)) or encode(texts, *a, **kw))
    first = fresh.encode_sentences(["Sberbank is large.", "VTB is second.", "Sberbank is large."])
    assert first.shape[0] == 3 and np.array_equal(first[0], first[2])
    assert encoded == [["Sberbank is large.", "VTB is second."]]
    again = fresh.encode_sentences(["VTB is second."])
    assert len(encoded) == 1 and np.array_equal(again[0], first[1])
    fresh.encode_sentences(["One more.", "And another.", "A third new one."])
    fresh.encode_sentences(["Sberbank is large."])  # evicted: the cache holds three sentences
    assert encoded[-1] == ["Sberbank is large."]


@pytest.mark.model
def test_idf_is_the_bm25_index_idf(fresh: Retriever) -> None:
    rare, common = stem("sberbank"), stem("russia")
    assert fresh.idf("zzzunseenword") == inverse_document_frequency(0, len(fresh))
    assert fresh.idf("zzzunseenword") > fresh.idf(rare) > fresh.idf(common) > 0


@pytest.mark.model
def test_vocabulary_holds_passage_words_and_spoken_dates(fresh: Retriever) -> None:
    vocabulary = fresh.vocabulary()
    assert {"sberbank", "istanbul", "alcaro"} <= vocabulary
    assert "april" in vocabulary  # 2022-04-01, the date of the Istanbul commentary
    assert "belarus" not in vocabulary
    assert fresh.vocabulary() is vocabulary


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("What weapons has the US sent?", ["what", "weapon", "has", "unit", "state", "sent"]),
        ("The U.S. and the E.U. agreed", ["unit", "state", "european", "union", "agre"]),
        ("the UK and the UN", ["unit", "kingdom", "unit", "nation"]),
        ("CONTACT US", ["contact", "us"]),  # a heading in capitals: the pronoun
        ("let us see the USSR", ["let", "us", "see", "ussr"]),
        ("America's allies", ["unit", "state", "alli"]),  # the country
        ("Latin America, the Americas", ["latin", "america", "america"]),  # a continent
        ("the United States of America", ["unit", "state", "america"]),
    ],
)
def test_abbreviations_in_capitals_are_indexed_spelled_out(text: str, words: list[str]) -> None:
    assert tokenize([text])[0] == words


def test_the_us_matches_the_united_states(fresh: Retriever) -> None:
    """"US" is not the stop word "us": the question's terms are the ones "United States" is indexed under."""
    spelled = fresh.analyse("What weapons has the United States sent?").question.terms.weights
    assert fresh.analyse("What weapons has the US sent?").question.terms.weights == spelled


@pytest.mark.parametrize(
    ("british", "american"),
    [("defence", "defense"), ("sceptical", "skeptical"), ("scepticism", "skepticism"), ("behaviour", "behavior"),
     ("favourable", "favorable"), ("recognised", "recognized"), ("organisation", "organization"),
     ("analyse", "analyze"), ("stabilise", "stabilize"), ("travelled", "traveled"), ("centre", "center"),
     ("practise", "practice"), ("rouble", "ruble"), ("roubles", "rubles")],
)
def test_british_spellings_are_indexed_as_american_ones(british: str, american: str) -> None:
    assert tokenize([british]) == tokenize([american])


@pytest.mark.parametrize("word", ["four", "hour", "your", "tour", "rise", "raise", "wise", "emphasis", "crisis", "paris", "model"])
def test_words_that_only_look_british_are_left_alone(word: str) -> None:
    from qa.index.bm25 import american_spelling

    assert american_spelling(word) == word


def test_a_british_question_matches_an_american_passage(fresh: Retriever) -> None:
    """"Why is the author sceptical?" finds the April piece's "There is more reason for skepticism than optimism"."""
    british = fresh.analyse("Why is the author sceptical about the talks?").question.terms.weights
    assert british == fresh.analyse("Why is the author skeptical about the talks?").question.terms.weights


def test_kind_of_name():
    from qa.retrieval.query import kind_of_name

    assert kind_of_name("What kind of publication is Affarinternazionali?") == "Affarinternazionali"
    assert kind_of_name("What sort of organisation is the Istituto Affari Internazionali?") == "Istituto Affari Internazionali"
    assert kind_of_name("Which type of organisation is IAI?") == "IAI"
    assert kind_of_name("What kind of weapons has the US sent?") is None

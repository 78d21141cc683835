"""Retrieval through the public API on the real corpus: known answers, Passage fields, input checks.

Only `qa.retrieve`, `Retriever(...).retrieve` and Passage fields are used: fusion and BM25
internals are being tuned, so these tests pin behaviour, not implementation.
"""

from __future__ import annotations

import json
import math

import pytest

import qa
from conftest import DOC_000, DOC_002, BuiltIndex
from qa.settings import MAX_K, MAX_QUESTION_CHARS
from qa.retrieval.retriever import Passage, Retriever

pytestmark = pytest.mark.model

TITLE_000 = "Diplomacy needs pressure: the Istanbul talks and Ukraine's 10-point plan"
TITLE_002 = "Russia–Ukraine Talks and the Indispensable Role of the US and Europe"
PUBLISHER_002 = "Istituto Affari Internazionali (IAI)"


@pytest.fixture(scope="module")
def retriever(built_index: BuiltIndex) -> Retriever:
    return Retriever(built_index.index)


def top(built_index: BuiltIndex, question: str, k: int = 5) -> list[Passage]:
    return qa.retrieve(question, k=k, index=built_index.index)


# ---- known answers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "doc_id", "needle"),
    [
        ("Which is Russia's largest bank?", DOC_000, "Sberbank, Russia’s largest bank"),
        ("Which Russian bank is the second-largest?", DOC_000, "only VTB — the second-largest — has been fully blocked"),
        ("What is the 15-point plan discussed by Russian and Ukrainian diplomats?", DOC_002, "the 15-point plan which Russian and Ukrainian diplomats"),
        ("What does Ukraine's 10-point plan offer?", DOC_000, "a Ukrainian 10-point plan laid out a set of compromises"),
        ("When did Russia sign the Budapest memorandum?", DOC_000, "The Budapest memorandum, which Russia signed in 1994"),
        ("How many soldiers has each side lost?", DOC_002, "around 6–7,000 soldiers each"),
    ],
)
def test_known_answers_are_in_the_top_5(built_index: BuiltIndex, question: str, doc_id: str, needle: str) -> None:
    hits = top(built_index, question)
    assert len(hits) == 5
    assert any(h.doc_id == doc_id and needle in h.text for h in hits), [h.text[:60] for h in hits]


def test_800_million_aid_is_found_in_footnote_14(built_index: BuiltIndex) -> None:
    hits = top(built_index, "How much military aid did Biden announce?")
    footnote = [h for h in hits if h.kind == "footnote" and h.footnote == 14]
    assert footnote, [(h.kind, h.footnote) for h in hits]
    assert "Biden Announces $800 Million in Military Aid to Ukraine" in footnote[0].text
    assert "footnote 14" in footnote[0].citation()


def test_footnote_title_search_returns_the_footnote(built_index: BuiltIndex) -> None:
    hits = top(built_index, "Biden Announces $800 Million in Military Aid")
    assert any(h.kind == "footnote" and h.footnote == 14 and h.doc_id == DOC_002 for h in hits)
    assert hits[0].kind == "footnote" and hits[0].footnote == 14


def test_emphasised_word_is_found_and_returned_verbatim(built_index: BuiltIndex) -> None:
    hits = top(built_index, "poorly executed Blitzkrieg")
    best = next(h for h in hits if "Blitzkrieg" in h.text)
    assert "a poorly executed *Blitzkrieg* has morphed" in best.text
    assert best.ranks["bm25"] == 1


def test_rejoined_sentence_is_retrievable_as_one(built_index: BuiltIndex) -> None:
    hits = top(built_index, "ability of Russian troops to sustain the high losses")
    assert any("the ability of Russian troops to sustain the high losses" in h.text for h in hits)
    assert all("Riccardo Alcaro is Research Coordinator" not in h.text or h.kind == "boilerplate" for h in hits)


@pytest.mark.parametrize(
    "question",
    [
        "What role should the United States and Europe play in the negotiations?",
        "Why are the US and Europe indispensable to the Russia–Ukraine talks?",
        "What can only the United States and the EU do about sanctions?",
        "What is the role of the US and Europe in the talks?",
    ],
)
def test_boilerplate_is_never_the_best_answer_to_an_article_question(built_index: BuiltIndex, question: str) -> None:
    hits = top(built_index, question)
    assert hits[0].kind != "boilerplate"
    assert any(h.kind == "body" and h.doc_id == DOC_002 for h in hits[:3])


def test_boilerplate_does_not_crowd_out_the_article(built_index: BuiltIndex) -> None:
    hits = top(built_index, "What is the role of the US and Europe in the talks?")
    assert sum(h.kind == "boilerplate" for h in hits) <= 1
    assert any(h.kind == "body" and h.section == "The role of the US and Europe in the talks" for h in hits)


# ---- Passage fields ----------------------------------------------------------------------------


def test_passage_to_dict_is_json_and_complete(built_index: BuiltIndex) -> None:
    hits = top(built_index, "Which bank is Russia's largest?", k=10)
    for hit in hits:
        data = json.loads(json.dumps(hit.to_dict()))
        for key in ("id", "text", "doc_id", "title", "date", "publisher", "author", "start", "end", "kind",
                    "paragraph", "page", "section", "footnote", "score", "rank", "scores", "ranks"):
            assert key in data, key
        assert {"fused", "dense", "bm25"} <= set(data["scores"])
        assert all(isinstance(v, float) and math.isfinite(v) for v in data["scores"].values())
        assert data["scores"]["fused"] == data["score"]
        assert -1.0 <= data["scores"]["dense"] <= 1.0001
        assert data["scores"]["bm25"] >= 0.0
        assert {"dense", "bm25"} <= set(data["ranks"])
        assert all(isinstance(r, int) and r >= 1 for r in data["ranks"].values())


def test_passages_carry_document_metadata(built_index: BuiltIndex) -> None:
    hits = top(built_index, "Which bank is Russia's largest?", k=20)
    by_doc = {h.doc_id: h for h in hits}
    assert set(by_doc) == {DOC_000, DOC_002}
    a, b = by_doc[DOC_000], by_doc[DOC_002]
    assert (a.title, a.date, a.publisher, a.author) == (TITLE_000, "2022-04-01", None, None)
    assert (b.title, b.date, b.publisher, b.author) == (TITLE_002, "2022-03-22", PUBLISHER_002, "Riccardo Alcaro")
    assert b.citation().startswith(f"{TITLE_002}, {PUBLISHER_002}, 2022-03-22")
    for hit in hits:
        if hit.kind in ("body", "boilerplate"):
            assert isinstance(hit.paragraph, int) and hit.paragraph >= 1
            assert f"¶ {hit.paragraph}" in hit.citation()
        assert hit.page is None  # the corpus is plain text


def test_passage_offsets_point_into_the_stored_clean_text(built_index: BuiltIndex, retriever: Retriever) -> None:
    hits = retriever.retrieve("Which bank is Russia's largest?", k=MAX_K)
    assert len(hits) == len(retriever)
    for hit in hits:
        record = retriever.documents[hit.doc_id]
        assert record.text[hit.start : hit.end] == hit.text
    # Every passage of the index comes back exactly once when k covers them all.
    assert len({h.id for h in hits}) == len(hits)


def test_results_are_sorted_and_ranked(retriever: Retriever) -> None:
    hits = retriever.retrieve("What security guarantees could Ukraine get?", k=20)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert [h.rank for h in hits] == list(range(1, 21))


@pytest.mark.parametrize("k", [1, 3, 5, 17, MAX_K])
def test_k_is_respected(retriever: Retriever, k: int) -> None:
    hits = retriever.retrieve("sanctions on Russian banks", k=k)
    assert len(hits) == min(k, len(retriever))


def test_rank_within_documents_keeps_their_order_and_only_theirs(retriever: Retriever) -> None:
    query = retriever.analyse("What does the IAI commentary say about China?")
    everything = retriever.rank(query, len(retriever))
    inside = retriever.rank(query, 8, within={DOC_000})
    assert [p.id for p in inside] == [p.id for p in everything if p.doc_id == DOC_000][:8]
    assert [p.rank for p in inside] == list(range(1, len(inside) + 1))
    whole = retriever.rank(query, MAX_K, within={DOC_000})
    assert len(whole) == sum(p.doc_id == DOC_000 for p in retriever.passages)
    assert retriever.rank(query, 5, within=set()) == []
    assert retriever.rank(query, 5, within={"not-indexed.txt"}) == []
    rows = retriever.rows_of(DOC_000)
    assert rows == sorted(rows) and all(retriever.passages[i].doc_id == DOC_000 for i in rows)


def test_a_word_asked_with_or_without_a_hyphen_is_searched_as_the_passages_write_it(retriever: Retriever) -> None:
    assert retriever.hyphenated_words()["demilitarised"] == "de-militarised"
    # "demilitarised" asked: the term of "militarised" (of "de-militarised") is searched too;
    # "anti-tank" asked: the term of "antitank".
    militarised = retriever.analyse("What would a demilitarised Ukraine look like?").question.weights
    antitank = retriever.analyse("Which anti-tank weapon did the US send?").question.weights
    assert set(retriever.analyse("militarised").question.weights) <= set(militarised)
    assert set(retriever.analyse("antitank").question.weights) <= set(antitank)
    assert set(retriever.analyse("antitank").question.weights)  # the corpus has the word


def test_proper_words_are_the_names_the_body_writes_capitalised(retriever: Retriever) -> None:
    proper = retriever.proper_words()
    assert {"lavrov", "sberbank", "crimea", "zelensky", "peskov"} <= proper  # "zelensky" also in a web address
    # Not a word also written in lower case, nor one capitalised only in a title in the notes.
    assert not {"the", "however", "war", "abuse", "history"} & proper
    # Nor one capitalised only as a number's heading: "Article 5" ("Was he right, per the article?").
    assert "article" not in proper
    assert retriever.passage_at(0).id == retriever.passages[0].id


def test_module_function_and_retriever_agree(built_index: BuiltIndex, retriever: Retriever) -> None:
    question = "What did Zelensky say about a referendum?"
    assert [h.id for h in top(built_index, question)] == [h.id for h in retriever.retrieve(question, k=5)]


def test_same_question_gives_the_same_answer(retriever: Retriever) -> None:
    first = [h.to_dict() for h in retriever.retrieve("Turkey and Israel mediation", k=5)]
    second = [h.to_dict() for h in retriever.retrieve("  Turkey and Israel mediation  ", k=5)]
    assert first == second


def test_question_with_no_indexed_word_still_answers(retriever: Retriever) -> None:
    hits = retriever.retrieve("xyzzy plugh", k=3)
    assert len(hits) == 3
    assert all(math.isfinite(h.score) for h in hits)


def test_follow_up_question_uses_the_history(retriever: Retriever) -> None:
    history = [
        {"role": "user", "content": "Which bank is Russia's largest?"},
        {"role": "assistant", "content": "Sberbank."},
    ]
    hits = retriever.retrieve("And the second-largest?", k=5, history=history)
    assert any("VTB" in h.text for h in hits)


# ---- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "k", "hint"),
    [
        ("", 5, "empty"),
        ("   \n\t ", 5, "empty"),
        ("x" * 10_000, 5, f"{MAX_QUESTION_CHARS:,}"),
        ("x" * (MAX_QUESTION_CHARS + 1), 5, "shorter"),
        ("Which bank?", 0, "between 1 and"),
        ("Which bank?", -1, "between 1 and"),
        ("Which bank?", 1000, f"between 1 and {MAX_K}"),
        ("Which bank?", "5", "whole number"),
        ("Which bank?", 2.0, "whole number"),
        ("Which bank?", True, "whole number"),
        ("Which bank?", None, "whole number"),
        (None, 5, "must be text"),
        (42, 5, "must be text"),
        (b"Which bank?", 5, "must be text"),
        (["Which bank?"], 5, "must be text"),
        ("Which\x00bank?", 5, "NUL"),
    ],
)
def test_bad_input_is_an_input_error_with_a_helpful_message(
    built_index: BuiltIndex, retriever: Retriever, question, k, hint: str
) -> None:
    with pytest.raises(qa.InputError, match=hint.replace("?", r"\?")):
        qa.retrieve(question, k=k, index=built_index.index)
    with pytest.raises(ValueError, match=hint.replace("?", r"\?")):
        retriever.retrieve(question, k=k)


def test_longest_allowed_question_is_accepted(retriever: Retriever) -> None:
    assert len(retriever.retrieve("sanctions " * (MAX_QUESTION_CHARS // 10), k=2)) == 2


def test_bad_history_is_an_input_error(retriever: Retriever) -> None:
    with pytest.raises(qa.InputError, match="history"):
        retriever.retrieve("Which bank?", history="not a list")
    with pytest.raises(qa.InputError, match="role"):
        retriever.retrieve("Which bank?", history=[{"content": "no role"}])


def test_bm25_stopwords_copy_matches_bm25s() -> None:
    """The query path avoids importing bm25s; its stop words must stay bm25s' own."""
    from bm25s.stopwords import STOPWORDS_EN

    from qa.index.bm25 import BM25_STOPWORDS

    assert BM25_STOPWORDS == frozenset(STOPWORDS_EN)


@pytest.mark.model
def test_bm25_loaded_without_bm25s_scores_like_bm25s(built_index) -> None:
    import bm25s
    import numpy as np

    from qa.index import store
    from qa.index.bm25 import tokenize

    files = store.IndexFiles.open(built_index.index)
    folder = files.path("bm25")
    ours, theirs = files.bm25(), bm25s.BM25.load(str(folder))
    for question in ("Which bank is Russia's largest?", "15-point plan neutrality", "zzz unknown words"):
        words = [w for w in tokenize([question])[0] if w in theirs.vocab_dict]
        expected = theirs.get_scores(words) if words else np.zeros(len(ours.idf) and ours.num_docs)
        assert np.allclose(ours.scores(question), expected)


# ---- the shared Retriever of a served index ------------------------------------------------------


def test_a_caller_that_asks_for_the_current_generation_waits_for_a_load_under_way(index_clone, monkeypatch) -> None:
    """While one request loads a new generation, others get the loaded one at once; a caller that
    announces the new generation (the documents page's rebuild) waits and gets the new one."""
    import threading

    from qa.index.build import build_index
    from qa.retrieval import retriever as module

    old = module.get_retriever(index_clone.index)
    assert DOC_000 in old.documents
    (index_clone.corpus / DOC_000).unlink()
    build_index(index_clone.corpus, index_clone.index)

    started, release = threading.Event(), threading.Event()

    class SlowRetriever(Retriever):
        def __init__(self, *args, **kwargs) -> None:
            started.set()
            assert release.wait(60)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(module, "Retriever", SlowRetriever)
    got: dict[str, Retriever] = {}
    loader = threading.Thread(target=lambda: got.setdefault("loader", module.get_retriever(index_clone.index)))
    loader.start()
    assert started.wait(60)
    assert module.get_retriever(index_clone.index) is old  # the loaded generation meanwhile
    waiter = threading.Thread(target=lambda: got.setdefault("current", module.get_retriever(index_clone.index, current=True)))
    waiter.start()
    waiter.join(0.5)
    assert waiter.is_alive()  # it waits for the load, not handing back the old generation
    release.set()
    loader.join(60)
    waiter.join(60)
    assert got["current"] is got["loader"] and DOC_000 not in got["current"].documents
    assert module.get_retriever(index_clone.index) is got["loader"]

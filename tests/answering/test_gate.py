"""Questions refused before any sentence is scored: another language, only function words in
common with the documents, a number the documents never give, and follow-ups with nothing to
refer to."""

from __future__ import annotations

from pathlib import Path

import pytest

import qa
from qa.answering.gate import (
    LANGUAGE, NO_REFERENT, NOT_IN_DOCUMENTS, UNKNOWN_NUMBER, UNKNOWN_WORDS, ends_on_it, points_back, refers_back, refuse, refuse_numbers,
    unknown_numbers,
)
from qa.evaluation.gold import load_gold
from qa.inputs import user_turns
from qa.retrieval.retriever import Retriever

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def retriever(built_index) -> Retriever:
    return Retriever(built_index.index)


@pytest.mark.parametrize(
    "question",
    [
        "lorem ipsum dolor sit amet",
        "Wie viele Punkte hat der Friedensplan?",
        "Сколько пунктов в мирном плане?",
        "¿Cuántos puntos tiene el plan de paz?",
        "Combien de points compte le plan de paix ?",
        "asdf qwer zxcv?",
    ],
)
def test_another_language_or_gibberish_is_not_in_the_documents(retriever: Retriever, question: str) -> None:
    refusal = refuse(retriever.analyse(question), retriever.vocabulary())
    assert refusal is not None and refusal.reason in (LANGUAGE, UNKNOWN_WORDS)
    result = qa.answer(question, retriever=retriever)
    assert result.abstained and result.text == NOT_IN_DOCUMENTS and not result.citations
    assert result.closest, "the closest passages are still offered"


def test_a_word_one_letter_off_a_known_word_is_no_other_language(retriever: Retriever) -> None:
    # "wich" is "which" with a slip: the question is English, and asked about the documents' mediators.
    assert refuse(retriever.analyse("wich countries mediate"), retriever.vocabulary()) is None
    assert not qa.answer("wich countries mediate", retriever=retriever).abstained


def test_a_modal_verb_makes_a_question_english(retriever: Retriever) -> None:
    # "could" is no stop word of the query, but English: "mediate", a word the documents do not use,
    # had made it read as another language.
    assert refuse(retriever.analyse("Could China mediate?"), retriever.vocabulary()) is None
    assert "China" in qa.answer("Could China mediate?", retriever=retriever).text


@pytest.mark.parametrize(
    ("question", "referent"),
    [("And the second largest?", "the second largest"), ("What did he say about it?", "he"), ("What about them?", "them"),
     ("And?", "And"), ("And what about the third one?", "the third one"),
     ("What did he say about Crimea?", "he"),  # the name after the subject "he" is the topic
     ("Why does she think Ukraine will win?", "she"),
     # A question word alone: about what? (it had answered "I could not find the answer …")
     ("Why not?", "Why not"), ("And when?", "when"), ("By whom?", "By whom"),
     # One of things named before (after the two variables of the war, "The second concerns … sanctions").
     ("Which one depends on sanctions?", "Which one")],
)
def test_a_follow_up_in_a_fresh_chat_asks_what_is_meant(retriever: Retriever, question: str, referent: str) -> None:
    refusal = refuse(retriever.analyse(question), retriever.vocabulary())
    assert refusal is not None and refusal.reason == NO_REFERENT
    result = qa.answer(question, retriever=retriever)
    assert result.abstained and f"“{referent}”" in result.text and not result.citations and not result.closest


def test_the_same_follow_up_with_a_conversation_is_answered(retriever: Retriever) -> None:
    history = [{"role": "user", "content": "Which bank is Russia's largest?"},
               {"role": "assistant", "content": "Sberbank [1]"}]
    result = qa.answer("And the second largest?", history=history, retriever=retriever)
    assert not result.abstained and "VTB" in result.text


@pytest.mark.parametrize(
    "question",
    [
        "Which country has announced it will end Russian coal imports?",  # "it" has a noun before it
        "What's the biggest lender?",  # neither word is in the documents, "biggest" stands in for "largest"
        "Sberbank VTB sanctions",  # no function word, but every word is in the documents
        "What does Alcaro think of it?",
        "What is it called when a government is overthrown?",  # "it" refers to nothing
        "Will it rain in Odesa tomorrow?",  # the weather's "it" (it had asked what "it" meant)
        "Is it going to snow in Lviv this weekend?",
        "Why is it hard to imagine a referendum?",  # what is hard follows (it had asked what "it" meant)
        "Other than his sanctions, what did Biden announce?",  # the name comes after "his"
        "What did Peskov say, and what did he mean?",  # the subject's name comes first
    ],
)
def test_ordinary_questions_pass(retriever: Retriever, question: str) -> None:
    assert refuse(retriever.analyse(question), retriever.vocabulary()) is None


def test_no_answerable_gold_question_is_refused(retriever: Retriever) -> None:
    for item in load_gold(Path(__file__).resolve().parents[2] / "eval" / "gold.jsonl"):
        context = user_turns(list(item.history)) if item.history else []
        refusal = refuse(retriever.analyse(item.question, context), retriever.vocabulary())
        assert refusal is None or not item.answerable, (item.id, item.question, refusal)


def test_english_function_words_count_only_for_english_documents() -> None:
    from types import SimpleNamespace

    query = SimpleNamespace(text="What is the Friedensplan?", context=(), question=SimpleNamespace(weights={1: 1.0}))
    german = frozenset("der die das und ist friedensplan".split())
    refusal = refuse(query, german)  # type: ignore[arg-type]
    assert refusal is not None and refusal.reason == LANGUAGE


@pytest.mark.parametrize(
    ("question", "number"),
    [("Who signed the Budapest memorandum in 2005?", "2005"),  # signed in 1994
     ("What did the 1999 Minsk agreements say?", "1999"),
     ("How much did the EU pay for Russian gas in 2019?", "2019"),
     ("What do the documents say about 1999?", "1999"),  # a comparison: the same missing premise
     ("What does the IAI commentary say about 2005?", "2005")],  # one document's view
)
def test_a_number_the_documents_never_give_is_a_premise_they_do_not_hold(retriever: Retriever, question, number) -> None:
    refusal = refuse_numbers(question, retriever.vocabulary())
    assert refusal is not None and refusal.reason == UNKNOWN_NUMBER
    result = qa.answer(question, retriever=retriever)
    assert result.abstained and result.text.startswith(NOT_IN_DOCUMENTS) and f"“{number}”" in result.text
    assert not result.citations and result.closest


def test_a_number_counts_as_given_in_digits_or_in_words() -> None:
    vocabulary = frozenset({"ten", "million", "1994", "6", "7", "000", "thirty"})
    assert unknown_numbers("Did up to 10 million people flee?", vocabulary) == []  # "up to ten million"
    assert unknown_numbers("Were 6,000 soldiers lost?", vocabulary) == []  # split as the vocabulary is: "6", "000"
    assert unknown_numbers("What happened in 1994 and in 2005?", vocabulary) == ["2005"]
    assert unknown_numbers("Was it 30 or 40?", vocabulary) == ["40"]
    assert unknown_numbers("What happened in the 1990s, the 6th round, or on 4G?", vocabulary) == []


def test_a_number_the_documents_give_is_asked_as_usual(retriever: Retriever) -> None:
    result = qa.answer("Who signed the Budapest memorandum in 1994?", retriever=retriever)
    assert not result.abstained and "Russia" in result.text


@pytest.mark.parametrize(
    ("question", "ends"),
    [("Who signed it?", True), ("What does Alcaro think of it?", True), ("Why did Russia reject it ?", True),
     ("What is it called?", False),  # "it" refers to nothing
     ("Which country says it will end coal imports?", False), ("Who signed the memorandum?", False)],
)
def test_a_question_ending_on_it_points_at_what_it_asks_about(question: str, ends: bool) -> None:
    assert ends_on_it(question) is ends
    # Alone, it is still asked: a name may come before the "it".
    assert not refers_back("What does Alcaro think of it?")


def test_a_whole_question_after_and_is_asked_as_it_stands(retriever: Retriever) -> None:
    from qa.answering.gate import after_conjunction

    assert after_conjunction("And what did the US send?") == "What did the US send?"
    assert after_conjunction("But, how many soldiers did Ukraine lose?") == "How many soldiers did Ukraine lose?"
    # An ellipsis is no whole question: it needs the turn before.
    assert after_conjunction("And how many?") is None and after_conjunction("And what about Europe?") is None
    assert after_conjunction("And the second largest?") is None and after_conjunction("What did the US send?") is None
    assert after_conjunction("And which is the second largest?") is None  # names nothing: the largest what?
    # "What" or "who" as the subject of a verb in the past makes a whole question too.
    assert after_conjunction("And what happened to the Budapest memorandum?") == "What happened to the Budapest memorandum?"
    assert after_conjunction("And who signed the Minsk agreements?") == "Who signed the Minsk agreements?"
    assert after_conjunction("And what happened to it?") is None  # "it" still needs the turn before
    history = [{"role": "user", "content": "Which document did Moscow sign in 1994?"},
               {"role": "assistant", "content": "**Budapest memorandum** The Budapest memorandum, which Russia signed in "
                "1994 …, sought to provide such assurances … — and Moscow ran tanks over it. [1]"}]
    followed = qa.answer("And what happened to it?", history=history, retriever=retriever)
    assert not followed.abstained and "ran tanks over it" in followed.text
    # What the whole question refers back to is still asked about in a fresh chat.
    assert not refers_back("And what did the US send?") and refers_back("And what did he say?")
    result = qa.answer("And what weapons has the US sent?", retriever=retriever)
    assert not result.abstained and result.question == "And what weapons has the US sent?"
    assert "Stinger" in result.short.text


def test_an_it_after_a_question_phrase_points_back() -> None:
    # "How much", "How many" ask; they are no content the "it" could refer to.
    assert refers_back("How much is it worth?") and refers_back("How long did it last?")
    assert not refers_back("How much aid is it worth?") and not refers_back("How much is the aid worth?")
    # The place asked for after a preposition is not what "its" stands for (it had been read alone and
    # abstained); an "it" may stand for it, or be no pointer at all.
    assert refers_back("In which city are its offices?")
    assert not refers_back("In what area is it common for spiritual mentorship to be extremely high?")


def test_him_points_back_unless_the_question_names_someone() -> None:
    # "Does the April author agree with him?" had been read alone: "April" is a month, not whom "him" stands for.
    assert refers_back("Does the April author agree with him?")
    assert not refers_back("Does the April author agree with Lavrov?")
    assert not refers_back("What did Alcaro say about him and Peskov?")


def test_what_else_points_back_unless_it_names_whom_it_is_about() -> None:
    assert refers_back("What else?") and refers_back("What else did he write?")
    assert not refers_back("What else did Riccardo Alcaro write?")
    # Nor when it names what it is else than (it had asked what "besides bank sanctions" meant).
    assert not refers_back("What else, besides bank sanctions, would help?")
    assert refers_back("What else would help?")


@pytest.mark.parametrize(
    ("question", "points"),
    [("What weapons did that include?", True), ("Why was that a first?", True), ("When was that?", True),
     ("What happened after that?", True), ("How much was that worth?", True), ("Is that the plan?", True),
     # "that" as a conjunction or a relative pronoun points at nothing
     ("Did Zelensky say that he would resign?", False), ("What are the issues that remain?", False),
     ("Which country says that it will stop buying coal?", False),
     # What was said before, named as a claim (it had been read alone).
     ("Does the April writer accept that claim?", True), ("Does the April writer accept claims?", False)],
)
def test_a_that_standing_for_what_was_said_before_points_back(question: str, points: bool) -> None:
    assert points_back(question) is points


@pytest.mark.parametrize(
    ("word", "opening", "spelt"),
    [
        ("abuot", False, "about"),
        ("wich", True, "which"),  # "which" or "with": a question opens with the question word
        ("wich", False, None),
        ("countrys", False, "countries"),
        ("populaton", False, "population"),
        ("guarantors", False, None),  # the documents' "guarantor" and an "s": no slip
        ("qzxv", False, None),
        ("crimea", False, None),  # known
    ],
)
def test_the_word_a_slip_of_typing_stands_for(word, opening, spelt):
    from qa.answering.gate import spelling_of

    vocabulary = {"about", "countries", "population", "guarantor", "crimea", "the"}
    assert spelling_of(word, vocabulary, True, opening) == spelt


def test_which_one_of_a_named_group_stands_alone() -> None:
    assert not refers_back("Which one of the Russian banks is the largest?")

"""Input checks: questions, k and chat histories (plain and Gradio formats)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa.settings import MAX_HISTORY_CHARS, MAX_HISTORY_TURNS, MAX_K, MAX_QUESTION_CHARS
from qa.errors import InputError, QAError
from qa.inputs import assistant_turns, check_k, check_question, message_text, user_turns


def test_input_error_is_a_value_error_and_a_qa_error() -> None:
    assert issubclass(InputError, ValueError) and issubclass(InputError, QAError)


# ---- questions ---------------------------------------------------------------------------------


def test_question_is_stripped() -> None:
    assert check_question("  Which bank is the largest?\n") == "Which bank is the largest?"


@pytest.mark.parametrize("question", ["", " ", "\n\t  \r\n", "\u00a0\u2003"])
def test_empty_question(question: str) -> None:
    with pytest.raises(InputError, match="empty: type a question"):
        check_question(question)


@pytest.mark.parametrize("question", [None, 42, 4.2, b"bytes", ["list"], {"q": 1}])
def test_question_must_be_text(question) -> None:
    with pytest.raises(InputError, match=f"must be text \\(str\\), not {type(question).__name__}"):
        check_question(question)


def test_question_length_limit() -> None:
    assert check_question("q" * MAX_QUESTION_CHARS) == "q" * MAX_QUESTION_CHARS
    assert check_question(" " * 5000 + "q" + " " * 5000) == "q"  # the limit applies after stripping
    with pytest.raises(InputError, match=r"10,000 characters long; the limit is 2,000\. Ask a shorter question"):
        check_question("q" * 10_000)
    with pytest.raises(InputError):
        check_question("q" * (MAX_QUESTION_CHARS + 1))


def test_question_with_nul_is_refused() -> None:
    with pytest.raises(InputError, match="NUL"):
        check_question("Which\x00 bank?")


@given(st.text(min_size=1, max_size=MAX_QUESTION_CHARS).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_reasonable_text_is_accepted_unchanged_but_stripped(text: str) -> None:
    assert check_question(text) == text.strip()


# ---- k -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("k", [1, 5, MAX_K])
def test_k_in_range(k: int) -> None:
    assert check_k(k) == k


@pytest.mark.parametrize("k", [0, -1, MAX_K + 1, 1000])
def test_k_out_of_range(k: int) -> None:
    with pytest.raises(InputError, match=f"k must be between 1 and {MAX_K}, not {k}"):
        check_k(k)


@pytest.mark.parametrize("k", [True, False, 5.0, "5", None, [5]])
def test_k_must_be_an_int(k) -> None:
    with pytest.raises(InputError, match="k must be a whole number"):
        check_k(k)


# ---- chat history ------------------------------------------------------------------------------


def test_message_text_formats() -> None:
    assert message_text(None) == ""
    assert message_text("plain") == "plain"
    assert message_text({"type": "text", "text": "part"}) == "part"
    assert message_text({"text": "untyped part"}) == "untyped part"
    assert message_text({"type": "image", "url": "x.png"}) == ""
    assert message_text([{"type": "text", "text": "a"}, "b", {"type": "file", "path": "f"}]) == "a b"
    with pytest.raises(InputError, match="content must be text"):
        message_text(42)


def test_user_turns_from_messages_and_pairs() -> None:
    messages = [
        {"role": "user", "content": "Which bank is the largest?"},
        {"role": "assistant", "content": "Sberbank."},
        {"role": "user", "content": [{"type": "text", "text": "And the second?"}]},
        {"role": "system", "content": "ignored"},
        {"role": "user", "content": "   "},
    ]
    assert user_turns(messages) == ["Which bank is the largest?", "And the second?"]
    pairs = [["First question?", "First answer."], ("Second question?", None)]
    assert user_turns(pairs) == ["First question?", "Second question?"]
    assert user_turns(None) == [] and user_turns([]) == []
    assert assistant_turns(messages) == ["Sberbank."]
    assert assistant_turns(pairs) == ["First answer."]


def test_only_the_last_turns_are_used() -> None:
    history = [{"role": "user", "content": f"question {n}"} for n in range(MAX_HISTORY_TURNS + 5)]
    turns = user_turns(history)
    assert len(turns) == MAX_HISTORY_TURNS
    assert turns[0] == "question 5" and turns[-1] == f"question {MAX_HISTORY_TURNS + 4}"


def test_history_size_limit() -> None:
    history = [{"role": "user", "content": "x" * (MAX_HISTORY_CHARS // 2 + 1)}] * 2
    with pytest.raises(InputError, match="start a new conversation"):
        user_turns(history)


@pytest.mark.parametrize(
    ("history", "hint"),
    [
        ("a string", "must be a list"),
        ({"role": "user"}, "must be a list"),
        ([{"content": "no role"}], "needs a 'role'"),
        ([42], "history items must be"),
        ([["only one"]], "history items must be"),
        ([{"role": "user", "content": 42}], "content must be text"),
    ],
)
def test_bad_history(history, hint: str) -> None:
    with pytest.raises(InputError, match=hint):
        user_turns(history)

"""Checking what callers pass in: questions, k, and chat histories (plain or Gradio format)."""

from __future__ import annotations

from typing import Any, Sequence

from qa.settings import MAX_HISTORY_CHARS, MAX_HISTORY_TURNS, MAX_K, MAX_QUESTION_CHARS
from qa.errors import InputError


def check_question(question: Any) -> str:
    """The question stripped of surrounding space; InputError when empty, not text, or too long."""
    if not isinstance(question, str):
        raise InputError(f"the question must be text (str), not {type(question).__name__}")
    text = question.strip()
    if not text:
        raise InputError("the question is empty: type a question about the documents")
    if len(text) > MAX_QUESTION_CHARS:
        raise InputError(
            f"the question is {len(text):,} characters long; the limit is {MAX_QUESTION_CHARS:,}. Ask a shorter question."
        )
    if "\x00" in text:
        raise InputError("the question contains a NUL character; remove it")
    return text


def check_k(k: Any, name: str = "k") -> int:
    """k as an int in 1..MAX_K; InputError otherwise, calling it `name` (e.g. "--k" for a command-line flag)."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise InputError(f"{name} must be a whole number, not {k!r}")
    if not 1 <= k <= MAX_K:
        raise InputError(f"{name} must be between 1 and {MAX_K}, not {k}")
    return k


# Gradio parts lists are one level deep; anything much deeper is malformed (or hostile).
MAX_CONTENT_DEPTH = 8


def message_text(content: Any, _depth: int = 0) -> str:
    """Text of a chat message's content: a string, a Gradio list of parts, or a single part."""
    if _depth > MAX_CONTENT_DEPTH:
        raise InputError(f"a history message's content is nested more than {MAX_CONTENT_DEPTH} levels deep")
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        if content.get("type", "text") == "text" and isinstance(content.get("text"), str):
            return content["text"]
        return ""
    if isinstance(content, (list, tuple)):
        return " ".join(message_text(part, _depth + 1) for part in content).strip()
    raise InputError(f"a history message's content must be text or a list of parts, not {type(content).__name__}")


def user_turns(history: Sequence[Any] | None) -> list[str]:
    """The user messages of a chat history, oldest first, from its last MAX_HISTORY_TURNS entries.

    Accepts [{"role": ..., "content": ...}, ...] (OpenAI/Gradio messages) and the older
    Gradio pair format [[user, assistant], ...].
    """
    return _turns(history, "user")


def assistant_turns(history: Sequence[Any] | None) -> list[str]:
    """The assistant's messages of a chat history, oldest first, checked as `user_turns` checks them."""
    return _turns(history, "assistant")


def _turns(history: Sequence[Any] | None, role: str) -> list[str]:
    if history is None:
        return []
    if not isinstance(history, (list, tuple)):
        raise InputError(f"history must be a list of messages, not {type(history).__name__}")
    turns: list[str] = []
    total = 0
    for item in list(history)[-MAX_HISTORY_TURNS:]:
        if isinstance(item, dict):
            if "role" not in item:
                raise InputError("each history message needs a 'role' ('user' or 'assistant') and a 'content'")
            if item["role"] != role:
                continue
            text = message_text(item.get("content"))
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            text = message_text(item[0] if role == "user" else item[1])
        else:
            raise InputError("history items must be {'role': ..., 'content': ...} messages")
        total += len(text)
        if total > MAX_HISTORY_CHARS:
            raise InputError(
                f"the conversation history is over {MAX_HISTORY_CHARS:,} characters; start a new conversation"
            )
        if text.strip():
            turns.append(text.strip())
    return turns

"""Item 7 — limits: the README's "Limits" table agrees with qa.settings (parsed, not copied), and each
limit is enforced with a clear message at every public entry point (tests/test_inputs.py covers
the check functions themselves, tests/test_cli.py the command line).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO_ROOT, BuiltIndex
from qa import settings as config

QUESTION = "Which bank is Russia's largest?"


def _number(text: str) -> int:
    return int(text.replace(",", "").replace("\u202f", "").replace(" ", ""))


def readme_limits(table: int = 0) -> dict[str, tuple[str, str]]:
    """{what: (limit, where)} from a table of the README's "## Limits" section (the first: input limits;
    the second: what the chat server holds)."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Limits", 1)[1].split("\n## ", 1)[0]
    tables = re.findall(r"(?:^\|.*\|[ \t]*\n?)+", section, re.M)
    rows = {}
    for line in tables[table].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("what", "") and not set(cells[0]) <= {"-"}:
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def test_readme_limits_table_agrees_with_config() -> None:
    rows = readme_limits()
    print(f"\n[limits] README table: {rows}")
    summary_row = "documents one summary covers"
    authors_row = "documents \"Who wrote the documents?\" / \"When were they published?\" answer for"
    assert set(rows) == {"question length", "chat history read", "`k`", "document size", "document read time",
                         summary_row, authors_row}, rows

    from qa.answering.answerer import MAX_AUTHORSHIP_DOCUMENTS
    from qa.answering.summary import MAX_SUMMARY_DOCUMENTS

    for row, value, name in ((summary_row, MAX_SUMMARY_DOCUMENTS, "MAX_SUMMARY_DOCUMENTS"),
                             (authors_row, MAX_AUTHORSHIP_DOCUMENTS, "MAX_AUTHORSHIP_DOCUMENTS")):
        limit, where = rows[row]
        assert _number(limit.split()[0]) == value and name in where, (row, limit, where)

    limit, where = rows["question length"]
    assert re.fullmatch(r"([\d,]+) characters", limit) and _number(limit.split()[0]) == config.MAX_QUESTION_CHARS
    assert "MAX_QUESTION_CHARS" in where

    limit, where = rows["chat history read"]
    match = re.fullmatch(r"last ([\d,]+) messages, ([\d,]+) characters", limit)
    assert match, limit
    assert _number(match.group(1)) == config.MAX_HISTORY_TURNS and _number(match.group(2)) == config.MAX_HISTORY_CHARS
    assert "MAX_HISTORY_TURNS" in where and "MAX_HISTORY_CHARS" in where

    limit, where = rows["`k`"]
    match = re.fullmatch(r"(\d+)\s*[–-]\s*([\d,]+)", limit)
    assert match and int(match.group(1)) == 1 and _number(match.group(2)) == config.MAX_K and "MAX_K" in where

    limit, where = rows["document size"]
    match = re.fullmatch(r"([\d,]+) MB", limit)
    assert match and _number(match.group(1)) * 2**20 == config.MAX_DOCUMENT_BYTES and "MAX_DOCUMENT_BYTES" in where

    limit, where = rows["document read time"]
    match = re.match(r"([\d,]+) s per PDF or HTML file", limit)
    assert match and _number(match.group(1)) == config.MAX_LOAD_SECONDS and "MAX_LOAD_SECONDS" in where

    # Every other name in the "where" column exists in qa.settings (those two are answering's, checked above).
    for row, (_, where) in rows.items():
        if row in (summary_row, authors_row):
            continue
        for name in re.findall(r"MAX_[A-Z_]+", where):
            assert hasattr(config, name), name


def test_api_doc_states_the_question_limit() -> None:
    api = (REPO_ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    match = re.search(r"`question` \(str, 1 to ([\d,]+) characters\)", api)
    assert match and _number(match.group(1)) == config.MAX_QUESTION_CHARS


@pytest.fixture(scope="module")
def retriever(built_index: BuiltIndex):
    from qa.retrieval.retriever import Retriever

    return Retriever(built_index.index)


def _entry_points(retriever, index: Path):
    """Every public way to ask: name -> f(question, k=None, history=None)."""
    import qa
    from qa.app.chat import ChatBackend

    backend = ChatBackend(index)
    return {
        "qa.retrieve": lambda q, k=5, h=None: qa.retrieve(q, k=k, index=index, history=h),
        "Retriever.retrieve": lambda q, k=5, h=None: retriever.retrieve(q, k=k, history=h),
        "qa.answer": lambda q, k=None, h=None: qa.answer(q, history=h, retriever=retriever),
        "qa.answer(index=)": lambda q, k=None, h=None: qa.answer(q, history=h, index=index),
        "/ask (ChatBackend.answer)": lambda q, k=None, h=None: backend.answer(q, h),
    }


@pytest.mark.model
def test_question_length_limit_at_every_entry_point(retriever, built_index: BuiltIndex) -> None:
    from qa.errors import InputError

    limit = config.MAX_QUESTION_CHARS
    at_limit = (QUESTION + " ") * (limit // (len(QUESTION) + 1))
    at_limit = (at_limit + "x" * limit)[:limit]
    for name, ask in _entry_points(retriever, built_index.index).items():
        ask(at_limit)  # exactly at the limit: accepted
        ask("  " + at_limit + "\n\n")  # surrounding space does not count
        with pytest.raises(InputError) as info:
            ask(at_limit + "y")
        message = str(info.value)
        assert f"{limit + 1:,} characters long" in message and f"the limit is {limit:,}" in message, (name, message)
        assert "shorter" in message
    print(f"\n[limits] question: {limit:,} characters accepted, {limit + 1:,} refused with a message naming the "
          f"limit, at {len(_entry_points(retriever, built_index.index))} entry points")


@pytest.mark.model
def test_k_limit(retriever, built_index: BuiltIndex) -> None:
    import qa
    from qa.errors import InputError

    assert len(retriever.retrieve(QUESTION, k=config.MAX_K)) == min(config.MAX_K, len(retriever))
    assert len(qa.retrieve(QUESTION, k=1, index=built_index.index)) == 1
    for bad in (0, config.MAX_K + 1, 10**9):
        for call in (lambda: retriever.retrieve(QUESTION, k=bad), lambda: qa.retrieve(QUESTION, k=bad, index=built_index.index)):
            with pytest.raises(InputError, match=f"k must be between 1 and {config.MAX_K}, not {bad}"):
                call()


@pytest.mark.model
def test_history_reads_only_the_last_messages(retriever) -> None:
    """Messages before the last MAX_HISTORY_TURNS have no effect at all, however long they are."""
    import qa

    recent = [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": "Sberbank [1]"}] * (
        config.MAX_HISTORY_TURNS // 2
    )
    assert len(recent) == config.MAX_HISTORY_TURNS
    old = [{"role": "user", "content": "Tell me about the boiling point of mercury on Venus. " * 400}] * 30
    follow_up = "And which one is the second largest?"
    with_old = qa.answer(follow_up, history=old + recent, retriever=retriever)
    without = qa.answer(follow_up, history=recent, retriever=retriever)
    assert (with_old.text, [c.id for c in with_old.citations]) == (without.text, [c.id for c in without.citations])
    hits_old = retriever.retrieve(follow_up, k=5, history=old + recent)
    hits = retriever.retrieve(follow_up, k=5, history=recent)
    assert [(p.id, p.score) for p in hits_old] == [(p.id, p.score) for p in hits]


@pytest.mark.model
def test_history_size_limit_at_every_entry_point(retriever, built_index: BuiltIndex) -> None:
    from qa.errors import InputError

    limit = config.MAX_HISTORY_CHARS
    half = limit // 2
    fits = [{"role": "user", "content": "x" * half}, {"role": "user", "content": "y" * (limit - half)}]
    too_long = [{"role": "user", "content": "x" * half}, {"role": "user", "content": "y" * (limit - half + 1)}]
    gradio_parts = [{"role": "user", "content": [{"type": "text", "text": "z" * (limit + 1)}]}]
    for name, ask in _entry_points(retriever, built_index.index).items():
        ask(QUESTION, h=fits)
        for history in (too_long, gradio_parts):
            with pytest.raises(InputError) as info:
                ask(QUESTION, h=history)
            message = str(info.value)
            assert f"over {limit:,} characters" in message and "start a new conversation" in message, (name, message)


def test_ask_endpoint_shows_the_limit_message(tmp_path: Path) -> None:
    """What a /ask caller gets (gr.Error -> AppError with this message) for a too long question."""
    import gradio as gr

    from qa.app.chat import ChatBackend

    with pytest.raises(gr.Error, match=f"the limit is {config.MAX_QUESTION_CHARS:,}"):
        ChatBackend(tmp_path / "index").ask("q" * (config.MAX_QUESTION_CHARS + 1))


@pytest.mark.model
def test_document_size_limit_skips_the_file_naming_the_limit(tmp_path: Path) -> None:
    """A (sparse) file one byte over MAX_DOCUMENT_BYTES is skipped, named, with the limit and a fix."""
    from qa.index.build import build_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "notes.md", corpus / "notes.md")
    with (corpus / "huge.txt").open("wb") as handle:
        handle.truncate(config.MAX_DOCUMENT_BYTES + 1)
    report = build_index(corpus, tmp_path / "index")
    reasons = {s.path: s.reason for s in report.skipped}
    assert list(reasons) == ["huge.txt"] and report.documents == 1
    limit_mb = config.MAX_DOCUMENT_BYTES // 2**20
    assert f"over the {limit_mb} MB limit" in reasons["huge.txt"] and "split it" in reasons["huge.txt"]
    print(f"\n[limits] a {config.MAX_DOCUMENT_BYTES + 1:,}-byte file: skipped: {reasons['huge.txt']}")


def test_readme_server_limits_table_agrees_with_config() -> None:
    rows = readme_limits(table=1)
    limit, where = rows["request body"]
    match = re.match(r"([\d,]+) MB", limit)
    assert match and _number(match.group(1)) * 2**20 == config.MAX_REQUEST_BYTES and "MAX_REQUEST_BYTES" in where

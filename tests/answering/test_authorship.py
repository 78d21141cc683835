"""Who wrote a document: its author note answers; a document without an author gets "the documents do not say"."""

from __future__ import annotations

import pytest

from qa.answering.answerer import answer, check_citations
from qa.answering.authorship import asks_author, author_note, document_words, name_span
from qa.answering.summary import target_documents


@pytest.mark.parametrize("question", ["Who wrote the IAI commentary?", "Who is the author of the April article?",
                                      "Whose commentary is about the Istanbul talks?", "Who authored this report?",
                                      "Who is the author?", "Who are the writers?", "Who wrote the documents?",
                                      # By the possessive (it had abstained).
                                      "Who is the April commentary’s author?",
                                      # Whether a document names its author (it had abstained).
                                      "Does the April piece name its author?", "Does the IAI commentary give its author?"])
def test_questions_about_a_documents_author(question):
    assert asks_author(question)


@pytest.mark.parametrize("question", ["Who wrote the Budapest memorandum?", "Who is the Kremlin spokesman?",
                                      "Who wrote the book?", "What does the commentary say about China?",
                                      # The author as the subject of another question.
                                      "Is the author of the April piece optimistic?",
                                      "What does the author of the IAI commentary propose?"])
def test_other_questions_are_not_about_authorship(question):
    assert not asks_author(question)


def test_the_words_asking_for_an_author_do_not_name_a_document(two_documents):
    # "author" would match the one document that names its author; "wrote" none.
    assert target_documents(document_words("Who is the author?"), two_documents) == ["a.txt", "b.txt"]
    assert target_documents(document_words("Who wrote the commentary?"), two_documents) == ["a.txt", "b.txt"]
    assert target_documents(document_words("Who wrote the IAI commentary?"), two_documents) == ["b.txt"]


def test_the_author_note_is_the_sentence_that_introduces_the_author():
    text = (
        "⁷ Riccardo Alcaro, \"Europe's Post-Cold War Order\", in IAI Commentaries. "
        "Riccardo Alcaro is Research Coordinator at the IAI. He writes often."
    )
    start, end = author_note(text, "Riccardo Alcaro")
    assert text[start:end] == "Riccardo Alcaro is Research Coordinator at the IAI."
    assert name_span(text[start:end], "Riccardo Alcaro") == (0, len("Riccardo Alcaro"))
    assert author_note(text, "Max Seddon") is None


@pytest.mark.model
def test_who_wrote_answers_with_the_author_note_and_name(built_index):
    result = answer("Who wrote the IAI commentary?", index=built_index.index)
    assert not result.abstained and check_citations(result) == []
    assert result.short is not None and result.short.text == "Riccardo Alcaro"
    assert result.text.startswith("Riccardo Alcaro is Research Coordinator")
    assert result.citations[0].kind != "footnote"


@pytest.mark.model
def test_a_document_without_an_author_is_not_given_one(built_index):
    result = answer("Who wrote the commentary on the Istanbul talks?", index=built_index.index)
    assert result.abstained and "do not say who wrote" in result.text and "Alcaro" not in result.text


@pytest.mark.model
def test_who_is_the_author_answers_for_each_document(built_index):
    result = answer("Who is the author?", index=built_index.index)
    assert not result.abstained and check_citations(result) == []
    assert result.short is not None and result.short.text == "Riccardo Alcaro"
    assert result.text.startswith("Alcaro (IAI, 22 March 2022): Riccardo Alcaro is Research Coordinator")
    assert result.text.endswith("The 1 April 2022 opinion commentary names no author.")
    # a work only a footnote cites is no document: its author is not the commentaries'
    cited = answer("Who wrote the Reuters article reporting that Ukraine's war damage tops $100 billion?",
                   index=built_index.index)
    assert cited.short is None or "Alcaro" not in cited.short.text

"""A document's date, title, publisher and kind come from its own lines or its record (qa.answering.document_facts)."""

from __future__ import annotations

import pytest

from qa.answering.answerer import check_citations
from qa.answering.document_facts import (
    DATE_FACT, KIND_FACT, PUBLISHER_FACT, TITLE_FACT, asks_fact, dated_first, fact_line, fact_value,
)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("When was the IAI commentary published?", DATE_FACT),
        ("What is the date of the April commentary?", DATE_FACT),
        ("What date is the Alcaro commentary?", DATE_FACT), ("What's the date on the IAI paper?", DATE_FACT),
        ("What date appears at the end of Alcaro's commentary?", DATE_FACT),  # it had abstained
        ("How old is the IAI piece?", DATE_FACT),
        ("How old is the think tank that published Alcaro's commentary?", None),  # when it was founded
        ("What date was the Istanbul meeting?", None),  # no document named
        ("When did Alcaro write the IAI commentary?", DATE_FACT),
        ("When did they publish the article?", DATE_FACT),
        ("What is the title of the IAI commentary?", TITLE_FACT),
        ("Who published the IAI commentary?", PUBLISHER_FACT),
        ("Which institute published the commentary?", PUBLISHER_FACT),
        ("Which Rome-based institute put out the 22 March analysis?", PUBLISHER_FACT),  # a hyphened word before the kind
        ("Where was the IAI commentary published?", PUBLISHER_FACT),
        ("Where does the April commentary come from?", PUBLISHER_FACT),  # it had abstained
        # Which document is older: each one's date answers.
        ("Which document is older?", DATE_FACT), ("Which piece came out first?", DATE_FACT),
        ("Which of the two articles was written first?", DATE_FACT), ("Which commentary is more recent?", DATE_FACT),
        ("Which is the older document?", DATE_FACT), ("Which one is the most recent article?", DATE_FACT),
        ("Which document is more optimistic?", None),
        # By the possessive: it had quoted a footnote's "(February 2022)".
        ("What is the IAI commentary's date?", DATE_FACT), ("Who is the IAI commentary's publisher?", PUBLISHER_FACT),
        ("When did the talks take place?", None),  # no document named
        ("Which newspaper published the report cited in the IAI commentary?", None),  # a cited work
        ("According to the article, when was the plan published?", None),
        # Something asked of the publisher named by its document is not who the publisher is.
        ("Who founded the publisher of the IAI commentary?", None), ("Who founded the April piece's publisher?", None),
        ("In what year was the think tank that published the IAI commentary founded?", None),
        ("Who is the publisher of the IAI commentary?", PUBLISHER_FACT), ("Name the April article's publisher.", PUBLISHER_FACT),
        ("Who published the commentary by Riccardo Alcaro?", PUBLISHER_FACT),
        # What kind of document it is (it had abstained on "text").
        ("What kind of text is the April piece?", KIND_FACT), ("What type of document is the IAI commentary?", KIND_FACT),
        ("What genre are the documents?", KIND_FACT),
        ("What kind of weapons does the April piece mention?", None),  # of something else
    ],
)
def test_the_fact_asked_for(question, fact):
    assert asks_fact(question) == fact


def test_the_fact_is_found_in_the_documents_own_lines():
    text = "A Title Line\n\nby A. Author\n\nBody text. It says 22 March 2022 in passing.\n\n22 March 2022\n\nThe Institute\n"
    segments = [{"start": 0, "end": 12, "kind": "title"}]
    meta = {"date": "2022-03-22", "title": "A Title Line", "publisher": "The Institute", "author": None}
    assert fact_value(meta, DATE_FACT) == "22 March 2022" and fact_value(meta, "author") is None
    start, end = fact_line(text, segments, DATE_FACT, "22 March 2022")
    assert text[start:end] == "22 March 2022" and text[:start].count("\n") > 4  # the date line, not the sentence
    start, end = fact_line(text, segments, PUBLISHER_FACT, "The Institute")
    assert text[start:end] == "The Institute"
    assert fact_line(text, segments, TITLE_FACT, "A Title Line") == (0, 12)
    assert fact_line(text, [], TITLE_FACT, "A Title Line") is None  # no title segment: not in the text
    assert fact_line(text, segments, DATE_FACT, "1 April 2022") is None


@pytest.mark.model
def test_a_documents_date_title_and_publisher(built_index):
    import qa
    from qa.answering.answerer import check_citations

    for question, short in [
        ("When was the IAI commentary published?", "22 March 2022"),
        ("What is the title of the IAI commentary?", "Russia–Ukraine Talks and the Indispensable Role of the US and Europe"),
        ("Who published the IAI commentary?", "Istituto Affari Internazionali (IAI)"),
    ]:
        answer = qa.answer(question, index=built_index.index)
        assert not answer.abstained and answer.short is not None and answer.short.text == short, answer.text
        assert check_citations(answer) == [] and answer.citations[0].doc_id.startswith("002_")
    # The April piece's text carries no date and its source names no publisher: said, not guessed.
    dated = qa.answer("When was the April commentary published?", index=built_index.index)
    assert dated.abstained and not dated.citations and "1 April 2022" in dated.text and "record" in dated.text
    published = qa.answer("Who published the April commentary?", index=built_index.index)
    assert published.abstained and "names no publisher" in published.text
    # Its kind: the record's, said as the record's (no line of either text says it).
    kind = qa.answer("What kind of text is the April piece?", index=built_index.index)
    assert kind.abstained and not kind.citations
    assert kind.text == ("The text of the 1 April 2022 opinion commentary does not say what kind of document it is; "
                         "the record of its source calls it an opinion commentary.")


@pytest.mark.model
def test_a_follow_up_asks_about_the_document_of_the_question_before(built_index):
    import qa

    history = [{"role": "user", "content": "Who wrote the IAI commentary?"},
               {"role": "assistant", "content": "Riccardo Alcaro is Research Coordinator … [1]"}]
    answer = qa.answer("When was it published?", history=history, index=built_index.index)
    assert not answer.abstained and answer.short is not None and answer.short.text == "22 March 2022"
    written = qa.answer("When did he write it?", history=history, index=built_index.index)
    assert not written.abstained and written.short is not None and written.short.text == "22 March 2022"
    assert asks_fact("When was it published?") is None  # alone, it names no document
    # two turns later, through a follow-up that points back too
    longer = [*history, {"role": "user", "content": "What is his job?"},
              {"role": "assistant", "content": "Riccardo Alcaro is Research Coordinator … [1]"}]
    later = qa.answer("When did he write it?", history=longer, index=built_index.index)
    assert not later.abstained and later.short is not None and later.short.text == "22 March 2022"


@pytest.mark.model
def test_a_fact_asked_of_all_the_documents_is_given_for_each(built_index):
    import qa

    # "two" and "both" say how many documents, not which: "the two commentaries" had been answered
    # with a footnote's "February 2022".
    for question in ("When were the commentaries published?", "When were the two commentaries published?",
                     "When were both documents published?", "Which document is older?",
                     "Which commentary is more recent?"):  # not a comparison of the documents' sentences
        dated = qa.answer(question, index=built_index.index)
        assert not dated.abstained and check_citations(dated) == [] and dated.short is None  # several asked
        assert dated.text.startswith("Alcaro (IAI, 22 March 2022): 22 March 2022 [1]"), question
        assert "the record of its source dates it 1 April 2022" in dated.text  # the April piece's, said as the record's
    # A comparison of the dates says which document that makes the newer or the older.
    assert qa.answer("Which document is older?", index=built_index.index).text.endswith(
        "By these dates, Alcaro (IAI, 22 March 2022) is the older.")
    assert qa.answer("Which commentary is more recent?", index=built_index.index).text.endswith(
        "By these dates, the 1 April 2022 opinion commentary is the more recent.")
    assert "By these dates" not in qa.answer("When were the commentaries published?", index=built_index.index).text
    titled = qa.answer("What are the titles of the documents?", index=built_index.index)
    assert "Russia–Ukraine Talks and the Indispensable Role of the US and Europe [1]" in titled.text
    published = qa.answer("Who published the articles?", index=built_index.index)
    assert "Istituto Affari Internazionali (IAI) [1]" in published.text and "names no publisher" in published.text


def test_which_document_a_date_comparison_asks_for():
    metas = {"a.txt": {"date": "2022-03-22"}, "b.txt": {"date": "2022-04-01"}}
    assert dated_first("Which document is more recent?", metas) == ("b.txt", True)
    assert dated_first("Which piece came out first?", metas) == ("a.txt", False)
    assert dated_first("When were they published?", metas) is None  # no comparison
    assert dated_first("Which is older?", {"a.txt": {"date": "2022-03-22"}, "b.txt": {"date": "2022"}}) is None
    assert dated_first("Which is older?", {"a.txt": {"date": "2022-03-22"}, "b.txt": {"date": "2022-03-22"}}) is None

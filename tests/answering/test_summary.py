"""Summaries: the sentences that best cover the document a question names."""

from __future__ import annotations

import numpy as np
import pytest

from qa.answering.summary import (
    MAX_SUMMARY_DOCUMENTS, SENTENCES_EACH_DOCUMENT, SENTENCES_ONE_DOCUMENT, asks_gist, asks_summary, central_sentences,
    leans_on_previous, pointed_documents, summary_length, target_documents,
)


@pytest.mark.parametrize(
    ("question", "asks"),
    [("Summarise the IAI commentary", True), ("Summarize the documents", True),
     # How long, first: "Briefly," or "In short," says nothing of what is asked.
     ("In short, summarise the IAI commentary.", True), ("Overall, what is the gist of the April piece?", True),
     ("So, which bank is Russia's largest?", False),
     ("What are the main points of the April opinion piece?", True), ("What is the IAI commentary about?", True),
     ("What is the author's main argument?", True), ("What were Alcaro's key conclusions?", True),
     ("What is the April piece's main argument?", True), ("What is the IAI commentary's main point?", True),  # had abstained
     ("What is Alcaro's overall argument?", True), ("What is the core argument of the April piece?", True),  # had abstained
     ("Which bank is Russia's largest?", False), ("What are the main sticking points?", False),
     # The gist, the thrust, an overview, with "the" or an adjective.
     ("Give me the gist of Alcaro's commentary.", True), ("What is the gist of the IAI piece?", True),
     ("What's the thrust of the April article?", True), ("Give me a brief overview of the IAI commentary", True),
     ("What is the overview effect?", False), ("What did the summary of the talks say?", False),
     # Asked for its key points or main arguments.
     ("Give me the key points of the opinion piece.", True), ("List the main arguments of the IAI commentary", True),
     ("Tell me the key points.", True), ("Give me the key figures on refugees", False),
     # However long or detailed it is asked to be.
     ("Give me a one-paragraph summary of the April piece.", True), ("Give me a detailed overview of the IAI commentary", True)],
)
def test_asks_summary(question, asks):
    assert asks_summary(question) is asks


@pytest.mark.parametrize(
    ("question", "documents", "length"),
    [("Summarise the April piece in three sentences.", 1, 3), ("Summarise the IAI commentary in one sentence", 1, 1),
     # "in a sentence or two": the larger (it had given one sentence).
     ("Give me the gist of Alcaro's argument in a sentence or two.", 1, 2),
     ("Give me a summary in a sentence", 1, 1), ("Summarise both documents in four sentences", 2, 2),
     ("Summarise both documents in one sentence", 2, 1), ("Summarise it in 40 sentences", 1, 8),
     ("Give me a two-sentence summary of the IAI commentary", 1, 2),
     # "each" asks for that many for every document.
     ("Summarise both documents in two sentences each.", 2, 2), ("Summarise them in three sentences per document", 2, 3),
     ("Summarise the IAI commentary", 1, SENTENCES_ONE_DOCUMENT), ("Summarise the documents", 2, SENTENCES_EACH_DOCUMENT)],
)
def test_a_summary_is_as_long_as_asked(question, documents, length):
    assert summary_length(question, documents) == length


def test_sentences_that_do_not_divide_go_to_the_first_documents():
    # "in three sentences" of two documents is three in all (it had been one each).
    question = "Summarise both documents in three sentences."
    assert [summary_length(question, 2, position) for position in range(2)] == [2, 1]


def test_target_documents_by_metadata(two_documents):
    docs = two_documents
    assert target_documents("Summarise the IAI commentary", docs) == ["b.txt"]
    assert target_documents("Summarise Alcaro's piece", docs) == ["b.txt"]
    assert target_documents("What are the main points of the April opinion piece?", docs) == ["a.txt"]
    assert target_documents("Summarize the documents", docs) == ["a.txt", "b.txt"]
    assert target_documents("Summarise the Belarus report", docs) is None
    assert target_documents("What is the author's main argument?", docs) == ["b.txt"]  # the one naming its author
    # "the author" tells documents apart only when nothing else does: the April piece names none.
    assert target_documents("What is the author's main argument in the April piece?", docs) == ["a.txt"]
    assert target_documents("Summarise the articles", docs) == ["a.txt", "b.txt"]
    # How long the summary is to be says nothing of which document.
    assert target_documents("Give me a short overview of both documents.", docs) == ["a.txt", "b.txt"]
    assert target_documents("Give me a quick rundown of the IAI commentary", docs) == ["b.txt"]
    assert target_documents("What does Alcaro argue?", docs) == ["b.txt"]
    assert target_documents("What did Peskov say?", docs) is None  # no document's: ordinary answering
    # several named equally: those, not every document
    three = {**docs, "c.txt": {"title": "Talks in Istanbul", "author": None, "publisher": None, "date": "2022-03-30",
                               "kind": "news report"}}
    assert target_documents("Summarise the talks", three) == ["b.txt", "c.txt"]


def test_central_sentences_skip_repeats_and_keep_document_order():
    vectors = np.array([[1.0, 0.0], [0.99, 0.141], [0.0, 1.0], [0.7071, 0.7071]], dtype=np.float32)
    # Nearest to the mean first ([3]), then [1] and [0] are close to each other: only one of them.
    chosen = central_sentences(vectors, 3)
    assert chosen == sorted(chosen) and 3 in chosen and not {0, 1} <= set(chosen)
    assert central_sentences(vectors[:0], 3) == []


def test_a_summary_opens_with_the_lead_and_takes_sentences_leaning_on_others_last():
    vectors = np.array([[0, 0, 1], [1, 0, 0], [0, 1, 0], [0.7071, 0.7071, 0]], dtype=np.float32)
    assert central_sentences(vectors, 2) == [1, 3]  # [3] is nearest the mean, then [1]
    assert central_sentences(vectors, 2, lead=True) == [0, 3]  # the opening first
    # [3] leans on the sentence before it: taken only when nothing else is left.
    assert central_sentences(vectors, 2, [False, False, False, True]) == [1, 2]
    assert central_sentences(vectors, 4, [False, False, False, True]) == [0, 1, 2, 3]
    # The lead is the first sentence that stands alone.
    assert central_sentences(vectors, 1, [True, False, False, False], lead=True) == [1]


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("But a diplomatic effort may be showing some promise.", True),
        ("This could break the negotiations.", True),
        ("The second problematic issue is how to arrange security guarantees.", True),
        ("In exchange, the plan envisions guarantees.", True),
        ("So far, Western diplomacy has failed to change Russia's behavior.", False),
        ("Thisbe is not a pronoun.", False),
        ("Vladimir Putin's war is about to enter its fifth week.", False),
    ],
)
def test_a_sentence_opening_on_what_came_before_leans_on_it(sentence, leans):
    assert leans_on_previous(sentence) is leans


@pytest.mark.model
@pytest.mark.model
def test_a_summary_in_so_many_sentences_has_that_many(built_index):
    import qa

    three = qa.answer("Summarise the IAI commentary in three sentences.", index=built_index.index)
    assert not three.abstained and len(three.support) == 3
    both = qa.answer("Summarise both documents in two sentences.", index=built_index.index)
    assert not both.abstained and len({x.doc_id for x in both.support}) == 2 and len(both.support) == 2


def test_a_summary_quotes_the_named_document_only(built_index):
    import qa
    from qa.answering.answerer import check_citations

    result = qa.answer("Summarise the IAI commentary", index=built_index.index)
    assert not result.abstained and check_citations(result) == []
    assert 2 <= len(result.support) <= 4
    assert {p.doc_id for p in result.citations} == {"002_38d006520ce7e0ba.txt"}
    assert all(p.kind == "body" for p in result.citations) and "iai@iai.it" not in result.text


@pytest.mark.parametrize(
    ("question", "pointed"),
    [
        ("What explains the army's weak showing, according to the April piece?", ["a.txt"]),
        ("What does Europe need to do according to Alcaro?", ["b.txt"]),
        ("What is said about China in the IAI commentary?", ["b.txt"]),
        ("Who is mentioned in the article?", []),  # no one document named
        ("How many civilians died according to the OHCHR?", []),
        # A document, its author or its publisher as the one who says it.
        ("What does the IAI commentary say about China?", ["b.txt"]),
        ("What does the April piece recommend the US do?", ["a.txt"]),
        ("What does Alcaro argue about sanctions?", ["b.txt"]),
        ("What does the IAI recommend Europe do?", ["b.txt"]),
        # Not a byline: "Russia" is in a title, "the author" may be anyone's.
        ("What does Russia want?", []),
        ("What does the author think about sanctions?", []),
        # An author's view by a possessive; not a country's.
        ("What is Alcaro's view of the peace plan?", ["b.txt"]),
        ("What is Russia's position on Crimea?", []),
        # A document's own, by its possessive.
        ("What is the April piece's recommendation on weapons?", ["a.txt"]),
        # "the author" names every document that has one: not which is meant.
        ("Is that true according to the author?", []),
        # Reported: "what the April piece recommends", "what Alcaro argues"; not "what Russia wants".
        ("Summarise what the April piece recommends.", ["a.txt"]),
        ("Explain what Alcaro argues about sanctions.", ["b.txt"]),
        ("Tell me what Russia wants.", []),
        # What the publisher itself wants to do is asked about it, not said by its commentary.
        ("What does the IAI want to promote?", []),
        # A document that judges, opening the question (it had answered with a reference to *IAI Commentaries*).
        ("Is the IAI commentary hopeful about a quick peace deal?", ["b.txt"]),
        ("Was the April piece optimistic about the talks?", ["a.txt"]),
    ],
)
def test_a_phrase_pointing_at_a_document_names_it(two_documents, question, pointed):
    assert pointed_documents(question, two_documents) == pointed


def test_the_question_without_the_phrases_that_name_its_source():
    from qa.answering.summary import without_sources

    def said(question: str) -> str:
        return " ".join(without_sources(question).split())

    assert said("What is wise according to Alcaro?") == "What is wise ?"
    assert said("How does Alcaro describe the war?") == "How does describe the war?"
    assert said("What is Alcaro's view of the peace plan?") == "What is view of the peace plan?"
    # With "according to", the name before "want" is what is asked about (it had been dropped, and the answer abstained).
    assert said("What does Putin want, according to Alcaro?") == "What does Putin want ?"
    # "in the IAI piece" names where, not what (it had drawn a reference to *IAI Commentaries*).
    assert said("Which US president is mentioned in the IAI piece?") == "Which US president is mentioned ?"
    assert said("What does Alcaro say in the IAI commentary about China?") == "What does say about China?"


def test_the_question_without_the_phrases_that_point_at_a_document():
    from qa.answering.summary import without_document_names

    # "the IAI commentary" had drawn the publisher's phone number and a reference to *IAI Commentaries*.
    assert without_document_names("What scenario does the IAI commentary call implausible?") == "What scenario does call implausible?"
    assert without_document_names("What is the April piece's recommendation on weapons?") == "What is 's recommendation on weapons?"
    assert without_document_names("What should the West do, according to the April piece?") == "What should the West do ?"
    assert without_document_names("What does Putin want?") == "What does Putin want?"
    assert without_document_names("Is the IAI commentary hopeful about a deal?") == "Is hopeful about a deal?"
    # Not a document that judges: what the question asks about.
    assert without_document_names("What is the title of Alcaro's February commentary?") == "What is the title of Alcaro's February commentary?"


@pytest.mark.model
def test_a_document_named_by_its_author_is_searched_for_the_question_not_the_name(built_index):
    import qa
    from qa.answering.answerer import check_citations

    # The name had drawn the byline and the references to his other works, and then the answer abstained.
    for question in ("How does Alcaro describe the war?", "What is wise according to Alcaro?"):
        result = qa.answer(question, index=built_index.index)
        assert not result.abstained and check_citations(result) == [], question
        assert {p.doc_id for p in result.citations} == {"002_38d006520ce7e0ba.txt"}
        assert all(p.kind == "body" for p in result.citations), question
    assert "moving cautiously is wise" in qa.answer("What is wise according to Alcaro?", index=built_index.index).text


@pytest.mark.parametrize(
    ("question", "asks"),
    [("What does Alcaro argue?", True), ("What does the IAI commentary say?", True),
     ("What does Alcaro argue about sanctions?", False),  # a topic: ordinary answering
     ("What does the April article argue overall?", True), ("What does Alcaro argue on the whole?", True),  # had abstained
     ("Summarise the IAI commentary", False)],
)
def test_asks_gist(question, asks):
    assert asks_gist(question) is asks


@pytest.mark.model
def test_the_gist_is_a_summary_of_one_document_only(built_index):
    import qa

    argued = qa.answer("What does Alcaro argue?", index=built_index.index)
    assert not argued.abstained and {c.doc_id[:4] for c in argued.citations} == {"002_"}
    # a name on no document's card: ordinary answering, one sentence's passage
    said = qa.answer("What did Peskov say?", index=built_index.index)
    assert len({c.doc_id for c in said.citations}) <= 1


@pytest.mark.model
def test_a_summary_of_more_documents_than_it_can_cover_asks_which(tmp_path):
    import qa
    from qa.answering.answerer import TOO_MANY_TO_SUMMARISE
    from qa.index.build import build_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(MAX_SUMMARY_DOCUMENTS + 1):
        (corpus / f"note{i}.txt").write_text(f"Note {i}\n\nThe harbour of town {i} reopened after the storm. Ships came back.\n",
                                             encoding="utf-8")
    build_index(corpus, tmp_path / "index")
    answer = qa.answer("Summarise the documents", index=tmp_path / "index")
    assert answer.abstained and answer.text == TOO_MANY_TO_SUMMARISE.format(n=MAX_SUMMARY_DOCUMENTS + 1)


def test_the_topic_of_a_question_about_a_document_leaves_out_the_document():
    from qa.answering.summary import asked_topic

    assert asked_topic("What should the West do according to the April piece?") == {"west"}
    assert asked_topic("What does the IAI commentary recommend?") == set()
    assert asked_topic("What does Alcaro propose the US and Europe should do?") == {"us", "europe"}



@pytest.mark.parametrize(
    ("question", "gist"),
    [("What does Alcaro conclude?", True), ("Briefly, what does Alcaro conclude?", True),
     ("In a nutshell, what does the IAI commentary argue?", True),
     ("Briefly, what does Alcaro conclude about China?", False), ("What did Peskov say about Crimea?", False)],
)
def test_asks_gist(question, gist):
    assert asks_gist(question) is gist


@pytest.mark.model
def test_a_source_that_names_no_one_document_is_no_part_of_the_search(built_index):
    import qa

    # "according to the author" had pointed at the one document with an author (not the April piece,
    # where Lavrov's claim is) and weighed "author" in the search: an abstention.
    history = [{"role": "user", "content": "What did Lavrov claim about the Donbas?"},
               {"role": "assistant", "content": "**settled for good** [1]\n\n… which Russian Foreign Minister Sergei "
                "Lavrov said was “settled for good” (it’s not). [1]"}]
    result = qa.answer("Is that true according to the author?", history=history, index=built_index.index)
    assert not result.abstained and "(it’s not)" in result.text


@pytest.mark.model
def test_a_documents_conclusion_is_how_it_ends(built_index):
    import qa

    # It had quoted Alcaro's footnote 7, or the commentary's central sentences.
    for question in ("What is the IAI commentary's conclusion?", "What does Alcaro conclude?"):
        result = qa.answer(question, index=built_index.index)
        assert result.text.endswith("US and European involvement is a necessary condition for the establishment of a "
                                    "durable peace. [1]"), question
        assert "The war in Ukraine is a catastrophic event" in result.text
    # Asked how he portrays something "in his conclusion": his ending, not a view of the war from
    # the whole commentary (it had led with "Two main variables are going to impact …").
    ending = qa.answer("How does Alcaro characterise the war in his conclusion?", index=built_index.index)
    assert ending.text.startswith("The war in Ukraine is a catastrophic event"), ending.text
    # A conclusion about a topic no document's record names is answered as any question.
    assert "catastrophic" not in qa.answer("What conclusions can be drawn about sanctions?", index=built_index.index).text


@pytest.mark.model
def test_a_summary_of_a_view_on_a_topic_is_what_the_document_says_of_it(built_index):
    import qa

    # It had summarised the whole commentary, from "Vladimir Putin's imperialist war …".
    result = qa.answer("Summarise Alcaro's view of the US role.", index=built_index.index)
    assert "US and European involvement is a necessary condition" in result.text
    assert "imperialist war of conquest" not in result.text

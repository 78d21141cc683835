"""Comparisons: one part per document, each under its source's name; one document's view of a topic."""

from __future__ import annotations

import pytest

from qa.answering.comparison import (
    agreement_asked, asks_comparison, asks_differences, compared_documents, counted_things, comparison_topic, plain_verb, value_asked,
    view_topic, viewed_document,
)


@pytest.mark.parametrize(
    ("question", "asks"),
    [("Compare the two commentaries", True), ("Do the sources agree on the peace plan?", True),
     ("How do the two commentaries differ on sanctions?", True), ("What are the differences between the documents?", True),
     ("What do both authors say about NATO?", True), ("Do the documents disagree about Crimea?", True),
     ("What do the documents say about China?", True), ("What does the document say about China?", False),
     ("What did they agree on?", False), ("Which bank is Russia's largest?", False),
     ("Did Russia and Ukraine agree on a ceasefire?", False),
     ("Which document is more optimistic about the talks?", True), ("Which of the two commentaries is more pessimistic?", True),
     ("Which bank is more important?", False),
     # "Who is more pessimistic?": which author, by a word for a stance; not who is more likely to win.
     ("Who is more pessimistic about the talks?", True), ("And who is less optimistic?", True),
     ("Who is more likely to win the war?", False), ("Who is more powerful, Putin or Zelensky?", False),
     # Whether each takes the same view: each one's, side by side; not where they come from.
     ("Are the two pieces equally pessimistic about the talks?", True), ("Are both commentaries hopeful?", True),
     ("Are the two documents from the same publisher?", False), ("Are both banks sanctioned?", False),
     # "Which … do both documents identify …?": what each one names, side by side.
     ("Which contested regions do both documents identify as a major issue in the negotiations?", True),
     ("What do all the sources list as obstacles?", True), ("Which regions do both sides claim?", False),
     ("What do the two commentaries suspect Russia is using the talks for?", True),
     ("What do the authors believe about sanctions?", True), ("What do scientists suspect about the virus?", False),
     ("How do both chloroplast membranes compare to the cyanobacterium's original double membranes?", False),
     # How each document presents something.
     ("How does each document describe the status of Crimea?", True), ("How do the two commentaries view sanctions?", True),
     ("How does the document describe Crimea?", False), ("How do both enzymes work?", False),
     # Whether each holds a view.
     ("Do both authors think more pressure on Russia is needed?", True), ("Do both documents mention China?", True),
     ("Do both sides want peace?", False),
     # One author asked about what was said, not the documents side by side.
     ("Does the author agree?", False), ("Does the source agree with Peskov?", False), ("Do the authors agree?", True),
     # One document asked whether it agrees with another.
     ("Does Alcaro agree with the April article on sanctions?", True),
     ("Does the IAI commentary agree with the April piece about sending weapons?", True),
     ("Did Russia agree with the Ukrainian plan?", False),
     # Which of them speaks of something.
     ("Which document mentions Israel?", True), ("Which of the two commentaries discusses the Minsk agreements?", True),
     ("Which country mentions Israel?", False),
     # Asked of each of the documents at its end: each one's part.
     ("What compromise on Crimea is Ukraine described as offering in the two commentaries?", True),
     ("What legal means would Ukraine use, according to both documents?", True),
     ("What is said in the two commentaries about China?", False),  # not at its end: a topic follows
     ("What did both sides sign in 2015?", False),
     # "texts" and "writers" name the documents too (it had answered from one).
     ("Do the two texts agree that sanctions are working?", True), ("Do the writers disagree on Crimea?", True),
     # Other words for differing (it had abstained).
     ("Where do the two authors part ways on China?", True), ("Do the sources diverge on Crimea?", True),
     ("Where did the two armies part ways?", False)],
)
def test_asks_comparison(question, asks):
    assert asks_comparison(question) is asks


def test_topic_and_named_documents(two_documents):
    docs = two_documents
    assert comparison_topic("Compare the two commentaries", docs) == set()
    assert comparison_topic("What do the two commentaries suspect about sanctions?", docs) == {"sanctions"}
    assert comparison_topic("Do the sources agree on the peace plan?", docs) == {"peace", "plan"}
    question = "Compare the IAI commentary and the April opinion piece on sanctions"
    assert comparison_topic(question, docs) == {"sanctions"}
    assert compared_documents(question, docs) == ["a.txt", "b.txt"]
    assert compared_documents("Compare the IAI commentary with the others on sanctions", docs) == []
    # what is judged ("optimistic") is for the reader to see in the parts, not a topic to look up
    assert comparison_topic("Which document is more optimistic about sanctions?", docs) == {"sanctions"}
    assert comparison_topic("Are both pieces equally pessimistic about sanctions?", docs) == {"sanctions"}
    assert comparison_topic("Are the two pieces hopeful on sanctions?", docs) == {"sanctions"}
    # After "on" or "about" at the end, words of a document's title are what is compared.
    assert comparison_topic("How do the commentaries differ on the talks?", docs) == {"talks"}  # b.txt: "… Talks"
    # Three words between the document and "about" (it had compared the documents' summaries).
    assert comparison_topic("Which document is more pessimistic about the talks?", docs) == {"talks"}
    assert comparison_topic("Compare the talks commentary and the pressure piece", docs) == set()
    # "So far" says when, not what.
    assert comparison_topic("How do the two commentaries judge sanctions so far?", docs) == {"sanctions"}
    # The comparison's own "on", not a noun's: "sanctions on Russia" compares sanctions.
    assert comparison_topic("How do the two commentaries judge Western sanctions on Russia?", docs) >= {"sanctions"}
    assert comparison_topic("Compare the two commentaries on sanctions", docs) == {"sanctions"}
    assert comparison_topic("Who is more pessimistic about the talks?", docs) == {"talks"}
    # "more" before a noun says how much of it, not what is judged (it had compared on "sent" alone).
    assert comparison_topic("Do the two authors agree that more weapons should be sent?", docs) == {"weapons", "sent"}
    assert comparison_topic("Which regions do both documents identify as contested?", docs) == {"regions", "contested"}
    # "The strongest point of disagreement" asks where they differ, on no topic of its own.
    assert comparison_topic("What is the strongest point of disagreement between the two commentaries?", docs) == set()
    assert comparison_topic("What are the main areas of agreement between the documents?", docs) == set()
    assert comparison_topic("What is the point of disagreement on sanctions between the documents?", docs) == {"sanctions"}


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "Compare the two commentaries",
    "How do the two commentaries differ on sanctions?",
    # Weighed on what is compared, not on "compare the two commentaries": the April piece speaks
    # of US security aid and of Ukraine's NATO concessions too.
    "Compare the two commentaries on military aid.",
    "How do the two commentaries differ on NATO membership?",
    # Had abstained: "strongest" and "point" were looked up as the topic; "who" named no document.
    "What is the strongest point of disagreement between the two commentaries?",
    "Who is more pessimistic about the talks?",
    "Where do the two authors part ways on China?",
])
def test_a_comparison_quotes_each_document_under_its_label(built_index, question):
    import qa
    from qa.answering.answerer import check_citations

    result = qa.answer(question, index=built_index.index)
    assert not result.abstained and check_citations(result) == []
    assert {p.doc_id for p in result.citations} == {"000_910b2c4331b85f60.txt", "002_38d006520ce7e0ba.txt"}
    assert "Alcaro (IAI, 22 March 2022):" in result.text and "The 1 April 2022 opinion commentary:" in result.text
    assert result.short is None and "http" not in result.text


@pytest.mark.model
@pytest.mark.model
@pytest.mark.parametrize("question", ["Which piece is more optimistic about the talks?",
                                      "Are the two pieces equally pessimistic about the talks?"])
def test_a_judged_comparison_quotes_a_stance_on_the_topic_in_other_words(built_index, question):
    import qa

    # The April piece's stance is on "the negotiations"; its part had been a sentence that only
    # names the talks ("Indeed, in the days after the talks, Russian bombardment … continued").
    result = qa.answer(question, index=built_index.index)
    assert "The 1 April 2022 opinion commentary: There is more reason for skepticism than optimism" in result.text


def test_a_comparison_reads_each_documents_own_best_passages(built_index):
    import qa
    from qa.answering.answerer import ONLY_ONE_SPEAKS, check_citations

    # The April piece names China once, among the guarantor countries; its passage was not among
    # the best of both documents together, and the IAI commentary had been said to speak alone.
    result = qa.answer("What do the documents say about China?", index=built_index.index)
    assert not result.abstained and check_citations(result) == [] and ONLY_ONE_SPEAKS[:20] not in result.text
    assert {p.doc_id for p in result.citations} == {"000_910b2c4331b85f60.txt", "002_38d006520ce7e0ba.txt"}
    assert all("China" in x.sentence for x in result.support)



@pytest.mark.model
def test_a_comparison_on_an_abbreviated_name_reads_it_as_the_documents_write_it(built_index):
    import qa
    from qa.answering.answerer import ONLY_ONE_SPEAKS, check_citations

    # "the US": the April piece writes "the United States"; "us" alone had matched nothing there.
    result = qa.answer("How do the two pieces differ on the role of the US?", index=built_index.index)
    assert not result.abstained and check_citations(result) == [] and ONLY_ONE_SPEAKS[:20] not in result.text
    assert {p.doc_id for p in result.citations} == {"000_910b2c4331b85f60.txt", "002_38d006520ce7e0ba.txt"}


@pytest.mark.parametrize(
    ("question", "asked"),
    [("Do the two documents differ on how many points the peace plan has?", "How many points the peace plan has?"),
     ("Do the sources agree on when the invasion started?", "When the invasion started?"),
     ("Do the commentaries disagree about who should mediate?", "Who should mediate?"),
     ("Do the sources agree on what Russia wants?", None),  # a view, compared part by part
     ("Do the sources agree on the peace plan?", None),
     ("Did Russia and Ukraine agree on when to meet?", None)],  # not a comparison of documents
)
def test_value_asked(question, asked):
    assert value_asked(question) == asked


@pytest.mark.model
def test_whether_the_documents_agree_on_a_value_shows_each_value(built_index):
    import qa
    from qa.answering.answerer import SOURCES_DIFFER, check_citations

    question = "Do the two documents differ on how many points the peace plan has?"
    result = qa.answer(question, index=built_index.index)
    assert result.question == question and not result.abstained and check_citations(result) == []
    assert "10-point" in result.text and "15-point" in result.text and result.text.endswith(SOURCES_DIFFER)


@pytest.mark.model
def test_a_comparison_only_one_document_speaks_to_says_so(built_index):
    import qa
    from qa.answering.answerer import ONLY_ONE_SPEAKS, check_citations

    # The April piece never names Turkey: Peskov's words on Crimea had stood for it.
    topic = "Turkey"
    result = qa.answer(f"What do the documents say about {topic}?", index=built_index.index)
    assert not result.abstained and topic in result.support[0].sentence and len(result.support) == 1
    # The document's own sentence, not a footnote citing another work about China.
    assert result.citations[0].kind == "body" and check_citations(result) == []
    assert result.text.endswith(ONLY_ONE_SPEAKS.format(source="Alcaro (IAI, 22 March 2022)"))


@pytest.mark.parametrize(
    ("question", "document"),
    [("What does the IAI commentary say about China?", "b.txt"), ("What does Alcaro think about sanctions?", "b.txt"),
     ("And what does the April piece say about China?", "a.txt"), ("What did Alcaro write on the Sea of Azov?", "b.txt"),
     ("What does the author say about the referendum?", None),  # "the author": of every document with one
     ("What did Peskov say about Crimea?", None),  # a speaker, not a document
     ("What does the IAI commentary say?", None),  # no topic: a summary
     ("What do the documents say about China?", None),  # a comparison
     # A document's view by its name (had quoted a footnote of the other document).
     ("What is the April article's view of the talks?", "a.txt"),
     ("What is Russia's view of Crimea?", None),  # Russia's, not a document's
     ("What does Russia say about Crimea?", None),  # one word of a title names a speaker, not the document
     # How one document portrays a topic (had quoted "deny Putin the victory" for "Putin's war").
     ("How does Alcaro describe Putin's war?", "b.txt")],
)
def test_viewed_document(two_documents, question, document):
    assert viewed_document(question, two_documents) == document


@pytest.mark.parametrize(
    ("question", "topic"),
    [("What does the IAI commentary say about Europe?", {"europe"}),  # a word of its title, and still the topic
     ("What did Alcaro write on the Sea of Azov?", {"sea", "azov"}),
     ("What does the April piece think about Ukraine's neutrality?", {"ukraine", "neutrality"}),
     ("Who is Riccardo Alcaro?", set())],  # not of the form
)
def test_view_topic_is_what_follows_the_verb(question, topic):
    assert view_topic(question) == topic


@pytest.mark.model
@pytest.mark.parametrize(
    ("question", "doc_id", "needle"),
    [
        # "Europe" is in the IAI commentary's title: the view had had no topic, and a footnote citing
        # "Europe's Post-Cold War Order" answered, with the short answer "Riccardo Alcaro".
        ("What does the IAI commentary say about Europe?", "002_38d006520ce7e0ba.txt", "Europe"),
        # The April piece writes "the United States", and had been said not to mention "US".
        ("What does the April piece say about the US?", "000_910b2c4331b85f60.txt", "United States"),
    ],
)
def test_a_view_on_a_word_of_the_title_or_an_abbreviation_quotes_the_document(built_index, question, doc_id, needle):
    import qa

    result = qa.answer(question, index=built_index.index)
    assert not result.abstained and result.short is None and {p.doc_id for p in result.citations} == {doc_id}
    assert all(p.kind == "body" for p in result.citations) and all(needle in x.sentence for x in result.support)


@pytest.mark.model
def test_a_view_is_never_the_title_line(built_index):
    import qa

    result = qa.answer("What does Alcaro say about Europe's energy dependence?", index=built_index.index)
    assert "Indispensable Role of the US and Europe" not in result.text


@pytest.mark.model
def test_one_documents_view_quotes_its_own_sentences_on_the_topic(built_index):
    import qa
    from qa.answering.answerer import check_citations

    # "IAI commentary" had drawn the footnotes citing "IAI Commentaries" and the answer abstained.
    result = qa.answer("What does the IAI commentary say about China?", index=built_index.index)
    assert not result.abstained and check_citations(result) == []
    assert {p.doc_id for p in result.citations} == {"002_38d006520ce7e0ba.txt"}
    assert all("China" in x.sentence for x in result.support) and len(result.support) >= 2
    assert all(p.kind == "body" for p in result.citations) and result.short is None


@pytest.mark.model
def test_a_view_asked_after_another_documents_reads_its_own_document(built_index):
    import qa

    history = [{"role": "user", "content": "What does the IAI commentary say about China?"},
               {"role": "assistant", "content": "While China could play a significant role ... [1]"}]
    result = qa.answer("And what does the April piece say about China?", history=history, index=built_index.index)
    assert not result.abstained and {p.doc_id for p in result.citations} == {"000_910b2c4331b85f60.txt"}
    assert "guarantor countries such as Britain, China" in result.text


@pytest.mark.model
def test_a_view_on_what_the_document_never_names_says_so(built_index):
    import qa
    from qa.answering.answerer import NOT_NAMED

    result = qa.answer("What does the April commentary say about Turkey?", index=built_index.index)
    assert result.abstained and not result.citations and result.closest
    assert {p.doc_id for p in result.closest} == {"000_910b2c4331b85f60.txt"}  # the closest of that document
    assert result.text == NOT_NAMED.format(source="The 1 April 2022 opinion commentary", topic="Turkey")


@pytest.mark.parametrize(
    ("question", "earlier", "asked"),
    [
        ("Do they agree?", ["What does the April article say about Crimea?", "And the IAI commentary?"],
         "Do the documents agree about Crimea?"),
        ("And do both agree?", ["What does Alcaro think about sanctions relief?"], "Do the documents agree about sanctions relief?"),
        ("Do they differ?", ["How many points does the peace plan have?"],
         "Do the documents agree on how many points does the peace plan have?"),
        # Nothing asked of a document's view or a value before; or not asked whether they agree.
        ("Do they agree?", ["Why did Russia agree to talks?"], None),
        ("Do they agree?", [], None),
        ("Do they agree on Crimea?", ["What does the April article say about sanctions?"], None),
        ("Did they agree to a ceasefire?", ["What does the April article say about Crimea?"], None),
    ],
)
def test_whether_they_agree_asks_about_what_the_turns_before_asked(question, earlier, asked):
    assert agreement_asked(question, earlier) == asked


@pytest.mark.model
def test_do_they_agree_compares_the_documents_on_what_was_asked(built_index):
    import qa

    history = [{"role": "user", "content": "How many points does the peace plan have?"},
               {"role": "assistant", "content": "The 1 April 2022 opinion commentary: … 10-point plan … [1]"}]
    answer = qa.answer("Do they agree?", history=history, index=built_index.index)
    assert "10-point plan" in answer.text and "15-point plan" in answer.text and "The sources differ" in answer.text


def test_the_things_a_sentence_counts_in_a_compound():
    assert counted_things("Afterward, a Ukrainian 10-point plan laid out a set of compromises.") == {"point plan": "10"}
    assert counted_things("a slow and ever more brutal three-front campaign") == {"front campaign": "three"}
    assert counted_things("The war is about to enter its fifth week.") == {}
    assert asks_differences("Do the sources disagree about anything?") and not asks_differences("Compare the two pieces")
    # Whether they agree on a measure of what is compared: a thing they count differently answers.
    assert asks_differences("Do the two documents agree on the size of the peace plan?")
    assert not asks_differences("Do the sources agree on the peace plan?")


@pytest.mark.model
def test_where_the_documents_differ_is_what_they_count_differently(built_index):
    import qa
    from qa.answering.answerer import SOURCES_DIFFER

    for question in ("Do the sources disagree about anything?", "How do the two documents differ on the peace plan?",
                     "Do the two documents agree on the size of the peace plan?",
                     "Is there a contradiction between the two documents on the number of plan points?"):
        answer = qa.answer(question, index=built_index.index)
        assert "10-point plan" in answer.text and "15-point plan" in answer.text and SOURCES_DIFFER in answer.text
    # Without a difference to find on the topic, each document's part, and no claim that they differ.
    sanctions = qa.answer("How do the two commentaries differ on sanctions?", index=built_index.index)
    assert SOURCES_DIFFER not in sanctions.text and len({c.doc_id for c in sanctions.citations}) == 2


@pytest.mark.model
def test_which_document_mentions_a_name_is_answered_under_the_name_of_the_one_that_does(built_index):
    import qa

    answer = qa.answer("Which article discusses Poland?", index=built_index.index)
    assert "Poland" in answer.text and "The 1 April 2022 opinion commentary" in answer.text
    assert {c.doc_id for c in answer.citations} == {"000_910b2c4331b85f60.txt"}  # not the IAI's "discuss countermeasures"


@pytest.mark.model
def test_whether_one_document_mentions_a_topic(built_index):
    import qa
    from qa.answering.answerer import check_citations

    # It does: its sentences naming the topic (this had abstained: no sentence answered "mention").
    china = qa.answer("Does the April piece mention China?", index=built_index.index)
    assert not china.abstained and check_citations(china) == []
    assert {p.doc_id for p in china.citations} == {"000_910b2c4331b85f60.txt"} and "China" in china.text
    # It does not: said so, of that document.
    israel = qa.answer("Does the April piece mention Israel?", index=built_index.index)
    assert israel.abstained and israel.text == "The 1 April 2022 opinion commentary does not mention Israel."
    germany = qa.answer("Does Alcaro mention Germany?", index=built_index.index)
    assert germany.abstained and germany.text == "Alcaro (IAI, 22 March 2022) does not mention Germany."


def test_a_question_whether_a_document_mentions_a_topic_is_a_view_of_it():
    from qa.answering.comparison import asks_view, view_topic, viewed_document

    documents = {"a.txt": {"author": "Riccardo Alcaro", "publisher": "IAI"}, "b.txt": {"date": "2022-04-01"}}
    assert asks_view("Does the IAI commentary mention Israel?") and asks_view("Does Alcaro discuss sanctions?")
    assert viewed_document("Does Alcaro mention Germany?", documents) == "a.txt"
    assert view_topic("Does Alcaro mention Germany?") == {"germany"}
    assert not asks_view("Does Russia want peace?")  # no verb of mentioning


@pytest.mark.model
def test_an_author_offered_alone_after_a_documents_view_is_asked_the_same_view(built_index):
    import qa

    history = [{"role": "user", "content": "What does the April commentary say about Germany?"},
               {"role": "assistant", "content": "Many European countries, including Poland, Estonia, Sweden and Germany, … [1]"}]
    # Alcaro never names Germany: that is the answer, not what the April piece says about Alcaro.
    result = qa.answer("And Alcaro?", history=history, index=built_index.index)
    assert result.abstained and result.text == "Alcaro (IAI, 22 March 2022) does not mention Germany."


def test_talks_about_after_which_document_is_the_verb_not_a_title_word():
    assert plain_verb("Which document talks about energy?") == "Which document speaks about energy?"
    assert plain_verb("Which of the two pieces talks about Poland?") == "Which of the two pieces speaks about Poland?"
    assert plain_verb("What do the documents say about the talks?") == "What do the documents say about the talks?"


@pytest.mark.model
def test_which_document_talks_about_a_topic_names_the_one_that_does(built_index):
    import qa

    # "talks" is in the IAI commentary's title and the April piece's; as the verb it names neither.
    result = qa.answer("Which document talks about Poland?", index=built_index.index)
    assert not result.abstained and "Poland has already announced" in result.text
    assert "Only one of the documents speaks to this: The 1 April 2022 opinion commentary." in result.text


def test_a_view_topic_keeps_a_name_with_digits():
    # "G7" had been cut to "G", which no sentence names: "… does not mention G."
    assert view_topic("What does the IAI commentary say about the G7?") == {"g7"}


@pytest.mark.model
def test_a_view_of_the_g7_quotes_the_sentence_naming_it(built_index):
    import qa

    result = qa.answer("What does the IAI commentary say about the G7?", index=built_index.index)
    assert not result.abstained and "G7 summits" in result.text
    assert qa.answer("Does the April piece mention the G7?", index=built_index.index).text == (
        "The 1 April 2022 opinion commentary does not mention G7.")


@pytest.fixture
def beside_press_releases(two_documents) -> dict:
    """The two commentaries among twelve press releases whose titles name Russia and the talks."""
    releases = {
        f"press/{i:02d}.txt": {"title": f"Talks with Russia on day {i}", "author": None, "publisher": "President of Ukraine",
                               "date": f"2022-04-{i + 1:02d}", "kind": "press release"}
        for i in range(12)
    }
    return {**two_documents, **releases}


def test_a_word_on_many_cards_names_no_document(beside_press_releases):
    from qa.answering.summary import named_documents

    # "russia" and "april" are on more than MAX_NAMED_DOCUMENTS cards: they name no press release;
    # "iai" is on one, whose "russia" still counts.
    _, matched = named_documents("What does the IAI say about Russia in April?", beside_press_releases)
    assert {d for d, words in matched.items() if words} == {"b.txt"}
    assert matched["b.txt"] == {"iai", "russia"}


def test_a_kind_of_document_names_the_documents_of_that_kind(beside_press_releases, two_documents):
    from qa.answering.summary import named_documents

    question = "What do the two commentaries suspect Russia is using the talks for?"
    assert compared_documents(question, beside_press_releases) == ["a.txt", "b.txt"]
    # Among documents all of one kind, the kind tells none apart (as before).
    _, matched = named_documents(question, two_documents)
    assert matched == {"a.txt": set(), "b.txt": {"russia", "talks"}}
    # "the IAI commentary and the April piece": the IAI by name, the April one by its kind.
    assert compared_documents("Compare the IAI commentary and the April piece on sanctions", beside_press_releases) == [
        "a.txt", "b.txt"]


def test_a_comparison_names_at_most_max_named_documents(beside_press_releases):
    assert compared_documents("Compare the press releases on the talks", beside_press_releases) == []


def test_a_word_on_many_cards_still_tells_apart_the_documents_another_word_names(beside_press_releases):
    from qa.answering.summary import pointed_documents

    # "april" is on thirteen cards, "commentary" on two: the April commentary is the one meant.
    assert pointed_documents("What share has left, according to the April commentary?", beside_press_releases) == ["a.txt"]


def test_according_to_a_document_is_no_person_among_many_documents(beside_press_releases):
    from types import SimpleNamespace

    from qa.answering.answerer import _according_to_person

    retriever = SimpleNamespace(documents={d: SimpleNamespace(meta=m) for d, m in beside_press_releases.items()})
    # "April" alone names none of thirteen April documents; the phrase names the April commentary.
    assert _according_to_person(retriever, "What share has left, according to the April commentary?") is None
    assert _according_to_person(retriever, "What is the status of Crimea according to Peskov?") == "Peskov"


def test_the_other_document_is_asked_what_was_asked_of_the_first(two_documents):
    from qa.answering.answerer import _other_document

    asked = _other_document("And the other one?", "When was the IAI commentary published?", two_documents)
    assert asked == "When was the commentary published (Diplomacy needs pressure)?"
    assert _other_document("What about the other commentary?", "Who wrote the IAI commentary?", two_documents) is not None
    # Nothing to swap: the earlier question named no document, or the collection is not two.
    assert _other_document("And the other one?", "Which bank is Russia's largest?", two_documents) is None
    assert _other_document("And the other one?", "When was the IAI commentary published?",
                           {**two_documents, "c.txt": {"title": "Third"}}) is None
    # Named by its metadata alone, in a collection of any size (it had abstained).
    assert _other_document("And the April one?", "On what day did the IAI piece come out?", two_documents) == \
        "On what day did the piece come out (Diplomacy needs pressure)?"
    assert _other_document("And the April one?", "On what day did the IAI piece come out?",
                           {**two_documents, "c.txt": {"title": "Third"}}) is not None
    assert _other_document("And the IAI one?", "On what day did the IAI piece come out?", two_documents) is None  # the same
    # Not after a question about what a document says: its title would drown the subject.
    assert _other_document("What about the April piece?", "What does the IAI commentary say about China?", two_documents) is None


@pytest.mark.model
def test_and_the_other_one_after_a_question_about_one_document(built_index):
    import qa

    history = [{"role": "user", "content": "When was the IAI commentary published?"},
               {"role": "assistant", "content": "**22 March 2022** [1]"}]
    other = qa.answer("And the other one?", history=history, index=built_index.index)
    assert "1 April 2022" in other.text and "22 March" not in other.text

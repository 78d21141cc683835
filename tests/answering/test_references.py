"""References and title lines answer questions about sources and titles only."""

from __future__ import annotations

import pytest

from qa.answering.references import CitedAsked, asks_about_sources, asks_cited, is_reference, names_cited_work, publication, restates_title


def test_references_are_recognised():
    assert is_reference('⁸ Max Seddon et al., "Ukraine and Russia Explore Neutrality Plan in Peace Talks", in '
                        "*Financial Times*, 16 March 2022, <https://www.ft.com/content/7b34>.")
    assert is_reference('David Lawder, "Ukraine War Damage Tops $100 Billion So Far", in *Reuters*, 24 March 2022.')
    assert not is_reference("Sberbank, Russia's largest bank, was cut off from SWIFT.")
    assert not is_reference('He said "we are close to agreement" in Istanbul.')
    # A link in the body of a text is what the text says, not a reference.
    assert not is_reference("A poster with ![pixel](http://tracker.invalid/p.png) hung at the ferry terminal.")
    assert is_reference("See the statement at https://example.org/statement.", in_notes=True)


def test_title_lines_are_recognised():
    title = "Russia–Ukraine Talks and the Indispensable Role of the US and Europe"
    assert restates_title(f"{title} by Riccardo Alcaro", title)
    assert not restates_title("Talks resumed in Istanbul on Tuesday after a week of fighting.", title)
    assert not restates_title(f"{title} by Riccardo Alcaro", None)


@pytest.mark.parametrize(
    ("question", "about"),
    [("Which newspaper published Dan Balz's article?", True), ("Who wrote the Reuters article on war damage?", True),
     ("According to the Al Jazeera report cited in the IAI commentary, who mediated?", True),
     ("What did the US announce on 16 March 2022?", False), ("Which bank is Russia's largest?", False),
     ("What else has Riccardo Alcaro written?", True), ("What else did Alcaro write?", True),
     ("What else has she written?", False), ("What else did Alcaro say?", False),
     ("Which journalist covered Zelensky's address to Congress?", True),
     # Who keeps the record a note cites.
     ("Which organisation recorded civilian casualties?", True), ("Which agency tracks the refugees?", True),
     ("What has Russia's track record been?", False)],
)
def test_questions_about_sources(question, about):
    assert asks_about_sources(question) is about


@pytest.mark.model
def test_a_link_does_not_answer_a_question_about_events(built_index):
    import qa

    result = qa.answer("What does Alcaro think about sanctions?", index=built_index.index)
    assert not result.abstained and "http" not in result.text and " by Riccardo Alcaro [" not in result.text
    cited = qa.answer("Which newspaper published Dan Balz's article on Zelensky's speech to Congress?", index=built_index.index)
    assert "Washington Post" in cited.text



@pytest.mark.model
def test_a_cited_works_date_and_authors_do_not_answer_about_events(built_index):
    import qa

    # A footnote's "(February 2022)" is when a cited work appeared, not when the invasion began.
    result = qa.answer("When did Russia invade Ukraine?", index=built_index.index)
    assert all(p.kind != "footnote" for p in result.citations), result.text
    # A question about the cited work itself still gets its date.
    cited = qa.answer("On what date did the Ukrainian Presidency say Ukraine must have a collective security "
                      "agreement with all its neighbors?", index=built_index.index)
    assert "8 March 2022" in cited.text
    # Nor do a cited work's authors answer who holds an office.
    president = qa.answer("Who is the president of Ukraine?", index=built_index.index)
    assert all(p.kind != "footnote" for p in president.citations), president.text
    assert president.short is not None and "Zelensky" in president.short.text


def test_a_question_naming_the_cited_work_is_about_it():
    reference = ("⁹ Ukrainian Presidency, *Ukraine Must Have a Collective Security Agreement with All Its Neighbors "
                 "with the Participation of the World's Leading Powers*, 8 March 2022, <https://www.president.gov.ua/en/news/73377>.")
    question = "On what date did the Ukrainian Presidency say Ukraine must have a collective security agreement with all its neighbors?"
    assert names_cited_work(question, reference)
    assert not names_cited_work("What did the US announce on 16 March 2022?", reference)
    # By its author's name, before the title; a name in the title is not an author ("Biden").
    white = ('¹⁷ Edward White, "Ukraine Says China Is Ready to Act as a Peacemaker", in *Financial Times*, 6 March 2022, '
             "<https://www.ft.com/content/1e3c79e6>.")
    assert names_cited_work("Who is Edward White?", white) and not names_cited_work("What did White write?", white)
    presidency = "⁹ Ukrainian Presidency, *Ukraine Must Have a Collective Security Agreement*, 8 March 2022."
    assert not names_cited_work("Who led the Ukrainian delegation?", presidency)  # one word, no full name
    # Two words of a short title are a topic, not its name; all of them name it.
    ohchr = "² OHCHR, *Ukraine: Civilian Casualties as of 20 March 2022*, <https://ukraine.un.org/en/175387>."
    assert not names_cited_work("What has happened to civilian casualties recently?", ohchr)
    assert names_cited_work("What did the report on Ukraine civilian casualties in March say?", ohchr)
    post = "¹³ Dan Balz, \"Zelensky Puts Biden on the Spot\", in *The Washington Post*, 16 March 2022."
    assert not names_cited_work("What message did Washington send to Beijing?", post)
    assert names_cited_work("What did the Washington Post report?", post)
    own = '⁷ Riccardo Alcaro, "Europe\'s Post-Cold War Order Is No More", in *IAI Commentaries*, No. 22|08 (February 2022).'
    assert names_cited_work("Who is Riccardo Alcaro?", own)
    assert not names_cited_work("What does Riccardo Alcaro propose?", own, own_author="Riccardo Alcaro")  # his own earlier work
    shear = '¹⁴ Michael D. Shear, "Biden Announces $800 Million in Military Aid to Ukraine", in *The New York Times*, 16 March 2022.'
    assert not names_cited_work("What did Biden say?", shear) and not names_cited_work("Who is Edward White?", shear)


@pytest.mark.model
@pytest.mark.parametrize(
    ("question", "needle"),
    [("Who is Altiero Spinelli?", "on the initiative of Altiero Spinelli"),  # only the publisher's block names him
     ("Who is Edward White?", "Edward White, \"Ukraine Says China Is Ready to Act as a Peacemaker\"")],  # a cited author
)
def test_who_is_a_person_only_the_notes_name_is_answered_by_them_without_a_guessed_short(built_index, question, needle):
    import qa

    result = qa.answer(question, index=built_index.index)
    assert not result.abstained and result.support[0].sentence.find(needle) >= 0, result.text
    assert result.short is None  # no title or description: a span beside the name would be a guess


def _asked_after(built_index, previous: str, question: str):
    import qa

    earlier = qa.answer(previous, index=built_index.index)
    history = [{"role": "user", "content": previous}, {"role": "assistant", "content": earlier.text}]
    return qa.answer(question, history=history, index=built_index.index)


@pytest.mark.model
def test_the_source_cited_for_the_previous_answer_is_the_footnote_covering_its_sentence(built_index):
    from qa.answering.answerer import check_citations

    # "... lost around 6–7,000 soldiers each. Both sides have lost ... especially Russia.⁵": the
    # note at the paragraph's end covers the sentence before it.
    result = _asked_after(built_index, "How many soldiers does Alcaro say each side has lost?",
                          "Which newspaper does he cite for that?")
    assert not result.abstained and result.short is not None and result.short.text == "Financial Times"
    assert result.citations[0].kind == "footnote" and result.citations[0].footnote == 5
    assert check_citations(result) == []


@pytest.mark.model
def test_who_estimated_a_figure_is_the_footnote_covering_it(built_index):
    import qa

    # "… are estimated to have lost around 6–7,000 soldiers each": the estimate's source is note 5,
    # not "Russian and Ukrainian forces". After an ellipsis, the question it stands for.
    history = [{"role": "user", "content": "How many soldiers has Russia lost?"},
               {"role": "assistant", "content": "… around 6–7,000 soldiers each. [1]"},
               {"role": "user", "content": "And Ukraine?"},
               {"role": "assistant", "content": "… around 6–7,000 soldiers each. [1]"}]
    result = qa.answer("Who estimated that?", history=history, index=built_index.index)
    assert not result.abstained and result.citations[0].kind == "footnote" and result.citations[0].footnote == 5


@pytest.mark.model
def test_the_source_for_figures_is_the_footnote_covering_the_sentence_that_gives_them(built_index):
    import qa
    from qa.answering.answerer import check_citations

    # The note ("Military Briefing: Russian Losses Mask ...") never says "casualty": it had been
    # answered by the figures' own sentence, with "Russian and Ukrainian forces" as the short answer.
    result = qa.answer("What is the source for the casualty figures?", index=built_index.index)
    assert not result.abstained and result.citations[0].kind == "footnote" and result.citations[0].footnote == 5
    assert check_citations(result) == []
    # Asked as what backs the figures up (it had quoted the figures' own sentence).
    backed = qa.answer("Which source backs up the refugee numbers?", index=built_index.index)
    assert not backed.abstained and backed.citations[0].kind == "footnote" and backed.citations[0].footnote == 3
    # "The source of the war" asks for a cause, not for a note.
    assert all(c.kind != "footnote" for c in qa.answer("What is the source of the war?", index=built_index.index).citations)


@pytest.mark.model
def test_a_previous_answer_without_a_footnote_cites_no_source(built_index):
    from qa.answering.answerer import NO_SOURCE_CITED

    result = _asked_after(built_index, "Which bank is Russia's largest?", "Which newspaper reported it?")
    assert result.abstained and result.text == NO_SOURCE_CITED
    assert result.closest and "Sberbank" in result.closest[0].text


@pytest.mark.model
@pytest.mark.parametrize("who", ["Says who?", "Who says so?", "According to whom?"])
def test_who_says_an_answer_without_a_footnote_is_the_document_that_says_it(built_index, who):
    from qa.answering.answerer import SAID_UNSOURCED, check_citations

    # It had abstained ("The documents cite no source for that"), as a question for the outlet does.
    result = _asked_after(built_index, "Which bank is Russia's largest?", who)
    said = SAID_UNSOURCED.format(source="The 1 April 2022 opinion commentary", verb="says")
    assert not result.abstained and result.text.startswith(said) and "Sberbank" in result.text
    assert check_citations(result) == []


@pytest.mark.model
def test_a_question_for_the_outlet_gets_the_outlet_a_reference_names_not_its_authors(built_index):
    import qa

    result = qa.answer("Which newspaper is cited for the Russia sanctions list?", index=built_index.index)
    assert result.short is not None and result.short.text == "Financial Times"


@pytest.mark.model
def test_a_question_for_the_title_of_a_cited_work_gets_the_title_the_reference_quotes(built_index):
    import qa

    result = qa.answer("What is the title of Alcaro's February 2022 IAI commentary cited in the notes?",
                       index=built_index.index)
    assert result.short is not None and result.short.text == "Europe's Post-Cold War Order Is No More"


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("What is the title of the FT article on sanctions?", True),
        ("Which report is titled after the war?", True),
        ("What was the headline of the story?", True),
        ("What is Alcaro's title?", False),  # a person's title, not a work's
        ("What is the title of Dmitry Peskov?", False),
    ],
)
def test_a_question_for_a_works_title_is_told_from_one_for_a_persons(question, asks):
    from qa.answering.answerer import _ASKS_TITLE

    assert bool(_ASKS_TITLE.search(question)) is asks


def test_a_work_is_credited_to_an_author_named_just_before_its_title():
    from qa.answering.references import other_works_author, work_by

    assert other_works_author("What other articles has Alcaro published?") == "Alcaro"
    assert other_works_author("What else did Riccardo Alcaro write?") == "Riccardo Alcaro"
    assert other_works_author("List the other IAI commentaries by Alcaro.") == "Alcaro"
    assert other_works_author("Which other commentaries are Riccardo Alcaro's?") == "Riccardo Alcaro"
    assert other_works_author("Which other articles are by Alcaro?") == "Alcaro"
    assert other_works_author("List the sources.") is None
    assert other_works_author("What did Alcaro write?") is None
    cited = '⁷ Riccardo Alcaro, "Europe\'s Post-Cold War Order Is No More", in *IAI Commentaries*, No. 22|08.'
    span = work_by(cited, "Riccardo Alcaro")
    assert span is not None and cited[span[0] : span[1]] == "Europe's Post-Cold War Order Is No More"
    listed = "- 22 | 12 Riccardo Alcaro, *The EU and the Ukraine War: Making Sense of the Rise of a Union*"
    span = work_by(listed, "Alcaro")
    assert span is not None and listed[span[0] : span[1]].startswith("The EU and the Ukraine War")
    assert work_by("- 22 | 11 Giulio Pugliese, *Japan Responds to Russia’s War*", "Alcaro") is None
    # A mention far before the title is no byline.
    assert work_by("As Alcaro argued in a long and winding piece that many people read in the spring of that year, "
                   "the paper \"Europe's Order\" matters.", "Alcaro") is None



@pytest.mark.parametrize(
    ("sentence", "authors"),
    [
        ('¹ Guy Chazan, Roman Olearchyk and Polina Ivanova, "Russia Regroups for Assault on Kyiv", in *Financial Times*.',
         "Guy Chazan, Roman Olearchyk and Polina Ivanova"),
        ("- 22 | 10 Leo Goretti, *Putin’s Use and Abuse of History: Back to the 19th Century?*", "Leo Goretti"),
        ('¹² James Politi et al., "Biden and Xi Fail to Bridge Differences", in *Financial Times*', "James Politi et al."),
        # No byline before the title, or no title.
        ('¹⁰ "Putin Tells Scholz that Kyiv Is Stalling Peace Talks", in *Reuters*, 18 March 2022', None),
        ("IAI publishes an English-language quarterly (*The International Spectator*), and more.", None),
        ("Riccardo Alcaro is Research Coordinator at the IAI.", None),
    ],
)
def test_the_authors_of_a_reference_are_named_before_its_title(sentence, authors):
    from qa.answering.references import cited_authors

    span = cited_authors(sentence)
    assert (sentence[span[0] : span[1]] if span else None) == authors


@pytest.mark.model
def test_who_wrote_a_cited_or_listed_work_is_every_author_before_its_title(built_index):
    import qa

    listed = qa.answer('Who wrote "Putin\'s Use and Abuse of History"?', index=built_index.index)
    assert not listed.abstained and listed.short is not None and listed.short.text == "Leo Goretti"
    cited = qa.answer('Who wrote "Russia Regroups for Assault on Kyiv"?', index=built_index.index)
    assert cited.short is not None and cited.short.text == "Guy Chazan, Roman Olearchyk and Polina Ivanova"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Which newspapers are cited?", CitedAsked(True, None)),
        ("Which newspapers does the IAI commentary cite?", CitedAsked(True, None)),
        ("What sources does Alcaro cite?", CitedAsked(False, None)),
        ("What sources does the April piece use?", CitedAsked(False, None)),
        ("List the sources.", CitedAsked(False, None)),
        ("Which Financial Times articles are cited?", CitedAsked(False, "Financial Times")),
        ("Which sources does Alcaro cite from the Financial Times?", CitedAsked(False, "Financial Times")),
        ("What articles are cited from Reuters?", CitedAsked(False, "Reuters")),
        ("What publications are quoted in the IAI commentary?", CitedAsked(True, None)),
        ("Who are the authors cited in the IAI commentary?", CitedAsked(False, None)),
        ("Who are the authors?", None),  # of the documents, not of what they cite
        # All outlets but one.
        ("Which two outlets other than the Financial Times does Alcaro cite?", CitedAsked(True, None, "Financial Times")),
        ("Which newspapers does Alcaro cite besides the Financial Times?", CitedAsked(True, None, "Financial Times")),
        # One source, for a topic or a figure: not the list.
        ("Which articles are cited for the casualty figures?", None),
        ("Which newspaper reported the war damage figure?", None),
        ("What is the source for the casualty figures?", None),
        ("Which weapons are used?", None),
        ("Which Reuters pieces does the IAI commentary cite?", CitedAsked(False, "Reuters")),
        # The title of an outlet's work: all of its works, each titled.
        ("Give me the headline of the Reuters piece cited in the IAI commentary.", CitedAsked(False, "Reuters", titles=True)),
        ("What's the title of the Washington Post article?", CitedAsked(False, "Washington Post", titles=True)),
        ("What is the Financial Times headline of 17 March?", None),  # a date picks one
        ("What is the title of the April piece?", None),  # no outlet named
    ],
)
def test_questions_for_the_list_of_references(question, asked):
    assert asks_cited(question) == asked


def test_the_outlet_of_a_reference():
    assert publication('⁴ David Lawder, "Ukraine War Damage Tops $100 Billion", in *Reuters*, 10 March 2022, <https://x.y>.') == "Reuters"
    assert publication("² OHCHR, *Ukraine: Civilian Casualties as of 20 March 2022*, <https://ukraine.un.org/x>.") is None


@pytest.mark.model
def test_the_references_are_listed_one_per_outlet_under_their_document(built_index):
    import qa
    from qa.answering.answerer import check_citations

    answer = qa.answer("Which newspapers are cited?", index=built_index.index)
    assert not answer.abstained and check_citations(answer) == []
    for outlet in ("Financial Times", "Reuters", "The Washington Post", "The New York Times", "Al Jazeera"):
        assert answer.text.count(f"in *{outlet}*") == 1
    assert all(c.kind == "footnote" for c in answer.citations)
    # The document without notes is said to cite none, not left out silently.
    assert "1 April 2022 opinion commentary cites no sources" in answer.text

    sources = qa.answer("What sources does Alcaro cite?", index=built_index.index)
    assert len(sources.citations) >= 10 and "OHCHR" in sources.text and "cites no sources" not in sources.text
    financial_times = qa.answer("Which Financial Times articles are cited?", index=built_index.index)
    assert "Reuters" not in financial_times.text and financial_times.text.count("in *Financial Times*") >= 5

    none = qa.answer("What sources does the April piece use?", index=built_index.index)
    assert none.abstained and none.citations == [] and "cites no sources" in none.text
    # An outlet no note cites: the IAI commentary cites sources, only none of that outlet's.
    bloomberg = qa.answer("Which Bloomberg articles are cited?", index=built_index.index)
    assert bloomberg.abstained and "Alcaro (IAI, 22 March 2022) cites nothing from Bloomberg in notes." in bloomberg.text
    assert "1 April 2022 opinion commentary cites no sources" in bloomberg.text


@pytest.mark.model
def test_the_title_of_an_outlets_work_is_each_of_its_titles(built_index):
    import qa
    from qa.answering.answerer import check_citations

    # Two Reuters works are cited: both, not the first alone.
    reuters = qa.answer("Give me the headline of the Reuters piece cited in the IAI commentary.", index=built_index.index)
    assert len(reuters.citations) == 2 and reuters.short is None and check_citations(reuters) == []
    assert "Ukraine War Damage Tops" in reuters.text and "Putin Tells Scholz" in reuters.text
    # One: its title is the short answer, and the document that cites nothing is not mentioned.
    post = qa.answer("What is the headline of the Washington Post article?", index=built_index.index)
    assert post.short is not None and post.short.text == "Zelensky Puts Biden on the Spot with His Emotional Speech to Congress"
    assert "cites no sources" not in post.text
    # A document's own title is not a note's.
    own = qa.answer("What is the title of the IAI commentary?", index=built_index.index)
    assert own.short is not None and own.short.text == "Russia–Ukraine Talks and the Indispensable Role of the US and Europe"


@pytest.mark.model
def test_where_the_previous_answer_was_reported_is_the_outlet_of_its_footnote(built_index):
    import qa

    # "US warnings to China … are an indication of this.¹²": note 12, in the Financial Times; also after a
    # bare "When?" in between, which asked about the same warning.
    history = [{"role": "user", "content": "What did Biden warn China about?"},
               {"role": "assistant", "content": "US warnings to China … are an indication of this.¹² [1]"},
               {"role": "user", "content": "When?"},
               {"role": "assistant", "content": "I could not find the answer to this in the documents."}]
    result = qa.answer("Where was that reported?", history=history, index=built_index.index)
    assert result.short is not None and result.short.text == "Financial Times"
    assert result.citations[0].kind == "footnote" and result.citations[0].footnote == 12

    # "that figure" points at the previous answer too: the refugee count's note 3, not the casualty figures' note 5.
    history = [{"role": "user", "content": "How many refugees are there?"},
               {"role": "assistant", "content": "**up to ten million** [1]\n\nRefugee flows, involving up to ten "
                "million people (over three million of which have already fled the country) are monumental in size.³ [1]"}]
    figure = qa.answer("Where does that figure come from?", history=history, index=built_index.index)
    assert not figure.abstained and figure.citations[0].footnote == 3 and "High Commissioner for Refugees" in figure.text
    # So do "Where does it come from?", "Where is that from?" and "What is the source?", which end on no pointer.
    # "According to whom?" and "Says who?" too (had abstained).
    for asked in ("Where does it come from?", "Where is that from?", "What is the source?", "Source?", "And the source?",
                  "According to whom?", "Says who?"):
        sourced = qa.answer(asked, history=history, index=built_index.index)
        assert not sourced.abstained and sourced.citations[0].footnote == 3, asked


@pytest.mark.model
def test_which_article_an_outlet_published_is_the_title_its_reference_quotes(built_index):
    import qa

    result = qa.answer("Which article was published by Reuters on 18 March 2022?", index=built_index.index)
    assert result.short is not None and result.short.text == "Putin Tells Scholz that Kyiv Is Stalling Peace Talks with Moscow"
    assert "Istituto" not in result.text  # "published by" a name asks for the work, not for the publisher


@pytest.mark.model
def test_who_counted_a_follow_ups_figure_is_asked_of_the_follow_up_with_its_turns(built_index):
    import qa

    # "How many have already left?" was about refugees: note 3 (UNHCR), whole, not note 5 (soldiers).
    history = [{"role": "user", "content": "How many people could become refugees?"},
               {"role": "assistant", "content": "**up to ten million** \\[1\\]\n\nRefugee flows, involving up to ten million people … [1]"},
               {"role": "user", "content": "How many have already left?"},
               {"role": "assistant", "content": "**over three million** \\[1\\]\n\nRefugee flows, … [1]"}]
    result = qa.answer("Who counts them?", history=history, index=built_index.index)
    assert result.citations[0].footnote == 3 and "Ukraine Refugee Situation" in result.text


@pytest.mark.model
def test_a_footnote_asked_for_by_its_number_is_quoted_whole(built_index):
    import qa
    from qa.answering.answerer import NO_SUCH_NOTE, check_citations

    # Not footnote 4, whose reference carries "10 March 2022".
    note = qa.answer("What is footnote 10 about?", index=built_index.index)
    assert not note.abstained and check_citations(note) == []
    assert note.citations[0].kind == "footnote" and note.citations[0].footnote == 10
    assert "Putin Tells Scholz that Kyiv Is Stalling Peace Talks with Moscow" in note.text
    whole = qa.answer("What does note 3 say?", index=built_index.index)
    assert "Operational Data Portal." in whole.text and "Ukraine Refugee Situation" in whole.text
    missing = qa.answer("What is footnote 99 about?", index=built_index.index)
    assert missing.abstained and missing.citations == [] and "99" in missing.text
    assert NO_SUCH_NOTE.format(n=99) == "The documents have no footnote 99."


@pytest.mark.model
def test_the_publishers_latest_works_are_the_entries_of_its_block(built_index):
    import qa
    from qa.answering.answerer import MAX_CATALOGUE, check_citations

    # It had bolded "Riccardo Alcaro" in his footnote 7, or quoted the contact block with "Andrea Dessì".
    for question in ("What are the latest IAI commentaries?", "Which commentaries has IAI published recently?"):
        listed = qa.answer(question, index=built_index.index)
        assert not listed.abstained and check_citations(listed) == [] and listed.short is None, question
        assert all(p.kind == "boilerplate" for p in listed.citations)
        assert listed.text.count("- 22 | 14 Riccardo Alcaro") == 1  # overlapping passages: listed once
        assert "Giulio Pugliese, *Japan Responds" in listed.text and "iai@iai.it" not in listed.text
        # All ten entries: "22 | 09 …, *A G7/G20 Pact for Sustainable Urbanisation? Building on …*" too,
        # which the sentence splitter had cut at its title's question mark.
        assert len(listed.support) == 10 and MAX_CATALOGUE == 10
        assert "Martin van der Pütten, *A G7/G20 Pact for Sustainable Urbanisation? Building on" in listed.text
    assert "- 22 |" not in qa.answer("What other sanctions are there?", index=built_index.index).text


@pytest.mark.parametrize(
    ("question", "asked"),
    [("Who wrote about Putin's use of history?", ("Putin's use of history", "authors", None)),
     ("Who are the authors of the commentary on sustainable urbanisation?", ("sustainable urbanisation", "authors", None)),
     ("Which commentary is about Italy's options for Russian energy?", ("Italy's options for Russian energy", "title", None)),
     ("Who wrote the one about Japan?", ("Japan", "authors", None)),  # after a list of works: had abstained
     # The outlet before the kind of work: had been answered with the 1 April piece's missing author.
     ("Who wrote the Financial Times article about the neutrality plan?", ("the neutrality plan", "authors", "Financial Times")),
     ("Which Financial Times article is about Mariupol?", ("Mariupol", "title", "Financial Times")),
     # Where the work is listed, between its kind and the topic (it had quoted a footnote citing Alcaro).
     ("Which commentary in the IAI list is about Japan?", ("Japan", "title", None)),
     ("Who wrote the other article about Japan?", None),
     # An outlet's work with no topic: every one the notes cite (had answered with Alcaro's note).
     ("Who are the authors of the Reuters article cited by Alcaro?", ("", "authors", "Reuters")),
     ("Who wrote the Washington Post article?", ("", "authors", "Washington Post")),
     # The outlet after the kind (had answered with Alcaro's note); not a month.
     ("Who is the author of the piece in the Washington Post cited by Alcaro?", ("", "authors", "Washington Post")),
     ("Who wrote the article in the Financial Times?", ("", "authors", "Financial Times")),
     ("Who wrote the article in March?", None),
     # The outlet after the kind, and a topic (had answered with Alcaro's note).
     ("Who wrote the piece in the Financial Times about the Russia sanctions list?",
      ("the Russia sanctions list", "authors", "Financial Times")),
     ("Who wrote the IAI commentary?", ("", "authors", "IAI")),  # the document's publisher: `_works_on` leaves it
     ("Which document mentions Poland?", None),
     ("Who co-wrote the commentary on Russian energy exports?", ("Russian energy exports", "authors", None)),  # had abstained
     # What the work says, for its topic (it had answered with Alcaro's note).
     ("Who wrote the FT piece saying the US poured cold water on a diplomatic solution?",
      ("the US poured cold water on a diplomatic solution", "authors", "FT"))],
)
def test_a_question_for_the_work_on_a_topic(question, asked):
    from qa.answering.references import work_on_asked

    assert work_on_asked(question) == asked


def test_a_title_covers_a_topic_when_it_holds_every_word_of_it():
    from qa.answering.references import title_covers

    assert title_covers("Putin’s Use and Abuse of History: Back to the 19th Century?", "Putin's use of history")
    assert title_covers("Japan Responds to Russia’s War", "Japan's response")  # "respon…"
    # A word's other form: "poured" for the title's "Pours".
    assert title_covers("US Pours Cold Water on Hopes of Diplomatic Solution in Ukraine", "the US poured cold water")
    # A hyphen as typed for the title's dash.
    assert title_covers("Russia–Ukraine Talks and the Indispensable Role of the US and Europe", "the Russia-Ukraine talks")
    assert not title_covers("Japan Responds to Russia’s War", "Japan's army")
    # One word is a topic only when it is a name ("Who wrote about Japan?"), not a common word.
    assert title_covers("Japan Responds to Russia’s War", "Japan")
    assert not title_covers("Russian Energy Exports and the Conflict in Ukraine", "energy")
    # … unless the caller asks for less (the question names the outlet).
    assert title_covers("Russian Energy Exports and the Conflict in Ukraine", "energy", least=1)
    assert not title_covers("Russian Energy Exports and the Conflict in Ukraine", "war damage", least=1)
    assert not title_covers("Japan Responds to Russia’s War", "China")


@pytest.mark.model
def test_the_work_on_a_topic_is_the_entry_whose_title_says_it(built_index):
    import qa
    from qa.answering.answerer import check_citations

    # It had quoted Putin's war aims, or abstained.
    wrote = qa.answer("Who wrote about Putin's use of history?", index=built_index.index)
    assert wrote.short is not None and wrote.short.text == "Leo Goretti" and check_citations(wrote) == []
    authors = qa.answer("Who are the authors of the commentary on sustainable urbanisation?", index=built_index.index)
    assert authors.short is not None and authors.short.text.startswith("Nicolas J.A. Buchoud") and authors.short.text.endswith("Pütten")
    japan = qa.answer("Which commentary in the IAI list is about Japan?", index=built_index.index)
    assert japan.short is not None and japan.short.text.startswith("Japan Responds to Russia’s War")
    titled = qa.answer("Which commentary is about Italy's options for Russian energy?", index=built_index.index)
    assert titled.short is not None and titled.short.text.startswith("Russian Energy Exports and the Conflict in Ukraine")
    # One word of a topic is enough when the question names the publisher of the catalogue.
    energy = qa.answer("Which IAI commentary is about energy?", index=built_index.index)
    assert energy.short is not None and energy.short.text.startswith("Russian Energy Exports and the Conflict in Ukraine")
    # Words that many titles hold (and the documents' own) name no one work.
    assert "- 22 |" not in qa.answer("Who wrote about Russia's war on Ukraine?", index=built_index.index).text
    # A document's own title says it: its author note answers, not its catalogue entry (it had).
    own = qa.answer("Who wrote about the Russia-Ukraine talks for IAI?", index=built_index.index)
    assert own.short is not None and own.short.text == "Riccardo Alcaro" and "- 22 |" not in own.text
    assert own.text.startswith("Alcaro (IAI, 22 March 2022): Riccardo Alcaro is Research Coordinator")


@pytest.mark.model
def test_what_someone_who_wrote_no_document_wrote_is_the_works_credited_to_them(built_index):
    import qa

    history = [{"role": "user", "content": "Who is Andrea Dessì?"}, {"role": "assistant", "content": "**Director** [1]\n\nDirector: Andrea Dessì (a.dessi@iai.it) [1]"}]
    result = qa.answer("What did he write?", history=history, index=built_index.index)
    assert result.short is not None and result.short.text == "Israeli Apartheid and the West’s Dwindling Moral Credibility"
    # The author of a document: what he wrote is that document, not the works his notes cite.
    alcaro = qa.answer("What did Alcaro write?", index=built_index.index)
    assert "22 | 12" not in alcaro.text and "Europe's Post-Cold War Order" not in alcaro.text


@pytest.mark.model
def test_where_deaths_or_losses_come_from_is_the_note_of_their_sentence(built_index):
    import qa

    # "Civilian deaths are apparently modest, although they are rising fast.²": note 2 (OHCHR); it had bolded "modest".
    result = qa.answer("Where do the civilian deaths come from?", index=built_index.index)
    assert not result.abstained and result.citations[0].footnote == 2 and "OHCHR" in result.text


@pytest.mark.parametrize(
    ("question", "asks"),
    [("Which newspaper is cited most in the IAI commentary?", True), ("What source does Alcaro cite most often?", True),
     ("Which outlet is quoted most frequently?", True), ("Which newspapers are cited?", False),
     ("Which bank is cited most?", False), ("Which newspapers does Alcaro cite most?", True)],
)
def test_a_question_for_the_outlet_cited_most(question, asks):
    from qa.answering.references import asks_most_cited

    assert asks_most_cited(question) is asks


@pytest.mark.model
def test_the_outlet_cited_most_is_counted_over_the_notes(built_index):
    import qa
    from qa.answering.answerer import check_citations

    most = qa.answer("Which newspaper is cited most in the IAI commentary?", index=built_index.index)
    assert most.short is not None and most.short.text == "Financial Times"
    assert most.text.startswith("Financial Times: 8 of the 14 references that name an outlet.")
    assert len(most.citations) == 8 and all("*Financial Times*" in s.sentence for s in most.support)
    assert check_citations(most) == []
    none = qa.answer("Which newspaper is cited most in the April piece?", index=built_index.index)
    assert none.abstained and "cites no sources" in none.text


@pytest.mark.model
def test_who_wrote_an_outlets_work_is_answered_from_the_notes_not_the_documents(built_index):
    import qa
    from qa.answering.answerer import REFERENCE_NAMES_NO_AUTHOR, check_citations

    post = qa.answer("Who wrote the Washington Post article?", index=built_index.index)
    assert post.short is not None and post.short.text == "Dan Balz" and post.citations[0].kind == "footnote"
    # A document named by its date is one of the documents, not an outlet of the notes.
    april = qa.answer("Who wrote the April article?", index=built_index.index)
    assert "1 April 2022" in april.text and not april.citations
    # A reference without authors: the answer says so, with the reference (it had only quoted it).
    jazeera = qa.answer("Who wrote the Al Jazeera piece?", index=built_index.index)
    assert jazeera.text.startswith(REFERENCE_NAMES_NO_AUTHOR) and "Close to Agreement" in jazeera.text
    assert jazeera.short is None and check_citations(jazeera) == []
    # "Who reported on …?" asks for a reference's authors too (it had bolded "Ukraine War", from its title).
    reported = qa.answer("Who reported on the Biden–Xi call?", index=built_index.index)
    assert reported.short is not None and reported.short.text == "James Politi et al."


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("What did the Washington Post report?", "Zelensky Puts Biden on the Spot with His Emotional Speech to Congress"),
        ("What did Dan Balz write?", "Zelensky Puts Biden on the Spot with His Emotional Speech to Congress"),
        ("What did Reuters report?", None),  # another outlet's reference
        # What its note cites (the date had been the short answer).
        ("What does the Washington Post footnote cite?", "Zelensky Puts Biden on the Spot with His Emotional Speech to Congress"),
        ("What did the Washington Post report about Crimea?", None),  # a topic: the body answers
        # When it reported is not what: the date had been the short answer.
        ("What did the Washington Post report on 16 March?", "Zelensky Puts Biden on the Spot with His Emotional Speech to Congress"),
        ("What did the Washington Post write in March 2022?", "Zelensky Puts Biden on the Spot with His Emotional Speech to Congress"),
    ],
)
def test_what_an_outlet_reported_is_the_title_of_its_cited_work(question, title):
    from qa.answering.references import reported_headline

    note = ('¹³ Dan Balz, "Zelensky Puts Biden on the Spot with His Emotional Speech to Congress", in *The Washington '
            'Post*, 16 March 2022, <https://www.washingtonpost.com/politics/2022/03/16/balz-ukraine-zelensky-speech-biden>.')
    span = reported_headline(note, question)
    assert (note[span[0] : span[1]] if span else None) == title


@pytest.mark.model
def test_the_references_of_a_document_are_counted(built_index):
    import qa
    from qa.answering.answerer import check_citations

    # It had abstained.
    counted = qa.answer("How many references does the IAI commentary have?", index=built_index.index)
    assert counted.text.startswith("Alcaro (IAI, 22 March 2022) cites 17 references in its notes.")
    assert len(counted.citations) == 17 and check_citations(counted) == []
    none = qa.answer("How many sources does the April piece cite?", index=built_index.index)
    assert none.abstained and "cites no sources" in none.text



@pytest.mark.model
def test_outlets_cited_other_than_one_leave_it_out(built_index):
    import qa

    reply = qa.answer("Which two outlets other than the Financial Times does Alcaro cite?", index=built_index.index)
    assert "*Financial Times*" not in reply.text and "*Reuters*" in reply.text and "*The Washington Post*" in reply.text

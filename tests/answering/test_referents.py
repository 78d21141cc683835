"""Follow-ups pointing at one of the names the previous reply gave ("the last one", "the former")."""

from __future__ import annotations

import pytest

from qa.answering.referents import (
    listing_sentence, names_in, points_at_item, resolve_bare, resolve_bare_answered, resolve_ellipsis, resolve_person,
    resolve_pointer,
)

COMPONENTS = ("The plan rotates around three main components: an end to the invasion, Ukraine's neutrality and "
              "the status of Crimea and of the Donbas. [1]")
MEDIATORS = "Turkey and Israel have been active in this regard and Ukraine has also called on China to step in.¹⁷ [1]"


def test_names_come_in_order_without_sentence_openers_labels_or_markers():
    assert names_in(MEDIATORS) == ["Turkey", "Israel", "Ukraine", "China"]
    labelled = "Alcaro (IAI, 22 March 2022): However, the United States and the European Union agreed. [1]"
    assert names_in(labelled) == ["United States", "European Union"]


@pytest.mark.parametrize(
    ("question", "reply", "resolved"),
    [
        ("Why could the last one matter?", MEDIATORS, "Why could China matter?"),
        ("What about the first one?", MEDIATORS, "Tell me more about Turkey."),  # read alone, "What about Turkey?" asked what was meant
        ("What did the former announce?", "Sberbank and VTB were cut off. [1]", "What did Sberbank announce?"),
        # Items that are sentences: "the second one" is what the second item sentence says it is.
        ("What is weighing on the second one?", "Two variables. [1] The first is X. The second concerns the war's cost. [2]",
         "What is weighing on the war's cost?"),
        ("What is weighing on the second one?", "First, whether troops can hold; second, the sustainability of the invasion.",
         "What is weighing on the sustainability of the invasion?"),
        ("What about the last one?", "Two points. The first is the status of Crimea. The second problematic issue is "
         "how to arrange security guarantees, which is hard.", "Tell me more about how to arrange security guarantees."),
        ("Why does the third one matter?", "Two points. The first is X. The second is Y.", None),  # no third item
        ("Why does the first one matter?", "Two points. The first is " + "a very long item " * 7 + ".", None),  # too long
        ("Why could the last one matter?", "Only Turkey has been active. [1]", None),  # one name: nothing to choose
        ("What is the second largest bank?", MEDIATORS, None),  # no pointer
        # A bare ordinal after a list of item sentences asks for that item.
        ("And the second?", "Two points. The first is the status of Crimea. The second problematic issue is how to "
         "arrange security guarantees, which is hard.", "Tell me more about how to arrange security guarantees."),
        # An item of up to 24 words: "Second, only the United States and its allies can provide …" (17 words).
        ("What is the second?", "First, only NATO can deter Russia. [1] Second, only the United States and its allies can provide "
         "Ukraine with security guarantees alternative to NATO membership. [2]", "Tell me more about only the United "
         "States and its allies can provide Ukraine with security guarantees alternative to NATO membership."),
        ("What about the last?", MEDIATORS, "Tell me more about China."),
        ("What did the last one say?", MEDIATORS, "What did China say?"),
        ("Who came first?", MEDIATORS, None),
        # Items listed after a count and a colon are the items, not the names inside them.
        ("Tell me more about the second one.", COMPONENTS, "Tell me more about Ukraine's neutrality."),
        ("Why is the last one hard?", COMPONENTS, "Why is the status of Crimea and of the Donbas hard?"),
    ],
)
def test_a_pointer_is_replaced_by_the_name_it_points_at(question, reply, resolved):
    assert resolve_pointer(question, reply) == resolved


@pytest.mark.model
def test_the_last_one_is_answered_about_the_last_name_of_the_previous_reply(built_index):
    import qa

    history = [{"role": "user", "content": "Which countries have tried to mediate, according to Alcaro?"},
               {"role": "assistant", "content": MEDIATORS}]
    result = qa.answer("Why could the last one matter?", history=history, index=built_index.index)
    assert result.question == "Why could the last one matter?"
    assert not result.abstained and "ignore Beijing" in result.text


@pytest.mark.parametrize(
    ("question", "earlier", "resolved"),
    [
        ("What did he say about Crimea?", ["Who is Sergei Lavrov?"], "What did Sergei Lavrov say about Crimea?"),
        ("What is his job?", ["Who is Riccardo Alcaro?"], "What is Riccardo Alcaro's job?"),
        ("Why does she want her referendum?", ["What did Maria Zakharova say?"], "Why does Maria Zakharova want her referendum?"),
        ("What does he argue?", ["Who is Riccardo Alcaro?", "What is his job?"], "What does Riccardo Alcaro argue?"),
        ("Where did he meet her?", ["Who is Sergei Lavrov?"], None),  # two people, one never named
        ("What is his job?", ["Who wrote the IAI commentary?"], None),  # names no person: the document path answers
        ("What did they say?", ["Who is Sergei Lavrov?"], None),
    ],
)
def test_he_or_she_is_the_person_an_earlier_question_named(question, earlier, resolved):
    assert resolve_person(question, earlier) == resolved


AUTHOR_REPLY = ("**Riccardo Alcaro** \\[1\\]\n\nRiccardo Alcaro is Research Coordinator and Head of Global Actors "
                "programme at the Istituto Affari Internazionali (IAI). [1]")
NO_AUTHOR_REPLY = "The documents do not say who wrote the 1 April 2022 opinion commentary: its source names no author."
STATED = "One additional complicating factor is that Ukrainian President Volodymyr Zelensky has stated that … [1]"


@pytest.mark.parametrize(
    ("question", "earlier", "reply", "resolved"),
    [
        # The reply names in full the person the question named by one word: the question's word is kept.
        ("Why does he want a referendum?", ["What is Zelensky's position on neutrality?"], STATED,
         "Why does Zelensky want a referendum?"),
        ("Why does he want a referendum?", ["What is Ukraine's position on neutrality?"], STATED, None),  # a country
        ("Why does he want a referendum?", ["What is Zelensky's position on neutrality?"], "Ukraine has signaled … [1]", None),
        # The question before asked who did something: the person its reply names.
        ("What else did he write?", ["Who wrote the IAI commentary?"], AUTHOR_REPLY,
         "What else did Riccardo Alcaro write?"),
        ("What else did he write?", ["Who wrote the IAI commentary?", "What is his position?"], AUTHOR_REPLY,
         "What else did Riccardo Alcaro write?"),
        ("What else has she written?", ["Who wrote the April piece?"], NO_AUTHOR_REPLY, None),
        ("What else did he write?", ["What did the IAI commentary say?"], AUTHOR_REPLY, None),  # asked no "who"
        # The words of an office name no one: "Russian Foreign Minister Sergei Lavrov" is Lavrov.
        ("What did he say?", ["Who is the Russian foreign minister?"],
         "**Sergei Lavrov** \\[1\\]\n\n… which Russian Foreign Minister Sergei Lavrov said was “settled for good”. [1]",
         "What did Sergei Lavrov say?"),
        # A sentence opening a paragraph of the reply with "But" names no "But Kremlin".
        ("What did he push back on?", ["Who is the Kremlin spokesman?"],
         "**Dmitry Peskov** \\[1\\]\n\nBut Kremlin spokesman Dmitry Peskov pushed back on that idea. [1]",
         "What did Dmitry Peskov push back on?"),
        ("When did he write it?", ["Who wrote the IAI commentary?"], AUTHOR_REPLY, None),  # "it": the commentary
    ],
)
def test_he_is_a_person_the_question_before_named_and_its_reply_names_in_full(question, earlier, reply, resolved):
    assert resolve_person(question, earlier, reply) == resolved


def test_he_is_the_person_named_by_the_reply_to_the_first_question_of_a_chain():
    # "Who wrote the IAI commentary?", "When was it published?" (reply: a date), "What else has he written?"
    earlier = ["Who wrote the IAI commentary?", "When was it published?"]
    assert resolve_person("What else has he written?", earlier, "22 March 2022 [1]", AUTHOR_REPLY) == (
        "What else has Riccardo Alcaro written?"
    )
    assert resolve_person("What else has he written?", earlier, "22 March 2022 [1]") is None


@pytest.mark.model
def test_a_follow_up_about_a_person_named_before_is_answered_about_them(built_index):
    import qa

    history = [{"role": "user", "content": "What is Zelensky's position on neutrality?"},
               {"role": "assistant", "content": STATED}]
    result = qa.answer("Why does he want a referendum?", history=history, index=built_index.index)
    assert not result.abstained and result.text.startswith("Zelensky probably wants to go through this formal process")


@pytest.mark.model
def test_what_else_he_wrote_after_who_wrote_is_the_title_of_his_other_work(built_index):
    import qa

    history = [{"role": "user", "content": "Who wrote the IAI commentary?"},
               {"role": "assistant", "content": AUTHOR_REPLY}]
    result = qa.answer("What else did he write?", history=history, index=built_index.index)
    # Every work the notes and the publisher's catalogue credit to him, each once, not this one;
    # two works: no single short answer.
    assert '"Europe\'s Post-Cold War Order Is No More"' in result.text
    assert "*The EU and the Ukraine War: Making Sense of the Rise of a “Geopolitical” Union*" in result.text
    assert "Indispensable Role" not in result.text and "Europe’s Post-Cold War" not in result.text
    assert result.short is None and len(result.support) == 2
    # Alone, the question names him, so "else" is no reference to an earlier turn.
    alone = qa.answer("What else has Alcaro written?", index=built_index.index)
    assert alone.text == result.text
    one = qa.answer("What else did Edward White write?", index=built_index.index)
    assert one.short is not None and one.short.text == "Ukraine Says China Is Ready to Act as a Peacemaker"
    # With no author known, "she" stands for no one: no other work is guessed.
    history = [{"role": "user", "content": "Who wrote the April piece?"},
               {"role": "assistant", "content": NO_AUTHOR_REPLY}]
    assert qa.answer("What else has she written?", history=history, index=built_index.index).abstained


@pytest.mark.model
def test_a_pointer_after_a_pointer_goes_on_through_the_same_list(built_index):
    import qa

    # The reply on the second item names "Ukrainian President Volodymyr Zelensky" and "Ukraine’s":
    # "And the third?" is still the third component, not the third name in that reply.
    history = [{"role": "user", "content": "What are the three main components of the 15-point plan?"},
               {"role": "assistant", "content": COMPONENTS},
               {"role": "user", "content": "Tell me more about the second one."},
               {"role": "assistant", "content": "One additional complicating factor is that Ukrainian President "
                "Volodymyr Zelensky has stated that any agreement proclaiming Ukraine’s neutrality … [1]"}]
    result = qa.answer("And the third?", history=history, index=built_index.index)
    assert not result.abstained and "Crimea" in result.text
    # Not the sentence that listed the components again: something more on the contested regions.
    assert "three main components" not in result.text


def test_the_sentence_listing_items_after_a_colon_is_found():
    assert listing_sentence("Yes. " + COMPONENTS) == COMPONENTS[:-4]
    assert listing_sentence("The first is the status of the contested regions: Crimea and the Donbas. [1]") is None


@pytest.mark.model
def test_a_name_offered_in_place_of_the_answer_gets_no_other_name_as_its_short_answer(built_index):
    import qa

    history = [{"role": "user", "content": "Which countries have been active in mediation?"},
               {"role": "assistant", "content": MEDIATORS}]
    result = qa.answer("What about China?", history=history, index=built_index.index)
    assert not result.abstained and "China" in result.text and result.short is None  # it had been "Ukraine"
    # A follow-up to a question for a number keeps its short answer.
    history = [{"role": "user", "content": "How many soldiers has Russia lost?"},
               {"role": "assistant", "content": "… around 6–7,000 soldiers each. [1]"}]
    counted = qa.answer("What about Ukraine?", history=history, index=built_index.index)
    assert counted.short is not None and "6–7,000" in counted.short.text


def test_a_question_points_at_an_item():
    assert points_at_item("And the second?") and points_at_item("Tell me more about the last one.")
    assert not points_at_item("What is the second largest bank?")


@pytest.mark.model
def test_and_the_second_after_a_list_answers_with_that_item_alone(built_index):
    import qa

    first = qa.answer("What are the two major sticking points?", index=built_index.index)
    history = [{"role": "user", "content": "What are the two major sticking points?"},
               {"role": "assistant", "content": first.text}]
    result = qa.answer("And the second?", history=history, index=built_index.index)
    assert result.question == "And the second?" and not result.abstained
    assert result.text.startswith("The second problematic issue is how to arrange security guarantees")
    assert "The first is the status" not in result.text
    # After "What is the first one?", answered by the first item alone (read as "What is the first major
    # sticking point?", the kind the reply counted), the list is a reply further back.
    one = qa.answer("What is the first one?", history=history, index=built_index.index)
    assert one.short is not None and one.short.text == "the status of the contested regions"
    assert "The first is the status" in one.text and "The second problematic" not in one.text
    longer = [*history, {"role": "user", "content": "What is the first one?"}, {"role": "assistant", "content": one.text}]
    second = qa.answer("And the second?", history=longer, index=built_index.index)
    assert second.text.startswith("The second problematic issue is how to arrange security guarantees")


@pytest.mark.model
def test_what_did_he_say_is_about_the_person_asked_about_before(built_index):
    import qa

    history = [{"role": "user", "content": "Who is Sergei Lavrov?"},
               {"role": "assistant", "content": "… Russian Foreign Minister Sergei Lavrov said was “settled for good” … [1]"}]
    result = qa.answer("What did he say about Crimea?", history=history, index=built_index.index)
    assert result.question == "What did he say about Crimea?"
    assert not result.abstained and "Lavrov" in result.text and "Peskov" not in result.text


@pytest.mark.model
def test_the_second_one_of_a_reply_listing_items_as_sentences_is_that_item(built_index):
    import qa

    first = qa.answer("What are the main variables?", index=built_index.index)
    assert "The second concerns" in first.text
    history = [{"role": "user", "content": "What are the main variables?"}, {"role": "assistant", "content": first.text}]
    result = qa.answer("What is weighing on the second one?", history=history, index=built_index.index)
    assert result.question == "What is weighing on the second one?"
    assert result.short is not None and "diplomatic pressure" in result.short.text


@pytest.mark.parametrize(
    ("question", "earlier", "resolved"),
    [
        ("And Ukraine?", ["How many soldiers has Russia lost?"], "How many soldiers has Ukraine lost?"),
        ("What about Europe?", ["What weapons has the US sent?"], "What weapons has Europe sent?"),
        ("And what about the EU?", ["What weapons has the US sent?"], "What weapons has the EU sent?"),
        ("And the United States?", ["What did Germany promise?"], "What did the United States promise?"),
        ("And Putin?", ["What is Zelensky's position on neutrality?"], "What is Putin's position on neutrality?"),
        ("How about Dmitry Peskov?", ["Who is Riccardo Alcaro?"], "Who is Dmitry Peskov?"),
        ("What about Italy?", ["Did Germany send weapons?"], "Did Italy send weapons?"),  # the opening word is no name
        # The earlier question was such a follow-up too: it is resolved first.
        ("And Ukraine?", ["How many soldiers has Russia lost?", "And Germany?"], "How many soldiers has Ukraine lost?"),
        # A possessive stands for the possessive of two names: "Russia's", not Crimea.
        ("And Ukraine's?", ["What is Russia's position on Crimea?"], "What is Ukraine's position on Crimea?"),
        ("What about Ukraine's?", ["What is Russia's goal?"], "What is Ukraine's goal?"),
        ("What about Turkey?", ["What does Alcaro think about China?"], None),  # two names: which one is a guess
        ("What about Russia?", ["Which bank is the largest?"], None),  # no name to stand for
        ("What about Russia?", ["What about Russia?"], None),
        ("What about oil and gas?", ["Which country will stop buying Russian coal?"], None),  # no name: read with the question before
        ("And the second?", ["Which bank is Russia's largest?"], None),
        ("And why did Germany send weapons?", ["Did Poland send weapons?"], None),  # a question of its own
        ("And Ukraine?", [], None),
        # A document named with what it is: it stands for the document the question before named.
        ("And the IAI commentary?", ["What sanctions does the April piece propose?"],
         "What sanctions does the IAI commentary propose?"),
        ("What about the April piece?", ["What does the IAI commentary say about China?"],
         "What does the April piece say about China?"),
        ("And Alcaro?", ["What does the April piece say about China?"], None),  # a person for a document or China: a guess
        # The question before spoke of its subject by a pronoun: the name takes the pronoun's place.
        ("And Sberbank?", ["Has it been cut off from SWIFT?"], "Has Sberbank been cut off from SWIFT?"),
        ("And Lavrov?", ["What did he say about Crimea?"], "What did Lavrov say about Crimea?"),
        ("And Andrea Dessì?", ["What is his job?"], "What is Andrea Dessì’s job?"),
        ("What about the EU?", ["What weapons has it sent?"], "What weapons has the EU sent?"),
        ("And Poland?", ["What did they announce?"], "What did Poland announce?"),
        ("And Alcaro?", ["What did she tell her colleagues?"], "What did Alcaro tell her colleagues?"),
        # A rank alone ("the largest one") stands only for what a pronoun stood for; its "one" is
        # the kind of thing asked for before.
        ("What about the largest one?", ["Which Russian bank is the second largest?", "Has it been cut off from SWIFT?"],
         "Has the largest bank been cut off from SWIFT?"),
        ("And the biggest one?", ["Which bank is the second largest in Russia?", "Has it been blocked?"],
         "Has the biggest bank been blocked?"),
        ("And the second one?", ["Has it been cut off from SWIFT?"], "Has the second one been cut off from SWIFT?"),
        ("And the second-largest bank?", ["Has it been sanctioned?"], "Has the second-largest bank been sanctioned?"),
        ("And the largest?", ["What is Sberbank's role?"], None),
        # An "it" that refers to nothing is no pronoun to replace, nor are pronouns for two things.
        ("And Ukraine?", ["What does it take to end the war?"], None),
        ("And Germany?", ["Did he send them weapons?"], None),
        # A source alone: the question before, asked of it (had bolded "Russian constitution").
        ("And according to Peskov?", ["What is the status of Crimea according to Lavrov?"],
         "What is the status of Crimea according to Peskov?"),
        ("What about according to the IAI commentary?", ["Who must make the bulk of the compromises?"],
         "Who must make the bulk of the compromises according to the IAI commentary?"),
        ("And according to Alcaro?", [], None),
        ("According to whom?", ["How many refugees have left?"], None),  # asks for the source
        # A topic alone, in place of the one the question before ended on.
        ("And on sanctions?", ["What is the April piece's recommendation on weapons?"],
         "What is the April piece's recommendation on sanctions?"),
        ("What about on energy?", ["What does Alcaro say about China?"], "What does Alcaro say about energy?"),
        ("And on sanctions?", ["Who sent weapons?"], None),
        # A verb alone, in place of the one the question before asked about after "to" (it had bolded
        # "nuclear capabilities or host foreign military bases").
        ("And not to host?", ["What does Ukraine promise not to develop?"], "What does Ukraine promise not to host?"),
        ("And to build?", ["What does Poland plan to buy?"], "What does Poland plan to build?"),
        ("And not to host?", ["What did Ukraine agree to give up?"], None),  # the denials differ
        ("And to host?", ["Who met in Istanbul?"], None),
        # A people's adjective ("ones" for the noun) in place of the one before, not of the document
        # (it had bolded "Russian and Ukrainian forces").
        ("And Ukrainian ones?", ["How many Russian soldiers have died, per the IAI piece?"],
         "How many Ukrainian soldiers have died, per the IAI piece?"),
        ("What about the Ukrainian ones?", ["How many Russian soldiers have died?"], "How many Ukrainian soldiers have died?"),
        ("And Ukrainian ones?", ["How many soldiers has Russia lost?"], None),  # no adjective to stand for
    ],
)
def test_a_name_alone_stands_for_the_one_the_question_before_named(question, earlier, resolved):
    assert resolve_ellipsis(question, earlier) == resolved


@pytest.mark.parametrize(
    ("question", "earlier", "readings"),
    [
        ("And Lavrov?", ["What does Peskov say about Crimea?"],
         ["What does Lavrov say about Crimea?", "What does Peskov say about Lavrov?"]),
        # The name offered is one of the two: it stands for the other.
        ("And Ukraine?", ["How many soldiers has Russia lost in Ukraine?"], ["How many soldiers has Ukraine lost in Ukraine?"]),
        ("And Ukraine?", ["How many soldiers has Russia lost?"], []),  # one reading: `resolve_ellipsis`
        ("And the second?", ["Which bank is Russia's largest?"], []),  # no ellipsis of a name
        ("And Lavrov?", [], []),
        # The subject first: "the EU" for the United States, before Ukraine.
        ("What about the EU?", ["How much security aid has the United States provided to Ukraine?"],
         ["How much security aid has the EU provided to Ukraine?", "How much security aid has the United States provided to the EU?"]),
        # A name for a possessive subject, or for the other name? A guess: none.
        ("And Putin?", ["What is Zelensky's position on Crimea?"], []),
        # Offered for a wh-phrase that is the subject: whether it did the same, first.
        ("What about Sberbank?", ["Which Russian bank has been cut off from SWIFT?"],
         ["Has Sberbank been cut off from SWIFT?", "Which Sberbank bank has been cut off from SWIFT?",
          "Which Russian bank has been cut off from Sberbank?"]),
        ("And Poland?", ["Which countries have sent weapons?"], ["Have Poland sent weapons?"]),
        # One name besides the wh-phrase: whether the name offered did it, or the same asked of that name.
        ("What about the EU?", ["Which countries have sent weapons to Ukraine?"],
         ["Have the EU sent weapons to Ukraine?", "Which countries have sent weapons to the EU?"]),
        ("And Poland?", ["Which country did Russia invade?"], []),  # the wh-phrase is the object
    ],
)
def test_a_name_alone_after_a_question_naming_several_has_a_reading_for_each(question, earlier, readings):
    from qa.answering.referents import ellipsis_readings

    assert ellipsis_readings(question, earlier) == readings


@pytest.mark.model
def test_a_name_alone_after_a_question_naming_several_stands_for_its_subject(built_index):
    import qa

    history = [{"role": "user", "content": "What does Peskov say about Crimea?"},
               {"role": "assistant", "content": "Crimea is part of Russia [1]"}]
    result = qa.answer("And Lavrov?", history=history, index=built_index.index)
    assert not result.abstained and result.question == "And Lavrov?"
    assert result.short is not None and result.short.text == "settled for good"


@pytest.mark.parametrize(
    ("question", "earlier", "resolved"),
    [
        ("And when?", ["Who signed the Budapest memorandum?"], "When signed the Budapest memorandum?"),
        ("When?", ["Where did the sides meet for the sixth time?"], "When did the sides meet for the sixth time?"),
        ("When?", ["Which country will stop buying Russian coal?"], "When will stop buying Russian coal?"),  # the subject's noun goes
        ("When was that?", ["How much security aid has the United States provided?"],
         "When has the United States provided security aid?"),  # the object's noun goes to the end
        ("How many?", ["Which Russian banks were cut off from SWIFT?"], "How many Russian banks were cut off from SWIFT?"),
        ("Why?", ["Did Germany send weapons?"], "Why did Germany send weapons?"),
        ("Where?", ["Who signed the Budapest memorandum?", "And when?"], "Where signed the Budapest memorandum?"),
        ("By whom?", ["When was IAI founded?"], "By whom was IAI founded?"),
        ("And since when?", ["Did Poland stop buying Russian coal?"], "Since when did Poland stop buying Russian coal?"),
        ("By when?", ["What did Poland announce?"], "By when did Poland announce?"),  # had abstained
        ("Why not?", ["Does Alcaro think regime change in Moscow is a good goal?"],
         "Why does Alcaro think regime change in Moscow is a good goal?"),  # had abstained
        ("Until when?", ["Which bank was cut off from SWIFT?"], "Until when was cut off from SWIFT?"),  # the subject's noun goes
        # "What" as the subject of all the words after it (had abstained: nothing was asked again).
        ("When?", ["What happened in Istanbul?"], "When happened in Istanbul?"),
        # A question word with the kind of time it asks for (it had answered another question's date).
        ("On which day?", ["Where did the sixth round take place?"], "On which day did the sixth round take place?"),
        ("And in what year?", ["Who signed the Budapest memorandum?"], "In what year signed the Budapest memorandum?"),
        ("On whose initiative?", ["When was the IAI set up?"], "On whose initiative was the IAI set up?"),  # had abstained
        ("Who?", ["Who is Sergei Lavrov?"], None),  # the same question word
        ("When?", ["Tell me about the talks."], None),  # no question word to put it in place of
        ("What?", ["Who is Sergei Lavrov?"], None),  # "What?" asks what was meant, not for a thing
        # "That" happening is what the question before asked about (the founding had abstained).
        ("When did that happen?", ["Who signed the Budapest memorandum?"], "When signed the Budapest memorandum?"),
        ("When did Russia sign it?", ["Who signed the Budapest memorandum?"], None),  # a question of its own
        ("Why?", [], None),
    ],
)
def test_a_question_word_alone_asks_the_question_before_with_it(question, earlier, resolved):
    assert resolve_bare(question, earlier) == resolved


@pytest.mark.model
@pytest.mark.parametrize(
    ("earlier", "question", "short"),
    [("How many soldiers has Russia lost?", "And Ukraine?", "around 6–7,000"),  # it had had no short answer
     ("Who signed the Budapest memorandum?", "And when?", "1994")],
)
def test_a_name_or_a_question_word_alone_is_answered_as_the_question_before_asked_again(built_index, earlier, question, short):
    import qa

    history = [{"role": "user", "content": earlier},
               {"role": "assistant", "content": qa.answer(earlier, index=built_index.index).text}]
    result = qa.answer(question, history=history, index=built_index.index)
    assert result.question == question
    assert not result.abstained and result.short is not None and result.short.text == short


@pytest.mark.model
def test_a_question_word_alone_after_a_question_ending_on_it_is_read_with_the_conversation(built_index):
    import qa

    # "When signed it?" would have lost what "it" is: the conversation tells it.
    history = []
    for earlier in ("What is the Budapest memorandum?", "Who signed it?"):
        history += [{"role": "user", "content": earlier},
                    {"role": "assistant", "content": qa.answer(earlier, history=history or None, index=built_index.index).text}]
    result = qa.answer("When?", history=history, index=built_index.index)
    assert not result.abstained and "Budapest memorandum" in result.text
    assert result.short is not None and result.short.text == "1994"


@pytest.mark.model
def test_he_after_a_chain_of_follow_ups_is_the_author_the_first_reply_named(built_index):
    import qa

    history: list[dict[str, str]] = []
    for question in ("Who wrote the IAI commentary?", "When was it published?"):
        reply = qa.answer(question, history=history, index=built_index.index)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": reply.text}]
    works = qa.answer("What else has he written?", history=history, index=built_index.index)
    assert not works.abstained and "Europe's Post-Cold War Order Is No More" in works.text


@pytest.mark.parametrize(
    ("question", "earlier", "answered", "resolved"),
    [
        ("Has it been sanctioned?", "Which bank is Russia's largest?", "Sberbank", "Has Sberbank been sanctioned?"),
        ("Who founded it?", "Which think tank is Alcaro at?", "Istituto Affari Internazionali",
         "Who founded Istituto Affari Internazionali?"),
        ("What is its largest bank?", "Which country did Russia invade?", "Ukraine", "What is Ukraine’s largest bank?"),
        # The question before asked what a named thing is: "it" is that thing, not the answer.
        ("Who is discussing it?", "What is the 15-point plan?", "A way for Ukraine", None),
        # No single name answered: a list, words in lower case.
        ("Why did it send them?", "Which countries have sent weapons?", "Poland, Estonia, Sweden and Germany", None),
        ("Why does it matter?", "What currency does Russia want?", "rubles", None),
        # An "it" that refers to nothing.
        ("What does it take to sanction it?", "Which bank is Russia's largest?", "Sberbank", None),
        # An "it" and an "its" after it stand for one thing (it had abstained).
        ("In which city does it have its office?", "Which institute published the March commentary?",
         "Istituto Affari Internazionali", "In which city does Istituto Affari Internazionali have its office?"),
        ("Did its owner sell it?", "Which bank is Russia's largest?", "Sberbank", None),  # "its" first: two readings
    ],
)
def test_it_is_the_name_that_answered_a_question_for_a_thing(question, earlier, answered, resolved):
    from qa.answering.referents import resolve_thing

    assert resolve_thing(question, earlier, answered) == resolved


@pytest.mark.model
def test_it_after_a_question_for_a_thing_is_its_answer(built_index):
    import qa

    first = qa.answer("Which think tank is Alcaro at?", index=built_index.index)
    assert first.short is not None and "Istituto Affari Internazionali" in first.short.text
    # The chat's reply leads with the short answer in bold.
    reply = f"**{first.short.text}** \\[{first.short.citation}\\]\n\n{first.text}"
    history = [{"role": "user", "content": "Which think tank is Alcaro at?"}, {"role": "assistant", "content": reply}]
    based = qa.answer("Where is it based?", history=history, index=built_index.index)
    assert not based.abstained and based.short is not None and based.short.text == "Rome, Italy"


@pytest.mark.model
def test_it_a_few_turns_on_is_still_the_name_that_answered(built_index):
    import qa

    history = []
    for question in ("Which think tank is Alcaro at?", "Where is it based?"):
        result = qa.answer(question, history=history, index=built_index.index)
        reply = f"**{result.short.text}** \\[{result.short.citation}\\]\n\n{result.text}" if result.short else result.text
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": reply}]
    founded = qa.answer("Who founded it?", history=history, index=built_index.index)
    # Not "IAI", the initials of the name the question was rewritten with, nor "Global Actors programme".
    assert founded.short is not None and founded.short.text == "Altiero Spinelli"


@pytest.mark.parametrize(
    ("question", "earlier", "answered", "resolved"),
    [
        ("Why?", "Which of them could play a significant role?", "China", "Why could China play a significant role?"),
        ("And when?", "Which bank has been cut off from SWIFT?", "VTB", "When has VTB been cut off from SWIFT?"),
        # No wh-phrase as the subject, an answer that is no single name, or no question word alone.
        ("Why?", "Who should provide them?", "United States", None),
        ("Why?", "Which countries have sent weapons?", "Poland, Estonia, Sweden and Germany", None),
        ("Why?", "Which of them could play a role?", "a significant role", None),
        # One word is one thing, named or not (had been "Why was dropped?", which abstained).
        ("Why?", "Which Russian objective was dropped?", "denazification", "Why was denazification dropped?"),
        ("Why not?", "Which of them could play a role?", "China", None),
    ],
)
def test_a_question_word_alone_asks_the_question_before_of_its_answer(question, earlier, answered, resolved):
    assert resolve_bare_answered(question, earlier, answered) == resolved


@pytest.mark.parametrize(
    ("question", "earlier", "resolved"),
    [
        ("Who founded it?", ["What is the IAI?"], "Who founded the IAI?"),
        # Back through turns that say "it" too.
        ("Where is it?", ["What is the IAI?", "Who founded it?"], "Where is the IAI?"),
        ("What are its aims?", ["What is IAI?"], "What are IAI’s aims?"),
        ("Who founded it?", ["Which bank is the largest?"], None),  # no question for what a thing is
        ("Who founded it?", ["What is the IAI?", "Who is Alcaro?"], None),  # a turn between without "it"
        ("What is it called?", ["What is the IAI?"], None),  # an "it" that refers to nothing
        # A description, not a name: the documents may call it otherwise ("the second problematic issue").
        ("Why could it break the negotiations?", ["What is the second sticking point?"], None),
        # A property asked of a named thing: "it" is the thing, not the place or date that answered.
        ("When was it founded?", ["Where is the IAI based?"], "When was the IAI founded?"),
        ("Who signed it?", ["When was the Budapest Memorandum signed?"], "Who signed the Budapest Memorandum?"),
        ("Who founded it?", ["Where is it based?"], None),  # no name asked about
        # A name and its noun, the verb alone after them (it had abstained).
        ("Who rejected it?", ["How long would the Crimea timeline be?"], "Who rejected the Crimea timeline?"),
        # A noun that words after a preposition name (it had looked for the earlier answer's source).
        ("Who published it?", ["When was the commentary on Russia–Ukraine talks by Alcaro published?"],
         "Who published the commentary on Russia–Ukraine talks by Alcaro?"),
        ("Who published it?", ["When was the commentary on the talks published?"], None),  # no name among the words
        ("What does it publish?", ["What kind of organisation is IAI?"], "What does IAI publish?"),
        ("Who signed it?", ["When was the Budapest memorandum signed?"], "Who signed the Budapest memorandum?"),
        # An event asked about by where or when it took place (it had abstained).
        ("What came out of it?", ["Where did the sixth round of talks take place?"],
         "What came out of the sixth round of talks?"),
        ("Why did it happen?", ["When did the invasion start?"], "Why did the invasion happen?"),
        ("What came out of it?", ["Where did they meet?"], None),
        # A turn between with an "it" of its own: its subject is not what "it" stands for.
        ("What did Moscow do to it?", ["What is the Budapest memorandum?", "When did Russia sign it?"],
         "What did Moscow do to the Budapest memorandum?"),
        ("What did Moscow do to it?", ["When did Russia sign it?"], None),
        # Things of a kind a named thing does something with, in the plural: "it" is the name (it had abstained).
        ("Which regions does it study?", ["What topics does IAI research?"], "Which regions does IAI study?"),
        ("Who will provide it?", ["What does Ukraine need?"], None),  # "it" is what it needs
        # Who did something to a named thing: "it" is the thing (it had bolded "Minsk agreements").
        ("What made it collapse?", ["Which parties signed the 2015 Minsk deal?"], "What made the 2015 Minsk deal collapse?"),
        ("When was it signed?", ["Who signed the Budapest memorandum?"], "When was the Budapest memorandum signed?"),
        ("What made it collapse?", ["Who met in Istanbul?"], None),
    ],
)
def test_it_after_a_question_for_what_a_thing_is_stands_for_that_thing(question, earlier, resolved):
    from qa.answering.referents import resolve_defined

    assert resolve_defined(question, earlier) == resolved


@pytest.mark.parametrize(
    ("question", "earlier", "resolved"),
    [
        ("Is China one of them?", "Which countries are named as potential guarantors?",
         "Is China one of the countries named as potential guarantors?"),
        ("Have they made a difference?", "Which weapons did the US send?",
         "Have the weapons that the US send made a difference?"),
        ("Is China one of them?", "Who are the guarantors?", None),  # no things of a kind asked for
        ("Is it one of them?", "What does the plan say?", None),
        ("Did they send them?", "Which countries sent weapons?", None),  # two pronouns
    ],
)
def test_them_is_the_things_the_question_before_asked_for(question, earlier, resolved):
    from qa.answering.referents import resolve_group

    assert resolve_group(question, [earlier]) == resolved


@pytest.mark.parametrize(
    ("earlier", "answered", "reply", "thing"),
    [
        # The answer only qualifies the kind asked for: the two together, as the reply writes them.
        ("What timeline does the Ukrainian plan give for Crimea?", "15-year",
         "**15-year** [1]\n\nThe Ukrainian plan envisions a 15-year timeline to resolve the Crimea question. [1]",
         "the 15-year timeline"),
        ("Which bank is Russia's largest?", "Sberbank", "**Sberbank** [1]\n\nSberbank, Russia’s largest bank", "Sberbank"),
        ("What currency does Russia want?", "rubles", "**rubles** [1]\n\n… payments in rubles …", "rubles"),
    ],
)
def test_what_it_may_stand_for_after_a_question_for_a_thing(earlier, answered, reply, thing):
    from qa.answering.referents import resolve_thing, thing_answered

    assert thing_answered(earlier, answered, reply) == thing
    if thing.startswith("the "):
        assert resolve_thing("Who rejected it?", earlier, thing) == f"Who rejected {thing}?"


@pytest.mark.model
def test_who_turned_down_what_the_reply_named(built_index):
    import qa
    from conftest import ask_as_chat

    *_, result = ask_as_chat(built_index.index, "What timeline does the Ukrainian plan give for Crimea?", "Who rejected it?")
    # "Dmitry Peskov pushed back on that idea": "rejected" said as "pushed back" (it had abstained).
    assert result.short is not None and result.short.text == "Dmitry Peskov"
    proposed = qa.answer("Who proposed the 15-year timeline?", index=built_index.index)
    assert proposed.short is None or proposed.short.text != "Dmitry Peskov"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A title and the full name after it (the name had been lost: "President Joe" names no one).
        ("US warnings to China (delivered by President Joe Biden himself) that", ["Joe Biden"]),
        ("But Kremlin spokesman Dmitry Peskov pushed back", ["Dmitry Peskov"]),
        ("which Russian Foreign Minister Sergei Lavrov said", ["Sergei Lavrov"]),
        ("Ukrainian President Volodymyr Zelensky has stated", ["Volodymyr Zelensky"]),
        # A country is no person.
        ("The United States and its allies in Europe want to deny Putin the victory", []),
    ],
)
def test_the_full_names_of_people_in_a_text(text, names):
    from qa.answering.types import person_names

    assert person_names(text) == names


@pytest.mark.model
def test_he_is_the_person_the_question_before_named_when_the_reply_names_him_in_full(built_index):
    from conftest import ask_as_chat

    *_, result = ask_as_chat(built_index.index, "Which country did Biden warn?", "What did he warn it about?")
    # It had asked what "he" means.
    assert not result.abstained and result.text.startswith("US warnings to China (delivered by President Joe Biden himself)")


@pytest.mark.model
def test_a_follow_up_with_its_preposition_first_asks_as_the_plain_one(built_index):
    import qa
    from conftest import ask_as_chat

    *_, result = ask_as_chat(built_index.index, "Which country did Biden warn?", "About what?")
    # It had quoted the sentence about Zelensky's speech to Congress.
    assert result.question == "About what?" and result.text.startswith("US warnings to China")
    assert qa.answer("About what?", index=built_index.index).abstained  # nothing to ask it of


@pytest.mark.model
def test_whether_a_name_is_among_the_things_listed_is_said_with_the_list(built_index):
    from conftest import ask_as_chat

    from qa.answering.answerer import IS_AMONG, NOT_AMONG, check_citations

    # "Is France among them?" had quoted "a country bigger than France"; "Is China one of them?",
    # Ukraine calling on China to step in.
    question = "Which countries could Ukraine choose as guarantors?"
    _, france = ask_as_chat(built_index.index, question, "Is France among them?")
    _, china = ask_as_chat(built_index.index, question, "Is China one of them?")
    assert france.text.startswith(NOT_AMONG.format(name="France")) and china.text.startswith(IS_AMONG.format(name="China"))
    for result in (france, china):
        assert "Britain, China, Russia and the United States" in result.text and check_citations(result) == []


@pytest.mark.model
def test_it_in_a_follow_up_stays_with_the_sentence_quoted_before_when_it_holds_as_much(built_index):
    from conftest import ask_as_chat

    # It had quoted "… may be showing some promise, even if very faint".
    _, kept = ask_as_chat(built_index.index, "What did Moscow say it would do after the Istanbul round?",
                          "Has it kept that promise?")
    assert "despite Moscow’s promise to pull back" in kept.text


@pytest.mark.model
def test_a_yes_no_follow_up_in_no_words_of_its_own_is_answered_by_the_sentence_quoted_before(built_index):
    from conftest import ask_as_chat

    # It had quoted "But a diplomatic effort … may be showing some promise, even if very faint."
    _, done = ask_as_chat(built_index.index, "What did Moscow promise after the Istanbul meeting?", "Has it done so?")
    assert "despite Moscow’s promise to pull back" in done.text


@pytest.mark.model
def test_a_follow_up_that_judges_the_answer_before_is_answered_by_its_sentence(built_index):
    from conftest import ask_as_chat

    # It had quoted Peskov's sentence; the one before says Lavrov called it "settled for good" (it's not).
    _, judged = ask_as_chat(built_index.index, "Which Russian official called the status of Crimea and the Donbas settled?",
                            "And was he right, per the article?")
    assert judged.text.startswith("The negotiations are still far") and "(it’s not)" in judged.text
    # Whether the author agrees, after a reply that marked no answer (it had quoted Peskov's sentence).
    _, agrees = ask_as_chat(built_index.index, "How did Russia's foreign minister describe the Crimea and Donbas question?",
                            "Does the April author agree with him?")
    assert agrees.text.startswith("The negotiations are still far") and "(it’s not)" in agrees.text
    # "he" after "Which Russian foreign minister …?": the minister the reply named (it had quoted the
    # sticking points' sentence about "those regions").
    _, said = ask_as_chat(built_index.index, "Which Russian foreign minister is quoted in the April piece?",
                          "And what did he say about those regions?")
    assert said.text.startswith("The negotiations are still far") and "settled for good" in said.text


@pytest.mark.model
def test_a_group_rewrite_asked_alone_opens_on_no_and(built_index):
    from conftest import ask_as_chat

    # "And which of the countries that have tried to mediate …?", asked alone, had asked what the "And" meant.
    _, which = ask_as_chat(built_index.index, "Which countries have tried to mediate, according to Alcaro?",
                           "And which of them could matter most?")
    assert "There is nothing earlier in this conversation" not in which.text


@pytest.mark.model
@pytest.mark.parametrize(
    ("before", "question", "short"),
    [
        # Read together with "In which city …?", the reader doubted "1965": read alone (it had no short answer).
        ("In which city does the IAI have its offices?", "When was it set up?", "1965"),
        # Pointing at the reply: answered from its sentence, though "passed that message on" shares no
        # word with "delivered by …" (it had abstained).
        ("What consequences did Washington threaten Beijing with, and over what?", "Who passed that message on personally?",
         "Joe Biden"),
        # The time limit of what the question before asked about: oil and gas, not coal (it had bolded "Russian coal").
        ("What does Poland plan to do with oil and gas imports?", "And the deadline for that?", "by the end of the year"),
        # "its" is the publisher the question before asked about, not the city asked for (it had abstained).
        ("What does the think tank behind the March piece aim to advance?", "In which city are its offices?", "Rome"),
        # Who wrote the note the reply's sentence cites (it had no short answer).
        ("How much is the material damage to housing put at?", "Who reported that figure?", "David Lawder"),
    ],
)
def test_a_typed_follow_up_is_answered_from_the_sentence_it_is_about(built_index, before, question, short):
    from conftest import ask_as_chat

    _, result = ask_as_chat(built_index.index, before, question)
    assert result.short is not None and result.short.text == short


@pytest.mark.model
@pytest.mark.parametrize(
    ("before", "question", "quoted"),
    [
        # A verdict on what the reply quoted: that sentence answers (it had abstained, 0.148).
        ("What did Lavrov claim was settled for good?", "Does the April author agree?", "(it’s not)"),
        # A verdict on a claim the reply quoted, however far down the question's own words put it (it
        # had quoted Peskov).
        ("What did Lavrov claim about the contested regions?", "Does the April writer accept that claim?", "(it’s not)"),
        # Whether what the reply named is what the question says: the sentence that tells, in another
        # word ("second-largest" for "biggest"; it had abstained, 0.071).
        ("Which bank has been cut off from SWIFT so far?", "Is it the biggest one?", "the second-largest"),
        # "he" is the person the reply to "Which spokesman …?" named (it had abstained).
        ("Which spokesman insisted Crimea belongs to Russia?", "What job does he have?", "Kremlin spokesman Dmitry Peskov"),
        ("Which official claimed that Crimea belongs to Russia?", "What was his argument?", "Crimea is part of Russia"),
    ],
)
def test_a_follow_up_about_the_reply_is_answered_by_the_sentence_it_quoted(built_index, before, question, quoted):
    from conftest import ask_as_chat

    _, result = ask_as_chat(built_index.index, before, question)
    assert not result.abstained and quoted in result.text


@pytest.mark.model
def test_the_publisher_named_by_what_it_published_is_asked_about(built_index):
    from conftest import ask_as_chat

    # It had abstained: the question names an author, so only his author note was admitted.
    founder, year = ask_as_chat(built_index.index, "Who founded the think tank that published Alcaro's piece?",
                                "In what year was that?")
    assert founder.short is not None and founder.short.text == "Altiero Spinelli"
    # It had given the commentary's own date, "22 March 2022".
    assert year.short is not None and year.short.text == "1965"


@pytest.mark.model
def test_what_is_given_in_return_is_said_by_the_sentence_that_opens_in_exchange(built_index):
    from conftest import ask_as_chat

    # The reader had put the plan's commitments first and bolded "NATO".
    _, returned = ask_as_chat(built_index.index, "What did Ukraine's 10-point plan offer Russia?",
                              "What would Ukraine get in return?")
    assert returned.text.startswith("In exchange, the plan envisions") and returned.short is None


@pytest.mark.model
def test_a_commentary_of_his_own_he_cites_is_named_by_its_title(built_index):
    import qa

    # It had bolded "Riccardo Alcaro", the author of the reference.
    answer = qa.answer("Which earlier commentary of his own does Alcaro cite?", index=built_index.index)
    assert answer.short is not None and answer.short.text == "Europe's Post-Cold War Order Is No More"


@pytest.mark.model
def test_his_answer_on_a_thing_is_what_he_said_not_a_span_of_the_thing(built_index):
    from conftest import ask_as_chat

    # It had bolded "15-year", the plan's timeline Peskov answered.
    _, answer = ask_as_chat(built_index.index, "What is the Kremlin's spokesman called?", "What was his answer on Crimea's timeline?")
    assert "Crimea is part of Russia" in answer.text and answer.short is None


@pytest.mark.model
def test_them_after_a_reply_that_lists_nothing_is_the_things_the_question_before_named(built_index):
    from conftest import ask_as_chat

    from qa.answering.answerer import IS_AMONG, check_citations

    # The reply before bolds the kind of agreement, no list: "them" are the guarantor countries.
    question = "What kind of agreement would Ukraine sign with the guarantor countries?"
    _, russia = ask_as_chat(built_index.index, question, "Would Russia be one of them?")
    assert russia.text.startswith(IS_AMONG.format(name="Russia")) and check_citations(russia) == []


@pytest.mark.model
def test_whether_a_name_is_among_the_things_a_question_names_is_said_with_their_list(built_index):
    import qa
    from qa.answering.answerer import IS_AMONG, NOT_AMONG, check_citations

    # "Is Germany among the possible guarantors?" had quoted the European countries that sent weapons.
    germany = qa.answer("Is Germany among the possible guarantors?", index=built_index.index)
    china = qa.answer("Is China one of the potential guarantor countries?", index=built_index.index)
    assert germany.text.startswith(NOT_AMONG.format(name="Germany")) and china.text.startswith(IS_AMONG.format(name="China"))
    for result in (germany, china):
        assert "Britain, China, Russia and the United States" in result.text and check_citations(result) == []
        assert result.short is None


@pytest.mark.parametrize(
    ("question", "name", "group"),
    [("Is Germany among the possible guarantors?", "Germany", "the possible guarantors"),
     ("Is the United States one of the guarantor countries?", "the United States", "the guarantor countries"),
     ("Is France among them?", None, None),  # a follow-up: the list before (`_MEMBER_ASKED`)
     # Asked with a modal and "be".
     ("Could Germany be one of the guarantor countries?", "Germany", "the guarantor countries"),
     ("Would Russia be among the guarantors?", "Russia", "the guarantors"),
     ("Is Germany a guarantor?", None, None)],
)
def test_a_name_asked_to_be_among_the_things_a_question_names(question, name, group):
    from qa.answering.answerer import _AMONG_GROUP

    found = _AMONG_GROUP.match(question)
    assert (found.group("name", "group") if found else (None, None)) == (name, group)


@pytest.mark.parametrize(
    ("question", "name"),
    [("Would Russia be one of them?", "Russia"), ("Could France be among them?", "France"),
     ("Is Germany one of them?", "Germany"), ("Would Russia be a guarantor?", None)],
)
def test_a_name_asked_to_be_among_the_things_listed_before(question, name):
    from qa.answering.answerer import _MEMBER_ASKED

    found = _MEMBER_ASKED.match(question)
    assert (found.group("name") if found else None) == name


@pytest.mark.model
def test_what_else_is_not_what_the_question_before_asked_about(built_index):
    from conftest import ask_as_chat

    # It had bolded "similar weapons", the weapons the question before asked about.
    _, more = ask_as_chat(built_index.index, "Besides the US, which countries have sent weapons?", "What else did they send?")
    assert more.short is not None and more.short.text == "supplies and other equipment"


@pytest.mark.model
def test_an_ellipsis_is_not_answered_by_the_answer_before_it(built_index):
    from conftest import ask_as_chat

    # "And Europe?" had bolded "Russian oil" again: Europe "is still deeply dependent on Russian gas".
    us, europe = ask_as_chat(built_index.index, "What has the US stopped importing?", "And Europe?")
    assert us.short is not None and us.short.text == "Russian oil"
    assert europe.short is None and "deeply dependent on Russian gas" in europe.text


def test_a_full_name_opening_the_reply_names_the_person_the_question_named():
    from qa.answering.referents import resolve_person

    reply = "**Global Actors**\n\nRiccardo Alcaro is Research Coordinator and Head of Global Actors programme at the IAI. [1]"
    # "What else has he written?" had abstained: "Riccardo" opens the sentence.
    assert resolve_person("What else has he written?", ["What is the name of Alcaro's programme?"], reply) == (
        "What else has Alcaro written?")
    assert resolve_person("What else has he written?", ["What is the name of Alcaro's programme?"],
                          "But Alcaro says more. [1]") is None  # "But" is no first name


@pytest.mark.parametrize(
    ("sentence", "question", "item"),
    [
        ("The second problematic issue is how to arrange security guarantees for Ukraine that would deter a future "
         "Russian attack.", "Which one is about security?",
         "how to arrange security guarantees for Ukraine that would deter a future Russian attack"),
        ("The second concerns the political and financial sustainability of the invasion, heavily impacted by sanctions.",
         "Which of them concerns sanctions?", "the political and financial sustainability of the invasion"),
        ("The second concerns the sustainability of the invasion.", "What concerns sanctions?", None),  # no "which one"
        ("Sanctions matter most.", "Which one concerns sanctions?", None),  # no item sentence
    ],
)
def test_which_one_is_what_its_item_sentence_says_the_item_is(sentence, question, item):
    from qa.answering.referents import item_named

    span = item_named(sentence, question)
    assert (sentence[span[0] : span[1]] if span else None) == item


@pytest.mark.parametrize(
    ("earlier", "question", "resolved"),
    [
        # The speaker replaced by another of its kind, and "it" by what the conversation is about.
        (["What is the status of Crimea?", "What does Russia say about it?"], "And Ukraine?",
         "What does Ukraine say about Crimea?"),
        (["What is the status of Crimea?", "What did Peskov say about it?"], "And Lavrov?",
         "What did Lavrov say about Crimea?"),
        # Another kind: the name takes the pronoun's place, as before.
        (["What is the status of Crimea?", "What did Peskov say about it?"], "And Ukraine?",
         "What did Peskov say about Ukraine?"),
        (["Which bank is the largest?", "Has it been cut off from SWIFT?"], "And Sberbank?",
         "Has Sberbank been cut off from SWIFT?"),
        # A country with "the" is a country (the set had held the words "the", "united", "states").
        (["What is the status of Crimea?", "What does Russia say about it?"], "And the United States?",
         "What does the United States say about Crimea?"),
    ],
)
def test_and_another_speaker_asks_what_that_speaker_said(earlier, question, resolved):
    from qa.answering.referents import resolve_ellipsis

    assert resolve_ellipsis(question, earlier) == resolved


@pytest.mark.parametrize(
    ("question", "earlier", "resolved"),
    [
        ("And what does Alcaro's commentary say on that?", ["What does the April piece say about NATO membership for Ukraine?"],
         "And what does Alcaro's commentary say on NATO membership for Ukraine?"),
        # Through an earlier question of the same form.
        ("And what does the April piece say about it?",
         ["What does Alcaro say about China?", "And what does the IAI commentary think about that?"],
         "And what does the April piece say about China?"),
        # The question before had no topic to take up.
        ("What does Alcaro say about it?", ["Who wrote the April piece?"], None),
    ],
)
def test_what_a_source_says_on_that_is_about_the_topic_the_question_before_ended_on(question, earlier, resolved):
    assert resolve_ellipsis(question, earlier) == resolved


@pytest.mark.parametrize(
    ("question", "earlier", "resolved"),
    [
        # "that <noun>" for a thing the question before named by another noun (retrieval had read
        # "agreement" as the Minsk agreements).
        ("What did Ukraine hand over under that agreement?", ["What was the purpose of the 1994 memorandum?"],
         "What did Ukraine hand over under the 1994 memorandum?"),
        # The phrase with the same noun, wherever it stands.
        ("Which official turned that plan down?", ["How long is the timeline the Ukrainian plan envisions for Crimea?"],
         "Which official turned the Ukrainian plan down?"),
        # "that" alone after a preposition.
        ("Who in the Kremlin objected to that?",
         ["Over how many years would the Crimea question be settled under Ukraine's proposal?"],
         "Who in the Kremlin objected to Ukraine's proposal?"),
        # No phrase a preposition takes and that ends there: "the EU agree" is no thing.
        ("How large was that package?", ["What did the EU agree to deliver?"], None),
        ("Which official turned that proposal down?", ["How long is the timeline the Ukrainian plan envisions for Crimea?"], None),
        # "that" opening a clause is no pointer; nor one without a preposition before it.
        ("Does he think that sanctions work?", ["What does the April piece say about the 15-point plan?"], None),
        ("Who wrote that?", ["What does the IAI commentary say?"], None),
        ("What weapons did that include?", ["How much security aid has the US given to Ukraine?"], None),  # a subject
        ("Who signed that deal?", [], None),
    ],
)
def test_that_noun_stands_for_what_the_question_before_named(question, earlier, resolved):
    from qa.answering.referents import resolve_demonstrative

    assert resolve_demonstrative(question, earlier) == resolved


@pytest.mark.parametrize(
    ("question", "earlier", "reply", "resolved"),
    [
        # A place the question before named, which the reply puts something in (a sentence with
        # "based there" had answered).
        ("What was agreed there?", "Which country hosted the Istanbul round?", "On Tuesday in Istanbul, the sides met.",
         "What was agreed in Istanbul?"),
        # After "Where …?", the reply's bold answer.
        ("What happened there?", "Where did the sides meet?", "**Istanbul** [1]\n\nOn Tuesday in Istanbul, the sides met.",
         "What happened in Istanbul?"),
        ("Is there a plan?", "Which country hosted the Istanbul round?", "On Tuesday in Istanbul", None),  # no place pointer
        ("How many delegates were there?", "Which country hosted the Istanbul round?", "On Tuesday in Istanbul", None),
        ("What did they do there?", "What did Russia do in the south?", "… more successful in the south", None),  # no name
    ],
)
def test_there_stands_for_the_place_named_before(question, earlier, reply, resolved):
    from qa.answering.referents import resolve_there

    assert resolve_there(question, earlier, reply) == resolved


@pytest.mark.parametrize(
    ("question", "earlier", "answered", "resolved"),
    [
        ("Why could that be difficult to organise?", "What would a neutrality deal need before it takes effect?",
         "a nationwide referendum", "Why could a nationwide referendum be difficult to organise?"),
        ("How would it be held?", "Which vote would approve the deal?", "a nationwide referendum",
         "How would a nationwide referendum be held?"),
        # A name, a list, or an earlier question that asked no what or which: not a thing's phrase.
        ("Why could that be difficult?", "What would the deal need?", "Zelensky", None),
        ("Why could that be difficult?", "What would the deal need?", "a referendum and a vote", None),
        ("Why could that be difficult?", "Who would approve the deal?", "the parliament", None),
        # Not a why- or how-question of what the thing is or may be.
        ("Who would organise that?", "What would a neutrality deal need?", "a nationwide referendum", None),
    ],
)
def test_a_pronoun_subject_stands_for_the_thing_answered_before(question, earlier, answered, resolved):
    from qa.answering.referents import resolve_answered_subject

    assert resolve_answered_subject(question, earlier, answered) == resolved


@pytest.mark.parametrize(
    ("question", "earlier", "reply", "resolved"),
    [
        # The reply's phrase with the same noun (it had quoted "… may be showing some promise …").
        ("Was the promise kept?", "What did Moscow promise after Istanbul?",
         "Indeed, … continued, despite Moscow’s promise to pull back, and …", "Was Moscow’s promise kept?"),
        ("Was that promise kept?", "What did Moscow promise?", "despite Moscow’s promise to pull back",
         "Was Moscow’s promise kept?"),
        # The question before first.
        ("Is the plan realistic?", "What does the 15-point plan say?", "the Ukrainian plan envisions",
         "Is the 15-point plan realistic?"),
        # No phrase with that noun; a compound ("the peace plan") names its own kind; no yes/no subject.
        ("Was the promise kept?", "What did Moscow say?", "Russian bombardment continued", None),
        # A subject and its verb, not a noun phrase.
        ("Was that pledge kept?", "What did the Kremlin pledge to do after Istanbul?", "On Tuesday in Istanbul, the sides met", None),
        ("Was the peace plan accepted?", "What does the 15-point plan say?", "the 15-point plan", None),
        ("What did the plan say?", "What does the 15-point plan say?", "the 15-point plan", None),
        ("Is the plan of Ukraine realistic?", "What does the 15-point plan say?", "the 15-point plan", None),
    ],
)
def test_a_definite_subject_stands_for_the_phrase_with_its_noun_before(question, earlier, reply, resolved):
    from qa.answering.referents import resolve_definite

    assert resolve_definite(question, earlier, reply) == resolved


@pytest.mark.parametrize(
    ("question", "answered", "resolved"),
    [
        ("And who else did Kyiv ask?", "Turkey and Israel", "And who else, besides Turkey and Israel, did Kyiv ask?"),
        ("What else would hurt Russia?", "energy sanctions", "What else, besides energy sanctions, would hurt Russia?"),
        # Said already what else than; a pronoun that may stand for the answer ("they" = the countries).
        ("Who else, besides Turkey, mediates?", "Israel", None),
        ("What else did they send?", "Poland, Estonia, Sweden and Germany", None),
        ("Who mediates?", "Turkey", None),
    ],
)
def test_else_is_else_than_what_the_reply_before_answered(question, answered, resolved):
    from qa.answering.referents import resolve_else

    assert resolve_else(question, answered) == resolved


def test_a_reply_s_bold_answer_ends_a_name():
    from qa.answering.referents import names_in

    # It had read "Dmitry Peskov But Kremlin" and asked "What was Dmitry Peskov But Kremlin's argument?".
    reply = "**Dmitry Peskov** [1]\n\nBut Kremlin spokesman Dmitry Peskov pushed back on that idea. [1]"
    assert names_in(reply)[0] == "Dmitry Peskov"


@pytest.mark.model
@pytest.mark.parametrize(
    ("question", "follow_up", "lead", "short"),
    [
        # "Peskov pushed back on that idea": the idea is the 15-year timeline of the sentence before (it
        # had quoted Peskov's sentence again).
        ("Which Kremlin official insisted Crimea belongs to Russia?", "What was he responding to?",
         "The Ukrainian plan envisions a 15-year timeline", None),
        # What the quoted sentence says the failure became (it had quoted the Budapest memorandum's
        # "what's happening today").
        ("What did the Russians fail to achieve with their lightning war?", "And what happened instead?",
         "Russia's failure to shock and awe", "a slow and ever more brutal three-front campaign"),
    ],
)
def test_a_follow_up_on_what_the_reply_met_or_became_is_led_by_that_sentence(built_index, question, follow_up, lead, short):
    from conftest import ask_as_chat

    _, reply = ask_as_chat(built_index.index, question, follow_up)
    assert reply.text.startswith(lead)
    assert (reply.short.text if reply.short else None) == short


@pytest.mark.parametrize(
    ("earlier", "question", "resolved"),
    [
        # A time alone takes the place of the time that closed the question before.
        (["What is Poland phasing out by year's end?"], "And within weeks?", "What is Poland phasing out within weeks?"),
        (["What will Poland stop importing within the next few weeks?"], "And by the end of the year?",
         "What will Poland stop importing by the end of the year?"),
        # No time closed it: which time the question before is asked of is a guess, and the time is no object.
        (["What is Poland phasing out?"], "And within weeks?", None),
        # "the one on …": another of the kind the question before described by its topic.
        (["Who wrote the piece on Japan's response to the war?"], "And the one on Putin's use of history?",
         "Who wrote the piece on Putin's use of history?"),
        (["Who wrote it?"], "And the one on Putin's use of history?", None),
    ],
)
def test_a_time_or_a_topic_alone_in_place_of_the_one_before(earlier, question, resolved):
    from qa.answering.referents import resolve_ellipsis

    assert resolve_ellipsis(question, earlier) == resolved


def test_it_is_no_person_answered_before():
    from qa.answering.referents import resolve_thing

    # "it" after a person answered is not that person.
    assert resolve_thing("What would cause it?", "Which Ukrainian leader might face an uprising?", "Zelensky") is None
    # After a thing answered, it is that thing.
    assert resolve_thing("Has it been sanctioned?", "Which bank is Russia's largest?", "Sberbank") == "Has Sberbank been sanctioned?"

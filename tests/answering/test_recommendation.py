"""What a document recommends: the question form, the sentences that prescribe, and the answer."""

from __future__ import annotations

import pytest

from qa.answering.recommendation import asks_recommendation, prescribes


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("What measures does the April piece recommend?", True),
        ("What does Alcaro propose?", True),
        ("What should the West do according to the April piece?", True),
        ("What policies does the author advocate?", True),
        ("What does Alcaro say the US and Europe should do?", True),
        ("What should the United States and Europe do, according to Alcaro?", True),  # a subject of five words
        # What is said on a topic, not what is recommended.
        ("What does the April piece suggest about energy?", False),
        ("Which bank is Russia's largest?", False),
        ("What would Kyiv forgo under the ten-point proposal?", False),  # the plan, not a recommendation
        ("What should the goal of the US and Europe be?", False),  # a thing, not what to do
        ("What should be done about Russian energy?", False),  # on a topic: ordinary answering finds it
        ("What should the Europeans do with Russian gas?", False),  # "do with" a thing: on a topic too
        # Advice on a topic is still advice (it had quoted the EU's weapons package).
        ("What is the April piece's recommendation on weapons?", True),
        ("What does Alcaro recommend on China?", True),
        # What a document or its author wants done (it had abstained); not what a party wants.
        ("what does the author of the april article want the west to do", True),
        ("What does the IAI piece want the US to do?", True),
        ("What does Russia want Ukraine to do?", False),
    ],
)
def test_a_question_for_what_is_recommended_is_told(question: str, asks: bool) -> None:
    assert asks_recommendation(question) is asks


@pytest.mark.parametrize(
    ("sentence", "prescribing"),
    [
        ("That means the best strategy for the West is to sharply increase military assistance to Ukraine.", True),
        ("Their goal should be to end the war, ensure Ukraine's security and stabilise the antagonism with Russia.", True),
        ("The US and European governments had best assess how to leverage their considerable influence.", True),
        ("Stepping up enforcement of individual sanctions would also help.", True),
        ("This means that the West must act.", True),  # "that" after "means" opens no relative clause
        # A modal in a relative clause describes; a denied need prescribes nothing.
        ("It now concerns relatively uncontroversial measures that Kyiv should adopt to defend Russian culture.", False),
        ("But if Russia regains the upper hand militarily, it will have no need to continue to engage in diplomacy.", False),
        ("On Tuesday in Istanbul, the sides met for a sixth time.", False),
    ],
)
def test_a_sentence_that_says_what_should_be_done_prescribes(sentence: str, prescribing: bool) -> None:
    assert prescribes(sentence) is prescribing


@pytest.mark.model
def test_what_a_document_recommends_is_answered_by_its_sentences_that_prescribe(built_index) -> None:
    import qa
    from qa.answering.answerer import check_citations

    result = qa.answer("What measures does the April piece recommend?", index=built_index.index)
    assert not result.abstained and check_citations(result) == []
    assert "the best strategy for the West is to sharply increase military assistance" in result.text
    assert all(s.doc_id.startswith("000_") and prescribes(s.sentence) for s in result.support)
    # On a topic, the prescriptions that concern it; each document's under its label when both are asked.
    europe = qa.answer("What should Europe do according to the IAI?", index=built_index.index)
    assert "Their goal should be to end the war" in europe.text and all(s.doc_id.startswith("002_") for s in europe.support)
    # Asked of no document: each that says; what someone in them proposed is ordinary answering.
    anyone = qa.answer("What should Ukraine do?", index=built_index.index)
    assert "Ukraine’s military must continue to make gains" in anyone.text
    # A source that is none of the documents is not answered by each document's advice (both had been).
    for question in ("What should Europe do, per the Post?", "What should the West do, according to the New York Times?"):
        assert not any(s.doc_id.startswith("002_") for s in qa.answer(question, index=built_index.index).support), question
    zelensky = qa.answer("What did Zelensky propose?", index=built_index.index)
    assert not all(prescribes(s.sentence) for s in zelensky.support) or zelensky.abstained
    both = qa.answer("What do the documents recommend?", index=built_index.index)
    assert "Alcaro (IAI, 22 March 2022):" in both.text and {s.doc_id[:3] for s in both.support} == {"000", "002"}
    # Advice on a topic named after "on": the prescriptions that name it (it had quoted the EU's
    # weapons package, and "The West has still not fully hit Russia where it hurts" for energy).
    energy = qa.answer("What is the April piece's recommendation on energy?", index=built_index.index)
    assert energy.text.startswith("To reverse this trend, Europe can use its economic leverage") and check_citations(energy) == []
    sanctions = qa.answer("What does the April piece recommend on sanctions?", index=built_index.index)
    assert all("sanctions" in s.sentence and prescribes(s.sentence) for s in sanctions.support)
    # The ones that name most of the topic: not "… pressure on Russian banks", which names "Russian" alone.
    step = qa.answer("What step on Russian energy does the April piece recommend for Europe?", index=built_index.index)
    assert step.text.startswith("To reverse this trend, Europe can use its economic leverage") and len(step.support) == 1

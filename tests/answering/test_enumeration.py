"""Announced lists bring the sentences that name their items."""

from __future__ import annotations

import pytest

from qa.answering.enumeration import (
    announced_count, announces_asked_items, asked_count, colon_items, counted_list, first_listed_item, included_list, listed_items, members_listed,
    members_of_kind_asked,
    lists_asked_items, names_asked_item, ordinal_of, to_sentence_end,
)

def cut(sentence: str, found: tuple[int, int] | None) -> str | None:
    """The text at the offsets found, or None."""
    return sentence[found[0] : found[1]] if found else None


TEXT = (
    "Talks resumed. However, there are two major sticking points. Nobody denies it. "
    "The first is the status of Crimea. Many agree. The second problematic issue is security. "
    "The third point is not part of the list."
)


def test_announced_counts():
    assert announced_count("However, there are two major sticking points.") == 2
    assert announced_count("Two main variables are going to impact the war's trajectory.") == 2
    assert announced_count("There are three options: a, b and c.") is None  # already listed
    assert announced_count("The two sides met in Istanbul.") is None


def test_asked_counts():
    assert asked_count("What are the three things only the US can do?") == 3
    assert asked_count("Which two banks were cut off?") == 2
    assert asked_count("What happened in 2022?") is None
    assert asked_count("Who has authority over sanctions?") is None


def test_ordinals():
    assert [ordinal_of(s) for s in ("The first is x.", "Second, y.", "Finally, z.", "Firstly x.")] == [1, 2, 0, None]


def test_an_announcement_brings_exactly_its_items_in_order():
    start = TEXT.index("However")
    end = TEXT.index("points.") + len("points.")
    items = [TEXT[s:e] for s, e in listed_items(TEXT, start, end)]
    assert items == ["The first is the status of Crimea.", "The second problematic issue is security."]


def test_an_item_brings_its_siblings():
    start = TEXT.index("The second")
    end = TEXT.index("security.") + len("security.")
    items = [TEXT[s:e] for s, e in listed_items(TEXT, start, end)]
    assert items[:1] == ["The first is the status of Crimea."] and "The second problematic issue is security." not in items


def test_an_ordinary_sentence_brings_nothing():
    assert listed_items(TEXT, 0, len("Talks resumed.")) == []


UNANNOUNCED = (
    "The US and Europe are anything but neutral. They are central to the talks. First, only they can deter. "
    "Second, only they can guarantee. Third, only they can lift sanctions. Fourth, something else."
)


def test_a_list_right_after_the_sentence_brings_as_many_items_as_the_question_asks_for():
    end = UNANNOUNCED.index("neutral.") + len("neutral.")
    items = [UNANNOUNCED[s:e] for s, e in listed_items(UNANNOUNCED, 0, end, asked=3)]
    assert items == ["First, only they can deter.", "Second, only they can guarantee.", "Third, only they can lift sanctions."]
    # Not asked for a count, or the list too far after the sentence: nothing.
    assert listed_items(UNANNOUNCED, 0, end) == []
    far = "Talks resumed. One. Two. Three. First, x. Second, y."
    assert listed_items(far, 0, len("Talks resumed."), asked=2) == []
    # A list that a sentence in between announces is that sentence's.
    other = "Ukraine is open to concessions. However, there are two major sticking points. The first is x. The second is y."
    assert listed_items(other, 0, len("Ukraine is open to concessions."), asked=2) == []


@pytest.mark.model
def test_the_sticking_points_are_named(built_index):
    import qa
    from qa.answering.answerer import check_citations

    result = qa.answer("What are the main sticking points?", index=built_index.index)
    assert "two major sticking points" in result.text
    assert "The first is the status of the contested regions" in result.text and "The second problematic issue" in result.text
    assert check_citations(result) == []


@pytest.mark.model
def test_a_list_answer_has_no_short_answer(built_index):
    import qa

    result = qa.answer("What are the two variables that will impact the talks?", index=built_index.index)
    assert "The first revolves around" in result.text and "The second concerns" in result.text
    assert result.short is None


@pytest.mark.parametrize(
    ("sentence", "question", "asked"),
    [
        ("However, there are two major sticking points.", "What are the sticking points in the negotiations?", True),
        ("Two main variables are going to impact the war.", "What were the variables that shape the war?", True),
        ("However, there are two major sticking points.", "What are the variables?", False),  # other things
        ("However, there are two major sticking points.", "Why did the talks stall over points?", False),  # not a list
        ("The two sides met.", "What are the sides?", False),  # no announcement
    ],
)
def test_a_sentence_announcing_the_things_asked_for(sentence, question, asked):
    assert announces_asked_items(sentence, question) is asked


@pytest.mark.model
def test_a_list_question_without_main_gets_the_announced_items_and_nothing_between(built_index):
    import qa

    result = qa.answer("What are the sticking points in the negotiations?", index=built_index.index)
    assert result.text.startswith("However, there are two major sticking points.")
    assert "The first is the status of the contested regions" in result.text and "The second problematic issue" in result.text
    assert "Together, the military support" not in result.text


COMPONENTS = "The plan rotates around three main components: an end to the invasion, Ukraine's neutrality and the status."


@pytest.mark.parametrize(
    ("sentence", "question", "listed"),
    [
        (COMPONENTS, "What are the main components of the 15-point plan?", True),
        (COMPONENTS, "What are the main elements of the 15-point plan?", True),  # parts in another word
        (COMPONENTS, "What are the sticking points?", False),  # other things
        (COMPONENTS, "Why does the plan have components?", False),  # not a list question
        ("However, there are two major sticking points.", "What are the sticking points?", False),  # items come later
    ],
)
def test_a_sentence_listing_the_things_asked_for_after_a_colon(sentence, question, listed):
    assert lists_asked_items(sentence, question) is listed
    assert not (listed and announces_asked_items(sentence, question))  # listed here, not announced for later


def test_the_first_item_listed_after_the_colon():
    first = first_listed_item(COMPONENTS, "What are the three main components of the plan?")
    assert first is not None and COMPONENTS[first[0] : first[1]] == "an end to the invasion"
    assert first_listed_item(COMPONENTS, "What are the sticking points?") is None


@pytest.mark.parametrize(
    ("sentence", "cut", "whole"),
    [
        # An inner "and" had cut the last item: it runs on to the sentence's end.
        ("three main components: an end to the invasion, Ukraine's neutrality and the status of Crimea and the two "
         "republics in the Donbas.¹", "the status of Crimea", "the status of Crimea and the two republics in the Donbas"),
        # A clause mark before the end: the item ended where it was cut.
        ("three components: war, peace and the status of Crimea and the Donbas, which Lavrov called settled.",
         "the status of Crimea", "the status of Crimea"),
        ("three components: war, peace and the status of Crimea.", "the status of Crimea", "the status of Crimea"),
    ],
)
def test_the_last_item_of_a_list_after_a_colon_runs_to_the_sentence_end(sentence, cut, whole):
    end = sentence.index(cut) + len(cut)
    assert sentence[sentence.index(cut) : to_sentence_end(sentence, end)] == whole


@pytest.mark.model
def test_a_list_question_is_led_by_the_sentence_listing_the_things_asked(built_index):
    import qa

    result = qa.answer("What are the main components of the 15-point plan?", index=built_index.index)
    assert result.support[0].sentence.startswith("The plan rotates around three main components:")


@pytest.mark.model
def test_an_item_leading_the_answer_brings_only_the_siblings_that_speak_to_the_question(built_index):
    import qa

    # "Third, only the United States and the EU have authority over sanctions." leads; "First, …
    # restore the balance of deterrence" and "Second, … security guarantees" say nothing of sanctions.
    result = qa.answer("Who has authority over sanctions?", index=built_index.index)
    assert result.text.startswith("Third, only the United States and the EU have authority over sanctions.")
    assert "balance of deterrence" not in result.text


@pytest.mark.model
def test_an_item_leading_the_answer_brings_all_its_siblings_when_as_many_are_asked_for(built_index):
    import qa

    result = qa.answer("What are the three things only the US and its allies can do?", index=built_index.index)
    assert all(f"{ordinal}, only the United States" in result.text for ordinal in ("First", "Second", "Third"))
    assert result.short is None  # a list of three, not one of them


@pytest.mark.model
def test_a_sentence_announcing_as_many_things_as_asked_for_leads_from_anywhere_among_the_candidates(built_index):
    import qa

    # "negotiations" had drawn "Together, the military support and economic pressure are the only
    # way to keep up negotiations." to the lead; the announcement was not among the best three.
    result = qa.answer("What are the two variables that will shape the negotiations?", index=built_index.index)
    assert result.text.startswith("Two main variables are going to impact the war's trajectory.")
    assert "The first revolves around" in result.text and "The second concerns" in result.text


PLAN = ("Afterward, a Ukrainian 10-point plan laid out a set of compromises, including commitments from Ukraine that it "
        "would not join NATO, develop nuclear capabilities or host foreign military bases.")
AID = ("The United States has already provided more than $2 billion in security aid to Ukraine, including Stinger "
       "antiaircraft systems, Javelin antitank missiles, tactical drones, and anti-armor weapons and systems.")


@pytest.mark.parametrize(
    ("question", "sentence", "included"),
    [
        ("What does the 10-point plan include?", PLAN,
         "commitments from Ukraine that it would not join NATO, develop nuclear capabilities or host foreign military bases"),
        ("What did the security aid include?", AID,
         "Stinger antiaircraft systems, Javelin antitank missiles, tactical drones, and anti-armor weapons and systems"),
        # The list ends where the sentence goes on: the verb after it, a footnote marker.
        ("Which countries does that include?", "Many European countries, including Poland, Estonia, Sweden and Germany, "
         "have sent similar weapons.", "Poland, Estonia, Sweden and Germany"),
        ("What will the supplies include?", "The increase in supplies, which will include armed drones and mobile air "
         "defences,¹⁴ as well as Biden's visit.", "armed drones and mobile air defences"),
        # Two lists opened: which one is asked is not known.
        ("What does the sport portfolio include?", "content from the portfolio including sport (including English "
         "Premier League Football), films and news.", None),
        ("What did the plan lay out?", PLAN, None),  # not asked what it includes
        # What includes the list must be what the question names (had answered Biden's visit with the supplies).
        ("What did Biden's visit to Europe include?", "The increase in supplies, which will include armed drones and "
         "mobile air defences,¹⁴ as well as Biden's visit.", None),
        ("What does it include?", PLAN,
         "commitments from Ukraine that it would not join NATO, develop nuclear capabilities or host foreign military bases"),
    ],
)
def test_what_something_includes_is_the_list_after_including(question, sentence, included):
    found = included_list(sentence, question)
    assert cut(sentence, found) == included


@pytest.mark.parametrize(
    ("question", "sentence", "included"),
    [
        # Asked for several things: the list after "including" answers, not the aid it elaborates.
        ("Which weapons has the US provided?", AID,
         "Stinger antiaircraft systems, Javelin antitank missiles, tactical drones, and anti-armor weapons and systems"),
        ("Which countries could be guarantors?", "It envisions guarantor countries such as Britain, China, Russia and the "
         "United States.", "Britain, China, Russia and the United States"),
        # One thing after "including" is no list of several.
        ("Which weapons did they send?", "They sent aid, including drones, to Kyiv.", None),
        # Two openings, one list: that one.
        ("Which countries could act as guarantors?", "Russia would allow security guarantees, including a NATO-type "
         "agreement between Ukraine and guarantor countries such as Britain, China, Russia and the United States.",
         "Britain, China, Russia and the United States"),
        # Two openings, two lists: which one is asked is not known.
        ("Which things were sent?", "They sent arms, including drones, tanks and jets, and food, such as rice, "
         "flour and oil.", None),
    ],
)
def test_a_question_asking_for_several_things_takes_the_list_after_including(question, sentence, included):
    found = included_list(sentence, question, several=True)
    assert cut(sentence, found) == included


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        ("The plan rotates around three main components: an end to the invasion, Ukraine's neutrality and the "
         "status of the contested regions of Crimea and the two self-styled republics in the Donbas.",
         ["an end to the invasion", "Ukraine's neutrality",
          "the status of the contested regions of Crimea and the two self-styled republics in the Donbas"]),
        ("There are two options: war or peace.¹", ["war", "peace"]),
        ("Three things matter: A, B, C and D.", None),  # four items for three: the count does not come out
        ("There are two major sticking points.", None),  # no colon: the items come later
        ("Two points: only one.", None),
    ],
)
def test_the_items_listed_after_a_count_and_a_colon(sentence, items):
    assert colon_items(sentence) == items


@pytest.mark.parametrize(
    ("sentence", "question", "names"),
    [
        ("The second problematic issue is security.", "What are the two problematic issues in the talks?", True),
        ("First, only the US can restore deterrence.", "What are the three things only the US can do?", False),
        ("The second country agreed.", "Which two countries agreed?", True),  # "countries" -> "country(ies)"
        # The asked noun inside the item does not make it one of the things asked for.
        ("The first is the status of the contested regions: Crimea and the LNR.", "Which two regions are republics?", False),
        ("The second problematic issue is security.", "What is the problematic issue?", False),  # no count asked
        ("Security is the second problematic issue.", "What are the two problematic issues?", False),  # not an item
    ],
)
def test_an_item_naming_the_things_asked_a_count_of(sentence, question, names):
    assert names_asked_item(sentence, question) is names


@pytest.mark.model
def test_an_item_naming_what_is_asked_leads_and_brings_its_sibling(built_index):
    import qa
    from qa.answering.answerer import check_citations

    result = qa.answer("What are the two problematic issues in the negotiations?", index=built_index.index)
    assert result.text.startswith("The first is the status of the contested regions")
    assert "The second problematic issue is how to arrange security guarantees" in result.text
    assert "Together, the military support" not in result.text and check_citations(result) == []


def test_an_item_cut_by_the_window_edge_is_never_brought():
    from qa.answering.enumeration import REACH

    announcement = "There are two problems."
    filler = "Nothing is listed here. " * ((REACH - 30) // 24)
    item = "First, only the United States and NATO can restore the balance of deterrence, threatening Russia."
    text = f"{announcement} {filler}{item}"
    spans = listed_items(text, 0, len(announcement))
    # The item straddles start + REACH: a cut sentence ("… the balance of deterrenc") is no item.
    assert all(text[s:e] == item for s, e in spans)
    assert len(announcement) + REACH < len(text)


def test_a_question_ending_on_include_asks_for_what_is_included():
    from qa.answering.enumeration import asks_included

    assert asks_included("What did Biden's visit to Europe include?")
    assert not asks_included("Which nation contains the majority of the amazon forest?")  # the verb is not last


AIMS = "Their goal should be to end the war, ensure Ukraine's security and stabilise the antagonism with Russia."
WHOLE_COMPONENTS = ("The plan rotates around three main components: an end to the invasion, Ukraine's neutrality and the "
              "status of the contested regions of Crimea and the two self-styled independent republics of Donetsk.")


@pytest.mark.parametrize(
    ("sentence", "question", "listed"),
    [
        (AIMS, "What three aims does Alcaro set for Western governments?",
         "to end the war, ensure Ukraine's security and stabilise the antagonism with Russia"),
        (AIMS, "What are Alcaro's three goals?", "to end the war, ensure Ukraine's security and stabilise the antagonism with Russia"),
        (WHOLE_COMPONENTS, "What are the three components of the plan?",
         "an end to the invasion, Ukraine's neutrality and the status of the contested regions of Crimea and the two "
         "self-styled independent republics of Donetsk"),
        ("The industry is divided into three subsectors: building, civil engineering and specialty trades.",
         "What are the three subsectors?", "building, civil engineering and specialty trades"),  # the colon, not "is"
        # An "and" inside an item: the list read as three items does not end where the clause does.
        ("It is divided into three subsectors: building construction, heavy and civil engineering construction, "
         "and specialty trade contractors.", "What are the three subsectors?", None),
        (AIMS, "What four aims does Alcaro set?", None),  # three items, four asked for
        (AIMS, "What two aims does Alcaro set?", None),  # a pair is no list to count
        (AIMS, "What aims does Alcaro set?", None),  # no count asked
        ("The sides met in Istanbul, Ankara and Minsk.", "What three cities hosted talks?", None),  # no copula or colon opens it
    ],
)
def test_a_list_of_as_many_items_as_the_question_counts(sentence, question, listed):
    found = counted_list(sentence, question)
    assert cut(sentence, found) == listed


@pytest.mark.model
def test_a_counted_question_is_answered_by_the_list_of_that_many_items(built_index):
    import qa

    result = qa.answer("What three aims does Alcaro set for Western governments?", index=built_index.index)
    assert result.short is not None
    assert result.short.text == "to end the war, ensure Ukraine's security and stabilise the antagonism with Russia"


@pytest.mark.parametrize(
    ("sentence", "span", "members"),
    [
        (PLAN, "compromises",
         "commitments from Ukraine that it would not join NATO, develop nuclear capabilities or host foreign military bases"),
        ("Teachers may join trade unions such as ATL, NUT or NASUWT.", "trade unions", "ATL, NUT or NASUWT"),
        # A list that runs on into another clause is not the members (XQuAD).
        ("Teachers may join trade unions such as ATL, NUT or NASUWT and reports in recent years suggest that the "
         "average age of teachers in Wales is falling.", "trade unions", None),
        ("Teachers may join trade unions, including ATL, NUT or NASUWT, and reports suggest that they are younger.",
         "trade unions", None),
        ("Teachers may join trade unions, including the NUT.", "trade unions", None),  # one member is no list
        (PLAN, "a set", None),  # no plural kind
        ("Stinger systems, including Javelin missiles, tactical drones and anti-armor weapons, arrived.", "Stinger systems",
         None),  # a name, not a kind alone
    ],
)
def test_the_members_a_sentence_lists_right_after_the_kind(sentence, span, members):
    start = sentence.index(span)
    found = members_listed(sentence, start, start + len(span))
    assert cut(sentence, found) == members


@pytest.mark.model
def test_what_someone_did_is_the_list_of_members_not_their_kind(built_index):
    import qa

    # It had bolded "compromises"; what was promised is what the commitments hold, not their noun.
    result = qa.answer("What did Ukraine promise in the 10-point plan?", index=built_index.index)
    assert result.short is not None and result.short.text.startswith("not join NATO, develop nuclear capabilities")


GUARANTORS = ("In exchange, the plan envisions, Russia would allow for security guarantees for the protection of "
              "Ukrainian territory, including a NATO-type collective defense agreement between Ukraine and potential "
              "guarantor countries such as Britain, China, Russia and the United States.")


@pytest.mark.parametrize(
    ("question", "members"),
    [
        ("Who might guarantee Ukraine's security under that plan?", "Britain, China, Russia and the United States"),
        ("Who would act as guarantors?", "Britain, China, Russia and the United States"),
        # The words before the list name no kind the question asks for.
        ("Who proposed the defence agreement?", None),
        ("Which countries might guarantee Ukraine's security?", None),  # not a who-question: `included_list`
    ],
)
def test_a_who_question_takes_every_member_of_the_kind_it_asks_for(question, members):
    assert cut(GUARANTORS, members_of_kind_asked(GUARANTORS, question)) == members


@pytest.mark.parametrize(
    ("sentence", "announced"),
    [
        ("However, there are two major sticking points.", "two major sticking points"),
        ("Two main variables are going to impact the war's trajectory.", "Two main variables"),
        ("The plan rotates around three main components: an end to the invasion, …", None),  # the items follow
        ("The sides met for a sixth time.", None),
    ],
)
def test_the_words_that_announce_items(sentence, announced):
    from qa.answering.enumeration import announcement

    span = announcement(sentence)
    assert (sentence[span[0] : span[1]] if span else None) == announced

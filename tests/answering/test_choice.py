import pytest

from qa.answering.choice import Choice, amount, choice_asked, chosen_option

US = "The United States has already provided more than $2 billion in security aid to Ukraine, including Stinger systems."
EU = "For its part, the European Union agreed to deliver a nearly $1 billion package, approving the shipment."
SBER = "Imposing the same costs on Sberbank, Russia’s largest bank, as well as other large banks would hurt."
VTB = "So far, of the five largest Russian banks, only VTB — the second-largest — has been fully blocked."
MINSK = "A starting point could be the now-defunct 2015 Minsk agreements, signed by Ukraine and Russia."
BUDAPEST = "The Budapest memorandum, which Russia signed in 1994 as part of Ukraine’s surrender of nuclear weapons, failed."


@pytest.mark.parametrize(
    ("question", "choice"),
    [
        ("Who has given more aid, the US or the EU?", Choice(True, ("US", "EU"))),
        ("Which is larger, the US aid or the EU package?", Choice(True, ("US aid", "EU package"))),
        ("Who gave more?", Choice(True, ())),
        ("And which is smaller?", Choice(False, ())),
        # No comparative, a long head without options, or options that are no short names.
        ("Who gave aid, the US or the EU?", None),
        ("Which countries besides the US have sent more weapons to Ukraine this year?", None),
        ("What are numbers greater than 1 that can be divided by 3 or more numbers called?", None),
        # Comparatives of time, between two options named.
        ("Which is older, the Minsk deal or the Budapest memorandum?", Choice(False, ("Minsk deal", "Budapest memorandum"), by_year=True)),
        ("Which came later, Minsk or Budapest?", Choice(True, ("Minsk", "Budapest"), by_year=True)),
        ("Which is older?", None),
    ],
)
def test_a_choice_question_names_its_comparative_and_its_options(question, choice):
    assert choice_asked(question) == choice


@pytest.mark.parametrize(
    ("text", "value"),
    [("more than $2 billion in aid", 2e9), ("a nearly $1 billion package", 1e9), ("up to ten million people", 1e7),
     ("around 6–7,000 soldiers", 6.0), ("no amount", None)],
)
def test_an_amount_is_read_with_its_scale(text, value):
    assert amount(text) == value


@pytest.mark.parametrize(
    ("sentences", "question", "option"),
    [
        ([US, EU], "Who has given more aid, the US or the EU?", "United States"),
        ([EU, US], "Which is larger, the EU package or the US aid?", "United States"),
        ([US, EU], "Who gave more?", "United States"),  # the subjects of the sentences quoted
        ([US, EU], "Who gave less?", "European Union"),
        ([VTB, SBER], "Which bank is larger, Sberbank or VTB?", "Sberbank"),  # by rank
        # One option named, both in one sentence, or nothing to compare.
        ([VTB], "Which bank is larger, Sberbank or VTB?", None),
        (["Sberbank and VTB gave $1 billion."], "Who gave more, Sberbank or VTB?", None),
        (["Poland sent weapons.", "Germany sent supplies."], "Who sent more?", None),
        # By the years written beside each (it had bolded "Russia").
        ([MINSK, BUDAPEST], "Which is older, the Minsk deal or the Budapest memorandum?", "Budapest"),
        ([BUDAPEST, MINSK], "Which came later, the Budapest memorandum or the Minsk agreements?", "Minsk"),
        (["The Minsk agreements failed.", BUDAPEST], "Which is older, the Minsk deal or the Budapest memorandum?", None),
    ],
)
def test_the_option_the_sentences_show_is_the_greater(sentences, question, option):
    choice = choice_asked(question)
    assert choice is not None
    found = chosen_option(sentences, choice)
    assert (sentences[found[0]][found[1] : found[2]] if found else None) == option


@pytest.mark.model
def test_who_gave_more_after_two_amounts_is_the_greater_giver(built_index):
    import qa

    history: list[dict[str, str]] = []
    for question in ("What is the value of the European Union's package?", "And the American aid?"):
        reply = qa.answer(question, history=history, index=built_index.index)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": reply.text}]
    # It had bolded "the European Union".
    more = qa.answer("Who gave more?", history=history, index=built_index.index)
    assert more.short is not None and more.short.text == "United States"
    both = qa.answer("Who has given more aid, the US or the EU?", index=built_index.index)
    assert both.short is not None and both.short.text == "United States"  # it had bolded "Ukraine"


def test_an_option_singled_out_is_the_greater():
    both = "Both sides have lost enormous amounts of military equipment, especially Russia."
    choice = choice_asked("Who has lost more equipment, Russia or Ukraine?")
    assert choice is not None
    found = chosen_option([both], choice)
    assert found is not None and both[found[1] : found[2]] == "Russia"
    # A superlative "what" question asks for a thing, not which of two.
    assert choice_asked("What does Ukraine need most now?") is None


@pytest.mark.model
def test_a_choice_quotes_what_is_said_of_each_option(built_index):
    import qa

    # The VTB sentence alone had answered, with "the five largest Russian" in bold.
    answer = qa.answer("Which bank is larger, Sberbank or VTB?", index=built_index.index)
    assert answer.short is not None and answer.short.text == "Sberbank"
    assert "VTB — the second-largest" in answer.text and "Sberbank, Russia’s largest bank" in answer.text
    equipment = qa.answer("Who has lost more equipment, Russia or Ukraine?", index=built_index.index)
    assert equipment.short is not None and equipment.short.text == "Russia"  # "…, especially Russia"

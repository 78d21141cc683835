"""The short answer: which questions get one, how a span is cut from a sentence, and the real reader."""

from __future__ import annotations

import json

import pytest

from qa.answering.answerer import answer, check_citations
from qa.answering.reader import _whole_words, decode, get_reader, wants_short
from qa.settings import AnswerSettings


@pytest.mark.parametrize(
    "question",
    [
        "Which bank is Russia's largest?",
        "What role does John Elway currently have in the Broncos franchise?",  # a post, not a part played
        "How many points does the peace plan have?",
        "When did the talks in Istanbul take place?",
        "Who is the author of the IAI commentary?",
        "What did the US announce on 16 March 2022?",
        "How much money did the EU pledge?",
        "What do the two commentaries suspect Russia is using the talks for?",
        "What did Lavrov say about Crimea?",
        # an opinion word, but a thing is asked: which one, or what someone thought a thing was
        "Which American show changed the views of Romanians during the cold war?",
        "What did Mote think the Yuan class system really represented?",
        "Who argues that Russia is stalling the talks?",
        "What reason did he give?", "Who raised the objection?",
        "What does the word prime generally suggest?",  # XQuAD: "minimality or indecomposability"
        # "about" stranded after a verb asks for a thing (XQuAD).
        "What was Luther worried about?", "What were high court proceedings being held about?",
        # Typed without a question mark, still a question.
        "Whats the largest russian bank", "how many soldiers did russia loose",
        # "like" and "mean" that ask for a thing (XQuAD).
        "The Mitchell Tower is designed to look like what Oxford tower?", "What does 'plastid' mean?",
        "What does it mean for a knot to be considered indecomposable?",
    ],
)
def test_questions_asking_for_a_thing_want_a_short_answer(question):
    assert wants_short(question)


@pytest.mark.parametrize(
    "question",
    [
        "Why did the talks stall?",
        "How does the author see the negotiations?",
        "Is Ukraine going to join NATO?",
        "Does the commentary mention China?",
        "What does the author think about neutrality?",
        "Summarise the IAI commentary",
        "What are the main sticking points?",
        "Explain the security guarantees",
        "Compare the two commentaries",
        "What happened in Istanbul?",
        "What would happen if Russia regains the upper hand?",
        "What did the United States do after the invasion?",
        "What does Ukraine need to do?",
        "What must Russia do to have sanctions lifted?",  # had bolded "its forces"
        "What does the author recommend the US and Europe do?",
        "What did Peskov say?",
        "What has Zelensky proposed?",
        "Tell me more about the second one.",
        "What is Zelensky's position on neutrality?",  # had been "the Ukrainian people support"
        "What is Russia's stance on the talks?",
        "What does he think of the plan?",
        "Beyond neutrality, how does the Kremlin want Ukraine's armed forces to end up?",
        "According to the April piece, why did the talks stall?",
        "What does Alcaro think?",
        "What does the author think that Russia wants?",
        "What role does the West's military assistance play?",  # had bolded "Ukraine"
        "What's the relationship between battlefield losses and diplomacy?",  # had bolded "Russia"
        "What were the Minsk agreements meant to do?",  # an action: had bolded "Ukraine and Russia"
        "What are they about to do there?",  # an action: had bolded "north and east"
        "What is the difference between the 10-point plan and the 15-point plan?",  # had bolded "Ukrainian"
        "What is Russia doing in the south?",  # an action: had bolded "north and east"
        "What does the author mean by hard power?",  # an explanation: had bolded "time"
        "What is the NATO-type agreement about?",  # a description: had bolded "potential guarantor countries"
        "What effect have the sanctions on oligarchs had?",  # a consequence: had bolded "the ground"
        "What did Ukraine's 10-point plan offer?",  # what it said: had bolded "compromises"
        "What is Russia's war like now?",  # a description: had bolded "shock and awe"
        "What would a return to the 2014 borders mean?",  # a consequence: had bolded "possible resolution"
        "What was his objection to the Ukrainian plan?",  # an argument: had bolded "Kremlin"
        "What did Ukraine offer in Istanbul?",  # what it said, wherever: had bolded "air defense systems …"
        "What has the EU done that it never did before?",  # an action: had bolded "deliver a nearly $1 billion package"
        "What does that suggest about the talks?",  # a conclusion: had bolded "doing another, the negotiations"
        "What is the main reason for the shift?",
        "What was the purpose of the 1994 memorandum?",  # what it sought to do: had bolded "The Budapest memorandum"
        "What is the significance of the Budapest memorandum?",  # had bolded "as part of Ukraine"
        "What purpose does the SWIFT system serve?",  # had bolded "to further increase pressure on Russian banks …"
        "What is happening in the south?",  # an event: had bolded "north and east"
        # A request for the documents' words: "time" had been bolded from "… time and again …".
        "Quote what the April piece says about Putin and hard power.",
        "Cite the sentence about the Budapest memorandum.",
        "Enumerate the US weapons sent to Ukraine.",  # a list: had bolded "supplies and other equipment"
        "What message did Biden send to Beijing?",  # what a message says: had bolded "US warnings"
        "In what ways might NATO become directly involved?",  # how: had bolded "Russia"
        "And is ruling out negotiations wise?",  # yes or no after "And": had bolded "entirely the option"
        "What reason might Zelensky have for insisting on a popular vote?",  # had bolded "go through this formal process"
        "What could pull NATO directly into the war?",  # what would lead to it: had bolded "Russia"
        "What would force the Kremlin to settle for less than subjugating Ukraine?",  # a condition: had bolded "outcomes"
        "What does the 15-point plan mean for the Russians?",  # what it is to them: had bolded "time"
        # A few words typed as a search ask for no one thing.
        "javelin stinger", "crimea status", "budapest memorandum 1994",
    ],
)
def test_reasons_opinions_yes_no_and_lists_get_no_short_answer(question):
    assert not wants_short(question)


def _decode(sentence: str, spans: list[tuple[int, int]], best: tuple[int, int]):
    """decode() over tokens with the given character offsets, the best start/end at `best`."""
    n = len(spans)
    start = [5.0 if i == best[0] else 0.0 for i in range(n)]
    end = [5.0 if i == best[1] else 0.0 for i in range(n)]
    return decode(sentence, spans, [True] * n, start, end, max_tokens=15)


def test_a_span_is_widened_to_whole_words_and_trimmed_of_punctuation():
    sentence = "The bank, Sberbank, is largest."
    # Tokens: "The" "bank" "," "Sber" "##bank" "," ...; the reader marks only "##bank," -> the whole word.
    spans = [(0, 3), (4, 8), (8, 9), (10, 14), (14, 18), (18, 19), (20, 22), (23, 30), (30, 31)]
    span = _decode(sentence, spans, (4, 5))
    assert sentence[span.start : span.end] == "Sberbank"
    assert 0.0 < span.score <= 1.0


def test_markdown_emphasis_is_trimmed_from_a_span():
    sentence = "IAI publishes a quarterly (*The International Spectator*), and more."
    at = sentence.index("The")
    spans = _word_spans(sentence)
    first = next(k for k, s in enumerate(spans) if s[0] == at)
    span = _decode(sentence, spans, (first, first + 3))  # "The International Spectator" "*"
    assert sentence[span.start : span.end] == "The International Spectator"


def _word_spans(sentence: str) -> list[tuple[int, int]]:
    import re

    return [m.span() for m in re.finditer(r"\w[\w-]*|[^\w\s]", sentence)]


@pytest.mark.parametrize(
    ("sentence", "marked", "expected"),
    [
        ('A fourth element – what the Russian propaganda dubs "de-Nazification" – was dropped.',
         "Russian propaganda dubs", "de-Nazification"),
        ("The area it calls “the near abroad” matters.", "it calls", "the near abroad"),
        ('What the Russian propaganda dubs "de-Nazification" was dropped.', "Russian propaganda", "Russian propaganda"),
        ("The press dubs him a hero.", "The press dubs", "The press dubs"),  # no quotation follows
    ],
)
def test_a_span_ending_on_a_naming_verb_gives_the_name_quoted_after_it(sentence, marked, expected):
    spans = _word_spans(sentence)
    a = sentence.index(marked)
    first = next(i for i, (s, _) in enumerate(spans) if s == a)
    last = next(i for i, (_, e) in enumerate(spans) if e == a + len(marked))
    span = _decode(sentence, spans, (first, last))
    assert sentence[span.start : span.end] == expected


def test_a_final_full_stop_of_an_abbreviation_stays():
    sentence = "It was sent by the U.S."
    spans = [(0, 2), (3, 6), (7, 11), (12, 14), (15, 18), (19, 20), (20, 21), (21, 22), (22, 23)]
    span = _decode(sentence, spans, (5, 8))
    assert sentence[span.start : span.end] == "U.S."


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("711", "711", "711,988"),  # the reader marked only the thousands
        ("988", "988", "711,988"),
        ("56", "56", "56.2"),
        ("1901", "1901", "1901"),  # a comma after a number, then a space, is punctuation
    ],
)
def test_a_number_is_not_cut_at_its_separators(first, last, expected):
    assert _read("In 1901, Warsaw had 711,988 inhabitants, 56.2% of them Catholic.", first, last) == expected


def _words(sentence: str) -> list[tuple[int, int]]:
    import re

    return [m.span() for m in re.finditer(r"\w+|[^\w\s]", sentence)]


def _read(sentence: str, first: str, last: str) -> str:
    """The short answer decode() makes of a reader marking the words `first` to `last`."""
    words = _words(sentence)
    texts = [sentence[a:b] for a, b in words]
    span = _decode(sentence, words, (texts.index(first), texts.index(last)))
    return sentence[span.start : span.end]


@pytest.mark.parametrize(
    "sentence, first, last, expected",
    [
        # The closing bracket just after the span is taken in.
        ("It uses variable lymphocyte receptors (VLRs) instead.", "variable", "VLRs", "variable lymphocyte receptors (VLRs)"),
        # No closing bracket near: the span stops before the opening one.
        ("In Ogród Saski (the Saxon Garden, a park in the middle of the old town of Warsaw, stood a theatre.",
         "Ogród", "Garden", "Ogród Saski"),
        # A bracket the span did not open ends it.
        ("It showed English Premier League Football), films and series.", "English", "films", "English Premier League Football"),
        ("The court [it said so] agreed.", "court", "said", "court [it said so]"),
    ],
)
def test_a_span_has_its_brackets_paired(sentence, first, last, expected):
    assert _read(sentence, first, last) == expected


@pytest.mark.parametrize(
    "sentence, first, last, expected",
    [
        # Starting inside a quotation and running past it: the opening mark is taken in.
        ('They accused the Ukrainians of advancing "unrealistic" demands.', "unrealistic", "demands", '"unrealistic" demands'),
        ("It is a type of “blood poisoning” in the body.", "blood", "body", "“blood poisoning” in the body"),
        # Opening a quotation and stopping inside it: the closing mark is taken in.
        ('It is a type of "blood poisoning" today.', "type", "poisoning", 'type of "blood poisoning"'),
        # Wholly inside or wholly outside: as it is.
        ('Lavrov said it was "settled for good" then.', "Lavrov", "said", "Lavrov said"),
    ],
)
def test_a_span_has_its_quotation_marks_paired(sentence, first, last, expected):
    assert _read(sentence, first, last) == expected


@pytest.mark.parametrize(
    "first, last, expected",
    [
        ("Global", "the", "Global Actors programme"),
        ("Research", "and", "Research Coordinator"),
        ("Research", "Head", "Research Coordinator and Head"),  # a conjunction inside stays
    ],
)
def test_a_span_never_ends_on_an_article_preposition_or_conjunction(first, last, expected):
    sentence = "Alcaro is Research Coordinator and Head of Global Actors programme at the IAI."
    assert _read(sentence, first, last) == expected


@pytest.mark.parametrize(
    "first, last, expected",
    [
        ("militarily", "diplomacy", "it will have no need to continue to engage in diplomacy"),
        ("militarily", "militarily", "militarily"),  # the adverb alone stays
        ("upper", "militarily", "upper hand militarily"),  # the adverb at the end stays
    ],
)
def test_a_span_never_starts_on_an_adverb_closing_the_clause_before(first, last, expected):
    sentence = "But if Russia regains the upper hand militarily, it will have no need to continue to engage in diplomacy."
    assert _read(sentence, first, last) == expected


@pytest.mark.parametrize(
    "first, last, expected",
    [
        ("March", "2022", "20 March 2022"),  # a date is taken in whole
        ("20", "March", "20 March 2022"),
        ("figures", "figures", "figures"),  # a span away from the date is left alone
    ],
)
def test_a_span_touching_a_date_takes_the_whole_date(first, last, expected):
    sentence = "The OHCHR figures date from 20 March 2022, the report says."
    assert _read(sentence, first, last) == expected


def test_a_span_inside_a_web_address_is_passed_over():
    sentence = "Dan Balz, in The Washington Post, <https://www.washingtonpost.com/politics/ukraine-zelensky-speech-biden>."
    words = _words(sentence)
    texts = [sentence[a:b] for a, b in words]
    n = len(words)
    start = [0.0] * n
    end = [0.0] * n
    start[texts.index("ukraine")], end[texts.index("biden")] = 9.0, 9.0  # the reader's best: in the address
    start[texts.index("Washington")], end[texts.index("Post")] = 5.0, 5.0  # its next best
    span = decode(sentence, words, [True] * n, start, end, max_tokens=15)
    assert sentence[span.start : span.end] == "The Washington Post"  # its next best, with the whole name


def test_a_span_never_crosses_a_line_break():
    sentence = "22 March 2022\n\nIstituto Affari Internazionali is based in Rome."
    spans = [(0, 2), (3, 8), (9, 13), (15, 23), (24, 30), (31, 45), (46, 48), (49, 54), (55, 57), (58, 62)]
    crossing = _decode(sentence, spans, (2, 4))  # "2022\n\nIstituto Affari": passed over
    assert crossing is not None and "\n" not in sentence[crossing.start : crossing.end]


def test_a_span_is_never_longer_than_max_tokens():
    sentence = "one two three four five"
    spans = [(0, 3), (4, 7), (8, 13), (14, 18), (19, 23)]
    start = [9.0, 0, 0, 0, 0]
    end = [0, 0, 0, 0, 9.0]
    span = decode(sentence, spans, [True] * 5, start, end, max_tokens=2)
    assert span.end - span.start <= len("one two")


@pytest.mark.parametrize(
    ("sentence", "first", "last", "expected"),
    [
        ("But Kremlin spokesman Dmitry Peskov pushed back.", "Dmitry", "Dmitry", "Dmitry Peskov"),
        ("But Kremlin spokesman Dmitry Peskov pushed back.", "Peskov", "Peskov", "Dmitry Peskov"),
        ("It was President Joe Biden who spoke.", "Biden", "Biden", "Joe Biden"),  # not the title
        ("Sergei Lavrov said it was settled.", "Lavrov", "Lavrov", "Lavrov"),  # a first word says nothing
        ('"Russia Close to Agreement, Says Turkey", in Al Jazeera.', "Turkey", "Turkey", "Turkey"),  # a headline
        ("The gardens of the Saxon Garden were open.", "Garden", "Garden", "Saxon Garden"),
        ("The talks were held in Istanbul on Tuesday.", "held", "held", "held"),
        # "for" or "of" joins the parts of one name, unless a word in lower case follows that they qualify.
        ("³ United Nations High Commissioner for Refugees, *Portal*.", "United", "Commissioner",
         "United Nations High Commissioner for Refugees"),
        ("It set up the European Court of Human Rights in 1959.", "European", "Court", "European Court of Human Rights"),
        ("The Tsui Gallery of Chinese art opened in 1991.", "Tsui", "Gallery", "Tsui Gallery"),
        # A name after "the": the whole name, not "the United" (nor a capitalised word before "the").
        ("Though the United States has stopped oil imports, Europe has not.", "the", "United", "the United States"),
        # A short quoted phrase is taken in whole; a headline or a quoted sentence is not.
        ("Lavrov said Crimea was “settled for good” (it’s not).", "good", "good", "settled for good"),
        ('Lavrov said Crimea was "settled for good." Peskov agreed.', "for", "good", "settled for good"),
        ("He wrote “the war is in its fifth week, and the talks have stalled since March”.", "fifth", "week", "fifth week"),
    ],
)
def test_a_span_takes_in_the_whole_name_it_touches(sentence, first, last, expected):
    assert _read(sentence, first, last) == expected


def test_a_length_penalty_prefers_the_shorter_of_two_close_spans_and_keeps_the_margin():
    sentence = "It has about 63% efficiency."
    words = _words(sentence)
    offsets = [(0, 0), *words]  # position 0 is [CLS]
    texts = [sentence[a:b] for a, b in offsets]
    start = [1.0] + [0.0] * len(words)
    end = [1.0] + [0.0] * len(words)
    start[texts.index("about")], start[texts.index("63")] = 5.0, 4.8
    end[texts.index("%")] = 5.0
    segment = [False] + [True] * len(words)
    plain = decode(sentence, offsets, segment, start, end, max_tokens=15)
    short = decode(sentence, offsets, segment, start, end, max_tokens=15, length_penalty=0.25)
    assert sentence[plain.start : plain.end] == "about 63%"
    assert sentence[short.start : short.end] == "63%"
    assert short.margin == plain.margin == 8.0


@pytest.mark.parametrize(
    ("question", "several"),
    [
        ("Which countries could act as guarantors?", True),
        ("What two treaties formed the EU?", True),
        ("Which summits is Biden visiting Europe for?", True),
        ("What is the capital of France?", False),
        ("What was the percentage?", False),
        ("Which bank is Russia's largest?", False),
        ("What does the plan say?", False),
        ("What weapons has the US sent?", True),
        ("What types of weapons?", True),
        ("Which countries?", True),
        ("What are two examples of cytotoxic drugs?", True),
        ("What were the three parts of Kublai's government?", True),
        ("What are some large pharmacy management companies?", True),
        ("What are the sanctions?", False),
        # A verb ending in s, or an adjective, after the wh-word: not a plural noun.
        ("What surrounds chloroplasts?", False),
        ("What happens to the packet?", False),
        ("What explains the Russian army's weak showing?", False),
        ("Which famous Indian practiced civil disobedience?", False),
        # After "which" a plural noun is asked for, whatever follows it; a name is not a plural.
        ("Which countries show that sanctions fail?", True), ("Which major cities in Europe survived?", True),
        ("Which Panthers player got a penalty?", False),
        # Asked as a request.
        ("Name the guarantor countries mentioned.", True), ("List all the weapons sent.", True), ("Name the author.", False),
        # "Who are the <plural>?"
        ("Who are the potential guarantors?", True), ("Who is the president?", False), ("Who are they?", False),
        ("Who are the guarantor countries in the Ukrainian plan?", True), ("Who is the president of France?", False),
    ],
)
def test_a_question_asking_for_several_things_is_told(question, several):
    from qa.answering.types import asks_for_several

    assert asks_for_several(question) is several


@pytest.mark.model
def test_a_request_for_a_list_is_answered_by_the_whole_list(built_index):
    result = answer("Name the guarantor countries mentioned.", index=built_index.index)
    assert result.short is not None and result.short.text == "Britain, China, Russia and the United States"


@pytest.fixture(scope="module")
def reader():
    loaded = get_reader()
    assert loaded is not None, "the shipped span reader must load"
    return loaded


@pytest.mark.model
def test_the_reader_marks_the_answer_in_a_sentence(reader):
    sentences = [
        "Sberbank, Russia's largest bank, was cut off from the dollar system.",
        "The talks were held in Istanbul on 29 March 2022.",
    ]
    spans = reader.spans("Which bank is Russia's largest?", sentences[:1])
    assert sentences[0][spans[0].start : spans[0].end] == "Sberbank"
    spans = reader.spans("Where were the talks held?", sentences[1:])
    assert sentences[1][spans[0].start : spans[0].end] == "Istanbul"


def test_the_margin_weighs_the_best_span_against_no_answer():
    sentence = "Sberbank is the largest bank."
    words = _words(sentence)
    offsets = [(0, 0), *words]  # position 0 is [CLS], outside the sentence
    segment = [False] + [True] * len(words)
    start, end = [0.0] * len(offsets), [0.0] * len(offsets)
    start[1] = end[1] = 4.0  # "Sberbank"
    answers = decode(sentence, offsets, segment, start, end, max_tokens=15)
    assert sentence[answers.start : answers.end] == "Sberbank" and answers.margin == 8.0
    start[0] = end[0] = 6.0  # "no answer" wins
    assert decode(sentence, offsets, segment, start, end, max_tokens=15).margin == -4.0


@pytest.mark.model
def test_the_reader_tells_the_answering_sentence(reader):
    assert reader.tells_answering
    sentences = [
        "Sberbank, Russia's largest bank, was cut off from the dollar system.",
        "The talks were held in Istanbul on 29 March 2022.",
    ]
    bank, talks = reader.spans("Which bank is Russia's largest?", sentences)
    assert bank.margin > 0 > talks.margin


@pytest.mark.model
def test_a_pair_read_again_is_not_run_again(reader, monkeypatch):
    runs = []
    logits = reader.logits
    monkeypatch.setattr(reader, "logits", lambda batch: runs.append(len(batch.input_ids)) or logits(batch))
    question = "Where were the talks of 29 March held?"
    sentences = ["The talks were held in Istanbul.", "They ended without a deal."]
    first = reader.spans(question, sentences)
    again = reader.spans(question, sentences[:1], lambda text: True)
    assert runs == [2] and again[0] == first[0]
    reader.spans("Where were the talks held?", sentences[:1])  # another question is read anew
    assert runs == [2, 1]
    reader.clear_cache()  # benchmarks measure reading: after clearing, a pair is read again
    reader.spans(question, sentences[:1])
    assert runs == [2, 1, 1]


@pytest.mark.model
def test_short_answer_is_a_cited_span_and_part_of_to_dict(built_index):
    result = answer("Which bank is Russia's largest?", index=built_index.index)
    assert not result.abstained and result.short is not None
    assert "sberbank" in result.short.text.lower()
    assert check_citations(result) == []
    passage = result.citations[result.short.citation - 1]
    assert passage.text[result.short.passage_start : result.short.passage_end] == result.short.text
    data = json.loads(json.dumps(result.to_dict()))
    assert data["short"]["text"] == result.short.text


@pytest.mark.model
def test_no_short_answer_for_a_why_question_or_when_turned_off(built_index):
    assert answer("Why did the peace talks stall?", index=built_index.index).short is None
    off = AnswerSettings(short_answers=False)
    assert answer("Which bank is Russia's largest?", index=built_index.index, settings=off).short is None



@pytest.mark.model
def test_a_nationality_is_no_short_answer_to_which_country(built_index):
    from qa.answering.types import nationality_for_country

    question = "Which country hosted the negotiations?"
    result = answer(question, index=built_index.index)
    assert result.short is None or not nationality_for_country(result.short.text, question), result.short


def test_a_short_answer_outside_its_cited_passage_is_reported():
    from dataclasses import replace

    from qa.answering.answerer import Answer, Short, Support
    from qa.retrieval.retriever import Passage

    text = "Sberbank is the largest bank."
    passage = Passage(
        id="p1", text=text, doc_id="d", title="T", date=None, publisher=None, author=None, start=0, end=len(text),
        kind="body", paragraph=1, page=None, section=None, footnote=None, score=1.0, rank=1,
    )
    support = Support(text, 1, "p1", "d", 0, len(text), 0, len(text), 1.0)
    good = Short("Sberbank", 1, "p1", "d", 0, 8, 0, 8, 0.9)
    result = Answer("q", f"{text} [1]", [passage], [support], False, 1.0, short=good)
    assert check_citations(result) == []
    assert check_citations(replace(result, short=replace(good, text="VTB"))) != []
    assert check_citations(replace(result, short=replace(good, citation=2))) != []


def test_a_footnote_number_before_a_name_is_trimmed():
    sentence = "⁸ Max Seddon wrote it."
    spans = [(0, 1), (2, 5), (6, 12), (13, 18), (19, 21), (21, 22)]
    span = _decode(sentence, spans, (0, 2))
    assert sentence[span.start : span.end] == "Max Seddon"


@pytest.mark.model
def test_a_short_answer_never_only_repeats_the_question(built_index):
    result = answer("What did the US announce on 16 March 2022?", index=built_index.index)
    if result.short is not None:
        asked = {w.lower() for w in "What did the US announce on 16 March 2022".split()}
        assert not {w.lower() for w in result.short.text.replace(",", " ").split()} <= asked


@pytest.mark.model
def test_a_follow_up_may_take_its_answer_from_the_sentence_that_gave_the_earlier_one(built_index):
    # The chat's reply leads with its short answer in bold: only that answered the question before.
    history = [
        {"role": "user", "content": "Who signed the Budapest memorandum?"},
        {"role": "assistant", "content": "**Russia** \\[1\\]\n\nThe Budapest memorandum, which Russia signed in 1994 as part of "
         "Ukraine’s surrender of Soviet nuclear weapons based there, sought to provide such assurances. \\[1\\]"},
    ]
    result = answer("When was it signed?", history=history, index=built_index.index)
    assert result.short is not None and result.short.text == "1994"
    # A span that holds the earlier answer repeats it, whatever it adds ("6–7,000 soldiers each").
    history = [
        {"role": "user", "content": "How many soldiers has Russia lost?"},
        {"role": "assistant", "content": "**around 6–7,000** \\[1\\]\n\nWhile figures are impossible to independently verify, "
         "Russian and Ukrainian forces are estimated to have lost around 6–7,000 soldiers each. \\[1\\]"},
    ]
    result = answer("And civilians?", history=history, index=built_index.index)
    assert result.short is None or "7,000" not in result.short.text


@pytest.mark.model
def test_a_follow_up_may_ask_for_a_name_in_the_description_the_earlier_reply_gave(built_index):
    # "What is the Budapest memorandum?" asked what it is: "Russia", in its reply, answered nothing.
    earlier = "What is the Budapest memorandum?"
    reply = answer(earlier, index=built_index.index)
    assert reply.short is None and "Russia signed" in reply.text
    history = [{"role": "user", "content": earlier}, {"role": "assistant", "content": reply.text}]
    result = answer("Who signed it?", history=history, index=built_index.index)
    assert result.short is not None and result.short.text == "Russia"


@pytest.mark.model
def test_a_plain_text_reply_answered_only_what_the_reader_finds_in_it_for_its_question(built_index):
    # A reply without its short answer marked (the Python API's text): what it answered is found
    # again, so the rest of its sentence may answer the follow-up.
    earlier = "Who signed the Budapest memorandum?"
    reply = answer(earlier, index=built_index.index)
    assert reply.short is not None and reply.short.text == "Russia"
    history = [{"role": "user", "content": earlier}, {"role": "assistant", "content": reply.text}]
    result = answer("When was it signed?", history=history, index=built_index.index)
    assert result.short is not None and result.short.text == "1994"
    # The earlier answer's hedge alone answers nothing, and its number is not this answer.
    earlier = "How many soldiers has each side lost?"
    reply = answer(earlier, index=built_index.index)
    assert reply.short is not None and "6–7,000" in reply.short.text
    history = [{"role": "user", "content": earlier}, {"role": "assistant", "content": reply.text}]
    result = answer("And civilians?", history=history, index=built_index.index)
    assert result.short is None or ("7,000" not in result.short.text and result.short.text != "around")


def test_an_earlier_question_is_read_without_its_question_word_by_a_follow_up_asking_its_own():
    from qa.answering.answerer import _follow_up

    context = ["How much security aid has the United States given Ukraine?"]
    history = [{"role": "user", "content": context[0]}, {"role": "assistant", "content": "More than $2 billion."}]
    found = _follow_up("What weapons did that include?", context, history)
    assert found is not None and found.joined == "security aid has the United States given Ukraine? What weapons did that include?"
    assert found.answered == "More than $2 billion." and found.unmarked == context[0]
    # "What about the EU?" asks the earlier question again, question word and all.
    found = _follow_up("And what about the EU?", context, history)
    assert found is not None and found.joined.startswith("How much security aid")


@pytest.mark.model
def test_a_rank_alone_after_a_pronoun_asks_the_question_before_of_that_rank(built_index):
    # After "Has it been sanctioned?" (it: Sberbank), "And the second largest?" asks whether the
    # second largest has been: VTB's sentence answers, with no short answer to a yes-no question.
    history = []
    for earlier in ("Which bank is Russia's largest?", "Has it been sanctioned?"):
        reply = answer(earlier, history=history or None, index=built_index.index)
        shown = (f"**{reply.short.text}** \\[{reply.short.citation}\\]\n\n" if reply.short else "") + reply.text
        history += [{"role": "user", "content": earlier}, {"role": "assistant", "content": shown}]
    result = answer("And the second largest?", history=history, index=built_index.index)
    assert result.text.startswith("So far, of the five largest Russian banks, only VTB") and result.short is None


@pytest.mark.model
def test_a_question_longer_than_the_pair_limit_still_reads(reader):
    question = "Which bank is the largest " + "very " * 400 + "bank?"
    spans = reader.spans(question, ["Sberbank, Russia's largest bank, was cut off from the dollar system."])
    assert len(spans) == 1


@pytest.mark.model
def test_a_follow_up_short_answer_reads_the_earlier_question(built_index):
    history = [
        {"role": "user", "content": "Which bank is Russia's largest?"},
        {"role": "assistant", "content": "**Sberbank** [1]\n\nSberbank, Russia's largest bank, ... [1]"},
    ]
    result = answer("And the second largest?", history=history, index=built_index.index)
    assert result.short is not None and result.short.text == "VTB"
    # The earlier reply's answer is not this question's: "his job" is not "Riccardo Alcaro".
    history = [{"role": "user", "content": "Who wrote the IAI commentary?"}, {"role": "assistant", "content": "Riccardo Alcaro [1]"}]
    result = answer("What is his job?", history=history, index=built_index.index)
    assert result.short is None or "Alcaro" not in result.short.text


@pytest.mark.model
def test_a_yes_no_follow_up_gets_no_short_answer(built_index):
    history = [{"role": "user", "content": "Which bank is Russia's largest?"}, {"role": "assistant", "content": "Sberbank [1]"}]
    assert answer("Was it cut off from SWIFT?", history=history, index=built_index.index).short is None


@pytest.mark.model
def test_no_short_answer_from_a_sentence_the_reader_judges_not_to_answer(built_index):
    question = "Which bank is Russia's largest?"
    kept = answer(question, index=built_index.index)
    assert kept.short is not None
    reader = get_reader()
    assert reader is not None and reader.tells_answering
    sentence = next(x.sentence for x in kept.support if x.citation == kept.short.citation and kept.short.text in x.sentence)
    margin = reader.spans(question, [sentence])[0].margin
    # The floor is the reader's own margin for that sentence: just below it keeps the short answer,
    # just above it drops it and keeps the same sentences.
    assert answer(question, index=built_index.index, settings=AnswerSettings(short_min_margin=margin - 0.01)).short is not None
    dropped = answer(question, index=built_index.index, settings=AnswerSettings(short_min_margin=margin + 0.01))
    assert dropped.short is None and not dropped.abstained and dropped.text == kept.text


@pytest.mark.model
def test_a_thing_the_subject_did_is_not_read_from_a_sentence_about_someone_else(built_index):
    # "Many European countries, including Poland, ... have sent similar weapons as well as supplies
    # and other equipment" had led on "weapons" and "sent", and given the short answer.
    result = answer("What weapons has the US sent?", index=built_index.index)
    assert result.short is not None and result.short.text.startswith("Stinger antiaircraft systems")
    assert "supplies" not in result.short.text


@pytest.mark.parametrize(
    ("sentence", "about"),
    [("Many European countries, including Poland, Estonia, Sweden and Germany, have sent similar weapons.", True),
     ("The United States has already provided more than $2 billion in security aid.", False),  # names it
     ("In 2014, the group proclaimed itself a caliphate.", False),  # no name at its opening
     ("In 1908, Lahore welcomed him back.", False),  # a pronoun may stand for the subject
     ("Kenyan athletes continue to dominate distance running.", False)],  # Kenya's
)
def test_a_sentence_opening_with_another_name_is_about_someone_else(sentence, about):
    from qa.answering.answerer import _about_another

    subject = ["Kenya"] if sentence.startswith("Kenyan") else ["US", "United", "States"]
    assert _about_another(sentence, subject) is about


def test_an_abbreviated_subject_is_named_by_itself_or_its_words_spelt_out_together():
    from qa.answering.answerer import _about_another, _names_whole

    eu = ["EU", "European", "Union"]
    assert _names_whole("For its part, the European Union agreed to deliver a package.", eu)
    assert _names_whole("The EU agreed.", eu)
    assert not _names_whole("Many European countries, including Poland, have sent weapons.", eu)
    assert _about_another("Many European countries, including Poland, have sent weapons.", eu)
    # Without an abbreviation, any of the subject's words names it.
    assert _names_whole("The United States has provided aid.", ["United", "States"])


@pytest.mark.parametrize(
    ("sentence", "opens"),
    [("Many European countries, including Poland, have sent weapons.", True),
     ("The United States has already provided more than $2 billion.", True),
     ("On Tuesday in Istanbul, the sides met for a sixth time.", False),  # a time and a place
     ("the sides met for a sixth time.", False)],  # no name
)
def test_a_sentence_whose_first_name_follows_a_preposition_does_not_open_with_its_subject(sentence, opens):
    from qa.answering.answerer import _opens_with_subject

    assert _opens_with_subject(sentence) is opens


@pytest.mark.model
def test_a_sentence_of_the_same_passage_naming_the_subject_leads_when_the_chosen_ones_are_about_another(built_index):
    # The US sentence led alone: "more than $2 billion" answered a question about the EU.
    result = answer("How much security aid has the EU provided to Ukraine?", index=built_index.index)
    assert result.short is not None and result.short.text == "nearly $1 billion"
    # A time and a place opening the lead are no other subject: it stays.
    result = answer("How many times had the Ukrainian and Russian sides met by the Istanbul round?", index=built_index.index)
    assert result.short is not None and result.short.text == "sixth"


@pytest.mark.parametrize(
    ("sentence", "cut", "whole"),
    [
        # A span starting inside a hyphenated word takes it in whole.
        ("it has morphed into a slow and ever more brutal three-front campaign.", "front", "three-front"),
        ("The plan envisions a 15-year timeline.", "year", "15-year"),
        # One ending at a hyphen keeps its first part: the count, not "Six-time".
        ("Lady Gaga, a Six-time Grammy winner, sang.", "Six", "Six"),
        ("Carolina began at its own 24-yard line.", "24", "24"),
    ],
)
def test_a_short_answer_does_not_start_inside_a_hyphenated_word(sentence, cut, whole):
    a = sentence.index(cut)
    assert _whole_words(sentence, a, a + len(cut)) == (sentence.index(whole), sentence.index(whole) + len(whole))


@pytest.mark.parametrize(
    ("cut", "kept"),
    [
        # A span that opens a dash aside and stops inside it stops before the dash.
        ("only VTB — the second", "only VTB"),
        # One that closes the aside, or lies inside it, stays.
        ("only VTB — the second-largest — has been fully blocked", "only VTB — the second-largest — has been fully blocked"),
        ("the second-largest", "the second-largest"),
    ],
)
def test_a_short_answer_does_not_stop_inside_a_dash_aside_it_opens(cut, kept):
    sentence = "So far, of the five largest Russian banks, only VTB — the second-largest — has been fully blocked."
    a = sentence.index(cut)
    assert _whole_words(sentence, a, a + len(cut)) == (sentence.index(kept), sentence.index(kept) + len(kept))


@pytest.mark.parametrize(
    ("sentence", "cut", "kept"),
    [
        # A span does not open on a preposition before a name (it had bolded "on China").
        ("Ukraine has also called on China to step in.", "on China", "China"),
        # "from" stays: it may open a range.
        ("They ranged from Nova Scotia in the north, to Georgia in the south.", "from Nova Scotia", "from Nova Scotia"),
        ("They met in the spring.", "in the spring", "in the spring"),  # no name after it
    ],
)
def test_a_short_answer_does_not_open_on_a_preposition_before_a_name(sentence, cut, kept):
    a = sentence.index(cut)
    assert _whole_words(sentence, a, a + len(cut)) == (sentence.index(kept), sentence.index(kept) + len(kept))


@pytest.mark.parametrize(
    ("sentence", "cut", "kept"),
    [
        # A span stops before a relative clause joined to the one before (it had bolded "France and
        # whose almost 44-million").
        ("They cannot control a country bigger than France and whose almost 44-million population resists.",
         "France and whose almost 44-million", "France"),
        ("It named Kyiv, which it shelled, and which it besieged.", "Kyiv, which it shelled", "Kyiv, which it shelled"),
        # Nor opens inside a contrast set off by commas and runs past it (it had bolded "wind back, economic …").
        ("This means now is the time to ramp up, rather than wind back, economic and military pressure — to clear the path.",
         "wind back, economic and military pressure", "economic and military pressure"),
    ],
)
def test_a_short_answer_does_not_run_into_a_joined_relative_clause_nor_out_of_a_contrast(sentence, cut, kept):
    a = sentence.index(cut)
    assert _whole_words(sentence, a, a + len(cut)) == (sentence.index(kept), sentence.index(kept) + len(kept))


def test_a_short_answer_does_not_end_on_a_participle_that_needs_its_place():
    # It had bolded "Soviet nuclear weapons based" (of "… based there").
    sentence = "Russia signed it in 1994 as part of Ukraine’s surrender of Soviet nuclear weapons based there, it said."
    cut = "Soviet nuclear weapons based"
    a = sentence.index(cut)
    assert _whole_words(sentence, a, a + len(cut)) == (a, a + len("Soviet nuclear weapons"))


def test_the_question_is_read_in_the_sentences_spelling():
    from qa.answering.reader import _spelt_as

    # "defence" read against "air defense systems" had lost the list to "fighter jets".
    sentence = "Ukraine needs much more, especially air defense systems and fighter jets."
    assert _spelt_as("Which defence systems does Ukraine most need?", sentence) == "Which defense systems does Ukraine most need?"
    assert _spelt_as("Which defense systems?", "territorial defence") == "Which defence systems?"
    assert _spelt_as("Which colour is it?", "territorial defence") == "Which colour is it?"  # not in the sentence

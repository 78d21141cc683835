"""Questions no retrieved sentence can answer, recognised before any sentence is scored.

Retrieval always returns *something*, and the closest sentence to "lorem ipsum dolor" can
score as well as a weak real answer. Four kinds of question are refused by what they are:

- written in a language the documents are not in (most of its words never occur in them),
- sharing only function words with the documents ("gibberish", or topics never mentioned),
- naming a number the documents never give ("Who signed the Budapest memorandum in 2005?",
  "What does the 20-point plan propose?"): its premise is not in them, whatever else matches,
- a follow-up ("And the second largest?", "What did he say?") with no earlier turn to refer to:
  the reader is asked what is meant instead of getting a guess.

The checks read only the question, the conversation and the corpus vocabulary, so they cost
microseconds and never depend on which passages happen to be retrieved.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, AbstractSet

from qa.index.bm25 import QUERY_STOPWORDS
from qa.ingest.dates import WEEKDAYS, month_pattern

if TYPE_CHECKING:
    from qa.retrieval.query import Query

LANGUAGE = "language"
UNKNOWN_WORDS = "unknown_words"
NO_REFERENT = "no_referent"
UNKNOWN_NUMBER = "unknown_number"

# A question is in the documents' language when at least this share of its words occur in them.
MIN_KNOWN_SHARE = 0.5
# A question without a single English function word is foreign unless nearly all its words occur
# in the documents ("Sberbank VTB sanctions" is English; "Combien de points compte le plan" is not).
FOREIGN_KNOWN_SHARE = 0.8
# English modal verbs, function words that the query's stop words leave to retrieval: "Could China
# mediate?" is English ("mediate" is not among the documents' words, "mediation" is).
_MODALS = frozenset("could would might must shall may ought cannot".split())
# The documents count as English (so English function words are known words) when they use at
# least this share of the English stop-word list.
ENGLISH_STOPWORD_SHARE = 0.3

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Split as `Retriever.vocabulary` splits: "1,000" is "1" and "000" in both.
_NUMBER = re.compile(r"(?<!\w)\d+(?!\w)")
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
_TENS = {30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety",
         100: "hundred", 1000: "thousand"}
# The longer openings first: "And what about the third one?" opens with "And what about".
_CONTINUATION = re.compile(r"^\s*(?:and what about|and how about|what about|how about|what else|and|but|also|so|then)\b", re.I)
# A whole question after the "and": a wh-word, up to three words, an auxiliary and more ("And what
# did the US send?", "And how many soldiers did Ukraine lose?"); not "And how many?" nor "And what about Europe?".
_WHOLE_QUESTION = re.compile(
    r"\s*,?\s*(?:what|who|whom|whose|which|when|where|why|how)(?:\s+(?:many|much))?(?:\s+[\w’'-]+){0,3}?"
    r"\s+(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\s+\w"
    # Or "what" / "who" as the subject of a verb in the past: "And what happened to the Budapest
    # memorandum?", "And who signed the Minsk agreements?".
    r"|\s*,?\s*(?:what|who)\s+(?:[a-z]+ed|wrote|said|made|took|gave|sent|came|went|broke|led|ran|began|became|won|lost)\s+\w",
    re.I,
)
# What "else" is else than, right after it: "What else, besides bank sanctions, …".
# The words that set something aside: "besides Turkey", "other than the US" (each use adds its own).
SET_ASIDE_WORDS = r"besides|apart\s+from|aside\s+from|other\s+than"
_BESIDES = re.compile(rf"\s*,?\s*(?:{SET_ASIDE_WORDS}|except(?:\s+for)?|in\s+addition\s+to)\s+\w", re.I)
_PERSONAL = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their|theirs)\b", re.I)
_IT = re.compile(r"\b(?:it|its)\b", re.I)
_FINAL_IT = re.compile(r"\b(it)\s*[?.!]*\s*$", re.I)
# The weather's "it" and its verb: "Will it rain in Odesa tomorrow?", "Is it going to snow in Lviv?".
_WEATHER = (r"\bit\s+(?:(?:will|would|did|does|is|was)\s+)?(?:(?:going\s+to|gonna|likely\s+to)\s+)?"
            r"(?P<verb>rain|raining|rained|rains|snow|snowing|snowed|snows)\b")
# "it" that refers to nothing: "what is it called", "what does it take to", "how was it determined".
DUMMY_IT = re.compile(
    r"\bit\s+(?:is\s+|was\s+|has\s+been\s+)?(?:called|mean|means|meant|take|takes|took|determined|known|said|"
    r"believed|thought|estimated|possible|true|likely|important|necessary|the case|"
    # "Why is it hard to imagine a referendum?": what is hard follows.
    r"(?:hard|difficult|easy|impossible|unlikely|clear|unclear|wise|worth|too\s+early|too\s+late)(?=\s+(?:to|that|for|whether)\b))\b"
    r"|\bis it that\b"
    # The weather's "it".
    rf"|{_WEATHER}",
    re.I,
)
WEATHER_IT = re.compile(_WEATHER, re.I)
# A month or a weekday names no one: "Does the April author agree with him?" points back.
_NAME = re.compile(rf"(?<!^)(?<![.!?]\s)\b(?!(?:{month_pattern()}|{'|'.join(WEEKDAYS)})\b)[A-Z][\w’'-]+")
# A pronoun as the subject after an auxiliary ("What did he say about Crimea?"): a name after it is
# what is talked about, not who "he" is.
_SUBJECT = re.compile(
    r"\b(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should|might|may|must)\s+(?:he|she|they)\b",
    re.I,
)

NOT_IN_DOCUMENTS = "I could not find the answer to this in the documents."


@dataclass(frozen=True)
class Refusal:
    """Why a question is not answered from the documents, and what the reader is told."""

    reason: str
    message: str

    def to_dict(self) -> dict:
        return asdict(self)


def refuse(query: Query, vocabulary: AbstractSet[str]) -> Refusal | None:
    """A Refusal when the question cannot be answered from documents with this vocabulary, else None.

    Args:
        query: the analysed question (`Retriever.analyse`), with the earlier turns it reads.
        vocabulary: every lower-cased word of the indexed documents (`Retriever.vocabulary()`).
    """
    words = [w.lower() for w in _WORD.findall(query.text)]
    if not words:
        return None  # digits or symbols only: leave it to retrieval
    english = is_english(vocabulary)
    known = [w for w in words if w in vocabulary or (english and w in QUERY_STOPWORDS) or _misspelt(w, vocabulary, english)]
    share = len(known) / len(words)
    # No function word, not even one with a slip ("wich"): likely another language.
    foreign = english and len(words) >= 3 and not any(
        w in QUERY_STOPWORDS or w in _MODALS or _misspelt(w, frozenset(), True) for w in words)
    if len(words) >= 2 and (share < MIN_KNOWN_SHARE or (foreign and share < FOREIGN_KNOWN_SHARE)):
        return Refusal(LANGUAGE if foreign or not english else UNKNOWN_WORDS, NOT_IN_DOCUMENTS)
    if query.context:
        return None  # a follow-up: its topic may come from the earlier turns
    referent = _missing_referent(query.text)
    if referent is not None:
        return Refusal(
            NO_REFERENT,
            f"What do you mean by “{referent}”? There is nothing earlier in this conversation it could "
            "refer to. Please ask the whole question, naming the person or thing you mean.",
        )
    # Not one content word (nor a corpus word standing in for one) is indexed: only function
    # words are shared with the documents.
    if not query.question.weights:
        return Refusal(UNKNOWN_WORDS, NOT_IN_DOCUMENTS)
    return None


# The shortest word read as a slip of one letter for a known one ("wich" for "which").
MISSPELT_LETTERS = 4
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _misspelt(word: str, vocabulary: AbstractSet[str], english: bool) -> bool:
    """True when the word is one letter away (left out, added, changed or swapped) from a word of the
    documents, or from a function word when they are in English: "wich countries mediate" is asked in
    the documents' words, not in another language."""
    return bool(_slips_of(word, vocabulary, english))


# The words a question opens with, preferred among a slip's function words ("Wich": "which", not "with").
QUESTION_WORDS = frozenset("what which who whom whose when where why how".split())


def spelling_of(word: str, vocabulary: AbstractSet[str], english: bool, opening: bool = False) -> str | None:
    """The word of the documents (or function word, when they are in English) that a word not among
    them is a slip of one letter for ("populaton": "population"), or a plural in "-ys" ("countrys":
    "countries"); None when there is none, or several and not one function word among them (one
    question word when the word `opening` the question: "wich"), or the slip is only a plural's "s"
    ("guarantors" for the documents' "guarantor" is no slip)."""
    if word in vocabulary or (english and word in QUERY_STOPWORDS):
        return None
    if word.endswith("ys") and word[:-2] + "ies" in vocabulary:
        return word[:-2] + "ies"
    slips = {w for w in _slips_of(word, vocabulary, english) if w + "s" != word and word + "s" != w}
    if len(slips) > 1:
        slips = {w for w in slips if english and w in QUERY_STOPWORDS}
    if len(slips) > 1 and opening:
        slips &= QUESTION_WORDS
    return next(iter(slips)) if len(slips) == 1 else None


def _slips_of(word: str, vocabulary: AbstractSet[str], english: bool) -> set[str]:
    """The known words one letter away (left out, added, changed or swapped) from the word."""
    if len(word) < MISSPELT_LETTERS or not word.isascii():
        return set()
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    variants = {a + b[1:] for a, b in splits if b}
    variants |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    variants |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    variants |= {a + c + b for a, b in splits for c in _LETTERS}
    return {v for v in variants - {word} if v in vocabulary or (english and v in QUERY_STOPWORDS)}


def refuse_numbers(question: str, vocabulary: AbstractSet[str]) -> Refusal | None:
    """A Refusal when the question names a number the documents never give (`unknown_numbers`),
    else None. Checked before any way of answering, comparisons and summaries included: "What do
    the documents say about 1999?" rests on the same missing premise."""
    unknown = unknown_numbers(question, vocabulary)
    if not unknown:
        return None
    return Refusal(UNKNOWN_NUMBER, f"{NOT_IN_DOCUMENTS} They never mention “{unknown[0]}”.")


def unknown_numbers(question: str, vocabulary: AbstractSet[str]) -> list[str]:
    """Numbers written in the question in digits that the documents never give, in digits or
    (up to twenty, and round tens) in words. "6th" or "1990s" is no number here.

    On XQuAD (148 questions with digits) and the gold set (9) no answerable question names a
    number its documents lack; of the XQuAD questions asked of the gold set's index, 104 do.
    """
    missing = []
    for number in _NUMBER.findall(question):
        value = int(number)
        word = _NUMBER_WORDS[value] if value < len(_NUMBER_WORDS) else _TENS.get(value)
        if number not in vocabulary and (word is None or word not in vocabulary):
            missing.append(number)
    return missing


def is_english(vocabulary: AbstractSet[str]) -> bool:
    return sum(w in vocabulary for w in QUERY_STOPWORDS) >= ENGLISH_STOPWORD_SHARE * len(QUERY_STOPWORDS)


def refers_back(question: str) -> bool:
    """True when the question points back at an earlier turn ("And the second largest?", "What is
    his job?") and names nothing it could refer to itself."""
    return _missing_referent(question) is not None


# The longest remainder of a follow-up ("And the second largest?") quoted back to the reader.
MAX_QUOTED_WORDS = 6


# A question word alone ("Why?", "Why not?", "And when?", "Within what time frame?"): it asks about
# what was said before.
_QUESTION_WORD_ALONE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?P<wh>why(?:\s+(?:not|now))?|when|where|who|how(?:\s+(?:much|many|long|come|so))?|"
    r"(?:by|for|with|from)\s+whom|(?:since|by|until)\s+when|what\s+for|by\s+what\s+means|in\s+what\s+ways?|"
    # "Within what time frame?", "By what date?": when, as a limit.
    r"(?:within|in|over|on)\s+what\s+(?:time\s*frame|timescale|time\s+span|period)|(?:by|before|until)\s+what\s+(?:date|time|point))\s*[?.!]*\s*$",
    re.I,
)


# "Which one …?", "And which one …?": one of some things, named before.
_WHICH_ONE = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(which\s+one)\b(?!\s+of\b)", re.I)


def _missing_referent(question: str) -> str | None:
    """What points back at an earlier turn ("he", "it", "the third" of "And the third?", a question
    word alone: "Why not?") when nothing in the question can be what it refers to."""
    alone = _QUESTION_WORD_ALONE.match(question)
    if alone is not None:
        return " ".join(alone.group("wh").split())
    start = _CONTINUATION.match(question)
    if start and after_conjunction(question) is not None:
        # "And what did the US send?" is a question of its own: what it refers to is in it.
        return None
    # "What else did Riccardo Alcaro write?" names whom it is about: else than this document. "What
    # else, besides bank sanctions, would help?" names what it is else than.
    if start and not (start.group(0).lower().startswith("what else") and (_NAME.search(question, start.end())
                                                                          or _BESIDES.match(question, start.end()))):
        # "And the third?": what the reader asked about is "the third", not "And".
        rest = question[start.end() :].strip(" ,?.!")
        return rest if rest and len(rest.split()) <= MAX_QUOTED_WORDS else start.group(0).strip()
    one = _WHICH_ONE.match(question)
    if one is not None:
        # "Which one depends on sanctions?": one of the things an earlier turn named.
        return one.group(1)
    person = _PERSONAL.search(question)
    # "Other than his achievements, what was Tesla famous for?": a name anywhere will do, unless
    # the pronoun is the subject ("What did he say about Crimea?"), whose name must come before it.
    subject = _SUBJECT.search(question)
    named = _NAME.search(question[: subject.start()] if subject else question)
    if person and not named and (not _content_before(question, person.start())
                                 or person.group(0).lower() in _SUBJECT_PRONOUNS and _AUXILIARY_BEFORE.search(question, 0, person.start())
                                 # "Does the April author agree with him?": no one in the question is "him".
                                 or person.group(0).lower() == "him"):
        # "What programme does he lead?": "he" is the subject after the question's own words, so no
        # word before it is what it stands for.
        return person.group(0)
    thing = _IT.search(question)
    if thing and not DUMMY_IT.search(question) and not _content_before(question, thing.start()):
        return thing.group(0)
    return None


def after_conjunction(question: str) -> str | None:
    """The question without the "and" / "but" / "so" it opens with when what follows is a whole
    question that names what it asks about ("And what did the US send?" -> "What did the US
    send?"), else None ("And which is the second largest?", "And what did he say?")."""
    start = _CONTINUATION.match(question)
    if start is None or start.group(0).strip().lower() not in ("and", "but", "also", "so", "then"):
        return None
    rest = question[start.end() :].lstrip(" ,")
    # "And which is the second largest?" names nothing: the largest what is in the turn before.
    if not _WHOLE_QUESTION.match(question, start.end()) or not _NAME.search(rest):
        return None
    rest = rest[0].upper() + rest[1:]
    # "And what is it for the Russians?" points back all the same: the "and" stays with it.
    return None if points_back(rest) else rest


def ends_on_it(question: str) -> bool:
    """True when the question ends on an "it" that points at what it asks about ("Who signed it?",
    "What does Alcaro think of it?"): in a conversation, the earlier turn's subject. Alone, such a
    question is still asked (a name may come before the "it"), so this is no refusal."""
    return _FINAL_IT.search(question) is not None and not DUMMY_IT.search(question)


# "that" standing for what was said before: "What weapons did that include?", "Why was that a
# first?", "When was that?", "What happened after that?"; not "say that ...", "the issues that ...".
# After an auxiliary or a preposition, "that" is no conjunction.
_THAT = re.compile(
    r"\b(?:is|are|was|were|do|does|did|will|would|could|can|has|have|had|should|might|may|"
    r"after|before|about|for|of|with|by|from|since)\s+that\b",
    re.I,
)


# What was said before, named as a claim: "Does the April writer accept that claim?".
_CLAIM_POINTED = re.compile(r"\b(?:that|this|these|those|his|her|their)\s+(?:claims?|views?|statements?|assessments?|assertions?)\b", re.I)


def points_back(question: str) -> bool:
    """True when the question points back at an earlier turn (`refers_back`), ends on an "it"
    (`ends_on_it`) or has a "that" standing for what was said before ("What weapons did that
    include?", "Does the April writer accept that claim?"): in a conversation, it is read with the
    turn before it."""
    return (refers_back(question) or ends_on_it(question) or _THAT.search(question) is not None
            or _CLAIM_POINTED.search(question) is not None)


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
_AUXILIARY_BEFORE = re.compile(r"\b(?:do|does|did|is|was|are|were|has|have|had|will|would|can|could|should|might|may|must)\s+$", re.I)


def _content_before(question: str, at: int) -> bool:
    """True when a word other than a function word comes before position `at` ("Which country says it
    ..."); the words of a question phrase ("How much is it worth?") are function words here."""
    opening = _HOW_PHRASE.match(question) or (_PLACE_PHRASE.match(question) if question[at : at + 3].lower() == "its" else None)
    start = opening.end() if opening is not None and opening.end() <= at else 0
    return any(w.lower() not in QUERY_STOPWORDS for w in _WORD.findall(question[start:at]))


_HOW_PHRASE = re.compile(r"\W*(?:(?:and|but|so)\s+)?how\s+(?:much|many|long|often|far|old)\b", re.I)
# "In which city are its offices?": the place asked for, after a preposition, is not what "its" stands
# for (an "it" may be: "In what area is it common …?").
_PLACE_PHRASE = re.compile(r"\W*(?:(?:and|but|so)\s+)?(?:in|on|at|from|to|near|into)\s+(?:which|what)\s+[a-z]+\b", re.I)

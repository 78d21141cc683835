"""A question analysed once: its words, terms and vectors, and the kind of answer it asks for.

`Retriever.analyse` builds a `Query` from the question and the earlier user turns it follows;
ranking and answering both read it, so nothing is tokenised, stemmed, expanded or embedded twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

if TYPE_CHECKING:
    import numpy as np

    from qa.index.bm25 import QueryTerms

# Kinds of answer a question can ask for (AnswerSettings.gated_types names them too).
NUMBER = "number"
DATE = "date"
PERSON = "person"
PLACE = "place"

_NUMBER_HEADS = (
    r"price|rate|percentage|share|number|amount|figure|cost|total|toll|count|size|population|value|sum|"
    r"budget|level|volume|quantity|proportion"
)
# "Which journalist …?", "What official …?": a person asked for by what they do.
PERSON_HEADS = (
    r"journalist|reporter|correspondent|columnist|writer|author|editor|spokes(?:man|woman|person)|official|minister|"
    r"diplomat|politician|analyst|scholar|researcher|historian|economist|commentator|lawmaker|senator|general"
)
_AUXILIARIES = r"(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|shall|should|may|might|must)"
# The group a count is asked in, before "how many": "Out of Russia's top five banks, how many …?".
GROUP_COUNTED_FIRST = r"(?:(?:out\s+)?of\s+[^,?]{3,60},\s*)?"
# "How much has Europe depended on Russian gas?": a degree ("deeply"), not an amount; the verbs
# whose "how much" is one ("How much has the US given?" asks an amount).
_DEGREE_ASKED = (
    rf"{_AUXILIARIES}\s+(?:[\w’'-]+\s+){{1,4}}?"
    # Not "agree", "want" or "need": "How much has the EU agreed to deliver?" asks an amount.
    r"(?:depend|rel[iy]|count|matter|care|trust|chang|suffer|hurt|weaken|strengthen|improv|worsen|differ|"
    r"help|affect|influenc|succeed|fail|progress|advanc|respect|fear)\w*\b"
)
_ASKS = (
    # "Out of Russia's top five banks, how many …?": the group counted in may come first.
    (NUMBER, re.compile(rf"^\s*{GROUP_COUNTED_FIRST}(?:how (?:many|much(?! {_DEGREE_ASKED})|long|large|big|far|often|old|populous)\b|what (?:is|was|were|are) (?:the (?:\w+\s+){{0,2}}|[\w-]+['’]s\s+(?:\w+\s+)?)(?:{_NUMBER_HEADS})\b|what (?:{_NUMBER_HEADS})\b)", re.I)),
    (DATE, re.compile(r"^\s*(?:(?:(?:by|since|until|till)\s+)?when\b|how\s+soon\b|(?:on|in|by|since) what (?:date|day|year|month)\b|what (?:date|day|year|month)\b|(?:on|in) which (?:date|day|year|month)\b)", re.I)),
    # "Which Russian official …?", "Which Russian foreign minister …?" too, but not "What did officials say …?".
    (PERSON, re.compile(rf"^\s*(?:who|whom|whose|(?:which|what)\s+(?:(?!{_AUXILIARIES}\b)[a-z-]+\s+){{0,2}}(?:{PERSON_HEADS})s?\b)", re.I)),
    # "Which Ukrainian city …?" too: a word may say which one.
    # "In which part of the country …?", "… part of Ukraine …?": a region of a place.
    (PLACE, re.compile(rf"^\s*(?:where\b|(?:in|to|from) which (?:(?!{_AUXILIARIES}\b)[a-z-]+\s+)?(?:city|country|town|capital|region)\b"
                       r"|(?:in|to|from)\s+which\s+parts?\s+of\s+(?:the\s+)?(?:country|nation|(?-i:[A-Z])[\w’'-]+)\b"
                       rf"|which (?:(?!{_AUXILIARIES}\b)[a-z-]+\s+)?(?:city|country|town|capital)\b)", re.I)),
)


# "Who is Dmitry Peskov?" names the person and asks what they are ("Kremlin spokesman"): no name
# answers it. "Who is the President of Ukraine?" and "Who was Count of Melfi?" ask for a person.
# One person's name; "Who are Sam Jones and John Paul Rathbone?" asks about several.
_PERSON_NAME = r"[A-Z][\w’'.-]*(?:\s+(?:of\s+|de\s+|van\s+|von\s+)?[A-Z][\w’'.-]*)*"
_WHO_IS_NAMED = re.compile(
    r"^\s*(?i:who\s+(?:is|was|are|were)|who[’']s"
    # "Tell me about Riccardo Alcaro.", "What do we know about Dmitry Peskov?": who the person is.
    r"|(?:(?:can|could)\s+you\s+|please\s+)?tell\s+me\s+(?:more\s+|a\s+bit\s+)?about"
    r"|what\s+(?:do\s+(?:we|you)\s+know|can\s+you\s+tell\s+me|is\s+known)\s+about)\s+(?!(?i:the|a|an)\b)"
    r"(?!(?:President|Prime|King|Queen|Count|Duke|Prince|Princess|Emperor|Empress|Minister|Chancellor|Secretary|"
    r"Pope|General|Mayor|Governor|Chairman|Director|Head|Leader|Captain|Senator|Ambassador|Chief|Lord|Lady)\b)"
    rf"(?P<name>{_PERSON_NAME}(?:(?:\s*,\s*|\s+and\s+){_PERSON_NAME})*)\s*[?.!]?\s*$"
)


def who_is_named(question: str) -> str | None:
    """The name in "Who is Dmitry Peskov?" or "Tell me about Riccardo Alcaro." (a question for what a
    named person is), else None."""
    match = _WHO_IS_NAMED.match(question)
    if match is None:
        return None
    name = match.group("name").rstrip(".")
    # "Tell me about Russia." may ask about a country: only a full name is surely a person's.
    return name if match.group(0).lstrip()[:3].lower() == "who" or len(name.split()) >= 2 else None


# "What is Engineering News-Record?", "What are clades?": a question for what a term means. The
# term is at most DEFINED_WORDS words; "What is the Rhine Gorge known for?" asks something else,
# but its "term" is then not found in a sentence.
_WHAT_IS = re.compile(r"^\s*what\s+(?:is|are|was|were)\s+(?:(?:the|a|an)\s+)?(?P<term>[^?]+?)\s*\??\s*$", re.I)
DEFINED_WORDS = 5
# "What was the Budapest memorandum meant to do?" asks what it was for, not what "Budapest
# memorandum meant to do" is.
_TERM_PREDICATE = re.compile(
    r"\s(?:meant|supposed|designed|intended|expected|going|set|due|about|able|trying|used)\s+to\b"
    # "What is Poland doing about Russian coal?", "What is Russia demanding from Ukraine?": what a named
    # subject is doing, not what "Poland doing about Russian coal" is.
    r"|\bdoing\b|[A-Z][\w’'.-]*\s+[a-z]{2,}ing\s+(?:about|to|with|for|from|on|in|at|against|over|after)\b"
)


# "What does 'full blocking sanctions' mean?" asks what they are, too (a term of several words: a
# word alone, "What does 'plastid' mean?", may be glossed by a word, which the reader finds).
_WHAT_MEANS = re.compile(
    # "… mean here?", "… mean in this context?": what it means where the documents use it.
    r"^\s*what\s+(?:does|do)\s+(?:the\s+)?[\"“‘']?(?P<term>[^?\"“”‘’'\s]+(?:\s+[^?\"“”‘’'\s]+)+?)[\"”’']?\s+mean"
    r"(?:\s+(?:here|there|in\s+(?:this|that|the)\s+(?:context|text|article|piece|commentary)))?\s*\??\s*$", re.I
)


def defined_term(question: str) -> str | None:
    """The term in "What is Engineering News-Record?" or "What does 'plastid' mean?" (a question
    for what it is), else None."""
    match = _WHAT_IS.match(question) or _WHAT_MEANS.match(question)
    if match is None or len(match.group("term").split()) > DEFINED_WORDS or _TERM_PREDICATE.search(match.group("term")):
        return None
    return match.group("term")


# "What kind of organisation is IAI?", "What sort of publication is Affarinternazionali?": what a
# named thing is, asked by its kind.
_KIND_OF_NAME = re.compile(
    r"^\W*(?i:what|which)\s+(?i:kind|sort|type)\s+of\s+[a-z][\w-]*\s+(?i:is|was|are|were)\s+(?:(?i:the)\s+)?"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})\s*[?.!]*\s*$"
)


def kind_of_name(question: str) -> str | None:
    """The name in "What kind of organisation is the IAI?" ("IAI"), else None."""
    match = _KIND_OF_NAME.match(question)
    return match.group("name") if match else None


# "Who is Russia's largest bank?": "who" asked of a thing, which the noun after it names.
_WHO_IS_THING = re.compile(
    # Not "Who is the head of state?": a person's noun may stand before "of".
    r"^\W*who\s+(?:is|was|are|were)\s+(?:the\s+|[\w’'-]+[’']s\s+)(?:(?!of\b)[a-z][\w-]*\s+){0,2}?"
    r"(?:banks?|compan(?:y|ies)|firms?|countr(?:y|ies)|nations?|states?|cit(?:y|ies)|part(?:y|ies)|institutes?|"
    r"organi[sz]ations?|newspapers?|outlets?|agenc(?:y|ies)|think\s+tanks?)(?:\s+(?:in|of|on)\s+[^?.!]+)?\s*[?.!]*\s*$",
    re.I,
)


def expected_type(question: str) -> str | None:
    """The kind of answer the question's wording asks for, or None when it does not say."""
    if _WHO_IS_NAMED.match(question) or _WHO_IS_THING.match(question):
        return None
    for kind, pattern in _ASKS:
        if pattern.search(question):
            return kind
    return None


def recent_turns(context: Sequence[str], turns: int) -> tuple[str, ...]:
    """The last `turns` earlier user turns, oldest first (none when `turns` is 0)."""
    return tuple(context[-turns:]) if turns > 0 else ()


def mix(question: np.ndarray, context: np.ndarray, weight: float) -> np.ndarray:
    """A follow-up question's vector: the question's plus `weight` x its context's, unit length."""
    import numpy as np

    vector = question + weight * context
    return vector / (np.linalg.norm(vector) or 1.0)


def word_pairs(tokens: Sequence[str]) -> frozenset[tuple[str, str]]:
    """Adjacent token pairs: "Russia's largest" -> {("russia", "largest")}."""
    return frozenset(zip(tokens, tokens[1:]))


@dataclass(frozen=True, eq=False)
class QueryText:
    """One text of a query (the question, or the earlier turns joined) as both indexes see it.

    `tokens` are its stems as the BM25 index holds passage words (`qa.index.bm25.tokenize`),
    in order; `terms` is the BM25 query (question words left out, words the corpus lacks listed);
    `weights` are its BM25 term weights, with corpus terms standing in for the missing words.
    """

    text: str
    vector: np.ndarray
    tokens: tuple[str, ...]
    terms: QueryTerms
    weights: Mapping[int, float]


@dataclass(frozen=True, eq=False)
class Query:
    """A question and the earlier user turns it follows, analysed once by `Retriever.analyse`.

    `context` holds the turns read (the last `history_turns`), `recent` their joined analysis
    (None without context), and `vector` the retrieval vector: the question's plus the retriever's
    history weight times the context's, unit length.
    """

    text: str
    context: tuple[str, ...]
    question: QueryText
    recent: QueryText | None
    vector: np.ndarray
    expected_type: str | None
    pairs: frozenset[tuple[str, str]]

    def mixed(self, history_weight: float) -> np.ndarray:
        """The question's vector mixed with its context's at `history_weight` (the question's alone without context)."""
        return mix(self.question.vector, self.recent.vector, history_weight) if self.recent else self.question.vector

    def to_dict(self) -> dict:
        """The analysis without its vectors (for logs and debugging)."""
        return {
            "text": self.text,
            "context": list(self.context),
            "expected_type": self.expected_type,
            "tokens": list(self.question.tokens),
            "stems": list(self.question.terms.stems),
            "missing": list(self.question.terms.missing),
            "context_tokens": list(self.recent.tokens) if self.recent else [],
            "pairs": sorted(self.pairs),
        }

"""Publisher boilerplate (contact block, catalogue, mission statement) answers only questions about
the publisher; the author note in it answers questions about the author."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from qa.answering.authorship import DOCUMENT_WORD
from qa.answering.references import names_cited_title
from qa.answering.summary import without_sources
from qa.retrieval.query import defined_term, kind_of_name, who_is_named

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_ABOUT_PUBLISHER = re.compile(
    r"\b(?:publish\w*|publisher|institute|institution|think[- ]tank|contact\w*|e-?mail|phone|telephone|tel|"
    r"address|located|headquarter\w*|website|web ?site|director|editor|catalogue|series|quarterly|webzine)\b",
    re.I,
)
# Who leads a publisher's work: "Who is in charge of the IAI's commentaries?" (the block's "Director: …"),
# when the question names the publisher ("Who runs the university's school?" does not).
_LEADS_WORK = re.compile(r"\b(?:in\s+charge|runs|directs|manages|oversees)\b", re.I)
_ABOUT_PERSON = re.compile(
    r"\b(?:who|author\w*|wrote|written|job|role|position|title|works?|employ\w*|affiliat\w*|head|heads|coordinat\w*|"
    # "Which programme does Alcaro lead?"
    r"programm?es?|lead|leads|led)\b", re.I
)
# The publisher named by what it did to a document: "the think tank that published Alcaro's piece",
# "the publisher of the IAI commentary". A question about it is about the publisher, though it names an author.
_PUBLISHER_DESCRIBED = re.compile(
    r"\b(?:think[- ]tanks?|institutes?|institutions?|organi[sz]ations?|publishers?)\s+(?:that|which|who)\s+"
    r"(?:published|publishes|issued|put\s+out|released)\b|\bpublisher\s+of\b|['’]s\s+publisher\b",
    re.I,
)
# A question about one particular person: by a personal pronoun (the author's name is checked apart).
_PERSON_NAMED = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.I)
_STOP = frozenset("the and for with via".split())
# A name of two or more capitalised words, not opening the question.
_FULL_NAME = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+")
_STARTS_WITH_WORD = re.compile(r"\s*[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class Bylines:
    """The words of the indexed documents' publisher and author names (lower case)."""

    publishers: frozenset[str]
    authors: frozenset[str]

    @classmethod
    def of(cls, documents: Iterable[Mapping[str, Any]]) -> Bylines:
        """From the documents' metadata (title, author, publisher, ...)."""
        publishers: set[str] = set()
        authors: set[str] = set()
        for meta in documents:
            publishers |= _names(meta.get("publisher"))
            authors |= _names(meta.get("author"))
        return cls(frozenset(publishers), frozenset(authors))


def admissible(sentence: str, question: str, bylines: Bylines) -> bool:
    """May a sentence of a boilerplate passage answer this question?

    Yes when the question is about the publisher (words such as "publisher", "contact",
    "address", or its name not naming one of its documents (`DOCUMENT_WORD`): "What is IAI?" but not "the IAI
    commentary"), or when it asks about a person and the sentence names one of the
    documents' authors (the author note: "Riccardo Alcaro is Research Coordinator ..."), or when
    it names the work a catalogue entry lists by its title. A
    question about one person (an author's name or "he", "his", ...) gets only the author note.

    Args:
        sentence: a sentence of a passage marked boilerplate.
        question: the question as typed.
        bylines: the publisher and author names of the indexed documents (`Bylines.of`).
    """
    asked = {w.lower() for w in _WORD.findall(question)}
    # An author note starts with the author's name ("Riccardo Alcaro is ..."); a catalogue that
    # lists the author among other titles does not, nor does one of its numbered entries
    # ("- 22 | 14 Riccardo Alcaro, *Russia–Ukraine Talks ...*").
    opening = {w.lower() for w in _WORD.findall(sentence)[:3]} if _STARTS_WITH_WORD.match(sentence) else set()
    if _PUBLISHER_DESCRIBED.search(question):
        return True
    if _ABOUT_PERSON.search(question) and (_PERSON_NAMED.search(question) or asked & bylines.authors):
        # "What is his role at the institute?" asks about one person: only the author note answers,
        # not the contact block's list of the institute's staff.
        return bool(opening & bylines.authors)
    # "What does the IAI recommend?" and "..., according to the IAI?" name the publisher as the
    # one who says it (its commentary), not as what is asked about.
    about = {w.lower() for w in _WORD.findall(without_sources(question))}
    if (_ABOUT_PUBLISHER.search(question) or (about & bylines.publishers and not DOCUMENT_WORD.search(question))
            or (_LEADS_WORK.search(question) and about & bylines.publishers)):
        return True
    # "Who is Altiero Spinelli?": a person (not a byline's) whom only the publisher's block may
    # mention ("founded in 1965 on the initiative of Altiero Spinelli").
    # "Who wrote 'Putin's Use and Abuse of History'?": the catalogue entry of the work named by its
    # title (by its author's name, it would also answer "What did Alcaro write?", which his
    # commentary's own notes answer).
    if names_cited_title(question, sentence):
        return True
    said = {w.lower() for w in _WORD.findall(sentence)}
    named = _names(who_is_named(question))
    if named and not named & bylines.authors and named <= said:
        return True
    # "What did Altiero Spinelli found?": a full name the question gives, not a byline's, is asked about too.
    if any(not (full := _names(m.group(0))) & bylines.authors and full <= said for m in _FULL_NAME.finditer(question)):
        return True
    # "What is Affarinternazionali?": a name only the publisher's block gives ("an online webzine (*Affarinternazionali*)").
    # "What kind of publication is Affarinternazionali?" asks what it is, too.
    defined = [w for w in _WORD.findall(defined_term(question) or kind_of_name(question) or "") if w.lower() not in _STOP]
    # A name, not a phrase holding one: "What is the role of Europe?" is not asked of the catalogue
    # entry "Russia–Ukraine Talks and the Indispensable Role of the US and Europe".
    term = {w.lower() for w in defined} if defined and all(w[:1].isupper() for w in defined) else set()
    if term and not term & bylines.authors and term <= {w.lower() for w in _WORD.findall(sentence)}:
        return True
    return bool(_ABOUT_PERSON.search(question) and opening & bylines.authors)


def _names(value: Any) -> set[str]:
    if not isinstance(value, str):
        return set()
    return {w.lower() for w in _WORD.findall(value)} - _STOP

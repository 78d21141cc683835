"""Who wrote a document: "Who wrote the IAI commentary?" is answered by its author note ("Riccardo
Alcaro is Research Coordinator ..."), not by a footnote that happens to cite the author; a
document whose source names no author gets "the documents do not say", never a guess."""

from __future__ import annotations

import re

from qa.ingest.sentences import split_sentences

_ASKS_AUTHOR = re.compile(
    r"\b(?:who (?:wrote|authored|penned|is (?:the )?(?:author|writer))|(?:author|writer)s? of|written by|"
    # "Who is the April commentary's author?", "And its author?" asked so.
    r"whose (?:commentary|article|piece|paper|report|analysis)|['’]s (?:authors?|writers?))\b",
    re.I,
)
# Words that name a document ("the IAI commentary"), not a book or a law the documents discuss.
# "comentary" and "commentry" are slips for it, which `_slips_mended` leaves (it mends function words).
DOCUMENT_NOUNS = r"comm?ent[ae]?r(?:y|ies)|analysis|analyses|(?:article|piece|paper|report|document|essay|brief|op-?ed|text)s?"
DOCUMENT_WORD = re.compile(rf"\b(?:{DOCUMENT_NOUNS})\b", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


# "Who is the author?", "Who are the writers?": the documents' authors, with no document named.
_ASKS_AUTHORS = re.compile(r"^\W*who\s+(?:is|are|was|were)\s+the\s+(?:authors?|writers?)\W*$", re.I)


# "Is the author of the April piece optimistic?", "What does the author of the IAI commentary
# propose?": the author is the subject of another question, not what is asked.
_ABOUT_THE_AUTHOR = re.compile(
    r"^\W*(?:(?:is|are|was|were)\s+the\s+(?:authors?|writers?)\b|(?:does|do|did|can|could|would|will|has|have|had|how|why)\b"
    r"|what\s+(?:does|did|do|would|will|might|has|have)\b)",
    re.I,
)


# Whether a document names its author: "Does the April piece name its author?", "Is its author known?".
_NAMES_AUTHOR = re.compile(
    r"\b(?:name|names|named|give|gives|credit|credits|say|says)\s+(?:its|an|the|their|who\s+(?:its|the))\s+(?:authors?|writers?)\b"
    r"|\b(?:is|are)\s+(?:its|the)\s+(?:authors?|writers?)\s+(?:named|known|given|credited)\b", re.I)


def asks_author(question: str) -> bool:
    """True when the question asks who wrote one of the documents ("Who wrote the IAI commentary?")
    or who the authors are ("Who is the author?"), not something about the author ("Is the author
    of the April piece optimistic?")."""
    if _NAMES_AUTHOR.search(question) and DOCUMENT_WORD.search(question):
        # "Does the April piece name its author?": who wrote it, or that its source names no one.
        return True
    if _ABOUT_THE_AUTHOR.match(question):
        return False
    return bool(_ASKS_AUTHOR.search(question) and DOCUMENT_WORD.search(question)) or bool(_ASKS_AUTHORS.match(question))


def document_words(question: str) -> str:
    """The question without its words that ask for an author, so that only the words naming a
    document remain: "Who wrote the IAI commentary?" -> " the IAI commentary?"."""
    return _ASKS_AUTHOR.sub(" ", _ASKS_AUTHORS.sub(" ", question))


def author_note(text: str, author: str) -> tuple[int, int] | None:
    """Offsets of the first sentence of a document's text that introduces its author: it opens
    with the author's name and says what they are ("Riccardo Alcaro is ..."), or None."""
    names = [w for w in _WORD.findall(author)]
    if not names:
        return None
    pattern = re.compile(r"^\W*" + r"\s+".join(re.escape(n) for n in names) + r"\s+(?:is|was|works|serves|heads)\b")
    for start, end in split_sentences(text):
        if pattern.match(text[start:end]):
            return start, end
    return None


def name_span(sentence: str, author: str) -> tuple[int, int] | None:
    """Offsets of the author's name in a sentence, or None."""
    at = sentence.find(author)
    return (at, at + len(author)) if at >= 0 else None

"""Extractive summaries: "Summarise the IAI commentary" is answered by the few sentences that best
cover the document, not by the sentences nearest to the word "summarise"."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from qa.answering.enumeration import COUNTS, singular
from qa.index.bm25 import QUERY_STOPWORDS
from qa.ingest.dates import spoken_date

if TYPE_CHECKING:
    import numpy as np

# "Briefly, what does Alcaro conclude?", "In short, summarise …": how long, not what.
_BRIEFLY = r"(?:(?:briefly|in\s+short|in\s+brief|in\s+a\s+nutshell|overall|in\s+summary|so),?\s+)?"
_ASKS_SUMMARY = re.compile(
    rf"^\W*{_BRIEFLY}(?:please\s+)?(?:summari[sz]e|sum up|give (?:me )?(?:a |an |the )?(?:[\w-]+ ){{0,2}}(?:summary|overview|gist|synopsis|rundown)|"
    # "Give me the key points of the opinion piece", "List the main arguments of ..."
    r"(?:give (?:me )?|tell me |list |outline )(?:the |its |his |her |their )?(?:main|key|central|principal) "
    r"(?:points|arguments|ideas|messages|claims|takeaways|conclusions)|"
    # "What is the gist of the IAI piece?", "What's the thrust of Alcaro's commentary?"
    r"what(?:['’]s| is| was) the (?:gist|thrust|essence|upshot|bottom line) of|"
    r"(?:what|which) (?:is|are|was|were) (?:the |his |her |their |its )?(?:(?:[\w-]+ ){0,2}[\w-]+['’]s )?(?:main|key|central|principal|overall|core) "
    r"(?:points?|arguments?|ideas?|messages?|claims?|takeaways?|thesis|conclusions?)|"
    r"(?:main|key) (?:points|arguments|takeaways)|what (?:is|are) (?:the )?(?:\w+ ){0,4}(?:commentary|commentaries|piece|article|document|documents|paper|report) about|"
    r"(?:a |an )?(?:summary|overview|synopsis) of|tl;?dr)\b"
    # "What is the April article's argument?", "Give me the IAI piece's thesis in two sentences.": a
    # document's (or its author's) argument as a whole, nothing after it but how long.
    r"|^\W*(?:what(?:['’]s| is| was) |give (?:me )?|tell me |outline |state )(?:the )?(?:[\w-]+ ){0,3}"
    r"(?:commentary|piece|article|document|paper|report|essay|op-?ed|author)['’]s (?:[\w-]+ )?(?:argument|thesis|case|message)"
    r"(?=(?: in (?:a |an |one |two |three |a few |short|brief)[\w ]*)?\W*$)",
    re.I,
)
# "What does Alcaro argue?", "What does the IAI commentary say?": with nothing after the verb, the
# gist of the one document its author or name points at.
_ASKS_GIST = re.compile(
    rf"^\W*{_BRIEFLY}what\s+(?:does|did|do)\s+(?:[\w’'-]+\s+){{1,4}}?(?:argue|claim|conclude|recommend|propose|suggest|say|think|write)"
    # "What does the April article argue overall?": how much, not about what.
    r"(?:\s+(?:overall|on\s+the\s+whole|in\s+general|in\s+short|in\s+brief|mainly|above\s+all))?\W*$",
    re.I,
)
# A word: letters, and digits after a letter ("G7", "G20"). Topics are made of such words.
TOPIC_WORD = re.compile(r"[^\W\d_][^\W_]*", re.UNICODE)
# Words that say "a summary" or "a document", not which document.
_GENERIC = frozenset(
    "summarise summarize summary sum up give overview gist main key central principal points point arguments argument "
    "ideas idea messages message claims claim takeaways please document documents commentary commentaries piece "
    "article articles paper papers report reports pieces essay essays tl dr thesis conclusion conclusions "
    "argue argues claim claims conclude concludes recommend recommends propose proposes suggest suggests say says "
    "think thinks write writes overall core whole general mainly above "
    # "a short overview", "a quick rundown": how long, not which.
    "short brief quick concise rundown synopsis sentence sentences one six seven eight paragraph line single detailed "
    # "the two commentaries", "both documents": how many, not which.
    "two three four five both each all".split()
)
# "The author's main argument": the documents that name an author.
AUTHOR_WORDS = frozenset({"author", "authors", "writer"})
# Most documents one summary covers: "Summarise the documents" over a thousand press releases is
# ordinary answering (a summary of all 240 XQuAD paragraphs had cited 325 passages).
MAX_SUMMARY_DOCUMENTS = 5
# Kinds of document a question may name ("the two commentaries", "the press releases").
_KIND_NOUN = re.compile(
    r"\b(?:commentar(?:y|ies)|articles?|pieces?|papers?|reports?|essays?|releases?|op-?eds?|analys[ie]s|"
    r"stud(?:y|ies)|statements?|transcripts?|speech(?:es)?|interviews?|letters?|briefs?|notes?)\b",
    re.I,
)
# Most documents one word of a question names (`named_documents`).
MAX_NAMED_DOCUMENTS = MAX_SUMMARY_DOCUMENTS
# Sentences per summarised document: all of one document, fewer each when several are summarised.
SENTENCES_ONE_DOCUMENT = 4
SENTENCES_EACH_DOCUMENT = 2
# A sentence this similar to one already chosen says the same thing.
REDUNDANCY = 0.8


# "Summarise the April piece in three sentences", "… in one sentence", "… in a sentence".
_IN_SENTENCES = re.compile(
    # "in a sentence or two": the larger.
    r"\bin\s+(?P<count>an?|one|two|three|four|five|six|seven|eight|\d{1,2})\s+(?:short\s+)?sentences?"
    r"(?:\s+or\s+(?P<upto>two|three|four|five|\d))?\b"
    r"(?P<each>\s+(?:each|apiece|per\s+(?:document|commentary|piece|article|text)|for\s+each(?:\s+\w+)?)\b)?"
    # "a two-sentence summary"
    r"|\b(?P<before>one|two|three|four|five|six|seven|eight|\d{1,2})[- ]sentence\s+(?:summary|overview|synopsis|rundown)\b",
    re.I,
)
# The most sentences a summary gives a document, however many are asked for.
MAX_SUMMARY_SENTENCES = 8


def summary_length(question: str, documents: int, position: int = 0) -> int:
    """Sentences for the document at `position` of a summary of `documents` documents: as many as
    the question asks for in all ("in three sentences": shared out, the earlier documents taking
    what does not divide, at least one each; "in two sentences each": two each), else SENTENCES_ONE_DOCUMENT for one document and
    SENTENCES_EACH_DOCUMENT each for several."""
    asked = _IN_SENTENCES.search(question)
    if asked is None:
        return SENTENCES_ONE_DOCUMENT if documents == 1 else SENTENCES_EACH_DOCUMENT
    word = (asked.group("upto") or asked.group("count") or asked.group("before")).lower()
    count = int(word) if word.isdigit() else 1 if word in ("a", "an") else COUNTS[word]
    if asked.group("each"):
        # "in two sentences each": that many for every document.
        return max(1, min(MAX_SUMMARY_SENTENCES, count))
    share, left = divmod(count, max(1, documents))
    return max(1, min(MAX_SUMMARY_SENTENCES, share + (position < left)))


def asks_summary(question: str) -> bool:
    """True when the question asks for a summary or the main points of a document (or of all)."""
    return bool(_ASKS_SUMMARY.search(question))


def asks_gist(question: str) -> bool:
    """True for "What does Alcaro argue?" / "What does the IAI commentary say?": a summary when the
    words name exactly one document. "What did Luther say?" over an encyclopedia, whose article on
    Luther is many documents, is ordinary answering (as a summary of them all it cited paragraphs
    that do not answer: XQuAD citation precision 0.957 -> 0.751)."""
    return bool(_ASKS_GIST.match(question))


def target_documents(question: str, documents: Mapping[str, Mapping[str, Any]]) -> list[str] | None:
    """The documents a summary question names by their metadata (publisher, author, kind, title,
    month): the best matches, or all documents when it names none ("Summarise the documents").
    None when it names something no document's metadata mentions ("Summarise
    the Belarus report"): that is a question about a topic, for ordinary answering.

    Args:
        question: the question as typed.
        documents: metadata of every indexed document, by doc_id.
    """
    asked, matched = named_documents(question, documents)
    # "the author" names every document that has one: it tells them apart only when nothing else
    # does ("How does the author end the April piece?" is the April piece, whose author is not named).
    if any(words - AUTHOR_WORDS for words in matched.values()):
        matched = {d: words - AUTHOR_WORDS for d, words in matched.items()}
    scores = {d: len(words) for d, words in matched.items()}
    best = max(scores.values(), default=0)
    if best == 0:
        return sorted(documents) if not asked else None
    return sorted(d for d, s in scores.items() if s == best)


def named_documents(question: str, documents: Mapping[str, Mapping[str, Any]]) -> tuple[set[str], dict[str, set[str]]]:
    """The question's words (lower case, without stop words and words like "summary" or "document"),
    and for each document those of them its metadata card (title, author, publisher, kind, spoken
    date) holds; "author" is on the card of every document that names its author. A kind of
    document ("the two commentaries") names the documents of that kind when the others are of
    another ("press release")."""
    asked = {w.lower() for w in TOPIC_WORD.findall(question)} - QUERY_STOPWORDS - _GENERIC
    kinds = {singular(w) for w in _KIND_NOUN.findall(question)}
    matched = {}
    for doc_id, meta in documents.items():
        card = " ".join(str(meta.get(k) or "") for k in ("title", "author", "publisher", "kind")) + " " + spoken_date(
            meta.get("date") if isinstance(meta.get("date"), str) else None
        )
        words = {w.lower() for w in TOPIC_WORD.findall(card)} - QUERY_STOPWORDS - _GENERIC
        if meta.get("author"):
            words |= AUTHOR_WORDS
        matched[doc_id] = asked & words
        if kinds:
            matched[doc_id] |= kinds & {singular(w) for w in _KIND_NOUN.findall(str(meta.get("kind") or ""))}
    # A kind every document is of tells none apart. A word on the cards of more than
    # MAX_NAMED_DOCUMENTS documents names none of them by itself ("Russia" in the titles of a
    # thousand press releases: a comparison of "the two commentaries" beside them had quoted 810
    # documents), only among those another word names ("the April commentary").
    held = Counter(w for words in matched.values() for w in words - AUTHOR_WORDS)
    everywhere = {w for w in kinds if held[w] == len(matched)}
    common = {w for w, n in held.items() if n > MAX_NAMED_DOCUMENTS} - everywhere
    if everywhere or common:
        named = {d for d, words in matched.items() if words - everywhere - common - AUTHOR_WORDS}
        matched = {d: words - everywhere - (set() if d in named else common) for d, words in matched.items()}
    return asked, matched


# The topic a question ends on: "… on weapons?", "… say about Crimea?" (no comma in it: "…, according
# to Lavrov" is no part of the topic).
TOPIC_ENDING = re.compile(r"\b(?:on|about|regarding|concerning)\s+(?P<topic>[^?.!,]+?)\s*[?.!]*\s*$", re.I)

# Phrases that point at a document: "according to the April piece", "according to Alcaro", "in
# the IAI commentary".
# ", according to the April piece": a source the question names, as far as the next clause mark.
ACCORDING_TO = re.compile(r",?\s*\baccording\s+to\s+(?P<ref>[^,;?.!]+)", re.I)
_IN_DOCUMENT = re.compile(
    r",?\s*\b(?:in|from)\s+(?P<ref>(?:the|this|that|his|her|their|its)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?:commentary|article|piece|paper|report|analysis|essay|op-?ed|document))\b",
    re.I,
)


# "the April commentary", "the IAI piece": a document by a word of its metadata and its kind; "the
# April author" too, by its author ("author" alone names no document: `AUTHOR_WORDS`), but not "the
# author of the April article", which names it by what follows.
_DOCUMENT_REF = (
    r"(?P<ref>(?:the|this|that)\s+(?:[\w’'-]+\s+){0,4}?(?:commentary|article|piece|paper|report|analysis|essay|op-?ed|document|"
    r"(?:author|writer)(?!\s+of\b)))"
)
# "the IAI", "Alcaro": an author or publisher by name.
_NAME_REF = r"(?:the\s+)?(?P<ref>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
_SAYING_VERBS = (
    "say think argue recommend propose suggest want expect believe write claim predict warn conclude advise urge see view "
    "describe".split()
)


def _saying(ending: str) -> str:
    """The verbs of saying with `ending` ("" or "s"), "call for" among them. Not "want to": "What
    does the IAI want to promote?" asks what the institute itself does."""
    return "|".join(verb + ending + (r"(?!\s+to\b)" if verb == "want" else "") for verb in _SAYING_VERBS) + rf"|call{ending}\s+for"


# A document that speaks: "What does the April commentary recommend …?", "What does the IAI
# piece say …?"; and its author or publisher by name: "What does the IAI recommend …?", "What does
# Alcaro argue?" (by name only: "the author" may be any document's, "Russia" is in a title).
_DOCUMENT_SPEAKS = re.compile(rf"\b(?:does|do|did|would|has)\s+{_DOCUMENT_REF}\b", re.I)
# "Is the IAI commentary hopeful about …?": a document that judges, opening the question (not "What
# is the title of Alcaro's February commentary?", which asks about it).
_DOCUMENT_JUDGES = re.compile(rf"^\W*(?:is|was)\s+{_DOCUMENT_REF}\s+(?!series\b)", re.I)
_SPEAKER = re.compile(rf"\b(?i:does|do|did|would|has)\s+{_NAME_REF}\s+(?i:{_saying('')})\b")

# The same, reported: "Summarise what the April piece recommends.", "Explain what Alcaro argues.".
_DOCUMENT_SAYS = re.compile(rf"\b(?:what|how|why)\s+{_DOCUMENT_REF}\s+[a-z]+s\b", re.I)
_SPEAKER_SAYS = re.compile(rf"\b(?i:what|how|why)\s+{_NAME_REF}\s+(?i:{_saying('s')})\b")

# An author's or publisher's view by name: "What is Alcaro's view of the peace plan?".
_POSSESSOR = re.compile(
    r"\b(?P<ref>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})['’]s\s+(?i:view|views|opinion|position|take|assessment|"
    r"argument|arguments|stance|analysis|conclusion|conclusions|recommendations?|proposals?)\b"
)


# A document's own: "What is the April piece's recommendation on weapons?".
_DOCUMENT_OWNS = re.compile(rf"\b{_DOCUMENT_REF}['’]s\b", re.I)

# The phrases that point at a document: by its metadata, or by its author's or publisher's name.
_POINTING = (ACCORDING_TO, _IN_DOCUMENT, _DOCUMENT_SPEAKS, _DOCUMENT_JUDGES, _DOCUMENT_SAYS, _DOCUMENT_OWNS, _SPEAKER, _SPEAKER_SAYS, _POSSESSOR)
_BY_NAME = (_SPEAKER, _SPEAKER_SAYS, _POSSESSOR)


def _bylines(documents: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each document's author and publisher alone, what a name may point at."""
    return {d: {"author": meta.get("author"), "publisher": meta.get("publisher")} for d, meta in documents.items()}


def pointed_documents(question: str, documents: Mapping[str, Mapping[str, Any]], by_name: bool = False) -> list[str]:
    """The documents a phrase of the question points at by their metadata ("according to the April
    piece", "according to Alcaro", "in the IAI commentary", "What does the April commentary
    recommend?", "What does the IAI say?"): those its words match best. Empty when it points at
    none ("according to the OHCHR", "in the article", "What does Russia want?"). With `by_name`, only
    those a phrase points at by an author's or publisher's name ("according to Alcaro", not
    "according to the April piece")."""
    pointed: set[str] = set()
    bylines = _bylines(documents)
    for pattern in _POINTING:
        # A speaker by name is matched against the bylines alone.
        cards = bylines if by_name or pattern in _BY_NAME else documents
        for match in pattern.finditer(question):
            _, matched = named_documents(match.group("ref"), cards)
            # "according to the author" names every document that has one: not which of them is meant.
            matched = {d: words - AUTHOR_WORDS for d, words in matched.items()}
            best = max((len(words) for words in matched.values()), default=0)
            pointed |= {d for d, words in matched.items() if best and len(words) == best}
    return sorted(pointed)


def asked_topic(question: str) -> set[str]:
    """The words of a question about a document that say what it asks about, not which document
    nor that it asks for a summary ("What should the West do according to the April piece?" ->
    {"west", "do"}): without stop words, words like "summary" or "piece", and the words of the
    phrases that point at a document (`pointed_documents`)."""
    pointing = set()
    for pattern in _POINTING:
        for match in pattern.finditer(question):
            pointing |= {w.lower() for w in TOPIC_WORD.findall(match.group("ref"))}
    return {w.lower() for w in TOPIC_WORD.findall(question)} - QUERY_STOPWORDS - _GENERIC - AUTHOR_WORDS - pointing


def _without_ref(match: re.Match[str]) -> str:
    """The text of a match without its "ref" group (a substitution for `re.sub`)."""
    return match.string[match.start() : match.start("ref")] + match.string[match.end("ref") : match.end()]


def without_sources(question: str) -> str:
    """The question without the phrases that name who says what it asks ("according to the IAI",
    "in the IAI piece", the "IAI" of "What does the IAI recommend?"): what is left is what it asks about. After
    "according to …" has named the source, a name before "want" or "say" is what is asked about
    ("What does Putin want, according to Alcaro?")."""
    sourced = ACCORDING_TO.sub(" ", question)
    if sourced != question:
        return sourced
    # "Which US president is mentioned in the IAI piece?": not "IAI", which drew a reference to *IAI Commentaries*.
    question = " ".join(_IN_DOCUMENT.sub(" ", question).split())
    question = _POSSESSOR.sub(lambda m: m.string[m.end("ref") + 2 : m.end()], question)
    # "What sort of organisation does the IAI say it is?": the speaker is what it asks about too.
    return _SPEAKER.sub(lambda m: m.group() if _ABOUT_ITSELF.match(m.string, m.end()) else _without_ref(m), question)


# After a speaker's verb, words that point back at the speaker: "… say it is", "… describe itself".
_ABOUT_ITSELF = re.compile(r"\s+(?:that\s+)?(?:it|itself|its|they|themselves|their)\b", re.I)


def without_document_names(question: str) -> str:
    """The question without the phrases that point at a document by its metadata ("the IAI
    commentary" of "What scenario does the IAI commentary call implausible?", ", according to the
    April piece"): the document is already chosen, and the words that name it would draw the
    sentences that hold them (the publisher's contact block, a reference to *IAI Commentaries*),
    not what is asked."""
    question = ACCORDING_TO.sub(" ", _IN_DOCUMENT.sub(" ", question))
    for pattern in (_DOCUMENT_SPEAKS, _DOCUMENT_JUDGES, _DOCUMENT_SAYS, _DOCUMENT_OWNS):
        question = pattern.sub(_without_ref, question)
    return " ".join(question.split())


def central_sentences(vectors: np.ndarray, k: int, dependent: Sequence[bool] = (), lead: bool = False) -> list[int]:
    """Indexes of up to k sentences that best cover a document: nearest to the mean of all its
    sentence vectors, skipping any too similar to one already chosen (maximal marginal relevance).

    With `lead`, the first sentence that stands alone comes first: the opening of an article states
    its subject. A sentence marked `dependent` ("But ...", "This could ...": it leans on the one
    before it) is taken only when too few others are left."""
    import numpy as np

    if not len(vectors):
        return []
    centroid = vectors.mean(axis=0)
    centroid = centroid / (np.linalg.norm(centroid) or 1.0)
    closeness = vectors @ centroid
    leans = [bool(dependent[i]) if i < len(dependent) else False for i in range(len(vectors))]
    order = [int(i) for i in np.argsort(-closeness, kind="stable")]
    order = [i for i in order if not leans[i]] + [i for i in order if leans[i]]
    opening = next((i for i in range(len(vectors)) if not leans[i]), None) if lead else None
    if opening is not None:
        order.remove(opening)
        order.insert(0, opening)
    chosen: list[int] = []
    for i in order:
        if len(chosen) >= k:
            break
        if any(float(vectors[i] @ vectors[j]) >= REDUNDANCY for j in chosen):
            continue
        chosen.append(i)
    return sorted(chosen)


# Openings that lean on the sentence before: a contrast, a consequence, a pronoun for something
# said before, an item of a list announced before ("The second problematic issue is ...").
_DEPENDENT = re.compile(
    r"^\W*(?:but|however|yet|and|or|nor|so(?!\s+far)|thus|hence|therefore|indeed|moreover|furthermore|also|still|"
    r"instead|this|that|these|those|it|its|they|their|them|he|his|she|her|such|finally|"
    r"(?:the\s+)?(?:first|second|third|fourth|fifth|other|latter|former)|"
    r"in\s+(?:exchange|return|turn|addition|short)|for\s+(?:its|their|his|her)\s+part|as\s+a\s+result)\b",
    re.IGNORECASE,
)


def leans_on_previous(sentence: str) -> bool:
    """True when the sentence opens with a word that needs the one before it ("But ...", "This could ...")."""
    return _DEPENDENT.match(sentence) is not None

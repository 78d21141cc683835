"""Comparisons: "Compare the two commentaries" or "Do the sources agree on the peace plan?" is
answered one part per document, each under its source's name, not by the single nearest sentence."""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from qa.answering.authorship import DOCUMENT_WORD
from qa.answering.summary import AUTHOR_WORDS, MAX_NAMED_DOCUMENTS, TOPIC_ENDING, named_documents
from qa.index.bm25 import QUERY_STOPWORDS

# What a document may be asked to hold as a view: "What do the two commentaries suspect ...?"
_STANCE = "say|think|argue|write|suspect|believe|expect|fear|conclude|recommend|propose|suggest"
# How a document may be asked to present something: "How does each document describe …?"
_PORTRAY = "describe|see|view|treat|portray|present|assess|judge|characteri[sz]e|explain|discuss|frame|cover"
# The documents named in the plural: "both pieces", "the two commentaries".
DOCUMENTS_PLURAL = frozenset("documents sources commentaries authors articles pieces papers reports writers texts".split())
_DOCUMENTS_PLURAL = "|".join(sorted(DOCUMENTS_PLURAL))
# A word saying that the documents share what is judged: "Are the two pieces equally pessimistic?".
_LIKEWISE = r"(?:(?:equally|similarly|both|as)\s+)?"
_ASKS_COMPARISON = re.compile(
    r"^\W*(?:please\s+)?(?:compare|contrast)\b"
    # Of several: "Does the author agree?" asks one author about what was said, not the documents apart.
    r"|\b(?:do|did)\s+(?:the\s+|both\s+|all\s+)?(?:two\s+|three\s+)?(?:sources|documents|commentaries|authors|"
    r"pieces|articles|papers|reports|texts|writers)\s+(?:\w+\s+)?(?:agree|disagree|differ|concur|diverge|part\s+ways)\b"
    # "Where do the April article and Alcaro's commentary part company?": a possessive among the words.
    r"|\b(?:how|where|in what ways?)\s+(?:do|does|did)\s+(?:[\w’'-]+\s+){1,8}(?:differ|disagree|agree|compare|diverge|part\s+(?:ways|company))\b"
    r"|\b(?:differences?|similarit(?:y|ies)|agreements?|disagreements?|contradictions?|inconsistenc(?:y|ies)|discrepanc(?:y|ies))\s+between\b"
    r"|\bwhat\s+(?:do|does)\s+(?:each|both|the\s+(?:two|different)\s+\w+)\s+(?:\w+\s+)?(?:" + _STANCE + r")\b"
    # "How does each document describe the status of Crimea?"
    r"|\bhow\s+(?:do|does|did)\s+(?:each|both|the\s+(?:two|different)\s+\w+)\s+(?:\w+\s+)?(?:" + _PORTRAY + r")\b"
    r"|\bwhat\s+do\s+the\s+(?:documents|sources|commentaries|authors|articles|pieces|texts)\s+(?:" + _STANCE + r")\b"
    # "Do both authors think more pressure is needed?": whether each holds the view, side by side.
    r"|^\W*(?:do|did)\s+(?:both|all|each\s+of)\s+(?:the\s+)?(?:two\s+)?(?:documents|sources|commentaries|authors|"
    r"articles|pieces|papers|reports|writers|texts)\s+(?:\w+\s+)?(?:" + _STANCE + "|" + _PORTRAY + r"|mention|support|want|call|favou?r)\b"
    # "Do the two pieces see the negotiations the same way?", "Do the documents share a view of
    # sanctions?": each one's view, side by side.
    r"|^\W*(?:do|did)\s+(?:the\s+(?:two\s+|three\s+)?|both\s+(?:the\s+)?|all\s+(?:the\s+)?)(?:" + _DOCUMENTS_PLURAL + r")\s+"
    r"(?:(?:" + _PORTRAY + r"|" + _STANCE + r")\s+[^?]{1,80}?\s+(?:the\s+same\s+way|in\s+the\s+same\s+way|alike|similarly|differently)"
    r"|share\s+(?:the\s+same\s+|a\s+|one\s+|an?\s+common\s+)?(?:views?|opinions?|assessments?|outlook|position))\b"
    # "Does the IAI commentary agree with the April piece about sending weapons?": the two side by side.
    r"|^\W*(?:does|do|did)\s+(?:[\w’'-]+\s+){1,4}?(?:agree|disagree|concur)\s+with\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:commentary|piece|article|document|source|report|paper|author|text)\b"
    # "Which document mentions Israel?": each document that speaks of it, under its name.
    r"|^\W*(?:which|what)\s+(?:of\s+the\s+(?:two\s+)?)?(?:documents?|commentar(?:y|ies)|articles?|pieces?|sources?|texts?)\s+"
    r"(?:mentions?|discuss(?:es)?|talks?\s+about|covers?|deals?\s+with|refers?\s+to|speaks?\s+(?:of|about))\b"
    # "Which regions do both documents identify as a major issue?": what each one names, side by side.
    r"|^\W*(?:which|what)\s+(?:[\w’'-]+\s+){0,4}?(?:do|did)\s+(?:both|all|each\s+of)\s+(?:the\s+)?(?:two\s+|three\s+)?"
    r"(?:" + _DOCUMENTS_PLURAL + r")\s+[a-z]"
    # "Are both pieces pessimistic about the talks?", "Are the two commentaries equally hopeful?": each
    # document's view, side by side.
    r"|^\W*(?:are|were)\s+(?:both|all|the\s+(?:two|three)|each\s+of\s+the(?:\s+two)?)\s+(?:of\s+the\s+)?(?:" + _DOCUMENTS_PLURAL
    + r")\s+" + _LIKEWISE
    # A judgement, not where they come from ("Are the two documents from the same publisher?").
    + r"(?!(?:from|by|in|on|of|about|at|with|for|written|published|dated|signed|the|a|an)\b)[a-z]"
    # "Which commentary is more optimistic about the talks?": each document's view, side by side.
    r"|^\W*which\s+(?:of\s+the\s+(?:two\s+)?\w+\s+|one\s+)?(?:\w+\s+)?(?:is|was|are|seems?)\s+(?:more|less|most|least)\b"
    # "What compromise on Crimea is Ukraine described as offering in the two commentaries?": each one's.
    r"|\b(?:in|according\s+to|by)\s+(?:both|the\s+two|each\s+of\s+the(?:\s+two)?)\s+(?:documents|sources|commentaries|pieces|"
    r"articles|texts|authors|reports|papers)\s*[?.!]*\s*$",
    re.I,
)
# What is judged: "is more optimistic", not "more weapons should be sent" (what is compared); "are both
# pieces (equally) pessimistic".
_JUDGED = re.compile(
    r"\b(?:is|are|was|were|be|seems?|sounds?|appears?)\s+(?:the\s+)?(?:more|less|most|least)\s+([^\W\d_]+)"
    r"|^\W*(?:are|were)\s+(?:\w+\s+){1,3}?(?:" + _DOCUMENTS_PLURAL + r")\s+" + _LIKEWISE + r"([^\W\d_]+)", re.I
)
# A comparison of documents, not of things ("How do both chloroplast membranes compare to ...?").
_DOCUMENTS = re.compile(
    r"\b(?:sources?|documents?|commentar(?:y|ies)|pieces?|articles?|papers?|reports?|authors?|texts?|publications?|"
    r"writers?|views?|accounts?)\b",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Words that ask for a comparison or name documents in general, not what is compared.
_FRAME = frozenset(
    "compare comparison contrast agree agreement agreements disagree disagreement disagreements differ difference "
    # "Where do the two authors part ways on China?"
    "diverge part "
    "differences similar similarity similarities concur between say says think argue write ways way two three "
    "both each different source sources document documents commentary commentaries piece pieces article articles "
    "paper papers report reports author authors view views which more less most least "
    "suspect believe expect fear conclude recommend propose suggest "
    "describe see treat portray present assess judge characterise characterize explain discuss frame cover "
    # "… is Ukraine described as offering in the two commentaries?": how it is said, not what.
    "described describes portrayed portrays presented characterised characterized depicted depicts seen treated "
    # "Do the sources disagree about anything?": about what, it leaves open.
    "anything something everything "
    # "Do the two pieces see the talks the same way?", "… share a view of …?"
    "same alike similarly differently share "
    # "Which document mentions Israel?": the verb asks which, the name is the topic.
    "mention mentions discusses covers deal deals refer refers speak speaks "
    # "Which regions do both documents identify as …?": the verb picks out, the rest is the topic.
    "identify identifies identified name names named list lists listed consider considers regard regards".split()
)
_POINT_OF = re.compile(
    r"\b(?:(?:strongest|biggest|main|key|major|chief|central|greatest|sharpest|clearest|principal|most\s+important|"
    r"important|real|first|only)\s+)?(?:points?|areas?|issues?|sources?|bones?)\s+of\s+"
    r"(?:disagreement|agreement|difference|contention|divergence|convergence)s?\b",
    re.I,
)
_PART_COMPANY = re.compile(r"\bpart(?:s|ed)?\s+company\b", re.I)
_TIMING = re.compile(r"\b(?:so\s+far|until\s+now|up\s+to\s+now|right\s+now|these\s+days|at\s+present|to\s+date)\b", re.I)
# Documents in one comparison when the question names none: the best few that speak to the topic.
MAX_DOCUMENTS = 3


# "What does the IAI commentary say about China?", "What did Alcaro write on sanctions?": one
# document's view of a topic (the document is named before the verb).
_ASKS_VIEW = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?what\s+(?:does|did|do)\s+(?P<ref>(?:[\w’'.|-]+\s+){1,8}?)(?:" + _STANCE + r"|said|wrote)\s+"
    r"(?:about|on|of|regarding|concerning)\s+\S",
    re.I,
)


# "Does the April piece mention China?": whether one document speaks of a topic, and what it says.
_ASKS_MENTION = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:does|did|do)\s+(?P<ref>(?:[\w’'.|-]+\s+){1,8}?)(?:mentions?|discuss(?:es)?|"
    r"talks?\s+about|speaks?\s+(?:of|about)|refers?\s+to|covers?|deals?\s+with|name)\s+\S",
    re.I,
)


# "What is the April article's view of the talks?": a document's view, by the document's own name
# (not "What is Russia's view of Crimea?", which asks for Russia's).
_ASKS_VIEW_OF = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?what\s+(?:is|was|are|were)\s+(?P<ref>(?:[\w’'.|-]+\s+){0,6}?[\w’'.|-]+?)['’]s?\s+"
    r"(?:view|views|opinion|position|stance|take|assessment|verdict)\s+(?:of|on|about|regarding|concerning)\s+\S",
    re.I,
)


# "How does Alcaro describe Putin's war?": one document's portrayal of a topic.
_ASKS_PORTRAYAL = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?how\s+(?:does|did|do)\s+(?P<ref>(?:[\w’'.|-]+\s+){1,8}?)(?:" + _PORTRAY + r")\s+\S",
    re.I,
)


def _view_match(question: str) -> re.Match[str] | None:
    """The match of a view question ("What does X say about Y?", "Does X mention Y?", "What is X's
    view of Y?" of a document X): its `ref` group names the document, and the topic starts at its
    last character."""
    found = _ASKS_VIEW.match(question) or _ASKS_MENTION.match(question) or _ASKS_PORTRAYAL.match(question)
    if found is None and (of := _ASKS_VIEW_OF.match(question)) is not None and DOCUMENT_WORD.search(of.group("ref")):
        found = of
    return found


def asks_view(question: str) -> bool:
    """True when the question has the form of one document's view ("What does X say about Y?",
    "Does X mention Y?"); which document X names, if any, `viewed_document` says."""
    return _view_match(question) is not None


def viewed_document(question: str, documents: Mapping[str, Mapping[str, Any]]) -> str | None:
    """The one document whose view the question asks for ("What does the IAI commentary / Alcaro
    say about China?"), named before the verb by its metadata; None when the question has not that
    form, or names no document or several ("What did Peskov say about Crimea?": no document)."""
    match = _view_match(question)
    if match is None:
        return None
    _, matched = named_documents(match.group("ref"), documents)
    # "the author" names every document that has one: not which of them is meant.
    matched = {d: words - AUTHOR_WORDS for d, words in matched.items()}
    # "What does Russia say about Crimea?" names a speaker, not "Russia–Ukraine Talks and the
    # Indispensable Role of the US and Europe": one word of a long title alone, without a word for a
    # document, names no document.
    matched = {d: words for d, words in matched.items() if words and not _title_word_only(match.group("ref"), words, documents[d])}
    best = max((len(words) for words in matched.values()), default=0)
    named = [d for d, words in matched.items() if best and len(words) == best]
    return named[0] if len(named) == 1 else None


def _title_word_only(ref: str, words: set[str], meta: Mapping[str, Any]) -> bool:
    """True when the words naming a document are less than half of its title's and none of its other
    metadata's, and the reference has no word for a document ("commentary", "piece", …)."""
    title = {w.lower() for w in re.findall(r"[^\W\d_][\w’'-]*", str(meta.get("title") or ""))} - QUERY_STOPWORDS
    other = " ".join(str(meta.get(k) or "") for k in ("author", "publisher", "kind", "date")).lower()
    return (bool(title) and words <= title and not any(w in other for w in words)
            and 2 * len(words) < len(title) and DOCUMENT_WORD.search(ref) is None)


def view_topic(question: str) -> set[str]:
    """The words of a view question after its verb: what the view is on, words of a document's
    metadata included ("What does the IAI commentary say about Europe?" -> {"europe"}, though
    "Europe" is in that commentary's title); empty for other questions."""
    match = _view_match(question)
    if match is None:
        return set()
    part = question[match.end() - 1 :]
    asked, _ = named_documents(part, {})
    return _compared(asked, part)


# "Do they agree?", "And do both agree?": whether the documents of the turns before agree, on what they were asked.
_THEY_AGREE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:do|did|does)\s+(?:they|both|the\s+two|these|those)\s+(?:(?:really|both|actually)\s+)?"
    r"(?:agree|disagree|differ|concur)\s*[?.!]*\s*$",
    re.I,
)
_ASKS_VALUE = re.compile(r"\s*(?:how\s+(?:many|much|long|old)|when|where|who|which|what\s+(?:year|date|day|month))\b", re.I)


def agreement_asked(question: str, earlier: list[str]) -> str | None:
    """"Do they agree?" after "What does the April article say about Crimea?" (and "And the IAI
    commentary?"): "Do the documents agree about Crimea?", the topic of the latest of the `earlier`
    questions that asks for a document's view; after "How many points does the plan have?", "Do the
    documents agree on how many points …?". None for other questions, or when none of them asks so."""
    if not _THEY_AGREE.match(question):
        return None
    for turn in reversed(earlier):
        topic = TOPIC_ENDING.search(turn) if asks_view(turn) else None
        if topic is not None:
            return f"Do the documents agree about {topic.group('topic')}?"
        if _ASKS_VALUE.match(turn):
            # After "How many points does the peace plan have?": whether they agree on that value.
            return f"Do the documents agree on {turn[0].lower()}{turn[1:]}"
    return None


# "Do the sources disagree about anything?", "Where do the two commentaries differ?": whether, and where.
_ASKS_DIFFERENCES = re.compile(r"\b(?:disagree|disagreements?|differ|differences?|diverg\w*|part\s+(?:ways|company)|contradict\w*|inconsisten\w*)\b", re.I)
# A count joined to what it counts: "10-point plan", "15-year timeline", "three-front campaign".
_COUNTED = re.compile(
    r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)-(?P<unit>[a-z]+)\s+(?P<head>[a-z]{3,})\b",
    re.I,
)


# "Do the two documents agree on the size of the peace plan?": a measure of the thing compared.
_ASKS_MEASURE = re.compile(r"\b(?:size|number|length|count|scale|how\s+(?:many|long|big|large))\b", re.I)


def asks_differences(question: str) -> bool:
    """True when a comparison question asks where the documents differ or disagree, or whether
    they agree on a measure of what is compared (its size, number or length): a thing they count
    differently answers either."""
    return _ASKS_DIFFERENCES.search(question) is not None or _ASKS_MEASURE.search(question) is not None


def counted_things(sentence: str) -> dict[str, str]:
    """The things a sentence counts in a compound, each with its count: "a Ukrainian 10-point plan"
    -> {"point plan": "10"}."""
    return {f"{m.group('unit').lower()} {m.group('head').lower()}": m.group("n").lower() for m in _COUNTED.finditer(sentence)}


def differing_counts(texts: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Of (document, text) pairs, the things (`counted_things`) that two documents or more count
    differently, each with the position of the first pair of each document that counts it; in the
    order they first appear."""
    first: dict[str, dict[str, tuple[str, int]]] = {}
    for k, (document, text) in enumerate(texts):
        for thing, count in counted_things(text).items():
            first.setdefault(thing, {}).setdefault(document, (count, k))
    return {thing: {d: k for d, (_, k) in by_document.items()} for thing, by_document in first.items()
            if len(by_document) >= 2 and len({count for count, _ in by_document.values()}) >= 2}


# "Who is more pessimistic about the talks?": which author, by a word for a stance a document takes
# (not "Who is more likely to win?", which asks about the war).
_WHO_MORE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?who\s+(?:is|was|seems?|sounds?)\s+(?:more|less|most|least)\s+"
    r"(?:optimistic|pessimistic|hopeful|sceptical|skeptical|critical|cautious|confident|positive|negative|hawkish|"
    r"worried|alarmed|gloomy|upbeat|realistic|favou?rable|doubtful)\b",
    re.I,
)


def asks_comparison(question: str) -> bool:
    """True when the question asks how documents (sources, commentaries, authors ...) compare, or whether they agree."""
    return bool(_ASKS_COMPARISON.search(question) and _DOCUMENTS.search(question)) or _WHO_MORE.search(question) is not None


# "Do the sources differ on how many points the peace plan has?": whether they agree on a value
# (a count, a date, a name, a place), which the question asks as a clause.
_ON_VALUE = re.compile(
    r"\b(?:agree|disagree|differ|concur)\s+(?:on|about|over|as\s+to|in)\s+"
    r"(?P<asked>(?:how\s+(?:many|much|long|often|old|far)|when|where|who|whom|which|what\s+(?:year|date|day|month))\b[^?]*)",
    re.I,
)


def value_asked(question: str) -> str | None:
    """The value a question asks whether the documents agree on, as a question of its own ("Do the
    sources differ on how many points the peace plan has?" -> "How many points the peace plan has?");
    None for other questions. Answered so, the documents' differing values are each shown."""
    match = _ON_VALUE.search(question)
    if match is None or not asks_comparison(question):
        return None
    asked = match.group("asked").strip(" .!")
    return asked[:1].upper() + asked[1:] + "?"


# What a comparison is on, at its end: "... differ on the role of Europe?", "... agree about sanctions?".
# "… differ on the role of Europe?", "Compare the two commentaries on sanctions": the phrase after
# the comparison's own "on"; not "… the effect of Western sanctions on Russia?", where "on" is the
# sanctions'.
_ON_TOPIC = re.compile(
    r"\b(?:differ|differs|agree|agrees|disagree|disagrees|concur|compare|compared|contrast|say|says|said|think|thinks|"
    r"write|writes|wrote|argue|argues|views?|stand|positions?|stances?|commentar(?:y|ies)|documents?|pieces?|"
    r"sources?|articles?|authors?|papers?|reports?|texts?|who)\s+(?:(?:is|are|was|were|seems?)\s+(?:more|less|most|least)\s+\w+\s+|(?:\w+\s+){0,2}?)"
    r"(?:on|about|over|regarding|concerning)\s+(?P<topic>[^,;:?!.]+?)\s*[?!.]*\s*$",
    re.I,
)


# "Which document talks about energy?": the verb, not "talks" as in a document's title ("… Talks and the
# Indispensable Role …"), which would name both documents.
_TALKS_ABOUT = re.compile(
    r"^(?P<which>\W*(?:which|what)\s+(?:of\s+the\s+(?:two\s+)?)?(?:documents?|commentar(?:y|ies)|articles?|pieces?|"
    r"sources?|texts?)\s+)talks?(?=\s+about\b)",
    re.I,
)


def plain_verb(question: str) -> str:
    """The question with "talks about" after "Which document" said as "speaks about", which names no document."""
    return _TALKS_ABOUT.sub(r"\g<which>speaks", question)


def comparison_topic(question: str, documents: Mapping[str, Mapping[str, Any]]) -> set[str]:
    """The words of a comparison question that say what is compared: neither comparison words, nor
    stop words, nor words naming a document by its metadata ("Compare the IAI and the 1 April
    pieces on sanctions" -> {"sanctions"}), except after "on" or "about" at its end: "How do the
    commentaries differ on the role of Europe?" compares on {"role", "europe"}, words of the IAI
    commentary's title ("… the Role of the US and Europe")."""
    on = _ON_TOPIC.search(question)
    if on is not None:
        asked, _ = named_documents(on.group("topic"), {})
        topic = _compared(asked, on.group("topic"))
        if topic:
            return topic
    asked, matched = named_documents(question, documents)
    naming = set().union(*matched.values()) if matched else set()
    return _compared(asked, question) - naming


def compared_words(question: str, documents: Mapping[str, Mapping[str, Any]]) -> set[str]:
    """The words of a comparison question that may say what is compared, words of a document's
    metadata included: "plan" is in the April piece's title, and also what "Do the sources agree
    on the peace plan?" compares."""
    asked, _ = named_documents(question, documents)
    return _compared(asked, question)


def judged_words(question: str) -> set[str]:
    """The words for what a comparison judges each document by ("Which commentary is more optimistic
    …?", "Are both pieces pessimistic …?" -> {"optimistic"}, {"pessimistic"}); empty when it judges none."""
    return {(m.group(1) or m.group(2)).lower() for m in _JUDGED.finditer(question)}


def _compared(asked: set[str], question: str) -> set[str]:
    """The question's words (`named_documents`) less comparison words, stop words and what is judged."""
    # "Which commentary is more optimistic about the talks?" compares on the talks; how optimistic
    # each is, the reader judges from the parts (no sentence says "optimistic").
    judged = judged_words(question)
    # "… on Russia so far?": a phrase saying when, not what is compared.
    timing = {w.lower() for m in _TIMING.finditer(question) for w in m.group(0).split()}
    # "What is the strongest point of disagreement …?": where they differ, on no topic of its own.
    framing = {w.lower() for m in _POINT_OF.finditer(question) for w in _WORD.findall(m.group(0))}
    # "… part company?": where they differ, said so.
    framing |= {w.lower() for m in _PART_COMPANY.finditer(question) for w in _WORD.findall(m.group(0))}
    return asked - judged - timing - framing - _FRAME - QUERY_STOPWORDS


def compared_documents(question: str, documents: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The documents a comparison names by their metadata, in corpus order; empty when it names fewer
    than two, or more than MAX_NAMED_DOCUMENTS (then it names no few documents to set side by side)."""
    _, matched = named_documents(question, documents)
    named = sorted(d for d, words in matched.items() if words)
    return named if 2 <= len(named) <= MAX_NAMED_DOCUMENTS else []

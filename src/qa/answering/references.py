"""Sentences about the document rather than its subject: bibliographic references (a footnote
citing an article, with its link) and the document's own title line. They answer questions about
sources and titles ("Which newspaper published …?", "Who wrote the Reuters article …?"), and
rarely anything else: "What did the US announce on 16 March?" is not answered by a link."""

from __future__ import annotations

import re

from dataclasses import dataclass

from qa.ingest.clean import BOILERPLATE
from qa.ingest.dates import month_pattern
from qa.index.bm25 import stem

# Passage kinds that hold notes rather than the text's argument: a link there is a reference.
NOTE_KINDS = ("footnote", BOILERPLATE)

_LINK = re.compile(r"https?://|www\.\w", re.I)
_FOOTNOTE_MARK = re.compile(r"^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])\s*\S")
# "Author, "Title", in *Journal*, date": a reference without a link.
_CITATION = re.compile(r"[\"“][^\"”]{8,}(?:,[\"”]|[\"”],)\s+in\s+\*?[A-Z]")
_ABOUT_SOURCES = re.compile(
    # Not a treaty's article: "Which NATO article …?", "article 5", "an article of the constitution".
    r"\b(?:(?<!NATO\s)(?<!treaty\s)(?<!charter\s)(?<!constitutional\s)articles?(?!\s+\d)(?!\s+of\s+(?:the\s+)?(?:treaty|charter|constitution))|"
    r"report(?:s|ed|ing)?|reporters?|journalists?|correspondents?|columnists?|newspapers?|journal|magazine|news ?agency|cit(?:e|es|ed|ing)|references?|"
    r"footnotes?|publish(?:ed|es)?|publication|headlines?|titled?|links?|urls?|websites?)\b"
    # "In which paper did Balz write about …?": the outlet of a cited work.
    r"|^\W*in\s+(?:which|what)\s+(?:paper|outlet|daily|weekly)\b"
    # "Which organisation recorded civilian casualties?": who keeps the record a note cites.
    r"|^\W*(?:who|which\s+[a-z]+)\s+(?:recorded|records|documented|documents|counted|counts|tallied|compiled|tracked|tracks)\b"
    # "Whose figures does Alcaro use for civilian casualties?": whose count a note names.
    r"|^\W*(?:(?:and|so|but)\s+)?whose\s+(?:[a-z-]+\s+)?(?:figures|data|numbers|statistics|estimates|counts?|tallies)\b",
    re.I,
)
# "What else has Alcaro written?": his other works, which only the references name. Not "What else
# has she written?" with no one named: whom "she" stands for is unknown.
_OTHER_WORKS = re.compile(
    r"\b(?i:(?:what|which)\s+(?:else|other\s+(?:works?|articles?|pieces?|commentar(?:y|ies)|papers?|publications?|books?))"
    r"\s+(?:has|have|had|did|does|do))\s+(?P<name>(?:[A-Z][\w’'-]+\s+){1,3})"
    r"(?i:write|writes|wrote|written|publish|publishes|published|author|authored)\b"
    # "List the other IAI commentaries by Alcaro", "Name other works by Riccardo Alcaro".
    r"|\b(?i:list|name|give\s+me|show\s+me)\s+(?i:the\s+|all\s+)?(?i:other\s+)(?:[A-Z][\w’'-]*\s+)?"
    r"(?i:works?|articles?|pieces?|commentar(?:y|ies)|papers?|publications?|books?)\s+(?i:by|of)\s+"
    r"(?P<by>(?:[A-Z][\w’'-]+\s*){1,3})"
    # "Which other commentaries are Riccardo Alcaro's?", "… are by Alcaro?"
    r"|\b(?i:what|which)\s+(?i:other\s+)(?i:works?|articles?|pieces?|commentar(?:y|ies)|papers?|publications?|books?)\s+"
    r"(?i:are|is)\s+(?i:by\s+)?(?P<whose>(?:[A-Z][\w’'-]+\s*){1,3}?)(?:[’']s)?\s*[?.!]*$"
)
_WORD = re.compile(r"\w+", re.UNICODE)
# The most words a reference's authors take before its title ("22 | 09 Nicolas J.A. Buchoud, Michael
# Keith, Susan Parnell and Martin van der Pütten, *A G7/G20 Pact …*").
AUTHORS_WORDS = 16
# The cited work's title: in quotes, or in italics (markdown asterisks).
_CITED_TITLE = re.compile(r"[\"“]([^\"”]{8,})[\"”]|\*([^*]{8,})\*")
_CONTENT = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][^\W\d_]{2,}", re.UNICODE)
_FULL_NAME = re.compile(r"\b[A-Z][^\W\d_]{2,}\s+[A-Z][^\W\d_]{2,}\b", re.UNICODE)
# A question naming at least this share of a cited title's words is about that work.
TITLE_SHARE = 0.5
# How many of a title's words name it, unless the question gives all of them.
TITLE_WORDS = 3
# The outlet a reference names: '"Title", in *Financial Times*, 20 March 2022'.
PUBLICATION = re.compile(r"\bin \*([^*]{2,80})\*")
# "Which newspapers are cited?", "What sources does Alcaro cite?", "Which Financial Times articles
# are cited in the IAI commentary?", "List the sources": the references of a document, not one of
# them. A topic after the verb ("… cited for the casualty figures?") asks for one source.
# "… other than the Financial Times", "besides the FT": an outlet left out.
_BESIDES = r"\s+(?i:other\s+than|besides|apart\s+from|aside\s+from|except(?:\s+for)?|excluding)\s+(?:(?i:the)\s+)?"
_ASKS_CITED = re.compile(
    r"^\W*(?:(?i:which|what)\s+(?:(?i:two|three|four|five|six|\d+)\s+)?(?P<outlet>(?:[A-Z][\w’'.-]*\s+){1,3})?(?P<noun>(?i:sources|newspapers|papers|"
    r"outlets|publications|media|articles|pieces|stories|works|references|reports|studies))"
    rf"(?:{_BESIDES}(?P<besides>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}}),?)?\s+"
    r"(?:(?i:are|were|is|does|do|did|has|have)\s+(?:[\w’'-]+\s+){0,4}?)?"
    r"(?i:cit(?:e|es|ed)|quot(?:e|es|ed)|referenced|us(?:e|es|ed)|rel(?:y|ies|ied)\s+on|draws?\s+on|mentioned)"
    r"|(?i:list|name|give\s+me)\s+(?i:all\s+)?(?i:the\s+|his\s+|her\s+|its\s+)?(?P<noun2>(?i:sources|references|"
    r"newspapers|outlets|publications|works\s+cited))"
    # "Who are the authors cited in the IAI commentary?": every reference, with its authors.
    r"|(?i:who\s+(?:are|were)\s+the\s+)(?P<noun3>(?i:authors|writers|journalists))\s+(?i:cited|quoted|referenced|mentioned))"
    # "… cite from the Financial Times?": those of one outlet.
    r"(?:\s+(?i:from)\s+(?:(?i:the)\s+)?(?P<outlet2>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}))?"
    rf"(?:{_BESIDES}(?P<besides2>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}}))?"
    r"(?:\s+(?i:in|by|from)\s+[^?.!]*)?\s*[?.!]*\s*$"
)
_OUTLET_NOUNS = frozenset("newspapers papers outlets publications media".split())
# "Give me the headline of the Reuters piece cited in the IAI commentary.": the titles of that
# outlet's cited works, all of them when it has several (nothing else said of the work: a date or a
# topic picks one, which the sentences answer).
_ASKS_OUTLET_TITLE = re.compile(
    r"^\W*(?:(?i:what(?:[’']s|\s+is|\s+was|\s+are|\s+were)|give\s+me|tell\s+me|name))\s+(?i:the)\s+(?i:headlines?|titles?)\s+"
    rf"(?i:of\s+the)\s+(?!(?:{month_pattern()})\b)"
    r"(?P<outlet>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})\s+(?i:pieces?|articles?|stor(?:y|ies)|reports?|items?)"
    r"(?:\s+(?i:cited|quoted|mentioned|referenced)\s+(?i:in|by)\s+[^?.!]+?)?\s*[?.!]*\s*$"
)


@dataclass(frozen=True)
class CitedAsked:
    """What a question about a document's references asks for: every reference, or one per outlet
    (`outlets`), perhaps only those of one outlet (`outlet`, "Financial Times"), or all but one
    (`besides`: "… other than the Financial Times")."""

    outlets: bool
    outlet: str | None
    besides: str | None = None
    titles: bool = False  # "the headline of the Reuters piece": its title is the short answer


# "Which newspaper is cited most in the IAI commentary?", "What source does Alcaro cite most often?",
# "Which newspapers does Alcaro cite most?"
_ASKS_MOST_CITED = re.compile(
    r"^\W*(?:which|what)\s+(?:newspaper|paper|outlet|publication|source|journal|media\s+outlet)s?\s+"
    r"(?:(?:is|was)\s+(?:cited|quoted|referenced|used)|(?:does|do|did)\s+(?:[\w’'-]+\s+){1,4}?(?:cite|quote|use|reference))"
    r"\s+(?:the\s+)?most(?:\s+often|\s+frequently)?\b",
    re.I,
)


def asks_most_cited(question: str) -> bool:
    """True for a question asking which outlet a document's references cite most often."""
    return _ASKS_MOST_CITED.match(question) is not None


def asks_cited(question: str) -> CitedAsked | None:
    """What the question asks of the documents' references ("Which newspapers are cited?"), or None."""
    titled = _ASKS_OUTLET_TITLE.match(question)
    if titled is not None:
        return CitedAsked(False, titled.group("outlet"), titles=True)
    match = _ASKS_CITED.match(question)
    if match is None:
        return None
    noun = (match.group("noun") or match.group("noun2") or match.group("noun3") or "").lower()
    outlet = (match.group("outlet") or match.group("outlet2") or "").strip() or None
    besides = (match.group("besides") or match.group("besides2") or "").strip() or None
    return CitedAsked(noun in _OUTLET_NOUNS, outlet, besides)


def publication(reference: str) -> str | None:
    """The outlet a reference names ("Financial Times"), or None."""
    found = PUBLICATION.search(reference)
    return found.group(1) if found is not None else None


def is_reference(sentence: str, in_notes: bool = False) -> bool:
    """True for a bibliographic reference: a sentence citing a quoted title "in" a publication, or
    one holding a link in the notes (`in_notes`: a passage of a NOTE_KINDS kind; or a sentence
    opening with a footnote number). A link in the body of a text is part of what it says."""
    if _CITATION.search(sentence):
        return True
    return bool(_LINK.search(sentence) and (in_notes or _FOOTNOTE_MARK.match(sentence)))


# The mark of an entry in a publisher's list of its series: "- 22 | 05".
_SERIES_MARK = r"-?\s*\d{1,4}\s*\|\s*\d{1,4}"
# A publisher's list of its series: "- 22 | 05 Franco Passacantando, *A Digital Euro …*".
_CATALOGUE_ENTRY = re.compile(rf"\s*{_SERIES_MARK}\s+\S")


def is_catalogue_entry(sentence: str) -> bool:
    """True for an entry of a publisher's list of its series ("- 22 | 10 Leo Goretti, *Putin’s Use …*")."""
    return _CATALOGUE_ENTRY.match(sentence) is not None


def restates_title(sentence: str, title: str | None) -> bool:
    """True when the sentence is the document's title line (the title, perhaps with "by" and the author)."""
    if not title:
        return False
    words, title_words = _WORD.findall(sentence.lower()), _WORD.findall(title.lower())
    return bool(title_words) and words[: len(title_words)] == title_words and len(words) <= len(title_words) + 6


def asks_about_sources(question: str) -> bool:
    """True when the question asks about a source, a publication or a title, which references answer."""
    return bool(_ABOUT_SOURCES.search(question)) or asks_other_works(question)


def asks_other_works(question: str) -> bool:
    """True when the question asks what else someone wrote, which a reference's title answers."""
    return bool(_OTHER_WORKS.search(question))


def other_works_author(question: str) -> str | None:
    """The author whose other works the question asks for ("What else did Riccardo Alcaro write?",
    "What other articles has Alcaro published?"), else None."""
    match = _OTHER_WORKS.search(question)
    if match is None:
        return None
    name = (match.group("name") or match.group("by") or match.group("whose")).strip(" ?.!")
    return re.sub(r"[’']s$", "", name)


def work_by(sentence: str, author: str) -> tuple[int, int] | None:
    """Offsets of the title of a work the sentence credits to the author, quoted or in italics right
    after their name ('⁷ Riccardo Alcaro, "Europe's Post-Cold War Order Is No More", in …',
    '22 | 12 Riccardo Alcaro, *The EU and the Ukraine War: …*'); None when it credits none to them."""
    title = _CITED_TITLE.search(sentence)
    if title is None:
        return None
    before = sentence[: title.start()]
    # The author's surname among the few words before the title: its byline, not a mention.
    if len(before.split()) > AUTHORS_WORDS or not re.search(rf"\b{re.escape(author.split()[-1])}\b", before):
        return None
    return title.span(1) if title.group(1) else title.span(2)


# What stands before a reference's authors: its footnote number, or a catalogue entry's "- 22 | 10".
_ENTRY_MARK = re.compile(rf"\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{{1,3}}\]|{_SERIES_MARK})?\s*")
_AUTHORS_END = re.compile(r"[\s,:]*$")


def cited_authors(sentence: str) -> tuple[int, int] | None:
    """Offsets of the authors a reference or catalogue entry names before its title ("Guy Chazan,
    Roman Olearchyk and Polina Ivanova" in '¹ Guy Chazan, Roman Olearchyk and Polina Ivanova,
    "Russia Regroups …"', "Leo Goretti" in "- 22 | 10 Leo Goretti, *Putin’s Use and Abuse of
    History …*"); None without a title, or when what precedes it is no short byline."""
    title = _CITED_TITLE.search(sentence)
    if title is None:
        return None
    start = _ENTRY_MARK.match(sentence).end()
    end = start + len(_AUTHORS_END.sub("", sentence[start : title.start()]))
    authors = sentence[start:end]
    if not authors or not authors[0].isupper() or len(authors.split()) > AUTHORS_WORDS or "," not in sentence[end : title.start()]:
        return None
    return start, end


def names_cited_work(question: str, reference: str, own_author: str | None = None) -> bool:
    """True when the question names the work a reference cites, by at least half the words of its
    title ("When did the Ukrainian Presidency say Ukraine must have a collective security
    agreement?"), or by the full name of one of its authors, two capitalised words side by side
    before the title ("Who is Edward White?" for '¹⁷ Edward White, "Ukraine Says China Is Ready
    …", in *Financial Times*'). The citing document's `own_author` citing his own earlier work is
    not named that way: "What does Alcaro propose?" asks about the document, not the work cited."""
    first = _CITED_TITLE.search(reference)
    if first is not None:
        authors = {w.lower() for w in _NAME.findall(reference[: first.start()])}
        authors -= {w.lower() for w in _NAME.findall(own_author or "")}
        names = [m.group(0).lower() for m in _FULL_NAME.finditer(question) if m.start() > 0]
        if any(set(name.split()) <= authors for name in names):
            return True
    return names_cited_title(question, reference)


_WORK_KINDS = r"(?:commentar(?:y|ies)|articles?|papers?|pieces?|works?|publications?|books?|reports?|stud(?:y|ies))"
# A word for a work: the question speaks of one ("the commentary on the digital euro").
_WORK_WORD = re.compile(rf"\b(?:{_WORK_KINDS}|footnotes?|notes?|references?|stor(?:y|ies)|titles?)\b", re.I)
# Who published the work, named before its kind: "the Financial Times article", "the IAI commentary".
_OUTLET_NAME = r"(?:(?-i:[A-Z])[\w’'.&-]*\s+){1,4}"
_OUTLET = rf"(?P<outlet>{_OUTLET_NAME})?"
# "Who wrote about Putin's use of history?", "Who are the authors of the commentary on sustainable
# urbanisation?": the authors of the work whose title says what the topic does ("the one about
# Japan", after a list of works, too).
_WHO_WROTE_ON = re.compile(
    # "Which IAI author wrote on Japan …?" asks who, too.
    r"^\W*(?:(?:and|but|so)\s+)?(?:who|(?:which|what)\s+(?:(?-i:[A-Z])[\w’'.&-]*\s+)?(?:author|writer|analyst|scholar|researcher|expert)s?)\s+"
    r"(?:(?:co-?)?wrote|has\s+(?:co-?)?written|have\s+(?:co-?)?written|(?:co-?)?authored|(?:is|was)\s+the\s+author\s+of|"
    rf"(?:are|were)\s+the\s+authors\s+of)\s+(?:(?:the|a|an)\s+)?(?:{_OUTLET}(?:{_WORK_KINDS}|one)\s+"
    # "Who wrote the piece in the Financial Times about the Russia sanctions list?": the outlet after the kind.
    rf"(?:(?:in|from)\s+(?:the\s+)?(?P<after>(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){{0,3}})\s+)?)?"
    # "… the FT piece saying the US poured cold water on …": what its title says.
    r"(?:about|on|regarding|concerning|dealing\s+with|saying|claiming|arguing|reporting|(?:that|which)\s+(?:says|said|claims|argues))\s+"
    # "… about urbanisation in the IAI list?": where the work is listed is no part of its topic.
    r"(?:that\s+)?(?P<topic>.+?)(?:\s+(?:in|from|on)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w’'-]*\s+)?"
    r"(?:list|catalogue|series|listing|commentaries|references|notes|footnotes))?\s*[?.!]*$",
    re.I,
)
# "Who are the authors of the Reuters article cited by Alcaro?": the works of that outlet the notes cite.
_WHO_WROTE_OUTLET = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?who\s+(?:wrote|authored|(?:is|was)\s+the\s+author\s+of|(?:are|were)\s+the\s+authors\s+of)\s+"
    # "Who is the author of the piece in the Washington Post cited by Alcaro?": the outlet after the kind.
    rf"(?:the|a|an)\s+(?:(?P<outlet>{_OUTLET_NAME}){_WORK_KINDS}|{_WORK_KINDS}\s+(?:in|from)\s+(?:the\s+)?"
    rf"(?!(?-i:{month_pattern()})\b)"
    r"(?P<after>(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,3}))"
    r"(?:\s+(?:cited|quoted|mentioned|referenced|used)\s+(?:by|in)\s+[^?]+?)?\s*[?.!]*$",
    re.I,
)
# "Which commentary is about Italy's options for Russian energy?": that work's title.
_WHICH_WORK_ON = re.compile(
    # "Which of the institute's recent commentaries deals with …?": one of a kind the question names.
    rf"^\W*(?:which|what)\s+(?:(?:one\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){{0,3}}?)?(?:other\s+)?{_OUTLET}{_WORK_KINDS}"
    # "Which commentary in the IAI list is about Japan?": where it is listed is no part of its topic.
    r"(?:\s+(?:in|from|on)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w’'-]*\s+)?(?:list|catalogue|series|listing|commentaries|references|notes|footnotes))?"
    r"\s+(?:(?:is|was|are|were)\s+(?:about|on)|deals?\s+with|"
    r"covers?|looks?\s+at|treats?)\s+(?P<topic>.+?)\s*[?.!]*$",
    re.I,
)
# How many letters of a word stand for it when topics are matched with titles ("response" / "Responds").
_TOPIC_STEM = 6


def work_on_asked(question: str) -> tuple[str, str, str | None] | None:
    """The topic of a question for the work on it, what is asked of that work and who the question
    says published it: ("Putin's use of history", "authors", None) for "Who wrote about Putin's use
    of history?", (…, "title", None) for "Which commentary is about …?", ("the neutrality plan",
    "authors", "Financial Times") for "Who wrote the Financial Times article about the neutrality
    plan?"; None for other questions."""
    for pattern, wanted in ((_WHO_WROTE_ON, "authors"), (_WHICH_WORK_ON, "title")):
        match = pattern.match(question)
        if match is not None:
            outlet = (match.group("outlet") or match.groupdict().get("after") or "").strip()
            return match.group("topic"), wanted, outlet or None
    by_outlet = _WHO_WROTE_OUTLET.match(question)
    if by_outlet is not None:
        # No topic: every work of the outlet the notes cite.
        return "", "authors", (by_outlet.group("outlet") or by_outlet.group("after")).strip()
    return None


def speaks_of_work(question: str) -> bool:
    """True when the question speaks of a work by its kind ("the piece about urbanisation")."""
    return _WORK_WORD.search(question) is not None


def cited_title(sentence: str) -> tuple[int, int] | None:
    """Offsets of the first title a reference or catalogue entry quotes or sets in italics, else None."""
    match = _CITED_TITLE.search(sentence)
    return None if match is None else match.span(1) if match.group(1) else match.span(2)


def title_covers(title: str, topic: str, least: int = 2) -> bool:
    """True when the title holds every word of the topic (of four letters or more, at least `least`,
    or one name): "Putin’s Use and Abuse of History: …" covers "Putin's use of history", "Japan
    Responds to Russia’s War: …" covers "Japan"."""
    # "Russia-Ukraine" as typed is the title's "Russia–Ukraine".
    topic, title = (re.sub(r"[–—‑]", "-", text.replace("’", "'")) for text in (topic, title))
    found = _CONTENT.findall(topic)
    # Stemmed first: "pouring cold water" is the title's "Pours Cold Water".
    words = {stem(w.lower())[:_TOPIC_STEM] for w in found}
    held = {stem(w.lower())[:_TOPIC_STEM] for w in _CONTENT.findall(title)}
    # One name alone, or with short words the title holds too: "Japan and the war" for "Japan
    # Responds to Russia’s War: …".
    short = _short_words(topic) - _SHORT_FUNCTION_WORDS
    tail = topic.strip(" ?.!").split()[-1] == found[0] if found else False
    one_name = len(found) == 1 and found[0][:1].isupper() and (tail or bool(short) and short <= _short_words(title))
    return (len(words) >= least or one_name) and words <= held


# Three-letter words that say nothing of a topic.
_SHORT_FUNCTION_WORDS = frozenset("the and for its his her our who how why was are has had not but can all any one".split())


def _short_words(text: str) -> set[str]:
    """The text's words of three letters, in lower case."""
    return {w.lower() for w in re.findall(r"\b[^\W\d_]{3}\b", text)}


def cited_titles(reference: str) -> list[str]:
    """The titles a reference cites, in quotes or in italics."""
    return [m.group(1) or m.group(2) for m in _CITED_TITLE.finditer(reference)]


def names_cited_title(question: str, reference: str) -> bool:
    """True when the question names at least TITLE_SHARE of the words of a title the reference cites."""
    asked = {w.lower() for w in _CONTENT.findall(question)}
    for match in _CITED_TITLE.finditer(reference):
        title = {w.lower() for w in _CONTENT.findall(match.group(1) or match.group(2))}
        named = len(asked & title)
        # Two words of a short title are a topic more often than its name, unless the question speaks
        # of a work: "What has happened to civilian casualties recently?" does not name "Ukraine:
        # Civilian Casualties as of 20 March 2022"; "What number is the commentary on the digital
        # euro?" names "A Digital Euro in Search of an Identity".
        if len(title) >= 2 and named >= TITLE_SHARE * len(title) and (
                named >= TITLE_WORDS or named == len(title) or _WORK_WORD.search(question)):
            return True
    return False


# "What did the Washington Post report?", "What did Reuters write?": what a cited work says is its title.
_ASKS_REPORTED = re.compile(
    r"^\s*what\s+(?:did|does|has|had)\s+(?:the\s+)?(?P<who>[\w’'.&-]+(?:\s+[\w’'.&-]+){0,3}?)\s+"
    # "What does the Washington Post footnote cite?": what the note of that outlet cites.
    r"(?:report|reported|write|written|wrote|publish|published|say|said|run|ran|cite|cites|cited)"
    # "… on 18 March?": when it reported is not what (a topic, "… about Crimea?", the body answers).
    r"(?:\s+(?:on|in)\s+(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}\b)?(?:,?\s+\d{4})?)?"
    r"\s*[?.!]?\s*$",
    re.I,
)


# What names the note, not its outlet: "the Washington Post footnote".
_NOTE_WORDS = frozenset({"footnote", "footnotes", "note", "notes", "reference", "article", "piece", "story"})


def asks_reported(question: str) -> bool:
    """True for "What did <outlet or author> report / write / say?" (`reported_headline`'s questions)."""
    return _ASKS_REPORTED.match(question) is not None


def reported_headline(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What did <outlet or author> report / write / say?", the offsets of the title a reference
    of that outlet or author cites ("Zelensky Puts Biden on the Spot …" for "What did the Washington
    Post report?", not its date); None for other questions and sentences."""
    asked = _ASKS_REPORTED.match(question)
    if asked is None or not is_reference(sentence):
        return None
    title = cited_title(sentence)
    if title is None:
        return None
    names = {w.lower() for w in _NAME.findall(asked.group("who"))} - _NOTE_WORDS
    outside = _WORD.findall((sentence[: title[0]] + " " + sentence[title[1] :]).lower())
    return title if names and names <= set(outside) else None

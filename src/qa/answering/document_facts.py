"""When a document was published, its title, its publisher and its kind: "When was the IAI commentary
published?" is answered by the document's own date line, not by the date of a work its footnotes
cite ("February 2022"). Where the text does not carry the fact, the answer says so and gives what
the source's record says, marked as such; it never quotes another sentence instead.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from qa.answering.authorship import DOCUMENT_NOUNS, DOCUMENT_WORD
from qa.ingest.dates import MONTHS, month_pattern

DATE_FACT = "date"
TITLE_FACT = "title"
PUBLISHER_FACT = "publisher"
KIND_FACT = "kind"

_ASKS = (
    (DATE_FACT, re.compile(
        r"\b(?:when|what date|which date|what day|what year)\b.*\b(?:published|written|issued|released|dated|posted|"
        # "On what day did the IAI piece come out?" too.
        r"appeared|appears|appear|came out|come out|put out|publish|release|write|wrote)\b|\bpublication date\b|\bdate (?:of|on)\b"
        # "How old is the IAI piece?", not "How old is the think tank that published it?" (when it was founded).
        rf"|\bhow old is (?:it\b|(?:the |this |that )?(?:[\w’'-]+ ){{0,3}}?(?:{DOCUMENT_NOUNS})\b(?!\s+(?:that|which|who)\b))"
        # "What is the IAI commentary's date?"
        r"|['’]s (?:publication )?date\b"
        # "What date is the Alcaro commentary?": the document's own date.
        r"|\b(?:what|which) (?:date|day) (?:is|was|has|does)\b"
        # "Which document is older?", "Which piece came out first?": each one's date answers.
        r"|\bwhich\b(?:\s+[\w’'-]+){0,4}?\s+(?:is|was|came|come|appeared|published|written|dates)"
        r"(?:\s+(?:out|written|published|released|issued))?\s+"
        r"(?:older|newer|earlier|later|more\s+recent|first|last|the\s+(?:oldest|newest|latest|earliest|most\s+recent))\b"
        # "Which is the older document?"
        r"|\bwhich\s+(?:one\s+)?(?:is|was)\s+the\s+(?:older|newer|earlier|later|more\s+recent|oldest|newest|latest|"
        r"earliest|most\s+recent)\b",
        re.I,
    )),
    # "What kind of text is the April piece?", "What genre is the IAI commentary?": what the record calls it.
    (KIND_FACT, re.compile(
        r"^\W*(?:what|which)\s+(?:(?:kind|type|sort|genre|form)\s+of\s+(?:document|text|piece|article|publication|writing|work|"
        r"source)|genre)\s+(?:is|was|are|were)\b",
        re.I,
    )),
    (TITLE_FACT, re.compile(r"\b(?:titles?|titled|headlines?|what (?:is|are) (?:the )?(?:\w+ ){0,3}called)\b", re.I)),
    (PUBLISHER_FACT, re.compile(
        # "Which Rome-based institute …?": a hyphened word may qualify the publisher.
        r"\b(?:who|which (?:[\w-]+ ){0,2}?(?:institute|organi[sz]ation|publisher|think[- ]tank|outlet|newspaper))\s+"
        # Not "Which article was published by Reuters?": that names the publisher and asks for the work.
        r"(?:published|publishes|issued|released|put out)\b|\bpublished by\b(?!\s+(?:the\s+)?[A-Z])"
        # "Who is the publisher of …?", "Name the article's publisher.", but not "Who founded the
        # publisher of …?": that asks something of the publisher.
        r"|^\W*(?:(?:and|so)\s+)?(?:(?:who|what|which)(?:\s+(?:is|was|are|were)|['’]s)\s+|name\s+|give\s+me\s+|tell\s+me\s+)?"
        r"(?:the\s+)?(?:publisher of\b|(?!(?:who|what|which|where|when|how)\b)(?:[\w-]+\s+){0,3}?[\w-]+['’]s publisher\b)"
        # "Where was the IAI commentary published?": by whom, as a document gives it.
        r"|\bwhere\b.*\b(?:published|issued|released|appeared|came out|posted)\b"
        # "Where does the April commentary come from?": its publisher, too.
        r"|^\W*where\s+(?:does|did|do)\b.*\bcomes?\s+from\s*[?.!]*\s*$",
        re.I,
    )),
)
# Words that ask for a fact rather than name the document ("When was the IAI commentary published?").
FACT_WORDS = frozenset(
    "when where date day year month published publish publishes publication written write wrote issued released dated "
    "posted appeared came come comes from out put who which what organisation organization institute publisher think tank outlet "
    "newspaper title titles titled headline headlines called name names "
    # "What date appears at the end of Alcaro's commentary?": where the line stands names no document.
    "appear appears end bottom foot close "
    # "Which document is older?", "Which of the two came out first?"
    "older newer earlier later recent more most first last oldest newest latest earliest two both "
    # "What kind of text is the April piece?"
    "kind type sort genre form of".split()
)
# A relative clause that names the publisher by what it published: "the think tank that published …".
_PUBLISHED_RELATIVE = re.compile(r"(?<=\w\s)(?:that|which|who)\s+(?:published|publishes|issued|released|put\s+out)\b", re.I)
# A question about a work the document cites, not about the document itself.
_ABOUT_CITED = re.compile(r"\b(?:cites?|cited|citing|quotes?|quoted|according to|footnotes?|references?|sources?)\b", re.I)


def asks_fact(question: str, about: str | None = None) -> str | None:
    """DATE_FACT, TITLE_FACT, PUBLISHER_FACT or KIND_FACT when the question asks that of a document named by a
    document word ("the IAI commentary", "the article") in it or, for a follow-up ("When was it
    published?"), in `about` (the follow-up joined to the question before it), else None."""
    about = about or question
    if not DOCUMENT_WORD.search(about) or _ABOUT_CITED.search(about):
        return None
    # "In what year was the think tank that published Alcaro's piece founded?" asks when it was founded.
    question = _PUBLISHED_RELATIVE.sub(" ", question)
    for fact, pattern in _ASKS:
        if pattern.search(question):
            return fact
    return None


def other_month(question: str, meta: Mapping[str, Any]) -> bool:
    """True when the question names a month (not "May") other than that of the document's date:
    "What is the title of Alcaro's February commentary?" asks of another work than his 22 March one."""
    date = meta.get(DATE_FACT)
    named = re.findall(rf"\b(?:{month_pattern(may=False)})\b", question)
    if not named or not isinstance(date, str) or not _ISO_DATE.fullmatch(date.strip()):
        return False
    month = MONTHS[int(date.strip()[5:7]) - 1]
    return any(name != month for name in named)


_NEWER = re.compile(r"\b(?:newer|later|more\s+recent|last|newest|latest|most\s+recent)\b", re.I)
_OLDER = re.compile(r"\b(?:older|earlier|first|oldest|earliest)\b", re.I)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def dated_first(question: str, metas: Mapping[str, Mapping[str, Any]]) -> tuple[str, bool] | None:
    """For "Which document is more recent?" / "… older?": the document the question asks for and
    whether it is the newer one, by the dates of the documents' records (`metas`, by document id).
    None when the question does not compare dates or the records do not give distinct full dates."""
    newer, older = _NEWER.search(question), _OLDER.search(question)
    if bool(newer) == bool(older) or len(metas) < 2:
        return None
    dates = {doc: meta.get(DATE_FACT) for doc, meta in metas.items()}
    if not all(isinstance(d, str) and _ISO_DATE.fullmatch(d.strip()) for d in dates.values()):
        return None
    ordered = sorted(dates, key=lambda doc: str(dates[doc]).strip())
    if len({str(dates[doc]).strip() for doc in (ordered[0], ordered[-1])}) < 2:
        return None
    return (ordered[-1], True) if newer else (ordered[0], False)


def fact_value(meta: Mapping[str, Any], fact: str) -> str | None:
    """The fact as the document's metadata gives it: its date as spoken ("22 March 2022"), title, publisher or kind."""
    from qa.ingest.dates import spoken_date

    value = meta.get(fact)
    if not isinstance(value, str) or not value.strip():
        return None
    return spoken_date(value) if fact == DATE_FACT else value.strip()


def fact_line(text: str, segments: list[dict], fact: str, value: str) -> tuple[int, int] | None:
    """Offsets of the line of the document's own text that states the fact: its title segment, or a
    line that is the date as spoken or the publisher's name. None when the text does not carry it."""
    if fact == TITLE_FACT:
        for segment in segments:
            if segment.get("kind") == "title" and text[segment["start"] : segment["end"]].strip():
                return segment["start"], segment["end"]
        return None
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0).strip()
        if line and line.lower() == value.lower():
            at = match.start() + match.group(0).index(line)
            return at, at + len(line)
    return None

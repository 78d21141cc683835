"""Announced lists: a sentence that announces items ("there are two major sticking points", "Two
main variables are going to impact ...") is useless without the sentences that name them ("The
first is ...", "The second ..."). This finds those sentences in the same document."""

from __future__ import annotations

import re

from qa.answering.types import CLAUSE_COMMA, whole_list
from qa.index.bm25 import QUERY_STOPWORDS
from qa.ingest.sentences import split_sentences

# A count written in words or digits, up to twelve ("two major sticking points", "in three sentences").
COUNTS = {word: n for n, word in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
COUNTS |= {str(n): n for n in COUNTS.values()}
ORDINALS = ("first", "second", "third", "fourth", "fifth")
# How far after the announcement its items may stand (a few paragraphs).
REACH = 4000
# How many sentences after the best one a list it does not announce may begin ("The United States and
# Europe are anything but neutral … Not only do they support Ukraine, but they are central to
# unblocking the negotiations. First, …").
UNANNOUNCED_GAP = 2

# What the items of a list are called: "two major sticking points", "three main components".
LIST_NOUNS = (
    "points variables elements factors reasons issues questions problems conditions options scenarios steps goals areas "
    "ways aspects challenges components priorities demands lessons principles pillars obstacles risks dimensions tracks "
    "objectives camps groups things"
).split()
# What a count announces: "two major sticking points", "three main components".
_COUNTED = r"\b(two|three|four|five|[2-5])\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>" + "|".join(LIST_NOUNS) + r")\b"
# A count whose items come in later sentences (no colon follows it in its sentence).
_ANNOUNCED = re.compile(_COUNTED + r"(?![^.]*:)", re.I)
# A count whose items follow at once, after a colon: "three main components: an end to ...".
_LISTED = re.compile(_COUNTED + r"\s*:\s*\S", re.I)
# Where the first item of a list after a colon ends: "an end to the invasion, Ukraine's ...".
_ITEM_END = re.compile(r"[,;]|\s+and\s|[.!?]?$")
# A question asking for several things: "What are the sticking points?", "Which were the main variables?"
_ASKS_FOR_ITEMS = re.compile(r"^\s*(?:what|which)\s+(?:are|were)\b|^\s*(?:list|name)\b", re.I)
_ORDINAL_START = re.compile(r"^\W*(?:the\s+)?(first|second|third|fourth|fifth)\b|^\W*(finally|lastly)\b", re.I)


def counted_items(sentence: str) -> int | None:
    """How many items the sentence counts by a list noun, announced or listed after a colon ("Two main
    variables …", "three main components: …"); None when it counts none."""
    match = re.search(_COUNTED, sentence, re.I)
    return COUNTS[match.group(1).lower()] if match else None


def announced_count(sentence: str) -> int | None:
    """How many items the sentence announces without naming them (None when it announces none)."""
    match = _ANNOUNCED.search(sentence)
    return COUNTS[match.group(1).lower()] if match else None


def announcement(sentence: str) -> tuple[int, int] | None:
    """Offsets of the count and the noun a sentence announces items by ("two major sticking points"), or None."""
    match = _ANNOUNCED.search(sentence)
    return match.span() if match else None


# A count the question asks for: "What are the three things only the US can do?".
ASKED_COUNT = re.compile(r"\b(two|three|four|five|[2-5])\s+(?:[\w’'-]+\s+){0,3}?[a-z]{3,}s\b", re.I)


def asked_count(question: str) -> int | None:
    """How many things the question asks for by a count ("the three things" -> 3), else None."""
    match = ASKED_COUNT.search(question)
    return COUNTS[match.group(1).lower()] if match else None


def names_asked_item(sentence: str, question: str) -> bool:
    """True when the sentence is an item of a list ("The second problematic issue is …") that names
    the kind of thing the question asks a count of ("What are the two problematic issues …?")."""
    match = ASKED_COUNT.search(question)
    if match is None or COUNTS[match.group(1).lower()] < 2 or ordinal_of(sentence) is None:
        return False
    noun = match.group(0).split()[-1].lower()
    # The kind is the item's own, right after its ordinal ("The second problematic issue is …"); a
    # noun inside the item does not make it one of them ("The first is the status of the contested
    # regions: …" is no region, for "Which two regions call themselves independent republics?").
    start = _ORDINAL_START.match(sentence)
    return re.match(rf"(?:\s+[\w’'-]+){{0,2}}?\s+(?:{re.escape(noun)}|{re.escape(singular(noun))})\b",
                    sentence[start.end():], re.I) is not None


def is_item_kind(word: str) -> bool:
    """True when the word is what a list's items are called ("obstacle", "points"), not a thing that
    comes in a series ("day", "article")."""
    return word.lower() in LIST_NOUNS or f"{word.lower()}s" in LIST_NOUNS or word.lower() == "priority"


def singular(noun: str) -> str:
    """A plural noun in the singular, lower case: "issues" -> "issue", "countries" -> "country",
    "processes" -> "process", "analyses" -> "analysis"; a word not ending in "s" as it is."""
    noun = noun.lower()
    if noun.endswith("yses"):
        return noun[:-2] + "is"
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("sses", "xes", "ches", "shes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def announces_asked_items(sentence: str, question: str) -> bool:
    """True when the question asks for several things and the sentence announces a count of the very
    things it names ("What are the sticking points?" / "there are two major sticking points")."""
    return _counts_asked(_ANNOUNCED, sentence, question)


def lists_asked_items(sentence: str, question: str) -> bool:
    """True when the question asks for several things and the sentence lists a count of the very
    things it names after a colon ("What are the main components of the 15-point plan?" / "The plan
    rotates around three main components: an end to the invasion, ...")."""
    return _counts_asked(_LISTED, sentence, question)


def first_listed_item(sentence: str, question: str) -> tuple[int, int] | None:
    """The offsets of the first item of the list the sentence gives after a colon, when it lists a
    count of the very things the question asks for ("an end to the invasion", from "three main
    components: an end to the invasion, Ukraine's neutrality and ..."); else None."""
    if not _ASKS_FOR_ITEMS.search(question):
        return None
    match = next((m for m in _LISTED.finditer(sentence) if _names_items(m.group("noun"), question)), None)
    if match is None:
        return None
    start = match.end() - 1  # the pattern ends on the first character of the first item
    end = _ITEM_END.search(sentence, start)
    return (start, end.start()) if end and end.start() > start else None


# The rest of a sentence after a list's last item as far as an inner "and" ("… of Crimea| and the two
# self-styled independent republics of Donetsk and Luhansk in the Donbas."): no clause mark up to its end.
_REST_OF_LAST_ITEM = re.compile(r"\s+(?:and|or)\s+[^,;:()—–]+?(?=[.!?]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*$)")


def to_sentence_end(sentence: str, end: int) -> int:
    """Where a list after a colon ends: its last item, cut at an inner "and" (`_ITEM_END`), runs on to the
    sentence's end when no clause mark comes before it; else `end`."""
    rest = _REST_OF_LAST_ITEM.match(sentence, end)
    return rest.end() if rest else end


# Where a list of clauses may open: a colon, a copula or "to be", "namely" ("Their goal should be| to
# end the war, ensure Ukraine's security and stabilise the antagonism with Russia").
_LIST_CUE = re.compile(r"(?::|\b(?:is|are|was|were|be|namely)\b)\s+(?=\S)", re.I)
_LIST_JOIN = re.compile(r",?\s+(?:and|or)\s+|,\s+")
# What may follow a list's last item: the sentence's end (a footnote marker too), a semicolon, a bracket or a dash.
_LIST_DONE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*(?:[.!?;)]|\s[—–]\s|$)")


# Where one of a list of past participles opens: "approved by …, added as …, and ratified in …".
_NEXT_PARTICIPLE = re.compile(r",\s+(?:(?:and|or)\s+)?(?=[a-z]+ed\b)")
_PARTICIPLE = re.compile(r"[a-z]+ed\b")


def _participles_listed(sentence: str, start: int, count: int) -> int | None:
    """Where a list of exactly `count` phrases opened by past participles, from `start` to the
    sentence's end, ends ("approved by a nationwide referendum, added as an amendment …, and ratified
    in the parliaments …"); None when the rest of the sentence is no such list."""
    text = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*[.!?]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*$", "", sentence[start:])
    items = _NEXT_PARTICIPLE.split(text)
    if len(items) != count or not all(_PARTICIPLE.match(item) and "," not in item and ";" not in item for item in items):
        return None
    return start + len(text)


def counted_list(sentence: str, question: str) -> tuple[int, int] | None:
    """For a question asking for a count of three or more things ("What three aims does Alcaro set
    …?"), the offsets of a list of exactly that many items the sentence gives after a colon or a
    copula ("to end the war, ensure Ukraine's security and stabilise the antagonism with Russia");
    else None."""
    count = asked_count(question)
    if count is None or count < 3:
        return None
    for cue in _LIST_CUE.finditer(sentence):
        start = cue.end()
        first_end = sentence.find(",", start)
        if first_end < 0:
            return None
        if re.search(r"[:;()]", sentence[start:first_end]):
            continue  # "is divided into three subsectors: building construction, …": the list opens at the colon
        listed = whole_list(sentence, start, first_end)
        if listed == (start, first_end) and (done := _participles_listed(sentence, start, count)) is not None:
            return start, done
        if listed == (start, first_end) or len(_LIST_JOIN.split(sentence[listed[0] : listed[1]])) != count:
            continue
        end = to_sentence_end(sentence, listed[1])
        # The list must end where the clause does: "building construction, heavy and civil engineering
        # construction|, and specialty trade contractors" goes on (an "and" inside an item misled the count).
        if _LIST_DONE.match(sentence, end):
            return listed[0], end
    return None

# A question for what something includes: "What does the 10-point plan include?", "What did the aid consist of?".
_ASKS_INCLUDED = re.compile(
    r"^\s*(?:what|which)\b.*\b(?:include|includes|included|contain|contains|contained|consist\s+of|"
    r"consists\s+of|consisted\s+of|comprise|comprises|comprised)\b",
    re.I,
)
# What opens the things a sentence says something includes.
_INCLUDING = re.compile(r"\b(?:including|includes|include|included|such\s+as|consisting\s+of|comprising)\s+(?=\S)", re.I)
# Where a first item, or a list that is no longer one, ends: a comma, a semicolon, a bracket, a
# dash, a footnote marker or the sentence's end.
_CHUNK_END = re.compile(CLAUSE_COMMA + r"|[;(]|\s+[—–]\s+|[⁰¹²³⁴⁵⁶⁷⁸⁹]|[.!?]?\s*$")


def asks_included(question: str) -> bool:
    """True when the question ends on asking what something includes, contains or consists of
    ("What did Biden's visit to Europe include?"; not "Which nation contains the majority of …?")."""
    return _ASKS_INCLUDED.search(question) is not None and _INCLUDED_LAST.search(question) is not None


_INCLUDED_LAST = re.compile(r"\b(?:include|includes|included|contain|contains|contained|consist\s+of|consists\s+of|"
                            r"consisted\s+of|comprise|comprises|comprised)\s*[?.!]*\s*$", re.I)


def included_list(sentence: str, question: str, several: bool = False) -> tuple[int, int] | None:
    """For a question asking what something includes, the offsets of what the sentence says is
    included: the whole list after "including" ("commitments from Ukraine that it would not join
    NATO, develop nuclear capabilities or host foreign military bases"; "Poland, Estonia, Sweden and
    Germany", not the verb after them), else the words up to the next comma ("armed drones and
    mobile air defences"). With `several` (the question asks for several things: "Which weapons has
    the US provided?") a list of two or more items after "including" or "such as" answers too,
    also after the second of two openings when only it opens a list. None for other questions,
    and when the sentence opens more than one such list ("sport (including English Premier League
    Football), films ...": which one is asked?)."""
    asks_included = bool(_ASKS_INCLUDED.search(question))
    if not (asks_included or several):
        return None
    openings = list(_INCLUDING.finditer(sentence))
    if len(openings) == 1:
        if asks_included and not _includer_named(sentence[: openings[0].start()], question):
            # "What did Biden's visit to Europe include?" is not answered by what "the announced
            # increase in weapons supplies to Ukraine, which will include …" includes.
            return None
        return _included_at(sentence, openings[0].end(), asks_included)
    if asks_included or not openings:
        return None
    # Asked for several things, of two openings the one that lists several: "including a NATO-type
    # collective defense agreement between Ukraine and potential guarantor countries such as
    # Britain, China, Russia and the United States".
    lists = [found for opening in openings if (found := _included_at(sentence, opening.end(), False)) is not None]
    return lists[0] if len(lists) == 1 else None


# "Who might guarantee …?": a question for who does something, asked with "who".
_ASKS_WHO = re.compile(r"^\W*(?:(?:and|so|but)\s+)?who\b", re.I)
# How many words before "such as" / "including" name the kind a who-question's verb stands for.
KIND_WORDS = 3


def members_of_kind_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Who …?", the list of two or more after "such as" / "including" when the words just before
    it name the kind the question's own words ask for ("potential guarantor countries such as
    Britain, China, Russia and the United States" for "Who might guarantee Ukraine's security?"),
    else None. One item of such a list answers only part of the question."""
    if _ASKS_WHO.match(question) is None:
        return None
    asked = {w.lower()[:5] for w in re.findall(r"[^\W\d_][\w’'-]*", question)
             if len(w) > 3 and w.lower() not in _NOT_INCLUDER and w.lower() not in QUERY_STOPWORDS}
    for opening in _INCLUDING.finditer(sentence):
        kind = re.findall(r"[^\W\d_][\w’'-]*", sentence[: opening.start()])[-KIND_WORDS:]
        if asked & {w.lower()[:5] for w in kind if w.islower()}:
            return _included_at(sentence, opening.end(), False)
    return None


# How many words before "including" may name what includes the list.
INCLUDER_WORDS = 10
# Words of an includes-question that name no includer (besides stop words).
_NOT_INCLUDER = frozenset("what which does did do will would could can may might must should the this that these those "
                          "include includes included contain contains contained consist consists consisted comprise "
                          "comprises comprised".split())


def _includer_named(before: str, question: str) -> bool:
    """True when the words just before a list's opening share a word (its first five letters) with
    the question's own, other than the question's frame ("what", "include"), or the question has none."""
    asked = {w.lower()[:5] for w in re.findall(r"[^\W\d_][\w’'-]*|\d[\w-]*", question)
             if w.lower() not in _NOT_INCLUDER and w.lower() not in QUERY_STOPWORDS}
    near = {w.lower()[:5] for w in re.findall(r"[^\W\d_][\w’'-]*|\d[\w-]*", before)[-INCLUDER_WORDS:]}
    return not asked or bool(asked & near)  # "What does it include?" names none to check


def _included_at(sentence: str, begin: int, asks_included: bool) -> tuple[int, int] | None:
    """The list (or, when `asks_included`, the words up to the next comma) that opens at `begin`."""
    first = _ITEM_END.search(sentence, begin)
    chunk = _CHUNK_END.search(sentence, begin)
    if first is None or chunk is None or first.start() <= begin:
        return None
    listed = whole_list(sentence, begin, first.start())
    if listed == (begin, first.start()):
        return (begin, chunk.start()) if asks_included else None
    # The last item may itself hold "and": "..., and anti-armor weapons and systems".
    rest = _CHUNK_END.search(sentence, listed[1])
    tail = sentence[listed[1] : rest.start()] if rest else ""
    return (listed[0], rest.start()) if rest and re.match(r"\s+(?:and|or)\s+\S", tail) else listed


# What opens the members of a kind a sentence has just named: "a set of compromises, including …".
_MEMBERS_FOLLOW = re.compile(r",?\s+(?:including|such\s+as|namely)\s+(?=\S)", re.I)
# A kind alone: a plural noun in lower case, one or two words before it ("compromises", "similar weapons").
_KIND_ONLY = re.compile(r"(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*[a-z]s")


def members_listed(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """When [start, end) only names a kind ("compromises") and the sentence lists members of it right
    after, the offsets of that list ("commitments from Ukraine that it would not join NATO, develop
    nuclear capabilities or host foreign military bases", after "a set of compromises, including")
    when it ends where its clause does; else None. One member alone is no list: the kind stays."""
    if not _KIND_ONLY.fullmatch(sentence[start:end]):
        return None
    opening = _MEMBERS_FOLLOW.match(sentence, end)
    listed = _included_at(sentence, opening.end(), False) if opening is not None else None
    if listed is None or not _LIST_DONE.match(sentence, listed[1]):
        return None  # the list must end where the clause does
    # One conjunction joins a list: "ATL, NUT or NASUWT and reports in recent years suggest …" runs on
    # into another clause after its "or".
    joins = {j.lower() for j in re.findall(r"\b(and|or)\b", sentence[listed[0] : listed[1]], re.I)}
    return listed if len(joins) <= 1 else None

def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w’'-]+", text)}


# Words for the parts of a whole that name the same items: "the main elements of the plan" are its
# "three main components".
_PART_WORDS = frozenset("component components element elements part parts pillar pillars aspect aspects".split())


def _names_items(noun: str, question: str) -> bool:
    """True when the noun a sentence counts is one the question asks for, or a word for parts as the question's is."""
    asked = _words(question)
    noun = noun.lower()
    return noun in asked or (noun in _PART_WORDS and bool(asked & _PART_WORDS))


def _counts_asked(counted: re.Pattern[str], sentence: str, question: str) -> bool:
    """True when the question asks for several things and `counted` finds a count of the things it names."""
    if not _ASKS_FOR_ITEMS.search(question):
        return False
    match = counted.search(sentence)
    return match is not None and _names_items(match.group("noun"), question)


def ordinal_of(sentence: str) -> int | None:
    """1 for "The first ..."/"First, ...", 2 for "The second ...", ...; "Finally" counts as the next one (0)."""
    match = _ORDINAL_START.match(sentence)
    if not match:
        return None
    return ORDINALS.index(match.group(1).lower()) + 1 if match.group(1) else 0


# Where a list after a colon ends: the sentence's end, a footnote marker or a closing bracket.
_LIST_END = re.compile(r"\s*[.!?]?\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d+\])?\s*[.!?]?\s*$")
_JOIN = re.compile(r"\s+(?:and|or)\s+")


def colon_items(sentence: str) -> list[str] | None:
    """The items a sentence lists after announcing their number and a colon, as many as it
    announces: "The plan rotates around three main components: an end to the invasion, Ukraine's
    neutrality and the status of the contested regions of Crimea and the two self-styled …" ->
    ["an end to the invasion", "Ukraine's neutrality", "the status of the contested regions of
    Crimea and the two self-styled …"]. The last part is split at its first "and"/"or" only while
    items are missing, so an "and" inside the last item stays. None when the count does not come out."""
    match = _LISTED.search(sentence)
    if match is None:
        return None
    count = COUNTS[match.group(1).lower()]
    body = sentence[match.end() - 1 :]
    body = body[: _LIST_END.search(body).start()]
    parts = [re.sub(r"^(?:and|or)\s+", "", p.strip()) for p in re.split(r"[,;]", body) if p.strip()]
    while 0 < len(parts) < count:
        split = _JOIN.split(parts[-1], maxsplit=1)
        if len(split) < 2:
            return None
        parts[-1:] = split
    return parts if len(parts) == count and all(parts) else None


def listed_items(text: str, start: int, end: int, asked: int | None = None) -> list[tuple[int, int]]:
    """Spans (offsets into `text`) of the sentences naming the items of the list around text[start:end].

    When that sentence announces n items, the sentences after it that start "The first", "The
    second", ... up to n (within REACH characters); when it is itself an item ("Second, ..."),
    its sibling items before and after it. When it announces none but the question asks for
    `asked` things and one of the next UNANNOUNCED_GAP sentences opens a list ("First, only the
    United States and NATO can …"), that list's first `asked` items.
    """
    sentence = text[start:end]
    count = announced_count(sentence)
    own = ordinal_of(sentence)
    if count is None and not own and asked:
        following = [text[end + s : end + e] for s, e in split_sentences(text[end : min(len(text), end + REACH)])]
        opening = next((k for k, f in enumerate(following[:UNANNOUNCED_GAP]) if ordinal_of(f) == 1), None)
        # Not a list that a sentence in between announces ("However, there are two major sticking points.").
        if opening is not None and all(announced_count(f) is None for f in following[:opening]):
            count = asked
    if count is None and not own:
        return []
    lo = start if count is not None else max(0, start - REACH)
    hi = min(len(text), end + REACH)
    wanted = count if count is not None else len(ORDINALS)
    found: dict[int, tuple[int, int]] = {}
    spans = split_sentences(text[lo:hi])
    # A sentence at an edge of the window may be cut there ("… the balance of deterrenc"): no item.
    spans = spans[1 if lo > 0 else 0 : len(spans) - 1 if hi < len(text) else len(spans)]
    for s, e in spans:
        s, e = s + lo, e + lo
        if (s, e) == (start, end) or e <= start and count is not None:
            continue
        number = ordinal_of(text[s:e])
        if number is None:
            continue
        if number == 0:  # "Finally, ..." closes the list
            number = max(found, default=own or 0) + 1
        if 1 <= number <= wanted and number != own and number not in found:
            found[number] = (s, e)
        if count is not None and len(found) == count:
            break
    return [found[n] for n in sorted(found)]


# "Which two states …?": a count of things named by a plural after "which" or "what".
_WHICH_COUNTED = re.compile(r"^\W*(?:(?:and|so)\s+)?(?:which|what)\s+(two|three|four|five|[2-5])\s+[a-z]{3,}s\b", re.I)
# A name: capitalised words, perhaps joined by "of" ("the United States", "Bosnia and Herzegovina" is two).
_NAME = r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3}"
# Names listed at a sentence's opening, as its subject: "Turkey and Israel have been active …".
_OPENING_NAMES = re.compile(rf"^\W*(?P<names>{_NAME}(?:\s*,\s*{_NAME})*,?\s+and\s+{_NAME})\s+(?=(?:have|has|had|are|were|is|was|will|would|could|can|[a-z]+ed)\b)")


def names_opening(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Which two states have tried mediating?", the offsets of the names a sentence opens with as
    its subject when they are as many as asked ("Turkey and Israel" of "Turkey and Israel have been
    active in this regard …"); None for other questions or sentences."""
    asked = _WHICH_COUNTED.match(question)
    found = _OPENING_NAMES.match(sentence) if asked is not None else None
    if found is None:
        return None
    names = re.split(r"\s*,\s*(?:and\s+)?|,?\s+and\s+", found.group("names"))
    return found.span("names") if len(names) == COUNTS[asked.group(1).lower()] else None

"""What "the last one" or "the former" points at: one of the names the previous reply gave.

"Which countries have tried to mediate?" -> "Turkey and Israel have been active, and Ukraine has
also called on China to step in." -> "Why could the last one matter?" asks about China. The
question is asked again with the name in place of the pointer, so that retrieval and sentence
scoring look for it. When the reply's items are sentences ("The first is ... The second concerns
..."), "the second one" is what the second item sentence says the item is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.answering.enumeration import colon_items
from qa.answering.gate import DUMMY_IT, SET_ASIDE_WORDS
from qa.answering.seats import SEATS
from qa.answering.summary import ACCORDING_TO, TOPIC_ENDING
from qa.answering.types import PEOPLE_ADJECTIVE_WORD, STEP_PREPOSITIONS, employer_named, is_title, person_names, speaker_named, without_possessive
from qa.index.bm25 import QUERY_STOPWORDS
from qa.ingest.sentences import split_sentences
from qa.retrieval.query import PERSON, PERSON_HEADS, defined_term, expected_type, kind_of_name, who_is_named

_POINTER = re.compile(
    r"\bthe\s+(?P<ordinal>first|second|third|fourth|fifth|last)\s+(?:one|of them|of these|of those)\b"
    r"|\bthe\s+(?P<which>latter|former)\b"
    # "And the second?": the ordinal ends the question.
    r"|\bthe\s+(?P<bare>first|second|third|fourth|fifth|last)(?=\s*[?.!]*\s*$)",
    re.I,
)
# Nothing but a continuation before a bare ordinal: "And the second?", "What about the last?".
# What asks for an item itself: "Which is |the first?", "What's |the second?".
_ITEM_IDENTITY = r"(?:(?:what|which)\s+(?:is|was)\s+|what[’']s\s+)"
_CONTINUATION_ONLY = re.compile(rf"\W*(?:(?:and|but|so|then)\s+)?(?:(?:what|how)\s+about\s+)?{_ITEM_IDENTITY}?", re.I)
# A count of things of a kind, which items then name: "two major |sticking points|".
_COUNTED_KIND = re.compile(r"\b(?:two|three|four|five|six|[2-9])\s+(?P<kind>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*[^s\W]s)\b")
_ASKS_WHICH_IS = re.compile(rf"\W*(?:(?:and|but|so|then)\s+)?{_ITEM_IDENTITY}", re.I)
# The item an ordinal or "the latter" / "the former" points at (0 the first, -1 the last).
ORDINAL_POSITION = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "latter": -1, "former": 0}
# A name: capitalised words, "of" or "the" allowed inside ("United States", "Bank of Russia").
_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w’'-]*)*")
# A reply listing items as sentences: its items are not names.
# A sentence of the reply opening on an ordinal; also on the line after a bold short answer.
_ITEM_SENTENCE = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:the\s+)?(?:first|second|third)\b", re.I)
_MARKUP = re.compile(r"\[\d+\]|[*_`]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# A source label opening a part of a multi-document reply: "Alcaro (IAI, 22 March 2022): ...".
_LABEL = re.compile(r"^[^:\n]{1,80}\(\s*[^)\n]*\d{4}\)\s*:", re.M)
# Capitalised only because they open a sentence.
_OPENERS = frozenset(
    "however together while although though but and yet also so thus therefore moreover meanwhile instead "
    "first second third finally afterward afterwards according unsurprisingly".split()
)


def plain_reply(reply: str) -> str:
    """The reply without [n] markers, Markdown emphasis, footnote numbers and source labels."""
    return _LABEL.sub(" ", _MARKUP.sub(" ", reply))


# Where one unit of a reply ends: its bold short answer's closing "**", an [n] marker, a line break.
_NAME_BREAK = re.compile(r"\*\*(?=\s)|\\?\[\d+\\?\]|\n")


def names_in(reply: str) -> list[str]:
    """The names a reply gives, in order of first mention, without repeats. Its bold short answer
    and [n] markers end a name: "**Dmitry Peskov** [1] But Kremlin spokesman …" names "Dmitry Peskov",
    not "Dmitry Peskov But Kremlin"."""
    parts = [plain_reply(part) for part in _NAME_BREAK.split(reply)]
    names: list[str] = []
    for match in (m for part in parts for m in _NAME.finditer(part)):
        words = match.group(0).split()
        while words and (words[0].lower() in QUERY_STOPWORDS or words[0].lower() in _OPENERS):
            words = words[1:]
        name = " ".join(words)
        if name and name not in names and name.lower() not in QUERY_STOPWORDS:
            names.append(name)
    return names


# Where an item of a reply starts, after its opening: an item sentence's ("The second problematic
# issue is ", "The first revolves around ", "The second concerns ") or a list's in one sentence
# ("First, whether ...; second, the political ...").
_ITEM_OPENING = re.compile(
    r"(?:^|(?<=[.!?])\s+|(?<=\n))(?:the\s+)?(?P<ordinal>first|second|third|fourth|fifth)\b(?:\s+[\w’'-]+){0,2}?\s+"
    r"(?:is|was|are|were|concerns|concerned|revolves\s+around|involves|relates\s+to|regards)\s+"
    r"|(?:^|(?<=[.!?;])\s+|(?<=\n))(?P<listed>first|second|third|fourth|fifth)(?:ly)?,\s+",
    re.I,
)
# Where an item's phrase ends: a comma, a semicolon, a colon, a dash or its sentence's end.
_PHRASE_END = re.compile(r"[,;:]|\s[—–]\s|[.!?](?:\s|$)|$")
# The most words of an item's phrase that stand in for "the second one".
ITEM_WORDS = 24


def item_phrase(reply: str, position: int) -> str | None:
    """What the reply's item sentence at `position` (0 for "The first ...", -1 for the last) says the item is: "the
    political and financial sustainability of the invasion", from "The second concerns the
    political and financial sustainability of the invasion, heavily impacted by ..."; None when
    no item sentence of that number says it in at most ITEM_WORDS words."""
    text = plain_reply(reply)
    # Reversed, so that the first opening of each number is the one kept.
    openings = {ORDINAL_POSITION[(m.group("ordinal") or m.group("listed")).lower()]: m for m in reversed(list(_ITEM_OPENING.finditer(text)))}
    if position < 0 and openings:
        position = max(openings)  # "the last one": the highest-numbered item
    if position not in openings:
        return None
    found = _item_after(text, openings[position].end())
    return text[found[0] : found[1]] if found else None


def _item_after(text: str, start: int) -> tuple[int, int] | None:
    """The offsets of an item's phrase from `start` (after its opening) to its end (`_PHRASE_END`),
    or None when it is empty or longer than ITEM_WORDS words."""
    end = _PHRASE_END.search(text, start).start()
    phrase = text[start:end].strip()
    if not 0 < len(phrase.split()) <= ITEM_WORDS:
        return None
    at = text.index(phrase, start)
    return at, at + len(phrase)


def points_at_item(question: str) -> bool:
    """True when the question points at an item of an earlier reply ("the second one", "the latter")."""
    return _POINTER.search(question) is not None


def resolve_pointer(question: str, reply: str) -> str | None:
    """The question with "the last one" / "the former" ... replaced by the name of the previous reply
    it points at, or, when the reply lists its items as sentences ("The first is ... The second
    concerns ..."), by what that item sentence says the item is; None when it has no such pointer
    or the reply names too few things."""
    pointer = _POINTER.search(question)
    if pointer is None or not reply:
        return None
    position = ORDINAL_POSITION[(pointer.group("ordinal") or pointer.group("which") or pointer.group("bare")).lower()]
    # "And the second?", "What about the first one?" ask for that item itself, not for the list
    # again; read alone, "What about <item>?" would ask what is meant.
    alone = _CONTINUATION_ONLY.fullmatch(question[: pointer.start()]) and not question[pointer.end() :].strip(" ?.!")
    if _ITEM_SENTENCE.search(_MARKUP.sub(" ", reply)):
        phrase = item_phrase(reply, position)
        counted = _COUNTED_KIND.search(plain_reply(reply))
        if phrase and alone and counted is not None and _ASKS_WHICH_IS.match(question) and position >= 0:
            # "Which is the first?" after "… there are two major sticking points. The first is …": the
            # first of that kind, which the item sentence names ("the status of the contested regions").
            kind = counted.group("kind")
            one = kind[:-3] + "y" if kind.endswith("ies") else kind[:-1]
            return f"What is the {pointer.group('ordinal') or pointer.group('bare')} {one}?"
        if phrase and alone:
            return f"Tell me more about {phrase}."
        return question[: pointer.start()] + phrase + question[pointer.end() :] if phrase else None
    # "The plan rotates around three main components: an end to the invasion, Ukraine's
    # neutrality and …": its items, not the names inside them ("the second one" had been "Crimea").
    names = _colon_items(plain_reply(reply)) or names_in(reply)
    if len(names) < 2 or position >= len(names):
        return None
    if alone:
        return f"Tell me more about {names[position]}."
    return question[: pointer.start()] + names[position] + question[pointer.end() :]


def _colon_items(text: str) -> list[str]:
    """The items of the first sentence of the text that lists its announced items after a colon."""
    listing = _first_listing(text)
    return listing[1] if listing else []


def listing_sentence(text: str) -> str | None:
    """The first sentence of the text that lists its announced items after a colon ("… three main
    components: an end to the invasion, …"), or None."""
    listing = _first_listing(text)
    return listing[0] if listing else None


def _first_listing(text: str) -> tuple[str, list[str]] | None:
    """(sentence, items) of the first sentence of the text that `colon_items` reads, or None."""
    for start, end in split_sentences(text):
        items = colon_items(text[start:end])
        if items:
            return text[start:end], items
    return None


# "he", "she", "his", "her": a person the question before named.
_PERSONAL = re.compile(r"\b(?:he|she|him|his|her)\b", re.I)
_NEXT_WORD = re.compile(r"\s+([a-z][\w’'-]*)", re.I)


def resolve_person(question: str, earlier: Sequence[str], reply: str = "", first_reply: str = "") -> str | None:
    """The question with "he", "she", "him", "his" or "her" replaced by the one person the latest
    of the `earlier` questions (oldest first) that names one asked about ("Who is Sergei Lavrov?"
    then "What did he say about Crimea?" -> "What did Sergei Lavrov say about Crimea?"), or else
    the person the latest question names whom the `reply` to it names in full ("What is
    Zelensky's position on neutrality?", answered "... President Volodymyr Zelensky has stated
    ...", then "Why does he want a referendum?" -> "Why does Zelensky want a referendum?"), or
    else, when the first of them asks who did something ("Who wrote the IAI commentary?") and the
    question has no "it", the first full name the reply to that first question gives (`first_reply`,
    by default `reply`: "What else has he written?" after "Who wrote the IAI commentary?" and "When
    was it published?"); None when it has no such word or no person is found that way. Sentence scoring
    then looks for what that person said, not for the nearest sentence about Crimea (Peskov's)."""
    name = next((n for turn in reversed(earlier) if (n := who_is_named(turn) or speaker_named(turn))), None)
    if name is None and earlier and reply and _ASKS_WHO.match(earlier[-1]) and not mentions_it(question):
        # "What is his job there?" after "Who wrote the commentary published by the Istituto Affari
        # Internazionali?": the one the reply names ("Riccardo Alcaro"), not a name the question
        # shares with it ("Istituto Affari" had been taken for a person).
        name = next((n for n in names_in(reply) if len(n.split()) >= 2), None)
    if name is None and earlier and reply:
        name = _named_in_reply(earlier[-1], reply)
    answering = first_reply or reply
    # "Which spokesman insisted …?" asks who, too: a person by role.
    asks_who = _ASKS_WHO.match(earlier[0]) is not None or expected_type(earlier[0]) == PERSON if earlier else False
    if name is None and answering and asks_who and not mentions_it(question):
        # "What else did he write?" after "Who wrote the IAI commentary?": the person the reply
        # names. Not "When did he write it?": that asks about the commentary (`document_facts`).
        name = next((n for n in names_in(answering) if len(n.split()) >= 2), None)
    pronouns = list(_PERSONAL.finditer(question))
    words = {m.group(0).lower() for m in pronouns}
    if name is None or not words or (words & {"he", "him", "his"} and words & {"she", "her"}):
        return None  # "Where did he meet her?": two people, one of them not named before
    # Only the first: "Why does she want her referendum?" -> "Why does X want her referendum?".
    first = pronouns[0]
    word = first.group(0).lower()
    possessive = word == "his" or (word == "her" and _her_is_possessive(question, first.end()))
    workplace = _WORKPLACE.match(question, first.end()) if possessive else None
    if workplace is not None and (employer := employer_named(plain_reply(reply), name)) is not None:
        # "Who founded his institute?" after "Who is Alcaro?": the institute the reply names, not a
        # founder among the sentences about Alcaro (his own name had been bolded).
        return question[: first.start()] + f"the {employer}" + question[workplace.end() :]
    return question[: first.start()] + (f"{name}'s" if possessive else name) + question[first.end() :]


# "his institute", "her employer": where the person works.
_WORKPLACE = re.compile(r"\s+(?:institute|institution|organi[sz]ation|think[\s-]+tank|employer|workplace)\b", re.I)


# A question for a thing of a kind ("Which bank is Russia's largest?", "Which think tank is Alcaro
# at?"), not for what a named thing is ("What is the 15-point plan?").
# "At which research institute does Alcaro work?", "For which paper …?": a preposition may come first;
# not "in": "its" after "In which city does the IAI have its offices?" is the IAI's, not the city's.
_ASKS_WHICH = re.compile(r"^\W*(?:(?:at|for)\s+)?(?:which|what)\s+(?!(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could)\b)[a-z]", re.I)
_IT = re.compile(r"\b(?:(?P<it>it)|(?P<its>its))\b", re.I)
# The longest name a short answer may be to stand for "it".
NAME_WORDS = 6


_ASKS_WHICH_KIND = re.compile(r"^\W*(?:which|what)\s+(?P<kind>[a-z][\w-]*)\s", re.I)


# "Which Ukrainian leader …?": a person asked for by the kind, whom "it" never stands for.
_PERSON_KIND_ASKED = re.compile(
    rf"^\W*(?:which|what)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{PERSON_HEADS}|leader|president|person|man|woman|figure|chief|premier|ruler)s?\b",
    re.I,
)


def thing_answered(earlier: str, answered: str, reply: str) -> str:
    """What a reply's short answer names as "it" may refer to it: the answer itself, or, when it only
    qualifies the kind the question asked for, the two together as the reply writes them ("the
    15-year timeline" for "What timeline does the Ukrainian plan give?" answered "15-year")."""
    kind = _ASKS_WHICH_KIND.match(earlier)
    if kind is None or _one_name(answered):
        return answered
    together = re.search(rf"(?<![\w-]){re.escape(answered)}\s+{re.escape(kind.group('kind'))}\b", reply, re.I)
    return f"the {together.group(0)}" if together is not None else answered


def resolve_thing(question: str, earlier: str, answered: str) -> str | None:
    """The question with its "it" or "its" replaced by the name that answered the question before,
    when that asked for a thing of a kind: "Has it been sanctioned?" after "Which bank is Russia's
    largest?" answered "Sberbank" -> "Has Sberbank been sanctioned?"; "Who founded it?" after
    "Which think tank is Alcaro at?" answered "Istituto Affari Internazionali". None when the
    answer is no single name (a list, a phrase in lower case, longer than NAME_WORDS words), the
    question before asked something else ("What is the 15-point plan?": "Who is discussing it?"
    is about the plan), or the question has no "it", one that refers to nothing, or two."""
    if not _ASKS_WHICH.match(earlier) or not (_one_name(answered) or answered.startswith("the ")):
        return None
    if expected_type(earlier) == PERSON or _PERSON_KIND_ASKED.match(earlier):
        # "What would cause it?" after "Which Ukrainian leader might face an uprising?" answered
        # "Zelensky": "it" is no person (it had asked "What would cause Zelensky?").
        return None
    return _in_place_of_it(question, answered)


def _in_place_of_it(question: str, name: str) -> str | None:
    """The question with its one "it" (or "its") replaced by the name (or its possessive); None when
    it has none, two, or one that refers to nothing ("What is it called?"). An "it" with an "its"
    after it stand for one thing: the "it" takes the name ("In which city does it have its office?"
    -> "In which city does the IAI have its office?")."""
    found = list(_IT.finditer(question))
    if len(found) > 1 and not found[0].group("its") and all(f.group("its") for f in found[1:]):
        found = found[:1]
    if len(found) != 1 or DUMMY_IT.search(question):
        return None
    pronoun = found[0]
    particle = _PARTICLE_AFTER.match(question, pronoun.end()) if not pronoun.group("its") else None
    if particle is not None:
        # "When did he set it up?" -> "… set up the IAI?": a name does not stand between a phrasal
        # verb and its particle as "it" does ("set Istituto Affari Internazionali up" had abstained).
        return question[: pronoun.start()] + particle.group(1) + " " + name + question[particle.end() :]
    return question[: pronoun.start()] + name + ("’s" if pronoun.group("its") else "") + question[pronoun.end() :]


# A phrasal verb's particle right after its "it": "set it up", "carry it out", "hand it over".
_PARTICLE_AFTER = re.compile(r"\s+(up|out|off|down|over|back|away)\b(?!\s+(?:to|with|from|of|for|on|in|at)\b)", re.I)


# "Why could that be difficult to organise?", "How would it be held?": a pronoun the subject of a
# why- or how-question about what something is or may be.
_PRONOUN_SUBJECT = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?P<wh>why|how)\s+(?P<aux>could|would|might|will|can|is|was|should|may)\s+"
    r"(?:that|this|it)\s+(?P<rest>(?:be|become|prove|seem)\b[^?!.]*?)\s*[?.!]*\s*$",
    re.I,
)
# A short answer that is steps, each a participle and the thing it is done by, as or in ("approved by
# a nationwide referendum, added as an amendment …"): the first step's thing.
_FIRST_STEP_OBJECT = re.compile(rf"^[a-z]{{3,}}ed\s+(?:{STEP_PREPOSITIONS})\s+(?P<thing>[^,;:]+?)\s*,")
# A short answer that is one thing named by a phrase: "a nationwide referendum", "the ruble".
_THING_PHRASE = re.compile(r"^(?:a|an|the)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,4}$")


# "Who else did Kyiv ask?", "And what else has the US sent?": "else" after the question word, and
# not yet said what else than ("What else, besides bank sanctions, …").
_ELSE_ASKED = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?P<wh>who|what|which\s+[a-z]+|whom)\s+else\b"
    rf"(?!\s*,?\s*(?:{SET_ASIDE_WORDS}|except|in\s+addition\s+to)\b)",
    re.I,
)


def resolve_else(question: str, answered: str) -> str | None:
    """The question with what the earlier reply answered (bold) said after its "else": "Who else did
    Kyiv ask?" after "Which two countries mediate?" answered "**Turkey and Israel**" -> "Who else,
    besides Turkey and Israel, did Kyiv ask?" (it had abstained: "ask" is not "called on"). None
    without such an "else", or with a pronoun, which may stand for what was answered: "What else did
    they send?" after "Which countries have sent weapons?" asks what else those countries sent."""
    asked = _ELSE_ASKED.match(question)
    if asked is None or not answered.strip() or _PRONOUN.search(question):
        return None
    return f"{question[: asked.end()]}, besides {answered.strip()},{question[asked.end():]}"


def resolve_answered_subject(question: str, earlier: str, answered: str) -> str | None:
    """The question with its pronoun subject replaced by the thing the reply before answered: "Why
    could that be difficult to organise?" after "What would a neutrality deal need …?" answered "a
    nationwide referendum" -> "Why could a nationwide referendum be difficult to organise?". None
    unless the earlier question asked what or which, its answer is one phrase of a thing (an article
    and at most five words, no list) and the question asks why or how of a "that", "this" or "it"."""
    asked = _PRONOUN_SUBJECT.match(question)
    if asked is None or not re.match(r"\W*(?:(?:and|so)\s+)?(?:what|which)\b", earlier, re.I):
        return None
    first_step = _FIRST_STEP_OBJECT.match(answered)
    if first_step is not None:
        # "approved by a nationwide referendum, added as …": the thing its first step names.
        answered = first_step.group("thing")
    if _THING_PHRASE.match(answered) is None or re.search(r"\s(?:and|or)\s", answered):
        return None
    wh, aux, rest = asked.group("wh", "aux", "rest")
    return f"{wh[0].upper()}{wh[1:].lower()} {aux.lower()} {answered} {rest}?"


# "Where is the IAI based?", "When was Sberbank founded?": a property asked of a named thing.
_NAMED_SUBJECT_ASKED = re.compile(
    r"^\W*(?i:where|when|how\s+(?:big|large|old|long)|what\s+year)\s+(?i:is|was|are|were|does|did|do|has|have)\s+"
    r"(?P<term>(?i:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})\b"
)


# "How long would the Crimea timeline be?": a property of a thing a name and its noun make, asked
# with the verb alone after them.
_NAMED_THING_ASKED = re.compile(
    r"^\W*(?i:where|when|how\s+(?:big|large|old|long|much|many)|what\s+year)\s+"
    r"(?i:is|was|are|were|will|would|could|should)\s+"
    r"(?P<term>(?i:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:\s+(?!(?:the|a|an)\b)[a-z][\w-]*){0,2}?"
    # "When was the commentary on Russia–Ukraine talks by Alcaro published?": a noun that words after
    # a preposition name, a name among them.
    r"|(?i:the)\s+[a-z][\w-]*\s+(?:on|about|by|from|of|for)\s+[^?,]*?[A-Z][^?,]*?)"
    r"\s+[a-z]+\s*[?.!]*\s*$"
)


# "What topics does IAI research?": things of a kind a named thing does something with, asked of it
# by its name. In the plural, so that "it" after it is the name, not the answer ("What does Ukraine
# need?" then "Who will provide it?" is about what it needs).
_NAMED_DOER_ASKED = re.compile(
    r"^\W*(?i:what|which)\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*[^s\W]s\s+(?i:does|did|do|will|would|can|could)\s+"
    r"(?P<term>(?i:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*[?.!]*\s*$"
)


# "Which parties signed the 2015 Minsk deal?", "Who hosted the Istanbul talks?": who did something
# to a named thing, the question's last words.
_NAMED_OBJECT_ASKED = re.compile(
    r"^\W*(?:(?i:and|so)\s+)?(?i:who|which\s+[a-z]+)\s+(?!(?i:did|need|used)\b)[a-z]+(?:ed|t)\s+"
    r"(?P<term>(?i:the\s+)?(?:\d{4}\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:\s+[a-z][\w-]*)?"
    # "Who founded the think tank behind the March commentary?": a thing described by a name after it.
    r"|(?i:the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:behind|of|at|on|about|by|from|for)\s+[^?,]*?[A-Z][^?,]*?)\s*[?.!]*\s*$"
)


# "Who wrote commentary 22 | 11?", "Who wrote "Europe's Post-Cold War Order Is No More"?": a work by
# its number or its title, whose author is asked.
_WORK_AUTHOR_ASKED = re.compile(
    r"^\W*(?:(?i:and|so)\s+)?(?i:who)\s+(?i:wrote|authored|penned|edited)\s+"
    r"(?P<term>(?!(?i:it|this|that|them|these|those)\b)[^?!]{0,80}?[A-Z0-9][^?!]{0,80}?)\s*[?.!]*\s*$"
)


# "Where did the sixth round of talks take place?", "When did the invasion start?": an event.
_EVENT_ASKED = re.compile(
    r"^\W*(?i:where|when|how|why)\s+(?i:did|does|do|will|would)\s+(?P<term>(?i:the)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s+"
    r"(?i:take\s+place|happen|occur|start|begin|end|break\s+down|fail|collapse|stall|resume)\s*[?.!]*\s*$"
)


# "How much security aid had Washington given Kyiv?": an amount of a thing the question names by a
# noun in lower case; "it" after it is that thing ("Name the weapons it included."). Not money or
# time, which only measure: "What was unprecedented about it?" after "How much money has the EU
# agreed to deliver?" is about the delivery.
_AMOUNT_OF_THING_ASKED = re.compile(
    r"^\W*(?:(?i:and|so)\s+)?(?i:how\s+much)\s+(?!(?:money|cash|time)\b)(?P<term>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+"
    r"(?i:had|has|have|did|does|do|is|was|will|would)\b"
)


# A property of a named thing, asked by its possessive: "the April commentary's title".
_OWNED_PROPERTY = re.compile(
    r"^(?P<owner>.+?)['’]s\s+(?:title|name|date|author|authors|publisher|address|headline|length|url|website|founder)$", re.I
)


# "How does the IAI describe itself?": what a named thing says of itself; "it" after it is that thing.
_NAMED_OF_ITSELF_ASKED = re.compile(
    r"^\W*(?i:how|what)\s+(?i:does|do|did)\s+(?P<term>(?i:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})\s+[a-z]+\s+"
    r"(?i:itself|himself|herself|themselves)\b"
)


def resolve_defined(question: str, earlier: Sequence[str]) -> str | None:
    """The question with its one "it" or "its" replaced by what the latest earlier question asking
    what a named thing is, going back while each turn between says "it" too: "Who founded it?" and
    then "Where is it?" after "What is the IAI?" -> "Who founded the IAI?", "Where is the IAI?"; also
    after a question for a property of a named thing ("When was it founded?" after "Where is the IAI
    based?" -> "When was the IAI founded?"; "Who rejected it?" after "How long would the Crimea
    timeline be?" -> "Who rejected the Crimea timeline?"), or for an amount of a thing ("Name the
    weapons it included." after "How much security aid …?" -> "… the security aid included.").
    None when the question has no such "it", or no such earlier question is found."""
    for turn in reversed(earlier):
        if mentions_it(turn):
            # "When did Russia sign it?": its "it" is the thing asked about, not "Russia".
            continue
        subject = (_NAMED_THING_ASKED.match(turn) or _NAMED_SUBJECT_ASKED.match(turn) or _NAMED_DOER_ASKED.match(turn)
                   or _NAMED_OBJECT_ASKED.match(turn) or _WORK_AUTHOR_ASKED.match(turn) or _NAMED_OF_ITSELF_ASKED.match(turn))
        # "Where is the IAI based?" then "When was it founded?": the name asked about, not its place.
        # "What kind of organisation is IAI?" asks what a named thing is, too.
        term = defined_term(turn) or (subject.group("term") if subject is not None else None) or kind_of_name(turn)
        # "And its author?" after "What is the April commentary's title?": the commentary, whose title
        # was asked, not the title.
        owned = _OWNED_PROPERTY.match(term or "")
        term = owned.group("owner") if owned is not None else term
        # A name ("the IAI", "the Budapest memorandum", "the 15-point plan"), not a description
        # ("the second sticking point", which the documents call otherwise: "the second problematic issue").
        if term is not None and re.search(r"[A-Z0-9]", term):
            named = f"the {term}" if re.search(rf"\bthe\s+{re.escape(term)}", turn, re.I) else term
            return _in_place_of_it(question, named)
        # An event asked about by where or when it took place: "What came out of it?" after "Where
        # did the sixth round of talks take place?" asks what came out of that round.
        event = _EVENT_ASKED.match(turn)
        if event is not None:
            return _in_place_of_it(question, event.group("term"))
        amount = _AMOUNT_OF_THING_ASKED.match(turn)
        if amount is not None:
            return _in_place_of_it(question, f"the {amount.group('term')}")
        return None
    return None


# "under that agreement", "turned that proposal down", "objected to that": a thing the question
# before named, pointed at by a noun of its kind or by "that" alone. Only where a noun phrase ends
# (the question's end, a preposition or a particle after it), so that "think that sanctions work"
# is no pointer.
_DEMONSTRATIVE = re.compile(
    r"\b(?:(?P<pointer>(?:that|this)\s+(?P<noun>[a-z][\w-]*))|(?:to|on|of|about|with|against|for|by)\s+(?P<bare>that))"
    r"(?=\s*[?.!]*\s*$|\s+(?:down|up|off|out|back|of|in|on|for|to|by|with|under|about|from)\b)"
)
# The auxiliaries: no head of a noun phrase, and, before "that <word>", the sign that "that" is a subject.
_AUXILIARIES = r"do|does|did|is|are|was|were|has|have|had|will|would|can|could|should|may|might|must"
# A noun phrase the question before named: "the 1994 memorandum", "Ukraine's proposal"; a name or a
# number in it, so that it points at one thing.
_NAMED_PHRASE = re.compile(
    r"(?:\b(?i:the)\s+(?:[a-z][\w-]*\s+)?[A-Z0-9][\w’'.-]*|\b[A-Z][\w’'-]*['’]s(?:\s+[a-z][\w-]*)??)\s+"
    rf"(?P<head>(?!(?:of|in|on|for|to|by|with|under|about|from|and|or|be|been|{_AUXILIARIES})\b)[a-z][\w-]*)\b"
)

# An auxiliary just before "that <word>": "that" is then a subject ("What weapons did that include?").
_AUXILIARY_BEFORE = re.compile(rf"\b(?:{_AUXILIARIES})\s+$", re.I)
# Where a phrase the question before named may stand: after a preposition, at the question's end or
# before another preposition.
_PHRASE_PREPOSITIONS = r"(?:of|in|on|for|to|by|with|under|about|from|over|against|at|into)"
_PREPOSITION_BEFORE = re.compile(rf"\b{_PHRASE_PREPOSITIONS}\s+$", re.I)
_PHRASE_ENDS = re.compile(rf"\s*[?.!]*\s*$|\s+{_PHRASE_PREPOSITIONS}\b")


# Nouns for a written work, which "that <noun>" may point at in the reply rather than the question.
_WORK_NOUNS = frozenset("piece article report story commentary op-ed column paper text work essay analysis".split())


def resolve_demonstrative(question: str, earlier: Sequence[str]) -> str | None:
    """The question with its "that <noun>" (or a closing "to that") replaced by the thing the
    question before named: "What did Ukraine hand over under that agreement?" after "What was the
    purpose of the 1994 memorandum?" -> "… under the 1994 memorandum?" (retrieval had read
    "agreement" as the Minsk agreements). The earlier phrase with the same noun is taken, else
    its last one that a preposition takes and that ends the question or comes before another (not
    "the EU agree" of "What did the EU agree to deliver?"). None without such a pointer or phrase."""
    pointer = _DEMONSTRATIVE.search(question)
    noun = pointer.group("noun") if pointer is not None else None
    if pointer is None or not earlier or noun in QUERY_STOPWORDS:
        return None
    if noun is not None and _AUXILIARY_BEFORE.search(question, 0, pointer.start()):
        # "What weapons did that include?": "that" is the subject, "include" its verb.
        return None
    before = earlier[-1]
    phrases = list(_NAMED_PHRASE.finditer(before))
    same = [m for m in phrases if noun is not None and m.group("head").rstrip("s") == noun.rstrip("s")]
    taken = [m for m in phrases if _PREPOSITION_BEFORE.search(before, 0, m.start()) and _PHRASE_ENDS.match(before, m.end())]
    if not same and noun is not None and noun.lower().rstrip("s") in _WORK_NOUNS:
        # "Who wrote that piece?" after "Which American newspaper reported on Zelensky's address to
        # Congress?": the work the reply gave, not a phrase of the question ("Zelensky's address").
        return None
    chosen = (same or taken)[-1:]
    if not chosen:
        return None
    phrase = chosen[0].group(0)
    phrase = phrase[0].lower() + phrase[1:] if phrase.startswith("The ") else phrase
    where = "pointer" if pointer.group("pointer") else "bare"
    return question[: pointer.start(where)] + phrase + question[pointer.end(where) :]


# "Was the promise kept?", "Is that plan realistic?": a yes/no question whose subject is a bare
# noun after "the", "that" or "this" (not a compound: "the peace plan" names its own kind).
_DEFINITE_SUBJECT = re.compile(
    rf"^\W*(?:(?:and|but|so)\s+)?(?:{_AUXILIARIES})\s+(?P<pointer>(?:the|that|this)\s+(?P<noun>[a-z][\w-]*))"
    rf"\s+(?!(?:{_PHRASE_PREPOSITIONS}|and|or|{_AUXILIARIES})\b)[a-z]",
    re.I,
)


# What follows a verb that ends a question or takes an infinitive: "… pledge?", "… pledge to do".
_VERB_ENDS = re.compile(r"\s*(?:[?.!,;]|$|to\b)")


def resolve_definite(question: str, earlier: str, reply: str) -> str | None:
    """The question with its subject "the <noun>" (or "that <noun>") replaced by the phrase with the
    same noun the question before or its reply named ("Moscow’s promise", `_NAMED_PHRASE`): "Was the
    promise kept?" after "What did Moscow promise after Istanbul?", answered "… despite Moscow’s
    promise to pull back …" -> "Was Moscow’s promise kept?" (it had quoted "… may be showing some
    promise …"). None without such a subject or phrase."""
    subject = _DEFINITE_SUBJECT.match(question)
    if subject is None or subject.group("noun").lower() in QUERY_STOPWORDS:
        return None
    noun = subject.group("noun").lower().rstrip("s")
    for text in (earlier, reply):
        # Not a subject and its verb: "did the Kremlin pledge to do" names no pledge ("does the
        # 15-point plan say" names a plan).
        same = [m for m in _NAMED_PHRASE.finditer(text) if m.group("head").rstrip("s") == noun
                and not (_AUXILIARY_BEFORE.search(text, 0, m.start()) and _VERB_ENDS.match(text, m.end()))]
        if same:
            phrase = same[-1].group(0)
            phrase = phrase[0].lower() + phrase[1:] if phrase.startswith("The ") else phrase
            return question[: subject.start("pointer")] + phrase + question[subject.end("pointer") :]
    return None


# "there" at a question's end, standing for a place: "What was agreed there?" (not "Is there …?",
# nor "How many are there?", which say that something is).
_THERE = re.compile(r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<=\s)there(?=\s*[?.!]*\s*$)", re.I)
_PLACE_NAME = re.compile(r"\b[A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*)?")


def resolve_there(question: str, earlier: str, reply: str) -> str | None:
    """The question with its closing "there" replaced by the place the question before named, as
    the reply puts something "in" or "at" it: "What was agreed there?" after "Which country hosted
    the Istanbul round?", answered "On Tuesday in Istanbul, the sides met …" -> "What was agreed in
    Istanbul?" (a sentence with "based there" had answered). None without such a "there" or place."""
    there = _THERE.search(question)
    if there is None:
        return None
    # The question's names first; after "Where …?", the reply's bold answer ("**Istanbul**").
    names = [m.group(0) for m in _PLACE_NAME.finditer(earlier, 1)]
    if re.match(r"\W*where\b", earlier, re.I):
        names += [m.group(0) for m in _PLACE_NAME.finditer(" ".join(re.findall(r"\*\*([^*]+)\*\*", reply)))]
    for name in names:
        at = re.search(rf"\b(?:in|at)\s+(?:the\s+)?{re.escape(name)}\b", f"{earlier} {reply}")
        if at is not None:
            return question[: there.start()] + at.group(0) + question[there.end() :]
    return None


# A question for things of a kind, in the plural: "Which countries are named as potential
# guarantors?" -> "countries", "are named as potential guarantors".
# "Which European states …?": a people's or a place's adjective may stand before the kind (tried only
# when the kind alone does not match), which "Is Italy one of them?" keeps (what "they" did is asked
# of the kind alone: "What did they send?").
_ASKS_KIND_PLURAL = re.compile(
    r"^\W*(?:which|what)\s+(?!(?:is|was|has|does)\b)"
    r"(?P<noun>(?P<adjective>(?-i:[A-Z])[\w-]*\s+(?!(?:is|was|has|does)\b))??[a-z][\w-]*[^s\W]s)\s+(?P<rest>[^?]+?)\s*[?.!]*\s*$", re.I
)
# "them", "they", or "those" / "these" standing alone at the end ("Would Beijing be one of those?").
_GROUP_PRONOUN = re.compile(r"\b(?:them|they)\b|\b(?:those|these)(?=\s*[?.!]*\s*$)", re.I)
_DO = re.compile(r"^(?:do|does|did)\s+", re.I)
_PASSIVE = re.compile(r"^(?P<be>are|were|is|was)\s+[a-z]+(?:ed|en|wn)\b", re.I)


def resolve_group(question: str, earlier: Sequence[str], member: bool = False) -> str | None:
    """The question with its one "them" or "they" replaced by the things the question before asked
    for: "Is China one of them?" after "Which countries are named as potential guarantors?" ->
    "Is China one of the countries that are named as potential guarantors?" (it had been answered
    by the sentence in which Ukraine calls on China to step in). None when the question has no such
    word, or two, or the question before asked for no things of a kind in the plural. With `member`
    (the question asks whether a name is one of them), the kind may have an adjective of a name
    before it ("the European states that …")."""
    found = list(_GROUP_PRONOUN.finditer(question))
    asked = _ASKS_KIND_PLURAL.match(earlier[-1]) if earlier else None
    if len(found) != 1 or asked is None or (asked.group("adjective") and not member):
        return None
    if any(m.start() != found[0].start() for m in _PRONOUN.finditer(question)):
        # "Why does it need them?" after "What weapons does the April article say Kyiv needs most?":
        # "it" would be left standing for nothing once asked alone (the reply had asked what "it" meant).
        return None
    rest = asked.group("rest")
    passive = _PASSIVE.match(rest)
    # "the countries named as potential guarantors" (a passive without its "are"); "the weapons that
    # the US send" (of "Which weapons did the US send?": the auxiliary goes).
    group = f"the {asked.group('noun')} {rest[passive.end('be'):].lstrip()}" if passive else f"the {asked.group('noun')} that {_DO.sub('', rest)}"
    pronoun = found[0]
    return question[: pronoun.start()] + group + question[pronoun.end() :]


def group_by_names(question: str, answered: str) -> str | None:
    """The question with its one "they" or "of them" replaced by the names the reply before answered,
    when that is a list of names: "Apart from weapons, what did they provide?" after "**Poland,
    Estonia, Sweden and Germany**" -> "Apart from weapons, what did Poland, Estonia, Sweden and
    Germany provide?". None without such a word, with two, or when the answer is no list of names."""
    found = list(_GROUP_PRONOUN.finditer(question))
    items = [item.strip() for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", answered) if item.strip()]
    if len(found) != 1 or len(items) < 2 or not all(item[:1].isupper() for item in items):
        return None
    if found[0].group(0).lower() != "they" and not question[: found[0].start()].rstrip().lower().endswith(" of"):
        # "What would need to change in them?" after "Which parties signed those deals?": the deals,
        # not the parties; "they" and "of them" are who was asked about.
        return None
    return question[: found[0].start()] + answered + question[found[0].end() :]


# "Name them.", "List them all.", "What are they?": the things just counted, by name.
_NAME_THEM = re.compile(
    r"^\W*(?:(?:and|so|ok|okay)\W+)?(?:(?:(?:can|could|would)\s+you\s+|please\s+)?(?:name|list)\s+(?:them|those|these|each(?:\s+of\s+them)?|"
    r"all\s+of\s+them)(?:\s+all)?(?:,?\s+please)?|(?:what|which)\s+(?:are|were)\s+(?:they|those|these)|what\s+are\s+their\s+names"
    # "And which bank would that be?", "Which one is it?": the one counted.
    r"|which\s+(?:[a-z]+|one|ones)\s+(?:would|is|was|are|were|could|might)\s+(?:that|it|this|they|those)(?:\s+be)?)\s*[?.!]*\s*$",
    re.I,
)
# "How many book series does the institute put out?": what was counted, and what was said of it.
_HOW_MANY_ASKED = re.compile(
    r"^\W*(?:(?:and|so)\s+)?how\s+many\s+(?P<noun>[^?]+?)\s+(?P<aux>do|does|did|has|have|had|are|were|is|was|will|would|can|could)\s+"
    r"(?P<rest>[^?]+?)\s*[?.!]*\s*$",
    re.I,
)


# "Of Russia's five biggest banks, how many are fully blocked?": counted among a group named first.
_HOW_MANY_OF_GROUP = re.compile(
    r"^\W*(?:(?:and|so)\s+)?(?:out\s+)?of\s+(?P<group>[^,?]+),\s*how\s+many\s+(?P<aux>are|were|is|was|have|has|had)\s+"
    r"(?P<rest>[^?]+?)\s*[?.!]*\s*$",
    re.I,
)


def resolve_counted(question: str, earlier: str) -> str | None:
    """"Name them." after "How many book series does the institute put out?" -> "Which book series does
    the institute put out?": the things counted, asked for by name; "And which bank would that be?"
    after "Of Russia's five biggest banks, how many are fully blocked?" -> "Which of Russia's five
    biggest banks are fully blocked?". None for other questions."""
    if not _NAME_THEM.match(question):
        return None
    counted = _HOW_MANY_ASKED.match(earlier)
    if counted is not None:
        return f"Which {counted.group('noun')} {counted.group('aux').lower()} {counted.group('rest')}?"
    among = _HOW_MANY_OF_GROUP.match(earlier)
    if among is not None:
        return f"Which of {among.group('group')} {among.group('aux').lower()} {among.group('rest')}?"
    return None


# "Which one was the biggest of all?": one of the kind the question before asked which one of.
# Not "Which one is it?", which `resolve_counted` reads.
_WHICH_ONE_ASKED = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?which\s+one\s+(?!of\b)(?!(?:%s)\s+(?:it|that|this|they|those)(?:\s+be)?\s*[?.!]*\s*$)"
    r"(?P<rest>(?:%s)\b[^?]*?)\s*[?.!]*\s*$" % (_AUXILIARIES, _AUXILIARIES),
    re.I,
)
# "Which Russian bank was second-largest?": the kind ("Russian bank", singular), up to its auxiliary.
_WHICH_KIND_ASKED = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:which|what)\s+(?P<kind>(?:(?!(?:%s|of)\b)[\w’'-]+\s+){0,2}?(?!(?:%s|one|of)\b)[a-z][\w-]*(?<!s)|[a-z][\w-]*ss)\s+(?:%s)\b"
    % (_AUXILIARIES, _AUXILIARIES, _AUXILIARIES), re.I
)


def resolve_which_one(question: str, earlier: str) -> str | None:
    """"Which one was the biggest of all?" after "Which Russian bank was second-largest?" -> "Which
    Russian bank was the biggest of all?": "one" is of the kind the question before asked for. None
    for other questions, or when that one asked for things in the plural or for no kind."""
    one = _WHICH_ONE_ASKED.match(question)
    kind = _WHICH_KIND_ASKED.match(earlier) if one is not None else None
    if one is None or kind is None:
        return None
    return f"Which {kind.group('kind')} {one.group('rest')}?"


def _one_name(answered: str) -> bool:
    """True when a short answer is one name: capitalised, at most NAME_WORDS words, no list."""
    return (answered[:1].isupper() and len(answered.split()) <= NAME_WORDS and "," not in answered
            and re.search(r"\s(?:and|or)\s", answered) is None)


def _one_term(answered: str) -> bool:
    """True when a short answer is one word, a name or not ("denazification"; not "a significant role")."""
    return len(answered.split()) == 1


def _her_is_possessive(question: str, end: int) -> bool:
    """True when the "her" ending at `end` is a possessive: a word no stop word follows it ("her
    position"), not a preposition or punctuation ("told her about")."""
    following = _NEXT_WORD.match(question, end)
    return following is not None and following.group(1).lower() not in QUERY_STOPWORDS


def mentions_it(question: str) -> bool:
    """True when the question has an "it" or "its"."""
    return _IT.search(question) is not None


# A question asking who did something ("Who wrote the IAI commentary?"), whose reply names the person.
_ASKS_WHO = re.compile(r"^\s*who\b", re.I)


def _named_in_reply(turn: str, reply: str) -> str | None:
    """The capitalised words of the question (not its first word) that the reply's first full name
    of a person holding any of them shares: "Zelensky", since the reply names "Volodymyr
    Zelensky". Countries and bodies are no full names. The question's own words are kept: "Why
    does Volodymyr Zelensky want a referendum?" drew the sentence that names him in full, not the
    one that says why."""
    asked = [without_possessive(m.group(0)) for m in re.finditer(r"\b[A-Z][\w’'-]*", turn) if m.start() > 0]
    plain = plain_reply(reply)
    for name in person_names(plain):
        shared = [w for w in asked if w in name.split()]
        if shared:
            return " ".join(dict.fromkeys(shared))
    # A full name opening the reply's sentence, which `person_names` leaves aside (its first word
    # may be "But"): "Riccardo Alcaro is Research Coordinator …" for "What is the name of Alcaro's programme?".
    for word in asked:
        before = re.search(rf"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][a-z’'-]+)\s+{re.escape(word)}\b(?!\s+[A-Z])", plain)
        if before is not None and before.group(1).lower() not in QUERY_STOPWORDS | _OPENERS and not is_title(before.group(1)):
            return word
    return None


# A document named by what it is after its name: "the IAI commentary", "the April piece".
_DOCUMENT_HEADS = r"commentary|piece|article|op-ed|essay|report|paper|document"
_DOCUMENT_WORD = rf"(?:opinion\s+)?(?:{_DOCUMENT_HEADS})"
_DOCUMENT_NOUN = rf"(?:\s+{_DOCUMENT_WORD})?"
_NAMES_DOCUMENT = re.compile(rf"\s{_DOCUMENT_WORD}$")
# A document described in lower case: "the opinion piece", "the other commentary".
_THE_DOCUMENT = re.compile(rf"\bthe\s+(?:[a-z][\w-]*\s+)?(?P<noun>{_DOCUMENT_HEADS})\b")
# "What about Europe?", "And Ukraine?", "And what about the EU?", "And the IAI commentary?": a name
# standing alone for the one the question before asked about.
_ELLIPSIS = re.compile(
    r"\s*(?i:(?:and|but)\s+(?:(?:what|how)\s+about\s+)?|(?:what|how)\s+about\s+)"
    rf"(?P<name>(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+(?:(?:of|and|the)\s+)*[A-Z][\w’'.-]*)*{_DOCUMENT_NOUN})\s*[?.!]*\s*"
)
# The name of the question before, with its article and its possessive ("the US", "Zelensky's"),
# and the noun of a document named so ("the April piece").
_NAME_WORD = r"[A-Z](?:[\w.-]|['’](?!s\b))*"
_ASKED_NAME = re.compile(
    rf"(?:\b[Tt]he\s+)?(?P<name>{_NAME_WORD}(?:\s+(?:(?:of|the)\s+)*{_NAME_WORD})*{_DOCUMENT_NOUN})(?P<possessive>['’]s\b)?"
)


# "And according to Peskov?", "What about according to the IAI commentary?": the source alone.
_ACCORDING_ALONE = re.compile(
    r"\s*(?i:(?:(?:and|but)\s+)?(?:(?:what|how)\s+about\s+)?)(?i:according\s+to|(?:as\s+)?per)\s+(?P<source>(?!(?i:whom?|what|which|whose)\b)[^?.!,]+?)\s*[?.!]*\s*"
)
# "…, per Alcaro": a source named as "according to" names one.
_PER_TAIL = re.compile(r",?\s+(?:as\s+)?per\s+[^,;?.!]+", re.I)
# "And what does Alcaro say on that?": what someone says about what the question before was about.
_SAYS_ON_THAT = re.compile(
    r"\s*(?P<head>(?i:(?:and|but)\s+)?(?i:what)\s+(?i:does|do|did)\s+[^?]+?\s+(?i:say|think|write|argue)\s+"
    r"(?i:about|on|regarding|concerning)\s+)(?i:that|it|this|them|the\s+same(?:\s+thing)?|the\s+matter|the\s+issue)\s*[?.!]*\s*"
)
# "And on sanctions?", "What about on energy?": a topic alone, in place of the one the question before ended on.
_TOPIC_ALONE = re.compile(
    r"\s*(?i:(?:and|but)\s+(?:(?:what|how)\s+about\s+)?|(?:what|how)\s+about\s+)(?i:on|about|regarding|concerning)\s+"
    r"(?P<topic>[^?.!,]+?)\s*[?.!]*\s*"
)


# "What about oil and gas?", "And what about its gas purchases?": a thing in lower case alone (a
# possessive pronoun before it goes: the question before names whose).
# "And its oil and gas purchases?" too, with no "what about", but not "And why?" nor "And in 2014?".
_PHRASE_ALONE = re.compile(
    r"\s*(?:(?i:(?:and|but)\s+)?(?i:what|how)\s+about\s+(?:(?i:its|their|his|her)\s+)?"
    r"|(?i:and|but)\s+(?:(?i:its|their|his|her)\s+)?(?!(?:who|whom|whose|what|which|when|where|why|how|then|so|more|else|also|yes|no|not|never|"
    r"ok|okay|to|in|on|at|by|for|from|of|with|about|after|before|since|during|under|over|is|are|was|were|do|does|did|has|have|had|"
    r"will|would|can|could|should|may|might|must|one|ones|other|others|another|both|each|all|any|some|none)\b))"
    r"(?P<topic>(?!(?:the|a|an|that|this|those|these|it|them|him|her|us|you|me|now|then|there|here|today)\b)[a-z][\w-]*(?:\s+[a-z][\w-]*){0,5})\s*[?.!]*\s*"
)
# "What's the English-language quarterly IAI puts out?", "What is the population of Ukraine?": the
# thing asked for by its kind, in lower case, before what is said of it.
_THE_KIND_ASKED = re.compile(
    r"(?P<head>\s*(?i:what|which)(?:['’]s|\s+(?i:is|are|was|were))\s+(?i:the)\s+)"
    r"(?P<kind>[A-Za-z][a-z]*(?:-[a-z]+)?(?:\s+(?!(?:of|for|in|on|to|the|a|an|and|or|that|which|with|from|by|at)\b)[a-z][\w-]*){0,3}?)"
    r"(?P<rest>(?:\s+(?:of|that|which|[A-Z])[^?]*)?\s*[?.!]*\s*)"
)
# What a question ends on after a verb in "-ing" or "-ed", which a phrase alone stands in for: "Russian
# coal" of "When will Poland stop buying Russian coal?" (not "Russia" of "… coal imports from Russia").
_OBJECT_ENDING = re.compile(
    r"\b(?:[a-z]{2,}ing|[a-z]{2,}ed)\s+"
    r"(?P<topic>(?!(?:the|a|an|it|them|that|this)\b)[\w’'-]+(?:\s+[\w’'-]+){0,3})\s*[?.!]*\s*$"
)
# "And not to host?", "And to build?": a verb alone, in place of the one the question before asked
# about after "to" ("What does Ukraine promise not to develop?").
_VERB_ALONE = re.compile(r"\s*(?i:and|but)\s+(?P<neg>(?i:not|never)\s+)?(?i:to)\s+(?P<verb>[a-z]{3,})\s*[?.!]*\s*")
# The verb after "to" in a question, with the denial before it: "not to develop".
_TO_VERB = re.compile(r"\b(?P<neg>(?:not|never)\s+)?to\s+(?P<verb>[a-z]{3,})\b(?=[^?]*\?\s*$)", re.I)


def _verb_swapped(question: str, before: str) -> str | None:
    """The question before with the verb the question offers in place of its last verb after "to":
    "And not to host?" after "What does Ukraine promise not to develop?" -> "What does Ukraine
    promise not to host?". None when the question is not of that form, the denials differ or the
    question before has no such verb."""
    offered = _VERB_ALONE.fullmatch(question)
    found = list(_TO_VERB.finditer(before)) if offered is not None else []
    if not found or bool(found[-1].group("neg")) != bool(offered.group("neg")):
        return None
    return before[: found[-1].start("verb")] + offered.group("verb") + before[found[-1].end("verb") :]


# "And within weeks?", "And by the end of the year?": a time alone, in place of the one that closed
# the question before ("What is Poland phasing out by year's end?").
# A time: its preposition and determiner, a few words, and the word for the time ("within the next few weeks").
_TIME_OPENING = r"(?:within|by|before|after|until|till|in|during|over)\s+(?:the\s+|a\s+|next\s+|this\s+)?"
_TIME_WORD = r"(?:days?|weeks?|months?|years?|year['’]s\s+end|end|\d{4}|spring|summer|autumn|winter)"
_TIME_ALONE = re.compile(
    rf"^\W*(?:and|but|what\s+about|how\s+about)\s+(?P<time>{_TIME_OPENING}(?:[\w’'-]+\s+){{0,3}}?{_TIME_WORD})\s*[?.!]*\s*$",
    re.I,
)
_TIME_ENDING = re.compile(rf"\s{_TIME_OPENING}(?:[\w’'-]+\s+){{0,4}}?{_TIME_WORD}(?:\s+of\s+the\s+year)?\s*[?.!]*\s*$", re.I)
# "And the one on Putin's use of history?": another of the kind the question before described by its topic.
_ONE_ON_ALONE = re.compile(
    r"^\W*(?:(?:and|but)\s+(?:(?:what|how)\s+about\s+)?|(?:what|how)\s+about\s+)?the\s+one\s+"
    r"(?P<prep>on|about|concerning|dealing\s+with)\s+(?P<topic>[^?]+?)\s*[?.!]*\s*$",
    re.I,
)
# The question before's closing thing described by its topic: "… the piece on Japan's response to the war?".
_KIND_ON_ENDING = re.compile(
    r"\bthe\s+(?P<kind>(?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+(?:on|about|concerning|dealing\s+with)\s+[^?]+?\s*[?.!]*\s*$", re.I
)


def resolve_ellipsis(question: str, earlier: Sequence[str]) -> str | None:
    """The latest of the `earlier` questions (oldest first) with its one name replaced by the name
    the question gives alone: "How many soldiers has Russia lost?" then "And Ukraine?" -> "How many
    soldiers has Ukraine lost?"; "What weapons has the US sent?" then "What about Europe?" ->
    "What weapons has Europe sent?". An earlier question that was itself such a follow-up is
    resolved first. None when the question is not of that form or the earlier one does not name
    exactly one thing (with two, which one the name stands for is a guess)."""
    timed = _TIME_ALONE.match(question)
    if timed is not None and earlier:
        # "And within weeks?" after "What is Poland phasing out by year's end?": what it is phasing out
        # within weeks (the time had been read as what is phased out). After a question with no time
        # ("Has Poland said when it will stop …?" then "And in 2014?") which time is meant is a guess: none.
        ending = _TIME_ENDING.search(earlier[-1])
        return f"{earlier[-1][: ending.start()]} {timed.group('time')}?" if ending is not None else None
    one_on = _ONE_ON_ALONE.match(question)
    if one_on is not None and earlier:
        # "And the one on Putin's use of history?" after "Who wrote the piece on Japan's response to the
        # war?": who wrote the piece on Putin's use of history (it had abstained).
        ending = _KIND_ON_ENDING.search(earlier[-1])
        if ending is None or ending.group("kind").lower() in ("one", "ones"):
            return None
        return f"{earlier[-1][: ending.start()]}the {ending.group('kind')} {one_on.group('prep')} {one_on.group('topic')}?"
    name = offered_name(question)
    described = _DESCRIBED_ELLIPSIS.fullmatch(question)
    according = _ACCORDING_ALONE.fullmatch(question)
    topic = _TOPIC_ALONE.fullmatch(question)
    pointer = _SAYS_ON_THAT.fullmatch(question)
    if pointer is not None and earlier:
        # "And what does Alcaro's commentary say on that?" after "What does the April piece say about
        # NATO membership for Ukraine?": what it says about NATO membership for Ukraine (through an
        # earlier question of the same form: "And what does Alcaro say about it?" next).
        before = earlier[-1]
        if _SAYS_ON_THAT.fullmatch(before):
            before = resolve_ellipsis(before, earlier[:-1]) or ""
        ending = TOPIC_ENDING.search(before)
        return f"{pointer.group('head')}{ending.group('topic')}?" if ending is not None else None
    if _VERB_ALONE.fullmatch(question) and earlier:
        before = earlier[-1]
        return _verb_swapped(question, resolve_ellipsis(before, earlier[:-1]) or before)
    phrase = _PHRASE_ALONE.fullmatch(question) if name is None and described is None and according is None else None
    if phrase is not None and topic is None and earlier and not _ELLIPSIS.fullmatch(earlier[-1]):
        # "What about its oil and gas purchases?" after "What is Poland doing about Russian coal?": the
        # question before, on the thing now named (it had read "its" as "Poland doing about Russian coal").
        # After "Which country has said it will stop buying Russian coal?", "What about oil and gas?" may
        # ask which one has, or when that one will: the object is swapped only in a question whose
        # wh-phrase is not its subject.
        ending = TOPIC_ENDING.search(earlier[-1]) or (_OBJECT_ENDING.search(earlier[-1]) if _wh_subject(earlier[-1]) is None else None)
        if ending is None and (kind := _THE_KIND_ASKED.fullmatch(earlier[-1])) is not None:
            # "And its online webzine?" after "What's the English-language quarterly IAI puts out?": the
            # question before, of the thing now named ("What's the online webzine IAI puts out?").
            return f"{kind.group('head')}{phrase.group('topic')}{kind.group('rest')}"
        return f"{earlier[-1][: ending.start('topic')]}{phrase.group('topic')}?" if ending is not None else None
    if (name is None and described is None and according is None and topic is None) or not earlier:
        return None
    before = earlier[-1]
    if _ELLIPSIS.fullmatch(before) or _ACCORDING_ALONE.fullmatch(before) or _TOPIC_ALONE.fullmatch(before):
        before = resolve_ellipsis(before, earlier[:-1]) or ""
    if topic is not None and name is None:
        # "And on sanctions?" after "What is the April piece's recommendation on weapons?": the
        # question before, on the topic now named.
        ending = TOPIC_ENDING.search(before)
        if ending is None:
            return None
        return f"{before[: ending.start('topic')]}{topic.group('topic')}?"
    if according is not None:
        # "And according to Peskov?" after "What is the status of Crimea according to Lavrov?": the
        # question before, asked of the source now named.
        asked = ACCORDING_TO.sub("", _PER_TAIL.sub("", before)).strip().rstrip("?.!").rstrip(",")
        return f"{asked} according to {according.group('source')}?" if asked else None
    pronoun = _referring_pronoun(before)
    if name is None:
        # "What about the largest one?" after "Has it been cut off from SWIFT?" (about the second
        # largest bank): "Has the largest one been cut off from SWIFT?". A description alone stands
        # only for what a pronoun stood for.
        if pronoun is None:
            return None
        name = _one_as_kind(described.group("name"), earlier)
    spoke = _speaker_swapped(before, name, earlier[:-1]) if pronoun is not None else None
    if spoke is not None:
        return spoke
    if pronoun is not None:
        # "And Sberbank?" after "Has it been cut off from SWIFT?": the pronoun stood for what the
        # conversation is about, and the name offered takes its place, not SWIFT's.
        start, end, possessive = pronoun
        offered = without_possessive(name)
        offered = offered[0].lower() + offered[1:] if offered.startswith("The ") and start > 0 else offered
        return before[:start] + offered + ("’s" if possessive else "") + before[end:]
    if _wh_subject(before) is not None:
        # "What about the EU?" after "Which countries have sent weapons to Ukraine?" may ask whether
        # the EU has (its name for the wh-phrase) or which have sent weapons to the EU: readings
        # for `ellipsis_readings` to weigh, not one rewrite.
        return None
    asked = _asked_names(before)
    if re.fullmatch(PEOPLE_ADJECTIVE_WORD, name):
        # "And Ukrainian ones?" after "How many Russian soldiers have died, per the IAI piece?": the
        # people's adjective stands for the one before, not for the document nor a country's name.
        asked = [found for found in asked if re.fullmatch(PEOPLE_ADJECTIVE_WORD, found[2])]
    if len(asked) > 1 and _NAMES_DOCUMENT.search(name):
        # "What about the April piece?" after "What does the IAI commentary say about China?": the
        # document named stands for the document named before, not for China.
        asked = [found for found in asked if _NAMES_DOCUMENT.search(found[2])]
    if len(asked) > 1 and without_possessive(name) != name:
        # "And Ukraine's?" after "What is Russia's position on Crimea?": the possessive stands for
        # the possessive ("Russia's"), not for Crimea.
        asked = [found for found in asked if found[3]]
    if not asked and (without_possessive(name) != name or _NAMES_DOCUMENT.search(name)):
        # "And Alcaro's?" after "When was the opinion piece published?", which names no one: the
        # document named now in place of the one described before ("When was Alcaro's piece published?").
        described_documents = list(_THE_DOCUMENT.finditer(before))
        if len(described_documents) == 1:
            found = described_documents[0]
            offered = name if _NAMES_DOCUMENT.search(name) else f"{name} {found.group('noun')}"
            return before[: found.start()] + offered + before[found.end() :]
    if len(asked) != 1 or without_possessive(asked[0][2]) == without_possessive(name):
        return None
    return _replaced(before, asked[0], name)


# A pronoun that stands for a person or thing named earlier; "her" is read as a possessive
# before a word ("her position"), as an object before punctuation or a preposition.
_PRONOUN = re.compile(
    r"\b(?:(?P<subject>he|she|it|they|him|them)|(?P<possessive>his|its|their|her))\b", re.I
)


def _referring_pronoun(question: str) -> tuple[int, int, bool] | None:
    """The (start, end, possessive) of the one pronoun of `question` that refers back, or None when
    it has none, an "it" that refers to nothing, or pronouns for two things ("he" and "them")."""
    if DUMMY_IT.search(question):
        return None
    found = list(_PRONOUN.finditer(question))
    if not found:
        return None
    forms = {m.group(0).lower() for m in found}
    if len(forms) > 1 and not ({"he", "him", "his"} >= forms or {"she", "her"} >= forms
                               or {"it", "its"} >= forms or {"they", "them", "their"} >= forms):
        return None
    first = found[0]
    possessive = first.group("possessive") is not None
    if first.group(0).lower() == "her":
        possessive = _her_is_possessive(question, first.end())
    return first.start(), first.end(), possessive


def ellipsis_readings(question: str, earlier: Sequence[str]) -> list[str]:
    """Each reading of an ellipsis whose earlier question names several things, one per name it
    may stand for, likeliest first: "And Lavrov?" after "What does Peskov say about Crimea?" ->
    ["What does Lavrov say about Crimea?", "What does Peskov say about Lavrov?"]: the earlier
    question's first name (its subject, as a rule) first. Empty when `resolve_ellipsis` has the one
    reading, when the question is not an ellipsis, and when the offered name and that first name
    differ in form, one possessive and the other not (then which name it stands for is a guess)."""
    name = offered_name(question)
    if name is None or not earlier or resolve_ellipsis(question, earlier) is not None:
        return []
    before = earlier[-1]
    if _ELLIPSIS.fullmatch(before):
        return []
    asked = _asked_names(before)
    # "What about Sberbank?" after "Which Russian bank has been cut off from SWIFT?": whether it has.
    subject_asked = _wh_subject(before)
    inside = name[0].lower() + name[1:] if name.startswith("The ") else name
    polar = [f"{subject_asked.group('aux').capitalize()} {inside} {subject_asked.group('rest')}?"] if subject_asked else []
    if len(asked) < 2:
        return polar + [_replaced(before, found, name) for found in asked if polar
                        and without_possessive(found[2]) != without_possessive(name)]
    # "And Ukraine?" after "How many soldiers has Russia lost in Ukraine?" stands for Russia.
    if bool(asked[0][3]) != (without_possessive(name) != name):
        # "And Putin?" after "What is Zelensky's position on Crimea?": Putin's position, or Zelensky's
        # on Putin? The offered name and the subject differ in form: which one is meant is a guess.
        return []
    return polar + [_replaced(before, found, name) for found in asked if without_possessive(found[2]) != without_possessive(name)]


# A question whose wh-phrase is its subject: "Which Russian bank has been cut off from SWIFT?".
_WH_SUBJECT = re.compile(
    r"(?i:which|what)\s+(?:[\w’'-]+\s+){0,3}?[a-z][\w-]*\s+"
    r"(?P<aux>(?i:has|have|is|are|was|were|can|could|will|would))\s+(?P<rest>[a-z][^?]*?)\s*\?*"
)


# What opens a subject after the auxiliary: "What weapons has the US sent?" asks for the object.
_SUBJECT_OPENING = re.compile(r"(?:(?:the|a|an|he|she|it|they|we|you|this|that)\b|[A-Z])")


def _wh_subject(question: str) -> re.Match[str] | None:
    """The `_WH_SUBJECT` match of a question whose wh-phrase is its subject, else None."""
    match = _WH_SUBJECT.fullmatch(question.strip())
    return None if match is None or _SUBJECT_OPENING.match(match.group("rest")) else match


# "What about the largest one?", "And the second-largest bank?": a rank standing alone for what the
# question before asked about.
_DESCRIBED_ELLIPSIS = re.compile(
    r"\s*(?i:(?:and|but)\s+(?:(?:what|how)\s+about\s+)?|(?:what|how)\s+about\s+)"
    r"(?P<name>(?i:the)\s+(?i:(?:second|third|fourth|fifth|next)[\s-]+)?"
    r"(?i:largest|biggest|smallest|first|second|third|last|latest|earliest|oldest|newest|other)(?:\s+[a-z]+)?)\s*[?.!]*\s*"
)


# "Which bank is …", "Which Russian bank is …", "What weapons have …": the kind of thing asked for.
_ASKED_KIND = re.compile(
    r"\s*(?i:which|what)\s+(?:[\w’'-]+\s+){0,2}?(?P<kind>[a-z][\w-]*)\s+"
    r"(?i:is|are|was|were|has|have|had|does|do|did|can|could|will|would)\b"
)


def _one_as_kind(name: str, earlier: Sequence[str]) -> str:
    """A description ending on "one" with the kind of thing the latest earlier question asked for
    in its place: "the biggest one" -> "the biggest bank" after "Which bank is the second largest
    in Russia?"; `name` as it is when none asked for a kind."""
    one = re.search(r"\bones?$", name)
    if one is None:
        return name
    for question in reversed(earlier):
        kind = _ASKED_KIND.match(question)
        if kind is not None:
            return name[: one.start()] + kind.group("kind")
    return name


# "And Ukrainian ones?" after "How many Russian soldiers have died?": a people's adjective in place of the one before.
_ADJECTIVE_ONES = re.compile(
    r"\s*(?i:(?:and|but)\s+(?:(?:what|how)\s+about\s+)?|(?:what|how)\s+about\s+)(?:(?i:the)\s+)?"
    rf"(?P<name>{PEOPLE_ADJECTIVE_WORD})(?:\s+(?i:ones?))?\s*[?.!]*\s*"
)


def offered_name(question: str) -> str | None:
    """The name an ellipsis offers alone ("And the EU?" -> "The EU"), or None for other questions."""
    adjective = _ADJECTIVE_ONES.fullmatch(question)
    if adjective is not None:
        return adjective.group("name")
    match = _ELLIPSIS.fullmatch(question)
    if match is None:
        return None
    name = match.group("name")
    return name[0].upper() + name[1:] if name.lower().startswith("the ") else name


def _speaker_swapped(before: str, name: str, earlier: Sequence[str]) -> str | None:
    """"And Ukraine?" after "What is the status of Crimea?" and "What does Russia say about it?":
    "What does Ukraine say about Crimea?", the one speaker named replaced by the name offered, of
    the same kind (both countries, or both not), and the pronoun by the one name of the question
    before; None otherwise."""
    speaker = speaker_named(before)
    pronoun = _referring_pronoun(before)
    if speaker is None or pronoun is None or without_possessive(name) != name or not earlier:
        return None
    countries = {country.lower() for country in SEATS.values()} | _COUNTRY_WORDS
    if (speaker.lower() in countries) != (name.lower() in countries):
        return None
    topic = _asked_names(earlier[-1])
    found = [n for n in _asked_names(before) if n[2] == speaker]
    if len(topic) != 1 or len(found) != 1 or without_possessive(topic[0][2]) == speaker:
        return None
    start, end, possessive = pronoun
    said = before[:start] + without_possessive(topic[0][2]) + ("’s" if possessive else "") + before[end:]
    shift = len(said) - len(before) if start < found[0][0] else 0
    at = (found[0][0] + shift, found[0][1] + shift, found[0][2], found[0][3])
    return _replaced(said, at, name)


# Countries a conversation may name besides those with a seat in `SEATS`.
_COUNTRY_WORDS = frozenset({"ukraine", "russia", "the united states", "us", "the us", "usa", "uk", "europe", "israel", "belarus"})


def _replaced(before: str, found: tuple[int, int, str, str], name: str) -> str:
    """The question `before` with the name `found` (`_asked_names`) replaced by `name`."""
    start, end, _, possessive = found
    name = without_possessive(name) if possessive else name
    replacement = (name[0].lower() + name[1:] if name.startswith("The ") and start > 0 else name) + possessive
    return before[:start] + replacement + before[end:]


def _asked_names(question: str) -> list[tuple[int, int, str, str]]:
    """The names of a question as (start, end, name, possessive), the span taking in "the" before
    the name and its "'s"; the question's opening word ("What", "Did") is no name."""
    names = []
    for m in _ASKED_NAME.finditer(question):
        start, name = m.start(), m.group("name")
        if not question[:start].strip():
            first, _, rest = name.partition(" ")
            if first.lower() in QUERY_STOPWORDS | _OPENERS:
                start, name = m.start("name") + len(first) + 1, rest.lstrip()
                start += len(rest) - len(name)
        if name:
            names.append((start, m.end(), name, m.group("possessive") or ""))
    return names


# "When?", "And where?", "Why was that?": the question before asked again with another question word.
_BARE = re.compile(
    r"\s*(?:(?:and|but|so)\s+)?(?P<wh>when|where|why\s+not|why|how\s+(?:much|many|long)|how|by\s+what\s+means|in\s+what\s+ways?|who|(?:(?:on|in)\s+)?(?:what|which)\s+(?:year|month|day|date)"
    r"|(?:by|for|with|from)\s+whom|(?:on|at)\s+whose\s+(?:initiative|request|behalf)|(?:since|by|until|till)\s+when|from\s+where)"
    # "Why now?": why what was said before holds now.
    r"(?:(?<=why)\s+now)?"
    r"(?:\s+(?:was|is|did|does|will|would)\s+(?:that|this|it)(?:\s+(?:happen|take\s+place|occur))?)?"
    # "When was that, what year?": the question word said again, more narrowly.
    r"(?:\s*,\s*(?:(?:in\s+)?(?:what|which)\s+(?:year|month|day|date)|exactly))?\s*[?.!]*\s*",
    re.I,
)
# The auxiliaries that open a yes/no question ("Is …?", "Did …?").
YES_NO_WORDS = "is|are|was|were|do|does|did|will|would|can|could|should|has|have|had"
_AUX = rf"(?i:{YES_NO_WORDS}|may|might|must)\b"
# The question word of a question, with the words it takes ("Which country", "How much security aid").
_ASKED_BY = re.compile(
    # "On whose initiative was the IAI set up?", "In which city did the sides meet?": the phrase
    # goes, and the rest is asked with the new question word ("When was the IAI set up?").
    rf"\s*(?:(?:on|at|in|by|for|with|from|to|under)\s+(?:whom|(?:whose|what|which)(?:\s+(?!{_AUX})[a-z][\w-]*){{1,3}})(?=\s+{_AUX})"
    r"|(?:who|whom|whose|where|when|why)\b"
    rf"|(?:what|which|how\s+(?:much|many|long|often|far|old))\b(?P<noun>(?:\s+(?!{_AUX})[a-z][\w-]*){{0,3}}))",
    re.I,
)
# An auxiliary and the subject after it: "has the United States", "did Poland".
_SUBJECT_AFTER = re.compile(rf"{_AUX}\s+(?:(?i:the|a|an|he|she|it|they|we|you)\b|[A-Z])")
# A yes-or-no question ("Did Germany send weapons?"), which the question word goes before.
_YES_NO = re.compile(rf"\s*(?:{YES_NO_WORDS})\b", re.I)


def _question_word(wh: str) -> str:
    """The question word a bare question asks with, as a question opens on it: "Why" for "why not",
    "How" for "by what means" or "in what way"."""
    wh = " ".join(wh.split()).capitalize().removesuffix(" not")
    return "How" if wh.lower() in ("by what means", "in what way", "in what ways") else wh


def resolve_bare_answered(question: str, earlier: str, answered: str) -> str | None:
    """The question before asked again with the question word the question gives alone, its
    wh-phrase (its subject) replaced by the name that answered it: "Why?" after "Which of them
    could play a significant role?" answered "China" -> "Why could China play a significant role?".
    None when the question is not a question word alone, the one before has no wh-phrase as its
    subject, or the answer is neither one name nor one word: "Why?" after "Which Russian
    objective was dropped?" answered "denazification" -> "Why was denazification dropped?"."""
    match = _BARE.fullmatch(question)
    asked = _wh_subject(earlier)
    if match is None or asked is None or not (_one_name(answered) or _one_term(answered)):
        return None
    if match.group("wh").lower().startswith("why") and match.group("wh").lower().endswith("not"):
        return None  # "Why not?" after "Which of them could play a role?" asks about the others
    # "Why not?" after "Does Alcaro think regime change is a good goal?" asks why, as the documents say it.
    wh = _question_word(match.group("wh"))
    return f"{wh} {asked.group('aux').lower()} {answered} {asked.group('rest')}?"


def resolve_bare(question: str, earlier: Sequence[str]) -> str | None:
    """The latest of the `earlier` questions (oldest first) asked again with the question word the
    question gives alone: "Who signed the Budapest memorandum?" then "And when?" -> "When signed
    the Budapest memorandum?"; "Where did the sides meet?" then "When?" -> "When did the sides
    meet?"; "Did Germany send weapons?" then "Why?" -> "Why did Germany send weapons?". The
    result is no good English, but it asks for a date of that signing, which retrieval and the span
    reader read well. None when the question is not a question word alone, or the one before
    asks with the same word or does not open with a question word or a verb."""
    match = _BARE.fullmatch(question)
    if match is None or not earlier:
        return None
    before = earlier[-1]
    if _BARE.fullmatch(before) or _ELLIPSIS.fullmatch(before):
        before = resolve_bare(before, earlier[:-1]) or resolve_ellipsis(before, earlier[:-1]) or ""
    # "Why not?" after "Does Alcaro think regime change is a good goal?" asks why, as the documents say it.
    wh = _question_word(match.group("wh"))
    asked = _ASKED_BY.match(before)
    if asked is not None:
        if asked.group(0).split()[0].lower() == wh.split()[0].lower():
            return None
        rest = before[asked.end() :].strip()
        noun = (asked.group("noun") or "").strip()
        if noun and (wh.startswith("How m") or not rest.strip(" ?.!")):
            # "How many?" after "Which Russian banks ...?"; "When?" after "What happened in
            # Istanbul?", whose "what" is the subject of all the words after it.
            rest = f"{noun} {rest}"
        elif noun and _SUBJECT_AFTER.match(rest):
            # The noun was the object: "What weapons has the US sent?" -> "When has the US sent weapons?".
            rest = f"{rest.rstrip(' ?.!')} {noun}"
    elif _YES_NO.match(before):
        rest = before.strip()
        rest = rest[0].lower() + rest[1:]
    else:
        return None
    rest = rest.rstrip(" ?.!")
    return f"{wh} {rest}?" if rest else None


# "Which one is about security?", "Which of them concerns sanctions?": one item of a list just given.
_WHICH_ITEM = re.compile(r"^\W*(?:(?:and|so)\s+)?which\s+(?:one|of\s+(?:them|these|those|the\s+\w+))\b", re.I)


def item_named(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Which one …?" / "Which of them …?", the offsets of what an item sentence says its item is
    ("how to arrange security guarantees for Ukraine that would deter a future Russian attack" in
    "The second problematic issue is how to arrange …"); None for other questions and sentences."""
    if _WHICH_ITEM.match(question) is None:
        return None
    opening = _ITEM_OPENING.match(sentence.lstrip())
    if opening is None:
        return None
    return _item_after(sentence, len(sentence) - len(sentence.lstrip()) + opening.end())

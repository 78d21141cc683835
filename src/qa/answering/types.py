"""Does a sentence carry the kind of answer a question asks for? Cheap, explainable checks.

Without a reader model the assistant cannot understand a sentence, but it can tell that
"How many ...?" wants a number, "When ...?" a date and "Who ...?" a name, and that a
question about a named thing the corpus never mentions is unlikely to be answered. These
checks lower a sentence's score; they never raise it. The question side, which kind of answer
is asked for, is part of the query analysis (`qa.retrieval.query.expected_type`).
"""

from __future__ import annotations

import re
import string
from typing import AbstractSet, Iterable, Iterator, Sequence

from qa.ingest.dates import WEEKDAYS, month_pattern
from qa.answering.seats import SEATS
from qa.answering.synonyms import is_form_of, synonyms_of
from qa.index.bm25 import QUERY_STOPWORDS, spell_out_abbreviations, stem
from qa.index.irregular import other_forms
from qa.retrieval.query import DATE, NUMBER, PERSON, PERSON_HEADS, PLACE

_MONTHS = rf"(?:{month_pattern(abbreviated=True)})\.?"
_DAYS = rf"(?:{'|'.join(WEEKDAYS)})"
# The count words that may also lead a compound ("three-front", "ten-point").
_COUNT_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred"
_ORDINAL_WORDS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
_NUMBER_WORDS = (
    rf"(?:{_COUNT_WORDS}|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|percent|per cent|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|several|few|many)"
)
# Years from 1000 ("In 1186, Temüjin was elected khan") and their decades ("the 1950s"); eras and
# spans of deep time ("9000 BP", "44 BC", "66 million years ago"); centuries ("12th century").
_HISTORIC = (
    r"(?:1\d|20)\d{2}s?|\d[\d,.]*\s*(?-i:BCE|BC|AD|CE|BP)|(?-i:AD)\s*\d{1,4}"
    r"|\d[\d,.]*\s+(?:(?:hundred|thousand|million|billion)\s+)?years\s+ago|\d{1,2}(?:st|nd|rd|th)[\s-]+century"
)
# Times said relative to the writing: "within the next few weeks", "by the end of the year".
_RELATIVE_TIME = (
    r"(?:within|in|over)\s+(?:the\s+)?(?:next|coming)\s+(?:few\s+|two\s+|three\s+)?(?:days|weeks|months|years)"
    r"|by\s+the\s+end\s+of\s+(?:the|this|next)\s+(?:week|month|year)"
)
_DATE_PATTERN = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTHS}|{_MONTHS}\s+\d{{4}}|{_DAYS}|{_HISTORIC}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|yesterday|today|tomorrow|(?:last|next|this) (?:week|month|year|spring|summer|autumn|fall|winter)|"
    rf"earlier this (?:week|month|year)|(?:{month_pattern(may=False)}))\b"
    rf"|\b(?-i:May)\b(?!\s+(?:be|have|not|well|also)\b)",
    re.IGNORECASE,
)
_RELATIVE_TIME_PATTERN = re.compile(rf"\b(?:{_RELATIVE_TIME})\b", re.IGNORECASE)
# A question about a plan or a promise, which a time relative to the writing answers: "When did
# Poland say it would stop ...?" (not "When did the United States ban ...?", a past event); "By
# when?" asks for a deadline.
_ASKS_PLAN = re.compile(
    r"\b(?:(?:by|until|till)\s+when|will|would|shall|going to|plans?|planned|intends?|intended|expects?|expected|aims?|promised?|pledged?|vowed?|"
    r"(?:set|due|scheduled)\s+to)\b"
    # "When is Poland phasing out oil and gas?": the present progressive of an arrangement to come.
    r"|^\W*(?:(?:and|so)\s+)?(?:by\s+)?when\s+(?:is|are)\s+(?:[\w’'-]+\s+){1,4}?[a-z]{2,}ing\b",
    re.IGNORECASE,
)


def _dates(text: str, question: str) -> list[re.Match[str]]:
    """The dates and times in a text that can answer the question's "when", in text order."""
    found = list(_DATE_PATTERN.finditer(text))
    if _ASKS_PLAN.search(question):
        found = sorted(found + list(_RELATIVE_TIME_PATTERN.finditer(text)), key=lambda m: m.start())
    if _ASKS_YEAR.search(question):
        # "In what year did Ukraine become a NATO member?" is not answered by "today" or "Tuesday".
        found = [m for m in found if _YEAR.search(m.group(0))]
    return found


def first_date(sentence: str, question: str) -> tuple[int, int] | None:
    """Offsets of the sentence's first date that can answer the question's "when" and that the
    question does not give itself ("February 2022" in a reference to "No. 22|08 (February 2022)"), or None."""
    return next((m.span() for m in _dates(sentence, question) if m.group(0).lower() not in question.lower()), None)


def date_of_asked_clause(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """Another date or time of the sentence than the one at start:end, when the words before it
    (from the date before) hold more of the question's words: "When will Poland stop buying Russian
    coal?" is "within the next few weeks" (of "… end Russian coal imports within the next few weeks
    and phase out oil and gas imports by the end of the year"), not "by the end of the year". None
    when the span is no date of the sentence, or no other date's clause says more of the question."""
    # Not a date the question gives ("more extreme than in 2005").
    found = [m for m in _dates(sentence, question) if m.group(0).lower() not in question.lower()]
    here = next((k for k, m in enumerate(found) if m.start() < end and start < m.end()), None)
    if here is None or len(found) < 2:
        return None
    asked = {w.lower()[:NAME_STEM] for w in _WORD.findall(question) if w.lower() not in QUERY_STOPWORDS}
    # The subject before the sentence's first verb is every clause's ("Poland has … announced that
    # it will end Russian coal imports … and phase out oil and gas imports …"): it tells none apart.
    opening = _OPENING_SUBJECT.match(sentence)
    shared = {w.lower()[:NAME_STEM] for w in _WORD.findall(opening.group(1))} if opening else set()

    def said(k: int) -> int:
        before = sentence[found[k - 1].end() if k else 0 : found[k].start()]
        return len((asked - shared) & {w.lower()[:NAME_STEM] for w in _WORD.findall(before)})

    best = max(range(len(found)), key=lambda k: (said(k), k == here))
    return found[best].span() if best != here and said(best) > said(here) else None


# A sentence's opening words before its first auxiliary or reporting verb: its subject.
_OPENING_SUBJECT = re.compile(
    r"^\W*((?:[\w’'-]+\s+){1,4}?)(?:has|have|had|is|are|was|were|will|would|can|could|said|says|announced|"
    r"stated|declared|pledged|promised)\b",
    re.I,
)
_DATE_IN_TEXT = re.compile(rf"\b(?:\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b", re.IGNORECASE)
# A web address, in angle brackets or not: never part of a short answer.
URL = re.compile(r"<?https?://\S+>?")
_DIGITS = re.compile(r"\d[\d,.]*")
_NUMBER_WORD = re.compile(rf"\b{_NUMBER_WORDS}\b", re.IGNORECASE)
# Number words that give no value: they answer "How long ...?" ("a few weeks"), not "What was the price ...?".
_VAGUE_AMOUNTS = frozenset({"few", "several", "many", "dozens", "hundreds", "thousands", "millions", "billions"})
_VAGUE_STRETCH = re.compile(
    r"\b(?:a\s+)?(?:few|several|many)\s+(?:more\s+)?(?:seconds|minutes|hours|days|weeks|months|years|decades)\b", re.I
)
_ASKS_DURATION = re.compile(r"^\W*(?:how\s+(?:long|soon|often)|when)\b", re.I)
# "How long …?" asks for a stretch of time or a length: a number with no unit of either, a year
# or "since"/"until" beside it ("Two main variables …") says no such thing.
_ASKS_HOW_LONG = re.compile(r"^\W*(?:(?:and|so)\s+)?how\s+long\b", re.I)
_STRETCH_OR_LENGTH = re.compile(
    rf"\b(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies)|millenni(?:um|a)|"
    rf"seasons?|generations?|(?:kilo|centi|milli)?met(?:er|re)s?|km|miles?|feet|foot|ft|inch(?:es)?|yards?|"
    rf"since|until|till)\b|\w-(?:year|day|week|month|hour|minute|mile)s?\b|\b{_HISTORIC}\b",
    re.I,
)
# "How long ...?" may be answered by a vague amount ("a few weeks"); "How large is the population?"
# not by "millions of Ukrainians".
_ASKS_HOW = re.compile(r"\s*how\b(?!\s+(?:large|big)\b)", re.IGNORECASE)
# A share of something ("about 10 percent of the population"): no value of that thing itself.
_SHARE_OF = re.compile(
    rf"(?:\d[\d,.]*|{_NUMBER_WORDS})\s*(?:percent|per\s+cent|%)\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?([^\W\d_]+)",
    re.IGNORECASE,
)
_ASKS_SHARE = re.compile(r"\b(?:percent|per\s+cent|percentage|share|proportion|fraction|part|portion)\b|%", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z’'-]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
# Two forms of one name share their first NAME_STEM letters ("Ukraine" / "Ukrainian", "American" / "Americas").
NAME_STEM = 5


def _content_stems(text: str) -> set[str]:
    """The text's words that are not stop words, lower case, cut to NAME_STEM letters ("sanction" / "sanctions")."""
    return {w.lower()[:NAME_STEM] for w in _WORD.findall(text) if w.lower() not in QUERY_STOPWORDS}


# A word of letters of any alphabet: "Temüjin" is one word, not "Tem" and "jin".
_LETTERS = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'-])*")
_HOW_MANY = re.compile(r"^\s*how many\b", re.I)
# "When …?", also "On which day …?", "In what month …?", "What date …?".
_ASKS_WHEN = re.compile(r"^\s*(?:when\b|(?:(?:on|in|by)\s+)?(?:which|what)\s+(?:day|date|month|weekday)\b)", re.I)
# Words beside the date in a "when" answer from which on it reads as a clause, not a time.
DATE_CLAUSE_WORDS = 4
_MONEY = re.compile(r"(?:[$€£¥]\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m))?|\d[\d,.]*\s*(?:million|billion|trillion)?\s*(?:euros?|dollars?|rubles?|roubles?|pounds?))", re.I)
_NAME = r"[A-Z][a-zà-ÿ’'-]+"
_TITLES = (
    r"President|Minister|Secretary|Chancellor|Prime Minister|Foreign Minister|spokesman|spokeswoman|"
    r"Ambassador|General|Senator|King|Queen|Pope|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|leader|author|Director|Chairman|Coordinator"
)
_CALENDAR = re.compile(rf"{_MONTHS}|{_DAYS}")
# Words of an office's name that name no one: "Russian Foreign Minister Sergei Lavrov" names Lavrov,
# not "Russian Foreign".
_OFFICE_WORDS = r"Foreign|Prime|Defence|Defense|Deputy|Vice|Interior|Finance|Chief|Head"
_IS_TITLE = re.compile(rf"(?:{_TITLES}|{_OFFICE_WORDS})")
# A title and the full name after it first ("President Joe Biden", "spokesman Dmitry Peskov"), then
# two capitalised words, then a title and one name.
_PERSON = re.compile(rf"\b(?:(?:{_TITLES})(?:\s+{_NAME}){{2,}}|{_NAME}\s+(?:[A-Z]\.\s*)*{_NAME}|(?:{_TITLES})\s+{_NAME})")


_POSSESSIVE = re.compile(r"[’']s$")


def without_possessive(word: str) -> str:
    """The word without a possessive "'s" ("Zelensky's" -> "Zelensky")."""
    return _POSSESSIVE.sub("", word)


def _people_stem(name: str) -> str:
    """A name's first letters, a people's name as its country's ("Ukrainians", "Ukraine": "ukrai")."""
    return without_possessive(name.split()[-1]).lower()[:NAME_STEM]


def person_names(text: str) -> list[str]:
    """Full names of people in the text ("Volodymyr Zelensky" from "Ukrainian President Volodymyr
    Zelensky has stated"): two or more capitalised words, none a title, a month or a weekday, not
    opening a sentence, without a possessive "'s"."""
    names = []
    for m in _PERSON.finditer(text):
        words = [without_possessive(w) for w in m.group(0).split()]
        before = text[: m.start()]
        # A sentence's first word is capitalised for its place, also after a paragraph break.
        if m.start() == 0 or before.rstrip().endswith((".", "!", "?")) or before.rstrip(" \t").endswith("\n"):
            words = words[1:]
        # "But Kremlin spokesman Dmitry Peskov": a capitalised function word names no one.
        while words and words[0].lower() in QUERY_STOPWORDS:
            words = words[1:]
        # "President Joe Biden": the name is what follows the title.
        titles = [k for k, w in enumerate(words) if _IS_TITLE.fullmatch(w)]
        words = words[titles[-1] + 1 :] if titles else words
        if len(words) >= 2 and all(_name_word(w) for w in words) and " ".join(words) not in names:
            names.append(" ".join(words))
    return names


def _name_word(word: str) -> bool:
    """True for a capitalised word that may be (part of) a name: not a month, a weekday or a title."""
    return not _CALENDAR.fullmatch(word) and not _IS_TITLE.fullmatch(word)


_GROUP_OR_SPEAKER = re.compile(
    r"\b(?:the|The)\s+(?P<group>[A-Z][a-z’'-]+s)\b"
    # "Poland has already announced": an auxiliary or an adverb may stand between (not "was":
    # "IAI was founded" names what was founded, not who founded it).
    r"|\b(?P<speaker>[A-Z][a-z’'-]+)\s+(?:(?:has|have|had|also|already|just|later|then|recently|first|never|once)\s+){0,2}(?:said|says|told|tells|wrote|writes|argued|argues|stated|states|claimed|"
    r"claims|announced|announces|warned|warns|declared|declares|insisted|insists|added|noted|asked|replied|"
    r"invented|discovered|founded|proposed|led|leads|won|wins|designed|built|developed|created|"
    # "Ukraine has also called on China to step in": who acts, a country too.
    r"called|urged|offered|sought|tried|mediated|refused|rejected)\b"
)


# "Which country …?" is not answered by an adjective of nationality ("a Ukrainian plan",
# "European countries"): no country's name ends like one.
_ASKS_COUNTRY = re.compile(r"\b(?:which|what)\s+(?:[a-z]+\s+)?(?:country|countries|nation|nations)\b", re.IGNORECASE)
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish)")


# Kinds of place with names: "city", "countries" ….
# "Which powers might guarantee …?" asks for countries, "What power over national decisions …?" and
# "What powers does the president have?" for an authority.
_NAMED_PLACE_NOUNS = (r"cit(?:y|ies)|countr(?:y|ies)|towns?|capitals?|nations?|provinces?|counties|county"
                      r"|powers?(?!\s+(?:does|do|did|has|have|had|over|of|to|that|which)\b)")
# "Which countries ...?", "In which city ...?": places with names, so an answer with a capital letter.
_ASKS_NAMED_PLACE = re.compile(
    # "Which Ukrainian cities …?": a word may say which ones.
    rf"\b(?:which|what)\s+(?:(?!of\b)[A-Za-z][a-z-]+\s+)?(?:{_NAMED_PLACE_NOUNS})\b"
    # "Which part of the West …?": a place the question's place holds (a name: "Europe").
    r"|\bwhich\s+(?:part|parts|region|regions)\s+of\s+(?:the\s+)?(?-i:[A-Z])", re.I
)


def asks_named_place(question: str) -> bool:
    """True when the question asks which city, country, town, capital, nation, province or county."""
    return _ASKS_NAMED_PLACE.search(question) is not None


# The kind of place asked for: "city" in "Which city did Russia bombard …?", "cities" in "Which
# Ukrainian cities …?" (a word may say which ones).
_ASKED_PLACE_NOUN = re.compile(
    rf"\b(?:which|what)\s+(?:(?!of\b)[A-Za-z][a-z-]+\s+)?(?P<noun>{_NAMED_PLACE_NOUNS}|regions?)\b", re.I
)


def place_kind_asked(question: str) -> str | None:
    """The kind of place the question asks which one of ("city", "cities"), else None."""
    asked = _ASKED_PLACE_NOUN.search(question)
    return asked.group("noun").lower() if asked is not None else None


def owns_asked_places(sentence: str, end: int, question: str) -> bool:
    """True when the span ending at `end` owns places of the kind asked for ("Ukraine" in "Ukraine’s
    northern cities", for "Which city …?"): it names whose places they are, not one of them."""
    asked = place_kind_asked(question)
    if asked is None:
        return False
    kind = asked[:3]
    return re.match(rf"[’']s\s+(?:[a-z-]+\s+){{0,2}}{kind}[a-z]*\b", sentence[end:]) is not None


def nationality_for_country(span: str, question: str) -> bool:
    """True when the question asks which country and the span's only names are nationalities, or
    groups and regions larger than a country ("the West", "Europe", "NATO")."""
    names = [w for w in _WORD.findall(span) if w[0].isupper()]
    return bool(names) and all(_DEMONYM.fullmatch(w) or w.lower() in _NOT_COUNTRIES for w in names) and bool(
        _ASKS_COUNTRY.search(question))


# Names of blocs, alliances and continents, which no country is: "Which country has the ruble been
# rebounding against?" is not answered by "the West" (from "The West has still not fully hit Russia …").
# Not Europe nor the EU, which a reader may well take for one: "Which country still relies heavily on
# Russian gas?" is answered "Europe" ("… Europe is still deeply dependent on Russian gas"), not "United States".
_NOT_COUNTRIES = frozenset("west east nato africa asia americas eurasia mediterranean middle g7 g20 un".split())


_SUPERLATIVE = (
    r"(?:largest|biggest|smallest|highest|lowest|oldest|youngest|longest|shortest|greatest|tallest|richest|"
    r"busiest|fastest|deepest|heaviest|strongest|wealthiest|most\s+[a-z]+)"
)
# "second-largest" names another rank, "five largest" a group: neither is "the largest".
_ORDINAL = (
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|2nd|3rd|\d+th|"
    r"two|three|four|five|six|seven|eight|nine|ten|twenty|\d+)"
)
_ASKS_SUPERLATIVE = re.compile(rf"\b{_SUPERLATIVE}\b", re.IGNORECASE)
_ORDINAL_BEFORE = re.compile(rf"\b{_ORDINAL}[\s-]+$", re.IGNORECASE)
# Superlatives that say the same rank: "Russia's biggest bank" is its largest.
_SAME_SUPERLATIVE = {w: group for group in (frozenset({"largest", "biggest"}), frozenset({"smallest", "tiniest"}),
                                            frozenset({"richest", "wealthiest"})) for w in group}


def _superlative_asked(question: str) -> str | None:
    """The superlative the question asks for, lower case ("largest", "most important"); None when it
    asks none, or names another rank or a group with it ("second-largest", "five largest")."""
    asked = _ASKS_SUPERLATIVE.search(question)
    if asked is None or _ORDINAL_BEFORE.search(question[: asked.start()]):
        return None
    return asked.group(0).lower()


def ranks_other(sentence: str, question: str) -> bool:
    """True when the question asks for "the largest" (no number before it) and the sentence has that
    word only as "second-largest", "five largest" ...: it names another rank or a group, not the one asked for."""
    word = _superlative_asked(question)
    if word is None:
        return False
    said = "|".join(re.escape(w) for w in sorted(_SAME_SUPERLATIVE.get(word, {word})))
    places = [m.start() for m in re.finditer(rf"\b(?:{said})\b", sentence, re.IGNORECASE)]
    return bool(places) and all(_ORDINAL_BEFORE.search(sentence[:at]) for at in places)


def says_superlative(sentence: str, question: str) -> bool:
    """True when the question asks for "the largest" (no number before it) and the sentence says that
    rank of something ("Sberbank, Russia's largest bank"; "biggest" says "largest"), not only
    another rank or a group ("VTB — the second-largest", "the five largest Russian banks")."""
    asked = _superlative_asked(question)
    if asked is None:
        return False
    word = " ".join(asked.split())
    said = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_SAME_SUPERLATIVE.get(word, {word})))
    return any(not _ORDINAL_BEFORE.search(sentence[: m.start()])
               for m in re.finditer(rf"\b(?:{said})\b", sentence, re.IGNORECASE))


# Words that rank or compare: a sentence with none cannot tell which one is "the largest" or "the most".
_RANKING_WORD = re.compile(
    r"\b(?:[a-z]+est|most|least|more|less|fewer|greater|larger|bigger|smaller|higher|lower|top|leading|first|only|main|chief|"
    r"primary|principal|foremost|especially|particularly|above\s+all|bulk|majority|record|[a-z]+er\s+than)\b",
    re.IGNORECASE,
)
# "most likely", "most probably": how sure, not a rank.
_HEDGING_MOST = re.compile(r"\bmost\s+(?:likely|probably|certainly|possibly|often|recently|clearly|importantly)\b", re.I)


def ranks_none(sentence: str, question: str) -> bool:
    """True when the question asks for the one that ranks first ("Which European country imports the
    most Russian gas?") and the sentence has no word that ranks or compares: a country the reader finds
    in it ("United States", of "Though the United States has stopped Russian oil imports, Europe is
    still deeply dependent on Russian gas") is a guess. Many words rank ("led the team", "reached its
    peak"): the answerer asks this only of which country or city ranks first."""
    asked = _ASKS_SUPERLATIVE.search(_HEDGING_MOST.sub(" ", question))
    if asked is None:
        return False
    return _RANKING_WORD.search(_HEDGING_MOST.sub(" ", sentence)) is None


# Words of a title before a name ("Kremlin spokesman", "Russian Foreign Minister"), besides capitalised ones.
_TITLE_WORDS = frozenset(
    "president presidents minister ministers secretary chancellor spokesman spokeswoman spokesperson leader "
    "adviser advisor envoy negotiator ambassador commander general official chief head director coordinator "
    "foreign prime deputy former vice senator governor mayor king queen pope premier chairman "
    # Professions written as titles: "Economist Thomas Piketty".
    "economist historian journalist professor scientist physicist philosopher novelist poet composer "
    "architect analyst researcher scholar diplomat correspondent".split()
)
_OPENERS = frozenset("but and or so yet then however also as while when if the a an".split())


_TITLE_HEADS = (
    r"minister|president|secretary|spokesman|spokeswoman|spokesperson|chancellor|ambassador|envoy|negotiator|"
    r"commander|adviser|advisor|director|chief|leader|governor|mayor|premier|chairman"
)
# Words that tell offices of one title apart ("Foreign Minister", "defence minister"); a country or
# an institution ("Russian", "Kremlin") says whose office it is, which the question may leave open.
_OFFICES = frozenset(
    "foreign defence defense prime finance interior home health economy economic justice deputy vice first "
    "trade energy education culture agriculture transport security intelligence press".split()
)
# "Who is the Russian defence minister?", "Who is Ukraine's foreign minister?", "Who is the foreign
# minister of Ukraine?": the title asked for, its head word last, and whose office it is.
_ASKS_TITLED = re.compile(
    rf"^\s*who\s+(?:is|was|are|were)\s+(?:the\s+|(?P<owner>[A-Z][\w-]*)[’']s\s+)"
    rf"(?P<title>(?:[\w’'-]+\s+){{0,3}}?(?P<head>{_TITLE_HEADS}))\b(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w-]*))?", re.I
)
# Words for a country that do not begin as its name does ("US" for "American"), and seats of
# government standing for their country ("Kremlin spokesman"); others compare by their first letters
# ("Russian" and "Russia", "Ukrainian" and "Ukraine").
_COUNTRY_KEYS = {
    "us": "amer", "usa": "amer", "u.s.": "amer", "washington": "amer", "kremlin": "russ", "moscow": "russ",
    "kyiv": "ukra", "kiev": "ukra", "beijing": "chin", "chinese": "chin", "uk": "brit", "british": "brit",
    "london": "brit", "french": "fran", "dutch": "neth", "eu": "euro", "brussels": "euro", "ankara": "turk",
}
COUNTRY_KEY_LETTERS = 4


def _whose_office(words: Iterable[str]) -> set[str]:
    """Keys of the capitalised words that say whose office a title is ("Russian", "Kremlin", "US"),
    office words left out ("Foreign", "Prime")."""
    keys = set()
    for word in words:
        lower = word.lower().removesuffix("’s").removesuffix("'s")
        if word[:1].isupper() and lower not in _OFFICES | _TITLE_WORDS | _OPENERS:
            keys.add(_COUNTRY_KEYS.get(lower, lower[:COUNTRY_KEY_LETTERS]))
    return keys


# Someone a question names by an office: "Russia's foreign minister", "the Kremlin spokesman".
_NAMES_TITLED = re.compile(
    rf"(?:\b(?-i:(?P<owner>[A-Z][\w-]*))[’']s\s+|\bthe\s+)(?P<title>(?:[\w’'-]+\s+){{0,2}}?(?P<head>{_TITLE_HEADS}))\b", re.I
)


def _titles_before_names(sentence: str, head: str, capitalised: bool = False) -> list[list[str]]:
    """The words before each `head` of a title that a word follows ("Russian Foreign" in "Russian
    Foreign Minister Sergei Lavrov"), up to three; a capitalised word, a name, when `capitalised`
    (else any: "The US president and his partners" too)."""
    name = "(?-i:[A-Z])" if capitalised else "[A-Z]"
    return [m.group("mods").split()
            for m in re.finditer(rf"(?P<mods>(?:[A-Z][\w’'-]*\s+){{0,3}}){head}\s+{name}", sentence, re.I)]


def holds_title_asked(sentence: str, question: str) -> bool | None:
    """Whether the sentence names the holder of the office a question names someone by ("Russian
    Foreign Minister Sergei Lavrov" for "What did Russia's foreign minister claim …?"): the title's
    head before a name, with the question's office words and, when the question says whose office
    it is, that country. None when the question names no one so, or only by a bare title ("the
    president"), or asks who holds the office."""
    asked = _NAMES_TITLED.search(question)
    if asked is None or _ASKS_TITLED.match(question):
        return None
    title = asked.group("title").split()[:-1]
    wanted = {w.lower() for w in title} & _OFFICES
    whose = _whose_office([*title, *([asked.group("owner")] if asked.group("owner") else [])])
    if not wanted and not whose:
        # "the president" alone: whose office it is, the passage says (XQuAD: "Where did the president
        # appoint cabinet members from?" is not asked of a list naming "Chilean President Sebastián Piñera").
        return None
    return any(
        wanted <= {w.lower() for w in mods} and (not whose or bool(whose & _whose_office(mods)))
        for mods in _titles_before_names(sentence, asked.group("head").lower(), capitalised=True)
    )


def other_title(sentence: str, question: str) -> bool:
    """True when the question asks who holds a title ("Who is the Russian defence minister?") and
    the sentence gives that title's head only with other words ("Russian Foreign Minister Sergei
    Lavrov"): the person it names holds another office, or the office of another country ("Who is
    the Ukrainian foreign minister?"). Not when a title matches, or adds only words the question
    leaves open ("Russian Foreign Minister" for "Who is the foreign minister?")."""
    asked = _ASKS_TITLED.match(question)
    if asked is None:
        return False
    head = asked.group("head").lower()
    title = asked.group("title").split()[:-1]
    wanted = {w.lower() for w in title} & _OFFICES
    whose = _whose_office([*title, *(w for w in (asked.group("owner"), asked.group("of")) if w)])
    given = _titles_before_names(sentence, head)

    def other(mods: list[str]) -> bool:
        offices = {w.lower() for w in mods} & _OFFICES
        countries = _whose_office(mods)
        return bool(wanted - offices and offices - wanted) or bool(whose and countries and not whose & countries)

    return bool(given) and all(other(mods) for mods in given)


def title_before_name(sentence: str, name: str) -> tuple[int, int] | None:
    """Offsets of the title a sentence gives a person just before their name ("Kremlin spokesman" in
    "But Kremlin spokesman Dmitry Peskov pushed back"), or None. The name may be given in full or
    by its last word; the title holds at least one title word ("spokesman", "Minister")."""
    parts = name.split()
    at = sentence.find(name)
    if at < 0 and len(parts) > 1:  # "President Zelensky" for "Volodymyr Zelensky"
        at = sentence.find(parts[-1])
    if at < 0:
        return None
    # Given the last name alone, the first name before it is part of the name, not of the title.
    while (first := re.search(r"([A-Z][\w’'-]*) $", sentence[:at])) and first.group(1).lower() not in _TITLE_WORDS:
        at = first.start(1)
    words = list(re.finditer(r"[\w’'-]+", sentence[:at]))
    start = None
    titled = False
    for word in reversed(words):
        between = sentence[word.end() : start if start is not None else at]
        if between.strip():  # punctuation between the words: the title ends there
            break
        text = word.group(0)
        lower = text.lower()
        if lower in _OPENERS or not (text[:1].isupper() or lower in _TITLE_WORDS):
            break
        titled = titled or lower in _TITLE_WORDS
        start = word.start()
    if start is None or not titled:
        return None
    end = words[-1].end()
    return start, end


# After a name: a copula ("Riccardo Alcaro is Research Coordinator ...") or an appositive's comma
# ("Dmitry Peskov, the Kremlin's spokesman, said ...").
_COPULA_WORDS = r"(?:is|was|are|were|has been|serves as|served as)"
_COPULA = re.compile(rf"\s+{_COPULA_WORDS}\s+(?=(?:the|a|an)\s|[A-Z])")
# ... or a possessive ("Sberbank, Russia’s largest bank, ...").
_APPOSITIVE = re.compile(r",\s+(?=(?:the|a|an|former|then)\s|[A-Z][\w-]*[’']s\s)")
# Where a description ends: the clause after it, or the sentence's end.
_DESCRIPTION_END = re.compile(r";|\s[—–]\s|,\s(?:who|which|where|and|but)\b|\s(?:who|which|where)\s|\.\s|[.!?]?\s*$")
_APPOSITIVE_END = re.compile(r",|;|\s[—–]\s|\.\s|[.!?]?\s*$")
DESCRIPTION_WORDS = 20


def description_after_name(sentence: str, name: str) -> tuple[int, int] | None:
    """Offsets of what a sentence says a person is, just after their name: "Research Coordinator
    and Head of Global Actors programme at the Istituto Affari Internazionali (IAI)" in "Riccardo
    Alcaro is Research Coordinator and ...", "the Kremlin's spokesman" in "Dmitry Peskov, the
    Kremlin's spokesman, said". None when the name is not followed by "is", "was" or an
    appositive, or the description would run past DESCRIPTION_WORDS words."""
    parts = name.split()
    found = re.search(rf"\b{re.escape(name)}\b", sentence)
    if found is None and len(parts) > 1:
        found = re.search(rf"\b{re.escape(parts[-1])}\b", sentence)
    if found is None:
        return None
    return _described_at(sentence, found.end(), ((_COPULA, _DESCRIPTION_END), (_APPOSITIVE, _APPOSITIVE_END)))


def _described_at(
    sentence: str, at: int, links: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
) -> tuple[int, int] | None:
    """Offsets of the description that the first of `links` matching at `at` opens ("is", an
    appositive's comma ...) and its paired end pattern closes, when it runs 1..DESCRIPTION_WORDS words."""
    for after, end in links:
        link = after.match(sentence, at)
        if link is None:
            continue
        found = phrase_until(sentence, link.end(), end, DESCRIPTION_WORDS)
        if found is not None:
            return found
    return None


def phrase_until(sentence: str, start: int, end: re.Pattern[str], most_words: int, strip: str = " ,") -> tuple[int, int] | None:
    """Offsets of the words from `start` to where `end` first matches (or the sentence's end), without
    the `strip` characters closing them; None unless that is 1..most_words words."""
    stop = end.search(sentence, start)
    text = sentence[start : stop.start() if stop else len(sentence)].rstrip(strip)
    return (start, start + len(text)) if 1 <= len(text.split()) <= most_words else None


# A description in brackets after a term: "clades (genetic branches)", "septicemic (a type of
# "blood poisoning")"; not an acronym, a year or a citation ("(ENR)", "(2001)"), and not a clause
# or a pointer ("(which are thought to be extinct)", "(see below)"), which say something else.
_BRACKETED = re.compile(
    r"\s*\((?!(?:which|who|whom|whose|that|where|when|while|see|also|e\.g\.|i\.e\.|including|now|formerly)\b)"
    r"(?P<text>(?:the |a |an )?[a-z][^()]*?)\)"
)
# An appositive that renames a term: "malum in se considerations, or the desire to prevent ...",
# "Sberbank, Russia’s largest bank, ...".
_RENAMED = re.compile(r",\s+(?:or\s+|(?=(?:the|a|an)\s|[A-Z][\w-]*[’']s\s))|\s+[—–]\s+(?=(?:the|a|an)\s)")
# A kind of thing and what it does: "the SWIFT system that allows for bank-to-bank transfers".
_CLASSIFIED = re.compile(r"\s+(?=[a-z]+\s+(?:that|which)\s)")
# A copula after a relative clause: "the 15-point plan which Russian and Ukrainian diplomats are
# reportedly discussing is a way for Ukraine to define the costs ...".
_RELATIVE_COPULA = re.compile(rf"\s+(?:which|that)\s+[^,;.]{{3,80}}?\s+{_COPULA_WORDS}\s+(?=(?:the|a|an)\s)")
# A clause that says what the term does: "full blocking sanctions, which prohibit all transactions
# without any carveouts, ..."; not one with its own subject ("the plan, which Russian diplomats are
# discussing"). After "which is a", the description itself.
_WHICH_DOES = re.compile(
    rf",\s+which\s+(?:{_COPULA_WORDS}\s+(?=(?:the|a|an)\s)"
    r"|(?!(?:the|a|an|he|she|it|they|we|i|you|this|these|those|many|some|his|her|their|its|our)\b)(?=[a-z]))"
)


# A thing named by what follows it in brackets: "an online webzine (*" before "Affarinternazionali*)".
_NAMED_IN_BRACKETS = re.compile(r"\b(?P<thing>(?:an?|the)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+)\s*\(\s*[*_]*$", re.I)


def definition_of(sentence: str, term: str) -> tuple[int, int] | None:
    """Offsets of what a sentence says a term is: "a trade magazine for the construction industry"
    in "Engineering News-Record (ENR) is a trade magazine for the construction industry", "genetic
    branches" in "two ... clades (genetic branches) of the Y. pestis genome", "system that allows for
    bank-to-bank transfers" in "the SWIFT system that allows ...", "prohibit all transactions without
    any carveouts" in "full blocking sanctions, which prohibit ..."; None without a copula, an
    appositive (after a comma or a dash), a bracketed description, a kind of thing with a relative
    clause, or a clause after ", which", right after the term (or its plural and acronym, or the
    acronym in brackets)."""
    found = re.search(rf"(?<![\w-]){re.escape(term)}(?:e?s)?(?:\s+\([A-Z][A-Za-z&.-]*\))?(?![\w-])", sentence, re.I)
    if found is None:
        return None
    at = found.end()
    if sentence[found.start() - 1 : found.start()] == "(" and sentence[at : at + 1] == ")":
        at += 1  # the acronym asked about, in brackets: "Istituto Affari Internazionali (IAI) is a ..."
    bracketed = _BRACKETED.match(sentence, at)
    if bracketed is not None and 2 <= len(bracketed.group("text").split()) <= DESCRIPTION_WORDS:
        return bracketed.span("text")
    named = _NAMED_IN_BRACKETS.search(sentence, 0, found.start())
    if named is not None and re.match(r"[*_]*\)", sentence[at:]):
        # "an online webzine (*Affarinternazionali*)": the thing the name in brackets names.
        return named.span("thing")
    return _described_at(
        sentence, at,
        ((_COPULA, _DESCRIPTION_END), (_RENAMED, _APPOSITIVE_END), (_RELATIVE_COPULA, _DESCRIPTION_END),
         (_CLASSIFIED, _APPOSITIVE_END), (_WHICH_DOES, _APPOSITIVE_END)),
    )


# "What does de-militarised mean here?", "What is meant by 'de-Nazification'?": what a word means.
_ASKS_MEANING = re.compile(
    # "What would a de-militarised Ukraine mean?" asks it too.
    r"^\W*(?:(?:and|but|so)\s+)?(?:what\s+(?:does|do|did|would|could|might|will)\s+(?:the\s+(?:word|term|phrase)\s+)?[\"“‘']?(?P<term>[^?\"“”‘’]+?)[\"”’']?\s+(?:mean|refer\s+to|stand\s+for)|"
    r"what\s+is\s+meant\s+by\s+(?:the\s+(?:word|term|phrase)\s+)?[\"“‘']?(?P<meant>[^?\"“”‘’]+?)[\"”’']?)"
    r"(?:\s+(?:here|there|exactly|in\s+(?:this|that|the)\s+(?:[A-Z][\w-]*\s+)?(?:context|sentence|passage|article|piece|commentary|text)))?"
    # "…, per Alcaro?", "… according to the IAI?": who uses it.
    r"(?:,?\s+(?:per|according\s+to)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?\s*[?.!]*\s*$",
    re.I,
)
# A gloss the writer gives: "(that is, with no armed forces worthy of the name)", ", i.e. …,".
_GLOSS = re.compile(r"\s*[(,]\s*(?:that\s+is(?:\s+to\s+say)?|i\.\s?e\.|in\s+other\s+words|meaning)\s*,?\s+(?P<text>[^()]+?)\s*(?:\)|,|[.;]|$)", re.I)
# How many words may stand between the term and its gloss ("a de-militarised Ukraine (that is, …)").
GLOSS_GAP_WORDS = 2


def asks_meaning(question: str) -> bool:
    """True when the question asks what a word or phrase means or refers to ("What does 'smokescreen'
    refer to?", "What is meant by de-Nazification?")."""
    return _ASKS_MEANING.match(question) is not None


def asks_reference(question: str) -> bool:
    """True when the question asks what a word refers to ("What does 'Blitzkrieg' refer to?", "… mean
    here?"), not what it means (XQuAD's "What does 'plastid' mean?" is answered by a span beside it:
    "chloroplast")."""
    asked = _ASKS_MEANING.match(question)
    # "What does 'Blitzkrieg' mean here?" asks too: what it means where the documents use it, which a
    # span beside it does not say (it had bolded "brutal three-front campaign").
    return asked is not None and re.search(
        r"\b(?:refer\s+to|stand\s+for)\b|\s(?:here|there|in\s+(?:this|that|the)\s+[^?]+)\s*[?.!]*\s*$", asked.group(0), re.I) is not None


def gloss_of(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What does de-militarised mean here?", the offsets of the gloss the sentence gives the
    term ("with no armed forces worthy of the name" in "… a de-militarised Ukraine (that is, with no
    armed forces worthy of the name)"), up to GLOSS_GAP_WORDS words after it; None for other
    questions, or when the sentence glosses nothing there."""
    asked = _ASKS_MEANING.match(question)
    if asked is None:
        return None
    term = (asked.group("term") or asked.group("meant")).strip()
    found = re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])((?:\s+[\w’'-]+){{0,{GLOSS_GAP_WORDS}}}?)(?=\s*[(,])", sentence, re.I)
    if found is None:
        return None
    gloss = _GLOSS.match(sentence, found.end())
    return gloss.span("text") if gloss is not None and 1 <= len(gloss.group("text").split()) <= DESCRIPTION_WORDS else None


# A line that gives a role and then who holds it: "Director: Andrea Dessì (a.dessi@iai.it)".
_ROLE_LINE = re.compile(r"^\s*(?P<role>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}):\s+(?P<name>[A-Z][^\n(:]*?)\s*(?:\(|$)")


# The words of a role before its holder's name: a title's, and a publisher's roles.
_ROLE_WORDS = _TITLE_WORDS | frozenset("editor editors manager managers founder founders".split())


def role_line(sentence: str, name: str) -> tuple[int, int] | None:
    """Offsets of the role a "Role: Name" line gives the named person ("Director" in "Director:
    Andrea Dessì (a.dessi@iai.it)"), or None. The role holds a title word ("Director", "Editor")."""
    match = _ROLE_LINE.match(sentence)
    if match is None or name.split()[-1] not in match.group("name").split():
        return None
    if not any(w.lower() in _ROLE_WORDS for w in match.group("role").split()):
        return None
    return match.start("role"), match.end("role")


def person_description(sentence: str, name: str) -> tuple[int, int] | None:
    """Offsets of what a sentence says the named person is: the title before the name ("Kremlin
    spokesman"), else the description after it ("Research Coordinator and ..."), else the role a
    "Role: Name" line gives ("Director"); None without any."""
    return title_before_name(sentence, name) or description_after_name(sentence, name) or role_line(sentence, name)


# "What is his job?", "What was Alcaro's role?", "What does she do?": what a person is, by pronoun or name.
_ASKS_JOB = re.compile(
    r"^\s*what\s+(?:(?:is|was)\s+(?:his|her|their|(?P<name>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)(?:'s|’s|s'|s’))\s+"
    r"(?:job|role|position|title|occupation|profession|post|function)(?:\s+(?:title|description))?(?:\s+(?:at|in|with|for)\s+[^?]{1,40}?)?"
    r"|(?:does|did)\s+(?:he|she|they)\s+do(?:\s+for\s+a\s+living)?)\s*\??\s*$",
    re.IGNORECASE,
)
# "What role does Andrea Dessì have at the IAI?", "What position did he hold?".
_ASKS_JOB_HELD = re.compile(
    # "Which government job does Sergei Lavrov have?": a word may say which kind of job.
    r"^\s*(?i:what|which)\s+(?:[a-z]+\s+)?(?i:job|role|position|title|post|function|office)\s+(?i:does|did|do)\s+"
    # "… does the author of the March piece hold …?": the author, as a pronoun is, the sentence's own name.
    r"(?:(?i:he|she|they|the\s+(?:author|writer)(?:\s+of\s+[^?]{1,40}?)?)|(?P<name>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*))\s+"
    r"(?i:have|hold|play|occupy)(?:\s+(?i:at|in|with|for)\s+[^?]{1,40}?)?\s*\??\s*$"
)
# A sentence opening with a name and a copula ("Riccardo Alcaro is Research Coordinator ...").
_NAMED_SUBJECT = re.compile(rf"^\s*((?:[A-Z][\w’'.-]+\s+){{0,3}}[A-Z][\w’'.-]+)(?=\s+{_COPULA_WORDS}\s)")


def job_of(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What is his job?", "What is Alcaro's role?" or "What role does Dessì have?", the
    offsets of what the sentence says the person is ("Research Coordinator and Head of ..."); None
    for other questions or sentences. A pronoun takes the name the sentence opens with."""
    asked = _ASKS_JOB.match(question) or _ASKS_JOB_HELD.match(question)
    if asked is None:
        return None
    name = asked.group("name")
    if name is None:
        subject = _NAMED_SUBJECT.match(sentence)
        if subject is None:
            return None
        name = subject.group(1)
    return person_description(sentence, name)


# "Where does he work?", "Who does Alcaro work for?", "Which institute does she work at?": the employer.
_ASKS_EMPLOYER = re.compile(
    # "At which research institute does Alcaro work?": a word may say what kind.
    r"^\s*(?i:where|(?:for\s+)?(?:who|whom)|(?:at|for)\s+(?:which|what)\s+(?:\w+\s+)?\w+|(?:which|what)\s+(?:\w+\s+)?(?:organi[sz]ation|"
    r"institute|institution|company|think\s+tank|university|employer|body))\s+(?i:does|did|do)\s+"
    r"(?P<who>(?i:he|she|they)|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)\s+(?i:work)(?:\s+(?i:for|at|with|in))?\s*\??\s*$"
    # "Who is Riccardo Alcaro's employer?", "What is his employer?"
    r"|^\s*(?i:who|what|which)\s+(?i:is|was)\s+(?P<whose>(?i:his|her|their)|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*?[’']s)\s+"
    r"(?i:employer|organi[sz]ation|institute|institution|workplace)\s*\??\s*$"
    # "Which think tank employs Riccardo Alcaro?"
    r"|^\s*(?i:which|what)\s+(?i:organi[sz]ation|institute|institution|company|think\s+tank|university|body)\s+"
    r"(?i:employs|employed|has\s+employed)\s+(?P<staff>(?i:him|her|them)|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)\s*\??\s*$"
)
# The employer closing a description: "… Head of Global Actors programme at the Istituto Affari Internazionali (IAI)".
_EMPLOYER = re.compile(r"\b(?:at|for|with)\s+(?:the\s+)?(?P<org>[A-Z][^,;:]*?)\s*$")


def employer_of(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Where does he work?" or "Who does Alcaro work for?", the offsets of the organisation
    that closes what the sentence says the person is ("Istituto Affari Internazionali (IAI)" in
    "Riccardo Alcaro is Research Coordinator and Head of Global Actors programme at the Istituto
    Affari Internazionali (IAI)"); None for other questions or sentences. A pronoun takes the name
    the sentence opens with."""
    asked = _ASKS_EMPLOYER.match(question)
    if asked is None:
        return None
    name = asked.group("who") or asked.group("staff") or without_possessive(asked.group("whose"))
    if name.lower() in ("he", "she", "they", "his", "her", "their", "him", "them"):
        subject = _NAMED_SUBJECT.match(sentence)
        if subject is None:
            return None
        name = subject.group(1)
    employer = _employer_after(sentence, name)
    return employer.span("org") if employer else None


def employer_named(text: str, name: str) -> str | None:
    """The organisation that closes what the text first says the person is ("Istituto Affari
    Internazionali (IAI)" for "Alcaro" in "Riccardo Alcaro is Research Coordinator … at the
    Istituto Affari Internazionali (IAI)."); None when it says no such thing."""
    employer = _employer_after(text, name)
    return employer.group("org") if employer is not None else None


def _employer_after(text: str, name: str) -> re.Match[str] | None:
    """The employer closing the description after the person's name (`description_after_name`), as a match."""
    described = description_after_name(text, name)
    return _EMPLOYER.search(text, *described) if described is not None else None


def is_title(word: str) -> bool:
    """True for a word that titles a person ("President", "Minister", "Dr.")."""
    return _IS_TITLE.fullmatch(word) is not None


def whole_units(sentence: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where a short answer may not cut: the sentence's full dates ("20 March 2022"), times
    said relative to the writing ("within the next few weeks", not "next few weeks"), numbers
    in a series ("22 | 05") and e-mail addresses, which a span touching them takes in whole, and its web addresses, which no span may touch."""
    dates = [m.span() for m in _DATE_IN_TEXT.finditer(sentence)] + [m.span() for m in _RELATIVE_TIME_PATTERN.finditer(sentence)]
    dates += [m.span() for m in _SERIES_NUMBER.finditer(sentence)] + [m.span() for m in _EMAIL.finditer(sentence)]
    return sorted(dates), [m.span() for m in URL.finditer(sentence)]


# An e-mail address, which a span takes in whole ("a.dessi@iai.it", not "iai").
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def holds_email(text: str) -> bool:
    """True when the text holds an e-mail address."""
    return _EMAIL.search(text) is not None


# A number in a series, year and issue: "22 | 05", "No. 22|08"; a span takes it in whole.
_SERIES_NUMBER = re.compile(r"(?<![\d|])\d{1,4}\s?\|\s?\d{1,4}(?![\d|])")


_ASKS_YEAR = re.compile(r"\b(?:what|which)\s+year\b|\byear\s+(?:did|was|were|does|do|is)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d,.])(?:1\d|20)\d{2}s?(?![\d,.]?\d)")
_CARDINAL = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)
# A count that opens a span, with its hedge and scale ("about 6,000", "up to ten million", "30%"),
# followed by more words ("308 points", "136, along with ..."); "10-point" is one word and stays.
_HEDGES = (
    r"(?:about|around|nearly|almost|over|more than|less than|fewer than|some|up to|at least|at most|roughly|"
    r"approximately|only|just)"
)
# The words of a hedge, which may stand before a short answer's span ("around").
HEDGE_WORDS = frozenset(re.findall(r"[a-z]+", _HEDGES))
_LEADING_COUNT = re.compile(
    rf"(?>(?:{_HEDGES}\s+)?(?:\d+(?:[,.]\d+)*(?:\s*[–±-]\s*\d+(?:[,.]\d+)*)?|"
    rf"{_CARDINAL}(?:[\s-]{_CARDINAL})?)(?:\s+(?:hundred|thousand|million|billion|trillion))*"
    r"(?:\s*%|\s+percent|\s+per cent)?)(?=[\s,;:(])",
    re.IGNORECASE,
)


# "What did Biden say in Istanbul?": the speaker whose words are asked for.
_SPEAKER = re.compile(
    r"^\s*(?i:what)\s+(?i:did|does|do|has|have|had|will|would)\s+(?:the\s+)?((?:[A-Z][\w’'.-]*\s+){1,4}?)"
    r"(?i:say|said|tell|told|claim|claimed|argue|argued|propose|proposed|announce|announced|warn|warned|"
    r"suggest|suggested|state|stated|write|wrote|think|believe|demand|demanded|promise|promised)\b"
    # "What steps did Zelensky say …?": what he said, of a kind; not "What new arms did Washington
    # announce …?", the act announced.
    r"|^\s*(?i:what)(?:\s+[a-z][\w-]*){1,2}?\s+(?i:did|does|do|has|have|had|will|would)\s+(?:the\s+)?((?:[A-Z][\w’'.-]*\s+){1,4}?)"
    r"(?i:say|said|claim|claimed|state|stated|argue|argued)\b"
)


# "Which countries ...?", "What two treaties ...?": a question asking for several things of a kind.
_ASKS_SEVERAL = re.compile(
    # "From which countries?", "In which cities …?": a preposition may open it (not "In what years …?": when).
    r"^\s*(?:(?:from|in|to|with|by|for|of|at|on|among)\s+(?=(?:which|what)\s+(?!(?:years|days|months|weeks|dates|times|hours|decades|centuries)\b)))?"
    r"(?:which|what)\s+(?:(?P<count>two|three|four|five|six|several)\s+|(?:other|main|major|key)\s+)?"
    r"(?!(?:is|was|does|has|this|its|thus|us)\b)[a-z]{2,}(?<!s)s\b(?P<after>\s+[\w’']+)?",
    re.IGNORECASE,
)
# "What are two examples of ...?", "What were the three parts of ...?", "What are some ...?",
# "Name the guarantor countries", "List the compromises Ukraine offered", "Who are the potential guarantors?".
_ARE_SEVERAL = re.compile(
    r"^\s*(?:(?:what|which)\s+(?:are|were)\s+(?:some|several|two|three|four|five|six|"
    r"the\s+(?:two|three|four|five|six|main|major|key))\b"
    r"|(?:please\s+)?(?:name|list)\s+(?:all\s+)?(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z]{2,}(?<!s)s\b"
    # "Who are the potential guarantors?"
    # "Who are the potential guarantors?", "Who are the guarantor countries in the Ukrainian plan?"
    # "What are the dangers of seeking regime change?": the dangers a sentence lists.
    r"|(?:what|which)\s+(?:are|were)\s+the\s+(?:[a-z][\w-]*\s+)?[a-z]{3,}(?<!s)s\s+(?:of|for|to|in|facing)\s"
    r"|who\s+(?:are|were)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z]{2,}(?<!s)s"
    r"(?:\s+(?:in|of|under|for|at|on|from)\s+[^?]*)?\s*[?.!]*\s*$)",
    re.IGNORECASE,
)
# What follows a plural noun the wh-word asks for ("Which countries have ...", "What types of ...");
# after a verb ending in s it is the verb's object or a preposition ("What surrounds chloroplasts?",
# "What happens to ...", "What causes strain ...").
_AFTER_PLURAL = frozenset(
    "are were is was do does did have has had can could will would should may might must of".split()
)


def asks_for_several(question: str) -> bool:
    """True when the question's wh-word asks for a plural noun ("Which countries ...?", "What two
    treaties ...?", "What are some ...?"), so that its short answer may be a list; not for a verb
    ending in s ("What limits the cycle's efficiency?")."""
    if _ARE_SEVERAL.search(question):
        return True
    match = _ASKS_SEVERAL.search(question)
    if match is None:
        return False
    if match.group("count"):
        return True
    noun = match.group(0).split()[-2 if match.group("after") else -1]
    if question.lstrip()[:5].lower() == "which" and noun.islower() and not noun.endswith("us"):
        # "Which" asks for a noun, so a plural after it is the thing asked for whatever follows
        # ("Which countries show …?", "Which cities in Europe …?"); not an adjective ("famous") or
        # a name ("Which Panthers player …?").
        return True
    after = match.group("after")
    # "What examples show …?": a noun that is only ever plural here, whatever verb follows.
    return after is None or after.strip().lower() in _AFTER_PLURAL or noun.lower() in _PLURAL_NOUNS


# Plural nouns a "What …?" question asks for, not verbs ending in s ("What causes strain …?").
_PLURAL_NOUNS = frozenset("examples cases instances factors reasons risks dangers steps measures conditions".split())


def speaker_named(question: str) -> str | None:
    """The named speaker a "What did <Name> say/propose/... ?" question asks about ("Sergei
    Lavrov", "Biden"); None for other questions."""
    match = _SPEAKER.search(question)
    return (match.group(1) or match.group(2)).strip() if match else None


# "Why did China send weapons …?", "Why did Sberbank get cut off …?": the named subject of an event
# asked about, right after the auxiliary.
_EVENT_SUBJECT = re.compile(
    r"^\s*(?:(?i:why|when|how|where|in\s+what\s+year|what\s+year)\s+"
    r"(?i:did|does|do|has|have|had|was|were|is|are|will|would|could|can|should|might)"
    # "How many soldiers did China send …?", "What weapons has the US sent …?": what the subject did.
    # "How much has the EU given …?": no noun between.
    r"|(?:(?i:how\s+(?:many|much))(?:\s+[a-z][\w-]*){0,3}|(?i:what|which)(?:\s+[a-z][\w-]*){1,3})"
    r"\s+(?i:did|does|do|has|have|had|will|would|could|can)"
    # "What new kit is the US adding …?": what the subject is doing.
    r"|(?i:what|which)(?:\s+[a-z][\w-]*){1,3}\s+(?i:is|are|was|were)"
    r"(?=\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+[a-z]+ing\b)"
    # "Name the weapons the United States has supplied", "List the countries Russia has attacked".
    r"|(?i:name|list)\s+(?i:all\s+)?(?i:the\s+)?(?:[a-z][\w-]*\s+){1,3}(?i:that\s+|which\s+)?"
    # "Is Sweden a NATO member?", "Did Poland send tanks?": whether the subject is or did so.
    r"|(?i:is|are|was|were|did|does|do|has|have|had)"
    # "What made the 2015 Minsk deal collapse?": what the subject suffered.
    r"|(?i:what)\s+(?i:made|makes|caused|causes)"
    # "What is the total of EU security assistance …?": whose amount.
    r"|(?i:what)\s+(?i:is|was)\s+(?i:the)\s+(?i:total|amount|size|value|sum)\s+(?i:of)"
    r")\s*(?:the\s+)?(?:\d{4}\s+)?"
    r"(?P<subject>[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)(?![\w’'-])"
    # "How does the April piece describe …?": a document, not the subject of an event.
    r"(?!\s+(?i:piece|commentary|article|paper|analysis|essay|op-?ed|opinion|document)s?\b)"
)


def event_subject(question: str) -> list[str]:
    """The words of the named subject of a why / when / how / where question ("Why did the United
    States send fighter jets?" -> ["United", "States"]; "Ford's" -> "Ford"), of a question for
    what it did ("How many soldiers did China send?", "What weapons has the US sent?") or of a
    yes-or-no question ("Is Sweden a NATO member?"), at least two letters each; empty for other
    questions."""
    match = _EVENT_SUBJECT.match(question)
    if match is None:
        return []
    words = [without_possessive(w) for w in match.group("subject").split() if w != "of"]
    # "Why is the April author skeptical …?": a month or a day dates a document, it does nothing.
    return [w for w in words if len(w) >= 2 and not _CALENDAR_WORD.fullmatch(w)]


_CALENDAR_WORD = re.compile(rf"(?:{month_pattern(may=False)}|{_DAYS})", re.IGNORECASE)


# Words of a question that say nothing of the event: "When was the first time …?", "Why does it matter?".
_NOT_EVENT_WORDS = frozenset(
    "year years date day month time times first last take took place happen happened "
    # "Why does Sberbank matter?": a verb for any event.
    "matter matters mattered occur occurred exist existed "
    # "Why does he insist on that?": holding to a thing, which the words after it name (the sentence
    # says "wants to go through this formal process").
    "insist insists insisted insisting".split()
)


def speaks_of_event(sentence: str, question: str, names: bool = True) -> bool:
    """True when a sentence may date the event a question asks about: it has one of the question's
    lower-case content words (by their first letters: "annexation" for "annex", "founded" for
    "founding"), or every name the question gives. "When did Ukraine join the EU?" is not dated by
    "… before 24 February 2022, the day the invasion started", which has neither "join" nor "EU".
    Without `names`, only its lower-case words count (every name the question gives may stand in a
    sentence about something else: "US warnings to China" for "Why did China send troops?").
    True for a question without lower-case content words ("When was the IAI?")."""
    words = _WORD.findall(question)[1:]
    events = [w.lower() for w in words if w.islower() and len(w) >= 3 and w.lower() not in QUERY_STOPWORDS
              and w.lower() not in _NOT_EVENT_WORDS]
    if not events:
        return True
    said = [w.lower() for w in _WORD.findall(sentence)]
    # "supporting" is "support" less its ending, then its first letters: "supports", "supported";
    # an irregular verb's other forms too ("spoke" for "speak").
    stems = [re.sub(r"(?:ing|ed)$", "", w) for w in events] + [f for w in events for f in other_forms(w)]
    # "set up" is said "founded" ("When did Altiero Spinelli set up the IAI?"): a phrasal verb's one-word verbs.
    lowered = [w.lower() for w in words]
    stems += [v for verb, particle in zip(lowered, lowered[1:]) for v in _PHRASAL_SAID_SO.get((verb, particle), ())]
    if any(v.startswith(w[: max(4, len(w) - 2)]) for w in stems for v in said):
        return True
    if _FAILURE.search(question) and _FAILURE.search(sentence):
        # "Why did the European effort on Minsk break down?" of "… diplomacy … failed largely because of …":
        # a failure is a failure, in whichever word.
        return True
    if not names:
        return False
    named = [w.lower() for w in words if w[:1].isupper() and w.lower() not in QUERY_STOPWORDS]
    return bool(named) and all(n in said for n in named)


def speaker_asked(question: str) -> str | None:
    """The last word of the named speaker a "What did <Name> say/propose/... ?" question asks about
    ("Biden", "Pope"); None for other questions."""
    name = speaker_named(question)
    return name.split()[-1] if name else None


# "What did he say about Crimea?", "What did Peskov claim?": a question for what someone said.
_ASKS_SAID = re.compile(
    # "What claim did Russia's foreign minister make …?" too: a noun of saying and a verb of making.
    r"^\W*(?:(?:and|so|but)\s+)?what\s+(?:(?P<noun>claims?|statements?|assertions?|remarks?|comments?|warnings?)\s+)?"
    r"(?:did|does|do|has|have|had)\s+(?:the\s+)?(?P<who>[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?)\s+"
    r"(?:say|said|claim|claimed|assert|asserted|state|stated|insist|insisted|warn|warned|declare|declared|tell|told|"
    r"(?(noun)(?:make|made|issue|issued|voice|voiced)|(?!)))\b",
    re.IGNORECASE,
)
# After "What did X say": a verb whose subject is asked, "rules out further talks on it?".
_SAID_SUBJECT_ASKED = re.compile(
    r"\s+(?P<verb>(?!(?:was|is|has|does|about|of|on|to|in|this|that|thus|its)\b)[a-z]{3,}s)(?:\s+(?P<particle>out|up|off|down|back|over))?(?=\s+[a-z])"
)
# After "What did X say": a clause whose object is asked, "the Russian constitution precludes?".
_SAID_CLAUSE_ASKED = re.compile(
    r"\s+(?:that\s+)?(?P<subject>(?:the\s+)?(?:[A-Z][\w’'.-]*\s+)?(?:[a-z][\w’'-]*\s+)?[A-Za-z][\w’'.-]*)\s+"
    r"(?P<verb>(?!(?:was|is|were|are|about|on|of|to|in|would|will|could|can|should|must|might|may)\b)[a-z]{3,}s)"
    # "… claim the Russian constitution rules out?": a phrasal verb's particle.
    r"(?:\s+(?P<particle>out|up|off|down|back|over))?\s*[?.!]*\s*$"
)
_SPEECH = "said|says|saying|stated|stating|claimed|claiming|insisted|insisting|warned|warning|declared|declaring"
# A report of what someone said, of any tense: "has stated that", "said", "told reporters" (not
# "wrote": "In November, Luther wrote The Judgement of Martin Luther on Monastic Vows" names a book).
_SPOKE = (
    rf"\b(?:{_SPEECH}|states|told|tells|claims|insists|warns|declares|announced|announces|argued|argues|proposed|"
    r"proposes|suggested|suggests|promised|promises|demanded|demands)\b"
)
# The most words between the speaker's name and the verb of speech ("Peskov pushed back on that
# idea, saying").
_SPEAKER_TO_VERB = 6
# The most words of an office and its holder's name between a country and a verb of speech.
_OFFICE_GAP_WORDS = 3
# Words that open another clause, whose verb is not the speaker's ("Peskov was absent, and the sides said").
_ANOTHER_CLAUSE = r"(?:and|but|or|while|whereas|although|though|who|which)\b"


def reports_speech(sentence: str, speaker: str) -> bool:
    """True when the sentence names the speaker ("Zelensky", the last word of a name) and a verb of
    speech follows within a few words: it reports what the speaker said ("... Volodymyr Zelensky
    has stated that ..."), not just mentions the speaker ("Zelensky probably wants ...")."""
    name = re.escape(without_possessive(speaker))
    seats = [seat for seat, country in SEATS.items() if country.lower() == speaker.lower()]
    distance = _SPEAKER_TO_VERB
    if seats:
        # A country speaks through its government: "Kremlin spokesman Dmitry Peskov …, saying",
        # "Russian Foreign Minister Sergei Lavrov said" report what Russia says (the office and the
        # name of who holds it stand between).
        name = rf"(?:{re.escape(speaker[:NAME_STEM])}\w*|(?i:{'|'.join(seats)}))"
        distance += _OFFICE_GAP_WORDS
    # Not a participle after an article: "the US Congress, the announced increase in weapons supplies".
    return re.search(
        rf"\b{name}\b(?:\s+(?!{_ANOTHER_CLAUSE})\S+){{0,{distance}}}?\s+(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s){_SPOKE}",
        sentence,
    ) is not None


# A report of speech that a clause follows: "saying that Crimea is part of Russia", "warned that ...".
_REPORTS = re.compile(
    rf"\b(?:{_SPEECH})\s+(?:that\s+(?=\S)|(?=[A-Z]))|\b(?i:tells?|told|telling)\s+(?:[\w’'.-]+\s+){{1,3}}?(?i:that)\s+(?=\S)"
)
# A report of speech that a short quotation follows: "Lavrov said was “settled for good”".
_REPORTS_QUOTE = re.compile(
    rf"\b(?:{_SPEECH}|called)(?:\s+[\w’'-]+){{0,3}}?\s+(?:“(?P<curly>[^“”]+)”|\"(?P<straight>[^\"]+)\")"
)
# Where a reported clause ends: the next reported clause ("and that ..."), a dash, a semicolon or the sentence end.
# Inside a quotation (a title: "Putin Tells Scholz that Kyiv Is Stalling Peace Talks with Moscow"), a
# reported clause ends at the closing mark.
_CLAUSE_END = re.compile(r",?\s+and\s+that\b|\s+[—–]\s+|;|[.!?](?:\s|$)|[\"”]|$")
# What a question asks was said about: "… say about the Russian constitution?".
_SAID_ABOUT = re.compile(r"\b(?:about|on|regarding|concerning)\s+(?:the\s+)?([^?.!]+?)\s*(?:,\s*according\b[^?]*)?[?.!]*\s*$", re.I)
# The most words a reported clause may have to be a short answer.
CLAUSE_WORDS = 12
_PRONOUNS = frozenset({"he", "she", "they", "it"})


# "What is the status of Crimea according to Peskov?": a named source of what is asked.
_ACCORDING_TO_NAME = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})")
_WHAT = re.compile(r"^\s*what\b", re.IGNORECASE)


def according_to_name(question: str) -> str | None:
    """The capitalised name after "according to" ("Peskov", "Sergei Lavrov", "IAI"), else None."""
    match = _ACCORDING_TO_NAME.search(question)
    return match.group("name") if match else None


def reported_clause(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What did he say about Crimea?" or "What is the status of Crimea according to Peskov?",
    the offsets of what the sentence reports was said ("Crimea is part of Russia", from "...,
    saying that Crimea is part of Russia and that ...");
    None for other questions, when the sentence reports no speech, when the clause is long, or
    when a named speaker does not stand before the report."""
    asked = _ASKS_SAID.match(question)
    source = according_to_name(question) if asked is None and _WHAT.match(question) else None
    if source is not None and _asks_object(question) is not None:
        # "What does the Russian constitution preclude, according to Peskov?" asks for the object of
        # "precludes" in what he said (`verb_object`), not for the first clause he said.
        return None
    if asked is None and source is None:
        return None
    said_clause = _SAID_CLAUSE_ASKED.match(question, asked.end()) if asked is not None else None
    if said_clause is not None:
        # "What did Peskov say the Russian constitution precludes?": the object of "precludes" in what he
        # said, "any further discussions about its status" (it had bolded the first clause, "Crimea is
        # part of Russia").
        particle = f" {said_clause.group('particle')}" if said_clause.group("particle") else ""
        return verb_object(sentence, f"What does {said_clause.group('subject')} {_stem(said_clause.group('verb'))}{particle}?")
    # Not after "tell", whose object is who was told ("What did Biden tell reporters?").
    doer = (_SAID_SUBJECT_ASKED.match(question, asked.end())
            if asked is not None and asked.group(0).split()[-1].lower() not in ("tell", "told") else None)
    if doer is not None:
        # "And what did he say rules out further talks on it?": the subject of the clause he said with
        # that verb, or the one the documents write for it ("the Russian constitution", of "… and that
        # the Russian constitution precludes any further discussions …"; it had bolded the first clause).
        verb = _stem(doer.group("verb"))
        said_so = _PHRASAL_SAID_SO.get((verb, (doer.group("particle") or "").lower()), ())
        forms = "|".join(_forms_of(w) for w in (verb, *said_so))
        found = re.search(rf"(?:\bthat|\b(?:{_SPEECH}))\s+(?P<subject>(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+)\s+(?:{forms})\b", sentence, re.I)
        return found.span("subject") if found is not None else None
    who = asked.group("who").split() if asked is not None else source.split()

    def spoken_by(at: int) -> bool:
        return who[0].lower() in _PRONOUNS or who[-1].lower()[:NAME_STEM] in sentence[:at].lower()

    # "What did Lavrov say was settled for good?" is not answered by "settled for good": what the
    # question already says.
    asked_words = set(re.findall(r"\w+", question.lower()))

    def repeats_question(a: int, b: int) -> bool:
        return set(re.findall(r"\w+", sentence[a:b].lower())) <= asked_words

    # "What did he say about the Russian constitution?": of "saying that Crimea is part of Russia and
    # that the Russian constitution precludes …", the clause about it (it had bolded the first).
    about = _SAID_ABOUT.search(question)
    topic = {w.lower()[:NAME_STEM] for w in _WORD.findall(about.group(1))} - {w[:NAME_STEM] for w in QUERY_STOPWORDS} if about else set()
    clauses = []
    for report in _REPORTS.finditer(sentence):
        if not spoken_by(report.start()):
            continue
        a = report.end()
        while True:
            end = _CLAUSE_END.search(sentence, a)
            b = end.start() if end else len(sentence)
            if 0 < len(sentence[a:b].split()) <= CLAUSE_WORDS and not repeats_question(a, b):
                clauses.append((a, b))
            if end is None or not re.match(r",?\s+and\s+that\b", end.group(0)):
                break
            a = end.end() + len(sentence[end.end():]) - len(sentence[end.end():].lstrip())
        break
    if clauses:
        # The clause with the most of the topic's words, the first of those.
        return max(clauses, key=lambda c: len(topic & {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence[c[0]:c[1]])}))
    for report in _REPORTS_QUOTE.finditer(sentence):
        group = "curly" if report.group("curly") is not None else "straight"
        a, b = report.span(group)
        while b > a and sentence[b - 1] in ",.;:!?":
            b -= 1
        if spoken_by(report.start()) and 0 < len(sentence[a:b].split()) <= CLAUSE_WORDS and not repeats_question(a, b):
            return a, b
    return None


# "Which round of talks was held in Istanbul?": a rank in a series, which an ordinal gives.
# "Which week of the war is about to begin?": "fifth" (from "about to enter its fifth week").
_ASKS_ORDINAL = re.compile(
    r"^\s*(?:which|what)\s+(?:round|session|edition|term|rank|stage|attempt|meeting|week|phase|wave|generation|century|anniversary)s?\b",
    re.I,
)
# "How many weeks had the war lasted?": a count of a series' units, which a sentence may give as the
# ordinal of the one under way ("about to enter its fifth week").
_ASKS_HOW_MANY_OF_SERIES = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?how\s+many\s+(?:round|session|edition|term|stage|meeting|week|phase|wave|generation|centur)(?:s|ies)\b",
    re.I,
)
_ORDINAL_WORD = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\b", re.I
)


# A people's or place's adjective as a word: "Russian", "European", "Turkish", "Chinese".
PEOPLE_ADJECTIVE_WORD = r"[A-Z][a-z]+(?:ian|ean|can|ish|ese)"
# The prepositions of a passive step, as alternatives: "approved by …", "added as …", "ratified in …".
STEP_PREPOSITIONS = r"by|as|in|into|through|with|under"
# "Which antitank missiles has the US supplied?", "Which quarterly does IAI publish?": the kind of
# thing asked for, one to three lower-case words between "which"/"what" and the verb.
KIND_AUXILIARY = r"(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)"
_ASKS_OF_KIND = re.compile(
    # A capitalised compound may qualify the kind: "Which English-language quarterly …?". A people's
    # adjective before it says whose, which the sentence need not repeat ("Which American anti-tank
    # weapon …?" of "The United States has … provided …, Javelin antitank missiles, …").
    rf"^\W*(?i:which|what)\s+(?:{PEOPLE_ADJECTIVE_WORD}\s+)?(?P<kind>(?:(?!{KIND_AUXILIARY}\b)(?:[a-z][\w-]*|[A-Z][a-z]+-[a-z][\w-]*)\s+){{0,2}}"
    rf"(?!{KIND_AUXILIARY}\b)[a-z][\w-]*)"
    rf"\s+{KIND_AUXILIARY}\b"
)
# "Name the anti-aircraft system the US provided.": a request for the name of the thing of a kind,
# the kind's words ending where a clause about it begins ("Name a larger car …" asks for any one).
_NAME_THE_KIND = re.compile(
    r"^\W*(?i:name|give\s+(?:me\s+)?the\s+name\s+of)\s+(?i:the)\s+(?P<kind>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
    rf"(?=\s+(?:(?:the|that|which|{KIND_AUXILIARY})\b|[A-Z])|\s*[?.!]*\s*$)"
)
# "What is the name of Alcaro's programme?", "What is the IAI's quarterly called?" name the kind too.
_ASKS_NAME_OF_KIND = re.compile(
    r"^\W*(?i:what)\s+(?i:is|was|are|were)\s+(?:(?i:the\s+name\s+of)\s+)?"
    r"(?:(?i:the|his|her|their|its)\s+|(?:(?i:the)\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?['’]s\s+)"
    r"(?P<kind>(?:[a-z][\w-]*\s+){0,2}?(?!(?:called|named)\b)[a-z][\w-]*)(?:\s+(?i:called|named))?\s*[?.!]*\s*$"
)
# "What's the online webzine IAI puts out?": a thing of a kind, by what someone named does with it.
_ASKS_KIND_DONE_BY = re.compile(
    r"^\W*(?i:what)(?:['’]s|\s+(?i:is|was))\s+(?i:the)\s+"
    r"(?P<kind>(?:[A-Za-z][a-z]*-[a-z]+\s+|[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
    r"(?=\s+(?:(?i:that|which)\s+)?(?:(?i:the)\s+)?[A-Z][\w’'.-]*\s+[a-z]{3,})"
)
# Capitalised words right before the kind's words ("Javelin antitank missiles"), and a name in
# brackets right after them ("quarterly (*The International Spectator*)").
_NAME_BEFORE_KIND = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'.-]*\s+){1,4})$")
_NAME_AFTER_KIND = re.compile(r"\s*\(\*?([A-Z][^()*]{1,60}?)\*?\)")
_LIST_IN_BRACKETS = re.compile(r"\s*\((?P<list>[*_]?[A-Z][^()]{1,150}?,[^()]*?\band\s+[^()]+?)\)")
_NOT_NAMES = frozenset("the a an in on at its their his her this that these those both many some".split())
# "topics of strategic relevance such as …": a phrase of "of", "in" … may stand between.
_LIST_AFTER_KIND = re.compile(
    r"(?:\s+(?:of|in|on|for|from)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)?\s*,?\s*(?:including|such\s+as|like|namely)\s+", re.I
)
# Where a list after "such as" ends, and how long it may be.
# A clause after a comma ends it too: "… and other NATO members on par with Article 5, no guarantee will …".
_LIST_END = re.compile(
    r"[.;:()!?]|\s[—–]\s|[⁰¹²³⁴⁵⁶⁷⁸⁹]|,\s+(?:have|has|had|are|were|is|was|which|who|that)\b"
    r"|,\s+(?:[\w’'-]+\s+){1,2}(?:will|would|can|could|should|must|may|might)\b"
    # "countries like the United States, Germany and other NATO members on par with Article 5": what
    # the commitment is compared with, not a member.
    r"|\s+(?:on\s+par\s+with|comparable\s+to|equivalent\s+to|akin\s+to)\s"
)
LISTED_KIND_WORDS = 20
# "Russian", "European", "American", "Turkish", "Chinese", "Baltic"; not "Iran", "Japan" or "Oman".
_PEOPLE_ADJECTIVE = re.compile(r"(?:ian|ean|can|ish|ese|ic|ern)$")


# "Commitments on par with which NATO treaty article …?": a kind of part that is named by a number.
_ASKS_NUMBERED = re.compile(
    r"\bwhich\s+(?:[\w’'-]+\s+){0,3}?(?P<head>article|chapter|section|resolution|amendment|clause|paragraph|"
    r"protocol|annex|directive|regulation|act|title)\b(?!\s+\d)",
    re.I,
)


def numbered_part(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Which … article …?", the offsets of the one part of that kind the sentence names by its
    number ("Article 5" in "… on par with Article 5, …"); None when it names none or several, or
    the question names it already."""
    asked = _ASKS_NUMBERED.search(question)
    if asked is None:
        return None
    head = asked.group("head")
    found = list(re.finditer(rf"\b{head}\s+(?:\d+[A-Za-z]?|[IVXLC]+)\b(?![.,]\d)", sentence, re.I))
    named = {m.group(0).lower() for m in found}
    if len(named) != 1 or next(iter(named)) in question.lower():
        return None
    return found[0].span()


def _kind_word(word: str) -> str:
    """A word as `named_of_kind` compares the kind's words: without hyphens, a final "s" dropped."""
    word = word.replace("-", "")
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# Kinds any weapon or device is of, which a sentence names by its own kind ("missiles" for "weapon").
_GENERIC_KINDS = frozenset("weapon arm system equipment device gear".split())
# Words for a publication that a sentence may leave to its qualifier: "a quarterly", "a weekly".
_PUBLICATION_KINDS = frozenset("journal magazine publication periodical newspaper paper review".split())


# Names after a kind in the plural and "of", two or more: "republics of Donetsk and Luhansk".
_NAMES_AFTER_KIND = re.compile(
    r"\s+of\s+(?P<names>[A-Z][\w’'-]*(?:,\s*[A-Z][\w’'-]*)*\s+and\s+[A-Z][\w’'-]*)"
)


def named_of_kind(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Which <kind> …?", the offsets of the name the sentence gives a thing of that kind: the
    capitalised words right before the kind's words ("Javelin" in "Javelin antitank missiles"), a
    count made a word before them ("15-point" of "15-point plan"), or the name in brackets right
    after them ("The International Spectator" in "quarterly (*The International Spectator*)"), or
    the list in brackets after them, also for "What are X's <kind>?".
    None when the kind's words are not in the sentence once as the question writes them (in
    "Charles River" the kind is part of the name), the name is the question's own words or an
    adjective of a people ("Russian banks"), or a list follows.
    On XQuAD, given the answer's sentence, no question is so answered."""
    asked = (_ASKS_OF_KIND.match(question) or _ASKS_NAME_OF_KIND.match(question) or _NAME_THE_KIND.match(question)
             or _ASKS_KIND_DONE_BY.match(question))
    if asked is None:
        return None
    # "What are the IAI's book series?" asks for names only when the sentence lists them in brackets.
    naming = bool(_ASKS_OF_KIND.match(question) or _ASKS_KIND_DONE_BY.match(question)
                  or re.search(r"\b(?:name|called|named)\b", question, re.I))
    kind = asked.group("kind").split()
    words = list(re.finditer(r"[\w’'-]+", sentence))
    # The kind's words as the question writes them, spelt with or without hyphens, singular or
    # plural: "Which anti-tank missile …?" is of "Javelin antitank missiles".
    asked_words = [_kind_word(w) for w in kind]
    found = [i for i in range(len(words) - len(kind) + 1)
             if all(_kind_word(words[i + k].group()) == asked_words[k] for k in range(len(kind)))]
    if not found and len(kind) > 1 and asked_words[-1] in _GENERIC_KINDS and not set(asked_words[:-1]) & _GENERIC_KINDS:
        # "Which anti-tank weapon did the US send?": the item of the sentence's list its qualifier
        # names ("Javelin antitank missiles" of "… Stinger antiaircraft systems, Javelin antitank
        # missiles, tactical drones …"), the list writing "missiles" for the question's "weapon".
        return listed_item_of_kind(sentence, f"Which of them are {' '.join(kind[:-1])}?")
    if not found and len(kind) > 1 and asked_words[-1] in _PUBLICATION_KINDS:
        # "Which quarterly journal does the IAI publish?": the sentence may name the kind by its
        # qualifier alone ("an English-language quarterly (*The International Spectator*)").
        kind = kind[:-1]
        asked_words = asked_words[:-1]
        found = [i for i in range(len(words) - len(kind) + 1)
                 if all(_kind_word(words[i + k].group()) == asked_words[k] for k in range(len(kind)))]
    if len(found) != 1:
        return None
    start, end = words[found[0]].start(), words[found[0] + len(kind) - 1].end()
    listed_in_brackets = _LIST_IN_BRACKETS.match(sentence, end)
    if listed_in_brackets is not None:
        # "three book series (*Global Politics and Security*, *Quaderni IAI* and *IAI Research Studies*)".
        return listed_in_brackets.span("list")
    if not naming:
        return None
    bracketed = _NAME_AFTER_KIND.match(sentence, end)
    if bracketed is not None:
        return bracketed.span(1)
    names_of = _NAMES_AFTER_KIND.match(sentence, end) if kind[-1].lower().endswith("s") else None
    if names_of is not None:
        # "the two self-styled independent republics of Donetsk and Luhansk": the names after "of".
        return names_of.span("names")
    listed = _LIST_AFTER_KIND.match(sentence, end)
    if listed is not None:
        # "Many European countries, including Poland, Estonia, …": the list names them, not "European";
        # "… in key geographical regions such as the Mediterranean and Middle East, Asia, …" too.
        return phrase_until(sentence, listed.end(), _LIST_END, LISTED_KIND_WORDS)
    counted = _COUNTED_BEFORE_KIND.search(sentence, 0, start)
    if counted is not None and counted.group(1).lower() not in question.lower():
        # "What plan are the diplomats discussing?": "15-point", the number telling it apart; "What
        # timeline does the plan envision?": "15-year".
        return counted.span(1)
    run = _NAME_BEFORE_KIND.search(sentence, 0, start)
    if run is None:
        return None
    names = list(re.finditer(r"\S+", run.group(1)))
    while names and names[0].group().lower() in _NOT_NAMES:
        names.pop(0)
    asked_words = {w.lower() for w in re.findall(r"[\w’'-]+", question)}
    if not names or all(n.group().lower() in asked_words for n in names):
        return None
    if len(names) == 1 and _PEOPLE_ADJECTIVE.search(names[0].group()):
        # "Russian", "European", "Pictish": an adjective of a people or place, which the reader weighs.
        return None
    first = run.start() + names[0].start()
    # The sentence's first word is capitalised whatever it is; and "the NATO, US–EU and G7 summits"
    # are all three summits, which the reader takes whole, not "G7".
    if not sentence[:first].strip() or re.search(r"[.!?:]\s*$|[A-Z][\w’'–-]*\s*(?:,|\band|\bor)\s*$", sentence[:first]):
        return None
    return first, run.start() + names[-1].end()


# A sentence that names its point after a colon at its end: "The West has still not fully hit Russia
# where it hurts: energy exports."
_COLON_POINT = re.compile(r"^(?P<head>[^:]+?):\s+(?P<point>[a-z][\w’'-]*(?:\s+[\w’'-]+){0,3}?)[.!?]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*$")
_ASKS_WHAT = re.compile(r"^\W*(?:(?:and|but|so)\s+)?what\s+(?:do|does|did|is|are|was|were|has|have|had|should|would|could|can|will)\b", re.I)


def colon_point(sentence: str, question: str) -> tuple[int, int] | None:
    """For a what-question, the offsets of the few words after a colon that ends the sentence, when
    the clause before the colon has a word of the question ("energy exports" in "The West has still
    not fully hit Russia where it hurts: energy exports." for "What does the West still not target
    enough?"); else None."""
    if not _ASKS_WHAT.match(question):
        return None
    found = _COLON_POINT.match(sentence)
    if found is None:
        return None
    asked = {w.lower() for w in _WORD.findall(question) if w.lower() not in QUERY_STOPWORDS}
    head = {w.lower() for w in _WORD.findall(found.group("head"))}
    return found.span("point") if asked & head else None


def kind_after_name(sentence: str, term: str) -> tuple[int, int] | None:
    """The offsets of the lower-case words right after a name asked in the plural that say what kind
    of thing it is ("antiaircraft systems" in "Stinger antiaircraft systems" for "What are
    Stingers?"), up to a comma or "and"; None when the name's singular is not so followed."""
    name = term.strip(" ?.!\"'“”‘’")
    # Only a name asked in the plural and written in the singular before its kind: "Stingers",
    # "Stinger antiaircraft systems" (not "the Donbas" of "the separatist Donbas regions").
    if not name[:1].isupper() or " " in name or not name.endswith("s") or name.endswith("ss"):
        return None
    found = re.search(rf"\b{re.escape(name[:-1])}\s+((?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)(?=\s*(?:,|\band\b|\bor\b|[.;)]|$))", sentence)
    return found.span(1) if found is not None and found.group(1).split()[0] not in QUERY_STOPWORDS else None


# "Which weapons did the EU approve?": a kind, who did it and the verb last.
_ASKS_KIND_DONE = re.compile(
    r"^\W*(?i:which|what)\s+(?P<kind>[a-z][\w-]*[a-z])\s+(?i:did|does|do|has|have|had|will|would)\s+"
    r"(?:[\w’'.-]+\s+){1,10}?(?P<verb>[a-z]{4,})\s*[?.!]*\s*$"
)
# Words before a kind that do not tell which things of the kind: "similar weapons", "more weapons".
_NOT_MODIFIERS = frozenset("similar other more such these those some any many few several all the its their his her "
                           "our new same".split())
# How many words before the modified kind the question's verb may stand: "approving the shipment of lethal weapons".
KIND_DONE_REACH = 6


def kind_done(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Which <kinds> did X <verb>?", the offsets of the one "<words> <kinds>" of the sentence that
    the question's verb shortly precedes ("lethal weapons" in "… approving the shipment of lethal
    weapons …" for "Which weapons did the EU approve?"), with up to two words that tell which ("full
    blocking sanctions"); None for other questions or sentences."""
    asked = _ASKS_KIND_DONE.match(question)
    if asked is None:
        return None
    kind = asked.group("kind")
    # "Which guarantee …?" of "security guarantees": the kind in the singular or the plural.
    kinds = rf"{re.escape(kind[:-1] if kind.endswith('s') else kind)}s?"
    found: list[tuple[int, int]] = []
    for m in re.finditer(rf"\b((?:[a-z][\w-]+\s+){{1,2}}){kinds}\b", sentence):
        words = list(re.finditer(r"\S+", m.group(1)))
        # Words that tell nothing of which things are meant are left out ("the shipment of", "similar").
        while words and (words[0].group() in _NOT_MODIFIERS or words[0].group() in QUERY_STOPWORDS):
            words.pop(0)
        if words:
            found.append((m.start(1) + words[0].start(), m.end()))
    if len(found) != 1:
        return None
    start, end = found[0]
    before = [w.lower() for w in _WORD.findall(sentence[:start])][-KIND_DONE_REACH:]
    stem = asked.group("verb").lower()[:5]
    if not any(w.startswith(stem) for w in before):
        return None
    # Whose they are, when a possessive comes first: "Ukraine’s northern cities".
    owner = re.search(r"\b[A-Z][\w-]*[’']s\s+$", sentence[:start])
    return (owner.start() if owner else start), end


# "What kind of agreement would Ukraine sign …?": the thing asked about after "kind/type/sort of".
_ASKS_KIND_OF = re.compile(
    rf"^\W*(?i:what|which)\s+(?i:kinds?|types?|sorts?)\s+of\s+(?P<thing>(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*)"
    rf"\s+{KIND_AUXILIARY}\b"
)
# "What kind of sanctions prohibit all transactions?": the thing asked about is the subject.
_ASKS_KIND_OF_DOING = re.compile(rf"^\W*(?i:what|which)\s+(?i:kinds?|types?|sorts?)\s+of\s+(?P<thing>[a-z][\w-]*)\s+[a-z]")
# What may stand before the words that describe a thing: an article, a possessive, a preposition.
_BEFORE_DESCRIPTION = frozenset(
    "a an the its their his her our this that these those of for with by from into on in at as such"
    " especially particularly notably mainly mostly chiefly including namely like".split()
)
# Words that say there are several kinds, not which ("different forms", "various kinds").
_VARIETY_WORDS = frozenset("different various several many certain some other diverse".split())
# Words that describe nothing by themselves ("similar weapons", "other equipment").
_NOT_DESCRIBING = _VARIETY_WORDS | frozenset("similar such more most further new own same any all every each no".split())
DESCRIBING_WORDS = 4
PLURAL_OR_VERB = re.compile(r"(?<![su])s$")
_ENDS_DESCRIBING = re.compile(rf"{KIND_AUXILIARY}|be|been|being|and|or|but|nor", re.I)


# Nouns a document and a question may use for one thing (singular, as `_kind_word` leaves them).
_SAME_THING = (frozenset("agreement pact treaty accord deal".split()),)


def kind_in_listed_item(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """For "What kind of <thing> …?" read as a list whose last item is the thing ("air defense systems
    and fighter jets" for "What kind of jets …?"), the offsets of the words that describe it
    ("fighter"). None when the span does not end on the thing, or the item before "and" does not end
    on a plural noun of its own ("artillery, missile and aerial bombing" describe one bombing)."""
    asked = _ASKS_KIND_OF.match(question)
    if asked is None:
        return None
    thing = asked.group("thing").split()[-1]
    item = re.search(rf"\s(?:and|or)\s+(?P<words>[\w’'-]+(?:\s+[\w’'-]+)?)\s+{re.escape(thing)}\W*$", sentence[start:end], re.I)
    if item is None or not re.search(r"[a-z]{3,}(?<![su])s$", sentence[start : start + item.start()].rstrip(" ,")):
        return None
    asked_words = {w.lower() for w in re.findall(r"[\w’'-]+", question)}
    if not {w.lower() for w in item.group("words").split()} - asked_words - _NOT_DESCRIBING:
        return None
    return start + item.start("words"), start + item.end("words")


def kind_described(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What kind of <thing> …?", the offsets of the words that describe the sentence's one
    <thing> ("NATO-type collective defense" in "… including a NATO-type collective defense
    agreement between …"; the thing itself is the question's word, as SQuAD answers "What type of
    city …?" with "multi-cultural"). None when the thing is not there once, nothing but
    the question's own or vague words describes it, or the describing words do not start after an
    article, possessive, preposition or punctuation (a verb before them, or the sentence's start:
    where they start is not known)."""
    asked = _ASKS_KIND_OF.match(question) or _ASKS_KIND_OF_DOING.match(question)
    if asked is None:
        return None
    head = _kind_word(asked.group("thing").split()[-1].lower())
    # "What kind of defense pact …?" of "… a NATO-type collective defense agreement …".
    heads = next((group for group in _SAME_THING if head in group), frozenset({head}))
    words = list(re.finditer(r"[\w’'-]+", sentence))
    found = [i for i, w in enumerate(words) if _kind_word(w.group().lower()) in heads]
    if len(found) != 1:
        return None

    def bounded(i: int) -> bool:
        """Whether the describing words may start at word i."""
        return i > 0 and (words[i - 1].group().lower() in _BEFORE_DESCRIPTION or bool(
            re.search(r"[,;:()—–]", sentence[words[i - 1].end() : words[i].start()])))

    first = found[0]
    # A plural or a verb in "-s" ("Ukraine needs air defense systems"), an auxiliary ("have sent
    # similar weapons") or "and" ("…, and anti-armor weapons") ends the describing words.
    while (not bounded(first) and found[0] - first < DESCRIBING_WORDS
           and not PLURAL_OR_VERB.search(words[first - 1].group()) and not _ENDS_DESCRIBING.fullmatch(words[first - 1].group())):
        first -= 1
    if not bounded(first):
        return None
    if first < found[0] - 1 and words[first].group().endswith("ing") and words[first - 1].group().lower() in _BEFORE_DESCRIPTION:
        # "including imposing full blocking sanctions": a verb after the preposition, not a description.
        first += 1
    asked_words = {w.lower() for w in re.findall(r"[\w’'-]+", question)}
    describing = [w.group().lower() for w in words[first : found[0]]]
    if not [w for w in describing if w not in asked_words and w not in _NOT_DESCRIBING]:
        return None
    return words[first].start(), words[found[0] - 1].end()


# A count made a word right before a kind: "15-point" of "the 15-point plan".
_COUNTED_BEFORE_KIND = re.compile(r"(?<![\w-])(\d+(?:[-–][a-z]+)+)\s+$")


# "Who said the status of Crimea was settled for good?": who, then a verb in the past or the
# present ("said", "founded", "hosts").
_ASKS_WHO_DID = re.compile(
    # "Which official rejected …?" asks who, too; so does "Which country signed …?" ("which Russia signed").
    r"^\W*(?:(?i:and|so)\s+)?(?i:who|(?:which|what)\s+(?:official|person|leader|politician|minister|spokes(?:man|woman|person)|diplomat"
    r"|country|nation|state|government))\s+"
    r"(?P<verb>said|wrote|told|led|made|gave|took|built|won|saw|began|sent|paid|held|"
    r"[a-z]{3,}(?:ed|es)|[a-z]{3,}[^s\W]s)\b"
)
# A name right before a verb: capitalised words, with "of", "de", "the" … inside ("Jesus the Interpreter").
_NAME_BEFORE_VERB = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+(?:(?:of|de|van|von|the)\s+)?){0,4}[A-Z][\w’'.-]*)\s+"
    # "The United States has already provided …"
    r"(?:(?:has|have|had)\s+)?(?:(?:also|already|later|then|reportedly)\s+)?$"
)


# "What does X remind the West of?", and what a sentence says it reminds of: "is a reminder for
# the United States and its European allies that …", "reminds us that …", "reminded Kyiv of …".
_ASKS_REMINDED = re.compile(
    r"^\W*what\s+(?:do|does|did|is|was|should|could|would|might|may)\s+[^?]*\bremind(?:s|ed)?\b[^?]*\bof\b"
    # "What lesson should Washington draw from Moscow coming to the table?": what it is a reminder of.
    r"|^\W*what\s+(?:lessons?|reminder)\s+(?:do|does|did|should|could|would|might|may|can|must)\s+[^?]*\b(?:draw|take|learn)\b[^?]*\bfrom\b",
    re.I,
)
_REMINDS = re.compile(r"\bremind(?:er|s|ed)?\b(?:\s+(?:for|to))?(?:\s+[\w’'-]+){0,8}?\s+(?:that|of)\s+(?=\w)", re.I)


def reminded_of(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What does Russia's willingness to negotiate remind the West of?", the offsets of what
    the sentence says it reminds of ("their adversary is open to diplomacy only when it’s on the back
    foot militarily" in "… is a reminder for the United States and its European allies that …");
    None for other questions or sentences."""
    if not _ASKS_REMINDED.match(question):
        return None
    said = _REMINDS.search(sentence)
    # As long as a condition may be: a clause.
    return phrase_until(sentence, said.end(), _CONDITION_ENDS, CONDITION_WORDS) if said is not None else None


# The side a question asks about, by "for" and a name: "for the Russians" in "What is the 15-point plan
# for the Russians, in Alcaro's view?".
_FOR_SIDE = re.compile(r"\bfor\s+(?P<side>(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?=\s*[,?.!]|\s+(?:in|according)\b)")


def asks_side(question: str) -> re.Match[str] | None:
    """The side a question asks something is for ("for the Russians", group "side"), or None."""
    return _FOR_SIDE.search(question)


# What a sentence that opens on a side says the thing is for that side: "For the Russians, it is in
# all likelihood a means to buy time, regroup and restart the offensive until …".
_SIDE_PREDICATE = re.compile(
    r"^\W*(?:(?:but|and|yet)\s+)?for\s+[^,]{2,40},\s*(?:it|this|that|they)\s+(?:is|are|was|were|would\s+be|will\s+be)\s+"
    r"(?:(?:in\s+all\s+likelihood|probably|likely|most\s+likely|rather|instead|simply|merely|only)\s+)?", re.I)
_SIDE_PREDICATE_END = re.compile(r"\s+(?:until|unless|because|while|whereas|so\s+that)\b|[;:.⁰¹²³⁴⁵⁶⁷⁸⁹]|\s[—–]\s")


def side_predicate(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What is the 15-point plan for the Russians?", the offsets of what the sentence that opens
    on that side says it is ("a means to buy time, regroup and restart the offensive"); None for other
    questions or sentences, or more than OBJECT_WORDS words."""
    if not opens_on_side(sentence, question):
        return None
    said = _SIDE_PREDICATE.match(sentence)
    return phrase_until(sentence, said.end(), _SIDE_PREDICATE_END, OBJECT_WORDS) if said is not None else None


def opens_on_side(sentence: str, question: str) -> bool:
    """True when the sentence opens on the side a question asks about ("For the Russians, …" for
    "What is the plan for the Russians?")."""
    side = asks_side(question)
    return side is not None and re.match(rf"^\W*(?:(?:but|and|yet)\s+)?for\s+{re.escape(side.group('side'))}\s*,", sentence, re.I) is not None


# "And the deadline for that?", "By when?", "What is the time frame?": a time limit.
_ASKS_DEADLINE = re.compile(r"\b(?:deadlines?|time\s*frames?|timescales?)\b|^\W*(?:(?:and|but|so)\s+)?by\s+when\b", re.I)
# A time limit a sentence gives: "by the end of the year", "within the next few weeks".
_TIME_LIMIT = re.compile(
    r"\b(?:by|within|before|until|no\s+later\s+than)\s+(?:the\s+)?(?:end|close|start|beginning|middle|next|coming|"
    rf"spring|summer|autumn|fall|winter|\d|{_MONTHS}|{_DAYS})[^,;.:]*?(?=\s+(?:and|but|or|while)\s|[,;.:]|[⁰¹²³⁴⁵⁶⁷⁸⁹]|$)",
    re.I,
)
# How many words before a time limit say what it is the limit of.
LIMITED_WORDS = 6


def deadline_given(sentence: str, question: str, before: str = "") -> tuple[int, int] | None:
    """For a question asking for a time limit ("By when …?", "And the deadline for that?", asked
    after `before`), the offsets of the one the sentence gives for what the question is about: "by
    the end of the year" in "… end Russian coal imports within the next few weeks and phase out oil
    and gas imports by the end of the year" for oil and gas. The one limit a sentence gives; of
    several, the one whose words before it share the most with the question, or else with the turn
    before, when one does. None for other questions."""
    if not (_ASKS_DEADLINE.search(question) or before and _ASKS_DEADLINE.search(before)):
        return None
    limits = list(_TIME_LIMIT.finditer(sentence))
    if len(limits) <= 1:
        return limits[0].span() if limits else None
    for text in (question, before):
        asked = {w.lower()[:NAME_STEM] for w in _WORD.findall(text)} - {w[:NAME_STEM] for w in QUERY_STOPWORDS}
        shared = [len(asked & {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence[: m.start()])[-LIMITED_WORDS:]}) for m in limits]
        if (best := max(shared)) and shared.count(best) == 1:
            return limits[shared.index(best)].span()
        if best:
            return None
    return None


# "What are the commitments Ukraine offered …?": a noun the question asks what it holds.
_ASKS_WHAT_NOUN_HOLDS = re.compile(r"^\W*what\s+(?:is|are|was|were)\s+the\s+(?:[a-z]+\s+)?(?P<noun>[a-z]{4,})\b", re.I)
# A clause a noun holds, which opens on its own subject and verb: "commitments from Ukraine that it would not join NATO …".
_NOUN_CLAUSE_SUBJECT = r"(?:it|they|he|she|we|(?-i:[A-Z])[\w’'-]+)\s+(?:would|will|could|should|must|might|may|can|is|are|was|were|had|has|have)\b"


def clause_of_noun(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What are the commitments Ukraine offered in the 10-point plan?", the offsets of the clause
    the sentence says the noun holds ("it would not join NATO, develop nuclear capabilities or host
    foreign military bases" in "… commitments from Ukraine that it would not join NATO, …"); None for
    other questions or sentences, or a clause of more than CONDITION_WORDS words."""
    asked = _ASKS_WHAT_NOUN_HOLDS.match(question)
    if asked is None:
        return None
    noun = asked.group("noun").lower()
    found = re.search(rf"\b{re.escape(noun.rstrip('s'))}s?\s+(?:(?:from|by|of)\s+(?:[\w’'-]+\s+){{0,3}}?)?that\s+(?={_NOUN_CLAUSE_SUBJECT})",
                      sentence, re.I)
    return phrase_until(sentence, found.end(), _CONDITION_ENDS, CONDITION_WORDS) if found is not None else None


# "Which decision made Zelensky's voice heard in Congress?": a noun asked for by which one.
_ASKS_WHICH_NOUN_DONE = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:which|what)\s+(?P<noun>[a-z]{4,})\s+(?!of\b)[a-z]", re.I)


# "What did the US decide about …?", "What has Moscow promised?": what was decided, which a sentence may
# give as the deed's noun and an infinitive ("the decision to have Zelensky speak …").
_ASKS_DECIDED = re.compile(r"^\W*(?:(?:and|so)\s+)?what\s+(?:did|has|have|had)\s+.+?\s+(?P<verb>decide|promise|pledge|vow|plan|choose|resolve)d?\b", re.I)
_DEED_OF_VERB = {"decide": "decision", "promise": "promise", "pledge": "pledge", "vow": "vow", "plan": "plan",
                 "choose": "choice", "resolve": "resolution"}


def noun_to_do(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Which decision made Zelensky's voice heard in Congress?", the offsets of the noun and the
    infinitive that says which one it is ("the decision to have Zelensky speak at the US Congress" in
    "So are the decision to have Zelensky speak at the US Congress,¹³ …"); None for other questions,
    or when the sentence has the noun with an infinitive other than once."""
    asked = _ASKS_WHICH_NOUN_DONE.match(question)
    decided = _ASKS_DECIDED.match(question) if asked is None else None
    if asked is None and decided is None:
        return None
    # "What did the US decide about Zelensky and Congress?": what "the decision to" holds, "have Zelensky
    # speak at the US Congress", without the noun (the reader had bolded the weapons of the next clause).
    noun = asked.group("noun").lower() if asked is not None else _DEED_OF_VERB[decided.group("verb").lower()]
    # A lower-case noun and a verb after "to": not "from the Caspian Sea to the Sea of Japan".
    found = list(re.finditer(rf"\b(?i:the|a|an|its|their|his|her)\s+(?:[a-z]+\s+)?{re.escape(noun)}\s+to\s+(?!(?:the|a|an|its|their)\b)(?=[a-z])",
                             sentence))
    if len(found) != 1:
        return None
    return phrase_until(sentence, found[0].start() if asked is not None else found[0].end(), OBJECT_END, OBJECT_WORDS)


# "What is the second variable shaping the war?": an item of a series, by its ordinal.
_ASKS_ORDINAL_ITEM = re.compile(r"^\W*(?:(?:and|but|so)\s+)?what\s+(?:is|was|are|were)\s+the\s+(?P<ordinal>first|second|third|fourth|fifth|last)\b", re.I)
# A sentence that says what that item is about: "The second concerns the political and financial sustainability …".
_ITEM_ABOUT = r"\s+(?:one\s+)?(?:is\s+about|is|concerns|regards|involves|revolves\s+around|relates\s+to|has\s+to\s+do\s+with)\s+"


# Where an item's predicate begins: after a modal ("can restore …"), or at "have" or "has" ("have authority over …").
_ITEM_PREDICATE = re.compile(r"\b(?:(?:can|could|will|would|must|should|may|might)\s+|(?=have\s|has\s))(?P<what>[a-z])")


def item_content(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What is the second variable shaping the war?", the offsets of what the sentence opening
    on that ordinal says the item is ("the political and financial sustainability of the invasion" in
    "The second concerns the political and financial sustainability of the invasion, heavily …");
    None for other questions or sentences, or more than OBJECT_WORDS words."""
    asked = _ASKS_ORDINAL_ITEM.match(question)
    if asked is None:
        return None
    opens = re.match(rf"\W*(?:(?:and|but)\s+)?the\s+{asked.group('ordinal')}{_ITEM_ABOUT}", sentence, re.I)
    if opens is not None:
        return phrase_until(sentence, opens.end(), OBJECT_END, OBJECT_WORDS)
    # "Third, only the United States and the EU have authority over sanctions.": what the item's
    # subject can do or has, its predicate (the subject had been bold).
    adverb = re.match(rf"\W*{asked.group('ordinal')}(?:ly)?,\s+", sentence, re.I)
    predicate = _ITEM_PREDICATE.search(sentence, adverb.end()) if adverb is not None else None
    if predicate is None:
        return None
    return phrase_until(sentence, predicate.start("what"), OBJECT_END, OBJECT_WORDS)


# "Who is urged to adopt harsher language?": a passive whose agent the sentence names, and whose
# subject it gives as the active verb's object, before "to".
_ASKS_WHO_IS_DONE_TO = re.compile(r"^\W*(?:(?:and|but|so)\s+)?who\s+(?:is|are|was|were)\s+(?:being\s+)?(?P<verb>[a-z]{3,}?)(?:ed|d)\s+to\s+[a-z]", re.I)


def object_of_passive(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Who is urged to adopt harsher language?", the offsets of who the sentence says is urged,
    the active verb's object before "to" ("his European counterparts" in "Biden may also urge his
    European counterparts to adopt …"); None for other questions or sentences."""
    asked = _ASKS_WHO_IS_DONE_TO.match(question)
    if asked is None:
        return None
    stem = asked.group("verb").lower()
    # A name without its article: "Troika Design Group" in "The network hired the Troika Design Group to …".
    found = re.search(rf"\b{re.escape(stem)}(?:e|es|ed|d|ing)?\s+(?:the\s+(?=(?-i:[A-Z])))?(?P<object>(?:(?!to\b)[\w’'-]+\s+){{0,5}}?[\w’'-]+)\s+to\s+[a-z]",
                      sentence, re.I)
    return found.span("object") if found is not None else None


# Verbs that are the nouns of their roles: "heads" the "Head of …", "chairs" the "Chair of …".
_ROLE_VERBS = frozenset({"head", "chair"})
# "Who coordinates research at the IAI?": the present-tense verb a role's agent noun comes from.
_ASKS_WHO_DOES = re.compile(r"^\W*who\s+(?P<verb>[a-z]{4,}?)(?:es|s)\s+[a-z]", re.I)


def holder_of_role(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Who coordinates research …?", the offsets of the name the sentence says is the role's
    agent noun ("Riccardo Alcaro" in "Riccardo Alcaro is Research Coordinator and Head of …"); None
    for other questions, or when no name stands before "is" and that noun."""
    asked = _ASKS_WHO_DOES.match(question)
    if asked is None:
        return None
    verb = asked.group("verb").lower()
    stem = _e_stem(verb)  # "coordinate": "coordinator"; "edit": "editor"
    if len(stem) < 3:
        return None
    # "Who heads …?": a role named by the verb itself too ("Head of Global Actors programme").
    noun = rf"{re.escape(stem)}(?:e)?(?:or|er)s?" + (f"|{verb}" if verb in _ROLE_VERBS else "")
    found = re.search(rf"(?P<name>(?-i:(?:[A-Z][\w’'-]+\s+){{1,3}}[A-Z][\w’'-]+))\s+(?:is|was|serves\s+as|,)\s+(?:the\s+|a\s+|an\s+)?"
                      rf"(?:[A-Za-z-]+\s+){{0,3}}(?:{noun})\b", sentence, re.I)
    return found.span("name") if found is not None else None


# A deed named by its noun, with its object after "of": "annexation of Crimea", "invasion of the Donbas".
_DEED_NOUN = re.compile(r"\b(?P<noun>[a-z]{4,}(?:ation|sion|tion|ment|al))\s+of\s+(?:the\s+)?(?P<object>[A-Z][\w’'-]*)")
# Whose the deeds are: "Russia’s 2014 annexation of Crimea and invasion of …", the possessive before them.
_DEEDS_OWNER = re.compile(
    r"(?P<who>(?<![\w’'-])[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})[’']s\s+(?:\d{4}\s+)?"
    r"(?:[a-z]+\s+of\s+(?:the\s+)?[A-Z][\w’'-]*\s+and\s+)?$"
)


def owner_of_deed(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Who invaded the Donbas?", the offsets of whose deed the sentence names by its noun ("Russia"
    in "… Russia’s 2014 annexation of Crimea and invasion of the Donbas …"): the noun shares the
    verb's first letters and its "of" names the question's object. None otherwise."""
    asked = _ASKS_WHO_DID.match(question)
    if asked is None:
        return None
    verb = asked.group("verb").lower()
    objects = {w for w in _WORD.findall(question[asked.end() :]) if w[:1].isupper()}
    for deed in _DEED_NOUN.finditer(sentence):
        if deed.group("object") not in objects or deed.group("noun")[:4] != verb[:4]:
            continue
        owner = _DEEDS_OWNER.search(sentence, 0, deed.start())
        if owner is not None:
            return owner.span("who")
    return None


# Verbs of holding a view, which a sentence may report as said.
_VIEW_VERBS = frozenset("thinks believes considers claims insists maintains argues holds reckons thought believed considered".split())


def name_before_verb(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Who <verb> …?", the offsets of the name right before the sentence's one use of that
    verb, without the titles before it ("Sergei Lavrov" in "… which Russian Foreign Minister Sergei
    Lavrov said was …"); None for other questions, or when the verb is not there once, or no name
    stands before it. On XQuAD, given the answer's sentence: 6 questions, all 6 right (as the reader)."""
    asked = _ASKS_WHO_DID.match(question)
    if asked is None:
        return None
    uses = list(re.finditer(rf"\b{re.escape(asked.group('verb'))}\b", sentence))
    if not uses and asked.group("verb").lower() in _VIEW_VERBS:
        # "Who thinks the Crimea question is settled?": who "said" it was ("… which Russian Foreign
        # Minister Sergei Lavrov said was “settled for good”").
        uses = list(re.finditer(r"\b(?:said|says|stated|states|claimed|claims|insisted|insists|declared|declares)\b", sentence))
    if not uses:
        # "Who supplied Ukraine with Javelin missiles?": "The United States has already provided …", the
        # sentence's verb for it in WordNet's first senses, in the past as the question's.
        lemmas = synonyms_of(asked.group("verb").lower())
        uses = [m for m in re.finditer(r"\b[a-z]{3,}ed\b", sentence) if is_form_of(m.group(0), lemmas)]
    if len(uses) != 1 or re.match(r"\s+by\b", sentence[uses[0].end() :]):
        # "… regime on Russia adopted by the United States": a passive, whose agent follows (`passive_agent`).
        return None
    run = _NAME_BEFORE_VERB.search(sentence, 0, uses[0].start())
    if run is None:
        return None
    words = list(re.finditer(r"\S+", run.group(1)))
    if not sentence[: run.start()].strip() and not (len(words) == 1 and ACRONYM.fullmatch(words[0].group())):
        # The sentence's first word is capitalised whatever it is: a name there follows a function
        # word ("The United States has already provided …"), or is written in capitals ("IAI publishes …").
        if len(words) < 2 or words[0].group().lower() not in QUERY_STOPWORDS:
            return None
        words = words[1:]
    titled = [k for k, w in enumerate(words) if is_title(w.group())]
    first = titled[-1] + 1 if titled else 0
    if first >= len(words):
        return None
    return run.start() + words[first].start(), run.start(1) + words[-1].end()


# A name written in capitals: "IAI", "NATO".
ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


# Verbs of turning something down, each said with any of the others ("Who rejected the 15-year
# timeline?": "Dmitry Peskov pushed back on that idea").
_TURNED_DOWN = ("rejected", "opposed", "dismissed", "refused", "rebuffed", "resisted", "disputed", "pushed")


def turned_down_forms(question: str) -> list[str]:
    """For "Who rejected …?", the question with each other verb of turning something down in place
    of its own ("Who pushed …?", "Who opposed …?"); [] for other questions."""
    asked = _ASKS_WHO_DID.match(question)
    # "Who turned the timeline down?", "Who turned down …?": the verb with its particle.
    turned = asked is not None and asked.group("verb").lower() == "turned" and re.search(r"\bdown\b", question[asked.end():], re.I)
    if asked is None or asked.group("verb").lower() not in _TURNED_DOWN and not turned:
        return []
    start, end = asked.span("verb")
    return [question[:start] + verb + question[end:] for verb in _TURNED_DOWN if verb != asked.group("verb").lower()]


def name_before_turned_down(sentence: str, question: str) -> tuple[int, int] | None:
    """`name_before_verb` for "Who rejected …?" said with another verb of turning down ("Dmitry
    Peskov" in "… Dmitry Peskov pushed back on that idea …")."""
    return next((found for asked in turned_down_forms(question) if (found := name_before_verb(sentence, asked))), None)


# "What would cutting Sberbank off achieve?", "What could the sanctions do?": the effect of something.
# "What is the danger of aiming for regime change?", "What would regime change risk?": the effect feared of something.
_ASKS_EFFECT = re.compile(
    r"^\W*(?i:what)\s+(?i:would|could|will|might|may)\s+(?P<cause>\S.*?)\s+"
    r"(?P<verb>(?i:achieve|accomplish|do|bring|change|cause|mean|risk|entail|lead\s+to|result\s+in))\s*[?.!]*\s*$"
    r"|^\W*(?:(?i:what)\s+(?i:is|are|was|were)|(?i:name|give(?:\s+me)?))\s+(?i:the|a|one)\s+(?:(?i:main|biggest|greatest|chief)\s+)?"
    r"(?P<noun>(?i:dangers?|risks?|consequences?|downsides?|drawbacks?|effects?))\s+(?i:of|in)\s+(?P<of>\S.*?)\s*[?.!]*\s*$"
)
# Who says it, closing a question: "…, according to Alcaro?", "…, per the April piece?".
_SOURCE_TAIL = re.compile(r",?\s+(?:according\s+to|per)\s+[^,;?.!]+(?=\s*[?.!]*\s*$)", re.I)
# What a sentence says something would do: the words after its modal, to the clause's end.
_EFFECT_SAID = re.compile(r"\s(?:would|could|will|might|may)\s+(?:also\s+)?(?P<effect>[a-z][^,;:.()—–]*)", re.I)


def effect_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What would cutting Sberbank off achieve?" (or "What is the danger of …?"), the offsets of
    what the sentence says the thing would do: "significantly hurt the country’s financial
    maneuverability" in "Imposing the same costs on Sberbank … would significantly hurt …"; "end up
    prolonging the war" for "What is the danger of aiming for regime change?". Only when the words before the modal
    name something of the question's (a content word of its cause), 1..OBJECT_WORDS words."""
    asked = _ASKS_EFFECT.match(_SOURCE_TAIL.sub("", question))
    if asked is None:
        return None
    cause = {w.lower()[:NAME_STEM] for w in _WORD.findall(asked.group("cause") or asked.group("of")) if w.lower() not in QUERY_STOPWORDS}
    for said in _EFFECT_SAID.finditer(sentence):
        before = {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence[: said.start()])}
        effect = said.group("effect").rstrip()
        if (asked.group("verb") or "").lower() == "risk" and effect.lower().startswith("not "):
            # "… may not be enough to dissuade him": what would not suffice, no risk run.
            continue
        if cause & before and 1 <= len(effect.split()) <= OBJECT_WORDS:
            start = said.start("effect")
            if (asked.group("noun") or "").lower().endswith("s") or (asked.group("verb") or "").lower() == "risk":
                # "What are the dangers of …?": every effect the clause lists ("end up prolonging the
                # war, ostracise non-Western countries … and, most importantly, utterly fail").
                listed = sentence[start : start + _CLAUSE_STOP.search(sentence[start:]).start()].rstrip(" ,")
                if re.search(r",?\s+and\b", listed[len(effect) :]) and len(listed.split()) <= 2 * OBJECT_WORDS:
                    return start, start + len(listed)
            return start, start + len(effect)
    return None


# Where a clause's list of effects ends: a full stop, a semicolon, a dash or the sentence's end.
_CLAUSE_STOP = re.compile(r"[.;!?](?:\s|$)|\s[—–]\s|[.!?]?$")


# "Whose parliaments would have to approve a neutrality deal?": the owner of a thing.
# "Which country's fighters showed courage?" asks whose, too.
_ASKS_WHOSE = re.compile(
    r"^\W*(?:whose|(?:which|what)\s+(?:country|nation|side|state|people)[’']s)\s+(?P<thing>[a-z][\w-]*)\b", re.I
)
_OWNER_ENDS = re.compile(r"[.;:!?()]|,|\s[—–]\s|\s(?:who|which|that|where|is|are|was|were|has|have|had|will|would|to)\b|$")
OWNER_WORDS = 8
# A name's possessive and the thing it owns, an adjective between: "Ukraine’s constitution", "Russia’s long track record".
# Not a capitalised word that opens the clause: "Russia", not "With Russia".
_POSSESSOR = re.compile(
    r"(?:\b(?:With|For|From|By|In|On|At|To|Of|About|As|But|And|So|If|While|After|Before|Since|Though|Despite)\s+)?"
    r"(?P<owner>\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})[’']s\s+(?:[a-z][\w-]*\s+)?(?P<thing>[a-z][\w-]*)"
)
_IN_NAMES = frozenset("and or of the de".split())


def owner_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Whose <things> …?", the offsets of whom the sentence's one "<things> of …" belongs to,
    coordination included ("Ukraine and the guarantor states" in "… ratified in the parliaments of
    Ukraine and the guarantor states"); None for other questions, or when the sentence has no such
    phrase or two, it runs over OWNER_WORDS words, or holds nothing but the question's words."""
    asked = _ASKS_WHOSE.match(question)
    if asked is None:
        return None
    thing = _kind_word(asked.group("thing").lower())
    found = [m for m in re.finditer(r"([\w’'-]+)\s+of\s+(?=[\w’'-])", sentence) if _kind_word(m.group(1).lower()) == thing]
    # Or a name's possessive before it: "Ukraine’s constitution" for "Whose constitution enshrines the NATO goal?".
    possessed = [m for m in _POSSESSOR.finditer(sentence) if _kind_word(m.group("thing").lower()) == thing]
    # Or a people's adjective before it: "the courage of Ukrainian fighters" for "Which country's fighters …?".
    peoples = [m for m in re.finditer(rf"\b(?P<owner>{PEOPLE_ADJECTIVE_WORD})\s+(?P<thing>[a-z][\w-]*)", sentence)
               if _kind_word(m.group("thing").lower()) == thing]
    if len(peoples) == 1 and not possessed and not found:
        # Both of two: "Russian and Ukrainian diplomats" are both peoples' (not "Ukrainian" alone).
        pair = re.search(rf"\b{PEOPLE_ADJECTIVE_WORD}(?:,|\s+(?:and|or))\s+$", sentence[: peoples[0].start()])
        if pair is None:
            return peoples[0].span("owner")
        # Unless the question names one of them ("… discussing a 15-point plan with Russia?"): the other
        # is asked, which the reader reads better by its country's name.
        named = {w.lower()[:NAME_STEM] for w in _WORD.findall(question)}
        if {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence[pair.start() : peoples[0].end("owner")])} & named:
            return None
        return pair.start(), peoples[0].end("owner")
    if len(possessed) == 1 and not found:
        owner = possessed[0].span("owner")
        if {w.lower() for w in _WORD.findall(possessed[0].group("owner"))} <= {w.lower() for w in _WORD.findall(question)}:
            return None
        return owner
    owner = phrase_until(sentence, found[0].end(), _OWNER_ENDS, OWNER_WORDS) if len(found) == 1 and not possessed else None
    if owner is not None:
        # A name ends where a lower-case word other than "and", "or", "of", "the" follows it: "Russia
        # precludes …" is a verb after the owner.
        tokens = list(re.finditer(r"[\w’'-]+", sentence[owner[0] : owner[1]]))
        for before, token in zip(tokens, tokens[1:]):
            if re.fullmatch(PEOPLE_ADJECTIVE_WORD, before.group()) and token.group()[0].islower():
                # A people's adjective qualifies the noun after it: "the courage of Ukrainian fighters"
                # is the fighters' (it had bolded "Ukrainian"); what "and" adds is another thing
                # ("… fighters and military assistance from the West").
                owner = (owner[0], owner[0] + token.end())
                break
            if before.group()[0].isupper() and token.group()[0].islower() and token.group() not in _IN_NAMES:
                owner = (owner[0], owner[0] + before.end())
                break
    # "the principle of faunal succession" for "Whose principles was the principle of faunal succession
    # built upon?": the question's own words name what, not whose.
    own = {w.lower() for w in _WORD.findall(question)}
    if owner is None or {w.lower() for w in _WORD.findall(sentence[owner[0] : owner[1]])} <= own:
        return None
    if _ACTION_NOUN.search(thing) and not re.search(r"\b[A-Z]", sentence[owner[0] : owner[1]]):
        # "Which body's shipment of lethal arms …?": after a noun of an act, "of" names what is acted on
        # ("the shipment of lethal weapons"), not whose act it is.
        return None
    return owner


# A noun of an act, whose "of" names what is acted on: "shipment", "delivery", "approval", "removal".
_ACTION_NOUN = re.compile(r"(?:ment|tion|sion|val|ery)$")


# "What is a rather implausible scenario, according to Alcaro?": a thing the question calls by a
# description, which a sentence may give after a dash to rename the clause before it.
_ASKS_DESCRIBED = re.compile(r"^\W*what\s+(?:is|was)\s+(?:a|an)\s+(?P<description>[^?,;]+?)\s*(?:,|[?.!]|$)", re.I)
# "What scenario does Alcaro call implausible?": the same, asked by the kind and what it is called.
_ASKS_CALLED = re.compile(
    r"^\W*(?:which|what)\s+(?P<kind>[a-z]+)\s+(?:does|do|did)\s+[^?]+?\s+(?:call|calls|deem|deems|consider|considers)\s+"
    r"(?P<quality>[a-z][\w-]*)\s*[?.!]*\s*$",
    re.I,
)
_RENAMED_CLAUSE_OPENS = re.compile(r"\b(?:unless|if|that|because|when|while|whereas|once)\s+", re.I)
RENAMED_CLAUSE_WORDS = 20


def clause_renamed(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What is a <description>?" (or "What <kind> does X call <quality>?"), the offsets of the
    clause the sentence renames with that description after a dash, from its opening word ("unless", "if", "that" …): "it agrees to withdraw
    all its forces and take full responsibility for the war" in "… unless it agrees to withdraw … for
    the war – a rather implausible scenario". None when no dash gives the description, no clause
    opens before it, or the clause is longer than RENAMED_CLAUSE_WORDS words."""
    asked = _ASKS_DESCRIBED.match(question)
    called = _ASKS_CALLED.match(question) if asked is None else None
    if asked is not None:
        description = r"\s+".join(re.escape(w) for w in asked.group("description").split())
    elif called is not None:
        # "a rather implausible scenario": the quality, perhaps after a degree word, then the kind.
        description = rf"(?:[a-z]+ly\s+|rather\s+|quite\s+)?{re.escape(called.group('quality'))}\s+{re.escape(called.group('kind'))}"
    else:
        return None
    dash = re.search(r"\s[–—]\s+(?:a|an)\s+" + description + r"\b", sentence, re.I)
    opens = list(_RENAMED_CLAUSE_OPENS.finditer(sentence, 0, dash.start())) if dash is not None else []
    if not opens:
        return None
    start, end = opens[-1].end(), dash.start()
    return (start, end) if 1 <= len(sentence[start:end].split()) <= RENAMED_CLAUSE_WORDS else None


# How many words the thing a sentence calls by the asked quality may have.
CALLED_SUBJECT_WORDS = 12
_OPENING_CONNECTIVE = re.compile(r"^(?:(?:but|and|so|yet|still|however|indeed|moreover),?\s+)*", re.I)


def subject_called(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Which sanctions does the April piece call significant?", the offsets of the subject the
    sentence gives that quality, holding the asked kind: "The existing sanctions on Russian companies
    and wealthy elites" in "The existing sanctions on … are significant, but …". None for other
    questions, or when no clause says so, or its subject is longer than CALLED_SUBJECT_WORDS words."""
    called = _ASKS_CALLED.match(question)
    if called is None:
        return None
    kind = re.escape(called.group("kind").lower().rstrip("s"))
    quality = re.escape(called.group("quality"))
    found = re.search(
        rf"(?P<np>[^,;:—–()]*?\b{kind}\w*\b[^,;:—–()]*?)\s+(?:are|is|were|was)\s+(?:[a-z]+ly\s+|rather\s+|quite\s+)?{quality}\b",
        sentence, re.I,
    )
    if found is None:
        return None
    start, end = found.span("np")
    text = sentence[start:end]
    start += len(text) - len(text.lstrip())
    start += _OPENING_CONNECTIVE.match(sentence[start:end]).end()
    return (start, end) if 1 <= len(sentence[start:end].split()) <= CALLED_SUBJECT_WORDS else None


# "What do Russian and Ukrainian diplomats reportedly discuss?": what someone does, asked with no object.
_ASKS_WHAT_DONE = re.compile(
    r"^\W*what\s+(?:do|does|did|are|is|were|was)\s+(?P<subject>(?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s+"
    r"(?:(?:reportedly|still|now|currently|apparently)\s+)?(?P<verb>[a-z]{3,})\s*[?.!]*\s*$",
    re.I,
)
# The noun phrase before a relative clause: from a determiner, at most four words more.
_NOUN_BEFORE_RELATIVE = r"(?P<np>\b(?:the|a|an|this|that|these|those|its|their|his|her)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"


# "Which peace plan is discussed in the IAI piece?": the thing of a kind something is done to, asked in the passive.
_ASKS_WHICH_DONE_TO = re.compile(
    r"^\W*(?:which|what)\s+(?P<kind>(?:[\w-]+\s+){0,2}?[a-z]{3,})\s+(?:is|are|was|were)\s+(?:being\s+)?"
    r"(?:(?:reportedly|still|now|currently|apparently)\s+)?(?P<verb>[a-z]{3,}(?:ed|en))\b",
    re.I,
)


def object_before_relative(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What do Russian and Ukrainian diplomats reportedly discuss?", the offsets of the thing a
    relative clause says they do it to: "the 15-point plan" in "… the 15-point plan which Russian and
    Ukrainian diplomats are reportedly discussing …"; for "Which peace plan is discussed …?" too, the
    thing being of the kind asked. None for other questions or sentences."""
    asked = _ASKS_WHAT_DONE.match(question)
    passive = _ASKS_WHICH_DONE_TO.match(question) if asked is None else None
    if passive is not None:
        verb = passive.group("verb")
        head = _kind_word(passive.group("kind").split()[-1].lower())
        found = re.search(
            rf"{_NOUN_BEFORE_RELATIVE}\s+(?:which|that)\s+(?:[\w’'-]+\s+){{1,5}}?(?:(?:are|is|were|was|have|has|had)\s+)?"
            rf"(?:[a-z]+ly\s+)?{_verb_forms(_verb_stem(verb), verb)}\b",
            sentence, re.I,
        )
        named = found is not None and head in {_kind_word(w.lower()) for w in _WORD.findall(found.group("np"))}
        return found.span("np") if named else None
    if asked is None:
        return None
    verb = asked.group("verb")
    subject = r"\s+".join(re.escape(w) for w in asked.group("subject").split())
    found = re.search(
        rf"{_NOUN_BEFORE_RELATIVE}\s+(?:which|that)\s+{subject}\s+(?:(?:are|is|were|was|have|has|had)\s+)?"
        rf"(?:[a-z]+ly\s+)?{_verb_forms(_verb_stem(verb), verb)}\b",
        sentence, re.I,
    )
    return found.span("np") if found is not None else None


# "What did Lavrov claim was settled for good?": a speaker, a verb of saying, and what was said of the thing asked.
# "And which matter did he call settled for good?": so, by a verb of naming, and a speaker by a pronoun.
_ASKS_CLAIMED_OF = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?:what|which(?:\s+[a-z][\w-]*)?)\s+(?:do|does|did)\s+(?P<speaker>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+"
    r"(?:(?:say|claim|declare|insist|assert|maintain|argue)\s+(?:is|are|was|were|had\s+been|has\s+been)|call|term|deem)\s+"
    r"(?P<said>[\w’'-]+)", re.I)
# Words that open a phrase after a clause's comma: "…, including the status of Crimea and the Donbas".
_PHRASE_LEAD = re.compile(r"\s*(?:(?:including|especially|notably|namely|such\s+as|and|but)\s+)?")


def claimed_of(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What did Lavrov claim was settled for good?", the offsets of the thing a relative clause
    says the speaker said that of: "the status of Crimea and the Donbas" in "…, including the status of
    Crimea and the Donbas, which Russian Foreign Minister Sergei Lavrov said was “settled for good”".
    None for other questions or sentences, or a phrase of more than OBJECT_WORDS words."""
    asked = _ASKS_CLAIMED_OF.match(question)
    if asked is None:
        return None
    speaker = asked.group("speaker").split()[-1]
    # "he" is whoever the sentence names as saying it.
    speaker = r"[A-Z][\w’'.-]+" if speaker.lower() in ("he", "she", "they") else re.escape(speaker)
    # The speaker may be asked by title: "foreign minister" of "… Foreign Minister Sergei Lavrov said …".
    found = re.search(rf",?\s+(?:which|that)\s+(?:[\w’'-]+\s+){{0,6}}?{speaker}(?:\s+[A-Z][\w’'.-]+){{0,3}}\s+(?:said|says|claimed|claims|declared|insisted|asserted|maintained|argued)\s+"
                      rf"(?:(?:it|they)\s+)?(?:is|are|was|were|had\s+been|has\s+been)\s+[“\"]?{re.escape(asked.group('said'))}", sentence, re.I)
    if found is None:
        return None
    start = max((m.end() for m in re.finditer(r"[,;:(]|\s[—–]\s", sentence[: found.start()])), default=0)
    start = _PHRASE_LEAD.match(sentence, start).end()
    return (start, found.start()) if 1 <= len(sentence[start : found.start()].split()) <= OBJECT_WORDS else None


# "What is Zelensky afraid of?", "What does Kyiv fear?", "What are they worried about?".
_ASKS_FEARED = re.compile(
    # "What did the Budapest memorandum try to prevent?": what it meant to keep from happening.
    r"^\W*what\s+(?:is|are|was|were|does|do|did)\s+[^?]*?\b(?:afraid|scared|fearful|worried|concerned|fear|dread|prevent|avoid|forestall)\b", re.I
)
# What a sentence says someone wants to keep from happening.
_FEARED_SAID = re.compile(
    r"\b(?:prevent(?:s|ed|ing)?|avoid(?:s|ed|ing)?|fear(?:s|ed|ing)?|dread(?:s|ed)?|forestall(?:s|ed|ing)?|"
    r"(?:head|ward)(?:s|ed|ing)?\s+off|worr(?:y|ies|ied|ying)\s+(?:about|that)|afraid\s+(?:of|that))\s+",
    re.I,
)
_FEARED_ENDS = re.compile(r"[.;!?]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*$|[;:]|\s[—–]\s|,\s+(?:but|and|while|whereas)\b")


def feared_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What is Zelensky afraid of?", the offsets of what the sentence says is to be prevented,
    avoided or feared ("any uprisings that could lead to his ouster" in "… — and prevent any
    uprisings that could lead to his ouster"); None for other questions, or when the sentence says
    nothing of the kind, or more than OBJECT_WORDS words of it."""
    if not _ASKS_FEARED.match(question):
        return None
    said = _FEARED_SAID.search(sentence)
    return phrase_until(sentence, said.end(), _FEARED_ENDS, OBJECT_WORDS) if said is not None else None


# "What for?", "For what purpose?", "To what end?", "What are they needed for?": what something is for.
_ASKS_PURPOSE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:what\s+for|for\s+what(?:\s+(?:purpose|reason|end))?|to\s+what\s+end|"
    r"(?:for\s+)?what\s+purpose\b[^?]*|"
    r"what\s+(?:is|are|was|were|would\s+be)\s+(?:it|they|that|this|these|those|the\s+[\w’'-]+(?:\s+[\w’'-]+)?)\s+"
    r"(?:(?:needed|meant|intended|used|wanted|required)\s+)?for|"
    # "What does Ukraine need fighter jets for?": what a thing someone needs or uses is for.
    r"what\s+(?:does|do|did|would|will)\s+(?:[\w’'.-]+\s+){1,3}?(?:need|want|use|require)\s+(?:[\w’'-]+\s+){1,4}?for|"
    # "What is Zelensky hoping to achieve with a popular vote?": what a means is for.
    r"what\s+(?:is|are|was|were|does|do|did)\s+(?:[\w’'.-]+\s+){1,4}?(?:hop|try|tri|seek|aim|want|look)\w*\s+to\s+"
    r"(?:achieve|accomplish|gain|get)\s+(?:with|by|through)\b[^?]*)\s*[?.!]*\s*$",
    re.I,
)
_PURPOSE_ENDS = re.compile(r"[.;!?]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*$|[;:(]|\s[—–]\s|,\s+(?:but|while|whereas|which)\b")


def purpose_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What for?" (`_ASKS_PURPOSE`), the offsets of the sentence's infinitive of purpose ("to keep
    up its defense and launch counteroffensives" in "Ukraine needs much more, especially air defense
    systems and fighter jets, to keep up …"); not of an infinitive a verb takes ("would need to be
    approved"). None for other questions, or when the sentence has none of OBJECT_WORDS words at most."""
    if not _ASKS_PURPOSE.match(question):
        return None
    for purpose in _PURPOSE.finditer(sentence):
        before = _WORD.findall(sentence[: purpose.start()])
        if before and before[-1].lower() not in _TAKES_INFINITIVE and before[-1].lower() not in QUERY_STOPWORDS:
            start = purpose.start() + len(purpose.group(0)) - len(purpose.group(0).lstrip())
            return phrase_until(sentence, start, _PURPOSE_ENDS, OBJECT_WORDS, strip=" ,")
    return None


# "What was the point of the memorandum Russia signed in Budapest?", "What is the aim of the plan?":
# what the thing was meant to do.
_ASKS_AIM_OF = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?what\s+(?:is|was|are|were)\s+the\s+(?:main\s+|original\s+|whole\s+)?"
    r"(?:point|purpose|aim|goal|objective|intention|idea)\s+(?:of|behind)\s+(?P<thing>[^?]+?)\s*[?.!]*\s*$",
    re.I,
)
# What a sentence says a thing was meant to do: "sought to provide such assurances …", "were meant to
# provide …", "is a way for Ukraine to define the costs …".
_AIMED_TO = re.compile(
    r"\b(?:(?:sought|seeks?|aimed|aims?|meant|supposed|intended|designed|tried|tries|attempted|attempts)|"
    r"(?P<pronoun>\b(?:it|they|this)\s+)?(?:is|was|are|were)(?:\s+(?:in\s+all\s+likelihood|probably|above\s+all|also|only))?"
    r"\s+(?:a|the)\s+(?:way|means)(?:\s+for(?P<whom>(?:\s+[\w’'-]+){1,3}?))?)\s+to\s+(?=[a-z])",
    re.I,
)


def aim_of(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What was the point of the Budapest memorandum?", the offsets of what the sentence says it
    sought or was meant to do, to the clause's end ("provide such assurances to avoid precisely what’s
    happening today"); None for other questions, or sentences that name none of the thing's words."""
    asked = _ASKS_AIM_OF.match(question)
    if asked is None:
        return None
    side = _FOR_SIDE.search(question, asked.start("thing"))
    thing = question[asked.start("thing") : side.start()] if side is not None else asked.group("thing")
    found = _AIMED_TO.search(sentence)
    # "For the Russians, it is … a means to buy time": "it" is the thing asked about.
    if found is None or not (found.group("pronoun") or _content_stems(thing) & _content_stems(sentence)):
        return None
    if side is not None and not (_content_stems(side.group("side")) & _content_stems(found.group("whom") or sentence[: found.start()])):
        # "What is the purpose of the plan for the Russians?": not what it is "for Ukraine".
        return None
    # The aim's own purpose is part of it ("… to avoid precisely what’s happening today").
    return phrase_until(sentence, found.end(), _PURPOSE_ENDS, OBJECT_WORDS)


# "What is the most mediation could do?", "What can it achieve at best?": the limit of what something
# can do, which a sentence gives after "at best" / "at most" ("… can at best freeze the conflict").
_ASKS_LIMIT = re.compile(
    r"\bthe\s+(?P<asked>most|best|least|worst)\s+(?:[\w’'-]+\s+){1,4}?(?:can|could|would|will|may|might)\s+"
    r"(?:do|achieve|accomplish|hope\s+for|expect|deliver|get|bring|manage)\b|\bat\s+(?P<at>best|most|least|worst)\b",
    re.I,
)
_AT_LIMIT = re.compile(r"\bat\s+(?P<limit>best|most|least|worst)\b,?\s+", re.I)
# The limits that answer each other: "the most X could do" is what X does "at best" too.
_LIMITS = {"most": "best most", "best": "best most", "least": "least worst", "worst": "least worst"}


def limit_given(sentence: str, question: str) -> tuple[int, int] | None:
    """For a question asking the most (or least) something can do (`_ASKS_LIMIT`), the offsets of what
    the sentence says it does "at best" / "at most" (or "at least"), up to the clause's end ("freeze
    the conflict"); None for other questions or sentences."""
    asked = _ASKS_LIMIT.search(question)
    if asked is None:
        return None
    limits = _LIMITS[(asked.group("asked") or asked.group("at")).lower()].split()
    for limit in _AT_LIMIT.finditer(sentence):
        if limit.group("limit").lower() in limits:
            return phrase_until(sentence, limit.end(), OBJECT_END, OBJECT_WORDS)
    return None


# A comma that ends a clause, not one inside a number ("around 6–7,000 soldiers").
CLAUSE_COMMA = r"(?:(?<!\d),|,(?!\d{3}\b))"
# "Which first did the EU's decision mark?", "What was a first for the EU?", "What did the EU do
# for the first time?": something done for the first time (not "the first sticking point"); not
# "Was that a first?", which asks yes or no.
_ASKS_FIRST = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?=(?:what|which)\b).*?(?:\b(?:which|what|a)\s+first\b(?!\s+(?:time|step|round|point|one|of)\b)|"
    r"\bfor\s+the\s+first\s+time\b|"
    # "What did the EU approve that it had never approved before?": the same, said the other way.
    r"\b(?:had|has|have)\s+never\s+(?:[a-z]+\s+)?(?:before|previously)\b|\bnever\s+(?:before|previously)\b|"
    # "What was new about the EU decision?": what it did that had not been done before.
    # "What was special about it?" too: what the sentence says was done for the first time, if it says so.
    r"\bwhat\s+(?:is|was|were|are)\s+(?:so\s+)?(?:new|novel|unprecedented|historic|special|remarkable|unusual|exceptional|notable)\s+(?:about|in)\b|"
    # "What historic step did the European Union take …?": a step never taken before.
    r"\b(?:what|which)\s+(?:historic|unprecedented|landmark|groundbreaking)\s+(?:step|move|decision|break|shift)\b|"
    # "What precedent did the EU set with its weapons deal?"
    r"\b(?:what|which)\s+(?:new\s+)?precedent\b)", re.I
)
_FIRST_TIME = re.compile(r"\s+for\s+the\s+first\s+time\b", re.I)
# Where the clause done for the first time opens: after a comma, a semicolon or a colon.
_AFTER_CLAUSE_MARK = re.compile(r"(?:^|" + CLAUSE_COMMA + r"|[;:])\s*")
FIRST_TIME_WORDS = 20


def first_time_done(sentence: str, question: str) -> tuple[int, int] | None:
    """For a question asking what was done for the first time (`_ASKS_FIRST`), the offsets of the
    clause the sentence says it of ("approving the shipment of lethal weapons to a country that
    isn’t part of the E.U." in "…, approving … for the first time in its history"); None for
    other questions, or when the sentence says it of nothing, or of more than FIRST_TIME_WORDS words."""
    if not asks_first_time(question):
        return None
    first = _FIRST_TIME.search(sentence)
    if first is None:
        return None
    start = max(m.end() for m in _AFTER_CLAUSE_MARK.finditer(sentence[: first.start()]))
    clause = sentence[start : first.start()].rstrip(" ,")
    return (start, start + len(clause)) if 1 <= len(clause.split()) <= FIRST_TIME_WORDS else None


def says_first_time(sentence: str) -> bool:
    """True when the sentence says something was done for the first time."""
    return _FIRST_TIME.search(sentence) is not None


# "Which Western body agreed …?", "What country sent …?": a doer asked for, the subject of the verb after it.
_ASKS_DOER_OF_FIRST = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:which|what)\s+(?:[\w’'-]+\s+){0,2}?(?:bod(?:y|ies)|countr(?:y|ies)|nations?|states?|"
    r"governments?|organi[sz]ations?|institutions?|blocs?|alliances?|leaders?|officials?|persons?|people|groups?|unions?|"
    r"compan(?:y|ies)|banks?|powers?)\s+(?!(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could)\b)[a-z]",
    re.I,
)


def asks_first_time(question: str) -> bool:
    """True when the question asks what was done for the first time (`_ASKS_FIRST`), not who did it
    ("Which Western body agreed to ship lethal arms … for the first time?" asks for the EU)."""
    return _ASKS_FIRST.search(question) is not None and _ASKS_DOER_OF_FIRST.match(question) is None


# "What is Putin persuaded of?", "What are they convinced of?": what someone believes.
_BELIEF_WORDS = r"persuaded|convinced|sure|certain|confident|aware"
_ASKS_BELIEF = re.compile(
    rf"^\W*what\s+(?:is|are|was|were)\s+(?P<subject>[^?]+?)\s+(?:still\s+|now\s+|apparently\s+)*(?:(?P<word>{_BELIEF_WORDS})"
    # "What is Putin said to believe about Ukraine's surrender?": what he is persuaded of, on that.
    r"|(?:said|thought|reported|believed)\s+to\s+(?:believe|think)(?=\s+(?:of|about|regarding|on)\s+[^?,]+?\s*[?.!]*\s*$))"
    # "…, according to Alcaro?": a source named after it.
    r"(?:\s+(?:of|about|regarding|on)(?:\s+[^?,]+?)?)?(?:\s*,?\s+(?:according\s+to|per)\s+[^?]+?)?\s*[?.!]*\s*$",
    re.I,
)
_BELIEF_SAID = re.compile(rf"\b(?:{_BELIEF_WORDS})\s+(?:that\s+|of\s+)", re.I)
_BELIEF_ENDS = re.compile(r"[.;!?]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*$|[;:]|\s[—–]\s|" + CLAUSE_COMMA)


def belief_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What is Putin persuaded of?", the offsets of what the sentence says the question's subject
    is persuaded, convinced or sure of ("Ukraine's surrender is within reach" in "… President Putin
    is apparently still persuaded that Ukraine's surrender is within reach"); None for other
    questions, or when the sentence names not the subject before it, or says nothing of the kind."""
    asked = _ASKS_BELIEF.match(question)
    if asked is None:
        return None
    own = _people_stem(asked.group("subject"))
    for said in _BELIEF_SAID.finditer(sentence):
        before = {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence[: said.start()])}
        if own in before or own in _PRONOUNS:
            return phrase_until(sentence, said.end(), _BELIEF_ENDS, CLAUSE_WORDS)
    return None


# "On what conditions would Ukraine forsake NATO membership?", "Under which condition …?".
_ASKS_CONDITION = re.compile(
    # "Under what circumstances does Moscow come to the table?" too.
    r"\b(?:on|under)\s+(?:what|which)\s+(?:conditions?|circumstances?|terms)\b|^\W*what\s+(?:are|were)\s+the\s+conditions\b"
    # "What would Ukraine give up NATO membership for?": what it is given up in exchange for, which a
    # condition says ("provided they get solid security guarantees …"; "a constitutional amendment" had been bold).
    r"|^\W*what\s+(?:would|will|could|does|do|did|is|are)\s+(?:[\w’'-]+\s+){1,4}?(?:give\s+up|forsake|renounce|drop|"
    r"abandon|trade|sacrifice|surrender)\b[^?]*?\s+for\s*[?.!]*\s*$|\bin\s+(?:exchange|return)\s+for\s+what\b"
    # "What stops the EU from lifting sanctions?": the condition it waits on ("unless it agrees to withdraw …").
    r"|^\W*what\s+(?:(?:is|was)\s+)?(?:stops|stopping|prevents|preventing|keeps|keeping)\s+[^?]*?\bfrom\s+[a-z]+ing\b",
    re.I,
)
# What opens a condition, and where it ends.
_CONDITION_OPENS = re.compile(
    r"(?:\b(?:provided|providing|on\s+(?:the\s+)?condition)(?:\s+that)?\s+|\b(?:unless|only\s+if|as\s+long\s+as|so\s+long\s+as)\s+"
    # "… is open to diplomacy only when it’s on the back foot militarily".
    r"|\bonly\s+(?:when|once)\s+)"
    # A bracket that only widens the condition is none of it: "only if (and when) Ukraine's resistance …".
    r"(?:\((?:and|or)\s+(?:when|if|once)\)\s+)?", re.I
)
# A plain "if" (not "even if", "as if"), which only a question for what it would take reads as a condition.
_IF = re.compile(r"(?<!\beven\s)(?<!\bas\s)\bif\s+", re.I)
_CONDITION_ENDS = re.compile(r"[.;!?]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*$|[;]|\s[—–]\s")
CONDITION_WORDS = 20


# "What would make a guarantee credible?", "What would it take to end the war?", "What is needed
# for …?": what a thing needs, which a sentence may give as a condition.
_ASKS_NEEDED = re.compile(
    r"^\W*what\s+(?:would|will|could|does|do|is|are)\s+(?:it\s+take|make|be\s+(?:needed|required|necessary)|"
    # "What would truly ensure Ukraine's sovereignty?": what it would take.
    r"(?:needed|required|necessary)|(?:truly\s+|really\s+)?(?:ensure|guarantee|secure))\b"
    # "What makes Russia's war effort harder to sustain?": what brings it about, without an auxiliary.
    r"|^\W*what\s+makes\b"
    # "What would a strong guarantee require?": what the thing needs.
    # "What kind of guarantee does the April article say Ukraine would really need?": of a kind, by a source.
    r"|^\W*what\s+(?:(?:kind|sort|type)\s+of\s+[\w-]+\s+)?(?:would|will|does|do|did)\s+(?:[\w’'-]+\s+){1,9}?(?:require|need)"
    r"\s*(?:,\s*(?:according\s+to|per|in)\s[^?]*)?[?.!]*\s*$"
    # "What would Russia have to accept to get sanctions lifted?": what it must do for it.
    # "What must Russia do to get sanctions lifted?": without "have to".
    r"|^\W*what\s+(?:would|will|does|do|must|should)\s+(?:[\w’'-]+\s+){1,4}?(?:(?:have|need)\s+to\s+)?(?:accept|do|agree\s+to|give|offer|concede)\s+"
    # "What would Russia have to do before sanctions are lifted?": before it, too.
    r"(?:(?:in\s+order\s+)?to|before|so\s+that)\b",
    re.I,
)
# "Without a strongly stated commitment …, no guarantee will truly ensure …": what is needed, said
# as what nothing goes without.
_WITHOUT_OPENS = re.compile(r"^\W*without\s+(?P<needed>[^.;]+?),\s+(?=(?:no|nothing|none|never|there\s+is\s+no)\b)", re.I)


def condition_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """For "On what conditions …?", the offsets of the condition the sentence sets ("they get solid
    security guarantees and maintain military forces …" after "provided"); for "What would make …
    / it take …?", also what the sentence says nothing goes without ("Without X, no guarantee …":
    X). None for other questions, or when the sentence sets none, or one longer than
    CONDITION_WORDS words."""
    needed = _ASKS_NEEDED.match(question)
    if not _ASKS_CONDITION.search(question) and needed is None:
        return None
    without = _WITHOUT_OPENS.match(sentence) if needed is not None else None
    if without is not None and len(without.group("needed").split()) <= CONDITION_WORDS:
        return without.span("needed")
    opens = _CONDITION_OPENS.search(sentence)
    if opens is None and needed is not None and speaks_of_event(sentence, question, names=False):
        # "What could make Russia compromise?": "… might be willing to consider such compromises if its
        # war effort continues to fail"; an "if" opening the sentence ends at its comma.
        opens = _IF.search(sentence)
        if opens is not None and not sentence[: opens.start()].strip(" \"“"):
            return phrase_until(sentence, opens.end(), re.compile(r",\s"), CONDITION_WORDS)
    if opens is None:
        return None
    return phrase_until(sentence, opens.end(), _CONDITION_ENDS, CONDITION_WORDS)


def condition_set(sentence: str, question: str) -> tuple[int, int] | None:
    """`condition_asked`, for a condition a word such as "unless" or "provided" opens, not a plain
    "if": "What does Russia have to do to show it is serious?" is not answered by "there is a
    diplomatic solution in sight" (of "If there is a diplomatic solution in sight, Russia will have
    to show …")."""
    return condition_asked(sentence, question) if _CONDITION_OPENS.search(sentence) else None


# "What are Russia's demands?", "What is the plan's timeline?": what a noun the question names is.
_ASKS_WHAT_NOUN_IS = re.compile(
    r"^\W*what\s+(?:is|are|was|were)\s+(?!(?:the\s+)?(?:kind|type|sort|name)\b)(?:[\w’'-]+\s+){1,4}?(?P<head>[a-z]{3,})\s*[?.!]*\s*$", re.I
)
# A count joined to the noun it counts: "15-year", "10-point".
_COUNT_COMPOUND = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)-[a-z]+"


def asked_noun(question: str) -> str | None:
    """The noun, singular, whose value a "What is X's <noun>?" question asks ("timeline" for "What
    is the Ukrainian plan's timeline?"), else None."""
    asked = _ASKS_WHAT_NOUN_IS.match(question)
    if asked is None:
        return None
    head = asked.group("head").lower()
    return head[:-1] if head.endswith("s") else head


def count_of_asked_noun(sentence: str, question: str) -> tuple[int, int] | None:
    """Offsets of the count compound before the noun a "What is X's <noun>?" question asks about
    ("15-year" in "envisions a 15-year timeline" for "What is the Ukrainian plan's timeline?")."""
    noun = asked_noun(question)
    found = re.search(rf"\b({_COUNT_COMPOUND})\s+{re.escape(noun)}s?\b", sentence, re.I) if noun else None
    if found is not None and found.group(1).lower() in question.lower():
        return None  # "What is the 15-year timeline?" already says "15-year": it asks what the timeline is for
    # "almost 44-million population": the hedge belongs to the count.
    return (hedge_before(sentence, found.start(1)), found.end(1)) if found is not None else None


# "How many people have fled Ukraine?": the question's subject does the verb right after its auxiliary.
_ASKS_COUNT_OF_DOERS = re.compile(
    # "According to the IAI text, how many refugees have fled …?": its source may come first.
    # "How many of Ukraine's people have fled …?": a part of a whole, too.
    r"^\W*(?:according\s+to\s+[^,?]+,\s*)?(?:(?:and|so)\s+)?how\s+(?:many|much)\s+"
    r"(?:of\s+(?:the\s+|its\s+|their\s+|(?-i:[A-Z])[\w’'-]*['’]s\s+)?)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+"
    # "How many people does the IAI commentary say have fled …?": its source may stand between.
    r"(?:(?:does|do|did)\s+[^?,]+?\s+(?:say|said|report|reported|estimate|estimated|write|wrote)\s+(?:that\s+)?)?"
    r"(?:have|has|had|were|was|are|is)\s+(?:already\s+|now\s+|actually\s+)?(?P<verb>(?-i:[a-z]{3,}))\b",
    re.IGNORECASE,
)
# How many words before the verb its count may stand ("over three million of which have already fled").
COUNT_VERB_WORDS = 6
_SEGMENT_BREAK = re.compile(r"[()\[\];:]|\s[—–]\s")


# "How big is Ukraine compared with France?": a measure of one thing against another.
_ASKS_COMPARED = re.compile(
    r"^\W*how\s+(?:[a-z]+)\s+(?:is|are|was|were)\s+[^?]+?\s+(?:compared\s+(?:with|to)|relative\s+to|next\s+to|against)\s+"
    r"(?:the\s+)?(?P<other>[\w’' -]+)",
    re.I,
)


def compared_with(sentence: str, question: str) -> tuple[int, int] | None:
    """For "How big is X compared with Y?", the offsets of the sentence's comparison with Y ("bigger
    than France" in "a country bigger than France"); None for other questions, or when it has none."""
    asked = _ASKS_COMPARED.match(question)
    if asked is None:
        return _size_compared(sentence, question)
    # As much of the other's name as the sentence gives: "the old port", or "France".
    words = [re.escape(w) for w in asked.group("other").split()[:4]]
    other = words[0] + "".join(rf"(?:\s+{w}" for w in words[1:]) + ")?" * (len(words) - 1)
    found = re.search(rf"\b(?:(?:(?:more|less)\s+[a-z]+|[a-z]+er)\s+than|(?:twice|three\s+times|half)\s+(?:as\s+[a-z]+\s+as|the\s+size\s+of))"
                      rf"\s+(?:the\s+)?{other}\b", sentence, re.I)
    return (found.start(), found.end()) if found is not None else None


# "How big is the country …?": its comparative ("bigger", "larger") and a name after "than".
_ASKS_SIZE = re.compile(r"^\W*(?:and\s+)?how\s+(?P<adjective>big|large|small|long|old|wide|high|tall|deep|rich|poor)\s+(?:is|are|was|were)\b", re.I)
# What follows a number: the words it measures ("44-million population").
_MEASURED = re.compile(r"\d[\d,.]*(?:-?(?:million|billion|thousand))?\b([^.;:]{0,40})")
_COMPARATIVES = {"big": "bigger", "large": "larger", "small": "smaller", "long": "longer", "old": "older", "wide": "wider",
                 "high": "higher", "tall": "taller", "deep": "deeper", "rich": "richer", "poor": "poorer"}


def _size_compared(sentence: str, question: str) -> tuple[int, int] | None:
    """For "How big is X?" answered by a comparison with a name and no number of X, the offsets of the comparison
    ("bigger than France" in "a country bigger than France and whose …"); None otherwise."""
    asked = _ASKS_SIZE.match(question)
    if asked is None:
        return None
    asked_words = {w.lower() for w in _WORD.findall(question[asked.end() :])} - QUERY_STOPWORDS
    if any(asked_words & {w.lower() for w in _WORD.findall(after)[:2]} for after in _MEASURED.findall(sentence)):
        return None  # "How big is Ukraine's population?": "almost 44-million population" measures it
    comparative = _COMPARATIVES[asked.group("adjective").lower()]
    found = re.search(rf"\b{comparative}\s+than\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", sentence)
    return (found.start(), found.end()) if found is not None else None


# Verbs that say the same of those a count counts, in every form: "How many refugees have left
# Ukraine?" is asked of "over three million of which have already fled the country".
_DOERS_VERBS: tuple[frozenset[str], ...] = (
    frozenset("leave leaves left leaving flee flees fled fleeing escape escapes escaped escaping".split()),
    frozenset("die dies died dying perish perishes perished killed".split()),
)


def count_of_verb(sentence: str, question: str) -> tuple[int, int] | None:
    """Offsets of the count nearest before the verb a "How many <people> have <verb>?" question asks
    about, in the same bracket or clause ("over three million" in "up to ten million people (over three
    million of which have already fled the country)" for "How many people have fled Ukraine?"). None
    unless the sentence gives more than one count: one count is the reader's to read."""
    asked = _ASKS_COUNT_OF_DOERS.match(question)
    if asked is None or asked.group("verb") in _BE_FORMS | QUERY_STOPWORDS:
        return None
    # Not the "08" of "3:08" or the "5" of "2.5".
    counts = [m for m in _LEADING_COUNT.finditer(sentence)
              if m.start() == 0 or not (sentence[m.start() - 1].isalnum() or sentence[m.start() - 1] in ":.,/")]
    if len(counts) < 2:
        return None
    verb = asked.group("verb").lower()
    stand_ins = next((words for words in _DOERS_VERBS if verb in words), ())
    forms = re.compile(rf"\b(?:{'|'.join([_verb_forms(_verb_stem(verb), verb), *(re.escape(w) for w in stand_ins)])})\b", re.I)
    for said in forms.finditer(sentence):
        before = [m for m in counts if m.end() <= said.start()]
        if not before:
            continue
        nearest = before[-1]
        between = sentence[nearest.end() : said.start()]
        if len(between.split()) <= COUNT_VERB_WORDS and not _SEGMENT_BREAK.search(between):
            return nearest.start(), nearest.end()
    return None


# "Where did Zelensky speak in the United States?": the place the sentence gives after the subject's
# verb ("to have Zelensky speak at the US Congress"), named in capitals.
_ASKS_WHERE_DONE = re.compile(
    r"^\W*(?i:where)\s+(?i:did|does|do|will|would|could|can|has|have|had|was|is|were|are)\s+"
    r"(?P<subject>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+"
    # "Where was Zelensky invited to speak?": the verb after what he was invited to do.
    r"(?:(?:invited|asked|allowed|permitted|expected|due|set|scheduled|supposed|going|able)\s+to\s+)?"
    r"(?P<verb>[a-z]{3,})\b"
)
_PLACE_AFTER = r"\s+(?:at|in|on|to|inside|before)\s+(?P<place>(?-i:(?:the\s+)?[A-Z][\w’'.–-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.–-]*)*))"
# How far before its verb the question's subject may stand ("have Zelensky speak").
PLACE_SUBJECT_GAP = 3


def place_of_verb(sentence: str, question: str) -> tuple[int, int] | None:
    """Offsets of the capitalised place the sentence gives right after the verb a "Where did X
    <verb> …?" question asks about, with X a few words before the verb ("Zelensky speak at the US
    Congress" -> "the US Congress"); None when it gives none, or only a place the question names."""
    asked = _ASKS_WHERE_DONE.match(question)
    if asked is None:
        return None
    verb = asked.group("verb")
    stem = _e_stem(verb)
    forms = rf"(?:{re.escape(stem)}{re.escape(stem[-1])}?(?:e|es|ed|d|s|ing)?|{'|'.join(map(re.escape, other_forms(verb))) or '(?!)'})"
    subject = re.escape(asked.group("subject").split()[-1])
    found = re.search(rf"\b{subject}\w*(?:\s+[\w’'-]+){{0,{PLACE_SUBJECT_GAP}}}?\s+{forms}{_PLACE_AFTER}", sentence, re.I)
    if found is None:
        return None
    asked_words = {w.lower() for w in _WORD.findall(question)}
    if {w.lower() for w in _WORD.findall(found.group("place"))} - {"the", "of"} <= asked_words:
        return None
    return found.span("place")


# "What happened to the ruble?", "What does the opinion piece say has happened to the ruble?": what befell a thing.
_ASKS_HAPPENED_TO = re.compile(r"\bhappened\s+to\s+(?:the\s+|its\s+|their\s+)?(?P<thing>[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s*[?.!]*\s*$", re.I)


def happened_to(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What happened to the ruble?", the offsets of what the sentence says of the thing after its
    name: "after plummeting earlier this year, is rebounding" in "Already, the ruble, after plummeting
    earlier this year, is rebounding."; a parenthetical between commas with it. None for other
    questions, or when the thing's last word is not followed by "is", "has been", … or a past verb."""
    asked = _ASKS_HAPPENED_TO.search(question)
    if asked is None:
        return None
    head = asked.group("thing").split()[-1]
    found = re.search(
        # A past verb alone ends its clause ("its military operation stalled, in part …"); before more
        # words it may describe the thing ("weapons based there").
        rf"\b{re.escape(head)}s?\b(?P<aside>,\s+[^,;:.]+?,)?\s+(?P<said>(?:is|are|was|were|has|have|had)\s+(?:been\s+)?(?:[a-z]+ly\s+)?"
        r"[a-z]{3,}(?:ing|ed|en)\b[^,;:.()—–]*|[a-z]{3,}ed(?=\s*[,;:.]|\s*$|\s+(?:and|but|after|before|when|because|as)\b))",
        sentence, re.I)
    if found is None:
        return None
    start = found.start("aside") + 1 if found.group("aside") else found.start("said")
    start += len(sentence[start:]) - len(sentence[start:].lstrip())
    return start, found.end("said")


# "And what happened instead?", "What did it turn into instead?": the outcome that took the place of
# what was said before, which a sentence gives as what something became.
ASKS_INSTEAD = re.compile(r"^\W*(?:(?:and|but|so)\s+)?what\s+(?:[\w’'-]+\s+){0,4}?instead\s*[?.!]*\s*$", re.I)
# What something became: "has morphed into", "gave way to", "became".
_BECOMING = r"morphed\s+into|turned\s+into|gave\s+way\s+to|became|has\s+become"
SAYS_INSTEAD = re.compile(rf"\b(?:instead\s+of|rather\s+than|{_BECOMING})\b", re.I)
# Where what it became begins, in those words or a few more ("changed into", "grew into").
_BECAME = re.compile(rf"\b(?:{_BECOMING}|(?:changed|developed|grown|grew)\s+into)\s+", re.I)


def became_instead(sentence: str, question: str) -> tuple[int, int] | None:
    """For "And what happened instead?", the offsets of what the sentence says something became ("a
    slow and ever more brutal three-front campaign" after "has morphed into"); None otherwise."""
    if not ASKS_INSTEAD.match(question):
        return None
    found = _BECAME.search(sentence)
    return phrase_until(sentence, found.end(), OBJECT_END, OBJECT_WORDS, strip=" ,.") if found else None


# "Where are the LNR and DNR?", "Where is Mariupol located?": where a named thing is, which a sentence
# gives after the name, past the rest of the name and its bracketed short form ("… Luhansk and Donetsk
# People’s Republics (LNR and DNR) in the Donbas").
_ASKS_WHERE_NAME = re.compile(
    r"^\W*(?i:where)\s+(?i:is|are|was|were)\s+(?:(?i:the)\s+)?"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+(?:and\s+|of\s+)?(?:the\s+)?[A-Z][\w’'.-]*){0,4})"
    r"(?:\s+(?i:located|based|situated|found))?\s*[?.!]*\s*$"
)
# What may stand between the name and its place: more of the name, "and" another, a bracketed short form.
_REST_OF_NAME = r"(?:\s+(?:and\s+|of\s+)?[A-Z][\w’'-]*|\s*\([^()]{1,40}\))*\)?"
_NAME_PLACE = r"\s+(?:in|near|at|on)\s+(?P<place>(?:the\s+)?[A-Z][\w’'–-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'–-]*)*)"


def place_of_name(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Where is/are <name>?", the offsets of the capitalised place the sentence gives right after
    a word of that name ("the Donbas" in "… (LNR and DNR) in the Donbas"); None for other questions,
    or when the sentence gives no such place, or only one the question names."""
    asked = _ASKS_WHERE_NAME.match(question)
    if asked is None:
        return None
    words = [w for w in _WORD.findall(asked.group("name")) if w[0].isupper() and w.lower() not in QUERY_STOPWORDS]
    if not words:
        return None
    named = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    asked_words = {w.lower() for w in _WORD.findall(question)}
    for found in re.finditer(rf"\b(?:{named})(?:[’']s)?\b{_REST_OF_NAME}{_NAME_PLACE}", sentence):
        if {w.lower() for w in _WORD.findall(found.group("place"))} - {"the", "of"} - asked_words:
            return found.span("place")
    return None


# "Where is the NATO goal written down?": where a text sets something down, which a sentence gives
# after "enshrined in" or "written into" ("a goal enshrined in Ukraine’s constitution").
_WRITTEN = r"(?:written(?:\s+down)?|enshrined|laid\s+down|set\s+(?:down|out)|codified|anchored|inscribed|spelt\s+out|spelled\s+out)"
_ASKS_WHERE_WRITTEN = re.compile(rf"^\W*(?:(?:and|so)\s+)?where\b.*\b{_WRITTEN}\b", re.I)
_WRITTEN_IN = re.compile(rf"\b{_WRITTEN}\s+(?:in|into|within)\s+", re.I)


def place_written(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Where is X written down / enshrined?", the offsets of the text the sentence says it is
    set down in ("Ukraine’s constitution" in "a goal enshrined in Ukraine’s constitution"); None for
    other questions or sentences."""
    if not _ASKS_WHERE_WRITTEN.match(question):
        return None
    found = _WRITTEN_IN.search(sentence)
    return phrase_until(sentence, found.end(), OBJECT_END, OBJECT_WORDS) if found else None


# "Who adopted the draconian sanctions regime?", "What impacts the sustainability of the invasion?":
# the wh-word is the subject of a verb in the past or the present, which the sentence may give in the
# passive ("… regime on Russia adopted by the United States, the EU and their partners").
_ASKS_AGENT = re.compile(
    # "Who would have to approve a neutrality agreement?", "Who must sign it?"
    r"^\W*(?i:who|what)\s+(?:(?:would|will|must|should|could|can|may|might)\s+(?:(?:have|need)\s+to\s+)?(?P<bare>[a-z]{3,})"
    # "Who does Zelensky want to approve a neutrality deal?"
    r"|(?:does|do|did)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?\s+(?:want|expect|need|ask|require|intend)\s+to\s+(?P<wanted>[a-z]{3,})"
    r"|(?P<verb>[a-z]{3,}?)(?:ed|d|es|s))\s+(?P<object>[^?]+)",
    re.I,
)
# Where the agent ends: a clause mark, a dash, a footnote marker, the sentence's end or another "… by".
_AGENT_END = re.compile(
    r"[;:()]|\s[—–]\s|[⁰¹²³⁴⁵⁶⁷⁸⁹]|[.!?]?\s*$|\s+[a-z]+ed\s+by\b|,\s+(?:which|who|that|while|but|because|a|an)\b"
    r"|,\s+[a-z]+(?:ing|ed)\b|\s+and\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b|\s+(?:himself|herself|itself|themselves)\b"
)
AGENT_WORDS = 16
# How near before the passive verb a word of the question's object must stand.
AGENT_OBJECT_GAP = 8


def passive_agent(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Who adopted X?" or "What impacts X?", the offsets of who or what the sentence says does
    it in the passive, after "by" ("the United States, the EU and their partners" in "… sanctions
    regime on Russia adopted by the United States, the EU and their partners"); None for other
    questions, when the sentence has no such passive after a word of X, or the agent is long."""
    asked = _ASKS_AGENT.match(question)
    if asked is None:
        return None
    stem = (asked.group("verb") or asked.group("bare") or asked.group("wanted")).lower()
    stem = _e_stem(stem)
    objects = {w.lower()[:NAME_STEM] for w in _WORD.findall(asked.group("object"))} - {w[:NAME_STEM] for w in QUERY_STOPWORDS}
    # "… ratified in the parliaments of Ukraine and …": a legislature the passive is done in is its agent.
    # "ratify": "ratified".
    past = rf"{re.escape(stem[:-1])}ied" if stem.endswith("y") else rf"{re.escape(stem)}{re.escape(stem[-1])}?e?d"
    for passive in re.finditer(rf"\b{past}\s+(?:by|in(?=\s+(?:the\s+)?(?:parliaments?|"
                               r"legislatures?|assembl(?:y|ies)|congress|senate)\b))\s+", sentence, re.I):
        words = _WORD.findall(sentence[: passive.start()])
        before = {w.lower()[:NAME_STEM] for w in words[-AGENT_OBJECT_GAP:]}
        # The last of a list of steps ("approved by …, added as …, and ratified in …") is done to what
        # the list's subject names, however far before it.
        if re.search(r",\s+and\s+$", sentence[: passive.start()]):
            before |= {w.lower()[:NAME_STEM] for w in words}
        if not objects or not objects & before:
            continue
        found = phrase_until(sentence, passive.end(), _AGENT_END, AGENT_WORDS, " ,.")
        if found is not None:
            return found
    return None


def gives_asked_ordinal(sentence: str, question: str) -> bool:
    """True when a question asks which one of a series ("Which week of the war …?") and the sentence
    gives one ordinal of that noun ("its fifth week")."""
    return _ordinal_of_noun(sentence, question) is not None


def _ordinal_of_noun(sentence: str, question: str) -> re.Match[str] | None:
    """The sentence's one ordinal with the series' noun a question asks which one of ("Which week
    …?") or how many of ("How many weeks …?"): "fifth week" in "… its fifth week"; else None."""
    asked = _ASKS_ORDINAL.match(question) or _ASKS_HOW_MANY_OF_SERIES.match(question)
    if asked is None or len(_ORDINAL_WORD.findall(sentence)) != 1:
        return None
    noun = re.sub(r"(?:ies|s)$", "", asked.group(0).split()[-1].lower())
    # "How many rounds …?" of "the sides met for a sixth time": "time" counts any series (not which
    # one: "Which week …?"), but "for the first time" says something was new, not how many there were.
    times = r"|(?<!first\s)time" if _ASKS_HOW_MANY_OF_SERIES.match(question) else ""
    return re.search(rf"{_ORDINAL_WORD.pattern}\s+(?:[a-z]+\s+)?(?:{re.escape(noun)}(?:s|y|ies)?{times})\b", sentence, re.I)


# "How long has the war been going on?", "How long had the war lasted …?": how long something has gone on.
_ASKS_DURATION_SO_FAR = re.compile(
    r"^\W*(?:(?:and|so)\s+)?how\s+long\s+(?:has|had|have)\s+(?:the\s+)?(?P<thing>[a-z][\w-]*)\s+"
    r"(?:been\s+(?:going\s+on|under\s+way|underway|raging|running|fought|waged)|lasted|gone\s+on|run)\b",
    re.I,
)
# A stretch of time said by its place in a series or by a count: "its fifth week", "three months", "a year".
_STRETCH_SAID = re.compile(
    rf"(?:{_ORDINAL_WORD.pattern}|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+))\s+"
    r"(?:days?|weeks?|months?|years?)\b",
    re.I,
)


def gives_asked_duration(sentence: str, question: str) -> bool:
    """True when a question asks how long something has gone on ("How long had the war been going on
    when Alcaro wrote?") and the sentence names that thing with a stretch of time ("Vladimir Putin's
    imperialist war of conquest in Ukraine is about to enter its fifth week")."""
    asked = _ASKS_DURATION_SO_FAR.match(question)
    if asked is None:
        return False
    thing = asked.group("thing").lower()
    return re.search(rf"\b{re.escape(thing)}s?\b", sentence, re.I) is not None and _STRETCH_SAID.search(sentence) is not None


def stretch_so_far(sentence: str, question: str) -> tuple[int, int] | None:
    """For "How long had the war lasted …?", the offsets of the stretch of time the sentence gives the
    thing ("fifth week" of "… is about to enter its fifth week"); None when `gives_asked_duration` is false."""
    if not gives_asked_duration(sentence, question):
        return None
    stretch = _STRETCH_SAID.search(sentence)
    return stretch.span() if stretch is not None else None


# A count of those before something: "How many rounds were there before it?".
_BEFORE_IT = re.compile(r"\b(?:before|prior\s+to|ahead\s+of|preceding|earlier\s+than)\b", re.I)


def asks_count_before(question: str) -> bool:
    """True when the question counts what came before something ("… before it?", "… prior to Istanbul?")."""
    return _BEFORE_IT.search(question) is not None


def ordinal_counts_before(text: str, question: str) -> bool:
    """True when the text is an ordinal ("a sixth time", "fifth") and the question counts what came
    before something (`asks_count_before`): the ordinal names the one after them, not their count."""
    determiner = re.match(r"(?:(?:a|an|the|its|their)\s+)?", text, re.I)
    return asks_count_before(question) and _ORDINAL_WORD.match(text, determiner.end()) is not None


def ordinal_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """For a question asking which round, session, edition … of a series, the offsets of the one
    ordinal the sentence gives ("sixth" in "the sides met for a sixth time"); None for other
    questions, or when the sentence gives none or several."""
    if _ASKS_HOW_MANY_OF_SERIES.match(question):
        if asks_count_before(question):
            # "How many rounds were there before it?": the ordinal of the one after them counts them in no word.
            return None
        # "How many weeks …?": "fifth week", not "fifth", which would count the wrong thing.
        of_noun = _ordinal_of_noun(sentence, question)
        return of_noun.span() if of_noun is not None else None
    if not _ASKS_ORDINAL.match(question):
        return None
    found = list(_ORDINAL_WORD.finditer(sentence))
    return found[0].span() if len(found) == 1 else None


# "What did Russia insist on for energy payments?": the wh-word is the object of the verb (or of
# the preposition left at its end), which no other word of the question fills: a preposition
# phrase or the question's end follows the verb.
_PREPOSITIONS = r"on|to|for|about|with|from|against|of|at|into|in|by|under|during|after|before"
# The particle of a phrasal verb: "push back on", "carry out", "give up".
_PARTICLES = r"back|out|up|down|off|away|over"
# "What did the Budapest memorandum seek to provide?": the verb after an aim is the one asked about.
# "Which weapons has Poland sent?" asks for the object too, of the kind it names (a plural, not a time).
_AIMS = "seek|want|hope|try|plan|aim|intend|mean|expect|fail|refuse|decide|agree|promise|pledge|vow|commit|threaten|manage|have|need"
# An adverb may stand before the verb: "What did Russia recently insist on …?".
_WANTS_TO = (rf"(?:(?:recently|already|still|also|now|just|actually|really|eventually|finally|quickly|reportedly|"
             rf"apparently|officially|publicly|formally)\s+)?(?:(?:{_AIMS})\s+(?:not\s+)?to\s+)?")
# The verb of aim a question puts before the verb asked about: "refuse" in "… refuse to recognise?".
_AIM_IN_QUESTION = re.compile(rf"\b({_AIMS})\s+(?:not\s+)?to\s+[a-z]+", re.I)
# "What" or "which" with a plural it asks for, not a time ("Which weapons …?", not "Which years …?").
_PLURAL_THING = r"(?!(?:years|days|months|weeks|dates|times|hours|decades|centuries)\b)[a-z]{3,}(?<![su])s"
_WH_KIND = rf"(?:what|which)(?:\s+{_PLURAL_THING})?"
# An object named before the question's closing preposition ("accusing the Ukrainians of?").
_OBJECT_BEFORE_PREP = (
    r"(?:\s+(?P<object>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}|him|her|them|us|it)(?=\s+(?:"
    + _PREPOSITIONS + r")\s*[?.!]*\s*$))?"
)
_ASKS_OBJECT = re.compile(
    rf"^\s*(?i:(?:and|but|so)\s+)?(?i:{_WH_KIND}"
    r"\s+(?:(?:did|does|do|has|have|had|will|would|could|might|may|must|should|can)(?:n[’']t)?|won[’']t|can[’']t))\s+"
    # "What has the failed Blitzkrieg turned into?": after "the", a participle may qualify the name (not
    # "extra" of "What will the extra US weapons … include?", where the name qualifies the subject).
    # Two names joined: "What could the US and NATO threaten Russia with?".
    # So after a possessive: "What has Russia's failed Blitzkrieg turned into?".
    r"(?P<subject>(?:the\s+(?:[a-z][\w-]*(?:ed|en)\s+)?)?[A-Z][\w’'.-]*(?:(?<=[’']s)\s+[a-z][\w-]*(?:ed|en)(?=\s+[A-Z]))?"
    r"(?:\s+[A-Z][\w’'.-]*){0,2}"
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})?"
    r"(?:\s+[a-z]+(?=\s+(?:seek|want|hope|try|plan|aim|intend|mean|expect)\s+to\b))?|he|she|it|they)(?<![’']s)\s+"
    rf"(?:not\s+|never\s+)?{_WANTS_TO}(?P<verb>[a-z]{{3,}})(?:\s+(?P<particle>{_PARTICLES}))?"
    # "What does Ukraine need more of?": how much is no object.
    r"(?:\s+(?P<more>more|less)(?=\s+of\b))?"
    + _OBJECT_BEFORE_PREP +
    rf"(?:\s+(?P<prep>{_PREPOSITIONS}))?"
    # "What might Russia hit that would pull NATO into the war?": a relative clause on what is asked.
    r"(?=\s+(?:" + _PREPOSITIONS + r")\b|\s*,\s*according\s+to\b|\s*[?.!]*\s*$|\s+(?:that|which)\s+(?:would|could|might|will|may|can|should)\b)"
)
# "What do full blocking sanctions prohibit?", "What does the Russian constitution preclude,
# according to Peskov?": a subject in lower case, of up to three words, and the verb last. Only
# after "do", "does", "did", "would" or "will": after "can" or "has" the words are a passive or a
# perfect ("What can be combined with …?"). "Which weapons did European countries send?" too, as
# with a named subject. Not "include" or "contain": a list answers those. Nor a
# plural after the auxiliary, which is a noun: in "What might ostracise non-Western countries?" the
# wh-word is the subject (it had bolded "are unwilling", after "countries that"). Nor a subject that
# ends in a possessive: in "Which countries could guarantee Ukraine's security?" the wh-phrase is
# the subject and "guarantee" the verb (it had bolded "guarantees alternative to NATO membership").
_NOT_SUBJECT_WORD = rf"(?!(?:{_PREPOSITIONS}|be|been|being|is|are|was|were|the|a|an|its|their|his|her|this|that|these|those)\b)"
_ASKS_OBJECT_OF_PHRASE = re.compile(
    rf"^\s*(?i:(?:and|but|so)\s+)?(?i:{_WH_KIND}"
    r"\s+(?:did|does|do|would|will|should|could|can|must|might|may))\s+"
    rf"(?P<subject>(?:(?:the|a|an|its|their|his|her)\s+)?(?:{_NOT_SUBJECT_WORD}[\w’'-]+\s+){{0,3}}?{_NOT_SUBJECT_WORD}[\w’'-]+)(?<![’']s)\s+(?:not\s+)?"
    # A particle may follow: "What should the allies ratchet up?"
    rf"{_WANTS_TO}(?P<verb>(?!(?:include|includes|contain|contains|mean|means|be|have)\b)(?![a-z]*[^\Wsu]s\b)[a-z]{{3,}})(?:\s+(?P<particle>{_PARTICLES}))?"
    rf"(?:\s+(?P<prep>{_PREPOSITIONS}))?(?=\s*(?:,\s*according\s+to\b.*)?[?.!]*\s*$)"
)


# "What is Poland phasing out by the end of the year?": the verb in its -ing form. Both forms may
# name an object before a closing preposition: "What did Russia accuse Ukraine of?".
# "What is Ukraine willing to give up?": the verb after an adjective of readiness, not "willing".
_READY_TO = r"(?:willing|unwilling|ready|prepared|able|unable|eager|set|likely|unlikely)\s+to\s+"
_ASKS_OBJECT_READY = re.compile(
    r"^\s*(?i:(?:and|but|so)\s+)?(?i:what\s+(?:is|are|was|were))\s+"
    r"(?P<subject>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}|he|she|it|they)\s+(?:not\s+)?"
    rf"{_READY_TO}(?P<verb>[a-z]{{3,}})(?:\s+(?P<particle>{_PARTICLES}))?"
    + _OBJECT_BEFORE_PREP +
    rf"(?:\s+(?P<prep>{_PREPOSITIONS}))?"
    r"(?=\s+(?:" + _PREPOSITIONS + r")\b|\s*,\s*according\s+to\b|\s*[?.!]*\s*$)"
)
_ASKS_OBJECT_PROGRESSIVE = re.compile(
    r"^\s*(?i:(?:and|but|so)\s+)?(?i:what\s+(?:is|are|was|were))\s+"
    r"(?P<subject>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}|he|she|it|they)\s+"
    # "What is Russia trying to buy with the plan?": the verb after one of aim.
    r"(?:(?P<aim>trying|seeking|hoping|planning|aiming|intending|wanting|looking|preparing|threatening|refusing)\s+(?:not\s+)?to\s+)?"
    rf"(?!{_READY_TO})(?P<verb>(?(aim)[a-z]{{2,}}|[a-z]{{2,}}ing))(?:\s+(?P<particle>{_PARTICLES}))?"
    + _OBJECT_BEFORE_PREP +
    rf"(?:\s+(?P<prep>{_PREPOSITIONS}))?"
    r"(?=\s+(?:" + _PREPOSITIONS + r")\b|\s*,\s*according\s+to\b|\s*[?.!]*\s*$)"
)


def _asks_object(question: str) -> re.Match[str] | None:
    """The question's subject and verb (with its particle and preposition) when it asks for the verb's
    object; a follow-up's opening "And" or "But" aside."""
    return (_ASKS_OBJECT.match(question) or _ASKS_OBJECT_OF_PHRASE.match(question) or _ASKS_OBJECT_READY.match(question)
            or _ASKS_OBJECT_PROGRESSIVE.match(question))


# "Which weapons …?": things of a kind (a plural), not a time ("Which years …?").
_WHICH_THINGS = re.compile(rf"^\W*(?:which|what)\s+{_PLURAL_THING}\b", re.I)
# An amount of money or a figure opening a phrase: "more than $2 billion", "$800 million", "10 percent".
_AMOUNT_OPENS = re.compile(r"(?:(?:more|less|fewer)\s+than\s+|about\s+|around\s+|over\s+|nearly\s+|almost\s+|some\s+)?[$€£\d]", re.I)
# What the object is when it only points back ("pushed back on that idea"): said in an earlier sentence.
_POINTER_OBJECT = re.compile(r"(?:this|that|these|those|such)\b(?:\s+[a-z][\w-]*){0,2}\s*(?:[,;:.!?]|$)", re.I)
# Where the object ends: a clause mark, a bracket, a dash, a footnote marker (and the full stop
# before it) or the sentence's end.
OBJECT_END = re.compile(CLAUSE_COMMA + r"|[;:(]|\s[—–]\s|[.!?]?[⁰¹²³⁴⁵⁶⁷⁸⁹]|[.!?]?\s*$")
OBJECT_WORDS = 12


# What a sentence singles out of what it has just named: "concessions …, especially agreeing to …".
_ESPECIALLY = re.compile(r",\s+(?:especially|notably|particularly|above\s+all)\s+", re.I)
# How many words before "especially" may name what the question asks with another form of its word.
SINGLED_REACH = 14


def singled_out(sentence: str, question: str) -> tuple[int, int] | None:
    """For a what-question, the offsets of what the sentence singles out with "especially" of
    something it names by a word of the question's (its first five letters: "concede" /
    "concessions"): "agreeing to not pursue NATO membership" in "… open to concessions that it was not
    willing to make before the war, especially agreeing to not pursue NATO membership, …" for "What
    is Kyiv now willing to concede?"; None for other questions or sentences."""
    if not _ASKS_WHAT.match(question):
        return None
    asked = {w.lower()[:5] for w in _WORD.findall(question) if len(w) > 4 and w.lower() not in QUERY_STOPWORDS}
    for found in _ESPECIALLY.finditer(sentence):
        before = {w.lower()[:5] for w in _WORD.findall(sentence[: found.start()])[-SINGLED_REACH:]}
        span = phrase_until(sentence, found.end(), OBJECT_END, OBJECT_WORDS) if asked & before else None
        # Not what the question names itself: "What does Ukraine need besides air defense systems?"
        if span is not None and not {w.lower()[:5] for w in _WORD.findall(sentence[span[0] : span[1]]) if len(w) > 3} & asked:
            return span
    return None


# "What did the sanctions target so far?": what a measure is aimed at.
_ASKS_TARGET = re.compile(
    r"^\W*what\s+(?:did|do|does|have|has|had|will|would)\s+(?:the\s+)?(?:[a-z]+\s+)?(?P<noun>[a-z]{4,})\s+"
    r"(?:target|targeted|hit|cover|covered|aim\s+at|aimed\s+at|apply\s+to|applied\s+to)\b", re.I
)
# Where what a measure is on ends: a verb after it ("… on Russian companies and wealthy elites are significant").
_TARGET_ENDS = re.compile(OBJECT_END.pattern + r"|\s(?:are|is|were|was|have|has|had|will|would|could|can|may|might)\b")


def target_of(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What did the sanctions target?", the offsets of what the sentence says the measure is on
    or against ("Russian companies and wealthy elites" in "The existing sanctions on Russian companies
    and wealthy elites are significant"); None for other questions or sentences."""
    asked = _ASKS_TARGET.match(question)
    if asked is None:
        return None
    noun = asked.group("noun")
    found = re.search(rf"\b{re.escape(noun)}\s+(?:on|against|targeting)\s+", sentence, re.I)
    return phrase_until(sentence, found.end(), _TARGET_ENDS, OBJECT_WORDS) if found else None


# An infinitive of purpose after an object: "to" and a word in lower case that opens no noun phrase.
_PURPOSE = re.compile(
    r"\s+(?:in\s+order\s+)?to\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|all|some|any|each|every|"
    r"more|other|such|our|your|my|one|two|three|both|many|most|several)\b)[a-z]+\b"
)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;]*,")
_BE_FORMS = frozenset("be is are was were been being".split())
# How far before the verb the question's subject may stand ("Russia recently insisted on").
SUBJECT_WORDS = 8
# How far into the sentence a subject that its later verbs share may stand.
OPENING_SUBJECT_WORDS = 3


# A word before a noun, never before a verb: "more demand", "the promise", "its push" (a noun
# before "of" may be the one word a document writes for a phrasal verb: "a withdrawal of its troops").
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|more|less|much|its|their|his|her|our|no|any|some|such)\s+$", re.I)


# Verbs of turning something down as a question asks them, and how a sentence may say so.
_REJECTING = frozenset("reject rejected oppose opposed dismiss dismissed rebuff rebuffed refuse refused".split())
_REJECTED_SAID = r"push(?:ed|es)?\s+back\s+(?:on|against)|turn(?:ed|s)?\s+down|reject(?:ed|s)?|dismiss(?:ed|es)?|rebuff(?:ed|s)?|oppos(?:ed|es)"


def _asked_verb(asked: re.Match[str]) -> tuple[str, str]:
    """The asked verb's base form and stem: ("phase", "phas") of "What is Poland phasing out?"."""
    verb = asked.group("verb").lower()
    if verb.endswith("ing") and _ASKS_OBJECT_PROGRESSIVE.match(asked.string):
        # "phasing": "phase", "phased"; "running": "run" (its last letter doubled, as forms allow).
        verb = verb[:-3][:-1] if len(verb) > 5 and verb[-4] == verb[-5] else verb[:-3]
    return verb, _e_stem(verb)


def _object_start(sentence: str, asked: re.Match[str]) -> re.Match[str] | None:
    """Where the sentence's form of the asked verb (and the question's preposition) ends, before its object."""
    particle, prep = asked.group("particle"), asked.group("prep")
    verb, stem = _asked_verb(asked)
    # "accused the Ukrainians of" for "What are the Russians accusing the Ukrainians of?": the
    # sentence may name the object its own way ("Ukraine" for "the Ukrainians").
    between = r"(?:\s+[\w’'.-]+){1,4}?" if asked.groupdict().get("object") else ""
    # "show — rather than say — that it’s serious …": an aside between dashes may stand before the object.
    aside = r"(?:\s+[—–]\s+[^—–.]{1,40}?\s+[—–])?"
    after = (rf"\s+{particle}" if particle else "") + between + aside + (rf"\s+{prep}" if prep else r"(?:\s+that)?")
    if asked.groupdict().get("more"):
        # "Ukraine needs much more, especially air defense systems …" for "What does Ukraine need more of?".
        after = rf"(?:\s+(?:much|far|even|many|a\s+lot))?\s+{asked.group('more')}\b(?:,?\s+(?:of|especially|notably|particularly|including))?"
    found = re.search(rf"\b{_verb_forms(stem, verb)}{after}\s+(?=[\w$€£“\"'])", sentence, re.I)
    said_so = _PHRASAL_SAID_SO.get((verb, (particle or "").lower()), ()) or (() if particle else _SAME_VERB.get(verb, ()))
    if found is None and said_so and not prep and not between:
        # "What did Ukraine give up?" against "Ukraine’s surrender of Soviet nuclear weapons": the one
        # word the documents use for the phrasal verb, as a verb or as a noun before "of".
        words = "|".join(rf"{re.escape(_e_stem(w))}\w*" for w in said_so)
        found = re.search(rf"\b(?:{words})(?:\s+of|(?:\s+that)?)\s+(?=[\w$€£“\"'])", sentence, re.I)
    if found is None and stem == "lack" and not prep and not particle:
        # "What did civilians still lack?" of "… civilians … still did not have access to secure
        # humanitarian corridors": to lack is not to have.
        found = re.search(r"\b(?:(?:did|do|does)\s+not|didn[’']t|don[’']t|doesn[’']t)\s+have\s+(?=[\w$€£“\"'])", sentence, re.I)
    if found is None and not prep and not particle and verb in _REJECTING:
        # "What did Peskov reject?" of "… Dmitry Peskov pushed back on that idea": a verb of turning
        # something down, in whichever words.
        found = re.search(rf"\b(?:{_REJECTED_SAID})\s+(?=[\w$€£“\"'])", sentence, re.I)
    if found is None and (prep or "").lower() == "into" and verb.startswith(_BECOME_INTO):
        # "What has Russia's Blitzkrieg turned into?" of "… *Blitzkrieg* has morphed into a slow and
        # ever more brutal three-front campaign": a verb of becoming, in whichever word.
        # The subject's head noun must stand right before it: not "What did Ukraine turn into?" of
        # "… awe Ukraine into submission has morphed into …".
        head = re.escape(asked.group("subject").split()[-1][:NAME_STEM])
        becoming = re.compile(rf"\b(?:{'|'.join(_BECOME_INTO)})\w*\s+into\s+(?=[\w$€£“\"'])", re.I)
        after_head = re.search(rf"\b{head}[\w’'*_]*\s+(?:(?:has|have|had|is|was|has\s+been|had\s+been)\s+)?(?={becoming.pattern})",
                               sentence, re.I)
        found = becoming.match(sentence, after_head.end()) if after_head else None
    return found


# Verbs of becoming something else, with "into" (their stems): "turned into", "morphed into".
_BECOME_INTO = ("turn", "morph", "evolv", "transform", "develop", "chang", "mutat", "grow", "grew", "descend", "degenerat")


def object_given(sentence: str, question: str) -> bool | None:
    """Whether the sentence gives an object to the verb a "what" question asks the object of: True
    when words follow its form of the verb, False when the verb (with its particle) ends its clause
    ("For now, the Ukrainian leadership is refusing to give up." for "What won't Ukraine give up?"),
    None when the question asks no object or the sentence lacks the verb."""
    asked = _asks_object(question)
    if asked is None:
        return None
    if _object_start(sentence, asked) is not None:
        return True
    verb, stem = _asked_verb(asked)
    particle, prep = asked.group("particle"), asked.group("prep")
    ending = (rf"\s+{particle}" if particle else "") + (rf"\s+{prep}" if prep else "") + r"\s*(?:[.!?;:]|$)"
    # Only after "to" or an auxiliary, where the word is a verb: not the noun of "… advancing
    # "unrealistic" demands." for "What does Ukraine demand …?".
    verb_before = r"\b(?:to|not|will|would|can|could|shall|should|may|might|must|do|does|did)\s+"
    return False if re.search(rf"{verb_before}{_verb_forms(stem, verb)}{ending}", sentence, re.I) else None


def _e_stem(word: str) -> str:
    """The word without a closing "e", which its other forms drop ("publish", "surrender", "rul" of "rule")."""
    return word[:-1] if word.endswith("e") else word


def _forms_of(verb: str) -> str:
    """A pattern for the forms of a verb in its base form (`_verb_forms` of its `_e_stem`)."""
    return _verb_forms(_e_stem(verb), verb)


def _verb_forms(stem: str, *written: str) -> str:
    """A pattern for the forms of a verb: its stem with a regular ending ("insisted", "announces",
    "quipped", "providing") or an irregular form of one of the `written` words ("sent" for "send")."""
    forms = [rf"{re.escape(stem)}{re.escape(stem[-1])}?(?:e|es|ed|d|s|ing)?",
             *(re.escape(form) for word in written for form in other_forms(word))]
    return f"(?:{'|'.join(forms)})"


# Verbs a question uses and the ones documents may write for them: "What would full blocking sanctions
# ban?" of "… full blocking sanctions, which prohibit all transactions without any carveouts".
_SAME_VERB: dict[str, tuple[str, ...]] = {
    "ban": ("prohibit", "forbid", "bar"),
    "forbid": ("prohibit", "ban", "bar"),
    "prohibit": ("ban", "forbid", "bar"),
}
# Phrasal verbs a question uses and the one-word verbs documents write for them.
_PHRASAL_SAID_SO: dict[tuple[str, str], tuple[str, ...]] = {
    ("give", "up"): ("surrender", "forsake", "renounce", "relinquish", "abandon", "cede"),
    ("pull", "back"): ("withdraw", "retreat"),
    ("pull", "out"): ("withdraw", "retreat"),
    ("carry", "out"): ("conduct", "perform", "execute"),
    ("set", "up"): ("establish", "found", "create"),
    ("back", "down"): ("retreat", "yield"),
    ("hand", "over"): ("surrender", "transfer", "relinquish", "cede"),
    ("turn", "over"): ("surrender", "transfer", "relinquish", "cede"),
    ("rule", "out"): ("preclude", "exclude", "prevent", "forbid", "prohibit", "bar"),
    ("put", "out"): ("publish", "issue", "release"),
}


def in_documents_verb(question: str, sentences: Sequence[str]) -> str:
    """The question with a phrasal verb (`_PHRASAL_SAID_SO`) in the one-word verb the first of the
    sentences that uses one writes, in that sentence's form, unless one of them writes the phrasal
    verb itself: "Which institute puts out The International Spectator?" against "IAI publishes an
    English-language quarterly …" reads "Which institute publishes The International Spectator?" (the
    reader had taken "English-language"). Only for the verb asked about, and what it acts on."""
    for (verb, particle), said_so in _PHRASAL_SAID_SO.items():
        phrasal = rf"\b{_forms_of(verb)}\s+{particle}\b"
        asked = re.search(phrasal, question, re.I)
        if asked is None or any(re.search(phrasal, sentence, re.I) for sentence in sentences):
            continue
        if re.search(r"\b(?:for|of|about|after|before|by|in|on|without|from|to)\s+$", question[: asked.start()], re.I):
            # "What does Ukraine want in return for giving up NATO membership?": not the verb asked about.
            continue
        words = "|".join(re.escape(_e_stem(w)) for w in said_so)
        # What is given up must be what the sentence gives up: not "forsake membership in NATO" for
        # "… in return for giving up nuclear weapons?".
        objects = {w.lower()[:NAME_STEM] for w in _LETTERS.findall(" ".join(question[asked.end() :].split()[:3]))
                   if w.lower() not in QUERY_STOPWORDS}
        for sentence in sentences:
            written = re.search(rf"\b(?:{words})[a-z]*\b", sentence, re.I)
            if written is not None and (not objects or objects & {w.lower()[:NAME_STEM] for w in _LETTERS.findall(sentence)}):
                return question[: asked.start()] + written.group(0).lower() + question[asked.end() :]
    return question


def is_pointer(phrase: str) -> bool:
    """True when the phrase only points at what an earlier sentence said ("such assurances", "that idea")."""
    return _POINTER_OBJECT.fullmatch(phrase.strip()) is not None


def object_points_back(sentence: str, question: str) -> bool:
    """True when the object the question asks for is, in the sentence, only a pointer at what an
    earlier sentence said ("Peskov pushed back on that idea" for "What did Peskov push back on?")."""
    asked = _asks_object(question)
    found = _object_start(sentence, asked) if asked is not None else None
    return found is not None and _POINTER_OBJECT.match(sentence, found.end()) is not None


# "Whom did Ukraine call on?": a name asked as the object of a verb and its stranded preposition.
_ASKS_WHOM = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:who|whom)\b(?=\s+(?:did|does|do|has|have|had|will|would|could|can|should|might|may|must)\s)"
    rf"(?=.*\s(?:{_PREPOSITIONS})\s*[?.!]*\s*$)",
    re.I,
)
_NAME_OPENS = re.compile(r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:and\s+)?[A-Z][\w’'.-]*)*")


def name_object(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Whom did Ukraine call on?", the offsets of the name the sentence gives as that object
    ("China" of "… Ukraine has also called on China to step in"): `verb_object` of the question asked
    with "what", up to the name's end; None when that object opens with no name."""
    asked = _ASKS_WHOM.match(question)
    if asked is None:
        return None
    found = verb_object(sentence, "What" + question[asked.end() :])
    name = _NAME_OPENS.match(sentence, found[0], found[1]) if found is not None else None
    return (name.start(), name.end()) if name is not None else None


_IT_TAKES = re.compile(r"^\W*(?:(?:and|but|so)\s+)?what\s+(?:would|will|could|does|do|did|might)\s+it\s+take\b", re.I)


def verb_object(sentence: str, question: str) -> tuple[int, int] | None:
    """Offsets of what the sentence gives as the object of the verb a "what" question asks about
    ("conducting payments for energy exports in rubles" in "Russia recently insisted on conducting
    payments …, creating …" for "What did Russia insist on for energy payments?"): the words after
    the verb (and the question's preposition) up to the clause's end, 1..OBJECT_WORDS words. None
    when the question names the object itself, or the sentence has no form of its verb so followed."""
    asked = _asks_object(question)
    if asked is None or _IT_TAKES.match(question):
        # "What would it take for sanctions to be lifted?" asks what is needed (`condition_asked`), not
        # what "take" governs ("full responsibility for the war" of "… and take full responsibility …").
        return None
    found = _object_start(sentence, asked)
    if found is None or _POINTER_OBJECT.match(sentence, found.end()):
        # "Peskov pushed back on that idea": what the idea is, the sentence does not say.
        return None
    if _DETERMINER_BEFORE.search(sentence, 0, found.start()) and not re.search(r"\sof\s*$", found.group(0)):
        # "… creating more demand for its currency": a noun, not the verb of "What did Russia demand for
        # gas payments?" (it had bolded "for its currency").
        return None
    subject = asked.group("subject").split()[-1]
    # A relative clause between the subject and its verb is no part of the distance ("The Budapest
    # memorandum, which Russia signed in 1994 as part of …, sought to provide …").
    leading = _RELATIVE_CLAUSE.sub(" ", sentence[: found.start()])
    # A verb in a list of verbs ("… that it would not join NATO, develop nuclear capabilities or host
    # foreign military bases") shares the subject of the first, further back.
    coordinated = _COORDINATED_VERB.search(sentence[: found.start()]) is not None
    words = [w.lower() for w in _WORD.findall(leading)[-(SUBJECT_WORDS + COORDINATED_WORDS * coordinated):]]
    own = subject.lower()[:NAME_STEM]
    # "the West" is the sentence's "Western diplomacy and economic sanctions": a word it opens (not
    # "US" in "used").
    said = own in {w[:NAME_STEM] for w in words} or (len(own) >= 4 and any(w.startswith(own) for w in words))
    # "What did Russia promise?" is said of "Moscow’s promise to pull back": a seat stands for its country.
    said = said or any(SEATS.get(without_possessive(w), "").lower()[:NAME_STEM] == own for w in words)
    # Or it opens the sentence, whose verbs share it: "Poland has already announced that it will end
    # Russian coal imports … and phase out oil and gas imports …".
    said = said or own in {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence)[:OPENING_SUBJECT_WORDS]}
    if denies_asked(sentence, question):
        return None
    before = _WORD.findall(leading)[-SUBJECT_WORDS:]
    aim = _AIM_IN_QUESTION.search(asked.string)
    if not said and aim is not None and re.search(rf"\b{aim.group(1)[:4]}\w*\s+to\s+$", leading, re.I):
        # The sentence repeats the question's two verbs ("refusing to recognise" for "What does Zelensky
        # refuse to recognise?"): its subject may stand further back, as long as it is in the sentence.
        said = own in {w.lower()[:NAME_STEM] for w in _WORD.findall(leading)}
    if subject.lower() not in _PRONOUNS and not said:
        # "The United States and its allies in Europe want to deny Putin …" says what they want,
        # not what Putin wants: the question's subject stands just before the verb.
        return None
    if before and before[-1].lower() in _BE_FORMS:
        # A passive: "It was opened in five phases" says how the thing was opened, not what was.
        return None
    start = found.end()
    if asked.group("particle") and not asked.group("prep"):
        # "give up on the prospect of EU membership": what a phrasal verb's own "on" or "with" governs.
        start += len(_PARTICLE_PREPOSITION.match(sentence, start).group(0))
    end = OBJECT_END.search(sentence, start)
    text = sentence[start : end.start() if end else len(sentence)].rstrip()
    if re.search(r",\s*$", sentence[: found.start()]):
        # A verb within a list ends its object where the next verb begins: "nuclear capabilities", not
        # "… or host …" (the last one's object runs on: "phase out oil and gas imports").
        text = re.split(r"\s+(?:and|or)\s+", text, maxsplit=1)[0]
    if re.match(r"by\b", text):
        return None  # a passive: "opened by Queen Elizabeth II" says who, not what
    # A clause of condition or cause is no part of it: "retaliation", not "retaliation if it keeps …".
    text = _CLAUSE_OPENS.split(text, maxsplit=1)[0]
    # "more than $2 billion in security aid", not "… to Ukraine" when the question says "to Ukraine":
    # a closing phrase whose words the question has is no part of the answer.
    asked_words = {w.lower() for w in _WORD.findall(question)}
    for phrase in re.finditer(rf"\s+(?:{_PREPOSITIONS})\s+", text):
        if {w.lower() for w in _WORD.findall(text[phrase.end() :])} - QUERY_STOPWORDS <= asked_words:
            text = text[: phrase.start()]
            break
    text = _without_purpose(_CLOSING_ADVERBIAL.sub("", text))
    named = _named_after_vague(sentence, start, text, question)
    if named is not None:
        return named
    if not 1 <= len(text.split()) <= OBJECT_WORDS:
        return None
    if _WHICH_THINGS.match(question) and _AMOUNT_OPENS.match(text):
        # "Which weapons has the United States provided?": the things, which the list after
        # "including" names, not "more than $2 billion in security aid to Ukraine", what they are worth.
        return None
    span = start, start + len(text)
    if vague_before_colon(sentence, *span):
        # "What does Putin aim for?": not "more on all fronts"; the clause after its colon says what.
        return None
    if re.fullmatch(r"includ\w*|contain\w*|compris\w*", asked.group("verb"), re.I) and whole_list(sentence, *span) != span:
        # "What does it include?": all it includes, which `included_list` gives, not the first item.
        return None
    return span


# Conjunctions that always open a clause of their own.
_CLAUSE_OPENS = re.compile(r"\s+(?:if|unless|because|although|though|whenever|whereas)\s+", re.I)


# A word that denies the verb after it in its clause: "Nor are they ready to give up …", "is refusing
# to give up", "can hardly accept", "What won't he give up?".
_DENIES = re.compile(r"\b(?:not|never|nor|neither|cannot|hardly|refus\w*|unwilling|unable)\b|n[’']t\b", re.I)
# How many words before a verb a denial may stand ("Nor are they ready to give up").
DENIAL_WORDS = 5
# A verb opening an item of a list of verbs: the lead before it ends on a comma, "and" or "or".
_COORDINATED_VERB = re.compile(r"(?:,|\s(?:and|or))\s*$", re.I)
# How many more words the subject or denial of such a verb may stand back, before the list's earlier verbs.
COORDINATED_WORDS = 6


def _denied(lead: str) -> bool:
    """True when the last words of `lead`'s clause deny the verb that follows `lead`."""
    clause = re.split(r"[,;:—–()]", lead)[-1]
    return _DENIES.search(" ".join(clause.split()[-DENIAL_WORDS:])) is not None


# Most words between a verb's subject and the verb ("the Ukrainian leadership is refusing to give up").
SUBJECT_GAP_WORDS = 4
_SUBJECT_GAP_WORD = re.compile(
    rf"(?i:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|shall|should|do|does|did|"
    rf"not|never|also|still|now|to|(?:{'|'.join(a.removesuffix('e') for a in _AIMS.split('|'))})\w*|willing|unwilling|ready|prepared|able|unable|eager|likely|unlikely)"
)


def subject_of_asked_verb(sentence: str, start: int, end: int, question: str) -> bool:
    """True when sentence[start:end] is the subject of the verb a "what" question asks the object of,
    standing a few words before it ("the Ukrainian leadership" in "For now, the Ukrainian leadership
    is refusing to give up" for "What won't he give up?"): who does it, not what. Not in a passive
    ("England was conquered by the Normans" answers "What did the Normans conquer?")."""
    asked = _asks_object(question)
    if asked is None:
        return False
    verb, particle = asked.group("verb").lower(), asked.group("particle")
    stem = _e_stem(verb)
    # The verb with its particle, whether or not an object follows ("is refusing to give up.").
    found = re.compile(rf"\b{_verb_forms(stem, verb)}" + (rf"\s+{particle}\b" if particle else r"\b"), re.I).search(sentence, end)
    if found is None:
        return False
    own = _people_stem(asked.group("subject"))
    if own not in _PRONOUNS and own in {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence[found.end() :])[:SUBJECT_WORDS]}:
        # "a goal enshrined in Ukraine’s constitution" for "What does Ukraine's constitution enshrine?":
        # the question's subject comes after the verb, so what stands before it is what it acts on.
        return False
    between = _WORD.findall(sentence[end : found.start()])
    # Only auxiliaries and verbs of aim between them ("is refusing to"): not "nonviolent protest"
    # (an adjective and its noun) nor "cilia that act as teeth" (a clause of its own).
    return (0 < len(between) <= SUBJECT_GAP_WORDS and all(_SUBJECT_GAP_WORD.fullmatch(w) for w in between)
            and between[-1].lower() not in _BE_FORMS)


def roles_reversed(sentence: str, question: str) -> bool:
    """True when the sentence has the question's verb with the question's subject and object the
    other way round ("the Russians have accused the Ukrainians of …" for "What did the Ukrainians
    accuse Russia of?"): it says what the question's object did, not what it asks."""
    asked = _asks_object(question)
    if asked is None or not asked.groupdict().get("object"):
        return False
    found = _object_start(sentence, asked)
    if found is None:
        return False
    doer, done_to = _people_stem(asked.group("subject")), _people_stem(asked.group("object"))
    if doer == done_to:
        return False
    before = {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence[: found.start()])[-SUBJECT_WORDS:]}
    after = {w.lower()[:NAME_STEM] for w in _WORD.findall(found.group(0))}
    return done_to in before and doer not in before and doer in after


# "What land does Putin want?": the doer a what-question names and its verb; also after a kind
# in the singular, which `_ASKS_OBJECT` does not read.
_DOER_AND_VERB = re.compile(
    # "Which land beyond its current gains does Putin want?": the thing asked may have words after it.
    r"^\W*(?:(?:and|but|so)\s+)?(?i:what|which)(?:\s+[a-z][\w’'-]*){0,6}?\s+(?i:does|do|did|will|would|could|might|can|should)\s+"
    # The verb last, or before one more ("want to take"): "What does NATO membership for Ukraine
    # depend on?" has no doer named first.
    r"(?P<doer>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s+(?P<verb>[a-z]{3,})(?:\s+to\s+[a-z]+)?"
    r"(?:\s*,\s*(?:according\s+to|per)\s+[^?]+)?\s*[?.!]*\s*$"
)
# A verb of saying, which news writes before its speaker ("…, Says Turkey").
_SAYING = frozenset("say says said tell tells told".split())
# How many words after the verb (after "to" and the verb it opens) the doer may stand as its object.
ACTED_ON_WORDS = 2


def doer_acted_on(sentence: str, question: str) -> bool:
    """True when the sentence has the verb a what-question asks of a named doer with that doer after
    the verb and not before it ("The United States and its allies in Europe want to deny Putin the
    victory" for "What land does Putin want?"): what others do to the doer, not what it does."""
    asked = _DOER_AND_VERB.match(question)
    if asked is None:
        return False
    verb = asked.group("verb").lower()
    if verb in _SAYING:
        return False
    found = re.compile(rf"\b{_forms_of(verb)}\b", re.I).search(sentence)
    if found is None:
        return False
    doer = _people_stem(asked.group("doer"))
    before = {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence[: found.start()])[-SUBJECT_WORDS:]}
    after = [w.lower() for w in _WORD.findall(sentence[found.end() :])]
    if after[:1] == ["to"]:
        after = after[2:]
    # Its object, not an agent further on ("founded in 1965 on the initiative of Altiero Spinelli").
    return doer not in before and doer in {w[:NAME_STEM] for w in after[:ACTED_ON_WORDS]}


def denies_asked(sentence: str, question: str) -> bool:
    """True when the sentence has the verb a "what" question asks the object of, denied where the
    question does not deny it or the other way round: "Nor are they ready to give up on the prospect
    of EU membership" says what Zelensky is not willing to give up, which "What is Zelensky willing to
    give up?" does not ask; "What won't he give up?" asks just that."""
    asked = _asks_object(question)
    found = _object_start(sentence, asked) if asked is not None else None
    if found is None:
        return False
    lead = sentence[: found.start()]
    if _COORDINATED_VERB.search(lead):
        # "… that it would not join NATO, develop nuclear capabilities or host …": the denial of the
        # list's first verb stands for every verb of the list.
        lead = " ".join(re.split(r"[;:—–()]", lead)[-1].split()[-(DENIAL_WORDS + COORDINATED_WORDS):])
        return _denied(question[: asked.start("verb")]) != (_DENIES.search(lead) is not None)
    return _denied(question[: asked.start("verb")]) != _denied(lead)


_VAGUE_LEAD = re.compile(
    r"(?:more|less|much|many|several|some|various|other|others|everything|something|things|a\s+(?:number|range|set|series|lot))\b",
    re.I,
)


def vague_before_colon(sentence: str, start: int, end: int) -> bool:
    """True when the span is a vague phrase ("more on all fronts") that a colon right after it spells out."""
    return _VAGUE_LEAD.match(sentence, start) is not None and re.match(r"\s*:\s*\S", sentence[end:]) is not None


# A closing phrase that says when or how, not what: "assess how to leverage their influence over the
# talks sooner rather than later".
_PARTICLE_PREPOSITION = re.compile(r"(?:(?:on|with)\s+)?", re.I)
_CLOSING_ADVERBIAL = re.compile(
    r"\s+(?:sooner\s+rather\s+than\s+later|one\s+day|some\s+day|someday|as\s+soon\s+as\s+possible|once\s+and\s+for\s+all|in\s+the\s+long\s+run|"
    r"for\s+good|altogether|any\s+longer|any\s+more|anymore|"
    # How much more: "ratchet up economic sanctions on Russia even more".
    r"(?:even|much|far|still)\s+(?:more|further|less)|"
    # How it is done: "membership in NATO by way of a constitutional amendment".
    r"(?:by\s+way|by\s+means|in\s+the\s+form)\s+of\s+.+)$",
    re.I,
)


def _without_purpose(text: str) -> str:
    """The text without an infinitive of purpose after it ("such assurances to avoid precisely
    what's happening today": the object, not what it is for); not after a word that opens the
    infinitive's own clause ("how to leverage …", "whether to …")."""
    purpose = _PURPOSE.search(text)
    before = _WORD.findall(text[: purpose.start()]) if purpose is not None else []
    if before and before[-1].lower() in _TAKES_INFINITIVE:
        # "would need to be approved by a nationwide referendum": the verb's complement, no purpose.
        return text
    if before and before[-1].lower() in _TO_NOUN_PHRASE:
        # "access to secure humanitarian corridors": "to" opens the noun's phrase, not a purpose.
        return text
    if purpose is not None and any(w.lower() not in QUERY_STOPWORDS for w in before):
        # "awareness of international politics and to contribute …": not the "and" before a second one.
        text = re.sub(r"(?:,|\s+(?:and|or|but))+\s*$", "", text[: purpose.start()])
    return text


# Words an infinitive completes: after them "to …" says what, not what for.
_TAKES_INFINITIVE = frozenset(
    "need needs needed have has had ought going able unable want wants wanted seem seems seemed appear appears "
    "used likely unlikely willing unwilling ready refuse refuses refused try tries tried expect expects expected "
    "hope hopes hoped plan plans planned agree agrees agreed intend intends intended continue continues "
    "begin begins began start starts started fail fails failed seek seeks sought aim aims aimed decide decides decided "
    "promise promises promised threaten threatens threatened manage manages managed".split()
)
# Nouns whose "to" opens a noun phrase ("access to secure humanitarian corridors"), not an infinitive.
_TO_NOUN_PHRASE = frozenset(
    "access path road route entry exposure threat threats alternative alternatives answer solution response approach "
    "return commitment opposition resistance damage harm".split()
)
# An object that only says "more" of something; what it is follows after a comma.
_VAGUE_OBJECT_WORDS = frozenset("much more far even still a lot lots many things everything something plenty".split())
_NAMED_AFTER = re.compile(r",\s+(?:especially|notably|particularly|in\s+particular|above\s+all|chiefly|mainly|namely|such\s+as)\s+")


def _named_after_vague(sentence: str, start: int, text: str, question: str) -> tuple[int, int] | None:
    """Offsets of what a vague object ("much more") is said to be right after it ("…, especially air
    defense systems and fighter jets, to keep up …"), or None when the object is not vague. The
    question's own noun with a word of variety is vague too: "different forms, including continuous
    military supplies …" for "What forms could the security guarantees take?"."""
    words = {w.lower() for w in _WORD.findall(text)}
    own = {w.lower() for w in _WORD.findall(question)}
    restated = bool(words & own) and words - own <= _VARIETY_WORDS
    if not words or not (words <= _VAGUE_OBJECT_WORDS or restated):
        return None
    named = (_NAMED_AFTER.match(sentence, start + len(text))
             or (_INCLUDING_AFTER.match(sentence, start + len(text)) if restated else None))
    return phrase_until(sentence, named.end(), OBJECT_END, NAMED_WORDS, string.whitespace) if named is not None else None


_INCLUDING_AFTER = re.compile(r",\s+(?:including|such\s+as)\s+")
# The most words of what a vague object is said to be.
NAMED_WORDS = 20


# "What are Russian forces struggling to do?", "What did the Minsk agreements allow the LNR and DNR
# to do?", "What did the glaciers begin to do?": an action, what follows "to" after the question's verb.
_ASKS_TO_DO = re.compile(
    r"^\s*(?i:what)\s+(?i:is|are|was|were|do|does|did|will|would|could|can|might|may|must|should|has|have|had)\s+"
    # "… to do after the Istanbul meeting?": a time or place said of the act leaves the act asked for.
    r"(?P<before>\S.*?)\s+to\s+do(?:\s+(?:after|before|once|when|during|in|at|on|by|since|next|then|now)\b[^?]*)?\s*[?.!]*\s*$"
)
# How many words may stand between the verb and "to": its object ("allowing the LNR and DNR to have …").
TO_DO_GAP = 5
# Verbs of aim, effort, permission or pressure, whose "to" opens the action asked for. Other verbs
# ("begin to", "determined to") are left to the span reader, which reads where the action ends
# ("began to thaw and fall-winter temperatures rose": "thaw").
_AIMING_VERBS = (
    "struggle try tried attempt fail seek sought strive hope want wish plan aim intend mean meant need refuse "
    "threaten promise pledge vow agree decide manage prepare allow permit enable ask urge force order encourage "
    "help tell told expect supposed designed call"
)
# What something was for, in any of these words: "supposed to" asks what "were meant to" says.
_PURPOSE_WORDS = r"(?:meant|supposed|intended|designed)"
# "What was the Minsk deal supposed to settle?": what it was for, asked by its own verb.
_ASKS_MEANT_TO = re.compile(
    rf"^\s*(?i:what)\s+(?i:is|are|was|were)\s+(?P<before>\S.*?\b(?i:{_PURPOSE_WORDS}))\s+to\s+[a-z]+\s*[?.!]*\s*$"
)


# "What are they close to achieving there?", "What is Russia about to do?": what is about to happen.
_ASKS_IMMINENT = re.compile(
    r"^\W*what\s+(?:is|are|was|were)\s+(?P<subject>\S.*?)\s+(?:close\s+to|about\s+to|poised\s+to|set\s+to|near\s+to|"
    r"on\s+the\s+(?:verge|brink|point)\s+of)\s+(?:do|doing|achieve|achieving|accomplish|accomplishing|pull\s+off|"
    # "What are they about to cut Ukraine off from?": an action of its own, said in the sentence's words.
    r"[a-z]+(?:ing)?(?=\s))\b",
    re.I,
)
_IMMINENT_SAID = re.compile(r"\b(?:(?:about|close|poised|set)\s+to|on\s+the\s+(?:verge|brink|point)\s+of)\s+(?=[a-z])", re.I)


# "What does SWIFT do?": what a named thing does, which a relative clause after its name says.
_ASKS_TERM_DOES = re.compile(
    r"^\W*(?i:what\s+(?:does|do|did)\s+(?:the\s+)?)(?P<term>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})\s+do\s*[?.!]*\s*$"
    # "What does the SWIFT system let banks do?": what it allows for.
    r"|^\W*(?i:what\s+(?:does|do|did|would|will)\s+(?:the\s+)?)(?P<lets>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})"
    r"(?:\s+[a-z][\w-]*)?\s+(?i:let|allow|enable|permit)\s+(?:[a-z][\w-]*\s+){1,3}?(?:to\s+)?do\s*[?.!]*\s*$"
    # "What would a full blocking sanction do?", "What does the SWIFT system do?": a thing named in
    # common words after a name or none, which the sentence may name in the plural ("full blocking sanctions, which prohibit all transactions …").
    r"|^\W*(?i:what\s+(?:does|do|did|would|will|could)\s+(?:(?:the|a|an)\s+)?)(?P<thing>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+do\s*[?.!]*\s*$"
    # "What purpose does the SWIFT system serve?" asks it too.
    r"|^\W*(?i:what\s+(?:purposes?|functions?)\s+(?:does|do|did)\s+(?:the\s+)?)(?P<served>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})"
    r"(?:\s+[a-z][\w-]*)?\s+(?i:serve|have|fulfil|fulfill|perform)\s*[?.!]*\s*$"
    # "What is the SWIFT system used for?", "What is SWIFT for?".
    r"|^\W*(?i:what\s+(?:is|are|was|were)\s+(?:the\s+)?)(?P<used>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})"
    r"(?:\s+[a-z][\w-]*)?\s+(?i:(?:used|needed|meant|designed)\s+)?(?i:for)\s*[?.!]*\s*$"
)


# "What promise did Moscow make after the talks?": what a promise, pledge or commitment is to do.
_ASKS_PROMISE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?what\s+(?:promises?|pledges?|commitments?|vows?|assurances?)\s+(?:did|does|do|has|have|had)\s+"
    r"(?:[\w’'-]+\s+){1,4}?(?:make|made|give|given|offer|offered)\b",
    re.I,
)
# Not "such assurances to avoid …": what the assurances were for, not what they said.
_PROMISED = re.compile(r"(?<!\bsuch\s)\b(?:promise|pledge|commitment|vow)s?\s+(?:to\s+(?=[a-z])|that\s+)", re.I)


def promise_made(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What promise did Moscow make?", the offsets of what the sentence says was promised: "pull
    back" in "… despite Moscow’s promise to pull back, …"; None for other questions or sentences."""
    if _ASKS_PROMISE.match(question) is None:
        return None
    found = _PROMISED.search(sentence)
    return phrase_until(sentence, found.end(), OBJECT_END, OBJECT_WORDS, strip=" ,.") if found else None


# "Where does it rank in size?", "What is its rank?": a place in an order of size.
# Not "Which Russian lender ranks second?", which asks for the lender.
_ASKS_RANK = re.compile(r"^(?!\W*(?:(?:and|but|so)\s+)?(?:which|who|name)\b).*\b(?:rank|ranks|ranked|ranking)\b", re.I)
# A rank a sentence gives: "second-largest", "largest", "third biggest".
_RANK_GIVEN = re.compile(
    r"\b(?:(?P<ordinal>second|third|fourth|fifth|\d+(?:st|nd|rd|th))[-\s])?(?:largest|biggest|smallest|greatest)\b", re.I
)


def rank_given(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Where does it rank in size?", the offsets of the one rank the sentence gives with an
    ordinal ("second-largest" in "… of the five largest Russian banks, only VTB — the
    second-largest — …"), else of its one rank ("Sberbank, Russia’s largest bank": "largest");
    None for other questions or when the sentence gives none or several."""
    if _ASKS_RANK.search(question) is None:
        return None
    found = list(_RANK_GIVEN.finditer(sentence))
    ranked = [m for m in found if m.group("ordinal")] or found
    return ranked[0].span() if len(ranked) == 1 else None


# "Which Ukrainian cities kept being shelled …?": a kind asked for in the plural.
_WHICH_KINDS = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?i:which)\s+(?:[A-Za-z][\w’'-]*\s+){0,2}?(?P<kind>[a-z]{3,}s)\s+(?!of\b)")
# What a description of a kind opens after ("of Ukraine’s northern cities").
_DESCRIPTION_OPENS = frozenset("of in on at by for from with to into the a an its their his her".split())
# Words that make a thing like another, which describe nothing ("similar weapons"): with only the
# question's words beside them, a span says nothing new.
LIKENESS_WORDS = frozenset("similar other same such more further additional".split())
# The most words that describe a kind before it ("Ukraine’s northern cities").
KIND_DESCRIPTION_WORDS = 3


def kind_in_words(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Which Ukrainian cities kept being shelled after the talks?", the offsets of the sentence's
    one mention of the kind asked with the words that describe it, as far back as its owner: "Ukraine’s
    northern cities" in "… Russian bombardment of Ukraine’s northern cities continued …". None when
    the sentence names the kind other than once, or says of it nothing the question does not."""
    asked = _WHICH_KINDS.match(question)
    if asked is None:
        return None
    found = list(re.finditer(rf"\b{re.escape(asked.group('kind'))}\b", sentence, re.I))
    if len(found) != 1:
        return None
    start = found[0].start()
    described: list[str] = []
    for word in reversed(list(re.finditer(r"[\w’'-]+", sentence[:start]))[-KIND_DESCRIPTION_WORDS:]):
        if word.group().lower() in QUERY_STOPWORDS or sentence[word.end() : start].strip():
            break
        start = word.start()
        described.append(word.group())
        if re.search(r"[’']s$", word.group()):
            break
    # Where the description starts: after a preposition or an article, not a verb ("have sent similar weapons").
    before = _WORD.findall(sentence[:start])[-1:]
    if not before or before[0].lower() not in _DESCRIPTION_OPENS or {w.lower() for w in described} & LIKENESS_WORDS:
        return None
    asked_words = {w.lower() for w in _WORD.findall(question)}
    if not {w.lower() for w in described} - asked_words - QUERY_STOPWORDS:
        return None
    return start, found[0].end()


# Words after "that" or "which" that open no verb phrase ("sanctions that the EU adopted").
_NOT_VERBS = ("the", "a", "an", "this", "that", "these", "those", "it", "its", "they", "their", "he", "his", "she", "her",
              "we", "our", "you", "your", "i", "is", "are", "was", "were", "be", "been", "has", "have", "had", "in", "on",
              "at", "by", "for", "of", "to", "with", "from", "as", "not", "no")


def term_does(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What does SWIFT do?", the offsets of what the relative clause after the name says it
    does ("allows for bank-to-bank transfers" in "… the SWIFT system that allows for bank-to-bank
    transfers"); None for other questions, or when no such clause follows the name."""
    asked = _ASKS_TERM_DOES.match(question)
    if asked is None:
        return None
    thing = asked.group("thing")
    if thing is not None:
        # The thing's words, its last in the singular or the plural; a plural's verb has no -s.
        *before, last = thing.lower().split()
        base = last[:-1] if last.endswith("s") and not last.endswith("ss") else last
        named = r"\s+".join([*(re.escape(w) for w in before), re.escape(base) + "(?:s|es)?"])
        not_verbs = "|".join(_NOT_VERBS)
        found = re.search(rf"(?i:\b{named}\b),?\s+(?:that|which)\s+(?P<verb>(?!(?:{not_verbs})\b)[a-z]+)\b", sentence)
    else:
        term = asked.group("term") or asked.group("served") or asked.group("used") or asked.group("lets")
        # The name, a noun or two of what it is ("system"), then "that" or "which" and a verb in -s or -ed.
        found = re.search(
            rf"\b{re.escape(term)}\b(?:\s+[a-z][\w-]*){{0,2}},?\s+(?:that|which)\s+(?P<verb>[a-z]+(?:s|ed))\b", sentence
        )
    span = phrase_until(sentence, found.start("verb"), OBJECT_END, OBJECT_WORDS, strip=" ,.") if found else None
    used_for = (re.match(r"[a-z]+s\s+for\s+(?=\S)", sentence[span[0] : span[1]])
                if span and (asked.group("used") or asked.group("lets")) else None)
    # "What is SWIFT used for?", "What does it let banks do?": "bank-to-bank transfers", what it "allows for".
    return (span[0] + used_for.end(), span[1]) if used_for is not None else span


def imminent_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """Offsets of what a "What is X about to do / close to achieving?" question asks for: the action
    after the sentence's "about to", "close to", "on the verge of" ("deprive Ukraine from access to
    the Sea of Azov" in "… where they are about to deprive Ukraine from access to the Sea of
    Azov"), 1..OBJECT_WORDS words to the clause's end. None for other questions, or when the
    sentence says nothing is about to happen, or names none of the question's subject (a pronoun
    names anyone)."""
    asked = _ASKS_IMMINENT.match(question)
    if asked is None:
        return None
    subject = [w for w in _WORD.findall(asked.group("subject")) if w.lower() not in QUERY_STOPWORDS]
    said = {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence)}
    if subject and not any(w.lower()[:NAME_STEM] in said for w in subject):
        return None
    found = _IMMINENT_SAID.search(sentence)
    action = phrase_until(sentence, found.end(), OBJECT_END, OBJECT_WORDS, string.whitespace) if found is not None else None
    closing = _CLOSING_PREPOSITION.search(question)
    if action is not None and closing is not None:
        # "What are they about to cut Ukraine off from?": what the action's own "from" opens ("access to
        # the Sea of Azov", from "deprive Ukraine from access to …"), when it has one; else no answer.
        after = re.search(rf"\b{closing.group(1)}\s+", sentence[action[0] : action[1]], re.I)
        return (action[0] + after.end(), action[1]) if after is not None else None
    return action


# The preposition a question ends on ("… cut Ukraine off from?"): what it governs is asked for.
_CLOSING_PREPOSITION = re.compile(r"\b(from|of|to|with|on|for|into|about)\s*[?.!]*\s*$", re.I)


def infinitive_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """Offsets of the action a "What … <verb> to do?" question asks for: the words after "to" that
    follow the sentence's form of the question's verb ("make strides in the north and east" in
    "While Russian forces struggle to make strides in the north and east, …"), 1..OBJECT_WORDS
    words up to the clause's end. None for other questions, or when the sentence has no such form
    or does not name the question's subject."""
    asked = _ASKS_TO_DO.match(question) or _ASKS_MEANT_TO.match(question)
    if asked is None:
        return None
    words = asked.group("before").split()
    said = {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence)}
    for k in range(len(words) - 1, 0, -1):
        verb = words[k]
        if not verb.islower() or len(verb) < 3 or verb in QUERY_STOPWORDS:
            continue
        stem = _verb_stem(verb)
        if stem not in _AIMING_STEMS:
            return None
        subject = [w for w in _WORD.findall(" ".join(words[:k])) if w.lower() not in QUERY_STOPWORDS]
        if not subject or not any(w.lower()[:NAME_STEM] in said for w in subject):
            return None
        forms = _PURPOSE_WORDS if re.fullmatch(_PURPOSE_WORDS, verb, re.I) else _verb_forms(stem, stem, verb)
        found = re.search(rf"\b{forms}(?:\s+[\w’'-]+){{0,{TO_DO_GAP}}}?\s+to\s+(?=[a-z])", sentence, re.I)
        if found is None:
            continue
        end = OBJECT_END.search(sentence, found.end())
        text = _without_purpose(sentence[found.end() : end.start() if end else len(sentence)].rstrip())
        return (found.end(), found.end() + len(text)) if 1 <= len(text.split()) <= OBJECT_WORDS else None
    return None


def _verb_stem(verb: str) -> str:
    """The verb without its -ing, -ed, -s or final e ("struggling", "allowed", "hopes" -> "struggl",
    "allow", "hop"), for `infinitive_asked`."""
    lowered = verb.lower()
    for ending in ("ing", "ed", "es", "s"):
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 3 and not lowered.endswith("ss"):
            lowered = lowered[: -len(ending)]
            return lowered[:-1] if len(lowered) > 3 and lowered[-1] == lowered[-2] else lowered
    return lowered[:-1] if lowered.endswith("e") else lowered


_AIMING_STEMS = frozenset(_verb_stem(verb) for verb in _AIMING_VERBS.split())


# One or more of the things named before: "(which) of them", "(which) one of these".
_OF_THEM = r"(?:one\s+)?of\s+(?:them|these|those)"
# "What may not be enough to dissuade Putin?": the wh-word is the subject of the verb after it; so
# is "which of them" ("Which of them could play a significant role?" after the mediators were named)
# and "which" with a plural ("Which Western countries could provide security guarantees?").
_ASKS_SUBJECT = re.compile(
    # "Which bank has been fully blocked?": a kind in the singular too.
    rf"^\s*(?:(?i:and|but|so)\s+)?(?i:what|who|which\s+{_OF_THEM}|which\s+(?:[A-Za-z][a-z]+\s+)?[a-z]{{3,}})\s+"
    r"(?P<vp>(?:may|might|can|could|will|would|should|must|is|are|was|were|has|have|had)"
    r"(?:\s+not)?\s+[a-z][\w’'-]*(?:\s+[\w’'-]+)+?)\s*(?:,\s*according\s+to\s+[^?]+)?[?.!]*\s*$"
)
# "Which sanctions prohibit all transactions?": a kind in the plural, and a verb without an
# auxiliary, known for one by the determiner after it.
_ASKS_SUBJECT_BARE = re.compile(
    r"^\s*(?:(?i:and|but|so)\s+)?(?i:which)\s+(?:[A-Za-z][a-z]+\s+)?[a-z]{3,}s\s+"
    r"(?P<vp>[a-z]{3,}\s+(?:all|the|a|an|any|its|their|no|every|some|more|most)\s+[\w’'-]+(?:\s+[\w’'-]+)*?)"
    r"\s*(?:,\s*according\s+to\s+[^?]+)?[?.!]*\s*$"
)
# A word that may stand before a noun the question gives bare: "some promise" for "promise".
_DETERMINER = r"(?i:some|a|an|the|any|much|more|real|little|great)"
# How many of the question's words after "what" the sentence must repeat, one of them no stop word.
SUBJECT_VERB_WORDS = 4
# Where the subject's clause begins: the sentence's start, or a comma, colon, semicolon, dash or bracket.
_CLAUSE_START = re.compile(r".*(?:[,;:(]|\s[—–])\s*", re.S)
# An item of a list named by its place or kind: "The first", "the second one", "the latter", "A
# fourth element". It points at the answer; it is none.
_POINTING_WORDS = frozenset(
    "a an the first second third fourth fifth last former latter other one ones element elements point points item "
    "items component components issue issues part parts aspect aspects factor factors variable variables".split()
)


def points_at_item_only(text: str) -> bool:
    """True when the text only names an item by its place or kind ("A fourth element", "element",
    "the second one"): it points at an answer and is none."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    # "one" alone may count ("How many banks were cut off?"), and an ordinal alone may rank ("third").
    ordinals_only = set(words) <= {"first", "second", "third", "fourth", "fifth", "last", "one", "ones"}
    return not ordinals_only and all(w in _POINTING_WORDS for w in words)


_FOCUS = re.compile(r"(?i:only|just|even|merely|solely)\s+")
# Where the noun phrase a relative pronoun stands for opens: after a verb of being, an infinitive, a
# question word or a conjunction ("… is how to arrange | security guarantees for Ukraine that …").
# "… and prevent any uprisings that could lead to his ouster": a determiner opens the phrase too.
# "including imposing full blocking sanctions": what is included, not the doing of it.
_PHRASE_OPENS = re.compile(r"\b(?:is|are|was|were|be|been|to\s+[a-z]+|how|what|and|or|but|of|any|some|every|each|such|"
                           r"including(?:\s+[a-z]+ing(?=\s+[a-z]))?)\s+", re.I)
_SUBJECT_PRONOUNS = frozenset("it this that they these those he she we there".split())
# A sentence's opening subject: up to OBJECT_WORDS words before its first auxiliary or copula.
_OPENING_CLAUSE_SUBJECT = re.compile(
    r"\s*(?P<subject>(?:the|a|an|its|their)\s+(?:(?!(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should)\b)"
    r"[\w’'-]+\s+){0,11}?[\w’'-]+)\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should)\b",
    re.I,
)
_SUBORDINATOR = re.compile(r"(?i:while|although|though|whereas|if|when|because|since|as|but|and|yet|so)\s+")


def subject_of(sentence: str, question: str) -> tuple[int, int] | None:
    """Offsets of what the sentence says does what the question asks about ("military assistance to
    Ukraine and economic pressure on Russia" in "Yet, military assistance to Ukraine and economic
    pressure on Russia may not be enough to dissuade him …" for "What may not be enough to dissuade
    Putin?"): the words of the clause before the question's first SUBJECT_VERB_WORDS words after
    "what", 1..OBJECT_WORDS words; after a relative pronoun, the noun phrase it stands for
    ("security guarantees for Ukraine" in "… is how to arrange security guarantees for Ukraine that
    would deter …"). None when the sentence does not repeat them."""
    found = _subject_before(sentence, question)
    if found is None:
        return None
    start, end = found
    text = sentence[start:end]
    relative = re.search(r",?\s+(?:that|which)\s*$", text)
    if relative is not None:
        # "… is how to arrange security guarantees for Ukraine that would deter …" for "What would
        # deter a future Russian attack?": what "that" stands for, the noun phrase before it.
        opens = [m.end() for m in _PHRASE_OPENS.finditer(text, 0, relative.start())]
        start, end = start + (opens[-1] if opens else 0), start + relative.start()
        text = sentence[start:end]
    if not 1 <= len(text.split()) <= OBJECT_WORDS or re.search(r"\b(?:that|which|who|what)$", text, re.I):
        return None
    if points_at_item_only(text):
        return None  # "The first is the status of the contested regions": which item, not what it is
    described = _DESCRIBED_NAME.match(text)
    if described is not None and _ASKS_WHICH_ONE.match(question):
        # "Which party is currently the largest?": the name, not "the conservative" before it.
        start, text = start + described.end(), text[described.end() :]
    if _NEGATED_SUBJECT.match(text):
        # "Without a strongly stated commitment from …, no guarantee will truly ensure Ukraine's
        # sovereignty" for "Which commitment would truly ensure …?": what the sentence says does it
        # is what "without" names, not the subject it denies.
        needed = _WITHOUT_OPENS.match(sentence)
        return needed.span("needed") if needed is not None and needed.end() <= start else None
    if text.strip().lower() in _SUBJECT_PRONOUNS:
        # "The existing sanctions on … are significant, but they have not affected …": "they" is the
        # sentence's opening subject. Otherwise ("it is difficult to imagine …") what the pronoun
        # stands for comes later, or before.
        opening = _OPENING_CLAUSE_SUBJECT.match(sentence) if text.strip().lower() in ("they", "it") else None
        if opening is None or opening.end("subject") >= start or not re.search(r",\s*(?:but|and|yet|so)\s+$", sentence[:start]):
            return None
        return opening.span("subject")
    return start, end


# A subject the sentence denies: "no guarantee will …".
_NEGATED_SUBJECT = re.compile(r"\s*(?:no|nothing|none|neither)\b", re.I)


# Lower-case words that describe a name after them ("the conservative European People's Party"),
# and a question for one thing of a kind by its name ("Which party …?").
_DESCRIBED_NAME = re.compile(r"(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])")
_ASKS_WHICH_ONE = re.compile(r"^\s*(?:(?:and|but|so)\s+)?which\s+[a-z]{3,}\b(?<![su]s)", re.I)


def subject_points_back(sentence: str, question: str) -> bool:
    """True when the sentence says what a "What …?" question asks about of a pronoun ("This could
    break the negotiations, …" for "What could break the negotiations?"): what it stands for is in
    another sentence."""
    found = _subject_before(sentence, question)
    return found is not None and sentence[found[0] : found[1]].strip().lower() in _SUBJECT_PRONOUNS


_NAME_POSSESSIVE = re.compile(r"[A-Z][\w-]*[’']s")


def _subject_before(sentence: str, question: str) -> tuple[int, int] | None:
    """Offsets of the words of the clause before the verb phrase a "What …?" question asks about
    (see `subject_of`), the clause's opening conjunction and a focus word ("only") left out."""
    asked = _ASKS_SUBJECT.match(question)
    bare = _ASKS_SUBJECT_BARE.match(question) if asked is None else None
    if bare is not None:
        # No auxiliary: the verb, its determiner and its noun, said again in a row, and the clause
        # before it, with the relative pronoun that may stand for the subject ("…, which prohibit").
        said = _said_again(sentence, bare.group("vp").split()[:SUBJECT_VERB_WORDS], 3)
        if said is None:
            return None
        relative = re.search(r",?\s+(?:which|that)\s*$", sentence[: said.start()])
        opening = _CLAUSE_START.match(sentence, 0, relative.start() if relative else said.start())
        return (opening.end() if opening else 0), said.start()
    if asked is None:
        return None
    vp = asked.group("vp").split()
    found = _said_again(sentence, vp[:SUBJECT_VERB_WORDS], SUBJECT_VERB_WORDS)
    spelt = spell_out_abbreviations(asked.group("vp")).split()
    if found is None and spelt != vp:
        # "What has persuaded the US to harden its position?" against "… has persuaded the United States …".
        found = _said_again(sentence, spelt[:SUBJECT_VERB_WORDS + 1], SUBJECT_VERB_WORDS)
    # "What could lead to Zelensky's ouster?" against "… that could lead to his ouster".
    with_pronouns = ([[pronoun if _NAME_POSSESSIVE.fullmatch(w) else w for w in vp] for pronoun in ("his", "her", "its", "their")]
                     if any(_NAME_POSSESSIVE.fullmatch(w) for w in vp[:SUBJECT_VERB_WORDS]) else [])
    for said in with_pronouns:
        found = found or _said_again(sentence, said[:SUBJECT_VERB_WORDS], SUBJECT_VERB_WORDS)
    # "What may be showing promise?" against "… may be showing some promise": a determiner between.
    found = found or _said_again(sentence, vp[:SUBJECT_VERB_WORDS], SUBJECT_VERB_WORDS, filler=_DETERMINER)
    if found is None and len(vp) >= 3 and vp[0].lower() in MODALS:
        # "Who can restore deterrence?" against "… can restore the balance of deterrence": the modal and
        # its verb in a row, the question's other words close after them.
        head = _said_again(sentence, vp[:2], 2)
        close = {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence[head.end() : head.end() + 60])} if head else set()
        rest = [w.lower()[:NAME_STEM] for w in vp[2:] if w.lower() not in QUERY_STOPWORDS]
        found = head if head is not None and rest and all(w in close for w in rest) else None
    # The sentence may say it with another modal: "… can at best freeze the conflict" for "What could
    # freeze …?"; "… could lead to his ouster" for "What might lead to Zelensky's ouster?".
    for said in (vp, *with_pronouns):
        found = found or _modal_verb_phrase(sentence, said)
    if found is None and vp and vp[0].lower() in _OTHER_NUMBER and not _COMPARES.search(asked.group("vp")):
        # "What is inflicting losses on Russian troops?" against "… Ukraine's armed forces … are inflicting".
        # Not "Who has lost more equipment?" against "Both sides have lost …, especially Russia": which one.
        found = _said_again(sentence, [_OTHER_NUMBER[vp[0].lower()], *vp[1:2]], 2)
    if found is None and vp and vp[0].lower() in _PERFECT_OF and len(vp) >= 2:
        # "Which of them is fully blocked?" against "… only VTB — the second-largest — has been fully blocked".
        found = _said_again(sentence, [*_PERFECT_OF[vp[0].lower()].split(), *vp[1:SUBJECT_VERB_WORDS]], SUBJECT_VERB_WORDS)
    if found is None:
        return _shared_subject(sentence, vp)
    aside = _ASIDE_BEFORE_VERB.search(sentence, 0, found.start())
    if aside is not None and aside.end() == found.start():
        named = _NAME_ASIDE.fullmatch(aside.group())
        if named is not None:
            # "the aggressor — Russia — will have to make …": the name between the dashes says who.
            return aside.start() + named.start("name"), aside.start() + named.end("name")
        # "… that Ukraine's armed forces, thanks to Western weapon supplies, are inflicting …": the
        # subject stands before the aside.
        found = aside
    opening = _CLAUSE_START.match(sentence, 0, found.start())
    start = opening.end() if opening else 0
    # "While China could play …": the conjunction opening the clause is not its subject.
    conjunction = _SUBORDINATOR.match(sentence, start, found.start())
    start = conjunction.end() if conjunction else start
    # "First, only the United States and NATO can restore …": "only" says how few, not who.
    focus = _FOCUS.match(sentence, start, found.start())
    start = focus.end() if focus else start
    # "… the high losses … that Ukraine's armed forces … are inflicting": the verb's subject follows
    # the relative (or complement) "that"; a "that" right before the verb is itself the subject.
    inner = [m for m in _THAT_BEFORE_SUBJECT.finditer(sentence, start, found.start()) if sentence[m.end() : found.start()].strip()]
    start = inner[-1].end() if inner else start
    return start, found.start()


_THAT_BEFORE_SUBJECT = re.compile(r"\b(?:that|which|whom)\s+(?!(?:is|are|was|were|has|have|had|would|could|will|can|may|might|must|should)\b)")


# An aside between dashes that is a name: " — Russia — ".
_NAME_ASIDE = re.compile(r"\s+[—–]\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+[—–]\s*")
_COMPARES = re.compile(r"\b(?:more|less|fewer|most|least|better|worse)\b", re.I)
# An auxiliary in the other number: the question's "is" may be the sentence's "are".
_OTHER_NUMBER = {"is": "are", "are": "is", "was": "were", "were": "was", "has": "have", "have": "has"}
# A state said in the present perfect of the passive: "is blocked" is what "has been blocked" says.
_PERFECT_OF = {"is": "has been", "are": "have been"}
# An aside between a subject and its verb: ", thanks to Western weapon supplies, ".
_ASIDE_BEFORE_VERB = re.compile(
    r",\s+(?:thanks\s+to|despite|because\s+of|according\s+to|in\s+(?:turn|part|fact)|for\s+(?:now|instance|example))\b[^,]{0,80},\s*$"
    # "only VTB — the second-largest — has been fully blocked": a short aside between dashes.
    r"|\s+[—–]\s+[^—–,]{1,40}?\s+[—–]\s*$"
)
# "What was Russia's original objective, according to Alcaro?": a noun phrase asked about, which
# the question ends on (or on whose account it is), not "What is the status of Crimea?".
_ASKS_NOUN = re.compile(
    # "What is the Kremlin's original objective?": an owner after "the" too.
    r"^\s*(?i:what\s+(?:is|was|are|were)\s+)(?:the\s+(?:[A-Z][\w’'-]*[’']s\s+)?|[A-Z][\w’'-]*[’']s\s+)"
    # "What is the risk if Russia hits NATO targets?": a condition may follow.
    # "What was Russia's original goal in Ukraine?": a place by name too.
    # "What was the original Russian objective for Ukraine?": whose, by a word of nationality, inside it.
    r"(?P<phrase>(?:(?:[a-z][\w-]*|[A-Z][a-z]+(?:ian|ean|an|ese|ish))\s+){0,2}[a-z][\w-]*)"
    r"\s*(?:[?,.]|\s+(?:according|in\s+the|for\s+the|if|when|once)\b|\s+(?:in|for)\s+(?=[A-Z])|$)"
)
# Nouns whose "of" gives what they hold, not whose they are: "the objective of subjugating Ukraine",
# "the risk of NATO getting directly involved" (against "the population of Ukraine").
_CONTENT_NOUNS = frozenset(
    "objective objectives goal goals aim aims purpose idea principle doctrine concept notion task mission "
    "hope hopes threat threats risk risks prospect prospects possibility option options policy strategy".split()
)
_OF_END = re.compile(CLAUSE_COMMA + r"|[;:()]|\s[—–-]\s|\.(?:\s|$)|[⁰¹²³⁴⁵⁶⁷⁸⁹]|\s(?:and\s+that|but|which|that|who)\s|$")
# The most words what a content noun holds may have.
CONTENT_WORDS = 8


# Nouns of intent that say the same: "What was Russia's original goal?" of "the original objective of …".
_INTENT_NOUNS = (frozenset("goal objective aim purpose".split()), frozenset("goals objectives aims purposes".split()))


def content_nouns_asked(question: str) -> frozenset[str]:
    """The nouns of intent or chance (`_CONTENT_NOUNS`) a question asks of someone by a possessive, with
    the nouns that say the same ("goal", "objective", "aim", "purpose" for "the US and Europe's goal")."""
    # The noun right after the possessive, or after one word more ("Russia's original goal").
    nouns = {w.lower() for m in re.finditer(r"[’']s\s+([a-z]+)\b(?:\s+([a-z]+)\b)?", question) for w in m.groups() if w} & _CONTENT_NOUNS
    if _AIMS_FOR.search(question):
        # "What should the US and Europe aim for?" asks for their goal (not "aimed at": a target).
        nouns.add("goal")
    return frozenset().union(*(_same_intent(n) for n in nouns))


_AIMS_FOR = re.compile(r"\b(?:aim|aiming|strive|striving)\s+(?:for|at)\b", re.I)


def _same_intent(noun: str) -> frozenset[str]:
    """The nouns of intent that say what the noun does ("goal": goal, objective, aim, purpose), or the noun alone."""
    return next((group for group in _INTENT_NOUNS if noun.lower() in group), frozenset({noun.lower()}))


def content_of_noun(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What was Russia's original objective?", the offsets of what the sentence says the asked
    noun phrase holds: "subjugating Ukraine" in "… inferior to the original objective of subjugating
    Ukraine". Only for nouns of intent or chance (`_CONTENT_NOUNS`) or what reads as an action
    ("of subjugating"); None when the sentence writes the phrase with "of" other than once, or
    what follows opens with or is only the question's own words ("the goal of Ukraine")."""
    asked = _ASKS_NOUN.match(question)
    if asked is None:
        return None
    phrase = asked.group("phrase")
    # "the original goal" is written "the original objective" too.
    *before, head = phrase.split()
    # Whose it is ("Russian") is the sentence's to leave out: "the original objective of subjugating Ukraine".
    before = [w for w in before if not w[0].isupper()]
    heads = _same_intent(head)
    written = r"\s+".join([*map(re.escape, before), f"(?:{'|'.join(map(re.escape, sorted(heads)))})"])
    found = list(re.finditer(rf"\b{written}\s+of\s+", sentence, re.I))
    if len(found) != 1:
        return None
    span = phrase_until(sentence, found[0].end(), _OF_END, CONTENT_WORDS, strip=" ,.")
    if span is None:
        return None
    held = sentence[span[0] : span[1]]
    if phrase.split()[-1].lower() not in _CONTENT_NOUNS and not re.match(r"[a-z]+ing\b", held):
        return None
    own = {without_possessive(w).lower() for w in _LETTERS.findall(question)}
    words = [w.lower() for w in _LETTERS.findall(held) if w.lower() not in {"the", "a", "an"}]
    # "the goal of Ukraine …" for "What is Ukraine's goal?": whose goal, which the question says;
    # not "the risk of NATO getting directly involved", an action of what the question names.
    owner = bool(words) and words[0] in own and not re.search(r"\b[a-z]{3,}ing\b", held)
    if not words or owner or set(words) - QUERY_STOPWORDS <= own:
        return None
    return span


# "Which concession required of Ukraine was unreasonable?": the kind asked for, its head noun.
_ASKS_WHICH_NOUN = re.compile(r"^\s*(?i:which|what)\s+(?P<noun>[a-z][\w-]*[a-z])\b")
# The most words between the kind's noun and "such as", and in the example after it.
EXAMPLE_GAP_WORDS = 5
# The most words of a relative clause ("that it was not willing to make …") between the noun and its example.
EXAMPLE_CLAUSE_WORDS = 12
EXAMPLE_WORDS = 14


# "What is Ukraine's biggest concession?": the kind asked for, its head noun last.
_ASKS_OWNED_NOUN = re.compile(
    r"^\s*(?i:what)\s+(?i:is|was|are|were)\s+(?:(?i:the)\s+|[A-Z][\w’'-]*[’']s\s+)(?:[a-z][\w-]*\s+){0,2}"
    r"(?P<noun>[a-z][\w-]*[a-z])\s*[?.!]*\s*$"
)


def example_of_kind(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Which concession required of Ukraine was unreasonable?", the offsets of the example the
    sentence gives of the kind asked for: "allowing the LNR and DNR to have veto power over national
    decisions" in "… the unreasonable concessions required of Ukraine, such as allowing …". Only when
    the words between the kind's noun and "such as" are the question's own; None otherwise."""
    asked = _ASKS_WHICH_NOUN.match(question)
    if asked is None or asked.group("noun").lower() in _BE_FORMS:
        asked = _ASKS_OWNED_NOUN.match(question)
    if asked is None:
        return None
    noun = asked.group("noun").lower()
    if noun in QUERY_STOPWORDS:
        return None
    own = {without_possessive(w).lower() for w in _LETTERS.findall(question)}
    stem = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    # "regimes, as the cases of Cuba, Iran, Iraq and Venezuela attest": examples given so too.
    # "support for Russia – be it in the form of military assistance or sanctions workarounds –": its forms.
    pattern = (rf"\b{re.escape(stem)}(?:s|es)?\b(?P<gap>(?:\s+[\w’'-]+){{0,{EXAMPLE_CLAUSE_WORDS}}}?)(?:,|\s+[—–])?\s+"
               r"(?:such\s+as|especially|notably|in\s+particular|be\s+it(?:\s+in\s+the\s+form\s+of)?"
               r"|(?P<cases>(?:as\s+)?the\s+(?:cases?|examples?)\s+of"
               r"|for\s+(?:example|instance),?|e\.g\.,?))\s+")
    found = list(re.finditer(pattern, sentence, re.I))
    if len(found) != 1:
        return None
    said = _LETTERS.findall(found[0].group("gap"))
    gap = {w.lower() for w in said}
    # "open to concessions that it was not willing to make before the war, especially agreeing to
    # not pursue NATO membership": a clause that only says which of the kind is meant.
    describes = bool(said) and said[0].lower() in {"that", "which"}
    # The question's own words by their first letters: "required of Ukraine" for "… did Minsk require of Ukraine?".
    own_stems = {w[:NAME_STEM] for w in own}
    if not (describes or len(said) <= EXAMPLE_GAP_WORDS and all(w in QUERY_STOPWORDS or w[:NAME_STEM] in own_stems for w in gap)):
        return None
    example = phrase_until(sentence, found[0].end(), _EXAMPLES_END if found[0].group("cases") else _OF_END, EXAMPLE_WORDS, strip=" ,.")
    # "Both sides have lost … military equipment, especially Russia" for "What equipment has Russia
    # lost?": the question's own name is who lost most, no example of equipment. Also as another form
    # of the name ("What equipment problems did the Russian army have?").
    stems = {w[:NAME_STEM] for w in own}
    if example is None or all(w.lower() in own | QUERY_STOPWORDS or w[:1].isupper() and w.lower()[:NAME_STEM] in stems
                              for w in _LETTERS.findall(sentence[example[0] : example[1]])):
        return None
    return example


# "What examples does Alcaro give of …?", "Which cases show …?": examples asked for by that word.
_ASKS_EXAMPLES = re.compile(
    r"^\W*(?:(?:and|so)\s+)?(?:(?:what|which)\s+(?:examples?|cases|instances)|(?:please\s+)?(?:give|name|cite)\s+"
    r"(?:me\s+)?(?:an?\s+|some\s+|one\s+)?(?:examples?|instances?))\b",
    re.I,
)
# Where a sentence gives its examples: "as the cases of Cuba, Iran, Iraq and Venezuela attest".
_EXAMPLES_GIVEN = re.compile(
    r"\b(?:(?:as\s+)?the\s+(?:cases?|examples?)\s+of|for\s+(?:example|instance),?|e\.g\.,?|such\s+as)\s+", re.I
)
# What closes a list of examples: a verb after it ("… Venezuela attest"), a clause mark or the end.
_EXAMPLES_END = re.compile(r"\s+(?:attests?|show|shows|showed|prove|proves|proved|illustrates?|demonstrates?|suggests?)\b|[;:()—–]|,\s+(?:which|who|but|and\s+(?:the|it|they))\b|\.\s|\.?$")


def asks_examples(question: str) -> bool:
    """True when the question asks for examples, cases or instances ("What examples does he cite?")."""
    return _ASKS_EXAMPLES.match(question) is not None


def examples_given(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What examples does Alcaro give of sanctions failing to topple a government?", the
    offsets of the examples the sentence names: "Cuba, Iran, Iraq and Venezuela" in "… as the cases
    of Cuba, Iran, Iraq and Venezuela attest". Only for a question asking for examples, cases or
    instances, and a sentence holding one of the question's content words; None otherwise."""
    if _ASKS_EXAMPLES.match(question) is None:
        return None
    found = list(_EXAMPLES_GIVEN.finditer(sentence))
    if len(found) != 1:
        return None
    asked = {w.lower()[:NAME_STEM] for w in _LETTERS.findall(question) if w.lower() not in QUERY_STOPWORDS
             and w.lower() not in {"examples", "example", "cases", "instances", "give", "gives", "given"}}
    if not asked & {w.lower()[:NAME_STEM] for w in _LETTERS.findall(sentence)}:
        return None
    return phrase_until(sentence, found[0].end(), _EXAMPLES_END, EXAMPLE_WORDS, strip=" ,.")


# "What made the European push on Minsk collapse?", "What caused the stall?": a cause asked for by
# "what", which a phrase may give (not "why", whose answer is a clause: answerer's `_ASKS_CAUSE`).
_ASKS_WHAT_CAUSED = re.compile(
    # "What doomed the European-led effort on the Minsk deal?": a verb that is itself a cause of failing.
    r"^\W*(?:(?:and|so)\s+)?what\s+(?:(?:has|have|had)\s+)?(?:made|makes|caused|causes|led\s+to|leads\s+to|brought\s+about|"
    r"doomed|dooms|scuppered|scuppers|torpedoed|torpedoes|wrecked|wrecks|sank|sunk|sinks|"
    # "What pushed Russia to drop the denazification aim?": what made it do so.
    r"pushed|pushes|drove|drives|prompted|prompts|forced|forces|compelled|compels|persuaded|persuades|led|leads)\s+", re.I
)
# Where a sentence gives a cause: "failed largely because of Russian stalling and …".
_CAUSE_GIVEN = re.compile(
    r"\b(?:(?:largely|mainly|mostly|partly|chiefly|in\s+part|above\s+all)\s+)?(?:because\s+of|due\s+to|owing\s+to|as\s+a\s+result\s+of)\s+",
    re.I,
)
CAUSE_WORDS = 14
# A cause given of a cause: "… because of poor battlefield performance — the result of low morale …".
_RESULT_OF = re.compile(r"\s*(?:[—–,]\s*)?(?:itself\s+)?(?:the|a)\s+(?:result|product|consequence)\s+of\s+", re.I)
# Where an aside between dashes ends, a list within it included.
_ASIDE_END = re.compile(r"\s[—–]\s|[;:()]|\.(?:\s|$)|$")
# A verb of failing: "collapse", "failed", "stalled", "broke down".
_FAILURE = re.compile(
    r"\b(?:collaps|fail|stall|founder|derail|unravel|doom|scupper|torpedo|wreck|sank|sunk|sink|fell\s+apart|fall\s+apart|"
    # "Why did the European push on Minsk go nowhere?"
    r"br(?:eak|oke)\s+down|(?:go|goes|went|gone|going|get|got|led|lead)\s+nowhere|(?:came|come|comes)\s+to\s+nothing|fizzl|"
    # "What made the invasion falter?"
    r"falter|stumbl)\w*", re.I
)


def failure_explained(sentence: str, question: str) -> bool:
    """True when the question asks why something failed, in a verb of failing ("What made the Russian
    offensive stall?"), and the sentence says that failure in the same verb before it gives a reason:
    "… only after its military operation stalled, in part because of poor battlefield performance …"."""
    asked = _FAILURE.search(question)
    reason = _CAUSE_GIVEN.search(sentence) or re.search(r"\bbecause\b", sentence, re.I)
    if asked is None or reason is None:
        return False
    stem = asked.group().lower()[:4]
    return any(m.group().lower()[:4] == stem for m in _FAILURE.finditer(sentence, 0, reason.start()))


def asks_what_caused(question: str) -> bool:
    """True for a question asking by "what" what made or caused something ("What made the European
    push on Minsk collapse?")."""
    return _ASKS_WHAT_CAUSED.match(question) is not None


def cause_given(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What made the European push on Minsk collapse?", the offsets of the cause the sentence
    gives after "because of" (or "due to", "owing to", "as a result of"): "Russian stalling and the
    unreasonable concessions required of Ukraine" in "European-led diplomacy … failed largely because
    of …, such as …". Only for a question asking what made or caused something, when the sentence
    gives one cause and holds one of the question's content words before it; None otherwise."""
    if _ASKS_WHAT_CAUSED.match(question) is None:
        return None
    found = list(_CAUSE_GIVEN.finditer(sentence))
    asked = {w.lower()[:NAME_STEM] for w in _LETTERS.findall(question) if w.lower() not in QUERY_STOPWORDS}
    if not found:
        return _causing_subject(sentence, asked)
    if len(found) != 1:
        return None
    lead = sentence[: found[0].start()]
    # "What made the Minsk deal collapse?" of "… progress on the agreements failed largely because of
    # …": a failure is a failure, in whichever word.
    failed = _FAILURE.search(question) is not None and _FAILURE.search(lead) is not None
    if not failed and not asked & {w.lower()[:NAME_STEM] for w in _LETTERS.findall(lead)}:
        return None
    cause = phrase_until(sentence, found[0].end(), _OF_END, CAUSE_WORDS, strip=" ,.")
    # "What caused Russia's poor battlefield performance?" asks the cause of the cause the sentence
    # gives ("… because of poor battlefield performance — the result of low morale …").
    said = {w.lower()[:NAME_STEM] for w in _LETTERS.findall(sentence[cause[0] : cause[1]])} - QUERY_STOPWORDS if cause else set()
    if cause is None:
        return None
    deeper = _RESULT_OF.match(sentence, cause[1])
    named = said & asked - {w.lower()[:NAME_STEM] for w in _LETTERS.findall(lead)}
    if deeper is not None and named:
        # "What caused Russia's poor showing on the battlefield?" names that cause itself ("poor",
        # "battlefield"), whose own cause the sentence gives: "low morale, inadequate training and …".
        return phrase_until(sentence, deeper.end(), _ASIDE_END, CAUSE_WORDS, strip=" ,.")
    return None if said <= asked else cause


# A sentence whose subject is what made someone do something: "Putin's reluctance to ease the
# military pressure on Ukraine has persuaded the United States to further harden its position …".
_CAUSATIVE = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:persuaded|prompted|pushed|forced|driven|drove|convinced|compelled|led)\s+"
    r"(?P<done>[^.;:]+)"
)
_OPENING_LINK = re.compile(r"^\W*(?:(?:but|and|so|yet|indeed|however),?\s+)?", re.I)


def _causing_subject(sentence: str, asked: set[str]) -> tuple[int, int] | None:
    """The subject of a sentence that says it made someone do what the question asks about (the
    words after its verb hold two of `asked`), when it has no comma and at most CAUSE_WORDS words."""
    made = _CAUSATIVE.search(sentence)
    if made is None or len(asked & {w.lower()[:NAME_STEM] for w in _LETTERS.findall(made.group("done"))}) < 2:
        return None
    start = _OPENING_LINK.match(sentence).end()
    subject = sentence[start : made.start()]
    if not subject or "," in subject or len(subject.split()) > CAUSE_WORDS or CLAUSE_VERB.search(subject):
        return None
    return start, made.start()


# "Which of them are anti-tank?", "And the anti-aircraft one?": one of the things just listed, by its kind.
_ASKS_LISTED_BY_KIND = re.compile(
    # Also as the conversation rewrites it: "Which of the weapons systems that the US provide are anti-tank?"
    r"^\W*(?i:and\s+)?(?:(?i:which)\s+(?:(?i:one|ones)\s+)?(?i:of)\s+(?:(?i:them|these|those)\s+(?:(?i:is|are|was|were)\s+)?"
    r"|(?i:the)\s+[^?]+\s+(?i:is|are|was|were)\s+)(?P<rest>[^?]+?)|(?:(?i:what\s+about)\s+)?(?i:the)\s+(?P<kind>[\w-]+)\s+(?i:one|ones))\W*$"
)
# Where an item of a list in a sentence ends or begins.
_ITEM_EDGE = re.compile(r",\s*(?:and\s+|or\s+|including\s+|such\s+as\s+)?|\s+(?:and|or|including|such\s+as)\s+|:\s*")


def listed_item_of_kind(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Which of them are anti-tank?" or "And the anti-aircraft one?", the offsets of the one item
    of the sentence's list whose words hold the kind asked ("Javelin antitank missiles" in "…,
    including Stinger antiaircraft systems, Javelin antitank missiles, tactical drones, …"); None
    when no item or several do, or the sentence lists nothing."""
    asked = _ASKS_LISTED_BY_KIND.match(question)
    if asked is None:
        return None
    words = _LETTERS.findall(asked.group("rest") or asked.group("kind") or "")
    # "Which of them is fully sanctioned?": an adverb says how, not of what kind.
    kinds = {_kind_word(w.lower()) for w in words if w.lower() not in QUERY_STOPWORDS and not _MANNER_ADVERB.fullmatch(w.lower())}
    if not kinds:
        return None
    edges = [0, *(x for m in _ITEM_EDGE.finditer(sentence) for x in (m.start(), m.end())), len(sentence)]
    items = [(edges[i], edges[i + 1]) for i in range(0, len(edges) - 1, 2)]
    if sum(1 for m in _ITEM_EDGE.finditer(sentence) if m.group(0).strip().startswith(",")) < 2:
        return None  # no list
    found = [(s, e) for s, e in items if kinds & {_kind_word(w.lower()) for w in _LETTERS.findall(sentence[s:e])}]
    if len(found) != 1 or len(sentence[found[0][0] : found[0][1]].split()) > OBJECT_WORDS:
        return None
    if CLAUSE_VERB.search(sentence, *found[0]):
        # "…, only VTB — the second-largest — has been fully blocked …": a clause, no listed item.
        return None
    start, end = found[0]
    text = sentence[start:end]
    return start + len(text) - len(text.lstrip()), start + len(text.rstrip(" .;"))


# "What was wrong with Russia's equipment?": what a sentence says of a thing of its, by the words
# before its noun ("badly maintained equipment"). Not "went wrong", a course of events.
_ASKS_WHAT_WRONG = re.compile(
    r"^\W*(?:(?i:and|so|but)\s+)?(?i:what)\s+(?i:was|is|were|are)\s+(?i:wrong)\s+(?i:with)\s+"
    r"(?:[^?,]*?(?:['’]s|s['’])\s+|(?i:the|its|their|his|her)\s+)?(?:[a-z][\w-]*\s+){0,2}(?P<noun>[a-z][\w-]*)\s*(?:[?,.!]|$)"
)


def fault_described(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What was wrong with Russia's equipment?", the offsets of the one to three words the
    sentence puts before the asked noun ("badly maintained" in "… inadequate training and badly
    maintained equipment"); None when the noun is not there once or nothing describes it."""
    asked = _ASKS_WHAT_WRONG.match(question)
    if asked is None:
        return None
    noun = _kind_word(asked.group("noun").lower())
    words = list(_LETTERS.finditer(sentence))
    at = [i for i, w in enumerate(words) if _kind_word(w.group().lower()) == noun]
    if len(at) != 1:
        return None
    first = at[0]
    while (first > 0 and at[0] - first < 3 and words[first - 1].group().islower()
           and words[first - 1].group() not in _BEFORE_DESCRIPTION and not _ENDS_DESCRIBING.fullmatch(words[first - 1].group())
           and not sentence[words[first - 1].end() : words[first].start()].strip()):
        first -= 1
    if first == at[0]:
        return None
    return words[first].start(), words[at[0] - 1].end()


# "What have the sanctions failed to do to the oligarchs?": what a subject has not done to something named.
_ASKS_FAILED_TO = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?what\s+(?:has|have|had|did)\s+(?P<subject>[^?]+?)\s+(?:failed|fail|not\s+managed|not\s+been\s+able)\s+to\s+do\s+"
    r"(?:to|with|about|for|against)\s+(?P<target>[^?,]+?)\s*(?:,[^?]*)?[?.!]*\s*$",
    re.I,
)
# An action a sentence denies: "not affected …", "nor have they pushed …", "never reached …".
_DENIED_ACT = re.compile(
    r"\b(?:not|never|nor\s+(?:have|has|had|did|do|does)\s+(?:they|it|he|she|we|you))\s+(?P<act>[a-z]{3,}(?:ed|en)\b)", re.I
)
# Where a denied action ends: a clause mark, a dash, or the "nor" of the next one.
_DENIED_ACT_END = re.compile(r"[,;:.!?]|\s[—–]\s|\s+nor\b|$")


def failed_act(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What have the sanctions failed to do to the oligarchs?", the offsets of the action the
    sentence denies that names the target ("pushed the Kremlin-connected oligarchs away from Putin"
    of "… they have not affected Russia’s behavior on the ground, nor have they pushed …"), up to
    the clause's end; None when no denied action names it, or several do."""
    asked = _ASKS_FAILED_TO.match(question)
    if asked is None:
        return None
    target = {w.lower()[:NAME_STEM] for w in _WORD.findall(asked.group("target")) if w.lower() not in QUERY_STOPWORDS}
    found = []
    for denied in _DENIED_ACT.finditer(sentence):
        act = phrase_until(sentence, denied.start("act"), _DENIED_ACT_END, OBJECT_WORDS)
        if act is not None and target & {w.lower()[:NAME_STEM] for w in _WORD.findall(sentence[act[0] : act[1]])}:
            found.append(act)
    return found[0] if len(found) == 1 else None


# "What did Russia drop its talk of denazification after?": a time asked by the preposition left at the end.
_STRANDED_TIME = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?what\s+(?:did|does|do|has|have|had|will|would|could)\s+(?P<rest>[^?]+?)\s+"
    r"(?:only\s+)?(?P<prep>after|before|until|once)\s*[?.!]*\s*$",
    re.I,
)
# Where a clause after "after" or "before" ends: a clause mark, or the reason given for it.
_TIME_CLAUSE_END = re.compile(r"[,;:()]|\s[—–]\s|[.!?]?\s*$|\s+(?:in\s+part\s+|largely\s+|partly\s+)?because\b", re.I)


# "When did Russia give up on denazification?": a time asked, which a sentence may give by a clause.
_WHEN_DONE = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?when\s+(?:did|does|do|has|have|had|will|would|could|was|were|is|are)\s+(?P<rest>[^?]+?)\s*[?.!]*\s*$",
    re.I,
)


def time_clause_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What did Russia drop its talk of denazification after?", the offsets of what the
    sentence's one "after" (or "before", "until", "once") opens, up to the clause's end ("its military
    operation stalled"); for "When did Russia give up on denazification?", of that clause with its
    word ("only after its military operation stalled") when the sentence gives no date. None when the
    sentence has no such word or several, or shares no content word of the question before it."""
    asked = _STRANDED_TIME.match(question)
    when = _WHEN_DONE.match(question) if asked is None else None
    if asked is None and when is None:
        return None
    if when is not None and (_DATE_PATTERN.search(sentence) or _RELATIVE_TIME_PATTERN.search(sentence) or re.search(r"\b\d{4}\b", sentence)):
        return None  # a date answers "when" ("established in 1817 and continued trading until World War II")
    # "When is Moscow open to talks?": "… open to diplomacy only when it’s on the back foot militarily";
    # a "when" without "only" is too common a word to be the answer's.
    prep = asked.group("prep") if asked is not None else r"(?:after|before|once|(?<=only\s)when)"
    found = list(re.finditer(rf"\b(?:only\s+)?{prep}\s+(?=[a-z])", sentence, re.I))
    if len(found) != 1:
        return None
    words = {w.lower()[:NAME_STEM] for w in _LETTERS.findall((asked or when).group("rest")) if w.lower() not in QUERY_STOPWORDS}
    if not words & {w.lower()[:NAME_STEM] for w in _LETTERS.findall(sentence[: found[0].start()])}:
        return None
    span = phrase_until(sentence, found[0].end(), _TIME_CLAUSE_END, OBJECT_WORDS)
    return span if span is None or asked is not None else (found[0].start(), span[1])


# "Is the Russian army stronger in the south or the north?": which of two places (or times), by a
# comparative; the options are lower-case words, which no choice by name (`choice.choice_asked`) reads.
_PLACE_OPTIONS = re.compile(
    r"^\W*(?:(?:and|so)\s+)?(?:(?:is|are|was|were|has|have|had|do|does|did)\b|where\s+(?:is|are|was|were|has|have|do|does|did)\b)"
    r"[^?]*?\b(?:more|less|better|worse|[a-z]{3,}er)\b[^?]*?,?\s+(?:in|at|on)\s+(?:the\s+)?(?P<a>[a-z]+)\s+or\s+(?:(?:in|at|on)\s+)?"
    r"(?:the\s+)?(?P<b>[a-z]+)\s*[?.!]*\s*$",
    re.I,
)


def option_said_better(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Is the Russian army stronger in the south or the north?", the offsets of the one option
    the sentence puts after a comparative ("the south" of "… they have been more successful in the
    south …"); None when it puts both or neither there."""
    asked = _PLACE_OPTIONS.match(question)
    if asked is None:
        return None
    found = []
    for option in (asked.group("a"), asked.group("b")):
        said = re.search(rf"\b(?:more|less|better|worse|[a-z]{{3,}}er)\s+(?:[a-z]+\s+){{0,2}}?(?:in|at|on)\s+"
                         rf"(?P<option>(?:the\s+)?{re.escape(option)})\b", sentence, re.I)
        if said is not None:
            found.append(said.span("option"))
    return found[0] if len(found) == 1 else None


# A finite verb that makes words a clause: "has been fully blocked", "were sent".
CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had)\s+(?:been\s+)?(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b")
MODALS = ("may", "might", "can", "could", "will", "would", "should", "must")
# What may stand between a subject and its verb besides a modal: "can at best freeze", "would also hurt".
_BEFORE_VERB = rf"(?:(?:{'|'.join(MODALS)}|not|also|still|even|only|at\s+best|at\s+least|[a-z]+ly)\s+){{1,3}}"


def _said_again(
    sentence: str, words: list[str], least: int, before: str = "", gap: int = 0, filler: str = ""
) -> re.Match[str] | None:
    """Where the sentence repeats the words in a row (after `before`, a pattern; up to `gap` other
    words may follow the first; a word of `filler`, a pattern, may stand between any two), when there
    are at least `least` of them and one after the first is no stop word; else None."""
    if len(words) < least or all(w.lower() in QUERY_STOPWORDS for w in words[1:]):
        return None
    space = rf"\s+(?:{filler}\s+)?" if filler else r"\s+"
    between = rf"(?:\s+[\w’'-]+){{0,{gap}}}?\s+" if gap else space
    rest = space.join(_as_written(w) for w in words[1:])
    return re.search(rf"\s+{before}{_as_written(words[0])}" + (between + rest if rest else "") + r"\b", sentence, re.I)


def _as_written(word: str) -> str:
    """A pattern for the word with either apostrophe ("Russia's" matches "Russia’s")."""
    return re.sub(r"['’]", "['’]", re.escape(word))


# A sentence's opening subject before its first modal, with no comma in it ("Aiming for maximalist
# objectives – regime change in Moscow – may end up …").
_SUBJECT_BEFORE_MODAL = re.compile(r"\s*(?P<subject>[^,;:]+?)[\s–—-]+(?:may|might|can|could|will|would|should|must)\s")


def _shared_subject(sentence: str, vp: list[str]) -> tuple[int, int] | None:
    """For "What might ostracise non-Western countries?" where the sentence gives the verb and its
    object as one of several after a comma ("X may end up prolonging the war, ostracise non-Western
    countries …, and utterly fail"): the opening subject they share (its words, up to OBJECT_WORDS)."""
    if not vp or vp[0].lower() not in MODALS:
        return None
    later = _said_again(sentence, vp[1 : 1 + MODAL_VERB_WORDS], MODAL_VERB_WORDS)
    opening = _SUBJECT_BEFORE_MODAL.match(sentence)
    if later is None or opening is None or opening.end() > later.start() or not sentence[: later.start()].endswith(","):
        return None
    start, end = opening.span("subject")
    return (start, end) if 1 <= len(sentence[start:end].split()) <= OBJECT_WORDS else None


def _modal_verb_phrase(sentence: str, vp: list[str]) -> re.Match[str] | None:
    """For "What could freeze the conflict?" (a modal, then a verb and its object: at least
    MODAL_VERB_WORDS words, one of them no stop word), where the sentence has that verb and object
    after its own modal or adverbs ("… these diplomatic endeavours can at best freeze the conflict"):
    a match that starts at those modals, so that what comes before is the subject. Else None."""
    if not vp or vp[0].lower() not in MODALS:
        return None
    words = vp[1 : 1 + MODAL_VERB_WORDS]
    if all(w.lower() in QUERY_STOPWORDS for w in words[1:]):
        # "lead to his": one word more, "ouster", tells what is led to.
        words = vp[1 : 2 + MODAL_VERB_WORDS]
    found = _said_again(sentence, words, MODAL_VERB_WORDS, _BEFORE_VERB, VERB_OBJECT_GAP)
    if found is None and len(words) >= 2 and words[0].isalpha():
        # "What would prolong the war?" against "… may end up prolonging the war": the verb's "-ing"
        # after "end up", the question's other words in a row after it.
        verb = words[0].lower()
        rest = r"\s+".join(_as_written(w) for w in words[1:])
        found = re.search(rf"\s+(?:{'|'.join(MODALS)})\s+(?:[a-z]+ly\s+)?(?:end|wind)\s+up\s+{_verb_forms(_verb_stem(verb), verb)}\s+{rest}\b",
                          sentence, re.I)
    return found


# How many words after the question's modal the sentence must repeat.
MODAL_VERB_WORDS = 3
# How many words may stand between the verb and the rest there: "can provide Ukraine with security
# guarantees" for "What could provide security guarantees?".
VERB_OBJECT_GAP = 3
_HEDGE_BEFORE = re.compile(rf"(?<![\w-]){_HEDGES}\s+$", re.IGNORECASE)
_OPENS_WITH_AMOUNT = re.compile(rf"[$€£¥]?\d|{_CARDINAL}\b", re.IGNORECASE)


def hedge_before(sentence: str, start: int) -> int:
    """Where a short answer opening with an amount at `start` begins once it takes in the currency
    sign and the hedge just before it ("more than $2 billion", "nearly $1 billion" for "1 billion",
    "about 63%"): an amount without them misstates the sentence. `start` itself when there is none."""
    if not _OPENS_WITH_AMOUNT.match(sentence, start):
        return start
    if start > 0 and sentence[start - 1] in "$€£¥" and sentence[start:start + 1].isdigit():
        start -= 1  # "$1 billion", not "1 billion"
    hedge = _HEDGE_BEFORE.search(sentence, max(0, start - 20), start)
    if hedge is not None and _TAKES_PREPOSITION.search(sentence, 0, hedge.start()):
        # "The plan rotates around three main components": "around" is the verb's, no hedge.
        return start
    return hedge.start() if hedge is not None else start


# Verbs that take "around", "about" or "over" as their preposition, right before a hedge's place.
_TAKES_PREPOSITION = re.compile(
    r"\b(?:rotat|revolv|cent(?:er|re)|circl|spin|wrap|talk|think|thought|care|worr|argu|fought|fight|quarrel|"
    r"disput|agree|preside|rul|reign|hover)\w*\s+$",
    re.I,
)


# One item of a list and what joins it to the next: "poverty, ", "Ukraine's neutrality and ".
_ITEM_WORDS = 6
_LAST_ITEM_WORDS = 10
_JOIN = re.compile(r",?\s+(?:and|or)\s+|,\s+")
_CONJUNCTION = re.compile(r",?\s+(?:and|or)\s+$")
# Where a list item ends: a join, a bracket, a clause mark or the sentence's end.
_ITEM_END = re.compile(r",|\s+(?:and|or)\s+|[;:()\[\]]|\s[—–]\s|\.(?:\s|$)|[.!?]?\s*$")
# Where the first item of a list begins: after a colon, a bracket, a dash or a comma.
_ITEM_START = re.compile(r"(?:[:;(]|\s[—–]|,)\s*(?=[^:;(,]*$)")


def whole_list(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the whole list a span is one or more items of ("building construction, heavy and
    civil engineering construction, and specialty trade contractors" for the last two; "poverty,
    the lack of access to education and weak government institutions" for "poverty"), or the span
    itself when it is not in such a list: three or more short items joined by commas, with "and"
    or "or" before the last ("1950, and the army left" is two clauses, not a list)."""
    # Rightwards: items joined by commas, until the one after "and"/"or".
    at, joined, items = end, False, 0
    while not joined:
        join = _JOIN.match(sentence, at)
        if join is None:
            break
        stop = _ITEM_END.search(sentence, join.end())
        item_end = stop.start() if stop else len(sentence)
        item = sentence[join.end() : item_end].strip()
        joined = _CONJUNCTION.match(sentence[at : join.end()]) is not None
        if not _list_item(item, _LAST_ITEM_WORDS if joined else _ITEM_WORDS):
            joined = False
            break
        at, items = item_end, items + 1
    new_end, items = (at, items) if joined else (end, 0)
    # Leftwards: items before the span, each after a comma, back to the list's opening mark.
    new_start = start
    last = re.search(r"(?<=\w)\s+(?:and|or)\s+$", sentence[:start]) if not joined else None
    if last is not None:
        # The span is the last name of a list ("G7" of "the NATO, US–EU and G7 summits"): the item
        # before "and", when a comma stands before that one too (three items or more).
        head = sentence[: last.start()]
        opening = _ITEM_START.search(head)
        # Names only: "military exercises" of "… transparency over … systems and military exercises"
        # answers "Which exercises are mentioned?" by itself.
        if (opening is not None and head[: opening.end()].rstrip().endswith(",") and _list_item(head[opening.end() :], _ITEM_WORDS)
                and sentence[start : start + 1].isupper() and head[opening.end() : opening.end() + 1].isupper()):
            new_start, items, joined = opening.end(), items + 1, True
    while re.search(r",\s*$", sentence[:new_start]):
        head = sentence[:new_start].rstrip()[:-1]  # without the comma
        opening = _ITEM_START.search(head)
        item_start = opening.end() if opening else 0
        item = head[item_start:].strip()
        item_start += len(head[item_start:]) - len(head[item_start:].lstrip())
        # "including Stinger antiaircraft systems, Javelin ...": the list opens after "including".
        opening = _LIST_OPENING.match(head, item_start)
        if opening is not None:
            new_start, items = opening.end(), items + 1
            break
        if not _list_item(item, _ITEM_WORDS):
            # "… Biden's visit to Europe for the NATO, US–EU and G7 summits": a list of names may open
            # after "the" or a preposition in a longer phrase; its first item is the name there.
            named = _NAME_OPENS_LIST.search(head, item_start)
            if named is not None:
                new_start, items = named.start("name"), items + 1
            break
        if item_start == 0 and len(item.split()) == 1 and sentence[new_start : new_start + 1].islower():
            # "Together, the military support and economic pressure are …": a word opening the sentence
            # before a comma, when the items after it are in lower case, is an adverb, not an item.
            break
        new_start, items = item_start, items + 1
    inside = len(_JOIN.findall(sentence[start:end]))
    conjunction = joined or re.search(r"\s(?:and|or)\s", sentence[start:end]) is not None
    if items + inside + 1 < 3 or not conjunction:
        return start, end
    # "as the cases of Cuba, Iran, Iraq and Venezuela": the list, not the words that open it.
    opening = _LIST_OPENING.match(sentence, new_start)
    return (opening.end() if opening is not None else new_start), new_end


# A name that may be a list's first item at the end of a longer phrase: after "the" or a preposition.
_NAME_OPENS_LIST = re.compile(r"\b(?:the|for|of|at|in|on|to|from|with|by)\s+(?P<name>(?-i:[A-Z][\w’'.–-]*)(?:\s+(?-i:[A-Z][\w’'.–-]*)){0,2})$")
_LIST_OPENING = re.compile(r"(?i:including|such\s+as|namely|notably|like|as\s+(?:in\s+)?the\s+cases?\s+of)\s+")
_PAIR_JOIN = re.compile(r"\s+(?:and|or)\s+(?=\S)")
# Where the second of two items ends: a comma, a bracket, a colon or semicolon, a dash, the sentence's end.
_PAIR_END = re.compile(CLAUSE_COMMA + r"|[;:(\[]|\s[—–]\s|[.!?](?:\s|$)|$")


def pair_list(sentence: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) with the one item that "and" or "or" joins to it ("Crimea and the so-called
    Luhansk and Donetsk People's Republics", from "...: Crimea and the so-called Luhansk and Donetsk
    People's Republics (LNR and DNR) in the Donbas"), for a question asking for several things whose
    span is one item of a list of two (`whole_list` takes three or more) that a colon, "including"
    or "such as" opens; else as it is. The item is at most as long as a list's last item, ends
    before an auxiliary verb and is no clause ("and was ...")."""
    if re.search(r"\s(?:and|or)\s", sentence[start:end]) or not _OPENS_LIST.search(sentence, 0, start):
        return start, end
    join = _PAIR_JOIN.match(sentence, end)
    if join is None:
        return start, end
    stop = _PAIR_END.search(sentence, join.end())
    item = sentence[join.end() : stop.start() if stop else len(sentence)].rstrip()
    verb = _PREDICATE_START.search(item)
    item = item[: verb.start()].rstrip() if verb else item
    # "a country whose almost 44-million population harbours ...": a phrase with a clause in it.
    if not _list_item(item, _LAST_ITEM_WORDS) or _VERB_OPENING.match(item) or _RELATIVE.search(item):
        return start, end
    return start, join.end() + len(item)


def pair_before(sentence: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) with the one item that "and" joins before it, when a copula, "as" or a colon opens
    the pair ("Research Coordinator and Head of Global Actors programme" of "Riccardo Alcaro is
    Research Coordinator and Head of …", for "What two roles does Alcaro hold?"); else as it is."""
    before = _PAIR_BEFORE.search(sentence, 0, start)
    if before is None or not _list_item(before.group("item"), _ITEM_WORDS) or _VERB_OPENING.match(before.group("item")):
        return start, end
    return before.start("item"), end


# An item and "and" right before a span, after what opens the pair: "is Research Coordinator and ".
_PAIR_BEFORE = re.compile(r"(?:\b(?:is|are|was|were|as|became|becomes)\s+|:\s*)(?P<item>[A-Za-z][^,;:()]{0,60}?)\s+and\s+$")
# A list opens right before the span: after a colon, "including" or "such as".
_OPENS_LIST = re.compile(r"(?::|\b(?i:including|such\s+as|namely))\s*$")
# Where an item's own predicate begins: "Israel have been active" -> "Israel".
_PREDICATE_START = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)\b")
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that|where|when)\b", re.I)
# A second "item" that is a predicate: "and was cut off", "and have sent".
_VERB_OPENING = re.compile(
    r"(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|not)\b", re.I
)


# Names joined as the subject of a plural verb: "Turkey and Israel have been active ...".
_NAME_RUN = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
_NAMES_BEFORE = re.compile(rf"(?:{_NAME_RUN},\s+)*{_NAME_RUN}(?:,?\s+and\s+|,\s+)$")
_PLURAL_VERBS = r"(?:have|are|were|had|both|jointly)\b"
_NAMES_AFTER = re.compile(rf"(?:,\s+{_NAME_RUN})*,?\s+and\s+{_NAME_RUN}(?=\s+{_PLURAL_VERBS})")
_PLURAL_VERB = re.compile(rf"\s+{_PLURAL_VERBS}")
_ONE_NAME = re.compile(rf"{_NAME_RUN}$")


def coordinated_subject(sentence: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to all the names joined with it as the subject of a plural verb ("Turkey
    and Israel" for "Israel" in "Turkey and Israel have been active in this regard"); else as it is.
    Only for a span that is a name: "who" asks for everyone who did it."""
    if not _ONE_NAME.fullmatch(sentence[start:end]):
        return start, end
    after = _NAMES_AFTER.match(sentence, end)
    if after is not None:
        end = after.end()
    elif not _PLURAL_VERB.match(sentence, end):
        return start, end
    before = _NAMES_BEFORE.search(sentence, 0, start)
    if before is not None and before.end() == start and (after is not None or "and" in before.group(0).split()):
        start = before.start()
    return start, end


# A clause, not an item; also a purpose ("…, to keep up its defense and launch counteroffensives").
_CLAUSE_OPENING = re.compile(
    r"^(?:(?i:who|whom|whose|which|that|where|when|while|because|although|though|if|as)\b|(?i:in\s+order\s+)?(?i:to)\s+[a-z])"
)


def _list_item(item: str, most_words: int) -> bool:
    """True for text that can be an item of a list: 1..most_words words, not a clause ("who was angry")."""
    return 1 <= len(item.split()) <= most_words and not _CLAUSE_OPENING.match(item)


# "What is the IAI's quarterly called?", "What is the name of the webzine?": a name is asked for.
_ASKS_NAME_OF = re.compile(
    r"^\s*(?:what|which)\b(?:.*\b(?:called|named|titled|known\s+as)\s*[?.!]*\s*$"
    r"|\s+(?:is|was|are|were)\s+(?:the\s+(?:name|title)s?\s+of\b|(?:its|their|his|her)\s+(?:name|title)s?\b))",
    re.IGNORECASE,
)
# A name in brackets after a description: "an English-language quarterly (*The International
# Spectator*)", "the Hellenic Parliament (Vouli)"; one name, not a list of them.
_IN_BRACKETS = re.compile(r"\(([^()\n]{1,120})\)")
_BRACKETED_NAME = re.compile(r"\s*(\*{0,2})(?P<name>[A-Z][^()*\n]{0,80}?)\1\s*$")
_NAMING_WORDS = frozenset({"called", "named", "titled", "name", "title", "what", "which"})


def named_in_brackets(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """Offsets of the name given in brackets after a description when the question asks what
    something is called: the one whose description shares a word with the question ("What is the
    IAI's webzine called?": "Affarinternazionali", after "an online webzine"), else the one right
    after sentence[start:end] ("The International Spectator", not "English-language quarterly").
    None when the question asks no name or the sentence gives none."""
    if not _ASKS_NAME_OF.search(question):
        return None
    asked = {w.lower().rstrip("s") for w in _WORD.findall(question) if len(w) > 3 and w.lower() not in _NAMING_WORDS}
    after = None
    for bracket in _IN_BRACKETS.finditer(sentence):
        name = _BRACKETED_NAME.match(bracket.group(1))
        found = None if name is None else (bracket.start(1) + name.start("name"), bracket.start(1) + name.end("name"))
        described = _WORD.findall(sentence[max(0, bracket.start() - 40) : bracket.start()])[-3:]
        if any(w.lower().rstrip("s") in asked for w in described):
            # "What are the IAI's book series called?": several names in the brackets, none alone.
            return found
        if after is None and end <= bracket.start() and not sentence[end : bracket.start()].strip():
            after = found
    return after


# A work's title in italics, in brackets: " (*The International Spectator*)".
_TITLE_IN_BRACKETS = re.compile(r"\s*\(\*[A-Z][^()*\n]{0,80}\*\)")


def with_title_after(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """Offsets of sentence[start:end] with the italic title in brackets right after it ("English-language
    quarterly (*The International Spectator*)" for "What does the IAI publish every quarter?"), or
    None; not a title the question gives ("What language is The International Spectator in?")."""
    title = _TITLE_IN_BRACKETS.match(sentence, end)
    if title is None or title.group().strip(" ()*").lower() in question.lower():
        return None
    return start, title.end()


# A place named right after a date: " in Istanbul", " at the Hague".
_PLACE_AFTER_DATE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]")


def narrow_to_asked(span: str, question: str) -> tuple[int, int] | None:
    """Offsets within a short answer of the part a question for a year, a time or a count asks
    for: the one year of "7 January 1943" for "What year ...?", the dates of a span that runs on
    into a clause for "When ...?", the count that opens "308 points" for "How many ...?". None
    when the span is already that, or nothing narrower is asked."""
    if _ASKS_YEAR.search(question):
        years = list(_YEAR.finditer(span))
        if len(years) == 1 and years[0].span() != (0, len(span)):
            return years[0].span()
    if _ASKS_WHEN.search(question):
        # "On Tuesday in Istanbul, the sides met for a sixth time": the reader ran on past the time
        # into the clause; "the summer of 1521" and "after 1850" stay whole.
        dates = _dates(span, question)
        if dates:
            a, b = dates[0].start(), dates[-1].end()
            beside = span[:a] + " " + span[b:]
            # "Tuesday in Istanbul": a place after the date says where, not when.
            if (a, b) != (0, len(span)) and ("," in beside or len(_WORD.findall(beside)) >= DATE_CLAUSE_WORDS
                                             or _PLACE_AFTER_DATE.match(span, b)):
                return a, b
    if _HOW_MANY.search(question) and not _DATE_IN_TEXT.match(span):
        count = _LEADING_COUNT.match(span)
        if count is not None and re.search(r"\w", span[count.end() :]):
            return count.span()
    modified = _ASKS_MODIFIED_KIND.match(question)
    if modified is not None and "," in span:
        # "Which anti-tank weapons did America supply?": of "Javelin antitank missiles, tactical drones",
        # the one item the question's modifier describes.
        modifier = modified.group("modifier").replace("-", "").lower()
        # Each item without the spaces and the "and" or "or" before it.
        items = [m.span("item") for m in re.finditer(r"(?:^|,)\s*(?:(?:and|or)\s+)?(?P<item>[^,]+)", span)]
        fitting = [(a, b) for a, b in items if modifier in span[a:b].replace("-", "").lower()]
        # "NATO, US–EU and G7 summits" for "Which summit meetings …?": a word closing the last item is the
        # head every item shares, not what sets one apart.
        shared = fitting == items[-1:] and re.search(rf"{re.escape(modifier)}\w*\W*$", span.replace("-", "").lower())
        if len(fitting) == 1 and len(items) > 1 and not shared:
            return fitting[0]
    return None


def own_noun_phrase(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """For a span that runs from the object of one "<noun> of" into a second ("Crimea and invasion
    of the Donbas", in "Russia’s 2014 annexation of Crimea and invasion of the Donbas"), the offsets
    of the first object alone; None when the span is no such run."""
    if not re.search(r"\b[a-z]{4,}\s+of\s+$", sentence[:start]):
        return None
    second = re.search(r"\s+(?:and|or)\s+(?:the\s+)?[a-z]{4,}\s+of\s+", sentence[start:end])
    return (start, start + second.start()) if second is not None and second.start() > 0 else None


# "Which anti-tank weapons …?": a kind the question narrows by a modifier that is no determiner.
_ASKS_MODIFIED_KIND = re.compile(
    r"^\W*(?:which|what)\s+(?!(?:other|more|such|similar|of|kinds?|sorts?|types?)\b)(?P<modifier>[a-z]+-[a-z]+|[a-z]{4,})\s+[a-z]{3,}s\b", re.I
)


# A question for one or more of the things named before: "Which of them …?", "Which one of these …?".
_WHICH_OF_THEM = re.compile(rf"^\W*(?:(?:and|but|so)\s+)?(?:which|who)\s+{_OF_THEM}\b", re.I)
_WHICH_OF_THE = re.compile(r"^\W*(?:(?:and|but|so)\s+)?which\s+of\s+the\s+(?:[\w-]+\s+){0,3}[a-z]{2,}s\b", re.I)


_PEOPLE_ADJECTIVE_ONLY = re.compile(PEOPLE_ADJECTIVE_WORD)
# What such an adjective may answer: "Which language …?", "What nationality …?".
_PEOPLE_NOUNS = frozenset(
    "language languages nationality nationalities people peoples tribe tribes ethnicity origin descent "
    "cuisine dialect style culture".split()
)


def _names_class(span: str, noun: str) -> bool:
    """True when the span ends on the plural of a singular noun the question asks which one of
    ("Russian banks" for "bank")."""
    if noun.endswith("s"):
        return False
    last = re.findall(r"[\w’'-]+", span.lower())[-1:]
    return bool(last) and last[0] in (noun.lower() + "s", noun.lower() + "es", noun.lower()[:-1] + "ies")


# Points of the compass.
_DIRECTION = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\b")  # lower case only: not names


def other_direction(span: str, question: str) -> bool:
    """True when the question names a point of the compass and the span names only others: "What does
    Russia want in the south?" is not answered by "(make strides in the) north and east", where the
    sentence says Russian forces struggle, the south set against them. Only words in lower case (not
    "New South Wales"), and not when the question asks for a direction or sets one apart ("Where
    have they done better than in the north?")."""
    directions = _points(span)
    if not directions or _ASKS_OTHER_DIRECTION.search(question):
        return False
    asked = _points(question)
    return bool(asked) and not asked & directions


# A question that asks for a direction, or for one other than it names.
_ASKS_OTHER_DIRECTION = re.compile(r"\b(?:directions?|than|besides|apart\s+from|other\s+than|except|instead|opposite)\b", re.I)


# A question for a kind, a count or a manner: a modifier answers it ("What kind of weapons …?": "lethal").
# One for a term may be answered by its first word ("computational", of "computational problems").
_ASKS_MODIFIER = re.compile(r"\b(?:kinds?|types?|sorts?|forms?|styles?|genres?|sense|how|terms?)\b", re.I)
# An adjective by its ending ("formal", "diplomatic", "maximalist"), not a noun used as one ("coal
# imports", "autoimmunity results").
_MODIFIER_WORD = re.compile(r"[a-z][a-z-]*(?:(?<![aeo])al|ive|ous|ic|ful|less|able|ible|ary|ist)")
# The word after it: lower case, not an adverb.
_HEAD_AFTER = re.compile(r"[”\"’']?\s+([a-z][a-z-]*)\b(?<!ly)(?!\s*[’']s\b)")


def modifier_cut(sentence: str, start: int, end: int, question: str) -> bool:
    """True when the span is one word that modifies the noun after it, a noun the question does not
    ask of: "formal", of "this formal process", says nothing of what could cost Zelensky his job, nor
    "political", of "a political resolution", what the Minsk agreements required. Not for a question
    for a kind, a count or a manner, nor when the question names the noun ("What kind of weapons
    …?": "lethal"; "Which corridors …?": "humanitarian")."""
    word = sentence[start:end]
    if not _MODIFIER_WORD.fullmatch(word) or word in _ORDINAL_WORDS or _NUMBER_WORD.fullmatch(word) or _ASKS_MODIFIER.search(question):
        return False
    head = _HEAD_AFTER.match(sentence, end)
    if head is None or head.group(1) in QUERY_STOPWORDS or head.group(1) in _NOT_HEADS:
        return False
    return stem(head.group(1)) not in {stem(w) for w in re.findall(r"[a-z]+", question.lower())}


# Lower-case words after a modifier that are no noun it modifies.
_NOT_HEADS = frozenset("away around about again also still even yet ago enough would could should might must may can will".split())


def _points(text: str) -> set[str]:
    """The points of the compass that words in lower case name ("southwest": south and west)."""
    return {point for word in _DIRECTION.findall(text) for point in ("north", "south", "east", "west") if point in word}


def span_fits(span: str, kind: str | None, question: str = "") -> bool:
    """True when a short answer is of the kind asked for: a number for NUMBER, a date or year for
    DATE, a capitalised word for PERSON, a name first for a named place ("Which countries ...?"),
    not a nationality when the question asks which country;
    any other span fits (the reader's own choice stands)."""
    if nationality_for_country(span, question):
        return False
    asked_kind = _ASKS_OF_KIND.match(question)
    noun = asked_kind.group("kind").split()[-1].lower() if asked_kind is not None else ""
    if noun and (_names_class(span, noun) or noun not in _PEOPLE_NOUNS and _PEOPLE_ADJECTIVE_ONLY.fullmatch(span)):
        # "Which bank was cut off from SWIFT?" is not answered by "Russian banks", the class, nor by
        # "Russian", an adjective (it may answer "Which language …?").
        return False
    if _WHICH_OF_THE.match(question) and _PEOPLE_ADJECTIVE_ONLY.fullmatch(span):
        # "Which of the five largest banks has been cut off?" is not answered by "Russian".
        return False
    if _WHICH_OF_THEM.match(question) and not re.match(r"(?:the\s+)?[A-Z]", span):
        # "Which of them has been cut off?" after the banks were named: one of the names, not
        # "fully blocked and cut off from SWIFT".
        return False
    if other_direction(span, question):
        return False
    if _ASKS_PERCENTAGE.search(question) and not _SHARE_SPAN.search(span):
        # "What percentage of Ukraine's population …?" is not answered by "almost 44-million", nor
        # "What share of its population …?" by "around 6–7,000".
        return False
    asked_words = {w.lower() for w in _WORD.findall(question)}
    new = [w for w in span.split() if w.lower() not in asked_words]
    if len(new) == 1 and _MANNER_ADVERB.fullmatch(new[0]) and not re.match(r"\s*how\b", question, re.I):
        # "(revised) significantly" says how much, not what: "What would the agreements need to be revised for?"
        return False
    if kind == NUMBER:
        # A full date ("10 March 2022") is no price, count or amount.
        span = _DATE_IN_TEXT.sub(" ", span)
        words = [w.lower() for w in _NUMBER_WORD.findall(span)]
        if _HOW_MANY.search(question) and not re.search(r"\bhow\s+many\s+times\b", question, re.I):
            # A rank is no count: "only VTB — the second" does not say how many (but "met for a sixth
            # time" says how many times).
            words = [w for w in words if w not in _ORDINAL_WORDS]
        return bool(_DIGITS.search(span) or words)
    if kind == DATE:
        return bool(_dates(span, question))
    words = re.sub(r"^\s*the\s+", "", span, flags=re.I).split()
    if kind == PLACE and words and _PEOPLE_ADJECTIVE_ONLY.fullmatch(words[0]) and (
            len(words) == 1 or words[1].lower() in _AGENT_NOUNS):
        # "Where did Zelensky give a speech?" is not answered by "Ukrainian" or "Ukrainian people support".
        return False
    if asks_named_place(question):
        # A name first, and not one the question gives: not "coastal area" for "Which countries
        # border the Sea of Azov?", nor "Ukraine’s northern" or "Russian bombardment of …" for "In
        # which city did Ukraine and Russia hold talks?".
        first = re.match(r"(?:the\s+)?([A-Z][\w’'-]*)", span)
        asked = {w.lower()[:NAME_STEM] for w in _WORD.findall(question)}
        if first is not None and first.group(1).isupper() and (place_kind_asked(question) or "")[:3] in ("cit", "tow", "cap"):
            # Nor "NATO" for "Which Ukrainian city is Russia tightening its grip on?": initials name
            # an alliance or a country, not a city.
            return False
        return first is not None and first.group(1).lower()[:NAME_STEM] not in asked
    if kind == PERSON and _ASKS_ONE_BY_ROLE.match(question) and not _names_person(span, {w.lower() for w in _WORD.findall(question)}, False, by_role=True):
        # "Which official …?" is answered by someone named ("Dmitry Peskov"), not a place ("Donbas").
        return False
    if kind == PERSON:
        capitalised = re.findall(r"\b[A-Z][\w’'-]*", span)
        if capitalised and all(w.lower() in _NATIONALITY_ADJECTIVES for w in capitalised) and (
                span.split()[-1].lower() not in _AGENT_NOUNS):
            # "a future Russian attack" or "Russian" is no one: "Who would guarantee Ukraine's security?"
            # (but "Turkish forces" or "the Russians" is).
            return False
        last = re.findall(r"\b[A-Z][\w’'-]*", span)
        source = according_to_name(question)
        if last and source and without_possessive(last[-1]).lower() == source.split()[-1].lower():
            # "Who must ratify a neutrality deal according to Zelensky?" is not answered by "Ukrainian
            # President Volodymyr Zelensky", the source the question names.
            return False
        # "the Russians", not 'unrealistic" demands', for "Who accused the Ukrainians ...?"
        return any(not _CALENDAR.fullmatch(w) for w in re.findall(r"\b[A-Z][\w’'-]*", span))
    return True


# "Which official …?", "What Russian minister …?": one person asked for by what they do.
_ASKS_ONE_BY_ROLE = re.compile(rf"^\W*(?:(?:and|so)\s+)?(?:which|what)\s+(?:[A-Za-z-]+\s+)?(?:{PERSON_HEADS})\b(?!s)", re.I)
# Adjectives of nationality or region (a closed class; "Sebastian" is a name, not one).
_NATIONALITY_ADJECTIVES = frozenset(
    "russian ukrainian american british chinese european german french italian polish turkish japanese korean "
    "indian iranian israeli syrian belarusian estonian latvian lithuanian swedish finnish norwegian danish dutch "
    "spanish portuguese greek hungarian romanian bulgarian czech slovak austrian swiss belgian irish scottish welsh "
    "english canadian mexican brazilian argentine australian african asian arab egyptian saudi iraqi afghan "
    "pakistani georgian armenian azerbaijani kazakh serbian croatian western eastern soviet mongolian crimean "
    "moldovan chechen taiwanese vietnamese thai indonesian nigerian".split()
)
# Nouns for those who act, which such an adjective may describe.
_AGENT_NOUNS = frozenset(
    "forces force troops soldiers army armies navy military government governments leaders leadership officials "
    "diplomats authorities people president presidents minister ministers delegation delegations negotiators "
    "companies banks firms allies partners citizens refugees rebels separatists militias police parliament "
    "politicians officers commanders generals spokesman spokeswoman spokesperson envoy envoys mediators "
    "aristocracy nobility elite elites team teams group groups researchers scientists scholars settlers colonists "
    "immigrants merchants traders workers farmers tribes tribe clans family families dynasty king kings queen "
    "emperor emperors court state states nation nations population residents inhabitants community communities".split()
)


# A percentage with its hedge, or a range: "about 10 percent", "over 40%", "some 27-30%".
_PERCENTAGE = re.compile(
    rf"(?:{_HEDGES}\s+)?\d+(?:[.,]\d+)?(?:\s*(?:[–-]|to)\s*\d+(?:[.,]\d+)?)?\s*(?:%|per\s*cent\b|percent\b)", re.I
)


def percentage_in(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """For a question asking for a percentage, the offsets of the one percentage inside a longer
    span ("about 10 percent" in "raging and millions of Ukrainians — about 10 percent"), or of the
    sentence's one percentage when the span holds none ("raging"); else None."""
    if not _ASKS_PERCENTAGE.search(question):
        return None
    found = list(_PERCENTAGE.finditer(sentence, start, end)) or list(_PERCENTAGE.finditer(sentence))
    if len(found) != 1 or (found[0].start(), found[0].end()) == (start, end):
        return None
    return found[0].start(), found[0].end()


# A question for a share by its number ("What percentage …?", "What proportion …?"), and what gives one.
_ASKS_PERCENTAGE = re.compile(
    r"\b(?:what|which)\s+(?:percentage|percent|proportion|fraction|share\s+of)\b|\bhow\s+many\s+percent\b"
    # "How big a share of the compromises …?", "How large a proportion …?"
    r"|\bhow\s+(?:big|large|great|small)\s+an?\s+(?:share|proportion|fraction|percentage|part|portion)\s+of\b"
    # Typed as keywords, no question word: "ukrainians living abroad share of population".
    r"|^(?![^?]*\b(?:what|which|who|whom|whose|how|when|where|why|is|are|was|were|do|does|did|has|have|can|could|will|would)\b)"
    r"[^?]*\b(?:percentage|proportion|fraction|share)\s+of\b",
    re.I,
)
_SHARE_SPAN = re.compile(
    r"%|\bper\s*cent\b|\bpercent|\bhalf\b|\bthirds?\b|\bquarters?\b|\bfifths?\b|\btenths?\b|\bone\s+in\s+\w+|"
    r"\bout\s+of\b|\d\s*/\s*\d|\bfraction\b|\bmajority\b|\bminority\b",
    re.I,
)
# A share in words, no number: "the bulk of the compromises".
_WORDED_SHARE = re.compile(r"\b(?:the\s+bulk\s+of|the\s+lion['’]s\s+share\s+of|(?:the\s+)?(?:majority|minority|most|half|all)\s+of\s+the)\b", re.I)


# "What language is the quarterly in?", "In which languages does it appear?": a language asked for.
_ASKS_LANGUAGE = re.compile(r"^\W*(?:(?:and|so)\s+)?(?:in\s+)?(?:what|which)\s+languages?\b", re.I)
# A language named as what a thing is written in: "an English-language quarterly", "in the Russian language".
_LANGUAGE_NAMED = re.compile(r"\b(?P<name>[A-Z][a-z]+)(?:-language\b|\s+language\b)")


def language_named(sentence: str, question: str) -> tuple[int, int] | None:
    """For a question asking for a language, the offsets of the one language the sentence names as
    one ("English" of "an English-language quarterly"); None for other questions, or when the
    sentence names none or several."""
    if _ASKS_LANGUAGE.match(question) is None:
        return None
    found = list(_LANGUAGE_NAMED.finditer(sentence))
    return found[0].span("name") if len(found) == 1 else None


def worded_share(sentence: str, question: str) -> tuple[int, int] | None:
    """For a question asking for a share ("What share of the compromises should Russia make?"), the
    offsets of the share the sentence gives in words ("the bulk" of "… will have to make the bulk of
    the compromises"); None for other questions, or a sentence that gives none or a figure."""
    if not asks_share(question) or _SHARE_SPAN.search(sentence):
        return None
    found = _WORDED_SHARE.search(sentence)
    if found is None:
        return None
    # Every way of saying a share ends on "of" ("the bulk of"): the share is the words before it.
    of = re.search(r"\s+of\b", found.group(0))
    return found.start(), found.start() + of.start()


# "How fast are civilian deaths climbing?": a speed said in words, with the verb it qualifies.
_ASKS_SPEED = re.compile(r"^\W*(?:(?:and|but|so)\s+)?how\s+(?:fast|quickly|rapidly|slowly|swiftly)\b", re.I)
_SPEED_SAID = re.compile(
    r"\b(?:(?P<verb>[a-z]+(?:ing|ed|s))\s+)?(?P<adverb>(?:very\s+|ever\s+more\s+|increasingly\s+)?"
    r"(?:fast|faster|quickly|rapidly|slowly|swiftly|steadily|sharply|gradually|dramatically|exponentially))\b"
)


def speed_given(sentence: str, question: str) -> tuple[int, int] | None:
    """For "How fast …?", the offsets of the speed the sentence says in words, with the verb before
    it ("rising fast" in "Civilian deaths are apparently modest, although they are rising fast.");
    None for other questions, for a sentence with a figure (a speed in numbers is the reader's to
    read: "110 mph"), or with no such word or two."""
    if not _ASKS_SPEED.match(question) or re.search(r"\d", sentence):
        return None
    found = list(_SPEED_SAID.finditer(sentence))
    if len(found) != 1:
        return None
    return found[0].start("verb") if found[0].group("verb") else found[0].start("adverb"), found[0].end()


# "What does Alcaro call the US and Europe's involvement in his final sentence?", "What does he call the
# Russian campaign now?": the source, and the thing it names (without when or where it does).
_ASKS_NAME_FOR = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?what\s+(?:does|do|did)\s+(?P<source>[^?]+?)\s+(?:call|calls|term|label|dub)\s+"
    # Not "What does Alcaro call for?", a recommendation.
    r"(?P<thing>(?!(?:for|on|upon|out)\b)[^?]+?)(?:\s+(?:now|today|these\s+days|(?:in|at)\s+(?:his|her|its|their|the)\s+[^?]+))?\s*[?.!]*\s*$",
    re.I,
)
_BECOMES = r"(?:is|are|was|were|has\s+become|have\s+become|became|has\s+(?:morphed|turned|grown)\s+into|have\s+(?:morphed|turned|grown)\s+into|(?:morphed|turned)\s+into)"


def called_as(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What does <source> call <thing>?", the offsets of what the sentence says the thing is or
    has become: the phrase after the verb that ends on the thing's own noun ("a slow and ever more
    brutal three-front campaign" of "… has morphed into a slow and ever more brutal three-front
    campaign"), else what follows the thing's word and "is" ("a necessary condition for the
    establishment of a durable peace" of "US and European involvement is a necessary condition …").
    When the question gives what the thing is called, the subject called so ("the military support and
    economic pressure" for "What does the April piece call the only way to keep up negotiations?").
    None for other questions, or when the sentence says none of these."""
    asked = _ASKS_NAME_FOR.match(question)
    if asked is None:
        return None
    source = {w.lower() for w in _WORD.findall(asked.group("source"))}
    words = [w.lower() for w in _WORD.findall(without_possessive(asked.group("thing")))
             if w.lower() not in QUERY_STOPWORDS and w.lower() not in source]
    if not words:
        return None
    head = re.escape(words[-1][:NAME_STEM])
    thing = {w[:NAME_STEM] for w in words}
    become = re.search(rf"\b{_BECOMES}\s+(?P<what>(?:an?|the)\s+(?:[\w’'-]+\s+){{0,8}}?{head}[\w’'-]*)", sentence, re.I)
    if become is not None and not thing <= _content_stems(sentence[become.start("what") : become.end("what")]):
        return become.start("what"), become.end("what")
    stems = "|".join(re.escape(w[:NAME_STEM]) for w in words)
    said = re.search(rf"\b(?:{stems})[\w’'-]*\s+(?:is|are|was|were)\s+(?P<what>(?:an?|the)\s+[^,;:—–.!?]{{3,120}}?)(?=\s*(?:[,;:—–.!?]|$))",
                     sentence, re.I)
    if said is not None and not thing <= _content_stems(sentence[said.start("what") : said.end("what")]):
        return said.start("what"), said.end("what")
    # "What does the April piece call the only way to keep up negotiations?": the question gives what
    # it is called; what is called so is the subject before the verb, from the clause's opening
    # ("the military support and economic pressure" of "Together, the military support … are the only way …").
    asked_words = {w.lower()[:NAME_STEM] for w in _WORD.findall(question)}
    copula = re.search(r"\s+(?:is|are|was|were)\s+(?=(?:an?|the)\s)", sentence)
    if copula is None or not _content_stems(sentence[copula.end() :]) & asked_words:
        return None
    opening = max((m.end() for m in re.finditer(r"[,:;—–]\s*", sentence[: copula.start()])), default=0)
    subject = sentence[opening : copula.start()]
    if not subject or _content_stems(subject) & asked_words:
        return None
    return opening, copula.start()


# "What would a 2014-style border deal leave out?", "What would the deal lack?": what is left out.
_ASKS_LEFT_OUT = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?what\b[^?]*\b(?:leave|leaves|left|leaving)\s+out\b|^\W*what\b[^?]*\b(?:exclude|excludes|excluded|omit|omits|omitted|lack|lacks|lacked)\b",
    re.I,
)
# What "without" takes, to the clause's end: "official recognition of Russian control over those areas".
_WITHOUT_PHRASE = re.compile(r"\bwithout\s+(?:any\s+)?(?P<what>[^,;:—–.!?]{3,120}?)(?=\s*(?:[,;:—–.!?]|$))", re.I)


def left_out(sentence: str, question: str) -> tuple[int, int] | None:
    """For a question asking what something leaves out, the offsets of what the sentence's one
    "without" takes ("official recognition of Russian control over those areas" in "… a return to
    the “borders” … , but without official recognition of Russian control over those areas"); None
    for other questions, or a sentence with no such phrase or two."""
    if not _ASKS_LEFT_OUT.match(question):
        return None
    found = list(_WITHOUT_PHRASE.finditer(sentence))
    if len(found) != 1:
        return None
    return found[0].start("what"), found[0].end("what")


# "What are the Luhansk and Donetsk republics called for short?", "What is the abbreviation for …?".
# "… called in short?", "… known as in brief?" too.
_ASKS_SHORT_FORM = re.compile(r"\bfor\s+short\b|\b(?:called|known\s+as)\s+in\s+(?:short|brief)\b|\babbreviat\w*|\bacronyms?\b|\binitials\b|\bshort\s+(?:form|name)s?\b", re.I)
# A name and, in brackets after it, its initials: "Luhansk and Donetsk People’s Republics (LNR and DNR)".
_INITIALS_AFTER_NAME = re.compile(r"(?P<name>(?:[A-Z][\w’'-]*\s+(?:(?:and|of|the|for)\s+)*){1,8})\((?P<initials>[A-Z]{2,6}(?:(?:,\s*|\s+and\s+)[A-Z]{2,6})*)\)")


def asks_short_form(question: str) -> bool:
    """True when the question asks what something is called for short ("What are the initials of …?")."""
    return _ASKS_SHORT_FORM.search(question) is not None


def abbreviation_given(sentence: str, question: str) -> tuple[int, int] | None:
    """For a question that asks what a named thing is called for short, the offsets of the initials
    the sentence gives in brackets after a name that shares a word with the question ("LNR and DNR"
    in "… the so-called Luhansk and Donetsk People’s Republics (LNR and DNR) in the Donbas"); None
    for other questions, for one that gives initials itself (it asks what they stand for), or when no
    such name is in the sentence."""
    if not asks_short_form(question) or re.search(r"\b[A-Z]{2,6}\b", question):
        return None
    asked = {w.lower()[:NAME_STEM] for w in re.findall(r"\b[A-Z][\w’'-]+", question[1:])}
    if not asked:
        # "What are the initials of the two breakaway republics?": a name of the kind asked ("Republics").
        asked = {w.lower()[:NAME_STEM] for w in _LETTERS.findall(question) if len(w) > 3 and w.lower() not in QUERY_STOPWORDS
                 and not _ASKS_SHORT_FORM.fullmatch(w)}
    for found in _INITIALS_AFTER_NAME.finditer(sentence):
        if {w.lower()[:NAME_STEM] for w in re.findall(r"[A-Z][\w’'-]+", found.group("name"))} & asked:
            return found.span("initials")
    return None


_ASKS_WEEKDAY = re.compile(r"\bday\s+of\s+the\s+week\b|\bweekday\b", re.I)


def weekday_given(sentence: str, question: str) -> tuple[int, int] | None:
    """For "On which day of the week did the delegations meet?", the offsets of the sentence's one
    day of the week ("Tuesday" in "On Tuesday in Istanbul, the sides met for a sixth time."); None
    for other questions, or when the sentence names none or several."""
    if not _ASKS_WEEKDAY.search(question):
        return None
    days = list(re.finditer(rf"\b{_DAYS}\b", sentence))
    return days[0].span() if len(days) == 1 else None


def asks_share(question: str) -> bool:
    """True when the question asks for a share by its number ("What percentage …?", "What fraction …?")."""
    return _ASKS_PERCENTAGE.search(question) is not None


# "How much of the greenhouse effect …?", "How much of Ukraine …?": a part of a whole, asked by its size.
_ASKS_PART_OF = re.compile(r"^\W*how\s+much\s+of\s+(?:the|a|an|its|their|his|her|this|that|[A-Z])", re.I)
# A part's size: a share ("over half", "a two-thirds majority") or a sum of money ("$2 billion of the aid").
_PART_SIZE = re.compile(_SHARE_SPAN.pattern + r"|" + _WORDED_SHARE.pattern + r"|[$€£]|\b(?:dollars?|euros?|pounds?)\b|\b(?:most|all|none|some)\b", re.I)


def size_of_part_missing(span: str, question: str) -> bool:
    """True when the question asks how much of a whole ("How much of Ukraine could Russia control?")
    and the span gives no part's size, only some other number ("almost 44-million", the population)."""
    return _ASKS_PART_OF.match(question) is not None and _PART_SIZE.search(span) is None


def gives_share(sentence: str, question: str) -> bool:
    """True when the question asks for a share by its number ("Roughly what fraction of the
    population has fled abroad?") and the sentence gives one ("… about 10 percent of the population")."""
    return asks_share(question) and _SHARE_SPAN.search(sentence) is not None


# One adverb of manner or degree ("significantly", "heavily"), in lower case.
_MANNER_ADVERB = re.compile(r"[a-z]{3,}(?:ally|ently|antly|ously|ively|fully|ably|ibly|edly|ingly|ately|ly)(?<!only)(?<!early)")
# A subject a sentence denies: "no guarantee will truly ensure Ukraine’s sovereignty" says nothing does.
_DENIED_SUBJECT = re.compile(
    r"\s+(?:\w+ly\s+)?(?:will|would|can|could|may|might|shall|should|must|is|are|was|were|has|have|does|do|did)\b"
)


def denied_subject(sentence: str, start: int, end: int) -> bool:
    """True when the span is a subject the sentence denies: "no <noun>" before its verb."""
    return re.match(r"no\s", sentence[start:end]) is not None and _DENIED_SUBJECT.match(sentence, end) is not None


def may_name_someone(sentence: str, question: str) -> bool:
    """True when the sentence has a capitalised word inside it, not a date, a title or a word of the
    question, that may name a person by itself ("Tesla"): looser than `has_type(..., PERSON, ...)`.
    For "Which official …?", someone named as a person ("Which Russian official said the status of
    the contested regions was settled?" is not answered by "The first is the status of the contested
    regions: Crimea and the so-called Luhansk and Donetsk People’s Republics …": places)."""
    asked = {w.lower() for w in _WORD.findall(question)}
    if _ASKS_ONE_BY_ROLE.match(question):
        return _names_person(sentence, asked, by_role=True)
    return any(w.lower() not in asked and _name_word(w) for w in _CAPITALISED.findall(sentence))


# "How many of the five largest Russian banks …?": a count among a group the question names.
_HOW_MANY_OF = re.compile(
    r"\bhow\s+many\s+of\s+(?P<what>(?:the|these|those|its|their|[A-Z][\w’'-]*[’']s)\s+[^?,;]+?)\s+"
    r"(?:have|has|had|are|were|is|was|did|do|does|will|would|can|could)\b",
    re.I,
)
# Words that count a group by naming its members or none of them.
_COUNTING_WORDS = re.compile(r"\b(?:only|none|neither|both|all|not\s+one|no\s+other)\b", re.I)


def _answers_partitive(sentence: str, group: str) -> bool:
    """True when the sentence names the group ("of the five largest Russian banks") and counts in
    it with "only", "none", "both", "all" … after it."""
    # "Russia's five largest banks" is named by "the five largest Russian banks": a possessive as its stem.
    words = [without_possessive(w).lower() for w in _WORD.findall(group) if w.lower() not in ("the", "these", "those", "its", "their")]
    lowered = sentence.lower()
    # "Russia's five biggest banks" and "its top five banks" are "the five largest Russian banks" too.
    words = [next((same for same in _SAME_SIZE if same in lowered), w) if w in _SAME_SIZE else w for w in words]
    at = max((lowered.find(w) for w in words), default=-1)
    return bool(words) and all(w in lowered for w in words) and _COUNTING_WORDS.search(sentence, at) is not None


# Superlatives of size that name the same members of a group ("Russia's top five banks").
_SAME_SIZE = ("largest", "biggest", "greatest", "top", "leading")


# A count of deaths asked for, and a sentence that speaks of deaths ("lost around 6–7,000 soldiers").
_ASKS_DEATHS = re.compile(
    r"^\W*how\s+many\b[^?]*?\b(?:died|die|dies|killed|dead|deaths|perished|casualties|fatalities|murdered|executed|"
    r"lost\s+their\s+lives)\b",
    re.I,
)
_SAYS_DEATHS = re.compile(
    r"\b(?:di(?:ed|es?|ing)|kill\w*|dead|deaths?|deadl\w*|perish\w*|casualt\w*|fatal\w*|lives|murder\w*|execut\w*|"
    r"massacre\w*|slaughter\w*|toll|victims?|fallen|lost|wiped\s+out|bodies|graves?)\b",
    re.I,
)


def has_type(sentence: str, kind: str | None, question: str, context: str = "") -> bool:
    """True when the sentence holds an answer of that kind that the question does not already contain.
    A "How many <Nationality> X?" count may take its nationality from the `context` (the sentence's
    passage and its document's title: "over three million … have already fled the country" in a
    commentary on Ukraine counts Ukrainian refugees)."""
    if kind is None:
        return True
    asked = {w.lower() for w in _WORD.findall(question)} | set(_DIGITS.findall(question))
    if kind == NUMBER:
        # Neither a date nor a web address ("…/7deae048-a327-42a0-…") holds a count or an amount.
        without_dates = _DATE_IN_TEXT.sub(" ", URL.sub(" ", sentence))
        partitive = _HOW_MANY_OF.search(question)
        if partitive is not None and _answers_partitive(sentence, partitive.group("what")):
            # "How many of the five largest Russian banks have been fully blocked?": "of the five
            # largest Russian banks, only VTB …" counts them by naming them.
            return True
        if _ASKS_HOW_MANY_OF_SERIES.match(question) and _ordinal_of_noun(sentence, question) is not None:
            # "How many rounds of talks had taken place …?": "the sides met for a sixth time" counts them.
            return True
        if (asks_share(question) or _ASKS_PART_OF.match(question)) and _WORDED_SHARE.search(sentence):
            # "What share of the compromises should Russia make?": "the bulk of the compromises", in words.
            return True
        if _ASKS_PERCENTAGE.search(question) and not _SHARE_SPAN.search(without_dates) and not _DIGITS.search(_YEAR.sub(" ", without_dates)):
            # "What percentage must approve it?" is not answered by a number word ("One additional
            # complicating factor …" had answered): a share, or a figure, gives one; not a year
            # ("… which Russia signed in 1994").
            return False
        if _ASKS_HOW_LONG.match(question) and not _STRETCH_OR_LENGTH.search(without_dates):
            # "How long had the war been going on?" is not answered by "Two main variables …".
            return False
        if _HOW_MANY.search(question):
            # "How many X" counts things: a sum of money does not answer it, and the count
            # should stand near the thing counted ("6–7,000 soldiers"). "How many Chinese soldiers"
            # is not answered by a count of soldiers that never says "Chinese".
            lowered = f"{sentence} {context}".lower()
            if any(m.lower()[:5] not in lowered for m in count_modifiers(question)):
                return False
            # "How many people died in Mariupol?" is not answered by "up to ten million people" who fled.
            if _ASKS_DEATHS.search(question) and not _SAYS_DEATHS.search(sentence):
                return False
            heads = count_heads(question)
            # "How many weeks had the invasion lasted?" is answered by "about to enter its fifth week":
            # an ordinal of the thing counted counts it.
            return _counts(_MONEY.sub(" ", without_dates), heads, asked) or _ordinal_of(without_dates, heads)
        if not _ASKS_SHARE.search(question):
            # "What is the population of Ukraine?" is not answered by "about 10 percent of the population".
            stems = {w[:NAME_STEM] for w in asked}
            without_dates = _SHARE_OF.sub(
                lambda m: " " if m.group(1).lower()[:NAME_STEM] in stems else m.group(0), without_dates
            )
        if not _ASKS_DURATION.match(question):
            # "How much oil does Russia export?" is not answered by "within the next few weeks": a
            # vague stretch of time says how long, no amount.
            without_dates = _VAGUE_STRETCH.sub(" ", without_dates)
        numbers = [n for n in _DIGITS.findall(without_dates) if n.strip(",.") not in asked]
        words = [w for w in _NUMBER_WORD.findall(without_dates) if w.lower() not in asked]
        if not _ASKS_HOW.match(question):
            # "What was the price of gas?" is not answered by "within the next few weeks"; "How
            # long ...?" may be ("a few weeks").
            words = [w for w in words if w.lower() not in _VAGUE_AMOUNTS]
        return bool(numbers or words)
    if kind == DATE:
        return any(m.group(0).lower() not in question.lower() for m in _dates(sentence, question))
    if kind == PERSON:
        by_role = bool(_ASKS_ONE_BY_ROLE.match(question))
        if _names_person(sentence, asked, by_role=by_role):
            return True
        if by_role:
            # "Which official turned that proposal down?" asks for someone named: no people nor a
            # team is one ("… recognition of Russian control over those areas" had answered).
            return False
        # A people or a team ("the Normans", "the Broncos"), or one name that says or does
        # something ("Tesla said", "Luther wrote"); not a country ("Ukraine and Russia"), and not
        # one the question names ("the Russians" for "Who ... Russia ...?").
        if name_before_verb(sentence, question) is not None:
            # "Who supplied Ukraine with Javelins?": a name that did what is asked, a country too ("The
            # United States has already provided …"; it had abstained).
            return True
        if _sides_acting(sentence, question) is not None:
            # "Who met in Istanbul on Tuesday?": "the sides met for a sixth time" (it had abstained).
            return True
        stems = {w.lower()[:NAME_STEM] for w in asked}
        for m in _GROUP_OR_SPEAKER.finditer(sentence):
            word = m.group("group") or m.group("speaker")
            if word.lower()[:NAME_STEM] not in stems and _name_word(word):
                return True
        return False
    # PLACE: a capitalised word, not at a sentence start, that the question does not contain ("Russia"
    # is in "Russia's"); for "Which country …?", not a bloc or a continent.
    asked |= {without_possessive(w) for w in asked}
    country = _ASKS_COUNTRY.search(question) is not None
    return any(w.lower() not in asked and not (country and w.lower() in _NOT_COUNTRIES) for w in _CAPITALISED.findall(sentence))


# The parties to something, doing it: "the sides met", "both parties agreed".
_SIDES_DID = re.compile(
    r"\b(?P<sides>(?i:the|both|the\s+two)\s+(?i:sides|parties|delegations|negotiators))\s+"
    r"(?:(?i:have|had|have\s+now)\s+)?(?P<verb>[a-z]{3,})\b"
)
_ASKS_WHICH_MORE = re.compile(r"\b(?:more|most|less|least|fewer|fewest|heavier|heaviest|greater|bigger|larger|worse|better)\b", re.I)
_ASKS_WHO_ACTED = re.compile(r"^\W*(?:(?:and|so)\s+)?who\s+(?!is\b|are\b|was\b|were\b)[a-z]+", re.I)


def sides_who_did(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Who met in Istanbul on Tuesday?", the offsets of the parties the sentence says did what
    the question asks ("the sides" in "… the sides met for a sixth time"); None otherwise."""
    if _ASKS_WHO_ACTED.match(question) is None or _ASKS_WHICH_MORE.search(question):
        # "Who has lost more equipment?" asks which of them: "Both sides have lost …, especially Russia".
        return None
    found = _sides_acting(sentence, question)
    return found.span("sides") if found else None


def _sides_acting(sentence: str, question: str) -> re.Match[str] | None:
    """The first "the sides <verb>" of the sentence whose verb is one of the question's words (by stem)."""
    stems = {w.lower()[:NAME_STEM] for w in _WORD.findall(question)}
    return next((m for m in _SIDES_DID.finditer(sentence) if m.group("verb").lower()[:NAME_STEM] in stems), None)


# A title set in italics: "*The International Spectator*", "*Global Politics and Security*".
_ITALICS = re.compile(r"(?<![*\w])\*[^*\n]{1,120}\*(?![*\w])")
# Capitalised words that name states, bodies and places, never a person.
_INSTITUTION_WORDS = frozenset(
    "People Republic Republics Union Nations States Kingdom Federation Institute Istituto Council Ministry "
    "Bank Party Agreement Agreements Memorandum Treaty Organization Organisation Commission Parliament Congress "
    "Sea Ocean River University Committee Assembly Court Summit Alliance Army Navy Affairs Internazionali".split()
)


def _names_person(text: str, asked: AbstractSet[str], sentence: bool = True, by_role: bool = False) -> bool:
    """True when the text holds a full name ("Sergei Lavrov") or a name after a title ("President
    Putin") with a word the question does not have. Weekdays and months are not names, nor, in a
    `sentence`, its capitalised first word; `by_role` (one person asked for by what they do), not
    the name of a state or a body ("United States", "Donetsk People’s Republics") either, nor a
    title in italics ("*The International Spectator*")."""
    text = _ITALICS.sub(" ", text)
    for m in _PERSON.finditer(text):
        words = m.group(0).split()
        if sentence and (m.start() == 0 or text[: m.start()].rstrip().endswith((".", "!", "?"))):
            words = words[1:]
        if by_role and any(without_possessive(w) in _INSTITUTION_WORDS for w in words):
            # "Which Russian official …?" is not answered by "Donetsk People’s Republics".
            continue
        titled = any(_IS_TITLE.fullmatch(w) for w in words)
        names = [w for w in words if _name_word(w)]
        if (len(names) >= 2 or (titled and names)) and any(w.lower() not in asked for w in names):
            return True
    return False


def answer_values(sentence: str, kind: str | None, question: str) -> frozenset[str]:
    """The answers of that kind a sentence gives, normalised for comparing two sources: the
    numbers next to the counted thing ("10-point plan" -> "10"), dates, or names.

    Empty when the kind is not one of number, date, person, or the sentence gives none.
    """
    asked = {w.lower() for w in _WORD.findall(question)} | set(_DIGITS.findall(question))
    if kind == NUMBER:
        text = _MONEY.sub(" ", _DATE_IN_TEXT.sub(" ", sentence)) if _HOW_MANY.search(question) else sentence
        values = (number.lower().strip(",.") for _, number in _counted(text, count_heads(question)))
        return frozenset(v for v in values if v not in asked)
    if kind == DATE:
        return frozenset(m.group(0).lower() for m in _dates(sentence, question) if m.group(0).lower() not in question.lower())
    if kind == PERSON:
        return frozenset(m.group(0).split()[-1].lower() for m in _PERSON.finditer(sentence)
                         if m.group(0).split()[-1].lower() not in asked)
    return frozenset()


_AUXILIARY = re.compile(r"^(?:have|has|had|did|do|does|are|is|were|was|will|would|can|could|should|may|might|in|of|to|for|on|at|by)$", re.I)
_TOKEN = re.compile(r"[\w’'-]+")
# A cardinal number word before a hyphen ("three-front"); not an ordinal ("second-largest" counts nothing).
_CARDINAL_COMPOUND = re.compile(rf"(?:{_COUNT_WORDS})(?=-[^\W\d_])", re.IGNORECASE)


def count_heads(question: str) -> list[str]:
    """The counted thing of a "How many ...?" question: its lower-case words before the verb, and its
    last word when that is capitalised ("Ukrainians" in "How many Ukrainians have left?")."""
    phrase = _counted_phrase(question)
    heads = [w for w in phrase if w[:1].islower()]
    if phrase and phrase[-1][:1].isupper():
        heads.append(phrase[-1])
    return heads


def count_modifiers(question: str) -> list[str]:
    """The capitalised words of the counted thing of a "How many ...?" question ("Chinese" in
    "How many Chinese soldiers are ...?"); not a people counted ("Ukrainians" in "How many
    Ukrainians have fled?", which a count of people or refugees may give)."""
    return [w for w in _counted_phrase(question) if w[:1].isupper() and not _is_people(w)]


def _is_people(word: str) -> bool:
    """True for a people's plural noun: "Ukrainians", "Russians"."""
    return word.lower().endswith("s") and word.lower()[:-1] in _NATIONALITY_ADJECTIVES


def _counted_phrase(question: str) -> list[str]:
    """The words of a "How many ...?" question between "many" and its verb (none for other questions)."""
    words = _TOKEN.findall(question)
    if len(words) < 3 or [w.lower() for w in words[:2]] != ["how", "many"]:
        return []
    phrase = []
    for word in words[2:]:
        if _AUXILIARY.match(word):
            break
        phrase.append(word)
    return phrase


# Words, singular, that count the same people.
_SAME_COUNTED = (
    frozenset({"troop", "soldier", "serviceman", "servicemen", "fighter"}),
    # "How many civilians have fled?" is counted as "over three million [people] … have already fled".
    frozenset({"person", "people", "individual", "inhabitant", "resident", "civilian", "citizen", "refugee"}),
)


def _stem(word: str) -> str:
    """A crude plural stripper, enough to match "soldiers" with "soldier" and "times" with "time" (a
    verb's "-s" too: "precludes" -> "preclude")."""
    word = word.lower().strip("’'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _ordinal_of(sentence: str, heads: list[str]) -> bool:
    """True when an ordinal word stands right before one of the counted things ("its fifth week")."""
    targets = {_stem(h) for h in heads}
    tokens = _TOKEN.findall(sentence)
    return any(_ORDINAL_WORD.fullmatch(a) is not None and _stem(b) in targets for a, b in zip(tokens, tokens[1:]))


def _counts(sentence: str, heads: list[str], asked: set[str]) -> bool:
    return any(token.lower().strip(",.") not in asked for token, _ in _counted(sentence, heads))


def _counted(sentence: str, heads: list[str], window: int = 6) -> Iterator[tuple[str, str]]:
    """(token, number) for each number of the sentence that stands within `window` tokens of a
    counted thing ("6–7,000 soldiers", "a 10-point plan"); every number when there are no heads."""
    tokens = _TOKEN.findall(sentence)
    targets = {_stem(h) for h in heads}
    # "How many troops …?" is counted as "6–7,000 soldiers": words for the same people.
    targets |= {same for t in targets for group in _SAME_COUNTED if t in group for same in group}
    if any(_is_people(h) for h in heads):
        # "How many Ukrainians have fled?" is counted as "over three million [people] … have fled".
        targets |= _SAME_COUNTED[1]
    for i, token in enumerate(tokens):
        # A count may lead a compound: "a three-front campaign" counts fronts, as "a 10-point plan" points.
        number = _DIGITS.match(token) or _NUMBER_WORD.fullmatch(token) or _CARDINAL_COMPOUND.match(token)
        if not number:
            continue
        near = [_stem(t.split("-")[-1]) for t in tokens[max(0, i - window) : i + window + 1]]
        if not targets or any(n == target or (len(target) >= 4 and n.startswith(target)) for n in near for target in targets):
            yield token, number.group(0)


def unknown_names(question: str, vocabulary: Iterable[str]) -> list[str]:
    """Capitalised words of the question (after its first word) that no indexed passage contains.

    A question about "Belarus" or "Nord Stream" in a corpus that never names them is very likely
    not answered by it, however similar its other words are. A word counts as known when the
    corpus has a word sharing its first five letters ("American" / "Americas").
    """
    vocab = vocabulary if isinstance(vocabulary, (set, frozenset)) else set(vocabulary)
    prefixes = {w[:NAME_STEM] for w in vocab if len(w) >= NAME_STEM}
    names = []
    for word in _LETTERS.findall(question)[1:]:
        for part in re.split(r"[’'-]", word):
            if part[:1].isupper() and len(part) > 2 and part.lower() not in vocab:
                if len(part) < NAME_STEM or part.lower()[:NAME_STEM] not in prefixes:
                    names.append(part)
    return names

"""Questions that ask which of two things is more: "Who has given more aid, the US or the EU?",
"Which bank is larger, Sberbank or VTB?", and after a reply quoting two amounts, "Who gave more?";
or which is older: "Which is older, the Minsk deal or the Budapest memorandum?".

The answer is one of the things as a sentence names it, chosen by comparing what the sentences
say of each: an amount ("more than $2 billion" against "a nearly $1 billion package"), a rank
("Russia’s largest bank" against "the second-largest") or a year ("in 1994" against "2015"). When they say nothing comparable, there is
no short answer: the sentences answer alone, rather than a span the reader finds beside the names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from qa.index.bm25 import spell_out_abbreviations
from qa.ingest.dates import YEAR

# Comparatives that ask for the greater thing, and those that ask for the lesser.
_MORE = "more|most|larger|largest|bigger|biggest|greater|greatest|higher|highest"
_LESS = "less|least|fewer|fewest|smaller|smallest|lower|lowest"
# Comparatives of time: "older" and "earlier" ask for the earlier year, "newer" and "later" for the later.
_EARLIER = "older|oldest|earlier|earliest"
_LATER = r"newer|newest|later|latest|more\s+recent|most\s+recent"
# "Who has given more aid, the US or the EU?", "Which is larger, the US aid or the EU package?".
_ASKS_CHOICE = re.compile(
    rf"^\W*(?:(?:and|but|so)\s+)?(?P<wh>who|which|what)\b(?P<head>[^?,]*?\b(?P<comparative>{_LATER}|{_EARLIER}|{_MORE}|{_LESS})\b[^?,]*?)"
    # The options after a comma, a few words each.
    r"(?:,\s+(?:the\s+)?(?P<a>(?:[^\s,?]+\s+){0,3}?[^\s,?]+)\s+or\s+(?:the\s+)?(?P<b>(?:[^\s,?]+\s+){0,3}?[^\s,?]+))?\s*[?.!]*\s*$",
    re.I,
)
# Not "Which countries have sent more weapons besides the US?": only a question that ends on its
# comparative (a follow-up comparing what the reply quoted) or on its two options.
_BARE_HEAD = re.compile(rf"^\s*(?:\w+\s+){{0,3}}?(?:{_MORE}|{_LESS})(?:\s+\w+)?\s*$", re.I)

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}
_WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
# An amount: "$2 billion", "nearly $1 billion", "ten million", "6–7,000", "the hundred billion euro".
_AMOUNT = re.compile(
    rf"(?P<currency>[$€£])?\s?(?P<number>\d[\d,]*(?:\.\d+)?|\b(?:{'|'.join(_WORD_VALUES)})\b)"
    rf"(?:\s*(?P<scale>{'|'.join(_SCALES)})\b)?",
    re.I,
)
# A rank among the largest: "Russia’s largest bank" (1), "the second-largest" (2).
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
_RANK = re.compile(rf"\b(?:(?P<ordinal>{'|'.join(_ORDINALS)})[\s-])?(?:largest|biggest)\b", re.I)
# How many words after an option's name a rank may stand ("VTB — the second-largest").
RANK_GAP_WORDS = 4
# A sentence's named subject after an opening phrase: "For its part, the European Union agreed …".
_OPENING_NAME = re.compile(r"^\W*(?:[^,]{1,30},\s+)?(?:the\s+)?(?P<name>(?-i:[A-Z][\w.’'-]*)(?:\s+(?-i:[A-Z][\w.’'-]*))*)", re.I)


@dataclass(frozen=True)
class Choice:
    """What a choice question asks: the greater or the lesser, and of which options (none named:
    the subjects of the sentences quoted); `by_year` compares the years written beside them ("Which
    is older, …?": the lesser)."""

    greater: bool
    options: tuple[str, ...]
    by_year: bool = False


def choice_asked(question: str) -> Choice | None:
    """The choice a question asks for, or None when it asks none."""
    asked = _ASKS_CHOICE.match(question)
    if asked is None:
        return None
    options = tuple(o for o in (asked.group("a"), asked.group("b")) if o)
    # "What does Ukraine need most?" asks for a thing, not which of two.
    if not options and (asked.group("wh").lower() == "what" or not _BARE_HEAD.match(asked.group("head"))):
        return None
    comparative = asked.group("comparative")
    if re.fullmatch(f"{_EARLIER}|{_LATER}", comparative, re.I):
        # "Which is older, the Minsk deal or the Budapest memorandum?": the two years compared, and
        # only between two options the question names.
        return Choice(re.fullmatch(_LATER, comparative, re.I) is not None, options, by_year=True) if len(options) == 2 else None
    return Choice(re.fullmatch(_MORE, comparative, re.I) is not None, options)


def amount(text: str) -> float | None:
    """The first amount the text gives with a currency or a scale ("$2 billion": 2e9), else the
    first number; None without one."""
    found = [m for m in _AMOUNT.finditer(text) if m.group("number")]
    weighty = [m for m in found if m.group("currency") or m.group("scale")]
    for m in weighty or found:
        number = m.group("number").lower()
        value = float(_WORD_VALUES[number]) if number in _WORD_VALUES else float(number.replace(",", ""))
        return value * _SCALES.get((m.group("scale") or "").lower(), 1.0)
    return None


def chosen_option(sentences: Sequence[str], choice: Choice) -> tuple[int, int, int] | None:
    """The sentence (its index) and offsets of the option the sentences show is the greater (or the
    lesser): each option named in one sentence and compared by rank, or by amount when no rank is
    given; or, for the greater, the option a sentence singles out ("Both sides have lost enormous
    amounts of military equipment, especially Russia"). None when nothing tells them apart."""
    if choice.greater and choice.options and (singled := _singled_out(sentences, choice.options)) is not None:
        return singled
    named = [_named(sentences, option) for option in choice.options] if choice.options else _subjects(sentences)
    found = [n for n in named if n is not None]
    if len(found) < 2 or len({n[0] for n in found}) < len(found):
        return None
    ranks = [_rank_after(sentences[i], end) for i, _, end in found]
    if choice.by_year:
        years = [_year_near(sentences[i], start, end) for i, start, end in found]
        if any(y is None for y in years):
            return None
        values = [float(y) for y in years if y is not None]
    elif all(r is not None for r in ranks):
        values = [-float(r) for r in ranks if r is not None]
    else:
        amounts = [amount(sentences[i]) for i, _, _ in found]
        if any(a is None for a in amounts):
            return None
        values = [a for a in amounts if a is not None]
    best = max(values) if choice.greater else min(values)
    if values.count(best) > 1:
        return None
    return found[values.index(best)]


# How many characters from an option's name its year may stand ("the now-defunct 2015 Minsk agreements").
YEAR_REACH = 40


def _year_near(sentence: str, start: int, end: int) -> int | None:
    """The year written nearest the name at [start, end) within YEAR_REACH characters, else None."""
    years = [m for m in YEAR.finditer(sentence) if m.end() >= start - YEAR_REACH and m.start() <= end + YEAR_REACH]
    if not years:
        return None
    return int(min(years, key=lambda m: min(abs(m.start() - end), abs(start - m.end()))).group(0))


def option_named(sentences: Sequence[str], option: str) -> bool:
    """True when one of the sentences names the option (`_named`)."""
    return _named(sentences, option) is not None


def _named(sentences: Sequence[str], option: str) -> tuple[int, int, int] | None:
    """Where the first sentence naming the option's capitalised words (abbreviations spelt out:
    "US" as "United States") names them."""
    names = [w for w in spell_out_abbreviations(option).split() if w[:1].isupper()]
    if not names:
        return None
    pattern = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in names) + r"\b")
    for i, sentence in enumerate(sentences):
        if (m := pattern.search(sentence)) is not None:
            return i, m.start(), m.end()
    return None


# Words that single one thing out of several: "…, especially Russia".
_SINGLES_OUT = re.compile(r"\b(?:especially|notably|particularly|above\s+all|most\s+of\s+all)\s+(?:the\s+)?", re.I)


def _singled_out(sentences: Sequence[str], options: Sequence[str]) -> tuple[int, int, int] | None:
    """Where the first sentence singles out one of the options by name ("especially Russia")."""
    for i, sentence in enumerate(sentences):
        for m in _SINGLES_OUT.finditer(sentence):
            for option in options:
                named = _named([sentence[m.end() :]], option)
                if named is not None and named[1] == 0:
                    return i, m.end(), m.end() + named[2]
    return None


def _subjects(sentences: Sequence[str]) -> list[tuple[int, int, int] | None]:
    """Each sentence's named subject, where it opens the sentence."""
    found: list[tuple[int, int, int] | None] = []
    for i, sentence in enumerate(sentences):
        m = _OPENING_NAME.match(sentence)
        found.append((i, *m.span("name")) if m is not None else None)
    return found


def _rank_after(sentence: str, end: int) -> int | None:
    """The rank among the largest the sentence gives right after a name, else None."""
    m = _RANK.search(sentence, end)
    if m is None or len(re.findall(r"[\w’'-]+", sentence[end : m.start()])) > RANK_GAP_WORDS:
        return None
    return _ORDINALS[m.group("ordinal").lower()] if m.group("ordinal") else 1

"""A question in the sentence's own words, for the span reader ("capture" read as "conquer").

The reader learnt to find the words of the question in the sentence; a question that names an
action or a thing in a word the documents never use ("What does Alcaro say the Russians cannot
capture?" of "… do not have the capacity to conquer major urban centres …") leaves it nothing to
hold on to. Each such word is replaced, in what the reader reads, by the sentence's word for it
when WordNet gives the two as synonyms in one of the question word's first senses. A word the
documents use is kept: there it means what the documents mean by it (replacing every word the
sentence lacks changed 44 earlier reader answers, most for the worse, and lost gold F1 held out).
Nothing is replaced by a word the sentence does not hold.

The table (`synonyms.tsv.gz`, with WordNet's licence in `synonyms.LICENSE`) is derived from
WordNet 3.0 by `eval/build_synonyms.py`: for each single-word lemma, the single-word lemmas of its
first five senses of each part of speech, and WordNet's irregular forms ("sent" -> "send"). It is
read once, on first use (about 60 ms).

Which words the documents use is the answer's business, not the reader's: `answerer.answer` names
them for the time of one answer (`reading`), and the reader asks `corpus_words()`. Outside an
answer no word is replaced.
"""

from __future__ import annotations

import gzip
import re
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import AbstractSet, Callable, Iterator

TABLE = Path(__file__).with_name("synonyms.tsv.gz")

# Verbs too light to stand for another ("make" is "get" in one of its senses).
LIGHT_WORDS = frozenset(
    "be is are was were been being have has had do does did done make makes made get gets got take takes took taken "
    "give gives gave given go goes went gone come comes came put puts set sets let lets see saw seen".split()
)
# Regular endings and what a base form ends with instead ("ies" -> "y"), after WordNet's morphy.
_ENDINGS = (
    ("ies", "y"), ("ied", "y"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
    ("men", "man"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
    ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
)
_WORD = re.compile(r"[A-Za-z]+")
MIN_LETTERS = 3

Table = tuple[dict[str, tuple[str, ...]], dict[str, str]]
_table: Table | None = None
_lock = threading.Lock()
_corpus: ContextVar[Callable[[], AbstractSet[str]] | None] = ContextVar("corpus_words", default=None)


def _load() -> Table:
    """The synonym table and the irregular forms, read once (both empty when the file is missing)."""
    global _table
    with _lock:
        if _table is None:
            synonyms: dict[str, tuple[str, ...]] = {}
            irregular: dict[str, str] = {}
            try:
                with gzip.open(TABLE, "rt", encoding="utf-8") as handle:
                    for line in handle:
                        word, _, rest = line.rstrip("\n").partition("\t")
                        if word.startswith("~"):
                            irregular[word[1:]] = rest
                        else:
                            synonyms[word] = tuple(rest.split())
            except OSError:
                pass
            _table = synonyms, irregular
        return _table


@contextmanager
def reading(words: Callable[[], AbstractSet[str]]) -> Iterator[None]:
    """While inside, `corpus_words()` is `words()` (called on first need): the documents' words."""
    token = _corpus.set(words)
    try:
        yield
    finally:
        _corpus.reset(token)


def corpus_words() -> AbstractSet[str]:
    """The lower-cased words of the documents being read (empty outside `reading`)."""
    words = _corpus.get()
    return words() if words is not None else frozenset()


def base_forms(word: str, irregular: dict[str, str]) -> set[str]:
    """The word (lower case) and every form WordNet's endings could make its base ("conquered" ->
    "conquer", "conquere"); unchecked, since they are only ever matched against real lemmas."""
    word = word.lower()
    forms = {word}
    if word in irregular:
        forms.add(irregular[word])
    for ending, base in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) + len(base) >= MIN_LETTERS:
            forms.add(word[: len(word) - len(ending)] + base)
    for ending in ("ed", "ing"):
        # A doubled consonant before the ending: "stopped" -> "stop".
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) > MIN_LETTERS and stem[-1] == stem[-2]:
            forms.add(stem[:-1])
    return forms


def verb_base(word: str) -> str | None:
    """The base form WordNet knows of a verb in "-s" or "-ed" ("expects" -> "expect", "stalled" ->
    "stall", "reneged" -> "renege"); None when it knows none but the word itself."""
    synonyms, irregular = _load()
    known = sorted(form for form in base_forms(word, irregular) - {word.lower()} if form in synonyms)
    return min(known, key=len) if known else None


def synonyms_of(word: str) -> set[str]:
    """The WordNet synonyms (lemmas) of any base form of the word ("supplied" -> "provide", …), light verbs left out."""
    synonyms, irregular = _load()
    return {x for base in base_forms(word, irregular) for x in synonyms.get(base, ())} - LIGHT_WORDS


def lemma_synonyms(word: str) -> set[str]:
    """The WordNet synonyms of the word as written, when it is a lemma of its own ("talks" ->
    "negotiation", "dialogue"), not those of its base forms ("talk" -> "babble", "speak", …)."""
    synonyms, _ = _load()
    return set(synonyms.get(word.lower(), ())) - LIGHT_WORDS


def is_form_of(word: str, lemmas: set[str]) -> bool:
    """True when one of the word's base forms is one of `lemmas` ("provided" of {"provide"})."""
    _, irregular = _load()
    return bool(base_forms(word, irregular) & lemmas)


def inflections(base: str) -> set[str]:
    """The base and the regular forms WordNet's endings make of it ("estimate" -> "estimates",
    "estimated", "estimating"; "city" -> "cities")."""
    forms = {base, base + "s", base + "es", base + "ed", base + "d", base + "ing", base + "er", base + "est"}
    if base.endswith("e"):
        forms.add(base[:-1] + "ing")
    if base.endswith("y"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if len(base) >= MIN_LETTERS and base[-1] not in "aeiouwxy":
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # "stopped"
    return forms


def reworded(question: str, sentence: str, known: AbstractSet[str], stopwords: AbstractSet[str] = frozenset()) -> str:
    """The question with each word that `known` (the documents' words) and the sentence lack in
    every form replaced by the sentence's word that WordNet gives as its synonym (the first such, in the
    order of the question word's senses); the question itself when `known` is empty."""
    if not known:
        return question
    synonyms, irregular = _load()
    if not synonyms:
        return question
    held: dict[str, str] = {}
    for match in _WORD.finditer(sentence):
        for form in base_forms(match.group(0), irregular):
            held.setdefault(form, match.group(0))

    def replaced(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if len(lower) < MIN_LETTERS or lower in stopwords or lower in LIGHT_WORDS or (word[0].isupper() and match.start() > 0):
            return word
        forms = base_forms(lower, irregular)
        if forms & held.keys() or any(form in known for base in forms for form in inflections(base)):
            return word
        for form in forms:
            for synonym in synonyms.get(form, ()):
                if synonym in held and synonym not in LIGHT_WORDS and synonym not in stopwords:
                    return held[synonym]
        return word

    return _WORD.sub(replaced, question)

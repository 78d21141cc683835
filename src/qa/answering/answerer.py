"""Extractive answers: the one to three retrieved sentences that best answer the question, each
quoted verbatim with an inline [n] marker, checked against the passage it cites.

No language model writes anything: every answer sentence is a span of a cited passage. When the
best sentence is weak evidence, the assistant abstains and returns the closest passages instead.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, AbstractSet, Any, Callable, Collection, Iterable, Iterator, Mapping, NamedTuple, Sequence

from qa.answering.attribution import same_work, source_label
from qa.answering.authorship import DOCUMENT_NOUNS, asks_author, author_note, document_words, name_span
from qa.answering.boilerplate import Bylines, admissible
from qa.answering.choice import choice_asked, chosen_option, option_named
from qa.answering.comparison import (
    DOCUMENTS_PLURAL, MAX_DOCUMENTS, agreement_asked, asks_comparison, asks_differences, asks_view, compared_documents, compared_words, comparison_topic,
    differing_counts, judged_words, plain_verb, value_asked, view_topic, viewed_document,
)
from qa.answering.contact import CITY, FAX, PHONE, asks_contact, contact_detail, names_publisher
from qa.answering.document_facts import (
    DATE_FACT, FACT_WORDS, KIND_FACT, PUBLISHER_FACT, TITLE_FACT, asks_fact, dated_first, fact_line, fact_value, other_month,
)
from qa.answering.features import COLUMN, Candidate, sentence_features
from qa.answering.sentence_model import load_model
from qa.answering.synonyms import lemma_synonyms, reading, synonyms_of, verb_base
from qa.answering.continents import asked_continent, elsewhere, without_continent
from qa.answering.enumeration import (
    ASKED_COUNT, COUNTS, ORDINALS, announced_count, announcement, announces_asked_items, asked_count, colon_items, counted_list, asks_included, first_listed_item, included_list, listed_items, lists_asked_items, members_listed,
    KIND_WORDS, members_of_kind_asked,
    counted_items, is_item_kind, names_asked_item, names_opening, ordinal_of, singular, to_sentence_end,
)
from qa.answering.summary import (
    AUTHOR_WORDS,
    MAX_SUMMARY_DOCUMENTS,
    TOPIC_WORD,
    asked_topic,
    asks_gist,
    asks_summary,
    central_sentences,
    leans_on_previous,
    named_documents,
    pointed_documents,
    summary_length,
    target_documents,
    without_document_names,
    without_sources,
)
from qa.answering.gate import NO_REFERENT, SET_ASIDE_WORDS, WEATHER_IT, after_conjunction, is_english, points_back, refers_back, refuse, refuse_numbers, spelling_of
from qa.answering.reader import HOW_OF_AMOUNT, MAKES_THINK, THOUGHT_VERB, Span, get_reader, wants_short
from qa.answering.referents import (
    ORDINAL_POSITION, YES_NO_WORDS, ellipsis_readings, group_by_names, item_named, offered_name, resolve_answered_subject, listing_sentence, mentions_it, plain_reply, points_at_item, resolve_bare, resolve_bare_answered, resolve_defined, resolve_else, resolve_counted, resolve_definite, resolve_demonstrative, resolve_ellipsis, resolve_there, resolve_group, resolve_person, resolve_pointer, resolve_thing, resolve_which_one, thing_answered,
)
from qa.answering.recommendation import RECOMMENDATION_WORDS, asks_recommendation, asks_what_should, prescribes, wants_done_on
from qa.answering.references import (
    NOTE_KINDS, PUBLICATION, CitedAsked, asks_about_sources, asks_cited, asks_most_cited, asks_reported, asks_other_works, cited_authors, cited_title, cited_titles, publication, is_catalogue_entry, is_reference, reported_headline, names_cited_work, other_works_author, restates_title, speaks_of_work, title_covers, work_by, work_on_asked,
)
from qa.index.bm25 import QUERY_STOPWORDS, spell_out_abbreviations, stem as snowball_stem, tokenize
from qa.answering.seats import GROUPS, SEATS
from qa.ingest.dates import DATE_ONLY, MONTHS, date_parts, earlier_than, month_pattern
from qa.ingest.sentences import FOOTNOTE_MARKER, SUPERSCRIPTS
from qa.answering.types import (
    person_names,
    ACRONYM, ASKS_INSTEAD, SAYS_INSTEAD, LIKENESS_WORDS, became_instead, failure_explained, kind_in_words, rank_given,
    CLAUSE_VERB, HEDGE_WORDS, KIND_AUXILIARY, MODALS, STEP_PREPOSITIONS, is_pointer, is_title, NAME_STEM, PLURAL_OR_VERB, OBJECT_END, OBJECT_WORDS, PEOPLE_ADJECTIVE_WORD, URL, according_to_name, infinitive_asked, without_possessive, answer_values, modifier_cut, asks_for_several, asks_named_place, count_heads, compared_with, claimed_of, deadline_given, clause_of_noun, definition_of, holder_of_role, item_content, noun_to_do, object_of_passive, reminded_of, employer_of, aim_of, has_type, hedge_before, job_of,
    event_subject, sides_who_did, subject_called, object_before_relative, speaker_named, may_name_someone, named_in_brackets, with_title_after, narrow_to_asked, nationality_for_country, person_description, place_of_name, place_of_verb, asked_noun, count_of_asked_noun, count_of_verb, ranks_none, ranks_other, says_superlative, reported_clause, span_fits, speaks_of_event,
    asks_side, called_as, in_documents_verb, name_object, pair_before, first_date, left_out, condition_set, whole_units, opens_on_side, side_predicate, condition_asked, content_of_noun, effect_asked, feared_asked, owner_asked, clause_renamed, imminent_asked, purpose_asked, limit_given, kind_done, kind_after_name, singled_out, place_written, colon_point, target_of, content_nouns_asked, holds_title_asked, first_time_done, asks_first_time, says_first_time, term_does, own_noun_phrase, promise_made, gloss_of, asks_reference, belief_asked, phrase_until, coordinated_subject, denied_subject, denies_asked, doer_acted_on, asks_meaning, object_given, other_direction, owns_asked_places, place_kind_asked, speed_given, abbreviation_given, size_of_part_missing, subject_of_asked_verb, percentage_in, asks_share, gives_share, ordinal_counts_before, weekday_given, roles_reversed, example_of_kind, examples_given, asks_examples, holds_email, cause_given, asks_what_caused, listed_item_of_kind, date_of_asked_clause, passive_agent, name_before_verb, named_of_kind, worded_share, language_named, fault_described, failed_act, stretch_so_far, time_clause_asked, option_said_better, asks_short_form, gives_asked_ordinal, gives_asked_duration, kind_described, kind_in_listed_item, happened_to, owner_of_deed, numbered_part, object_points_back, ordinal_asked, points_at_item_only, other_title, pair_list, subject_of, subject_points_back, name_before_turned_down, verb_object, reports_speech, speaker_asked, unknown_names, whole_list,
)
from qa.inputs import assistant_turns, check_question, user_turns
from qa.retrieval.query import DATE, GROUP_COUNTED_FIRST, NUMBER, PERSON, PERSON_HEADS, PLACE, Query, defined_term, expected_type, kind_of_name, recent_turns, who_is_named
from qa.retrieval.retriever import Passage, Retriever, get_retriever
from qa.settings import AnswerSettings
from qa.ingest.clean import BOILERPLATE
from qa.ingest.sentences import split_sentences

if TYPE_CHECKING:
    import numpy as np

    from qa.answering.reader import SpanReader
    from qa.index.store import DocumentRecord

SOURCES_DIFFER = "The sources differ on this: each is quoted above with its source."
NOT_FOUND = "I could not find the answer to this in the documents."
TOO_MANY_TO_SUMMARISE = ("That asks for a summary of {n} documents. Name the one to summarise (by its title, author, "
                         "publisher or date), or ask what they say about a topic.")
# "Thanks!", "Hello": no question about the documents ("thanks" had matched "thanks to Western weapon supplies").
SMALL_TALK = "I answer questions about the documents, quoting where they say it. Ask me one."
_GREETING = (
    r"(?:hi|hello|hey|hallo|thanks|thank\s+you|thx|ty|ok|okay|great|cool|nice|perfect|bye|goodbye|good\s+bye|"
    r"cheers|good\s+(?:morning|afternoon|evening|night)|"
    # A closing: "Thanks, that's all.", "Got it, no more questions."
    r"that(?:['’]s|\s+is|\s+will\s+be)\s+(?:all|it)(?:\s+for\s+now)?|no\s+(?:more|further)\s+questions|nothing\s+else|"
    r"got\s+it|understood|never\s*mind|see\s+you(?:\s+later)?|all\s+(?:good|right)|alright|fine)"
    r"(?:\s+(?:you|so\s+much|a\s+lot|very\s+much|again|there))*"
)
# "Thanks", "Ok, thanks!", "Great, thank you so much": up to three of them.
_SMALL_TALK = re.compile(rf"^\W*{_GREETING}(?:[\s,.!]+{_GREETING}){{0,2}}\W*$", re.IGNORECASE)
NO_SOURCE_CITED = "The documents cite no source for that: the passages that answered it have no footnote."
# "Says who?" of an answer whose sentences cite no footnote: the documents themselves say it.
SAID_UNSOURCED = "{source} {verb} so, citing no source for it:"
# Requests for work other than answering from the documents.
OTHER_TASK = ("I answer questions about the documents, quoting where they say it; I do not translate, write, "
              "rewrite or make up text. Ask me what the documents say.")
_OTHER_TASK = re.compile(
    r"^\W*(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)?"
    r"(?:translate|rewrite|paraphrase|write|compose|draft|generate|invent|make\s+up|draw|sing)\b"
    r"|^\W*(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?tell\s+(?:me|us)\s+(?:a|another)\s+(?:joke|story|poem|riddle)\b",
    re.I,
)
# "What is Altiero Spinelli known for?", "What is Lavrov famous for?".
_KNOWN_FOR = re.compile(
    r"^\W*(?i:what|why)\s+(?i:is|was|are|were)\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+"
    r"(?i:known|famous|noted|remembered)(?:\s+(?i:for|as))?\W*$"
)
# "How many documents are there?", "What documents do you have?", "List the documents.": the collection itself.
_DOCUMENT_NOUNS = r"(?:documents|texts|files|articles|pieces|commentaries|sources)"
_ASKS_COLLECTION = re.compile(
    # "Which two documents do we have here?" too.
    rf"^\W*(?:(?:how\s+many|which|what)\s+(?:(?:two|three|four|five|\d+)\s+)?{_DOCUMENT_NOUNS}\s+(?:(?:are\s+there|do\s+(?:you|we)\s+(?:have|know|search|use)|"
    r"are\s+(?:in\s+(?:the\s+)?(?:collection|library|index|corpus)|indexed|available|loaded)|can\s+(?:you|we)\s+search|have\s+(?:you|we)\s+got)"
    r"(?:\s+(?:here|(?:in|on)\s+(?:the\s+)?(?:collection|library|index|corpus|file)))?)"
    rf"|(?:list|show)\s+(?:me\s+)?(?:all\s+)?(?:the\s+|your\s+)?{_DOCUMENT_NOUNS}"
    r"|what\s+(?:is|are)\s+in\s+the\s+(?:collection|library|index|corpus))\W*$",
    re.I,
)
COLLECTION = "The collection holds {n} documents{listed}"
# More documents than this are counted, not listed.
MAX_LISTED_DOCUMENTS = 10

_WORD = re.compile(r"\w+", re.UNICODE)
# A hyphen inside a word: "de-militarised" is "demilitarised".
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_SPREAD = re.compile(r"\b(?:both|each|all|documents|sources|commentaries|compare|differ|differences?|disagree|agree|versus|vs)\b", re.I)


@dataclass(frozen=True)
class Support:
    """Where one answer sentence comes from: citation number, passage, and character spans.

    `start`/`end` index the document's clean text; `passage_start`/`passage_end` index the
    cited passage's text.
    """

    sentence: str
    citation: int
    passage_id: str
    doc_id: str
    start: int
    end: int
    passage_start: int
    passage_end: int
    score: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Short:
    """The short answer: a span of one supporting sentence, with the citation that sentence carries.

    `start`/`end` index the document's clean text; `passage_start`/`passage_end` index the cited
    passage's text; `score` is the span reader's probability for the span.
    """

    text: str
    citation: int
    passage_id: str
    doc_id: str
    start: int
    end: int
    passage_start: int
    passage_end: int
    score: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    """An extractive answer. `citations[0]` is marker [1]; `closest` lists passages shown on abstention;
    `short` is the short answer when the question asks for a thing and the reader found one.

    `confidence` is the sentence model's calibrated probability that the best sentence holds the
    answer (1.0 for summaries and author notes, 0.0 for refusals); the assistant abstains below
    `AnswerSettings.abstain_below`."""

    question: str
    text: str
    citations: list[Passage]
    support: list[Support]
    abstained: bool
    confidence: float
    closest: list[Passage] = field(default_factory=list)
    seconds: float = 0.0
    short: Short | None = None

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "text": self.text,
            "short": self.short.to_dict() if self.short else None,
            "citations": [p.to_dict() for p in self.citations],
            "support": [s.to_dict() for s in self.support],
            "abstained": self.abstained,
            "confidence": self.confidence,
            "closest": [p.to_dict() for p in self.closest],
            "seconds": self.seconds,
        }


def answer(
    question: str,
    history: Sequence[Any] | None = None,
    index: Path | str | None = None,
    *,
    retriever: Retriever | None = None,
    settings: AnswerSettings | None = None,
) -> Answer:
    """Answer a question from the indexed documents, with verified [n] citations.

    Args:
        question: the question as typed (1..2000 characters).
        history: earlier chat messages [{"role", "content"}, ...] (Gradio's format works).
        index: index folder. Defaults to $QA_INDEX or ./index (built from ./corpus if missing).
        retriever: an already loaded Retriever (overrides index).
        settings: sentence scoring and abstention settings. Defaults to AnswerSettings().
    """
    # The span reader reads a word the documents never use in the sentence's words for it (none
    # when the settings turn that off).
    synonyms = settings is None or settings.reader_synonyms
    with reading(lambda: (retriever or get_retriever(index)).vocabulary() if synonyms else frozenset()):
        parts = two_questions(question)
        if parts is None:
            return _answer(question, history, index, retriever, settings, ())
        # "Who is Peskov and what did he say about Crimea?": each question in turn, the second as a
        # follow-up of the first (so "he" is Peskov), then one answer.
        first = _answer(parts[0], history, index, retriever, settings, ())
        asked = [*(history or []), {"role": "user", "content": parts[0]}, {"role": "assistant", "content": _read_back(first)}]
        second = _answer(parts[1], asked, index, retriever, settings, ())
        return _both_answered(question, parts, (first, second))


def _read_back(reply: Answer) -> str:
    """A reply as the chat reads it back in a later turn: the short answer in bold first, then its
    sentences ("Where is it based?" after "**Istituto Affari Internazionali (IAI)**" asks where the
    IAI is)."""
    return f"**{reply.short.text}** [{reply.short.citation}]\n\n{reply.text}" if reply.short is not None else reply.text


# Two questions in one: "Who is Peskov and what did he say about Crimea?", "What is the Sea of Azov,
# and why does it matter here?". The second opens with a question word and has a verb of its own
# after it (an auxiliary within its first words): "… and how many Ukrainians?" is an ellipsis, which
# the question as a whole answers ("… lost around 6–7,000 soldiers each").
_TWO_QUESTIONS = re.compile(
    r"^\s*(?P<first>(?i:who|what|when|where|why|how|which)\b[^?]{3,}?)\s*,?\s+(?i:and)\s+"
    r"(?P<second>(?i:who|what|when|where|why|how|which)(?:\s+[^\s?]+){0,3}?\s+"
    r"(?i:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must)\b[^?]*?)\s*\?*\s*$"
)


def two_questions(question: str) -> tuple[str, str] | None:
    """The two questions of one that asks two ("who is peskov and what did he say about crimea"), each
    capitalised and closed by a question mark; None for a question that asks one."""
    # Not a string: `_answer` refuses it with the message every bad question gets.
    found = _TWO_QUESTIONS.match(question) if isinstance(question, str) else None
    if found is None:
        return None
    return tuple(f"{part[:1].upper()}{part[1:].rstrip()}?" for part in found.group("first", "second"))  # type: ignore[return-value]


# Before what is said of a part of a two-part question that the documents do not answer.
PART_NOT_FOUND = "On “{part}”: {said}"


def _both_answered(question: str, parts: Sequence[str], answers: Sequence[Answer]) -> Answer:
    """One answer to a question that asks two (`two_questions`): each part's sentences in turn, their
    citations numbered anew by first use, a sentence the first part already quoted not quoted again,
    and what is said of a part the documents do not answer; the first answered part's short answer
    leads. When neither part is answered, the first part's abstention."""
    if all(a.abstained for a in answers):
        return replace(answers[0], question=question, seconds=sum(a.seconds for a in answers))
    citations: list[Passage] = []
    support: list[Support] = []
    texts: list[str] = []
    quoted: set[tuple[str, int, int]] = set()
    spans = [{(x.doc_id, x.start, x.end) for x in a.support} for a in answers]
    for i, (part, reply) in enumerate(zip(parts, answers)):
        if i == 0 and not answers[1].abstained and spans[0] < spans[1]:
            # The second part quotes all the first would and more ("… and how many points does it
            # have?" the 15-point plan and the 10-point one): its sentences say both.
            continue
        if reply.abstained:
            texts.append(PART_NOT_FOUND.format(part=part, said=reply.text))
            continue
        if spans[i] <= quoted:
            continue  # the part before already quoted all it would
        numbers: dict[int, int] = {}
        for n, passage in enumerate(reply.citations, 1):
            at = next((k for k, c in enumerate(citations, 1) if c.id == passage.id), None)
            if at is None:
                citations.append(passage)
                at = len(citations)
            numbers[n] = at
        text = reply.text
        # Through placeholders, so that a marker renumbered is not renumbered again.
        for x in reply.support:
            text = text.replace(f"{x.sentence} [{x.citation}]", f"{x.sentence} [\0{numbers[x.citation]}]")
        texts.append(text.replace("[\0", "["))
        support += [replace(x, citation=numbers[x.citation]) for x in reply.support if (x.doc_id, x.start, x.end) not in quoted]
        quoted |= spans[i]
    # The first answered part's short answer, on the sentence that now carries it.
    first_short = next((a.short for a in answers if not a.abstained and a.short is not None), None)
    short = _short_on(first_short, support) if first_short is not None else None
    confidence = min(a.confidence for a in answers if not a.abstained)
    return Answer(question, "\n\n".join(texts), citations, support, False, confidence, [], sum(a.seconds for a in answers), short)


def _short_on(short: Short, support: Sequence[Support]) -> Short | None:
    """The short answer on the first supporting sentence that holds it (the same words of the
    document, perhaps quoted from another passage, with that sentence's citation); None when none does."""
    x = next((x for x in support if x.doc_id == short.doc_id and x.start <= short.start and short.end <= x.end), None)
    return _short_in(x, Span(short.start - x.start, short.end - x.start, short.score)) if x is not None else None


# "Who directs X?": who the director of X is. The role lines of a publisher's block give roles as nouns.
# "Who speaks for the Kremlin?": who its spokesman is ("Kremlin spokesman Dmitry Peskov").
_AGENT_NOUNS = {"directs": "director", "directed": "director", "edits": "editor", "edited": "editor",
                "chairs": "chair", "chaired": "chair", "speaks for": "spokesman", "spoke for": "spokesman"}
_AGENT_VERB = re.compile(rf"^\W*who\s+(?P<verb>{'|'.join(_AGENT_NOUNS)})\s+(?P<what>\S.*)$", re.I)


# "What position does Sergei Lavrov hold?", "What office does Zelensky have?": a person's title.
# Not "role": "What is China's role?" asks what a country does, not who it is.
_OFFICE_NOUNS = r"(?i:(?:position|office|post|job|title)s?)"
# Where an office is held: a place by name ("the IAI"), or by its kind after a possessive ("his
# institute") or "the" ("the institute").
_PLACE_OF_OFFICE = (r"(?:(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}|(?i:his|her|their|its)\s+[a-z]+(?:\s+[a-z]+)?"
                    r"|(?i:the\s+(?:institute|institution|organi[sz]ation|think[\s-]+tank|university|ministry|government)))")
_HOLDS_OFFICE = re.compile(
    rf"^\W*(?i:what|which)\s+{_OFFICE_NOUNS}\s+(?i:does|did|do)\s+"
    # "Which post does Zelensky occupy in Ukraine?": where, after it, changes nothing.
    r"(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+(?i:hold|have|occupy|fill)"
    # "What post does Riccardo Alcaro hold at his institute?": so, by the place's kind.
    rf"(?:\s+(?i:in|at)\s+{_PLACE_OF_OFFICE})?\W*$"
    # "What roles does Alcaro hold at the IAI?": a role held at a place is an office, as a
    # country's role ("What role does China have?") is not.
    rf"|^\W*(?i:what|which)\s+(?i:roles?)\s+(?i:does|did|do)\s+"
    rf"(?P<holder>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{0,3}})\s+(?i:hold|have|occupy|fill)\s+(?i:at)\s+{_PLACE_OF_OFFICE}\W*$"
    rf"|^\W*(?i:what)\s+(?i:is|was)\s+(?P<whose>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}}?[’']s)\s+{_OFFICE_NOUNS}"
    # "What is Alcaro's position there?": where, after it, changes nothing.
    rf"(?:\s+(?i:there|at\s+{_PLACE_OF_OFFICE}))?\W*$"
    # "What (else) does Riccardo Alcaro do there?", "What does Alcaro do at the IAI?": what he does where
    # he works is his job (a title had been bold). Not "What did Zelensky do at the US Congress?", an event.
    rf"|^\W*(?i:what)\s+(?:(?i:else)\s+)?(?i:does)\s+(?P<doer>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{0,3}})\s+(?i:do)"
    rf"\s+(?i:there|at\s+{_PLACE_OF_OFFICE})\W*$"
)
# "List the countries named as possible guarantors.", "Name all the banks that were cut off.": a
# request for the things of a kind that the rest of it says, which "Which …?" asks.
_LIST_REQUEST = re.compile(
    r"^\W*(?i:list|name)\s+(?i:all\s+)?(?i:the\s+)?(?P<noun>[a-z][a-z-]+s)\s+"
    r"(?:(?i:that|which|who)\s+|(?P<verb>[a-z]+ed)\s+)(?P<rest>\S.*?)\s*[.?!]*\s*$"
)

# "List the weapons Ukraine still needs.": what a named subject does with things of a kind, asked
# as a request in the present tense (a past one, "… the US provided", names the kind otherwise).
_LIST_DONE_BY = re.compile(
    r"^\W*(?i:list|name)\s+(?i:all\s+)?(?i:the\s+)?(?P<noun>[a-z][a-z-]+s)\s+"
    # Not a people's adjective, which opens a subject ("List the weapons European countries sent.").
    rf"(?P<subject>(?:the\s+)?(?!{PEOPLE_ADJECTIVE_WORD}\b)[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,2}})\s+"
    r"(?P<adverb>(?:still|already|now|also)\s+)?(?P<verb>[a-z]{3,}[^s\W]s)\b"
    # Nothing after the verb but a preposition's phrase or an adverb: "relies on", "needs most".
    r"(?P<rest>(?:\s+(?:on|to|for|from|with|in|at|of|about|most|more|now|today|urgently)\b[^.?!]*)?)\s*[.?!]*\s*$"
)

# "List every weapon the US has provided.", "Name all the banks the EU has blocked.": what a named
# subject has done to things of a kind, which "Which weapons has the US provided?" asks.
_LIST_HAS_DONE = re.compile(
    r"^\W*(?i:list|name)\s+(?:(?i:all|every|each)\s+)?(?i:the\s+|of\s+the\s+)?(?P<noun>[a-z][a-z-]+)\s+(?:(?i:that|which)\s+)?"
    rf"(?P<subject>(?:the\s+)?(?!{PEOPLE_ADJECTIVE_WORD}\b)[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,2}})\s+"
    r"(?P<aux>has|have|had)\s+(?P<adverb>(?:already|also|now|so\s+far)\s+)?(?P<verb>[a-z]{3,}(?:ed|en|nt))\b"
    r"(?P<rest>(?:\s+[^.?!]+)?)\s*[.?!]*\s*$"
)


def _plural(noun: str) -> str:
    """A noun's plural as a list asks for it ("weapon" -> "weapons", "country" -> "countries")."""
    if noun.endswith("s"):
        return noun
    return f"{noun[:-1]}ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else f"{noun}s"


def _base_form(verb: str) -> str:
    """A verb's base form from its third person ("needs" -> "need", "supplies" -> "supply",
    "pushes" -> "push")."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes")):
        return verb[:-2]
    return verb[:-1]


# A question typed without capitals (but perhaps its first letter).
_IN_LOWER_CASE = re.compile(r"^\W*.[^A-Z]*$", re.S)


def _slips_mended(question: str, vocabulary: AbstractSet[str], words: AbstractSet[str]) -> str:
    """The question with each word in lower case (or opening it) that is a slip for one function
    word ("wich", "abuot"), a plural in "-ys" ("countrys") or a word asking for advice ("recomend",
    `RECOMMENDATION_WORDS`) spelt as that word (`spelling_of`): the rules read those. Not a word of
    `words` (English words). A slip in another word is left to retrieval, which bears it: spelling such words out changed four XQuAD answers, none for the
    better ("ctenohore" read "ctenophore" lost its answer)."""
    english = is_english(vocabulary)

    def mended(match: re.Match[str]) -> str:
        word = match.group(0)
        opening = not question[: match.start()].strip(" \t\"'“‘(")
        if not (word.islower() or (opening and word[1:].islower())) or word.lower() in words:
            return word
        spelt = spelling_of(word.lower(), vocabulary, english, opening)
        if spelt is None or not (spelt in QUERY_STOPWORDS or word.lower().endswith("ys")):
            # "What does Alcaro recomend …?": a slip for a word that says what is asked, which the
            # documents need not use ("recommend" routes to the sentences that prescribe).
            spelt = spelling_of(word.lower(), RECOMMENDATION_WORDS, False, opening) if english else None
            if spelt is None:
                return word
        return spelt.capitalize() if word[0].isupper() else spelt

    return re.sub(r"(?<![\w’'-])[A-Za-z]+(?![\w’'-])", mended, question)


# "How many people live in Ukraine?", "How many inhabitants does Crimea have?": a place's population.
_HOW_MANY_LIVE = re.compile(
    r"^\W*(?i:(?:(?:and|so)\s+)?how\s+many\s+(?:people|inhabitants|residents)\s+(?:(?:live|lived|reside|resided|are\s+living)\s+in"
    # "How many people are there in Ukraine?", "How many people does the IAI commentary say are in Ukraine?"
    r"|(?:(?:does|do|did)\s+(?P<source>[^?]+?)\s+(?:say|said|write|wrote)\s+(?:there\s+)?(?:are|were|live|lived)"
    r"|(?:are|were)(?:\s+there)?)\s+in"
    r"|(?:does|did)\s+(?=.*\shave\W*(?:,|$))))\s*"
    # Not of a place's part: "How many people are in Ukraine's army?"
    r"(?P<place>(?:the\s+)?[A-Z](?![^?,]*[’']s\b)[^?,]*?)(?:\s+have)?(?P<rest>\s*,[^?]*)?\s*[?.!]*\s*$"
)


def _seats_as_countries(question: str, vocabulary: AbstractSet[str]) -> str:
    """The question with each capital or seat of power the documents never write (`SEATS`), as a
    possessive, spelt as its country when they write that ("Tokyo's response" -> "Japan's response");
    the question as it was otherwise. A seat they do write stays ("Moscow"), and so does a seat as a
    place ("What did Biden say in Warsaw?" is not asked of Poland: that had quoted a sentence on Biden,
    and "Washington and Brussels" had drawn wrong answers where they had abstained)."""
    def country(match: re.Match[str]) -> str:
        seat = match.group(0).lower()
        named = SEATS.get(seat)
        if named is None or seat in vocabulary or not all(w.lower() in vocabulary for w in named.split()):
            return match.group(0)
        return named

    return re.sub(r"(?<![\w’'-])[A-Z][a-z]+(?=[’']s\b)", country, question)


def _names_capitalised(question: str, proper: frozenset[str]) -> str:
    """The question with each word the documents write only capitalised (`proper`) capitalised."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize() if m.group(0).lower() in proper else m.group(0),
                  question)


# "Can you summarise both documents?", "Could you tell me who wrote it?", "Please list the countries
# named as guarantors.", "I'd like to know when it was published", "I'm curious, what …?": the request inside.
_POLITE = re.compile(
    r"^\W*(?:(?:(?:can|could|would|will)\s+you|please)\s+(?:please\s+)?(?:(?:tell|show)\s+(?:me|us)\s+(?=(?:who|whom|whose|what|"
    r"which|when|where|why|how|if|whether)\b))?"
    # "Tell me which weapons the US has given Ukraine.", "Let me know who wrote it."
    r"|(?:(?:tell|show)\s+(?:me|us)|let\s+(?:me|us)\s+know)\s+(?=(?:who|whom|whose|what|which|when|where|why|how|if|whether)\b)"
    r"|(?:i(?:\s+would|'d|’d)\s+like\s+to|i\s+want\s+to|i\s+wish\s+to)\s+know\s+|i\s+wonder\s+"
    # "I'm curious, what exactly did the EU decide to send?", "Just wondering: who wrote it?"
    r"|(?:i(?:'m|’m|\s+am)\s+(?:curious|wondering)|(?:just\s+)?(?:curious|wondering)|out\s+of\s+curiosity|quick\s+question)"
    r"\s*[,:;–—-]?\s*(?=(?:who|whom|whose|what|which|when|where|why|how|if|whether)\b))"
    r"(?P<request>\w.*?)\W*$",
    re.I | re.S,
)
# A request inside that asks a question ("who wrote it"), not for an action ("summarise …").
_EMBEDDED_QUESTION = re.compile(r"(?:who|whom|whose|what|which|when|where|why|how)\b", re.I)


def _request_inside(question: str) -> str | None:
    """The request a polite question makes, as a question or a command; None for other questions."""
    polite = _POLITE.match(question)
    if polite is None or _OTHER_TASK.match(question):
        return None
    request = polite.group("request")
    if re.match(r"(?:if|whether)\b", request, re.I):
        return None  # "Can you tell me if …": a yes or no, read as asked
    # "who Peskov is": the embedded question's order turned back ("Who is Peskov?").
    request = _EMBEDDED_COPULA.sub(r"\g<wh> \g<be> \g<rest>", request)
    # "why the author thinks the US must be involved": "why does the author think …".
    request = _EMBEDDED_SAYS.sub(lambda m: f"{m.group('wh')} does {m.group('subject')} {m.group('verb')[:-1]} {m.group('rest')}", request)
    asks = _EMBEDDED_QUESTION.match(request) or (question.rstrip().endswith("?") and not _COMMAND.match(request))
    mark = "?" if asks else "."
    return request[0].upper() + request[1:] + mark


# "Has Poland said when it will stop buying Russian coal?", "Does the article say who signed the
# memorandum?", "Do we know why the offensive stalled?": the question inside, which the reply answers.
_SAYS_WH = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:(?:do|does|did|has|have|had)\s+(?P<teller>[^?]{1,60}?)\s+"
    r"(?:say|said|mention|mentioned|explain|explained|state|stated|specify|specified|announce|announced|reveal|revealed|"
    r"indicate|indicated|tell\s+(?:us|me|readers)|told\s+(?:us|me|readers)|know)"
    r"|is\s+it\s+(?:known|clear|said|stated))\s+"
    r"(?P<inside>(?:who|whom|whose|what|which|when|where|why|how)\b[^?]*?)\s*[?.!]*\s*$",
    re.I | re.S,
)
# The inside question's subject and auxiliary, turned back to a question's order ("when it will stop
# …" -> "when will it stop …"); a which- or what-phrase keeps at most two words of its noun.
_INSIDE_ORDER = re.compile(
    r"^(?P<wh>(?:which|what|how\s+(?:much|many))(?:\s+[a-z-]+){0,2}?|when|where|why|how(?:\s+(?:long|soon|far|often))?)\s+"
    r"(?P<subject>it|they|he|she|(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}|the\s+[a-z-]+(?:\s+[a-z-]+){0,2}?)\s+"
    r"(?:(?P<aux>will|would|can|could|should|must|might|may|is|are|was|were|has|have|had)|(?P<verb>[a-z]{2,}[^s\W](?:s|ed)))\b(?P<rest>.*)$",
    re.S,
)
_TELLERS = frozenset("you we anyone anybody one".split())


def _asked_inside(question: str) -> str | None:
    """The question a question about telling asks ("Has Poland said when it will stop buying Russian
    coal?" -> "When will Poland stop buying Russian coal?"); None for other questions. A pronoun
    subject inside stands for whoever tells, unless that is a document or a reader."""
    says = _SAYS_WH.match(question)
    if says is None:
        return None
    inside, teller = says.group("inside"), (says.group("teller") or "").strip()
    document = bool(re.search(rf"\b(?:{DOCUMENT_NOUNS}|author|writer)\b", teller, re.I)) or teller.lower() in _TELLERS
    order = _INSIDE_ORDER.match(inside)
    if order is not None:
        subject = order.group("subject")
        if subject.lower() in ("it", "they", "he", "she") and teller and not document:
            subject = teller
        aux, verb = order.group("aux"), order.group("verb")
        if verb is not None:
            # "what it expects" -> "what does it expect"; "why the offensive stalled" -> "why did … stall".
            base = verb_base(verb)
            if base is None:
                return inside[0].upper() + inside[1:] + "?"
            aux, subject = ("did" if verb.endswith("ed") else "does"), f"{subject} {base}"
        inside = f"{order.group('wh')} {aux} {subject}{order.group('rest')}"
    else:
        inside = _EMBEDDED_COPULA.sub(r"\g<wh> \g<be> \g<rest>", inside)
    # "Does the April piece say …?" asks that document, which "according to" names to the rules.
    source = document and teller.lower() not in _TELLERS and not re.match(r"(?:either|any|both|all|each)\b", teller, re.I)
    return inside[0].upper() + inside[1:] + (f", according to {teller}?" if source else "?")


_EMBEDDED_COPULA = re.compile(r"^(?P<wh>who|what)\s+(?P<rest>.+?)\s+(?P<be>is|are|was|were)$", re.I | re.S)
_EMBEDDED_SAYS = re.compile(
    r"^(?P<wh>why|how|what|when|where)\s+(?P<subject>(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,5}?)\s+"
    r"(?P<verb>thinks|says|argues|believes|writes|suggests|claims|expects|wants)\s+(?P<rest>.+)$",
    re.I | re.S,
)


# ", in a sentence,", ", briefly,": an aside on how to answer, between commas.
_ASIDE = re.compile(
    r",\s*(?:in\s+(?:a|one)\s+(?:sentence|word|line|nutshell)|in\s+(?:short|brief|a\s+few\s+words)|briefly|quickly|"
    # "What is the Budapest memorandum, in brief?": at the end too.
    r"please|roughly|simply|if\s+you\s+can|if\s+possible)\s*(?:,\s*|(?P<end>[?.!]*\s*$))",
    re.I,
)
# "…, per Alcaro?", "… per the IAI commentary?": a source, as "according to" names one.
_PER_SOURCE = re.compile(
    r"^(?P<question>\W*(?:what|who|whom|which|when|where|why|how)\b[^?]*?),?\s+per\s+"
    # "…, per the opinion piece?": a document by its kind, in lower case.
    r"(?P<source>(?:the\s+)?(?-i:[A-Z])[\w’'.-]*(?:\s+[\w’'.-]+){0,3}|the\s+(?:author|writer)s?"
    r"|the\s+(?:[\w’'-]+\s+){0,2}(?:piece|article|commentary|op-?ed|paper|document|editorial|analysis|essay))\s*[?.!]*\s*$",
    re.I,
)


# "…, as Alcaro sees it?", "…, as the author puts it?": a source, too.
_AS_SOURCE_SEES = re.compile(
    r"^(?P<question>\W*(?:what|who|whom|which|when|where|why|how)\b[^?]*?),\s+as\s+"
    r"(?P<source>(?:the\s+)?(?-i:[A-Z])[\w’'.-]*(?:\s+[\w’'.-]+){0,3}?|the\s+(?:author|writer)s?)\s+"
    r"(?:sees|saw|puts|put|tells|told|has|had)\s+it\s*[?.!]*\s*$",
    re.I,
)


def _per_as_according(question: str) -> str | None:
    """"How has Russia's war gone so far, per Alcaro?" (or "…, as Alcaro sees it?") as "…, according
    to Alcaro?" (the rules for a source read that wording); None without such a source."""
    per = _PER_SOURCE.match(question) or _AS_SOURCE_SEES.match(question)
    return f"{per.group('question')}, according to {per.group('source')}?" if per is not None else None


# "…, Alcaro warns?", "…, says the author?": a source and its verb of saying closing the question.
_SAYING_VERB = r"(?:says|warns|argues|writes|claims|notes|thinks|believes|suggests|contends|insists|cautions)"
_SOURCE_SAYS_LAST = re.compile(
    r"^(?P<question>\W*(?:what|who|whom|which|when|where|why|how)\b[^?]*?),\s+(?:"
    rf"(?P<source>(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){{0,2}}|the\s+(?:author|writer))\s+{_SAYING_VERB}"
    rf"|{_SAYING_VERB}\s+(?P<after>(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){{0,2}}|the\s+(?:author|writer))"
    r")\s*[?.!]*\s*$",
    re.I,
)
# "Do both authors count the same number of points in the plan?", "Do the sources give the same
# number of …?": each source's count.
_SAME_COUNT = re.compile(
    r"^\W*(?:do|does|did)\s+(?:both|the\s+two|the|all)\s+(?:(?:authors?|documents?|articles?|sources?|pieces?|"
    r"commentar(?:y|ies)|texts?|writers?)\s+)+(?:count|give|mention|report|cite|state|have)\s+the\s+same\s+"
    r"(?:number|count|amount)\s+of\s+(?P<what>[^?]+?)\s*[?.!]*\s*$",
    re.I,
)
# "Roughly what …?", "Approximately how many …?": how exact the answer may be, before the question
# word. Not "About what?", which asks what something was about.
_HEDGE_FIRST = re.compile(
    r"^\W*(?i:roughly|approximately|exactly|precisely|more\s+or\s+less)\s*,?\s+"
    r"(?=(?i:what|how|when|where|who|which)\b\s*\S)"
)
# "What exactly does a full blocking sanction rule out?": the same, after the question word.
_HEDGE_AFTER_WH = re.compile(
    r"^(?P<wh>\W*(?i:what|who|when|where|which|how)\s+)(?i:exactly|precisely)\s+"
    r"(?=(?i:is|are|was|were|do|does|did|has|have|had|will|would|could|can|should|might|must|may)\b)"
)
# "What is Kyiv short of?", "… does the April piece say Kyiv is short of?": what it needs. Not "short
# of" as "except" ("any guarantee short of NATO membership"), which no form of "be" opens.
_SHORT_OF_SUBJECT = r"(?P<subject>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
_SHORT_OF = r"(?:still\s+|badly\s+|most\s+)?short\s+of"
_SHORT_OF_ASKED = re.compile(
    rf"^(?P<wh>\W*(?i:what|which)(?:\s+[a-z][\w-]*){{0,3}}?)\s+(?P<be>is|are)\s+{_SHORT_OF_SUBJECT}\s+{_SHORT_OF}\s*(?P<rest>[?.!]*)\s*$"
)
_SHORT_OF_SAID = re.compile(
    rf"\b(?:say|says|said|think|thinks|write|writes|argue|argues)\s+(?:that\s+)?{_SHORT_OF_SUBJECT}\s+(?P<be>is|are)\s+{_SHORT_OF}"
    r"(?=\s*[?.!]*\s*$)"
)
# "What is the name of Ukraine's president?": who holds the office.
_NAME_OF_HOLDER = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?what\s+(?P<be>is|was)\s+the\s+(?:full\s+)?name\s+of\s+(?P<holder>[^?]+?\b(?:president|prime\s+minister|"
    rf"chancellor|leader|head|director|founder|coordinator|{PERSON_HEADS}))\s*[?.!]*\s*$",
    re.I,
)
# "Did Alcaro write anything else for IAI?": a yes-or-no question for what else he wrote.
_ANYTHING_ELSE = re.compile(
    r"^\W*(?P<aux>did|does|do|has|have|had)\s+(?P<subject>[^?]+?)\s+(?P<verb>[a-z]{3,})\s+anything\s+else\b(?P<rest>[^?]*?)\s*\??\s*$",
    re.I,
)
# "Has Andrea Dessì written a commentary in this series?": a yes-or-no question for what he wrote.
_WROTE_ANY = re.compile(
    r"^\W*(?:did|has|have)\s+(?P<subject>(?-i:[A-Z])[^?]*?)\s+(?:write|written|publish|published|author|authored|pen|penned)\s+"
    r"(?:anything|something|a\s+(?:commentary|piece|paper|article)|any\s+(?:commentaries|pieces|papers|articles))\b",
    re.I,
)
# "How populous is Ukraine?": the adjective asks for the population.
_HOW_POPULOUS = re.compile(r"^\W*how\s+populous\s+(?P<be>is|was|are|were)\s+(?P<what>[^?]+?)\s*\??\s*$", re.I)


# A request for an action on the documents ("summarise …", "list …", "compare …").
_COMMAND = re.compile(r"(?:summari[sz]e|list|name|compare|give|explain|describe|outline|quote|cite|find|show)\b", re.I)


# "About what?", "By whom?": a follow-up's question word after its preposition.
_PREPOSITION_FIRST = re.compile(r"^\W*(?P<prep>about|on|for|with|against|from|to|by)\s+(?P<wh>what|whom|who)\W*$", re.I)


# "How much was it worth?", "And how much did that cost?": the amount of what the reply before gave.
_AMOUNT_OF_IT = re.compile(
    r"^\W*(?:(?:and|so)\s+)?how\s+(?P<much>much|many)\s+(?:(?:was|is|were|are)\s+(?:it|that|this|they|those)(?:\s+worth)?"
    r"|(?:did|does|do)\s+(?:it|that|this|they|those)\s+(?:cost|amount\s+to|come\s+to))\s*[?.!]*\s*$",
    re.I,
)
# "What did the US provide to Ukraine?": what someone did, with its auxiliary.
_WHAT_DID = re.compile(r"^\W*(?:(?:and|so)\s+)?what\s+(?P<aux>did|does|do|has|have|had|will|would)\s+(?P<rest>[^?]+?)\s*[?.!]*\s*$", re.I)


_BY_WHOM = re.compile(r"^\W*(?:(?:and|so)\s+)?(?:by\s+whom|who\s+by)\s*[?.!]*\s*$", re.I)
# "When was the IAI founded?", "Where did the IAI get founded?": a question about a passive.
_WHEN_DONE = re.compile(
    r"^\W*(?:(?:and|so)\s+)?(?:when|where|why|how|in\s+what\s+year|what\s+year)\s+(?P<aux>was|were|is|are|did|does|do)\s+"
    r"(?P<thing>[^?]+?)\s+(?:(?P<get>get|got)\s+)?(?P<done>[a-z]+(?:ed|en)|built|made|held|led|won|sent|paid|brought|taught|bought)"
    r"(?P<rest>\s+[^?]*?)?\s*[?.!]*\s*$",
    re.I,
)


def _by_whom(question: str, earlier: str) -> str | None:
    """"By whom?" after "When was the IAI founded?" (or "When did the IAI get founded?") -> "By whom
    was the IAI founded?"; None for other questions."""
    if _BY_WHOM.match(question) is None:
        return None
    done = _WHEN_DONE.match(earlier)
    if done is None or (done.group("aux").lower() in ("did", "does", "do") and done.group("get") is None):
        return None
    aux = done.group("aux").lower()
    aux = {"did": "was", "does": "is", "do": "are"}.get(aux, aux)
    return f"By whom {aux} {done.group('thing')} {done.group('done')}{done.group('rest') or ''}?"


def _amount_of_answer(question: str, earlier: str) -> str | None:
    """"How much was it worth?" after "What did the US provide to Ukraine?" -> "How much did the US
    provide to Ukraine?": the earlier question asked for an amount; None for other questions."""
    amount, did = _AMOUNT_OF_IT.match(question), _WHAT_DID.match(earlier)
    if amount is None or did is None:
        return None
    return f"How {amount.group('much').lower()} {did.group('aux').lower()} {did.group('rest')}?"


# "For what reason …?", "On what grounds …?", "What is the reason that …?": why.
_FOR_WHAT_REASON = re.compile(
    r"^\W*(?:for\s+(?:what|which)\s+reasons?|on\s+what\s+(?:grounds?|basis)|what\s+is\s+the\s+reason\s+(?:that|why))\b", re.I
)
# "What's", "Who's", "Where's": a wh-word and "is" contracted.
_CONTRACTION = re.compile(r"\b(?P<wh>what|who|where|when|how|which)[’']s\b", re.I)


def _uncontracted(match: re.Match[str]) -> str:
    """A contraction written out: "What's" -> "What is"."""
    return f"{match.group('wh')} is"


# "Name the man who speaks for the Kremlin.", "Identify the official that rejected the timeline.": who does it.
_NAME_WHO = re.compile(
    # "What is the name of the man who speaks for the Kremlin?", "Who is the official that …?" too.
    r"^\W*(?:please\s+)?(?:name|identify|what\s+is\s+the\s+name\s+of|who\s+is)\s+the\s+(?:man|woman|person|official|politician|diplomat|one)\s+(?:who|that)\s+"
    r"(?P<rest>[^?.!]+?)\s*[?.!]*\s*$", re.I
)
# "And what is the deadline for that?": when what the turn before asked about is due.
_DEADLINE_OF_THAT = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?what\s+(?:is|was|would\s+be)\s+the\s+(?:deadline|time\s*frame|target\s+date)"
    r"(?:\s+for\s+(?:that|this|it|them|those|doing\s+(?:so|that|it)))?\s*[?.!]*\s*$", re.I
)


# The publisher of a document named by what it published: "the think tank that published Alcaro's commentary",
# "the think tank behind the March commentary".
_PUBLISHER_RELATIVE = re.compile(
    r"\b(?:the\s+)?(?:[\w-]+\s+)?(?:think[\s-]tank|institute|institution|organi[sz]ation|publisher|outlet|body)\s+"
    r"(?:(?:(?:that|which|who)\s+(?:published|publishes|issued|released|put\s+out)\s+(?P<doc>[^?,]+?)"
    r"(?=\s+(?:founded|was|is|based|located|headquartered|run|led|created|set\s+up|started)\b|\s*[?,.!]|$))"
    # "behind" and a document noun: "the think tank behind the March piece aim to advance" ends on "piece".
    r"|behind\s+(?P<behind>(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:piece|commentary|article|op-ed|analysis|paper|essay|report|editorial)s?\b))",
    re.I,
)
# A sentence opening on a name and its verb in the present: "IAI publishes …".
_REPLY_SUBJECT = re.compile(r"^\W*(?P<who>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,4}) [a-z]{3,}s\b")
# "its webzine": a thing owned, by "its".
_ITS_NOUN = re.compile(r"\bits\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]{2,})\b", re.I)
# A publisher described by its city: "the Rome institute", "the Rome-based think tank".
_PUBLISHER_OF_CITY = re.compile(
    r"\bthe\s+(?P<city>[A-Z][a-z]+)(?:-based)?\s+(?:think[\s-]tank|institute|institution|organi[sz]ation|publisher)\b"
)


def _publisher_by_city(question: str, retriever: Retriever) -> str | None:
    """The question with "the Rome institute" as the one publisher whose contact block gives that city
    ("Which quarterly journal in English does the IAI publish?"; the reader had bolded "IAI", the name
    the question did not give); else None."""
    found = _PUBLISHER_OF_CITY.search(question)
    if found is None:
        return None
    publishers = set()
    for record in retriever.documents.values():
        publisher = record.meta.get("publisher")
        city = contact_detail(record.text, CITY)
        if isinstance(publisher, str) and city is not None and record.text[city.answer_start : city.answer_end] == found.group("city"):
            publishers.add(publisher)
    if len(publishers) != 1:
        return None
    return question[: found.start()] + _publisher_as_named(publishers.pop()) + question[found.end() :]


def _publisher_as_named(publisher: str) -> str:
    """The publisher as a question names it: by its short form when it has one ("the IAI" for
    "Istituto Affari Internazionali (IAI)"), which reads as the documents' "founded in 1965 …" sentence
    does, where the full name reads as Alcaro's author note too; else its name as written."""
    short = re.search(r"\((?P<short>[A-Z][A-Z&.]+)\)\s*$", publisher)
    return f"the {short.group('short')}" if short else publisher


# "How old is the IAI?": when it was founded.
_HOW_OLD_ORGANISATION = re.compile(r"^\W*how\s+old\s+is\s+(?P<what>[^?]+?)\s*[?.!]*\s*$", re.I)


def _publisher_named(question: str, retriever: Retriever) -> str | None:
    """The question with its publisher named when it names it by the one document it published ("When
    was the IAI founded?" for "When was the think tank that published Alcaro's commentary founded?";
    "How old is …?" asks when it was founded); else None."""
    found = _PUBLISHER_RELATIVE.search(question)
    if found is None:
        return _publisher_by_city(question, retriever)
    metas = {d: r.meta for d, r in retriever.documents.items()}
    targets = target_documents(found.group("doc") or found.group("behind"), metas)
    if not targets or len(targets) != 1 or not isinstance(publisher := metas[targets[0]].get("publisher"), str):
        return None
    named = question[: found.start()] + _publisher_as_named(publisher) + question[found.end() :]
    old = _HOW_OLD_ORGANISATION.match(named)
    return f"When was {old.group('what')} founded?" if old is not None else named


# A document's author named by the document: "the March author", "the IAI writer's".
_AUTHOR_BY_DOCUMENT = re.compile(r"\b(?:the|that|this)\s+(?P<which>(?:[\w’'-]+\s+){1,2}?)(?:author|writer)(?!\s+of\b)(?![\w-])", re.I)


def _author_for_document(question: str, retriever: Retriever) -> str | None:
    """The question with "the March author" (or "the IAI writer") as its author's name, when the words
    before "author" point at one document that names its author ("What post does the March author
    hold?" -> "What post does Riccardo Alcaro hold?"), or as "the author of the April piece" when that
    one names none; else None."""
    found = _AUTHOR_BY_DOCUMENT.search(question)
    if found is None:
        return None
    metas = {d: r.meta for d, r in retriever.documents.items()}
    targets = target_documents(f"the {found.group('which')}piece", metas)
    if len(targets) != 1:
        return None
    author = metas[targets[0]].get("author")
    if not isinstance(author, str) or not author.strip():
        # "Who is the April author?": the author of a document that names none, which its byline tells.
        # Not "What makes the April author sceptical …?", which asks of the piece, as it points at it.
        if not re.match(r"\W*who\s+(?:is|was)\s", question, re.I):
            return None
        return question[: found.start()] + f"the author of the {found.group('which')}piece" + question[found.end() :]
    return question[: found.start()] + author.strip() + question[found.end() :]


# "What did the Kremlin originally aim to do to Ukraine?", "What did Russia originally want?": an original aim.
_ORIGINALLY = re.compile(
    r"^\W*(?i:what)\s+(?i:did|had)\s+(?P<who>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+(?i:originally|initially|first)\s+"
    r"(?i:aim(?:ed)?|intend(?:ed)?|want(?:ed)?|plan(?:ned)?|seek|sought|set\s+out)(?:\s+(?i:to\s+(?:do|achieve|accomplish)))?"
    r"(?:\s+(?i:to|in|with|for)\s+(?P<towards>[A-Z][\w’'-]*))?\s*[?.!]*\s*$"
)
# A question whose "what" stands last, where its answer would: "Western diplomacy has so far failed to
# do what?", "According to the April article, the only thing Putin respects is what?".
_WHAT_LAST = re.compile(
    r"^\W*(?:according\s+to\s+(?P<source>[^,?]{2,60}),\s+)?"
    r"(?P<subject>(?!(?:what|which|who|whom|whose|how|when|where|why)\b)[\w’'-]+(?:\s+(?!(?:what|which|who|how)\b)[\w’'-]+){0,7}?)\s+"
    # Only an action asked for ("… failed to do what?") or what the subject is ("… is what?"): a "what"
    # after a noun or preposition ("… is toward integration of what?") is read well as it stands (XQuAD).
    r"(?:(?P<aux>has|have|had|will|would|can|could|should|must|might|may|is|are|was|were)\s+(?P<rest>[^?]*?\bto\s+do)"
    r"|(?P<be>is|are|was|were))\s+what\s*\?\s*$",
    re.I,
)
# "The 15-point plan turns on which three components?": a statement whose object is asked at its
# end, its verb in the present ("-s") or the past.
# The subject is a noun phrase: no auxiliary or relative word in it ("Have the penalties … altered
# what …?" is a yes-no question; "… has a population that exceeds what number?" has a clause), and
# so is what is asked ("… altered what Moscow does …" asks a clause).
_NOT_IN_PHRASE = rf"(?:{KIND_AUXILIARY}|that|which|who|whom|whose)"
_WH_OBJECT_LAST = re.compile(
    # The subject: a determiner and up to three words, or up to three names ("The 15-point plan", "The
    # US", "State Route 180"); not "Complexity theory classifies problems based on what …?", whose
    # verb a subject of any words would have swallowed.
    rf"^\W*(?P<subject>(?i:the|a|an)\s+(?:(?!(?i:{_NOT_IN_PHRASE})\b)[^?,\s]+\s+){{0,2}}?(?!(?i:{_NOT_IN_PHRASE})\b)[^?,\s]+"
    rf"|(?!(?i:{_NOT_IN_PHRASE}|what|how|why|when|where|each|every)\b)[A-Z0-9][\w’'.-]*(?:\s+[A-Z0-9][\w’'.-]*){{0,2}})\s+"
    r"(?P<verb>(?!(?:its|this)\b)[a-z]{3,}(?:s|ed))\s+"
    r"(?P<prep>(?:on|around|about|at|to|with|for|in|from|into|against)\s+)?(?P<wh>(?i:which|what))\s+"
    rf"(?P<rest>(?:(?!(?i:{_NOT_IN_PHRASE})\b)[^?,\s]+\s+){{0,5}}(?!(?i:{_NOT_IN_PHRASE})\b)[^?,\s]+)\s*\?\s*$"
)
# "Under Kyiv's 10-point plan, which powers might guarantee its security?": a phrase of the terms or the
# time before the question, which the rules read after it. Not a source ("According to both
# commentaries, …", "In the April commentary, …"), which the rules read where it stands.
_PHRASE_FIRST = re.compile(
    # "Counting Istanbul, how many rounds of talks had there been?" too: what is counted in or left out.
    r"^\W*(?P<phrase>(?:under|within|during|after|before|since|counting|including|excluding|not\s+counting)\s+[^,?]{2,60}?),\s+"
    r"(?P<question>(?:what|which|who|whom|whose|when|where|why|how)\b[^?]*?)\s*\?\s*$",
    re.I,
)


def _phrase_last(question: str) -> str | None:
    """The question with a phrase before it put after it ("Which powers might guarantee its security
    under Kyiv's 10-point plan?"); None without such a phrase."""
    first = _PHRASE_FIRST.match(question)
    if first is None:
        return None
    phrase, asked = first.group("phrase", "question")
    return f"{asked[0].upper() + asked[1:]} {phrase[0].lower() + phrase[1:]}?"


# Determiners that open a subject in lower case once it follows the verb ("the only thing …").
_OPENING_DETERMINERS = frozenset("the a an this that these those its his her their our".split())


# "Which body's approval …?": whose, when the owner's kind says nothing ("Which country's leader …?"
# keeps its kind, which tells a country from its leader).
_WHICH_OWNER = re.compile(
    r"^(?P<lead>\W*(?:(?i:and|but|so)\s+)?)(?i:which|what)\s+(?i:body|organi[sz]ation|institution|entity|group|party|side|one)['’]s\s+(?=[a-z])"
)
# "What, in Lavrov's words, was "settled for good"?": what someone said, asked with his words set aside.
_IN_WORDS = re.compile(
    r"^\W*(?P<wh>(?i:what|who|which))\s*,\s*(?i:in)\s+(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)['’]s?\s+(?i:words|view|telling)\s*,\s*"
    r"(?P<rest>(?i:is|was|are|were|would\s+be|will\s+be)\s+[^?]+?)\s*[?.!]*\s*$"
)
# "What was the Kremlin spokesman's reply on Crimea's timeline?": what someone said in answer to something.
_REPLY_OF = re.compile(
    r"^(?P<lead>\W*(?:(?i:and|so)\s+)?)(?i:what)\s+(?i:was|is|were|are)\s+"
    r"(?P<who>(?:(?i:the)\s+)?(?:[A-Z][\w-]*|[a-z][\w-]*)(?:\s+[\w-]+){0,3}?)['’]s\s+"
    r"(?i:reply|response|answer|retort|reaction|rejoinder)\s+(?i:on|to|about|regarding|concerning|over)\s+(?P<topic>[^?]+?)\s*[?.!]*\s*$"
)
# "How many rounds of talks had there been by then?": how many times the sides had met, asked of no one.
_ROUNDS_HELD = re.compile(
    r"^(?P<lead>\W*(?:(?i:and|so)\s+)?)(?i:how\s+many\s+rounds?\s+of\s+(?:peace\s+)?(?:talks|negotiations))\s+"
    r"(?i:(?:had|have)\s+there\s+been|were\s+there|(?:had|have)\s+been\s+held|were\s+held|(?:had|have)\s+taken\s+place|took\s+place)"
    r"(?P<rest>\s+[^?]*?)?\s*[?.!]*\s*$"
)
# Who a "What does <name> say / call …?" question names: "the IAI", "Alcaro".
_NAMED_WHO = r"(?P<who>(?:(?i:the)\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
# "What sort of organisation does the IAI say it is?", "What do they call themselves?": what one says it is.
# "Who does the IAI say founded it?", "When does the IAI say it was founded?": a deed done to the speaker.
_SAYS_OF_ITSELF = re.compile(
    rf"^\W*(?P<wh>(?i:who|when|where|why))\s+(?i:does|do|did)\s+{_NAMED_WHO}\s+(?i:say|says|claim|claims)\s+"
    r"(?P<verb>(?i:founded|created|established|set\s+up|started|launched|runs|leads|funds|financed))\s+(?i:it|them)\s*[?.!]*\s*$"
)
_SAYS_ITSELF = re.compile(
    r"^\W*(?P<wh>(?i:what|which)(?:\s+[a-z][\w-]*){0,3}?)\s+(?i:does|do|did)\s+"
    rf"{_NAMED_WHO}\s+"
    # "call it" names the thing asked ("What kind of war does Alcaro call it?"): only "call itself" is the speaker.
    r"(?:(?i:say|says|claim|claims|consider|considers)\s+(?P<pronoun>(?i:it|itself|themselves|they))"
    r"|(?i:call|calls|describe|describes)\s+(?P<reflexive>(?i:itself|themselves)))(?:\s+(?i:is|are|was|were|to\s+be|as))?\s*[?.!]*\s*$"
)
# "Which IAI commentary is about Israeli apartheid, and who wrote it?": the work asked first, whose line
# names its author too.
_AND_WHO_WROTE_IT = re.compile(
    r"^(?P<first>\W*(?i:which|what)\s+[^,?]+?)\s*,?\s+(?i:and)\s+(?i:who|whom|by\s+whom)\s+(?i:wrote|authored|was\s+it\s+written\s+by|"
    r"is\s+(?:its|the)\s+author)(?:\s+(?i:it))?\s*[?.!]*\s*$"
)
# "What kind of war does Alcaro call it?": what kind it is, by his word.
_CALLS_IT = re.compile(
    r"^\W*(?P<wh>(?i:what|which)\s+(?i:kind|sort|type)\s+of\s+[a-z][\w-]*)\s+(?i:does|do|did)\s+"
    rf"{_NAMED_WHO}\s+"
    r"(?i:call|calls|consider|considers|describe|describes)\s+(?i:it|this|that)(?:\s+as)?\s*[?.!]*\s*$"
)
# "How long had the war lasted when Alcaro wrote?": a question about the time its writer wrote in.
_WHEN_WROTE = re.compile(
    r"^(?P<asked>\W*(?i:how|what|which|who|where)\b[^?]*?),?\s+(?i:when|as)\s+"
    r"(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?|(?i:he|she|they|the\s+(?:author|writer)s?))\s+"
    r"(?i:wrote|was\s+writing|were\s+writing|published)(?:\s+(?i:it|this|that|the\s+[\w-]+|his\s+[\w-]+|her\s+[\w-]+))?"
    # "…, in weeks?": the unit the answer is asked in stays with the question.
    r"(?P<unit>\s*,\s*(?i:in\s+(?:days|weeks|months|years)))?\s*[?.!]*\s*$"
)
# "Has Russia or Ukraine lost more military hardware?": two options named first, then what they are compared in.
_OPTIONS_FIRST = re.compile(
    # Not "Did … give more?": "Who did give more" is no question one reads plainly.
    r"^\W*(?P<aux>(?i:has|have|is|are|was|were))\s+"
    r"(?P<a>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)\s+or\s+(?P<b>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)\s+"
    r"(?P<rest>[^?]*?\b(?i:more|less|fewer|bigger|larger|smaller|greater|most|least)\b[^?,]*?)\s*[?.!]*\s*$"
)
_SINGULAR_AUXILIARY = {"have": "has", "are": "is", "were": "was"}
# "What is the size of Ukraine?": how big it is.
_SIZE_ASKED = re.compile(r"^(?P<lead>\W*)what\s+(?P<be>is|was|are|were)\s+the\s+size\s+of\s+(?P<what>[^?]+?)\s*[?.!]*\s*$", re.I)
# A document by its kind: "the IAI commentary", "the April piece".
_A_DOCUMENT = r"the\s+(?:[\w’'-]+\s+){0,3}?(?:commentary|article|piece|paper|report|analysis|essay|text|document)"
# "Who is the US president named in the IAI commentary?": a thing asked, as a document names it (not
# "Which leader is named in …?", where the participle is the question's verb).
_NAMED_IN_DOCUMENT = re.compile(
    r"^(?P<asked>\W*(?:who|which|what)\b[^?,]*?(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)(?<!\bbeen))\s+"
    rf"(?:named|mentioned|cited|quoted|referred\s+to)\s+in\s+(?P<document>{_A_DOCUMENT})\s*[?.!]*\s*$",
    re.I,
)


# "Which came out earlier, the opinion piece or Alcaro's commentary?": which of two options came first.
_WHICH_DOCUMENT_SOONER = re.compile(
    # "Which commentary came out first, the IAI one or the opinion piece?": the kind named first.
    r"^\W*which\s+(?:one\s+|(?P<head>commentary|document|piece|article|op-ed|text)\s+)?(?:came\s+out|was\s+(?:published|written|released|issued)|appeared)\s+"
    r"(?P<when>earlier|first|sooner|later|last|more\s+recently)\s*,?\s+(?P<a>[^?]+?)\s+or\s+(?P<b>[^?]+?)\s*[?.!]*\s*$",
    re.I,
)
# A word naming a document: "the opinion piece", "Alcaro's commentary".
_DOCUMENT_NOUN_IN = re.compile(r"\b(?:piece|commentar(?:y|ies)|article|editorial|op-ed|essay|document|paper|report)\b", re.I)


def _asked_plainly(question: str, authors: AbstractSet[str] = frozenset()) -> str | None:
    """The question as the answerer reads it when its wording asks something else plainly, else None.
    `authors`: the documents' authors' names, lower case (`Bylines.authors`), whose wishes are a view."""
    spelt = _CONTRACTION.sub(_uncontracted, question)
    if spelt != question:
        # "What's the difference between the LNR and DNR?" is read as "What is …" (the rules for
        # "What is the difference" had not seen it, and bolded "the now-defunct 2015 Minsk agreements").
        return spelt
    aside = _ASIDE.search(question)
    if aside is not None:
        # "Could you tell me, in a sentence, why Alcaro thinks …?" asks as "Could you tell me why …"
        # does (the aside had hidden the why-question, and the author note had answered).
        if aside.group("end") is not None:
            return question[: aside.start()] + "?"
        return question[: aside.start()] + " " + question[aside.end() :]
    inside = _request_inside(question) or _asked_inside(question)
    if inside is not None:
        return inside
    named = _NAME_WHO.match(question)
    if named is not None:
        # "Name the man who speaks for the Kremlin." asks who does (it had quoted "Moreover, the Kremlin
        # expects …").
        return f"Who {named.group('rest')}?"
    if _INTENT_MODIFIER.search(question):
        # "What does Alcaro think the West's end goal should be?" asks for its goal: the reader took the
        # "end" of "end the war" for the question's own word and bolded "war".
        return _INTENT_MODIFIER.sub("", question)
    line = _LINE_ON.match(question)
    if line is not None:
        # "What was the Russian foreign minister's line on the contested regions?" asks what he said
        # about them (it had bolded "Sergei Lavrov").
        aux = "did" if line.group("be").lower() == "was" else "does"
        return f"What {aux} {line.group('who')} say about {line.group('topic')}?"
    clause = _THE_NOUN_OF_CLAUSE.match(question)
    if clause is not None and clause.group("subject").lower() not in ("the", "a", "an"):
        # "And the year it was set up?" after a question about the IAI asks in what year it was (it had
        # bolded "private", of the sentence saying when and by whom it was founded).
        subject = clause.group("subject")
        # A pronoun or an article in lower case, a name as written: "it", "the IAI".
        subject = subject.lower() if subject.lower() in ("it", "he", "she", "they") else re.sub(r"^The\b", "the", subject)
        return f"{_NOUN_ASKED_AS[clause.group('noun').lower()]} {clause.group('aux').lower()} {subject} {clause.group('rest')}?"
    topic_first = _OUTLET_TOPIC_NOUN.search(question)
    if topic_first is not None:
        # "Who are the authors of the FT neutrality plan piece?" asks of "the FT piece on the neutrality
        # plan" (it had been read as the April piece, whose title has "plan").
        outlet, topic, noun = topic_first.group("outlet", "topic", "noun")
        return question[: topic_first.start()] + f"the {outlet} {noun} on the {topic}" + question[topic_first.end() :]
    fronted = _FRONTED_TOPIC.match(question)
    if fronted is not None:
        # "And its webzine, what is that called?" asks as "And what is its webzine called?" does.
        lead = fronted.group("lead") or ""
        return f"{lead}{'what' if lead else 'What'} {fronted.group('be')} {fronted.group('topic')} {fronted.group('rest')}?"
    same = _SAME_COUNTED_THING.match(question)
    if same is not None:
        # "Is the 10-point plan the same as the 15-point plan?": how many points the plan has, which the
        # documents give differently (`_disagreeing`; it had quoted the 10-point plan alone).
        return f"How many {same.group('unit')}s does the {same.group('thing')} have?"
    became = _BECAME_OF.match(question)
    if became is not None:
        # "What became of that promise?" asks what happened to it (it had bolded "surrender of Soviet
        # nuclear weapons", or abstained for "What became of it?").
        return f"{became.group('lead') or ''}{'what' if became.group('lead') else 'What'} happened to {became.group('what')}?"
    passive = _DESCRIBED_BY.match(question)
    if passive is not None:
        # "How is the sanctions regime against Russia described by Alcaro?" asks as "How does Alcaro
        # describe …?" does (it had quoted "regime change in Moscow", for the word "regime").
        aux = "did" if passive.group("be").lower() in ("was", "were") else "does"
        verb = passive.group("verb").lower()
        verb = verb[:-1] if verb.endswith("sed") or verb.endswith("zed") or verb == "described" else verb[:-2]
        source = passive.group("source")
        if aux == "does" and (source.split()[-1].lower() in DOCUMENTS_PLURAL or source.split()[0].lower() in ("both", "all")):
            aux = "do"
        if source.split()[0].lower() in _OPENING_DETERMINERS:
            source = source[0].lower() + source[1:]
        return f"How {aux} {source} {verb} {passive.group('what')}?"
    anything = _ANYTHING_DONE.match(question)
    if anything is not None:
        # "Is there anything it refuses to give up?" asks what it refuses to give up (it had quoted
        # "For now, the Ukrainian leadership is refusing to give up.").
        who, aux, verb, rest = anything.group("who", "aux", "verb", "rest")
        if aux is None:
            aux, verb = "does", verb[:-2] if re.search(r"(?:sh|ch|x|ss|o)es$", verb) else verb[:-1]
        return f"{anything.group('lead') or ''}{'what' if anything.group('lead') else 'What'} {aux.lower()} {who} {verb}{rest}?"
    stranded = _WH_AFTER_PREPOSITION.match(question)
    if stranded is not None:
        # "Against what did Biden personally warn Beijing?" asks as "What did Biden personally warn
        # Beijing against?" does (it had bolded "US warnings").
        wh = "Who" if stranded.group("wh").lower() == "whom" else "What"
        return f"{wh} {stranded.group('rest')} {stranded.group('prep').lower()}?"
    owner = _WHICH_OWNER.match(question)
    if owner is not None:
        # "Which body's approval of lethal aid was a first in its history?" asks whose approval ("the
        # European Union"; the reader had bolded what was approved).
        return f"{owner.group('lead')}{'whose' if owner.group('lead').strip() else 'Whose'} {question[owner.end():]}"
    words = _IN_WORDS.match(question)
    if words is not None:
        # "What, in Lavrov's words, was "settled for good"?" asks what he said was (it had bolded his
        # name); the quotation marks go, the words stay ("the Donbas" alone had been bold with them).
        rest = re.sub(r"[\"“”]", "", words.group("rest"))
        return f"{words.group('wh')} did {words.group('who')} say {rest}?"
    reply = _REPLY_OF.match(question)
    if reply is not None:
        # "What was the Kremlin spokesman's reply on Crimea's timeline?" asks what he said about it ("Crimea
        # is part of Russia"; his name had been bold).
        who = reply.group("who")
        who = who[0].lower() + who[1:] if who.split()[0] in ("The", "A") else who
        return f"{reply.group('lead')}What did {who} say about {reply.group('topic')}?"
    rounds = _ROUNDS_HELD.match(question)
    if rounds is not None:
        # "How many rounds of talks had been held by the end of March?" asks how many times the sides had
        # met, as the documents say it ("… the sides met for a sixth time"; it had abstained).
        return f"{rounds.group('lead')}How many times had the sides met{rounds.group('rest') or ''}?"
    of_itself = _SAYS_OF_ITSELF.match(question)
    if of_itself is not None:
        # "Who does the IAI say founded it?" asks who founded the IAI, as it says (it had bolded the
        # author its note names, "Riccardo Alcaro").
        return f"{of_itself.group('wh')} {of_itself.group('verb')} {of_itself.group('who')}?"
    itself = _SAYS_ITSELF.match(question)
    if itself is not None:
        # "What sort of organisation does the IAI say it is?" asks what it is, as it says ("private"
        # had been bold, not "a private, independent non-profit think tank").
        be = "are" if (itself.group("pronoun") or itself.group("reflexive")).lower().startswith("the") else "is"
        return f"{itself.group('wh')} {be} {itself.group('who')}?"
    first = _AND_WHO_WROTE_IT.match(question)
    if first is not None:
        # The work asked first and its author: the author note of the document its word names had answered.
        return f"{first.group('first')}?"
    calls = _CALLS_IT.match(question)
    if calls is not None:
        # "What kind of war does Alcaro call it?": "it" is the war asked about (it had abstained).
        return f"{calls.group('wh')} is it, according to {calls.group('who')}?"
    wrote = _WHEN_WROTE.match(question)
    if wrote is not None:
        # "How long had the war lasted when Alcaro wrote?" asks how long, according to him: his name
        # and "wrote" had drawn the references to his other works, and it had abstained.
        who = wrote.group("who")
        if who[0].isupper():
            return f"{wrote.group('asked')}, according to {who}{wrote.group('unit') or ''}?"
        return f"{wrote.group('asked')} at the time of writing{wrote.group('unit') or ''}?"
    options = _OPTIONS_FIRST.match(question)
    if options is not None:
        # "Has Russia or Ukraine lost more military hardware?" asks which of the two has, as "Who has lost
        # more military hardware, Russia or Ukraine?" does (nothing had been bold).
        aux = _SINGULAR_AUXILIARY.get(options.group("aux").lower(), options.group("aux").lower())
        return f"Who {aux} {options.group('rest')}, {options.group('a')} or {options.group('b')}?"
    size = _SIZE_ASKED.match(question)
    if size is not None:
        # "What is the size of Ukraine compared with France?" asks how big it is ("bigger than France";
        # it had bolded its population, "almost 44-million").
        return f"{size.group('lead') or ''}How big {size.group('be').lower()} {size.group('what')}?"
    sooner = _WHICH_DOCUMENT_SOONER.match(question)
    if sooner is not None and all(_DOCUMENT_NOUN_IN.search(sooner.group(x)) or sooner.group("head") and re.search(
            r"\bone$", sooner.group(x)) for x in ("a", "b")):
        # "Which came out earlier, the opinion piece or Alcaro's commentary?" asks which document came out
        # first, as "Which document came out first?" does (it had quoted a reference to another work).
        later = sooner.group("when").lower() in ("later", "last", "more recently")
        return f"Which document came out {'last' if later else 'first'}?"
    mentioned = _NAMED_IN_DOCUMENT.match(question)
    if mentioned is not None:
        # "Who is the US president named in the IAI commentary?" asks who he is, according to it (it had abstained).
        return f"{mentioned.group('asked')}, according to {mentioned.group('document')}?"
    split = _PUT_OUT_SPLIT.match(question)
    if split is not None:
        # "Who put the two commentaries out?" asks as "Who put out …?" does: who published them (it had
        # abstained).
        return f"{split.group('who')} {split.group('verb')} out {split.group('what')}?"
    if _DEADLINE_OF_THAT.match(question):
        # "And what is the deadline for that?" after what Poland will do asks "By when?" (it had bolded
        # "Russian coal imports").
        return "By when?"
    originally = _ORIGINALLY.match(question)
    if originally is not None:
        # "What did the Kremlin originally aim to do to Ukraine?" asks for its original aim ("subjugating
        # Ukraine", of "the original objective of subjugating Ukraine"); it had quoted Putin's present aims.
        whose, towards = originally.group("who", "towards")
        return f"What was {whose}'s original aim{' for ' + towards if towards else ''}?"
    last = _WHAT_LAST.match(question)
    if last is not None:
        # "Western diplomacy has so far failed to do what?" asks as "What has Western diplomacy so far
        # failed to do?" (it had bolded "Russia’s behavior", not what it failed to do).
        subject, aux, rest, source = last.group("subject", "aux", "rest", "source")
        aux = aux or last.group("be")
        if subject.split()[0].lower() in _OPENING_DETERMINERS:
            subject = subject[0].lower() + subject[1:]
        asked = f"What {aux} {subject}{' ' + rest if rest else ''}"
        return f"{asked}, according to {source}?" if source else f"{asked}?"
    late = _WH_OBJECT_LAST.match(question)
    base = verb_base(late.group("verb")) if late is not None else None
    if late is not None and base is not None:
        # "The 15-point plan turns on which three components?" asks as "Which three components does the
        # 15-point plan turn on?" (it had bolded "Russian and Ukrainian diplomats").
        subject = late.group("subject")
        if subject.split()[0].lower() in _OPENING_DETERMINERS:
            subject = subject[0].lower() + subject[1:]
        aux = "does" if late.group("verb").lower().endswith("s") else "did"
        preposition = f" {late.group('prep').strip().lower()}" if late.group("prep") else ""
        return f"{late.group('wh').capitalize()} {late.group('rest')} {aux} {subject} {base}{preposition}?"
    per = _per_as_according(question) or _phrase_last(question)
    if per is not None:
        return per
    said = _SOURCE_SAYS_LAST.match(question)
    if said is not None:
        # "What weapons could still be used, Alcaro warns?" is "… according to Alcaro" too (it had
        # quoted the April piece's European weapons).
        return f"{said.group('question')}, according to {said.group('source') or said.group('after')}?"
    same = _SAME_COUNT.match(question)
    if same is not None:
        # "Do both authors count the same number of points in the peace plan?" asks each one's count,
        # which the answer gives with its source, saying whether they differ (it had quoted one).
        return f"How many {same.group('what')}?"
    hedged = _HEDGE_FIRST.match(question)
    if hedged is not None:
        # "Roughly what is Ukraine's population?" asks what it is (it had bolded "about 10 percent",
        # the share abroad, which the rules for a population's figure pass over).
        rest = question[hedged.end():]
        return rest[0].upper() + rest[1:]
    hedged = _HEDGE_AFTER_WH.match(question)
    if hedged is not None:
        return hedged.group("wh") + question[hedged.end():]
    holder = _NAME_OF_HOLDER.match(question)
    if holder is not None:
        # "What is the name of Ukraine's president?" asks who holds the office (it had bolded "armed
        # forces", of "… with no armed forces worthy of the name").
        return f"Who {holder.group('be')} {holder.group('holder')}?"
    short = _SHORT_OF_ASKED.match(question)
    if short is not None:
        # "What is Kyiv short of?" asks what it needs (it had bolded "NATO membership", of "short of
        # NATO membership").
        aux = "does" if short.group("be") == "is" else "do"
        return f"{short.group('wh')} {aux} {short.group('subject')} need{short.group('rest') or '?'}"
    short = _SHORT_OF_SAID.search(question)
    if short is not None:
        # "Which two kinds of hardware does the April piece say Kyiv is short of?": "… Kyiv needs?"
        verb = "needs" if short.group("be") == "is" else "need"
        return question[: short.start("subject")] + f"{short.group('subject')} {verb}" + question[short.end() :]
    other = _ANYTHING_ELSE.match(question)
    if other is not None:
        # "Did Alcaro write anything else for IAI in 2022?" asks what else he wrote (it had quoted his
        # author note, as for a question about him).
        aux, subject, verb, rest = other.group("aux", "subject", "verb", "rest")
        return f"What else {aux.lower()} {subject} {verb}{rest}?"
    populous = _HOW_POPULOUS.match(question)
    if populous is not None:
        # "How populous is Ukraine?" asks for its population (it had quoted the share of the
        # population abroad, with no short answer).
        tense = "was" if populous.group("be").lower() in ("was", "were") else "is"
        return f"What {tense} the population of {populous.group('what')}?"
    reason = _FOR_WHAT_REASON.match(question)
    if reason is not None:
        # "For what reason would Zelensky put neutrality to a referendum?" asks why (it had bolded
        # "any agreement", which a why-question's answer never is).
        return f"Why {question[reason.end():].lstrip()}"
    known = _KNOWN_FOR.match(question)
    if known is not None:
        # "What is Altiero Spinelli known for?" asks who he is, as the documents say it.
        return f"Who is {known.group('name')}?"
    agent = _AGENT_VERB.match(question)
    if agent is not None:
        # "Who directs the IAI commentaries?" asks who the director is, as the block's role line says.
        return f"Who is the {_AGENT_NOUNS[agent.group('verb').lower()]} of {agent.group('what')}"
    office = _HOLDS_OFFICE.match(question)
    if office is not None:
        # "What position does Sergei Lavrov hold?", "What is Zelensky's job?" ask who the person is:
        # the title or description a sentence gives the name ("Russian Foreign Minister").
        named = office.group("name") or office.group("holder") or office.group("doer")
        return f"Who is {named or without_possessive(office.group('whose'))}?"
    listing = _LIST_REQUEST.match(question)
    if listing is not None:
        # "List the countries named as possible guarantors." asks which countries are: read so,
        # the list the sentence gives is the short answer.
        noun, verb, rest = listing.group("noun", "verb", "rest")
        return f"Which {noun} {rest}?" if verb is None else f"Which {noun} are {verb} {rest}?"
    has_done = _LIST_HAS_DONE.match(question)
    if has_done is not None:
        # "List every weapon the US has provided." asks which weapons it has provided: read so, the
        # list the sentence gives is the short answer (it had none).
        noun, subject, aux, adverb, verb, rest = has_done.group("noun", "subject", "aux", "adverb", "verb", "rest")
        return f"Which {_plural(noun)} {aux} {subject} {adverb or ''}{verb}{rest}?"
    done = _LIST_DONE_BY.match(question)
    if done is not None:
        # "List the weapons Ukraine still needs." asks which weapons Ukraine needs (it had quoted what
        # the US has provided): read so, the rules for an object asked of a named subject read it.
        noun, subject, adverb, verb, rest = done.group("noun", "subject", "adverb", "verb", "rest")
        return f"Which {noun} does {subject} {adverb or ''}{_base_form(verb)}{rest}?"
    summarised = _SUMMARISE_VIEW.match(question)
    if summarised is not None:
        # "Summarise what Alcaro says about China." asks for his view of China, not a summary of
        # his commentary (which had been given, with no word of China in it).
        ref, verb, rest = summarised.group("ref", "verb", "rest")
        plain = _PLAIN_VERB.get(verb.lower(), verb.lower())
        return f"What {'do' if plain == verb.lower() else 'does'} {ref} {plain} {rest}?"
    amounted = _AMOUNTS_TO.match(question)
    if amounted is not None:
        # "How much did Biden's new military aid package amount to?" asks how much it was (it had
        # weighed "amount" and abstained).
        aux, thing = amounted.group("aux", "thing")
        return f"How much {_AMOUNT_COPULA[aux.lower()]} {thing}?"
    remarks = _REMARKS_ON.match(question)
    if remarks is not None:
        # "Give me a short overview of Alcaro's remarks on Beijing." asks for his view of China, not a
        # summary of his commentary (which had been given, with no word of China in it).
        ref, rest = remarks.group("ref", "rest")
        return f"What does {ref} say {rest}?"
    anything = _SAYS_ANYTHING.match(question)
    if anything is not None:
        # "Does the April piece say anything about China?" asks what it says about China (it had
        # abstained, weighing "anything" and "say"); the answer says so when it names no China.
        aux, ref, rest = anything.group("aux", "ref", "rest")
        return f"What {aux.lower()} {ref} say {rest}?"
    said = _SAYS_CLAUSE.match(question)
    if said is not None:
        # "How does the April piece say the West should respond?" asks how the West should, according
        # to that piece: read so, the sentence saying it is not outweighed by the pointer's words.
        wh, source, subject, modal, rest = said.group("wh", "source", "subject", "modal", "rest")
        return f"{wh} {modal} {subject} {rest}, according to {source}?"
    wants = _SOURCE_WANTS.match(question)
    if wants is not None and (_DOCUMENT_SOURCE.search(wants.group("source"))
                              or wants.group("source").split()[-1].lower() in authors):
        # Only a document's or its author's wish is its view: "What does Putin want Ukraine to accept?"
        # is no question for what Ukraine should accept according to Putin.
        # "What does Alcaro want the US and Europe to join?" asks what they should join, according to
        # him (it had bolded "anything but neutral", of "The United States and Europe are anything but neutral").
        wh, source, subject, rest = wants.group("wh", "source", "subject", "rest")
        return f"{wh} should {subject} {rest}, according to {source}?"
    thinks = _WHO_SOURCE_THINKS.match(question)
    if thinks is not None:
        # "Who does Alcaro think can restore deterrence?" asks who can, according to Alcaro (it had
        # bolded "NATO" alone, of "only the United States and NATO can restore …").
        wh, source, rest = thinks.group("wh", "source", "rest")
        return f"{wh} {rest}, according to {source}?"
    names = _SOURCE_NAMES.match(question)
    if names is not None and (_DOCUMENT_SOURCE.search(names.group("source"))
                              or names.group("source").split()[-1].lower() in authors):
        # "Which mediators has Alcaro named?" asks which are named, according to him: read so, the
        # sentence naming them is not outweighed by his name, which it lacks (it had abstained). "Listed"
        # would read as the publisher's list of commentaries.
        which, rest = names.group("which", "rest")
        return f"{which} are named{rest}, according to {names.group('source')}?"
    # "And what did the US send?": the question after the "and" is asked as it stands.
    return after_conjunction(question)


# "How much did the package amount to?", "How much does it come to?": how much it is.
_AMOUNTS_TO = re.compile(
    r"^\W*how\s+much\s+(?P<aux>did|does|do|will|would)\s+(?P<thing>.+?)\s+(?:amount\s+to|come\s+to|add\s+up\s+to|total)\s*[?.!]*\s*$",
    re.I,
)
_AMOUNT_COPULA = {"did": "was", "does": "is", "do": "are", "will": "will be", "would": "would be"}
# A heading: a few words on a line of their own, no sentence's closing mark.
_HEADING = re.compile(r"[^\n.!?:;]{1,60}(?<![.!?:;])")
# The conjunction a follow-up opens with, which its rewrite asked alone leaves out.
_OPENING_AND = re.compile(r"^\W*(?:and|but|so|also|then)\s+", re.I)
# "Summarise what Alcaro says about China.", "Explain what the documents say on sanctions": a view asked for.
_SUMMARISE_VIEW = re.compile(
    r"^\W*(?:please\s+)?(?:briefly\s+)?(?:summari[sz]e|sum\s+up|outline|describe|explain|tell\s+me)\s+what\s+"
    r"(?P<ref>(?:[\w’'.|-]+\s+){0,5}?[\w’'.|-]+)\s+(?P<verb>says|said|say|writes|wrote|write|thinks|think|argues|argue|"
    r"claims|claim)\s+(?P<rest>(?:about|on|regarding|concerning|of)\s+[^?!.]+?)\s*[?!.]*\s*$",
    re.I,
)
# "Give me an overview of Alcaro's remarks on China.", "What are the IAI commentary's comments about Turkey?".
_REMARKS_ON = re.compile(
    r"^\W*(?:please\s+)?(?:(?:briefly\s+)?(?:summari[sz]e|sum\s+up|outline|describe|explain)\s+"
    r"|(?:give|show)\s+(?:me\s+)?(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:summary|overview|rundown|gist|synopsis)\s+of\s+"
    r"|what\s+(?:are|were)\s+)(?P<ref>(?:[\w’'.|-]+\s+){0,5}?[\w’'.|-]+?)['’]s?\s+(?:remarks|comments|thoughts|observations|words)\s+"
    r"(?P<rest>(?:about|on|regarding|concerning)\s+[^?!.]+?)\s*[?!.]*\s*$",
    re.I,
)
# "Does the April piece say anything about China?", "Do the documents mention anything on sanctions?".
_SAYS_ANYTHING = re.compile(
    r"^\W*(?P<aux>do|does|did)\s+(?P<ref>(?:[\w’'.|-]+\s+){0,5}?[\w’'.|-]+)\s+(?:say|mention|write|tell\s+us)\s+"
    r"(?:anything|something|much)\s+(?P<rest>(?:about|on|regarding|concerning|of)\s+[^?!.]+?)\s*[?!.]*\s*$",
    re.I,
)
# "What does Alcaro call Putin's war?", "What do the documents call the LNR?": how it is described.
_CALLS = re.compile(
    r"^\W*what\s+(?P<aux>does|do|did)\s+(?P<ref>(?:[\w’'.|-]+\s+){0,5}?[\w’'.|-]+)\s+call\s+(?P<topic>[^?!.]+?)\s*[?!.]*\s*$",
    re.I,
)
# "How did Lavrov describe the status of Crimea?": how a named person put something.
_DESCRIBES = re.compile(
    r"^\W*(?i:how)\s+(?P<aux>(?i:does|do|did))\s+(?P<ref>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+"
    r"(?i:describe|characteri[sz]e|portray|see)\s+(?P<topic>[^?!.]+?)\s*[?!.]*\s*$"
)
# "How does the IAI describe itself?": what the named one is, as its own words say.
_DESCRIBES_ITSELF = re.compile(
    r"^\W*(?i:how)\s+(?i:does|do|did)\s+(?P<ref>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+"
    r"(?i:describe|characteri[sz]e|present|define|see)\s+(?P<self>itself|himself|herself|themselves)\s*[?!.]*\s*$"
)
_PLAIN_VERB = {"says": "say", "said": "say", "writes": "write", "wrote": "write", "thinks": "think",
               "argues": "argue", "claims": "claim"}
# The verbs by which a question says whose view it asks ("What does Alcaro say …", "… think …").
_SAYS_OR_THINKS = r"(?:say|think|argue|believe|suggest|expect|claim|write)"
# "How does the April piece say the West should respond?", "Why does the author think Russia will
# stall?": a wh-question about a clause a document is said to say (a pronoun subject stays as it is).
# The nouns that name a document or its writer as a source: "the April piece", "the author".
_SOURCE_NOUN = r"(?:commentary|piece|article|document|paper|report|essay|author)"
# A source asked about: a document by its noun (up to four words before it: "the author of the IAI
# commentary"), or a name ("Alcaro").
_SOURCE_ASKED = rf"(?P<source>(?:the\s+)?(?:[\w’'-]+\s+){{0,4}}?{_SOURCE_NOUN}|(?-i:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?))"
_SAYS_CLAUSE = re.compile(
    # "What does Alcaro say the US and Europe should aim for?": what, and a source by its name, too.
    # "the author of the IAI commentary" too: four words before the document's noun.
    rf"^\W*(?P<wh>how|why|when|where|what)\s+(?:does|do|did)\s+{_SOURCE_ASKED}\s+"
    rf"{_SAYS_OR_THINKS}\s+(?:that\s+)?"
    # The subject holds no modal: "What did Zelensky say must happen before Ukraine could be declared
    # neutral?" has none before "must" (it had been read "What could must happen …").
    r"(?P<subject>(?!(?:it|they|he|she|we|you|i|should|would|could|will|can|must|might|may)\b)(?:the\s+)?[\w’'-]+"
    r"(?:\s+(?!(?:should|would|could|will|can|must|might|may)\b)[\w’'-]+){0,3}?)\s+"
    # Not "… should do?" alone: what a source recommends doing, which its prescriptions answer.
    r"(?P<modal>should|would|could|will|can|must|might|may)\s+(?P<rest>(?!do\s*\?*\s*$)[^?]+?)\s*\?*\s*$",
    re.I,
)

# "What does the April piece want the allies to ratchet up?": what a source wants someone to do.
_SOURCE_WANTS = re.compile(
    rf"^\W*(?P<wh>what|which\s+[a-z]+|how|where|when)\s+(?:does|do|did)\s+{_SOURCE_ASKED}\s+"
    r"(?:want|urge|expect|advise|ask|need)\s+"
    r"(?P<subject>(?!(?:it|him|her|them|us|me|you)\b)(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,4}?)\s+to\s+"
    r"(?P<rest>(?!do\s*\?*\s*$)[a-z][^?]*?)\s*\?*\s*$",
    re.I,
)
_DOCUMENT_SOURCE = re.compile(rf"\b{_SOURCE_NOUN}$", re.I)
# "Who does Alcaro think can restore deterrence?", "Which country does the April piece say should
# act?", "Who do most jurisdictions say can …?" (XQuAD): a question for who does something, in a
# source's view; its subject is what is asked.
_WHO_SOURCE_THINKS = re.compile(
    # "What conditions does Alcaro say must hold …?": what a noun says, too.
    # "Which Western sanctions does the April piece say …?": a word before the noun, too.
    r"^\W*(?P<wh>who|(?:which|what)\s+(?:(?!(?:does|do|did)\b)[\w-]+\s+)?(?!(?:does|do|did)\b)[a-z]+)\s+(?:does|do|did)\s+(?P<source>[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?)\s+"
    rf"{_SAYS_OR_THINKS}\s+(?:that\s+)?"
    r"(?P<rest>(?:should|would|could|will|can|must|might|may|is|are|was|were|has|have)\s+[^?]+?)\s*\?*\s*$",
    re.I,
)

# "Against what did Biden warn Beijing?", "To whom did Ukraine turn?": a preposition before a bare
# "what" or "whom", which a question puts last.
_WH_AFTER_PREPOSITION = re.compile(
    r"^\W*(?P<prep>(?i:against|about|for|from|with|to|on|upon|towards?|into))\s+(?P<wh>(?i:what|whom))\s+"
    r"(?P<rest>(?i:did|does|do|has|have|had|is|are|was|were|will|would|could|can|should|must|might|may)\s+[^?]+?)\s*\?*\s*$"
)

# "… by name?", "… mention by name?": a question asking for names.
_ASKS_BY_NAME = re.compile(r"\bby\s+name\b", re.I)
# A name: a capitalised word that is no adjective made of one ("Kremlin-connected", "US-led").
_NAME_IN_SPAN = re.compile(r"\b[A-Z][\w’'.]*(?![\w’'.]*-[a-z])")

# "end goal", "ultimate aim": a goal, said twice.
_INTENT_MODIFIER = re.compile(r"\b(?:end|ultimate|final|overall|eventual)\s+(?=(?:goals?|aims?|objectives?)\b)", re.I)
# "Is there anything it refuses to give up?", "Is there anything that Ukraine won't accept?": what it does.
_ANYTHING_DONE = re.compile(
    r"^\W*(?P<lead>(?i:and|but|so)\s+)?(?i:is|was)\s+there\s+(?i:anything|something)\s+(?:(?i:that)\s+)?"
    r"(?P<who>it|he|she|they|(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+"
    r"(?:(?P<aux>won[’']t|will\s+not|would\s+not|wouldn[’']t|can[’']t|cannot|will|would|can|could|should|must)\s+(?=[a-z]+\b)"
    r"|(?=[a-z]+s\b))(?P<verb>[a-z]+)(?P<rest>(?:\s+[^?]*?)?)\s*\?*\s*$"
)
# "What was Lavrov's line on Crimea?", "What is the April piece's take on China?": what is said of a topic
# (not "position" or "view", which the rules for a stance read).
_LINE_ON = re.compile(
    r"^\W*what\s+(?P<be>is|was)\s+(?P<who>(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?)[’']s\s+"
    r"(?:line|take)\s+(?:on|about|regarding)\s+(?P<topic>[^?]+?)\s*[?.!]*\s*$",
    re.I,
)
# "What became of that promise?", "And what has become of the Minsk agreements?": what happened to it.
_BECAME_OF = re.compile(
    r"^\W*(?P<lead>(?:and|so|but)\s+)?what\s+(?:has\s+|had\s+|is\s+)?(?:became|become)\s+of\s+(?P<what>[^?]+?)\s*[?.!]*\s*$", re.I
)
# "the FT neutrality plan piece": an outlet, a topic in lower case and a work's noun, run together.
_OUTLET_TOPIC_NOUN = re.compile(
    # Not "the April opinion piece": a month is no outlet, and "opinion" or "latest" no topic.
    r"\bthe\s+(?P<outlet>(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    r"(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,2})\s+"
    r"(?P<topic>(?!(?:opinion|op|commentary|guest|latest|earlier|later|new|recent|first|second|last|main|original|other|same|"
    r"whole|full|entire|short|long|cited|quoted|one)\b)(?-i:[a-z])[\w-]+(?:\s+(?!(?:or|and|the|a|an|of|one)\b)(?-i:[a-z])[\w-]+){0,3})"
    r"\s+(?P<noun>piece|article|report|story|op-ed)\b",
    re.I,
)
# "And its webzine, what is that called?": the thing asked about first, then the question of it.
_FRONTED_TOPIC = re.compile(
    r"^\W*(?P<lead>(?:and|so|but)\s+)?(?P<topic>(?:its|their|his|her|the)\s+[^,?]+?),\s+what\s+(?P<be>is|was|are|were)\s+"
    r"(?:that|it|this|they|those)\s+(?P<rest>called|named|about|for)\s*[?.!]*\s*$",
    re.I,
)
# "Is the 10-point plan the same as the 15-point plan?": two counts of one thing, compared.
_SAME_COUNTED_THING = re.compile(
    r"^\W*(?:is|are|was|were)\s+the\s+\d+-(?P<unit>[a-z]+)\s+(?P<thing>[a-z]+(?:\s+[a-z]+)?)\s+"
    r"(?:the\s+same\s+(?:as|one\s+as)|identical\s+to|different\s+from|related\s+to)\s+the\s+\d+-(?P=unit)\s+(?:(?P=thing)|one)\s*[?.!]*\s*$",
    re.I,
)
# "And the year it was set up?", "What about the date they met?": a question put as the noun for
# what is asked and a clause about it ("In what year was it set up?").
_THE_NOUN_OF_CLAUSE = re.compile(
    r"^\W*(?:(?:and|so|what\s+about|how\s+about)\s+)?the\s+(?P<noun>year|date|day|month|place|city|country|reason)\s+"
    r"(?:that\s+|when\s+|where\s+|why\s+)?(?P<subject>it|he|she|they|(?:the\s+)?[\w’'-]+)\s+"
    r"(?P<aux>was|were|is|are|had|has|have|will|would|could)\s+(?P<rest>[a-z][^?]*?)\s*[?.!]*\s*$",
    re.I,
)
_NOUN_ASKED_AS = {"year": "In what year", "date": "On what date", "day": "On what day", "month": "In what month",
                  "place": "Where", "city": "In which city", "country": "In which country", "reason": "Why"}
# "How is the sanctions regime against Russia described by Alcaro?", "How are the talks portrayed in
# the April piece?": how a source describes something, in the passive.
_DESCRIBED_BY = re.compile(
    # What is described and its source each open on a word: a source of spaces alone ("… described by
    # \t?") had left nothing to rewrite with (IndexError, found by the fuzz tests).
    r"^\W*how\s+(?P<be>is|are|was|were)\s+(?P<what>[^?!.\s][^?!.]*?)\s+(?P<verb>described|characteri[sz]ed|portrayed|"
    r"presented|depicted)\s+(?:by|in)\s+(?P<source>[^?!.\s][^?!.]*?)\s*[?!.]*\s*$",
    re.I,
)
# "Who put the two commentaries out?": the phrasal verb split by its object.
_PUT_OUT_SPLIT = re.compile(
    r"^\W*(?P<who>(?:(?:and|but|so)\s+)?(?:who|which\s+[a-z]+))\s+(?P<verb>put|puts|brought|brings)\s+"
    r"(?P<what>(?!out\b)[^?]{1,80}?)\s+out\s*[?.!]*\s*$",
    re.I,
)
# "Which mediators has Alcaro named?", "Which countries does the IAI piece name as mediators?": the
# things a source names (not "cite", which asks for its references).
_SOURCE_NAMES = re.compile(
    # "Which two countries does Alcaro name as mediators?": a count may come before the kind.
    rf"^\W*(?P<which>(?:which|what)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten)\s+)?[a-z]+)\s+(?:does|do|did|has|have|had)\s+{_SOURCE_ASKED}\s+"
    r"(?:names?|named|mentions?|mentioned|lists?|listed|identify|identifies|identified|single\s+out|singled\s+out)"
    r"(?P<rest>(?:\s+[^?]*?)?)\s*\?*\s*$",
    re.I,
)


def _answer(
    question: str, history: Sequence[Any] | None, index: Path | str | None, retriever: Retriever | None,
    settings: AnswerSettings | None, said: Sequence[str], offered: tuple[str, str] | None = None,
    answered_before: str = "",
) -> Answer:
    """`answer`; `said` holds the sentences of a conversation's replies that listed the items of
    which a follow-up, rewritten as "Tell me more about X", asks about one: they go behind the
    others (`_not_again`). `offered`: the name an ellipsis offered and the reply before it, for
    the question the ellipsis was rewritten as (`_offered_sentence`). `answered_before`: the bold
    answer of the reply before a question asking for another ("And who …?"), which its short
    answer does not repeat."""
    started = time.perf_counter()
    s = settings or AnswerSettings()
    question = check_question(question)
    if _SMALL_TALK.match(question):
        return Answer(question, SMALL_TALK, [], [], True, 0.0, [], time.perf_counter() - started)
    if _OTHER_TASK.match(question):
        # "Can you translate the article into Italian?", "Tell me a joke.": not a question the documents answer.
        return Answer(question, OTHER_TASK, [], [], True, 0.0, [], time.perf_counter() - started)
    retriever = retriever or get_retriever(index)
    reader = get_reader(precision=s.reader_precision) if s.short_answers else None
    spelt = _slips_mended(question, retriever.vocabulary(), reader.words()) if reader is not None else question
    seated = _seats_as_countries(spelt, retriever.vocabulary()) if work_on_asked(spelt) is not None else spelt
    if seated != spelt:
        # "Which IAI commentary deals with Tokyo's response?": the titles write "Japan" (it had abstained).
        # Only for a work's topic: "What is London's population?" asked of these documents would have
        # been asked of Britain, and answered, where it abstains (held out, foreign questions 0.921 -> 0.919).
        return replace(_answer(seated, history, index, retriever, settings, said), question=question)
    if spelt != question:
        # "Wich countrys could be guarantors?" is read "Which countries could be guarantors?" (it had
        # been answered 'Ukraine'): a word of the question that is not the documents' nor a function
        # word, but one letter away from exactly one of them.
        return replace(_answer(spelt, history, index, retriever, settings, said), question=question)
    if asks_examples(question) and _CITES.search(question):
        # "What examples does he cite?" asks what examples he gives, not for his sources (it had
        # quoted a footnote's reference).
        given = _CITES.sub(lambda m: _GIVES[m.group(0).lower()].capitalize() if m.group(0)[0].isupper()
                           else _GIVES[m.group(0).lower()], question)
        return replace(_answer(given, history, index, retriever, settings, said), question=question)
    if _IN_LOWER_CASE.match(question):
        # "who is sergei lavrov": the names written as the documents write them, which the rules for
        # names read ("Who is Sergei Lavrov?"; "Donbas" had been bolded for it).
        cased = _names_capitalised(question, retriever.proper_words())
        if cased != question:
            return replace(_answer(cased, history, index, retriever, settings, said), question=question)
    if history and _LIKELIHOOD_ASKED_ALONE.match(question):
        # "Does he think that will happen?" after what Russia would have to do: how likely that is, as
        # the sentence says ("– a rather implausible scenario"; it had quoted a sentence on the US president).
        return replace(_answer("How likely is that?", history, index, retriever, settings, said), question=question)
    if history and _REASON_ASKED_ALONE.match(question):
        # "And what reason does he give?" after "What does the IAI author think the West's goal
        # should be?" asks why, as "Why?" does (it had abstained).
        return replace(_answer("Why?", history, index, retriever, settings, said), question=question)
    mentioned = _MENTIONED_IN_WHICH.match(question)
    if mentioned is not None:
        # "In which commentary does Venezuela come up?" asks which one mentions it (it had abstained).
        asked = f"Which {mentioned.group('kind')} mentions {mentioned.group('thing')}?"
        return replace(_answer(asked, history, index, retriever, settings, said), question=question)
    # "What does the April piece say the West must do now?" asks for its recommendations as asked
    # ("What must the West do now, according to …?" would ask what it must do, a fact).
    # The authors' names only for a question that asks what someone wants (a large index has many).
    authors = (Bylines.of(record.meta for record in retriever.documents.values()).authors
               if _SOURCE_WANTS.match(question) or _SOURCE_NAMES.match(question) else frozenset())
    # "What should Europe do, per the Post?" names its source as "according to the Post" does.
    plainly = _asked_plainly(question, authors) if not asks_recommendation(question) else _per_as_according(question)
    if plainly is not None:
        # "And who is still hooked on gas from Russia?" asks for another than the reply before bolded.
        replies = assistant_turns(history) if history and _ASKS_ANOTHER.match(question) else []
        earlier = _BOLD_LEAD.match(replies[-1]) if replies else None
        plain = replace(_answer(plainly, history, index, retriever, settings, said, None, earlier.group(1) if earlier else ""),
                        question=question)
        if asks_summary(question) and not plain.abstained and plain.short is None:
            # "Summarise what Alcaro says about the role of the US and Europe.": a few sentences of his
            # on it, not the one that best answers "What does Alcaro say about …?".
            return _topic_summary(retriever, plainly, plain, s, started) or plain
        return plain
    called = _CALLS.match(question)
    if called is not None and pointed_documents(f"What does {called.group('ref')} say?", {d: r.meta for d, r in retriever.documents.items()}):
        # "What does Alcaro call Putin's war?" asks how a document describes it (it had abstained);
        # not "What did Luther call the mass?", which asks for a name.
        aux, ref, topic = called.group("aux", "ref", "topic")
        plain = f"How {aux.lower()} {ref} describe {topic}?"
        described = replace(_answer(plain, history, index, retriever, settings, said), question=question)
        if described.short is None and not described.abstained:
            # What it is called is bold: "a slow and ever more brutal three-front campaign", of "… has
            # morphed into a slow and ever more brutal three-front campaign" (`called_as`).
            for support in described.support[:MARKED_SENTENCES]:
                if (at := called_as(support.sentence, question)) is not None:
                    return replace(described, short=_short_in(support, Span(*at, 1.0)))
        return described
    itself = _DESCRIBES_ITSELF.match(question)
    if itself is not None:
        # "How does the IAI describe itself?" asks what it is (it had looked for "itself" in the IAI's
        # commentary, and abstained); "How does Alcaro describe himself?", who he is.
        plain = f"{'What is' if itself.group('self').lower() == 'itself' else 'Who is'} {itself.group('ref')}?"
        return replace(_answer(plain, history, index, retriever, settings, said), question=question)
    described = _DESCRIBES.match(question)
    if described is not None and speaker_asked(f"What did {described.group('ref')} say?") and not pointed_documents(
            f"What does {described.group('ref')} say?", {d: r.meta for d, r in retriever.documents.items()}):
        # "How did Lavrov describe the status of Crimea and the Donbas?" asks what he said of it,
        # "settled for good" (it had abstained); not "How does Alcaro describe Putin's war?", which
        # his own commentary answers.
        aux, ref, topic = described.group("aux", "ref", "topic")
        plain = f"What {aux.lower()} {ref} say about {topic}?"
        return replace(_answer(plain, history, index, retriever, settings, said), question=question)
    named = _publisher_named(question, retriever) or _author_for_document(question, retriever)
    if named is not None:
        # "When was the think tank that published Alcaro's commentary founded?" asks when the IAI was
        # (it had answered with the date of a cited "IAI Commentaries" entry, "February 2022").
        return replace(_answer(named, history, index, retriever, settings, said), question=question)
    by_whom = _by_whom(question, user_turns(history)[-1]) if user_turns(history) else None
    if by_whom is not None:
        # "By whom?" after "When was the IAI founded?": "By whom was the IAI founded?".
        return replace(_answer(by_whom, None, index, retriever, settings, said), question=question)
    turned = _PREPOSITION_FIRST.match(question) if user_turns(history) else None
    if turned is not None:
        # "About what?" after "Which country did Biden warn?" asks as "What about?" does.
        plain = f"{turned.group('wh').capitalize()} {turned.group('prep').lower()}?"
        return replace(_answer(plain, history, index, retriever, settings, said), question=question)
    dwellers = _HOW_MANY_LIVE.match(question)
    if dwellers is not None:
        # "How many people live in Ukraine?" asks for its population ("almost 44-million"; it had
        # bolded the refugees' "up to ten million people").
        source = f", according to {dwellers.group('source')}" if dwellers.group("source") else ""
        plain = f"What is the population of {dwellers.group('place')}{dwellers.group('rest') or source}?"
        return replace(_answer(plain, history, index, retriever, settings, said), question=question)
    counted = _HOW_MANY_NAMED.match(question)
    if counted is not None:
        # "How many countries are named as possible guarantors?": the list "Which countries are named
        # as possible guarantors?" is answered by, with its items counted ("4 countries are named:").
        listed = _answer(f"Which {counted.group('noun')} {counted.group('rest')}?", history, index, retriever, settings, said)
        items = _items_listed(listed.short.text) if listed.short is not None and not listed.abstained else []
        if len(items) >= 2:
            text = f"{NAMED_COUNT.format(n=len(items), noun=counted.group('noun'))}\n\n{listed.text}"
            return replace(listed, question=question, text=text)
    among = _AMONG_GROUP.match(question)
    if among is not None:
        # "Is Germany among the possible guarantors?": the list "Who are the possible guarantors?" is
        # answered by, and whether it names Germany (it had quoted the European countries that sent
        # weapons, Germany among them).
        listed = _answer(f"Who are {among.group('group')}?", history, index, retriever, settings, said)
        items = _items_listed(listed.short.text) if listed.short is not None and not listed.abstained else []
        if len(items) >= 2:
            name = among.group("name")
            return _with_membership(listed, question, name, _named_among(name, items))
    context = user_turns(history)
    replies = assistant_turns(history) if context else []
    # The reply as written, but its bold short answer: a title in italics keeps its asterisks.
    cited = (_CITED_TITLE_IN_REPLY.search(_BOLD.sub(" ", replies[-1]))
             if replies and _ASKS_OF_THE_WORK.match(question) else None)
    if cited is not None:
        # "What is the title?" or "When was it published?" after a reply that quoted a reference or
        # an entry of the publisher's list ("- 22 | 11 Giulio Pugliese, *Japan Responds …*"): that work's.
        retriever = retriever or get_retriever(index)
        work = _work_titled(retriever, question, cited.group(1) or cited.group(2), started)
        if work is not None:
            return work
    if context and replies and (ordinal := _ASKS_ITEM_ITSELF.match(question)) is not None:
        # "What is the second one?" after "The plan rotates around three main components: an end to
        # the invasion, Ukraine's neutrality and …": that item, bold in the sentence that lists it
        # (it had been answered as "What is Ukraine's neutrality?", a sentence about the referendum).
        item = _listed_item_again(ordinal.group("ordinal"), context[-1], replies[-1], history, index, retriever, settings, said)
        if item is not None:
            return replace(item, question=question, seconds=time.perf_counter() - started)
    if context and replies and _ASKS_CURRENCY.match(question):
        # "And in which currency is that figure given?" after "… ranges above the hundred billion euro":
        # the currency of the amount just answered, bold in its sentence (it had abstained, and alone
        # it would have quoted Russia's demand for rubles).
        unit = _currency_again(context[-1], history, index, retriever, settings, said)
        if unit is not None:
            return replace(unit, question=question, seconds=time.perf_counter() - started)
    # "And the second?" after "What is the first one?", answered by the first item alone: the list
    # is in an earlier reply (the latest of the last FOLLOW_UP_CHAIN that has what is pointed at).
    named = next((r for reply in reversed(_listing_replies(context, replies)) if (r := resolve_pointer(question, reply))), None)
    if named is None and context and (_OTHER_DOCUMENT.match(question) or _DOCUMENT_ALONE.match(question)):
        # "And the other one?" after "When was the IAI commentary published?": when the other was.
        retriever = retriever or get_retriever(index)
        named = _other_document(question, context[-1], {d: r.meta for d, r in retriever.documents.items()})
    if named is None and context:
        # "Do they agree?" after "What does the April article say about Crimea?" and "And the IAI
        # commentary?": whether the documents agree about Crimea.
        named = agreement_asked(question, context[-FOLLOW_UP_CHAIN:])
    if named is None and context:
        # "What did he say about Crimea?" after "Who is Sergei Lavrov?": about Lavrov.
        chain = _antecedents(context)
        first_reply = replies[-len(chain)] if replies and len(replies) >= len(chain) else ""
        named = resolve_person(question, chain, replies[-1] if replies else "", first_reply)
        if named is not None and replies and mentions_it(named) and (bold := _BOLD_LEAD.match(replies[-1])) is not None:
            # "And when did he set it up?" after "Which think tank did Spinelli found?", answered
            # "**Istituto Affari Internazionali**": "it" is that answer, as "he" is Spinelli (it had abstained).
            named = resolve_thing(named, context[-1], thing_answered(context[-1], bold.group(1), replies[-1])) or named
    owned = _ITS_NOUN.search(question)
    replied = plain_reply(replies[-1]) if owned and replies else ""
    # "And its webzine, what is that called?" after "Which quarterly … does the IAI publish?" answered
    # "**The International Spectator**" from "IAI publishes an English-language quarterly (…), an online
    # webzine (…)": the reply names the webzine beside the quarterly, both the publisher's; "its" is not
    # the quarterly (it had bolded "English-language quarterly").
    sibling = bool(owned and replies and any(re.search(rf"\b{re.escape(word)}\b", replied, re.I)
                                             for word in owned.group(1).split() if word.lower() not in QUERY_STOPWORDS))
    if named is None and context and sibling and _ANY_QUESTION_WORD.search(question) and (opener := next(
            (m for part in replied.split("\n") if (m := _REPLY_SUBJECT.match(part))), None)) is not None:
        # It is the quoted sentence's subject, whose the things it lists are: "IAI publishes …".
        named = resolve_thing(question, context[-1], opener.group("who"))
    if named is None and context and replies and not sibling:
        # "Has it been sanctioned?" after "Which bank is Russia's largest?", answered "**Sberbank**":
        # whether Sberbank has been. Also a few turns on, while each turn between says "it": "Who
        # founded it?" after "Which think tank is Alcaro at?" and "Where is it based?".
        for back in range(1, min(FOLLOW_UP_CHAIN, len(context), len(replies)) + 1):
            bold = _BOLD_LEAD.match(replies[-back])
            answered = thing_answered(context[-back], bold.group(1), replies[-back]) if bold is not None else None
            named = resolve_thing(question, context[-back], answered) if answered is not None else None
            if named is not None or not mentions_it(context[-back]):
                break
    if named is None and context and replies and (bold := _BOLD_LEAD.match(replies[-1])) is not None:
        # "Who else did Kyiv ask?" after "Which two countries mediate?" answered "**Turkey and
        # Israel**": who, besides them.
        named = resolve_else(question, bold.group(1))
    if named is None and context and replies and (bold := _BOLD_LEAD.match(replies[-1])) is not None:
        # "Why could that be difficult to organise?" after "What would a neutrality deal need …?"
        # answered "**a nationwide referendum**": why the referendum could be (it had abstained).
        named = resolve_answered_subject(question, context[-1], bold.group(1))
    if named is None and context:
        # "Who founded it?" after "What is the IAI?": who founded the IAI.
        named = resolve_defined(question, context[-FOLLOW_UP_CHAIN:])
    if named is None and context and replies and (placed := resolve_there(question, context[-1], replies[-1])):
        # "What was agreed there?" after a reply about the talks in Istanbul: in Istanbul.
        return replace(_answer(placed, history, index, retriever, settings, said), question=question)
    if named is None and context and replies and (
            pointed := resolve_definite(question, context[-1], plain_reply(replies[-1]))) is not None:
        # "Was the promise kept?" after a reply quoting "… despite Moscow’s promise to pull back …":
        # Moscow's promise (it had quoted "… may be showing some promise …").
        return replace(_answer(pointed, history, index, retriever, settings, said), question=question)
    if named is None and context and (pointed := resolve_demonstrative(question, context)) is not None:
        # "What did Ukraine hand over under that agreement?" after a question about the 1994
        # memorandum: under the memorandum, not the Minsk agreements. The conversation stays, as the
        # question before says more than its phrase ("Who in the Kremlin objected to that?" after
        # the 15-year timeline for Crimea "under Ukraine's proposal").
        return replace(_answer(pointed, history, index, retriever, settings, said), question=question)
    if named is None and context:
        # "Is China one of them?" after "Which countries are named as potential guarantors?".
        # The question before as the rules read it: "Under Kyiv's plan, which powers …?" is "Which
        # powers … under Kyiv's plan?". "Has Italy?" after "Which European states have been sending
        # arms …?" asks the same (it had abstained).
        alone = _NAME_ALONE_ASKED.match(question)
        member_question = f"Is {alone.group('name')} one of them?" if alone is not None else question
        named = resolve_group(member_question, [*context[:-1], _phrase_last(context[-1]) or context[-1]],
                              member=_MEMBER_ASKED.match(member_question) is not None)
        # Also when the question before names no group the rules read: "Would China be one of them?"
        # after "Who would Ukraine's plan let act as guarantors?" answered with a list of names.
        member = _membership(member_question, replies[-1]) if replies else None
        if member is not None:
            # "Is France among them?" after "Britain, China, Russia and the United States": the list
            # as answered before, and whether it names France (it had quoted "a country bigger than
            # France"; "Is China one of them?", Ukraine calling on China to step in).
            listed = _answer(context[-1], list(history or [])[:-2], index, retriever, settings, said)
            if not listed.abstained:
                return _with_membership(listed, question, *member)
        if alone is not None:
            named = None  # no list to look in: "Has Italy?" is read as any other ellipsis
        elif (named is not None and member is None and replies and (bold := _BOLD_LEAD.match(replies[-1])) is not None
              and (by_names := group_by_names(question, bold.group(1))) is not None):
            # "Apart from weapons, what did they provide?" after "Which countries … sent weapons …?" answered
            # "**Poland, Estonia, Sweden and Germany**": what those did ("the countries that the April piece
            # list as having sent weapons …" had drawn the list itself, and no short answer).
            named = by_names
    if named is None and context:
        # "Name them." after "How many book series does the institute put out?": which ones it puts out
        # (it had abstained).
        named = resolve_counted(question, context[-1])
    if named is None and context:
        # "Which one was the biggest of all?" after "Which Russian bank was second-largest?": which bank
        # (it had quoted a sentence about Russian banks and bolded "United States and Europe"). Asked
        # alone: with the conversation, the reply before came back ("VTB").
        named = resolve_which_one(question, _phrase_last(context[-1]) or context[-1])
    if named is None and context and (member_asked := _MEMBER_ASKED.match(question)) is not None:
        # "Would Russia be one of them?" after "What kind of agreement would Ukraine sign with the
        # guarantor countries?", whose reply lists none: whether Russia is among the guarantor countries.
        groups = _THE_PLURAL.findall(context[-1])
        named = f"Is {member_asked.group('name')} among the {groups[-1]}?" if groups else None
    elliptic = named is None
    if named is None and context:
        # "What about Europe?" after "What weapons has the US sent?": what weapons Europe has sent.
        named = resolve_ellipsis(question, context[-FOLLOW_UP_CHAIN:])
    if named is None and context:
        # "And Lavrov?" after "What does Peskov say about Crimea?": "What does Lavrov say about
        # Crimea?", the likeliest reading the documents answer.
        named = _best_reading(ellipsis_readings(question, context[-FOLLOW_UP_CHAIN:]), index, retriever, settings)
    # An ellipsis puts its words in place of some of the question before: what they replaced.
    swapped = _content_words(context[-1]) - _content_words(named) if named is not None and elliptic else set()
    if named is None and context and replies and (bold := _BOLD_LEAD.match(replies[-1])) is not None:
        # "Why?" after "Which of them could play a significant role?" answered "**China**": why China
        # could. First: "Why?" after "Which Russian objective was dropped?" answered "**denazification**"
        # is "Why was denazification dropped?", not "Why was dropped?" (which had abstained).
        named = resolve_bare_answered(question, context[-1], bold.group(1))
    if named is None and context:
        # "How much was it worth?" after "What did the US provide to Ukraine?": how much it provided.
        named = _amount_of_answer(question, context[-1])
    if named is None and context:
        # "And when?" after "Who signed the Budapest memorandum?": when it was signed. Not after
        # "What did he say?" or "Who signed it?": "Why did he say?" would have lost who "he" is.
        # The question before as the answerer read it: "And when was that?" after "Who does the IAI say
        # founded it?" asks when the IAI was founded (it had abstained).
        plain_before = _asked_plainly(context[-1]) or context[-1]
        if not points_back(plain_before):
            named = resolve_bare(question, [*context[-FOLLOW_UP_CHAIN:-1], plain_before])
    if named is not None:
        # "Why could the last one matter?" after a reply naming Turkey, Israel and China: about China.
        # "Tell me more about <item>" of a list given in one sentence asks for more than that sentence.
        listed = [listing_sentence(plain_reply(r)) for r in replies[-FOLLOW_UP_CHAIN:]] if _MORE_ABOUT.match(named) else []
        said = [sentence for sentence in listed if sentence]
        # Asked alone, the rewrite opens on no "And": "And which of the countries that have tried to
        # mediate …?" would ask what the "And" goes on from (it had asked the reader what was meant).
        alone = _OPENING_AND.sub("", named)
        name = offered_name(question) if elliptic and replies else None
        result = replace(_answer(alone[:1].upper() + alone[1:], None, index, retriever, settings, said,
                                 (name, replies[-1]) if name else None), question=question)
        # What the follow-up replaced is not its answer: "And the Donbas?" after "What is the status
        # of Crimea?" is not answered "Crimea" (from "the status of Crimea and the Donbas").
        replaced = set().union(*(_words(turn) for turn in context[-FOLLOW_UP_CHAIN:])) - _words(named) - _words(question)
        # Nor is the earlier answer, from a clause that does not name what the follow-up asks about:
        # "And Europe?" after "What has the US stopped importing?" answered "**Russian oil**" is not
        # answered "Russian oil" again, from "Though the United States has stopped Russian oil
        # imports, Europe is still deeply dependent on Russian gas"; "And Russia?" after "How many
        # soldiers has Ukraine lost?" is ("Russian and Ukrainian forces … lost around 6–7,000 soldiers each").
        before = _BOLD_LEAD.match(replies[-1]) if replies else None
        # Nor one that names what the ellipsis replaced: "end Russian coal imports" for "And about
        # oil?" after "What did Poland decide about coal?".
        if result.short is not None and (_words(result.short.text) <= replaced or _content_words(result.short.text) & swapped or (
                before is not None and result.short.text == before.group(1)
                and not _content_words(_clause_around(result)) & _content_words(question))):
            result = replace(result, short=None)
        if not (result.abstained and replies and _ASKS_IF_IT.match(question)):
            return result
        # "Is it the biggest one?" after "**VTB**": "Is VTB the biggest one?" alone finds no answer,
        # but the sentence the reply quoted tells ("only VTB — the second-largest —"), which only the
        # conversation knows (`_checks_reply`).
    retriever = retriever or get_retriever(index)
    if not len(retriever):
        return Answer(question, NOT_FOUND, [], [], True, 0.0, [], time.perf_counter() - started)
    if _ASKS_COLLECTION.match(question):
        return _collection(retriever, question, started)
    # "What does footnote 9 refer to?": a note's number is no figure the documents must write (the
    # note is marked "⁹"); the note itself answers (`_numbered_note`), or says there is none.
    refusal = refuse_numbers(question, retriever.vocabulary()) if _ASKS_NOTE.search(question) is None else None
    if refusal is not None:
        closest = retriever.rank(retriever.analyse(question, context, exact=True), 5)
        return Answer(question, refusal.message, [], [], True, 0.0, closest, time.perf_counter() - started)
    named = who_is_named(question)
    if named is not None and not question.lstrip().lower().startswith("who"):
        # "Tell me about Riccardo Alcaro.": who he is, asked so (it had quoted his byline).
        return replace(answer(f"Who is {named}?", history, index, retriever=retriever, settings=settings), question=question)
    valued = value_asked(question)
    if valued is not None:
        # Each document's value, and that they differ when they do (`_disagreeing`).
        return replace(answer(valued, history, index, retriever=retriever, settings=settings), question=question)
    if asks_recommendation(question):
        # "What measures does the April piece recommend?": its sentences that prescribe;
        # "What do the documents recommend?", each document's, under its label.
        advised = _recommended(retriever, question)
        if advised:
            text, citations, support = compose(advised, _labels(retriever, advised))
            # "Which sanctions does the April piece recommend for Russian banks?": one of a kind asked for
            # is marked as in any answer ("full blocking sanctions"). Not "What step … does it recommend?",
            # whose step may be any of several ("non-ruble payments" had been bold, not "better yet, suspend …").
            found = (_short_span(question, None, None, advised, s)
                     if _asked_kind(question) is not None and _WHICH_OPENS.match(question) else None)
            short = _short(*found, support) if found is not None else None
            return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)
    # "Which commentary is more recent?" compares the documents' dates: each one's date answers.
    if asks_comparison(question) and asks_fact(question) is None:
        compared = _comparison(retriever, question, context, s)
        if compared:
            labels = _labels(retriever, compared)
            text, citations, support = compose(compared, labels)
            if len(compared) == 1 and len(retriever.documents) > 1:
                speaker = compared[0].passage.doc_id
                text += "\n\n" + ONLY_ONE_SPEAKS.format(source=labels.get(speaker, speaker))
            elif _count_differently(compared):
                # "How do the documents differ on the peace plan?": a 10-point plan against a 15-point one.
                text += "\n\n" + SOURCES_DIFFER
            confidence = round(min(c.score for c in compared), 4)
            return Answer(question, text, citations, support, False, confidence, [], time.perf_counter() - started)
    if _ASKS_FIGURES.search(question):
        # "Give me the key numbers in the IAI commentary": its body sentences that give a figure (it
        # had quoted a footnote's catalogue number).
        counted = _figures(retriever, question)
        if counted:
            text, citations, support = compose(counted, _labels(retriever, counted))
            return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started)
    edge = _ASKS_EDGE_SENTENCE.search(question)
    if edge is not None:
        # "What is the last sentence of the IAI commentary?": that sentence of its body, as written
        # (it had quoted a footnote), the first for "first" or "opening".
        pointed = target_documents(question, {d: r.meta for d, r in retriever.documents.items()})
        if pointed and len(pointed) <= MAX_SUMMARY_DOCUMENTS:
            at = 0 if edge.group("opens") or edge.group("which").lower() in ("first", "opening") else -1
            found = [c for doc_id in pointed if (spans := _document_sentences(retriever, doc_id))
                     and (c := _candidate_at(retriever, doc_id, *spans[at], 1.0)) is not None]
            if found:
                text, citations, support = compose(found, _labels(retriever, found))
                return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started)
    if _ASKS_CONCLUSION.search(question):
        # "What is the IAI commentary's conclusion?", "How does Alcaro conclude?": how the document ends.
        # Before a view: "How does Alcaro characterise the war in his conclusion?" asks for his ending.
        concluded = target_documents(question, {d: r.meta for d, r in retriever.documents.items()})
        if concluded and len(concluded) <= MAX_SUMMARY_DOCUMENTS:
            ending = [c for doc_id in concluded for c in _conclusion(retriever, doc_id)]
            if ending:
                text, citations, support = compose(ending, _labels(retriever, ending))
                return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started)
    # The form first: the documents' metadata is gathered only for a question that has it.
    viewed = viewed_document(question, {d: r.meta for d, r in retriever.documents.items()}) if asks_view(question) else None
    if viewed is not None:
        view = _view(retriever, question, s, viewed, started)
        if view is not None:
            return view
    targets = None
    summary_asked = asks_summary(question)
    if summary_asked or asks_gist(question):
        targets = target_documents(question, {d: r.meta for d, r in retriever.documents.items()})
        if targets and summary_asked and len(targets) > MAX_SUMMARY_DOCUMENTS:
            message = TOO_MANY_TO_SUMMARISE.format(n=len(targets))
            return Answer(question, message, [], [], True, 0.0, [], time.perf_counter() - started)
        if targets and not summary_asked and len(targets) != 1:
            targets = None
        if targets and _VIEW_ON.search(question):
            # "Summarise Alcaro's view of the US role.": what his commentary says of the US role,
            # answered as "What is Alcaro's view of …?" is, not a summary of the whole of it.
            targets = None
    if targets:
        summary = _summary(retriever, targets, question)
        if summary:
            text, citations, support = compose(summary, _labels(retriever, summary))
            return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started)
    numbered = _ASKS_NOTE.search(question)
    if numbered is not None:
        return _numbered_note(retriever, question, int(numbered.group("n")), started)
    if asks_most_cited(question):
        # "Which newspaper is cited most in the IAI commentary?": the outlets of the notes, counted.
        retriever = retriever or get_retriever(index)
        return _most_cited(retriever, question, started)
    outlet_counted = _ASKS_OUTLET_COUNT.match(question)
    if outlet_counted is not None:
        # "How many references does Alcaro cite from the Financial Times?": that outlet's notes, counted.
        counted_answer = _outlet_cited(retriever, question, outlet_counted.group("outlet") or outlet_counted.group("outlet_first"), started)
        if counted_answer is not None:
            return counted_answer
    if _ASKS_REFERENCE_COUNT.match(question):
        # "How many references does the IAI commentary have?": its notes' references, counted.
        retriever = retriever or get_retriever(index)
        return _references_counted(retriever, question, started)
    cited = asks_cited(question)
    if cited is not None:
        references = _cited(retriever, question, cited, started)
        if references is not None:
            return references
    if asks_other_works(question):
        works = _other_works(retriever, question, started)
        if works is not None:
            return works
    wrote = _WROTE_ANY.match(question)
    if wrote is not None:
        # "Has Andrea Dessì written a commentary in this series?": the works the notes and the
        # publisher's list credit to him (the director's line had answered, naming him). Without any,
        # the question is answered as asked.
        works = _works_by(retriever, question, wrote.group("subject"), started, own=True)
        if works is not None:
            return works
    quoted = _quoted_work(retriever, question, started)
    if quoted is not None:
        return quoted
    if _ASKS_WORK_NUMBER.search(question):
        # "What is the IAI commentary's number in the series?": the catalogue entry of its title.
        numbered = _work_number(retriever, question, started)
        if numbered is not None:
            return numbered
    entry_number = _ENTRY_NUMBER.search(question)
    if entry_number is not None:
        entry = _numbered_entry(retriever, question, entry_number, started)
        if entry is not None:
            return entry
    counted_by = _ASKS_COUNT_BY.match(question)
    # "How many commentaries did Alcaro write in the list?" counts his, not the list's.
    counted = _ASKS_CATALOGUE_COUNT.match(question) if counted_by is None else None
    # Not "Which of the institute's recent commentaries deals with Japan's response?": one work, by its topic.
    if (_ASKS_CATALOGUE.search(question) and work_on_asked(question) is None) or counted:
        listed = _catalogue(retriever, question, started, counted is not None)
        if listed is not None:
            return listed
    work_on = work_on_asked(question)
    if work_on is not None:
        work = _works_on(retriever, question, *work_on, started)
        if work is not None:
            return work
        topic, wanted, _ = work_on
        own = [d for d, r in retriever.documents.items() if topic and title_covers(r.meta.get("title") or "", topic)]
        if wanted == "authors" and own and len(own) <= MAX_SUMMARY_DOCUMENTS:
            # "Who wrote about the Russia-Ukraine talks for IAI?": a document's own title says it, so its
            # author note answers (it had quoted the publisher's catalogue entry of the document).
            authored = _authors(retriever, question, sorted(own), started)
            if authored is not None:
                return authored
    wrote = _WHAT_WROTE.match(question) or counted_by
    if wrote is not None:
        name = wrote.group("name") or wrote.group("by")
        wrote_one = any(_names(record.meta.get("author") or "", name.split()[-1]) for record in retriever.documents.values())
        # "What did Alcaro write?" is about his commentary; "What did Andrea Dessì write?" about the
        # works credited to him; "Which commentaries did Alcaro write?" and "How many commentaries
        # did Alcaro write?" about every work credited to him, his commentary among them.
        several = wrote.group("works") is not None and wrote.group("works").lower().endswith("s")
        if not wrote_one or several:
            works = _works_by(retriever, question, name, started, own=several, count=wrote is counted_by)
            if works is not None:
                return works
    # "Which document was written by an Italian think tank?" asks for the document, not its author.
    if asks_author(question) and _ASKS_WHICH_DOCUMENT.match(question) is None:
        authored = _authorship(retriever, question, started)
        if authored is not None and authored.support and (job := job_of(authored.support[0].sentence, question)) is not None:
            # "What position does the author of the March piece hold?": his job, from the author note that
            # names him (it had bolded "Riccardo Alcaro").
            authored = replace(authored, short=_short_in(authored.support[0], Span(*job, 1.0)))
        elif authored is not None and authored.support and _ASKS_WHERE_WHEN.match(question):
            # "Where does the author of the IAI piece work?": his employer, from the note that names him
            # (it had bolded "Riccardo Alcaro"); "Where was he born?", which the note does not say, is
            # not answered by it.
            works = employer_of(authored.support[0].sentence, _THE_AUTHOR_OF.sub("he", question))
            authored = replace(authored, short=_short_in(authored.support[0], Span(*works, 1.0))) if works else None
        if authored is not None:
            return authored
    # "Who wrote the IAI commentary?" then "When was it published?": the document is the earlier one's.
    # "What is the title?" names no document either: it is the earlier one's too.
    bare = bool(context) and (refers_back(question) or _ASKS_TITLE_ALONE.match(question) is not None)
    about = " ".join([*_antecedents(context), question]) if bare else question
    fact = asks_fact(question, about)
    if fact is not None:
        stated = _document_fact(retriever, question, about, fact, started)
        if stated is not None:
            return stated
    # "Where does it come from?" points at the previous answer without ending on "it".
    if context and (_WHERE_REPORTED.match(question) or _POINTS_AT_ANSWER.search(question) and (
        asks_about_sources(question) or _SOURCE.search(question) or _WHO_COUNTED.match(question)
    )):
        # "Which newspaper does he cite for that?": the footnote the previous answer's sentence points to.
        # The previous question as it was understood: "And Ukraine?" after "How many soldiers has Russia lost?".
        # "When?" after "What did Biden warn China about?" was about the same warning: its sentence's source.
        earlier = context[-1 - FOLLOW_UP_CHAIN : -1]
        asked_bare = earlier and resolve_bare(context[-1], earlier) is not None
        previous = earlier[-1] if asked_bare else resolve_ellipsis(context[-1], earlier) or context[-1]
        # Asked again with the turns before it: "How many have already left?" after "How many people
        # could become refugees?" is about refugees.
        before = [{"role": role, "content": text} for pair in zip(context[:-1], replies[:-1])
                  for role, text in zip(("user", "assistant"), pair)]
        sourced = _source_of_previous(retriever, question, previous, s, started, before)
        if sourced is not None:
            return sourced
    cited_for = _SOURCE_FOR.match(question)
    topic = (cited_for.group("topic") or cited_for.group("backed") or cited_for.group("came")) if cited_for is not None else ""
    if _SOURCED.search(topic):
        # "What is the source for the casualty figures?": the footnote of the sentence that gives
        # them ("⁵ Sam Jones and John Paul Rathbone, "Military Briefing: Russian Losses ...""), which
        # does not itself name casualties. When those sentences cite none, ordinary answering.
        sourced = _source_of_previous(retriever, question, topic, s, started)
        if sourced is not None and not sourced.abstained:
            return sourced
    kind = asks_contact(question)
    if kind is not None:
        reached = _contact(retriever, question, about, kind, started)
        if reached is None and context and not bare:
            # "What number can I ring them on?" after "What is the address of the think tank?": a
            # contact question that names no publisher asks of the one asked about before (it had
            # abstained; "them" after the question's own words does not point back by itself).
            reached = _contact(retriever, question, " ".join([*_antecedents(context), question]), kind, started)
        if reached is not None:
            return reached
    acronym = _asked_acronym(question)
    if acronym is not None:
        spelt = _spelt_out(retriever, question, acronym, started)
        if spelt is not None:
            return spelt
    # "How does Alcaro describe the war?", "What does the IAI recommend?": the documents pointed at
    # are searched for what is asked, not for the name that points at them (his byline, his references).
    # Only a name does that ("the April piece" draws nothing), and not in "What did Alcaro write in
    # February 2022?": what he wrote may be a work his notes cite by his name.
    metas = {d: r.meta for d, r in retriever.documents.items()}
    pointed = pointed_documents(question, metas)
    by_name = bool(pointed) and not _ABOUT_WRITING.search(question) and bool(pointed_documents(question, metas, by_name=True))
    # "Is that true according to the author?": a source that names no one document says nothing of what is asked.
    # "What scenario does the IAI commentary call implausible?": the commentary is chosen by its
    # publisher's name, which would draw its contact block and a reference to *IAI Commentaries* (the
    # answer had been a phone number). "The April piece" draws nothing, and stays.
    asked = (without_document_names(without_sources(question)) if by_name else _ANY_SOURCE.sub("", question) if not pointed
             else _without_words_used(question, [retriever.documents[d].text for d in pointed]))
    asked = _without_time_written(asked, metas)
    query = retriever.analyse(asked, context, exact=True)
    refusal = refuse(query, retriever.vocabulary())
    if refusal is not None:
        # Asked what is meant: no passages. Another language or unknown words: the closest ones.
        closest = [] if refusal.reason == NO_REFERENT else retriever.rank(query, 5)
        return Answer(question, refusal.message, [], [], True, 0.0, closest, time.perf_counter() - started)
    if _unknown_attribute(retriever, question) or _attribute_never_given(retriever, question):
        # "What is the capital of Ukraine?": the documents never use the word for what is asked, nor
        # one near it, so none says what it is (it had bolded "Sea of Azov").
        return Answer(question, NOT_FOUND, [], [], True, 0.0, retriever.rank(query, 5), time.perf_counter() - started)
    passages = _passages(retriever, query, s, pointed=pointed)
    if (offered is not None and _offered_sentence(_candidates(passages), *offered) is None
            and (quoted_passage := _quoted_passage(retriever, *offered)) is not None):
        # The sentence the reply before quoted, which names the name an ellipsis offered, is weighed
        # too, whether or not the rewritten question finds it (`_offered_sentence`).
        passages = [*passages, quoted_passage]
    if _asks_type_of_reply(question, query.expected_type, history):
        passages = _with_reply_passage(retriever, passages, assistant_turns(history)[-1])
    if _other_rank_only(question, passages):
        # "Which Russian bank is the third largest?": the passages rank the largest and the second
        # largest, no third; "VTB — the second-largest —" would have answered it.
        return Answer(question, NOT_FOUND, [], [], True, 0.0, passages[:5], time.perf_counter() - started)
    candidates = _admissible(retriever, _candidates(passages), question, context)
    if not candidates:
        return Answer(question, NOT_FOUND, [], [], True, 0.0, passages[:5], time.perf_counter() - started)
    unknown = unknown_names(question, retriever.vocabulary())
    scoring = _scoring_query(retriever, query, context, s)
    x = _score(retriever, scoring, candidates, s, len(unknown))
    ranked, other_rank = _ranked(candidates, x, question, s)
    reacted = _reaction(retriever, question, history, ranked, started)
    if reacted is not None:
        return reacted
    wanted = query.expected_type
    sure: Candidate | None = None
    if wanted in s.gated_types:
        # Asked for a number, a date or a person: one of the best few sentences must hold one, and
        # it leads. A reference to another work holds its authors and publication date, which
        # answer only questions about sources (and then it is not marked a reference).
        fitting = _fitting(candidates, x, ranked, wanted, question, s)
        if not fitting and s.gate_passages > len(passages):
            # None does: one more look, among more passages ("When did Russia invade Ukraine?": the
            # sentence with "24 February 2022, the day the invasion started" is in the 13th passage).
            passages = _passages(retriever, query, s, s.gate_passages, pointed)
            candidates = _admissible(retriever, _candidates(passages), question, context)
            x = _score(retriever, scoring, candidates, s, len(unknown))
            ranked, other_rank = _ranked(candidates, x, question, s)
            fitting = _fitting(candidates, x, ranked, wanted, question, s)
        if (wanted == NUMBER and (not fitting or fitting[0].score < s.abstain_below) and ranked[0].score >= s.abstain_below
                and (following := _next_sentence(retriever, ranked[0])) is not None
                and has_type(following.text, NUMBER, question) and not has_type(ranked[0].text, NUMBER, question)):
            # "What is the Russian death toll?": the likeliest sentence gives no figure ("Military deaths
            # are also considerable."), the one after it does ("… lost around 6–7,000 soldiers each"),
            # which answers as likely as the one it goes on from (it had abstained).
            fitting = [following]
            ranked = [following, *(c for c in ranked if c.key != following.key)]
        elif (ranked[0].score >= s.abstain_below and _HEADING.fullmatch(ranked[0].text)
              and not has_type(ranked[0].text, wanted, question)
              and (following := _line_under(ranked[0])) is not None and has_type(following.text, wanted, question)):
            # "Who edits the IAI Commentaries?": the heading "Latest IAI COMMENTARIES" is likeliest, and the
            # line under it names who ("Director: Andrea Dessì"); the gate had taken the IAI's founder.
            fitting = [following]
            ranked = [following, *(c for c in ranked if c.key != following.key)]
        # "Who is the Ukrainian defence minister?" asks for a person's name: a country the reader
        # finds ("Britain, China, Russia and the United States") holds no office.
        reads = (wanted in (PERSON, DATE) and s.gate_reads_spans and not _ASKS_OFFICE_HOLDER.match(question)
                 and not _ASKS_RULER.match(question))
        # The reader reads the question without a source that names no document ("…, according to the
        # writer?" had found no time in "… open to diplomacy only when it’s on the back foot militarily").
        reading = _ANY_SOURCE.sub("", question)
        if not fitting and reads:
            fitting = _answered_by_reader(candidates, x, ranked, reading, wanted, s)
        elif fitting and fitting[0].score < s.abstain_below and reads:
            # "Who is the aggressor according to the April piece?": the sentence the type gate found
            # ("Poland has announced …") is too weak to answer, but the reader is sure of another
            # ("the aggressor — Russia —", margin 5.8), which then answers however the sentence model scores it.
            read = _answered_by_reader(candidates, x, ranked, reading, wanted, s, READER_SURE_MARGIN)
            sure = read[0] if read else None
            fitting = read or fitting
        if not fitting:
            return Answer(question, NOT_FOUND, [], [], True, 0.0, passages[:5], time.perf_counter() - started)
        if (wanted != PERSON or not may_name_someone(ranked[0].text, question)
                or _holds_office_asked(fitting[0].text, question) and not _holds_office_asked(ranked[0].text, question)):
            ranked.remove(fitting[0])
            ranked.insert(0, fitting[0])
        elif (reads and name_before_verb(ranked[0].text, question) is None and owner_asked(ranked[0].text, question) is None
              and (overruling := _sure_over_lead(candidates, x, ranked, question, wanted, s)) is not None):
            # Not over a lead that names who did what is asked ("The United States has already provided
            # …" for "Who supplied Ukraine with Javelins?"; the reader had preferred "… to have Zelensky
            # speak at the US Congress", and the answer abstained on its weak score), nor over one that
            # says whose it is ("… the courage of Ukrainian fighters …" for "Whose courage …?").
            # "Who did Ukraine ask to step in as a mediator?": the lead may name someone ("Clearly the
            # Biden administration …"), but the reader reads no answer in it and is sure of another
            # ("… Ukraine has also called on China to step in", margin 5.2).
            ranked.remove(overruling)
            ranked.insert(0, overruling)
    if said:
        ranked = _not_again(ranked, said, s.abstain_below)
    # A sentence the reader is sure of is as likely right as its margin says, whatever the sentence model made of it.
    best = max(ranked[0].score, READER_SURE_CONFIDENCE) if sure is not None and ranked[0] is sure else ranked[0].score
    if compared := _reply_compared(ranked, question, history):
        # "Which is more?" after replies quoting "more than $2 billion" and "a nearly $1 billion
        # package": the quoted sentences tell, however the question alone ranks them ("Ukraine needs
        # much more, …" had answered).
        ranked = [*compared, *(c for c in ranked if c not in compared)]
        best = max(compared[0].score, s.abstain_below)
    if best < s.abstain_below and ranked and (gives_asked_ordinal(ranked[0].text, question)
                                             or gives_asked_duration(ranked[0].text, question)):
        # "Which week of the war was about to begin when Alcaro wrote?": "… is about to enter its fifth
        # week" says which, in other words than the question's (0.094; it had abstained). So for "How
        # long had the war been going on …?" (0.029).
        best = s.abstain_below
    # "Who passed that message on personally?" after a reply quoting "US warnings to China (delivered
    # by President Joe Biden himself) …": the sentence the pointer points at gives a person, in other
    # words than the question's (0.037; it had abstained). However likely it is, no check that a
    # sentence has a word of what was done refuses it ("Who passed on that caution in person?", 0.26).
    about_reply = _typed_about_reply(ranked, question, wanted, history, s.abstain_below)
    if about_reply is not None:
        ranked = [about_reply, *(c for c in ranked if c is not about_reply)]
        best = max(best, about_reply.score, s.abstain_below)
    using = _using_quoted_term(ranked, question) if best < s.abstain_below else None
    if using is not None:
        # "What does "smokescreen" refer to?": the sentence that uses the quoted word is where the
        # documents say it (0.078, below sentences sharing other words; it had abstained).
        ranked = [using, *(c for c in ranked if c is not using)]
        best = s.abstain_below
    # A question that only judges the reply ("Does the April author buy that?") is about the sentence
    # it quoted, however likely another is (Peskov's "pushed back on that idea" had answered, 0.20).
    checked = _checks_reply(ranked, question, history, judged_only=best >= s.abstain_below)
    if checked is not None:
        # "Does the April author agree?" after Lavrov's "settled for good" (it's not), "Is it the
        # biggest one?" after "only VTB — the second-largest —": the sentence the reply quoted tells,
        # in no words the question shares with it (0.148 and 0.071; both had abstained).
        ranked = [checked, *(c for c in ranked if c is not checked)]
        best = max(best, s.abstain_below)
    if best < s.abstain_below or _compared_with_unnamed(question, ranked[: s.gate_depth]):
        # "Is Russia richer than Italy?": no sentence of the best few names Italy, so none compares the two
        # (it had quoted "The West has still not fully hit Russia where it hurts: energy exports.").
        return Answer(question, NOT_FOUND, [], [], True, round(best, 4), passages[:5], time.perf_counter() - started)
    follow_up = _follow_up(question, context, history)
    if wants_short(question) and follow_up is None and not compared:
        # The reader sees a sentence, not where it stands: a title line, a reference or the
        # publisher's block is never promoted over the sentence model's choice. A follow-up
        # keeps the sentence model's lead, which reads the earlier turns; the reader was fitted
        # on questions that stand alone (on the gold set's follow-ups, 3 of 4 changed leads were worse).
        apart = {id(c) for c, row in zip(candidates, x) if row[COLUMN["title_line"]] or row[COLUMN["reference"]]
                 or row[COLUMN["boilerplate"]]} | other_rank
        lead = ranked[0]
        ranked = _lead_by_reader(question, ranked, wanted, s, apart)
        if ranked[0] is not lead and id(lead) in apart and ranked[0].score < s.abstain_below:
            # "Which country hosted the March talks between the foreign ministers?": the only sentence
            # likely enough to answer was a reference (a headline of "Peace Talks"), which the reader
            # judges to hold no answer; the one it prefers is no likelier than the threshold (it had
            # bolded "Russian Foreign Minister Sergei Lavrov").
            return Answer(question, NOT_FOUND, [], [], True, round(ranked[0].score, 4), passages[:5], time.perf_counter() - started)
    elif follow_up is not None and _ASKS_MEANS.match(question) and replies:
        ranked = _quoted_first(ranked, replies[-1], s.gate_depth, _BY_MEANS)
    elif follow_up is not None and _BARE_WHY.match(question) and replies:
        ranked = _quoted_first(ranked, replies[-1], s.gate_depth, _STATES_REASON)
    elif follow_up is not None and ASKS_INSTEAD.match(question) and replies:
        # "And what happened instead?" after the failed Blitzkrieg: the quoted sentence's other outcome
        # ("… has morphed into a slow and ever more brutal three-front campaign"), however far down.
        ranked = _quoted_first(ranked, replies[-1], len(ranked), SAYS_INSTEAD)
    elif follow_up is not None and _OF_THE_ANSWER.match(question):
        ranked = _answer_sentence_first(ranked, follow_up.answered, s.gate_depth)
    elif follow_up is not None and replies:
        ranked = _replied_sentence_first(ranked, replies[-1], question, s.gate_depth)
    if follow_up is not None and replies:
        ranked = _asked_verb_first(ranked, question, replies[-1])
    # "What are the two problematic issues in the negotiations?": an item of a list that names what
    # is asked for ("The second problematic issue is …") leads, not "Together, the military support
    # and economic pressure are the only way to keep up negotiations"; its siblings join it below.
    # "Name the first reason the US and Europe are central to the talks.": the item that opens with
    # that ordinal ("First, only the United States and NATO can restore …"), not the sentence before.
    ordinal = _ORDINAL_ASKED.search(question)
    item = next((c for c in ranked[: s.gate_depth] if names_asked_item(c.text, question)
                 or ordinal is not None and _opens_item(c.text, ordinal)), None)
    if item is None and ordinal is not None:
        item = _item_at_place(retriever, ranked, ordinal)
    if item is not None and item is not ranked[0]:
        ranked = [item, *(c for c in ranked if c is not item and c.key != item.key)]
    person = who_is_named(question)
    if person is not None:
        # "Who is Zelensky?": a sentence that says what he is ("Ukrainian President Volodymyr
        # Zelensky has stated …") leads, not one that only names him ("… to have Zelensky speak …").
        described = next((c for c in ranked[: WHO_IS_DEPTH] if c.score >= s.abstain_below
                          and person_description(c.text, person)), None)
        if described is not None:
            ranked = [described, *(c for c in ranked if c is not described)]
    speaker = speaker_asked(question) or _according_to_person(retriever, question)
    if speaker is not None:
        ranked = _speech_first(ranked, speaker, s.gate_depth)
    years = _YEAR.findall(question)
    for reordered in _REORDERINGS:
        moved = reordered(ranked, question, s)
        # A sentence without the year the question asks about does not displace a lead with it: "Which
        # agreement did Moscow sign in 1994?" is "The Budapest memorandum, which Russia signed in 1994
        # …", not "… the now-defunct 2015 Minsk agreements" for its word "agreement".
        if not (years and moved and moved[0] is not ranked[0] and _gives_years(ranked[0].text, years)
                and not _gives_years(moved[0].text, years)):
            ranked = moved
    if offered is not None and (quoted := _offered_sentence(ranked, *offered)) is not None:
        # "And America?" after "What is Europe still hooked on?": "Though the United States has
        # stopped Russian oil imports, Europe is still …", which the reply quoted and which names it
        # (it had quoted "The United States and its allies in Europe want to deny Putin …").
        ranked = [quoted, *(c for c in ranked if c is not quoted)]
    # The question's named subject, as the documents may write it.
    subject = _subject_words(question)
    # The kind a "which" or "what" question asks for ("Which bank …?"); not a verb ("What has …?").
    kind = _ASKED_HEAD.match(question)
    kind_word = kind.group("head") if kind is not None and kind.group("head").lower() not in _QUESTION_VERBS else None
    chosen = _about_the_subject(_select(ranked, question, s), subject, ranked[: s.gate_depth], s.abstain_below, kind_word)
    chosen = _about_the_term(chosen, question)
    if follow_up is not None and _ASKS_MEANS.match(question) and _BY_MEANS.search(chosen[0].text):
        # "How could it do that?": the sentence that gives the means answers by itself; another
        # beside it would come first in the document's order ("There is more reason for skepticism …").
        chosen = chosen[:1]
    chosen = _options_quoted(chosen, ranked, question, s)
    led = chosen[0] if chosen else None
    chosen = _antecedent_first(retriever, chosen, question)
    # The sentence that says what the lead's "this" or "such risks" is: it stays before the lead.
    antecedent = chosen[0] if chosen and chosen[0] is not led else None
    chosen = _motive_next(retriever, chosen, question)
    followed = _who_did_next(retriever, chosen, question)
    if followed is not chosen:
        # "Who pushed back on the 15-year timeline?": the lead gives the timeline, the next sentence
        # who pushed back on "that idea"; the lead stays as what that sentence points back at.
        chosen, antecedent = followed, chosen[0]
    if speaker is not None and not any(_names(f"{c.passage.text} {c.passage.author or ''}", speaker) for c in chosen):
        # "What did Biden say in Istanbul?" is not answered by "On Tuesday in Istanbul, the sides
        # met": no passage quoted names the speaker (nor is the speaker its document's author),
        # so none reports what he said.
        return Answer(question, NOT_FOUND, [], [], True, round(best, 4), passages[:5], time.perf_counter() - started)
    known = [w for w in subject if w.lower() in retriever.vocabulary()]
    # "… progress on the agreements failed …" names the Minsk agreements as the sentence before did.
    named_before = bool(known) and any(_named_before_as(c, known) for c in chosen)
    if known and not named_before and not _passages_name(chosen, known) and (naming := next(
            (c for c in ranked[:SUBJECT_FALLBACK_DEPTH] if c.score >= max(s.abstain_below, SUBJECT_FALLBACK * best)
             and _names_any(c.text, known)), None)) is not None:
        # "Which regions does Putin want besides Crimea?": not the lead ("The plan rotates around three
        # main components: …", whose passage never names Putin) but the best sentence nearly as
        # likely that names him ("President Putin aims for more on all fronts: …"); it had abstained.
        chosen = [naming]
    if known and not named_before and not _passages_name(chosen, known):
        # "Why did China send weapons to Ukraine?" is not answered by "It may seem counterintuitive
        # to send more weapons …": no passage quoted names the one who is asked to have done it, so
        # none says that it did (a subject the documents never name is left to the sentence model).
        # The document's author counts: "How does Alcaro describe …?" is answered from his; so does its
        # publisher: "Which paper did the IAI cite on Biden's aid package?" (it had abstained).
        return Answer(question, NOT_FOUND, [], [], True, round(best, 4), passages[:5], time.perf_counter() - started)
    # Why something matters is no event to repeat: "Why does Alcaro think Beijing matters to Moscow?"
    # is "… given that Moscow would be hard pressed to ignore Beijing altogether" (it had abstained).
    if s.why_speaks_of_event and known and not (_ASKS_WHY_MATTERS.match(question) and best >= s.abstain_below) and (
            _ASKS_WHY.match(question) or (
            _ASKS_WHEN_DONE.match(question) and not _EVENT_VERBS.search(question))) and not any(
        _speaks_of_event_here(c, question)
        and (_names_any(c.text, known) or _SUBJECT_PRONOUN.search(c.text) and _names_any(_just_before(c), known)
             or _named_before_as(c, known) or _names_any(c.passage.author or "", known))
        # A date answers from a sentence that gives one: "In what year did Ukraine become a NATO
        # member?" is not answered by "… which Russia signed in 1994 …" because the sentence quoted
        # beside it names "other NATO members" (it had bolded "1994").
        for c in (chosen if wanted != DATE else [c for c in chosen if has_type(c.text, DATE, question)] or chosen)
    ):
        # "Why did China send troops to Ukraine?" is not answered by "US warnings to China …": no
        # sentence quoted has a word of what the question says happened ("send", "troops"), so none
        # says why it did, or that it did. Nor "When did NATO send troops to Ukraine?" by "… before 24
        # February 2022, the day the invasion started".
        return Answer(question, NOT_FOUND, [], [], True, round(best, 4), passages[:5], time.perf_counter() - started)
    if s.why_speaks_of_event and best < 0.5 and about_reply is None and _ASKS_WHO_DID.match(question) and not any(
        speaks_of_event(c.text, question, names=False) for c in chosen
    ):
        # "Who founded NATO?" is not answered by "In return, the Ukrainians are willing to forsake
        # membership in NATO …": no sentence quoted has a word of what the question says was done.
        # Only when the lead is more likely wrong than right: a sure one may say it in other words
        # ("Who mapped the St. Johns River?": "Jean Ribault charted the St. Johns River", XQuAD).
        return Answer(question, NOT_FOUND, [], [], True, round(best, 4), passages[:5], time.perf_counter() - started)
    if _only_proposed(question, chosen):
        # "When did the EU suspend Russian energy imports?" is not answered by "Europe can … or, better
        # yet, suspend Russian energy imports altogether": the documents propose it, they do not say it
        # happened, nor when.
        return Answer(question, NOT_FOUND, [], [], True, round(best, 4), passages[:5], time.perf_counter() - started)
    # "Tell me more about X" (also "And the second?" after a list, `resolve_pointer`) asks about one
    # item: its siblings would repeat the list.
    # A list after the lead is asked for only when the lead lists nothing itself ("anti-inflammatory
    # molecules, such as cortisol and catecholamines" answers "What are two …?").
    lists_itself = _GIVES_LIST.search(chosen[0].text) or first_listed_item(chosen[0].text, question)
    # "What are the initials of the two breakaway republics?" counts the republics, not items to list.
    items = ([] if _MORE_ABOUT.match(question) or asks_short_form(question)
             else _list_items(retriever, chosen[:1], None if lists_itself else asked_count(question)))
    # The lead announces a list (by its count, or by the count the question asks for when the list
    # follows it), or is one of as many items as the question asks for.
    announced = bool(items) and ordinal_of(chosen[0].text) is None
    whole_list = announced or (bool(items) and asked_count(question) == 1 + len(items))
    if announced:
        # An announced list is answered by its items, the runners-up that are items included:
        # other runners-up would stand between them.
        chosen = [chosen[0], *items]
    else:
        # The lead is itself an item ("Third, only the United States and the EU have authority over
        # sanctions."): a sibling joins when it speaks to the question too, not "First, only the
        # United States and NATO can restore the balance of deterrence" for "What sanctions are mentioned?".
        # All of them when the question asks for as many things as the lead and its siblings are:
        # "What are the three things only the US and its allies can do?" had been answered by
        # "Second, only the United States and its allies can ..." alone.
        taken = {c.key for c in chosen}
        asked = _content_words(question)
        chosen = [*chosen, *(c for c in items if c.key not in taken and (whole_list or _content_words(c.text) & asked))]
    if _MORE_ABOUT.match(question):
        chosen = _continued(retriever, chosen)
    differing = _disagreeing(ranked, chosen, question, wanted, s, retriever.documents)
    if differing is not None:
        chosen = [*chosen, differing]
    # "Which document was written by an Italian think tank?" is answered by the document's name.
    which_document = _ASKS_WHICH_DOCUMENT.match(question) is not None
    labels = _labels(retriever, chosen)
    text, citations, support = compose(chosen, labels, which_document)
    if differing is not None:
        text += "\n\n" + SOURCES_DIFFER
    # An announced list is its items' sentences ("Two main variables ..." is not the answer), as is
    # a list of as many items as asked for, and sources that differ give two values: no single short
    # answer then. A best sentence that is itself an item ("Second, ... due to the presence of
    # melatonin") still has one.
    single = differing is None and not whole_list and not _also_one(question, context) and not which_document
    if _ASKS_WHO_SAYS.match(question) and not _SPEECH.search(chosen[0].text):
        # "Who says sanctions have hardly succeeded in bringing down regimes?": a sentence that reports
        # no one's words is the writer's own, so the answer is its source, named before it (the
        # reader had bolded "Cuba, Iran, Iraq and Venezuela", the cases it gives).
        single = False
        text = _under_one_label(text, chosen, labels)
    if follow_up is not None and _ASKING_WORD.search(question) is None and _ASKS_HOW_OR_WHY.match(context[-1]):
        # "And in the south?" after "How are Russian forces doing in the north?" asks the same kind of
        # question, which no short answer answers (it had bolded "make strides").
        single = False
    if follow_up is None and answered_before:
        # "And who is still hooked on gas from Russia?", asked after "**United States**" answered who
        # stopped importing Russian oil, asks for another: the earlier bold is passed over (it had
        # been bolded again, from the same sentence).
        follow_up = FollowUp(question, answered_before, "")
    found = _short_span(question, follow_up, wanted, chosen, s, subject) if single else None
    if (found is None and single and len(chosen) > 1 and _ASKS_NAMED_KIND.match(question)
            and not re.search(r"(?<!^)\b[A-Z]", chosen[0].text.strip())):
        # "Which countries have tried mediation?": the sentence quoted first names no one ("In the face
        # of such risks of escalation, mediation attempts are welcome."); the one after it, which goes on
        # "in this regard", does ("Turkey and Israel").
        found = _short_span(question, follow_up, wanted, chosen[1:], s, subject)
    if found is not None and (both := _both_asked(question, follow_up, chosen, found, s, subject)) is not None:
        # "Who founded the IAI, and in what year?": "1965 on the initiative of Altiero Spinelli", the
        # founder and the year, not the year alone.
        found = found[0], both
    if found is not None:
        # "Who else besides Britain might guarantee …?": the list without the one set aside.
        found = found[0], _without_set_aside(found[0].text, found[1], question)
    if found is not None and not asks_about_sources(question) and _in_outlet(found[0].text, found[1]):
        # "Where is Mariupol?" is not answered "Financial Times", the outlet of the reference whose
        # title names Mariupol: where it was published says nothing of where the place is.
        found = None
    if (found is not None and wanted != NUMBER and (announcing := announcement(found[0].text)) is not None
            and found[1].start < announcing[1] and announcing[0] < found[1].end):
        # "What is the first sticking point?" is not answered by "major sticking points" (nor "two"), from
        # "However, there are two major sticking points.": the words that announce items name none of them.
        found = None
    if (found is not None and (timed := _TRAILING_TIME.search(found[0].text, found[1].start, found[1].end)) is not None
            and timed.start() > found[1].start
            and re.search(rf"\b{timed.group('prep')}\s+(?:[\w’'-]+\s+){{0,3}}?(?:year|years|month|months|week|weeks|end|\d)", question, re.I)):
        # "What will Poland phase out by year's end?": "oil and gas imports", not "… by the end of the
        # year", the time the question gives itself.
        found = found[0], replace(found[1], end=timed.start())
    if found is not None and (focus := _FOCUS_OPENS.match(found[0].text, found[1].start, found[1].end)) is not None:
        # "Which air weapons does Ukraine most need?": "air defense systems", not "especially air defense systems".
        found = found[0], replace(found[1], start=focus.end())
    if (found is not None and (opener := _WHAT_FOLLOWS.match(found[0].text, found[1].start, found[1].end)) is not None
            and opener.end() < found[1].end):
        # "Who must continue to make gains?": "Ukraine’s military", not "This means Ukraine’s military"
        # (from "This means Ukraine’s military must continue to make gains."): what a clause opens with.
        found = found[0], replace(found[1], start=opener.end())
    if (found is not None and wanted is None
            and (whole := _gerund_subject(found[0].text, found[1].start, found[1].end)) is not None):
        # "What would hurt Russia's financial room for manoeuvre?": the doing that would ("Imposing the
        # same costs on Sberbank, … as well as other large commercial banks"), not the last words of it
        # ("large commercial banks" had been bold).
        found = found[0], replace(found[1], start=whole[0], end=whole[1])
    if found is not None and (later := _time_of_asked_thing(found[0].text, found[1], question, retriever.idf)) is not None:
        # "By when will Poland end oil and gas imports?": "by the end of the year", the time of the oil
        # and gas, not "within the next few weeks", the coal's (of "… end Russian coal imports within
        # the next few weeks and phase out oil and gas imports by the end of the year").
        found = found[0], replace(found[1], start=later[0], end=later[1])
    if found is not None and owns_asked_places(found[0].text, found[1].end, question):
        # "Which city did Russia bombard despite its pledge?" is not answered "Ukraine", of "Ukraine’s
        # northern cities": whose cities, when the sentence names none (for "Which cities …?" the
        # reader's "Ukraine" has been widened to the whole phrase by now, which does answer).
        found = None
    if found is not None and is_pointer(found[0].text[found[1].start : found[1].end]):
        # "What assurances did the Budapest memorandum try to provide?": not "such assurances" (from
        # "… sought to provide such assurances"), which only points at what was said before.
        found = None
    if found is not None and _ASKS_BY_NAME.search(question) and not _NAME_IN_SPAN.search(found[0].text, found[1].start, found[1].end):
        # "Which oligarchs have the sanctions targeted by name?" is not answered "Kremlin-connected"
        # (of "the Kremlin-connected oligarchs"): a name is asked for, and none is given.
        found = None
    if (found is not None and not found[0].text[: found[1].start].strip()
            and _ITEM_OPENER.fullmatch(found[0].text[found[1].start : found[1].end + 1])):
        # "What kind of deterrence can only the US and NATO restore?" is not answered "First", the word
        # that opens the sentence as an item of a list ("First, only the United States and NATO …").
        found = None
    if found is not None and URL.search(found[0].text, found[1].start, found[1].end):
        # A web address is never part of a short answer: "Ukraine" in '*Ukraine: Civilian Casualties
        # as of 20 March 2022*, <https://…>' had been taken on through what its colon introduces.
        found = None
    if (found is not None and not _question_denies(question)
            and (denied := _DENIED_BEFORE.search(found[0].text, 0, found[1].start)) is not None):
        # "What evidence is there that sanctions are not working?": "not affected Russia’s behavior on
        # the ground", not "affected Russia’s behavior …", which says the opposite of its sentence.
        found = found[0], replace(found[1], start=denied.start(1))
    if (found is not None and (counted := _ASKS_COUNTED_THINGS.match(question)) is not None
            and _other_count(found[0].text[found[1].start : found[1].end], COUNTS[counted.group(1).lower()])):
        # "Which three countries have been sanctioned most heavily?" is not answered by four ("Cuba,
        # Iran, Iraq and Venezuela").
        found = None
    if (found is not None and asks_contact(question) is None
            and holds_email(found[0].text[found[1].start : found[1].end])):
        # "What does Andrea Dessì direct?" is not answered by his e-mail address, beside his name in
        # "Director: Andrea Dessì (a.dessi@iai.it)": only a question for a contact detail is.
        found = None
    if (found is not None and speaker is not None and found[0] is not chosen[0]
            and reports_speech(chosen[0].text, speaker) and not reports_speech(found[0].text, speaker)):
        # "What steps did Zelensky say a neutrality agreement must go through?": what he said is in the
        # lead that reports him ("… Zelensky has stated that any agreement …"), not in the sentence after
        # it, which says why he probably wants it ("ensure that the Ukrainian people support" had been
        # bold, and that sentence had displaced the lead).
        found = None
    # A choice is shown with what is said of each option: "… only VTB — the second-largest —" stays
    # beside "Sberbank, Russia’s largest bank" for "Which bank is larger, Sberbank or VTB?".
    # The lead stays before a sentence that goes on from it "in this regard": it says what the regard is.
    if (found is not None and found[0] is not chosen[0] and chosen[0] is not antecedent and len(chosen) > 1
            and choice_asked(question) is None and not (_follows_on(chosen[0], found[0]) and _IN_THIS_REGARD.search(found[0].text))):
        chosen = [c for c in chosen if c is not chosen[0]]
        text, citations, support = compose(chosen, _labels(retriever, chosen))
    elif found is not None and found[0] is chosen[0] and any(_DATE_LINE.match(c.text) for c in chosen[1:]):
        # "And when was that?" answered "1965" from the IAI's founding: the commentary's date line
        # ("22 March 2022"), quoted beside it for its date, says nothing of what was asked; it had led the reply.
        chosen = [c for c in chosen if c is chosen[0] or not _DATE_LINE.match(c.text)]
        text, citations, support = compose(chosen, _labels(retriever, chosen))
    short = _short(*found, support) if found is not None else None
    return Answer(question, text, citations, support, False, round(best, 4), [], time.perf_counter() - started, short)


# A line that is only a date: "22 March 2022", "date 2022-04-01".
_DATE_LINE = re.compile(rf"^\W*(?:date\s+)?{DATE_ONLY}\W*$", re.I)


@dataclass(frozen=True)
class Considered:
    """The sentences the answerer weighs for a question, each with its row of features."""

    candidates: list[Candidate]
    features: np.ndarray
    expected_type: str | None


def considered(question: str, history: Sequence[Any] | None, retriever: Retriever,
               settings: AnswerSettings | None = None) -> Considered:
    """The candidate sentences and their features, as `answer` weighs them for an ordinary
    question (no refusal, comparison, summary or authorship path): what the sentence model is fitted on."""
    s = settings or AnswerSettings()
    context = user_turns(history)
    query = retriever.analyse(check_question(question), context, exact=True)
    # The best passages whatever document the question points at: fitted on the passages of the
    # document it points at (as `answer` reads them), the model answered one more of the gold
    # set's unanswerable questions held out (README, "A question that points at a document").
    candidates = _admissible(retriever, _candidates(retriever.rank(query, s.candidate_passages)), question)
    unknown = len(unknown_names(question, retriever.vocabulary()))
    x = _features(retriever, _scoring_query(retriever, query, context, s), candidates, s, unknown)
    return Considered(candidates, x, query.expected_type)


def _view(retriever: Retriever, question: str, s: AnswerSettings, doc_id: str, started: float) -> Answer | None:
    """What one document says about a topic ("What does the IAI commentary say about China?"): its
    best sentences naming the topic, weighed against the topic as in a comparison, so that the
    words naming the document ("IAI", "commentary", "Alcaro") do not draw its footnotes and its
    publisher's block. When the document never names the topic, it is said so; when its sentences
    on it are too weak, or the question has no topic, None (answered as any other)."""
    # "What does the April piece say about the US?": about the United States, as that piece writes it.
    asked = spell_out_abbreviations(question)
    topic = view_topic(asked)
    if not topic:
        return None
    vocabulary = retriever.vocabulary()
    english = is_english(vocabulary)
    for word in [w for w in topic if w not in vocabulary]:
        # "What does Alcaro say about Turky?" is about Turkey: a topic word the documents never write
        # is a slip of one letter for exactly one they do (it had said that he does not mention "Turky").
        spelt = spelling_of(word, vocabulary, english)
        if spelt is not None and spelt not in QUERY_STOPWORDS:
            topic = (topic - {word}) | {spelt}
            asked = re.sub(rf"(?i)\b{re.escape(word)}\b", spelt.capitalize() if spelt in retriever.proper_words() else spelt, asked)
    # The question names the document and the topic itself ("And what does the April piece say
    # about China?" after the IAI commentary's view): earlier turns would pull towards theirs.
    candidates = _topic_candidates(retriever, asked, [], s, [doc_id], topic, compared=topic)
    if not candidates and _never_named(retriever, doc_id, topic):
        # "What does the IAI say about denazification?": the commentary writes "de-Nazification" (it
        # had said that it does not mention it).
        # And the other way round: "de-Nazification" asked of the piece that writes "denazification".
        for word in list(topic):
            hyphened = retriever.hyphenated_words().get(word)
            if hyphened is not None and any(hyphened in retriever.passages[i].text.lower() for i in retriever.rows_of(doc_id)):
                topic = (topic - {word}) | {hyphened}
                asked = re.sub(rf"(?i)\b{re.escape(word)}\b", hyphened, asked)
        for first, second in re.findall(r"\b([^\W\d_]+)-([^\W\d_]+)\b", asked):
            joined = f"{first}{second}".lower()
            if {first.lower(), second.lower()} & topic and any(
                    re.search(rf"\b{joined}\b", retriever.passages[i].text, re.I) for i in retriever.rows_of(doc_id)):
                topic = (topic - {first.lower(), second.lower()}) | {joined}
                asked = asked.replace(f"{first}-{second}", joined)
        candidates = _topic_candidates(retriever, asked, [], s, [doc_id], topic, compared=topic)
    if not candidates:
        if _never_named(retriever, doc_id, topic):
            closest = retriever.rank(retriever.analyse(question, exact=True), 5, within={doc_id})
            words = _topic_words(asked, topic)
            message = NOT_NAMED.format(source=source_label(retriever.documents[doc_id].meta), topic=" ".join(dict.fromkeys(words)))
            return Answer(question, message, [], [], True, 0.0, closest, time.perf_counter() - started)
        return None
    ranked = sorted((c for c in candidates if c.score >= s.topic_below), key=lambda c: -c.score)
    if not ranked:
        return None
    # Every candidate names the topic and is the document's own: a runner-up may come from another passage.
    chosen = _select(ranked, question, s, any_passage=True)
    text, citations, support = compose(chosen, _labels(retriever, chosen))
    confidence = round(chosen[0].score, 4)
    # "How does the April commentary describe the Minsk agreements?": the words it puts before them
    # ("now-defunct", of "the now-defunct 2015 Minsk agreements"), when its lead has such words.
    epithet = epithet_of(chosen[0].text, question)
    short = _short(chosen[0], Span(*epithet, 1.0), support) if epithet is not None else None
    return Answer(question, text, citations, support, False, confidence, [], time.perf_counter() - started, short)


def _topic_words(question: str, topic: set[str]) -> list[str]:
    """The question's words that are in `topic` (lower case), as the question writes them, in order."""
    return [w for w in TOPIC_WORD.findall(question) if w.lower() in topic]


def _never_named(retriever: Retriever, doc_id: str, topic: set[str]) -> bool:
    """True when no passage of the document names any topic word (or a word sharing its stem)."""
    passages = retriever.passages
    return not any(_names(passages[i].text, word) for i in retriever.rows_of(doc_id) for word in topic)


def _topic_candidates(
    retriever: Retriever, question: str, context: list[str], s: AnswerSettings, named: Sequence[str], topic: set[str],
    compared: set[str] | None = None,
) -> list[Candidate]:
    """Sentences of the `named` documents (any, when empty) that name one of the `compared` words
    (by default `compared_words`), not references to other works, each scored as the better of its
    scores against the question and against the topic words alone."""
    if compared is None:
        compared = compared_words(question, {d: r.meta for d, r in retriever.documents.items()})
        if judged_words(question):
            # "Which commentary is more optimistic about the talks?": a document's stance may be on the
            # topic in other words ("There is more reason for skepticism than optimism: … the
            # negotiations could well be a smokescreen …"), which the parts had missed for sentences
            # that only name the talks.
            compared = compared | {w for word in topic for w in lemma_synonyms(word)}
    # Each document's sentences are weighed against what is compared ("military aid"), not against
    # the comparison's own words ("Compare the two commentaries on ..."), which no sentence answers.
    topic_text = " ".join(_topic_words(question, topic))
    query = retriever.analyse(question, context, exact=True)
    # Each named document's best passages (the best of all, when none is named), however far down
    # the whole ranking they stand: "And what does the April piece say about China?" after the IAI
    # commentary's view.
    depth = 2 * s.candidate_passages
    if named:
        passages = [p for doc_id in named for p in retriever.rank(query, depth, within={doc_id})]
    else:
        passages = retriever.rank(query, depth)
    candidates = _admissible(retriever, _candidates(passages), question, context)
    # Each part says what its document says: a reference to another work is not its position. And
    # it names what is compared: "What do the documents say about Turkey?" is not answered, for the
    # April piece, by Peskov's words on Crimea (that piece never names Turkey: only one speaks).
    candidates = [
        c for c in candidates
        if not is_reference(c.text, c.passage.kind in NOTE_KINDS)
        # The title line names the topic ("… the Role of the US and Europe by Riccardo Alcaro") without saying anything on it.
        and not restates_title(c.text, _title(retriever, c.passage.doc_id))
        and any(_names(c.text, word) for word in compared)
    ]
    if len(topic) > 1:
        # A document's sentences that name the most of the topic, when some name more than one word
        # of it: "How do the commentaries differ on the role of Europe?" is not answered, for the IAI
        # commentary, by "China could play a significant role"; "What compromise on Crimea is Ukraine
        # offering …?", for it, by "President Zelensky may be open to a compromise: … Crimea …", not
        # by "The plan rotates around three main components: … Crimea …".
        named_words = {id(c): sum(_names(c.text, word) for word in topic) for c in candidates}
        most: dict[str, int] = {}
        for c in candidates:
            most[c.passage.doc_id] = max(most.get(c.passage.doc_id, 0), named_words[id(c)])
        candidates = [c for c in candidates if most[c.passage.doc_id] < 2 or named_words[id(c)] == most[c.passage.doc_id]]
    if not candidates:
        return []
    unknown = len(unknown_names(topic_text, retriever.vocabulary()))
    _score(retriever, _scoring_query(retriever, query, context, s), candidates, s, unknown)
    as_asked = [c.score for c in candidates]
    _score(retriever, _scoring_query(retriever, retriever.analyse(topic_text, context, exact=True), context, s), candidates, s, unknown)
    for candidate, score in zip(candidates, as_asked):
        candidate.score = max(candidate.score, score)
    return candidates


# "What is the capital of Ukraine?", "What's the weather in Kyiv?": a property of something.
_ASKS_ATTRIBUTE = re.compile(
    r"^\W*(?:what|which|how)(?:['’]s|\s+(?:is|was|are|were|will|would))\s+the\s+"
    # "the official currency of Ukraine": a word that only qualifies the property may stand before it.
    # "What will the weather be in Kyiv tomorrow?", "What is the weather like in Kyiv?": the property, then "be" or "like".
    r"(?:(?:official|main|current|national|present|exact|actual)\s+)?(?P<noun>[a-z]+)\s+(?:(?:be\s+)?like\s+|be\s+)?(?P<of>of|in|at)\b(?P<rest>.*)", re.I | re.S
)


# Words for a quantity, which a figure gives without them ("What is the total of US security aid?": "more than $2 billion").
_MEASURES = frozenset(
    "total sum amount number count size value cost price share level rate figure extent scale volume height length "
    "width depth weight age duration percentage proportion".split()
)
# Properties of a document, a work it cites or its publisher, which metadata, notes and contact
# lines give without naming them ("What is the title of Alcaro's February 2022 commentary?").
_WORK_PROPERTIES = frozenset(
    "title titles name names author authors date dates address email e-mail phone telephone number website url "
    "publisher source sources headline page footnote note".split()
)
# Forms of a name, which a sentence gives in brackets without the word: "(LNR and DNR)".
_NAME_FORMS = frozenset("initials abbreviation abbreviations acronym acronyms".split())


# A life event asked of someone ("Where was Alcaro born?"): its word, which a sentence answering would use.
_LIFE_EVENT = re.compile(r"(?<=\s)(?:born|married|divorced|buried)(?=\s*[?.!]*\s*$|\s+(?:in|on|at|to|where|when)\b)", re.I)


def _unknown_attribute(retriever: Retriever, question: str) -> bool:
    """True when the question asks for a property ("the capital of …") by a word the documents never
    use and for which query expansion finds no corpus word near it ("aim" finds one, "capital" and
    "GDP" none here): no sentence can say what that property is. On XQuAD, no question is such. So
    for a life event the documents never write ("Where was Alcaro born?")."""
    weather = WEATHER_IT.search(question)
    if weather is not None and _never_written(retriever, weather.group("verb").lower()):
        # "Is it raining in Kyiv?": the documents never write of rain (it had quoted a sentence naming Kyiv).
        return True
    event = _LIFE_EVENT.search(question)
    if event is not None and _never_written(retriever, event.group(0).lower()):
        # "Where was Riccardo Alcaro born?": no sentence says where anyone was born (it had bolded the
        # title above his byline, "Russia–Ukraine Talks").
        return True
    asked = _ASKS_ATTRIBUTE.match(question) or _ASKS_POSSESSED.match(question)
    if asked is None:
        # "Which football club does Zelensky support?": a kind of thing whose every word the documents
        # never use, nor one near it (it had bolded "Ukrainian people", who "support this decision").
        kind = _ASKS_KIND_OF_NAMED.match(question)
        words = [w.lower() for w in kind.group("kind").split()] if kind is not None else []
        # Two words or more: one word alone may be the documents' own in another form ("What claim …?").
        return len(words) >= 2 and all(_never_written(retriever, w) for w in words)
    noun = asked.group("noun").lower()
    if (noun in retriever.vocabulary() or noun in QUERY_STOPWORDS or noun in _WORK_PROPERTIES or noun in _MEASURES
            or noun in _NAME_FORMS):
        return False
    # "What was the purpose of the 1994 memorandum?": what a sentence says the memorandum sought to do.
    if noun in _STANCES:
        return False
    return _never_written(retriever, noun)


def _never_written(retriever: Retriever, word: str) -> bool:
    """True when the documents never use the word (nor its plural) and query expansion finds no corpus word near it."""
    if word in QUERY_STOPWORDS:
        return False
    # The plural too: "dangers" is near the documents' "risks", where "danger" falls just short.
    # Not of a verb's form: "rainings" is near some corpus word where "raining" is near none.
    forms = [word] if word.endswith(("s", "ing", "ed")) else [word, word + "s"]
    if any(form in retriever.vocabulary() for form in forms):
        return False
    expander, s = retriever.expander, retriever.settings
    return expander is not None and not any(
        expander.expand([form], s.expansion_threshold, s.expansion_terms, s.expansion_weight) for form in forms
    )


# "Which football club does Zelensky support?": a kind of thing asked of a name that follows.
_ASKS_KIND_OF_NAMED = re.compile(
    r"^\W*(?i:which|what)\s+(?P<kind>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+"
    r"(?i:does|did|do|is|was|are|were|has|have|will|would|can|could)\s+(?:the\s+)?[A-Z]"
)
# "Who is Zelensky's main political rival?", "What is Ukraine's GDP?": a property asked of a name by its possessive.
_ASKS_POSSESSED = re.compile(
    r"^\W*(?i:who|what|which)(?:['’]s|\s+(?i:is|was|are|were))\s+(?P<whose>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})[’']s\s+"
    r"(?:[a-z]+\s+){0,2}?(?P<noun>[a-z]+)\s*[?.!]*\s*$"
)
# Words after a possessive that ask for a name, not a property: "What is IAI's quarterly known as?".
_NAMING_WORDS = frozenset({"called", "named", "known", "titled", "about", "for", "like"})
# "… the population of Crimea?": after "of", what the property is of, by name.
_OF_NAME = re.compile(r"\s+(?:the\s+)?(?P<whose>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s*[?.!]*\s*")
# The shortest property word asked of a name ("population", "capital").
ATTRIBUTE_LETTERS = 4


# What a sentence may say of something without the word: "What is the position of Turkey?" is
# answered by what Turkey does ("Turkey and Israel have been active in this regard").
_STANCES = frozenset(
    "position role view views stance opinion attitude stand policy strategy goal goals aim aims plan plans interest "
    "interests response reaction contribution influence importance significance impact effect purpose reason "
    "situation future fate problem problems concern concerns demand demands "
    # "What was Dmitry Peskov's argument?": what he said, in whichever words.
    "argument arguments reasoning point claim claims case message".split()
)


def _property_of_name(question: str) -> tuple[str, str] | None:
    """The property word a question asks of a name, and the name: ("population", "Crimea") for "What
    is the population of Crimea?", and by its possessive ("language", "Ukraine") for "What is
    Ukraine's official language?"; None otherwise (not for "What is IAI's quarterly called?", whose
    last word is no property)."""
    asked = _ASKS_ATTRIBUTE.match(question)
    named = _OF_NAME.fullmatch(asked.group("rest")) if asked is not None and asked.group("of") == "of" else None
    if asked is not None and named is not None:
        return asked.group("noun"), named.group("whose")
    possessed = _ASKS_POSSESSED.match(question)
    if possessed is None or possessed.group("noun").endswith("ed") or possessed.group("noun") in _NAMING_WORDS:
        return None
    return possessed.group("noun"), possessed.group("whose")


def _attribute_never_given(retriever: Retriever, question: str) -> bool:
    """True when the question asks for a property of something named ("What is the population of
    Crimea?") by a word the documents use, but no sentence of theirs uses it together with that
    name: the "almost 44-million population" is Ukraine's, and nothing gives Crimea's. A property
    a figure gives without its word (`_MEASURES`) or a document's own (`_WORK_PROPERTIES`) is left
    to ordinary answering."""
    asked = _property_of_name(question)
    if asked is None:
        return False
    noun, whose = asked
    if not (noun.islower() and len(noun) >= ATTRIBUTE_LETTERS):
        return False
    if noun in _MEASURES or noun in _WORK_PROPERTIES or noun in _STANCES or noun not in retriever.vocabulary():
        return False
    name, stem = whose.split()[0], noun[:NAME_STEM]
    for chunk in retriever.passages:
        if stem not in chunk.text.lower() or not _names(chunk.text, name):
            continue
        for start, end in split_sentences(chunk.text):
            if _names(chunk.text[start:end], noun) and _names(chunk.text[start:end], name):
                return False
    return True


# A rank by size or order: "third largest", "second-biggest", "fourth most populous".
_ORDINALS = "second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
_RANKED = re.compile(
    rf"\b(?P<ordinal>{_ORDINALS})[\s-]+(?P<superlative>(?:most|least)\s+[a-z]+|[a-z]+est)\b", re.I
)


def _other_rank_only(question: str, passages: Sequence[Passage]) -> bool:
    """True when the question asks for a thing of a rank ("the third largest") that no passage
    gives, while one gives another rank of the same measure ("the second-largest")."""
    asked = _RANKED.search(question)
    if asked is None:
        return False
    superlative = asked.group("superlative").lower()
    ranks = {m.group("ordinal").lower() for p in passages for m in _RANKED.finditer(p.text)
             if m.group("superlative").lower() == superlative}
    return bool(ranks) and asked.group("ordinal").lower() not in ranks


# A stance the documents are compared on, which their sentences take in their own words.
_STANCE_COMPARED = re.compile(
    r"\b(?:agree\w*|disagree\w*|equally|more|less|most|least|should|would|could|describe|portray|view|see|treat|differ\w*)\b", re.I
)


def _comparison(retriever: Retriever, question: str, context: list[str], s: AnswerSettings) -> list[Candidate]:
    """One part per document for "compare" and "do the sources agree": the documents the question
    names, else the few (one, if only one speaks) whose best sentence on its topic is good enough. Without a topic ("Compare
    the two commentaries") each part summarises its document. Empty when fewer than two documents
    take part among the documents it names, or none speaks to its topic: the question is then
    answered as any other."""
    metas = {d: r.meta for d, r in retriever.documents.items()}
    question = plain_verb(question)
    named = compared_documents(question, metas)
    # "… differ on the role of the US?": on the United States, as the documents write it ("us" is
    # also a pronoun, which had left the April piece nothing to say on it).
    question = spell_out_abbreviations(question)
    topic = comparison_topic(question, metas)
    documents = named or (sorted(metas) if len(metas) <= MAX_DOCUMENTS else [])
    if not topic:
        if len(documents) < 2:
            return []
        # "Do the sources disagree about anything?": where they count the same thing differently.
        return (_counted_differently(retriever, documents) if asks_differences(question) else []) or _summary(
            retriever, documents, question
        )
    if asks_differences(question) and len(documents) >= 2:
        # "How do the two documents differ on the peace plan?": a 10-point plan against a 15-point one.
        counted = _counted_differently(retriever, documents, topic)
        if counted:
            return counted
    # Each document's own best passages when the few documents of the collection are compared:
    # the best passages of all of them together may hold none of one ("What do the documents say
    # about China?" had been said to be spoken to by the IAI commentary alone).
    candidates = _topic_candidates(retriever, question, context, s, documents, topic)
    if not candidates:
        return []
    best: dict[str, Candidate] = {}
    for candidate in sorted(candidates, key=lambda c: -c.score):
        if candidate.score >= s.topic_below:
            best.setdefault(candidate.passage.doc_id, candidate)
    chosen = list(best.values())[: len(named) or MAX_DOCUMENTS]
    # "Which article mentions the 2014 annexation of Crimea?": the documents whose sentence has every
    # word of the topic, not also one that names only Crimea. "What do the two pieces say about EU
    # membership?": not the April piece's sentence on an EU weapons package, which names no membership.
    # Not for a stance compared ("Do both think more weapons should be sent?", "Which is more optimistic
    # about the talks?"), which a sentence takes without the topic's words.
    if _ASKS_WHICH_DOCUMENT.match(question) or not _STANCE_COMPARED.search(question):
        topic_stems = {w[:NAME_STEM] for w in topic}
        mentioning = [c for c in chosen if topic_stems <= {w[:NAME_STEM] for w in _words(spell_out_abbreviations(c.text))}]
        chosen = mentioning or chosen
    # "What do the documents say about China?" when one document speaks to it: that document's best
    # sentence of its own (the ordinary path would weigh footnote references to other works too).
    return chosen if len(chosen) >= 2 or (chosen and not named) else []


# A closing time adjunct of a month: "Which gatherings took Biden to Europe in March 2022?".
_IN_MONTH = re.compile(
    rf",?\s+(?:in|during)\s+(?:(?:early|mid|late)[\s-]+)?(?P<month>{month_pattern()})\s+(?P<year>\d{{4}})(?=\s*[?.!]*\s*$)"
)


def _without_time_written(question: str, documents: Mapping[str, Mapping[str, Any]]) -> str:
    """The question without a closing "in <month> <year>" when a document is dated in that month: what
    it tells of that time it tells without the date, which had drawn the notes citing works of that
    month instead (it had abstained on "Which gatherings took Biden to Europe in March 2022?")."""
    found = _IN_MONTH.search(question)
    if found is None:
        return question
    month = f"{found.group('year')}-{MONTHS.index(found.group('month')) + 1:02d}"
    if not any(str(meta.get("date") or "").startswith(month) for meta in documents.values()):
        return question
    return question[: found.start()] + question[found.end() :]


# The most sentences a summary of what a document says on a topic quotes.
TOPIC_SUMMARY_SENTENCES = 4


def _topic_summary(retriever: Retriever, plainly: str, plain: Answer, s: AnswerSettings, started: float) -> Answer | None:
    """For "Summarise what Alcaro says about the role of the US and Europe.", asked `plainly` as "What
    does Alcaro say about …?" and answered `plain`: up to TOPIC_SUMMARY_SENTENCES sentences of the
    documents that answer cites on the question's topic (`_topic_candidates`, each likely enough to speak to
    it, `s.topic_below`), no two near-duplicates, in the documents' order. None when the question has no
    topic or no more than one sentence speaks to it."""
    metas = {d: r.meta for d, r in retriever.documents.items()}
    topic = comparison_topic(plainly, metas)
    documents = list(dict.fromkeys(support.doc_id for support in plain.support))
    if not topic or not documents or len(documents) > MAX_DOCUMENTS:
        return None
    # The sentences the plain answer quotes first, then the others on the topic by their score.
    quoted = [c for support in plain.support
              if (c := _candidate_at(retriever, support.doc_id, support.start, support.end, plain.confidence)) is not None]
    others = [c for c in sorted(_topic_candidates(retriever, plainly, [], s, documents, topic), key=lambda c: -c.score)
              if c.score >= s.topic_below]
    chosen: list[Candidate] = []
    for candidate in [*quoted, *others]:
        if len(chosen) >= TOPIC_SUMMARY_SENTENCES:
            break
        # A sentence quoted twice (the plain answer's, found again on the topic) is its own near-duplicate.
        if not _near_duplicate(candidate, chosen, s):
            chosen.append(candidate)
    if len(chosen) < 2:
        return None
    chosen.sort(key=lambda c: (documents.index(c.passage.doc_id), c.key[1]))
    text, citations, support = compose(chosen, _labels(retriever, chosen))
    return Answer(plain.question, text, citations, support, False, round(min(c.score for c in chosen), 4), [],
                  time.perf_counter() - started)


def _without_words_used(question: str, texts: Sequence[str]) -> str:
    """The question without the phrase that points at a document by its metadata when a name in that
    phrase is also a word of the documents' text: "When did Russia's invasion begin, per the March
    commentary?" would draw the references dated "20 March 2022" (it had abstained). "The April
    piece" draws nothing where no sentence says "April", and stays."""
    plain = without_document_names(question)
    dropped = set(re.findall(r"\b[A-Z][a-z]+\b", question)) - set(re.findall(r"\b[A-Z][a-z]+\b", plain))
    used = any(re.search(rf"\b{re.escape(word)}\b", text) for word in dropped for text in texts)
    return plain if used else question


def _admissible(
    retriever: Retriever, candidates: list[Candidate], question: str, context: Sequence[str] = ()
) -> list[Candidate]:
    """The candidates without the publisher's boilerplate, unless the question (or the earlier one
    in `context` it points back at) is about the publisher, and without sentences naming someone in
    another office than the one asked about (`other_title`)."""
    # "Who is the Russian defence minister?" is not answered by "Russian Foreign Minister Sergei Lavrov".
    candidates = [c for c in candidates if not other_title(c.text, question)]
    if not any(c.passage.kind == BOILERPLATE for c in candidates):
        return candidates
    bylines = Bylines.of(record.meta for record in retriever.documents.values())
    # "When was it founded?" after "Who founded the institute that published the March commentary?":
    # "it" is the publisher the earlier question asked about (it had quoted a footnote).
    earlier = context[-1] if context and refers_back(question) else ""
    return [c for c in candidates if c.passage.kind != BOILERPLATE or admissible(c.text, question, bylines)
            or earlier and admissible(c.text, earlier, bylines)]


def _authorship(retriever: Retriever, question: str, started: float) -> Answer | None:
    """"Who wrote X?" for the one document X names by its metadata: its author note, with the
    author's name as the short answer; "the documents do not say" when its source names no
    author. None when the question names no single document or the author has no note."""
    # "author" and "wrote" would match any document that names an author; the document is named by the rest.
    metas = {d: r.meta for d, r in retriever.documents.items()}
    naming = document_words(question)
    targets = target_documents(naming, metas)
    if not targets:
        return None
    if len(targets) > 1:
        # "Who wrote the commentary?" names no one document: every document's author. "Who wrote the
        # Reuters article ...?" names a work that is no document (a footnote cites it): not this.
        asked, _ = named_documents(naming, metas)
        return _authors(retriever, question, targets, started) if not asked and len(targets) <= MAX_AUTHORSHIP_DOCUMENTS else None
    record = retriever.documents[targets[0]]
    author = record.meta.get("author")
    if not isinstance(author, str) or not author.strip():
        message = f"The documents do not say who wrote {_in_sentence(source_label(record.meta))}: its source names no author."
        return Answer(question, message, [], [], True, 0.0, [], time.perf_counter() - started)
    note = author_note(record.text, author)
    candidate = _candidate_at(retriever, record.doc_id, *note, 1.0) if note else None
    if candidate is None:
        return None
    text, citations, support = compose([candidate])
    short = _author_named(candidate, author, support)
    return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)


def _author_named(note: Candidate, author: str, support: Sequence[Support]) -> Short | None:
    """The author's name in their note as the short answer, or None when the note does not spell it so."""
    name = name_span(note.text, author)
    return _short(note, Span(name[0], name[1], 1.0), support) if name else None


# "Who wrote the documents?" names each document's author up to this many documents; a larger
# collection gets ordinary answering.
MAX_AUTHORSHIP_DOCUMENTS = 5
NO_AUTHOR = "{doc} names no author."


def _authors(retriever: Retriever, question: str, targets: Sequence[str], started: float) -> Answer | None:
    """"Who is the author?" over a few documents: each named author's note under its document's
    label, and which documents name none. None when an author has no note to quote."""
    notes: list[Candidate] = []
    unnamed: list[str] = []
    for doc_id in targets:
        record = retriever.documents[doc_id]
        author = record.meta.get("author")
        if not isinstance(author, str) or not author.strip():
            unnamed.append(source_label(record.meta))
            continue
        note = author_note(record.text, author)
        candidate = _candidate_at(retriever, doc_id, *note, 1.0) if note else None
        if candidate is None:
            return None
        notes.append(candidate)
    if not notes:
        # "Who wrote the piece about the Istanbul talks?" names one document by its title: it is said
        # of that one (it had said "who wrote them", as if of several).
        message = (f"The documents do not say who wrote {_in_sentence(unnamed[0])}: its source names no author."
                   if len(unnamed) == 1 else "The documents do not say who wrote them: their sources name no author.")
        return Answer(question, message, [], [], True, 0.0, [], time.perf_counter() - started)
    text, citations, support = _labelled(retriever, notes, " ".join(NO_AUTHOR.format(doc=label) for label in unnamed))
    short = None
    if len(notes) == 1:
        short = _author_named(notes[0], str(retriever.documents[notes[0].passage.doc_id].meta["author"]), support)
    return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)


def _labelled(retriever: Retriever, chosen: list[Candidate], said: str) -> tuple[str, list[Passage], list[Support]]:
    """The chosen sentences of several documents, each under its document's label (also when only
    one document's sentences are quoted: others were asked about), then `said` of the others."""
    labels = _labels(retriever, chosen)
    text, citations, support = compose(chosen, labels)
    text = _under_one_label(text, chosen, labels)
    if said:
        text += "\n\n" + said
    return text, citations, support


def _under_one_label(text: str, chosen: Sequence[Candidate], labels: Mapping[str, str]) -> str:
    """The composed text under its document's label when its sentences are of one document (`compose`
    labels the parts of several itself), else the text as it is."""
    if len(labels) != 1:
        return text
    return f"{labels.get(chosen[0].passage.doc_id, chosen[0].passage.doc_id)}: {text}"


# "Who says sanctions have hardly succeeded …?", "Who argues that …?": who holds a view a sentence states.
_ASKS_WHO_SAYS = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?who\s+(?:(?:says|said|argues|argued|claims|claimed|contends|maintains|"
    r"believes|thinks|suggests|suggested)\s+(?:that\s+)?|(?:writes|wrote|holds)\s+that\s+)(?!(?:it|this|that|so)\b)\S", re.I
)
# A sentence that reports someone's words or view.
_SPEECH = re.compile(
    r"\b(?:said|says|saying|stated|states|told|tells|argued|argues|claimed|claims|warned|warns|insisted|insists|accused|"
    r"announced|declared|added|noted|according\s+to|signaled|signalled|dubs|dubbed)\b", re.I
)
# "Tell me more about X": about one item of a list, not the list again.
_MORE_ABOUT = re.compile(r"^\W*tell\s+me\s+more\s+about\b", re.I)
# Under a comparison that only one document speaks to.
ONLY_ONE_SPEAKS = "Only one of the documents speaks to this: {source}."
REFERENCE_NAMES_NO_AUTHOR = "The documents do not say who wrote it: the reference names no author."
# One document's view asked of a topic it never names.
NOT_NAMED = "{source} does not mention {topic}."
_SAYS_NOT_NAMED = re.compile(re.escape(NOT_NAMED).replace(r"\{source\}", ".+").replace(r"\{topic\}", "[^.]+"))
# What is said when a document's source has no such fact, and when only the source's record has it.
NO_FACT = {
    DATE_FACT: "The documents do not say when {doc} was published: its source gives no date.",
    TITLE_FACT: "The documents give no title for {doc}: its source has none.",
    PUBLISHER_FACT: "The documents do not say who published {doc}: its source names no publisher.",
    KIND_FACT: "The documents do not say what kind of document {doc} is: its source does not record it.",
}
# Which of the documents asked about is the newer or the older, by their dates.
DATED_FIRST = "By these dates, {doc} is the {which}."
FACT_OUTSIDE_TEXT = {
    DATE_FACT: "The text of {doc} carries no date; the record of its source dates it {value}{note}.",
    TITLE_FACT: "The text of {doc} carries no title; the record of its source calls it “{value}”{note}.",
    PUBLISHER_FACT: "The text of {doc} does not name its publisher; the record of its source gives {value}{note}.",
    KIND_FACT: "The text of {doc} does not say what kind of document it is; the record of its source calls it {article} {value}{note}.",
}


# Where someone is based, one hyphened word: "Rome-based", "London-based".
_BASED_IN = re.compile(r"\b[\w’']+-based\b", re.I)


def _document_fact(retriever: Retriever, question: str, about: str, fact: str, started: float) -> Answer | None:
    """"When was the IAI commentary published?", its title, its publisher: for the one document the
    question names by its metadata, the line of its own text that states it, with the date, title or
    name as the short answer. When the text does not state it, an abstention that says so and gives
    what the source's record says. "When were the commentaries published?" names no one document:
    each document's line under its label, and what is said for those without one. None when the
    question names a work that is no document. `about` is the question, or a follow-up joined to
    the question before it."""
    metas = {d: r.meta for d, r in retriever.documents.items()}
    # "published" names no document: the documents are named by the other words. Nor does "author"
    # in the turn before a follow-up: "When was it published?" after "Who is the author of the April
    # commentary?" is about the April commentary, not every document that has an author.
    earlier = about[: -len(question)] if about != question and about.endswith(question) else ""
    naming = " ".join([*(w for w in earlier.split() if w.lower().strip("?.,;:!") not in FACT_WORDS | AUTHOR_WORDS),
                       *(w for w in about[len(earlier) :].split() if w.lower().strip("?.,;:!") not in FACT_WORDS)])
    # "Which Rome-based institute put out …?": where the publisher is based says nothing of which document.
    naming = _BASED_IN.sub(" ", naming)
    targets = target_documents(naming, metas)
    if not targets:
        return None
    if len(targets) > 1:
        asked, _ = named_documents(naming, metas)
        if asked or len(targets) > MAX_AUTHORSHIP_DOCUMENTS:
            return None
        return _facts_of_documents(retriever, question, targets, fact, started)
    if other_month(question, metas[targets[0]]):
        # "What is the title of Alcaro's February commentary?": a work his notes cite, not this one.
        return None
    asked, matched = named_documents(naming, {targets[0]: metas[targets[0]]})
    if len(asked - matched[targets[0]] - FACT_WORDS) > 1:
        # "Which newspaper published the Russia sanctions list article?" names a work the document
        # cites ("Russia" alone matched its title), not the document.
        return None
    candidate, said = _fact_in_text(retriever, targets[0], fact)
    if candidate is None:
        return Answer(question, said, [], [], True, 0.0, [], time.perf_counter() - started)
    text, citations, support = compose([candidate])
    short = _short(candidate, Span(0, len(candidate.text), 1.0), support)
    return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)


def _facts_of_documents(retriever: Retriever, question: str, targets: Sequence[str], fact: str, started: float) -> Answer:
    """A date, title, publisher or kind asked of several documents: each one's line under its label, then
    what is said for the documents whose text does not state it (no short answer: several are asked)."""
    found = [_fact_in_text(retriever, doc_id, fact) for doc_id in targets]
    lines = [candidate for candidate, _ in found if candidate is not None]
    said = " ".join(message for candidate, message in found if candidate is None)
    first = dated_first(question, {d: retriever.documents[d].meta for d in targets}) if fact == DATE_FACT else None
    if first is not None:
        # "Which document is more recent?": the dates above, and which one that makes it.
        named = _in_sentence(source_label(retriever.documents[first[0]].meta))
        said = " ".join(filter(None, [said, DATED_FIRST.format(which="more recent" if first[1] else "older", doc=named)]))
    if not lines:
        return Answer(question, said, [], [], True, 0.0, [], time.perf_counter() - started)
    text, citations, support = _labelled(retriever, lines, said)
    return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started)


def _collection(retriever: Retriever, question: str, started: float) -> Answer:
    """"How many documents are there?": how many the collection holds and, up to
    MAX_LISTED_DOCUMENTS, each one's title under its label (`_facts_of_documents`)."""
    documents = sorted(retriever.documents, key=lambda d: (str(retriever.documents[d].meta.get("date") or ""), d))
    n = len(documents)
    if n > MAX_LISTED_DOCUMENTS:
        message = COLLECTION.format(n=f"{n:,}", listed="; ask about one by its title, author, publisher or date.")
        return Answer(question, message, [], [], True, 0.0, [], time.perf_counter() - started)
    titles = _facts_of_documents(retriever, question, documents, TITLE_FACT, started)
    opening = COLLECTION.format(n=n, listed=":") if n != 1 else "The collection holds one document:"
    return replace(titles, text=f"{opening}\n\n{titles.text}", seconds=time.perf_counter() - started)


# "What does DNR stand for?", "What is the LNR?", "What does the abbreviation IAI mean?", "What do LNR
# and DNR refer to?" (the two are spelt out together).
_STANDS_FOR = re.compile(
    r"^\W*(?i:what\s+(?:does|do|is)\s+(?:the\s+)?(?:(?:abbreviations?|acronyms?|initialisms?|initials)\s+)?)[\"“']?(?P<acronym>[A-Z]{2,6})[\"”']?"
    r"(?:\s+(?i:and)\s+(?:the\s+)?[\"“']?[A-Z]{2,6}[\"”']?)?\s+"
    r"(?i:stand\s+for|mean|short\s+for|refer\s+to|an?\s+abbreviation\s+(?:of|for))\W*$"
)
# "What are the LNR and DNR called in full?", "What is the full name of the DNR?": spelt out too.
_IN_FULL = re.compile(
    # "What is the full name behind the IAI abbreviation?" too.
    # "What is the full name behind the initials IAI?" too.
    r"^\W*(?i:what\s+(?:is|are|was|were)\s+(?:the\s+)?)(?:(?i:full\s+names?\s+(?:of|for|behind)\s+(?:the\s+)?"
    r"(?:(?:abbreviations?|acronyms?|initials)\s+)?))?"
    r"(?P<acronym>[A-Z]{2,6})(?:\s+(?i:and)\s+(?:the\s+)?[A-Z]{2,6})?"
    r"(?:\s+(?i:(?:called|named|known\s+as|written)\s+)?(?i:in\s+full|spel[lt]\s+out)"
    r"|(?<=[A-Z])\s+(?i:abbreviations?|acronyms?|initials)(?=\W*$)|(?<=[A-Z])(?=\W*$))\W*$"
)
_SPELT_IN_FULL = re.compile(r"\bfull\s+names?\b|\bin\s+full\b|\bspel[lt]\s+out\b", re.I)
# Passages looked at for an acronym's expansion.
ACRONYM_PASSAGES = 20


def _asked_acronym(question: str) -> str | None:
    """The acronym a question asks to spell out ("DNR" in "What does DNR stand for?", "LNR" in
    "What is the LNR?", "What are the LNR and DNR?" and "Who are the LNR and DNR?", which the documents spell out together),
    else None."""
    stands = _STANDS_FOR.match(question) or _IN_FULL.match(question)
    if stands is not None:
        return stands.group("acronym")
    # "Who are the LNR and DNR?" asks the same as "What are …?".
    who = re.match(r"^\W*who\s+(?:is|are|was|were)\s+(?:the\s+)?(?P<term>[^?]+?)\s*[?.!]*\s*$", question, re.I)
    term = defined_term(question) or (who.group("term") if who is not None else None)
    pair = re.fullmatch(r"([A-Z]{2,6})(?:\s+and\s+(?:the\s+)?[A-Z]{2,6})?", term) if term is not None else None
    return pair.group(1) if pair is not None else None


def _spelt_out(retriever: Retriever, question: str, acronym: str, started: float) -> Answer | None:
    """The sentence that gives the acronym in brackets after the words it stands for ("Luhansk and
    Donetsk People’s Republics (LNR and DNR)"), those words as the short answer; None when no passage
    found for the acronym has one."""
    expansion = re.compile(
        r"(?P<words>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|and|of|for|de|the|on)){0,8})\s*\(\s*[*_]?"
        rf"(?:[^()]*?\W)?{acronym}(?:\W[^()]*)?\)"
    )
    passages = retriever.rank(retriever.analyse(acronym, [], exact=True), ACRONYM_PASSAGES)
    candidates = _candidates(passages)
    defined = [c for c in candidates if definition_of(c.text, acronym) is not None]
    if defined and not _STANDS_FOR.match(question) and not _SPELT_IN_FULL.search(question):
        # "What is the IAI?" is answered by what a sentence says it is ("a private, independent
        # non-profit think tank …"), not by the words it stands for; "What is the full name of the
        # IAI?" by those words (it had bolded "Altiero Spinelli").
        return None
    # The sentence that also says what it is comes first ("The Istituto Affari Internazionali (IAI) is
    # a private, independent non-profit think tank …", not Alcaro's "… at the Istituto …").
    first = {id(c) for c in defined}
    for candidate in [*defined, *(c for c in candidates if id(c) not in first)]:
        found = expansion.search(candidate.text)
        if found is None or found.group("words").upper() == acronym:
            continue
        text, citations, support = compose([candidate])
        start, end = found.span("words")
        opening = re.match(r"(?:The|the|A|An)\s+", candidate.text[start:end])
        short = _short(candidate, Span(start + (opening.end() if opening else 0), end, 1.0), support)
        return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)
    return None


def _in_sentence(label: str) -> str:
    """A source label as it reads inside a sentence: "the 1 April 2022 opinion commentary"."""
    return "the" + label[3:] if label.startswith("The ") else label


def _fact_in_text(retriever: Retriever, doc_id: str, fact: str) -> tuple[Candidate | None, str]:
    """The line of a document's own text that states a fact, or None and what to say instead: that
    its source has no such fact, or what the source's record gives when the text does not."""
    record = retriever.documents[doc_id]
    named = _in_sentence(source_label(record.meta))
    value = fact_value(record.meta, fact)
    if value is None:
        return None, NO_FACT[fact].format(doc=named)
    where = fact_line(record.text, record.segments, fact, value)
    candidate = _candidate_at(retriever, record.doc_id, *where, 1.0) if where else None
    if candidate is None:
        # Not in any passage, so not quoted: said as the record's, and marked as no answer from the text.
        note = record.meta.get(f"{fact}_note")
        note = f" ({note.strip().rstrip('.')})" if isinstance(note, str) and note.strip() else ""
        article = "an" if value[:1].lower() in "aeiou" else "a"
        return None, FACT_OUTSIDE_TEXT[fact].format(doc=named, value=value, note=note, article=article)
    return candidate, ""


def _source_of_previous(
    retriever: Retriever, question: str, previous: str, s: AnswerSettings, started: float,
    history: Sequence[dict[str, str]] = (),
) -> Answer | None:
    """The footnotes cited by the sentences that answer the previous question (asked after the
    `history` before it), quoted with their citations; the publication's name (in italics after
    "in") as the short answer when the question asks for a newspaper, journal or outlet. When those
    sentences cite no footnote, an abstention that says so, with them as the closest passages; None
    when the previous question has no answer."""
    earlier = answer(previous, history=list(history) or None, retriever=retriever, settings=s)
    if earlier.abstained or not earlier.support:
        return None
    for sentence in earlier.support:
        notes = retriever.footnotes_cited(sentence.doc_id, _covering_markers(retriever, sentence))
        if not notes:
            continue
        # The whole first note, however many sentences it holds.
        chosen = _candidates(notes[:1])
        text, citations, support = compose(chosen, _labels(retriever, chosen))
        outlet = _outlet_named(chosen[0].text, question)
        # "Who reported that figure?": the note's authors ("David Lawder").
        authors = cited_authors(chosen[0].text) if outlet is None and expected_type(question) == PERSON else None
        marked = outlet or (Span(*authors, 1.0) if authors is not None else None)
        short = _short(chosen[0], marked, support) if marked is not None else None
        return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)
    speakers = list(dict.fromkeys(source_label(retriever.documents[sentence.doc_id].meta) for sentence in earlier.support
                                  if sentence.doc_id in retriever.documents)) if _ASKS_WHO_SAYS_SO.match(question) else []
    if speakers:
        # "Says who?" after "about 10 percent of the population — now outside the country": the April
        # piece, which gives it without a source (it had abstained, as for "Where does that come from?").
        said = SAID_UNSOURCED.format(source=" and ".join(speakers), verb="say" if len(speakers) > 1 else "says")
        return Answer(question, f"{said}\n\n{earlier.text}", earlier.citations, earlier.support, False, 1.0, [],
                      time.perf_counter() - started)
    return Answer(question, NO_SOURCE_CITED, [], [], True, 0.0, earlier.citations, time.perf_counter() - started)


# "Says who?", "Who said that?", "According to whom?": who says what the previous answer says.
_ASKS_WHO_SAYS_SO = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:says\s+who|according\s+to\s+whom|who\s+(?:says|said|claims|claimed|states|stated|"
    r"writes|wrote|thinks|argues|argued)\s+(?:so|that|this)\b)", re.I
)


def _numbered_note(retriever: Retriever, question: str, number: int, started: float) -> Answer:
    """"What is footnote 10 about?": the whole note with that number, of each document the question
    points at (all when it points at none), under its document's label when there are several; an
    abstention that says so when no document has it."""
    metas = {d: r.meta for d, r in retriever.documents.items()}
    marker = str(number).translate(_TO_SUPERSCRIPT)
    notes = [note for doc_id in pointed_documents(question, metas) or sorted(metas)
             for note in retriever.footnotes_cited(doc_id, marker)[:1]]
    if not notes:
        return Answer(question, NO_SUCH_NOTE.format(n=number), [], [], True, 0.0, [], time.perf_counter() - started)
    # A note is quoted whole, however many sentences it holds.
    chosen = _candidates(notes)
    if len(notes) > 1:
        text, citations, support = _labelled(retriever, chosen, "")
    else:
        text, citations, support = compose(chosen, _labels(retriever, chosen))
    return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started)


# "What is footnote 10 about?", "What does note 4 say?", "Show me footnote no. 12".
_ASKS_NOTE = re.compile(r"\b(?:foot)?notes?\s+(?:no\.?\s*|number\s+)?(?P<n>\d{1,3})\b(?![.,]\d)", re.I)
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)
NO_SUCH_NOTE = "The documents have no footnote {n}."


def _outlet_named(text: str, question: str) -> Span | None:
    """For a question asking for a newspaper, journal or outlet, or where something was reported, the
    outlet a reference names ('"...", in *Financial Times*, 4 March 2022'), not its authors; None otherwise."""
    asks = (_ASKS_OUTLET.search(question) or _WHO_PUBLISHED.match(question)
            or re.match(r"^\W*(?:(?:and|but|so)\s+)?where\b", question, re.I)
            # "Who reported that Kyiv was stalling the talks?" of a reference naming no authors: its outlet.
            or _WHO_REPORTED.match(question) and cited_authors(text) is None)
    found = PUBLICATION.search(text) if asks else None
    return Span(found.start(1), found.end(1), 1.0) if found is not None else None


def _covering_markers(retriever: Retriever, sentence: Support) -> str:
    """The footnote markers that cover a sentence: its own, else the first one later in its
    paragraph (a note at the end of a paragraph's last sentence often covers the ones before it)."""
    if FOOTNOTE_MARKER.search(sentence.sentence):
        return sentence.sentence
    record = retriever.documents.get(sentence.doc_id)
    if record is None:
        return ""
    end = record.text.find("\n", sentence.end)
    found = FOOTNOTE_MARKER.search(record.text, sentence.end, end if end >= 0 else len(record.text))
    return found.group(0) if found else ""


def _published_by_named(retriever: Retriever, text: str) -> list[DocumentRecord]:
    """The document records whose publisher the text names (`contact.names_publisher`), in index order."""
    records = list(retriever.documents.values())
    publishers = {r.meta.get("publisher") for r in records if isinstance(r.meta.get("publisher"), str)}
    return [r for r in records if isinstance(r.meta.get("publisher"), str)
            and names_publisher(text, r.meta["publisher"], len(publishers))]


def _contact(retriever: Retriever, question: str, about: str, kind: str, started: float) -> Answer | None:
    """"Where is the IAI based?", "What is the IAI's e-mail?": the lines of the contact block of the
    publisher the question (or, for a follow-up, `about`: it joined to the question before it) names,
    with the city, address, e-mail, phone or web address as the short answer. None when no
    document's publisher is named or its block has no such line."""
    for record in _published_by_named(retriever, about):
        block = [(seg["start"], seg["end"]) for seg in record.segments if seg.get("kind") == BOILERPLATE]
        if not block:
            continue
        first, last = min(s for s, _ in block), max(e for _, e in block)
        detail = contact_detail(record.text, kind, first, last)
        candidate = _candidate_at(retriever, record.doc_id, detail.start, detail.end, 1.0) if detail else None
        if candidate is None and kind == FAX and (phone := contact_detail(record.text, PHONE, first, last)) is not None:
            # "What is the IAI's fax number?": its block gives a telephone, no fax; the telephone is no
            # answer (it had been given as the fax), but the lines that are there are the closest.
            near = _candidate_at(retriever, record.doc_id, phone.start, phone.end, 1.0)
            publisher = record.meta.get("publisher") or "the publisher"
            return Answer(question, f"The documents give no fax number for {publisher}.", [], [], True, 0.0,
                          [near.passage] if near is not None else [], time.perf_counter() - started)
        if candidate is None:
            continue
        text, citations, support = compose([candidate])
        span = Span(detail.answer_start - detail.start, detail.answer_end - detail.start, 1.0)
        short = _short(candidate, span, support) if span.end > span.start else None
        return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)
    return None


# A question for the outlet that published a cited work, and that outlet's name in a reference
# ('"Title", in *Financial Times*, 20 March 2022').
_ASKS_OUTLET = re.compile(r"\b(?:newspapers?|journals?|magazines?|outlets?|publications?|papers?|series|news ?agency|which paper)\b", re.I)
# "Who reported that Kyiv was stalling the talks?": a cited work's authors, else its outlet.
_WHO_REPORTED = re.compile(r"^\W*(?:(?:and|but|so)\s+)?who\s+(?:reported|reports|has\s+reported)\b", re.I)
# "Who published the report on war damage …?": the outlet that ran a cited work, not its authors.
# "Who was the Washington Post piece about?": the topic of a work, not who wrote it.
_ASKS_WHOM_ABOUT = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:who|whom)\s+(?:is|was|are|were)\s+.+?\s+about\s*[?.!]*\s*$", re.I)
_WHO_PUBLISHED = re.compile(r"^\W*(?:(?:and|but|so)\s+)?who\s+(?:published|publishes|ran|carried|printed|put\s+out)\b", re.I)
# "Which document was written by an Italian think tank?", "Which commentary cites the OHCHR?": one of
# the documents, which the answer names by its source (not "Which article …?", which may ask for a cited work).
# "In which commentary does Venezuela come up?", "In which document is Mariupol mentioned?".
_MENTIONED_IN_WHICH = re.compile(
    r"^\W*in\s+(?:which|what)\s+(?:of\s+the\s+(?:two\s+)?)?(?P<kind>documents?|commentar(?:y|ies)|pieces?|texts?|articles?)\s+"
    r"(?:does|do|did|is|are|was|were)\s+(?P<thing>[^?]+?)\s+(?:come\s+up|appear|feature|show\s+up|(?:get\s+)?mentioned|"
    r"named|discussed|cited|brought\s+up)\s*[?.!]*\s*$",
    re.I,
)
_ASKS_WHICH_DOCUMENT = re.compile(
    r"^\W*(?:and\s+)?(?:which|what)\s+(?:one\s+of\s+the\s+|of\s+the\s+)?(?:two\s+)?"
    # "Which article mentions the 2014 annexation of Crimea?"; not "What article was published in 1937?",
    # which asks for a work by its title (XQuAD).
    r"(?:(?:articles?|pieces?|papers?)\s+(?:mentions?|mentioned|discuss(?:es|ed)?|talks?|covers?|refers?|speaks?)\b|"
    r"(?:documents?|commentar(?:y|ies)|sources?|texts?)\s+"
    # What a document does, not what a thing called a document did ("What document formed the
    # Parliament of Victoria?") nor "Which source of energy …".
    r"(?:says?|said|mentions?|mentioned|cites?|cited|quotes?|quoted|discuss(?:es|ed)?|argues?|argued|claims?|"
    r"describes?|described|talks?|covers?|names?|named|refers?|predicts?|warns?|suggests?|recommends?|proposes?|"
    r"reports?|notes?|lists?|speaks?|explains?|(?:is|was|were|are)\s+(?:written|published|authored|by|from))\b)",
    re.I,
)
# "Which article was published by Reuters on 18 March 2022?": a work, named by its title.
_ASKS_WHICH_WORK = re.compile(
    # "Which of his own earlier IAI pieces does Alcaro refer readers to?": "of" its author's own first.
    r"^\W*(?:which|what)\s+(?:of\s+(?:the|his|her|their|its)\s+(?:own\s+)?)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:article|piece|report|paper|story|op-ed|study|briefing|commentar(?:y|ie))s?\s+"
    # "Which earlier commentary of his own does Alcaro cite?"
    # "Which article reported Turkey's view on the talks?": a verb of its own (it had bolded "Al Jazeera").
    r"(?:of\s+(?:his|her|their|its)\s+own\s+)?(?:was|were|is|did|does|has|had|reported|said|wrote|covered|described|"
    r"claimed|quoted|cited|stated|discussed|explored|examined|analy[sz]ed|mentioned)\b", re.I,
)
# "What did Alcaro write in February 2022?": a work, named by its title; not "What did Alcaro write
# about China?", which asks what he wrote. "What did Guy Chazan write about?": the title says, of
# the work a reference cites (the reader had bolded his co-authors).
_ASKS_WHAT_WRITTEN = re.compile(
    r"^\W*(?i:what\s+(?:did|has|had|does))\s+(?:[A-Z][\w’'-]+\s+){1,3}(?:write|written|publish|published|author|authored)"
    r"(?:\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4}|\s+about)?\s*[?.!]*\s*$"
)
# The title of a work, not a person's ("What is Alcaro's title?").
_ASKS_TITLE = re.compile(
    # A headline is a work's title by itself: "What is the Financial Times headline of 17 March?".
    r"\bheadlines?\b|"
    r"\b(?:title|headline)\b.*\b(?:article|commentar(?:y|ies)|piece|paper|report|book|study|work|publication|"
    r"essay|op-ed|editorial|story|briefing)\b|\b(?:article|commentary|piece|paper|report|book|study|essay|story)\b.*"
    r"\b(?:title|headline)\b|\btitled\b"
    # "Under what title did Alcaro publish in February 2022?": a title, asked of what someone published.
    r"|^\W*(?:under|with)\s+(?:what|which)\s+(?:title|headline)\b",
    re.I,
)
# "How much aid did Biden announce, according to the New York Times headline?": the headline is where
# the answer is read, not what is asked.
_HEADLINE_AS_SOURCE = re.compile(
    # "Which city is Russia tightening its grip on, per the FT headline Alcaro cites?": a thing of the headline.
    r"^\W*(?:how\s+(?:much|many)|when|where|who|whom|(?:which|what)\s+(?!(?:title|headline|name)\b)[a-z]+\s+(?:is|are|was|were|did|does|do|has|have)\b)"
    r".*\b(?:according\s+to|per|in)\s+(?:the\s+|its\s+)?(?:[\w’'.-]+\s+){0,4}?"
    r"headlines?\b(?:\s+(?:cited|quoted|given|referenced)|\s+(?:[A-Z][\w’'-]*\s+)?(?:cites|quotes|gives|mentions))?\s*[?.!]*\s*$",
    re.I,
)
_QUOTED_TITLE = re.compile(r"[\"“]([^\"“”\n]{4,200}?)[\"”]")
# A title in italics, as a catalogue gives it: "- 22 | 10 Leo Goretti, *Putin’s Use and Abuse of History …*".
_ITALIC_TITLE = re.compile(r"(?<![*\w])\*([^*\n]{4,200}?)\*(?![*\w])")
_SOURCE = re.compile(r"\bsources?\b", re.I)
# "What is the source for the casualty figures?", "Who is the source of …?", "Where do the refugee
# figures come from?": the source of what the topic's sentences say.
_SOURCE_FOR = re.compile(
    r"^\s*(?:(?:what|which|who)\s+(?:is|was|are|were)\s+the\s+sources?\s+(?:for|of|behind)\s+(?P<topic>.+?)"
    # "Which source backs up the refugee numbers?"
    r"|(?:what|which)\s+(?:sources?|references?|footnotes?|notes?)\s+(?:backs?\s+up|supports?|underpins?|stands?\s+behind|"
    r"(?:is|are|was|were)\s+(?:cited|given)\s+for)\s+(?P<backed>.+?)"
    r"|where\s+(?:do|does|did)\s+(?P<came>.+?)\s+come\s+from)\s*[?.!]*\s*$",
    re.I,
)
# What a source stands behind: figures, estimates, claims ("the source of the war" asks for a cause).
_SOURCED = re.compile(
    r"\b(?:figures?|numbers?|data|estimates?|statistics?|counts?|tolls?|tall(?:y|ies)|claims?|quotes?|quotations?|"
    r"reports?|information|casualt(?:y|ies)|losses|deaths|damage)\b",
    re.I,
)
# "Who estimated that?" after "How many soldiers has Russia lost?" ("… are estimated to have lost
# around 6–7,000 soldiers each"): whoever made the figure, which the sentence's footnote names.
_WHO_COUNTED = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:who|according\s+to\s+whom)\b.*?\b(?:estimat|count|calculat|compil|measur|tall)\w*",
    re.I,
)
# What "that" may point at in the previous answer: "that figure", "these numbers".
_FIGURES = r"(?:figures?|numbers?|estimates?|data|statistics?|claims?)"
# "Where was that reported?", "Who reported it?", "Where does that (figure) come from?": the source of the previous answer.
_WHERE_REPORTED = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:(?:where|who)\s+(?:(?:was|is|has\s+been)\s+(?:that|this|it)\s+(?:reported|published|documented)"
    rf"|reported\s+(?:that|this|it)|(?:does|did|do)\s+(?:that|this|it|these|those)(?:\s+{_FIGURES})?\s+come\s+from)\b"
    # "Where is that from?", "What is the source?", "What's the source for that?", "Source?"
    r"|where\s+(?:is|was|are|were)\s+(?:that|this|it|these|those)\s+from\b"
    # "According to whom?", "Says who?", "Who says so?"
    r"|according\s+to\s+whom\s*[?.!]*\s*$|says\s+who\s*[?.!]*\s*$|who\s+(?:says|said)\s+(?:so|that|this)\s*[?.!]*\s*$"
    r"|(?:(?:the|its|their|a|any)\s+)?sources?\s*[?.!]*\s*$"
    r"|what(?:\s+is|\s+was|[’']s)\s+(?:the|its|their)\s+sources?(?:\s+(?:for|of)\s+(?:that|this|it|these|those|them))?\s*[?.!]*\s*$)",
    re.I,
)
# "... for that?", "Which newspaper reported it?", "Which paper does he cite?": about the previous answer.
_CITES = re.compile(r"\b(?:cite|cites|cited|citing)\b", re.I)
_GIVES = {"cite": "give", "cites": "gives", "cited": "gave", "citing": "giving"}
_POINTS_AT_ANSWER = re.compile(
    r"\b(?:that|this|it|these|those|them)\s*[?.!]*\s*$|\b(?:that|this|it)\s+(?:reported|cited|sourced|documented)\b"
    r"|\b(?:he|she|they|the author|the writer)\s+(?:cites?|cited|quotes?|quoted|uses?|used|relies|rely|draws?)\b"
    # "Where does that figure come from?", "What is the source of these numbers?"
    rf"|\b(?:that|this|these|those)\s+{_FIGURES}\b",
    re.I,
)


# "according to the author", "in the article": no one document named, and no word of what is asked.
_ANY_SOURCE = re.compile(
    r",?\s*\b(?:according\s+to|in|for|per)\s+(?:the|this|that|these|those)\s+(?:authors?|writers?|articles?|documents?|texts?|"
    r"pieces?|commentar(?:y|ies)|sources?)\b(?=\s*[?.!]*\s*$)"
    # "…, in the writer's view?"
    r"|,?\s*\bin\s+the\s+(?:authors?|writers?)[’']s?\s+(?:view|opinion|eyes|judge?ment)\b(?=\s*[?.!]*\s*$)",
    re.I,
)
_ABOUT_WRITING = re.compile(r"\b(?:write|writes|wrote|written|writing|publish|published|publishes)\b", re.I)
# Earlier turns a chain of follow-ups may reach back through ("Who wrote the IAI commentary?",
# "What is his job?", "When did he write it?").
FOLLOW_UP_CHAIN = 3


# "And the other one?", "What about the other commentary?", "The other piece?"
_OTHER_DOCUMENT = re.compile(
    rf"^\W*(?:(?:and|but|what\s+about|how\s+about)\s+)?(?:for\s+|of\s+)?the\s+other\s+(?:one|{DOCUMENT_NOUNS})\s*[?.!]*\s*$",
    re.I,
)
# "And the April one?", "What about the IAI commentary?": a document named alone, by its metadata.
_DOCUMENT_ALONE = re.compile(
    rf"^\W*(?:and|but|what\s+about|how\s+about)\s+(?:for\s+|of\s+|in\s+)?(?P<document>(?:the|that)\s+(?!other\b)"
    rf"(?:[\w’'-]+\s+){{1,3}}?(?:one|{DOCUMENT_NOUNS}))\s*[?.!]*\s*$",
    re.I,
)


def _one_document_named(phrase: str, metas: Mapping[str, Mapping[str, Any]]) -> tuple[str | None, set[str]]:
    """The one document a phrase names best by its metadata words (its author's aside), and those
    words; (None, empty) when none or several name it as well."""
    _, matched = named_documents(phrase, metas)
    best = max((len(words - AUTHOR_WORDS) for words in matched.values()), default=0)
    named = [d for d, words in matched.items() if best and len(words - AUTHOR_WORDS) == best]
    return (named[0], matched[named[0]] - AUTHOR_WORDS) if len(named) == 1 else (None, set())


# A document named by its metadata and a word for a document: "the IAI commentary", "the April piece".
# "the IAI commentary", "Alcaro's commentary": a document named by its metadata.
_DOCUMENT_PHRASE = re.compile(
    rf"\b(?:(?:the|this|that)\s+(?:[\w’'-]+\s+){{1,4}}?|(?-i:[A-Z])[\w-]*['’]s\s+(?:[\w’'-]+\s+){{0,3}}?)(?:{DOCUMENT_NOUNS})\b", re.I
)


def _other_document(question: str, previous: str, metas: Mapping[str, Mapping[str, Any]]) -> str | None:
    """The previous question asked of the other document, when the collection has two and the
    previous question named one by its metadata: "When was the IAI commentary published?" then
    "And the other one?" is asked as "When was the commentary published?" of the other's title.
    So is "And the April one?", which names the other by its metadata, in a collection of any size,
    after a question for a fact of the document (its date, publisher, title or author); not after
    "What does the IAI commentary say about China?", whose subject the document's title would drown."""
    phrase = _DOCUMENT_PHRASE.search(previous)
    alone = _DOCUMENT_ALONE.match(question) if asks_fact(previous) is not None or asks_author(previous) else None
    if phrase is None or alone is None and (_OTHER_DOCUMENT.match(question) is None or len(metas) != 2):
        return None
    this, words = _one_document_named(phrase.group(0), metas)
    if this is None:
        return None
    if alone is not None:
        other, _ = _one_document_named(alone.group("document"), metas)
        if other is None or other == this:
            return None
    else:
        other = next(d for d in metas if d != this)
    named = '|'.join(map(re.escape, words))
    # "When did Alcaro's commentary come out?" -> "When did the commentary come out …?".
    asked = re.sub(rf"\b(?:{named})['’]s\b", "the", previous, flags=re.I)
    asked = re.sub(rf"\b(?:{named})\b", " ", asked, flags=re.I)
    title = metas[other].get("title") or other
    return f"{' '.join(asked.split()).rstrip('?. ')} ({title})?"


def _not_again(ranked: list[Candidate], said: Sequence[str], least: float) -> list[Candidate]:
    """The ranking with the sentences the earlier replies quoted (`said`, as `plain_reply` gives
    them) behind the others, when the best of the others still scores at least `least`: "And the
    third?" after the list of three components asks for more than the sentence listing them. Else
    as it is: quoting it again beats abstaining. (An item's own sentence, "The first is the status
    of the contested regions: …", is no listing sentence: it answers "What is the first one?".)"""
    replies = [" ".join(reply.split()) for reply in said]

    def quoted(candidate: Candidate) -> bool:
        text = " ".join(plain_reply(candidate.text).split())
        return any(text in reply for reply in replies)

    fresh = [c for c in ranked if not quoted(c)]
    if not fresh or fresh[0] is ranked[0] or fresh[0].score < least:
        return ranked
    return fresh + [c for c in ranked if quoted(c)]


def _listing_replies(context: Sequence[str], replies: Sequence[str]) -> list[str]:
    """The last FOLLOW_UP_CHAIN replies that may hold the list a pointer ("the third one") points
    into, oldest first: not a reply to a question that itself pointed at an item. "And the third?"
    after "Tell me more about the second one." goes on through the list that one pointed into, not
    through the names in the reply about the second item ("Ukrainian President Volodymyr Zelensky
    … Ukraine’s")."""
    if len(context) != len(replies):
        return list(replies[-FOLLOW_UP_CHAIN:])
    return [reply for turn, reply in zip(context[-FOLLOW_UP_CHAIN:], replies[-FOLLOW_UP_CHAIN:]) if not points_at_item(turn)]


def _best_reading(
    readings: Sequence[str], index: Path | str | None, retriever: Retriever | None, settings: AnswerSettings | None
) -> str | None:
    """The first of the readings of a follow-up (likeliest first) that the documents answer, each
    asked alone; None when there are none or every one abstains. Not the most confident: a reading
    that keeps the earlier subject ("… the United States provided to the EU?") is answered as
    confidently as the earlier question was."""
    for reading in readings:
        answered = _answer(reading, None, index, retriever, settings, ())
        # "And Alcaro?" after "What does the April commentary say about Germany?": that Alcaro does
        # not mention Germany answers the likelier reading, not "What does the April commentary say about Alcaro?".
        if not answered.abstained or _SAYS_NOT_NAMED.fullmatch(answered.text):
            return reading
    return None


def _antecedents(context: Sequence[str]) -> list[str]:
    """The earlier turns a follow-up points back to: the last one, and while that one points back
    too, the ones before it (at most FOLLOW_UP_CHAIN), oldest first."""
    chain: list[str] = []
    for turn in reversed(context[-FOLLOW_UP_CHAIN:]):
        chain.insert(0, turn)
        if not refers_back(turn):
            break
    return chain


# A word that makes a question of its own: "And in the south?" has none, "And who signed it?" has one.
_ASKING_WORD = re.compile(r"\b(?:who|whom|whose|what|whats|which|when|where|why|how)\b", re.I)
# A question for a manner or a reason, which no short answer answers ("How are Russian forces doing
# …?"); not "How many …?" (a list's "And the fourth?" asks for an item, which one may).
_ASKS_HOW_OR_WHY = re.compile(
    rf"^\W*(?:(?:and|but|so)\s+)?(?:why|how(?!\s+{HOW_OF_AMOUNT}\b))\b", re.I
)


class FollowUp(NamedTuple):
    """A follow-up as the short-answer reader takes it: `joined`, the question with the earlier
    turns it needs; `answered`, what the earlier reply answered (`_reply_answer`); `unmarked`, the
    question that reply answered when the reply is plain text, with no short answer marked in it
    (else empty)."""

    joined: str
    answered: str
    unmarked: str


# "What about China?": a name offered in place of the answer to the question before.
_ABOUT_NAME = re.compile(r"^\W*(?i:(?:(?:and|but|so)\s+)?(?:what|how)\s+about\s+(?:the\s+)?)[A-Z]")
_ASKS_NAME = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:who|whom|whose|which)\b", re.I)


def _also_one(question: str, context: Sequence[str]) -> bool:
    """True when the question offers a name in place of the answer the question before asked for
    ("Which countries have been active in mediation?" then "What about China?"): it asks whether
    that one is one too, which no other name answers (the reader had made "Ukraine" of "Ukraine has
    also called on China to step in")."""
    return bool(context) and _ABOUT_NAME.match(question) is not None and _ASKS_NAME.match(context[-1]) is not None


def _clause_around(answer: Answer) -> str:
    """The clause its short answer stands in: the cited passage's text between the clause marks
    (commas, semicolons, full stops) around it; empty without a short answer."""
    short = answer.short
    if short is None or not 0 < short.citation <= len(answer.citations):
        return ""
    text, start, end = answer.citations[short.citation - 1].text, short.passage_start, short.passage_end
    opening = max(text.rfind(mark, 0, start) for mark in ",;.")
    closing = min((i for i in (text.find(mark, end) for mark in ",;.") if i >= 0), default=len(text))
    return text[opening + 1 : closing]


def _follow_up(question: str, context: list[str], history: Sequence[Any] | None) -> FollowUp | None:
    """For a follow-up that points back ("And the second largest?", "What is his job?"): the
    question with the earlier question before it, and what the earlier reply answered. None for
    other questions."""
    # "Who signed it?" after "What is the Budapest memorandum?" is read with it, too.
    if not context or not points_back(question):
        return None
    replies = assistant_turns(history)
    # "And the second largest?" after "Which bank is Russia's largest?" and "Has it been
    # sanctioned?": the earlier turns back to one that stands alone, so that the reader knows what
    # is the largest.
    turns = [context[-1]]
    for earlier in reversed(context[-FOLLOW_UP_CHAIN:-1]):
        if not points_back(turns[0]):
            break
        turns.insert(0, earlier)
    if _ASKS_ITS_OWN.match(question):
        # "What weapons did that include?" after "How much security aid has the United States
        # given?": read with "How much ...", the reader answered the first question ("$2 billion").
        # "security aid has the United States given?" only says what "that" is. "What about the
        # EU?" asks the earlier question again: its question word stays.
        turns = [_OPENING_QUESTION_WORD.sub("", turn, count=1) or turn for turn in turns]
    answered = _reply_answer(replies[-1], context[-1]) if replies else ""
    unmarked = context[-1] if answered and _BOLD_LEAD.match(replies[-1]) is None else ""
    return FollowUp(" ".join([*turns, question]), answered, unmarked)


# "And who …?", "But which …?": another of what the turn before asked for.
_ASKS_ANOTHER = re.compile(r"^\W*(?:and|but)\s+(?:who|which|what|where|when)\b", re.I)
# A follow-up asking about the thing the reply before gave: "What weapons did that include?", "Why
# was that a first?", "What did it cost?".
_OF_THE_ANSWER = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:what|which|why|how|when|where|who)\b[^?]*?\b"
    r"(?:did|does|do|was|is|were|are|has|had|will|would|could)\s+(?:that|this|it)\b",
    re.I,
)


def _tokens(text: str) -> set[str]:
    """The text's words and amounts in lower case, without the punctuation after them ("$2", "billion")."""
    return {t for w in re.findall(r"[\w’'$.,-]+", text.lower()) if (t := w.strip(".,"))}


def _answer_sentence_first(ranked: list[Candidate], answered: str, depth: int) -> list[Candidate]:
    """`ranked` with the first of its best `depth` sentences that gives what the reply before answered
    (each of its words and numbers, "More than $2 billion.") leading: "What weapons did that include?"
    after that reply is about the $2 billion of US aid, not the European countries' "similar weapons"."""
    words = _tokens(answered) - QUERY_STOPWORDS
    if not words or len(answered.split()) > SHORT_REPLY_WORDS:
        return ranked
    giving = next((c for c in ranked[:depth] if words <= _tokens(c.text)), None)
    if giving is None or giving is ranked[0]:
        return ranked
    return [giving, *(c for c in ranked if c is not giving)]


# A follow-up's pronoun for the thing the conversation is about.
# "it", "them", or "which one" of the things the reply before named ("Which one depends on sanctions?"
# after the two variables of the war).
_IT_OR_THEM = re.compile(r"\b(?:it|its|them|their)\b|^\W*(?:(?:and|but|so)\s+)?which\s+one\b", re.I)


# "that message", "this plan", "it": what the reply before said, pointed at.
_POINTS_AT_REPLY = re.compile(r"\b(?:that|this|these|those)\s+[a-z]{3,}\b|\b(?:it|its|them|their)\b", re.I)
# A follow-up that is nothing but what it asks for: "On which day of the week?", "In what year?",
# "Where?": it asks that of what the reply before told.
_ONLY_WHAT_ASKED = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:(?:on|in|at|by|from)\s+)?(?:when|where|who|which|what)"
    r"(?:\s+(?:day|date|year|month|time|city|town|place|country)(?:\s+of\s+the\s+(?:week|month|year))?)?"
    r"(?:\s+(?:was|is|were)\s+(?:that|this|it))?\W*$", re.I)


def _asks_type_of_reply(question: str, wanted: str | None, history: Sequence[Any] | None) -> bool:
    """True when a follow-up that points at the reply before ("Who passed it on in person?") or asks
    nothing else ("On which day of the week?") asks for a person, a date, a number or a place."""
    return (bool(history) and wanted in (PERSON, DATE, NUMBER, PLACE) and bool(assistant_turns(history))
            and (_POINTS_AT_REPLY.search(question) is not None or _ONLY_WHAT_ASKED.match(question) is not None))


def _with_reply_passage(retriever: Retriever, passages: list[Passage], reply: str) -> list[Passage]:
    """`passages` with the best passage holding a sentence the reply quoted, when none of them does:
    "it" in "Who passed it on in person?" is what the reply said, in none of the question's words."""
    if any(c.text in reply for c in _candidates(passages)):
        return passages
    held = {p.id for p in passages}
    found = retriever.rank(retriever.analyse(plain_reply(reply), exact=True), REPLY_PASSAGES)
    quoting = next((p for p in found if p.id not in held and any(c.text in reply for c in _candidates([p]))), None)
    return [*passages, quoting] if quoting is not None else passages


def _typed_about_reply(
    ranked: list[Candidate], question: str, wanted: str | None, history: Sequence[Any] | None, below: float
) -> Candidate | None:
    """For a follow-up that asks a type of the reply before (`_asks_type_of_reply`), its best sentence
    when the reply quoted it and it gives one; when no sentence is likely enough (`below`), the
    best-ranked such sentence; else None. A likely sentence the reply did not quote answers:
    "Who said the Russian constitution rules out talks on it?" is Peskov's, not the reply's Lavrov."""
    if not ranked or not _asks_type_of_reply(question, wanted, history):
        return None
    reply = assistant_turns(history)[-1]
    quoting = [c for c in ranked if c.text in reply and has_type(c.text, wanted, question)]
    if quoting and (quoting[0] is ranked[0] or ranked[0].score < below):
        return quoting[0]
    return None


# A yes-or-no question about what the reply before named: "Is it the biggest one?", "Was he right?".
_ASKS_IF_IT = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:is|are|was|were|does|do|did|has|have)\s+(?:it|he|she|they|that|this)\b", re.I)


def _checks_reply(
    ranked: list[Candidate], question: str, history: Sequence[Any] | None, judged_only: bool = False
) -> Candidate | None:
    """For a yes-or-no follow-up that judges the reply before ("Does the April author agree?"), the
    best-ranked sentence the reply quoted; for one that asks whether what it named is what the
    question says ("Is it the biggest one?"), the first quoted sentence that speaks to the question's
    own words (a form or a synonym: "second-largest" for "biggest"); else None. However the question
    alone ranks them: its words are not the reply's. With `judged_only`, only the first kind."""
    replies = assistant_turns(history) if history else []
    if replies and _ASKS_LIKELIHOOD.match(question):
        # "How likely does he think that is?" after "… unless it agrees to withdraw all its forces …
        # – a rather implausible scenario": the quoted sentence that judges how likely (it had abstained).
        return next((c for c in ranked if c.text in replies[-1] and _LIKELIHOOD_SAID.search(c.text)), None)
    if replies and _EVER_BEFORE.match(question):
        # "Had the bloc ever done that before?" after "… approving the shipment of lethal weapons … for
        # the first time in its history": the quoted sentence that says it is a first (it had abstained).
        return next((c for c in ranked if c.text in replies[-1] and _FIRST_TIME_SAID.search(c.text)), None)
    if not replies or not _ASKS_IF.match(question):
        return None
    own = _own_words(question)
    judged = _judges_reply(own)
    if judged_only and not judged:
        return None
    quoted = [c for c in ranked if c.text in replies[-1]]
    if judged:
        return quoted[0] if quoted else None
    if _ASKS_IF_IT.match(question) is None or not (said := own - _VERDICT - _SOURCE_POINTERS - _PRO_VERB - {"one"}):
        return None
    forms = said | {w[:NAME_STEM] for word in _words(question) if word[:NAME_STEM] in said for w in synonyms_of(word)}
    # Else the sentence right after a quoted one: "Is it working?" after "Russia recently insisted on
    # conducting payments … in rubles …" is told by the next, "Such financial manipulations are working".
    after = [c for c in ranked if c not in quoted and any(_follows_on(q, c) for q in quoted)]
    # By the word's stem too: "worked" and "working" share no first letters enough (`NAME_STEM`).
    stems = {snowball_stem(w) for w in _words(question) if w[:NAME_STEM] in said}

    def speaks(text: str) -> bool:
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
        return bool(forms & {w[:NAME_STEM] for w in words} or stems & {snowball_stem(w) for w in words})

    return next((c for c in [*quoted, *after] if speaks(c.text)), None)


# "Had the bloc ever done that before?", "Has it ever done so?": whether what the reply told is a first.
_EVER_BEFORE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:has|had|have|did)\s+[^?]*?\bever\s+(?:done|do|did)\s+(?:that|this|so|it|such\s+a\s+thing)"
    r"(?:\s+before)?\s*[?.!]*\s*$",
    re.I,
)
_FIRST_TIME_SAID = re.compile(r"\b(?:for\s+the\s+first\s+time|never\s+before|unprecedented|a\s+first)\b", re.I)
# "How likely is that?", "How realistic does he think that is?", "Is that likely?": how likely what
# the reply said is.
_ASKS_LIKELIHOOD = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:how\s+(?:likely|probable|plausible|realistic|feasible)\s+(?:is|was|are|were|does|do|did)\b"
    r"[^?]*\b(?:that|this|it|so)\b|(?:is|was)\s+(?:that|this|it)\s+(?:(?:at\s+all|very|really)\s+)?"
    r"(?:likely|probable|plausible|realistic|feasible)\b)",
    re.I,
)
# A sentence judging how likely something is.
_LIKELIHOOD_SAID = re.compile(
    r"\b(?:(?:un)?likely|(?:im)?plausible|(?:im)?probable|(?:un)?realistic|(?:in)?feasible|(?:im)?possible|"
    r"chances?|odds|doubt(?:ful)?|hard\s+to\s+(?:imagine|see|believe))\b",
    re.I,
)


def _reply_compared(ranked: list[Candidate], question: str, history: Sequence[Any] | None) -> list[Candidate]:
    """For a choice asked of no named options ("Which is more?", "Who gave more?"), the two sentences
    the reply before quoted, when they tell which is the greater or the lesser (`chosen_option`);
    else empty."""
    choice = choice_asked(question)
    replies = assistant_turns(history) if history else []
    if choice is None or choice.options or not replies:
        return []
    quoted = [c for c in ranked if c.text in replies[-1]][:MARKED_SENTENCES]
    return quoted if len(quoted) == MARKED_SENTENCES and chosen_option([c.text for c in quoted], choice) else []


# "Do" standing for the verb of the turn before: "Has it done so?", "Did they do it?".
_PRO_VERB = frozenset("do does did done doing".split())
# Words that judge what the turn before said, in no words of its own: "And was he right, per the article?",
# "Does the April writer accept that claim?".
_VERDICT = frozenset(w[:NAME_STEM] for w in "right wrong true false correct incorrect accurate mistaken agree agrees disagree "
                     "accept accepts dispute disputes reject rejects share shares endorse endorses "
                     # "Does the April author buy that?"
                     "buy buys believe believes "
                     # "Is the opinion piece of the same mind?"
                     "same mind "
                     # "Is the April writer convinced?", "Is the author sceptical?"
                     "convinced persuaded sceptical skeptical doubt doubts doubtful concur concurs".split())
# Words that point at a document or its author: "the April author", "per the article".
_SOURCE_POINTERS = frozenset(w[:NAME_STEM] for w in "author writer article piece commentary document text april march per opinion op-ed".split())
# Nouns that point at what the turn before reported: "that claim", "this view".
_CLAIM_NOUNS = frozenset(w[:NAME_STEM] for w in "claim claims view views statement assessment assertion idea".split())


def _own_words(question: str) -> set[str]:
    """The question's `_seated_words` without a phrase naming no one source ("per the article")."""
    return _seated_words(_ANY_SOURCE.sub("", question))


def _judges_reply(own: set[str]) -> bool:
    """True when a question's own words (`_own_words`) judge what the reply before quoted, in no words
    but a verdict and pointers at a source or at what was said: "Does the April author agree with him?"."""
    return bool(own & _VERDICT) and not own - _VERDICT - _SOURCE_POINTERS - _CLAIM_NOUNS


def _replied_sentence_first(ranked: list[Candidate], reply: str, question: str, depth: int) -> list[Candidate]:
    """`ranked` with the first of its best `depth` sentences that the reply before quoted and that
    holds the question's content words the lead holds (one at least) leading, for a question that
    says "it", "them" or "which one":
    "What did Moscow do to it?" after the Budapest memorandum's sentence is "… and Moscow ran tanks
    over it", not another sentence about Moscow ("despite Moscow's promise to pull back")."""
    asked = _seated_words(question)
    own = _own_words(question)
    # "Does the April author agree with him?" judges what the reply quoted, marked or not, however far
    # down its own words put that sentence ("Does the April writer accept that claim?").
    judged = _judges_reply(own)
    if (judged or not own - _PRO_VERB - _VERDICT and _BOLD_LEAD.match(reply)) and _ASKS_IF.match(question):
        # "Has it done so?" after "What did Moscow promise …?" asks whether what the reply said came
        # true, in no words of its own: the sentence the reply quoted ("… continued, despite Moscow's
        # promise to pull back") leads, not one that shares a word with the earlier question ("… some promise").
        # Only after a reply that marked its answer: one that quoted a sentence alone may not have
        # answered ("On Tuesday in Istanbul, the sides met for a sixth time." for "What did the
        # Russians say they would do after Istanbul?").
        quoted = next((c for c in (ranked if judged else ranked[:depth]) if c.text in reply), None)
        return ranked if quoted is None else [quoted, *(c for c in ranked if c is not quoted)]
    if not asked or not _IT_OR_THEM.search(question):
        return ranked
    # As many of the question's words as the lead holds: "Has it kept that promise?" after "… despite
    # Moscow's promise to pull back …" is about that promise, not "… may be showing some promise".
    # A seat of power is its country: "Why would the Kremlin heed it?" after "While China could play a
    # significant role given that Moscow would be hard pressed to ignore Beijing …" is about that
    # sentence, not "Moreover, the Kremlin expects some form of sanctions relief".
    held = _seated_words(ranked[0].text) & asked
    quoted = next((c for c in ranked[:depth] if c.text in reply and (_seated_words(c.text) & asked) >= held
                   and _seated_words(c.text) & asked), None)
    if quoted is None or quoted is ranked[0]:
        return ranked
    return [quoted, *(c for c in ranked if c is not quoted)]


def _offered_sentence(ranked: Sequence[Candidate], name: str, reply: str) -> Candidate | None:
    """For a name offered alone ("And America?"), the sentence the reply before quoted when it names
    that name in full (abbreviations spelt out on both sides), however far down it ranks; else None."""
    named = _full_name(name)
    return next((c for c in ranked if c.text in reply and named.search(spell_out_abbreviations(c.text))), None)


# "Why does Beijing matter to Moscow?", "Why is China important?": why something counts, not why it happened.
_ASKS_WHY_MATTERS = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?why\s+(?:(?:does|do|did|would|might|could)\s+(?:[\w’'-]+\s+){1,6}?(?:matter|matters|count|counts)\b"
    r"|(?:is|are|was|were|would)\s+(?:[\w’'-]+\s+){1,4}?(?:so\s+)?(?:important|significant|crucial|key|central|vital|indispensable)\b)",
    re.I,
)
# How many passages the reply's own words are searched for, for the one that holds what it quoted.
REPLY_PASSAGES = 3


def _quoted_passage(retriever: Retriever, name: str, reply: str) -> Passage | None:
    """The first passage with a sentence that the reply quoted and that names the name in full (see
    `_offered_sentence`), or None."""
    named = _full_name(name)
    for row, chunk in enumerate(retriever.passages):
        if named.search(spell_out_abbreviations(chunk.text)):
            passage = retriever.passage_at(row)
            if _offered_sentence(_candidates([passage]), name, reply) is not None:
                return passage
    return None


def _full_name(name: str) -> re.Pattern[str]:
    """A name's words in a row, without its article, abbreviations spelt out ("the US": "United States")."""
    words = spell_out_abbreviations(re.sub(r"^the\s+", "", name, flags=re.I)).split()
    return re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b")


def _quoted_first(ranked: list[Candidate], reply: str, depth: int, gives: re.Pattern[str]) -> list[Candidate]:
    """`ranked` with the first of its best `depth` sentences that the reply before quoted and that
    `gives` what the follow-up asks leading: for "How could it do that?", a means (`_BY_MEANS`: "…
    Russia will have to show … that it's serious by stopping its brutal assaults"; another about
    Russia's word had led); for "Why?" or "On what grounds?", a reason (`_STATES_REASON`: "… Peskov
    pushed back on that idea, saying that Crimea is part of Russia …" after "Who in Moscow pushed back
    on it?"; the Crimea timeline's sentence had led)."""
    found = next((c for c in ranked[:depth] if c.text in reply and gives.search(c.text)), None)
    return ranked if found is None or found is ranked[0] else [found, *(c for c in ranked if c is not found)]


# "Why?", "On what grounds?", "For what reason?": the reason for what the reply before said.
# A why-question in other words, about what was said before: "What reason does he give?", "What's the
# reason for that?".
# "Does he think that will happen?", "Does the author expect that to happen?": how likely he thinks it is.
_LIKELIHOOD_ASKED_ALONE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:does|do|did)\s+(?:he|she|they|it|the\s+(?:author|writer|piece|article|commentary))\s+"
    r"(?:think|expect|believe|consider|see)\s+(?:that|this|it)\s+(?:(?:will|would|is\s+likely\s+to|could)\s+(?:happen|come\s+about|occur)"
    r"|to\s+(?:happen|come\s+about|occur)|(?:likely|realistic|plausible))\s*[?.!]*\s*$",
    re.I,
)
_REASON_ASKED_ALONE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:(?:what|which)\s+(?:reasons?|grounds?|justification|arguments?)\s+(?:does|do|did)\s+"
    r"(?:he|she|they|it|the\s+author|the\s+writer)\s+(?:give|offer|cite|provide|have)"
    r"|what(?:['’]s|\s+is|\s+was)\s+(?:the|his|her|their|its)\s+(?:reason|reasoning|justification)(?:\s+for\s+(?:that|this|it))?)"
    r"\s*[?.!]*\s*$",
    re.I,
)
_BARE_WHY = re.compile(
    # "Why now?": why what the reply said is to be done now.
    r"^\W*(?:(?:and|but|so)\s+)?(?:why(?:\s+(?:so|not|now|is\s+that|was\s+that))?|on\s+what\s+(?:grounds?|basis)|"
    r"for\s+what\s+reasons?|how\s+come)\s*[?.!]*\s*$",
    re.I,
)
# Words that give a reason ("because", "given that"), for `_GIVES_REASON` and `_STATES_REASON`.
_REASON_WORDS = r"because|since|due\s+to|owing\s+to|as\s+a\s+result\s+of|thanks\s+to|given\s+that"
# A reason a sentence gives, or reports someone giving: "because …", "saying that …".
_STATES_REASON = re.compile(
    rf"\b(?:{_REASON_WORDS}|on\s+the\s+grounds\s+that|(?:saying|arguing|claiming|insisting)\s+that)\b", re.I
)

# "How?", "How could it do that?": by what means, asked of what the reply before said.
_ASKS_MEANS = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?how(?:\s+(?:could|would|can|will|should|might|may|does|do|did)\s+"
    r"(?:it|they|he|she|we|[A-Z][\w’'-]*)\s+(?:do|achieve|manage|accomplish)\s+(?:that|it|so|this))?\s*[?.!]*\s*$",
    re.I,
)
# A means a sentence gives: "by stopping its brutal assaults".
_BY_MEANS = re.compile(r"\bby\s+(?:not\s+)?[a-z]+ing\b")
# The question word a question opens with, and what it takes ("How much", "And who").
_QUESTION_WORD = r"(?:how\s+(?:much|many|long|often|far|old)|who|whom|whose|what|which|when|where|why|how)\b"
_OPENING_QUESTION_WORD = re.compile(rf"^\W*(?:(?:and|but|so)\s+)?{_QUESTION_WORD}\s*", re.I)
# A question word anywhere: a question of its own, not a phrase alone ("And its webzine?").
_ANY_QUESTION_WORD = re.compile(rf"\b{_QUESTION_WORD}", re.I)
# A follow-up that asks a question of its own ("What weapons did that include?", "Was that a
# first?"), not the earlier one of something else ("What about the EU?", "And the second largest?").
_ASKS_ITS_OWN = re.compile(
    rf"^\W*(?:(?:and|but|so)\s+)?(?:{_QUESTION_WORD}(?!\s+about\b)|(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had)\b)",
    re.I,
)


# The chat's reply leads with its short answer in bold: "**around 6–7,000** \[1\]\n\n…".
_BOLD_LEAD = re.compile(r"\s*\*\*(.+?)\*\*")


def _reply_answer(reply: str, earlier: str) -> str:
    """What an earlier reply answered: its bold short answer when it leads with one (the chat's
    replies); nothing when the earlier question asked for no thing ("Has it been sanctioned?") or
    for what a named thing is ("What is the Budapest memorandum?": "Who signed it?" asks for a name
    its reply holds, which that reply did not answer), else the whole reply (a reply given as plain
    text may have lost its short answer). After the chat's "**Russia** [1] The Budapest memorandum,
    which Russia signed in 1994 …", "When was it signed?" may take "1994" from the same sentence:
    only "Russia" answered the question before."""
    bold = _BOLD_LEAD.match(reply)
    if bold is not None:
        return bold.group(1)
    described = defined_term(earlier) is not None or who_is_named(earlier) is not None
    return reply if wants_short(earlier) and not described else ""


def _names_undefined(term: str, chosen: Sequence[Candidate]) -> bool:
    """True when the term is a name ("NATO", "the Budapest memorandum", "DECnet"), not a
    description ("Warsaw's first literary cabaret"), and one of the sentences uses it."""
    if not any(ch.isupper() for ch in term):
        return False
    # A possessive makes a description, unless every word is capitalised: "Luhansk and Donetsk
    # People's Republics" is a name (the reader had bolded "Donbas" for it).
    if ("'" in term or "’" in term) and not all(w[0].isupper() for w in re.findall(r"[^\W\d_]+", term)
                                                 if w.lower() not in QUERY_STOPWORDS | {"s"}):
        return False
    used = _term_used(term)
    return any(used.search(c.text) for c in chosen)


def _term_used(term: str) -> re.Pattern[str]:
    """The term as a sentence uses it, in any case, with either apostrophe and perhaps plural ("What
    is the Minsk agreement?" is used as "the Minsk agreements")."""
    return re.compile(r"(?<!\w)" + re.sub(r"['’]", "['’]", re.escape(term)) + r"s?(?!\w)", re.IGNORECASE)


# Words that make a term a description of something else: "capital of France", "largest bank".
_DESCRIBING = re.compile(r"\b(?:of|in|on|for|by|from|with|to|at|that|which|who)\b|\w+est\b", re.I)


def _concept(term: str, question: str) -> bool:
    """True for a lower-case term of up to CONCEPT_WORDS words the question asks about without an
    article and without describing it by something else ("humanitarian corridors", "sanctions relief")."""
    if len(term.split()) > CONCEPT_WORDS or _DESCRIBING.search(term):
        return False
    return re.search(rf"\b(?:the|a|an)\s+{re.escape(term)}", question, re.I) is None


# The most words of a concept asked about by "What is/are …?".
CONCEPT_WORDS = 3
# The most words between a concept and a span that says what it is ("labeled as huihui or Muslim medicine").
BESIDE_WORDS = 3


def _beside_term(sentence: str, start: int, end: int, term: str) -> bool:
    """True when the span lies within BESIDE_WORDS words of the term in the sentence, or the sentence
    does not use the term; False for a span away from it ("the most affected areas … did not have
    access to secure humanitarian corridors" says nothing of what the corridors are)."""
    uses = [m.span() for m in _term_used(term).finditer(sentence)]
    if not uses:
        return True
    # A sibling in a list says nothing of what the term is: "armed drones and mobile air defences".
    return any(len(sentence[min(end, a) : max(start, b)].split()) <= BESIDE_WORDS + 1
               and not _SIBLING_JOIN.fullmatch(sentence[b:start] if b <= start else sentence[end:a]) for a, b in uses)


# Not "or" nor a comma, which may gloss the term: "labeled as huihui or Muslim medicine".
_SIBLING_JOIN = re.compile(r",?\s+(?:and|as\s+well\s+as)\s+", re.I)


# What went wrong: a course of events. Not "What is happening to the average age of teachers?",
# which a word may answer ("falling", XQuAD).
_ASKS_COURSE = re.compile(r"^\W*what\s+(?:(?:has|have|had)\s+gone|went|goes)\s+wrong\b", re.I)


# A clause a description adds after a comma: ", founded in 1965 on the initiative of …".
_ADDED_CLAUSE = re.compile(r",\s+(?:founded|established|created|based|launched|set\s+up|which|who)\b")


_LEADING_NAME_WORD = re.compile(r"(?P<word>[A-Z][\w.-]*?)(?:[’']s)?\s+(?=[A-Z0-9])")


def _past_question_names(sentence: str, start: int, end: int, question: str) -> int:
    """Where a span of the sentence begins once the titles and possessives of the question's
    capitalised words that open it are left out, as long as a name or a number follows ("Magdalen
    Tower" of "Oxford's Magdalen Tower" for "… what Oxford tower?"); `start` itself otherwise."""
    asked = {w.lower() for w in re.findall(r"\b[A-Z][\w.-]*", question)}
    at = start
    # Only a title or a possessive: a word of the question may be part of the name ("Super Bowl XXXIII",
    # "European Court", "Rhine Gorge" on XQuAD).
    while ((word := _LEADING_NAME_WORD.match(sentence, at, end)) is not None and word.group("word").lower() in asked
           and (is_title(word.group("word")) or re.search(r"[’']s\s", word.group(0)))):
        at = word.end()
    return at if at < end else start


# "Which parliament did Zelensky address?": a thing of a kind that a named doer acts on.
_WHICH_DID_NAMED = re.compile(
    r"^\W*(?i:(?:(?:and|so)\s+)?(?:which|what)\s+(?:[A-Za-z][\w-]*\s+){0,2}?)[a-z][\w-]*\s+(?:did|does|do|has|have|had|will|would|could|can|might)\s+"
    r"(?:the\s+)?(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s+[a-z]"
)


# "Who are the "guarantor states" Zelensky mentions?": the things a named doer mentions, not the doer.
_MENTIONED_BY_NAMED = re.compile(
    r"^\W*(?i:(?:(?:and|so)\s+)?(?:who|which|what)\s+(?:is|are|was|were)\s+)[^?]*?\s"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s+(?i:mentions|mentioned|names|named|cites|cited|means|meant|refers\s+to|referred\s+to)\b"
)


def _names_doer_asked(sentence: str, start: int, end: int, question: str) -> bool:
    """True when the span of the sentence ends on the doer the question names ("Ukrainian President
    Volodymyr Zelensky" for "Which parliament did Zelensky address?" or "Who are the "guarantor
    states" Zelensky mentions?") or on the titles before the doer's name ("Kremlin" of "Kremlin
    spokesman Dmitry Peskov" for "Which rule did Peskov cite?"): who acts, not what is asked for."""
    asked = _WHICH_DID_NAMED.match(question) or _MENTIONED_BY_NAMED.match(question)
    if asked is None:
        return False
    name = re.escape(asked.group("name"))
    if re.search(rf"\b{name}\W*$", sentence[start:end]) and not _FOCUS_AFTER.search(sentence, start, end):
        # Not "… military equipment, especially Russia" for "What equipment losses has Russia suffered?":
        # the doer singled out after the answer is cut off later (`_FOCUS_AFTER`), the answer stays.
        return True
    between = re.match(rf"((?:\s+[\w’'.-]+){{0,3}}?)\s+{name}\b", sentence[end:])
    return between is not None and all(is_title(w) or w[:1].isupper() for w in between.group(1).split())


# A name in brackets after the noun it names: "quarterly (*The International Spectator*)".
# A common noun's (in lower case): "Donna Noble (Catherine Tate)" gives who plays her.
_NAMED_IN_BRACKETS = re.compile(r"\b([a-z][\w-]*)\s*\(\s*[*_“\"'‘]*$")


def _names_thing_asked(sentence: str, start: int, question: str) -> bool:
    """True when the span at `start` is the name in brackets of a thing the question names ("The
    International Spectator" of "quarterly (*The International Spectator*)" for "Who writes the IAI's
    English-language quarterly?"): what the thing is called, not who does something to it."""
    before = _NAMED_IN_BRACKETS.search(sentence, 0, start)
    return before is not None and before.end() == start and before.group(1).lower() in _words(question)


# A clause that says an attempt fails: "While Russian forces struggle to make strides in |the north …".
_FAILED_ATTEMPT = re.compile(r"\b(?:struggl\w*|fail(?:s|ed|ing)?|unable|powerless)\s+to\s+[^,;:.]*$", re.I)
_ASKS_FAILURE = re.compile(r"\b(?:struggl\w*|fail\w*|unable|not|n[’']t|never|hard|difficult)\b", re.I)


def _government_named(sentence: str, start: int, end: int) -> bool:
    """True when the span is a capital or seat of power that owns what follows it ("Moscow" of
    "Moscow’s promise to pull back"): the government that stands for its country, not the place."""
    return sentence[start:end].lower() in SEATS and re.match(r"[’']s\b", sentence[end:]) is not None


def _in_failed_clause(sentence: str, start: int, question: str) -> bool:
    """True when the span at `start` stands in a clause that says an attempt fails ("the north and
    east" of "While Russian forces struggle to make strides in the north and east, they have been more
    successful in the south") and the question asks of no failure ("Where are Russian troops making
    the most headway?")."""
    return _FAILED_ATTEMPT.search(sentence, 0, start) is not None and _ASKS_FAILURE.search(question) is None


# A question that closes on its own time clause: "What did Russia drop once its offensive stalled?";
# a clause with a verb in the past, not a time alone ("… before the war?").
_QUESTION_TIME_CLAUSE = re.compile(
    r"\w\s+(?:once|after|when|until|before)\s+(?P<clause>[^?,;]*?\s(?:[a-z]{3,}ed|began|broke|fell|went|came|ran|lost|won|met))\s*[?.!]*\s*$",
    re.I,
)
# Where a sentence opens a time clause: "only after |its military operation stalled".
_TIME_WORD = re.compile(r"\b(?:once|after|when|until|before)\s+", re.I)


def _in_question_condition(sentence: str, start: int, end: int, question: str) -> bool:
    """True when the span start..end reaches into the sentence's own time clause that restates the
    one the question closes on ("poor battlefield performance" of "… only after its military operation
    stalled, in part because of poor battlefield performance" for "What did Russia drop once its
    offensive stalled?"): that clause, after the main one, tells when, which the question already
    says. A clause that opens the sentence is not read: where it ends, a comma may not say ("When Sky
    Digital was launched in 1998 the new service used the Astra 2A satellite …", XQuAD)."""
    asked = _QUESTION_TIME_CLAUSE.search(question)
    opened = list(_TIME_WORD.finditer(sentence, 0, end)) if asked is not None else []
    if not opened or not sentence[: opened[-1].start()].strip(" \"“‘'"):
        return False
    stems = {snowball_stem(w) for w in _words(asked.group("clause")) - QUERY_STOPWORDS}
    return bool(stems & {snowball_stem(w) for w in _words(sentence[opened[-1].end() :]) - QUERY_STOPWORDS})


# A question that sets something aside: what is joined to it may be the answer.
_ASKS_ELSE = re.compile(r"\b(?:else|besides|other\s+than|apart\s+from|aside\s+from|outside\s+of|except|beyond)\b", re.I)
# One word joined by "and" or "or" to the word before it: "respect and |abide|".
_JOINED_BEFORE = re.compile(r"\b([a-z][\w’'-]*)\s+(?:and|or)\s+$")


def _joined_to_asked(sentence: str, start: int, end: int, question: str) -> bool:
    """True when the span is one word in lower case joined by "and" or "or" to a word of the question ("abide" of "a
    resolution that Russia will respect and abide by" for "… want Russia to respect?"): the
    question's own phrase, not its answer."""
    if len(sentence[start:end].split()) != 1 or not sentence[start:end][:1].islower() or _ASKS_ELSE.search(question):
        # Names are answers however joined: "Israel" of "Turkey and Israel" for "Who besides Turkey …?";
        # so is what the question sets aside something for ("Other than his scientific achievements
        # what was Tesla famous for?": "showmanship", of "his achievements and showmanship").
        return False
    joined = _JOINED_BEFORE.search(sentence, 0, start)
    asked = {snowball_stem(w) for w in _words(question) - QUERY_STOPWORDS}
    return joined is not None and joined.end() == start and snowball_stem(joined.group(1).lower()) in asked


def _inflects(word: str, base: str) -> bool:
    """True when the word is the base with a regular ending: "craves" of "crave", "sent" not of "send"."""
    return len(base) > 2 and word.startswith(base) and word[len(base):] in ("s", "es", "d", "ed", "ing")


def _repeats_question(span: str, question: str) -> bool:
    """True when the span holds a word of the question other than a stop word (stems compared)."""
    span_terms, question_terms = tokenize([span, question])
    return bool(set(span_terms) & set(question_terms) - QUERY_STOPWORDS)


# "Whose casualty figures …?", "Which organisation's report …?": whose work, which a reference names
# first (a newspaper's is where it ran, `_outlet_named`).
_ASKS_WHOSE_WORK = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?:whose|(?:which|what)\s+(?:organi[sz]ation|agency|body|institution|group|"
    r"source|author|office)(?:[’']s?|\s+(?=(?:produced|compiled|published|issued|released|collected)\b)))\s*[\w-]+", re.I
)


# "Who founded the IAI, and in what year?", "Where did the sides meet and when?": a thing, and then its time.
_AND_WHEN = re.compile(
    r"^(?P<first>\W*(?:who|whom|what|which|where)\b[^?]*?),?\s+and\s+(?:when|(?:in\s+)?(?:what|which)\s+year)\s*[?.!]*\s*$", re.I
)
# "What year was the Budapest memorandum signed, and by whom?": a time of a passive, and then its doer.
_AND_BY_WHOM = re.compile(
    r"^\W*(?:when|(?:in\s+)?(?:what|which)\s+year)\s+(?P<passive>(?:was|were|is|are)\s+[^?]+?),?\s+and\s+(?:by\s+whom|who\s+by)\s*[?.!]*\s*$",
    re.I,
)
# The most words a short answer that holds both a thing and its time may have.
BOTH_WORDS = 10


def _both_asked(
    question: str, follow_up: FollowUp | None, chosen: Sequence[Candidate], found: tuple[Candidate, Span],
    s: AnswerSettings, subject: Sequence[str],
) -> Span | None:
    """For a question that asks for a thing and then its time ("Who founded the IAI, and in what
    year?"), or for a time and then who did it ("What year was the Budapest memorandum signed, and
    by whom?"), the span from the one answer to the other in the found sentence; None when the
    question asks one thing, the other answer is in another sentence or missing, or the two lie
    more than BOTH_WORDS words apart."""
    candidate = found[0]
    pair = _AND_WHEN.match(question)
    doer = _AND_BY_WHOM.match(question) if pair is None else None
    if pair is not None:
        other_question = pair.group("first").strip() + "?"
        time = first_date(candidate.text, "When?")
    elif doer is not None:
        other_question = f"By whom {doer.group('passive').strip()}?"
        time = first_date(candidate.text, "In what year?")
    else:
        return None
    other = _short_span(other_question, follow_up, expected_type(other_question), chosen, s, subject)
    if other is None or other[0].key != candidate.key or time is None:
        return None
    start, end = min(other[1].start, time[0]), max(other[1].end, time[1])
    if len(candidate.text[start:end].split()) > BOTH_WORDS:
        return None
    return Span(start, end, found[1].score, found[1].margin)


# The prepositions that join a noun asked for to what follows it: "a harsher language on …".
_NOUN_JOINS = r"(?:on|about|over|against|for|towards?)"
# "What language …?": the noun a what-question asks for, right after its question word.
_WHAT_NOUN = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?:what|which)\s+(?!(?:is|are|was|were|do|does|did|has|have|had|will|would|could|can|should|"
    r"might|may|must|kind|sort|type)\b)(?P<noun>[a-z]{3,})\s+(?!of\b)", re.I)


def _asked_noun_before(text: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """The offsets of the noun phrase of the noun a "What <noun> …?" question asks for, when it stands
    right before `start` with the preposition that joins it to the span ("a harsher language on "
    before "Russia's alleged war crimes"), to `end`; or with a participle and its "by" ('the “borders”
    established by ' before "Russia"), to the clause's end. Else None."""
    asked = _WHAT_NOUN.match(question)
    if asked is None:
        return None
    noun = re.escape(asked.group("noun"))
    before = re.search(rf"\b(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,2}}?[“\"]?{noun}(?:s|es)?[”\"]?\s+"
                       rf"(?:{_NOUN_JOINS}|(?P<participle>[a-z]{{3,}}ed\s+by))\s+$",
                       text[max(0, start - 80) : start], re.I)
    if before is None:
        return None
    if before.group("participle"):
        # What the participle's "by" governs runs to the clause's end: "Russia’s 2014 annexation of
        # Crimea and invasion of the Donbas", of which the reader took "Russia".
        closing = re.compile(r",|;|\s[—–]\s|[.!?]?\s*$")
        end = closing.search(text, end).start()
    return max(0, start - 80) + before.start(), end


def _asked_noun_after(text: str, start: int, end: int, question: str) -> int | None:
    """For a span that is an article and its adjectives alone ("a harsher"), where the noun a "What
    <noun> …?" question asks for ends when it follows at once, with what a preposition joins to it
    ("language on Russia's alleged war crimes"); else None."""
    asked = _WHAT_NOUN.match(question)
    if asked is None or not re.fullmatch(r"(?i:a|an|the)(?:\s+[a-z][\w-]*){1,2}", text[start:end]):
        return None
    noun = re.escape(asked.group("noun"))
    after = re.match(rf"\s+{noun}(?:s|es)?\b(?:\s+{_NOUN_JOINS}\s+[^,;:.!?()—–]+)?", text[end:], re.I)
    return end + len(after.group(0).rstrip()) if after is not None else None


# Names and nothing else: "Turkey and Israel", "Poland, Estonia, Sweden and Germany".
_NAMES_ONLY = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:(?:,\s+|,?\s+and\s+)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)*")
# "and" and a second name right after a span, closing the phrase: " and NATO" before " on arms control".
_NAME_JOINED_AFTER = re.compile(
    r"\s+and\s+(?P<name>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)(?=\s+(?:on|in|at|for|to|about|over|from|with|by)\b|\s*[,.;:?!]|\s*$)"
)
# A name and "and" right before a span: "Luhansk and " before "Donetsk People’s Republics".
_SHARED_HEAD_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][a-z][\w’'-]*\s+and\s+$")


def _follows_on(first: Candidate, then: Candidate) -> bool:
    """Whether `then` is the sentence right after `first` in its document (`_ADJACENT_GAP`)."""
    return then.key[0] == first.key[0] and 0 <= then.key[1] - (first.key[1] + len(first.text)) <= _ADJACENT_GAP


def _short_span(
    question: str, follow_up: FollowUp | None, wanted: str | None, chosen: Sequence[Candidate], s: AnswerSettings,
    subject: Sequence[str] = (),
) -> tuple[Candidate, Span] | None:
    """The sentence and span that answer a question asking for a thing, or None.

    The reader reads the answer's first `s.short_sentences` sentences; the most probable span
    wins. Reading more than the best one lowered held-out SQuAD F1 (XQuAD articles 2 mod 4, reader
    fitted on 0 mod 4: 0.369 with one sentence, 0.352 with two, 0.349 with three): the reader's
    probability does not compare across sentences.

    A follow-up is read together with the question before it, so that the reader knows what
    "his" or "the second largest" refers to. A span that only repeats the earlier reply answers
    the earlier question, not this one, and is passed over; when the joined reading finds
    nothing else, the question is read alone. `subject` (the question's `_subject_words`) keeps a
    later sentence about someone else from giving the short answer.
    """
    if not s.short_answers:
        return None
    if not wants_short(question):
        # "What were the Minsk agreements meant to do?" asks for an action, which no span reader
        # reads, but which follows "meant to" in the sentence (`infinitive_asked`).
        # "What does SWIFT do?": what the clause after its name says it does (`term_does`). "What was the
        # purpose of the Budapest memorandum?": what it "sought to" do (`aim_of`). "What would Russia have
        # to do before sanctions are lifted?": the condition the sentence sets (`condition_set`).
        return _marked_span(chosen[:MARKED_SENTENCES], question, (happened_to, infinitive_asked, imminent_asked, term_does, purpose_asked, aim_of, first_time_done, limit_given, condition_set, failed_act, option_said_better))
    if (choice := choice_asked(question)) is not None:
        # "Who has given more aid, the US or the EU?", "Who gave more?" after two amounts: the option
        # the sentences show is the greater ("The United States has already provided more than $2
        # billion …" against "… a nearly $1 billion package"). When they do not tell, no option the
        # question names is bold (the reader had bolded "Ukraine"); without options, the reader reads
        # ("Which side has lost more equipment?": "Russia", from "…, especially Russia").
        sentences = chosen[:MARKED_SENTENCES]
        option = chosen_option([c.text for c in sentences], choice)
        if option is not None:
            return sentences[option[0]], Span(option[1], option[2], 1.0)
        if choice.options:
            return None
    # "And the deadline for that?" after "What does Poland plan to do with oil and gas imports?": the
    # time limit of oil and gas ("by the end of the year"), not coal's, which the reader took with its
    # subject ("Russian coal"); the question before says what "that" is.
    before = follow_up.joined[: -len(question)] if follow_up is not None and follow_up.joined.endswith(question) else ""
    if found := _first_described(chosen[:MARKED_SENTENCES], lambda text: deadline_given(text, question, before)):
        return found
    if _ASKS_WHOM_ABOUT.match(question) and is_reference(chosen[0].text):
        # "Who was the Washington Post piece about?": whom its title names, which the reference quotes
        # whole; not its author (it had bolded "Dan Balz").
        return None
    if _ASKS_COURSE.match(question):
        # "What went wrong with Russia's lightning war?": a course of events, which a clause tells
        # (it had bolded "shock and awe"). The reader still chooses the sentence (`_lead_by_reader`).
        return None
    named = who_is_named(question)
    # "Who is Dmitry Peskov?": the title the sentence gives the name ("Kremlin spokesman").
    # "Riccardo Alcaro is Research Coordinator ...": what the sentence says the person is.
    if named is not None:
        # Without a title or a description, a span beside the name is a guess at who the person is:
        # "Who is Guy Chazan?" is not answered "Roman Olearchyk and Polina Ivanova", his co-authors.
        return _first_described(chosen, lambda text: person_description(text, named))
    kind_of = kind_of_name(question)
    if kind_of is not None and (found := _first_described(chosen, lambda text: definition_of(text, kind_of))):
        # "What sort of organisation is the Istituto Affari Internazionali?": what the sentence says it
        # is ("a private, independent non-profit think tank"), not a name the reader finds beside it;
        # without what a clause after it adds (", founded in 1965 …").
        candidate, span = found
        added = _ADDED_CLAUSE.search(candidate.text, span.start, span.end)
        return candidate, Span(span.start, added.start(), span.score) if added is not None else span
    term = defined_term(question)
    # "What is Engineering News-Record?": "a trade magazine for the construction industry", what
    # the sentence says it is, not a name the reader finds beside it ("ENR").
    if term is not None and (found := _first_described(chosen, lambda text: definition_of(text, term))):
        return found
    if term is not None and (found := _first_described(chosen, lambda text: kind_after_name(text, term))):
        # "What are Stingers?": the kind the sentence names right after the name, "antiaircraft systems".
        return found
    if term is not None and _names_undefined(term, chosen):
        # "What is NATO?" answered by a sentence that uses the name without saying what it is: a
        # span the reader finds beside the name ("a constitutional amendment") would be bold and
        # wrong, so the sentences answer alone. On XQuAD: 3 questions ("What is DECnet"), all
        # three closer to the gold answer by the sentence than by the span.
        return None
    # "What is his job?" after "Who wrote the IAI commentary?": the author note's description (`job_of`).
    # "Where does he work?": the organisation that closes the description, not "Global Actors
    # programme" (`employer_of`). "What did he say about Crimea?": the clause reported ("Crimea is
    # part of Russia", `reported_clause`), which the reader, fitted on short spans, cuts to a name
    # beside it ("Dmitry Peskov pushed back").
    if found := _marked_span(chosen[: s.short_sentences], question, (job_of, employer_of, reported_clause, gloss_of)):
        return found
    if asks_reference(question):
        # "What does 'Blitzkrieg' refer to?" without a gloss: what the word means is the sentence (the
        # reader had bolded "morphed into a slow and ever more brutal three-front campaign").
        return None
    if _SAYS_ABOUT.search(question):
        # "What did Zelensky say about neutrality?" without a short reported clause: what was said
        # is the sentence; the reader cut "any agreement" from it ("What does the author say about
        # China's role?": "warnings to China").
        return None
    # "What examples does Alcaro give of sanctions failing …?": "Cuba, Iran, Iraq and Venezuela", from
    # "as the cases of …" (`examples_given`; the reader took "bringing down regimes").
    # "What made the European push on Minsk collapse?": "Russian stalling and the unreasonable
    # concessions required of Ukraine", from "failed largely because of …" (`cause_given`; the reader took "failed").
    # "Which round of talks was held in Istanbul?": "sixth" (from "met for a sixth time"), not "the
    # sides" (`ordinal_asked`). "What did Russia insist on for energy payments?": what the sentence
    # gives after the verb, "conducting payments for energy exports in rubles" (`verb_object`; the
    # reader took "creating more demand …"). "What may not be enough to dissuade Putin?": the subject
    # before the words the question repeats, "military assistance to Ukraine and economic pressure
    # on Russia" (`subject_of`; the reader had taken "escalating the conflict", after them).
    # "Which antitank missiles has the US supplied?": the name before the kind's words, "Javelin"
    # (`named_of_kind`; the reader took "tactical drones").
    # "Who adopted the draconian sanctions regime?": the agent of the passive (`passive_agent`).
    # "Commitments on par with which NATO treaty article …?": "Article 5" (`numbered_part`; the
    # reader took "Germany").
    # These finders need the question's own words in the sentence, so the answer's second sentence
    # may give the span when the lead does not ("What will Biden and his partners agree on?": not the
    # lead's "urge his European counterparts …" but the next sentence's "agree on further sanctions").
    # "What was Russia's original objective?": what "the original objective of" holds, "subjugating
    # Ukraine" (`content_of_noun`; the reader took "outcomes"). "Which concession required of Ukraine
    # was unreasonable?": the example after "concessions required of Ukraine, such as" (`example_of_kind`;
    # the reader took "Russian stalling").
    # "Which of them are anti-tank?" after the US weapons: the listed item of that kind, "Javelin
    # antitank missiles" (`listed_item_of_kind`; the reader took "tactical drones").
    # "What are Russian forces struggling to do?": what follows "struggle to", "make strides in the
    # north and east" (`infinitive_asked`; the reader took "north and east").
    # "Where is the NATO goal written down?": what the sentence says it is "enshrined in" (`place_written`),
    # before the appositive that renames the goal ("NATO membership, a goal …", `renamed_asked`). "What did
    # the sanctions target?": what the sentence says they are on (`target_of`), before a list of others.
    # "What promise did Moscow make after the talks?": "pull back", what "promise to" holds (`promise_made`;
    # the reader took "Moscow’s").
    # "Whose constitution enshrines the NATO goal?": whose it is, "Ukraine" (`owner_asked`), before the
    # appositive that renames the goal. "What is the SWIFT system used for?": its relative clause
    # (`term_does`), not the purpose of the sentence's other clause (`purpose_asked`).
    # "On which day of the week did the delegations meet?": the one weekday the sentence names, "Tuesday"
    # (`weekday_given`; the reader found nothing it judged to answer). "How fast are civilian deaths
    # climbing?": "rising fast" (`speed_given`; the reader took "modest"). "What are the Luhansk and
    # Donetsk republics called for short?": the initials in brackets after their name, "LNR and DNR"
    # (`abbreviation_given`; the reader took "Donbas").
    # "Who met in Istanbul on Tuesday?": "the sides", who the sentence says met (`sides_who_did`; the
    # reader took "Istanbul, the sides"). "Which sanctions does the April piece call significant?": the
    # subject the sentence calls so (`subject_called`; the reader took "Russian companies"). "What do
    # Russian and Ukrainian diplomats reportedly discuss?": "the 15-point plan", before the relative
    # clause that says they discuss it (`object_before_relative`; the reader and `verb_object`, which reads the words after "discussing", took "is a way for Ukraine").
    finders = (became_instead, happened_to, owner_of_deed, left_out, rank_given, side_predicate, item_content, weekday_given, speed_given, abbreviation_given, owner_asked, term_does, examples_given, cause_given, promise_made, place_written, target_of, counted_list, names_opening, dash_gloss, epithet_of, reported_headline, item_named, ordinal_asked, object_before_relative, claimed_of, verb_object, name_object, infinitive_asked, condition_asked, subject_of, named_of_kind,
               numbered_part, holder_of_role, reminded_of, object_of_passive, clause_of_noun, noun_to_do, name_before_verb, name_before_turned_down,
               passive_agent, content_of_noun, example_of_kind, listed_item_of_kind, place_of_verb, place_of_name, count_of_asked_noun,
               count_of_verb, compared_with, renamed_asked, effect_asked, feared_asked, clause_renamed, imminent_asked,
               purpose_asked, aim_of, first_time_done, belief_asked, headline_speaker, limit_given, kind_done, colon_point, singled_out,
               sides_who_did, subject_called, headline_said, worded_share, language_named, fault_described, failed_act, stretch_so_far, time_clause_asked, option_said_better)
    leading = s.short_sentences
    if found := (_marked_span(chosen[:leading], question, finders)
                 or _marked_span(chosen[leading:MARKED_SENTENCES], question, finders)):
        return found
    # "What does the 10-point plan include?": what its sentence lists after "including", which the
    # reader cut to one word before it ("compromises"); "Which weapons has the US provided?" too
    # (not "more than $2 billion in security aid").
    # "Which two European countries …, besides Poland and Estonia?" asks for several too.
    several = asks_for_several(question) or bool(_SET_ASIDE.search(question) and asked_count(question))
    # "Which countries could act as guarantors …?": not the lead's list of commitments, which names
    # no country, but the next sentence's "such as Britain, China, Russia and the United States".
    # Only after a lead whose list does not fit: a lead without one is the reader's to read (XQuAD
    # "What kinds of trees is Kearney Boulevard lined with?": "tall palm trees" in the lead).
    for candidate in chosen[:INCLUDED_SENTENCES]:
        included = included_list(candidate.text, question, several)
        if included is None:
            break
        # "Which two European countries …, besides Poland and Estonia?": "Sweden and Germany" of
        # "including Poland, Estonia, Sweden and Germany" (the reader had taken "Germany").
        trimmed = _without_set_aside(candidate.text, Span(*included, 1.0), question)
        included = (trimmed.start, trimmed.end)
        listed = candidate.text[included[0] : included[1]]
        if _holds_earlier_answer(listed, follow_up):
            # "And what would it get in return?" after "not join NATO": the list of commitments that
            # holds it answered the question before, not this one.
            continue
        if (span_fits(listed, wanted, question) and not _lists_asked_name(listed, question)
                and not _lists_other_kind(candidate.text, included[0], question)):
            kind = _kind_in_list(candidate.text, *included, question)
            # "Which capabilities did Ukraine promise to forgo?": "nuclear capabilities", the item
            # of "… would not join NATO, develop nuclear capabilities or host …" that names them.
            return candidate, Span(*(kind or _what_was_committed(candidate.text, *included, question)), 1.0)
    for candidate in chosen[:INCLUDED_SENTENCES]:
        # "Who might guarantee Ukraine's security under that plan?": every one of the "potential
        # guarantor countries such as Britain, China, Russia and the United States" (the reader took "Russia").
        if (members := members_of_kind_asked(candidate.text, question)) is not None:
            return candidate, Span(*members, 1.0)
    first = first_listed_item(chosen[0].text, question) if several else None
    if first is not None:
        # "What are the main components of the plan?": the list after "three main components:", its
        # last item to the sentence's end ("… of Crimea and the two self-styled independent republics …").
        start, end = whole_list(chosen[0].text, *first)
        return chosen[0], Span(start, to_sentence_end(chosen[0].text, end), 1.0)
    # "Who wrote …?" of a cited work the question names, or "Who are the authors cited about …?"
    # answered by a reference: all its authors.
    # "Who is its author?" after a commentary of the publisher's list: the name its entry gives.
    cited = names_cited_work(question, chosen[0].text) or (_ASKS_AUTHORS.search(question) and (
        is_reference(chosen[0].text) or is_catalogue_entry(chosen[0].text)))
    authors = cited_authors(chosen[0].text) if wanted == PERSON and cited and not _WHO_PUBLISHED.match(question) else None
    if authors is None and _ASKS_WHOSE_WORK.match(question) and is_reference(chosen[0].text):
        # "Which organisation's casualty figures does Alcaro cite?", "Whose figures …?": whose work the
        # reference cites, "OHCHR" (the reader took "Ukraine", of its title).
        authors = cited_authors(chosen[0].text)
    if authors is not None:
        # "Who wrote 'Russia Regroups for Assault on Kyiv'?": every author the reference names
        # before the title, not the last one ("Polina Ivanova") nor a word of the title ("Ukraine War").
        return chosen[0], Span(*authors, 1.0)
    outlet = _outlet_named(chosen[0].text, question)
    if outlet is not None:
        return chosen[0], outlet
    asks_title = ((_ASKS_TITLE.search(question) and not _HEADLINE_AS_SOURCE.search(question)) or asks_other_works(question)
                  or _ASKS_WHICH_WORK.match(question) or _ASKS_WHAT_WRITTEN.match(question))
    title = (_QUOTED_TITLE.search(chosen[0].text) or _ITALIC_TITLE.search(chosen[0].text)) if asks_title else None
    if title is not None:
        # "What is the title of the commentary cited in the notes?": the title a reference quotes
        # ('Riccardo Alcaro, "Europe's Post-Cold War Order Is No More", in *IAI Commentaries*').
        return chosen[0], Span(title.start(1), title.end(1), 1.0)
    if _ASKS_WHO.match(question) and len(chosen) > 1 and subject_points_back(chosen[1].text, question) and (
            (doer := _OPENING_NAME.match(chosen[0].text)) is not None):
        # "Who is central to unblocking the negotiations?": who "they" are, the subject that opens the
        # sentence before ("The United States and Europe are anything but neutral …").
        return chosen[0], Span(doer.start("who"), doer.end("who"), 1.0)
    if any(subject_points_back(c.text, question) for c in chosen[:MARKED_SENTENCES]):
        # "What could break the negotiations?" answered by "This could break the negotiations, because
        # …" and the sentence before it: what "this" stands for is a clause of that sentence, which
        # the reader, missing the question's words there, guessed ("a future Russian attack").
        return None
    reader = get_reader(precision=s.reader_precision)
    if reader is None:
        return None
    read = list(chosen[: s.short_sentences])
    if wanted in (DATE, NUMBER) and not any(has_type(c.text, wanted, question) for c in read):
        # "When was the Rome think tank founded?": not the lead "I-00186 Rome, Italy", which names the
        # city and gives no date, but the sentence quoted with it that gives one ("founded in 1965").
        read = [c for c in chosen if has_type(c.text, wanted, question)][: s.short_sentences] or read
    # "Who founded Istituto Affari Internazionali?" is not answered by "IAI": a name's initials are the name.
    asked = _words(question) | _initials(question)
    acronyms = {w.lower() for w in ACRONYM.findall(question)}
    replied = _words(_answered_in(reader, follow_up)) if follow_up is not None else set()
    of_the_answer = _OF_THE_ANSWER.match(question) is not None
    answered = replied - QUERY_STOPWORDS - HEDGE_WORDS
    # "And how many on the Ukrainian side?" after "around 6–7,000" for the Russians: a sentence giving
    # the figure to each of both sides ("Russian and Ukrainian forces … around 6–7,000 soldiers each")
    # answers again with it, when it names the side the question now asks about (not "And civilians?").
    offered = {w.lower() for w in re.findall(r"\b[A-Z][a-z’'-]+", question[1:])} - _words(before) if replied else set()
    alike = bool(offered) and any(_EACH_ALIKE.search(c.text) and offered <= _words(c.text) for c in read)

    def new_words(text: str) -> bool:
        # "What did the US announce on 16 March 2022?" is not answered by "16 March 2022", and
        # "What is his job?" not by "Riccardo Alcaro", the reply to the question before it.
        words = _words(text)
        # "Who is Vladimir Putin?" is not answered by "Putin's imperialist war of conquest".
        names_the_person = named is not None and named.split()[-1].lower() in words
        # Nor by a span holding the earlier answer ("6–7,000 soldiers each" after "around 6–7,000",
        # for "And civilians?"); its hedge ("around") may lie outside the span.
        # Nor by most of it: "will end Russian coal" after "end Russian coal imports", for "And the oil and gas?".
        repeats = bool(replied) and (words <= replied or bool(answered) and (
            answered <= words or _most_of(" ".join(answered), text)))
        # "How much is it worth?" after "a nearly $1 billion package" asks for a part of what it gave.
        part_of_it = of_the_answer and words < replied
        # Nor by the question's own acronym spelt out: "Istituto Affari Internazionali" for "What kind
        # of organisation is IAI?".
        spelt_out = bool(initials := _title_initials(text)) and initials <= acronyms
        # Nor by the question's own words made "similar" or "other": "similar weapons" for "What else
        # did they send?" after "Which countries have sent weapons?".
        # Nor by them hyphenated: "de-militarised" for "What would a demilitarised Ukraine look like?".
        return (not restates_question(words) and not restates_question(_words(_INNER_HYPHEN.sub("", text)))
                and not restates_name(text) and not (repeats and not part_of_it and not alike)
                and not names_the_person and not spelt_out)

    # "Which part of the West still leans on Russian gas?" is not answered by "Russia": a name the
    # question gives in another form.
    asked_names = {w.lower() for w in re.findall(r"\b[A-Z][a-z’'-]+", question[1:])}

    def restates_question(words: AbstractSet[str]) -> bool:
        # Nothing but the question's words, perhaps made "similar" or "other", or one of them
        # inflected: "craves" (of "the victory he still craves") for "What does Putin crave?"; not
        # "stratigraphers" for "… stratigraphic sections …?" (XQuAD).
        left = words - LIKENESS_WORDS
        # Its content words too: "any uprisings" for "What would cause it?" after "… might face an uprising?".
        content = left - QUERY_STOPWORDS
        return left <= asked or any(len(part) == 1 and any(_inflects(next(iter(part)), word) for word in asked)
                                    for part in (left, content))

    def restates_name(text: str) -> bool:
        # One name that is a question's name with at most two letters more or fewer ("Russia", "Russian").
        names = re.findall(r"\b[A-Z][a-z’'-]+", text)
        if len(names) != 1 or len(text.split()) != 1:
            return False
        name = names[0].lower()
        return any(a.startswith(b) and len(a) - len(b) <= 2 for n in asked_names for a, b in ((name, n), (n, name)))

    def function_words(text: str) -> bool:
        # "should" (from "Russia could – should, actually – be invited to ...") or "He" answers
        # nothing; "most" or "all" may answer "How many ...?". Nor does a hedge alone ("around").
        words = re.findall(r"[^\W\d_]+|\d+", text.lower())
        # Nor a pronoun: "This" (from "This could break the negotiations") stands for the answer.
        # Nor "The first" (from "The first is the status of the contested regions"): it points at an item.
        return bool(words) and (all(w in HEDGE_WORDS for w in words) or all(w in _PRONOUN_WORDS for w in words)
                                # Nor a modal alone, or with an adverb of stance: "could", "should, actually" (of
                                # "Russia could – should, actually – be invited …").
                                or all(w in _MODAL_WORDS or w in _STANCE_ADVERBS for w in words)
                                # Nor an adverb of degree or time alone: "altogether" (of "… to ignore Beijing
                                # altogether") for "Which mediator could Moscow hardly ignore?".
                                or wanted != DATE and all(w in _BARE_ADVERBS for w in words)
                                or wanted != NUMBER and all(w in QUERY_STOPWORDS for w in words)
                                or points_at_item_only(text))

    def fits(text: str) -> bool:
        return span_fits(text, wanted, question) and new_words(text)

    asks_who = _ASKS_WHO.match(question) is not None

    def read_best(asking: str, sentences: Sequence[Candidate]) -> tuple[Candidate, Span] | None:
        # decode() falls back to the reader's best span when none of its few best fits the kind
        # asked for: a span of the kind asked for wins over one that is not, then the most probable.
        if _SAID_ALONE.match(asking):
            # "What has he stated?": what was said is a clause, which `reported_clause` gives when
            # it is short; a span the reader cuts from it ("any agreement") is no answer.
            return None
        spans = reader.spans(asking, [c.text for c in sentences], fits, penalty)
        for k, (c, x) in enumerate(zip(sentences, spans)):
            if x is not None and wanted is not None and _in_failed_clause(c.text, x.start, question):
                # "Where are Russian forces doing best?": the reader's next span of the kind asked for
                # that stands outside the clause of failure ("in the south", not "north and east" of
                # "… struggle to make strides in the north and east, they have been more successful in
                # the south"; it had bolded nothing).
                spans[k] = reader.spans(asking, [c.text], lambda text, c=c: fits(text) and not _in_failed_clause(
                    c.text, c.text.find(text), question), penalty)[0]
            elif x is not None and _in_question_condition(c.text, x.start, x.end, question):
                # "What did Russia drop once its offensive stalled?": the reader's next span outside the
                # sentence's clause that restates that time ("the “denazification” of Ukraine", not "poor
                # battlefield performance" of "… only after its military operation stalled, in part because of …").
                spans[k] = reader.spans(asking, [c.text], lambda text, c=c: fits(text) and not _in_question_condition(
                    c.text, c.text.find(text), c.text.find(text) + len(text), question), penalty)[0]
        found = []
        for k, (c, x) in enumerate(zip(sentences, spans)):
            text = c.text[x.start : x.end] if x is not None else ""
            if (text and new_words(text) and not nationality_for_country(text, question) and not function_words(text)
                    and not other_direction(text, question) and not modifier_cut(c.text, x.start, x.end, question)
                    and not denied_subject(c.text, x.start, x.end) and not _names_doer_asked(c.text, x.start, x.end, question)
                    and not (asks_who and _DEMONYM_ADJECTIVE.match(c.text, x.start, x.end + 2))
                    and not (asks_who and _names_thing_asked(c.text, x.start, question))
                    and not _joined_to_asked(c.text, x.start, x.end, question)
                    and not _in_failed_clause(c.text, x.start, question)
                    and not _in_question_condition(c.text, x.start, x.end, question)
                    # "Which Ukrainian cities have been besieged?" is not answered "Moscow", of "Moscow’s
                    # promise": a government, not a place.
                    and not (place_kind_asked(question) and _government_named(c.text, x.start, x.end))
                    # Nor a country in a sentence that ranks nothing, for "Which European country imports
                    # the most Russian gas?" (for any question, XQuAD lost "led the team", "reached its peak" …).
                    and not (asks_named_place(question) and ranks_none(c.text, question))):
                found.append((span_fits(text, wanted, question), x.score, -k))
        if not found or ((wanted in s.gated_types or wanted == PLACE or asks_named_place(question)) and not max(found)[0]):
            # Asked for a number, a date or a person and read none: "US Congress" is no answer to
            # "How much military aid did Biden announce?". (XQuAD: 4 such spans, none right.)
            return None
        k = -max(found)[2]
        return sentences[k], spans[k]

    def kept(found: tuple[Candidate, Span] | None, least_margin: float) -> tuple[Candidate, Span] | None:
        # "What is the position of Turkey?" is not answered by "on China": the reader itself
        # judges that its sentence does not answer. The sentence may still be the closest one.
        if found is None or found[1].score < s.short_min_score:
            return None
        return None if reader.tells_answering and found[1].margin < least_margin else found

    # Short spans are likelier right (XQuAD, held out), but a question asking for several things
    # ("Which countries ...?") is answered by the whole list.
    penalty = 0.0 if several else s.short_length_penalty
    found = None
    if follow_up is not None:
        asked |= _words(follow_up.joined)
        found = read_best(follow_up.joined, read)
    # The reader reads the question as the documents write its abbreviations ("What weapons has
    # the US sent?" against "The United States has already provided ...": margin -8.2 read so,
    # below `short_min_margin`, and -6.3 spelt out).
    # And with its phrasal verb in the sentences' own word ("puts out" read as "publishes").
    reading = in_documents_verb(spell_out_abbreviations(question), [c.text for c in read[:1]])
    if found is None:
        found = read_best(reading, read)
    elif wanted is not None and kept(found, s.short_min_margin) is None and (alone := read_best(reading, read)) is not None and kept(
            alone, s.short_min_margin) is not None:
        # "When was it set up?" after "In which city does the IAI have its offices?": read with the
        # question before it, the reader doubts "1965"; read alone, it is sure of it. Only for a kind
        # of answer the reader's spans are checked against ("What about the top one?" read alone
        # gave "Russian banks").
        found = alone
    lead_reading = found
    found = kept(found, s.short_min_margin)
    # Whether the reader judges that the lead does not answer: a span it gives too little
    # probability (`short_min_score`) is no short answer, but no sign that the lead does not answer.
    doubted = lead_reading is None or lead_reading[1].margin < s.short_fallback_margin
    # A lead that opens on the side asked about answers by its opening ("For the Russians, it is … a
    # means to buy time …"), however the reader doubts it: not the sentence about the other side after it.
    if (doubted and follow_up is None and reader.tells_answering and len(chosen) > len(read)
            and not opens_on_side(chosen[0].text, question)):
        # The reader judges that the lead does not answer ("Who hosted the delegations?": "The talks
        # took place in a palace on the Bosphorus."): a later sentence of the answer that it judges
        # to answer gives the short answer ("Turkish President Recep Tayyip Erdogan hosted the two
        # delegations."), not a guess from the lead ("Bosphorus").
        # Not from a sentence about someone else ("What weapons has the US sent?": not the European
        # countries' "supplies and other equipment"), `_about_the_subject`.
        # Nor from one whose answer only points back at its antecedent ("Peskov pushed back on that idea").
        later = [c for c in chosen[len(read) : s.short_fallback_sentences]
                 if not (subject and _about_another(c.text, subject)) and not object_points_back(c.text, question)]
        found = kept(read_best(reading, later), s.short_fallback_margin) or found if later else found
        regard = [c for c in later if _follows_on(chosen[0], c) and _IN_THIS_REGARD.search(c.text)]
        if found is None and regard:
            # "Which states have attempted mediation so far?": the lead says what was attempted ("mediation
            # attempts are welcome"), the sentence right after it who did so "in this regard" ("Turkey and
            # Israel …"); the reader, missing the question's words there, doubts it, but the lead's words
            # are the question's.
            read_on = kept(read_best(reading, regard[:1]), -math.inf)
            # Names only: the reader, unsure there, may cut a phrase short ("China to step", of "called on
            # China to step in").
            found = read_on if read_on is not None and _NAMES_ONLY.fullmatch(
                read_on[0].text[read_on[1].start : read_on[1].end]) else None
    if found is None:
        # "Which Ukrainian cities kept being shelled after the talks?": the lead names none, but says
        # which in words ("Ukraine’s northern cities"), where the reader found no name.
        return _first_described(chosen[:1], lambda text: kind_in_words(text, question))
    candidate, span = found
    if _inside_relative_of_asked(candidate.text, span.start, question):
        # "What victory does the West want to keep from Putin?": not "still craves", of "the victory he
        # still craves", which only says what the question's own noun is.
        return None
    if (head := _RELATIVE_HEAD_BEFORE.search(candidate.text[: span.start])) is not None and span.start - head.start() <= RELATIVE_HEAD_CHARS:
        # "What does the West hope to deny Putin?": "the victory he still craves", not the relative
        # clause's predicate alone ("still craves"), which says nothing of what is denied.
        span = Span(head.start("np"), span.end, span.score, span.margin)
    if _described_only(candidate.text, question):
        # "Which non-Western countries are unwilling to break with Russia?": the sentence names them
        # only as the question does ("non-Western countries that are unwilling to break with Russia");
        # it had bolded "the war".
        return None
    if _kind_only_restated(candidate.text, span.start, span.end, question):
        # "What demands did the Russians call unrealistic?": the sentence says only '"unrealistic"
        # demands', in the question's words; "Ukrainians of delaying the talks" names none of them.
        return None
    if roles_reversed(candidate.text, question):
        # "What did the Ukrainians accuse Russia of?": the sentence says the Russians accused the
        # Ukrainians; what it quotes answers the other way round (it had bolded '"unrealistic" demands').
        return None
    described = kind_described(candidate.text, question)
    if described is not None and (span.end <= described[0] or span.start >= described[1]):
        # "What kind of agreement would Ukraine sign …?": the words that describe the sentence's
        # agreement, "NATO-type collective defense", not the countries beside it the reader took.
        # A span among them is the reader's ("tall palm trees" for "What kinds of trees …?").
        span = Span(*described, span.score, span.margin)
    elif described is None and (item := kind_in_listed_item(candidate.text, span.start, span.end, question)) is not None:
        # "What kind of jets does Ukraine need?": "fighter", not "air defense systems and fighter jets",
        # the list the reader took with the item of the kind asked.
        span = Span(*item, span.score, span.margin)
    elif described is not None and span.end == described[1] and re.fullmatch(r"(?i:a|an|the)\s+", candidate.text[span.start : described[0]]):
        # "What kind of language …?": "harsher", not "a harsher" (of "adopt a harsher language"),
        # an article without its noun.
        span = Span(described[0], span.end, span.score, span.margin)
    elif (noun_end := _asked_noun_after(candidate.text, span.start, span.end, question)) is not None:
        # "What language …?": not "a harsher", the article and adjective without their noun, but the
        # phrase with it ("a harsher language on Russia's alleged war crimes").
        span = Span(span.start, noun_end, span.score, span.margin)
    elif (noun_phrase := _asked_noun_before(candidate.text, span.start, span.end, question)) is not None:
        # "What language might Biden push Europeans to adopt?": "a harsher language on Russia's alleged
        # war crimes", not only what the language is on (the reader had taken "Russia's alleged war crimes").
        span = Span(*noun_phrase, span.score, span.margin)
    if term is not None and _concept(term, question) and not _beside_term(candidate.text, span.start, span.end, term):
        # "What are humanitarian corridors?": a sentence that uses the concept without saying what
        # it is answers alone, not with a span away from it ("the most affected areas").
        return None
    # The length penalty may have cut "more than" from "more than $2 billion": it goes back.
    span = Span(hedge_before(candidate.text, span.start), span.end, span.score, span.margin)
    # "Magdalen Tower", not "Oxford's Magdalen Tower" for "… designed to look like what Oxford tower?":
    # the question's own titles and possessives before the name the span gives are not part of it.
    span = Span(_past_question_names(candidate.text, span.start, span.end, question), span.end, span.score, span.margin)
    joined = _NAME_JOINED_AFTER.match(candidate.text, span.end) if asks_who else None
    if joined is not None and re.fullmatch(r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", candidate.text[span.start : span.end]):
        # "Who should Russia be invited to re-join dialogue with?": "the United States and NATO", not the
        # first of the two names the reader took.
        span = Span(span.start, joined.end("name"), span.score, span.margin)
    shared = _SHARED_HEAD_BEFORE.search(candidate.text[: span.start])
    if shared is not None and re.search(r"[A-Z][\w’'-]*\s+[A-Z][a-z]+s\W*$", candidate.text[span.start : span.end]):
        # "Luhansk and Donetsk People’s Republics", not "Donetsk People’s Republics": the name before
        # "and" shares the span's plural head.
        span = Span(shared.start(), span.end, span.score, span.margin)
    verb_joined = _JOINED_VERB.search(candidate.text, span.start, span.end)
    if verb_joined is not None and verb_joined.start() > span.start and wanted != NUMBER:
        # "Which policy does Alcaro accuse Russia of indulging in?": "intimidation", not "intimidation or
        # contemplates the use of unconventional weapons", whose "or" joins another verb to the one before.
        span = Span(span.start, verb_joined.start(), span.score, span.margin)
    dubbed = _DUBBED.search(candidate.text, span.start, span.end)
    if dubbed is not None and dubbed.end() >= span.end - 1:
        # "Which element of the plan has been de-emphasised?": "de-Nazification", not 'Russian
        # propaganda dubs "de-Nazification"', who calls it what.
        span = Span(dubbed.start("name"), dubbed.end("name"), span.score, span.margin)
    besides = _BESIDES.match(candidate.text[span.start : span.end])
    if besides is not None and restates_question(_words(besides.group("given"))):
        # "What else did they send?": "supplies and other equipment", not "weapons as well as supplies
        # and other equipment", whose weapons the question before asked about.
        span = Span(span.start + besides.start("more"), span.end, span.score, span.margin)
    members = members_listed(candidate.text, span.start, span.end) if wanted is None and _WHAT_DID.match(question) else None
    if members is not None and _holds_earlier_answer(candidate.text[members[0] : members[1]], follow_up):
        # "And what would it get in return?" after "not join NATO": the commitments that hold it
        # answered the question before; what Ukraine gets is in the sentences, not in that list.
        return None
    if members is not None:
        # "What did Ukraine promise in the 10-point plan?": the commitments the sentence lists after
        # "a set of compromises, including", not "compromises", which only names their kind. Not
        # for a question naming the kind it asks for ("What group can teachers in Wales register
        # with?": "trade unions").
        span = Span(*_what_was_committed(candidate.text, *members, question), span.score, span.margin)
    limit = _LIMIT_BEFORE.search(candidate.text, max(0, span.start - 30), span.start)
    if limit is not None and _NEGATIVE_ASKED.search(question):
        # "What will Ukraine not accept?": "anything less than the full withdrawal of Russian troops",
        # not the withdrawal, which is what it demands ("What does Ukraine insist on …?" is the
        # withdrawal: it had been answered "anything less than the full withdrawal").
        span = Span(limit.start(), span.end, span.score, span.margin)
    if (wanted == DATE and _ASKS_FUTURE.match(question)
            and earlier_than(date_parts(candidate.text[span.start : span.end]), date_parts(candidate.passage.date))):
        # "When will Russia withdraw its troops?": not "24 February 2022", a date before the document
        # was written ("… not present before 24 February 2022, the day the invasion started").
        return None
    other_date = date_of_asked_clause(candidate.text, span.start, span.end, question) if wanted == DATE else None
    if other_date is not None:
        # "When will Poland stop buying Russian coal?": the time said with the coal, not the oil and gas.
        span = Span(*other_date, span.score, span.margin)
    share = percentage_in(candidate.text, span.start, span.end, question)
    if share is not None:
        # "What share of Ukrainians have left the country?": "about 10 percent", not "raging and
        # millions of Ukrainians — about 10 percent".
        span = Span(*share, span.score, span.margin)
    if wanted == NUMBER and size_of_part_missing(candidate.text[span.start : span.end], question):
        # "How much of Ukraine could Russia actually control?": not "almost 44-million", its population.
        return None
    colon = candidate.text.rfind(": ", span.start, span.end)
    opened = candidate.text[span.start : colon].count("(") - candidate.text[span.start : colon].count(")")
    if colon >= 0 and not opened and candidate.text[colon + 2 : span.end].strip():
        # "Where has the West not yet hit Russia?" is answered by what the colon introduces, "energy
        # exports", not "it hurts: energy exports" (from "where it hurts: energy exports"); a colon
        # in brackets is part of an item ("the Maastricht Treaty 1992 (now: TFEU)").
        span = Span(colon + 2, span.end, span.score, span.margin)
    about = _TOPIC_AFTER.search(candidate.text, span.start, span.end) if _ASKS_TOPICS.match(question) else None
    if about is not None and candidate.text[about.end() : span.end].strip():
        # "What topics should Russia be invited to discuss with NATO?": what the dialogue is on ("arms
        # control, deployments of …"), not who it is with ("United States and NATO on arms control, …").
        span = Span(*whole_list(candidate.text, about.end(), span.end), span.score, span.margin)
    counting = wanted == NUMBER and _HOW_MANY_ASKED.match(question) is not None
    if counting and ordinal_counts_before(candidate.text[span.start : span.end], question):
        # "How many rounds were there before it?" after the sixth: not "sixth time", the one asked
        # after; the count before it is in no word of the sentence.
        return None
    rank = _RANKED.match(candidate.text, span.start) if counting else None
    if rank is not None and span.end in (rank.end("ordinal"), rank.end()):
        # "Out of Russia's top five banks, how many are under full blocking sanctions?": not "second", a
        # rank ("VTB — the second-largest"), but the one "only" singles out of the group counted ("of the
        # five largest Russian banks, only VTB"); no answer when the sentence singles none out.
        group = _OF_COUNTED_GROUP.search(candidate.text)
        singled = _SINGLED_OUT.match(candidate.text, group.end()) if group is not None else None
        if singled is None:
            return None
        span = Span(singled.start("only"), singled.end("only"), span.score, span.margin)
    singled = _SINGLED_OUT.match(candidate.text, span.end) if counting else None
    # … when what the question says of them is said after it ("has been fully blocked").
    if (singled is not None and re.search(r"\bof\s+the\s+$", candidate.text[max(0, span.start - 8) : span.start])
            and _content_words(question) - _content_words(candidate.text[span.start : singled.start("only")])
            & _content_words(candidate.text[singled.end() :])):
        # "How many Russian banks have been fully blocked?": "only VTB" (from "of the five largest Russian
        # banks, only VTB … has been"), one of the five counted, not "five".
        span = Span(singled.start("only"), singled.end("only"), span.score, span.margin)
    focused = _FOCUSED_NAME.search(candidate.text, span.start, span.end)
    if focused is not None and focused.end() == span.end:
        # "Which bank was cut off from SWIFT?": "VTB", not "Russian banks, only VTB" (from "of the five
        # largest Russian banks, only VTB — the second-largest — has been …"): "only" singles it out.
        span = Span(focused.start("name"), span.end, span.score, span.margin)
    group = _ONLY_GROUP_BEFORE.search(candidate.text, 0, span.start)
    if group is not None and group.end() == span.start and _NAME_SPAN.fullmatch(candidate.text[span.start : span.end]):
        # "Who alone can restore deterrence?": "the United States and NATO", not "NATO", of "only the
        # United States and NATO can restore …": "only" takes the whole group.
        span = Span(group.start("group"), span.end, span.score, span.margin)
    if asks_included(question) and _AMOUNT_ONLY.fullmatch(candidate.text[span.start : span.end]):
        # "What does the EU's package contain?": not "nearly $1 billion" (from "deliver a nearly $1
        # billion package, approving the shipment of lethal weapons"), what it is worth.
        return None
    if _negated_alternative(candidate.text, span.start, span.end, question):
        # "What does de-Nazification now concern?": not "removal of Zelensky from power", from "no longer
        # concerns the removal of Zelensky from power but rather relatively uncontroversial measures …".
        return None
    if _qualifies_asked(candidate.text, span.start, span.end, question):
        # "What are Russia's demands?": not "unrealistic", from 'advancing "unrealistic" demands',
        # which only qualifies them.
        return None
    if _restates_asked(candidate.text, span.start, question):
        # "What would maximalist objectives lead to?": not "regime change", which "maximalist
        # objectives – regime change in Moscow –" says they are; what they lead to comes after.
        return None
    if subject_of_asked_verb(candidate.text, span.start, span.end, question):
        # "What won't he give up?": not "the Ukrainian leadership", from "the Ukrainian leadership is
        # refusing to give up", who does not, not what.
        return None
    renamed = _renamed(candidate.text, span.start, span.end)
    if renamed == (-1, -1):
        return None
    if renamed is not None:
        # "What does Ukraine's constitution enshrine?": "NATO membership", not "a goal" (from "not
        # pursue NATO membership, a goal enshrined in Ukraine’s constitution"), which only renames it.
        span = Span(*renamed, span.score, span.margin)
    if not several and _second_of_introduced_pair(candidate.text, span.start):
        # "What would Ukraine accept on Crimea and the Donbas?": not "refusing to recognise Russia's
        # sovereignty", the second half of what "open to a compromise:" introduces ("refrain from
        # actively demanding the full return …, but refusing …"); the whole is too long for a short answer.
        return None
    if not several and _inside_introduced(candidate.text, span.start, question):
        # "What compromise might Zelensky accept?": not "return of Crimea and the Donbas", a piece of
        # what "open to a compromise:" introduces ("refrain from actively demanding the full return …").
        return None
    # Not for a date or a number ("published in 1520: To the Christian Nobility …"), nor before a quotation.
    introduced = _INTRODUCED.match(candidate.text, span.end) if wanted is None else None
    if introduced is not None and not introduced.group("what").startswith(('"', "“", "'", "‘")):
        # "What are Putin's war aims?": not "fronts" (from "aims for more on all fronts: not just a
        # neutral but also …"), but what the colon introduces; too long for a short answer, none.
        if len(introduced.group("what").split()) > OBJECT_WORDS:
            return None
        span = Span(introduced.start("what"), introduced.end("what"), span.score, span.margin)
    cut_at = _PARTICLE_OBJECT.match(candidate.text, span.end) if _PARTICLE_CUT.search(candidate.text, 0, span.end) else None
    if cut_at is not None:
        # "What does Alcaro say sanctions have hardly achieved?": "bringing down regimes", not the
        # phrasal verb without what it acts on ("bringing down").
        span = Span(span.start, cut_at.end("object"), span.score, span.margin)
    described = _kind_after_description(candidate.text, span, question)
    if described is not None:
        span = described
    counted = _counted_list_around(candidate.text, span.start, span.end, question)
    if counted is not None:
        # "Which book series does IAI publish?": all of "three book series (*Global Politics and
        # Security*, *Quaderni IAI* and *IAI Research Studies*)", not the first one's "Global Politics".
        span = Span(*counted, span.score, span.margin)
    elif several or asks_included(question) or _ASKS_CAUSE.match(question):
        # "What are the three construction subsectors?": the reader learnt single spans and may
        # take one or two items of the list the sentence gives; the answer is the whole list. So
        # for "What did Biden's visit to Europe include?": "NATO, US–EU and G7 summits", not "NATO";
        # and for "What caused Russia's poor performance?": "low morale, inadequate training and
        # badly maintained equipment", every cause the sentence lists.
        listed = whole_list(candidate.text, span.start, span.end)
        if listed == (span.start, span.end):
            # "Which regions are contested?": "Crimea and the so-called Luhansk and Donetsk People's Republics".
            listed = pair_list(candidate.text, span.start, span.end)
        if listed == (span.start, span.end) and asked_count(question) == 2:
            # "What two roles does Alcaro hold …?": "Research Coordinator and Head of Global Actors
            # programme", not the second alone.
            listed = pair_before(candidate.text, span.start, span.end)
        span = Span(*listed, span.score, span.margin)
    elif wanted is None and _OPENS_ACTIONS.search(candidate.text[: span.start]) and not _repeats_question(candidate.text[span.start : span.end], question):
        # "What should the West's goal be?": "end the war, ensure Ukraine's security and stabilise the
        # antagonism with Russia" (from "Their goal should be to end the war, ensure …"), every action
        # that "to" opens, not the first. So after a modal: "What did Ukraine offer to give up?" is
        # "not join NATO, develop nuclear capabilities or host foreign military bases" (from "… that it
        # would not join NATO, …"), not "not join NATO"; but "What would Kyiv forgo in terms of joining the
        # Western military alliance?" names its item, "not join NATO".
        span = Span(*whole_list(candidate.text, span.start, span.end), span.score, span.margin)
    elif wanted is None and _WHAT_ALONE.match(question) and (steps := _passive_steps(candidate.text, span.start, span.end)):
        # "What would a neutrality agreement have to go through?": every step of "approved by a nationwide
        # referendum, added as an amendment to …, and ratified in …", not the first step's agent.
        span = Span(*steps, span.score, span.margin)
    elif wanted is None and re.fullmatch(r"[a-z]+ing", candidate.text[span.start : span.end]) and re.search(
            r"\bby\s+$", candidate.text[: span.start]):
        # "What would show that it is serious?": "stopping its brutal assaults" (from "… that it’s serious
        # by stopping its brutal assaults"), the whole means, not the verb alone.
        # It ends where an object does: at a clause mark or the sentence's end.
        means = phrase_until(candidate.text, span.start, OBJECT_END, OBJECT_WORDS, strip=" ,.")
        span = Span(*means, span.score, span.margin) if means is not None else span
    elif wanted is None and _GERUND.fullmatch(candidate.text, span.start, span.end) and not candidate.text[: span.start].strip():
        # "What would help besides bank sanctions?": "Stepping up enforcement of individual sanctions"
        # (from "Stepping up enforcement of individual sanctions would also help."), the whole subject
        # a gerund opens, not the gerund alone.
        subject = phrase_until(candidate.text, span.start, _SUBJECT_END, OBJECT_WORDS, strip=" ,.")
        span = Span(*subject, span.score, span.margin) if subject is not None else span
    elif wanted == PERSON:
        # "Who has been mediating?": "Turkey and Israel" (from "Turkey and Israel have been active
        # in this regard"), not the one name the reader took.
        span = Span(*coordinated_subject(candidate.text, span.start, span.end), span.score, span.margin)
        verb = CLAUSE_VERB.search(candidate.text, span.start, span.end)
        doer = candidate.text[span.start : verb.start()].rstrip() if verb is not None else ""
        if doer:
            # "Who said Kyiv was stalling the talks?": "Russians", not "Russians have accused the
            # Ukrainians", a clause: who did it ends where what they did begins.
            span = Span(span.start, span.start + len(doer), span.score, span.margin)
    both = _NOT_JUST.match(candidate.text, span.start)
    if both is not None and both.end() >= span.end:
        # "not just a neutral but also a de-militarised Ukraine", not "not just a neutral": the
        # words after "but also" are the other half of the answer.
        also = _BUT_ALSO.match(candidate.text, both.end())
        rest = phrase_until(candidate.text, also.end(), OBJECT_END, OBJECT_WORDS, strip=" ,.") if also else None
        if rest is not None:
            span = Span(span.start, rest[1], span.score, span.margin)
    leaning = _DEPENDENT_ON.match(candidate.text, span.start, span.end)
    if leaning is not None and leaning.end() < span.end and _ASKS_WHAT_OR_WHICH.match(question):
        # "Which Russian energy does Europe still rely on?": "Russian gas", not "deeply dependent on
        # Russian gas": what it depends on, not the dependence.
        span = Span(leaning.end(), span.end, span.score, span.margin)
    aside = _SET_ASIDE_HEAD.search(question)
    if (aside is not None and re.fullmatch(r"[a-z][\w-]*", candidate.text[span.start : span.end])
            and (head := re.compile(rf"\s+{re.escape(aside.group('head'))}\b").match(candidate.text, span.end))):
        # "What does Putin want besides a neutral Ukraine?": "de-militarised Ukraine", not the word
        # that describes it alone: the question sets aside one kind of the same thing.
        span = Span(span.start, head.end(), span.score, span.margin)
    means = _ACT_BY_MEANS.search(candidate.text, 0, span.start)
    if (means is not None and means.end() == span.start and _GERUND_OPENS.match(candidate.text, span.start)
            and not _ASKS_HOW_OR_MEANS.search(question)):
        # "What do the Russians blame the Ukrainians for?": "delaying the talks by advancing
        # “unrealistic” demands", not the means alone ("advancing …"), from "accused the Ukrainians of
        # delaying the talks by advancing …"; "How …?" and "By what means …?" ask for the means.
        span = Span(means.start("act"), span.end, span.score, span.margin)
    paired = _GERUND_BEFORE.search(candidate.text, 0, span.start)
    if paired is not None and paired.end() == span.start and _GERUND_OPENS.match(candidate.text, span.start):
        # "saying one thing and doing another", not "doing another": the second of two actions
        # joined is half of the answer.
        span = Span(paired.start(), span.end, span.score, span.margin)
    own = own_noun_phrase(candidate.text, span.start, span.end)
    if own is not None:
        # "What did Russia annex in 2014?": "Crimea", not "Crimea and invasion of the Donbas".
        span = Span(*own, span.score, span.margin)
    kind_item = _item_of_asked_kind(candidate.text[span.start : span.end], question)
    if kind_item is not None:
        # "Which Western sanctions have not changed Russia's conduct?": "economic sanctions", not
        # "diplomacy and economic sanctions" (from "Western diplomacy and economic sanctions have failed …").
        span = Span(span.start + kind_item[0], span.start + kind_item[1], span.score, span.margin)
    others = _other_than_excepted(candidate.text, span.start, span.end, question)
    if others is not None:
        # "Who besides Turkey has been active as a go-between?": "Israel", not "Turkey and Israel".
        span = Span(*others, span.score, span.margin)
    narrow = narrow_to_asked(candidate.text[span.start : span.end], question)
    if narrow is not None:
        # "What year did Tesla die?" is answered by "1943", not "7 January 1943"; "How many
        # points ...?" by "308", not "308 points".
        span = Span(span.start + narrow[0], span.start + narrow[1], span.score, span.margin)
    named = named_in_brackets(candidate.text, span.start, span.end, question)
    if named is not None:
        span = Span(*named, span.score, span.margin)
    titled = with_title_after(candidate.text, span.start, span.end, question) if named is None else None
    if titled is not None:
        # "What does the IAI publish every quarter?": the quarterly and its title, not the kind alone.
        span = Span(*titled, span.score, span.margin)
    owned = _owned_head(candidate.text, span.end, question)
    if owned is not None:
        # "Which cities did Russia keep bombing?": "Ukraine’s northern cities", not "Ukraine".
        span = Span(span.start, owned, span.score, span.margin)
        renamed = _NAME_BEFORE_APPOSITIVE.search(candidate.text, 0, span.start)
        # One capitalised word opening the sentence may be no name: "However, Russia’s largest bank …".
        if renamed is not None and (candidate.text[: renamed.start()].strip(" “\"‘'") or " " in renamed.group("name")):
            # "Which bank was the largest?": "Sberbank", which "Russia’s largest bank" describes in
            # apposition ("… on Sberbank, Russia’s largest bank, as well as …"), not the description.
            span = Span(renamed.start("name"), renamed.end("name"), span.score, span.margin)
    held = _kind_held(candidate.text, span.start, span.end, question)
    if held is not None:
        # "What veto was Ukraine asked to concede?": "veto power over national decisions", not who
        # would hold it ("the LNR and DNR", of "allowing the LNR and DNR to have veto power over …").
        span = Span(*held, span.score, span.margin)
    described = _described_kind(candidate.text, span.start, span.end, question)
    if described is not None:
        # "Which Ukrainian cities were bombed after the talks?": "Ukraine’s northern cities", not "northern".
        span = Span(*described, span.score, span.margin)
    focus = _FOCUS_AFTER.search(candidate.text, span.start, span.end)
    if focus is not None and _content_words(focus.group("what")) <= _content_words(question):
        # "What equipment has Russia lost?": "military equipment", not "military equipment, especially
        # Russia" (from "Both sides have lost enormous amounts of military equipment, especially Russia").
        span = Span(span.start, focus.start(), span.score, span.margin)
    attesting = _ATTESTS.search(candidate.text, span.start, span.end)
    if attesting is not None and attesting.start() > span.start:
        # "as the cases of Cuba, Iran, Iraq and Venezuela attest": the cases, not the verb after them.
        span = Span(span.start, attesting.start(), span.score, span.margin)
    purpose = _FOR_AFTER.match(candidate.text, span.end) if _ENDS_ON_FOR.search(question) else None
    if purpose is not None and (after := phrase_until(candidate.text, purpose.end(), OBJECT_END, OBJECT_WORDS, strip=" ,.")):
        # "What does the opinion piece warn the talks could be a cover for?": what follows the cover's
        # "for" ("its military forces to regroup …"), not the cover itself ("smokescreen").
        span = Span(*after, span.score, span.margin)
    particle = _PARTICLE_ENDING.match(candidate.text, span.end)
    if particle is not None and _TO_BEFORE.search(candidate.text, 0, span.start) and " " not in candidate.text[span.start : span.end]:
        # "What has Ukraine asked China to do?": "step in", not "step" (of "… called on China to step
        # in"): a verb's particle ending the clause is the verb's.
        span = Span(span.start, particle.end(), span.score, span.margin)
    people = person_names(candidate.text) if _CALLED_WORD_ASKED.match(question) else []
    if len(people) == 1 and not set(people[0].split()) & set(candidate.text[span.start : span.end].split()):
        # "Who called the Crimea question settled?": the one person the sentence names ("… which Russian
        # Foreign Minister Sergei Lavrov said was “settled for good”"), not what he called so ("Donbas").
        at = candidate.text.find(people[0])
        span = Span(at, at + len(people[0]), span.score, span.margin)
    if counted is None and _lists_asked_name(candidate.text[span.start : span.end], question):
        # "Which weapons has Poland sent?": not "Poland, Estonia, Sweden and Germany", the list the
        # question's own subject stands in; what they sent is the sentence's to say. (A list the
        # sentence counts as of the kind asked is the answer: "*Quaderni IAI*" for "What does IAI publish?")
        return None
    return candidate, span


# A question ending on its "for" ("… could be a cover for?"), and a span's own "for" after it.
_ENDS_ON_FOR = re.compile(r"\bfor\s*[?.!]*\s*$", re.I)
_FOR_AFTER = re.compile(r"\s+for\s+(?=\w)")
# A particle ending a clause after a verb ("to step| in."), and the "to" of an infinitive before it.
_PARTICLE_ENDING = re.compile(r"\s+(?:in|up|out|down|back|off|over|aside|away)(?=\s*(?:[.,;:!?)]|[⁰¹²³⁴⁵⁶⁷⁸⁹]|$))")
_TO_BEFORE = re.compile(r"\bto\s+$")
# What gives one figure or fact to each of several: "… 6–7,000 soldiers each", "both sides".
_EACH_ALIKE = re.compile(r"\b(?:each|apiece|alike|both)\b", re.I)
# "Which sanctions …?", "Which Western sanctions …?": the kind asked for, in the plural.
_ASKS_KIND_PLURAL_NOUN = re.compile(r"^\W*(?:(?i:and|so)\s+)?(?i:which|what)\s+(?:[A-Z][\w-]*\s+|[a-z][\w-]*\s+(?=[a-z]+s\b))?(?P<kind>[a-z]{3,}s)\b")
# Two items: a bare word, then words ending on a noun ("diplomacy and economic sanctions").
_BARE_AND_ITEM = re.compile(r"(?P<bare>[a-z][\w-]*)\s+and\s+(?P<item>(?:[a-z][\w-]*\s+){0,2}(?P<head>[a-z][\w-]*))")


def _item_of_asked_kind(text: str, question: str) -> tuple[int, int] | None:
    """Offsets in `text` of its second item when it is two ("diplomacy and economic sanctions"), the
    first a bare word, and only the second of the kind the question asks for ("sanctions" for "Which
    Western sanctions …?"); None otherwise."""
    asked = _ASKS_KIND_PLURAL_NOUN.match(question)
    pair = _BARE_AND_ITEM.fullmatch(text) if asked is not None else None
    if pair is None or pair.group("head") != asked.group("kind") or pair.group("bare") == asked.group("kind"):
        return None
    return pair.start("item"), pair.end("item")


def _lists_asked_name(text: str, question: str) -> bool:
    """True when the text is a list ("A, B and C") one of whose items is, or opens with, a name the
    question gives ("Poland" for "Which weapons has Poland sent?", "Javelin antitank missiles" for
    "Who sent Javelin missiles?")."""
    items = [item.strip(" *_").casefold() for item in _items_listed(text)]
    if len(items) < 2 or "," not in text:
        return False  # "the Tyne and Wear Metro" is one name
    names = {m.group(0).casefold() for m in re.finditer(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w’'-]+", question.strip())}
    return any(item.split()[0] in names for item in items if item.split())


# "Which countries …?", "Who …?": names asked for.
_ASKS_NAMED_KIND = re.compile(r"^\W*(?:(?:and|so)\s+)?(?:who\b|(?:which|what)\s+(?:countries|nations|states|governments|people|leaders|officials|banks|organi[sz]ations)\b)", re.I)
# A time at a span's end: "oil and gas imports by the end of the year".
_TRAILING_TIME = re.compile(
    r"\s+(?P<prep>by|within|before|until)\s+(?:the\s+)?(?:end\s+of|next|coming|this|[A-Z0-9])[^,;]*?$", re.I
)
# A word that singles out what follows it, at a span's start: "especially air defense systems".
_FOCUS_OPENS = re.compile(r"(?:especially|particularly|notably|above\s+all|chiefly|mainly|mostly)\s+(?=\S)", re.I)
# What a span's end singles out after a comma: "military equipment, especially Russia".
_FOCUS_AFTER = re.compile(r",\s+(?:especially|particularly|notably|above\s+all)\s+(?P<what>[^,;]+)$")
# A name that "only" singles out after a comma, at a span's end: "Russian banks, only VTB".
# After the count of a partitive, the one it singles out: "five| largest Russian banks, only VTB".
_SINGLED_OUT = re.compile(r"(?:\s+[\w’'-]+){1,4},\s+(?P<only>(?:only|just|solely)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")
# An amount of money and nothing else: "nearly $1 billion", "€30 million".
_AMOUNT_ONLY = re.compile(
    r"(?i:(?:about|around|nearly|almost|over|more\s+than|less\s+than|up\s+to|some|roughly)\s+)?"
    r"(?:[$€£¥]\s?[\d.,]+|[\d.,]+\s*(?i:dollars|euros?|pounds))(?:\s+(?i:thousand|million|billion|trillion))?"
)
# "How many …?", and after the group it counts in: "Out of Russia's top five banks, how many …?".
_HOW_MANY_ASKED = re.compile(rf"^\W*(?:(?:and|so)\s+)?{GROUP_COUNTED_FIRST}how\s+many\b", re.I)
# A group counted by number: "of the five largest Russian banks".
_OF_COUNTED_GROUP = re.compile(r"\bof\s+the\s+(?:top\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\b", re.I)
# The names before the last of a group "only" opens: "only the United States and NATO".
_ONLY_GROUP_BEFORE = re.compile(
    r"\b(?:only|just|solely)\s+(?P<group>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*"
    r"(?:,\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)*,?\s+(?:and|or)\s+)(?:the\s+)?$"
)
# A span that is one name: "NATO", "the United States".
_NAME_SPAN = re.compile(r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
_FOCUSED_NAME = re.compile(r",\s+(?:only|just|solely)\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")
# The answer's first sentences in which a finder of `_short_span` may mark the short answer.
MARKED_SENTENCES = 2
# What a colon right after a span introduces, to the sentence's end (its footnote marker left out).
_INTRODUCED = re.compile(r"[*_]*:\s+(?P<what>.+?)[.!?]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*$", re.S)
# The answer's first sentences whose list after "including" or "such as" may be the short answer.
INCLUDED_SENTENCES = 2
# A question for things of a kind: "Which cities …?", "What weapons …?" -> "cities", "weapons".
# After a capitalised adjective too: "Which Ukrainian cities …?" asks for cities.
_ASKED_KIND = re.compile(r"^\W*(?i:which|what)\s+(?:[A-Z][\w’'-]*\s+)?(?P<noun>(?i:[a-z][\w-]{2,}))\b")
# A possessive and at most two words before the noun: "’s northern cities".
_OWNED = r"[’']s\s+(?:[a-z][\w-]*\s+){{0,2}}?{noun}\w*\b"


# A gerund, with its particle: "Stepping up", "Imposing".
_GERUND = re.compile(r"[A-Za-z]+ing(?:\s+(?:up|out|down|off|back|on|in))?")
# Where a sentence's subject ends: before its verb, or at a clause mark.
_SUBJECT_END = re.compile(rf"\s+(?:{'|'.join(MODALS)}|is|are|was|were|has|have|had)\b|[,;:()]|\s[—–]\s|[.!?]?\s*$")
# Where the words a time belongs to begin: a clause's opening before it.
_CLAUSE_OPENING = re.compile(r"(?:^|\bthat\s|,\s|;\s|:\s)")


def _time_of_asked_thing(
    sentence: str, span: Span, question: str, idf: Callable[[str], float]
) -> tuple[int, int] | None:
    """Of a sentence giving two times or more, each after its own words ("end Russian coal imports
    within the next few weeks and phase out oil and gas imports by the end of the year"), the one
    whose words hold the question's rarer words (by IDF) when the span is another of them; None
    when the span is no such time or it is the best."""
    times, addresses = whole_units(sentence)
    # A date inside a web address is no time the sentence gives ("…-2022-03-18").
    times = [t for t in times if not any(a <= t[0] < b for a, b in addresses)]
    if len(times) < 2 or (span.start, span.end) not in times:
        return None
    asked = set(tokenize([question])[0])
    starts = [0] + [end for _, end in times[:-1]]
    clause_words = []
    for (begin, _), before in zip(times, starts):
        opening = max((m.end() for m in _CLAUSE_OPENING.finditer(sentence, before, begin)), default=before)
        clause_words.append(set(tokenize([sentence[opening:begin]])[0]))
    # Words every time's clause shares ("imports") tell none of them apart.
    shared = set.intersection(*clause_words)
    scores = [sum(idf(w) for w in (words - shared) & asked) for words in clause_words]
    best = max(range(len(times)), key=lambda i: scores[i])
    mine = times.index((span.start, span.end))
    return times[best] if best != mine and scores[best] > scores[mine] else None


# A sentence whose subject is a doing ("Imposing the same costs on Sberbank … would …"), and the verb after it.
# Not a preposition in "-ing" ("According to the 1901 census, …", "Following the war, …").
_GERUND_OPENING = re.compile(
    r"\s*(?!(?:According|Following|Including|Excluding|Regarding|Concerning|Considering|Barring|Pending|During|Notwithstanding)\b)"
    r"(?:[A-Z][a-z]+ing)\s+[a-z]"
)
_VERB_AFTER_SUBJECT = re.compile(rf"\s+(?:{'|'.join(MODALS)}|is|are|was|were|has|have|had)\s")
# The most words a doing that is a sentence's subject may have to be a short answer.
GERUND_SUBJECT_WORDS = 25


def _gerund_subject(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The sentence's subject when it is a doing that the span ends ("Imposing … large commercial
    banks" for "large commercial banks", before "would significantly hurt …"); None otherwise."""
    opening = _GERUND_OPENING.match(sentence)
    if opening is None or start <= opening.start() or _VERB_AFTER_SUBJECT.match(sentence, end) is None:
        return None
    begin = len(sentence) - len(sentence.lstrip())
    return (begin, end) if len(sentence[begin:end].split()) <= GERUND_SUBJECT_WORDS else None


# What opens a clause that says what follows from the sentence before: "This means", "That shows that".
_WHAT_FOLLOWS = re.compile(r"(?:This|That|It)\s+(?:means|meant|shows|showed|suggests|implies)\s+(?:that\s+)?")
# What opens a list of actions: "to" or a modal ("… that it would not join NATO, develop …").
# "What would …?", "What does …?": "what" with no noun after it, which asks for no kind of thing.
_WHAT_ALONE = re.compile(r"^\W*(?:(?:and|so)\s+)?what\s+(?:would|will|does|do|did|must|should|could|might|has|have|had|is|are)\b", re.I)
# A participle and its preposition just before a span: "(be) approved by |".
_PARTICIPLE_BEFORE = re.compile(rf"\b(?P<verb>[a-z]{{3,}}ed)\s+(?:{STEP_PREPOSITIONS})\s+$")
# The steps after the first one: ", added as …, and ratified in …", each a participle and its preposition.
_MORE_PARTICIPLES = re.compile(
    rf"(?:,\s+(?!and\b|or\b)[a-z]{{3,}}ed\s+(?:{STEP_PREPOSITIONS}|to)\s+[^,;:.]+)*"
    rf",?\s+(?:and|or)\s+[a-z]{{3,}}ed\s+(?:{STEP_PREPOSITIONS}|to)\s+[^,;:.]+"
)


def _passive_steps(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets of a series of participles a span is the first one's object in ("approved by |a
    nationwide referendum|, added as an amendment …, and ratified in the parliaments of …"), from the
    first participle to the series' end; None when the span does not open one."""
    before = _PARTICIPLE_BEFORE.search(sentence, max(0, start - 40), start)
    more = _MORE_PARTICIPLES.match(sentence, end) if before is not None else None
    return (before.start("verb"), more.end()) if more is not None else None


# "What topics …?", "Which issues …?": what something is about, asked by the kind of thing.
_ASKS_TOPICS = re.compile(r"^\W*(?:(?:and|so)\s+)?(?:what|which)\s+(?:topics|issues|subjects|matters|themes|areas)\b", re.I)
# What a dialogue or a text is about opens after these.
_TOPIC_AFTER = re.compile(r"\s(?:on|about|regarding|concerning)\s+", re.I)
_OPENS_ACTIONS = re.compile(rf"\b(?:to|{'|'.join(MODALS)})\s+$")
# "The Ukrainian" of "The Ukrainian plan envisions …": a people's adjective after "the" that a
# lower-case noun follows qualifies it, and names no one asked for by "who" ("Who pushed back on the
# timeline?"). Not "the Commission has …", nor "the Timucua people" for "… inhabited by what people?" (XQuAD).
_DEMONYM_ADJECTIVE = re.compile(r"(?i:the)\s+[A-Z][a-z]+(?:ian|ean|ese|ish|an)\s[a-z]$")
# A denial just before a short answer: "have not |affected …", "haven't |", "no longer |".
_DENIED_BEFORE = re.compile(r"\b([\w]+n['’]t|not|never|no\s+longer|hardly)\s+$", re.I)
_CLAUSE_OPENER = re.compile(r"\b(?:that|whether|if)\b", re.I)
_DENIAL_ASKED = re.compile(r"\s+(?:what|who|whom|which|where|when|how)\b", re.I)


def _question_denies(question: str) -> bool:
    """True when the question's own clause is denied ("Cydippids are not what?", "What hasn't changed
    despite the sanctions?"): its answer is what is denied, without the denial. Not a denial in a
    clause it opens ("What evidence is there that sanctions are not working?")."""
    denial = _NEGATED.search(question)
    if denial is not None and _DENIAL_ASKED.match(question, denial.end()):
        # "Evidence indicates that Cydippids are not what?": the denial stands before what is asked.
        return True
    return denial is not None and _CLAUSE_OPENER.search(question, 0, denial.start()) is None
# "… no longer concerns X but rather Y": a negation shortly before a span, "but" shortly after it.
_NEGATION_BEFORE = re.compile(r"\b(?:no\s+longer|not|never)\s+(?:[\w’'-]+\s+){0,2}$", re.I)
_BUT_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,3}?\s*,?\s+but\s+(?:rather|instead)?\b", re.I)
_NEGATED = re.compile(r"\b(?:no\s+longer|not|never)\b|n[’']t\b", re.I)


def _negated_alternative(sentence: str, start: int, end: int, question: str) -> bool:
    """True when the span is what the sentence says is not so, set against what is ("no longer
    concerns X but rather Y"), or half of what it says ("not just X but also Y"), and the question
    does not ask what is not."""
    return (_NEGATION_BEFORE.search(sentence, max(0, start - 40), start) is not None
            and _BUT_AFTER.match(sentence, end) is not None and _NEGATED.search(question) is None)


# What sets off an appositive: a dash, with the spaces around it. Not a comma: "During the Cultural
# Revolution, Red Guards destroyed …" answers "Who destroyed … during the Cultural Revolution?".
_APPOSITIVE_OPENING = re.compile(r"(?P<words>(?:[\w’'-]+\s+){0,2}[\w’'-]+)\s*[–—]\s*$")




_COUNT = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|dozens?|hundreds?|thousands?|millions?|billions?)\b", re.I)


# A count and the kind it counts, then a bracket that lists them: "three book series (*Global …".
_COUNTED_BRACKET = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<kind>(?:[^\W\d_][\w’'-]*\s+){0,2}[^\W\d_][\w’'-]*)\s*\(\s*$", re.I
)


def _counted_list_around(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """The whole bracket a span lies in when the bracket lists things the words before it count, of
    the kind the question names ("three book series (A, B and C)" for "Which book series …?"); else None."""
    opening = sentence.rfind("(", 0, start + 1)
    closing = sentence.find(")", end - 1)
    if opening < 0 or closing < 0 or ")" in sentence[opening:start] or "(" in sentence[end:closing]:
        return None
    counted = _COUNTED_BRACKET.search(sentence, max(0, opening - 60), opening + 1)
    if counted is None or not _content_words(counted.group("kind")) & _content_words(question):
        return None
    # Its items' emphasis stays whole: "*Global Politics and Security*, *Quaderni IAI* and …*".
    inside = sentence[opening + 1 : closing]
    lead = len(inside) - len(inside.lstrip())
    trail = len(inside) - len(inside.rstrip())
    if (opening + 1 + lead, closing - trail) == (start, end) or "," not in inside and " and " not in inside:
        return None
    return opening + 1 + lead, closing - trail


def _qualifies_asked(sentence: str, start: int, end: int, question: str) -> bool:
    """True when the span only qualifies the noun a "What are X's <noun>?" question asks about: the
    noun follows it ('"unrealistic" demands' for "What are Russia's demands?")."""
    stem = asked_noun(question)
    if stem is None:
        return False
    # A count is what it qualifies ("a 15-year timeline" answers "What is the plan's timeline?").
    return re.match(rf"[\"”’'*]*\s+{re.escape(stem)}s?\b", sentence[end:], re.I) is not None and not _COUNT.search(sentence[start:end])


# "When will …?", "When is Russia going to …?": a time after the document was written.
_ASKS_FUTURE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?when\s+(?:will|shall|(?:is|are)\s+(?:[\w’'-]+\s+){1,5}?going\s+to)\b", re.I
)
# A limit before a thing, which the thing alone misstates: "anything less than", "nothing short of".
_LIMIT_BEFORE = re.compile(r"\b(?:anything|nothing)\s+(?:less|short|other|more)\s+(?:than|of)\s+$", re.I)
# A question asking what is refused: "What will Ukraine not accept?", "What does Kyiv reject?".
_NEGATIVE_ASKED = re.compile(r"\b(?:not|never|hardly|cannot|refuses?|refused|rejects?|rejected)\b|n[’']t\b", re.I)


def _restates_asked(sentence: str, start: int, question: str) -> bool:
    """True when the span opens an appositive right after words the question gives ("maximalist
    objectives – regime change …" for "What would maximalist objectives lead to?"): it says again
    what the question names. Not for a question asking what or who that is ("Who is the aggressor?":
    "the aggressor — Russia —"); but "What is the risk of maximalist objectives?" asks for the risk."""
    opening = _APPOSITIVE_OPENING.search(sentence, max(0, start - 60), start)
    if opening is None:
        return False
    asked = _content_words(question)
    words = _content_words(opening.group("words"))
    identity = _IDENTITY.match(question)
    if identity is not None:
        # "Who is the aggressor, …?" asks what the aside says; "What is the risk of …?" asks for the risk.
        head = [w.lower() for w in _WORD.findall(question[identity.end() :]) if w.lower() not in QUERY_STOPWORDS]
        if not head or head[0][:NAME_STEM] in words:
            return False
    return bool(words) and words <= asked


# "Who is …?", "What is …?", "What are …?": a question for what the thing named is.
_IDENTITY = re.compile(r"^\W*(?:who|what|which)\s+(?:is|are|was|were)\b", re.I)

# A noun phrase that renames what stands before its comma, followed by what is said of that thing:
# "NATO membership, a goal enshrined in Ukraine’s constitution".
_RENAMING = re.compile(r"(?<=,\s)(?:a|an)\s+[a-z]+(?=\s+(?:[a-z]+ed|that|which)\b)")
# The name before such a comma: its last word and the capitalised words (with "of" or "the"
# between them) that lead up to it ("NATO membership", "the Sea of Azov").
_RENAMED_NAME = re.compile(r"(?:(?:the\s+)?[A-Z][\w’'.-]*\s+(?:(?:of|the|and)\s+)*)*[\w’'-]+(?=,\s$)")


def _renamed(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """When the span is a vague noun phrase that renames what stands before its comma ("a goal" in
    "not pursue NATO membership, a goal enshrined in …"), the offsets of that thing when the words
    before the comma name it (a capitalised word among them: "NATO membership"), else (-1, -1); None
    when the span renames nothing."""
    # The reader may leave the article out: "goal" for "a goal".
    article = re.search(r"(?<=,\s)(?:a|an)\s+$", sentence[max(0, start - 5) : start])
    start -= len(article.group()) if article is not None else 0
    renaming = _RENAMING.match(sentence, start)
    if renaming is None or renaming.end() != end:
        return None
    before = _RENAMED_NAME.search(sentence, max(0, start - 80), start)
    if before is None or not re.search(r"[A-Z]", before.group()):
        return -1, -1
    return before.start(), before.end()


def renamed_asked(sentence: str, question: str) -> tuple[int, int] | None:
    """Offsets of the name a noun of the question renames after a comma ("NATO membership" in "not
    pursue NATO membership, a goal enshrined in Ukraine’s constitution" for "What is Ukraine's
    constitutional goal that it might drop?"); None when no such noun renames a name."""
    nouns = {w.lower() for w in _WORD.findall(question) if len(w) >= 4 and w.islower()}
    for m in _RENAMING.finditer(sentence):
        if m.group().split()[-1] in nouns:
            found = _renamed(sentence, m.start(), m.end())
            if found is not None and found != (-1, -1):
                return found
    return None


# "What maximalist objective …?", "Which element …?": the kind asked for, perhaps with one describing word.
_KIND_AND_WORD = re.compile(r"^\W*(?:(?:and|so|but)\s+)?(?:what|which)\s+(?:(?P<word>[a-z][\w-]*)\s+)?(?P<kind>[a-z]{3,})\s+"
                            r"(?:does|do|did|is|are|was|were|has|have|had|will|would|could|should|might|may|must)\b", re.I)
# How many words a gloss between dashes may have to be a short answer.
DASH_GLOSS_WORDS = 8


# "What does the April piece call the 2015 Minsk agreements?": a thing asked what a source calls it.
# "How does … describe …?", which the answerer reads it as, too.
_ASKS_CALLED = re.compile(
    r"^\W*(?:(?:and|so)\s+)?(?:what|how)\s+(?:does|do|did)\s+[^?]+?\s+(?:call|describe)\s+(?:the\s+)?(?P<thing>[^?]+?)\s*[?.!]*\s*$", re.I
)
# Words an epithet may not hold: what opens a clause or names no quality.
_NO_EPITHET = frozenset("of and or but that which who in on for to by with from as so-called".split())


def epithet_of(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What does the April piece call the 2015 Minsk agreements?", the offsets of the words the
    sentence puts before the thing, after its article ("now-defunct" of "the now-defunct 2015 Minsk
    agreements"); None for other questions, or when the sentence writes the thing bare."""
    asked = _ASKS_CALLED.match(question)
    if asked is None:
        return None
    thing = r"\s+".join(map(re.escape, asked.group("thing").split()))
    found = re.search(rf"\b(?:the|a|an)\s+(?P<epithet>(?:[\w’'-]+\s+){{1,2}}?){thing}\b", sentence, re.I)
    if found is None or any(w.lower() in _NO_EPITHET for w in found.group("epithet").split()):
        return None
    # A year or a number before the thing dates or counts it ("the now-defunct 2015 Minsk agreements").
    epithet = re.sub(r"(?:\s+\d[\d,.]*)+\s*$", "", found.group("epithet").rstrip())
    return (found.start("epithet"), found.start("epithet") + len(epithet)) if epithet and not epithet[0].isdigit() else None


def dash_gloss(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What maximalist objective does Alcaro warn against?", the offsets of what the sentence
    says between dashes right after the kind asked for ("regime change in Moscow" in "Aiming for
    maximalist objectives – regime change in Moscow – may end up …"); None when it says none."""
    asked = _KIND_AND_WORD.match(question)
    if asked is None or asked.group("kind").lower() in _LIGHT_NOUNS:
        return None
    word = rf"{re.escape(asked.group('word'))}\s+" if asked.group("word") else ""
    found = re.search(rf"\b{word}{re.escape(asked.group('kind'))}(?:s|es)?\s+[–—]\s+(?P<gloss>[^–—.;]+?)\s+[–—]\s", sentence, re.I)
    # Not a clause that says who calls it what ('– what the Russian propaganda dubs "de-Nazification" –'),
    # which the reader reads better; an opening "including" introduces the gloss and is none of it.
    if found is None or len(found.group("gloss").split()) > DASH_GLOSS_WORDS or re.match(r"(?i:what|which|who)\b", found.group("gloss")):
        return None
    opening = re.match(r"(?i:including|such\s+as|notably|especially|namely)\s+", found.group("gloss"))
    return found.start("gloss") + (opening.end() if opening else 0), found.end("gloss")


# The second half of a contrast, at a span's start: "…, but |refusing to recognise …".
_AFTER_BUT = re.compile(r",\s+but\s+(?:also\s+)?$")


def _second_of_introduced_pair(sentence: str, start: int) -> bool:
    """True when the span opens the second half of an "A, but B" that a colon introduces and that is
    longer than a short answer ("a compromise: refrain from …, but refusing to recognise …")."""
    colon = sentence.rfind(": ", 0, start)
    if colon < 0 or _AFTER_BUT.search(sentence, colon, start) is None:
        return False
    return len(_WORD.findall(sentence[colon:])) > OBJECT_WORDS


def _inside_introduced(sentence: str, start: int, question: str) -> bool:
    """True when the span starts inside what a colon right after the kind asked for introduces
    ("a compromise: refrain from …" for "What compromise …?"): the span is a piece of the answer."""
    noun = _asked_kind(question)
    if noun is not None:
        return any(m.end() <= start for m in re.finditer(rf"\b{re.escape(noun[:NAME_STEM])}\w*[*_]*:\s", sentence, re.I))
    if not _IDENTITY.match(question):
        return False
    # "What is Zelensky's compromise on the territories?": any noun of it may be the kind, when
    # what its colon introduces is a clause ("a compromise: refrain from actively demanding …"),
    # not a name ("(Dutch: Amazoneregenwoud)").
    return any(m.start("what") <= start and len(_WORD.findall(m.group("what"))) > OBJECT_WORDS
               for n in _content_words(question)
               for m in re.finditer(rf"\b{re.escape(n)}\w*[*_]*:\s+(?P<what>[^.;()]+)", sentence, re.I))


def _asked_kind(question: str) -> str | None:
    """The kind of thing a "Which …?" / "What …?" question asks for ("cities", "compromise"), lower
    case; None when the word after the question word is a stop word ("What is …?")."""
    asked = _ASKED_KIND.match(question)
    noun = asked.group("noun").lower() if asked is not None else None
    return None if noun is None or noun in QUERY_STOPWORDS else noun


def _kind_stem(noun: str) -> str:
    """How a sentence may write the kind asked, as a prefix: "citi" for "cities", else its first NAME_STEM letters."""
    return noun[:-3] if noun.endswith("ies") else noun[:NAME_STEM]


# A name and the comma of the appositive after it, ending where the appositive starts: "Sberbank, |".
_NAME_BEFORE_APPOSITIVE = re.compile(r"(?<![\w’'-])(?P<name>(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,3}),\s+$")


def _owned_head(sentence: str, end: int, question: str) -> int | None:
    """Where the short answer ending at `end` ends once it takes in the thing of the kind asked that
    it owns: "Ukraine" + "’s northern cities" for "Which cities …?". None when no such thing follows."""
    noun = _asked_kind(question)
    if noun is None:
        return None
    owned = re.compile(_OWNED.format(noun=re.escape(_kind_stem(noun))), re.I).match(sentence, end)
    return owned.end() if owned else None


# A holder and what it is to hold: "the LNR and DNR| to have |veto power …".
_TO_HOLD = re.compile(r"\s+to\s+(?:have|hold|get|gain|keep|exercise|retain)\s+(?:an?\s+|the\s+)?")


def _kind_held(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """The offsets of the thing of the kind asked that the span is to hold, from the kind's word to
    its phrase's end ("veto power over national decisions" after "the LNR and DNR to have" for "What
    veto …?"), when the span does not name the kind; else None."""
    noun = _asked_kind(question)
    held = _TO_HOLD.match(sentence, end) if noun is not None else None
    stem = _kind_stem(noun) if noun is not None else ""
    if held is None or stem in sentence[start:end].lower() or not sentence[held.end() :].lower().startswith(stem):
        return None
    return phrase_until(sentence, held.end(), OBJECT_END, OBJECT_WORDS, strip=" ,.")


def _described_kind(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """The span with the noun of the kind asked that follows it right after, and the owner before it
    ("Ukraine’s" + "northern" + "cities" for "Which Ukrainian cities …?"), when the span is words in
    lower case that only describe that noun and a possessive owns it; else None."""
    noun = _asked_kind(question)
    text = sentence[start:end]
    if noun is None or not text or not text[0].islower() or len(text.split()) > 2:
        return None
    head = re.compile(rf"\s+{re.escape(_kind_stem(noun))}\w*\b", re.I).match(sentence, end)
    if head is None:
        return None
    # Only with an owner: SQuAD's answers keep the description alone ("digital terrestrial", not
    # "… platform"; "early", not "early part": five XQuAD answers had lost their exact match).
    owner = re.search(r"(?:\b[A-Z][\w-]*[’']s\s+)$", sentence[:start])
    return (owner.start(), head.end()) if owner else None


# "What does X say / think / argue / write about Y?": what was said, in full, unless a short
# reported clause gives it.
# Not "Who wrote about …?" (a person), nor "What did James Politi write about?" (his article's title).
_SAYS_ABOUT = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?what\b.*\b(?:say|says|said|think|thinks|argue|argues|argued|write|writes|wrote|claim|claims|claimed|assert|asserts|asserted)\s+about\s+\w"
    # "What did the US warn China about?": the warning, in full (not "President Joe Biden himself").
    r"|^\s*what\b.*\b(?:warn|warns|warned|tell|tells|told)\b.*\babout\s*[?.!]*\s*$"
    # "What was his answer on Crimea's timeline?", "What was Peskov's response to the plan?": what he said.
    r"|^\s*what\s+(?:is|was|were|are)\s+(?:his|her|their|[A-Z][\w’'-]*[’']s)\s+(?:answer|response|reply|reaction|view|position)"
    r"\s+(?:on|to|about|regarding)\s+\w"
    # "What did Zelensky say at the G7 summit?": what he said there, not a place beside his name.
    r"|^\s*what\s+(?:did|does|has|had)\s+(?:[\w’'.-]+\s+){1,3}?(?:say|tell|declare|announce)\s+(?:at|in|during|before)\s+\w",
    re.I,
)

# A plain-text reply of more words than this is sentences, not the short answer they gave.
SHORT_REPLY_WORDS = 8
# The sentences of such a reply searched for its answer (the lead of an answer comes first).
SHORT_REPLY_SENTENCES = 2


def _answered_in(reader: SpanReader, follow_up: FollowUp) -> str:
    """What the earlier reply answered: `follow_up.answered`, or, for a plain-text reply of whole
    sentences, the span the reader finds in them for the question it answered. Taken as a whole,
    such a reply ("The Budapest memorandum, which Russia signed in 1994 …" for "Who signed the
    Budapest memorandum?") left nothing in its sentence for a follow-up ("When was it signed?")
    that the earlier answer had not already given."""
    reply = follow_up.answered
    if not follow_up.unmarked or len(reply.split()) <= SHORT_REPLY_WORDS:
        return reply
    text = plain_reply(reply)
    sentences = [text[a:b] for a, b in split_sentences(text)][:SHORT_REPLY_SENTENCES]
    spans = [(x.score, sentence[x.start : x.end]) for sentence, x in zip(sentences, reader.spans(follow_up.unmarked, sentences)) if x]
    return max(spans)[1] if spans else reply


def _holds_earlier_answer(text: str, follow_up: FollowUp | None) -> bool:
    """True when the text holds every content word of the bold short answer the earlier reply gave."""
    if follow_up is None or follow_up.unmarked:
        return False
    answered = _words(follow_up.answered) - QUERY_STOPWORDS - HEDGE_WORDS
    return bool(answered) and answered <= _words(text)


def _first_described(
    candidates: Sequence[Candidate], describe: Callable[[str], tuple[int, int] | None]
) -> tuple[Candidate, Span] | None:
    """The first candidate for which `describe` finds offsets in its text, with them as a span."""
    for candidate in candidates:
        at = describe(candidate.text)
        if at is not None:
            return candidate, Span(at[0], at[1], 1.0)
    return None


def _marked_span(
    chosen: Sequence[Candidate], question: str,
    finders: Sequence[Callable[[str, str], tuple[int, int] | None]],
) -> tuple[Candidate, Span] | None:
    """The first span one of `finders` (sentence, question -> offsets) marks in the first sentence
    that has one, trying each finder over all the sentences before the next."""
    for finder in finders:
        if found := _first_described(chosen, lambda text, finder=finder: finder(text, question)):
            return found
    return None


# A name something is given in quotation marks: 'dubs "de-Nazification"'.
_DUBBED = re.compile(r"\b(?:dubs|dubbed|calls|called|terms|termed|labels|labelled|labeled)\s+[\"“](?P<name>[^\"”]{1,60})[\"”]")
# A span that adds something to what it gives first: "weapons as well as supplies and other equipment".
_BESIDES = re.compile(r"(?P<given>.+?)\s+(?:as\s+well\s+as|in\s+addition\s+to|along\s+with)\s+(?P<more>\S.*)$", re.S)


# Finders that mark in a sentence just what the question's form asks for: a lead they mark answers.
_LEAD_FINDERS = (content_of_noun, target_of, limit_given, place_written, abbreviation_given)


# "Which weapons has the US sent?", "What did the EU deliver?": what has been done.
_ASKS_DONE = re.compile(r"^\W*(?:(?:and|so|but)\s+)?(?:what|which)\b[^?]*?\b(?:has|have|had|did)\s+(?:\w+\s+){0,4}?[a-z]+(?:ed|t|n)\b", re.I)
# A question about what was announced or is to come: "Which weapons did the US announce it would add?".
_ASKS_TO_COME = re.compile(r"\b(?:will|would|shall|going\s+to|plan(?:s|ned)?|announc\w*|promis\w*|pledg\w*|expect\w*)\b", re.I)
# What a sentence says is yet to come: "… which will include armed drones …".
_TO_COME = re.compile(r"\b(?:will|shall|would|is\s+to|are\s+to|is\s+set\s+to|are\s+set\s+to)\s+(?:also\s+)?(?:include|contain|comprise|consist)\b", re.I)


def _lead_by_reader(
    question: str, ranked: list[Candidate], wanted: str | None, s: AnswerSettings, apart: Collection[int] = ()
) -> list[Candidate]:
    """`ranked` with the sentence that best answers a question asking for a thing first.

    The span reader overrules the sentence model's lead only when it judges that the lead does not
    answer (its best span scores below "no answer"); the lead is then, of the best
    `s.rerank_sentences`, the one with the highest sentence-model log-odds plus `s.rerank_weight`
    times the reader's margin. A candidate whose id() is in `apart` is not weighed. Held out on
    XQuAD, overruling only then lost nothing against weighing every time, and it keeps leads the
    reader misreads ("Sberbank, Russia's largest bank" against "of the five largest Russian banks,
    only VTB — the second-largest").

    The sentence model reads features of the sentence; the reader reads the sentence against the
    question word by word. A question asking for a number, a date or a person (`s.gated_types`)
    keeps the lead the type gate gave it: there the reader took "President Putin" for the answer
    to "Who is the president of Ukraine?". A question asking for several things ("What weapons
    has the US sent?") keeps its lead too: the reader learnt single spans, and judged the sentence
    that lists the US weapons not to answer. Unchanged without a reader fitted to tell answering
    sentences apart (`SpanReader.tells_answering`).
    """
    if s.rerank_sentences < 2 or len(ranked) < 2 or not s.rerank_weight or wanted in s.gated_types:
        return ranked
    if _IN_EXCHANGE.match(ranked[0].text) and _EXCHANGE_WORDS.search(question):
        # "What would Ukraine get in return?": "In exchange, the plan envisions, Russia would allow for
        # security guarantees …" says just that, whatever the reader reads in the sentence before it.
        return ranked
    if is_reference(ranked[0].text) and (outlet := publication(ranked[0].text)) and outlet.lower() in question.lower():
        # "What did the IAI cite from Al Jazeera?": the reference in the outlet the question names,
        # not another whose title the reader takes for the answer ("Europe's Post-Cold War Order …").
        return ranked
    if any(finder(ranked[0].text, question) is not None for finder in _LEAD_FINDERS):
        # "What was Russia's original goal in Ukraine?": the lead says what "the original objective of"
        # holds ("subjugating Ukraine"), whatever the reader makes of another's "Their goal should be …".
        return ranked
    several = asks_for_several(question)
    # The lead alone first: most leads answer, and then the others need not be read.
    # "Which European country …?" is read "Which country …?", and the table rules out the answers on
    # other continents (`continents`).
    continent = asked_continent(question)
    read_as = without_continent(question)
    reader = _doubting_reader(read_as, ranked[0], s)
    if reader is None:
        return ranked
    # A sentence without the year the question asks about does not overrule a lead with it: "Which two
    # Ukrainian regions did Russia take by force in 2014?" is "… Russia’s 2014 annexation of Crimea and
    # invasion of the Donbas", not "… make strides in the north and east" (the reader's "north and east").
    years = _YEAR.findall(question)
    dated = bool(years) and _gives_years(ranked[0].text, years)
    top = [ranked[0], *(c for c in ranked[1 : s.rerank_sentences]
                        if id(c) not in apart and (not dated or _gives_years(c.text, years)))]
    if len(top) < 2:
        return ranked
    spans = reader.spans(read_as, [c.text for c in top])  # the lead's reading is kept by the reader
    if several:
        # Only a sentence the reader is all but certain of: "Which weapons does Ukraine need most?"
        # is "… Ukraine needs much more, especially air defense systems and fighter jets …" (margin
        # 16), not the US's list of what it provided (-2.7).
        # Not one about someone else: "Name the weapons the United States has supplied." keeps the US's list.
        subject = _subject_words(question)
        # Nor what is yet to come, for what has been done: "Which weapons has the US sent Ukraine?" is
        # the list of what it "has already provided", not "… supplies to Ukraine, which will include
        # armed drones …" (margin 8).
        done = _ASKS_DONE.match(question) is not None and _ASKS_TO_COME.search(question) is None
        sure = [k for k in range(1, len(top)) if spans[k] is not None and spans[k].margin >= SEVERAL_SURE_MARGIN
                and (not subject or _names_whole(top[k].text, subject))
                and not (done and _TO_COME.search(top[k].text) and not _TO_COME.search(ranked[0].text))]
        return ranked if not sure else [top[sure[0]], *(c for c in ranked if c is not top[sure[0]])]

    def value(k: int) -> float:
        p = min(max(top[k].score, 1e-6), 1 - 1e-6)
        margin = spans[k].margin if spans[k] is not None else -1e3
        return math.log(p / (1 - p)) + s.rerank_weight * margin

    # A sentence holding only some of the question's words that the lead holds, and none it lacks,
    # does not overrule it: "Which goal is written into Ukraine's constitution?" is "… not pursue
    # NATO membership, a goal enshrined in Ukraine's constitution", not "Their goal should be to end
    # the war …", though the reader read "end the war" with a margin of 8.8.
    # The sentence right after the lead goes on from it ("For the Russians, it is … a means to buy
    # time" after "… the 15-point plan …"): its "it" holds the lead's words.
    # A seat of power counts as its country: "Kyiv" in "What has Kyiv asked Beijing to do?" is held by
    # the lead "… Ukraine has also called on China to step in", which "… measures that Kyiv should
    # adopt …" does not overrule (the reader had read "Kyiv" there).
    asked = _seated_words(question)
    held = _seated_words(ranked[0].text) & asked
    # Nor does one without the kind asked for, when the lead names it: "Which coastline might Putin
    # want to annex?" is "… the coastal area around the Sea of Azov", not "… Russia’s 2014 annexation
    # of Crimea …" (the reader's "Crimea").
    # "What is the estimated material damage so far?" too: "Material damage … ranges above the hundred
    # billion euro", not the soldiers "estimated to have lost around 6–7,000" (the reader's).
    kind = _KIND_ASKED.match(question) or _THE_THING_ASKED.match(question)
    stem = kind.group("kind")[:NAME_STEM] if kind is not None and kind.group("kind") not in _LIGHT_NOUNS else None
    if stem is not None and not any(w.startswith(stem) for w in _words(ranked[0].text)):
        stem = None
    # Nor one where the question's doer is acted on (`doer_acted_on`).
    contenders = [k for k in range(len(top)) if k == 0 or (_follows(top[k], ranked[0])
                  or not (_seated_words(top[k].text) & asked) < held)
                  and (stem is None or any(w.startswith(stem) for w in _words(top[k].text)))
                  and not doer_acted_on(top[k].text, question)
                  # Nor one whose answer is a country of another continent than the one asked of.
                  and not (continent and spans[k] is not None
                           and elsewhere(top[k].text[spans[k].start : spans[k].end], continent))]
    lead = top[max(contenders, key=value)]
    if lead is ranked[0]:
        return ranked
    return [lead, *(c for c in ranked if c is not lead)]


# "Which coastline …?", "What kind …?": the kind of thing a question asks for, by its noun.
# The noun stands before the verb ("Which coastline might …"), not before another noun ("What
# Panther defender …", "What military forces …"); a light noun ("Which side …?") names no kind.
_KIND_ASKED = re.compile(
    r"^\W*(?i:(?:and|but|so)\s+)?(?i:which|what)\s+(?P<kind>[a-z]{4,})\s+"
    r"(?=(?:might|may|could|would|will|can|should|must|did|does|do|is|are|was|were|has|have|had)\b)"
)
# "What is the estimated material damage so far?": the thing asked for, by the noun that ends the question.
_THE_THING_ASKED = re.compile(
    r"^\W*(?i:(?:and|but|so)\s+)?(?i:what)\s+(?i:is|was|are|were)\s+(?i:the)\s+(?:[a-z][\w-]*\s+){0,2}(?P<kind>[a-z]{4,})"
    r"(?:\s+(?i:so\s+far|now|today|then))?\s*[?.!]*\s*$"
)
_LIGHT_NOUNS = frozenset("side sides part parts kind kinds type types sort sorts thing things way ways issue issues point points "
                         "option options group groups person people party parties country countries".split())


def _follows(later: Candidate, earlier: Candidate) -> bool:
    """True when `later` is the sentence right after `earlier` in the same document."""
    doc, start = later.key
    end = earlier.passage.start + earlier.local_end
    return doc == earlier.passage.doc_id and 0 <= start - end <= SENTENCE_GAP


# Most characters between two sentences that follow one another (a space, a line break).
SENTENCE_GAP = 4
# For a question asking for several things, the reader's margin at which another sentence leads.
SEVERAL_SURE_MARGIN = 10.0


# The outlet a reference names in italics after "in": 'in *Financial Times*, 20 March 2022'.
_OUTLET_IN_REFERENCE = re.compile(r"\bin\s+\*([^*\n]{1,80})\*")


def _in_outlet(sentence: str, span: Span) -> bool:
    """True when the span lies within the outlet a reference names ("Financial Times" in '…", in
    *Financial Times*, 20 March 2022, <https://…>')."""
    return is_reference(sentence) and any(
        m.start(1) <= span.start and span.end <= m.end(1) for m in _OUTLET_IN_REFERENCE.finditer(sentence)
    )


def _short(candidate: Candidate, span: Span, support: Sequence[Support]) -> Short | None:
    """The short answer at its cited sentence's offsets (None if that sentence did not survive compose)."""
    sentence = next((x for x in support if (x.doc_id, x.start) == candidate.key), None)
    return _short_in(sentence, span) if sentence is not None else None


def _short_in(sentence: Support, span: Span) -> Short:
    """The short answer at `span` of a cited sentence, at the document's and the passage's offsets."""
    span = _without_opening_of(sentence.sentence, _without_loose_marks(sentence.sentence, _without_stray_quotes(sentence.sentence, span)))
    return Short(
        text=sentence.sentence[span.start : span.end], citation=sentence.citation, passage_id=sentence.passage_id,
        doc_id=sentence.doc_id, start=sentence.start + span.start, end=sentence.start + span.end,
        passage_start=sentence.passage_start + span.start, passage_end=sentence.passage_start + span.end,
        score=span.score,
    )


# "besides Britain", "apart from Turkey", "other than the US": what the question sets aside.
_SET_ASIDE = re.compile(
    rf"\b(?:{SET_ASIDE_WORDS}|except(?:\s+for)?|along\s+with|together\s+with|alongside)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:(?:,\s+|\s+and\s+)(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*)"
)
# "Who is Pier Paolo Raimondi's co-author?", "Who co-wrote it with Margherita Bianchi?": the name
# whose partner is asked for, which the answer's list of authors leaves out.
_PARTNER_OF = re.compile(
    r"(?P<name>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*)[’']s\s+(?:co-?(?:authors?|writers?)|collaborators?)\b"
    r"|\b(?:co-?(?:wrote|written|authored|writes|write)|wrote|written|authored)\b[^?]*?\b(?:with|alongside)\s+"
    r"(?P<with>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*)",
    re.I,
)
# Between the names set aside: "Poland and Estonia", "Britain, China and the US".
_ASIDE_JOIN = re.compile(r",\s+(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")


def _without_set_aside(sentence: str, span: Span, question: str) -> Span:
    """A list span without the items the question sets aside at its start or end ("China, Russia and
    the United States" of "Britain, China, Russia and the United States" for "Who else besides
    Britain …?"); the span itself otherwise (an item in the middle would split it)."""
    aside = _SET_ASIDE.search(question) or _PARTNER_OF.search(question)
    if aside is None:
        return span
    # "besides Poland and Estonia": each name set aside, at the list's start or its end; a seat of
    # government stands for its country ("along with Washington": "the United States").
    names = [SEATS.get(name.lower(), name) for name in _ASIDE_JOIN.split(aside.group("name") or aside.group("with"))]
    for name in map(re.escape, names):
        text = sentence[span.start : span.end]
        first = re.match(rf"(?:the\s+)?{name}(?:,\s+|\s+(?:and|or)\s+)(?=\w)", text)
        last = re.search(rf"(?<=\w),?\s+(?:and|or)\s+(?:the\s+)?{name}$", text) if first is None else None
        if first is not None:
            span = replace(span, start=span.start + first.end())
        elif last is not None:
            span = replace(span, end=span.start + last.start())
    return span


def _without_opening_of(sentence: str, span: Span) -> Span:
    """The span without an "of" it opens on, when words follow: "Soviet nuclear weapons based there",
    not "of Soviet nuclear weapons based there" (of "Ukraine’s surrender of Soviet nuclear weapons …")."""
    opening = re.match(r"of\s+(?=\S)", sentence[span.start : span.end])
    return span if opening is None else replace(span, start=span.start + opening.end())


def _without_loose_marks(sentence: str, span: Span) -> Span:
    """The span without a dash, comma, semicolon or colon (and the spaces) at its edges: "material,
    financial resources and diplomatic costs", not "… diplomatic costs –"."""
    start, end = span.start, span.end
    while end > start and sentence[end - 1] in _LOOSE_MARKS:
        end -= 1
    while start < end and sentence[start] in _LOOSE_MARKS:
        start += 1
    return span if (start, end) == (span.start, span.end) or start == end else replace(span, start=start, end=end)


_LOOSE_MARKS = frozenset(" ,;:–—")


def _without_stray_quotes(sentence: str, span: Span) -> Span:
    """The span without a quotation mark at its edge whose partner lies outside it ('$800 Million
    in Military Aid to Ukraine"' from a quoted title); single quotes stay (’ is also an apostrophe)."""
    start, end = span.start, span.end
    text = sentence[start:end]
    if text.count('"') % 2 and len(text) > 1:
        if text.endswith('"'):
            end -= 1
        elif text.startswith('"'):
            start += 1
    text = sentence[start:end]
    if len(text) > 1 and text.endswith("”") and text.count("“") < text.count("”"):
        end -= 1
    elif len(text) > 1 and text.startswith("“") and text.count("”") < text.count("“"):
        start += 1
    return span if (start, end) == (span.start, span.end) else Span(start, end, span.score, span.margin)


def _candidates(passages: list[Passage]) -> list[Candidate]:
    """Sentences of the retrieved passages, each once (overlapping passages share sentences)."""
    seen: set[tuple[str, int]] = set()
    out: list[Candidate] = []
    for passage in passages:
        for start, end in split_sentences(passage.text):
            candidate = Candidate(passage, start, end, passage.text[start:end])
            if candidate.key in seen or len(_WORD.findall(candidate.text)) < 3:
                continue
            seen.add(candidate.key)
            out.append(candidate)
    return out


# How far down the ranking the passages of a document the question points at are looked for.
POINTED_DEPTH = 3


def _passages(
    retriever: Retriever, query: Query, s: AnswerSettings, k: int | None = None, pointed: Sequence[str] = (),
) -> list[Passage]:
    """The passages an ordinary question's answer is chosen from: the best k (default
    `s.candidate_passages`), or, when the question points at documents (`pointed`: "..., according
    to the April piece?"), the best k of theirs (those among the best POINTED_DEPTH times as many,
    then their next best; the best k of all when it has none there)."""
    k = k or s.candidate_passages
    if not pointed:
        return retriever.rank(query, k)
    ranked = retriever.rank(query, POINTED_DEPTH * k)
    inside = [p for p in ranked if p.doc_id in pointed]
    if not inside:
        return ranked[:k]
    if len(inside) < k:
        # Among many documents the ones pointed at may have few passages that high: their next best follow.
        found = {p.id for p in inside}
        inside += [p for p in retriever.rank(query, k, within=pointed) if p.id not in found][: k - len(inside)]
    return inside[:k]


# "What are the names of …?", "What are they called?": names asked for. Not "What is the name of the
# process …?", whose answer may be no proper name ("trial division", XQuAD).
_ASKS_NAMES = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?:what\s+(?:are|were)\s+the\s+names\s+of\b|what\s+(?:is|was|are|were)\s+[^?]+?\s+called\s*[?.!]*\s*$)",
    re.I,
)


def _names_new(sentence: str, question: str) -> bool:
    """True when the sentence has a capitalised word that the question lacks (its first word too,
    unless a function word: "Ergänzungsschulen are …")."""
    asked = {w.lower() for w in _WORD.findall(question)}
    return any(m.group(0).lower() not in asked and (m.start() > 0 or m.group(0).lower() not in QUERY_STOPWORDS)
               for m in re.finditer(r"\b[A-Z][\w’'-]+", sentence))


def _raised(ranked: list[Candidate], depth: int, apart: AbstractSet[int], fits: Callable[[Candidate], bool]) -> list[Candidate]:
    """`ranked` with the first of its best `depth` after the lead that `fits` (and whose id() is not
    in `apart`) leading; `ranked` itself when none does."""
    raised = next((c for c in ranked[1:depth] if id(c) not in apart and fits(c)), None)
    return ranked if raised is None else [raised, *(c for c in ranked if c is not raised)]


def _ranked(candidates: list[Candidate], x: np.ndarray, question: str, s: AnswerSettings) -> tuple[list[Candidate], set[int]]:
    """The scored candidates in answer order, and the ids of the best few that name only another rank."""
    _lift_regards(candidates, question)
    ranked = sorted(candidates, key=lambda c: -c.score)
    # "Which bank is the largest?" is not answered by "VTB — the second-largest": the best few
    # sentences that name only another rank go behind the others.
    other_rank = {id(c) for c in ranked[:s.gate_depth] if ranks_other(c.text, question)}
    # A footnote citing another work answers questions about sources ("Which newspaper ...?"), not
    # about the subject, even when its title shares the question's words: "What sanctions have
    # been imposed on Russia?" is not answered by "Russia Sanctions List: What the West Imposed ...".
    # So does the document's title line ("Russia–Ukraine Talks and the Indispensable Role of the US
    # and Europe / by Riccardo Alcaro" does not say why Russia agreed to talks), unless the question
    # is about titles (then it is not marked). These go behind every other sentence (behind them,
    # those naming only another rank); with nothing else good enough, the answer abstains.
    cited = {id(c) for c, row in zip(candidates, x) if row[COLUMN["reference"]] or row[COLUMN["title_line"]]}
    # A headline that states the amount or date asked for, in the question's words, reports it:
    # "How much military aid did Biden announce?" is '"Biden Announces $800 Million in Military Aid
    # to Ukraine", in The New York Times', which the body only calls "the announced increase".
    cited -= {id(c) for c in candidates if id(c) in cited and (_headline_states(c.text, question) or _headline_says(c.text, question))}
    named = who_is_named(question)
    if named is not None:
        naming = {id(c) for c in candidates if _names_person(c.text, named)}
        if not naming - cited:
            # "Who is Michael D. Shear?", named only as the author of a cited work: his reference answers.
            cited -= naming
    # "What did Putin tell Scholz?": Scholz is named only in a note's headline ("Putin Tells Scholz
    # that Kyiv Is Stalling Peace Talks with Moscow"), which answers.
    cited -= _naming_alone(question, [c for c in candidates if id(c) in cited], [c for c in candidates if id(c) not in cited])
    if cited:
        # A reference that ranks high stands for the body sentence that cites it: "How much is the
        # war damage estimated at?" ranks the note '⁴ … "Ukraine War Damage Tops $100 Billion …"'
        # first, and the sentence with marker ⁴ ("Material damage … ranges above the hundred billion
        # euro.⁴") goes before body sentences the note outranks (not the soldiers' "estimated"). Only
        # a sentence that could answer by itself: "President Zelensky may be open to a compromise …⁹"
        # is no answer to "Who was the Ukrainian president?" for its note's "Ukrainian Presidency".
        standing = _citing_scores([c for c in candidates if id(c) in cited],
                                  [c for c in candidates if id(c) not in cited and c.score >= s.abstain_below])
        ranked.sort(key=lambda c: -max(c.score, standing.get(id(c), c.score)))
    if other_rank or cited:
        ranked.sort(key=lambda c: (id(c) in cited, id(c) in other_rank))
    if not says_superlative(ranked[0].text, question):
        # "Which one was the largest of all?" after "Which Russian bank was second-largest?": of the
        # best few, the sentence saying that rank of something ("Sberbank, Russia's largest bank")
        # leads, not one about banks that ranks none ("There is still room … on Russian banks").
        ranked = _raised(ranked, s.gate_depth, cited, lambda c: says_superlative(c.text, question))
    if _ASKS_NAMES.match(question) and not _names_new(ranked[0].text, question):
        # "What are the names of the separatist republics in the Donbas?": of the best few, the sentence
        # naming something the question does not ("the so-called Luhansk and Donetsk People’s
        # Republics") leads, not one naming only what was asked about ("… the separatist Donbas regions").
        ranked = _raised(ranked, s.gate_depth, cited, lambda c: _names_new(c.text, question))
    years = _YEAR.findall(question)
    if years and not _gives_years(ranked[0].text, years):
        # "What happened in 2014?": of the best few, the sentence with the year asked about leads
        # ("Russia's 2014 annexation of Crimea"), not one with a year near it ("the 2015 Minsk agreements").
        ranked = _raised(ranked, s.gate_depth, cited, lambda c: _gives_years(c.text, years))
    # "What are the main elements of the 15-point plan?" is not about the "10-point plan": of the
    # best few, a sentence that counts the question's thing otherwise goes behind the others.
    counted: dict[str, set[str]] = {}
    for m in _COUNT_COMPOUND_NAMED.finditer(question):
        counted.setdefault(m.group("head").lower(), set()).add(m.group("count"))
    if counted:
        other_count = {id(c) for c in ranked[: s.gate_depth] if _counts_otherwise(c.text, counted)}
        if other_count:
            ranked.sort(key=lambda c: id(c) in other_count)
    # "Name the two factors that will decide the war's course": of the best few, a sentence that counts
    # another number of items ("three main components: …") goes behind one that counts as many as asked
    # ("Two main variables are going to impact the war's trajectory.").
    items = asked_count(question)
    if items is not None:
        counts = {id(c): counted_items(c.text) for c in ranked[: s.gate_depth]}
        if items in counts.values():
            ranked.sort(key=lambda c: counts.get(id(c)) not in (None, items))
    # "What land does Putin want?" is not "The United States and its allies in Europe want to deny
    # Putin the victory he still craves": of the best few, a sentence where the question's doer is
    # acted on with the verb asked goes behind the others.
    acted_on = {id(c) for c in ranked[: s.gate_depth] if doer_acted_on(c.text, question)}
    if acted_on:
        ranked.sort(key=lambda c: id(c) in acted_on)
    # "What are the sticking points?": among the best few, the sentence announcing "two major
    # sticking points" leads, and its items follow it (`_list_items`). So does one listing them
    # after a colon ("three main components: an end to the invasion, ...").
    # Anywhere among the candidates when it announces as many as the question asks for: "What are
    # the two variables that will shape the negotiations?" had been answered "Together, the military
    # support and economic pressure are the only way to keep up negotiations."
    count = asked_count(question)
    announcing = next(
        (c for k, c in enumerate(ranked)
         if (k < s.gate_depth or (count is not None and announced_count(c.text) == count))
         and (announces_asked_items(c.text, question) or lists_asked_items(c.text, question))),
        None,
    )
    if announcing is not None and announcing is not ranked[0]:
        ranked.remove(announcing)
        ranked.insert(0, announcing)
    return ranked, other_rank


# A count made one word with what it counts: "15-point plan", "10-year timeline".
_COUNT_COMPOUND_NAMED = re.compile(r"\b(?P<count>\d+)-(?P<head>[a-z]+)\b", re.I)


def _counts_otherwise(sentence: str, counted: Mapping[str, Collection[str]]) -> bool:
    """True when the sentence counts a thing the question counts (head -> its counts), by another
    number only ("a Ukrainian 10-point plan" for "the 15-point plan")."""
    said = [(m.group("head").lower(), m.group("count")) for m in _COUNT_COMPOUND_NAMED.finditer(sentence)]
    return any(head in counted and count not in counted[head] for head, count in said) and not any(
        count in counted.get(head, ()) for head, count in said)


def _naming_alone(question: str, notes: Sequence[Candidate], body: Sequence[Candidate]) -> set[int]:
    """The id()s of the notes that name a name of the question (a capitalised word within it) that
    no other candidate names."""
    names = {w.lower() for w in _CAPITALISED.findall(question)} - QUERY_STOPWORDS
    # A document's author names his document, whose body answers: "Is Alcaro in favour of the US
    # joining the talks?" is not asked of his title line's byline, nor "How long had the fighting been
    # going on when Alcaro was writing?" of a note citing his earlier commentary.
    names -= set().union(*(_words(c.passage.author or "") for c in (*notes, *body)))
    alone = {n for n in names if not any(n in _words(c.text) for c in body)}
    return {id(c) for c in notes if alone & _words(c.text)}


_LEADING_MARKER = re.compile(rf"^\s*(?P<n>[{SUPERSCRIPTS}]+)\s")
_CLOSING_MARKER = re.compile(rf"(?P<n>[{SUPERSCRIPTS}]+)\s*$")


def _citing_scores(notes: Sequence[Candidate], body: Sequence[Candidate]) -> dict[int, float]:
    """For each body sentence that closes with a footnote marker (id() keyed), the best score of the
    candidate notes of its document that marker numbers."""
    numbered: dict[tuple[str, str], float] = {}
    for note in notes:
        if (lead := _LEADING_MARKER.match(note.text)) is not None:
            key = (note.passage.doc_id, lead.group("n"))
            numbered[key] = max(numbered.get(key, note.score), note.score)
    standing: dict[int, float] = {}
    for c in body:
        closing = _CLOSING_MARKER.search(c.text)
        if closing is not None and (c.passage.doc_id, closing.group("n")) in numbered:
            standing[id(c)] = numbered[(c.passage.doc_id, closing.group("n"))]
    return standing


# Least share of the question's content words a headline must hold to state what it asks.
HEADLINE_SHARE = 0.75


# "Who said peace talks were close to agreement?": who is reported to have said something.
# Not "Who reported …?": the outlet ("Al Jazeera") reported what Turkey said.
# "Who accused Kyiv of stalling the peace talks?" asks who said so too.
_ASKS_WHO_SAID = re.compile(
    r"^\W*who\s+(?:said|says|claimed|claims|stated|states|accused|accuses|told|tells|warned|warns|insisted|insists)\s+"
    r"(?:that\s+)?(?P<said>[^?]+)", re.I
)
_SAYS = re.compile(r"\b(?:Says?|Tells?)\b")
# The least share of what was said, by words of four letters and more, that a headline must hold.
HEADLINE_SAID_SHARE = 0.5


def _headline_says(reference: str, question: str) -> bool:
    """True when a title the reference cites reports who said what "Who said …?" asks about: it has
    "Says" and at least HEADLINE_SAID_SHARE of the said words ("Russia, Ukraine 'Close to Agreement'
    in Negotiations, Says Turkey" for "Who said peace talks were close to agreement?")."""
    asked = _ASKS_WHO_SAID.match(question)
    if asked is None:
        return False
    said = {w.lower()[:NAME_STEM] for w in re.findall(r"[A-Za-z]{4,}", asked.group("said"))} - {"were", "that", "with"}
    for title in cited_titles(reference):
        held = {w.lower()[:NAME_STEM] for w in re.findall(r"[A-Za-z]{4,}", title)}
        if _SAYS.search(title) and said and len(said & held) >= HEADLINE_SAID_SHARE * len(said):
            return True
    return False


# Who a headline says said it: "…, Says Turkey", "Ukraine Says China Is Ready …", "Putin Tells Scholz that …".
_SAYS_AFTER = re.compile(r",\s+Says\s+(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s*$")
_TOLD_WHOM = re.compile(r"^(?:[A-Z][\w’'-]*\s+){1,3}that\s+")
_SAYS_BEFORE = re.compile(r"^(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}?)\s+(?:Says|Tells)\b")


def headline_speaker(sentence: str, question: str) -> tuple[int, int] | None:
    """For "Who said …?" answered by a reference (`_headline_says`), the offsets of whom its title
    says said it ("Turkey" in '"Russia, Ukraine 'Close to Agreement' in Negotiations, Says Turkey"'),
    not the article's author; None otherwise."""
    if not _headline_says(sentence, question):
        return None
    speech = _title_speech(sentence)
    return speech[0][0] if speech else None


def _title_speech(sentence: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The (speaker, words) offsets in the sentence of each way the title it cites reports someone's
    words: '"…, Says Turkey"' first, then '"Ukraine Says …"'; empty when it cites no such title."""
    at = cited_title(sentence)
    if at is None:
        return []
    title = sentence[at[0] : at[1]]
    readings = []
    if (after := _SAYS_AFTER.search(title)) is not None:
        said = title[: after.start()].rstrip(" ,")
        readings.append(((at[0] + after.start("name"), at[0] + after.end("name")), (at[0], at[0] + len(said))))
    if (before := _SAYS_BEFORE.match(title)) is not None:
        # "Putin Tells Scholz that Kyiv Is Stalling …": the words after whom he told.
        rest = _TOLD_WHOM.sub("", title[before.end() :].lstrip(), count=1)
        readings.append(((at[0] + before.start("name"), at[0] + before.end("name")), (at[1] - len(rest), at[1])))
    return readings


# "According to Al Jazeera, …": the source before the question.
_LEADING_ACCORDING = re.compile(r"^\W*according\s+to\s+[^,?]+,\s*", re.I)


def headline_said(sentence: str, question: str) -> tuple[int, int] | None:
    """For "What did Turkey (or Ankara) say …?" answered by a reference whose title reports its words
    ('"Russia, Ukraine 'Close to Agreement' in Negotiations, Says Turkey"'), the offsets of what the
    title says it said; None otherwise (it had bolded the reference's date)."""
    speaker = speaker_named(_LEADING_ACCORDING.sub("", question))
    if speaker is None or not is_reference(sentence):
        return None
    last = speaker.split()[-1]
    names = {last.lower(), SEATS.get(last.lower(), "").lower()} - {""}
    for (name_start, name_end), said in _title_speech(sentence):
        if sentence[name_start:name_end].split()[-1].lower() in names:
            return said if said[0] < said[1] else None
    return None


def _headline_states(reference: str, question: str) -> bool:
    """True when a title the reference cites holds an amount or a date of the kind the question asks
    for, and the reference (title, outlet, date) at least HEADLINE_SHARE of the question's content
    words (first NAME_STEM letters; "mid" of "mid-March" is none: the reference dates to the day)."""
    wanted = expected_type(question)
    if wanted not in (NUMBER, DATE, PLACE):
        return False
    asked = {w[:NAME_STEM] for w in _content_words(question)} - _HOW_WORDS - {"mid"}
    held = {w[:NAME_STEM] for w in _content_words(reference)}
    if len(asked) < 2 or len(asked & held) < HEADLINE_SHARE * len(asked):
        return False
    return any(has_type(title, wanted, question) for title in cited_titles(reference))


# What "How much …?", "How many …?", "How large …?" ask with, not about.
_HOW_WORDS = frozenset({"much", "many", "long", "often", "large", "big", "high", "far", "old"})


# "When would sanctions be lifted?", "When can talks succeed?": when something may happen.
_ASKS_WHEN_MAY = re.compile(r"^\W*(?:(?:and|but|so)\s+)?when\s+(?:would|will|could|can|might|may|should)\b", re.I)
# A condition put on what may happen.
_CONDITION = re.compile(r"\b(?:unless|only\s+(?:if|when|after|once)|as\s+soon\s+as|provided\s+(?:that\s+)?)\b", re.I)


def _conditioned(sentence: str, question: str) -> bool:
    """True when the sentence puts a condition right after a word of the question: "… sanctions to be
    lifted unless …" for "When would sanctions be lifted?", not "Meaningful negotiations to end the
    war can reasonably be expected only if …" for "When will the war end?" (a condition on the
    negotiations)."""
    asked = _content_words(question)
    for condition in _CONDITION.finditer(sentence):
        before = re.findall(r"[^\W\d_]+", sentence[: condition.start()].lower())[-CONDITION_GAP:]
        if any(w[:NAME_STEM] in asked for w in before):
            return True
    return False


# How near before its condition a word of the question must stand.
CONDITION_GAP = 3


def _fitting(
    candidates: list[Candidate], x: np.ndarray, ranked: list[Candidate], wanted: str, question: str, s: AnswerSettings
) -> list[Candidate]:
    """The best `s.gate_depth` sentences that hold the kind of answer asked for; for a date or a
    person, not a reference to another work (its authors and date answer questions about sources)."""
    cited_works = _references(candidates, x) if wanted in (DATE, PERSON, NUMBER) else set()
    if wanted == NUMBER:
        # Nor a number of one ("No. 22|08" does not say how long the war had lasted), unless its
        # headline states the amount asked for ('"Biden Announces $800 Million in Military Aid …"').
        cited_works = {id(c) for c in candidates if id(c) in cited_works and not _headline_states(c.text, question)}
    # "Whose courage helped stall Russia's advance?": a sentence that says whose it is ("… the courage
    # of Ukrainian fighters …") holds the answer, whether or not the type check reads a person there
    # (it had passed over the lead for "the Ukrainians" of another sentence).
    fitting = [c for c in ranked[: s.gate_depth]
               if id(c) not in cited_works and (has_type(c.text, wanted, question, f"{c.passage.text} {c.passage.title or ''}")
                                                or wanted == PERSON and owner_asked(c.text, question) is not None)]
    lasting = (next((c for c in ranked if id(c) not in cited_works and gives_asked_duration(c.text, question)), None)
               if wanted == NUMBER else None)
    if lasting is not None:
        # "How long had the war been going on?": the sentence that gives the war a stretch of time ("…
        # is about to enter its fifth week") comes first, wherever it stands, in other words (it had
        # abstained, or "The second concerns …" had passed for a count of seconds).
        fitting = [lasting, *(c for c in fitting if c is not lasting)]
    if wanted == PERSON:
        # A document's title line names its author, who did nothing the question asks about: "Who
        # mediated between Russia and Ukraine?" is not answered by "… by Riccardo Alcaro" (authorship
        # questions have their own path).
        fitting = [c for c in fitting if not restates_title(c.text, c.passage.title)]
    # When not one of them speaks of the event a when-question asks about, none dates it: "When did
    # Ukraine join the EU?" is not answered by the day the invasion started (`types.speaks_of_event`).
    # One that does is no reason to pass over the others: "Its existence was first proved in 1962"
    # dates the plastome (XQuAD), though only the sentence before names it.
    if wanted == DATE and not any(speaks_of_event(c.text, question) for c in fitting):
        # "When would sanctions be lifted?" asks when something may happen: a sentence that puts a
        # condition on it ("… cannot expect sanctions to be lifted unless it agrees to withdraw …")
        # answers, when no sentence dates it.
        if _ASKS_WHEN_MAY.match(question):
            return [c for c in ranked[: s.gate_depth] if id(c) not in cited_works and _conditioned(c.text, question)]
        return []
    office = _ASKS_OFFICE_HOLDER.match(question)
    if wanted == PERSON and office is not None:
        # "Who is the Ukrainian defence minister?" is not answered by "President Putin aims …": the
        # person must hold the office asked about ("minister").
        # And whose office it is, when the question says: "Who is the president of TUMAS?" is not
        # answered by a list of presidents in a passage that never names TUMAS.
        # And when, when it says: "President Volodymyr Zelensky" was not president in 1994.
        # And which of them, when it says: "Who was the first President of Ukraine?" is not answered
        # by "President Volodymyr Zelensky" (the first item of a list of sticking points had answered).
        whose, year = office.group("whose") or office.group("owner"), office.group("year")
        ranks = [w for w in office.group("before").lower().split() if w in _OFFICE_RANKS]
        fitting = [c for c in fitting if re.search(rf"\b{office.group('office')[:NAME_STEM]}", c.text, re.I)
                   and (whose is None or _names(c.passage.text, whose.split()[0])) and (year is None or year in c.text)
                   and all(re.search(rf"\b{rank}\b", c.text, re.I) for rank in ranks)]
        # "Who is Ukraine's president?": a sentence whose title says whose it is ("Ukrainian President
        # Volodymyr Zelensky") first, before "President Putin" in a passage that names Ukraine too.
        fitting.sort(key=lambda c: not _holds_office_asked(c.text, question))
    ruler = _ASKS_RULER.match(question)
    if wanted == PERSON and ruler is not None:
        # "Who governs France?" is not answered by "the Russians", a people beside France's name: the
        # sentence must name a head's title and the place (it had quoted "… a country bigger than France …").
        fitting = [c for c in fitting if _RULER_TITLES.search(c.text) and _names_any(c.text, ruler.group("whose").split()[:1])]
    return fitting


def _holds_office_asked(text: str, question: str) -> bool:
    """True when the text gives the office an office-holder question asks about with whose it is
    ("Ukrainian President …", "President of Ukraine" for "Who is Ukraine's president?")."""
    office = _ASKS_OFFICE_HOLDER.match(question)
    whose = office.group("whose") or office.group("owner") if office is not None else None
    if whose is None:
        return False
    stem, title = re.escape(whose.split()[0][:NAME_STEM]), re.escape(office.group("office"))
    return re.search(rf"\b{stem}\w*\s+(?:[\w’'-]+\s+)?{title}|\b{title}\s+of\s+(?:the\s+)?{stem}", text, re.I) is not None


def _names_person(text: str, name: str) -> bool:
    """True when the text holds the person's surname (the name's last word) as a word."""
    return re.search(rf"\b{re.escape(name.split()[-1])}\b", text) is not None


def _references(candidates: list[Candidate], x: np.ndarray) -> set[int]:
    """The id() of each candidate the features mark a reference to another work."""
    return {id(c) for c, row in zip(candidates, x) if row[COLUMN["reference"]]}


def _answered_by_reader(
    candidates: list[Candidate], x: np.ndarray, ranked: list[Candidate], question: str, wanted: str, s: AnswerSettings,
    least_margin: float = 0.0,
) -> list[Candidate]:
    """The best `s.gate_depth` sentences (not references) in which the span reader finds an answer
    to a who- or when-question and judges that the sentence answers (margin above `least_margin`):
    for a person, a capitalised span; for a date, any span of words the question lacks.

    The type gate knows a person by a full name, a title or a people ("the Russians"); a country
    or a body named once is no person to it, yet answers "Who must make the bulk of the
    compromises?" ("the aggressor — Russia —") and "Who signed the Minsk agreements?" ("signed by
    Ukraine and Russia"): the reader's margins there were 9 to 13. A when-question may be answered
    by a condition, not a date: "When can meaningful negotiations be expected?" ("only if (and
    when) Ukraine's resistance capacity breaks …", 7.6), "When does immunodeficiency occur?" (XQuAD,
    12.5). On the sentences offered for unanswerable who- and when-questions (the gold set's, and
    XQuAD's asked of the gold index) the margins were at most -0.5, footnote references aside.
    """
    reader = get_reader(precision=s.reader_precision)
    if reader is None or not reader.tells_answering:
        return []
    cited_works = _references(candidates, x)
    top = [c for c in ranked[: s.gate_depth] if id(c) not in cited_works]
    asked = _words(question)

    def fits(text: str) -> bool:
        return (wanted != PERSON or span_fits(text, PERSON, question)) and not _words(text) <= asked

    spans = reader.spans(question, [c.text for c in top], fits, s.short_length_penalty)
    return [c for c, span in zip(top, spans)
            if span is not None and span.margin > least_margin and fits(c.text[span.start : span.end])]


def _doubting_reader(question: str, lead: Candidate, s: AnswerSettings) -> SpanReader | None:
    """The span reader when it reads no answer to the question in the lead (margin below 0); None
    when it reads one, or no reader fitted to tell answering sentences apart is there."""
    reader = get_reader(precision=s.reader_precision)
    if reader is None or not reader.tells_answering:
        return None
    read = reader.spans(question, [lead.text])[0]
    return None if read is not None and read.margin >= 0 else reader


def _sure_over_lead(
    candidates: list[Candidate], x: np.ndarray, ranked: list[Candidate], question: str, wanted: str, s: AnswerSettings
) -> Candidate | None:
    """Another of the best sentences that the span reader is sure answers (`READER_SURE_MARGIN`)
    when it reads no answer in the lead (margin below 0), else None."""
    if _doubting_reader(question, ranked[0], s) is None:
        return None
    read = _answered_by_reader(candidates, x, ranked, question, wanted, s, READER_SURE_MARGIN)
    return read[0] if read and read[0] is not ranked[0] else None


# The span reader's answer-or-not margin above which it is sure a sentence answers a who- or
# when-question; the margins it gave sentences offered for unanswerable ones were at most -0.5.
READER_SURE_MARGIN = 4.0
# How often such a sentence holds the answer: 0.62 of the 146 sentences of the best three passages
# that the reader read with a margin above 4 for XQuAD's who- and when-questions (odd articles,
# reader fitted on the even ones).
READER_SURE_CONFIDENCE = 0.6


def _scoring_query(retriever: Retriever, query: Query, context: list[str], s: AnswerSettings) -> Query:
    """The query as sentence scoring reads it: the retrieval query, unless scoring reads other turns."""
    read = recent_turns(context, s.history_turns)
    return query if read == query.context else retriever.analyse(query.text, read, turns=len(read), exact=True)


def _score(retriever: Retriever, query: Query, candidates: list[Candidate], s: AnswerSettings, unknown: int) -> np.ndarray:
    """Set each candidate's score to the sentence model's P(it holds the answer); returns their features."""
    x = _features(retriever, query, candidates, s, unknown)
    for candidate, p in zip(candidates, load_model(s.sentence_model or None).probabilities(x)):
        candidate.score = float(p)
    return x


def _features(retriever: Retriever, query: Query, candidates: list[Candidate], s: AnswerSettings, unknown: int) -> np.ndarray:
    """The candidates' feature matrix (`qa.answering.features.sentence_features`)."""
    titles = {doc_id: _title(retriever, doc_id) for doc_id in {c.passage.doc_id for c in candidates}}
    return sentence_features(retriever, query, candidates, s.history_weight, unknown, titles)


def _title(retriever: Retriever, doc_id: str) -> str | None:
    """The document's title, from its metadata; None when it has none."""
    record = retriever.documents.get(doc_id)
    title = record.meta.get("title") if record is not None else None
    return title if isinstance(title, str) else None


def _names(text: str, name: str) -> bool:
    """True when the text holds the name (any case), or a word sharing its first NAME_STEM letters
    ("Ukraine" / "Ukrainian", "Russia" / "Russian")."""
    stem = re.escape(name[:NAME_STEM])
    tail = r"\b" if len(name) <= NAME_STEM else r"\w*"
    return re.search(rf"\b{stem}{tail}", text, re.IGNORECASE) is not None


def _most_of(earlier: str, text: str) -> bool:
    """True when the text holds more than half of the content words of an earlier answer."""
    answered = _content_words(earlier)
    return bool(answered) and 2 * len(answered & _content_words(text)) > len(answered)


# "… or contemplates the use of …": "and" or "or" joining a verb in the present or past (its object's
# determiner right after it) to the clause before, not a noun to a noun.
_JOINED_VERB = re.compile(r"\s+(?:and|or)\s+(?:[a-z]{3,}(?:es|s|ed))\s+(?:the|a|an|its|their|his|her|this|that|these|those)\s")
# "Where does the author of the IAI piece work?": the author, by the document, and a where or when.
_THE_AUTHOR_OF = re.compile(rf"\bthe\s+(?:author|writer)\s+of\s+(?:the\s+|this\s+|that\s+)?(?:[\w’'-]+\s+){{0,3}}?(?:{DOCUMENT_NOUNS})\b", re.I)
_ASKS_WHERE_WHEN = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:where|when)\b", re.I)
# "Is Russia richer than Italy?": a yes-or-no comparison with something named.
_IS_MORE_THAN_NAMED = re.compile(
    r"^\W*(?i:(?:(?:and|but|so)\s+)?(?:is|are|was|were|has|have|had|does|do|did))\s+[^?]+?\s+(?:[a-z]+er|more\s+[a-z]+|less\s+[a-z]+)\s+"
    r"than\s+(?P<other>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:[’']s)?\s*[?.!]*\s*$"
)


def _compared_with_unnamed(question: str, ranked: Sequence[Candidate]) -> bool:
    """True when a yes-or-no question compares something with a name ("Is Russia richer than Italy?")
    that none of the ranked sentences names, nor its passage: none of them can compare the two."""
    asked = _IS_MORE_THAN_NAMED.match(question)
    if asked is None:
        return False
    other = _seated_words(asked.group("other"))
    return bool(other) and not any(other & _seated_words(c.passage.text) for c in ranked)


def _content_words(text: str) -> set[str]:
    """The text's words, lower case, without stop words, cut to NAME_STEM letters ("sanction" / "sanctions")."""
    return {w[:NAME_STEM] for w in _words(text) if w not in QUERY_STOPWORDS}


def _seated_words(text: str) -> set[str]:
    """`_content_words`, a seat of power as its country ("kremlin" and "moscow" as "russi")."""
    return {w[:NAME_STEM] for w in (SEATS.get(w, w).lower() for w in _words(text) if w not in QUERY_STOPWORDS)}


def _initials(text: str) -> set[str]:
    """The lower-cased initials of each run of two or more capitalised words ("iai" for "Istituto
    Affari Internazionali", "us" for "United States"), its "of" and "the" left out."""
    runs = re.findall(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|the|for|and)\s+)*[A-Z][\w’'-]*)+", text)
    return {"".join(w[0] for w in run.split() if w[0].isupper()).lower() for run in runs}


def _title_initials(text: str) -> set[str]:
    """The lower-cased initials of each run of two or more words in title case ("iai" for "Istituto
    Affari Internazionali"; not "pp" for "P and PSPACE"), its "of" and "the" left out."""
    runs = re.findall(r"[A-Z][a-z’'-]+(?:\s+(?:(?:of|the|for|and)\s+)*[A-Z][a-z’'-]+)+", text)
    return {"".join(w[0] for w in run.split() if w[0].isupper() and w.lower() not in _ARTICLES).lower() for run in runs}


_ARTICLES = frozenset({"the", "a", "an"})


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _subject_words(question: str) -> list[str]:
    """The words of the question's named subject (`event_subject`), and as the documents may write
    them too: abbreviations spelt out ("US": "United", "States"), a capital's country ("What does
    Moscow hope to win?" is answered by a passage naming Russia) and a group's members ("the West":
    the United States, Europe …)."""
    words = event_subject(question)
    seats = [SEATS[w.lower()] for w in words if w.lower() in SEATS] + [GROUPS[w.lower()] for w in words if w.lower() in GROUPS]
    return list(dict.fromkeys([*words, *spell_out_abbreviations(" ".join([*words, *seats])).split()]))


# How likely, against the lead, the best sentence naming the question's subject must be to answer
# in its place when the lead's passage never names it.
SUBJECT_FALLBACK = 0.5
# How far down that sentence may stand: "What military support has Sweden given Ukraine?" is
# answered by the fourth, "Many European countries, including Poland, Estonia, Sweden and Germany,
# have sent similar weapons …" (it had abstained).
SUBJECT_FALLBACK_DEPTH = 6
# The opening words of a sentence, where its subject stands ("Many European countries, including
# Poland, ...").
OPENING_WORDS = 8
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")


def _according_to_person(retriever: Retriever, question: str) -> str | None:
    """The last word of the name after "according to" when it names someone in the documents, not a
    document ("according to Alcaro", "according to the IAI" point at documents): "Peskov" for "What
    is the status of Crimea according to Peskov?". None otherwise."""
    name = according_to_name(question)
    if name is None:
        return None
    # The whole phrase: "according to the April commentary" points at a document also where
    # "April" alone would name none (the month of a thousand press releases).
    phrase = _ACCORDING_PHRASE.search(question)
    metas = {d: r.meta for d, r in retriever.documents.items()}
    if any(pointed_documents(f"according to {ref}", metas) for ref in (name, phrase.group(1) if phrase else "")):
        return None
    return name.split()[-1]


_ACCORDING_PHRASE = re.compile(r"\baccording\s+to\s+([^,;?.!]+)", re.I)


def _speech_first(ranked: list[Candidate], speaker: str, depth: int) -> list[Candidate]:
    """`ranked` with the first of its best `depth` (SPEECH_DEPTH when none of those names the speaker)
    that reports what the speaker said leading:
    "What did Zelensky say about a referendum?" is answered by "... Volodymyr Zelensky has stated
    that any agreement ... would need to be approved by a nationwide referendum", not by "Zelensky
    probably wants to go through this formal process ...", which the sentence model put first."""
    # Further down only when none of the best names the speaker: "What did Zelensky say in Congress?"
    # keeps "… the decision to have Zelensky speak at the US Congress", not a statement made elsewhere.
    if not any(_names(c.text, speaker) for c in ranked[:depth]):
        depth = SPEECH_DEPTH
    said = next((c for c in ranked[:depth] if reports_speech(c.text, speaker)), None)
    if said is None or said is ranked[0]:
        return ranked
    return [said, *(c for c in ranked if c is not said)]


# How far down the ranking a sentence reporting what the speaker asked about said may lead: "What did
# Lavrov claim about the contested regions?" is the fifth ("… which Russian Foreign Minister Sergei
# Lavrov said was “settled for good”"; it had abstained, no sentence above it naming him).
SPEECH_DEPTH = 6


# A question for the authors of something ("Who are the authors cited about …?", "Who wrote …?").
# "Who are the three FT journalists behind the Mariupol article?" asks for authors too.
_ASKS_AUTHORS = re.compile(
    r"\b(?:authors?|wrote|written|co-?authored|reported|journalists?|reporters?|correspondents?|writers?|columnists?)\b", re.I
)
# A verb closing an "as … attest" clause at the end of a span.
_ATTESTS = re.compile(
    r"\s+(?:attest|attests|show|shows|suggest|suggests|demonstrate|demonstrates|indicate|indicates|prove|proves|"
    r"confirm|confirms|illustrate|illustrates|testify|testifies)$"
)
# Words that stand for what another sentence names: no short answer by themselves. Not "us", which
# short answers read in lower case would take the "US" for.
_PRONOUN_WORDS = frozenset("this that these those it they them he him she her we you i".split())
# How far down the ranking "Who is X?" looks for a sentence that says what X is.
WHO_IS_DEPTH = 10


# "Tell me about the Istituto Affari Internazionali.": the thing a question asks to be told about.
_TELL_ABOUT = re.compile(r"^\W*(?:(?:can|could)\s+you\s+)?tell\s+me\s+(?:more\s+|a\s+bit\s+)?about\s+(?:the\s+)?(?P<term>[^?.!]+?)\s*[?.!]*\s*$", re.I)


def _about_the_term(chosen: list[Candidate], question: str) -> list[Candidate]:
    """For "What is X?" or "Tell me about X.", the chosen sentences that name X in their opening words
    ("The Istituto Affari Internazionali (IAI) is a private, independent non-profit think tank …"),
    not one that names it only as someone's employer ("Riccardo Alcaro is … at the Istituto Affari
    Internazionali (IAI).") nor a heading that says nothing but its name; all of them when none does."""
    told = _TELL_ABOUT.match(question)
    term = told.group("term") if told is not None else defined_term(question)
    words = [w for w in _WORD.findall(term or "") if w.lower() not in QUERY_STOPWORDS]
    # Only a name ("the IAI"): "What was the average family size?" is answered by a sentence that
    # names it late ("… the average family size was 3.62", XQuAD).
    if not words or len(chosen) < 2 or not all(w[:1].isupper() and not re.search(r"['’]s?$", w) for w in words):
        return chosen
    asked = _words(question) | _initials(question)
    first = words[0].lower()
    kept = [c for c in chosen if first in {w.lower() for w in _WORD.findall(c.text)[:OPENING_WORDS]}
            and not _words(c.text) <= asked]
    return kept or chosen


def _about_the_subject(
    chosen: list[Candidate], subject: Sequence[str], ranked: Sequence[Candidate] = (), least: float = 1.0,
    kind: str | None = None,
) -> list[Candidate]:
    """The chosen sentences with the first that names the question's subject leading, when the lead
    opens with another name and a sentence of its document names the subject: "What weapons has the
    US sent?" is answered from "The United States has already provided ... Stinger antiaircraft
    systems", not from "Many European countries, including Poland, ... have sent similar weapons as
    well as supplies and other equipment", which had led on "weapons" and "sent". `subject`: the
    question's `_subject_words`. Failing one among the chosen, when the lead's subject is another
    name, the best of `ranked` in the lead's document that scores at least `least` and names the
    subject leads ("How much security aid has the EU provided?": "For its part, the European Union
    agreed to deliver a nearly $1 billion package", not the US's "more than $2 billion")."""
    if not subject or not chosen or not _about_another(chosen[0].text, subject) or _named_before_as(chosen[0], subject):
        # "European-led diplomacy to make progress on the agreements failed …" is about the Minsk
        # agreements the sentence before names.
        return chosen
    if kind is not None and _opens_with_kind(chosen[0].text, kind):
        # "Which bank did the West cut off from SWIFT?": "So far, of the five largest Russian banks, only
        # VTB …" opens with the kind asked, and its name is the answer, not someone else acting (the
        # sentence on what the US and Europe may still do had led, bolding "SWIFT system").
        return chosen
    if _names_any(chosen[0].passage.author or "", subject):
        # "Which countries does Alcaro cite …?": the author of the lead's document says it; his name
        # in a note ("⁷ Riccardo Alcaro, …") is no sentence about him.
        return chosen
    # The lead's document, not its passage: passages overlap, and the sentence naming the subject
    # may have been taken from the next one ("How much has the EU given Ukraine?").
    lead = chosen[0].passage.doc_id
    # Not a note citing a work: "¹³ Dan Balz, …, in *The Washington Post*" names an outlet, not what
    # Washington did ("Has Washington given up on negotiating?").
    naming = next((c for c in chosen[1:] if c.passage.doc_id == lead and _names_whole(c.text, subject)
                   and not is_reference(c.text)), None)
    if naming is None and _opens_with_subject(chosen[0].text):
        naming = next((c for c in ranked if c.passage.doc_id == lead and c.score >= least and c not in chosen
                       and _names_whole(c.text, subject) and not is_reference(c.text)), None)
    return chosen if naming is None else [naming, *(c for c in chosen if c is not naming)]


def _opens_with_kind(sentence: str, kind: str) -> bool:
    """True when the sentence's opening words name the kind of thing asked ("bank": "So far, of the five
    largest Russian banks, only VTB …")."""
    opening = {w.lower() for w in _WORD.findall(" ".join(sentence.split()[:OPENING_WORDS]))}
    return kind.lower() in opening or _plural(kind.lower()) in opening


def _names_whole(text: str, subject: Sequence[str]) -> bool:
    """True when the text holds the subject (`_subject_words`) by a whole name: an abbreviation
    asked ("EU") or its words spelt out in a run ("European Union"), not one of those words alone
    ("Many European countries"); for a subject without abbreviation, any of its words."""
    abbreviated = _abbreviated(subject)
    runs = [subject[i:j] for i in range(len(subject)) for j in range(i + 1, len(subject) + 1)]
    return any(
        re.search(r"\b" + r"\s+".join(re.escape(w) for w in run) + r"\b", text) is not None
        for run in runs
        if len(run) > 1 or not abbreviated or run[0].isupper()
    )


def _abbreviated(subject: Sequence[str]) -> bool:
    """True when the subject's words include an abbreviation ("EU", "US")."""
    return any(w.isupper() and len(w) > 1 for w in subject)


# A preposition before a sentence's first name makes it a time or a place, not its subject.
_PREPOSITIONS = frozenset("in on at after before during since from by for with over under of to until within".split())


def _opens_with_subject(sentence: str) -> bool:
    """True when the sentence's first name in its opening words is its subject ("Many European
    countries …", "The United States has …"), not a time or place after a preposition ("On
    Tuesday in Istanbul, the sides met …")."""
    words = sentence.split()[:OPENING_WORDS]
    for k, word in enumerate(words):
        if _CAPITALISED.match(word) and word.lower() not in QUERY_STOPWORDS:
            return k == 0 or words[k - 1].lower().strip(",") not in _PREPOSITIONS
    return False


# The thing a "what" question asks for: "What are the risks of escalation?" -> "risks", "What device
# is used …?" -> "device".
_ASKED_HEAD = re.compile(
    r"^\s*(?:what|which)\s+(?:(?:are|is|were|was)\s+(?:the\s+)?(?:main\s+|key\s+|major\s+)?)?(?P<head>[a-z][\w-]{2,})\b", re.I
)
# "Which Ukrainian idea did Peskov reject?": the noun of the kind asked for, before its verb phrase.
_WHICH_KIND_DONE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?i:which|what)\s+(?:[A-Za-z][\w-]*\s+){0,2}?(?P<noun>[a-z][\w-]{3,})\s+"
    r"(?i:did|does|do|has|have|had|would|will|could)\s+(?!(?:it|they|this|that)\b)\w"
)
# "such risks of escalation", "these concessions": a phrase pointing back at what the sentence before said.
_POINTING_BACK = re.compile(r"\b(?:such|these|those)\s+(?:[a-z][\w-]*\s+)?(?P<noun>[a-z][\w-]{3,})\b")
# A lead whose subject is a bare "This" or "That" ("This could break the negotiations, because …"):
# what it stands for is said in the sentence before.
_BARE_DEMONSTRATIVE = re.compile(
    r"^\W*(?:(?:but|and|yet|so|still)\s+)?(?:this|that)\s+(?:in\s+turn\s+|also\s+|alone\s+)?"
    r"(?:could|would|can|will|may|might|must|should|is|was|has|had|means|meant|carries|shows|makes|made|leads|led)\b",
    re.I,
)


# "Who is the Ukrainian defence minister?": a question for the holder of an office.
_ASKS_OFFICE_HOLDER = re.compile(
    # "Who is Ukraine's president?": whose office it is, by a possessive.
    r"^\W*who\s+(?:is|was|are|were)\s+(?:the\s+|(?P<owner>(?-i:[A-Z])[\w.-]*)[’']s\s+)?(?P<before>(?:[\w’'-]+\s+){0,3}?)(?P<office>minister|president|spokesman|spokeswoman|"
    r"secretary|chancellor|director|leader|ambassador|chair|chairman|chairwoman|chairperson|king|queen|mayor|"
    r"governor|premier)"
    # Only the office and whose it is: "Who is the president of Ukraine?", not "Who was the leader when …?".
    r"(?:\s+(?:of|in|at)\s+(?:the\s+)?(?P<whose>(?-i:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)))?"
    # And when: "Who was President of Ukraine in 1994?".
    r"(?:\s+(?:in|during)\s+(?P<year>(?:1[5-9]|20)\d\d))?\s*[?.!]*\s*$",
    re.I,
)
# Words that tell one holder of an office from the others: "the first President", "the former minister".
_OFFICE_RANKS = frozenset("first second third fourth fifth last former previous next founding late".split())
# "Who governs France?": who holds the highest office of a country, which a sentence names by its
# title ("President Volodymyr Zelensky"). Not "leads": "Who leads The Islamic State?" (XQuAD) is
# "Sunni Arabs", the group it "is led by".
_ASKS_RULER = re.compile(
    r"^\W*who\s+(?:governs|rules|is\s+in\s+charge\s+of)\s+(?:the\s+)?"
    r"(?P<whose>(?-i:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*))(?:\s*,?\s+according\s+to\s+[^?]+)?\s*[?.!]*\s*$",
    re.I,
)
_RULER_TITLES = re.compile(r"\b(?:president|prime\s+minister|premier|chancellor|king|queen|leader)\b", re.I)
# A sentence giving what is given for what the sentence before says.
_IN_EXCHANGE = re.compile(r"^\W*in\s+(?:exchange|return)\b", re.I)
_EXCHANGE_WORDS = re.compile(r"\b(?:exchange|return|in\s+turn)\b", re.I)
# The year a question asks about, at its end: "What happened in 2014?" (not "the 1999 paper's information").
_YEAR = re.compile(r"\b(?:in|during)\s+((?:1[5-9]|20)\d\d)\s*[?.!]*\s*$", re.I)


def _gives_years(text: str, years: Sequence[str]) -> bool:
    """True when the text has every year of `years` (the question's, `_YEAR`)."""
    return all(y in text for y in years)


# A question for the reason someone did something ("Why did China send …?"), not for why something
# is so ("Why is Sberbank important?": the sentence may say it in other words).
_ASKS_WHY = re.compile(r"^\s*why\s+(?:did|does|do|has|have|had)\b", re.I)
# "Who founded NATO?", "Who hosted the talks?": who did something the question names.
_ASKS_WHO_DID = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?who\s+(?!(?:is|are|was|were|be|been|will|would|can|could|should|shall|has|have|had|does|"
    r"do|did|might|may|must|else)\b)[a-z]+(?:ed|t)\b", re.I
)
_WHY = re.compile(r"^\W*(?:(?:and|but|so)\s+)?why\b", re.I)
# "What makes Alcaro think mediation can't end the war?", "Why does he believe …?": why someone thinks so.
_MAKES_THINK = re.compile(
    rf"^\W*(?:(?:and|but|so)\s+)?(?:{MAKES_THINK}|why\s+(?:does|do|did)\s+(?:[\w’'-]+\s+){{1,4}}?{THOUGHT_VERB})", re.I
)
# "What is behind the ruble's rebound?", "What explains …?", "What caused …?": a cause asked, as by "why".
_ASKS_CAUSE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:why\b|what(?:[’']s|\s+is|\s+was|\s+lies)\s+behind\b|what\s+(?:explains|explained|caused|causes|"
    # "What has caused the ruble to bounce back?" too.
    # "What is driving that?" too.
    # "What has helped the ruble bounce back?": what let it, too.
    r"drives|drove|led\s+to|leads\s+to|helped|helps|(?:has|have|had)\s+(?:caused|driven|led\s+to|brought\s+about|helped|enabled)"
    r"|(?:is|are|was|were)\s+(?:driving|causing|fuelling|fueling|helping))\b"
    r"|what\s+(?:is|was)\s+the\s+(?:reason|cause)\s+(?:for|of|behind)\b"
    # "What does the April piece blame for Russia's poor showing?", "What is to blame …?", "What accounts for …?".
    r"|what\s+(?:is|was|are|were)\s+to\s+blame\b|what\s+accounts?\s+for\b"
    r"|what\s+(?:does|do|did)\s+(?:[\w’'-]+\s+){1,5}?(?:blame|attribute)\b)",
    re.I,
)
# A sentence that gives a reason itself.
# "Why would Russia …?", "Why might it …?": why something may come about, which a condition tells.
_ASKS_WHY_WOULD = re.compile(r"^\W*(?:(?:and|but|so)\s+)?why\s+(?:would|might|could)\b", re.I)
# How many of its words a why-would question's condition must follow ("willing … compromises … if").
CONDITION_WORDS = 2
_GIVES_REASON = re.compile(rf"\b(?:{_REASON_WORDS})\b", re.I)
# A sentence whose subject points back: "Such financial manipulations are working", "This shows …";
# also after a phrase it ends: "In the face of such risks of escalation, …", "Given this, …".
_OPENS_POINTING = re.compile(
    r"^\W*(?:(?:but|and|yet|so|still|indeed),?\s+)?(?:(?:in\s+the\s+face\s+of|given|because\s+of|despite|after)\s+)?"
    r"(?:such|this|these|those|that)\b(?!\s+(?:is|was)\s+why\b)",
    re.I,
)
# "What could break …?", "What carries the risk …?": a question for what does something.
_WHAT_DOES = re.compile(r"^\s*what\s+(?:could|would|can|will|may|might|must|should|carries|makes|made|leads|led)\b", re.I)


def _object_given_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What did Germany send to Ukraine?", `ranked` with the first of its best few that gives
    what the question's subject did with its verb (`verb_object`: "Many European countries,
    including … Germany, have sent similar weapons …") leading, when the lead gives none ("… from
    countries like the United States, Germany and other NATO members on par with Article 5 …") and
    it could answer by itself (its probability at least `abstain_below`)."""
    if ranked and name_object(ranked[0].text, question) is None:
        # "Whom did Ukraine call on?": a name the sentence gives after the verb and its preposition
        # ("… has also called on China …") says who, however low the sentence model put it (0.113,
        # below "the so-called Luhansk and Donetsk People’s Republics").
        ranked = _lifted(ranked, s, lambda c: name_object(c.text, question) is not None)
    return _fitting_lead(ranked, s, lambda c: verb_object(c.text, question) is not None)


def _object_kept(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What won't Ukraine give up?", `ranked` with the first of its best few that gives the
    asked verb an object (`object_given`: "Nor are they ready to give up on the prospect of EU
    membership one day") leading, when the lead uses the verb with none ("For now, the Ukrainian
    leadership is refusing to give up.") and that one could answer by itself."""
    if not ranked or object_given(ranked[0].text, question) is not False:
        return ranked
    # Not one that denies what is asked: "What is Ukraine ready to give up?" is "… willing to forsake
    # membership in NATO …" (fourth), not "Nor are they ready to give up on … EU membership …". The
    # lead says nothing of what is asked, so the one that does leads however low the sentence model
    # put it ("What does it refuse to give up?": "Nor are they …", 0.148).
    return _lifted(ranked, s, lambda c: object_given(c.text, question) is True and not denies_asked(c.text, question),
                   2 * s.gate_depth)


def _outlet_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What did the Financial Times report on 16 March?", `ranked` with the first of its best
    few that cites a work of that outlet (`reported_headline`) leading, when the lead cites another's
    ("… in *The New York Times*, 16 March 2022") and that one could answer by itself."""
    if not asks_reported(question):
        return ranked
    day = _DAY_MONTH.search(question)

    def cites(c: Candidate) -> bool:
        # On the day asked, when one is: "16 March" is not the same outlet's piece of 20 March.
        return reported_headline(c.text, question) is not None and (day is None or day.group(0).lower() in c.text.lower())

    return _fitting_lead(ranked, s, cites)


# "What would make Russia accept compromises?": what would bring something about.
# "Under what conditions does Russia negotiate?", "What would it take for a guarantee to protect
# Ukraine?": the condition for something.
_ASKS_WHAT_WOULD_MAKE = re.compile(
    r"^\W*(?:(?i:what)\s+(?i:would|could|might|will|can)\s+(?i:make|get|persuade|convince|force|push)\s+"
    r"|(?i:under|on)\s+(?i:what|which)\s+(?i:conditions?|circumstances|terms)\s+"
    r"(?i:would|could|does|do|did|will|might|can|is|are|was|were)\s+"
    r"|(?i:what)\s+(?i:would|will|does|did)\s+(?i:it)\s+(?i:take)\s+(?:(?i:for)\s+)?)(?P<rest>[^?]+)"
)
# A condition in a sentence: "… if its war effort continues to fail", "Without a strongly stated
# commitment …, no guarantee will …".
_SETS_CONDITION = re.compile(r"\b(?:if|unless|provided|as\s+long\s+as|only\s+when)\b|^\W*without\b", re.I)


def _condition_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What would make Russia accept compromises?" (or "Under what conditions …?", "What would
    it take for …?"), `ranked` with the first of its best few
    that sets a condition and has a word of what is to be brought about ("But Russia might be
    willing to consider such compromises if its war effort continues to fail") leading, when the
    lead sets none ("… the aggressor — Russia — will have to make the bulk of the compromises") and
    that one could answer by itself."""
    asked = _ASKS_WHAT_WOULD_MAKE.match(question)
    if asked is None:
        return ranked
    wanted = _content_words(re.sub(r",\s*according\s+to\b.*$", "", asked.group("rest"), flags=re.I))
    named = {w.lower()[:NAME_STEM] for w in _CAPITALISED.findall(asked.group("rest"))}

    def sets_it(c: Candidate) -> bool:
        return _SETS_CONDITION.search(c.text) is not None and bool(_content_words(c.text) & (wanted - named))

    return _fitting_lead(ranked, s, sets_it)


_DAY_MONTH = re.compile(rf"\b\d{{1,2}}\s+(?:{month_pattern()})\b", re.I)


# How many words more than an object a relative clause on the kind asked may run to.
RELATIVE_EXTRA_WORDS = 4


def _kind_after_description(sentence: str, span: Span, question: str) -> Span | None:
    """For "What measures does the de-Nazification element now concern?", the span of one or two
    words that only describe the kind asked for ("uncontroversial") with that kind and the relative
    clause after it that says which ("uncontroversial measures that Kyiv should adopt to defend and promote
    Russian language and culture in Ukraine"), the clause up to OBJECT_WORDS + RELATIVE_EXTRA_WORDS
    words; None for other spans."""
    noun = _asked_kind(question)
    if noun is None or not noun.endswith("s") or not 1 <= len(sentence[span.start : span.end].split()) <= 2:
        return None
    kind = re.match(rf"\s+(?:{re.escape(noun)}|{re.escape(singular(noun))})\b", sentence[span.end :], re.I)
    if kind is None:
        return None
    end = span.end + kind.end()
    # The kind alone adds nothing the question does not say ("energy", not "energy exports", for
    # "Which Russian exports …?"): only with the clause that tells which.
    clause = re.match(r"\s+(?:that|which|who)\s+", sentence[end:])
    which = (phrase_until(sentence, end + clause.end(), OBJECT_END, OBJECT_WORDS + RELATIVE_EXTRA_WORDS, strip=" ,.")
             if clause is not None else None)
    return Span(span.start, which[1], span.score, span.margin) if which is not None else None


# A span that ends on a phrasal verb in "-ing" ("bringing down"; searched up to the span's end, where
# "$" anchors it), and the short object after it ("regimes"), up to a clause mark or the sentence's end.
_PARTICLE_CUT = re.compile(r"\b[a-z]{2,}ing\s+(?:down|up|out|off|back|over|away)$")
_PARTICLE_OBJECT = re.compile(r"\s+(?P<object>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)(?=\s*(?:[,;:.!?)]|\s[—–]\s|$))")


# "What else besides bank sanctions would help?": what is set aside, up to the verb asked about.
_ASIDE_BEFORE_VERB = re.compile(
    rf"\b(?:{SET_ASIDE_WORDS}|in\s+addition\s+to)\s+(?P<aside>(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+)"
    r"(?=\s+(?:would|could|should|will|can|might|may|does|do|did|is|are|was|were|has|have)\b)",
    re.I,
)
# A sentence that adds to what was said: "Stepping up enforcement of individual sanctions would also help."
_ADDS = re.compile(r"\b(?:also|as\s+well|too|additionally|in\s+addition)\b", re.I)


def _added_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What else besides bank sanctions would help?", `ranked` with the first of its best few
    that adds to what was said ("also", "as well") with the question's own words after what it sets
    aside ("help") and without all of that ("bank sanctions"), leading when the lead does not, and it could answer by
    itself: "Stepping up enforcement of individual sanctions would also help.", not the sentence on
    the banks (it had bolded "any carveouts")."""
    aside = _ASIDE_BEFORE_VERB.search(question)
    if aside is None or not ranked:
        return ranked
    set_aside = {w[:NAME_STEM] for w in _words(aside.group("aside")) - QUERY_STOPWORDS}
    rest = {w[:NAME_STEM] for w in _words(_ANY_SOURCE.sub("", question[aside.end() :])) - QUERY_STOPWORDS}

    def adds(c: Candidate) -> bool:
        stems = {w[:NAME_STEM] for w in _words(c.text)}
        # "individual sanctions" is not "bank sanctions": not every word of what is set aside.
        return _ADDS.search(c.text) is not None and bool(rest & stems) and not set_aside <= stems

    return _fitting_lead(ranked, s, adds)


def _promoted(
    ranked: list[Candidate], s: AnswerSettings, fits: Callable[[Candidate], bool], depth: int | None = None
) -> list[Candidate]:
    """`ranked` with the first of its best few (`s.gate_depth` of them, or `depth`) after the lead
    that `fits` and could answer by itself (its probability at least `abstain_below`) leading;
    `ranked` itself when none does."""
    found = next((c for c in ranked[1 : depth or s.gate_depth] if c.score >= s.abstain_below and fits(c)), None)
    return ranked if found is None else [found, *(c for c in ranked if c is not found)]


def _lifted(ranked: list[Candidate], s: AnswerSettings, fits: Callable[[Candidate], bool], depth: int | None = None,
            ) -> list[Candidate]:
    """`ranked` with the first of its best `s.gate_depth` (or `depth`) after the lead that `fits` leading,
    however low its probability (for a sentence whose words say what the question asks); `ranked`
    itself when none does."""
    found = next((c for c in ranked[1 : depth or s.gate_depth] if fits(c)), None)
    return ranked if found is None else [found, *(c for c in ranked if c is not found)]


def _fitting_lead(
    ranked: list[Candidate], s: AnswerSettings, fits: Callable[[Candidate], bool], depth: int | None = None
) -> list[Candidate]:
    """`ranked` itself when it is empty or its lead `fits`, else `_promoted` by `fits` (among `depth`)."""
    return ranked if not ranked or fits(ranked[0]) else _promoted(ranked, s, fits, depth)


# "What would it get in return?", "… in exchange for that?": what is given back, which a sentence
# opening "In exchange," or "In return," states (the one before states what was offered).
_SAYS_IN_RETURN = re.compile(r"\bin\s+(?:return|exchange)\b", re.I)
_OPENS_IN_RETURN = re.compile(r"^\W*in\s+(?:return|exchange)\b", re.I)


def _in_return_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "And what would it get in return?", `ranked` with the first of its best `s.gate_depth`
    that opens "In exchange," or "In return," leading (the plan's commitments had led, after the
    question about them). The opening says what the question asks, so the sentence leads however
    far below the abstention threshold the sentence model put it (0.156 against 0.157 there)."""
    if _SAYS_IN_RETURN.search(question) is None or not ranked or _OPENS_IN_RETURN.match(ranked[0].text):
        return ranked
    return _lifted(ranked, s, lambda c: _OPENS_IN_RETURN.match(c.text) is not None)


def _polarity_kept(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """`ranked` with the first of its best few that does not deny what the question asks about
    leading, when the lead does (`denies_asked`: "Nor are they ready to give up on the prospect of EU
    membership" for "What is Zelensky willing to give up?") and that one could answer by itself."""
    return _fitting_lead(ranked, s, lambda c: not denies_asked(c.text, question))


def _points_back_at(sentence: str, asked: AbstractSet[str]) -> bool:
    """True when a word of `asked` (`_content_words`) stands in the sentence after "such", "these" or
    "those", a word perhaps between: "such risks", "these diplomatic endeavours"."""
    return any(w.lower()[:NAME_STEM] in asked for m in _POINTED_AT.finditer(sentence) for w in m.group("words").split())


_POINTED_AT = re.compile(r"\b(?i:such|these|those)\s+(?P<words>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)")


def _pointed_at_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """`ranked` with the first of its best few that does not only point back at the things asked
    leading, when the lead does (`_points_back_at`: "In the face of such risks of escalation,
    mediation attempts are welcome" for "What escalation risks does Alcaro see?", which says what
    those risks call for, not what they are) and that one could answer by itself. Only for the
    kind of things asked for (`_ASKS_KINDS`), and not when the question points back itself."""
    kinds = _ASKS_KINDS.match(question)
    if kinds is None or _POINTED_AT.search(question):
        return ranked
    asked = _content_words(kinds.group("kinds"))
    return _fitting_lead(ranked, s, lambda c: not _points_back_at(c.text, asked))


def _kind_named_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "Which concessions did Minsk require of Ukraine?", `ranked` with the first of its best few
    that gives an example of the kind of things asked for ("… the unreasonable concessions required
    of Ukraine, such as …") leading, when the lead names no such thing ("A starting point could be
    the now-defunct 2015 Minsk agreements …") and that one could answer by itself (`_ASKS_KINDS`)."""
    kinds = _ASKS_KINDS.match(question)
    if kinds is None:
        return ranked
    head = kinds.group("kinds").split()[-1].lower()
    if head.endswith(("ss", "us", "is")):
        # A singular: "What welding process was demonstrated in 1901?"
        return ranked
    stem = head[: max(NAME_STEM, len(head) - 2)]
    if not ranked or any(w.startswith(stem) for w in _words(ranked[0].text)):
        return ranked
    # Only a lead that has none of the question's words in lower case (it names only its names): "…
    # a Ukrainian 10-point plan laid out …" says what "the 10-point plan" of "Which countries could
    # act as guarantors under the 10-point plan?" is, before the sentence naming them.
    asked = {w.lower()[:NAME_STEM] for w in _WORD.findall(question) if w.islower() and w.lower() not in QUERY_STOPWORDS}
    if asked & {w.lower()[:NAME_STEM] for w in _WORD.findall(ranked[0].text) if w.islower()}:
        return ranked
    # Only one that gives an example of the kind (`example_of_kind`): a kind is often named in other
    # words ("Which weapons does Ukraine need most?" is "air defense systems and fighter jets").
    return _promoted(ranked, s, lambda c: example_of_kind(c.text, question) is not None)


def _kind_described_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What kind of weapons could Russia still use?", `ranked` with the first of its best few that
    describes its one thing of that kind ("Nor can the use of non-conventional weapons …") leading,
    when the lead names no such thing ("However, they can still push Ukraine into prostration by way
    of prolonged sieges …", whose "prolonged sieges" had been bold)."""
    asked = _ASKS_KIND_OF_THING.match(question)
    if asked is None or not ranked or kind_described(ranked[0].text, question) is not None:
        return ranked
    stem = asked.group("thing").lower()[:NAME_STEM]
    if any(w.startswith(stem) for w in _words(ranked[0].text)):
        return ranked
    return _promoted(ranked, s, lambda c: kind_described(c.text, question) is not None)


# "What kind of weapons …?", "Which type of agreement …?": the thing whose kind is asked.
_ASKS_KIND_OF_THING = re.compile(r"^\W*(?:what|which)\s+(?:kinds?|types?|sorts?)\s+of\s+(?:[a-z][\w-]*\s+){0,2}?(?P<thing>[a-z][\w-]*)\s+(?:could|can|did|does|do|would|will|is|are|was|were|has|have|might|may|should|must)\b", re.I)


def _counted_kind_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "Which three components does the 15-point plan revolve around?", `ranked` with the first of
    its best few that counts as many of that kind ("The plan rotates around three main components: …")
    leading, when the lead does not ("… the 15-point plan which … diplomats are reportedly discussing …")."""
    asked = ASKED_COUNT.search(question)
    if asked is None:
        return ranked
    count, noun = asked.group(1).lower(), asked.group(0).split()[-1].lower()
    counted = re.compile(rf"\b{count}\s+(?:[\w’'-]+\s+){{0,2}}?(?:{re.escape(noun)}|{re.escape(singular(noun))})\b", re.I)
    return _fitting_lead(ranked, s, lambda c: counted.search(c.text) is not None)


# "What escalation risks does Alcaro see?": the kind of things asked for, before the auxiliary (not
# "compromises" in "What would make Russia accept compromises?", answered by "… willing to consider
# such compromises if its war effort continues to fail").
_ASKS_KINDS = re.compile(
    r"^\W*(?i:what|which)\s+(?P<kinds>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s)\s+"
    r"(?i:do|does|did|are|were|is|was|has|have|had|can|could|would|will|might|may|should)\b"
)


# "What happened after the talks in Istanbul?": what followed an event.
_ASKS_AFTER = re.compile(
    r"^\W*(?i:and\s+)?(?i:what)\s+(?i:(?:has\s+|had\s+)?happened|happens|followed|came)\s+(?i:after|since|following)\s+(?P<event>[^?]+)"
)
# Where a sentence says what came after something: "in the days after the talks".
_AFTER_IN_SENTENCE = re.compile(r"\b(?:after|since|following)\s+(?P<what>(?:[\w’'-]+\s+){0,3}[\w’'-]+)", re.I)


def _what_followed_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What happened after the talks in Istanbul?", `ranked` with the first of its best few that
    says what came after the event ("Indeed, in the days after the talks, Russian bombardment …
    continued") leading, when the lead only tells of the event ("On Tuesday in Istanbul, the sides
    met for a sixth time") and that one could answer by itself."""
    asked = _ASKS_AFTER.match(question)
    if asked is None:
        return ranked
    event = _content_words(asked.group("event"))

    def follows(c: Candidate) -> bool:
        return any(_content_words(m.group("what")) & event for m in _AFTER_IN_SENTENCE.finditer(c.text))

    return _fitting_lead(ranked, s, follows)


# "Should Europe stop importing Russian gas?": whether someone should do something.
_ASKS_SHOULD = re.compile(r"^\W*(?i:and\s+)?(?i:should)\s+(?P<subject>(?:(?i:the)\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s")
# "What should Europe do about Russian gas?": what someone should do.
_ASKS_WHAT_SHOULD = re.compile(
    r"^\W*(?i:and\s+)?(?i:what)\s+(?i:should|must|ought|can|could)\s+(?P<subject>(?:(?i:the)\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s+(?i:(?:to\s+)?do)\b"
)


# "What does the April writer think the West should do with …?": what a source says someone should do.
_ASKS_SOURCE_SHOULD = re.compile(
    r"^\W*(?i:and\s+)?(?i:what)\s+(?i:does|do|did)\s+[^?]+?\s+(?i:think|say|believe|argue|suggest|feel)\s+(?:(?i:that)\s+)?"
    r"(?P<subject>(?:(?i:the)\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s+(?i:should|must|ought\s+to)\s+(?i:do)\b"
)
# "Does the April piece want Europe to keep buying Russian gas?": what a source would have someone do.
_ASKS_WANTS_TO = re.compile(
    r"^\W*(?i:(?:and\s+)?(?:does|do|did|would)\s+.{1,60}?\s+(?:want|expect|urge|advise|recommend|ask))\s+"
    r"(?P<subject>(?:(?i:the)\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s+(?i:to)\s"
)


# "What should happen to the Minsk agreements?", "What must be done about Russian gas?": what should
# be done with a thing.
_ASKS_SHOULD_HAPPEN = re.compile(
    r"^\W*(?:and\s+)?what\s+(?:should|must|ought\s+to)\s+(?:happen\s+(?:to|with)|be\s+done\s+(?:with|about|to))\s+"
    r"(?P<thing>[^?.!]*?[\w’'-]+)\s*[?.!]*\s*$",
    re.I,
)


def _prescription_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "Should Europe stop importing Russian gas?" (or "What should Europe do about …?"),
    `ranked` with the first of its best few that says what the question's subject should do
    (`prescribes`, naming it: "… Europe can use its economic leverage … or, better yet, suspend
    Russian energy imports altogether") leading, when the lead only describes ("Europe is still
    deeply dependent on Russian gas") and it could answer by itself."""
    happen = _ASKS_SHOULD_HAPPEN.match(question)
    if happen is not None and ranked and not prescribes(ranked[0].text):
        # "What should happen to the Minsk agreements?": "The agreements would have to be revised
        # significantly …", which names them by their head noun (it had quoted "A starting point
        # could be the now-defunct 2015 Minsk agreements …").
        head = happen.group("thing").split()[-1]
        return _promoted(ranked, s, lambda c: prescribes(c.text) and _names(c.text, head), 2 * s.gate_depth)
    asked = (_ASKS_SHOULD.match(question) or _ASKS_WHAT_SHOULD.match(question) or _ASKS_WANTS_TO.match(question)
             or _ASKS_SOURCE_SHOULD.match(question))
    if asked is None or not ranked or prescribes(ranked[0].text):
        return ranked
    subject = spell_out_abbreviations(re.sub(r"^the\s+", "", asked.group("subject"), flags=re.I)).split()
    # A group is named by a member: "the West" by "Europe" ("To reverse this trend, Europe can use …").
    return _promoted(ranked, s, lambda c: prescribes(c.text) and all(
        _names(c.text, w) or any(_names(c.text, m) for m in GROUPS.get(w.lower(), "").split()) for w in subject))



def _reason_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For a why-question, `ranked` with the first of its best few that says what the question says
    happened and gives a reason ("because", "due to") leading, when the lead does not: "Why did the
    Minsk diplomacy fail?" is "European-led diplomacy … failed largely because of Russian stalling …",
    not "A starting point could be the now-defunct 2015 Minsk agreements …". So for "What made the
    Minsk agreements collapse?"."""
    caused = asks_what_caused(question)
    if _ASKS_WHY_WOULD.match(question) and ranked and not _GIVES_REASON.search(ranked[0].text):
        # "Why would Russia be willing to compromise on the Donbas?": when the lead gives no reason,
        # the sentence that says when it might ("But Russia might be willing to consider such
        # compromises if its war effort continues to fail", fourth) says why it would, after two of
        # the question's own words (not a name nor a modal: "willing", "compromise").
        subject = _subject_words(question)
        stems = {w.lower()[:NAME_STEM] for w in _WORD.findall(question)
                 if w[0].islower() and w.lower() not in QUERY_STOPWORDS and w.lower() not in _MODAL_WORDS}
        least = min(CONDITION_WORDS, len(stems))

        def says_when(c: Candidate) -> bool:
            # Not "Russia cannot expect sanctions to be lifted unless …" for "Why would sanctions relief
            # appeal to Russia?": one word of the question before the condition is not what it asks.
            condition = _SETS_CONDITION.search(c.text)
            return (condition is not None and least > 0
                    and len(stems & {w.lower()[:NAME_STEM] for w in _WORD.findall(c.text[: condition.start()])}) >= least
                    and (not subject or _names_any(c.text, subject)))

        return _fitting_lead(ranked, s, says_when, 2 * s.gate_depth)
    if not _ASKS_WHY.match(question) and not caused:
        return ranked
    subject = _subject_words(question)

    def gives_reason(c: Candidate) -> bool:
        # Of the question's subject, by name or as the thing the sentence before names: not "… the
        # ability of Russian troops …, thanks to Western weapon supplies" for "Why did China send troops?".
        if _GIVES_REASON.search(c.text) is None:
            return False
        if caused and subject and _named_before_as(c, subject):
            # "What made the 2015 Minsk deal collapse?": "… progress on the agreements failed largely
            # because of …" after "the now-defunct 2015 Minsk agreements" says it in its own words.
            return True
        return (speaks_of_event(c.text, question, names=False)
                and (not subject or _names_any(c.text, subject) or _named_before_as(c, subject)))

    promoted = _fitting_lead(ranked, s, gives_reason)
    if promoted is not ranked or not ranked or failure_explained(ranked[0].text, question):
        return promoted
    # "What made the Russian offensive stall?": a sentence that says the same failure and why it came
    # ("… only after its military operation stalled, in part because of …") answers however far below
    # the abstention threshold the sentence model put it (0.135; "… restart the offensive …" led).
    return _lifted(ranked, s, lambda c: failure_explained(c.text, question))


def _options_quoted(chosen: list[Candidate], ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For a question asking which of two options is more ("Which bank is larger, Sberbank or VTB?"),
    the chosen sentences with, after them, the best of `ranked` that names an option none of them
    names and could answer by itself ("Imposing the same costs on Sberbank, Russia’s largest bank …"
    beside "… only VTB — the second-largest —"): the answer compares what is said of each."""
    choice = choice_asked(question)
    if choice is None or len(choice.options) < 2 or not chosen:
        return chosen
    if chosen_option([c.text for c in chosen[:MARKED_SENTENCES]], choice) is not None:
        # Already told: "Both sides have lost enormous amounts of military equipment, especially Russia."
        return chosen
    added = list(chosen)
    for option in choice.options:
        if option_named([c.text for c in added], option):
            continue
        naming = next((c for c in ranked if c not in added and c.score >= s.abstain_below and option_named([c.text], option)), None)
        if naming is not None:
            added.append(naming)
    return added[: MARKED_SENTENCES] if len(added) > len(chosen) else chosen


def _first_time_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "Which first did the EU's weapons decision mark?", `ranked` with the first of its best few
    that says something was done for the first time ("… approving the shipment of lethal weapons …
    for the first time in its history") leading, when the lead does not and that one could answer by itself."""
    if not asks_first_time(question):
        return ranked
    return _fitting_lead(ranked, s, lambda c: says_first_time(c.text))


# A term the question quotes: "What does 'Blitzkrieg' refer to …?", 'What is "de-Nazification"?'.
_QUOTED_TERM = re.compile(r"(?:^|\s)[\"“‘'](?P<term>[^\"“”‘’']{4,40})[\"”’'](?=[\s?.,!]|$)")


def _quoted_term_user(question: str) -> Callable[[Candidate], bool] | None:
    """For a question quoting a term, whether a sentence uses it as written (its italics and
    underscores aside: "*Blitzkrieg*"); None when the question quotes none."""
    quoted = _QUOTED_TERM.search(question)
    if quoted is None:
        return None
    term = re.compile(rf"(?<![\w-]){re.escape(quoted.group('term'))}(?![\w-])", re.I)
    return lambda c: term.search(c.text.replace("*", "").replace("_", " ")) is not None


def _using_quoted_term(ranked: Sequence[Candidate], question: str) -> Candidate | None:
    """For a question asking what a quoted word or phrase means or refers to ('What does "on the back
    foot" refer to in the April piece?'), the best of `ranked` that uses it as written; None for other
    questions, or when no sentence does."""
    uses = _quoted_term_user(question) if asks_meaning(question) else None
    return next((c for c in ranked if uses(c)), None) if uses is not None else None


def _quoted_term_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For a question quoting a term ("What does 'Blitzkrieg' refer to in the IAI piece?"), `ranked`
    with the first of its best few that holds the term leading ("… through a poorly executed
    *Blitzkrieg* …"), when the lead does not (a note citing an IAI commentary) and that one could
    answer by itself: a quoted term is the writer's word, which the sentence asked about uses."""
    uses = _quoted_term_user(question)
    return ranked if uses is None else _fitting_lead(ranked, s, uses)


# Outcomes and their opposites, by their first letters: "succeed" and "fail", "win" and "lose".
_OUTCOMES = (("succe", "fail"), ("win", "lose"), ("rise", "fall"), ("grow", "shrink"), ("incre", "decre"),
             ("stren", "weake"), ("impro", "worse"))


# A negation within a few words before a word: "have hardly succeeded".
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|hardly|barely|scarcely|no|without)\b(?:\s+\S+){0,2}\s*$|n[’']t(?:\s+\S+){0,2}\s*$", re.I)


def _outcome_kept(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For a question about an outcome ("What would make diplomacy succeed, per the April piece?"),
    `ranked` with the first of its best few that names that outcome leading ("… the better the
    chances for diplomacy to succeed"), when the lead names only its opposite ("European-led
    diplomacy … failed largely because of Russian stalling …") and that one could answer by itself."""
    asked = _words(question)
    pairs = (*_OUTCOMES, *((b, a) for a, b in _OUTCOMES))
    pair = next(((wanted, opposite) for wanted, opposite in pairs
                 if _has_stem(asked, wanted) and not _has_stem(asked, opposite)), None)
    if pair is None or not ranked:
        return ranked
    wanted, opposite = pair
    lead = ranked[0].text
    # "Sanctions have hardly succeeded in bringing down regimes" says that they failed.
    opposed = any(not _NEGATED_BEFORE.search(lead[: m.start()]) for m in re.finditer(rf"\b{opposite}\w*", lead, re.I))
    if not opposed or _has_stem(_words(lead), wanted):
        return ranked
    return _promoted(ranked, s, lambda c: _has_stem(_words(c.text), wanted))


# "Has that worked?", "Did it help?", "Is it really working?": whether what the reply said did what
# one verb says, asked of a pointer alone.
_ASKS_VERB_ALONE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:has|have|had|did|does|do|is|are|was|were|will|would)\s+(?:that|it|this|they|these|those)\s+"
    r"(?:(?:really|actually|already|ever|been|now)\s+){0,2}(?P<verb>[a-z]{3,})\s*[?.!]*\s*$", re.I
)


def _asked_verb_first(ranked: list[Candidate], question: str, reply: str) -> list[Candidate]:
    """For "Has that worked?" after a reply quoting "Russia recently insisted on conducting payments
    … in rubles", `ranked` with the first of its best VERB_ALONE_DEPTH that uses the asked verb and
    stands in a passage the reply quoted from ("Such financial manipulations are working: …")
    leading, when the lead does not use it (it had been "The West has still not fully hit Russia
    where it hurts"): the verb is all the question asks of what it points at. Not a sentence
    elsewhere that happens to use the verb ("the European Union agreed to deliver …" for "Did it
    deliver?" after Moscow's promise to pull back)."""
    asked = _ASKS_VERB_ALONE.match(question)
    if asked is None or asked.group("verb").lower() in _AUXILIARY_WORDS or not ranked:
        return ranked
    verb = snowball_stem(asked.group("verb").lower())
    quoted = {c.passage.id for c in ranked if c.text in reply}

    def uses(c: Candidate) -> bool:
        return verb in {snowball_stem(w) for w in _words(c.text)}

    # However low it scores: a question of a pointer and a verb shares little with any sentence.
    found = (next((c for c in ranked[1:VERB_ALONE_DEPTH] if c.passage.id in quoted and uses(c)), None)
             if not uses(ranked[0]) else None)
    return ranked if found is None else [found, *(c for c in ranked if c is not found)]


_AUXILIARY_WORDS = frozenset("been being done going".split())
# The verbs that may follow "what" or "which" straight away ("What has …?", "What would …?").
_QUESTION_VERBS = frozenset(
    "is are was were do does did has have had will would can could shall should may might must".split()
)
# How far down a sentence that uses the verb asked alone may rank (the one that says the rouble
# payments are working ranked fourth).
VERB_ALONE_DEPTH = 5


def _has_stem(words: AbstractSet[str], stem: str) -> bool:
    """True when one of the (lower-case) words begins with `stem`."""
    return any(w.startswith(stem) for w in words)


def _titled_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For a question naming someone by an office ("What claim did Russia's foreign minister make
    about the contested regions?"), `ranked` with the best sentence naming that office's holder
    (`holds_title_asked`: "… which Russian Foreign Minister Sergei Lavrov said was “settled for
    good”") leading, when the lead names none and that one could answer by itself, however far down
    it ranks: the office says whose words are asked for, which the sentence model weighs as two words."""
    if not ranked or holds_title_asked(ranked[0].text, question) in (None, True):
        return ranked
    return _promoted(ranked, s, lambda c: bool(holds_title_asked(c.text, question)), depth=len(ranked))


def _marked_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """`ranked` with, for each of `_LEADING_FINDERS` in turn, the first of its best few that the finder
    marks leading, when the lead it leaves is unmarked: "… these diplomatic endeavours can at best
    freeze the conflict" for "What is the most mediation could do?" (`limit_given`; not "In the face
    of such risks of escalation, mediation attempts are welcome"), "The existing sanctions on Russian
    companies and wealthy elites are significant, …" for "What did the sanctions target so far?"
    (`target_of`; not "… including imposing full blocking sanctions …")."""
    for finder in _LEADING_FINDERS:
        ranked = _fitting_lead(ranked, s, lambda c, finder=finder: finder(c.text, question) is not None)
    return ranked


def _members_of_named_kind(sentence: str, question: str) -> tuple[int, int] | None:
    """`members_of_kind_asked`, when the question names the kind by one of the very words before the
    list ("Who are the guarantor states …?" / "potential guarantor countries such as …"), not only a
    word sharing their first letters ("Who can provide security guarantees …?" is Alcaro's "only the
    United States and its allies can provide …", not the guarantor countries)."""
    found = members_of_kind_asked(sentence, question)
    if found is None:
        return None
    before = sentence[: found[0]].lower().split()[-KIND_WORDS - 2 :]
    asked = {w.lower() for w in _WORD.findall(question) if w.islower() and w.lower() not in QUERY_STOPWORDS}
    return found if asked & {w.strip(",") for w in before} else None


# Finders whose span answers just what the question's form asks: a sentence they mark leads (`_marked_first`).
_LEADING_FINDERS = (limit_given, target_of, term_does, place_of_name, _members_of_named_kind)


def _content_noun_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What does Alcaro say the US and Europe's goal should be?", `ranked` with the first of its
    best few that names the goal (or an objective, an aim: `content_nouns_asked`) leading ("Their goal
    should be to end the war, …"), when the lead names none ("The United States and Europe are
    anything but neutral in the conflict")."""
    nouns = content_nouns_asked(question)
    if not nouns:
        return ranked
    named = re.compile(rf"\b(?:{'|'.join(sorted(nouns))})\b", re.I)
    # A sentence naming the goal may rank below several that only repeat the question's names ("The
    # United States and Europe are anything but neutral …" for "What should the US and Europe aim for?").
    return _fitting_lead(ranked, s, lambda c: named.search(c.text) is not None, CONTENT_NOUN_DEPTH)


# "Who in Russia called the Crimea question settled?", "Who described the talks as a smokescreen?": a
# word someone is asked to have called a thing, last.
_CALLED_WORD_ASKED = re.compile(
    r"^\W*(?:(?:and|so)\s+)?who\b[^?]*?\b(?:called|calls|call|described|describes|labelled|labeled|termed)\s+[^?]+?\s+"
    r"(?:as\s+(?:an?\s+|the\s+)?)?(?P<word>[a-z][\w-]{3,})\s*[?.!]*\s*$",
    re.I,
)


def _called_word_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "Who in Russia called the Crimea question settled?", `ranked` with the first of its best
    few that has the word ("… which Russian Foreign Minister Sergei Lavrov said was “settled for
    good”") leading, when the lead lacks it (Peskov's "Crimea is part of Russia")."""
    asked = _CALLED_WORD_ASKED.match(question)
    if asked is None:
        return ranked
    word = asked.group("word").lower()
    said = re.compile(rf"\b{re.escape(word[:NAME_STEM])}", re.I)
    return _fitting_lead(ranked, s, lambda c: said.search(c.text) is not None, CONTENT_NOUN_DEPTH)


_WHICH_OPENS = re.compile(r"^\W*(?:(?:and|so)\s+)?which\b", re.I)
# "What does Zelensky want a referendum on?": a thing asked what it is on or about (the preposition last).
_ABOUT_NOUN_ASKED = re.compile(r"^\W*(?:(?:and|so)\s+)?what\b[^?]*?\b(?:a|an|the)\s+(?P<noun>[a-z][\w-]{3,})\s+(?:on|about|over)\s*[?.!]*\s*$", re.I)


def _about_noun_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What does Zelensky want a referendum on?", `ranked` with the first of its best few that
    names the referendum leading ("… any agreement proclaiming Ukraine’s neutrality would need to be
    approved by a nationwide referendum …"), when the lead does not ("Zelensky probably wants to go
    through this formal process …", which says why)."""
    asked = _ABOUT_NOUN_ASKED.match(question)
    if asked is None:
        return ranked
    named = re.compile(rf"\b{re.escape(asked.group('noun'))}s?\b", re.I)
    return _fitting_lead(ranked, s, lambda c: named.search(c.text) is not None)


# How many of the best sentences `_content_noun_first` looks through for one naming the goal asked.
CONTENT_NOUN_DEPTH = 5


def _side_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What is the 15-point plan for the Russians, in Alcaro's view?", `ranked` with the first of
    its best few that opens on that side ("For the Russians, it is in all likelihood a means to buy
    time …") leading, when the lead does not ("… the 15-point plan … is a way for Ukraine to define
    the costs …") and that one could answer by itself: the opening says whose view of it follows."""
    if asks_side(question) is None:
        return ranked
    return _fitting_lead(ranked, s, lambda c: opens_on_side(c.text, question))


# "What does Ukraine need most?": the one thing above others, which "especially" singles out.
_ASKS_MOST = re.compile(
    r"^\W*what\b[^?]*\s[a-z]+\s+most(?=\s*(?:[,?.!]|$)|\s+(?:per|according|now|right\s+now)\b)"
    # "What should the West send Ukraine most urgently?", "… above all?"
    r"|^\W*what\b[^?]*\s(?:most\s+(?:urgently|badly|of\s+all)|above\s+all|first\s+and\s+foremost)(?=\s*(?:[,?.!]|$))",
    re.I,
)


# How deep a sentence that singles out what is most needed may lead from: "What should the West send
# Ukraine most urgently?" found "… especially air defense systems and fighter jets …" fifth.
SINGLED_DEPTH = 5


def _singled_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What does Ukraine need most, per the April writer?", `ranked` with the first of its best
    few that singles out one of what it names (`singled_out`: "… but Ukraine needs much more,
    especially air defense systems and fighter jets …") leading, when the lead does not ("… any
    agreement … would need to be approved by a nationwide referendum …") and that one could answer
    by itself."""
    if _ASKS_MOST.match(question) is None:
        return ranked
    return _fitting_lead(ranked, s, lambda c: singled_out(c.text, question) is not None, SINGLED_DEPTH)


# "What veto was Ukraine asked to accept under Minsk?": the noun right after the question word,
# which names the kind of thing asked for.
_ASKS_WHAT_NOUN = re.compile(
    r"^\W*(?:(?:and|so)\s+)?(?:what|which)\s+(?P<noun>[a-z]{4,})\s+(?:was|is|were|are|did|does|do|has|have|had|would|"
    r"could|will|should|can|might|must)\b", re.I
)


# A noun phrase and the pronoun subject of a relative clause on it, just before a span: "the victory he |still craves".
_RELATIVE_HEAD_BEFORE = re.compile(
    r"\b(?P<np>(?:the|a|an|his|her|its|their|our|this|that)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+(?:he|she|it|they|we|you)\s+$"
)
# How far before a span its relative clause's head may begin.
RELATIVE_HEAD_CHARS = 60


def _inside_relative_of_asked(sentence: str, start: int, question: str) -> bool:
    """True when a span opening at `start` is the rest of a relative clause on the noun the question
    asks about ("still craves" in "… the victory he still craves" for "What victory …?")."""
    asked = _ASKS_WHAT_NOUN.match(question)
    if asked is None:
        return False
    noun = re.escape(asked.group("noun"))
    return re.search(rf"\b{noun}\w*\s+(?:that|which|who|whom|he|she|it|they|we|you)\s+$", sentence[max(0, start - 40) : start], re.I) is not None


# Kinds of thing a name or a number answers ("What year did Tesla die?": "1943"), which the answering
# sentence need not name ("Tesla died on 7 January 1943"; on XQuAD, putting first a sentence with
# the kind's word lost four answers of five changed).
_NAMED_KINDS = frozenset(
    "country nation state city town village capital river sea lake island mountain region province county "
    "year month day date decade century season time team band group party company firm bank club school "
    "college university church religion language newspaper magazine book album song film movie show person "
    "man woman leader president minister official author writer side name player king queen emperor".split()
)


def _head_noun_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "What veto was Ukraine asked to accept under Minsk?", `ranked` with the first of its best
    few that has the noun the question asks for ("… such as allowing the LNR and DNR to have veto
    power over national decisions") leading, when the lead has no word of it ("A starting point
    could be the now-defunct 2015 Minsk agreements …") and that one could answer by itself."""
    asked = _ASKS_WHAT_NOUN.match(question)
    noun = asked.group("noun").lower() if asked is not None else ""
    if not noun or noun in QUERY_STOPWORDS or noun in _NAMED_KINDS:
        return ranked
    if PLURAL_OR_VERB.search(noun):
        # A plural: things of a kind, which `_kind_named_first` weighs by the examples given.
        return ranked
    stem = noun[: max(NAME_STEM, len(noun) - 2)]
    return _fitting_lead(ranked, s, lambda c: any(w.startswith(stem) for w in _words(c.text)))


# How deep a sentence that gives a share may stand (it had stood fourth, after three without one).
SHARE_DEPTH = 6
# A question's words that say only that a share is asked for.
_SHARE_WORDS = frozenset(w[:NAME_STEM] for w in "percent percentage proportion fraction share roughly about approximately".split())


def _share_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "Roughly what fraction of the population has fled abroad?", `ranked` with the first of its
    best SHARE_DEPTH that gives a share and names what the share is of ("… about 10 percent of
    the population — now outside the country") leading, when the lead gives none ("over three
    million of which have already fled the country"). A share is what the question asks for, so the
    sentence leads however far below the abstention threshold the sentence model put it."""
    if not ranked or not asks_share(question) or gives_share(ranked[0].text, question):
        return ranked
    asked = _content_words(question) - _SHARE_WORDS
    # Not one that says less of what is asked than the lead: "What percentage of Ukraine's population
    # harbours sympathy for the invaders?" is answered by "… whose almost 44-million population
    # harbours no sympathy for the invaders", not by the share of Ukrainians abroad.
    least = max(1, len(asked & _content_words(ranked[0].text)))
    found = next((c for c in ranked[1:SHARE_DEPTH]
                  if gives_share(c.text, question) and len(asked & _content_words(c.text)) >= least), None)
    return ranked if found is None else [found, *(c for c in ranked if c is not found)]


def _short_form_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """`ranked` with the best of the first `s.gate_depth` that gives what the question asks to be
    called for short leading: "What are the initials of the two breakaway republics?" is answered by
    "… People’s Republics (LNR and DNR) …", not by "… the two self-styled independent republics …",
    which has the question's words and no initials."""
    if not asks_short_form(question):
        return ranked
    giving = next((c for c in ranked[: s.gate_depth] if abbreviation_given(c.text, question)), None)
    return [giving, *(c for c in ranked if c is not giving)] if giving is not None else ranked


def _owned_kind_first(ranked: list[Candidate], question: str, s: AnswerSettings) -> list[Candidate]:
    """For "Which Ukrainian cities has Russia kept bombing?", `ranked` with the first of its best few
    that names things of the kind asked by their owner ("… bombardment of Ukraine’s northern cities
    continued …") leading, when the lead names the kind only bare ("… sieges in which cities and towns
    are subjected to …") and that one could answer by itself."""
    asked = _ASKS_KIND_PLURAL_NOUN.match(question)
    if asked is None or not ranked:
        return ranked
    kind = asked.group("kind")
    owned = re.compile(r"\b[A-Z][\w-]*" + _OWNED.format(noun=re.escape(_kind_stem(kind))))
    if owned.search(ranked[0].text) or not re.search(rf"\b{re.escape(kind)}\b", ranked[0].text, re.I):
        return ranked
    # Not one without a word of the question the lead has: "Which Ukrainian cities has Russia besieged?"
    # keeps "… prolonged sieges in which cities and towns …", which names none (bombardment is no siege).
    asked_stems = {stem for w in _words(question) - QUERY_STOPWORDS - {kind.lower()} if len(stem := snowball_stem(w)) >= 4}

    def held(text: str) -> set[str]:
        # The asked stems the text holds, inside or around one of its own stems.
        stems = [w for w in map(snowball_stem, _words(text)) if len(w) >= 4]
        return {a for a in asked_stems if any(w in a or a in w for w in stems)}

    in_lead = held(ranked[0].text)
    return _promoted(ranked, s, lambda c: owned.search(c.text) is not None and in_lead <= held(c.text))


# How the sentences are reordered before the answer is chosen, in this order: each puts first one of
# the best few that does what the question asks, when the lead does not.
_REORDERINGS = (_polarity_kept, _object_given_first, _object_kept, _prescription_first, _what_followed_first, _outlet_first,
                _condition_first, _pointed_at_first, _reason_first, _titled_first, _first_time_first, _quoted_term_first,
                _kind_named_first, _kind_described_first, _counted_kind_first, _outcome_kept, _marked_first, _content_noun_first, _about_noun_first, _called_word_first, _in_return_first, _side_first,
                _singled_first, _head_noun_first, _share_first, _short_form_first, _owned_kind_first, _added_first)


# A modal alone answers nothing; "shall" too, which no question's verb phrase is read with (`MODALS`).
_MODAL_WORDS = frozenset((*MODALS, "shall"))
# Words that say how sure or how frank the writer is, and nothing of what: "actually", "surely".
# Adverbs that answer nothing by themselves, but when ("now", "then") a date is asked.
_BARE_ADVERBS = frozenset("altogether together already also still instead again too anyway indeed even just only "
                          "now then entirely fully largely mostly partly merely simply".split())
_STANCE_ADVERBS = frozenset(("actually", "indeed", "really", "surely", "certainly", "perhaps", "probably", "possibly", "truly"))
# "the first reason", "the second point": an item of a list by its place; not "the first time", nor
# a rank ("the second largest").
_ORDINAL_ASKED = re.compile(
    r"\bthe\s+(first|second|third|fourth|fifth)\s+(?!time|one\b|ones\b|most\b|least\b|[a-z]+est\b)(?P<kind>[a-z]{3,})", re.I
)


def _opens_item(sentence: str, ordinal: re.Match[str]) -> bool:
    """True when the sentence is the item of a list at the place `ordinal` (`_ORDINAL_ASKED`) asks
    for: it opens with the ordinal and a comma ("First, only the United States …"), or with "The
    <ordinal>" and a verb or the kind asked ("The second problematic issue is …"), not with a rank
    ("The first commercially viable process …", XQuAD)."""
    place = ordinal.group(1)
    kind = singular(ordinal.group("kind"))
    return re.match(rf"\W*(?:{place}\s*,|the\s+{place}\s+(?:is|was|concerns|revolves|one|(?:[a-z]+\s+)?{kind}s?)\b)",
                    sentence, re.I) is not None


# A pointer at something said before: "that idea", "this plan", "such demands".
_POINTS_AT_SAID = re.compile(r"\b(?:that|this|these|those|such)\s+[a-z]{3,}\b")


# "Who objected?", "How did Moscow respond?", "What was the reaction?": how someone met what the reply said.
_ASKS_REACTION = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:who\s+(?:objected|rejected|opposed|disputed|resisted|dismissed|disagreed|pushed\s+back|"
    r"responded|reacted|replied|refused)(?:\s+(?:it|that|this|them|to\s+(?:it|that|this)))?"
    r"|how\s+did\s+(?:the\s+)?(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?|he|she|they)\s+(?:respond|react|reply|answer)(?:\s+to\s+(?:it|that|this))?"
    r"|what\s+(?:was|is)\s+(?:the|his|her|their|(?:[A-Z][\w-]*[’']s))\s+(?:response|reaction|reply|answer)(?:\s+to\s+(?:it|that|this))?"
    # "Did Moscow accept that?", "Has the Kremlin agreed to it?": whether it was met, told by how.
    r"|(?:did|has|have|would|will)\s+(?:the\s+)?(?P<whether>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+"
    r"(?:accept(?:ed)?|agree(?:d)?\s+(?:to|with)|endorse(?:d)?|back(?:ed)?|welcome(?:d)?|go(?:ne)?\s+along\s+with)\s+(?:it|that|this|them))"
    r"\s*[?.!]*\s*$",
    re.I,
)
# A sentence meeting what the one before said: "But Kremlin spokesman Dmitry Peskov pushed back on that idea, …".
_REACTS = re.compile(
    r"\b(?:push(?:ed|es)?\s+back|reject(?:ed|s)?|dismiss(?:ed|es)?|object(?:ed|s)?|counter(?:ed|s)?|respond(?:ed|s)?|"
    r"repl(?:ied|ies)|retort(?:ed|s)?|refus(?:ed|es)|oppos(?:ed|es)|disput(?:ed|es)|den(?:ied|ies))\b",
    re.I,
)


def _reaction(
    retriever: Retriever, question: str, history: Sequence[Any] | None, ranked: Sequence[Candidate], started: float
) -> Answer | None:
    """For a follow-up asking how the sentence the reply quoted was met ("Who objected?" after "The
    Ukrainian plan envisions a 15-year timeline to resolve the Crimea question."), the answer from
    the document's next body sentence when that one meets it and points back at it ("But Kremlin
    spokesman Dmitry Peskov pushed back on that idea, …"), the quoted sentence before it; for "Who
    …?", the name before the verb of meeting it is the short answer. None otherwise."""
    asked = _ASKS_REACTION.match(question) or _ASKS_IN_RETURN.match(question)
    replies = assistant_turns(history) if asked is not None and history else []
    quoted = [c for c in ranked if replies and c.text in replies[-1]]
    if asked is not None and asked.re is _ASKS_IN_RETURN:
        # "And in return?" after the Ukrainian plan's commitments: the next sentence, "In exchange, the
        # plan envisions, Russia would allow for security guarantees …", not the other document's "In return, …".
        meets: Callable[[str], bool] = lambda text: _IN_EXCHANGE.match(text) is not None
    else:
        meets = _meets_said
    # The reply may have quoted the reaction itself ("Who rejected it?" after "How did Moscow respond?").
    reacting = next((c for c in quoted if meets(c.text)), None)
    if reacting is not None:
        chosen = [c for c in quoted if c is not reacting][:1] + [reacting]
    else:
        chosen = []
        # The sentence after one the reply quoted (of its first two: "But a diplomatic effort … may be
        # showing some promise" came before the plan's commitments).
        for c in sorted(quoted[:MARKED_SENTENCES], key=lambda c: -replies[-1].find(c.text)):
            following = _next_sentence(retriever, c)
            if following is not None and meets(following.text):
                chosen = [c, following]
                break
    if not chosen:
        return None
    following = chosen[-1]
    met = _REACTS.search(following.text) or _IN_EXCHANGE.match(following.text)
    assert met is not None
    who = asked.groupdict().get("who") or asked.groupdict().get("whether")
    if who is not None and who.lower() not in _PERSON_PRONOUNS:
        # "How did Moscow respond?" is met by "… Kremlin spokesman …": a seat stands for its country.
        country = SEATS.get(who.lower(), who)
        if not any(_names(following.text, name) for name in {who, country, *(seat for seat, c in SEATS.items() if c == country)}):
            return None
    text, citations, support = compose(chosen, _labels(retriever, chosen))
    name = _NAME_BEFORE.search(following.text, 0, met.start()) if question.lstrip(" \"'“").lower().startswith(("who", "and who")) else None
    short = _short(following, Span(*name.span("name"), 1.0), support) if name is not None else None
    return Answer(question, text, citations, support, False, round(chosen[0].score, 4), [], time.perf_counter() - started, short)


def _meets_said(sentence: str) -> bool:
    """True when the sentence meets what the one before said: a verb of meeting it and, after it, a
    pointer at it ("pushed back on that idea")."""
    met = _REACTS.search(sentence)
    return met is not None and _POINTS_AT_SAID.search(sentence, met.end()) is not None


# A pronoun asked about in place of a name ("How did they respond?"): no seat or country to match.
_PERSON_PRONOUNS = frozenset({"he", "she", "they"})
# "And in return?", "What about in exchange?": what was given for what the reply said.
_ASKS_IN_RETURN = re.compile(
    r"^\W*(?:(?:and|but)\s+)?(?:(?:what|how)\s+about\s+)?(?:what\s+(?:in\s+(?:return|exchange)|(?:is|was)\s+(?:offered|given)\s+in\s+"
    r"(?:return|exchange))|in\s+(?:return|exchange))\s*[?.!]*\s*$",
    re.I,
)
# The name right before a verb: "… Kremlin spokesman Dmitry Peskov pushed back …" -> "Dmitry Peskov".
_NAME_BEFORE = re.compile(r"(?P<name>(?-i:[A-Z][\w’'.-]+)(?:\s+(?-i:[A-Z][\w’'.-]+)){0,2})\s+$")


# A sentence giving a motive or a cause (for a why-question, `_WHY`: "Why would Zelensky …?").
_MOTIVE = re.compile(
    r"\b(?:because|since|due\s+to|owing\s+to|in\s+order\s+to|so\s+as\s+to|so\s+that|to\s+(?:ensure|avoid|prevent|make\s+sure))\b", re.I
)


def _motive_next(retriever: Retriever, chosen: list[Candidate], question: str) -> list[Candidate]:
    """For a why-question whose lead gives no motive nor cause ("… Zelensky has stated that any
    agreement proclaiming Ukraine’s neutrality would need to be approved by a nationwide
    referendum …"), the chosen sentences with the document's next body sentence after the lead when
    that one gives one and names the question's subject ("Zelensky probably wants to go through this
    formal process to ensure that the Ukrainian people support this decision …"); else `chosen`."""
    if not chosen or not (_WHY.match(question) or _MAKES_THINK.match(question)) or _MOTIVE.search(chosen[0].text):
        return chosen
    subject = _subject_words(question)
    lead = chosen[0]
    following = _next_sentence(retriever, lead)
    if following is None or _paragraph_between(lead, following):
        return chosen
    if len(chosen) > 1 and following.key == chosen[1].key:
        # The lead and the sentence after it are quoted: what explains them comes after both ("Turkey and
        # Israel have been active …" and "While China could play a significant role …, these diplomatic
        # endeavours can at best freeze the conflict" are followed by "In truth, there is no prospect …").
        lead, following = chosen[1], _next_sentence(retriever, chosen[1])
        if following is None or _paragraph_between(lead, following) or not _EXPLAINS_THE_ONE_BEFORE.match(following.text):
            return chosen
        return [chosen[0], lead, following, *(c for c in chosen[2:] if c.key != following.key)]
    # "Why are the Minsk agreements described as defunct?": "… progress on the agreements failed largely
    # because of …" names them as "the agreements", after the lead named them in full.
    gives_motive = bool(subject) and _MOTIVE.search(following.text) is not None and (
        _names_any(following.text, subject) or _named_before_as(following, subject))
    # "Why are the US and Europe not neutral?": after "The United States and Europe are anything but
    # neutral in the conflict.", what they do says why ("Not only do they support Ukraine, but …").
    goes_on = _GOES_ON_ABOUT_THEM.match(following.text) is not None
    # "Why only freeze it?" after "… these diplomatic endeavours can at best freeze the conflict, not
    # solve it.": the next sentence explains the one before by its opening ("In truth, there is no
    # prospect for a durable peace unless …"); the answer had only quoted the reply's sentence again.
    # Not when the lead gives the reason itself ("Why could China play a significant role?": "…
    # given that Moscow would be hard pressed to ignore Beijing altogether, …").
    # Why someone thinks so is the argument that goes on ("What makes Alcaro think mediation … can't end
    # the war?"), whatever reason the lead gives for something on the way.
    explains = _EXPLAINS_THE_ONE_BEFORE.match(following.text) is not None and (
        _MAKES_THINK.match(question) is not None or not _reason_given(lead.text, question))
    if not gives_motive and not goes_on and not explains:
        return chosen
    return [lead, following, *(c for c in chosen[1:] if c.key != following.key)]


def _reason_given(sentence: str, question: str) -> bool:
    """True when the sentence gives a reason ("because …", "given that …") for what the question asks
    about: no word of the question's stands only after the reason's clause ("… given that Moscow would
    be hard pressed to ignore Beijing altogether, these diplomatic endeavours can at best freeze the
    conflict" gives no reason for "Why only freeze it?")."""
    reason = _STATES_REASON.search(sentence)
    if reason is None:
        return False
    end = _REASON_CLAUSE_END.search(sentence, reason.end())
    only_after = _content_words(sentence[end.start():]) - _content_words(sentence[: end.start()])
    return not _content_words(question) & only_after


# Where a reason's clause ends: a comma, semicolon, colon or dash, or the sentence's end.
_REASON_CLAUSE_END = re.compile(r"[,;:]|\s[—–]\s|$")
# A sentence that opens by saying it explains the one before: "In truth, …", "After all, …", "This is
# because …"; not "Indeed, …", which bears the one before out (Russian bombardment went on after the talks)
# rather than saying why.
_EXPLAINS_THE_ONE_BEFORE = re.compile(
    r"^\W*(?:(?:In\s+truth|In\s+fact|After\s+all)\s*,|(?:This|That|It)\s+is\s+because\b|The\s+reason\s+(?:is|was)\b)"
)
# A sentence that goes on about the subject of the one before by its pronoun: "Not only do they …".
_GOES_ON_ABOUT_THEM = re.compile(r"^\W*(?:Not\s+only\s+(?:do|does|did|is|are|was|were|has|have)\s+(?:they|it|he|she)\b)")


def _who_did_next(retriever: Retriever, chosen: list[Candidate], question: str) -> list[Candidate]:
    """For "Who <verb> …?" when no chosen sentence names who did it right before the verb
    (`name_before_verb`), the chosen sentences with the document's next body sentence after the
    lead when that one does and points back at what the lead says ("But Kremlin spokesman Dmitry
    Peskov pushed back on that idea …" after "The Ukrainian plan envisions a 15-year timeline …");
    else `chosen` itself."""
    if not chosen or any(name_before_verb(c.text, question) for c in chosen[:MARKED_SENTENCES]):
        return chosen
    lead = chosen[0]
    following = _next_sentence(retriever, lead)
    # "Who rejected the 15-year timeline?": "Dmitry Peskov pushed back on that idea" (`turned_down_forms`).
    if following is None or not _POINTS_AT_SAID.search(following.text) or not any(
            finder(following.text, question) for finder in (name_before_verb, name_before_turned_down)):
        return chosen
    return [lead, following, *(c for c in chosen[1:] if c.key != following.key)]


# How many of the sentences after it "Tell me more about X" adds to the sentence about X.
MORE_SENTENCES = 2


def _continued(retriever: Retriever, chosen: list[Candidate]) -> list[Candidate]:
    """The chosen sentences with the MORE_SENTENCES body sentences that follow the lead in its
    document right after it: "Tell me more about the second one" after the two sticking points
    goes on from "The second problematic issue is how to arrange security guarantees …" ("This
    could break the negotiations, because …"), where it had only said that sentence again."""
    if not chosen:
        return chosen
    lead = chosen[0]
    end = lead.key[1] + len(lead.text)
    taken = {c.key for c in chosen}
    following: list[Candidate] = []
    previous = lead
    for span in (span for span in _document_sentences(retriever, lead.passage.doc_id) if span[0] >= end):
        sentence = _candidate_at(retriever, lead.passage.doc_id, *span, lead.score)
        if sentence is None or len(following) == MORE_SENTENCES or _paragraph_between(previous, sentence):
            break
        if sentence.key not in taken:
            following.append(sentence)
        previous = sentence
    return [lead, *following, *chosen[1:]]


def _paragraph_between(earlier: Candidate, later: Candidate) -> bool:
    """True when a paragraph break stands between two sentences of one passage (the same passage
    is the only one whose text shows it; a break across passages is not seen)."""
    gap_start, gap_end = earlier.passage.start + earlier.local_end, later.passage.start + later.local_start
    passage = later.passage
    if not passage.start <= gap_start <= gap_end <= passage.start + len(passage.text):
        return False
    return "\n\n" in passage.text[gap_start - passage.start : gap_end - passage.start]


# A yes/no question: an auxiliary opens it ("Are Russian troops able to …?", "Can Russia …?").
_ASKS_IF = re.compile(rf"^\W*(?:(?:and|but|so)\s+)?(?:{YES_NO_WORDS})\s+\w", re.I)
# A sentence that concedes against the one before it, whose subject it takes up by a pronoun.
_CONCEDES = re.compile(r"^\W*(?:however|but|yet|still|nonetheless|nevertheless),?\s+(?:they|it|he|she|these|those)\b", re.I)


# "What was he responding to?", "What did she object to?": what someone met, whatever the verb.
_ASKS_RESPONDED_TO = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?what\s+(?:was|were|is|are|did|does|do)\s+(?:he|she|they|it|(?:[A-Z][\w’'.-]*\s+){1,3})\s*"
    r"(?:respond(?:ing)?|react(?:ing)?|repl(?:y|ying)|answer(?:ing)?|object(?:ing)?|push(?:ing)?\s+back|"
    r"taking\s+issue)\s+(?:to|on|against|with)\s*[?.!]*\s*$",
    re.I,
)


# A sentence that ends on a negated auxiliary, its predicate left out: "… is not.", "… cannot."
_ELIDED_PREDICATE = re.compile(
    r"\b(?:(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have|had|must)\s+not|cannot|[a-z]+n[’']t)\s*[.!]?\s*$", re.I
)
# "So are the decision to have Zelensky speak at the US Congress, …": what the sentence before said of
# its subject (" … are an indication of this"), which says why its things matter.
_SO_TOO = re.compile(r"^\s*So\s+(?:is|are|was|were|does|do|did|has|have|had)\s+(?:the|a|an|his|her|its|their)\b")


def _antecedent_first(retriever: Retriever, chosen: list[Candidate], question: str) -> list[Candidate]:
    """The chosen sentences with the body sentence before the lead (headings skipped) leading, when
    the lead points back at the thing the question asks for ("In the face of such risks of escalation,
    mediation attempts are welcome." for "What are the risks of escalation?": the risks are in the
    sentence before it, "This in turn carries the risk of NATO getting directly involved, …")."""
    if not chosen:
        return chosen
    lead = chosen[0]
    head = _ASKED_HEAD.match(question)
    # "What is the risk of escalation?" as "What are the risks …?": "such risks of escalation".
    points_back = head is not None and any(
        m.group("noun").rstrip("s")[:NAME_STEM] == head.group("head").lower().rstrip("s")[:NAME_STEM]
        for m in _POINTING_BACK.finditer(lead.text)
    )
    # "What could break the negotiations?": "This could break the negotiations, …" needs the sentence
    # that says what "this" is ("The second problematic issue is how to arrange security guarantees …").
    # So does "Peskov pushed back on that idea" for "What did Peskov push back on?".
    points_back = points_back or object_points_back(lead.text, question)
    # "Who is central to unblocking the negotiations?": "… they are central to unblocking the
    # negotiations" needs the sentence that says who "they" are ("The United States and Europe are …").
    points_back = points_back or (_ASKS_WHO.match(question) is not None and subject_points_back(lead.text, question))
    # "Which Ukrainian idea did Peskov reject?": the lead points at the kind asked with "that idea".
    kind = _WHICH_KIND_DONE.match(question)
    points_back = points_back or (kind is not None and re.search(
        rf"\b(?:this|that|these|those|such)\s+{re.escape(kind.group('noun').lower().rstrip('s')[:NAME_STEM])}\w*\b", lead.text, re.I) is not None)
    # "In exchange, the plan envisions, Russia would allow …" gives what is given for what the
    # sentence before says ("commitments from Ukraine that it would not join NATO, …"): for "What is
    # Ukraine offering Russia?" that comes first. Not when the question itself asks what is given in
    # exchange, nor when the lead has a word the question asks with ("What are the Ukrainians willing
    # to forsake?": "In return, the Ukrainians are willing to forsake membership in NATO …").
    asked = {w.lower()[:NAME_STEM] for w in _WORD.findall(question) if w.islower() and w not in QUERY_STOPWORDS}
    points_back = points_back or (
        _IN_EXCHANGE.match(lead.text) is not None and not _EXCHANGE_WORDS.search(question)
        and not asked & _content_words(lead.text)
    )
    # "Why is the ruble rebounding?", "What is behind the ruble's rebound?": "Such financial manipulations are working: … the ruble … is
    # rebounding." The reason is what "such" points at, in the sentence before ("Russia recently
    # insisted on conducting payments for energy exports in rubles, creating more demand …").
    # Not when the lead gives a reason itself ("This could break the negotiations, because …").
    why = (_ASKS_CAUSE.match(question) is not None and _OPENS_POINTING.match(lead.text) is not None
           and _GIVES_REASON.search(lead.text) is None)
    # "Are Russian troops able to seize Ukraine's large cities?": "However, they can still push
    # Ukraine into prostration …" concedes against the sentence before, which answers ("The Russians
    # do not have the capacity to conquer major urban centres, …").
    conceding = _ASKS_IF.match(question) is not None and _CONCEDES.match(lead.text) is not None
    # "What could create irresistible pressure on NATO governments?": "This in turn carries the risk
    # …, either because … or because the systematic destruction of Ukrainian cities generate
    # irresistible pressure …": the words asked about stand in the reason the lead gives, whose
    # subject is not "this" (the sentence before had given the short answer, "escalating the conflict").
    # A plural or third-person "s" aside: "What might Russia hit …?" is said as "Russia hits NATO targets".
    def stem(word: str) -> str:
        return (word[:-1] if word.endswith("s") and not word.endswith("ss") else word)[:NAME_STEM]

    stems = {stem(w) for w in _WORD.findall(question) if w.islower() and w not in QUERY_STOPWORDS}
    reason = _GIVES_REASON.search(lead.text)
    in_reason = reason is not None and bool(asked) and all(
        stem(w) not in stems for w in _WORD.findall(lead.text[: reason.start()])
    ) and any(stem(w) in stems for w in _WORD.findall(lead.text[reason.end() :]) if w.islower())
    demonstrative = _WHAT_DOES.match(question) and _BARE_DEMONSTRATIVE.match(lead.text) and not in_reason
    # "What was he responding to?" after Peskov's "pushed back on that idea": what the idea is.
    responded = _ASKS_RESPONDED_TO.match(question) is not None and _POINTS_AT_SAID.search(lead.text) is not None
    # "However, ruling out entirely the option of entering negotiations is not.": its predicate is the
    # sentence before's ("… moving cautiously is wise").
    elided = _ELIDED_PREDICATE.search(lead.text) is not None
    # "Why was Zelensky's appearance before Congress significant?": what "So are …" says of it.
    elided = elided or (_SO_TOO.match(lead.text) is not None and _WHY.match(question) is not None)
    if not (points_back or why or conceding or demonstrative or responded or elided):
        return chosen
    start = lead.key[1]
    before = [span for span in _document_sentences(retriever, lead.passage.doc_id) if span[1] <= start]
    antecedent = _candidate_at(retriever, lead.passage.doc_id, *before[-1], lead.score) if before else None
    if antecedent is None:
        return chosen
    earlier = [antecedent]
    if elided and len(before) > 1 and _ENDS_ON_THIS.search(antecedent.text):
        # "So are the decision to have Zelensky speak at the US Congress, …" after "US warnings to China
        # … are an indication of this.": what "this" is comes first too ("Putin's reluctance … has
        # persuaded the United States to further harden its position on Russia.").
        first = _candidate_at(retriever, lead.passage.doc_id, *before[-2], lead.score)
        earlier = [first, antecedent] if first is not None else earlier
    keys = {c.key for c in earlier}
    return [*earlier, *(c for c in chosen if c.key not in keys)]


# A name or names opening a sentence as its subject: "The United States and Europe are …".
_OPENING_NAME = re.compile(
    r"^\W*(?P<who>(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+(?:and\s+)?(?:the\s+)?[A-Z][\w’'.-]*){0,4})\s+"
    r"(?:are|is|was|were|have|has|had|can|could|will|would|must|should|may|might)\b"
)
# A sentence ending on what the one before it said: "… are an indication of this."
_ENDS_ON_THIS = re.compile(r"\b(?:of|to|for|about)\s+(?:this|that)\s*[.!]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*$", re.I)


# Two named together as the parties to something: "the sides", "both sides", "the two delegations".
_BOTH_SIDES = re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:sides|parties|delegations|belligerents|warring\s+parties)\b", re.I)


def _about_another(sentence: str, subject: Sequence[str]) -> bool:
    """True when the sentence opens with a name and names none of the subject's words: it is about
    someone else ("Many European countries, including Poland, ..." for the US). A sentence that
    names no one at its opening ("In 2014, the group proclaimed itself ...") may be about the subject."""
    opening = " ".join(sentence.split()[:OPENING_WORDS])
    if not any(m.group(0).lower() not in QUERY_STOPWORDS for m in _CAPITALISED.finditer(opening)):
        return False
    # "In 1908 he returned to Lahore": a pronoun may stand for the subject; "Kenyan athletes …"
    # are Kenya's.
    if _BOTH_SIDES.search(sentence):
        # "On Tuesday in Istanbul, the sides met for a sixth time." is about Ukraine and Russia both:
        # the parties to what is told, whoever of them is asked about.
        return False
    if _abbreviated(subject):
        # "EU" is named by "EU" or "European Union", not by "Many European countries".
        return not _names_whole(sentence, subject) and _PRONOUN.search(sentence) is None
    return not _names_any(sentence, subject) and _PRONOUN.search(sentence) is None


def _passages_name(candidates: Sequence[Candidate], words: Sequence[str]) -> bool:
    """True when the passage of one of the candidates names one of the words, in its text or as its
    document's title, author or publisher; "US" names the United States."""
    texts = [spell_out_abbreviations(f"{c.passage.text} {c.passage.title or ''} {c.passage.author or ''} {c.passage.publisher or ''}")
             for c in candidates]
    return any(_names(text, w) for text in texts for w in words)


def _names_any(text: str, words: Sequence[str]) -> bool:
    """True when the text names one of the words, or a people made from one ("Chinese" for "China")."""
    return any(_names(text, w) or _names_demonym(text, w) for w in words)


def _names_demonym(text: str, name: str) -> bool:
    """True when the text holds a word made from a name that ends in a vowel ("Kenyan", "Chinese", "Germans")."""
    if len(name) < 5 or name[-1].lower() not in "aeiouy":
        return False
    return re.search(rf"\b{re.escape(name[:-1])}\w*", text, re.IGNORECASE) is not None


_PRONOUN = re.compile(r"\b(?:he|she|it|they|his|her|its|their|him|them|himself|herself|itself|themselves)\b", re.I)
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|it|they)\b", re.I)
# How much of its passage before a sentence may name whom its pronoun stands for.
PRONOUN_REACH = 300


# "pushed back on that idea", "objected to this plan": a sentence that names what it acts on by
# pointing back at the sentence before.
_POINTS_BACK = re.compile(r"\b(?:on|to|against|with|of|about|over|from)\s+" + _POINTS_AT_SAID.pattern)


def _speaks_of_event_here(candidate: Candidate, question: str) -> bool:
    """`speaks_of_event` (lower-case words only) for a sentence, or for the text just before it when
    the sentence points back at it: "But Kremlin spokesman Dmitry Peskov pushed back on that idea"
    says why Peskov rejected "a 15-year timeline", which the sentence before gives."""
    if speaks_of_event(candidate.text, question, names=False):
        return True
    return _POINTS_BACK.search(candidate.text) is not None and speaks_of_event(_just_before(candidate), question, names=False)


def _named_before_as(candidate: Candidate, names: Sequence[str]) -> bool:
    """True when a "the <noun>" of the sentence is a thing the text just before names with one of
    `names`: "… failed to make progress on the agreements …" after "the now-defunct 2015 Minsk
    agreements" (for "Why did the Minsk diplomacy fail?")."""
    before = _just_before(candidate)
    for noun in re.findall(r"\bthe\s+([a-z][\w-]{3,})\b", candidate.text):
        if any(re.search(rf"\b{re.escape(name)}(?:[’']s)?\s+(?:[\w-]+\s+){{0,2}}{re.escape(noun)}\b", before) for name in names):
            return True
    return False


# What says a sentence goes on with the topic of the one before: "Turkey and Israel have been active
# in this regard" (mediation, named only before it).
_IN_THIS_REGARD = re.compile(r"\b(?:in\s+(?:this|that)\s+(?:regard|respect)|to\s+(?:this|that)\s+end)\b", re.I)
# At most this much between a sentence and the one before it: a space and a footnote marker.
_ADJACENT_GAP = 4


def _lift_regards(candidates: list[Candidate], question: str) -> None:
    """Score a sentence that goes on with the topic of the sentence just before it (`_IN_THIS_REGARD`)
    just below that sentence, when that one scores higher: the sentence model, which reads the
    sentence alone, cannot see what "this regard" is ("Who has tried to mediate?" and "Turkey and
    Israel have been active in this regard" after "… mediation attempts are welcome"). Not when that
    sentence only points back at what is asked itself ("such risks of escalation" for "What escalation
    risks does Alcaro see?"): its topic is then the sentence before it."""
    going_on = [c for c in candidates if _IN_THIS_REGARD.search(c.text)]
    asked = _content_words(question) if going_on else set()
    for candidate in going_on:
        before = next((c for c in candidates if _follows_on(c, candidate)), None)
        if before is not None and before.score > candidate.score and not _points_back_at(before.text, asked):
            candidate.score = before.score * LIFTED_SHARE
        topic = (_content_words(before.text) & asked) - _content_words(candidate.text) if before is not None else set()
        if not topic:
            continue
        rivals = [c.score for c in candidates if c is not candidate and c is not before and not _content_words(c.text) & topic]
        if rivals and LIFTED_SHARE * max(rivals) > candidate.score >= max(rivals) / 2:
            # "Which countries mediate?": "Turkey and Israel have been active in this regard" takes
            # "mediation" from the sentence before, which no sentence above it names ("Many European
            # countries, including Poland, … have sent similar weapons" had led on "countries").
            candidate.score = max(rivals) / LIFTED_SHARE


# A sentence lifted by `_lift_regards` scores this share of the one before it.
LIFTED_SHARE = 0.99


def _just_before(candidate: Candidate) -> str:
    """The passage's text in the PRONOUN_REACH characters before the sentence, where a "he" or
    "they" in it may find its name."""
    return candidate.passage.text[max(0, candidate.local_start - PRONOUN_REACH) : candidate.local_start]


# Verbs that say only that something happened: "When did the Istanbul talks take place?" is answered
# by "On Tuesday in Istanbul, the sides met …", which has no word of them.
_EVENT_VERBS = re.compile(r"\b(?:take|took|taken)\s+place\b|\b(?:happen|occur|start|begin|end|held|hold)\b", re.I)
# "When did the EU suspend Russian energy imports?": when something is said to have happened, and
# the words after its auxiliary, whose first word in lower case after the subject is the verb.
# "When was Altiero Spinelli born?" too: a life's events, which a sentence states in their words
# (not any passive: XQuAD's "When was the British Nationality Act passed?" is "… Act 1981").
_ASKS_WHEN_DONE = re.compile(r"^\W*(?:when|since\s+when|(?:in|on)\s+(?:what|which)\s+(?:year|date|day|month))\s+(?:(?:did|has|have|had)\s+(?P<rest>[^?]+)|(?:was|were)\s+(?P<life>[^?]+?\s+(?:born|married|killed)\b))", re.I)
_DETERMINERS = frozenset("the a an its their his her this that these those all some both".split())
# What puts a verb in a proposal or a possibility, a few words before it: "Europe can use its
# economic leverage … or, better yet, suspend …".
_MODAL = re.compile(r"\b(?:can|could|should|must|would|might|may|ought\s+to|better\s+yet|had\s+best|needs?\s+to|ha(?:s|ve)\s+to)\b", re.I)
# How many words before the verb its modal may stand.
MODAL_WORDS = 12
_YEAR_IN = re.compile(r"\b(?:1[5-9]|20)\d{2}s?\b")


def _only_proposed(question: str, chosen: Sequence[Candidate]) -> bool:
    """True when a "When did X <verb> …?" question's verb appears in the chosen sentences only after
    a modal ("can …, or, better yet, suspend") and none of them gives a date: they say it could or
    should happen, not that, or when, it did."""
    asked = _ASKS_WHEN_DONE.match(question)
    if asked is None or asked.group("rest") is None:
        return False
    words = re.findall(r"[\w’'-]+", asked.group("rest"))
    subject = [w for w in words[:1] if w.lower() not in _DETERMINERS] or words[1:2]
    verb = next((w for w in words[words.index(subject[0]) + 1 :] if w.islower() and w not in _DETERMINERS), None) if subject else None
    if verb is None or len(verb) < 4:
        return False
    stem = re.compile(rf"\b{re.escape(verb[: max(4, len(verb) - 2)])}\w*", re.I)
    found = [(c.text, m.start()) for c in chosen for m in stem.finditer(c.text)]
    if not found or any(span_fits(c.text, DATE, question) or _YEAR_IN.search(c.text) for c in chosen):
        return False
    return all(_MODAL.search(" ".join(text[:at].split()[-MODAL_WORDS:])) for text, at in found)


def _select(ranked: list[Candidate], question: str, s: AnswerSettings, any_passage: bool = False) -> list[Candidate]:
    """The best sentence, plus up to two close runners-up that are not near-duplicates.

    Runners-up must come from a passage already cited, so an extra sentence never drags in a
    passage that does not hold the answer; a question about several documents ("both",
    "each", "compare") may also cite a second document. With `any_passage` (sentences already
    known to speak to what is asked) a runner-up may come from any passage.
    """
    best = ranked[0]
    chosen = [best]
    spread = bool(_SPREAD.search(question))
    for candidate in ranked[1:]:
        if len(chosen) >= s.max_sentences:
            break
        if candidate.score < s.relative_margin * best.score:
            continue  # not break: a demoted sentence (a reference, another rank) may follow a weaker one
        cited = {c.passage.id for c in chosen}
        if candidate.passage.id not in cited and not any_passage:
            other_doc = candidate.passage.doc_id not in {c.passage.doc_id for c in chosen}
            if not (spread and other_doc):
                continue
        if _near_duplicate(candidate, chosen, s):
            continue
        # A heading that names what the question and the lead already name ("Istituto Affari
        # Internazionali (IAI)" after "The Istituto Affari Internazionali (IAI) is … founded in 1965")
        # adds nothing.
        if not _content_words(candidate.text) - _content_words(" ".join([question, *(c.text for c in chosen)])):
            continue
        chosen.append(candidate)
    return chosen


def _labels(retriever: Retriever, chosen: Sequence[Candidate]) -> dict[str, str]:
    """Who said it: a source label per document of the chosen sentences."""
    documents = retriever.documents
    return {d: source_label(documents[d].meta) for d in {c.passage.doc_id for c in chosen} if d in documents}


def _count_differently(sentences: Sequence[Candidate]) -> bool:
    """True when sentences of different documents count the same thing differently ("10-point plan",
    "15-point plan")."""
    return bool(differing_counts((c.passage.doc_id, c.text) for c in sentences))


def _counted_differently(retriever: Retriever, documents: Sequence[str], topic: Collection[str] = ()) -> list[Candidate]:
    """The first sentence of each document that counts a thing the others count differently
    ("a Ukrainian 10-point plan" against "the 15-point plan"), for the first such thing in reading
    order (with a `topic`, a thing named by one of its words: "plan"); empty when the documents count
    nothing differently."""
    spans = [(doc_id, start, end) for doc_id in documents for start, end in _document_sentences(retriever, doc_id)]
    differing = differing_counts((d, retriever.documents[d].text[start:end]) for d, start, end in spans)
    asked = {w.lower() for w in topic}
    for thing, first in differing.items():
        if asked and not set(thing.split()) & asked:
            continue
        found = [_candidate_at(retriever, *spans[k], 1.0) for k in first.values()]
        return [c for c in found if c is not None]
    return []


# "Alcaro's view of the US role", "what the April piece says about energy": a view on a topic.
_VIEW_ON = re.compile(
    r"\b(?:views?|opinions?|position|stance|take|thinking)\s+(?:of|on|about|regarding|concerning)\s+\S"
    r"|\b(?:says?|said|thinks?|writes?|wrote)\s+(?:about|of|on|regarding|concerning)\s+\S",
    re.I,
)


def _summary(retriever: Retriever, targets: Sequence[str], question: str = "") -> list[Candidate]:
    """The sentences that best cover each target document, each with its passage: as many as the
    question asks for ("in three sentences", `summary_length`)."""
    from qa.index.bm25 import search_text

    documents = retriever.documents
    chosen: list[Candidate] = []
    for position, doc_id in enumerate(targets):
        per_document = summary_length(question, len(targets), position)
        spans = _document_sentences(retriever, doc_id)
        text = documents[doc_id].text
        vectors = retriever.encode_sentences([search_text(text[b:e]) for b, e in spans])
        dependent = [leans_on_previous(text[b:e]) for b, e in spans]
        for i in central_sentences(vectors, per_document, dependent, lead=True):
            candidate = _candidate_at(retriever, doc_id, *spans[i], 1.0)
            if candidate is not None:
                chosen.append(candidate)
    return chosen


# "What is the conclusion of …?", "What does Alcaro conclude?", "How does the April piece end?"
# Not "What year was the conflict concluded?": a conclusion drawn, or a document's end.
_ASKS_CONCLUSION = re.compile(
    r"\bconclusions?\b|^\W*(?:(?:briefly|so|and|in\s+short),?\s+)?(?:what|how)\s+(?:does|did|do)\s+.+\s+conclude\s*[?.!]*\s*$"
    r"|^\W*how\s+(?:does|did)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}(?:piece|commentary|article|document|essay|paper|report|analysis)"
    r"\s+end\s*[?.!]*\s*$|\bfinal\s+(?:point|thought|message|word)s?\b"
    # "How does Alcaro end his commentary?", "How did the author close the piece?"
    r"|^\W*how\s+(?:does|did)\s+(?:[\w’'-]+\s+){1,3}(?:end|close|finish|wrap\s+up)\s+(?:his|her|their|its|the)\s+"
    r"(?:[\w’'-]+\s+)?(?:piece|commentary|article|document|essay|paper|report|analysis)\s*[?.!]*\s*$",
    re.I,
)
# The closing body sentences a document's conclusion is quoted by.
CONCLUSION_SENTENCES = 2
# "Give me the key numbers in the IAI commentary", "What figures does the April piece give?".
# Not "Which organisation's casualty figures does Alcaro cite?", which asks whose they are.
_ASKS_FIGURES = re.compile(
    # "What are the key figures …?", not "Which organisation produced the casualty figures Alcaro cites?".
    r"^\W*(?:please\s+)?(?:(?:give|list|show|tell)\b.*\b|(?:what|which)\s+(?:(?:are|were|is)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?)"
    r"(?:numbers|figures|statistics|stats)\b(?!\s+(?:of|for|on)\b)", re.I
)
# The most sentences such an answer quotes per document.
FIGURE_SENTENCES = 6
# A figure: digits, or a count or amount in words ("ten million", "the hundred billion euro"); not
# "one" ("one thing stands firm"), nor an ordinal ("a sixth time").
_GIVES_FIGURE = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|"
    r"thousands?|millions?|billions?|dozens?|percent)\b",
    re.I,
)


def _figures(retriever: Retriever, question: str) -> list[Candidate]:
    """The body sentences of the documents the question points at that give a figure (a count or an
    amount, not a date), in reading order, at most FIGURE_SENTENCES each; empty when it points at
    none or at more than MAX_SUMMARY_DOCUMENTS."""
    pointed = target_documents(question, {d: r.meta for d, r in retriever.documents.items()})
    if not pointed or len(pointed) > MAX_SUMMARY_DOCUMENTS:
        return []
    found: list[Candidate] = []
    for doc_id in pointed:
        text = retriever.documents[doc_id].text
        spans = [(b, e) for b, e in _document_sentences(retriever, doc_id) if _GIVES_FIGURE.search(text[b:e])]
        found += [c for b, e in spans[:FIGURE_SENTENCES] if (c := _candidate_at(retriever, doc_id, b, e, 1.0)) is not None]
    return found


# "What is the last sentence of the IAI commentary?", "the opening line of the April piece".
# "What is the opening claim of the April commentary?", "How does the April piece begin?" too.
_ASKS_EDGE_SENTENCE = re.compile(
    # "What does Alcaro call the war in his first sentence?": the sentence ends the question.
    r"\b(?P<which>first|opening|last|final|closing)\s+(?:sentence|line|claim|statement|words)(?:\s+(?:of|in)\b|\s*[?.!]*\s*$)"
    r"|^\W*how\s+(?:does|did)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}(?:piece|commentary|article|document|essay|paper|report|analysis)"
    r"\s+(?P<opens>open|begin|start)\s*[?.!]*\s*$",
    re.I,
)


def _conclusion(retriever: Retriever, doc_id: str) -> list[Candidate]:
    """The document's last CONCLUSION_SENTENCES body sentences, in reading order."""
    spans = _document_sentences(retriever, doc_id)[-CONCLUSION_SENTENCES:]
    return [c for b, e in spans if (c := _candidate_at(retriever, doc_id, b, e, 1.0)) is not None]


def _other_works(retriever: Retriever, question: str, started: float) -> Answer | None:
    """"What else did Riccardo Alcaro write?": `_works_by` the author the question names."""
    author = other_works_author(question)
    return None if author is None else _works_by(retriever, question, author, started)


def _works_by(
    retriever: Retriever, question: str, author: str, started: float, own: bool = False, count: bool = False
) -> Answer | None:
    """Every sentence of the notes and the publisher's block that credits a work to the author
    (`references.work_by`), each title once, not the document itself unless `own` (its entry in a
    publisher's list); with `count`, how many first. The title is the short answer when there is
    one work. None when no sentence credits one."""
    found: list[tuple[Candidate, tuple[int, int]]] = []
    titles: set[str] = set()
    for note in _note_sentences(retriever):
        itself = (_title(retriever, note.passage.doc_id) or "").replace("’", "'").casefold()
        span = work_by(note.text, author)
        title = note.text[span[0] : span[1]].replace("’", "'").casefold() if span else ""
        if span is None or (title == itself and not own) or title in titles:
            continue
        titles.add(title)
        found.append((note, span))
    if not found:
        return None
    chosen = [candidate for candidate, _ in found[:MAX_OTHER_WORKS]]
    text, citations, support = compose(chosen)
    if count:
        works = "1 work" if len(found) == 1 else f"{len(found)} works"
        text = f"{WORKS_COUNT.format(works=works, author=author, shown=_first_shown(len(found), len(chosen)))}\n\n{text}"
    short = _short(found[0][0], Span(*found[0][1], 1.0), support) if len(found) == 1 and not count else None
    return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)


# "… did Andrea Dessì write", "… has Alcaro published": the author, named, and a verb of writing.
_NAME_WROTE = (
    r"(?:\s+(?i:did|has|have|does)\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+"
    # "What did Margherita Bianchi co-write?": a work written with others is hers too.
    r"(?i:(?:co-?)?(?:write|written|writes|author|authored)|publish|published)"
    # "Which commentary by Andrea Dessì is listed?"
    r"|\s+(?i:by)\s+(?P<by>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+(?i:is|are|was|were)\s+"
    r"(?i:listed|mentioned|named|given|included|shown|there))"
)
# "What did Andrea Dessì write?": the works credited to someone who wrote none of the documents;
# "Which commentaries did Alcaro write?": every work credited to someone.
_WHAT_WROTE = re.compile(
    r"^\W*(?i:(?:(?:and|but|so)\s+)?(?:what|which\s+(?:[\w-]+\s+)?(?P<works>commentar(?:y|ies)|articles?|papers?|works?|pieces?|books?|reports?|titles?)))"
    # "What did Leo Goretti write for the IAI?": for a publisher named.
    + _NAME_WROTE + r"(?:\s+for\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?\s*[?.!]*\s*$"
)
# "How many commentaries did Alcaro write (in the list)?": how many works are credited to someone.
_ASKS_COUNT_BY = re.compile(
    r"^\W*(?i:how\s+many\s+(?:[\w-]+\s+)?(?P<works>commentaries|articles|papers|works|pieces|books|reports|titles|publications))"
    + _NAME_WROTE + r"\b"
)
WORKS_COUNT = "The documents credit {works} to {author}{shown}:"


def _works_on(
    retriever: Retriever, question: str, topic: str, wanted: str, outlet: str | None, started: float
) -> Answer | None:
    """"Who wrote about Putin's use of history?": the reference or catalogue entry whose title holds
    every word of the topic (`title_covers`) and that names the `outlet` the question gives, with
    its authors (or, `wanted` "title", its title) as the short answer; with no topic ("Who wrote
    the Reuters article cited by Alcaro?"), every work of the outlet. None when no title or more
    than MAX_WORKS_ON hold them (MAX_OUTLET_WORKS without a topic), or when a document's own title
    does: the documents themselves then answer."""
    if not topic and outlet is None:
        return None
    if topic and any(title_covers(record.meta.get("title") or "", topic) for record in retriever.documents.values()):
        return None
    metas = {d: r.meta for d, r in retriever.documents.items()}
    # With the outlet named, one word of the topic is enough: "Who wrote the Reuters piece on war
    # damage?" ("war" is too short to count) is asked of Reuters' "Ukraine War Damage Tops …", and
    # "Which IAI commentary is about energy?" of the publisher's "Russian Energy Exports …".
    # So it is with a kind of work named: "Who wrote the piece about urbanisation …?" asks of "A G7/G20
    # Pact for Sustainable Urbanisation? …" (it had answered with Alcaro's note).
    least = 1 if outlet is not None or speaks_of_work(question) else 2
    if outlet is not None and any(outlet.casefold() in (meta.get("publisher") or "").casefold() for meta in metas.values()):
        # "the IAI commentary on …": the publisher's catalogue lists its works without its name.
        # "Who wrote the IAI commentary?", with no topic, asks about the document itself.
        outlet = None
        if not topic:
            return None
    if outlet is not None and not topic and any(named_documents(outlet, metas)[1].values()):
        return None  # "Who wrote the April article?": one of the documents, named by its date
    named = re.compile(rf"\b{re.escape(outlet or '')}\b", re.I).search
    # Each title once, however many notes or overlapping passages give it.
    works: dict[str, Candidate] = {}
    elsewhere: list[Candidate] = []
    for note in _note_sentences(retriever):
        at = cited_title(note.text)
        if at is not None and (not topic or title_covers(note.text[at[0] : at[1]], topic, least)):
            if outlet is None or named(note.text):
                works[re.sub(r"\W+", " ", note.text[at[0] : at[1]]).casefold()] = note
            else:
                elsewhere.append(note)
    if not works and elsewhere and outlet is not None and topic:
        # "Who wrote the Reuters article about the neutrality plan?" when only the Financial Times
        # one is cited: no author is bold; the works on the topic are shown as the closest.
        closest = list({id(note.passage): note.passage for note in elsewhere}.values())[:5]
        text = f"The documents cite no work by {outlet} about {topic.rstrip(' ?.!')}."
        return Answer(question, text, [], [], True, 0.0, closest, time.perf_counter() - started)
    if not works or len(works) > (MAX_WORKS_ON if topic else MAX_OUTLET_WORKS):
        return None
    chosen = list(works.values())
    text, citations, support = compose(chosen)
    at = (cited_authors(chosen[0].text) if wanted == "authors" else cited_title(chosen[0].text)) if len(chosen) == 1 else None
    short = _short(chosen[0], Span(*at, 1.0), support) if at is not None else None
    if wanted == "authors" and len(chosen) == 1 and at is None:
        # "Who wrote the Al Jazeera piece?": its reference gives a title and an outlet, no author.
        text = f"{REFERENCE_NAMES_NO_AUTHOR}\n\n{text}"
    return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)


# More works whose titles hold a topic's words than this: the topic names no one work.
MAX_WORKS_ON = 2
# More works of one outlet than this ("Who wrote the Financial Times articles?"): too many to list.
MAX_OUTLET_WORKS = 8


# "What are the latest IAI commentaries?", "Which papers has IAI published recently?": the list of
# works in a publisher's block.
_ASKS_CATALOGUE = re.compile(
    r"\b(?:latest|recent|newest|other)\s+(?:[\w’'-]+\s+){0,2}?(?:commentar(?:y|ies)|publications|papers|works|articles|issues)\b"
    r"|\b(?:commentaries|publications|papers|works|articles)\b.*\b(?:publish|published|publishes)\b.*\b(?:recently|lately)\b",
    re.I,
)


def _catalogue(retriever: Retriever, question: str, started: float, count: bool = False) -> Answer | None:
    """The works the block of the publisher the question names lists ("- 22 | 13 Margherita Bianchi
    and Pier Paolo Raimondi, *Russian Energy Exports …*"): each entry with its authors and title, in
    the block's order, at most MAX_CATALOGUE; with `count` ("How many commentaries are listed?"),
    how many first, and any publisher's block when the question names none. None when the question
    names no publisher or its block lists no work (then it is answered as any other question)."""
    named = _published_by_named(retriever, question)
    if not named and count:
        named = [r for r in retriever.documents.values() if isinstance(r.meta.get("publisher"), str)]
    for record in named:
        block = _note_sentences(retriever, retriever.rows_of(record.doc_id), (BOILERPLATE,))
        # Passages overlap: an entry is listed once, by where it stands in the document.
        every = list({c.key: c for c in block if cited_authors(c.text) is not None}.values())
        entries = every[:MAX_CATALOGUE]
        if entries:
            text, citations, support = compose(entries)
            if count:
                text = f"{CATALOGUE_COUNT.format(n=len(every), shown=_first_shown(len(every), len(entries)))}\n\n{text}"
            return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started)
    return None


MAX_CATALOGUE = 10


def _first_shown(total: int, shown: int) -> str:
    """" (the first N here)" after a count when fewer are shown than counted, else ""."""
    return "" if total == shown else f" (the first {shown} here)"

CATALOGUE_COUNT = "The publisher's list names {n} works{shown}:"
NAMED_COUNT = "{n} {noun} are named:"
# "How many countries are named as possible guarantors?": a count of the things a sentence lists.
_HOW_MANY_NAMED = re.compile(
    r"^\W*how\s+many\s+(?P<noun>[a-z]+s)\s+(?P<rest>(?:are|were)\s+(?:named|listed|mentioned|given|cited|suggested|"
    r"proposed|put\s+forward)\b[^?]*?)\W*$",
    re.I,
)


# The name a membership question asks about: "France", "the United States".
_MEMBER_NAME = r"(?P<name>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
# "Is Germany …", "Would Russia be …": the verb before the name, and "be" after it.
_MEMBER_VERB = r"(?i:is|are|was|were|would|could|will|might|may|can)"
_MEMBER_BE = r"(?:(?i:be)\s+)?"
# "Is France among them?", "Is Germany one of them?", "Would Russia be one of them?", "Would
# Germany be one?": whether a name is one of the things listed.
_MEMBER_ASKED = re.compile(
    rf"^\W*(?i:(?:(?:and|but|so)\s+)?){_MEMBER_VERB}\s+{_MEMBER_NAME}\s+{_MEMBER_BE}"
    r"(?i:(?:(?:one|some)\s+of|among|amongst|part\s+of|in)\s+(?:them|those|these)|one(?:\s+(?:too|also|as\s+well))?)\s*[?.!]*\s*$"
)
# "Is Germany among the possible guarantors?", "Is China one of the guarantor countries?": a name and
# the things it may be one of, which the documents may list.
_AMONG_GROUP = re.compile(
    rf"^\W*{_MEMBER_VERB}\s+{_MEMBER_NAME}\s+{_MEMBER_BE}"
    r"(?i:(?:one|some)\s+of|among|amongst)\s+(?P<group>(?i:the)\s+[^?]+?)\s*[?.!]*\s*$"
)
# The things a question names in the plural: "the guarantor countries", "the contested regions".
_THE_PLURAL = re.compile(r"\bthe\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*[^s\W’']s)\b")
IS_AMONG = "Yes: {name} is among them."
NOT_AMONG = "No: {name} is not among them."


# "What has he stated?", "What did Peskov say?": what someone said, of nothing in particular.
_SAID_ALONE = re.compile(
    r"^\W*(?:and\s+)?what\s+(?:did|does|do|has|have|had)\s+(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?\s+"
    r"(?:(?:say|said|claim|claimed|state|stated|declare|declared)"
    # "What did Biden tell China?": whom it was told to changes nothing (it had bolded "US").
    r"|(?:tell|told|warn|warned)(?:\s+(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,2})?)\s*[?.!]*\s*$",
    re.I,
)
# "What is the second one?", "Which was the third?": an item of the list just given, itself.
_ASKS_ITEM_ITSELF = re.compile(
    r"^\W*(?:and\s+)?(?:what|which)\s+(?:is|was|’s|'s)\s+the\s+(?P<ordinal>first|second|third|fourth|fifth|last)"
    r"(?:\s+(?:one|item|component|point|element|issue|part|variable))?\s*[?.!]*\s*$",
    re.I,
)


def _listed_item_again(
    ordinal: str, asked: str, reply: str, history: Sequence[Mapping[str, str]] | None, index: str | Path,
    retriever: Retriever | None, settings: AnswerSettings | None, said: Sequence[str],
) -> Answer | None:
    """The answer to the question before (`asked`) with the item at that ordinal as its short answer,
    when its reply listed the items after a colon in one sentence ("three main components: …"); else None."""
    listing = listing_sentence(plain_reply(reply))
    items = colon_items(listing) if listing else None
    position = ORDINAL_POSITION[ordinal.lower()]
    if not items or position >= len(items):
        return None
    listed = _answer(asked, list(history or [])[:-2], index, retriever, settings, said)
    sentence = next((x for x in listed.support if x.sentence.strip() == listing.strip()), None)
    if listed.abstained or sentence is None:
        return None
    item = items[position]
    at = sentence.sentence.rfind(item) if position == -1 else sentence.sentence.find(item)
    if at < 0:
        return None
    return replace(listed, short=_short_in(sentence, Span(at, at + len(item), 1.0)))


def _what_was_committed(sentence: str, start: int, end: int, question: str) -> tuple[int, int]:
    """For "What did Ukraine commit to …?" (`_ASKS_COMMITTED`), [start, end) without the noun and content
    clause opening it: "not join NATO, develop nuclear capabilities or host foreign military bases", of
    "commitments from Ukraine that it would not join NATO, …"; else [start, end) itself."""
    content = _CONTENT_CLAUSE.match(sentence, start) if _ASKS_COMMITTED.search(question) else None
    return (content.end(), end) if content is not None and content.end() < end else (start, end)


# A question for what someone bound itself to: "What did Ukraine commit to …?", "… pledged not to do …".
_ASKS_COMMITTED = re.compile(r"\b(?:commit(?:s|ted)?|pledge[ds]?|promise[ds]?|vow(?:s|ed)?|undert(?:ake|akes|ook))\b", re.I)
# A noun and the content clause that says what it holds, up to its modal: "commitments from Ukraine that it would ".
_CONTENT_CLAUSE = re.compile(
    r"[a-z][\w-]*s?(?:\s+(?:from|by|of)\s+(?:the\s+)?[A-Z][\w’'-]*)?\s+that\s+(?:it|they|he|she|(?:the\s+)?[A-Z][\w’'-]*)\s+"
    r"(?:would|will|could|should|must|shall)\s+"
)
# A word that opens a sentence as an item of a list, with its comma: "First,", "Secondly,", "Finally," (at the sentence's start).
_ITEM_OPENER = re.compile(r"(?:First|Second|Third|Fourth|Fifth|Firstly|Secondly|Thirdly|Finally|Lastly),")
# "In which currency?", "And what currency is that figure given in?": the currency of an amount just answered.
_ASKS_CURRENCY = re.compile(r"^\W*(?:(?:and|so|but)\s+)?(?:in\s+)?(?:which|what)\s+currency\b", re.I)
# A currency, by its name or its sign.
_CURRENCY = re.compile(r"\b(?:euros?|dollars?|rubles?|roubles?|pounds?|hryvnias?|yuan|yen|francs?)\b|[$€£¥₽]", re.I)


def _currency_again(
    asked: str, history: Sequence[Mapping[str, str]] | None, index: str | Path,
    retriever: Retriever | None, settings: AnswerSettings | None, said: Sequence[str],
) -> Answer | None:
    """The answer to the question before (`asked`) with the currency of its short answer as the short
    answer, in the same sentence; None when that short answer names no currency."""
    earlier = _answer(asked, list(history or [])[:-2], index, retriever, settings, said)
    short = earlier.short
    if earlier.abstained or short is None or (unit := _CURRENCY.search(short.text)) is None:
        return None
    sentence = next((x for x in earlier.support if x.doc_id == short.doc_id and x.start <= short.start < x.end), None)
    if sentence is None:
        return None
    at = short.start - sentence.start + unit.start()
    return replace(earlier, short=_short_in(sentence, Span(at, at + len(unit.group()), 1.0)))


# "Has Italy?", "And is France?", "Did Germany?": a name and an auxiliary, the rest of the question before.
_NAME_ALONE_ASKED = re.compile(
    r"^\W*(?i:(?:and|but|so|what\s+about)\s+)?(?i:has|have|is|are|was|were|did|does|do|will|would|can|could)\s+"
    r"(?P<name>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})(?:\s+(?i:too|also|as\s+well))?\s*[?.!]*\s*$"
)


def _membership(question: str, reply: str) -> tuple[str, bool] | None:
    """The name a membership question asks about ("Is France among them?") and whether the list the
    reply before led with (its bold short answer) holds it; None for other questions or replies."""
    asked = _MEMBER_ASKED.match(question)
    bold = _BOLD_LEAD.match(reply)
    if asked is None or bold is None:
        return None
    items = _items_listed(bold.group(1))
    if len(items) < 2:
        return None
    name = asked.group("name")
    return name, _named_among(name, items)


# "Who besides Turkey …?", "Which countries other than Poland …?": names the answer leaves out.
_EXCEPTED = re.compile(
    rf"\b(?:{SET_ASIDE_WORDS}|except(?:\s+for)?|excluding|in\s+addition\s+to)\s+"
    r"(?P<names>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:(?:,\s*|\s+(?:and|or)\s+)(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)*)"
)


def _other_than_excepted(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """The offsets of the items of the list at [start, end) that the question does not except
    ("Israel" of "Turkey and Israel" for "Who besides Turkey …?"), when the items left stand
    together; None when the question excepts nothing, the span excepts nothing, or nothing is left."""
    excepted = _EXCEPTED.search(question)
    if excepted is None:
        return None
    names = [n.split()[-1] for n in _items_listed(excepted.group("names"))]
    # Each item's offsets in the list, as `_items_listed` splits it.
    bounds, at = [], start
    for join in [*_LIST_JOIN.finditer(sentence, start, end), None]:
        bounds.append((at, join.start() if join else end))
        at = join.end() if join else end
    left = [k for k, b in enumerate(bounds) if not any(_names(sentence[b[0] : b[1]], name) for name in names)]
    if not left or len(left) == len(bounds) or left != list(range(left[0], left[-1] + 1)):
        return None
    return bounds[left[0]][0], bounds[left[-1]][1]


def _named_among(name: str, items: Sequence[str]) -> bool:
    """True when one of the listed items names `name` (by its last word: "the United States" by "States"),
    or the country whose capital or seat it is ("Beijing": "China")."""
    names = [name.split()[-1], *SEATS.get(name.lower(), "").split()[-1:]]
    return any(_names(item, one) for item in items for one in names)


def _with_membership(listed: Answer, question: str, name: str, among: bool) -> Answer:
    """`listed`, the answer that gives the list, led by whether `name` is among its items
    ("No: France is not among them."), asked as `question` and without a short answer."""
    text = (IS_AMONG if among else NOT_AMONG).format(name=name) + "\n\n" + listed.text
    return replace(listed, question=question, text=text, short=None)


# Where a list's items meet: ", ", ", and ", " or ".
_LIST_JOIN = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _other_count(text: str, count: int) -> bool:
    """True when a short answer lists more names than `count` ("Cuba, Iran, Iraq and Venezuela" for
    three), its items told apart by commas and the last "and" ("heavy and civil engineering
    construction" is one). Fewer is no sign: the reader may take one of the two asked for (XQuAD:
    "the Maastricht Treaty 1992" for "Which two treaties …?", half right)."""
    *first, last = [item.strip() for item in text.split(",")]
    last = re.sub(r"^(?:and|or)\s+", "", last)
    items = [*first, *(last.rsplit(" and ", 1) if not first or " and " in last else [last])]
    items = [item for item in items if item]
    return len(items) > count and all(len(item.split()) <= SHORT_ITEM_WORDS for item in items)


# The most words of an item of a list of names ("the United States").
SHORT_ITEM_WORDS = 3
# A question for a count of things: "Which three countries …?", "Who are the two …?" (not "Which of
# the five largest banks …?", one of them; nor "Name three weapons …", any three of more).
_ASKS_COUNTED_THINGS = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:which|what|who)\s+(?:(?:are|were)\s+)?(?:the\s+)?(?:main\s+|key\s+)?"
    r"(two|three|four|five|six|[2-6])\s+[a-z]",
    re.I,
)


def _lists_other_kind(sentence: str, start: int, question: str) -> bool:
    """True when the list at `start` gives things of a kind the question names but does not ask for:
    "Many European countries, including Poland, …" for "What weapons are European countries sending?"."""
    head = _LIST_HEAD.search(sentence, 0, start)
    asked = _ASKED_KIND.match(question)
    if head is None or asked is None:
        return False
    noun, kind = singular(head.group(1)), singular(asked.group("noun"))
    return noun != kind and noun in {singular(w) for w in _words(question)}


# "saying one thing and |": an action in "-ing" and its few words, joined by "and" to the next.
_NOT_GERUND = r"(?!\w*thing\b|during\b|\w*ring\b|king\b|wing\b|evening\b|morning\b|ceiling\b)"
_GERUND_BEFORE = re.compile(rf"\b{_NOT_GERUND}[a-z]{{2,}}ing(?:\s+[\w’'-]+){{0,3}}\s+and\s+$")
_GERUND_OPENS = re.compile(rf"{_NOT_GERUND}[a-z]{{2,}}ing\b")
# Dependence at a span's start, up to what is depended on: "deeply dependent on |Russian gas".
_DEPENDENT_ON = re.compile(r"(?:[a-z]+ly\s+)?(?:dependent|reliant|contingent)\s+(?:up)?on\s+", re.I)
_ASKS_WHAT_OR_WHICH = re.compile(r"^\W*(?:(?:and|so|but)\s+)?(?:what|which)\b", re.I)
# What a question sets aside, a word describing a thing and the thing: "besides a neutral |Ukraine|".
_SET_ASIDE_HEAD = re.compile(
    rf"\b(?i:{SET_ASIDE_WORDS}|beyond)\s+(?:an?\s+|the\s+)?[a-z][\w-]+\s+(?P<head>[A-Za-z][\w’'-]+)\s*(?:[,?.!]|$)"
)
# An act and the means of it, up to the means: "accused the Ukrainians of |delaying the talks by |advancing …".
_ACT_BY_MEANS = re.compile(rf"\b(?:of|for)\s+(?P<act>{_NOT_GERUND}[a-z]{{2,}}ing(?:\s+[\w’'-]+){{0,4}}?)\s+by\s+$")
# A question for the means: "How …?", "By what means …?", "… by doing what?".
_ASKS_HOW_OR_MEANS = re.compile(r"^\W*(?:(?:and|so|but)\s+)?how\b|\bby\s+(?:what|which|doing\s+what)\b|\bmeans\b", re.I)
# "not just a neutral" of "not just a neutral but also a de-militarised Ukraine": half of a pair.
_NOT_JUST = re.compile(r"not\s+(?:just|only|merely)\s+[^,;:()]+?(?=\s+but\s)", re.I)
_BUT_ALSO = re.compile(r"\s+but\s+(?:also\s+)?", re.I)
# A list of actions: a verb after "to" or a modal ("would not join NATO, develop …").
_ACTIONS_OPEN = re.compile(rf"\b(?:to|{'|'.join(MODALS)})\s+(?:not\s+)?[a-z]+\b")


def _kind_in_list(sentence: str, start: int, end: int, question: str) -> tuple[int, int] | None:
    """For "Which capabilities …?", the offsets of the words after the verb of the one item of a list
    of actions at start..end that ends on the kind asked, when the list names it once and not last:
    "nuclear capabilities" of "commitments from Ukraine that it would not join NATO, develop nuclear
    capabilities or host foreign military bases". None otherwise."""
    noun = _asked_kind(question)
    if noun is None:
        return None
    hits = list(re.finditer(rf"\b{re.escape(_kind_stem(noun))}[\w-]*", sentence[start:end], re.I))
    if len(hits) != 1 or not sentence[start + hits[0].end() : end].strip(" .,;"):
        return None
    kind_start, kind_end = start + hits[0].start(), start + hits[0].end()
    item = max((m.end() for m in _LIST_JOIN.finditer(sentence, start, kind_start)), default=start)
    if item == start or not _ACTIONS_OPEN.search(sentence, start, item):
        # The list's head, or a list of things, which may name the kind in an item ("anti-armor
        # weapons and systems" of the US weapons): the list answers.
        return None
    words = list(re.finditer(r"\S+", sentence[item:kind_start]))[1:]
    return (item + words[0].start(), kind_end) if words else None


# The noun a list of examples is of: "countries, including |", "countries such as |".
_LIST_HEAD = re.compile(r"\b([a-z]{3,})\s*,?\s*(?:including|such\s+as|like|namely)\s+$")


def _items_listed(text: str) -> list[str]:
    """The items of a list as written ("Britain, China, Russia and the United States": four)."""
    return [item for item in _LIST_JOIN.split(text) if item.strip()]


# "How many commentaries are listed?", "How many papers does IAI list?".
_ASKS_CATALOGUE_COUNT = re.compile(
    r"^\W*how\s+many\s+(?:[\w-]+\s+){0,2}?(?:commentaries|publications|papers|works|titles|issues)\s+"
    r"(?:are|were|does|do|did|has|have)\b.*\b(?:listed|list|lists|named|shown)\b",
    re.I,
)
# A work's number in a series: "commentary 22 | 07", "No. 22|08".
_ENTRY_NUMBER = re.compile(r"(?<![\d|])(?P<volume>\d{2})\s*\|\s*(?P<issue>\d{2})(?![\d|])")
_ASKS_WHO = re.compile(r"^\W*(?:who|by\s+whom|whose)\b", re.I)


# A title quoted in the question: "Who wrote 'The EU and the Ukraine War'?".
_QUOTED_IN_QUESTION = re.compile(r"[\"“‘']([^\"“”‘’\n]{6,200}?)[\"”’'](?!\w)")
_ASKS_WHEN_PUBLISHED = re.compile(r"^\W*(?:when|in\s+which\s+(?:year|month)|(?:on\s+)?(?:what|which)\s+(?:date|day))\b", re.I)


def _quoted_work(retriever: Retriever, question: str, started: float) -> Answer | None:
    """"Who wrote 'The EU and the Ukraine War'?", "When was “Europe's Post-Cold War Order Is No
    More” published?", "Which newspaper published '…'?": the reference or catalogue entry whose
    title begins with the quoted words, with its authors, date or outlet as the short answer. None
    for other questions, or when no note's title begins so (then it is answered as any other)."""
    quoted = _QUOTED_IN_QUESTION.search(question)
    if quoted is None or len(quoted.group(1).split()) < 2:
        return None
    return _work_titled(retriever, question, quoted.group(1), started)


def _work_titled(retriever: Retriever, question: str, title: str, started: float) -> Answer | None:
    """The note whose cited title begins with `title`, with the authors, date, outlet or title the
    question asks for as the short answer; None when it asks none of those, the title is a
    document's own, or no note cites it."""
    asked = _OPENING_AND.sub("", question)  # "And who wrote that one?" asks as "Who wrote that one?"
    who = _ASKS_WHO.match(asked)
    when = _ASKS_WHEN_PUBLISHED.match(asked)
    outlet = _ASKS_OUTLET.search(question)
    # "What was it about?": the title says what a cited work is about.
    named = _ASKS_TITLE.search(question) or _ASKS_TITLE_ALONE.match(question) or _WORK_ABOUT.match(question)
    if not (who or when or outlet or named):
        return None
    wanted = _plain_title(title)
    if any(_plain_title(str(r.meta.get("title") or "")).startswith(wanted) for r in retriever.documents.values()):
        return None  # a document's own title: its metadata and byline answer
    for note in _note_sentences(retriever):
        at = cited_title(note.text)
        if at is None or not _plain_title(note.text[at[0] : at[1]]).startswith(wanted):
            continue
        text, citations, support = compose([note])
        if named:
            span = at
        elif who:
            span = cited_authors(note.text)
        elif when:
            dated = _DATE_IN_NOTE.search(note.text, at[1])
            span = dated.span(1) if dated else None
        else:
            outlet_at = _outlet_named(note.text, question)
            span = (outlet_at.start, outlet_at.end) if outlet_at else None
        short = _short(note, Span(*span, 1.0), support) if span is not None else None
        return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)
    return None


# A property of the work the previous reply quoted: "What is the title?", "When was it published?".
_TITLE_ASKED = (r"what\s+(?:is|was)\s+(?:the|its)\s+(?:title|headline)(?:\s+of\s+(?:that|this)\s+(?:commentary|piece|article|report|"
                r"entry|work|paper|story|one))?|what\s+is\s+it\s+called")
_ASKS_TITLE_ALONE = re.compile(rf"^\W*(?:(?:and|so)\s+)?(?:{_TITLE_ASKED})\W*$", re.I)
# "What was it about?", "What is that report about?": what a cited work is about.
_ABOUT_WORK_ASKED = r"what\s+(?:was|is)\s+(?:it|that|this)(?:\s+(?:report|piece|article|story|paper|work))?\s+about"
_WORK_ABOUT = re.compile(rf"^\W*(?:(?:and|so)\s+)?{_ABOUT_WORK_ASKED}\W*$", re.I)
_ASKS_OF_THE_WORK = re.compile(
    rf"^\W*(?:(?:and|so)\s+)?(?:{_TITLE_ASKED}|{_ABOUT_WORK_ASKED}"
    # "When was that?" after a reply that quoted a reference: when the work cited came out.
    r"|when\s+was\s+(?:it|that|this)(?:\s+(?:published|written|released|out))?|who\s+(?:published|wrote)\s+it"
    # "Who wrote that piece?", "Who is the author of that article?".
    r"|who\s+(?:published|wrote|authored)\s+(?:that|this)\s+(?:report|piece|article|story|paper|work|entry|commentary|one)"
    r"|who\s+(?:is|was)\s+the\s+(?:author|writer)\s+of\s+(?:that|this)\s+(?:report|piece|article|story|paper|work|entry|commentary)"
    # "When did it appear?", "When did that come out?", "On what date did that report come out?".
    # "On which day did that FT piece come out?": the outlet may name the work.
    r"|(?:when|(?:on\s+)?(?:what|which)\s+(?:date|day))\s+(?:did\s+(?:it|that|this|(?:that|this)\s+(?:[A-Z][\w.]*\s+)?(?:report|piece|article|story|paper|work))\s+"
    r"(?:appear|come\s+out|run|get\s+published)|was\s+(?:that|this)\s+(?:[A-Z][\w.]*\s+)?(?:report|piece|article|story|paper|work)\s+"
    r"(?:published|written|released|out))"
    r"|(?:where|in\s+which\s+(?:newspaper|journal|outlet|paper))\s+was\s+it\s+published)\W*$",
    re.I,
)
_BOLD = re.compile(r"\*\*[^*\n]+\*\*")
_CITED_TITLE_IN_REPLY = re.compile(r"[\"“]([^\"”\n]{8,})[\"”]|\*([^*\n]{8,})\*")
# The date of a reference after its title: "(February 2022)", ", 20 March 2022,".
_DATE_IN_NOTE = re.compile(
    rf"[(,]\s*((?:\d{{1,2}}\s+)?(?:{month_pattern()})\s+\d{{4}})"
)


def _plain_title(title: str) -> str:
    """A title as compared: case, quotation marks, apostrophes and emphasis set aside."""
    return re.sub(r"\s+", " ", re.sub(r"[*_“”\"‘’']", "", title.replace("’", "'"))).strip().casefold()


# A full name a question gives: "Margherita Bianchi".
_FULL_NAME = re.compile(r"\b[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)+")


def _entry_number_by_author(retriever: Retriever, question: str, started: float) -> Answer | None:
    """The one numbered entry of the publisher's list by an author the question names in full ("What
    is the number of the IAI commentary by Margherita Bianchi?": "22 | 13"), the number as the short
    answer; None when no entry or several name one of its names."""
    names = [name for name in _FULL_NAME.findall(question) if len(name.split()) <= 4]
    found = [(note, number) for note in _note_sentences(retriever) if (number := _ENTRY_NUMBER.search(note.text)) is not None
             and any(name in note.text[number.end() :].split("*")[0] for name in names)]
    if len(found) != 1:
        return None
    note, number = found[0]
    text, citations, support = compose([note])
    short = _short(note, Span(*number.span(), 1.0), support)
    return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)


# "What is the IAI commentary's number in the series?", "Which commentary number is Alcaro's piece?".
# A work's number, so a word for a work or a series with it; not a phone number.
_ASKS_WORK_NUMBER = re.compile(
    r"^\W*(?:what|which)\b(?!.*\b(?:phone|telephone|fax|tel)\b)"
    # "What is the number of the IAI commentary by …?" too: "number of" a work, not a count.
    r"(?=.*\b(?:commentar(?:y|ies)|piece|article|paper|document|report|work|series)\b).*\b(?:number|issue)\b"
    r"(?!\s+of\b(?!\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?:commentary|piece|article|paper)\b))",
    re.I,
)


def _work_number(retriever: Retriever, question: str, started: float) -> Answer | None:
    """The catalogue entry or reference that gives the one document the question names its number in a
    series ("- 22 | 14 Riccardo Alcaro, *Russia–Ukraine Talks and …*"), the number as the short
    answer; None when the question names no one document or no note numbers its title."""
    # "… the IAI commentary by Margherita Bianchi?": her entry, though "the IAI commentary" names Alcaro's.
    by_author = _entry_number_by_author(retriever, question, started)
    if by_author is not None:
        return by_author
    targets = target_documents(question, {d: r.meta for d, r in retriever.documents.items()})
    if not targets or len(targets) != 1:
        return None
    title = _words(retriever.documents[targets[0]].meta.get("title") or "")
    if len(title) < 3:
        return None
    for note in _note_sentences(retriever):
        number = _ENTRY_NUMBER.search(note.text)
        if number is not None and title <= _words(note.text):
            text, citations, support = compose([note])
            short = _short(note, Span(*number.span(), 1.0), support)
            return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)
    return None


def _numbered_entry(retriever: Retriever, question: str, number: re.Match[str], started: float) -> Answer | None:
    """"Who wrote commentary 22 | 07?", "What is commentary 22 | 12 about?": the catalogue entry or
    reference that gives the work that number, with its authors (who), its date (when) or its title
    as the short answer. None when no note gives it."""
    wanted = re.compile(rf"(?<![\d|]){number.group('volume')}\s*\|\s*{number.group('issue')}(?![\d|])")
    for note in _note_sentences(retriever):
        if wanted.search(note.text) is None:
            continue
        text, citations, support = compose([note])
        # "When was issue 22|08 published?": the date the entry gives, not its title.
        at = (cited_authors(note.text) if _ASKS_WHO.match(question) else first_date(note.text, question)
              if expected_type(question) == DATE else cited_title(note.text))
        short = _short(note, Span(*at, 1.0), support) if at is not None else None
        return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)
    return None


def _note_sentences(retriever: Retriever, rows: Iterable[int] | None = None, kinds: Collection[str] = NOTE_KINDS,
                    ) -> Iterator[Candidate]:
    """Each sentence of the passages at `rows` (all when None) that hold notes of `kinds` (footnotes,
    the publisher's block), in order, each of a Passage as an answer cites it."""
    chunks = retriever.passages
    for row in range(len(chunks)) if rows is None else rows:
        if chunks[row].kind in kinds:
            passage = retriever.passage_at(row)
            for start, end in split_sentences(passage.text):
                yield Candidate(passage, start, end, passage.text[start:end], 1.0)


def _references_of(retriever: Retriever, doc_id: str) -> Iterator[tuple[Candidate, str | None]]:
    """Each bibliographic reference in a document's notes, in order, with the outlet it names (or None)."""
    for note in _note_sentences(retriever, retriever.rows_of(doc_id)):
        if is_reference(note.text):
            yield note, publication(note.text)


def _cited(retriever: Retriever, question: str, asked: CitedAsked, started: float) -> Answer | None:
    """"Which newspapers are cited?", "What sources does Alcaro cite?": the references in the notes
    of the documents the question names (all when it names none), in reading order; one per outlet
    when it asks for newspapers or outlets, those of one outlet when it names one ("Which Financial
    Times articles are cited?"). At most MAX_CITED. A document without any is said to cite none."""
    documents = {d: r.meta for d, r in retriever.documents.items()}
    if asked.titles and target_documents(asked.outlet or "", documents):
        # "What is the title of the IAI commentary?": a document's own title, not its notes'.
        return None
    # The documents the question names by their metadata; all of them when it names none.
    targets = target_documents(question, documents) or sorted(documents)
    chosen: list[Candidate] = []
    citing_none: list[str] = []
    seen: set[str] = set()
    for doc_id in targets:
        before = len(chosen)
        # A lone web address in the publisher's block is no reference: a citation or a numbered note is.
        references = list(_references_of(retriever, doc_id))
        for note, outlet in references:
            if (asked.outlets or asked.outlet) and outlet is None:
                continue
            if asked.outlet and asked.outlet.casefold() not in (outlet or "").casefold():
                continue
            if asked.besides and asked.besides.casefold() in (outlet or "").casefold():
                continue
            key = (outlet or "").casefold() if asked.outlets else note.text
            if key not in seen:
                seen.add(key)
                chosen.append(note)
        if len(chosen) == before:
            # "Which Bloomberg articles are cited?": the IAI commentary cites sources, none of Bloomberg's.
            label = source_label(documents[doc_id])
            citing_none.append(CITES_NONE_FROM.format(doc=label, outlet=asked.outlet)
                               if asked.outlet and references else CITES_NONE.format(doc=label))
    if asked.titles and chosen:
        # A title asked of an outlet's work: the documents that cite none are no part of the answer.
        targets, citing_none = sorted({c.passage.doc_id for c in chosen}), []
    said = " ".join(citing_none)
    if not chosen:
        return Answer(question, said, [], [], True, 0.0, [], time.perf_counter() - started)
    chosen = chosen[:MAX_CITED]
    text, citations, support = _labelled(retriever, chosen, said) if len(targets) > 1 else compose(chosen)
    short = None
    if asked.outlets and len(chosen) == 1 and (found := PUBLICATION.search(chosen[0].text)):
        short = _short(chosen[0], Span(found.start(1), found.end(1), 1.0), support)
    if asked.titles and len(chosen) == 1 and (title := cited_title(chosen[0].text)):
        short = _short(chosen[0], Span(*title, 1.0), support)
    return Answer(question, text, citations, support, False, 1.0, [], time.perf_counter() - started, short)


def _most_cited(retriever: Retriever, question: str, started: float) -> Answer:
    """"Which newspaper is cited most?": the outlet the most references in the notes of the documents
    the question names (all when it names none) cite, with its references, led by a line that counts
    them ("Financial Times: 9 of the 16 references that name an outlet."). When two or more outlets
    are cited equally often, each with its first reference. None cited: said so."""
    documents = {d: r.meta for d, r in retriever.documents.items()}
    targets = target_documents(question, documents) or sorted(documents)
    by_outlet, names = _references_by_outlet(retriever, targets)
    if not by_outlet:
        said = " ".join(CITES_NONE.format(doc=source_label(documents[d])) for d in targets)
        return Answer(question, said, [], [], True, 0.0, [], time.perf_counter() - started)
    total = sum(len(notes) for notes in by_outlet.values())
    most = max(len(notes) for notes in by_outlet.values())
    top = [key for key, notes in by_outlet.items() if len(notes) == most]
    if len(top) == 1:
        chosen = by_outlet[top[0]][:MAX_CITED]
        counted = MOST_CITED.format(outlet=names[top[0]], n=most, total=total)
    else:
        chosen = [by_outlet[key][0] for key in top][:MAX_CITED]
        counted = MOST_CITED_TIED.format(outlets=", ".join(names[key] for key in top), n=most, total=total)
    text, citations, support = compose(chosen)
    short = None
    if len(top) == 1 and (found := PUBLICATION.search(chosen[0].text)):
        short = _short(chosen[0], Span(found.start(1), found.end(1), 1.0), support)
    return Answer(question, f"{counted}\n\n{text}", citations, support, False, 1.0, [], time.perf_counter() - started, short)


def _references_by_outlet(
    retriever: Retriever, targets: Sequence[str]
) -> tuple[dict[str, list[Candidate]], dict[str, str]]:
    """The notes of the documents that cite an outlet, by the outlet's case-folded name (each note
    once), and each such name as the notes write it."""
    by_outlet: dict[str, list[Candidate]] = {}
    names: dict[str, str] = {}
    for doc_id in targets:
        for note, outlet in _references_of(retriever, doc_id):
            if outlet is None:
                continue
            key = outlet.casefold()
            names.setdefault(key, outlet)
            if all(c.text != note.text for c in by_outlet.get(key, [])):
                by_outlet.setdefault(key, []).append(note)
    return by_outlet, names


# "How many references does Alcaro cite from the Financial Times?", "How many times is the New York
# Times cited?": the notes of one outlet, counted.
_ASKS_OUTLET_COUNT = re.compile(
    r"^\W*how\s+many\s+(?:(?:references|notes|footnotes|sources|articles|citations)\s+(?:does|do|did)\s+(?:[\w’'-]+\s+){1,4}?"
    r"(?:cite|quote|use|reference|have|include|give)\s+(?:from|of|to|in)\s+"
    r"|times\s+(?:is|was|are|were|does|do|did)\s+(?=(?:the\s+)?(?-i:[A-Z])))"
    r"(?:the\s+)?(?P<outlet>(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,4})"
    # "How many Financial Times articles does Alcaro cite?": the outlet before what is counted.
    r"|^\W*how\s+many\s+(?:of\s+)?(?:the\s+)?(?P<outlet_first>(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,4})\s+"
    r"(?:articles|pieces|reports|stories|references|sources)\s+(?:does|do|did)\s+(?:[\w’'-]+\s+){1,4}?(?:cite|quote|use|reference)\b",
    re.I,
)


def _outlet_cited(retriever: Retriever, question: str, outlet: str, started: float) -> Answer | None:
    """"How many references does Alcaro cite from the Financial Times?": the notes of the documents
    the question names (all when it names none) that cite the outlet, led by a line that counts them
    ("Financial Times: 8 of the 14 references that name an outlet."). None when no note cites an
    outlet of that name (then ordinary answering says what there is)."""
    documents = {d: r.meta for d, r in retriever.documents.items()}
    targets = target_documents(question, documents) or sorted(documents)
    by_outlet, names = _references_by_outlet(retriever, targets)
    key = next((k for k in by_outlet if k.removeprefix("the ") == outlet.casefold().removeprefix("the ")), None)
    if key is None:
        return None
    notes = by_outlet[key]
    counted = MOST_CITED.format(outlet=names[key], n=len(notes), total=sum(len(n) for n in by_outlet.values()))
    text, citations, support = compose(notes[:MAX_CITED])
    return Answer(question, f"{counted}\n\n{text}", citations, support, False, 1.0, [], time.perf_counter() - started)


# "How many references does the IAI commentary have?", "How many sources does Alcaro cite?" (not
# "… cite from the Financial Times?", one outlet's: `_ASKS_OUTLET_COUNT`).
_ASKS_REFERENCE_COUNT = re.compile(
    r"^\W*how\s+many\s+(?:references|footnotes|notes|sources|citations|works)\s+(?:does|do|did)\s+(?:[\w’'-]+\s+){1,5}?"
    r"(?:cite|quote|use|reference|have|has|include|give|list|contain)\s*[?.!]*\s*$",
    re.I,
)


def _references_counted(retriever: Retriever, question: str, started: float) -> Answer:
    """The references in the notes of the documents the question names (all when it names none),
    counted per document and quoted (at most MAX_CITED in all); a document with none is said to cite none."""
    documents = {d: r.meta for d, r in retriever.documents.items()}
    targets = target_documents(question, documents) or sorted(documents)
    lines: list[str] = []
    chosen: list[Candidate] = []
    for doc_id in targets:
        notes = [note for note, _ in _references_of(retriever, doc_id)]
        label = source_label(documents[doc_id])
        lines.append(REFERENCES_COUNTED.format(doc=label, n=len(notes), s="" if len(notes) == 1 else "s")
                     if notes else CITES_NONE.format(doc=label))
        chosen.extend(notes[: MAX_CITED - len(chosen)])
    counted = " ".join(lines)
    if not chosen:
        return Answer(question, counted, [], [], True, 0.0, [], time.perf_counter() - started)
    text, citations, support = compose(chosen)
    return Answer(question, f"{counted}\n\n{text}", citations, support, False, 1.0, [], time.perf_counter() - started)


REFERENCES_COUNTED = "{doc} cites {n} reference{s} in its notes."
MOST_CITED = "{outlet}: {n} of the {total} references that name an outlet."
MOST_CITED_TIED = "Cited equally often ({n} each, of {total} references that name an outlet): {outlets}."
# The most references one answer lists.
MAX_CITED = 20
CITES_NONE = "{doc} cites no sources in notes."
CITES_NONE_FROM = "{doc} cites nothing from {outlet} in notes."
# A sentence that gives a list itself: "such as cortisol and catecholamines", "including A, B and C".
_GIVES_LIST = re.compile(r"\b(?:such\s+as|including|namely|like)\s+[^.;:]{1,80}?\s(?:and|or)\s+\w")
# The most other works of an author one answer lists.
MAX_OTHER_WORKS = 6


def _document_sentences(retriever: Retriever, doc_id: str) -> list[tuple[int, int]]:
    """The clean-text offsets of a document's body sentences of at least six words and no web
    address, in reading order."""
    spans: dict[int, int] = {}
    for row in retriever.rows_of(doc_id):
        chunk = retriever.passages[row]
        if chunk.kind == "body":
            for s_, e_ in split_sentences(chunk.text):
                if len(_WORD.findall(chunk.text[s_:e_])) >= 6 and not URL.search(chunk.text[s_:e_]):
                    spans.setdefault(chunk.start + s_, chunk.start + e_)
    return sorted(spans.items())


# How much less close to a recommendation's topic than the closest a sentence may be to be quoted
# with it: "What should Europe do?" is answered by what concerns Europe, not by every prescription.
TOPIC_GAP = 0.1
# "What does the author recommend?": the documents that name their author.
_AUTHOR = re.compile(r"\bauthors?\b", re.I)
# "What do the documents recommend?", "What do both pieces propose?": each document.
_ALL_DOCUMENTS = re.compile(
    r"\b(?:the|both|all|these|the\s+two)\s+(?:documents|commentaries|pieces|articles|papers|sources|texts)\b|\bboth\b"
    # "What does each document recommend?"
    r"|\beach\s+(?:of\s+the\s+(?:two\s+)?)?(?:document|commentar(?:y|ies)|piece|article|paper|source|text)s?\b", re.I
)


# A topic that is itself what to do: "what the US should do".
_ASKS_WHAT_SHOULD_ON = re.compile(r"what\s+(?:[\w’'-]+\s+){0,4}?should\b", re.I)
# "… recommend on energy?", "… recommendation about sanctions?": what the advice is on.
_RECOMMENDED_ON = re.compile(r"\b(?:on|about|regarding|concerning|for)\s+(?P<topic>[^?.!,]+?)\s*[?.!]*\s*$", re.I)


def _named_source(question: str) -> str | None:
    """The capitalised name of the source the question asks after ("… according to Zelensky?",
    "…, per the Post?"), else None."""
    return according_to_name(_per_as_according(question) or question)


def _recommended(retriever: Retriever, question: str) -> list[Candidate]:
    """For "What measures does the April piece recommend?", the sentences of the documents it points
    at (`pointed_documents`, those with an author for "the author", all of a few for "What should
    … do?") that prescribe (`recommendation.prescribes`): the ones nearest to what it asks about
    when it names a topic ("What should Europe do, according to the IAI?"), else the ones that best
    cover them (`central_sentences`). Empty when it points at no document or none prescribes."""
    import numpy as np

    from qa.index.bm25 import search_text

    metas = {d: r.meta for d, r in retriever.documents.items()}
    targets = pointed_documents(question, metas)
    if not targets and _AUTHOR.search(question):
        targets = sorted(d for d, meta in metas.items() if meta.get("author"))
    if not targets and (_ALL_DOCUMENTS.search(question) or (asks_what_should(question) and len(metas) <= MAX_SUMMARY_DOCUMENTS
                                                            and _named_source(question) is None)):
        # "What should Ukraine do?" names no document: each of a few documents may say. Not "What
        # did Zelensky propose?": what someone in them proposed is ordinary answering. Nor "What
        # should Europe do, per the Post?": a source none of the documents is (each had answered).
        targets = sorted(metas)
    if not targets or len(targets) > MAX_SUMMARY_DOCUMENTS:
        return []
    per_document = summary_length(question, len(targets))
    topic = asked_topic(question) - RECOMMENDATION_WORDS
    on = _RECOMMENDED_ON.search(question)
    # "How do the two documents differ on what the US should do?": closeness to what to do, without
    # the words that ask for a comparison.
    # "What does the April piece want done about Russian gas?": closeness to the gas, not to the whole
    # question (whose "want done" had drawn "Russia will have to show …").
    topical = on is not None and (_ASKS_WHAT_SHOULD_ON.match(on.group("topic")) is not None or wants_done_on(question))
    asked_on = on.group("topic") if on is not None and topical else question
    # The sentence encoder reads "US" as the pronoun: abbreviations are spelt out.
    query = retriever.encode_sentences([spell_out_abbreviations(asked_on)])[0] if topic else None
    named_topic = topic & {w.lower() for w in _WORD.findall(on.group("topic"))} if on is not None else set()
    chosen: list[Candidate] = []
    for doc_id in targets:
        text = retriever.documents[doc_id].text
        spans = [(b, e) for b, e in _document_sentences(retriever, doc_id) if prescribes(text[b:e])]
        # On a topic ("on energy"), the prescriptions that name it, when some do: "What is the April
        # piece's recommendation on energy?" is answered by "… suspend Russian energy imports altogether".
        # The ones that name most of it: "What step on Russian energy does the April piece recommend for
        # Europe?" is not answered by "… pressure on Russian banks", which names "Russian" alone.
        # A word most of them name tells none apart: "Russian" of "What does the April piece want done
        # about Russian gas?" (it had quoted "… Russia will have to show …").
        telling = {w for w in named_topic if 2 * sum(_names(text[b:e], w) for b, e in spans) <= len(spans)}
        named = {span: sum(_names(text[span[0] : span[1]], w) for w in telling) for span in spans}
        most = max(named.values(), default=0)
        spans = [span for span in spans if named[span] == most] if most else spans
        if not spans:
            continue
        vectors = retriever.encode_sentences([search_text(text[b:e]) for b, e in spans])
        if query is None:
            picked = central_sentences(vectors, per_document)
        else:
            # On a topic, the sentences nearest to it: those within TOPIC_GAP of the nearest.
            closeness = vectors @ query
            # Those that name the topic all speak to it: the closest few, however far apart.
            gap = np.inf if most else TOPIC_GAP
            near = [i for i in np.argsort(-closeness, kind="stable")[:per_document] if closeness[i] >= closeness.max() - gap]
            picked = sorted(int(i) for i in near)
        chosen.extend(c for i in picked if (c := _candidate_at(retriever, doc_id, *spans[i], 1.0)) is not None)
    return chosen


def _list_items(retriever: Retriever, chosen: list[Candidate], asked: int | None = None) -> list[Candidate]:
    """The sentences naming the items that the best sentence announces ("two major sticking
    points" -> "The first is ...", "The second ..."), or its sibling items, or the first `asked`
    items of a list opening right after it (`enumeration.listed_items`), each with the passage that
    holds it; sentences already chosen are left out."""
    best = chosen[0]
    record = retriever.documents.get(best.passage.doc_id)
    if record is None:
        return []
    taken = {c.key for c in chosen}
    items = []
    for s_, e_ in listed_items(record.text, best.key[1], best.passage.start + best.local_end, asked):
        candidate = _candidate_at(retriever, record.doc_id, s_, e_, best.score)
        if candidate is not None and candidate.key not in taken:
            items.append(candidate)
    return items


# How many words after its ordinal a question names the kind of item it asks for ("the second big obstacle").
ITEM_KIND_WORDS = 3


def _item_at_place(retriever: Retriever, ranked: list[Candidate], ordinal: re.Match[str]) -> Candidate | None:
    """For "What is the second big obstacle in the talks?" (`_ORDINAL_ASKED`), the item at that place
    of the list that the best of `ranked` to announce one or be one of its items belongs to
    ("However, there are two major sticking points." or "The first is the status of …" -> "The
    second problematic issue is …", a paragraph further on), with that sentence's score; None when
    that list has no such item. The list, not the question's word for its items, says what they
    are: a document calls them "sticking points" and "problematic issue"."""
    # "the second big obstacle", "the third key point": an item by what lists call their items, not
    # "the first day of the invasion" nor "the first lethal aid" (a series, not a list).
    if not any(is_item_kind(w) for w in _WORD.findall(ordinal.string[ordinal.start("kind") :])[:ITEM_KIND_WORDS]):
        return None
    place = ORDINALS.index(ordinal.group(1).lower()) + 1
    listing = next((c for c in ranked if ordinal_of(c.text) not in (None, place) or announced_count(c.text) is not None), None)
    record = retriever.documents.get(listing.passage.doc_id) if listing is not None else None
    if listing is None or record is None:
        return None
    start = listing.key[1]
    found = [span for span in listed_items(record.text, start, start + len(listing.text))
             if ordinal_of(record.text[span[0] : span[1]]) == place]
    return _candidate_at(retriever, record.doc_id, *found[0], listing.score) if found else None


def _next_sentence(retriever: Retriever, sentence: Candidate) -> Candidate | None:
    """The body sentence that follows `sentence` in its document (`_document_sentences`), with its
    score, or None at the document's end."""
    end = sentence.key[1] + len(sentence.text)
    after = [span for span in _document_sentences(retriever, sentence.passage.doc_id) if span[0] >= end]
    return _candidate_at(retriever, sentence.passage.doc_id, *after[0], sentence.score) if after else None


# "What demands did they call unrealistic?": the kind asked for, in the plural, before the auxiliary.
_ASKS_KIND_DONE = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:what|which)\s+(?P<kind>[a-z]{3,}s)\s+(?:did|do|does|have|has|had)\b", re.I)


def _kind_only_restated(sentence: str, start: int, end: int, question: str) -> bool:
    """True when the sentence names the kind a "What <kinds> did …?" question asks for once, with
    nothing before it but the question's own words ('"unrealistic" demands'), and the span
    sentence[start:end] lies away from it: the sentence says no more of them than the question does."""
    asked = _ASKS_KIND_DONE.match(question)
    if asked is None:
        return False
    kind = asked.group("kind").lower()
    found = [m for m in re.finditer(rf"\b{re.escape(kind)}\b", sentence, re.I)]
    if len(found) != 1:
        return False
    words = {w.lower() for w in _WORD.findall(question)}
    before = _WORD.findall(sentence[max(0, found[0].start() - 40) : found[0].start()])[-1:]
    # A word of the question that describes them ("unrealistic"), not one of its function words
    # ("bringing down regimes, as the cases of Cuba, …" names them).
    restated = bool(before) and all(w.lower() in words and w.lower() not in QUERY_STOPWORDS for w in before)
    return restated and not start <= found[0].start() < end


# "Which non-Western countries are unwilling to break with Russia?": a kind and what is said of it.
_WHICH_KIND_ARE = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?which\s+(?P<kind>(?:[\w’'-]+\s+){0,2}[\w’'-]+?)\s+(?P<be>are|is|were|was)\s+(?P<said>[^?]+?)\s*[?.!]*\s*$", re.I
)


def _described_only(sentence: str, question: str) -> bool:
    """True when the sentence names the kind a "Which <kind> are <so>?" question asks for only by the
    question's own description, in a relative clause ("non-Western countries that are unwilling to
    break with Russia"): it names none of them."""
    asked = _WHICH_KIND_ARE.match(question)
    if asked is None:
        return False
    kind, be, said = (re.escape(part).replace(r"\ ", r"\s+") for part in asked.group("kind", "be", "said"))
    return re.search(rf"\b{kind}\s+(?:that|which|who)\s+{be}\s+{said}\b", sentence, re.I) is not None


def _line_under(heading: Candidate) -> Candidate | None:
    """The sentence or line right after `heading` in its passage, with its score, or None."""
    text = heading.passage.text
    after = next(((b, e) for b, e in split_sentences(text) if b >= heading.local_end), None)
    return None if after is None else Candidate(heading.passage, after[0], after[1], text[after[0] : after[1]], heading.score)


def _candidate_at(retriever: Retriever, doc_id: str, start: int, end: int, score: float) -> Candidate | None:
    """The sentence at clean-text offsets [start, end) of a document, with the passage that holds it."""
    passage = retriever.passage_containing(doc_id, start, end)
    if passage is None:
        return None
    local = start - passage.start
    return Candidate(passage, local, local + end - start, passage.text[local : local + end - start], score)


def _disagreeing(
    ranked: list[Candidate], chosen: list[Candidate], question: str, wanted: str | None, s: AnswerSettings,
    documents: Mapping[str, DocumentRecord] | None = None,
) -> Candidate | None:
    """The best sentence of another source that gives a different count of the thing a "how
    many" question asks about, among the best `disagreement_depth` sentences.

    "How many points does the peace plan have?" answered from one commentary ("10-point plan")
    must not silently drop the other's "15-point plan". Documents that are parts of one work
    (by their metadata in `documents`: the same title, author, publisher and date, as the
    paragraphs of one article) are one source: their different counts are of different things. On XQuAD, where
    each paragraph is a document, 6 of the 7 "sources differ" among its 66 "how many" questions
    were such paragraphs of one article ("11 points in the final three minutes" against a
    "2-point conversion").
    """
    # Names and dates differ between documents about different events as a rule; a count of the
    # same thing ("how many points") is what sources can disagree on. Measured on XQuAD, where
    # every paragraph is a document: names and dates added citations to unrelated paragraphs.
    if wanted != "number" or not count_heads(question):
        return None
    best = chosen[0]
    mine = answer_values(best.text, wanted, question)
    if not mine:
        return None
    cited_docs = {c.passage.doc_id for c in chosen}
    documents = documents or {}

    def meta(doc_id: str) -> Mapping[str, Any]:
        record = documents.get(doc_id)
        return record.meta if record is not None else {}

    def one_work(doc_id: str) -> bool:
        return any(same_work(meta(doc_id), meta(d)) for d in cited_docs)

    # A rank, not a share of the best sentence's probability: an earlier turn that lifts the best
    # sentence, or a refitted calibration, must not hide the other source's value.
    for candidate in ranked[1 : s.disagreement_depth]:
        if candidate.passage.doc_id in cited_docs or one_work(candidate.passage.doc_id):
            continue
        if is_reference(candidate.text, candidate.passage.kind in NOTE_KINDS):
            # A footnote citing another work is not its document's count ("Financial Times" is no count of times).
            continue
        theirs = answer_values(candidate.text, wanted, question)
        if theirs and not theirs & mine:
            return candidate
    return None


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _near_duplicate(candidate: Candidate, chosen: Sequence[Candidate], s: AnswerSettings) -> bool:
    """True when the candidate shares at least `s.duplicate_jaccard` of its words with a chosen sentence."""
    words = _words(candidate.text)
    return any(_jaccard(words, _words(c.text)) >= s.duplicate_jaccard for c in chosen)


def compose(
    chosen: Sequence[Candidate], labels: Mapping[str, str] | None = None, label_one: bool = False
) -> tuple[str, list[Passage], list[Support]]:
    """Order sentences for reading, number citations by first use, and keep only verified ones.

    Sentences are grouped by document (best document first) and read in document order within
    it. Each sentence must occur verbatim at its offsets in the passage its marker points to;
    any that does not is dropped before numbering. When the sentences come from more than one
    document, each document's group starts on a new paragraph with its label from `labels`
    (doc_id -> "Alcaro (IAI, 22 March 2022)"), so the reader knows who says what; with
    `label_one`, also when they come from one document.
    """
    verified = [c for c in chosen if c.passage.text[c.local_start : c.local_end] == c.text and c.text]
    doc_order: dict[str, int] = {}
    for c in verified:
        doc_order.setdefault(c.passage.doc_id, len(doc_order))
    ordered = sorted(verified, key=lambda c: (doc_order[c.passage.doc_id], c.passage.start + c.local_start))
    citations: list[Passage] = []
    numbers: dict[str, int] = {}
    support: list[Support] = []
    groups: dict[str, list[str]] = {}
    for c in ordered:
        if c.passage.id not in numbers:
            citations.append(c.passage)
            numbers[c.passage.id] = len(citations)
        n = numbers[c.passage.id]
        groups.setdefault(c.passage.doc_id, []).append(f"{c.text} [{n}]")
        support.append(
            Support(
                sentence=c.text, citation=n, passage_id=c.passage.id, doc_id=c.passage.doc_id,
                start=c.passage.start + c.local_start, end=c.passage.start + c.local_end,
                passage_start=c.local_start, passage_end=c.local_end, score=round(c.score, 4),
            )
        )
    if labels is None or len(groups) < (1 if label_one else 2):
        return " ".join(part for parts in groups.values() for part in parts), citations, support
    paragraphs = [f"{labels.get(doc, doc)}: " + " ".join(parts) for doc, parts in groups.items()]
    return "\n\n".join(paragraphs), citations, support


def check_citations(answer: Answer) -> list[str]:
    """Problems with an answer's citations (empty when every sentence is found where its marker points)."""
    problems = []
    for s in answer.support:
        if not 1 <= s.citation <= len(answer.citations):
            problems.append(f"marker [{s.citation}] points to no citation")
            continue
        passage = answer.citations[s.citation - 1]
        if passage.text[s.passage_start : s.passage_end] != s.sentence:
            problems.append(f"sentence {s.sentence[:40]!r} is not in passage [{s.citation}]")
        if f"{s.sentence} [{s.citation}]" not in answer.text:
            problems.append(f"sentence {s.sentence[:40]!r} is not in the answer text with marker [{s.citation}]")
    short = answer.short
    if short is not None:
        if not 1 <= short.citation <= len(answer.citations):
            problems.append(f"short answer marker [{short.citation}] points to no citation")
        elif answer.citations[short.citation - 1].text[short.passage_start : short.passage_end] != short.text:
            problems.append(f"short answer {short.text[:40]!r} is not in passage [{short.citation}]")
        if not any(x.citation == short.citation and short.text in x.sentence for x in answer.support):
            problems.append(f"short answer {short.text[:40]!r} is not in a sentence cited [{short.citation}]")
    used = sorted({s.citation for s in answer.support})
    if used != list(range(1, len(answer.citations) + 1)):
        problems.append(f"markers {used} do not number the {len(answer.citations)} citations 1..n")
    return problems

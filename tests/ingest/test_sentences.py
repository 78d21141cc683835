"""Sentence splitting: abbreviations, footnote superscripts, quotes, and exact span properties."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import DOC_002, REAL_CORPUS
from qa.ingest.sentences import MAX_SENTENCE_CHARS, SUPERSCRIPTS, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def check_spans(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> None:
    """The documented contract: sorted, disjoint, stripped, bounded, covering every non-space char once."""
    end = len(text) if end is None else end
    covered = [0] * len(text)
    previous_end = start
    for s, e in spans:
        assert start <= s < e <= end, (s, e)
        assert s >= previous_end, f"span {(s, e)} overlaps or precedes the previous one ending at {previous_end}"
        previous_end = e
        assert not text[s].isspace() and not text[e - 1].isspace(), f"span {(s, e)} not stripped: {text[s:e]!r}"
        assert e - s <= MAX_SENTENCE_CHARS, f"span {(s, e)} is {e - s} chars"
        for i in range(s, e):
            covered[i] += 1
    for i in range(start, end):
        if not text[i].isspace():
            assert covered[i] == 1, f"char {i} {text[i]!r} covered {covered[i]} times"
    for i in list(range(0, start)) + list(range(end, len(text))):
        assert covered[i] == 0, f"char {i} outside the range is covered"


# ---- abbreviations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Mrs. Jones and Dr. Who. They talked.", ["Mr. Smith met Mrs. Jones and Dr. Who.", "They talked."]),
        ("The U.S. Congress met on Monday. Then it adjourned.", ["The U.S. Congress met on Monday.", "Then it adjourned."]),
        ("Some allies, e.g. Britain and France, agreed. Others did not.", ["Some allies, e.g. Britain and France, agreed.", "Others did not."]),
        (
            "The pact is by Nicolas J.A. Buchoud and Michael Keith. It is long.",
            ["The pact is by Nicolas J.A. Buchoud and Michael Keith.", "It is long."],
        ),
        (
            "See IAI Commentaries, No. 22 of February. Next item.",
            ["See IAI Commentaries, No. 22 of February.", "Next item."],
        ),
        ("President J. Biden spoke. The hall cheered.", ["President J. Biden spoke.", "The hall cheered."]),
        ("It cost $2.5 billion, i.e. 3.5% more. That was all.", ["It cost $2.5 billion, i.e. 3.5% more.", "That was all."]),
        ("Gen. Milley and Sen. Graham met. Talks ended.", ["Gen. Milley and Sen. Graham met.", "Talks ended."]),
    ],
)
def test_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_lower_case_after_full_stop_does_not_start_a_sentence() -> None:
    assert sentences("It was agreed by the E.U. for the first time. Done.") == [
        "It was agreed by the E.U. for the first time.",
        "Done.",
    ]


# ---- footnote superscripts, quotes, other terminators --------------------------------------


def test_a_title_in_italics_is_not_cut_at_its_own_punctuation() -> None:
    entry = "- 22 | 09 N. Buchoud, *A G7/G20 Pact for Sustainable Urbanisation? Building on the Positive Legacy*"
    assert sentences(entry) == [entry]
    note = "³ UNHCR, *Operational Data Portal. Ukraine Refugee Situation*, <https://data2.unhcr.org>. Next note."
    assert sentences(note) == ["³ UNHCR, *Operational Data Portal. Ukraine Refugee Situation*, <https://data2.unhcr.org>.", "Next note."]
    # A bullet's star, italics closed before the stop, or a star alone do not hold sentences together.
    assert sentences("* First bullet. Second one.") == ["* First bullet.", "Second one."]
    assert sentences("Is it *really* over? Yes. A star * alone? Then.") == ["Is it *really* over?", "Yes.", "A star * alone?", "Then."]


def test_footnote_superscripts_stay_with_their_sentence() -> None:
    text = "Civilian deaths are rising fast.² Refugee flows are monumental in size.³ Material damage is high.⁴ More."
    assert sentences(text) == [
        "Civilian deaths are rising fast.²",
        "Refugee flows are monumental in size.³",
        "Material damage is high.⁴",
        "More.",
    ]


def test_multi_digit_superscripts_stay_with_their_sentence() -> None:
    text = 'Delaying the talks by advancing "unrealistic" demands.¹⁰ President Putin aims for more.'
    assert sentences(text) == ['Delaying the talks by advancing "unrealistic" demands.¹⁰', "President Putin aims for more."]


def test_superscript_after_comma_does_not_end_a_sentence() -> None:
    text = "So are the decision to have Zelensky speak at the US Congress,¹³ the announced increase in weapons. Next."
    assert sentences(text) == [
        "So are the decision to have Zelensky speak at the US Congress,¹³ the announced increase in weapons.",
        "Next.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "it is over." Then he left.', ['He said "it is over."', "Then he left."]),
        ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
        ("Lavrov said it was ‘settled.’ It is not.", ["Lavrov said it was ‘settled.’", "It is not."]),
        ("The plan (see above.) Then more.", ["The plan (see above.)", "Then more."]),
        ("It was “settled for good” (it’s not). There is more.", ["It was “settled for good” (it’s not).", "There is more."]),
        ("Is it? Yes! Really… Fine.", ["Is it?", "Yes!", "Really…", "Fine."]),
        ("Wait... What happened?! Nothing.", ["Wait...", "What happened?!", "Nothing."]),
    ],
)
def test_closing_quotes_brackets_and_other_terminators(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_are_exact_offsets_and_respect_the_range() -> None:
    text = "  Skip this. First one.  Second one.\n\nThird one. Not this."
    start, end = text.index("First"), text.index(" Not this")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one.", "Third one."]
    check_spans(text, spans, start, end)


def test_empty_and_blank_text_give_no_spans() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t  ") == []


def test_text_without_terminator_is_one_sentence() -> None:
    assert sentences("  a heading without a full stop  ") == ["a heading without a full stop"]


def test_the_real_footnoted_paragraph() -> None:
    """002's second paragraph, as cleaned: the superscripts end the sentences they follow."""
    text = (REAL_CORPUS / DOC_002).read_text(encoding="utf-8")
    para = next(p for p in text.split("\n\n") if p.startswith("The war is causing immense harm."))
    found = sentences(para)
    assert found[0] == "The war is causing immense harm."
    assert found[1] == "Civilian deaths are apparently modest, although they are rising fast.²"
    assert found[2].startswith("Refugee flows, involving up to ten million people")


# ---- over-long sentences -------------------------------------------------------------------


def test_overlong_sentence_is_cut_at_a_clause_boundary() -> None:
    clause = "the negotiators met again in Istanbul, "
    text = "Because " + clause * 60 + "nothing changed."
    spans = split_sentences(text)
    check_spans(text, spans)
    assert len(spans) >= 2
    for s, e in spans[:-1]:
        assert text[s:e].endswith(","), text[s:e][-20:]


def test_overlong_sentence_without_any_space_is_cut_at_the_limit() -> None:
    text = "x" * (MAX_SENTENCE_CHARS * 2 + 7)
    spans = split_sentences(text)
    assert spans == [(0, MAX_SENTENCE_CHARS), (MAX_SENTENCE_CHARS, 2 * MAX_SENTENCE_CHARS), (2 * MAX_SENTENCE_CHARS, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "a" * (MAX_SENTENCE_CHARS - 1) + "\n" + "b" * 100,  # hard cut lands just after a newline
        "word  " * 300,  # double spaces: the cut lands between the two spaces
    ],
    ids=["newline-at-limit", "double-spaces"],
)
def test_overlong_sentence_pieces_are_stripped(text: str) -> None:
    check_spans(text, split_sentences(text))


# ---- properties ----------------------------------------------------------------------------

_PROSE = st.lists(
    st.one_of(
        st.sampled_from(["Mr.", "U.S.", "e.g.", "No.", "J.A.", "etc.", "end.", "why?", "yes!", "so…", "“quoted.”", "(aside.)"]),
        st.sampled_from(["the", "talks", "Russia", "Ukraine", "plan", "15-point", "$800", "*Blitzkrieg*", "a", "I"]),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8),
        st.sampled_from(list(SUPERSCRIPTS) + ["¹⁰", ".¹", ".²³"]),
    ),
    max_size=120,
).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", ""]), min_size=len(words), max_size=len(words)).map(
        lambda gaps: "".join(w + g for w, g in zip(words, gaps))
    )
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=600), _PROSE))
def test_span_properties_on_arbitrary_text(text: str) -> None:
    check_spans(text, split_sentences(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.data())
def test_span_properties_on_a_sub_range(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    check_spans(text, split_sentences(text, start, end), start, end)


_LONG = st.lists(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Z", "Cc")), min_size=1, max_size=30),
    min_size=60,
    max_size=200,
).map(lambda words: " ".join(words) + ".")


@settings(max_examples=60, deadline=None)
@given(_LONG)
def test_long_sentences_single_spaces_keep_all_properties(text: str) -> None:
    """Over-long sentences separated by single spaces only: every property holds."""
    check_spans(text, split_sentences(text))


@settings(max_examples=60, deadline=None)
@example("a" * (MAX_SENTENCE_CHARS - 1) + "\n" + "b" * 100)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
        min_size=60,
        max_size=200,
    ).map("  ".join)
)
def test_long_text_with_arbitrary_whitespace_keeps_all_properties(text: str) -> None:
    check_spans(text, split_sentences(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Headings, bylines and address lines have no full stop: a blank line ends them.
        ("22 March 2022\n\nIstituto Affari Internazionali (IAI)\n\nThe IAI is a think tank. It was founded in 1965.",
         ["22 March 2022", "Istituto Affari Internazionali (IAI)", "The IAI is a think tank.", "It was founded in 1965."]),
        ("Via dei Montecatini, 17\n \n- 22 | 14 An entry", ["Via dei Montecatini, 17", "- 22 | 14 An entry"]),
        # A sentence running on in lower case across a blank line (a page break) stays whole.
        ("A sentence that runs\n\non after a break. Next one.", ["A sentence that runs\n\non after a break.", "Next one."]),
    ],
)
def test_a_blank_line_ends_a_sentence_unless_lower_case_follows(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected

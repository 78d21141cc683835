"""The document metadata prior (qa.retrieval.priors): cards, IDF-weighted matches, capped boosts, dates."""

from __future__ import annotations

import math

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from qa.index.bm25 import BM25Index, stem
from qa.ingest.clean import BODY, BYLINE, FOOTNOTE, TITLE, CleanDocument, Segment
from qa.ingest.discover import DocumentMeta
from qa.retrieval.priors import META_WEIGHT, TITLE_WEIGHT, DocumentPrior, boost, card, spoken_date

# ---- month names from dates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "spoken"),
    [
        ("2022-04-01", "1 April 2022"),
        ("2022-12-31", "31 December 2022"),
        ("2023-01-09", "9 January 2023"),
        ("2022-4-1", "1 April 2022"),
        ("  2022-04-01  ", "1 April 2022"),
        ("2022-04-01T10:30:00Z", "1 April 2022"),
        ("2022-04", "April 2022"),
        ("2022", "2022"),
    ],
)
def test_iso_dates_are_spoken_with_month_names(date: str, spoken: str) -> None:
    assert spoken_date(date) == spoken


@pytest.mark.parametrize("date", [None, ""])
def test_no_date_is_nothing(date) -> None:
    assert spoken_date(date) == ""


def test_a_date_that_is_not_iso_is_kept_as_written() -> None:
    assert spoken_date("April 2022") == "April 2022"
    assert spoken_date("spring 2021") == "spring 2021"


def test_a_month_out_of_range_gets_no_month_name() -> None:
    spoken = spoken_date("2022-13-05")
    assert spoken.endswith("2022")
    assert not any(month in spoken for month in ("January", "December", "13"))


# ---- the card of a document ---------------------------------------------------------------------


def document(meta: DocumentMeta, paragraphs: list[tuple[str, str]]) -> CleanDocument:
    """A clean document whose paragraphs (text, kind) are separated by blank lines."""
    text, segments = "", []
    for body, kind in paragraphs:
        if text:
            text += "\n\n"
        segments.append(Segment(len(text), len(text) + len(body), kind))
        text += body
    return CleanDocument(meta, text, tuple(segments))


META = DocumentMeta(
    "iai.txt", title="Grain Corridor Talks", author="Riccardo Alcaro",
    publisher="Istituto Affari Internazionali", date="2022-04-01", kind="Commentary",
)


def test_card_holds_metadata_and_byline_terms_with_their_weights() -> None:
    doc = document(META, [("Grain Corridor Talks", TITLE), ("By Nathalie Tocci and Riccardo Alcaro", BYLINE),
                          ("Shipping insurers remain cautious.", BODY), ("1 Reuters report.", FOOTNOTE)])
    terms = dict(card(doc))
    expected = {
        # Title words describe content too: half weight.
        stem("grain"): TITLE_WEIGHT, stem("corridor"): TITLE_WEIGHT, stem("talks"): TITLE_WEIGHT,
        # Author, publisher, kind, spoken date and byline: full weight ("by", "and" are stop words).
        stem("riccardo"): META_WEIGHT, stem("alcaro"): META_WEIGHT, stem("istituto"): META_WEIGHT,
        stem("affari"): META_WEIGHT, stem("internazionali"): META_WEIGHT, stem("commentary"): META_WEIGHT,
        stem("april"): META_WEIGHT, "2022": META_WEIGHT, stem("nathalie"): META_WEIGHT, stem("tocci"): META_WEIGHT,
    }
    assert terms == expected
    assert terms[stem("grain")] < terms[stem("alcaro")]
    # Body and footnote words are content, not metadata.
    assert stem("shipping") not in terms and stem("reuters") not in terms


def test_card_is_sorted_and_keeps_the_highest_weight_per_stem() -> None:
    meta = DocumentMeta("x.txt", title="Alcaro on Talks", author="Riccardo Alcaro", kind="talk")
    # The title segment comes after the metadata fields: its lower weight must not win.
    pairs = card(document(meta, [("Alcaro on Grain Talks", TITLE), ("Body text here.", BODY)]))
    assert pairs == sorted(pairs)
    terms = dict(pairs)
    assert len(terms) == len(pairs)  # one entry per stem
    assert terms[stem("alcaro")] == META_WEIGHT  # in the title (0.5) and as author (1.0)
    assert terms[stem("grain")] == TITLE_WEIGHT  # only in the title segment
    assert terms[stem("talks")] == META_WEIGHT  # "Talks" (title) and "talk" (kind) share a stem
    assert terms[stem("riccardo")] == META_WEIGHT


def test_card_of_a_document_with_no_metadata_is_empty() -> None:
    assert card(document(DocumentMeta("bare.txt"), [("Only body text.", BODY)])) == []


# ---- IDF-weighted matching ---------------------------------------------------------------------

PASSAGES = ["Ukraine peace talks in Istanbul", "Ukraine security guarantees", "Alcaro writes about Europe"]


@pytest.fixture(scope="module")
def bm25() -> BM25Index:
    return BM25Index.build(PASSAGES)


def idf(df: int, total: int) -> float:
    return math.log(1.0 + (total - df + 0.5) / (df + 0.5))


@pytest.fixture(scope="module")
def prior(bm25: BM25Index) -> DocumentPrior:
    cards = [
        [(stem("alcaro"), 1.0), (stem("iai"), 1.0), (stem("ukraine"), 0.5)],
        [(stem("ukraine"), 0.5), (stem("april"), 1.0)],
        [],
    ]
    return DocumentPrior(["a.txt", "b.txt", "c.txt"], cards, bm25)


def test_terms_are_weighted_by_idf_over_passages_and_cards(prior: DocumentPrior) -> None:
    total = 3 + 3  # passages + cards
    # "alcaro": on 1 card and in 1 passage; "ukraine": on 2 cards and in 2 passages; "iai", "april": 1 card.
    alcaro, ukraine, rare = idf(2, total), idf(4, total), idf(1, total)
    assert_allclose(prior.scores([stem("alcaro")]), [alcaro, 0.0, 0.0])
    assert_allclose(prior.scores([stem("ukraine")]), [0.5 * ukraine, 0.5 * ukraine, 0.0])
    assert_allclose(prior.scores([stem("iai")]), [rare, 0.0, 0.0])
    assert_allclose(prior.scores([stem("april")]), [0.0, rare, 0.0])
    # Sums over distinct question terms: a word repeated in the question counts once.
    both = [stem("alcaro"), stem("ukraine"), stem("ukraine"), stem("alcaro")]
    assert_allclose(prior.scores(both), [alcaro + 0.5 * ukraine, 0.5 * ukraine, 0.0])
    # A word found all over the corpus counts for less than a rare one.
    assert rare > alcaro > ukraine > 0


def test_terms_on_no_card_match_nothing(prior: DocumentPrior) -> None:
    scores = prior.scores([stem("istanbul"), "zzz", ""])
    assert scores.dtype == np.float64
    assert_array_equal(scores, [0.0, 0.0, 0.0])
    assert_array_equal(prior.scores([]), [0.0, 0.0, 0.0])


def test_document_positions(prior: DocumentPrior) -> None:
    assert len(prior) == 3
    assert [prior.position(d) for d in ("a.txt", "b.txt", "c.txt", "unknown.txt")] == [0, 1, 2, -1]


# ---- boost ---------------------------------------------------------------------------------------


def test_boost_is_one_plus_weight_times_the_match_above_the_weakest() -> None:
    assert_allclose(boost(np.array([0.0, 2.0, 4.0]), 0.1, 5.0), [1.0, 1.2, 1.4])
    assert_allclose(boost(np.array([3.0, 4.0]), 0.5, 5.0), [1.0, 1.5])


def test_boost_is_capped() -> None:
    assert_allclose(boost(np.array([0.0, 2.0, 10.0, 100.0]), 0.1, 5.0), [1.0, 1.2, 1.5, 1.5])
    assert_allclose(boost(np.array([0.0, 7.0]), 0.1, 0.0), [1.0, 1.0])


def test_boost_with_negative_scores_is_relative_to_the_lowest() -> None:
    assert_allclose(boost(np.array([-1.0, 1.0, -1.0]), 0.25, 5.0), [1.0, 1.5, 1.0])


def test_boost_of_equal_scores_or_zero_weight_changes_nothing() -> None:
    assert_allclose(boost(np.array([3.0, 3.0, 3.0]), 0.1, 5.0), [1.0, 1.0, 1.0])
    assert_allclose(boost(np.array([0.0, 9.0]), 0.0, 5.0), [1.0, 1.0])


def test_boost_of_no_documents_is_empty() -> None:
    assert boost(np.zeros(0), 0.1, 5.0).shape == (0,)

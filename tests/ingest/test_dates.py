"""Dates as people write them, read back as numbers."""

from __future__ import annotations

import pytest

from qa.ingest.dates import date_parts, earlier_than, spoken_date


@pytest.mark.parametrize(
    ("text", "parts"),
    [("24 February 2022", (2022, 2, 24)), ("2022-04-01", (2022, 4, 1)), ("signed in 1994", (1994,)),
     ("March 2022", (2022, 3)), ("February 24, 2022", (2022, 2, 24)), ("Sept. 12 2001", (2001, 9, 12)),
     ("within the next few weeks", ()), (None, ()), ("", ())],
)
def test_date_parts(text, parts):
    assert date_parts(text) == parts


def test_earlier_than_compares_as_far_as_both_dates_say():
    assert earlier_than((2022, 2, 24), (2022, 4, 1))
    assert not earlier_than((2022, 4, 1), (2022, 2, 24))
    assert not earlier_than((2022,), (2022, 4, 1))  # the same year: not known to be before
    assert earlier_than((1994,), (2022, 4, 1))
    assert not earlier_than((), (2022, 4, 1))


def test_spoken_date_and_date_parts_agree():
    assert date_parts(spoken_date("2022-03-22")) == (2022, 3, 22)

"""Tests for the GOLD_FORMAT normalisation and the SQuAD answer normalisation."""

from __future__ import annotations

import pytest

from qa.evaluation.normalize import normalize_text, squad_normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hello World", "hello world"),
        ("  padded\t\ttext \n", "padded text"),
        ("line one\nline two\r\nline three", "line one line two line three"),
        ("non\u00a0breaking\u2003spaces", "non breaking spaces"),
        ("Russia\u2019s \u2018quoted\u2019", "russia's 'quoted'"),
        ("\u201cDouble\u201d quotes", '"double" quotes'),
        ("costs \\$300 billion", "costs $300 billion"),
        ("\\*emphasis\\* and \\_under\\_", "*emphasis* and _under_"),
        # A backslash before a letter is not an escape and stays.
        ("C:\\temp", "c:\\temp"),
        # An escaped backslash reads as one backslash; the `$` after it stays as it is.
        ("\\\\$", "\\$"),
        # Decomposed e + combining acute becomes the composed character.
        ("Cafe\u0301", "caf\u00e9"),
        ("", ""),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_text_nfc_makes_both_spellings_equal() -> None:
    assert normalize_text("Zelenskyy\u0301") == normalize_text("Zelensky\u00fd")


def test_normalize_text_keeps_punctuation() -> None:
    # Quotes are matched as substrings, so punctuation must survive.
    assert normalize_text("Sberbank, VTB.") == "sberbank, vtb."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The Sberbank", "sberbank"),
        ("an apple a day", "apple day"),
        ("Theatre, another", "theatre another"),
        ("U.S. $5-billion!", "us 5billion"),
        ("  many   spaces ", "many spaces"),
        ("Russia\u2019s bank", "russias bank"),
        ("\u201cQuoted\u201d", "quoted"),
        ("\\$300", "300"),
        ("the", ""),
        ("Cafe\u0301", "caf\u00e9"),
    ],
)
def test_squad_normalize(raw: str, expected: str) -> None:
    assert squad_normalize(raw) == expected


def test_squad_normalize_makes_curly_and_straight_apostrophes_equal() -> None:
    # Official SQuAD keeps "’" (not ASCII punctuation); GOLD_FORMAT straightens it first.
    assert squad_normalize("Russia\u2019s") == squad_normalize("Russia's") == "russias"


def test_contains_normalize_turns_punctuation_and_superscripts_into_word_breaks() -> None:
    from qa.evaluation.normalize import contains_normalize

    assert contains_normalize("A 10-point plan.") == "10 point plan"
    assert contains_normalize("Sberbank’s \\$9 billion¹²") == "sberbank s 9 billion"
    assert contains_normalize("“The” talks—in Istanbul…") == "talks in istanbul"
    assert contains_normalize("  Ünïcode\tNFC  ") == contains_normalize("Ünïcode NFC")

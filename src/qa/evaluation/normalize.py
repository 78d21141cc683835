"""Text normalisation for the gold-set rules (see GOLD_FORMAT.md) and SQuAD answer scoring."""

from __future__ import annotations

import re
import string
import unicodedata

from qa.ingest.sentences import SUPERSCRIPTS

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
# "Punctuation" as in Markdown escapes: the ASCII punctuation set, which includes `$` and `\`.
_ESCAPED_PUNCT = re.compile(r"\\([" + re.escape(string.punctuation) + r"])")
_WHITESPACE = re.compile(r"\s+")
_SQUAD_PUNCT = frozenset(string.punctuation)
_SQUAD_ARTICLES = re.compile(r"\b(a|an|the)\b")


def _unify_characters(s: str) -> str:
    """Apply the character-level steps: NFC, straight quotes, unescaped punctuation."""
    s = unicodedata.normalize("NFC", s)
    s = s.translate(_QUOTES)
    # Left to right, so `\\$` becomes `\$` as a Markdown reader would show it.
    return _ESCAPED_PUNCT.sub(r"\1", s)


def normalize_text(s: str) -> str:
    """Normalise text as GOLD_FORMAT.md says, for matching quotes against passages.

    Args:
        s: Any text.

    Returns:
        `s` in Unicode NFC, with curly quotes made straight, a backslash before an ASCII
        punctuation character dropped, whitespace runs collapsed to one space, lowercased
        and stripped.
    """
    s = _unify_characters(s)
    s = _WHITESPACE.sub(" ", s)
    return s.lower().strip()


def squad_normalize(s: str) -> str:
    """Normalise an answer as the official SQuAD v1.1 script does, after GOLD_FORMAT's character steps.

    Args:
        s: An answer, predicted or gold.

    Returns:
        `s` after NFC, straight quotes and unescaping, then SQuAD's lowercase, punctuation
        removal, article (a/an/the) removal and whitespace collapse.
    """
    s = _unify_characters(s)
    # Same steps and order as SQuAD's normalize_answer: lower, punctuation, articles, spaces.
    s = s.lower()
    s = "".join(ch for ch in s if ch not in _SQUAD_PUNCT)
    s = _SQUAD_ARTICLES.sub(" ", s)
    return " ".join(s.split())


def _is_break(ch: str) -> bool:
    """Punctuation (ASCII or any Unicode P* category) or a footnote superscript: a word break for `contains`."""
    return ch in _SQUAD_PUNCT or ch in SUPERSCRIPTS or unicodedata.category(ch).startswith("P")


def contains_normalize(s: str) -> str:
    """Normalise text for the `contains` rule of GOLD_FORMAT.md.

    Args:
        s: An answer text or a gold answer.

    Returns:
        `s` after NFC, straight quotes and unescaping, lowercased, with punctuation and
        footnote superscripts turned into spaces (so "10-point" holds the word "10"), the
        articles a/an/the dropped and whitespace collapsed to single spaces.
    """
    s = _unify_characters(s).lower()
    s = "".join(" " if _is_break(ch) else ch for ch in s)
    s = _SQUAD_ARTICLES.sub(" ", s)
    return " ".join(s.split())

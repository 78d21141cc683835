"""Who said it: a short label naming a document's author or kind, publisher and date, put before
each document's sentences when an answer quotes more than one document."""

from __future__ import annotations

import re
from typing import Any, Mapping

from qa.ingest.dates import spoken_date

_PARENTHESISED = re.compile(r"\(([^()]{1,20})\)\s*$")


def source_label(meta: Mapping[str, Any]) -> str:
    """A document as a reader would name it: "Alcaro (IAI, 22 March 2022)", or without an author
    "The 1 April 2022 opinion commentary", or its title and date, or its file name.

    Args:
        meta: the document's metadata (`DocumentRecord.meta`: title, author, publisher, date, kind, doc_id).
    """
    date = spoken_date(_text(meta.get("date")))
    author = _text(meta.get("author"))
    if author:
        details = ", ".join(p for p in (_short_publisher(_text(meta.get("publisher"))), date) if p)
        surname = author.split()[-1]
        return f"{surname} ({details})" if details else surname
    kind = _text(meta.get("kind"))
    if kind:
        return " ".join(p for p in ("The", date, kind) if p)
    title = _text(meta.get("title"))
    if title:
        return f"“{title}” ({date})" if date else f"“{title}”"
    return _text(meta.get("doc_id")) or "Unknown source"


def same_work(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two documents are parts of one titled work (the same title, author, publisher and
    date), as the paragraphs of one article are: figures that differ between them are not two
    sources that disagree."""
    fields = ("title", "author", "publisher", "date")
    return bool(_text(a.get("title"))) and all(_text(a.get(f)) == _text(b.get(f)) for f in fields)


def _short_publisher(publisher: str) -> str:
    """"Istituto Affari Internazionali (IAI)" -> "IAI"; other names as they are."""
    match = _PARENTHESISED.search(publisher)
    return match.group(1).strip() if match else publisher


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""

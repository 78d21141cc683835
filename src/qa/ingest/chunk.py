"""Sentence-aware chunking: passages of whole sentences, sized in word pieces, with overlap."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Callable, Sequence

from qa.ingest.clean import BODY, BOILERPLATE, BYLINE, FOOTNOTE, HEADING, TITLE, CleanDocument, Segment
from qa.settings import ChunkSettings
from qa.ingest.sentences import split_sentences

TokenCounter = Callable[[Sequence[str]], list[int]]


@dataclass(frozen=True)
class Chunk:
    """A passage: clean_text[start:end] == text, plus where it sits in the document."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    kind: str
    paragraph: int | None
    paragraph_end: int | None
    page: int | None
    page_end: int | None
    section: str | None
    footnote: int | None
    tokens: int

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Chunk:
        return cls(**{name: data.get(name) for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    tokens: int
    segment: Segment
    last_in_paragraph: bool


def chunk_document(doc: CleanDocument, count_tokens: TokenCounter, settings: ChunkSettings) -> list[Chunk]:
    """Cut a clean document into chunks of whole sentences.

    Body paragraphs are packed per section (chunks never cross a heading), each footnote is
    its own passage, boilerplate is packed on its own, and the title with the byline make a
    front-matter passage of kind "title" (so "who wrote ..." finds the byline). A chunk closes early at a
    paragraph end once it is `min_fill` full; the next chunk repeats `overlap_sentences`.
    A single sentence longer than `max_tokens` becomes a chunk of its own.
    """
    groups: list[list[Segment]] = []
    current: list[Segment] = []
    current_key: tuple | None = None
    for segment in doc.segments:
        if segment.kind == HEADING:
            key = None
        elif segment.kind == BODY:
            key = (BODY, segment.section)
        elif segment.kind == FOOTNOTE:
            key = (FOOTNOTE, segment.start)
        elif segment.kind == BOILERPLATE:
            key = (BOILERPLATE,)
        elif segment.kind in (TITLE, BYLINE):
            key = (TITLE,)
        else:
            key = None
        if key != current_key and current:
            groups.append(current)
            current = []
        current_key = key
        if key is not None:
            current.append(segment)
    if current:
        groups.append(current)

    spans: list[tuple[int, int, Segment, bool]] = []
    for group in groups:
        for segment in group:
            sentence_spans = split_sentences(doc.text, segment.start, segment.end)
            for n, (s, e) in enumerate(sentence_spans):
                spans.append((s, e, segment, n == len(sentence_spans) - 1))
    counts = count_tokens([doc.text[s:e] for s, e, _, _ in spans]) if spans else []
    sentences = [_Sentence(s, e, c, seg, last) for (s, e, seg, last), c in zip(spans, counts)]

    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    at = 0
    for group in groups:
        members = {id(seg) for seg in group}
        group_sentences = []
        while at < len(sentences) and id(sentences[at].segment) in members:
            group_sentences.append(sentences[at])
            at += 1
        for first, last in _pack(group_sentences, settings):
            chunks.append(_make_chunk(doc, group_sentences[first : last + 1], seen))
    return chunks


def _pack(sentences: list[_Sentence], settings: ChunkSettings) -> list[tuple[int, int]]:
    """Index ranges [first, last] of sentences per chunk."""
    ranges: list[tuple[int, int]] = []
    first = 0
    n = len(sentences)
    while first < n:
        total = sentences[first].tokens
        last = first
        while last + 1 < n and total + sentences[last + 1].tokens <= settings.max_tokens:
            if sentences[last].last_in_paragraph and total >= settings.min_fill * settings.max_tokens:
                break
            last += 1
            total += sentences[last].tokens
        ranges.append((first, last))
        if last + 1 >= n:
            break
        # Overlap, but always move forward, and only when the overlap leaves room for new text.
        nxt = max(last + 1 - settings.overlap_sentences, first + 1)
        if sum(s.tokens for s in sentences[nxt : last + 2]) > settings.max_tokens:
            nxt = last + 1
        first = nxt
    return ranges


def _make_chunk(doc: CleanDocument, sentences: list[_Sentence], seen: dict[str, int]) -> Chunk:
    start, end = sentences[0].start, sentences[-1].end
    text = doc.text[start:end]
    first, last = sentences[0].segment, sentences[-1].segment
    # Ids derive from content, so they survive edits elsewhere in the document;
    # the occurrence number tells repeated texts apart.
    occurrence = seen.get(text, 0)
    seen[text] = occurrence + 1
    digest = hashlib.sha256(f"{doc.meta.doc_id}\x00{occurrence}\x00{text}".encode()).hexdigest()[:16]
    return Chunk(
        id=digest,
        doc_id=doc.meta.doc_id,
        start=start,
        end=end,
        text=text,
        kind=TITLE if first.kind == BYLINE else first.kind,
        paragraph=first.paragraph,
        paragraph_end=last.paragraph,
        page=first.page,
        page_end=last.page_end,
        section=first.section,
        footnote=first.footnote,
        tokens=sum(s.tokens for s in sentences),
    )

"""From raw paragraphs to one clean text per document, with typed segments and exact offsets.

What cleaning repairs, and why:
- a metadata line glued to the first sentence (`date 2022-04-01 So far, ...`) is moved into
  the metadata, so it neither reads as prose nor pollutes the first passage;
- PDF page breaks print footnotes (and page furniture such as an author note) in the middle
  of a sentence; the body sentence is rejoined and the footnotes are moved after the body,
  where each stays searchable as its own passage;
- `\\$`-style Markdown escapes lose their backslash; `*emphasis*` is kept in the text, so a
  quotation copied from the source still matches, and is rendered (UI) or ignored (search);
- section breaks (`* * *`) are dropped and headings become section names;
- publisher back matter (signature date, address, lists of other titles) is marked as
  boilerplate: indexed, but ranked down so it does not crowd out the article.

Layout of the clean text: title, byline, body (with headings), footnotes, boilerplate,
paragraphs separated by a blank line.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from qa.ingest.dates import DATE_ONLY
from qa.ingest.discover import DocumentMeta
from qa.ingest.loaders import Block, RawDocument
from qa.ingest.sentences import SUPERSCRIPTS

BODY = "body"
FOOTNOTE = "footnote"
BOILERPLATE = "boilerplate"
HEADING = "heading"
TITLE = "title"
BYLINE = "byline"
# Kinds that become passages; headings, title and byline are carried as metadata instead.
INDEXED_KINDS = (BODY, FOOTNOTE, BOILERPLATE)

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPACES = re.compile(r"\s+")
_SEPARATOR = re.compile(r"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|(?:#\s*){3,}|(?:·\s*){3,})$")
_LEADING_META = re.compile(r"^(?:date|published|dated)\s*:?\s+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^([" + SUPERSCRIPTS + r"]+|\[\d{1,3}\])\s+\S")
_PARTICLE = r"(?:van|von|der|den|de|da|di|del|della|du|la|le|bin|ibn|al|el|y)"
_NAME_WORD = rf"(?:[A-ZÀ-Þ][\w.'’-]*|{_PARTICLE})"
_AUTHOR = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}"
_BYLINE = re.compile(rf"^(?i:by)\s+(?P<author>{_AUTHOR}(?:\s*(?:,|and|&)\s*{_AUTHOR})*)$")
_FINISHED = re.compile(r"[.!?…:]['\"”’)\]]*[" + SUPERSCRIPTS + r"]*$|[\"”’)\]]$")
_DATE_LINE = re.compile(rf"^{DATE_ONLY}$", re.IGNORECASE)
_BACK_MATTER = re.compile(r"^(?:©|\(c\)\s|copyright\b|all rights reserved|latest\s|related\s|recent\s|more from\s)", re.IGNORECASE)
_SUPERSCRIPT_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")


@dataclass(frozen=True)
class Segment:
    """A paragraph of the clean text: [start, end) offsets, its kind, and where it came from."""

    start: int
    end: int
    kind: str
    paragraph: int | None = None
    page: int | None = None
    page_end: int | None = None
    section: str | None = None
    footnote: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class CleanDocument:
    """A document's clean text, the segments that tile it, and its (completed) metadata."""

    meta: DocumentMeta
    text: str
    segments: tuple[Segment, ...]

    def to_dict(self) -> dict:
        return {"meta": self.meta.to_dict(), "text": self.text, "segments": [s.to_dict() for s in self.segments]}


@dataclass
class _Para:
    text: str
    page: int | None
    page_end: int | None
    kind: str
    html_heading: bool = False
    footnote: int | None = None


def normalize_paragraph(text: str) -> str:
    """Collapse whitespace and drop Markdown backslash escapes (`\\$` -> `$`)."""
    return _SPACES.sub(" ", _ESCAPE.sub(r"\1", text)).strip()


def clean(raw: RawDocument, meta: DocumentMeta) -> CleanDocument:
    """Clean one document; see the module docstring for what is repaired."""
    found = dict(raw.found_meta)
    paras = [_Para(normalize_paragraph(b.text), b.page, b.page, BODY, b.heading) for b in raw.blocks]
    paras = [p for p in paras if p.text and not _SEPARATOR.match(p.text)]
    if paras:
        match = _LEADING_META.match(paras[0].text)
        if match:
            found.setdefault("date", match.group(1))
            paras[0].text = paras[0].text[match.end():]
            if not paras[0].text:
                paras.pop(0)
    meta = meta.merged(**found)
    _classify(paras, meta)
    _rejoin(paras)
    # A title and byline printed in the document complete what the sidecar leaves empty.
    title = next((p.text for p in paras if p.kind == TITLE), None)
    byline = next((_BYLINE.match(p.text) for p in paras if p.kind == BYLINE), None)
    meta = meta.merged(title=title, author=byline.group("author") if byline else None)
    return _assemble(paras, meta)


def _classify(paras: list[_Para], meta: DocumentMeta) -> None:
    total = sum(len(p.text) for p in paras) or 1
    seen = 0
    back_matter = False
    for i, para in enumerate(paras):
        text = para.text
        position = seen / total
        seen += len(text)
        footnote = _FOOTNOTE.match(text)
        if back_matter:
            para.kind = BOILERPLATE
        elif footnote:
            para.kind = FOOTNOTE
            para.footnote = int(footnote.group(1).strip("[]").translate(_SUPERSCRIPT_DIGITS))
        elif position > 0.5 and (_DATE_LINE.match(text) or _BACK_MATTER.match(text)):
            back_matter = True
            para.kind = BOILERPLATE
        elif i < 4 and _BYLINE.match(text):
            para.kind = BYLINE
        elif i == 0 and _is_heading_like(text) and (
            para.html_heading or _same_words(text, meta.title) or _next_is_byline(paras, i) or _next_starts_upper(paras, i)
        ):
            para.kind = TITLE
        elif para.html_heading or (_is_heading_like(text) and _next_starts_upper(paras, i)):
            para.kind = HEADING


def _is_heading_like(text: str) -> bool:
    return len(text) <= 120 and len(text.split()) <= 16 and not _FINISHED.search(text) and not text.endswith((",", ";"))


def _same_words(a: str, b: str | None) -> bool:
    return b is not None and re.findall(r"\w+", a.lower()) == re.findall(r"\w+", b.lower())


def _next_is_byline(paras: list[_Para], i: int) -> bool:
    return i + 1 < len(paras) and bool(_BYLINE.match(paras[i + 1].text))


def _next_starts_upper(paras: list[_Para], i: int) -> bool:
    """True when the next paragraph starts a new sentence right away (no footnotes in between)."""
    if i + 1 >= len(paras):
        return False
    nxt = paras[i + 1]
    return nxt.kind == BODY and not _FOOTNOTE.match(nxt.text) and nxt.text[:1].isupper()


def _rejoin(paras: list[_Para]) -> None:
    """Merge body paragraphs split by a page break, in place.

    A body paragraph that does not end a sentence continues in the next body paragraph when
    that one starts in lower case, or, when footnotes were printed in between, in the first
    paragraph after them. Paragraphs between the footnotes and a lower-case continuation (an
    author note at the page foot) become boilerplate. The first paragraph of each merged run
    gets kind "body-start" and the whole text; the others get kind "merged".
    """
    i = 0
    while i < len(paras):
        para = paras[i]
        i += 1
        if para.kind != BODY:
            continue
        while not _FINISHED.search(para.text):
            found, furniture = _continuation(paras, i, len(para.text))
            if found is None:
                break
            for k in furniture:
                paras[k].kind = BOILERPLATE
            nxt = paras[found]
            para.text = f"{para.text} {nxt.text}"
            para.page_end = nxt.page_end
            nxt.kind = "merged"
            i = found + 1
        para.kind = "body-start"


def _continuation(paras: list[_Para], i: int, length: int) -> tuple[int | None, list[int]]:
    """Where the sentence broken off just before paras[i] goes on, and the furniture in between."""
    j = i
    while j < len(paras) and paras[j].kind == FOOTNOTE:
        j += 1
    footnotes = j - i
    if j >= len(paras) or paras[j].kind not in (BODY, HEADING):
        return None, []
    if paras[j].text[:1].islower():
        return j, []
    if not footnotes:
        return None, []
    furniture: list[int] = []
    for k in range(j, min(j + 6, len(paras))):
        if paras[k].kind == FOOTNOTE:
            continue
        if paras[k].kind not in (BODY, HEADING) or len(furniture) > 2:
            break
        if paras[k].text[:1].islower():
            return k, furniture
        furniture.append(k)
    # No lower-case continuation: the sentence goes on in the first paragraph after the footnotes.
    return (j, []) if length > 60 else (None, [])


def _assemble(paras: list[_Para], meta: DocumentMeta) -> CleanDocument:
    parts: list[tuple[str, str, _Para, str | None]] = []  # (kind, text, para, section)
    section: str | None = None
    for para in paras:
        if para.kind in (TITLE, BYLINE):
            parts.append((para.kind, para.text, para, None))
        elif para.kind == HEADING:
            section = para.text
            parts.append((HEADING, para.text, para, section))
        elif para.kind == "body-start":
            parts.append((BODY, para.text, para, section))
    parts.extend((FOOTNOTE, p.text, p, None) for p in paras if p.kind == FOOTNOTE)
    parts.extend((BOILERPLATE, p.text, p, None) for p in paras if p.kind == BOILERPLATE)

    pieces: list[str] = []
    segments: list[Segment] = []
    offset = 0
    paragraph = 0
    for kind, text, para, sect in parts:
        if pieces:
            pieces.append("\n\n")
            offset += 2
        number = None
        if kind in (BODY, BOILERPLATE):
            paragraph += 1
            number = paragraph
        segments.append(
            Segment(offset, offset + len(text), kind, number, para.page, para.page_end, sect, para.footnote)
        )
        pieces.append(text)
        offset += len(text)
    return CleanDocument(meta=meta, text="".join(pieces), segments=tuple(segments))

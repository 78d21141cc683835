"""Reading files into raw paragraphs: plain text, Markdown, HTML and PDF (with page numbers)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa.settings import MAX_DOCUMENT_BYTES
from qa.errors import DocumentError

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")


@dataclass(frozen=True)
class Block:
    """One raw paragraph as it appears in the file, with its page (1-based) when the file has pages."""

    text: str
    page: int | None = None
    heading: bool = False


@dataclass(frozen=True)
class RawDocument:
    """A file's paragraphs in reading order, plus metadata the file itself declares."""

    blocks: list[Block]
    found_meta: dict[str, str] = field(default_factory=dict)


def load(path: Path) -> RawDocument:
    """Read one document; raises DocumentError saying why a file cannot be used."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise DocumentError(f"{path} disappeared before it could be read") from exc
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc}") from exc
    if size == 0:
        raise DocumentError(f"{path} is empty")
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"{path} is {size / 2**20:.0f} MB, over the {MAX_DOCUMENT_BYTES / 2**20:.0f} MB limit; split it")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _valid_unicode(_load_pdf(path))
    text = _read_text(path)
    if suffix in (".html", ".htm"):
        return _valid_unicode(_load_html(text, path))
    if suffix in (".md", ".markdown"):
        return _load_markdown(text)
    return RawDocument(blocks=split_paragraphs(text))


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _valid_unicode(raw: RawDocument) -> RawDocument:
    """The document with lone surrogates (from `&#xD800;` in HTML, or a broken PDF font map)
    replaced by U+FFFD: they cannot be written as UTF-8, and would stop the index being saved."""
    if not any(_SURROGATE.search(b.text) for b in raw.blocks) and not any(_SURROGATE.search(v) for v in raw.found_meta.values()):
        return raw
    blocks = [Block(_SURROGATE.sub("\ufffd", b.text), b.page, b.heading) for b in raw.blocks]
    found = {k: _SURROGATE.sub("\ufffd", v) for k, v in raw.found_meta.items()}
    return RawDocument(blocks=blocks, found_meta=found)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(f"{path} disappeared before it could be read") from exc
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror or exc}") from exc
    # A NUL byte never occurs in real text files; it marks a binary file with a text name.
    if b"\x00" in data[:65536]:
        raise DocumentError(f"{path} looks binary (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path} is not valid UTF-8 (byte {exc.start}); convert it, e.g. `iconv -f latin1 -t utf-8`"
        ) from exc


def split_paragraphs(text: str, page: int | None = None) -> list[Block]:
    """Paragraphs separated by blank lines; list items stay separate; wrapped lines are joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    for chunk in _BLANK_LINE.split(text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        current: list[str] = []
        for line in lines:
            if _LIST_ITEM.match(line) and current:
                blocks.append(Block(" ".join(current), page))
                current = []
            current.append(line)
        blocks.append(Block(" ".join(current), page))
    return blocks


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")


def _load_markdown(text: str) -> RawDocument:
    """Markdown: YAML-style front matter gives metadata, `#` headings become heading blocks
    (the first level-1 heading is the title); everything else is read like plain text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).split("\n"):
            key, sep, value = line.partition(":")
            if sep and key.strip().lower() in ("title", "author", "publisher", "date", "kind", "source"):
                found[key.strip().lower()] = value.strip().strip("\"'")
        text = text[match.end() :]
    blocks: list[Block] = []
    run: list[str] = []
    for line in text.split("\n"):
        heading = _ATX_HEADING.match(line)
        if heading:
            blocks.extend(split_paragraphs("\n".join(run)))
            run = []
            blocks.append(Block(heading.group(2), None, heading=True))
            if heading.group(1) == "#":
                found.setdefault("title", heading.group(2))
        else:
            run.append(line)
    blocks.extend(split_paragraphs("\n".join(run)))
    return RawDocument(blocks=blocks, found_meta=found)


_HTML_DROP = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button", "head", "nav")
_HTML_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements that start a paragraph of their own; text inside inline elements joins its block.
_HTML_BLOCKS = _HTML_HEADINGS | {
    "p", "li", "blockquote", "pre", "td", "th", "dt", "dd", "figcaption", "caption", "div", "section",
    "article", "main", "header", "footer", "aside", "body", "html", "ul", "ol", "dl", "table", "tr",
    "figure", "address", "details", "summary",
}


def _load_html(markup: str, path: Path) -> RawDocument:
    from bs4 import BeautifulSoup  # lazy: only HTML documents need it
    from bs4.element import NavigableString, PreformattedString

    soup = BeautifulSoup(markup, "html.parser")
    found: dict[str, str] = {}
    if soup.title and soup.title.get_text(strip=True):
        found["title"] = soup.title.get_text(" ", strip=True)
    for name, key in (("author", "author"), ("date", "date"), ("article:published_time", "date")):
        tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", attrs={"property": name})
        if tag and tag.get("content"):
            found.setdefault(key, str(tag["content"]).strip())
    for tag in soup.find_all(_HTML_DROP):
        tag.decompose()
    blocks: list[Block] = []
    owner = None
    parts: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(parts).split())
        if text:
            blocks.append(Block(text, None, heading=owner is not None and owner.name in _HTML_HEADINGS))
        parts.clear()

    # Each text node belongs to its nearest block element; a new owner starts a new paragraph,
    # so text directly in a <div> or before a nested list is kept, in reading order.
    owners: dict[int, Any] = {}
    for node in soup.find_all(string=True):
        if isinstance(node, PreformattedString) or not isinstance(node, NavigableString) or not node.strip():
            continue
        block = _nearest_block(node.parent, owners)
        if block is not owner:
            flush()
            owner = block
        parts.append(str(node))
    flush()
    if not blocks:
        raise DocumentError(f"{path}: the HTML page contains no text")
    return RawDocument(blocks=blocks, found_meta=found)


def _nearest_block(tag, owners: dict[int, Any]):
    """The tag itself or its nearest ancestor that is a block element (None above the root).

    `owners` remembers the answer for every tag walked (by id: tags compare by content), so a
    page of n nested inline elements costs O(n), not O(n^2) as a walk from every text node would.
    """
    walked = []
    found = None
    while tag is not None:
        if id(tag) in owners:
            found = owners[id(tag)]
            break
        if tag.name in _HTML_BLOCKS:
            found = tag
            break
        walked.append(tag)
        tag = tag.parent
    for inline in walked:
        owners[id(inline)] = found
    return found


def _load_pdf(path: Path) -> RawDocument:
    try:
        from pypdf import PdfReader  # lazy: only PDF documents need it
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a declared dependency
        raise DocumentError("reading PDF needs pypdf: pip install pypdf") from exc
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise DocumentError(f"{path} is encrypted; save an unencrypted copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise DocumentError(f"{path} is not a readable PDF: {exc}") from exc
    except Exception as exc:  # pypdf raises many types on broken files; none may stop indexing
        raise DocumentError(f"{path} is not a readable PDF: {type(exc).__name__}: {exc}") from exc
    found = {}
    if getattr(info, "title", None):
        found["title"] = str(info.title)
    if getattr(info, "author", None):
        found["author"] = str(info.author)
    blocks: list[Block] = []
    for number, text in enumerate(pages, start=1):
        blocks.extend(_pdf_page_blocks(text, number))
    if not blocks:
        raise DocumentError(f"{path} has no extractable text (a scanned PDF needs OCR first)")
    return RawDocument(blocks=blocks, found_meta=found)


def _pdf_page_blocks(text: str, page: int) -> list[Block]:
    """PDF text has a line per printed line. A paragraph ends at a blank line, at a line ending a
    sentence that is visibly shorter than the page's longest line, or after a short line
    without final punctuation followed by a capitalised line (a heading)."""
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    widest = max((len(line) for line in lines), default=0)
    blocks: list[Block] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(Block(" ".join(current), page))
            current.clear()

    for i, stripped in enumerate(lines):
        if not stripped:
            flush()
            continue
        if current and current[-1].endswith("-") and stripped[:1].islower():
            # Hyphenated line break inside a word.
            current[-1] = current[-1][:-1] + stripped
        else:
            current.append(stripped)
        short = len(stripped) < 0.8 * widest
        nxt = next((line for line in lines[i + 1 :] if line), "")
        if short and _TERMINAL.search(stripped):
            flush()
        elif len(stripped) < 0.6 * widest and nxt[:1].isupper() and not stripped.endswith((",", "-", "–")):
            flush()
    flush()
    return blocks

"""The chat UI (Gradio): streamed, cited answers beside the passages they come from.

    qa serve                     # or: python app.py
    qa serve --host 0.0.0.0 --port 8080   # with QA_PASSWORD set

Everything shown that comes from a document or from the user is HTML-escaped here: the
sources panel is HTML built by `sources_html`, the chat text is escaped Markdown built by
`chat_markdown`, and each answer's message ends with its own sources (`chat_message`), which a
phone shows under the answer and a wide screen in the side panel (the page's script, PAGE_JS).
The conversation is kept in the browser's storage across reloads, never on the server.
Nothing is loaded from the internet: analytics are off, the theme uses the
system's fonts, and the page is served by Gradio itself.

Endpoints for programs (see docs/api.md): "/ask" (question, history) -> Answer.to_dict(), and
"/chat", the chat's own endpoint, which streams the chat text and the sources panel's HTML.
"""

from __future__ import annotations

import html
import logging
import os
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from qa.app.server_limits import is_loopback
from qa.errors import IndexMissingError, QAError
from qa.settings import MAX_QUESTION_CHARS, MAX_REQUEST_BYTES, offline_environment

if TYPE_CHECKING:
    import gradio as gr

    from qa.answering.answerer import Answer, Support
    from qa.retrieval.retriever import Passage, Retriever, Staleness

log = logging.getLogger(__name__)

TITLE = "Ask the documents"
INTRO = (
    "Answers quote the indexed documents, with numbered sources [n]. "
    "When the documents do not answer a question, the assistant says so and shows the closest passages."
)
# Each is checked against its expected answer by tests/app/test_chat.py (real model, real corpus).
EXAMPLES = [
    "Which bank is Russia's largest?",
    "How many points does the peace plan have?",
    "How much security aid has the United States provided to Ukraine?",
    "When did Russia sign the Budapest memorandum?",
]
ABSTAIN_MESSAGE = (
    "The documents do not answer this question. "
    "The passages that came closest are listed under Sources."
)
SEARCHING = "Searching the documents…"
SOURCES_PLACEHOLDER = "The passages an answer quotes appear here, with the quoted sentences highlighted."
CLOSEST_NOTE = "The documents do not answer this question; these passages came closest."
PASSWORD_ENV = "QA_PASSWORD"
USER_ENV = "QA_USER"
DEFAULT_USER = "qa"
# Streaming: words per chunk and the pause between chunks (a typing effect of ~0.1 s per line).
STREAM_WORDS = 4
STREAM_PAUSE = 0.012
# The kind (gr.Error title) of an unexpected error reported to an /ask caller.
INTERNAL_ERROR = "InternalError"
# Gradio's temporary files older than this are deleted, checked as often (and all of them when it stops).
CACHE_SECONDS = 3600

SYSTEM_FONTS = ["Segoe UI", "Roboto", "Helvetica Neue", "Noto Sans", "Liberation Sans", "DejaVu Sans", "Arial", "sans-serif"]
MONO_FONTS = ["SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "DejaVu Sans Mono", "monospace"]

CSS = """
#qa-header h1 { margin: 0 0 .1rem 0; font-size: 1.5rem; }
#qa-header p { margin: 0; color: var(--body-text-color-subdued); font-size: .95rem; }
#qa-sources-col { min-width: 320px; }
#qa-sources .html-container, #qa-header .html-container { padding: 0 !important; }
.qa-panel { height: calc(100vh - 250px); min-height: 368px; overflow-y: auto; box-sizing: border-box;
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-lg);
  padding: .75rem .9rem; background: var(--background-fill-primary); }
.qa-sources-head { font-weight: 600; font-size: 1rem; margin: 0 0 .5rem 0; }
.qa-sources-note { color: var(--body-text-color-subdued); font-size: .9rem; margin: 0 0 .6rem 0; }
.qa-placeholder { color: var(--body-text-color-subdued); font-size: .95rem; }
.qa-source { border-top: 1px solid var(--border-color-primary); padding: .6rem 0 .5rem 0; }
.qa-source:first-of-type { border-top: none; padding-top: .1rem; }
.qa-source-head { display: flex; gap: .5rem; align-items: baseline; }
.qa-num { font-weight: 700; color: var(--color-accent); white-space: nowrap; }
.qa-title { font-weight: 600; }
.qa-meta { color: var(--body-text-color-subdued); font-size: .85rem; margin: .1rem 0 .35rem 0; }
.qa-passage { white-space: pre-wrap; font-size: .92rem; line-height: 1.5; margin: 0;
  padding-left: .65rem; border-left: 3px solid var(--border-color-primary); }
.qa-passage mark { background: #fde68a; color: inherit; padding: 0 .1em; border-radius: 2px; }
.dark .qa-passage mark { background: #a16207; }
.qa-docs table { width: 100%; border-collapse: collapse; font-size: .9rem; }
.qa-docs th, .qa-docs td { text-align: left !important; padding: .35rem .6rem !important; vertical-align: top;
  border: none !important; border-bottom: 1px solid var(--border-color-primary) !important; }
.qa-docs th { font-weight: 600; }
.qa-docs .num { text-align: right !important; }
.qa-stale { color: var(--body-text-color-subdued); font-size: .85rem; margin: 0 0 .5rem 0; }
.qa-status { color: var(--body-text-color-subdued); font-size: .85rem; margin-top: .35rem; }
.qa-open-row { font-size: .85rem; margin: .3rem 0 0 .65rem; }
.qa-supplied { font-size: .75rem; border: 1px solid var(--border-color-primary); border-radius: .6rem; padding: 0 .4rem; margin-left: .4rem; color: var(--body-text-color-subdued); white-space: nowrap; }
#qa-examples { gap: .4rem; flex-wrap: wrap; }
#qa-examples button { flex: 0 1 auto; min-width: 0; font-weight: 400; }
#qa-examples-label { flex: 0 0 auto !important; width: auto !important; align-self: center; color: var(--body-text-color-subdued); font-size: .9rem; }
/* Each answer's own sources (PAGE_JS moves the selected answer's into the side panel on wide screens). */
#chatbot a.qa-cite { text-decoration: none; font-weight: 600; color: var(--color-accent); border-radius: 3px; padding: 0 .1em; }
#chatbot a.qa-cite:hover, #chatbot a.qa-cite:focus-visible { text-decoration: underline; background: var(--color-accent-soft); }
.qa-answer-sources { margin-top: .6rem; border-top: 1px solid var(--border-color-primary); padding-top: .4rem; }
.qa-answer-sources .qa-sources-head { font-size: .9rem; margin: 0 0 .2rem 0; }
details.qa-card { padding: .35rem 0; }
details.qa-card summary { cursor: pointer; overflow-wrap: anywhere; }
details.qa-card summary .qa-num { margin-right: .15rem; }
.qa-source.qa-target { outline: 2px solid var(--color-accent); outline-offset: 2px; border-radius: 4px;
  background: var(--color-accent-soft); }
.qa-passage, .qa-title, .qa-meta { overflow-wrap: anywhere; }
#chatbot .qa-chosen { box-shadow: 0 0 0 2px var(--color-accent-soft); }
#qa-counter .html-container { padding: 0 !important; }
.qa-counter { color: var(--body-text-color-subdued); font-size: .8rem; text-align: right; margin: .1rem .25rem 0 0; }
.qa-counter.qa-full { color: var(--error-text-color, #b91c1c); font-weight: 600; }
/* The chat's top-right icons (clear) get a strip of their own: messages scroll below it, never under it. */
#chatbot .bubble-wrap { margin-top: 28px; height: calc(100% - 28px) !important; }
@media (min-width: 701px) { #chatbot .qa-answer-sources { display: none; } }
@media (max-width: 700px) {
  #qa-sources-col { display: none !important; }
  .column, .row { min-width: 0 !important; }
}
"""

# Rules for elements outside the app's container, which Gradio's scoping of CSS cannot reach:
# the page's side margins, narrow on a phone.
PAGE_HEAD = """<style>
@media (max-width: 700px) { .main.fillable { padding-left: 8px !important; padding-right: 8px !important; } }
</style>"""

# The page's script (run once at load): citations that bring their source into view, the side
# panel following the selected answer, the character counter, and names for unnamed buttons.
# It only moves or copies elements the server already escaped; it never builds HTML from text.
PAGE_JS = """() => {
  const WIDE = window.matchMedia('(min-width: 701px)');
  const chat = () => document.querySelector('#chatbot');
  // Ids (the sanitizer drops data-* attributes): block "qa-a2", its card n "qa-a2-n", a marker's href "#qa-a2-n".
  const parse = (id) => { const m = /^#?qa-(a\\d+)-(\\d+)$/.exec(id || ''); return m ? {key: m[1], n: m[2]} : null; };
  const blockOf = (key) => chat() && chat().querySelector(`.qa-answer-sources[id="qa-${key}"]`);
  const mark = (el) => {
    document.querySelectorAll('.qa-source.qa-target').forEach((t) => t.classList.remove('qa-target'));
    if (el) { el.classList.add('qa-target'); el.scrollIntoView({block: 'nearest'}); }
  };
  // Copy an answer's cards into the side panel (as open cards), marking card n if given.
  const showInPanel = (block, n) => {
    const panel = document.querySelector('#qa-sources .qa-panel');
    if (!panel) return;
    const items = [];
    let target = null;
    for (const child of block.children) {
      if (child.tagName !== 'DETAILS') { items.push(child.cloneNode(true)); continue; }
      const card = document.createElement('div');
      card.className = 'qa-source';
      const n_ = (parse(child.id) || {}).n;
      card.dataset.qaN = n_;
      const head = document.createElement('div');
      head.className = 'qa-source-head';
      for (const node of child.querySelector('summary').childNodes) head.appendChild(node.cloneNode(true));
      card.appendChild(head);
      for (const part of child.children) if (part.tagName !== 'SUMMARY') card.appendChild(part.cloneNode(true));
      if (String(n) === n_) target = card;
      items.push(card);
    }
    panel.className = 'qa-panel qa-selected';
    panel.dataset.qaAnswer = block.id;
    panel.replaceChildren(...items);
    panel.scrollTop = 0;
    mark(target);
  };
  const choose = (block, n) => {
    chat().querySelectorAll('.qa-chosen').forEach((m) => m.classList.remove('qa-chosen'));
    const message = block.closest("[data-testid='bot']");
    if (message) message.classList.add('qa-chosen');
    if (WIDE.matches) { showInPanel(block, n); return; }
    const card = n ? block.querySelector(`details.qa-card[id="${block.id}-${n}"]`) : null;
    if (card) { card.open = true; mark(card); }
  };
  document.addEventListener('click', (event) => {
    const cite = event.target.closest('#chatbot a.qa-cite');
    if (cite) {
      event.preventDefault();
      event.stopPropagation();
      const to = parse(cite.getAttribute('href'));
      const block = to && blockOf(to.key);
      if (block) choose(block, to.n);
      return;
    }
    const message = event.target.closest("#chatbot [data-testid='bot']");
    if (!message || event.target.closest('button, summary, a')) return;
    const block = message.querySelector('.qa-answer-sources');
    if (block && WIDE.matches) choose(block, null);
  }, true);

  // "Copy message" of an answer copies its text and a line per source, not the message's HTML.
  const answerText = (row, block) => {
    const content = row.querySelector('.message-content') || row;
    const text = [...content.querySelectorAll('p')].filter((p) => !block.contains(p))
      .map((p) => p.textContent.trim()).filter(Boolean).join('\\n\\n');
    const cards = [...block.querySelectorAll('details.qa-card')].map((card) => {
      const meta = card.querySelector('.qa-meta');
      return card.querySelector('summary').textContent.trim() + (meta && meta.textContent ? ` (${meta.textContent})` : '');
    });
    const head = block.querySelector('.qa-sources-head');
    return `${text}\\n\\n${head ? head.textContent : 'Sources'}:\\n${cards.join('\\n')}`;
  };
  const toClipboard = (text) => {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed'; area.style.left = '-9999px';
    document.body.appendChild(area); area.select();
    try { document.execCommand('copy'); } finally { area.remove(); }
  };
  window.addEventListener('click', (event) => {
    const button = event.target.closest('#chatbot .message-buttons button');
    if (!button || !/^cop/i.test(button.getAttribute('aria-label') || '')) return;
    const row = button.closest('.message-buttons').previousElementSibling;
    const block = row && row.querySelector('.qa-answer-sources');
    if (!block) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    toClipboard(answerText(row, block));
  }, true);

  // A blank question is not sent (no empty bubble): Enter and the send button do nothing.
  const blank = () => { const box = document.querySelector('#question textarea'); return box && !box.value.trim(); };
  const ignoreBlank = (event) => {
    const enter = (event.type === 'keydown' || event.type === 'keypress') && event.key === 'Enter' && !event.shiftKey
      && event.target.closest('#question textarea');
    const send = event.type === 'click' && event.target.closest('#question .submit-button');
    if ((enter || send) && blank()) { event.preventDefault(); event.stopImmediatePropagation(); }
  };
  for (const type of ['keydown', 'keypress', 'click']) window.addEventListener(type, ignoreBlank, true);

  // The question box: a counter, and a note when a paste was cut to the limit.
  let counted = -1;
  const counter = (note) => {
    const box = document.querySelector('#question textarea');
    const out = document.querySelector('#qa-counter .qa-counter');
    if (!box || !out) return;
    counted = box.value.length;
    const max = Number(box.getAttribute('maxlength')) || 0;
    const used = box.value.length;
    out.textContent = note || `${used.toLocaleString('en')} / ${max.toLocaleString('en')} characters`;
    out.classList.toggle('qa-full', Boolean(note) || (max > 0 && used >= max));
  };
  document.addEventListener('input', (event) => { if (event.target.closest('#question')) counter(); }, true);
  document.addEventListener('paste', (event) => {
    const box = event.target.closest('#question textarea');
    if (!box) return;
    const max = Number(box.getAttribute('maxlength')) || 0;
    const pasted = (event.clipboardData && event.clipboardData.getData('text')) || '';
    const kept = box.value.length - (box.selectionEnd - box.selectionStart);
    if (max && kept + pasted.length > max) {
      setTimeout(() => counter(`Questions are limited to ${max.toLocaleString('en')} characters: the pasted text `
        + `(${pasted.length.toLocaleString('en')}) was cut to fit.`), 0);
    }
  }, true);

  // Names for controls that have only an icon; a restored conversation fills the side panel.
  const NAMES = [['#question .submit-button', 'Send question'], ['#question .stop-button', 'Stop answering'],
                 ['[title]', null]];
  const tidy = () => {
    const send = document.querySelector('#question .submit-button');
    if (send && send.getAttribute('aria-label') !== 'Send question') send.setAttribute('aria-label', 'Send question');
    for (const button of document.querySelectorAll('button:not([aria-label])')) {
      if (button.textContent.trim()) continue;
      for (const [selector, name] of NAMES) {
        if (button.matches(selector)) { button.setAttribute('aria-label', name || button.title); break; }
      }
    }
    const box = document.querySelector('#question textarea');
    if (box && !box.getAttribute('aria-label')) box.setAttribute('aria-label', 'Question');
    const panel = document.querySelector('#qa-sources .qa-panel.qa-empty');
    const blocks = chat() ? chat().querySelectorAll('.qa-answer-sources') : [];
    if (panel && blocks.length) showInPanel(blocks[blocks.length - 1], null);
    const question = document.querySelector('#question textarea');
    if (question && question.value.length !== counted) counter();
  };
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; tidy(); });
  }).observe(document.body, {subtree: true, childList: true});
  tidy();
}"""

_EMPHASIS = re.compile(r"\*([^*\n]+?)\*")
# Characters that Markdown could turn into links, images, code, headings, tables or LaTeX.
_MARKDOWN_SPECIAL = re.compile(r"([\\`_\[\](){}#+\-!|~$=])")
# The same and the star, for the user's own words, which keep no emphasis.
_USER_SPECIAL = re.compile(r"([\\`_\[\](){}#+\-!|~$=*])")
_BACKSLASHED = re.compile(r"\\(.)", re.S)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>]+")
_URL_SPECIAL = re.compile(r"([\[\]!`])")
# A line starting "1." or "* " would become a list: escape its dot or star.
_LINE_START = re.compile(r"(?m)^\s*(?:\d+\.|\*(?=\s))")


# ---------------------------------------------------------------------------------------------
# Rendering (pure functions, unit-tested without a browser)
# ---------------------------------------------------------------------------------------------


def escape_text(text: str | None) -> str:
    """HTML-escape document or user text; `*x*` emphasis (as in the corpus) becomes <em>x</em>."""
    escaped = html.escape(text or "", quote=True)
    return _EMPHASIS.sub(r"<em>\1</em>", escaped)


def chat_markdown(text: str, emphasis: bool = True) -> str:
    """Text for the Chatbot (which renders Markdown): HTML-escaped, and with every Markdown
    character that could make a link, image, code span, heading or formula backslash-escaped.
    `*x*` still renders as emphasis unless `emphasis` is False; `[n]` markers show as written.
    Web addresses are left as they are (Markdown shows backslashes inside them), except for the
    characters of link syntax."""
    special = _MARKDOWN_SPECIAL if emphasis else _USER_SPECIAL
    out: list[str] = []
    pos = 0
    for match in _URL.finditer(text or ""):
        out.append(_escape_markdown(text[pos : match.start()], special))
        out.append(_URL_SPECIAL.sub(r"\\\1", html.escape(match.group(0), quote=False)))
        pos = match.end()
    out.append(_escape_markdown((text or "")[pos:], special))
    return _LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], "".join(out))


def _escape_markdown(text: str, special: re.Pattern[str] = _MARKDOWN_SPECIAL) -> str:
    return special.sub(r"\\\1", html.escape(text, quote=False))


def user_markdown(text: str) -> str:
    """The user's question as Chatbot Markdown that shows exactly as typed: no markup, no emphasis."""
    return chat_markdown(text, emphasis=False)


def user_text(markdown: str) -> str:
    """The question back from `user_markdown` (for the answerer, which reads the conversation).
    Text that was never escaped passes nearly unchanged: only backslashes and entities change."""
    return html.unescape(_BACKSLASHED.sub(r"\1", markdown))


def highlight_spans(passage_text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The passage as HTML with the [start, end) spans wrapped in <mark>; each piece escaped."""
    n = len(passage_text)
    clean = sorted((max(0, s), min(n, e)) for s, e in spans if e > s and s < n)
    merged: list[list[int]] = []
    for s, e in clean:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out: list[str] = []
    pos = 0
    for s, e in merged:
        out.append(escape_text(passage_text[pos:s]))
        out.append(f"<mark>{escape_text(passage_text[s:e])}</mark>")
        pos = e
    out.append(escape_text(passage_text[pos:]))
    return "".join(out)


def _support_spans(passage: Passage, support: Sequence[Support], number: int) -> list[tuple[int, int]]:
    """Offsets of the answer sentences that cite passage [number], checked against its text."""
    spans = []
    for s in support:
        if s.citation != number:
            continue
        if passage.text[s.passage_start : s.passage_end] == s.sentence:
            spans.append((s.passage_start, s.passage_end))
        else:  # offsets do not match: fall back to finding the sentence, else highlight nothing
            at = passage.text.find(s.sentence) if s.sentence else -1
            if at >= 0:
                spans.append((at, at + len(s.sentence)))
    return spans


def _card_head(passage: Passage, label: str) -> str:
    """A source card's first line: its label ([n] or "n."), the document's title, and "title
    supplied" when the corpus owner wrote the title rather than took it from the source."""
    from qa.app.documents import supplied_mark

    return (f'<span class="qa-num">{escape_text(label)}</span> '
            f'<span class="qa-title">{escape_text(passage.title or passage.doc_id)}</span>'
            f'{" " + supplied_mark("title", {"supplied": passage.supplied}) if "title" in passage.supplied else ""}')


def _card_body(passage: Passage, spans: Sequence[tuple[int, int]]) -> str:
    """A source card's details: author/publisher/date/location, section, the passage text, and
    the link that opens the document at the passage."""
    from qa.app.documents import open_in_document_html

    meta = [m for m in (passage.author, passage.publisher, passage.date, passage.location()) if m]
    meta_html = " · ".join(escape_text(m) for m in meta)
    section = f" — {escape_text(passage.section)}" if passage.section else ""
    return (f'<div class="qa-meta">{meta_html}{section}</div>'
            f'<blockquote class="qa-passage">{highlight_spans(passage.text, spans)}</blockquote>'
            f'<div class="qa-open-row">{open_in_document_html(passage.doc_id, passage.start, passage.end)}</div>')


def passage_html(passage: Passage, label: str, spans: Sequence[tuple[int, int]] = ()) -> str:
    """One source card: [n], title, author/publisher/date/location, section, the passage text."""
    return (f'<div class="qa-source"><div class="qa-source-head">{_card_head(passage, label)}</div>'
            f"{_card_body(passage, spans)}</div>")


def sources_html(result: Answer | None) -> str:
    """The sources panel for an answer: cited passages with the quoted sentences highlighted,
    or, when the assistant abstained, the closest passages."""
    if result is None:
        return message_html(SOURCES_PLACEHOLDER, "qa-empty")
    if result.abstained and not result.closest:
        return message_html("No passage is quoted in this reply.")
    cards = "".join(passage_html(p, label, spans) for p, label, spans in shown_sources(result))
    if result.abstained:
        return (
            '<div class="qa-panel qa-abstained">'
            '<div class="qa-sources-head">Closest passages</div>'
            f'<p class="qa-sources-note">{escape_text(CLOSEST_NOTE)}</p>'
            f"{cards}</div>"
        )
    return f'<div class="qa-panel"><div class="qa-sources-head">Sources</div>{cards}</div>'


def shown_sources(result: Answer) -> list[tuple[Passage, str, list[tuple[int, int]]]]:
    """The passages shown with an answer, each with its label and the spans to highlight: the
    cited passages ([n], quoted sentences), or for an abstention the closest ones ("n.", none)."""
    if result.abstained:
        return [(p, f"{i}.", []) for i, p in enumerate(result.closest, start=1)]
    return [(p, f"[{n}]", _support_spans(p, result.support, n)) for n, p in enumerate(result.citations, start=1)]


def message_html(text: str, kind: str = "") -> str:
    extra = f" {kind}" if kind else ""
    return f'<div class="qa-panel{extra}"><p class="qa-placeholder">{escape_text(text)}</p></div>'


def documents_html(retriever: Retriever | None, problem: str | None = None) -> str:
    """A table of the indexed documents: title (opening the reader), author, publisher, date, kind, passages."""
    from qa.app.documents import documents_link_html, reader_href, supplied_mark

    if retriever is None:
        return f'<div class="qa-docs"><p class="qa-placeholder">{escape_text(problem or "No index loaded.")}</p></div>'
    counts = {d: entry.passages for d, entry in retriever.manifest.corpus.documents.items()}
    rows = []
    for doc_id, record in sorted(retriever.documents.items(), key=lambda kv: (kv[1].meta.get("title") or kv[0]).lower()):
        meta = record.meta
        cells = [meta.get("title") or doc_id, meta.get("author"), meta.get("publisher"), meta.get("date"), meta.get("kind")]
        title = (f'<a href="{html.escape(reader_href(doc_id))}" target="_blank" rel="noopener">{escape_text(cells[0])}</a>'
                 f'{supplied_mark("title", meta)}')
        tds = f"<td>{title}</td>" + "".join(f"<td>{escape_text(c or '—')}</td>" for c in cells[1:])
        rows.append(f'<tr title="{html.escape(doc_id)}">{tds}<td class="num">{counts.get(doc_id, 0)}</td></tr>')
    model = retriever.manifest.model.name
    created = retriever.manifest.created
    return (
        '<div class="qa-docs"><table><thead><tr><th>Title</th><th>Author</th><th>Publisher</th><th>Date</th>'
        f'<th>Kind</th><th class="num">Passages</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<p class="qa-status">{len(rows)} documents, {len(retriever)} passages · model {escape_text(model)}'
        f" · built {escape_text(created)} in {escape_text(str(retriever.index_dir))}</p>{documents_link_html()}</div>"
    )


def answer_markdown(result: Answer) -> str:
    """The chat text of an answer: the short answer in bold (when there is one), then the quoted
    sentences with [n] markers; or the abstention message, or
    (an abstention with no closest passages) the assistant's question back to the reader."""
    if result.abstained:
        return ABSTAIN_MESSAGE if result.closest else chat_markdown(result.text)
    if result.short is not None:
        # The short answer first, in bold, with the marker of the sentence it is taken from.
        return f"**{chat_markdown(result.short.text)}** \\[{result.short.citation}\\]\n\n{chat_markdown(result.text)}"
    return chat_markdown(result.text)


# ---------------------------------------------------------------------------------------------
# Each answer with its own sources: the chat message holds them (issue 11)
# ---------------------------------------------------------------------------------------------
# A final answer's chat message is its text, with every [n] a link to source n of THAT answer,
# followed by a block of <details> cards (one per source, collapsed to a line). On a phone the
# block shows under the answer; on a wide screen CSS hides it and the page's script copies the
# selected answer's cards into the side panel. Passage text in the block is HTML-escaped only:
# it is a raw-HTML block for Markdown, which stays one block because it holds no blank line.

_CHAT_MARKER = re.compile(r"\\\[(\d+)\\\]")


def answer_key(history: Sequence[Any] | None) -> str:
    """A name for the next answer, unique within its conversation: "a" + its position."""
    replies = sum(1 for m in history or [] if isinstance(m, dict) and m.get("role") == "assistant")
    return f"a{replies + 1}"


def source_anchor(key: str, number: int) -> str:
    """The element id of source `number` of answer `key` (its sources block is "qa-" + key)."""
    return f"qa-{key}-{number}"


def link_markers(markdown: str, key: str, count: int) -> str:
    """Chat text whose escaped markers \\[n\\] (1 <= n <= count) are links to answer key's sources."""

    def link(match: re.Match) -> str:
        n = int(match.group(1))
        if not 1 <= n <= count:
            return match.group(0)
        # The chat's sanitizer keeps class, id, href and title (no data-* or aria-*): the script reads the href.
        return f'<a class="qa-cite" href="#{source_anchor(key, n)}" title="Show source {n}">{match.group(0)}</a>'

    return _CHAT_MARKER.sub(link, markdown)


def answer_sources_block(result: Answer, key: str) -> str:
    """The sources of one answer as a raw-HTML block for the chat message: a <details> card per
    source (its label and title as the summary line), or "" when nothing is shown."""
    shown = shown_sources(result)
    if not shown:
        return ""
    head = "Closest passages" if result.abstained else "Sources"
    cards = "".join(
        f'<details class="qa-source qa-card" id="{source_anchor(key, i)}">'
        f'<summary class="qa-summary">{_card_head(p, label)}</summary>{_card_body(p, spans)}</details>'
        for i, (p, label, spans) in enumerate(shown, start=1)
    )
    note = f'<p class="qa-sources-note">{escape_text(CLOSEST_NOTE)}</p>' if result.abstained else ""
    block = (f'<div class="qa-answer-sources" id="qa-{key}">'
             f'<div class="qa-sources-head">{head}</div>{note}{cards}</div>')
    return block.replace("\r", "").replace("\n", "&#10;")


def chat_message(result: Answer, key: str) -> str:
    """An answer's final chat message: its text with linked markers, then its own sources."""
    text = answer_markdown(result)
    if not result.abstained:
        text = link_markers(text, key, len(result.citations))
    block = answer_sources_block(result, key)
    return f"{text}\n\n{block}" if block else text


def error_markdown(exc: BaseException) -> str:
    return "⚠️ " + chat_markdown(str(exc))


def stream_chunks(text: str, words: int = STREAM_WORDS) -> Iterator[str]:
    """Growing prefixes of text, a few words at a time, ending with the whole text."""
    pieces = re.findall(r"\S+\s*", text)
    for i in range(words, len(pieces), words):
        yield "".join(pieces[:i]).rstrip()
    yield text


# ---------------------------------------------------------------------------------------------
# The app
# ---------------------------------------------------------------------------------------------


@dataclass
class ChatBackend:
    """What the UI calls: the answering pipeline over one index, with errors turned into messages."""

    index: Path
    # Set while `qa serve` builds the index in the background (see serve()).
    building: threading.Event = field(default_factory=threading.Event)

    def retriever(self) -> Retriever:
        from qa.index import store
        from qa.retrieval.retriever import get_retriever

        if not store.manifest_path(self.index).exists():
            if self.building.is_set():
                raise IndexMissingError(
                    "The index is still being built from the documents (the first build takes a minute or "
                    "two); ask again shortly."
                )
            raise IndexMissingError(
                f"There is no index in {self.index}. Build it with `qa index --index {self.index}` "
                "(or restart `qa serve`, which builds it from the corpus folder)."
            )
        return get_retriever(self.index)

    def answer(self, question: str, history: Sequence[Any] | None = None) -> Answer:
        from qa.answering.answerer import answer
        from qa.inputs import check_question

        question = check_question(question)  # input errors come before index errors
        return answer(question, history or None, retriever=self.retriever())

    def respond(self, message: Any, history: list | None) -> Iterator[tuple[str, Any]]:
        """The chat function: yields (chat text, sources HTML or gr.skip()) while streaming."""
        import gradio as gr

        from qa.inputs import message_text

        yield SEARCHING, gr.skip()
        try:
            question = message_text(message)
            result = self.answer(question, typed_history(history))
        except QAError as exc:
            _log_refusal("/chat", exc)
            yield error_markdown(exc), message_html("No sources: " + str(exc))
            return
        except Exception as exc:  # never a traceback in the chat
            log.exception("answering failed")
            yield error_markdown(RuntimeError(internal_error_message(exc))), message_html(SOURCES_PLACEHOLDER)
            return
        sources = stale_note_html(self.staleness()) + sources_html(result)
        first = True
        # The plain text streams; the last message has the linked markers and the answer's sources.
        for partial in stream_chunks(answer_markdown(result)):
            yield partial, sources if first else gr.skip()
            first = False
            time.sleep(STREAM_PAUSE)
        yield chat_message(result, answer_key(history)), sources

    def ask(self, question: str, history: list[dict] | None = None) -> dict:
        """The "/ask" API: the structured answer (Answer.to_dict()). Errors become gr.Error, whose
        message the caller gets, with the error's kind (e.g. "IndexMissingError") as its title."""
        import gradio as gr

        try:
            return self.answer(question, history).to_dict()
        except QAError as exc:
            _log_refusal("/ask", exc)
            # Without print_exception=False, Gradio's queue prints this traceback and its cause's (40 lines).
            raise gr.Error(str(exc), title=type(exc).__name__, print_exception=False) from exc
        except Exception as exc:  # a bug: logged in full here, a message without details for the caller
            log.exception("/ask: answering failed")
            raise gr.Error(internal_error_message(exc), title=INTERNAL_ERROR, print_exception=False) from exc

    def staleness(self) -> Staleness | None:
        """How the corpus folder differs from the loaded index (None: current, or no index loaded)."""
        try:
            return self.retriever().staleness
        except Exception:
            return None

    def documents(self) -> str:
        try:
            return documents_html(self.retriever())
        except QAError as exc:
            return documents_html(None, str(exc))
        except Exception as exc:  # a damaged index must not break the page
            log.exception("listing the documents failed")
            return documents_html(None, f"The index cannot be read ({type(exc).__name__}); rebuild it with `qa index --rebuild`.")

    def documents_view(self) -> tuple[str, Any]:
        """The documents table and its accordion's label with the count (refreshed at page load)."""
        import gradio as gr

        table = self.documents()
        try:
            label = f"Indexed documents ({len(self.retriever().documents)})"
        except Exception:
            label = "Indexed documents: none (no usable index)"
        return table, gr.update(label=label)


def internal_error_message(exc: BaseException) -> str:
    """What a caller is told of an unexpected error: its type, not its details (they are in the log)."""
    return f"Something went wrong while answering ({type(exc).__name__}). The details are in the server's log."


def stale_note_html(staleness: Staleness | None) -> str:
    """A line above the sources when the documents folder changed since the index was built."""
    if staleness is None:
        return ""
    return (f'<p class="qa-stale">The documents folder changed since the index was built ({escape_text(staleness.counts())}); '
            f"answers come from the index as built. Run <code>{escape_text(staleness.command())}</code> to include the changes.</p>")


def _log_refusal(endpoint: str, exc: QAError) -> None:
    """One log line for a question that gets a message instead of an answer (no traceback:
    the error is the user's input or the index's state, and its message says what to do)."""
    log.warning("%s: no answer: %s", endpoint, exc)


def build_ui(index: Path | str | None = None, building: threading.Event | None = None) -> gr.Blocks:
    """The Gradio app over the index folder (default $QA_INDEX or ./index). Not launched.
    `building` is set while the index is being built, so a missing index is reported as coming."""
    offline_environment()
    import gradio as gr

    from qa.app import document_routes
    from qa.settings import default_index_dir

    backend = ChatBackend(Path(index) if index is not None else default_index_dir(), building or threading.Event())
    with gr.Blocks(title="qa — ask the documents", fill_width=True, analytics_enabled=False,
                   delete_cache=(CACHE_SECONDS, CACHE_SECONDS)) as demo:
        gr.HTML(
            f"<h1>{escape_text(TITLE)}</h1><p>{escape_text(INTRO)}</p>", elem_id="qa-header", js_on_load=None,
            padding=False,
        )
        sources = gr.HTML(sources_html(None), elem_id="qa-sources", render=False, js_on_load=None, padding=False)
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=420):
                chatbot = gr.Chatbot(
                    elem_id="chatbot", label="Chat", show_label=False, height="calc(100vh - 318px)",
                    min_height=300, latex_delimiters=[], allow_tags=False, sanitize_html=True,
                    render_markdown=True, buttons=["copy"], feedback_options=None,
                    placeholder="Ask a question about the indexed documents, or pick an example below.",
                )
                textbox = gr.Textbox(
                    elem_id="question", placeholder="Ask a question about the documents…", label="Question",
                    show_label=False, submit_btn=True, lines=1, max_lines=4, autofocus=True,
                    max_length=MAX_QUESTION_CHARS,
                )
                chat = escaping_chat_interface(
                    backend.respond, chatbot=chatbot, textbox=textbox, additional_outputs=[sources],
                    api_name="chat", api_description="Chat: streams the answer text and the sources panel HTML.",
                    fill_height=False, autofocus=True, concurrency_limit=2, analytics_enabled=False,
                )
                gr.HTML(counter_html(), elem_id="qa-counter", js_on_load=None, padding=False)
            with gr.Column(scale=2, elem_id="qa-sources-col"):
                sources.render()
        with gr.Row(elem_id="qa-examples"):
            gr.HTML("Try:", elem_id="qa-examples-label", js_on_load=None, padding=False, scale=0, min_width=0)
            buttons = [gr.Button(q, size="sm", variant="secondary", scale=0) for q in EXAMPLES]
        with gr.Accordion("Indexed documents", open=False, elem_id="qa-documents") as docs_accordion:
            docs = gr.HTML("", js_on_load=None)

        for button, question in zip(buttons, EXAMPLES):
            _wire_example(button, question, backend, chat, sources)
        demo.load(backend.documents_view, None, [docs, docs_accordion], api_visibility="undocumented", queue=False)
        _keep_in_browser(demo, chat)
        gr.api(backend.ask, api_name="ask", api_description="Answer a question from the documents; returns Answer.to_dict().")
    document_routes.register(demo, backend.index)  # the documents pages serve this index
    return demo


def escaping_chat_interface(fn: Any, **kwargs: Any) -> gr.ChatInterface:
    """gr.ChatInterface whose chat shows the user's questions as typed (`user_markdown`): Gradio
    puts them in the Chatbot as they are, where Markdown and HTML would render. The retry and undo
    buttons get the typed question back (`user_text`)."""
    import gradio as gr

    class EscapingChatInterface(gr.ChatInterface):
        def _append_message_to_history(self, message: Any, history: list, role: Any = "user") -> list:
            if role == "user" and isinstance(message, str):
                message = user_markdown(message)
            return super()._append_message_to_history(message, history, role)

        def _pop_last_user_message(self, history: list) -> tuple[list, Any]:
            kept, message = super()._pop_last_user_message(history)
            return kept, user_text(message) if isinstance(message, str) else message

    return EscapingChatInterface(fn, **kwargs)


def typed_history(history: Sequence[Any] | None) -> list | None:
    """The conversation as the answerer reads it: the user's questions as typed (the chat holds
    them as `user_markdown`) and the assistant's answers as written (`reply_text`)."""
    if not history:
        return None
    return [{**m, "content": _typed_content(m["content"], user=m["role"] == "user")}
            if isinstance(m, dict) and m.get("role") in ("user", "assistant") else m
            for m in history]


# An answer's own sources block and marker links, as `chat_message` adds them.
_SOURCES_BLOCK = re.compile(r'\n*<div class="qa-answer-sources"[^\n]*$')
_MARKER_LINK = re.compile(r'<a class="qa-cite" href="[^"]*" title="[^"]*">(\\\[\d+\\\])</a>')


def reply_text(message: str) -> str:
    """An assistant message back from `chat_message`: the bold short answer and the quoted
    sentences with their [n] markers, without the sources block (whose passages had filled the
    conversation's character budget within a few turns) or the markup."""
    return user_text(_MARKER_LINK.sub(r"\1", _SOURCES_BLOCK.sub("", message)))


def _typed_content(content: Any, user: bool = True) -> Any:
    """A message's content (a string or Gradio's list of parts) with its text as typed (`user`) or
    as the answer wrote it."""
    plain = user_text if user else reply_text
    if isinstance(content, str):
        return plain(content)
    if isinstance(content, list):
        return [{**part, "text": plain(part["text"])}
                if isinstance(part, dict) and part.get("type", "text") == "text" and isinstance(part.get("text"), str)
                else part for part in content]
    return content


# ---------------------------------------------------------------------------------------------
# The question box and the conversation kept in the browser
# ---------------------------------------------------------------------------------------------

# The browser's localStorage key of the conversation (never stored on the server).
CONVERSATION_KEY = "qa-conversation"


def counter_html() -> str:
    """The line under the question box that the page's script keeps counting (see PAGE_JS)."""
    return (f'<div class="qa-counter" aria-live="polite">0 / {MAX_QUESTION_CHARS:,} characters</div>')


def restored_conversation(saved: Any) -> list[dict]:
    """The conversation saved in the browser, as chat messages; anything else is dropped."""
    if not isinstance(saved, list):
        return []
    return [{"role": m["role"], "content": m["content"]} for m in saved
            if isinstance(m, dict) and m.get("role") in ("user", "assistant") and isinstance(m.get("content"), (str, list))]


def _keep_in_browser(demo: gr.Blocks, chat: gr.ChatInterface) -> None:
    """Save the conversation in the browser's storage whenever it settles; restore it at page load."""
    import gradio as gr

    saved = gr.BrowserState([], storage_key=CONVERSATION_KEY)
    hidden: dict[str, Any] = {"api_visibility": "undocumented", "queue": False}
    # In the browser only (no server call): the chat's value is copied to the storage at each change,
    # except an empty one (the page's first, which would overwrite the saved conversation before it
    # is restored); the clear button empties the storage.
    chat.chatbot.change(None, [chat.chatbot, saved], saved, js="(history, old) => [history.length ? history : old]",
                        **hidden)
    chat.chatbot.clear(None, None, saved, js="() => [[]]", **hidden)

    def restore(value: Any) -> tuple[list, list]:
        history = restored_conversation(value)
        return history, history

    demo.load(restore, saved, [chat.chatbot, chat.chatbot_state], **hidden)


def _wire_example(button: gr.Button, question: str, backend: ChatBackend, chat: gr.ChatInterface, sources) -> None:
    """An example button asks its question in the chat, as if typed, keeping the conversation."""
    import gradio as gr

    def run(history: list) -> Iterator[tuple[list, Any]]:
        history = list(history or [])
        turn = history + [{"role": "user", "content": user_markdown(question)}]
        for text, panel in backend.respond(question, history):
            yield turn + [{"role": "assistant", "content": text}], panel

    hidden: dict[str, Any] = {"api_visibility": "undocumented"}
    textbox = chat.textbox
    button.click(lambda: gr.update(interactive=False), None, textbox, queue=False, **hidden).then(
        run, [chat.chatbot_state], [chat.chatbot, sources], concurrency_limit=2, **hidden
    ).then(lambda h: h, [chat.chatbot], [chat.chatbot_state], queue=False, **hidden).then(
        lambda: gr.update(interactive=True), None, textbox, queue=False, **hidden
    )


def theme() -> gr.themes.Base:
    """Gradio's default look with the system's fonts: no font files fetched from anywhere."""
    import gradio as gr

    return gr.themes.Default(primary_hue="blue", font=SYSTEM_FONTS, font_mono=MONO_FONTS)


def launch_kwargs() -> dict:
    """Arguments for Blocks.launch: the look (theme, CSS), the footer, and the server's limits
    (request bodies, uploads, sessions; qa.app.server_limits)."""
    from qa.app import document_routes, server_limits

    # The documents pages (qa.app.document_routes), whose upload route has a body limit of its own.
    app_kwargs = {**server_limits.app_kwargs(larger=document_routes.LARGE_BODIES), "routes": document_routes.routes()}
    return {
        "theme": theme(), "css": CSS, "js": PAGE_JS, "head": PAGE_HEAD, "footer_links": ["api"], "app_kwargs": app_kwargs,
        "state_session_capacity": server_limits.MAX_SESSIONS, "max_file_size": MAX_REQUEST_BYTES,
    }


# ---------------------------------------------------------------------------------------------
# Serving
# ---------------------------------------------------------------------------------------------


def _stop_on_signals() -> None:
    """`kill PID` stops the server as Ctrl+C does (closing it cleanly), and so does Ctrl+C (SIGINT)
    even when the server was started with SIGINT ignored: a shell without job control starts its
    background commands that way (`nohup qa serve &` in a script, CI runners), and Python then
    never raises KeyboardInterrupt."""
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _import_gradio() -> None:
    try:
        import gradio  # noqa: F401
    except Exception:  # the import in build_ui reports it
        pass


def auth_from_environment() -> tuple[str, str] | None:
    password = os.environ.get(PASSWORD_ENV)
    if not password:
        return None
    return (os.environ.get(USER_ENV) or DEFAULT_USER, password)


def exposure_warning(host: str, port: int, auth: tuple[str, str] | None) -> str | None:
    """A loud warning when the chat is reachable from other machines without a password."""
    if is_loopback(host) or auth is not None:
        return None
    bar = "!" * 78
    return (
        f"\n{bar}\n  WARNING: listening on {host}, reachable from other machines, WITHOUT a password.\n"
        f"  Anyone who can reach port {port} can read the documents through the chat.\n"
        f"  Set {PASSWORD_ENV} (and optionally {USER_ENV}, default {DEFAULT_USER!r}) to require a login.\n{bar}\n"
    )


def build_or_update_index(index: Path, corpus: Path | None, out=sys.stderr) -> str | None:
    """The index for serving: built from the corpus folder when missing, else updated incrementally
    (or served as it is when there is no corpus folder). None when ready, else the problem.

    This is the chat's only path that builds an index: ChatBackend.retriever() refuses a missing
    index rather than letting Retriever build one on the first question."""
    from qa.index import store
    from qa.index.build import ensure_index
    from qa.settings import default_corpus_dir

    corpus_dir = corpus if corpus is not None else default_corpus_dir()
    exists = store.manifest_path(index).exists()
    if not corpus_dir.is_dir():
        if exists:
            print(f"no corpus folder {corpus_dir}: serving the index in {index} as it is", file=out)
            return None
        return f"There is no index in {index} and no corpus folder {corpus_dir} to build it from."
    verb = "updating" if exists else "building"
    print(f"{verb} the index in {index} from {corpus_dir} …", file=out, flush=True)
    try:
        report = ensure_index(index, corpus_dir, update=True, progress=True)
    except QAError as exc:
        return str(exc)
    if report is not None:
        print(report.summary(), file=out, flush=True)
    return None


def _build_in_background(index: Path, corpus: Path | None, building: threading.Event) -> None:
    """Build or update the index while the chat answers from the last good one, then load the new one."""
    try:
        problem = build_or_update_index(index, corpus) or warm_up(index)
        if problem:
            print(f"warning: {problem}\n  the chat shows this message instead of answers.", file=sys.stderr, flush=True)
        else:
            print(f"index ready: answering from {index}", flush=True)
    finally:
        building.clear()


def warm_up(index: Path) -> str | None:
    """Load the index and the model, and answer once, so the first question is fast."""
    try:
        backend = ChatBackend(index)
        backend.answer("Which documents are indexed?")
    except QAError as exc:
        return str(exc)
    return None


def ensure_loopback() -> str | None:
    """Bring the loopback interface up when it is down, and say so; None when it was up.

    A fresh network namespace (`unshare -n qa serve`, a container without networking) starts
    with `lo` down: the server could bind 127.0.0.1 but nobody, not even Gradio's own start-up
    check, could reach it. Only `lo` is touched, and only when it is down; where that is not
    permitted, the message says what to run.
    """
    import errno
    import shutil
    import socket
    import subprocess

    def reachable() -> bool:
        with socket.socket() as server, socket.socket() as client:
            server.bind(("127.0.0.1", 0))
            server.listen(1)
            client.settimeout(2)
            return client.connect_ex(server.getsockname()) != errno.ENETUNREACH

    try:
        if reachable():
            return None
    except OSError:
        return None  # no IPv4 loopback at all: let the server report what fails
    ip = shutil.which("ip") or "/usr/sbin/ip"
    done = subprocess.run([ip, "link", "set", "lo", "up"], capture_output=True, text=True, check=False) if Path(ip).exists() else None
    if done is not None and done.returncode == 0 and reachable():
        return "the loopback interface was down (a fresh network namespace?); brought it up with `ip link set lo up`"
    return "the loopback interface is down and could not be brought up: run `ip link set lo up` first"


def serve(
    index: Path | str | None = None, corpus: Path | str | None = None, host: str = "127.0.0.1", port: int = 7860
) -> int:
    """Start the chat, print its URL, build or update the index in the background (answering from
    the last good index meanwhile), and block until Ctrl+C. Returns an exit code."""
    offline_environment()
    from qa.index import store
    from qa.settings import default_index_dir

    # Before anything is printed: a Ctrl+C right after "press Ctrl+C" must already stop the server.
    _stop_on_signals()
    started = time.perf_counter()
    # Importing gradio takes seconds: do it while the index is checked and the model loads.
    threading.Thread(target=_import_gradio, name="import-gradio", daemon=True).start()
    index_dir = Path(index) if index is not None else default_index_dir()
    corpus_dir = Path(corpus) if corpus is not None else None
    # The chat listens at once: it answers from the last good index (warmed up here) while the
    # index is built or updated in the background, and says so when there is none yet.
    problem = warm_up(index_dir) if store.manifest_path(index_dir).exists() else None
    if problem:
        print(f"warning: {problem}\n  the chat starts anyway and shows this message instead of answers.", file=sys.stderr)
    building = threading.Event()
    building.set()

    auth = auth_from_environment()
    warning = exposure_warning(host, port, auth)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    loopback = ensure_loopback()
    if loopback:
        print(f"warning: {loopback}", file=sys.stderr, flush=True)
    demo = build_ui(index_dir, building)
    builder: threading.Thread | None = None
    try:
        demo.queue(default_concurrency_limit=2).launch(
            server_name=host, server_port=port, auth=auth, prevent_thread_lock=True, quiet=True,
            show_error=False, share=False, inbrowser=False, **launch_kwargs(),
        )
    except OSError as exc:
        print(f"error: cannot listen on {host}:{port}: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # Gradio's start-up check cannot reach its own server (a proxy, no loopback)
        demo.close()
        print(f"error: the chat started but {host}:{port} cannot be reached from this machine ({exc}); "
              "check that the loopback interface is up and that no proxy is used for it "
              "(NO_PROXY=localhost,127.0.0.1)", file=sys.stderr)
        return 1
    try:
        shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
        url = f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"
        print(f"qa chat ready in {time.perf_counter() - started:.1f} s: {url}", flush=True)
        if auth:
            print(f"  login: user {auth[0]!r}, password from ${PASSWORD_ENV}", flush=True)
        if not is_loopback(host):
            print(f"  listening on {host} (all addresses)" if host in ("0.0.0.0", "::") else f"  listening on {host}", flush=True)
        print("  press Ctrl+C to stop", flush=True)
        builder = threading.Thread(target=_build_in_background, args=(index_dir, corpus_dir, building),
                                   name="qa-build", daemon=True)
        try:
            builder.start()
        except RuntimeError as exc:  # "can't start new thread": out of threads or memory
            builder = None
            building.clear()  # nothing is coming: a missing index is reported as missing
            print(f"warning: cannot build or update the index in the background ({exc}); "
                  "answering from the index as it is", file=sys.stderr, flush=True)
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        print("stopping", file=sys.stderr)
    finally:
        try:
            demo.close()
        except Exception as exc:  # stopping anyway: a half-closed server goes with the process
            print(f"warning: the chat server did not close cleanly: {exc!r}", file=sys.stderr, flush=True)
    if builder is not None and builder.is_alive():
        # The build thread may be inside ONNX Runtime or FAISS, whose threads abort the process
        # when the interpreter shuts down around them ("terminate called ...", exit 134). The
        # build is atomic, so leaving it unfinished loses nothing: the next start builds again.
        print("stopping: the index build in progress is left unfinished; the next start builds it again",
              file=sys.stderr, flush=True)
        sys.stdout.flush()
        os._exit(0)
    return 0


__all__ = ["build_ui", "serve", "sources_html", "chat_message", "chat_markdown", "escape_text", "ChatBackend", "launch_kwargs"]

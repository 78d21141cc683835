"""The documents pages, as HTML: the list of documents (with the form that adds one), and the
reader, which shows a document's whole clean text (the text its passages were cut from) with one
passage highlighted. Pure functions of their inputs; the routes are in qa.app.document_routes.

Everything from a document, its metadata or a request is HTML-escaped here, and no page loads
anything from another host. A field the sidecar lists as "supplied" (written by the project or by
whoever added the document, not taken from the document or its publisher) is marked as such.
"""

from __future__ import annotations

import html
from typing import Any, Mapping, Sequence
from urllib.parse import urlencode

from qa.ingest.discover import supplied_fields

# Where the pages live, relative to the chat's own address (the chat is served at the root).
BASE = "qa/documents"
# The id of the highlighted passage in the reader, and the fragment links open it at.
PASSAGE_ANCHOR = "passage"
SUPPLIED_NOTE = "written by the project or by whoever added the document, not taken from the document or its publisher"
NOT_GIVEN = "not given by the source"
# The reader's fields, in order, with their labels.
FIELDS = (("title", "Title"), ("author", "Author"), ("publisher", "Publisher"), ("date", "Date"),
          ("kind", "Kind"), ("source", "Source"))

PAGE_CSS = """
:root { color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; --accent: #2563eb; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
  margin: 0 auto; max-width: 52rem; padding: 1rem 1.1rem 4rem; line-height: 1.55; }
a { color: var(--accent); }
nav { font-size: .9rem; margin-bottom: .8rem; }
h1 { font-size: 1.35rem; margin: .2rem 0 .6rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
dl.qa-meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .9rem; margin: 0 0 1rem; font-size: .92rem; }
dl.qa-meta dt { color: var(--muted); }
dl.qa-meta dd { margin: 0; }
.qa-supplied { font-size: .75rem; border: 1px solid var(--line); border-radius: .6rem; padding: 0 .4rem;
  margin-left: .4rem; color: var(--muted); white-space: nowrap; cursor: help; }
.qa-missing { color: var(--muted); font-style: italic; }
.qa-note { color: var(--muted); font-size: .88rem; margin: -.5rem 0 1rem; }
.qa-text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1rem; border-top: 1px solid var(--line); padding-top: .8rem; }
.qa-text mark { background: #fde68a; color: inherit; padding: .1em 0; scroll-margin: 30vh; }
@media (prefers-color-scheme: dark) { .qa-text mark { background: #a16207; } }
table { width: 100%; border-collapse: collapse; font-size: .92rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num { text-align: right; }
td.qa-date { white-space: nowrap; }
.qa-hint { color: var(--muted); font-size: .88rem; margin: .6rem 0; }
form.qa-upload { display: grid; gap: .45rem; max-width: 30rem; }
form.qa-upload label { display: grid; gap: .1rem; font-size: .9rem; }
input[type=text] { padding: .3rem .4rem; font: inherit; }
button { font: inherit; padding: .3rem .8rem; cursor: pointer; }
.qa-status { margin: .6rem 0; padding: .5rem .7rem; border-left: 3px solid var(--line); font-size: .92rem; }
.qa-status.failed { border-color: #dc2626; }
.qa-status.ready { border-color: #16a34a; }
.qa-off { color: var(--muted); }
@media (max-width: 600px) { body { padding: .7rem; } th:nth-child(2), td:nth-child(2), th:nth-child(3), td:nth-child(3) { display: none; } }
"""


def escape(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def reader_href(doc_id: str, start: int | None = None, end: int | None = None, base: str = BASE) -> str:
    """The reader's address for a document, opened at clean-text offsets [start, end) when given."""
    query: dict[str, Any] = {"doc": doc_id}
    if start is not None and end is not None:
        query.update(start=start, end=end)
    return f"{base}/read?{urlencode(query)}" + (f"#{PASSAGE_ANCHOR}" if start is not None and end is not None else "")


def open_in_document_html(doc_id: str, start: int, end: int) -> str:
    """The "Open in document" link of a source card: the reader in a new tab, at the passage."""
    return (f'<a class="qa-open" href="{escape(reader_href(doc_id, start, end))}" target="_blank" rel="noopener">'
            "Open in document</a>")


def documents_link_html() -> str:
    """The chat's link to the documents page (read, add, remove)."""
    return (f'<p class="qa-status"><a href="{BASE}" target="_blank" rel="noopener">Open the documents page</a>: '
            "read any document in full, add or remove documents.</p>")


def supplied_mark(field: str, meta: Mapping[str, Any]) -> str:
    """" supplied" badge when the sidecar lists the field as supplied, else ""."""
    if field not in supplied_fields(meta):
        return ""
    note = meta.get("extra", {}).get(f"{field}_note") if isinstance(meta.get("extra"), dict) else None
    return f'<span class="qa-supplied" title="{escape(note or SUPPLIED_NOTE)}">{escape(field)} supplied</span>'


def highlighted_text(text: str, start: int | None, end: int | None) -> str:
    """The document's text, escaped, with [start, end) in <mark id="passage"> when it is a valid range."""
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return escape(text)
    return (f"{escape(text[:start])}<mark id=\"{PASSAGE_ANCHOR}\">{escape(text[start:end])}</mark>"
            f"{escape(text[end:])}")


def page(title: str, body: str, script: str = "", nonce: str = "") -> str:
    """A whole HTML page (no external resources); `nonce` lets its script run under the route's
    Content-Security-Policy, which runs no other script."""
    tag = f'<script nonce="{escape(nonce)}">{script}</script>' if script else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{PAGE_CSS}</style></head>"
        f"<body>{body}{tag}</body></html>"
    )


# Centres the highlighted passage (the #passage fragment alone puts it at the top edge), also on a
# reload, where the browser would otherwise restore the earlier scroll position.
_SCROLL_JS = ("history.scrollRestoration = 'manual';"
              f"const m = document.getElementById('{PASSAGE_ANCHOR}');"
              "if (m) { m.scrollIntoView({block: 'center'}); }")


def reader_page(doc_id: str, meta: Mapping[str, Any], text: str, passages: int,
                start: int | None = None, end: int | None = None, nonce: str = "") -> str:
    """The reader: the document's metadata (supplied fields marked), then its whole clean text with
    [start, end) highlighted and scrolled into view."""
    rows = []
    for name, label in FIELDS:
        value = meta.get(name)
        shown = escape(value) if value else f'<span class="qa-missing">{NOT_GIVEN}</span>'
        if name == "source" and not value:
            continue
        rows.append(f"<dt>{label}</dt><dd class=\"qa-field-{name}\">{shown}{supplied_mark(name, meta)}</dd>")
    rows.append(f"<dt>File</dt><dd class=\"qa-field-file\"><code>{escape(doc_id)}</code> · {passages} passages</dd>")
    note = meta.get("extra", {}).get("title_note") if isinstance(meta.get("extra"), dict) else None
    note_html = f'<p class="qa-note">{escape(note)}</p>' if note else ""
    found = start is not None and end is not None and 0 <= start < end <= len(text)
    where = ('<p class="qa-note">The cited passage is highlighted below.</p>' if found else
             '<p class="qa-note">The passage asked for is not in this version of the document; '
             "the whole text is shown.</p>" if start is not None else "")
    body = (
        '<nav><a href="../../">← Chat</a> · <a href="../documents">All documents</a></nav>'
        f'<h1 id="qa-doc-title">{escape(meta.get("title") or doc_id)}</h1>'
        f'<dl class="qa-meta">{"".join(rows)}</dl>{note_html}{where}'
        f'<div class="qa-text" id="qa-text">{highlighted_text(text, start, end)}</div>'
    )
    return page(f"{meta.get('title') or doc_id} — qa", body, _SCROLL_JS if found else "", nonce)


def message_page(title: str, message: str) -> str:
    """A page that only says something (a missing document, a login needed)."""
    body = (f'<nav><a href="/">← Chat</a></nav><h1>{escape(title)}</h1>'
            f'<p class="qa-message">{escape(message)}</p>')
    return page(title, body)


def documents_page(documents: Sequence[Mapping[str, Any]], status: Mapping[str, Any],
                   can_change: bool, why_not: str, problem: str | None = None, nonce: str = "") -> str:
    """The list of documents (each opens in the reader; each can be removed when changes are
    allowed), the upload form or why it is off, and the indexing status."""
    rows = []
    for doc in documents:
        meta = doc["meta"]
        remove = (f'<button type="button" class="qa-remove" data-doc="{escape(doc["doc_id"])}">Remove</button>'
                  if can_change else "")
        state = escape(doc.get("state") or "")
        rows.append(
            f'<tr data-doc="{escape(doc["doc_id"])}">'
            f'<td><a class="qa-read" href="documents/read?{escape(urlencode({"doc": doc["doc_id"]}))}">'
            f'{escape(meta.get("title") or doc["doc_id"])}</a>{supplied_mark("title", meta)}'
            f'<br><small><code>{escape(doc["doc_id"])}</code>{" · " + state if state else ""}</small></td>'
            f'<td>{escape(meta.get("author") or "—")}{supplied_mark("author", meta)}</td>'
            f'<td>{escape(meta.get("publisher") or "—")}{supplied_mark("publisher", meta)}</td>'
            f'<td class="qa-date">{escape(meta.get("date") or "—")}{supplied_mark("date", meta)}</td>'
            f'<td class="num">{doc.get("passages", 0)}</td><td>{remove}</td></tr>'
        )
    table = (
        '<table id="qa-doc-list"><thead><tr><th>Title</th><th>Author</th><th>Publisher</th><th>Date</th>'
        f'<th class="num">Passages</th><th></th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        if rows else f'<p class="qa-missing">{escape(problem or "No documents are indexed.")}</p>'
    )
    if can_change:
        upload = (
            '<form class="qa-upload" id="qa-upload">'
            '<label>File (.txt, .md, .html, .pdf)<input type="file" id="qa-file" name="file" required '
            'accept=".txt,.md,.markdown,.html,.htm,.pdf"></label>'
            '<label>Title (optional)<input type="text" id="qa-title" maxlength="300"></label>'
            '<label>Author (optional)<input type="text" id="qa-author" maxlength="300"></label>'
            '<label>Publisher (optional)<input type="text" id="qa-publisher" maxlength="300"></label>'
            '<label>Date (optional, YYYY-MM-DD)<input type="text" id="qa-date" maxlength="10"></label>'
            '<div><button type="submit" id="qa-upload-button">Add the document</button></div></form>'
            '<p class="qa-hint">Metadata entered here is marked "supplied" wherever it is shown.</p>'
        )
    else:
        upload = f'<p class="qa-off" id="qa-upload-off">{escape(why_not)}</p>'
    body = (
        '<nav><a href="../">← Chat</a></nav><h1>Documents</h1>'
        f'<div id="qa-status-box">{status_html(status)}</div>{table}'
        f'<h2>Add a document</h2>{upload}'
    )
    return page("Documents — qa", body, _DOCUMENTS_JS if can_change else _POLL_JS, nonce)


def status_html(status: Mapping[str, Any]) -> str:
    """The indexing status line (empty when nothing was added or removed since the server started)."""
    if not status or status.get("state") == "idle":
        return ""
    return f'<p class="qa-status {escape(status["state"])}" id="qa-status">{escape(status.get("message", ""))}</p>'


# Polls the status while a build runs, then reloads the list.
_POLL_JS = """
async function qaPoll() {
  const r = await fetch('documents/status', {cache: 'no-store'});
  if (!r.ok) return;
  const s = await r.json();
  const box = document.getElementById('qa-status-box');
  box.innerHTML = '';
  if (s.state !== 'idle') {
    const p = document.createElement('p');
    const running = s.state === 'waiting' || s.state === 'indexing';
    p.className = 'qa-status ' + s.state; p.id = 'qa-status';
    p.textContent = s.message + (running ? ' ' + Math.round(s.seconds) + ' s' : '');
    box.appendChild(p);
  }
  if (s.state === 'waiting' || s.state === 'indexing') { setTimeout(qaPoll, 700); }
  else if (window.qaReloadWhenDone) { window.qaReloadWhenDone = false; location.reload(); }
}
qaPoll();
"""

# Uploads the chosen file as the request body (metadata in the query), removes a document after a
# second click, and shows the indexing progress.
_DOCUMENTS_JS = _POLL_JS + """
function qaSay(text, state) {
  const box = document.getElementById('qa-status-box');
  box.innerHTML = '';
  const p = document.createElement('p');
  p.className = 'qa-status ' + state; p.id = 'qa-status'; p.textContent = text;
  box.appendChild(p);
}
async function qaSend(url, body) {
  const r = await fetch(url, {method: 'POST', body: body, cache: 'no-store',
    headers: {'X-QA-Documents': '1', 'Content-Type': 'application/octet-stream'}});
  let data = {};
  try { data = await r.json(); } catch (e) { data = {error: 'the server answered ' + r.status}; }
  if (!r.ok) { qaSay(data.error || ('the server answered ' + r.status), 'failed'); return false; }
  qaSay(data.message, 'waiting'); window.qaReloadWhenDone = true; setTimeout(qaPoll, 300); return true;
}
document.getElementById('qa-upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('qa-file').files[0];
  if (!file) return;
  const query = new URLSearchParams({name: file.name});
  for (const f of ['title', 'author', 'publisher', 'date']) {
    const v = document.getElementById('qa-' + f).value.trim();
    if (v) query.set(f, v);
  }
  qaSay('Uploading ' + file.name + '…', 'waiting');
  await qaSend('documents/upload?' + query.toString(), file);
});
for (const button of document.querySelectorAll('button.qa-remove')) {
  button.addEventListener('click', async () => {
    if (button.dataset.armed !== '1') { button.dataset.armed = '1'; button.textContent = 'Click again to remove'; return; }
    button.disabled = true;
    await qaSend('documents/remove?' + new URLSearchParams({doc: button.dataset.doc}).toString(), '');
  });
}
"""


__all__ = ["BASE", "documents_link_html", "documents_page", "message_page", "open_in_document_html", "reader_href", "reader_page",
           "status_html", "supplied_mark"]

"""Item 4 — hostile text in the UI, in a real Chromium: XSS payloads placed in documents (plain text,
Markdown, HTML entities that decode to tags, titles and publishers) and typed as questions. No
payload may run (each sets a window flag and calls alert()), no dialog may open, and the text must
show as text: in the answer, in the sources panel, in the documents view and in the user's own bubble.

Reuses the app and browser fixtures of tests/conftest.py (qa_launch_app, qa_browser, qa_page).
"""

from __future__ import annotations

import json
import time

import pytest
from conftest import qa_open_new_chat

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

WAIT_MS = 90_000

# (topic word, payload). Each payload sets window.__xss_<topic> (or alerts) if it ever runs.
PAYLOADS = [
    ("amber", "<script>window.__xss_amber=1;alert('amber')</script>"),
    ("birch", '<img src=x onerror="window.__xss_birch=1;alert(\'birch\')">'),
    ("cobalt", '<svg onload="window.__xss_cobalt=1;alert(\'cobalt\')"><circle r=5 /></svg>'),
    ("dahlia", '<a href="javascript:window.__xss_dahlia=1;alert(\'dahlia\')">open the map</a>'),
    ("ember", '<iframe srcdoc="<script>parent.__xss_ember=1;parent.alert(\'ember\')</script>"></iframe>'),
    ("fennel", '<div style="background-image:url(javascript:window.__xss_fennel=1)">fennel</div>'),
    ("garnet", '<p style="width:expression(window.__xss_garnet=1)">garnet</p>'),
    ("hazel", '<body onload="window.__xss_hazel=1;alert(\'hazel\')">'),
    ("indigo", '<input autofocus onfocus="window.__xss_indigo=1;alert(\'indigo\')">'),
    ("juniper", '<details open ontoggle="window.__xss_juniper=1;alert(\'juniper\')"><summary>x</summary></details>'),
    ("kestrel", "[click the kestrel link](javascript:window.__xss_kestrel=1;alert('kestrel'))"),
    ("lilac", "![lilac picture](javascript:window.__xss_lilac=1)"),
    ("marble", '![marble](x" onerror="window.__xss_marble=1;alert(\'marble\'))'),
    ("nutmeg", "&lt;script&gt;window.__xss_nutmeg=1;alert('nutmeg')&lt;/script&gt;"),
    ("orchid", "&#60;img src=x onerror=window.__xss_orchid=1&#62;"),
    ("pewter", "\\u003cscript\\u003ewindow.__xss_pewter=1\\u003c/script\\u003e"),
    ("quartz", "</textarea><script>window.__xss_quartz=1;alert('quartz')</script>"),
    ("russet", "{{7*7}} {{constructor.constructor('window.__xss_russet=1;alert(1)')()}}"),
    ("saffron", "${window.__xss_saffron=1} ${alert('saffron')} `${7*7}`"),
    ("thistle", '"><script>window.__xss_thistle=1</script><"'),
    ("umber", "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss_umber=1\"></style></mglyph></table></mtext></math>"),
    ("violet", '<object data="javascript:window.__xss_violet=1"></object><embed src="javascript:window.__xss_violet=2">'),
    ("willow", '<a href="jav&#x09;ascript:window.__xss_willow=1">willow</a>'),
    ("yarrow", '<meta http-equiv="refresh" content="0;url=javascript:window.__xss_yarrow=1">'),
    ("zircon", '<video><source onerror="window.__xss_zircon=1;alert(\'zircon\')"></video>'),
    ("acacia", "$$\\href{javascript:window.__xss_acacia=1}{acacia}$$ and $\\unicode{x3c}script$"),
    ("basalt", '<form><button formaction="javascript:window.__xss_basalt=1">go</button></form>'),
    ("cedar", "<style>@import 'javascript:window.__xss_cedar=1'; body{background:red}</style>"),
    ("dune", "＜script＞window.__xss_dune=1＜/script＞ \u202e<script>window.__xss_dune=2</script>"),
]

# Payloads also placed in an HTML document as entities, so the loader decodes them into real tags.
HTML_DECODED = {
    "elm": "<script>window.__xss_elm=1;alert('elm')</script>",
    "fig": '<img src=x onerror="window.__xss_fig=1;alert(\'fig\')">',
}


def _sentence(topic: str, payload: str) -> str:
    return f"The {topic} gallery label read {payload} in large letters."


def _question(topic: str) -> str:
    return f"What did the {topic} gallery label read?"


@pytest.fixture(scope="module")
def xss_app(tmp_path_factory, qa_launch_app):
    import html

    from qa.index.build import build_index

    root = tmp_path_factory.mktemp("xss")
    corpus = root / "corpus"
    corpus.mkdir()
    half = len(PAYLOADS) // 2
    for name, part in (("gallery-a.txt", PAYLOADS[:half]), ("gallery-b.md", PAYLOADS[half:])):
        body = "\n\n".join(_sentence(t, p) for t, p in part)
        (corpus / name).write_text(f"Museum labels\n\n{body}\n", encoding="utf-8")
    paragraphs = "".join(f"<p>{html.escape(_sentence(t, p))}</p>" for t, p in HTML_DECODED.items())
    (corpus / "gallery-c.html").write_text(
        f"<html><head><title>Gallery &lt;script&gt;alert(1)&lt;/script&gt;</title></head><body>{paragraphs}</body></html>",
        encoding="utf-8",
    )
    meta = {
        "gallery-a.txt": {"title": PAYLOADS[0][1] + " Museum " + PAYLOADS[1][1], "publisher": PAYLOADS[3][1],
                          "author": PAYLOADS[17][1], "date": "2024-05-01", "kind": PAYLOADS[10][1]},
        "gallery-b.md": {"title": PAYLOADS[16][1], "publisher": PAYLOADS[13][1]},
    }
    (corpus / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    build_index(corpus, root / "index")
    return {"url": qa_launch_app(root / "index"), "meta": meta}


FLAGS_JS = "() => Object.keys(window).filter(k => k.startsWith('__xss'))"
# Anything active inside the answers, the sources panel and the documents view ("where: what").
# The user's own bubble is checked separately (see the last test).
ACTIVE_JS = """(regions) => {
  const found = [];
  const bad = ['script', 'iframe', 'object', 'embed', 'base', 'meta', 'form', 'input', 'button', 'video', 'audio',
               'source', 'math', 'img', 'link', 'textarea', 'select', 'details', 'marquee', 'frame', 'frameset'];
  for (const [where, selector] of Object.entries(regions)) {
    for (const root of document.querySelectorAll(selector)) {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        // The page's own source cards are <details class="qa-card"> in an answer's sources block;
        // any handler on them is still caught by the attribute check below.
        const ownCard = tag === 'details' && el.classList.contains('qa-card') && el.closest('.qa-answer-sources');
        if (bad.includes(tag) && !ownCard && !el.closest('[data-testid="copy-button"], .icon-button-wrapper, .message-buttons'))
          found.push(where + ': <' + tag + '>');
        for (const a of el.attributes) {
          const value = a.value.replace(/[\\s\\x00-\\x1f]/g, '').toLowerCase();
          if (a.name.startsWith('on')) found.push(where + ': ' + tag + '[' + a.name + ']');
          if (value.startsWith('javascript:') || value.includes('javascript:') && ['href', 'src', 'data', 'action', 'formaction', 'srcdoc', 'xlink:href'].includes(a.name))
            found.push(where + ': ' + tag + '[' + a.name + '=' + a.value.slice(0, 40) + ']');
        }
      }
    }
  }
  return found;
}"""
REGIONS = {"answer": "#chatbot [data-testid='bot']", "sources": "#qa-sources", "documents": ".qa-docs"}
USER = {"user bubble": "#chatbot [data-testid='user']"}

DONE_JS = """(n) => {
  const bots = document.querySelectorAll("#chatbot [data-testid='bot']");
  const box = document.querySelector('#question textarea');
  return bots.length >= n && !bots[n - 1].innerText.includes('Searching the documents') && box && !box.disabled;
}"""


def _open(page, url: str) -> None:
    """The chat with a new conversation (`qa_open_new_chat`)."""
    qa_open_new_chat(page, url, WAIT_MS)


def _ask(page, text: str) -> None:
    # Counted, not assumed to be 0: the conversation saved before the reload can come back (the
    # page's storage write may land after the clear), and its answer is not this question's.
    before = page.locator("#chatbot [data-testid='bot']").count()
    box = page.locator("#question textarea")
    box.fill(text)
    box.press("Enter")
    page.wait_for_function(DONE_JS, arg=before + 1, timeout=WAIT_MS)


def _network(requests: list[str]) -> list[str]:
    """Requests that would leave the machine (javascript: pseudo-URLs are counted apart: no network)."""
    return [r for r in requests if not r.lower().startswith("javascript:")]


def test_xss_payloads_in_documents_and_questions_run_nothing_and_show_as_text(qa_browser, qa_page, xss_app) -> None:
    page = qa_page
    url = xss_app["url"]
    shown_text = []
    user_bubbles: dict[str, str] = {}
    user_active: dict[str, list[str]] = {}
    answered = abstained = 0
    active: list[str] = []
    flags: list[str] = []
    t0 = time.perf_counter()
    questions = [*PAYLOADS, *HTML_DECODED.items()]
    for topic, payload in questions:
        _open(page, url)  # a new conversation per payload; window flags are checked before each reload
        _ask(page, f"{_question(topic)} {payload}")
        bot = page.locator("#chatbot [data-testid='bot']").last.inner_text()
        # The answer's own source cards are collapsed <details>: their text is read whether open or not.
        cards = page.locator("#chatbot [data-testid='bot']").last.locator(".qa-answer-sources").all_text_contents()
        shown_text.append(bot + "\n" + "\n".join(cards) + "\n" + page.locator("#qa-sources").inner_text())
        user_bubbles[topic] = page.locator("#chatbot [data-testid='user']").last.inner_text()
        user_active[topic] = page.evaluate(ACTIVE_JS, USER)
        answered += "[1]" in bot
        abstained += "do not answer" in bot
        flags += page.evaluate(FLAGS_JS)
        active += [f"{topic}: {a}" for a in page.evaluate(ACTIVE_JS, REGIONS)]
    page.get_by_role("button", name="Indexed documents").click()
    page.locator(".qa-docs table").wait_for(timeout=WAIT_MS)
    docs_text = page.locator(".qa-docs").inner_text()
    flags += page.evaluate(FLAGS_JS)
    active += [f"documents view: {a}" for a in page.evaluate(ACTIVE_JS, REGIONS)]
    seconds = time.perf_counter() - t0

    everything = "\n".join(shown_text)
    missing = [t for t, p in questions if p not in everything]
    bubble_verbatim = [t for t, p in questions if p in user_bubbles[t]]
    bubble_markup = {t: a for t, a in user_active.items() if a}
    pseudo = sorted(set(page.qa_external) - set(_network(page.qa_external)))
    print(f"\n[xss] {len(questions)} payloads placed in 3 documents (+ titles, publishers, author, kind) and typed as "
          f"questions: {len(questions)} browser round trips in {seconds:.0f} s; {answered} answered with citations, "
          f"{abstained} abstained; payload shown as text in answer/sources: {len(questions) - len(missing)}/"
          f"{len(questions)}; window flags set: {len(flags)}; dialogs: {len(page.qa_dialogs)}; active markup in "
          f"answers/sources/documents: {len(active)}")
    print(f"[xss] user's own bubble (Gradio renders it): verbatim for {len(bubble_verbatim)}/{len(questions)}; "
          f"rendered markup in {len(bubble_markup)}: {bubble_markup}; javascript: URLs the browser tried to load "
          f"(blocked, no network): {pseudo}")

    assert flags == [], f"a payload ran: {flags}"
    assert page.qa_dialogs == [], f"a dialog opened: {page.qa_dialogs}"
    assert active == [], f"active markup reached the answers, sources or documents view: {active}"
    assert _network(page.qa_external) == [], f"requests left 127.0.0.1: {sorted(set(page.qa_external))}"
    assert missing == [], f"payload text not shown as text in the answer or the sources for: {missing}"
    assert answered + abstained == len(questions)
    assert "{{7*7}}" in everything and "${window.__xss_saffron=1}" in everything and "49" not in everything
    assert xss_app["meta"]["gallery-a.txt"]["title"] in docs_text
    assert xss_app["meta"]["gallery-a.txt"]["publisher"] in docs_text
    assert xss_app["meta"]["gallery-b.md"]["title"] in docs_text
    assert xss_app["meta"]["gallery-b.md"]["publisher"] in docs_text
    assert "Gallery <script>alert(1)</script>" in docs_text  # the HTML <title>'s entities, decoded, shown as text


# The user's question is shown by Gradio's Chatbot, which renders Markdown and sanitised HTML.
BUBBLE_PAYLOADS = [PAYLOADS[1], PAYLOADS[5], PAYLOADS[8], PAYLOADS[11], PAYLOADS[26], PAYLOADS[0]]


def test_the_users_own_question_shows_as_typed(qa_browser, qa_page, xss_app) -> None:
    page = qa_page
    problems = {}
    for topic, payload in BUBBLE_PAYLOADS:
        _open(page, xss_app["url"])
        typed = f"{_question(topic)} {payload}"
        _ask(page, typed)
        bubble = page.locator("#chatbot [data-testid='user']").last.inner_text()
        markup = page.evaluate(ACTIVE_JS, USER)
        if payload not in bubble or markup:
            problems[topic] = {"shown": bubble, "markup": markup,
                               "bubbles": page.locator("#chatbot [data-testid='user']").all_inner_texts()}
        assert page.evaluate(FLAGS_JS) == [] and page.qa_dialogs == []
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)

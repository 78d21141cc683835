"""The reader's page in a real Chromium: citations that bring their source into view, each answer
with its own sources, the phone layout, the conversation kept across reloads, blank questions
ignored, the question box's limit, and a name for every control.

Fixtures: tests/conftest.py ("UI & browser fixtures"). Screenshots go to tests/artifacts/; with
QA_UPDATE_SCREENSHOTS=1 the phone and laptop views are also saved to docs/screenshots/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"
WAIT_MS = 90_000

BANK_Q = "Which bank is Russia's largest?"
BANK_SENTENCE = "Imposing the same costs on Sberbank, Russia’s largest bank"
PLAN_Q = "How many points does the peace plan have?"
ALCARO_TITLE = "Russia–Ukraine Talks and the Indispensable Role of the US and Europe"
BANK_TITLE = "Diplomacy needs pressure: the Istanbul talks and Ukraine's 10-point plan"

BOTS = "#chatbot [data-testid='bot']"
# True once the n-th bot message has its final text (its sources block, or an error) and the box is enabled.
DONE_JS = """(n) => {
  const bots = document.querySelectorAll("#chatbot [data-testid='bot']");
  const box = document.querySelector('#question textarea');
  return bots.length >= n && !bots[n - 1].innerText.includes('Searching the documents') && box && !box.disabled;
}"""
# Every visible button and text box without an accessible name (aria-label, aria-labelledby or text).
UNNAMED_JS = """() => [...document.querySelectorAll('button, textarea, input, summary, a[href]')]
  .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .filter((e) => !((e.getAttribute('aria-label') || '').trim() || e.getAttribute('aria-labelledby')
                   || (e.tagName !== 'TEXTAREA' && e.tagName !== 'INPUT' && e.innerText.trim())))
  .map((e) => e.outerHTML.slice(0, 160))"""


def open_chat(page, url: str, width: int = 1366, height: int = 768) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url)
    page.wait_for_selector("#question textarea", timeout=WAIT_MS)


def ask(page, question: str, n: int) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(DONE_JS, arg=n, timeout=WAIT_MS)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth")


def scroll_chat_to(element, edge: str) -> None:
    """Scroll the chat (not the page) so the element's top ("start") or bottom ("end") is at that edge."""
    element.evaluate("""(e, edge) => {
      const chat = e.closest('.bubble-wrap'), box = e.getBoundingClientRect(), view = chat.getBoundingClientRect();
      chat.scrollTop += edge === 'start' ? box.top - view.top - 8 : box.bottom - view.bottom + 8;
      window.scrollTo(0, 0);
    }""", edge)


def screenshot(page, name: str) -> None:
    """tests/artifacts/<name>, and docs/screenshots/<name> when QA_UPDATE_SCREENSHOTS=1."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))
    if os.environ.get("QA_UPDATE_SCREENSHOTS") == "1":
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ARTIFACTS / name, DOCS_SCREENSHOTS / name)


def test_a_marker_of_an_earlier_answer_shows_that_answers_passage(qa_page, qa_app_url):
    page = qa_page
    open_chat(page, qa_app_url, 1280, 800)
    ask(page, BANK_Q, 1)
    ask(page, PLAN_Q, 2)
    panel = page.locator("#qa-sources")
    assert panel.locator(".qa-title").all_inner_texts() == [BANK_TITLE, ALCARO_TITLE]  # the latest answer's

    first = page.locator(BOTS).nth(0)
    assert first.locator("strong").first.inner_text() == "Sberbank"  # the short answer stays bold
    first.locator("a.qa-cite").last.click()
    target = panel.locator(".qa-source.qa-target")
    target.wait_for(timeout=5_000)
    assert target.count() == 1 and target.is_visible()
    assert target.locator(".qa-title").inner_text() == BANK_TITLE
    assert BANK_SENTENCE in target.locator("mark").inner_text()
    assert panel.locator(".qa-source").count() == 1  # the first answer has one source, not the latest's two
    assert target.evaluate("(e) => getComputedStyle(e).outlineStyle") != "none"  # highlighted
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    scroll_chat_to(first, "start")
    screenshot(page, "laptop.png")

    # The second answer's [2] shows its own second passage; clicking an answer shows its sources.
    page.locator(BOTS).nth(1).locator("a.qa-cite", has_text="[2]").click()
    assert panel.locator(".qa-source.qa-target .qa-title").inner_text() == ALCARO_TITLE
    page.locator(BOTS).nth(0).locator("p").last.click()
    assert panel.locator(".qa-title").all_inner_texts() == [BANK_TITLE]

    # "Copy message" copies the answer as text with a line per source, not its HTML.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=qa_app_url.rstrip("/"))
    page.locator("#chatbot .message-buttons").nth(1).get_by_role("button", name="Copy message").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith("Sberbank [1]\n\n" + BANK_SENTENCE)
    # The 1 April piece's title was written by the project: its card says so.
    assert f"\n\nSources:\n[1] {BANK_TITLE} title supplied (2022-04-01" in copied and "<" not in copied
    assert page.qa_external == [] and page.qa_dialogs == []


def test_on_a_phone_the_sources_are_under_each_answer(qa_page, qa_app_url):
    page = qa_page
    open_chat(page, qa_app_url, 390, 844)
    ask(page, BANK_Q, 1)
    ask(page, PLAN_Q, 2)
    assert no_sideways_scroll(page)
    assert not page.locator("#qa-sources").is_visible()  # the side panel gives way to the answers' own
    first = page.locator(BOTS).nth(0)
    cards = first.locator(".qa-answer-sources details.qa-card")
    assert cards.count() == 1 and cards.first.is_visible()
    assert cards.first.locator("summary").inner_text().replace("\n", " ") == f"[1] {BANK_TITLE} title supplied"
    assert not cards.first.locator(".qa-passage").is_visible()  # collapsed to one line
    assert page.locator(BOTS).nth(1).locator(".qa-answer-sources details.qa-card").count() == 2
    scroll_chat_to(page.locator(BOTS).nth(1).locator(".qa-answer-sources"), "end")
    screenshot(page, "phone.png")

    first.locator("a.qa-cite").last.click()
    passage = cards.first.locator(".qa-passage")
    passage.wait_for(state="visible", timeout=5_000)
    assert "qa-target" in cards.first.get_attribute("class")
    assert BANK_SENTENCE in passage.locator("mark").inner_text()
    box = cards.first.bounding_box()
    assert box is not None and box["y"] < 844 and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert no_sideways_scroll(page)

    # The input stays reachable: on screen (after scrolling to it) and usable.
    box = page.locator("#question textarea")
    box.scroll_into_view_if_needed()
    rect = box.bounding_box()
    assert rect is not None and rect["x"] >= 0 and rect["x"] + rect["width"] <= 390
    assert box.is_enabled()
    assert page.qa_external == []


def test_the_conversation_survives_a_reload_and_the_clear_button_empties_it(qa_page, qa_app_url):
    page = qa_page
    open_chat(page, qa_app_url)
    ask(page, BANK_Q, 1)
    before = page.locator(BOTS).nth(0).inner_text()
    page.reload()
    page.wait_for_selector("#question textarea", timeout=WAIT_MS)
    page.locator(BOTS).first.wait_for(timeout=WAIT_MS)
    assert page.locator("#chatbot [data-testid='user']").all_inner_texts() == [BANK_Q]
    assert page.locator(BOTS).nth(0).inner_text() == before
    # The restored answer still has its sources, in the side panel and behind its marker.
    page.locator("#qa-sources .qa-title").first.wait_for(timeout=5_000)
    assert page.locator("#qa-sources .qa-title").all_inner_texts() == [BANK_TITLE]
    # A follow-up continues the restored conversation (it is the history the server gets).
    ask(page, "And which one is the second largest?", 2)
    assert "VTB" in page.locator(BOTS).nth(1).inner_text()

    page.get_by_role("button", name="Clear").click()
    page.wait_for_function("() => !document.querySelector(\"#chatbot [data-testid='bot']\")", timeout=WAIT_MS)
    page.reload()
    page.wait_for_selector("#question textarea", timeout=WAIT_MS)
    page.wait_for_timeout(1_500)  # the restore runs at load; nothing must come back
    assert page.locator("#chatbot [data-testid='user']").count() == 0


def test_a_blank_question_leaves_no_bubble(qa_page, qa_app_url):
    page = qa_page
    open_chat(page, qa_app_url)
    box = page.locator("#question textarea")
    box.fill("   ")
    box.press("Enter")
    page.locator("#question .submit-button").click()
    page.wait_for_timeout(1_000)
    assert page.locator("#chatbot [data-testid='user']").count() == 0
    assert page.locator(BOTS).count() == 0
    # A real question right after is answered as usual.
    ask(page, BANK_Q, 1)
    assert page.locator("#chatbot [data-testid='user']").all_inner_texts() == [BANK_Q]


def test_the_question_box_shows_its_limit_while_typing(qa_page, qa_app_url):
    from qa.settings import MAX_QUESTION_CHARS

    page = qa_page
    open_chat(page, qa_app_url)
    box = page.locator("#question textarea")
    counter = page.locator("#qa-counter .qa-counter")
    assert counter.inner_text() == f"0 / {MAX_QUESTION_CHARS:,} characters"
    box.press_sequentially("Which bank")
    assert counter.inner_text() == f"10 / {MAX_QUESTION_CHARS:,} characters"
    # A 5,000-character paste is cut to the limit in the box, and the counter says so.
    box.fill("")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=qa_app_url.rstrip("/"))
    page.evaluate("(text) => navigator.clipboard.writeText(text)", "why " * 1_250)
    box.focus()
    box.press("Control+V")
    assert len(box.input_value()) == MAX_QUESTION_CHARS
    page.wait_for_function("() => document.querySelector('#qa-counter .qa-counter').innerText.includes('cut')")
    assert f"limited to {MAX_QUESTION_CHARS:,} characters" in counter.inner_text()
    assert "qa-full" in counter.get_attribute("class")


def test_every_control_has_a_name_and_no_icon_covers_a_message(qa_page, qa_app_url):
    page = qa_page
    open_chat(page, qa_app_url)
    assert page.evaluate(UNNAMED_JS) == []
    for i, question in enumerate([BANK_Q, PLAN_Q, "When did Russia sign the Budapest memorandum?"], start=1):
        ask(page, question, i)
    assert page.evaluate(UNNAMED_JS) == []
    assert page.get_by_role("button", name="Send question").count() == 1
    assert page.get_by_role("button", name="Clear").count() == 1
    assert page.get_by_role("textbox", name="Question").count() == 1
    page.get_by_role("button", name="Indexed documents", exact=False).click()
    assert page.evaluate(UNNAMED_JS) == []

    # Scrolled half-way, the chat's top-right icon sits above the messages' area, not over a message.
    page.evaluate("() => { const w = document.querySelector('#chatbot .bubble-wrap'); w.scrollTop = w.scrollHeight / 3; }")
    icon = page.locator("#chatbot .top-panel").bounding_box()
    messages = page.locator("#chatbot .bubble-wrap").bounding_box()
    assert icon is not None and messages is not None
    assert icon["y"] + icon["height"] <= messages["y"] + 0.5


def test_the_documents_footer_names_the_index_once(qa_page, qa_app_url, built_index):
    page = qa_page
    open_chat(page, qa_app_url)
    page.get_by_role("button", name="Indexed documents", exact=False).click()
    status = page.locator(".qa-docs .qa-status").first
    status.wait_for(timeout=WAIT_MS)
    text = status.inner_text()
    assert "index index" not in text and f"in {built_index.index}" in text

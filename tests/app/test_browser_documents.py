"""The documents pages in a real Chromium: the reader opened at a cited passage, documents added
from the browser (then asked about) and removed, a hostile document shown as text, and adding
refused on a server exposed without a password (and allowed behind one).

Every app here serves a temporary copy of the real corpus and its index, never corpus/ itself.
Fixtures from tests/conftest.py: built_index, qa_launch_app, qa_browser, qa_page, qa_free_port.
"""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from conftest import DOC_000, clone_index, qa_free_port, qa_open_new_chat

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
WAIT_MS = 90_000
# An upload must be searchable within a minute.
INDEX_MS = 60_000

BANK_Q = "Which bank is Russia's largest?"
NEW_NAME = "zorblax-treaty.txt"
NEW_TEXT = (
    "The Zorblax Treaty\n\n"
    "The Zorblax Treaty was signed in the city of Vilnius on 3 May 2021 by twelve delegates.\n\n"
    "It created the Northern Fisheries Council, which meets every spring in Tallinn.\n"
)
NEW_Q = "Where was the Zorblax Treaty signed?"
HOSTILE_NAME = "harbour-notice.txt"
HOSTILE_TEXT = (
    "The harbour notice\n\n"
    "The sign on the pier displayed <script>window.__xss=1</script> to every visitor.\n\n"
    'A second sign showed <img src=x onerror="window.__xss=2"> beside the booth.\n'
)
HOSTILE_TITLE = "<b>Harbour</b> <img src=x onerror=\"window.__xss=3\">"

# The highlighted passage starts inside the window.
IN_VIEW_JS = ("() => { const r = document.getElementById('passage').getBoundingClientRect();"
              " return r.top >= 0 && r.top < window.innerHeight; }")
DONE_JS = """(n) => {
  const bots = document.querySelectorAll("#chatbot [data-testid='bot']");
  const box = document.querySelector('#question textarea');
  return bots.length >= n && !bots[n - 1].innerText.includes('Searching the documents') && box && !box.disabled;
}"""


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


@pytest.fixture(scope="module")
def served(built_index, qa_launch_app, tmp_path_factory):
    """(chat URL, corpus folder, index folder) of a chat on 127.0.0.1 over a private copy."""
    clone = clone_index(built_index, tmp_path_factory.mktemp("documents"))
    corpus, index = clone.corpus, clone.index
    return qa_launch_app(index), corpus, index


def _launch(index: Path, host: str, auth=None):
    from qa.app.chat import build_ui, launch_kwargs

    demo = build_ui(index)
    port = qa_free_port()
    demo.queue().launch(server_name=host, server_port=port, prevent_thread_lock=True, quiet=True, auth=auth,
                        **launch_kwargs())
    return demo, f"http://127.0.0.1:{port}/"


def ask(page, question: str, n: int) -> str:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(DONE_JS, arg=n, timeout=WAIT_MS)
    return page.locator("#chatbot [data-testid='bot']").nth(n - 1).inner_text()


def open_chat(page, url: str) -> None:
    """The chat with a new conversation (the page keeps the last one in the browser's storage)."""
    qa_open_new_chat(page, url, WAIT_MS)


def upload(page, base: str, name: str, text: str, **meta: str) -> None:
    """Add a file through the documents page's form and wait until the index says it is up to date."""
    from playwright.sync_api import expect

    page.goto(base + "qa/documents")
    page.set_input_files("#qa-file", files=[{"name": name, "mimeType": "text/plain", "buffer": text.encode("utf-8")}])
    for field, value in meta.items():
        page.fill(f"#qa-{field}", value)
    page.click("#qa-upload-button")
    _wait_for_status(page, f"Added {name}")
    expect(page.locator(f"tr[data-doc='{name}']")).to_have_count(1, timeout=WAIT_MS)  # the list, reloaded


def _wait_for_status(page, change: str) -> None:
    """Wait until the status line reports the change done (it may show an earlier change at first)."""
    status = page.locator("#qa-status", has_text=change).and_(page.locator(".ready, .failed"))
    status.wait_for(timeout=INDEX_MS)
    assert "up to date" in status.inner_text() and "failed" not in (status.get_attribute("class") or ""), status.inner_text()


def remove(page, base: str, doc_id: str) -> None:
    from playwright.sync_api import expect

    page.goto(base + "qa/documents")
    button = page.locator(f"tr[data-doc='{doc_id}'] button.qa-remove")
    button.click()
    assert button.inner_text() == "Click again to remove"  # a single click removes nothing
    button.click()
    _wait_for_status(page, f"Removed {doc_id}")
    expect(page.locator(f"tr[data-doc='{doc_id}']")).to_have_count(0, timeout=WAIT_MS)  # the list, reloaded


def test_a_source_opens_its_document_at_the_cited_passage(qa_browser, qa_page, served):
    from qa.answering.answerer import answer

    url, corpus, index = served
    expected = answer(BANK_Q, index=index).citations[0]
    page = qa_page
    open_chat(page, url)
    ask(page, BANK_Q, 1)
    link = page.locator("#qa-sources .qa-source").first.get_by_role("link", name="Open in document")
    with page.context.expect_page() as opened:
        link.click()
    reader = opened.value
    reader.wait_for_load_state()
    mark = reader.locator("mark#passage")
    assert mark.count() == 1
    assert mark.inner_text() == expected.text
    reader.wait_for_function(IN_VIEW_JS, timeout=WAIT_MS)
    assert reader.locator("#qa-doc-title").inner_text() == expected.title
    # The whole clean text is there, not only the passage.
    whole = reader.locator("#qa-text").inner_text()
    assert len(whole) > len(expected.text) * 3 and expected.text in whole
    reader.screenshot(path=str(_artifact("reader-at-passage.png")))
    assert reader.evaluate("() => window.scrollY") > 0  # scrolled down to a passage past the top
    phone = reader.context.new_page()  # the same link opened on a phone-sized screen
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(reader.url)
    phone.wait_for_function(IN_VIEW_JS, timeout=WAIT_MS)
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
    phone.screenshot(path=str(_artifact("reader-phone.png")))
    phone.close()

    # From the chat's documents view: the 1 April piece, whose title the project wrote.
    page.get_by_role("button", name=re.compile(r"^Indexed documents")).click()
    with page.context.expect_page() as opened:
        page.locator(".qa-docs a", has_text="Diplomacy needs pressure").click()
    doc = opened.value
    doc.wait_for_load_state()
    assert doc.locator(".qa-field-title .qa-supplied").inner_text() == "title supplied"
    assert "not given by the source" in doc.locator(".qa-field-author").inner_text()
    assert "not given by the source" in doc.locator(".qa-field-publisher").inner_text()
    assert doc.locator(".qa-field-date .qa-supplied").count() == 0  # the date is the file's own
    assert doc.locator("mark").count() == 0
    assert page.qa_external == []


def test_upload_then_ask_then_remove(qa_browser, qa_page, served):
    from qa.index.store import IndexFiles

    url, corpus, index = served
    page = qa_page
    upload(page, url, NEW_NAME, NEW_TEXT, title="The Zorblax Treaty", date="2021-05-03")
    assert (corpus / NEW_NAME).read_text(encoding="utf-8") == NEW_TEXT
    row = page.locator(f"tr[data-doc='{NEW_NAME}']")
    assert "The Zorblax Treaty" in row.inner_text() and "title supplied" in row.inner_text()
    page.screenshot(path=str(_artifact("documents-after-upload.png")), full_page=True)

    open_chat(page, url)
    text = ask(page, NEW_Q, 1)
    assert "Vilnius" in text, text
    assert "The Zorblax Treaty" in page.locator("#qa-sources").inner_text()

    remove(page, url, NEW_NAME)
    assert page.locator(f"tr[data-doc='{NEW_NAME}']").count() == 0
    assert not (corpus / NEW_NAME).exists()
    assert NEW_NAME not in json.loads((corpus / "metadata.json").read_text(encoding="utf-8"))
    assert NEW_NAME not in IndexFiles.open(index).documents()

    open_chat(page, url)
    text = ask(page, NEW_Q, 1)
    assert "Vilnius" not in text and "Zorblax Treaty" not in page.locator("#qa-sources").inner_text()
    page.get_by_role("button", name=re.compile(r"^Indexed documents")).click()
    page.locator(".qa-docs table").wait_for(timeout=WAIT_MS)
    assert "Zorblax" not in page.locator(".qa-docs").inner_text()
    assert page.qa_external == []


def test_upload_refuses_an_existing_name_and_a_hostile_document_shows_as_text(qa_browser, qa_page, served):
    url, corpus, index = served
    page = qa_page
    # A file named like a document of the corpus is refused, and the document is untouched.
    before = (corpus / DOC_000).read_bytes()
    page.goto(url + "qa/documents")
    page.set_input_files("#qa-file", files=[{"name": DOC_000, "mimeType": "text/plain", "buffer": b"replaced"}])
    page.click("#qa-upload-button")
    page.locator("#qa-status.failed").wait_for(timeout=WAIT_MS)
    assert "already in the corpus" in page.locator("#qa-status").inner_text()
    assert (corpus / DOC_000).read_bytes() == before

    upload(page, url, HOSTILE_NAME, HOSTILE_TEXT, title=HOSTILE_TITLE)
    page.locator(f"tr[data-doc='{HOSTILE_NAME}'] a.qa-read").click()  # the reader, in the same tab
    page.wait_for_url("**/qa/documents/read?doc=*")
    reader = page
    assert "<script>window.__xss=1</script>" in reader.locator("#qa-text").inner_text()
    assert reader.locator("#qa-doc-title").inner_text() == HOSTILE_TITLE
    assert reader.locator("#qa-text script, #qa-text img, h1 img, h1 b").count() == 0
    assert reader.evaluate("() => typeof window.__xss") == "undefined"
    assert page.qa_dialogs == []
    remove(page, url, HOSTILE_NAME)
    assert not (corpus / HOSTILE_NAME).exists()


def test_exposed_without_a_password_refuses_changes_and_a_password_allows_them(
    qa_browser, qa_page, built_index, tmp_path
):
    clone = clone_index(built_index, tmp_path)
    corpus, index = clone.corpus, clone.index
    listing = sorted(p.name for p in corpus.iterdir())
    page = qa_page
    demo, url = _launch(index, "0.0.0.0")
    try:
        page.goto(url + "qa/documents")
        off = page.locator("#qa-upload-off")
        assert "off" in off.inner_text() and "QA_PASSWORD" in off.inner_text() and "0.0.0.0" in off.inner_text()
        assert page.locator("#qa-upload, button.qa-remove").count() == 0
        # Reading stays available; the routes refuse changes, whatever the client sends.
        assert page.locator("#qa-doc-list tbody tr").count() == 2
        headers = {"X-QA-Documents": "1", "Content-Type": "application/octet-stream"}
        sent = page.request.post(url + "qa/documents/upload?name=x.txt", data=b"Some text.", headers=headers)
        assert sent.status == 403 and "QA_PASSWORD" in sent.json()["error"]
        gone = page.request.post(url + f"qa/documents/remove?doc={DOC_000}", data=b"", headers=headers)
        assert gone.status == 403
        assert sorted(p.name for p in corpus.iterdir()) == listing
        page.screenshot(path=str(_artifact("documents-exposed-no-password.png")), full_page=True)
    finally:
        demo.close()

    demo, url = _launch(index, "0.0.0.0", auth=("reader", "s3cret-pw"))
    try:
        assert page.request.get(url + "qa/documents").status == 401
        assert page.request.get(url + f"qa/documents/read?doc={DOC_000}").status == 401
        page.request.post(url + "login", form={"username": "reader", "password": "s3cret-pw"})
        upload(page, url, NEW_NAME, NEW_TEXT)
        assert (corpus / NEW_NAME).exists()
        remove(page, url, NEW_NAME)
        assert sorted(p.name for p in corpus.iterdir()) == listing
    finally:
        demo.close()


def test_a_symlink_in_place_of_the_name_is_not_followed(qa_browser, qa_page, served, tmp_path):
    url, corpus, index = served
    outside = tmp_path / "outside.txt"
    outside.write_text("outside the corpus", encoding="utf-8")
    link = corpus / "linked.txt"
    link.symlink_to(outside)
    try:
        headers = {"X-QA-Documents": "1", "Content-Type": "application/octet-stream"}
        page = qa_page
        page.goto(url + "qa/documents")
        sent = page.request.post(url + "qa/documents/upload?name=linked.txt", data=b"New text.", headers=headers)
        assert sent.status == 400 and "already in the corpus" in sent.json()["error"]
        gone = page.request.post(url + "qa/documents/remove?doc=linked.txt", data=b"", headers=headers)
        assert gone.status == 404
        assert outside.read_text(encoding="utf-8") == "outside the corpus" and link.is_symlink()
        # A path in the request reads nothing outside the index.
        assert page.request.get(url + "qa/documents/read?doc=../outside.txt").status == 404
        assert page.request.get(url + "qa/documents/read?doc=" + str(outside)).status == 404
    finally:
        link.unlink()
    assert not stat.S_ISLNK((corpus / DOC_000).lstat().st_mode)

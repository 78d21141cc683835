"""The chat end to end: a real Chromium on the served page, and gradio_client on its API.

Fixtures (tests/conftest.py, "UI & browser fixtures"): `qa_app_url` serves the chat over a
temporary index of the real corpus; `qa_page` is a fresh page that records requests leaving
127.0.0.1 and dialogs. Screenshots and timings go to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

# Gradio's queue calls pandas in ways pandas 3 deprecates; not ours to fix.
pytestmark = [
    pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
REAL_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
WAIT_MS = 90_000

BANK_Q = "Which bank is Russia's largest?"
FOLLOW_UP = "And which one is the second largest?"

# Records every text the last bot message shows, to see the answer arrive in pieces.
OBSERVE_JS = """() => {
  window.__qaTexts = [];
  const chat = document.querySelector('#chatbot');
  new MutationObserver(() => {
    const bots = chat.querySelectorAll("[data-testid='bot']");
    if (!bots.length) return;
    const t = bots[bots.length - 1].innerText.trim();
    if (window.__qaTexts[window.__qaTexts.length - 1] !== t) window.__qaTexts.push(t);
  }).observe(chat, {subtree: true, childList: true, characterData: true});
}"""

# True once the n-th bot message exists, is past the placeholder, and the input is enabled again.
DONE_JS = """(n) => {
  const bots = document.querySelectorAll("#chatbot [data-testid='bot']");
  const box = document.querySelector('#question textarea');
  return bots.length >= n && !bots[n - 1].innerText.includes('Searching the documents') && box && !box.disabled;
}"""


def _bots(page):
    return page.locator("#chatbot [data-testid='bot']")


def ask(page, question: str, n: int) -> dict:
    """Type a question, press Enter, wait for the n-th bot message to finish; returns timings (s)."""
    page.evaluate("() => { window.__qaTexts = []; }")
    box = page.locator("#question textarea")
    box.fill(question)
    t0 = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(f"() => document.querySelectorAll(\"#chatbot [data-testid='bot']\").length >= {n}",
                           timeout=WAIT_MS, polling=10)
    first_message = time.perf_counter() - t0
    page.wait_for_function(
        f"""() => {{ const b = document.querySelectorAll("#chatbot [data-testid='bot']")[{n - 1}];
                     return b && b.innerText.trim() && !b.innerText.includes('Searching the documents'); }}""",
        timeout=WAIT_MS, polling=10,
    )
    first_text = time.perf_counter() - t0
    page.wait_for_function(DONE_JS, arg=n, timeout=WAIT_MS)
    return {"first_message_s": round(first_message, 3), "first_answer_text_s": round(first_text, 3),
            "final_s": round(time.perf_counter() - t0, 3)}


def open_chat(page, url: str) -> float:
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("#question textarea", timeout=WAIT_MS)
    page.evaluate(OBSERVE_JS)
    return time.perf_counter() - t0


def open_documents(page) -> None:
    page.get_by_role("button", name=re.compile(r"^Indexed documents")).click()
    page.locator(".qa-docs table").wait_for(timeout=WAIT_MS)


@pytest.fixture(scope="module")
def bank_answer(built_index):
    """What the pipeline answers, computed in-process, to compare the page with."""
    from qa.answering.answerer import answer

    return answer(BANK_Q, index=built_index.index)


@pytest.mark.browser
@pytest.mark.model
def test_chat_streams_a_cited_answer_and_follows_up(
    qa_browser, qa_page, qa_app_url, qa_launch_app, qa_outbound, built_index, bank_answer
):
    page = qa_page
    timings = {"app_start_s": round(qa_launch_app.timings[str(built_index.index)], 3)}
    timings["page_load_s"] = round(open_chat(page, qa_app_url), 3)
    expect_title = page.locator("#qa-header h1")
    assert expect_title.inner_text() == "Ask the documents"

    timings["first_question"] = ask(page, BANK_Q, 1)
    text = _bots(page).nth(0).inner_text()
    seen = page.evaluate("() => window.__qaTexts")
    assert "[1]" in text
    # Streamed: some text shown on the way was a proper beginning of the final answer.
    partial = [t for t in seen if t and t != text.strip() and "Searching" not in t]
    assert any(text.strip().startswith(t) for t in partial), seen

    # The sources panel: every cited document's title, and each quoted sentence highlighted.
    panel = page.locator("#qa-sources")
    assert panel.locator(".qa-sources-head").inner_text() == "Sources"
    titles = panel.locator(".qa-title").all_inner_texts()
    assert titles == [p.title for p in bank_answer.citations]
    marks = [m.strip() for m in panel.locator("mark").all_inner_texts()]
    assert marks and all(m in text for m in marks)
    assert sorted(marks) == sorted(s.sentence for s in bank_answer.support)
    page.screenshot(path=str(_artifact("chat-first-answer.png")))

    assert "Sberbank" in text, f"the answer does not name Sberbank: {text!r}"
    # The short answer leads, in bold, with its marker.
    assert bank_answer.short is not None and "Sberbank" in bank_answer.short.text
    assert _bots(page).nth(0).locator("strong").first.inner_text().strip() == bank_answer.short.text
    assert text.strip().startswith(f"{bank_answer.short.text} [{bank_answer.short.citation}]")

    timings["follow_up"] = ask(page, FOLLOW_UP, 2)
    follow = _bots(page).nth(1).inner_text()
    assert "[1]" in follow
    page.screenshot(path=str(_artifact("chat-1366x768.png")))
    page.set_viewport_size({"width": 1440, "height": 900})
    page.screenshot(path=str(_artifact("chat-1440x900.png")))
    _artifact("browser-timings.json").write_text(json.dumps(timings, indent=2), encoding="utf-8")
    assert page.qa_external == []
    assert qa_launch_app.outbound == [] and qa_outbound() == []  # the server side stayed offline too
    assert "VTB" in follow, f"the follow-up answer does not name VTB: {follow!r}"


@pytest.mark.browser
@pytest.mark.model
def test_a_long_conversation_keeps_being_answered(qa_browser, qa_page, qa_app_url):
    # Each answer's message holds its sources' passages; read back with them, five answers passed the
    # history's 20,000 characters and the sixth question was refused ("start a new conversation").
    page = qa_page
    open_chat(page, qa_app_url)
    questions = [BANK_Q, "Summarise the IAI commentary.", "Summarise the April piece.", "Compare the two documents.",
                 "Summarise the IAI commentary.", "Which bank is the second largest?"]
    for n, question in enumerate(questions, start=1):
        ask(page, question, n)
    texts = _bots(page).all_inner_texts()
    assert not any("new conversation" in text for text in texts), texts[-1]
    assert "VTB" in texts[-1]


@pytest.mark.browser
@pytest.mark.model
def test_the_chat_names_each_source_says_they_differ_and_asks_what_is_meant(qa_browser, qa_page, qa_app_url):
    page = qa_page
    open_chat(page, qa_app_url)
    # A follow-up in a fresh chat: the assistant asks what "And" refers to instead of guessing.
    ask(page, "And the second largest?", 1)
    clarify = _bots(page).nth(0).inner_text()
    assert "What do you mean by" in clarify and "[1]" not in clarify
    # Two documents give different counts: both quoted, each under its source, and the reader is told.
    ask(page, "How many points does the peace plan have?", 2)
    text = _bots(page).nth(1).inner_text()
    assert "Alcaro (IAI, 22 March 2022):" in text and "The 1 April 2022 opinion commentary:" in text
    assert "10-point" in text and "15-point" in text and "The sources differ on this" in text
    page.screenshot(path=str(_artifact("chat-sources-differ.png")))


@pytest.mark.browser
@pytest.mark.model
def test_example_button_abstention_and_documents_view(qa_browser, qa_page, qa_app_url, built_index):
    page = qa_page
    open_chat(page, qa_app_url)
    page.get_by_role("button", name="How many points does the peace plan have?").click()
    page.wait_for_function(DONE_JS, arg=1, timeout=WAIT_MS)
    assert "How many points" in page.locator("#chatbot [data-testid='user']").first.inner_text()
    assert re.search(r"\[\d\]", _bots(page).nth(0).inner_text())

    # The example's turn is part of the conversation: a typed question continues it.
    ask(page, "What is the boiling point of mercury on Venus?", 2)
    assert "do not answer" in _bots(page).nth(1).inner_text()
    panel = page.locator("#qa-sources")
    assert "Closest passages" in panel.inner_text()
    assert panel.locator(".qa-source").count() >= 1 and panel.locator("mark").count() == 0

    # The documents view lists each indexed document with its passage count.
    open_documents(page)
    table = page.locator(".qa-docs table")
    table.wait_for(timeout=WAIT_MS)
    rows = table.locator("tbody tr")
    manifest = built_index.manifest
    assert rows.count() == len(manifest["corpus"]["documents"])
    body = table.inner_text()
    assert "Riccardo Alcaro" in body and "think-tank commentary" in body
    assert "Diplomacy needs pressure" in body
    page.screenshot(path=str(_artifact("abstention-and-documents.png")), full_page=True)
    assert page.qa_external == []


# --- a document that tries to run code ------------------------------------------------------

HOSTILE_TEXT = """The harbour bridge report

The city council met on Monday to discuss the harbour bridge. Engineers said the harbour bridge would reopen to traffic in June after repairs.

The warning sign on the bridge displayed the code <script>window.__xss=1</script> to every driver. A second sign showed the markup <img src=x onerror="window.__xss=2;alert(2)"> beside the toll booth.

The ferry service will run every twenty minutes until the bridge reopens. A poster with ${window.__xss=4} and ![pixel](http://tracker.invalid/p.png) hung at the ferry terminal.

The mayor thanked the workers for their patience. Tolls on the bridge will stay at $3 for cars.
"""
HOSTILE_TITLE = 'The <b>Harbour</b> Gazette <img src=x onerror="window.__xss=3;alert(3)">'


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory, qa_launch_app):
    from qa.index.build import build_index

    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    meta = {"harbour.txt": {"title": HOSTILE_TITLE, "publisher": "<i>Evil</i> Press", "date": "2024-05-01",
                            "kind": "news"}}
    (corpus / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    build_index(corpus, root / "index")
    return qa_launch_app(root / "index")


@pytest.mark.browser
@pytest.mark.model
def test_hostile_document_shows_as_text_and_runs_nothing(qa_browser, qa_page, hostile_url):
    page = qa_page
    open_chat(page, hostile_url)
    ask(page, "What code did the warning sign on the bridge display?", 1)
    ask(page, "What markup did the second sign beside the toll booth show?", 2)
    ask(page, "What hung at the ferry terminal?", 3)
    chat = page.locator("#chatbot").inner_text()
    panel = page.locator("#qa-sources").inner_text()
    open_documents(page)
    page.screenshot(path=str(_artifact("hostile-document.png")), full_page=True)

    assert "<script>window.__xss=1</script>" in chat
    assert '<img src=x onerror="window.__xss=2;alert(2)">' in chat
    assert "${window.__xss=4}" in chat and "![pixel](http://tracker.invalid/p.png)" in chat
    assert HOSTILE_TITLE in panel and "<i>Evil</i> Press" in panel
    assert "![pixel](http://tracker.invalid/p.png)" in panel
    assert HOSTILE_TITLE in page.locator(".qa-docs").inner_text()
    assert page.locator("#chatbot script, #qa-sources script, .qa-docs script").count() == 0
    assert page.locator("#chatbot img, #qa-sources img, .qa-docs img").count() == 0
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    assert page.qa_dialogs == []
    assert page.qa_external == []  # the Markdown image was not fetched


# --- programs: gradio_client -------------------------------------------------------------------


@pytest.mark.model
def test_gradio_client_ask_and_chat_endpoints(qa_app_url, qa_outbound):
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    client = Client(qa_app_url, verbose=False)
    result = client.predict(BANK_Q, None, api_name="/ask")
    assert set(result) >= {"question", "text", "citations", "support", "abstained", "confidence", "closest", "short"}
    assert result["abstained"] is False and result["citations"]
    assert "[1]" in result["text"]
    for citation in result["citations"]:
        assert citation["title"] and citation["doc_id"] and citation["text"]
        assert {"date", "publisher", "paragraph", "page", "footnote", "kind", "start", "end"} <= set(citation)
    for s in result["support"]:
        cited = result["citations"][s["citation"] - 1]
        assert cited["text"][s["passage_start"]:s["passage_end"]] == s["sentence"]
        assert f"{s['sentence']} [{s['citation']}]" in result["text"]
    assert any("Sberbank" in c["text"] for c in result["citations"])

    history = [{"role": "user", "content": BANK_Q}, {"role": "assistant", "content": result["text"]}]
    follow = client.predict(FOLLOW_UP, history, api_name="/ask")
    assert follow["citations"] and "VTB" in follow["text"]

    with pytest.raises(AppError, match="empty"):
        client.predict("  ", None, api_name="/ask")

    text, sources = client.predict(BANK_Q, api_name="/chat")
    assert "\\[1\\]" in text and "<mark>" in sources
    text, _ = client.predict(FOLLOW_UP, api_name="/chat")  # same session: a follow-up
    assert "VTB" in text
    assert qa_outbound() == []


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


@pytest.fixture(scope="session", autouse=True)
def _clean_artifacts():
    """Screenshots of this run only."""
    if ARTIFACTS.exists():
        for path in ARTIFACTS.glob("*.png"):
            path.unlink()
    yield



# --- `python app.py`: fresh clone (no index), then a restart with a password -------------------


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_app(args: list[str], cwd: Path, env: dict) -> tuple:
    import queue
    import subprocess
    import sys
    import threading

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, str(root / "app.py"), *args], cwd=cwd, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    return proc, lines


def _wait_for(lines, needle: str, seconds: float, log: list[str]) -> str:
    import queue

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        log.append(line)
        if needle in line:
            return line
    raise AssertionError(f"no {needle!r} within {seconds} s; output:\n{''.join(log)}")


def _stop(proc) -> int:
    import signal
    import subprocess

    proc.send_signal(signal.SIGINT)
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()


@pytest.mark.model
@pytest.mark.slow
def test_app_py_builds_the_missing_index_then_serves_with_a_password(tmp_path):
    import os
    import stat

    from gradio_client import Client

    corpus = tmp_path / "corpus"
    shutil.copytree(REAL_CORPUS, corpus)
    for path in corpus.rglob("*"):
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    index = tmp_path / "index"
    env = {k: v for k, v in os.environ.items() if k not in ("QA_PASSWORD", "QA_USER", "QA_INDEX", "QA_CORPUS")}
    args = ["--corpus", str(corpus), "--index", str(index)]

    port = _free_port()
    t0 = time.perf_counter()
    proc, lines = _start_app([*args, "--port", str(port)], tmp_path, env)
    log: list[str] = []
    try:
        ready = _wait_for(lines, "qa chat ready", 300, log)
        started = time.perf_counter() - t0
        assert f"http://127.0.0.1:{port}/" in ready
        # The chat listens first; the index is built in the background.
        _wait_for(lines, "index ready", 300, log)
        assert any("building the index" in line for line in log)
        assert (index / "manifest.json").exists()
        assert not any("WARNING" in line for line in log)
        result = Client(ready.split()[-1], verbose=False).predict(BANK_Q, None, api_name="/ask")
        answered = time.perf_counter() - t0
        assert result["citations"]
    finally:
        code = _stop(proc)
    assert code == 0, "".join(log)

    # Restart: the index is up to date; QA_PASSWORD puts the chat behind a login.
    port = _free_port()
    proc, lines = _start_app([*args, "--port", str(port)], tmp_path, {**env, "QA_PASSWORD": "s3cret", "QA_USER": "ann"})
    log = []
    try:
        ready = _wait_for(lines, "qa chat ready", 300, log)
        _wait_for(lines, "index ready", 300, log)
        assert any("up to date" in line for line in log)
        url = ready.split()[-1]
        with pytest.raises(Exception):
            Client(url, verbose=False)
        client = Client(url, auth=("ann", "s3cret"), verbose=False)
        assert client.predict(BANK_Q, None, api_name="/ask")["citations"]
    finally:
        code = _stop(proc)
    assert code == 0, "".join(log)
    timings = {"fresh_clone_start_to_ready_s": round(started, 3), "fresh_clone_start_to_first_answer_s": round(answered, 3)}
    _artifact("app-start-timings.json").write_text(json.dumps(timings, indent=2), encoding="utf-8")

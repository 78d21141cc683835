"""Shared pytest fixtures.

Add to this file; do not remove other engineers' blocks.
"""

from __future__ import annotations

# ======================================================================================
# BEGIN offline environment (owner: UI & browser tests) — must run before gradio is imported
# ======================================================================================
import os as _os

for _name, _value in (
    ("GRADIO_ANALYTICS_ENABLED", "False"),
    ("HF_HUB_OFFLINE", "1"),
    ("HF_HUB_DISABLE_TELEMETRY", "1"),
    ("TRANSFORMERS_OFFLINE", "1"),
):
    _os.environ.setdefault(_name, _value)
# ======================================================================================
# END offline environment
# ======================================================================================

# ======================================================================================
# BEGIN ingestion/index fixtures (owner: ingestion & index test suite)
#   used by tests/test_store.py, test_indexer.py, test_retrieval.py, test_cli.py
#   One small index is built per session from a temp copy of corpus/; tests that change a
#   corpus or an index work on a clone of it (`index_clone`), never on the shared one and
#   never on ./index. QA_CACHE_DIR is left alone so the ONNX export in ~/.cache/qa is reused.
# ======================================================================================

import json as _json
import shutil as _shutil
import stat as _stat
from dataclasses import dataclass as _dataclass
from pathlib import Path as _Path

import pytest as _pytest

REPO_ROOT = _Path(__file__).resolve().parents[1]
REAL_CORPUS = REPO_ROOT / "corpus"
FIXTURES = _Path(__file__).resolve().parent / "fixtures"
DOC_000 = "000_910b2c4331b85f60.txt"
DOC_002 = "002_38d006520ce7e0ba.txt"


@_dataclass(frozen=True)
class BuiltIndex:
    """A corpus folder, the index built from it, and the build report."""

    corpus: _Path
    index: _Path
    report: object

    @property
    def manifest(self) -> dict:
        return _json.loads((self.index / "manifest.json").read_text(encoding="utf-8"))


def ask_as_chat(index: _Path, *questions: str) -> list:
    """Each question's Answer, asked in turn with the conversation kept and read back as the chat
    keeps and reads it (`chat_message`, `typed_history`)."""
    import qa
    from qa.app.chat import answer_key, chat_message, typed_history

    history: list[dict] = []
    answers = []
    for question in questions:
        result = qa.answer(question, history=typed_history(history), index=index)
        answers.append(result)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": chat_message(result, answer_key(history))}]
    return answers



def bold_of(index: _Path, *questions: str) -> str | None:
    """The bold short answer to the last question, asked after the others as the chat asks them, or None."""
    reply = ask_as_chat(index, *questions)[-1]
    return reply.short.text if reply.short else None

def copy_corpus(target: _Path) -> _Path:
    """A writable copy of the real corpus (the originals are read-only)."""
    _shutil.copytree(REAL_CORPUS, target)
    for path in target.rglob("*"):
        path.chmod(path.stat().st_mode | _stat.S_IWUSR)
    return target


@_pytest.fixture(scope="session")
def built_index(tmp_path_factory: _pytest.TempPathFactory) -> BuiltIndex:
    """The real corpus, indexed once per session with the default model (read-only for tests)."""
    from qa.index.build import build_index

    root = tmp_path_factory.mktemp("shared-index")
    corpus = copy_corpus(root / "corpus")
    index = root / "index"
    report = build_index(corpus, index)
    return BuiltIndex(corpus, index, report)


@_pytest.fixture
def index_clone(built_index: BuiltIndex, tmp_path: _Path) -> BuiltIndex:
    """A private copy of the shared corpus and index; its manifest points at the copied corpus."""
    return clone_index(built_index, tmp_path)


def clone_index(built_index: BuiltIndex, root: _Path) -> BuiltIndex:
    """Copy the shared corpus and index into `root` (corpus/, index/), the manifest pointing at the copied corpus."""
    corpus = copy_corpus(root / "corpus")
    index = root / "index"
    _shutil.copytree(built_index.index, index, ignore=_shutil.ignore_patterns(".lock"))
    manifest_path = index / "manifest.json"
    manifest = _json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["corpus"]["dir"] = str(corpus.resolve())
    manifest_path.write_text(_json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    return BuiltIndex(corpus, index, built_index.report)


@_pytest.fixture
def no_corpus_cwd(tmp_path: _Path, monkeypatch: _pytest.MonkeyPatch) -> _Path:
    """Run in an empty folder with no ./corpus and no QA_* overrides, so nothing is auto-built."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    for name in ("QA_INDEX", "QA_CORPUS", "QA_MODEL"):
        monkeypatch.delenv(name, raising=False)
    return cwd


# ======================================================================================
# END ingestion/index fixtures
# ======================================================================================


# ======================================================================================
# BEGIN UI & browser fixtures (owner: UI; used by tests/test_ui.py, tests/test_browser.py)
#   qa_launch_app(index) starts the chat on a free 127.0.0.1 port and returns its URL (all
#   apps close at session end); qa_app_url is the chat over `built_index`; qa_browser is
#   Debian's Chromium driven by playwright (skipped when absent, a failure when $CI is set);
#   qa_page is a fresh 1366x768 page that records every request leaving 127.0.0.1.
# ======================================================================================
import shutil as _qa_shutil
import socket as _socket
import time as _time
from pathlib import Path as _QAPath

import pytest as _qa_pytest

QA_CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser")
QA_ARTIFACTS = _QAPath(__file__).resolve().parent / "artifacts"


def qa_find_chromium() -> str | None:
    """Debian's Chromium binary, or None (browsers are never downloaded here)."""
    for candidate in (_os.environ.get("QA_CHROMIUM"), *QA_CHROMIUM_CANDIDATES, _qa_shutil.which("chromium")):
        if candidate and _QAPath(candidate).is_file() and _os.access(candidate, _os.X_OK):
            return candidate
    return None


def qa_free_port() -> int:
    with _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


QA_OUTBOUND: list[str] = []


def _qa_audit(event: str, args: tuple) -> None:
    """Record every connection or name lookup this process makes to a host other than this machine."""
    if event == "socket.connect":
        address = args[1]
        host = address[0] if isinstance(address, tuple) else str(address)
    elif event == "socket.getaddrinfo":
        host = args[0]
    else:
        return
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host and not str(host).startswith(("127.", "localhost", "::1", "/")) and host not in ("0.0.0.0", "::"):
        QA_OUTBOUND.append(f"{event} {host}")


_sys_for_qa = __import__("sys")
_sys_for_qa.addaudithook(_qa_audit)


@_qa_pytest.fixture
def qa_outbound():
    """A function returning the connections/lookups to other hosts that this process (test code
    and the in-process apps) made since the test started; should stay empty."""
    before = len(QA_OUTBOUND)
    return lambda: QA_OUTBOUND[before:]


@_qa_pytest.fixture(scope="session")
def qa_launch_app():
    """A function index -> URL that serves the chat over that index; closes every app at the end."""
    started: list = []
    timings: dict[str, float] = {}

    def launch(index: _QAPath) -> str:
        from qa.app.chat import build_ui, launch_kwargs, warm_up

        t0 = _time.perf_counter()
        before = len(QA_OUTBOUND)
        problem = warm_up(_QAPath(index))
        assert problem is None, problem
        demo = build_ui(index)
        port = qa_free_port()
        demo.queue().launch(
            server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, **launch_kwargs()
        )
        started.append(demo)
        timings[str(index)] = _time.perf_counter() - t0
        outbound.extend(QA_OUTBOUND[before:])
        return f"http://127.0.0.1:{port}/"

    outbound: list[str] = []
    launch.timings = timings  # type: ignore[attr-defined]
    launch.outbound = outbound  # type: ignore[attr-defined]
    yield launch
    for demo in started:
        demo.close()


@_qa_pytest.fixture(scope="session")
def qa_app_url(built_index, qa_launch_app) -> str:
    """The chat over a temporary index of the real corpus."""
    return qa_launch_app(built_index.index)


@_qa_pytest.fixture(scope="session")
def qa_browser(tmp_path_factory):
    """Headless Debian Chromium via playwright, with no route off this machine."""
    executable = qa_find_chromium()
    if executable is None:
        reason = ("Chromium not found (looked in " + ", ".join(QA_CHROMIUM_CANDIDATES) + "); install it with "
                  "`apt-get install -y chromium` (never `playwright install`)")
        if _os.environ.get("CI"):
            _qa_pytest.fail(reason + " — CI must run the browser tests", pytrace=False)
        _qa_pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    home = tmp_path_factory.mktemp("chromium-home")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
            env={**_os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                 "XDG_CACHE_HOME": str(home / ".cache")},
        )
        yield browser
        browser.close()


# The chat has loaded when its documents line says how many documents it answers from.
QA_LOADED_JS = "() => /Indexed documents[ :]/.test(document.querySelector('#qa-documents')?.innerText || '')"


def qa_open_new_chat(page, url: str, wait_ms: int) -> None:
    """The chat at `url` with a new conversation. The page keeps the last one in the browser's
    storage. The storage is cleared from a page of the same origin that runs no chat (the server's
    "not found" page): cleared from the chat itself, the restored conversation it was still saving
    could land after the clear (CI on 78b93be saw it four times in a row)."""
    blank = url.rstrip("/") + "/qa-test-no-such-page"
    for _ in range(4):
        page.goto(blank)
        page.evaluate("() => localStorage.clear()")
        page.goto(url)
        page.wait_for_selector("#question textarea", timeout=wait_ms)
        page.wait_for_function(QA_LOADED_JS, timeout=wait_ms)
        page.wait_for_timeout(300)  # the restore's reply, sent with the documents' count
        if page.locator("#chatbot [data-testid='user']").count() == 0:
            return
    raise AssertionError("the chat kept restoring an earlier conversation after its storage was cleared")


@_qa_pytest.fixture
def qa_page(qa_browser):
    """A new page (own context) at 1366x768; `page.qa_external` lists requests that left 127.0.0.1,
    `page.qa_dialogs` the dialogs that opened (each dismissed)."""
    context = qa_browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.qa_external = []
    page.qa_dialogs = []
    page.on("request", lambda r: page.qa_external.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.on("dialog", lambda d: (page.qa_dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


# ======================================================================================
# END UI & browser fixtures
# ======================================================================================


# ======================================================================================
# BEGIN crafted documents (owner: ingestion; used by tests/ingest/test_budget.py and
#   tests/reliability/test_corpus_boundary.py)
# ======================================================================================


def slow_pdf(path: _Path, lines: int) -> _Path:
    """A one-page PDF of a few KB whose compressed content stream holds `lines` text lines:
    pypdf spends about 0.2 ms per line extracting it (200,000 lines: ~40 s, in 6 KB)."""
    import zlib

    content = zlib.compress(b"BT /F1 12 Tf 72 712 Td " + b"(a) Tj 0 -1 Td " * lines + b"ET", 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(out)
    return path


# ======================================================================================
# END crafted documents
# ======================================================================================


# Metadata of the two commentaries for the answering tests (summaries, comparisons).
@_pytest.fixture(scope="session")
def two_documents() -> dict:
    """Metadata of the corpus's two commentaries, as the index stores it."""
    return {
        "a.txt": {"title": "Diplomacy needs pressure", "author": None, "publisher": None, "date": "2022-04-01",
                  "kind": "opinion commentary"},
        "b.txt": {"title": "Russia–Ukraine Talks", "author": "Riccardo Alcaro", "publisher": "Istituto Affari Internazionali (IAI)",
                  "date": "2022-03-22", "kind": "think-tank commentary"},
    }


def _load_eval_script(name: str):
    """A script of eval/ loaded as a module (eval/ is not a package)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, REPO_ROOT / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@_pytest.fixture(scope="session")
def fit_answerer():
    """eval/fit_answerer.py."""
    return _load_eval_script("fit_answerer")


@_pytest.fixture(scope="session")
def synthetic_qa():
    """eval/synthetic_qa.py."""
    return _load_eval_script("synthetic_qa")


@_pytest.fixture(scope="session")
def fit_reader():
    """eval/fit_reader.py."""
    return _load_eval_script("fit_reader")


@_pytest.fixture(scope="session")
def ask_reader_set():
    """eval/ask_reader_set.py."""
    return _load_eval_script("ask_reader_set")

"""The documents pages without a browser: rendering (escaping, supplied marks, the highlighted
passage), upload names and metadata, the library's add/remove rules, and the upload body limit."""

from __future__ import annotations

import asyncio
import concurrent.futures
import io
import json
import os

import pytest

from qa.app.documents import documents_page, open_in_document_html, reader_href, reader_page, supplied_mark
from qa.app.library import Library, safe_name, upload_metadata
from qa.errors import InputError

HOSTILE = 'Before <script>window.__xss=1</script> and <img src=x onerror="x()"> after & done.'


# ---- rendering ----------------------------------------------------------------------------------


def test_reader_escapes_the_text_and_metadata_and_marks_the_passage():
    start = HOSTILE.index("<script>")
    end = HOSTILE.index(" and")
    meta = {"title": "<b>T</b>", "author": None, "publisher": "P<i>", "date": "2024-01-01",
            "extra": {"supplied": ["title"], "title_note": "made <up>"}}
    out = reader_page("a.txt", meta, HOSTILE, 3, start, end, nonce="n0")
    assert "<script>window" not in out and "<img" not in out and "<b>T" not in out and "P<i>" not in out
    assert '<mark id="passage">&lt;script&gt;window.__xss=1&lt;/script&gt;</mark>' in out
    assert "&amp; done." in out and "made &lt;up&gt;" in out
    assert ">title supplied<" in out and "kind supplied" not in out
    assert out.count("not given by the source") == 2  # author, kind
    assert '<script nonce="n0">' in out  # the one script: scrolling to the passage


@pytest.mark.parametrize("start,end", [(None, None), (5, 5), (10, 10_000), (-1, 4)])
def test_reader_without_a_valid_range_highlights_nothing_and_runs_nothing(start, end):
    out = reader_page("a.txt", {}, "Some text here.", 1, start, end)
    assert "<mark" not in out and "<script" not in out and "Some text here." in out


def test_links_carry_the_doc_id_as_a_query_value_only():
    href = reader_href("sub/a b&c.txt", 3, 9)
    assert href == "qa/documents/read?doc=sub%2Fa+b%26c.txt&start=3&end=9#passage"
    html = open_in_document_html('x".txt', 0, 5)
    assert 'href="qa/documents/read?doc=x%22.txt&amp;start=0&amp;end=5#passage"' in html


def test_supplied_mark_reads_the_stored_and_the_sidecar_shape():
    assert "title supplied" in supplied_mark("title", {"extra": {"supplied": ["title"]}})
    assert "title supplied" in supplied_mark("title", {"supplied": ["title"]})
    assert supplied_mark("author", {"extra": {"supplied": ["title"]}}) == ""
    assert supplied_mark("title", {"extra": {"supplied": "title"}}) == ""  # not a list: nothing claimed


def test_documents_page_offers_changes_only_when_allowed():
    rows = [{"doc_id": "<x>.txt", "meta": {"title": "<b>B</b>"}, "passages": 2}]
    allowed = documents_page(rows, {"state": "ready", "message": "done <ok>"}, True, "")
    assert 'id="qa-upload"' in allowed and "qa-remove" in allowed and "&lt;b&gt;B&lt;/b&gt;" in allowed
    assert "done &lt;ok&gt;" in allowed and "<b>B" not in allowed
    refused = documents_page(rows, {}, False, "Off: <because>.")
    assert 'id="qa-upload"' not in refused and "qa-remove" not in refused and "Off: &lt;because&gt;." in refused


# ---- names and metadata -------------------------------------------------------------------------


@pytest.mark.parametrize("name,expected", [
    ("report.pdf", "report.pdf"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\me\\notes.md", "notes.md"),
    (".hidden.txt", "hidden.txt"),
    ("a<b>|c.html", "a_b_c.html"),
    ("Café  menu.TXT", "Café menu.TXT"),
    ("x" * 300 + ".txt", "x" * 116 + ".txt"),
])
def test_safe_name(name, expected):
    assert safe_name(name) == expected
    assert safe_name(expected) == expected


@pytest.mark.parametrize("name", ["", "a.exe", "noext", "...txt", "../.txt", "metadata.json", "README.md",
                                  "sources.MD", "a.txt/", "<>.txt"])
def test_safe_name_refuses(name):
    with pytest.raises(InputError):
        safe_name(name)


def test_upload_metadata_marks_every_given_field_supplied():
    assert upload_metadata({"title": " ", "author": None}) is None
    entry = upload_metadata({"title": " The\n title ", "date": "2021-05"})
    assert entry == {"title": "The title", "date": "2021-05", "supplied": ["title", "date"]}
    for bad in ({"date": "May 2021"}, {"author": "x" * 301}):
        with pytest.raises(InputError):
            upload_metadata(bad)


# ---- the library --------------------------------------------------------------------------------


def test_add_and_remove_keep_to_the_corpus_rules(index_clone, tmp_path):
    corpus, index = index_clone.corpus, index_clone.index
    library = Library(index)
    before = json.loads((corpus / "metadata.json").read_text(encoding="utf-8"))

    doc_id = library.add("../new.txt", io.BytesIO(b"The Zorblax Treaty was signed in Vilnius."), {"title": "Z"})
    assert doc_id == "new.txt" and (corpus / "new.txt").exists()
    assert not list(corpus.glob(".upload-*"))
    sidecar = json.loads((corpus / "metadata.json").read_text(encoding="utf-8"))
    assert sidecar["new.txt"] == {"title": "Z", "supplied": ["title"]}
    assert {k: v for k, v in sidecar.items() if k != "new.txt"} == before
    with pytest.raises(InputError, match="already in the corpus"):
        library.add("new.txt", io.BytesIO(b"other"), {})
    assert (corpus / "new.txt").read_bytes().startswith(b"The Zorblax")

    status = library.wait(120)
    assert status.state == "ready", status
    from qa.retrieval.retriever import get_retriever

    assert "new.txt" in get_retriever(index).documents

    with pytest.raises(InputError, match="over the"):
        library.add("big.txt", io.BytesIO(b"x" * 101), {}, limit=100)
    with pytest.raises(InputError, match="empty"):
        library.add("empty.txt", io.BytesIO(b""), {})
    assert not (corpus / "big.txt").exists() and not (corpus / "empty.txt").exists()
    assert not list(corpus.glob(".upload-*"))

    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    (corpus / "link.txt").symlink_to(outside)
    with pytest.raises(InputError, match="already in the corpus"):
        library.add("link.txt", io.BytesIO(b"new"), {})
    with pytest.raises(InputError, match="no document"):
        library.remove("link.txt")
    with pytest.raises(InputError, match="no document"):
        library.remove(str(outside))
    assert outside.read_text(encoding="utf-8") == "keep me"
    (corpus / "link.txt").unlink()

    library.remove("new.txt")
    assert not (corpus / "new.txt").exists()
    assert json.loads((corpus / "metadata.json").read_text(encoding="utf-8")) == before
    assert library.wait(120).state == "ready"
    assert "new.txt" not in get_retriever(index).documents


def test_a_skipped_upload_is_reported(index_clone):
    library = Library(index_clone.index)
    library.add("broken.pdf", io.BytesIO(b"%PDF-1.4 not really a pdf"), {})
    status = library.wait(120)
    assert status.state == "failed" and "broken.pdf was not indexed" in status.message
    library.remove("broken.pdf")
    assert library.wait(120).state == "ready"


def test_no_index_no_changes(tmp_path):
    with pytest.raises(InputError, match="no index yet"):
        Library(tmp_path / "none").add("a.txt", io.BytesIO(b"x"), {})


# ---- the upload route's body limit --------------------------------------------------------------


def _post(app, path: str, size: int) -> int:
    """The status of a POST of `size` bytes (sent in 64 kB pieces) through the middleware."""
    from qa.app.server_limits import BodyLimit

    sent: list[dict] = []
    chunks = [b"x" * min(65536, size - i) for i in range(0, size, 65536)] or [b""]

    async def run() -> None:
        queue = [{"type": "http.request", "body": c, "more_body": i + 1 < len(chunks)} for i, c in enumerate(chunks)]

        async def receive():
            return queue.pop(0) if queue else {"type": "http.disconnect"}

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "path": path, "headers": [], "method": "POST"}
        await BodyLimit(app, max_bytes=1000, larger={"/qa/documents/upload": 5000})(scope, receive, send)

    # A thread of its own: in the full suite, Playwright's sync API keeps an event loop running here.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, run()).result()
    return next(m["status"] for m in sent if m["type"] == "http.response.start")


async def _reader_app(scope, receive, send):
    while (await receive()).get("more_body"):
        pass
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def test_the_upload_path_alone_has_the_larger_limit():
    assert _post(_reader_app, "/gradio_api/queue/join", 900) == 200
    assert _post(_reader_app, "/gradio_api/queue/join", 3000) == 413
    assert _post(_reader_app, "/qa/documents/upload", 3000) == 200
    assert _post(_reader_app, "/qa/documents/upload", 6000) == 413
    assert _post(_reader_app, "/qa/documents/remove", 3000) == 413
    assert _post(_reader_app, "/gradio_api/upload", 10) == 404


def test_metadata_file_mode_is_kept(index_clone):
    path = index_clone.corpus / "metadata.json"
    path.chmod(0o640)
    from qa.ingest.discover import set_metadata

    set_metadata(index_clone.corpus, "x.txt", {"title": "X"})
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)
    set_metadata(index_clone.corpus, "x.txt", None)
    assert "x.txt" not in json.loads(path.read_text(encoding="utf-8"))
    assert not [n for n in os.listdir(index_clone.corpus) if n.startswith(".metadata-")]

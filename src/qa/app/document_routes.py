"""The documents pages' HTTP routes, served by the chat's own server (qa.app.chat):

    GET  /qa/documents                  the list of documents, the upload form, the indexing status
    GET  /qa/documents/read?doc=ID[&start=N&end=M]   the reader (a document of the index, by doc_id)
    GET  /qa/documents/status           the indexing status (JSON, IndexStatus.to_dict())
    POST /qa/documents/upload?name=F[&title=..&author=..&publisher=..&date=..]   body: the file
    POST /qa/documents/remove?doc=ID

Who may do what: when the chat has a password, every route needs the chat's login. Adding and
removing documents is on when the server listens on a loopback address (the local user) or has
a password; exposed without one it is off, and the page says why. A POST must carry the header
`X-QA-Documents: 1` and, if the browser sends an Origin, come from this server's own pages, so
that another web site open in the same browser cannot add or remove documents.
"""

from __future__ import annotations

import logging
import secrets
import tempfile
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from qa.app.library import Library
from qa.app.server_limits import is_loopback
from qa.errors import InputError, QAError
from qa.settings import MAX_DOCUMENT_BYTES, MAX_REQUEST_BYTES

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

log = logging.getLogger(__name__)

PREFIX = "/qa/documents"
UPLOAD_PATH = PREFIX + "/upload"
# The upload route's body limit (qa.app.server_limits.BodyLimit): the corpus's file size limit.
LARGE_BODIES = {UPLOAD_PATH: MAX_DOCUMENT_BYTES}
CHANGE_HEADER = "x-qa-documents"
PASSWORD_HINT = "set QA_PASSWORD (and optionally QA_USER) and restart `qa serve`"

_LIBRARIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LIBRARIES_LOCK = threading.Lock()


def register(demo: Any, index: Path) -> Library:
    """Serve the documents of `index` on the pages of the Gradio app `demo` (see routes())."""
    with _LIBRARIES_LOCK:
        library = _LIBRARIES[demo] = Library(Path(index))
    return library


def routes() -> list:
    """The routes (Starlette's: each endpoint takes the request), for the FastAPI app Gradio creates
    (launch(app_kwargs={"routes": routes()})); they serve the library registered for the app's Blocks."""
    from starlette.routing import Route

    return [
        Route(PREFIX, documents, methods=["GET"]),
        Route(PREFIX + "/read", read, methods=["GET"]),
        Route(PREFIX + "/status", status, methods=["GET"]),
        Route(UPLOAD_PATH, upload, methods=["POST"]),
        Route(PREFIX + "/remove", remove, methods=["POST"]),
    ]


# ---- access -------------------------------------------------------------------------------------


async def _logged_in(request: Request) -> bool:
    """True when the chat has no password, or the request carries the login Gradio gave."""
    import inspect

    app = request.app
    if getattr(app, "auth_dependency", None) is not None:
        user = app.auth_dependency(request)
        return (await user if inspect.isawaitable(user) else user) is not None
    if getattr(app, "auth", None) is None:
        return True
    cookie_id = app.cookie_id
    token = request.cookies.get(f"access-token-{cookie_id}") or request.cookies.get(f"access-token-unsecure-{cookie_id}")
    return app.tokens.get(token) is not None


def changes_refused(request: Request) -> str | None:
    """Why documents cannot be added or removed on this server, or None when they can."""
    app = request.app
    host = str(getattr(app.get_blocks(), "server_name", None) or "127.0.0.1")
    if is_loopback(host) or getattr(app, "auth", None) is not None or getattr(app, "auth_dependency", None) is not None:
        return None
    return (f"Adding and removing documents is off: this server listens on {host}, where other machines can reach it, "
            f"and has no password, so anyone could change the documents. To turn it on, {PASSWORD_HINT}.")


def _library(request: Request) -> Library | None:
    return _LIBRARIES.get(request.app.get_blocks())


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc.lower() == (request.headers.get("host") or "").lower()


# ---- responses ----------------------------------------------------------------------------------


def _html(text: str, status_code: int = 200, nonce: str | None = None) -> Response:
    from fastapi.responses import HTMLResponse

    script = f"'nonce-{nonce}'" if nonce else "'none'"
    return HTMLResponse(text, status_code=status_code, headers={
        "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
        "Content-Security-Policy": (f"default-src 'none'; style-src 'unsafe-inline'; script-src {script}; "
                                    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"),
    })


def _json(data: dict, status_code: int = 200) -> Response:
    from fastapi.responses import JSONResponse

    return JSONResponse(data, status_code=status_code, headers={"Cache-Control": "no-store"})


def _login_page() -> Response:
    from qa.app.documents import message_page

    return _html(message_page("Log in first", "This server has a password: open the chat, log in, then come back."), 401)


# ---- pages --------------------------------------------------------------------------------------


async def documents(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    from qa.app.documents import documents_page

    if not await _logged_in(request):
        return _login_page()
    library = _library(request)
    listed, problem = await run_in_threadpool(_listing, library)
    why_not = changes_refused(request)
    nonce = secrets.token_urlsafe(12)
    status_data = library.status().to_dict() if library else {}
    return _html(documents_page(listed, status_data, why_not is None and library is not None, why_not or "", problem,
                                nonce=nonce), nonce=nonce)


def _listing(library: Library | None) -> tuple[list[dict], str | None]:
    """The indexed documents (title order) and the files the index skipped, or the problem."""
    from qa.retrieval.retriever import get_retriever

    if library is None:
        return [], "No index is served here."
    try:
        retriever = get_retriever(library.index_dir)
    except QAError as exc:
        return [], str(exc)
    counts = {d: e.passages for d, e in retriever.manifest.corpus.documents.items()}
    rows = [{"doc_id": d, "meta": r.meta, "passages": counts.get(d, 0)} for d, r in retriever.documents.items()]
    rows.sort(key=lambda row: (row["meta"].get("title") or row["doc_id"]).lower())
    rows += [{"doc_id": s.path, "meta": {}, "passages": 0, "state": f"not indexed: {s.reason}"}
             for s in retriever.manifest.skipped if s.sha256 is not None]
    return rows, None


async def read(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    from qa.app.documents import message_page, reader_page
    from qa.retrieval.retriever import get_retriever

    if not await _logged_in(request):
        return _login_page()
    library = _library(request)
    doc_id = request.query_params.get("doc", "")
    start, end = _offset(request.query_params.get("start")), _offset(request.query_params.get("end"))
    try:
        retriever = await run_in_threadpool(get_retriever, library.index_dir) if library else None
    except QAError as exc:
        return _html(message_page("No index", str(exc)), 503)
    record = retriever.documents.get(doc_id) if retriever is not None else None
    if record is None:  # only documents of the index, by doc_id: never a path
        return _html(message_page("No such document", f"The index has no document {doc_id!r:.200}."), 404)
    passages = retriever.manifest.corpus.documents.get(doc_id)
    nonce = secrets.token_urlsafe(12)
    page = reader_page(doc_id, record.meta, record.text, passages.passages if passages else 0, start, end, nonce=nonce)
    return _html(page, nonce=nonce)


def _offset(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() and len(value) < 12 else None


async def status(request: Request) -> Response:
    if not await _logged_in(request):
        return _json({"error": "log in first"}, 401)
    library = _library(request)
    return _json(library.status().to_dict() if library else {"state": "idle", "message": ""})


# ---- changes ------------------------------------------------------------------------------------


async def _change_refused(request: Request) -> Response | None:
    """The response refusing a POST that may not change documents, or None when it may."""
    if not await _logged_in(request):
        return _json({"error": "log in first"}, 401)
    why_not = changes_refused(request)
    if why_not:
        return _json({"error": why_not}, 403)
    if request.headers.get(CHANGE_HEADER) != "1" or not _same_origin(request):
        return _json({"error": "changes are accepted from this server's documents page only"}, 403)
    if _library(request) is None:
        return _json({"error": "no index is served here"}, 404)
    return None


async def upload(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    from qa.app.library import UPLOAD_FIELDS, safe_name, upload_metadata

    refused = await _change_refused(request)
    if refused is not None:
        return refused
    library = _library(request)
    query = request.query_params
    fields = {name: query.get(name) for name in UPLOAD_FIELDS}
    try:
        name = safe_name(query.get("name", ""))  # checked before the body is read (and again by add)
        upload_metadata(fields)
    except InputError as exc:
        return _json({"error": str(exc)}, 400)
    # Held in memory up to the chat's own body limit, on disk beyond it (the body is at most
    # MAX_DOCUMENT_BYTES: server_limits.BodyLimit stops a longer one).
    with tempfile.SpooledTemporaryFile(max_size=MAX_REQUEST_BYTES) as body:
        size = 0
        async for block in request.stream():
            size += len(block)
            if size > MAX_DOCUMENT_BYTES:
                return _json({"error": f"the file is over the {MAX_DOCUMENT_BYTES / 2**20:.0f} MB limit; split it"}, 413)
            body.write(block)
        body.seek(0)
        try:
            doc_id = await run_in_threadpool(library.add, query.get("name", ""), body, fields)
        except InputError as exc:
            return _json({"error": str(exc)}, 400)
        except (QAError, OSError) as exc:
            log.warning("adding %s failed: %s", name, exc)
            return _json({"error": f"{name} could not be saved: {exc}"}, 500)
    return _json({"doc_id": doc_id, "message": f"Saved {doc_id}; it is being indexed…"})


async def remove(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    refused = await _change_refused(request)
    if refused is not None:
        return refused
    doc_id = request.query_params.get("doc", "")
    try:
        await run_in_threadpool(_library(request).remove, doc_id)
    except InputError as exc:
        return _json({"error": str(exc)}, 404)
    except (QAError, OSError) as exc:
        log.warning("removing %s failed: %s", doc_id, exc)
        return _json({"error": f"{doc_id} could not be removed: {exc}"}, 500)
    return _json({"doc_id": doc_id, "message": f"Removed {doc_id}; the index is being updated…"})


__all__ = ["LARGE_BODIES", "PREFIX", "UPLOAD_PATH", "changes_refused", "register", "routes"]

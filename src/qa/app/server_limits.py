"""What the chat server refuses or forgets, so that no client can make it grow without bound.

- `BodyLimit`: an ASGI middleware that refuses request bodies over MAX_REQUEST_BYTES with 413,
  from the Content-Length header before anything is read, or while the body streams in; and
  refuses Gradio's file-upload routes (no feature of the chat takes files through them). The
  one route that takes documents (qa.app.document_routes) is given a larger limit of its own:
  the corpus's file size limit.
- `expire_idle_sessions`: a lifespan that drops the Gradio session state of sessions idle for
  more than SESSION_IDLE_SECONDS (Gradio itself keeps up to `state_session_capacity` sessions,
  however old).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import ipaddress
import json
import logging
from typing import Any, AsyncIterator, Awaitable, Callable

from qa.settings import MAX_REQUEST_BYTES

log = logging.getLogger(__name__)

# A session (a browser tab or a client) unused this long loses its chat state.
SESSION_IDLE_SECONDS = 3600
# Gradio's cap on sessions held in memory (its default is 10,000, about 0.5 GB of state).
MAX_SESSIONS = 1000
# How often idle sessions are looked for.
EXPIRY_INTERVAL_SECONDS = 60
# Gradio's upload routes, under its API prefix.
UPLOAD_PATHS = ("/gradio_api/upload", "/gradio_api/upload_progress")

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class BodyLimit:
    """Refuse HTTP request bodies over `max_bytes` (413) and Gradio's upload routes (404).
    `larger` gives paths (matched at the end of the request path) a limit of their own."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], max_bytes: int = MAX_REQUEST_BYTES,
                 larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.larger = dict(larger or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if any(path.endswith(p) or path.endswith(p + "/") for p in UPLOAD_PATHS):
            await _refuse(send, 404, "file uploads are turned off on this server")
            return
        limit = next((n for p, n in self.larger.items() if path.rstrip("/").endswith(p)), self.max_bytes)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _refuse(send, 413, self._message(limit))
            return
        received = 0
        started = refused = False

        async def limited_receive() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Answer now, and tell the app the client left: it stops reading (frameworks
                    # turn an exception raised here into a 400 "cannot parse the body").
                    if not started and not refused:
                        refused = True
                        await _refuse(send, 413, self._message(limit))
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 was sent instead of whatever the app answers
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, limited_receive, tracking_send)

    def _message(self, limit: int) -> str:
        return f"the request is larger than this server accepts ({limit:,} bytes)"


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def drop_idle_sessions(state_holder: Any, idle_seconds: float, now: datetime.datetime | None = None) -> int:
    """Forget the sessions of Gradio's state holder unused for `idle_seconds`; how many were dropped."""
    now = now or datetime.datetime.now()
    cutoff = now - datetime.timedelta(seconds=idle_seconds)
    dropped = 0
    with state_holder.lock:
        for session, used in list(state_holder.time_last_used.items()):
            if used < cutoff:
                state_holder.session_data.pop(session, None)
                state_holder.time_last_used.pop(session, None)
                dropped += 1
    return dropped


@contextlib.asynccontextmanager
async def expire_idle_sessions(app: Any) -> AsyncIterator[None]:
    """A FastAPI lifespan: every EXPIRY_INTERVAL_SECONDS, drop sessions idle for SESSION_IDLE_SECONDS."""

    async def loop() -> None:
        while True:
            await asyncio.sleep(EXPIRY_INTERVAL_SECONDS)
            holder = getattr(app, "state_holder", None)
            if holder is None:
                continue
            try:
                dropped = drop_idle_sessions(holder, SESSION_IDLE_SECONDS)
            except AttributeError:  # another Gradio version: its own session cap still applies
                log.warning("cannot expire idle chat sessions with this Gradio version")
                return
            if dropped:
                log.info("forgot %d chat sessions idle for over %d s", dropped, SESSION_IDLE_SECONDS)

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def app_kwargs(larger: dict[str, int] | None = None) -> dict[str, Any]:
    """FastAPI arguments for Gradio's launch(app_kwargs=...): the body limit (with `larger` limits
    for some paths, see BodyLimit) and the session expiry."""
    from starlette.middleware import Middleware

    return {"middleware": [Middleware(BodyLimit, larger=larger)], "lifespan": expire_idle_sessions}


def is_loopback(host: str) -> bool:
    """True when a server bound to `host` can be reached from this machine only."""
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


__all__ = ["BodyLimit", "app_kwargs", "drop_idle_sessions", "expire_idle_sessions", "is_loopback", "MAX_SESSIONS",
           "SESSION_IDLE_SECONDS"]

"""Issue 10, item 10: the chat server's resources. A 300 MB POST is refused before it is read (the
server's peak memory stays put), Gradio's upload route is off, and idle sessions are forgotten.

The POST test runs `qa serve` in a child process and reads its peak RSS (VmHWM) from /proc.
"""

from __future__ import annotations

import datetime
import http.client
import os
import subprocess
import uuid
from pathlib import Path

import pytest

from conftest import BuiltIndex, qa_free_port
from reliability_helpers import LineReader, child_env, kill_group, qa_command

pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

MB = 1024 * 1024


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc status")


def _post(port: int, path: str, total: int, *, declare: bool, content_type: str = "application/json") -> tuple[int, bytes]:
    """POST `total` bytes in 1 MB pieces (declared in Content-Length, or chunked); the status the
    server answered with, even when it stopped reading early."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.putrequest("POST", path)
    connection.putheader("Content-Type", content_type)
    connection.putheader("Content-Length" if declare else "Transfer-Encoding", str(total) if declare else "chunked")
    connection.endheaders()
    piece = b"x" * MB
    try:
        for _ in range(total // MB):
            connection.send(piece if declare else b"%X\r\n%s\r\n" % (len(piece), piece))
        if not declare:
            connection.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server answered and closed early: what we want; read its answer below
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


@pytest.fixture
def served(index_clone: BuiltIndex):
    """`qa serve` over a clone of the shared index, in a child; yields (pid, port)."""
    port = qa_free_port()
    proc = subprocess.Popen(
        qa_command("serve", "--index", str(index_clone.index), "--corpus", str(index_clone.corpus), "--port", str(port)),
        env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    reader = LineReader(proc.stdout)
    try:
        reader.wait_for("qa chat ready", 300)
        yield proc.pid, port
    finally:
        kill_group(proc)
        reader.finish()
    assert "Traceback" not in reader.text(), reader.text()


def test_a_300_mb_post_is_refused_before_it_is_read(served) -> None:
    pid, port = served
    before = _peak_rss_mb(pid)
    for declare in (True, False):
        status, body = _post(port, "/gradio_api/call/ask", 300 * MB, declare=declare)
        assert status == 413, (declare, status, body[:200])
        assert b"larger than this server accepts" in body
    grown = _peak_rss_mb(pid) - before
    print(f"\n[limits] peak RSS {before:.0f} MB before two 300 MB POSTs, grew {grown:.0f} MB")
    assert grown < 64, f"the server's peak memory grew by {grown:.0f} MB"
    # An ordinary question still gets through.
    status, _ = _post(port, "/gradio_api/info", 0, declare=True)
    assert status in (200, 405)


def test_upload_route_is_off(served) -> None:
    pid, port = served
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.bin\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + b"y" * MB + f"\r\n--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", "/gradio_api/upload", body=body,
                       headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    response = connection.getresponse()
    answer = response.read()
    assert response.status == 404, (response.status, answer[:200])
    assert b"uploads are turned off" in answer


def test_idle_sessions_are_forgotten_and_capped(tmp_path: Path) -> None:
    from qa.app import server_limits
    from qa.app.chat import build_ui, launch_kwargs

    demo = build_ui(tmp_path / "index")
    port = qa_free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, **launch_kwargs())
    try:
        holder = demo.state_holder
        assert holder.capacity == server_limits.MAX_SESSIONS
        for i in range(50):
            holder[f"idle-{i}"]  # what every request of a new session does
        later = datetime.datetime.now() + datetime.timedelta(seconds=server_limits.SESSION_IDLE_SECONDS + 1)
        holder["active"]
        holder.time_last_used["active"] = later
        assert server_limits.drop_idle_sessions(holder, server_limits.SESSION_IDLE_SECONDS, now=later) == 50
        assert list(holder.session_data) == ["active"]
    finally:
        demo.close()

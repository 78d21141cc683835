"""Item 6 — offline and private by default.

* `qa serve` started in a child process and asked questions (through `/ask`, `/chat` and the page
  itself) connects to nothing but this machine. Two independent recorders: a Python audit hook
  installed by a generated `sitecustomize.py` (socket.connect / getaddrinfo / gethostbyname /
  sendto / bind, written to a file), and — when /usr/bin/strace exists — `strace -f -e
  trace=connect,sendto,sendmsg` on the whole process tree (also sees native code).
* `qa serve --host 0.0.0.0` without a password warns loudly; the hook refuses non-loopback binds,
  so the server never really listens on the network during the test.
* with QA_PASSWORD set, every API route refuses unauthenticated requests (401), a wrong password
  is refused, the page serves only the login screen, and the right password works.

tests/test_browser.py already covers: the in-process app and browser make no outbound requests,
`Client(url)` without auth fails under a password; tests/test_ui.py covers the warning text.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import BuiltIndex, qa_free_port
from reliability_helpers import LineReader, child_env, qa_command

from qa.app.server_limits import UPLOAD_PATHS

pytestmark = [pytest.mark.model, pytest.mark.slow]

STRACE = shutil.which("strace")
QUESTION = "Which bank is Russia's largest?"

SITECUSTOMIZE = r'''
"""Test hook (tests/reliability/test_offline_private.py): log every network destination this process uses."""
import json, os, sys

_LOG = os.environ.get("QA_NET_LOG")
_DENY_PUBLIC_BIND = os.environ.get("QA_DENY_PUBLIC_BIND") == "1"


def _write(kind, detail):
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(json.dumps([os.getpid(), kind, detail]) + "\n")


def _audit(event, args):
    if event == "socket.connect":
        _write("connect", repr(args[1]))
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        _write(event.split(".")[1], repr(args[0]))
    elif event in ("socket.sendto", "socket.sendmsg"):
        _write(event.split(".")[1], repr(args[1]))
    elif event == "socket.bind":
        address = args[1]
        _write("bind", repr(address))
        if _DENY_PUBLIC_BIND and isinstance(address, tuple) and address[0] not in ("127.0.0.1", "::1", "localhost"):
            raise PermissionError(13, "test hook: binding to a public address is not allowed in tests")


if _LOG:
    sys.addaudithook(_audit)
'''


def _is_local(destination: str) -> bool:
    """A logged destination (repr of an address or host) that stays on this machine."""
    text = destination.strip("'\"")
    if text.startswith(("('127.", "(\"127.", "('::1'", "('localhost'", "('0.0.0.0'", "('::'")):
        return True
    if text.startswith("/") or text.startswith("b'\\x00") or text.startswith("'/"):  # AF_UNIX
        return True
    return text in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "None", "") or text.startswith("127.")


def _strace_destinations(path: Path) -> list[str]:
    """Non-local destinations in an strace log of connect/sendto/sendmsg."""
    bad = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if "sa_family=AF_INET" not in line:
            continue  # AF_UNIX, AF_NETLINK and calls without an address stay on this machine
        local = re.search(r'inet_addr\("127\.|inet_pton\(AF_INET6, "::1"|inet_pton\(AF_INET6, "::ffff:127\.', line)
        if not local:
            bad.append(line.strip())
    return bad


class Server:
    """`qa serve` in a child (optionally under strace), with its output, network log and a way to stop it."""

    def __init__(self, tmp: Path, index: BuiltIndex, args: list[str], env: dict, strace: bool) -> None:
        tmp.mkdir(parents=True, exist_ok=True)
        self.hook = tmp / "hook"
        self.hook.mkdir(exist_ok=True)
        (self.hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        self.net_log = tmp / f"net-{time.monotonic_ns()}.jsonl"
        self.strace_log = tmp / f"strace-{time.monotonic_ns()}.txt" if strace else None
        self.port = qa_free_port()
        cmd = qa_command("serve", "--index", str(index.index), "--corpus", str(index.corpus), "--port", str(self.port),
                         *args)
        if strace:
            cmd = [STRACE, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(self.strace_log), *cmd]
        full_env = child_env(PYTHONPATH=str(self.hook), QA_NET_LOG=str(self.net_log), **env)
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(cmd, env=full_env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     start_new_session=True, cwd=tmp)
        self.out = LineReader(self.proc.stdout)
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_ready(self, seconds: float = 300) -> float:
        self.out.wait_for("qa chat ready", seconds)
        return time.perf_counter() - self.t0

    def python_pid(self) -> int:
        if self.strace_log is None:
            return self.proc.pid
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
        return int(children[0])

    def stop(self) -> int | None:
        """Ctrl+C the server (as a user would), then make sure the whole tree is gone."""
        if self.proc.poll() is None:
            try:
                os.kill(self.python_pid(), signal.SIGINT)
                self.proc.wait(60)
            except (subprocess.TimeoutExpired, OSError, IndexError, ValueError):
                pass
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.out.finish()
        return self.proc.returncode

    def network_events(self) -> list[list]:
        if not self.net_log.exists():
            return []
        return [json.loads(line) for line in self.net_log.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def server(index_clone: BuiltIndex, tmp_path: Path):
    started: list[Server] = []

    def start(*args: str, env: dict | None = None, strace: bool = False) -> Server:
        srv = Server(tmp_path, index_clone, list(args), env or {}, strace)
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.stop()


def _http(method: str, url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, method=method, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(200_000).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(2000).decode("utf-8", "replace")


# ONNX Runtime's telemetry (see the xfail below) fires some 10-20 s after the model loads.
STAY_UP_S = 45


@pytest.fixture(scope="module")
def offline_run(built_index: BuiltIndex, tmp_path_factory, qa_outbound_module):
    """`qa serve` (under strace when available) over the shared index, asked questions, kept up
    STAY_UP_S seconds after it was ready, then stopped with Ctrl+C."""
    from gradio_client import Client

    srv = Server(tmp_path_factory.mktemp("offline"), built_index, [], {}, strace=bool(STRACE))
    try:
        ready_s = srv.wait_ready()
        ready_at = time.monotonic()
        status, page = _http("GET", srv.url + "/")
        assert status == 200 and "<html" in page.lower()
        _http("GET", srv.url + "/config")
        _http("GET", srv.url + "/theme.css")
        client = Client(srv.url + "/", verbose=False)
        result = client.predict(QUESTION, None, api_name="/ask")
        text, _ = client.predict(QUESTION, api_name="/chat")
        follow, _ = client.predict("And which one is the second largest?", api_name="/chat")
        while time.monotonic() - ready_at < STAY_UP_S:
            time.sleep(1)
    finally:
        code = srv.stop()
    return {"server": srv, "ready_s": ready_s, "code": code, "result": result, "text": text, "follow": follow,
            "client_outbound": qa_outbound_module()}


@pytest.fixture(scope="module")
def qa_outbound_module():
    """Like conftest's qa_outbound, for a module-scoped fixture: lookups/connections to other hosts since now."""
    from conftest import QA_OUTBOUND

    before = len(QA_OUTBOUND)
    return lambda: QA_OUTBOUND[before:]


def test_serve_and_answer_connect_to_nothing_but_this_machine(offline_run) -> None:
    srv = offline_run["server"]
    assert offline_run["code"] == 0, srv.out.text()[-3000:]
    assert offline_run["result"]["citations"] and "\\[1\\]" in offline_run["text"] and offline_run["follow"]
    events = srv.network_events()
    foreign = [e for e in events if not _is_local(e[2])]
    kinds: dict[str, int] = {}
    for _, kind, _ in events:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"\n[offline] qa serve ready in {offline_run['ready_s']:.1f} s; page + /config + /ask + 2x /chat, up "
          f"{STAY_UP_S} s; Python audit hook: {len(events)} network events {kinds}, to other hosts: {foreign}; "
          f"test-side client to other hosts: {offline_run['client_outbound']}")
    assert any(e[1] == "connect" for e in events), "the audit hook recorded nothing: is it installed?"
    assert foreign == [], f"the server's Python code contacted other hosts: {foreign}"
    assert offline_run["client_outbound"] == []


def test_native_code_contacts_nothing_but_this_machine(offline_run) -> None:
    srv = offline_run["server"]
    if srv.strace_log is None:
        pytest.skip("strace is not installed: the native-level check needs it (apt-get install strace)")
    bad = _strace_destinations(srv.strace_log)
    calls = len(srv.strace_log.read_text(encoding="utf-8", errors="replace").splitlines())
    shown = sorted({re.sub(r"^\d+\s+", "", b)[:100] for b in bad})
    print(f"\n[offline] strace -f: {calls} connect/sendto/sendmsg calls; to other hosts: {len(bad)} {shown}")
    assert bad == [], f"native code contacted other hosts: {bad[:4]}"


def test_serve_on_all_addresses_without_a_password_warns_loudly(server) -> None:
    srv = server("--host", "0.0.0.0", env={"QA_DENY_PUBLIC_BIND": "1"})
    line = srv.out.wait_for("WARNING", 300)
    srv.out.wait_for("!!!!!!!!", 30)  # the closing bar of the warning block
    srv.stop()
    output = srv.out.text()
    binds = [e for e in srv.network_events() if e[1] == "bind"]
    print(f"\n[exposed] `qa serve --host 0.0.0.0` without QA_PASSWORD printed:\n{output[output.find('!'):][:700]}"
          f"\n[exposed] bind attempts (public ones refused by the test hook): {binds}")
    assert "WARNING: listening on 0.0.0.0" in line and "WITHOUT a password" in line
    assert "QA_PASSWORD" in output and "reachable from other machines" in output
    assert output.count("!" * 78) >= 2  # framed: hard to miss
    assert "qa chat ready" not in output  # stopped (or refused) before serving anything


def test_with_a_password_unauthenticated_requests_are_refused(server, built_index: BuiltIndex) -> None:
    from gradio_client import Client

    srv = server(env={"QA_PASSWORD": "s3cret-pw", "QA_USER": "ann"})
    srv.wait_ready()
    srv.out.wait_for("press Ctrl+C", 30)
    output = srv.out.text()
    assert "login: user 'ann'" in output and "WITHOUT a password" not in output, output
    api = json.dumps({"data": [QUESTION, None]}).encode()
    json_headers = {"Content-Type": "application/json"}
    routes = [
        ("GET", "/config", None), ("GET", "/gradio_api/info", None), ("GET", "/gradio_api/openapi.json", None),
        ("POST", "/gradio_api/call/ask", api), ("POST", "/gradio_api/call/chat", api),
        ("POST", "/gradio_api/run/ask", api), ("POST", "/gradio_api/api/ask", api),
        ("POST", "/gradio_api/queue/join", json.dumps({"data": [QUESTION], "fn_index": 0, "session_hash": "x"}).encode()),
        ("GET", "/gradio_api/call/ask/some-event-id", None), ("GET", "/gradio_api/file=" + str(built_index.corpus), None),
        ("POST", "/gradio_api/upload", b"x"), ("GET", "/gradio_api/upload_progress", None), ("GET", "/monitoring", None),
    ]
    results = {}
    for method, path, data in routes:
        status, body = _http(method, srv.url + path, data, json_headers if data else None)
        results[f"{method} {path}"] = status
        # The upload routes are turned off altogether (404) before any login is asked for.
        off = path in UPLOAD_PATHS and status == 404
        assert status in (401, 403) or off, (method, path, status, body[:300])
        assert "Sberbank" not in body
    status, page = _http("GET", srv.url + "/")
    assert status == 200 and '"auth_required":true' in page.replace(" ", "")  # the login screen
    for secret in ("Sberbank", "Riccardo Alcaro", "000_910b2c4331b85f60"):
        assert secret not in page
    wrong, body = _http("POST", srv.url + "/login", b"username=ann&password=guess",
                        {"Content-Type": "application/x-www-form-urlencoded"})
    assert wrong in (400, 401, 403) and "Incorrect" in body
    with pytest.raises(Exception):
        Client(srv.url + "/", auth=("ann", "guess"), verbose=False)
    result = Client(srv.url + "/", auth=("ann", "s3cret-pw"), verbose=False).predict(QUESTION, None, api_name="/ask")
    assert result["citations"]
    srv.stop()
    print(f"\n[password] unauthenticated: {results}; GET / -> login screen only; wrong password -> {wrong}; "
          f"right password -> answered")

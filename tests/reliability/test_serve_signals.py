"""Ctrl+C stops `qa serve` even when it was started with SIGINT ignored (as a shell without job
control starts background commands: `nohup qa serve &` in a script, CI runners)."""

from __future__ import annotations

import signal
import subprocess
import urllib.request
from typing import Callable

import pytest

from conftest import BuiltIndex, copy_corpus, qa_free_port, slow_pdf
from reliability_helpers import LineReader, child_env, qa_command


def _serve_until_ctrl_c(command: list[str], ready: str, cwd=None, sigint_ignored: bool = False,
                        while_serving: Callable[[], None] | None = None) -> tuple[int, str]:
    """Start `qa serve` (`command`), wait for a line holding `ready`, call `while_serving`, send
    Ctrl+C (SIGINT) and wait for the process: its exit code and everything it printed."""
    proc = subprocess.Popen(
        command, env=child_env(), text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd,
        start_new_session=True, preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if sigint_ignored else None,
    )
    out = LineReader(proc.stdout)
    try:
        out.wait_for(ready, 300)
        if while_serving is not None:
            while_serving()
        proc.send_signal(signal.SIGINT)
        code = proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        out.finish()
    return code, out.text()


@pytest.mark.model
def test_sigint_stops_a_server_started_with_sigint_ignored(built_index: BuiltIndex, tmp_path) -> None:
    port = qa_free_port()
    code, text = _serve_until_ctrl_c(qa_command("serve", "--index", str(built_index.index), "--port", str(port)),
                                     "press Ctrl+C", cwd=tmp_path, sigint_ignored=True)
    assert code == 0, text
    assert "stopping" in text


# `qa serve` in a process that cannot start the background build thread ("can't start new thread").
_NO_BUILD_THREAD = """
import sys, threading
start = threading.Thread.start
def refuse(self):
    if self.name == "qa-build":
        raise RuntimeError("can't start new thread")
    return start(self)
threading.Thread.start = refuse
from qa.app.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.model
def test_a_build_thread_that_cannot_start_is_reported_and_the_chat_still_serves_and_stops(built_index: BuiltIndex, tmp_path) -> None:
    port = qa_free_port()

    def page_served() -> None:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as page:
            assert page.status == 200

    code, text = _serve_until_ctrl_c(
        [qa_command()[0], "-c", _NO_BUILD_THREAD, "serve", "--index", str(built_index.index), "--port", str(port)],
        "cannot build or update the index in the background", cwd=tmp_path, while_serving=page_served)
    assert code == 0, text
    assert "stopping" in text and "Traceback" not in text, text


@pytest.mark.model
@pytest.mark.slow
def test_ctrl_c_during_the_first_build_stops_cleanly_and_the_next_build_completes(tmp_path) -> None:
    """The build thread may be inside ONNX Runtime when Ctrl+C comes: the process had aborted
    ("terminate called without an active exception", exit 134)."""
    corpus = copy_corpus(tmp_path / "corpus")
    slow_pdf(corpus / "slow.pdf", 300_000)  # keeps the build busy for about a minute
    index = tmp_path / "index"
    port = qa_free_port()
    code, text = _serve_until_ctrl_c(
        qa_command("serve", "--index", str(index), "--corpus", str(corpus), "--port", str(port)), "building the index")
    assert code == 0, text
    assert "left unfinished" in text and "terminate called" not in text, text
    (corpus / "slow.pdf").unlink()
    built = subprocess.run(qa_command("index", "--index", str(index), "--corpus", str(corpus)), env=child_env(),
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (index / "manifest.json").is_file()

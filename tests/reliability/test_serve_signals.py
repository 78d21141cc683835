"""Ctrl+C stops `qa serve` even when it was started with SIGINT ignored (as a shell without job
control starts background commands: `nohup qa serve &` in a script, CI runners)."""

from __future__ import annotations

import signal
import subprocess

import pytest

from conftest import BuiltIndex, qa_free_port
from reliability_helpers import LineReader, child_env, qa_command


@pytest.mark.model
def test_sigint_stops_a_server_started_with_sigint_ignored(built_index: BuiltIndex, tmp_path) -> None:
    port = qa_free_port()
    proc = subprocess.Popen(
        qa_command("serve", "--index", str(built_index.index), "--port", str(port)), env=child_env(), text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=tmp_path, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    out = LineReader(proc.stdout)
    try:
        out.wait_for("press Ctrl+C", 300)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        out.finish()
    assert "stopping" in out.text()

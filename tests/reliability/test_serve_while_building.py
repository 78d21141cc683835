"""`qa serve` listens at once: while a build runs it answers from the last good index, and
without one it says the index is being built (issue 10: a slow file must not keep the service down)."""

from __future__ import annotations

import subprocess

import pytest

from conftest import BuiltIndex, qa_free_port, slow_pdf
from reliability_helpers import LineReader, child_env, kill_group, qa_command

pytestmark = [pytest.mark.model, pytest.mark.slow]

QUESTION = "Which bank is Russia's largest?"


def _serve(index, corpus) -> tuple[subprocess.Popen, LineReader, str]:
    port = qa_free_port()
    proc = subprocess.Popen(
        qa_command("serve", "--index", str(index), "--corpus", str(corpus), "--port", str(port)),
        env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    return proc, LineReader(proc.stdout), f"http://127.0.0.1:{port}/"


def test_a_slow_update_does_not_keep_the_chat_down(index_clone: BuiltIndex) -> None:
    from gradio_client import Client

    # A few-KB PDF that keeps the loader busy for about a minute: the update takes that long.
    slow_pdf(index_clone.corpus / "slow.pdf", 300_000)
    proc, reader, url = _serve(index_clone.index, index_clone.corpus)
    try:
        reader.wait_for("qa chat ready", 300)
        # Listening came first: no build summary ("took … s") before the ready line.
        assert "took" not in reader.text().split("qa chat ready")[0], reader.text()
        result = Client(url, verbose=False).predict(QUESTION, None, api_name="/ask")
        assert "index ready" not in reader.text(), "the update finished before the question: the test proves nothing"
        assert result["citations"] and "Sberbank" in result["text"]  # answered from the last good index
    finally:
        kill_group(proc)
        reader.finish()
    assert "Traceback" not in reader.text(), reader.text()


def test_without_an_index_the_chat_says_it_is_being_built(tmp_path, index_clone: BuiltIndex) -> None:
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    slow_pdf(index_clone.corpus / "slow.pdf", 300_000)
    proc, reader, url = _serve(tmp_path / "new-index", index_clone.corpus)
    try:
        reader.wait_for("qa chat ready", 300)
        assert "took" not in reader.text().split("qa chat ready")[0], reader.text()
        with pytest.raises(AppError) as info:
            Client(url, verbose=False).predict(QUESTION, None, api_name="/ask")
        assert "index ready" not in reader.text()
        assert "being built" in str(info.value)
    finally:
        kill_group(proc)
        reader.finish()
    assert "Traceback" not in reader.text(), reader.text()

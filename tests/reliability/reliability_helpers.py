"""Helpers shared by the reliability tests (not a test module): generated documents, child
processes running `qa`, and index-folder listings."""

from __future__ import annotations

import json
import os
import queue
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CHILD = HERE / "qa_child.py"
PYTHON = sys.executable


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a `qa` child: offline, no login, nothing inherited that picks another index."""
    env = {k: v for k, v in os.environ.items() if k not in ("QA_PASSWORD", "QA_USER", "QA_INDEX", "QA_CORPUS", "QA_MODEL")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", HF_HUB_DISABLE_TELEMETRY="1",
               GRADIO_ANALYTICS_ENABLED="False", TOKENIZERS_PARALLELISM="false", PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


def qa_command(*args: str) -> list[str]:
    """`python -m qa.app.cli ARGS` with this venv's interpreter."""
    return [PYTHON, "-m", "qa.app.cli", *args]


def instrumented_command(*args: str, markers: bool = False, fake_encoder: bool = False) -> list[str]:
    options = (["--phase-markers"] if markers else []) + (["--fake-encoder"] if fake_encoder else [])
    return [PYTHON, str(CHILD), *options, "--", *args]


class LineReader:
    """Collects a pipe's lines in a thread; `wait_for` blocks until a line containing a needle."""

    def __init__(self, stream) -> None:
        self.lines: list[str] = []
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def _pump(self, stream) -> None:
        for line in stream:
            self._queue.put(line)
        self._queue.put(None)

    def _drain(self, timeout: float) -> str | None:
        line = self._queue.get(timeout=timeout)
        if line is None:
            self._queue.put(None)  # keep the end marker for later readers
            raise EOFError
        self.lines.append(line)
        return line

    def wait_for(self, needle: str, seconds: float) -> str:
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no line with {needle!r} within {seconds} s; got:\n{self.text()}")
            try:
                line = self._drain(min(left, 0.5))
            except queue.Empty:
                continue
            except EOFError:
                raise EOFError(f"the stream ended before a line with {needle!r}; got:\n{self.text()}") from None
            if needle in line:
                return line

    def finish(self, seconds: float = 10.0) -> None:
        self._thread.join(seconds)
        while True:
            try:
                self._drain(0)
            except (queue.Empty, EOFError):
                return

    def text(self) -> str:
        return "".join(self.lines)


# ---- generated documents -----------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][a-z]+")


def corpus_words() -> list[str]:
    """Every word of the real corpus, in order (so sampled text has a natural word distribution)."""
    words: list[str] = []
    for path in sorted((REPO / "corpus").glob("*.txt")):
        words += _WORD.findall(path.read_text(encoding="utf-8"))
    return words


def paragraph(rng: random.Random, words: list[str], sentences: int = 4, tag: str = "") -> str:
    out = []
    for _ in range(sentences):
        n = rng.randint(8, 20)
        at = rng.randrange(0, len(words) - n)
        sentence = " ".join(words[at : at + n]).lower()  # runs of real text read like prose
        out.append(sentence[:1].upper() + sentence[1:] + ".")
    if tag:
        out.append(f"Record {tag}.")
    return " ".join(out)


def write_generated_docs(folder: Path, count: int, seed: int, words: list[str], names: list[str] | None = None) -> list[Path]:
    """`count` short English-like documents (one or two passages each), deterministic for a seed."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        name = names[i] if names else f"gen_{i:03d}.txt"
        body = "\n\n".join(paragraph(rng, words, rng.randint(3, 5), tag=f"{seed}-{i}") for _ in range(2))
        path = folder / name
        path.write_text(f"Generated note {name}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_big_text(path: Path, megabytes: float, words: list[str], seed: int = 1) -> int:
    """A plain-text file of about `megabytes` MB of English-like paragraphs; returns its size in bytes."""
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    size = 0
    with path.open("w", encoding="utf-8") as handle:
        while size < target:
            block = "\n\n".join(paragraph(rng, words, rng.randint(3, 7)) for _ in range(200)) + "\n\n"
            handle.write(block)
            size += len(block.encode("utf-8"))
    return path.stat().st_size


# ---- index folders -----------------------------------------------------------------------------


def index_files(index: Path) -> set[str]:
    """Every file in an index folder, relative ('bm25-x/name' for the bm25 folder's files)."""
    return {p.relative_to(index).as_posix() for p in index.rglob("*") if p.is_file()}


def manifest_of(index: Path) -> dict:
    return json.loads((index / "manifest.json").read_text(encoding="utf-8"))


def orphans(index: Path) -> set[str]:
    """Files the manifest does not name (besides itself and the lock)."""
    return index_files(index) - set(manifest_of(index)["files"]) - {"manifest.json", ".lock"}


def run_measured(cmd: list[str], env: dict, timeout: float, cwd: Path | None = None) -> dict:
    """Run cmd in a fresh intermediate Python, which reports its only child's peak RSS
    (resource.getrusage(RUSAGE_CHILDREN).ru_maxrss, KiB on Linux), exit code and output."""
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "cmd = json.loads(sys.argv[1])\n"
        "t0 = time.perf_counter()\n"
        "p = subprocess.run(cmd, capture_output=True, text=True)\n"
        "print(json.dumps({'code': p.returncode, 'seconds': time.perf_counter() - t0,\n"
        "                  'maxrss_kib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,\n"
        "                  'stdout': p.stdout, 'stderr': p.stderr}))\n"
    )
    proc = subprocess.Popen([PYTHON, "-c", probe, json.dumps(cmd)], env=env, cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        raise
    assert proc.returncode == 0, err
    return json.loads(out)


def kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL a child started with start_new_session=True and everything it started; reap it."""
    import signal

    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()

"""Item 2 — builds killed with SIGKILL, and broken index folders.

A corpus of the real documents plus 100 generated ones is indexed once. Each trial changes 20
generated documents (so the build has ~20-40 passages to embed, a couple of seconds here), starts
`python -m qa.app.cli index` and SIGKILLs it: at a random moment, inside the embedding phase, or
while the new generation's files are being written. Afterwards:

* if the kill came before the manifest was replaced, the previous index loads (checksums
  verified) and `retrieve` returns exactly the same passage ids and scores for fixed questions;
  if it came after, the new index loads and is complete;
* the next `qa index` completes and leaves no file the manifest does not name.

The second half covers broken index folders not already covered by tests/test_store.py: every
file of the manifest truncated, corrupted in place or missing; a read-only folder (os.replace or
the first write raising EROFS/EACCES — chmod does not stop root); and incremental builds over a
corrupted previous index.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import DOC_000, BuiltIndex, copy_corpus
from reliability_helpers import (
    LineReader,
    child_env,
    corpus_words,
    index_files,
    instrumented_command,
    manifest_of,
    orphans,
    qa_command,
    write_generated_docs,
)

pytestmark = [pytest.mark.model, pytest.mark.slow]

GENERATED = 100
CHANGED_PER_TRIAL = 20
TRIALS_PER_MODE = 8  # x 3 modes = 24 kills
QUESTIONS = ["Which bank is Russia's largest?", "How many points does the peace plan have?",
             "What security guarantees does Ukraine want?"]
SEED = int(os.environ.get("QA_KILL_SEED", "20240501"))


class Bench:
    """The corpus and index the kill trials share, and what the committed index answers."""

    def __init__(self, root: Path) -> None:
        from qa.index.build import build_index

        self.corpus = copy_corpus(root / "corpus")
        self.index = root / "index"
        self.words = corpus_words()
        self.generated = [f"gen_{i:03d}.txt" for i in range(GENERATED)]
        write_generated_docs(self.corpus, GENERATED, seed=0, words=self.words, names=self.generated)
        t0 = time.perf_counter()
        report = build_index(self.corpus, self.index)
        self.initial_build_s = time.perf_counter() - t0
        self.passages = report.passages
        self.version = 0
        self.rng = random.Random(SEED)
        self.timeline: dict[str, float] | None = None
        self.stats: dict[str, dict[str, int]] = {}
        self.remember()

    def answers(self, check_stale: bool = False) -> list[list[tuple[str, float]]]:
        from qa.retrieval.retriever import Retriever

        # Verifies every file's size and sha256; with check_stale, also that the index is current.
        retriever = Retriever(self.index, check_stale=check_stale, strict=check_stale)
        return [[(p.id, p.score) for p in retriever.retrieve(q, k=5)] for q in QUESTIONS]

    def remember(self) -> None:
        self.manifest_bytes = (self.index / "manifest.json").read_bytes()
        self.committed = self.answers()

    def change_documents(self, count: int = CHANGED_PER_TRIAL) -> list[str]:
        self.version += 1
        names = self.rng.sample(self.generated, count)
        write_generated_docs(self.corpus, count, seed=1000 + self.version, words=self.words, names=names)
        return names

    def recover(self) -> dict:
        """The next `qa index` after a kill: completes, leaves no orphan, answers from a complete index."""
        from qa.index.build import build_index

        self.change_documents(1)  # always some work, so the build runs its commit and clean-up
        t0 = time.perf_counter()
        report = build_index(self.corpus, self.index)
        seconds = time.perf_counter() - t0
        assert not report.up_to_date
        assert orphans(self.index) == set(), f"orphan files after a completed build: {orphans(self.index)}"
        assert not [p for p in self.index.iterdir() if p.name.endswith(".tmp")]
        self.remember()
        self.answers(check_stale=True)  # complete and current
        return {"recovery_s": seconds, "embedded": report.embedded}

    def start(self, markers: bool = False) -> tuple[subprocess.Popen, LineReader]:
        args = ("index", "--corpus", str(self.corpus), "--index", str(self.index))
        cmd = instrumented_command(*args, markers=True) if markers else qa_command(*args)
        proc = subprocess.Popen(cmd, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        return proc, LineReader(proc.stderr)

    def check_after_kill(self, mode: str) -> str:
        """What the kill left: 'previous' (manifest untouched) or 'committed' (build had finished its swap)."""
        now = (self.index / "manifest.json").read_bytes()
        left = orphans(self.index) if now == self.manifest_bytes else set()
        if now == self.manifest_bytes:
            assert self.answers() == self.committed, f"{mode}: the previous index answers differently after the kill"
            outcome = "previous index intact" + (" (new files left behind)" if left else "")
        else:
            self.answers(check_stale=True)  # the new manifest names a complete, current index
            outcome = "build had committed" + (" (previous generation not yet removed)" if orphans(self.index) else "")
        counts = self.stats.setdefault(mode, {})
        counts[outcome] = counts.get(outcome, 0) + 1
        return outcome


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> Bench:
    bench = Bench(tmp_path_factory.mktemp("killed-builds"))
    print(f"\n[kill] corpus: 2 real + {GENERATED} generated documents, {bench.passages} passages; "
          f"initial in-process build {bench.initial_build_s:.1f} s")
    return bench


@pytest.fixture(scope="module")
def timeline(bench: Bench) -> dict[str, float]:
    """One uninterrupted child build with phase markers: when embedding and writing happen (s from spawn)."""
    bench.change_documents()
    t0 = time.monotonic()
    proc, reader = bench.start(markers=True)
    reader.wait_for("commit-end", 300)
    assert proc.wait(120) == 0, reader.text()
    reader.finish()
    marks = {}
    for line in reader.lines:
        if line.startswith("QA-PHASE"):
            _, name, stamp, *_ = line.split()
            marks[name] = float(stamp) - t0
    marks["exit"] = time.monotonic() - t0
    assert orphans(bench.index) == set()
    bench.remember()
    print("\n[kill] uninterrupted child build timeline (s from spawn): "
          + ", ".join(f"{k} {v:.2f}" for k, v in marks.items()))
    return marks


def _kill(proc: subprocess.Popen, reader: LineReader) -> bool:
    """SIGKILL the build; False when it had already exited by itself."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    code = proc.wait(30)
    reader.finish()
    assert code in (0, -signal.SIGKILL), f"the build failed by itself ({code}):\n{reader.text()}"
    return code == -signal.SIGKILL


def _summary(bench: Bench, mode: str, seconds: float, details: list[str]) -> None:
    print(f"\n[kill] {mode}: {len(details)} SIGKILL trials in {seconds:.0f} s; outcomes {bench.stats.get(mode)}")
    for line in details:
        print(f"[kill]   {line}")


def _phase_at_exit(reader: LineReader) -> str:
    """How far a marked build got before it died, from its phase markers: "starting" (embedding not
    begun), "building" (embedding begun, manifest commit not finished) or "committed"."""
    names = {line.split()[1] for line in reader.lines if line.startswith("QA-PHASE ")}
    if "commit-end" in names:
        return "committed"
    return "building" if "embed-start" in names else "starting"


def test_sigkill_at_random_moments(bench: Bench, timeline: dict[str, float]) -> None:
    """SIGKILL after a random delay. A kill only counts when it hit a running build (the process died
    of SIGKILL after embedding began and before the manifest commit ended); at least one must.

    The first TRIALS_PER_MODE delays are drawn over the whole uninterrupted build. When none of them
    hit a running build (the machine was slower or faster than during `timeline`), up to as many
    again are drawn from the embed-start..commit-start window, narrowed after every miss: a kill
    before embedding raises the lower end, a build that finished first lowers the upper end.
    """
    t_start = time.perf_counter()
    details = []
    counts = bench.stats.setdefault("random", {})
    low, high = 0.3, timeline["commit-end"]
    running_kills = trial = 0
    while trial < TRIALS_PER_MODE or (running_kills == 0 and trial < 2 * TRIALS_PER_MODE):
        if trial == TRIALS_PER_MODE:  # retrying: aim at the build itself
            low, high = timeline["embed-start"], timeline["commit-start"]
        bench.change_documents()
        delay = bench.rng.uniform(low, high)
        proc, reader = bench.start(markers=True)
        time.sleep(delay)
        killed = _kill(proc, reader)
        phase = _phase_at_exit(reader)
        if not killed:  # finished before the kill: still a valid trial of "the next build"
            outcome = "finished before the kill"
            counts[outcome] = counts.get(outcome, 0) + 1
        else:
            outcome = bench.check_after_kill("random")
        if killed and phase == "building":
            running_kills += 1
        elif trial >= TRIALS_PER_MODE and phase == "starting":
            low = delay
        elif trial >= TRIALS_PER_MODE:
            high = delay
        if high - low < 0.05:  # the window closed (timing noise): widen it again
            low, high = 0.3, timeline["commit-end"]
        rec = bench.recover()
        details.append(f"trial {trial}: kill at {delay:.2f} s -> {'SIGKILL' if killed else 'exited first'} "
                       f"({phase}), {outcome}; next build {rec['recovery_s']:.1f} s")
        trial += 1
    _summary(bench, "random", time.perf_counter() - t_start, details)
    print(f"[kill]   {running_kills} of {trial} SIGKILLs landed inside a running build")
    assert running_kills >= 1, f"no SIGKILL landed inside a running build in {trial} trials:\n" + "\n".join(details)


def test_sigkill_during_embedding(bench: Bench, timeline: dict[str, float]) -> None:
    embed_window = timeline["embed-end"] - timeline["embed-start"]
    t_start = time.perf_counter()
    details = []
    inside = 0
    for trial in range(TRIALS_PER_MODE):
        bench.change_documents()
        proc, reader = bench.start(markers=True)
        reader.wait_for("embed-start", 300)
        delay = bench.rng.uniform(0.0, 0.8 * embed_window)
        time.sleep(delay)
        still_embedding = not any("embed-end" in line for line in reader.lines)
        _kill(proc, reader)
        still_embedding = still_embedding and not any("embed-end" in line for line in reader.lines)
        outcome = bench.check_after_kill("embedding")
        # On a loaded machine a trial's embedding can end sooner than the timeline's; a kill that
        # landed after it is checked like any other kill (check_after_kill), not counted here.
        if still_embedding:
            assert outcome.startswith("previous index intact")
            assert orphans(bench.index) == set()  # nothing was written yet
            inside += 1
        rec = bench.recover()
        details.append(f"trial {trial}: kill {delay:.2f} s into embedding (still embedding: {still_embedding}) "
                       f"-> {outcome}; next build {rec['recovery_s']:.1f} s")
    _summary(bench, "embedding", time.perf_counter() - t_start, details)
    print(f"[kill]   embedding phase of a trial build lasts {embed_window:.2f} s")
    assert inside >= 1, "no kill landed while the build was embedding:\n" + "\n".join(details)


def test_sigkill_while_writing_the_new_generation(bench: Bench, timeline: dict[str, float]) -> None:
    write_window = timeline["commit-start"] - timeline["write-start"]
    t_start = time.perf_counter()
    details = []
    partial = 0
    for trial in range(TRIALS_PER_MODE):
        bench.change_documents()
        known = index_files(bench.index)
        known_names = set(os.listdir(bench.index))  # top level: files and the bm25 folder
        proc, reader = bench.start()
        seen_at = None
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            if any(name not in known_names for name in os.listdir(bench.index)):
                seen_at = time.monotonic()
                break
            time.sleep(0.001)
        assert seen_at is not None, "the build ended (or hung) without writing new files: " + reader.text()
        # Half the trials kill at first sight of a new file, the others later inside the writing window.
        delay = 0.0 if trial % 2 == 0 else bench.rng.uniform(0.0, write_window)
        time.sleep(delay)
        _kill(proc, reader)
        written = sorted(name for name in index_files(bench.index) - known)
        if (bench.index / "manifest.json").read_bytes() == bench.manifest_bytes and written:
            partial += 1
        outcome = bench.check_after_kill("writing")
        rec = bench.recover()
        details.append(f"trial {trial}: kill {delay * 1000:.0f} ms after the first new file -> {outcome}; "
                       f"{len(written)} new files on disk at the kill; next build {rec['recovery_s']:.1f} s")
    _summary(bench, "writing", time.perf_counter() - t_start, details)
    print(f"[kill]   writing window (first file -> manifest commit) of a trial build: {write_window * 1000:.0f} ms; "
          f"{partial} kills left a half-written generation behind")
    assert partial >= TRIALS_PER_MODE // 2


def test_next_qa_index_after_a_kill_exits_0_and_cleans_up(bench: Bench, timeline: dict[str, float]) -> None:
    """The recovery through the real command line (the trials above recover in-process)."""
    bench.change_documents()
    known_names = set(os.listdir(bench.index))
    proc, reader = bench.start()
    while proc.poll() is None and not (set(os.listdir(bench.index)) - known_names):
        time.sleep(0.001)
    _kill(proc, reader)
    bench.check_after_kill("cli")
    bench.change_documents(1)
    done = subprocess.run(qa_command("index", "--corpus", str(bench.corpus), "--index", str(bench.index)),
                          env=child_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "indexed 102 documents" in done.stdout and "Traceback" not in done.stderr
    assert orphans(bench.index) == set()
    bench.remember()


# ---- broken index folders (what tests/test_store.py does not cover) -----------------------------


def _every_file(built_index: BuiltIndex) -> list[str]:
    return sorted(manifest_of(built_index.index)["files"])


def _fix_named(message: str, index: Path) -> None:
    assert "qa index" in message and "--rebuild" in message and str(index) in message, message


@pytest.mark.parametrize("damage", ["truncated", "flipped", "missing", "emptied"])
def test_every_index_file_damaged_is_a_clear_error(built_index: BuiltIndex, tmp_path: Path, damage: str) -> None:
    """Each file the manifest names (passages, documents, dense, terms, term vectors, cards and every
    bm25 file), damaged in turn: IndexCorruptError naming that file and the command that fixes it."""
    from qa.errors import IndexCorruptError
    from qa.retrieval.retriever import Retriever

    names = _every_file(built_index)
    assert len(names) >= 10
    for name in names:
        index = tmp_path / f"{damage}-{names.index(name)}"
        shutil.copytree(built_index.index, index, ignore=shutil.ignore_patterns(".lock"))
        target = index / name
        data = target.read_bytes()
        if damage == "truncated":
            target.write_bytes(data[: len(data) // 2])
        elif damage == "flipped":
            corrupt = bytearray(data)
            corrupt[len(data) // 2] ^= 0x55
            target.write_bytes(bytes(corrupt))
        elif damage == "missing":
            target.unlink()
        else:
            target.write_bytes(b"")
        with pytest.raises(IndexCorruptError) as info:
            Retriever(index, check_stale=False)
        message = str(info.value)
        assert target.name in message, (name, message)
        assert {"truncated": "truncated", "flipped": "checksum", "missing": "missing", "emptied": "bytes"}[damage] in message
        _fix_named(message, index)
    print(f"\n[broken] {damage}: {len(names)} index files each gave IndexCorruptError naming the file and the fix")


@pytest.mark.parametrize("err", [errno.EROFS, errno.EACCES])
@pytest.mark.parametrize("where", ["first-write", "manifest-replace"])
def test_read_only_index_folder_is_a_clear_error_and_keeps_the_index(
    index_clone: BuiltIndex, monkeypatch: pytest.MonkeyPatch, err: int, where: str
) -> None:
    """chmod does not stop root, so the read-only folder is simulated where the build writes."""
    from qa.index import store
    from qa.errors import IndexWriteError
    from qa.index.build import build_index
    from qa.retrieval.retriever import Retriever

    index, corpus = index_clone.index, index_clone.corpus
    before_manifest = (index / "manifest.json").read_bytes()
    before_files = index_files(index)
    before = [p.id for p in Retriever(index).retrieve(QUESTIONS[0], k=5)]

    def refuse(*args, **kwargs):
        raise OSError(err, os.strerror(err))

    if where == "first-write":
        monkeypatch.setattr(store, "write_bytes", refuse)
    else:
        monkeypatch.setattr(store.os, "replace", refuse)
    (corpus / DOC_000).unlink()
    with pytest.raises(IndexWriteError) as info:
        build_index(corpus, index)
    monkeypatch.undo()
    message = str(info.value)
    assert "read-only" in message and str(index) in message and "--index" in message, message
    assert (index / "manifest.json").read_bytes() == before_manifest
    assert not [p for p in index.iterdir() if p.name.endswith(".tmp")], "temporary manifest left behind"
    assert [p.id for p in Retriever(index, check_stale=False).retrieve(QUESTIONS[0], k=5)] == before
    if where == "first-write":
        assert index_files(index) - {".lock"} == before_files - {".lock"}


def test_read_only_index_folder_through_the_command_line(index_clone: BuiltIndex, tmp_path: Path) -> None:
    """`qa index` in a child whose os.replace fails with EROFS: exit 1, one clear line, no traceback."""
    index, corpus = index_clone.index, index_clone.corpus
    (corpus / DOC_000).unlink()
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import errno, os\n"
        "def _refuse(*a, **k):\n"
        "    raise OSError(errno.EROFS, 'Read-only file system')\n"
        "os.replace = _refuse\n",
        encoding="utf-8",
    )
    done = subprocess.run(qa_command("index", "--corpus", str(corpus), "--index", str(index)),
                          env=child_env(PYTHONPATH=str(hook)), capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert f"error: the index folder {index} is read-only" in done.stderr and "--index" in done.stderr


def _corrupt_previous(index: Path, role: str, at: str) -> None:
    target = index / manifest_of(index)["roles"][role]
    data = bytearray(target.read_bytes())
    if at == "header":
        data[5] ^= 0xFF
    else:  # scramble the second half in place, size unchanged
        for i in range(len(data) // 2, len(data) - 8):
            data[i] = (data[i] * 7 + 13) & 0xFF
    target.write_bytes(bytes(data))


def test_incremental_build_over_a_truncated_previous_index_rebuilds(index_clone: BuiltIndex) -> None:
    """A truncated file fails the size check, so `qa index` warns and rebuilds from scratch."""
    from qa.index.build import build_index
    from qa.retrieval.retriever import Retriever

    index, corpus = index_clone.index, index_clone.corpus
    dense = index / manifest_of(index)["roles"]["dense"]
    dense.write_bytes(dense.read_bytes()[:1000])
    (corpus / DOC_000).unlink()
    report = build_index(corpus, index)
    assert report.reused == 0 and report.embedded == report.passages
    assert Retriever(index).retrieve(QUESTIONS[0], k=1)
    assert orphans(index) == set()


def test_incremental_build_does_not_reuse_silently_corrupted_vectors(index_clone: BuiltIndex) -> None:
    from qa.index.build import build_index
    from qa.retrieval.retriever import Retriever

    index, corpus = index_clone.index, index_clone.corpus
    expected = [p.id for p in Retriever(index).retrieve(QUESTIONS[0], k=3)]
    _corrupt_previous(index, "dense", "data")
    (corpus / "extra.txt").write_text("The harbour bridge will reopen in June after repairs.\n", encoding="utf-8")
    build_index(corpus, index)
    hits = Retriever(index).retrieve(QUESTIONS[0], k=3)
    assert all(-1.5 <= p.scores["dense"] <= 1.5 for p in hits), [p.scores for p in hits]
    assert [p.id for p in hits] == expected


@pytest.mark.parametrize("role", ["dense", "passages"])
def test_incremental_build_over_a_corrupt_previous_index_does_not_crash(index_clone: BuiltIndex, role: str) -> None:
    from qa.errors import IndexCorruptError
    from qa.index.build import build_index

    index, corpus = index_clone.index, index_clone.corpus
    _corrupt_previous(index, role, "header")
    (corpus / "extra.txt").write_text("The harbour bridge will reopen in June after repairs.\n", encoding="utf-8")
    try:
        report = build_index(corpus, index)
    except IndexCorruptError as exc:  # acceptable: a clear error naming the file
        assert manifest_of(index)["roles"][role] in str(exc)
        return
    assert report.reused == 0  # acceptable: the damaged index was not reused

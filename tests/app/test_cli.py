"""The `qa` command: summaries, JSON output, and exit codes (0 ok, 1 error, 2 usage, 3 skipped files)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DOC_000, DOC_002, FIXTURES, BuiltIndex
from qa.app.cli import main

QA = Path(sys.executable).with_name("qa")


def run_qa(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed console script in a fresh process, as a user would run it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_") or k == "QA_CACHE_DIR"}
    command = [str(QA)] if QA.exists() else [sys.executable, "-c", "import sys; from qa.app.cli import main; sys.exit(main())"]
    return subprocess.run(command + list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


# ---- qa index ----------------------------------------------------------------------------------


@pytest.mark.model
def test_index_prints_a_summary_and_exits_0(index_clone: BuiltIndex, capsys: pytest.CaptureFixture) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    shutil.copy(FIXTURES / "notes.md", corpus / "notes.md")
    assert main(["index", "--corpus", str(corpus), "--index", str(index)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith(f"indexed 3 documents into ")
    assert f"passages in {index} (" in lines[0] and "embedded" in lines[0] and "reused) with all-MiniLM-L6-v2" in lines[0]
    assert "  added (1): notes.md" in lines
    assert "  unchanged: 2" in lines
    assert lines[-1].startswith("  took ") and lines[-1].endswith(" s")
    assert "skipped" not in out

    assert main(["index", "--corpus", str(corpus), "--index", str(index)]) == 0
    again = capsys.readouterr().out
    assert again.startswith(f"index {index} is up to date: 3 documents, ")


@pytest.mark.model
def test_index_json_summary(index_clone: BuiltIndex, capsys: pytest.CaptureFixture) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    (corpus / DOC_000).unlink()
    assert main(["index", "--corpus", str(corpus), "--index", str(index), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["removed"] == [DOC_000] and report["unchanged"] == [DOC_002]
    assert report["embedded"] == 0 and report["reused"] == report["passages"] > 0
    assert report["up_to_date"] is False and report["skipped"] == []


@pytest.mark.model
def test_index_with_a_skipped_file_exits_3_and_names_it(index_clone: BuiltIndex, capsys: pytest.CaptureFixture) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    (corpus / "scan.txt").write_bytes(b"\x00\x01\x02 binary data")
    (corpus / "slides.pptx").write_bytes(b"PK\x03\x04")
    assert main(["index", "--corpus", str(corpus), "--index", str(index)]) == 3
    out = capsys.readouterr().out
    assert "  skipped scan.txt: " in out and "looks binary" in out
    assert "slides.pptx: unsupported file type" in out
    assert "indexed 2 documents" in out


@pytest.mark.model
def test_index_again_after_a_skipped_file_still_exits_3(index_clone: BuiltIndex, capsys: pytest.CaptureFixture) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    (corpus / "scan.txt").write_bytes(b"\x00\x01\x02 binary data")
    assert main(["index", "--corpus", str(corpus), "--index", str(index)]) == 3
    assert main(["index", "--corpus", str(corpus), "--index", str(index)]) == 3
    assert "skipped scan.txt" in capsys.readouterr().out


def test_index_of_a_missing_corpus_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code = main(["index", "--corpus", str(tmp_path / "no-corpus"), "--index", str(tmp_path / "index")])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.startswith("error: corpus folder ") and "does not exist" in captured.err
    assert "Traceback" not in captured.err and captured.out == ""


@pytest.mark.model
@pytest.mark.parametrize(
    "option",
    [["--overlap", "-1"], ["--chunk-tokens", "0"], ["--chunk-tokens", "-5"]],
    ids=["overlap-negative", "chunk-tokens-zero", "chunk-tokens-negative"],
)
def test_invalid_chunk_options_are_refused(tmp_path: Path, option: list[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "notes.md", corpus / "notes.md")
    with pytest.raises(SystemExit) as info:
        main(["index", "--corpus", str(corpus), "--index", str(tmp_path / "index"), *option])
    assert info.value.code == 2


# ---- qa search ---------------------------------------------------------------------------------


@pytest.mark.model
def test_search_json_parses(built_index: BuiltIndex, capsys: pytest.CaptureFixture) -> None:
    code = main(["search", "Which bank is Russia's largest?", "--json", "-k", "3", "--index", str(built_index.index)])
    assert code == 0
    passages = json.loads(capsys.readouterr().out)
    assert isinstance(passages, list) and len(passages) == 3
    assert [p["rank"] for p in passages] == [1, 2, 3]
    assert any("Sberbank" in p["text"] for p in passages)
    for p in passages:
        assert {"doc_id", "title", "date", "publisher", "start", "end", "paragraph", "page", "score", "scores", "ranks"} <= set(p)


@pytest.mark.model
def test_search_prints_cited_passages(built_index: BuiltIndex, capsys: pytest.CaptureFixture) -> None:
    assert main(["search", "How much military aid did Biden announce?", "--index", str(built_index.index)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n[") + out.startswith("[") == 5
    assert "footnote 14" in out
    assert "(score " in out and "dense #" in out and "bm25 #" in out


@pytest.mark.model
def test_search_in_a_fresh_process_prints_only_json_on_stdout(built_index: BuiltIndex, tmp_path: Path) -> None:
    result = run_qa("search", "Budapest memorandum 1994", "--json", "-k", "2", "--index", str(built_index.index), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    passages = json.loads(result.stdout)
    assert len(passages) == 2 and "Budapest memorandum" in passages[0]["text"]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "", "--index", "{index}"], "error: the question is empty"),
        (["search", "   ", "--index", "{index}"], "error: the question is empty"),
        (["search", "Which bank?", "-k", "0", "--index", "{index}"], "error: k must be between 1 and 100"),
        (["search", "Which bank?", "-k", "1000", "--index", "{index}"], "error: k must be between 1 and 100"),
        (["search", "x" * 10_000, "--index", "{index}"], "error: the question is 10,000 characters long"),
    ],
)
def test_bad_search_input_exits_1_with_an_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture, args: list[str], message: str
) -> None:
    args = [a.replace("{index}", str(tmp_path / "index")) for a in args]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(message), captured.err
    assert captured.out == "" and "Traceback" not in captured.err


def test_search_without_an_index_exits_1(no_corpus_cwd: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["search", "Which bank?", "--index", str(no_corpus_cwd / "nowhere")]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("error: no index in ") and "qa index" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.model
def test_search_on_a_corrupt_index_exits_1(index_clone: BuiltIndex, capsys: pytest.CaptureFixture) -> None:
    (index_clone.index / "manifest.json").write_text("{broken", encoding="utf-8")
    assert main(["search", "Which bank?", "--index", str(index_clone.index)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ") and "--rebuild" in captured.err


@pytest.mark.model
def test_search_on_a_stale_index_answers_with_a_warning(index_clone: BuiltIndex, capsys: pytest.CaptureFixture, caplog) -> None:
    (index_clone.corpus / DOC_002).unlink()
    assert main(["search", "Which bank?", "--index", str(index_clone.index)]) == 0
    assert capsys.readouterr().out.startswith("[1] ")
    warned = " ".join(r.getMessage() for r in caplog.records if r.levelname == "WARNING")
    assert "the index in " in warned and "1 file removed" in warned and f"removed: {DOC_002}" in warned
    assert "qa index --index" in warned


# ---- usage errors ------------------------------------------------------------------------------


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture) -> None:
    assert main([]) == 2
    assert "usage: qa" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["search"],
        ["frobnicate"],
        ["search", "q", "-k", "many"],
        ["index", "--chunk-tokens", "lots"],
        ["index", "--dense", "ivf"],
        ["index", "--no-such-option"],
    ],
)
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture, args: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    assert "usage: qa" in capsys.readouterr().err


# ---- real processes: exit codes and no tracebacks ------------------------------------------------


def test_process_exit_codes_for_errors_and_usage(tmp_path: Path) -> None:
    missing = run_qa("search", "Which bank?", "--index", "nowhere", cwd=tmp_path)
    assert missing.returncode == 1
    assert missing.stderr.startswith("error: no index in nowhere") and "Traceback" not in missing.stderr
    usage = run_qa("search", cwd=tmp_path)
    assert usage.returncode == 2 and "usage: qa search" in usage.stderr


def test_index_path_that_is_a_file_is_a_clean_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "notes.md", corpus / "notes.md")
    (tmp_path / "index").write_text("I am a file", encoding="utf-8")
    result = run_qa("index", "--corpus", str(corpus), "--index", str(tmp_path / "index"), cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1 and result.stderr.startswith("error: ")


# ---- qa ask ------------------------------------------------------------------------------------

UNANSWERED = "When did Germany halt the certification of the Nord Stream 2 pipeline?"


@pytest.mark.model
def test_ask_prints_the_closest_passages_when_it_abstains(built_index: BuiltIndex, capsys: pytest.CaptureFixture) -> None:
    from qa.answering.answerer import answer

    expected = answer(UNANSWERED, index=built_index.index)
    assert expected.abstained and expected.closest
    assert main(["ask", UNANSWERED, "--index", str(built_index.index)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == expected.text and lines[2] == "Closest passages:"
    shown = [line for line in lines[3:] if not line.startswith("    ")]
    assert shown == [f"{n}. {p.citation()}" for n, p in enumerate(expected.closest, start=1)]


# ---- output into a closed pipe ------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("command", [["ask", "Which bank is Russia's largest?"], ["search", "Which bank?", "-k", "20"]])
def test_output_into_a_closed_pipe_exits_quietly(built_index: BuiltIndex, tmp_path: Path, command: list[str]) -> None:
    """`qa ask ... | head -1`: the reader is gone before qa writes; no traceback, exit 141 (128 + SIGPIPE)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_") or k == "QA_CACHE_DIR"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "qa", *command, "--index", str(built_index.index)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    proc.stdout.close()  # the reader closes early: every write qa makes meets a closed pipe
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 141, stderr
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr and "Exception ignored" not in stderr


# ---- logging ------------------------------------------------------------------------------------


def test_library_debug_messages_stay_off_stderr(tmp_path: Path) -> None:
    """bm25s sets its logger to DEBUG when imported; after cli.main only warnings reach stderr."""
    script = (
        "import logging, sys\n"
        "from qa.app.cli import main\n"
        "main(['search', 'Which bank?', '--index', 'nowhere'])\n"
        "import bm25s\n"
        "logging.getLogger('bm25s').debug('Building index from tokens')\n"
        "logging.getLogger('qa.index.build').warning('a warning still shows')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Building index from tokens" not in result.stderr and "DEBUG" not in result.stderr
    assert "WARNING: a warning still shows" in result.stderr

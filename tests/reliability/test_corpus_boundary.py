"""Issue 10, ingest half — a corpus folder that tries to make qa read what it must not, or stall:
symlinks to files and folders outside it (and inside it), a hidden folder, a file name that is not
UTF-8, wrong types in metadata.json, 50,000 nested <span>s, an 8 GB (sparse) file, and, run as a
normal user, a file nobody may read.

The probes run the real `qa index`, `qa ask` and `qa.answer()`: no traceback, no leaked content,
each odd file named in the summary with its reason, and the good files indexed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import DOC_000, DOC_002, copy_corpus, slow_pdf
from reliability_helpers import child_env, qa_command

SECRET = "SECRETOUTSIDE vault code 4711"
PRIVATE = "PRIVATEFOLDER launch date"
HIDDEN = "HIDDENTRASH deleted draft"
ODD_NAME = "ODDNAMETOKEN"
NESTED_SPANS = 50_000
NON_UTF8 = b"report\xe9.txt"


def _nested_html(n: int) -> str:
    return "<html><body><p>" + "".join(f"<span>w{i} " for i in range(n)) + "</span>" * n + "</p></body></html>"


def _bad_metadata() -> dict:
    real = json.loads((Path(__file__).resolve().parents[2] / "corpus" / "metadata.json").read_text(encoding="utf-8"))
    return {
        **real,
        "notes.md": {"title": ["T"], "date": 20220322, "publisher": True, "extra": "x", "kind": "HUGE_NUMBER",
                     "author": "Ann Author"},
        "plain.txt": "not an object",
        "sub/nested.md": {"title": "The nested note"},
        "nested.md": {"title": "WRONG TITLE for a bare name"},
    }


def _write_metadata(path: Path, data: dict) -> None:
    # A 5,000-digit number: more digits than Python converts by default (sys.get_int_max_str_digits).
    path.write_text(json.dumps(data).replace('"HUGE_NUMBER"', "9" * 5000), encoding="utf-8")


@pytest.fixture(scope="module")
def boundary(tmp_path_factory):
    root = tmp_path_factory.mktemp("boundary")
    corpus = copy_corpus(root / "corpus")
    outside = root / "outside"
    (outside / "private").mkdir(parents=True)
    (outside / "secret.txt").write_text(f"{SECRET}. The vault code is 4711.\n", encoding="utf-8")
    (outside / "private" / "plan.md").write_text(f"# Plan\n\n{PRIVATE} is the first of May.\n", encoding="utf-8")
    (corpus / "passwd.txt").symlink_to(outside / "secret.txt")
    (corpus / "linked").symlink_to(outside / "private", target_is_directory=True)
    (corpus / "alias.txt").symlink_to(corpus / DOC_000)
    (corpus / ".trash").mkdir()
    (corpus / ".trash" / "old.md").write_text(f"# Old\n\n{HIDDEN} about the harbour.\n", encoding="utf-8")
    with open(os.fsencode(corpus) + b"/" + NON_UTF8, "wb") as handle:
        handle.write(f"{ODD_NAME} The odd file says the harbour opens in June.\n".encode("utf-8"))
    (corpus / "notes.md").write_text("# Notes\n\nThe ferry timetable changes on the first of June.\n", encoding="utf-8")
    (corpus / "plain.txt").write_text("The plain note mentions the lighthouse keeper.\n", encoding="utf-8")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "nested.md").write_text("The nested note mentions the harbour master.\n", encoding="utf-8")
    (corpus / "nested.html").write_text(_nested_html(NESTED_SPANS), encoding="utf-8")
    with (corpus / "huge.txt").open("wb") as handle:
        handle.truncate(8 << 30)  # sparse: 8 GB long, no disk used
    _write_metadata(corpus / "metadata.json", _bad_metadata())
    index = root / "index"
    done = subprocess.run(qa_command("index", "--corpus", str(corpus), "--index", str(index)),
                          env=child_env(), capture_output=True, text=True, errors="backslashreplace", timeout=900)
    return {"root": root, "corpus": corpus, "index": index, "done": done}


def _skip_line(out: str, name: str) -> str:
    lines = [line for line in out.splitlines() if line.strip().startswith("skipped") and name in line]
    assert lines, f"the summary does not name {name}:\n{out}"
    return lines[0]


@pytest.mark.model
@pytest.mark.slow
def test_qa_index_skips_links_odd_names_and_huge_files_and_names_each(boundary) -> None:
    done = boundary["done"]
    out, err = done.stdout, done.stderr
    print(f"\n[boundary] qa index exit {done.returncode}; stdout:\n{out}\nstderr (tail):\n{err[-3000:]}")
    assert "Traceback" not in err and "Traceback" not in out
    assert done.returncode == 3, (out, err)  # indexed, with skipped files
    for name in ("passwd.txt", "linked", "alias.txt"):
        assert "symbolic link" in _skip_line(out, name)
        assert any(name in line and "symbolic link" in line for line in err.splitlines() if "WARNING" in line), err
    assert "not valid UTF-8" in _skip_line(out, "report\\xe9.txt")
    assert "limit" in _skip_line(out, "huge.txt")
    assert ".trash" not in out and "old.md" not in out
    for leaked in (SECRET, PRIVATE, HIDDEN, ODD_NAME):
        assert leaked not in out and leaked not in err
    for good in (DOC_000, DOC_002, "notes.md", "plain.txt", "sub/nested.md", "nested.html"):
        assert f"skipped {good}" not in out
    assert "indexed 6 documents" in out


@pytest.mark.model
@pytest.mark.slow
def test_second_qa_index_is_up_to_date_and_names_the_same_skips(boundary) -> None:
    again = subprocess.run(qa_command("index", "--corpus", str(boundary["corpus"]), "--index", str(boundary["index"])),
                           env=child_env(), capture_output=True, text=True, errors="backslashreplace", timeout=600)
    assert "Traceback" not in again.stderr, again.stderr[-3000:]
    assert again.returncode == 3 and "is up to date" in again.stdout, again.stdout
    first = sorted(line for line in boundary["done"].stdout.splitlines() if line.strip().startswith("skipped"))
    assert sorted(line for line in again.stdout.splitlines() if line.strip().startswith("skipped")) == first


@pytest.mark.model
def test_an_existing_index_keeps_answering_after_links_and_odd_names_appear(index_clone) -> None:
    import qa

    corpus = index_clone.corpus
    with open(os.fsencode(corpus) + b"/" + NON_UTF8, "wb") as handle:
        handle.write(b"Odd name.")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / ".trash").mkdir()
    (corpus / ".trash" / "old.md").write_text("Old.", encoding="utf-8")
    passages = qa.retrieve("How many points does the peace plan have?", index=index_clone.index)
    assert passages and all(p.doc_id in (DOC_000, DOC_002) for p in passages)


@pytest.mark.model
@pytest.mark.slow
def test_bad_metadata_fields_are_dropped_with_a_warning_naming_file_and_field(boundary) -> None:
    out, err = boundary["done"].stdout, boundary["done"].stderr
    warnings = [line for line in err.splitlines() if "WARNING" in line and "metadata.json" in line]
    for field in ("title", "date", "publisher", "extra", "kind"):
        assert any('"notes.md"' in line and f'"{field}"' in line for line in warnings), (field, warnings)
    assert any('"plain.txt"' in line for line in warnings), warnings
    assert any('"nested.md"' in line and "no file" in line for line in warnings), warnings
    assert "metadata.json" in out  # the summary repeats the warnings


@pytest.mark.model
@pytest.mark.slow
def test_index_holds_only_corpus_files_and_metadata_keys_are_paths(boundary) -> None:
    from qa.retrieval.retriever import Retriever

    retriever = Retriever(boundary["index"])
    docs = retriever.documents
    assert sorted(docs) == sorted([DOC_000, DOC_002, "nested.html", "notes.md", "plain.txt", "sub/nested.md"])
    text = " ".join(r.text for r in docs.values())
    for leaked in (SECRET, PRIVATE, HIDDEN, ODD_NAME, "root:x:0:0"):
        assert leaked not in text
    spans = docs["nested.html"].text.split()
    assert spans[0] == "w0" and spans[-1] == f"w{NESTED_SPANS - 1}" and len(spans) == NESTED_SPANS
    notes = docs["notes.md"].meta
    assert notes["author"] == "Ann Author" and notes["title"] == "Notes"  # the bad title was dropped
    assert notes["date"] is None and notes["publisher"] is None and notes["kind"] is None
    assert docs["sub/nested.md"].meta["title"] == "The nested note"
    assert docs[DOC_002].meta["author"] == "Riccardo Alcaro"  # the shipped corpus's metadata still applies
    manifest = retriever.manifest
    assert "huge.txt" not in manifest.corpus.seen  # refused by its size, never hashed


@pytest.mark.model
@pytest.mark.slow
def test_qa_ask_and_answer_with_the_hostile_corpus_leak_nothing(boundary) -> None:
    env = child_env(QA_INDEX=str(boundary["index"]), QA_CORPUS=str(boundary["corpus"]))
    done = subprocess.run(qa_command("ask", "What is the vault code?", "--json"), env=env, capture_output=True,
                          text=True, errors="backslashreplace", timeout=600)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    answer = json.loads(done.stdout)
    blob = json.dumps(answer)
    for leaked in (SECRET, PRIVATE, HIDDEN, ODD_NAME, "4711"):
        assert leaked not in blob

    import qa

    result = qa.answer("When does the harbour open?", index=boundary["index"])
    blob = json.dumps(result.to_dict())
    for leaked in (SECRET, PRIVATE, HIDDEN, ODD_NAME):
        assert leaked not in blob


# ---- a file nobody may read, as a normal user ------------------------------------------------------

def _as_nobody() -> list[str]:
    if os.geteuid() != 0:
        return []  # already a normal user: chmod 000 is enough
    if shutil.which("setpriv"):
        return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    pytest.skip("needs setpriv or runuser to drop root")


@pytest.mark.model
@pytest.mark.slow
def test_unreadable_file_is_skipped_by_qa_index_and_qa_ask_as_a_normal_user() -> None:
    from qa.settings import cache_dir

    prefix = _as_nobody()
    root = Path(tempfile.mkdtemp(prefix="qa-unreadable-"))
    try:
        root.chmod(0o777)
        corpus = copy_corpus(root / "corpus")
        (corpus / "locked.txt").write_text("LOCKEDTEXT nobody may read this.\n", encoding="utf-8")
        (corpus / "locked.txt").chmod(0)
        cache = root / "cache"
        if (cache_dir() / "onnx").is_dir():
            shutil.copytree(cache_dir() / "onnx", cache / "onnx")  # the model export, readable by the user
        for path in [root, *root.rglob("*")]:
            if path != corpus / "locked.txt":
                path.chmod(0o777 if path.is_dir() else 0o644)
        env = child_env(QA_CACHE_DIR=str(cache), HOME=str(root), QA_INDEX=str(root / "index"), QA_CORPUS=str(corpus))
        index = subprocess.run(prefix + qa_command("index"), env=env, cwd=root, capture_output=True, text=True,
                               timeout=900)
        print(f"\n[unreadable] qa index exit {index.returncode}:\n{index.stdout}\n{index.stderr[-2000:]}")
        assert "Traceback" not in index.stderr, index.stderr[-3000:]
        assert index.returncode == 3
        line = _skip_line(index.stdout, "locked.txt")
        assert "Permission denied" in line
        assert any("locked.txt" in l for l in index.stderr.splitlines() if "WARNING" in l)
        ask = subprocess.run(prefix + qa_command("ask", "Who may read this?", "--json"), env=env, cwd=root,
                             capture_output=True, text=True, timeout=600)
        assert ask.returncode == 0 and "Traceback" not in ask.stderr, ask.stderr[-3000:]
        assert "LOCKEDTEXT" not in ask.stdout
    finally:
        shutil.rmtree(root, ignore_errors=True)


# ---- a small crafted PDF that would keep the indexer busy for minutes ---------------------------


@pytest.mark.model
@pytest.mark.slow
def test_a_pdf_over_the_time_budget_is_skipped_and_the_rest_indexed(tmp_path: Path, monkeypatch) -> None:
    import qa.index.build as build

    corpus = copy_corpus(tmp_path / "corpus")
    slow_pdf(corpus / "crafted.pdf", 400_000)  # ~8 KB; pypdf alone takes over a minute on it
    monkeypatch.setattr(build, "MAX_LOAD_SECONDS", 3)  # the real budget is 120 s: too long for a test
    report = build.build_index(corpus, tmp_path / "index")
    assert report.documents == 2
    assert [(s.path, s.reason.split(" to read")[0]) for s in report.skipped] == [
        ("crafted.pdf", f"{corpus / 'crafted.pdf'} took more than 3 s")
    ]

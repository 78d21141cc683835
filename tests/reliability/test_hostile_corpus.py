"""Item 3 — a hostile corpus: bad files are skipped with a warning naming them and the reason, good
files are indexed, the summary lists both, `qa index` exits 3; and the memory of indexing a large
text file.

Memory: the indexer embeds every passage (identical passages too), ~20-40 passages/s with
MiniLM on this shared 2-core CPU, so the embedding of a 50 MB text file (~100k passages) would take
one to several hours: far beyond CI. The memory tests therefore run the real `qa index` with the
model's forward pass replaced by a cheap deterministic vector (tests/reliability/qa_child.py
--fake-encoder; tokenizer, cleaning, chunking, BM25, term vectors and writing are the real
code) on files of 4 and 12 MB, measure each child's peak RSS with getrusage(RUSAGE_CHILDREN),
and check that memory grows linearly with the file size at a bounded cost per MB. The 50 MB
figures measured by hand are in the report (see the summary printed by the last test).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_corpus
from reliability_helpers import child_env, corpus_words, instrumented_command, qa_command, run_measured, write_big_text

SCRIPT_ONLY_HTML = """<!DOCTYPE html><html><head><title>Only scripts</title>
<style>body { background: url(javascript:alert(1)) } .x { color: red }</style>
<script>window.__evil = 1; alert("SCRIPT_ONLY_TEXT");</script></head>
<body><script src="https://tracker.invalid/x.js"></script><style>p{}</style>
<noscript>NOSCRIPT_ONLY</noscript><template><p>TEMPLATE_ONLY</p></template></body></html>
"""

SCRIPTY_HTML = """<!DOCTYPE html><html><head><title>Harbour news</title>
<style>p { color: red } /* STYLE_TEXT */</style><script>var SCRIPT_TEXT = "</p>not closed";</script></head>
<body>""" + "<script>document.write('INLINE_SCRIPT_TEXT');</script><style>.a{}</style>" * 200 + """
<p>The harbour bridge will reopen to traffic in June after the repairs are finished.</p>
<iframe srcdoc="<p>IFRAME_TEXT</p>"></iframe><svg><text>SVG_TEXT</text></svg>
<p onclick="alert('ATTR_TEXT')">Ferries run every twenty minutes until the bridge reopens.</p>
</body></html>
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-corpus")
    corpus = copy_corpus(root / "corpus")
    shutil.copy(FIXTURES / "notes.md", corpus / "notes.md")
    (corpus / "news").mkdir()
    (corpus / "news" / "harbour.html").write_text(SCRIPTY_HTML, encoding="utf-8")
    bad = {
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        "empty.txt": b"",
        "latin1.txt": "Le café de la paix, déjà vu à Genève.".encode("latin-1"),
        "scripts-only.html": SCRIPT_ONLY_HTML.encode("utf-8"),
        "broken.pdf": (FIXTURES / "corrupt.pdf").read_bytes(),
        "truncated.pdf": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
        "image.png.txt": bytes(range(256)) * 4,
        "slides.pptx": b"PK\x03\x04 not supported",
    }
    for name, data in bad.items():
        (corpus / name).write_bytes(data)
    index = root / "index"
    t0 = time.perf_counter()
    done = subprocess.run(qa_command("index", "--corpus", str(corpus), "--index", str(index)),
                          env=child_env(), capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - t0
    return {"corpus": corpus, "index": index, "done": done, "bad": sorted(bad), "seconds": seconds}


REASONS = {
    "binary.txt": "looks binary",
    "image.png.txt": "looks binary",
    "empty.txt": "is empty",
    "latin1.txt": "not valid UTF-8",
    "scripts-only.html": "contains no text",
    "broken.pdf": "not a readable PDF",
    "truncated.pdf": "not a readable PDF",
    "slides.pptx": "unsupported file type",
}


@pytest.mark.model
def test_bad_files_are_skipped_and_named_good_files_indexed_exit_3(hostile) -> None:
    done = hostile["done"]
    out, err = done.stdout, done.stderr
    print(f"\n[hostile] qa index exit code {done.returncode} in {hostile['seconds']:.1f} s; summary:\n{out}")
    assert done.returncode == 3, (out, err)
    assert "Traceback" not in err
    assert "indexed 4 documents" in out  # 2 real + notes.md + news/harbour.html, nothing bad
    for name, reason in REASONS.items():
        lines = [line for line in out.splitlines() if line.strip().startswith("skipped") and name in line]
        assert lines, f"the summary does not name {name}:\n{out}"
        assert reason in lines[0], (name, lines[0])
        if not name.endswith(".pptx"):  # unsupported types are listed, not warned about
            assert any(name in line and reason in line for line in err.splitlines() if "WARNING" in line), (name, err)
    for good in ("000_910b2c4331b85f60.txt", "002_38d006520ce7e0ba.txt", "notes.md", "news/harbour.html"):
        assert good in out
        assert f"skipped {good}" not in out


@pytest.mark.model
def test_indexed_hostile_corpus_holds_only_the_good_text(hostile) -> None:
    from qa.retrieval.retriever import Retriever

    retriever = Retriever(hostile["index"])
    assert sorted(retriever.documents) == sorted(
        ["000_910b2c4331b85f60.txt", "002_38d006520ce7e0ba.txt", "notes.md", "news/harbour.html"]
    )
    texts = " ".join(r.text for r in retriever.documents.values())
    for marker in ("SCRIPT_TEXT", "INLINE_SCRIPT_TEXT", "STYLE_TEXT", "IFRAME_TEXT", "SVG_TEXT", "ATTR_TEXT",
                   "SCRIPT_ONLY_TEXT", "NOSCRIPT_ONLY", "TEMPLATE_ONLY", "alert(", "document.write", "café"):
        assert marker not in texts, marker
    hit = retriever.retrieve("When will the harbour bridge reopen?", k=1)[0]
    assert hit.doc_id == "news/harbour.html" and "June" in hit.text
    manifest = retriever.manifest
    assert manifest.counts.skipped == len(REASONS)
    assert {Path(s.path).name for s in manifest.skipped} == set(REASONS)


# ---- memory ------------------------------------------------------------------------------------

SIZES_MB = (4, 12)
# Generous: the indexer keeps every passage, its embedding input, sentence spans, BM25 and JSON
# blobs in memory at once, ~60-80x the text size at its peak here (see the report). The bound is
# set so that a regression to, e.g., quadratic memory or a second full copy per passage fails.
MAX_RSS_PER_TEXT_MB = 120
BASELINE_ALLOWANCE_MB = 1000


@pytest.fixture(scope="module")
def memory_runs(tmp_path_factory) -> list[dict]:
    words = corpus_words()
    runs = []
    for mb in SIZES_MB:
        root = tmp_path_factory.mktemp(f"big-{mb}mb")
        corpus = root / "corpus"
        corpus.mkdir()
        size = write_big_text(corpus / "big.txt", mb, words, seed=mb)
        cmd = instrumented_command("index", "--corpus", str(corpus), "--index", str(root / "index"), "--json",
                                   fake_encoder=True)
        result = run_measured(cmd, env=child_env(), timeout=600)
        assert result["code"] == 0, result["stderr"][-3000:]
        report = json.loads(result["stdout"])
        runs.append({"mb": mb, "bytes": size, "seconds": result["seconds"], "peak_rss_mb": result["maxrss_kib"] / 1024,
                     "passages": report["passages"]})
        shutil.rmtree(root / "index")
    return runs


@pytest.mark.model
@pytest.mark.slow
def test_memory_of_indexing_large_text_files_stays_linear_and_bounded(memory_runs) -> None:
    for run in memory_runs:
        print(f"\n[memory] {run['bytes'] / 2**20:.1f} MB text file -> {run['passages']} passages; `qa index` "
              f"(fake encoder) peak RSS {run['peak_rss_mb']:.0f} MB in {run['seconds']:.0f} s "
              f"= {run['peak_rss_mb'] / (run['bytes'] / 2**20):.0f} x the file size")
    small, large = memory_runs[0], memory_runs[-1]
    per_mb = (large["peak_rss_mb"] - small["peak_rss_mb"]) / ((large["bytes"] - small["bytes"]) / 2**20)
    baseline = small["peak_rss_mb"] - per_mb * small["bytes"] / 2**20
    seconds_per_mb = (large["seconds"] - small["seconds"]) / ((large["bytes"] - small["bytes"]) / 2**20)
    passages_per_mb = large["passages"] / (large["bytes"] / 2**20)
    print(f"[memory] marginal cost {per_mb:.0f} MB RSS per MB of text over a {baseline:.0f} MB baseline; "
          f"extrapolated to a 50 MB file: ~{baseline + 50 * per_mb:.0f} MB peak RSS, "
          f"~{50 * passages_per_mb:.0f} passages, ~{50 * seconds_per_mb / 60:.0f} min without the model's forward pass")
    for run in memory_runs:
        assert run["peak_rss_mb"] <= BASELINE_ALLOWANCE_MB + MAX_RSS_PER_TEXT_MB * run["bytes"] / 2**20, run
    assert per_mb <= MAX_RSS_PER_TEXT_MB

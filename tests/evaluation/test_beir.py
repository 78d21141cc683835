"""Tests for `qa eval beir`: reading BEIR folders, the derived corpus, scoring, and a tiny run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from qa.app.cli import main
from qa.errors import InputError
from qa.evaluation.beir import (
    SYSTEMS,
    corpus_files,
    default_split,
    doc_file_name,
    evaluate_runs,
    load_beir,
    read_qrels,
)
from qa.settings import ChunkSettings, RetrievalSettings

TINY = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "beir_tiny"


# --- no model ----------------------------------------------------------------------------------


def test_fixture_qrels_have_crlf_and_a_header():
    raw = (TINY / "qrels" / "train.tsv").read_bytes()
    assert raw.startswith(b"query-id\tcorpus-id\tscore\r\n")


def test_read_qrels_header_crlf_and_scores(tmp_path):
    qrels = read_qrels(TINY / "qrels" / "train.tsv")
    # Score 0 rows are not relevant; q5 has only a 0 row and is left out; graded 2 reads as 1.
    assert qrels == {"q1": {"d1": 1}, "q2": {"d2": 1}, "q3": {"PMID:5/x": 1}, "q4": {"d6": 1}}
    trec = tmp_path / "trec.tsv"
    trec.write_text("\ufeffq1 0 d1 1\nq1 0 d2 0\n", encoding="utf-8")
    assert read_qrels(trec) == {"q1": {"d1": 1}}


def test_read_qrels_bad_row_names_the_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\tlots\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv:3: the score 'lots'"):
        read_qrels(bad)
    bad.write_text("q1\td1\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv:1:"):
        read_qrels(bad)


def test_load_beir_and_splits(tmp_path):
    assert default_split(TINY) == "train"  # no test qrels in the fixture
    data = load_beir(TINY)
    assert data.split == "train" and data.name == "beir_tiny"
    assert len(data.corpus) == 6 and len(data.queries) == 5 and len(data.qrels) == 4
    assert data.corpus["d1"][0] == "Axolotl limb regeneration"
    with pytest.raises(InputError, match="splits here: train"):
        load_beir(TINY, "test")
    with pytest.raises(InputError, match="corpus.jsonl is missing"):
        load_beir(tmp_path)


def test_load_beir_bad_corpus_line(tmp_path):
    folder = tmp_path / "b"
    shutil.copytree(TINY, folder)
    with (folder / "corpus.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"title": "no id", "text": "x"}\n')
    with pytest.raises(InputError, match=r"corpus\.jsonl:7: missing '_id'"):
        load_beir(folder)


def test_doc_file_names_are_safe_and_distinct():
    assert doc_file_name("4983") == "4983.txt"
    odd = [doc_file_name(i) for i in ("PMID:5/x", "PMID_5_x", "PMID 5 x", "../etc", ".hidden", "")]
    assert len(set(odd)) == len(odd)
    for name in odd:
        assert "/" not in name and not name.startswith(".") and name.endswith(".txt")


def test_corpus_layouts():
    data = load_beir(TINY)
    files, meta, ids = corpus_files(data, "metadata")
    name = doc_file_name("d1")
    assert files[name].startswith("Axolotls regrow")
    assert meta[name]["title"] == "Axolotl limb regeneration"
    assert ids[name] == "d1" and ids[doc_file_name("PMID:5/x")] == "PMID:5/x"
    files, meta, _ = corpus_files(data, "paragraph")
    # The title is its own first paragraph, with a full stop so the cleaner keeps it as text.
    assert files[name].startswith("Axolotl limb regeneration.\n\nAxolotls regrow")
    assert "title" not in meta[name]
    files, meta, _ = corpus_files(data, "both")
    assert files[name].startswith("Axolotl limb regeneration.\n\n") and meta[name]["title"]
    with pytest.raises(InputError):
        corpus_files(data, "nowhere")


@pytest.mark.slow
def test_evaluate_runs():
    qrels = {"q1": {"a": 1}, "q2": {"b": 1, "c": 1}}
    runs = {
        "perfect": {"q1": {"a": 2.0, "x": 1.0}, "q2": {"b": 2.0, "c": 1.0}},
        "empty": {"q1": {}, "q2": {}},
    }
    mean, per_query = evaluate_runs(qrels, runs)
    assert mean["perfect"]["ndcg@10"] == pytest.approx(1.0)
    assert mean["perfect"]["recall@100"] == pytest.approx(1.0)
    assert mean["empty"]["ndcg@10"] == 0.0
    assert per_query["perfect"]["q2"]["mrr@10"] == pytest.approx(1.0)


# --- with the model ----------------------------------------------------------------------------


@pytest.mark.model
def test_beir_run_end_to_end_and_reuse(tmp_path, capsys):
    index = tmp_path / "index"
    out = tmp_path / "out"
    args = ["eval", "beir", str(TINY), "--index", str(index), "--out", str(out)]
    assert main(args + ["--split", "train"]) == 0
    stdout = capsys.readouterr().out
    assert "ndcg@10" in stdout and "hybrid" in stdout
    assert (out / "report.json").is_file() and (out / "report.md").is_file()
    assert (tmp_path / "index.corpus" / "metadata.json").is_file()

    document = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert set(document["metrics"]) == set(SYSTEMS)
    meta = document["meta"]
    assert meta["split"] == "train" and meta["queries"] == 4 and meta["documents"] == 6
    assert meta["index_reused"] is False and meta["counts"]["documents"] == 6
    # Every query shares rare words with its one relevant document: it must come first.
    for system in ("bm25", "hybrid"):
        assert document["metrics"][system]["ndcg@10"] == pytest.approx(1.0), system
    assert document["metrics"]["dense"]["ndcg@10"] >= 0.9
    # The id with ':' and '/' maps back from its file name.
    assert document["per_query"]["hybrid"]["q3"]["mrr@10"] == pytest.approx(1.0)
    # The settings in force: chunking (from the index) and retrieval; BEIR mode does not answer.
    settings = meta["settings"]
    assert ChunkSettings.from_dict(settings["index"]["chunking"]) == ChunkSettings()
    assert RetrievalSettings.from_dict(settings["retrieval"]) == RetrievalSettings()
    assert settings["answering"] is None
    md = (out / "report.md").read_text(encoding="utf-8")
    assert f"| retrieval | fusion | {RetrievalSettings().fusion} |" in md
    assert f"| index | chunking.max_tokens | {ChunkSettings().max_tokens} |" in md
    assert "| answering | not used by this run | |" in md

    # Second run: the index is reused, --json prints the summary.
    assert main(args + ["--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["meta"]["index_reused"] is True and printed["meta"]["embedded"] == 0
    assert printed["metrics"]["hybrid"]["ndcg@10"] == pytest.approx(1.0)
    assert "per_query" not in printed

    # --query-precision fp32: the same run with float32 question vectors, recorded as such.
    assert main(args + ["--json", "--query-precision", "fp32"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["meta"]["settings"]["retrieval"]["query_precision"] == "fp32"
    assert printed["metrics"]["hybrid"]["ndcg@10"] == pytest.approx(1.0)

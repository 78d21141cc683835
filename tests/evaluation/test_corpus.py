"""Tests for benchmark corpora: writing a dataset as a corpus folder and guarding its index folder."""

from __future__ import annotations

import json

import pytest

from qa.errors import InputError
from qa.evaluation.corpus import CORPUS_MARKER, dataset_dirs, sync_and_build_index, sync_corpus


def test_sync_corpus_writes_keeps_and_removes(tmp_path):
    corpus = tmp_path / "corpus"
    counts = sync_corpus(corpus, {"a.txt": "A\n", "sub/b.txt": "B\n"}, {"a.txt": {"title": "A"}})
    assert counts == {"written": 2, "unchanged": 0, "removed": 0}
    assert (corpus / CORPUS_MARKER).exists()
    assert json.loads((corpus / "metadata.json").read_text()) == {"a.txt": {"title": "A"}}
    stamp = (corpus / "a.txt").stat().st_mtime_ns
    counts = sync_corpus(corpus, {"a.txt": "A\n", "c.txt": "C\n"}, {})
    assert counts == {"written": 1, "unchanged": 1, "removed": 1}
    assert (corpus / "a.txt").stat().st_mtime_ns == stamp
    assert not (corpus / "sub").exists()
    assert sorted(p.name for p in corpus.iterdir()) == sorted([CORPUS_MARKER, "a.txt", "c.txt", "metadata.json"])


def test_sync_corpus_refuses_a_folder_it_did_not_write(tmp_path):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "precious.txt").write_text("keep me")
    with pytest.raises(InputError, match="did not write"):
        sync_corpus(corpus, {"a.txt": "A"}, {})
    assert (corpus / "precious.txt").read_text() == "keep me"


def test_dataset_dirs(tmp_path, monkeypatch):
    corpus, index = dataset_dirs("beir", tmp_path / "scifact", tmp_path / "idx")
    assert (corpus, index) == (tmp_path / "idx.corpus", tmp_path / "idx")
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))
    corpus, index = dataset_dirs("beir", tmp_path / "scifact", None, variant="metadata")
    assert index.parent == corpus.parent
    assert corpus.parent.name == "metadata"
    assert corpus.parent.parent.name.startswith("scifact-")
    assert str(corpus).startswith(str(tmp_path / "cache" / "eval" / "beir"))


def test_sync_and_build_index_refuses_an_index_of_another_corpus(tmp_path):
    index = tmp_path / "index"
    index.mkdir()
    manifest = {
        "format": "qa-index", "format_version": 1, "files": {}, "model": {}, "counts": {},
        "chunking": {}, "corpus": {"dir": str(tmp_path / "real-corpus")},
    }
    (index / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(InputError, match="not from the benchmark corpus"):
        sync_and_build_index(tmp_path / "bench-corpus", index, {"a.txt": "A"}, {})
    assert json.loads((index / "manifest.json").read_text()) == manifest
    assert not (tmp_path / "bench-corpus").exists()  # refused before anything is written


def test_sync_and_build_index_refuses_a_folder_of_other_files(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "thesis.docx").write_text("years of work")
    with pytest.raises(InputError, match="no qa index"):
        sync_and_build_index(tmp_path / "bench-corpus", folder, {"a.txt": "A"}, {})
    assert (folder / "thesis.docx").read_text() == "years of work"

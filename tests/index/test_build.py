"""Incremental indexing: only what changed is embedded; stale indexes and other models are refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from conftest import DOC_000, DOC_002, FIXTURES, BuiltIndex
from qa.settings import DEFAULT_MODEL, ChunkSettings
from qa.errors import DocumentError, IndexStaleError, ModelError, ModelMismatchError, QAError
from qa.index import build, store
from qa.index.build import build_index, embedding_input
from qa.retrieval.retriever import Retriever
from qa.ingest.sentences import split_sentences

pytestmark = pytest.mark.model


def passages(index: Path) -> list[dict]:
    """The passages file's rows as stored (with each passage's `embed_sha`)."""
    text = store.IndexFiles(index, store.read_manifest(index)).path("passages").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def edit_metadata(corpus: Path, doc_id: str, **changes) -> None:
    path = corpus / "metadata.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data[doc_id].update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


# ---- nothing changed ---------------------------------------------------------------------------


def test_second_build_with_nothing_changed_is_up_to_date(built_index: BuiltIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing is loaded, embedded or written: the model is not even opened."""
    from qa.embed import encoder as embed

    calls: list[str] = []
    load_encoder, encode = embed.load_encoder, embed.Encoder.encode

    def counted_load(*args, **kwargs):
        calls.append("load_encoder")
        return load_encoder(*args, **kwargs)

    def counted_encode(self, *args, **kwargs):
        calls.append("encode")
        return encode(self, *args, **kwargs)

    monkeypatch.setattr(embed, "load_encoder", counted_load)
    monkeypatch.setattr(embed.Encoder, "encode", counted_encode)
    files = {p.name: p.stat().st_mtime_ns for p in built_index.index.rglob("*") if p.name != ".lock"}
    before = (built_index.index / "manifest.json").read_bytes()
    report = build_index(built_index.corpus, built_index.index)
    assert calls == []
    assert report.up_to_date is True
    assert report.embedded == 0 and report.reused == 0
    assert report.added == report.changed == report.removed == []
    assert report.unchanged == [DOC_000, DOC_002]
    assert report.documents == 2 and report.passages == built_index.report.passages
    assert (built_index.index / "manifest.json").read_bytes() == before
    assert {p.name: p.stat().st_mtime_ns for p in built_index.index.rglob("*") if p.name != ".lock"} == files


def test_other_chunk_settings_rebuild_reusing_nothing_stale(index_clone: BuiltIndex) -> None:
    """Changing the chunk size is not 'up to date'; unchanged passages keep their vectors."""
    index, corpus = index_clone.index, index_clone.corpus
    (corpus / DOC_002).unlink()  # keep the re-embedding small
    report = build_index(corpus, index, chunking=ChunkSettings(max_tokens=64))
    assert report.up_to_date is False
    assert report.removed == [DOC_002] and report.unchanged == [DOC_000]
    assert store.read_manifest(index).chunking.max_tokens == 64
    assert all(p["tokens"] <= 64 or len(split_sentences(p["text"])) == 1 for p in passages(index))
    assert sum(1 for p in passages(index) if p["tokens"] > 64) <= 3
    assert report.embedded + report.reused == report.passages and report.embedded > 0


def test_recorded_retrieval_and_answer_settings_do_not_make_an_index_stale(index_clone: BuiltIndex) -> None:
    """The manifest records the retrieval and answer defaults, but only the build settings are compared."""
    index, corpus = index_clone.index, index_clone.corpus
    data = index_clone.manifest
    data["settings"]["retrieval"]["dense_weight"] = 0.1
    data["settings"]["answering"]["abstain_below"] = 0.9
    (index / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    report = build_index(corpus, index)
    assert report.up_to_date is True
    assert store.read_manifest(index).settings.retrieval["dense_weight"] == 0.1


def test_another_pipeline_version_rebuilds_reusing_every_vector(index_clone: BuiltIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    (corpus / DOC_002).unlink()
    build_index(corpus, index)
    monkeypatch.setattr(build, "PIPELINE_VERSION", build.PIPELINE_VERSION + 1)
    report = build_index(corpus, index)
    assert report.up_to_date is False and report.unchanged == [DOC_000]
    assert report.embedded == 0 and report.reused == report.passages
    assert store.read_manifest(index).settings.build.pipeline == build.PIPELINE_VERSION


# ---- adding, changing, removing ----------------------------------------------------------------


def test_adding_a_document_embeds_only_its_passages(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    old = passages(index)
    shutil.copy(FIXTURES / "two_pages.pdf", corpus / "two_pages.pdf")
    report = build_index(corpus, index)
    new = passages(index)
    pdf = [p for p in new if p["doc_id"] == "two_pages.pdf"]
    assert report.up_to_date is False
    assert report.added == ["two_pages.pdf"]
    assert report.unchanged == [DOC_000, DOC_002] and report.changed == report.removed == []
    assert report.embedded == len(pdf) >= 1
    assert report.reused == len(old) == report.passages - len(pdf)
    assert report.documents == 3
    assert [p["id"] for p in new if p["doc_id"] != "two_pages.pdf"] == [p["id"] for p in old]
    assert pdf[0]["page"] == 1 and pdf[-1]["page_end"] == 2

    hits = Retriever(index).retrieve("Sberbank and VTB named in the draft text", k=5)
    from_pdf = [h for h in hits if h.doc_id == "two_pages.pdf"]
    assert from_pdf and from_pdf[0].page == 1 and from_pdf[0].title == "Ceasefire Report PDF"
    assert "p. 1" in from_pdf[0].citation()


def test_changing_a_document_reembeds_only_changed_passages(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    old = passages(index)
    path = corpus / DOC_000
    text = path.read_text(encoding="utf-8")
    assert text.count("Poland has already announced") == 1
    path.write_text(text.replace("Poland has already announced", "Poland has announced"), encoding="utf-8")

    report = build_index(corpus, index)
    new = passages(index)
    old_inputs = {p["embed_sha"] for p in old}
    fresh = [p for p in new if p["embed_sha"] not in old_inputs]
    assert report.changed == [DOC_000] and report.unchanged == [DOC_002]
    assert report.added == report.removed == []
    assert report.embedded == len(fresh)
    assert 1 <= report.embedded <= 5
    assert all(p["doc_id"] == DOC_000 for p in fresh)
    assert any("Poland has announced" in p["text"] for p in fresh)
    assert report.reused == report.passages - report.embedded
    # The other document's passages are untouched, ids included.
    assert [p["id"] for p in new if p["doc_id"] == DOC_002] == [p["id"] for p in old if p["doc_id"] == DOC_002]
    assert Retriever(index).retrieve("Poland coal imports", k=3)[0].text.count("Poland has announced") == 1


def test_removing_a_document_drops_its_passages(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    old = passages(index)
    (corpus / DOC_000).unlink()
    report = build_index(corpus, index)
    assert report.removed == [DOC_000] and report.unchanged == [DOC_002]
    assert report.embedded == 0
    assert report.passages == report.reused == sum(1 for p in old if p["doc_id"] == DOC_002)
    assert {p["doc_id"] for p in passages(index)} == {DOC_002}
    hits = Retriever(index).retrieve("Budapest memorandum 1994", k=10)
    assert hits and all(h.doc_id == DOC_002 for h in hits)


def test_metadata_edit_marks_the_document_changed(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    edit_metadata(corpus, DOC_000, date="2022-04-02", publisher="The Opinion Desk")
    report = build_index(corpus, index)
    assert report.up_to_date is False
    assert report.changed == [DOC_000] and report.unchanged == [DOC_002]
    assert report.embedded == 0  # date and publisher are not part of what is embedded
    hit = next(h for h in Retriever(index).retrieve("Budapest memorandum 1994", k=5) if h.doc_id == DOC_000)
    assert hit.date == "2022-04-02" and hit.publisher == "The Opinion Desk"


def test_title_edit_reembeds_the_documents_passages(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    (corpus / DOC_002).unlink()  # keep the re-embedding small
    build_index(corpus, index)
    count_000 = len(passages(index))
    edit_metadata(corpus, DOC_000, title="Pressure and diplomacy in Istanbul")
    report = build_index(corpus, index)
    assert report.changed == [DOC_000]
    assert report.embedded == count_000 == report.passages and report.reused == 0
    hit = Retriever(index).retrieve("Budapest memorandum", k=1)[0]
    assert hit.title == "Pressure and diplomacy in Istanbul"


def test_embedding_input_has_title_and_section_and_no_markup() -> None:
    from qa.ingest.chunk import Chunk

    chunk = Chunk("id", "d", 0, 10, "A *Blitzkrieg* failed.¹", "body", 1, 1, None, None, "The war", None, 5)
    assert embedding_input(chunk, "Title") == "Title — The war\nA  Blitzkrieg  failed. "
    assert embedding_input(chunk, None).startswith("The war\n")


# ---- files that cannot be indexed --------------------------------------------------------------


def test_bad_files_are_skipped_and_reported(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "latin1.txt").write_bytes("café".encode("latin-1"))
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    shutil.copy(FIXTURES / "corrupt.pdf", corpus / "corrupt.pdf")
    report = build_index(corpus, index)
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert set(reasons) == {"binary.txt", "latin1.txt", "notes.docx", "corrupt.pdf"}
    assert "binary" in reasons["binary.txt"] and "binary.txt" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "unsupported file type" in reasons["notes.docx"]
    assert "not a readable PDF" in reasons["corrupt.pdf"]
    assert report.documents == 2 and report.embedded == 0
    manifest = store.read_manifest(index)
    assert manifest.counts.skipped == 4 and len(manifest.skipped) == 4
    assert {Path(s.path).name: s.sha256 is None for s in manifest.skipped}["notes.docx"]


def test_build_after_skipped_files_is_up_to_date_and_still_reports_them(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    (corpus / "binary.txt").write_bytes(b"\x00\x01binary")
    first = build_index(corpus, index)
    assert [Path(s.path).name for s in first.skipped] == ["binary.txt"]
    again = build_index(corpus, index)
    assert again.up_to_date is True
    assert [Path(s.path).name for s in again.skipped] == ["binary.txt"]
    assert "binary" in again.skipped[0].reason


def test_document_error_is_a_corpus_and_qa_error() -> None:
    assert issubclass(DocumentError, QAError)


# ---- stale indexes ----------------------------------------------------------------------------


def test_changed_document_makes_the_index_stale(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    with (corpus / DOC_002).open("a", encoding="utf-8") as handle:
        handle.write("\nA new closing paragraph.\n")
    with pytest.raises(IndexStaleError) as info:
        Retriever(index, strict=True)
    message = str(info.value)
    assert f"changed: {DOC_002}" in message
    assert f"qa index --index {index} --corpus {corpus.resolve()}" in message
    assert DOC_000 not in message
    # The refusal can be waived, and an update makes it fresh again.
    assert len(Retriever(index, check_stale=False)) > 0
    report = build_index(corpus, index)
    assert report.changed == [DOC_002]
    assert len(Retriever(index, strict=True)) == report.passages


def test_metadata_edit_makes_the_index_stale(index_clone: BuiltIndex) -> None:
    edit_metadata(index_clone.corpus, DOC_000, title="Another title")
    with pytest.raises(IndexStaleError, match=f"changed: {DOC_000}"):
        Retriever(index_clone.index, strict=True)


def test_added_and_removed_documents_make_the_index_stale(index_clone: BuiltIndex) -> None:
    corpus = index_clone.corpus
    shutil.copy(FIXTURES / "notes.md", corpus / "notes.md")
    (corpus / DOC_000).unlink()
    with pytest.raises(IndexStaleError) as info:
        Retriever(index_clone.index, strict=True)
    assert "added: notes.md" in str(info.value) and f"removed: {DOC_000}" in str(info.value)


def test_stale_index_through_qa_retrieve_answers_with_a_warning(index_clone: BuiltIndex, caplog) -> None:
    import logging

    import qa

    (index_clone.corpus / DOC_000).unlink()
    with caplog.at_level(logging.WARNING, logger="qa"):
        passages = qa.retrieve("What is the 10-point plan?", index=index_clone.index)
    assert passages and DOC_000 in {p.doc_id for p in passages}  # answered from the index as built
    warned = [r.getMessage() for r in caplog.records if "stale" in r.getMessage()]
    assert len(warned) == 1 and f"1 file removed" in warned[0] and "qa index --index" in warned[0], warned


def test_index_without_its_corpus_folder_is_not_stale(index_clone: BuiltIndex) -> None:
    shutil.rmtree(index_clone.corpus)
    assert len(Retriever(index_clone.index).retrieve("Sberbank", k=3)) == 3


# ---- other models ------------------------------------------------------------------------------


@pytest.fixture
def other_model(tmp_path: Path) -> Path:
    """A second 'model': the default model's files, with one config value changed."""
    from qa.embed.encoder import resolve_model_path

    source = resolve_model_path(DEFAULT_MODEL)
    target = tmp_path / "other-model"
    target.mkdir()
    for item in source.iterdir():
        if item.name != "config.json":
            (target / item.name).symlink_to(item)
    config = json.loads((source / "config.json").read_text(encoding="utf-8"))
    config["layer_norm_eps"] = 1e-6
    (target / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return target


def test_other_model_than_the_index_is_model_mismatch(built_index: BuiltIndex, other_model: Path) -> None:
    with pytest.raises(ModelMismatchError) as info:
        Retriever(built_index.index, model=str(other_model))
    message = str(info.value)
    assert DEFAULT_MODEL in message and str(other_model) in message
    assert "--rebuild" in message and "qa index" in message


def test_same_model_by_path_is_accepted(built_index: BuiltIndex) -> None:
    from qa.embed.encoder import resolve_model_path

    retriever = Retriever(built_index.index, model=str(resolve_model_path(DEFAULT_MODEL)))
    assert retriever.model_name == DEFAULT_MODEL


@pytest.mark.parametrize("kind", ["empty-folder", "unknown-name"])
def test_unusable_model_is_a_model_error(built_index: BuiltIndex, tmp_path: Path, kind: str) -> None:
    model = str(tmp_path) if kind == "empty-folder" else "nobody/no-such-model-xyz"
    with pytest.raises(ModelError) as info:
        Retriever(built_index.index, model=model)
    assert model in str(info.value)


def test_build_with_an_unusable_model_is_a_model_error(built_index: BuiltIndex, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no weights"):
        build_index(built_index.corpus, tmp_path / "index", model=str(tmp_path))
    assert not (tmp_path / "index" / "manifest.json").exists()


# ---- dense index types and reloading -------------------------------------------------------------


def test_hnsw_index_reuses_every_vector_and_answers(index_clone) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    report = build_index(corpus, index, dense_kind="hnsw")
    assert report.up_to_date is False  # another dense type is another build ...
    assert report.embedded == 0 and report.reused == report.passages  # ... but nothing is re-embedded
    manifest = store.read_manifest(index)
    assert manifest.dense.kind == "hnsw" and manifest.settings.build.dense_kind == "hnsw"
    hits = Retriever(index).retrieve("Which is Russia's largest bank?", k=5)
    assert any("Sberbank" in h.text for h in hits)
    assert build_index(corpus, index, dense_kind="hnsw").up_to_date is True


def test_unknown_dense_kind_is_an_input_error(index_clone) -> None:
    from qa.errors import InputError

    (index_clone.corpus / DOC_000).unlink()
    with pytest.raises(InputError, match="flat, hnsw"):
        build_index(index_clone.corpus, index_clone.index, dense_kind="ivf")


def test_qa_retrieve_picks_up_a_rebuilt_index(index_clone) -> None:
    import qa

    index, corpus = index_clone.index, index_clone.corpus
    question = "Budapest memorandum 1994"
    assert any(h.doc_id == DOC_000 for h in qa.retrieve(question, k=5, index=index))
    (corpus / DOC_000).unlink()
    build_index(corpus, index)
    hits = qa.retrieve(question, k=5, index=index)
    assert hits and all(h.doc_id == DOC_002 for h in hits)


# ---- embedding cache ---------------------------------------------------------------------------


def test_rebuild_takes_its_vectors_from_the_embedding_cache(index_clone: BuiltIndex, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """--rebuild ignores the previous index, but text already encoded comes from the cache beside it."""
    from qa.embed import encoder as embed
    from qa.embed.cache import cache_folder
    from qa.index import dense

    index = tmp_path / "fresh-index"
    build_index(index_clone.corpus, index)
    assert (cache_folder(index) / embed.load_encoder(DEFAULT_MODEL).vector_key / "cache.json").is_file()
    before = dense.vectors_of(store.IndexFiles(index, store.read_manifest(index)).dense())

    encoded: list[str] = []
    encode = embed.Encoder.encode

    def counted(self, texts, *args, **kwargs):
        encoded.extend(texts)
        return encode(self, texts, *args, **kwargs)

    monkeypatch.setattr(embed.Encoder, "encode", counted)
    build_index(index_clone.corpus, index, rebuild=True)
    assert encoded == []
    after = dense.vectors_of(store.IndexFiles(index, store.read_manifest(index)).dense())
    assert np.array_equal(before, after)


def test_an_update_embeds_as_the_index_was_embedded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new default precision does not re-embed an index; $QA_PRECISION does."""
    from qa.embed import bf16
    from qa.index import store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Sberbank is Russia's largest bank.\n")
    index = tmp_path / "index"
    monkeypatch.setenv("QA_PRECISION", "fp32")
    build_index(corpus, index)
    monkeypatch.delenv("QA_PRECISION")
    monkeypatch.setattr(bf16, "amx_bf16_available", lambda: True)  # the default would now be bf16
    (corpus / "b.txt").write_text("VTB is Russia's second largest bank.\n")
    report = build_index(corpus, index)
    assert store.read_manifest(index).model.vectors == "fp32"
    assert (report.reused, report.embedded) == (1, 1)
    monkeypatch.setenv("QA_PRECISION", "bf16")
    (corpus / "c.txt").write_text("Gazprombank is the third largest.\n")
    report = build_index(corpus, index)
    assert store.read_manifest(index).model.vectors == "bf16" and (report.reused, report.embedded) == (0, 3)

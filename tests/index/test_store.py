"""The index folder: manifest contents, atomic commits, and clear errors for every broken state."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import DOC_000, DOC_002, FIXTURES, BuiltIndex
from qa.index import store
from qa.settings import DEFAULT_MODEL, AnswerSettings, ChunkSettings, RetrievalSettings
from qa.ingest.discover import discover, file_sha256
from qa.errors import (
    IndexCorruptError,
    IndexFolderError,
    IndexMissingError,
    IndexStaleError,
    IndexWriteError,
    QAError,
)
from qa.index.build import PIPELINE_VERSION, build_index
from qa.retrieval.retriever import Retriever

pytestmark = pytest.mark.model

QUESTION = "Which bank is Russia's largest?"


def index_files(index: Path) -> set[str]:
    """Every file in an index folder, relative, with bm25 folder contents as 'bm25-x/name'."""
    found = set()
    for path in index.rglob("*"):
        if path.is_file():
            found.add(path.relative_to(index).as_posix())
    return found


def role_path(index: Path, role: str) -> Path:
    return store.IndexFiles(index, store.read_manifest(index)).path(role)


def answer_ids(index: Path, **kwargs) -> list[str]:
    return [p.id for p in Retriever(index, **kwargs).retrieve(QUESTION, k=5)]


def assert_names_fix(message: str, index: Path) -> None:
    assert "qa index" in message and "--rebuild" in message, message
    assert str(index) in message, message


# ---- what a build writes -----------------------------------------------------------------------


def test_manifest_records_format_versions_model_settings_hashes_and_counts(built_index: BuiltIndex) -> None:
    m = built_index.manifest
    assert m["format"] == "qa-index" and m["format_version"] == store.FORMAT_VERSION == 6
    assert m["qa_version"] == "0.1.0"
    for package in ("faiss-cpu", "bm25s", "numpy", "onnxruntime", "tokenizers"):
        assert m["versions"][package] == version(package)
    assert m["versions"]["python"].startswith("3.11")

    from qa.embed.encoder import fingerprint, resolve_model_path

    assert m["model"]["name"] == DEFAULT_MODEL
    assert m["model"]["dimension"] == 384
    assert m["model"]["max_seq_length"] == 256
    assert m["model"]["fingerprint"] == fingerprint(resolve_model_path(DEFAULT_MODEL))
    assert m["model"]["backend"] in ("onnx", "onnx-int8", "onnx-int8-fused", "torch", "torch-bf16")

    assert m["chunking"] == ChunkSettings().to_dict() == {"max_tokens": 128, "overlap_sentences": 1, "min_fill": 0.6}
    assert m["settings"]["build"] == {"chunking": m["chunking"], "dense_kind": "auto", "pipeline": PIPELINE_VERSION}
    # For the record only: the retrieval and answer defaults in force at build time.
    assert RetrievalSettings.from_dict(m["settings"]["retrieval"]) == RetrievalSettings()
    assert AnswerSettings.from_dict(m["settings"]["answering"]) == AnswerSettings()
    assert m["dense"] == {"kind": "flat", "metric": "inner_product", "normalized": True}
    assert m["bm25"]["library"] == "bm25s"

    listing = {f.doc_id: f for f in discover(built_index.corpus).files}
    assert m["corpus"]["dir"] == str(built_index.corpus.resolve())
    assert set(m["corpus"]["documents"]) == {DOC_000, DOC_002}
    for doc_id, entry in m["corpus"]["documents"].items():
        assert entry["sha256"] == file_sha256(built_index.corpus / doc_id) == listing[doc_id].sha256
        assert entry["meta_sha256"] == listing[doc_id].meta_sha256
        assert entry["passages"] > 10
    assert m["corpus"]["seen"] == {d: {"sha256": f.sha256, "meta_sha256": f.meta_sha256} for d, f in listing.items()}

    counts = m["counts"]
    passages = (built_index.index / m["roles"]["passages"]).read_text(encoding="utf-8").splitlines()
    assert counts["documents"] == 2
    assert counts["passages"] == len(passages) == sum(e["passages"] for e in m["corpus"]["documents"].values())
    assert counts["skipped"] == 0 and m["skipped"] == []
    assert counts["over_window"] == 0
    assert counts["embedded"] == counts["passages"] and counts["reused"] == 0


def test_manifest_file_entries_match_the_files(built_index: BuiltIndex) -> None:
    m = built_index.manifest
    index = built_index.index
    for name, entry in m["files"].items():
        assert (index / name).stat().st_size == entry["bytes"]
        assert store.sha256_file(index / name) == entry["sha256"]
    roles = m["roles"]
    assert set(roles) == set(store.ROLES) == {"passages", "documents", "dense", "bm25", "terms", "term_vectors", "cards"}
    assert all(name in m["files"] or any(f.startswith(name + "/") for f in m["files"]) for name in roles.values())
    generation = m["generation"]
    assert all(generation in name for name in roles.values())
    assert sorted(name for name in m["files"] if name.startswith(roles["bm25"] + "/")) == sorted(
        f"{roles['bm25']}/{name}" for name in store.BM25_FILES.values()
    )
    # Nothing else lies around: the manifest, the lock, and the files it names.
    assert index_files(index) == set(m["files"]) | {"manifest.json", ".lock"}


def test_passages_file_holds_chunks_with_offsets_into_the_documents_file(built_index: BuiltIndex) -> None:
    index = built_index.index
    passages = [json.loads(line) for line in role_path(index, "passages").read_text(encoding="utf-8").splitlines()]
    documents = {
        d["meta"]["doc_id"]: d for d in map(json.loads, role_path(index, "documents").read_text(encoding="utf-8").splitlines())
    }
    assert set(documents) == {DOC_000, DOC_002}
    assert documents[DOC_000]["meta"]["date"] == "2022-04-01"
    assert len({p["id"] for p in passages}) == len(passages)
    for p in passages:
        assert documents[p["doc_id"]]["text"][p["start"] : p["end"]] == p["text"]
        assert len(p["embed_sha"]) == 24
        assert p["kind"] in ("title", "body", "footnote", "boilerplate")


def test_first_build_report(built_index: BuiltIndex) -> None:
    report = built_index.report
    assert report.up_to_date is False
    assert report.added == [DOC_000, DOC_002]
    assert report.changed == report.removed == report.unchanged == report.skipped == []
    assert report.documents == 2
    assert report.passages == built_index.manifest["counts"]["passages"]
    assert report.embedded == report.passages and report.reused == 0
    assert report.over_window == 0
    assert report.model == DEFAULT_MODEL
    assert json.loads(json.dumps(report.to_dict()))["passages"] == report.passages


# ---- atomicity ---------------------------------------------------------------------------------


class SimulatedCrash(Exception):
    pass


def crash_before_manifest(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(index_dir, manifest):
        raise SimulatedCrash("killed after writing the new files, before replacing the manifest")

    monkeypatch.setattr(store, "commit_manifest", crash)
    # A killed process cleans up nothing: its new files stay behind (a failed build removes them).
    monkeypatch.setattr(store.IndexWriter, "discard", lambda self: None)


def test_crash_before_manifest_commit_keeps_previous_index(index_clone: BuiltIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    before_ids = answer_ids(index)
    before_manifest = (index / "manifest.json").read_bytes()
    before_files = index_files(index)

    shutil.copy(FIXTURES / "notes.md", corpus / "notes.md")
    crash_before_manifest(monkeypatch)
    with pytest.raises(SimulatedCrash):
        build_index(corpus, index)
    monkeypatch.undo()

    # The new generation's files were written, the manifest was not touched.
    assert (index / "manifest.json").read_bytes() == before_manifest
    orphans = index_files(index) - before_files - {".lock"}
    assert any(name.startswith("passages-") for name in orphans)
    assert any(name.startswith("dense-") for name in orphans)
    # The previous index still loads (checksums included) and answers the same.
    assert answer_ids(index, check_stale=False) == before_ids
    # ... and knows it is behind the corpus.
    with pytest.raises(IndexStaleError, match="notes.md"):
        Retriever(index, strict=True)

    # The next build commits and removes the orphans.
    report = build_index(corpus, index)
    assert report.added == ["notes.md"] and report.embedded == report.passages - report.reused > 0
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    assert index_files(index) == set(manifest["files"]) | {"manifest.json", ".lock"}
    assert not (orphans & index_files(index))
    assert len(Retriever(index)) == report.passages


def test_orphans_of_a_crashed_build_are_removed_even_when_nothing_changed(
    index_clone: BuiltIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    before_files = index_files(index)
    shutil.copy(FIXTURES / "notes.md", corpus / "notes.md")
    crash_before_manifest(monkeypatch)
    with pytest.raises(SimulatedCrash):
        build_index(corpus, index)
    monkeypatch.undo()
    (corpus / "notes.md").unlink()  # the user gives up on the new file and runs `qa index` again
    report = build_index(corpus, index)
    assert report.up_to_date
    assert index_files(index) - {".lock"} == before_files - {".lock"}


def test_stale_temporary_manifest_and_old_generations_are_removed_on_commit(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    (index / ".manifest.json.dead.tmp").write_text("{", encoding="utf-8")
    (index / "passages-19990101T000000-abcdef.jsonl").write_text("", encoding="utf-8")
    (index / "bm25-19990101T000000-abcdef").mkdir()
    (index / "bm25-19990101T000000-abcdef" / "vocab.index.json").write_text("{}", encoding="utf-8")
    (corpus / DOC_000).unlink()
    report = build_index(corpus, index)
    assert report.removed == [DOC_000] and report.embedded == 0
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    assert index_files(index) == set(manifest["files"]) | {"manifest.json", ".lock"}
    assert sorted(p.name for p in index.iterdir() if p.is_dir()) == [manifest["roles"]["bm25"]]


def test_commit_manifest_replaces_atomically(index_clone: BuiltIndex) -> None:
    index = index_clone.index
    (index / "old.jsonl").write_text("y", encoding="utf-8")
    manifest = store.Manifest.from_dict(index_clone.manifest | {"created": "then"})
    (index / "manifest.json").unlink()
    store.commit_manifest(index, manifest)
    assert store.read_manifest(index) == manifest
    assert sorted(p.name for p in index.iterdir()) == sorted({"manifest.json"} | {n.split("/")[0] for n in manifest.files})


def test_commit_refuses_a_manifest_that_loading_would_refuse(index_clone: BuiltIndex) -> None:
    index = index_clone.index
    before = (index / "manifest.json").read_bytes()
    manifest = store.read_manifest(index)
    broken = dataclasses.replace(manifest, files={k: v for k, v in manifest.files.items() if k != manifest.roles.terms})
    with pytest.raises(IndexCorruptError, match="'terms-"):
        store.commit_manifest(index, broken)
    assert (index / "manifest.json").read_bytes() == before


# ---- corrupt, truncated, missing files ---------------------------------------------------------


@pytest.mark.parametrize("role", store.ROLES)
def test_truncated_file_is_index_corrupt_naming_file_and_fix(index_clone: BuiltIndex, role: str) -> None:
    index = index_clone.index
    target = role_path(index, role)
    if target.is_dir():
        target = target / "vocab.index.json"
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexCorruptError) as info:
        Retriever(index)
    message = str(info.value)
    assert target.name in message and "truncated" in message
    assert_names_fix(message, index)


@pytest.mark.parametrize("role", ["passages", "dense"])
def test_same_size_corruption_is_caught_by_the_checksum(index_clone: BuiltIndex, role: str) -> None:
    index = index_clone.index
    target = role_path(index, role)
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError) as info:
        Retriever(index)
    assert target.name in str(info.value) and "checksum" in str(info.value)
    assert_names_fix(str(info.value), index)


@pytest.mark.parametrize("role", store.ROLES)
def test_missing_file_is_index_corrupt(index_clone: BuiltIndex, role: str) -> None:
    index = index_clone.index
    target = role_path(index, role)
    if target.is_dir():
        shutil.rmtree(target)
    else:
        target.unlink()
    with pytest.raises(IndexCorruptError) as info:
        Retriever(index)
    assert target.name in str(info.value) and "missing" in str(info.value)
    assert_names_fix(str(info.value), index)


def test_missing_manifest_with_files_present_is_index_corrupt(index_clone: BuiltIndex) -> None:
    index = index_clone.index
    (index / "manifest.json").unlink()
    with pytest.raises(IndexCorruptError) as info:
        Retriever(index)
    assert "manifest.json" in str(info.value) and "missing" in str(info.value)
    assert_names_fix(str(info.value), index)


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'{"format": "something-else"}', b"null"],
    ids=["empty", "not-json", "binary", "list", "other-format", "null"],
)
def test_garbage_manifest_is_index_corrupt(index_clone: BuiltIndex, content: bytes) -> None:
    index = index_clone.index
    (index / "manifest.json").write_bytes(content)
    with pytest.raises(IndexCorruptError) as info:
        Retriever(index)
    assert "manifest.json" in str(info.value)
    assert_names_fix(str(info.value), index)


def test_truncated_manifest_is_index_corrupt(index_clone: BuiltIndex) -> None:
    index = index_clone.index
    data = (index / "manifest.json").read_bytes()
    (index / "manifest.json").write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexCorruptError, match="unreadable or truncated") as info:
        Retriever(index)
    assert_names_fix(str(info.value), index)


@pytest.mark.parametrize(
    "section",
    ["files", "model", "counts", "corpus", "chunking", "roles", "settings", "dense", "bm25", "expansion", "versions", "skipped"],
)
def test_manifest_missing_a_section_is_index_corrupt(index_clone: BuiltIndex, section: str) -> None:
    index = index_clone.index
    manifest = index_clone.manifest
    del manifest[section]
    (index / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexCorruptError, match=repr(section)):
        Retriever(index)


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda m: m.update(files=[]), id="files-is-a-list"),
        pytest.param(lambda m: m.update(files={k: {} for k in m["files"]}), id="file-entry-empty"),
        pytest.param(lambda m: m.update(model={}), id="model-empty"),
        pytest.param(lambda m: m.update(corpus={}), id="corpus-empty"),
        pytest.param(lambda m: m.pop("roles"), id="roles-missing"),
    ],
)
def test_manifest_with_malformed_section_is_index_corrupt(index_clone: BuiltIndex, edit) -> None:
    index = index_clone.index
    manifest = index_clone.manifest
    edit(manifest)
    (index / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexCorruptError) as info:
        Retriever(index)
    assert "manifest.json" in str(info.value)
    assert_names_fix(str(info.value), index)


def test_other_format_version_is_index_stale(index_clone: BuiltIndex) -> None:
    index = index_clone.index
    manifest = index_clone.manifest
    manifest["format_version"] = 99
    (index / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexStaleError, match="format version 99") as info:
        Retriever(index)
    assert_names_fix(str(info.value), index)


def test_index_of_the_previous_format_is_stale_not_silently_degraded(index_clone: BuiltIndex) -> None:
    """Format 1 had optional roles (no terms file: expansion silently off); it is now refused with the fix."""
    index = index_clone.index
    manifest = index_clone.manifest
    manifest["format_version"] = 1
    del manifest["roles"]["terms"]
    (index / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexStaleError, match=f"format version 1, this qa reads version {store.FORMAT_VERSION}") as info:
        Retriever(index)
    assert_names_fix(str(info.value), index)


# ---- the Manifest type ---------------------------------------------------------------------------


def test_manifest_round_trip(built_index: BuiltIndex) -> None:
    data = built_index.manifest
    manifest = store.Manifest.from_dict(data)
    assert manifest.to_dict() == data
    assert store.Manifest.from_dict(manifest.to_dict()) == manifest
    assert store.read_manifest(built_index.index) == manifest
    assert manifest.chunking == ChunkSettings() == manifest.settings.build.chunking
    assert manifest.settings.build == store.BuildSettings(ChunkSettings(), "auto", PIPELINE_VERSION)
    assert manifest.model.name == DEFAULT_MODEL and manifest.model.dimension == 384
    assert manifest.counts.passages == built_index.report.passages
    assert manifest.dense == store.DenseRecord("flat", "inner_product", True)
    assert manifest.roles == store.Roles.for_generation(manifest.generation)
    assert set(manifest.files) == set(manifest.roles.files())
    assert manifest.corpus.seen == store.corpus_state(discover(built_index.corpus).files)
    assert manifest.corpus.documents[DOC_000].passages > 10
    with pytest.raises(dataclasses.FrozenInstanceError):
        manifest.generation = "other"  # type: ignore[misc]


def _bad_file_entry(m: dict) -> None:
    first = next(iter(m["files"]))
    m["files"][first] = {"bytes": "12", "sha256": "x"}


def _role_outside_the_folder(m: dict) -> None:
    m["roles"]["cards"] = "../cards.json"


def _extra_file(m: dict) -> None:
    m["files"]["stray.bin"] = {"bytes": 1, "sha256": "0" * 64}


MALFORMED = [
    # (id, edit, what the message must name)
    ("files", _bad_file_entry, "lacks its size or checksum"),
    ("files-stray", _extra_file, "'stray.bin' in 'files' belongs to no role"),
    ("model", lambda m: m["model"].update(dimension="384"), "the model section has 'dimension'"),
    ("model-missing-key", lambda m: m["model"].pop("fingerprint"), "the model section lacks 'fingerprint'"),
    ("counts", lambda m: m["counts"].pop("passages"), "the counts section lacks 'passages'"),
    ("counts-bool", lambda m: m["counts"].update(documents=True), "the counts section has 'documents'"),
    ("corpus", lambda m: m["corpus"].pop("seen"), "the corpus section lacks 'seen'"),
    ("corpus-document", lambda m: m["corpus"]["documents"][DOC_000].pop("passages"), f"document {DOC_000!r} lacks 'passages'"),
    ("chunking", lambda m: m["chunking"].update(max_tokens=0), "the 'chunking' section is invalid"),
    ("chunking-differs", lambda m: m["chunking"].update(max_tokens=64), "'chunking' section differs"),
    ("settings", lambda m: m["settings"].pop("build"), "the settings section lacks 'build'"),
    ("settings-build", lambda m: m["settings"]["build"].update(dense_kind="ivf"), "dense_kind 'ivf'"),
    ("settings-record", lambda m: m["settings"].update(answering=[]), "the settings section's 'answering' is not an object"),
    ("dense", lambda m: m["dense"].update(normalized="yes"), "the dense section has 'normalized'"),
    ("bm25", lambda m: m["bm25"].update(k1="1.2"), "the bm25 section has 'k1'"),
    ("expansion", lambda m: m["expansion"].update(extra=1), "the expansion section has an unknown key 'extra'"),
    ("skipped", lambda m: m.update(skipped={}), "the 'skipped' section is missing or not a list"),
    ("skipped-entry", lambda m: m.update(skipped=[{"path": "a"}]), "skipped entry 0 lacks 'reason'"),
    ("roles", _role_outside_the_folder, "'cards' file '../cards.json' in 'roles' is not a plain name"),
    ("versions", lambda m: m["versions"].update(numpy=2), "the versions section"),
    ("generation", lambda m: m.update(generation=None), "'generation' is missing or not a string"),
]


@pytest.mark.parametrize("edit,named", [pytest.param(e, n, id=i) for i, e, n in MALFORMED])
def test_each_malformed_manifest_section_is_index_corrupt_naming_it(built_index: BuiltIndex, edit, named: str) -> None:
    data = built_index.manifest
    edit(data)
    with pytest.raises(IndexCorruptError) as info:
        store.Manifest.from_dict(data)
    message = str(info.value)
    assert message.startswith("the index manifest is malformed: ") and named in message, message
    assert "qa index" in message and "--rebuild" in message


@pytest.mark.parametrize("role", store.ROLES)
def test_manifest_without_a_required_role_names_it(index_clone: BuiltIndex, role: str) -> None:
    index = index_clone.index
    manifest = index_clone.manifest
    del manifest["roles"][role]
    (index / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexCorruptError) as info:
        Retriever(index)
    assert f"no {role!r} file is named in 'roles'" in str(info.value)
    assert "manifest.json" in str(info.value)
    assert_names_fix(str(info.value), index)


def test_future_format_version_is_index_stale(built_index: BuiltIndex) -> None:
    data = built_index.manifest | {"format_version": store.FORMAT_VERSION + 1}
    with pytest.raises(IndexStaleError, match=f"format version {store.FORMAT_VERSION + 1}, this qa reads version {store.FORMAT_VERSION}"):
        store.Manifest.from_dict(data)


def test_readers_return_what_the_build_wrote(built_index: BuiltIndex) -> None:
    files = store.IndexFiles.open(built_index.index)
    manifest = files.manifest
    passages = files.passages()
    assert len(passages) == manifest.counts.passages == len(files.embed_shas())
    assert [p.id for p in passages] == [p.id for p in Retriever(built_index.index).passages]
    documents = files.documents()
    assert set(documents) == {DOC_000, DOC_002} == set(manifest.corpus.documents)
    assert all(documents[p.doc_id].text[p.start : p.end] == p.text for p in passages)
    assert files.dense().ntotal == len(passages)
    assert files.bm25().num_docs == len(passages)
    terms, vectors = files.terms(), files.term_vectors()
    assert len(terms) == len(vectors) == manifest.expansion.terms > 100
    assert vectors.shape[1] == manifest.model.dimension and str(vectors.dtype) == "float16"
    doc_ids, cards = files.cards()
    assert sorted(doc_ids) == [DOC_000, DOC_002] and all(cards)
    assert sorted(p.name for p in files.path("bm25").iterdir()) == sorted(store.BM25_FILES.values())


def test_a_file_that_does_not_parse_is_index_corrupt_naming_it(index_clone: BuiltIndex) -> None:
    """A file damaged behind the checksums' back (checked only on load) still gives a clear error."""
    index = index_clone.index
    files = store.IndexFiles(index, store.read_manifest(index))
    files.path("terms").write_text('{"not": "a list"}', encoding="utf-8")
    with pytest.raises(IndexCorruptError, match="not a list of terms"):
        files.terms()
    files.path("passages").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(IndexCorruptError) as info:
        files.passages()
    assert files.path("passages").name in str(info.value)
    assert_names_fix(str(info.value), index)


def test_build_over_a_corrupt_index_rebuilds_it(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    dense = role_path(index, "dense")
    dense.write_bytes(dense.read_bytes()[:100])
    (corpus / DOC_002).unlink()  # keeps the re-embedding small
    report = build_index(corpus, index)
    assert report.up_to_date is False
    assert report.embedded == report.passages == index_clone.manifest["corpus"]["documents"][DOC_000]["passages"]
    assert report.reused == 0
    assert report.added == [DOC_000] and report.removed == []  # the old index was not used at all
    assert len(answer_ids(index)) == 5


# ---- missing index -----------------------------------------------------------------------------


def test_missing_index_folder_is_index_missing(no_corpus_cwd: Path) -> None:
    with pytest.raises(IndexMissingError) as info:
        Retriever(no_corpus_cwd / "nowhere")
    assert "qa index" in str(info.value) and "nowhere" in str(info.value)


def test_empty_index_folder_is_index_missing(no_corpus_cwd: Path) -> None:
    empty = no_corpus_cwd / "empty"
    empty.mkdir()
    (empty / ".lock").write_text("", encoding="utf-8")
    with pytest.raises(IndexMissingError):
        Retriever(empty)


def test_default_index_folder_missing_without_corpus(no_corpus_cwd: Path) -> None:
    import qa

    with pytest.raises(IndexMissingError, match="qa index"):
        qa.retrieve("What is the 15-point plan?")
    assert not (no_corpus_cwd / "index").exists()


def test_missing_index_is_built_from_the_corpus_folder_in_the_working_directory(no_corpus_cwd: Path) -> None:
    corpus = no_corpus_cwd / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "notes.md", corpus / "notes.md")
    retriever = Retriever(no_corpus_cwd / "index")
    assert (no_corpus_cwd / "index" / "manifest.json").is_file()
    hits = retriever.retrieve("When did the sixth round of talks take place?", k=2)
    assert hits and hits[0].doc_id == "notes.md"


def test_index_path_that_is_a_file_is_a_clear_error(no_corpus_cwd: Path) -> None:
    path = no_corpus_cwd / "index"
    path.write_text("not a folder", encoding="utf-8")
    with pytest.raises(IndexFolderError, match="index"):
        Retriever(path)


# ---- unwritable index folder -------------------------------------------------------------------


def test_index_folder_under_a_regular_file_is_index_write_error(built_index: BuiltIndex, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(IndexWriteError) as info:
        build_index(built_index.corpus, blocker / "index")
    assert "a-file" in str(info.value) and "--index" in str(info.value)


def test_index_path_that_is_a_file_is_index_write_error_for_build(built_index: BuiltIndex, tmp_path: Path) -> None:
    path = tmp_path / "index"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(IndexWriteError):
        build_index(built_index.corpus, path)


def test_read_only_index_folder_is_index_write_error(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    os.chmod(index, 0o555)
    try:
        if os.access(index, os.W_OK):
            pytest.skip("running as root: chmod does not stop writes (covered by the file-in-the-way test)")
        (corpus / DOC_000).unlink()
        with pytest.raises(IndexWriteError, match="read-only|cannot write"):
            build_index(corpus, index)
    finally:
        os.chmod(index, 0o755)


def test_build_lock_without_waiting_is_refused_while_held(index_clone: BuiltIndex) -> None:
    index, corpus = index_clone.index, index_clone.corpus
    (corpus / DOC_000).unlink()
    with store.build_lock(index):
        with pytest.raises(IndexWriteError, match="another `qa index`"):
            with store.build_lock(index, wait=False):
                pass
    report = build_index(corpus, index)
    assert report.removed == [DOC_000]


def test_write_failure_while_writing_files_is_index_write_error(index_clone: BuiltIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    index, corpus = index_clone.index, index_clone.corpus
    before = (index / "manifest.json").read_bytes()

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "write_bytes", full)
    (corpus / DOC_000).unlink()
    with pytest.raises(IndexWriteError, match="no space left"):
        build_index(corpus, index)
    assert (index / "manifest.json").read_bytes() == before


def test_errors_are_qa_errors() -> None:
    for cls in (IndexCorruptError, IndexMissingError, IndexStaleError, IndexWriteError):
        assert issubclass(cls, IndexFolderError) and issubclass(cls, QAError)
    with contextlib.suppress(IndexMissingError):
        store.read_manifest(Path("/nonexistent/qa-index"))

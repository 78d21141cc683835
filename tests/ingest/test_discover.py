"""Discovery: only regular files inside the corpus folder are read; links, hidden folders, odd
names, over-size, unreadable and vanishing files are refused with a reason, never a traceback;
metadata.json is checked field by field and keyed by paths relative to the corpus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import qa.ingest.discover as discover_module
from conftest import DOC_000, DOC_002, REAL_CORPUS
from qa.errors import CorpusError
from qa.ingest.discover import discover, read_metadata, set_metadata


def _doc_ids(corpus: Path) -> list[str]:
    return [f.doc_id for f in discover(corpus).files]


def _reasons(corpus: Path) -> dict[str, str]:
    return {r.path: r.reason for r in discover(corpus).rejected}


def test_symlinks_to_files_and_folders_are_rejected_wherever_they_point(tmp_path: Path) -> None:
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    (outside / "dir").mkdir(parents=True)
    (outside / "secret.txt").write_text("secret", encoding="utf-8")
    (outside / "dir" / "plan.md").write_text("plan", encoding="utf-8")
    (corpus / "a.txt").write_text("A.", encoding="utf-8")
    (corpus / "passwd.txt").symlink_to(outside / "secret.txt")
    (corpus / "linked").symlink_to(outside / "dir", target_is_directory=True)
    (corpus / "alias.txt").symlink_to(corpus / "a.txt")
    (corpus / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    assert _doc_ids(corpus) == ["a.txt"]
    reasons = _reasons(corpus)
    assert sorted(reasons) == ["alias.txt", "dangling.txt", "linked", "passwd.txt"]
    assert all("symbolic link" in r for r in reasons.values())


def test_files_in_hidden_folders_are_left_out(tmp_path: Path) -> None:
    (tmp_path / ".trash" / "deep").mkdir(parents=True)
    (tmp_path / ".trash" / "old.md").write_text("old", encoding="utf-8")
    (tmp_path / ".trash" / "deep" / "older.txt").write_text("older", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "sub" / "kept.txt").write_text("kept", encoding="utf-8")
    listing = discover(tmp_path)
    assert [f.doc_id for f in listing.files] == ["sub/kept.txt"]
    assert listing.rejected == [] and listing.unsupported == []


def test_a_file_name_that_is_not_utf8_is_rejected_with_a_printable_name(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Good.", encoding="utf-8")
    with open(os.fsencode(tmp_path) + b"/report\xe9.txt", "wb") as handle:
        handle.write(b"Odd.")
    os.mkdir(os.fsencode(tmp_path) + b"/dossier\xe9")
    with open(os.fsencode(tmp_path) + b"/dossier\xe9/inner.txt", "wb") as handle:
        handle.write(b"Inner.")
    with open(os.fsencode(tmp_path) + b"/slides\xe9.pptx", "wb") as handle:
        handle.write(b"PK")
    listing = discover(tmp_path)
    assert [f.doc_id for f in listing.files] == ["good.txt"] and listing.unsupported == []
    reasons = _reasons(tmp_path)
    assert sorted(reasons) == ["dossier\\xe9/inner.txt", "report\\xe9.txt", "slides\\xe9.pptx"]
    assert all("not valid UTF-8" in r for r in reasons.values())
    json.dumps([r.path for r in listing.rejected], ensure_ascii=False).encode("utf-8")  # storable and printable


def test_an_over_size_file_is_rejected_without_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "small.txt").write_text("Small.", encoding="utf-8")
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(8 << 30)  # sparse: 8 GB long, no disk used
    hashed: list[str] = []
    real = discover_module.file_sha256
    monkeypatch.setattr(discover_module, "file_sha256", lambda path: hashed.append(path.name) or real(path))
    listing = discover(tmp_path)
    assert [f.doc_id for f in listing.files] == ["small.txt"]
    assert hashed == ["small.txt"]
    assert "8192 MB, over the 200 MB limit" in _reasons(tmp_path)["huge.txt"]


def test_a_file_that_vanishes_before_it_is_hashed_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "gone.txt").write_text("Gone.", encoding="utf-8")
    real = discover_module.file_sha256

    def vanish_first(path: Path) -> str:
        if path.name == "gone.txt":
            path.unlink()
        return real(path)

    monkeypatch.setattr(discover_module, "file_sha256", vanish_first)
    listing = discover(tmp_path)
    assert [f.doc_id for f in listing.files] == ["a.txt"]
    assert "disappeared" in {r.path: r.reason for r in listing.rejected}["gone.txt"]


UNREADABLE_SCRIPT = """
import json, sys
from qa.ingest.discover import discover
listing = discover(sys.argv[1])
print(json.dumps({"files": [f.doc_id for f in listing.files], "rejected": {r.path: r.reason for r in listing.rejected}}))
"""


def test_unreadable_files_and_folders_are_rejected_as_a_normal_user() -> None:
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("needs setpriv to drop root")
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if os.geteuid() == 0 else []
    root = Path(tempfile.mkdtemp(prefix="qa-discover-"))
    try:
        root.chmod(0o755)
        (root / "a.txt").write_text("A.", encoding="utf-8")
        (root / "locked.txt").write_text("Locked.", encoding="utf-8")
        (root / "closed").mkdir()
        (root / "closed" / "inside.txt").write_text("Inside.", encoding="utf-8")
        (root / "a.txt").chmod(0o644)
        (root / "locked.txt").chmod(0)
        (root / "closed").chmod(0)
        src = str(Path(discover_module.__file__).resolve().parents[2])
        done = subprocess.run(prefix + [sys.executable, "-c", UNREADABLE_SCRIPT, str(root)], capture_output=True,
                              text=True, env={**os.environ, "PYTHONPATH": src}, timeout=120)
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        found = json.loads(done.stdout)
        assert found["files"] == ["a.txt"]
        assert "Permission denied" in found["rejected"]["locked.txt"]
        assert "Permission denied" in found["rejected"]["closed/"]
    finally:
        (root / "closed").chmod(0o755)
        shutil.rmtree(root, ignore_errors=True)


# ---- metadata.json -------------------------------------------------------------------------------


def test_wrong_metadata_types_are_dropped_field_by_field_with_warnings(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\nText.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("C.", encoding="utf-8")
    blob = json.dumps({
        "a.md": {"date": 20220322, "title": ["T"], "publisher": True, "extra": "x", "kind": "HUGE", "author": "Ann",
                 "pages": 12, "ratio": "NAN", "note": "\ud800"},
        "b.txt": "not an object",
        "c.txt": [1, 2],
    }).replace('"HUGE"', "9" * 5000).replace('"NAN"', "NaN")
    (tmp_path / "metadata.json").write_text(blob, encoding="utf-8")
    listing = discover(tmp_path)
    assert [f.doc_id for f in listing.files] == ["a.md", "b.txt", "c.txt"]
    meta = listing.files[0].meta
    assert (meta.author, meta.title, meta.date, meta.publisher, meta.kind) == ("Ann", None, None, None, None)
    assert meta.extra == {"pages": 12}
    warnings = "\n".join(listing.warnings)
    for name in ("date", "title", "publisher", "extra", "kind", "ratio", "note"):
        assert f'"a.md" field "{name}"' in warnings, (name, warnings)
    assert '"b.txt"' in warnings and '"c.txt"' in warnings
    assert "5000 digits" in warnings
    listing.files[0].meta_sha256  # the kept metadata serialises


def test_metadata_keys_are_paths_relative_to_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.md").write_text("A.", encoding="utf-8")
    (tmp_path / "sub" / "a.md").write_text("Sub A.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("Sub B.", encoding="utf-8")
    (tmp_path / "metadata.json").write_text(
        json.dumps({"a.md": {"title": "Top A"}, "b.md": {"title": "Bare B"}, "sub/b.md": {"title": "Sub B"}}),
        encoding="utf-8")
    listing = discover(tmp_path)
    titles = {f.doc_id: f.meta.title for f in listing.files}
    assert titles == {"a.md": "Top A", "sub/a.md": None, "sub/b.md": "Sub B"}
    assert len(listing.warnings) == 1 and '"b.md" names no file' in listing.warnings[0]


def test_shipped_corpus_metadata_applies_without_warnings() -> None:
    listing = discover(REAL_CORPUS)
    assert listing.warnings == [] and listing.rejected == []
    assert next(f for f in listing.files if f.doc_id == DOC_000).meta.date == "2022-04-01"
    assert read_metadata(REAL_CORPUS).warnings == []


def test_supplied_lists_fields_the_project_wrote_and_is_checked_like_the_others(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("Text.", encoding="utf-8")
    (tmp_path / "metadata.json").write_text(json.dumps({
        "a.txt": {"title": "Made up", "supplied": ["title", "kind"]},
        "b.txt": {"title": "B", "supplied": "title"},
        "c.txt": {"title": "C", "supplied": ["title", "colour"]},
    }), encoding="utf-8")
    listing = discover(tmp_path)
    metas = {f.doc_id: f.meta for f in listing.files}
    assert metas["a.txt"].supplied == ("title", "kind")
    assert metas["b.txt"].supplied == () and metas["c.txt"].supplied == ()
    assert metas["b.txt"].title == "B"  # only the bad field is dropped
    warnings = "\n".join(listing.warnings)
    assert '"b.txt" field "supplied" must be a list of field names' in warnings
    assert '"c.txt" field "supplied" names "colour"' in warnings


def test_the_shipped_corpus_marks_the_title_it_supplied() -> None:
    metas = {f.doc_id: f.meta for f in discover(REAL_CORPUS).files}
    assert "title" in metas[DOC_000].supplied  # the source has no title (corpus SOURCES.md)
    assert "title" not in metas[DOC_002].supplied and "author" not in metas[DOC_002].supplied


def test_set_metadata_replaces_one_entry_and_refuses_a_broken_sidecar(tmp_path: Path) -> None:
    (tmp_path / "metadata.json").write_text(json.dumps({"a.txt": {"title": "A", "x": [1]}}), encoding="utf-8")
    set_metadata(tmp_path, "b.txt", {"title": "B", "supplied": ["title"]})
    set_metadata(tmp_path, "a.txt", None)
    assert json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8")) == {
        "b.txt": {"title": "B", "supplied": ["title"]}}
    with pytest.raises(CorpusError, match="supplied"):
        set_metadata(tmp_path, "c.txt", {"supplied": ["colour"]})
    (tmp_path / "metadata.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(CorpusError, match="cannot be read"):
        set_metadata(tmp_path, "c.txt", {"title": "C"})
    assert (tmp_path / "metadata.json").read_text(encoding="utf-8") == "{broken"


def test_a_linked_metadata_sidecar_is_not_followed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "elsewhere.json").write_text(json.dumps({"a.txt": {"title": "From outside"}}), encoding="utf-8")
    (corpus / "metadata.json").symlink_to(tmp_path / "elsewhere.json")
    listing = discover(corpus)
    assert listing.files[0].meta.title is None
    assert len(listing.warnings) == 1 and "symbolic link" in listing.warnings[0]

"""The index folder on disk: plain files named by build generation, and a manifest written last.

A build writes its files under new names (`passages-<gen>.jsonl`, `dense-<gen>.faiss`, ...),
then replaces `manifest.json` atomically; only then are the previous generation's files
deleted. A build killed at any moment therefore leaves the previous manifest pointing at the
previous, intact files. Loading checks the manifest's format, each file's size and sha256.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import time
from pathlib import Path
from typing import Iterator

from qa.errors import IndexCorruptError, IndexMissingError, IndexStaleError, IndexWriteError

FORMAT = "qa-index"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
LOCK = ".lock"


def _fix(index_dir: Path) -> str:
    return f"rebuild it with `qa index --index {index_dir} --rebuild`"


def new_generation() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold the folder's build lock; a second concurrent build fails instead of interleaving."""
    import fcntl

    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        handle = open(index_dir / LOCK, "a+")
    except OSError as exc:
        raise IndexWriteError(f"cannot write to the index folder {index_dir}: {exc.strerror}. "
                              "Choose a writable folder with --index.") from exc
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise IndexWriteError(f"another `qa index` is building {index_dir}; wait for it to finish") from exc
        yield
    finally:
        handle.close()


def write_bytes(path: Path, data: bytes) -> None:
    """Write and fsync, so the manifest never points at data still in the page cache only."""
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sha256_file(path: Path) -> str:
    from qa.ingest.discover import file_sha256

    return file_sha256(path)


def describe_files(index_dir: Path, names: list[str]) -> dict[str, dict]:
    """{name: {bytes, sha256}} for files relative to index_dir, fsynced on the way."""
    out = {}
    for name in names:
        path = index_dir / name
        fsync_path(path)
        out[name] = {"bytes": path.stat().st_size, "sha256": sha256_file(path)}
    return out


def commit_manifest(index_dir: Path, manifest: dict) -> None:
    """Atomically make `manifest` the index's manifest, then delete files it no longer names."""
    tmp = index_dir / f".{MANIFEST}.{secrets.token_hex(4)}.tmp"
    try:
        write_bytes(tmp, json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8"))
        os.replace(tmp, index_dir / MANIFEST)
        fsync_path(index_dir)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise IndexWriteError(_write_message(index_dir, exc)) from exc
    remove_unreferenced(index_dir, manifest)


def remove_unreferenced(index_dir: Path, manifest: dict) -> None:
    """Delete files of earlier generations and of builds that were killed half way."""
    keep = {MANIFEST, LOCK} | {name.split("/")[0] for name in manifest["files"]}
    for path in index_dir.iterdir():
        if path.name in keep:
            continue
        with contextlib.suppress(OSError):
            if path.is_dir():
                for child in path.iterdir():
                    child.unlink()
                path.rmdir()
            else:
                path.unlink()


def _write_message(index_dir: Path, exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return f"the index folder {index_dir} is read-only ({exc.strerror}); make it writable or pass another --index"
    if exc.errno == errno.ENOSPC:
        return f"no space left for the index in {index_dir}; free some disk space and run `qa index` again"
    return f"cannot write the index in {index_dir}: {exc}"


def write_failed(index_dir: Path, exc: OSError) -> IndexWriteError:
    return IndexWriteError(_write_message(index_dir, exc))


def read_manifest(index_dir: Path) -> dict:
    """The manifest, checked for format and version; raises a clear error when it cannot be used."""
    index_dir = Path(index_dir)
    path = index_dir / MANIFEST
    if index_dir.exists() and not index_dir.is_dir():
        raise IndexMissingError(f"{index_dir} is a file, not an index folder; pass a folder with --index (or QA_INDEX)")
    if not path.is_file():
        if not index_dir.exists() or not any(p.name not in (LOCK,) for p in index_dir.iterdir()):
            raise IndexMissingError(
                f"no index in {index_dir}: build it with `qa index --index {index_dir}` (documents are read from corpus/)"
            )
        raise IndexCorruptError(f"{path} is missing, so the files in {index_dir} cannot be used; {_fix(index_dir)}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexCorruptError(f"{path} is unreadable or truncated ({exc}); {_fix(index_dir)}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise IndexCorruptError(f"{path} is not a qa index manifest; {_fix(index_dir)}")
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise IndexStaleError(
            f"the index in {index_dir} has format version {version}, this qa reads version {FORMAT_VERSION}; "
            f"{_fix(index_dir)}"
        )
    problem = _shape_problem(manifest)
    if problem:
        raise IndexCorruptError(f"{path} is malformed: {problem}; {_fix(index_dir)}")
    return manifest


_ROLES = ("passages", "documents", "dense", "bm25")


def _shape_problem(manifest: dict) -> str | None:
    """What is wrong with the manifest's structure, or None."""
    for key in ("files", "model", "counts", "corpus", "chunking", "roles"):
        if not isinstance(manifest.get(key), dict):
            return f"the {key!r} section is missing or not an object"
    for name, entry in manifest["files"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("bytes"), int) or not isinstance(entry.get("sha256"), str):
            return f"the entry of file {name!r} lacks its size or checksum"
    for key in ("name", "fingerprint", "dimension"):
        if key not in manifest["model"]:
            return f"the model section lacks {key!r}"
    for key in ("dir", "documents"):
        if key not in manifest["corpus"]:
            return f"the corpus section lacks {key!r}"
    for role in _ROLES:
        if not isinstance(manifest["roles"].get(role), str):
            return f"no {role!r} file is named in 'roles'"
    return None


def verify_files(index_dir: Path, manifest: dict, checksums: bool = True) -> None:
    """Check that every file the manifest names exists with its size (and sha256)."""
    for name, entry in manifest["files"].items():
        path = index_dir / name
        if not path.is_file():
            raise IndexCorruptError(f"index file {path} is missing; {_fix(index_dir)}")
        size = path.stat().st_size
        if size != entry["bytes"]:
            raise IndexCorruptError(
                f"index file {path} has {size} bytes, the manifest says {entry['bytes']} (truncated or replaced); "
                f"{_fix(index_dir)}"
            )
        if checksums and sha256_file(path) != entry["sha256"]:
            raise IndexCorruptError(f"index file {path} does not match its checksum (corrupt); {_fix(index_dir)}")


def file_of(manifest: dict, role: str) -> str:
    """The file name the manifest gives for a role ("passages", "documents", "dense", "bm25").

    read_manifest() has checked that every role is named.
    """
    return manifest["roles"][role]

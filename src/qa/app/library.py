"""Documents added and removed from the browser.

A document is saved into the corpus folder the index was built from, under the rules of
`qa index` (qa.ingest.discover: supported types, the size limit, no links, no hidden files),
with a safe file name of its own: never a path from the request, never over an existing file.
Then the index is updated incrementally in the background, one build at a time; the chat loads
the new generation on its next question (qa.retrieval.retriever.get_retriever), and this module
loads it before it says the document is searchable. Removing a document deletes its file and its
sidecar entry, and updates the index the same way.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import threading
import time
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

from qa.errors import IndexMissingError, InputError, QAError
from qa.ingest.discover import IGNORED_NAMES, METADATA_FILE, SUPPLIED, SUPPORTED_SUFFIXES, set_metadata
from qa.settings import MAX_DOCUMENT_BYTES

log = logging.getLogger(__name__)

# The metadata a document can be given when it is added (each one is marked "supplied").
UPLOAD_FIELDS = ("title", "author", "publisher", "date")
MAX_FIELD_CHARS = 300
MAX_NAME_CHARS = 120
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_UNSAFE = re.compile(r"[^\w.\- ]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Temporary files of uploads in progress: hidden, so discover() never sees them.
_PARTIAL = ".upload-"


@dataclass(frozen=True)
class IndexStatus:
    """What the background indexing is doing: "idle" (nothing asked since start), "waiting",
    "indexing", "ready" or "failed", with a sentence for the page and the time it has taken."""

    state: str
    message: str
    seconds: float = 0.0
    generation: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def safe_name(name: str) -> str:
    """The corpus file name for an uploaded file's name: its last path part, NFC, letters, digits,
    "_", "-", "." and spaces only (others become "_"), no leading dot, at most MAX_NAME_CHARS, and
    a supported suffix. Raises InputError when nothing usable is left."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = " ".join(_UNSAFE.sub("_", base).split()).lstrip(". ")
    stem, suffix = os.path.splitext(base)
    if suffix.lower() not in SUPPORTED_SUFFIXES:
        shown = suffix or "no suffix"
        raise InputError(f"{name!r:.80} is not a document qa reads ({shown}); add a {', '.join(SUPPORTED_SUFFIXES)} file")
    stem = stem.rstrip(". ")[: MAX_NAME_CHARS - len(suffix)]
    if not stem.strip("_"):
        raise InputError(f"the file name {name!r:.80} has no usable characters; rename the file")
    base = stem + suffix
    if base.lower() in {n.lower() for n in IGNORED_NAMES}:
        raise InputError(f"{base} is a name qa keeps for the corpus folder's own files; rename the file")
    return base


def upload_metadata(fields: dict[str, str | None]) -> dict | None:
    """The sidecar entry for metadata given with an upload, every given field listed as supplied;
    None when none was given. Raises InputError for a field that is too long or a malformed date."""
    entry: dict = {}
    for name in UPLOAD_FIELDS:
        value = " ".join(_CONTROL.sub(" ", fields.get(name) or "").split())
        if not value:
            continue
        if len(value) > MAX_FIELD_CHARS:
            raise InputError(f"the {name} is longer than {MAX_FIELD_CHARS} characters")
        if name == "date" and not _DATE.fullmatch(value):
            raise InputError(f"the date {value!r:.40} is not YYYY, YYYY-MM or YYYY-MM-DD")
        entry[name] = value
    if not entry:
        return None
    entry[SUPPLIED] = list(entry)
    return entry


class Library:
    """The documents of one index folder's corpus: add, remove, and the index's update status."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self._lock = threading.Lock()
        # Held while the corpus folder and its sidecar change: two uploads must not both rewrite it.
        self._corpus_lock = threading.Lock()
        self._pending: list[str] = []
        self._worker: threading.Thread | None = None
        self._status = IndexStatus("idle", "")
        self._started = 0.0

    def corpus_dir(self) -> Path:
        """The corpus folder the index was built from (its manifest says which)."""
        from qa.index.store import read_manifest

        try:
            folder = Path(read_manifest(self.index_dir).corpus.dir)
        except IndexMissingError as exc:
            raise InputError("there is no index yet (it may still be being built); add documents once it is ready") from exc
        if not folder.is_dir():
            raise InputError(f"the index's corpus folder {folder} is gone; documents cannot be added or removed")
        return folder

    def add(self, name: str, body: BinaryIO, fields: dict[str, str | None], limit: int = MAX_DOCUMENT_BYTES) -> str:
        """Save a file read from `body` (at most `limit` bytes) into the corpus as a new document,
        with its metadata, and start indexing it; returns its doc_id. Raises InputError (and saves
        nothing) when the name, type, size or metadata is refused or the name is taken."""
        filename = safe_name(name)
        entry = upload_metadata(fields)
        corpus = self.corpus_dir()
        target = corpus / filename
        if target.exists() or target.is_symlink():
            raise InputError(f"a document named {filename} is already in the corpus; remove it first or rename the file")
        partial = corpus / f"{_PARTIAL}{secrets.token_hex(8)}{Path(filename).suffix}"
        try:
            size = _copy(body, partial, limit)
            if size == 0:
                raise InputError(f"{filename} is empty")
            try:
                os.link(partial, target)  # fails if the name was taken meanwhile: never overwrites
            except FileExistsError as exc:
                raise InputError(f"a document named {filename} is already in the corpus; remove it first") from exc
        finally:
            partial.unlink(missing_ok=True)
        try:
            with self._corpus_lock:
                set_metadata(corpus, filename, entry)
        except (QAError, OSError):
            target.unlink(missing_ok=True)
            raise
        log.info("added %s (%d bytes) to %s", filename, size, corpus)
        self._schedule(f"added {filename}")
        return filename

    def remove(self, doc_id: str) -> None:
        """Delete a document of the corpus (by doc_id, as discover() names it) and its sidecar
        entry, and start updating the index. Raises InputError when there is no such document."""
        from qa.ingest.discover import discover

        corpus = self.corpus_dir()
        with self._corpus_lock:
            found = {f.doc_id: f.path for f in discover(corpus).files}
            path = found.get(doc_id)
            if path is None:
                raise InputError(f"there is no document {doc_id!r:.120} in the corpus")
            if path.is_symlink():  # discover() never lists links; checked again right before deleting
                raise InputError(f"{doc_id} is a symbolic link; it is not removed")
            path.unlink(missing_ok=True)
            set_metadata(corpus, doc_id, None)
        log.info("removed %s from %s", doc_id, corpus)
        self._schedule(f"removed {doc_id}")

    def status(self) -> IndexStatus:
        with self._lock:
            status = self._status
            if status.state in ("waiting", "indexing"):
                return IndexStatus(status.state, status.message, round(time.monotonic() - self._started, 1))
            return status

    def wait(self, timeout: float) -> IndexStatus:
        """The status once no build is waiting or running (or `timeout` seconds have passed)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end and self.status().state in ("waiting", "indexing"):
            time.sleep(0.1)
        return self.status()

    def _schedule(self, change: str) -> None:
        with self._lock:
            self._pending.append(change)
            if self._status.state not in ("waiting", "indexing"):
                self._started = time.monotonic()
            self._status = IndexStatus("waiting", f"{_sentence(self._pending)}: waiting to update the index…")
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, name="qa-documents-index", daemon=True)
                self._worker.start()

    def _run(self) -> None:
        """Update the index until no change is pending: changes made during a build get the next one."""
        while True:
            with self._lock:
                if not self._pending:
                    self._worker = None
                    return
                changes, self._pending = self._pending, []
                self._status = IndexStatus("indexing", f"{_sentence(changes)}: updating the index (reading, "
                                                       "cutting into passages, embedding)…")
            self._set(self._build(changes))

    def _build(self, changes: list[str]) -> IndexStatus:
        from qa.index.build import build_index
        from qa.retrieval.retriever import get_retriever

        started = self._started
        try:
            report = build_index(self.corpus_dir(), self.index_dir)
            # The new generation, loaded before it is announced; `current` waits for a load another
            # request started, which would otherwise hand back the old generation.
            retriever = get_retriever(self.index_dir, current=True)
        except QAError as exc:
            return IndexStatus("failed", f"{_sentence(changes)}, but the index could not be updated: {exc}",
                               round(time.monotonic() - started, 1))
        except Exception as exc:  # a bug: the details go to the log, the page says where
            log.exception("updating the index after %s failed", changes)
            return IndexStatus("failed", f"{_sentence(changes)}, but updating the index failed ({type(exc).__name__}); "
                                         "the details are in the server's log", round(time.monotonic() - started, 1))
        names = {c.split(" ", 1)[1] for c in changes if c.startswith("added ")}
        skipped = [f"{s.path} was not indexed: {s.reason}" for s in report.skipped if s.path in names]
        seconds = round(time.monotonic() - started, 1)
        done = (f"{_sentence(changes)}. The index is up to date ({len(retriever.documents)} documents, "
                f"{len(retriever)} passages, {seconds:.0f} s); questions are answered from it now.")
        if skipped:
            return IndexStatus("failed", " ".join([done, *skipped]), seconds, retriever.manifest.generation)
        return IndexStatus("ready", done, seconds, retriever.manifest.generation)

    def _set(self, status: IndexStatus) -> None:
        with self._lock:
            # A change scheduled during the build keeps its "waiting" line until its own build.
            if not self._pending:
                self._status = status


def _sentence(changes: list[str]) -> str:
    text = "; ".join(changes)
    return text[:1].upper() + text[1:]


def _copy(body: BinaryIO, path: Path, limit: int) -> int:
    """Write body into a new file at path (never following or replacing anything); its size.
    Raises InputError past `limit` bytes."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    size = 0
    with os.fdopen(os.open(path, flags, 0o644), "wb") as out:
        while block := body.read(1 << 20):
            size += len(block)
            if size > limit:
                raise InputError(f"the file is over the {limit / 2**20:.0f} MB limit; split it")
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    return size


__all__ = ["IndexStatus", "Library", "METADATA_FILE", "safe_name", "upload_metadata", "UPLOAD_FIELDS"]

"""The corpus folder: which files are documents, and the metadata sidecar that describes them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from qa.errors import CorpusError

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
METADATA_FILE = "metadata.json"
# Files in corpus/ that are never documents.
IGNORED_NAMES = {METADATA_FILE, "README.md", "SOURCES.md"}
META_FIELDS = ("title", "author", "publisher", "date", "kind", "source")


@dataclass(frozen=True)
class DocumentMeta:
    """What is known about one document; every field but doc_id is optional."""

    doc_id: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    kind: str | None = None
    source: str | None = None
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> DocumentMeta:
        known = {k: data.get(k) for k in META_FIELDS}
        extra = {k: v for k, v in data.items() if k not in META_FIELDS and k not in ("doc_id", "extra")}
        extra.update(data.get("extra") or {})
        return cls(doc_id=data["doc_id"], extra=extra, **known)

    def merged(self, **found: str | None) -> DocumentMeta:
        """Fill fields that are still empty with values found in the document itself."""
        values = {k: getattr(self, k) or found.get(k) for k in META_FIELDS}
        return DocumentMeta(doc_id=self.doc_id, extra=self.extra, **values)


@dataclass(frozen=True)
class SourceFile:
    """A document file found in the corpus folder, with its metadata from the sidecar."""

    path: Path
    doc_id: str
    meta: DocumentMeta
    sha256: str

    @property
    def meta_sha256(self) -> str:
        blob = json.dumps(self.meta.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read in blocks so big files stay out of memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_metadata(corpus_dir: Path) -> dict[str, dict]:
    """The sidecar `metadata.json`: {file name: {title, author, publisher, date, kind, source, ...}}."""
    path = corpus_dir / METADATA_FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(
            f"cannot read {path}: {exc}. Fix the JSON (an object mapping file names to metadata) "
            "or remove the file."
        ) from exc
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise CorpusError(
            f"{path} must be a JSON object mapping file names to objects of metadata, "
            'e.g. {"report.pdf": {"title": "...", "date": "2022-03-22"}}.'
        )
    return data


@dataclass(frozen=True)
class CorpusListing:
    """What discover() found: documents to index and files of a type it cannot read."""

    files: list[SourceFile]
    unsupported: list[Path]


def discover(corpus_dir: Path) -> CorpusListing:
    """Every supported document under corpus_dir (recursively), sorted by doc_id.

    The doc_id is the path relative to corpus_dir with forward slashes, so it is stable
    across machines and readable in citations.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist: create it and put documents in it.")
    metadata = read_metadata(corpus_dir)
    found: list[SourceFile] = []
    unsupported: list[Path] = []
    for path in sorted(corpus_dir.rglob("*")):
        if not path.is_file() or path.name in IGNORED_NAMES or path.name.startswith("."):
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            unsupported.append(path)
            continue
        doc_id = path.relative_to(corpus_dir).as_posix()
        entry = dict(metadata.get(doc_id) or metadata.get(path.name) or {})
        entry["doc_id"] = doc_id
        found.append(SourceFile(path=path, doc_id=doc_id, meta=DocumentMeta.from_dict(entry), sha256=file_sha256(path)))
    return CorpusListing(files=found, unsupported=unsupported)

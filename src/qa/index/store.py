"""The index folder's format: every file of an index, its manifest, and their readers and writers.

An index is a folder of plain files (no pickle): one file per role (`ROLE_FILES`, the BM25 role
being a folder of `BM25_FILES`), named by build generation, and `manifest.json`, which names
them with their sizes and checksums. A build writes its files under new names (`IndexWriter`),
then replaces `manifest.json` atomically (`commit_manifest`); only then are the previous
generation's files deleted. A build killed at any moment therefore leaves the previous manifest
pointing at the previous, intact files. Loading checks the manifest's format and shape
(`read_manifest` -> `Manifest`), each file's size and sha256 (`verify_files`), and reads the
files through `IndexFiles`. No other module knows a file name or a file's layout.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import io
import json
import logging
import os
import secrets
import time
import types
import typing
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence

from qa.embed.encoder import ModelInfo
from qa.errors import IndexCorruptError, IndexMissingError, IndexStaleError, IndexWriteError, SettingsError
from qa.ingest.chunk import Chunk
from qa.settings import ChunkSettings

if TYPE_CHECKING:
    import numpy as np

    from qa.index.bm25 import BM25Index
    from qa.ingest.clean import CleanDocument
    from qa.ingest.discover import SourceFile

FORMAT = "qa-index"
# 2: every role is required (terms, term vectors and cards were optional in 1) and the manifest's
# settings are split into the build settings and, for the record, the retrieval and answer defaults.
# 3: BM25 terms spell country and union abbreviations out ("US" is indexed as "united states").
# 4: BM25 terms write British spellings the American way ("defence" is indexed as "defense").
# 5: BM25 terms write "America" the country as "united states".
# 6: BM25 terms write "rouble" the American way, "ruble".
FORMAT_VERSION = 6
MANIFEST = "manifest.json"
LOCK = ".lock"

log = logging.getLogger(__name__)

# Each role's file name; "{gen}" is the build generation. The "bm25" role is a folder of BM25_FILES.
ROLE_FILES: Mapping[str, str] = types.MappingProxyType({
    "passages": "passages-{gen}.jsonl",
    "documents": "documents-{gen}.jsonl",
    "dense": "dense-{gen}.faiss",
    "bm25": "bm25-{gen}",
    "terms": "terms-{gen}.json",
    "term_vectors": "termvecs-{gen}.npy",
    "cards": "cards-{gen}.json",
})
ROLES: tuple[str, ...] = tuple(ROLE_FILES)
# The files of the bm25 folder, by part: bm25s' own default names, passed to it explicitly.
BM25_FILES: Mapping[str, str] = types.MappingProxyType({
    "data": "data.csc.index.npy",
    "indices": "indices.csc.index.npy",
    "indptr": "indptr.csc.index.npy",
    "vocab": "vocab.index.json",
    "params": "params.index.json",
})


def _fix(index_dir: Path | None) -> str:
    if index_dir is None:
        return "rebuild it with `qa index --rebuild`"
    return f"rebuild it with `qa index --index {index_dir} --rebuild`"


def new_generation() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


# ---- the manifest ------------------------------------------------------------------------------


class _Malformed(Exception):
    """What is wrong with a manifest's structure (turned into IndexCorruptError by Manifest.from_dict)."""


def _is(value: Any, hint: Any) -> bool:
    options = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    for option in options:
        if option is type(None) and value is None:
            return True
        if option is bool and isinstance(value, bool):
            return True
        if option is int and isinstance(value, int) and not isinstance(value, bool):
            return True
        if option is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        if option is str and isinstance(value, str):
            return True
    return False


def _kind(hint: Any) -> str:
    names = {bool: "true or false", int: "a whole number", float: "a number", str: "a string", type(None): "null"}
    options = typing.get_args(hint) or (hint,)
    return " or ".join(names.get(o, str(o)) for o in options)


def _fields(data: Any, cls: type, where: str) -> dict[str, Any]:
    """The (scalar) fields of dataclass `cls` found in `data`, each present and of its type."""
    if not isinstance(data, dict):
        raise _Malformed(f"{where} is not an object")
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    unknown = sorted(set(data) - set(names))
    if unknown:
        raise _Malformed(f"{where} has an unknown key {unknown[0]!r}")
    for name in names:
        if name not in data:
            raise _Malformed(f"{where} lacks {name!r}")
        if not _is(data[name], hints[name]):
            raise _Malformed(f"{where} has {name!r} = {data[name]!r:.60}, not {_kind(hints[name])}")
    return {name: data[name] for name in names}


def _section(data: dict, key: str, kind: type = dict) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise _Malformed(f"the {key!r} section is missing or not {'an object' if kind is dict else 'a list'}")
    return value


@dataclass(frozen=True)
class FileEntry:
    """Size and sha256 of one index file."""

    bytes: int
    sha256: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SourceState:
    """A corpus file's content hash and its metadata's hash, as seen by the build."""

    sha256: str
    meta_sha256: str

    @classmethod
    def of(cls, source: SourceFile) -> SourceState:
        return cls(source.sha256, source.meta_sha256)

    def to_dict(self) -> dict:
        return asdict(self)


def corpus_state(sources: Iterable[SourceFile]) -> dict[str, SourceState]:
    """{doc_id: SourceState} of discovered corpus files: what the manifest's `corpus.seen` records."""
    return {source.doc_id: SourceState.of(source) for source in sources}


@dataclass(frozen=True)
class DocumentEntry:
    """An indexed document's hashes and how many passages it gave."""

    sha256: str
    meta_sha256: str
    passages: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class CorpusRecord:
    """The corpus an index was built from: its folder, every file seen, and the documents indexed."""

    dir: str
    seen: dict[str, SourceState]
    unsupported: tuple[str, ...]
    documents: dict[str, DocumentEntry]

    def to_dict(self) -> dict:
        return {
            "dir": self.dir,
            "seen": {d: s.to_dict() for d, s in self.seen.items()},
            "unsupported": list(self.unsupported),
            "documents": {d: e.to_dict() for d, e in self.documents.items()},
        }

    @classmethod
    def from_dict(cls, data: dict) -> CorpusRecord:
        for key in ("dir", "seen", "unsupported", "documents"):
            if key not in data:
                raise _Malformed(f"the corpus section lacks {key!r}")
        unknown = sorted(set(data) - {"dir", "seen", "unsupported", "documents"})
        if unknown:
            raise _Malformed(f"the corpus section has an unknown key {unknown[0]!r}")
        if not isinstance(data["dir"], str):
            raise _Malformed("the corpus section's 'dir' is not a string")
        unsupported = data["unsupported"]
        if not isinstance(unsupported, list) or not all(isinstance(p, str) for p in unsupported):
            raise _Malformed("the corpus section's 'unsupported' is not a list of paths")
        for key in ("seen", "documents"):
            if not isinstance(data[key], dict):
                raise _Malformed(f"the corpus section's {key!r} is not an object")
        seen = {d: SourceState(**_fields(v, SourceState, f"the corpus section's entry of seen file {d!r}"))
                for d, v in data["seen"].items()}
        documents = {d: DocumentEntry(**_fields(v, DocumentEntry, f"the corpus section's entry of document {d!r}"))
                     for d, v in data["documents"].items()}
        return cls(data["dir"], seen, tuple(unsupported), documents)


@dataclass(frozen=True)
class SkippedFile:
    """A corpus file the build did not index, why, and its hash (None for an unsupported type)."""

    path: str
    reason: str
    sha256: str | None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Counts:
    """How many documents and passages the index holds, and what the build did to get them."""

    documents: int
    passages: int
    skipped: int
    over_window: int
    embedded: int
    reused: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class DenseRecord:
    """The FAISS index: "flat", "hnsw" or "hnsw-sq8", inner product over unit vectors."""

    kind: str
    metric: str
    normalized: bool

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class BM25Record:
    """How the BM25 index was made (for the record)."""

    library: str
    k1: float
    b: float
    stemmer: str
    stopwords: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ExpansionRecord:
    """The query-expansion term vectors: what they are and how many terms have one (0: expansion off)."""

    vectors: str
    terms: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Roles:
    """The file (or, for bm25, folder) name of each role in one generation."""

    passages: str
    documents: str
    dense: str
    bm25: str
    terms: str
    term_vectors: str
    cards: str

    @classmethod
    def for_generation(cls, generation: str) -> Roles:
        return cls(**{role: pattern.format(gen=generation) for role, pattern in ROLE_FILES.items()})

    def name(self, role: str) -> str:
        if role not in ROLE_FILES:
            raise ValueError(f"no index role {role!r}; roles are {', '.join(ROLES)}")
        return getattr(self, role)

    def files(self) -> list[str]:
        """Every file of the roles, relative to the index folder ('bm25-<gen>/<name>' inside the folder)."""
        out = [self.name(role) for role in ROLES if role != "bm25"]
        return out + [f"{self.bm25}/{name}" for name in sorted(BM25_FILES.values())]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Roles:
        for role in ROLES:
            name = data.get(role)
            if not isinstance(name, str):
                raise _Malformed(f"no {role!r} file is named in 'roles'")
            if not name or name.startswith(".") or "/" in name or "\\" in name:
                raise _Malformed(f"the {role!r} file {name!r} in 'roles' is not a plain name inside the index folder")
        unknown = sorted(set(data) - set(ROLES))
        if unknown:
            raise _Malformed(f"'roles' names an unknown role {unknown[0]!r}")
        return cls(**{role: data[role] for role in ROLES})


@dataclass(frozen=True)
class BuildSettings:
    """What decides the passages and the vectors: a build with other values is not up to date."""

    chunking: ChunkSettings
    dense_kind: str
    pipeline: int

    def to_dict(self) -> dict:
        return {"chunking": self.chunking.to_dict(), "dense_kind": self.dense_kind, "pipeline": self.pipeline}

    @classmethod
    def from_dict(cls, data: Any) -> BuildSettings:
        from qa.index.dense import DENSE_KINDS

        if not isinstance(data, dict):
            raise _Malformed("the settings section's 'build' is not an object")
        for key in ("chunking", "dense_kind", "pipeline"):
            if key not in data:
                raise _Malformed(f"the settings section's 'build' lacks {key!r}")
        unknown = sorted(set(data) - {"chunking", "dense_kind", "pipeline"})
        if unknown:
            raise _Malformed(f"the settings section's 'build' has an unknown key {unknown[0]!r}")
        if data["dense_kind"] not in DENSE_KINDS:
            raise _Malformed(f"the settings section's 'build' has dense_kind {data['dense_kind']!r}, not one of {DENSE_KINDS}")
        if not _is(data["pipeline"], int):
            raise _Malformed(f"the settings section's 'build' has pipeline {data['pipeline']!r}, not a whole number")
        return cls(_chunking(data["chunking"], "the settings section's 'build' chunking"), data["dense_kind"], data["pipeline"])


def _chunking(data: Any, where: str) -> ChunkSettings:
    if not isinstance(data, dict):
        raise _Malformed(f"{where} is not an object")
    try:
        return ChunkSettings.from_dict(data)
    except SettingsError as exc:
        raise _Malformed(f"{where} is invalid ({exc})") from exc


@dataclass(frozen=True)
class SettingsRecord:
    """The settings of a build: `build` decides whether an index is up to date; `retrieval` and
    `answering` are the RetrievalSettings and AnswerSettings defaults in force then, kept for the
    record only (changing them never rebuilds, and they are not read back as settings)."""

    build: BuildSettings
    retrieval: dict[str, Any]
    answering: dict[str, Any]

    def __post_init__(self) -> None:
        # Held as JSON values (tuples become lists), so that a manifest equals its own round trip.
        for name in ("retrieval", "answering"):
            object.__setattr__(self, name, json.loads(json.dumps(getattr(self, name))))

    def to_dict(self) -> dict:
        return {"build": self.build.to_dict(), "retrieval": dict(self.retrieval), "answering": dict(self.answering)}

    @classmethod
    def from_dict(cls, data: dict) -> SettingsRecord:
        for key in ("build", "retrieval", "answering"):
            if key not in data:
                raise _Malformed(f"the settings section lacks {key!r}")
        unknown = sorted(set(data) - {"build", "retrieval", "answering"})
        if unknown:
            raise _Malformed(f"the settings section has an unknown key {unknown[0]!r}")
        for key in ("retrieval", "answering"):
            if not isinstance(data[key], dict):
                raise _Malformed(f"the settings section's {key!r} is not an object")
        return cls(BuildSettings.from_dict(data["build"]), dict(data["retrieval"]), dict(data["answering"]))


_SECTIONS = ("files", "model", "counts", "corpus", "chunking", "roles", "settings", "dense", "bm25", "expansion", "versions")


@dataclass(frozen=True)
class Manifest:
    """An index's manifest: what was built, from what, with which model and settings, into which files.

    `files` maps every file (relative to the index folder) to its size and sha256; `roles` names
    the file of each role. `to_dict()` is the JSON written to manifest.json; `from_dict()` checks it.
    """

    qa_version: str
    created: str
    generation: str
    versions: dict[str, str]
    model: ModelInfo
    settings: SettingsRecord
    dense: DenseRecord
    bm25: BM25Record
    expansion: ExpansionRecord
    corpus: CorpusRecord
    skipped: tuple[SkippedFile, ...]
    counts: Counts
    roles: Roles
    files: dict[str, FileEntry]

    @property
    def chunking(self) -> ChunkSettings:
        """The chunk settings the passages were cut with."""
        return self.settings.build.chunking

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "qa_version": self.qa_version,
            "created": self.created,
            "generation": self.generation,
            "versions": dict(self.versions),
            "model": self.model.to_dict(),
            "chunking": self.chunking.to_dict(),
            "settings": self.settings.to_dict(),
            "dense": self.dense.to_dict(),
            "bm25": self.bm25.to_dict(),
            "expansion": self.expansion.to_dict(),
            "corpus": self.corpus.to_dict(),
            "skipped": [s.to_dict() for s in self.skipped],
            "counts": self.counts.to_dict(),
            "roles": self.roles.to_dict(),
            "files": {name: entry.to_dict() for name, entry in self.files.items()},
        }

    @classmethod
    def from_dict(cls, data: Any, index_dir: Path | None = None) -> Manifest:
        """A manifest from its JSON object.

        Raises IndexCorruptError naming what is malformed, or IndexStaleError when it is of
        another format version. `index_dir` (where it was read) only goes into the messages.
        """
        where = index_dir / MANIFEST if index_dir is not None else "the index manifest"
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise IndexCorruptError(f"{where} is not a qa index manifest; {_fix(index_dir)}")
        version = data.get("format_version")
        if version != FORMAT_VERSION:
            place = f"the index in {index_dir}" if index_dir is not None else "the index"
            raise IndexStaleError(
                f"{place} has format version {version}, this qa reads version {FORMAT_VERSION}; {_fix(index_dir)}"
            )
        try:
            return cls._parse(data)
        except _Malformed as exc:
            raise IndexCorruptError(f"{where} is malformed: {exc}; {_fix(index_dir)}") from None

    @classmethod
    def _parse(cls, data: dict) -> Manifest:
        for key in _SECTIONS:
            _section(data, key)
        skipped = _section(data, "skipped", list)
        files = {}
        for name, entry in data["files"].items():
            if not isinstance(entry, dict) or not _is(entry.get("bytes"), int) or not isinstance(entry.get("sha256"), str):
                raise _Malformed(f"the entry of file {name!r} lacks its size or checksum")
            files[name] = FileEntry(entry["bytes"], entry["sha256"])
        for key in ("qa_version", "created", "generation"):
            if not isinstance(data.get(key), str):
                raise _Malformed(f"{key!r} is missing or not a string")
        if not all(isinstance(v, str) for v in data["versions"].values()):
            raise _Malformed("the versions section holds a version that is not a string")
        manifest = cls(
            qa_version=data["qa_version"],
            created=data["created"],
            generation=data["generation"],
            versions=dict(data["versions"]),
            model=ModelInfo(**_fields(data["model"], ModelInfo, "the model section")),
            settings=SettingsRecord.from_dict(data["settings"]),
            dense=DenseRecord(**_fields(data["dense"], DenseRecord, "the dense section")),
            bm25=BM25Record(**_fields(data["bm25"], BM25Record, "the bm25 section")),
            expansion=ExpansionRecord(**_fields(data["expansion"], ExpansionRecord, "the expansion section")),
            corpus=CorpusRecord.from_dict(data["corpus"]),
            skipped=tuple(SkippedFile(**_fields(s, SkippedFile, f"skipped entry {n}")) for n, s in enumerate(skipped)),
            counts=Counts(**_fields(data["counts"], Counts, "the counts section")),
            roles=Roles.from_dict(data["roles"]),
            files=files,
        )
        if _chunking(data["chunking"], "the 'chunking' section") != manifest.chunking:
            raise _Malformed("the 'chunking' section differs from the chunking of the build settings")
        expected = set(manifest.roles.files())
        for name in sorted(expected - set(files)):
            raise _Malformed(f"the index file {name!r} named in 'roles' has no entry in 'files'")
        for name in sorted(set(files) - expected):
            raise _Malformed(f"the file {name!r} in 'files' belongs to no role")
        return manifest


def manifest_path(index_dir: Path | str) -> Path:
    """Where an index folder's manifest is (it may not exist)."""
    return Path(index_dir) / MANIFEST


def read_manifest(index_dir: Path | str) -> Manifest:
    """The manifest, checked for format, version and shape; raises a clear error when it cannot be used."""
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
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexCorruptError(f"{path} is unreadable or truncated ({exc}); {_fix(index_dir)}") from exc
    return Manifest.from_dict(data, index_dir)


def recorded_corpus(index_dir: Path | str) -> str | None:
    """The corpus folder named by the manifest in index_dir, whatever its format version; None when
    there is no readable manifest (for refusing to overwrite an index of another corpus)."""
    try:
        data = json.loads(manifest_path(index_dir).read_text(encoding="utf-8"))
        found = data["corpus"]["dir"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if isinstance(found, str) else None


def verify_files(index_dir: Path, manifest: Manifest, checksums: bool = True) -> None:
    """Check that every file the manifest names exists with its size (and sha256)."""
    for name, entry in manifest.files.items():
        path = index_dir / name
        if not path.is_file():
            raise IndexCorruptError(f"index file {path} is missing; {_fix(index_dir)}")
        size = path.stat().st_size
        if size != entry.bytes:
            raise IndexCorruptError(
                f"index file {path} has {size} bytes, the manifest says {entry.bytes} (truncated or replaced); "
                f"{_fix(index_dir)}"
            )
        if checksums and sha256_file(path) != entry.sha256:
            raise IndexCorruptError(f"index file {path} does not match its checksum (corrupt); {_fix(index_dir)}")


# ---- reading the files -------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRecord:
    """A document as stored in the index: metadata, clean text and segments."""

    doc_id: str
    meta: dict
    text: str
    segments: list[dict]

    def to_dict(self) -> dict:
        return asdict(self)


class IndexFiles:
    """The files of one committed index, read through its manifest.

    Each method reads its role's file anew; a file that cannot be parsed raises IndexCorruptError
    naming it. `verify()` (sizes and checksums) is the caller's to run first.
    """

    def __init__(self, index_dir: Path | str, manifest: Manifest) -> None:
        self.index_dir = Path(index_dir)
        self.manifest = manifest

    @classmethod
    def open(cls, index_dir: Path | str, *, checksums: bool = True) -> IndexFiles:
        """The index in index_dir, its manifest read and its files verified."""
        files = cls(index_dir, read_manifest(index_dir))
        files.verify(checksums)
        return files

    def path(self, role: str) -> Path:
        """The file (for "bm25", the folder) of a role."""
        return self.index_dir / self.manifest.roles.name(role)

    def verify(self, checksums: bool = True) -> None:
        verify_files(self.index_dir, self.manifest, checksums)

    @contextlib.contextmanager
    def _reading(self, role: str) -> Iterator[Path]:
        path = self.path(role)
        try:
            yield path
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RuntimeError) as exc:
            raise IndexCorruptError(f"cannot read index file {path} ({exc}); {_fix(self.index_dir)}") from exc

    def _jsonl(self, role: str) -> list[dict]:
        with self._reading(role) as path, path.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]

    def _json(self, role: str) -> Any:
        with self._reading(role) as path:
            return json.loads(path.read_text(encoding="utf-8"))

    def _expect(self, role: str, found: int, expected: int) -> None:
        if found != expected:
            raise IndexCorruptError(
                f"index file {self.path(role)} holds {found} entries, the manifest says {expected}; {_fix(self.index_dir)}"
            )

    def passages(self) -> list[Chunk]:
        """Every passage, in index order (row i of the dense and BM25 indexes)."""
        rows = self._jsonl("passages")
        with self._reading("passages"):
            chunks = [Chunk.from_dict(row) for row in rows]
        self._expect("passages", len(chunks), self.manifest.counts.passages)
        return chunks

    def embed_shas(self) -> list[str]:
        """Per passage, the hash of what the model embedded for it (a build reuses vectors by it)."""
        with self._reading("passages"):
            return [row["embed_sha"] for row in self._jsonl("passages")]

    def documents(self) -> dict[str, DocumentRecord]:
        """The indexed documents by doc_id: metadata, clean text and segments."""
        records = {}
        with self._reading("documents"):
            for row in self._jsonl("documents"):
                doc_id = row["meta"]["doc_id"]
                records[doc_id] = DocumentRecord(doc_id, row["meta"], row["text"], row["segments"])
        self._expect("documents", len(records), self.manifest.counts.documents)
        return records

    def dense(self):
        """The FAISS index (qa.index.dense)."""
        from qa.index import dense

        with self._reading("dense") as path:
            return dense.load(path)

    def bm25(self) -> BM25Index:
        from qa.index.bm25 import BM25Index

        with self._reading("bm25") as folder:
            return BM25Index.load({part: folder / name for part, name in BM25_FILES.items()})

    def terms(self) -> list[str]:
        """The corpus terms that have a query-expansion vector (empty when the model had no static vectors)."""
        terms = self._json("terms")
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise IndexCorruptError(f"index file {self.path('terms')} is not a list of terms; {_fix(self.index_dir)}")
        self._expect("terms", len(terms), self.manifest.expansion.terms)
        return terms

    def term_vectors(self) -> np.ndarray:
        """One float16 vector per term, in the order of terms()."""
        import numpy as np

        with self._reading("term_vectors") as path:
            vectors = np.load(path, allow_pickle=False)
        self._expect("term_vectors", len(vectors), self.manifest.expansion.terms)
        return vectors

    def cards(self) -> tuple[list[str], list[list[tuple[str, float]]]]:
        """(doc_ids, cards): each document's metadata card as (stem, weight) pairs (qa.retrieval.priors)."""
        data = self._json("cards")
        with self._reading("cards"):
            doc_ids = [str(d) for d in data["documents"]]
            cards = [[(str(t), float(w)) for t, w in terms] for terms in data["cards"]]
        if len(cards) != len(doc_ids):
            raise IndexCorruptError(f"index file {self.path('cards')} has {len(cards)} cards for {len(doc_ids)} "
                                    f"documents; {_fix(self.index_dir)}")
        return doc_ids, cards


# ---- writing the files -------------------------------------------------------------------------


class IndexWriter:
    """Writes the files of one new generation into an index folder (hold `build_lock`).

    Call every role's method once, then `finish()` for the files' entries of the manifest.
    Nothing is visible to readers until `commit_manifest` names the files. A failed write
    raises IndexWriteError.
    """

    def __init__(self, index_dir: Path | str, generation: str | None = None) -> None:
        self.index_dir = Path(index_dir)
        self.generation = generation or new_generation()
        self.roles = Roles.for_generation(self.generation)
        self._written: set[str] = set()

    @contextlib.contextmanager
    def _writing(self, role: str) -> Iterator[Path]:
        try:
            yield self.index_dir / self.roles.name(role)
        except OSError as exc:
            raise write_failed(self.index_dir, exc) from exc
        self._written.add(role)

    def _text(self, role: str, text: str) -> None:
        with self._writing(role) as path:
            write_bytes(path, text.encode("utf-8"))

    def passages(self, chunks: Sequence[Chunk], embed_shas: Sequence[str]) -> None:
        """One JSON line per passage: the Chunk's fields and `embed_sha`."""
        self._text("passages", "".join(
            json.dumps({**c.to_dict(), "embed_sha": s}, ensure_ascii=False) + "\n" for c, s in zip(chunks, embed_shas, strict=True)
        ))

    def documents(self, documents: Sequence[CleanDocument], sources: Sequence[SourceFile]) -> None:
        """One JSON line per document: metadata, clean text, segments, and the source file's hashes."""
        self._text("documents", "".join(
            json.dumps({**d.to_dict(), "sha256": s.sha256, "meta_sha256": s.meta_sha256}, ensure_ascii=False) + "\n"
            for d, s in zip(documents, sources, strict=True)
        ))

    def dense(self, index) -> None:
        from qa.index import dense

        # Serialised in memory, then written like every other file: FAISS's own writer reports a
        # full disk as a RuntimeError and leaves a truncated file behind.
        data = dense.serialize(index)
        with self._writing("dense") as path:
            write_bytes(path, data)

    def bm25(self, index: BM25Index) -> None:
        with self._writing("bm25") as folder:
            index.save(folder, BM25_FILES)
            found = sorted(p.name for p in folder.iterdir())
            if found != sorted(BM25_FILES.values()):
                raise IndexWriteError(
                    f"the BM25 library wrote {found} into {folder}, not the files this index format declares "
                    f"({sorted(BM25_FILES.values())}); install the bm25s version qa was made for"
                )

    def terms(self, terms: Sequence[str]) -> None:
        self._text("terms", json.dumps(list(terms), ensure_ascii=False))

    def term_vectors(self, vectors: np.ndarray) -> None:
        import numpy as np

        buffer = io.BytesIO()
        np.save(buffer, vectors, allow_pickle=False)
        with self._writing("term_vectors") as path:
            write_bytes(path, buffer.getvalue())

    def cards(self, doc_ids: Sequence[str], cards: Sequence[Sequence[tuple[str, float]]]) -> None:
        data = {"documents": list(doc_ids), "cards": [[[t, w] for t, w in terms] for terms in cards]}
        self._text("cards", json.dumps(data, ensure_ascii=False))

    def discard(self) -> None:
        """Delete this generation's files after a failed build, unless the manifest already names them."""
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            if json.loads(manifest_path(self.index_dir).read_text(encoding="utf-8"))["generation"] == self.generation:
                return  # committed: the files are the index now
        for name in [self.roles.name(role) for role in ROLES]:
            path = self.index_dir / name
            with contextlib.suppress(OSError):
                if path.is_dir():
                    for child in path.iterdir():
                        child.unlink()
                    path.rmdir()
                elif path.exists():
                    path.unlink()

    def finish(self) -> dict[str, FileEntry]:
        """The size and sha256 of every file written (fsynced), for the manifest's `files`."""
        missing = [role for role in ROLES if role not in self._written]
        if missing:
            raise ValueError(f"the index files of roles {missing} were not written")
        try:
            described = describe_files(self.index_dir, self.roles.files())
            fsync_path(self.index_dir / self.roles.bm25)
        except OSError as exc:
            raise write_failed(self.index_dir, exc) from exc
        return described


# ---- the folder: lock, atomic commit, clean-up -------------------------------------------------


@contextlib.contextmanager
def build_lock(index_dir: Path, *, wait: bool = True) -> Iterator[None]:
    """Hold the folder's build lock, taken before a build reads anything of the folder.

    With `wait`, a second build waits (saying so once in the log) until the first is done, then
    reads what the first committed; without it, it raises IndexWriteError at once.
    """
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
            if not wait:
                raise IndexWriteError(f"another `qa index` is building {index_dir}; wait for it to finish") from exc
            log.warning("another `qa index` is building %s; waiting for it to finish", index_dir)
            fcntl.flock(handle, fcntl.LOCK_EX)
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


def describe_files(index_dir: Path, names: list[str]) -> dict[str, FileEntry]:
    """{name: FileEntry} for files relative to index_dir, fsynced on the way."""
    out = {}
    for name in names:
        path = index_dir / name
        fsync_path(path)
        out[name] = FileEntry(path.stat().st_size, sha256_file(path))
    return out


def commit_manifest(index_dir: Path, manifest: Manifest) -> None:
    """Atomically make `manifest` the index's manifest, then delete files it no longer names."""
    data = manifest.to_dict()
    Manifest.from_dict(data)  # never commit a manifest that loading would refuse
    tmp = index_dir / f".{MANIFEST}.{secrets.token_hex(4)}.tmp"
    try:
        write_bytes(tmp, json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))
        os.replace(tmp, index_dir / MANIFEST)
        fsync_path(index_dir)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise IndexWriteError(_write_message(index_dir, exc)) from exc
    remove_unreferenced(index_dir, manifest)


def remove_unreferenced(index_dir: Path, manifest: Manifest) -> None:
    """Delete files of earlier generations and of builds that were killed half way."""
    keep = {MANIFEST, LOCK} | {name.split("/")[0] for name in manifest.files}
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
        return (f"the disk is full: no space left for the index in {index_dir} ({exc.strerror}); the files of this "
                "build were removed and the previous index is kept; free some disk space and run `qa index` again")
    return f"cannot write the index in {index_dir}: {exc}"


def write_failed(index_dir: Path, exc: OSError) -> IndexWriteError:
    return IndexWriteError(_write_message(index_dir, exc))

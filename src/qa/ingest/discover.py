"""The corpus folder: which files are documents, and the metadata sidecar that describes them."""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from qa.errors import CorpusError
from qa.settings import MAX_DOCUMENT_BYTES

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
METADATA_FILE = "metadata.json"
# Files in corpus/ that are never documents.
IGNORED_NAMES = {METADATA_FILE, "README.md", "SOURCES.md"}
META_FIELDS = ("title", "author", "publisher", "date", "kind", "source")
# The sidecar's list of the fields the project (or whoever added the document) wrote itself rather
# than took from the document or its publisher, e.g. "supplied": ["title"]; kept in `extra`.
SUPPLIED = "supplied"


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

    @property
    def supplied(self) -> tuple[str, ...]:
        """The fields not taken from the document or its publisher (the sidecar's "supplied" list)."""
        return supplied_fields(self.extra)

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


def read_metadata(corpus_dir: Path) -> Sidecar:
    """The sidecar `metadata.json`: {path relative to the corpus: {title, author, ...}}, checked.

    Nothing in it stops indexing: a file that is not a JSON object, an entry that is not an
    object, or a field of the wrong type is dropped with a warning naming it, and the
    documents are indexed without it.
    """
    path = corpus_dir / METADATA_FILE
    if path.is_symlink():
        return Sidecar({}, [f"{METADATA_FILE} is a symbolic link: not followed, so that nothing outside the corpus "
                            "folder is read; it is ignored"])
    if not path.exists():
        return Sidecar({}, [])
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            return Sidecar({}, [f"{METADATA_FILE} is over the {MAX_DOCUMENT_BYTES / 2**20:.0f} MB limit; it is ignored"])
        data = json.loads(
            path.read_text(encoding="utf-8-sig"),
            parse_int=_parse_int, parse_float=_parse_float, parse_constant=_Unusable,
        )
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        return Sidecar({}, [f"{METADATA_FILE} cannot be read ({_one_line(exc)}); no document gets metadata from it. "
                            "Fix the JSON (an object mapping file paths to metadata) or remove the file"])
    if not isinstance(data, dict):
        return Sidecar({}, [f"{METADATA_FILE} must be a JSON object mapping file paths to objects of metadata, "
                            f'e.g. {{"report.pdf": {{"title": "...", "date": "2022-03-22"}}}}; it is ignored'])
    entries: dict[str, dict] = {}
    warnings: list[str] = []
    for key, value in data.items():
        shown = _printable(key)
        if not isinstance(value, dict):
            warnings.append(f'{METADATA_FILE}: the entry "{shown}" is {_kind(value)}, not an object of fields; it is ignored')
            continue
        entry = {}
        for name, field_value in value.items():
            problem = _field_problem(name, field_value)
            if problem:
                warnings.append(f'{METADATA_FILE}: "{shown}" field "{_printable(name)}" {problem}; the field is dropped')
            else:
                entry[name] = field_value
        entries[key] = entry
    return Sidecar(entries, warnings)


def set_metadata(corpus_dir: Path, doc_id: str, entry: dict | None) -> None:
    """Write (or, with None, remove) the sidecar's entry of one document, keeping every other
    entry as it is. The file is replaced atomically; one that cannot be read as a JSON object
    (or is a symbolic link) is not overwritten: CorpusError says why."""
    import tempfile

    path = Path(corpus_dir) / METADATA_FILE
    if path.is_symlink():
        raise CorpusError(f"{METADATA_FILE} is a symbolic link; it is not written through")
    data: dict = {}
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise CorpusError(f"{METADATA_FILE} cannot be read ({_one_line(exc)}); fix it before adding documents") from exc
        if not isinstance(data, dict):
            raise CorpusError(f"{METADATA_FILE} is not a JSON object; fix it before adding documents")
    if entry is None:
        if doc_id not in data:
            return
        data.pop(doc_id)
    else:
        problem = next((f'field "{k}" {p}' for k, v in entry.items() if (p := _field_problem(k, v))), None)
        if problem:
            raise CorpusError(f"the metadata of {doc_id}: {problem}")
        data[doc_id] = entry
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(prefix=".metadata-", suffix=".json", dir=corpus_dir)
    try:
        os.chmod(temporary, mode)  # mkstemp's file is private; keep the sidecar's own permissions
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Sidecar:
    """The checked entries of metadata.json, and a warning for everything dropped from it."""

    entries: dict[str, dict]
    warnings: list[str]


class _Unusable(str):
    """A JSON value qa will not keep: NaN, an infinity, or a number too long to convert safely."""


def _parse_int(text: str) -> int | _Unusable:
    return int(text) if len(text.lstrip("-")) <= _MAX_DIGITS else _Unusable(f"a number of {len(text)} digits")


def _parse_float(text: str) -> float | _Unusable:
    value = float(text)
    return value if math.isfinite(value) else _Unusable(text[:20])


_MAX_DIGITS = 100
_MAX_DEPTH = 32


def _field_problem(name: str, value: object) -> str | None:
    """Why a metadata field cannot be kept, or None when it can."""
    if name in META_FIELDS:
        if value is not None and not isinstance(value, str):
            return f"must be a string, not {_kind(value)}"
    elif name == "extra" and not isinstance(value, dict):
        return f"must be an object, not {_kind(value)}"
    elif name == SUPPLIED:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"must be a list of field names, not {_kind(value)}"
        unknown = [v for v in value if v not in META_FIELDS]
        if unknown:
            return f'names "{_printable(unknown[0])}", which is not one of the fields {", ".join(META_FIELDS)}'
    return _value_problem(name) or _value_problem(value)


def supplied_fields(meta: dict) -> tuple[str, ...]:
    """The "supplied" field names of a metadata mapping (a DocumentMeta's `extra`, or an indexed
    document's stored metadata, which holds it under "extra"), as checked when the sidecar was read."""
    found = meta.get(SUPPLIED, (meta.get("extra") or {}).get(SUPPLIED))
    if not isinstance(found, (list, tuple)):
        return ()
    return tuple(v for v in found if v in META_FIELDS)


def _value_problem(value: object, depth: int = 0) -> str | None:
    """Why a JSON value cannot be stored and written back as UTF-8 JSON, or None."""
    if depth > _MAX_DEPTH:
        return f"is nested more than {_MAX_DEPTH} levels deep"
    if isinstance(value, _Unusable):
        return f"holds an unusable number ({value})"
    if isinstance(value, str):
        return None if _is_utf8(value) else "holds text that is not valid Unicode (a lone surrogate escape)"
    if isinstance(value, dict):
        items = [*value.keys(), *value.values()]
    elif isinstance(value, list):
        items = value
    else:
        return None
    return next((p for p in (_value_problem(v, depth + 1) for v in items) if p), None)


def _kind(value: object) -> str:
    if isinstance(value, _Unusable):
        return f"an unusable number ({value})"
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object",
             type(None): "null", str: "a string"}
    shown = json.dumps(value) if isinstance(value, (bool, int, float)) else ""
    return f"{names.get(type(value), type(value).__name__)}{f' ({shown})' if shown else ''}"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(text: str) -> str:
    """A name as it can be printed and stored: bytes that are not UTF-8 shown as \\xNN."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Rejected:
    """A file in the corpus folder that is not read at all, and why (its path relative to the corpus)."""

    path: str
    reason: str


@dataclass(frozen=True)
class CorpusListing:
    """What discover() found: documents to index, files of a type it cannot read, files it
    refused without reading them, and warnings about the metadata sidecar."""

    files: list[SourceFile]
    unsupported: list[Path]
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


LINK_REASON = ("a symbolic link: not followed, so that nothing outside the corpus folder is read; "
               "copy the file into the corpus instead")


def discover(corpus_dir: Path) -> CorpusListing:
    """Every supported document under corpus_dir (recursively), sorted by doc_id.

    The doc_id is the path relative to corpus_dir with forward slashes, so it is stable
    across machines and readable in citations. Only regular files inside the folder are read:
    symbolic links (to files or folders, wherever they point), files whose name is not UTF-8,
    files over MAX_DOCUMENT_BYTES and files that cannot be read are rejected with a reason,
    without reading them; hidden files and folders (a name starting with ".") are left out.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist: create it and put documents in it.")
    if not _is_utf8(str(corpus_dir.resolve())):
        raise CorpusError(f"the corpus folder's path {_printable(str(corpus_dir.resolve()))} is not valid UTF-8: rename it.")
    sidecar = read_metadata(corpus_dir)
    paths, rejected = _walk(corpus_dir)
    found: list[SourceFile] = []
    unsupported: list[Path] = []
    relative = set()
    for path, size in sorted(paths.items()):
        doc_id = path.relative_to(corpus_dir).as_posix()
        if not _is_utf8(doc_id):
            rejected.append(Rejected(_printable(doc_id), "the file name is not valid UTF-8; rename it (e.g. with `convmv`)"))
            continue
        relative.add(doc_id)
        if path.name in IGNORED_NAMES:
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            unsupported.append(path)
            continue
        if size > MAX_DOCUMENT_BYTES:
            rejected.append(Rejected(doc_id, f"it is {size / 2**20:.0f} MB, over the {MAX_DOCUMENT_BYTES / 2**20:.0f} MB "
                                             "limit; split it"))
            continue
        try:
            sha256 = file_sha256(path)
        except FileNotFoundError:
            rejected.append(Rejected(doc_id, "it disappeared while the corpus was being read"))
            continue
        except OSError as exc:
            rejected.append(Rejected(doc_id, f"cannot read it: {exc.strerror or exc}"))
            continue
        entry = dict(sidecar.entries.get(doc_id) or {})
        entry["doc_id"] = doc_id
        found.append(SourceFile(path=path, doc_id=doc_id, meta=DocumentMeta.from_dict(entry), sha256=sha256))
    warnings = list(sidecar.warnings) + [
        f'{METADATA_FILE}: "{_printable(key)}" names no file in the corpus (keys are paths relative to the corpus '
        'folder, e.g. "sub/report.pdf"); its metadata is not used'
        for key in sidecar.entries if key not in relative
    ]
    return CorpusListing(files=found, unsupported=unsupported, rejected=sorted(rejected, key=lambda r: r.path),
                         warnings=warnings)


def _walk(corpus_dir: Path) -> tuple[dict[Path, int], list[Rejected]]:
    """{regular file: size} under corpus_dir, without following links or entering hidden folders,
    and the links and unlistable folders met on the way."""
    files: dict[Path, int] = {}
    rejected: list[Rejected] = []
    pending = [corpus_dir]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            shown = _printable(folder.relative_to(corpus_dir).as_posix())
            rejected.append(Rejected(shown + "/", f"cannot list the folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders: .git, .trash, editor backups
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    rejected.append(Rejected(_printable(path.relative_to(corpus_dir).as_posix()), LINK_REASON))
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                elif entry.is_file(follow_symlinks=False):
                    files[path] = entry.stat(follow_symlinks=False).st_size
            except FileNotFoundError:
                continue  # removed while listed: it is not in the corpus
    return files, rejected

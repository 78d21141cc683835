"""Building the index: corpus files -> clean texts -> chunks -> vectors + BM25 -> index folder.

Incremental: a run with nothing changed returns after hashing the corpus; otherwise every
document is cleaned and chunked again (cheap) and only chunks whose embedding input is new
are encoded, the rest reuse their vectors from the previous index.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from qa.version import __version__
from qa.ingest.chunk import Chunk, chunk_document
from qa.ingest.clean import CleanDocument, clean
from qa.settings import (
    MAX_LOAD_SECONDS, ChunkSettings, default_corpus_dir, default_index_dir, default_model_name, requested_precision,
)
from qa.ingest.discover import CorpusListing, SourceFile, discover
from qa.errors import DocumentError, IndexFolderError, InputError, QAError
from qa.index import store
from qa.index.bm25 import search_text
from qa.ingest.budget import BudgetedLoader

log = logging.getLogger(__name__)

# Bump when cleaning or chunking changes what passages an unchanged document yields, or
# when the index gains files (3: title passages' term vectors and metadata cards; 4: every
# file role required, settings recorded as build / retrieval / answering; 5: a blank line before
# a word that is not lower case ends a sentence).
PIPELINE_VERSION = 5
UNSUPPORTED_REASON = "unsupported file type (use .txt, .md, .html or .pdf)"


@dataclass(frozen=True)
class Skipped:
    """A corpus file that was not indexed, and why."""

    path: str
    reason: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class BuildReport:
    """What `qa index` did."""

    index_dir: str
    corpus_dir: str
    up_to_date: bool
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    documents: int = 0
    passages: int = 0
    embedded: int = 0
    reused: int = 0
    over_window: int = 0
    seconds: float = 0.0
    model: str = ""
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["skipped"] = [s.to_dict() for s in self.skipped]
        return data

    def summary(self) -> str:
        """What the build did, in a few lines for a terminal or a log."""
        lines = []
        if self.up_to_date:
            lines.append(f"index {self.index_dir} is up to date: {self.documents} documents, {self.passages} passages")
        else:
            lines.append(
                f"indexed {self.documents} documents into {self.passages} passages in {self.index_dir} "
                f"({self.embedded} embedded, {self.reused} reused) with {self.model}"
            )
            for label, items in (("added", self.added), ("changed", self.changed), ("removed", self.removed)):
                if items:
                    lines.append(f"  {label} ({len(items)}): {', '.join(items[:10])}{' ...' if len(items) > 10 else ''}")
            if self.unchanged:
                lines.append(f"  unchanged: {len(self.unchanged)}")
            if self.over_window:
                lines.append(f"  warning: {self.over_window} passages exceed the model window and are truncated when embedded")
        for skipped in self.skipped:
            lines.append(f"  skipped {skipped.path}: {skipped.reason}")
        for warning in self.warnings:
            lines.append(f"  warning: {warning}")
        lines.append(f"  took {self.seconds:.2f} s")
        return "\n".join(lines)


def embedding_input(chunk: Chunk, title: str | None) -> str:
    """What the model embeds for a passage: document title and section give it context."""
    head = " — ".join(part for part in (title, chunk.section) if part)
    body = search_text(chunk.text)
    return f"{head}\n{body}" if head else body


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def build_index(
    corpus_dir: Path | str | None = None,
    index_dir: Path | str | None = None,
    *,
    model: str | None = None,
    chunking: ChunkSettings | None = None,
    dense_kind: str = "auto",
    rebuild: bool = False,
    progress: bool = False,
    engine: str = "local",
    address: str | None = None,
) -> BuildReport:
    """Build or update the index in index_dir from the documents in corpus_dir.

    Args:
        corpus_dir: folder of documents. Defaults to $QA_CORPUS or ./corpus.
        index_dir: index folder. Defaults to $QA_INDEX or ./index.
        model: sentence-transformers model name or path. Defaults to the model of the
            existing index, else $QA_MODEL or all-MiniLM-L6-v2.
        chunking: chunk sizes. Defaults to ChunkSettings().
        dense_kind: "auto", "flat", "hnsw" or "hnsw-sq8" (qa.index.dense.DENSE_KINDS).
        rebuild: ignore the existing index and re-embed everything.
        progress: show progress bars on stderr.
        engine: "local" (this process) or "ray" (a Ray Data pipeline; needs the `ray` extra).
        address: the Ray cluster for engine "ray"; default $RAY_ADDRESS, else a local Ray for the run.
    """
    started = time.perf_counter()
    runner = _engine(engine, address, progress)
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
    index_dir = Path(index_dir) if index_dir is not None else default_index_dir()
    chunking = chunking or ChunkSettings()
    # The lock comes first: a concurrent build must not read the corpus listing or the previous
    # manifest (whose files the other build may be deleting) before the other has finished.
    with store.build_lock(index_dir):
        return _build_locked(corpus_dir, index_dir, model, chunking, dense_kind, rebuild, progress, started, runner)


def _engine(name: str, address: str | None, progress: bool):
    """The runner of the build's stages: None for this process, else an engine object with `run()`."""
    if name == "local":
        if address is not None:
            raise InputError("an address is for the ray engine (--engine ray)")
        return None
    if name == "ray":
        from qa.index.ray_engine import RayEngine, Stages

        return RayEngine(Stages(load_documents, chunk_documents, embed_shas), address, progress=progress)
    raise InputError(f"engine must be 'local' or 'ray', not {name!r}")


def _build_locked(corpus_dir: Path, index_dir: Path, model: str | None, chunking: ChunkSettings, dense_kind: str,
                  rebuild: bool, progress: bool, started: float, engine=None) -> BuildReport:
    """build_index's work, under the folder's build lock."""
    listing = discover(corpus_dir)
    for rejected in listing.rejected:
        log.warning("skipped %s: %s", rejected.path, rejected.reason)
    for warning in listing.warnings:
        log.warning("%s", warning)
    old: store.Manifest | None = None
    if not rebuild:
        try:
            old = store.read_manifest(index_dir)
            store.verify_files(index_dir, old)
        except IndexFolderError as exc:
            if old is not None or store.manifest_path(index_dir).exists():
                log.warning("previous index not reusable (%s); rebuilding from scratch", exc)
            old = None
    if old is not None:
        # Files of builds that were killed or failed (a full disk) go before anything new is written.
        store.remove_unreferenced(index_dir, old)
    model_name = model or (old.model.name if old else default_model_name())
    settings = store.BuildSettings(chunking, dense_kind, PIPELINE_VERSION)

    current = store.corpus_state(listing.files)
    if old is not None and _unchanged(old, current, model_name, settings, listing):
        return BuildReport(
            index_dir=str(index_dir), corpus_dir=str(corpus_dir), up_to_date=True,
            unchanged=sorted(current), skipped=[Skipped(s.path, s.reason) for s in old.skipped],
            documents=old.counts.documents, passages=old.counts.passages,
            seconds=time.perf_counter() - started, model=model_name, warnings=listing.warnings,
        )

    from qa.embed.encoder import load_encoder

    # An update embeds as the index was embedded unless $QA_PRECISION says otherwise: a new default
    # (bf16 on a CPU with AMX) does not re-embed an existing index.
    keep = old is not None and requested_precision() is None
    encoder = load_encoder(model_name, precision=old.model.precision if keep else None)
    if old is not None and (old.model.fingerprint, old.model.vectors) != (encoder.fingerprint, encoder.info.vectors):
        old = None  # vectors of another model, or of the other precision, are not reused
    return _build(listing, current, corpus_dir, index_dir, encoder, chunking, dense_kind, settings, old, progress, started,
                  engine)


def ensure_index(
    index_dir: Path | str | None = None,
    corpus_dir: Path | str | None = None,
    *,
    update: bool = False,
    progress: bool = False,
) -> BuildReport | None:
    """Make sure an index exists: build it from the corpus folder when missing; with `update`,
    also bring an existing one up to date. The one place that decides to build on demand.

    Returns the BuildReport of a build that ran, or None when the index was left as it is
    (it exists and `update` is off, or there is no corpus folder to update it from). Raises
    IndexMissingError when there is no index and no corpus folder to build one from.

    Args:
        index_dir: index folder. Defaults to $QA_INDEX or ./index.
        corpus_dir: documents folder. Defaults to $QA_CORPUS or ./corpus.
        update: run an incremental build even when the index exists.
        progress: show progress bars on stderr.
    """
    from qa.errors import IndexMissingError
    from qa.index import store

    index_dir = Path(index_dir) if index_dir is not None else default_index_dir()
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
    exists = store.manifest_path(index_dir).exists()
    if exists and not update:
        return None
    if not corpus_dir.is_dir():
        if exists:
            return None
        raise IndexMissingError(
            f"no index in {index_dir} and no corpus folder {corpus_dir} to build it from: "
            f"build it with `qa index --index {index_dir} --corpus DIR`"
        )
    return build_index(corpus_dir, index_dir, progress=progress)


def _unchanged(
    old: store.Manifest, current: dict[str, store.SourceState], model_name: str, settings: store.BuildSettings, listing
) -> bool:
    """True when the corpus files, their metadata, the model and the build settings are as last built.

    Only the build settings count: the retrieval and answer settings the manifest records change
    nothing in the index.
    """
    return (
        old.model.name == model_name
        and old.settings.build == settings
        and old.qa_version == __version__
        and old.corpus.seen == current
        and list(old.corpus.unsupported) == sorted(str(p) for p in listing.unsupported)
        and sorted((s.path, s.reason) for s in old.skipped if s.sha256 is None)
        == sorted((s.path, s.reason) for s in _listing_skips(listing))
    )


def _listing_skips(listing: CorpusListing) -> list[Skipped]:
    """The files discover() did not hand over for reading: unsupported types, then links,
    odd names, over-size and unreadable files."""
    return [Skipped(str(p), UNSUPPORTED_REASON) for p in listing.unsupported] + [
        Skipped(r.path, r.reason) for r in listing.rejected
    ]


def load_documents(files: list[SourceFile]) -> tuple[list[CleanDocument], list[SourceFile], list[store.SkippedFile]]:
    """Read and clean the files: (documents, their source files, the files skipped and why)."""
    documents: list[CleanDocument] = []
    sources: list[SourceFile] = []
    failed: list[store.SkippedFile] = []
    with BudgetedLoader(MAX_LOAD_SECONDS) as loader:
        for source in files:
            try:
                documents.append(clean(loader.load(source.path), source.meta))
                sources.append(source)
            except DocumentError as exc:
                failed.append(store.SkippedFile(source.doc_id, str(exc), source.sha256))
                log.warning("skipped %s: %s", source.doc_id, exc)
    return documents, sources, failed


def chunk_documents(documents: list[CleanDocument], encoder, chunking: ChunkSettings) -> tuple[list[Chunk], list[str]]:
    """The passages of the documents, in order, and what the model embeds for each.

    `encoder` needs only `count_tokens` and `max_seq_length` (a tokenizer is enough).
    """
    chunks: list[Chunk] = []
    inputs: list[str] = []
    for doc in documents:
        budget = _token_budget(doc, encoder, chunking)
        for chunk in chunk_document(doc, encoder.count_tokens, budget):
            chunks.append(chunk)
            inputs.append(embedding_input(chunk, doc.meta.title))
    return chunks, inputs


def embed_shas(inputs: list[str]) -> list[str]:
    """Per embedding input, the hash a build reuses its vector by."""
    return [_sha(t) for t in inputs]


def _build(listing, current, corpus_dir, index_dir, encoder, chunking, dense_kind, settings, old, progress, started,
           engine=None) -> BuildReport:
    import numpy as np

    from qa.index import dense
    from qa.index.bm25 import BM25Index
    from qa.retrieval import priors as docprior
    from qa.retrieval.expansion import TokenVectors, term_vectors
    from qa.settings import AnswerSettings, RetrievalSettings

    old_docs = old.corpus.documents if old else {}
    skipped = _listing_skips(listing)
    skipped_entries = [store.SkippedFile(s.path, s.reason, None) for s in skipped]
    if engine is None:
        documents, sources, failed = load_documents(listing.files)
        chunks, inputs = chunk_documents(documents, encoder, chunking)
    else:
        # The engine runs load -> clean -> chunk -> embed elsewhere (a Ray cluster); what it hands
        # back is the same, with an encoder that returns the vectors it has already computed.
        known = set(store.IndexFiles(index_dir, old).embed_shas()) if old is not None else set()
        documents, sources, failed, chunks, inputs, encoder = engine.run(listing.files, encoder, chunking, known)
    skipped += [Skipped(f.path, f.reason) for f in failed]
    skipped_entries += failed
    input_shas = embed_shas(inputs)
    over_window = sum(1 for n in encoder.count_tokens(inputs) if n + 2 > encoder.max_seq_length) if inputs else 0

    reuse: dict[str, int] = {}
    old_vectors = None
    if old is not None:
        previous = store.IndexFiles(index_dir, old)
        reuse = {sha: row for row, sha in enumerate(previous.embed_shas())}
        old_vectors = dense.vectors_of(previous.dense())
    vectors = np.zeros((len(chunks), encoder.dimension), dtype=np.float32)
    todo = []
    for row, sha in enumerate(input_shas):
        if sha in reuse and old_vectors is not None and reuse[sha] < len(old_vectors):
            vectors[row] = old_vectors[reuse[sha]]
        else:
            todo.append(row)
    if todo:
        from qa.embed.cache import cache_folder, embed_cached

        vectors[todo] = embed_cached(encoder, [inputs[r] for r in todo], [input_shas[r] for r in todo],
                                     cache_folder(index_dir), progress)

    bm25 = BM25Index.build([c.text for c in chunks])
    terms, term_vecs = term_vectors(bm25, [c.text for c in chunks], TokenVectors.open(encoder.model_dir, encoder.tokenizer()))
    writer = store.IndexWriter(index_dir)
    try:
        writer.passages(chunks, input_shas)
        writer.documents(documents, sources)
        faiss_index = dense.build(vectors, dense_kind)
        writer.dense(faiss_index)
        writer.bm25(bm25)
        writer.terms(terms)
        writer.term_vectors(term_vecs)
        writer.cards([d.meta.doc_id for d in documents], [docprior.card(d) for d in documents])
        described = writer.finish()

        per_doc = {}
        for c in chunks:
            per_doc[c.doc_id] = per_doc.get(c.doc_id, 0) + 1
        manifest = store.Manifest(
            qa_version=__version__,
            created=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            generation=writer.generation,
            versions=_library_versions(),
            model=encoder.info,
            settings=store.SettingsRecord(settings, RetrievalSettings().to_dict(), AnswerSettings().to_dict()),
            dense=store.DenseRecord(kind=dense.kind_of(faiss_index), metric="inner_product", normalized=True),
            bm25=store.BM25Record(library="bm25s", k1=1.2, b=0.75, stemmer="snowball-english", stopwords="en"),
            expansion=store.ExpansionRecord(vectors="input token embeddings, mean over word pieces", terms=len(terms)),
            corpus=store.CorpusRecord(
                dir=str(Path(corpus_dir).resolve()),
                seen=current,
                unsupported=tuple(sorted(str(p) for p in listing.unsupported)),
                documents={
                    s.doc_id: store.DocumentEntry(s.sha256, s.meta_sha256, per_doc.get(s.doc_id, 0)) for s in sources
                },
            ),
            skipped=tuple(skipped_entries),
            counts=store.Counts(
                documents=len(documents),
                passages=len(chunks),
                skipped=len(skipped),
                over_window=over_window,
                embedded=len(todo),
                reused=len(chunks) - len(todo),
            ),
            roles=writer.roles,
            files=described,
        )
        store.commit_manifest(index_dir, manifest)
    except BaseException:
        writer.discard()  # a failed build (a full disk, Ctrl+C) leaves no files behind
        raise

    new_ids = {s.doc_id: s for s in sources}
    added = sorted(d for d in new_ids if d not in old_docs)
    changed = sorted(
        d for d, s in new_ids.items()
        if d in old_docs and (old_docs[d].sha256, old_docs[d].meta_sha256) != (s.sha256, s.meta_sha256)
    )
    removed = sorted(d for d in old_docs if d not in new_ids)
    unchanged = sorted(d for d in new_ids if d in old_docs and d not in changed)
    return BuildReport(
        index_dir=str(index_dir), corpus_dir=str(corpus_dir), up_to_date=False, added=added, changed=changed,
        removed=removed, unchanged=unchanged, skipped=skipped, documents=len(documents), passages=len(chunks),
        embedded=len(todo), reused=len(chunks) - len(todo), over_window=over_window,
        seconds=time.perf_counter() - started, model=encoder.name, warnings=listing.warnings,
    )


def _token_budget(doc: CleanDocument, encoder, chunking: ChunkSettings) -> ChunkSettings:
    """Chunk size for this document so that title + section + passage fit the model window."""
    sections = {s.section for s in doc.segments} | {None}
    heads = [" — ".join(p for p in (doc.meta.title, s) if p) for s in sections]
    prefix = max(encoder.count_tokens(heads)) + 1 if heads else 0
    room = encoder.max_seq_length - 2 - prefix
    return replace(chunking, max_tokens=max(16, min(chunking.max_tokens, room)))


def _library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": sys.version.split()[0]}
    for package in ("faiss-cpu", "bm25s", "numpy", "onnxruntime", "sentence-transformers", "tokenizers"):
        try:
            out[package] = version(package)
        except PackageNotFoundError:
            pass
    return out


__all__ = ["BuildReport", "Skipped", "build_index", "chunk_documents", "embed_shas", "embedding_input", "load_documents", "QAError"]

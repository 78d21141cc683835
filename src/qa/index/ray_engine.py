"""The Ray engine of `qa index --engine ray`: load -> clean -> chunk -> embed as a Ray Data pipeline.

Reading, cleaning and chunking run as Ray tasks (a batch of documents each); embedding runs in
a pool of actors that each load the encoder once. The stages call the local build's own
functions (qa.index.build.load_documents, chunk_documents, embed_shas, handed over as Stages,
so that this module imports nothing of the build; and the encoder), so the
passages and their ids are the same as the local engine's and the vectors equal to within
float rounding. Only passages whose embedding input is not in the previous index are embedded.
Everything else (BM25, term vectors, FAISS, the manifest, the lock and the atomic switch) stays
with qa.index.build on the machine that runs `qa index`, which also writes the index folder.

On a cluster every node reads the documents and the model by the paths the driver sees, so the
corpus folder (and a model given by path) must be on a file system all nodes share.
"""

from __future__ import annotations

import functools
import logging
import os
import socket
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from qa.errors import EngineError, ModelError
from qa.settings import ChunkSettings

if TYPE_CHECKING:
    import numpy as np

    from qa.embed.encoder import Encoder
    from qa.index.store import SkippedFile
    from qa.ingest.chunk import Chunk
    from qa.ingest.clean import CleanDocument
    from qa.ingest.discover import SourceFile

log = logging.getLogger(__name__)

INSTALL_HINT = "the ray engine needs Ray: pip install 'qa[ray]' (or pip install 'ray[data]>=2.9,<3')"
# A Ray started for one run stays small: this machine's cores, a small object store (the
# pipeline's blocks are documents and their vectors), no dashboard, no usage reports.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024
DOCS_PER_TASK = 16  # documents per load/clean/chunk task
DOCS_PER_EMBED_BATCH = 16  # documents whose passages an encoder actor embeds in one call
# Reading and chunking ask for half a core: two such tasks share a core, and the differing
# request keeps Ray Data from fusing them into the encoder actors (they stay tasks, spread
# over the cluster, while the actors only embed).
LIGHT_TASK_CPUS = 0.5


@dataclass(frozen=True)
class _Work:
    """One document on its way through the pipeline (a single object column: Ray Data carries it as is)."""

    source: SourceFile
    document: CleanDocument | None = None
    failed: SkippedFile | None = None
    chunks: tuple[Chunk, ...] = ()
    inputs: tuple[str, ...] = ()
    todo: tuple[bool, ...] = ()  # per passage: its input is not in the previous index
    vectors: np.ndarray | None = None  # rows for the passages marked todo, in order


@dataclass(frozen=True)
class Stages:
    """The local build's stage functions (qa.index.build's), which the Ray tasks run."""

    load_documents: Callable  # files -> (documents, their sources, skipped files)
    chunk_documents: Callable  # (documents, token counter, chunking) -> (chunks, embedding inputs)
    embed_shas: Callable  # embedding inputs -> their hashes


class RayEngine:
    """Runs the build's load -> clean -> chunk -> embed stages on Ray.

    Args:
        stages: the build's own stage functions.
        address: the Ray cluster ("ray://host:10001" or "host:6379"). Defaults to $RAY_ADDRESS;
            without either a local Ray is started for the run and shut down after it.
        progress: show Ray Data's progress bars.
    """

    def __init__(self, stages: Stages, address: str | None = None, *, progress: bool = False) -> None:
        if find_spec("ray") is None:
            raise EngineError(INSTALL_HINT)
        self.stages = stages
        self.address = address or os.environ.get("RAY_ADDRESS") or None
        self.progress = progress

    def run(
        self, files: Sequence[SourceFile], encoder: Encoder, chunking: ChunkSettings, known: set[str]
    ) -> tuple[list[CleanDocument], list[SourceFile], list[SkippedFile], list[Chunk], list[str], PrecomputedEncoder]:
        """(documents, their sources, skipped files, passages, embedding inputs, an encoder holding their vectors).

        Passages whose embedding input hash is in `known` are not embedded (the build reuses
        their previous vectors).
        """
        with _RaySession(self.address):
            works = self._pipeline(list(files), encoder, chunking, known)
        documents, sources, failed, chunks, inputs = [], [], [], [], []
        computed: dict[str, np.ndarray] = {}
        for work in works:
            if work.failed is not None:
                failed.append(work.failed)
                continue
            documents.append(work.document)
            sources.append(work.source)
            chunks.extend(work.chunks)
            inputs.extend(work.inputs)
            todo_inputs = [text for text, todo in zip(work.inputs, work.todo) if todo]
            computed.update(zip(todo_inputs, work.vectors))
        return documents, sources, failed, chunks, inputs, PrecomputedEncoder(encoder, computed)

    def _pipeline(self, files: list[SourceFile], encoder: Encoder, chunking: ChunkSettings, known: set[str]) -> list[_Work]:
        import ray

        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = self.progress
        context.execution_options.preserve_order = True  # documents come back in corpus order
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        known_ref = ray.put(frozenset(known))
        actors = max(1, int(ray.cluster_resources().get("CPU", 1)) - 1)
        dataset = (
            # Positions in, the files by reference: the driver converts no Python objects to Arrow.
            ray.data.range(len(files), override_num_blocks=_blocks(len(files)))
            .map_batches(_load_clean, batch_size=DOCS_PER_TASK, num_cpus=LIGHT_TASK_CPUS,
                         fn_kwargs={"files": ray.put(files), "load_documents": self.stages.load_documents})
            .map_batches(
                _chunk, batch_size=DOCS_PER_TASK, num_cpus=LIGHT_TASK_CPUS,
                fn_kwargs={"model": encoder.name, "fingerprint": encoder.fingerprint,
                           "max_seq_length": encoder.max_seq_length, "chunking": chunking, "known": known_ref,
                           "chunk_documents": self.stages.chunk_documents, "embed_shas": self.stages.embed_shas},
            )
            .map_batches(
                _EncoderActor, batch_size=DOCS_PER_EMBED_BATCH, num_cpus=1,
                compute=ray.data.ActorPoolStrategy(min_size=1, max_size=actors),
                fn_constructor_kwargs={"model": encoder.name, "fingerprint": encoder.fingerprint,
                                       "precision": encoder.precision},
            )
        )
        try:
            return [row["work"] for row in dataset.iter_rows()]
        except ray.exceptions.RayError as exc:
            raise EngineError(f"the Ray pipeline failed: {_cause(exc)}") from exc


class PrecomputedEncoder:
    """The build's encoder with the vectors the pipeline computed: `encode` looks texts up and
    encodes locally only what the pipeline did not (none, unless the previous index was short
    of vectors); everything else is the wrapped encoder's."""

    def __init__(self, encoder: Encoder, vectors: dict[str, np.ndarray]) -> None:
        self.encoder = encoder
        self.vectors = vectors

    def encode(self, texts: Sequence[str], batch_size: int = 32, progress: bool = False, **options) -> np.ndarray:
        """Vectors (len(texts), dimension), float32, unit length, as Encoder.encode."""
        import numpy as np

        texts = list(texts)
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            fresh = self.encoder.encode(missing, batch_size=batch_size, progress=progress, **options)
            self.vectors.update(zip(missing, fresh))
        out = np.zeros((len(texts), self.encoder.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self.vectors[text]
        return out

    def __getattr__(self, name: str):
        # Only reached for what this class does not define: name, info, count_tokens, ...
        return getattr(self.encoder, name)


# ------------------------------------------------------------------------------ the stages
# Module-level functions and a class, so Ray ships them by reference to this module (which
# every worker imports from its own install of qa).


def _load_clean(batch: dict, *, files, load_documents: Callable) -> dict:
    """Ray task: read and clean the documents at a batch of positions in `files`."""
    files = _resolved(files)
    batch_files = [files[int(position)] for position in batch["id"]]
    documents, sources, failed = load_documents(batch_files)
    loaded = {s.doc_id: d for s, d in zip(sources, documents)}
    failures = {f.path: f for f in failed}
    out = [_Work(f, loaded.get(f.doc_id), failures.get(f.doc_id)) for f in batch_files]
    return {"work": _objects(out)}


def _chunk(batch: dict, *, model: str, fingerprint: str, max_seq_length: int, chunking: ChunkSettings, known,
           chunk_documents: Callable, embed_shas: Callable) -> dict:
    """Ray task: cut each document into passages and mark those whose input is not `known`."""
    known = _resolved(known)
    counter = _token_counter(model, fingerprint, max_seq_length)
    out = []
    for work in batch["work"]:
        if work.document is None:
            out.append(work)
            continue
        chunks, inputs = chunk_documents([work.document], counter, chunking)
        todo = tuple(sha not in known for sha in embed_shas(inputs))
        out.append(_Work(work.source, work.document, None, tuple(chunks), tuple(inputs), todo))
    return {"work": _objects(out)}


class _EncoderActor:
    """Ray actor: holds the encoder and embeds the passages marked todo."""

    def __init__(self, model: str, fingerprint: str, precision: str) -> None:
        from qa.embed.encoder import load_encoder

        self.encoder = load_encoder(model, precision=precision)
        _check_fingerprint(model, self.encoder.fingerprint, fingerprint)

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        works = list(batch["work"])
        texts = [t for w in works for t, todo in zip(w.inputs, w.todo) if todo]
        vectors = self.encoder.encode(texts, batch_size=32) if texts else np.zeros((0, self.encoder.dimension), np.float32)
        out, at = [], 0
        for work in works:
            n = sum(work.todo)
            out.append(_Work(work.source, work.document, work.failed, work.chunks, work.inputs, work.todo, vectors[at : at + n]))
            at += n
        return {"work": _objects(out)}


class _TokenCounter:
    """What chunking needs of an encoder: the tokenizer's counts and the model window."""

    def __init__(self, model_dir: Path, max_seq_length: int) -> None:
        from qa.embed.encoder import load_tokenizer

        self.tokenizer = load_tokenizer(model_dir)
        self.max_seq_length = max_seq_length

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Word pieces per text, without the model's special tokens (as Encoder.count_tokens)."""
        if not texts:
            return []
        return [len(e.ids) for e in self.tokenizer.encode_batch(list(texts), add_special_tokens=False)]


@functools.lru_cache(maxsize=4)
def _token_counter(model: str, fingerprint: str, max_seq_length: int) -> _TokenCounter:
    """One tokenizer per worker process and model (workers run many tasks)."""
    from qa.embed.encoder import fingerprint as fingerprint_of, resolve_model_path

    model_dir = resolve_model_path(model)
    _check_fingerprint(model, fingerprint_of(model_dir), fingerprint)
    return _TokenCounter(model_dir, max_seq_length)


def _check_fingerprint(model: str, found: str, expected: str) -> None:
    """A worker must use the very model the driver records in the manifest."""
    if found != expected:
        raise ModelError(
            f"the model {model!r} on this Ray worker ({socket.gethostname()}) differs from the one of the build "
            f"(fingerprint {found} != {expected}): install the same model on every node"
        )


def _resolved(value):
    """A task argument that Ray may hand over as the object reference it was put as."""
    import ray

    return ray.get(value) if isinstance(value, ray.ObjectRef) else value


def _objects(items: list) -> np.ndarray:
    """A numpy object column holding the items as they are (np.array would unpack dataclasses' sequences)."""
    import numpy as np

    column = np.empty(len(items), dtype=object)
    for row, item in enumerate(items):
        column[row] = item
    return column


def _blocks(n: int) -> int:
    """Input blocks: enough for the tasks to spread over the workers, not one per file."""
    return max(1, min(200, -(-n // DOCS_PER_TASK)))


def _cause(exc: BaseException) -> str:
    """The first line of the innermost error a Ray failure wraps."""
    cause = getattr(exc, "cause", None) or exc.__cause__ or exc
    return str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__


# ------------------------------------------------------------------------------ the session


class _RaySession:
    """Connect to the cluster at `address`, or start a light local Ray; shut down only what it started."""

    def __init__(self, address: str | None) -> None:
        self.address = address
        self.started = False

    def __enter__(self) -> _RaySession:
        import ray

        if ray.is_initialized():
            return self  # the caller's own Ray session (a test, a notebook): use it, leave it running
        try:
            if self.address is None:
                start_local_ray(os.cpu_count() or 1)
            else:
                os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
                ray.init(address=self.address, logging_level=logging.WARNING, log_to_driver=False)
        except Exception as exc:  # ConnectionError, RuntimeError, ValueError: all mean "no cluster"
            where = f"the Ray cluster at {self.address}" if self.address else "a local Ray"
            raise EngineError(f"cannot start or reach {where}: {exc}") from exc
        self.started = True
        return self

    def __exit__(self, *exc_info) -> None:
        if self.started:
            import ray

            ray.shutdown()


def start_local_ray(num_cpus: int, object_store_bytes: int = LOCAL_OBJECT_STORE_BYTES, attempts: int = 2) -> None:
    """Start a light Ray on this machine and connect to it: `num_cpus` workers, a small object store,
    no dashboard, no usage reports.

    A second attempt follows a failed start: Ray gives its node a fixed 30 s to come up, which a
    machine under load can miss.
    """
    import ray

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    for attempt in range(1, attempts + 1):
        try:
            # "local": a new Ray of our own; without it ray.init would join whatever Ray was last
            # started on this machine (/tmp/ray/ray_current_cluster), someone else's included.
            ray.init(address="local", num_cpus=num_cpus, object_store_memory=object_store_bytes,
                     include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
            return
        except Exception as exc:
            ray.shutdown()  # stops whatever part of the node did start
            if attempt == attempts:
                raise
            log.warning("starting a local Ray failed (%s); trying again", exc)

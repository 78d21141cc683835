"""Export a sentence-transformers model to an ONNX folder, verified against sentence-transformers.

Runs once per model (``qa.embed.encoder`` calls :func:`export_onnx` when the cache holds no
export yet), with torch, transformers and sentence-transformers installed, plus ``onnxscript``,
which the torch ONNX exporter needs. It converts the transformer of the model folder to
``model.onnx``, writes the tokenizer exactly as sentence-transformers configures it, records
pooling and normalisation in ``encoder.json``, and refuses to publish the export unless
:class:`qa.embed.onnx.OnnxEncoder` reproduces the sentence-transformers embeddings (cosine >
0.9999 on every verification text). The folder layout is described in :mod:`qa.embed.onnx`.

Why not sentence-transformers' own ``backend="onnx"``: it needs optimum-onnx, whose every
release pins transformers < 4.58, while sentence-transformers 6 needs transformers >= 5.

Nothing heavy is imported at module import time.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.embed.onnx import (
    FORMAT_VERSION,
    META_FILE,
    MODEL_FILE,
    OUTPUT_NAME,
    SUPPORTED_POOLING,
    TOKENIZER_FILE,
    OnnxEncoder,
)
from qa.errors import ModelError

__all__ = ["VERIFY_MAX_NORM_REL_DIFF", "VERIFY_MIN_COSINE", "export_onnx"]

#: An export is published only if every verification text reaches this cosine similarity.
VERIFY_MIN_COSINE = 0.9999
#: ...and its vector length is within this relative tolerance (catches e.g. sum vs mean pooling,
#: which cosine similarity alone cannot see when the model does not normalise).
VERIFY_MAX_NORM_REL_DIFF = 1e-3

_LEGACY_POOLING_KEYS = {
    "pooling_mode_cls_token": "cls",
    "pooling_mode_max_tokens": "max",
    "pooling_mode_mean_tokens": "mean",
    "pooling_mode_mean_sqrt_len_tokens": "mean_sqrt_len_tokens",
    "pooling_mode_weightedmean_tokens": "weightedmean",
    "pooling_mode_lasttoken": "lasttoken",
}
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
_ONNX_OPSET = 18


# --------------------------------------------------------------------------------------------
# Reading a sentence-transformers model folder
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ModelSpec:
    """What export_onnx learns from the model folder's configuration files."""

    model_dir: Path
    transformer_dir: Path
    pooling: str
    normalize: bool
    max_seq_length: int | None
    pooling_dimension: int | None
    weights_path: Path


def _read_json(path: Path, what: str) -> Any:
    try:
        with path.open("r", encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        raise ModelError(
            f"{what} not found: {path}. Point to a complete sentence-transformers model folder "
            "(the one holding modules.json)."
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{what} cannot be read ({path}: {exc}). Restore the file or re-download the model.") from exc


def _module_kind(type_name: str) -> str:
    # "sentence_transformers.models.Pooling", "sentence_transformers.base.modules.normalize.Normalize", ...
    return type_name.rsplit(".", 1)[-1]


def _pooling_mode(config: dict[str, Any], path: Path) -> str:
    mode = config.get("pooling_mode")
    if mode is None:
        modes = [name for key, name in _LEGACY_POOLING_KEYS.items() if config.get(key)]
    elif isinstance(mode, str):
        modes = [mode]
    elif isinstance(mode, list | tuple):
        modes = [str(m) for m in mode]
    else:
        raise ModelError(f"{path}: 'pooling_mode' must be a string or a list, not {mode!r}. Fix the pooling config.")
    if not modes:
        raise ModelError(f"{path} enables no pooling mode. Enable exactly one of {', '.join(SUPPORTED_POOLING)}.")
    if len(modes) > 1:
        raise ModelError(
            f"{path} combines pooling modes {modes}; only a single mode ({', '.join(SUPPORTED_POOLING)}) "
            "can be exported. Use the sentence-transformers backend for this model."
        )
    if modes[0] not in SUPPORTED_POOLING:
        raise ModelError(
            f"{path} uses pooling mode {modes[0]!r}; the ONNX encoder supports {', '.join(SUPPORTED_POOLING)}. "
            "Use the sentence-transformers backend for this model."
        )
    return modes[0]


def transformer_dir(model_dir: Path) -> Path:
    """The folder of a sentence-transformers model's Transformer module (ModelError when unsupported)."""
    return _read_model_spec(model_dir).transformer_dir


def _read_model_spec(model_dir: Path) -> _ModelSpec:
    if not model_dir.is_dir():
        raise ModelError(f"Model folder not found: {model_dir}. Pass the folder of a sentence-transformers model.")
    modules = _read_json(model_dir / "modules.json", "modules.json")
    if not isinstance(modules, list) or not all(isinstance(m, dict) for m in modules):
        raise ModelError(f"{model_dir / 'modules.json'} is not a list of modules. Restore the model folder.")
    modules = sorted(modules, key=lambda m: int(m.get("idx", 0)))
    kinds = [_module_kind(str(m.get("type", ""))) for m in modules]
    if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
        raise ModelError(
            f"{model_dir} has modules {kinds}; the ONNX encoder supports Transformer -> Pooling "
            "[-> Normalize] only. Use the sentence-transformers backend for this model."
        )
    transformer_dir = model_dir / str(modules[0].get("path", ""))
    pooling_path = model_dir / str(modules[1].get("path", "")) / "config.json"
    pooling_config = _read_json(pooling_path, "Pooling config")
    if not isinstance(pooling_config, dict):
        raise ModelError(f"{pooling_path} is not a JSON object. Restore the model folder.")
    pooling = _pooling_mode(pooling_config, pooling_path)
    dim = pooling_config.get("embedding_dimension", pooling_config.get("word_embedding_dimension"))

    max_seq_length: int | None = None
    sbert_path = transformer_dir / "sentence_bert_config.json"
    if sbert_path.exists():
        sbert = _read_json(sbert_path, "sentence_bert_config.json")
        value = sbert.get("max_seq_length") if isinstance(sbert, dict) else None
        if value is not None:
            if not isinstance(value, int) or value < 2:
                raise ModelError(f"{sbert_path}: max_seq_length {value!r} is not a usable length. Fix the file.")
            max_seq_length = value

    for name in _WEIGHT_FILES:
        weights = transformer_dir / name
        if weights.is_file():
            break
    else:
        raise ModelError(
            f"No {' or '.join(_WEIGHT_FILES)} in {transformer_dir} (sharded checkpoints are not supported). "
            "Re-download the model, or save it as a single weights file."
        )
    return _ModelSpec(
        model_dir=model_dir,
        transformer_dir=transformer_dir,
        pooling=pooling,
        normalize=kinds[-1] == "Normalize",
        max_seq_length=max_seq_length,
        pooling_dimension=int(dim) if isinstance(dim, int) else None,
        weights_path=weights,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


# --------------------------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------------------------


def export_onnx(model_dir: Path, out_dir: Path) -> Path:
    """Export the sentence-transformers model in ``model_dir`` to an ONNX folder ``out_dir``.

    Needs torch, transformers, sentence-transformers and onnxscript (export time only). The
    folder is built in a temporary sibling directory, verified against sentence-transformers,
    and only then moved into place with ``os.replace``; an existing export at ``out_dir`` is
    replaced. Returns ``out_dir`` (the folder to give :class:`OnnxEncoder`).

    Raises:
        ModelError: unsupported or unreadable model, missing export dependency, failed export,
            or embeddings that do not match sentence-transformers (nothing is left behind).
    """
    model_dir = Path(model_dir).resolve()
    out_dir = Path(out_dir).resolve()
    spec = _read_model_spec(model_dir)
    _check_out_dir(out_dir)

    import importlib.util

    if importlib.util.find_spec("onnxscript") is None:
        raise ModelError(
            "Exporting needs the 'onnxscript' package (used by torch.onnx's exporter, export time only): "
            "pip install onnxscript"
        )

    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    except OSError as exc:
        raise ModelError(f"Cannot create a folder next to {out_dir} ({exc}). Choose a writable location.") from exc
    try:
        fingerprint = _sha256(spec.weights_path)
        reference = _load_reference(model_dir)
        meta = _export_into(spec, reference, tmp)
        meta["source"] = {
            "model_dir": str(model_dir),
            "weights_file": spec.weights_path.name,
            "weights_sha256": fingerprint,
        }
        _write_json(tmp / META_FILE, meta)
        _verify(reference, tmp)
        if _sha256(spec.weights_path) != fingerprint:
            raise ModelError(f"{spec.weights_path} changed during the export. Run export_onnx again.")
        _fsync_tree(tmp)
        os.chmod(tmp, 0o755)
        _publish(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir


def _check_out_dir(out_dir: Path) -> None:
    if out_dir.exists():
        if not out_dir.is_dir():
            raise ModelError(f"{out_dir} exists and is not a folder. Choose another output folder.")
        if any(out_dir.iterdir()) and not (out_dir / META_FILE).exists():
            raise ModelError(
                f"{out_dir} is not empty and is not an ONNX export (no {META_FILE}); refusing to replace it. "
                "Choose an empty or new output folder."
            )


def _load_reference(model_dir: Path) -> Any:
    """The sentence-transformers model: the ground truth the export must reproduce."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelError(
            f"Exporting needs sentence-transformers and torch ({exc}). Install the project's full dependencies."
        ) from exc
    try:
        model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
    except Exception as exc:  # any loading failure means the same to the user
        raise ModelError(f"sentence-transformers cannot load {model_dir} ({exc}). Check the model folder.") from exc
    model.eval()
    if getattr(model, "default_prompt_name", None):
        raise ModelError(
            f"{model_dir} applies the default prompt {model.default_prompt_name!r}, which the ONNX encoder "
            "does not add. Use the sentence-transformers backend for this model."
        )
    if getattr(model, "truncate_dim", None):
        raise ModelError(f"{model_dir} truncates embeddings (truncate_dim); the ONNX encoder does not.")
    tokenizer = getattr(model, "tokenizer", None)
    if tokenizer is None or not getattr(tokenizer, "is_fast", False):
        raise ModelError(
            f"{model_dir} has no fast (tokenizer.json-backed) tokenizer, which the ONNX encoder needs. "
            "Use the sentence-transformers backend for this model."
        )
    return model


def _export_into(spec: _ModelSpec, reference: Any, folder: Path) -> dict[str, Any]:
    """Write model.onnx and tokenizer.json into ``folder``; return encoder.json's content (sans source)."""
    import inspect
    import logging
    import warnings

    import torch
    import transformers
    from transformers import AutoModel

    tokenizer = reference.tokenizer
    max_seq_length = spec.max_seq_length if spec.max_seq_length is not None else reference.max_seq_length
    if not isinstance(max_seq_length, int) or max_seq_length < 2:
        raise ModelError(f"{spec.model_dir} has no usable max_seq_length. Set it in sentence_bert_config.json.")

    try:
        model = AutoModel.from_pretrained(
            str(spec.transformer_dir), dtype=torch.float32, local_files_only=True, attn_implementation="eager"
        )
    except Exception as exc:
        raise ModelError(f"transformers cannot load {spec.transformer_dir} ({exc}). Check the model folder.") from exc
    model.eval()

    accepts = inspect.signature(model.forward).parameters
    use_token_types = "token_type_ids" in tokenizer.model_input_names and "token_type_ids" in accepts
    input_names = ["input_ids", "attention_mask"] + (["token_type_ids"] if use_token_types else [])

    class _Transformer(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden: torch.Tensor = self.inner(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return hidden

    class _TransformerWithTypes(_Transformer):
        def forward(  # type: ignore[override]
            self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
        ) -> torch.Tensor:
            hidden: torch.Tensor = self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            return hidden

    wrapper = (_TransformerWithTypes if use_token_types else _Transformer)(model).eval()

    # A sample batch of 2 rows of different lengths (never 1: the exporter would specialise on it).
    sample = tokenizer(
        ["a short sample", "a somewhat longer sample sentence used to trace the transformer for export"],
        padding=True,
        truncation=True,
        max_length=max_seq_length,
        return_tensors="pt",
    )
    args = tuple(sample[name].to(torch.int64) for name in input_names)
    with torch.no_grad():
        probe = wrapper(*args)
    dimension = int(probe.shape[-1])
    get_dim = getattr(reference, "get_embedding_dimension", None) or reference.get_sentence_embedding_dimension
    expected_dim = get_dim()
    if expected_dim is not None and int(expected_dim) != dimension:
        raise ModelError(
            f"{spec.model_dir}: the transformer outputs {dimension} dimensions but the model embeds in "
            f"{expected_dim}. Use the sentence-transformers backend for this model."
        )

    batch = torch.export.Dim("batch")
    max_positions = getattr(model.config, "max_position_embeddings", None)
    if isinstance(max_positions, int) and max_positions >= max_seq_length:
        seq = torch.export.Dim("sequence", max=max_positions)
    else:
        seq = torch.export.Dim("sequence")
    dynamic_shapes = {name: {0: batch, 1: seq} for name in input_names}
    param_bytes = sum(p.numel() * p.element_size() for p in model.parameters())
    onnx_path = folder / MODEL_FILE
    onnx_logger = logging.getLogger("torch.onnx")
    previous_level = onnx_logger.level
    onnx_logger.setLevel(logging.ERROR)  # "torchvision is not installed" notices and the like
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                wrapper,
                args,
                str(onnx_path),
                input_names=input_names,
                output_names=[OUTPUT_NAME],
                dynamic_shapes=dynamic_shapes,
                opset_version=_ONNX_OPSET,
                dynamo=True,
                external_data=param_bytes > 1_500_000_000,  # protobuf's 2 GB limit
                optimize=True,
                verbose=False,
            )
    except Exception as exc:  # exporter failures come in many types
        raise ModelError(
            f"torch.onnx.export failed for {spec.transformer_dir} ({type(exc).__name__}: {exc}). "
            "Use the sentence-transformers backend for this model."
        ) from exc
    finally:
        onnx_logger.setLevel(previous_level)
    if not onnx_path.is_file():
        raise ModelError(f"torch.onnx.export wrote no {MODEL_FILE}. Use the sentence-transformers backend.")

    tokenizer.backend_tokenizer.save(str(folder / TOKENIZER_FILE))
    pad_id = tokenizer.pad_token_id
    return {
        "format": FORMAT_VERSION,
        "pooling": spec.pooling,
        "normalize": spec.normalize,
        "max_seq_length": max_seq_length,
        "dimension": dimension,
        "token_type_ids": use_token_types,
        "input_names": input_names,
        "output_name": OUTPUT_NAME,
        "pad_token_id": int(pad_id) if pad_id is not None else 0,
        "pad_token_type_id": int(getattr(tokenizer, "pad_token_type_id", 0) or 0),
        "padding_side": str(getattr(tokenizer, "padding_side", "right")),
        "truncation_side": str(getattr(tokenizer, "truncation_side", "right")),
        "exporter": {
            "method": "torch.onnx.export(dynamo=True)",
            "opset": _ONNX_OPSET,
            "torch": torch.__version__,
            "transformers": transformers.__version__,
        },
    }


def _verification_texts(max_seq_length: int) -> list[str]:
    sentence = (
        "The committee reviewed the quarterly budget, approved two new projects and postponed "
        "the decision on the regional office until the next meeting. "
    )
    long_text = sentence * max(4, (3 * max_seq_length) // 20)  # well past max_seq_length tokens
    return [
        "",
        "hi",
        "What is the capital of France?",
        "how do I reset my password",
        "  leading and trailing spaces  ",
        "UPPER CASE AND MiXeD cAsE Words",
        "Numbers: 3.14159, 2,718 and 1e-9; code: `x = f(y) + 1`.",
        "Qu'est-ce que la pâte feuilletée ? Crème brûlée, façade, naïve.",
        "Größenordnung der Straßenbahn über München",
        "Как работает фотосинтез у растений?",
        "東京は日本の首都です。天気はどうですか？",
        "机器学习模型如何处理自然语言？",
        "مرحبا بالعالم، كيف حالك اليوم؟",
        "Emoji test 😀🚀 — with an em dash… and “smart quotes”.",
        "tab\tseparated\nnew line\r\nwindows line",
        sentence.strip(),
        sentence * 3,
        long_text,
        "word " * (2 * max_seq_length),
        ("Ünïcödé lóng téxt with äccents " * max_seq_length).strip(),
    ]


def _verify(reference: Any, folder: Path) -> None:
    """Compare the export in ``folder`` with sentence-transformers; raise ModelError on mismatch."""
    import numpy as np

    encoder = OnnxEncoder(folder)
    texts = _verification_texts(encoder.max_seq_length)

    # Same token ids as sentence-transformers (which truncates to max_seq_length).
    expected_ids = reference.tokenizer(texts, truncation=True, max_length=encoder.max_seq_length)["input_ids"]
    got_ids = encoder.token_ids(texts)
    for i, (want, got) in enumerate(zip(expected_ids, got_ids, strict=True)):
        if list(want) != list(got):
            raise ModelError(
                f"ONNX export rejected: tokenizer.json tokenises verification text #{i} differently from "
                "sentence-transformers. Use the sentence-transformers backend for this model."
            )

    want_vecs = np.asarray(
        reference.encode(texts, batch_size=8, convert_to_numpy=True, show_progress_bar=False), dtype=np.float64
    )
    got_vecs = encoder.encode(texts, batch_size=8).astype(np.float64)
    del encoder
    if got_vecs.shape != want_vecs.shape or not np.isfinite(got_vecs).all():
        raise ModelError(
            f"ONNX export rejected: embeddings of shape {got_vecs.shape} (finite={np.isfinite(got_vecs).all()}) "
            f"instead of {want_vecs.shape}. Use the sentence-transformers backend for this model."
        )
    want_norm = np.linalg.norm(want_vecs, axis=1)
    got_norm = np.linalg.norm(got_vecs, axis=1)
    cosine = (want_vecs * got_vecs).sum(axis=1) / np.maximum(want_norm * got_norm, 1e-30)
    norm_diff = np.abs(got_norm - want_norm) / np.maximum(want_norm, 1e-30)
    worst = int(np.argmin(cosine))
    if cosine[worst] <= VERIFY_MIN_COSINE or norm_diff.max() > VERIFY_MAX_NORM_REL_DIFF:
        raise ModelError(
            f"ONNX export rejected: it does not reproduce sentence-transformers (lowest cosine "
            f"{cosine[worst]:.6f} on verification text #{worst}, largest relative norm difference "
            f"{norm_diff.max():.2e}); the export was deleted. Use the sentence-transformers backend."
        )


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _fsync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        if path.is_file():
            with path.open("rb") as fh:
                os.fsync(fh.fileno())
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(tmp: Path, out_dir: Path) -> None:
    """Move the finished export into place; a previous export is replaced, never half-overwritten."""
    try:
        if not out_dir.exists():
            os.replace(tmp, out_dir)
            return
        _check_out_dir(out_dir)
        old = out_dir.parent / f".{out_dir.name}.old-{uuid.uuid4().hex[:12]}"
        os.replace(out_dir, old)
        try:
            os.replace(tmp, out_dir)
        except BaseException:
            os.replace(old, out_dir)
            raise
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise ModelError(f"Cannot move the export into {out_dir} ({exc}). Check permissions and free space.") from exc

"""Dynamic int8 quantisation of the encoder's graph, with ONNX Runtime's own quantiser.

Only weight matrices are quantised (int8, one scale per output channel); activations are
quantised on the fly per batch, and the embedding tables, the products of two activations inside
attention, layer norms and pooling stay float32. For a BERT model the fused graph
(`qa.embed.fused`) is quantised, its Attention nodes included (ONNX Runtime's QAttention):
`model.fused.int8.onnx`, used once it reproduces the float32 export to cosine INT8_MIN_COSINE.
Otherwise the export's MatMul weights are: `model.int8.onnx`. On this project's 2-core CPU the
fused int8 graph ran MiniLM-L6 2.0x as fast as the float32 export, the export's int8 copy 1.5x,
at a cosine of about 0.99 to the float32 vectors (`benchmarks/bench_encode.py`).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from qa.embed.onnx import INT8_MODEL_FILE, MODEL_FILE
from qa.errors import ModelError

log = logging.getLogger(__name__)

FUSED_INT8_MODEL_FILE = "model.fused.int8.onnx"
# int8 weights alone move MiniLM's vectors to a cosine of about 0.99 (min 0.982 on SciFact
# passages, 0.979 for the one-letter check text with either int8 graph); a graph below this on
# the check texts is broken, not merely quantised.
INT8_MIN_COSINE = 0.97
_FLOAT = 1  # onnx.TensorProto.FLOAT


def int8_model(onnx_dir: Path, model_dir: Path) -> Path:
    """The encoder's int8 graph in ``onnx_dir``: the fused graph quantised when the model has one
    and it passes the check, else the export's int8 copy (each built once)."""
    from qa.embed.fused import fused_model

    fused = fused_model(onnx_dir, model_dir)
    if fused is not None:
        try:
            return _quantise_fused(Path(onnx_dir), fused)
        except ModelError as exc:
            log.info("no fused int8 graph for %s (%s): quantising the export", model_dir, exc)
    return quantize_int8(onnx_dir)


def _quantise_fused(onnx_dir: Path, fused: Path) -> Path:
    target = onnx_dir / FUSED_INT8_MODEL_FILE
    if target.is_file():
        return target
    from qa.embed.fused import write_checked

    log.warning("quantising %s to int8 once, into %s", fused, target)
    # The fused graph's weights come from initialisers the shape inference cannot type alone.
    options = {"MatMulConstBOnly": True, "DefaultTensorType": _FLOAT}
    write_checked(onnx_dir, target, lambda path: _quantise(fused, path, ["MatMul", "Attention"], options),
                  INT8_MIN_COSINE)
    return target


def quantize_int8(onnx_dir: Path) -> Path:
    """Write ``onnx_dir``/model.int8.onnx from its model.onnx (once; atomic), and return its path."""
    onnx_dir = Path(onnx_dir)
    target = onnx_dir / INT8_MODEL_FILE
    if target.is_file():
        return target
    source = onnx_dir / MODEL_FILE
    if not source.is_file():
        raise ModelError(f"{source} not found: export the model to ONNX before quantising it")
    tmp = onnx_dir / f".{INT8_MODEL_FILE}.tmp-{os.getpid()}"
    log.warning("quantising %s to int8 once, into %s", source, target)
    try:
        _quantise(source, tmp, ["MatMul"], {})
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _quantise(source: Path, target: Path, op_types: list[str], options: dict) -> None:
    """ONNX Runtime's dynamic quantisation of `op_types`' weights, int8 per channel; ModelError on failure."""
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise ModelError(f"int8 quantisation needs onnxruntime.quantization and onnx ({exc})") from exc
    # The quantiser logs a hint about shape-inference preprocessing at WARNING on the root logger.
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=op_types, extra_options=options)
    except Exception as exc:
        raise ModelError(f"int8 quantisation of {source} failed ({type(exc).__name__}: {exc})") from exc
    finally:
        root.setLevel(level)

"""Dynamic int8 quantisation of an ONNX export, with ONNX Runtime's own quantiser.

Only the weight matrices of MatMul nodes are quantised (int8, one scale per output channel);
activations are quantised on the fly per batch, and the embedding tables, attention products,
layer norms and pooling stay float32. On this project's 2-core CPU that runs MiniLM-L6 about
twice as fast as float32, at a cosine of about 0.99 to the float32 vectors.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from qa.embed.onnx import INT8_MODEL_FILE, MODEL_FILE
from qa.errors import ModelError

log = logging.getLogger(__name__)


def quantize_int8(onnx_dir: Path) -> Path:
    """Write ``onnx_dir``/model.int8.onnx from its model.onnx (once; atomic), and return its path."""
    onnx_dir = Path(onnx_dir)
    target = onnx_dir / INT8_MODEL_FILE
    if target.is_file():
        return target
    source = onnx_dir / MODEL_FILE
    if not source.is_file():
        raise ModelError(f"{source} not found: export the model to ONNX before quantising it")
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise ModelError(f"int8 quantisation needs onnxruntime.quantization and onnx ({exc})") from exc
    tmp = onnx_dir / f".{INT8_MODEL_FILE}.tmp-{os.getpid()}"
    log.warning("quantising %s to int8 once, into %s", source, target)
    # The quantiser logs a hint about shape-inference preprocessing at WARNING on the root logger.
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        quantize_dynamic(str(source), str(tmp), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul"])
        os.replace(tmp, target)
    except Exception as exc:
        raise ModelError(f"int8 quantisation of {source} failed ({type(exc).__name__}: {exc})") from exc
    finally:
        root.setLevel(level)
        tmp.unlink(missing_ok=True)
    return target

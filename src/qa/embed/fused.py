"""A faster graph of the same BERT encoder: ONNX Runtime's fused Attention operator, built from the weights.

The exported `model.onnx` spells attention out in a dozen operators per layer, which ONNX
Runtime does not fuse. For a BERT model (MiniLM among them) `model.fused.onnx` is built beside it
straight from the safetensors weights (`qa.answering.bert_graph.encoder_graph`): one Attention
node per layer, layer norms and GELU fused by ONNX Runtime. A single question encodes about 13%
faster and a padded batch of passages as much (`benchmarks/bench_retrieval.py`).

The fused graph is used only once it has reproduced the export on a few texts, padded batches
included (cosine >= VERIFY_MIN_COSINE). Any other model, or one that fails the check, keeps the
export: an INFO log line says why, and nothing else changes.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable

from qa.errors import ModelError

log = logging.getLogger(__name__)

FUSED_MODEL_FILE = "model.fused.onnx"
# The fused and exported graphs differ only in the order of floating-point sums.
VERIFY_MIN_COSINE = 0.99999
_VERIFY_TEXTS = (
    "Which bank is Russia's largest?",
    "Sberbank, Russia's largest bank, was cut off from the dollar system.",
    "A longer passage, so that the check pads the shorter texts of its batch: the negotiations in "
    "Istanbul were the sixth meeting of the two delegations since the war began, and neither side "
    "expected a quick agreement on the status of the contested regions.",
    "x",
)


def fused_model(onnx_dir: Path, model_dir: Path) -> Path | None:
    """`onnx_dir`/model.fused.onnx (built and verified once), or None when the model is not a BERT
    model the fused graph can express, or the graph does not reproduce the export."""
    target = Path(onnx_dir) / FUSED_MODEL_FILE
    if target.is_file():
        return target
    try:
        _build(Path(onnx_dir), Path(model_dir), target)
    except ModelError as exc:
        log.info("no fused encoder graph for %s (%s): using the export", model_dir, exc)
        return None
    return target


def write_checked(onnx_dir: Path, target: Path, write: Callable[[Path], None], min_cosine: float) -> None:
    """Write a graph with `write(path)` beside the export and keep it as `target` (atomically) only
    when it reproduces the export to `min_cosine`; ModelError otherwise."""
    tmp = onnx_dir / f".{target.name}.tmp-{os.getpid()}"
    try:
        write(tmp)
        reproduces_export(onnx_dir, tmp, min_cosine)
        os.replace(tmp, target)
    except OSError as exc:
        raise ModelError(f"{target.name} cannot be written into {onnx_dir} ({exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)


def reproduces_export(onnx_dir: Path, graph: Path, min_cosine: float) -> None:
    """Raise ModelError unless `graph` (a file in `onnx_dir`) gives the export's vectors for a few
    texts, padded batches included, to at least `min_cosine`."""
    import numpy as np

    from qa.embed.onnx import MODEL_FILE, OnnxEncoder

    texts = list(_VERIFY_TEXTS)
    built = OnnxEncoder(onnx_dir, model_file=graph.name, threads=1).encode(texts, batch_size=4)
    exported = OnnxEncoder(onnx_dir, model_file=MODEL_FILE, threads=1).encode(texts, batch_size=4)
    cosine = float(np.min(np.sum(built * exported, axis=1) / (
        np.linalg.norm(built, axis=1) * np.linalg.norm(exported, axis=1))))
    if not cosine >= min_cosine:
        raise ModelError(f"{graph.name} reproduces the export only to cosine {cosine:.6f}")


def _build(onnx_dir: Path, model_dir: Path, target: Path) -> None:
    from qa.answering.bert_graph import BertConfig, encoder_graph

    config = BertConfig.read(model_dir / "config.json")  # ModelError for anything but BERT with GELU
    weights_file = model_dir / "model.safetensors"
    if not weights_file.is_file():
        raise ModelError(f"no {weights_file.name} in {model_dir}")
    try:
        import onnx
        from safetensors.numpy import load_file

        weights = {k.removeprefix("bert."): v for k, v in load_file(str(weights_file)).items()}
    except (ImportError, OSError, ValueError) as exc:
        raise ModelError(f"the weights cannot be read ({exc})") from exc
    write_checked(onnx_dir, target, lambda path: onnx.save(encoder_graph(config, weights), str(path)),
                  VERIFY_MIN_COSINE)

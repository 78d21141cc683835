"""A BERT encoder's forward pass in numpy, for the span reader.

The reader reads one or a few short (question, sentence) pairs per answer. For inputs that
small, six layers of 384-wide matrix products take a few milliseconds in numpy, and the reader
then needs neither torch nor transformers at run time (importing them costs seconds). The
weights are read from safetensors files, never unpickled. `tests/answering/test_minilm.py`
checks the output against transformers' BertModel.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import numpy as np
import numpy.typing as npt

from qa.errors import ModelError

Array = npt.NDArray[np.float32]

# Abramowitz and Stegun 7.1.26: erf to within 1.5e-7, so GELU matches BERT's exact (erf) GELU.
_P = 0.3275911
_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def _erf(x: Array) -> Array:
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + _P * x)
    poly = ((((_A[4] * t + _A[3]) * t + _A[2]) * t + _A[1]) * t + _A[0]) * t
    return (sign * (1.0 - poly * np.exp(-x * x))).astype(np.float32)


def _gelu(x: Array) -> Array:
    return (0.5 * x * (1.0 + _erf(x / np.float32(np.sqrt(2.0))))).astype(np.float32)


def _layer_norm(x: Array, weight: Array, bias: Array, eps: float) -> Array:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return ((x - mean) / np.sqrt(var + eps) * weight + bias).astype(np.float32)


@dataclass(frozen=True)
class BertConfig:
    hidden: int
    heads: int
    layers: int
    eps: float
    max_positions: int

    @classmethod
    def read(cls, path: Path) -> BertConfig:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("model_type") != "bert" or data.get("hidden_act") != "gelu":
                raise ModelError(f"{path}: the span reader runs BERT models with GELU only")
            return cls(
                hidden=int(data["hidden_size"]), heads=int(data["num_attention_heads"]),
                layers=int(data["num_hidden_layers"]), eps=float(data.get("layer_norm_eps", 1e-12)),
                max_positions=int(data["max_position_embeddings"]),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"{path} is not a usable BERT config: {exc}") from exc


class Bert:
    """BertModel's last hidden state for a padded batch, from a state dict of float32 arrays."""

    def __init__(self, config: BertConfig, weights: Mapping[str, np.ndarray]) -> None:
        self.config = config
        try:
            self.w = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in weights.items()}
            for name in ("word_embeddings", "position_embeddings", "token_type_embeddings"):
                self.w[f"embeddings.{name}.weight"]
            for i in range(config.layers):
                self.w[f"encoder.layer.{i}.output.LayerNorm.bias"]
            # Linear layers keep torch's (out, in) layout; transpose once for x @ W. Query, key and
            # value are one product per layer (fewer, wider products use BLAS better). The
            # torch-layout matrices are then dropped: only their transposes are used.
            self.t = {k[: -len(".weight")]: self.w.pop(k).T.copy() for k in list(self.w) if k.endswith("dense.weight")}
            for i in range(config.layers):
                p = f"encoder.layer.{i}.attention.self."
                parts = ("query", "key", "value")
                self.t[p + "qkv"] = np.concatenate([self.w.pop(p + n + ".weight").T for n in parts], axis=1)
                self.w[p + "qkv.bias"] = np.concatenate([self.w.pop(p + n + ".bias") for n in parts])
        except KeyError as exc:
            raise ModelError(f"the BERT weights lack {exc}") from exc

    def _linear(self, x: Array, name: str) -> Array:
        # One 2-D contiguous product: numpy's stacked or strided matmul skips BLAS and is 100x slower.
        flat = np.ascontiguousarray(x).reshape(-1, x.shape[-1])
        return (flat @ self.t[name] + self.w[name + ".bias"]).reshape(*x.shape[:-1], -1)

    def __call__(self, input_ids: np.ndarray, attention_mask: np.ndarray, token_type_ids: np.ndarray) -> Array:
        c, w = self.config, self.w
        batch, length = input_ids.shape
        if length > c.max_positions:
            raise ModelError(f"input of {length} tokens is longer than the model's {c.max_positions}")
        x = (
            w["embeddings.word_embeddings.weight"][input_ids]
            + w["embeddings.position_embeddings.weight"][np.arange(length)][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][token_type_ids]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], c.eps)
        head = c.hidden // c.heads
        masked = ((1.0 - attention_mask[:, None, None, :].astype(np.float32)) * np.float32(-1e9)).astype(np.float32)
        scale = np.float32(1.0 / np.sqrt(head))

        def split(t: Array) -> Array:
            # Contiguous heads: numpy multiplies strided stacks without BLAS.
            return np.ascontiguousarray(t.reshape(batch, length, c.heads, head).transpose(0, 2, 1, 3))

        for i in range(c.layers):
            p = f"encoder.layer.{i}."
            qkv = self._linear(x, p + "attention.self.qkv")
            q, k, v = (split(qkv[..., j * c.hidden : (j + 1) * c.hidden]) for j in range(3))
            scores = (q @ np.ascontiguousarray(k.transpose(0, 1, 3, 2))) * scale + masked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, c.hidden)
            attended = self._linear(context, p + "attention.output.dense")
            x = _layer_norm(attended + x, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], c.eps)
            inner = _gelu(self._linear(x, p + "intermediate.dense"))
            out = self._linear(inner, p + "output.dense")
            x = _layer_norm(out + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], c.eps)
        return x.astype(np.float32)

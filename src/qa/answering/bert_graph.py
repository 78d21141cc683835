"""BERT written as an ONNX graph from its weights: the span reader (with a start/end head) and the
sentence encoder's fused graph (`qa.embed.fused`).

The graph is built with `onnx.helper` straight from safetensors arrays: no torch, no
transformers, no export step. Attention is ONNX Runtime's fused Attention operator, or (for the
int8 reader, which was measured that way) written out in standard operators; ONNX Runtime fuses
layer norms and GELU, and for int8 quantises the matrix products per channel.
`tests/answering/test_bert_graph.py` checks the float32 graph against transformers' BertModel.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import numpy as np

from qa.errors import ModelError

INPUTS = ("input_ids", "attention_mask", "token_type_ids", "position_ids")
OUTPUT = "logits"


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


class _Graph:
    """Collects nodes and initialisers; each helper returns the name of its output."""

    def __init__(self) -> None:
        self.nodes: list[Any] = []
        self.weights: list[Any] = []

    def const(self, name: str, value: Any) -> str:
        from onnx import numpy_helper

        self.weights.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, kind: str, *inputs: str, outputs: int = 1, **attributes: Any) -> Any:
        from onnx import helper

        names = [f"{kind}_{len(self.nodes)}_{i}" for i in range(outputs)]
        self.nodes.append(helper.make_node(kind, list(inputs), names, **attributes))
        return names[0] if outputs == 1 else names


def _linear(g: _Graph, w: Mapping[str, np.ndarray], x: str, prefix: str,
            matrix: np.ndarray | None = None, bias: np.ndarray | None = None) -> str:
    # torch keeps (out, in); the graph multiplies x @ W.
    matrix = w[prefix + ".weight"].T if matrix is None else matrix
    bias = w[prefix + ".bias"] if bias is None else bias
    return g.op("Add", g.op("MatMul", x, g.const(prefix + ".weight", matrix.astype(np.float32))),
                g.const(prefix + ".bias", bias.astype(np.float32)))


def _norm(g: _Graph, c: BertConfig, w: Mapping[str, np.ndarray], x: str, prefix: str) -> str:
    return g.op("LayerNormalization", x, g.const(prefix + ".weight", w[prefix + ".weight"]),
                g.const(prefix + ".bias", w[prefix + ".bias"]), axis=-1, epsilon=c.eps)


def _embeddings(g: _Graph, c: BertConfig, w: Mapping[str, np.ndarray], positions: str) -> str:
    """Word + token type + position embeddings, normalised; `positions` is (batch or 1, length, hidden)-broadcastable."""
    embedded = g.op("Add", g.op("Gather", g.const("word", w["embeddings.word_embeddings.weight"]), "input_ids"),
                    g.op("Gather", g.const("type", w["embeddings.token_type_embeddings.weight"]), "token_type_ids"))
    return _norm(g, c, w, g.op("Add", embedded, positions), "embeddings.LayerNorm")


def _qkv(w: Mapping[str, np.ndarray], a: str) -> tuple[np.ndarray, np.ndarray]:
    """Query, key and value as one (hidden, 3 x hidden) matrix and bias: one wide product runs faster than three."""
    return (np.concatenate([w[a + n + ".weight"].T for n in ("query", "key", "value")], axis=1),
            np.concatenate([w[a + n + ".bias"] for n in ("query", "key", "value")]))


def _layer_rest(g: _Graph, c: BertConfig, w: Mapping[str, np.ndarray], p: str, x: str, context: str) -> str:
    """A layer after its attention: output projection, residual and norm, then the feed-forward block."""
    x = _norm(g, c, w, g.op("Add", _linear(g, w, context, p + "attention.output.dense"), x), p + "attention.output.LayerNorm")
    inner = _linear(g, w, x, p + "intermediate.dense")
    # BERT's exact GELU, x/2 (1 + erf(x/sqrt 2)); ONNX Runtime fuses the pattern.
    half, root2 = g.const(p + "half", np.float32(0.5)), g.const(p + "root2", np.float32(np.sqrt(2.0)))
    inner = g.op("Mul", g.op("Mul", inner, half), g.op("Add", g.op("Erf", g.op("Div", inner, root2)), g.const(p + "one", np.float32(1.0))))
    return _norm(g, c, w, g.op("Add", _linear(g, w, inner, p + "output.dense"), x), p + "output.LayerNorm")


def _layers(g: _Graph, c: BertConfig, w: Mapping[str, np.ndarray], x: str, fused: bool) -> str:
    """The encoder layers over the embedded input `x`; attention fused (ONNX Runtime's Attention
    operator) or written out in standard operators."""
    from onnx import TensorProto

    if fused:
        mask = g.op("Cast", "attention_mask", to=TensorProto.INT32)
    else:
        size = c.hidden // c.heads
        # Padding gets -1e9 before the softmax, broadcast over heads and query positions.
        padding = g.op("Mul", g.op("Sub", g.const("one", np.float32(1.0)), g.op("Cast", "attention_mask", to=TensorProto.FLOAT)),
                       g.const("minus_inf", np.float32(-1e9)))
        padding = g.op("Unsqueeze", padding, g.const("axes_1_2", np.array([1, 2], dtype=np.int64)))
        to_heads = g.const("to_heads", np.array([0, 0, c.heads, size], dtype=np.int64))
        from_heads = g.const("from_heads", np.array([0, 0, c.hidden], dtype=np.int64))
        thirds = g.const("thirds", np.array([c.hidden] * 3, dtype=np.int64))
        scale = g.const("scale", np.float32(1.0 / np.sqrt(size)))
    for i in range(c.layers):
        p = f"encoder.layer.{i}."
        a = p + "attention.self."
        if fused:
            matrix, bias = _qkv(w, a)
            context = g.op("Attention", x, g.const(p + "qkv.weight", matrix), g.const(p + "qkv.bias", bias), mask,
                           domain="com.microsoft", num_heads=c.heads)
        else:
            q, k, v = g.op("Split", _linear(g, w, x, a + "qkv", *_qkv(w, a)), thirds, outputs=3, axis=-1)
            q = g.op("Transpose", g.op("Reshape", q, to_heads), perm=[0, 2, 1, 3])
            k = g.op("Transpose", g.op("Reshape", k, to_heads), perm=[0, 2, 3, 1])
            v = g.op("Transpose", g.op("Reshape", v, to_heads), perm=[0, 2, 1, 3])
            scores = g.op("Softmax", g.op("Add", g.op("Mul", g.op("MatMul", q, k), scale), padding), axis=-1)
            context = g.op("Reshape", g.op("Transpose", g.op("MatMul", scores, v), perm=[0, 2, 1, 3]), from_heads)
        x = _layer_rest(g, c, w, p, x, context)
    return x


def span_reader_graph(config: BertConfig, weights: Mapping[str, np.ndarray], head: str, fused: bool = False) -> Any:
    """The ONNX model (opset 17) of BertModel with `weights` (torch names and layout) and the linear
    start/end head `head` (its `.weight` and `.bias` in `weights`): int64 inputs `INPUTS` of shape
    (batch, length), float32 `logits` of shape (batch, length, 2).

    With `fused`, attention is ONNX Runtime's fused Attention operator (as in `encoder_graph`);
    without, it is written out in standard operators, which is what the int8 reader quantises
    (its figures were measured that way)."""
    from onnx import TensorProto, helper

    w = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()}
    g = _Graph()
    c = config
    try:
        x = _embeddings(g, c, w, g.op("Gather", g.const("position", w["embeddings.position_embeddings.weight"]), "position_ids"))
        x = _layers(g, c, w, x, fused)
        g.nodes.append(helper.make_node("Identity", [_linear(g, w, x, head)], [OUTPUT]))
    except KeyError as exc:
        raise ModelError(f"the BERT weights lack {exc}") from exc
    inputs = [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "length"]) for name in INPUTS]
    output = helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["batch", "length", 2])
    graph = helper.make_graph(g.nodes, "span_reader", inputs, [output], g.weights)
    return helper.make_model(graph, opset_imports=_opsets(), ir_version=8)


def _opsets() -> list[Any]:
    from onnx import helper

    return [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]


ENCODER_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
ENCODER_OUTPUT = "last_hidden_state"


def encoder_graph(config: BertConfig, weights: Mapping[str, np.ndarray]) -> Any:
    """The ONNX model of BertModel's last hidden state, with ONNX Runtime's fused Attention operator
    (com.microsoft): int64 inputs `ENCODER_INPUTS` of shape (batch, length), float32
    `ENCODER_OUTPUT` of shape (batch, length, hidden). Positions are 0 .. length - 1."""
    from onnx import TensorProto, helper

    w = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()}
    g = _Graph()
    c = config
    try:
        length = g.op("Shape", "input_ids", start=1, end=2)
        positions = g.op("Slice", g.const("position", w["embeddings.position_embeddings.weight"]),
                         g.const("zero", np.array([0], dtype=np.int64)), length, g.const("axis_0", np.array([0], dtype=np.int64)))
        x = _embeddings(g, c, w, positions)
        x = _layers(g, c, w, x, fused=True)
        g.nodes.append(helper.make_node("Identity", [x], [ENCODER_OUTPUT]))
    except KeyError as exc:
        raise ModelError(f"the BERT weights lack {exc}") from exc
    inputs = [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "length"]) for name in ENCODER_INPUTS]
    output = helper.make_tensor_value_info(ENCODER_OUTPUT, TensorProto.FLOAT, ["batch", "length", c.hidden])
    graph = helper.make_graph(g.nodes, "bert_encoder", inputs, [output], g.weights)
    return helper.make_model(graph, opset_imports=_opsets(), ir_version=8)

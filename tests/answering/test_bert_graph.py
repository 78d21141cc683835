"""The span reader's ONNX graph gives transformers' output with the reader weights; int8 stays close."""

from __future__ import annotations

import numpy as np
import pytest

from qa.answering.reader import HEAD, SpanReader, encode_pairs, get_reader

PAIRS = [
    ("Which bank is Russia's largest?", "Sberbank, Russia's largest bank, was cut off."),
    ("Where were the talks held?", "The sixth round of talks was held in Istanbul on Tuesday, 29 March 2022."),
]


def _transformers_logits(reader: SpanReader, batch) -> np.ndarray:
    torch = pytest.importorskip("torch")
    from safetensors.torch import load_file
    from transformers import AutoModel

    base = AutoModel.from_pretrained(str(reader.model_dir), local_files_only=True).eval()
    trained = {k: v.float() for k, v in load_file(str(reader.folder / "reader.safetensors")).items()}
    base.load_state_dict({k: v for k, v in trained.items() if not k.startswith(HEAD + ".")}, strict=False)
    with torch.inference_mode():
        hidden = base(
            input_ids=torch.from_numpy(batch.input_ids), attention_mask=torch.from_numpy(batch.attention_mask),
            token_type_ids=torch.from_numpy(batch.token_type_ids),
        ).last_hidden_state
        return torch.nn.functional.linear(hidden, trained[HEAD + ".weight"], trained[HEAD + ".bias"]).numpy()


@pytest.mark.model
def test_float32_graph_matches_transformers_with_the_reader_weights(tmp_path, monkeypatch):
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    reader = SpanReader(precision="fp32")
    batch = encode_pairs(reader.tokenizer, PAIRS)
    expected = _transformers_logits(reader, batch)
    got = reader.logits(batch)
    real = batch.attention_mask.astype(bool)
    assert np.abs(got[real] - expected[real]).max() < 1e-3
    assert list(tmp_path.glob("reader/*-fp32.onnx")), "the built graph is kept in the cache folder"


@pytest.mark.model
def test_int8_reader_picks_the_same_spans():
    reader = get_reader(precision="int8")
    assert reader is not None and reader.precision == "int8"
    spans = reader.spans(PAIRS[0][0], [PAIRS[0][1]]) + reader.spans(PAIRS[1][0], [PAIRS[1][1]])
    assert [PAIRS[i][1][s.start : s.end] for i, s in enumerate(spans)] == ["Sberbank", "Istanbul"]


@pytest.mark.model
def test_a_damaged_cached_graph_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    first = SpanReader(precision="fp32")
    (cached,) = tmp_path.glob("reader/*.onnx")
    cached.write_bytes(b"not an onnx graph")
    again = SpanReader(precision="fp32")
    batch = encode_pairs(again.tokenizer, PAIRS[:1])
    assert np.allclose(again.logits(batch), first.logits(batch), atol=1e-5)
    assert cached.stat().st_size > 1_000_000

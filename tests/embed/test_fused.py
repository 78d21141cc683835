"""The fused-attention encoder graph: built from the weights, checked against the export, used by default."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from qa.embed import fused
from qa.embed.encoder import load_encoder
from qa.embed.fused import FUSED_MODEL_FILE, fused_model
from qa.embed.onnx import MODEL_FILE, OnnxEncoder
from qa.settings import DEFAULT_MODEL

pytestmark = pytest.mark.model

TEXTS = [
    "Which bank is Russia's largest?",
    "",
    "Größenordnung, 東京は日本の首都です。",
    "Western diplomacy and economic sanctions have so far failed to change the behaviour of the government, "
    "but talks in Istanbul may be showing some faint promise after a sixth meeting. " * 6,  # truncated at 256 tokens
]


@pytest.fixture(scope="module")
def encoder():
    return load_encoder(DEFAULT_MODEL, precision="fp32")


@pytest.fixture()
def export_copy(encoder, tmp_path: Path) -> Path:
    """The cached export's files, without a fused graph."""
    source = encoder._impl.model_path.parent
    out = tmp_path / "onnx"
    out.mkdir()
    for name in ("encoder.json", "tokenizer.json", MODEL_FILE):
        (out / name).symlink_to(source / name)
    return out


def test_the_default_encoder_runs_the_fused_graph_and_matches_the_export(encoder):
    folder = encoder._impl.model_path.parent
    assert encoder._impl.model_path == folder / FUSED_MODEL_FILE and encoder._impl.model_path.is_file()
    exported = OnnxEncoder(folder, model_file=MODEL_FILE)
    # One at a time and in padded batches: the fused attention must honour the padding mask.
    for batch_size in (1, 4):
        a, b = encoder.encode(TEXTS, batch_size=batch_size), exported.encode(TEXTS, batch_size=batch_size)
        assert ((a * b).sum(axis=1) > 0.99999).all()
    assert encoder.info.backend == "onnx"


def test_a_graph_that_does_not_reproduce_the_export_is_not_used(export_copy, encoder, monkeypatch):
    monkeypatch.setattr(fused, "VERIFY_MIN_COSINE", 1.5)  # impossible to meet
    model_dir = Path(encoder.model_dir)
    assert fused_model(export_copy, model_dir) is None
    assert sorted(p.name for p in export_copy.iterdir()) == ["encoder.json", MODEL_FILE, "tokenizer.json"]


def test_a_model_that_is_not_bert_keeps_the_export(export_copy, encoder, tmp_path):
    model_dir = tmp_path / "model"
    shutil.copytree(encoder.model_dir, model_dir, ignore=shutil.ignore_patterns("*.safetensors", "*.bin"))
    config = json.loads((model_dir / "config.json").read_text())
    config["model_type"] = "xlm-roberta"
    (model_dir / "config.json").write_text(json.dumps(config))
    assert fused_model(export_copy, model_dir) is None
    assert not (export_copy / FUSED_MODEL_FILE).exists()


def test_a_built_graph_is_reused(export_copy, encoder):
    first = fused_model(export_copy, Path(encoder.model_dir))
    assert first is not None and first.name == FUSED_MODEL_FILE
    stamp = first.stat().st_mtime_ns
    assert fused_model(export_copy, Path(encoder.model_dir)) == first
    assert first.stat().st_mtime_ns == stamp
    vectors = OnnxEncoder(export_copy, model_file=first.name).encode(TEXTS[:1])
    assert np.isclose(np.linalg.norm(vectors), 1.0)

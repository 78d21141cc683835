"""The bfloat16 passage encoder: the float32 model's vectors to cosine 0.9999, keyed apart."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from qa.embed.bf16 import amx_bf16_available
from qa.embed.encoder import load_encoder
from qa.settings import DEFAULT_MODEL

TEXTS = [
    "Sberbank is Russia's largest bank.",
    "Ukraine signalled it could accept neutrality if its security were guaranteed by other states.",
    "x",
    "The talks in Istanbul on 29 March 2022 ended with a ten-point plan. " * 12,  # truncated at 256 pieces
]


@pytest.mark.parametrize(
    ("flags", "expected"),
    [("fpu avx512_bf16 amx_bf16 amx_tile amx_int8", True), ("fpu avx512_bf16 avx512_vnni", False), ("amx_tile", False)],
)
def test_amx_is_read_from_the_cpu_flags(tmp_path: Path, flags: str, expected: bool) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(f"processor\t: 0\nmodel name\t: x\nflags\t\t: {flags}\n\nprocessor\t: 1\nflags\t\t: {flags}\n")
    assert amx_bf16_available(cpuinfo) is expected


def test_no_cpuinfo_means_no_amx(tmp_path: Path) -> None:
    assert amx_bf16_available(tmp_path / "missing") is False


def test_bf16_vectors_match_fp32_and_are_keyed_apart() -> None:
    fp32 = load_encoder(DEFAULT_MODEL, precision="fp32")
    bf16 = load_encoder(DEFAULT_MODEL, precision="bf16")
    a, b = fp32.encode(TEXTS), bf16.encode(TEXTS)
    assert b.dtype == np.float32 and b.shape == a.shape
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    cosines = (a * b).sum(axis=1)
    assert cosines.min() > 0.999 and not np.array_equal(a, b)
    assert (bf16.info.backend, bf16.info.vectors) == ("torch-bf16", "bf16")
    assert bf16.vector_key == f"{fp32.fingerprint}-bf16" != fp32.vector_key
    # Same tokenizer and window as the float32 encoder: chunking does not depend on the precision.
    assert bf16.max_seq_length == fp32.max_seq_length and bf16.count_tokens(TEXTS) == fp32.count_tokens(TEXTS)


def test_bf16_keeps_input_order_and_handles_empty_input() -> None:
    bf16 = load_encoder(DEFAULT_MODEL, precision="bf16")
    together = bf16.encode(TEXTS)
    reversed_ = bf16.encode(TEXTS[::-1])[::-1]
    assert ((together * reversed_).sum(axis=1) > 0.9999).all()
    assert bf16.encode([]).shape == (0, bf16.dimension)


def test_batches_run_one_per_core_with_the_same_vectors_as_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Several batches on the worker threads: input order kept, vectors as the sequential path
    gives them, and the caller's torch thread setting left as it was."""
    import torch

    from qa.embed import bf16 as bf16_module

    texts = [f"Passage {i}: " + "the delegations met again in Istanbul. " * (1 + i % 7) for i in range(40)]
    encoder = load_encoder(DEFAULT_MODEL, precision="bf16")
    threads = torch.get_num_threads()
    monkeypatch.setattr(bf16_module, "_cores", lambda: 2)
    parallel = encoder.encode(texts)
    assert encoder._impl._workers is not None  # noqa: SLF001 - the pool really ran the batches
    assert torch.get_num_threads() == threads
    monkeypatch.setattr(bf16_module, "_cores", lambda: 1)
    sequential = load_encoder(DEFAULT_MODEL, precision="bf16").encode(texts)
    assert ((parallel * sequential).sum(axis=1) > 0.9999).all()
    assert ((parallel[:-1] * parallel[1:]).sum(axis=1) < 0.9999).any()  # rows not all alike


def test_a_bf16_index_embeds_questions_and_sentences_on_onnx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Passages in bf16; answer sentences on the float32 ONNX encoder and questions on its int8
    graph: no torch on the query path."""
    from qa.index.build import build_index
    from qa.retrieval.retriever import Retriever

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "banks.txt").write_text("Sberbank is Russia's largest bank.\n\nVTB is the second largest.\n")
    monkeypatch.setenv("QA_PRECISION", "bf16")
    build_index(corpus, tmp_path / "index")
    retriever = Retriever(tmp_path / "index")
    assert retriever.manifest.model.vectors == "bf16"
    assert retriever.encoder.precision == "fp32" and retriever.encoder.backend == "onnx"
    assert retriever.query_encoder.precision == "int8" and retriever.query_encoder.backend == "onnx"
    assert retriever.retrieve("Which bank is Russia's largest?", k=1)[0].text.startswith("Sberbank")


def test_the_default_is_bf16_only_on_a_cpu_with_amx(monkeypatch: pytest.MonkeyPatch) -> None:
    from qa.embed import bf16
    from qa.settings import default_precision

    monkeypatch.delenv("QA_PRECISION", raising=False)
    monkeypatch.setattr(bf16, "amx_bf16_available", lambda: True)
    assert default_precision() == "bf16"
    monkeypatch.setattr(bf16, "amx_bf16_available", lambda: False)
    assert default_precision() == "fp32"
    monkeypatch.setenv("QA_PRECISION", "int8")
    assert default_precision() == "int8"

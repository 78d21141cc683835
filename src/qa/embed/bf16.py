"""Passage encoding in bfloat16 on CPUs with AMX: the same model on torch, about twice as fast.

On a CPU with Intel AMX (matrix units for bfloat16), torch's oneDNN kernels run the model's
matrix products in bfloat16 several times faster than in float32, accumulating in float32. The
vectors agree with the float32 ones to cosine 0.9999 (benchmarks/bench_encode.py). Tokenising,
batching and pooling are the ONNX encoder's, from the same export folder; only the model call
runs on torch. Questions and answer sentences are embedded on ONNX Runtime: a few short texts gain nothing here.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from qa.embed.onnx import OnnxEncoder
from qa.errors import ModelError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: /proc/cpuinfo flags of the matrix units that make bfloat16 fast (Intel AMX).
_AMX_FLAGS = ("amx_bf16", "amx_tile")


def amx_bf16_available(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """True when the CPU reports AMX bfloat16 (read from /proc/cpuinfo; False elsewhere)."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    flags = next((line.split(":", 1)[1].split() for line in text.splitlines() if line.startswith("flags")), [])
    return all(flag in flags for flag in _AMX_FLAGS)


class Bf16Encoder(OnnxEncoder):
    """An export folder's tokenizer and pooling with the source model run by torch in bfloat16."""

    def __init__(self, onnx_dir: Path, model_dir: Path) -> None:
        self._load_export(Path(onnx_dir))
        self.model_path = Path(model_dir)
        self._model = None  # loaded at the first batch: an update that embeds nothing never imports torch
        self._workers: ThreadPoolExecutor | None = None  # one thread per core, started at the first batch

    def _run_batches(
        self, batches: Iterable[dict[str, npt.NDArray[np.int64]]]
    ) -> Iterator[tuple[dict[str, npt.NDArray[np.int64]], npt.NDArray[np.float32]]]:
        """(inputs, last hidden state) per batch, in order: one batch per core at a time.

        A batch of short passages is too small to split across cores well; each core running a
        batch of its own on one thread was 1.16x faster in 64-passage calls (median of 5
        interleaved repeats, README "Encoding figures").
        """
        import torch

        workers = _cores()
        if workers < 2:
            yield from super()._run_batches(batches)
            return
        self._loaded_model()  # here, not in each worker: the threads would race to load it
        if self._workers is None:
            before = torch.get_num_threads()
            self._workers = ThreadPoolExecutor(workers, thread_name_prefix="qa-bf16", initializer=torch.set_num_threads, initargs=(1,))
            # Start every thread now (each waits for the others, so none is reused), then restore the
            # setting, which is also the default of threads started later in the process.
            started = threading.Barrier(workers)
            list(self._workers.map(lambda _: started.wait(), range(workers)))
            torch.set_num_threads(before)
        yield from self._workers.map(self._run_one, batches)

    def _run_one(self, feeds: dict[str, npt.NDArray[np.int64]]) -> tuple[dict[str, npt.NDArray[np.int64]], npt.NDArray[np.float32]]:
        return feeds, self._run(feeds)

    def _run(self, feeds: dict[str, npt.NDArray[np.int64]]) -> npt.NDArray[np.float32]:
        import torch

        model = self._loaded_model()
        with torch.inference_mode():
            hidden = model(**{name: torch.from_numpy(value) for name, value in feeds.items()})[0]
            return hidden.float().numpy()


    def _loaded_model(self):
        """The torch model, loaded at the first call."""
        if self._model is None:
            self._model = _load_model(self.model_path)
        return self._model


def _cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _load_model(model_dir: Path):
    """The transformer of a sentence-transformers folder on torch, in bfloat16, for inference."""
    try:
        import torch
        from transformers import AutoModel

        from transformers.utils import logging as transformers_logging

        from qa.embed.onnx_export import transformer_dir

        transformers_logging.disable_progress_bar()  # its "Loading weights" bar would cut into qa index's
        model = AutoModel.from_pretrained(
            str(transformer_dir(model_dir)), dtype=torch.bfloat16, local_files_only=True, attn_implementation="sdpa"
        )
    except ModelError:
        raise
    except Exception as exc:  # transformers raises many types for a folder it cannot read
        raise ModelError(f"cannot load {model_dir} on torch in bfloat16: {type(exc).__name__}: {exc}") from exc
    return model.eval()

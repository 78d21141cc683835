"""Passage encoding throughput: the project's encoder, as `qa index` uses it, vs sentence-transformers.

One process, the same SciFact passages (the embedding inputs `qa index` makes of the first BEIR
SciFact documents: title, then abstract, cut into passages), interleaved batch by batch so that
machine noise hits every system alike:

* st          SentenceTransformer(model_dir).encode(batch) with default settings (torch);
* qa fp32     qa's ONNX encoder, float32 (`Encoder.encode`, its default batch size);
* qa int8     the same with the int8 model (dynamic quantisation of the fused graph, qa.embed.quantize);
* qa bf16     the model on torch in bfloat16 (qa.embed.bf16), QA_PRECISION=bf16: fast on CPUs with AMX;
* qa default  whichever of the two `qa index` uses without QA_PRECISION (reported by name).

Per repeat each system encodes every batch once (the order of systems rotates per batch); the
figures are medians over repeats of passages/s and of the per-repeat ratio to st. Also: where
the time of one fp32 pass goes (tokenising, padding + copies, the model, pooling), and the cosine
of the int8 and bf16 vectors to the float32 ones.

    python benchmarks/bench_encode.py [--scifact DIR] [--passages 768] [--batch 64] [--reps 3] [--out e.json]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import common
from common import figure, say

# /work/shared/data/scifact seen from the project (../shared) or from a worktree beside it (../../shared).
SCIFACT = next((p / "shared" / "data" / "scifact" for p in (common.ROOT.parent, common.ROOT.parent.parent)
                if (p / "shared" / "data" / "scifact").is_dir()), common.ROOT.parent / "shared" / "data" / "scifact")
TARGET = "target >= 3x sentence-transformers"


def scifact_passages(folder: Path, n: int) -> list[str]:
    """The first n embedding inputs `qa index` makes of SciFact's first documents (encoder stubbed)."""
    import numpy as np

    from qa.embed.encoder import load_encoder
    from qa.evaluation.beir import corpus_files, load_beir
    from qa.index.build import build_index
    from qa.settings import default_model_name

    files, _, _ = corpus_files(load_beir(folder))
    encoder = load_encoder(default_model_name())
    captured: list[str] = []

    def stub(texts, *args, **kwargs):
        captured.extend(texts)
        return np.full((len(texts), encoder.dimension), encoder.dimension ** -0.5, dtype=np.float32)

    names = list(files)
    with tempfile.TemporaryDirectory(prefix="qa-bench-encode-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        take = max(1, n // 2)  # SciFact abstracts make ~3 passages each; add documents until n passages
        while True:
            for name in names[len(list(corpus.iterdir())):take]:
                (corpus / name).write_text(files[name], encoding="utf-8")
            encoder.encode = stub
            try:
                captured.clear()
                build_index(corpus, Path(tmp) / "index", rebuild=True)
            finally:
                del encoder.encode
            if len(captured) >= n or take >= len(names):
                return captured[:n]
            take = min(len(names), take * 2)


def breakdown(encoder, texts: list[str], batch_size: int) -> dict[str, float]:
    """Seconds of one fp32 pass by part: tokenise, pad + copy into arrays, model, pool + normalise."""
    import numpy as np

    impl = encoder._impl  # noqa: SLF001 - a benchmark looks inside on purpose
    out = {"tokenize": 0.0, "pad_copy": 0.0, "model": 0.0, "pool": 0.0}
    t0 = time.perf_counter()
    encodings = impl._tokenizer.encode_batch(texts)
    out["tokenize"] = time.perf_counter() - t0
    order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))
    for at in range(0, len(order), batch_size):
        rows = order[at: at + batch_size]
        t0 = time.perf_counter()
        width = len(encodings[rows[0]].ids)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for r, i in enumerate(rows):
            k = len(encodings[i].ids)
            ids[r, :k] = encodings[i].ids
            mask[r, :k] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in impl._meta["input_names"]:
            feeds["token_type_ids"] = np.zeros_like(ids)
        t1 = time.perf_counter()
        hidden = impl._session.run([impl._output_name], feeds)[0]
        t2 = time.perf_counter()
        pooled = impl._pool(hidden, mask)
        pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
        t3 = time.perf_counter()
        out["pad_copy"] += t1 - t0
        out["model"] += t2 - t1
        out["pool"] += t3 - t2
    return out


def measure(folder: Path, n: int, batch: int, reps: int) -> dict:
    common.offline_env_in_process()
    import numpy as np

    from qa.embed.bf16 import amx_bf16_available
    from qa.embed.encoder import load_encoder
    from qa.settings import default_model_name, default_precision

    texts = scifact_passages(folder, n)
    say(f"  {len(texts)} SciFact passages")
    from sentence_transformers import SentenceTransformer

    fp32 = load_encoder(default_model_name(), precision="fp32")
    int8 = load_encoder(default_model_name(), precision="int8")
    bf16 = load_encoder(default_model_name(), precision="bf16")
    st = SentenceTransformer(str(fp32.model_dir), device="cpu")
    systems = {"st": st.encode, "qa fp32": fp32.encode, "qa int8": int8.encode, "qa bf16": bf16.encode}
    batches = [texts[i: i + batch] for i in range(0, len(texts), batch)]
    for encode in systems.values():  # warm-up: first-call allocations, thread pools
        encode(batches[0][:8])
    seconds: dict[str, list[float]] = {name: [] for name in systems}
    names = list(systems)
    for rep in range(reps):
        spent = dict.fromkeys(names, 0.0)
        for b, chunk in enumerate(batches):
            for name in names[b % len(names):] + names[: b % len(names)]:
                t0 = time.perf_counter()
                systems[name](chunk)
                spent[name] += time.perf_counter() - t0
        for name in names:
            seconds[name].append(spent[name])
        say(f"  rep {rep + 1}/{reps}: " + ", ".join(f"{k} {len(texts) / v:.1f}/s" for k, v in spent.items()))
    ref = fp32.encode(texts)
    cosines = {name: (ref * encoder.encode(texts)).sum(axis=1) for name, encoder in (("int8", int8), ("bf16", bf16))}
    tokens = [len(ids) for ids in fp32._impl.token_ids(texts)]  # noqa: SLF001
    parts = breakdown(fp32, texts, 16)
    return {
        "passages": len(texts),
        "tokens_mean": float(np.mean(tokens)),
        "batch": batch,
        "reps": reps,
        "default_precision": default_precision(),
        "seconds": seconds,
        "per_s": {k: round(len(texts) / common.median(v), 2) for k, v in seconds.items()},
        "ratio_to_st": {k: round(common.median(s / t for s, t in zip(seconds["st"], v)), 3) for k, v in seconds.items()},
        "cosine_to_fp32": {k: {"min": float(c.min()), "mean": float(c.mean())} for k, c in cosines.items()},
        "amx_bf16": amx_bf16_available(),
        "fp32_breakdown_s": {k: round(v, 3) for k, v in parts.items()},
    }


def section(r: dict) -> dict:
    how = (f"{r['passages']} SciFact passages (mean {r['tokens_mean']:.0f} word pieces), one process, systems "
           f"interleaved per batch of {r['batch']}, median over {r['reps']} repeats")
    default = f"qa {r['default_precision']}"
    b = r["fp32_breakdown_s"]
    total = sum(b.values())
    figures = [
        figure("encode: sentence-transformers default", r["per_s"]["st"], "passages/s", how, ""),
        figure("encode: qa fp32", r["per_s"]["qa fp32"], "passages/s", how + f"; {r['ratio_to_st']['qa fp32']}x st", ""),
        figure("encode: qa int8", r["per_s"]["qa int8"], "passages/s", how + f"; {r['ratio_to_st']['qa int8']}x st", ""),
        figure(f"encode: qa default ({default}) / sentence-transformers", r["ratio_to_st"][default], "x",
               "median of the per-repeat ratio of times, same batches", TARGET),
        figure("encode: qa bf16", r["per_s"]["qa bf16"], "passages/s",
               how + f"; {r['ratio_to_st']['qa bf16']}x st; CPU with AMX bf16: {r['amx_bf16']}", ""),
        *(figure(f"encode: {k} cosine to fp32 (min / mean)", f"{c['min']:.5f} / {c['mean']:.5f}", "", "same passages", "")
          for k, c in r["cosine_to_fp32"].items()),
        figure("encode: fp32 time by part", "; ".join(f"{k} {100 * v / total:.1f}%" for k, v in b.items()), "",
               f"one pass, batches of 16, {total:.1f} s in all", ""),
    ]
    return {"area": "encoder throughput (SciFact passages)", "figures": figures, "details": r}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scifact", type=Path, default=SCIFACT)
    parser.add_argument("--passages", type=int, default=768)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.quick:
        args.passages, args.batch, args.reps = 32, 16, 1
    say(f"encoder throughput on {args.passages} SciFact passages ({args.reps} repeats)")
    sec = section(measure(args.scifact, args.passages, args.batch, args.reps))
    common.print_figures(sec)
    common.write_section(args.out, sec)


if __name__ == "__main__":
    main()

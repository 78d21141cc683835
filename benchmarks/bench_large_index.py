"""Large indexes: how to store the vectors (compressed or not) and what BM25 costs, by measurement.

Dense (per size n, each in its own process so its peak memory is its own): the FAISS layouts
the dense index could use above qa.index.dense.HNSW_THRESHOLD, all scored by inner product:

    hnsw        HNSW32,Flat     float32 vectors + graph (what `hnsw` stored before)
    hnsw-fp16   HNSW32,SQfp16   vectors as float16 + graph
    hnsw-sq8    HNSW32,SQ8      8-bit scalar quantisation (per dimension) + graph
    ivf-sq8     IVF{4*sqrt n, at most 2048},SQ8, nprobe 32 / 64
    ivf-pq      IVF{same},PQ48 (48 bytes a vector), nprobe 32 / 64

For each: build time (training included), memory per million vectors (the size of the written
index: FAISS holds the same bytes in memory), single-query CPU time (one thread, k=100, what the
Retriever asks for) and recall@10 against exact search over the same vectors (500 queries).
Vectors are synthetic unit vectors from bench_faiss.Mixture (shaped like MiniLM embeddings,
queries are fresh draws), or, with --real INDEX, the vectors of a built index (its last 500
passages are the queries, held out of the searched set).

BM25 (--bm25 N): N synthetic passages of 60-120 words drawn from the word frequencies of the
2022 press releases, indexed with qa.index.bm25.BM25Index: build time, the size of its score
matrix and vocabulary (what a Retriever holds), the build's peak memory, and single-query
CPU time of query_terms + weighted_scores for 200 questions.

    python benchmarks/bench_large_index.py                       # 20,000 vectors, all layouts
    python benchmarks/bench_large_index.py --sizes 100000,1000000 --kinds hnsw-sq8,ivf-sq8,ivf-pq
    python benchmarks/bench_large_index.py --real /tmp/press-index --sizes 0
    python benchmarks/bench_large_index.py --sizes '' --bm25 1000000
"""

from __future__ import annotations

import argparse
import json
import math
import re
import tempfile
import time
from pathlib import Path

import common
from bench_faiss import DIM, Mixture, _recall, _single_query_p50, _size_mb
from common import PYTHON, figure, say

KINDS = ("hnsw", "hnsw-fp16", "hnsw-sq8", "ivf-sq8", "ivf-pq")
HNSW_M, EF_CONSTRUCTION, EF_SEARCH = 32, 80, 128
NPROBES = (32, 64)
N_QUERIES = 500
N_LATENCY = 100
CANDIDATES = 100  # RetrievalSettings.candidates: what the Retriever asks the dense index for
PRESS = Path("/work/shared/data/ru_ua_press_2022")


def _factory(kind: str, n: int, dim: int) -> str:
    nlist = _nlist(n)
    return {
        "hnsw": f"HNSW{HNSW_M},Flat",
        "hnsw-fp16": f"HNSW{HNSW_M},SQfp16",
        "hnsw-sq8": f"HNSW{HNSW_M},SQ8",
        "ivf-sq8": f"IVF{nlist},SQ8",
        "ivf-pq": f"IVF{nlist},PQ{dim // 8}",
    }[kind]


def _nlist(n: int) -> int:
    """IVF lists: about 4 sqrt(n), a power of two, at most 2,048 (k-means training time on 2 cores)."""
    return min(2048, max(64, 1 << round(math.log2(4 * math.sqrt(n)))))


def dense_worker(n: int, kinds: list[str], real: Path | None, cap_s: float = float("inf")) -> dict:
    import faiss
    import numpy as np

    if real is not None:
        from qa.index import dense, store

        vectors = dense.vectors_of(store.IndexFiles(real, store.read_manifest(real)).dense())
        data, queries = vectors[:-N_QUERIES], vectors[-N_QUERIES:]
        source = f"real: {real} ({len(vectors)} passage vectors, last {N_QUERIES} held out as queries)"
    else:
        mix = Mixture()
        data, queries = mix.sample(n, seed=1), mix.sample(N_QUERIES, seed=2)
        source = "synthetic unit vectors (bench_faiss.Mixture)"
    n, dim = data.shape
    say(f"  n={n}: {source}")
    exact = faiss.IndexFlatIP(dim)
    exact.add(data)
    _, truth = exact.search(queries, 10)
    out = {"n": n, "dim": dim, "source": source, "omp_threads": faiss.omp_get_max_threads(),
           "flat": {"bytes_per_vector": _size_mb(exact) * 2**20 / n}, "kinds": {}}
    for kind in kinds:
        spec = _factory(kind, n, dim)
        index = faiss.index_factory(dim, spec, faiss.METRIC_INNER_PRODUCT)
        t0 = time.perf_counter()
        if not index.is_trained:
            index.train(data[: min(n, 40 * _nlist(n))])  # FAISS asks for at least 39 points a list
        if kind.startswith("hnsw"):
            index.hnsw.efConstruction = EF_CONSTRUCTION
        added = 0
        while added < n:  # in batches, so that a build over the time cap stops (then measured on what it holds)
            index.add(data[added : added + 50_000])
            added = min(n, added + 50_000)
            if added < n and time.perf_counter() - t0 > cap_s:
                break
        build_s = time.perf_counter() - t0
        kind_truth = truth
        if added < n:
            subset = faiss.IndexFlatIP(dim)
            subset.add(data[:added])
            kind_truth = subset.search(queries, 10)[1]
        row = {"factory": spec, "build_s": build_s, "vectors": added, "capped": added < n,
               "build_vectors_per_s": added / build_s, "mb_per_million": _size_mb(index) * 1e6 / added, "settings": []}
        if kind.startswith("hnsw"):
            index.hnsw.efSearch = EF_SEARCH
            knobs = [("efSearch", EF_SEARCH, lambda: None)]
        else:
            ivf = faiss.extract_index_ivf(index)
            knobs = [("nprobe", p, (lambda p=p: setattr(ivf, "nprobe", p))) for p in NPROBES]
        for name, value, apply in knobs:
            apply()
            _, found = index.search(queries, 10)
            latency = _single_query_p50(lambda q: index.search(q[None, :], CANDIDATES), queries, n=N_LATENCY)
            row["settings"].append({name: value, "recall_at_10": _recall(found, kind_truth, 10),
                                    "cpu_p50_ms_k100": latency["cpu_p50_ms"], "p50_ms_k100": latency["p50_ms"]})
        if kind != "ivf-pq":  # what an incremental build would reuse: the stored vectors, decoded
            decoded = index.reconstruct_n(0, min(added, 10_000)) if kind.startswith("hnsw") else None
            if decoded is not None:
                cosine = np.sum(decoded * data[: len(decoded)], axis=1) / np.linalg.norm(decoded, axis=1)
                row["decoded_min_cosine"] = float(cosine.min())
        out["kinds"][kind] = row
        best = row["settings"][-1]
        capped = f" (CAPPED at {cap_s:.0f} s: {added:,} of {n:,} vectors, measured on those)" if added < n else ""
        say(f"  n={n}: {kind} ({spec}){capped}: build {build_s:.1f} s, {row['mb_per_million']:.0f} MB per million, "
            f"recall@10 {best['recall_at_10']:.4f}, CPU p50 {best['cpu_p50_ms_k100']:.2f} ms (k=100)")
        del index
    return out


def bm25_worker(n: int) -> dict:
    import resource

    import numpy as np

    from qa.index.bm25 import BM25Index

    words, counts = _press_vocabulary()
    rng = np.random.default_rng(0)
    p = counts / counts.sum()
    lengths = rng.integers(60, 121, size=n)
    t0 = time.perf_counter()
    texts = []
    for at in range(0, n, 50_000):
        block = lengths[at : at + 50_000]
        drawn = rng.choice(len(words), size=int(block.sum()), p=p)
        cut = np.cumsum(block)[:-1]
        texts.extend(" ".join(words[i] for i in part) for part in np.split(drawn, cut))
    say(f"  bm25 n={n}: {len(texts)} passages generated in {time.perf_counter() - t0:.0f} s")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    index = BM25Index.build(texts)
    build_s = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory(prefix="qa-bench-bm25-") as folder:
        index.save(Path(folder), {part: f"{part}.bm25" for part in ("data", "indices", "indptr", "vocab", "params")})
        held = sum(f.stat().st_size for f in Path(folder).iterdir())
    questions = [" ".join(texts[i].split()[j : j + k]) for i, j, k in
                 zip(rng.integers(0, n, 220), rng.integers(0, 50, 220), rng.integers(2, 8, 220))]

    def query(q: str) -> None:
        index.weighted_scores(index.query_terms(q).weights)

    times = []
    cpu = []
    for q in questions[:20]:
        query(q)
    for q in questions[20:]:
        c0, t1 = time.thread_time(), time.perf_counter()
        query(q)
        times.append(time.perf_counter() - t1)
        cpu.append(time.thread_time() - c0)
    return {"n": n, "build_s": build_s, "files_mb": held / 2**20, "vocabulary": len(index.vocab),
            "build_peak_rss_mb": peak, "rss_before_build_mb": rss_before,
            "query_p50_ms": 1e3 * common.percentile(times, 50), "query_cpu_p50_ms": 1e3 * common.percentile(cpu, 50),
            "query_cpu_p95_ms": 1e3 * common.percentile(cpu, 95)}


def _press_vocabulary():
    """Lower-case words of the press releases and their counts."""
    import csv
    import sys
    from collections import Counter

    import numpy as np

    csv.field_size_limit(sys.maxsize)
    counts: Counter[str] = Counter()
    for name in ("putin.csv", "zelenskyy.csv"):
        with (PRESS / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                counts.update(re.findall(r"[a-z]+", (row.get("body") or "").lower()))
    words = list(counts)
    return words, np.array([counts[w] for w in words], dtype=np.float64)


def section(dense: list[dict], bm25: dict | None) -> dict:
    figures = []
    for r in dense:
        for kind, row in r["kinds"].items():
            recalls = "; ".join(
                f"{next(k for k in s if k not in ('recall_at_10', 'cpu_p50_ms_k100', 'p50_ms_k100'))}="
                f"{s.get('efSearch', s.get('nprobe'))}: recall@10 {s['recall_at_10']:.4f}, CPU p50 {s['cpu_p50_ms_k100']:.2f} ms"
                for s in row["settings"])
            capped = f" — CAPPED: {row['vectors']:,} of {r['n']:,} vectors added, measured on those" if row["capped"] else ""
            figures.append(figure(
                f"{kind} ({row['factory']}) n={r['n']:,}{capped}",
                f"build {row['build_s']:.0f} s ({row['build_vectors_per_s']:.0f} vectors/s); {row['mb_per_million']:.0f} MB "
                f"per million; {recalls}", "",
                f"{r['source']}; recall vs exact search, 500 queries; single-query CPU time at k={CANDIDATES}", ""))
        figures.append(figure(f"exact (IndexFlatIP) n={r['n']:,}", f"{r['flat']['bytes_per_vector'] * 1e6 / 2**20:.0f} MB per million",
                              "", "float32 vectors only", ""))
    if bm25:
        figures.append(figure(
            f"BM25 n={bm25['n']:,}",
            f"build {bm25['build_s']:.0f} s; files (score matrix + vocabulary) {bm25['files_mb']:.0f} MB; vocabulary {bm25['vocabulary']:,}; "
            f"build peak RSS {bm25['build_peak_rss_mb']:.0f} MB; query CPU p50 {bm25['query_cpu_p50_ms']:.2f} ms "
            f"(p95 {bm25['query_cpu_p95_ms']:.2f})", "",
            "synthetic passages of 60-120 words drawn from the press releases' word frequencies; 200 questions of 2-7 words", ""))
    return {"area": "large indexes", "figures": figures, "details": {"dense": dense, "bm25": bm25}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="20000", help="comma-separated vector counts ('' for none)")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--real", type=Path, help="an index folder whose vectors to use instead of synthetic ones")
    parser.add_argument("--cap-s", type=float, default=float("inf"),
                        help="stop adding vectors to one index after this long and measure it on those (flagged)")
    parser.add_argument("--bm25", type=int, default=0, help="also measure BM25 over this many synthetic passages")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--dense-worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--bm25-worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    kinds = [k for k in args.kinds.split(",") if k]
    if args.dense_worker is not None:
        print(json.dumps(dense_worker(args.dense_worker, kinds, args.real, args.cap_s)))
        return
    if args.bm25_worker is not None:
        print(json.dumps(bm25_worker(args.bm25_worker)))
        return
    sizes = [0] if args.real else [int(s) for s in args.sizes.split(",") if s]
    dense = []
    for n in sizes:
        cmd = [PYTHON, __file__, "--dense-worker", str(n), "--kinds", ",".join(kinds), "--cap-s", str(args.cap_s)]
        if args.real:
            cmd += ["--real", str(args.real)]
        res = common.run_child(cmd, env=common.child_env(OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1"))
        for line in res["stderr"].splitlines() + res["stdout"].splitlines():
            if line.startswith("  n="):
                say(line)
        data = common.last_json_line(res["stdout"])
        data["maxrss_mb"], data["wall_s"] = res["maxrss_mb"], res["wall_s"]
        dense.append(data)
    bm25 = None
    if args.bm25:
        res = common.run_child([PYTHON, __file__, "--bm25-worker", str(args.bm25)])
        bm25 = common.last_json_line(res["stdout"])
        bm25["maxrss_mb"] = res["maxrss_mb"]
    sec = section(dense, bm25)
    common.print_figures(sec)
    common.write_section(args.out, sec)


if __name__ == "__main__":
    main()

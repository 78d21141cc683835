"""FAISS at scale on synthetic embeddings: exact (IndexFlatIP) vs HNSW, and where `auto` should switch.

Data (seeded): 384-d unit vectors from an anisotropic Gaussian mixture, shaped like sentence
embeddings rather than uniform noise: 1,024 clusters with Dirichlet(0.5) sizes whose centres
lie near a shared 64-d subspace, per-point variation mostly inside that subspace plus
isotropic noise, and a common mean direction. Nearest-neighbour cosine of a query ~0.66,
random pairs ~0.05 (MiniLM on real text: similar orders). Queries are fresh draws from the
same mixture, never in the index.

For each size n (own process, so its peak memory is its own):

* flat: build (add) time, index size, single-query p50 via FAISS (k=10 and k=100), and the
  Retriever's own flat path (numpy `vectors @ q` over all n, then one argsort as fusion does);
* HNSW (M=32, efConstruction=80, the project's defaults in src/qa/dense.py): build time (added
  in batches; stopped at --hnsw-cap-s, then measured on the vectors added so far and reported
  as a subsample), index size, and for several efSearch values single-query p50 and recall@10
  against exact search on the same vectors; plus k=100 (the Retriever asks for
  `candidates`=100, so FAISS searches with ef = max(efSearch, 100)) latency and recall@100;
* a flat latency sweep over smaller sizes (prefixes), to place HNSW_THRESHOLD.

    python benchmarks/bench_faiss.py [--sizes 100000,1000000] [--hnsw-cap-s 600] [--out f.json]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import common
from common import PYTHON, figure, say

DIM = 384
CLUSTERS = 1024
RANK = 64
M, EF_CONSTRUCTION, EF_SEARCH = 32, 80, 128
EF_VALUES = (16, 32, 64, 128, 256)
SWEEP = (10_000, 25_000, 50_000, 100_000, 200_000, 500_000, 1_000_000)
N_LATENCY = 200
N_RECALL = 500


class Mixture:
    """The seeded anisotropic Gaussian mixture described in the module docstring."""

    def __init__(self, seed: int = 0, spread: float = 0.45, noise: float = 0.3, mean: float = 0.35) -> None:
        import numpy as np

        rng = np.random.default_rng(seed)
        self.basis = (rng.standard_normal((RANK, DIM)) / np.sqrt(RANK)).astype(np.float32)
        centres = rng.standard_normal((CLUSTERS, RANK)).astype(np.float32) @ self.basis
        centres += 0.3 * rng.standard_normal((CLUSTERS, DIM)).astype(np.float32) / np.sqrt(DIM)
        self.centres = centres / np.linalg.norm(centres, axis=1, keepdims=True)
        common_dir = rng.standard_normal(DIM).astype(np.float32)
        self.mean = mean * common_dir / np.linalg.norm(common_dir)
        self.weights = rng.dirichlet(np.full(CLUSTERS, 0.5))
        self.spread, self.noise = spread, noise

    def sample(self, n: int, seed: int, chunk: int = 100_000):
        import numpy as np

        rng = np.random.default_rng(seed)
        out = np.empty((n, DIM), dtype=np.float32)
        for at in range(0, n, chunk):
            m = min(chunk, n - at)
            k = rng.choice(CLUSTERS, size=m, p=self.weights)
            u = rng.standard_normal((m, RANK), dtype=np.float32) / np.sqrt(RANK)
            e = rng.standard_normal((m, DIM), dtype=np.float32) / np.sqrt(DIM)
            x = self.centres[k] + self.spread * (u @ self.basis) + self.noise * e + self.mean
            out[at : at + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
        return out


def _single_query_p50(fn, queries, n: int = N_LATENCY, warm: int = 20) -> dict:
    """Wall-time percentiles, plus the calling thread's CPU time (`cpu_p50_ms`).

    Queries run on one thread (FAISS OpenMP set to 1 around this, BLAS limited to one thread
    for the worker process), so the thread's CPU time is the query's whole cost: on a shared
    machine it is what the wall time would be without other jobs taking the core away.
    """
    import faiss

    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        for q in queries[:warm]:
            fn(q)
        times, cpu = [], []
        for q in queries[warm : warm + n]:
            c0 = time.thread_time()
            t0 = time.perf_counter()
            fn(q)
            times.append(time.perf_counter() - t0)
            cpu.append(time.thread_time() - c0)
    finally:
        faiss.omp_set_num_threads(threads)
    out = common.summary_ms(times)
    out["cpu_p50_ms"] = round(1e3 * common.percentile(cpu, 50), 3)
    out["cpu_p95_ms"] = round(1e3 * common.percentile(cpu, 95), 3)
    return out


def _size_mb(index) -> float:
    import faiss

    with tempfile.NamedTemporaryFile(prefix="qa-bench-faiss-", suffix=".faiss", dir=os.environ.get("TMPDIR", "/tmp")) as f:
        faiss.write_index(index, f.name)
        return os.path.getsize(f.name) / 2**20


def _recall(found, truth, k: int) -> float:
    hits = sum(len(set(f[:k].tolist()) & set(t[:k].tolist())) for f, t in zip(found, truth))
    return hits / (k * len(truth))


def worker(n: int, cap_s: float, quick: bool) -> dict:
    import faiss
    import numpy as np

    threads = faiss.omp_get_max_threads()
    mix = Mixture()
    t0 = time.perf_counter()
    data = mix.sample(n, seed=1)
    gen_s = time.perf_counter() - t0
    queries = mix.sample(N_LATENCY + N_RECALL + 20, seed=2)
    lat_q, rec_q = queries[: N_LATENCY + 20], queries[N_LATENCY + 20 :]
    say(f"  n={n}: data generated in {gen_s:.1f} s")
    out: dict = {"n": n, "dim": DIM, "omp_threads": threads}

    # exact
    t0 = time.perf_counter()
    flat = faiss.IndexFlatIP(DIM)
    flat.add(data)
    flat_build = time.perf_counter() - t0
    flat_k10 = _single_query_p50(lambda q: flat.search(q[None, :], 10), lat_q)
    flat_k100 = _single_query_p50(lambda q: flat.search(q[None, :], 100), lat_q)
    numpy_path = _single_query_p50(lambda q: data @ q, lat_q)
    scores = data @ lat_q[0]
    argsort = _single_query_p50(lambda q: np.argsort(-scores, kind="stable"), lat_q, n=min(50, N_LATENCY), warm=2)
    out["flat"] = {"build_s": flat_build, "size_mb": _size_mb(flat), "search_k10": flat_k10, "search_k100": flat_k100,
                   "retriever_matmul": numpy_path, "argsort_n": argsort}
    say(f"  n={n}: flat p50 k=10 {flat_k10['p50_ms']:.2f} ms (CPU {flat_k10['cpu_p50_ms']:.2f}), numpy matmul "
        f"{numpy_path['p50_ms']:.2f} ms (CPU {numpy_path['cpu_p50_ms']:.2f}), argsort {argsort['p50_ms']:.2f} ms "
        f"(CPU {argsort['cpu_p50_ms']:.2f})")

    # flat sweep over prefixes (what `auto` would serve below the threshold)
    sweep = []
    for m in [s for s in SWEEP if s < n] + [n]:
        part = data[:m]
        idx = faiss.IndexFlatIP(DIM)
        idx.add(part)
        sweep.append({
            "n": m,
            **{f"faiss_k100_{k}": v for k, v in _single_query_p50(lambda q: idx.search(q[None, :], 100), lat_q, n=100).items()
               if k in ("p50_ms", "cpu_p50_ms")},
            **{f"numpy_matmul_{k}": v for k, v in _single_query_p50(lambda q: part @ q, lat_q, n=100).items()
               if k in ("p50_ms", "cpu_p50_ms")},
        })
        del idx
    out["flat_sweep"] = sweep

    # HNSW, added in batches so a long build can stop at the cap
    hnsw = faiss.IndexHNSWFlat(DIM, M, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = EF_CONSTRUCTION
    batch = max(1_000, min(50_000, n // 10))
    t0 = time.perf_counter()
    added = 0
    capped = False
    while added < n:
        hnsw.add(data[added : added + batch])
        added = min(n, added + batch)
        elapsed = time.perf_counter() - t0
        if added < n and elapsed > cap_s:
            capped = True
            break
    build_s = time.perf_counter() - t0
    say(f"  n={n}: HNSW built over {added} vectors in {build_s:.1f} s" + (" (capped: subsample)" if capped else ""))
    if capped:
        exact = faiss.IndexFlatIP(DIM)
        exact.add(data[:added])
    else:
        exact = flat
    _, truth = exact.search(rec_q, 100)
    efs = []
    for ef in EF_VALUES:
        hnsw.hnsw.efSearch = ef
        lat = _single_query_p50(lambda q: hnsw.search(q[None, :], 10), lat_q)
        _, found = hnsw.search(rec_q, 10)
        efs.append({"ef_search": ef, "p50_ms": lat["p50_ms"], "p95_ms": lat["p95_ms"], "cpu_p50_ms": lat["cpu_p50_ms"],
                    "recall_at_10": _recall(found, truth, 10)})
        say(f"  n={n}: HNSW efSearch={ef}: p50 {lat['p50_ms']:.3f} ms (CPU {lat['cpu_p50_ms']:.3f}), "
            f"recall@10 {efs[-1]['recall_at_10']:.4f}")
    hnsw.hnsw.efSearch = EF_SEARCH
    lat100 = _single_query_p50(lambda q: hnsw.search(q[None, :], 100), lat_q)
    _, found100 = hnsw.search(rec_q, 100)
    out["hnsw"] = {
        "M": M, "ef_construction": EF_CONSTRUCTION, "vectors": added, "capped": capped, "cap_s": cap_s,
        "build_s": build_s, "build_vectors_per_s": added / build_s, "size_mb": _size_mb(hnsw),
        "ef": efs,
        "k100_ef128": {"p50_ms": lat100["p50_ms"], "p95_ms": lat100["p95_ms"], "cpu_p50_ms": lat100["cpu_p50_ms"],
                        "recall_at_100": _recall(found100, truth, 100), "recall_at_10": _recall(found100, truth, 10)},
    }
    out["data_stats"] = {
        "gen_s": gen_s,
        "top1_cosine_median": float(np.median(exact.search(rec_q[:100], 1)[0])),
        "random_pair_cosine_median": float(np.median(data[:500] @ data[500:1000].T)),
    }
    return out


def recommend(results: list[dict], budget_ms: float) -> dict:
    """Smallest size where the Retriever's flat path (numpy matmul over all vectors) exceeds the budget."""
    sweep = {}
    for r in results:
        for row in r["flat_sweep"]:
            sweep.setdefault(row["n"], row)
    rows = sorted(sweep.values(), key=lambda r: r["n"])
    over = [r for r in rows if r["numpy_matmul_cpu_p50_ms"] > budget_ms]
    under = [r for r in rows if r["numpy_matmul_cpu_p50_ms"] <= budget_ms]
    first_over = over[0]["n"] if over else None
    hnsw = [(r["n"], r["hnsw"]) for r in results]
    hnsw_txt = "; ".join(
        f"HNSW at {h['vectors']:,}: CPU p50 {next(e for e in h['ef'] if e['ef_search'] == EF_SEARCH)['cpu_p50_ms']:.2f} ms (k=10), "
        f"{h['k100_ef128']['cpu_p50_ms']:.2f} ms (k=100), recall@10 {next(e for e in h['ef'] if e['ef_search'] == EF_SEARCH)['recall_at_10']:.3f}, "
        f"build {h['build_vectors_per_s']:.0f} vectors/s"
        for _, h in hnsw
    )
    if first_over is None:
        advice = f"keep 200,000: the flat path's CPU p50 stays under {budget_ms} ms at every measured size ({hnsw_txt})"
        suggested = None
    else:
        suggested = max((r["n"] for r in under), default=rows[0]["n"])
        advice = (f"switch earlier: flat matmul CPU p50 exceeds {budget_ms} ms from {first_over:,} vectors; suggested "
                  f"HNSW_THRESHOLD ≈ {suggested:,} (largest measured size under budget) ({hnsw_txt})")
    return {"budget_ms": budget_ms, "sweep": rows, "first_over_budget": first_over, "suggested_threshold": suggested,
            "advice": advice}


def section(results: list[dict], rec: dict) -> dict:
    figures = []
    for r in results:
        n, f, h = r["n"], r["flat"], r["hnsw"]
        tag = f"n={n:,}"
        ef128 = next(e for e in h["ef"] if e["ef_search"] == EF_SEARCH)
        sub = (f" — SUBSAMPLE: build capped at {h['cap_s']:.0f} s after {h['vectors']:,} of {n:,} vectors; "
               f"latency/recall on those") if h["capped"] else ""
        figures += [
            figure(f"FAISS flat {tag}: build / size", f"{f['build_s']:.2f} s / {f['size_mb']:.0f} MB", "",
                   "IndexFlatIP.add; size of the written index", ""),
            figure(f"FAISS flat {tag}: query p50 CPU (wall), k=10 / k=100",
                   f"{f['search_k10']['cpu_p50_ms']:.2f} ({f['search_k10']['p50_ms']:.2f}) / {f['search_k100']['cpu_p50_ms']:.2f} ({f['search_k100']['p50_ms']:.2f})", "ms",
                   f"single queries on one thread, {N_LATENCY} fresh mixture draws; CPU = thread time (what an idle core would take)", ""),
            figure(f"Retriever flat path {tag}: matmul p50 CPU (wall) + one argsort",
                   f"{f['retriever_matmul']['cpu_p50_ms']:.2f} ({f['retriever_matmul']['p50_ms']:.2f}) + {f['argsort_n']['cpu_p50_ms']:.2f} ({f['argsort_n']['p50_ms']:.2f})", "ms",
                   "numpy vectors @ q over all n (what Retriever.dense_scores does for flat); fusion then argsorts n-long arrays ~4 times", ""),
            figure(f"FAISS HNSW {tag}: build / size", f"{h['build_s']:.1f} s / {h['size_mb']:.0f} MB", "",
                   f"M={M}, efConstruction={EF_CONSTRUCTION}, {h['build_vectors_per_s']:.0f} vectors/s{sub}", ""),
            figure(f"FAISS HNSW {tag}: query p50 CPU (wall) / recall@10 at efSearch={EF_SEARCH}",
                   f"{ef128['cpu_p50_ms']:.3f} ({ef128['p50_ms']:.3f}) / {ef128['recall_at_10']:.4f}", "ms / recall",
                   "k=10, recall vs exact search on the same vectors" + sub, ""),
            figure(f"FAISS HNSW {tag}: efSearch sweep (CPU p50 ms, recall@10)",
                   "; ".join(f"ef={e['ef_search']}: {e['cpu_p50_ms']:.3f}, {e['recall_at_10']:.3f}" for e in h["ef"]), "",
                   "same queries", ""),
            figure(f"FAISS HNSW {tag}: k=100 (Retriever candidates) p50 CPU (wall) / recall@100",
                   f"{h['k100_ef128']['cpu_p50_ms']:.3f} ({h['k100_ef128']['p50_ms']:.3f}) / {h['k100_ef128']['recall_at_100']:.4f}", "ms / recall",
                   "efSearch=128 → effective ef=max(128, k)", ""),
        ]
    sweep = "; ".join(f"{r['n']:,}: {r['numpy_matmul_cpu_p50_ms']:.2f} ({r['numpy_matmul_p50_ms']:.2f})" for r in rec["sweep"])
    figures.append(figure("flat sweep: Retriever matmul p50 CPU (wall) by n", sweep, "ms",
                          "numpy vectors @ q over prefixes of the data, one thread", ""))
    figures.append(figure("HNSW_THRESHOLD (src/qa/dense.py)", rec.get("advice", ""), "",
                          f"first n where the flat matmul CPU p50 exceeds {rec['budget_ms']} ms: {rec['first_over_budget']}", "currently 200,000"))
    return {"area": "FAISS scale", "figures": figures, "details": {"results": results, "recommendation": rec}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--hnsw-cap-s", type=float, default=600.0, help="stop adding to HNSW after this long")
    parser.add_argument("--budget-ms", type=float, default=2.0, help="dense-search share of the 5 ms retrieval target")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.hnsw_cap_s, args.quick)))
        return
    sizes = [1_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    results = []
    for n in sizes:
        say(f"FAISS n={n:,}")
        res = common.run_child([PYTHON, __file__, "--worker", str(n), "--hnsw-cap-s", str(args.hnsw_cap_s)],
                               env=common.child_env(OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1"),
                               timeout=args.hnsw_cap_s * 3 + 1800)
        for line in res["stdout"].splitlines():
            if line.startswith("  n="):
                say(line)
        data = common.last_json_line(res["stdout"])
        data["maxrss_mb"] = res["maxrss_mb"]
        data["wall_s"] = res["wall_s"]
        results.append(data)
    rec = recommend(results, args.budget_ms)
    sec = section(results, rec)
    common.print_figures(sec)
    common.write_section(args.out, sec)


if __name__ == "__main__":
    main()

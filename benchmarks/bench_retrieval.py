"""Warm `Retriever.retrieve()` latency, with and without the query-embedding cache.

One process loads the index once, warms up on questions that are not measured, then for
each repeat:

* clears the retriever's LRU query-embedding cache and asks every measured question once
  (distinct questions: each one is embedded -> "uncached");
* asks the same questions again in the same order (every embedding is a cache hit -> "cached").

Per call it also times the query embedding (`Retriever.embed_query`), the lexical stage
(`Retriever.lexical`: BM25 with expansion and metadata prior) and the
dense search by wrapping those methods on the instance (no change to src/qa), so the share of
the time spent embedding the query is measured, not inferred.

    python benchmarks/bench_retrieval.py [--index index] [--questions 200] [--reps 3] [--out r.json]
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from pathlib import Path

import common
from common import figure, say, summary_ms

PEER = "peers 11–22 ms p50; target p50 < 5 ms"


def _timed(store: dict[str, float], key: str, fn):
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            store[key] = store.get(key, 0.0) + time.perf_counter() - t0

    return wrapper


def measure(index: Path, n_questions: int, reps: int, warmup: int, use_gold: bool, k: int = 5,
            with_peer: bool = True) -> dict:
    common.offline_env_in_process()
    from qa.retrieval.retriever import Retriever

    t0 = time.perf_counter()
    retriever = Retriever(index)
    load_s = time.perf_counter() - t0
    texts = [p.text for p in retriever.passages]
    seeds = common.gold_questions() if use_gold else []
    questions = common.make_questions(texts, n_questions + warmup, seed=7, seeds=seeds)
    measured, warm = questions[:n_questions], questions[n_questions:]

    parts: dict[str, float] = {}
    retriever.embed_query = _timed(parts, "embed", retriever.embed_query)
    retriever.lexical = _timed(parts, "bm25", retriever.lexical)  # BM25 + expansion + metadata prior
    retriever.dense_scores = _timed(parts, "dense", retriever.dense_scores)

    t0 = time.perf_counter()
    for q in warm or measured[:5]:
        retriever.retrieve(q, k=k)
    warm_s = time.perf_counter() - t0

    runs = {"uncached": [], "cached": []}
    rng = random.Random(3)
    for rep in range(reps):
        order = list(measured)
        rng.shuffle(order)
        retriever.clear_caches()
        gc.collect()
        for mode in ("uncached", "cached"):
            rows = []
            for q in order:
                parts.clear()
                t0 = time.perf_counter()
                retriever.retrieve(q, k=k)
                total = time.perf_counter() - t0
                rows.append({"total": total, **parts})
            runs[mode].append(rows)
        say(f"  rep {rep + 1}/{reps}: uncached p50 {summary_ms([r['total'] for r in runs['uncached'][-1]])['p50_ms']:.2f} ms,"
            f" cached p50 {summary_ms([r['total'] for r in runs['cached'][-1]])['p50_ms']:.2f} ms")

    try:
        peer = peer_ratio(index, retriever, measured, reps) if with_peer else {}
    except Exception as exc:  # informative extra: never lose the main figures over it
        peer = {"error": repr(exc)}
    try:
        threads = encoder_threads(retriever, measured[:50])
    except Exception as exc:  # informative extra: never lose the main figures over it
        threads = {"error": repr(exc)}
    out: dict = {
        "peer": peer,
        "precision": retriever.query_encoder.precision,
        "encoder_threads": threads,
        "index": str(index),
        "passages": len(retriever),
        "dense_kind": retriever.manifest.dense.kind,
        "questions": len(measured),
        "gold_questions_used": sum(1 for q in measured if q in set(seeds)),
        "reps": reps,
        "k": k,
        "index_load_s": round(load_s, 3),
        "warmup_s": round(warm_s, 3),
        "query_chars_median": common.median(len(q) for q in measured),
        "sample_questions": measured[:3] + measured[-3:],
    }
    for mode, rep_rows in runs.items():
        per_rep = [summary_ms([r["total"] for r in rows]) for rows in rep_rows]
        pooled = [r for rows in rep_rows for r in rows]
        stages = {}
        for stage in ("embed", "bm25", "dense"):
            stages[f"{stage}_p50_ms"] = round(common.median(1e3 * r.get(stage, 0.0) for r in pooled), 3)
        stages["rest_p50_ms"] = round(
            common.median(1e3 * (r["total"] - r.get("embed", 0) - r.get("bm25", 0) - r.get("dense", 0)) for r in pooled), 3
        )
        embed_share = sum(r.get("embed", 0.0) for r in pooled) / sum(r["total"] for r in pooled)
        out[mode] = {
            "p50_ms": round(common.median(s["p50_ms"] for s in per_rep), 3),
            "p95_ms": round(common.median(s["p95_ms"] for s in per_rep), 3),
            "per_rep_p50_ms": [s["p50_ms"] for s in per_rep],
            "per_rep_p95_ms": [s["p95_ms"] for s in per_rep],
            "pooled": summary_ms([r["total"] for r in pooled]),
            "stages": stages,
            "embed_share_of_time": round(embed_share, 4),
            "embed_share_median_per_query": round(
                common.median(r.get("embed", 0.0) / r["total"] for r in pooled), 4
            ),
        }
    return out


def peer_ratio(index: Path, retriever, questions: list[str], reps: int) -> dict:
    """qa.retrieve vs sentence-transformers encode + FAISS flat search, alternated question by question.

    Both in this process, on the same distinct questions, after a warm-up pass over all of them on
    both sides; the peer searches an IndexFlatIP holding the index's own passage vectors (same count).
    qa's query-embedding cache is cleared before each repeat, so no question is answered from it.
    Figures: medians over repeats of each side's p50.
    """
    import faiss
    from sentence_transformers import SentenceTransformer

    import qa
    from qa.index import dense
    from qa.retrieval.retriever import get_retriever

    model = SentenceTransformer(str(retriever.encoder.model_dir), device="cpu")
    flat = faiss.IndexFlatIP(retriever.encoder.dimension)
    flat.add(dense.vectors_of(retriever._dense))  # noqa: SLF001 - the same vectors, for the peer's search

    def peer(q: str) -> None:
        flat.search(model.encode([q], normalize_embeddings=True), 5)

    def ours(q: str) -> None:
        qa.retrieve(q, k=5, index=index)

    # Warm both sides on every question once: torch's first call at a new sequence length is several
    # times slower (150-500 ms p50 in a first repeat here), which made the peer's first repeat a cold one.
    # qa's query cache is cleared before each repeat, so no question is answered from it.
    for q in questions:
        peer(q), ours(q)
    p50 = {"qa": [], "peer": []}
    rng = random.Random(11)
    for rep in range(reps):
        order = list(questions)
        rng.shuffle(order)
        get_retriever(index).clear_caches()  # the retriever qa.retrieve uses (loaded by the warm-up)
        times = {"qa": [], "peer": []}
        for i, q in enumerate(order):
            for name, fn in ((("qa", ours), ("peer", peer)) if i % 2 else (("peer", peer), ("qa", ours))):
                t0 = time.perf_counter()
                fn(q)
                times[name].append(time.perf_counter() - t0)
        for name in p50:
            p50[name].append(summary_ms(times[name])["p50_ms"])
        say(f"  peer rep {rep + 1}/{reps}: qa.retrieve p50 {p50['qa'][-1]:.2f} ms, st+faiss p50 {p50['peer'][-1]:.2f} ms")
    out = {name: round(common.median(v), 3) for name, v in p50.items()}
    out["ratio"] = round(common.median(a / b for a, b in zip(p50["qa"], p50["peer"])), 3)
    out["per_rep"] = p50
    out["questions"] = len(questions)
    return out


def encoder_threads(retriever, questions: list[str], rounds: int = 3) -> dict:
    """Single-query embedding latency of the ONNX session the retriever uses vs a 1-thread session.

    Same export, same questions, alternated in rounds in this one process, so the ratio holds
    on a noisy machine. Informs the choice of intra-op threads for query encoding.
    """
    import os

    impl = getattr(retriever.query_encoder, "_impl", None)
    folder = getattr(impl, "_dir", None)
    if retriever.query_encoder.backend != "onnx" or folder is None:
        return {}
    from qa.embed.onnx import OnnxEncoder

    one = OnnxEncoder(folder, threads=1, model_file=impl.model_path.name)
    sessions = {f"default ({os.cpu_count()} threads)": impl, "1 thread": one}
    for enc in sessions.values():
        enc.encode(questions[:5])
    times: dict[str, list[float]] = {name: [] for name in sessions}
    for _ in range(rounds):
        for name, enc in sessions.items():
            for q in questions:
                t0 = time.perf_counter()
                enc.encode([q])
                times[name].append(time.perf_counter() - t0)
    out = {name: summary_ms(t) for name, t in times.items()}
    names = list(sessions)
    out["ratio_default_over_1_thread_p50"] = round(out[names[0]]["p50_ms"] / out[names[1]]["p50_ms"], 3)
    return out


def section(result: dict, label: str = "") -> dict:
    tag = f" [{label}]" if label else ""
    n = result["questions"]
    how = (f"warm Retriever.retrieve(q, k={result['k']}) on {result['passages']} passages "
           f"({result['dense_kind']}), {n} distinct questions, median over {result['reps']} repeats of the per-repeat percentile")
    u, c = result["uncached"], result["cached"]
    figures = [
        figure(f"retrieval p50, uncached query embedding{tag}", u["p50_ms"], "ms", how + "; LRU cache cleared before each repeat", PEER),
        figure(f"retrieval p95, uncached query embedding{tag}", u["p95_ms"], "ms", how, ""),
        figure(f"retrieval p50, cached query embedding{tag}", c["p50_ms"], "ms", "same questions asked again (embedding from the LRU cache)", PEER),
        figure(f"retrieval p95, cached query embedding{tag}", c["p95_ms"], "ms", "same as above", ""),
        figure(f"query-embedding share of uncached retrieval time{tag}", round(100 * u["embed_share_of_time"], 1), "%",
               "sum of Retriever.embed_query time / sum of retrieve() time (uncached runs)", ""),
        figure(f"uncached stage p50s{tag}: embed / lexical / dense / fusion+rest",
               "{embed_p50_ms} / {bm25_p50_ms} / {dense_p50_ms} / {rest_p50_ms}".format(**u["stages"]), "ms",
               "per-call times of the wrapped methods; rest = fusion, ranks, Passage objects", ""),
    ]
    peer = result.get("peer") or {}
    if "ratio" in peer:
        figures.append(figure(f"qa.retrieve / (sentence-transformers encode + FAISS flat) p50{tag}", peer["ratio"], "x",
                              f"{peer['qa']} ms vs {peer['peer']} ms p50, {peer['questions']} distinct questions alternated "
                              f"one by one in one process, query cache cleared per repeat ({result['precision']} encoder); "
                              "median of per-repeat ratios", "target <= 0.4"))
    threads = result.get("encoder_threads") or {}
    if "ratio_default_over_1_thread_p50" in threads:
        default, one = [k for k in threads if k.startswith("default")][0], "1 thread"
        figures.append(figure(f"query embedding alone p50: {default} vs 1 thread{tag}",
                              f"{threads[default]['p50_ms']} vs {threads[one]['p50_ms']}", "ms",
                              "OnnxEncoder.encode([q]) on the same export, alternated in one process "
                              f"(ratio {threads['ratio_default_over_1_thread_p50']})", ""))
    return {"area": "retrieval" + (f" ({label})" if label else ""), "figures": figures, "details": result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=common.ROOT / "index")
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--no-gold", action="store_true", help="do not seed the questions with eval/gold.jsonl")
    parser.add_argument("--label", default="")
    parser.add_argument("--no-peer", action="store_true", help="skip the sentence-transformers + FAISS comparison")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.quick:
        args.questions, args.warmup, args.reps = 20, 3, 1
    say(f"retrieval latency on {args.index} ({args.questions} questions x {args.reps} repeats)")
    result = measure(args.index, args.questions, args.reps, args.warmup, not args.no_gold,
                     with_peer=not (args.no_peer or args.quick))
    sec = section(result, args.label)
    common.print_figures(sec)
    common.write_section(args.out, sec)


if __name__ == "__main__":
    main()

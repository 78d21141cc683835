"""Scale: index the 1,796 press releases and compare the pipeline with the encoder alone.

Steps (each heavy step in its own process, so peak memory is that step's):

1. convert the CSVs into a corpus folder (benchmarks/convert_press.py);
2. `qa index` over it into a temp index, as a user runs it: wall time, chunks/s, peak RSS;
3. a worker process that, with the same encoder object and batch size (32):
   a. rebuilds the exact embedding inputs of that index (`qa.indexer.embedding_input` of every
      passage with its document title) and times `encoder.encode(inputs, batch_size=32)` (raw #1);
   b. runs `build_index()` into a second temp index with the indexer's functions wrapped by
      timers (exclusive time, nested calls subtracted) for the stage breakdown, and checks that
      the texts it embeds are exactly the inputs of (a);
   c. times the raw encode again (raw #2): the raw figure is the mean of #1 and #2, which
      sandwich the build so that machine noise drifting during the run hits both alike;
4. overhead beyond encoding = (build_index time - raw encode time) / raw encode time, and the
   same from the breakdown inside the one build (non-embed stages / embed stage);
5. when the overhead is above 10% (or with --profile), a cProfile of build_index() in its own
   process, written to press_profile.txt / .prof next to the results;
6. warm retrieval latency on the press index (bench_retrieval.py, questions drawn from it).

    python benchmarks/bench_press.py [--out p.json] [--scratch DIR] [--profile] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import common
from common import PYTHON, QA_BIN, figure, say

BATCH_SIZE = 32
TARGET_OVERHEAD = "target < 10%"
STAGES = [
    ("discover + hash", ["discover"]),
    ("load (read files)", ["load"]),
    ("clean", ["clean"]),
    ("chunk (sentences + packing)", ["chunk_document", "_token_budget"]),
    ("token counting (chunk sizes, title budget, over-window check)", ["count_tokens"]),
    ("embedding inputs + sha", ["embedding_input", "_sha"]),
    ("embed (encoder.encode)", ["encode"]),
    ("BM25 build", ["bm25_build"]),
    ("FAISS build", ["faiss_build"]),
    ("write (JSON, files, fsync, checksums, manifest)", ["json_dumps", "write_bytes", "faiss_save", "bm25_save",
                                                          "describe_files", "fsync_path", "commit_manifest"]),
    ("previous index checks", ["read_manifest", "verify_files", "_read_jsonl"]),
]


# ------------------------------------------------------------------------------------ worker


class _Timers:
    """Exclusive wall time per key: time inside nested timed calls is charged to them, not to the caller."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._stack: list[list[float]] = []

    def wrap(self, key: str, fn):
        def wrapper(*args, **kwargs):
            frame = [time.perf_counter(), 0.0]
            self._stack.append(frame)
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - frame[0]
                self._stack.pop()
                self.totals[key] = self.totals.get(key, 0.0) + elapsed - frame[1]
                self.calls[key] = self.calls.get(key, 0) + 1
                if self._stack:
                    self._stack[-1][1] += elapsed

        return wrapper


def _inputs_of_index(index: Path) -> list[str]:
    """The embedding inputs of every passage of an index, in passage order (what build_index encoded)."""
    from qa.chunk import Chunk
    from qa.indexer import embedding_input

    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    titles = {}
    with (index / manifest["roles"]["documents"]).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                meta = json.loads(line)["meta"]
                titles[meta["doc_id"]] = meta.get("title")
    with (index / manifest["roles"]["passages"]).open(encoding="utf-8") as handle:
        chunks = [Chunk.from_dict(json.loads(line)) for line in handle if line.strip()]
    return [embedding_input(c, titles.get(c.doc_id)) for c in chunks]


def worker(corpus: Path, cli_index: Path, target: Path) -> dict:
    common.offline_env_in_process()
    import types

    import numpy as np

    import qa.indexer as ix
    from qa import dense, store
    from qa.config import default_model_name
    from qa.embed import load_encoder
    from qa.lexical import BM25Index

    t0 = time.perf_counter()
    encoder = load_encoder(default_model_name())
    load_s = time.perf_counter() - t0
    inputs = _inputs_of_index(cli_index)
    encoder.encode(inputs[:BATCH_SIZE], batch_size=BATCH_SIZE)  # warm-up
    say(f"  worker: {len(inputs)} embedding inputs; encoder {encoder.backend} loaded in {load_s:.2f} s")

    t0 = time.perf_counter()
    vectors_raw = encoder.encode(inputs, batch_size=BATCH_SIZE)
    raw1 = time.perf_counter() - t0
    say(f"  worker: raw encode #1 {raw1:.1f} s ({len(inputs) / raw1:.1f} chunks/s)")

    timers = _Timers()
    captured: list[list[str]] = []
    encode = encoder.encode

    def capture(texts, *args, **kwargs):
        texts = list(texts)
        captured.append(texts)
        return encode(texts, *args, **kwargs)

    originals = {}

    def patch(owner, attr: str, key: str, fn=None) -> None:
        originals[(owner, attr)] = owner.__dict__[attr] if isinstance(owner, type) else getattr(owner, attr)
        setattr(owner, attr, timers.wrap(key, fn or getattr(owner, attr)))

    patch(ix, "discover", "discover")
    patch(ix, "load", "load")
    patch(ix, "clean", "clean")
    patch(ix, "chunk_document", "chunk_document")
    patch(ix, "_token_budget", "_token_budget")
    patch(ix, "embedding_input", "embedding_input")
    patch(ix, "_sha", "_sha")
    patch(ix, "_read_jsonl", "_read_jsonl")
    encoder.encode = timers.wrap("encode", capture)
    encoder.count_tokens = timers.wrap("count_tokens", encoder.count_tokens)
    ix.json = types.SimpleNamespace(dumps=timers.wrap("json_dumps", json.dumps), loads=json.loads)
    patch(store, "write_bytes", "write_bytes")
    patch(store, "describe_files", "describe_files")
    patch(store, "fsync_path", "fsync_path")
    patch(store, "commit_manifest", "commit_manifest")
    patch(store, "read_manifest", "read_manifest")
    patch(store, "verify_files", "verify_files")
    patch(dense, "build", "faiss_build")
    patch(dense, "save", "faiss_save")
    BM25Index.build = staticmethod(timers.wrap("bm25_build", BM25Index.build))
    BM25Index.save = timers.wrap("bm25_save", BM25Index.save)

    t0 = time.perf_counter()
    report = ix.build_index(corpus, target)
    build_s = time.perf_counter() - t0
    say(f"  worker: build_index {build_s:.1f} s, {report.passages} passages")

    encoder.encode = encode
    del encoder.count_tokens
    ix.json = json
    embedded = [t for batch in captured for t in batch]
    same_inputs = embedded == inputs

    t0 = time.perf_counter()
    vectors_raw2 = encode(inputs, batch_size=BATCH_SIZE)
    raw2 = time.perf_counter() - t0
    say(f"  worker: raw encode #2 {raw2:.1f} s ({len(inputs) / raw2:.1f} chunks/s)")
    raw = (raw1 + raw2) / 2

    stages = {}
    for label, keys in STAGES:
        stages[label] = round(sum(timers.totals.get(k, 0.0) for k in keys), 3)
    accounted = sum(timers.totals.values())
    stages["other (unwrapped glue: loops, dataclasses, manifest dict)"] = round(build_s - accounted, 3)
    embed_in_build = timers.totals.get("encode", 0.0)
    tokens = sum(len(e.ids) for e in encoder.tokenizer().encode_batch(inputs[:2000]))
    return {
        "passages": report.passages,
        "documents": report.documents,
        "embedded": report.embedded,
        "model_load_s": load_s,
        "backend": encoder.backend,
        "batch_size": BATCH_SIZE,
        "build_index_s": build_s,
        "raw_encode_s": [raw1, raw2],
        "raw_encode_mean_s": raw,
        "embed_in_build_s": embed_in_build,
        "same_inputs": same_inputs,
        "max_abs_vector_diff": float(np.abs(vectors_raw - vectors_raw2).max()),
        "stages_s": stages,
        "calls": timers.calls,
        "mean_input_tokens_first_2000": tokens / min(2000, len(inputs)),
    }


def profile_worker(corpus: Path, target: Path, out_prefix: Path) -> dict:
    """build_index under cProfile (encoder preloaded); writes .prof and a text summary."""
    common.offline_env_in_process()
    import cProfile
    import io
    import pstats

    from qa.config import default_model_name
    from qa.embed import load_encoder
    from qa.indexer import build_index

    load_encoder(default_model_name())
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    build_index(corpus, target)
    profiler.disable()
    wall = time.perf_counter() - t0
    profiler.dump_stats(str(out_prefix.with_suffix(".prof")))
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    text.write(f"build_index under cProfile: {wall:.1f} s wall (profiler overhead inflates Python-heavy code)\n\n")
    text.write("== by cumulative time, qa functions ==\n")
    stats.sort_stats("cumulative").print_stats(r"qa/", 40)
    text.write("\n== by own time (tottime), everything ==\n")
    stats.sort_stats("tottime").print_stats(40)
    out_prefix.with_suffix(".txt").write_text(text.getvalue(), encoding="utf-8")
    return {"wall_s": wall, "text": str(out_prefix.with_suffix(".txt")), "prof": str(out_prefix.with_suffix(".prof"))}


# ------------------------------------------------------------------------------------ driver


def measure(args: argparse.Namespace) -> dict:
    result: dict = {}
    scratch = args.scratch
    corpus = args.corpus
    t0 = time.perf_counter()
    conv_cmd = [PYTHON, str(common.BENCH / "convert_press.py"), "--out", str(corpus)]
    if args.limit:
        conv_cmd += ["--limit", str(args.limit)]
    conv = common.run_child(conv_cmd)
    result["convert"] = {**common.last_json_line(conv["stdout"]), "seconds": time.perf_counter() - t0}
    say(f"  converted {result['convert']['documents']} releases into {corpus} in {result['convert']['seconds']:.1f} s")

    cli_index = scratch / "press-index"
    if cli_index.exists():
        shutil.rmtree(cli_index)
    cli = common.run_child([QA_BIN, "index", "--corpus", str(corpus), "--index", str(cli_index), "--json"],
                           timeout=args.timeout)
    report = common.json_block(cli["stdout"])
    result["cli"] = {"wall_s": cli["wall_s"], "maxrss_mb": cli["maxrss_mb"], "inner_s": report["seconds"],
                     "passages": report["passages"], "documents": report["documents"],
                     "over_window": report["over_window"], "skipped": len(report["skipped"])}
    say(f"  qa index: {report['passages']} passages from {report['documents']} documents in {cli['wall_s']:.1f} s, "
        f"{cli['maxrss_mb']:.0f} MB peak")

    target = scratch / "press-index-worker"
    if target.exists():
        shutil.rmtree(target)
    work = common.run_child([PYTHON, __file__, "--worker", "--corpus", str(corpus), "--cli-index", str(cli_index),
                             "--target", str(target)], timeout=args.timeout)
    sys.stdout.write("".join(line + "\n" for line in work["stdout"].splitlines() if line.startswith("  worker")))
    result["worker"] = {**common.last_json_line(work["stdout"]), "maxrss_mb": work["maxrss_mb"], "wall_s": work["wall_s"]}
    shutil.rmtree(target, ignore_errors=True)

    w = result["worker"]
    result["overhead"] = {
        "vs_raw_encode": (w["build_index_s"] - w["raw_encode_mean_s"]) / w["raw_encode_mean_s"],
        "non_embed_over_embed_in_build": (w["build_index_s"] - w["embed_in_build_s"]) / w["embed_in_build_s"],
        "non_embed_share_of_build": (w["build_index_s"] - w["embed_in_build_s"]) / w["build_index_s"],
        "cli_vs_raw_encode": (result["cli"]["wall_s"] - w["raw_encode_mean_s"]) / w["raw_encode_mean_s"],
    }
    say("  overhead beyond encoding: {:.1%} (build_index vs raw encode), {:.1%} (non-embed / embed inside the build)".format(
        result["overhead"]["vs_raw_encode"], result["overhead"]["non_embed_over_embed_in_build"]))

    over = max(result["overhead"]["vs_raw_encode"], result["overhead"]["non_embed_over_embed_in_build"])
    if args.profile or over > 0.10:
        target = scratch / "press-index-profile"
        shutil.rmtree(target, ignore_errors=True)
        prefix = args.profile_out or (scratch / "press_profile")
        prof = common.run_child([PYTHON, __file__, "--profile-worker", "--corpus", str(corpus), "--target", str(target),
                                 "--profile-prefix", str(prefix)], timeout=args.timeout)
        result["profile"] = common.last_json_line(prof["stdout"])
        shutil.rmtree(target, ignore_errors=True)
        say(f"  profile written to {result['profile']['text']}")

    ret = common.run_child([PYTHON, str(common.BENCH / "bench_retrieval.py"), "--index", str(cli_index), "--no-gold",
                            "--questions", str(args.questions), "--reps", str(args.reps), "--label", "press index",
                            "--out", str(scratch / "press-retrieval.json")], timeout=args.timeout)
    sys.stdout.write(ret["stdout"])
    result["retrieval"] = json.loads((scratch / "press-retrieval.json").read_text(encoding="utf-8"))
    return result


def section(result: dict) -> dict:
    cli, w, o = result["cli"], result["worker"], result["overhead"]
    n = w["passages"]
    raw_rate = n / w["raw_encode_mean_s"]
    figures = [
        figure("press corpus: documents / chunks", f"{cli['documents']} / {cli['passages']}", "count",
               f"1,796 releases converted by convert_press.py; chunks of <= 128 word pieces; {cli['over_window']} inputs over the model window", ""),
        figure("press corpus: `qa index` full pipeline", round(cli["wall_s"], 1), "s",
               "fresh process into an empty temp index: imports, model load, all stages", ""),
        figure("press corpus: full pipeline throughput (`qa index`)", round(cli["passages"] / cli["wall_s"], 1), "chunks/s",
               "chunks / wall time of the `qa index` process", ""),
        figure("press corpus: build_index() throughput (encoder preloaded)", round(n / w["build_index_s"], 1), "chunks/s",
               f"in-process build_index() with timers, {w['build_index_s']:.1f} s", ""),
        figure("press corpus: raw encoder throughput", round(raw_rate, 1), "chunks/s",
               f"encoder.encode(same {n} embedding inputs, batch_size={w['batch_size']}), same process and encoder "
               f"({w['backend']}), mean of a run before and after the build ({', '.join(f'{s:.1f}' for s in w['raw_encode_s'])} s)", ""),
        figure("press corpus: pipeline overhead beyond encoding", round(100 * o["vs_raw_encode"], 1), "%",
               "(build_index time - raw encode time) / raw encode time, same process", TARGET_OVERHEAD),
        figure("press corpus: non-embed stages / embed stage, inside one build", round(100 * o["non_embed_over_embed_in_build"], 1), "%",
               "from the stage timers of the same build (immune to noise between runs)", TARGET_OVERHEAD),
        figure("press corpus: `qa index` peak memory", round(cli["maxrss_mb"]), "MB", "ru_maxrss of the `qa index` process", ""),
        figure("press corpus: worker peak memory", round(w["maxrss_mb"]), "MB",
               "ru_maxrss of the benchmark worker (holds inputs + two vector sets besides the build)", ""),
        figure("press corpus: stage breakdown", "; ".join(f"{k} {v:.1f}" for k, v in w["stages_s"].items()), "s",
               "exclusive wall time per stage inside build_index()", ""),
    ]
    figures += [{**f, "name": f["name"].replace("retrieval", "press-index retrieval", 1) if "[press" not in f["name"] else f["name"]}
                for f in result["retrieval"]["figures"][:4]]
    return {"area": "scale: press releases", "figures": figures, "details": result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=common.BENCH / "data" / "press_corpus")
    parser.add_argument("--scratch", type=Path, default=None, help="folder for temp indexes (default: a temp dir)")
    parser.add_argument("--profile", action="store_true", help="profile even when the overhead is below 10%%")
    parser.add_argument("--profile-out", type=Path, default=None, help="path prefix of the profile files")
    parser.add_argument("--limit", type=int, default=None, help="only the first N releases of each president")
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--profile-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cli-index", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--target", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-prefix", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.corpus, args.cli_index, args.target)))
        return
    if args.profile_worker:
        print(json.dumps(profile_worker(args.corpus, args.target, args.profile_prefix)))
        return
    say("scale: press releases")
    if args.scratch is None:
        with tempfile.TemporaryDirectory(prefix="qa-bench-press-") as name:
            args.scratch = Path(name)
            sec = section(measure(args))
    else:
        args.scratch.mkdir(parents=True, exist_ok=True)
        sec = section(measure(args))
    common.print_figures(sec)
    common.write_section(args.out, sec)


if __name__ == "__main__":
    main()

"""Scale: index the 1,796 press releases and compare the pipeline with the encoder alone.

Steps (each heavy step in its own process, so peak memory is that step's):

1. convert the CSVs into a corpus folder (benchmarks/convert_press.py);
2. a worker process (a fresh interpreter, like `qa index`) that imports qa, loads the
   encoder, then runs `build_index()` into an empty temp index with the indexer's functions
   wrapped by timers (exclusive time: nested timed calls are charged to themselves) for the
   stage breakdown, capturing the texts it embeds; then, with the same encoder object and batch
   size (32), times `encoder.encode()` on the same texts (`qa.index.build.embedding_input` of every
   stored passage with its document title; checked equal to what the build embedded);
3. overhead beyond encoding = (build_index time - raw encode time) / raw encode time; and the
   same from inside the one build (non-embed stages / embed stage), which machine noise
   between the two runs cannot skew;
4. a no-change re-run of the real `qa index` command on that index; with --cli, also the real
   command into a second empty temp index (one more full encode);
5. when the overhead is above 10% (or with --profile), a cProfile of build_index() with the
   encoder stubbed, in its own process, written to <prefix>.txt / .prof;
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
    ("term vectors for query expansion", ["term_vectors"]),
    ("document cards (metadata prior)", ["doc_cards"]),
    ("FAISS build", ["faiss_build"]),
    ("write (JSON, files, fsync, checksums, manifest)", ["json_dumps", "write_bytes", "faiss_save", "bm25_save",
                                                          "describe_files", "fsync_path", "commit_manifest"]),
    ("previous index checks", ["read_manifest", "verify_files", "previous_passages"]),
]


# ------------------------------------------------------------------------------------ worker


class _Timers:
    """Exclusive wall time per key: time inside nested timed calls is charged to them, not to the caller."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.missing: list[str] = []  # functions the indexer does not have (another version of qa)
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
    from qa.index import store
    from qa.index.build import embedding_input

    files = store.IndexFiles.open(index, checksums=False)
    titles = {doc_id: record.meta.get("title") for doc_id, record in files.documents().items()}
    return [embedding_input(c, titles.get(c.doc_id)) for c in files.passages()]


def _instrument(timers: _Timers, encoder, captured: list[list[str]]):
    """Wrap the indexer's stages with timers (no change to src/qa); returns a function that undoes it."""
    import types

    import qa.index.build as ix
    from qa.index import dense
    from qa.index import store
    from qa.index.bm25 import BM25Index

    undo = []

    def patch(owner, attr: str, key: str) -> None:
        original = owner.__dict__.get(attr)
        if original is None:  # this version of qa has no such function: its time stays in "other"
            timers.missing.append(f"{getattr(owner, '__name__', owner)}.{attr}")
            return
        undo.append((owner, attr, original))
        wrapped = timers.wrap(key, getattr(owner, attr))
        setattr(owner, attr, staticmethod(wrapped) if isinstance(original, classmethod) else wrapped)

    for name in ("discover", "clean", "chunk_document", "_token_budget", "embedding_input", "_sha"):
        patch(ix, name, name)
    try:  # documents are read in a helper process, through its loader
        from qa.ingest.budget import BudgetedLoader

        patch(BudgetedLoader, "load", "load")
    except ImportError:
        patch(ix, "load", "load")
    for name in ("write_bytes", "describe_files", "fsync_path", "commit_manifest", "read_manifest", "verify_files"):
        patch(store, name, name)
    patch(store.IndexFiles, "embed_shas", "previous_passages")
    patch(dense, "build", "faiss_build")
    patch(dense, "save", "faiss_save")
    patch(BM25Index, "build", "bm25_build")
    patch(BM25Index, "save", "bm25_save")
    # Stages that only some versions of the indexer have (query-expansion term vectors, document cards).
    import importlib

    for module, attr, key in (("qa.retrieval.expansion", "term_vectors", "term_vectors"), ("qa.retrieval.priors", "card", "doc_cards")):
        try:
            owner = importlib.import_module(module)
        except ImportError:
            continue
        if attr in owner.__dict__:
            patch(owner, attr, key)
    try:
        from qa.retrieval.expansion import TokenVectors

        patch(TokenVectors, "open", "term_vectors")
    except (ImportError, KeyError):
        pass
    undo.append((store, "json", store.json))
    store.json = types.SimpleNamespace(dumps=timers.wrap("json_dumps", json.dumps), loads=json.loads)

    encode = encoder.encode

    def capture(texts, *args, **kwargs):
        texts = list(texts)
        captured.append(texts)
        return encode(texts, *args, **kwargs)

    encoder.encode = timers.wrap("encode", capture)
    encoder.count_tokens = timers.wrap("count_tokens", encoder.count_tokens)

    def restore() -> None:
        for owner, attr, original in reversed(undo):
            setattr(owner, attr, original)
        del encoder.encode
        del encoder.count_tokens

    return restore


def worker(corpus: Path, target: Path, raw_repeats: int) -> dict:
    """Runs in a fresh process: imports, model load, instrumented build_index(), raw encode of the same inputs."""
    t_import = time.perf_counter()
    common.offline_env_in_process()
    import os

    if os.environ.get("QA_BENCH_SRC"):  # --before-src: this process measures another version of qa
        sys.path.insert(0, os.environ["QA_BENCH_SRC"])
    import numpy as np

    import qa
    import qa.index.build as ix
    from qa.settings import default_model_name
    from qa.embed.encoder import load_encoder

    import_s = time.perf_counter() - t_import
    source = Path(qa.__file__).resolve().parents[1]
    if os.environ.get("QA_BENCH_SRC") and source != Path(os.environ["QA_BENCH_SRC"]).resolve():
        raise SystemExit(f"--before-src: qa was imported from {source}, not from {os.environ['QA_BENCH_SRC']}")
    t0 = time.perf_counter()
    encoder = load_encoder(default_model_name())
    load_s = time.perf_counter() - t0

    timers = _Timers()
    captured: list[list[str]] = []
    restore = _instrument(timers, encoder, captured)
    t0 = time.perf_counter()
    report = ix.build_index(corpus, target)
    build_s = time.perf_counter() - t0
    restore()
    say(f"  worker: build_index {build_s:.1f} s, {report.passages} passages "
        f"(embed stage {timers.totals.get('encode', 0.0):.1f} s = {report.passages / max(1e-9, timers.totals.get('encode', 0.0)):.1f} chunks/s)")

    embedded = [t for batch in captured for t in batch]
    inputs = _inputs_of_index(target)  # qa.index.build.embedding_input of every stored passage
    same_inputs = sorted(set(embedded)) == sorted(set(inputs))  # the build encodes each distinct text once
    raws, vectors = [], None
    for i in range(raw_repeats):
        t0 = time.perf_counter()
        vectors = encoder.encode(inputs)  # the encoder's own batch size, as the build uses it
        raws.append(time.perf_counter() - t0)
        say(f"  worker: raw encode {i + 1}/{raw_repeats} {raws[-1]:.1f} s ({len(inputs) / raws[-1]:.1f} chunks/s)")
    raw = common.median(raws) if raws else float("nan")

    from qa.index import dense
    from qa.index import store

    stored = dense.vectors_of(store.IndexFiles.open(target, checksums=False).dense())
    stages = {}
    for label, keys in STAGES:
        stages[label] = round(sum(timers.totals.get(k, 0.0) for k in keys), 3)
    accounted = sum(timers.totals.values())
    stages["other (unwrapped glue: loops, dataclasses, manifest dict)"] = round(build_s - accounted, 3)
    embed_in_build = timers.totals.get("encode", 0.0)
    tokens = [len(e.ids) for e in encoder.tokenizer().encode_batch(inputs)]
    return {
        "qa_src": str(source),
        "passages": report.passages,
        "documents": report.documents,
        "embedded": report.embedded,
        "over_window": report.over_window,
        "import_s": import_s,
        "model_load_s": load_s,
        "backend": encoder.backend,
        "batch_size": getattr(sys.modules["qa.embed.encoder"], "BATCH_SIZE", BATCH_SIZE),
        "precision": getattr(encoder, "precision", "fp32"),
        "build_index_s": build_s,
        "raw_encode_s": raws,
        "raw_encode_median_s": raw,
        "embed_in_build_s": embed_in_build,
        "same_inputs": same_inputs,
        "max_abs_diff_raw_vs_index_vectors": float(np.abs(vectors - stored).max()) if vectors is not None else None,
        "stages_s": stages,
        "calls": timers.calls,
        "not_timed": timers.missing,
        "input_tokens_mean": sum(tokens) / max(1, len(tokens)),
        "input_tokens_total": sum(tokens),
    }


def profile_worker(corpus: Path, target: Path, out_prefix: Path) -> dict:
    """build_index() under cProfile, with encoder.encode stubbed (returns random unit vectors).

    Encoding is measured on its own; stubbing it keeps the profile short and about the rest of
    the pipeline (tokenisation inside encode is then absent too: it is part of the encoder).
    """
    common.offline_env_in_process()
    import cProfile
    import io
    import pstats

    import numpy as np

    from qa.settings import default_model_name
    from qa.embed.encoder import load_encoder
    from qa.index.build import build_index

    encoder = load_encoder(default_model_name())
    rng = np.random.default_rng(0)

    def stub(texts, batch_size=32, progress=False, on_step=None):
        v = rng.standard_normal((len(texts), encoder.dimension)).astype(np.float32)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        if on_step is not None:  # the embedding cache keeps what each step hands it, as with the real encoder
            on_step(list(range(len(texts))), v)
        return v

    encoder.encode = stub
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    build_index(corpus, target)
    profiler.disable()
    wall = time.perf_counter() - t0
    profiler.dump_stats(str(out_prefix.with_suffix(".prof")))
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    text.write(f"build_index() under cProfile, encoder.encode stubbed: {wall:.1f} s wall "
               "(the profiler inflates Python-heavy code)\n\n")
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

    index = scratch / "press-index"
    shutil.rmtree(index, ignore_errors=True)
    shutil.rmtree(index.with_name(index.name + ".embed-cache"), ignore_errors=True)  # a full encode, no cache
    if args.before_src:
        if not (args.before_src / "qa" / "__init__.py").is_file():
            raise SystemExit(f"--before-src {args.before_src}: no qa package there (give the src folder of a checkout)")
        before = scratch / "press-index-before"
        shutil.rmtree(before, ignore_errors=True)
        env = common.child_env()
        env["QA_BENCH_SRC"] = str(args.before_src)  # the worker puts it first on sys.path
        old = common.run_child([PYTHON, __file__, "--worker", "--corpus", str(corpus), "--target", str(before),
                                "--raw-repeats", "0"], env=env, timeout=args.timeout)
        result["before"] = {**common.last_json_line(old["stdout"]), "wall_s": old["wall_s"], "src": str(args.before_src)}
        shutil.rmtree(before, ignore_errors=True)
        b = result["before"]
        say(f"  before ({args.before_src}): build_index {b['build_index_s']:.1f} s, {b['passages']} passages "
            f"({b['passages'] / b['build_index_s']:.1f} chunks/s)")
    work = common.run_child([PYTHON, __file__, "--worker", "--corpus", str(corpus), "--target", str(index),
                             "--raw-repeats", str(args.raw_repeats)], timeout=args.timeout)
    sys.stdout.write("".join(line + "\n" for line in work["stdout"].splitlines() if line.startswith("  worker")))
    result["worker"] = {**common.last_json_line(work["stdout"]), "maxrss_mb": work["maxrss_mb"], "wall_s": work["wall_s"]}
    w = result["worker"]
    result["overhead"] = {
        "vs_raw_encode": (w["build_index_s"] - w["raw_encode_median_s"]) / w["raw_encode_median_s"],
        "non_embed_over_embed_in_build": (w["build_index_s"] - w["embed_in_build_s"]) / w["embed_in_build_s"],
        "non_embed_share_of_build": (w["build_index_s"] - w["embed_in_build_s"]) / w["build_index_s"],
        "embed_in_build_over_raw": w["embed_in_build_s"] / w["raw_encode_median_s"],
        "process_vs_raw_encode": (w["wall_s"] - w["raw_encode_median_s"] * (1 + len(w["raw_encode_s"]))) / w["raw_encode_median_s"],
    }
    say("  overhead beyond encoding: {:.1%} (build_index vs raw encode), {:.1%} (non-embed / embed inside the build)".format(
        result["overhead"]["vs_raw_encode"], result["overhead"]["non_embed_over_embed_in_build"]))

    rerun = common.run_child([QA_BIN, "index", "--corpus", str(corpus), "--index", str(index), "--json"])
    result["cli_no_change"] = {"wall_s": rerun["wall_s"], "maxrss_mb": rerun["maxrss_mb"],
                               "up_to_date": common.json_block(rerun["stdout"])["up_to_date"]}
    say(f"  qa index, no change: {rerun['wall_s']:.2f} s")
    if args.cli:
        cli_index = scratch / "press-index-cli"
        shutil.rmtree(cli_index, ignore_errors=True)
        cli = common.run_child([QA_BIN, "index", "--corpus", str(corpus), "--index", str(cli_index), "--json"],
                               timeout=args.timeout)
        report = common.json_block(cli["stdout"])
        result["cli"] = {"wall_s": cli["wall_s"], "maxrss_mb": cli["maxrss_mb"], "inner_s": report["seconds"],
                         "passages": report["passages"], "documents": report["documents"]}
        shutil.rmtree(cli_index, ignore_errors=True)
        say(f"  qa index: {report['passages']} passages in {cli['wall_s']:.1f} s, {cli['maxrss_mb']:.0f} MB peak")

    over = max(result["overhead"]["vs_raw_encode"], result["overhead"]["non_embed_over_embed_in_build"])
    if args.profile or over > 0.10:
        target = scratch / "press-index-profile"
        shutil.rmtree(target, ignore_errors=True)
        shutil.rmtree(target.with_name(target.name + ".embed-cache"), ignore_errors=True)  # the stub's vectors
        prefix = args.profile_out or (scratch / "press_profile")
        prof = common.run_child([PYTHON, __file__, "--profile-worker", "--corpus", str(corpus), "--target", str(target),
                                 "--profile-prefix", str(prefix)], timeout=args.timeout)
        result["profile"] = common.last_json_line(prof["stdout"])
        shutil.rmtree(target, ignore_errors=True)
        shutil.rmtree(target.with_name(target.name + ".embed-cache"), ignore_errors=True)
        say(f"  profile written to {result['profile']['text']}")

    ret = common.run_child([PYTHON, str(common.BENCH / "bench_retrieval.py"), "--index", str(index), "--no-gold",
                            "--questions", str(args.questions), "--reps", str(args.reps), "--label", "press index",
                            "--out", str(scratch / "press-retrieval.json")], timeout=args.timeout)
    sys.stdout.write(ret["stdout"])
    result["retrieval"] = json.loads((scratch / "press-retrieval.json").read_text(encoding="utf-8"))
    return result


def section(result: dict) -> dict:
    w, o = result["worker"], result["overhead"]
    n = w["passages"]
    raw = w["raw_encode_median_s"]
    process_s = w["import_s"] + w["model_load_s"] + w["build_index_s"]
    figures = [
        figure("press corpus: documents / chunks", f"{w['documents']} / {n}", "count",
               f"releases converted by convert_press.py; chunks of <= 128 word pieces (mean embedding input "
               f"{w['input_tokens_mean']:.0f} word pieces); {w['over_window']} inputs over the model window", ""),
        figure("press corpus: full pipeline throughput", round(n / process_s, 1), "chunks/s",
               f"imports + model load + build_index() into an empty temp index = {process_s:.1f} s, fresh process", ""),
        figure("press corpus: build_index() throughput (model loaded)", round(n / w["build_index_s"], 1), "chunks/s",
               f"build_index() alone, {w['build_index_s']:.1f} s", ""),
        figure("press corpus: raw encoder throughput", round(n / raw, 1), "chunks/s",
               f"encoder.encode(the same {n} embedding_input texts, batch_size={w['batch_size']}), same process and "
               f"encoder ({w['backend']}), right after the build; median of {len(w['raw_encode_s'])}", ""),
        figure("press corpus: pipeline overhead beyond encoding", round(100 * o["vs_raw_encode"], 1), "%",
               "(build_index time - raw encode time) / raw encode time, same process", TARGET_OVERHEAD),
        figure("press corpus: non-embed stages / embed stage, inside one build", round(100 * o["non_embed_over_embed_in_build"], 1), "%",
               f"from the stage timers of the same build (immune to noise between runs; embed stage / raw encode = "
               f"{o['embed_in_build_over_raw']:.2f})", TARGET_OVERHEAD),
        figure("press corpus: peak memory of the build process", round(w["maxrss_mb"]), "MB",
               "ru_maxrss of the worker (build, then the raw encode)", ""),
        figure("press corpus: stage breakdown", "; ".join(f"{k} {v:.2f}" for k, v in w["stages_s"].items()), "s",
               "exclusive wall time per stage inside build_index() (timers wrapped around the indexer's functions)", ""),
    ]
    before = result.get("before")
    if before:
        before_process_s = before["import_s"] + before["model_load_s"] + before["build_index_s"]
        figures.insert(1, figure("press corpus: full build before -> after", f"{before_process_s:.1f} -> {process_s:.1f}", "s",
                                 f"imports + model load + build_index() into an empty index, fresh processes one after "
                                 f"the other: {before['passages']} -> {n} chunks, {before['passages'] / before_process_s:.1f} -> "
                                 f"{n / process_s:.1f} chunks/s; before = the code in {before['src']}; speed-up "
                                 f"{before_process_s / process_s:.2f}x", ""))
        figures.insert(2, figure("press corpus: build_index() before -> after", f"{before['build_index_s']:.1f} -> "
                                 f"{w['build_index_s']:.1f}", "s",
                                 f"{before['passages'] / before['build_index_s']:.1f} -> {n / w['build_index_s']:.1f} "
                                 f"chunks/s (model loaded); embed stage {before['embed_in_build_s']:.1f} -> "
                                 f"{w['embed_in_build_s']:.1f} s; speed-up {before['build_index_s'] / w['build_index_s']:.2f}x", ""))
    cli = result.get("cli")
    if cli:
        figures.insert(2, figure("press corpus: `qa index` wall time", round(cli["wall_s"], 1), "s",
                                 f"the real command into an empty temp index, fresh process = {cli['passages'] / cli['wall_s']:.1f} chunks/s; "
                                 f"peak {cli['maxrss_mb']:.0f} MB", ""))
    figures.append(figure("press corpus: `qa index` no-change re-run", round(result["cli_no_change"]["wall_s"], 2), "s",
                          f"the real command on the built index, fresh process ({w['documents']} files hashed); "
                          f"peak {result['cli_no_change']['maxrss_mb']:.0f} MB", "target ~1 s"))
    figures += result["retrieval"]["figures"][:5]
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
    parser.add_argument("--timeout", type=float, default=4 * 3600, help="per step; a loaded machine is slow")
    parser.add_argument("--raw-repeats", type=int, default=1, help="raw encode passes after the build (median)")
    parser.add_argument("--cli", action="store_true",
                        help="also time the real `qa index` command on a second empty index (one more full encode)")
    parser.add_argument("--before-src", type=Path, default=None,
                        help="also build with the qa package in this src folder (e.g. a checkout of the previous "
                             "release) in a fresh process: full build time and chunks/s before -> after")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--profile-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--target", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-prefix", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.before_src is not None:
        args.before_src = args.before_src.resolve()
    if args.worker:
        print(json.dumps(worker(args.corpus, args.target, args.raw_repeats)))
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

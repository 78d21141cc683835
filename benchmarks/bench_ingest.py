"""Index build of a corpus with the real `qa index` command, each run in a fresh process.

* first-ever build: QA_CACHE_DIR points to an empty folder, so the run also exports the
  model to ONNX (what a new user's first `qa index` pays once; normally into ~/.cache/qa);
* full build: a new, empty index folder each time, the ONNX export already cached (median of --runs);
* no-change re-run: `qa index` again on an up-to-date index (median of --reruns).

Wall time is measured by the parent around the whole process (interpreter start-up, imports
and model load included); the `seconds` that `qa index --json` reports (inside build_index)
is kept too. Peak memory is ru_maxrss of each child (os.wait4).

    python benchmarks/bench_ingest.py [--corpus corpus] [--runs 3] [--reruns 5] [--keep-index DIR] [--out i.json]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import common
from common import QA_BIN, figure, say


def _index(corpus: Path, index: Path, **env: str) -> dict:
    res = common.run_child([QA_BIN, "index", "--corpus", str(corpus), "--index", str(index), "--json"],
                           env=common.child_env(**env))
    report = common.json_block(res["stdout"])
    return {"wall_s": res["wall_s"], "maxrss_mb": res["maxrss_mb"], "inner_s": report["seconds"],
            "passages": report["passages"], "documents": report["documents"], "up_to_date": report["up_to_date"],
            "embedded": report["embedded"]}


def measure(corpus: Path, runs: int, reruns: int, with_export: bool, keep_index: Path | None) -> dict:
    out: dict = {"corpus": str(corpus)}
    with tempfile.TemporaryDirectory(prefix="qa-bench-ingest-") as scratch_name:
        scratch = Path(scratch_name)
        if with_export:
            first = _index(corpus, scratch / "index-export", QA_CACHE_DIR=str(scratch / "empty-cache"))
            say(f"  first-ever build (exports ONNX): {first['wall_s']:.2f} s, {first['maxrss_mb']:.0f} MB")
            out["first_build_with_export"] = first
        builds = []
        for i in range(runs):
            builds.append(_index(corpus, scratch / f"index-{i}"))
            say(f"  full build {i + 1}/{runs}: {builds[-1]['wall_s']:.2f} s (inside build_index {builds[-1]['inner_s']:.2f} s), "
                f"{builds[-1]['maxrss_mb']:.0f} MB, {builds[-1]['passages']} passages")
        last = scratch / f"index-{runs - 1}"
        reruns_ = []
        for i in range(reruns):
            reruns_.append(_index(corpus, last))
            assert reruns_[-1]["up_to_date"], "a no-change re-run rebuilt the index"
            say(f"  no-change re-run {i + 1}/{reruns}: {reruns_[-1]['wall_s']:.2f} s, {reruns_[-1]['maxrss_mb']:.0f} MB")
        if keep_index is not None:
            if keep_index.exists():
                shutil.rmtree(keep_index)
            shutil.copytree(last, keep_index)
    for key, rows in (("full_build", builds), ("no_change", reruns_)):
        out[key] = {
            "runs": len(rows),
            "wall_s": round(common.median(r["wall_s"] for r in rows), 3),
            "inner_s": round(common.median(r["inner_s"] for r in rows), 3),
            "maxrss_mb": round(common.median(r["maxrss_mb"] for r in rows), 1),
            "per_run": rows,
        }
    out["passages"] = builds[-1]["passages"]
    out["documents"] = builds[-1]["documents"]
    return out


def section(result: dict) -> dict:
    b, r = result["full_build"], result["no_change"]
    docs = f"{result['documents']} documents, {result['passages']} passages"
    figures = [
        figure(f"index build, full ({result['documents']}-document corpus)", b["wall_s"], "s",
               f"`qa index` into an empty temp folder, fresh process, ONNX export cached; {docs}; median of {b['runs']} "
               f"(inside build_index: {b['inner_s']} s)", ""),
        figure("index build, full: peak memory", b["maxrss_mb"], "MB", "ru_maxrss of the `qa index` process, median", ""),
        figure("index build, no-change re-run", r["wall_s"], "s",
               f"`qa index` on an up-to-date index, fresh process; median of {r['runs']} (inside build_index: {r['inner_s']} s)",
               "target ~1 s"),
        figure("index build, no-change re-run: peak memory", r["maxrss_mb"], "MB", "ru_maxrss, median", ""),
    ]
    first = result.get("first_build_with_export")
    if first:
        figures.insert(2, figure("index build, first ever (includes one-time ONNX export)", round(first["wall_s"], 2), "s",
                                 f"QA_CACHE_DIR empty, so `qa index` exports the model first (torch import + export + parity check); one run; "
                                 f"{first['maxrss_mb']:.0f} MB peak", ""))
    return {"area": "index build", "figures": figures, "details": result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=common.DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reruns", type=int, default=5)
    parser.add_argument("--no-export", action="store_true", help="skip the first-ever build with an empty ONNX cache")
    parser.add_argument("--keep-index", type=Path, help="copy the last built index here (for the other benches)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.reruns, args.no_export = 1, 1, True
    say(f"index build of {args.corpus}")
    sec = section(measure(args.corpus.resolve(), args.runs, args.reruns, not args.no_export, args.keep_index))
    common.print_figures(sec)
    common.write_section(args.out, sec)


if __name__ == "__main__":
    main()

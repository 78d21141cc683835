"""Cold start: a fresh `python` process that imports qa, loads the index and asks one question.

Each run is a new interpreter (the OS page cache is warm after the first run, as it is for a
user who runs `qa` twice). Inside the child, time.perf_counter() splits:

* import: `import qa` plus the `qa.retrieval.retriever` module that `qa.retrieve` resolves to (qa's
  top-level import is lazy, so `import qa` alone is also reported);
* index load: `Retriever(index)` (manifest, checksums, staleness check, passages, FAISS, BM25);
* first query: the first `retrieve()` (loads the ONNX encoder, reads documents.jsonl);
* second query, for reference (warm).

The parent adds the process's wall time (interpreter start-up included) and its peak RSS.
Also reports which heavy modules the child imported (torch must not be among them).

    python benchmarks/bench_coldstart.py [--index index] [--runs 7] [--out c.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import common
from common import PYTHON, figure, say

CHILD = r"""
import sys, time, json
t0 = time.perf_counter()
import qa
t1 = time.perf_counter()
from qa.retrieval.retriever import Retriever
t2 = time.perf_counter()
r = Retriever(sys.argv[1])
t3 = time.perf_counter()
p = r.retrieve(sys.argv[2], k=5)
t4 = time.perf_counter()
r.retrieve(sys.argv[3], k=5)
t5 = time.perf_counter()
heavy = [m for m in ("torch", "sentence_transformers", "transformers", "gradio", "onnxruntime", "faiss", "bm25s") if m in sys.modules]
print(json.dumps({"import_qa_s": t1 - t0, "import_s": t2 - t0, "load_s": t3 - t2, "first_query_s": t4 - t3,
                  "second_query_s": t5 - t4, "passages": len(p), "heavy_modules": heavy}))
"""

# Import cost of each heavy dependency, in its own fresh process (cumulative in this order).
IMPORTS = r"""
import time, json
out = {}
for name in ("numpy", "faiss", "bm25s", "Stemmer", "tokenizers", "onnxruntime"):
    t0 = time.perf_counter()
    __import__(name)
    out[name] = time.perf_counter() - t0
print(json.dumps(out))
"""

PEER_IMPORT = "peers 5–7 s to import"
TARGET = "target < 2 s for import + index load"


def measure(index: Path, runs: int) -> dict:
    rows = []
    baseline = []
    imports = []
    for i in range(runs):
        # Interpreter start-up alone, in the same rhythm, so it can be told apart from qa's own time.
        baseline.append(common.run_child([PYTHON, "-c", "pass"])["wall_s"])
        res = common.run_child(
            [PYTHON, "-c", CHILD, str(index), "What did the Istanbul talks achieve?", "Who wrote the commentary?"],
            env=common.child_env(),
        )
        data = common.last_json_line(res["stdout"])
        imports.append(common.last_json_line(common.run_child([PYTHON, "-c", IMPORTS])["stdout"]))
        data.update(wall_s=res["wall_s"], maxrss_mb=res["maxrss_mb"])
        rows.append(data)
        say(f"  run {i + 1}/{runs}: import {data['import_s']:.3f} s, load {data['load_s']:.3f} s, "
            f"first query {data['first_query_s']:.3f} s, process wall {data['wall_s']:.2f} s")
    med = {key: round(common.median(r[key] for r in rows), 4) for key in
           ("import_qa_s", "import_s", "load_s", "first_query_s", "second_query_s", "wall_s", "maxrss_mb")}
    med["import_plus_load_s"] = round(common.median(r["import_s"] + r["load_s"] for r in rows), 4)
    med["python_startup_s"] = round(common.median(baseline), 4)
    import_costs = {name: round(common.median(r[name] for r in imports), 4) for name in imports[0]}
    return {"index": str(index), "runs": runs, "dependency_import_s": import_costs, "median": med, "per_run": rows, "heavy_modules": rows[-1]["heavy_modules"]}


def section(result: dict) -> dict:
    m, n = result["median"], result["runs"]
    how = f"fresh `python -c` process, perf_counter inside the child, median of {n} runs"
    figures = [
        figure("cold start: import qa (+ qa.retrieval.retriever)", m["import_s"], "s", how + "; `import qa` alone: " + f"{m['import_qa_s']:.4f} s", PEER_IMPORT),
        figure("cold start: index load (Retriever construction)", m["load_s"], "s", how, ""),
        figure("cold start: import + index load", m["import_plus_load_s"], "s", how, TARGET),
        figure("cold start: first query (loads the ONNX encoder)", m["first_query_s"], "s", how, ""),
        figure("cold start: whole process (python start to first answer)", m["wall_s"], "s",
               f"parent-measured wall time incl. interpreter start-up ({m['python_startup_s']:.3f} s for `python -c pass`)", ""),
        figure("cold start: peak memory", m["maxrss_mb"], "MB", "ru_maxrss of the child (os.wait4)", ""),
    ]
    return {"area": "cold start", "figures": figures, "details": result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=common.ROOT / "index")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.quick:
        args.runs = 1
    say(f"cold start on {args.index.resolve()} ({args.runs} fresh processes)")
    result = measure(args.index.resolve(), args.runs)
    say(f"  heavy modules imported by the child: {', '.join(result['heavy_modules'])}")
    say("  dependency import costs (s, fresh process, in order): " + json.dumps(result["dependency_import_s"]))
    sec = section(result)
    common.print_figures(sec)
    common.write_section(args.out, sec)


if __name__ == "__main__":
    main()

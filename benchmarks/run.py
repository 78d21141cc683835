"""Run every benchmark and write results.json and results.md.

    python benchmarks/run.py [--quick] [--out benchmarks/results] [--only AREA,...] [--skip AREA,...]

Areas, in order (each script can also be run on its own; see its --help):

    ingest     bench_ingest.py     index build of ./corpus: first ever (ONNX export), full, no-change re-run
    retrieval  bench_retrieval.py  warm Retriever.retrieve() p50/p95, uncached vs cached query embedding
    coldstart  bench_coldstart.py  fresh process: import qa, index load, first query
    answer     bench_answer.py     warm qa.answer() p50/p95
    press      bench_press.py      1,796 press releases: chunks/s vs raw encoder, overhead, stages, retrieval
    faiss      bench_faiss.py      flat vs HNSW at 100k and 1M synthetic vectors, HNSW_THRESHOLD
    large      bench_large_index.py  compressed layouts (HNSW fp32/fp16/SQ8, IVF-SQ8, IVF-PQ) at 100k and 1M:
                                   memory per million, build time, recall@10 vs exact; BM25 at 1M passages
    encoder    bench_encoder.py    (only with --encoder) ONNX vs sentence-transformers, encoder alone

The index for retrieval, cold start and answering is the one bench_ingest builds from ./corpus
in a scratch folder (same content as ./index, which is left alone).

--quick: tiny sizes everywhere (one document of ./corpus, 20 questions, one cold start,
1,000 FAISS vectors), no press corpus, no large indexes, no 1M vectors, no ONNX re-export: for the smoke test.

The machine is shared: every figure is a median over repeats, ratios are taken inside one
process, and the load average before and after each area is recorded next to it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common
from common import BENCH, PYTHON, say

AREAS = ("ingest", "retrieval", "coldstart", "answer", "encode", "press", "faiss", "large", "encoder")


def _commands(area: str, args: argparse.Namespace, scratch: Path, sections: Path) -> list[str] | None:
    small_index = scratch / "small-index"
    out = ["--out", str(sections / f"{area}.json")]
    quick = ["--quick"] if args.quick else []
    if area == "ingest":
        corpus = _tiny_corpus(scratch) if args.quick else common.DEFAULT_CORPUS
        return [PYTHON, str(BENCH / "bench_ingest.py"), "--corpus", str(corpus), "--keep-index", str(small_index), *quick, *out]
    if area == "retrieval":
        return [PYTHON, str(BENCH / "bench_retrieval.py"), "--index", str(small_index), *quick, *out]
    if area == "coldstart":
        return [PYTHON, str(BENCH / "bench_coldstart.py"), "--index", str(small_index), *quick, *out]
    if area == "answer":
        return [PYTHON, str(BENCH / "bench_answer.py"), "--index", str(small_index), *quick, *out]
    if area == "press":
        if args.quick:
            return None
        return [PYTHON, str(BENCH / "bench_press.py"), "--scratch", str(scratch / "press"),
                "--profile-out", str(args.out / "press_profile"), "--raw-repeats", str(args.raw_repeats),
                *(["--cli"] if args.press_cli else []),
                *(["--before-src", str(args.press_before_src)] if args.press_before_src else []), *out]
    if area == "faiss":
        return [PYTHON, str(BENCH / "bench_faiss.py"), "--sizes", args.faiss_sizes, "--hnsw-cap-s", str(args.hnsw_cap_s),
                *quick, *out]
    if area == "large":  # hours at 1M on 2 cores: never in --quick
        if args.quick:
            return None
        return [PYTHON, str(BENCH / "bench_large_index.py"), "--sizes", args.large_sizes, "--kinds", args.large_kinds,
                "--cap-s", str(args.hnsw_cap_s), "--bm25", str(args.large_bm25), *out]
    if area == "encode":  # qa's encoder vs sentence-transformers on SciFact passages (needs the BEIR data)
        return None if args.quick else [PYTHON, str(BENCH / "bench_encode.py"), *out]
    if area == "encoder":
        return [PYTHON, str(BENCH / "bench_encoder.py"), "--repeats", "3"] if args.encoder and not args.quick else None
    raise ValueError(area)


def _tiny_corpus(scratch: Path) -> Path:
    """Quick mode: the smallest document of ./corpus alone, with its metadata."""
    target = scratch / "tiny-corpus"
    if not target.exists():
        docs = sorted(common.DEFAULT_CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
        target.mkdir(parents=True)
        shutil.copyfile(docs[0], target / docs[0].name)
        meta_file = common.DEFAULT_CORPUS / "metadata.json"
        if meta_file.is_file():
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            (target / "metadata.json").write_text(json.dumps({k: v for k, v in meta.items() if k == docs[0].name}), encoding="utf-8")
    return target


def _machine() -> dict:
    info = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    try:
        info["git_head"] = subprocess.run(["git", "-C", str(common.ROOT), "rev-parse", "--short", "HEAD"],
                                          capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    for package in ("numpy", "faiss-cpu", "onnxruntime", "tokenizers", "bm25s"):
        try:
            info[package] = version(package)
        except PackageNotFoundError:
            pass
    return info


def _cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def write_markdown(path: Path, results: dict) -> None:
    meta = results["meta"]
    lines = [
        "# qa benchmarks",
        "",
        f"Run {meta['started']} on {meta['cpus']} CPUs ({meta['platform']}), Python {meta['python']}, "
        f"git {meta.get('git_head', '?')}{' — QUICK MODE (tiny sizes, not representative)' if meta['quick'] else ''}. "
        f"Total {meta.get('total_s', 0):.0f} s.",
        "",
        "The machine is shared with other jobs: each figure is a median over repeats; the load average "
        "(1 min) before → after each area is shown in its heading. Compare ratios measured in the same run, "
        "not absolute times across runs.",
        "",
    ]
    for sec in results["sections"]:
        load = sec.get("loadavg")
        load_txt = f" (load {load[0]:.1f} → {load[1]:.1f}, {sec.get('seconds', 0):.0f} s)" if load else ""
        lines += [f"## {sec.get('area', sec.get('key'))}{load_txt}", ""]
        if sec.get("error"):
            lines += [f"**Not measured:** {sec['error']}", ""]
            continue
        if sec.get("text"):
            lines += ["```", sec["text"].strip(), "```", ""]
            continue
        lines += ["| figure | value | unit | how it was measured | peer / target |", "| --- | --- | --- | --- | --- |"]
        for f in sec.get("figures", []):
            lines.append("| " + " | ".join(_cell(f.get(k, "")) for k in ("name", "value", "unit", "how", "target")) + " |")
        lines.append("")
    if results.get("notes"):
        lines += ["## Notes", ""] + [f"- {n}" for n in results["notes"]] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")


def combine(folders: list[Path], out: Path) -> None:
    """Merge results of separate runs (e.g. one area re-run alone) into one results.json/.md."""
    by_key: dict[str, dict] = {}
    metas, notes = [], []
    for folder in folders:
        data = json.loads((folder / "results.json").read_text(encoding="utf-8"))
        metas.append(data["meta"])
        notes += [n for n in data.get("notes", []) if n not in notes]
        for sec in data["sections"]:
            by_key[sec["key"]] = {**sec, "from_run": data["meta"]["started"]}
    meta = {**metas[0], "combined_from": [str(f) for f in folders], "started": ", ".join(m["started"] for m in metas),
            "total_s": sum(m.get("total_s", 0) for m in metas), "quick": any(m.get("quick") for m in metas)}
    sections = [by_key[k] for k in AREAS if k in by_key]
    results = {"meta": meta, "sections": sections, "notes": notes}
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    write_markdown(out / "results.md", results)
    say(f"combined {len(sections)} areas from {len(folders)} runs into {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="tiny sizes everywhere (smoke test)")
    parser.add_argument("--out", type=Path, default=BENCH / "results")
    parser.add_argument("--only", default="", help=f"comma-separated areas ({', '.join(AREAS)})")
    parser.add_argument("--skip", default="", help="comma-separated areas to leave out")
    parser.add_argument("--faiss-sizes", default="100000,1000000")
    parser.add_argument("--hnsw-cap-s", type=float, default=600.0,
                        help="cap on one HNSW build, and on one index build of `large` (then a subsample is reported)")
    parser.add_argument("--large-sizes", default="100000,1000000", help="large: vector counts")
    parser.add_argument("--large-kinds", default="hnsw,hnsw-fp16,hnsw-sq8,ivf-sq8,ivf-pq", help="large: layouts to compare")
    parser.add_argument("--large-bm25", type=int, default=1_000_000, help="large: BM25 over this many passages (0: none)")
    parser.add_argument("--press-cli", action="store_true", help="press: also time `qa index` itself (one more full encode)")
    parser.add_argument("--press-before-src", type=Path, default=None, metavar="DIR",
                        help="press: also build with the qa package in DIR (another version's src): before -> after")
    parser.add_argument("--raw-repeats", type=int, default=1, help="press: raw encode passes (median)")
    parser.add_argument("--encoder", action="store_true", help="also run bench_encoder.py (ONNX vs torch, ~5 min)")
    parser.add_argument("--scratch", type=Path, default=None, help="keep temp indexes here (default: a temp dir, removed)")
    parser.add_argument("--combine", type=Path, nargs="+", metavar="DIR",
                        help="run nothing: merge the results.json of these output folders (later ones win per area) into --out")
    args = parser.parse_args()
    if args.combine:
        combine(args.combine, args.out.resolve())
        return
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    only = [a for a in args.only.split(",") if a]
    skip = {a for a in args.skip.split(",") if a}
    for a in [*only, *skip]:
        if a not in AREAS:
            parser.error(f"unknown area {a!r}; choose from {', '.join(AREAS)}")
    areas = [a for a in AREAS if (not only or a in only) and a not in skip]
    if only and "ingest" not in areas and any(a in areas for a in ("retrieval", "coldstart", "answer")):
        areas.insert(0, "ingest")  # they need the index it builds

    started = time.perf_counter()
    results: dict = {"meta": {**_machine(), "quick": args.quick, "areas": areas}, "sections": [], "notes": []}
    scratch_ctx = tempfile.TemporaryDirectory(prefix="qa-bench-") if args.scratch is None else None
    scratch = Path(scratch_ctx.name) if scratch_ctx else args.scratch.resolve()
    scratch.mkdir(parents=True, exist_ok=True)
    sections_dir = scratch / "sections"
    try:
        for area in areas:
            cmd = _commands(area, args, scratch, sections_dir)
            if cmd is None:
                continue
            say(f"\n=== {area} ===")
            load0 = os.getloadavg()[0]
            t0 = time.perf_counter()
            proc = subprocess.run(cmd, env=common.child_env(), text=True,
                                  stdout=subprocess.PIPE if area == "encoder" else None)
            seconds = time.perf_counter() - t0
            load = [load0, os.getloadavg()[0]]
            if area == "encoder":
                sys.stdout.write(proc.stdout or "")
                section = {"area": "encoder alone (bench_encoder.py, ONNX vs sentence-transformers)", "text": proc.stdout or ""}
            elif proc.returncode != 0:
                section = {"area": area, "error": f"{Path(cmd[1]).name} exited with {proc.returncode}; see its output"}
            else:
                section = json.loads((sections_dir / f"{area}.json").read_text(encoding="utf-8"))
            section.update(key=area, seconds=round(seconds, 1), loadavg=load, command=" ".join(Path(c).name if i < 2 else c for i, c in enumerate(cmd)))
            results["sections"].append(section)
            # Written after every area, so a long run that is stopped keeps what it measured.
            results["meta"]["total_s"] = round(time.perf_counter() - started, 1)
            (args.out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
            write_markdown(args.out / "results.md", results)
    finally:
        if scratch_ctx is not None:
            scratch_ctx.cleanup()
    results["meta"]["total_s"] = round(time.perf_counter() - started, 1)
    results["notes"].append("First-streamed-token latency is measured by the UI engineer in the chat UI (`qa serve`), not here.")
    if args.quick:
        results["notes"].append("Quick mode: tiny sizes, no press corpus, no 1M vectors; for the smoke test only.")
    (args.out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    write_markdown(args.out / "results.md", results)
    say(f"\nwrote {args.out / 'results.json'} and {args.out / 'results.md'} in {results['meta']['total_s']:.0f} s")


if __name__ == "__main__":
    main()

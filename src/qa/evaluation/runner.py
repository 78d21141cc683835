"""`qa eval`: score the assistant on a gold set (and dispatch the BEIR and SQuAD modes).

Gold mode, for every gold question:
  - `Retriever.retrieve(question, k=K, history=history)` gives the ranked passages; each is
    relevant when it contains an evidence quote (`relevance_flags`, GOLD_FORMAT.md);
  - `qa.answering.answerer.answer(question, history, retriever=...)` gives the answer; its citations
    (none when it abstained) are judged by the same rule;
  - the answer text is scored without its [n] citation markers (see `scoring_text`).
The results are aggregated with `aggregate(results, ks=(1, 5, 10))`, printed as a table (or as
JSON with --json) and written with `write_report` (report.json, report.md, failures.csv,
report.png).

The helpers below (folders of derived corpora, index preparation, run facts, the summary
table) are shared with `qa.evaluation.beir` and `qa.evaluation.squad`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa.errors import InputError
from qa.evaluation.metrics import DEFAULT_KS, EvalReport, GroupMetrics, MetricValue, QuestionResult, aggregate

if TYPE_CHECKING:
    from qa.answering.answerer import Answer
    from qa.index.build import BuildReport
    from qa.retrieval.retriever import Passage, Retriever

log = logging.getLogger(__name__)

DEFAULT_GOLD = Path("eval") / "gold.jsonl"
REPORTS_DIR = Path("eval") / "reports"
# Marker left in a derived corpus folder so it is never confused with (or overwrites) a user's corpus.
CORPUS_MARKER = ".qa-eval-corpus"


# --- entry point -------------------------------------------------------------------------------


def run_cli(args: argparse.Namespace) -> int:
    """Run `qa eval` with parsed arguments; returns the exit code (errors raise QAError)."""
    _check_k(args.k)
    if args.limit is not None and args.limit < 1:
        raise InputError(f"--limit must be a positive number of questions, not {args.limit}")
    mode = getattr(args, "mode", None) or "gold"
    if mode == "gold":
        return _gold_cli(args)
    if args.path is None:
        what = "a BEIR folder (corpus.jsonl, queries.jsonl, qrels/)" if mode == "beir" else "a SQuAD JSON file"
        raise InputError(f"`qa eval {mode}` needs {what}: qa eval {mode} PATH")
    if args.gold is not None:
        log.warning("--gold is ignored in %s mode", mode)
    if mode == "beir":
        from qa.evaluation.beir import run_beir_cli

        return run_beir_cli(args)
    if mode == "squad":
        from qa.evaluation.squad import run_squad_cli

        return run_squad_cli(args)
    raise InputError(f"unknown eval mode {mode!r}: use gold, beir or squad")


def _check_k(k: Any) -> None:
    from qa.settings import MAX_K

    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InputError(f"--k must be a whole number between 1 and {MAX_K}, not {k!r}")


# --- gold mode ---------------------------------------------------------------------------------


def _gold_cli(args: argparse.Namespace) -> int:
    gold_path = args.gold
    if gold_path is None and args.path is not None:
        gold_path = args.path  # `qa eval gold FILE`
    if gold_path is None:
        if not DEFAULT_GOLD.is_file():
            raise InputError(f"give the gold set: qa eval --gold FILE (no {DEFAULT_GOLD} here)")
        gold_path = DEFAULT_GOLD
    gold_path = Path(gold_path)
    out_dir = Path(args.out) if args.out is not None else REPORTS_DIR / gold_path.stem
    run = run_gold(gold_path, index=args.index, k=args.k, limit=args.limit, progress=_show_progress(args))
    paths = run.write(out_dir)
    emit(run, paths, as_json=args.json)
    return 0


class EvalRun:
    """A finished run: per-question results, the aggregated report, and facts about the run."""

    def __init__(self, title: str, results: list[QuestionResult], report: EvalReport, meta: dict) -> None:
        self.title = title
        self.results = results
        self.report = report
        self.meta = meta

    def write(self, out_dir: Path) -> dict[str, Path]:
        """Write report.json, report.md, failures.csv and report.png into out_dir."""
        from qa.evaluation.report import write_report

        return write_report(self.report, self.results, Path(out_dir), title=self.title, meta=self.meta)

    def summary(self) -> dict:
        """What --json prints: title, meta and the aggregated report (per-question rows are in report.json)."""
        return {"title": self.title, "meta": self.meta, "report": self.report.to_dict()}


def run_gold(
    gold_path: Path | str,
    *,
    index: Path | str | None = None,
    k: int = 10,
    limit: int | None = None,
    progress: bool = False,
) -> EvalRun:
    """Score the assistant on a gold set (GOLD_FORMAT.md) against an index.

    Args:
        gold_path: The gold set (JSON Lines). It is read and checked before anything is loaded,
            so a malformed line fails fast with its line number.
        index: Index folder; defaults to $QA_INDEX or ./index.
        k: Passages retrieved per question for the retrieval metrics.
        limit: Score only the first `limit` questions.
        progress: Show a progress bar on stderr.

    Returns:
        The EvalRun (results, report, meta).
    """
    from qa.answering.answerer import answer
    from qa.evaluation.gold import load_gold
    from qa.evaluation.metrics import relevance_flags
    from qa.retrieval.retriever import Retriever

    _check_k(k)
    gold_path = Path(gold_path)
    items = load_gold(gold_path)
    n_in_file = len(items)
    if limit is not None:
        items = items[:limit]

    started = time.perf_counter()
    retriever = Retriever(index)
    retriever.embed_query("warm-up")  # load the encoder now, so it is not billed to question 1
    load_seconds = time.perf_counter() - started

    results: list[QuestionResult] = []
    errors: list[dict] = []
    retrieve_seconds = answer_seconds = 0.0
    for item in _progress(items, progress, "questions"):
        quotes = [e.quote for e in item.evidence]
        history = [dict(turn) for turn in item.history]
        try:
            t0 = time.perf_counter()
            passages = retriever.retrieve(item.question, k=k, history=history)
            t1 = time.perf_counter()
            reply = answer(item.question, history, retriever=retriever)
            t2 = time.perf_counter()
        except InputError as exc:
            # The assistant refused the question itself (too long, bad history...): scored as
            # an abstention with nothing retrieved, and listed in the report.
            errors.append({"id": item.id, "error": str(exc)})
            log.warning("question %s was refused: %s", item.id, exc)
            passages, reply = [], None
        else:
            retrieve_seconds += t1 - t0
            answer_seconds += t2 - t1
        cited = [] if reply is None or reply.abstained else list(reply.citations)
        results.append(
            QuestionResult(
                id=item.id,
                kind=item.kind,
                answerable=item.answerable,
                question=item.question,
                retrieved_relevant=relevance_flags([p.text for p in passages], quotes),
                answer=scoring_text(reply),
                abstained=reply is None or reply.abstained,
                cited_relevant=relevance_flags([p.text for p in cited], quotes),
                gold_answers=item.answers,
                retrieved_ids=[passage_label(p) for p in passages],
                cited_ids=[passage_label(p) for p in cited],
            )
        )
    question_seconds = retrieve_seconds + answer_seconds
    report = aggregate(results, ks=report_ks(k))
    meta = {
        "mode": "gold",
        "gold_file": str(gold_path.resolve()),
        "gold_sha256": _file_sha256(gold_path),
        "questions": len(results),
        "questions_in_file": n_in_file,
        "k": k,
        **index_meta(retriever),
        "timings": {
            "load_seconds": round(load_seconds, 3),
            "retrieve_seconds": round(retrieve_seconds, 3),
            "answer_seconds": round(answer_seconds, 3),
            "questions_per_second": _rate(len(results) - len(errors), question_seconds),
            "total_seconds": round(time.perf_counter() - started, 3),
        },
        "answer_scoring": "answer text without its [n] citation markers; empty when the assistant abstained",
        "question_errors": errors,
        **run_facts(),
    }
    return EvalRun(f"qa eval: {gold_path.name}", results, report, meta)


def report_ks(k: int) -> tuple[int, ...]:
    """Recall cut-offs of a report: 1, 5, 10, and k itself when it is larger."""
    return tuple(sorted(set(DEFAULT_KS) | ({k} if k > max(DEFAULT_KS) else set())))


# --- shared helpers: answers and passages ------------------------------------------------------

# " [3]" after a sentence: the citation markers qa.answering.answerer puts in the answer text.
_MARKER = re.compile(r"\s*\[(\d{1,3})\](?=\s|$)")


def scoring_text(reply: Answer | None) -> str:
    """The answer text that EM, F1 and `contains` are computed on.

    The [n] citation markers are removed: they point at sources and are not part of the
    answer (a marker "[1]" would otherwise add a token "1" to F1, or even match a gold answer
    "1"). Only markers numbering one of the answer's citations are removed, so a bracketed
    number quoted from a document with no such citation stays. An abstention scores as "".
    """
    if reply is None or reply.abstained:
        return ""
    n = len(reply.citations)

    def drop(match: re.Match) -> str:
        return "" if 1 <= int(match.group(1)) <= n else match.group(0)

    return " ".join(_MARKER.sub(drop, reply.text).split())


def passage_label(passage: Passage) -> str:
    """A passage as failures.csv shows it: document and character offset (readable, unique)."""
    return f"{passage.doc_id}@{passage.start}"


# --- shared helpers: derived corpora and their indexes -----------------------------------------


def dataset_dirs(kind: str, source: Path, index: Path | str | None, variant: str | None = None) -> tuple[Path, Path]:
    """Folders for a corpus derived from a benchmark file or folder, and for its index.

    By default both live in the cache, `<cache>/eval/<kind>/<name>-<hash of the source path>/`
    ($QA_CACHE_DIR or ~/.cache/qa), as `corpus/` and `index/` (under `<variant>/` when the
    corpus comes in variants). With an explicit index folder the corpus goes next to it, in
    `<index>.corpus/`.
    """
    from qa.settings import cache_dir

    if index is not None:
        index = Path(index)
        return index.with_name(index.name + ".corpus"), index
    resolved = str(Path(source).resolve())
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:8]
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(source).stem).strip("._") or kind
    root = cache_dir() / "eval" / kind / f"{name}-{digest}"
    if variant:
        root = root / variant
    return root / "corpus", root / "index"


def sync_corpus(corpus_dir: Path, files: Mapping[str, str], metadata: Mapping[str, dict]) -> dict[str, int]:
    """Make corpus_dir hold exactly `files` (relative path -> text) and their metadata.json.

    Files whose text is unchanged are not rewritten, and files no longer wanted are removed,
    so an unchanged benchmark leaves the index up to date. The folder must be new, empty, or
    one this function wrote before (it carries a marker file); anything else is refused rather
    than overwritten.

    Returns:
        Counts: {"written": ..., "unchanged": ..., "removed": ...}.
    """
    from qa.ingest.discover import METADATA_FILE

    corpus_dir = Path(corpus_dir)
    marker = corpus_dir / CORPUS_MARKER
    if corpus_dir.exists():
        if not corpus_dir.is_dir():
            raise InputError(f"{corpus_dir} exists and is not a folder; pass another --index")
        if not marker.exists() and any(corpus_dir.iterdir()):
            raise InputError(
                f"{corpus_dir} already holds files that qa eval did not write; it will not overwrite them. "
                "Pass another --index (the benchmark corpus is written next to it)"
            )
    try:
        corpus_dir.mkdir(parents=True, exist_ok=True)
        marker.write_text("Written by `qa eval` from a benchmark; regenerated on every run.\n", encoding="utf-8")
        counts = {"written": 0, "unchanged": 0, "removed": 0}
        for rel, text in files.items():
            path = corpus_dir / rel
            data = text.encode("utf-8")
            if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
                counts["unchanged"] += 1
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            counts["written"] += 1
        wanted = {Path(rel).as_posix() for rel in files}
        for path in sorted(corpus_dir.rglob("*"), reverse=True):
            rel = path.relative_to(corpus_dir).as_posix()
            if path.is_file() and rel not in wanted and rel not in (METADATA_FILE, CORPUS_MARKER):
                path.unlink()
                counts["removed"] += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        meta_blob = json.dumps(dict(metadata), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        meta_path = corpus_dir / METADATA_FILE
        if not meta_path.is_file() or meta_path.read_text(encoding="utf-8") != meta_blob:
            meta_path.write_text(meta_blob, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the benchmark corpus in {corpus_dir}: {exc}") from exc
    return counts


def check_index_target(corpus_dir: Path, index_dir: Path) -> None:
    """Refuse an index folder that is not this benchmark's: building there would replace it.

    Allowed: a missing or empty folder, an index built from `corpus_dir`, or a folder left by
    an interrupted build of this benchmark (its corpus folder carries the marker). Refused: an
    index of another corpus (e.g. the project's ./index) and a folder of other files (an
    index build deletes files its manifest does not name).
    """
    from qa.index import store

    index_dir = Path(index_dir)
    if not index_dir.exists():
        return
    if not index_dir.is_dir():
        raise InputError(f"--index {index_dir} is a file, not a folder")
    if store.manifest_path(index_dir).is_file():
        built_from = store.recorded_corpus(index_dir)
        if built_from is not None and Path(built_from).resolve() == Path(corpus_dir).resolve():
            return
        raise InputError(
            f"the index in {index_dir} was built from {built_from or 'an unknown corpus'}, not from the "
            f"benchmark corpus {corpus_dir}; pass an empty folder (or none) as --index so it is not overwritten"
        )
    others = sorted(p.name for p in index_dir.iterdir() if p.name != store.LOCK)
    if others and not (Path(corpus_dir) / CORPUS_MARKER).is_file():
        raise InputError(
            f"{index_dir} holds files but no qa index ({', '.join(others[:3])}{', ...' if len(others) > 3 else ''}); "
            "pass an empty or new folder as --index, so nothing in it is deleted"
        )


def prepare_index(
    corpus_dir: Path,
    index_dir: Path,
    files: Mapping[str, str],
    metadata: Mapping[str, dict],
    *,
    progress: bool = False,
) -> tuple[dict[str, int], BuildReport]:
    """Write a derived corpus and build its index, or reuse the index when it is up to date.

    The index folder is checked first (`check_index_target`), so nothing is written for a
    folder that is refused.

    Returns:
        The corpus file counts (`sync_corpus`) and the indexer's BuildReport.
    """
    from qa.index.build import build_index

    check_index_target(corpus_dir, index_dir)
    synced = sync_corpus(corpus_dir, files, metadata)
    # bm25s sets its own logger to DEBUG; under the CLI's root handler it would print
    # "Building index from tokens" in the middle of the eval output.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    report = build_index(corpus_dir, index_dir, progress=progress)
    if report.skipped:
        log.warning(
            "%d benchmark documents were not indexed (e.g. %s: %s)",
            len(report.skipped), report.skipped[0].path, report.skipped[0].reason,
        )
    return synced, report


def build_meta(report: BuildReport) -> dict:
    """What an index build did, for a report's meta."""
    return {
        "index_reused": report.up_to_date,
        "index_build_seconds": round(report.seconds, 3),
        "embedded": report.embedded,
        "skipped_documents": len(report.skipped),
    }


def index_meta(retriever: Retriever) -> dict:
    """Facts about the index and the assistant's settings, for a report's meta."""
    from qa.settings import AnswerSettings

    manifest = retriever.manifest
    return {
        "index": str(Path(retriever.index_dir).resolve()),
        "index_created": manifest.created,
        "index_generation": manifest.generation,
        "corpus": manifest.corpus.dir,
        "model": manifest.model.to_dict(),
        "counts": manifest.counts.to_dict(),
        "settings": {
            "index": manifest.settings.build.to_dict(),
            "retrieval": retriever.settings.to_dict(),
            "answering": AnswerSettings().to_dict(),
        },
    }


def run_facts() -> dict:
    """qa version, Python, time and machine facts for a report's meta."""
    import os
    import platform

    from qa.version import __version__

    return {
        "qa_version": __version__,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _rate(n: int, seconds: float) -> float | None:
    return round(n / seconds, 2) if seconds > 0 and n else None


# --- progress and output -----------------------------------------------------------------------


def _show_progress(args: argparse.Namespace) -> bool:
    return not getattr(args, "json", False) and sys.stderr.isatty()


def _progress(items: Sequence, on: bool, unit: str) -> Iterable:
    if not on:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="eval", unit=unit.rstrip("s") or unit, leave=False)


def emit(run: EvalRun, paths: Mapping[str, Path], *, as_json: bool) -> None:
    """Print the run: the summary table and the report files, or the JSON summary."""
    if as_json:
        print(json.dumps({**run.summary(), "files": {k: str(v) for k, v in paths.items()}}, indent=2, ensure_ascii=False))
        return
    print(run.title)
    print(summary_table(run.report))
    timings = run.meta.get("timings", {})
    qps = timings.get("questions_per_second")
    if qps is not None:
        index_note = ""
        if "index_seconds" in timings:
            verb = "reused" if run.meta.get("index_reused") else "built"
            index_note = f"index {verb} in {timings['index_seconds']:.1f} s, "
        print(f"\n{run.meta.get('questions')} questions at {qps:.1f} questions/s ({index_note}loaded in "
              f"{timings.get('load_seconds', 0):.1f} s, {timings.get('total_seconds', 0):.1f} s in all)")
    errors = run.meta.get("question_errors") or []
    if errors:
        print(f"{len(errors)} questions were refused by the assistant (scored as abstentions): "
              + ", ".join(e["id"] for e in errors[:10]))
    print("report: " + "  ".join(str(p) for p in paths.values()))


_COLUMNS: tuple[tuple[str, str], ...] = (
    ("R@1", "recall@1"),
    ("R@5", "recall@5"),
    ("R@10", "recall@10"),
    ("MRR@10", "mrr@10"),
    ("nDCG@10", "ndcg@10"),
    ("contains", "answer_contains"),
    ("EM", "exact_match"),
    ("F1", "f1"),
    ("cit.P", "citation_precision"),
    ("cit.R", "citation_recall"),
    ("abst", "abstention_rate"),
    ("false-abst", "false_abstention_rate"),
)


def summary_table(report: EvalReport) -> str:
    """A plain-text table: one row for all questions and one per kind, one column per metric.

    `n` is questions (answerable/unanswerable). Retrieval, answer and citation figures cover
    the answerable questions, `abst` the unanswerable ones; "-" means no question behind it.
    """
    rows: list[tuple[str, GroupMetrics]] = [("all", report.overall)] + list(report.per_kind.items())
    header = ["group", "n (ans/unans)"] + [label for label, _ in _COLUMNS]
    body = []
    for name, group in rows:
        metrics = group.metrics()
        body.append(
            [name, f"{group.n_questions} ({group.n_answerable}/{group.n_unanswerable})"]
            + [_cell(metrics.get(key)) for _, key in _COLUMNS]
        )
    widths = [max(len(str(r[i])) for r in [header, *body]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = [str(cells[0]).ljust(widths[0]), str(cells[1]).ljust(widths[1])]
        rest = [str(c).rjust(w) for c, w in zip(cells[2:], widths[2:])]
        return "  ".join(first + rest).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.append(line(body[0]))
    if len(body) > 1:
        out.append("  ".join("-" * w for w in widths))
        out.extend(line(r) for r in body[1:])
    pooled = report.overall.citation_precision
    out.append("")
    out.append(
        "R@k/MRR/nDCG, contains/EM/F1 and cit.P/cit.R: answerable questions; abst: unanswerable ones. "
        f"cit.P pooled over {report.overall.n_citations} citations in {pooled.n} answers."
    )
    return "\n".join(out)


def _cell(value: MetricValue | None) -> str:
    return "-" if value is None or value.value is None else f"{value.value:.3f}"


__all__ = [
    "EvalRun",
    "run_cli",
    "run_gold",
    "scoring_text",
    "passage_label",
    "dataset_dirs",
    "sync_corpus",
    "check_index_target",
    "prepare_index",
    "index_meta",
    "build_meta",
    "run_facts",
    "summary_table",
    "emit",
    "report_ks",
]

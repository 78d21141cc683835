"""What the gold, BEIR and SQuAD runners share: the finished run and its console output, the
answer text that is scored, passage labels, and the facts a report's meta records (index,
settings in force, qa version and machine)."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qa.evaluation.metrics import DEFAULT_KS, EvalReport, GroupMetrics, MetricValue, QuestionResult
from qa.evaluation.report import write_report

if TYPE_CHECKING:
    from qa.answering.answerer import Answer
    from qa.retrieval.retriever import Passage, Retriever
    from qa.settings import AnswerSettings, RetrievalSettings

REPORTS_DIR = Path("eval") / "reports"


class EvalRun:
    """A finished run: per-question results, the aggregated report, and facts about the run."""

    def __init__(self, title: str, results: list[QuestionResult], report: EvalReport, meta: dict) -> None:
        self.title = title
        self.results = results
        self.report = report
        self.meta = meta

    def write(self, out_dir: Path) -> dict[str, Path]:
        """Write report.json, report.md, failures.csv and report.png into out_dir."""
        return write_report(self.report, self.results, Path(out_dir), title=self.title, meta=self.meta)

    def summary(self) -> dict:
        """What --json prints: title, meta and the aggregated report (per-question rows are in report.json)."""
        return {"title": self.title, "meta": self.meta, "report": self.report.to_dict()}


def report_ks(k: int) -> tuple[int, ...]:
    """Recall cut-offs of a report: 1, 5, 10, and k itself when it is larger."""
    return tuple(sorted(set(DEFAULT_KS) | ({k} if k > max(DEFAULT_KS) else set())))


# --- answers and passages ---------------------------------------------------------------------

# " [3]" after a sentence: the citation markers qa.answering.answerer puts in the answer text.
_MARKER = re.compile(r"\s*\[(\d{1,3})\](?=\s|$)")


def short_text(reply: Answer | None) -> str:
    """The short answer EM and F1 are computed on ("" when there is none: they then use the text)."""
    if reply is None or reply.abstained or reply.short is None:
        return ""
    return reply.short.text


def scoring_text(reply: Answer | None) -> str:
    """The answer text that EM, F1 and `contains` are computed on.

    That is the quoted sentences, without the source labels of a multi-document answer; for
    an answer without support records, its text with the [n] citation markers removed: they point at sources and are not part of the
    answer (a marker "[1]" would otherwise add a token "1" to F1, or even match a gold answer
    "1"). Only markers numbering one of the answer's citations are removed, so a bracketed
    number quoted from a document with no such citation stays. An abstention scores as "".
    """
    if reply is None or reply.abstained:
        return ""
    if reply.support:
        # The quoted sentences only: the labels naming each source are not part of the answer.
        return " ".join(" ".join(s.sentence for s in reply.support).split())
    n = len(reply.citations)

    def drop(match: re.Match) -> str:
        return "" if 1 <= int(match.group(1)) <= n else match.group(0)

    return " ".join(_MARKER.sub(drop, reply.text).split())


def passage_label(passage: Passage) -> str:
    """A passage as failures.csv shows it: document and character offset (readable, unique)."""
    return f"{passage.doc_id}@{passage.start}"


# --- facts for a report's meta -----------------------------------------------------------------


def index_meta(retriever: Retriever, answering: AnswerSettings | None) -> dict:
    """Facts about the index and the settings in force, for a report's meta.

    `settings` records the index's own settings (chunking among them), the retriever's
    RetrievalSettings and `answering`, the AnswerSettings the answers were given with (None
    for a mode that does not answer).
    """
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
            "answering": None if answering is None else answering.to_dict(),
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


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def rate(n: int, seconds: float) -> float | None:
    """n per second, rounded; None when nothing was timed."""
    return round(n / seconds, 2) if seconds > 0 and n else None


# --- progress and output -----------------------------------------------------------------------


def show_progress(args: argparse.Namespace) -> bool:
    """Whether a CLI run shows progress bars: on a terminal, and not when printing JSON."""
    return not getattr(args, "json", False) and sys.stderr.isatty()


def retrieval_settings(args: argparse.Namespace) -> RetrievalSettings:
    """The RetrievalSettings a CLI run retrieves with: the defaults, and `--query-precision` when given."""
    from qa.settings import RetrievalSettings

    precision = getattr(args, "query_precision", None)
    return RetrievalSettings(query_precision=precision) if precision else RetrievalSettings()


def progress_bar(items: Sequence, on: bool, unit: str) -> Iterable:
    """items, wrapped in a progress bar on stderr when `on`."""
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

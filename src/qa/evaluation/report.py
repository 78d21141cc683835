"""Write an EvalReport to disk: JSON (everything), Markdown tables, a failures CSV and a chart."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from qa.errors import InputError
from qa.evaluation.metrics import (
    CURVE_DEPTH,
    EvalReport,
    MetricValue,
    QuestionResult,
    score_question,
)

REPORT_VERSION = 1
# failures.csv lists answerable questions with no relevant passage in this many top results.
FAILURE_K = 5

_MISSED_RETRIEVAL = f"missed_retrieval_at_{FAILURE_K}"
_FAILURE_COLUMNS = [
    "id",
    "kind",
    "reasons",
    _MISSED_RETRIEVAL,
    "missed_answer",
    "wrongly_abstained",
    "failed_to_abstain",
    "first_relevant_rank",
    "question",
    "answer",
    "short",
    "gold_answers",
    "exact_match",
    "f1",
    "cited_ids",
    "retrieved_ids",
]

# Label of each figure in the Markdown tables, in display order (recall@k rows are added first).
_LABELS = {
    "mrr@10": "MRR@10",
    "ndcg@10": "nDCG@10",
    "answer_contains": "Answer contains",
    "exact_match": "Exact match",
    "f1": "Token F1",
    "citation_precision": "Citation precision (pooled)",
    "citation_precision_macro": "Citation precision (per-question mean)",
    "citation_recall": "Citation recall",
    "abstention_rate": "Abstention (unanswerable)",
    "false_abstention_rate": "False abstention (answerable)",
}


def write_report(
    report: EvalReport,
    results: Sequence[QuestionResult],
    out_dir: Path,
    *,
    title: str,
    meta: dict,
) -> dict[str, Path]:
    """Write report.json, report.md, failures.csv and report.png into `out_dir`.

    Args:
        report: The aggregated metrics (from `aggregate(results)`).
        results: The per-question results the report was built from.
        out_dir: Folder to write into; created if missing, existing files replaced.
        title: Heading of the Markdown report and the chart.
        meta: Free JSON-serialisable facts about the run (gold file, model, settings...).

    Returns:
        The written paths by name: "json", "markdown", "failures", "png".

    Raises:
        InputError: If `meta` cannot be written as JSON.
    """
    out_dir = Path(out_dir)
    try:
        meta_json = json.loads(json.dumps(meta, allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise InputError(
            f"meta must be JSON-serialisable (plain dicts, lists, strings, finite numbers): {exc}"
        ) from exc
    out_dir.mkdir(parents=True, exist_ok=True)

    paths = {
        "json": out_dir / "report.json",
        "markdown": out_dir / "report.md",
        "failures": out_dir / "failures.csv",
        "png": out_dir / "report.png",
    }
    document = {
        "version": REPORT_VERSION,
        "title": title,
        "meta": meta_json,
        "report": report.to_dict(),
        "questions": [
            {**r.to_dict(), "scores": score_question(r).to_dict()} for r in results
        ],
    }
    paths["json"].write_text(
        json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n", encoding="utf-8"
    )
    paths["markdown"].write_text(_markdown(report, title, meta_json), encoding="utf-8")
    _write_failures(results, paths["failures"])
    _write_png(report, title, paths["png"])
    return paths


# --- Markdown ----------------------------------------------------------------------------------


def _fmt(v: MetricValue) -> str:
    return "n/a" if v.value is None else f"{v.value:.3f}"


def _cell(text: str) -> str:
    """Make text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _row_names(report: EvalReport) -> list[str]:
    return [f"recall@{k}" for k in report.ks] + list(_LABELS)


def _label(name: str) -> str:
    return _LABELS.get(name) or name.replace("recall@", "Recall@")


def meta_lines(meta: dict[str, Any]) -> list[str]:
    """A report's meta as Markdown bullets, one per key; its settings get their own section (`settings_lines`)."""
    lines = []
    for key, value in meta.items():
        if key == "settings":
            continue
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        lines.append(f"- **{_cell(key)}**: {_cell(shown)}")
    return lines + [""] if lines else []


def settings_lines(settings: dict[str, Any] | None) -> list[str]:
    """The settings a run used (`common.index_meta`'s "settings") as a Markdown section, one row per setting.

    A group that is None was not used by the run (BEIR mode does not answer).
    """
    if not settings:
        return []
    lines = [
        "## Settings",
        "",
        "In force for this run: the index's (chunking among them, as recorded in its manifest), "
        "retrieval's and answering's.",
        "",
        "| group | setting | value |",
        "|---|---|---|",
    ]
    for group, values in settings.items():
        if values is None:
            lines.append(f"| {_cell(group)} | not used by this run | |")
            continue
        for name, value in _flatten(values):
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            lines.append(f"| {_cell(group)} | {_cell(name)} | {_cell(shown)} |")
    return lines + [""]


def _flatten(values: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """(dotted name, value) of every leaf of nested dicts: {"chunking": {"max_tokens": 128}} -> chunking.max_tokens."""
    if not isinstance(values, dict):
        return [(prefix or "value", values)]
    out = []
    for key, value in values.items():
        out += _flatten(value, f"{prefix}.{key}" if prefix else str(key))
    return out


def _markdown(report: EvalReport, title: str, meta: dict[str, Any]) -> str:
    lines = [f"# {title}", "", *meta_lines(meta)]
    lines += _metric_lines(report)
    lines += settings_lines(meta.get("settings"))
    return "\n".join(lines)


def _metric_lines(report: EvalReport) -> list[str]:
    o = report.overall
    lines = [
        f"{o.n_questions} questions: {o.n_answerable} answerable, {o.n_unanswerable} unanswerable. "
        "`n` is the number of questions behind each figure; n/a means none.",
        "",
        "## Overall",
        "",
        "| metric | value | n |",
        "|---|---:|---:|",
    ]
    metrics = o.metrics()
    for name in _row_names(report):
        v = metrics[name]
        lines.append(f"| {_label(name)} | {_fmt(v)} | {v.n} |")
    lines += [
        "",
        f"Citation precision pooled over {o.n_citations} citations; the per-question mean weighs "
        "each answer equally. Both cover answerable questions answered with at least one citation.",
        "",
    ]

    lines += ["## Per kind", ""]
    kinds = list(report.per_kind)
    if not kinds:
        return lines + ["No questions.", ""]
    lines += ["Each cell is value (n).", ""]
    lines.append("| metric | " + " | ".join(_cell(k) for k in kinds) + " |")
    lines.append("|---|" + "---:|" * len(kinds))
    lines.append(
        "| questions (answerable / unanswerable) | "
        + " | ".join(
            f"{g.n_questions} ({g.n_answerable} / {g.n_unanswerable})" for g in report.per_kind.values()
        )
        + " |"
    )
    per_kind_metrics = [g.metrics() for g in report.per_kind.values()]
    for name in _row_names(report):
        cells = [f"{_fmt(m[name])} ({m[name].n})" for m in per_kind_metrics]
        lines.append(f"| {_label(name)} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


# --- failures.csv ------------------------------------------------------------------------------


def _write_failures(results: Sequence[QuestionResult], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=_FAILURE_COLUMNS)
        writer.writeheader()
        for r in results:
            s = score_question(r)
            rank = s.first_relevant_rank
            missed_retrieval = r.answerable and (rank is None or rank > FAILURE_K)
            # A wrong abstention is its own reason, so missed_answer covers given answers only.
            missed_answer = r.answerable and not r.abstained and not s.answer_contains
            wrongly_abstained = r.answerable and r.abstained
            failed_to_abstain = not r.answerable and not r.abstained
            flags = {
                _MISSED_RETRIEVAL: missed_retrieval,
                "missed_answer": missed_answer,
                "wrongly_abstained": wrongly_abstained,
                "failed_to_abstain": failed_to_abstain,
            }
            if not any(flags.values()):
                continue
            writer.writerow(
                {
                    "id": r.id,
                    "kind": r.kind,
                    "reasons": ";".join(name for name, on in flags.items() if on),
                    **{name: int(on) for name, on in flags.items()},
                    "first_relevant_rank": "" if rank is None else rank,
                    "question": r.question,
                    "answer": r.answer,
                    "short": r.short,
                    "gold_answers": " | ".join(r.gold_answers),
                    "exact_match": "" if s.exact_match is None else s.exact_match,
                    "f1": "" if s.f1 is None else round(s.f1, 4),
                    "cited_ids": " ".join(r.cited_ids),
                    "retrieved_ids": " ".join(r.retrieved_ids),
                }
            )


# --- report.png --------------------------------------------------------------------------------


def _write_png(report: EvalReport, title: str, path: Path) -> None:
    # Figure + FigureCanvasAgg rather than pyplot: Agg output without touching global backend state.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(11, 4.5), layout="constrained")
    FigureCanvasAgg(fig)
    curve_ax, bars_ax = fig.subplots(1, 2, width_ratios=[1, 1.6])
    fig.suptitle(title)

    o = report.overall
    ks = list(range(1, CURVE_DEPTH + 1))
    if o.n_answerable:
        curve_ax.plot(ks, [o.recall[k].value for k in ks], marker="o")
    else:
        curve_ax.text(0.5, 0.5, "no answerable questions", ha="center", va="center", transform=curve_ax.transAxes)
    curve_ax.set_title(f"Recall@k overall (n={o.n_answerable})")
    curve_ax.set_xlabel("k")
    curve_ax.set_ylabel("Recall@k")
    curve_ax.set_xticks(ks)
    curve_ax.set_ylim(0, 1.05)
    curve_ax.grid(alpha=0.3)

    kinds = list(report.per_kind)
    series = [
        (f"Recall@{FAILURE_K}", lambda g: g.recall.get(FAILURE_K)),
        ("Answer contains", lambda g: g.answer_contains),
    ]
    width = 0.38
    for j, (label, get) in enumerate(series):
        xs = [i + (j - 0.5) * width for i in range(len(kinds))]
        figures = [get(report.per_kind[k]) for k in kinds]
        heights = [0.0 if f is None or f.value is None else f.value for f in figures]
        bars = bars_ax.bar(xs, heights, width, label=label)
        # Missing figures are drawn as empty bars labelled n/a, never as a zero score.
        labels = ["n/a" if f is None or f.value is None else f"{f.value:.2f}" for f in figures]
        bars_ax.bar_label(bars, labels=labels, fontsize=8, padding=2)
    bars_ax.set_xticks(
        range(len(kinds)),
        [f"{k}\n(n={report.per_kind[k].n_answerable})" for k in kinds],
        fontsize=8,
    )
    bars_ax.set_ylim(0, 1.25)
    bars_ax.set_title("Per kind (n = answerable questions)")
    bars_ax.grid(axis="y", alpha=0.3)
    if kinds:
        bars_ax.legend(loc="upper center", ncols=2, fontsize=8)
    else:
        bars_ax.text(0.5, 0.5, "no questions", ha="center", va="center", transform=bars_ax.transAxes)

    fig.savefig(path, format="png", dpi=100)

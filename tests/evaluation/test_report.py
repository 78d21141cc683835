"""Tests for write_report: every file is written, readable, and copes with missing figures."""

from __future__ import annotations

import csv
import json
import struct
from pathlib import Path

import pytest

from qa.errors import InputError
from qa.evaluation.metrics import QuestionResult, aggregate
from qa.evaluation.report import write_report
from qa.settings import ChunkSettings, RetrievalSettings

F, T = False, True
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def qr(
    id: str,
    kind: str,
    retrieved: tuple[bool, ...],
    answer: str,
    golds: tuple[str, ...],
    *,
    abstained: bool = False,
    cited: tuple[bool, ...] = (),
) -> QuestionResult:
    return QuestionResult(
        id=id,
        kind=kind,
        answerable=bool(golds),
        question=f"question {id}, with \"quotes\" | and a pipe?",
        retrieved_relevant=retrieved,
        answer=answer,
        abstained=abstained,
        cited_relevant=cited,
        gold_answers=golds,
        retrieved_ids=tuple(f"chunk-{i}" for i in range(len(retrieved))),
        cited_ids=tuple(f"chunk-{i}" for i in range(len(cited))),
    )


RESULTS = [
    qr("ok", "factoid", (T, F), "Sberbank", ("Sberbank",), cited=(T,)),
    qr("late", "factoid", (F,) * 5 + (T,), "Sberbank, yes", ("Sberbank",), cited=(F,)),
    qr("wrong", "multi-doc", (T,), "VTB", ("Sberbank",), cited=(T,)),
    qr("shy", "multi-doc", (F, T), "", ("Kyiv",), abstained=True),
    qr("good-no", "unanswerable", (F,), "", (), abstained=True),
    qr("bad-no", "unanswerable", (F,), "It was 42.", (), cited=(F,)),
]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def read_failures(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def test_writes_all_files(tmp_path: Path) -> None:
    report = aggregate(RESULTS)
    out = tmp_path / "nested" / "out"
    paths = write_report(report, RESULTS, out, title="Seed gold set", meta={"gold": "eval/gold.jsonl", "top_k": 10})
    assert paths == {
        "json": out / "report.json",
        "markdown": out / "report.md",
        "failures": out / "failures.csv",
        "png": out / "report.png",
    }
    for path in paths.values():
        assert path.is_file() and path.stat().st_size > 0


def test_json_round_trips(tmp_path: Path) -> None:
    report = aggregate(RESULTS)
    meta = {"gold": "eval/gold.jsonl", "settings": {"k": 10, "hybrid": True}, "note": "caf\u00e9"}
    paths = write_report(report, RESULTS, tmp_path, title="T", meta=meta)
    doc = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert doc["version"] == 1
    assert doc["title"] == "T"
    assert doc["meta"] == meta
    assert doc["report"] == report.to_dict()
    assert [q["id"] for q in doc["questions"]] == [r.id for r in RESULTS]
    first = doc["questions"][0]
    assert {k: v for k, v in first.items() if k != "scores"} == RESULTS[0].to_dict()
    assert first["scores"] == {
        "first_relevant_rank": 1, "answer_contains": True, "exact_match": 1.0, "f1": 1.0, "citation_hit": True,
    }
    # Rebuilding the results from the JSON gives the same objects.
    rebuilt = [QuestionResult(**{k: v for k, v in q.items() if k != "scores"}) for q in doc["questions"]]
    assert rebuilt == RESULTS


def test_markdown_has_overall_and_per_kind_tables_with_counts(tmp_path: Path) -> None:
    paths = write_report(aggregate(RESULTS), RESULTS, tmp_path, title="Seed | set", meta={"gold": "g.jsonl"})
    md = paths["markdown"].read_text(encoding="utf-8")
    assert md.startswith("# Seed | set\n")
    assert "- **gold**: g.jsonl" in md
    assert "6 questions: 4 answerable, 2 unanswerable." in md
    assert "| Recall@5 | 0.750 | 4 |" in md
    assert "| Abstention (unanswerable) | 0.500 | 2 |" in md
    assert "| metric | factoid | multi-doc | unanswerable |" in md
    assert "| questions (answerable / unanswerable) | 2 (2 / 0) | 2 (2 / 0) | 2 (0 / 2) |" in md
    assert "| Recall@1 | 0.500 (2) | 0.500 (2) | n/a (0) |" in md


def test_failures_csv_lists_each_failure_with_reasons(tmp_path: Path) -> None:
    paths = write_report(aggregate(RESULTS), RESULTS, tmp_path, title="T", meta={})
    rows = read_failures(paths["failures"])
    assert set(rows) == {"late", "wrong", "shy", "bad-no"}
    assert rows["late"]["reasons"] == "missed_retrieval_at_5"
    assert rows["late"]["first_relevant_rank"] == "6"
    assert rows["wrong"]["reasons"] == "missed_answer"
    assert rows["wrong"]["missed_answer"] == "1"
    assert rows["shy"]["reasons"] == "wrongly_abstained"
    assert rows["bad-no"]["reasons"] == "failed_to_abstain"
    assert rows["bad-no"]["failed_to_abstain"] == "1"
    assert rows["bad-no"]["answer"] == "It was 42."
    assert rows["wrong"]["question"] == RESULTS[2].question


def test_png_is_valid(tmp_path: Path) -> None:
    paths = write_report(aggregate(RESULTS), RESULTS, tmp_path, title="T", meta={})
    width, height = png_size(paths["png"])
    assert width > 300 and height > 200


def test_none_metrics_and_kind_with_only_unanswerable_questions(tmp_path: Path) -> None:
    results = [qr("u1", "unanswerable", (), "", (), abstained=True), qr("u2", "trick", (F,), "x", ())]
    report = aggregate(results)
    assert report.overall.recall[5].value is None
    paths = write_report(report, results, tmp_path, title="Only unanswerable", meta={})
    doc = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert doc["report"]["overall"]["metrics"]["recall@5"] == {"value": None, "n": 0}
    md = paths["markdown"].read_text(encoding="utf-8")
    assert "| Recall@5 | n/a | 0 |" in md
    assert "| Abstention (unanswerable) | 0.500 | 2 |" in md
    assert set(read_failures(paths["failures"])) == {"u2"}
    png_size(paths["png"])


def test_empty_results(tmp_path: Path) -> None:
    paths = write_report(aggregate([]), [], tmp_path, title="Nothing", meta={})
    assert "No questions." in paths["markdown"].read_text(encoding="utf-8")
    assert read_failures(paths["failures"]) == {}
    png_size(paths["png"])


def test_overwrites_previous_report(tmp_path: Path) -> None:
    write_report(aggregate(RESULTS), RESULTS, tmp_path, title="First", meta={})
    paths = write_report(aggregate(RESULTS[:1]), RESULTS[:1], tmp_path, title="Second", meta={})
    assert json.loads(paths["json"].read_text(encoding="utf-8"))["title"] == "Second"
    assert read_failures(paths["failures"]) == {}


def test_meta_must_be_json(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="meta must be JSON-serialisable"):
        write_report(aggregate(RESULTS), RESULTS, tmp_path, title="T", meta={"path": Path("x")})
    with pytest.raises(InputError, match="meta must be JSON-serialisable"):
        write_report(aggregate(RESULTS), RESULTS, tmp_path, title="T", meta={"bad": float("nan")})


def test_markdown_lists_the_settings_in_force(tmp_path: Path) -> None:
    settings = {
        "index": {"chunking": ChunkSettings().to_dict(), "dense_kind": "flat"},
        "retrieval": RetrievalSettings(fusion="rrf").to_dict(),
        "answering": None,  # a mode that does not answer
    }
    paths = write_report(aggregate(RESULTS), RESULTS, tmp_path, title="T", meta={"k": 10, "settings": settings})
    md = paths["markdown"].read_text(encoding="utf-8")
    section = md[md.index("## Settings"):]
    assert f"| index | chunking.max_tokens | {ChunkSettings().max_tokens} |" in section
    assert "| index | dense_kind | flat |" in section
    assert "| retrieval | fusion | rrf |" in section
    assert "| answering | not used by this run | |" in section
    assert "- **k**: 10" in md and "- **settings**" not in md  # its own section, not a JSON bullet
    assert json.loads(paths["json"].read_text(encoding="utf-8"))["meta"]["settings"] == settings

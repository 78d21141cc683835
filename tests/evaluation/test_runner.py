"""Tests for `qa eval` in gold mode.

The tests marked `model` build a small index of the project's corpus (copied, so edits to
corpus/ during the run cannot make it stale) and run the real assistant on it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from qa.app.cli import main
from qa.evaluation.runner import run_gold
from qa.settings import AnswerSettings, ChunkSettings, RetrievalSettings

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
GOLD_TINY = FIXTURES / "gold_tiny.jsonl"
REPORT_FILES = ("report.json", "report.md", "failures.csv", "report.png")


# --- no model ----------------------------------------------------------------------------------


def test_malformed_gold_line_exits_1_naming_the_line(tmp_path, capsys):
    gold = tmp_path / "bad.jsonl"
    lines = GOLD_TINY.read_text(encoding="utf-8").splitlines()
    lines.insert(2, '{"id": "broken", "question": "no closing brace"')
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The gold file is checked before any index or model is loaded: the index need not exist.
    code = main(["eval", "--gold", str(gold), "--index", str(tmp_path / "no-index"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{gold}:3:" in err
    assert "invalid JSON" in err
    assert not (tmp_path / "out").exists()


def test_gold_line_with_wrong_field_type_names_the_line(tmp_path, capsys):
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"id": "a", "question": "Fine?"}\n\n{"id": "b", "question": "Bad?", "answers": "x"}\n', encoding="utf-8")
    assert main(["eval", "gold", "--gold", str(gold), "--index", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert f"{gold}:3:" in err and "answers" in err


def test_missing_gold_file_and_bad_k_exit_1(tmp_path, capsys):
    assert main(["eval", "--gold", str(tmp_path / "nope.jsonl")]) == 1
    assert "not found" in capsys.readouterr().err
    assert main(["eval", "--gold", str(GOLD_TINY), "--k", "0"]) == 1
    assert "--k" in capsys.readouterr().err


def test_beir_and_squad_modes_need_a_path(capsys):
    assert main(["eval", "beir"]) == 1
    assert "qa eval beir PATH" in capsys.readouterr().err
    assert main(["eval", "squad"]) == 1
    assert "qa eval squad PATH" in capsys.readouterr().err


def test_beir_refuses_the_project_index_before_writing(tmp_path, capsys):
    """`--index` naming an index of another corpus is refused, and no corpus is written next to it."""
    index = tmp_path / "index"
    index.mkdir()
    (index / "manifest.json").write_text(json.dumps({
        "format": "qa-index", "format_version": 1, "files": {}, "model": {}, "counts": {},
        "chunking": {}, "corpus": {"dir": str(tmp_path / "corpus")},
    }))
    code = main(["eval", "beir", str(FIXTURES / "beir_tiny"), "--index", str(index), "--out", str(tmp_path / "out")])
    assert code == 1
    assert "not from the benchmark corpus" in capsys.readouterr().err
    assert not (tmp_path / "index.corpus").exists()


# --- with the model ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project_index(tmp_path_factory) -> Path:
    """An index of a copy of the project's corpus."""
    from qa.index.build import build_index

    root = tmp_path_factory.mktemp("gold")
    shutil.copytree(ROOT / "corpus", root / "corpus")
    build_index(root / "corpus", root / "index")
    return root / "index"


@pytest.mark.model
@pytest.mark.slow
def test_gold_run_end_to_end(project_index, tmp_path, capsys):
    out = tmp_path / "report"
    code = main(["eval", "--gold", str(GOLD_TINY), "--index", str(project_index), "--out", str(out)])
    stdout = capsys.readouterr().out
    assert code == 0
    for name in REPORT_FILES:
        assert (out / name).stat().st_size > 0
    assert "R@5" in stdout and "nDCG@10" in stdout and "questions/s" in stdout
    for kind in ("factoid", "footnote", "follow-up", "unanswerable"):
        assert any(line.startswith(kind) for line in stdout.splitlines())

    document = json.loads((out / "report.json").read_text(encoding="utf-8"))
    meta = document["meta"]
    assert meta["index"] == str(project_index.resolve())
    assert meta["model"]["name"] and meta["counts"]["passages"] > 0
    assert meta["k"] == 10 and meta["qa_version"]
    assert meta["timings"]["questions_per_second"] > 0
    assert meta["settings"]["retrieval"]["fusion"]
    overall = document["report"]["overall"]
    assert (overall["n_questions"], overall["n_answerable"], overall["n_unanswerable"]) == (5, 4, 1)
    metrics = overall["metrics"]
    # Sane, not tuned: the evidence of these questions is easy to find in a two-document corpus.
    assert metrics["recall@10"]["value"] >= 0.75
    assert metrics["abstention_rate"]["n"] == 1
    assert len(document["questions"]) == 5
    # Answer texts are scored without their [n] markers.
    assert not any(re.search(r"\[\d+\]$", q["answer"]) for q in document["questions"])


@pytest.mark.model
def test_unseen_gold_file_is_scored(project_index, tmp_path, capsys):
    """Other ids, kinds and doc names, Gradio-style history, optional fields left out."""
    items = [
        {"id": "Z-1", "question": "Which Russian bank was cut off from SWIFT?", "answers": ["VTB"],
         "evidence": [{"doc": "some/other-name.pdf", "quote": "only VTB — the second-largest — has been fully blocked"}],
         "kind": "lookup"},
        {"id": "Z-2", "question": "When was it signed?", "answers": ["1994"],
         "evidence": [{"quote": "The Budapest memorandum, which Russia signed in 1994"}], "kind": "context-dependent",
         "history": [{"role": "user", "content": [{"type": "text", "text": "What is the Budapest memorandum?"}]},
                     {"role": "assistant", "content": "An agreement on security assurances for Ukraine."}]},
        {"id": "Z-3", "question": "What is the population of Iceland?", "kind": "out-of-corpus"},
        {"id": "Z-4", "question": "Which newspaper published Dan Balz's article?", "answers": ["Washington Post"],
         "evidence": [{"doc": None, "quote": "in *The Washington Post*"}]},
    ]
    gold = tmp_path / "never-seen.jsonl"
    gold.write_text("\ufeff" + "\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["eval", "gold", str(gold), "--index", str(project_index), "--out", str(out), "--json", "--k", "5"])
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    per_kind = printed["report"]["per_kind"]
    assert set(per_kind) == {"lookup", "context-dependent", "out-of-corpus", "unlabelled"}
    assert per_kind["out-of-corpus"]["n_unanswerable"] == 1
    assert per_kind["lookup"]["n_answerable"] == 1
    assert printed["meta"]["k"] == 5
    assert printed["files"]["json"] == str(out / "report.json")
    document = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [q["id"] for q in document["questions"]] == ["Z-1", "Z-2", "Z-3", "Z-4"]
    assert all(len(q["retrieved_relevant"]) <= 5 for q in document["questions"])
    # The VTB quote is in the corpus whatever the evidence's doc says: it must be found.
    assert any(document["questions"][0]["retrieved_relevant"])


@pytest.mark.model
def test_gold_limit(project_index, tmp_path):
    out = tmp_path / "out"
    assert main(["eval", "--gold", str(GOLD_TINY), "--index", str(project_index), "--out", str(out), "--limit", "2"]) == 0
    document = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert document["meta"]["questions"] == 2 and document["meta"]["questions_in_file"] == 5


@pytest.mark.model
def test_gold_report_records_the_settings_in_force(project_index, tmp_path):
    out = tmp_path / "out"
    assert main(["eval", "--gold", str(GOLD_TINY), "--index", str(project_index), "--out", str(out), "--limit", "1"]) == 0
    settings = json.loads((out / "report.json").read_text(encoding="utf-8"))["meta"]["settings"]
    # The project index was built with the default chunking; the CLI runs with the default settings.
    assert ChunkSettings.from_dict(settings["index"]["chunking"]) == ChunkSettings()
    assert RetrievalSettings.from_dict(settings["retrieval"]) == RetrievalSettings()
    assert AnswerSettings.from_dict(settings["answering"]) == AnswerSettings()
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Settings" in md
    assert f"| answering | abstain_below | {AnswerSettings().abstain_below} |" in md
    assert f"| retrieval | fusion | {RetrievalSettings().fusion} |" in md
    assert f"| index | chunking.max_tokens | {ChunkSettings().max_tokens} |" in md


@pytest.mark.model
def test_answer_settings_flow_into_the_gold_run(project_index):
    """The AnswerSettings given to run_gold are the ones every answer is given with, and recorded."""
    default = run_gold(GOLD_TINY, index=project_index)
    assert not all(r.abstained for r in default.results)  # else the check below proves nothing
    # A confidence is a probability (the sentence model's), so a threshold above 1 must refuse them all.
    ceiling = 1.0
    strict = run_gold(GOLD_TINY, index=project_index, settings=AnswerSettings(abstain_below=ceiling + 0.01))
    assert len(strict.results) == len(default.results)
    assert all(r.abstained and r.answer == "" for r in strict.results)
    assert strict.meta["settings"]["answering"]["abstain_below"] == ceiling + 0.01
    assert default.meta["settings"]["answering"]["abstain_below"] == AnswerSettings().abstain_below

"""Tests for `qa eval squad`: reading SQuAD files and a tiny end-to-end run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.app.cli import main
from qa.errors import InputError
from qa.evaluation.squad import load_squad
from qa.settings import AnswerSettings, ChunkSettings, RetrievalSettings

TINY = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "squad_tiny.json"


# --- no model ----------------------------------------------------------------------------------


def test_load_squad():
    squad = load_squad(TINY)
    assert squad.articles == 2 and len(squad.files) == 4 and len(squad.questions) == 6
    first = squad.questions[0]
    assert first.id == "gf-1" and first.answers == ("inside its liver", "liver")
    assert first.doc == "000-Glass_frogs/p000.txt"
    assert squad.metadata[first.doc]["title"] == "Glass frogs"
    assert squad.files[first.doc].startswith("Glass frogs live")
    assert {q.doc for q in squad.questions} == set(squad.files)


def test_load_squad_v2_and_duplicates(tmp_path):
    data = {"version": "v2.0", "data": [{"title": "T", "paragraphs": [{"context": "Some text here.", "qas": [
        {"id": "x", "question": "What?", "answers": [{"text": "text", "answer_start": 5}, {"text": "text", "answer_start": 5}]},
        {"id": "x", "question": "Who?", "answers": [], "plausible_answers": [{"text": "Some"}], "is_impossible": True},
    ]}]}]}
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(data))
    squad = load_squad(path)
    assert [q.id for q in squad.questions] == ["x", "x#2"]
    assert squad.questions[0].answers == ("text",)
    assert squad.questions[1].answers == ()


def test_load_squad_errors(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"data": [{"title": "T", "paragraphs": [{"context": "Text.", "qas": [{"id": "q", "question": "Q?"}]}]}]}))
    with pytest.raises(InputError, match=r"data\[0\]\.paragraphs\[0\]\.qas\[0\] has no answer"):
        load_squad(path)
    path.write_text("[1, 2]")
    with pytest.raises(InputError, match="not in SQuAD format"):
        load_squad(path)
    with pytest.raises(InputError, match="not found"):
        load_squad(tmp_path / "missing.json")


def test_squad_cli_bad_file_exits_1(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    assert main(["eval", "squad", str(path), "--index", str(tmp_path / "i")]) == 1
    assert "SQuAD" in capsys.readouterr().err


# --- with the model ----------------------------------------------------------------------------


@pytest.mark.model
def test_squad_run_end_to_end(tmp_path, capsys):
    index = tmp_path / "index"
    out = tmp_path / "out"
    assert main(["eval", "squad", str(TINY), "--index", str(index), "--out", str(out)]) == 0
    stdout = capsys.readouterr().out
    assert "questions/s" in stdout
    for name in ("report.json", "report.md", "failures.csv", "report.png"):
        assert (out / name).stat().st_size > 0
    document = json.loads((out / "report.json").read_text(encoding="utf-8"))
    meta = document["meta"]
    assert (meta["articles"], meta["paragraphs"], meta["questions"]) == (2, 4, 6)
    assert meta["timings"]["questions_per_second"] > 0
    metrics = document["report"]["overall"]["metrics"]
    assert metrics["recall@5"]["value"] == 1.0  # only four paragraphs
    assert metrics["recall@1"]["value"] >= 0.5
    assert metrics["answer_contains"]["value"] >= 0.5
    for q in document["questions"]:
        assert all(doc.endswith(".txt") for doc in q["retrieved_ids"])
        assert "[1]" not in q["answer"]
    settings = meta["settings"]
    assert ChunkSettings.from_dict(settings["index"]["chunking"]) == ChunkSettings()
    assert RetrievalSettings.from_dict(settings["retrieval"]) == RetrievalSettings()
    assert AnswerSettings.from_dict(settings["answering"]) == AnswerSettings()
    md = (out / "report.md").read_text(encoding="utf-8")
    assert f"| answering | abstain_below | {AnswerSettings().abstain_below} |" in md
    assert f"| index | chunking.max_tokens | {ChunkSettings().max_tokens} |" in md

    # --limit asks fewer questions against the same (reused) index.
    assert main(["eval", "squad", str(TINY), "--index", str(index), "--out", str(out), "--limit", "2", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["meta"]["questions"] == 2 and printed["meta"]["index_reused"] is True

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_conversations_are_blocks_of_turns_without_comments(ask_reader_set, tmp_path: Path) -> None:
    path = tmp_path / "set.txt"
    path.write_text("# a comment\n\nWho is he?\n\nWhich bank is largest?\nAnd the second?\n\n\n# end\n", encoding="utf-8")
    assert ask_reader_set.conversations(path) == [["Who is he?"], ["Which bank is largest?", "And the second?"]]


@pytest.mark.parametrize("path", sorted((REPO / "eval" / "reader_sets").glob("*.txt")), ids=lambda p: p.name)
def test_the_shipped_sets_read_as_conversations(ask_reader_set, path: Path) -> None:
    turns = [turn for conversation in ask_reader_set.conversations(path) for turn in conversation]
    assert turns and all(not turn.startswith("#") for turn in turns)


@pytest.mark.model
def test_a_set_is_asked_turn_by_turn_with_its_history(ask_reader_set, built_index, tmp_path: Path, capsys) -> None:
    path = tmp_path / "set.txt"
    path.write_text("Which bank is Russia's largest?\nAnd the second largest?\n\nlorem ipsum dolor\n", encoding="utf-8")
    assert ask_reader_set.main([str(path), "--index", str(built_index.index)]) == 0
    out = capsys.readouterr().out
    assert "[1] Q: Which bank is Russia's largest?" in out and "short='Sberbank'" in out
    assert "[2] Q: And the second largest?" in out and "VTB" in out.split("[2] Q:")[1].split("[3] Q:")[0]
    assert "[3] Q: lorem ipsum dolor\n    ABSTAIN" in out

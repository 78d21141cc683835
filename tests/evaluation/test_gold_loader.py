"""Tests for load_gold: valid files, defaults, and clear errors on malformed lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.errors import GoldFormatError, InputError
from qa.evaluation.gold import Evidence, GoldItem, load_gold

FULL = {
    "id": "q017",
    "question": "Which bank is Russia's largest?",
    "answers": ["Sberbank"],
    "evidence": [{"doc": "doc-1", "quote": "Imposing the same costs on Sberbank"}],
    "kind": "factoid",
    "history": [
        {"role": "user", "content": "Tell me about sanctions."},
        {"role": "assistant", "content": [{"type": "text", "text": "They target banks."}]},
    ],
}


def write(tmp_path: Path, text: str | bytes, name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_loads_full_item(tmp_path: Path) -> None:
    items = load_gold(write(tmp_path, json.dumps(FULL) + "\n"))
    assert items == [
        GoldItem(
            id="q017",
            question="Which bank is Russia's largest?",
            answers=("Sberbank",),
            evidence=(Evidence(quote="Imposing the same costs on Sberbank", doc="doc-1"),),
            kind="factoid",
            history=tuple(FULL["history"]),
        )
    ]
    assert items[0].answerable
    # History content is stored as given, string or list of parts.
    assert items[0].history[1]["content"] == [{"type": "text", "text": "They target banks."}]


def test_defaults_for_optional_fields(tmp_path: Path) -> None:
    (item,) = load_gold(write(tmp_path, line(id="u1", question="Who won in 2030?")))
    assert item.answers == ()
    assert item.evidence == ()
    assert item.kind == "unlabelled"
    assert item.history == ()
    assert not item.answerable


def test_null_optional_fields_mean_absent(tmp_path: Path) -> None:
    text = line(id="u1", question="Q?", answers=None, evidence=[{"quote": "x", "doc": None}], kind=None, history=None)
    (item,) = load_gold(write(tmp_path, text))
    assert item.answers == ()
    assert item.evidence == (Evidence(quote="x", doc=None),)
    assert item.kind == "unlabelled"


def test_unknown_fields_are_ignored(tmp_path: Path) -> None:
    (item,) = load_gold(write(tmp_path, line(id="a", question="Q?", source="xquad", notes=[1, 2])))
    assert item.id == "a"


def test_bom_blank_lines_and_crlf(tmp_path: Path) -> None:
    text = "\ufeff" + line(id="a", question="Q1?") + "\r\n\r\n   \r\n" + line(id="b", question="Q2?") + "\r\n\n"
    path = write(tmp_path, text.encode("utf-8"))
    items = load_gold(path)
    assert [i.id for i in items] == ["a", "b"]
    assert items[0].question == "Q1?"


def test_non_ascii_text_is_kept(tmp_path: Path) -> None:
    (item,) = load_gold(write(tmp_path, line(id="k", question="Хто переміг?", answers=["Київ"])))
    assert item.question == "Хто переміг?"
    assert item.answers == ("Київ",)


def test_accepts_str_path(tmp_path: Path) -> None:
    assert len(load_gold(str(write(tmp_path, line(id="a", question="Q?"))))) == 1


def test_to_dict_round_trips(tmp_path: Path) -> None:
    items = load_gold(write(tmp_path, json.dumps(FULL) + "\n" + line(id="u", question="Q?")))
    again = write(tmp_path, "\n".join(json.dumps(i.to_dict()) for i in items), name="again.jsonl")
    assert load_gold(again) == items
    assert items[0].to_dict() == FULL
    assert items[1].to_dict()["evidence"] == []


GOOD = line(id="ok", question="Fine?")


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        ('{"id": "x", "question": "Q?"', "invalid JSON"),
        ("not json at all", "invalid JSON"),
        ('["id", "question"]', "expected a JSON object, got"),
        ('"just a string"', "expected a JSON object"),
        (line(question="Q?"), "missing required field 'id'"),
        (line(id="x"), "missing required field 'question'"),
        (line(id=17, question="Q?"), "'id' must be a non-empty string, got 17 (number)"),
        (line(id="  ", question="Q?"), "'id' must be a non-empty string"),
        (line(id="x", question=""), "'question' must be a non-empty string"),
        (line(id="x", question="Q?", answers="Sberbank"), "'answers' must be a list of strings"),
        (line(id="x", question="Q?", answers=["ok", 3]), "answers[1] must be a non-empty string, got 3"),
        (line(id="x", question="Q?", answers=[""]), "answers[0] must be a non-empty string"),
        (line(id="x", question="Q?", evidence="a quote"), "'evidence' must be a list of objects"),
        (line(id="x", question="Q?", evidence=["a quote"]), "evidence[0] must be an object"),
        (line(id="x", question="Q?", evidence=[{"doc": "d"}]), "evidence[0] is missing its 'quote'"),
        (line(id="x", question="Q?", evidence=[{"quote": 5}]), "evidence[0].quote must be a non-empty string"),
        (line(id="x", question="Q?", evidence=[{"quote": " "}]), "evidence[0].quote must be a non-empty string"),
        (line(id="x", question="Q?", evidence=[{"quote": "q", "doc": 2}]), "evidence[0].doc must be a string"),
        (line(id="x", question="Q?", kind=3), "'kind' must be a non-empty string"),
        (line(id="x", question="Q?", history={"role": "user"}), "'history' must be a list"),
        (line(id="x", question="Q?", history=["hi"]), "history[0] must be an object"),
        (line(id="x", question="Q?", history=[{"content": "hi"}]), "history[0] needs 'role'"),
        (line(id="x", question="Q?", history=[{"role": "user"}]), "history[0] is missing its 'content'"),
        (line(id="x", question="Q?", history=[{"role": "user", "content": 5}]), "'content' must be a string or a list"),
        (
            line(id="x", question="Q?", history=[{"role": "user", "content": ["hi"]}]),
            "content[0] must be an object with a string 'type'",
        ),
        (
            line(id="x", question="Q?", history=[{"role": "user", "content": [{"type": "text"}]}]),
            "content[0] is a text part without a string 'text'",
        ),
    ],
)
def test_malformed_line_names_file_line_and_problem(tmp_path: Path, bad: str, fragment: str) -> None:
    path = write(tmp_path, GOOD + "\n\n" + bad + "\n")
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3: "), message
    assert fragment in message


def test_non_text_history_parts_are_accepted(tmp_path: Path) -> None:
    turn = {"role": "user", "content": [{"type": "file", "file": {"path": "a.pdf"}}, {"type": "text", "text": "this"}]}
    (item,) = load_gold(write(tmp_path, line(id="x", question="Q?", history=[turn])))
    assert item.history == (turn,)


def test_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    text = "\n".join([line(id="a", question="Q1?"), line(id="b", question="Q2?"), "", line(id="a", question="Q3?")])
    path = write(tmp_path, text)
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:4: duplicate id 'a', already used on line 1"):
        load_gold(path)


@pytest.mark.parametrize("text", ["", "\n\n  \n", "\ufeff", "\ufeff\r\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(GoldFormatError, match="empty") as info:
        load_gold(path)
    assert str(path) in str(info.value)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.encode() + b"\n" + b'{"id": "x", "question": "caf\xe9?"}\n')
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:2: not valid UTF-8"):
        load_gold(path)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="gold file not found"):
        load_gold(tmp_path / "nope.jsonl")


def test_gold_format_error_is_a_qa_error() -> None:
    from qa.errors import QAError

    assert issubclass(GoldFormatError, QAError)

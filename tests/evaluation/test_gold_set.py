"""Checks on the project's gold question set, eval/gold.jsonl.

The format is described in GOLD_FORMAT.md: one JSON object per line with id, question, answers,
evidence (list of {doc, quote}), kind and an optional history of earlier turns.  Evidence quotes
must be exact substrings of a corpus document, since relevance is judged by quote containment.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD_PATH = REPO_ROOT / "eval" / "gold.jsonl"
CORPUS_DIR = REPO_ROOT / "corpus"

REQUIRED_KINDS = ("factoid", "paraphrase", "multi-doc", "footnote", "follow-up", "unanswerable")
MIN_QUESTIONS = 80
MIN_UNANSWERABLE = 10
MIN_PER_KIND = 5


def _load_lines() -> list[tuple[int, str]]:
    text = GOLD_PATH.read_text(encoding="utf-8")
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [json.loads(line) for _, line in _load_lines()]


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS_DIR.glob("*.txt"))}
    assert docs, f"no .txt documents found in {CORPUS_DIR}"
    return docs


def test_gold_file_exists():
    assert GOLD_PATH.is_file(), f"missing {GOLD_PATH}"


def test_every_line_parses_as_an_object():
    lines = _load_lines()
    assert lines, "gold set is empty"
    for n, line in lines:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:  # pragma: no cover - failure path
            pytest.fail(f"line {n} is not valid JSON: {exc}")
        assert isinstance(obj, dict), f"line {n} is not a JSON object"


def test_required_fields_and_types(gold):
    for item in gold:
        qid = item.get("id", "<no id>")
        for field in ("id", "question", "answers", "evidence", "kind"):
            assert field in item, f"{qid}: missing field {field!r}"
        assert isinstance(item["id"], str) and item["id"], f"{qid}: id must be a non-empty string"
        assert isinstance(item["question"], str) and item["question"].strip(), (
            f"{qid}: question must be a non-empty string")
        assert isinstance(item["kind"], str) and item["kind"], f"{qid}: kind must be a non-empty string"
        assert isinstance(item["answers"], list), f"{qid}: answers must be a list"
        for answer in item["answers"]:
            assert isinstance(answer, str) and answer.strip(), (
                f"{qid}: every answer must be a non-empty string, got {answer!r}")
        assert isinstance(item["evidence"], list), f"{qid}: evidence must be a list"
        for ev in item["evidence"]:
            assert isinstance(ev, dict), f"{qid}: evidence items must be objects, got {ev!r}"
            assert isinstance(ev.get("quote"), str) and ev["quote"].strip(), (
                f"{qid}: evidence item without a non-empty quote: {ev!r}")
            if "doc" in ev:
                assert isinstance(ev["doc"], str), f"{qid}: evidence doc must be a string"
        if "history" in item:
            assert isinstance(item["history"], list), f"{qid}: history must be a list"
            for turn in item["history"]:
                assert isinstance(turn, dict), f"{qid}: history turns must be objects"
                assert isinstance(turn.get("role"), str), f"{qid}: history turn without role"
                assert isinstance(turn.get("content"), str) and turn["content"].strip(), (
                    f"{qid}: history turn without content")


def test_ids_are_unique(gold):
    counts = Counter(item["id"] for item in gold)
    duplicates = sorted(qid for qid, c in counts.items() if c > 1)
    assert not duplicates, f"duplicate ids: {duplicates}"


def test_every_quote_is_an_exact_substring_of_a_corpus_document(gold, corpus):
    failures = []
    for item in gold:
        for ev in item["evidence"]:
            quote = ev["quote"]
            if not any(quote in text for text in corpus.values()):
                failures.append(f"{item['id']}: {quote!r}")
    assert not failures, "quotes not found verbatim in corpus/:\n" + "\n".join(failures)


def test_size_and_unanswerable_share(gold):
    assert len(gold) >= MIN_QUESTIONS, f"only {len(gold)} questions, need {MIN_QUESTIONS}"
    unanswerable = [item for item in gold if item["answers"] == []]
    assert len(unanswerable) >= MIN_UNANSWERABLE, (
        f"only {len(unanswerable)} unanswerable questions, need {MIN_UNANSWERABLE}")


def test_every_kind_has_enough_questions(gold):
    counts = Counter(item["kind"] for item in gold)
    too_few = {kind: counts.get(kind, 0) for kind in REQUIRED_KINDS if counts.get(kind, 0) < MIN_PER_KIND}
    assert not too_few, f"kinds with fewer than {MIN_PER_KIND} questions: {too_few}"


def test_both_documents_are_used_as_evidence(gold, corpus):
    used = set()
    for item in gold:
        for ev in item["evidence"]:
            used.update(name for name, text in corpus.items() if ev["quote"] in text)
    unused = sorted(set(corpus) - used)
    assert not unused, f"corpus documents never used as evidence: {unused}"


def test_evidence_matches_answerability(gold):
    for item in gold:
        if item["answers"]:
            assert item["evidence"], f"{item['id']}: answerable question without evidence"
        else:
            assert item["evidence"] == [], f"{item['id']}: unanswerable question with evidence"


def test_unanswerable_kind_has_no_answers(gold):
    for item in gold:
        if item["kind"] == "unanswerable":
            assert item["answers"] == [], f"{item['id']}: kind unanswerable but has answers"


def test_multi_doc_questions_cite_two_documents(gold, corpus):
    for item in gold:
        if item["kind"] != "multi-doc":
            continue
        docs = set()
        for ev in item["evidence"]:
            docs.update(name for name, text in corpus.items() if ev["quote"] in text)
        assert len(docs) >= 2, f"{item['id']}: multi-doc question with evidence from {sorted(docs)}"


def test_follow_ups_have_alternating_history(gold):
    follow_ups = [item for item in gold if item["kind"] == "follow-up"]
    assert follow_ups, "no follow-up questions"
    for item in follow_ups:
        history = item.get("history")
        assert isinstance(history, list) and history, f"{item['id']}: follow-up without history"
        for i, turn in enumerate(history):
            expected = "user" if i % 2 == 0 else "assistant"
            assert turn.get("role") == expected, (
                f"{item['id']}: history turn {i} has role {turn.get('role')!r}, expected {expected!r}")
        assert history[-1].get("role") == "assistant", (
            f"{item['id']}: history must end with an assistant turn before the follow-up question")

"""eval/fit_reader.py: the (question, sentence) pairs the span reader is fitted on."""

from __future__ import annotations

import json


def _squad(tmp_path, context: str, question: str, answer: str):
    path = tmp_path / "squad.json"
    qa = {"id": "q1", "question": question, "answers": [{"text": answer, "answer_start": context.index(answer)}]}
    path.write_text(json.dumps({"data": [{"title": "T", "paragraphs": [{"context": context, "qas": [qa]}]}]}))
    return path


def test_pairs_hold_the_answer_and_no_answer_pairs_hold_none(tmp_path, fit_reader):
    context = (
        "The talks were held in Istanbul. Sberbank is the largest bank in Russia. "
        "Sanctions were imposed on many banks. The second round of talks took place later. Istanbul hosted them."
    )
    path = _squad(tmp_path, context, "Which bank is the largest?", "Sberbank")
    [pair] = fit_reader.xquad_pairs(path)
    assert pair.answers_it and pair.sentence[pair.start : pair.end] == "Sberbank"
    pairs = fit_reader.xquad_pairs(path, negatives=2, seed=1)
    answering = [p for p in pairs if p.answers_it]
    others = [p for p in pairs if not p.answers_it]
    assert answering == [pair] and len(others) == 2
    for other in others:
        assert "Sberbank" not in other.sentence and other.sentence in context and other.question == pair.question
    # More negatives than the paragraph has other sentences: each at most once.
    assert len([p for p in fit_reader.xquad_pairs(path, negatives=10) if not p.answers_it]) == 4


def test_a_no_answer_pair_is_labelled_cls(tmp_path, fit_reader):
    from qa.answering.reader import load_pair_tokenizer
    from qa.embed.encoder import resolve_model_path

    tokenizer = load_pair_tokenizer(resolve_model_path(fit_reader.BASE_MODEL))
    context = "Sberbank is the largest bank in Russia. The talks were held in Istanbul."
    answering, other = fit_reader.xquad_pairs(_squad(tmp_path, context, "Which bank is the largest?", "Sberbank"), negatives=1)
    first, last = fit_reader.token_labels(tokenizer, answering)
    assert 0 < first <= last
    assert fit_reader.token_labels(tokenizer, other) == (0, 0)

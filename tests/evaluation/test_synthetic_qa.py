"""eval/synthetic_qa.py: cloze pairs whose label is the removed answer and whose wh-phrase fits it."""

from __future__ import annotations

import random

SENTENCE = "On 29 March 2022, Zelensky said that Ukraine had received 300 tanks from the European Union."


def test_candidates_are_numbers_dates_and_names_with_fitting_wh_phrases(synthetic_qa):
    found = {SENTENCE[a:b]: wh for a, b, wh in synthetic_qa.candidates(SENTENCE)}
    assert found["29 March 2022"] == "When"
    assert found["300"] == "How many tanks"
    assert found["Zelensky"] == "Who"
    assert found["European Union"] == "What"
    assert "On" not in found  # a sentence's first word is capitalised anyway
    assert "Ukraine" in found


def test_a_number_inside_a_name_is_not_an_answer(synthetic_qa):
    sentence = "Levels of IL-33 rose in the 12 patients."
    answers = {sentence[a:b] for a, b, _ in synthetic_qa.candidates(sentence)}
    assert "12" in answers
    assert "33" not in answers


def test_the_cloze_question_leads_with_the_wh_phrase_and_loses_the_answer(synthetic_qa):
    a = SENTENCE.index("300")
    question = synthetic_qa.cloze(SENTENCE, a, a + 3, "How many tanks", random.Random(0))
    assert question.startswith("How many tanks ") and question.endswith("?")
    assert "300" not in question
    assert " tanks " not in question[len("How many tanks"):]  # the counted noun moved into the wh-phrase


def test_pairs_label_the_answer_span_and_respect_the_limit(synthetic_qa):
    texts = [SENTENCE + " The talks in Istanbul lasted three hours and ended without a deal on Crimea."] * 5
    pairs = synthetic_qa.synthetic_pairs(texts, limit=4, seed=1)
    assert len(pairs) == 4
    for p in pairs:
        answer = p.sentence[p.start : p.end]
        assert answer and answer.strip() == answer
        assert answer not in p.question
        assert p.sentence.count(answer) == 1

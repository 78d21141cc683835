"""eval/fit_answerer.py: the ranker and calibration fits recover what synthetic data holds."""

from __future__ import annotations

import numpy as np

from qa.answering.features import COLUMN, FEATURES
from qa.answering.sentence_model import SentenceModel


def _items(fa, n_questions: int, seed: int):
    """Questions of 10 candidates whose one positive has the most lexical coverage; the rest is noise."""
    rng = np.random.default_rng(seed)
    items = []
    for q in range(n_questions):
        x = rng.normal(size=(10, len(FEATURES)))
        x[:, COLUMN["unknown_names"]] = 0.0
        y = np.zeros(10)
        if q % 5:  # every fifth question has no answer among its candidates
            best = int(np.argmax(x[:, COLUMN["lexical"]]))
            y[best] = 1.0
        else:
            x[:, COLUMN["lexical"]] -= 2.0  # and its best match is poor
        source = "gold" if q % 3 == 0 else "xquad"
        items.append(fa.Item(source, source, f"{source}:{q % 2}", f"q{q}", [], ("a",) if q % 5 else (), (), None, x, y))
    return items


def test_ranker_learns_the_feature_that_marks_the_answer_and_ranks_it_first(fit_answerer):
    train, test = _items(fit_answerer, 200, seed=1), _items(fit_answerer, 100, seed=2)
    params = fit_answerer.fit(train, l2=1.0)
    weights = dict(zip(FEATURES, params["weights"]))
    assert max(weights, key=lambda k: abs(weights[k])) == "lexical" and weights["lexical"] > 0
    top1, top3 = fit_answerer.ranking(test, params)
    assert top1 > 0.9 and top3 >= top1


def test_fitted_parameters_make_a_valid_model_file_whose_probabilities_separate_answered_questions(fit_answerer):
    train, test = _items(fit_answerer, 200, seed=3), _items(fit_answerer, 100, seed=4)
    model = SentenceModel.from_dict(fit_answerer.model_dict(fit_answerer.fit(train, l2=1.0), {"test": True}))
    answered = [model.probabilities(i.x).max() for i in test if i.y.any()]
    unanswered = [model.probabilities(i.x).max() for i in test if not i.y.any()]
    assert np.mean(answered) > np.mean(unanswered) + 0.3


def test_every_source_weighs_the_same_in_total_whatever_its_size(fit_answerer):
    x, y = np.zeros((1, len(FEATURES))), np.zeros(1)
    items = [fit_answerer.Item(s, "gold", "f", "q", [], (), (), None, x, y) for s in ["xquad"] * 6 + ["gold"] * 2 + ["foreign"] * 4]
    w = fit_answerer._source_weights(items)
    totals = {s: w[[i.source == s for i in items]].sum() for s in ("xquad", "gold", "foreign")}
    assert np.allclose(list(totals.values()), len(items) / 3) and np.isclose(w.mean(), 1.0)


def test_foreign_questions_pull_the_calibration_down_where_the_best_match_is_poor(fit_answerer):
    train = _items(fit_answerer, 200, seed=5)
    rng = np.random.default_rng(6)
    foreign = []
    for q in range(100):  # questions of another corpus: nothing answers them, their best match is poor
        x = rng.normal(size=(10, len(FEATURES)))
        x[:, COLUMN["unknown_names"]] = 0.0
        x[:, COLUMN["lexical"]] -= 2.0
        foreign.append(fit_answerer.Item("foreign", "gold", "xquad:0", f"f{q}", [], (), (), None, x, np.zeros(10)))
    plain = SentenceModel.from_dict(fit_answerer.model_dict(fit_answerer.fit(train, l2=1.0), {}))
    wary = SentenceModel.from_dict(fit_answerer.model_dict(fit_answerer.fit(train + foreign, l2=1.0), {}))
    test = [i for i in _items(fit_answerer, 100, seed=7) if not i.y.any()]
    assert np.mean([wary.probabilities(i.x).max() for i in test]) < np.mean([plain.probabilities(i.x).max() for i in test])


def test_held_out_figures_score_the_short_answer_and_count_abstentions(fit_answerer):
    from qa.answering.answerer import Answer, Short

    def item(answers):
        return fit_answerer.Item("xquad", "xquad", "xquad:0", "q", [], answers, (), "d", np.zeros((1, len(FEATURES))), np.zeros(1))

    short = Short("Sberbank", 1, "p", "d", 0, 8, 0, 8, 0.9)
    rows = [
        {"item": item(("Sberbank",)), "reply": Answer("q", "Sberbank, the largest bank, grew. [1]", [], [], False, 0.8, short=short)},
        {"item": item(("VTB",)), "reply": Answer("q", "VTB is the second largest. [1]", [], [], False, 0.05)},
        {"item": item(()), "reply": Answer("q", "Not found.", [], [], True, 0.0)},
    ]
    at_zero = fit_answerer.figures(rows, 0.0)
    # EM and F1 read the short answer when there is one, else the text.
    assert at_zero["exact_match"] == 0.5 and at_zero["contains"] == 1.0 and 0.5 < at_zero["f1"] < 1.0
    assert at_zero["abstention"] == 1.0 and at_zero["false_abstention"] == 0.0
    # Below the threshold an answer counts as an abstention: no EM, F1 or contains.
    above = fit_answerer.figures(rows, 0.1)
    assert above["exact_match"] == 0.5 and above["f1"] == 0.5 and above["false_abstention"] == 0.5


def test_held_out_answers_switch_the_span_reader_by_item(fit_answerer, monkeypatch):
    from qa.answering.reader import reader_dir

    monkeypatch.delenv("QA_READER", raising=False)
    shipped = reader_dir()
    fit_answerer._use_reader("/readers/without-odd")
    assert str(reader_dir()) == "/readers/without-odd"
    fit_answerer._use_reader(None)
    assert reader_dir() == shipped

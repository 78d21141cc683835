"""eval/fit_answerer.py: the ranker and calibration fits recover what synthetic data holds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

from qa.answering.features import COLUMN, FEATURES
from qa.answering.sentence_model import SentenceModel

SCRIPT = Path(__file__).resolve().parents[2] / "eval" / "fit_answerer.py"


def _script():
    spec = importlib.util.spec_from_file_location("fit_answerer", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


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


def test_ranker_learns_the_feature_that_marks_the_answer_and_ranks_it_first():
    fa = _script()
    train, test = _items(fa, 200, seed=1), _items(fa, 100, seed=2)
    params = fa.fit(train, l2=1.0)
    weights = dict(zip(FEATURES, params["weights"]))
    assert max(weights, key=lambda k: abs(weights[k])) == "lexical" and weights["lexical"] > 0
    top1, top3 = fa.ranking(test, params)
    assert top1 > 0.9 and top3 >= top1


def test_fitted_parameters_make_a_valid_model_file_whose_probabilities_separate_answered_questions():
    fa = _script()
    train, test = _items(fa, 200, seed=3), _items(fa, 100, seed=4)
    model = SentenceModel.from_dict(fa.model_dict(fa.fit(train, l2=1.0), {"test": True}))
    answered = [model.probabilities(i.x).max() for i in test if i.y.any()]
    unanswered = [model.probabilities(i.x).max() for i in test if not i.y.any()]
    assert np.mean(answered) > np.mean(unanswered) + 0.3


def test_every_source_weighs_the_same_in_total_whatever_its_size():
    fa = _script()
    x, y = np.zeros((1, len(FEATURES))), np.zeros(1)
    items = [fa.Item(s, "gold", "f", "q", [], (), (), None, x, y) for s in ["xquad"] * 6 + ["gold"] * 2 + ["foreign"] * 4]
    w = fa._source_weights(items)
    totals = {s: w[[i.source == s for i in items]].sum() for s in ("xquad", "gold", "foreign")}
    assert np.allclose(list(totals.values()), len(items) / 3) and np.isclose(w.mean(), 1.0)


def test_foreign_questions_pull_the_calibration_down_where_the_best_match_is_poor():
    fa = _script()
    train = _items(fa, 200, seed=5)
    rng = np.random.default_rng(6)
    foreign = []
    for q in range(100):  # questions of another corpus: nothing answers them, their best match is poor
        x = rng.normal(size=(10, len(FEATURES)))
        x[:, COLUMN["unknown_names"]] = 0.0
        x[:, COLUMN["lexical"]] -= 2.0
        foreign.append(fa.Item("foreign", "gold", "xquad:0", f"f{q}", [], (), (), None, x, np.zeros(10)))
    plain = SentenceModel.from_dict(fa.model_dict(fa.fit(train, l2=1.0), {}))
    wary = SentenceModel.from_dict(fa.model_dict(fa.fit(train + foreign, l2=1.0), {}))
    test = [i for i in _items(fa, 100, seed=7) if not i.y.any()]
    assert np.mean([wary.probabilities(i.x).max() for i in test]) < np.mean([plain.probabilities(i.x).max() for i in test])

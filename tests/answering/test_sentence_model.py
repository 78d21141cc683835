"""The sentence model file: loaded and checked, in step with the features and the settings."""

from __future__ import annotations

import json

import numpy as np
import pytest

from qa.answering.features import COLUMN, FEATURES
from qa.answering.sentence_model import DEFAULT_MODEL_PATH, SentenceModel, load_model
from qa.errors import SettingsError
from qa.settings import AnswerSettings


def _packaged() -> dict:
    return json.loads(DEFAULT_MODEL_PATH.read_text(encoding="utf-8"))


def test_packaged_model_reads_the_features_this_qa_computes():
    model = load_model()
    assert model.features == FEATURES
    assert len(model.weights) == len(FEATURES)


def test_default_threshold_is_the_one_the_fit_chose_on_held_out_data():
    fitted = _packaged()["fitted_on"]
    assert AnswerSettings().abstain_below == fitted["abstain_below"]
    held_out = fitted["held_out"]
    assert {"xquad_articles_held_out", "gold_held_out_by_document"} <= set(held_out)


def test_probabilities_keep_the_ranker_order_within_a_question():
    model = load_model()
    rng = np.random.default_rng(0)
    x = rng.random((12, len(FEATURES)))
    x[:, COLUMN["unknown_names"]] = 0.0
    scores, probabilities = model.scores(x), model.probabilities(x)
    assert ((probabilities > 0) & (probabilities < 1)).all()
    assert list(np.argsort(-scores, kind="stable")) == list(np.argsort(-probabilities, kind="stable"))


def test_more_words_of_the_question_raise_the_score():
    """Sanity of the fitted signs: covering the question's words helps, missing the asked kind hurts."""
    model = load_model()
    base = np.zeros((1, len(FEATURES)))
    covered = base.copy()
    covered[0, COLUMN["lexical"]] = 1.0
    missing = base.copy()
    missing[0, COLUMN["type_missing"]] = 1.0
    assert model.scores(covered)[0] > model.scores(base)[0] > model.scores(missing)[0]


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(format="other"), "is not a qa-sentence-model file"),
        (lambda d: d.update(format_version=99), "format version 99"),
        (lambda d: d.update(features=d["features"][:-1]), "other features"),
        (lambda d: d.update(weights=d["weights"][:-1]), "weights must hold"),
        (lambda d: d.update(scale=[0.0] * len(d["scale"])), "every scale must be positive"),
        (lambda d: d.update(calibration=[-1.0, 0.0, 0.0, 0.0]), "must grow with the ranker score"),
        (lambda d: d.pop("calibration_bias"), "lacks or garbles"),
        (lambda d: d.update(mean=["x"] * len(d["mean"])), "lacks or garbles"),
    ],
)
def test_a_damaged_model_file_is_refused_with_what_is_wrong(change, message):
    data = _packaged()
    change(data)
    with pytest.raises(SettingsError, match=message):
        SentenceModel.from_dict(data)


def test_missing_or_unreadable_model_file_is_a_settings_error(tmp_path):
    with pytest.raises(SettingsError, match="not found"):
        load_model(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(SettingsError, match="cannot read"):
        load_model(bad)


def test_model_round_trips_through_to_dict():
    model = load_model()
    assert SentenceModel.from_dict(model.to_dict()) == model

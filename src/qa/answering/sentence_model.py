"""The sentence model: which candidate sentence answers the question, and how likely it is right.

Two fitted parts, both linear over `qa.answering.features.FEATURES`:

- the ranker orders the candidates of one question (a softmax over them was fitted to put the
  sentences holding the answer first);
- the calibration turns a sentence's ranker score, with how close the question's best sentence
  comes to it in words and meaning, into the probability that it holds the answer were it the
  one chosen (it was fitted on each question's best-ranked sentence). Within a question it is
  increasing in the ranker score, so it never reorders the candidates.

The numbers live in a plain JSON file (`sentence_model.json` next to this module, written by
`eval/fit_answerer.py`), read once per path and checked on load: a file for other features, of
another format version, or with a missing or non-finite number is refused.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from qa.answering.features import COLUMN, FEATURES
from qa.errors import SettingsError

if TYPE_CHECKING:
    import numpy as np

FORMAT = "qa-sentence-model"
FORMAT_VERSION = 1
DEFAULT_MODEL_PATH = Path(__file__).with_name("sentence_model.json")
# What the calibration reads besides the ranker score: the question's best dense and lexical
# match (absolute evidence the ranker, comparing sentences of one question, cannot see) and the
# capitalised question words no document contains.
CALIBRATION = ("score", "best_dense", "best_lexical", "unknown_names")


@dataclass(frozen=True)
class SentenceModel:
    """Ranker weights over standardised features, and the calibration's weights and bias."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    calibration: tuple[float, ...]
    calibration_bias: float
    fitted_on: dict
    fitted_at: str

    def scores(self, x: np.ndarray) -> np.ndarray:
        """Ranker scores of the rows of a (candidates x FEATURES) matrix from `sentence_features`."""
        return ranker_scores(x, self.mean, self.scale, self.weights)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """P(the sentence holds the answer) for the candidates of ONE question (the rows of `x`)."""
        import numpy as np

        scores = self.scores(x)
        if not len(scores):
            return scores
        z = calibration_inputs(scores, x) @ np.asarray(self.calibration) + self.calibration_bias
        return 1.0 / (1.0 + np.exp(-z))

    def to_dict(self) -> dict:
        return {"format": FORMAT, "format_version": FORMAT_VERSION, "calibration_inputs": list(CALIBRATION), **asdict(self)}

    @classmethod
    def from_dict(cls, data: Any, where: str = "sentence model") -> SentenceModel:
        """A model from `to_dict()` output; raises SettingsError naming what is wrong."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise SettingsError(f"{where} is not a {FORMAT} file")
        if data.get("format_version") != FORMAT_VERSION:
            raise SettingsError(f"{where} has format version {data.get('format_version')!r}; this qa reads {FORMAT_VERSION}")
        features = tuple(data.get("features") or ())
        if features != FEATURES or tuple(data.get("calibration_inputs") or ()) != CALIBRATION:
            raise SettingsError(
                f"{where} was fitted on other features than this qa computes; refit it with `python eval/fit_answerer.py`"
            )
        try:
            numbers = {k: tuple(float(v) for v in data[k]) for k in ("mean", "scale", "weights", "calibration")}
            bias = float(data["calibration_bias"])
        except (KeyError, TypeError, ValueError) as exc:
            raise SettingsError(f"{where} lacks or garbles a field: {exc}") from exc
        for name, values in numbers.items():
            size = len(CALIBRATION) if name == "calibration" else len(FEATURES)
            if len(values) != size or not all(math.isfinite(v) for v in values):
                raise SettingsError(f"{where}: {name} must hold {size} finite numbers")
        if any(v <= 0 for v in numbers["scale"]):
            raise SettingsError(f"{where}: every scale must be positive")
        if not math.isfinite(bias) or numbers["calibration"][0] <= 0:
            raise SettingsError(f"{where}: the calibration must grow with the ranker score and have a finite bias")
        return cls(features, numbers["mean"], numbers["scale"], numbers["weights"], numbers["calibration"], bias,
                   dict(data.get("fitted_on") or {}), str(data.get("fitted_at", "")))


def ranker_scores(x: np.ndarray, mean: Sequence[float], scale: Sequence[float], weights: Sequence[float]) -> np.ndarray:
    """Ranker scores of the rows of `x`: standardised features times the weights."""
    import numpy as np

    return ((x - np.asarray(mean)) / np.asarray(scale)) @ np.asarray(weights)


def calibration_inputs(scores: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The CALIBRATION columns for the candidates of one question: their ranker `scores` and the
    question's best dense and lexical match and unknown names, from its feature matrix `x`."""
    import numpy as np

    n = len(scores)
    return np.column_stack([
        scores,
        np.full(n, x[:, COLUMN["dense"]].max()),
        np.full(n, x[:, COLUMN["lexical"]].max()),
        x[:, COLUMN["unknown_names"]],
    ])


def load_model(path: Path | str | None = None) -> SentenceModel:
    """The sentence model at `path` (default: the packaged one), read and checked once per path."""
    return _load(str(Path(path) if path else DEFAULT_MODEL_PATH))


@functools.lru_cache(maxsize=8)
def _load(path: str) -> SentenceModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SettingsError(f"sentence model not found: {path}") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingsError(f"cannot read sentence model {path}: {exc}") from exc
    return SentenceModel.from_dict(data, where=f"sentence model {path}")

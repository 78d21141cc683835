"""BM25 over passages (bm25s, Snowball-stemmed English), and the text both retrievers see.

Besides plain scores, the index gives what score fusion needs: per-term weights (for query
expansion), each term's IDF, and a query's *ceiling*: the sum of the query words' IDFs (a
rare word stands in for each word the corpus lacks). Dividing by the ceiling puts BM25 on an
absolute scale (bm25s' "lucene" scoring has no (k1 + 1) factor, so a passage of average length
matching each word once scores about 1 / (1 + k1) = 0.45 of it), so a question whose words the
corpus mostly lacks gets weak BM25 evidence instead of a confident ranking built on one
incidental word.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from qa.ingest.sentences import SUPERSCRIPTS

if TYPE_CHECKING:
    import numpy as np

_MARKUP = re.compile(r"[*_`]+|[" + SUPERSCRIPTS + r"]+")

# Function words dropped from queries on top of bm25s' short list: question words and
# auxiliaries ("which", "did", "does") carry no topic, yet match many passages.
QUERY_STOPWORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
    herself it its itself they them their theirs themselves what which who whom this that these those am is are
    was were be been being have has had having do does did doing a an the and but if or because as until while whose
    of at by for with about against between into through during before after above below to from up down in out
    on off over under again further then once here there when where why how all any both each few more most
    other some such no nor not only own same so than too very s t can will just don should now according
    """.split()
)  # NLTK's English list, plus "according" ("according to the report" names a source, not a topic) and "whose"


# Abbreviations written in capitals, spelled out for BM25 so that "US" and "United States" match
# each other: lower-cased, "US" would be the pronoun, which queries drop as a stop word.
_ABBREVIATIONS = (
    (re.compile(r"\bU\.S\.(?:A\.)?(?!\w)|\bUSA?\b"), "United States"),
    (re.compile(r"\bU\.K\.(?!\w)|\bUK\b"), "United Kingdom"),
    (re.compile(r"\bE\.U\.(?!\w)|\bEU\b"), "European Union"),
    (re.compile(r"\bU\.N\.(?!\w)|\bUN\b"), "United Nations"),
    # "America" the country; not a continent ("North America", "the Americas") nor the end of a name
    # ("United States of America", "Bank of America").
    (re.compile(r"(?<!North )(?<!South )(?<!Latin )(?<!Central )(?<!of )\bAmerica(?!s\b)\b"), "United States"),
)
# A capitalised word right before: a heading in capitals ("CONTACT US"), where "US" is the pronoun.
_CAPITALS_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]+$")


def spell_out_abbreviations(text: str) -> str:
    """`text` with "US", "U.S.", "UK", "EU", "UN" (and dotted forms) written out in full, and
    "America" the country as "United States"."""
    if not any(c.isupper() for c in text):
        return text
    for pattern, full in _ABBREVIATIONS:
        text = pattern.sub(lambda m: m.group(0) if _CAPITALS_BEFORE.search(m.string, 0, m.start()) else full, text)
    return text


def search_text(text: str) -> str:
    """Passage text as the retrievers should see it: no emphasis markers, no footnote superscripts."""
    return _MARKUP.sub(" ", text)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """The Snowball stem BM25 indexes a lower-case word under (British spellings as American ones)."""
    return _stemmer().stemWord(american_spelling(word))


def tokenize(texts: Sequence[str]) -> list[list[str]]:
    """Lower-cased, stop-word-free, stemmed word tokens (what the BM25 index holds)."""
    stemmer = _stemmer()
    return [stemmer.stemWords([american_spelling(w) for w in words]) for words in surface_words(texts)]


# British spellings that no rule below covers, as American ones ("defence", "sceptical").
_BRITISH = {
    "defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
    "licence": "license", "licences": "licenses", "pretence": "pretense", "grey": "gray",
    "programme": "program", "programmes": "programs", "catalogue": "catalog", "catalogues": "catalogs",
    "centre": "center", "centres": "centers", "centred": "centered", "theatre": "theater", "theatres": "theaters",
    "metre": "meter", "metres": "meters", "litre": "liter", "litres": "liters", "fibre": "fiber", "calibre": "caliber",
    "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "aluminium": "aluminum", "jewellery": "jewelry",
    "judgement": "judgment", "judgements": "judgments", "ageing": "aging", "mould": "mold", "plough": "plow",
    "practise": "practice", "practised": "practiced", "practises": "practices", "practising": "practicing",
    "enrolment": "enrollment", "fulfil": "fulfill", "fulfilment": "fulfillment", "instalment": "installment",
    "skilful": "skillful", "wilful": "willful", "marvellous": "marvelous", "sombre": "somber", "meagre": "meager",
    "rouble": "ruble", "roubles": "rubles",
}
# Words spelt -our in Britain, -or in America, and the words made from them ("favourable", "labourers").
_OUR = re.compile(
    r"^(behavi|col|fav|flav|harb|hon|hum|lab|neighb|rum|val|vig|endeav|arm|rig|clam|splend|od|tum|vap|savi|parl)our"
)
# "-ise" verbs and their forms and nouns ("recognised", "organisation", "analyse"); the stem must
# be long enough that "rise", "raise" or "wise" are left alone. Both sides being written the same
# way, a word with no American "-ize" form ("promise" -> "promize") changes no match.
_ISE = re.compile(r"^(?P<stem>[a-z]{3,}?)(?P<i>[iy])s(?P<end>e|es|ed|ing|ation|ations|ational|er|ers)$")
# "Travelled", "cancelling", "modeller": the doubled "l" before a suffix, for verbs in -el.
_DOUBLED_L = re.compile(r"^(travel|cancel|model|label|fuel|level|signal|channel|counsel|quarrel|marshal|pedal|total)l(ed|ing|er|ers)$")


@lru_cache(maxsize=100_000)
def american_spelling(word: str) -> str:
    """A lower-case word as American English writes it: "defence" -> "defense", "sceptical" ->
    "skeptical", "behaviour" -> "behavior", "recognised" -> "recognized", "travelled" -> "traveled".
    The documents mix the two ("defence" in one commentary, "defense" in the other); BM25 and the
    answerer's word matches index and query both under one spelling."""
    if word in _BRITISH:
        return _BRITISH[word]
    if word.startswith("sceptic"):
        return "sk" + word[2:]
    word = _OUR.sub(r"\1or", word)
    word = _DOUBLED_L.sub(r"\1\2", word)
    ise = _ISE.match(word)
    if ise is not None:
        return f"{ise.group('stem')}{ise.group('i')}z{ise.group('end')}"
    return word


# bm25s' default token pattern: what `tokenize` splits on, reproduced for the per-query path.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


# bm25s' English stop words (bm25s.stopwords.STOPWORDS_EN; a test keeps the copy equal), held
# here so that querying never imports bm25s, whose import pulls in numba and scipy (~0.8 s).
BM25_STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then there "
    "these they this to was will with".split()
)


def _bm25_stopwords() -> frozenset[str]:
    return BM25_STOPWORDS


def surface_words(texts: Sequence[str]) -> list[list[str]]:
    """Lower-cased, stop-word-free words as written (not stemmed), split exactly like `tokenize`.

    Done here rather than by bm25s.tokenize, whose per-call set-up (a progress bar object even
    when hidden) costs more than the split itself on a one-question query.
    """
    stop = _bm25_stopwords()
    return [[w for w in _TOKEN.findall(spell_out_abbreviations(search_text(t)).lower()) if w not in stop] for t in texts]


def inverse_document_frequency(df, n):
    """bm25s' "lucene" IDF of a term in `df` of `n` passages: a float for numbers, an array for arrays."""
    ratio = 1.0 + (n - df + 0.5) / (df + 0.5)
    if isinstance(ratio, float):
        return math.log(ratio)
    import numpy as np

    return np.log(ratio)


@dataclass(frozen=True)
class QueryTerms:
    """A text as BM25 queries it: counted indexed term ids, the content words the corpus lacks,
    and the stems of all its content words (question words and auxiliaries left out)."""

    weights: Mapping[int, float]
    missing: tuple[str, ...]
    stems: tuple[str, ...]


@dataclass(frozen=True)
class _SavedModel:
    """What a loaded index keeps of a bm25s model: its vocabulary and score matrix."""

    vocab_dict: dict
    scores: dict


class BM25Index:
    """A bm25s index over passages, saved as bm25s' own plain files (JSON + .npy, no pickle)."""

    def __init__(self, model) -> None:
        import numpy as np

        self._model = model
        self._vocab: dict[str, int] = model.vocab_dict
        scores = model.scores
        self._data = scores["data"]
        self._indices = scores["indices"]
        self._indptr = scores["indptr"]
        self.num_docs = int(scores["num_docs"])
        df = np.diff(self._indptr).astype(np.float64)
        # The IDF bm25s' stored scores already include; max_idf is the rarest indexed term's.
        self.idf = inverse_document_frequency(df, self.num_docs)
        self.max_idf = inverse_document_frequency(1, self.num_docs)
        self.unseen_idf = inverse_document_frequency(0, self.num_docs)

    @property
    def vocab(self) -> Mapping[str, int]:
        """Stemmed term -> term id."""
        return self._vocab

    @classmethod
    def build(cls, texts: Sequence[str], k1: float = 1.2, b: float = 0.75) -> BM25Index:
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every build at DEBUG
        model = bm25s.BM25(k1=k1, b=b)
        tokens = tokenize(texts)
        # bm25s refuses an empty corpus and documents with no token; a placeholder keeps positions aligned.
        tokens = [t if t else ["\x00empty"] for t in tokens] or [["\x00empty"]]
        model.index(tokens, show_progress=False)
        return cls(model)

    def save(self, folder: Path, names: Mapping[str, str]) -> None:
        """Write bm25s' files into folder, named by part ("data", "indices", "indptr", "vocab", "params")."""
        self._model.save(
            str(folder), show_progress=False, data_name=names["data"], indices_name=names["indices"],
            indptr_name=names["indptr"], vocab_name=names["vocab"], params_name=names["params"],
        )

    @classmethod
    def load(cls, paths: Mapping[str, Path]) -> BM25Index:
        """Read bm25s' saved files (by part, as `save` names them) directly: querying needs only the
        score matrix and the vocabulary, not bm25s itself."""
        import json

        import numpy as np

        params = json.loads(paths["params"].read_text(encoding="utf-8"))
        arrays = {name: np.load(paths[name], allow_pickle=False) for name in ("data", "indices", "indptr")}
        vocab = json.loads(paths["vocab"].read_text(encoding="utf-8"))
        return cls(_SavedModel(vocab, {**arrays, "num_docs": params["num_docs"]}))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for the query (zeros when no query word is indexed)."""
        weights: dict[int, float] = {}
        for word in tokenize([query])[0]:
            term = self._vocab.get(word)
            if term is not None:
                weights[term] = weights.get(term, 0.0) + 1.0
        return self.weighted_scores(weights)

    def query_terms(self, text: str) -> QueryTerms:
        """Indexed query terms (counted) and the content words missing from the corpus."""
        weights: dict[int, float] = {}
        missing: list[str] = []
        stems: list[str] = []
        for word in surface_words([text])[0]:
            if word in QUERY_STOPWORDS:
                continue
            stemmed = stem(word)
            stems.append(stemmed)
            term = self._vocab.get(stemmed)
            # "meet" in the question, "met" in the documents: another form of the verb stands in.
            found = [term] if term is not None else self._other_forms(word, stemmed)
            if not found:
                missing.append(word)
            for term in found:
                weights[term] = weights.get(term, 0.0) + 1.0 / len(found)
        return QueryTerms(weights, tuple(missing), tuple(stems))

    def _other_forms(self, word: str, stemmed: str) -> list[int]:
        """Indexed terms of the other forms of the irregular verb `word` is a form of (`irregular`)."""
        from qa.index.irregular import other_forms

        forms = other_forms(word) or other_forms(stemmed)
        terms = (self._vocab.get(stem(form)) for form in forms)
        return list(dict.fromkeys(t for t in terms if t is not None))

    def term_idf(self, term: str) -> float:
        """The IDF of a stemmed term; a term no passage holds gets the IDF of document frequency 0."""
        position = self._vocab.get(term)
        return float(self.idf[position]) if position is not None else self.unseen_idf

    def weighted_scores(self, weights: Mapping[int, float]) -> np.ndarray:
        """Sum over terms of weight x the term's BM25 score, for every passage."""
        import numpy as np

        out = np.zeros(self.num_docs, dtype=np.float32)
        for term, weight in weights.items():
            start, end = self._indptr[term], self._indptr[term + 1]
            np.add.at(out, self._indices[start:end], np.float32(weight) * self._data[start:end])
        return out

    def ceiling(self, query: QueryTerms, missing_weight: float) -> float:
        """The sum of the query words' IDFs, missing words counting as `missing_weight` x the rarest IDF."""
        found = sum(float(self.idf[t]) * w for t, w in query.weights.items())
        return found + missing_weight * self.max_idf * len(query.missing)

    def document_frequency(self, term: int) -> int:
        return int(self._indptr[term + 1] - self._indptr[term])

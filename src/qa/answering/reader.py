"""The short answer: the span of a cited sentence that answers the question ("Sberbank", "15").

A small span reader picks it: all-MiniLM-L6-v2 with its top layers fine-tuned to mark the start
and end of the answer in a (question, sentence) pair, the way SQuAD readers do (first on synthetic
cloze questions, then on XQuAD). Fitted also on sentences that do not answer, labelled [CLS], it
tells which of the best few sentences answers (`Span.margin`). Only the fine-tuned tensors ship
(`reader.safetensors`, a few MB of float16); the frozen lower layers come from the base model
package, whose identity the reader's description (`reader.json`) records and checks on load.
`eval/fit_reader.py` refits both files.

At run time the reader is an ONNX graph built from those weights (`answering/bert_graph.py`) and
run by ONNX Runtime (in fp32, or with its matrix products quantised to int8 per channel): no
torch, no transformers. The built graph is kept in the cache folder, keyed by everything it is made
from. The reader never writes an answer: a span is character offsets into a sentence that is
already quoted and cited, widened to whole words.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, NamedTuple, Sequence

from qa.answering.synonyms import corpus_words, reworded
from qa.answering.types import is_title, whole_units
from qa.index.bm25 import QUERY_STOPWORDS, american_spelling
from qa.errors import ModelError
from qa.settings import PRECISIONS, cache_dir

log = logging.getLogger(__name__)

READER_DIR = Path(__file__).with_name("reader_weights")
DESCRIPTION = "reader.json"
WEIGHTS = "reader.safetensors"
FORMAT = "qa-span-reader/1"
HEAD = "qa_head"
MAX_PAIR_TOKENS = 192
READ_CACHE = 64
READER_THREADS = 4
# Bump when span_reader_graph or the quantisation changes: cached graphs then rebuild.
GRAPH_VERSION = "2"

# Words after "how" that ask for an amount, a thing ("How many …?", "How long …?"), not a manner.
HOW_OF_AMOUNT = r"(?:many|much|long|old|far|big|large|often|tall|high|early|late|fast|soon)"
# A verb of holding a view, and "What makes X think …?" (why X holds it).
THOUGHT_VERB = r"(?:think|believe|say|argue|conclude|doubt|expect)\b"
# "What makes the April author sceptical of the talks?" too: why X holds an attitude.
_ATTITUDE = (r"(?:sceptical|skeptical|optimistic|pessimistic|doubtful|hopeful|worried|confident|cautious|wary|"
             r"concerned|nervous|afraid|suspicious|critical|certain|sure)\b")
MAKES_THINK = rf"what\s+(?:makes|made|leads|led)\s+(?:[\w’'-]+\s+){{1,4}}?(?:{THOUGHT_VERB}|{_ATTITUDE})"
# What a short answer cannot be: a reason, a manner, an opinion, a yes or no, a list, a summary,
# an event ("What happened in Istanbul?") or an action ("What did the US do?"): the last two are
# clauses, not things, and the reader cut "the sides" from "the sides met for a sixth time".
_NOT_SHORT = re.compile(
    # A clause may come first: "Beyond neutrality, how does the Kremlin want Ukraine's armed forces to end up?"
    # "In what ways might NATO become involved?" asks how (had bolded "Russia").
    # "And is ruling out negotiations wise?": after a conjunction too (had bolded "entirely the option").
    rf"^\s*(?:(?:and|but|so|then|also)\s+)?(?:[^,?]{{1,80}},\s*)?(?:why|how(?! {HOW_OF_AMOUNT}\b)|in\s+(?:what|which)\s+ways?\b|by\s+what\s+means\b|explain|describe|(?:expand|elaborate)\s+on|"
    r"summari[sz]e|summary|list|enumerate|itemi[sz]e|compare|outline|discuss|quote|cite|tell\s+me\s+(?:more\s+)?about|"
    r"(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)\b)"
    # An opinion, unless the question asks who, which one, where or when ("Which American show changed
    # the views of Romanians?"), or what someone thought a thing was ("What did Mote think the Yuan
    # class system really represented?": "think" followed by a clause, not by "about" or "of").
    # Nor how much: "How big a share …, in the April article's view?" asks for a share, by its source.
    rf"|^(?!\s*(?:who|whom|whose|which|where|when|how\s+{HOW_OF_AMOUNT})\b).*?"
    # "opinion piece" names a document ("What fraction of Ukrainians are now abroad, per the April
    # opinion piece?" asks for a figure; it had given no short answer).
    r"\b(?:think(?!\s+(?!about\b|of\b|on\b|that\b|so\b)[\w’'-]+\s+[\w’'-])"
    r"|opinion(?!\s+(?:piece|pieces|commentary|commentaries|article|articles|column|essay|editorial)\b)|argue|argues|view|views|"
    r"stance|attitude|position\s+on|main points|sticking points|what (?:are|were) the (?:main|key|major))\b"
    # "What is happening in the south?" too (had bolded "north and east"); not "What is happening to
    # the average age …?", which a word may answer ("falling", XQuAD).
    r"|^\s*what\s+(?:(?:will|would|could|can|might|may|should)\s+|(?:is|was|are|were)\s+)?(?:happened|happens|happen|happening(?!\s+to\b))\b"
    # "What did the US tell China would happen if it helped Russia?": what was said would follow;
    # "What did Zelensky say must happen before …?": what was said must.
    r"|^\s*what\s+(?:did|does|do|has|have|had)\s+(?:[\w’'-]+\s+){1,6}?(?:would|will|could|might|must|should|(?:needs?|has|have)\s+to)\s+happen\b"
    # "What is Altiero Spinelli's connection to the institute?": how two things are tied, said by a
    # clause (had bolded "initiative", of "founded … on the initiative of Altiero Spinelli").
    r"|^\s*what(?:[’']s|\s+is|\s+was|\s+are|\s+were)\s+(?:[\w’'-]+\s+){1,4}?(?:connection|relationship|relation|link|ties?)\s+(?:to|with)\b"
    # "What conditions must hold before serious negotiations can happen?": what must be so, said by a
    # clause (had bolded "war"). Not "Under what conditions …?", which a short clause answers ("it's
    # on the back foot militarily").
    r"|^\s*(?:(?:and|but|so)\s+)?what\s+(?:pre)?conditions?\s+(?:[\w’'-]+\s+){0,8}?(?:must|need|needs|has\s+to|have\s+to)\b"
    # "What makes Alcaro think mediation can't end the war?": why he thinks so, said by a clause.
    rf"|^\s*(?:(?:and|but|so)\s+)?{MAKES_THINK}"
    # "What role does the West's military assistance play?": a part in events, said by a clause.
    r"|^\s*what\s+(?:role|part)\s+(?:[\w’'-]+\s+){1,8}?play(?:s|ed)?\b"
    # "What's the relationship between battlefield losses and diplomacy?": how two things go together,
    # said by a clause (had bolded "Russia").
    r"|^\s*what(?:[’']s|\s+is|\s+was)\s+the\s+(?:relationship|relation|link|connection|correlation)\s+between\b"
    # "What could pull NATO directly into the war?": what would lead to it, said by a clause (had bolded "Russia").
    # "What would force the Kremlin to settle for less?" too: what would make it, a condition (had bolded "outcomes").
    r"|^\s*what\s+(?:could|might|would|can|may|will)\s+(?:pull|drag|draw|push|bring|force)\s+[^?]*?\binto\b"
    r"|^\s*what\s+(?:could|might|would|can|may|will)\s+(?:force|compel|push|drive|pressure)\s+[^?]*?\bto\s+[a-z]+"
    # "What does the 15-point plan mean for the Russians?": what it is to them, said by a clause (had bolded "time").
    # Not "What does it mean for a knot to be considered indecomposable?" (XQuAD: a definition).
    r"|^\s*what\s+(?:does|do|did|would|will|could|might|may)\s+(?!it\b)(?:[\w’'-]+\s+){1,7}?mean\s+(?:for|to)\s+(?!(?:say|do|be)\b)"
    # "What reason might Zelensky have for insisting on a popular vote?": why, said by a clause (had
    # bolded "go through this formal process").
    r"|^\s*what\s+reasons?\s+(?:[\w’'-]+\s+){1,6}?(?:have|has|had|give|gives|gave|offer|offers)\s+(?:for|to)\b"
    r"|^\s*what\s+(?:did|does|do|will|would|could|can|should|might|may|must)\s+(?:[\w’'-]+\s+){1,7}?do\b"
    # "What does that suggest about the talks?": a conclusion, said by a clause (had bolded "doing
    # another, the negotiations"); not "What does the word prime suggest?" (XQuAD: a phrase).
    r"|^\s*what\s+(?:does|do|did|would|could|might|may|can)\s+(?:[\w’'-]+\s+){1,7}?"
    r"(?:suggest|imply|indicate|reveal|show)\s+about\b"
    # "What has the EU done that it never did before?": an action too (had bolded "deliver a nearly $1
    # billion package", beside "approving the shipment of lethal weapons … for the first time").
    r"|^\s*what\s+(?:has|have|had)\s+(?:[\w’'-]+\s+){1,7}?done\b"
    # "What were the Minsk agreements meant to do?", "What are they about to do there?": an action
    # too, said by a clause (the reader had bolded "Ukraine and Russia", who signed them, and "north
    # and east", where Russian forces struggle, beside "about to deprive Ukraine …").
    r"|^\s*what\s+(?:is|are|was|were)\s+(?:[\w’'-]+\s+){1,7}?"
    r"(?:meant|supposed|designed|intended|expected|going|trying|able|set|due|about|planning|preparing)\s+to\s+do\b"
    # "What is Russia doing in the south?": an action (had bolded "north and east"); "What does the
    # author mean by hard power?": an explanation (had bolded "time", from "time and again").
    r"|^\s*what\s+(?:is|are|was|were)\s+(?:[\w’'-]+\s+){1,6}?doing\b"
    # "What is Russia's war like now?": a description (had bolded "shock and awe"); "What would a
    # return to the 2014 borders mean?": a consequence (had bolded "possible resolution").
    r"|^\s*what\s+(?:is|are|was|were|does|do|did)\s+(?:[\w’'-]+\s+){1,8}?(?:look\s+|sound\s+|feel\s+)?like"
    r"(?:\s+(?:now|today|then|at\s+present))?\s*[?.!]*\s*$"
    r"|^\s*what\s+(?:would|will|could|might|may|should)\s+(?:[\w’'-]+\s+){1,8}?mean\s*[?.!]*\s*$"
    r"|^\s*what\s+(?:does|do|did)\s+(?:[\w’'-]+\s+){1,6}?mean\s+(?:by|with|when)\b"
    # "What is the NATO-type agreement about?": a description (had bolded "potential guarantor countries").
    # Not "What was Luther worried about?", "What were the proceedings being held about?": what a verb is about.
    # The thing may be long, "armed forces" in it: "What is the first one about?" is asked with the item in its place.
    # "What was Biden's warning to Beijing about?": a noun in "-ing" after a determiner or a possessive.
    r"|^\s*what\s+(?:is|are|was|were)\s+(?:(?:the|a|an|this|that|these|those|his|her|its|their|[A-Z][\w-]*[’']s)\s+[a-z]+ing\s+"
    r"|(?:the|a|an|this|that|these|those|his|her|its|their|[A-Z][\w’'-]*)\s+)"
    # The word before "about" says which: a verb in "-ed" or "-ing" there asks what it is about.
    r"(?:(?:[\w’'-]+\s+){0,40}?(?!(?-i:[a-z])[\w’'-]*(?:ed|ing)\s|(?:held|done|made)\s)[\w’'-]+\s+)?about\s*[?.!]*\s*$"
    # "What is the difference between the 10-point plan and the 15-point plan?": a comparison, said by
    # a sentence of each (had bolded "Ukrainian").
    r"|^\s*what\s+(?:is|are|was|were)\s+the\s+(?:(?:main|key|major|biggest)\s+)?(?:differences?|similarit(?:y|ies))\b"
    # "What effect have the sanctions had?": a consequence, said by a clause ("the ground" had been
    # bolded from "not affected Russia's behavior on the ground").
    r"|^\s*what\s+(?:effects?|impacts?|consequences?|difference)\s+(?:did|does|do|will|would|could|can|might|may|has|have|had)\b"
    # "What was his objection to the Ukrainian plan?", "What is the main reason for …?": an argument,
    # said by a clause (had bolded "Kremlin", from "Kremlin spokesman Dmitry Peskov pushed back …").
    r"|^\s*what\s+(?:is|are|was|were)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:objections?|arguments?|criticisms?|complaints?|concerns?|reasons?|reasoning|rationale|justification|"
    # "What was the purpose of the 1994 memorandum?": what it sought to do (had bolded "The Budapest memorandum").
    r"purposes?|significance|importance)\b"
    # "What purpose does the SWIFT system serve?": what it does, a clause (had bolded "to further increase pressure …").
    r"|^\s*what\s+(?:purposes?|functions?)\s+(?:does|do|did|will|would|could|can|might|may|is|are|was|were)\b"
    # "What price would Russia pay if Sberbank got the VTB treatment?": a consequence to come, said by a
    # clause (had bolded "five", of "the five largest Russian banks"); "What price did … pay?" may be a sum.
    r"|^\s*what\s+(?:price|penalty|toll)\s+(?:would|will|could|might|may)\s+(?:[\w’'-]+\s+){1,4}?(?:pay|suffer|bear)\b"
    # "What message did Biden send to Beijing?": what a message says, a clause (had bolded "US warnings").
    r"|^\s*what\s+(?:messages?|warnings?|signals?|threats?)\s+(?:did|does|do|has|have|had|will|would)\s+(?:[\w’'-]+\s+){1,6}?"
    r"(?:send|sent|give|gave|given|deliver|delivered|convey|conveyed|issue|issued)\b"
    # "What did Peskov say?", "What did Zelensky propose?": what was said, in full ("say about X" can be a quote).
    r"|^\s*what\s+(?:did|does|do|will|would|has|have|had)\s+(?:[\w’'-]+\s+){1,6}?"
    r"(?:say|said|tell|told|claim|claimed|argue|argued|announce|announced|warn|warned|propose|proposed|offer|offered)"
    # "What did Ukraine offer in Istanbul?": where it was said does not make it a thing (when may:
    # "What did the US announce on 16 March 2022?" asks for the announcement's subject).
    r"(?:\s+(?:in|at)\s+(?-i:(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}))?\s*[?.!]?\s*$",
    re.IGNORECASE,
)
_BRACKETS = (("(", ")"), ("[", "]"))
# How far past a span an unclosed bracket's closing one may lie for the span to take it in.
BRACKET_REACH = 40
# Articles, prepositions, conjunctions and auxiliary verbs: a span ending on one of them is cut
# before it ("Poland has" -> "Poland").
_DANGLING = re.compile(
    r"(?<![\w-])(?:a|an|the|of|at|in|on|to|for|by|with|from|into|and|or|but|as|than|that|which|whose|"
    r"is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|"
    # A participle that needs its place: "Soviet nuclear weapons based" (of "… based there").
    r"based|located|situated|stationed|headquartered)$",
    re.IGNORECASE,
)
# An adverb and the comma after it, which close a clause: "militarily, ", "however, ".
_CLOSING_ADVERB = re.compile(
    r"(?:[a-z]{3,}ly|however|therefore|thus|indeed|moreover|meanwhile|instead|nevertheless),\s+(?=\S)"
)
# A contrast set off by commas: ", rather than wind back, ".
_CONTRAST_ASIDE = re.compile(r",\s*(?:rather\s+than|instead\s+of|not)\s+(?P<inside>[^,]{1,60}),\s*")
_JOINED_RELATIVE = re.compile(r",?\s+(?:and|or|but)\s+(?:whose|which|who|whom)\b", re.I)
_PREPOSITION_BEFORE_NAME = re.compile(r"(?i:with|for|by|in|on|at|to|of|about)\s+(?=[A-Z])")
# Trimmed from a span's edges (footnote numbers and Markdown emphasis too: "The International
# Spectator*" from "(*The International Spectator*)"); a final "." stays in an abbreviation ("U.S.").
_EDGE_CHARS = frozenset(" \t\n,;:.!?\"'“”‘’()[]-*_⁰¹²³⁴⁵⁶⁷⁸⁹")


class _Read(NamedTuple):
    """One (question, sentence) pair as read: token offsets, sentence mask, start and end logits."""

    offsets: list[tuple[int, int]]
    segment: list[bool]
    start: list[float]
    end: list[float]


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) of a short answer in a sentence, and the reader's score.

    `margin` is the sentence's best span logit minus the "no answer" ([CLS]) logit: above 0 when a
    reader fitted with no-answer pairs thinks the sentence answers the question."""

    start: int
    end: int
    score: float
    margin: float = 0.0


def wants_short(question: str) -> bool:
    """True when the question asks for a thing (a name, number, date, place, phrase), not a reason,
    a manner, a yes or no, an opinion, a list or a summary, and is a question: a few words typed as a
    search ("javelin stinger", "crimea status") ask for no one thing."""
    return not _NOT_SHORT.search(question) and not is_keywords(question)


# A question word anywhere, a question mark, or a request ("Name …", "Give me …").
_QUESTION_FORM = re.compile(
    r"\?|\b(?:who|whom|whose|what|whats|which|when|where|how|why)\b|^\W*(?:name|list|give|tell|show|find)\b", re.I
)
# The most words a search typed as keywords has ("sberbank swift", "budapest memorandum 1994").
KEYWORD_WORDS = 4


def is_keywords(text: str) -> bool:
    """True for a few words typed as a search, not as a question ("peace plan points")."""
    return len(text.split()) <= KEYWORD_WORDS and _QUESTION_FORM.search(text) is None


class SpanReader:
    """Loads the fine-tuned span reader once (ONNX Runtime, no torch); `spans()` is thread-safe."""

    def __init__(self, folder: Path = READER_DIR, precision: str = "fp32") -> None:
        if precision not in PRECISIONS:
            raise ModelError(f"span reader precision {precision!r} is not one of {PRECISIONS}")
        self.folder = folder
        self.precision = precision
        self.description = _description(folder)
        self.model_dir = _base_dir(self.description)
        try:
            self.session = _session(_graph_file(folder, self.model_dir, self.description, precision))
        except ModelError as exc:
            # A damaged cached graph has just been removed: build it once more.
            log.warning("%s", exc)
            self.session = _session(_graph_file(folder, self.model_dir, self.description, precision))
        self.tokenizer = load_pair_tokenizer(self.model_dir)
        self.max_tokens = int(self.description["max_answer_tokens"])
        # Fitted with sentences that do not answer, labelled [CLS]: its margins tell which sentence answers.
        self.tells_answering = self.description.get("no_answer") == "cls"
        self._recent: OrderedDict[tuple[str, str], _Read] = OrderedDict()
        self._words: frozenset[str] | None = None
        self._lock = threading.Lock()

    def words(self) -> frozenset[str]:
        """The whole words of the tokenizer's vocabulary, in lower case: ordinary English words
        ("warn", "goal"), which a slip of typing rarely is ("wich", "populaton")."""
        if self._words is None:
            self._words = frozenset(w for w in self.tokenizer.get_vocab() if w.isalpha() and w.islower())
        return self._words

    def clear_cache(self) -> None:
        """Forget the pairs read so far (benchmarks measure reading, not the cache)."""
        with self._lock:
            self._recent.clear()

    def logits(self, batch: PairBatch) -> Any:
        """Start and end logits, shape (pairs, tokens, 2)."""
        import numpy as np

        positions = np.broadcast_to(np.arange(batch.input_ids.shape[1], dtype=np.int64), batch.input_ids.shape)
        feeds = {"input_ids": batch.input_ids, "attention_mask": batch.attention_mask,
                 "token_type_ids": batch.token_type_ids, "position_ids": np.ascontiguousarray(positions)}
        return self.session.run(None, feeds)[0]

    def spans(
        self, question: str, sentences: Sequence[str], fits: Callable[[str], bool] | None = None,
        length_penalty: float = 0.0,
    ) -> list[Span | None]:
        """The best answer span in each sentence (None when a sentence has no token to offer);
        with `fits`, the best of the reader's few best spans that fits; `length_penalty` per token
        beyond the first (see `decode`)."""
        return [
            decode(sentence, *read, self.max_tokens, fits, length_penalty=length_penalty)
            for sentence, read in zip(sentences, self._read(question, sentences))
        ]

    def _read(self, question: str, sentences: Sequence[str]) -> list[_Read]:
        """Each pair's token offsets, sentence mask and start/end logits; the last READ_CACHE pairs
        are kept, since an answer reads its lead sentence twice (to choose it, then to cut the span).
        The question is read in each sentence's words where the documents never use its own
        (`synonyms.reworded`, within an answer)."""
        known = corpus_words()
        asked = {s: _spelt_as(reworded(question, s, known, QUERY_STOPWORDS), s) for s in sentences}
        with self._lock:
            found = {s: self._recent.get((asked[s], s)) for s in sentences}
        missing = [s for s, read in found.items() if read is None]
        if missing:
            batch = encode_pairs(self.tokenizer, [(asked[s], s) for s in missing])
            out = self.logits(batch)
            with self._lock:
                for i, s in enumerate(missing):
                    found[s] = _Read(batch.offsets[i], batch.segment[i], out[i, :, 0].tolist(), out[i, :, 1].tolist())
                    self._recent[(asked[s], s)] = found[s]
                while len(self._recent) > READ_CACHE:
                    self._recent.popitem(last=False)
        return [found[s] for s in sentences]


def _spelt_as(question: str, sentence: str) -> str:
    """The question with each word the sentence spells the other way (British or American) spelt as
    the sentence spells it: "Which defence systems …?" read against "… air defense systems …"."""
    said = {american_spelling(w): w for w in re.findall(r"[a-z]+", sentence.lower())}

    def as_said(match: re.Match[str]) -> str:
        word = match.group(0)
        other = said.get(american_spelling(word.lower()))
        return other if other is not None and other != word.lower() and word.islower() else word

    return re.sub(r"[A-Za-z]+", as_said, question)


def _graph_file(folder: Path, base_dir: Path, description: dict[str, Any], precision: str) -> Path:
    """The reader's ONNX graph at `precision` in the cache folder, built there first when missing."""
    import onnxruntime

    digest = hashlib.sha256()
    for part in (GRAPH_VERSION, precision, onnxruntime.__version__, json.dumps(description, sort_keys=True)):
        digest.update(part.encode() + b"\0")
    try:
        digest.update((folder / WEIGHTS).read_bytes())
    except OSError as exc:
        raise ModelError(f"the span reader's weights cannot be read: {exc}") from exc
    target = cache_dir() / "reader" / f"span-reader-{digest.hexdigest()[:20]}-{precision}.onnx"
    if target.is_file():
        return target
    log.info("building the span reader (%s) into %s", precision, target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _build_graph(folder, base_dir, precision, target)
    except OSError as exc:
        raise ModelError(f"the span reader cannot be built into {target.parent}: {exc}") from exc
    return target


def _build_graph(folder: Path, base_dir: Path, precision: str, target: Path) -> None:
    """Write the reader's graph to `target`, atomically (another process may build it at the same time)."""
    import onnx
    from safetensors.numpy import load_file

    from qa.answering.bert_graph import BertConfig, span_reader_graph

    try:
        weights = load_file(str(base_dir / "model.safetensors"))
        trained = load_file(str(folder / WEIGHTS))
    except (OSError, ValueError) as exc:
        raise ModelError(f"the span reader's weights cannot be read: {exc}") from exc
    missing = set(trained) - set(weights) - {HEAD + ".weight", HEAD + ".bias"}
    if missing:
        raise ModelError(f"{folder / WEIGHTS}: tensors the base model does not have: {sorted(missing)[:3]}")
    weights.update(trained)
    # fp32 runs ONNX Runtime's fused attention (about 13% faster); int8 keeps the graph it was measured with.
    graph = span_reader_graph(BertConfig.read(base_dir / "config.json"), weights, HEAD, fused=precision == "fp32")
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".building-") as tmp:
        plain = Path(tmp) / "float32.onnx"
        onnx.save(graph, str(plain))
        if precision == "int8":
            from onnxruntime.quantization import QuantType, quantize_dynamic

            quantised = Path(tmp) / "int8.onnx"
            # Per-channel weights: per-tensor scales lost another 0.02 of held-out F1 given the
            # sentence. Products of two activations (attention) stay in fp32.
            quantize_dynamic(plain, quantised, per_channel=True, weight_type=QuantType.QInt8,
                             extra_options={"MatMulConstBOnly": True})
            plain = quantised
        os.replace(plain, target)


def _session(path: Path) -> Any:
    """An ONNX Runtime session on up to READER_THREADS threads that do not spin-wait."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # Measured on 2 cores, one (question, sentence) pair of 50 tokens: 19 ms on one thread, 13 ms on
    # two; with the other core busy, 40 ms on two spin-waiting threads and 22 ms on two that do not
    # (one thread: 20 ms). A pair is too short to share among more than a few threads.
    options.intra_op_num_threads = max(1, min(READER_THREADS, os.cpu_count() or 1))
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    try:
        return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own types for unreadable or foreign files
        path.unlink(missing_ok=True)
        raise ModelError(f"the cached span reader {path} could not be loaded ({exc}); it was removed") from exc


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
    length_penalty: float = 0.0,
) -> Span | None:
    """The best-scoring span of at most `max_tokens` tokens, widened to whole words and full dates
    and trimmed of edge punctuation (a span touching a web address or crossing a line break is
    passed over). A span scores its start and end logits minus `length_penalty` per token beyond
    its first. With `fits`, the best of the `n_best` spans that fits (a date for "when", a number
    for "how many"), else the best. `Span.score` is a softmax probability of that start times
    that end; `Span.margin` weighs the best unpenalised span against "no answer"."""
    inside = [i for i, s in enumerate(segment) if s]
    if not inside:
        return None
    pairs = sorted(
        ((start[i] + end[j] - length_penalty * (j - i), start[i] + end[j], i, j)
         for i in inside for j in inside if i <= j < i + max_tokens),
        reverse=True,
    )
    p_start, p_end = _softmax(start, inside), _softmax(end, inside)
    margin = round(max(p[1] for p in pairs) - (start[0] + end[0]), 4) if pairs else 0.0
    dates, urls = whole_units(sentence)
    quotes = _short_quotes(sentence)
    spans: list[Span] = []
    for _, _, i, j in pairs:
        span = _whole_words(sentence, offsets[i][0], offsets[j][1])
        if span is not None:
            span = _units(_quote_named(sentence, *_whole_quote(*_whole_names(sentence, *span), quotes), quotes), dates, urls)
        # A line break inside a "sentence" is a heading or a block that the splitter ran on into
        # the next line ("22 March 2022\n\nIstituto Affari Internazionali"): no answer spans it.
        if span is not None and "\n" in sentence[span[0] : span[1]]:
            span = None
        if span is None or any(s.start == span[0] and s.end == span[1] for s in spans):
            continue
        spans.append(Span(span[0], span[1], round(p_start[i] * p_end[j], 4), margin))
        if fits is None or fits(sentence[span[0] : span[1]]):
            return spans[-1]
        if len(spans) >= n_best:
            break
    return spans[0] if spans else None


def _units(span: tuple[int, int], dates: list[tuple[int, int]], urls: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span widened to the full dates it touches ("March 2022" -> "20 March 2022"); None when
    it touches a web address."""
    a, b = span
    if any(a < e and b > s for s, e in urls):
        return None
    for s, e in dates:
        if a < e and b > s:
            a, b = min(a, s), max(b, e)
    return a, b


def _whole_words(sentence: str, a: int, b: int) -> tuple[int, int] | None:
    """[a, b) widened to whole words and trimmed of edge punctuation; None when nothing is left."""
    # A number's separators are inside the word: "711,988" and "56.2" are not cut at "," or ".".
    # A span does not start inside a hyphenated word ("three-front", not "front"), but may end at
    # its hyphen: "How many Grammys has Lady Gaga won?" is "Six", from "Six-time Grammy winner".
    while a > 0 and (sentence[a - 1].isalnum() or _digit_separator(sentence, a - 1) or _joining_hyphen(sentence, a - 1)):
        a -= 1
    while b < len(sentence) and (sentence[b].isalnum() or _digit_separator(sentence, b)):
        b += 1
    while a < b and sentence[a] in _EDGE_CHARS:
        a += 1
    while b > a and sentence[b - 1] in _EDGE_CHARS and not (sentence[b - 1] == "." and "." in sentence[a : b - 1]):
        b -= 1
    # Nor starts on an adverb that closes the clause before ("militarily, it will have no need …"
    # of "But if Russia regains the upper hand militarily, it will have no need …").
    opening = _CLOSING_ADVERB.match(sentence, a, b)
    if opening is not None and opening.end() < b:
        a = opening.end()
    # Nor on a preposition before a name: "China", not "on China" (of "… called on China to step in");
    # "from" stays, which may open a range ("from Nova Scotia … to Georgia", XQuAD).
    preposition = _PREPOSITION_BEFORE_NAME.match(sentence, a, b)
    if preposition is not None:
        a = preposition.end()
    # Nor opens inside a contrast set off by commas and runs past it: "economic and military pressure",
    # not "wind back, economic and military pressure" (of "ramp up, rather than wind back, economic …").
    contrast = next((m for m in _CONTRAST_ASIDE.finditer(sentence) if m.start("inside") <= a < m.end("inside") < b), None)
    if contrast is not None:
        a = contrast.end()
    # Nor runs into a relative clause joined to the one before: "France", not "France and whose almost
    # 44-million" (of "a country bigger than France and whose almost 44-million population …").
    joined = _JOINED_RELATIVE.search(sentence, a, b)
    if joined is not None and joined.start() > a:
        b = joined.start()
    # A span never ends on a word that needs another after it ("... programme at the").
    while (last := _DANGLING.search(sentence, a, b)) and last.start() > a:
        b = last.start()
        while b > a and sentence[b - 1] in _EDGE_CHARS:
            b -= 1
    return _balanced(sentence, a, b) if a < b else None


def _joining_hyphen(sentence: str, i: int) -> bool:
    """True when sentence[i] is a hyphen joining two words into one ("three-front"), or an en dash
    joining two names ("US–EU", of "the NATO, US–EU and G7 summits")."""
    if not (0 < i < len(sentence) - 1 and sentence[i - 1].isalnum() and sentence[i + 1].isalnum()):
        return False
    return sentence[i] == "-" or (sentence[i] == "–" and sentence[i + 1].isupper() and not sentence[i - 1].isdigit())


_NEXT_NAME = re.compile(r"[ \t]+[A-Z][\w’'-]*")
# A name's part joined by "for" or "of" ("United Nations High Commissioner for Refugees", "European
# Court of Human Rights"), unless a word in lower case follows, which its capitals qualify ("The T. T.
# Tsui Gallery of Chinese art").
_JOINED_NAME = re.compile(r"[ \t]+(?:for|of)(?:[ \t]+[A-Z][\w’'-]*(?![\w’'-]))+(?P<after>[ \t]+[a-z]+)?")
_NAME_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*[ \t]+$")
_SENTENCE_END_BEFORE = re.compile(r"[.!?:;][\s\"“”’']*$")


def _joined_name(sentence: str, at: int) -> re.Match[str] | None:
    """The part of a name that "for" or "of" joins at `at` (`_JOINED_NAME`), unless a content word in
    lower case follows it; the match ends before any word after it."""
    joined = _JOINED_NAME.match(sentence, at)
    if joined is None:
        return None
    after = joined.group("after")
    if after is not None and after.strip() not in QUERY_STOPWORDS:
        return None
    return _JOINED_NAME.match(sentence, at, joined.start("after")) if after is not None else joined


def _whole_names(sentence: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) widened, when it opens with a capital, to the whole run of capitalised words it
    touches ("Dmitry" -> "Dmitry Peskov"); a sentence's first word is not taken in, since its
    capital says nothing, nor a title before a name ("President Joe Biden" stays "Joe Biden"), nor
    a span inside double quotes. Given the answer's sentence, held out by XQuAD half: token F1 +0.001 /
    +0.006, EM +0.005 / +0.015."""
    article = re.match(r"(?i:the)\s+(?=[A-Z])", sentence[a:b])
    # "the United" of "the United States": the article's name is the one to widen.
    if not (sentence[a].isupper() or article is not None) or _in_quotes(sentence, a):
        return a, b
    while sentence[b - 1].isalnum() and (name := _NEXT_NAME.match(sentence, b) or _joined_name(sentence, b)):
        b = name.end()
    while (
        article is None
        and (name := _NAME_BEFORE.search(sentence, 0, a))
        and name.start() > 0
        and not _SENTENCE_END_BEFORE.search(sentence, 0, name.start())
        and not is_title(name.group(0).strip())
    ):
        a = name.start()
    return a, b


# The most words a quotation may have for a span inside it to become the whole quotation.
QUOTE_WORDS = 6
_QUOTATION = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")


def _short_quotes(sentence: str) -> list[tuple[int, int, int]]:
    """(start, end of the text inside the quotation marks, end without closing punctuation) of each
    short quoted phrase: at most QUOTE_WORDS words, opening in lower case. A headline ("Russia
    Close to Agreement, Says Turkey") or a quoted sentence opens with a capital."""
    quotes = []
    for match in _QUOTATION.finditer(sentence):
        group = 1 if match.group(1) is not None else 2
        s, e = match.span(group)
        quoted = match.group(group)
        if quoted[:1].islower() and len(quoted.split()) <= QUOTE_WORDS:
            trimmed = e
            while trimmed > s and sentence[trimmed - 1] in ",.;:!?":  # "settled for good." ends the sentence
                trimmed -= 1
            quotes.append((s, e, trimmed))
    return quotes


def _whole_quote(a: int, b: int, quotes: Sequence[tuple[int, int, int]]) -> tuple[int, int]:
    """[a, b) widened to the whole short quoted phrase (`_short_quotes`) it lies inside: Lavrov said
    the status was "settled for good", not "good"; else as it is."""
    for s, e, trimmed in quotes:
        if s <= a and b <= e and (a, b) != (s, e):
            return s, trimmed
    return a, b


# A verb that gives something a name, ending a span right before the name in quotation marks.
_NAMING_VERB = re.compile(
    r"\b(?:call(?:s|ed)?|dub(?:s|bed)?|term(?:s|ed)?|label(?:s|l?ed)?|name(?:s|d)?|brand(?:s|ed)?)"
    r"(?:\s+(?:it|them|this|that))?(?:\s+as)?$",
    re.IGNORECASE,
)


def _quote_named(sentence: str, a: int, b: int, quotes: Sequence[tuple[int, int, int]]) -> tuple[int, int]:
    """The short quoted phrase (`_short_quotes`) right after [a, b) when [a, b) ends on a verb that
    names it: 'what the Russian propaganda dubs "de-Nazification"' gives "de-Nazification", not
    "Russian propaganda dubs"; else [a, b) as it is."""
    if not _NAMING_VERB.search(sentence[a:b]):
        return a, b
    for s, _, trimmed in quotes:
        if s > b and sentence[b : s - 1].strip() == "":
            return s, trimmed
    return a, b


def _in_quotes(sentence: str, at: int) -> bool:
    """True when `at` lies inside double quotes: a quoted headline is in title case throughout."""
    straight = sentence.count('"', 0, at) % 2 == 1
    return straight or sentence.rfind("“", 0, at) > sentence.rfind("”", 0, at)


def _digit_separator(sentence: str, k: int) -> bool:
    """True when sentence[k] is a "," or "." between two digits."""
    return (
        sentence[k] in ",." and 0 < k < len(sentence) - 1 and sentence[k - 1].isdigit() and sentence[k + 1].isdigit()
    )


def _balanced(sentence: str, a: int, b: int) -> tuple[int, int] | None:
    """[a, b) with its brackets paired: an unclosed "(" or "[" takes in its closing bracket when
    the sentence has one within BRACKET_REACH characters, else the span stops before it; a span
    reaching past a bracket it did not open stops there ("Football), films" -> "Football")."""
    for left, right in _BRACKETS:
        opened: list[int] = []
        stray = None
        for k in range(a, b):
            if sentence[k] == left:
                opened.append(k)
            elif sentence[k] == right:
                if opened:
                    opened.pop()
                elif stray is None:
                    stray = k
        if stray is not None:
            before = _whole_words(sentence, a, stray) if any(c.isalnum() for c in sentence[a:stray]) else None
            return before or _whole_words(sentence, stray + 1, b)
        if opened:
            close = sentence.find(right, b, b + BRACKET_REACH)
            if close >= 0 and sentence.count(left, b, close) == 0 and len(opened) == 1:
                b = close + 1
            else:
                return _whole_words(sentence, a, opened[0]) if any(c.isalnum() for c in sentence[a : opened[0]]) else None
    closed = _aside_closed(sentence, a, b)
    return _quotes_paired(sentence, *closed) if closed is not None else None


# A dash set off by spaces, which opens or closes an aside: " — the second-largest — ".
_SPACED_DASH = re.compile(r"\s[—–]\s")


def _aside_closed(sentence: str, a: int, b: int) -> tuple[int, int] | None:
    """[a, b) stopped before a dash aside it opens and does not close ("only VTB — the second" ->
    "only VTB", of "only VTB — the second-largest — has been …"); None when nothing is left."""
    dashes = [m.start() for m in _SPACED_DASH.finditer(sentence)]
    for k in range(0, len(dashes) - 1, 2):
        if a < dashes[k] < b <= dashes[k + 1]:
            return _whole_words(sentence, a, dashes[k]) if any(c.isalnum() for c in sentence[a : dashes[k]]) else None
    return a, b


def _quotes_paired(sentence: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) with its double quotation marks paired: a span that starts inside a quotation and
    runs past its end takes in the opening mark ('unrealistic" demands' -> '"unrealistic"
    demands'), one that opens a quotation and stops inside it takes in the closing mark, each
    when it lies within BRACKET_REACH characters; else as it is."""
    inside = sentence[a:b]
    straight = inside.count('"') % 2 == 1
    first_close, first_open = inside.find("”"), inside.find("“")
    curly_close = first_close >= 0 and (first_open < 0 or first_close < first_open)
    curly_open = inside.rfind("“") > inside.rfind("”")
    if (straight and sentence.count('"', 0, a) % 2 == 1) or curly_close:
        mark = sentence.rfind('"' if straight else "“", max(0, a - BRACKET_REACH), a)
        if mark >= 0:
            a = mark
    elif straight or curly_open:
        mark = sentence.find('"' if straight else "”", b, b + BRACKET_REACH)
        if mark >= 0:
            b = mark + 1
    return a, b


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


_loaded: dict[tuple[Path, str], SpanReader | None] = {}
_load_lock = threading.Lock()


def reader_dir() -> Path:
    """The span reader's folder: $QA_READER (a refit one, e.g. fitted on some articles only), else the shipped one."""
    env = os.environ.get("QA_READER")
    return Path(env) if env else READER_DIR


def get_reader(folder: Path | None = None, precision: str = "fp32") -> SpanReader | None:
    """The span reader of `folder` (default `reader_dir()`) at `precision`, loaded once; None (with
    one warning) when it cannot be loaded."""
    key = (folder or reader_dir(), precision)
    with _load_lock:
        if key not in _loaded:
            try:
                _loaded[key] = SpanReader(*key)
            except (ModelError, OSError) as exc:
                log.warning("no short answers: %s", exc)
                _loaded[key] = None
        return _loaded[key]

"""Synthetic (question, sentence, answer) pairs from unlabelled text, to pre-train the span reader.

XQuAD gives the reader only about 1,200 labelled pairs. Before it sees them, the reader learns
the skill most SQuAD questions test, finding the span that stands where the question has its
wh-word, from "noisy cloze" questions (Lewis et al., 2019, "Unsupervised Question Answering by
Cloze Translation"): a sentence loses a candidate answer (a number, a date, a capitalised name, a
short noun phrase), the words around the gap are kept in order with some dropped, and a wh-phrase
that fits the answer's kind goes in front ("How many tanks ... ?", "When ... ?", "Who said ... ?").

Answer candidates come from patterns, not a tagger: noisy labels, which is acceptable for
pre-training that the real pairs correct afterwards.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from qa.ingest.dates import month_pattern  # noqa: E402
from qa.ingest.sentences import split_sentences  # noqa: E402

_MONTHS = month_pattern()
_DATE = re.compile(rf"\b(?:\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?|(?:{_MONTHS}) \d{{1,2}}(?:, \d{{4}})?|(?:{_MONTHS}) \d{{4}})\b")
_YEAR = re.compile(r"\b(?:1[0-9]|20)\d\d\b")
_NUMBER = re.compile(
    r"(?<![\w.,/-])\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|per cent)|\s(?:million|billion|thousand|trillion))?(?![\w%])"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|hundreds|thousands|dozens)\b",
    re.IGNORECASE,
)
_CONNECT = {"of", "the", "and", "for", "de", "on", "&"}
_STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "but", "as", "that",
    "which", "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "these",
    "those", "their", "his", "her", "they", "he", "she", "we", "our", "not", "also", "into", "than", "there",
}
_SAID = {"said", "says", "told", "stated", "announced", "wrote", "argued", "noted", "added", "stressed", "declared"}
_TITLES = {"President", "Minister", "Mr", "Ms", "Mrs", "Dr", "Prime", "Secretary", "Chancellor", "General", "King", "Queen", "Professor"}
_PLACE_BEFORE = {"in", "at", "near", "from"}
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class SyntheticPair:
    question: str
    sentence: str
    start: int
    end: int


def texts_from(press_dir: Path, scifact: Path) -> list[str]:
    """Plain texts: the press releases' bodies (every CSV file of `press_dir`) and SciFact's abstracts."""
    csv.field_size_limit(10**8)
    texts: list[str] = []
    for path in sorted(press_dir.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            texts.extend(row["body"] for row in csv.DictReader(handle) if row.get("body"))
    with scifact.open(encoding="utf-8") as handle:
        texts.extend(json.loads(line)["text"] for line in handle)
    return texts


def candidates(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, wh-phrase) of the answer candidates in a sentence."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(a: int, b: int, wh: str) -> None:
        if any(a < e and b > s for s, e in taken):
            return
        taken.append((a, b))
        found.append((a, b, wh))

    for m in _DATE.finditer(sentence):
        add(m.start(), m.end(), "When")
    for m in _NUMBER.finditer(sentence):
        text = m.group()
        before = sentence[: m.start()].split()[-1:] or [""]
        after = sentence[m.end() :].split()[:1] or [""]
        if _YEAR.fullmatch(text) and before[0].lower() in {"in", "since", "by", "until", "of", "from"}:
            wh = "In what year"
        elif "%" in text or "cent" in text:
            wh = "What percentage"
        elif after[0][:1].islower() and after[0].isalpha():
            wh = f"How many {after[0]}"
        else:
            wh = "How much"
        add(m.start(), m.end(), wh)
    # Capitalised names: runs of capitalised words, joined by "of", "the", "and", ...
    i = 1 if words and not words[0][2].isupper() else 0  # a sentence's first word is capitalised anyway
    while i < len(words):
        a, b, w = words[i]
        core = w.strip(",.;:()\"'“”’")
        if core[:1].isupper() and core[1:2].islower() or core.isupper() and len(core) > 1:
            j = i
            while j + 1 < len(words):
                nxt = words[j + 1][2].strip(",.;:()\"'“”’")
                if words[j][2][-1:] in ",.;:)" :
                    break
                if nxt[:1].isupper():
                    j += 1
                elif nxt in _CONNECT and j + 2 < len(words) and words[j + 2][2][:1].isupper():
                    j += 2
                else:
                    break
            start = words[i][0] + (len(words[i][2]) - len(words[i][2].lstrip("(\"'“")))
            end_word = words[j][2]
            end = words[j][0] + len(end_word.rstrip(",.;:)\"'”’"))
            if end_word.endswith("'s") or end_word.endswith("’s"):
                end -= 2
            if end > start and words[i][2] not in _TITLES:
                prev = words[i - 1][2] if i else ""
                nxt = words[j + 1][2].lower().strip(",.") if j + 1 < len(words) else ""
                if prev.strip(".") in _TITLES or nxt in _SAID:
                    wh = "Who"
                elif prev.lower() in _PLACE_BEFORE:
                    wh = "Where"
                else:
                    wh = "What"
                add(start, end, wh)
            i = j + 1
        else:
            i += 1
    # Short noun phrases after a determiner: "the national anthem".
    for k, (a, b, w) in enumerate(words):
        if w.lower() not in {"the", "a", "an"} or k + 1 >= len(words):
            continue
        j = k + 1
        while j < len(words) and j - k <= 3:
            core = words[j][2]
            if not core.rstrip(",.;:").isalpha() or not core[:1].islower() or core.rstrip(",.;:").lower() in _STOP:
                break
            if core[-1:] in ",.;:":
                j += 1
                break
            j += 1
        if j - k >= 2:
            end_word = words[j - 1]
            add(a, end_word[0] + len(end_word[2].rstrip(",.;:")), "What")
    return found


def cloze(sentence: str, start: int, end: int, wh: str, rng: random.Random, window: int = 8) -> str:
    """A noisy cloze question: the wh-phrase, then the words near the gap in order, some dropped."""
    left = sentence[:start].split()[-window:]
    right = sentence[end:].split()[:window]
    if wh.startswith("How many ") and right:
        right = right[1:]  # the counted noun is in the wh-phrase
    kept = []
    for w in left + right:
        core = w.strip(",.;:()\"'“”’!?")
        if not core:
            continue
        drop = 0.4 if core.lower() in _STOP else 0.15
        if rng.random() >= drop:
            kept.append(core)
    if len(kept) < 3:
        return ""
    return f"{wh} {' '.join(kept)}?"


def synthetic_pairs(texts: Iterable[str], limit: int, seed: int = 13) -> list[SyntheticPair]:
    """Up to `limit` pairs, one answer per sentence, answer kinds mixed."""
    rng = random.Random(seed)
    texts = list(texts)
    rng.shuffle(texts)
    pairs: list[SyntheticPair] = []
    for sentence in _sentences(texts):
        words = len(sentence.split())
        if not 8 <= words <= 60:
            continue
        found = candidates(sentence)
        if not found:
            continue
        # Names are everywhere: favour numbers, dates and noun phrases a little.
        weights = [1.0 if wh in {"What", "Where", "Who"} and sentence[a:b][:1].isupper() else 1.5 for a, b, wh in found]
        a, b, wh = rng.choices(found, weights)[0]
        answer = sentence[a:b]
        if not answer.strip() or sentence.count(answer) != 1 or len(answer.split()) > 8:
            continue
        question = cloze(sentence, a, b, wh, rng)
        if question:
            pairs.append(SyntheticPair(question, sentence, a, b))
            if len(pairs) >= limit:
                break
    return pairs


def _sentences(texts: list[str]) -> Iterator[str]:
    for text in texts:
        for s, e in split_sentences(text):
            yield text[s:e]


if __name__ == "__main__":
    shared = ROOT.parent / "shared" / "data"
    sample = synthetic_pairs(texts_from(shared / "ru_ua_press_2022", shared / "scifact/corpus.jsonl"), 40, seed=int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    for p in sample:
        print(f"Q: {p.question}\n   A: {p.sentence[p.start:p.end]!r}\n   S: {p.sentence[:160]}")

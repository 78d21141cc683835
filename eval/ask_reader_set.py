"""Ask a reader set (`eval/reader_sets/*.txt`) and print each turn's answer, for judging by hand.

    python eval/ask_reader_set.py eval/reader_sets/2026-12-02-afternoon.txt [--index index]

A set is conversations separated by blank lines, one user turn per line; `#` lines are comments.
Each turn is asked with the earlier turns of its conversation as history, kept and read back as
the chat keeps and reads them (`chat_message`, `typed_history`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def conversations(path: Path) -> list[list[str]]:
    """The set's conversations: blocks of non-comment lines separated by blank lines."""
    blocks = [[line.strip() for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]
              for block in path.read_text(encoding="utf-8").split("\n\n")]
    return [block for block in blocks if block]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reader_set", type=Path)
    parser.add_argument("--index", type=Path, default=ROOT / "index")
    args = parser.parse_args(argv)

    from qa.answering.answerer import answer
    from qa.app.chat import answer_key, chat_message, typed_history
    from qa.retrieval.retriever import Retriever

    retriever = Retriever(args.index)
    turn = 0
    for conversation in conversations(args.reader_set):
        history: list[dict[str, str]] = []
        for question in conversation:
            turn += 1
            reply = answer(question, history=typed_history(history), retriever=retriever)
            short = reply.short.text if reply.short else None
            print(f"[{turn}] Q: {question}\n    {'ABSTAIN ' if reply.abstained else ''}short={short!r}\n    A: {reply.text!r}\n")
            # The reply as the chat keeps it: the bold short answer first, linked markers, its sources.
            message = chat_message(reply, answer_key(history))
            history += [{"role": "user", "content": question}, {"role": "assistant", "content": message}]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

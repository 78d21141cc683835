"""The `qa` command: index, search, ask, eval, serve."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import textwrap
from pathlib import Path
from typing import Sequence

from qa.errors import QAError
from qa.settings import PRECISIONS, offline_environment

# Exit codes: 0 ok, 1 error, 2 bad usage (argparse), 3 indexed but some files were skipped,
# 141 the reader of the output went away (`qa search ... | head -1`): 128 + SIGPIPE, what a
# command killed by SIGPIPE reports, so `set -o pipefail` sees `qa` as it sees `cat` or `grep`.
EXIT_ERROR = 1
EXIT_SKIPPED = 3
EXIT_BROKEN_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    offline_environment()
    parser = _parser()
    args = parser.parse_args(argv)
    _configure_logging()
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # here, so that a closed pipe is caught below rather than at exit
        return code
    except BrokenPipeError:
        # The standard way (Python docs, "Note on SIGPIPE"): send what is left to /dev/null,
        # so the flush at exit fails neither, and exit quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except QAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _configure_logging() -> None:
    """Warnings and errors on stderr, one line each, whatever level a library sets on its logger.

    The level is set on the handler, not only on the loggers: bm25s sets its logger to DEBUG
    when it is imported, after this runs, and would print "DEBUG: Building index from tokens".
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="Answer questions about documents, with cited passages.")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("index", help="build or update the index from the corpus folder")
    p.add_argument("--corpus", type=Path, help="documents folder (default: $QA_CORPUS or ./corpus)")
    p.add_argument("--index", type=Path, help="index folder (default: $QA_INDEX or ./index)")
    p.add_argument("--model", help="sentence-transformers model name or path (default: the index's, else all-MiniLM-L6-v2)")
    p.add_argument("--chunk-tokens", type=_at_least(8), default=None, help="word pieces per passage (default 128)")
    p.add_argument("--overlap", type=_at_least(0), default=None, help="sentences repeated between passages (default 1)")
    p.add_argument("--dense", choices=["auto", "flat", "hnsw", "hnsw-sq8"], default="auto",
                   help="FAISS index type (auto: flat, then hnsw from 50,000 passages, hnsw-sq8 from 200,000)")
    p.add_argument("--rebuild", action="store_true", help="re-embed everything")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="where load, clean, chunk and embed run: this process, or Ray (pip install 'qa[ray]')")
    p.add_argument("--address", help="Ray cluster for --engine ray (default: $RAY_ADDRESS, else a local Ray for the run)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=_cmd_index)

    p = sub.add_parser("search", help="print the passages that best match a question")
    p.add_argument("question")
    p.add_argument("-k", type=int, default=5, help="how many passages (default 5)")
    p.add_argument("--index", type=Path)
    p.add_argument("--json", action="store_true", help="print passages as JSON")
    p.set_defaults(func=_cmd_search)

    p = sub.add_parser("ask", help="answer a question with cited sentences")
    p.add_argument("question")
    p.add_argument("--index", type=Path)
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.set_defaults(func=_cmd_ask)

    p = sub.add_parser("serve", help="start the chat UI in the browser")
    p.add_argument("--index", type=Path)
    p.add_argument("--corpus", type=Path)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=7860)
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser("eval", help="score the assistant on a gold set, BEIR folder or SQuAD file")
    p.add_argument("mode", nargs="?", default="gold", choices=["gold", "beir", "squad"])
    p.add_argument("path", nargs="?", type=Path, help="BEIR folder or SQuAD JSON file (beir/squad modes)")
    p.add_argument("--gold", type=Path, help="gold set in the shared JSON Lines format")
    p.add_argument("--index", type=Path)
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--out", type=Path, help="folder for report.json, report.md, failures.csv, report.png")
    p.add_argument("--split", default=None, help="BEIR qrels split (default: test if present, else train)")
    p.add_argument("--limit", type=int, default=None, help="score only the first N questions")
    p.add_argument("--query-precision", choices=PRECISIONS, default=None,
                   help="how retrieval embeds questions (RetrievalSettings.query_precision; default int8)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=_cmd_eval)
    return parser


def _at_least(low: int):
    """An argparse type: an int no smaller than `low`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {value}")
        return value

    return parse


def _cmd_index(args: argparse.Namespace) -> int:
    from qa.settings import ChunkSettings
    from qa.index.build import build_index

    defaults = ChunkSettings()
    chunking = ChunkSettings(
        max_tokens=args.chunk_tokens or defaults.max_tokens,
        overlap_sentences=defaults.overlap_sentences if args.overlap is None else args.overlap,
    )
    report = build_index(
        args.corpus, args.index, model=args.model, chunking=chunking, dense_kind=args.dense,
        rebuild=args.rebuild, progress=not args.json and sys.stderr.isatty(), engine=args.engine, address=args.address,
    )
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(report.summary())
    return EXIT_SKIPPED if report.skipped else 0


def _cmd_search(args: argparse.Namespace) -> int:
    from qa.retrieval.retriever import retrieve

    passages = retrieve(args.question, k=args.k, index=args.index)
    if args.json:
        print(json.dumps([p.to_dict() for p in passages], indent=2, ensure_ascii=False))
        return 0
    for p in passages:
        print(f"[{p.rank}] {p.citation()}  (score {p.score:.4f}; dense #{p.ranks['dense']}, bm25 #{p.ranks['bm25']})")
        print(_indented(p.text))
        print()
    if not passages:
        print("the index holds no passages")
    return 0


def _cmd_ask(args: argparse.Namespace) -> int:
    from qa.answering.answerer import answer

    result = answer(args.question, index=args.index)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return 0
    if result.short is not None:
        print(f"Answer: {result.short.text} [{result.short.citation}]")
        print()
    print(result.text)
    print()
    # As in the chat: sources are numbered [n] like the answer's markers; closest passages 1., 2., ...
    if result.abstained:
        print("Closest passages:" if result.closest else "No passage came close.")
        numbered = [(f"{n}.", p) for n, p in enumerate(result.closest, start=1)]
    else:
        print("Sources:")
        numbered = [(f"[{n}]", p) for n, p in enumerate(result.citations, start=1)]
    for label, p in numbered:
        print(f"{label} {p.citation()}")
        print(_indented(p.text))
    return 0


def _indented(text: str) -> str:
    """A passage under its citation: every line indented, so a passage's own lines stay apart from the labels."""
    return textwrap.indent(text, "    ", lambda line: True)


def _cmd_serve(args: argparse.Namespace) -> int:
    from qa.app.chat import serve

    return serve(index=args.index, corpus=args.corpus, host=args.host, port=args.port)


def _cmd_eval(args: argparse.Namespace) -> int:
    from qa.evaluation.cli import run_cli

    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())

"""`qa eval [gold|beir|squad]`: check the arguments every mode shares and run the mode."""

from __future__ import annotations

import argparse
import logging

from qa.errors import InputError
from qa.evaluation.beir import run_beir_cli
from qa.evaluation.runner import run_gold_cli
from qa.evaluation.squad import run_squad_cli
from qa.inputs import check_k

log = logging.getLogger(__name__)


def run_cli(args: argparse.Namespace) -> int:
    """Run `qa eval` with parsed arguments; returns the exit code (errors raise QAError)."""
    check_k(args.k, name="--k")
    if args.limit is not None and args.limit < 1:
        raise InputError(f"--limit must be a positive number of questions, not {args.limit}")
    mode = getattr(args, "mode", None) or "gold"
    if mode == "gold":
        return run_gold_cli(args)
    if mode not in ("beir", "squad"):
        raise InputError(f"unknown eval mode {mode!r}: use gold, beir or squad")
    if args.path is None:
        what = "a BEIR folder (corpus.jsonl, queries.jsonl, qrels/)" if mode == "beir" else "a SQuAD JSON file"
        raise InputError(f"`qa eval {mode}` needs {what}: qa eval {mode} PATH")
    if args.gold is not None:
        log.warning("--gold is ignored in %s mode", mode)
    return run_beir_cli(args) if mode == "beir" else run_squad_cli(args)

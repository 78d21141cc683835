"""Benchmark corpora: a dataset written as a corpus folder, and that folder's index.

`qa eval beir` and `qa eval squad` turn their dataset into plain text files (one per document
or paragraph) with a metadata.json, in a folder of their own (`dataset_dirs`), and index it
with the normal indexer; an unchanged dataset reuses the index (`sync_and_build_index`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from qa.errors import InputError

if TYPE_CHECKING:
    from qa.index.build import BuildReport

log = logging.getLogger(__name__)

# Marker left in a derived corpus folder so it is never confused with (or overwrites) a user's corpus.
CORPUS_MARKER = ".qa-eval-corpus"


def dataset_dirs(kind: str, source: Path, index: Path | str | None, variant: str | None = None) -> tuple[Path, Path]:
    """Folders for a corpus derived from a benchmark file or folder, and for its index.

    By default both live in the cache, `<cache>/eval/<kind>/<name>-<hash of the source path>/`
    ($QA_CACHE_DIR or ~/.cache/qa), as `corpus/` and `index/` (under `<variant>/` when the
    corpus comes in variants). With an explicit index folder the corpus goes next to it, in
    `<index>.corpus/`.
    """
    from qa.settings import cache_dir

    if index is not None:
        index = Path(index)
        return index.with_name(index.name + ".corpus"), index
    resolved = str(Path(source).resolve())
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:8]
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(source).stem).strip("._") or kind
    root = cache_dir() / "eval" / kind / f"{name}-{digest}"
    if variant:
        root = root / variant
    return root / "corpus", root / "index"


def sync_corpus(corpus_dir: Path, files: Mapping[str, str], metadata: Mapping[str, dict]) -> dict[str, int]:
    """Make corpus_dir hold exactly `files` (relative path -> text) and their metadata.json.

    Files whose text is unchanged are not rewritten, and files no longer wanted are removed,
    so an unchanged benchmark leaves the index up to date. The folder must be new, empty, or
    one this function wrote before (it carries a marker file); anything else is refused rather
    than overwritten.

    Returns:
        Counts: {"written": ..., "unchanged": ..., "removed": ...}.
    """
    from qa.ingest.discover import METADATA_FILE

    corpus_dir = Path(corpus_dir)
    marker = corpus_dir / CORPUS_MARKER
    if corpus_dir.exists():
        if not corpus_dir.is_dir():
            raise InputError(f"{corpus_dir} exists and is not a folder; pass another --index")
        if not marker.exists() and any(corpus_dir.iterdir()):
            raise InputError(
                f"{corpus_dir} already holds files that qa eval did not write; it will not overwrite them. "
                "Pass another --index (the benchmark corpus is written next to it)"
            )
    try:
        corpus_dir.mkdir(parents=True, exist_ok=True)
        marker.write_text("Written by `qa eval` from a benchmark; regenerated on every run.\n", encoding="utf-8")
        counts = {"written": 0, "unchanged": 0, "removed": 0}
        for rel, text in files.items():
            path = corpus_dir / rel
            data = text.encode("utf-8")
            if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
                counts["unchanged"] += 1
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            counts["written"] += 1
        wanted = {Path(rel).as_posix() for rel in files}
        for path in sorted(corpus_dir.rglob("*"), reverse=True):
            rel = path.relative_to(corpus_dir).as_posix()
            if path.is_file() and rel not in wanted and rel not in (METADATA_FILE, CORPUS_MARKER):
                path.unlink()
                counts["removed"] += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        meta_blob = json.dumps(dict(metadata), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        meta_path = corpus_dir / METADATA_FILE
        if not meta_path.is_file() or meta_path.read_text(encoding="utf-8") != meta_blob:
            meta_path.write_text(meta_blob, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the benchmark corpus in {corpus_dir}: {exc}") from exc
    return counts


def check_index_target(corpus_dir: Path, index_dir: Path) -> None:
    """Refuse an index folder that is not this benchmark's: building there would replace it.

    Allowed: a missing or empty folder, an index built from `corpus_dir`, or a folder left by
    an interrupted build of this benchmark (its corpus folder carries the marker). Refused: an
    index of another corpus (e.g. the project's ./index) and a folder of other files (an
    index build deletes files its manifest does not name).
    """
    from qa.index import store

    index_dir = Path(index_dir)
    if not index_dir.exists():
        return
    if not index_dir.is_dir():
        raise InputError(f"--index {index_dir} is a file, not a folder")
    if store.manifest_path(index_dir).is_file():
        built_from = store.recorded_corpus(index_dir)
        if built_from is not None and Path(built_from).resolve() == Path(corpus_dir).resolve():
            return
        raise InputError(
            f"the index in {index_dir} was built from {built_from or 'an unknown corpus'}, not from the "
            f"benchmark corpus {corpus_dir}; pass an empty folder (or none) as --index so it is not overwritten"
        )
    others = sorted(p.name for p in index_dir.iterdir() if p.name != store.LOCK)
    if others and not (Path(corpus_dir) / CORPUS_MARKER).is_file():
        raise InputError(
            f"{index_dir} holds files but no qa index ({', '.join(others[:3])}{', ...' if len(others) > 3 else ''}); "
            "pass an empty or new folder as --index, so nothing in it is deleted"
        )


def sync_and_build_index(
    corpus_dir: Path,
    index_dir: Path,
    files: Mapping[str, str],
    metadata: Mapping[str, dict],
    *,
    progress: bool = False,
) -> tuple[dict[str, int], BuildReport]:
    """Write a derived corpus and build its index, or reuse the index when it is up to date.

    The index folder is checked first (`check_index_target`), so nothing is written for a
    folder that is refused.

    Returns:
        The corpus file counts (`sync_corpus`) and the indexer's BuildReport.
    """
    from qa.index.build import build_index

    check_index_target(corpus_dir, index_dir)
    synced = sync_corpus(corpus_dir, files, metadata)
    # bm25s sets its own logger to DEBUG; under the CLI's root handler it would print
    # "Building index from tokens" in the middle of the eval output.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    report = build_index(corpus_dir, index_dir, progress=progress)
    if report.skipped:
        log.warning(
            "%d benchmark documents were not indexed (e.g. %s: %s)",
            len(report.skipped), report.skipped[0].path, report.skipped[0].reason,
        )
    return synced, report


def build_meta(report: BuildReport) -> dict:
    """What an index build did, for a report's meta."""
    return {
        "index_reused": report.up_to_date,
        "index_build_seconds": round(report.seconds, 3),
        "embedded": report.embedded,
        "skipped_documents": len(report.skipped),
    }

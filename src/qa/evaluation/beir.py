"""`qa eval beir DIR`: retrieval quality on a BEIR-format dataset (nDCG@10, Recall@100).

A BEIR folder holds `corpus.jsonl` ({_id, title, text}), `queries.jsonl` ({_id, text}) and
`qrels/<split>.tsv` (query-id, corpus-id, score; a header row; CRLF tolerated; score > 0 is
relevant, graded scores are read as binary).

Each BEIR document becomes one .txt file of a derived corpus folder (by default the title as
its first paragraph, then the text; see TITLE_LAYOUTS for the alternatives and how they
measured), and that folder is indexed once by the normal indexer and reused while its manifest
is up to date. Documents are cut into passages, so each
ranking is mapped back to BEIR documents by the best passage of each document.

Three rankings are scored with ranx against the qrels:
  - dense: the best passage cosine of each document (`Retriever.stage_scores`);
  - bm25: the best passage BM25 score of each document (`Retriever.stage_scores`);
  - hybrid: the retriever's own ranking (`Retriever.rank`, i.e. its fusion, priors and
    settings), documents in the order of their first passage; passages with a fused score of
    exactly 0 (RRF: no stage returned them) are not counted as retrieved.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa.errors import InputError
from qa.evaluation.common import REPORTS_DIR, index_meta, progress_bar, retrieval_settings, run_facts, show_progress
from qa.evaluation.corpus import build_meta, dataset_dirs, sync_and_build_index
from qa.evaluation.report import meta_lines, settings_lines

if TYPE_CHECKING:
    import numpy as np

    from qa.retrieval.retriever import Retriever
    from qa.settings import RetrievalSettings

log = logging.getLogger(__name__)

SYSTEMS = ("dense", "bm25", "hybrid")
METRICS = ("ndcg@10", "recall@100", "recall@10", "mrr@10")
HEADLINE = ("ndcg@10", "recall@100")
RUN_DEPTH = 100  # documents kept per query and system
# How a BEIR document's title is written into the derived corpus:
#   metadata  - the text only, the title in metadata.json (embedded with every passage and matched
#               by the retriever's metadata prior; not in BM25);
#   paragraph - the title as the document's first paragraph (in the first passage, for both retrievers);
#   both      - the title as first paragraph and in metadata.json.
# SciFact train, nDCG@10 (809 queries; dense / bm25 / hybrid): metadata 0.694 / 0.658 / 0.713,
# paragraph 0.691 / 0.667 / 0.735, both 0.694 / 0.667 / 0.712. Paragraph's hybrid gain is
# significant (paired randomisation test, p < 0.01 against either), so it is the default.
TITLE_LAYOUTS = ("metadata", "paragraph", "both")
DEFAULT_TITLE_LAYOUT = "paragraph"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_ENDS_SENTENCE = re.compile(r"[.!?…]['\"”’)\]]*$")


# --- reading a BEIR folder ---------------------------------------------------------------------


@dataclass(frozen=True)
class BeirDataset:
    """A BEIR dataset: documents by id as (title, text), queries by id, binary qrels of one split."""

    name: str
    folder: Path
    split: str
    corpus: dict[str, tuple[str, str]]
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]


def available_splits(folder: Path) -> list[str]:
    qrels_dir = Path(folder) / "qrels"
    return sorted(p.stem for p in qrels_dir.glob("*.tsv")) if qrels_dir.is_dir() else []


def default_split(folder: Path) -> str:
    """test when the folder has test qrels, else train, else the only split there is."""
    splits = available_splits(folder)
    for split in ("test", "train"):
        if split in splits:
            return split
    if len(splits) == 1:
        return splits[0]
    raise InputError(f"{Path(folder) / 'qrels'} holds no <split>.tsv qrels file; choose one with --split")


def load_beir(folder: Path | str, split: str | None = None) -> BeirDataset:
    """Read a BEIR folder: corpus, queries and the qrels of one split.

    Raises:
        InputError: A file is missing, or a line is malformed (the message names file and line).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"BEIR folder {folder} does not exist")
    for name in ("corpus.jsonl", "queries.jsonl"):
        if not (folder / name).is_file():
            raise InputError(f"{folder} is not a BEIR folder: {name} is missing")
    split = split or default_split(folder)
    qrels_path = folder / "qrels" / f"{split}.tsv"
    if not qrels_path.is_file():
        have = ", ".join(available_splits(folder)) or "none"
        raise InputError(f"no qrels for split {split!r}: {qrels_path} is missing (splits here: {have})")

    corpus: dict[str, tuple[str, str]] = {}
    for lineno, record in _jsonl(folder / "corpus.jsonl"):
        doc_id = _record_id(record, folder / "corpus.jsonl", lineno)
        if doc_id in corpus:
            raise InputError(f"{folder / 'corpus.jsonl'}:{lineno}: duplicate document id {doc_id!r}")
        title = record.get("title") or ""
        text = record.get("text") or ""
        if not isinstance(title, str) or not isinstance(text, str):
            raise InputError(f"{folder / 'corpus.jsonl'}:{lineno}: 'title' and 'text' must be strings")
        corpus[doc_id] = (title.strip(), text.strip())
    queries: dict[str, str] = {}
    for lineno, record in _jsonl(folder / "queries.jsonl"):
        qid = _record_id(record, folder / "queries.jsonl", lineno)
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{folder / 'queries.jsonl'}:{lineno}: query {qid!r} needs a non-empty 'text'")
        queries[qid] = text.strip()
    qrels = read_qrels(qrels_path)
    missing = [q for q in qrels if q not in queries]
    if missing:
        raise InputError(
            f"{qrels_path}: {len(missing)} query ids have no query in queries.jsonl (e.g. {missing[0]!r})"
        )
    return BeirDataset(folder.resolve().name, folder, split, corpus, queries, qrels)


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """Relevant documents per query from a BEIR qrels TSV (query-id, corpus-id, score).

    A header row is skipped, CRLF line ends and a UTF-8 BOM are tolerated, TREC's four
    columns (query-id, 0, corpus-id, score) are accepted too. Rows with score <= 0 are not
    relevant; positive scores count as relevant (binary). Queries with no relevant document
    are left out.
    """
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read qrels {path}: {exc}") from exc
    qrels: dict[str, dict[str, int]] = {}
    seen_row = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split("\t") if "\t" in line else line.split()
        fields = [f.strip() for f in fields]
        if len(fields) == 4:
            fields = [fields[0], fields[2], fields[3]]
        if len(fields) != 3:
            raise InputError(f"{path}:{lineno}: expected query-id, corpus-id and score separated by tabs, got {line[:80]!r}")
        qid, doc_id, score_text = fields
        try:
            score = float(score_text)
        except ValueError:
            if not seen_row:
                seen_row = True
                continue  # the header row
            raise InputError(f"{path}:{lineno}: the score {score_text!r} is not a number") from None
        seen_row = True
        if score > 0:
            qrels.setdefault(qid, {})[doc_id] = 1
    if not qrels:
        raise InputError(f"{path} lists no relevant document (no row with a score above 0)")
    return qrels


def _jsonl(path: Path):
    try:
        handle = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    with handle:
        try:
            for lineno, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{lineno}: invalid JSON ({exc.msg} at column {exc.colno})") from exc
                if not isinstance(record, dict):
                    raise InputError(f"{path}:{lineno}: expected a JSON object")
                yield lineno, record
        except UnicodeDecodeError as exc:
            raise InputError(f"{path} is not valid UTF-8: {exc}") from exc


def _record_id(record: dict, path: Path, lineno: int) -> str:
    value = record.get("_id")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{path}:{lineno}: missing '_id'")
    return value.strip()


# --- the derived corpus ------------------------------------------------------------------------


def doc_file_name(doc_id: str) -> str:
    """A safe, unique .txt file name for a BEIR document id (the id itself when it is safe)."""
    safe = _SAFE_NAME.sub("_", doc_id).strip("._-")
    if safe != doc_id or not safe or len(safe) > 100:
        digest = hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:10]
        safe = f"{safe[:80]}-{digest}" if safe else digest
    return f"{safe}.txt"


def corpus_files(dataset: BeirDataset, layout: str = DEFAULT_TITLE_LAYOUT) -> tuple[dict[str, str], dict[str, dict], dict[str, str]]:
    """The derived corpus: {file name: text}, {file name: metadata}, {file name: BEIR doc id}."""
    if layout not in TITLE_LAYOUTS:
        raise InputError(f"title layout must be one of {', '.join(TITLE_LAYOUTS)}, not {layout!r}")
    files: dict[str, str] = {}
    metadata: dict[str, dict] = {}
    ids: dict[str, str] = {}
    for doc_id, (title, text) in dataset.corpus.items():
        name = doc_file_name(doc_id)
        if name in ids:
            raise InputError(f"BEIR ids {ids[name]!r} and {doc_id!r} map to the same file name {name}")
        ids[name] = doc_id
        body = text or title  # a document with no text is indexed by its title
        if layout in ("paragraph", "both") and title and text:
            # A final full stop keeps the title a body paragraph: the cleaner would take a short
            # unpunctuated first line for a heading and leave it out of the passages.
            head = title if _ENDS_SENTENCE.search(title) else f"{title}."
            body = f"{head}\n\n{text}"
        files[name] = body + "\n"
        meta: dict[str, Any] = {"source": f"BEIR {dataset.name} document {doc_id}", "beir_id": doc_id}
        if layout in ("metadata", "both") and title:
            meta["title"] = title
        metadata[name] = meta
    return files, metadata, ids


# --- scoring -----------------------------------------------------------------------------------


class PassageDocs:
    """Which BEIR document each passage of the index belongs to (positions as in the index)."""

    def __init__(self, retriever: Retriever, file_to_id: dict[str, str]) -> None:
        import numpy as np

        passages = retriever.passages
        names = sorted({p.doc_id for p in passages})
        index_of = {name: i for i, name in enumerate(names)}
        self.doc_ids = [file_to_id.get(name, name) for name in names]
        self.passage_doc = np.array([index_of[p.doc_id] for p in passages], dtype=np.int64)
        self.doc_of_passage_id = {p.id: index_of[p.doc_id] for p in passages}

    def __len__(self) -> int:
        return len(self.doc_ids)


def _best_per_doc(scores: np.ndarray, passage_doc: np.ndarray, n_docs: int, depth: int, positive: bool) -> list[tuple[int, float]]:
    """The `depth` best documents by their best passage score, best first."""
    import numpy as np

    best = np.full(n_docs, -np.inf, dtype=np.float64)
    np.maximum.at(best, passage_doc, scores.astype(np.float64))
    if positive:
        best[best <= 0] = -np.inf
    depth = min(depth, n_docs)
    top = np.argpartition(-best, depth - 1)[:depth] if depth < n_docs else np.arange(n_docs)
    top = top[np.argsort(-best[top], kind="stable")]
    return [(int(i), float(best[i])) for i in top if np.isfinite(best[i])]


def rank_documents(
    retriever: Retriever, question: str, docs: PassageDocs, depth: int = RUN_DEPTH
) -> dict[str, list[tuple[int, float]]]:
    """Document rankings of one query for each system: [(document index, score)], best first."""
    query = retriever.analyse(question)
    stages = retriever.stage_scores(question)
    runs = {
        "dense": _best_per_doc(stages["dense"], docs.passage_doc, len(docs), depth, positive=False),
        "bm25": _best_per_doc(stages["bm25"], docs.passage_doc, len(docs), depth, positive=True),
    }
    # The retriever's own fusion: walk its passage ranking until `depth` documents are found.
    n_passages = len(retriever)
    k = min(n_passages, 10 * depth)
    while True:
        order: list[tuple[int, float]] = []
        seen: set[int] = set()
        exhausted = False
        for p in retriever.rank(query, k):
            if p.score == 0:
                # Reciprocal rank fusion gives exactly 0 to passages no stage returned: the rest
                # of the ranking is file order, not retrieval. (Linear fusion scores may be
                # negative and still rank.)
                exhausted = True
                break
            doc = docs.doc_of_passage_id[p.id]
            if doc not in seen:
                seen.add(doc)
                order.append((doc, p.score))
                if len(order) >= depth:
                    break
        if len(order) >= depth or exhausted or k >= n_passages:
            break
        k = min(n_passages, k * 4)
    runs["hybrid"] = order
    return runs


def evaluate_runs(
    qrels: dict[str, dict[str, int]], runs: dict[str, dict[str, dict[str, float]]], metrics=METRICS
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, dict[str, float]]]]:
    """Mean and per-query ranx scores of each system's run against binary qrels."""
    from ranx import Qrels, Run, evaluate

    mean: dict[str, dict[str, float]] = {}
    per_query: dict[str, dict[str, dict[str, float]]] = {}
    ranx_qrels = Qrels.from_dict(qrels)
    for system, run in runs.items():
        # A query with nothing retrieved still counts, with 0: one irrelevant entry keeps ranx happy.
        run = {q: (docs or {"\x00nothing": 0.0}) for q, docs in run.items()}
        ranx_run = Run.from_dict(run)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=re.escape("unsafe cast from uint64 to int64"))
            scores = evaluate(ranx_qrels, ranx_run, list(metrics), return_mean=False, save_results_in_run=True)
        mean[system] = {m: float(sum(scores[m]) / len(scores[m])) if len(scores[m]) else 0.0 for m in metrics}
        per_query[system] = {q: {m: float(ranx_run.scores[m][q]) for m in metrics} for q in run}
    return mean, per_query


# --- the run -----------------------------------------------------------------------------------


def run_beir(
    folder: Path | str,
    *,
    split: str | None = None,
    index: Path | str | None = None,
    limit: int | None = None,
    layout: str = DEFAULT_TITLE_LAYOUT,
    progress: bool = False,
    retrieval: RetrievalSettings | None = None,
) -> dict:
    """Index a BEIR corpus (or reuse its index) and score dense, BM25 and hybrid retrieval.

    Args:
        folder: The BEIR folder.
        split: qrels split; defaults to test when present, else train.
        index: Index folder for the derived corpus (written next to it, in `<index>.corpus`);
            defaults to a folder in the cache (see `corpus.dataset_dirs`).
        limit: Score only the first `limit` queries of the split (in qrels order).
        layout: Where the document title goes (TITLE_LAYOUTS).
        progress: Progress bars on stderr.
        retrieval: How passages are retrieved; defaults to RetrievalSettings(). Recorded in the meta.

    Returns:
        The report document: {"version", "title", "meta", "metrics", "per_query"}.
    """
    from qa.retrieval.retriever import Retriever

    started = time.perf_counter()
    dataset = load_beir(folder, split)
    files, metadata, file_to_id = corpus_files(dataset, layout)
    corpus_dir, index_dir = dataset_dirs("beir", Path(folder), index, variant=layout)
    synced, build = sync_and_build_index(corpus_dir, index_dir, files, metadata, progress=progress)
    index_seconds = time.perf_counter() - started

    t0 = time.perf_counter()
    retriever = Retriever(index_dir, check_stale=False, settings=retrieval)
    retriever.embed_query("warm-up")
    docs = PassageDocs(retriever, file_to_id)
    load_seconds = time.perf_counter() - t0

    query_ids = list(dataset.qrels)
    if limit is not None:
        query_ids = query_ids[:limit]
    runs: dict[str, dict[str, dict[str, float]]] = {s: {} for s in SYSTEMS}
    t0 = time.perf_counter()
    for qid in progress_bar(query_ids, progress, "queries"):
        ranked = rank_documents(retriever, dataset.queries[qid], docs)
        for system, order in ranked.items():
            # Scores by rank keep each system's order exactly, with no ties for ranx to break.
            runs[system][qid] = {docs.doc_ids[d]: float(len(order) - r) for r, (d, _) in enumerate(order)}
    query_seconds = time.perf_counter() - t0

    qrels = {q: dataset.qrels[q] for q in query_ids}
    mean, per_query = evaluate_runs(qrels, runs)
    unjudged = sum(1 for q in qrels for d in qrels[q] if d not in dataset.corpus)
    meta = {
        "mode": "beir",
        "dataset": dataset.name,
        "folder": str(Path(folder).resolve()),
        "split": dataset.split,
        "queries": len(query_ids),
        "queries_in_split": len(dataset.qrels),
        "documents": len(dataset.corpus),
        "relevant_pairs": sum(len(v) for v in qrels.values()),
        "relevant_docs_not_in_corpus": unjudged,
        "title_layout": layout,
        "corpus_dir": str(corpus_dir.resolve()),
        "corpus_files": synced,
        **build_meta(build),
        **index_meta(retriever, None),  # None: BEIR mode does not answer
        "relevance": "binary: qrels score > 0",
        "document_score": "best passage of each document; hybrid = the retriever's fused passage ranking",
        "timings": {
            "index_seconds": round(index_seconds, 3),
            "load_seconds": round(load_seconds, 3),
            "query_seconds": round(query_seconds, 3),
            "queries_per_second": round(len(query_ids) / query_seconds, 2) if query_seconds > 0 else None,
            "total_seconds": round(time.perf_counter() - started, 3),
        },
        **run_facts(),
    }
    return {
        "version": 1,
        "title": f"qa eval beir: {dataset.name} ({dataset.split})",
        "meta": meta,
        "metrics": mean,
        "per_query": per_query,
    }


def write_beir_report(document: dict, out_dir: Path) -> dict[str, Path]:
    """Write report.json (everything) and report.md (the table and the run facts)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"json": out_dir / "report.json", "markdown": out_dir / "report.md"}
    paths["json"].write_text(json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n", encoding="utf-8")
    meta = document["meta"]
    lines = [f"# {document['title']}", "", *meta_lines(meta)]
    lines += [f"{meta['queries']} queries, {meta['documents']} documents; binary relevance.", ""]
    lines += ["| system | " + " | ".join(METRICS) + " |", "|---|" + "---:|" * len(METRICS)]
    for system, values in document["metrics"].items():
        lines.append(f"| {system} | " + " | ".join(f"{values[m]:.4f}" for m in METRICS) + " |")
    lines.append("")
    lines += settings_lines(meta.get("settings"))
    paths["markdown"].write_text("\n".join(lines), encoding="utf-8")
    return paths


def format_table(document: dict) -> str:
    """The metrics as a plain-text table, one row per system."""
    header = ["system", *METRICS]
    rows = [[s, *(f"{v[m]:.4f}" for m in METRICS)] for s, v in document["metrics"].items()]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = lambda r: "  ".join([r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:])])  # noqa: E731
    return "\n".join([fmt(header), "  ".join("-" * w for w in widths), *(fmt(r) for r in rows)])


def run_beir_cli(args: argparse.Namespace) -> int:
    """`qa eval beir DIR`: run, write the report, print the table; returns the exit code."""
    document = run_beir(
        args.path, split=args.split, index=args.index, limit=args.limit, progress=show_progress(args),
        retrieval=retrieval_settings(args),
    )
    meta = document["meta"]
    out_dir = Path(args.out) if args.out is not None else REPORTS_DIR / f"beir-{meta['dataset']}-{meta['split']}"
    paths = write_beir_report(document, out_dir)
    if args.json:
        summary = {k: v for k, v in document.items() if k != "per_query"}
        print(json.dumps({**summary, "files": {k: str(p) for k, p in paths.items()}}, indent=2, ensure_ascii=False))
        return 0
    t = meta["timings"]
    print(document["title"])
    print(format_table(document))
    print(
        f"\n{meta['queries']} queries at {t['queries_per_second']} queries/s; index "
        f"{'reused' if meta['index_reused'] else 'built'} in {t['index_seconds']:.1f} s "
        f"({meta['counts']['documents']} documents, {meta['counts']['passages']} passages, {meta['index']})"
    )
    print("report: " + "  ".join(str(p) for p in paths.values()))
    return 0

"""Fit the sentence model (src/qa/answering/sentence_model.json) and choose the abstention threshold,
reporting held-out figures only.

Training data: every candidate sentence the answerer weighs for a question, described by
`qa.answering.features.sentence_features` (through `qa.answering.answerer.considered`, the
answering path itself), labelled
  - XQuAD (SQuAD v1.1 format, open retrieval over all its paragraphs, indexed as `qa eval squad`
    indexes it): a sentence is positive when it contains a gold answer on word boundaries;
  - the gold set: positive when it contains a gold answer on word boundaries or overlaps an
    evidence quote of the same document; unanswerable questions give negatives only;
  - "foreign" questions: every XQuAD question asked of the gold set's index and every answerable
    gold question asked of XQuAD's. Nothing there answers them (the corpora share no topic), so
    they are unanswerable questions that share words with the corpus by chance ("What is the
    capital of France?"): negatives only.

The ranker is a softmax over each question's candidates (the target spread evenly over its
positive sentences; questions without one, so every foreign one, are left out), L2-penalised,
the sources weighing the same in total. The calibration is a logistic regression of "the
best-ranked sentence holds the answer" on its ranker score, the question's best dense and
lexical match, and its unknown names, fitted on the same questions (unanswerable and foreign
ones included), each source weighing the same.

Held out: XQuAD articles in K folds (article number mod K), the gold questions in two folds by
document (the document of their first evidence quote; unanswerable ones alternate between the
two). Each fold is answered end to end by a model fitted without it, with abstention switched
off, and the threshold is chosen on those held-out answers: among thresholds whose false
abstention (the worse of gold and XQuAD) stays within the budget, the one maximising abstention
on unanswerable questions (the mean of the gold set's and the foreign ones') minus twice the
false abstention. A foreign question falls in the fold of the question it was made from. The
shipped model is then fitted on everything, and the threshold is recorded in the file:
AnswerSettings.abstain_below must equal it (a test checks).

The held-out answers carry short answers, so their EM and F1 are reported too, and the span
reader (which cuts the short answer and may replace the lead) must not have seen the question
either: an XQuAD question is read by a reader fitted without its article's half
(`--reader-without-odd/-even`, from `eval/fit_reader.py --holdout`), a gold question by the
shipped reader, which is fitted on XQuAD only. Without those options the shipped reader reads
every question, and the XQuAD figures of the short answer are not held out (the script says so).

    python eval/fit_answerer.py [--reader-without-odd R_ODD --reader-without-even R_EVEN]
        [--xquad ../shared/data/xquad_en/xquad.en.json] [--gold eval/gold.jsonl] [--index index]
        [--folds 4] [--l2 100] [--budget 0.05] [--out src/qa/answering/sentence_model.json]

where R_ODD and R_EVEN come from `python eval/fit_reader.py --xquad ... --init <pre-trained>
--negatives 1 --holdout odd|even --out R_ODD|R_EVEN` (the shipped reader's own recipe, one half
left out).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Item:
    """One question: its source and fold, how to ask it again, and its candidates' features and labels."""

    source: str  # "xquad", "gold", or "foreign" (a question of one set asked of the other set's index)
    index: str  # the index it is asked of: "xquad" or "gold"
    fold: str
    question: str
    history: list
    answers: tuple[str, ...]
    quotes: tuple[str, ...]
    paragraph: str | None  # XQuAD: the document of the question's paragraph
    x: np.ndarray
    y: np.ndarray
    reader: str | None = None  # the span reader that reads it in held-out answers (None: the shipped one)


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def _gold_label(candidate, answers: tuple[str, ...], evidence) -> bool:
    from qa.evaluation.metrics import answer_contains

    if answers and answer_contains(candidate.text, answers):
        return True
    sentence = _squash(candidate.text)
    for e in evidence:
        quote = _squash(e.quote)
        if (e.doc is None or e.doc == candidate.passage.doc_id) and quote and (quote in sentence or sentence in quote):
            return True
    return False


def collect(args: argparse.Namespace, settings) -> tuple[list[Item], dict]:
    """Every question of both sets with its candidates' features and labels, and the retrievers."""
    from qa.answering.answerer import considered
    from qa.evaluation.corpus import dataset_dirs, sync_and_build_index
    from qa.evaluation.gold import load_gold
    from qa.evaluation.metrics import answer_contains
    from qa.evaluation.squad import load_squad
    from qa.retrieval.retriever import Retriever, get_retriever

    items: list[Item] = []
    readers = {0: str(args.reader_without_even) if args.reader_without_even else None,
               1: str(args.reader_without_odd) if args.reader_without_odd else None}
    squad = load_squad(args.xquad)
    corpus_dir, index_dir = dataset_dirs("squad", args.xquad, args.xquad_index)
    sync_and_build_index(corpus_dir, index_dir, squad.files, squad.metadata, progress=False)
    retrievers = {"xquad": Retriever(index_dir, check_stale=False), "gold": get_retriever(args.index)}
    for q in squad.questions:
        seen = considered(q.question, [], retrievers["xquad"], settings)
        y = np.array([answer_contains(c.text, q.answers) for c in seen.candidates], dtype=float)
        article = int(q.doc.split("-")[0])
        # An XQuAD question is read by the reader fitted without its article's half.
        reader = readers[article % 2]
        items.append(Item("xquad", "xquad", f"xquad:{article % args.folds}", q.question, [], q.answers, (), q.doc, seen.features, y,
                          reader))
        # The same question asked of the other corpus cannot be answered there: a negative for the calibration.
        other = considered(q.question, [], retrievers["gold"], settings)
        items.append(Item("foreign", "gold", f"xquad:{article % args.folds}", q.question, [], (), (), None, other.features,
                          np.zeros(len(other.candidates)), reader))

    unanswerable = 0
    for g in load_gold(args.gold):
        if g.evidence:
            fold = g.evidence[0].doc or "unknown"
        else:
            fold, unanswerable = f"#{unanswerable % 2}", unanswerable + 1
        history = [dict(t) for t in g.history]
        seen = considered(g.question, history, retrievers["gold"], settings)
        y = np.array([_gold_label(c, g.answers, g.evidence) for c in seen.candidates], dtype=float)
        items.append(Item("gold", "gold", fold, g.question, history, g.answers, tuple(e.quote for e in g.evidence), None,
                          seen.features, y))
        if g.answers:
            other = considered(g.question, history, retrievers["xquad"], settings)
            items.append(Item("foreign", "xquad", fold, g.question, history, (), (), None, other.features,
                              np.zeros(len(other.candidates))))
    docs = sorted({i.fold for i in items if i.index == "gold" and i.source == "gold" and not i.fold.startswith("#")})
    if len(docs) != 2:
        raise SystemExit(f"the gold set's evidence names {len(docs)} documents; this split expects 2: {docs}")
    for i in items:
        if not i.fold.startswith("xquad:"):
            i.fold = "gold:" + (docs[int(i.fold[1])] if i.fold.startswith("#") else i.fold)
    facts = {"xquad": args.xquad.name, "xquad_articles": squad.articles, "xquad_questions": len(squad.questions),
             "gold": args.gold.name, "gold_questions": sum(i.source == "gold" for i in items), "gold_documents": docs,
             "foreign_questions": sum(i.source == "foreign" for i in items),
             "span_readers_in_held_out_answers": {
                 "xquad_questions": "a reader fitted without their article's half (odd or even)" if readers[0] and readers[1]
                 else "the shipped reader, fitted on every XQuAD article (short answers not held out)",
                 "gold_questions": "the shipped reader (fitted on XQuAD only)"}}
    return items, {"retrievers": retrievers, **facts}


def _source_weights(items: list[Item]) -> np.ndarray:
    """Per-question weights giving every source present the same total (mean 1)."""
    sources = np.array([i.source for i in items])
    present = sorted(set(sources))
    w = np.ones(len(items))
    for source in present:
        here = sources == source
        w[here] = len(items) / (len(present) * here.sum())
    return w


def fit_ranker(items: list[Item], l2: float) -> dict:
    """Softmax over each question's candidates, by damped Newton steps; returns mean, scale, weights."""
    items = [i for i in items if len(i.y) and i.y.any()]
    sizes = np.array([len(i.y) for i in items])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    seg = np.repeat(np.arange(len(items)), sizes)
    x = np.vstack([i.x for i in items])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    y = np.concatenate([i.y for i in items])
    target = y / np.add.reduceat(y, starts)[seg]
    wq = _source_weights(items)
    wr = wq[seg]

    def loss(beta: np.ndarray) -> float:
        s = z @ beta
        m = np.maximum.reduceat(s, starts)
        lse = m + np.log(np.add.reduceat(np.exp(s - m[seg]), starts))
        return float(-(wr * target * (s - lse[seg])).sum() + 0.5 * l2 * beta @ beta)

    beta = np.zeros(z.shape[1])
    for _ in range(100):
        s = z @ beta
        e = np.exp(s - np.maximum.reduceat(s, starts)[seg])
        p = e / np.add.reduceat(e, starts)[seg]
        grad = z.T @ (wr * (p - target)) + l2 * beta
        means = np.add.reduceat(z * p[:, None], starts)
        hess = (z * (wr * p)[:, None]).T @ z - (means * wq[:, None]).T @ means + l2 * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        t, base = 1.0, loss(beta)
        while loss(beta - t * step) > base and t > 1e-6:
            t /= 2
        beta -= t * step
        if np.abs(t * step).max() < 1e-9:
            break
    return {"mean": mean.tolist(), "scale": scale.tolist(), "weights": beta.tolist()}


def _calibration_inputs(ranker: dict, item: Item) -> np.ndarray:
    from qa.answering.sentence_model import calibration_inputs, ranker_scores

    return calibration_inputs(ranker_scores(item.x, ranker["mean"], ranker["scale"], ranker["weights"]), item.x)


def fit_calibration(items: list[Item], ranker: dict, l2: float = 1.0) -> dict:
    """Logistic regression of "the best-ranked sentence holds the answer" on the calibration inputs
    (Newton's method): the probability the assistant abstains on is that of its best sentence."""
    items = [i for i in items if len(i.y)]
    tops = [_calibration_inputs(ranker, i) for i in items]
    best = [int(np.argmax(t[:, 0])) for t in tops]
    x = np.vstack([t[b] for t, b in zip(tops, best)])
    x = np.hstack([x, np.ones((len(x), 1))])
    y = np.array([i.y[b] for i, b in zip(items, best)])
    w = _source_weights(items)
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    beta = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-x @ beta))
        step = np.linalg.solve((x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty), x.T @ (w * (p - y)) + penalty * beta)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return {"calibration": beta[:-1].tolist(), "calibration_bias": float(beta[-1])}


def fit(items: list[Item], l2: float) -> dict:
    ranker = fit_ranker(items, l2)
    return {**ranker, **fit_calibration(items, ranker)}


def model_dict(params: dict, fitted_on: dict) -> dict:
    from qa.answering.features import FEATURES
    from qa.answering.sentence_model import CALIBRATION, FORMAT, FORMAT_VERSION

    return {"format": FORMAT, "format_version": FORMAT_VERSION, "features": list(FEATURES),
            "calibration_inputs": list(CALIBRATION), **params, "fitted_on": fitted_on,
            "fitted_at": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}


def ranking(items: list[Item], params: dict) -> tuple[float, float]:
    """Share of answerable questions whose best-scored candidate (top 3) holds the answer."""
    from qa.answering.sentence_model import ranker_scores

    top1, top3 = [], []
    for i in items:
        if not i.answers or not len(i.y):
            continue
        s = ranker_scores(i.x, params["mean"], params["scale"], params["weights"])
        order = np.argsort(-s, kind="stable")
        top1.append(bool(i.y[order[0]]))
        top3.append(bool(i.y[order[:3]].any()))
    return round(float(np.mean(top1)), 3), round(float(np.mean(top3)), 3)


def held_out_answers(items: list[Item], info: dict, settings, l2: float, tmp: Path) -> tuple[list[dict], dict]:
    """Each question answered end to end by the model fitted without its fold, abstention off,
    short answers on (read by the item's reader, which has not seen the question either)."""
    from qa.answering.answerer import answer

    rows, ranked = [], {}
    for fold in sorted({i.fold for i in items}):
        params = fit([i for i in items if i.fold != fold], l2)
        here = [i for i in items if i.fold == fold]
        ranked[fold] = ranking(here, params)
        path = tmp / f"{fold.replace(':', '_').replace('/', '_')}.json"
        path.write_text(json.dumps(model_dict(params, {"fold": fold})), encoding="utf-8")
        s = replace(settings, sentence_model=str(path), abstain_below=float("-inf"))
        for i in here:
            _use_reader(i.reader)
            rows.append({"item": i, "reply": answer(i.question, i.history, retriever=info["retrievers"][i.index], settings=s)})
        _use_reader(None)
    return rows, ranked


def _use_reader(folder: str | None) -> None:
    """Make the answerer's span reader the one at `folder` (None: the shipped one)."""
    if folder:
        os.environ["QA_READER"] = folder
    else:
        os.environ.pop("QA_READER", None)


def _judged(row: dict) -> tuple[bool, list[bool]]:
    """Whether an answered row's text contains a gold answer, which of its citations are
    relevant, and EM and token F1 (of the short answer, else the text); kept on the row, since
    choosing the threshold asks for them at every candidate value."""
    from qa.evaluation.common import scoring_text, short_text
    from qa.evaluation.metrics import answer_contains, exact_match, f1_score, relevance_flags

    if "judged" not in row:
        i, reply = row["item"], row["reply"]
        if i.source == "xquad":
            cited = [p.doc_id == i.paragraph for p in reply.citations]
        else:
            cited = list(relevance_flags([p.text for p in reply.citations], i.quotes))
        text = scoring_text(reply)
        short = short_text(reply) or text
        em, f1 = (exact_match(short, i.answers), f1_score(short, i.answers)) if i.answers else (0.0, 0.0)
        row["judged"] = (answer_contains(text, i.answers), cited, em, f1)
    return row["judged"]


def figures(rows: list[dict], threshold: float) -> dict:
    """contains, EM and F1, pooled citation precision, abstention and false abstention at a threshold."""
    answerable = [r for r in rows if r["item"].answers]
    unanswerable = [r for r in rows if not r["item"].answers]

    def abstains(r: dict) -> bool:
        return r["reply"].abstained or r["reply"].confidence < threshold

    contains = [not abstains(r) and _judged(r)[0] for r in answerable]
    cited = [flag for r in answerable if not abstains(r) for flag in _judged(r)[1]]
    em = [0.0 if abstains(r) else _judged(r)[2] for r in answerable]
    f1 = [0.0 if abstains(r) else _judged(r)[3] for r in answerable]
    return {
        "questions": len(rows),
        "contains": round(float(np.mean(contains)), 3) if contains else None,
        "exact_match": round(float(np.mean(em)), 3) if em else None,
        "f1": round(float(np.mean(f1)), 3) if f1 else None,
        "citation_precision": round(float(np.mean(cited)), 3) if cited else None,
        "abstention": round(float(np.mean([abstains(r) for r in unanswerable])), 3) if unanswerable else None,
        "false_abstention": round(float(np.mean([abstains(r) for r in answerable])), 3) if answerable else None,
    }


def choose_threshold(rows: list[dict], budget: float) -> float:
    """Most abstention on unanswerable questions (the mean of the gold set's and the foreign ones')
    - 2 x false abstention, within the budget."""
    gold = [r for r in rows if r["item"].source == "gold"]
    xquad = [r for r in rows if r["item"].source == "xquad"]
    foreign = [r for r in rows if r["item"].source == "foreign"]
    values = sorted({round(r["reply"].confidence, 4) for r in rows if not r["reply"].abstained})
    candidates = [0.0] + [round((a + b) / 2, 4) for a, b in zip(values, values[1:]) if a <= 0.9]

    def score(t: float) -> tuple[float, float]:
        g, x = figures(gold, t), figures(xquad, t)
        false = max(g["false_abstention"] or 0.0, x["false_abstention"] or 0.0)
        unanswered = [g["abstention"] or 0.0] + ([figures(foreign, t)["abstention"] or 0.0] if foreign else [])
        return float(np.mean(unanswered)) - 2 * false, false

    scored = {t: score(t) for t in candidates}
    allowed = [t for t in candidates if scored[t][1] <= budget]
    return max(allowed, key=lambda t: (scored[t][0], -t)) if allowed else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xquad", type=Path, default=ROOT.parent / "shared/data/xquad_en/xquad.en.json")
    parser.add_argument("--xquad-index", type=Path, default=None, help="index of the XQuAD paragraphs (as `qa eval squad --index`)")
    parser.add_argument("--gold", type=Path, default=ROOT / "eval/gold.jsonl")
    parser.add_argument("--index", type=Path, default=None, help="index of the gold set's corpus ($QA_INDEX or ./index)")
    parser.add_argument("--folds", type=int, default=4, help="XQuAD article folds")
    parser.add_argument("--l2", type=float, default=100.0, help="L2 penalty on the ranker's standardised weights")
    parser.add_argument("--budget", type=float, default=0.05, help="largest acceptable false-abstention rate")
    parser.add_argument("--reader-without-odd", type=Path, help="span reader fitted without the odd XQuAD articles "
                        "(eval/fit_reader.py --holdout odd): reads the odd articles' questions in held-out answers")
    parser.add_argument("--reader-without-even", type=Path, help="span reader fitted without the even XQuAD articles")
    parser.add_argument("--out", type=Path, default=ROOT / "src/qa/answering/sentence_model.json")
    args = parser.parse_args()
    if bool(args.reader_without_odd) != bool(args.reader_without_even):
        parser.error("give both --reader-without-odd and --reader-without-even, or neither")
    if not args.reader_without_odd:
        print("no --reader-without-odd/-even: the shipped span reader, fitted on every XQuAD article, reads the "
              "held-out XQuAD questions, so their EM and F1 are not held out", file=sys.stderr)

    from qa.settings import AnswerSettings, offline_environment

    offline_environment()
    settings = AnswerSettings()
    items, info = collect(args, settings)
    print(f"{sum(len(i.y) for i in items)} candidate sentences, {int(sum(i.y.sum() for i in items))} positive, "
          f"from {len(items)} questions", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        rows, ranked = held_out_answers(items, info, settings, args.l2, Path(tmp))
    threshold = choose_threshold(rows, args.budget)
    held_out = {
        "xquad_articles_held_out": figures([r for r in rows if r["item"].source == "xquad"], threshold),
        "gold_held_out_by_document": figures([r for r in rows if r["item"].source == "gold"], threshold),
        "foreign_held_out": figures([r for r in rows if r["item"].source == "foreign"], threshold),
        "folds": {fold: {**figures([r for r in rows if r["item"].fold == fold], threshold),
                         "top1_top3_holds_answer": ranked[fold]} for fold in sorted(ranked)},
    }
    fitted_on = {
        **{k: v for k, v in info.items() if k != "retrievers"},
        "sources_weighted_equally": True, "l2": args.l2, "xquad_folds": args.folds,
        "abstain_below": threshold,
        "threshold_rule": f"chosen on held-out folds: max abstention - 2 x false abstention, false abstention <= {args.budget}",
        "held_out": held_out,
    }
    model = model_dict(fit(items, args.l2), fitted_on)
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({"abstain_below": threshold, **held_out}, indent=1))
    print(f"wrote {args.out}; AnswerSettings.abstain_below must be {threshold}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

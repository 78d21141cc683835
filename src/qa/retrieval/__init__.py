"""Retrieval: question analysis, dense + BM25 scoring, fusion and priors, the Retriever."""

"""Scoring of retrieval, answers, citations and abstention against a gold set."""
